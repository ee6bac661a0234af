//! The transcript analyzer: a pasted SMTP log in, every line annotated and a diagnosis out.
//!
//! ```text
//!  text ─▶ cut to MAX_INPUT_BYTES / MAX_LINES
//!       ─▶ formats::read(line)      one line, no state: which log form, which side, payload
//!       ─▶ session::Annotator       protocol state per session: DATA, AUTH, reply groups,
//!                                   commands paired with replies ─▶ Line + Event
//!       ─▶ diagnose::diagnose       events ─▶ findings, server software, the sequence
//! ```
//!
//! A log may mix forms line by line: a raw telnet session (client lines are commands, server
//! lines start with three digits), DokuWiki's `Sent:`/`Got:` (seed 000), PHPMailer's
//! `CLIENT -> SERVER:`, swaks (`->`, `<-`, `~>`, `<~`, `<**`, `***`, `===`), Python smtplib's
//! debug output (`send: '…'`, `reply: b'…'`), RFC style `C:`/`S:`, this crate's own `serve`
//! transcript (`[3] C: …`), msmtp (`-->`/`<--`), curl (`>`/`<`), Nodemailer's logger
//! (`DEBUG [id] S: …`), simplesmtp's `SERVER 1:` blocks, bounces (the DSN text a sender gets,
//! the remote reply joined over wrapped lines), application error messages and exceptions
//! that quote a reply, and the server logs of Postfix, Sendmail, Exim and Haraka (syslog or
//! Exim's mainlog), from which the reply inside is read. Lines no form explains are kept and
//! marked [`Direction::Unknown`]; no line is ever dropped, so `lines.len()` equals the input's
//! `str::lines().count()` (below the limits). When nothing read shows how a failing log
//! failed, a [`FindingKind::Unread`] finding lists the unread lines and the 4xx/5xx among them.
//!
//! The diagnosis names causes (`Finding::cause`, one file each under `rules/` with the RFC
//! section or vendor text it rests on) and ranks the findings so that
//! [`Analysis::deciding`] is the one that decided the outcome.
//!
//! Sans-IO and total: no clock, no randomness, no I/O, no panics on any input, bounded
//! memory (input cut at [`MAX_INPUT_BYTES`] and [`MAX_LINES`], said in the result).
//! Every text a learner sees is in English and Chinese ([`Text`], or `describe(lang)`).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use crate::i18n::{Lang, Tr};

pub mod auth;
mod diagnose;
mod formats;
/// GB18030 (GBK) text to UTF-8, strictly: `None` when the bytes are not GB18030 throughout.
pub use formats::decode_gb18030;
pub(crate) mod rules;
mod sasl;
mod serverlog;
mod session;
mod texts;

/// At most this many bytes of a pasted log are read (1 MiB); the rest is cut.
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// At most this many lines are read; the rest is cut.
pub const MAX_LINES: usize = 20_000;

/// What the analysis of an empty text says (the page and the CLI), in place of "no
/// problems": there was nothing to find them in.
pub const EMPTY_LOG: crate::i18n::Tr = crate::i18n::Tr::new(
    "The text is empty: there is nothing to analyze.",
    "文本为空：没有可分析的内容。",
);

pub use crate::i18n::Text;

/// Everything the analyzer found in a log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    /// Every input line, in order, annotated (blank and unreadable lines included).
    pub lines: Vec<Line>,
    /// The diagnosis, the deciding finding first: the cause behind the failures (a SASL
    /// backend that is down), then the failures from the one that ended the transaction or
    /// session backwards, then the success, then side notes (exposed credentials, a cut log).
    pub findings: Vec<Finding>,
    /// The log forms seen, in order of first appearance.
    pub formats: Vec<Format>,
    /// Whether the input was cut at [`MAX_INPUT_BYTES`] or [`MAX_LINES`] (a finding says
    /// where).
    pub truncated: bool,
    /// The server software named by greetings, EHLO replies or log lines.
    pub servers: Vec<ServerInfo>,
    /// The commands in order with the code that finally answered each: the shape of the
    /// transaction (`(connect) 220 · EHLO 250 · AUTH LOGIN 235 · MAIL FROM:<…> 553`).
    pub sequence: Vec<Step>,
}

impl Analysis {
    /// The line with this 1-based number.
    pub fn line(&self, number: usize) -> Option<&Line> {
        number
            .checked_sub(1)
            .and_then(|index| self.lines.get(index))
    }

    /// The finding that decided the outcome: the findings are ranked so that the failure
    /// that ended the transaction or the session (or the cause behind it, such as a SASL
    /// backend that is down) comes first; a log that succeeded gets its success.
    pub fn deciding(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| f.decides())
    }

    /// The findings of one kind.
    pub fn findings_of(&self, kind: FindingKind) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.kind == kind)
    }

    /// The sequence as one line: `(connect) 220 · EHLO 250 · …`.
    pub fn sequence_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (i, step) in self.sequence.iter().enumerate() {
            if i > 0 {
                out.push_str(" · ");
            }
            out.push_str(step.label_in(lang));
            if let Some(code) = step.code {
                out.push(' ');
                out.push_str(&code.to_string());
            }
        }
        out
    }
}

/// One input line and what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based line number in the input.
    pub number: usize,
    /// The line as given (without its line end).
    pub raw: String,
    /// The log form the line was read in, when one was recognised.
    pub format: Option<Format>,
    /// Who sent it.
    pub direction: Direction,
    /// What it is.
    pub kind: Kind,
    /// What it means: a reply's reference entry and digits, a command's purpose, a note's
    /// meaning.
    pub explanation: Option<Text>,
    /// The base64 of an AUTH exchange, decoded.
    pub decoded: Option<Decoded>,
    /// A warning about this line (credentials exposed, a typo).
    pub warning: Option<Text>,
    /// For the lines of a multi-line reply (`250-…` … `250 …`): the number of its first line.
    pub group: Option<usize>,
}

