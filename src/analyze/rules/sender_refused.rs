//! The sender refused: a 550–554 to MAIL (or a reply naming the sender, or X.1.7/X.1.8 at
//! RCPT as Sendmail's delay_checks gives); a login that differs from it, or a missing
//! login, is said instead. When none of that fits, the next rules see the MAIL line among
//! the lines. RFC 5321 §4.1.1.2 (MAIL), §4.2.3 (553); RFC 3463 §3.2 (X.1.7, X.1.8).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "sender-refused",
    kind: FindingKind::SenderRejected,
    source: "RFC 5321 §4.1.1.2 (MAIL), §4.2.3 (553); RFC 3463 §3.2 (X.1.7, X.1.8)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    // The sender: 553 after AUTH with another address (seed 000).
    // Sendmail's delay_checks reports a bad sender at RCPT, with X.1.7 or X.1.8.
    let sender_code = c
        .enhanced
        .is_some_and(|e| e.ends_with(".1.7") || e.ends_with(".1.8"));
    let about_sender = c.verb == Some("MAIL")
        || sender_code
        || c.has(&[
            "authorized user",
            "must equal",
            "not owned",
            "sender address rejected",
            // `550 "envelope sender not allowed …"` (symfony/symfony#49173).
            "sender not allowed",
            // SendGrid: `550 The from address does not match a verified Sender Identity`
            // (chatwoot/chatwoot#2541).
            "verified sender identity",
        ]);
    // Postal's `530 From/Sender name is not valid`, its answer to a From whose domain it does
    // not send for (postalserver/postal#1346): a refused sender, whatever 530 usually means.
    // Oracle Cloud's 535 for an envelope sender it does not send for
    // (oracle/oci-grafana-metrics#147) is a refused sender too.
    let postal_sender = (c.code == Some(530) && c.has(&["from/sender name is not valid"]))
        || (c.code == Some(535)
            && c.has(&["envelope from address"])
            && c.has(&["not authorized", "not au"]));
    if (about_sender && matches!(c.code, Some(550 | 551 | 553 | 554))) || postal_sender {
        let sender = c.sender();
        if let Some(mismatch) = super::sender_not_login::login_mismatch(c, &sender, lines) {
            return Some(mismatch);
        }
        if c.authenticated.is_none() && c.mentions_auth() && !postal_sender {
            return Some(super::auth_first::auth_required(
                &c.quote,
                c.verb,
                false,
                true,
                c.auth_offered.as_deref(),
                c.starttls_offered,
                std::mem::take(lines),
            ));
        }
        if c.code == Some(553) || sender_code || c.has(&["sender", "from"]) {
            let who = super::bracketed(&sender);
            let quote = &c.quote;
            let dns = c.enhanced.is_some_and(|e| e.ends_with(".1.8"))
                || (c.lower.contains("domain") && c.has(&["not exist", "not found", "unresolv"]));
            return Some(finding(
                FindingKind::SenderRejected,
                Severity::Error,
                std::mem::take(lines),
                Tr::new("Sender refused", "发件人被拒绝"),
                Text::new(
                    format!("The server refused the sender{who}: \"{quote}\"."),
                    format!("服务器拒绝了发件人{who}：\"{quote}\"。"),
                ),
                Text::from(if dns {
                    Tr::new(
                        "The sender's domain must exist in DNS (an MX or A record): use a sender address on a real, resolvable domain, or fix the domain's DNS.",
                        "发件人的域名必须在 DNS 中存在（有 MX 或 A 记录）：请使用真实可解析域名下的发件地址，或修正该域名的 DNS。",
                    )
                } else {
                    Tr::new(
                        "Use a sender the server accepts — usually the address of the account you log in with (AUTH first) — and write it with brackets: MAIL FROM:<you@example.com>.",
                        "使用服务器接受的发件人——通常就是登录账号的地址（先 AUTH）——并带上尖括号：MAIL FROM:<you@example.com>。",
                    )
                }),
            ));
        }
    }
    None
}
