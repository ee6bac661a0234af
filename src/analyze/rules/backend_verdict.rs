//! The server's authentication service says why it refused a login, in the same paste as
//! the refusal: Dovecot's `auth: passwd-file(tim,192.0.2.1): Password mismatch` or
//! `… unknown user`, and PAM's `pam_authenticate() failed: Authentication failure (password
//! mismatch?)` or `User not known to the underlying authentication module` (as Dovecot logs
//! them, and as fail2ban's Dovecot filter matches them). The service answered, so it is up:
//! the 535's other usual cause, a SASL daemon that is down, is ruled out, and the line
//! says which of user name and password is wrong. RFC 4954 §6 (535: the credentials).
//!
//! Cyrus' saslauthd logs its refusals as `do_auth         : auth failure: [user=tim]
//! [service=smtp] [realm=] [mech=pam] [reason=PAM auth error]` (saslauthd-main.c; older
//! releases have no `[remote=…]`). Its PAM and shadow backends do not say which of the two
//! was wrong (`PAM auth error`, or no reason at all: `Unknown`), so that verdict names
//! both; an account the backend holds expired or locked (`PAM acct error`, `Account
//! expired`, `Password expired`) has a fix of its own.
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

/// saslauthd refused the pair, without saying which of the two is wrong.
pub(crate) const REFUSED: Rule = Rule {
    cause: "password-check-refused",
    fix_id: "test-with-testsaslauthd",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6; Cyrus saslauthd's log line (\"auth failure: [user=…] … [reason=…]\")",
    title: Tr::new(
        "saslauthd checked this user name and password and refused them",
        "saslauthd 核对了这个用户名和密码，并拒绝了它们",
    ),
    meaning: Tr::new(
        "saslauthd answered, so it is up: no SASL daemon is down. Its backend (PAM, the shadow file, LDAP …) refused the pair it was given: the password is wrong, or the backend has no such user. saslauthd does not log which of the two.",
        "saslauthd 作出了回答，说明它在运行：不是 SASL 守护进程停止了。它的后端（PAM、shadow 文件、LDAP……）拒绝了收到的这对用户名和密码：要么密码错了，要么后端没有这个用户。saslauthd 不会记录是哪一种。",
    ),
    fix: Tr::new(
        "Test the pair on the server: `testsaslauthd -u USER -p PASSWORD -s smtp` prints `0: OK \"Success.\"` when saslauthd takes it. If it does, the client sends something else: type the password again in its settings. If not, check the user name the backend knows (with PAM or the shadow file, the system account's name, usually without @domain; saslauthd started with -r looks up user@realm) and set the password anew (`passwd USER`).",
        "在服务器上测试这对用户名和密码：`testsaslauthd -u 用户名 -p 密码 -s smtp`，saslauthd 接受时会输出 `0: OK \"Success.\"`。如果接受，说明客户端发送的是别的内容：在客户端设置里重新输入密码。如果不接受，就检查后端认得的用户名（使用 PAM 或 shadow 文件时是系统账户名，通常不带 @域名；以 -r 参数启动的 saslauthd 查找的是 用户名@realm），并重新设置密码（`passwd 用户名`）。",
    ),
};

/// The password was checked, but the account is expired or locked.
pub(crate) const ACCOUNT_BLOCKED: Rule = Rule {
    cause: "auth-account-expired",
    fix_id: "renew-system-account",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §6; Cyrus saslauthd's log line (\"[reason=PAM acct error]\", \"Account expired\", \"Password expired\")",
    title: Tr::new(
        "The account is expired or locked on the server",
        "服务器上的这个账户已过期或被锁定",
    ),
    meaning: Tr::new(
        "the backend knows the user, but its account check refused the login: the account or its password has expired, or the account is locked. saslauthd is up, so no SASL daemon is down, and typing the password again does not help.",
        "后端认得这个用户，但它的账户检查拒绝了登录：账户或其密码已过期，或者账户被锁定了。saslauthd 在运行，所以不是 SASL 守护进程停止了；重新输入密码也无济于事。",
    ),
    fix: Tr::new(
        "On the server, see the account's state: `chage -l USER` (its expiry dates) and `passwd -S USER` (L means locked). Renew it (`chage -E -1 USER` removes the expiry date; `passwd USER` sets a new password) or unlock it (`passwd -u USER`), then log in again.",
        "在服务器上查看账户状态：`chage -l 用户名`（各项过期日期）和 `passwd -S 用户名`（L 表示已锁定）。为它续期（`chage -E -1 用户名` 取消过期日期；`passwd 用户名` 设置新密码）或解锁（`passwd -u 用户名`），然后再登录。",
    ),
};

