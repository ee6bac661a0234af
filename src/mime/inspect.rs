//! Reading a received message back — headers decoded, the MIME tree, text bodies in their
//! charsets (GB2312 too), attachments' octets — for the mailbox page and the tests.
//!
//! Parsing is `mail-parser`'s (Stalwart's parser, fuzzed and panic-free); this module only
//! turns its values into plain owned data. Attachments' octets are decoded from the raw part
//! (base64 or quoted-printable) so that a `text/*` attachment comes back byte for byte, not
//! re-encoded through a charset.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders, PartType};

use super::compose::Mailbox;
use super::encoding::decode_quoted_printable;
use crate::i18n::{Lang, Tr};

/// The largest message inspected (as the server's hard limit).
pub const MAX_INSPECT: usize = 64 * 1024 * 1024;
/// The most parts listed.
pub const MAX_PARTS: usize = 1000;
/// The deepest nesting followed.
pub const MAX_DEPTH: usize = 16;

/// Why a message cannot be inspected.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InspectError {
    /// No bytes.
    Empty,
    /// More than [`MAX_INSPECT`] octets.
    TooLarge,
    /// No header could be read.
    NoHeaders,
}

const EMPTY: Tr = Tr::new("The message is empty.", "邮件为空。");
const TOO_LARGE: Tr = Tr::new(
    "The message is over {max_inspect} octets.",
    "邮件超过 {max_inspect} 字节。",
);
const NO_HEADERS: Tr = Tr::new(
    "No header could be read: a message starts with header lines (Name: value), then an empty line, then the body (RFC 5322 §2.1).",
    "读不到任何邮件头：邮件以邮件头行（名称: 值）开始，然后是一个空行，再是正文（RFC 5322 §2.1）。",
);

impl InspectError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            InspectError::Empty => EMPTY.get(lang).to_owned(),
            InspectError::TooLarge => TOO_LARGE.fill(lang, &[("max_inspect", &MAX_INSPECT)]),
            InspectError::NoHeaders => NO_HEADERS.get(lang).to_owned(),
        }
    }
}

impl core::fmt::Display for InspectError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for InspectError {}

/// A header as received and as decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderField {
    /// The name as written.
    pub name: String,
    /// The value as on the wire (folds and encoded words included), trimmed.
    pub raw: String,
    /// The value decoded (encoded words, RFC 2231 parameters, addresses, dates).
    pub decoded: String,
}

/// What kind of content a part holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// multipart/*: only children.
    Multipart,
    /// Text (decoded to characters).
    Text,
    /// HTML (decoded to characters).
    Html,
    /// Anything else: octets.
    Binary,
    /// An attached message (message/rfc822).
    Message,
}

/// One part of the MIME tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartInfo {
    /// `""` for the message itself, then `1`, `2`, `1.1` … (as IMAP numbers them).
    pub path: String,
    /// The nesting depth, 0 for the message itself.
    pub depth: usize,
    /// `type/subtype` (`text/plain` when absent, RFC 2045 §5.2).
    pub content_type: String,
    /// The charset parameter, if any.
    pub charset: Option<String>,
    /// Content-Transfer-Encoding, if given.
    pub transfer_encoding: Option<String>,
    /// Content-Disposition's type (`attachment`, `inline`), if given.
    pub disposition: Option<String>,
    /// The file name (RFC 2231 `filename*` or `name=` decoded), if any.
    pub filename: Option<String>,
    /// What it holds.
    pub kind: PartKind,
    /// The decoded size: characters' UTF-8 octets for text, octets otherwise.
    pub size: usize,
    /// The part's own headers.
    pub headers: Vec<HeaderField>,
}

/// An attachment and its octets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentInfo {
    /// The part's path.
    pub path: String,
    /// The file name, if any.
    pub filename: Option<String>,
    /// `type/subtype`.
    pub content_type: String,
    /// The decoded octets.
    pub data: Vec<u8>,
}

/// A received message, read.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Inspected {
    /// Every header of the message, in order.
    pub headers: Vec<HeaderField>,
    /// The decoded Subject.
    pub subject: Option<String>,
    /// From.
    pub from: Vec<Mailbox>,
    /// To.
    pub to: Vec<Mailbox>,
    /// Cc.
    pub cc: Vec<Mailbox>,
    /// Bcc — present only if the sender wrongly wrote one.
    pub bcc: Vec<Mailbox>,
    /// Reply-To.
    pub reply_to: Vec<Mailbox>,
    /// The Date header as written.
    pub date: Option<String>,
    /// The Message-ID without angle brackets.
    pub message_id: Option<String>,
    /// The MIME tree, depth first.
    pub parts: Vec<PartInfo>,
    /// The first text/plain body, decoded from its charset.
    pub text: Option<String>,
    /// The first text/html body, decoded from its charset.
    pub html: Option<String>,
    /// The attachments.
    pub attachments: Vec<AttachmentInfo>,
}

