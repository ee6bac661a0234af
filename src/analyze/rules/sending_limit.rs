//! The sending account's own daily limit: Gmail's and Google Workspace's published `550 5.4.5
//! Daily user sending limit exceeded` (`… sending quota exceeded`). Not the recipient's
//! mailbox, although the words "quota exceeded" are the same. RFC 5321 §4.2.3 (550);
//! Google's published SMTP errors (5.4.5).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sending-limit-reached",
    fix_id: "wait-or-send-less",
    kind: FindingKind::RateLimited,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (550); Google's published SMTP errors (550 5.4.5 daily sending limit)",
    title: Tr::new(
        "The account's daily sending limit is reached",
        "账号的每日发信上限已到",
    ),
    meaning: Tr::new(
        "The provider caps how many messages (and recipients) one account may send in a day, and this account has reached its cap, so it refuses every further message for now. The message, its recipients and the login are fine: it is not the recipient's mailbox that is over its quota.",
        "服务商限制了一个账号每天可以发送的邮件数（以及收件人数），这个账号已经达到上限，因此暂时拒绝再发任何邮件。邮件、收件人和登录都没有问题：超出配额的不是收件人的邮箱。",
    ),
    fix: Tr::new(
        "Wait until the day's count lifts, then send again; a 5xx is not retried for you. Send fewer messages per day from this account, and bulk mail (newsletters, notifications to many users) through a service made for it. If the account did not send that much, someone else may be using it: change its password or app password.",
        "等当天的计数解除后再发送；5xx 不会自动重试。减少这个账号每天发送的邮件数，群发邮件（通讯、面向大量用户的通知）改用专门的发信服务。如果这个账号并没有发那么多邮件，可能有别人在盗用它：修改它的密码或应用专用密码。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    matches!(e.class(), Some(4 | 5))
        && e.has(&[
            "sending limit exceeded",
            "sending quota exceeded",
            "daily user sending",
        ])
}
