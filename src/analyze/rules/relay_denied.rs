//! Relaying refused: the server takes mail only for its own domains unless the client
//! authenticates. RFC 5321 §3.6 (relaying), §4.2.3 (550, 554).

use super::{Context, General};
use crate::analyze::diagnose::{finding, show_addr};
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "relay-denied",
    kind: FindingKind::RelayDenied,
    source: "RFC 5321 §3.6 (relaying), §4.2.3 (550, 554)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let class = c.class;
    let quote = c.quote.as_str();
    let authenticated = &c.authenticated;
    let has = |words: &[&str]| c.has(words);
    let relay = has(&[
        "relay access denied",
        "relaying denied",
        "relay not permitted",
        "unable to relay",
        "not permitted to relay",
        "relay denied",
        "relaying not allowed",
        "we do not relay",
        // hMailServer's refusal to relay for an unauthenticated client.
        "delivery is not allowed to this address",
    ]);
    if relay {
        let who = c.address.clone().unwrap_or_default();
        let what = match &authenticated {
            Some((user, _)) => Text::new(
                format!("The server refused to relay to {}: \"{quote}\" — even though this session authenticated as {user}; that account may not send through this server.", show_addr(&who, false)),
                format!("服务器拒绝为 {} 中继（relay）：\"{quote}\"——尽管本次会话已以 {user} 认证；该账号可能无权通过此服务器发信。", show_addr(&who, true)),
            ),
            None => Text::new(
                format!("The server refused to relay to {}: \"{quote}\". It takes mail for its own domains only, unless the client authenticates.", show_addr(&who, false)),
                format!("服务器拒绝为 {} 中继（relay）：\"{quote}\"。除非客户端先认证，它只接收发往本服务器所管域名的邮件。", show_addr(&who, true)),
            ),
        };
        let severity = if class == Some(4) {
            Severity::Warning
        } else {
            Severity::Error
        };
        return Some(finding(
            FindingKind::RelayDenied,
            severity,
            std::mem::take(lines),
            Tr::new("Relaying refused", "拒绝中继"),
            what,
            Text::from(Tr::new(
                "Sending out through your own provider? Authenticate first (AUTH, on the submission port 587; in a mail program, turn on \"my server requires authentication\"). Delivering straight to the recipient's domain? Connect to that domain's own mail server (its MX record, e.g. `dig MX example.org`), not to this one.",
                "如果是通过自己的邮件服务商往外发：先认证（AUTH，使用 587 提交端口；在邮件客户端中勾选“我的服务器要求身份验证”）。如果是直接投递到收件人的域：应连接该域自己的邮件服务器（查它的 MX 记录，如 `dig MX example.org`），而不是这台服务器。",
            )),
        ));
    }
    None
}
