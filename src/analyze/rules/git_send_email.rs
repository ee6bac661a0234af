//! git send-email's failures, as Debian's git-email 2.39 prints them with Perl's Net::SMTP
//! 3.14 (`scripts/record-git-send-email.sh`, tests/fixtures/git-send-email/). Its settings
//! are `sendemail.smtpServer`, `smtpServerPort`, `smtpEncryption` (`tls`: STARTTLS; `ssl`:
//! TLS from the first byte) and `smtpUser` (git-send-email(1)), so the fixes name them.
//!
//! - `Unable to initialize SMTP properly. Check config and use --smtp-debug. VALUES:
//!   server=… encryption=… port=…` is all it says when Net::SMTP could not start the
//!   session (its source: the connection, the greeting or EHLO failed), recorded for a
//!   closed port and for `ssl` on a STARTTLS port. RFC 5321 §3.1.
//! - `Command unknown: 'AUTH'` when it has a user to log in with and the EHLO reply offers
//!   no AUTH: recorded without `smtpEncryption`, where the server offers AUTH only after
//!   STARTTLS. RFC 4954 §3.
//! - No `smtpUser`: no AUTH, and the server wants a login before MAIL (530). RFC 4954 §6.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const CANNOT_CONNECT: Rule = Rule {
    cause: "git-send-email-cannot-connect",
    fix_id: "check-git-send-email-server",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §3.1; git send-email's `Unable to initialize SMTP properly`, recorded for each reason",
    title: Tr::new(
        "git send-email could not connect to the server",
        "git send-email 无法连接到服务器",
    ),
    meaning: Tr::new(
        "git send-email says only this when it could not start the session: the server name does not resolve, nothing accepts connections on that port (or a firewall refuses them), the encryption does not match the port (ssl, TLS from the first byte, on a port that speaks STARTTLS, or the other way round), or the server refused its greeting or its EHLO (hello= is the name it gave). Its VALUES show what it tried; with --smtp-debug=1 the lines before it say more.",
        "git send-email 无法开始会话时只说这一句：服务器名称无法解析；这个端口上没有服务接受连接（或被防火墙拒绝）；加密方式与端口不符（在使用 STARTTLS 的端口上用了 ssl，即一开始就 TLS，或者反过来）；或者服务器拒绝了问候或它的 EHLO（hello= 是它报出的名字）。VALUES 显示它尝试的设置；加上 --smtp-debug=1 时，前面的几行会说得更多。",
    ),
    fix: Tr::new(
        "Check the server and the port (`git config sendemail.smtpServer`, `sendemail.smtpServerPort`) with `nc -vz HOST PORT`, and match the encryption to the port: `git config --global sendemail.smtpEncryption tls` for 587 (STARTTLS), `ssl` for 465. If the debug lines show the EHLO refused, give a proper name with `--smtp-domain` (sendemail.smtpDomain).",
        "检查服务器和端口（`git config sendemail.smtpServer`、`sendemail.smtpServerPort`），用 `nc -vz 主机 端口` 测试，并让加密方式与端口相符：587（STARTTLS）用 `git config --global sendemail.smtpEncryption tls`，465 用 `ssl`。如果调试输出显示 EHLO 被拒绝，用 `--smtp-domain`（sendemail.smtpDomain）给出一个正规的名字。",
    ),
};

pub(super) fn cannot_connect(e: &Evidence<'_>) -> bool {
    e.lower.starts_with("unable to initialize smtp properly")
}

pub(super) const NO_ENCRYPTION: Rule = Rule {
    cause: "git-send-email-no-encryption",
    fix_id: "set-git-send-email-encryption",
    kind: FindingKind::AuthNotOffered,
    severity: Severity::Error,
    source: "RFC 4954 §3; git send-email's `Command unknown: 'AUTH'`, recorded",
    title: Tr::new(
        "git send-email tried to log in without encryption",
        "git send-email 在未加密的连接上尝试登录",
    ),
    meaning: Tr::new(
        "git send-email has a user to log in with, but the server's EHLO reply on this connection offers no AUTH: it is unencrypted, and servers on the submission port offer AUTH only after STARTTLS. (The wording is Perl's: the AUTH command was never sent.)",
        "git send-email 有要登录的用户，但服务器在这个连接上的 EHLO 回复没有提供 AUTH：连接没有加密，而提交端口上的服务器只在 STARTTLS 之后才提供 AUTH。（这句话是 Perl 的措辞：AUTH 命令其实没有发出。）",
    ),
    fix: Tr::new(
        "Turn on encryption: `git config --global sendemail.smtpEncryption tls` for port 587 (STARTTLS), or `ssl` with `sendemail.smtpServerPort 465`.",
        "开启加密：587 端口（STARTTLS）用 `git config --global sendemail.smtpEncryption tls`，或者用 `ssl` 并设置 `sendemail.smtpServerPort 465`。",
    ),
};

pub(super) fn no_encryption(e: &Evidence<'_>) -> bool {
    e.lower.starts_with("command unknown: 'auth'")
}

pub(super) const WITHOUT_LOGIN: Rule = Rule {
    cause: "git-send-email-without-login",
    fix_id: "give-git-send-email-the-login",
    kind: FindingKind::AuthRequired,
    severity: Severity::Error,
    source: "RFC 4954 §6 (530); git-send-email(1) (sendemail.smtpUser)",
    title: Tr::new(
        "git send-email sent without logging in",
        "git send-email 没有登录就发信",
    ),
    meaning: Tr::new(
        "git send-email sent MAIL FROM without authenticating, and the server wants a login first. It logs in only when it has a user: --smtp-user or sendemail.smtpUser.",
        "git send-email 没有认证就发送了 MAIL FROM，而服务器要求先登录。只有设置了用户（--smtp-user 或 sendemail.smtpUser）时它才会登录。",
    ),
    fix: Tr::new(
        "`git config --global sendemail.smtpUser you@example.com`; git send-email then asks for the password (or takes it from a credential helper, or sendemail.smtpPass, which stores it in clear). For Gmail it is an app password.",
        "执行 `git config --global sendemail.smtpUser 你的地址`；之后 git send-email 会询问密码（或从凭据助手获取，或读取 sendemail.smtpPass——它以明文保存密码）。Gmail 要用应用专用密码。",
    ),
};

pub(super) fn without_login(e: &Evidence<'_>) -> bool {
    e.own_client == Some("git-send-email") && super::relay_without_login::relay_wants_login(e)
}
