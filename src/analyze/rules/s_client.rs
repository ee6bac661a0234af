//! OpenSSL's `s_client` took a typed line as its own command. In its interactive mode
//! (neither `-quiet`, `-ign_eof` nor `-nocommands`) a line that starts with Q, R, k or K is
//! a command to s_client and is not sent (openssl-s_client(1), "CONNECTED COMMANDS"):
//! `RCPT TO:<…>` typed in capitals prints `RENEGOTIATING`, and on TLS 1.3, which cannot
//! renegotiate, s_client ends with an error (recorded from OpenSSL 3.0,
//! tests/fixtures/openssl-s-client/renegotiating.txt). SMTP's verbs are case-insensitive
//! (RFC 5321 §2.4), so `rcpt to:` is the same command.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "s-client-command-letter",
    fix_id: "type-lower-case-or-nocommands",
    kind: FindingKind::BadSyntax,
    severity: Severity::Error,
    source: "RFC 5321 §2.4 (verbs in any case); openssl-s_client(1), CONNECTED COMMANDS",
    title: Tr::new(
        "openssl s_client took the line as its own command",
        "openssl s_client 把这一行当成了它自己的命令",
    ),
    meaning: Tr::new(
        "In s_client's interactive mode a line that starts with R (renegotiate), Q (quit), k or K (key update) is a command to s_client itself and is not sent: the line typed before it never reached the server. A TLS 1.3 connection cannot be renegotiated, so s_client stops with an error and the session is over.",
        "在 s_client 的交互模式下，以 R（重新协商）、Q（退出）、k 或 K（更新密钥）开头的一行是发给 s_client 自己的命令，不会发送：它前面输入的那一行根本没有到达服务器。TLS 1.3 连接无法重新协商，所以 s_client 报错停止，会话就此结束。",
    ),
    fix: Tr::new(
        "Type the SMTP commands in lower case (rcpt to:<…>, quit: servers take verbs in any case), or start s_client with -nocommands (or -ign_eof, or -quiet) so that every line is sent.",
        "用小写输入 SMTP 命令（rcpt to:<…>、quit：服务器不区分命令的大小写），或者启动 s_client 时加上 -nocommands（或 -ign_eof、-quiet），让每一行都发送出去。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    matches!(e.lower.trim(), "renegotiating" | "keyupdate") && e.code.is_none()
}
