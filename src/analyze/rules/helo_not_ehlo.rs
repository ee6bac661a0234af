//! The client greeted with HELO and was then refused for want of a login: `503 bad sequence
//! of commands` to MAIL (AliMail, mludvig/smtp-cli#24), `550 5.7.1 Relaying denied` (Mailgun,
//! mludvig/smtp-cli#26), `530 Authentication required`. HELO is the greeting without
//! extensions (RFC 5321 §4.1.1.1); AUTH is an extension the server lists in its EHLO reply
//! (RFC 4954 §3), so after HELO the client cannot log in. smtp-cli sends EHLO only when the
//! greeting says "ESMTP" (its `--force-ehlo`: "Use EHLO even if server doesn't say ESMTP").

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "helo-not-ehlo",
    fix_id: "greet-with-ehlo",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 5321 §4.1.1.1; RFC 4954 §3; mludvig/smtp-cli#24, #26",
    title: Tr::new(
        "Greeted with HELO, so no login was possible",
        "用 HELO 问候，因此无法登录",
    ),
    meaning: Tr::new(
        "The server wants a login before it takes this mail, and the client never logged in: it greeted with HELO, the old greeting that has no extensions. AUTH is an extension the server lists only in its reply to EHLO, so after HELO there is no way to authenticate, whatever the program was told about the account.",
        "服务器要求先登录才接收这封邮件，而客户端从未登录：它用的是 HELO，即不带扩展的旧式问候。AUTH 是服务器只在 EHLO 回复中列出的扩展，所以在 HELO 之后无法认证，不管程序里设置了什么账户。",
    ),
    fix: Tr::new(
        "Make the client greet with EHLO (a program's \"use ESMTP\" or \"force EHLO\" setting), then STARTTLS if offered, EHLO again, and AUTH before MAIL FROM.",
        "让客户端用 EHLO 问候（程序中的“使用 ESMTP”或“强制 EHLO”设置），如果服务器提供 STARTTLS 就先 STARTTLS、再次 EHLO，然后在 MAIL FROM 之前 AUTH。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.plain_helo
        && matches!(e.verb, Some("MAIL") | Some("RCPT") | Some("DATA"))
        && (e.code == Some(503)
            || e.code == Some(530)
            || (e.class() == Some(5)
                && e.has(&[
                    "relaying denied",
                    "relay denied",
                    "authentication required",
                    "auth required",
                    "relay access denied",
                    "not permitted to relay",
                ])))
}
