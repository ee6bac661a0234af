//! A temporary failure (4xx), unless it says the message is too big: try again later. RFC
//! 5321 §4.2.1 (4yz transient), §4.5.4.1 (retry).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "temporary",
    kind: FindingKind::Temporary,
    source: "RFC 5321 §4.2.1 (4yz transient), §4.5.4.1 (retry)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let class = c.class;
    let quote = c.quote.as_str();
    let has = |words: &[&str]| c.has(words);
    // X.3.4 "message too big for system" (RFC 3463 §3.4) comes as 452 as well as 552.
    let too_big_early = c.enhanced.is_some_and(|e| e.ends_with(".3.4"))
        || has(&[
            "size exceeds",
            "size exceeded",
            "max message size",
            "message size limit",
        ]);
    if class == Some(4) && !too_big_early {
        let (what, fix) = match code {
            Some(421) => (
                Text::new(
                    format!("The server closes the connection with 421: \"{quote}\" — a temporary condition (overload, too many connections, a timeout, a rate limit)."),
                    format!("服务器以 421 关闭连接：\"{quote}\"——这是暂时状况（过载、连接过多、超时或频率限制）。"),
                ),
                Text::from(Tr::new(
                    "Try again later; a mail server retries by itself. If it keeps happening, send fewer messages at once and read the text for the limit.",
                    "稍后重试；邮件服务器会自动重试。如果反复出现，请减少一次发送的邮件数量，并从回复文字中查看具体限制。",
                )),
            ),
            Some(452) => (
                Text::new(
                    format!("Temporary failure 452: \"{quote}\" — the server is short of storage, or there were too many recipients."),
                    format!("暂时失败 452：\"{quote}\"——服务器存储空间不足，或收件人太多。"),
                ),
                Text::from(Tr::new(
                    "Send again later, or split the recipients over several messages.",
                    "稍后重发，或把收件人分到几封邮件中。",
                )),
            ),
            _ => (
                Text::new(
                    format!("Temporary failure: \"{quote}\". The first digit 4 says the condition should pass."),
                    format!("暂时失败：\"{quote}\"。首位数字 4 表示这种状况应当会过去。"),
                ),
                Text::from(Tr::new(
                    "Send again later — mail servers retry queued mail for days. If it never clears, the text says why (quota, rate limit, DNS).",
                    "稍后重发——邮件服务器会在数天内反复重试队列中的邮件。如果一直不成功，回复文字会说明原因（配额、频率限制、DNS）。",
                )),
            ),
        };
        return Some(finding(
            FindingKind::Temporary,
            Severity::Warning,
            std::mem::take(lines),
            Tr::new("Temporary failure", "暂时失败"),
            what,
            fix,
        ));
    }
    None
}
