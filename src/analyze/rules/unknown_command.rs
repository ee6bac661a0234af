//! A 500 or 502 (not about a line too long): the server does not accept the command here.
//! RFC 5321 §4.2.4 (500, 502).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "unknown-command",
    kind: FindingKind::UnknownCommand,
    source: "RFC 5321 §4.2.4 (500, 502)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let quote = c.quote.as_str();
    let has = |words: &[&str]| c.has(words);
    if matches!(code, Some(500) | Some(502)) && !has(&["too long"]) {
        let verb = super::command_name(c.verb);
        return Some(finding(
            FindingKind::UnknownCommand,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Command not supported", "命令不受支持"),
            Text::new(
                format!("The server does not accept {} here: \"{quote}\".", verb.en),
                format!("服务器在此不接受{}：\"{quote}\"。", verb.zh.trim_end()),
            ),
            Text::from(Tr::new(
                "Check the spelling; if it is right, the server has the command disabled or does not implement it (Postfix refuses HELP and EXPN, many servers VRFY). The EHLO reply lists what it supports.",
                "检查拼写；如果拼写无误，说明服务器禁用或没有实现该命令（Postfix 拒绝 HELP 和 EXPN，很多服务器拒绝 VRFY）。EHLO 的回复列出了它支持的扩展。",
            )),
        ));
    }
    None
}
