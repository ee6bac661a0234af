//! The one module of the learn pages that touches browser storage. In `localStorage`: which
//! scenarios are done (ids only) and each lesson's step (an index only). In the tab's
//! `sessionStorage` (gone when the tab closes), what was done in each scenario's session, so
//! a reload plays it again — never a password typed into a form. Storage can be full or
//! disabled (private mode); the pages work without it.
//!
//! What the text means is [`crate::lessons::progress`] (native, tested); this module only
//! reads and writes it. [`super::provider`] loads it into the reducers' initial state and
//! saves it in effects; a scenario's saved session comes in with its `Open` action.

use std::collections::{BTreeMap, BTreeSet};

use super::scenarios::state::ScenarioSession;
use crate::lessons::progress::{
    decode_saved, done_from, done_text, encode_saved, progress_from, progress_text, Saved,
};
use crate::lessons::scenarios;
use crate::live::Shared;

const DONE_KEY: &str = "smtp-trainer.scenarios.done";
const PROGRESS_KEY: &str = "smtp-trainer.lessons.progress";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read(key: &str) -> String {
    local_storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .unwrap_or_default()
}

fn write(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = if value.is_empty() {
            storage.remove_item(key)
        } else {
            storage.set_item(key, value)
        };
    }
}

/// The done scenarios, as stored (built-in ones and teachers' ids; malformed ids ignored).
pub fn load_done() -> BTreeSet<&'static str> {
    done_from(&read(DONE_KEY))
}

/// Remembers the done scenarios (`id id …`).
pub fn save_done(done: &BTreeSet<&'static str>) {
    write(DONE_KEY, &done_text(done));
}

/// Each lesson's step, as stored (unknown lessons ignored, steps clamped to the lesson).
pub fn load_progress() -> BTreeMap<&'static str, usize> {
    progress_from(&read(PROGRESS_KEY))
}

/// Remembers each lesson's step (`id=k id=k …`).
pub fn save_progress(progress: &BTreeMap<&'static str, usize>) {
    write(PROGRESS_KEY, &progress_text(progress));
}

/// The key of a scenario's saved session in the tab's session storage.
fn session_key(id: &str) -> String {
    format!("smtp-trainer.scenario-session.{id}")
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// What the tab kept of a scenario's session, if anything.
pub fn load_session(id: &str) -> Option<Saved> {
    let text = session_storage()?
        .get_item(&session_key(id))
        .ok()
        .flatten()?;
    Some(decode_saved(&text))
}

/// Keeps each scenario's session in the tab's session storage (gone when the tab closes),
/// and forgets those that have none.
pub fn save_sessions(sessions: &BTreeMap<&'static str, Shared<ScenarioSession>>) {
    let Some(storage) = session_storage() else {
        return;
    };
    for scenario in scenarios::all() {
        let key = session_key(scenario.id);
        let saved = sessions.get(scenario.id).map(|s| {
            let s = s.read();
            Saved {
                hints: s.hints,
                record: s.record.as_ref().clone(),
            }
        });
        let _ = match saved.filter(|s| s.hints > 0 || !s.record.is_empty()) {
            Some(saved) => storage.set_item(&key, &encode_saved(&saved)),
            None => storage.remove_item(&key),
        };
    }
}
