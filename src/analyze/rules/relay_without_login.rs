//! The user's own Postfix relays through a server that wants a login, and sent none: its
//! log's `postfix/smtp … said: 530-5.7.0 Authentication Required … (in reply to MAIL FROM
//! command)`. Postfix's SMTP client logs in only with `smtp_sasl_auth_enable = yes` and a
//! password for that very destination in `smtp_sasl_password_maps`, looked up as relayhost
//! writes it (`smtp_sasl_passwd_lookup: no auth info found` when the lookup finds none;
//! tarickb/sasl-xoauth2#96). RFC 4954 §6 (530); Postfix's SASL_README (client-side
//! authentication).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "relay-without-login",
    fix_id: "give-postfix-the-relay-password",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 4954 §6 (530); Postfix's SASL_README (smtp_sasl_auth_enable, smtp_sasl_password_maps)",
    title: Tr::new(
        "Your Postfix relayed without logging in",
        "你的 Postfix 经中继发信时没有登录",
    ),
    meaning: Tr::new(
        "This is your own Postfix's log: its SMTP client passed the message to the next server (your relayhost, such as smtp.gmail.com) without authenticating, and that server wants a login first. Postfix logs in as a client only when smtp_sasl_auth_enable = yes and smtp_sasl_password_maps holds a password for that destination, looked up exactly as relayhost writes it: with [brackets] and :port if relayhost has them. \"smtp_sasl_passwd_lookup: no auth info found\" in the log says the lookup found nothing.",
        "这是你自己的 Postfix 的日志：它的 SMTP 客户端没有认证就把邮件交给了下一台服务器（你的 relayhost，例如 smtp.gmail.com），而那台服务器要求先登录。Postfix 作为客户端只有在 smtp_sasl_auth_enable = yes、且 smtp_sasl_password_maps 中有该目的地的密码时才会登录，查找时严格按照 relayhost 的写法：relayhost 带 [方括号] 和 :端口 的，表里也要带。日志里的 \"smtp_sasl_passwd_lookup: no auth info found\" 表示没有查到。",
    ),
    fix: Tr::new(
        "In main.cf: `smtp_sasl_auth_enable = yes`, `smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd`, `smtp_sasl_security_options = noanonymous`, `smtp_tls_security_level = encrypt`. In /etc/postfix/sasl_passwd one line, its key written as relayhost is: `[smtp.gmail.com]:587 user@gmail.com:app-password`. Then `postmap /etc/postfix/sasl_passwd`, `postfix reload`, and `postqueue -f` to send the waiting mail.",
        "在 main.cf 中设置：`smtp_sasl_auth_enable = yes`、`smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd`、`smtp_sasl_security_options = noanonymous`、`smtp_tls_security_level = encrypt`。在 /etc/postfix/sasl_passwd 中写一行，键的写法与 relayhost 完全一致：`[smtp.gmail.com]:587 user@gmail.com:应用专用密码`。然后执行 `postmap /etc/postfix/sasl_passwd`、`postfix reload`，再用 `postqueue -f` 发出等待中的邮件。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.own_client.is_some_and(|p| p.starts_with("postfix")) && relay_wants_login(e)
}

/// Whether a relay's refusal quoted by the user's own server asks for a login: 530, or a
/// 5xx saying so. A 530 that asks for TLS is another cause (`530 5.7.0 Must issue a STARTTLS
/// command first`); a verbose log's `< host: 530 …` names no command, and its words may
/// read as AUTH.
pub(super) fn relay_wants_login(e: &Evidence<'_>) -> bool {
    let wants_login = e.code == Some(530)
        || (e.class() == Some(5)
            && e.has(&[
                "authentication required",
                "authentication is required",
                "must authenticate",
                "not authenticated",
            ]));
    wants_login && !e.has(&["tls"]) && e.verb != Some("EHLO")
}
