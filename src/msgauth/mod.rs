//! Message authentication, step by step (issue 19): why a message landed in spam.
//!
//! - [`dkim`]: DKIM signatures (RFC 6376), RSA-SHA256 and Ed25519-SHA256 (RFC 8463),
//!   verified and made with every intermediate value in a [`Trace`]: the tags, the
//!   canonicalized header fields and body (the exact bytes, with what each rule changed),
//!   the body hash, the header hash input, the signature check; the first failing step
//!   named.
//! - [`spf`]: SPF (RFC 7208) evaluated mechanism by mechanism against records the caller
//!   supplies (no DNS here), counting lookups against the limit of 10.
//! - [`dmarc`]: DMARC (RFC 7489): the record, the alignment of the From: domain with the
//!   SPF and DKIM domains, the policy a receiver applies.
//!
//! Sans-IO like the rest of the engine: the message, the key records, the DNS data and the
//! current time come in as arguments. The RSA and Ed25519 arithmetic lives in
//! [`dkim::crypto`] alone, the boundary behind which the page can load it later.

pub mod cases;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod page;
pub mod spf;

pub use crate::sasl::trace::{Step, Trace, View};

/// Bytes as text with every CR shown as `␍` and every LF as `␊` (followed by a real line
/// break, so a header block still reads as lines); other control bytes as `\xNN`, a tab as
/// `␉`. What a canonicalization step produced is shown this way: RFC 6376 §3.4 is about
/// exactly those bytes.
pub fn show_crlf(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 16);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\r' => out.push('␍'),
                '\n' => out.push_str("␊\n"),
                '\t' => out.push('␉'),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// Whether the message's header section has a `DKIM-Signature` field.
pub fn has_dkim_signature(data: &[u8]) -> bool {
    const NAME: &[u8] = b"dkim-signature:";
    for line in data.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return false;
        }
        if line.len() >= NAME.len() && line[..NAME.len()].eq_ignore_ascii_case(NAME) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dkim_signature_is_found_in_the_header_section_only() {
        assert!(has_dkim_signature(
            b"Received: x\r\nDKIM-Signature: v=1\r\n\r\nbody\r\n"
        ));
        assert!(has_dkim_signature(b"dkim-signature:v=1\nFrom: a\n\nb\n"));
        assert!(!has_dkim_signature(
            b"From: a\r\n\r\nDKIM-Signature: in the body\r\n"
        ));
        assert!(!has_dkim_signature(b"X-DKIM-Signature: no\r\n\r\n"));
    }

    #[test]
    fn crlf_is_visible() {
        assert_eq!(show_crlf(b"a \t\r\n"), "a ␉␍␊\n");
        assert_eq!(show_crlf(b"\x01\xff"), "\\x01\\xff");
    }
}
