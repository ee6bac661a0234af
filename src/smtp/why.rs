//! Why the server sent a reply: the situation (one per kind of reply a server gives) and
//! the session detail that made it so (the state, the policy, the limit that fired).
//!
//! The reference explains what a code means in general; a [`Why`] explains this reply in
//! this session. Both languages, always.

use crate::i18n::{Lang, Tr};

/// The kinds of reply the simulated server gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Situation {
    /// The 220 greeting on connect.
    Greeting,
    /// HELO accepted.
    Helo,
    /// EHLO accepted; the lines after the first list the extensions.
    Ehlo,
    /// MAIL FROM accepted: a transaction starts.
    MailOk,
    /// RCPT TO accepted.
    RcptOk,
    /// DATA accepted: send the message, end with a lone dot.
    DataGo,
    /// The message was received and queued.
    Queued,
    /// The message, sent in BDAT chunks, was received and queued.
    QueuedChunked,
    /// The message was queued, but it ended at a dot next to a bare LF (`<LF>.<LF>`), not at
    /// `<CRLF>.<CRLF>`: what follows runs as commands (SMTP smuggling).
    QueuedAtBareLf,
    /// A BDAT chunk (not the last) was received.
    ChunkOk,
    /// QUIT: the server closes the connection.
    Bye,
    /// RSET: the transaction is forgotten.
    RsetOk,
    /// NOOP.
    NoopOk,
    /// VRFY answered with the mailbox.
    VrfyOk,
    /// VRFY answered without verifying (252).
    VrfyNoVerify,
    /// VRFY of a mailbox the server does not have.
    VrfyUnknown,
    /// VRFY switched off by policy.
    VrfyDisabled,
    /// EXPN switched off by policy.
    ExpnDisabled,
    /// HELP text.
    Help,
    /// HELP is not implemented by this server.
    HelpUnsupported,
    /// A verb the server does not know.
    Unrecognized,
    /// A known verb with a bad argument.
    SyntaxError,
    /// A parameter on MAIL or RCPT the server does not support.
    ParamUnsupported,
    /// MAIL, RCPT, DATA or AUTH before HELO/EHLO.
    NeedHelo,
    /// RCPT or DATA before MAIL.
    NeedMail,
    /// DATA before any accepted RCPT.
    NeedRcpt,
    /// MAIL inside a transaction.
    NestedMail,
    /// A command line over 512 octets.
    LineTooLong,
    /// A message line over 1000 octets.
    TextLineTooLong,
    /// The message is larger than the server accepts.
    MessageTooBig,
    /// MAIL announced a SIZE larger than the server accepts.
    SizeTooBig,
    /// AUTH with a mechanism the server does not offer.
    AuthUnknownMechanism,
    /// AUTH after a successful AUTH.
    AuthAlready,
    /// AUTH inside a mail transaction.
    AuthInTransaction,
    /// AUTH when the server offers no authentication (HELO session, or none configured).
    AuthNotOffered,
    /// A 334 challenge.
    AuthChallenge,
    /// Authentication succeeded.
    AuthOk,
    /// Authentication failed: wrong user name or password.
    AuthFailed,
    /// Authentication failed because the server's authentication daemon is down.
    AuthBackendDown,
    /// The client cancelled the exchange with `*`.
    AuthCancelled,
    /// The client's SASL response is not valid base64.
    AuthBadBase64,
    /// The decoded SASL response is malformed (e.g. PLAIN without two NULs).
    AuthMalformed,
    /// MAIL without authentication where the policy requires it.
    AuthRequired,
    /// AUTH before STARTTLS where the policy requires TLS first.
    TlsRequired,
    /// AUTH before STARTTLS on a server that offers authentication only inside TLS and so
    /// does not even list AUTH before it (Postfix's `smtpd_tls_auth_only`).
    AuthNeedsEncryption,
    /// STARTTLS accepted.
    TlsReady,
    /// STARTTLS again inside TLS.
    TlsAlready,
    /// STARTTLS where the server does not offer it.
    TlsNotOffered,
    /// MAIL FROM differs from the authenticated user.
    SenderMismatch,
    /// RCPT to a local mailbox that does not exist.
    UnknownUser,
    /// RCPT to another domain from an unauthenticated client.
    RelayDenied,
    /// Non-ASCII address without SMTPUTF8.
    Utf8Required,
    /// An injected fault: the server answers as if it had a problem.
    Fault,
    /// BDAT before MAIL and RCPT; the chunk is read and discarded.
    BdatOutOfSequence,
    /// BDAT after DATA was chosen, or DATA during BDAT.
    MixedDataBdat,
    /// The client was silent longer than the server waits.
    Timeout,
    /// Greylisted: the first attempt for this sender and recipient is deferred.
    Greylisted,
    /// A message line ended in a bare LF.
    BareLf,
    /// The server refuses the connection: too many at once.
    TooManyConnections,
    /// The client made too many errors (or sent junk whose replies would outgrow it): 421
    /// and the connection is closed.
    TooManyErrors,
    /// The server has no room for the message now: 452, try later.
    InsufficientStorage,
    /// Too many failed authentications in one session: the connection is closed.
    TooManyAuthFailures,
    /// Too many refused recipients: every further RCPT is refused.
    TooManyBadRecipients,
    /// A bare CR in the message text: refused and the connection closed.
    BareCr,
    /// A command line over the server's limit: 421 and the connection is closed.
    LineTooLongClose,
    /// A line that looks like a mail header or an HTTP request sent as a command: Postfix
    /// hangs up (`smtpd_forbidden_commands`).
    ForbiddenCommand,
    /// ETRN accepted: the queue for the domain is being run (RFC 1985).
    EtrnStarted,
    /// ETRN for a domain the server does not queue for.
    EtrnRefused,
    /// ETRN without a domain.
    EtrnNoDomain,
    /// Sendmail's VERB: verbose mode on.
    VerbOk,
    /// A non-ASCII recipient in a transaction whose MAIL FROM did not declare SMTPUTF8.
    Utf8RequiredRcpt,
    /// PRDR (requested on MAIL): the message is in, per-recipient replies follow.
    PrdrBegin,
    /// PRDR: this recipient takes the message.
    PrdrRecipient,
    /// An address longer than the server takes (RFC 5321 §4.5.3.1.3: a path is at most 256
    /// octets).
    PathTooLong,
}

