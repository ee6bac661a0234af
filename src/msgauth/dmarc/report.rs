//! Aggregate reports (RFC 7489 §7.2, the XML of Appendix C), explained row by row: who sent
//! mail as the domain, how much, what SPF and DKIM said and for which domains, what the
//! receiver did — and, for each source, the likely cause and the fix (an ESP signing with
//! its own domain, a forwarder, a server missing from SPF, a spoofer).

use crate::i18n::{Lang, Tr};

use super::orgdomain::organizational;

/// The largest report read, in octets.
pub const MAX_REPORT: usize = 8 * 1024 * 1024;
/// The most rows read.
pub const MAX_ROWS: usize = 10_000;

/// The policy the domain published, as the reporter saw it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Published {
    /// `domain`.
    pub domain: String,
    /// `adkim` (r or s).
    pub adkim: String,
    /// `aspf` (r or s).
    pub aspf: String,
    /// `p`.
    pub p: String,
    /// `sp`.
    pub sp: String,
    /// `pct`.
    pub pct: String,
}

/// One authentication result inside a row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthResult {
    /// The domain (DKIM `d=`, or the SPF domain).
    pub domain: String,
    /// DKIM's selector, or SPF's scope (`mfrom`, `helo`).
    pub detail: String,
    /// `pass`, `fail`, …
    pub result: String,
}

/// One row: a source address and what happened to its messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    /// `source_ip`.
    pub source_ip: String,
    /// `count`.
    pub count: u64,
    /// `policy_evaluated/disposition`: none, quarantine, reject.
    pub disposition: String,
    /// `policy_evaluated/dkim`: the aligned DKIM verdict (pass/fail).
    pub dkim: String,
    /// `policy_evaluated/spf`: the aligned SPF verdict.
    pub spf: String,
    /// `identifiers/header_from`.
    pub header_from: String,
    /// `identifiers/envelope_from`, when reported.
    pub envelope_from: String,
    /// `auth_results/dkim`.
    pub dkim_results: Vec<AuthResult>,
    /// `auth_results/spf`.
    pub spf_results: Vec<AuthResult>,
    /// `policy_evaluated/reason`: why the receiver applied another action than the policy
    /// (at most [`MAX_OVERRIDES`]).
    pub overrides: Vec<Override>,
}

/// The most override reasons read per row.
pub const MAX_OVERRIDES: usize = 8;
/// A reason's comment is kept to this many characters.
const MAX_COMMENT: usize = 200;

/// A receiver's reason for another action than the published policy (RFC 7489 Appendix C,
/// `PolicyOverrideReason`: a `type` and an optional `comment`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Override {
    /// `forwarded`, `sampled_out`, `trusted_forwarder`, `mailing_list`, `local_policy`,
    /// `other` (as written, lower case).
    pub kind: String,
    /// The receiver's comment, if any.
    pub comment: String,
}

const OVERRIDE_FORWARDED: Tr = Tr::new(
    "forwarded: the receiver took the message for forwarded (a known forwarder, or its own judgement), where SPF and DKIM are not expected to pass",
    "forwarded：接收方认为这封邮件是转发来的（已知的转发方，或它自己的判断），转发的邮件本来就不指望 SPF 和 DKIM 通过",
);
const OVERRIDE_SAMPLED_OUT: Tr = Tr::new(
    "sampled_out: the policy's pct= left this message out of the policy",
    "sampled_out：策略的 pct= 让这封邮件不在策略适用范围内",
);
const OVERRIDE_TRUSTED_FORWARDER: Tr = Tr::new(
    "trusted_forwarder: the message came through a forwarder on the receiver's own list of trusted ones",
    "trusted_forwarder：邮件经由接收方自己信任名单上的转发方而来",
);
const OVERRIDE_MAILING_LIST: Tr = Tr::new(
    "mailing_list: the receiver took the message for one through a mailing list, which changes messages so that DKIM breaks",
    "mailing_list：接收方认为邮件经过了邮件列表，而邮件列表会改动邮件，使 DKIM 失效",
);
const OVERRIDE_LOCAL_POLICY: Tr = Tr::new(
    "local_policy: the receiver's own policy exempted the message",
    "local_policy：接收方自己的策略让这封邮件免于处置",
);
const OVERRIDE_OTHER: Tr = Tr::new(
    "{kind}: another exception (the comment says which)",
    "{kind}：其他例外（见备注）",
);
const OVERRIDE_NOTE: Tr = Tr::new(
    "The receiver did not apply the policy as published ({reasons}). Your DNS is not at fault for that; the diagnosis above is about what SPF and DKIM said.",
    "接收方没有按公布的策略处置（{reasons}）。这不是你的 DNS 的问题；上面的诊断说的是 SPF 和 DKIM 的结果。",
);
const OVERRIDE_COMMENT: Tr = Tr::new(" (comment: {c})", "（备注：{c}）");
/// Between reasons: a semicolon in English, the Chinese one in Chinese.
const REASON_SEPARATOR: Tr = Tr::new("; ", "；");

