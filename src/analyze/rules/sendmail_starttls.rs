//! The user's own Sendmail deferred a message because its STARTTLS with the next server
//! failed: `ruleset=tls_server, arg1=SOFTWARE, relay=…, reject=403 4.7.0 TLS handshake
//! failed.` and `stat=Deferred: 403 4.7.0 TLS handshake failed.` `${verify}` SOFTWARE is the
//! handshake itself, not a certificate check; the tls_server ruleset defers instead of
//! sending in clear. The access map's `Try_TLS:host NO` makes the try_tls ruleset skip
//! STARTTLS for that host (Sendmail's Installation and Operation Guide, "try_tls"; the
//! cf/README). Recorded fix: brandonhutchinson.com's "TLS handshake failed" notes. RFC 3207
//! §4.1 (after a failed handshake the client decides).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "remote-starttls-failed",
    fix_id: "disable-starttls-for-host",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 3207 §4.1; Sendmail's Installation and Operation Guide (tls_server, try_tls, Try_TLS in the access map)",
    title: Tr::new(
        "Sendmail's STARTTLS with the next server failed",
        "Sendmail 与下一台服务器的 STARTTLS 失败",
    ),
    meaning: Tr::new(
        "Your Sendmail tried STARTTLS with the server it delivers to, and the handshake itself failed (arg1=SOFTWARE: the TLS software, not a certificate check). Its tls_server ruleset then defers the message with 403 4.7.0 rather than send it in clear, and every retry fails the same way while the other side's TLS stays as it is: an old or broken TLS there, or protocols and ciphers yours no longer offers.",
        "你的 Sendmail 在向下一台服务器投递时尝试 STARTTLS，而握手本身失败了（arg1=SOFTWARE：是 TLS 软件出错，不是证书检查）。它的 tls_server 规则集于是以 403 4.7.0 暂缓这封邮件，而不是用明文发送；只要对方的 TLS 不变，每次重试都会同样失败：对方的 TLS 陈旧或有缺陷，或者双方的协议和加密套件没有交集。",
    ),
    fix: Tr::new(
        "Look at the STARTTLS=client lines just before for the reason, and tell the other side's administrator. To deliver to that host meanwhile without TLS, skip STARTTLS for it in the access map: a line `Try_TLS:host.example.net NO` (a domain, host or IP address) in /etc/mail/access, then `makemap hash /etc/mail/access < /etc/mail/access` (FEATURE(`access_db') must be on).",
        "查看紧挨着的 STARTTLS=client 日志行找出原因，并告知对方的管理员。在此期间如需不用 TLS 向那台主机投递，就在 access 表中为它跳过 STARTTLS：在 /etc/mail/access 中加入一行 `Try_TLS:host.example.net NO`（域名、主机名或 IP 地址），然后执行 `makemap hash /etc/mail/access < /etc/mail/access`（需要开启 FEATURE(`access_db')）。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["tls handshake failed"])
        && (e.code == Some(403)
            || e.own_server
                .is_some_and(|p| p.contains("sendmail") || p.starts_with("sm-")))
}