impl Situation {
    /// Where the rule behind this kind of reply is written: an RFC section, or, for what
    /// no RFC asks, the server whose behaviour it records (as
    /// [`Rule::source`](crate::mime::compose::Rule::source) does for a composed message).
    pub fn source(self) -> &'static str {
        use Situation as S;
        match self {
            S::Greeting => "RFC 5321 §3.1",
            S::Helo | S::Ehlo => "RFC 5321 §4.1.1.1",
            S::MailOk => "RFC 5321 §4.1.1.2",
            S::RcptOk => "RFC 5321 §4.1.1.3",
            S::DataGo => "RFC 5321 §4.1.1.4",
            S::Queued => "RFC 5321 §4.1.1.4, §6.1",
            S::QueuedAtBareLf => "RFC 5321 §4.1.1.4, §2.3.8",
            S::QueuedChunked | S::ChunkOk => "RFC 3030 §2",
            S::Bye => "RFC 5321 §4.1.1.10",
            S::RsetOk => "RFC 5321 §4.1.1.5",
            S::NoopOk => "RFC 5321 §4.1.1.9",
            S::VrfyOk | S::VrfyUnknown => "RFC 5321 §4.1.1.6",
            S::VrfyNoVerify => "RFC 5321 §3.5.3",
            S::VrfyDisabled | S::ExpnDisabled => "RFC 5321 §7.3",
            S::Help => "RFC 5321 §4.1.1.8",
            S::HelpUnsupported => "RFC 5321 §4.1.1.8, §4.2.4",
            S::Unrecognized => "RFC 5321 §4.2.4",
            S::SyntaxError => "RFC 5321 §4.1.2",
            S::ParamUnsupported => "RFC 5321 §4.1.1.11",
            // The sequencing rule: HELO/EHLO, MAIL, RCPT, DATA, in that order.
            S::NeedHelo | S::NeedMail | S::NestedMail => "RFC 5321 §4.1.4",
            S::NeedRcpt => "RFC 5321 §4.1.4, §4.1.1.4",
            S::LineTooLong | S::LineTooLongClose => "RFC 5321 §4.5.3.1.4",
            S::TextLineTooLong => "RFC 5321 §4.5.3.1.6",
            S::MessageTooBig => "RFC 5321 §4.5.3.1.7; RFC 1870 (SIZE)",
            S::SizeTooBig => "RFC 1870 (SIZE)",
            S::AuthNotOffered => "RFC 4954 §3, §4",
            S::AuthUnknownMechanism
            | S::AuthAlready
            | S::AuthInTransaction
            | S::AuthChallenge
            | S::AuthCancelled
            | S::AuthBadBase64
            | S::AuthMalformed => "RFC 4954 §4",
            S::AuthOk
            | S::AuthFailed
            | S::AuthBackendDown
            | S::AuthRequired
            | S::AuthNeedsEncryption => "RFC 4954 §6",
            S::TlsRequired => "RFC 3207 §4; RFC 4954 §6",
            S::TlsReady => "RFC 3207 §4, §4.2",
            S::TlsAlready | S::TlsNotOffered => "RFC 3207 §4",
            S::SenderMismatch => {
                "the provider's policy: the envelope sender must be the authenticated account (163.com, QQ Mail)"
            }
            S::UnknownUser => "RFC 5321 §4.1.1.3",
            S::RelayDenied => "RFC 5321 §3.6",
            S::Utf8Required | S::Utf8RequiredRcpt => "RFC 6531 §3.4",
            S::Fault => "RFC 5321 §4.2.1",
            S::BdatOutOfSequence | S::MixedDataBdat => "RFC 3030 §2",
            S::Timeout => "RFC 5321 §4.5.3.2",
            S::Greylisted => "RFC 6647 (greylisting); RFC 5321 §4.5.4.1 (the client retries)",
            S::BareLf | S::BareCr => "RFC 5321 §2.3.8",
            S::TooManyConnections => "RFC 5321 §3.8 (421)",
            S::TooManyErrors => "RFC 5321 §3.8 (421); Postfix smtpd_hard_error_limit",
            S::InsufficientStorage => "RFC 5321 §4.2.2 (452)",
            S::TooManyAuthFailures => "Exim smtp_accept_max_nonmail (recorded with Exim 4.96)",
            S::TooManyBadRecipients => "Exim's limit on refused recipients (recorded with Exim 4.96)",
            S::ForbiddenCommand => "Postfix smtpd_forbidden_commands",
            S::EtrnStarted | S::EtrnRefused | S::EtrnNoDomain => "RFC 1985 (ETRN)",
            S::VerbOk => "Sendmail's VERB (not a standard command)",
            S::PrdrBegin | S::PrdrRecipient => "PRDR (draft-hall-prdr, as Exim implements it)",
            S::PathTooLong => "RFC 5321 §4.5.3.1.3",
        }
    }
}

/// Where a real server accepts what RFC 5321 (or RFC 4954) does not allow, or reads further.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Leniency {
    /// A command line over RFC 5321's 512 octets, read anyway (up to the server's limit).
    LongCommandLine {
        /// The server's own limit, in octets with CRLF.
        limit: u64,
        /// The line's length.
        seen: u64,
    },
    /// MAIL (or RCPT, DATA) before HELO/EHLO.
    NoHelo,
    /// AUTH without EHLO (RFC 4954 §4 makes AUTH an ESMTP extension).
    AuthWithoutEhlo,
    /// An argument after a command that takes none, ignored.
    IgnoredArgument(&'static str),
    /// A message line over RFC 5321's 1000 octets, taken.
    LongTextLine {
        /// The longest line's length, with CRLF.
        seen: u64,
    },
}

const LONG_COMMAND_LINE: Tr = Tr::new(
    "{server} accepts this {seen}-octet line (it reads command lines up to {limit} octets); RFC 5321 §4.5.3.1.4 limits a command line to 512 octets, and a strict server replies 500.",
    "{server} 接受这行 {seen} 字节的命令（它读取的命令行最长 {limit} 字节）；RFC 5321 §4.5.3.1.4 规定命令行最长 512 字节，严格的服务器会回复 500。",
);
const NO_HELO: Tr = Tr::new(
    "{server} accepts this without HELO/EHLO; RFC 5321 §4.1.4 says the client must say HELO or EHLO before a transaction, and a strict server replies 503.",
    "{server} 在没有 HELO/EHLO 的情况下也接受；RFC 5321 §4.1.4 规定客户端必须先发送 HELO 或 EHLO 才能开始事务，严格的服务器会回复 503。",
);
const AUTH_WITHOUT_EHLO: Tr = Tr::new(
    "{server} accepts AUTH without EHLO; RFC 4954 §4 makes AUTH an ESMTP extension, available only after EHLO, and a strict server replies 503.",
    "{server} 在没有 EHLO 的情况下也接受 AUTH；RFC 4954 §4 规定 AUTH 是 ESMTP 扩展，只能在 EHLO 之后使用，严格的服务器会回复 503。",
);
const IGNORED_ARGUMENT: Tr = Tr::new(
    "{server} ignores the argument after {verb}; RFC 5321 §4.1.1 gives {verb} no argument, and a strict server replies 501.",
    "{server} 忽略 {verb} 后面的参数；RFC 5321 §4.1.1 规定 {verb} 不带参数，严格的服务器会回复 501。",
);
const LONG_TEXT_LINE: Tr = Tr::new(
    "{server} accepts a message line of {seen} octets; RFC 5321 §4.5.3.1.6 limits a text line to 1000 octets, and a strict server refuses the message (Exim: 550).",
    "{server} 接受了 {seen} 字节长的邮件行；RFC 5321 §4.5.3.1.6 规定文本行最长 1000 字节，严格的服务器会拒收这封邮件（Exim 回复 550）。",
);

