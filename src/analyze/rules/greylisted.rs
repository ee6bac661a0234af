//! A 4xx that says greylisting: the first attempt is deferred on purpose. RFC 6647
//! (greylisting); RFC 5321 §4.5.4.1 (the client retries).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "greylisted",
    kind: FindingKind::Greylisted,
    source: "RFC 6647 (greylisting); RFC 5321 §4.5.4.1 (the client retries)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let class = c.class;
    let quote = c.quote.as_str();
    let has = |words: &[&str]| c.has(words);
    // Rspamd's greylisting through Postfix's milter: `milter-reject: END-OF-MESSAGE from …:
    // 4.7.1 Try again later` (rspamd/rspamd#2013), its code only in the enhanced status; a
    // milter that does not answer says "Service unavailable" instead (rules/server_config.rs).
    let rspamd = c.code.is_none()
        && has(&["milter-reject"])
        // Its message, or none (`4.7.1  ;`, the same greylisting at the second MX).
        && has(&["4.7.1 try again later", ": 4.7.1  ;", ": 4.7.1 ;"])
        && !has(&["service unavailable"]);
    let temporary = class == Some(4) || c.enhanced.is_some_and(|e| e.starts_with('4')) || rspamd;
    if (has(&["greylist", "graylist", "try again later, greylisted"]) || rspamd) && temporary {
        return Some(finding(
            FindingKind::Greylisted,
            Severity::Warning,
            std::mem::take(lines),
            Tr::new("Greylisted", "被灰名单暂缓"),
            Text::new(
                format!("The server greylists: the first attempt from an unknown sender and address is deferred on purpose — \"{quote}\"."),
                format!("服务器使用了灰名单：来自陌生发件人和地址的第一次投递会被故意暂缓——\"{quote}\"。"),
            ),
            Text::from(Tr::new(
                "Wait a few minutes and send again: a real mail server retries by itself, and the later attempt passes. Nothing is wrong with the mail.",
                "等几分钟后再发送：正规的邮件服务器会自动重试，之后的尝试就会通过。邮件本身没有问题。",
            )),
        ));
    }
    None
}
