//! Gmail (and Google Workspace) refuses the account's own password over SMTP: `535-5.7.8
//! Username and Password not accepted … BadCredentials`, `534-5.7.9 Application-specific
//! password required`, `534-5.7.14 … Please log in via your web browser` (the sign-in stopped,
//! node-red/node-red-nodes#284). Google's published replies; RFC 4954 §6 defines 535 and 534.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "gmail-app-password",
    fix_id: "use-app-password",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6 (535, 534); Google's replies 5.7.8 BadCredentials and 5.7.9",
    title: Tr::new("Gmail wants an app password", "Gmail 要求使用应用专用密码"),
    meaning: Tr::new(
        "Gmail refused the login. With 2-Step Verification on (and since \"less secure apps\" were switched off, for every account), Gmail accepts over SMTP only an app password, never the password you log in to the web with; a mistyped address or password gets the same reply.",
        "Gmail 拒绝了登录。开启两步验证后（自从“不够安全的应用”被关闭以来，所有账号都是如此），Gmail 在 SMTP 上只接受应用专用密码，不接受网页登录密码；地址或密码输错也会得到同样的回复。",
    ),
    fix: Tr::new(
        "Turn on 2-Step Verification for the Google account, create an app password (Google Account → Security → App passwords), and put its 16 letters — without spaces — where the program asks for the password; the user name is the full address. Use smtp.gmail.com port 587 with STARTTLS or 465 with TLS.",
        "为 Google 账号开启两步验证，创建一个应用专用密码（Google 账号 → 安全性 → 应用专用密码），把这 16 个字母（不带空格）填到程序要求填写密码的地方；用户名是完整的邮箱地址。使用 smtp.gmail.com 的 587 端口加 STARTTLS，或 465 端口加 TLS。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&[
        "username and password not accepted",
        "badcredentials",
        "application-specific password",
        "invalidsecondfactor",
        // `534-5.7.14 <https://accounts.google.com/signin/continue?…> Please log in via your
        // web browser and then try again` (support.google.com/mail/answer/78754): Google
        // stopped the sign-in of a program that gave the account's own password.
        "log in via your web browser",
    ]) || (e.code == Some(534) && matches!(e.enhanced, Some("5.7.9") | Some("5.7.14")))
}
