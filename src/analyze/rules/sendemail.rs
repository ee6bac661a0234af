//! sendEmail's failures, as Debian's sendemail 1.56 prints them (`scripts/record-sendemail.sh`,
//! tests/fixtures/sendemail/). Its TLS is `-o tls=yes` (STARTTLS) or `-o tls=no`.
//!
//! - `TLS setup failed: hostname verification failed`, and `… certificate verify failed`:
//!   sendEmail 1.56 starts TLS without giving IO::Socket::SSL the server's name, so the
//!   library's name check fails even for a valid certificate (recorded against a certificate
//!   for the very name, from an authority the system trusts), and a server that picks its
//!   certificate by that name (SNI) sends one that does not verify (mogaal/sendemail#30,
//!   zehm/sendEmail#14, where setting the name fixes it). RFC 3207 §4.1.
//! - A server that wants STARTTLS first (530) with `-o tls=no`. RFC 3207 §4 (530).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const TLS_FAILED: Rule = Rule {
    cause: "sendemail-tls-failed",
    fix_id: "replace-sendemail-for-tls",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 3207 §4.1; sendEmail 1.56 as recorded, mogaal/sendemail#30, zehm/sendEmail#14",
    title: Tr::new(
        "sendEmail could not start TLS",
        "sendEmail 无法启动 TLS",
    ),
    meaning: Tr::new(
        "sendEmail 1.56 starts TLS without telling its TLS library (Perl's IO::Socket::SSL) the server's name. Current versions of the library then fail their check of the certificate's name (\"hostname verification failed\") even for a valid certificate, and a server that chooses its certificate by that name sends one that does not verify (\"certificate verify failed\"); a self-signed certificate fails too. The message was not sent.",
        "sendEmail 1.56 启动 TLS 时没有把服务器的名字告诉它的 TLS 库（Perl 的 IO::Socket::SSL）。当前版本的库于是连有效证书的名字检查也会失败（\"hostname verification failed\"），而按名字选择证书的服务器会发来一张无法验证的证书（\"certificate verify failed\"）；自签名证书同样会失败。邮件没有发出。",
    ),
    fix: Tr::new(
        "Send with a client that checks TLS properly instead (swaks --tls, msmtp, curl --ssl-reqd): sendEmail is no longer maintained. -o tls=no only removes the encryption: never use it with a password (-xp) outside a network you trust.",
        "改用能正确处理 TLS 的客户端发送（swaks --tls、msmtp、curl --ssl-reqd）：sendEmail 已经无人维护。-o tls=no 只是去掉了加密：在你信任的网络之外，绝不要在带密码（-xp）时使用它。",
    ),
};

pub(super) fn tls_failed(e: &Evidence<'_>) -> bool {
    e.own_client == Some("sendEmail") && e.lower.starts_with("tls setup failed")
}

pub(super) const WITHOUT_TLS: Rule = Rule {
    cause: "sendemail-without-tls",
    fix_id: "turn-on-sendemail-tls",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 3207 §4 (530); sendEmail's -o tls=",
    title: Tr::new("sendEmail did not start TLS", "sendEmail 没有启动 TLS"),
    meaning: Tr::new(
        "The server wants STARTTLS before the login and the message, and sendEmail spoke in clear (-o tls=no, or a sendEmail built without TLS): it found no AUTH in the EHLO reply, sent none, and the server refused the mail.",
        "服务器要求在登录和发信之前先 STARTTLS，而 sendEmail 用的是明文（-o tls=no，或者 sendEmail 没有 TLS 支持）：它在 EHLO 回复中找不到 AUTH，于是没有登录，服务器拒收了邮件。",
    ),
    fix: Tr::new(
        "Use -o tls=yes with the submission port (-s host:587). Debian's sendEmail 1.56 may then fail its TLS check (see its \"TLS setup failed\"); swaks --tls or msmtp do the same job.",
        "使用 -o tls=yes 并连接提交端口（-s 主机:587）。Debian 的 sendEmail 1.56 随后可能在 TLS 检查上失败（见它的 \"TLS setup failed\"）；swaks --tls 或 msmtp 也能完成同样的任务。",
    ),
};

pub(super) fn without_tls(e: &Evidence<'_>) -> bool {
    e.own_client == Some("sendEmail") && e.code == Some(530) && e.has(&["starttls", "tls first"])
}