impl Override {
    /// The reason in words, with its comment.
    pub fn describe(&self, lang: Lang) -> String {
        let said = match self.kind.as_str() {
            "forwarded" => OVERRIDE_FORWARDED.get(lang).to_owned(),
            "sampled_out" => OVERRIDE_SAMPLED_OUT.get(lang).to_owned(),
            "trusted_forwarder" => OVERRIDE_TRUSTED_FORWARDER.get(lang).to_owned(),
            "mailing_list" => OVERRIDE_MAILING_LIST.get(lang).to_owned(),
            "local_policy" => OVERRIDE_LOCAL_POLICY.get(lang).to_owned(),
            kind => OVERRIDE_OTHER.fill(lang, &[("kind", &kind)]),
        };
        if self.comment.is_empty() {
            said
        } else {
            format!(
                "{said}{}",
                OVERRIDE_COMMENT.fill(lang, &[("c", &self.comment)])
            )
        }
    }
}

/// What a row's override reasons say, when it has any.
pub fn override_note(row: &Row, lang: Lang) -> Option<String> {
    if row.overrides.is_empty() {
        return None;
    }
    let reasons: Vec<String> = row.overrides.iter().map(|o| o.describe(lang)).collect();
    Some(OVERRIDE_NOTE.fill(
        lang,
        &[("reasons", &reasons.join(REASON_SEPARATOR.get(lang)))],
    ))
}

/// A parsed report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AggregateReport {
    /// `report_metadata/org_name`: who sent the report.
    pub org_name: String,
    /// `report_metadata/email`.
    pub email: String,
    /// `report_metadata/report_id`.
    pub report_id: String,
    /// `date_range/begin`, seconds since 1970.
    pub begin: Option<u64>,
    /// `date_range/end`.
    pub end: Option<u64>,
    /// `policy_published`.
    pub published: Published,
    /// The rows.
    pub rows: Vec<Row>,
}

/// Why a report cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportError {
    /// Not well-formed XML (the parser's message).
    Xml(String),
    /// XML, but its root is not `<feedback>`.
    NotFeedback(String),
    /// Larger than [`MAX_REPORT`].
    TooLarge(usize),
    /// More rows than [`MAX_ROWS`].
    TooManyRows,
    /// A compressed file, as receivers send reports (`gzip` or `zip`): not unpacked here.
    Packed(&'static str),
}

const XML: Tr = Tr::new("Not well-formed XML: {e}.", "不是格式正确的 XML：{e}。");
const PACKED: Tr = Tr::new(
    "This is a {kind} file, the way receivers send their reports: unpack it first (`gunzip report.xml.gz`, `unzip report.zip`) and give the XML inside.",
    "这是一个 {kind} 文件，接收方通常这样发送报告：请先解压（`gunzip report.xml.gz`、`unzip report.zip`），再提供其中的 XML。",
);
const NOT_FEEDBACK: Tr = Tr::new(
    "The root element is <{r}>; a DMARC aggregate report's is <feedback> (RFC 7489 Appendix C).",
    "根元素是 <{r}>；DMARC 聚合报告的根元素是 <feedback>（RFC 7489 附录 C）。",
);
const TOO_LARGE: Tr = Tr::new(
    "The report has {n} octets; the trainer reads at most {max_report}.",
    "报告有 {n} 字节；训练器最多读取 {max_report} 字节。",
);
const TOO_MANY_ROWS: Tr = Tr::new("More than {max_rows} rows.", "超过 {max_rows} 行记录。");

