//! Spamhaus' `Error: open resolver; https://www.spamhaus.org/returnc/pub/…` inside a DNSBL
//! reject: the receiving server queried Spamhaus through a public DNS resolver, which
//! Spamhaus refuses — it is not a listing of the sender (Spamhaus' return-code page). RFC
//! 5321 §4.2.3 defines 554/550.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "open-resolver",
    fix_id: "use-own-resolver",
    kind: FindingKind::OpenResolver,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (554/550); Spamhaus' \"open resolver\" return code",
    title: Tr::new(
        "Blocklist lookup refused (open resolver)",
        "黑名单查询被拒（开放解析器）",
    ),
    meaning: Tr::new(
        "Not a listing of the sender: the receiving server asked Spamhaus through a public DNS resolver (8.8.8.8, 1.1.1.1, its cloud's resolver), Spamhaus answered with an error code, and the server took that as \"listed\". Every mail is refused until the receiving side fixes its DNS; delisting does nothing.",
        "并不是发件人上了黑名单：收件服务器通过公共 DNS 解析器（8.8.8.8、1.1.1.1 或云主机的解析器）查询 Spamhaus，Spamhaus 返回了错误代码，而服务器把它当成了“已列入”。在收件方修好自己的 DNS 之前，所有邮件都会被拒；申请移出黑名单毫无用处。",
    ),
    fix: Tr::new(
        "On the receiving server (if it is yours): run your own recursive resolver (unbound or bind without forwarders) and point the mail server at it, or use Spamhaus' free Data Query Service key instead of zen.spamhaus.org (Postfix: reject_rbl_client / postscreen_dnsbl_sites with the DQS zone), or drop the Spamhaus lists. If you are the sender: tell the recipient's postmaster — only they can fix it.",
        "在收件服务器上（如果是你的）：运行自己的递归解析器（unbound 或不带转发的 bind），让邮件服务器使用它；或者改用 Spamhaus 免费的 Data Query Service（DQS）密钥代替 zen.spamhaus.org（Postfix：在 reject_rbl_client / postscreen_dnsbl_sites 中使用 DQS 区域）；或者去掉 Spamhaus 的列表。如果你是发件人：告诉收件方的邮件管理员——只有他们能修复。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["open resolver", "returnc/pub"])
}
