//! Base64 in AUTH exchanges, decoded for display: the `334` challenges, the learner's
//! answers, and the initial response of `AUTH PLAIN <b64>` / `AUTH LOGIN <b64>` (RFC 4954 §4).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::smtp::command::{self, Command};
use crate::smtp::reply::Reply;

/// What a base64 field decodes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Text, with NUL and other control characters shown as their symbols (␀, ␍, ␊ …).
    Text(String),
    /// Nothing: an empty challenge, or `=` (RFC 4954 §4's empty response).
    Empty,
    /// `*`: the client cancels the exchange.
    Cancel,
    /// Not valid base64.
    Invalid,
}

/// Decodes a base64 field as sent.
pub fn decode_field(field: &str) -> Decoded {
    let field = field.trim();
    match field {
        "" | "=" => return Decoded::Empty,
        "*" => return Decoded::Cancel,
        _ => {}
    }
    match BASE64.decode(field) {
        Ok(bytes) if bytes.is_empty() => Decoded::Empty,
        Ok(bytes) => Decoded::Text(visible(&String::from_utf8_lossy(&bytes))),
        Err(_) => Decoded::Invalid,
    }
}

/// Control characters as the Unicode control pictures: NUL as ␀, CR as ␍, LF as ␊.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match u32::from(c) {
            code @ 0..=0x1F => char::from_u32(0x2400 + code).unwrap_or(c),
            0x7F => '\u{2421}',
            _ => c,
        })
        .collect()
}

/// The decoded text of a client line: an answer to a challenge, or an AUTH command's
/// initial response.
pub fn client_decoded(text: &str, auth_response: bool) -> Option<Decoded> {
    if auth_response {
        return Some(decode_field(text));
    }
    match command::parse(text) {
        Ok(Command::Auth {
            initial: Some(initial),
            ..
        }) => Some(decode_field(&initial)),
        _ => None,
    }
}

/// The decoded challenge of a `334` reply.
pub fn reply_decoded(reply: &Reply) -> Option<Decoded> {
    if reply.code.value() != 334 {
        return None;
    }
    Some(decode_field(
        reply.lines.first().map(String::as_str).unwrap_or(""),
    ))
}
