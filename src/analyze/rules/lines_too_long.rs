//! A line of the message longer than the transport allows: Exim's `message has lines too long
//! for transport` (4.95 and later enforce RFC 5321's limit by default, message_linelength_limit
//! = 998; MailCleaner/MailCleaner#480, which made the limit a setting). RFC 5321 §4.5.3.1.6: a
//! text line is at most 1000 octets with its CRLF.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "message-lines-too-long",
    fix_id: "raise-exim-line-length-limit",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.5.3.1.6 (a text line is at most 1000 octets); Exim's message_linelength_limit",
    title: Tr::new(
        "A line of the message is too long",
        "邮件中有一行太长",
    ),
    meaning: Tr::new(
        "The message has a line longer than 998 characters, more than SMTP allows on a line, and Exim (4.95 and later) will not pass it on with this transport. Such lines come from HTML written on one line, or from a program or filter that adds a header or body without folding it.",
        "邮件中有一行超过 998 个字符，比 SMTP 允许的一行更长，Exim（4.95 及以后）不肯用这个传输把它转发出去。这样的行来自写成一行的 HTML，或者来自添加邮件头或正文却不折行的程序或过滤器。",
    ),
    fix: Tr::new(
        "Best, make what builds the message keep lines short: quoted-printable or base64 for long text and HTML, folded headers. If mail with such lines must pass your Exim, raise the transport's limit (`message_linelength_limit = 10000` on it) and restart Exim; a product that writes Exim's configuration (MailCleaner, cPanel) needs its own setting or update for that.",
        "最好让生成邮件的程序保持短行：长文字和 HTML 用 quoted-printable 或 base64，邮件头要折行。如果必须让带有这种长行的邮件通过你的 Exim，就调高传输的限制（在该传输上设 `message_linelength_limit = 10000`）并重启 Exim；由某个产品生成 Exim 配置时（MailCleaner、cPanel），要用它自己的设置或更新来做到。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&["lines too long for transport"])
}
