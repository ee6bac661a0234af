//! The receiver refuses the sender for its reputation, with no blocklist named: Gmail's
//! `550-5.7.1 … Our system has detected an unusual rate of unsolicited mail originating from
//! your IP address … has been blocked` (`?p=UnsolicitedIPError`), `… likely suspicious due to
//! the very low reputation of the sending domain`, Bluewin's `554 5.2.0 … IP reputation
//! ratelimit in effect`. A temporary `421` of the same kind stays a rate limit: the mail
//! goes through later. RFC 5321 §4.2.3 (550/554).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sender-reputation",
    fix_id: "rebuild-sender-reputation",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (550/554); Gmail's published SMTP errors (UnsolicitedIPError) and sender guidelines",
    title: Tr::new(
        "Refused for the sender's reputation",
        "因发件方信誉而被拒收",
    ),
    meaning: Tr::new(
        "The receiver refuses mail from this sending IP address (or domain) because of its reputation: its own score of how much that recently came from there looked like spam or was reported by its users. No blocklist is named, and nothing is wrong with this message's addresses or the account's login.",
        "收件方因为发信 IP 地址（或域名）的信誉而拒收：这是它自己的评分，依据是近来从那里发出的邮件有多少像垃圾邮件或被其用户举报。回复中没有提到任何黑名单，这封邮件的地址和账号登录也都没有问题。",
    ),
    fix: Tr::new(
        "Find out why the reputation dropped before sending more: a compromised account or web form sending spam, a new or recycled IP address (a fresh VPS often inherits a bad one), bulk mail to people who did not ask for it. Publish SPF, DKIM and DMARC, give the IP a reverse DNS (PTR) name, and follow the sender guidelines the reply links (for Gmail, Postmaster Tools shows the IP's and the domain's reputation). From a new IP, raise the volume slowly. Until the reputation recovers, send through your provider's or a relay service's servers.",
        "在继续发信之前先查明信誉下降的原因：被盗用的账号或网页表单在发垃圾邮件、新启用或被回收再分配的 IP 地址（新开的 VPS 常常继承了坏信誉）、向没有订阅的人群发邮件。发布 SPF、DKIM 和 DMARC，为该 IP 设置反向解析（PTR），并遵守回复中链接的发件人指南（Gmail 的 Postmaster Tools 可以查看 IP 和域名的信誉）。使用新 IP 时逐步增加发信量。在信誉恢复之前，通过服务商或中继服务的服务器发信。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.class() == Some(5)
        && e.has(&[
            "unusual rate of unsolicited mail",
            "reputation of the sending",
            "ip reputation",
            "low reputation",
            "poor reputation",
            "bad reputation",
        ])
}
