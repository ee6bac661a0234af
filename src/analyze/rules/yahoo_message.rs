//! Yahoo Mail's submission server refuses the message after DATA with `554 6.6.0 Error
//! sending message for delivery.`, naming no reason. `6.6.0` is no status code of RFC 3463
//! (§2: the class is 2, 4 or 5). In the threads that reached an answer it was the message's
//! From: header: a MailKit message with a Sender and no From (jstedfast/MailKit#1855, the
//! maintainer's answer), or a From: that is not the Yahoo account's own address
//! (PHPMailer/PHPMailer#444). RFC 5322 §3.6 requires one From:.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "yahoo-refused-message",
    fix_id: "from-is-the-account",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 3463 §2; RFC 5322 §3.6; jstedfast/MailKit#1855, PHPMailer/PHPMailer#444",
    title: Tr::new(
        "Yahoo refused the message after DATA",
        "Yahoo 在 DATA 之后拒收了邮件",
    ),
    meaning: Tr::new(
        "Yahoo Mail took the login and the envelope, then refused the message itself with a reply that names no reason. The \"6.6.0\" it often carries is not a status code of RFC 3463, whose first digit is only ever 2, 4 or 5, so it says nothing more. Where people found the cause, it was the message's From: header: missing (a program that set only a Sender, or only the envelope's MAIL FROM), or not the address of the Yahoo account that logged in. The same code then sends fine through another provider, which makes it look like Yahoo's fault.",
        "Yahoo 邮箱接受了登录和信封，随后拒收了邮件本身，回复中没有写明原因。回复中常带的“6.6.0”不是 RFC 3463 的状态码（第一位只能是 2、4 或 5），所以它不提供更多信息。从已查明原因的案例看，问题出在邮件的 From: 头：缺少 From:（程序只设置了 Sender，或只设置了信封的 MAIL FROM），或者 From: 不是登录的 Yahoo 账户自己的地址。同样的代码换一个服务商就能发出，所以看起来像是 Yahoo 的问题。",
    ),
    fix: Tr::new(
        "Give the message a From: header with exactly the Yahoo address you log in with (MailKit: add it to message.From, not message.Sender; PHPMailer: setFrom() with the account's address). To let replies go elsewhere, set Reply-To. If From: is already the account's address, send a short plain test message: if that goes, Yahoo judged the content.",
        "给邮件加上 From: 头，地址与登录用的 Yahoo 地址完全相同（MailKit：加到 message.From，而不是 message.Sender；PHPMailer：用账户地址调用 setFrom()）。想让回复发到别处，就设置 Reply-To。如果 From: 已经是账户地址，就发一封简短的纯文本测试邮件：如果能发出，就是 Yahoo 对内容作出了判断。",
    ),
};

/// Yahoo's words, also where a program quotes them without the code (MailKit's
/// `SmtpCommandException: 6.6.0 Error sending message for delivery.`).
pub(super) fn applies(e: &Evidence<'_>) -> bool {
    matches!(e.class(), Some(5) | None) && e.has(&["error sending message for delivery"])
}
