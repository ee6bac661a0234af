//! `rejected RCPT <…>: relay not permitted` in the user's own Exim mainlog: Exim's default
//! configuration refuses to relay for a host outside `relay_from_hosts` that did not
//! authenticate (its ACL `acl_check_rcpt`, `deny message = relay not permitted`).
//! RFC 5321 §3.6 (relaying).

use super::relay_own_server::own_refusal;
use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "relay-denied-own-exim",
    fix_id: "allow-relay-for-clients",
    kind: FindingKind::RelayDenied,
    severity: Severity::Error,
    source: "RFC 5321 §3.6 (relaying); Exim's default configuration (relay_from_hosts, acl_check_rcpt)",
    title: Tr::new("Your Exim refused to relay", "你的 Exim 拒绝中继"),
    meaning: Tr::new(
        "Your own Exim refused this client: the recipient's domain is not one it receives for, and the client neither authenticated nor comes from a host in relay_from_hosts — so acl_check_rcpt says \"relay not permitted\".",
        "你自己的 Exim 拒绝了这个客户端：收件人的域名不是它负责接收的，而客户端既没有认证，也不来自 relay_from_hosts 中的主机——所以 acl_check_rcpt 回复 \"relay not permitted\"。",
    ),
    fix: Tr::new(
        "Let the sending program authenticate (an authenticator such as dovecot_login or plain_server on port 587, and the program's user and password set), or, for a trusted host, add its address to `hostlist relay_from_hosts` in Exim's configuration (Debian: dc_relay_nets in /etc/exim4/update-exim4.conf.conf, then `update-exim4.conf`) and restart Exim. If the recipient's domain should be local, list it in `domainlist local_domains`.",
        "让发信程序进行认证（在 587 端口配置 dovecot_login 或 plain_server 等认证器，并在程序中填好用户名和密码）；或者，对于可信的主机，把它的地址加入 Exim 配置中的 `hostlist relay_from_hosts`（Debian：/etc/exim4/update-exim4.conf.conf 中的 dc_relay_nets，然后执行 `update-exim4.conf`），再重启 Exim。如果收件人的域名本应由本机接收，就把它列入 `domainlist local_domains`。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    own_refusal(e, "exim")
}