impl Line {
    /// The explanation in `lang`.
    pub fn explanation_text(&self, lang: Lang) -> Option<&str> {
        self.explanation.as_ref().map(|t| t.get(lang))
    }

    /// The warning in `lang`.
    pub fn warning_text(&self, lang: Lang) -> Option<&str> {
        self.warning.as_ref().map(|t| t.get(lang))
    }

    /// The decoded base64 in `lang`, with its label (`user name: alice`).
    pub fn decoded_text(&self, lang: Lang) -> Option<String> {
        self.decoded.as_ref().map(|d| d.describe(lang))
    }
}

/// Who sent a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// The client (the mail program).
    Client,
    /// The server.
    Server,
    /// Neither: a note of the logging tool, a server's log line, a blank line.
    Note,
    /// Not recognised.
    Unknown,
}

impl Direction {
    /// A short stable id: `client`, `server`, `note`, `unknown`.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Client => "client",
            Direction::Server => "server",
            Direction::Note => "note",
            Direction::Unknown => "unknown",
        }
    }

    /// A two-character marker for text output: `C:`, `S:`, `--`, `??`.
    pub fn marker(self) -> &'static str {
        match self {
            Direction::Client => "C:",
            Direction::Server => "S:",
            Direction::Note => "--",
            Direction::Unknown => "??",
        }
    }

    /// The direction's name in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Direction::Client => Tr::new("client", "客户端"),
            Direction::Server => Tr::new("server", "服务器"),
            Direction::Note => Tr::new("note", "注记"),
            Direction::Unknown => Tr::new("unknown", "未识别"),
        }
        .get(lang)
    }
}

/// What a line is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// An empty line (outside DATA).
    Blank,
    /// A command; `verb` upper-cased as typed, `known` when SMTP defines it.
    Command {
        /// The verb, upper-cased (`RCPR` for a typo).
        verb: String,
        /// Whether the verb is an SMTP command.
        known: bool,
    },
    /// A reply line.
    Reply {
        /// The reply code.
        code: u16,
        /// The enhanced status code (RFC 3463), when the line has one.
        enhanced: Option<String>,
        /// Whether this is the reply's last line (`250 …`, not `250-…`).
        last: bool,
    },
    /// A line of the message sent after DATA's 354; `end` for the final `.`.
    Data {
        /// Whether this is the `.` that ends the message.
        end: bool,
    },
    /// A client's answer in an AUTH exchange (base64).
    Sasl,
    /// A client library's own summary of the reply above (smtplib's `reply: retcode …`).
    Summary {
        /// The code it reports.
        code: u16,
    },
    /// A line of a program's log (Postfix, Sendmail, Exim, saslauthd) or a client's error
    /// message, with the reply it reports when it has one.
    Log {
        /// The program, e.g. `postfix/smtpd`, `sendmail`, `exim`, `DokuWiki`.
        program: String,
        /// The reply code inside, if any.
        code: Option<u16>,
        /// The enhanced code inside, if any.
        enhanced: Option<String>,
    },
    /// The rest of the line above, broken by the terminal or a copy.
    Wrapped,
    /// A note of the logging tool (connecting, settings, its own messages).
    Note,
    /// Not recognised.
    Unknown,
}

impl Kind {
    /// A short stable id: `blank`, `command`, `reply`, `data`, `sasl`, `summary`, `log`,
    /// `wrapped`, `note`, `unknown`.
    pub fn id(&self) -> &'static str {
        match self {
            Kind::Blank => "blank",
            Kind::Command { .. } => "command",
            Kind::Reply { .. } => "reply",
            Kind::Data { .. } => "data",
            Kind::Sasl => "sasl",
            Kind::Summary { .. } => "summary",
            Kind::Log { .. } => "log",
            Kind::Wrapped => "wrapped",
            Kind::Note => "note",
            Kind::Unknown => "unknown",
        }
    }

    /// The kind in `lang`, with its code or verb: `reply 553 5.7.1`, `command RCPR`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Kind::Blank => Tr::new("blank line", "空行").get(lang).into(),
            Kind::Command { verb, known: true } => {
                format!("{} {verb}", Tr::new("command", "命令").get(lang))
            }
            Kind::Command { verb, known: false } => {
                format!(
                    "{} {verb}",
                    Tr::new("unknown command", "未知命令").get(lang)
                )
            }
            Kind::Reply { code, enhanced, .. } => {
                let mut s = format!("{} {code}", Tr::new("reply", "回复").get(lang));
                if let Some(e) = enhanced {
                    s.push(' ');
                    s.push_str(e);
                }
                s
            }
            Kind::Data { end: false } => Tr::new("message data", "邮件数据").get(lang).into(),
            Kind::Data { end: true } => Tr::new("end of message data", "邮件数据结束")
                .get(lang)
                .into(),
            Kind::Sasl => Tr::new("SASL answer", "SASL 应答").get(lang).into(),
            Kind::Summary { code } => {
                format!(
                    "{} {code}",
                    Tr::new("client summary", "客户端汇总").get(lang)
                )
            }
            Kind::Log { program, code, .. } => match code {
                Some(code) => format!("{} {program} {code}", Tr::new("log", "日志").get(lang)),
                None => format!("{} {program}", Tr::new("log", "日志").get(lang)),
            },
            Kind::Wrapped => Tr::new("wrapped line", "折行").get(lang).into(),
            Kind::Note => Tr::new("note", "注记").get(lang).into(),
            Kind::Unknown => Tr::new("unknown", "未识别").get(lang).into(),
        }
    }
}

