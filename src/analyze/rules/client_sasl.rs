//! The user's own Postfix cannot log in to its relay host because its SASL library offers no
//! mechanism the server accepts: `warning: SASL authentication failure: No worthy mechs
//! found`, then `SASL authentication failed; cannot authenticate to server …: no mechanism
//! available` (Postfix's `smtp` client with Cyrus SASL, as posted in Postfix questions).
//! No password was sent; the server refused nothing. RFC 4954 §4 (the client picks a
//! mechanism the server offers).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "client-sasl-no-mechanism",
    fix_id: "install-sasl-mechanisms",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §4; Postfix's smtp client with Cyrus SASL (\"No worthy mechs found\")",
    title: Tr::new(
        "Your Postfix has no SASL mechanism to log in with",
        "你的 Postfix 没有可用于登录的 SASL 机制",
    ),
    meaning: Tr::new(
        "Your own Postfix (its SMTP client, relaying to another server) found no authentication mechanism it may use among those the server offers, so it never sent a password. Usually the Cyrus SASL plugin for PLAIN and LOGIN is not installed, or Postfix's default smtp_sasl_security_options (noplaintext) forbid them (\"offered no compatible authentication mechanisms for this type of connection security\"), or smtp_sasl_mechanism_filter leaves none of the server's.",
        "你自己的 Postfix（它的 SMTP 客户端，向另一台服务器中继）在服务器提供的机制中找不到一个自己可用的认证机制，所以根本没有发送密码。通常是没有安装 Cyrus SASL 的 PLAIN 和 LOGIN 插件，或者 Postfix 默认的 smtp_sasl_security_options（noplaintext）禁止了它们（“offered no compatible authentication mechanisms for this type of connection security”），或者 smtp_sasl_mechanism_filter 把服务器提供的机制都过滤掉了。",
    ),
    fix: Tr::new(
        "Install the SASL plugins (Debian/Ubuntu: `apt install libsasl2-modules`; Red Hat: `dnf install cyrus-sasl-plain`), and in main.cf allow plain-text mechanisms inside TLS: `smtp_sasl_security_options = noanonymous` with `smtp_tls_security_level = encrypt`. Check that smtp_sasl_mechanism_filter (if set) names a mechanism the server lists. Then `postfix reload` and send again; `postqueue -f` retries the deferred mail.",
        "安装 SASL 插件（Debian/Ubuntu：`apt install libsasl2-modules`；Red Hat：`dnf install cyrus-sasl-plain`），并在 main.cf 中允许在 TLS 内使用明文机制：`smtp_sasl_security_options = noanonymous`，同时 `smtp_tls_security_level = encrypt`。检查 smtp_sasl_mechanism_filter（如果设置了）是否包含服务器列出的机制。然后 `postfix reload` 再发送；`postqueue -f` 会重试被暂缓的邮件。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // A server's own log (Postfix smtpd, Sendmail's sm-mta) saying so is about the mechanisms
    // it offers its clients, not about a client of the user's.
    e.own_server.is_none() && client_words(e)
}

fn client_words(e: &Evidence<'_>) -> bool {
    (e.has(&["no worthy mechs found", "cannot authenticate to server"])
        && e.has(&["no worthy mechs", "no mechanism available"]))
        // Postfix's own words when its smtp_sasl_mechanism_filter or security options leave
        // none of the server's mechanisms (Oefenweb/ansible-postfix#45).
        || e.has(&["offered no compatible authentication mechanisms"])
}
