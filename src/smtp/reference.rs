//! The reply-code reference: every reply code an RFC defines and those real servers send
//! without one, and every code of IANA's "SMTP Enhanced Status Codes" registry (RFC 3463,
//! RFC 5248 and the RFCs that added to it), each explained in English and Chinese.
//!
//! The tables live in [`data`](self::REPLY_CODES); this module looks them up and searches
//! them. The same data serves the page (`#/reference/553`) and the CLI
//! (`smtp-trainer explain 553`).

use super::codes::{EnhancedCode, ReplyCode};
use crate::i18n::{Lang, Tr};

#[path = "reference_data.rs"]
mod data;

pub use data::{ENHANCED_CODES, PROVIDER_NOTES, PROVIDER_TAGS, REPLY_CODES};

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
    /// The classes the registry describes this detail for: `[5]` for "useful only as a
    /// permanent error" (X.1.1), `[4]` for "only as a persistent transient error" (X.4.1),
    /// `[2]` for a success report (X.1.5), `[2, 4, 5]` when it says nothing.
    pub classes: &'static [u8],
    /// Where it is defined, e.g. `"RFC 4954 §6"`.
    pub source: &'static str,
}

/// What a big provider means by an enhanced code it sends, in its own published words:
/// registered codes it uses in a particular way (Gmail's 5.7.26) and its own numbers beyond
/// the registry (Microsoft's 5.7.515).
#[derive(Debug)]
pub struct ProviderNote {
    /// The full code as the provider sends it, e.g. `"5.7.515"`.
    pub code: &'static str,
    /// The reply code it comes with, e.g. `550`.
    pub reply: u16,
    /// Who sends it, e.g. "Outlook.com (Microsoft)".
    pub provider: Tr,
    /// The provider's wording after the codes, verbatim (host names and addresses as
    /// placeholders).
    pub wording: &'static str,
    /// What it means and what to do.
    pub meaning: Tr,
    /// Where the wording was published or recorded.
    pub from: Tr,
}

/// A reason tag a provider writes after its reply code where others put an enhanced code
/// (NetEase's `554 DT:SPM`), with what the provider's own published list says it means.
#[derive(Debug)]
pub struct ProviderTag {
    /// The reply code it comes with: the same tag can mean a deferral under 451 and a
    /// refusal under 554.
    pub reply: u16,
    /// The tag as sent, e.g. `"DT:SPM"`.
    pub tag: &'static str,
    /// Who sends it, e.g. "NetEase (163.com, 126.com)".
    pub provider: Tr,
    /// The provider's published explanation, verbatim.
    pub published: &'static str,
    /// What it means in SMTP terms and what to do.
    pub meaning: Tr,
    /// Where the explanation was published.
    pub from: Tr,
}

/// The heading over the tags documented under a reply code (page and CLI).
pub fn provider_tags_heading() -> Tr {
    Tr::new(
        "Reason tags providers document under this code",
        "服务商在此代码下公布的原因标记",
    )
}

/// The tags a provider documents under one reply code, in table order.
pub fn provider_tags_for(reply: u16) -> Vec<&'static ProviderTag> {
    PROVIDER_TAGS.iter().filter(|t| t.reply == reply).collect()
}

/// The documented tags found in a reply's text (`DT:SPM`, `MI:IMF` …): those listed under
/// the reply's own code, or, when the code has none of them (or is unknown), every entry
/// of the tag under any code.
pub fn provider_tags_in(reply: Option<u16>, text: &str) -> Vec<&'static ProviderTag> {
    let mut found: Vec<&'static ProviderTag> = Vec::new();
    let tokens = text
        .split(|c: char| !(c.is_ascii_alphabetic() || c == ':'))
        .filter(|token| token.len() == 6 && token.as_bytes()[2] == b':');
    for token in tokens {
        let same_tag = || {
            PROVIDER_TAGS
                .iter()
                .filter(move |t| t.tag.eq_ignore_ascii_case(token))
        };
        let under_reply: Vec<_> = same_tag().filter(|t| Some(t.reply) == reply).collect();
        let matches = if under_reply.is_empty() {
            same_tag().collect()
        } else {
            under_reply
        };
        for tag in matches {
            if !found.iter().any(|f| std::ptr::eq(*f, tag)) {
                found.push(tag);
            }
        }
    }
    found
}

