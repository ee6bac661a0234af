//! The reply-code reference: every reply code a learner meets, and the enhanced status
//! codes of RFC 3463 and RFC 4954, each explained in English and Chinese.
//!
//! The tables live in [`data`](self::REPLY_CODES); this module looks them up and searches
//! them. The same data serves the page (`#/reference/553`) and the CLI
//! (`smtp-trainer explain 553`).

use super::codes::{EnhancedCode, ReplyCode};
use crate::i18n::{Lang, Tr};

#[path = "reference_data.rs"]
mod data;

pub use data::{ENHANCED_CODES, REPLY_CODES};

/// What the reference knows about one reply code.
#[derive(Debug)]
pub struct ReplyInfo {
    /// The code, e.g. `553`.
    pub code: u16,
    /// Its short name, e.g. "Mailbox name not allowed".
    pub title: Tr,
    /// When servers send it, with the typical situations.
    pub when: Tr,
    /// What a client (or the person behind it) should do.
    pub action: Tr,
    /// Enhanced status codes commonly sent with it, e.g. `["5.7.1", "5.1.3"]`.
    pub enhanced: &'static [&'static str],
    /// Real reply lines carrying this code, verbatim, e.g.
    /// `"553 Mail from must equal authorized user"` (163.com, seed 000).
    pub examples: &'static [&'static str],
    /// Where it is defined, e.g. `"RFC 5321 §4.2.2"`.
    pub source: &'static str,
}

/// What the reference knows about one enhanced status code detail `X.subject.detail`.
///
/// RFC 3463 defines each detail once for all classes: `X.7.8` reads the same in `4.7.8`
/// and `5.7.8`; the class only says whether the failure is temporary.
#[derive(Debug)]
pub struct EnhancedInfo {
    /// The subject number (the `7` of `5.7.8`).
    pub subject: u16,
    /// The detail number (the `8` of `5.7.8`).
    pub detail: u16,
    /// Its short name, e.g. "Authentication credentials invalid".
    pub title: Tr,
    /// What it means and when it is sent.
    pub meaning: Tr,
    /// What to do about it.
    pub action: Tr,
    /// Where it is defined, e.g. `"RFC 4954 §6"`.
    pub source: &'static str,
}

/// The reference entry for a reply code, if it has one.
pub fn reply_info(code: ReplyCode) -> Option<&'static ReplyInfo> {
    REPLY_CODES.iter().find(|info| info.code == code.value())
}

/// The reference entry for an enhanced code's subject and detail, if it has one.
pub fn enhanced_info(code: EnhancedCode) -> Option<&'static EnhancedInfo> {
    ENHANCED_CODES
        .iter()
        .find(|info| info.subject == code.subject() && info.detail == code.detail())
}

