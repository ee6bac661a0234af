//! A 554 to RCPT: the receiving server's access policy refused the recipient ("Recipient
//! address rejected: Access denied", "Relay access denied" has its own rule). RFC 5321
//! §4.2.2 lists 554 as "Transaction failed" and, for a greeting, "No SMTP service here"; at
//! RCPT Postfix uses it for policy rejects where the RFC's list suggests 550 — it is not the
//! greeting's meaning.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "rcpt-policy-reject",
    fix_id: "read-policy-text",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.2 (554 Transaction failed; 550 for a refused mailbox); Postfix's 554 at RCPT",
    title: Tr::new("Recipient refused by the server's policy", "收件人被服务器策略拒绝"),
    meaning: Tr::new(
        "The server's access rules refused this recipient at RCPT (554 here is a policy reject, as Postfix sends it — not the greeting's \"no SMTP service here\"). The text after the code names the rule that matched: an access table, a client or sender restriction, a blocklist.",
        "服务器的访问规则在 RCPT 阶段拒绝了这个收件人（这里的 554 是策略拒绝，Postfix 就这样发送——不是问候语中的“此处没有 SMTP 服务”）。代码后面的文字说明了命中的规则：访问表、客户端或发件人限制、黑名单。",
    ),
    fix: Tr::new(
        "Read the reply's text: it names what matched. \"Access denied\" means an access rule on the receiving server refuses you (your IP, your sender domain or this recipient): ask that server's administrator, or send through your own provider's submission server. If it is your own server, look for the matching line in its log (Postfix: `NOQUEUE: reject: RCPT …`) and the restriction that produced it (smtpd_recipient_restrictions, check_*_access maps).",
        "阅读回复中的文字：它说明了命中的规则。\"Access denied\" 表示接收方服务器上的访问规则拒绝了你（你的 IP、发件人域名或这个收件人）：请联系该服务器的管理员，或通过自己服务商的提交服务器发送。如果是你自己的服务器，请在日志中找到对应的行（Postfix：`NOQUEUE: reject: RCPT …`）以及产生它的限制（smtpd_recipient_restrictions、check_*_access 映射表）。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.code == Some(554)
        && e.verb == Some("RCPT")
        && !e.has(&["relay access denied", "relaying denied"])
}