impl PartialEq for ProviderNote {
    fn eq(&self, other: &Self) -> bool {
        (self.code, self.provider) == (other.code, other.provider)
    }
}
impl Eq for ProviderNote {}

/// The providers' notes on an enhanced code (class included: Gmail's 4.7.28 is not 5.7.28).
pub fn provider_notes(code: EnhancedCode) -> Vec<&'static ProviderNote> {
    PROVIDER_NOTES
        .iter()
        .filter(|note| EnhancedCode::parse(note.code) == Ok(code))
        .collect()
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

    /// The path segment of the entry's deep link (`#/reference/553`, `#/reference/X.7.8`):
    /// the label, since a reference detail has no class of its own.
    pub fn slug(self) -> String {
        self.label()
    }

    /// Where the entry is defined, e.g. `RFC 5321 §4.2.2`.
    pub fn source(self) -> &'static str {
        match self {
            Entry::Reply(info) => info.source,
            Entry::Enhanced(info) => info.source,
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
/// - A query that reads as a reply line (`553`, `553 5.7.1`, `Got: 550 5.1.1 <bob@x>: …`,
///   see [`explain`](super::explain::explain)) finds its reply code and enhanced detail.
/// - Otherwise each word must match: digits match reply codes by prefix (`55` finds
///   550–555) or a source (`5321` finds what RFC 5321 defines); a dotted code matches
///   enhanced details and the replies that carry them (`5.7.8`, `X.7.8`, `7.8`, `X.7`,
///   `5.7`; a two-part `2.2` is read both as class.subject and as subject.detail); any other
///   word must occur in an entry's texts, examples or source (case-insensitive).
///
/// The result is in reference order. An empty query returns everything.
pub fn search(query: &str) -> Vec<Entry> {
    // Bounded work for any input: a pasted log line is plenty at 200 characters.
    let query: String = crate::i18n::cut::chars(query, 200).to_string();
    if let Some(hits) = reply_line_hits(&query) {
        return hits;
    }
    let words: Vec<String> = query.split_whitespace().map(|w| w.to_lowercase()).collect();
    if words.is_empty() {
        return entries().collect();
    }
    entries()
        .filter(|entry| words.iter().all(|word| matches_word(*entry, word)))
        .collect()
}

/// The entries a reply line names, when the query reads as one and names something the
/// reference has.
fn reply_line_hits(query: &str) -> Option<Vec<Entry>> {
    let found = super::explain::explain(query).ok()?;
    // A bare enhanced code is better served by the pattern search, which also finds the
    // replies that carry it.
    found.reply?;
    let hits: Vec<Entry> = entries()
        .filter(|entry| match entry {
            Entry::Reply(info) => found.reply.is_some_and(|r| r.code.value() == info.code),
            Entry::Enhanced(info) => found
                .enhanced
                .is_some_and(|e| (e.subject, e.detail) == (info.subject, info.detail)),
        })
        .collect();
    (!hits.is_empty()).then_some(hits)
}

fn matches_word(entry: Entry, word: &str) -> bool {
    let word =
        word.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '<' | '>' | '"'));
    if word.is_empty() {
        return true;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        let in_source = entry
            .source()
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n == word);
        return in_source
            || match entry {
                Entry::Reply(info) => info.code.to_string().starts_with(word),
                Entry::Enhanced(_) => false,
            };
    }
    let patterns = dotted_patterns(word);
    if !patterns.is_empty() {
        return patterns.iter().any(|pattern| match entry {
            Entry::Reply(info) => info.enhanced.iter().any(|e| pattern.matches_text(e)),
            Entry::Enhanced(info) => pattern.matches(None, info.subject, info.detail),
        });
    }
    let in_texts = entry.texts().iter().any(|tr| {
        Lang::ALL
            .iter()
            .any(|&lang| tr.get(lang).to_lowercase().contains(word))
    });
    in_texts
        || entry.source().to_lowercase().contains(word)
        || match entry {
            Entry::Reply(info) => info
                .examples
                .iter()
                .any(|line| line.to_lowercase().contains(word)),
            Entry::Enhanced(_) => false,
        }
}

