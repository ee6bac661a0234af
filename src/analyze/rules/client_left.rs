//! The user's own Postfix saw a client leave in the middle of a session: `lost connection
//! after STATE from host[ip]` (the client closed the connection), `timeout after STATE from
//! host[ip]` (it said nothing for `smtpd_timeout`, 300 s by default, and Postfix answered
//! `421 4.4.2 … Error: timeout exceeded`) or `too many errors after STATE from host[ip]`
//! (more errors than `smtpd_hard_error_limit`, 20 by default). STATE is the last command
//! Postfix got (`CONNECT`, `EHLO`, `STARTTLS`, `AUTH`, `DATA`, `END-OF-MESSAGE` …). Postfix's
//! smtpd(8) and postconf(5); RFC 5321 §4.5.3.2 for the server's timeouts.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "client-left",
    fix_id: "read-the-clients-side",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Warning,
    source: "Postfix smtpd(8) and postconf(5) (smtpd_timeout, smtpd_hard_error_limit); RFC 5321 §4.5.3.2",
    title: Tr::new(
        "A client left in the middle of the session",
        "客户端在会话中途离开",
    ),
    meaning: Tr::new(
        "The server's log shows a client that did not finish: \"lost connection after\" means the client closed the connection, \"timeout after\" that it said nothing for smtpd_timeout (300 s by default; Postfix then answers 421 4.4.2 Error: timeout exceeded), \"too many errors after\" that it got more errors than smtpd_hard_error_limit (20). The word after \"after\" is the last command the server got. After CONNECT, EHLO or STARTTLS a client often gave up on TLS (it did not trust the certificate, or the TLS versions did not match) or was a port scan; after AUTH, a login that failed or a client that tried AUTH and gave up; after DATA or END-OF-MESSAGE, a message upload that stalled (a large message over a slow link, an antivirus or proxy in between).",
        "服务器日志显示有客户端没有完成会话：\"lost connection after\" 表示客户端关闭了连接，\"timeout after\" 表示它在 smtpd_timeout（默认 300 秒）内一言不发（Postfix 随后回复 421 4.4.2 Error: timeout exceeded），\"too many errors after\" 表示它出错的次数超过了 smtpd_hard_error_limit（20）。\"after\" 后面的词是服务器收到的最后一条命令。在 CONNECT、EHLO 或 STARTTLS 之后，客户端常常是放弃了 TLS（不信任证书，或 TLS 版本不匹配），或者只是端口扫描；在 AUTH 之后，是登录失败，或者客户端试了 AUTH 就放弃了；在 DATA 或 END-OF-MESSAGE 之后，是邮件上传卡住了（大邮件走慢速线路，或者中间有杀毒软件或代理）。",
    ),
    fix: Tr::new(
        "Read the client's side: its own error says why it left (a certificate it did not trust, a timeout, a refused password). On the server, look at the lines of the same process id just before this one (a SASL warning before \"after AUTH\", a TLS warning before \"after STARTTLS\"). A stream of these from addresses you do not know is usually a scan or a password-guessing bot, not your users: a rate limit (anvil, postscreen) or fail2ban handles it.",
        "查看客户端那一侧：它自己的报错说明了离开的原因（不信任的证书、超时、被拒的密码）。在服务器上，看同一进程号在这一行之前的几行（\"after AUTH\" 之前的 SASL 警告，\"after STARTTLS\" 之前的 TLS 警告）。如果来自陌生地址的这类记录源源不断，那通常是扫描或猜密码的机器人，而不是你的用户：用速率限制（anvil、postscreen）或 fail2ban 处理。",
    ),
};

/// What Postfix's smtpd writes, lower-case, before the state and ` from `.
pub(crate) const WORDS: [&str; 3] = [
    "lost connection after ",
    "timeout after ",
    "too many errors after ",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.code.is_none() && e.own_server.is_some() && e.has(&WORDS) && e.has(&[" from "])
}
