//! Diagrams drawn by the page, computed here without a browser: a session's **ladder**
//! (client and server lifelines, one arrow per command and reply, RFC 5321's dialog as the
//! whiteboard draws it) and a mechanism's **data flow** (every step of a
//! [`crate::sasl::trace::Trace`] a node, every operation an edge).
//!
//! Each diagram is first laid out as plain values (positioned boxes, arrows and labels,
//! tested for their geometry and content) and then written as one SVG string: presentation
//! attributes only (no `<style>`, so the page's Content-Security-Policy needs nothing new),
//! text as `<text>` (selectable, in the learner's language), every interactive part marked
//! with `data-*` attributes the page's components read. The same string is what "Export
//! SVG" saves. No chart library: what is drawn is two kinds of diagram, each a few hundred
//! lines.

pub mod flow;
pub mod ladder;

use std::fmt::Write as _;

use crate::i18n::cut;

/// Text escaped for SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 forbids most control characters even as references.
            c if c.is_control() && c != '\t' && c != '\n' => out.push('�'),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, an ellipsis marking a cut.
pub fn shorten(text: &str, max: usize) -> String {
    if cut::chars(text, max).len() == text.len() {
        return text.to_string();
    }
    cut::quote(text, max.saturating_sub(1))
}

/// The opening `<svg>` element of a diagram `width`×`height` pixels, with its title (for
/// screen readers and as the exported file's name) as the first child.
fn open_svg(out: &mut String, width: u32, height: u32, testid: &str, title: &str) {
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" data-testid="{testid}" role="group" aria-label="{t}" font-family="system-ui, sans-serif" font-size="12"><title>{t}</title><rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>"##,
        t = escape(title),
    );
}

/// A text element: `anchor` is `start`, `middle` or `end`.
fn text(out: &mut String, x: i32, y: i32, anchor: &str, attrs: &str, content: &str) {
    let _ = write!(
        out,
        r#"<text x="{x}" y="{y}" text-anchor="{anchor}" {attrs}>{}</text>"#,
        escape(content)
    );
}

/// Characters of a monospace-ish label that fit `pixels` at the diagrams' 12 px font
/// (a generous 7 px a character; CJK counts twice).
fn fits(pixels: i32) -> usize {
    usize::try_from(pixels / 7).unwrap_or(0)
}

/// `text` cut to what fits in `pixels`, counting a wide (CJK) character as two.
pub fn fit(text: &str, pixels: i32) -> String {
    let max = fits(pixels);
    let mut width = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = if u32::from(c) >= 0x2e80 { 2 } else { 1 };
        if width + w > max {
            out.pop();
            out.push('…');
            return out;
        }
        width += w;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_text_safe_in_elements_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape("a\u{1}b"), "a�b");
    }

    #[test]
    fn fit_counts_wide_characters_twice() {
        assert_eq!(fit("abcdef", 70), "abcdef");
        assert_eq!(fit("abcdefghijklmnop", 70), "abcdefghi…");
        assert_eq!(fit("认证失败认证失败", 70), "认证失败…");
    }
}