/// A log form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Format {
    /// A raw session typed in telnet or nc: commands and three-digit replies, no prefixes.
    Telnet,
    /// DokuWiki's smtp plugin: `Sent:`, `Got:`, `Set:`, `Connecting to …` (seed 000).
    SentGot,
    /// PHPMailer's SMTPDebug output: `CLIENT -> SERVER:`, `SERVER -> CLIENT:`.
    PhpMailer,
    /// swaks: ` -> ` sent, `<- ` received, `~>`/`<~` under TLS, `<**` errors, `===` info.
    Swaks,
    /// Python smtplib with `set_debuglevel`: `send: '…'`, `reply: b'…'`.
    Smtplib,
    /// RFC style `C:` / `S:`.
    Rfc,
    /// This trainer's `serve` transcript: `[3] C: …`, `[3] S: …`, `[3] -- …`.
    Serve,
    /// msmtp's debug output: `--> ` sent, `<-- ` received.
    Msmtp,
    /// curl's verbose output: `> ` sent, `< ` received, `* ` info.
    Curl,
    /// hMailServer's debug log: `"SMTPD"<tab>…<tab>"RECEIVED: EHLO x"`, `"SENT: 250 …"`
    /// (SMTPC, its own deliveries, the other way round).
    HMailServer,
    /// mailx's (s-nail's) `-v` output: `>>> ` sent, replies bare.
    Mailx,
    /// Postfix's log (syslog).
    PostfixLog,
    /// Sendmail's log (syslog).
    SendmailLog,
    /// Exim's log (mainlog or syslog).
    EximLog,
    /// sSMTP's `-v`: `[->] ` sent, `[<-] ` received; its errors `ssmtp: …` (`sendmail: …`).
    Ssmtp,
    /// Perl's Net::SMTP debug output (git send-email `--smtp-debug`, other Perl programs):
    /// `Net::SMTP=GLOB(0x…)>>> ` sent, `<<< ` read.
    NetSmtp,
    /// git send-email's own messages and its summary after `OK. Log says:`.
    GitSendEmail,
    /// K-9 Mail's (Thunderbird for Android's) log: `… SmtpTransport: SMTP <<< …` read,
    /// `SMTP >>> …` sent; its `Negative SMTP reply: …`.
    K9Mail,
    /// sendEmail's lines (`… sendEmail[pid]: INFO => Sending: …`, `SUCCESS => Received: …`).
    SendEmail,
    /// smtp-cli's `--verbose` output: `> ` before what it sends, `[250] '…'` each reply line.
    SmtpCli,
    /// lettre's (Rust) debug log: `… Wrote: …<CRLF>` sent, `… Read: …<CRLF>` read.
    Lettre,
    /// Roundcube's SMTP log (`logs/smtp.log`): `[date]: <session> Send: …` what it sent,
    /// `… Recv: …` what it read.
    Roundcube,
    /// Haraka's protocol log lines: `[PROTOCOL] [uuid] [core] C: …` and `S: …`.
    Haraka,
    /// OpenSSL's `s_client -starttls smtp` typed into by hand: its report of the handshake
    /// and the session as the terminal shows it.
    OpensslSClient,
    /// Exim's `-v` output as it delivers: `SMTP<< ` read, `SMTP>> ` sent (`SMTP|> `
    /// pipelined, `SMTP+> ` more to come), its mainlog lines after `LOG: MAIN`.
    EximVerbose,
    /// Another program's syslog line (saslauthd, Dovecot …).
    Syslog,
    /// Nodemailer's logger: `DEBUG [id] S: …`, `DEBUG [id] C: …`, `ERROR Send Error: …`.
    Nodemailer,
    /// simplesmtp/old Nodemailer debug: `SERVER 1:` / `CLIENT 1:` blocks, lines after `└──`.
    Simplesmtp,
    /// A bounce (delivery status notification) as the sender receives it: Postfix's "This is
    /// the mail system at host …", Exim's "A message that you sent could not be delivered …",
    /// the quoted remote reply, the `Diagnostic-Code:` field.
    Bounce,
    /// An application's error message or exception with the reply in it (Python's
    /// `SMTPAuthenticationError: (535, b'…')`, Nodemailer's `Invalid login: 535 …`, PHP's
    /// `SMTP ERROR: Password command failed: 535 …`, JavaMail, .NET, Ruby).
    ClientError,
}

