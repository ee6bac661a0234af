//! The receiver refuses the sender because SPF fails: the sender domain's SPF record does not
//! list the host that sent (`550 5.7.1 [BFD] Sender prohibited by SPF`, `… SPF check failed`).
//! RFC 7208 §2.6 (results) and §8.4 (fail).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "spf-fail",
    fix_id: "fix-spf",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 7208 §2.6, §8.4 (SPF fail)",
    title: Tr::new("SPF check failed", "SPF 校验失败"),
    meaning: Tr::new(
        "The receiving server checked the sender domain's SPF record (a TXT record listing the hosts allowed to send for it) and the sending host is not on it, so it refuses the mail as possibly forged.",
        "收件服务器查了发件域名的 SPF 记录（一条列出允许代表该域名发信的主机的 TXT 记录），发信主机不在其中，于是把邮件当作可能伪造的而拒收。",
    ),
    fix: Tr::new(
        "Send as a domain you control and add the sending server to its SPF record: `v=spf1 ip4:203.0.113.5 include:_spf.your-provider.example ~all` (your relay's documentation names the include). A From of someone else's domain (e.g. a gmail.com address sent through your own server or a relay) cannot pass: use your own domain as the sender, or send through that provider's own servers. Check with `dig TXT example.com`.",
        "以你自己管理的域名发信，并把发信服务器加入该域名的 SPF 记录：`v=spf1 ip4:203.0.113.5 include:_spf.your-provider.example ~all`（中继服务的文档会写明要 include 什么）。用别人的域名作发件人（例如经自己的服务器或中继发送 gmail.com 地址）是无法通过的：改用自己的域名作发件人，或者通过该服务商自己的服务器发送。用 `dig TXT example.com` 检查。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.class() == Some(5)
        && e.has(&[
            "by spf",
            "spf fail",
            "spf check failed",
            "spf validation",
            "sender policy framework",
            "spf record",
            "spf)",
            "spf=fail",
            "due to spf policy",
            "spf policy",
            // policyd-spf's words for a softfail it rejects (DrupalRU/drupal.ru#593).
            "domain owner discourages use of this host",
        ])
}