/// A message's decoded Subject and From (`Name <address>`, or the bare address), as a
/// mailbox lists it; `None` for what the message lacks or cannot be read.
///
/// What [`inspect`] finds for them, reading the headers only (a large attachment is not
/// decoded for a list line).
pub fn headline(bytes: &[u8]) -> (Option<String>, Option<String>) {
    if bytes.is_empty() || bytes.len() > MAX_INSPECT {
        return (None, None);
    }
    let Some(message) = MessageParser::default().parse_headers(bytes) else {
        return (None, None);
    };
    if message.headers().is_empty() {
        return (None, None);
    }
    let from = mailboxes(message.from()).first().map(|m| match &m.name {
        Some(name) => format!("{name} <{}>", m.address),
        None => m.address.clone(),
    });
    (message.subject().map(str::to_string), from)
}

/// Reads a message (as stored, or as composed).
pub fn inspect(bytes: &[u8]) -> Result<Inspected, InspectError> {
    if bytes.is_empty() {
        return Err(InspectError::Empty);
    }
    if bytes.len() > MAX_INSPECT {
        return Err(InspectError::TooLarge);
    }
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or(InspectError::NoHeaders)?;
    if message.headers().is_empty() {
        return Err(InspectError::NoHeaders);
    }
    let raw = message.raw_message();
    let mut inspected = Inspected {
        headers: fields(message.headers(), raw),
        subject: message.subject().map(str::to_string),
        from: mailboxes(message.from()),
        to: mailboxes(message.to()),
        cc: mailboxes(message.cc()),
        bcc: mailboxes(message.bcc()),
        reply_to: mailboxes(message.reply_to()),
        date: message.header_raw("Date").map(|d| d.trim().to_string()),
        message_id: message.message_id().map(str::to_string),
        ..Inspected::default()
    };
    let mut paths: Vec<(u32, String)> = Vec::new();
    walk(
        &message,
        0,
        String::new(),
        0,
        &mut inspected.parts,
        Some(&mut paths),
    );
    inspected.text = message
        .text_body
        .iter()
        .filter_map(|id| message.parts.get(*id as usize))
        .find_map(|part| match &part.body {
            PartType::Text(text) => Some(text.to_string()),
            _ => None,
        });
    inspected.html = message
        .html_body
        .iter()
        .filter_map(|id| message.parts.get(*id as usize))
        .find_map(|part| match &part.body {
            PartType::Html(html) => Some(html.to_string()),
            _ => None,
        });
    for id in &message.attachments {
        let Some(part) = message.parts.get(*id as usize) else {
            continue;
        };
        let path = paths
            .iter()
            .find(|(part_id, _)| part_id == id)
            .map(|(_, path)| path.clone())
            .unwrap_or_default();
        let data = match &part.body {
            PartType::Binary(b) | PartType::InlineBinary(b) => b.to_vec(),
            _ => raw_decoded(part, raw),
        };
        inspected.attachments.push(AttachmentInfo {
            path,
            filename: part.attachment_name().map(str::to_string),
            content_type: content_type(part),
            data,
        });
    }
    Ok(inspected)
}

/// The part's octets decoded from the raw message by its transfer encoding.
fn raw_decoded(part: &mail_parser::MessagePart, raw: &[u8]) -> Vec<u8> {
    let body = raw
        .get(part.offset_body as usize..part.offset_end as usize)
        .unwrap_or_default();
    let encoding = part
        .content_transfer_encoding()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match encoding.as_str() {
        "base64" => {
            let clean: Vec<u8> = body
                .iter()
                .copied()
                .filter(|b| !b.is_ascii_whitespace())
                .collect();
            BASE64
                .decode(&clean)
                .unwrap_or_else(|_| part.contents().to_vec())
        }
        "quoted-printable" => {
            let decoded = decode_quoted_printable(body);
            decoded
                .strip_suffix(b"\r\n")
                .map(<[u8]>::to_vec)
                .unwrap_or(decoded)
        }
        _ => body.strip_suffix(b"\r\n").unwrap_or(body).to_vec(),
    }
}

fn part_size(part: &mail_parser::MessagePart) -> usize {
    match &part.body {
        PartType::Text(t) | PartType::Html(t) => t.len(),
        PartType::Binary(b) | PartType::InlineBinary(b) => b.len(),
        PartType::Message(m) => m.raw_message().len(),
        PartType::Multipart(_) => 0,
    }
}

fn content_type(part: &mail_parser::MessagePart) -> String {
    match part.content_type() {
        Some(ct) => match &ct.c_subtype {
            Some(sub) => format!("{}/{}", ct.c_type, sub).to_ascii_lowercase(),
            None => ct.c_type.to_ascii_lowercase(),
        },
        None => "text/plain".into(),
    }
}

