//! From events to a diagnosis: the findings (what went wrong, on which lines, and the fix),
//! the server software, and the sequence of the transaction.
//!
//! The rules follow what real servers say (docs/transcripts/real-servers.md and the seed
//! documents): 553 after AUTH with a different MAIL FROM (163.com, seed 000), 535 from a
//! wrong password or a stopped saslauthd (Sendmail, seed 004), 530/538 for STARTTLS or AUTH
//! first, relaying refused, temporary 4xx and greylisting, unknown commands and their
//! nearest verb, 503 and what was missing, 501, 552, unknown users — and the success of a
//! 250 after the message's final dot.

use std::collections::BTreeMap;

use super::rules::{self, Rule};
use super::serverlog::{LogEvent, LogLine};
use super::session::{Event, Request};
use super::{
    Decoded, Finding, FindingKind, Format, Kind, Line, ServerInfo, Severity, Software, Step, Text,
};
use crate::i18n::Tr;
use crate::smtp::codes::ReplyCode;
use crate::smtp::command::{self, Command, ParseError};
use crate::smtp::reference;

/// At most this many findings; at most this many lines per finding; at most this many steps.
const MAX_FINDINGS: usize = 200;
const MAX_FINDING_LINES: usize = 50;
const MAX_STEPS: usize = 1000;
/// Quoted reply texts are cut to this many characters.
const MAX_QUOTE: usize = 200;

/// Where the input was cut.
pub(super) struct Truncation {
    pub lines_read: usize,
    pub bytes_read: usize,
}

pub(super) struct Diagnosis {
    pub findings: Vec<Finding>,
    pub servers: Vec<ServerInfo>,
    pub sequence: Vec<Step>,
}

/// What the diagnosis knows about one session.
#[derive(Default)]
struct State {
    helo: bool,
    /// The mechanisms after `AUTH` in the EHLO reply.
    auth_offered: Option<String>,
    starttls_offered: bool,
    size_limit: Option<u64>,
    /// The user named in the current AUTH exchange and the line that names it.
    pending_user: Option<(String, usize)>,
    /// The lines of the current AUTH exchange.
    auth_lines: Vec<usize>,
    invalid_base64: bool,
    authenticated: Option<(String, usize)>,
    /// The line of a 235: the login succeeded, whoever the log shows as the user.
    auth_ok: Option<usize>,
    /// The MAIL FROM of the open transaction.
    mail: Option<(String, usize)>,
    mail_accepted: bool,
    rcpts: Vec<(String, usize)>,
    /// The sequence step of the current AUTH exchange.
    auth_step: Option<usize>,
}

/// A failure to classify: a reply (or a log line reporting one) and what it answered.
struct Failure<'a> {
    code: Option<u16>,
    enhanced: Option<&'a str>,
    text: &'a str,
    verb: Option<&'a str>,
    command: Option<&'a Command>,
    /// The lines it rests on (the command, the reply).
    lines: Vec<usize>,
    /// The address the command or log names.
    address: Option<String>,
    /// Whether it answers an AUTH exchange.
    auth: bool,
    /// Whether it is the greeting.
    greeting: bool,
    /// A user name the log line names.
    log_user: Option<&'a str>,
    /// Whether `code` was inferred (a log line without one): not quoted.
    inferred: bool,
    /// Whether the user's own server wrote it (a Postfix smtpd reject in its log).
    own_server: bool,
}

struct Findings {
    list: Vec<Finding>,
}

impl Findings {
    /// Adds a finding, or merges its lines into an equal one; returns its index.
    fn add(&mut self, finding: Finding) -> Option<usize> {
        if let Some(index) = self
            .list
            .iter()
            .position(|f| f.kind == finding.kind && f.what == finding.what)
        {
            self.attach(index, &finding.lines);
            return Some(index);
        }
        if self.list.len() >= MAX_FINDINGS {
            return None;
        }
        let mut finding = finding;
        finding.lines.sort_unstable();
        finding.lines.dedup();
        finding.lines.truncate(MAX_FINDING_LINES);
        self.list.push(finding);
        Some(self.list.len() - 1)
    }

    fn attach(&mut self, index: usize, lines: &[usize]) {
        if let Some(f) = self.list.get_mut(index) {
            for line in lines {
                if !f.lines.contains(line) && f.lines.len() < MAX_FINDING_LINES {
                    f.lines.push(*line);
                }
            }
            f.lines.sort_unstable();
        }
    }

    fn index_of(&self, kind: FindingKind) -> Option<usize> {
        self.list.iter().position(|f| f.kind == kind)
    }
}

fn finding(
    kind: FindingKind,
    severity: Severity,
    lines: Vec<usize>,
    title: Tr,
    what: Text,
    fix: Text,
) -> Finding {
    Finding {
        kind,
        severity,
        lines,
        title: title.into(),
        what,
        fix,
        code: None,
        cause: default_cause(kind).0,
        fix_id: default_cause(kind).1,
        source: None,
    }
}

/// The cause and fix ids of a finding the general rules make (the specific causes are in
/// `rules/`).
fn default_cause(kind: FindingKind) -> (&'static str, &'static str) {
    match kind {
        FindingKind::SenderMismatch => ("sender-mismatch", "sender-equals-login"),
        FindingKind::SenderRejected => ("sender-rejected", "use-accepted-sender"),
        FindingKind::AuthFailed => ("wrong-credentials", "check-credentials"),
        FindingKind::SaslauthdDown => ("sasl-backend-down", "start-sasl-backend"),
        FindingKind::MechanismUnsupported => ("mechanism-rejected", "use-offered-mechanism"),
        FindingKind::AuthRequired => ("auth-required", "authenticate-first"),
        FindingKind::RelayDenied => ("relay-denied", "authenticate-or-use-mx"),
        FindingKind::Temporary => ("temporary", "retry-later"),
        FindingKind::Greylisted => ("greylisted", "retry-later"),
        FindingKind::UnknownCommand => ("unknown-command", "check-command"),
        FindingKind::BadSequence => ("bad-sequence", "follow-session-order"),
        FindingKind::BadSyntax => ("bad-syntax", "write-rfc-syntax"),
        FindingKind::TooBig => ("too-big", "send-smaller"),
        FindingKind::UnknownUser => ("unknown-user", "check-address"),
        FindingKind::ConnectionRefused => ("connection-refused", "use-submission-server"),
        FindingKind::OtherFailure => ("other-failure", "read-reply"),
        FindingKind::Delivered => ("delivered", "none"),
        FindingKind::CredentialsExposed => ("credentials-exposed", "change-password"),
        FindingKind::Truncated => ("truncated", "paste-less"),
        FindingKind::AuthNotOffered => ("auth-not-advertised", "starttls-or-enable-auth"),
        FindingKind::RateLimited => ("rate-limited", "slow-down-retry"),
        FindingKind::ConnectionFailed => ("network-unreachable", "check-network-route"),
        FindingKind::OpenResolver => ("open-resolver", "use-own-resolver"),
        FindingKind::Unread => ("unread", "paste-readable-log"),
        FindingKind::Blocklisted => ("sender-ip-blocklisted", "request-delisting"),
    }
}

/// The order of the findings: the cause behind the failures first (a SASL backend that is
/// down explains every 535), then the failures from the one that ended the transaction or the
/// session backwards (the last refusal decided the outcome: a stray 502 before the 503 that
/// stopped the send comes after it), then the success, then the side notes.
fn rank(f: &Finding) -> (u8, usize) {
    let first = f.lines.first().copied().unwrap_or(usize::MAX);
    let last = f.lines.last().copied().unwrap_or(0);
    if f.cause == "sasl-backend-down" {
        (0, first)
    } else if f.decides() && f.severity != Severity::Success {
        (1, usize::MAX - last)
    } else if f.severity == Severity::Success {
        (2, first)
    } else if f.severity == Severity::Info {
        (4, first)
    } else {
        (3, first)
    }
}

/// When nothing read shows a failure: the lines that could not be read, and the 4xx/5xx reply
/// code among them, if any — never "no problems" over lines the analyzer could not place.
fn unread(lines: &[Line], succeeded: bool) -> Option<Finding> {
    let numbers: Vec<usize> = lines
        .iter()
        .filter(|l| l.kind == Kind::Unknown)
        .map(|l| l.number)
        .collect();
    if numbers.is_empty() {
        return None;
    }
    let code = lines
        .iter()
        .filter(|l| l.kind == Kind::Unknown)
        .find_map(|l| failure_code_in(&l.raw).map(|c| (l.number, c)));
    if code.is_none() && succeeded {
        return None;
    }
    let mut ranges: Vec<String> = Vec::new();
    let mut start = numbers.first().copied().unwrap_or(0);
    let mut prev = start;
    for &n in numbers.iter().skip(1).chain(std::iter::once(&usize::MAX)) {
        if n != prev + 1 {
            ranges.push(if start == prev {
                start.to_string()
            } else {
                format!("{start}–{prev}")
            });
            start = n;
        }
        prev = n;
        if ranges.len() >= 20 {
            break;
        }
    }
    let list = ranges.join(", ");
    let plural = numbers.len() > 1;
    let (what, severity, code) = match code {
        Some((at, c)) => (
            Text::new(
                format!(
                    "Line{} {list} could not be read; the reply on line {at} is a {}xx ({c}), so the log shows a failure the analyzer cannot place.",
                    if plural { "s" } else { "" },
                    c / 100
                ),
                format!("第 {list} 行无法识别；第 {at} 行的回复是 {}xx（{c}），所以这份日志里有一个分析器无法定位的失败。", c / 100),
            ),
            Severity::Error,
            Some(c),
        ),
        None => (
            Text::new(
                format!(
                    "Line{} {list} could not be read, and nothing the analyzer did read shows how the session ended: it cannot tell whether the mail went out.",
                    if plural { "s" } else { "" }
                ),
                format!("第 {list} 行无法识别，而已识别的内容看不出会话如何结束：无法判断邮件是否发出。"),
            ),
            Severity::Warning,
            None,
        ),
    };
    let mut f = finding(
        FindingKind::Unread,
        severity,
        numbers.into_iter().take(MAX_FINDING_LINES).collect(),
        Tr::new("Lines not read", "有无法识别的行"),
        what,
        Text::from(Tr::new(
            "Read the reply in those lines yourself (its code and text say why), or paste the program's SMTP debug output (a session with the replies) so the analyzer can read it.",
            "请自己查看这些行中的回复（代码和文字说明了原因），或者粘贴程序的 SMTP 调试输出（带有回复的会话），以便分析器读取。",
        )),
    );
    f.code = code;
    Some(f)
}

