//! The DMARC record (RFC 7489 §6.3), TXT at `_dmarc.<domain>`:
//! `v=DMARC1; p=reject; sp=quarantine; pct=100; adkim=s; aspf=r; rua=mailto:…`.

use crate::i18n::{Lang, Tr};
use crate::msgauth::dkim::tags::{self, Tag, TagError};

/// A requested policy (`p=`, `sp=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// `none`: monitor only.
    None,
    /// `quarantine`: treat as suspicious (spam folder).
    Quarantine,
    /// `reject`: refuse during the SMTP transaction.
    Reject,
}

impl Policy {
    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            Policy::None => "none",
            Policy::Quarantine => "quarantine",
            Policy::Reject => "reject",
        }
    }

    fn parse(s: &str) -> Option<Policy> {
        match s.to_ascii_lowercase().as_str() {
            "none" => Some(Policy::None),
            "quarantine" => Some(Policy::Quarantine),
            "reject" => Some(Policy::Reject),
            _ => None,
        }
    }
}

/// Strict or relaxed alignment (`adkim=`, `aspf=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alignment {
    /// `r` (default): same organizational domain.
    Relaxed,
    /// `s`: exactly the same domain.
    Strict,
}

/// A parsed record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DmarcRecord {
    /// The tags as written.
    pub tags: Vec<Tag>,
    /// `p=`.
    pub policy: Policy,
    /// `sp=` (default: `p=`).
    pub subdomain_policy: Policy,
    /// `pct=` (default 100).
    pub pct: u8,
    /// `adkim=`.
    pub adkim: Alignment,
    /// `aspf=`.
    pub aspf: Alignment,
    /// Values that were invalid and gave way to the default (RFC 7489 §6.3: "syntax errors
    /// in the remainder of the record SHOULD be discarded in favor of default values").
    pub discarded: Vec<RecordError>,
}

/// Why a record is unusable (§6.6.3: then there is no DMARC policy).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordError {
    /// Tag syntax.
    Tags(TagError),
    /// `v=DMARC1` is not the first tag.
    Version,
    /// `p=` missing (without a usable `rua=`) or not none/quarantine/reject.
    Policy(String),
    /// Another tag's value is invalid.
    Value(String, String),
}

const VERSION: Tr = Tr::new(
    "The record must begin with v=DMARC1 (RFC 7489 §6.3); a record that does not is ignored, as if there were none.",
    "记录必须以 v=DMARC1 开头（RFC 7489 §6.3）；否则被忽略，等同没有记录。",
);
const POLICY: Tr = Tr::new(
    "p={p}: must be none, quarantine or reject (RFC 7489 §6.3); the record is ignored.",
    "p={p}：必须是 none、quarantine 或 reject（RFC 7489 §6.3）；该记录被忽略。",
);
const VALUE: Tr = Tr::new(
    "{t}={v} is not a valid value (RFC 7489 §6.3).",
    "{t}={v} 不是合法的值（RFC 7489 §6.3）。",
);

impl RecordError {
    /// What is wrong, in the record's own terms (`pct=abc`, `p=`), for a step's value.
    pub fn shown(&self) -> String {
        match self {
            RecordError::Tags(_) => "tag=value syntax".to_string(),
            RecordError::Version => "v=DMARC1 is not the first tag".to_string(),
            RecordError::Policy(p) => format!("p={p}"),
            RecordError::Value(t, v) => format!("{t}={v}"),
        }
    }

    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            RecordError::Tags(e) => e.describe(lang),
            RecordError::Version => VERSION.get(lang).to_owned(),
            RecordError::Policy(p) => POLICY.fill(lang, &[("p", &format!("{p:?}"))]),
            RecordError::Value(t, v) => VALUE.fill(lang, &[("t", &t), ("v", &format!("{v:?}"))]),
        }
    }
}

/// What a DMARC tag means (RFC 7489 §6.3).
pub fn explain_tag(name: &str) -> Tr {
    match name {
        "v" => Tr::new("v=DMARC1: the version, first tag.", "v=DMARC1：版本，必须是第一个标签。"),
        "p" => Tr::new("p= the policy for the domain: none (monitor), quarantine (spam folder), reject (refuse, 550 5.7.1).", "p= 该域的策略：none（仅监控）、quarantine（放入垃圾箱）、reject（拒收，550 5.7.1）。"),
        "sp" => Tr::new("sp= the policy for subdomains (default: p=).", "sp= 子域的策略（默认同 p=）。"),
        "pct" => Tr::new("pct= the percentage of failing mail the policy applies to (default 100); the rest gets the next weaker policy.", "pct= 策略作用于未通过邮件的百分比（默认 100）；其余邮件使用弱一级的策略。"),
        "adkim" => Tr::new("adkim= DKIM alignment: r relaxed (same organizational domain, default) or s strict (same domain).", "adkim= DKIM 对齐：r 宽松（同一组织域，默认）或 s 严格（完全相同的域）。"),
        "aspf" => Tr::new("aspf= SPF alignment: r relaxed (default) or s strict.", "aspf= SPF 对齐：r 宽松（默认）或 s 严格。"),
        "rua" => Tr::new("rua= where to send aggregate reports (daily XML, RFC 7489 §7.2).", "rua= 聚合报告的接收地址（每日 XML，RFC 7489 §7.2）。"),
        "ruf" => Tr::new("ruf= where to send failure reports (§7.3).", "ruf= 失败报告的接收地址（§7.3）。"),
        "fo" => Tr::new("fo= when to send failure reports (0, 1, d, s).", "fo= 何时发送失败报告（0、1、d、s）。"),
        "rf" => Tr::new("rf= failure report format (afrf).", "rf= 失败报告格式（afrf）。"),
        "ri" => Tr::new("ri= seconds between aggregate reports (default 86400).", "ri= 聚合报告的间隔秒数（默认 86400）。"),
        _ => Tr::new("An unknown tag: ignored (RFC 7489 §6.3).", "未知标签：忽略（RFC 7489 §6.3）。"),
    }
}

