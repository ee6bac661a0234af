//! Postfix's postscreen defers a client it does not know yet: `450 4.3.2 Service currently
//! unavailable` at RCPT, while the client is on the tests after the greeting (pipelining,
//! non-SMTP commands, bare newlines). postscreen is not a proxy, so even a client that passes
//! must connect again (its log then says `PASS NEW`). RFC 5321 §4.5.4.1 (the client retries);
//! Postfix's postscreen(8) and its source (postscreen_smtpd.c, "rejecting RCPT TO versus
//! sending live sockets").

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "postscreen-new-client",
    fix_id: "let-the-sender-retry",
    kind: FindingKind::Greylisted,
    severity: Severity::Warning,
    source: "RFC 5321 §4.5.4.1 (the client retries); Postfix's postscreen(8) (tests after the 220 greeting)",
    title: Tr::new(
        "Postscreen deferred a client it did not know yet",
        "postscreen 暂缓了一个它还不认识的客户端",
    ),
    meaning: Tr::new(
        "This is the reply of Postfix's postscreen, the gatekeeper in front of its SMTP server. While a client it has not seen before goes through its tests after the greeting (command pipelining, non-SMTP commands, bare newlines), it answers RCPT with this 450: it cannot hand over a session already under way, so even a client that passes has to connect again. Its log then says \"PASS NEW\", and the next connection from the same IP address goes straight through. Nothing is wrong with the mail or its addresses.",
        "这是 Postfix 的 postscreen 的回复，它是挡在 SMTP 服务器前面的\"门卫\"。一个它没见过的客户端在问候之后接受测试（命令流水线、非 SMTP 命令、裸换行）期间，它对 RCPT 回复这个 450：它无法把进行中的会话转交出去，所以即使客户端通过了测试也必须重新连接。此时它的日志会记录 \"PASS NEW\"，来自同一 IP 地址的下一次连接就会直接放行。邮件本身和它的地址都没有问题。",
    ),
    fix: Tr::new(
        "For one message there is nothing to fix: the sending server retries and gets in. If mail arrives hours late, the sender retries from a different IP address each time (large providers do), and each new address starts the tests again: on the receiving Postfix, let those senders skip them (postscreen_access_list, or a list of the big providers' networks), or turn the tests after the greeting off (postscreen_pipelining_enable, postscreen_non_smtp_command_enable and postscreen_bare_newline_enable = no). Then `postfix reload`.",
        "单封邮件无需处理：发信服务器会重试并通过。如果邮件晚到几个小时，那是发件方每次都从不同的 IP 地址重试（大型服务商都这样），每个新地址都要重新测试：在接收方的 Postfix 上让这些发件方跳过测试（postscreen_access_list，或大型服务商网段的列表），或者关闭问候之后的测试（postscreen_pipelining_enable、postscreen_non_smtp_command_enable 和 postscreen_bare_newline_enable = no）。然后执行 `postfix reload`。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.class() == Some(4) && e.enhanced == Some("4.3.2") && e.has(&["service currently unavailable"])
}
