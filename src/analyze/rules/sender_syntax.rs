//! A MAIL FROM whose path is no address (a display name such as `<图书管理系统>`, a bare user
//! name) with no reply in the log that answers it: the program shows the failure only in
//! its own words (QQ Mail's `Invalid input from … to …`). RFC 5321 §4.1.2 (Reverse-path =
//! Path, a Mailbox: Local-part "@" Domain; `<>` for a bounce).
//!
//! Not a rule of [`super::RULES`]: it is read from the command, not from a reply's text
//! (`Diagnoser::unanswered_senders`).

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "sender-not-an-address",
    fix_id: "sender-full-address",
    kind: FindingKind::BadSyntax,
    severity: Severity::Error,
    source: "RFC 5321 §4.1.2 (Reverse-path: Local-part \"@\" Domain)",
    title: Tr::new("The sender is not an address", "发件人不是邮件地址"),
    meaning: Tr::new(
        "the envelope sender has no \"@\" and no domain. RFC 5321 wants an address there (local-part@domain), or <> for a bounce, and servers refuse this one: QQ Mail answers \"Invalid input\", Exim 501. The log shows no reply that took it.",
        "信封发件人没有 \"@\"，也没有域名。RFC 5321 要求这里是一个邮件地址（本地部分@域名），退信时为 <>，服务器会拒绝这样的发件人：QQ 邮箱回复 \"Invalid input\"，Exim 回复 501。日志里也没有接受它的回复。",
    ),
    fix: Tr::new(
        "Set the program's sender (its \"from\" or \"mail from\" setting) to the full address of the account it logs in with, such as user@qq.com. A display name belongs in the From: header only: From: \"Name\" <user@qq.com>.",
        "把程序的发件人（它的 \"from\" 或 \"mail from\" 设置）设为它登录所用账号的完整地址，例如 user@qq.com。显示名只应出现在 From: 邮件头中：From: \"名称\" <user@qq.com>。",
    ),
};
