//! The client and the server share no TLS version: an old client that offers TLS 1.0 only
//! (JavaMail before 1.6 asks for it by default) against a server, or a Java runtime, that
//! has retired it; or the other way round. Java's `SSLHandshakeException: No appropriate
//! protocol (protocol is disabled or cipher suites are inappropriate)`, OpenSSL's
//! `unsupported protocol` and `tlsv1 alert protocol version`. RFC 3207 §4.1 (the client
//! decides after the handshake); RFC 8996 retired TLS 1.0 and 1.1.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "tls-version-mismatch",
    fix_id: "use-tls-1-2",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 3207 §4.1; RFC 8996 (TLS 1.0 and 1.1 retired); Java's and OpenSSL's handshake errors",
    title: Tr::new(
        "Client and server share no TLS version",
        "客户端和服务器没有共同的 TLS 版本",
    ),
    meaning: Tr::new(
        "The TLS handshake failed before any certificate was checked: the versions one side offers are all disabled on the other. Most often an old client that asks for TLS 1.0 (JavaMail before 1.6 does by default) against a server or a Java runtime that allows TLS 1.2 and later only.",
        "TLS 握手在检查证书之前就失败了：一方提供的版本在另一方全部被禁用。最常见的是旧客户端只请求 TLS 1.0（1.6 之前的 JavaMail 默认如此），而服务器或 Java 运行时只允许 TLS 1.2 及以上。",
    ),
    fix: Tr::new(
        "Let the client use TLS 1.2 or 1.3: JavaMail mail.smtp.ssl.protocols=TLSv1.2 (or upgrade to Jakarta Mail), .NET ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 on old frameworks, an OpenSSL of 1.0.1 or later for PHP and Python. Do not re-enable TLS 1.0 on the server.",
        "让客户端使用 TLS 1.2 或 1.3：JavaMail 设置 mail.smtp.ssl.protocols=TLSv1.2（或升级到 Jakarta Mail），旧版 .NET 设置 ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12，PHP 和 Python 使用 1.0.1 及以上的 OpenSSL。不要在服务器上重新启用 TLS 1.0。",
    ),
};

/// What the programs print, lower-case.
pub(crate) const WORDS: [&str; 5] = [
    "no appropriate protocol",
    "unsupported protocol",
    "alert protocol version",
    "no protocols available",
    // OpenSSL's `ssl3_get_client_hello:no shared cipher` in Postfix's `warning: TLS library
    // problem`: a client that offers only ciphers (SSLv3's) the server no longer has
    // (docker-mailserver/docker-mailserver#620).
    "no shared cipher",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
