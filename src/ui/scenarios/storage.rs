//! What the scenarios and lessons remember in `localStorage`: which scenarios are done (ids
//! only) and each lesson's step (an index only). Never a password, never what was typed.
//! Storage can be full or disabled (private mode); the pages work without it.

use std::collections::{BTreeMap, BTreeSet};

use crate::lessons::guided::LESSONS;
use crate::lessons::scenarios::SCENARIOS;

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

/// The done scenarios, as stored (ids no scenario has are ignored).
pub fn load_done() -> BTreeSet<&'static str> {
    let stored = read(DONE_KEY);
    stored
        .split_whitespace()
        .filter_map(|id| SCENARIOS.iter().find(|s| s.id == id).map(|s| s.id))
        .collect()
}

/// Remembers the done scenarios (`id id …`).
pub fn save_done(done: &BTreeSet<&'static str>) {
    let ids: Vec<&str> = done.iter().copied().collect();
    write(DONE_KEY, &ids.join(" "));
}

/// Each lesson's step, as stored (unknown lessons ignored, steps clamped to the lesson).
pub fn load_progress() -> BTreeMap<&'static str, usize> {
    let stored = read(PROGRESS_KEY);
    stored
        .split_whitespace()
        .filter_map(|pair| {
            let (id, step) = pair.split_once('=')?;
            let lesson = LESSONS.iter().find(|l| l.id == id)?;
            let step = step.parse::<usize>().ok()?.min(lesson.steps.len());
            (step > 0).then_some((lesson.id, step))
        })
        .collect()
}

/// Remembers each lesson's step (`id=k id=k …`).
pub fn save_progress(progress: &BTreeMap<&'static str, usize>) {
    let pairs: Vec<String> = progress
        .iter()
        .filter(|(_, &step)| step > 0)
        .map(|(id, step)| format!("{id}={step}"))
        .collect();
    write(PROGRESS_KEY, &pairs.join(" "));
}
