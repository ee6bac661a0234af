//! Macro expansion (RFC 7208 §7): `%{i}`, `%{d2}`, `%{ir}.%{v}._spf.%{d}`…
//!
//! ```text
//! macro-expand = ( "%{" macro-letter transformers *delimiter "}" ) / "%%" / "%_" / "%-"
//! transformers = *DIGIT [ "r" ]
//! delimiter    = "." / "-" / "+" / "," / "/" / "_" / "="
//! ```

use std::net::IpAddr;

use crate::i18n::{Lang, Tr};

/// What the macros refer to.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// `s`: the sender (`local@domain`).
    pub sender: &'a str,
    /// `d`: the domain being checked.
    pub domain: &'a str,
    /// `i`: the connecting address.
    pub ip: IpAddr,
    /// `h`: the HELO/EHLO name.
    pub helo: &'a str,
}

/// A macro that cannot be expanded (a permerror).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MacroError(pub String);

const MALFORMED_MACRO: Tr = Tr::new(
    "{text} has a malformed macro (RFC 7208 §7.1): permerror.",
    "{text} 含有格式错误的宏（RFC 7208 §7.1）：permerror。",
);

impl MacroError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        MALFORMED_MACRO.fill(lang, &[("text", &format!("{:?}", self.0))])
    }
}

fn ip_text(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        // §7.3: IPv6 as dot-separated nibbles.
        IpAddr::V6(v6) => v6
            .octets()
            .iter()
            .flat_map(|b| [b >> 4, b & 0x0f])
            .map(|n| format!("{n:x}"))
            .collect::<Vec<_>>()
            .join("."),
    }
}

/// Whether the macros of a macro-string are well formed (checked when the record is parsed:
/// a malformed macro anywhere makes the whole record a permerror, §4.6).
pub fn syntax_ok(spec: &str) -> bool {
    let ctx = Context {
        sender: "l@o.example",
        domain: "d.example",
        ip: IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED),
        helo: "h.example",
    };
    expand(spec, &ctx).is_ok()
}

/// Expands the macros of a domain-spec.
pub fn expand(spec: &str, ctx: &Context<'_>) -> Result<String, MacroError> {
    let err = || MacroError(spec.to_string());
    let (local, sender_domain) = match ctx.sender.rsplit_once('@') {
        Some((l, d)) => (if l.is_empty() { "postmaster" } else { l }, d),
        None => ("postmaster", ctx.sender),
    };
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some('_') => out.push(' '),
            Some('-') => out.push_str("%20"),
            Some('{') => {
                let mut body = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) if body.len() < 32 => body.push(c),
                        _ => return Err(err()),
                    }
                }
                let mut b = body.chars();
                let letter = b.next().ok_or_else(err)?;
                let rest: String = b.collect();
                let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                let mut tail = &rest[digits.len()..];
                let reverse = tail.starts_with(['r', 'R']);
                if reverse {
                    tail = &tail[1..];
                }
                if !tail.chars().all(|c| ".-+,/_=".contains(c)) {
                    return Err(err());
                }
                let value = match letter.to_ascii_lowercase() {
                    's' => ctx.sender.to_string(),
                    'l' => local.to_string(),
                    'o' => sender_domain.to_string(),
                    'd' => ctx.domain.to_string(),
                    'i' => ip_text(ctx.ip),
                    'p' => "unknown".to_string(),
                    'v' => if ctx.ip.is_ipv4() { "in-addr" } else { "ip6" }.to_string(),
                    'h' => ctx.helo.to_string(),
                    _ => return Err(err()),
                };
                let delims: Vec<char> = if tail.is_empty() {
                    vec!['.']
                } else {
                    tail.chars().collect()
                };
                let mut parts: Vec<&str> = value.split(|c| delims.contains(&c)).collect();
                if reverse {
                    parts.reverse();
                }
                if !digits.is_empty() {
                    let n: usize = digits.parse().map_err(|_| err())?;
                    if n == 0 {
                        return Err(err());
                    }
                    let skip = parts.len().saturating_sub(n);
                    parts = parts[skip..].to_vec();
                }
                let joined = parts.join(".");
                if letter.is_ascii_uppercase() {
                    for b in joined.bytes() {
                        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                            out.push(b as char);
                        } else {
                            out.push_str(&format!("%{b:02X}"));
                        }
                    }
                } else {
                    out.push_str(&joined);
                }
            }
            _ => return Err(err()),
        }
    }
    // §7.3: a result longer than 253 characters loses labels on the left.
    while out.len() > 253 {
        match out.find('.') {
            Some(i) => out = out[i + 1..].to_string(),
            None => break,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7208 §7.4's examples (sender strong-bad@email.example.com, IP 192.0.2.3).
    #[test]
    fn rfc7208_section_7_4_examples() {
        let ctx = Context {
            sender: "strong-bad@email.example.com",
            domain: "email.example.com",
            ip: "192.0.2.3".parse().unwrap(),
            helo: "mx.example.org",
        };
        for (spec, want) in [
            ("%{s}", "strong-bad@email.example.com"),
            ("%{o}", "email.example.com"),
            ("%{d}", "email.example.com"),
            ("%{d4}", "email.example.com"),
            ("%{d3}", "email.example.com"),
            ("%{d2}", "example.com"),
            ("%{d1}", "com"),
            ("%{dr}", "com.example.email"),
            ("%{d2r}", "example.email"),
            ("%{l}", "strong-bad"),
            ("%{l-}", "strong.bad"),
            ("%{lr}", "strong-bad"),
            ("%{lr-}", "bad.strong"),
            ("%{l1r-}", "strong"),
            (
                "%{ir}.%{v}._spf.%{d2}",
                "3.2.0.192.in-addr._spf.example.com",
            ),
            ("%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"),
            (
                "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}",
                "bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
            ),
            (
                "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}",
                "3.2.0.192.in-addr.strong.lp._spf.example.com",
            ),
            (
                "%{d2}.trusted-domains.example.net",
                "example.com.trusted-domains.example.net",
            ),
        ] {
            assert_eq!(expand(spec, &ctx).as_deref(), Ok(want), "{spec}");
        }
        let v6 = Context {
            ip: "2001:db8::cb01".parse().unwrap(),
            ..ctx
        };
        assert_eq!(
            expand("%{ir}.%{v}._spf.%{d2}", &v6).as_deref(),
            Ok("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com")
        );
        assert!(expand("%{x}", &v6).is_err());
        assert!(expand("%{d", &v6).is_err());
    }
}
