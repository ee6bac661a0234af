//! The recipient's mailbox is full: `452 4.2.2 The recipient's inbox is out of storage
//! space` (Gmail), `552 5.2.2 Mailbox full`, `… over quota`. RFC 3463 §3.3 (X.2.2, mailbox
//! full). Nothing on the sender's side fixes it.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "mailbox-full",
    fix_id: "tell-the-recipient",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 3463 §3.3 (X.2.2 mailbox full)",
    title: Tr::new("The recipient's mailbox is full", "收件人的邮箱已满"),
    meaning: Tr::new(
        "The recipient's mailbox has no room left (it is over its quota). The message, the sender and the server are fine; splitting the recipients or resending does not help until the recipient makes room.",
        "收件人的邮箱已经没有空间（超出了配额）。邮件、发件人和服务器都没有问题；在收件人腾出空间之前，拆分收件人或重发都没有用。",
    ),
    fix: Tr::new(
        "Tell the recipient another way: they must delete mail or get more storage. A 4xx is retried by your server for a few days (Postfix: maximal_queue_lifetime); a 5xx is final, so send again once they have made room.",
        "用其他方式告诉收件人：对方需要删除邮件或扩充存储空间。4xx 会由你的服务器在几天内自动重试（Postfix：maximal_queue_lifetime）；5xx 是最终结果，请在对方腾出空间后重新发送。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    let gone = e.has(&[
        "not found",
        "unknown",
        "does not exist",
        "no such",
        "disabled",
        // The sender's own daily quota (`rules/sending_limit.rs`).
        "sending",
    ]);
    let full = e.enhanced.is_some_and(|x| x.ends_with(".2.2"))
        || e.has(&[
            "mailbox full",
            "mailbox is full",
            "over quota",
            "quota exceeded",
            "out of storage space",
            "inbox is full",
        ]);
    matches!(e.class(), Some(4 | 5)) && full && !gone
}
