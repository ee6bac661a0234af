//! The receiving server failed inside: `500 Internal Server Error` as Gmail's bounce quotes it
//! (Gilwyad/mailnesia.com#13: the service's own server was broken, and worked again once its
//! maintainer fixed it). Not an unknown command: nothing the sender sent was wrong. RFC 5321
//! §4.2.1 (the code's first digit); the text says what happened.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "recipient-server-fault",
    fix_id: "wait-for-recipient-service",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.1; Gilwyad/mailnesia.com#13",
    title: Tr::new(
        "The receiving server failed inside",
        "收件服务器内部出错",
    ),
    meaning: Tr::new(
        "The receiving server answered with an internal error of its own: nothing in the message, the address or the sending side was wrong, and no setting on your side changes it. It is broken until its operators fix it; a 5 here only means it did not ask your server to retry.",
        "收件服务器回复的是它自己的内部错误：邮件、地址和发送方都没有问题，你这边改任何设置都无济于事。在对方的运维人员修好之前它一直是坏的；这里的 5 只表示它没有让你的服务器重试。",
    ),
    fix: Tr::new(
        "Send again later, and tell the recipient (by another way) or the service's operators, with the time and the reply. If it is your own server, its log at that time says what failed.",
        "稍后再发一次，并（通过别的途径）告诉收件人或该服务的运维人员，附上时间和回复。如果是你自己的服务器，就看它当时的日志里写了什么错误。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    matches!(e.class(), Some(4) | Some(5)) && e.has(&["internal server error"])
}
