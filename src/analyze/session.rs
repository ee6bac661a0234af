//! The protocol state behind the lines: per session (the `[n]` of a serve transcript, else
//! one), whether the client is inside DATA, where an AUTH exchange stands and what the next
//! client line answers, which multi-line reply is open, and which commands still wait for
//! their reply (a queue, so pipelined commands pair up with their replies in order).
//!
//! Out come the annotated [`Line`]s and the [`Event`]s the diagnosis reads.

use std::collections::{BTreeMap, VecDeque};

use super::formats::{self, Reading, Role};
use super::sasl::{self, Prompt};
use super::serverlog::{self, LogLine};
use super::{texts, Decoded, Direction, Field, Format, Kind, Line, Text, Value};
use crate::smtp::command::{self, Command, ParseError};

/// At most this many sessions are tracked at once (a serve transcript numbers them).
const MAX_SESSIONS: usize = 64;
/// At most this many commands wait for replies in one session.
const MAX_QUEUE: usize = 256;
/// At most this many lines of one reply are kept for the diagnosis (EHLO keywords).
const MAX_REPLY_LINES: usize = 100;

/// What a reply answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Request {
    /// A command line.
    Command {
        line: usize,
        verb: String,
        parsed: Result<Command, ParseError>,
    },
    /// A client's answer in an AUTH exchange.
    Sasl { line: usize },
    /// The end of the message data (`.`).
    DataEnd { line: usize },
}

impl Request {
    pub(super) fn line(&self) -> usize {
        match self {
            Request::Command { line, .. } | Request::Sasl { line } | Request::DataEnd { line } => {
                *line
            }
        }
    }

    fn is_verb(&self, verb: &str) -> bool {
        matches!(self, Request::Command { verb: v, .. } if v == verb)
    }
}

/// What happened, in order, for the diagnosis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Event {
    /// A new connection (a tool's note, or a greeting).
    Connect { session: u32, line: usize },
    /// A client command.
    Command {
        session: u32,
        line: usize,
        verb: String,
        /// The command line without annotations (at most 200 characters).
        text: String,
        parsed: Result<Command, ParseError>,
        /// The decoded initial response of `AUTH mech <b64>`.
        decoded: Option<Decoded>,
    },
    /// A client's answer in an AUTH exchange (`None` when the log hid it).
    Sasl {
        session: u32,
        line: usize,
        decoded: Option<Decoded>,
    },
    /// The end of the message data.
    DataEnd { session: u32, line: usize },
    /// A complete reply.
    Reply {
        session: u32,
        first: usize,
        last: usize,
        code: u16,
        enhanced: Option<String>,
        /// The text of every line without code and enhanced code, joined by spaces.
        text: String,
        /// Each line's text (at most [`MAX_REPLY_LINES`]).
        lines: Vec<String>,
        /// What it answers; `None` for a greeting or a reply nothing asked for.
        to: Option<Request>,
    },
    /// A log line.
    Log { line: usize, log: LogLine },
}

#[derive(Default)]
struct Session {
    queue: VecDeque<Request>,
    data: Option<DataState>,
    /// DATA was sent and no reply came yet: client lines that follow are the message.
    data_pending: bool,
    /// BDAT was sent: client lines until the next reply are its chunk.
    bdat: bool,
    auth: Option<AuthState>,
    group: Option<Group>,
    /// The first line of the last multi-line reply (for smtplib's summary lines).
    last_group: Option<usize>,
}

struct DataState {
    lines: usize,
    separator_seen: bool,
    last_line: usize,
}

struct AuthState {
    mechanism: String,
    expect: Field,
    /// A 334 came: the next client line is the answer.
    awaiting: bool,
}

struct Group {
    code: u16,
    enhanced: Option<String>,
    /// Indices into `lines`.
    indices: Vec<usize>,
    texts: Vec<String>,
    ehlo: bool,
}

/// The annotator: push lines in order, then `finish`.
///
/// `EXPLAIN` says whether each line gets its explanation and warning. The analyzer's
/// annotator does; the verifier's (`Annotator<false>`, [`super::annotate`]) needs only what
/// each line is, and since the texts are then never built, the linker leaves them (50 KB
/// gzip of the reply reference, the EHLO keywords and the analyzer's own texts) out of
/// the verify page's module (issue 13).
pub(super) struct Annotator<const EXPLAIN: bool = true> {
    lines: Vec<Line>,
    events: Vec<Event>,
    formats: Vec<Format>,
    sessions: BTreeMap<u32, Session>,
    /// The previous line was an unprefixed reply (a wrapped line may follow).
    after_raw_reply: bool,
    /// An unprefixed line whose first word could be a mistyped command: it becomes one if
    /// the next line is a 500/502 reply.
    candidate: Option<usize>,
    /// simplesmtp's last block header: whether the lines that follow are the server's.
    block_server: Option<bool>,
    /// A log line whose text may go on over the next lines (wrapped by a forum or a mail
    /// program): its index in `lines` and in `events`, and how many lines joined it.
    open_log: Option<OpenLog>,
    /// The previous line was smtplib's `reply: retcode (250); Msg: …`, whose message goes on
    /// over the following unprefixed lines (the EHLO keywords).
    after_summary: bool,
    /// The line before was a message header field: indented lines below fold it.
    after_header: bool,
    /// Inside git send-email's summary (`OK. Log says:` up to `Result: …`): what it sent,
    /// printed again, not the dialogue.
    sent_summary: bool,
    /// Inside a PEM block (`-----BEGIN CERTIFICATE-----` … `-----END …`) of s_client's
    /// report: base64 lines that are no SMTP.
    pem: bool,
}

