//! One line at a time, without state: which log form wrote it, which side it comes from,
//! and its payload (the command or reply text without the form's prefix).
//!
//! Lines with no prefix are [`Role::Raw`]: the session decides from content and state
//! whether they are commands, replies, message data or SASL answers (a telnet session).

use std::borrow::Cow;

use super::serverlog::{self, LogLine};
use super::{Format, Text};
use crate::i18n::Tr;
use crate::smtp::command;

/// What one line is, before the session's state is applied.
pub(super) struct Reading<'a> {
    /// The form, when a prefix or a log layout names it.
    pub format: Option<Format>,
    /// The session the line belongs to (`[n]` of serve; 0 otherwise).
    pub session: u32,
    /// Its role and payload.
    pub role: Role<'a>,
}

/// The role a line's form gives it.
pub(super) enum Role<'a> {
    /// Empty or white space only.
    Blank,
    /// Sent by the client (command, data or SASL answer: the session decides).
    Client(Cow<'a, str>),
    /// Sent by the server.
    Server(Cow<'a, str>),
    /// No prefix: decided by content and state.
    Raw(&'a str),
    /// A client library's summary of the reply just read.
    Summary { code: u16 },
    /// A note of the logging tool; `connect` when a new connection starts.
    Note { what: Text, connect: bool },
    /// A program's log line or a client's error message.
    Log(LogLine),
    /// simplesmtp's `SERVER 1:` / `CLIENT 1:`: the lines after it come from that side.
    Block { server: bool },
    /// simplesmtp's `└──text`: a line from the side of the last block header.
    BlockLine(&'a str),
}

impl<'a> Reading<'a> {
    fn new(format: Format, role: Role<'a>) -> Reading<'a> {
        Reading {
            format: Some(format),
            session: 0,
            role,
        }
    }

    /// A note; its text only where lines are explained (`E`): the verifier's reading of a
    /// transcript (`analyze::annotate`) links none of the notes' texts.
    fn note<const E: bool>(format: Format, what: impl Into<Text>, connect: bool) -> Reading<'a> {
        Reading::new(
            format,
            Role::Note {
                what: if E { what.into() } else { Text::default() },
                connect,
            },
        )
    }
}

/// Reads one line.
pub(super) fn read<const E: bool>(line: &str) -> Reading<'_> {
    if line.trim().is_empty() {
        return Reading {
            format: None,
            session: 0,
            role: Role::Blank,
        };
    }
    // The forms a whole line names, tried in this order (sendEmail's `ERROR => …` before
    // Nodemailer's `ERROR …`).
    let whole_line: [fn(&str) -> Option<Reading<'_>>; 14] = [
        serve::<E>,
        haraka_protocol::<E>,
        lettre::<E>,
        roundcube::<E>,
        sendemail::<E>,
        k9_mail::<E>,
        nodemailer::<E>,
        simplesmtp::<E>,
        hmailserver::<E>,
        exim_verbose::<E>,
        ssmtp::<E>,
        net_smtp::<E>,
        git_send_email::<E>,
        s_client::<E>,
    ];
    for reader in whole_line {
        if let Some(reading) = reader(line) {
            return reading;
        }
    }
    let body = strip_timestamp(line);
    let readers: [fn(&str) -> Option<Reading<'_>>; 10] = [
        node_fields::<E>,
        swaks::<E>,
        smtp_cli::<E>,
        smtplib::<E>,
        sent_got::<E>,
        phpmailer::<E>,
        rfc::<E>,
        msmtp::<E>,
        curl::<E>,
        mailx::<E>,
    ];
    for reader in readers {
        if let Some(reading) = reader(body) {
            return reading;
        }
    }
    if let Some(log) = serverlog::read::<E>(line) {
        return Reading::new(log.format, Role::Log(log));
    }
    if let Some(reading) = bounce::<E>(line) {
        return reading;
    }
    if let Some(reading) = telnet_note::<E>(line) {
        return reading;
    }
    if label(line) {
        return Reading {
            format: None,
            session: 0,
            role: Role::Note {
                what: if E {
                    Tr::new(
                        "A label written by whoever posted the log: what follows is the output it names.",
                        "发帖人写的标签：下面是它所指的输出。",
                    )
                    .into()
                } else {
                    Text::default()
                },
                connect: false,
            },
        };
    }
    if ruby_smtp_error(line) {
        return Reading::note::<E>(
            Format::ClientError,
            Tr::new(
                "Ruby's Net::SMTP exception class (FatalError for a 5xx reply, ServerBusy for a 4xx, AuthenticationError for a refused login): the reply it stands for is on the next line.",
                "Ruby 的 Net::SMTP 异常类（FatalError 对应 5xx 回复，ServerBusy 对应 4xx，AuthenticationError 对应被拒的登录）：它代表的回复在下一行。",
            ),
            false,
        );
    }
    if stack_frame(line) {
        return Reading::note::<E>(
            Format::ClientError,
            Tr::new(
                "A line of the program's stack trace: where in its own code the error was raised, not part of the SMTP dialogue.",
                "程序调用栈中的一行：错误在它自己代码中的抛出位置，不属于 SMTP 对话。",
            ),
            false,
        );
    }
    if mailq(line) {
        return Reading::note::<E>(
            Format::PostfixLog,
            Tr::new(
                "Postfix mailq: a message still in the queue (queue id, size, arrival, sender); the line below says why it is waiting.",
                "Postfix mailq：仍在队列中的一封邮件（队列号、大小、到达时间、发件人）；下一行说明它为什么还在等待。",
            ),
            false,
        );
    }
    Reading {
        format: None,
        session: 0,
        role: Role::Raw(line),
    }
}

/// `[3] C: …`, `[3] S: …`, `[3] -- …`, and the header lines of `smtp-trainer serve`.
fn serve<const E: bool>(line: &str) -> Option<Reading<'_>> {
    if let Some(address) = line.strip_prefix("listening on ") {
        if !address.contains(' ') {
            return Some(Reading::note::<E>(
                Format::Serve,
                Tr::new(
                    "smtp-trainer serve: the address it listens on.",
                    "smtp-trainer serve：监听的地址。",
                ),
                false,
            ));
        }
    }
    if line.starts_with("-- ") && line.contains("; local domains:") {
        return Some(Reading::note::<E>(
            Format::Serve,
            Tr::new(
                "smtp-trainer serve: the server profile, domains and accounts of this run.",
                "smtp-trainer serve：本次运行的服务器配置、本地域名和账号。",
            ),
            false,
        ));
    }
    let rest = line.strip_prefix('[')?;
    let (number, rest) = rest.split_once("] ")?;
    if number.is_empty() || number.len() > 9 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let session: u32 = number.parse().ok()?;
    let role = if let Some(text) = strip_side(rest, "C:") {
        Role::Client(Cow::Borrowed(text))
    } else if let Some(text) = strip_side(rest, "S:") {
        Role::Server(Cow::Borrowed(text))
    } else if let Some(text) = rest.strip_prefix("-- ") {
        serve_note(text)
    } else {
        return None;
    };
    Some(Reading {
        format: Some(Format::Serve),
        session,
        role,
    })
}

fn serve_note(text: &str) -> Role<'_> {
    let (what, connect) = if text.starts_with("connected from") {
        (
            Tr::new(
                "smtp-trainer serve: a client connected; a new session starts.",
                "smtp-trainer serve：有客户端连接，新的会话开始。",
            ),
            true,
        )
    } else if text.starts_with("pipelined") {
        (
            Tr::new(
                "smtp-trainer serve: the client sent several commands in one read (PIPELINING, RFC 2920).",
                "smtp-trainer serve：客户端在一次读取中发送了多条命令（PIPELINING，RFC 2920）。",
            ),
            false,
        )
    } else if text.starts_with("message stored") {
        (
            Tr::new(
                "smtp-trainer serve: the accepted message was stored in the trainer's mailbox.",
                "smtp-trainer serve：已接受的邮件存入了训练器的邮箱。",
            ),
            false,
        )
    } else if text.starts_with("closed") {
        (
            Tr::new(
                "smtp-trainer serve: the connection was closed.",
                "smtp-trainer serve：连接已关闭。",
            ),
            false,
        )
    } else {
        (
            Tr::new(
                "smtp-trainer serve: a note of the trainer, not part of the SMTP dialogue.",
                "smtp-trainer serve：训练器的注记，不属于 SMTP 对话。",
            ),
            false,
        )
    };
    Role::Note {
        what: what.into(),
        connect,
    }
}

/// `C: text` or `C:` alone (an empty data line); also `C:<tab>text` (a copy out of a table),
/// and `S:250 …` and `C:EHLO …` as some loggers write them, without the space (not
/// `C:\path`).
/// swaks' hints before what it sent (` ~>` under TLS, `**>` an error), each with its space.
const SWAKS_SENT: [&str; 5] = [" -> ", " ~> ", "**> ", "*~> ", "-> "];
/// swaks' hints before what it received.
const SWAKS_RECEIVED: [&str; 4] = ["<-  ", "<~  ", "<** ", "<~* "];
/// PHPMailer's before what the client sent.
const PHPMAILER_CLIENT: [&str; 2] = ["CLIENT -> SERVER: ", "CLIENT -> SMTP: "];
/// PHPMailer's before what the server sent (older versions' forms too).
const PHPMAILER_SERVER: [&str; 3] = [
    "SERVER -> CLIENT: ",
    "SMTP -> FROM SERVER:",
    "SMTP INBOUND: ",
];
/// msmtp's `--debug` before what it sent and what it received.
const MSMTP_SENT: &str = "--> ";
const MSMTP_RECEIVED: &str = "<-- ";

/// What one line of a transcript holds without the prefix of its form, and whether the
/// server sent it: the prefixes of swaks, PHPMailer, msmtp, curl's `-v`, `C:`/`S:` (also
/// after serve's `[3] `), smtplib's `send:`/`reply:` with its literal read, after a time
/// stamp. `None` for a line in none of these forms. The same prefixes as the readers
/// above, without their notes and state, so that a page which only cleans a pasted value
/// (the verifier's, Auth's) links this alone.
pub(super) fn sent_payload(line: &str) -> Option<(bool, Cow<'_, str>)> {
    let line = strip_timestamp(line.trim_end_matches(['\r', '\n']));
    fn borrowed(server: bool, text: &str) -> Option<(bool, Cow<'_, str>)> {
        Some((server, Cow::Borrowed(text)))
    }
    for (prefixes, server) in [
        (&SWAKS_SENT[..], false),
        (&SWAKS_RECEIVED[..], true),
        (&PHPMAILER_CLIENT[..], false),
        (&PHPMAILER_SERVER[..], true),
        (&[MSMTP_SENT][..], false),
        (&[MSMTP_RECEIVED][..], true),
    ] {
        if let Some(text) = prefixes.iter().find_map(|p| line.strip_prefix(p)) {
            return borrowed(server, text.trim_start());
        }
    }
    // serve's `[3] C: …`.
    let unnumbered = line
        .strip_prefix('[')
        .and_then(|rest| rest.split_once("] "))
        .filter(|(n, _)| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(line, |(_, rest)| rest);
    if let Some(text) = strip_side(unnumbered, "C:") {
        return borrowed(false, text);
    }
    if let Some(text) = strip_side(unnumbered, "S:") {
        return borrowed(true, text);
    }
    if let Some(text) = line.strip_prefix("< ").filter(|t| reply_shaped(t)) {
        return borrowed(true, text);
    }
    if let Some(text) = line.strip_prefix("> ") {
        return borrowed(false, text);
    }
    for (prefix, server) in [("send: ", false), ("reply: ", true)] {
        if let Some(literal) = line.strip_prefix(prefix) {
            let text = py_literal(literal.trim_end())?;
            let text = text.trim_end_matches(['\r', '\n']).to_string();
            return Some((server, Cow::Owned(text)));
        }
    }
    None
}

fn strip_side<'a>(line: &'a str, side: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(side)?;
    if rest.is_empty() {
        return Some("");
    }
    if let Some(text) = rest.strip_prefix(' ').or_else(|| rest.strip_prefix('\t')) {
        return Some(text);
    }
    let tight = if side == "S:" {
        reply_shaped(rest)
    } else {
        rest.starts_with(|c: char| c.is_ascii_alphabetic()) && !rest.contains('\\')
    };
    tight.then_some(rest)
}

