//! What the learn pages remember between visits, as the text a browser's storage keeps:
//! which scenarios are done (ids only), each lesson's step (an index only) and, for a
//! reload, what was done in a scenario's session ([`Saved`]: never a password typed into a
//! form). Pure: text in, values out, and back; the page reads and writes the storage
//! (`ui::learn::storage`) and hands these values to its reducers.

use std::collections::{BTreeMap, BTreeSet};

use super::guided::LESSONS;
use super::scenarios::{self, ComposeField};

/// At most this many done ids are read back.
pub const MAX_DONE: usize = 200;
/// The longest id of a teacher's scenario that is read back.
pub const MAX_ID: usize = 40;

/// The done scenarios in `stored` (`id id …`): built-in ones, and teachers' ids that are not
/// loaded yet (at most [`MAX_DONE`] ids of at most [`MAX_ID`] octets; malformed ids
/// ignored).
pub fn done_from(stored: &str) -> BTreeSet<&'static str> {
    stored
        .split_whitespace()
        .take(MAX_DONE)
        .filter_map(|id| {
            // A teacher's scenario is not loaded yet after a reload: its id is kept, so its
            // ✓ is back when the file is loaded again (ids only, each at most 40 octets).
            scenarios::find(id).map(|s| s.id).or_else(|| {
                let valid = id.len() <= MAX_ID
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                valid.then(|| &*Box::leak(id.to_string().into_boxed_str()))
            })
        })
        .collect()
}

/// The done scenarios as stored (`id id …`).
pub fn done_text(done: &BTreeSet<&'static str>) -> String {
    let ids: Vec<&str> = done.iter().copied().collect();
    ids.join(" ")
}

/// Each lesson's step in `stored` (`id=k id=k …`): unknown lessons ignored, steps clamped
/// to the lesson, step 0 left out.
pub fn progress_from(stored: &str) -> BTreeMap<&'static str, usize> {
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

/// Each lesson's step as stored (`id=k id=k …`, lessons at step 0 left out).
pub fn progress_text(progress: &BTreeMap<&'static str, usize>) -> String {
    let pairs: Vec<String> = progress
        .iter()
        .filter(|(_, &step)| step > 0)
        .map(|(id, step)| format!("{id}={step}"))
        .collect();
    pairs.join(" ")
}

/// One thing the learner did in a scenario that a reload does again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replay {
    /// A console line (sent with CRLF).
    Line(String),
    /// Raw-mode text (sent as [`scenarios::raw_bytes`] makes it).
    Raw(String),
    /// saslauthd started (`true`) or stopped.
    Saslauthd(bool),
    /// A compose form's input changed (never the password).
    Field(ComposeField, String),
    /// The compose form was sent.
    ComposeSend,
    /// The verifier was run (with the password typed again by hand, so without one).
    Answer(String),
}

/// What a reload finds of a scenario's session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// How many hints were shown.
    pub hints: usize,
    /// What the learner did.
    pub record: Vec<Replay>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_keeps_known_and_well_formed_ids_only() {
        let first = scenarios::all()[0].id;
        let stored = format!(
            "{first} teacher-1 Bad_Id {} {first}",
            "x".repeat(MAX_ID + 1)
        );
        let done = done_from(&stored);
        assert_eq!(done.len(), 2, "{done:?}");
        assert!(done.contains(first));
        assert!(done.contains("teacher-1"));
        // Written back as it was read (sorted, each once).
        assert_eq!(done_from(&done_text(&done)), done);
        assert!(done_from("").is_empty());
    }

    #[test]
    fn done_reads_a_bounded_number_of_ids() {
        let stored: Vec<String> = (0..MAX_DONE * 2).map(|n| format!("t{n}")).collect();
        assert_eq!(done_from(&stored.join(" ")).len(), MAX_DONE);
    }

    #[test]
    fn progress_ignores_unknown_lessons_and_clamps_steps() {
        let lesson = &LESSONS[0];
        let stored = format!("{}=999 nosuch=2 {}=x broken", lesson.id, LESSONS[1].id);
        let progress = progress_from(&stored);
        assert_eq!(progress.len(), 1, "{progress:?}");
        assert_eq!(progress.get(lesson.id), Some(&lesson.steps.len()));
        assert_eq!(
            progress_text(&progress),
            format!("{}={}", lesson.id, lesson.steps.len())
        );
        assert!(progress_from(&format!("{}=0", lesson.id)).is_empty());
    }

    #[test]
    fn progress_text_leaves_out_lessons_at_the_start() {
        let progress = BTreeMap::from([(LESSONS[0].id, 0), (LESSONS[1].id, 1)]);
        assert_eq!(progress_text(&progress), format!("{}=1", LESSONS[1].id));
        assert_eq!(
            progress_from(&progress_text(&progress)),
            BTreeMap::from([(LESSONS[1].id, 1)])
        );
    }

    #[test]
    fn a_saved_session_comes_back_as_it_was() {
        let saved = Saved {
            hints: 2,
            record: vec![
                Replay::Line("EHLO a\tb \\ c".into()),
                Replay::Raw("HELO a\\n".into()),
                Replay::Saslauthd(false),
                Replay::Field(ComposeField::Body, "line 1\r\nline 2\n".into()),
                Replay::Field(ComposeField::To, "bob@example.com".into()),
                Replay::ComposeSend,
                Replay::Answer("535 5.7.8".into()),
            ],
        };
        let text = encode_saved(&saved);
        // One thing done per line, whatever the values hold.
        assert_eq!(text.lines().count(), 1 + saved.record.len(), "{text}");
        assert_eq!(decode_saved(&text), saved);
    }

    #[test]
    fn lines_a_saved_session_does_not_understand_are_skipped() {
        let saved = decode_saved("hints\tx\nfield\tpassword\tsecret\nnope\nline\tNOOP\nsend");
        assert_eq!(saved.hints, 0);
        assert_eq!(
            saved.record,
            [Replay::Line("NOOP".into()), Replay::ComposeSend]
        );
    }
}
