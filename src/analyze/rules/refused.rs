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
    // Not a greeting (those are the connection's refusals): the title's note on what the
    // code means as one goes.
    let title_en = title_en.split(" (as a greeting").next().unwrap_or(title_en);
    let title_zh = title_zh.split("（作为问候语").next().unwrap_or(title_zh);
    // After the end of DATA the envelope was accepted: the refusal is about the message
    // (its content, its sender's authentication or reputation), never the recipient's
    // address that the reply code's general advice names.
    let after_data = c.verb == Some(".") || c.has(&["end of data"]);
    let action = if after_data && class == Some(5) {
        Text::from(Tr::new(
            "The server took the envelope and refused the message itself: its text names the reason (a spam or policy filter, the sending IP's reputation, SPF or DKIM) and often links to the provider's explanation. Fix what it names, then send again; the recipient's address is not in question.",
            "服务器接受了信封，拒绝的是邮件本身：回复文字写明了原因（垃圾邮件或策略过滤、发信 IP 的信誉、SPF 或 DKIM），通常还附有服务商说明的链接。按它写明的原因修正后再发送；收件人地址没有问题。",
        ))
    } else {
        action
    };
    // A provider's documented reason tag in the text (NetEase's `554 DT:SPM`): its own
    // published meaning says what to do, better than the reply code's general advice.
    let action = match reference::provider_tags_in(Some(code), quote).first() {
        Some(tag) => Text::new(
            format!("{} ({}): {}", tag.provider.en, tag.tag, tag.meaning.en),
            format!("{}（{}）：{}", tag.provider.zh, tag.tag, tag.meaning.zh),
        ),
        None => action,
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
