//! Message composition and inspection (RFC 5322 headers, RFC 2045–2049 MIME, RFC 2047
//! encoded words, RFC 2231 parameters).
//!
//! ```text
//!  Message { from, to, cc, bcc, subject, text, html, attachments, date, message_id, boundary }
//!     │ compose()
//!     ▼
//!  Composed { bytes (CRLF, every line ≤ 998 octets), notes [Note{item, wire, rules}], envelope }
//!     │                                   └─ every header and part with the RFC rule behind it
//!     ├─ dot_stuff / data_section ──▶ what DATA sends (RFC 5321 §4.5.2)
//!     └─ inspect(bytes) ──▶ Inspected { headers, MIME tree, decoded bodies, attachments }
//! ```
//!
//! Sans-IO: the date, the message id and the boundary are arguments; nothing here reads a
//! clock or a random source. What is taught is written by hand — header folding
//! ([`header`]), encoded words, RFC 2231 parameters, quoted-printable ([`encoding`]), the
//! multipart structure ([`compose`]), dot-stuffing ([`dot`]); the primitives come from the
//! field's libraries: `base64`, `encoding_rs` for GB18030/GBK/GB2312 bodies, and
//! `mail-parser` to read received messages back ([`inspect`]).
//!
//! The Bcc header never reaches the bytes: its addresses go only into the [`Envelope`]
//! (seed 004's discovery — "CC and BCC live in the envelope": one `RCPT TO` per recipient).

pub mod compose;
pub mod dot;
pub mod encoding;
pub mod header;
pub mod inspect;
pub mod octets;
pub mod types;

use core::fmt;

use crate::i18n::{Lang, Tr};

pub use compose::{
    Attachment, Composed, Envelope, EnvelopeRecipient, Mailbox, Message, RecipientKind,
};
pub use dot::{data_section, dot_stuff, dot_unstuff};
pub use encoding::{Charset, EncodingReason, TransferEncoding};
pub use header::WordEncoding;
pub use inspect::{inspect, InspectError, Inspected};

/// The most recipients (To + Cc + Bcc) one message takes: what one SMTP transaction carries
/// (RFC 5321 §4.5.3.1.8 asks servers for at least 100).
pub const MAX_RECIPIENTS: usize = 100;
/// The most attachments one message takes.
pub const MAX_ATTACHMENTS: usize = 100;
/// The most octets of content (text + HTML + attachments) one message takes; the composed
/// message is at most about 4/3 of it plus the headers.
pub const MAX_CONTENT: usize = 32 * 1024 * 1024;
/// The longest header input (a subject, a display name, X-Mailer), in characters.
pub const MAX_HEADER_TEXT: usize = 2000;

/// What the composer refuses, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum MimeError {
    /// An address that cannot go into a header or an SMTP command.
    BadAddress {
        /// The address as given (at most 100 characters of it).
        address: String,
        /// What is wrong with it.
        problem: AddressProblem,
    },
    /// A header input holds CR or LF: it would start a header of its own (header injection).
    LineBreakInHeader {
        /// Which input.
        what: &'static str,
    },
    /// An input is longer than the composer takes.
    TooLong {
        /// Which input.
        what: &'static str,
        /// The limit (characters for text, octets for content).
        limit: usize,
    },
    /// No To, Cc or Bcc: nobody would receive the message.
    NoRecipients,
    /// More recipients than [`MAX_RECIPIENTS`].
    TooManyRecipients,
    /// More attachments than [`MAX_ATTACHMENTS`].
    TooManyAttachments,
    /// The Date input is not usable as a header value.
    BadDate,
    /// The Message-ID input is not `<id-left@id-right>` (angle brackets optional).
    BadMessageId,
    /// The boundary breaks RFC 2046 §5.1.1's grammar.
    BadBoundary {
        /// The boundary as given (at most 100 characters of it).
        boundary: String,
    },
    /// A part's content holds a line starting with `--boundary`: a reader would cut the part
    /// there (RFC 2046 §5.1.1: the boundary must not appear in the content).
    BoundaryInContent {
        /// The boundary.
        boundary: String,
    },
    /// A character the chosen charset cannot write (GB2312 has no emoji, for one).
    NotInCharset {
        /// The charset.
        charset: Charset,
        /// The first character it cannot write.
        character: char,
    },
    /// The requested transfer encoding cannot carry this body.
    CannotCarry {
        /// What was requested (7bit or 8bit).
        requested: TransferEncoding,
        /// Octets with the high bit set (7bit carries none).
        non_ascii: usize,
        /// The longest line in octets without CRLF (both carry at most 998).
        longest_line: usize,
        /// Whether the body has a NUL octet (neither carries it).
        nul: bool,
    },
    /// An attachment's Content-Type is not `type/subtype`.
    BadContentType {
        /// The value as given (at most 100 characters of it).
        value: String,
    },
    /// An attachment without a file name.
    EmptyFilename,
}