/// One search hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A reply code.
    Reply(&'static ReplyInfo),
    /// An enhanced status code detail.
    Enhanced(&'static EnhancedInfo),
}

impl PartialEq for ReplyInfo {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for ReplyInfo {}

impl PartialEq for EnhancedInfo {
    fn eq(&self, other: &Self) -> bool {
        (self.subject, self.detail) == (other.subject, other.detail)
    }
}
impl Eq for EnhancedInfo {}

impl Entry {
    /// The entry's label: `553`, or `X.7.8` for an enhanced detail.
    pub fn label(self) -> String {
        match self {
            Entry::Reply(info) => info.code.to_string(),
            Entry::Enhanced(info) => format!("X.{}.{}", info.subject, info.detail),
        }
    }

    /// The path segment of the entry's deep link: `553`, or `5.7.8`-style for enhanced
    /// details (class 5, the common case, which reads the same as 4 apart from the class).
    pub fn slug(self) -> String {
        match self {
            Entry::Reply(info) => info.code.to_string(),
            Entry::Enhanced(info) => format!("X.{}.{}", info.subject, info.detail),
        }
    }

    /// The entry's short name.
    pub fn title(self) -> Tr {
        match self {
            Entry::Reply(info) => info.title,
            Entry::Enhanced(info) => info.title,
        }
    }

    fn texts(self) -> [Tr; 3] {
        match self {
            Entry::Reply(info) => [info.title, info.when, info.action],
            Entry::Enhanced(info) => [info.title, info.meaning, info.action],
        }
    }
}

/// All entries in reference order: reply codes ascending, then enhanced details.
pub fn entries() -> impl Iterator<Item = Entry> {
    REPLY_CODES
        .iter()
        .map(Entry::Reply)
        .chain(ENHANCED_CODES.iter().map(Entry::Enhanced))
}

/// Searches the reference by code or by words, in both languages at once (a learner in
/// the English UI may paste a Chinese error, and the other way round).
///
/// - Digits match reply codes by prefix: `55` finds 550–555.
/// - A dotted code matches enhanced details: `5.7.8`, `X.7.8`, `7.8`, `5.7` (all of subject 7).
///   A full `553 5.7.1` finds both.
/// - Anything else is split into words; an entry matches when every word occurs in its
///   texts, its example replies or its enhanced codes (case-insensitive).
///
/// The result is in reference order. An empty query returns everything.
pub fn search(query: &str) -> Vec<Entry> {
    // Bounded work for any input: a pasted log line is plenty at 200 characters.
    let query: String = query.chars().take(200).collect();
    let words: Vec<String> = query.split_whitespace().map(|w| w.to_lowercase()).collect();
    if words.is_empty() {
        return entries().collect();
    }
    entries()
        .filter(|entry| words.iter().all(|word| matches_word(*entry, word)))
        .collect()
}

fn matches_word(entry: Entry, word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return match entry {
            Entry::Reply(info) => info.code.to_string().starts_with(word),
            Entry::Enhanced(_) => false,
        };
    }
    if let Some(pattern) = dotted_pattern(word) {
        return match entry {
            Entry::Reply(info) => info.enhanced.iter().any(|e| pattern.matches_text(e)),
            Entry::Enhanced(info) => pattern.matches(info.subject, info.detail),
        };
    }
    let in_texts = entry.texts().iter().any(|tr| {
        Lang::ALL
            .iter()
            .any(|&lang| tr.get(lang).to_lowercase().contains(word))
    });
    in_texts
        || match entry {
            Entry::Reply(info) => info
                .examples
                .iter()
                .any(|line| line.to_lowercase().contains(word)),
            Entry::Enhanced(_) => false,
        }
}

/// `5.7.8`, `x.7.8`, `7.8` and `5.7` read as a pattern over (subject, detail).
struct DottedPattern {
    subject: u16,
    detail: Option<u16>,
}

impl DottedPattern {
    fn matches(&self, subject: u16, detail: u16) -> bool {
        self.subject == subject && self.detail.is_none_or(|d| d == detail)
    }

    fn matches_text(&self, enhanced: &str) -> bool {
        EnhancedCode::parse(enhanced)
            .map(|code| self.matches(code.subject(), code.detail()))
            .unwrap_or(false)
    }
}

fn dotted_pattern(word: &str) -> Option<DottedPattern> {
    let word = word.trim_end_matches([',', ';', ')', ':']);
    let parts: Vec<&str> = word.split('.').collect();
    let num = |p: &str| -> Option<u16> {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let is_class = |p: &str| matches!(p, "2" | "4" | "5" | "x");
    match parts.as_slice() {
        [c, s, d] if is_class(c) => Some(DottedPattern {
            subject: num(s)?,
            detail: Some(num(d)?),
        }),
        [c, s] if is_class(c) && *c != "x" => Some(DottedPattern {
            subject: num(s)?,
            detail: None,
        }),
        [s, d] => Some(DottedPattern {
            subject: num(s)?,
            detail: Some(num(d)?),
        }),
        _ => None,
    }
}
