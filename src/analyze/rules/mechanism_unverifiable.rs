//! A login refused with a challenge–response mechanism (CRAM-MD5, DIGEST-MD5, SCRAM) and
//! accepted for the same user with PLAIN or LOGIN later in the same session. The password is
//! right; the server cannot check that mechanism for the account. Such a mechanism needs
//! the password itself, or a value derived from it for that mechanism, on the server's
//! side, while a server that checks passwords through saslauthd, PAM or an LDAP bind, or
//! keeps them hashed for its own scheme, can check a password it is sent (PLAIN, LOGIN) and
//! nothing else. Cyrus SASL still offers every mechanism whose plugin is installed unless
//! `mech_list` names fewer. RFC 4954 §4 (the client picks among the offered mechanisms).
//!
//! Not a rule of [`super::RULES`]: it is read from two AUTH exchanges, not from one reply's
//! text (`Diagnoser::recovered_logins`).

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "mechanism-cannot-verify",
    fix_id: "offer-checkable-mechanisms",
    kind: FindingKind::AuthFailed,
    severity: Severity::Info,
    source: "RFC 4954 §4; Cyrus SASL's mech_list, Dovecot's auth_mechanisms",
    title: Tr::new(
        "The server cannot check this mechanism",
        "服务器无法用这种机制核对密码",
    ),
    meaning: Tr::new(
        "the password is right, since the same user logged in with a mechanism that sends it. A challenge–response mechanism needs the password itself (or a value made from it for that mechanism) on the server; a server that checks passwords through saslauthd, PAM or LDAP, or keeps them hashed, can check only a password it is sent (PLAIN, LOGIN), yet may still offer the other mechanisms. The mail went on; every session pays for a refused attempt first, and a client that does not fall back fails.",
        "密码是对的，因为同一用户随后用发送密码本身的机制登录成功了。质询–响应机制要求服务器持有密码本身（或专为该机制由密码算出的值）；通过 saslauthd、PAM 或 LDAP 核对密码、或只保存密码散列的服务器，只能核对发给它的密码（PLAIN、LOGIN），却可能仍然提供其他机制。邮件照常发出了；但每次会话都要先被拒绝一次，不会改用其他机制的客户端则会失败。",
    ),
    fix: Tr::new(
        "On the server, offer only the mechanisms it can check, inside TLS: Cyrus SASL's `mech_list: plain login` (Postfix: /etc/postfix/sasl/smtpd.conf on Debian, /etc/sasl2/smtpd.conf elsewhere), Dovecot's `auth_mechanisms = plain login`; then reload the server. Or set the client to PLAIN or LOGIN over TLS (Thunderbird: \"Normal password\" with STARTTLS or SSL/TLS).",
        "在服务器上只提供它能核对的机制，并只在 TLS 内使用：Cyrus SASL 的 `mech_list: plain login`（Postfix：Debian 上是 /etc/postfix/sasl/smtpd.conf，其他系统是 /etc/sasl2/smtpd.conf），Dovecot 的 `auth_mechanisms = plain login`；然后重新加载服务器。或者把客户端设为在 TLS 上使用 PLAIN 或 LOGIN（Thunderbird：“普通密码”，配合 STARTTLS 或 SSL/TLS）。",
    ),
};

/// Whether a mechanism proves the password without sending it, so that the server needs it
/// (or a value made from it) to check.
pub(crate) fn needs_secret_on_server(mechanism: &str) -> bool {
    matches!(mechanism, "CRAM-MD5" | "DIGEST-MD5") || mechanism.starts_with("SCRAM-")
}

/// Whether a mechanism sends the password itself.
pub(crate) fn sends_password(mechanism: &str) -> bool {
    matches!(mechanism, "PLAIN" | "LOGIN")
}
