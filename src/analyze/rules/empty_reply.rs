//! The server answered with an empty line, no reply code at all: msmtp's `the server sent an
//! empty reply` (its check of every reply line; LukeSmithxyz/mutt-wizard#574, where the
//! provider's server was at fault and later worked again). RFC 5321 §4.2 (every reply is a
//! code and text); nothing a client sets makes a server send an empty line.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "provider-server-fault",
    fix_id: "wait-for-provider",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.2 (a reply is a code and text); msmtp's message for an empty reply line",
    title: Tr::new(
        "The server's reply was empty",
        "服务器的回复是空的",
    ),
    meaning: Tr::new(
        "The server answered with an empty line instead of a reply (every SMTP reply starts with a three-digit code), so the client gave up. No setting of the client makes a server do that: the server is failing, or something between you and it (an antivirus or firewall that intercepts mail ports) cuts the reply.",
        "服务器回复了一个空行，而不是一条回复（每条 SMTP 回复都以三位数字代码开头），于是客户端放弃了。客户端的任何设置都不会让服务器这样做：是服务器出了故障，或者你和它之间的某个东西（拦截邮件端口的杀毒软件或防火墙）截断了回复。",
    ),
    fix: Tr::new(
        "Try again later: a provider's failing server usually recovers. If it keeps happening, check the provider's status page or ask it, and try from another network (or with the antivirus's mail scanning off) to rule out what lies between.",
        "稍后再试：服务商出故障的服务器通常会恢复。如果一直这样，查看服务商的状态页面或询问服务商，并换一个网络（或关闭杀毒软件的邮件扫描）试一下，以排除中间环节的问题。",
    ),
};

/// The clients' own words (lower-case).
pub(crate) const WORDS: [&str; 1] = ["the server sent an empty reply"];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
