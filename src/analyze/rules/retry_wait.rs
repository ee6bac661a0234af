//! Exim holds a message back: `== <address> R=… T=… defer (-53): retry time not reached for
//! any host` (cPanel's article on it; ix-ai/smtp#8). Earlier attempts to every host for that
//! domain failed, so Exim does not try again before the retry time its rules give. The cause
//! is in those earlier attempts. Exim's specification, "Retry configuration"; RFC 5321
//! §4.5.4.1 (retry strategy).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "waiting-for-retry",
    fix_id: "find-first-failure",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Warning,
    source: "RFC 5321 §4.5.4.1 (retry strategy); Exim's specification (retry configuration)",
    title: Tr::new(
        "Delivery waits for its retry time",
        "投递在等重试时间",
    ),
    meaning: Tr::new(
        "Exim did not even try this time: earlier attempts to every host of that domain (or to the smarthost) failed, and its retry rules hold new attempts back until the retry time. The message stays queued; the reason is in the first failed attempt, not in this line. Once the retry rules run out, the message bounces.",
        "Exim 这一次根本没有尝试：之前发往该域（或中继服务器）所有主机的尝试都失败了，它的重试规则在重试时间到来之前不再尝试。邮件留在队列里；原因在第一次失败的尝试中，而不在这一行。重试规则用尽后，邮件会被退回。",
    ),
    fix: Tr::new(
        "Find the first failure: `exigrep <address or message id> /var/log/exim4/mainlog` (or exim_mainlog) shows every attempt with its error (a refused login, a refused connection, a host that did not answer). Fix that, then retry at once: `exim -M <message id>`, or `exim -qff` for the whole queue; `exinext <domain>` shows when Exim would try next.",
        "找出第一次失败：`exigrep <地址或邮件 ID> /var/log/exim4/mainlog`（或 exim_mainlog）会列出每次尝试及其错误（登录被拒、连接被拒、主机没有应答）。修好它，然后立即重试：`exim -M <邮件 ID>`，或者对整个队列用 `exim -qff`；`exinext <域>` 显示 Exim 下次会在何时尝试。",
    ),
};

/// What Exim writes, lower-case.
pub(crate) const WORDS: [&str; 1] = ["retry time not reached"];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
