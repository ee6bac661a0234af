//! 163.com, 126.com (Coremail) and QQ Mail refuse the web password over SMTP and want the
//! client authorization code (客户端授权码): `535 Error: authentication failed` (no enhanced
//! code), QQ's `535 Login Fail. Please enter your authorization code to login` and its GBK
//! text 请使用授权码登录 with help page no=1001256. RFC 4954 §6 defines 535.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "authorization-code",
    fix_id: "use-authorization-code",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6 (535); the replies of 163.com/126.com (Coremail) and QQ Mail",
    title: Tr::new(
        "The provider wants its authorization code",
        "服务商要求使用授权码",
    ),
    meaning: Tr::new(
        "This is how 163.com, 126.com and QQ Mail refuse a login over SMTP: they do not take the password of the web mailbox, only the client authorization code (授权码) generated after the SMTP service is switched on. Tencent Exmail answers the same for a wrong password, or when the account needs its client-specific password.",
        "这是 163.com、126.com 和 QQ 邮箱在 SMTP 上拒绝登录的方式：它们不接受网页邮箱的登录密码，只接受开启 SMTP 服务后生成的客户端授权码。腾讯企业邮在密码错误、或账户需要客户端专用密码时，也这样回复。",
    ),
    fix: Tr::new(
        "Keep the server you use. 163.com, 126.com, QQ Mail: in the web mailbox open Settings → POP3/SMTP/IMAP, switch on the SMTP service, generate an authorization code (QQ: by SMS) and use it as the password (server smtp.163.com, smtp.126.com or smtp.qq.com, port 465 with SSL). Tencent Exmail (smtp.exmail.qq.com) and other company mail: the account's own password, or its client-specific password (客户端专用密码) when WeChat binding or secure login is on; the administrator may also have to allow IMAP/SMTP for the account. Everywhere the user name is the full address, and the sender (MAIL FROM and From:) must be that same address.",
        "服务器保持不变。163.com、126.com、QQ 邮箱：登录网页邮箱，打开 设置 → POP3/SMTP/IMAP，开启 SMTP 服务，生成授权码（QQ 邮箱需发短信验证），把授权码当作密码填写（服务器 smtp.163.com、smtp.126.com 或 smtp.qq.com，465 端口加 SSL）。腾讯企业邮（smtp.exmail.qq.com）及其他企业邮箱：使用账户自己的密码；开启了微信绑定或安全登录时，使用客户端专用密码；管理员可能还需要为该账户开启 IMAP/SMTP。无论哪种，用户名都是完整的邮箱地址，发件人（MAIL FROM 和 From:）也必须是这个地址。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    let coremail_535 = e.code == Some(535)
        && e.enhanced.is_none()
        && e.lower
            .trim_start()
            .starts_with("error: authentication failed");
    coremail_535 || e.has(&["authorization code", "授权码", "no=1001256", "login fail"])
}
