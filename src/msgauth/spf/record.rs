//! An SPF record's terms (RFC 7208 §4.6.1, §5, §6):
//!
//! ```text
//! record    = "v=spf1" *( 1*SP ( directive / modifier ) ) *SP
//! directive = [ qualifier ] mechanism        ; qualifier = "+" / "-" / "~" / "?"
//! mechanism = all / include / a / mx / ptr / ip4 / ip6 / exists
//! modifier  = redirect / explanation / unknown-modifier
//! ```

use std::net::{Ipv4Addr, Ipv6Addr};

use super::SpfResult;
use crate::i18n::{Lang, Tr};

/// The most terms read from one record.
pub const MAX_TERMS: usize = 100;

/// A qualifier (§4.6.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// `+` (the default).
    Pass,
    /// `-`.
    Fail,
    /// `~`.
    SoftFail,
    /// `?`.
    Neutral,
}

impl Qualifier {
    /// The result a match gives.
    pub fn result(self) -> SpfResult {
        match self {
            Qualifier::Pass => SpfResult::Pass,
            Qualifier::Fail => SpfResult::Fail,
            Qualifier::SoftFail => SpfResult::SoftFail,
            Qualifier::Neutral => SpfResult::Neutral,
        }
    }
}

/// A mechanism (§5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mechanism {
    /// `all`.
    All,
    /// `include:<domain-spec>`.
    Include(String),
    /// `a[:<domain-spec>][/<cidr4>][//<cidr6>]`.
    A {
        /// The domain-spec, or the current domain.
        domain: Option<String>,
        /// IPv4 prefix length.
        v4: u8,
        /// IPv6 prefix length.
        v6: u8,
    },
    /// `mx`, as `a`.
    Mx {
        /// The domain-spec, or the current domain.
        domain: Option<String>,
        /// IPv4 prefix length.
        v4: u8,
        /// IPv6 prefix length.
        v6: u8,
    },
    /// `ptr[:<domain-spec>]`.
    Ptr(Option<String>),
    /// `ip4:<network>[/<cidr>]`.
    Ip4(Ipv4Addr, u8),
    /// `ip6:<network>[/<cidr>]`.
    Ip6(Ipv6Addr, u8),
    /// `exists:<domain-spec>`.
    Exists(String),
}

/// One term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// A directive.
    Directive(Qualifier, Mechanism),
    /// `redirect=`.
    Redirect(String),
    /// `exp=`.
    Exp(String),
    /// Any other modifier (ignored, §6).
    Unknown(String, String),
}

/// A parsed record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The terms, each with its text as written.
    pub terms: Vec<(String, Term)>,
}

impl Record {
    /// The `redirect=` target.
    pub fn redirect(&self) -> Option<&str> {
        self.terms.iter().find_map(|(_, t)| match t {
            Term::Redirect(d) => Some(d.as_str()),
            _ => None,
        })
    }
}

/// Why a record does not parse (each a permerror).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordError {
    /// Not `v=spf1`.
    NotSpf,
    /// An unknown mechanism, or a term that is neither mechanism nor modifier.
    UnknownTerm(String),
    /// A mechanism's argument is missing or malformed.
    BadArgument(String),
    /// `redirect=` or `exp=` twice (§6).
    DuplicateModifier(String),
    /// More than [`MAX_TERMS`] terms.
    TooManyTerms,
}

const NOT_SPF: Tr = Tr::new(
    "The record does not begin with \"v=spf1\" followed by a space (RFC 7208 §4.5).",
    "记录不是以“v=spf1”加空格开头（RFC 7208 §4.5）。",
);
const UNKNOWN_TERM: Tr = Tr::new(
    "{t} is no mechanism or modifier RFC 7208 §5/§6 defines: permerror (a typo such as \"ip:\" or \"include=\"?).",
    "{t} 不是 RFC 7208 §5/§6 定义的机制或修饰符：permerror（是不是笔误，比如“ip:”或“include=”？）。",
);
const BAD_ARGUMENT: Tr = Tr::new(
    "{t}: the mechanism's argument is missing or malformed (RFC 7208 §5): permerror.",
    "{t}：机制的参数缺失或格式错误（RFC 7208 §5）：permerror。",
);
const DUPLICATE_MODIFIER: Tr = Tr::new(
    "{m}= appears twice; RFC 7208 §6 allows each once: permerror.",
    "{m}= 出现了两次；RFC 7208 §6 只允许一次：permerror。",
);
const TOO_MANY_TERMS: Tr = Tr::new("More than {max_terms} terms.", "项超过 {max_terms} 个。");

impl RecordError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            RecordError::NotSpf => NOT_SPF.get(lang).to_owned(),
            RecordError::UnknownTerm(t) => UNKNOWN_TERM.fill(lang, &[("t", &format!("{t:?}"))]),
            RecordError::BadArgument(t) => BAD_ARGUMENT.fill(lang, &[("t", &format!("{t:?}"))]),
            RecordError::DuplicateModifier(m) => DUPLICATE_MODIFIER.fill(lang, &[("m", &m)]),
            RecordError::TooManyTerms => TOO_MANY_TERMS.fill(lang, &[("max_terms", &MAX_TERMS)]),
        }
    }
}