/// Nodemailer's logger: `[2022-11-16 11:57:21] DEBUG [cDYfWw5rFKQ] S: 334 …`,
/// ` DEBUG [id] C: EHLO …`, ` INFO  [id] Connection established …`, `ERROR Send Error: …`.
/// Each `[id]` is one connection: interleaved connections stay apart.
fn nodemailer<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let mut rest = line.trim_start();
    if let Some(inner) = rest.strip_prefix('[') {
        let (stamp, after) = inner.split_once("] ")?;
        if !stamp.starts_with(|c: char| c.is_ascii_digit()) || !stamp.contains(':') {
            return None;
        }
        rest = after.trim_start();
    }
    let (level, after) = rest.split_once(' ')?;
    if !matches!(level, "DEBUG" | "INFO" | "WARN" | "ERROR" | "TRACE") {
        return None;
    }
    let after = after.trim_start();
    if level == "DEBUG" && after.starts_with("SMTP: ") {
        // JavaMail's `DEBUG SMTP: …` (mail.debug=true).
        return Some(Reading::note::<E>(
            Format::ClientError,
            Tr::new(
                "JavaMail's debug note (mail.debug), not part of the SMTP dialogue.",
                "JavaMail 的调试信息（mail.debug），不属于 SMTP 对话。",
            ),
            false,
        ));
    }
    // A logger name in braces (`{cps.worker:125}`, calibre-web) before the message.
    let after = match after.strip_prefix('{').and_then(|r| r.split_once("} ")) {
        Some((name, body)) if !name.contains(' ') => body.trim_start(),
        _ => after,
    };
    if !after.starts_with('[') {
        // Another library's debug line inside a logger: smtplib's `send: '…'`.
        if let Some(reading) = smtplib::<E>(after) {
            return Some(reading);
        }
    }
    let (session, body) = match after.strip_prefix('[') {
        Some(inner) => {
            let (id, body) = inner.split_once("] ")?;
            if id.is_empty() || id.len() > 40 || id.contains(' ') {
                return None;
            }
            (session_of(id), body)
        }
        None => (0, after),
    };
    let role = if let Some(text) = strip_side(body, "S:") {
        Role::Server(Cow::Borrowed(text))
    } else if let Some(text) = strip_side(body, "C:") {
        Role::Client(Cow::Borrowed(text))
    } else if level == "ERROR" || level == "WARN" {
        Role::Log(
            serverlog::error_text::<E>(Format::Nodemailer, "Nodemailer", body).unwrap_or_else(
                || serverlog::client_message::<E>(Format::Nodemailer, "Nodemailer", body),
            ),
        )
    } else {
        let connect = body.starts_with("Connection established");
        Role::Note {
            what: Tr::new(
                "Nodemailer: its own log message (connection, TLS, the result), not part of the SMTP dialogue.",
                "Nodemailer：它自己的日志信息（连接、TLS、结果），不属于 SMTP 对话。",
            )
            .into(),
            connect,
        }
    };
    Some(Reading {
        format: Some(Format::Nodemailer),
        session,
        role,
    })
}

/// A connection id as a session number (never 0, the session of unnumbered logs).
fn session_of(id: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    (hash % 1_000_000_000).max(1)
}

/// simplesmtp (old Nodemailer): `SERVER 1:` / `CLIENT 1:` headers, `└──220 …` lines, and
/// its notes (`Connection secured`, `Closing connection to the server`).
fn simplesmtp<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim_end();
    for (head, server) in [("SERVER ", true), ("CLIENT ", false)] {
        if let Some(number) = trimmed.strip_prefix(head).and_then(|r| r.strip_suffix(':')) {
            if !number.is_empty() && number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit())
            {
                return Some(Reading::new(Format::Simplesmtp, Role::Block { server }));
            }
        }
    }
    if let Some(text) = trimmed.strip_prefix("└──") {
        return Some(Reading::new(Format::Simplesmtp, Role::BlockLine(text)));
    }
    if trimmed == "Connection secured" || trimmed.starts_with("Closing connection to the server") {
        return Some(Reading::note::<E>(
            Format::Simplesmtp,
            Tr::new(
                "simplesmtp: its own note (TLS started, connection closing), not part of the SMTP dialogue.",
                "simplesmtp：它自己的提示（TLS 已建立、正在关闭连接），不属于 SMTP 对话。",
            ),
            false,
        ));
    }
    None
}

/// A line of Postfix's `mailq`: `49B2E5CA9A*     770 Thu Mar 21 00:35:27  sender@host`.
fn mailq(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(id), Some(size), Some(day)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let id = id.trim_end_matches(['*', '!']);
    (8..=20).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && id.bytes().any(|b| b.is_ascii_digit())
        && !size.is_empty()
        && size.bytes().all(|b| b.is_ascii_digit())
        && ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].contains(&day)
}

/// The parts of a bounce: the boilerplate of Postfix's and Exim's notifications, the fields
/// of the delivery status (RFC 3464), and the entries quoting the remote reply.
fn bounce<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim().trim_start_matches("> ").trim();
    const BOILERPLATE: [&str; 25] = [
        "Hi. This is the Haraka Mailer program at",
        "I'm afraid I wasn't able to deliver your message",
        "This is a permanent error; I've given up.",
        "Intended Recipients:",
        "This is the mail system at host",
        "I'm sorry to have to inform you that your message could not",
        "be delivered to one or more recipients.",
        "For further assistance, please send mail to postmaster",
        "If you do so, please include this problem report",
        "delete your own text from the attached returned message",
        "The mail system",
        "A message that you sent could not be delivered",
        "This message was created automatically by mail delivery software",
        "permanent error. The following address(es) failed",
        "Delivery to the following recipient failed permanently",
        "Delivery has failed to these recipients or groups",
        "We could not deliver the attached mail",
        "Undelivered Mail Returned to Sender",
        // Gmail's (Gilwyad/mailnesia.com#13) and Exchange's (docker-mailserver#2704) texts.
        "Technical details of permanent failure",
        "Technical details of temporary failure",
        "Delivery to the following recipient has been delayed",
        "Google tried to deliver your message",
        "The error that the other server returned was",
        "Diagnostic information for administrators",
        "Generating server:",
    ];
    // Gmail's text with the reply on the same line: `… The error that the other server
    // returned was: 535 535 5.7.0 Error: authentication failed …` (its Send-mail-as bounce).
    if let Some((_, reply)) = trimmed.split_once("The error that the other server returned was: ") {
        if let Some(log) = serverlog::error_text::<E>(Format::Bounce, "bounce", reply) {
            return Some(Reading::new(Format::Bounce, Role::Log(log)));
        }
    }
    if BOILERPLATE.iter().any(|b| trimmed.starts_with(b)) {
        return Some(Reading::note::<E>(
            Format::Bounce,
            Tr::new(
                "Bounce: the mail system's standard text around the failure; the reply that refused the mail is quoted below it.",
                "退信：邮件系统的标准说明文字；拒收邮件的那条回复引用在下面。",
            ),
            false,
        ));
    }
    if let Some(log) = serverlog::bounce::<E>(trimmed) {
        return Some(Reading::new(Format::Bounce, Role::Log(log)));
    }
    const FIELDS: [&str; 12] = [
        "Reporting-MTA:",
        "Final-Recipient:",
        "Original-Recipient:",
        "Action:",
        "Status:",
        "Remote-MTA:",
        "Arrival-Date:",
        "Last-Attempt-Date:",
        "X-Postfix-Queue-ID:",
        "X-Postfix-Sender:",
        "Received-From-MTA:",
        "Will-Retry-Until:",
    ];
    let field = FIELDS.iter().any(|f| trimmed.starts_with(f))
        || (trimmed.starts_with("X-") && trimmed.contains("-Queue-ID:"))
        || (trimmed.starts_with("X-") && trimmed.contains("-Sender: rfc822;"));
    if field {
        return Some(Reading::note::<E>(
            Format::Bounce,
            Tr::new(
                "Bounce: a field of the delivery status (RFC 3464) — who reported, for which recipient, with which status.",
                "退信：投递状态中的一个字段（RFC 3464）——由谁报告、针对哪个收件人、是什么状态。",
            ),
            false,
        ));
    }
    None
}

/// swaks' transaction hints: `===` info, `***` error, ` ->`/` ~>`/`**>`/`*~>` sent,
/// `<- `/`<~ `/`<**`/`<~*` received, each followed by a space.
fn swaks<const E: bool>(line: &str) -> Option<Reading<'_>> {
    const SENT: [&str; 5] = SWAKS_SENT;
    const RECEIVED: [&str; 4] = SWAKS_RECEIVED;
    if line == " ->" || line == " ~>" {
        return Some(Reading::new(Format::Swaks, Role::Client(Cow::Borrowed(""))));
    }
    for hint in SENT {
        if let Some(text) = line.strip_prefix(hint) {
            return Some(Reading::new(
                Format::Swaks,
                Role::Client(Cow::Borrowed(text)),
            ));
        }
    }
    for hint in RECEIVED {
        if let Some(text) = line.strip_prefix(hint) {
            return Some(Reading::new(
                Format::Swaks,
                Role::Server(Cow::Borrowed(text)),
            ));
        }
    }
    // A pasted transcript may have lost the second space: `<- 220 …`.
    for hint in ["<- ", "<~ "] {
        if let Some(text) = line.strip_prefix(hint) {
            if reply_shaped(text) {
                return Some(Reading::new(
                    Format::Swaks,
                    Role::Server(Cow::Borrowed(text)),
                ));
            }
        }
    }
    if let Some(text) = line.strip_prefix("=== ") {
        let connect = text.starts_with("Trying ") || text.starts_with("Connected to");
        let what = if text.starts_with("Trying ") {
            Tr::new(
                "swaks: opening the TCP connection to the server.",
                "swaks：正在打开到服务器的 TCP 连接。",
            )
        } else if text.starts_with("Connected to") {
            Tr::new(
                "swaks: the TCP connection is open; the server's greeting follows.",
                "swaks：TCP 连接已建立，接下来是服务器的问候。",
            )
        } else if text.starts_with("Connection closed") {
            Tr::new("swaks: the connection is closed.", "swaks：连接已关闭。")
        } else {
            Tr::new(
                "swaks: its own information, not part of the SMTP dialogue.",
                "swaks：它自己的提示信息，不属于 SMTP 对话。",
            )
        };
        // Only the first line of a connection starts a session, so "Connected" after
        // "Trying" does not start a second one.
        return Some(Reading::note::<E>(
            Format::Swaks,
            what,
            connect && text.starts_with("Trying "),
        ));
    }
    if let Some(text) = line.strip_prefix("*** ") {
        return Some(Reading::new(
            Format::Swaks,
            Role::Log(serverlog::client_message::<E>(Format::Swaks, "swaks", text)),
        ));
    }
    None
}

/// Python smtplib with `set_debuglevel(1)` or `(2)` (the timestamp is already stripped).
fn smtplib<const E: bool>(line: &str) -> Option<Reading<'_>> {
    if let Some(literal) = line.strip_prefix("send: ") {
        let text = py_literal(literal)?;
        return Some(Reading::new(
            Format::Smtplib,
            Role::Client(Cow::Owned(text)),
        ));
    }
    if let Some(rest) = line.strip_prefix("reply: ") {
        // `reply: '250-STARTTLS\r\n'   # Attention!`: a note added after the literal.
        let rest = match rest.trim_end().rfind(['\'', '"']) {
            Some(end) if rest.starts_with(['\'', '"', 'b']) => rest.get(..=end).unwrap_or(rest),
            _ => rest,
        };
        if let Some(summary) = rest.strip_prefix("retcode (") {
            let code = summary.get(..3).and_then(|c| c.parse::<u16>().ok())?;
            return Some(Reading::new(Format::Smtplib, Role::Summary { code }));
        }
        let text = py_literal(rest)?;
        let text = text.strip_suffix("\r\n").unwrap_or(&text).to_string();
        return Some(Reading::new(
            Format::Smtplib,
            Role::Server(Cow::Owned(text)),
        ));
    }
    if let Some(rest) = line.strip_prefix("data: (") {
        let code = rest.get(..3).and_then(|c| c.parse::<u16>().ok())?;
        return Some(Reading::new(Format::Smtplib, Role::Summary { code }));
    }
    if let Some(rest) = line.strip_prefix("connect: ") {
        if rest.starts_with("b'") || rest.starts_with("b\"") {
            return Some(Reading::note::<E>(
                Format::Smtplib,
                Tr::new(
                    "smtplib: the greeting's text as the library read it (not sent again).",
                    "smtplib：该库读到的问候文本（并非再次发送）。",
                ),
                false,
            ));
        }
        return Some(Reading::note::<E>(
            Format::Smtplib,
            Tr::new(
                "smtplib: connecting to the server (host and port).",
                "smtplib：正在连接服务器（主机和端口）。",
            ),
            true,
        ));
    }
    None
}

