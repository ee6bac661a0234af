//! The sending program found no account to send with: msmtp's `account default not found:
//! no configuration file available` (msmtp 1.8.23, Debian's, run by a user with no
//! ~/.msmtprc and no /etc/msmtprc: exit code 78; also as `sendmail:` when it stands in for
//! sendmail, as PHP's mail() and cron call it). Nothing was sent: no server was asked.
//! msmtp's own messages and its manual (the files it reads: ~/.msmtprc,
//! $XDG_CONFIG_HOME/msmtp/config, the system-wide /etc/msmtprc).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "client-not-configured",
    fix_id: "configure-the-client",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §3.1 (no session was initiated); msmtp's messages and manual (its configuration files and accounts)",
    title: Tr::new(
        "The sending program has no account to send with",
        "发信程序没有可用的账户配置",
    ),
    meaning: Tr::new(
        "msmtp (here perhaps called as sendmail, by PHP's mail() or cron) found no configuration, or no account of the name it was asked for, so it connected to no server at all: nothing in SMTP failed. It reads the configuration of the user it runs as (~/.msmtprc or ~/.config/msmtp/config), else the system-wide file (/etc/msmtprc on Debian): a web server or cron job runs as another user than the one who wrote the file, and cannot read a file only its owner may read.",
        "msmtp（这里可能是以 sendmail 的名义被 PHP 的 mail() 或 cron 调用）没有找到配置，或找不到所要求名称的账户，因此根本没有连接任何服务器：SMTP 本身没有出错。它读取运行它的那个用户的配置（~/.msmtprc 或 ~/.config/msmtp/config），否则读系统级文件（Debian 上是 /etc/msmtprc）：网页服务器或 cron 任务运行时的用户与写配置文件的用户不同，也读不了只有文件所有者可读的文件。",
    ),
    fix: Tr::new(
        "Put the account in a file the running user can read: for a service, the system-wide /etc/msmtprc, with an `account default : name` line (or `defaults` and one account named default), owned by root and readable by that user's group. Or name the file and account on the command line: `msmtp -C /path/msmtprc -a name`. Check with `sudo -u www-data msmtp --serverinfo -a default`. A user's own file that holds a password must be readable by that user alone (`chmod 600 ~/.msmtprc`): msmtp refuses a looser one (\"contains secrets and therefore must have no more than user read/write permissions\").",
        "把账户写进运行用户能读取的文件：对于服务，使用系统级的 /etc/msmtprc，加一行 `account default : 账户名`（或用 `defaults` 再定义一个名为 default 的账户），文件属主为 root，并让该用户所在的组可读。或者在命令行上指定文件和账户：`msmtp -C /路径/msmtprc -a 账户名`。用 `sudo -u www-data msmtp --serverinfo -a default` 检查。用户自己的、含有密码的文件只能由该用户读取（`chmod 600 ~/.msmtprc`）：权限更宽的文件 msmtp 会拒绝使用（\"contains secrets and therefore must have no more than user read/write permissions\"）。",
    ),
};

/// msmtp's words for a missing configuration or account.
pub(crate) const WORDS: [&str; 3] = [
    "no configuration file available",
    "account default not found",
    // msmtp refusing a file with a password that others may read.
    "contains secrets and therefore must",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&WORDS)
}
