//! A message as DKIM sees it (RFC 6376 §3.4, RFC 5322 §2.1): header fields exactly as
//! received — each one's name, and its raw bytes with folds and the final CRLF — and the
//! body after the first empty line.
//!
//! A message saved on Unix has bare LF line ends; on the wire every line ends in CRLF
//! (RFC 5322 §2.3), and signatures are computed over CRLF. Bare LFs are made CRLF first,
//! and the report says so.

use crate::i18n::{Lang, Tr};

/// The most header fields read (a real message has tens; this bounds the work).
pub const MAX_FIELDS: usize = 1000;
/// The largest message read, in octets.
pub const MAX_MESSAGE: usize = 16 * 1024 * 1024;

/// One header field as received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name as written (case kept).
    pub name: String,
    /// The whole field: name, colon, value with its folds, and the final CRLF.
    pub raw: Vec<u8>,
}

impl Field {
    /// The value: everything after the colon, folds kept, final CRLF removed.
    pub fn value(&self) -> &[u8] {
        let start = self
            .raw
            .iter()
            .position(|b| *b == b':')
            .map_or(0, |i| i + 1);
        let end = if self.raw.ends_with(b"\r\n") {
            self.raw.len() - 2
        } else {
            self.raw.len()
        };
        self.raw.get(start..end.max(start)).unwrap_or_default()
    }

    /// Whether the field is named `name` (header names are case-insensitive, §3.4.2).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// A message split for DKIM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The header fields, top to bottom.
    pub fields: Vec<Field>,
    /// The body: the octets after the empty line (empty when there is none).
    pub body: Vec<u8>,
    /// How many bare LFs were made CRLF.
    pub bare_lf_fixed: usize,
}

/// Why a message could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MessageError {
    /// Nothing was given.
    Empty,
    /// Larger than [`MAX_MESSAGE`].
    TooLarge(usize),
    /// More header fields than [`MAX_FIELDS`].
    TooManyFields,
    /// A header line that is neither `name: value` nor a continuation (1-based line).
    NotAField(usize),
    /// The message begins with a continuation line (1-based line 1).
    ContinuationFirst,
}

const EMPTY: Tr = Tr::new("The message is empty.", "邮件是空的。");
const TOO_LARGE: Tr = Tr::new(
    "The message has {n} octets; the trainer reads at most {max_message}.",
    "邮件有 {n} 字节；训练器最多读取 {max_message} 字节。",
);
const TOO_MANY_FIELDS: Tr = Tr::new(
    "More than {max_fields} header fields.",
    "邮件头字段超过 {max_fields} 个。",
);
const NOT_AFIELD: Tr = Tr::new(
    "Header line {line} is neither \"Name: value\" nor a continuation beginning with a space or tab (RFC 5322 §2.2); is the empty line between header and body missing?",
    "邮件头第 {line} 行既不是“名称: 值”，也不是以空格或制表符开头的续行（RFC 5322 §2.2）；是不是少了邮件头与正文之间的空行？",
);
const CONTINUATION_FIRST: Tr = Tr::new(
    "The first line begins with a space or tab: a continuation with no field before it (RFC 5322 §2.2.3).",
    "第一行以空格或制表符开头：它是续行，但前面没有字段（RFC 5322 §2.2.3）。",
);

impl MessageError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            MessageError::Empty => EMPTY.get(lang).to_owned(),
            MessageError::TooLarge(n) => {
                TOO_LARGE.fill(lang, &[("n", &n), ("max_message", &MAX_MESSAGE)])
            }
            MessageError::TooManyFields => {
                TOO_MANY_FIELDS.fill(lang, &[("max_fields", &MAX_FIELDS)])
            }
            MessageError::NotAField(line) => NOT_AFIELD.fill(lang, &[("line", &line)]),
            MessageError::ContinuationFirst => CONTINUATION_FIRST.get(lang).to_owned(),
        }
    }
}

