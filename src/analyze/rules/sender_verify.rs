//! The receiver could not verify the envelope sender: Exim's `verify = sender` (cPanel,
//! DirectAdmin and MXroute hosts run it at RCPT), whose reply is `550-Verification failed for
//! <…>` `550-Unrouteable address` `550 Sender verify failed` (or `451 Could not complete
//! sender verify` while it cannot tell). The recipient is not the problem. RFC 5321 §4.1.1.2
//! (the reverse-path takes the bounces); Exim's ACL condition `verify = sender`; MXroute's
//! published explanation of "Sender verify failed".

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sender-verify-failed",
    fix_id: "use-a-deliverable-sender",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 5321 §4.1.1.2 (the reverse-path); Exim's ACL condition verify = sender; MXroute's published explanation of \"Sender verify failed\"",
    title: Tr::new(
        "The server could not verify the sender",
        "服务器无法验证发件人地址",
    ),
    meaning: Tr::new(
        "Before taking the mail, the receiving server checks the envelope sender (MAIL FROM), the address a bounce would go to, and it failed: Exim's \"verify = sender\", as cPanel, DirectAdmin and MXroute hosts run it. \"Unrouteable address\" says the server found no way to deliver to the sender: its domain has no MX or A record it can use, or the server holds that domain itself and has no mailbox, forwarder or catch-all for the address. The recipient's address is not the problem, although the refusal comes at RCPT.",
        "接收服务器在收下邮件之前会检查信封发件人（MAIL FROM），也就是退信要寄往的地址，而这次检查失败了：这是 Exim 的 \"verify = sender\"，cPanel、DirectAdmin 和 MXroute 的主机都在用。\"Unrouteable address\" 表示服务器找不到投递到该发件地址的途径：它的域名没有可用的 MX 或 A 记录，或者该域名就托管在这台服务器上，却没有这个地址的邮箱、转发或全收（catch-all）。问题不在收件人的地址，虽然拒绝出现在 RCPT 这一步。",
    ),
    fix: Tr::new(
        "Send with a sender address that receives mail: the account's own address (usually the login name), or one that has a mailbox or forwarder. A program's default such as no-reply@… or user@hostname usually has none. If the sending server hosts the sender's domain but its mail is handled elsewhere, that server still looks only for a local mailbox, forwarder or catch-all, whatever the MX records say: create one there, or send from an address it holds. Check the domain's DNS with `dig MX domain`.",
        "使用能收信的发件地址：账号本身的地址（通常就是登录名），或者有邮箱或转发的地址。程序默认的 no-reply@… 或 用户@主机名 之类通常都没有。如果发信服务器托管了发件人的域名，而该域名的邮件实际由别处处理，这台服务器仍然只会在本地查找邮箱、转发或全收，不管 MX 记录怎么写：在那里创建一个，或者改用它上面已有的地址。用 `dig MX 域名` 检查该域名的 DNS。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["sender verify failed", "could not complete sender verify"])
}
