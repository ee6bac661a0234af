//! The user's own Postfix took the mail and cannot put it in the mailbox: its delivery agent
//! cannot reach Dovecot's LMTP service (`connect to …[/var/run/dovecot/lmtp]: No such file or
//! directory`, docker-mailserver/docker-mailserver#961; `… :2525: Connection refused`,
//! 1it/docker-mail#2), a transport master.cf does not define (`connect to transport
//! private/amavisfeed: No such file or directory` then `mail transport unavailable`,
//! zzet/rbenv#45), a mailbox directory it may not write, a user database it cannot read. The
//! queue retries, and nothing changes until that part is fixed. RFC 5321 §4.5.4.1 (the queue
//! retries); Postfix's delivery agents (lmtp, local, virtual) and Dovecot's LMTP service.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "local-delivery-failed",
    fix_id: "fix-the-mailbox-store",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.5.4.1 (the queue retries); Postfix's delivery agents (lmtp, local, virtual, master.cf transports) and Dovecot's LMTP service",
    title: Tr::new(
        "Your server cannot put the mail in the mailbox",
        "你的服务器无法把邮件放进邮箱",
    ),
    meaning: Tr::new(
        "This is your own server's log: Postfix took the mail, and the part that hands it to the mailbox failed: Dovecot's LMTP service is not where Postfix looks (no socket, or nothing listens on that port), a transport that master.cf does not define (a content filter, or a typo), a mailbox directory it may not write, or a user database it cannot read. The queue retries for days, but nothing changes until that part is fixed; the sender did nothing wrong.",
        "这是你自己服务器的日志：Postfix 已经收下邮件，负责把邮件交给邮箱的那一环失败了：Dovecot 的 LMTP 服务不在 Postfix 找的位置（没有套接字，或那个端口上没有监听），master.cf 中没有定义的传输（内容过滤器，或拼写错误），没有写权限的邮箱目录，或读不了的用户数据库。队列会重试好几天，但在修好之前什么都不会变；发件人没有做错什么。",
    ),
    fix: Tr::new(
        "Read the reason in the parentheses. A Dovecot socket or port (\"No such file or directory\", \"Connection refused\"): start Dovecot, and make Postfix's virtual_transport or mailbox_transport (lmtp:unix:private/dovecot-lmtp, or lmtp:inet:host:24) name exactly the unix_listener or inet_listener of Dovecot's `service lmtp` (`doveconf -n`). \"connect to transport private/NAME\": define the service NAME in master.cf, or stop referring to it (content_filter, transport maps). \"Permission denied\" on a maildir: the directory must belong to the user delivery runs as (virtual_uid_maps, Dovecot's mail_uid). \"user lookup error\": the user database (passwd, LDAP, SQL) could not be read. Then `postfix reload` and `postqueue -f`.",
        "看括号里的原因。Dovecot 的套接字或端口（\"No such file or directory\"、\"Connection refused\"）：启动 Dovecot，并让 Postfix 的 virtual_transport 或 mailbox_transport（lmtp:unix:private/dovecot-lmtp，或 lmtp:inet:主机:24）与 Dovecot `service lmtp` 的 unix_listener 或 inet_listener 完全一致（`doveconf -n`）。\"connect to transport private/名称\"：在 master.cf 中定义这个服务，或者不再引用它（content_filter、transport 映射表）。邮箱目录 \"Permission denied\"：目录必须属于投递时所用的用户（virtual_uid_maps、Dovecot 的 mail_uid）。\"user lookup error\"：读不了用户数据库（passwd、LDAP、SQL）。然后执行 `postfix reload` 和 `postqueue -f`。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // Dovecot's `451 4.2.0 … Execution of Sieve filters was aborted due to temporary failure`
    // to Postfix's LMTP client (Mailu/Mailu#154): the mailbox's own filters failed.
    if e.has(&["sieve filters was aborted", "sieve script", "sieve: "]) && e.class().is_some() {
        return true;
    }
    e.delivery_agent.is_some()
        && e.has(&[
            "no such file or directory",
            "connection refused",
            "mail transport unavailable",
            "connect to transport",
            "permission denied",
            "user lookup error",
            "delivery failed",
        ])
}