impl Leniency {
    /// What the server does and what the standard says, with the server's name.
    pub fn explain(&self, server: &str, lang: Lang) -> String {
        match self {
            Leniency::LongCommandLine { limit, seen } => LONG_COMMAND_LINE.fill(
                lang,
                &[("server", &server), ("seen", &seen), ("limit", &limit)],
            ),
            Leniency::NoHelo => NO_HELO.fill(lang, &[("server", &server)]),
            Leniency::AuthWithoutEhlo => AUTH_WITHOUT_EHLO.fill(lang, &[("server", &server)]),
            Leniency::IgnoredArgument(verb) => {
                IGNORED_ARGUMENT.fill(lang, &[("server", &server), ("verb", &verb)])
            }
            Leniency::LongTextLine { seen } => {
                LONG_TEXT_LINE.fill(lang, &[("server", &server), ("seen", &seen)])
            }
        }
    }
}

/// What in the session made the reply what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// The verb the learner probably meant.
    DidYouMean(&'static str),
    /// A limit that fired: what it is and what was seen.
    Limit {
        /// The limit.
        limit: u64,
        /// What the input had.
        seen: u64,
    },
    /// Which argument was wrong and how.
    Syntax(crate::smtp::command::Syntax),
    /// An address accepted without the angle brackets RFC 5321 requires.
    NoBrackets,
    /// The authenticated user, for a sender mismatch.
    AuthenticatedAs(String),
    /// What went wrong in the SASL exchange.
    Sasl(SaslProblem),
    /// The decoded challenge text of a 334.
    Challenge(String),
    /// The injected fault's code.
    FaultCode(u16),
    /// The real server takes this where RFC 5321 would not: both are said.
    Lenient {
        /// The profile's name.
        server: &'static str,
        /// What it accepts.
        leniency: Leniency,
    },
    /// Where a provider profile's wording comes from and what the RFC says where it
    /// differs, before any other detail.
    Provider {
        /// The note.
        note: Tr,
        /// The reply's other detail.
        then: Option<Box<Detail>>,
    },
    /// The real server lists this SASL mechanism, but the trainer does not simulate it.
    NotSimulated,
    /// The transaction's state when a sequencing error happened.
    Transaction {
        /// MAIL FROM given.
        from: Option<String>,
        /// Accepted recipients.
        recipients: usize,
    },
}

pub use crate::sasl::problem::SaslProblem;

/// A situation and its session detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Why {
    /// The kind of reply.
    pub situation: Situation,
    /// What in the session made it so, if anything beyond the situation.
    pub detail: Option<Detail>,
}

impl Why {
    /// A reply with no further detail.
    pub fn of(situation: Situation) -> Why {
        Why {
            situation,
            detail: None,
        }
    }

    /// A reply with a detail.
    pub fn with(situation: Situation, detail: Detail) -> Why {
        Why {
            situation,
            detail: Some(detail),
        }
    }

    /// The whole explanation in `lang`: the situation, then the detail.
    pub fn explain(&self, lang: Lang) -> String {
        let mut text = self.situation.explain().get(lang).to_string();
        if let Some(detail) = &self.detail {
            text.push(' ');
            text.push_str(&detail.explain(lang));
        }
        text
    }
}

const TRANSACTION: Tr = Tr::new(
    "The current transaction has MAIL FROM:<{from}> and {recipients} accepted recipient(s).",
    "当前事务的 MAIL FROM 是 <{from}>，已接受 {recipients} 个收件人。",
);
const NO_TRANSACTION: Tr = Tr::new(
    "No transaction is open: it starts with MAIL FROM.",
    "当前没有事务：事务从 MAIL FROM 开始。",
);
const DID_YOU_MEAN: Tr = Tr::new("Did you mean {v}?", "你是不是想输入 {v}？");
const LIMIT: Tr = Tr::new(
    "The limit is {limit} octets; this had {seen}.",
    "上限是 {limit} 字节；这里有 {seen} 字节。",
);
const NO_BRACKETS: Tr = Tr::new(
    "Accepted, but RFC 5321 §4.1.2 requires angle brackets: MAIL FROM:<a@b>. Strict servers reply 501.",
    "已接受，但 RFC 5321 §4.1.2 要求使用尖括号：MAIL FROM:<a@b>。严格的服务器会回复 501。",
);
const AUTHENTICATED_AS: Tr = Tr::new(
    "You authenticated as {user}; the envelope sender must be that address.",
    "你认证的账号是 {user}；信封发件人必须是这个地址。",
);
const NOT_SIMULATED: Tr = Tr::new(
    "The real server lists this mechanism on its AUTH line (Gmail's and QQ Mail's XOAUTH, Google's older OAuth 1.0 mechanism; Gmail's PLAIN-CLIENTTOKEN), but neither is publicly specified, so the trainer does not simulate it and answers as RFC 4954 §4 says for a mechanism the server does not support. Use XOAUTH2 or OAUTHBEARER (RFC 7628).",
    "真实服务器在 AUTH 行里列出了这个机制（Gmail 和 QQ 邮箱的 XOAUTH 是谷歌较早的 OAuth 1.0 机制；Gmail 的 PLAIN-CLIENTTOKEN），但它们都没有公开的规范，所以训练器不模拟它，按 RFC 4954 §4 对服务器不支持的机制的规定回答。请使用 XOAUTH2 或 OAUTHBEARER（RFC 7628）。",
);
const CHALLENGE: Tr = Tr::new("The challenge decodes to {text}.", "质询解码后是 {text}。");
const FAULT_CODE: Tr = Tr::new(
    "Fault injection is on: the server answered {code} on purpose, so you can see how a client should react.",
    "已开启故障注入：服务器故意回复 {code}，让你观察客户端应如何应对。",
);