/// DokuWiki's smtp plugin (seed 000): `Sent:`, `Got:`, `Set:`, `Connecting to …` and the
/// plugin's own messages around the log.
fn sent_got<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim_start();
    if let Some(text) = trimmed.strip_prefix("Sent:") {
        return Some(Reading::new(
            Format::SentGot,
            Role::Client(Cow::Borrowed(text.strip_prefix(' ').unwrap_or(text))),
        ));
    }
    if let Some(text) = trimmed.strip_prefix("Got:") {
        return Some(Reading::new(
            Format::SentGot,
            Role::Server(Cow::Borrowed(text.strip_prefix(' ').unwrap_or(text))),
        ));
    }
    if trimmed.starts_with("Set: ") {
        return Some(Reading::note::<E>(
            Format::SentGot,
            Tr::new(
                "DokuWiki smtp plugin: a setting is prepared before connecting; nothing is sent yet.",
                "DokuWiki smtp 插件：连接前准备的一项设置，此时还没有发送任何内容。",
            ),
            false,
        ));
    }
    if let Some(rest) = trimmed.strip_prefix("Connecting to ") {
        return Some(Reading::note::<E>(
            Format::SentGot,
            explained::<E>(|| connecting(rest)),
            true,
        ));
    }
    if trimmed.starts_with("There was an unexpected problem communicating with SMTP") {
        return Some(Reading::new(
            Format::SentGot,
            Role::Log(serverlog::client_message::<E>(
                Format::SentGot,
                "DokuWiki",
                trimmed,
            )),
        ));
    }
    // Texts only where lines are explained (see `Reading::note`).
    let text =
        |en: &'static str, zh: &'static str| if E { Tr::new(en, zh) } else { Tr::new("", "") };
    let notes: [(&str, Tr); 4] = [
        (
            "SMTP log:",
            text(
                "DokuWiki smtp plugin: the dialogue with the server follows.",
                "DokuWiki smtp 插件：下面是与服务器的对话记录。",
            ),
        ),
        (
            "Above may contain passwords",
            text(
                "DokuWiki smtp plugin: its own reminder that the log above contains the password (base64 is readable by anyone).",
                "DokuWiki smtp 插件：它自己的提醒——上面的日志含有密码（base64 任何人都能解码）。",
            ),
        ),
        (
            "Message wasn't sent",
            text(
                "DokuWiki smtp plugin: the test mail was not sent.",
                "DokuWiki smtp 插件：测试邮件没有发出。",
            ),
        ),
        (
            "Message was sent",
            text(
                "DokuWiki smtp plugin: the test mail was sent.",
                "DokuWiki smtp 插件：测试邮件已发出。",
            ),
        ),
    ];
    notes
        .into_iter()
        .find(|(start, _)| trimmed.starts_with(start))
        .map(|(_, what)| Reading::note::<E>(Format::SentGot, what, false))
}

/// A note's text built at run time, only where lines are explained (see [`Reading::note`]).
fn explained<const E: bool>(text: impl FnOnce() -> Text) -> Text {
    if E {
        text()
    } else {
        Text::default()
    }
}

/// `smtp.163.com at 25` (DokuWiki) or `smtp.163.com:25`: the port says which kind of
/// connection it is.
fn connecting(rest: &str) -> Text {
    let rest = rest.strip_prefix("opening to ").unwrap_or(rest);
    let host = rest.split([',', ' ']).next().unwrap_or("");
    let port = match (host.rsplit_once(':'), rest.split_once(" at ")) {
        (Some((_, port)), _) => port,
        (None, Some((_, after))) => after.split_whitespace().next().unwrap_or(""),
        (None, None) => "",
    };
    let port = port.trim_end_matches(['.', ')', ',']);
    let (en, zh) = match port {
        "25" => (
            "port 25, plain SMTP (server to server; many providers accept submission with AUTH on it too)",
            "25 端口，普通 SMTP（服务器之间投递；很多服务商也允许在此端口认证后提交邮件）",
        ),
        "465" => (
            "port 465, SMTP inside TLS from the first byte (implicit TLS, RFC 8314)",
            "465 端口，从第一个字节起就在 TLS 中进行 SMTP（隐式 TLS，RFC 8314）",
        ),
        "587" => (
            "port 587, mail submission (RFC 6409): AUTH, usually after STARTTLS",
            "587 端口，邮件提交（RFC 6409）：通常先 STARTTLS 再 AUTH",
        ),
        _ => ("", ""),
    };
    if en.is_empty() {
        Text::from(Tr::new(
            "The client opens the TCP connection to the server; the server's greeting follows.",
            "客户端打开到服务器的 TCP 连接；接下来是服务器的问候。",
        ))
    } else {
        Text::new(
            format!("The client opens the TCP connection to the server: {en}. The server's greeting follows."),
            format!("客户端打开到服务器的 TCP 连接：{zh}。接下来是服务器的问候。"),
        )
    }
}

/// PHPMailer's SMTPDebug output (and the older `SMTP -> FROM SERVER:` form).
fn phpmailer<const E: bool>(line: &str) -> Option<Reading<'_>> {
    for prefix in PHPMAILER_CLIENT {
        if let Some(text) = line.strip_prefix(prefix) {
            return Some(Reading::new(
                Format::PhpMailer,
                Role::Client(Cow::Borrowed(text)),
            ));
        }
    }
    for prefix in PHPMAILER_SERVER {
        if let Some(text) = line.strip_prefix(prefix) {
            return Some(Reading::new(
                Format::PhpMailer,
                Role::Server(Cow::Borrowed(text.trim_start())),
            ));
        }
    }
    if let Some(rest) = line.strip_prefix("Connection: ") {
        let opening = rest.starts_with("opening to ");
        let what = if opening {
            explained::<E>(|| connecting(rest))
        } else {
            Text::from(Tr::new(
                "PHPMailer: the state of the TCP connection.",
                "PHPMailer：TCP 连接的状态。",
            ))
        };
        return Some(Reading::note::<E>(Format::PhpMailer, what, opening));
    }
    for prefix in ["SMTP ERROR: ", "SMTP Error: ", "SMTP -> ERROR: "] {
        if let Some(text) = line.strip_prefix(prefix) {
            return Some(Reading::new(
                Format::PhpMailer,
                Role::Log(serverlog::client_message::<E>(
                    Format::PhpMailer,
                    "PHPMailer",
                    text,
                )),
            ));
        }
    }
    let notes = [
        "SMTP NOTICE: ",
        "SMTP -> get_lines(): ",
        "Auth method requested: ",
        "Auth methods available on the server: ",
        "Requested auth method not available: ",
        "Auth method selected: ",
    ];
    if notes.iter().any(|p| line.starts_with(p)) {
        return Some(Reading::note::<E>(
            Format::PhpMailer,
            Tr::new(
                "PHPMailer: its own debug note, not part of the SMTP dialogue.",
                "PHPMailer：它自己的调试信息，不属于 SMTP 对话。",
            ),
            false,
        ));
    }
    None
}

/// RFC style `C: …` / `S: …` (as in RFC 5321 and docs/transcripts/real-servers.md).
fn rfc<const E: bool>(line: &str) -> Option<Reading<'_>> {
    // A note between the lines of a C:/S: transcript: a capture's gap or its STARTTLS
    // boundary (`smtp-trainer analyze` on a pcap), a tool's remark.
    if let Some(text) = line.strip_prefix("-- ") {
        let what = if text.starts_with("encrypted from here") {
            Tr::new(
                "From here on the connection is encrypted (after STARTTLS's 220): a capture cannot show the rest.",
                "从这里起连接已加密（STARTTLS 的 220 之后）：抓包看不到后面的内容。",
            )
        } else if text.starts_with('[')
            && (text.contains("lines of the message") || text.contains("行邮件内容"))
        {
            Tr::new(
                "More lines of the message, which the capture holds: a capture's transcript shows a message's first lines only.",
                "邮件的其余各行，抓包中都有：抓包的记录只显示邮件的前若干行。",
            )
        } else if text.starts_with('[') && text.contains("not shown") {
            Tr::new(
                "Octets the capture holds but the reader did not keep (over its memory limit): a line here may be incomplete.",
                "抓包中有、但读取时没有保留的字节（超出内存上限）：这里的某一行可能不完整。",
            )
        } else if text.starts_with('[') && text.contains("octets missing") {
            Tr::new(
                "A gap in the capture: these octets were never captured (a lost or cut segment), so a line here may be incomplete.",
                "抓包中的缺口：这些字节没有被抓到（丢失或被截断的报文段），因此这里的某一行可能不完整。",
            )
        } else {
            Tr::new(
                "A note of the program that wrote the transcript, not part of the SMTP dialogue.",
                "写出这份记录的程序所加的注记，不属于 SMTP 对话。",
            )
        };
        return Some(Reading::note::<E>(Format::Rfc, what, false));
    }
    if let Some(text) = strip_side(line, "C:") {
        return Some(Reading::new(Format::Rfc, Role::Client(Cow::Borrowed(text))));
    }
    if let Some(text) = strip_side(line, "S:") {
        return Some(Reading::new(Format::Rfc, Role::Server(Cow::Borrowed(text))));
    }
    None
}

/// msmtp's `--debug`: `--> ` sent, `<-- ` received.
fn msmtp<const E: bool>(line: &str) -> Option<Reading<'_>> {
    // Its own messages, as it prints them on standard error (LukeSmithxyz/mutt-wizard#591):
    // `msmtp: envelope from address … not accepted by the server`, then `msmtp: server
    // message: 530 …` with the reply, then `msmtp: could not send mail (account … from
    // FILE)`.
    // Through a logger, after its tag: `user.err email: msmtp: …` (hm_email#13).
    let message = line.trim().strip_prefix("msmtp: ").or_else(|| {
        let (head, rest) = line.split_once(": msmtp: ")?;
        (head.len() <= 40 && !head.contains("msmtp")).then_some(rest)
    });
    if let Some(message) = message {
        // A copy that re-wrapped the text keeps the space where it broke a line: the text
        // goes on below (`… msmtp: server message: 554 For ` / `explanation visit `).
        let wrapped = line.ends_with(' ');
        if let Some(reply) = message.strip_prefix("server message: ") {
            let mut log = serverlog::client_message::<E>(Format::Msmtp, "msmtp", reply);
            log.open |= wrapped;
            return Some(Reading::new(Format::Msmtp, Role::Log(log)));
        }
        if message.starts_with("envelope from address ") {
            return Some(Reading::note::<E>(
                Format::Msmtp,
                Tr::new(
                    "msmtp: the server refused its MAIL FROM; the server's reply is on the line after.",
                    "msmtp：服务器拒绝了它的 MAIL FROM；服务器的回复在下一行。",
                ),
                false,
            ));
        }
        if message.starts_with("could not send mail (account ") {
            return Some(Reading::note::<E>(
                Format::Msmtp,
                Tr::new(
                    "msmtp gave up on this message. It names the account it used and the configuration file it read that account from: if that is not the file you edited, your settings were never used.",
                    "msmtp 放弃了这封邮件。它写明了所用的账户，以及从哪个配置文件读取了这个账户：如果那不是你修改的文件，你的设置根本没有生效。",
                ),
                false,
            ));
        }
        let mut log = serverlog::client_message::<E>(Format::Msmtp, "msmtp", message);
        log.open |= wrapped;
        return Some(Reading::new(Format::Msmtp, Role::Log(log)));
    }
    if let Some(text) = line.strip_prefix(MSMTP_SENT) {
        return Some(Reading::new(
            Format::Msmtp,
            Role::Client(Cow::Borrowed(text)),
        ));
    }
    if let Some(text) = line.strip_prefix(MSMTP_RECEIVED) {
        return Some(Reading::new(
            Format::Msmtp,
            Role::Server(Cow::Borrowed(text)),
        ));
    }
    None
}