impl Format {
    /// A short stable id, e.g. `swaks`, `sent-got`, `postfix-log`.
    pub fn id(self) -> &'static str {
        match self {
            Format::Telnet => "telnet",
            Format::SentGot => "sent-got",
            Format::PhpMailer => "phpmailer",
            Format::Swaks => "swaks",
            Format::Smtplib => "smtplib",
            Format::Rfc => "rfc",
            Format::Serve => "serve",
            Format::Msmtp => "msmtp",
            Format::Curl => "curl",
            Format::HMailServer => "hmailserver",
            Format::Mailx => "mailx",
            Format::PostfixLog => "postfix-log",
            Format::SendmailLog => "sendmail-log",
            Format::EximLog => "exim-log",
            Format::EximVerbose => "exim-verbose",
            Format::Ssmtp => "ssmtp",
            Format::NetSmtp => "net-smtp",
            Format::GitSendEmail => "git-send-email",
            Format::OpensslSClient => "openssl-s-client",
            Format::SendEmail => "sendemail",
            Format::K9Mail => "k9-mail",
            Format::SmtpCli => "smtp-cli",
            Format::Lettre => "lettre",
            Format::Roundcube => "roundcube",
            Format::Haraka => "haraka",
            Format::Syslog => "syslog",
            Format::Nodemailer => "nodemailer",
            Format::Simplesmtp => "simplesmtp",
            Format::Bounce => "bounce",
            Format::ClientError => "client-error",
        }
    }

    /// What the form is, in both languages.
    pub fn describe(self) -> Tr {
        match self {
            Format::Telnet => Tr::new(
                "raw session (telnet/nc): commands and three-digit replies without prefixes",
                "原始会话（telnet/nc）：不带前缀的命令和三位数字回复",
            ),
            Format::SentGot => Tr::new(
                "Sent:/Got: debug log (DokuWiki smtp plugin)",
                "Sent:/Got: 调试日志（DokuWiki smtp 插件）",
            ),
            Format::PhpMailer => Tr::new(
                "PHPMailer debug output (CLIENT -> SERVER / SERVER -> CLIENT)",
                "PHPMailer 调试输出（CLIENT -> SERVER / SERVER -> CLIENT）",
            ),
            Format::Swaks => Tr::new(
                "swaks transcript (-> sent, <- received)",
                "swaks 会话记录（-> 发送，<- 接收）",
            ),
            Format::Smtplib => Tr::new(
                "Python smtplib debug output (send:/reply:)",
                "Python smtplib 调试输出（send:/reply:）",
            ),
            Format::Rfc => Tr::new(
                "RFC-style transcript (C: client, S: server)",
                "RFC 风格的会话记录（C: 客户端，S: 服务器）",
            ),
            Format::Serve => Tr::new(
                "smtp-trainer serve transcript ([n] C:/S:/--)",
                "smtp-trainer serve 会话记录（[n] C:/S:/--）",
            ),
            Format::Msmtp => Tr::new(
                "msmtp debug output (--> sent, <-- received)",
                "msmtp 调试输出（--> 发送，<-- 接收）",
            ),
            Format::Curl => Tr::new(
                "curl verbose output (> sent, < received)",
                "curl 详细输出（> 发送，< 接收）",
            ),
            Format::HMailServer => Tr::new(
                "hMailServer log (SMTPD: RECEIVED from the client, SENT to it)",
                "hMailServer 日志（SMTPD：RECEIVED 为客户端发来，SENT 为发给客户端）",
            ),
            Format::Mailx => Tr::new(
                "mailx -v output (>>> sent, replies bare)",
                "mailx -v 输出（>>> 为发送，回复不带前缀）",
            ),
            Format::PostfixLog => Tr::new("Postfix log (syslog)", "Postfix 日志（syslog）"),
            Format::SendmailLog => Tr::new("Sendmail log (syslog)", "Sendmail 日志（syslog）"),
            Format::EximLog => Tr::new("Exim log", "Exim 日志"),
            Format::Ssmtp => Tr::new(
                "sSMTP -v output ([->] sent, [<-] received) and its errors",
                "sSMTP 的 -v 输出（[->] 为发送，[<-] 为收到）及其错误信息",
            ),
            Format::NetSmtp => Tr::new(
                "Perl Net::SMTP debug output (>>> sent, <<< received; git send-email --smtp-debug)",
                "Perl Net::SMTP 调试输出（>>> 为发送，<<< 为收到；git send-email --smtp-debug）",
            ),
            Format::GitSendEmail => Tr::new(
                "git send-email's messages and its summary",
                "git send-email 的提示信息及其发送汇总",
            ),
            Format::K9Mail => Tr::new(
                "K-9 Mail / Thunderbird for Android log (SMTP <<< received, SMTP >>> sent)",
                "K-9 Mail / Android 版 Thunderbird 日志（SMTP <<< 为收到，SMTP >>> 为发送）",
            ),
            Format::Haraka => Tr::new(
                "Haraka protocol log ([PROTOCOL] … C: received from the client, S: its answer)",
                "Haraka 协议日志（[PROTOCOL] … C: 为客户端发来的，S: 为它的回答）",
            ),
            Format::Lettre => Tr::new(
                "lettre debug log (Wrote: sent, Read: received)",
                "lettre 调试日志（Wrote: 为发送，Read: 为收到）",
            ),
            Format::Roundcube => Tr::new(
                "Roundcube SMTP log (Send: sent, Recv: received)",
                "Roundcube SMTP 日志（Send: 为发送，Recv: 为收到）",
            ),
            Format::SmtpCli => Tr::new(
                "smtp-cli --verbose output (> sent, [code] 'text' received)",
                "smtp-cli --verbose 输出（> 为发送，[代码] '文字' 为收到）",
            ),
            Format::SendEmail => Tr::new(
                "sendEmail output (INFO => Sending: sent, SUCCESS => Received: received)",
                "sendEmail 输出（INFO => Sending: 为发送，SUCCESS => Received: 为收到）",
            ),
            Format::OpensslSClient => Tr::new(
                "openssl s_client -starttls smtp session (its handshake report, then the typed session)",
                "openssl s_client -starttls smtp 会话（先是它的握手报告，然后是手工输入的会话）",
            ),
            Format::EximVerbose => Tr::new(
                "Exim -v output as it delivers (SMTP<< received, SMTP>> sent)",
                "Exim 投递时的 -v 输出（SMTP<< 为收到，SMTP>> 为发送）",
            ),
            Format::Syslog => Tr::new(
                "syslog line of another program (saslauthd, Dovecot …)",
                "其他程序的 syslog 日志行（saslauthd、Dovecot 等）",
            ),
            Format::Nodemailer => Tr::new(
                "Nodemailer logger output (DEBUG [id] S:/C:)",
                "Nodemailer 日志输出（DEBUG [id] S:/C:）",
            ),
            Format::Simplesmtp => Tr::new(
                "simplesmtp debug output (SERVER n: / CLIENT n: blocks)",
                "simplesmtp 调试输出（SERVER n: / CLIENT n: 分块）",
            ),
            Format::Bounce => Tr::new(
                "bounce message (delivery status notification) with the remote server's reply",
                "退信（投递状态通知），其中引用了对方服务器的回复",
            ),
            Format::ClientError => Tr::new(
                "an application's error message or exception quoting the reply",
                "应用程序的错误信息或异常，其中引用了服务器回复",
            ),
        }
    }
}

