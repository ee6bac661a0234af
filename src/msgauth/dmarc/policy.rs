//! Alignment and the verdict (RFC 7489 §3.1, §6.6): the record found for the From:
//! domain (or its organizational domain), SPF's and DKIM's domains compared with From:'s,
//! the policy that applies and what a receiver does.

use super::orgdomain::organizational;
use super::record::{self, explain_tag, Alignment, DmarcRecord, Policy, RecordError};
use crate::i18n::{Lang, Tr};
use crate::msgauth::dns::Zone;
use crate::msgauth::spf::SpfResult;
use crate::sasl::trace::{Trace, View};

/// What SPF and DKIM concluded, as the receiver computed them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthResults {
    /// SPF's result and the domain it checked (MAIL FROM's, or HELO's for a null sender).
    pub spf: Option<(SpfResult, String)>,
    /// Each DKIM signature: its `d=` and whether it verified.
    pub dkim: Vec<(String, bool)>,
}

/// What the receiver does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// Deliver (DMARC passed, or the policy is none, or there is no policy).
    Deliver,
    /// Quarantine: usually the spam folder.
    Quarantine,
    /// Reject during SMTP (550 5.7.1, Gmail's 5.7.26).
    Reject,
}

impl Disposition {
    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            Disposition::Deliver => "deliver",
            Disposition::Quarantine => "quarantine",
            Disposition::Reject => "reject",
        }
    }
}

/// Everything the evaluation found.
#[derive(Clone, Debug, Default)]
pub struct DmarcReport {
    /// The steps.
    pub trace: Trace,
    /// The record used.
    pub record: Option<DmarcRecord>,
    /// The record was unusable (and so ignored).
    pub record_error: Option<RecordError>,
    /// SPF passed for an aligned domain.
    pub spf_aligned: bool,
    /// A DKIM signature passed for an aligned domain.
    pub dkim_aligned: bool,
    /// DMARC's result: `Some(true)` pass, `Some(false)` fail, `None` no policy.
    pub pass: Option<bool>,
    /// The policy that applies on failure.
    pub policy: Option<Policy>,
    /// What the receiver does.
    pub disposition: Option<Disposition>,
}

fn aligned(mode: Alignment, a: &str, from: &str) -> bool {
    let a = a.trim_end_matches('.').to_ascii_lowercase();
    let from = from.trim_end_matches('.').to_ascii_lowercase();
    match mode {
        Alignment::Strict => a == from,
        Alignment::Relaxed => organizational(&a) == organizational(&from),
    }
}

fn find_record(zone: &Zone, domain: &str) -> Vec<String> {
    zone.txt(&format!("_dmarc.{domain}"))
        .into_iter()
        .filter(|t| record::is_dmarc(t))
        .collect()
}

fn tag_id(name: &str) -> &'static str {
    match name {
        "v" => "tag-v",
        "p" => "tag-p",
        "sp" => "tag-sp",
        "pct" => "tag-pct",
        "adkim" => "tag-adkim",
        "aspf" => "tag-aspf",
        "rua" => "tag-rua",
        "ruf" => "tag-ruf",
        "fo" => "tag-fo",
        "rf" => "tag-rf",
        "ri" => "tag-ri",
        _ => "tag-other",
    }
}