/// Haraka's protocol lines (haraka/Haraka#1741): `[PROTOCOL] [uuid] [core] C: EHLO x state=1`
/// what its client sent, `… S: 550 …` what it answered.
fn haraka_protocol<const E: bool>(line: &str) -> Option<Reading<'_>> {
    // Its other log lines: `[ERROR] [uuid] [outbound] Ongoing connection failed to …: Error:
    // write after end` (haraka/Haraka#1872), `[INFO] [-] [core] …`.
    for level in [
        "[INFO] [",
        "[NOTICE] [",
        "[WARN] [",
        "[ERROR] [",
        "[CRIT] [",
        "[DEBUG] [",
    ] {
        if let Some(rest) = line.trim_start().strip_prefix(level) {
            let (_, message) = rest.split_once("] ")?;
            // The plugin or part that wrote it, in brackets before the text.
            let message = match message.strip_prefix('[').and_then(|m| m.split_once("] ")) {
                Some((_, text)) => text,
                None => message,
            };
            let log = serverlog::client_message::<E>(Format::Haraka, "Haraka", message);
            return Some(Reading::new(Format::Haraka, Role::Log(log)));
        }
    }
    let rest = line.trim_start().strip_prefix("[PROTOCOL] [")?;
    let (_, rest) = rest.split_once("] ")?;
    let rest = rest
        .strip_prefix('[')
        .and_then(|r| r.split_once("] "))
        .map_or(rest, |(_, r)| r);
    if let Some(text) = rest.strip_prefix("C: ") {
        // Haraka adds the connection's state to what the client sent.
        let text = match text.rsplit_once(" state=") {
            Some((command, state)) if state.bytes().all(|b| b.is_ascii_digit()) => command,
            _ => text,
        };
        return Some(Reading::new(
            Format::Haraka,
            Role::Client(Cow::Borrowed(text)),
        ));
    }
    let text = rest.strip_prefix("S: ")?;
    Some(Reading::new(
        Format::Haraka,
        Role::Server(Cow::Borrowed(text)),
    ))
}

/// Roundcube's SMTP log (roundcube/roundcubemail#6393: `[15-Aug-2018 04:28:19 -0500]:
/// <n6lkis24> Recv: 550 Too many failed logins`): `Send: ` what it sent, `Recv: ` what it read.
fn roundcube<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let rest = line.trim_start().strip_prefix('[')?;
    let (_, rest) = rest.split_once("]: <")?;
    let (session, body) = rest.split_once("> ")?;
    if session.is_empty() || session.len() > 40 || session.contains(' ') {
        return None;
    }
    if let Some(sent) = body.strip_prefix("Send: ") {
        return Some(Reading::new(
            Format::Roundcube,
            Role::Client(Cow::Borrowed(sent)),
        ));
    }
    let read = body.strip_prefix("Recv: ")?;
    Some(Reading::new(
        Format::Roundcube,
        Role::Server(Cow::Borrowed(read)),
    ))
}

/// lettre's debug log (Rust; dani-garcia/vaultwarden#429): `[…][lettre::smtp::client][DEBUG]
/// Wrote: EHLO x<CRLF>` what it sent, `… Read: 250-a<CRLF>250 b<CRLF>` what it read, a
/// multi-line reply on one line.
fn lettre<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let at = line.find("[lettre::")?;
    let rest = line.get(at..)?;
    let (_, body) = rest.split_once("] ")?;
    if let Some(sent) = body.strip_prefix("Wrote: ") {
        let sent = sent.trim_end().strip_suffix("<CRLF>").unwrap_or(sent);
        return Some(Reading::new(
            Format::Lettre,
            Role::Client(Cow::Borrowed(sent)),
        ));
    }
    if let Some(read) = body.strip_prefix("Read: ") {
        let read = read.trim_end();
        let read = read.strip_suffix("<CRLF>").unwrap_or(read);
        // A multi-line reply read at once: one complete reply (its first line's code with a
        // space), its further lines run on as a debug output that lost its line breaks.
        let role = match read.split_once("<CRLF>") {
            Some((first, more)) if first.len() > 4 => {
                let (code, text) = first.split_at(3);
                let text = text.get(1..).unwrap_or("");
                Role::Server(Cow::Owned(format!(
                    "{code} {text}{}",
                    more.replace("<CRLF>", "")
                )))
            }
            _ => Role::Server(Cow::Borrowed(read)),
        };
        return Some(Reading::new(Format::Lettre, role));
    }
    Some(Reading::note::<E>(
        Format::Lettre,
        Tr::new(
            "lettre's own debug note (the connection, what the server offers), not part of the SMTP dialogue.",
            "lettre 自己的调试信息（连接、服务器提供的功能），不属于 SMTP 对话。",
        ),
        body.starts_with("connecting to ") || body.starts_with("connection established"),
    ))
}

/// Nodemailer's result and error objects as Node prints them, a field a line
/// (Youans/nodejs-nodemailer-outlook#8: `i { accepted: [ … ],`, `envelopeTime: 372,`,
/// `messageTime: 519,`, `response:` and the reply quoted on the next line;
/// hongrunhui/node_12306#1: `code: 'EAUTH',`, `responseCode: 535,`, `command: 'AUTH PLAIN' }`):
/// the reply read as one (250: the message was accepted), the other fields notes — never a
/// time or a size taken for a reply code.
fn node_fields<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim();
    let quoted = trimmed
        .trim_end_matches(',')
        .trim_end_matches('}')
        .trim_end()
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''));
    let field = trimmed
        .trim_start_matches("i {")
        .trim_start_matches('{')
        .trim_start();
    let (key, value) = match (
        quoted,
        field
            .split_once(": ")
            .or_else(|| field.strip_suffix(':').map(|k| (k, ""))),
    ) {
        (Some(reply), _) => ("response", reply),
        (None, Some((key, value))) => (key, value),
        (None, None) => return None,
    };
    const KEYS: [&str; 12] = [
        "accepted",
        "rejected",
        "rejectedErrors",
        "pending",
        "envelopeTime",
        "messageTime",
        "messageSize",
        "envelope",
        "messageId",
        "responseCode",
        "code",
        "command",
    ];
    let envelope =
        (key == "from" && trimmed.starts_with('{')) || (key == "to" && value.starts_with('['));
    let reply = value
        .trim()
        .trim_end_matches(',')
        .trim_end_matches('}')
        .trim_end()
        .trim_matches('\'');
    if key == "response" && reply_shaped(reply) {
        let mut log = serverlog::client_message::<E>(Format::Nodemailer, "Nodemailer", reply);
        if log.code == Some(250) {
            log.event = serverlog::LogEvent::Delivered;
        }
        return Some(Reading::new(Format::Nodemailer, Role::Log(log)));
    }
    if quoted.is_some()
        || !(KEYS.contains(&key) || envelope || (key == "response" && reply.is_empty()))
    {
        return None;
    }
    Some(Reading::note::<E>(
        Format::Nodemailer,
        Tr::new(
            "A field of Nodemailer's result or error object (the server's reply is its response field).",
            "Nodemailer 结果或错误对象中的一个字段（服务器的回复在它的 response 字段中）。",
        ),
        false,
    ))
}

/// smtp-cli's `--verbose` (mludvig/smtp-cli#24, #26): `> EHLO localhost` what it sends (as
/// curl -v writes it: that reader takes the line, and the annotator gives it to smtp-cli
/// when the replies are smtp-cli's), `[250] 'AUTH PLAIN LOGIN'` each line of a reply, its code in brackets and its text
/// quoted; `MAIL FROM <…> failed: '503 …'` when it gives up; `Connection from … to …`
/// first.
fn smtp_cli<const E: bool>(line: &str) -> Option<Reading<'_>> {
    if let Some(rest) = line.strip_prefix('[') {
        let code = rest.get(..3)?;
        let text = rest.get(3..)?.strip_prefix("] '")?.strip_suffix('\'')?;
        if !code.bytes().all(|b| b.is_ascii_digit()) || !code.starts_with(['2', '3', '4', '5']) {
            return None;
        }
        return Some(Reading::new(
            Format::SmtpCli,
            Role::Server(Cow::Owned(format!("{code} {text}"))),
        ));
    }
    if let Some((what, reply)) = line.split_once(" failed: '") {
        let reply = reply.strip_suffix('\'')?;
        let verb = what.split(' ').next().unwrap_or("");
        if !["MAIL", "RCPT", "DATA", "AUTH", "STARTTLS", "EHLO", "HELO"].contains(&verb)
            || !reply_shaped(reply)
        {
            return None;
        }
        let log = serverlog::client_message::<E>(Format::SmtpCli, "smtp-cli", reply);
        return Some(Reading::new(Format::SmtpCli, Role::Log(log)));
    }
    let rest = line.strip_prefix("Connection from ")?;
    let (from, to) = rest.split_once(" to ")?;
    if from.contains(' ') || to.contains(' ') || !to.contains(':') {
        return None;
    }
    Some(Reading::note::<E>(
        Format::SmtpCli,
        Tr::new(
            "smtp-cli: the TCP connection is open (its own address, then the server's and port); the server's greeting follows.",
            "smtp-cli：TCP 连接已建立（先是本机地址，然后是服务器地址和端口）；接下来是服务器的问候。",
        ),
        true,
    ))
}

/// mailx's (and s-nail's) `-v`: `>>> ` before what it sends; the replies come bare.
fn mailx<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let text = line.strip_prefix(">>> ")?;
    Some(Reading::new(
        Format::Mailx,
        Role::Client(Cow::Borrowed(text)),
    ))
}

/// Exim's `-v` output as it delivers (`exim -v`, `sendmail -v` where Exim is the MTA;
/// recorded from Debian's Exim 4.96, tests/fixtures/exim-verbose/): `  SMTP<< ` what it
/// read, `  SMTP>> ` what it sent, `  SMTP|> ` a command held back for pipelining,
/// `  SMTP+> ` one with more to come (BDAT); a multi-line reply's further lines indented
/// nine spaces; `SMTP(close)>>` and the like when the connection ends; its mainlog's
/// lines, indented, after `LOG: MAIN`; and notes on what it does (`delivering …`,
/// `Connecting to …`, `cmdlog: …`). With `-d` as a server it writes the same arrows the
/// other way round (`SMTP>> 220 …`): which side a line is comes from its content.
fn exim_verbose<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix("SMTP") {
        let arrow = rest.get(..2).unwrap_or("");
        if matches!(arrow, "<<" | ">>" | "|>" | "+>") {
            let text = rest.get(2..).unwrap_or("");
            let text = text.strip_prefix(' ').unwrap_or(text);
            let role = if reply_shaped(text) {
                Role::Server(Cow::Borrowed(text))
            } else {
                Role::Client(Cow::Borrowed(text))
            };
            return Some(Reading::new(Format::EximVerbose, role));
        }
        if let Some(inside) = rest
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(">>").or_else(|| r.strip_suffix("<<")))
            .and_then(|r| r.strip_suffix(')'))
        {
            let what = match inside {
                "close" | "shutdown" => Text::from(Tr::new(
                    "Exim: it closes its side of the connection (shutdown: it has sent everything and still reads the replies).",
                    "Exim：它关闭自己这一端的连接（shutdown：已发完全部内容，仍在读取回复）。",
                )),
                reason => Text::new(
                    format!("Exim: the connection failed: {reason}."),
                    format!("Exim：连接失败：{reason}。"),
                ),
            };
            return Some(Reading::note::<E>(Format::EximVerbose, what, false));
        }
    }
    // A multi-line reply's further lines, and Exim's own remarks between the commands.
    if let Some(text) = line
        .strip_prefix("         ")
        .filter(|t| !t.starts_with(' '))
    {
        if reply_shaped(text) {
            return Some(Reading::new(
                Format::EximVerbose,
                Role::Server(Cow::Borrowed(text)),
            ));
        }
        if text.starts_with("will write message using CHUNKING") {
            return Some(Reading::note::<E>(
                Format::EximVerbose,
                Tr::new(
                    "Exim: the server offered CHUNKING, so the message goes in BDAT commands (RFC 3030) instead of DATA.",
                    "Exim：服务器提供了 CHUNKING，所以邮件用 BDAT 命令（RFC 3030）发送，而不是 DATA。",
                ),
                false,
            ));
        }
    }
    if let Some(body) = line.strip_prefix("  ") {
        if let Some(log) = serverlog::exim_verbose_log::<E>(body) {
            return Some(Reading::new(Format::EximLog, Role::Log(log)));
        }
    }
    if trimmed.starts_with("Connecting to ") && trimmed.contains(" ...") && trimmed.contains(" [") {
        let rest = trimmed.trim_start_matches("Connecting to ");
        let port = rest
            .split_once("]:")
            .map(|(_, after)| after.split(' ').next().unwrap_or(""))
            .unwrap_or("");
        return Some(Reading::note::<E>(
            Format::EximVerbose,
            explained::<E>(|| connecting(&format!("{rest} at {port}"))),
            true,
        ));
    }
    // Texts only where lines are explained (see `Reading::note`).
    let text =
        |en: &'static str, zh: &'static str| if E { Tr::new(en, zh) } else { Tr::new("", "") };
    let notes: [(&str, Tr); 8] = [
        (
            "LOG: ",
            text(
                "Exim: the line below is what it writes to its log (MAIN: the mainlog; REJECT, PANIC: those logs too).",
                "Exim：下面一行是它写进日志的内容（MAIN：主日志；REJECT、PANIC：也写入这些日志）。",
            ),
        ),
        (
            "delivering ",
            text(
                "Exim: it starts delivering the message with this id.",
                "Exim：开始投递这个编号的邮件。",
            ),
        ),
        (
            "R: ",
            text(
                "Exim: the router that took the address (R:, Debian's debug_print); smarthost means it goes to the relay host of the configuration.",
                "Exim：接手这个地址的路由器（R:，Debian 的 debug_print）；smarthost 表示交给配置中的中继主机。",
            ),
        ),
        (
            "T: ",
            text(
                "Exim: the transport that delivers it (T:, Debian's debug_print).",
                "Exim：负责投递的传输（T:，Debian 的 debug_print）。",
            ),
        ),
        (
            "Transport port=",
            text(
                "Exim: the port to connect to, as the route gives it (host::port in the smarthost setting).",
                "Exim：要连接的端口，取自路由（中继主机设置中的 主机::端口）。",
            ),
        ),
        (
            "connected",
            text(
                "Exim: the TCP connection is open; the server's greeting follows.",
                "Exim：TCP 连接已建立，接下来是服务器的问候。",
            ),
        ),
        (
            "cmdlog: ",
            text(
                "Exim: the connection's commands and reply codes in one line (| pipelined, - a multi-line reply).",
                "Exim：本次连接的命令和回复代码汇成一行（| 表示流水线发送，- 表示多行回复）。",
            ),
        ),
        (
            "will write message using CHUNKING",
            text(
                "Exim: the server offered CHUNKING, so the message goes in BDAT commands (RFC 3030) instead of DATA.",
                "Exim：服务器提供了 CHUNKING，所以邮件用 BDAT 命令（RFC 3030）发送，而不是 DATA。",
            ),
        ),
    ];
    let exim_line = |start: &str| match start {
        "LOG: " => trimmed.get(5..).is_some_and(|r| {
            !r.is_empty()
                && r.bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b' ' || b == b'_')
        }),
        "delivering " => trimmed
            .split(' ')
            .nth(1)
            .is_some_and(|id| id.len() >= 16 && id.matches('-').count() == 2),
        "R: " | "T: " => trimmed.contains(" for "),
        "connected" => trimmed == "connected",
        _ => true,
    };
    notes
        .into_iter()
        .find(|(start, _)| trimmed.starts_with(start) && exim_line(start))
        .map(|(_, what)| Reading::note::<E>(Format::EximVerbose, what, false))
}