impl ReportError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ReportError::Xml(e) => XML.fill(lang, &[("e", &e)]),
            ReportError::NotFeedback(r) => NOT_FEEDBACK.fill(lang, &[("r", &r)]),
            ReportError::TooLarge(n) => {
                TOO_LARGE.fill(lang, &[("n", &n), ("max_report", &MAX_REPORT)])
            }
            ReportError::TooManyRows => TOO_MANY_ROWS.fill(lang, &[("max_rows", &MAX_ROWS)]),
            ReportError::Packed(kind) => PACKED.fill(lang, &[("kind", kind)]),
        }
    }
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
}

fn text(node: Option<roxmltree::Node<'_, '_>>, path: &[&str]) -> String {
    let mut n = node;
    for p in path {
        n = n.and_then(|x| child(x, p));
    }
    n.and_then(|x| x.text()).unwrap_or("").trim().to_string()
}

/// Reads a report.
pub fn parse(xml: &str) -> Result<AggregateReport, ReportError> {
    if xml.len() > MAX_REPORT {
        return Err(ReportError::TooLarge(xml.len()));
    }
    // RFC 7489 §7.2.1.1 has receivers send reports gzip-compressed (and many send zip):
    // such a file, read as text, starts with its magic number.
    if xml.starts_with('\u{1f}') {
        return Err(ReportError::Packed("gzip"));
    }
    if xml.starts_with("PK\u{3}\u{4}") {
        return Err(ReportError::Packed("zip"));
    }
    let doc = roxmltree::Document::parse(xml).map_err(|e| ReportError::Xml(e.to_string()))?;
    let root = doc.root_element();
    if root.tag_name().name() != "feedback" {
        return Err(ReportError::NotFeedback(root.tag_name().name().to_string()));
    }
    let meta = child(root, "report_metadata");
    let policy = child(root, "policy_published");
    let number = |s: String| s.parse::<u64>().ok();
    let mut rows = Vec::new();
    for record in root
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "record")
    {
        if rows.len() >= MAX_ROWS {
            return Err(ReportError::TooManyRows);
        }
        let row = child(record, "row");
        let auth = child(record, "auth_results");
        let results = |kind: &str, detail: &str| -> Vec<AuthResult> {
            auth.map(|a| {
                a.children()
                    .filter(|c| c.is_element() && c.tag_name().name() == kind)
                    .map(|c| AuthResult {
                        domain: text(Some(c), &["domain"]).to_ascii_lowercase(),
                        detail: text(Some(c), &[detail]),
                        result: text(Some(c), &["result"]).to_ascii_lowercase(),
                    })
                    .collect()
            })
            .unwrap_or_default()
        };
        rows.push(Row {
            source_ip: text(row, &["source_ip"]),
            count: number(text(row, &["count"])).unwrap_or(0),
            disposition: text(row, &["policy_evaluated", "disposition"]),
            dkim: text(row, &["policy_evaluated", "dkim"]),
            spf: text(row, &["policy_evaluated", "spf"]),
            header_from: text(Some(record), &["identifiers", "header_from"]).to_ascii_lowercase(),
            envelope_from: text(Some(record), &["identifiers", "envelope_from"])
                .to_ascii_lowercase(),
            dkim_results: results("dkim", "selector"),
            spf_results: results("spf", "scope"),
            overrides: child(row.unwrap_or(record), "policy_evaluated")
                .map(|p| {
                    p.children()
                        .filter(|c| c.is_element() && c.tag_name().name() == "reason")
                        .take(MAX_OVERRIDES)
                        .map(|c| Override {
                            kind: text(Some(c), &["type"]).to_ascii_lowercase(),
                            comment: text(Some(c), &["comment"])
                                .chars()
                                .take(MAX_COMMENT)
                                .collect(),
                        })
                        .filter(|o| !o.kind.is_empty())
                        .collect()
                })
                .unwrap_or_default(),
        });
    }
    Ok(AggregateReport {
        org_name: text(meta, &["org_name"]),
        email: text(meta, &["email"]),
        report_id: text(meta, &["report_id"]),
        begin: number(text(meta, &["date_range", "begin"])),
        end: number(text(meta, &["date_range", "end"])),
        published: Published {
            domain: text(policy, &["domain"]).to_ascii_lowercase(),
            adkim: text(policy, &["adkim"]),
            aspf: text(policy, &["aspf"]),
            p: text(policy, &["p"]),
            sp: text(policy, &["sp"]),
            pct: text(policy, &["pct"]),
        },
        rows,
    })
}

