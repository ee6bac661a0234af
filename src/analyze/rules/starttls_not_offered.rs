//! STARTTLS asked for but not to be had: the server answers STARTTLS with 502/500 (not
//! implemented), 454 (RFC 3207 §4: "TLS not available due to temporary reason"), or the
//! client library says so itself (Python's `SMTPNotSupportedError: STARTTLS extension not
//! supported by server`, PHPMailer's "STARTTLS not supported"). RFC 3207 §4: a client that
//! requires TLS must not go on in clear text.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "starttls-not-offered",
    fix_id: "use-tls-port-or-enable-tls",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 3207 §4 (STARTTLS, 454 TLS not available; a client that requires TLS stops)",
    title: Tr::new("STARTTLS expected, not offered", "需要 STARTTLS，但服务器不提供"),
    meaning: Tr::new(
        "The client wants to switch to TLS, but this server (on this port) does not offer STARTTLS, or cannot start TLS now. A client set to require TLS rightly stops rather than send the password in clear (RFC 3207 §4).",
        "客户端想切换到 TLS，但这台服务器（在这个端口上）不提供 STARTTLS，或者现在无法启动 TLS。要求 TLS 的客户端会停下来，而不是明文发送密码（RFC 3207 §4），这是正确的。",
    ),
    fix: Tr::new(
        "Check host and port: submission with STARTTLS is port 587, TLS from the first byte is port 465 (set the client to SSL/TLS instead of STARTTLS there); port 25 of a relay often has no TLS. On your own server enable TLS: Postfix `smtpd_tls_security_level = may` with `smtpd_tls_cert_file`/`smtpd_tls_key_file`; Sendmail `confSERVER_CERT`/`confSERVER_KEY`; Exim `tls_certificate`/`tls_privatekey`. A 454 is temporary: the certificate or key could not be loaded — read the server's log.",
        "检查主机和端口：使用 STARTTLS 的提交端口是 587，从第一个字节起就加密的是 465 端口（在那里把客户端设为 SSL/TLS 而不是 STARTTLS）；中继服务器的 25 端口常常没有 TLS。在自己的服务器上启用 TLS：Postfix 设置 `smtpd_tls_security_level = may` 以及 `smtpd_tls_cert_file`/`smtpd_tls_key_file`；Sendmail 设置 `confSERVER_CERT`/`confSERVER_KEY`；Exim 设置 `tls_certificate`/`tls_privatekey`。454 是暂时性的：证书或密钥未能加载——请查看服务器日志。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    let refused_starttls = e.verb == Some("STARTTLS") && matches!(e.class(), Some(4 | 5));
    refused_starttls || e.has(&WORDS)
}

/// The words of a client or a server saying the server offers no STARTTLS.
pub(crate) const WORDS: [&str; 9] = [
    "starttls extension not supported",
    "starttls not supported",
    "server does not support starttls",
    // JavaMail with mail.smtp.starttls.required (jakartaee/mail-api#392).
    "host does not support starttls",
    "tls not available",
    "ixp_e_smtp_no_starttls_support",
    // Postfix's SMTP client with smtp_tls_security_level = encrypt: `TLS is required, but was
    // not offered by host 127.0.0.1[127.0.0.1]` (a content filter on loopback,
    // oblien/openship#392).
    "tls is required, but was not offered",
    // Go's net/smtp `StartTLS` against a server without it: `smtp: server doesn't support
    // STARTTLS` (PMail's delivery to sohu.com, Jinnrry/PMail#72).
    "server doesn't support starttls",
    // msmtp's own words when the EHLO reply lists no STARTTLS.
    "does not support tls via the starttls command",
];