/// Whether a TXT string is meant as a DMARC record.
pub fn is_dmarc(txt: &str) -> bool {
    txt.trim_start()
        .to_ascii_lowercase()
        .replace(' ', "")
        .starts_with("v=dmarc1")
}

/// Parses a record.
pub fn parse(text: &str) -> Result<DmarcRecord, RecordError> {
    let tags = tags::parse(text.trim().as_bytes()).map_err(RecordError::Tags)?;
    if tags
        .first()
        .is_none_or(|t| t.name != "v" || t.value != "DMARC1")
    {
        return Err(RecordError::Version);
    }
    let get = |n: &str| tags.iter().find(|t| t.name == n).map(|t| t.value.as_str());
    let mut discarded = Vec::new();
    let policy = match (get("p"), get("rua").is_some()) {
        (Some(p), _) if Policy::parse(p).is_some() => Policy::parse(p).unwrap_or(Policy::None),
        // §6.6.3 step 6: p= missing or invalid, but a rua= to report to: as if p=none.
        (Some(p), true) => {
            discarded.push(RecordError::Policy(p.to_string()));
            Policy::None
        }
        (None, true) => Policy::None,
        (Some(p), false) => return Err(RecordError::Policy(p.to_string())),
        (None, false) => return Err(RecordError::Policy(String::new())),
    };
    // The other tags: an invalid value gives way to the default (§6.3), and is said.
    let mut value = |name: &str, read: &dyn Fn(&str) -> Option<()>| -> bool {
        match get(name) {
            Some(v) if read(v).is_none() => {
                discarded.push(RecordError::Value(name.to_string(), v.to_string()));
                false
            }
            Some(_) => true,
            None => false,
        }
    };
    let subdomain_policy = match get("sp") {
        Some(sp) if value("sp", &|v| Policy::parse(v).map(|_| ())) => {
            Policy::parse(sp).unwrap_or(policy)
        }
        _ => policy,
    };
    let percent = |v: &str| v.parse::<u8>().ok().filter(|p| *p <= 100);
    let pct = match get("pct") {
        Some(v) if value("pct", &|v| percent(v).map(|_| ())) => percent(v).unwrap_or(100),
        _ => 100,
    };
    // ABNF's literals are case-insensitive (RFC 5234 §2.3): `adkim=S` is strict.
    let alignment = |v: &str| match v.to_ascii_lowercase().as_str() {
        "r" => Some(Alignment::Relaxed),
        "s" => Some(Alignment::Strict),
        _ => None,
    };
    let mut align = |name: &str| match get(name) {
        Some(v) if value(name, &|v| alignment(v).map(|_| ())) => {
            alignment(v).unwrap_or(Alignment::Relaxed)
        }
        _ => Alignment::Relaxed,
    };
    let (adkim, aspf) = (align("adkim"), align("aspf"));
    Ok(DmarcRecord {
        adkim,
        aspf,
        tags,
        policy,
        subdomain_policy,
        pct,
        discarded,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_parse_with_defaults_and_errors() {
        let r = parse("v=DMARC1; p=reject; rua=mailto:d@example.com").unwrap();
        assert_eq!(
            (r.policy, r.subdomain_policy, r.pct, r.adkim),
            (Policy::Reject, Policy::Reject, 100, Alignment::Relaxed)
        );
        let r = parse("v=DMARC1; p=none; sp=quarantine; pct=20; adkim=s").unwrap();
        assert_eq!(
            (r.subdomain_policy, r.pct, r.adkim),
            (Policy::Quarantine, 20, Alignment::Strict)
        );
        assert_eq!(parse("p=reject; v=DMARC1"), Err(RecordError::Version));
        assert_eq!(
            parse("v=DMARC1; p=block"),
            Err(RecordError::Policy("block".into()))
        );
        assert_eq!(
            parse("v=DMARC1; rua=mailto:x@example.com").unwrap().policy,
            Policy::None
        );
        // An invalid value of another tag gives way to its default, and is kept to be said.
        let r = parse("v=DMARC1; p=reject; pct=200; adkim=x; sp=block").unwrap();
        assert_eq!(
            (r.policy, r.subdomain_policy, r.pct, r.adkim),
            (Policy::Reject, Policy::Reject, 100, Alignment::Relaxed)
        );
        assert_eq!(
            r.discarded,
            vec![
                RecordError::Value("sp".into(), "block".into()),
                RecordError::Value("pct".into(), "200".into()),
                RecordError::Value("adkim".into(), "x".into()),
            ]
        );
        // Upper case is the same value.
        let r = parse("v=DMARC1; p=REJECT; adkim=S; aspf=R").unwrap();
        assert_eq!(
            (r.policy, r.adkim, r.aspf, r.discarded.len()),
            (Policy::Reject, Alignment::Strict, Alignment::Relaxed, 0)
        );
        // §6.6.3 step 6: an invalid p= with a rua= is p=none.
        let r = parse("v=DMARC1; p=block; rua=mailto:d@example.com").unwrap();
        assert_eq!((r.policy, r.discarded.len()), (Policy::None, 1));
    }
}