struct OpenLog {
    line: usize,
    event: usize,
    joined: usize,
    /// Only indented lines continue it (a syslog line), or any unread line until the text
    /// closes (a bounce entry).
    indented_only: bool,
}

/// At most this many lines join one wrapped log line.
const MAX_JOINED: usize = 20;

impl<const EXPLAIN: bool> Annotator<EXPLAIN> {
    pub(super) fn new() -> Annotator<EXPLAIN> {
        Annotator {
            lines: Vec::new(),
            events: Vec::new(),
            formats: Vec::new(),
            sessions: BTreeMap::new(),
            after_raw_reply: false,
            candidate: None,
            block_server: None,
            open_log: None,
            after_summary: false,
            after_header: false,
            sent_summary: false,
            pem: false,
        }
    }

    /// `what()`, when this annotator explains its lines; nothing otherwise (never built).
    fn explain<T>(what: impl FnOnce() -> T) -> Option<T> {
        EXPLAIN.then(what)
    }

    pub(super) fn finish(mut self) -> (Vec<Line>, Vec<Event>, Vec<Format>) {
        // A multi-line reply cut off at the end of the paste is still one reply.
        let open: Vec<u32> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.group.is_some())
            .map(|(id, _)| *id)
            .collect();
        for id in open {
            self.close_group(id);
        }
        // smtp-cli writes what it sends as curl -v does (`> EHLO …`) and its replies its own
        // way (`[250] '…'`): with those replies and none of curl's, the `> ` lines are
        // smtp-cli's.
        if self.formats.contains(&Format::SmtpCli)
            && !self
                .lines
                .iter()
                .any(|l| l.format == Some(Format::Curl) && l.direction == Direction::Server)
        {
            for line in &mut self.lines {
                if line.format == Some(Format::Curl) {
                    line.format = Some(Format::SmtpCli);
                }
            }
            self.formats.retain(|f| *f != Format::Curl);
        }
        (self.lines, self.events, self.formats)
    }

    /// Reads line `number` (1-based).
    pub(super) fn push(&mut self, number: usize, raw: &str) {
        let reading = formats::read::<EXPLAIN>(raw);
        let candidate = self.candidate.take();
        let after_raw_reply = std::mem::replace(&mut self.after_raw_reply, false);
        let after_summary = std::mem::replace(&mut self.after_summary, false);
        let after_header = std::mem::replace(&mut self.after_header, false);
        let open_log = self.open_log.take();
        let Reading {
            format,
            session,
            role,
        } = reading;
        if let (Role::Raw(text), Some(open)) = (&role, open_log) {
            let indented = text.starts_with([' ', '\t']);
            // Under mailq's reason in parentheses, the indented line is the recipient.
            let recipient = self.lines.get(open.line).is_some_and(
                |l| matches!(&l.kind, Kind::Log { program, .. } if program == "postfix/qmgr"),
            ) && !text.trim().contains(' ');
            if (indented || !open.indented_only) && open.joined < MAX_JOINED && !recipient {
                self.continue_log(number, raw, text, open);
                return;
            }
        }
        // Lines of a block that is no dialogue: git send-email's summary, s_client's PEM.
        let summary = self.sent_summary && matches!(role, Role::Raw(_) | Role::Blank);
        if summary || (self.pem && matches!(role, Role::Raw(_))) {
            let mut line = self.line(number, raw, format, Direction::Note, Kind::Note);
            // The texts inside `explain`: the verifier's reading links neither.
            line.explanation = Self::explain(|| {
                Text::from(if summary {
                    crate::i18n::Tr::new(
                        "git send-email's summary: what it sent (the server, the envelope, the headers), printed again after the dialogue.",
                        "git send-email 的汇总：它所发送的内容（服务器、信封、邮件头），在对话结束后再打印一遍。",
                    )
                } else {
                    crate::i18n::Tr::new(
                        "The certificate in PEM: base64 of its DER encoding, no part of the SMTP dialogue.",
                        "PEM 格式的证书：它的 DER 编码的 base64，不属于 SMTP 对话。",
                    )
                })
            });
            self.add(line);
            return;
        }
        if format == Some(Format::OpensslSClient) && matches!(role, Role::Note { .. }) {
            if raw.starts_with("-----BEGIN ") {
                self.pem = true;
            } else if raw.starts_with("-----END ") {
                self.pem = false;
            }
        }
        if format == Some(Format::GitSendEmail) && matches!(role, Role::Note { .. }) {
            let trimmed = raw.trim();
            if trimmed == "OK. Log says:" {
                self.sent_summary = true;
            } else if trimmed.starts_with("Result: ") {
                self.sent_summary = false;
            }
        }
        // A header field folded over indented lines (RFC 5322 §2.2.3): a bounce's quote of
        // the original message's header, `ARC-Seal: …` and ` b=…` below it.
        if let (Role::Raw(text), true) = (&role, after_header) {
            if text.starts_with([' ', '\t']) {
                let mut line = self.line(number, raw, format, Direction::Note, Kind::Wrapped);
                line.explanation = Self::explain(texts::folded_header);
                self.add(line);
                self.after_header = true;
                return;
            }
        }
        if matches!(role, Role::Note { .. }) && formats::header_field(raw) {
            self.after_header = true;
        }
        if let Role::Raw(text) = &role {
            // smtplib's summary goes on with the reply's keywords: `SIZE 35882577`, `STARTTLS`.
            let keyword = first_word(text);
            let keyword_like = !keyword.is_empty()
                && keyword.len() <= 20
                && keyword
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
            if after_summary && keyword_like && self.session(0).data.is_none() {
                let mut line = self.line(number, raw, None, Direction::Note, Kind::Wrapped);
                line.explanation = Self::explain(texts::summary_continued);
                self.add(line);
                self.after_summary = true;
                let _ = text;
                return;
            }
        }
        match role {
            Role::Blank => self.blank(number, raw, session, candidate),
            Role::Client(text) => self.client(number, raw, format, session, &text),
            Role::Server(text) => self.server(number, raw, format, session, &text, true),
            Role::Raw(text) => self.raw(number, raw, text, candidate, after_raw_reply),
            Role::Summary { code } => {
                let group = self.session(session).last_group;
                let mut line =
                    self.line(number, raw, format, Direction::Note, Kind::Summary { code });
                line.explanation = Self::explain(texts::summary);
                line.group = group;
                self.add(line);
                self.after_summary = true;
            }
            Role::Block { server } => {
                self.block_server = Some(server);
                let mut line = self.line(number, raw, format, Direction::Note, Kind::Note);
                line.explanation = Self::explain(|| texts::block_header(server));
                self.add(line);
            }
            Role::BlockLine(text) => {
                if self.block_server == Some(false) {
                    self.client(number, raw, format, session, text);
                } else {
                    self.server(number, raw, format, session, text, true);
                }
            }
            Role::Note { what, connect } => {
                if connect {
                    self.reset(session);
                    self.events.push(Event::Connect {
                        session,
                        line: number,
                    });
                }
                let mut line = self.line(number, raw, format, Direction::Note, Kind::Note);
                line.explanation = Self::explain(|| what);
                self.add(line);
            }
            Role::Log(log) => self.log(number, raw, log),
        }
    }

    fn session(&mut self, id: u32) -> &mut Session {
        if !self.sessions.contains_key(&id) && self.sessions.len() >= MAX_SESSIONS {
            let oldest = self.sessions.keys().next().copied();
            if let Some(oldest) = oldest {
                self.sessions.remove(&oldest);
            }
        }
        self.sessions.entry(id).or_default()
    }

    fn reset(&mut self, id: u32) {
        *self.session(id) = Session::default();
    }

    fn line(
        &mut self,
        number: usize,
        raw: &str,
        format: Option<Format>,
        direction: Direction,
        kind: Kind,
    ) -> Line {
        if let Some(format) = format {
            if !self.formats.contains(&format) {
                self.formats.push(format);
            }
        }
        Line {
            number,
            raw: raw.to_string(),
            format,
            direction,
            kind,
            explanation: None,
            decoded: None,
            warning: None,
            group: None,
        }
    }

    fn add(&mut self, line: Line) {
        self.lines.push(line);
    }

    fn blank(&mut self, number: usize, raw: &str, session: u32, candidate: Option<usize>) {
        // A blank line between a candidate and its reply keeps the candidate alive.
        self.candidate = candidate;
        if self.session(session).data.is_some() {
            self.data_line(number, raw, Some(Format::Telnet), session, "");
            return;
        }
        let line = self.line(number, raw, None, Direction::Note, Kind::Blank);
        self.add(line);
    }

    fn raw(
        &mut self,
        number: usize,
        raw: &str,
        text: &str,
        candidate: Option<usize>,
        after_raw_reply: bool,
    ) {
        let telnet = Some(Format::Telnet);
        if self.session(0).data.is_some() {
            self.data_line(number, raw, telnet, 0, text);
            return;
        }
        let (payload, note) = clean(text);
        if self.block_server == Some(true) && formats::reply_shaped(payload.trim_start()) {
            // simplesmtp indents the further lines of a reply under `└──`.
            self.server(
                number,
                raw,
                Some(Format::Simplesmtp),
                0,
                payload.trim_start(),
                true,
            );
            return;
        }
        if formats::reply_shaped(payload) {
            if let Some(index) = candidate {
                if payload.starts_with("500") || payload.starts_with("502") {
                    self.promote(index);
                }
            }
            self.server(number, raw, telnet, 0, payload, false);
            self.after_raw_reply = true;
            return;
        }
        if self.session(0).auth.as_ref().is_some_and(|a| a.awaiting) {
            self.sasl_answer(number, raw, telnet, 0, payload, note);
            return;
        }
        if self.session(0).data_pending {
            self.start_data(0, number);
            self.data_line(number, raw, telnet, 0, text);
            return;
        }
        if self.session(0).bdat {
            self.data_line(number, raw, telnet, 0, text);
            return;
        }
        let parsed = command::parse(payload);
        let word = first_word(payload);
        let letters =
            !word.is_empty() && word.len() <= 12 && word.bytes().all(|b| b.is_ascii_alphabetic());
        // A typed command is short or shouted; prose ("Hello world, this is …") is neither.
        let command_like = letters
            && (word.bytes().all(|b| b.is_ascii_uppercase())
                || payload.split_whitespace().count() <= 3);
        // `Mail command failed: 501 …` (Nodemailer's error) starts like a command but quotes
        // a reply: an application's error message, not something typed.
        if matches!(parsed, Err(ParseError::Syntax { .. })) {
            if let Some(log) =
                serverlog::error_text::<EXPLAIN>(Format::ClientError, "application", text)
                    .filter(|l| l.code.is_some_and(|c| c >= 400))
            {
                self.error_line(number, raw, log);
                return;
            }
        }
        // `Mail Delivery Failed`, `Mail delivery failed via SMTP server …` (Odoo's report,
        // odoo/odoo#13479): a title-case word and an argument with neither `:` nor `<` is
        // prose, not a command typed with a wrong argument.
        let title_case = word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && word.chars().skip(1).any(|c| c.is_ascii_lowercase());
        let prose = matches!(parsed, Err(ParseError::Syntax { .. }))
            && title_case
            && !payload.contains(':')
            && !payload.contains('<');
        match &parsed {
            Ok(_) | Err(ParseError::Syntax { .. }) if !prose => {
                self.command(number, raw, telnet, 0, payload, parsed, note);
            }
            _ if after_raw_reply && !word.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                // Not the rest of the reply above when it holds a refusal of its own
                // (`10:00:02 Response: 535 5.7.8 …`): a program's message, read as such.
                if let Some(log) =
                    serverlog::error_text::<EXPLAIN>(Format::ClientError, "application", text)
                        .filter(|l| l.code.is_some_and(|c| c >= 400))
                {
                    self.error_line(number, raw, log);
                    return;
                }
                let mut line = self.line(number, raw, telnet, Direction::Server, Kind::Wrapped);
                line.explanation = Self::explain(texts::wrapped);
                self.add(line);
                // A long greeting may wrap more than once.
                self.after_raw_reply = true;
            }
            Err(ParseError::Unknown {
                suggestion: Some(_),
                ..
            }) if command_like => {
                self.command(number, raw, telnet, 0, payload, parsed, note);
            }
            _ => {
                // An application's error message or exception quoting the reply.
                if let Some(log) =
                    serverlog::error_text::<EXPLAIN>(Format::ClientError, "application", text)
                {
                    self.error_line(number, raw, log);
                    return;
                }
                // An address on a line of its own (a bounce's list of recipients, the sender
                // an application names under its error).
                if bare_address(payload) {
                    let mut line = self.line(number, raw, None, Direction::Note, Kind::Note);
                    line.explanation = Self::explain(texts::bare_address);
                    self.add(line);
                    return;
                }
                if command_like && payload.len() <= 200 {
                    self.candidate = Some(self.lines.len());
                }
                let line = self.line(number, raw, None, Direction::Unknown, Kind::Unknown);
                self.add(line);
            }
        }
    }

    /// An application's error message with the reply it quotes.
    fn error_line(&mut self, number: usize, raw: &str, log: LogLine) {
        let mut line = self.line(
            number,
            raw,
            Some(log.format),
            Direction::Note,
            Kind::Log {
                program: log.program.clone(),
                code: log.code,
                enhanced: log.enhanced.clone(),
            },
        );
        line.explanation = Self::explain(|| texts::log(&log, None));
        self.add(line);
        // A message whose reply follows on the lines below it (Thunderbird's "The mail server
        // responded:", PHPMailer's recipients): those lines join it.
        if log.open {
            self.open_log = Some(OpenLog {
                line: self.lines.len() - 1,
                event: self.events.len(),
                joined: 0,
                indented_only: false,
            });
        }
        self.events.push(Event::Log { line: number, log });
    }

    /// A line that continues the open log line above it: joined, and the whole read again.
    fn continue_log(&mut self, number: usize, raw: &str, text: &str, open: OpenLog) {
        let mut line = self.line(number, raw, None, Direction::Note, Kind::Wrapped);
        line.explanation = Self::explain(texts::wrapped);
        self.add(line);
        let Some(Event::Log { line: first, log }) = self.events.get(open.event).cloned() else {
            return;
        };
        let again = serverlog::reread::<EXPLAIN>(&log, text);
        let still_open = again.open || open.indented_only;
        if let Some(l) = self.lines.get_mut(open.line) {
            let reply_line = again.code.map(|code| match &again.enhanced {
                Some(e) => format!("{code} {e} {}", again.text),
                None => format!("{code} {}", again.text),
            });
            l.kind = Kind::Log {
                program: again.program.clone(),
                code: again.code,
                enhanced: again.enhanced.clone(),
            };
            l.explanation = Self::explain(|| texts::log(&again, reply_line.as_deref()));
        }
        if let Some(e) = self.events.get_mut(open.event) {
            *e = Event::Log {
                line: first,
                log: again,
            };
        }
        if still_open {
            self.open_log = Some(OpenLog {
                joined: open.joined + 1,
                ..open
            });
        }
    }

    /// An unknown line turns out to be a command: the server answered it with 500/502.
    fn promote(&mut self, index: usize) {
        let Some(line) = self.lines.get_mut(index) else {
            return;
        };
        let (payload, _) = clean(&line.raw);
        let parsed = command::parse(payload);
        let word = first_word(payload).to_ascii_uppercase();
        line.direction = Direction::Client;
        line.format = Some(Format::Telnet);
        line.kind = Kind::Command {
            verb: word.clone(),
            known: false,
        };
        line.explanation = Self::explain(|| texts::command(&parsed, &word));
        let number = line.number;
        if !self.formats.contains(&Format::Telnet) {
            self.formats.push(Format::Telnet);
        }
        self.events.push(Event::Command {
            session: 0,
            line: number,
            verb: word.clone(),
            text: crate::i18n::cut::chars(payload, 200).to_string(),
            parsed: parsed.clone(),
            decoded: None,
        });
        self.enqueue(
            0,
            Request::Command {
                line: number,
                verb: word,
                parsed,
            },
        );
    }

    fn enqueue(&mut self, session: u32, request: Request) {
        let queue = &mut self.session(session).queue;
        if queue.len() >= MAX_QUEUE {
            queue.pop_front();
        }
        queue.push_back(request);
    }

    fn client(
        &mut self,
        number: usize,
        raw: &str,
        format: Option<Format>,
        session: u32,
        text: &str,
    ) {
        if self.session(session).data.is_some() || self.session(session).bdat {
            self.data_line(number, raw, format, session, text);
            return;
        }
        if self.session(session).data_pending {
            self.start_data(session, number);
            self.data_line(number, raw, format, session, text);
            return;
        }
        let (payload, note) = clean(text);
        if self
            .session(session)
            .auth
            .as_ref()
            .is_some_and(|a| a.awaiting)
        {
            self.sasl_answer(number, raw, format, session, payload, note);
            return;
        }
        let parsed = command::parse(payload);
        if matches!(
            parsed,
            Err(ParseError::Unknown {
                suggestion: None,
                ..
            })
        ) && payload.len() >= 8
            && formats::base64_token(payload)
        {
            // The paste starts inside an AUTH exchange: an answer, not a command.
            self.sasl_answer(number, raw, format, session, payload, note);
            return;
        }
        self.command(number, raw, format, session, payload, parsed, note);
    }

    #[allow(clippy::too_many_arguments)]
    fn command(
        &mut self,
        number: usize,
        raw: &str,
        format: Option<Format>,
        session: u32,
        payload: &str,
        parsed: Result<Command, ParseError>,
        note: Option<&str>,
    ) {
        let word = first_word(payload);
        let (verb, known) = match &parsed {
            Ok(command) => (verb_of(command).to_string(), true),
            Err(ParseError::Syntax { verb, .. }) => (verb.to_string(), true),
            _ => (word.to_ascii_uppercase(), false),
        };
        let mut line = self.line(
            number,
            raw,
            format,
            Direction::Client,
            Kind::Command {
                verb: verb.clone(),
                known,
            },
        );
        line.explanation = Self::explain(|| {
            let explanation = texts::command(&parsed, word);
            match note {
                Some(note) => explanation.join(&texts::annotation(note)),
                None => explanation,
            }
        });
        if let Err(ParseError::Unknown {
            verb: typed,
            suggestion: Some(s),
        }) = &parsed
        {
            line.warning = Self::explain(|| texts::typo_warning(typed, s));
        }
        let mut decoded = None;
        match &parsed {
            Ok(Command::Auth { mechanism, initial }) => {
                let field = match mechanism.as_str() {
                    "LOGIN" => Field::UserName,
                    "PLAIN" => Field::Plain,
                    "XOAUTH2" | "OAUTHBEARER" => Field::Token,
                    _ => Field::Response,
                };
                let expect = match (mechanism.as_str(), initial.is_some()) {
                    ("LOGIN", true) => Field::Password,
                    ("LOGIN", false) => Field::UserName,
                    ("PLAIN", _) => Field::Plain,
                    _ => field,
                };
                if initial
                    .as_deref()
                    .is_some_and(|i| hidden_by_exim(format, i))
                {
                    line.explanation = line
                        .explanation
                        .take()
                        .map(|e| e.join(&Text::from(EXIM_HIDES)));
                } else if let Some(initial) = initial {
                    let d = sasl::decode(field, initial);
                    line.warning = Self::explain(|| warning_for(&d)).flatten();
                    decoded = Some(d);
                }
                line.decoded = decoded.clone();
                self.session(session).auth = Some(AuthState {
                    mechanism: mechanism.clone(),
                    expect,
                    awaiting: false,
                });
            }
            Ok(Command::Data) => self.session(session).data_pending = true,
            Ok(Command::Bdat { .. }) => self.session(session).bdat = true,
            _ => {}
        }
        self.add(line);
        self.events.push(Event::Command {
            session,
            line: number,
            verb: verb.clone(),
            text: crate::i18n::cut::chars(payload, 200).to_string(),
            parsed: parsed.clone(),
            decoded,
        });
        self.enqueue(
            session,
            Request::Command {
                line: number,
                verb,
                parsed,
            },
        );
    }

    fn sasl_answer(
        &mut self,
        number: usize,
        raw: &str,
        format: Option<Format>,
        session: u32,
        payload: &str,
        note: Option<&str>,
    ) {
        let (field, mechanism) = match self.session(session).auth.as_mut() {
            Some(auth) => {
                auth.awaiting = false;
                (auth.expect, auth.mechanism.clone())
            }
            None => (Field::Response, String::from("?")),
        };
        let phpmailer = payload.starts_with('[') && payload.contains("hidden");
        if phpmailer || hidden_by_exim(format, payload) {
            // PHPMailer hides LOGIN's answers below its lowest debug level; Exim's -v
            // prints every AUTH answer as asterisks.
            let mut line = self.line(number, raw, format, Direction::Client, Kind::Sasl);
            line.explanation = Self::explain(|| {
                Text::from(if phpmailer {
                    crate::i18n::Tr::new(
                "The client's answer in the AUTH exchange, hidden by the logging program (PHPMailer does so unless its debug level is 3 or more) — good: the log does not expose it.",
                "客户端在 AUTH 交换中的应答，被记录程序隐藏了（PHPMailer 在调试级别低于 3 时会这样做）——很好：日志没有暴露它。",
            )
                } else {
                    EXIM_HIDES
                })
            });
            self.add(line);
            self.events.push(Event::Sasl {
                session,
                line: number,
                decoded: None,
            });
            self.enqueue(session, Request::Sasl { line: number });
            return;
        }
        let decoded = sasl::decode(field, payload);
        let mut line = self.line(number, raw, format, Direction::Client, Kind::Sasl);
        line.explanation = Self::explain(|| {
            let explanation = texts::sasl_answer(&decoded, &mechanism);
            match note {
                Some(note) => explanation.join(&texts::annotation(note)),
                None => explanation,
            }
        });
        line.warning = Self::explain(|| warning_for(&decoded)).flatten();
        line.decoded = Some(decoded.clone());
        self.add(line);
        self.events.push(Event::Sasl {
            session,
            line: number,
            decoded: Some(decoded),
        });
        self.enqueue(session, Request::Sasl { line: number });
    }

    fn start_data(&mut self, session: u32, number: usize) {
        let s = self.session(session);
        s.data_pending = false;
        s.data = Some(DataState {
            lines: 0,
            separator_seen: false,
            last_line: number,
        });
    }

    fn data_line(
        &mut self,
        number: usize,
        raw: &str,
        format: Option<Format>,
        session: u32,
        text: &str,
    ) {
        let s = self.session(session);
        if s.bdat {
            let mut line = self.line(
                number,
                raw,
                format,
                Direction::Client,
                Kind::Data { end: false },
            );
            line.explanation = Self::explain(|| {
                Text::from(crate::i18n::Tr::new(
                "The chunk that follows BDAT: exactly the stated number of octets, no dot at the end.",
                "跟在 BDAT 后面的数据块：恰好是声明的字节数，结尾没有点。",
            ))
            });
            self.add(line);
            return;
        }
        let (index, separator_seen) = match s.data.as_mut() {
            Some(data) => {
                data.lines += 1;
                data.last_line = number;
                (data.lines, data.separator_seen)
            }
            None => (1, false),
        };
        // smtplib writes the whole message at once: `Subject: hi\r\n\r\nHello.\r\n.\r\n`.
        let block = text.contains('\n');
        let trimmed = text.trim_end_matches(['\r', '\n']);
        let end = if block {
            text.ends_with("\r\n.\r\n") || text.ends_with("\n.\n") || trimmed == "."
        } else {
            trimmed == "."
        };
        let mut line = self.line(number, raw, format, Direction::Client, Kind::Data { end });
        let separator = !block && !end && trimmed.is_empty() && !separator_seen;
        if separator {
            if let Some(data) = self.session(session).data.as_mut() {
                data.separator_seen = true;
            }
        }
        line.explanation = Self::explain(|| {
            if block {
                Some(texts::data_block(end))
            } else if end {
                Some(texts::data_end())
            } else if separator {
                Some(texts::data_separator())
            } else if trimmed.starts_with("..") {
                Some(texts::dot_stuffed())
            } else if index == 1 {
                Some(texts::data_start())
            } else {
                None
            }
        })
        .flatten();
        self.add(line);
        if end {
            let s = self.session(session);
            s.data = None;
            self.events.push(Event::DataEnd {
                session,
                line: number,
            });
            self.enqueue(session, Request::DataEnd { line: number });
        }
    }

    fn server(
        &mut self,
        number: usize,
        raw: &str,
        format: Option<Format>,
        session: u32,
        text: &str,
        prefixed: bool,
    ) {
        let text = text.trim_end_matches(['\r', '\n']);
        {
            let s = self.session(session);
            s.bdat = false;
            s.data_pending = false;
        }
        if let Some(data) = self.session(session).data.take() {
            // The message was sent but not shown (swaks --suppress-data); its reply is here.
            if prefixed {
                let line = data.last_line;
                self.events.push(Event::DataEnd { session, line });
                self.enqueue(session, Request::DataEnd { line });
            }
        }
        if !formats::reply_shaped(text) {
            let mut line = self.line(number, raw, format, Direction::Server, Kind::Unknown);
            line.explanation = Self::explain(|| {
                Text::from(crate::i18n::Tr::new(
                "Sent by the server, but not a reply line: replies begin with a three-digit code.",
                "由服务器发出，但不是回复行：回复以三位数字代码开头。",
            ))
            });
            self.add(line);
            return;
        }
        let code: u16 = text.get(..3).and_then(|c| c.parse().ok()).unwrap_or(0);
        let continued = text.get(3..4) == Some("-");
        let rest = text.get(4..).unwrap_or("");
        let first_token = rest.split_whitespace().next().unwrap_or("");
        let enhanced = serverlog::enhanced_shaped(first_token).then(|| first_token.to_string());
        let body = if enhanced.is_some() {
            rest.trim_start()
                .get(first_token.len()..)
                .unwrap_or("")
                .trim_start()
        } else {
            rest
        };

        // A 220 that answers no STARTTLS is a greeting: a new session begins.
        if code == 220
            && !self
                .session(session)
                .queue
                .front()
                .is_some_and(|r| r.is_verb("STARTTLS"))
        {
            self.close_group(session);
            let s = self.session(session);
            s.queue.clear();
            s.auth = None;
        }

        // Join or open a multi-line group.
        let open_other = self
            .session(session)
            .group
            .as_ref()
            .is_some_and(|g| g.code != code);
        if open_other {
            self.close_group(session);
        }
        let index = self.lines.len();
        let (group_first, in_group, ehlo) = {
            let s = self.session(session);
            let ehlo_front = s
                .queue
                .front()
                .is_some_and(|r| r.is_verb("EHLO") || r.is_verb("HELO"))
                || (code == 250 && continued && texts::is_ehlo_keyword(body));
            match s.group.as_mut() {
                Some(g) => {
                    g.indices.push(index);
                    if g.texts.len() < MAX_REPLY_LINES {
                        g.texts.push(body.to_string());
                    }
                    (g.indices.first().copied(), true, g.ehlo)
                }
                None if continued => {
                    s.group = Some(Group {
                        code,
                        enhanced: enhanced.clone(),
                        indices: vec![index],
                        texts: vec![body.to_string()],
                        ehlo: ehlo_front,
                    });
                    (Some(index), false, ehlo_front)
                }
                None => (None, false, ehlo_front),
            }
        };
        let first_number = group_first
            .and_then(|i| self.lines.get(i).map(|l| l.number))
            .unwrap_or(number);

        let mut line = self.line(
            number,
            raw,
            format,
            Direction::Server,
            Kind::Reply {
                code,
                enhanced: enhanced.clone(),
                last: !continued,
            },
        );
        let mut explanation = Self::explain(|| {
            if in_group {
                if ehlo {
                    texts::ehlo_keyword(body)
                } else {
                    texts::continuation(first_number, !continued)
                }
            } else {
                let mut e = texts::reply(text, code);
                if ehlo && continued && code == 250 {
                    e = e.join(&if texts::is_ehlo_keyword(body) {
                        texts::ehlo_keyword(body)
                    } else {
                        texts::ehlo_first()
                    });
                }
                e
            }
        });
        if code == 334 {
            let decoded = sasl::decode(Field::Challenge, body);
            let prompt = sasl::prompt(&decoded);
            let empty = matches!(decoded.value, Value::Empty);
            let mechanism = self
                .session(session)
                .auth
                .as_ref()
                .map(|a| a.mechanism.clone())
                .unwrap_or_else(|| String::from("SASL"));
            explanation = explanation.map(|e| e.join(&texts::challenge(prompt, empty, &mechanism)));
            self.expect_answer(session, prompt, empty);
            line.decoded = Some(decoded);
        }
        line.explanation = explanation;
        self.add(line);

        if continued {
            return;
        }
        // The reply is complete.
        let (lines_text, enhanced, indices) = match self.session(session).group.take() {
            Some(g) => (g.texts, g.enhanced.or(enhanced), g.indices),
            None => (vec![body.to_string()], enhanced, vec![index]),
        };
        self.finish_reply(session, code, enhanced, lines_text, &indices);
    }

    /// A 334 arrived: the next client line answers it; what it carries depends on the
    /// challenge and the mechanism.
    fn expect_answer(&mut self, session: u32, prompt: Prompt, empty: bool) {
        let s = self.session(session);
        let auth = s.auth.get_or_insert(AuthState {
            mechanism: String::from("?"),
            expect: Field::Response,
            awaiting: false,
        });
        auth.awaiting = true;
        auth.expect = match prompt {
            Prompt::User => Field::UserName,
            Prompt::Password => Field::Password,
            Prompt::Other => match auth.mechanism.as_str() {
                "PLAIN" => Field::Plain,
                "LOGIN" if empty => Field::UserName,
                "LOGIN" => auth.expect,
                "XOAUTH2" | "OAUTHBEARER" => Field::Response,
                _ => Field::Response,
            },
        };
    }

    /// Closes an open group that never got its last line.
    fn close_group(&mut self, session: u32) {
        if let Some(g) = self.session(session).group.take() {
            self.finish_reply(session, g.code, g.enhanced, g.texts, &g.indices);
        }
    }

    fn finish_reply(
        &mut self,
        session: u32,
        code: u16,
        enhanced: Option<String>,
        lines_text: Vec<String>,
        indices: &[usize],
    ) {
        let first_index = indices.first().copied().unwrap_or(0);
        let last_index = indices.last().copied().unwrap_or(first_index);
        let first = self.lines.get(first_index).map_or(0, |l| l.number);
        let last = self.lines.get(last_index).map_or(first, |l| l.number);
        if indices.len() > 1 {
            for i in indices {
                if let Some(line) = self.lines.get_mut(*i) {
                    line.group = Some(first);
                }
            }
            self.session(session).last_group = Some(first);
        } else {
            self.session(session).last_group = None;
        }
        let s = self.session(session);
        let to = if code == 220 && !s.queue.front().is_some_and(|r| r.is_verb("STARTTLS")) {
            None
        } else {
            s.queue.pop_front()
        };
        let answers_auth = matches!(&to, Some(Request::Sasl { .. }))
            || to.as_ref().is_some_and(|r| r.is_verb("AUTH"));
        if code != 334 && (answers_auth || s.auth.as_ref().is_some_and(|a| !a.awaiting)) {
            s.auth = None;
        }
        match code {
            354 => {
                s.data = Some(DataState {
                    lines: 0,
                    separator_seen: false,
                    last_line: last,
                });
            }
            221 => {
                s.queue.clear();
                s.auth = None;
            }
            _ => {}
        }
        if code == 220 && to.is_none() {
            self.events.push(Event::Connect {
                session,
                line: first,
            });
        }
        let text = lines_text.join(" ");
        self.events.push(Event::Reply {
            session,
            first,
            last,
            code,
            enhanced,
            text,
            lines: lines_text,
            to,
        });
    }

    fn log(&mut self, number: usize, raw: &str, log: LogLine) {
        let reply_line = log.code.map(|code| match &log.enhanced {
            Some(e) => format!("{code} {e} {}", log.text),
            None => format!("{code} {}", log.text),
        });
        let mut line = self.line(
            number,
            raw,
            Some(log.format),
            Direction::Note,
            Kind::Log {
                program: log.program.clone(),
                code: log.code,
                enhanced: log.enhanced.clone(),
            },
        );
        line.explanation = Self::explain(|| texts::log(&log, reply_line.as_deref()));
        self.add(line);
        self.open_log = Some(OpenLog {
            line: self.lines.len() - 1,
            event: self.events.len(),
            joined: 0,
            indented_only: !log.open,
        });
        self.events.push(Event::Log { line: number, log });
    }
}

