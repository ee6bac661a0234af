//! A delivery that went through, with an error of Dovecot's beside it: Postfix's `status=sent
//! (delivered via dovecot service (lda(user)Error: net_connect_unix(/var/run/dovecot/
//! stats-writer) failed: Permission denied))`. Dovecot's LDA or LMTP, running as the mail
//! user (vmail), cannot open Dovecot's statistics socket, whose default owner and mode let
//! only Dovecot's own users in; it records no statistics, and the message is delivered all the
//! same (YunoHost/issues#1904, where the listener's user and group were set). RFC 5321 §6.1
//! (the delivery itself succeeded). Applied by the diagnosis to a delivery line.

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "dovecot-stats-writer-permission-denied",
    fix_id: "set-stats-writer-listener-permissions",
    kind: FindingKind::OtherFailure,
    severity: Severity::Warning,
    source: "RFC 5321 §6.1 (the message was delivered); Dovecot's stats-writer socket, YunoHost/issues#1904",
    title: Tr::new(
        "Delivered, but Dovecot could not reach its statistics socket",
        "已投递，但 Dovecot 连不上它的统计套接字",
    ),
    meaning: Tr::new(
        "The message was delivered (status=sent). The error inside the line is Dovecot's delivery program (LDA or LMTP), running as the mail user such as vmail, failing to open /var/run/dovecot/stats-writer, the socket where it reports statistics: by default only Dovecot's own users may open it. Nothing was lost; every delivery will log the same error until the socket lets that user in.",
        "邮件已经投递（status=sent）。这一行里的错误是 Dovecot 的投递程序（LDA 或 LMTP）以邮件用户（例如 vmail）身份运行时，打不开 /var/run/dovecot/stats-writer——它上报统计数据的套接字：默认只有 Dovecot 自己的用户才能打开。没有丢失任何邮件；在这个套接字允许该用户访问之前，每次投递都会记录同样的错误。",
    ),
    fix: Tr::new(
        "Let the mail user open the socket: in dovecot.conf, inside `service stats { … }`, give `unix_listener stats-writer { … }` the lines `user = vmail`, `group = mail` and `mode = 0660` (the user and group your deliveries run as), then `doveadm reload`.",
        "让邮件用户可以打开这个套接字：在 dovecot.conf 的 `service stats { … }` 里，给 `unix_listener stats-writer { … }` 写上 `user = vmail`、`group = mail` 和 `mode = 0660` 这几行（换成你的投递所用的用户和组），然后 `doveadm reload`。",
    ),
};

/// Whether a delivery line carries the error.
pub(crate) fn applies(lower: &str) -> bool {
    lower.contains("stats-writer") && lower.contains("error")
}