/// The base64 of an AUTH exchange, decoded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decoded {
    /// Which part of the exchange the base64 was.
    pub field: Field,
    /// What it decodes to.
    pub value: Value,
}

/// Which part of an AUTH exchange a base64 field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    /// A server's `334` challenge.
    Challenge,
    /// LOGIN's answer to `Username:` (or `AUTH LOGIN <b64>`).
    UserName,
    /// LOGIN's answer to `Password:`.
    Password,
    /// PLAIN's message `authzid NUL authcid NUL password`.
    Plain,
    /// An access token (XOAUTH2, OAUTHBEARER).
    Token,
    /// Another mechanism's answer (CRAM-MD5's `user digest`, SCRAM, NTLM …).
    Response,
}

/// What a base64 field decodes to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    /// Text, control characters shown as symbols (NUL as ␀).
    Text(String),
    /// PLAIN's three fields.
    Plain {
        /// The authorization identity (usually empty).
        authzid: String,
        /// The user name.
        authcid: String,
        /// The password.
        password: String,
    },
    /// Binary data (NTLM messages): its length and the first bytes in hex.
    Binary {
        /// Length in bytes.
        len: usize,
        /// Up to 32 bytes in hex.
        hex: String,
    },
    /// Nothing: an empty challenge, or `=` (RFC 4954's empty answer).
    Empty,
    /// `*`: the client cancels the exchange (RFC 4954 §4).
    Cancel,
    /// Not valid base64.
    Invalid,
}

impl Decoded {
    /// The decoded field with its label, e.g. `user name: sunnogo@163.com`.
    pub fn describe(&self, lang: Lang) -> String {
        sasl::describe(self, lang)
    }

    /// Whether the decoded text shows a password or token to anyone reading the log.
    pub fn exposes_secret(&self) -> bool {
        matches!(
            (self.field, &self.value),
            (Field::Password, Value::Text(_))
                | (Field::Plain, Value::Plain { .. })
                | (Field::Token, Value::Text(_))
        )
    }

    /// The user name, when the field carries one.
    pub fn user(&self) -> Option<&str> {
        match (&self.field, &self.value) {
            (Field::UserName, Value::Text(user)) => Some(user),
            (Field::Plain, Value::Plain { authcid, .. }) => Some(authcid),
            (Field::Response, Value::Text(text)) => text.split(' ').next(),
            _ => None,
        }
    }
}

/// One finding of the diagnosis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What kind of finding.
    pub kind: FindingKind,
    /// How bad it is.
    pub severity: Severity,
    /// The line numbers it rests on, ascending.
    pub lines: Vec<usize>,
    /// A short title.
    pub title: Text,
    /// What happened, naming the values from the log.
    pub what: Text,
    /// What to do.
    pub fix: Text,
    /// The reply code the finding rests on, when the log shows one (not inferred).
    pub code: Option<u16>,
    /// The cause, a stable id (`gmail-app-password`, `sasl-backend-down`, …; see
    /// `analyze::rules`).
    pub cause: &'static str,
    /// The fix, a stable id (`use-app-password`, `start-sasl-backend`, …).
    pub fix_id: &'static str,
    /// Where the rule that made it comes from (an RFC section or the vendor's published
    /// reply), for the causes of `analyze::rules`.
    pub source: Option<&'static str>,
}

impl Finding {
    /// Whether this finding can decide a log's outcome: a failure, or the success — not a
    /// side note (exposed credentials, a cut log).
    pub fn decides(&self) -> bool {
        !matches!(
            self.kind,
            FindingKind::CredentialsExposed | FindingKind::Truncated
        ) && self.severity != Severity::Info
    }
}

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// The mail was (or will be) refused.
    Error,
    /// Something to act on, though it did not stop the mail (exposed passwords, typos).
    Warning,
    /// Good to know.
    Info,
    /// It worked.
    Success,
}

impl Severity {
    /// `error`, `warning`, `info`, `success`.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Success => "success",
        }
    }

    /// The severity's name in `lang`.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            Severity::Error => Tr::new("ERROR", "错误"),
            Severity::Warning => Tr::new("WARNING", "警告"),
            Severity::Info => Tr::new("INFO", "提示"),
            Severity::Success => Tr::new("OK", "成功"),
        }
        .get(lang)
    }
}

