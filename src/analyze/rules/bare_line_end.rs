//! The message holds a bare CR or a bare LF, a line end that is not CRLF, and the server
//! refuses it after DATA: `552 5.2.0 Message contains bare CR and is violating 822.bis
//! section 2.3` (marlam/msmtp#145: a provider that turned the rule on), and a server's refusal
//! of a bare LF (Postfix's smtpd_forbid_bare_newline). RFC 5321 §2.3.8: lines end with CRLF,
//! and CR and LF must not appear alone.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "bare-cr-or-lf-in-message",
    fix_id: "fix-message-generator-line-endings",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §2.3.8 (lines end in CRLF; no bare CR or LF)",
    title: Tr::new(
        "The message has a line end that is not CRLF",
        "邮件中有不是 CRLF 的行尾",
    ),
    meaning: Tr::new(
        "The server took the envelope but refused the message: somewhere in it a carriage return (CR) or a line feed (LF) stands alone instead of in the pair CRLF that ends every line in SMTP. Many servers now refuse such messages outright, because a bare line end can make two servers see different messages (SMTP smuggling). The code (552 here) is not about size.",
        "服务器接受了信封，却拒收了邮件本身：邮件中某处有一个单独的回车（CR）或换行（LF），而不是 SMTP 中每行结尾都应有的 CRLF 这一对。很多服务器现在直接拒收这样的邮件，因为单独的行尾会让两台服务器看到不同的邮件（SMTP 走私）。这里的代码（552）与大小无关。",
    ),
    fix: Tr::new(
        "Make the program that builds the message end every line with CRLF and use no CR or LF alone: a text with Windows and Unix line ends mixed, a header folded with a bare CR, or an attachment sent without base64 are the usual sources. Mail libraries do it when they encode the message themselves; a script that writes the message by hand must convert its line ends (msmtp passes the message on as it gets it).",
        "让生成邮件的程序用 CRLF 结束每一行，不要出现单独的 CR 或 LF：混用了 Windows 和 Unix 行尾的文字、用单独 CR 折叠的邮件头、没有用 base64 发送的附件，是常见的来源。邮件库自己编码邮件时会处理好；自己拼写邮件的脚本必须转换行尾（msmtp 会原样转交它收到的邮件）。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.class() == Some(5)
        && e.has(&[
            "bare cr",
            "bare lf",
            "bare <lf>",
            "bare <cr>",
            "bare linefeed",
            "bare newline",
        ])
}
