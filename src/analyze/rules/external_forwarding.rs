//! Microsoft 365 refuses to send on a message its mailbox forwards outside the organization:
//! `550 5.7.520 Access denied, Your organization does not allow external forwarding. Please
//! contact your administrator for further assistance. AS(7555)` (Microsoft's published
//! 5.7.520; MicrosoftDocs/microsoft-365-docs#6235: the outbound spam filter policy's
//! automatic forwarding setting). RFC 3463 §3.8 (X.7.*, policy).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "external-forwarding-blocked",
    fix_id: "allow-forwarding-in-outbound-policy",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 3463 §3.8; Microsoft 365's published 5.7.520 (outbound spam filter policy, automatic forwarding)",
    title: Tr::new(
        "Microsoft 365 does not forward outside the organization",
        "Microsoft 365 不向组织外部转发",
    ),
    meaning: Tr::new(
        "The message came to a Microsoft 365 mailbox and was to be forwarded automatically to an outside address (an inbox rule, a mailbox forwarding, a redirect); the organization's outbound spam filter policy does not allow automatic external forwarding, so Microsoft refused to send it on. The original message was delivered to the mailbox; only the forwarded copy bounced.",
        "邮件送达了一个 Microsoft 365 邮箱，并要被自动转发到外部地址（收件箱规则、邮箱转发或重定向）；而组织的出站垃圾邮件筛选策略不允许自动向外部转发，所以 Microsoft 拒绝把它发出去。原邮件已经送达邮箱；退回的只是转发的那一份。",
    ),
    fix: Tr::new(
        "An administrator allows it: in the Microsoft Defender portal, Email & collaboration → Policies → Anti-spam → the outbound policy that covers the mailbox, set \"Automatic forwarding rules\" to On (best in a policy for those mailboxes alone). Otherwise remove the forwarding rule, or forward to an address inside the organization.",
        "由管理员放开：在 Microsoft Defender 门户中依次打开 电子邮件与协作 → 策略 → 反垃圾邮件 → 适用于该邮箱的出站策略，把“自动转发规则”设为“开”（最好单独为这些邮箱建一个策略）。否则就删掉转发规则，或转发到组织内部的地址。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["does not allow external forwarding"]) || e.enhanced == Some("5.7.520")
}
