//! Cutting what a user or a peer typed into something a message can quote: one place for
//! the rule, so a pasted megabyte never comes back as a megabyte of error text and a cut
//! never splits a character. Each caller names its own limit.

/// At most `max` characters of `text` (borrowed; never splits a character).
pub fn chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => text.get(..end).unwrap_or(text),
        None => text,
    }
}

/// At most `max` characters of `text`, with `…` after them when something was cut.
pub fn quote(text: &str, max: usize) -> String {
    let kept = chars(text, max);
    if kept.len() < text.len() {
        format!("{kept}…")
    } else {
        kept.to_string()
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary,
/// and whether anything was cut (for inputs bounded by size, not by characters).
pub fn bytes(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    (text.get(..end).unwrap_or(""), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_characters_never_inside_one() {
        assert_eq!(chars("邮件服务器", 2), "邮件");
        assert_eq!(chars("abc", 3), "abc");
        assert_eq!(chars("abc", 0), "");
        assert_eq!(quote("邮件服务器", 2), "邮件…");
        assert_eq!(quote("abc", 3), "abc");
        assert_eq!(quote("", 3), "");
    }

    #[test]
    fn cuts_by_bytes_on_a_character_boundary() {
        assert_eq!(bytes("邮件", 4), ("邮", true));
        assert_eq!(bytes("邮件", 6), ("邮件", false));
        assert_eq!(bytes("邮件", 2), ("", true));
        assert_eq!(bytes("ab", 1), ("a", true));
    }

    #[test]
    fn never_panics_and_stays_bounded() {
        let long = "é".repeat(10_000);
        for max in [0, 1, 2, 3, 99, 100, 10_001] {
            assert!(chars(&long, max).chars().count() <= max);
            assert!(quote(&long, max).chars().count() <= max + 1);
            assert!(bytes(&long, max).0.len() <= max);
        }
    }
}