/// Whether a TXT string is an SPF record (§4.5: "v=spf1" then a space or the end).
pub fn is_spf(txt: &str) -> bool {
    let lower = txt.get(..6).map(str::to_ascii_lowercase);
    lower.as_deref() == Some("v=spf1") && matches!(txt.as_bytes().get(6), None | Some(b' '))
}

fn cidr(text: &str, max: u8, term: &str) -> Result<u8, RecordError> {
    let bad = || RecordError::BadArgument(term.to_string());
    if text.is_empty()
        || text.len() > 3
        || !text.bytes().all(|b| b.is_ascii_digit())
        || (text.len() > 1 && text.starts_with('0'))
    {
        return Err(bad());
    }
    let n: u8 = text.parse().map_err(|_| bad())?;
    if n > max {
        return Err(bad());
    }
    Ok(n)
}

/// `[:domain][/v4][//v6]` of `a` and `mx`. The prefix lengths are read from the end: a
/// domain-spec may itself contain `:` and `/` (§7.1: any visible character but `%` outside
/// macros), as in `a:foo:bar/baz.example.com`.
fn domain_and_cidrs(arg: &str, term: &str) -> Result<(Option<String>, u8, u8), RecordError> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let mut rest = arg;
    let (mut v4, mut v6) = (32, 128);
    if let Some(i) = rest.rfind("//") {
        if digits(&rest[i + 2..]) {
            v6 = cidr(&rest[i + 2..], 128, term)?;
            rest = &rest[..i];
        }
    }
    if let Some(i) = rest.rfind('/') {
        if digits(&rest[i + 1..]) {
            v4 = cidr(&rest[i + 1..], 32, term)?;
            rest = &rest[..i];
        }
    }
    let domain = match rest.strip_prefix(':') {
        Some(d) => Some(checked_spec(d, term)?),
        None if rest.is_empty() => None,
        None => return Err(RecordError::BadArgument(term.to_string())),
    };
    Ok((domain, v4, v6))
}

/// Whether a domain-spec is well formed (§7.1): visible ASCII, valid macros, and it ends in
/// a macro or in a top label after at least one dot — a top label of letters, digits and
/// inner hyphens, not all digits (`a:museum`, `a:abc.123`, `a:example.com:8080` are
/// permerrors).
pub fn domain_spec_ok(spec: &str) -> bool {
    if spec.is_empty()
        || !spec.bytes().all(|b| (0x21..=0x7e).contains(&b))
        || !super::macros::syntax_ok(spec)
    {
        return false;
    }
    let body = spec.strip_suffix('.').unwrap_or(spec);
    if body.ends_with('}') {
        return true;
    }
    let Some((_, top)) = body.rsplit_once('.') else {
        return false;
    };
    !top.is_empty()
        && top.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !top.bytes().all(|b| b.is_ascii_digit())
        && !top.starts_with('-')
        && !top.ends_with('-')
}

fn checked_spec(spec: &str, term: &str) -> Result<String, RecordError> {
    if domain_spec_ok(spec) {
        Ok(spec.to_string())
    } else {
        Err(RecordError::BadArgument(term.to_string()))
    }
}

/// Parses a record.
pub fn parse(text: &str) -> Result<Record, RecordError> {
    if !is_spf(text) {
        return Err(RecordError::NotSpf);
    }
    let mut terms = Vec::new();
    let (mut redirect, mut exp) = (false, false);
    for term in text[6..].split(' ').filter(|t| !t.is_empty()) {
        if terms.len() >= MAX_TERMS {
            return Err(RecordError::TooManyTerms);
        }
        let t = parse_term(term)?;
        match &t {
            Term::Redirect(_) if redirect => {
                return Err(RecordError::DuplicateModifier("redirect".into()))
            }
            Term::Exp(_) if exp => return Err(RecordError::DuplicateModifier("exp".into())),
            Term::Redirect(_) => redirect = true,
            Term::Exp(_) => exp = true,
            _ => {}
        }
        terms.push((term.to_string(), t));
    }
    Ok(Record { terms })
}

