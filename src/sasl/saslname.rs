//! GS2's `saslname` (RFC 5801 §4): inside a gs2 header, `,` is written `=2C` and `=` is
//! written `=3D`. SCRAM uses it for the user name and authzid (RFC 5802 §5.1), OAUTHBEARER
//! for the authzid (RFC 7628 §3.1).

/// Escapes `,` and `=`.
pub fn escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            ',' => out.push_str("=2C"),
            '=' => out.push_str("=3D"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`escape`]; `None` for any other `=` sequence or a bare `,` (RFC 5801 §4).
pub fn unescape(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find(['=', ',']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("=2C") {
            out.push(',');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("=3D") {
            out.push('=');
            rest = after;
        } else {
            return None;
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc5801_section4_escapes() {
        assert_eq!(escape("a,b=c"), "a=2Cb=3Dc");
        assert_eq!(unescape("a=2Cb=3Dc").as_deref(), Some("a,b=c"));
        assert_eq!(unescape("a=2"), None);
        assert_eq!(unescape("a,b"), None);
        assert_eq!(unescape("plain").as_deref(), Some("plain"));
    }
}
