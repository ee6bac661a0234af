//! The server's authentication service says why it refused a login, in the same paste as
//! the refusal: Dovecot's `auth: passwd-file(tim,192.0.2.1): Password mismatch` or
//! `… unknown user`, and PAM's `pam_authenticate() failed: Authentication failure (password
//! mismatch?)` or `User not known to the underlying authentication module` (as Dovecot logs
//! them, and as fail2ban's Dovecot filter matches them). The service answered, so it is up:
//! the 535's other usual cause, a SASL daemon that is down, is ruled out, and the line
//! says which of user name and password is wrong. RFC 4954 §6 (535: the credentials).
//!
//! Not a rule of [`super::RULES`]: it is read from the backend's line and applied to the
//! refusal's finding (`Diagnoser::backend_verdict`).

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

/// The password did not match.
pub(crate) const MISMATCH: Rule = Rule {
    cause: "password-mismatch",
    fix_id: "send-right-password",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6; Dovecot's and PAM's log lines (\"Password mismatch\")",
    title: Tr::new(
        "Wrong password, says the server's own check",
        "密码错误：服务器自己的核对结果",
    ),
    meaning: Tr::new(
        "it checked the password, and it did not match. It is up and knows the user, so no SASL daemon is down: the password the client sent is wrong.",
        "它核对了密码，结果不匹配。它在运行，也认识这个用户，所以不是 SASL 守护进程停止了：客户端发送的密码是错的。",
    ),
    fix: Tr::new(
        "Send the right password for this user: type it again in the client's account settings (an old saved password is the usual cause). If it should be right, set it anew on the server (Dovecot: `doveadm pw` makes the hash for a passwd-file or SQL user database) and log in again.",
        "为这个用户发送正确的密码：在客户端的账户设置里重新输入（常见原因是保存了旧密码）。如果密码应该没错，就在服务器上重新设置（Dovecot：`doveadm pw` 可为 passwd-file 或 SQL 用户数据库生成散列），然后再登录。",
    ),
};

/// The user name is not in the user database.
pub(crate) const UNKNOWN_USER: Rule = Rule {
    cause: "auth-user-unknown",
    fix_id: "use-database-user-name",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6; Dovecot's and PAM's log lines (\"unknown user\")",
    title: Tr::new(
        "The server does not know this user name",
        "服务器不认识这个用户名",
    ),
    meaning: Tr::new(
        "it has no such user, so the user name is wrong for this server, whatever the password. It is up: no SASL daemon is down.",
        "它那里没有这个用户，所以无论密码是什么，错的都是用户名。它在运行：不是 SASL 守护进程停止了。",
    ),
    fix: Tr::new(
        "Log in with the user name the server's user database holds: often the full address (tim@example.com) where the client sent the part before the @, or the other way round. Dovecot's passdb and its auth_username_format (`%n` drops the domain) decide the form; with PAM, it is the system account's name.",
        "使用服务器用户数据库中的用户名登录：常见情况是数据库里是完整地址（tim@example.com），而客户端只发送了 @ 前面的部分，或者相反。Dovecot 的 passdb 和 auth_username_format（`%n` 会去掉域名）决定用户名的形式；使用 PAM 时，则是系统账户名。",
    ),
};

/// What an authentication service's line says of a login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The password did not match.
    Mismatch,
    /// No such user.
    UnknownUser,
}

impl Verdict {
    /// The rule that explains it.
    pub(crate) fn rule(self) -> &'static Rule {
        match self {
            Verdict::Mismatch => &MISMATCH,
            Verdict::UnknownUser => &UNKNOWN_USER,
        }
    }
}

/// What the authentication service said, and the user it names: `driver(user,ip…): …`.
/// (A verdict, not the rule: reading a log line links no rule's texts.)
pub(crate) fn read(message: &str) -> Option<(Verdict, Option<&str>)> {
    let lower = message.to_ascii_lowercase();
    let (verdict, at) = [
        ("password mismatch", Verdict::Mismatch),
        ("unknown user", Verdict::UnknownUser),
        (
            "user not known to the underlying authentication module",
            Verdict::UnknownUser,
        ),
    ]
    .into_iter()
    .find_map(|(words, verdict)| lower.find(words).map(|at| (verdict, at)))?;
    // The driver and its arguments just before: `passwd-file(tim@example.com,192.0.2.1): `,
    // `pam(tim,192.0.2.1,<Xb2>): pam_authenticate() failed: ` (after `auth-worker(812): `).
    let head = message.get(..at)?;
    let (before, _) = head.rsplit_once("): ")?;
    let (driver, args) = before.rsplit_once('(')?;
    let driver = driver.rsplit([' ', ':']).next().unwrap_or("");
    if driver.is_empty()
        || !driver
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
    {
        return None;
    }
    let user = args
        .split(',')
        .next()
        .filter(|u| !u.is_empty() && *u != "?");
    Some((verdict, user))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dovecot_and_pam_verdicts() {
        for (line, cause, user) in [
            ("auth: passwd-file(tim@example.com,192.0.2.10): Password mismatch", "password-mismatch", "tim@example.com"),
            ("auth-worker(812): pam(tim,192.0.2.10,<Xb2>): pam_authenticate() failed: Authentication failure (password mismatch?)", "password-mismatch", "tim"),
            ("auth: sql(ann,192.0.2.10,<Xb2>): unknown user", "auth-user-unknown", "ann"),
            ("auth-worker(9): pam(ann,192.0.2.10): pam_authenticate() failed: User not known to the underlying authentication module", "auth-user-unknown", "ann"),
        ] {
            let (verdict, named) = read(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((verdict.rule().cause, named), (cause, Some(user)), "{line}");
        }
        // Not an authentication service's verdict.
        assert!(read("NOQUEUE: reject: RCPT from x[192.0.2.1]: 550 5.1.1 <a@b>: Recipient address rejected: unknown user").is_none());
        assert!(read("Password mismatch").is_none());
    }
}
