//! Shared output of `dkim`, `spf` and `dmarc`: reading inputs, rendering steps with CR and
//! LF visible, canonicalization changes, JSON shapes.

use std::io::{self, Read};
use std::path::Path;

use serde::Serialize;

use crate::i18n::{Fill, Lang, Tr};
use crate::msgauth::dkim::canon::Changes;
use crate::msgauth::dkim::message::MAX_MESSAGE;
use crate::msgauth::dns::Zone;
use crate::msgauth::show_crlf;
use crate::sasl::trace::{Trace, View};

pub(super) const EXIT_FAIL: u8 = 1;

/// A file's bytes, or standard input for `-`.
pub(super) fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    // Bounded whatever the input: a device, a pipe or a huge file is read up to one octet
    // past the largest input any of these commands takes, never whole.
    let limit = MAX_MESSAGE as u64 + 1;
    if path.as_os_str() == "-" {
        io::stdin().lock().take(limit).read_to_end(&mut buf)?;
    } else {
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut buf)?;
    }
    if buf.len() > MAX_MESSAGE {
        return Err(io::Error::other(format!(
            "over {MAX_MESSAGE} octets: the trainer reads at most that much"
        )));
    }
    Ok(buf)
}

/// A records file read as a zone; the error already in words.
pub(super) fn read_zone(path: &Path, lang: Lang) -> Result<Zone, String> {
    let bytes = read_input(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Zone::parse(&String::from_utf8_lossy(&bytes))
        .map_err(|e| format!("{}: {}", path.display(), e.describe(lang)))
}

/// A step's value is shown whole up to this many lines; a longer one (a message's body) by
/// its first [`HEAD_LINES`] and last [`TAIL_LINES`] lines, with the count of those between.
const MAX_SHOWN_LINES: usize = 60;
const HEAD_LINES: usize = 40;
const TAIL_LINES: usize = 10;

/// The line between a long value's head and tail.
const LINES_LEFT_OUT: Tr = Tr::new(
    "… {n} lines left out ({octets} octets in all); --json has the value whole …",
    "……省略 {n} 行（共 {octets} 个八位组）；--json 输出完整的值……",
);

/// Steps as text: text steps with ␍␊ shown, indented; a long value by its start and end.
pub(super) fn render(trace: &Trace, lang: Lang) -> String {
    let mut out = String::new();
    for (n, step) in trace.steps.iter().enumerate() {
        out.push_str(&format!(
            "{:>2}. [{}] {}\n",
            n + 1,
            step.id,
            step.label.get(lang)
        ));
        let shown = match step.view {
            View::Text => show_crlf(&step.bytes),
            View::Hex | View::Base64 => step.preferred(),
        };
        let lines: Vec<&str> = shown.lines().collect();
        let cut = lines.len() > MAX_SHOWN_LINES;
        for (i, line) in lines.iter().enumerate() {
            if cut && i == HEAD_LINES {
                let said = LINES_LEFT_OUT.get(lang).fill(&[
                    ("n", &(lines.len() - HEAD_LINES - TAIL_LINES)),
                    ("octets", &step.bytes.len()),
                ]);
                out.push_str(&format!("    {said}\n"));
            }
            if !cut || i < HEAD_LINES || i >= lines.len() - TAIL_LINES {
                out.push_str(&format!("    {line}\n"));
            }
        }
        out.push_str(&format!("    {}\n", step.explain.get(lang)));
    }
    out
}

/// What canonicalization changed, one rule a paragraph.
pub(super) fn render_changes(title: Tr, changes: &Changes, lang: Lang) -> String {
    if changes.list.is_empty() {
        return String::new();
    }
    let mut out = format!("{}\n", title.get(lang));
    for c in &changes.list {
        out.push_str(&format!(
            "  [{}] {}: {}\n    {} → {}\n",
            c.rule.id(),
            c.place,
            c.rule.explain().get(lang),
            show_crlf(&c.before).replace('\n', ""),
            show_crlf(&c.after).replace('\n', "")
        ));
    }
    if changes.more > 0 {
        out.push_str(&format!("  (+{})\n", changes.more));
    }
    out
}

/// One canonicalization change for JSON.
#[derive(Serialize)]
pub(super) struct ChangeJson {
    rule: &'static str,
    place: String,
    explain: &'static str,
    before: String,
    after: String,
}

/// Changes for JSON.
pub(super) fn changes_json(changes: &Changes, lang: Lang) -> Vec<ChangeJson> {
    changes
        .list
        .iter()
        .map(|c| ChangeJson {
            rule: c.rule.id(),
            place: c.place.clone(),
            explain: c.rule.explain().get(lang),
            before: String::from_utf8_lossy(&c.before).into_owned(),
            after: String::from_utf8_lossy(&c.after).into_owned(),
        })
        .collect()
}