/// A 4xx/5xx reply code as a word of its own in a line (`… 550 …`, `(535,`).
fn failure_code_in(raw: &str) -> Option<u16> {
    raw.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 3)
        .filter_map(|w| w.parse::<u16>().ok())
        .find(|c| (400..600).contains(c) && (c / 10) % 10 <= 5)
}

/// A finding of one of the rules in `rules/`: the quoted reply, what it means, the fix.
fn rule_finding(rule: &Rule, quote: &str, extra: Option<Text>, lines: Vec<usize>) -> Finding {
    let mut what = Text::new(
        format!("\"{quote}\" — {}", rule.meaning.en),
        format!("\"{quote}\"——{}", rule.meaning.zh),
    );
    if let Some(extra) = extra {
        what = what.join(&extra);
    }
    Finding {
        kind: rule.kind,
        severity: rule.severity,
        lines,
        title: rule.title.into(),
        what,
        fix: rule.fix.into(),
        code: None,
        cause: rule.cause,
        fix_id: rule.fix_id,
        source: Some(rule.source),
    }
}

pub(super) fn diagnose(
    events: &[Event],
    formats: &[Format],
    truncation: Option<Truncation>,
    lines: &[Line],
) -> Diagnosis {
    let mut d = Diagnoser {
        states: BTreeMap::new(),
        findings: Findings { list: Vec::new() },
        servers: Vec::new(),
        sequence: Vec::new(),
        step_of_line: BTreeMap::new(),
        unknown_commands: BTreeMap::new(),
        code_findings: Vec::new(),
        exposed: Vec::new(),
        exposed_users: Vec::new(),
        formats,
    };
    for event in events {
        d.event(event);
    }
    for event in events {
        if let Event::Log { line, log } = event {
            d.log(*line, log);
        }
    }
    d.credentials();
    d.saslauthd_cause();
    if let Some(t) = truncation {
        d.findings.add(finding(
            FindingKind::Truncated,
            Severity::Info,
            Vec::new(),
            Tr::new("Log cut", "日志被截断"),
            Text::new(
                format!(
                    "The log is longer than the analyzer reads: it stopped after {} lines ({} bytes). The limits are {} lines and {} bytes.",
                    t.lines_read, t.bytes_read, super::MAX_LINES, super::MAX_INPUT_BYTES
                ),
                format!(
                    "日志超出了分析器读取的上限：只读了前 {} 行（{} 字节）。上限是 {} 行和 {} 字节。",
                    t.lines_read, t.bytes_read, super::MAX_LINES, super::MAX_INPUT_BYTES
                ),
            ),
            Text::from(Tr::new(
                "Paste the part around the failure: the session that shows the error.",
                "请只粘贴出错前后的部分：出现错误的那一次会话。",
            )),
        ));
    }
    let mut findings = d.findings.list;
    findings.sort_by_key(rank);
    let failing = findings
        .iter()
        .any(|f| f.decides() && f.severity != Severity::Success);
    let succeeded = findings.iter().any(|f| f.severity == Severity::Success);
    if !failing {
        if let Some(unread) = unread(lines, succeeded) {
            findings.insert(0, unread);
        }
    } else if let Some(mut unread) = unread(lines, true) {
        // The outcome is placed, but unread lines still hold a reply: listed, as a note.
        unread.severity = Severity::Info;
        findings.push(unread);
    }
    Diagnosis {
        findings,
        servers: d.servers,
        sequence: d.sequence,
    }
}

struct Diagnoser<'a> {
    states: BTreeMap<u32, State>,
    findings: Findings,
    servers: Vec<ServerInfo>,
    sequence: Vec<Step>,
    /// Command (or SASL answer) line → its step.
    step_of_line: BTreeMap<usize, usize>,
    /// Unknown command line → its finding and the suggestion.
    unknown_commands: BTreeMap<usize, (usize, Option<&'static str>)>,
    /// Reply code → the finding a reply with it produced.
    code_findings: Vec<(u16, usize)>,
    /// Lines that expose a password or token.
    exposed: Vec<usize>,
    /// User names exposed with them, and their lines.
    exposed_users: Vec<(String, usize)>,
    formats: &'a [Format],
}

