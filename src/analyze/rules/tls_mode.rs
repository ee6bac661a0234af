//! The client and the port disagree on when TLS starts. A client that starts TLS at once
//! (implicit TLS, as port 465 wants) on a port that speaks plain SMTP first and offers
//! STARTTLS (587, 25) reads a greeting where a TLS record should be: Python's
//! `ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number`, curl's `(35) … wrong
//! version number`, swaks' `TLS startup failed (… wrong version number)`, msmtp's `TLS
//! handshake failed: An unexpected TLS packet was received` (recorded against `smtp-trainer
//! serve`'s plain port). The other way round, a plain client on port 465 waits for a
//! greeting that never comes: Python's `SMTPServerDisconnected: Connection unexpectedly
//! closed: timed out` (recorded against serve's TLS port), JavaMail's `Could not connect to
//! SMTP host: …, port: 465, response: -1`. RFC 8314 §3 (implicit TLS) and RFC 3207 §4
//! (STARTTLS).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "tls-mode-mismatch",
    fix_id: "match-tls-to-port",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 8314 §3 (implicit TLS), RFC 3207 §4 (STARTTLS); Python's ssl, curl, swaks, msmtp and JavaMail as they report it",
    title: Tr::new(
        "TLS setting and port do not match",
        "TLS 设置与端口不匹配",
    ),
    meaning: Tr::new(
        "The client and the port disagree on when encryption starts. Port 465 speaks TLS from the first byte (implicit TLS, often called SSL); ports 587 and 25 speak plain SMTP first and switch with STARTTLS. A client set for SSL on 587 gets a greeting where it expects TLS (\"wrong version number\"); a client without SSL on 465 waits for a greeting that never comes (a timeout, \"response: -1\").",
        "客户端和端口对何时开始加密的看法不一致。465 端口从第一个字节起就使用 TLS（隐式 TLS，常被称为 SSL）；587 和 25 端口先用明文 SMTP，再通过 STARTTLS 切换。客户端在 587 上设为 SSL，会在期待 TLS 的地方收到明文问候（“wrong version number”）；客户端在 465 上不用 SSL，则会一直等一个永远不会来的问候（超时、“response: -1”）。",
    ),
    fix: Tr::new(
        "Pair them: port 465 with SSL/TLS, or port 587 (or 25) with STARTTLS. In programs: PHPMailer SMTPSecure 'ssl' for 465, 'tls' for 587; Python smtplib.SMTP_SSL for 465, smtplib.SMTP with starttls() for 587; Nodemailer secure: true for 465, false for 587; JavaMail mail.smtp.ssl.enable=true for 465, mail.smtp.starttls.enable=true for 587; curl smtps:// for 465, smtp:// with --ssl-reqd for 587.",
        "把两者配对：465 端口配 SSL/TLS，或者 587（或 25）端口配 STARTTLS。各程序中：PHPMailer 的 SMTPSecure 在 465 用 'ssl'，在 587 用 'tls'；Python 在 465 用 smtplib.SMTP_SSL，在 587 用 smtplib.SMTP 加 starttls()；Nodemailer 在 465 设 secure: true，在 587 设 secure: false；JavaMail 在 465 设 mail.smtp.ssl.enable=true，在 587 设 mail.smtp.starttls.enable=true；curl 在 465 用 smtps://，在 587 用 smtp:// 加 --ssl-reqd。",
    ),
};

/// What the programs print, lower-case.
pub(crate) const WORDS: [&str; 8] = [
    "wrong version number",
    // JavaMail without SSL on port 465 (eclipse-ee4j/angus-mail#134): `Got bad greeting from
    // SMTP host: …, port: 465, response: [EOF]`.
    "got bad greeting from smtp host",
    // OpenSSL (PHPMailer's ssl://) on a port that speaks no TLS: `SSL23_GET_SERVER_HELLO:
    // unknown protocol`.
    "get_server_hello:unknown protocol",
    "unexpected tls packet",
    "first record does not look like a tls handshake",
    "connection unexpectedly closed: timed out",
    // Java's SSLSocket on a port that speaks no TLS yet (QQ Mail's 587 with
    // mail.smtp.ssl.enable): `SSLException: Unsupported or unrecognized SSL message`.
    "unsupported or unrecognized ssl message",
    "response: -1",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
        // Python's smtplib waiting for a greeting that a TLS port never sends, until the
        // server gives up: `SMTPServerDisconnected: Connection unexpectedly closed`
        // (jumpserver/jumpserver#856, fixed with port 465 and SSL). After a reply the
        // server spoke in clear: then it closed for a reason of its own.
        || (!e.replied && e.has(&["connection unexpectedly closed"]))
}
