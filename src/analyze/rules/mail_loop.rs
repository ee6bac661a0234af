//! The user's own Postfix would send the mail to itself: `status=bounced (mail for
//! example.com loops back to myself)` (dsn 5.4.6). The domain's MX (or the relayhost, or a
//! transport) points to this host, yet the domain is not one Postfix takes mail for.
//! RFC 5321 §5.1 (an MX list that names the host itself); RFC 3463 §3.5 (X.4.6, routing
//! loop).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "mail-loops-back",
    fix_id: "list-domain-or-fix-route",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §5.1; RFC 3463 §3.5 (X.4.6); Postfix's \"loops back to myself\"",
    title: Tr::new(
        "The mail would loop back to this server",
        "邮件会回环到本服务器",
    ),
    meaning: Tr::new(
        "Your Postfix looked up where to deliver the domain and found itself: the domain's MX record, the relayhost or a transport names this very host, yet the domain is not among those Postfix delivers locally. Sending it on would loop, so it bounced.",
        "你的 Postfix 查找该域名的投递目标时找到了自己：域名的 MX 记录、relayhost 或某条 transport 指向的正是这台主机，但这个域名又不在 Postfix 本地投递的域名之中。继续发送会形成回环，于是邮件被退回。",
    ),
    fix: Tr::new(
        "If this server should receive the domain's mail, list the domain: in mydestination for system users, or in virtual_mailbox_domains / virtual_alias_domains for virtual ones (`postconf mydestination`), then `postfix reload`. If the mail should go elsewhere, make the route point there: the relayhost or transport entry, or the domain's MX (`dig MX example.com`), must not name this host. A common case: a web server whose own hostname is the domain, sending to the domain's mailboxes hosted elsewhere.",
        "如果这台服务器应该接收该域名的邮件，就把域名列上：系统用户放在 mydestination 中，虚拟用户放在 virtual_mailbox_domains / virtual_alias_domains 中（`postconf mydestination` 查看），然后 `postfix reload`。如果邮件应发往别处，就让路由指向那里：relayhost、transport 条目或域名的 MX（`dig MX example.com`）都不能指向这台主机。常见情形：网站服务器的主机名就是该域名，而域名的邮箱托管在别处。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["loops back to myself"])
}