impl Diagnoser<'_> {
    fn state(&mut self, session: u32) -> &mut State {
        if !self.states.contains_key(&session) && self.states.len() >= 64 {
            let oldest = self.states.keys().next().copied();
            if let Some(oldest) = oldest {
                self.states.remove(&oldest);
            }
        }
        self.states.entry(session).or_default()
    }

    fn step(&mut self, session: u32, label: String, line: Option<usize>) -> Option<usize> {
        if self.sequence.len() >= MAX_STEPS {
            return None;
        }
        self.sequence.push(Step {
            session,
            label,
            command_line: line,
            reply_line: None,
            code: None,
        });
        let index = self.sequence.len() - 1;
        if let Some(line) = line {
            self.step_of_line.insert(line, index);
        }
        Some(index)
    }

    fn server(&mut self, software: Software, version: Option<String>, line: usize) {
        if !self.servers.iter().any(|s| s.software == software) {
            self.servers.push(ServerInfo {
                software,
                version,
                line,
            });
        }
    }

    fn event(&mut self, event: &Event) {
        match event {
            Event::Connect { session, .. } => {
                *self.state(*session) = State::default();
            }
            Event::Command {
                session,
                line,
                verb,
                text,
                parsed,
                decoded,
            } => self.command(*session, *line, verb, text, parsed, decoded.as_ref()),
            Event::Sasl {
                session,
                line,
                decoded,
            } => {
                let step = self.state(*session).auth_step;
                if let Some(step) = step {
                    self.step_of_line.insert(*line, step);
                }
                if let Some(decoded) = decoded {
                    self.decoded(*session, *line, decoded);
                }
            }
            Event::DataEnd { session, line } => {
                self.step(*session, ".".to_string(), Some(*line));
            }
            Event::Reply {
                session,
                first,
                last,
                code,
                enhanced,
                text,
                lines,
                to,
            } => self.reply(
                *session,
                *first,
                *last,
                *code,
                enhanced.as_deref(),
                text,
                lines,
                to.as_ref(),
            ),
            Event::Log { .. } => {}
        }
    }

    fn command(
        &mut self,
        session: u32,
        line: usize,
        verb: &str,
        text: &str,
        parsed: &Result<Command, ParseError>,
        decoded: Option<&Decoded>,
    ) {
        let label = match parsed {
            Ok(Command::Mail(p)) => format!("MAIL FROM:<{}>", short(&p.address, 80)),
            Ok(Command::Rcpt(p)) => format!("RCPT TO:<{}>", short(&p.address, 80)),
            Ok(Command::Auth { mechanism, .. }) => format!("AUTH {}", short(mechanism, 20)),
            _ => short(verb, 20),
        };
        let step = self.step(session, label, Some(line));
        match parsed {
            Ok(Command::Auth { .. }) => {
                let s = self.state(session);
                s.auth_step = step;
                s.auth_lines = vec![line];
                s.pending_user = None;
                s.invalid_base64 = false;
            }
            Ok(Command::Mail(p)) => {
                let s = self.state(session);
                s.mail = Some((p.address.clone(), line));
                s.mail_accepted = false;
                s.rcpts.clear();
            }
            Ok(Command::Rset) => {
                let s = self.state(session);
                s.mail = None;
                s.mail_accepted = false;
                s.rcpts.clear();
            }
            Err(ParseError::Unknown { verb, suggestion }) => {
                let typed = verb.clone();
                let fix = match suggestion {
                    Some(s) => {
                        let payload = corrected_line(text, s);
                        Text::new(
                            format!("Use {s}: {payload}"),
                            format!("改为 {s}：{payload}"),
                        )
                    }
                    None => Text::new(
                        format!(
                            "Check the spelling. SMTP's commands are: {}.",
                            command::VERBS.join(" ")
                        ),
                        format!("请检查拼写。SMTP 的命令有：{}。", command::VERBS.join(" ")),
                    ),
                };
                let what = match suggestion {
                    Some(s) => Text::new(
                        format!("Line {line}: {typed} is not an SMTP command — a typo for {s}."),
                        format!("第 {line} 行：{typed} 不是 SMTP 命令——应为 {s}，拼写错了。"),
                    ),
                    None => Text::new(
                        format!("Line {line}: {typed} is not an SMTP command."),
                        format!("第 {line} 行：{typed} 不是 SMTP 命令。"),
                    ),
                };
                if let Some(index) = self.findings.add(finding(
                    FindingKind::UnknownCommand,
                    Severity::Error,
                    vec![line],
                    Tr::new("Unknown command", "未知命令"),
                    what,
                    fix,
                )) {
                    self.unknown_commands.insert(line, (index, *suggestion));
                }
            }
            _ => {}
        }
        if let Some(decoded) = decoded {
            self.decoded(session, line, decoded);
        }
    }

    fn decoded(&mut self, session: u32, line: usize, decoded: &Decoded) {
        if decoded.exposes_secret() {
            self.exposed.push(line);
        }
        let s = self.state(session);
        s.auth_lines.push(line);
        if matches!(decoded.value, super::Value::Invalid) {
            s.invalid_base64 = true;
        }
        if let Some(user) = decoded.user() {
            if decoded.field != super::Field::Response || s.pending_user.is_none() {
                s.pending_user = Some((user.to_string(), line));
            }
            if matches!(decoded.field, super::Field::UserName | super::Field::Plain) {
                self.exposed_users.push((user.to_string(), line));
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn reply(
        &mut self,
        session: u32,
        first: usize,
        last: usize,
        code: u16,
        enhanced: Option<&str>,
        text: &str,
        reply_lines: &[String],
        to: Option<&Request>,
    ) {
        let Some(request) = to else {
            if code == 220 {
                *self.state(session) = State::default();
                if let Some(step) = self.step(session, super::CONNECT_LABEL.to_string(), None) {
                    if let Some(s) = self.sequence.get_mut(step) {
                        s.code = Some(code);
                        s.reply_line = Some(last);
                    }
                }
                self.greeting(text, first);
                return;
            }
            // "250 Ok: queued as …" alone: the end of a transaction the paste does not show.
            if code == 250 && queued(text) {
                self.delivered(session, first, last, text);
                return;
            }
            // A reply nothing in the log asked for: a greeting refusal, or a log that
            // starts in the middle.
            if code >= 400 {
                let greeting = matches!(code, 554 | 521);
                self.failure(
                    session,
                    Failure {
                        code: Some(code),
                        enhanced,
                        text,
                        verb: None,
                        command: None,
                        lines: vec![first, last],
                        address: None,
                        auth: false,
                        greeting,
                        log_user: None,
                        inferred: false,
                        own_server: false,
                    },
                );
            }
            return;
        };

        // The step this reply answers.
        let step = self.step_of_line.get(&request.line()).copied();
        if let Some(s) = step.and_then(|i| self.sequence.get_mut(i)) {
            s.code = Some(code);
            s.reply_line = Some(last);
        }

        let (verb, command) = match request {
            Request::Command { verb, parsed, .. } => (Some(verb.as_str()), parsed.as_ref().ok()),
            Request::Sasl { .. } => (Some("AUTH"), None),
            Request::DataEnd { .. } => (Some("."), None),
        };
        let auth = matches!(request, Request::Sasl { .. }) || verb == Some("AUTH");

        // A reply to a mistyped command joins that command's finding.
        if let Some((index, suggestion)) = self.unknown_commands.get(&request.line()).copied() {
            self.findings.attach(index, &[first, last]);
            if !matches!(code, 500 | 502) {
                if let Some(f) = self.findings.list.get_mut(index) {
                    let right = suggestion.unwrap_or("500");
                    let note = Text::new(
                        format!("Yet the log shows {code} for it, where a real server answers 500 (command not recognized): the log was probably edited, and the command was really {right}."),
                        format!("但日志中它得到的回复是 {code}，而真实的服务器会回复 500（无法识别的命令）：这份日志很可能被改动过，实际发送的命令应是 {right}。"),
                    );
                    f.what = f.what.clone().join(&note);
                }
            }
            return;
        }

        match code {
            250 if verb == Some("EHLO") || verb == Some("HELO") => {
                let s = self.state(session);
                s.helo = true;
                for line in reply_lines {
                    let upper = line.to_ascii_uppercase();
                    if let Some(mechs) = upper
                        .strip_prefix("AUTH ")
                        .or_else(|| upper.strip_prefix("AUTH="))
                    {
                        if s.auth_offered.is_none() {
                            s.auth_offered = Some(short(mechs.trim(), 100));
                        }
                    } else if upper == "STARTTLS" {
                        s.starttls_offered = true;
                    } else if let Some(size) = upper.strip_prefix("SIZE ") {
                        s.size_limit = size.trim().parse().ok();
                    }
                }
                if reply_lines
                    .iter()
                    .any(|l| l.to_ascii_lowercase().starts_with("coremail"))
                {
                    self.server(Software::Coremail, None, first);
                }
                return;
            }
            235 => {
                let s = self.state(session);
                s.authenticated = s.pending_user.clone();
                s.auth_ok = Some(last);
                s.auth_step = None;
                return;
            }
            334 => return,
            250 | 251 if verb == Some("MAIL") => {
                self.state(session).mail_accepted = true;
                return;
            }
            250..=252 if verb == Some("RCPT") => {
                if let Some(Command::Rcpt(p)) = command {
                    self.state(session)
                        .rcpts
                        .push((p.address.clone(), request.line()));
                }
                return;
            }
            250 if verb == Some(".")
                || matches!(command, Some(Command::Bdat { last: true, .. })) =>
            {
                self.delivered(session, request.line(), last, text);
                return;
            }
            _ if code < 400 => return,
            _ => {}
        }

        let address = match command {
            Some(Command::Mail(p) | Command::Rcpt(p)) => Some(p.address.clone()),
            Some(Command::Vrfy(a)) => Some(a.clone()),
            _ => None,
        };
        let mut lines = vec![request.line(), first, last];
        if auth {
            lines.extend(self.state(session).auth_lines.iter().copied());
        }
        let before = self.findings.list.len();
        let index = self.failure(
            session,
            Failure {
                code: Some(code),
                enhanced,
                text,
                verb,
                command,
                lines,
                address,
                auth,
                greeting: false,
                log_user: None,
                inferred: false,
                own_server: false,
            },
        );
        if let Some(index) = index {
            if self.findings.list.len() > before
                || !self.code_findings.iter().any(|(c, _)| *c == code)
            {
                self.code_findings.push((code, index));
            }
        }
        if auth {
            let s = self.state(session);
            s.auth_step = None;
        }
    }

    fn greeting(&mut self, text: &str, line: usize) {
        let lower = text.to_ascii_lowercase();
        let version_after = |word: &str| -> Option<String> {
            let at = text.find(word)?;
            let rest = text.get(at + word.len()..)?;
            let v: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            (!v.is_empty() && v.starts_with(|c: char| c.is_ascii_digit())).then_some(v)
        };
        if lower.contains("postfix") {
            self.server(Software::Postfix, None, line);
        } else if lower.contains("sendmail") {
            self.server(Software::Sendmail, version_after("Sendmail "), line);
        } else if lower.contains("exim") {
            self.server(Software::Exim, version_after("Exim "), line);
        } else if lower.contains("coremail") {
            self.server(Software::Coremail, None, line);
        } else if lower.contains("microsoft esmtp") || lower.contains("exchange") {
            self.server(Software::Exchange, None, line);
        } else if lower.contains("gsmtp") || lower.contains("mx.google.com") {
            self.server(Software::Gmail, None, line);
        }
    }

    fn delivered(&mut self, session: u32, end_line: usize, reply_line: usize, text: &str) {
        let s = self.state(session);
        let mut lines = vec![end_line, reply_line];
        let sender = s.mail.as_ref().map(|(a, l)| {
            lines.push(*l);
            a.clone()
        });
        let rcpts: Vec<String> = s
            .rcpts
            .iter()
            .map(|(a, l)| {
                lines.push(*l);
                format!("<{a}>")
            })
            .collect();
        s.mail = None;
        s.mail_accepted = false;
        s.rcpts.clear();
        let id = queue_id(text);
        let mut en = format!(
            "The server accepted the message: \"250 {}\" after the end of the data (line {end_line}).",
            short(text, MAX_QUOTE)
        );
        let mut zh = format!(
            "服务器接受了这封邮件：数据结束（第 {end_line} 行）后回复 \"250 {}\"。",
            short(text, MAX_QUOTE)
        );
        if let Some(id) = id {
            en.push_str(&format!(" Queue id: {id}."));
            zh.push_str(&format!("队列号：{id}。"));
        }
        if let Some(sender) = sender {
            en.push_str(&format!(" Sender <{sender}>"));
            zh.push_str(&format!("发件人 <{sender}>"));
            if rcpts.is_empty() {
                en.push('.');
                zh.push('。');
            } else {
                en.push_str(&format!(", recipients {}.", rcpts.join(", ")));
                zh.push_str(&format!("，收件人 {}。", rcpts.join("、")));
            }
        }
        self.findings.add(finding(
            FindingKind::Delivered,
            Severity::Success,
            lines,
            Tr::new("The transaction succeeded", "事务成功"),
            Text::new(en, zh),
            Text::from(Tr::new(
                "Nothing to fix. If the mail never arrives, look in the recipient's spam folder, and in the server's mail log for the queue id.",
                "无需修改。如果收件人没收到，请查看对方的垃圾邮件文件夹，并在服务器的邮件日志中按队列号查找。",
            )),
        ));
    }

    /// Classifies a failed reply (or a log line reporting one) and adds the finding.
    fn failure(&mut self, session: u32, f: Failure<'_>) -> Option<usize> {
        let code = if f.inferred { None } else { f.code };
        let mut found = self.classify_failure(session, &f)?;
        found.code = code;
        self.findings.add(found)
    }

    /// The finding a failed reply (or a log line reporting one) makes.
    fn classify_failure(&mut self, session: u32, f: &Failure<'_>) -> Option<Finding> {
        let state = self.state(session);
        let authenticated = state.authenticated.clone();
        let pending_user = state.pending_user.clone();
        let auth_offered = state.auth_offered.clone();
        let starttls_offered = state.starttls_offered;
        let size_limit = state.size_limit;
        let invalid_base64 = state.invalid_base64;
        let helo = state.helo;
        let mail_accepted = state.mail_accepted;
        let mail = state.mail.clone();
        let auth_ok = state.auth_ok;

        let code = f.code;
        let lower = f.text.to_ascii_lowercase();
        let quote = quote(if f.inferred { None } else { code }, f.enhanced, f.text);
        let class = code.map(|c| c / 100);
        let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
        let mut lines = f.lines.clone();

        // The specific causes first (rules/): each 535 variant, the SASL backend, AUTH not
        // offered, rate limits, open resolvers, your own server's relay refusal.
        let evidence = rules::Evidence {
            code,
            enhanced: f.enhanced,
            lower: &lower,
            verb: f.verb,
            auth: f.auth,
            own_server: f.own_server,
            auth_not_in_ehlo: helo && auth_offered.is_none(),
        };
        if let Some(rule) = rules::classify(&evidence) {
            let extra = (rule.cause == "auth-not-advertised" && starttls_offered).then(|| {
                Text::from(Tr::new(
                    "This server's EHLO reply lists STARTTLS: AUTH comes after it.",
                    "这台服务器的 EHLO 回复列出了 STARTTLS：AUTH 在它之后才提供。",
                ))
            });
            if f.auth {
                lines.extend(self.state(session).auth_lines.iter().copied());
            }
            return Some(rule_finding(rule, &quote, extra, lines));
        }

        // A refused sender after a successful login, or a text that says the login does
        // not own the sender: the sender differs from the account (seed 000, 235 then 553).
        let not_owner = has(&[
            "not owned by",
            "send as this sender",
            "permissions to send as",
            "must equal authorized user",
            "must be same as authorization user",
            "not authorized to send as",
        ]);
        let sender_words = has(&["sender", "from", "owned"]);
        if (class == Some(5) || (code.is_none() && not_owner))
            && (not_owner
                || (auth_ok.is_some()
                    && sender_words
                    && matches!(f.verb, Some("MAIL") | Some("RCPT"))))
        {
            let sender = match (f.verb, f.address.as_ref()) {
                (Some("MAIL"), Some(a)) => a.clone(),
                _ => mail.as_ref().map(|(a, _)| a.clone()).unwrap_or_default(),
            };
            if let Some((_, l)) = &mail {
                lines.push(*l);
            }
            match &authenticated {
                Some((user, user_line)) if !same_address(user, &sender) => {
                    lines.push(*user_line);
                    return Some(self.sender_mismatch(&quote, user, *user_line, &sender, lines));
                }
                _ => {
                    if let Some(l) = auth_ok {
                        lines.push(l);
                    }
                    return Some(self.sender_not_owned(&quote, &sender, auth_ok, lines));
                }
            }
        }

        // 535 (and Sendmail/Postfix log lines saying the same).
        if code == Some(535) || code == Some(534) || (f.auth && code == Some(454)) {
            let user = f
                .log_user
                .map(|u| (u.to_string(), None))
                .or_else(|| pending_user.map(|(u, l)| (u, Some(l))));
            if let Some((_, Some(l))) = &user {
                lines.push(*l);
            }
            return Some(auth_failed(&quote, user, invalid_base64, code, lines));
        }

        // 530 / 538, or a refusal that names authentication or TLS before anything else.
        let mentions_tls = has(&[
            "starttls",
            " tls",
            "tls ",
            "encryption",
            "secure connection",
        ]);
        let mentions_auth = has(&["auth", "login", "not logged in"]);
        // "Authentication is required for relay" asks for AUTH, not for another server.
        let auth_for_relay = has(&["authentication is required", "authentication required"]);
        let needs_first = matches!(code, Some(530) | Some(538))
            || (class == Some(5)
                && authenticated.is_none()
                && mentions_auth
                && (!has(&["relay"]) || auth_for_relay)
                && matches!(f.verb, Some("MAIL") | Some("RCPT") | Some("DATA")));
        if needs_first {
            let tls = mentions_tls || code == Some(538);
            // "Must issue a STARTTLS command first": TLS alone, whatever else the line says
            // (an exception's class name, `SMTPAuthenticationError`).
            let starttls_first = has(&["must issue a starttls", "starttls command first"]);
            let auth = !starttls_first && (mentions_auth || !tls);
            return Some(auth_required(
                &quote,
                f.verb,
                tls,
                auth,
                auth_offered.as_deref(),
                starttls_offered,
                lines,
            ));
        }

        if code == Some(504) && f.auth {
            let offered = auth_offered.unwrap_or_default();
            return Some(finding(
                FindingKind::MechanismUnsupported,
                Severity::Error,
                lines,
                Tr::new("Mechanism not supported", "不支持该认证机制"),
                Text::new(
                    format!("The server does not support this AUTH mechanism: \"{quote}\"."),
                    format!("服务器不支持这种 AUTH 机制：\"{quote}\"。"),
                ),
                if offered.is_empty() {
                    Text::from(Tr::new(
                        "Use a mechanism from the AUTH line of the EHLO reply.",
                        "请使用 EHLO 回复中 AUTH 一行列出的机制。",
                    ))
                } else {
                    Text::new(
                        format!("Use one the EHLO reply lists: {offered}."),
                        format!("请使用 EHLO 回复中列出的机制：{offered}。"),
                    )
                },
            ));
        }

        if has(&["greylist", "graylist", "try again later, greylisted"]) && class == Some(4) {
            return Some(finding(
                FindingKind::Greylisted,
                Severity::Warning,
                lines,
                Tr::new("Greylisted", "被灰名单暂缓"),
                Text::new(
                    format!("The server greylists: the first attempt from an unknown sender and address is deferred on purpose — \"{quote}\"."),
                    format!("服务器使用了灰名单：来自陌生发件人和地址的第一次投递会被故意暂缓——\"{quote}\"。"),
                ),
                Text::from(Tr::new(
                    "Wait a few minutes and send again: a real mail server retries by itself, and the later attempt passes. Nothing is wrong with the mail.",
                    "等几分钟后再发送：正规的邮件服务器会自动重试，之后的尝试就会通过。邮件本身没有问题。",
                )),
            ));
        }

        let relay = has(&[
            "relay access denied",
            "relaying denied",
            "relay not permitted",
            "unable to relay",
            "not permitted to relay",
            "relay denied",
            "relaying not allowed",
            "we do not relay",
        ]);
        if relay {
            let who = f.address.clone().unwrap_or_default();
            let what = match &authenticated {
                Some((user, _)) => Text::new(
                    format!("The server refused to relay to {}: \"{quote}\" — even though this session authenticated as {user}; that account may not send through this server.", show_addr(&who, false)),
                    format!("服务器拒绝为 {} 中继（relay）：\"{quote}\"——尽管本次会话已以 {user} 认证；该账号可能无权通过此服务器发信。", show_addr(&who, true)),
                ),
                None => Text::new(
                    format!("The server refused to relay to {}: \"{quote}\". It takes mail for its own domains only, unless the client authenticates.", show_addr(&who, false)),
                    format!("服务器拒绝为 {} 中继（relay）：\"{quote}\"。除非客户端先认证，它只接收发往本服务器所管域名的邮件。", show_addr(&who, true)),
                ),
            };
            let severity = if class == Some(4) {
                Severity::Warning
            } else {
                Severity::Error
            };
            return Some(finding(
                FindingKind::RelayDenied,
                severity,
                lines,
                Tr::new("Relaying refused", "拒绝中继"),
                what,
                Text::from(Tr::new(
                    "Sending out through your own provider? Authenticate first (AUTH, on the submission port 587; in a mail program, turn on \"my server requires authentication\"). Delivering straight to the recipient's domain? Connect to that domain's own mail server (its MX record, e.g. `dig MX example.org`), not to this one.",
                    "如果是通过自己的邮件服务商往外发：先认证（AUTH，使用 587 提交端口；在邮件客户端中勾选“我的服务器要求身份验证”）。如果是直接投递到收件人的域：应连接该域自己的邮件服务器（查它的 MX 记录，如 `dig MX example.org`），而不是这台服务器。",
                )),
            ));
        }

        // The sender: 553 after AUTH with another address (seed 000).
        // Sendmail's delay_checks reports a bad sender at RCPT, with X.1.7 or X.1.8.
        let sender_code = f
            .enhanced
            .is_some_and(|e| e.ends_with(".1.7") || e.ends_with(".1.8"));
        let about_sender = f.verb == Some("MAIL")
            || sender_code
            || has(&[
                "authorized user",
                "must equal",
                "not owned",
                "sender address rejected",
            ]);
        if about_sender && matches!(code, Some(550 | 551 | 553 | 554)) {
            let sender = if f.verb == Some("MAIL") {
                f.address.clone()
            } else {
                None
            }
            .or_else(|| mail.as_ref().map(|(a, _)| a.clone()))
            .unwrap_or_default();
            if let Some((_, l)) = &mail {
                lines.push(*l);
            }
            if let Some((user, user_line)) = &authenticated {
                if !same_address(user, &sender) {
                    lines.push(*user_line);
                    return Some(self.sender_mismatch(&quote, user, *user_line, &sender, lines));
                }
            }
            if authenticated.is_none() && mentions_auth {
                return Some(auth_required(
                    &quote,
                    f.verb,
                    false,
                    true,
                    auth_offered.as_deref(),
                    starttls_offered,
                    lines,
                ));
            }
            if code == Some(553) || sender_code || has(&["sender", "from"]) {
                let who = if sender.is_empty() {
                    String::new()
                } else {
                    format!(" <{}>", short(&sender, 100))
                };
                let dns = f.enhanced.is_some_and(|e| e.ends_with(".1.8"))
                    || (lower.contains("domain") && has(&["not exist", "not found", "unresolv"]));
                return Some(finding(
                    FindingKind::SenderRejected,
                    Severity::Error,
                    lines,
                    Tr::new("Sender refused", "发件人被拒绝"),
                    Text::new(
                        format!("The server refused the sender{who}: \"{quote}\"."),
                        format!("服务器拒绝了发件人{who}：\"{quote}\"。"),
                    ),
                    Text::from(if dns {
                        Tr::new(
                            "The sender's domain must exist in DNS (an MX or A record): use a sender address on a real, resolvable domain, or fix the domain's DNS.",
                            "发件人的域名必须在 DNS 中存在（有 MX 或 A 记录）：请使用真实可解析域名下的发件地址，或修正该域名的 DNS。",
                        )
                    } else {
                        Tr::new(
                            "Use a sender the server accepts — usually the address of the account you log in with (AUTH first) — and write it with brackets: MAIL FROM:<you@example.com>.",
                            "使用服务器接受的发件人——通常就是登录账号的地址（先 AUTH）——并带上尖括号：MAIL FROM:<you@example.com>。",
                        )
                    }),
                ));
            }
        }

        if f.greeting && class == Some(5) {
            {
                return Some(finding(
                    FindingKind::ConnectionRefused,
                    Severity::Error,
                    lines,
                    Tr::new("Connection refused", "连接被拒绝"),
                    Text::new(
                        format!("The server refused the connection at once: \"{quote}\". Your IP address may be on a blocklist, the server may not take mail from your network (a dynamic or residential address), or it is overloaded (421)."),
                        format!("服务器一开始就拒绝了连接：\"{quote}\"。可能是你的 IP 地址在黑名单上，服务器不接收来自你所在网络（动态或家庭宽带地址）的邮件，或者服务器过载（421）。"),
                    ),
                    Text::from(Tr::new(
                        "Send through your provider's submission server (port 587 with AUTH) instead of connecting directly; check your IP address on a blocklist; after a 421, try again later.",
                        "改为通过服务商的提交服务器发信（587 端口并认证），不要直接连接；查一下你的 IP 是否在黑名单上；遇到 421 时稍后再试。",
                    )),
                ));
            }
        }

        // X.3.4 "message too big for system" (RFC 3463 §3.5) comes as 452 as well as 552.
        let too_big_early = f.enhanced.is_some_and(|e| e.ends_with(".3.4"))
            || has(&[
                "size exceeds",
                "size exceeded",
                "max message size",
                "message size limit",
            ]);
        if class == Some(4) && !too_big_early {
            let (what, fix) = match code {
                Some(421) => (
                    Text::new(
                        format!("The server closes the connection with 421: \"{quote}\" — a temporary condition (overload, too many connections, a timeout, a rate limit)."),
                        format!("服务器以 421 关闭连接：\"{quote}\"——这是暂时状况（过载、连接过多、超时或频率限制）。"),
                    ),
                    Text::from(Tr::new(
                        "Try again later; a mail server retries by itself. If it keeps happening, send fewer messages at once and read the text for the limit.",
                        "稍后重试；邮件服务器会自动重试。如果反复出现，请减少一次发送的邮件数量，并从回复文字中查看具体限制。",
                    )),
                ),
                Some(452) => (
                    Text::new(
                        format!("Temporary failure 452: \"{quote}\" — the server is short of storage, or there were too many recipients."),
                        format!("暂时失败 452：\"{quote}\"——服务器存储空间不足，或收件人太多。"),
                    ),
                    Text::from(Tr::new(
                        "Send again later, or split the recipients over several messages.",
                        "稍后重发，或把收件人分到几封邮件中。",
                    )),
                ),
                _ => (
                    Text::new(
                        format!("Temporary failure: \"{quote}\". The first digit 4 says the condition should pass."),
                        format!("暂时失败：\"{quote}\"。首位数字 4 表示这种状况应当会过去。"),
                    ),
                    Text::from(Tr::new(
                        "Send again later — mail servers retry queued mail for days. If it never clears, the text says why (quota, rate limit, DNS).",
                        "稍后重发——邮件服务器会在数天内反复重试队列中的邮件。如果一直不成功，回复文字会说明原因（配额、频率限制、DNS）。",
                    )),
                ),
            };
            return Some(finding(
                FindingKind::Temporary,
                Severity::Warning,
                lines,
                Tr::new("Temporary failure", "暂时失败"),
                what,
                fix,
            ));
        }

        if matches!(code, Some(500) | Some(502)) && !has(&["too long"]) {
            let verb = f.verb.unwrap_or("?");
            return Some(finding(
                FindingKind::UnknownCommand,
                Severity::Error,
                lines,
                Tr::new("Command not supported", "命令不受支持"),
                Text::new(
                    format!("The server does not accept {verb} here: \"{quote}\"."),
                    format!("服务器在此不接受 {verb}：\"{quote}\"。"),
                ),
                Text::from(Tr::new(
                    "Check the spelling; if it is right, the server has the command disabled or does not implement it (Postfix refuses HELP and EXPN, many servers VRFY). The EHLO reply lists what it supports.",
                    "检查拼写；如果拼写无误，说明服务器禁用或没有实现该命令（Postfix 拒绝 HELP 和 EXPN，很多服务器拒绝 VRFY）。EHLO 的回复列出了它支持的扩展。",
                )),
            ));
        }

        let bad_sequence = code == Some(503)
            || has(&["no valid recipients", "need rcpt", "need mail"])
            || f.enhanced
                .is_some_and(|e| e.ends_with(".5.1") && code != Some(500));
        if bad_sequence {
            let (missing_en, missing_zh) = missing_step(
                &lower,
                f.verb,
                helo,
                mail_accepted || mail.is_some(),
                authenticated.is_some(),
                auth_offered.is_some(),
                starttls_offered,
            );
            let verb = f.verb.unwrap_or("?");
            return Some(finding(
                FindingKind::BadSequence,
                Severity::Error,
                lines,
                Tr::new("Command out of order", "命令顺序错误"),
                Text::new(
                    format!("{verb} came out of order: \"{quote}\". {missing_en}"),
                    format!("{verb} 的顺序不对：\"{quote}\"。{missing_zh}"),
                ),
                Text::from(Tr::new(
                    "Follow the order of a session: EHLO → (STARTTLS → EHLO) → AUTH → MAIL FROM → RCPT TO (one per recipient) → DATA → the message → . → QUIT; RSET starts a transaction over.",
                    "按会话顺序发送：EHLO →（STARTTLS → EHLO）→ AUTH → MAIL FROM → RCPT TO（每个收件人一条）→ DATA → 邮件内容 → . → QUIT；RSET 可以重新开始事务。",
                )),
            ));
        }

        if matches!(code, Some(501) | Some(500) | Some(555)) {
            let verb = f.verb.unwrap_or("?");
            let detail = syntax_detail(f.command, f.auth, invalid_base64, &lower);
            return Some(finding(
                FindingKind::BadSyntax,
                Severity::Error,
                lines,
                Tr::new("Malformed command", "命令格式错误"),
                Text::new(
                    format!("The server could not read {verb}: \"{quote}\". {}", detail.en),
                    format!("服务器无法解析 {verb}：\"{quote}\"。{}", detail.zh),
                ),
                Text::from(Tr::new(
                    "Write commands as RFC 5321 shows them: EHLO client.example, MAIL FROM:<you@example.com>, RCPT TO:<them@example.org>, each line under 512 octets; AUTH answers in base64.",
                    "按 RFC 5321 的写法发送命令：EHLO client.example、MAIL FROM:<you@example.com>、RCPT TO:<them@example.org>，每行不超过 512 字节；AUTH 的应答用 base64。",
                )),
            ));
        }

        let too_big = code == Some(552)
            || f.enhanced
                .is_some_and(|e| e.ends_with(".3.4") || e.ends_with(".2.3"))
            || has(&[
                "too big",
                "too large",
                "exceeds",
                "size limit",
                "size exceeded",
                "max message size",
            ]);
        if too_big && !has(&["recipients"]) {
            let declared = match f.command {
                Some(Command::Mail(p)) => p.param("SIZE").flatten().map(str::to_string),
                _ => None,
            };
            let mut en = format!("The message is too big for the server: \"{quote}\".");
            let mut zh = format!("邮件超出了服务器的大小限制：\"{quote}\"。");
            if let Some(limit) = size_limit {
                let size = super::texts::human_size(limit);
                en.push_str(&format!(
                    " Its EHLO reply announced SIZE {limit} (about {size})."
                ));
                zh.push_str(&format!(
                    "它在 EHLO 回复中公布的上限是 SIZE {limit}（约 {size}）。"
                ));
            }
            if let Some(declared) = declared {
                en.push_str(&format!(" MAIL FROM declared SIZE={declared}."));
                zh.push_str(&format!("MAIL FROM 声明的大小是 SIZE={declared}。"));
            }
            return Some(finding(
                FindingKind::TooBig,
                Severity::Error,
                lines,
                Tr::new("Message too big", "邮件过大"),
                Text::new(en, zh),
                Text::from(Tr::new(
                    "Send a smaller message: shrink or compress the attachments, or share large files by link. Base64 makes attachments about a third bigger than the files.",
                    "发送更小的邮件：压缩或缩小附件，或用链接分享大文件。注意 base64 编码会让附件比原文件大约三分之一。",
                )),
            ));
        }

        let unknown_user = f
            .enhanced
            .is_some_and(|e| e.ends_with(".1.1") && e.starts_with('5'))
            || has(&[
                "user unknown",
                "unknown user",
                "no such user",
                "does not exist",
                "unrouteable address",
                "mailbox unavailable",
                "mailbox not found",
                "recipient not found",
            ]);
        if unknown_user && class == Some(5) {
            let who = f.address.clone().unwrap_or_default();
            return Some(finding(
                FindingKind::UnknownUser,
                Severity::Error,
                lines,
                Tr::new("Unknown recipient", "收件人不存在"),
                Text::new(
                    format!("The server does not know the recipient {}: \"{quote}\".", show_addr(&who, false)),
                    format!("服务器上没有收件人 {}：\"{quote}\"。", show_addr(&who, true)),
                ),
                Text::from(Tr::new(
                    "Check the address for typos and ask the recipient for the right one; on your own server, create the mailbox or alias first.",
                    "检查地址是否拼错，并向收件人确认正确地址；如果是自己的服务器，先创建该邮箱或别名。",
                )),
            ));
        }

        let Some(code) = code else {
            // A failure a log reports without a reply code (a bounce's "Failure Reason",
            // `status=bounced (Host or domain name not found …)`): said, never dropped.
            return Some(finding(
                FindingKind::OtherFailure,
                Severity::Error,
                lines,
                Tr::new("Failure reported", "报告了失败"),
                Text::new(
                    format!("The log reports a failure without a reply code: \"{quote}\"."),
                    format!("日志报告了一次失败，但没有回复代码：\"{quote}\"。"),
                ),
                Text::from(Tr::new(
                    "Its text says why. If it names no reason, look in the sending server's log for the reply the remote server gave (Postfix: mail.log, by queue id; Exim: mainlog; Haraka: its log with the transaction id).",
                    "原因在它的文字里。如果没有写明原因，就到发信服务器的日志中查找对方服务器给出的回复（Postfix：mail.log，按队列号查；Exim：mainlog；Haraka：按事务号查它的日志）。",
                )),
            ));
        };
        let rc = ReplyCode::new(code).ok();
        let info = rc.and_then(reference::reply_info);
        let (title_en, title_zh, action) = match info {
            Some(info) => (info.title.en, info.title.zh, Text::from(info.action)),
            None => (
                "not in the reference",
                "不在参考表中",
                Text::from(rc.map_or(
                    Tr::new(
                        "Read the reply text for the reason.",
                        "请从回复文字中查找原因。",
                    ),
                    |r| r.first_digit_meaning(),
                )),
            ),
        };
        Some(finding(
            FindingKind::OtherFailure,
            if class == Some(5) {
                Severity::Error
            } else {
                Severity::Warning
            },
            lines,
            Tr::new("Refused", "被拒绝"),
            Text::new(
                format!("{code} ({title_en}): \"{quote}\"."),
                format!("{code}（{title_zh}）：\"{quote}\"。"),
            ),
            action,
        ))
    }

    fn sender_mismatch(
        &self,
        quote: &str,
        user: &str,
        user_line: usize,
        sender: &str,
        lines: Vec<usize>,
    ) -> Finding {
        let (hint_en, hint_zh) = if self.formats.contains(&Format::SentGot) {
            (
                "in DokuWiki: Admin → Configuration Settings → Notification settings → mailfrom"
                    .to_string(),
                "DokuWiki 中：管理 → 配置设置 → 通知设置 → mailfrom".to_string(),
            )
        } else if self.formats.contains(&Format::PhpMailer) {
            (
                format!("in PHPMailer: $mail->setFrom('{user}')"),
                format!("PHPMailer 中：$mail->setFrom('{user}')"),
            )
        } else if self.formats.contains(&Format::Smtplib) {
            (
                format!("in smtplib: sendmail('{user}', …) and the From: header"),
                format!("smtplib 中：sendmail('{user}', …) 以及邮件头 From:"),
            )
        } else if self.formats.contains(&Format::Swaks) {
            (
                format!("with swaks: --from {user}"),
                format!("swaks 中：--from {user}"),
            )
        } else {
            (
                "in a mail program: the sender (From) address of the account".to_string(),
                "邮件客户端中：账号设置里的发件人（From）地址".to_string(),
            )
        };
        finding(
            FindingKind::SenderMismatch,
            Severity::Error,
            lines,
            Tr::new(
                "Sender differs from the login",
                "发件人与登录账号不一致",
            ),
            Text::new(
                format!("The server refused the sender <{sender}>: the login was {user} (decoded from the AUTH exchange, line {user_line}), and this server lets an account send only as itself — \"{quote}\"."),
                format!("服务器拒绝了发件人 <{sender}>：登录账号是 {user}（从 AUTH 交换中解码，第 {user_line} 行），而该服务器只允许账号以自己的地址发信——\"{quote}\"。"),
            ),
            Text::new(
                format!("Make the sender the login address: MAIL FROM:<{user}>, and the From: header too ({hint_en}). Or log in as {sender}, if that account is yours."),
                format!("把发件人改成登录地址：MAIL FROM:<{user}>，邮件头 From: 也一样（{hint_zh}）。或者，如果 {sender} 也是你的账号，就用它登录。"),
            ),
        )
    }

    /// The sender refused because the login does not own it, the login not shown (hidden by
    /// the log, or a server's log line).
    fn sender_not_owned(
        &self,
        quote: &str,
        sender: &str,
        auth_ok: Option<usize>,
        lines: Vec<usize>,
    ) -> Finding {
        let who = if sender.is_empty() {
            String::new()
        } else {
            format!(" <{}>", short(sender, 100))
        };
        let (after_en, after_zh) = match auth_ok {
            Some(l) => (
                format!(" The login succeeded (235, line {l}), so this is not about the password: the account may not send as this address."),
                format!("登录已经成功（第 {l} 行的 235），所以与密码无关：这个账号不能以该地址发信。"),
            ),
            None => (
                " The account that logged in may not send as this address.".to_string(),
                "登录的账号不能以该地址发信。".to_string(),
            ),
        };
        finding(
            FindingKind::SenderMismatch,
            Severity::Error,
            lines,
            Tr::new(
                "Sender differs from the login",
                "发件人与登录账号不一致",
            ),
            Text::new(
                format!("The server refused the sender{who}: \"{quote}\".{after_en}"),
                format!("服务器拒绝了发件人{who}：\"{quote}\"。{after_zh}"),
            ),
            Text::from(Tr::new(
                "Make the sender the address you log in with: MAIL FROM and the From: header (in the program's settings: the from/sender address, or DokuWiki's mailfrom). A null sender MAIL FROM:<> is not owned by anyone either. If the account should send as another address: on your own Postfix map it to the login in smtpd_sender_login_maps (or the mail panel's sender ACL, or fix the alias that owns it); on Exchange/Microsoft 365 grant the account Send As permission for that address.",
                "把发件人改成登录所用的地址：MAIL FROM 和邮件头 From:（在程序设置中：发件人地址，或 DokuWiki 的 mailfrom）。空发件人 MAIL FROM:<> 也不属于任何账号。如果这个账号应当能以另一个地址发信：在自己的 Postfix 上，把该地址在 smtpd_sender_login_maps 中映射到登录名（或在邮件管理面板的发件人 ACL 中设置，或修正占用该地址的别名）；在 Exchange/Microsoft 365 上，为该账号授予该地址的“代理发送”（Send As）权限。",
            )),
        )
    }

    /// Log lines: joined to the finding their reply produced, or findings of their own.
    fn log(&mut self, line: usize, log: &LogLine) {
        if let Some(software) = match log.format {
            Format::PostfixLog => Some(Software::Postfix),
            Format::SendmailLog => Some(Software::Sendmail),
            Format::EximLog => Some(Software::Exim),
            _ => None,
        } {
            self.server(software, None, line);
        }
        if log.event == LogEvent::SaslauthdDown && !log.text.contains("saslauthd") {
            // Dovecot's auth socket (or another backend): the rule's own texts.
            let quote = quote(None, None, &log.text);
            let earlier = self
                .findings
                .list
                .iter()
                .position(|f| f.cause == "sasl-backend-down");
            match (earlier, rules::by_cause("sasl-backend-down")) {
                // Several lines of the same outage ("Connect to private/auth failed", then
                // "fatal: no SASL authentication mechanisms") make one finding.
                (Some(index), _) => self.findings.attach(index, &[line]),
                (None, Some(rule)) => {
                    self.findings
                        .add(rule_finding(rule, &quote, None, vec![line]));
                }
                (None, None) => {}
            }
            return;
        }
        if log.event == LogEvent::SaslauthdDown {
            self.findings.add(finding(
                FindingKind::SaslauthdDown,
                Severity::Error,
                vec![line],
                Tr::new("saslauthd is not running", "saslauthd 没有运行"),
                Text::from(Tr::new(
                    "The server's log says it cannot reach saslauthd, the daemon that checks passwords for Cyrus SASL: every AUTH fails with 535 until it runs, even with the right password.",
                    "服务器日志显示它连不上 saslauthd——Cyrus SASL 用来校验密码的守护进程：在它运行之前，即使密码正确，所有 AUTH 也都会以 535 失败。",
                )),
                Text::from(Tr::new(
                    "Start saslauthd and enable it at boot (`systemctl enable --now saslauthd`; old systems: `service saslauthd start; chkconfig saslauthd on`). Check that its socket is where the mail server looks (/var/run/saslauthd/mux; a chrooted Postfix needs it under /var/spool/postfix). Test with `testsaslauthd -u USER -p PASSWORD`.",
                    "启动 saslauthd 并设为开机自启（`systemctl enable --now saslauthd`；老系统用 `service saslauthd start; chkconfig saslauthd on`）。确认它的套接字位于邮件服务器查找的位置（/var/run/saslauthd/mux；chroot 运行的 Postfix 需要放在 /var/spool/postfix 下）。用 `testsaslauthd -u 用户名 -p 密码` 测试。",
                )),
            ));
            return;
        }
        // A reply the transcript already explained: the log line joins its finding.
        if let Some(code) = log.code {
            if let Some((_, index)) = self.code_findings.iter().find(|(c, _)| *c == code) {
                let index = *index;
                self.findings.attach(index, &[line]);
                return;
            }
        }
        // A client program repeating that reply without its code ("SMTP Last Response: 5.5.1
        // Command unrecognized …"): the same finding.
        let repeated = log.text.trim().to_ascii_lowercase();
        if !log.server_side && log.code.is_none() && repeated.chars().count() >= 8 {
            let index = self.code_findings.iter().map(|(_, i)| *i).find(|i| {
                self.findings
                    .list
                    .get(*i)
                    .is_some_and(|f| f.what.en.to_ascii_lowercase().contains(&repeated))
            });
            if let Some(index) = index {
                self.findings.attach(index, &[line]);
                return;
            }
        }
        // A client program saying the message was accepted ("Message sent: 250 … queued").
        if log.event == LogEvent::Delivered && !log.server_side && log.code == Some(250) {
            self.delivered(u32::MAX, line, line, &log.text);
            return;
        }
        let code = match (log.code, log.event) {
            (Some(c), _) => Some(c),
            (None, LogEvent::AuthFailed) => Some(535),
            (None, LogEvent::Greylisted) => Some(450),
            _ => None,
        };
        let failing = code.is_some_and(|c| c >= 400)
            || log.enhanced.as_deref().is_some_and(|e| !e.starts_with('2'))
            || matches!(
                log.event,
                LogEvent::Reject
                    | LogEvent::Bounced
                    | LogEvent::AuthNotOffered
                    | LogEvent::Unreachable
                    | LogEvent::AuthFailed
            );
        if !failing {
            return;
        }
        // A client's message with the same kind of failure as a reply: join it. A client's
        // summary without a code ("No authentication type succeeded") joins whatever the
        // AUTH replies were refused for (STARTTLS first, the mechanism, the password).
        if log.event == LogEvent::AuthFailed {
            let summary = !log.server_side && log.code.is_none();
            let index = self.findings.index_of(FindingKind::AuthFailed).or_else(|| {
                summary
                    .then(|| {
                        self.findings.list.iter().position(|f| {
                            matches!(
                                f.kind,
                                FindingKind::AuthRequired
                                    | FindingKind::MechanismUnsupported
                                    | FindingKind::AuthNotOffered
                                    | FindingKind::SaslauthdDown
                            )
                        })
                    })
                    .flatten()
            });
            if let Some(index) = index {
                self.findings.attach(index, &[line]);
                return;
            }
        }
        let auth = log.verb == Some("AUTH")
            || matches!(log.event, LogEvent::AuthFailed | LogEvent::AuthNotOffered);
        // The user's own server refusing a client (Postfix smtpd, Sendmail, Exim), not its
        // SMTP client quoting what a remote server said.
        let own_server = log.server_side
            && !log.program.ends_with("/smtp")
            && !log.program.ends_with("/lmtp")
            && !log.message.contains(" said:");
        let before = self.findings.list.len();
        let index = self.failure(
            u32::MAX,
            Failure {
                code,
                enhanced: log.enhanced.as_deref(),
                text: &log.text,
                verb: log.verb,
                command: None,
                lines: vec![line],
                address: log.address.clone(),
                auth,
                greeting: log.verb == Some("CONNECT"),
                log_user: log.user.as_deref(),
                inferred: log.code.is_none(),
                own_server,
            },
        );
        // Several log lines about the same kind of failure make one finding.
        if let Some(index) = index.filter(|i| *i >= before) {
            let kind = self.findings.list.get(index).map(|f| f.kind);
            let code = self.findings.list.get(index).and_then(|f| f.code);
            let earlier = self
                .findings
                .list
                .iter()
                .take(before)
                .position(|f| Some(f.kind) == kind);
            if let Some(earlier) = earlier {
                self.findings.list.truncate(before);
                self.findings.attach(earlier, &[line]);
                // The later reply is the one that counts (534, then 535).
                if let (Some(code), Some(f)) = (code, self.findings.list.get_mut(earlier)) {
                    f.code = Some(code);
                }
            }
        }
    }

    /// When the paste holds both a 535 and the server's "cannot connect to saslauthd", the
    /// second explains the first.
    fn saslauthd_cause(&mut self) {
        let Some(down) = self.findings.index_of(FindingKind::SaslauthdDown) else {
            return;
        };
        let lines = self
            .findings
            .list
            .get(down)
            .map(|f| f.lines.clone())
            .unwrap_or_default();
        let Some(first) = lines.first().copied() else {
            return;
        };
        for f in self
            .findings
            .list
            .iter_mut()
            .filter(|f| f.kind == FindingKind::AuthFailed)
        {
            f.what = f.what.clone().join(&Text::new(
                format!("The server's log in this paste (line {first}) says saslauthd cannot be reached: that is the cause, not the password."),
                format!("这份日志中服务器的记录（第 {first} 行）显示连不上 saslauthd：原因在此，而不是密码。"),
            ));
            for l in &lines {
                if !f.lines.contains(l) {
                    f.lines.push(*l);
                }
            }
            f.lines.sort_unstable();
        }
    }

    fn credentials(&mut self) {
        if self.exposed.is_empty() {
            return;
        }
        let mut lines = self.exposed.clone();
        let mut users: Vec<String> = Vec::new();
        for (user, line) in &self.exposed_users {
            lines.push(*line);
            if !users.contains(user) && users.len() < 10 {
                users.push(user.clone());
            }
        }
        let users_text = users.join(", ");
        let what = if users.is_empty() {
            Text::from(Tr::new(
                "This log contains a password or token in readable form: base64 is an encoding, not encryption.",
                "这份日志以可读形式含有密码或令牌：base64 只是编码，不是加密。",
            ))
        } else {
            Text::new(
                format!("This log contains the login in readable form — user {users_text} and the password: base64 is an encoding, not encryption."),
                format!("这份日志以可读形式含有登录信息——用户 {}及其密码：base64 只是编码，不是加密。", users.join("、") + " "),
            )
        };
        self.findings.add(finding(
            FindingKind::CredentialsExposed,
            Severity::Warning,
            lines,
            Tr::new("Password exposed in the log", "日志中暴露了密码"),
            what,
            Text::from(Tr::new(
                "Change the password (or the authorization code) now. Before posting a log anywhere, replace the AUTH lines with placeholders.",
                "请立即修改密码（或授权码）。在任何地方发布日志之前，先把 AUTH 相关的行替换成占位内容。",
            )),
        ));
    }
}

fn auth_failed(
    quote: &str,
    user: Option<(String, Option<usize>)>,
    invalid_base64: bool,
    code: Option<u16>,
    lines: Vec<usize>,
) -> Finding {
    let mut en = match &user {
        Some((u, Some(_))) => format!("The server refused the login of user {u} (decoded from the AUTH exchange): \"{quote}\"."),
        Some((u, None)) => format!("The server refused the login of user {u}: \"{quote}\"."),
        None => format!("The server refused the login: \"{quote}\"."),
    };
    let mut zh = match &user {
        Some((u, Some(_))) => {
            format!("服务器拒绝了用户 {u}（从 AUTH 交换中解码）的登录：\"{quote}\"。")
        }
        Some((u, None)) => format!("服务器拒绝了用户 {u} 的登录：\"{quote}\"。"),
        None => format!("服务器拒绝了登录：\"{quote}\"。"),
    };
    if invalid_base64 {
        en.push_str(" One answer in the exchange was not valid base64.");
        zh.push_str("交换中有一条应答不是有效的 base64。");
    }
    if code == Some(454) {
        en.push_str(" 454 is temporary: the server could not check the password right now — typically its SASL daemon is down.");
        zh.push_str("454 是暂时失败：服务器此刻无法校验密码——通常是它的 SASL 守护进程没有运行。");
    }
    if code == Some(534) {
        en.push_str(" 534: the provider wants a stronger mechanism or an app-specific password.");
        zh.push_str("534：服务商要求更强的认证机制或应用专用密码。");
    }
    finding(
        FindingKind::AuthFailed,
        Severity::Error,
        lines,
        Tr::new("Authentication failed", "身份认证失败"),
        Text::new(en, zh),
        Text::from(Tr::new(
            "Two usual causes. (1) Wrong user name or password: check both — the user name is often the full address; 163.com, QQ Mail and Gmail want an authorization code or app password here, not the web login password. (2) The server cannot check any password because its SASL daemon is down: Sendmail or Postfix with Cyrus SASL (`pwcheck_method: saslauthd`) refuse every AUTH, even a correct one, while saslauthd is not running. How to tell: log in with the same password elsewhere (webmail, IMAP, or `testsaslauthd -u USER -p PASSWORD` on the server) and read the server's mail log (/var/log/maillog or mail.log) for \"cannot connect to saslauthd server\" or \"SASL authentication failure\". If the password works elsewhere, start saslauthd (`systemctl start saslauthd`; old systems: `service saslauthd start` and `chkconfig saslauthd on`).",
            "常见原因有两个。(1) 用户名或密码错误：两者都要核对——用户名常常是完整的邮箱地址；163.com、QQ 邮箱和 Gmail 在这里要求使用授权码或应用专用密码，而不是网页登录密码。(2) 服务器根本无法校验密码，因为它的 SASL 守护进程没有运行：使用 Cyrus SASL（`pwcheck_method: saslauthd`）的 Sendmail 或 Postfix，在 saslauthd 停止时会拒绝所有 AUTH，即使密码正确。如何区分：用同一密码在别处登录（网页邮箱、IMAP，或在服务器上运行 `testsaslauthd -u 用户名 -p 密码`），并查看服务器的邮件日志（/var/log/maillog 或 mail.log）中有没有 \"cannot connect to saslauthd server\" 或 \"SASL authentication failure\"。如果密码在别处可用，就启动 saslauthd（`systemctl start saslauthd`；老系统用 `service saslauthd start` 和 `chkconfig saslauthd on`）。",
        )),
    )
}

fn auth_required(
    quote: &str,
    verb: Option<&str>,
    tls: bool,
    auth: bool,
    offered: Option<&str>,
    starttls_offered: bool,
    lines: Vec<usize>,
) -> Finding {
    let verb = verb.unwrap_or("this command");
    let (need_en, need_zh) = match (tls, auth) {
        (true, true) => ("STARTTLS and then authentication", "先 STARTTLS 再认证"),
        (true, false) => ("STARTTLS (an encrypted connection)", "STARTTLS（加密连接）"),
        _ => ("authentication (AUTH)", "身份认证（AUTH）"),
    };
    let mut en = format!("The server wants {need_en} before {verb}: \"{quote}\".");
    let mut zh = format!("服务器要求在 {verb} 之前先完成{need_zh}：\"{quote}\"。");
    match offered {
        Some(m) => {
            en.push_str(&format!(" Its EHLO reply offers AUTH {m}."));
            zh.push_str(&format!("它的 EHLO 回复提供了 AUTH {m}。"));
        }
        None if starttls_offered => {
            en.push_str(" Its EHLO reply lists STARTTLS but no AUTH: many servers offer AUTH only after STARTTLS.");
            zh.push_str("它的 EHLO 回复列出了 STARTTLS 但没有 AUTH：很多服务器只在 STARTTLS 之后才提供 AUTH。");
        }
        None => {}
    }
    let mut fix_en = String::new();
    let mut fix_zh = String::new();
    if tls {
        fix_en.push_str("Send STARTTLS after EHLO, complete the TLS handshake and send EHLO again (in a program: turn on TLS/STARTTLS; port 587 with STARTTLS, or 465 with TLS from the start). ");
        fix_zh.push_str("在 EHLO 之后发送 STARTTLS，完成 TLS 握手后再次发送 EHLO（在程序中：开启 TLS/STARTTLS；587 端口用 STARTTLS，或 465 端口从一开始就用 TLS）。");
    }
    if auth {
        fix_en.push_str("Log in with AUTH before MAIL FROM (in a mail program: turn on \"my server requires authentication\" and give the account and password), and use the login address as the sender.");
        fix_zh.push_str("在 MAIL FROM 之前用 AUTH 登录（在邮件客户端中：勾选“我的服务器要求身份验证”并填写账号和密码），并以登录地址作为发件人。");
    }
    let mut required = finding(
        FindingKind::AuthRequired,
        Severity::Error,
        lines,
        if tls && !auth {
            Tr::new("STARTTLS required first", "需要先 STARTTLS")
        } else {
            Tr::new("Authentication required first", "需要先认证")
        },
        Text::new(en, zh),
        Text::new(fix_en.trim_end().to_string(), fix_zh),
    );
    if tls && !auth {
        required.cause = "starttls-required";
        required.fix_id = "use-starttls";
    }
    required
}

/// What a 503 says was missing.
#[allow(clippy::too_many_arguments)]
fn missing_step(
    lower: &str,
    verb: Option<&str>,
    helo: bool,
    mail_open: bool,
    authenticated: bool,
    auth_offered: bool,
    starttls_offered: bool,
) -> (String, String) {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let pair = |en: &str, zh: &str| (en.to_string(), zh.to_string());
    if has(&["already authenticated"]) || (verb == Some("AUTH") && authenticated) {
        return pair(
            "This connection is already authenticated: AUTH is sent once.",
            "本连接已经认证过了：AUTH 只需发送一次。",
        );
    }
    if verb == Some("AUTH")
        && (has(&[
            "not enabled",
            "not advertised",
            "not available",
            "not supported",
        ]) || !auth_offered)
    {
        return if starttls_offered {
            pair(
                "The server does not offer AUTH here (its EHLO reply lists no AUTH); many servers offer it only after STARTTLS.",
                "服务器此时不提供 AUTH（EHLO 回复中没有 AUTH）；很多服务器只在 STARTTLS 之后才提供。",
            )
        } else {
            pair(
                "The server does not offer AUTH on this connection (its EHLO reply lists no AUTH).",
                "服务器在这个连接上不提供 AUTH（EHLO 回复中没有 AUTH）。",
            )
        };
    }
    if verb == Some("AUTH") && mail_open {
        return pair(
            "AUTH must come before MAIL FROM.",
            "AUTH 必须在 MAIL FROM 之前。",
        );
    }
    if has(&["helo", "ehlo"]) || (!helo && has(&["hello"])) {
        return pair(
            "EHLO (or HELO) must come first.",
            "必须先发送 EHLO（或 HELO）。",
        );
    }
    if has(&[
        "nested",
        "already given",
        "already specified",
        "sender already",
    ]) {
        return pair(
            "A transaction is already open: finish it, or send RSET, before a new MAIL FROM.",
            "已经有一个打开的事务：先完成它，或发送 RSET，再发新的 MAIL FROM。",
        );
    }
    if verb == Some("RCPT")
        || has(&[
            "need mail",
            "sender not yet given",
            "mail before rcpt",
            "mail first",
        ])
    {
        return pair(
            "MAIL FROM must come before RCPT TO (the second EHLO, or RSET, ends a transaction).",
            "RCPT TO 之前必须先有 MAIL FROM（再次 EHLO 或 RSET 都会结束事务）。",
        );
    }
    if verb == Some("DATA") || has(&["rcpt", "recipient"]) {
        return pair(
            "At least one RCPT TO must be accepted before DATA.",
            "DATA 之前至少要有一个 RCPT TO 被接受。",
        );
    }
    pair(
        "The server expected another command first.",
        "服务器期望先收到另一条命令。",
    )
}

fn syntax_detail(command: Option<&Command>, auth: bool, invalid_base64: bool, lower: &str) -> Text {
    if lower.contains("too long") {
        return Text::from(Tr::new(
            "The line is too long: RFC 5321 §4.5.3.1 allows 512 octets per command line.",
            "行太长：RFC 5321 §4.5.3.1 规定命令行最多 512 字节。",
        ));
    }
    if auth {
        return if invalid_base64 || lower.contains("base64") || lower.contains("decode") {
            Text::from(Tr::new(
                "An answer in the AUTH exchange was not base64.",
                "AUTH 交换中的应答不是 base64。",
            ))
        } else {
            Text::from(Tr::new(
                "The AUTH exchange was cancelled (*) or its answer was malformed.",
                "AUTH 交换被取消（*），或者应答格式不对。",
            ))
        };
    }
    match command {
        Some(Command::Mail(p) | Command::Rcpt(p)) if !p.bracketed => Text::from(Tr::new(
            "The address is written without angle brackets; strict servers want <address>, and some (Exim) want a domain as well.",
            "地址没有写尖括号；严格的服务器要求 <地址>，有些（Exim）还要求带域名。",
        )),
        Some(Command::Mail(p) | Command::Rcpt(p)) if !p.address.contains('@') => Text::from(Tr::new(
            "The address has no domain; some servers (Exim) refuse that.",
            "地址没有域名部分；有些服务器（Exim）会拒绝。",
        )),
        _ => Text::from(Tr::new(
            "Its argument is missing or malformed.",
            "它的参数缺失或格式不对。",
        )),
    }
}

/// The command line with its verb corrected: `RCPR TO:sam@163.com` → `RCPT TO:sam@163.com`.
fn corrected_line(payload: &str, right: &str) -> String {
    let rest = payload
        .trim_start()
        .split_once(char::is_whitespace)
        .map(|(_, rest)| rest.trim_start())
        .unwrap_or("");
    if rest.is_empty() {
        right.to_string()
    } else {
        format!("{right} {}", short(rest, 100))
    }
}

/// Whether two addresses name the same account (case-insensitive; a bare user name equals
/// an address with the same local part).
fn same_address(user: &str, address: &str) -> bool {
    if user.eq_ignore_ascii_case(address) {
        return true;
    }
    !user.contains('@')
        && address
            .split_once('@')
            .is_some_and(|(local, _)| local.eq_ignore_ascii_case(user))
}

/// Whether a 250's text says a message was queued or accepted.
fn queued(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "queued as",
        "queued on",
        "message accepted",
        "accepted for delivery",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn queue_id(text: &str) -> Option<String> {
    let token = |rest: &str| -> Option<String> {
        let t: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .take(40)
            .collect();
        (!t.is_empty()).then_some(t)
    };
    if let Some((_, rest)) = text.split_once("queued as ") {
        return token(rest);
    }
    if let Some((_, rest)) = text.split_once("id=") {
        return token(rest);
    }
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let second = words.next()?;
    (second.eq_ignore_ascii_case("message") && first.len() >= 8)
        .then(|| first.chars().take(40).collect())
}

fn quote(code: Option<u16>, enhanced: Option<&str>, text: &str) -> String {
    let text = short(text.trim(), MAX_QUOTE);
    match (code, enhanced) {
        (Some(c), Some(e)) => format!("{c} {e} {text}"),
        (Some(c), None) => format!("{c} {text}"),
        (None, _) => text,
    }
}

/// `<address>`, or "the recipient" in the language asked for when the log names none.
fn show_addr(address: &str, zh: bool) -> String {
    match (address.is_empty(), zh) {
        (true, false) => "the recipient".to_string(),
        (true, true) => "该收件人".to_string(),
        _ => format!("<{}>", short(address, 100)),
    }
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max).collect();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_compare_like_servers() {
        assert!(same_address("Sunnogo@163.com", "sunnogo@163.com"));
        assert!(same_address("alice", "alice@example.com"));
        assert!(!same_address("sunnogo@163.com", "noreply@163.com"));
    }

    #[test]
    fn queue_ids() {
        assert_eq!(
            queue_id("2.0.0 Ok: queued as 6EEDCC68E6").as_deref(),
            Some("6EEDCC68E6")
        );
        assert_eq!(
            queue_id("OK id=1xUs4p-0000xb-33").as_deref(),
            Some("1xUs4p-0000xb-33")
        );
        assert_eq!(
            queue_id("2.0.0 nBNAIIG4000507 Message accepted for delivery"),
            None
        );
        assert_eq!(
            queue_id("nBNAIIG4000507 Message accepted for delivery").as_deref(),
            Some("nBNAIIG4000507")
        );
    }
}
