//! A test client that speaks telnet's option negotiation before the server's greeting:
//! Postfix logs `improper command pipelining after CONNECT from …: \377\373\037\377\373 …`,
//! the bytes IAC WILL (255 251) and IAC DO (255 253) that a telnet client in telnet mode sends
//! to agree on terminal options, written in octal, and closes the session (`disconnect from …
//! commands=0/0`). PuTTY in its Telnet mode does this (loganmarchione/docker-postfixrelay#57,
//! whose poster closed it as a mistake of the test); SMTP has no such negotiation, and a
//! client must wait for the greeting (RFC 5321 §3.1).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "test-client-mistake",
    fix_id: "test-with-a-proper-smtp-client",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §3.1 (the server's greeting comes first); telnet's option negotiation (IAC WILL/DO) as Postfix logs it",
    title: Tr::new(
        "The test client sent telnet negotiation, not SMTP",
        "测试客户端发送的是 telnet 协商，不是 SMTP",
    ),
    meaning: Tr::new(
        "Before the server's greeting, the client sent bytes 255 251 … and 255 253 … (Postfix writes them in octal: \\377\\373, \\377\\375): telnet's option negotiation, which a telnet client in its telnet mode (PuTTY's \"Telnet\" connection type) sends to agree on terminal settings. SMTP knows no such bytes and a client must wait for the greeting, so Postfix calls it improper pipelining and ends the session before any command. The server is fine; the test was not an SMTP session.",
        "在服务器问候之前，客户端发送了字节 255 251 … 和 255 253 …（Postfix 用八进制写出：\\377\\373、\\377\\375）：这是 telnet 的选项协商，telnet 客户端在 telnet 模式下（PuTTY 的“Telnet”连接类型）会发送它来商定终端设置。SMTP 没有这样的字节，而且客户端必须等待问候，所以 Postfix 把它当作不当的流水线发送，在任何命令之前就结束了会话。服务器没有问题；这次测试并不是一次 SMTP 会话。",
    ),
    fix: Tr::new(
        "Test with a client that sends nothing of its own: PuTTY with the connection type \"Raw\", `nc mail.example.com 25`, `telnet mail.example.com 25` from a command line (it negotiates nothing on a port other than 23), `openssl s_client -starttls smtp -connect mail.example.com:587`, or swaks. Wait for the 220 greeting before typing EHLO.",
        "用一个不会自己发送任何东西的客户端测试：PuTTY 选连接类型“Raw”、`nc mail.example.com 25`、命令行里的 `telnet mail.example.com 25`（在 23 以外的端口上它不做协商）、`openssl s_client -starttls smtp -connect mail.example.com:587`，或者 swaks。等看到 220 问候后再输入 EHLO。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["improper command pipelining"]) && e.has(&["\\377\\373", "\\377\\375"])
}