/// The kinds of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum FindingKind {
    /// MAIL FROM differs from the authenticated user and the server refused it (seed 000).
    SenderMismatch,
    /// The server refused the sender without a successful AUTH.
    SenderRejected,
    /// 535: the credentials were refused (wrong password, or saslauthd not running).
    AuthFailed,
    /// The server's log says saslauthd cannot be reached.
    SaslauthdDown,
    /// 504: the server does not offer the mechanism.
    MechanismUnsupported,
    /// 530/538 (or a refusal naming it): AUTH and/or STARTTLS needed first.
    AuthRequired,
    /// 554/550/454 with 5.7.1: relaying refused.
    RelayDenied,
    /// 4xx: temporary; try again later.
    Temporary,
    /// 450/451 naming greylisting.
    Greylisted,
    /// 500/502 or a verb SMTP does not know.
    UnknownCommand,
    /// 503: a command out of order.
    BadSequence,
    /// 501: a command's argument is wrong.
    BadSyntax,
    /// 552: too big.
    TooBig,
    /// 550 5.1.1 and friends: the recipient does not exist.
    UnknownUser,
    /// The greeting refused the connection (554/421 at connect).
    ConnectionRefused,
    /// Another 4xx/5xx, explained from the reference.
    OtherFailure,
    /// 250 after the end of DATA: the message was accepted.
    Delivered,
    /// Decoded passwords or tokens are in the log.
    CredentialsExposed,
    /// The input was cut.
    Truncated,
    /// The client wanted AUTH but the server offers none on the connection.
    AuthNotOffered,
    /// 4xx naming a rate, a count or a wait: a rate limit.
    RateLimited,
    /// The next server could not be reached at all (no route, timeout).
    ConnectionFailed,
    /// A DNS blocklist lookup refused because the receiver uses an open resolver.
    OpenResolver,
    /// Lines the analyzer could not read hold a 4xx/5xx reply it could not place.
    Unread,
    /// The receiver refuses the sending IP because a DNS blocklist lists it.
    Blocklisted,
}

impl FindingKind {
    /// A short stable id, e.g. `sender-mismatch`.
    pub fn id(self) -> &'static str {
        match self {
            FindingKind::SenderMismatch => "sender-mismatch",
            FindingKind::SenderRejected => "sender-rejected",
            FindingKind::AuthFailed => "auth-failed",
            FindingKind::SaslauthdDown => "saslauthd-down",
            FindingKind::MechanismUnsupported => "mechanism-unsupported",
            FindingKind::AuthRequired => "auth-required",
            FindingKind::RelayDenied => "relay-denied",
            FindingKind::Temporary => "temporary",
            FindingKind::Greylisted => "greylisted",
            FindingKind::UnknownCommand => "unknown-command",
            FindingKind::BadSequence => "bad-sequence",
            FindingKind::BadSyntax => "bad-syntax",
            FindingKind::TooBig => "too-big",
            FindingKind::UnknownUser => "unknown-user",
            FindingKind::ConnectionRefused => "connection-refused",
            FindingKind::OtherFailure => "other-failure",
            FindingKind::Delivered => "delivered",
            FindingKind::CredentialsExposed => "credentials-exposed",
            FindingKind::Truncated => "truncated",
            FindingKind::AuthNotOffered => "auth-not-offered",
            FindingKind::RateLimited => "rate-limited",
            FindingKind::ConnectionFailed => "connection-failed",
            FindingKind::OpenResolver => "open-resolver",
            FindingKind::Unread => "unread",
            FindingKind::Blocklisted => "blocklisted",
        }
    }
}

/// Server software a log names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Software {
    /// Postfix.
    Postfix,
    /// Sendmail.
    Sendmail,
    /// Exim.
    Exim,
    /// Coremail (163.com, 126.com).
    Coremail,
    /// Microsoft Exchange.
    Exchange,
    /// Gmail.
    Gmail,
}

impl Software {
    /// The product's name.
    pub fn name(self) -> &'static str {
        match self {
            Software::Postfix => "Postfix",
            Software::Sendmail => "Sendmail",
            Software::Exim => "Exim",
            Software::Coremail => "Coremail",
            Software::Exchange => "Microsoft Exchange",
            Software::Gmail => "Gmail",
        }
    }
}

/// Server software and where the log names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    /// The software.
    pub software: Software,
    /// Its version, when the greeting tells (`8.13.8`, `4.96`).
    pub version: Option<String>,
    /// The line that names it.
    pub line: usize,
}

/// One step of the transaction: a command (or the connection) and its final reply code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// The session (the `[n]` of a serve transcript; 0 otherwise).
    pub session: u32,
    /// The command, shortened: `EHLO`, `AUTH LOGIN`, `MAIL FROM:<a@b>`, `.` for the end of
    /// the message, [`CONNECT_LABEL`] for the greeting (see [`Step::label_in`]).
    pub label: String,
    /// The command's line.
    pub command_line: Option<usize>,
    /// The final reply's line.
    pub reply_line: Option<usize>,
    /// The final reply code (for AUTH, the code that ended the exchange).
    pub code: Option<u16>,
}

/// The label of the step that stands for the connection and its greeting.
pub const CONNECT_LABEL: &str = "(connect)";

impl Step {
    /// The label in `lang`: commands stay as written, the connection is translated.
    pub fn label_in(&self, lang: Lang) -> &str {
        if self.label == CONNECT_LABEL {
            Tr::new(CONNECT_LABEL, "（连接）").get(lang)
        } else {
            &self.label
        }
    }
}

/// Reads a pasted log: every line annotated, a diagnosis, the forms and server seen.
///
/// Never panics; reads at most [`MAX_INPUT_BYTES`] and [`MAX_LINES`] (the result says when
/// it cut).
pub fn analyze(text: &str) -> Analysis {
    let (text, cut_bytes) = cut_bytes(text, MAX_INPUT_BYTES);
    let (annotator, cut_lines) = annotated::<true>(text);
    let (lines, events, formats) = annotator.finish();
    let truncated = cut_bytes || cut_lines;
    let truncation = truncated.then_some(diagnose::Truncation {
        lines_read: lines.len(),
        bytes_read: text.len(),
    });
    let diagnosis = diagnose::diagnose(&events, &formats, truncation, &lines);
    Analysis {
        lines,
        findings: diagnosis.findings,
        formats,
        truncated,
        servers: diagnosis.servers,
        sequence: diagnosis.sequence,
    }
}

