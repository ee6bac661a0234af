//! `ruleset=check_rcpt, arg1=<…>, relay=…, reject=550 5.7.1 <…>... Relaying denied` in the
//! user's own Sendmail log: the client's address is not allowed to relay in the access
//! database, and it did not authenticate. RFC 5321 §3.6 (relaying).

use super::relay_own_server::own_refusal;
use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "relay-denied-own-sendmail",
    fix_id: "allow-relay-for-clients",
    kind: FindingKind::RelayDenied,
    severity: Severity::Error,
    source: "RFC 5321 §3.6 (relaying); Sendmail's check_rcpt and access database",
    title: Tr::new("Your Sendmail refused to relay", "你的 Sendmail 拒绝中继"),
    meaning: Tr::new(
        "Your own Sendmail refused this client: the recipient's domain is not one it receives for, and the client neither authenticated (SMTP AUTH) nor has RELAY in the access database — so check_rcpt says \"Relaying denied\".",
        "你自己的 Sendmail 拒绝了这个客户端：收件人的域名不是它负责接收的，而客户端既没有认证（SMTP AUTH），在 access 数据库中也没有 RELAY——所以 check_rcpt 回复 \"Relaying denied\"。",
    ),
    fix: Tr::new(
        "Let the sending program authenticate with SMTP AUTH (Sendmail with Cyrus SASL and saslauthd running), or, for a trusted host, add `Connect:203.0.113.66 RELAY` (its address) to /etc/mail/access, rebuild the map (`makemap hash /etc/mail/access < /etc/mail/access`) and restart Sendmail. If the recipient's domain should be local, add it to /etc/mail/local-host-names.",
        "让发信程序用 SMTP AUTH 认证（Sendmail 配合 Cyrus SASL，并确保 saslauthd 在运行）；或者，对于可信的主机，在 /etc/mail/access 中加入 `Connect:203.0.113.66 RELAY`（它的地址），重建映射（`makemap hash /etc/mail/access < /etc/mail/access`）并重启 Sendmail。如果收件人的域名本应由本机接收，就把它加入 /etc/mail/local-host-names。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    own_refusal(e, "sendmail")
}