/// What an authentication service's line says of a login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The password did not match.
    Mismatch,
    /// No such user.
    UnknownUser,
    /// Refused, without saying which of the two is wrong (saslauthd).
    Refused,
    /// The account is expired or locked (saslauthd's PAM or shadow backend).
    AccountBlocked,
}

impl Verdict {
    /// The rule that explains it.
    pub(crate) fn rule(self) -> &'static Rule {
        match self {
            Verdict::Mismatch => &MISMATCH,
            Verdict::UnknownUser => &UNKNOWN_USER,
            Verdict::Refused => &REFUSED,
            Verdict::AccountBlocked => &ACCOUNT_BLOCKED,
        }
    }
}

/// What the authentication service said, and the user it names: `driver(user,ip…): …`.
/// (A verdict, not the rule: reading a log line links no rule's texts.)
pub(crate) fn read(message: &str) -> Option<(Verdict, Option<&str>)> {
    if let Some(verdict) = saslauthd(message) {
        return Some(verdict);
    }
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

/// saslauthd's `auth failure: [user=tim] [service=smtp] [realm=] [mech=pam] [reason=…]`.
fn saslauthd(message: &str) -> Option<(Verdict, Option<&str>)> {
    let (_, fields) = message.split_once("auth failure: [user=")?;
    let field = |key: &str| -> Option<&str> {
        let (_, rest) = fields.split_once(&format!("[{key}="))?;
        rest.split_once(']').map(|(value, _)| value)
    };
    // The user is the first field, its `[` taken by the split.
    let user = fields
        .split_once(']')
        .map(|(u, _)| u)
        .filter(|u| !u.is_empty());
    let reason = field("reason")?;
    let blocked = ["PAM acct error", "Account expired", "Password expired"]
        .iter()
        .any(|r| reason.starts_with(r));
    let verdict = if blocked {
        Verdict::AccountBlocked
    } else {
        Verdict::Refused
    };
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
        // saslauthd (saslauthd-main.c's `do_auth`), with and without `[remote=…]`.
        for (line, cause, user) in [
            ("saslauthd[811]: do_auth         : auth failure: [user=tim] [service=smtp] [realm=] [mech=pam] [reason=PAM auth error]", "password-check-refused", Some("tim")),
            ("saslauthd[811]: do_auth         : auth failure: [user=tim@example.com] [service=smtp] [realm=example.com] [remote=192.0.2.10] [mech=shadow] [reason=Unknown]", "password-check-refused", Some("tim@example.com")),
            ("saslauthd[811]: do_auth         : auth failure: [user=ann] [service=smtp] [realm=] [mech=pam] [reason=PAM acct error]", "auth-account-expired", Some("ann")),
            ("saslauthd[811]: do_auth         : auth failure: [user=ann] [service=smtp] [realm=] [mech=shadow] [reason=Password expired]", "auth-account-expired", Some("ann")),
            ("saslauthd[811]: do_auth         : auth failure: [user=] [service=smtp] [realm=] [mech=pam] [reason=PAM auth error]", "password-check-refused", None),
        ] {
            let (verdict, named) = read(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((verdict.rule().cause, named), (cause, user), "{line}");
        }
        // Not an authentication service's verdict.
        assert!(read("NOQUEUE: reject: RCPT from x[192.0.2.1]: 550 5.1.1 <a@b>: Recipient address rejected: unknown user").is_none());
        assert!(read("Password mismatch").is_none());
    }
}
