//! The user's own Exim could not set up TLS with the next server and went on without it:
//! `TLS session: (certificate verification failed): certificate invalid: delivering
//! unencrypted to H=smtp.example.com [127.0.0.1] (not in hosts_require_tls)`, recorded from
//! Debian's Exim 4.96 delivering to a smarthost whose certificate it did not trust
//! (tests/fixtures/exim-verbose/starttls-untrusted.txt). The handshake did not stop the
//! delivery: Exim connected again and sent in clear. Debian's exim4.conf.template sends
//! PLAIN and LOGIN passwords only over TLS, so a smarthost that wants STARTTLS or a login
//! then refuses the mail; `REMOTE_SMTP_SMARTHOST_TLS_VERIFY_CERTIFICATES` and
//! `REMOTE_SMTP_SMARTHOST_HOSTS_REQUIRE_TLS` are that template's macros. RFC 3207 §4.1.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "exim-tls-fell-back",
    fix_id: "make-exim-trust-the-smarthost",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 3207 §4.1; Exim's smtp transport (hosts_require_tls); Debian's exim4.conf.template",
    title: Tr::new(
        "Your Exim gave up on TLS and sent in clear",
        "你的 Exim 放弃了 TLS，改用明文发送",
    ),
    meaning: Tr::new(
        "This is your own Exim's log: it could not set up TLS with the next server (here it did not trust the server's certificate) and, as the host is not in hosts_require_tls, it connected again and went on without TLS. Debian's exim4 sends no password (PLAIN, LOGIN) over an unencrypted connection, so a server that wants STARTTLS or a login refuses the mail after this; one that takes mail in clear gets it unencrypted.",
        "这是你自己的 Exim 的日志：它无法与下一台服务器建立 TLS（这里是它不信任服务器的证书），而这台主机不在 hosts_require_tls 中，于是它重新连接，不用 TLS 继续发送。Debian 的 exim4 不会在未加密的连接上发送密码（PLAIN、LOGIN），所以要求 STARTTLS 或登录的服务器随后会拒收邮件；接受明文的服务器则收到未加密的邮件。",
    ),
    fix: Tr::new(
        "Make Exim trust the server's certificate. A public server's certificate needs the system's authorities (the ca-certificates package); for your own authority or a self-signed certificate, put `REMOTE_SMTP_SMARTHOST_TLS_VERIFY_CERTIFICATES = /etc/exim4/smarthost-ca.pem` in /etc/exim4/exim4.conf.localmacros. Name the smarthost as its certificate does (dc_smarthost in /etc/exim4/update-exim4.conf.conf). Add `REMOTE_SMTP_SMARTHOST_HOSTS_REQUIRE_TLS = *` there too, so Exim never falls back to clear text. Then `update-exim4.conf`, `systemctl restart exim4`, and `exim -qff`.",
        "让 Exim 信任服务器的证书。公共服务器的证书需要系统的证书机构（ca-certificates 软件包）；如果是你自己的证书机构或自签名证书，在 /etc/exim4/exim4.conf.localmacros 中写 `REMOTE_SMTP_SMARTHOST_TLS_VERIFY_CERTIFICATES = /etc/exim4/smarthost-ca.pem`。中继主机的名字要与证书上的一致（/etc/exim4/update-exim4.conf.conf 中的 dc_smarthost）。再在同一文件中加上 `REMOTE_SMTP_SMARTHOST_HOSTS_REQUIRE_TLS = *`，让 Exim 不再退回明文。然后执行 `update-exim4.conf`、`systemctl restart exim4` 和 `exim -qff`。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["delivering unencrypted to"])
}
