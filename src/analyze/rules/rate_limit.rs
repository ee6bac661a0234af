//! A rate limit: a 4xx whose text names the rate, a count or a wait — Gmail's `450-4.2.1 …
//! receiving mail at a rate that prevents additional messages` and `421-4.7.28 … unusual
//! rate`, `421 4.3.2 too many connections`, `451 4.7.1 Ratelimit exceeded`, `try again in 15
//! seconds`. RFC 5321 §4.2.1: 4yz is transient, the client retries (§4.5.4.1).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "rate-limited",
    fix_id: "slow-down-retry",
    kind: FindingKind::RateLimited,
    severity: Severity::Warning,
    source: "RFC 5321 §4.2.1 (4yz transient), §4.5.4.1 (retry)",
    title: Tr::new("Rate limited", "发送频率受限"),
    meaning: Tr::new(
        "The server limits how fast (or how many connections at once) it takes mail — from your account, your IP address, or for this recipient. The 4 says it is temporary: the same mail goes through later.",
        "服务器限制了收信的速度（或同时连接的数量）——针对你的账号、你的 IP 地址或这个收件人。首位的 4 表示这是暂时的：同一封邮件稍后就能发出。",
    ),
    fix: Tr::new(
        "Wait and send again — a mail server's queue retries by itself, with growing pauses (don't retry in a tight loop). Send less at once: fewer messages per minute and fewer connections in parallel (e.g. batches of 25 with a pause, one connection reused for several messages); for bulk mail follow the receiver's sender guidelines. If it is your own provider's limit, ask for a higher one.",
        "等一会儿再发——邮件服务器的队列会自动重试，间隔逐渐加长（不要紧密循环地重试）。一次少发一些：降低每分钟的邮件数和并行连接数（例如每批 25 封并暂停，一个连接发送多封邮件）；群发邮件要遵守收件方的发件人指南。如果是自己服务商的限制，请申请提高额度。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    let temporary = e.class() == Some(4) || e.enhanced.is_some_and(|x| x.starts_with('4'));
    temporary
        && !e.has(&["recipients"])
        && e.has(&[
            "rate limit",
            // Yahoo's `421 4.7.0 [TSS04] … deferred due to unexpected volume or user
            // complaints` (Mailu/Mailu#1458).
            "unexpected volume",
            "[tss04]",
            // Yahoo's `421 4.7.0 [TS01] Messages from … temporarily deferred due to user
            // complaints` (PHPMailer/PHPMailer#787: a deferral the queue retries).
            "[ts01]",
            "due to user complaints",
            "ratelimit",
            "at a rate",
            "unusual rate",
            "rate-limit",
            "too many",
            "try again in ",
            "slow down",
            "throttl",
        ])
}
