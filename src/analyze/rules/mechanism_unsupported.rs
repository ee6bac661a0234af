//! A 504 to AUTH: the server does not offer the mechanism. RFC 4954 §4 (504).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "mechanism-unsupported",
    kind: FindingKind::MechanismUnsupported,
    source: "RFC 4954 §4 (504)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let quote = c.quote.as_str();
    let auth_offered = c.auth_offered.clone();
    if code == Some(504) && c.auth {
        let offered = auth_offered.unwrap_or_default();
        return Some(finding(
            FindingKind::MechanismUnsupported,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Mechanism not supported", "不支持该认证机制"),
            Text::new(
                format!("The server does not support this AUTH mechanism: \"{quote}\"."),
                format!("服务器不支持这种 AUTH 机制：\"{quote}\"。"),
            ),
            if offered.is_empty() {
                Text::from(Tr::new(
                    "Use a mechanism from the AUTH line of the EHLO reply.",
                    "请使用 EHLO 回复中 AUTH 一行列出的机制。",
                ))
            } else {
                Text::new(
                    format!("Use one the EHLO reply lists: {offered}."),
                    format!("请使用 EHLO 回复中列出的机制：{offered}。"),
                )
            },
        ));
    }
    None
}