/// A dotted code read as a pattern: an optional class, a subject, an optional detail.
struct DottedPattern {
    class: Option<u8>,
    subject: u16,
    detail: Option<u16>,
}

impl DottedPattern {
    /// Whether a code matches; `class` is `None` for a class-less reference detail.
    fn matches(&self, class: Option<u8>, subject: u16, detail: u16) -> bool {
        let class_ok = match (self.class, class) {
            (Some(want), Some(have)) => want == have,
            _ => true,
        };
        class_ok && self.subject == subject && self.detail.is_none_or(|d| d == detail)
    }

    fn matches_text(&self, enhanced: &str) -> bool {
        EnhancedCode::parse(enhanced)
            .map(|code| self.matches(Some(code.class()), code.subject(), code.detail()))
            .unwrap_or(false)
    }
}

/// Every reading of a dotted word: `5.7.8`, `x.7.8`, `x.7`, `7.8`, and `5.7` (class and
/// subject) — a two-part word whose first number could be a class is read both ways.
fn dotted_patterns(word: &str) -> Vec<DottedPattern> {
    let parts: Vec<&str> = word.split('.').collect();
    let num = |p: &str| -> Option<u16> {
        if p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let class = |p: &str| -> Option<Option<u8>> {
        match p {
            "x" => Some(None),
            "2" => Some(Some(2)),
            "4" => Some(Some(4)),
            "5" => Some(Some(5)),
            _ => None,
        }
    };
    let mut patterns = Vec::new();
    match parts.as_slice() {
        [c, s, d] => {
            if let (Some(class), Some(subject), Some(detail)) = (class(c), num(s), num(d)) {
                patterns.push(DottedPattern {
                    class,
                    subject,
                    detail: Some(detail),
                });
            }
        }
        [a, b] => {
            if let (Some(class), Some(subject)) = (class(a), num(b)) {
                patterns.push(DottedPattern {
                    class,
                    subject,
                    detail: None,
                });
            }
            if let (Some(subject), Some(detail)) = (num(a), num(b)) {
                patterns.push(DottedPattern {
                    class: None,
                    subject,
                    detail: Some(detail),
                });
            }
        }
        _ => {}
    }
    patterns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(query: &str) -> Vec<String> {
        search(query).into_iter().map(Entry::label).collect()
    }

    #[test]
    fn two_part_codes_are_read_both_ways() {
        let hits = labels("2.2");
        assert!(hits.contains(&"X.2.2".to_string()), "{hits:?}");
        let hits = labels("5.7");
        assert!(hits.contains(&"X.7.8".to_string()), "{hits:?}");
        assert!(hits.contains(&"535".to_string()), "{hits:?}");
    }

    #[test]
    fn the_class_of_a_full_code_filters_replies() {
        let hits = labels("4.7.8");
        assert!(hits.contains(&"X.7.8".to_string()), "{hits:?}");
        assert!(
            !hits.contains(&"535".to_string()),
            "535 carries 5.7.8, not 4.7.8: {hits:?}"
        );
    }

    #[test]
    fn classless_subjects_and_punctuation() {
        let hits = labels("X.7");
        assert!(
            hits.contains(&"X.7.1".to_string()) && hits.contains(&"X.7.8".to_string()),
            "{hits:?}"
        );
        assert_eq!(labels("553,"), ["553"]);
        assert_eq!(labels("553:"), ["553"]);
        assert_eq!(labels("553-5.7.1"), ["553", "X.7.1"]);
    }

    #[test]
    fn pasted_log_lines_find_their_codes() {
        let line = "550 5.1.1 <bob@mydomain.cn>: Recipient address rejected: User unknown";
        assert_eq!(labels(line), ["550", "X.1.1"]);
        assert_eq!(
            labels("Got: 553 Mail from must equal authorized user"),
            ["553"]
        );
    }

    #[test]
    fn sources_are_searchable() {
        let hits = labels("RFC 4954");
        assert!(
            hits.contains(&"535".to_string()) && hits.contains(&"X.7.8".to_string()),
            "{hits:?}"
        );
    }
}
