//! A server reply: code, optional enhanced status code, text lines — and why it was sent.
//!
//! `Display` writes the exact wire form (RFC 5321 §4.2): every line but the last is
//! `code-text`, the last `code text`, each ending in CRLF. The enhanced code (RFC 2034)
//! leads each line's text when the server advertises ENHANCEDSTATUSCODES.

use core::fmt;

use super::codes::{EnhancedCode, ReplyCode};
use super::why::Why;

/// One reply, possibly multi-line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    /// The three-digit code.
    pub code: ReplyCode,
    /// The enhanced status code, when the server uses them for this reply.
    pub enhanced: Option<EnhancedCode>,
    /// The text of each line, without code or CRLF; never empty.
    pub lines: Vec<String>,
    /// Why the server sent it: the situation and what in the session made it so.
    pub why: Why,
}

impl Reply {
    /// The wire text as lines without CRLF, e.g. `["250-mail", "250 8BITMIME"]`.
    pub fn wire_lines(&self) -> Vec<String> {
        let count = self.lines.len().max(1);
        (0..count)
            .map(|i| {
                let text = self.lines.get(i).map(String::as_str).unwrap_or("");
                let sep = if i + 1 == count { ' ' } else { '-' };
                match self.enhanced {
                    Some(e) if text.is_empty() => format!("{}{sep}{e}", self.code),
                    Some(e) => format!("{}{sep}{e} {text}", self.code),
                    // RFC 4954 §4: `"334" SP [base64]` keeps its space when empty.
                    None if text.is_empty() => format!("{}{sep}", self.code),
                    None => format!("{}{sep}{text}", self.code),
                }
            })
            .collect()
    }

    /// Whether the reply is positive (2yz or 3yz).
    pub fn is_positive(&self) -> bool {
        matches!(self.code.digits()[0], 2 | 3)
    }
}

impl fmt::Display for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.wire_lines() {
            write!(f, "{line}\r\n")?;
        }
        Ok(())
    }
}
