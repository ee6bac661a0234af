//! The client is set to log in but has no user name, so it never sends AUTH. Postfix: a SASL
//! password entry for its relay host with no user name makes its SASL library stop before
//! AUTH: Cyrus's `warning: SASL authentication failure: All-whitespace username.`, then `SASL
//! authentication failed; cannot authenticate to server …: generic failure`, deferred with
//! 4.7.0. Recorded from Debian 12's Postfix 3.7 with libsasl2-modules
//! (scripts/record-postfix-client-sasl.sh): an entry `[host]:port :` gives exactly these
//! lines and no AUTH; a user name with an empty password does send AUTH, and no entry at all
//! sends none and logs nothing of SASL. A container that writes the entry from empty
//! variables leaves it so (loganmarchione/docker-postfixrelay#62, relaying to Google
//! Workspace's SMTP relay, which admits allow-listed addresses without a login). Nodemailer:
//! `Missing credentials for "PLAIN"` when its `auth` option is given without a user or
//! password, before any AUTH (stonith404/pingvin-share#592, an application that always set
//! it). RFC 4954 §4 (the client's own authentication exchange).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sasl-login-without-credentials",
    fix_id: "supply-credentials-or-turn-login-off",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §4; Postfix 3.7 with Cyrus SASL as recorded (an entry with no user name: \"All-whitespace username\", \"generic failure\"); Nodemailer's \"Missing credentials\"",
    title: Tr::new(
        "The client is set to log in but has no user name",
        "客户端设置为要登录，却没有用户名",
    ),
    meaning: Tr::new(
        "The sending program is set to log in, but its user name (or password) is empty, so it stopped before sending AUTH: the error is its own, not the server's answer. Postfix relaying with SASL on: its SASL library refuses to start when the password map's entry for this relay has no user name (`[relay]:587 :`, often written by a container from empty variables; Cyrus logs \"All-whitespace username\", Postfix \"generic failure\", and the mail waits in the queue). Nodemailer: its auth option is there without a user or pass (\"Missing credentials for PLAIN\"), often because the variables meant to fill it (a .env file) never reached the process. A wrong password would show the server's 535 instead.",
        "发信程序被设置为要登录，但它的用户名（或密码）是空的，所以在发送 AUTH 之前就停下了：这个错误是它自己的，不是服务器的回答。开启了 SASL 的 Postfix 中继：密码表中这个中继的条目没有用户名时（`[relay]:587 :`，常见于容器用空变量写出的条目），它的 SASL 库不肯开始（Cyrus 记录 \"All-whitespace username\"，Postfix 记录 \"generic failure\"，邮件留在队列里等待）。Nodemailer：有 auth 选项却没有 user 或 pass（\"Missing credentials for PLAIN\"），常见原因是本该填充它们的变量（一个 .env 文件）根本没有传到进程里。如果是密码错误，看到的会是服务器的 535。",
    ),
    fix: Tr::new(
        "If the server admits you without a login (Google Workspace's SMTP relay for allow-listed IP addresses, a local relay, a provider's relay for its own network), turn the client's login off: Postfix, `smtp_sasl_auth_enable = no`; Nodemailer, leave the auth option out (an application that always sets it needs an update that leaves it out without a user name). Otherwise give it the user name and password, and check that they reach it: Postfix, the entry `[relay]:587 user@example.com:password`, then `postmap` the file; Nodemailer, load the .env file (`require('dotenv').config()`) or set the variables in the process that sends. Then send again (Postfix: `postfix reload`, `postqueue -f`).",
        "如果服务器不需要登录就放行你（Google Workspace 的 SMTP 中继对加入允许列表的 IP 地址、本地中继、服务商对自己网络的中继），就关闭客户端的登录：Postfix 设 `smtp_sasl_auth_enable = no`；Nodemailer 去掉 auth 选项（总是设置它的应用需要更新到用户名为空时不设置它的版本）。否则给它用户名和密码，并确认它们确实传到了：Postfix 的条目写成 `[relay]:587 user@example.com:password`，然后对文件运行 `postmap`；Nodemailer 要加载 .env 文件（`require('dotenv').config()`），或在发信的进程中设置这些变量。然后再发一次（Postfix：`postfix reload`、`postqueue -f`）。",
    ),
};

/// The programs' own words (lower-case).
pub(crate) const WORDS: [&str; 2] = ["all-whitespace username", "missing credentials for \""];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.own_server.is_none()
        && (e.has(&WORDS)
            || (e.has(&["cannot authenticate to server"]) && e.has(&["generic failure"])))
}