/// The note shown when bare LFs were converted.
pub const BARE_LF_NOTE: Tr = Tr::new(
    "The message had bare LF line ends (a file saved on Unix); they were made CRLF as on the wire (RFC 5322 §2.3), since signatures are computed over CRLF.",
    "邮件使用裸 LF 换行（在 Unix 上保存的文件）；已按线上格式改为 CRLF（RFC 5322 §2.3），因为签名是按 CRLF 计算的。",
);

/// Every LF not preceded by CR made CRLF; returns the bytes and how many were fixed.
pub fn to_crlf(input: &[u8]) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(input.len() + input.len() / 32);
    let mut fixed = 0;
    let mut prev = 0u8;
    for &b in input {
        if b == b'\n' && prev != b'\r' {
            out.push(b'\r');
            fixed += 1;
        }
        out.push(b);
        prev = b;
    }
    (out, fixed)
}

/// Splits a message into header fields and body.
pub fn parse(input: &[u8]) -> Result<Message, MessageError> {
    if input.is_empty() {
        return Err(MessageError::Empty);
    }
    if input.len() > MAX_MESSAGE {
        return Err(MessageError::TooLarge(input.len()));
    }
    let (bytes, bare_lf_fixed) = to_crlf(input);
    let mut fields: Vec<Field> = Vec::new();
    let mut pos = 0;
    let mut line_no = 0;
    let mut body = Vec::new();
    while pos < bytes.len() {
        line_no += 1;
        let end = find_crlf(&bytes, pos).map_or(bytes.len(), |i| i + 2);
        let line = &bytes[pos..end];
        if line == b"\r\n" {
            body = bytes[end..].to_vec();
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            let Some(last) = fields.last_mut() else {
                return Err(MessageError::ContinuationFirst);
            };
            last.raw.extend_from_slice(line);
        } else {
            let Some(colon) = line.iter().position(|b| *b == b':') else {
                return Err(MessageError::NotAField(line_no));
            };
            let name = &line[..colon];
            // RFC 5322 §2.2: a field name is printable US-ASCII except colon; some
            // writers put spaces before the colon, which relaxed canonicalization removes.
            let trimmed = trim_wsp_end(name);
            if trimmed.is_empty() || !trimmed.iter().all(|b| (33..=126).contains(b)) {
                return Err(MessageError::NotAField(line_no));
            }
            if fields.len() >= MAX_FIELDS {
                return Err(MessageError::TooManyFields);
            }
            fields.push(Field {
                name: String::from_utf8_lossy(trimmed).into_owned(),
                raw: line.to_vec(),
            });
        }
        pos = end;
    }
    Ok(Message {
        fields,
        body,
        bare_lf_fixed,
    })
}

/// The offset of the next CRLF at or after `from`.
pub fn find_crlf(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(2)
        .position(|w| w == b"\r\n")
        .map(|i| i + from)
}

fn trim_wsp_end(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    &bytes[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_their_folds_and_the_body_follows_the_empty_line() {
        let m = parse(b"A: 1\r\nB: x\r\n y\r\n\r\nbody\r\n").unwrap();
        assert_eq!(m.fields.len(), 2);
        assert_eq!(m.fields[1].raw, b"B: x\r\n y\r\n");
        assert_eq!(m.fields[1].value(), b" x\r\n y");
        assert_eq!(m.body, b"body\r\n");
        assert_eq!(m.bare_lf_fixed, 0);
    }

    #[test]
    fn bare_lf_is_made_crlf_and_counted() {
        let m = parse(b"A: 1\n\nx\n").unwrap();
        assert_eq!(m.fields[0].raw, b"A: 1\r\n");
        assert_eq!(m.body, b"x\r\n");
        assert_eq!(m.bare_lf_fixed, 3);
    }

    #[test]
    fn bad_header_lines_are_named() {
        assert_eq!(
            parse(b"A: 1\r\nnot a field\r\n"),
            Err(MessageError::NotAField(2))
        );
        assert_eq!(parse(b" x\r\n"), Err(MessageError::ContinuationFirst));
        assert_eq!(parse(b""), Err(MessageError::Empty));
    }
}
