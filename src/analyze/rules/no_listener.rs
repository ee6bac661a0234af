//! The host answered, but nothing accepts connections on that port: Python's
//! `ConnectionRefusedError: [Errno 111] Connection refused`, curl's `(7) Failed to connect
//! to … Couldn't connect to server` (both recorded against a closed port), JavaMail's
//! `java.net.ConnectException: Connection refused`, Windows' "actively refused it", Sendmail's
//! `stat=Deferred: Connection refused by [127.0.0.1]`. errno 111 (ECONNREFUSED); RFC 5321
//! §3.1 (the session starts with the server's greeting, which never came).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "nothing-listening",
    fix_id: "start-server-or-fix-port",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §3.1; errno 111 (ECONNREFUSED) as Python, curl, Java, Windows and Sendmail report it",
    title: Tr::new(
        "Nothing accepts connections on that port",
        "该端口上没有程序接受连接",
    ),
    meaning: Tr::new(
        "The host was reached and refused the TCP connection at once: no mail server runs there on that port, it listens on another port or address, or a firewall rejects the connection. No SMTP was spoken. When the host is 127.0.0.1 or localhost, it is your own machine: its mail server (sendmail, Postfix) is not running or not listening there.",
        "主机可以到达，但立即拒绝了 TCP 连接：该端口上没有运行邮件服务器，服务器在监听别的端口或地址，或者防火墙拒绝了连接。根本没有进行 SMTP 对话。如果主机是 127.0.0.1 或 localhost，那就是你自己的机器：它的邮件服务器（sendmail、Postfix）没有运行，或没有在那里监听。",
    ),
    fix: Tr::new(
        "Check the server name and port in the client's settings (587 for submission with STARTTLS, 465 with TLS, 25 between servers). On your own machine, start the mail server (`systemctl start postfix`, or sendmail) and check what listens (`ss -ltn` should show :25). For a remote server, test the port (`nc -vz host 587`); a refusal there is its administrator's to fix, or a firewall's.",
        "检查客户端设置中的服务器名和端口（提交邮件用 587 加 STARTTLS，465 用 TLS，服务器之间用 25）。在你自己的机器上，启动邮件服务器（`systemctl start postfix` 或 sendmail），并查看有哪些端口在监听（`ss -ltn` 应显示 :25）。对于远程服务器，测试该端口（`nc -vz 主机 587`）；如果那里拒绝连接，需要由它的管理员或防火墙设置来解决。",
    ),
};

/// What the programs print, lower-case.
pub(crate) const WORDS: [&str; 6] = [
    "connection refused",
    "couldn't connect to server",
    "econnrefused",
    "actively refused",
    "拒绝连接",
    "积极拒绝",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.code.is_none_or(|c| c / 100 == 4) && e.has(&WORDS) && !e.has(&["sasl", "saslauthd"])
}