/// Whether an AUTH answer is Exim's `-v` mask: it prints what it sent in an AUTH exchange
/// as asterisks, never the base64 itself.
fn hidden_by_exim(format: Option<Format>, payload: &str) -> bool {
    format == Some(Format::EximVerbose) && !payload.is_empty() && payload.bytes().all(|b| b == b'*')
}

const EXIM_HIDES: crate::i18n::Tr = crate::i18n::Tr::new(
    "Exim's -v output shows what it sent here as asterisks: the answer itself (base64 of the user name or password) is hidden, so the log does not expose it.",
    "Exim 的 -v 输出把它在这里发送的内容显示为星号：应答本身（用户名或密码的 base64）被隐藏了，所以日志没有暴露它。",
);

/// The warning a decoded field deserves.
fn warning_for(decoded: &Decoded) -> Option<Text> {
    if decoded.exposes_secret() {
        Some(texts::exposed_secret(decoded.field == Field::Token))
    } else if decoded.field == Field::UserName && matches!(decoded.value, Value::Text(_)) {
        Some(texts::exposed_user())
    } else {
        None
    }
}

fn verb_of(command: &Command) -> &'static str {
    match command {
        Command::Helo(_) => "HELO",
        Command::Ehlo(_) => "EHLO",
        Command::Mail(_) => "MAIL",
        Command::Rcpt(_) => "RCPT",
        Command::Data => "DATA",
        Command::Bdat { .. } => "BDAT",
        Command::Rset => "RSET",
        Command::Noop => "NOOP",
        Command::Quit => "QUIT",
        Command::Help(_) => "HELP",
        Command::Vrfy(_) => "VRFY",
        Command::Expn(_) => "EXPN",
        Command::Auth { .. } => "AUTH",
        Command::StartTls => "STARTTLS",
        Command::Etrn(_) => "ETRN",
        Command::Verb => "VERB",
    }
}

