//! The sender address's domain does not resolve: `450 4.1.8 <…>: Sender address rejected:
//! Domain not found` (Postfix reject_unknown_sender_domain), `553 5.1.8 Domain of sender
//! address … does not exist` (Sendmail). RFC 3463 §3.2 (X.1.8 bad sender's system address).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sender-domain-unresolvable",
    fix_id: "fix-sender-dns",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 3463 §3.2 (X.1.8); Postfix reject_unknown_sender_domain",
    title: Tr::new(
        "Sender domain does not resolve",
        "发件人域名无法解析",
    ),
    meaning: Tr::new(
        "The domain of the sender address (MAIL FROM) has no DNS record the receiver can find (no MX and no A record), so it cannot send a bounce there and refuses — with 4xx while the lookup might still succeed later, 5xx when it is sure.",
        "发件地址（MAIL FROM）的域名在 DNS 中查不到（既没有 MX 也没有 A 记录），收件方无法给它退信，于是拒收——查询日后可能成功时回复 4xx，确定不存在时回复 5xx。",
    ),
    fix: Tr::new(
        "Send with an address on a real, public domain: programs and cron jobs often use user@hostname (an internal name such as ip-172-31-2-61.…internal) — set Postfix's myorigin (or the program's from address) to your domain, and give that domain an MX or A record. If the refused sender is someone else writing to you, their domain's DNS is theirs to fix.",
        "使用真实公开域名下的发件地址：程序和 cron 任务常用 用户@主机名（例如 ip-172-31-2-61.…internal 这样的内部名称）——把 Postfix 的 myorigin（或程序的发件地址）设为你的域名，并为该域名设置 MX 或 A 记录。如果被拒的发件人是别人写信给你，那是对方域名的 DNS 要修。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    let x18 = e.enhanced.is_some_and(|x| x.ends_with(".1.8"));
    (x18 && e.has(&["sender", "domain"]))
        || e.has(&[
            "sender address rejected: domain not found",
            "domain of sender address",
            "sender domain must resolve",
            "sender domain not found",
        ])
}
