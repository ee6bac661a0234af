//! The recipient's domain does not exist: Postfix's `Recipient address rejected: Domain not
//! found` (reject_unknown_recipient_domain, 450 by default while the lookup might still
//! succeed). Almost always a typo in the domain (exmaple.org, gmial.com). RFC 3463 §3.2
//! (X.1.2, bad destination system address). Microsoft 365 says it with 5.4.310 "DNS domain
//! … does not exist".

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "recipient-domain-unknown",
    fix_id: "check-recipient-domain",
    kind: FindingKind::UnknownUser,
    severity: Severity::Error,
    source: "RFC 3463 §3.2 (X.1.2); Postfix's reject_unknown_recipient_domain",
    title: Tr::new(
        "The recipient's domain does not exist",
        "收件人的域名不存在",
    ),
    meaning: Tr::new(
        "The domain after the @ of the recipient has no MX and no A record: the server cannot deliver there. Nearly always a typo in the domain. A 450 here only means the server allows for a DNS lookup that failed for a moment; waiting does not fix a misspelt domain.",
        "收件人地址 @ 后面的域名既没有 MX 记录也没有 A 记录：服务器无法投递。几乎都是域名拼写错误。这里的 450 只是服务器考虑到 DNS 查询可能暂时失败；等待并不能修正拼错的域名。",
    ),
    fix: Tr::new(
        "Check the recipient's domain letter by letter (exmaple.org for example.org, gmial.com for gmail.com) and send to the right address. If the domain is right, its owner must publish an MX record (`dig MX domain` shows none now).",
        "逐个字母检查收件人的域名（例如把 example.org 写成了 exmaple.org，把 gmail.com 写成了 gmial.com），改为正确的地址后再发送。如果域名没错，则需要域名的所有者发布 MX 记录（现在用 `dig MX 域名` 查不到）。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&[
        "recipient address rejected: domain not found",
        "domain of recipient address",
        "recipient domain not found",
        // Microsoft 365's NDR: `550 5.4.310 DNS domain example.org does not exist
        // [Message=InfoDomainNonexistent]` (its published NDR 5.4.310).
        "infodomainnonexistent",
    ]) || e.enhanced == Some("5.4.310")
}
