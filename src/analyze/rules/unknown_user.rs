//! A 5xx that says the recipient does not exist. RFC 5321 §4.1.1.3 (550); RFC 3463 §3.2
//! (X.1.1).

use super::{Context, General};
use crate::analyze::diagnose::{finding, show_addr};
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "unknown-user",
    kind: FindingKind::UnknownUser,
    source: "RFC 5321 §4.1.1.3 (550); RFC 3463 §3.2 (X.1.1)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let class = c.class;
    let quote = c.quote.as_str();
    let has = |words: &[&str]| c.has(words);
    let unknown_user = c
        .enhanced
        .is_some_and(|e| e.ends_with(".1.1") && e.starts_with('5'))
        || has(&[
            "user unknown",
            "unknown user",
            "no such user",
            "does not exist",
            "unrouteable address",
            "mailbox unavailable",
            "mailbox not found",
            "recipient not found",
            // Microsoft 365 for an address its organisation does not have (5.4.1).
            "recipient address rejected: access denied",
            // Microsoft 365's NDR: `550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient … not
            // found by SMTP address lookup`.
            "recipientnotfound",
            "not found by smtp address lookup",
        ]);
    // OpenSMTPD's `550 Invalid recipient` (OpenSMTPD/OpenSMTPD#658), but not a refusal of
    // the address's form (`Invalid recipient address syntax`, 5.1.3).
    let invalid_recipient = has(&["invalid recipient"])
        && !has(&["syntax", "format"])
        && c.enhanced.is_none_or(|e| !e.ends_with(".1.3"));
    // "Mailbox unavailable" in answer to MAIL is about the sender (rules/sender_not_login.rs).
    let unknown_user = (unknown_user || invalid_recipient)
        && !(c.verb == Some("MAIL") && has(&["mailbox unavailable"]));
    // Exim's own log gives no code: `rejected RCPT <…>: Unrouteable address` is its refusal
    // (a deferral says `temporarily rejected`).
    let exim_refused =
        class.is_none() && has(&["rejected rcpt"]) && !has(&["temporarily rejected"]);
    if unknown_user && (class == Some(5) || exim_refused) {
        let who = c.address.clone().unwrap_or_default();
        return Some(finding(
            FindingKind::UnknownUser,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Unknown recipient", "收件人不存在"),
            Text::new(
                format!("The server does not know {}: \"{quote}\".", show_addr(&who, false).replacen('<', "the recipient <", 1)),
                format!("服务器上没有{}：\"{quote}\"。", show_addr(&who, true).replacen('<', "收件人 <", 1)),
            ),
            Text::from(Tr::new(
                "Check the address for typos and ask the recipient for the right one; on your own server, create the mailbox or alias first.",
                "检查地址是否拼错，并向收件人确认正确地址；如果是自己的服务器，先创建该邮箱或别名。",
            )),
        ));
    }
    None
}
