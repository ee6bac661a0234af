//! The sender's own provider holds back the account's outgoing mail for now: GMX's (and
//! mail.com's) `550-Requested action not taken: mailbox unavailable` `550 Failure sending
//! mail. Try again later`, at RCPT. "Mailbox unavailable" is only RFC 5321's standard wording
//! for 550; the same mail goes through later (nodemailer/nodemailer#1555: "the server rate
//! limits you"; jstedfast/MailKit#968: "it's not the message that is being rejected").
//! RFC 5321 §4.2.3 (550), §4.2.1 (a 5yz that says "try again later" is the server's choice).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "provider-holds-outgoing-mail",
    fix_id: "send-less-later",
    kind: FindingKind::RateLimited,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (550); GMX's reply \"Failure sending mail. Try again later\" (nodemailer/nodemailer#1555, jstedfast/MailKit#968)",
    title: Tr::new(
        "The provider holds back this account's mail for now",
        "服务商暂时不让这个账号发信",
    ),
    meaning: Tr::new(
        "The account's own provider (GMX and mail.com answer so) refuses to send for it for now, although the code is 5xx: \"mailbox unavailable\" is only the standard wording of a 550, and \"Failure sending mail. Try again later\" says the refusal is about the sending, not the recipient. It comes after many messages in a short time, or mail its filter suspects; the same mail goes through later.",
        "账号所在的服务商（GMX 和 mail.com 会这样回复）暂时拒绝替它发信，虽然回复码是 5xx：\"mailbox unavailable\" 只是 550 的标准措辞，\"Failure sending mail. Try again later\" 说明被拒的是这次发送，而不是收件人。这通常出现在短时间内发信太多、或邮件被其过滤器怀疑之后；同样的邮件稍后就能发出。",
    ),
    fix: Tr::new(
        "Wait (half an hour or more) and send again, with fewer messages at a time: a 5xx is not retried for you. Mail to many people belongs to a service made for it, not a personal mailbox. If the account sent nothing like that, someone else may be using it: change its password.",
        "等一段时间（半小时或更久）后再发送，并且每次少发一些：5xx 不会自动重试。群发邮件应该使用专门的发信服务，而不是个人邮箱。如果这个账号并没有发过那么多邮件，可能有别人在盗用它：修改它的密码。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    matches!(e.class(), Some(4 | 5)) && e.has(&["failure sending mail"])
}
