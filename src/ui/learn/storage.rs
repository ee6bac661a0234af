//! What the scenarios and lessons remember in `localStorage`: which scenarios are done (ids
//! only) and each lesson's step (an index only). In the tab's `sessionStorage` (gone when
//! the tab closes), what was done in each scenario's session, so a reload plays it again —
//! never a password typed into a form. Storage can be full or disabled (private mode); the
//! pages work without it.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::scenarios::state::{ComposeField, Replay, Saved, ScenarioSession};

use crate::lessons::guided::LESSONS;
use crate::lessons::scenarios;

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
    let stored = read(DONE_KEY);
    stored
        .split_whitespace()
        .take(200)
        .filter_map(|id| {
            // A teacher's scenario is not loaded yet after a reload: its id is kept, so its
            // ✓ is back when the file is loaded again (ids only, each at most 40 octets).
            scenarios::find(id).map(|s| s.id).or_else(|| {
                let valid = id.len() <= 40
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                valid.then(|| &*Box::leak(id.to_string().into_boxed_str()))
            })
        })
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

/// The key of a scenario's saved session in the tab's session storage.
fn session_key(id: &str) -> String {
    format!("smtp-trainer.scenario-session.{id}")
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// `\`, tab and line ends written out, so a value stays on one line of its own.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

const FIELDS: [(ComposeField, &str); 9] = [
    (ComposeField::Host, "host"),
    (ComposeField::Port, "port"),
    (ComposeField::User, "user"),
    (ComposeField::From, "from"),
    (ComposeField::To, "to"),
    (ComposeField::Cc, "cc"),
    (ComposeField::Bcc, "bcc"),
    (ComposeField::Subject, "subject"),
    (ComposeField::Body, "body"),
];

/// A saved session as text: one thing done per line (`line\t…`, `raw\t…`, `sasl\t1`,
/// `field\tto\t…`, `send`, `answer\t…`), and `hints\tn`.
pub fn encode_saved(saved: &Saved) -> String {
    let mut out = vec![format!("hints\t{}", saved.hints)];
    for replay in &saved.record {
        out.push(match replay {
            Replay::Line(line) => format!("line\t{}", escape(line)),
            Replay::Raw(text) => format!("raw\t{}", escape(text)),
            Replay::Saslauthd(running) => format!("sasl\t{}", u8::from(*running)),
            Replay::Field(field, value) => {
                let name = FIELDS
                    .iter()
                    .find(|(f, _)| f == field)
                    .map_or("", |(_, n)| n);
                format!("field\t{name}\t{}", escape(value))
            }
            Replay::ComposeSend => "send".to_string(),
            Replay::Answer(text) => format!("answer\t{}", escape(text)),
        });
    }
    out.join("\n")
}

/// The saved session in `text` (lines it does not understand are skipped).
pub fn decode_saved(text: &str) -> Saved {
    let mut saved = Saved::default();
    for line in text.lines() {
        let mut fields = line.splitn(3, '\t');
        let kind = fields.next().unwrap_or("");
        let first = fields.next().unwrap_or("");
        let replay = match kind {
            "hints" => {
                saved.hints = first.parse().unwrap_or(0);
                continue;
            }
            "line" => Replay::Line(unescape(first)),
            "raw" => Replay::Raw(unescape(first)),
            "sasl" => Replay::Saslauthd(first == "1"),
            "field" => match FIELDS.iter().find(|(_, n)| *n == first) {
                Some((field, _)) => Replay::Field(*field, unescape(fields.next().unwrap_or(""))),
                None => continue,
            },
            "send" => Replay::ComposeSend,
            "answer" => Replay::Answer(unescape(first)),
            _ => continue,
        };
        saved.record.push(replay);
    }
    saved
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
pub fn save_sessions(sessions: &BTreeMap<&'static str, Rc<ScenarioSession>>) {
    let Some(storage) = session_storage() else {
        return;
    };
    for scenario in scenarios::all() {
        let key = session_key(scenario.id);
        let saved = sessions.get(scenario.id).map(|s| Saved {
            hints: s.hints,
            record: s.record.as_ref().clone(),
        });
        let _ = match saved.filter(|s| s.hints > 0 || !s.record.is_empty()) {
            Some(saved) => storage.set_item(&key, &encode_saved(&saved)),
            None => storage.remove_item(&key),
        };
    }
}