fn parse_term(term: &str) -> Result<Term, RecordError> {
    let bad = || RecordError::BadArgument(term.to_string());
    let unknown = || RecordError::UnknownTerm(term.to_string());
    // A modifier: name "=" value, the name ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ).
    let name_end = term
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(term.len());
    if term[name_end..].starts_with('=')
        && term.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
    {
        let name = term[..name_end].to_ascii_lowercase();
        let value = &term[name_end + 1..];
        return Ok(match name.as_str() {
            "redirect" if value.is_empty() => return Err(bad()),
            "exp" if value.is_empty() => return Err(bad()),
            "redirect" => Term::Redirect(checked_spec(value, term)?),
            "exp" => Term::Exp(checked_spec(value, term)?),
            // §6: an unknown modifier's value must still be a macro-string.
            _ if !super::macros::syntax_ok(value) => return Err(bad()),
            _ => Term::Unknown(name, value.to_string()),
        });
    }
    let (qualifier, rest) = match term.as_bytes().first() {
        Some(b'+') => (Qualifier::Pass, &term[1..]),
        Some(b'-') => (Qualifier::Fail, &term[1..]),
        Some(b'~') => (Qualifier::SoftFail, &term[1..]),
        Some(b'?') => (Qualifier::Neutral, &term[1..]),
        _ => (Qualifier::Pass, term),
    };
    let split = rest.find([':', '/']).unwrap_or(rest.len());
    let name = rest[..split].to_ascii_lowercase();
    let arg = &rest[split..];
    let mechanism = match name.as_str() {
        "all" if arg.is_empty() => Mechanism::All,
        "include" | "exists" => {
            let d = arg
                .strip_prefix(':')
                .filter(|d| !d.is_empty())
                .ok_or_else(bad)?;
            let d = checked_spec(d, term)?;
            if name == "include" {
                Mechanism::Include(d)
            } else {
                Mechanism::Exists(d)
            }
        }
        "a" | "mx" => {
            let (domain, v4, v6) = domain_and_cidrs(arg, term)?;
            if name == "a" {
                Mechanism::A { domain, v4, v6 }
            } else {
                Mechanism::Mx { domain, v4, v6 }
            }
        }
        "ptr" => match arg.strip_prefix(':') {
            Some(d) => Mechanism::Ptr(Some(checked_spec(d, term)?)),
            None if arg.is_empty() => Mechanism::Ptr(None),
            None => return Err(bad()),
        },
        "ip4" => {
            let a = arg.strip_prefix(':').ok_or_else(bad)?;
            let (ip, len) = match a.split_once('/') {
                Some((ip, c)) => (ip, cidr(c, 32, term)?),
                None => (a, 32),
            };
            Mechanism::Ip4(ip.parse().map_err(|_| bad())?, len)
        }
        "ip6" => {
            let a = arg.strip_prefix(':').ok_or_else(bad)?;
            let (ip, len) = match a.rsplit_once('/') {
                Some((ip, c)) => (ip, cidr(c, 128, term)?),
                None => (a, 128),
            };
            Mechanism::Ip6(ip.parse().map_err(|_| bad())?, len)
        }
        "all" => return Err(bad()),
        _ => return Err(unknown()),
    };
    Ok(Term::Directive(qualifier, mechanism))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_parse() {
        let r = parse("v=spf1 ip4:192.0.2.0/24 a mx:example.org/24//64 ~all redirect=x.example")
            .unwrap();
        assert_eq!(r.terms.len(), 5);
        assert_eq!(
            r.terms[0].1,
            Term::Directive(
                Qualifier::Pass,
                Mechanism::Ip4("192.0.2.0".parse().unwrap(), 24)
            )
        );
        assert_eq!(
            r.terms[2].1,
            Term::Directive(
                Qualifier::Pass,
                Mechanism::Mx {
                    domain: Some("example.org".into()),
                    v4: 24,
                    v6: 64
                }
            )
        );
        assert_eq!(r.redirect(), Some("x.example"));
    }

    #[test]
    fn syntax_errors_are_permerrors_with_reasons() {
        assert_eq!(parse("v=spf10 -all"), Err(RecordError::NotSpf));
        assert_eq!(
            parse("v=spf1 ip:1.2.3.4"),
            Err(RecordError::UnknownTerm("ip:1.2.3.4".into()))
        );
        assert_eq!(
            parse("v=spf1 ip4:1.2.3.4/33"),
            Err(RecordError::BadArgument("ip4:1.2.3.4/33".into()))
        );
        assert_eq!(
            parse("v=spf1 include"),
            Err(RecordError::BadArgument("include".into()))
        );
        assert_eq!(
            parse("v=spf1 redirect=a.example redirect=b.example"),
            Err(RecordError::DuplicateModifier("redirect".into()))
        );
        for bad in [
            "a:museum",
            "a:museum.",
            "a:abc.123",
            "a:example.com:8080",
            "a:example.-com",
            "a:",
            "exists:foo/24",
            "redirect=%{x}.example",
            "foo=%",
        ] {
            assert!(parse(&format!("v=spf1 {bad} -all")).is_err(), "{bad}");
        }
        assert_eq!(
            parse("v=spf1 a:foo:bar/baz.example.com/24").unwrap().terms[0].1,
            Term::Directive(
                Qualifier::Pass,
                Mechanism::A {
                    domain: Some("foo:bar/baz.example.com".into()),
                    v4: 24,
                    v6: 128
                }
            )
        );
        assert!(is_spf("V=SPF1"));
        assert!(!is_spf("v=spf1-all"));
    }
}