/// One line of a transcript without the prefix its form puts before what was sent: `<-  `
/// and ` -> ` (swaks), `[3] S: ` (serve), `< ` and `> ` (curl), `reply: b'…\r\n'` and
/// `send: '…'` (smtplib, its literal read), `C: `/`S: `, PHPMailer's, msmtp's, after a time
/// stamp; a Python bytes literal alone (`b'PDMz…'`) read. A line in no such form is
/// returned as it is: a decoded value stays whole. For the verifier, whose fields take a
/// value pasted from any of these.
pub fn transcript_payload(line: &str) -> Cow<'_, str> {
    if let Some((_, payload)) = formats::sent_payload(line) {
        return payload;
    }
    let trimmed = line.trim();
    let literal = (trimmed.starts_with("b'") || trimmed.starts_with("b\""))
        .then(|| formats::py_literal(trimmed))
        .flatten();
    match literal {
        Some(text) => Cow::Owned(text.trim_end_matches(['\r', '\n']).to_string()),
        None => Cow::Borrowed(line),
    }
}

/// Whether a transcript line is the server's: a reply's form (`S: `, `<-  `, `[3] S: `,
/// `reply:`) or, bare, a `334` continuation.
pub fn transcript_line_is_server(line: &str) -> bool {
    match formats::sent_payload(line) {
        Some((server, _)) => server,
        None => {
            let t = line.trim_start();
            t == "334" || t.starts_with("334 ") || t.starts_with("334-")
        }
    }
}

/// What a shared link holds in place of a password or a token it leaves out.
pub const LEFT_OUT: &str = "[password-left-out]";

/// `text` with every base64 value that carries a password or a token (PLAIN's message,
/// LOGIN's password, an XOAUTH2 or OAUTHBEARER token), as [`annotate`] reads its AUTH
/// exchanges, replaced by [`LEFT_OUT`]; and how many values were. A shared link's log and
/// transcript go through this unless the learner asks for the passwords: base64 is no
/// encryption. Every occurrence of such a value goes, wherever the log repeats it.
pub fn without_secrets(text: &str) -> (String, usize) {
    let mut secrets: Vec<String> = Vec::new();
    for line in annotate(text) {
        if !line.decoded.as_ref().is_some_and(Decoded::exposes_secret) {
            continue;
        }
        let payload = transcript_payload(&line.raw);
        let token = payload
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .trim_matches(|c: char| !(c.is_ascii_alphanumeric() || "+/=".contains(c)));
        if token.len() >= 4 && !secrets.iter().any(|s| s == token) {
            secrets.push(token.to_string());
        }
    }
    let mut out = text.to_string();
    for secret in &secrets {
        out = out.replace(secret.as_str(), LEFT_OUT);
    }
    (out, secrets.len())
}

/// Every line of a pasted log read as [`analyze`] reads them (the same direction, kind and
/// decoded SASL payloads), without the diagnosis and without the lines' explanations and
/// warnings: the verifier's transcripts need what each line is alone, and its module then
/// holds neither the rules nor the texts.
pub fn annotate(text: &str) -> Vec<Line> {
    let (text, _) = cut_bytes(text, MAX_INPUT_BYTES);
    annotated::<false>(text).0.finish().0
}

/// The annotator fed `text`'s first [`MAX_LINES`] lines; whether it stopped before the end.
fn annotated<const EXPLAIN: bool>(text: &str) -> (session::Annotator<EXPLAIN>, bool) {
    let mut annotator = session::Annotator::<EXPLAIN>::new();
    // A file saved with a byte order mark (Windows Notepad) starts with one: no part of the
    // first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Lines ended by CR alone (an old Mac program's log) are lines too.
    let lines: Box<dyn Iterator<Item = &str>> = if text.contains('\r') && !text.contains('\n') {
        Box::new(text.trim_end_matches('\r').split('\r'))
    } else {
        Box::new(text.lines())
    };
    let quoted = markdown_quoted(text);
    let logical = lines.flat_map(run_together).flat_map(|line| {
        hmailserver_reply_lines(line).unwrap_or_else(|| vec![Cow::Borrowed(line)])
    });
    for (index, raw) in logical.enumerate() {
        if index >= MAX_LINES {
            return (annotator, true);
        }
        let raw = match quoted {
            true => Cow::Borrowed(unquoted(&raw)),
            false => raw,
        };
        let raw = match unbolded(&raw) {
            Some(inner) => Cow::Owned(inner.to_string()),
            None => raw,
        };
        let raw = without_terminal_escapes(&raw);
        annotator.push(index + 1, &without_html_line_markup(&raw));
    }
    (annotator, false)
}

/// Whether the whole paste is a Markdown quote (every line starts with `>`, perhaps after
/// the `**`/`_` of emphasis: hm_email#13's `**_> Bounce message …`), not curl's `-v`, whose
/// `> ` lines come with `< ` and `* ` ones.
fn markdown_quoted(text: &str) -> bool {
    let mut quoted = 0;
    for line in text.lines().take(MAX_LINES) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("< ") || trimmed.starts_with("* ") {
            return false;
        }
        if !trimmed.trim_start_matches(['*', '_']).starts_with('>') {
            return false;
        }
        quoted += 1;
    }
    quoted >= 2
}

/// A line a poster set in Markdown bold as a whole (`**504 5.7.4 … (Net::SMTPAuthenticationError)**`,
/// mikel/mail#1357), without the stars; not Exim's `** ` of a failed delivery, which has a
/// space after it.
fn unbolded(line: &str) -> Option<&str> {
    let trimmed = line.trim();
    let inner = trimmed.strip_prefix("**")?.strip_suffix("**")?;
    (!inner.is_empty() && !inner.starts_with([' ', '*']) && !inner.ends_with([' ', '*']))
        .then_some(inner)
}

