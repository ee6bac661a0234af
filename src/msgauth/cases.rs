//! Case studies (issue 19's scenarios): why real mail was rejected or landed in spam, each
//! a story and a goal in both languages with the inputs a receiver had, loaded into a
//! check of the page. The verdict is never written here: the page runs the inputs through
//! the engine ([`super::page::handle`]) and shows what it computes; the tests
//! (`tests/msgauth_cases.rs`) hold each story to the step it names.
//!
//! The DKIM messages were signed by this engine (`smtp-trainer dkim sign`) with a demo
//! Ed25519 key committed beside them (`cases/demo-ed25519.seed`, public in
//! `cases/demo-ed25519.record`), then changed as the story says (a mailing list's footer,
//! a forwarder's `Received:`), so their results are real signatures' results. Domains and
//! addresses are the documentation ones (RFC 2606, RFC 5737), except 163.com, seed 000's.

use super::page::Request;
use crate::i18n::Tr;

/// The demo key's private half: the base64 of its 32-octet Ed25519 seed. Public on
/// purpose: it signs the case studies' messages only.
pub const DEMO_SEED: &str = include_str!("cases/demo-ed25519.seed");
/// The demo key's record, as published at `<s>._domainkey.<d>`.
pub const DEMO_RECORD: &str = include_str!("cases/demo-ed25519.record");
/// A mailing list's copy of a signed message: footer appended, list headers added.
pub const LIST_MESSAGE: &str = include_str!("cases/list-received.eml");
/// A signed message as a forwarder passed it on (one `Received:` added).
pub const FORWARDED_MESSAGE: &str = include_str!("cases/forward-received.eml");
/// An aggregate report in the shape of RFC 7489 Appendix C (the tests' fixture).
pub const EXAMPLE_REPORT: &str = include_str!("../../tests/fixtures/dmarc/aggregate-report.xml");

/// Which check a case's inputs go into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckKind {
    /// DKIM verify.
    Dkim,
    /// SPF.
    Spf,
    /// DMARC.
    Dmarc,
}

impl CheckKind {
    /// The check's slug in the page's links (`#/msgauth/dkim`).
    pub fn slug(self) -> &'static str {
        match self {
            CheckKind::Dkim => "dkim",
            CheckKind::Spf => "spf",
            CheckKind::Dmarc => "dmarc",
        }
    }
}

/// One case study.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// A stable id (`list-footer`).
    pub id: &'static str,
    /// The title.
    pub title: Tr,
    /// What happened.
    pub story: Tr,
    /// What the learner is to find.
    pub goal: Tr,
    /// What to fix, once found.
    pub fix: Tr,
    /// The checks, each with the receiver's inputs.
    pub checks: Vec<(CheckKind, Request)>,
}

/// The time the list and forwarding cases are checked at (`x=` is not set; `t=` is before).
pub const CASE_NOW: u64 = 1_796_410_000;

fn dkim(message: &str) -> Request {
    Request::DkimVerify {
        message: message.to_string(),
        key_record: DEMO_RECORD.trim().to_string(),
        index: 0,
        now: Some(CASE_NOW),
    }
}

fn spf(records: &str, ip: &str, mail_from: &str, helo: &str) -> Request {
    Request::Spf {
        records: records.to_string(),
        ip: ip.to_string(),
        mail_from: mail_from.to_string(),
        helo: helo.to_string(),
    }
}

fn dmarc(records: &str, from: &str, spf: (&str, &str), dkim: &[(&str, bool)]) -> Request {
    Request::Dmarc {
        records: records.to_string(),
        from_domain: from.to_string(),
        spf_result: spf.0.to_string(),
        spf_domain: spf.1.to_string(),
        dkim: dkim.iter().map(|(d, ok)| (d.to_string(), *ok)).collect(),
        sample: 0,
    }
}

