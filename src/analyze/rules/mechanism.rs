//! The server does not accept the SASL mechanism the client chose: 504 (RFC 4954 §4: "the
//! requested authentication mechanism is not supported"), `535 … Invalid authentication
//! mechanism` (Dovecot's answer through Postfix), `504 5.7.4 Unrecognized authentication
//! type` (Exchange), or another 5xx to the AUTH command itself (a server that lists PLAIN
//! and fails it).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "mechanism-rejected",
    fix_id: "use-offered-mechanism",
    kind: FindingKind::MechanismUnsupported,
    severity: Severity::Error,
    source: "RFC 4954 §4 (504: mechanism not supported), §6",
    title: Tr::new(
        "Authentication mechanism refused",
        "认证机制被拒绝",
    ),
    meaning: Tr::new(
        "The server does not accept the authentication mechanism the client chose (PLAIN, LOGIN, CRAM-MD5 …): it is not among the ones it offers, or it is switched off. The password was never checked.",
        "服务器不接受客户端选择的认证机制（PLAIN、LOGIN、CRAM-MD5 等）：它不在服务器提供的机制之中，或者已被关闭。密码根本没有被校验。",
    ),
    fix: Tr::new(
        "Use a mechanism from the AUTH line of the EHLO reply (many programs have a setting such as authMethod, auth_method or smtp-auth: set it to LOGIN or PLAIN when offered). If the EHLO reply lists only NTLM/GSSAPI (Exchange), the server does not take password logins: use NTLM, ask for basic SMTP AUTH, or send without AUTH if the server accepts you by address.",
        "使用 EHLO 回复中 AUTH 一行列出的机制（很多程序有 authMethod、auth_method 或 smtp-auth 之类的设置：服务器提供时设为 LOGIN 或 PLAIN）。如果 EHLO 回复只列出 NTLM/GSSAPI（Exchange），说明服务器不接受密码登录：改用 NTLM、请管理员开启基本 SMTP AUTH，或者在服务器按地址放行时不认证直接发信。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    let named = e.has(&[
        "invalid authentication mechanism",
        "unrecognized authentication type",
        "unrecognised authentication type",
        "mechanism not supported",
        "unsupported authentication mechanism",
        // Go clients that insist on PLAIN where Microsoft 365 offers LOGIN
        // (KeepSec-Technologies/Mail2Go#3).
        "does not support smtp auth type",
    ]) || (e.has(&["auth mechanism", "auth "])
        && e.has(&["not available"])
        && !e.has(&["extension"]));
    let refused_at_auth = (e.auth || e.verb == Some("AUTH"))
        && e.class() == Some(5)
        && !matches!(
            e.code,
            Some(535 | 534 | 530 | 538 | 503 | 501 | 500 | 502 | 554)
        )
        && e.own_server.is_none()
        && !e.has(&["relay", "recipient", "sender", "mailbox"])
        // Aliyun's `526 Authentication failure[0]`: the login, not the mechanism. (Not a
        // bare "auth failure": Naver's `553 5.3.0 Auth failure` to AUTH PLAIN, which LOGIN
        // passes, is the mechanism; corpus log 040.)
        && !e.has(&[
            "authentication fail",
            "authentication unsuccessful",
            "password",
            "credentials",
        ]);
    named
        || (e.code == Some(504)
            && (e.auth || e.verb == Some("AUTH") || e.has(&["authentication", "mechanism"])))
        || refused_at_auth
}