/// sSMTP's `-v` (recorded from Debian's ssmtp 2.64, tests/fixtures/ssmtp/): `[->] ` what
/// it sent, `[<-] ` what it read (of a multi-line reply only the last line; the password it
/// sends in AUTH LOGIN is not printed). It ends with its error, `ssmtp: …`, or `sendmail:
/// …` under the name it often runs as: `Authorization failed (535 …)`, `Server didn't like
/// our AUTH LOGIN (530 …)`, a reply alone, `Cannot open host:port`.
fn ssmtp<const E: bool>(line: &str) -> Option<Reading<'_>> {
    if let Some(text) = line.strip_prefix("[->]") {
        let text = text.strip_prefix(' ').unwrap_or(text);
        return Some(Reading::new(
            Format::Ssmtp,
            Role::Client(Cow::Borrowed(text)),
        ));
    }
    if let Some(text) = line.strip_prefix("[<-] ") {
        return Some(Reading::new(
            Format::Ssmtp,
            Role::Server(Cow::Borrowed(text)),
        ));
    }
    // At the start of the line, or quoted by the program that ran it (fail2ban's `stderr:
    // 'sendmail: Cannot open mail:25'`).
    let trimmed = line.trim();
    let (program, at, message) = ["ssmtp: ", "sendmail: "].iter().find_map(|name| {
        let at = trimmed.find(name)?;
        let before = trimmed.get(..at)?.chars().next_back();
        let quoted = matches!(before, Some('\'' | '"'));
        (at == 0 || quoted || before == Some(' ')).then(|| {
            let message = trimmed.get(at + name.len()..).unwrap_or("");
            let message = match before {
                Some(q @ ('\'' | '"')) => message.strip_suffix(q).unwrap_or(message),
                _ => message,
            };
            (name.trim_end_matches(": "), at, message)
        })
    })?;
    let cannot_open = message.starts_with("Cannot open ");
    let own = cannot_open
        || message.starts_with("Authorization failed (")
        || message.starts_with("Server didn't like our ")
        || reply_shaped(message);
    // Postfix's and Sendmail's `sendmail` write other messages under that name.
    if (program == "sendmail" || at > 0) && !own {
        return None;
    }
    let mut log = serverlog::client_message::<E>(Format::Ssmtp, "ssmtp", message);
    if cannot_open {
        log.event = serverlog::LogEvent::Unreachable;
    }
    Some(Reading::new(Format::Ssmtp, Role::Log(log)))
}

/// Perl's Net::SMTP with `Debug => 1` (git send-email's `--smtp-debug=1`; recorded from
/// Debian's git-email 2.39 and Net::SMTP 3.14, tests/fixtures/git-send-email/):
/// `Net::SMTP=GLOB(0x…)>>> ` what it sent, `<<< ` what it read, `Net::SMTP::_SSL=GLOB(…)`
/// once TLS is on; first the modules' versions (`Net::SMTP>>> Net::SMTP(3.14)`), and in AUTH
/// each challenge and answer once more `(decoded)`, the password among them.
fn net_smtp<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let rest = line.strip_prefix("Net::SMTP")?;
    let at = match (rest.find(">>> "), rest.find("<<< ")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let head = rest.get(..at)?;
    let object = head
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'_' | b'=' | b'(' | b')'));
    if !object {
        return None;
    }
    let sent = rest.get(at..)?.starts_with(">>>");
    let text = rest.get(at + 4..)?;
    if head.is_empty() {
        return Some(Reading::note::<E>(
            Format::NetSmtp,
            Tr::new(
                "Net::SMTP's debug output begins with the Perl modules it uses and their versions.",
                "Net::SMTP 的调试输出先列出它用到的 Perl 模块及其版本。",
            ),
            false,
        ));
    }
    if text.starts_with("(decoded) ") {
        let what = if sent {
            Tr::new(
                "Net::SMTP prints the AUTH answer of the next line decoded: this is the user name or the password in clear. Remove this line and the base64 below it before posting the log.",
                "Net::SMTP 把下一行的 AUTH 应答解码后打印出来：这就是明文的用户名或密码。发布日志之前，请删掉这一行和下面的 base64。",
            )
        } else {
            Tr::new(
                "Net::SMTP prints the server's challenge above decoded.",
                "Net::SMTP 把上面服务器的质询解码后打印出来。",
            )
        };
        return Some(Reading::note::<E>(Format::NetSmtp, what, false));
    }
    let role = if sent {
        Role::Client(Cow::Borrowed(text))
    } else {
        Role::Server(Cow::Borrowed(text))
    };
    Some(Reading::new(Format::NetSmtp, role))
}

/// git send-email's own lines (recorded as `net_smtp`'s): the patch files it sends, the
/// addresses it adds (`(mbox) Adding cc: …`), its errors (`Unable to initialize SMTP
/// properly. … VALUES: server=… encryption=… port=…`, `Command unknown: 'AUTH' at …`,
/// `Server does not support STARTTLS! …`, `STARTTLS failed! …`, as its source words them),
/// and the summary it prints after `OK. Log says:` up to `Result: 250`.
fn git_send_email<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim();
    let note = |what: Tr| Some(Reading::note::<E>(Format::GitSendEmail, what, false));
    if trimmed == "OK. Log says:" {
        return note(Tr::new(
            "git send-email: the message went out; its summary of what it sent follows (the server, the envelope, the headers), up to the server's last reply.",
            "git send-email：邮件已发出；下面是它对所发内容的汇总（服务器、信封、邮件头），直到服务器的最后一条回复。",
        ));
    }
    if trimmed.starts_with("Result: ") {
        return note(Tr::new(
            "git send-email: the server's reply to the message, which ends its summary.",
            "git send-email：服务器对这封邮件的回复，汇总到此结束。",
        ));
    }
    if trimmed.starts_with("(mbox) Adding ") || trimmed.starts_with("(body) Adding ") {
        return note(Tr::new(
            "git send-email: an address it adds from the patch (its From:, or a Signed-off-by: or Cc: line in the body).",
            "git send-email：它从补丁中添加的地址（补丁的 From:，或正文中的 Signed-off-by:、Cc: 行）。",
        ));
    }
    let patch = trimmed.ends_with(".patch") && !trimmed.contains(' ') && trimmed.len() < 300;
    if patch {
        return note(Tr::new(
            "git send-email: the patch file it sends.",
            "git send-email：它要发送的补丁文件。",
        ));
    }
    let event = if trimmed.starts_with("Unable to initialize SMTP properly.") {
        serverlog::LogEvent::Unreachable
    } else if trimmed.starts_with("Command unknown: 'AUTH'") {
        serverlog::LogEvent::AuthNotOffered
    } else if trimmed.starts_with("Server does not support STARTTLS!")
        || trimmed.starts_with("STARTTLS failed!")
    {
        serverlog::LogEvent::TlsFailed
    } else {
        return None;
    };
    let mut log = serverlog::client_message::<E>(Format::GitSendEmail, "git-send-email", trimmed);
    log.event = event;
    Some(Reading::new(Format::GitSendEmail, Role::Log(log)))
}

