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
        (0..self.wire_count())
            .map(|i| {
                let mut line = String::new();
                // Writing into a String cannot fail.
                let _ = self.write_line(&mut line, i);
                line
            })
            .collect()
    }

    /// How many octets the reply takes on the wire, CRLFs included (the length of its
    /// `Display`, without building the text).
    pub fn wire_len(&self) -> usize {
        let mut count = Count(0);
        let _ = fmt::write(&mut count, format_args!("{self}"));
        count.0
    }

    /// How many lines go on the wire: at least one, even for a reply without text.
    fn wire_count(&self) -> usize {
        self.lines.len().max(1)
    }

    /// Line `i` of the wire text, without CRLF.
    fn write_line(&self, out: &mut impl fmt::Write, i: usize) -> fmt::Result {
        let count = self.wire_count();
        let text = self.lines.get(i).map(String::as_str).unwrap_or("");
        let sep = if i + 1 == count { ' ' } else { '-' };
        match self.enhanced {
            Some(e) if text.is_empty() => write!(out, "{}{sep}{e}", self.code),
            Some(e) => write!(out, "{}{sep}{e} {text}", self.code),
            // RFC 4954 §4: `"334" SP [base64]` keeps its space when empty.
            None if text.is_empty() => write!(out, "{}{sep}", self.code),
            None => write!(out, "{}{sep}{text}", self.code),
        }
    }

    /// Whether the reply is positive (2yz or 3yz).
    pub fn is_positive(&self) -> bool {
        matches!(self.code.digits()[0], 2 | 3)
    }
}

impl fmt::Display for Reply {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in 0..self.wire_count() {
            self.write_line(f, i)?;
            f.write_str("\r\n")?;
        }
        Ok(())
    }
}

/// A writer that only counts what it is given.
struct Count(usize);

impl fmt::Write for Count {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smtp::why::{Situation, Why};

    fn reply(code: u16, enhanced: Option<&str>, lines: &[&str]) -> Reply {
        Reply {
            code: ReplyCode::new(code).unwrap(),
            enhanced: enhanced.map(|e| EnhancedCode::parse(e).unwrap()),
            lines: lines.iter().map(|l| l.to_string()).collect(),
            why: Why::of(Situation::Ehlo),
        }
    }

    /// RFC 5321 §4.2.1's multi-line form, RFC 2034's enhanced codes and RFC 4954 §4's
    /// `334 ` with an empty challenge, each as the wire carries it, and `wire_len` its length.
    #[test]
    fn replies_print_their_wire_form() {
        let cases = [
            (
                reply(250, None, &["mail.example.com", "PIPELINING", "8BITMIME"]),
                "250-mail.example.com\r\n250-PIPELINING\r\n250 8BITMIME\r\n",
            ),
            (reply(250, Some("2.1.0"), &["Ok"]), "250 2.1.0 Ok\r\n"),
            (reply(550, Some("5.1.1"), &[""]), "550 5.1.1\r\n"),
            (reply(334, None, &[""]), "334 \r\n"),
            (reply(334, None, &[]), "334 \r\n"),
            (
                reply(421, Some("4.4.2"), &["a", ""]),
                "421-4.4.2 a\r\n421 4.4.2\r\n",
            ),
        ];
        for (reply, wire) in cases {
            assert_eq!(reply.to_string(), wire);
            assert_eq!(reply.wire_len(), wire.len());
            let joined: String = reply
                .wire_lines()
                .iter()
                .map(|l| format!("{l}\r\n"))
                .collect();
            assert_eq!(joined, wire);
        }
    }
}
