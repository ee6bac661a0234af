//! The mail server's SASL backend is down: Postfix's `warning: SASL: Connect to
//! private/auth failed: No such file or directory` and `fatal: no SASL authentication
//! mechanisms` (Dovecot's auth socket is missing), Cyrus' `cannot connect to saslauthd
//! server`. Every AUTH then fails (RFC 4954 §6: 454 temporary failure, or 535).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sasl-backend-down",
    fix_id: "start-sasl-backend",
    kind: FindingKind::SaslauthdDown,
    severity: Severity::Error,
    source: "RFC 4954 §6 (454/535); Postfix SASL_README (smtpd_sasl_type, smtpd_sasl_path)",
    title: Tr::new(
        "The SASL backend is down",
        "SASL 后端没有运行",
    ),
    meaning: Tr::new(
        "This is the mail server's own log, not a reply: Postfix cannot reach the program that checks passwords — Dovecot's auth socket (private/auth, or the path in smtpd_sasl_path) or saslauthd. Until it can, every AUTH fails (or smtpd dies with \"no SASL authentication mechanisms\"), whatever the password.",
        "这是邮件服务器自己的日志，不是回复：Postfix 连不上负责校验密码的程序——Dovecot 的认证套接字（private/auth，或 smtpd_sasl_path 指定的路径）或 saslauthd。在它能连上之前，无论密码对错，所有 AUTH 都会失败（或者 smtpd 报 \"no SASL authentication mechanisms\" 后退出）。",
    ),
    fix: Tr::new(
        "Bring the backend up. Dovecot: `systemctl status dovecot` and `doveconf -n` (a configuration error stops it — fix the line it names), and make sure its `service auth { unix_listener /var/spool/postfix/private/auth { mode = 0660, user = postfix, group = postfix } }` matches Postfix's `smtpd_sasl_type = dovecot` and `smtpd_sasl_path = private/auth` (relative to Postfix's chroot /var/spool/postfix). Cyrus: `systemctl enable --now saslauthd` and `testsaslauthd -u USER -p PASSWORD`; a chrooted Postfix needs the socket under /var/spool/postfix/var/run/saslauthd. Then `postfix reload`.",
        "让后端恢复运行。Dovecot：运行 `systemctl status dovecot` 和 `doveconf -n`（配置错误会让它无法启动——修正它指出的那一行），并确认它的 `service auth { unix_listener /var/spool/postfix/private/auth { mode = 0660, user = postfix, group = postfix } }` 与 Postfix 的 `smtpd_sasl_type = dovecot`、`smtpd_sasl_path = private/auth`（相对于 Postfix 的 chroot 目录 /var/spool/postfix）一致。Cyrus：运行 `systemctl enable --now saslauthd`，并用 `testsaslauthd -u 用户名 -p 密码` 测试；chroot 运行的 Postfix 需要把套接字放在 /var/spool/postfix/var/run/saslauthd 下。然后执行 `postfix reload`。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    crate::analyze::serverlog::sasl_backend_down(e.lower)
}
