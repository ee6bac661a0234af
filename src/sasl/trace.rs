//! A mechanism's trace: every intermediate value of an exchange, in order, each with a
//! label, the exact bytes and a one-line explanation citing the RFC. The UI and the CLI
//! render traces; they never recompute them.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::i18n::{Lang, Tr};

/// One intermediate value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// A stable identifier (`inner-hash`, `response`), for tests and deep links.
    pub id: &'static str,
    /// What the value is.
    pub label: Tr,
    /// The exact bytes.
    pub bytes: Vec<u8>,
    /// How the value is best read.
    pub view: View,
    /// What was done to get it, citing the RFC section.
    pub explain: Tr,
}

/// How a step's bytes are best shown (all three views are always available).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Readable text (with NUL and control characters made visible).
    Text,
    /// Binary: show hex.
    Hex,
    /// Already base64 text on the wire.
    Base64,
}

impl Step {
    /// The bytes as text, NUL as ␀ and other controls as `\xNN`.
    pub fn text(&self) -> String {
        visible(&self.bytes)
    }

    /// The bytes as lowercase hex.
    pub fn hex(&self) -> String {
        hex(&self.bytes)
    }

    /// The bytes base64-encoded.
    pub fn base64(&self) -> String {
        BASE64.encode(&self.bytes)
    }

    /// The view the step prefers, rendered.
    pub fn preferred(&self) -> String {
        match self.view {
            View::Text | View::Base64 => self.text(),
            View::Hex => self.hex(),
        }
    }
}

/// All the steps of one computation.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Trace {
    /// The steps, in order.
    pub steps: Vec<Step>,
}

impl Trace {
    /// Appends a step and returns its bytes for the next computation.
    pub fn push(
        &mut self,
        id: &'static str,
        label: Tr,
        bytes: impl Into<Vec<u8>>,
        view: View,
        explain: Tr,
    ) -> Vec<u8> {
        let bytes = bytes.into();
        self.steps.push(Step {
            id,
            label,
            bytes: bytes.clone(),
            view,
            explain,
        });
        bytes
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The last step (the final response).
    pub fn last(&self) -> Option<&Step> {
        self.steps.last()
    }

    /// A plain-text rendering, one step per paragraph (for the CLI).
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (n, step) in self.steps.iter().enumerate() {
            out.push_str(&format!(
                "{:>2}. {}\n    {}\n",
                n + 1,
                step.label.get(lang),
                step.preferred()
            ));
            out.push_str(&format!("    {}\n", step.explain.get(lang)));
        }
        out
    }
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}

/// Text with NUL as ␀, other control bytes or invalid UTF-8 as `\xNN`, and a backslash
/// doubled where an `x` follows it (which would read as such an escape); any other
/// backslash is the character itself, so a value can be copied as shown.
pub fn visible(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let mut chars = chunk.valid().chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\0' => out.push('␀'),
                '\\' if chars.peek() == Some(&'x') => out.push_str("\\\\"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_is_unambiguous() {
        assert_eq!(visible(b"a\0b"), "a␀b");
        assert_eq!(visible(b"\x01"), "\\x01");
        assert_eq!(visible(b"\\x01"), "\\\\x01");
        assert_eq!(visible(b"\xff"), "\\xff");
        // Any other backslash as it is: `a\b`, DIGEST-MD5's `ti"m\x` shown to be copied.
        assert_eq!(visible(b"a\\b"), "a\\b");
    }
}