/// What a row most likely means.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Diagnosis {
    /// DMARC passed through aligned DKIM and SPF.
    BothAligned,
    /// DMARC passed through aligned DKIM only, SPF failed: typically a forwarder.
    Forwarded,
    /// DMARC passed through aligned DKIM; SPF passed too, but for another domain (an email
    /// service's own bounce domain, as most services send by default).
    ServiceBounceDomain(Vec<String>),
    /// DMARC passed through aligned SPF only: DKIM missing or not aligned.
    SpfOnly,
    /// Nothing passed, and SPF's result is permerror: the SPF record itself is broken.
    SpfBroken,
    /// SPF and/or DKIM passed, but for another domain than From:'s: an ESP or a mailing
    /// service sending as the domain with its own bounce domain and signature (the
    /// domains that passed).
    PassedUnaligned(Vec<String>),
    /// Nothing passed: a source not authorized at all (a spoofer, or a server of the
    /// domain's own that SPF and DKIM do not know).
    NothingPassed,
}

const BOTH_ALIGNED: Tr = Tr::new(
    "DMARC pass with both SPF and DKIM aligned: nothing to do.",
    "DMARC 通过，SPF 与 DKIM 都对齐：无需处理。",
);
const FORWARDED: Tr = Tr::new(
    "DMARC pass through DKIM alone, SPF failed: typical of forwarding (the forwarder's address is not in your SPF). Fine as long as DKIM survives; keep signing.",
    "仅靠 DKIM 通过 DMARC，SPF 失败：典型的转发（转发方的地址不在你的 SPF 里）。只要 DKIM 保持有效就没问题；继续签名。",
);
const SPF_ONLY: Tr = Tr::new(
    "DMARC pass through SPF alone: DKIM is missing or signed for another domain. Sign with d=your domain too, or forwarded copies will fail.",
    "仅靠 SPF 通过 DMARC：DKIM 缺失，或以别的域签名。请也用 d=你的域 签名，否则转发的副本会失败。",
);
const PASSED_UNALIGNED: Tr = Tr::new(
    "SPF or DKIM passed, but for {domains} — not aligned with From:. An email service sending as you with its own bounce domain and signature: configure it to sign with d=your domain (a CNAME or TXT key it gives you) and a return-path under your domain.",
    "SPF 或 DKIM 通过了，但针对的是 {domains}——与 From: 不对齐。这是某个邮件服务以你的名义发信，却用它自己的退信域和签名：请让它用 d=你的域 签名（按它提供的 CNAME 或 TXT 密钥配置），并把退信地址设在你的域下。",
);
const SERVICE_BOUNCE_DOMAIN: Tr = Tr::new(
    "DMARC pass through DKIM. SPF passed as well, but for {domains}, not your domain: an email service's own bounce domain (its return-path). Nothing fails; to align SPF too, set a custom return-path (bounce domain) under your domain in the service's settings.",
    "靠 DKIM 通过 DMARC。SPF 也通过了，但针对的是 {domains}，而不是你的域：这是邮件服务自己的退信域（return-path）。没有失败；如果也想让 SPF 对齐，就在该服务的设置里把退信域（自定义 return-path）设在你的域下。",
);
const SPF_BROKEN: Tr = Tr::new(
    "Nothing passed, and SPF's result is permerror: the SPF record itself is broken (a syntax error, or more than 10 DNS lookups, RFC 7208 §4.6.4), so no address of yours passes SPF. Check the record with `smtp-trainer spf check` and fix it before adding anything to it.",
    "没有任何一项通过，并且 SPF 的结果是 permerror：SPF 记录本身有错（语法错误，或 DNS 查询超过 10 次，RFC 7208 §4.6.4），所以你的任何地址都无法通过 SPF。请先用 `smtp-trainer spf check` 检查并修好这条记录，再往里添加内容。",
);
/// Between the domains of a list: a comma in English, the enumeration comma in Chinese.
const DOMAIN_SEPARATOR: Tr = Tr::new(", ", "、");
const NOTHING_PASSED: Tr = Tr::new(
    "Neither SPF nor DKIM passed for any domain: if you know this address, it is a server of yours missing from SPF and not signing (add it); if not, someone is spoofing your domain, and p=reject stops them.",
    "SPF 和 DKIM 对任何域都没有通过：如果你认识这个地址，那是你自己的服务器，没写进 SPF 也没签名（请加上）；如果不认识，就是有人冒用你的域，p=reject 可以拦住。",
);