/// OpenSSL's `s_client -starttls smtp` (recorded from OpenSSL 3.0 typing into it by hand,
/// tests/fixtures/openssl-s-client/): its report of the handshake (the certificate chain and
/// its verification, the certificate in PEM, the cipher, each `SSL-Session:`), then the
/// session as the terminal shows it, typed lines and replies without prefixes, which the
/// session reads as a telnet session. In its interactive mode a line that starts with R, Q,
/// k or K is its own command and is not sent: `RENEGOTIATING`, `DONE`, `KEYUPDATE`.
fn s_client<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim_end();
    let note = |what: Tr| Some(Reading::note::<E>(Format::OpensslSClient, what, false));
    if trimmed.starts_with("CONNECTED(") && trimmed.ends_with(')') {
        return Some(Reading::note::<E>(
            Format::OpensslSClient,
            Tr::new(
                "openssl s_client: the TCP connection is open; with -starttls smtp it reads the greeting, sends EHLO and STARTTLS itself, and reports the TLS handshake below.",
                "openssl s_client：TCP 连接已建立；使用 -starttls smtp 时，它自己读取问候、发送 EHLO 和 STARTTLS，并在下面报告 TLS 握手。",
            ),
            true,
        ));
    }
    if trimmed == "RENEGOTIATING" || trimmed == "KEYUPDATE" {
        let mut log =
            serverlog::client_message::<E>(Format::OpensslSClient, "openssl s_client", trimmed);
        log.event = serverlog::LogEvent::Reject;
        return Some(Reading::new(Format::OpensslSClient, Role::Log(log)));
    }
    // OpenSSL's error queue: `80EB48932A7F0000:error:0A00010A:SSL routines:…:reason:file:line:`.
    if let Some((_, rest)) = trimmed.split_once(":error:") {
        let head = trimmed.split(':').next().unwrap_or("");
        if !head.is_empty() && head.len() <= 16 && head.bytes().all(|b| b.is_ascii_hexdigit()) {
            if rest.contains(":can_renegotiate:") {
                return note(Tr::new(
                    "OpenSSL's error: this TLS 1.3 connection cannot be renegotiated, so s_client gives up and ends the connection.",
                    "OpenSSL 的错误：这个 TLS 1.3 连接无法重新协商，于是 s_client 放弃并结束连接。",
                ));
            }
            let log = serverlog::client_message::<E>(Format::OpensslSClient, "openssl", trimmed);
            return Some(Reading::new(Format::OpensslSClient, Role::Log(log)));
        }
    }
    // Texts only where lines are explained (see `Reading::note`).
    let text =
        |en: &'static str, zh: &'static str| if E { Tr::new(en, zh) } else { Tr::new("", "") };
    let exact: [(&str, Tr); 9] = [
        (
            "---",
            text("openssl s_client: a separator in its report.", "openssl s_client：报告中的分隔线。"),
        ),
        (
            "DONE",
            text(
                "openssl s_client ended the connection itself: in its interactive mode a line that starts with Q (QUIT too) is its own quit command and is not sent, so the server saw no QUIT. -nocommands (or -ign_eof) sends every line.",
                "openssl s_client 自己结束了连接：在交互模式下，以 Q 开头的一行（QUIT 也是）是它自己的退出命令，不会发送，所以服务器没有收到 QUIT。使用 -nocommands（或 -ign_eof）时每一行都会发送。",
            ),
        ),
        (
            "closed",
            text("openssl s_client: the server closed the connection.", "openssl s_client：服务器关闭了连接。"),
        ),
        (
            "read R BLOCK",
            text(
                "openssl s_client: it read a TLS record that carried no data (here a session ticket), and waits for more.",
                "openssl s_client：它读到一个不含数据的 TLS 记录（这里是会话票据），继续等待。",
            ),
        ),
        (
            "Certificate chain",
            text("openssl s_client: the certificates the server sent, the server's own first (s: subject, i: issuer).", "openssl s_client：服务器发来的证书，服务器自己的在最前面（s: 主体，i: 签发者）。"),
        ),
        (
            "Server certificate",
            text("openssl s_client: the server's certificate follows in PEM.", "openssl s_client：下面是 PEM 格式的服务器证书。"),
        ),
        (
            "SSL-Session:",
            text("openssl s_client: the TLS session's parameters (protocol, cipher, ids, ticket).", "openssl s_client：TLS 会话的参数（协议、加密套件、编号、票据）。"),
        ),
        (
            "Post-Handshake New Session Ticket arrived:",
            text("openssl s_client: the server sent a TLS 1.3 session ticket (for resuming later); its parameters follow.", "openssl s_client：服务器发来 TLS 1.3 会话票据（供以后恢复会话）；下面是它的参数。"),
        ),
        (
            "No client certificate CA names sent",
            text("openssl s_client: the server asked for no client certificate.", "openssl s_client：服务器没有要求客户端证书。"),
        ),
    ];
    if let Some((_, what)) = exact.into_iter().find(|(l, _)| *l == trimmed) {
        return note(what);
    }
    let verify = trimmed.starts_with("verify error:")
        || trimmed.starts_with("Verification error:")
        || trimmed.starts_with("Verify return code: ")
        || trimmed.starts_with("    Verify return code: ");
    if verify {
        return note(if trimmed.ends_with("(ok)") {
            Tr::new(
                "openssl s_client: the certificate was verified.",
                "openssl s_client：证书通过了验证。",
            )
        } else {
            Tr::new(
                "openssl s_client could not verify the server's certificate (self-signed, an unknown authority, expired or another name) and goes on anyway, as it always does: a mail program that verifies would stop here. -verify_return_error makes s_client stop too; -CAfile gives it an authority to trust.",
                "openssl s_client 无法验证服务器的证书（自签名、未知的证书机构、已过期或名字不符），但它照常继续——它总是这样：会验证证书的邮件客户端到这里就会停止。加上 -verify_return_error 时 s_client 也会停止；-CAfile 可以指定要信任的证书机构。",
            )
        });
    }
    let report = [
        "depth=",
        "verify return:",
        "Can't use SSL_get_servername",
        " 0 s:",
        " 1 s:",
        " 2 s:",
        "   i:",
        "   a:PKEY",
        "   v:NotBefore",
        "subject=",
        "issuer=",
        "Peer signing digest:",
        "Peer signature type:",
        "Server Temp Key:",
        "SSL handshake has read ",
        "New, TLSv",
        "New, (NONE)",
        "Server public key is ",
        "Secure Renegotiation IS",
        "Compression: ",
        "Expansion: ",
        "No ALPN negotiated",
        "ALPN protocol:",
        "Early data was ",
        "Verification: OK",
        "-----BEGIN ",
        "-----END ",
    ];
    let session_line = trimmed.strip_prefix("    ").is_some_and(|field| {
        [
            "Protocol  :",
            "Cipher    :",
            "Session-ID:",
            "Session-ID-ctx:",
            "Resumption PSK:",
            "PSK identity",
            "SRP username:",
            "TLS session ticket",
            "Start Time:",
            "Timeout   :",
            "Extended master secret:",
            "Max Early Data:",
            "Master-Key:",
        ]
        .iter()
        .any(|k| field.starts_with(k))
            || (field.get(4..7) == Some(" - ")
                && field
                    .get(..4)
                    .is_some_and(|o| o.bytes().all(|b| b.is_ascii_hexdigit())))
    });
    if session_line || report.iter().any(|p| trimmed.starts_with(p)) {
        return note(Tr::new(
            "openssl s_client's report of the TLS handshake, not part of the SMTP dialogue.",
            "openssl s_client 对 TLS 握手的报告，不属于 SMTP 对话。",
        ));
    }
    None
}

/// sendEmail's lines (Brandon Zehm's Perl script; recorded from Debian's sendemail 1.56,
/// tests/fixtures/sendemail/): `Dec 07 19:27:57 host sendEmail[pid]: LEVEL => …`, with -v
/// the dialogue (`INFO => Sending: \tEHLO vm`, `SUCCESS => Received: \t250-…, 250-…, 250 …`,
/// a multi-line reply's lines joined by ", "), its own messages, and IO::Socket::SSL's Perl
/// warning above a TLS failure.
fn sendemail<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim();
    if trimmed.starts_with("Use of uninitialized value ") && trimmed.contains("IO/Socket/SSL.pm") {
        return Some(Reading::note::<E>(
            Format::SendEmail,
            Tr::new(
                "A warning of Perl's IO::Socket::SSL (a message it formats without a value): harmless; the line below says what failed.",
                "Perl 的 IO::Socket::SSL 发出的警告（它格式化消息时缺了一个值）：无害；下一行说明失败的原因。",
            ),
            false,
        ));
    }
    let prefixed = ["sendEmail[", "sendemail[", "sendEmail.exe["]
        .iter()
        .find_map(|name| trimmed.find(name).map(|i| i + name.len()))
        .and_then(|at| trimmed.get(at..))
        .and_then(|rest| rest.split_once("]: "))
        .filter(|(pid, _)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
        .map(|(_, message)| message);
    // Its error alone, as people quote it: `ERROR => TLS setup failed: …`.
    let quoted = || {
        ["ERROR => ", "WARNING => ", "NOTICE => "]
            .iter()
            .find_map(|level| trimmed.strip_prefix(level))
            .filter(|text| {
                ["TLS setup failed", "Received:", "Connection attempt to "]
                    .iter()
                    .any(|m| text.starts_with(m))
            })
            .map(|_| trimmed)
    };
    let message = prefixed.or_else(quoted)?;
    let (level, text) = match message.split_once(" => ") {
        Some((level, text)) if level.bytes().all(|b| b.is_ascii_uppercase()) => (level, text),
        _ => ("", message),
    };
    let payload = |prefix: &str| {
        text.strip_prefix(prefix)
            .map(|t| t.trim_start_matches([' ', '\t']))
    };
    if let Some(sent) = payload("Sending: ") {
        return Some(Reading::new(
            Format::SendEmail,
            Role::Client(Cow::Borrowed(sent)),
        ));
    }
    if let Some(received) = payload("Received: ") {
        // A multi-line reply comes whole on one line: `250-a, 250-b, 250 c` is its last line
        // too (the diagnosis splits its keywords at ", 250").
        let code = received.get(..3).unwrap_or("");
        let whole = received.get(3..4) == Some("-") && received.contains(&format!(", {code} "));
        let text = match received.get(4..) {
            Some(after) if whole => Cow::Owned(format!("{code} {after}")),
            _ => Cow::Borrowed(received),
        };
        return Some(Reading::new(Format::SendEmail, Role::Server(text)));
    }
    if let Some(target) = text.strip_prefix("Connecting to ") {
        return Some(Reading::note::<E>(
            Format::SendEmail,
            explained::<E>(|| connecting(target)),
            true,
        ));
    }
    if text.starts_with("TLS setup failed") || text.starts_with("Connection attempt to ") {
        let mut log = serverlog::client_message::<E>(Format::SendEmail, "sendEmail", text);
        if text.starts_with("TLS setup failed") {
            log.event = serverlog::LogEvent::TlsFailed;
        }
        return Some(Reading::new(Format::SendEmail, Role::Log(log)));
    }
    let text_of =
        |en: &'static str, zh: &'static str| if E { Tr::new(en, zh) } else { Tr::new("", "") };
    let what = if text.starts_with("Authentication not supported by the remote SMTP server") {
        text_of(
            "sendEmail: the server's EHLO reply lists no AUTH (a server on port 587 offers it only after STARTTLS), so it goes on without logging in; the server's next reply says what that costs.",
            "sendEmail：服务器的 EHLO 回复没有列出 AUTH（587 端口上的服务器只在 STARTTLS 之后才提供），于是它不登录就继续；服务器的下一条回复说明了后果。",
        )
    } else if text.starts_with("Email was sent successfully") {
        text_of(
            "sendEmail: the server accepted the message.",
            "sendEmail：服务器接受了这封邮件。",
        )
    } else if text.starts_with("The recipient ") && text.contains("was rejected") {
        text_of(
            "sendEmail: the server refused this recipient; its reply follows.",
            "sendEmail：服务器拒绝了这个收件人；下面是它的回复。",
        )
    } else if text.starts_with("Exiting.") {
        text_of(
            "sendEmail gives up: what the lines above show decided it.",
            "sendEmail 放弃发送：原因见上面的几行。",
        )
    } else if level.is_empty() || level == "DEBUG" || level == "INFO" {
        text_of(
            "sendEmail's own note on what it does.",
            "sendEmail 对自己正在做的事的说明。",
        )
    } else {
        return None;
    };
    Some(Reading::note::<E>(Format::SendEmail, what, false))
}

/// K-9 Mail's log, which Thunderbird for Android keeps (its debug log through `adb logcat`,
/// as posted in thunderbird/thunderbird-android#4602): `01-15 15:44:06.135  9975 13041 V
/// SmtpTransport: SMTP <<< 220 …` read, `… D SmtpTransport: SMTP >>> EHLO …` sent; and its
/// failure, `Negative SMTP reply: 553 …`, in the log's exception and in the notification
/// (`Failed to send some messages - Negative SMTP reply: 553`, thunderbird-android#2735).
fn k9_mail<const E: bool>(line: &str) -> Option<Reading<'_>> {
    if let Some((_, text)) = line.split_once(" SmtpTransport: ") {
        if let Some(reply) = text.strip_prefix("SMTP <<< ") {
            return Some(Reading::new(
                Format::K9Mail,
                Role::Server(Cow::Borrowed(reply)),
            ));
        }
        if let Some(sent) = text.strip_prefix("SMTP >>> ") {
            return Some(Reading::new(
                Format::K9Mail,
                Role::Client(Cow::Borrowed(sent)),
            ));
        }
        if let Some(target) = text.strip_prefix("Connecting to ") {
            return Some(Reading::note::<E>(
                Format::K9Mail,
                explained::<E>(|| connecting(target)),
                true,
            ));
        }
        return None;
    }
    let (_, reply) = line.split_once("Negative SMTP reply: ")?;
    let log = serverlog::client_message::<E>(Format::K9Mail, "K-9 Mail", reply.trim());
    Some(Reading::new(Format::K9Mail, Role::Log(log)))
}

/// hMailServer's debug log: tab-separated quoted fields, the session's number third and
/// the text last. Its server (`"SMTPD"`) writes what it RECEIVED from the client and
/// what it SENT back; its own deliveries (`"SMTPC"`) the other way round. A multi-line
/// reply is one field with `[nl]` between its lines.
fn hmailserver<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let server = if line.starts_with("\"SMTPD\"\t") {
        true
    } else if line.starts_with("\"SMTPC\"\t") {
        false
    } else {
        return None;
    };
    let fields: Vec<&str> = line.split('\t').collect();
    let text = fields.last()?.trim().trim_matches('"');
    let session = fields
        .get(2)
        .and_then(|f| f.trim().parse::<u32>().ok())
        .unwrap_or(0);
    let (received, text) = match (text.strip_prefix("RECEIVED: "), text.strip_prefix("SENT: ")) {
        (Some(t), _) => (true, t),
        (None, Some(t)) => (false, t),
        _ => {
            return Some(Reading::note::<E>(
                Format::HMailServer,
                Tr::new(
                    "hMailServer: its own note on the session, not part of the SMTP dialogue.",
                    "hMailServer：它对本次会话的记录，不属于 SMTP 对话。",
                ),
                false,
            ))
        }
    };
    let role = if received == server {
        Role::Client(Cow::Borrowed(text))
    } else {
        Role::Server(Cow::Borrowed(text))
    };
    let mut reading = Reading::new(Format::HMailServer, role);
    reading.session = session;
    Some(reading)
}

