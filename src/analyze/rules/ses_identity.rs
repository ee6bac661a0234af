//! Amazon SES refuses an address it has not verified: `554 Message rejected: Email address is
//! not verified. The following identities failed the check in region US-EAST-1: …`. SES sends
//! only from identities (addresses or domains) verified in the region it is used in, and,
//! while the account is in the sandbox, only to verified recipients too. RFC 5321 §4.2.3
//! (554); Amazon SES's published SMTP errors and its sandbox rules.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "ses-identity-not-verified",
    fix_id: "verify-the-identity",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (554); Amazon SES's published SMTP errors (identities, the sandbox)",
    title: Tr::new(
        "Amazon SES has not verified this address",
        "Amazon SES 尚未验证这个地址",
    ),
    meaning: Tr::new(
        "Amazon SES sends only from identities, an address or a whole domain, verified in the region the client connects to (the reply names it), and refuses the rest. While the account is in the SES sandbox, every recipient must be verified as well, so the address it names may be a recipient. The login and the message are fine.",
        "Amazon SES 只从在客户端所连接区域（回复中写明了区域）里验证过的身份——一个地址或整个域名——发信，其余一律拒绝。账户还在 SES 沙箱中时，每个收件人也都必须经过验证，所以回复中列出的地址也可能是收件人。登录和邮件本身都没有问题。",
    ),
    fix: Tr::new(
        "In the SES console of the region the reply names (identities belong to one region), verify the address it lists, or its whole domain (DNS records SES gives you). If the listed address is a recipient, the account is in the sandbox: verify that recipient too, or request production access for the account.",
        "在回复所写区域的 SES 控制台中（身份只属于一个区域）验证它列出的地址，或验证整个域名（按 SES 给出的 DNS 记录设置）。如果列出的是收件人地址，说明账户还在沙箱中：也验证这个收件人，或为账户申请生产访问权限。",
    ),
};

/// SES's words, with or without the SMTP reply around them (its API's `MessageRejected`).
pub(crate) const WORDS: [&str; 2] = [
    "email address is not verified",
    "identities failed the check",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}

/// Mailbox providers anyone can sign up with: an address there is a person's, never a
/// domain an SES account verifies as its own.
const PUBLIC_MAILBOXES: [&str; 21] = [
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "qq.com",
    "163.com",
    "126.com",
    "yandex.ru",
    "mail.ru",
    "proton.me",
    "protonmail.com",
    "zoho.com",
];

/// Whether an identity SES names (after "failed the check in region …:") is an address at a
/// public mailbox provider. `lower` is the reply, lower-cased.
pub(crate) fn names_public_mailbox(lower: &str) -> bool {
    let Some((_, listed)) = lower.split_once("failed the check") else {
        return false;
    };
    listed
        .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | ',' | '(' | ')'))
        .filter_map(|word| word.rsplit_once('@'))
        .any(|(_, domain)| PUBLIC_MAILBOXES.contains(&domain.trim_end_matches('.')))
}