/// Depth first from part `id`, bounded in depth and count; records the path of each part
/// of the top-level message in `paths`.
fn walk(
    message: &mail_parser::Message,
    id: u32,
    path: String,
    depth: usize,
    out: &mut Vec<PartInfo>,
    mut paths: Option<&mut Vec<(u32, String)>>,
) {
    if depth > MAX_DEPTH || out.len() >= MAX_PARTS {
        return;
    }
    let Some(part) = message.parts.get(id as usize) else {
        return;
    };
    if let Some(paths) = paths.as_deref_mut() {
        paths.push((id, path.clone()));
    }
    let kind = match &part.body {
        PartType::Multipart(_) => PartKind::Multipart,
        PartType::Text(_) => PartKind::Text,
        PartType::Html(_) => PartKind::Html,
        PartType::Binary(_) | PartType::InlineBinary(_) => PartKind::Binary,
        PartType::Message(_) => PartKind::Message,
    };
    out.push(PartInfo {
        path: path.clone(),
        depth,
        content_type: content_type(part),
        charset: part
            .content_type()
            .and_then(|ct| ct.attribute("charset"))
            .map(str::to_string),
        transfer_encoding: part.content_transfer_encoding().map(str::to_string),
        disposition: part.content_disposition().map(|cd| cd.c_type.to_string()),
        filename: part.attachment_name().map(str::to_string),
        kind,
        size: part_size(part),
        headers: fields(part.headers(), message.raw_message()),
    });
    let child = |i: usize| {
        if path.is_empty() {
            (i + 1).to_string()
        } else {
            format!("{path}.{}", i + 1)
        }
    };
    match &part.body {
        PartType::Multipart(children) => {
            for (i, child_id) in children.iter().enumerate() {
                walk(
                    message,
                    *child_id,
                    child(i),
                    depth + 1,
                    out,
                    paths.as_deref_mut(),
                );
            }
        }
        PartType::Message(nested) => walk(nested, 0, child(0), depth + 1, out, None),
        _ => {}
    }
}

fn fields(headers: &[mail_parser::Header], raw: &[u8]) -> Vec<HeaderField> {
    headers
        .iter()
        .map(|h| {
            let raw_value = raw
                .get(h.offset_start() as usize..h.offset_end() as usize)
                .map(|v| String::from_utf8_lossy(v).trim().to_string())
                .unwrap_or_default();
            HeaderField {
                name: h.name().to_string(),
                decoded: decoded(h.value(), &raw_value),
                raw: raw_value,
            }
        })
        .collect()
}

fn decoded(value: &HeaderValue, raw: &str) -> String {
    match value {
        HeaderValue::Text(text) => text.to_string(),
        HeaderValue::TextList(list) => list
            .iter()
            .map(|t| t.as_ref())
            .collect::<Vec<_>>()
            .join(", "),
        HeaderValue::Address(address) => address
            .iter()
            .map(|a| match (a.name(), a.address()) {
                (Some(name), Some(addr)) => format!("{name} <{addr}>"),
                (None, Some(addr)) => addr.to_string(),
                (Some(name), None) => name.to_string(),
                (None, None) => String::new(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        HeaderValue::DateTime(date) => date.to_rfc822(),
        HeaderValue::ContentType(ct) => {
            let mut text = match &ct.c_subtype {
                Some(sub) => format!("{}/{}", ct.c_type, sub),
                None => ct.c_type.to_string(),
            };
            for attribute in ct.attributes().unwrap_or_default() {
                text.push_str(&format!("; {}={}", attribute.name, attribute.value));
            }
            text
        }
        HeaderValue::Received(_) | HeaderValue::Empty => raw.replace("\r\n", ""),
    }
}

fn mailboxes(address: Option<&Address>) -> Vec<Mailbox> {
    let Some(address) = address else {
        return Vec::new();
    };
    address
        .iter()
        .filter_map(|a| {
            let addr = a.address()?;
            Some(Mailbox {
                name: a.name().map(str::to_string),
                address: addr.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_000_received_message_with_a_chinese_display_name() {
        let raw = "From: xxx@163.com\r\nTo: =?UTF-8?B?5a2Z5YuH5bOw?= <sunyongfeng@xxx.com>\r\nSubject: [Administrator] DokuWiki says hello\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHi sunyongfeng\r\n";
        let m = inspect(raw.as_bytes()).unwrap();
        assert_eq!(m.to[0].name.as_deref(), Some("孙勇峰"));
        assert_eq!(
            m.subject.as_deref(),
            Some("[Administrator] DokuWiki says hello")
        );
        assert_eq!(m.text.as_deref().map(str::trim_end), Some("Hi sunyongfeng"));
        assert_eq!(m.parts.len(), 1);
        assert_eq!(inspect(b""), Err(InspectError::Empty));
    }
}
