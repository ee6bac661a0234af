//! The user's own Exim relays through a smarthost that wants a login, and sent none: its
//! mainlog's `** … R=smarthost T=remote_smtp_smarthost H=smtp.gmail.com …: SMTP error from
//! remote mail server after pipelined MAIL FROM:<…>: 530-5.5.1 Authentication Required`
//! (imthenachoman/How-To-Secure-A-Linux-Server#42, #107). Debian's exim4 logs in only with a
//! line of /etc/exim4/passwd.client whose host matches the smarthost's name as reverse DNS
//! gives it, not as the configuration writes it (tianon/dockerfiles#68: a line that stopped
//! matching when the provider's servers changed names). Its authenticators send PLAIN and
//! LOGIN only over TLS unless AUTH_CLIENT_ALLOW_NOTLS_PASSWORDS is set (exim4.conf.template;
//! recorded: tests/fixtures/exim-verbose/login-needs-tls.txt). RFC 4954 §6 (530); Debian's
//! exim4-config_files(5).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "exim-relay-without-login",
    fix_id: "give-exim-the-relay-password",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 4954 §6 (530); Debian's exim4-config_files(5) (/etc/exim4/passwd.client)",
    title: Tr::new(
        "Your Exim relayed without logging in",
        "你的 Exim 经中继发信时没有登录",
    ),
    meaning: Tr::new(
        "This is your own Exim's log: it passed the message to its smarthost without authenticating, and the smarthost wants a login first. Debian's exim4 logs in only when /etc/exim4/passwd.client has a line whose host part matches the smarthost, and that name is the one the reverse DNS of the smarthost's IP address gives, not the name in the configuration. A provider that moves its servers to other names (tianon/dockerfiles#68) makes an old line stop matching. And it sends a PLAIN or LOGIN password only over TLS: when the dialog shows no STARTTLS before the login would come, it sends no AUTH even with the right line.",
        "这是你自己的 Exim 的日志：它没有认证就把邮件交给了中继主机（smarthost），而中继主机要求先登录。Debian 的 exim4 只有在 /etc/exim4/passwd.client 中有一行的主机部分与中继主机相符时才会登录，而这个名称取自中继主机 IP 地址的反向解析，不是配置里写的名字。服务商把服务器换成别的名称时（tianon/dockerfiles#68），原来的那一行就不再匹配。而且它只在 TLS 连接上发送 PLAIN 或 LOGIN 密码：如果对话中登录之前没有 STARTTLS，即使那一行写对了，它也不会发送 AUTH。",
    ),
    fix: Tr::new(
        "In /etc/exim4/passwd.client write `host:login:password` with a host part that matches the reverse DNS name of each address of the smarthost (`host smtp.example.net`, then `host` on each address), or a wildcard such as `*.example.net:login:password`. Keep the file root:Debian-exim 640. If the smarthost offers no STARTTLS on that port, use its TLS port (465 with `REMOTE_SMTP_SMARTHOST_PROTOCOL = smtps` in /etc/exim4/exim4.conf.localmacros) rather than allowing passwords in clear (AUTH_CLIENT_ALLOW_NOTLS_PASSWORDS). Then `update-exim4.conf`, `systemctl restart exim4`, and `exim -qff` to retry the waiting mail.",
        "在 /etc/exim4/passwd.client 中写 `主机:登录名:密码`，主机部分要与中继主机每个地址的反向解析名称相符（先 `host smtp.example.net`，再对每个地址执行 `host`），或用通配符，例如 `*.example.net:登录名:密码`。文件保持 root:Debian-exim 640。如果中继主机在这个端口上不提供 STARTTLS，请改用它的 TLS 端口（465，并在 /etc/exim4/exim4.conf.localmacros 中写 `REMOTE_SMTP_SMARTHOST_PROTOCOL = smtps`），而不是允许明文密码（AUTH_CLIENT_ALLOW_NOTLS_PASSWORDS）。然后执行 `update-exim4.conf`、`systemctl restart exim4`，再用 `exim -qff` 重试等待中的邮件。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.own_client == Some("exim") && super::relay_without_login::relay_wants_login(e)
}