/// What is wrong with an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AddressProblem {
    /// Nothing given.
    Empty,
    /// Not `local-part@domain` with both parts present.
    NoAt,
    /// A character an address cannot hold unquoted (space, `<`, `>`, `,`, `"` …).
    BadCharacter(char),
    /// A non-ASCII character: that needs SMTPUTF8 (RFC 6531), which this composer does not do.
    NonAscii,
    /// The local part is over 64 octets (RFC 5321 §4.5.3.1.1).
    LocalTooLong,
    /// The domain is over 255 octets (RFC 5321 §4.5.3.1.2).
    DomainTooLong,
    /// The address is over 254 octets (a path is at most 256 with its angle brackets,
    /// RFC 5321 §4.5.3.1.3).
    TooLong,
    /// `Name <address` without the closing bracket, or text after it.
    Unbalanced,
    /// The local part starts or ends with a dot, or has two in a row (RFC 5321 §4.1.2,
    /// Dot-string).
    Dots,
    /// The domain is not labels of letters, digits and hyphens between single dots
    /// (RFC 5321 §4.1.2, Domain), nor an IPv4 or IPv6 address literal (§4.1.3).
    BadDomain,
}

const BAD_ADDRESS: Tr = Tr::new(
    "The address {address} cannot be used: {why}",
    "地址 {address} 不能使用：{why}",
);
const LINE_BREAK_IN_HEADER: Tr = Tr::new(
    "The {what} contains a line break (CR or LF). A header value is one logical line: a line break would start a new header — the \"header injection\" attack — so it is refused.",
    "{what} 中含有换行符（CR 或 LF）。邮件头的值是一个逻辑行：换行会开始一个新的邮件头——即“邮件头注入”攻击——因此拒绝。",
);
const TOO_LONG: Tr = Tr::new(
    "The {what} is too long: at most {limit} are taken.",
    "{what} 太长：最多 {limit}。",
);
const CANNOT_CARRY: Tr = Tr::new(
    "{token} cannot carry this body: {why}. Use quoted-printable or base64, or let the composer choose.",
    "{token} 无法承载这个正文：{why}。请使用 quoted-printable 或 base64，或让编写器自动选择。",
);
const CANNOT_CARRY_HIGH_BIT: Tr = Tr::new(
    "{non_ascii} octets have the high bit set (7bit is US-ASCII only, RFC 2045 §2.7)",
    "有 {non_ascii} 个字节的最高位为 1（7bit 只能是 US-ASCII，RFC 2045 §2.7）",
);
const CANNOT_CARRY_LONG_LINE: Tr = Tr::new(
    "a line has {longest_line} octets (at most 998, RFC 2045 §2.7–2.8, RFC 5322 §2.1.1)",
    "有一行长 {longest_line} 字节（最多 998，RFC 2045 §2.7–2.8，RFC 5322 §2.1.1）",
);
const CANNOT_CARRY_NUL: Tr = Tr::new("the body has a NUL octet", "正文中有 NUL 字节");
/// Between the reasons of a list: a semicolon in each language's own form.
const REASON_SEPARATOR: Tr = Tr::new("; ", "；");
const NO_RECIPIENTS: Tr = Tr::new(
    "The message has no recipient: give at least one To, Cc or Bcc address (each becomes one RCPT TO).",
    "邮件没有收件人：至少需要一个 To、Cc 或 Bcc 地址（每个地址对应一条 RCPT TO）。",
);
const TOO_MANY_RECIPIENTS: Tr = Tr::new(
    "More than {max_recipients} recipients: one SMTP transaction is only sure to take {max_recipients} (RFC 5321 §4.5.3.1.8). Send several messages.",
    "收件人超过 {max_recipients} 个：一个 SMTP 事务只保证能接受 {max_recipients} 个（RFC 5321 §4.5.3.1.8）。请分成几封发送。",
);
const TOO_MANY_ATTACHMENTS: Tr = Tr::new(
    "More than {max_attachments} attachments.",
    "附件超过 {max_attachments} 个。",
);
const BAD_DATE: Tr = Tr::new(
    "The Date must be printable ASCII on one line, at most 100 characters, in RFC 5322 §3.3's form, e.g. \"Fri, 8 Jan 2010 16:12:30 +0800\".",
    "Date 必须是一行可打印 ASCII，最多 100 个字符，采用 RFC 5322 §3.3 的格式，例如 \"Fri, 8 Jan 2010 16:12:30 +0800\"。",
);
const BAD_MESSAGE_ID: Tr = Tr::new(
    "The Message-ID must be <id-left@id-right> (RFC 5322 §3.6.4): printable ASCII without spaces, one @, at most 250 characters.",
    "Message-ID 必须是 <id-left@id-right> 形式（RFC 5322 §3.6.4）：不含空格的可打印 ASCII，一个 @，最多 250 个字符。",
);
const BAD_BOUNDARY: Tr = Tr::new(
    "The boundary {boundary} breaks RFC 2046 §5.1.1: 1 to 70 characters from letters, digits and '()+_,-./:=? and space, not ending in a space.",
    "边界 {boundary} 不符合 RFC 2046 §5.1.1：应为 1 到 70 个字符，只能用字母、数字和 '()+_,-./:=? 以及空格，且不能以空格结尾。",
);
const BOUNDARY_IN_CONTENT: Tr = Tr::new(
    "A line of the content starts with --{boundary}: a reader would take it for the end of the part (RFC 2046 §5.1.1). Choose another boundary.",
    "内容中有一行以 --{boundary} 开头：阅读器会把它当成该部分的结束（RFC 2046 §5.1.1）。请换一个边界。",
);
const NOT_IN_CHARSET: Tr = Tr::new(
    "{charset} has no code for {character} (U+{code}) that reads back as the same character. Use UTF-8, which carries every character (GB18030 carries all but a few private-use ones).",
    "{charset} 中没有能让 {character}（U+{code}）被读回为同一个字符的编码。请改用 UTF-8，它能承载所有字符（GB18030 除少数私用区字符外也都能承载）。",
);
const BAD_CONTENT_TYPE: Tr = Tr::new(
    "{value} is not a Content-Type: write type/subtype, e.g. application/pdf (RFC 2045 §5.1).",
    "{value} 不是合法的 Content-Type：应写成 type/subtype，例如 application/pdf（RFC 2045 §5.1）。",
);
const EMPTY_FILENAME: Tr = Tr::new(
    "An attachment needs a file name (it goes into Content-Disposition, RFC 2183 §2.3).",
    "附件需要文件名（写在 Content-Disposition 中，RFC 2183 §2.3）。",
);