/// curl's `-v`: `> ` sent, `< ` received, `* ` its own information.
fn curl<const E: bool>(line: &str) -> Option<Reading<'_>> {
    if let Some(text) = line.strip_prefix("< ") {
        if reply_shaped(text) {
            return Some(Reading::new(
                Format::Curl,
                Role::Server(Cow::Borrowed(text)),
            ));
        }
        return None;
    }
    if let Some(text) = line.strip_prefix("> ") {
        // Quoted e-mail text also starts with "> "; only SMTP-looking lines count.
        let smtp_like = text == "."
            || base64_token(text)
            || !matches!(
                command::parse(text),
                Err(command::ParseError::Unknown { .. } | command::ParseError::Empty)
            );
        if smtp_like {
            return Some(Reading::new(
                Format::Curl,
                Role::Client(Cow::Borrowed(text)),
            ));
        }
        return None;
    }
    let info = [
        "* Trying ",
        "*   Trying ",
        "* Connected to ",
        "* Connection #",
        "* Closing connection",
        "* STARTTLS",
        "* TLS",
        "* SSL connection",
    ];
    if info.iter().any(|p| line.starts_with(p)) {
        return Some(Reading::note::<E>(
            Format::Curl,
            Tr::new(
                "curl: its own information (connection, TLS), not part of the SMTP dialogue.",
                "curl：它自己的信息（连接、TLS），不属于 SMTP 对话。",
            ),
            line.contains("Trying "),
        ));
    }
    None
}

/// `Net::SMTPFatalError` (chatwoot/chatwoot#2541) and its siblings, alone on a line.
fn ruby_smtp_error(line: &str) -> bool {
    line.trim().strip_prefix("Net::SMTP").is_some_and(|rest| {
        [
            "FatalError",
            "ServerBusy",
            "AuthenticationError",
            "SyntaxError",
            "UnknownError",
        ]
        .contains(&rest.trim_end_matches(':'))
    })
}

/// A poster's label on a line of its own before the output (`Response:`, `result:`, `Error
/// log:`), as in nodemailer/nodemailer#885 and curl/curl#5321.
fn label(line: &str) -> bool {
    let Some(word) = line.trim().strip_suffix(':') else {
        return false;
    };
    [
        "response",
        "result",
        "results",
        "output",
        "log",
        "logs",
        "error",
        "errors",
        "error log",
        "error message",
        "debug",
        "debug output",
        "debug log",
        "console",
        "console output",
        "exception",
        "stack trace",
        "server log",
        "client log",
        "mail log",
        "maillog",
    ]
    .contains(&word.trim().to_ascii_lowercase().as_str())
}

/// A line of an exception's stack trace, as Node.js (`    at SMTPConnection._formatError
/// (…/index.js:784:19)`), Java (`\tat com.sun.mail.smtp.SMTPTransport.issueCommand(…)`,
/// `\t... 12 more`), .NET (`   at MailKit.Net.Smtp.SmtpClient.Send(…)`, `--- End of stack
/// trace from previous location ---`) and Python (`Traceback (most recent call last):`,
/// `  File "…/smtplib.py", line 750, in login`) print them.
fn stack_frame(line: &str) -> bool {
    let trimmed = line.trim();
    let indented = line.starts_with([' ', '\t']);
    if let Some(rest) = trimmed.strip_prefix("at ") {
        let first = rest.split([' ', '(']).next().unwrap_or("");
        // `at addChunk (_stream_readable.js:326:12)`: a function and its file's place.
        let located = rest
            .split_once(" (")
            .is_some_and(|(_, place)| place.ends_with(')') && place.matches(':').count() >= 2);
        return indented
            && (["async", "new"].contains(&first)
                || first.contains('.')
                || first.contains('<')
                || located)
            && !rest.contains(": ");
    }
    if let Some(rest) = trimmed.strip_prefix("... ") {
        return indented && rest.ends_with(" more") && rest.split(' ').count() == 2;
    }
    trimmed == "Traceback (most recent call last):"
        || (trimmed.starts_with("File \"") && trimmed.contains("\", line "))
        || (trimmed.starts_with("--- End of ") && trimmed.ends_with(" ---"))
        || powershell_record(trimmed)
        || python_source(line)
}

/// The source line Python prints under a traceback's `File "…", line N, in f`: indented,
/// a call (`self.connection.sendmail(from_email, …)`) or a `raise` (zulip/zulip#94).
fn python_source(line: &str) -> bool {
    let trimmed = line.trim();
    if !line.starts_with("    ") || !trimmed.ends_with(')') {
        return false;
    }
    let call = trimmed.strip_prefix("raise ").unwrap_or(trimmed);
    let Some((name, _)) = call.split_once('(') else {
        return false;
    };
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
    valid && (name.contains('.') || trimmed.starts_with("raise "))
}

/// PowerShell's error record under its message: `At C:\x.ps1:225 char:5`, the script's line
/// (`+     Send-MailMessage …`) and its `~~~` underline, `+ CategoryInfo : …` and `+
/// FullyQualifiedErrorId : …` (VeeamHub/powershell#190).
fn powershell_record(trimmed: &str) -> bool {
    if let Some(rest) = trimmed.strip_prefix("At ") {
        return rest.contains(".ps") && rest.contains(" char:");
    }
    let Some(rest) = trimmed.strip_prefix('+') else {
        return false;
    };
    let shown = rest.trim_start();
    rest.starts_with("    ")
        || (!shown.is_empty() && shown.bytes().all(|b| b == b'~'))
        || shown.starts_with("CategoryInfo ")
        || shown.starts_with("FullyQualifiedErrorId ")
}

/// The messages telnet and nc print around a session, and whole-line annotations.
fn telnet_note<const E: bool>(line: &str) -> Option<Reading<'_>> {
    let trimmed = line.trim();
    // A program's setting, `name = value` (msmtp's --debug prints its configuration so:
    // `auth = CRAM-MD5` is no AUTH command).
    let setting = trimmed.split_once(" = ").is_some_and(|(name, _)| {
        !name.is_empty()
            && name.len() <= 40
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    });
    if setting {
        return Some(Reading::note::<E>(
            Format::Msmtp,
            Tr::new(
                "A setting of the program (name = value), not part of the SMTP dialogue.",
                "程序的一项设置（名称 = 值），不属于 SMTP 对话。",
            ),
            false,
        ));
    }
    // Texts only where lines are explained (see `Reading::note`).
    let text =
        |en: &'static str, zh: &'static str| if E { Tr::new(en, zh) } else { Tr::new("", "") };
    let notes: [(&str, Tr, bool); 7] = [
        (
            "Trying ",
            text(
                "telnet: opening the TCP connection.",
                "telnet：正在打开 TCP 连接。",
            ),
            true,
        ),
        (
            "Connected to ",
            text(
                "telnet: the TCP connection is open; the server's greeting follows.",
                "telnet：TCP 连接已建立，接下来是服务器的问候。",
            ),
            false,
        ),
        (
            "Escape character is",
            text(
                "telnet: how to reach its own prompt (Ctrl+]); not sent to the server.",
                "telnet：如何回到 telnet 自己的提示符（Ctrl+]），不会发给服务器。",
            ),
            false,
        ),
        (
            "Connection closed by foreign host",
            text(
                "telnet: the server closed the connection.",
                "telnet：服务器关闭了连接。",
            ),
            false,
        ),
        (
            "Connection to host lost",
            text(
                "telnet (Windows): the connection is closed.",
                "telnet（Windows）：连接已断开。",
            ),
            false,
        ),
        (
            "telnet ",
            text(
                "The shell command that opens the session.",
                "打开会话的 shell 命令。",
            ),
            true,
        ),
        (
            "$ ",
            text(
                "A shell command, not part of the SMTP dialogue.",
                "一条 shell 命令，不属于 SMTP 对话。",
            ),
            false,
        ),
    ];
    // A message's header field, outside a DATA the log shows: the original message's header
    // as a bounce quotes it (`Original message headers:`, then `ARC-Seal: …`, `Received: …`).
    if header_field(line) || trimmed == "Original message headers:" {
        return Some(Reading::note::<E>(
            Format::Bounce,
            text(
                "A header field of a message (RFC 5322 §3.6), as a bounce quotes the original message's header: not part of the SMTP dialogue.",
                "邮件的一个头字段（RFC 5322 §3.6），退信引用原邮件邮件头时会列出：不属于 SMTP 对话。",
            ),
            false,
        ));
    }
    // less's status line at the end of a paste from it: `lines 1008-1057/1057 (END)`.
    if trimmed.starts_with("lines ")
        && trimmed.contains('/')
        && trimmed
            .trim_start_matches("lines ")
            .split(['-', '/', ' '])
            .take(3)
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(Reading::note::<E>(
            Format::Syslog,
            text(
                "less: the pager's status line (which lines of the file are shown), not part of the log.",
                "less：分页器的状态行（显示的是文件的哪几行），不属于日志。",
            ),
            false,
        ));
    }
    // `tail -f` on several files heads each one's lines with its name.
    if trimmed.starts_with("==> ") && trimmed.ends_with(" <==") {
        return Some(Reading::note::<E>(
            Format::Syslog,
            text(
                "tail: the name of the file whose lines follow.",
                "tail：下面几行所属文件的名称。",
            ),
            false,
        ));
    }
    for (start, what, connect) in notes {
        if trimmed.starts_with(start) {
            return Some(Reading::note::<E>(Format::Telnet, what, connect));
        }
    }
    // `(550, b'…')` is a Python exception's arguments (a reply), not an annotation.
    let reply_tuple = trimmed.get(1..6).is_some_and(|head| {
        head.bytes().take(3).all(|b| b.is_ascii_digit()) && head.ends_with(", ")
    });
    // Postfix's mailq gives a deferred message's reason in parentheses under it:
    // `(connect to gmail-smtp-in.l.google.com[…]:25: Connection timed out)`.
    let queue_reason = trimmed.starts_with("(connect to ")
        || trimmed.starts_with("(host ")
        || trimmed.starts_with("(delivery temporarily suspended");
    if queue_reason {
        let inner = trimmed.trim_start_matches('(').trim_end_matches(')');
        let mut log = serverlog::client_message::<E>(Format::PostfixLog, "postfix/qmgr", inner);
        // Whole in its parentheses: the indented line under it is the recipient.
        log.open = false;
        return Some(Reading::new(Format::PostfixLog, Role::Log(log)));
    }
    // Indented, it is the end of a wrapped line above (a bounce's `    (BL)`), not a note.
    let indented = line.starts_with([' ', '\t']);
    if trimmed.len() > 2
        && trimmed.starts_with('(')
        && trimmed.ends_with(')')
        && !reply_tuple
        && !indented
    {
        return Some(Reading {
            format: None,
            session: 0,
            role: Role::Note {
                what: Tr::new(
                    "An annotation in parentheses, written by whoever recorded the log.",
                    "括号中的注解，由记录日志的人添加。",
                )
                .into(),
                connect: false,
            },
        });
    }
    None
}

/// Three digits, first 2–5, then a space, a hyphen or the end: the start of a reply line.
pub(super) fn reply_shaped(text: &str) -> bool {
    let bytes = text.as_bytes();
    match bytes {
        [a, b, c, rest @ ..] => {
            (b'2'..=b'5').contains(a)
                && (b'0'..=b'5').contains(b)
                && c.is_ascii_digit()
                && matches!(rest.first(), None | Some(b' ' | b'-' | b'\t'))
        }
        _ => false,
    }
}