/// `user@example.org` or `<user@example.org>` alone: one `@`, a dotted domain, no spaces.
fn bare_address(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(t);
    let Some((local, domain)) = t.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && t.len() <= 254
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !t.contains([' ', '\t', '<', '>', ',', ';', '(', ')', '"'])
        && !domain.contains('@')
}

fn first_word(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// A client line without what is not sent: a trailing CRLF (smtplib), a literal `\r\n`
/// (seed 004 copies it from C strings), a comment after ` //` (seed 004) or an annotation
/// in parentheses after three spaces (docs/transcripts/real-servers.md). Returns the payload
/// and the annotation.
pub(super) fn clean(text: &str) -> (&str, Option<&str>) {
    let mut payload = text.trim_end_matches(['\r', '\n']);
    // smtplib may write more than one line at once; the first is the command.
    if let Some((first, _)) = payload.split_once("\r\n") {
        payload = first;
    }
    payload = payload.trim_end();
    if let Some(stripped) = payload.strip_suffix("\\r\\n") {
        payload = stripped.trim_end();
    }
    let mut note = None;
    if let Some(at) = find_comment(payload) {
        note = payload.get(at..).map(str::trim);
        payload = payload.get(..at).unwrap_or(payload).trim_end();
        if let Some(stripped) = payload.strip_suffix("\\r\\n") {
            payload = stripped.trim_end();
        }
    }
    (payload, note)
}

/// Where an annotation starts: white space then `//`, or three spaces then `(…)` to the end.
fn find_comment(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for (i, _) in text.char_indices() {
        let rest = bytes.get(i..).unwrap_or(&[]);
        let space_before = text
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_whitespace);
        if space_before && rest.starts_with(b"//") {
            return Some(i);
        }
        if rest.starts_with(b"   (") && text.ends_with(')') {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_client_lines() {
        assert_eq!(clean("auth login\\r\\n"), ("auth login", None));
        assert_eq!(
            clean("Y2FydmVu        //编码过的用户名"),
            ("Y2FydmVu", Some("//编码过的用户名"))
        );
        assert_eq!(
            clean("AUTH PLAIN AGFsaWNlAHNlY3JldA==   (base64 of \"\\0alice\\0secret\")"),
            (
                "AUTH PLAIN AGFsaWNlAHNlY3JldA==",
                Some("(base64 of \"\\0alice\\0secret\")")
            )
        );
        assert_eq!(clean("EHLO x\r\n"), ("EHLO x", None));
        assert_eq!(clean("NOOP http://x"), ("NOOP http://x", None));
    }
}