impl MimeError {
    /// The error in `lang`, saying what would work.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            MimeError::BadAddress { address, problem } => BAD_ADDRESS.fill(
                lang,
                &[
                    ("address", &format!("{address:?}")),
                    ("why", &problem.describe(lang)),
                ],
            ),
            MimeError::LineBreakInHeader { what } => {
                LINE_BREAK_IN_HEADER.fill(lang, &[("what", &input_name(what).get(lang))])
            }
            MimeError::TooLong { what, limit } => TOO_LONG.fill(
                lang,
                &[("what", &input_name(what).get(lang)), ("limit", limit)],
            ),
            MimeError::NoRecipients => NO_RECIPIENTS.get(lang).to_owned(),
            MimeError::TooManyRecipients => {
                TOO_MANY_RECIPIENTS.fill(lang, &[("max_recipients", &MAX_RECIPIENTS)])
            }
            MimeError::TooManyAttachments => {
                TOO_MANY_ATTACHMENTS.fill(lang, &[("max_attachments", &MAX_ATTACHMENTS)])
            }
            MimeError::BadDate => BAD_DATE.get(lang).to_owned(),
            MimeError::BadMessageId => BAD_MESSAGE_ID.get(lang).to_owned(),
            MimeError::BadBoundary { boundary } => {
                BAD_BOUNDARY.fill(lang, &[("boundary", &format!("{boundary:?}"))])
            }
            MimeError::BoundaryInContent { boundary } => {
                BOUNDARY_IN_CONTENT.fill(lang, &[("boundary", &boundary)])
            }
            MimeError::NotInCharset { charset, character } => NOT_IN_CHARSET.fill(
                lang,
                &[
                    ("charset", &charset.label()),
                    ("character", &format!("{character:?}")),
                    ("code", &format!("{:04X}", u32::from(*character))),
                ],
            ),
            MimeError::CannotCarry {
                requested,
                non_ascii,
                longest_line,
                nul,
            } => {
                let mut why = Vec::new();
                if *non_ascii > 0 && *requested == TransferEncoding::SevenBit {
                    why.push(CANNOT_CARRY_HIGH_BIT.fill(lang, &[("non_ascii", non_ascii)]));
                }
                if *longest_line > 998 {
                    why.push(CANNOT_CARRY_LONG_LINE.fill(lang, &[("longest_line", longest_line)]));
                }
                if *nul {
                    why.push(CANNOT_CARRY_NUL.get(lang).to_owned());
                }
                CANNOT_CARRY.fill(
                    lang,
                    &[
                        ("token", &requested.token()),
                        ("why", &why.join(REASON_SEPARATOR.get(lang))),
                    ],
                )
            }
            MimeError::BadContentType { value } => {
                BAD_CONTENT_TYPE.fill(lang, &[("value", &format!("{value:?}"))])
            }
            MimeError::EmptyFilename => EMPTY_FILENAME.get(lang).to_owned(),
        }
    }
}

