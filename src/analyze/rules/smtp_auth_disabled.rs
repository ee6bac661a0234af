//! Microsoft 365 / Exchange Online with authenticated SMTP switched off: `535 5.7.139
//! Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant` or
//! `… basic authentication is disabled` (Microsoft's published replies and
//! https://aka.ms/smtp_auth_disabled). RFC 4954 §6 defines 535.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "smtp-auth-disabled",
    fix_id: "enable-smtp-auth",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6 (535); Microsoft's 5.7.139 replies (aka.ms/smtp_auth_disabled)",
    title: Tr::new(
        "SMTP AUTH is disabled at Microsoft",
        "微软关闭了 SMTP AUTH",
    ),
    meaning: Tr::new(
        "Microsoft 365 refuses every password login over SMTP for this mailbox or the whole tenant: authenticated SMTP (SMTP AUTH) is switched off, or basic authentication is blocked (Security Defaults). The password is not the problem; an app password does not help either.",
        "Microsoft 365 拒绝了这个邮箱（或整个租户）在 SMTP 上的所有密码登录：经过身份验证的 SMTP（SMTP AUTH）被关闭了，或者基本身份验证被禁止（安全默认值）。问题不在密码；应用专用密码也没有用。",
    ),
    fix: Tr::new(
        "An administrator enables it: Microsoft 365 admin center → Users → the mailbox → Mail → Manage email apps → tick \"Authenticated SMTP\" (or `Set-CASMailbox -Identity user@example.com -SmtpClientAuthenticationDisabled $false`; for the tenant `Set-TransportConfig -SmtpClientAuthenticationDisabled $false`), and allow basic authentication for it (Security Defaults off, or an exception). Otherwise send with OAuth 2.0 (XOAUTH2), or through another provider.",
        "由管理员开启：Microsoft 365 管理中心 → 用户 → 该邮箱 → 邮件 → 管理电子邮件应用 → 勾选“经过身份验证的 SMTP”（或运行 `Set-CASMailbox -Identity user@example.com -SmtpClientAuthenticationDisabled $false`；整个租户用 `Set-TransportConfig -SmtpClientAuthenticationDisabled $false`），并允许它使用基本身份验证（关闭安全默认值或设置例外）。否则就改用 OAuth 2.0（XOAUTH2）发信，或换用其他服务商。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // Microsoft sends 5.7.139 with other texts too: "the user credentials were incorrect"
    // is a wrong user name or password, not SMTP AUTH switched off.
    let wrong_credentials = e.has(&["credentials were incorrect", "credentials are incorrect"]);
    e.has(&[
        "smtpclientauthentication is disabled",
        "basic authentication is disabled",
        "smtp_auth_disabled",
    ]) || (e.enhanced == Some("5.7.139") && !wrong_credentials)
}
