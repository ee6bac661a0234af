//! Postfix answers `451 4.3.5 <address>: Recipient address rejected: Server configuration
//! problem` (or Sender / Client …) when a lookup table or a policy service its restrictions
//! need cannot be read: a database down, a map file missing, a policy daemon not running
//! (modoboa/modoboa#2307, modoboa/modoboa-installer#380). Postfix's smtpd(8); RFC 3463
//! (X.3.5: system incorrectly configured).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "server-configuration-problem",
    fix_id: "fix-server-lookup",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 3463 §3.4 (X.3.5 system incorrectly configured); Postfix smtpd(8)",
    title: Tr::new(
        "The mail server's own configuration is broken",
        "邮件服务器自身的配置出了问题",
    ),
    meaning: Tr::new(
        "Nothing is wrong with the address or the message: the server could not evaluate its own rules. Postfix says \"Server configuration problem\" (451 4.3.5) when a lookup table or a policy service that a restriction needs cannot be read: a database that is down or refuses the login, a map file that was never built with postmap, a policy daemon (postgrey, a quota or SPF service) that is not running. The 4 says it is temporary; it stays until the server is fixed.",
        "地址和邮件本身都没有问题：是服务器没法执行自己的规则。当某条限制需要的查找表或策略服务读不到时，Postfix 会说 \"Server configuration problem\"（451 4.3.5）：数据库宕机或拒绝登录、映射文件从未用 postmap 生成、策略守护进程（postgrey、配额或 SPF 服务）没有运行。首位的 4 表示这是临时性的；但在服务器修好之前会一直如此。",
    ),
    fix: Tr::new(
        "This is for the server's administrator: the mail log says which table failed, just before the reject (`grep -E 'warning: .*(lookup|table|unavailable|connect)' /var/log/mail.log`). Start the database or policy service, run `postmap` on the map, fix the map's credentials, then `postfix reload`. A user can only report it, with the time and the reply.",
        "这需要服务器管理员处理：邮件日志在拒收之前就写明了是哪张表出错（`grep -E 'warning: .*(lookup|table|unavailable|connect)' /var/log/mail.log`）。启动数据库或策略服务、对映射文件运行 `postmap`、修正映射的登录凭据，然后 `postfix reload`。普通用户只能把时间和回复报告给管理员。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["server configuration problem"])
        // A Postfix daemon that stops on a setting of main.cf, and master(8) throttling it
        // (docker-mailserver/docker-mailserver#4133).
        // Postfix's milter_default_action = tempfail when its milter (a spam filter) does not
        // answer: `milter-reject: … 451 4.7.1 Service unavailable - try again later`
        // (Mailu/Mailu#1544).
        || (e.own_server.is_some_and(|p| p.starts_with("postfix"))
            && e.has(&["service unavailable - try again later"]))
        || (e.own_server.is_some()
            && (e.has(&["bad command startup", "failed to expand", "tainted filename"])
                || e.lower.starts_with("fatal: ")
                || e.has(&[": fatal: "])))
}