/// An input the errors name (in English in the error), in both languages.
fn input_name(what: &'static str) -> Tr {
    Tr::new(what, zh_what(what))
}

/// The Chinese name of an input named in English by the errors.
fn zh_what(what: &str) -> &'static str {
    match what {
        "subject" => "主题",
        "display name" => "显示名",
        "X-Mailer" => "X-Mailer",
        "file name" => "文件名",
        "Date" => "Date",
        "Message-ID" => "Message-ID",
        "content" => "内容",
        "Content-Type" => "Content-Type",
        _ => "输入",
    }
}

const EMPTY: Tr = Tr::new("it is empty.", "地址为空。");
const NO_AT: Tr = Tr::new(
    "an address is local-part@domain, both parts present (RFC 5321 §4.1.2).",
    "地址应为 local-part@domain，两部分都不能缺（RFC 5321 §4.1.2）。",
);
const BAD_CHARACTER: Tr = Tr::new(
    "{c} cannot appear in an address written without quotes (RFC 5321 §4.1.2).",
    "不加引号的地址中不能出现 {c}（RFC 5321 §4.1.2）。",
);
const NON_ASCII: Tr = Tr::new(
    "it has non-ASCII characters, which need SMTPUTF8 (RFC 6531); this composer writes ASCII addresses only (a Chinese display name is fine: it is encoded per RFC 2047).",
    "地址含有非 ASCII 字符，这需要 SMTPUTF8（RFC 6531）；本编写器只写 ASCII 地址（中文显示名没问题：会按 RFC 2047 编码）。",
);
const LOCAL_TOO_LONG: Tr = Tr::new(
    "the local part is over 64 octets (RFC 5321 §4.5.3.1.1).",
    "本地部分超过 64 字节（RFC 5321 §4.5.3.1.1）。",
);
const DOMAIN_TOO_LONG: Tr = Tr::new(
    "the domain is over 255 octets (RFC 5321 §4.5.3.1.2).",
    "域名超过 255 字节（RFC 5321 §4.5.3.1.2）。",
);
const ADDRESS_TOO_LONG: Tr = Tr::new(
    "it is over 254 octets (a path is at most 256 with its angle brackets, RFC 5321 §4.5.3.1.3).",
    "地址超过 254 字节（连同尖括号的路径最多 256 字节，RFC 5321 §4.5.3.1.3）。",
);
const DOTS: Tr = Tr::new(
    "the part before the @ cannot start or end with a dot, or have two dots in a row, unless it is quoted (RFC 5321 §4.1.2, Dot-string).",
    "@ 前面的部分不能以点开头或结尾，也不能连续出现两个点，除非加了引号（RFC 5321 §4.1.2，Dot-string）。",
);
const BAD_DOMAIN: Tr = Tr::new(
    "the domain must be labels of letters, digits and hyphens, each starting and ending with a letter or digit, between single dots (RFC 5321 §4.1.2), or an address literal such as [192.0.2.1] or [IPv6:2001:db8::1] (§4.1.3).",
    "域名必须由字母、数字和连字符组成的各级标签以单个点相连，每级标签以字母或数字开头和结尾（RFC 5321 §4.1.2），或者是地址字面量，例如 [192.0.2.1] 或 [IPv6:2001:db8::1]（§4.1.3）。",
);
const UNBALANCED: Tr = Tr::new(
    "write Name <local@domain>, or the bare address.",
    "请写成 显示名 <local@domain>，或只写地址。",
);

impl AddressProblem {
    /// The problem in `lang`.
    pub fn describe(self, lang: Lang) -> String {
        match self {
            AddressProblem::Empty => EMPTY.get(lang).to_owned(),
            AddressProblem::NoAt => NO_AT.get(lang).to_owned(),
            AddressProblem::Dots => DOTS.get(lang).to_owned(),
            AddressProblem::BadDomain => BAD_DOMAIN.get(lang).to_owned(),
            AddressProblem::BadCharacter(c) => {
                BAD_CHARACTER.fill(lang, &[("c", &format!("{c:?}"))])
            }
            AddressProblem::NonAscii => NON_ASCII.get(lang).to_owned(),
            AddressProblem::LocalTooLong => LOCAL_TOO_LONG.get(lang).to_owned(),
            AddressProblem::DomainTooLong => DOMAIN_TOO_LONG.get(lang).to_owned(),
            AddressProblem::TooLong => ADDRESS_TOO_LONG.get(lang).to_owned(),
            AddressProblem::Unbalanced => UNBALANCED.get(lang).to_owned(),
        }
    }
}

impl fmt::Display for MimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for MimeError {}

/// At most `n` characters of `text`, for error messages.
pub(crate) fn shorten(text: &str, n: usize) -> String {
    crate::i18n::cut::chars(text, n).to_string()
}