impl Detail {
    /// The detail in words.
    pub fn explain(&self, lang: Lang) -> String {
        use crate::smtp::command::Syntax as S;
        match self {
            Detail::DidYouMean(v) => DID_YOU_MEAN.fill(lang, &[("v", &v)]),
            Detail::Limit { limit, seen } => {
                LIMIT.fill(lang, &[("limit", &limit), ("seen", &seen)])
            }
            Detail::Syntax(problem) => {
                let tr = match problem {
                    S::MissingDomain => Tr::new("HELO and EHLO need the client's domain name or address literal, e.g. EHLO client.example or EHLO [192.0.2.1].", "HELO 和 EHLO 需要客户端的域名或地址字面量，例如 EHLO client.example 或 EHLO [192.0.2.1]。"),
                    S::MissingKeyword => Tr::new("MAIL needs FROM: and RCPT needs TO:, e.g. MAIL FROM:<alice@example.com>.", "MAIL 后面要有 FROM:，RCPT 后面要有 TO:，例如 MAIL FROM:<alice@example.com>。"),
                    S::MissingAddress => Tr::new("The address is missing; write it in angle brackets, e.g. RCPT TO:<bob@example.com>.", "缺少地址；请把地址写在尖括号里，例如 RCPT TO:<bob@example.com>。"),
                    S::BadAddress => Tr::new("The address is malformed: RFC 5321 wants local-part@domain inside < >, without spaces.", "地址格式错误：RFC 5321 要求写成 < > 括起来的 local-part@domain，不能有空格。"),
                    S::NullRecipient => Tr::new("The null path <> is only for MAIL FROM (bounces); a recipient needs an address.", "空路径 <> 只用于 MAIL FROM（退信）；收件人必须有地址。"),
                    S::BadParameter => Tr::new("Parameters after the address are KEYWORD or KEYWORD=value, separated by spaces.", "地址后面的参数格式为 KEYWORD 或 KEYWORD=value，用空格分隔。"),
                    S::BadChunkSize => Tr::new("BDAT takes the chunk size in octets and optionally LAST, e.g. BDAT 86 LAST (RFC 3030).", "BDAT 需要以字节为单位的块大小，可选 LAST，例如 BDAT 86 LAST（RFC 3030）。"),
                    S::MissingMechanism => Tr::new("AUTH needs a mechanism name, e.g. AUTH PLAIN or AUTH LOGIN.", "AUTH 需要机制名，例如 AUTH PLAIN 或 AUTH LOGIN。"),
                    S::MissingArgument => Tr::new("This command needs an argument, e.g. VRFY alice.", "这个命令需要参数，例如 VRFY alice。"),
                    S::UnexpectedArgument => Tr::new("This command takes no argument.", "这个命令不带参数。"),
                    S::NoDomain => Tr::new("The address has no domain. Postfix and Sendmail would append their own; this server wants local-part@domain.", "地址没有域名部分。Postfix 和 Sendmail 会自动补上自己的域名；这个服务器要求 local-part@domain。"),
                };
                tr.get(lang).to_string()
            }
            Detail::NoBrackets => NO_BRACKETS.get(lang).to_owned(),
            Detail::AuthenticatedAs(user) => AUTHENTICATED_AS.fill(lang, &[("user", &user)]),
            Detail::Sasl(problem) => problem.explain(lang),
            Detail::Lenient { server, leniency } => leniency.explain(server, lang),
            Detail::Provider { note, then } => match then {
                Some(then) => format!("{} {}", then.explain(lang), note.get(lang)),
                None => note.get(lang).to_string(),
            },
            Detail::NotSimulated => NOT_SIMULATED.get(lang).to_owned(),
            Detail::Challenge(text) => CHALLENGE.fill(lang, &[("text", &format!("{text:?}"))]),
            Detail::FaultCode(code) => FAULT_CODE.fill(lang, &[("code", &code)]),
            Detail::Transaction { from, recipients } => match from {
                Some(from) => TRANSACTION.fill(lang, &[("from", from), ("recipients", recipients)]),
                None => NO_TRANSACTION.get(lang).to_owned(),
            },
        }
    }
}

