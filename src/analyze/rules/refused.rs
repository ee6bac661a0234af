//! Any other failure: its code and the reference's title for it, or, for a log line without
//! a code, its text. RFC 5321 §4.2.1 (the first digit).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;
use crate::smtp::codes::ReplyCode;
use crate::smtp::reference;

pub(super) const RULE: General = General {
    id: "refused",
    kind: FindingKind::OtherFailure,
    source: "RFC 5321 §4.2.1 (the first digit)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let class = c.class;
    let quote = c.quote.as_str();
    let Some(code) = code else {
        // A failure a log reports without a reply code (a bounce's "Failure Reason",
        // `status=bounced (Host or domain name not found …)`): said, never dropped.
        return Some(finding(
            FindingKind::OtherFailure,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Failure reported", "报告了失败"),
            Text::new(
                format!("The log reports a failure without a reply code: \"{quote}\"."),
                format!("日志报告了一次失败，但没有回复代码：\"{quote}\"。"),
            ),
            Text::from(Tr::new(
                "Its text says why. If it names no reason, look in the sending server's log for the reply the remote server gave (Postfix: mail.log, by queue id; Exim: mainlog; Haraka: its log with the transaction id).",
                "原因在它的文字里。如果没有写明原因，就到发信服务器的日志中查找对方服务器给出的回复（Postfix：mail.log，按队列号查；Exim：mainlog；Haraka：按事务号查它的日志）。",
            )),
        ));
    };
    let rc = ReplyCode::new(code).ok();
    let info = rc.and_then(reference::reply_info);
    let (title_en, title_zh, action) = match info {
        Some(info) => (info.title.en, info.title.zh, Text::from(info.action)),
        None => (
            "not in the reference",
            "不在参考表中",
            Text::from(rc.map_or(
                Tr::new(
                    "Read the reply text for the reason.",
                    "请从回复文字中查找原因。",
                ),
                |r| r.first_digit_meaning(),
            )),
        ),
    };
    Some(finding(
        FindingKind::OtherFailure,
        if class == Some(5) {
            Severity::Error
        } else {
            Severity::Warning
        },
        std::mem::take(lines),
        Tr::new("Refused", "被拒绝"),
        Text::new(
            format!("{code} ({title_en}): \"{quote}\"."),
            format!("{code}（{title_zh}）：\"{quote}\"。"),
        ),
        action,
    ))
}