/// The records of the too-many-lookups case: eleven DNS-querying terms across includes, the eleventh the one that would match.
pub const LOOKUPS_RECORDS: &str = "\
# shop.example's SPF record and every record its includes need
shop.example                 TXT \"v=spf1 a mx include:_spf.mailer.example include:spf.crm.example include:_spf.helpdesk.example include:servers.newsletter.example -all\"
shop.example                 A   192.0.2.80
shop.example                 MX  10 mx1.shop.example
shop.example                 MX  20 mx2.shop.example
mx1.shop.example             A   192.0.2.25
mx2.shop.example             A   192.0.2.26
_spf.mailer.example          TXT \"v=spf1 include:_netblocks1.mailer.example include:_netblocks2.mailer.example include:_netblocks3.mailer.example include:_netblocks4.mailer.example ~all\"
_netblocks1.mailer.example   TXT \"v=spf1 ip4:198.51.100.0/26 ~all\"
_netblocks2.mailer.example   TXT \"v=spf1 ip4:198.51.100.64/26 ~all\"
_netblocks3.mailer.example   TXT \"v=spf1 ip4:198.51.100.128/26 ~all\"
_netblocks4.mailer.example   TXT \"v=spf1 ip4:198.51.100.192/26 ~all\"
spf.crm.example              TXT \"v=spf1 include:spf1.crm.example ~all\"
spf1.crm.example             TXT \"v=spf1 ip4:203.0.113.0/25 ~all\"
_spf.helpdesk.example        TXT \"v=spf1 ip4:203.0.113.150 ~all\"
servers.newsletter.example   TXT \"v=spf1 ip4:203.0.113.200 ~all\"
_dmarc.shop.example          TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc@shop.example\"
";

/// The records of the forwarding case.
pub const FORWARD_RECORDS: &str = "\
# example.com sends from its own servers only; its key is the case studies' demo key
example.com                  TXT \"v=spf1 ip4:192.0.2.0/24 -all\"
_dmarc.example.com           TXT \"v=DMARC1; p=reject; adkim=r; aspf=r\"
";

/// The records of seed 000's case, seen from the receiving side.
pub const SEED000_RECORDS: &str = "\
# The wiki's own server sends as noreply@163.com; the wiki's domain authorizes it
wiki.example.org             TXT \"v=spf1 ip4:198.51.100.7 -all\"
# A DMARC record for the From: domain, as the trainer supposes it (p=quarantine)
_dmarc.163.com               TXT \"v=DMARC1; p=quarantine\"
";

/// The records of the Gmail 5.7.26 case.
pub const GMAIL_RECORDS: &str = "\
# shop.example moved its mail to a new server (203.0.113.45) and forgot SPF; no DKIM yet
shop.example                 TXT \"v=spf1 ip4:192.0.2.25 -all\"
_dmarc.shop.example          TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@shop.example\"
";