impl Diagnosis {
    /// The diagnosis and what to do.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Diagnosis::BothAligned => BOTH_ALIGNED.get(lang).to_owned(),
            Diagnosis::Forwarded => FORWARDED.get(lang).to_owned(),
            Diagnosis::ServiceBounceDomain(d) => SERVICE_BOUNCE_DOMAIN
                .fill(lang, &[("domains", &d.join(DOMAIN_SEPARATOR.get(lang)))]),
            Diagnosis::SpfOnly => SPF_ONLY.get(lang).to_owned(),
            Diagnosis::SpfBroken => SPF_BROKEN.get(lang).to_owned(),
            Diagnosis::PassedUnaligned(d) => {
                PASSED_UNALIGNED.fill(lang, &[("domains", &d.join(DOMAIN_SEPARATOR.get(lang)))])
            }
            Diagnosis::NothingPassed => NOTHING_PASSED.get(lang).to_owned(),
        }
    }
}

fn aligned(mode: &str, a: &str, from: &str) -> bool {
    if mode == "s" {
        a == from
    } else {
        organizational(a) == organizational(from)
    }
}

/// The diagnosis of a row, from its raw authentication results and the published
/// alignment modes.
pub fn diagnose(row: &Row, published: &Published) -> Diagnosis {
    let from = &row.header_from;
    let dkim_ok = row
        .dkim_results
        .iter()
        .any(|r| r.result == "pass" && aligned(&published.adkim, &r.domain, from));
    let spf_ok = row
        .spf_results
        .iter()
        .any(|r| r.result == "pass" && aligned(&published.aspf, &r.domain, from));
    let mut spf_passed_elsewhere: Vec<String> = row
        .spf_results
        .iter()
        .filter(|r| r.result == "pass")
        .map(|r| r.domain.clone())
        .collect();
    spf_passed_elsewhere.dedup();
    match (dkim_ok, spf_ok) {
        (true, true) => Diagnosis::BothAligned,
        (true, false) if !spf_passed_elsewhere.is_empty() => {
            Diagnosis::ServiceBounceDomain(spf_passed_elsewhere)
        }
        (true, false) => Diagnosis::Forwarded,
        (false, true) => Diagnosis::SpfOnly,
        (false, false) => {
            let mut passed: Vec<String> = row
                .dkim_results
                .iter()
                .chain(&row.spf_results)
                .filter(|r| r.result == "pass")
                .map(|r| r.domain.clone())
                .collect();
            passed.dedup();
            let spf_broken = row.spf_results.iter().any(|r| r.result == "permerror");
            if passed.is_empty() && spf_broken {
                Diagnosis::SpfBroken
            } else if passed.is_empty() {
                Diagnosis::NothingPassed
            } else {
                Diagnosis::PassedUnaligned(passed)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_named() {
        assert!(matches!(parse("<feedback>"), Err(ReportError::Xml(_))));
        assert_eq!(
            parse("<html/>"),
            Err(ReportError::NotFeedback("html".into()))
        );
        assert_eq!(parse("<feedback/>").map(|r| r.rows.len()), Ok(0));
        let gzip = String::from_utf8_lossy(&[0x1f, 0x8b, 8, 0]).into_owned();
        assert_eq!(parse(&gzip), Err(ReportError::Packed("gzip")));
        assert_eq!(parse("PK\u{3}\u{4}rest"), Err(ReportError::Packed("zip")));
        assert!(ReportError::Packed("zip")
            .describe(Lang::En)
            .contains("unzip report.zip"));
    }

    fn row(dkim: &str, spf: &str) -> String {
        format!(
            "<record><row><source_ip>192.0.2.1</source_ip><count>1</count></row>\
             <identifiers><header_from>example.com</header_from></identifiers>\
             <auth_results>{dkim}{spf}</auth_results></record>"
        )
    }

    #[test]
    fn an_email_services_bounce_domain_and_a_broken_spf_record_are_named() {
        let xml = format!(
            "<feedback><policy_published><domain>example.com</domain><p>reject</p></policy_published>{}{}{}</feedback>",
            // DKIM for the domain, SPF for the service's bounce domain: no failure at all.
            row(
                "<dkim><domain>example.com</domain><result>pass</result></dkim>",
                "<spf><domain>em1234.sendgrid.net</domain><result>pass</result></spf>"
            ),
            // SPF really failed: the forwarder's shape.
            row(
                "<dkim><domain>example.com</domain><result>pass</result></dkim>",
                "<spf><domain>example.com</domain><result>fail</result></spf>"
            ),
            // permerror: the record is broken, no address of the domain's passes.
            row("", "<spf><domain>example.com</domain><result>permerror</result></spf>"),
        );
        let report = parse(&xml).expect("a report");
        let found: Vec<Diagnosis> = report
            .rows
            .iter()
            .map(|r| diagnose(r, &report.published))
            .collect();
        assert_eq!(
            found,
            vec![
                Diagnosis::ServiceBounceDomain(vec!["em1234.sendgrid.net".into()]),
                Diagnosis::Forwarded,
                Diagnosis::SpfBroken,
            ]
        );
        assert!(found[0].describe(Lang::Zh).contains("em1234.sendgrid.net"));
    }

    /// The receiver's reasons for another action than p= are read and said (RFC 7489
    /// Appendix C, PolicyOverrideReason): a forwarded row under p=reject that was let
    /// through is the receiver's choice, not the record's.
    #[test]
    fn override_reasons_are_read_and_said_in_both_languages() {
        let xml = "<feedback><policy_published><domain>example.com</domain><p>reject</p></policy_published>\
            <record><row><source_ip>192.0.2.9</source_ip><count>3</count><policy_evaluated>\
            <disposition>none</disposition><dkim>fail</dkim><spf>fail</spf>\
            <reason><type>forwarded</type></reason>\
            <reason><type>Local_Policy</type><comment>arc=pass as.example</comment></reason>\
            <reason><type></type></reason>\
            </policy_evaluated></row>\
            <identifiers><header_from>example.com</header_from></identifiers>\
            <auth_results><spf><domain>example.com</domain><result>fail</result></spf></auth_results></record>\
            </feedback>";
        let report = parse(xml).expect("a report");
        let first = &report.rows[0];
        assert_eq!(
            first.overrides,
            vec![
                Override {
                    kind: "forwarded".into(),
                    comment: String::new()
                },
                Override {
                    kind: "local_policy".into(),
                    comment: "arc=pass as.example".into()
                },
            ]
        );
        let en = override_note(first, Lang::En).expect("a note");
        assert!(en.contains("did not apply the policy as published"), "{en}");
        assert!(
            en.contains("forwarded: the receiver took the message for forwarded"),
            "{en}"
        );
        assert!(en.contains("(comment: arc=pass as.example)"), "{en}");
        let zh = override_note(first, Lang::Zh).expect("a note");
        assert!(
            zh.contains("接收方没有按公布的策略处置") && zh.contains("备注：arc=pass"),
            "{zh}"
        );
        let other = Override {
            kind: "sampled_in".into(),
            comment: String::new(),
        };
        assert!(other
            .describe(Lang::En)
            .starts_with("sampled_in: another exception"));
        // A row without reasons has no note; a flood of reasons is bounded.
        let plain = parse(&format!(
            "<feedback>{}</feedback>",
            row(
                "",
                "<spf><domain>example.com</domain><result>fail</result></spf>"
            )
        ))
        .expect("a report");
        assert_eq!(override_note(&plain.rows[0], Lang::En), None);
        let many = format!(
            "<feedback><record><row><policy_evaluated>{}</policy_evaluated></row></record></feedback>",
            "<reason><type>other</type></reason>".repeat(100)
        );
        assert_eq!(
            parse(&many).expect("a report").rows[0].overrides.len(),
            MAX_OVERRIDES
        );
    }
}
