//! The client gave up waiting: no reply is in the log, so the server refused nothing.
//! Outlook's 0x8004210B ("The operation timed out waiting for a response from the sending
//! (SMTP) server"), .NET's `SmtpException: The operation has timed out.` (SmtpClient's
//! `Timeout`, 100 s by default, covers the whole send; its `EnableSsl` is STARTTLS only,
//! Microsoft's documentation saying implicit TLS on port 465 is not supported) and
//! Nodemailer's `Greeting never received` (`ETIMEDOUT`, at `CONN`: connected, but no 220
//! before its greeting timeout); Postfix's SMTP client logs `conversation with host[ip] timed
//! out while receiving the initial server greeting`. RFC 8314 §3 (implicit TLS) and RFC 3207 §4 (STARTTLS) for
//! the usual cause; RFC 5321 §4.5.3.2 for the timeouts SMTP itself expects.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "reply-timeout",
    fix_id: "match-tls-then-check-path",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §4.5.3.2 (timeouts), RFC 8314 §3, RFC 3207 §4; Outlook's 0x8004210B, .NET's SmtpClient and Nodemailer as they report it",
    title: Tr::new(
        "The client gave up waiting for the server",
        "客户端等服务器等到超时",
    ),
    meaning: Tr::new(
        "No SMTP reply is in the log: the client waited (for the connection, the greeting or a reply) until its own timeout, and gave up. The server refused nothing; something kept the session from going on. Most often the encryption setting does not fit the port: a client that starts in plain text on port 465 waits for a greeting the server never sends, because the server waits for a TLS handshake first (.NET's System.Net.Mail cannot start TLS at once at all, so it always times out on 465). Otherwise a firewall or a host that blocks outgoing SMTP ports (many cloud hosts do), an antivirus that scans outgoing mail, or a large message over a slow link that outlasts the client's timeout. When the log says the connection was lost \"while receiving the initial server greeting\", the server hung up before its 220: the service on that port is down, overloaded or not the one expected (a content filter or LMTP service that is not running).",
        "日志里没有任何 SMTP 回复：客户端一直在等（等连接、等问候或等回复），直到自己的超时，然后放弃了。服务器没有拒绝任何东西，而是有别的东西让会话无法继续。最常见的是加密设置与端口不符：客户端在 465 端口上以明文开始，会一直等一个服务器永远不会发的问候，因为服务器在等 TLS 握手（.NET 的 System.Net.Mail 根本不能一连上就开始 TLS，所以在 465 上总是超时）。其他原因有：防火墙或封锁出站 SMTP 端口的主机（很多云主机都封锁）、扫描外发邮件的杀毒软件，或者大邮件在慢速线路上发送时间超过了客户端的超时。如果日志说连接是在“接收初始服务器问候时”断开的（while receiving the initial server greeting），那是服务器在发出 220 之前就挂断了：该端口上的服务没有运行、负载过重，或者不是预期的那个服务（例如没有运行的内容过滤器或 LMTP 服务）。",
    ),
    fix: Tr::new(
        "Pair port and encryption: 465 with SSL/TLS from the start, 587 with STARTTLS (Outlook: port 465 with SSL/TLS, or 587 with STARTTLS; System.Net.Mail: port 587 with EnableSsl = true; Nodemailer: secure: true only on 465). Check that the port answers: `openssl s_client -connect host:465` shows a 220 after the handshake, `openssl s_client -starttls smtp -connect host:587` on 587, and `nc -vz host 587` fails where a firewall blocks it. If the greeting comes but a large message times out, raise the client's timeout (Outlook: More Settings → Advanced → Server Timeouts; SmtpClient.Timeout; Nodemailer's greetingTimeout and socketTimeout) or send smaller attachments. Postfix relaying to a smarthost on port 465 needs smtp_tls_wrappermode = yes (with smtp_tls_security_level = encrypt), or the relayhost on port 587; a content filter (amavis) that no longer answers delays every message the same way.",
        "让端口与加密方式配对：465 一开始就用 SSL/TLS，587 用 STARTTLS（Outlook：465 端口配 SSL/TLS，或 587 配 STARTTLS；System.Net.Mail：587 端口加 EnableSsl = true；Nodemailer：只有在 465 上才设 secure: true）。检查端口是否应答：`openssl s_client -connect 主机:465` 在握手后应显示 220，587 上用 `openssl s_client -starttls smtp -connect 主机:587`；被防火墙封锁时 `nc -vz 主机 587` 会失败。如果问候能收到，只是大邮件超时，就调大客户端的超时（Outlook：其他设置 → 高级 → 服务器超时；SmtpClient.Timeout；Nodemailer 的 greetingTimeout 和 socketTimeout），或者减小附件。Postfix 通过 465 端口的中继服务器（smarthost）发信时需要 smtp_tls_wrappermode = yes（并设 smtp_tls_security_level = encrypt），或者把 relayhost 改为 587 端口；不再应答的内容过滤器（amavis）也会让每封邮件这样耽搁。",
    ),
};

/// What the programs print, lower-case.
pub(crate) const WORDS: [&str; 5] = [
    "timed out waiting for a response from the sending (smtp) server",
    // Postfix's SMTP client: `conversation with host[ip] timed out while receiving the
    // initial server greeting` (or `while sending end of data`).
    "timed out while ",
    // The server hung up before its 220 (maxking/docker-mailman#471: an LMTP service that
    // was not answering).
    "while receiving the initial server greeting",
    "smtpexception: the operation has timed out",
    "greeting never received",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.code.is_none() && e.has(&WORDS)
}
