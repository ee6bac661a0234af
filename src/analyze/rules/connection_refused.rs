//! A 5xx instead of the greeting: the server refuses the connection at once. RFC 5321 §3.1
//! (554 or 421 instead of the greeting).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "connection-refused",
    kind: FindingKind::ConnectionRefused,
    source: "RFC 5321 §3.1 (554 or 421 instead of the greeting)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let class = c.class;
    let quote = c.quote.as_str();
    // A refusal that names the message or the recipient is not the greeting's, though
    // nothing before it shows the command (`554 5.7.9 Message not accepted for policy
    // reasons`, `554 Reject by behaviour spam at Rcpt State`).
    let about_message = [
        "message not accepted",
        "message rejected",
        "message refused",
    ]
    .iter()
    .chain(&["message has been blocked", "rcpt state", "recipient"])
    .any(|w| c.lower.contains(w));
    if c.greeting && class == Some(5) && !about_message {
        {
            return Some(finding(
                FindingKind::ConnectionRefused,
                Severity::Error,
                std::mem::take(lines),
                Tr::new("Connection refused", "连接被拒绝"),
                Text::new(
                    format!("The server refused the connection at once: \"{quote}\". Your IP address may be on a blocklist, the server may not take mail from your network (a dynamic or residential address), or it is overloaded (421)."),
                    format!("服务器一开始就拒绝了连接：\"{quote}\"。可能是你的 IP 地址在黑名单上，服务器不接收来自你所在网络（动态或家庭宽带地址）的邮件，或者服务器过载（421）。"),
                ),
                Text::from(Tr::new(
                    "Send through your provider's submission server (port 587 with AUTH) instead of connecting directly; check your IP address on a blocklist; after a 421, try again later.",
                    "改为通过服务商的提交服务器发信（587 端口并认证），不要直接连接；查一下你的 IP 是否在黑名单上；遇到 421 时稍后再试。",
                )),
            ));
        }
    }
    None
}
