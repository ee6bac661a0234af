//! The client itself will not send a password in clear text: msmtp's `cannot use a secure
//! authentication method` (`auth on` with `tls off`, and the server offers only PLAIN or
//! LOGIN; LukeSmithxyz/mutt-wizard#667) and Go's net/smtp `PlainAuth`, which refuses an
//! unencrypted connection to anything but localhost (`Auth: unencrypted connection`,
//! go-gitea/gitea#7966). The server refused nothing. RFC 4954 §4 and RFC 8314 §3 (use TLS
//! for submission).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "client-wants-tls",
    fix_id: "enable-client-tls",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 4954 §4, RFC 8314 §3; msmtp and Go's net/smtp as they report it",
    title: Tr::new(
        "The client will not send the password without TLS",
        "客户端不肯在没有 TLS 的情况下发送密码",
    ),
    meaning: Tr::new(
        "The client stopped before AUTH on its own: the connection is not encrypted, and it will not send a password in clear text with the mechanisms the server offers (PLAIN and LOGIN carry it readable). msmtp says \"cannot use a secure authentication method\" when auth is on and TLS off; Go's net/smtp PlainAuth refuses any unencrypted connection except to localhost. The server refused nothing.",
        "客户端自己在 AUTH 之前停下了：连接没有加密，而服务器提供的机制（PLAIN 和 LOGIN 传送的是可读的密码）会让密码以明文发出，它不肯这样做。msmtp 在开启认证却关闭 TLS 时会说 \"cannot use a secure authentication method\"；Go 的 net/smtp PlainAuth 拒绝除 localhost 以外的任何未加密连接。服务器并没有拒绝任何东西。",
    ),
    fix: Tr::new(
        "Turn TLS on: STARTTLS on port 587 (msmtp: `tls on` and `tls_starttls on`; Go: connect, then `StartTLS` before `Auth`, which `smtp.SendMail` does when the server offers it) or TLS from the first byte on port 465 (msmtp: `tls on`, `tls_starttls off`; Go: `tls.Dial`, then `smtp.NewClient`). Do not switch the client's check off: the password would cross the network readable.",
        "打开 TLS：587 端口用 STARTTLS（msmtp：`tls on` 和 `tls_starttls on`；Go：连接后先 `StartTLS` 再 `Auth`，服务器提供 STARTTLS 时 `smtp.SendMail` 会自动这样做），或者 465 端口一开始就用 TLS（msmtp：`tls on`、`tls_starttls off`；Go：`tls.Dial` 后再 `smtp.NewClient`）。不要关掉客户端的这项检查：那样密码会以可读的形式在网络上传输。",
    ),
};

/// What the programs print, lower-case.
pub(crate) const WORDS: [&str; 3] = [
    "cannot use a secure authentication method",
    "auth: unencrypted connection",
    // Go's net/smtp as Alertmanager logs it: `*smtp.plainAuth failed: unencrypted
    // connection` (prometheus/alertmanager#1358).
    "plainauth failed: unencrypted connection",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
