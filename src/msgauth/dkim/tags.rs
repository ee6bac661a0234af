//! Tag=value lists (RFC 6376 §3.2), the syntax of both the `DKIM-Signature` field and the
//! key record:
//!
//! ```text
//! tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
//! tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
//! tag-name  =  ALPHA *ALNUMPUNC          ; ALNUMPUNC = ALPHA / DIGIT / "_"
//! ```
//!
//! "Tags with duplicate names MUST NOT occur within a single tag-list; if a tag name does
//! occur more than once, the entire tag-list is invalid."

use crate::i18n::{Lang, Tr};

/// The most tags read from one list.
pub const MAX_TAGS: usize = 64;

/// One tag as written: its name and its value with surrounding whitespace removed (folds
/// inside the value kept; base64 values drop them later).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tag {
    /// The name (case-sensitive, §3.2).
    pub name: String,
    /// The value.
    pub value: String,
}

/// Why a tag list does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TagError {
    /// A tag-spec without `=` (the text of the spec).
    NoEquals(String),
    /// A tag name that is not ALPHA *ALNUMPUNC.
    BadName(String),
    /// The same tag twice.
    Duplicate(String),
    /// More than [`MAX_TAGS`] tags.
    TooMany,
    /// Octets that are not text.
    NotText,
}

const NO_EQUALS: Tr = Tr::new(
    "{s} is not tag=value (RFC 6376 §3.2); a truncated or re-wrapped field?",
    "{s} 不是 tag=value 形式（RFC 6376 §3.2）；字段被截断或被重新换行了？",
);
const BAD_NAME: Tr = Tr::new(
    "{s} is not a tag name: a letter, then letters, digits or \"_\" (RFC 6376 §3.2).",
    "{s} 不是合法的标签名：必须以字母开头，后面是字母、数字或 \"_\"（RFC 6376 §3.2）。",
);
const DUPLICATE: Tr = Tr::new(
    "The tag {s}= occurs twice; RFC 6376 §3.2 makes the whole list invalid.",
    "标签 {s}= 出现了两次；按 RFC 6376 §3.2，整个列表无效。",
);
const TOO_MANY: Tr = Tr::new("More than {max_tags} tags.", "标签超过 {max_tags} 个。");
const NOT_TEXT: Tr = Tr::new(
    "The list contains octets that are not UTF-8 text.",
    "列表中含有不是 UTF-8 文本的字节。",
);

impl TagError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            TagError::NoEquals(s) => NO_EQUALS.fill(lang, &[("s", &format!("{s:?}"))]),
            TagError::BadName(s) => BAD_NAME.fill(lang, &[("s", &format!("{s:?}"))]),
            TagError::Duplicate(s) => DUPLICATE.fill(lang, &[("s", &s)]),
            TagError::TooMany => TOO_MANY.fill(lang, &[("max_tags", &MAX_TAGS)]),
            TagError::NotText => NOT_TEXT.get(lang).to_owned(),
        }
    }
}

/// Folding whitespace: space, tab, CR, LF.
pub fn is_fws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Parses a tag list.
pub fn parse(input: &[u8]) -> Result<Vec<Tag>, TagError> {
    let text = std::str::from_utf8(input).map_err(|_| TagError::NotText)?;
    let mut tags: Vec<Tag> = Vec::new();
    for spec in text.split(';') {
        if spec.trim_matches(is_fws).is_empty() {
            // The optional trailing ";" (and, leniently, an empty spec between two).
            continue;
        }
        let Some((name, value)) = spec.split_once('=') else {
            return Err(TagError::NoEquals(spec.trim_matches(is_fws).to_string()));
        };
        let name = name.trim_matches(is_fws);
        let mut chars = name.chars();
        let good = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !good {
            return Err(TagError::BadName(name.to_string()));
        }
        if tags.iter().any(|t| t.name == name) {
            return Err(TagError::Duplicate(name.to_string()));
        }
        if tags.len() >= MAX_TAGS {
            return Err(TagError::TooMany);
        }
        tags.push(Tag {
            name: name.to_string(),
            value: value.trim_matches(is_fws).to_string(),
        });
    }
    Ok(tags)
}

/// A value with every folding whitespace removed (base64 values, §3.5 `b=`).
pub fn without_fws(value: &str) -> String {
    value.chars().filter(|c| !is_fws(*c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_values_and_a_trailing_semicolon() {
        let tags = parse(b"v=1; a=rsa-sha256;\r\n b=ab\r\n cd ;").unwrap();
        assert_eq!(tags.len(), 3);
        assert_eq!(tags[2].name, "b");
        assert_eq!(tags[2].value, "ab\r\n cd");
        assert_eq!(without_fws(&tags[2].value), "abcd");
    }

    #[test]
    fn errors_are_named() {
        assert_eq!(parse(b"v=1; v=1"), Err(TagError::Duplicate("v".into())));
        assert_eq!(parse(b"v=1; junk"), Err(TagError::NoEquals("junk".into())));
        assert_eq!(parse(b"1v=1"), Err(TagError::BadName("1v".into())));
        assert_eq!(parse(b"\xff=1"), Err(TagError::NotText));
    }
}
