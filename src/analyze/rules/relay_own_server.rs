//! `NOQUEUE: reject: RCPT from …: 554 5.7.1 <…>: Relay access denied` in the user's own
//! Postfix log: smtpd refused a client its relay restrictions do not permit
//! (smtpd_relay_restrictions: permit_mynetworks, permit_sasl_authenticated,
//! reject_unauth_destination). RFC 5321 §3.6 (relaying), §4.2.3 (554).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "relay-denied-own-server",
    fix_id: "allow-relay-for-clients",
    kind: FindingKind::RelayDenied,
    severity: Severity::Error,
    source: "RFC 5321 §3.6 (relaying), §4.2.3 (554); Postfix reject_unauth_destination",
    title: Tr::new(
        "Your server refused to relay",
        "你的服务器拒绝中继",
    ),
    meaning: Tr::new(
        "Your own Postfix refused this client: the recipient's domain is not one it receives for, and the client neither logged in (SASL) nor comes from an address in mynetworks — so reject_unauth_destination refuses to relay.",
        "你自己的 Postfix 拒绝了这个客户端：收件人的域名不是它负责接收的，而客户端既没有登录（SASL），也不来自 mynetworks 中的地址——所以 reject_unauth_destination 拒绝中继。",
    ),
    fix: Tr::new(
        "Let the sending program authenticate: submission port 587 with SASL AUTH (smtpd_sasl_auth_enable = yes, permit_sasl_authenticated before reject_unauth_destination), with the program's user and password set. Or, for a trusted host such as your web app or a container network, add its address to mynetworks (e.g. `mynetworks = 127.0.0.0/8 [::1]/128 203.0.113.5/32`) and `postfix reload`. If the recipient's domain should be local, list it in mydestination, virtual_mailbox_domains or relay_domains.",
        "让发信程序进行认证：使用 587 提交端口和 SASL AUTH（smtpd_sasl_auth_enable = yes，并把 permit_sasl_authenticated 放在 reject_unauth_destination 之前），并在程序中填好用户名和密码。或者，对于可信的主机（例如你的网站程序或容器网络），把它的地址加入 mynetworks（如 `mynetworks = 127.0.0.0/8 [::1]/128 203.0.113.5/32`）并执行 `postfix reload`。如果收件人的域名本应由本机接收，就把它列入 mydestination、virtual_mailbox_domains 或 relay_domains。",
    ),
};

/// The refusals of relaying the user's own server logs (Postfix, Exim, Sendmail).
pub(super) const RELAY_REFUSED: [&str; 4] = [
    "relay access denied",
    "relaying denied",
    "relay not permitted",
    "relaying not allowed",
];

/// Whether the user's own server refused to relay, and it is `program` (by the start of its
/// log name: `postfix`, `exim`, `sendmail`).
pub(super) fn own_refusal(e: &Evidence<'_>, program: &str) -> bool {
    e.own_server.is_some_and(|p| p.starts_with(program)) && e.has(&RELAY_REFUSED)
}

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // Exim and Sendmail have rules of their own, tried first (relay_own_exim,
    // relay_own_sendmail); any other server of the user's is read as Postfix is.
    e.own_server.is_some() && e.has(&RELAY_REFUSED)
}