/// Every case study, in the order the page lists them.
pub fn cases() -> Vec<Case> {
    vec![
        Case {
            id: "list-footer",
            title: Tr::new("A mailing list's footer breaks DKIM", "邮件列表的页脚破坏了 DKIM"),
            story: Tr::new(
                "Alice at example.org signs every message she sends (DKIM, d=example.org). She writes to the hiking list hiking@lists.example.net, which passes the message on to its members — adding two List- headers at the top and a footer with the unsubscribe link at the bottom. The members' providers say \"dkim=fail (body hash did not verify)\".",
                "example.org 的 Alice 发出的每封邮件都带 DKIM 签名（d=example.org）。她给徒步邮件列表 hiking@lists.example.net 写信，列表把邮件转发给成员——在顶部加了两个 List- 邮件头，在底部加了带退订链接的页脚。成员们的邮箱服务商显示“dkim=fail (body hash did not verify)”。",
            ),
            goal: Tr::new(
                "Find the first failing step, and what was added after signing.",
                "找出第一个失败的步骤，以及签名之后被添加了什么。",
            ),
            fix: Tr::new(
                "The headers the list added are not in h=, so they do no harm; the footer changes the signed body. The list must either leave the body alone, or take responsibility: sign with its own domain (and, for DMARC, rewrite From: to the list's address), and add ARC (RFC 8617) so receivers can see the original result. l= is no fix: it leaves the tail open to anyone.",
                "列表添加的邮件头不在 h= 里，所以无害；页脚改动了被签名的正文。列表要么不改正文，要么自己承担责任：用自己的域签名（为了 DMARC，还要把 From: 改写成列表地址），并加上 ARC（RFC 8617），让接收方看到原来的结果。l= 不是办法：它让正文末尾对任何人敞开。",
            ),
            checks: vec![(CheckKind::Dkim, dkim(LIST_MESSAGE))],
        },
        Case {
            id: "spf-lookups",
            title: Tr::new("SPF: too many DNS lookups", "SPF：DNS 查询次数过多"),
            story: Tr::new(
                "shop.example sends from its own server, a mailing service, a CRM, a helpdesk and a newsletter tool, and added an include: for each. Since the last one, mail from the newsletter tool (203.0.113.200) gets \"spf=permerror\" at every large provider, and some of it lands in spam.",
                "shop.example 从自己的服务器、一个邮件发送服务、一个 CRM、一个客服系统和一个新闻简报工具发信，并为每个都加了 include:。自从加了最后一个之后，新闻简报工具（203.0.113.200）发出的邮件在各大邮箱都得到“spf=permerror”，有些进了垃圾箱。",
            ),
            goal: Tr::new(
                "Count the lookups term by term and find the one over the limit.",
                "逐项清点查询次数，找出超出上限的那一项。",
            ),
            fix: Tr::new(
                "RFC 7208 §4.6.4 allows 10 DNS-querying terms (a, mx, include, exists, ptr, redirect), counted through every include. Replace a and mx with the servers' ip4: addresses, drop includes of services no longer used, or publish the service's ranges as ip4: (and watch them for changes).",
                "RFC 7208 §4.6.4 允许 10 个需要查询 DNS 的项（a、mx、include、exists、ptr、redirect），所有 include 里的都要算上。把 a 和 mx 换成服务器的 ip4: 地址，删掉不再使用的服务的 include，或者把服务商的地址段写成 ip4:（并留意它们的变化）。",
            ),
            checks: vec![(
                CheckKind::Spf,
                spf(LOOKUPS_RECORDS, "203.0.113.200", "news@shop.example", "out.newsletter.example"),
            )],
        },
        Case {
            id: "forwarded",
            title: Tr::new(
                "Forwarded: SPF fails, DKIM passes",
                "转发：SPF 失败，DKIM 通过",
            ),
            story: Tr::new(
                "Bob at example.com writes to Carol's old university address, which forwards everything to her new mailbox. The forwarder (203.0.113.25) keeps Bob's MAIL FROM. Carol's provider checks SPF for example.com against the forwarder's address — and example.com says -all. Yet the message arrives in her inbox.",
                "example.com 的 Bob 给 Carol 的旧大学邮箱写信，该邮箱把所有邮件转发到她的新邮箱。转发服务器（203.0.113.25）保留了 Bob 的 MAIL FROM。Carol 的邮箱服务商用转发服务器的地址检查 example.com 的 SPF——而 example.com 写的是 -all。可邮件还是进了她的收件箱。",
            ),
            goal: Tr::new(
                "See SPF fail, DKIM pass, and why DMARC still passes.",
                "看 SPF 失败、DKIM 通过，以及为什么 DMARC 仍然通过。",
            ),
            fix: Tr::new(
                "Nothing for Bob, as long as he signs with DKIM: a forwarder breaks SPF (the address changes) but not DKIM (the message does not). DMARC needs only one of them, aligned. Domains that rely on SPF alone lose forwarded mail; forwarders can rewrite MAIL FROM (SRS) so SPF checks their own domain.",
                "只要 Bob 用 DKIM 签名，他就什么都不用做：转发会破坏 SPF（地址变了），但不会破坏 DKIM（邮件没变）。DMARC 只需要其中一个通过且对齐。只靠 SPF 的域会丢失被转发的邮件；转发方可以改写 MAIL FROM（SRS），让 SPF 检查转发方自己的域。",
            ),
            checks: vec![
                (
                    CheckKind::Spf,
                    spf(FORWARD_RECORDS, "203.0.113.25", "bob@example.com", "mx.old-university.example"),
                ),
                (CheckKind::Dkim, dkim(FORWARDED_MESSAGE)),
                (
                    CheckKind::Dmarc,
                    dmarc(FORWARD_RECORDS, "example.com", ("fail", "example.com"), &[("example.com", true)]),
                ),
            ],
        },
        Case {
            id: "from-not-aligned",
            title: Tr::new(
                "The From: domain is not aligned (seed 000, from the receiver's side)",
                "From: 域未对齐（种子 000，从接收方看）",
            ),
            story: Tr::new(
                "Seed 000: DokuWiki sent as noreply@163.com through smtp.163.com and got \"553 Mail from must equal authorized user\". Suppose the admin had worked around it by sending from the wiki's own server (198.51.100.7) with MAIL FROM wiki@wiki.example.org and From: noreply@163.com. The receiver checks: SPF passes — for wiki.example.org. No signature for 163.com.",
                "种子 000：DokuWiki 通过 smtp.163.com 以 noreply@163.com 发信，得到“553 Mail from must equal authorized user”。假设管理员绕过它，改用 wiki 自己的服务器（198.51.100.7）发信，MAIL FROM 是 wiki@wiki.example.org，From: 是 noreply@163.com。接收方检查：SPF 通过——但针对的是 wiki.example.org。没有 163.com 的签名。",
            ),
            goal: Tr::new(
                "Find why DMARC fails although SPF passes.",
                "找出为什么 SPF 通过了 DMARC 却失败。",
            ),
            fix: Tr::new(
                "DMARC asks whether the domain the reader sees (From:) passed SPF or DKIM itself. 163.com's 553 protects exactly this: only 163.com's servers, for its authenticated user, may send as @163.com. Send through smtp.163.com with From: equal to the authorized user (the seed's fix), or use an address of the wiki's own domain in From:.",
                "DMARC 问的是读者看到的域（From:）本身是否通过了 SPF 或 DKIM。163.com 的 553 保护的正是这一点：只有 163.com 的服务器、为其认证用户，才能以 @163.com 发信。要么通过 smtp.163.com 发信且 From: 与授权用户一致（种子中的解决办法），要么在 From: 中使用 wiki 自己域的地址。",
            ),
            checks: vec![
                (
                    CheckKind::Spf,
                    spf(SEED000_RECORDS, "198.51.100.7", "wiki@wiki.example.org", "wiki.example.org"),
                ),
                (
                    CheckKind::Dmarc,
                    dmarc(SEED000_RECORDS, "163.com", ("pass", "wiki.example.org"), &[]),
                ),
            ],
        },
        Case {
            id: "gmail-5-7-26",
            title: Tr::new(
                "Gmail: 550 5.7.26 unauthenticated sender",
                "Gmail：550 5.7.26 发件人未经认证",
            ),
            story: Tr::new(
                "shop.example moved its mail to a new server (203.0.113.45). Since then Gmail answers \"550 5.7.26 Unauthenticated email from shop.example is not accepted due to domain's DMARC policy\". SPF still lists only the old server; DKIM signing is not set up on the new one.",
                "shop.example 把邮件迁到了新服务器（203.0.113.45）。从那以后 Gmail 回复“550 5.7.26 Unauthenticated email from shop.example is not accepted due to domain's DMARC policy”。SPF 里仍然只有旧服务器；新服务器上也没有配置 DKIM 签名。",
            ),
            goal: Tr::new(
                "Find the SPF result, then the DMARC verdict that makes Gmail reject.",
                "找出 SPF 结果，再找出让 Gmail 拒收的 DMARC 结论。",
            ),
            fix: Tr::new(
                "Add the new server to SPF (ip4:203.0.113.45) and sign with DKIM as shop.example on it, publishing the key at <selector>._domainkey.shop.example. Either one aligned pass makes DMARC pass; Gmail asks bulk senders for both.",
                "把新服务器加进 SPF（ip4:203.0.113.45），并在新服务器上以 shop.example 做 DKIM 签名，把公钥发布在 <selector>._domainkey.shop.example。任何一个对齐的通过都能让 DMARC 通过；Gmail 要求群发者两者都有。",
            ),
            checks: vec![
                (
                    CheckKind::Spf,
                    spf(GMAIL_RECORDS, "203.0.113.45", "orders@shop.example", "mail.shop.example"),
                ),
                (
                    CheckKind::Dmarc,
                    dmarc(GMAIL_RECORDS, "shop.example", ("fail", "shop.example"), &[]),
                ),
            ],
        },
    ]
}

/// The case with this id.
pub fn case(id: &str) -> Option<Case> {
    cases().into_iter().find(|c| c.id == id)
}
