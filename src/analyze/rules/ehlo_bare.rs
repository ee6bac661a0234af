//! An EHLO reply whose last line is a bare `250`: RFC 5321 §4.1.1.1's ehlo-ok-rsp ends a
//! multi-line reply with `"250" SP ehlo-line`, a keyword. A strict client stops there and
//! sends nothing more (MailKit 2.1.3 against uberspace.de: jstedfast/MailKit#848, fixed in
//! the client). Applied by the diagnosis from the EHLO reply.

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "ehlo-last-line-bare",
    fix_id: "tolerate-or-fix-ehlo-reply",
    kind: FindingKind::OtherFailure,
    severity: Severity::Warning,
    source: "RFC 5321 §4.1.1.1 (ehlo-ok-rsp: the last line is 250 SP ehlo-line); jstedfast/MailKit#848",
    title: Tr::new(
        "The EHLO reply ends with a bare 250",
        "EHLO 回复以一个光秃秃的 250 结尾",
    ),
    meaning: Tr::new(
        "The server's reply to EHLO ends with a line that is only \"250\". RFC 5321's grammar ends a multi-line EHLO reply with \"250\", a space and an extension keyword, so a client that reads it strictly cannot parse the reply and gives up right here, before logging in or sending: the log then just stops, and the program's own error says it could not read the response.",
        "服务器对 EHLO 的回复以只有“250”的一行结尾。按 RFC 5321 的语法，多行 EHLO 回复的最后一行应是“250”、一个空格和一个扩展关键字，所以严格按语法读取的客户端无法解析这个回复，就在这里放弃，既不登录也不发信：日志到这里就停了，而程序自己的错误信息会说它读不懂响应。",
    ),
    fix: Tr::new(
        "Update the client: most libraries now accept the bare line (MailKit did after this report). If the server is yours, make its EHLO reply end with a keyword (its last extension, or HELP).",
        "更新客户端：多数库现在都能接受这一行（MailKit 在这个问题报告后就修正了）。如果服务器是你的，让它的 EHLO 回复以一个关键字结尾（最后一个扩展，或者 HELP）。",
    ),
};
