//! The receiver blocked the message for what it carries: Gmail's published refusals
//! `552-5.7.0 This message was blocked because its content presents a potential security
//! issue` and `552-5.7.0 Our system detected an illegal attachment on this message`, both
//! pointing to `?p=BlockedMessage`. A 552 here is no size refusal: the enhanced code's
//! subject is policy. RFC 3463 §3.8 (X.7.0).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "content-blocked",
    fix_id: "remove-or-link-attachment",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 3463 §3.8 (X.7.0); Gmail's published SMTP errors (BlockedMessage)",
    title: Tr::new(
        "The message's content or attachment was blocked",
        "邮件的内容或附件被拦截",
    ),
    meaning: Tr::new(
        "The receiver refused the message for what it carries, not for its size, its sender or its recipient: Gmail blocks executable files (.exe, .bat, .js and the like), documents whose macros look harmful, and archives that hold such files, password-protected ones included.",
        "接收方因为邮件携带的内容而拒收，与大小、发件人或收件人无关：Gmail 会拦截可执行文件（.exe、.bat、.js 等）、宏看起来有害的文档，以及包含这类文件的压缩包（包括加了密码的压缩包）。",
    ),
    fix: Tr::new(
        "Remove the attachment, or send a link to it in cloud storage instead. Renaming the file or zipping it does not help: the filter looks inside archives. Then send again.",
        "去掉这个附件，或者改为发送它在云存储中的链接。给文件改名或打成压缩包都没有用：过滤器会检查压缩包里面的内容。然后重新发送。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&[
        "its content presents a potential security issue",
        "detected an illegal attachment",
        "?p=blockedmessage",
    ])
}
