//! msmtp spoke in clear where the server wants STARTTLS first: Gmail's `530 5.7.0 Must issue a
//! STARTTLS command first`, Outlook's `451 5.7.3 STARTTLS is required to send mail`, in its
//! own messages (`msmtp: server message: …`) or its `--debug` dialogue. The account it used
//! has no `tls on` (msmtp's default is off); in LukeSmithxyz/mutt-wizard#591 msmtp read
//! another configuration file than the one with TLS in it, which its `could not send mail
//! (account … from FILE)` names. RFC 3207 §4 (530); msmtp's manual and its example
//! msmtprc (`tls on`, `tls_starttls on` for port 587, `auth on`).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const WITHOUT_TLS: Rule = Rule {
    cause: "msmtp-without-tls",
    fix_id: "turn-on-msmtp-tls",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 3207 §4 (530); msmtp's manual (tls, tls_starttls, auth)",
    title: Tr::new("msmtp did not start TLS", "msmtp 没有启动 TLS"),
    meaning: Tr::new(
        "The server wants STARTTLS before the login or the message, and msmtp did not send it: the account it used has no `tls on`, so it spoke in clear (and without `auth on` it does not log in either). Often the settings are right but in another file than the one msmtp read: its line \"could not send mail (account … from FILE)\" names the file.",
        "服务器要求在登录或发信之前先 STARTTLS，而 msmtp 没有发送：它所用的账户没有 `tls on`，所以用明文通信（没有 `auth on` 时也不会登录）。常见的情况是设置本身没错，却写在另一个文件里，而不是 msmtp 读取的那个：它的“could not send mail (account … from FILE)”一行写明了读取的文件。",
    ),
    fix: Tr::new(
        "In the account msmtp used (in the file its message names; by default ~/.msmtprc or ~/.config/msmtp/config), set `tls on`, and for port 587 `tls_starttls on` (for port 465 `tls_starttls off`), with `auth on`, `user` and the password. If your settings are in another file, point msmtp at it with `msmtp -C FILE` (or your mail program's sendmail command), or move them. `msmtp --debug` shows which file it loads.",
        "在 msmtp 所用的账户中（在它消息中写明的文件里；默认是 ~/.msmtprc 或 ~/.config/msmtp/config）设置 `tls on`，587 端口再设 `tls_starttls on`（465 端口设 `tls_starttls off`），并设置 `auth on`、`user` 和密码。如果你的设置在另一个文件里，用 `msmtp -C 文件` 指向它（或在邮件客户端的 sendmail 命令中指定），或者把设置移过去。`msmtp --debug` 会显示它加载了哪个文件。",
    ),
};

pub(super) fn without_tls(e: &Evidence<'_>) -> bool {
    e.own_client == Some("msmtp")
        && matches!(e.class(), Some(4) | Some(5))
        && e.has(&[
            "must issue a starttls",
            "starttls command first",
            "tls is required",
            "tls required",
            "tls first",
        ])
}