/// Evaluates DMARC for a message whose From: domain is `from_domain`. `sample` (0–99)
/// stands for the receiver's random draw against `pct=`: the policy applies when
/// `sample < pct`.
pub fn evaluate(zone: &Zone, from_domain: &str, results: &AuthResults, sample: u8) -> DmarcReport {
    let mut r = DmarcReport::default();
    let from = from_domain
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let org = organizational(&from);
    r.trace.push(
        "from-domain",
        Tr::new("RFC5322.From domain", "RFC5322.From 域"),
        from.clone(),
        View::Text,
        Tr::new(
            "RFC 7489 §3.1: the domain of the From: header field, the one the reader sees; DMARC protects this one.",
            "RFC 7489 §3.1：From: 字段中的域，读者看到的那个；DMARC 保护的就是它。",
        ),
    );
    r.trace.push(
        "org-domain",
        Tr::new("Organizational domain", "组织域"),
        org.clone(),
        View::Text,
        Tr::new(
            "RFC 7489 §3.2: the registered domain, one label below the longest public suffix of the Public Suffix List (com, com.cn, sh.cn, co.uk, gov.au, github.io …).",
            "RFC 7489 §3.2：注册域，即公共后缀列表（Public Suffix List）中最长公共后缀的下一级（com、com.cn、sh.cn、co.uk、gov.au、github.io……）。",
        ),
    );
    let mut found = find_record(zone, &from);
    let mut at = from.clone();
    if found.is_empty() && org != from {
        found = find_record(zone, &org);
        at = org.clone();
    }
    r.trace.push(
        "record-lookup",
        Tr::new("DMARC record lookup", "查找 DMARC 记录"),
        format!("_dmarc.{at}: {}", found.len()),
        View::Text,
        Tr::new(
            "RFC 7489 §6.6.3: TXT at _dmarc.<From domain>; if none, at _dmarc.<organizational domain>. None, or more than one: no DMARC policy.",
            "RFC 7489 §6.6.3：查 _dmarc.<From 域> 的 TXT；没有则查 _dmarc.<组织域>。一条也没有或多于一条：没有 DMARC 策略。",
        ),
    );
    let [text] = found.as_slice() else {
        r.trace.push("verdict", Tr::new("Verdict", "结论"), "none", View::Text, Tr::new(
            "No usable DMARC record: DMARC gives no verdict; the receiver decides by its own rules (Gmail and Yahoo require one from bulk senders since 2024).",
            "没有可用的 DMARC 记录：DMARC 不给结论；接收方按自己的规则处理（自 2024 年起 Gmail 和 Yahoo 要求群发者必须有）。",
        ));
        return r;
    };
    r.trace.push(
        "record",
        Tr::new("DMARC record", "DMARC 记录"),
        text.clone(),
        View::Text,
        Tr::new(
            "RFC 7489 §6.3: a tag=value list; v=DMARC1 first, p= required.",
            "RFC 7489 §6.3：tag=value 列表；v=DMARC1 在最前，p= 必需。",
        ),
    );
    let rec = match record::parse(text) {
        Ok(rec) => rec,
        Err(e) => {
            r.trace.push("record-error", Tr::new("What is wrong", "错误之处"), e.shown(), View::Text, Tr::new(
                "RFC 7489 §6.3: v=DMARC1 first, and p= none, quarantine or reject (or missing, with a rua= to report to).",
                "RFC 7489 §6.3：v=DMARC1 在最前，p= 为 none、quarantine 或 reject（或者没有 p=，但有可以发报告的 rua=）。",
            ));
            r.record_error = Some(e);
            r.trace.push("verdict", Tr::new("Verdict", "结论"), "none", View::Text, Tr::new(
                "RFC 7489 §6.6.3: a record that does not parse is ignored, as if there were none.",
                "RFC 7489 §6.6.3：无法解析的记录被忽略，等同没有记录。",
            ));
            return r;
        }
    };
    for e in &rec.discarded {
        r.trace.push("discarded", Tr::new("Invalid value, default used", "无效的值，改用默认值"), e.shown(), View::Text, Tr::new(
            "RFC 7489 §6.3: an invalid value of this tag is discarded in favour of its default (pct=100, adkim=r, aspf=r, sp= as p=; an invalid p= with a rua= is p=none, §6.6.3); the rest of the record applies.",
            "RFC 7489 §6.3：该标签的无效值被舍弃，改用默认值（pct=100、adkim=r、aspf=r、sp= 同 p=；有 rua= 时无效的 p= 按 p=none 处理，见 §6.6.3）；记录的其余部分照常适用。",
        ));
    }
    for t in &rec.tags {
        r.trace.push(
            tag_id(&t.name),
            Tr::new("Tag", "标签"),
            format!("{}={}", t.name, t.value),
            View::Text,
            explain_tag(&t.name),
        );
    }
    r.spf_aligned = match &results.spf {
        Some((SpfResult::Pass, d)) => aligned(rec.aspf, d, &from),
        _ => false,
    };
    let spf_text = match &results.spf {
        Some((res, d)) => format!(
            "spf={} domain={d} aspf={} → {}",
            res.name(),
            if rec.aspf == Alignment::Strict {
                "s"
            } else {
                "r"
            },
            if r.spf_aligned {
                "aligned pass"
            } else {
                "no aligned pass"
            }
        ),
        None => "spf: not given".into(),
    };
    r.trace.push("spf-alignment", Tr::new("SPF alignment", "SPF 对齐"), spf_text, View::Text, Tr::new(
        "RFC 7489 §3.1.2: SPF counts only if it passed and its domain (MAIL FROM's) equals From:'s (strict) or shares its organizational domain (relaxed). A forwarder or a bounce address at the ESP's domain breaks it.",
        "RFC 7489 §3.1.2：只有 SPF 通过、且其域（MAIL FROM 的域）与 From: 的域相同（严格）或同属一个组织域（宽松）时才算。转发，或退信地址用了邮件服务商的域，都会破坏对齐。",
    ));
    r.dkim_aligned = results
        .dkim
        .iter()
        .any(|(d, pass)| *pass && aligned(rec.adkim, d, &from));
    let dkim_text = if results.dkim.is_empty() {
        "dkim: no signature".to_string()
    } else {
        results
            .dkim
            .iter()
            .map(|(d, pass)| {
                format!(
                    "d={d} {} {}",
                    if *pass { "pass" } else { "fail" },
                    // Alignment is the domains' alone: a failed signature of an aligned
                    // domain is aligned, and counts for nothing because it failed.
                    if aligned(rec.adkim, d, &from) {
                        "aligned"
                    } else {
                        "not aligned"
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    r.trace.push("dkim-alignment", Tr::new("DKIM alignment", "DKIM 对齐"), dkim_text, View::Text, Tr::new(
        "RFC 7489 §3.1.1: a DKIM signature counts only if it verified and its d= equals From:'s domain (adkim=s) or shares its organizational domain (adkim=r).",
        "RFC 7489 §3.1.1：DKIM 签名只有验证通过、且 d= 与 From: 的域相同（adkim=s）或同属一个组织域（adkim=r）时才算。",
    ));
    let pass = r.spf_aligned || r.dkim_aligned;
    r.pass = Some(pass);
    r.trace.push(
        "dmarc-result",
        Tr::new("DMARC result", "DMARC 结果"),
        if pass { "pass" } else { "fail" },
        View::Text,
        Tr::new(
            "RFC 7489 §4.2: pass when at least one of SPF and DKIM passed for an aligned domain.",
            "RFC 7489 §4.2：SPF 与 DKIM 至少一个对齐且通过，即为 pass。",
        ),
    );
    let policy = if at != from {
        rec.subdomain_policy
    } else {
        rec.policy
    };
    r.policy = Some(policy);
    r.record = Some(rec.clone());
    let disposition = if pass {
        Disposition::Deliver
    } else {
        let applied = if sample < rec.pct {
            policy
        } else {
            // §6.6.4: outside pct, the next weaker policy.
            match policy {
                Policy::Reject => Policy::Quarantine,
                _ => Policy::None,
            }
        };
        match applied {
            Policy::None => Disposition::Deliver,
            Policy::Quarantine => Disposition::Quarantine,
            Policy::Reject => Disposition::Reject,
        }
    };
    r.disposition = Some(disposition);
    r.trace.push(
        "policy",
        Tr::new("Policy applied", "采用的策略"),
        format!("{} (pct={}, sample={sample})", policy.name(), rec.pct),
        View::Text,
        Tr::new(
            "RFC 7489 §6.6.4: on failure, p= (sp= when the record came from the organizational domain for a subdomain); pct= applies it to that share of failing mail, the rest gets the next weaker policy.",
            "RFC 7489 §6.6.4：未通过时采用 p=（子域使用组织域记录时采用 sp=）；pct= 表示只对这一比例的失败邮件生效，其余采用弱一级的策略。",
        ),
    );
    r.trace.push(
        "verdict",
        Tr::new("Verdict", "结论"),
        disposition.name(),
        View::Text,
        match disposition {
            Disposition::Deliver => Tr::new(
                "Delivered as far as DMARC is concerned (spam filters still judge it).",
                "就 DMARC 而言正常投递（垃圾邮件过滤仍会评判）。",
            ),
            Disposition::Quarantine => Tr::new(
                "Quarantined: most receivers put it in the spam folder.",
                "隔离：多数接收方把它放进垃圾邮件箱。",
            ),
            Disposition::Reject => Tr::new(
                "Rejected during SMTP, e.g. Gmail's 550 5.7.26 \"unauthenticated\" or 550 5.7.1.",
                "在 SMTP 阶段拒收，例如 Gmail 的 550 5.7.26“未经身份验证”或 550 5.7.1。",
            ),
        },
    );
    r
}

/// The From: domain of a message (the last `@` of the first From: field's address).
pub fn from_domain(message: &[u8]) -> Option<String> {
    match authors(message) {
        Authors::One(domain) => Some(domain),
        _ => None,
    }
}

/// Whose the message says it is: the domains of its From: field (RFC 7489 §6.6.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authors {
    /// One From: field whose authors are all in this domain.
    One(String),
    /// No From: field, or none with an address in a domain.
    None,
    /// One From: field with authors in several domains.
    Several(Vec<String>),
    /// This many From: fields (RFC 5322 §3.6 allows one).
    Fields(usize),
}

/// The message's [`Authors`].
pub fn authors(message: &[u8]) -> Authors {
    let Ok(msg) = crate::msgauth::dkim::message::parse(message) else {
        return Authors::None;
    };
    let fields: Vec<_> = msg.fields.iter().filter(|f| f.is("from")).collect();
    let [field] = fields.as_slice() else {
        return if fields.is_empty() {
            Authors::None
        } else {
            Authors::Fields(fields.len())
        };
    };
    let mut domains = author_domains(&String::from_utf8_lossy(field.value()));
    domains.dedup();
    match domains.len() {
        0 => Authors::None,
        1 => Authors::One(domains.remove(0)),
        _ => {
            let mut distinct = domains.clone();
            distinct.sort();
            distinct.dedup();
            if distinct.len() == 1 {
                Authors::One(domains.remove(0))
            } else {
                Authors::Several(domains)
            }
        }
    }
}

/// The domains of the mailboxes in a From: field's value (RFC 5322 §3.4): comments dropped
/// (nested, with quoted pairs), quoted strings kept whole, a group's members taken, and each
/// mailbox's address its `<…>` when it has one (outside quotes), else the addr-spec. A
/// comment is no address: `ceo@bank.example (CEO <ceo@attacker.example>)` is bank.example's.
fn author_domains(value: &str) -> Vec<String> {
    // Comments out.
    let mut clean = String::new();
    let (mut depth, mut quoted, mut escaped) = (0usize, false, false);
    for c in value.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                clean.push(c);
            }
            continue;
        }
        match c {
            '\\' if quoted || depth > 0 => {
                escaped = true;
                if depth == 0 {
                    clean.push(c);
                }
            }
            '"' if depth == 0 => {
                quoted = !quoted;
                clean.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            _ => clean.push(c),
        }
    }
    // Mailboxes: split at the commas and semicolons outside quotes and angle brackets; a
    // group's name ends at its colon.
    let mut mailboxes: Vec<(String, Option<String>)> = Vec::new();
    let (mut outside, mut angle) = (String::new(), None::<String>);
    let (mut quoted, mut escaped, mut in_angle) = (false, false, false);
    for c in clean.chars() {
        if escaped {
            escaped = false;
            outside.push(c);
            continue;
        }
        match c {
            '\\' if quoted => {
                escaped = true;
                outside.push(c);
            }
            '"' => {
                quoted = !quoted;
                if in_angle {
                    angle.get_or_insert_with(String::new).push(c);
                } else {
                    outside.push(c);
                }
            }
            '<' if !quoted && !in_angle => {
                in_angle = true;
                angle = Some(String::new());
            }
            '>' if !quoted && in_angle => in_angle = false,
            ',' | ';' if !quoted && !in_angle => {
                mailboxes.push((std::mem::take(&mut outside), angle.take()));
            }
            ':' if !quoted && !in_angle => outside.clear(),
            _ if in_angle => angle.get_or_insert_with(String::new).push(c),
            _ => outside.push(c),
        }
    }
    mailboxes.push((outside, angle));
    mailboxes
        .into_iter()
        .filter_map(|(outside, angle)| {
            let address = angle.unwrap_or(outside);
            // An obsolete route (`<@relay:user@example.com>`) goes before the last colon.
            let address = address.rsplit(':').next().unwrap_or_default();
            let (_, domain) = address.trim().rsplit_once('@')?;
            let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
            (!domain.is_empty() && !domain.contains(char::is_whitespace)).then_some(domain)
        })
        .collect()
}

/// The verdict in words.
pub fn describe(r: &DmarcReport, lang: Lang) -> String {
    let mut said = verdict_words(r, lang);
    // What was wrong with the record: why it was ignored, or which values gave way.
    let problems = r
        .record_error
        .iter()
        .chain(r.record.iter().flat_map(|rec| rec.discarded.iter()));
    for problem in problems {
        said.push(' ');
        said.push_str(&problem.describe(lang));
    }
    said
}

fn verdict_words(r: &DmarcReport, lang: Lang) -> String {
    match (r.pass, r.disposition, lang) {
        (None, _, Lang::En) => "No DMARC policy: nothing to apply.".into(),
        (None, _, Lang::Zh) => "没有 DMARC 策略：无可执行。".into(),
        (Some(true), _, Lang::En) => "DMARC pass: an aligned SPF or DKIM pass vouches for the From: domain.".into(),
        (Some(true), _, Lang::Zh) => "DMARC 通过：有对齐的 SPF 或 DKIM 通过，为 From: 域作保。".into(),
        (Some(false), d, Lang::En) => format!("DMARC fail: neither SPF nor DKIM passed for a domain aligned with From:; the receiver's action: {}.", d.map_or("none", |d| d.name())),
        (Some(false), d, Lang::Zh) => format!("DMARC 未通过：SPF 和 DKIM 都没有在与 From: 对齐的域上通过；接收方的处理：{}。", d.map_or("none", |d| d.name())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alignment_and_policy() {
        let zone =
            Zone::parse("_dmarc.163.com TXT \"v=DMARC1; p=reject; sp=quarantine; pct=50\"\n")
                .unwrap();
        let res = |spf: (SpfResult, &str), dkim: &[(&str, bool)]| AuthResults {
            spf: Some((spf.0, spf.1.to_string())),
            dkim: dkim.iter().map(|(d, p)| (d.to_string(), *p)).collect(),
        };
        // Seed 000's case from the receiver's side: From: @163.com, sent through another
        // provider whose SPF and DKIM pass for its own domain.
        let r = evaluate(
            &zone,
            "163.com",
            &res(
                (SpfResult::Pass, "mail.example.net"),
                &[("example.net", true)],
            ),
            0,
        );
        assert_eq!(
            (r.pass, r.disposition),
            (Some(false), Some(Disposition::Reject))
        );
        // Outside pct: the next weaker policy.
        let r = evaluate(
            &zone,
            "163.com",
            &res((SpfResult::Pass, "example.net"), &[]),
            70,
        );
        assert_eq!(r.disposition, Some(Disposition::Quarantine));
        // A forwarded message: SPF fails, DKIM from 163.com survives (relaxed: m.163.com).
        let r = evaluate(
            &zone,
            "163.com",
            &res((SpfResult::Fail, "163.com"), &[("m.163.com", true)]),
            0,
        );
        assert_eq!(r.pass, Some(true));
        // A subdomain with no record of its own gets sp=.
        let r = evaluate(
            &zone,
            "news.163.com",
            &res((SpfResult::Fail, "x.example"), &[]),
            0,
        );
        assert_eq!(
            (r.policy, r.disposition),
            (Some(Policy::Quarantine), Some(Disposition::Quarantine))
        );
        assert_eq!(
            evaluate(&zone, "example.org", &res((SpfResult::Fail, "x"), &[]), 0).pass,
            None
        );
        assert_eq!(
            from_domain(b"From: \"Joe\" <Joe@Football.Example.com>\r\n\r\n").as_deref(),
            Some("football.example.com")
        );
    }

    #[test]
    fn the_authors_domain_is_the_address_not_a_comment_or_a_display_name() {
        let of = |from: &str| authors(format!("From: {from}\r\n\r\nbody\r\n").as_bytes());
        let one = |d: &str| Authors::One(d.to_string());
        for (from, domain) in [
            // A comment (RFC 5322 §3.2.2) is no address, whatever it holds.
            (
                "ceo@bank.example (CEO <ceo@attacker.example>)",
                "bank.example",
            ),
            (
                "ceo@bank.example (nested (x@attacker.example) comment)",
                "bank.example",
            ),
            // A quoted display name neither.
            (
                "\"ceo@attacker.example <x@attacker.example>\" <ceo@bank.example>",
                "bank.example",
            ),
            (
                "\"a \\\" <x@attacker.example>\" <ceo@bank.example>",
                "bank.example",
            ),
            ("Ceo <ceo@Bank.Example.>", "bank.example"),
            ("<@relay.example:ceo@bank.example>", "bank.example"),
            ("\"odd@local\"@bank.example", "bank.example"),
            ("Board: a@bank.example, b@bank.example;", "bank.example"),
            ("a@bank.example, b@bank.example", "bank.example"),
        ] {
            assert_eq!(of(from), one(domain), "{from}");
        }
        assert_eq!(
            of("a@example.com, b@evil.example"),
            Authors::Several(vec!["example.com".into(), "evil.example".into()])
        );
        assert_eq!(of("undisclosed-recipients:;"), Authors::None);
        assert_eq!(
            authors(b"From: a@example.com\r\nFrom: b@evil.example\r\n\r\n"),
            Authors::Fields(2)
        );
    }
}