impl Situation {
    /// What this kind of reply means in this session, in both languages.
    pub fn explain(self) -> Tr {
        use Situation as S;
        match self {
            S::Greeting => Tr::new("The server is ready. Introduce yourself with EHLO (or HELO for plain SMTP).", "服务器已就绪。请用 EHLO（或纯 SMTP 的 HELO）报上客户端的名字。"),
            S::Helo => Tr::new("HELO accepted: a plain SMTP session (no extensions, so no AUTH). Next: MAIL FROM.", "HELO 已接受：这是纯 SMTP 会话（没有扩展，因此不能 AUTH）。下一步：MAIL FROM。"),
            S::Ehlo => Tr::new("EHLO accepted: each following line names an extension the server offers (RFC 5321 §4.1.1.1). Any open transaction was reset.", "EHLO 已接受：后面每一行是服务器提供的一个扩展（RFC 5321 §4.1.1.1）。已打开的事务被重置。"),
            S::MailOk => Tr::new("The sender is accepted and a mail transaction has begun. Next: one RCPT TO per recipient.", "发件人已接受，邮件事务开始。下一步：每个收件人一条 RCPT TO。"),
            S::RcptOk => Tr::new("The recipient is accepted. Add more with RCPT TO, or send DATA.", "收件人已接受。可以继续 RCPT TO 添加，或发送 DATA。"),
            S::DataGo => Tr::new("Send the message: headers, an empty line, the body; end with a line holding only a dot. A line starting with a dot is sent with one more dot (dot-stuffing, RFC 5321 §4.5.2).", "请发送邮件：邮件头、一个空行、正文；以只含一个点的行结束。以点开头的行要再加一个点（点填充，RFC 5321 §4.5.2）。"),
            S::Queued => Tr::new("The message is accepted: the server now takes responsibility for delivering it. It is in the mailbox with its envelope.", "邮件已接受：投递责任转交给服务器。它已连同信封存入邮箱。"),
            S::QueuedAtBareLf => Tr::new("The message is accepted, but it ended at a dot next to a bare LF (<LF>.<LF>, <CR><LF>.<LF> or <LF>.<CR><LF>), not at <CR><LF>.<CR><LF> as RFC 5321 §4.1.1.4 says. Whatever followed in the same stream now runs as commands: if an outbound server passed those bytes on as message text, a second, smuggled message gets in under its name (SMTP smuggling, December 2023). Postfix fixes it with smtpd_forbid_bare_newline; Sendmail 8.17 as Debian 12 ships it refuses a bare LF with 421, and Exim 4.96 there ends data only at <CR><LF>.<CR><LF>.", "邮件已接受，但它是在紧挨裸 LF 的点处结束的（<LF>.<LF>、<CR><LF>.<LF> 或 <LF>.<CR><LF>），而不是 RFC 5321 §4.1.1.4 规定的 <CR><LF>.<CR><LF>。同一数据流中后面的内容会被当作命令执行：如果发信服务器把这些字节当作邮件正文转发过来，就会以它的名义混进第二封伪造的邮件（SMTP 走私，2023 年 12 月公开）。Postfix 用 smtpd_forbid_bare_newline 修复；Debian 12 自带的 Sendmail 8.17 遇到裸 LF 会回复 421，Exim 4.96 只在 <CR><LF>.<CR><LF> 处结束数据。"),
            S::QueuedChunked => Tr::new("The last chunk arrived and the whole message is accepted: the server now takes responsibility for delivering it (RFC 3030).", "最后一块已到达，整封邮件被接受：投递责任转交给服务器（RFC 3030）。"),
            S::ChunkOk => Tr::new("The chunk is received; send the next BDAT, and mark the final one LAST (RFC 3030).", "数据块已收到；继续发送下一个 BDAT，最后一块标记 LAST（RFC 3030）。"),
            S::Bye => Tr::new("The server closes the connection, as QUIT asks.", "服务器按 QUIT 的要求关闭连接。"),
            S::RsetOk => Tr::new("The transaction (sender, recipients, data) is forgotten; the greeting and any authentication stay.", "事务（发件人、收件人、数据）已清除；问候和认证状态保留。"),
            S::NoopOk => Tr::new("NOOP does nothing but keep the connection alive.", "NOOP 什么也不做，只是保持连接。"),
            S::VrfyOk => Tr::new("The server would take mail for this mailbox: 250 says it exists; Postfix answers 252 for an address it accepts (252 alone means \"cannot VRFY user, but will accept message\", RFC 5321 §3.5.3). Many servers disable VRFY: it lets spammers harvest addresses.", "服务器会接收发往这个邮箱的邮件：250 表示邮箱存在；Postfix 对它接受的地址回答 252（单独的 252 意为“无法验证用户，但会接受邮件”，RFC 5321 §3.5.3）。很多服务器禁用 VRFY，因为它会被垃圾邮件发送者用来收集地址。"),
            S::VrfyNoVerify => Tr::new("252: the server will not say whether the mailbox exists, but would accept mail for it (RFC 5321 §3.5.3).", "252：服务器不说明邮箱是否存在，但会接受发往它的邮件（RFC 5321 §3.5.3）。"),
            S::VrfyUnknown => Tr::new("No such mailbox (or list) here: the server refuses the address asked about.", "这里没有这个邮箱（或列表）：服务器拒绝了所询问的地址。"),
            S::VrfyDisabled => Tr::new("VRFY is turned off here, as many servers do to stop address harvesting: the reply says nothing about the mailbox. RFC 5321 §7.3 asks such a server to answer 252 (\"cannot VRFY user, but will accept message\"); an error code instead (500, 502, 550) is the server's own choice.", "这里关闭了 VRFY，很多服务器都这样做以防地址被收集：这个回复不说明邮箱是否存在。RFC 5321 §7.3 要求这样的服务器回答 252（“无法验证用户，但会接受邮件”）；改用错误码（500、502、550）是服务器自己的选择。"),
            S::ExpnDisabled => Tr::new("EXPN (expanding a mailing list) is refused here, as almost everywhere: turned off by policy, or, as in Postfix, not implemented at all. The reply says nothing about the list. RFC 5321 §7.3 asks a server that turns it off to answer 252; an error code instead (500, 502, 550) is the server's own choice.", "这里拒绝了 EXPN（展开邮件列表），几乎所有服务器都如此：或按策略关闭，或者像 Postfix 那样根本没有实现。这个回复不说明列表是否存在。RFC 5321 §7.3 要求关闭它的服务器回答 252；改用错误码（500、502、550）是服务器自己的选择。"),
            S::Help => Tr::new("HELP lists the commands the server knows.", "HELP 列出服务器支持的命令。"),
            S::HelpUnsupported => Tr::new("This server does not implement HELP (Postfix, for one, does not).", "这个服务器没有实现 HELP（例如 Postfix 就没有）。"),
            S::Unrecognized => Tr::new("The server does not know this command. Check the spelling: SMTP verbs are four letters (and STARTTLS).", "服务器不认识这个命令。请检查拼写：SMTP 命令都是四个字母，只有 STARTTLS 例外。"),
            S::SyntaxError => Tr::new("The command is known but its argument is malformed (RFC 5321 §4.1).", "命令可以识别，但参数格式错误（RFC 5321 §4.1）。"),
            S::ParamUnsupported => Tr::new("The server does not support this MAIL/RCPT parameter, or the extension it belongs to was not advertised (RFC 5321 §4.1.1.11).", "服务器不支持这个 MAIL/RCPT 参数，或者它所属的扩展没有被通告（RFC 5321 §4.1.1.11）。"),
            S::NeedHelo => Tr::new("Say EHLO (or HELO) first: this server wants the client to introduce itself before a transaction.", "请先发送 EHLO（或 HELO）：这个服务器要求客户端在开始事务之前先用问候报上名字。"),
            S::NeedMail => Tr::new("Bad sequence: a transaction starts with MAIL FROM; RCPT and DATA come after it (RFC 5321 §4.1.4).", "命令顺序错误：事务以 MAIL FROM 开始，RCPT 和 DATA 在它之后（RFC 5321 §4.1.4）。"),
            S::NeedRcpt => Tr::new("Bad sequence: DATA needs at least one accepted RCPT TO first.", "命令顺序错误：DATA 之前至少需要一个被接受的 RCPT TO。"),
            S::NestedMail => Tr::new("Bad sequence: a transaction is already open. Finish it with DATA, or RSET to start over.", "命令顺序错误：已经有一个打开的事务。请用 DATA 完成，或用 RSET 重新开始。"),
            S::LineTooLong => Tr::new("The command line is longer than this server reads. RFC 5321 §4.5.3.1.4 allows 512 octets including CRLF (an AUTH line 12288, RFC 4954 §4); real servers read further (Postfix and Sendmail 2048 octets, Exim 16384), the RFC 5321 strict profile does not.", "命令行超过了这个服务器读取的长度。RFC 5321 §4.5.3.1.4 允许含 CRLF 512 字节（AUTH 行为 12288 字节，RFC 4954 §4）；真实服务器读得更长（Postfix 和 Sendmail 2048 字节，Exim 16384 字节），“RFC 5321 严格”配置则不然。"),
            S::TextLineTooLong => Tr::new("A line of the message is longer than 1000 octets including CRLF, the limit of RFC 5321 §4.5.3.1.6; encode long lines (quoted-printable or base64). Exim refuses such a message like this; Postfix instead splits the line silently. The counts below include the CRLF; Exim's own \"998 octets, got N\" leaves it out, so its numbers are 2 smaller for the same line. Where the reply is 550 (Exim's), that is because RFC 5321 has no code of its own for a line too long: 550's title speaks of a mailbox, but servers use it for any permanent refusal of the message.", "邮件中有一行超过 1000 字节（含 CRLF），超出 RFC 5321 §4.5.3.1.6 的限制；长行应编码（quoted-printable 或 base64）。Exim 会这样拒绝邮件；Postfix 则悄悄把长行拆开。下面的计数包含 CRLF；Exim 自己说的 \"998 octets, got N\" 不含 CRLF，所以同一行的数字少 2。如果回复码是 550（Exim 就是这样），那是因为 RFC 5321 没有专门表示行太长的代码：550 的标题说的是邮箱，但服务器会用它表示对邮件的任何永久拒绝。"),
            S::MessageTooBig => Tr::new("The message is larger than the server's maximum size; it was discarded.", "邮件超过服务器允许的最大大小，已被丢弃。"),
            S::SizeTooBig => Tr::new("The SIZE announced on MAIL FROM is over the server's limit (RFC 1870), so it refuses before any data is sent.", "MAIL FROM 中声明的 SIZE 超过服务器上限（RFC 1870），因此在发送数据前就拒绝。"),
            S::AuthUnknownMechanism => Tr::new("The server does not offer this SASL mechanism; use one listed on the AUTH line of the EHLO reply. RFC 4954 §4 says 504; Postfix answers 535 instead.", "服务器不提供这个 SASL 机制；请使用 EHLO 回复中 AUTH 行列出的机制。RFC 4954 §4 规定回复 504；Postfix 却回复 535。"),
            S::AuthAlready => Tr::new("Already authenticated: RFC 4954 §4 allows one successful AUTH per session.", "已经认证过了：RFC 4954 §4 规定每个会话只能成功认证一次。"),
            S::AuthInTransaction => Tr::new("AUTH is not allowed inside a mail transaction (RFC 4954 §4); RSET first.", "邮件事务中不允许 AUTH（RFC 4954 §4）；请先 RSET。"),
            S::AuthNotOffered => Tr::new("Authentication is not available here: AUTH is an ESMTP extension, so it needs EHLO, and the server must list it.", "这里不能认证：AUTH 是 ESMTP 扩展，需要先 EHLO，并且服务器要通告它。"),
            S::AuthChallenge => Tr::new("A SASL challenge (334): the text is base64. Answer with one base64 line, or * to cancel (RFC 4954 §4).", "SASL 质询（334）：文本是 base64。请用一行 base64 回答，或用 * 取消（RFC 4954 §4）。"),
            S::AuthOk => Tr::new("Authenticated. The session now acts for this user (and may relay mail).", "认证成功。会话现在以该用户身份进行（并且可以中继邮件）。"),
            S::AuthFailed => Tr::new("Authentication failed: the user name or password is wrong, or the response was computed wrongly.", "认证失败：用户名或密码错误，或响应计算有误。"),
            S::AuthBackendDown => Tr::new("Authentication failed although the credentials may be right: the server's own password check, its SASL daemon, did not answer. The fix is on the server, not in the client's password. RFC 4954 §6 gives this case its own reply, 454 4.7.0 (temporary: the client should not ask the user for the password again); a server that answers 535 makes it look like a wrong password.", "认证失败，但凭据可能是对的：服务器自己的密码验证（SASL 守护进程）没有响应。解决办法在服务器端，而不是客户端的密码。RFC 4954 §6 为这种情况规定了专门的回复 454 4.7.0（暂时性的：客户端不应再次向用户索要密码）；回答 535 的服务器会让它看起来像密码错误。"),
            S::AuthCancelled => Tr::new("The client cancelled the authentication with * (RFC 4954 §4).", "客户端用 * 取消了认证（RFC 4954 §4）。"),
            S::AuthBadBase64 => Tr::new("The SASL response is not valid base64 (RFC 4954 §4 requires base64).", "SASL 响应不是合法的 base64（RFC 4954 §4 要求使用 base64）。"),
            S::AuthMalformed => Tr::new("The decoded SASL response is not what the mechanism expects.", "解码后的 SASL 响应不符合该机制的格式。"),
            S::AuthRequired => Tr::new("This server only accepts mail from authenticated users: AUTH first.", "这个服务器只接受已认证用户的邮件：请先 AUTH。"),
            S::TlsRequired => Tr::new("The server's policy wants TLS before authentication, so passwords never cross the network in clear: STARTTLS, then EHLO again, then AUTH.", "服务器策略要求在认证之前启用 TLS，以免密码明文传输：先 STARTTLS，再重新 EHLO，然后 AUTH。"),
            S::AuthNeedsEncryption => Tr::new("This server authenticates only inside TLS: before STARTTLS its EHLO reply does not even list AUTH, and an AUTH gets this refusal (Postfix's smtpd_tls_auth_only). STARTTLS, then EHLO again — now AUTH is listed — then AUTH. RFC 4954 §6 names 538 5.7.11 \"Encryption required for requested authentication mechanism\" for this; Postfix answers with 504 5.5.4 and the same words.", "这台服务器只在 TLS 内进行认证：STARTTLS 之前，它的 EHLO 回复里根本不列出 AUTH，AUTH 命令会得到这个拒绝（Postfix 的 smtpd_tls_auth_only）。先 STARTTLS，再重新 EHLO——这时 AUTH 才会列出——然后 AUTH。RFC 4954 §6 为此规定的是 538 5.7.11 \"Encryption required for requested authentication mechanism\"；Postfix 用 504 5.5.4 和同样的文字回答。"),
            S::TlsReady => Tr::new("STARTTLS accepted: the TLS handshake follows (simulated here). Afterwards the server forgets everything (RFC 3207 §4.2): send EHLO again.", "STARTTLS 已接受：接着进行 TLS 握手（这里是模拟的）。之后服务器会忘记之前的一切（RFC 3207 §4.2）：请重新发送 EHLO。"),
            S::TlsAlready => Tr::new("TLS is already active in this session.", "本会话已经启用了 TLS。"),
            S::TlsNotOffered => Tr::new("The server does not offer STARTTLS here (it must be listed in the EHLO reply).", "服务器这里不提供 STARTTLS（必须出现在 EHLO 回复中）。"),
            S::SenderMismatch => Tr::new("The envelope sender (MAIL FROM) is not the authenticated account. Providers such as 163.com refuse this: set the sender address to the address you logged in with (as the DokuWiki case shows).", "信封发件人（MAIL FROM）与认证账号不一致。163.com 等服务商会拒绝：请把发件人地址设为登录时使用的地址（DokuWiki 案例正是如此）。"),
            S::UnknownUser => Tr::new("No such mailbox on this server. Check the recipient's address.", "服务器上没有这个邮箱。请检查收件人地址。"),
            S::RelayDenied => Tr::new("The recipient is in a domain this server does not serve, and an unauthenticated client may not relay through it. Authenticate first, or send to the recipient's own server.", "收件人所在域不由这台服务器负责，未认证的客户端不能通过它中继。请先认证，或直接发给收件人自己的服务器。"),
            S::Utf8Required => Tr::new("A non-ASCII address needs the SMTPUTF8 parameter on MAIL FROM (RFC 6531).", "非 ASCII 地址需要在 MAIL FROM 中带上 SMTPUTF8 参数（RFC 6531）。"),
            S::Fault => Tr::new("A simulated server-side problem.", "模拟的服务器端故障。"),
            S::BdatOutOfSequence => Tr::new("Bad sequence: BDAT needs MAIL FROM and an accepted RCPT TO first; the chunk's data was read and discarded (RFC 3030 §2).", "命令顺序错误：BDAT 之前需要 MAIL FROM 和被接受的 RCPT TO；该数据块已读取并丢弃（RFC 3030 §2）。"),
            S::Greylisted => Tr::new("Greylisting: the server defers the first attempt from an unknown sender/recipient pair with a 4xx and accepts a retry after a while. Real mail servers retry; many spam tools do not. Send the same RCPT again.", "灰名单：服务器对陌生的发件人/收件人组合的第一次尝试回复 4xx 暂缓，过一会儿重试就接受。真正的邮件服务器会重试，很多垃圾邮件工具不会。请再发送一次同样的 RCPT。"),
            S::BareLf => Tr::new("A line of the message ended in a bare LF instead of CRLF (RFC 5321 §2.3.8). Servers that guard against SMTP smuggling refuse it and hang up; send every line with CRLF.", "邮件中有一行以裸 LF 而不是 CRLF 结尾（RFC 5321 §2.3.8）。防范 SMTP 走私的服务器会拒绝并断开连接；每一行都应以 CRLF 结尾。"),
            S::Timeout => Tr::new("The client sent nothing for too long, so the server gives up and closes the connection (RFC 5321 §4.5.3.2 lists the timeouts).", "客户端太久没有发送任何内容，服务器放弃并关闭连接（RFC 5321 §4.5.3.2 列出了各项超时）。"),
            S::TooManyErrors => Tr::new("The client made too many errors in this session (unknown commands, refused recipients, failed authentications) or sent junk whose replies would outgrow it, so the server stops listening and closes the connection; Postfix slows down after 10 errors (smtpd_soft_error_limit) and hangs up after 20 (smtpd_hard_error_limit).", "客户端在本次会话中出错太多（未知命令、被拒的收件人、认证失败），或发送的垃圾数据所引起的回复会超过它本身，服务器不再处理并关闭连接；Postfix 在 10 次错误后放慢（smtpd_soft_error_limit），20 次后断开（smtpd_hard_error_limit）。"),
            S::InsufficientStorage => Tr::new("The server has no room for this message now (its storage budget is used up by other messages in progress), so it defers it with 452 (RFC 5321 §4.2.2: 452 insufficient system storage); the client keeps the message and tries again later.", "服务器现在没有空间存放这封邮件（存储额度已被其他正在接收的邮件占满），因此以 452 暂缓（RFC 5321 §4.2.2：452 系统存储空间不足）；客户端保留邮件，稍后重试。"),
            S::TooManyAuthFailures => Tr::new("The client failed to authenticate too many times in one session, so the server hangs up: a password-guessing client gets only a few tries per connection (Exim counts AUTH among its non-mail commands, smtp_accept_max_nonmail).", "客户端在一次会话中认证失败太多次，服务器断开连接：猜密码的客户端每个连接只有几次机会（Exim 把 AUTH 算作非邮件命令，smtp_accept_max_nonmail）。"),
            S::TooManyBadRecipients => Tr::new("The client has given too many recipients the server refused, so it refuses every further one, valid or not: a client guessing addresses learns nothing more.", "客户端给出的收件人已有太多被服务器拒绝，于是之后的每个收件人都被拒绝，无论是否有效：猜测地址的客户端再也得不到任何信息。"),
            S::BareCr => Tr::new("A line of the message contained a bare CR, not followed by LF (RFC 5321 §2.3.8 allows CR only in CRLF). A dot after a bare CR is one of the SMTP-smuggling tricks, so this server refuses it at once and hangs up; send every line with CRLF.", "邮件中有一行包含裸 CR，后面没有 LF（RFC 5321 §2.3.8 只允许 CR 出现在 CRLF 中）。裸 CR 后面跟一个点是 SMTP 走私的手法之一，所以这台服务器立即拒绝并断开连接；每一行都应以 CRLF 结尾。"),
            S::TooManyConnections => Tr::new("The server already has as many connections as it allows; try again later.", "服务器的连接数已达上限；请稍后再试。"),
            S::LineTooLongClose => Tr::new("The command line is longer than this server reads at all: it takes it for an attack, answers 421 and hangs up. RFC 5321 §4.5.3.1.4 allows 512 octets including CRLF.", "命令行超过了这个服务器能读取的长度：它把这当作攻击，回复 421 并断开连接。RFC 5321 §4.5.3.1.4 允许的长度是含 CRLF 512 字节。"),
            S::ForbiddenCommand => Tr::new("A line that looks like a mail header (Word:) or an HTTP request arrived as a command: message text sent outside DATA, or a web browser talking to the mail port. Postfix hangs up at once (smtpd_forbidden_commands).", "一行像邮件头（单词:）或 HTTP 请求的内容被当作命令收到：要么是在 DATA 之外发送了邮件正文，要么是浏览器连到了邮件端口。Postfix 会立即断开连接（smtpd_forbidden_commands）。"),
            S::EtrnStarted => Tr::new("ETRN accepted: the server starts delivering the mail it queued for this domain (RFC 1985).", "ETRN 已接受：服务器开始投递为这个域排队的邮件（RFC 1985）。"),
            S::EtrnRefused => Tr::new("ETRN refused: this server does not keep a queue for that domain (Postfix flushes only the domains in fast_flush_domains, RFC 1985).", "ETRN 被拒绝：这个服务器不为该域保留队列（Postfix 只刷新 fast_flush_domains 中的域，RFC 1985）。"),
            S::EtrnNoDomain => Tr::new("ETRN needs the domain whose queue should be run, e.g. ETRN example.com (RFC 1985).", "ETRN 需要指定要投递队列的域，例如 ETRN example.com（RFC 1985）。"),
            S::VerbOk => Tr::new("Sendmail's VERB: the server will report each delivery step in this session. Not a standard command.", "Sendmail 的 VERB：服务器会在本会话中报告每个投递步骤。这不是标准命令。"),
            S::Utf8RequiredRcpt => Tr::new("A non-ASCII recipient needs SMTPUTF8 on this transaction's MAIL FROM (RFC 6531 §3.4), and a server that does not offer SMTPUTF8 cannot take it at all.", "非 ASCII 收件人要求本事务的 MAIL FROM 带有 SMTPUTF8（RFC 6531 §3.4）；不提供 SMTPUTF8 的服务器根本无法接受。"),
            S::PrdrBegin => Tr::new("The client asked for PRDR on MAIL FROM: the server now answers for each recipient in turn (353, then one reply per RCPT, then the final one), so one refused recipient need not refuse the message for all.", "客户端在 MAIL FROM 中请求了 PRDR：服务器接着按收件人逐个回复（先 353，再每个 RCPT 一条，最后是总的回复），这样一个收件人拒收不会让所有人都收不到。"),
            S::PrdrRecipient => Tr::new("PRDR: this recipient accepts the message.", "PRDR：这个收件人接受了邮件。"),
            S::PathTooLong => Tr::new("The address is longer than this server takes: RFC 5321 §4.5.3.1.3 limits a path to 256 octets (and §4.5.3.1.1 a local part to 64).", "地址超过了这个服务器接受的长度：RFC 5321 §4.5.3.1.3 规定路径最长 256 字节（§4.5.3.1.1 规定本地部分最长 64 字节）。"),
            S::MixedDataBdat => Tr::new("DATA and BDAT cannot be mixed in one transaction (RFC 3030 §2).", "同一事务中不能混用 DATA 和 BDAT（RFC 3030 §2）。"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Situation;
    use crate::smtp::rfc_sections::{citations, enum_variants, known};

    /// Every situation, in the order the enum declares them.
    const ALL: [Situation; 74] = {
        use Situation as S;
        [
            S::Greeting,
            S::Helo,
            S::Ehlo,
            S::MailOk,
            S::RcptOk,
            S::DataGo,
            S::Queued,
            S::QueuedChunked,
            S::QueuedAtBareLf,
            S::ChunkOk,
            S::Bye,
            S::RsetOk,
            S::NoopOk,
            S::VrfyOk,
            S::VrfyNoVerify,
            S::VrfyUnknown,
            S::VrfyDisabled,
            S::ExpnDisabled,
            S::Help,
            S::HelpUnsupported,
            S::Unrecognized,
            S::SyntaxError,
            S::ParamUnsupported,
            S::NeedHelo,
            S::NeedMail,
            S::NeedRcpt,
            S::NestedMail,
            S::LineTooLong,
            S::TextLineTooLong,
            S::MessageTooBig,
            S::SizeTooBig,
            S::AuthUnknownMechanism,
            S::AuthAlready,
            S::AuthInTransaction,
            S::AuthNotOffered,
            S::AuthChallenge,
            S::AuthOk,
            S::AuthFailed,
            S::AuthBackendDown,
            S::AuthCancelled,
            S::AuthBadBase64,
            S::AuthMalformed,
            S::AuthRequired,
            S::TlsRequired,
            S::AuthNeedsEncryption,
            S::TlsReady,
            S::TlsAlready,
            S::TlsNotOffered,
            S::SenderMismatch,
            S::UnknownUser,
            S::RelayDenied,
            S::Utf8Required,
            S::Fault,
            S::BdatOutOfSequence,
            S::MixedDataBdat,
            S::Timeout,
            S::Greylisted,
            S::BareLf,
            S::TooManyConnections,
            S::TooManyErrors,
            S::InsufficientStorage,
            S::TooManyAuthFailures,
            S::TooManyBadRecipients,
            S::BareCr,
            S::LineTooLongClose,
            S::ForbiddenCommand,
            S::EtrnStarted,
            S::EtrnRefused,
            S::EtrnNoDomain,
            S::VerbOk,
            S::Utf8RequiredRcpt,
            S::PrdrBegin,
            S::PrdrRecipient,
            S::PathTooLong,
        ]
    };

    #[test]
    fn every_situation_has_a_source_and_its_rfc_sections_exist() {
        let declared = enum_variants(include_str!("why.rs"), "Situation");
        let mut listed: Vec<String> = ALL.iter().map(|s| format!("{s:?}")).collect();
        let mut sorted = declared.clone();
        sorted.sort();
        listed.sort();
        assert_eq!(sorted, listed, "ALL must list every situation once");
        let known = known();
        let mut cited = 0;
        for situation in ALL {
            let source = situation.source();
            assert!(!source.is_empty(), "{situation:?} has no source");
            for (rfc, section) in citations(source) {
                cited += 1;
                assert!(
                    known.contains(&(rfc, section.clone())),
                    "{situation:?} cites RFC {rfc} §{section}, which tests/fixtures/rfc-sections.tsv does not list"
                );
            }
        }
        assert!(cited > 60, "only {cited} sections cited");
    }

    #[test]
    fn the_sequencing_rule_is_cited_for_its_replies() {
        for situation in [
            Situation::NeedHelo,
            Situation::NeedMail,
            Situation::NeedRcpt,
            Situation::NestedMail,
        ] {
            assert!(
                situation.source().contains("RFC 5321 §4.1.4"),
                "{situation:?}"
            );
        }
    }
}
