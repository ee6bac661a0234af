//! sSMTP's failures, as Debian's ssmtp 2.64 prints them (`scripts/record-ssmtp.sh`,
//! tests/fixtures/ssmtp/): its settings are /etc/ssmtp/ssmtp.conf's `mailhub`, `AuthUser`,
//! `AuthPass`, `UseSTARTTLS` and `UseTLS` (ssmtp.conf(5)), so the fix names them, not a
//! mail program's dialog. ssmtp often runs as `sendmail` (PHP's mail(), cron), and then says
//! `sendmail: …`.
//!
//! - `Cannot open host:port` is all it says when it could not connect, whatever the reason:
//!   recorded for a port nothing listens on, a name that does not resolve, and `UseTLS=YES`
//!   (TLS from the first byte) against a port that speaks STARTTLS. RFC 5321 §3.1.
//! - A server that wants a login before MAIL (530) with no `AuthUser`. RFC 4954 §6 (530).
//! - A server that wants STARTTLS first (530 to AUTH LOGIN: `Server didn't like our AUTH
//!   LOGIN`) without `UseSTARTTLS=YES`. RFC 3207 §4 (530).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const CANNOT_OPEN: Rule = Rule {
    cause: "ssmtp-cannot-open",
    fix_id: "check-ssmtp-mailhub",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §3.1; sSMTP 2.64's `Cannot open host:port`, recorded for each reason",
    title: Tr::new(
        "sSMTP could not connect to its mail hub",
        "sSMTP 无法连接到它的邮件中继（mailhub）",
    ),
    meaning: Tr::new(
        "sSMTP says only this when it could not open the connection, whatever the reason: the name in mailhub does not resolve, nothing accepts connections on that port (or a firewall refuses them), or UseTLS=YES starts TLS at once on a port that expects STARTTLS (or plain SMTP). No SMTP was spoken.",
        "sSMTP 无法建立连接时只说这一句，不论原因：mailhub 中的主机名无法解析；这个端口上没有服务接受连接（或被防火墙拒绝）；或者 UseTLS=YES 让它一连上就开始 TLS，而这个端口要的是 STARTTLS（或普通 SMTP）。双方还没有进行任何 SMTP 对话。",
    ),
    fix: Tr::new(
        "Check mailhub in /etc/ssmtp/ssmtp.conf (host:port) and test it: `getent hosts HOST` for the name, `nc -vz HOST PORT` for the port. Match the TLS setting to the port: 587 with UseSTARTTLS=YES (and no UseTLS), 465 with UseTLS=YES; 25 is often blocked by the network. Then send again with `ssmtp -v` to see the dialog.",
        "检查 /etc/ssmtp/ssmtp.conf 中的 mailhub（主机:端口）并测试：用 `getent hosts 主机` 检查名称，用 `nc -vz 主机 端口` 检查端口。让 TLS 设置与端口相符：587 用 UseSTARTTLS=YES（不要设 UseTLS），465 用 UseTLS=YES；25 端口常被网络封锁。然后用 `ssmtp -v` 再发一次，查看对话过程。",
    ),
};

pub(super) fn cannot_open(e: &Evidence<'_>) -> bool {
    e.lower.starts_with("cannot open ") && e.lower.contains(':') && e.code.is_none()
}

pub(super) const WITHOUT_LOGIN: Rule = Rule {
    cause: "ssmtp-without-login",
    fix_id: "give-ssmtp-the-login",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 4954 §6 (530); ssmtp.conf(5) (AuthUser, AuthPass)",
    title: Tr::new("sSMTP sent without logging in", "sSMTP 没有登录就发信"),
    meaning: Tr::new(
        "sSMTP sent MAIL FROM without authenticating, and the server wants a login first. sSMTP logs in only when /etc/ssmtp/ssmtp.conf has AuthUser (and AuthPass).",
        "sSMTP 没有认证就发送了 MAIL FROM，而服务器要求先登录。只有 /etc/ssmtp/ssmtp.conf 中设置了 AuthUser（以及 AuthPass）时，sSMTP 才会登录。",
    ),
    fix: Tr::new(
        "In /etc/ssmtp/ssmtp.conf set AuthUser=the full address and AuthPass=its password (for Gmail an app password), with UseSTARTTLS=YES on port 587. The file holds a password: keep it readable by root and the mail group only (chmod 640).",
        "在 /etc/ssmtp/ssmtp.conf 中设置 AuthUser=完整的邮箱地址、AuthPass=它的密码（Gmail 要用应用专用密码），587 端口配 UseSTARTTLS=YES。这个文件里有密码：只让 root 和 mail 组可读（chmod 640）。",
    ),
};

pub(super) fn without_login(e: &Evidence<'_>) -> bool {
    e.own_client == Some("ssmtp") && super::relay_without_login::relay_wants_login(e)
}

pub(super) const WITHOUT_STARTTLS: Rule = Rule {
    cause: "ssmtp-without-starttls",
    fix_id: "turn-on-ssmtp-starttls",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 3207 §4 (530); ssmtp.conf(5) (UseSTARTTLS, UseTLS)",
    title: Tr::new(
        "sSMTP did not start TLS",
        "sSMTP 没有启动 TLS",
    ),
    meaning: Tr::new(
        "The server wants STARTTLS before the login (or the message), and sSMTP did not send it: without UseSTARTTLS=YES in /etc/ssmtp/ssmtp.conf it speaks in clear.",
        "服务器要求在登录（或发信）之前先 STARTTLS，而 sSMTP 没有发送：/etc/ssmtp/ssmtp.conf 中没有 UseSTARTTLS=YES 时，它用明文通信。",
    ),
    fix: Tr::new(
        "Set UseSTARTTLS=YES in /etc/ssmtp/ssmtp.conf for port 587 (or UseTLS=YES with mailhub on port 465), and send again.",
        "在 /etc/ssmtp/ssmtp.conf 中设置 UseSTARTTLS=YES（587 端口），或把 mailhub 改为 465 端口并设置 UseTLS=YES，然后再发一次。",
    ),
};

pub(super) fn without_starttls(e: &Evidence<'_>) -> bool {
    e.own_client == Some("ssmtp")
        && e.code == Some(530)
        && e.has(&["starttls", "tls first", "encryption required"])
}
