//! A login tried on the port where servers deliver to each other (25), which the server keeps
//! for that alone: mox's `authentication only allowed on submission ports` with 503 5.5.1
//! (mjl-/mox#218: Thunderbird set to port 25). RFC 6409 §3.1 and RFC 8314 §3: a client submits
//! on port 587 (or 465 with TLS), where the server takes logins.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "auth-on-relay-port",
    fix_id: "use-submission-server",
    kind: FindingKind::AuthNotOffered,
    severity: Severity::Error,
    source: "RFC 8314 §3 (submission: 465 with TLS, or 587 with STARTTLS); mox's reply on port 25",
    title: Tr::new(
        "Login tried on the port for servers, not for submission",
        "在服务器之间投递用的端口上尝试登录，而不是提交端口",
    ),
    meaning: Tr::new(
        "The client tried to log in on port 25, where mail servers deliver to each other. This server takes logins only on its submission ports (587 with STARTTLS, 465 with TLS) and refuses AUTH here. Nothing is wrong with the password.",
        "客户端在 25 端口上尝试登录，而这个端口是邮件服务器之间投递用的。这台服务器只在它的提交端口（587 配 STARTTLS，465 配 TLS）上接受登录，在这里拒绝 AUTH。密码本身没有问题。",
    ),
    fix: Tr::new(
        "Set the mail program's outgoing server to port 587 with STARTTLS (or 465 with SSL/TLS), with the same user name and password.",
        "把邮件客户端的发件服务器设为 587 端口配 STARTTLS（或 465 端口配 SSL/TLS），用户名和密码不变。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["only allowed on submission ports"])
}
