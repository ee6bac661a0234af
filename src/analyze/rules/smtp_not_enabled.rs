//! 163.com answers `550 User has no permission` when the account's SMTP service is not
//! switched on (163.com's help on its SMTP replies). RFC 5321 §4.2.3 defines 550.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "smtp-not-enabled",
    fix_id: "enable-smtp-service",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (550); 163.com's reply \"User has no permission\"",
    title: Tr::new(
        "SMTP is not switched on for the account",
        "该账号没有开启 SMTP 服务",
    ),
    meaning: Tr::new(
        "163.com says this when the account may not send through SMTP: the SMTP service is off, or the client logged in without the authorization code.",
        "163.com 在账号无权通过 SMTP 发信时这样回复：SMTP 服务没有开启，或者客户端没有用授权码登录。",
    ),
    fix: Tr::new(
        "In the web mailbox open Settings → POP3/SMTP/IMAP, switch on the SMTP service and generate the client authorization code; log in with the full address and that code, and send as that address.",
        "登录网页邮箱，打开 设置 → POP3/SMTP/IMAP，开启 SMTP 服务并生成客户端授权码；用完整邮箱地址和授权码登录，并以该地址作为发件人。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["user has no permission"])
}