/// One word of base64 alphabet (an AUTH answer), at least 4 characters.
pub(super) fn base64_token(text: &str) -> bool {
    text.len() >= 4
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

/// Strips a leading `HH:MM:SS[.frac]` or `YYYY-MM-DD[ T]HH:MM:SS[.frac][zone]` and the
/// white space after it; returns the line unchanged when it has none.
pub(super) fn strip_timestamp(line: &str) -> &str {
    let bytes = line.as_bytes();
    let digits = |from: usize, n: usize| -> bool {
        bytes
            .get(from..from + n)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| bytes.get(i) == Some(&c);
    let mut i = 0;
    if digits(0, 4) && at(4, b'-') && digits(5, 2) && at(7, b'-') && digits(8, 2) {
        if !(at(10, b' ') || at(10, b'T')) {
            return line;
        }
        i = 11;
    }
    if !(digits(i, 2) && at(i + 2, b':') && digits(i + 3, 2) && at(i + 5, b':') && digits(i + 6, 2))
    {
        return line;
    }
    i += 8;
    if at(i, b'.') || at(i, b',') {
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    if at(i, b'Z') {
        i += 1;
    } else if (at(i, b'+') || at(i, b'-')) && digits(i + 1, 2) {
        i += 3;
        if at(i, b':') {
            i += 1;
        }
        if digits(i, 2) {
            i += 2;
        }
    }
    match bytes.get(i) {
        Some(b' ' | b'\t') => line.get(i..).map(str::trim_start).unwrap_or(line),
        _ => line,
    }
}

/// A Python string or bytes literal as `repr` prints it (`'EHLO x\r\n'`, `b'250 Ok\r\n'`),
/// unescaped; `None` when the text is not one.
pub(super) fn py_literal(text: &str) -> Option<String> {
    let text = text.trim();
    let (bytes_literal, text) = match text.strip_prefix('b') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let quote = text.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    // `\xNN` as raw bytes (what Python 2's `str` and every `bytes` repr mean); `as_chars`
    // keeps Python 3's meaning of `\xNN` in a `str` (the code point U+00NN).
    let mut out: Vec<u8> = Vec::with_capacity(inner.len());
    let mut as_chars: Vec<u8> = Vec::with_capacity(inner.len());
    let mut escaped_high = false;
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let mut buf = [0u8; 4];
        if c != '\\' {
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            out.extend_from_slice(encoded);
            as_chars.extend_from_slice(encoded);
            continue;
        }
        let plain: &[u8] = match chars.next() {
            Some('r') => b"\r",
            Some('n') => b"\n",
            Some('t') => b"\t",
            Some('0') => b"\0",
            Some('\\') => b"\\",
            Some('\'') => b"'",
            Some('"') => b"\"",
            Some('x') => {
                let hex: String = chars.by_ref().take(2).collect();
                match u8::from_str_radix(&hex, 16) {
                    Ok(byte) if hex.len() == 2 => {
                        out.push(byte);
                        escaped_high |= byte >= 0x80;
                        as_chars
                            .extend_from_slice(char::from(byte).encode_utf8(&mut buf).as_bytes());
                    }
                    _ => {
                        for v in [&mut out, &mut as_chars] {
                            v.extend_from_slice(b"\\x");
                            v.extend_from_slice(hex.as_bytes());
                        }
                    }
                }
                continue;
            }
            Some(other) => {
                for v in [&mut out, &mut as_chars] {
                    v.push(b'\\');
                    v.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
                }
                continue;
            }
            None => b"\\",
        };
        out.extend_from_slice(plain);
        as_chars.extend_from_slice(plain);
    }
    if let Ok(text) = std::str::from_utf8(&out) {
        return Some(text.to_string());
    }
    // Chinese servers (QQ, 163) answer in GBK; Python 2 prints those bytes escaped.
    if escaped_high {
        if let Some(text) = decode_gb18030(&out) {
            return Some(text);
        }
    }
    if bytes_literal {
        Some(String::from_utf8_lossy(&out).into_owned())
    } else {
        Some(String::from_utf8_lossy(&as_chars).into_owned())
    }
}

/// `bytes` decoded as GB18030 (which reads GBK and GB2312 too), or `None` when they are not
/// valid GB18030: the WHATWG Encoding Standard's decoder with error mode "fatal" and no BOM
/// sniffing.
///
/// Natively that is `encoding_rs`. In the page it is the browser's own `TextDecoder`, the same
/// standard's decoder: `encoding_rs` links every encoding's tables through one decoder type,
/// which would put 136 KB (gzip) of Japanese, Korean and Big5 tables into the verify page's
/// first download for this one line (issue 13; docs/size.md). The browser test
/// `engine::gbk_log_lines_decode_as_natively` checks the two agree.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

/// See the native version: the browser's `TextDecoder("gb18030", { fatal: true })`.
#[cfg(target_arch = "wasm32")]
pub fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"fatal".into(), &true.into()).ok()?;
    let decoder = browser::TextDecoder::new("gb18030", &options).ok()?;
    decoder.decode(bytes).ok()
}

/// The one browser API the decoder needs (the Encoding Standard's `TextDecoder`).
#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        pub type TextDecoder;

        #[wasm_bindgen(constructor, catch)]
        pub fn new(label: &str, options: &js_sys::Object) -> Result<TextDecoder, JsValue>;

        #[wasm_bindgen(method, catch)]
        pub fn decode(this: &TextDecoder, input: &[u8]) -> Result<String, JsValue>;
    }
}

/// Whether a line is a message header field: `Name: value` at the line's start, the name one
/// of RFC 5322's fields, a MIME field, a trace or authentication field, or an `X-` field.
/// (No name may be a word the page's style sheets use for a class: xtask's sheet check reads
/// the module's strings, and Gmail's `Feedback-ID` would pull the learn sheet's `.feedback`
/// into the Verify page.)
pub(super) fn header_field(line: &str) -> bool {
    const NAMES: [&str; 29] = [
        "received",
        "return-path",
        "dkim-signature",
        "arc-seal",
        "arc-message-signature",
        "arc-authentication-results",
        "authentication-results",
        "received-spf",
        "from",
        "to",
        "cc",
        "reply-to",
        "sender",
        "subject",
        "date",
        "message-id",
        "in-reply-to",
        "references",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "content-language",
        "content-disposition",
        "accept-language",
        "thread-topic",
        "thread-index",
        "importance",
        "list-unsubscribe",
        "delivered-to",
    ];
    if line.starts_with([' ', '\t']) {
        return false;
    }
    let Some((name, value)) = line.split_once(": ") else {
        return false;
    };
    let lower = name.to_ascii_lowercase();
    let x_field = lower.starts_with("x-")
        && lower.len() > 2
        && lower
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (NAMES.contains(&lower.as_str()) || x_field) && !value.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(line: &str) -> (Option<Format>, String) {
        let r = read::<true>(line);
        let what = match r.role {
            Role::Blank => "blank".to_string(),
            Role::Client(t) => format!("C {t}"),
            Role::Server(t) => format!("S {t}"),
            Role::Raw(t) => format!("raw {t}"),
            Role::Summary { code } => format!("summary {code}"),
            Role::Note { connect, .. } => format!("note {connect}"),
            Role::Log(log) => format!("log {} {:?}", log.program, log.code),
            Role::Block { server } => format!("block {server}"),
            Role::BlockLine(t) => format!("blockline {t}"),
        };
        (r.format, what)
    }

    #[test]
    fn every_prefix_form_table() {
        let table: &[(&str, Option<Format>, &str)] = &[
            ("Sent: EHLO [172.18.111.192]", Some(Format::SentGot), "C EHLO [172.18.111.192]"),
            ("Got: 250-mail", Some(Format::SentGot), "S 250-mail"),
            ("Set: the auth", Some(Format::SentGot), "note false"),
            ("Connecting to smtp.163.com at 25", Some(Format::SentGot), "note true"),
            ("2024-03-01 10:00:00\tConnection: opening to smtp.163.com:465, timeout=300, options=array()", Some(Format::PhpMailer), "note true"),
            (" -> EHLO vm", Some(Format::Swaks), "C EHLO vm"),
            ("<-  220 mail.example.com ESMTP Postfix", Some(Format::Swaks), "S 220 mail.example.com ESMTP Postfix"),
            ("<** 535 5.7.8 Error", Some(Format::Swaks), "S 535 5.7.8 Error"),
            (" ~> EHLO vm", Some(Format::Swaks), "C EHLO vm"),
            ("<~  250 OK", Some(Format::Swaks), "S 250 OK"),
            ("=== Trying 127.0.0.1:2525...", Some(Format::Swaks), "note true"),
            ("*** No authentication type succeeded", Some(Format::Swaks), "log swaks None"),
            ("send: 'ehlo client.example\\r\\n'", Some(Format::Smtplib), "C ehlo client.example\r\n"),
            ("reply: b'250-PIPELINING\\r\\n'", Some(Format::Smtplib), "S 250-PIPELINING"),
            ("reply: retcode (250); Msg: b'2.1.0 Ok'", Some(Format::Smtplib), "summary 250"),
            ("data: (354, b'End data')", Some(Format::Smtplib), "summary 354"),
            ("21:09:48.073687 send: 'quit\\r\\n'", Some(Format::Smtplib), "C quit\r\n"),
            ("C: EHLO client.example", Some(Format::Rfc), "C EHLO client.example"),
            ("S: 334 ", Some(Format::Rfc), "S 334 "),
            ("C: ", Some(Format::Rfc), "C "),
            ("[3] C: EHLO x", Some(Format::Serve), "C EHLO x"),
            ("[3] S: 250-PIPELINING", Some(Format::Serve), "S 250-PIPELINING"),
            ("[3] -- connected from 127.0.0.1:5", Some(Format::Serve), "note true"),
            ("2024-01-02 10:00:00\tSERVER -> CLIENT: 220 ok", Some(Format::PhpMailer), "S 220 ok"),
            ("2024-01-02 10:00:00\tCLIENT -> SERVER: EHLO x", Some(Format::PhpMailer), "C EHLO x"),
            ("--> EHLO x", Some(Format::Msmtp), "C EHLO x"),
            ("<-- 250 OK", Some(Format::Msmtp), "S 250 OK"),
            ("< 220 mx ESMTP", Some(Format::Curl), "S 220 mx ESMTP"),
            ("> EHLO x", Some(Format::Curl), "C EHLO x"),
            ("> just quoted text", None, "raw > just quoted text"),
            ("220 tdcsw.com ESMTP", None, "raw 220 tdcsw.com ESMTP"),
            ("   ", None, "blank"),
            ("Connection to host lost.", Some(Format::Telnet), "note false"),
            ("S:250 OK", Some(Format::Rfc), "S 250 OK"),
            ("C:EHLO x", Some(Format::Rfc), "C EHLO x"),
            ("C:\tEHLO x", Some(Format::Rfc), "C EHLO x"),
            ("S:\t250 ok", Some(Format::Rfc), "S 250 ok"),
            ("C:\\Users\\x", None, "raw C:\\Users\\x"),
            (" DEBUG [pUzDNyFoiLg] S: 220 mx ESMTP", Some(Format::Nodemailer), "S 220 mx ESMTP"),
            ("[2022-11-16 11:57:21] DEBUG [lHr1v5x3A] C: EHLO [127.0.0.1]", Some(Format::Nodemailer), "C EHLO [127.0.0.1]"),
            (" INFO  [pUzDNyFoiLg] Connection established to 203.0.113.54:25", Some(Format::Nodemailer), "note true"),
            ("SERVER 1:", Some(Format::Simplesmtp), "block true"),
            ("CLIENT 12:", Some(Format::Simplesmtp), "block false"),
            ("└──EHLO [127.0.0.1]", Some(Format::Simplesmtp), "blockline EHLO [127.0.0.1]"),
            ("This is the mail system at host mail.example.com.", Some(Format::Bounce), "note false"),
            ("Diagnostic-Code: smtp; 530 Authentication required", Some(Format::Bounce), "log bounce Some(530)"),
            ("<a@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command)", Some(Format::Bounce), "log bounce Some(550)"),
        ];
        for (line, format, want) in table {
            assert_eq!(role(line), (*format, want.to_string()), "{line:?}");
        }
    }

    #[test]
    fn ports_are_read_from_either_form() {
        assert!(connecting("smtp.163.com at 25").en.contains("port 25"));
        assert!(
            connecting("opening to smtp.163.com:465, timeout=300, options=array()")
                .en
                .contains("port 465")
        );
        assert!(connecting("mail.example.com:587").zh.contains("587"));
        assert!(!connecting("somewhere").en.contains("port"));
    }

    #[test]
    fn timestamps_are_stripped_only_when_whole() {
        assert_eq!(strip_timestamp("21:09:48.073687 send: x"), "send: x");
        assert_eq!(strip_timestamp("2017-04-06 13:51:00 H=x"), "H=x");
        assert_eq!(
            strip_timestamp("2024-01-02T03:04:05.6+08:00 host x"),
            "host x"
        );
        assert_eq!(strip_timestamp("12:00 not a time"), "12:00 not a time");
        assert_eq!(strip_timestamp("250 2.0.0 Ok"), "250 2.0.0 Ok");
    }

    #[test]
    fn python_literals_unescape() {
        assert_eq!(py_literal("'EHLO x\\r\\n'").as_deref(), Some("EHLO x\r\n"));
        assert_eq!(
            py_literal("b'\\x00alice\\x00secret'").as_deref(),
            Some("\0alice\0secret")
        );
        assert_eq!(py_literal("\"it's\"").as_deref(), Some("it's"));
        assert_eq!(py_literal("b'\\xff'").as_deref(), Some("\u{fffd}"));
        assert_eq!(py_literal("not quoted"), None);
        assert_eq!(py_literal("'\\x4'").as_deref(), Some("\\x4"));
        // QQ's 535 in GBK, as Python 2's smtplib prints it.
        assert_eq!(
            py_literal("'Error: \\xc7\\xeb\\xca\\xb9\\xd3\\xc3\\xca\\xda\\xc8\\xa8\\xc2\\xeb'")
                .as_deref(),
            Some("Error: 请使用授权码")
        );
        // Python 3's `str`: \xe9 is é.
        assert_eq!(py_literal("'caf\\xe9'").as_deref(), Some("café"));
    }
}
