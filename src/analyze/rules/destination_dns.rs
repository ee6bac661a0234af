//! The user's own Postfix could not look up where to deliver: `Host or domain name not
//! found. Name service error for name=<name> type=<MX|A|AAAA>: Host not found[, try again]`
//! (mail-in-a-box/mailinabox#1607, kalungia/ox-app-suite#9, marlam/msmtp#42); OpenSMTPD's
//! `Temporary failure in MX lookup`. "Host not
//! found" is a name that does not exist; ", try again" a lookup that failed. RFC 5321 §5.1
//! (locating the target host).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

/// The cause id (the diagnosis gives a relay host's failure to host_unresolvable.rs).
pub(crate) const CAUSE: &str = "destination-dns-failed";

pub(super) const RULE: Rule = Rule {
    cause: CAUSE,
    fix_id: "check-destination-dns",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §5.1 (locating the target host); Postfix's name service errors",
    title: Tr::new(
        "The mail server could not look up where to deliver",
        "邮件服务器查不到该投递到哪里",
    ),
    meaning: Tr::new(
        "Before any SMTP, the DNS lookup of the name in the line failed: type=MX for the recipient's domain, type=A or AAAA for a relay, LMTP or next host. \"Host not found\" means the name does not exist: a typo in the recipient's domain (a stray character at its end), or a host name this server cannot resolve (a container's name outside its network). \", try again\" means the lookup itself failed: the server's resolver or the domain's name servers did not answer, and the queue retries.",
        "在任何 SMTP 之前，对该行中名字的 DNS 查询就失败了：type=MX 是收件人的域，type=A 或 AAAA 是中继、LMTP 或下一跳主机。\"Host not found\" 表示这个名字不存在：收件人域名有拼写错误（例如末尾多了字符），或者是这台服务器无法解析的主机名（例如在容器网络之外的容器名）。\", try again\" 表示查询本身失败了：服务器的解析器或该域的域名服务器没有应答，队列会重试。",
    ),
    fix: Tr::new(
        "Ask from the server itself: `dig MX <domain>` (or `dig A <host>`), and `postconf relayhost lmtp transport_maps` for the host names it uses. Correct a mistyped address; make a container or LMTP host name resolvable (its network, or an IP address in the setting); for \"try again\", check /etc/resolv.conf (Postfix in a chroot reads its own copy under /var/spool/postfix/etc) and whether the domain's name servers answer, then `postqueue -f`.",
        "在服务器上直接查询：`dig MX <域>`（或 `dig A <主机>`），并用 `postconf relayhost lmtp transport_maps` 看它用到的主机名。改正拼错的地址；让容器或 LMTP 主机名可以解析（接入它的网络，或在设置中写 IP 地址）；对于 \"try again\"，检查 /etc/resolv.conf（chroot 中的 Postfix 读的是 /var/spool/postfix/etc 下它自己的副本）以及该域的域名服务器是否应答，然后 `postqueue -f`。",
    ),
};

/// What Postfix writes, lower-case.
pub(crate) const WORDS: [&str; 4] = [
    "name service error for name=",
    // The same in a bounce's Diagnostic-Code, where the line may break before `for name=`.
    "host or domain name not found",
    // OpenSMTPD: `smtp-out: Failed to resolve MX for [relay:gmail.com,smtp]: Temporary
    // failure in MX lookup`, and its delivery's `stat="Temporary failure in MX lookup"`
    // (OpenSMTPD/OpenSMTPD#1191).
    "failed to resolve mx",
    "failure in mx lookup",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
