//! Dot-stuffing (RFC 5321 §4.5.2): DATA ends at a line holding only a dot, so a message line
//! that starts with a dot is sent with one more dot, and the receiver removes it.
//!
//! A line starts at the beginning of the data and after every LF (so CRLF and a bare LF
//! both end a line, as servers read them); [`dot_unstuff`] undoes [`dot_stuff`] exactly.

/// Doubles the dot at the start of every line that begins with one.
pub fn dot_stuff(data: &[u8]) -> Vec<u8> {
    // Line by line, copying each whole (a large message is mostly long base64 lines).
    let mut out = Vec::with_capacity(data.len() + data.len() / 64 + 1);
    for line in data.split_inclusive(|b| *b == b'\n') {
        if line.first() == Some(&b'.') {
            out.push(b'.');
        }
        out.extend_from_slice(line);
    }
    out
}

/// Removes one dot from the start of every line that begins with one.
pub fn dot_unstuff(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    for line in data.split_inclusive(|b| *b == b'\n') {
        out.extend_from_slice(line.strip_prefix(b".").unwrap_or(line));
    }
    out
}

/// What DATA sends after its `354`: the message dot-stuffed, a CRLF if it does not end with
/// one, then the terminating `.` CRLF (RFC 5321 §4.1.1.4).
pub fn data_section(message: &[u8]) -> Vec<u8> {
    let mut out = dot_stuff(message);
    if !out.is_empty() && !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc5321_section_4_5_2() {
        assert_eq!(dot_stuff(b".\r\n..x\r\ny.\r\n"), b"..\r\n...x\r\ny.\r\n");
        assert_eq!(dot_unstuff(b"..\r\n...x\r\ny.\r\n"), b".\r\n..x\r\ny.\r\n");
        assert_eq!(data_section(b"a\r\n.b"), b"a\r\n..b\r\n.\r\n");
        assert_eq!(data_section(b""), b".\r\n");
    }

    /// The line-at-a-time forms against the octet-at-a-time definition: a line starts at
    /// the beginning and after every LF (CRLF or bare LF), dots anywhere else stay.
    #[test]
    fn line_starts_after_every_lf() {
        fn stuff_octets(data: &[u8]) -> Vec<u8> {
            let mut out = Vec::new();
            let mut at_line_start = true;
            for &b in data {
                if at_line_start && b == b'.' {
                    out.push(b'.');
                }
                out.push(b);
                at_line_start = b == b'\n';
            }
            out
        }
        let cases: [&[u8]; 8] = [
            b"",
            b".",
            b"..",
            b"\n.",
            b"a.\n.b\r\n..\n\n.",
            b".\r.\r\n.\n",
            b"x\r\n.\r\n",
            b"\n\n\n...\n",
        ];
        for case in cases {
            assert_eq!(dot_stuff(case), stuff_octets(case), "{case:?}");
            assert_eq!(dot_unstuff(&dot_stuff(case)), case, "{case:?}");
        }
    }
}
