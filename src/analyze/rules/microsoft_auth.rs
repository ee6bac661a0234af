//! Exchange / Office 365 `535 5.7.3 Authentication unsuccessful`: the password is wrong, or
//! authenticated SMTP is not allowed for the mailbox (Microsoft's published reply).
//! RFC 4954 §6 defines 535.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "microsoft-auth-unsuccessful",
    fix_id: "check-password-and-smtp-auth",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6 (535); Exchange's 5.7.3 \"Authentication unsuccessful\"",
    title: Tr::new(
        "Exchange refused the login",
        "Exchange 拒绝了登录",
    ),
    meaning: Tr::new(
        "Exchange and Office 365 give this one answer for two causes: the user name or password is wrong (or expired), or the mailbox may not use authenticated SMTP.",
        "Exchange 和 Office 365 对两种原因给出同一个回复：用户名或密码错误（或已过期），或者该邮箱不允许使用经过身份验证的 SMTP。",
    ),
    fix: Tr::new(
        "First log in to Outlook on the web with the same address and password: if that fails, reset the password (the user name is the full address). If it works, an administrator must enable \"Authenticated SMTP\" for the mailbox (Microsoft 365 admin center → the user → Mail → Manage email apps) — or use OAuth 2.0.",
        "先用同样的地址和密码登录网页版 Outlook：如果登录失败，就重置密码（用户名是完整的邮箱地址）。如果能登录，就需要管理员为该邮箱开启“经过身份验证的 SMTP”（Microsoft 365 管理中心 → 该用户 → 邮件 → 管理电子邮件应用）——或者改用 OAuth 2.0。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["authentication unsuccessful"])
        && (e.enhanced == Some("5.7.3")
            || e.has(&["5.7.3 authentication unsuccessful"])
            // Microsoft 365's newer wording of the same answer.
            || (e.enhanced == Some("5.7.139") && e.has(&["credentials were incorrect"])))
}