/// A line of a Markdown quote without its `>` (and the emphasis around it).
fn unquoted(line: &str) -> &str {
    let trimmed = line.trim_start().trim_start_matches(['*', '_']);
    let Some(rest) = trimmed.strip_prefix('>') else {
        return line;
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    // The emphasis closes at the end of the quote's last line (`…msmtp.conf)_`).
    let end = rest.trim_end();
    if end.ends_with(['_', '*']) {
        end.trim_end_matches(['_', '*'])
    } else {
        rest
    }
}

/// The lines a paste ran together into one: an HTML page's source with `<br>` between
/// them, or a client's debug output copied without its line breaks (PHPMailer's
/// `… CLIENT -> SERVER: EHLO x 2024-01-15 08:12:02 SERVER -> CLIENT: 535 …`). Each part
/// starts at a marker the program writes at the start of a line, with the time stamp
/// before it; a line with one marker or none is one line.
fn run_together(line: &str) -> Vec<&str> {
    const MARKERS: [&str; 6] = [
        "CLIENT -> SERVER: ",
        "SERVER -> CLIENT: ",
        "CLIENT -&gt; SERVER: ",
        "SERVER -&gt; CLIENT: ",
        "SMTP ERROR: ",
        "SMTP Error: ",
    ];
    // At most this many parts of one line; the rest stays in the last.
    const MAX_PARTS: usize = 1000;
    let mut parts: Vec<&str> = Vec::new();
    let trimmed = line.trim_end();
    let by_br: Vec<&str> = match trimmed
        .strip_suffix("<br>")
        .unwrap_or(trimmed)
        .contains("<br>")
    {
        true => trimmed.split_inclusive("<br>").take(MAX_PARTS).collect(),
        false => vec![line],
    };
    for piece in by_br {
        let mut starts: Vec<usize> = MARKERS
            .iter()
            .flat_map(|m| piece.match_indices(m).map(|(at, _)| at))
            .collect();
        starts.sort_unstable();
        if starts.len() < 2 {
            parts.push(piece);
            continue;
        }
        let mut from = 0;
        for &at in starts.iter().skip(1).take(MAX_PARTS) {
            let at = timestamp_before(piece, at);
            if at > from {
                parts.push(piece.get(from..at).unwrap_or("").trim_end());
                from = at;
            }
        }
        parts.push(piece.get(from..).unwrap_or(""));
    }
    parts
}

/// hMailServer's multi-line reply, one field with `[nl]` between its lines, as the lines
/// it was: each with the fields before it (`"SMTPD"<tab>…<tab>"SENT: 250-mail[nl]250 HELP"`
/// → `…"SENT: 250-mail"` and `…"SENT: 250 HELP"`); `None` for any other line.
fn hmailserver_reply_lines(line: &str) -> Option<Vec<Cow<'_, str>>> {
    if !(line.starts_with("\"SMTPD\"\t") || line.starts_with("\"SMTPC\"\t"))
        || !line.contains("[nl]")
    {
        return None;
    }
    let (before, last) = line.rsplit_once('\t')?;
    let prefix = ["\"SENT: ", "\"RECEIVED: "]
        .into_iter()
        .find(|p| last.starts_with(p))?;
    let body = last.get(prefix.len()..)?.trim_end().trim_end_matches('"');
    Some(
        body.split("[nl]")
            .filter(|part| !part.is_empty())
            .take(MAX_REPLY_PARTS)
            .map(|part| Cow::Owned(format!("{before}\t{prefix}{part}\"")))
            .collect(),
    )
}

/// At most this many lines of one hMailServer reply.
const MAX_REPLY_PARTS: usize = 200;

/// Where a `YYYY-MM-DD HH:MM:SS ` time stamp just before `at` starts, or `at`.
fn timestamp_before(text: &str, at: usize) -> usize {
    let head = text.get(..at).unwrap_or("").trim_end();
    let Some(start) = head.len().checked_sub(19) else {
        return at;
    };
    let shaped = head.get(start..).is_some_and(|stamp| {
        stamp.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            10 => b == b' ' || b == b'T',
            13 | 16 => b == b':',
            _ => b.is_ascii_digit(),
        })
    });
    if shaped {
        start
    } else {
        at
    }
}

/// A line of an HTML page's debug output copied from its source (PHPMailer's
/// `Debugoutput = 'html'`: `SERVER -&gt; CLIENT: 220 …<br>`) as the page shows it: the
/// `<br>` at its end goes and the entities HTML escapes are read. Only a line ending in
/// `<br>` is such a line; any other keeps its `&gt;`.
fn without_html_line_markup(raw: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = raw.trim_end();
    let Some(line) = ["<br>", "<br />", "<br/>"]
        .iter()
        .find_map(|br| trimmed.strip_suffix(br))
    else {
        return std::borrow::Cow::Borrowed(raw);
    };
    if !line.contains('&') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = [
            ("&gt;", '>'),
            ("&lt;", '<'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&#039;", '\''),
            ("&#39;", '\''),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(name, _)| rest.starts_with(name));
        match entity {
            Some((name, c)) => {
                out.push(*c);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// A line without the escape sequences a terminal reads as colours and cursor moves
/// (`ESC [ 36 m`: a program's log copied from a coloured console, as Node.js loggers write
/// it). A CSI sequence ends at its final byte, an OSC one at BEL or `ESC \`; any other
/// escape takes one character. A lone ESC at the end goes too.
fn without_terminal_escapes(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('\u{1b}') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                // Parameters and intermediates, then one final byte (@ to ~).
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' {
                        break;
                    }
                    if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn cut_bytes(text: &str, max: usize) -> (&str, bool) {
    crate::i18n::cut::bytes(text, max)
}

#[cfg(test)]
mod tests;
