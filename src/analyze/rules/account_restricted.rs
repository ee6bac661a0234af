//! Microsoft 365 has restricted the sending account for sending spam: `550 5.1.8 Access
//! denied, bad outbound sender` (Microsoft's published 5.1.8) and `554 5.2.0
//! STOREDRV.Submission.Exception:OutboundSpamException; … Actual verdict is Suspend`. The
//! account (often compromised) may not send until an administrator releases it; `550 5.7.501
//! Access denied, spam abuse detected` is the same ban. RFC 3463
//! §3.8 (X.7.*, policy) for what it is; Microsoft writes 5.1.8 and 5.2.0.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "account-restricted-for-spam",
    fix_id: "secure-and-release-account",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 3463 §3.8; Microsoft 365's published 5.1.8 (bad outbound sender), 5.7.501 (spam abuse detected) and OutboundSpamException",
    title: Tr::new(
        "Microsoft 365 has blocked this account from sending",
        "Microsoft 365 已禁止这个账户发信",
    ),
    meaning: Tr::new(
        "Microsoft 365 found the account sending spam, or more than its limits allow, and restricted it: it may log in but not send, to anyone, until an administrator releases it. Most often the password was stolen and the account sent spam.",
        "Microsoft 365 发现这个账户在发送垃圾邮件或超出了发送限制，于是限制了它：账户还能登录，但在管理员解除之前无法向任何人发信。最常见的原因是密码被盗、账户被用来发送垃圾邮件。",
    ),
    fix: Tr::new(
        "Secure the account first: change its password, turn on multi-factor authentication, remove inbox rules and forwarding you did not set, and check the sent items. Then an administrator releases it in the Microsoft Defender portal (Email & collaboration → Review → Restricted entities), and it can send again within about an hour.",
        "先保护好账户：修改密码，开启多重身份验证，删除不是你设置的收件箱规则和转发，并检查已发送邮件。然后由管理员在 Microsoft Defender 门户中解除限制（电子邮件与协作 → 审阅 → 受限实体），大约一小时内即可恢复发信。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&[
        "outboundspamexception",
        "bad outbound sender",
        // `550 5.7.501 Access denied, spam abuse detected` (Microsoft's published 5.7.501:
        // the sending account was banned for spam; dougperkes/Visual-Graph-Explorer#1).
        "spam abuse detected",
    ])
}
