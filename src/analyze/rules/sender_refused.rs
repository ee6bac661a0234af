//! The sender refused: a 550–554 to MAIL (or a reply naming the sender, or X.1.7/X.1.8 at
//! RCPT as Sendmail's delay_checks gives); a login that differs from it, or a missing
//! login, is said instead. When none of that fits, the next rules see the MAIL line among
//! the lines. RFC 5321 §4.1.1.2 (MAIL), §4.2.3 (553); RFC 3463 §3.2 (X.1.7, X.1.8).

use super::{Context, General};
use crate::analyze::diagnose::{finding, same_address, short};
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
    let code = c.code;
    let lower = c.lower.as_str();
    let quote = c.quote.as_str();
    let authenticated = &c.authenticated;
    let auth_offered = c.auth_offered.clone();
    let starttls_offered = c.starttls_offered;
    let mail = &c.mail;
    let has = |words: &[&str]| c.has(words);
    let mentions_auth = has(&["auth", "login", "not logged in"]);
    // The sender: 553 after AUTH with another address (seed 000).
    // Sendmail's delay_checks reports a bad sender at RCPT, with X.1.7 or X.1.8.
    let sender_code = c
        .enhanced
        .is_some_and(|e| e.ends_with(".1.7") || e.ends_with(".1.8"));
    let about_sender = c.verb == Some("MAIL")
        || sender_code
        || has(&[
            "authorized user",
            "must equal",
            "not owned",
            "sender address rejected",
        ]);
    if about_sender && matches!(code, Some(550 | 551 | 553 | 554)) {
        let sender = if c.verb == Some("MAIL") {
            c.address.clone()
        } else {
            None
        }
        .or_else(|| mail.as_ref().map(|(a, _)| a.clone()))
        .unwrap_or_default();
        if let Some((_, l)) = &mail {
            lines.push(*l);
        }
        if let Some((user, user_line)) = &authenticated {
            if !same_address(user, &sender) {
                lines.push(*user_line);
                return Some(super::sender_not_login::mismatch(
                    c,
                    quote,
                    user,
                    *user_line,
                    &sender,
                    std::mem::take(lines),
                ));
            }
        }
        if authenticated.is_none() && mentions_auth {
            return Some(super::auth_first::auth_required(
                quote,
                c.verb,
                false,
                true,
                auth_offered.as_deref(),
                starttls_offered,
                std::mem::take(lines),
            ));
        }
        if code == Some(553) || sender_code || has(&["sender", "from"]) {
            let who = if sender.is_empty() {
                String::new()
            } else {
                format!(" <{}>", short(&sender, 100))
            };
            let dns = c.enhanced.is_some_and(|e| e.ends_with(".1.8"))
                || (lower.contains("domain") && has(&["not exist", "not found", "unresolv"]));
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
