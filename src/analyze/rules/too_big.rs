//! The message too big (552, X.3.4, X.2.3, or a reply that says so), with the SIZE the
//! server announced and the one MAIL declared. RFC 5321 §4.5.3.1.7; RFC 1870 (552); RFC
//! 3463 §3.4 (X.3.4).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;
use crate::smtp::command::Command;

pub(super) const RULE: General = General {
    id: "too-big",
    kind: FindingKind::TooBig,
    source: "RFC 5321 §4.5.3.1.7; RFC 1870 (552); RFC 3463 §3.4 (X.3.4)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let quote = c.quote.as_str();
    let size_limit = c.size_limit;
    let has = |words: &[&str]| c.has(words);
    // 552 is the size's code, unless its enhanced code names another subject (Gmail's
    // "552-5.7.0 This message was blocked because its content presents a potential
    // security issue" is a policy refusal).
    let other_subject = c
        .enhanced
        .is_some_and(|e| !(e.get(1..3) == Some(".2") || e.get(1..3) == Some(".3")));
    let too_big = (code == Some(552) && !other_subject)
        || c.enhanced
            .is_some_and(|e| e.ends_with(".3.4") || e.ends_with(".2.3"))
        || has(&[
            "too big",
            "too large",
            "exceeds",
            "size limit",
            "size exceeded",
            "max message size",
        ]);
    if too_big && !has(&["recipients"]) {
        let declared = match c.command {
            Some(Command::Mail(p)) => p.param("SIZE").flatten().map(str::to_string),
            _ => None,
        };
        let mut en = format!("The message is too big for the server: \"{quote}\".");
        let mut zh = format!("邮件超出了服务器的大小限制：\"{quote}\"。");
        if let Some(limit) = size_limit {
            let size = crate::analyze::texts::human_size(limit);
            en.push_str(&format!(
                " Its EHLO reply announced SIZE {limit} (about {size})."
            ));
            zh.push_str(&format!(
                "它在 EHLO 回复中公布的上限是 SIZE {limit}（约 {size}）。"
            ));
        }
        if let Some(declared) = declared {
            en.push_str(&format!(" MAIL FROM declared SIZE={declared}."));
            zh.push_str(&format!("MAIL FROM 声明的大小是 SIZE={declared}。"));
        }
        return Some(finding(
            FindingKind::TooBig,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Message too big", "邮件过大"),
            Text::new(en, zh),
            Text::from(Tr::new(
                "Send a smaller message: shrink or compress the attachments, or share large files by link. Base64 makes attachments about a third bigger than the files.",
                "发送更小的邮件：压缩或缩小附件，或用链接分享大文件。注意 base64 编码会让附件比原文件大约三分之一。",
            )),
        ));
    }
    None
}
