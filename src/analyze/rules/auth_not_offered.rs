//! The client wants to authenticate but the server offers no AUTH on this connection: the
//! EHLO reply lists no AUTH keyword (RFC 4954 §3: AUTH is advertised in the EHLO reply;
//! §4: a server may refuse AUTH not advertised with 503). Python's smtplib raises
//! `SMTPNotSupportedError: SMTP AUTH extension not supported by server`; Postfix says `503
//! 5.5.1 Error: authentication not enabled`; Exim `503 AUTH command used when not
//! advertised`.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "auth-not-advertised",
    fix_id: "starttls-or-enable-auth",
    kind: FindingKind::AuthNotOffered,
    severity: Severity::Error,
    source: "RFC 4954 §3 (AUTH in the EHLO reply), §4 (503 for AUTH not advertised)",
    title: Tr::new(
        "The server offers no AUTH here",
        "服务器在此不提供 AUTH",
    ),
    meaning: Tr::new(
        "The client tried to log in, but the server's EHLO reply lists no AUTH on this connection. Most providers (Gmail, Outlook, Postfix with smtpd_tls_auth_only) offer AUTH only after STARTTLS; a relay that takes mail by address (port 25, localhost) offers none at all; on your own server AUTH may simply not be enabled.",
        "客户端想要登录，但服务器的 EHLO 回复在这个连接上没有列出 AUTH。多数服务商（Gmail、Outlook、设置了 smtpd_tls_auth_only 的 Postfix）只在 STARTTLS 之后才提供 AUTH；按地址放行的中继（25 端口、localhost）根本不提供；如果是自己的服务器，可能只是没有启用 AUTH。",
    ),
    fix: Tr::new(
        "If the EHLO reply lists STARTTLS (port 587): start TLS first, then log in — Python: `s.ehlo(); s.starttls(); s.ehlo(); s.login(…)` (aiosmtplib: start_tls=True; Nodemailer: requireTLS; a program setting: security = STARTTLS/TLS), or use port 465 with TLS from the start. If the server is a relay that needs no login: do not log in (leave user and password empty). If it is your own server and should take logins: enable AUTH — Postfix `smtpd_sasl_auth_enable = yes` (with smtpd_sasl_type/path pointing at Dovecot or saslauthd), Sendmail `TRUST_AUTH_MECH`/`confAUTH_MECHANISMS` (AuthMechanisms), Exim an authenticators section (and auth_advertise_hosts).",
        "如果 EHLO 回复列出了 STARTTLS（587 端口）：先启动 TLS 再登录——Python：`s.ehlo(); s.starttls(); s.ehlo(); s.login(…)`（aiosmtplib：start_tls=True；Nodemailer：requireTLS；程序设置中：安全方式选 STARTTLS/TLS），或者使用一开始就是 TLS 的 465 端口。如果服务器是无需登录的中继：就不要登录（用户名和密码留空）。如果是自己的服务器并且应当接受登录：启用 AUTH——Postfix 设置 `smtpd_sasl_auth_enable = yes`（并让 smtpd_sasl_type/path 指向 Dovecot 或 saslauthd），Sendmail 设置 `TRUST_AUTH_MECH`/`confAUTH_MECHANISMS`（AuthMechanisms），Exim 配置 authenticators 段（以及 auth_advertise_hosts）。",
    ),
};

/// Clients' own words, in other languages than the English ones below (lower-case):
/// Outlook's in German, when the server offers no mechanism it knows, as on port 25 of a
/// server that takes logins on 587 only (mailcow/mailcow#463).
pub(crate) const WORDS: [&str; 1] =
    ["vom server wird keine der von diesem client unterstützten authentifizierungsmethoden"];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
        || e.has(&[
        "smtp auth extension not supported",
        "auth command used when not advertised",
        "authentication not enabled",
        "auth not advertised",
        // swaks stops before AUTH when EHLO lists none.
        "host did not advertise authentication",
        // msmtp (marlam/msmtp#22): AUTH offered only after a STARTTLS it did not do.
        "the server does not support authentication",
    ]) || (e.code == Some(503) && e.auth && e.auth_not_in_ehlo)
        // `500 Error: command "AUTH" not recognized`: a server without the AUTH extension.
        || (matches!(e.code, Some(500 | 502))
            && (e.auth || e.verb == Some("AUTH") || e.lower.contains("\"auth\""))
            && e.has(&["not recognized", "unrecognized", "not implemented", "unknown command"]))
}
