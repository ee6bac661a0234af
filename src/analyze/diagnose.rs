//! From events to a diagnosis: the findings (what went wrong, on which lines, and the fix),
//! the server software, and the sequence of the transaction.
//!
//! The rules that name a failure's cause are in `rules/`, one file each, and follow what
//! real servers say (docs/transcripts/real-servers.md and the seed documents): 553 after
//! AUTH with a different MAIL FROM (163.com, seed 000), 535 from a wrong password or a
//! stopped saslauthd (Sendmail, seed 004), 530/538 for STARTTLS or AUTH first, relaying
//! refused, temporary 4xx and greylisting, unknown commands, 503 and what was missing, 501,
//! 552, unknown users. Here: the session state they read, the nearest verb of an unknown
//! command, and the success of a 250 after the message's final dot.

use std::collections::BTreeMap;

use super::rules::{self, Rule};
use super::serverlog::{LogEvent, LogLine};
use super::session::{Event, Request};
use super::{
    Decoded, Finding, FindingKind, Format, Kind, Line, ServerInfo, Severity, Software, Step, Text,
};
use crate::i18n::Tr;
use crate::smtp::command::{self, Command, ParseError};

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
    /// Whether the session's greeting was HELO, accepted, and no EHLO since: the server
    /// offered no extensions, AUTH among them.
    plain_helo: bool,
    /// The line of an `AUTH LOGIN` sent with the user name as its initial response, until
    /// the server's first answer to it.
    login_initial: Option<usize>,
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
    /// The finding of the open transaction's refused MAIL FROM (or of a refused RCPT TO
    /// while none is accepted): a 503 to what the client sent after it follows from it.
    refused: Option<usize>,
    /// The finding of this session's refused AUTH: a 530 after it follows from it.
    auth_refused: Option<usize>,
    rcpts: Vec<(String, usize)>,
    /// The sequence step of the current AUTH exchange.
    auth_step: Option<usize>,
    /// The mechanism of the current AUTH exchange, upper-case.
    auth_mechanism: Option<String>,
}

impl State {
    /// The current AUTH exchange, ended by the reply on `line`.
    fn login(&self, session: u32, line: usize, code: u16) -> Login {
        Login {
            session,
            line,
            code,
            mechanism: self.auth_mechanism.clone(),
            user: self.pending_user.as_ref().map(|(user, _)| user.clone()),
        }
    }
}

/// An AUTH exchange and how it ended.
struct Login {
    session: u32,
    /// The line of the reply that ended it.
    line: usize,
    code: u16,
    mechanism: Option<String>,
    user: Option<String>,
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
    /// The program of the user's own server that wrote it (a Postfix smtpd reject in its
    /// log), or none.
    own_server: Option<&'a str>,
    /// The program of the user's own server whose SMTP client quotes a remote server's
    /// refusal (`postfix/smtp`: `… said: 530 …`), or none.
    own_client: Option<&'a str>,
    /// The delivery agent of the user's own Postfix that wrote it (`postfix/lmtp`,
    /// `postfix/virtual` …) about a failure of its own, not a remote reply; or none.
    delivery_agent: Option<&'a str>,
}

struct Findings {
    list: Vec<Finding>,
}

impl Findings {
    /// Adds a finding, or merges its lines into an equal one; returns its index.
    fn add(&mut self, finding: Finding) -> Option<usize> {
        if let Some(index) = self.list.iter().position(|f| {
            f.kind == finding.kind
                && (f.what == finding.what
                    // The same refusal but for what the server puts in each reply
                    // (Gmail's session id): one finding, quoting the first. Each delivery
                    // stays its own, with its queue id.
                    || (finding.severity != Severity::Success
                        && f.code == finding.code
                        && f.cause == finding.cause
                        && without_ids(&f.what.en) == without_ids(&finding.what.en)))
        }) {
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

pub(super) fn finding(
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
/// down explains every 535; a sender that is no address, the failure the program reports
/// after it), then the failures from the one that ended the transaction or the
/// session backwards (the last refusal decided the outcome: a stray 502 before the 503 that
/// stopped the send comes after it), then the success, then the side notes.
fn rank(f: &Finding) -> (u8, usize) {
    let first = f.lines.first().copied().unwrap_or(usize::MAX);
    let last = f.lines.last().copied().unwrap_or(0);
    if f.cause == "sasl-backend-down" || f.cause == rules::sender_syntax::RULE.cause {
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

/// When nothing read shows a failure and every line was read, yet a line says that something
/// failed (msmtp's `could not send mail`, a Go program's `SMTP Send Error!`, a PHP mailer's
/// `MAIL FROM command failed`): the log shows a failure the analyzer cannot place — never "no
/// problems" over it. Lines a server wrote with a 2xx or 3xx code and the message's own lines
/// are not read for it.
fn failure_said(lines: &[Line], succeeded: bool) -> Option<Finding> {
    const WORDS: [&str; 12] = [
        "fail",
        "error",
        "could not",
        "cannot",
        "can't",
        "unable to",
        "refused",
        "denied",
        "rejected",
        "not accepted",
        "失败",
        "错误",
    ];
    if succeeded {
        return None;
    }
    let numbers: Vec<usize> = lines
        .iter()
        .filter(|l| {
            !matches!(l.kind, Kind::Reply { code, .. } if code < 400)
                && !matches!(l.kind, Kind::Data { .. } | Kind::Blank | Kind::Sasl)
        })
        .filter(|l| {
            let lower = l.raw.to_lowercase();
            WORDS.iter().any(|w| lower.contains(w))
        })
        .map(|l| l.number)
        .take(MAX_FINDING_LINES)
        .collect();
    let first = *numbers.first()?;
    Some(finding(
        FindingKind::OtherFailure,
        Severity::Warning,
        numbers,
        Tr::new(
            "A failure the analyzer cannot place",
            "分析器无法定位的失败",
        ),
        Text::new(
            format!("Line {first} says that something failed, but no line the analyzer read shows which reply or step it was: it cannot tell why, and cannot say the mail went out."),
            format!("第 {first} 行说有操作失败了，但分析器读到的行里看不出是哪条回复或哪一步：它说不出原因，也不能说邮件已经发出。"),
        ),
        Text::from(Tr::new(
            "Read that line yourself, and paste the program's SMTP debug output (a session with the server's replies) so the analyzer can read the reply that failed.",
            "请自己读一读那一行，并粘贴程序的 SMTP 调试输出（带有服务器回复的会话），以便分析器读到失败的那条回复。",
        )),
    ))
}

/// A 4xx/5xx reply code as a word of its own in a line (`… 550 …`, `(535,`, `550-5.7.1`,
/// `code=550.`): three digits with no letter or digit next to them and not part of a dotted
/// number, so the milliseconds of a timestamp (`10:00:01.456`) or a part of a version or an
/// address (`3.450.1`) are no reply.
fn failure_code_in(raw: &str) -> Option<u16> {
    let bytes = raw.as_bytes();
    // `3.450.1`, `node:events:519:28`: a dot or colon with a digit beyond it.
    let dotted = |at: usize| {
        matches!(bytes.get(at), Some(b'.' | b':'))
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    };
    let word_edge = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric());
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let before = start.checked_sub(1).and_then(|b| bytes.get(b));
        // `10:00:01.456`, `events:519`: after a dot, or after a colon that follows a digit
        // or a word (a time or a file position), not after `said:` and a space.
        let after_dot = before == Some(&b'.')
            || (before == Some(&b':')
                && start >= 2
                && bytes.get(start - 2).is_some_and(u8::is_ascii_alphanumeric));
        if i - start == 3
            && word_edge(before)
            && !after_dot
            && word_edge(bytes.get(i))
            && !dotted(i)
        {
            let code = raw[start..i].parse::<u16>().ok()?;
            if (400..600).contains(&code) && (code / 10) % 10 <= 5 {
                return Some(code);
            }
        }
    }
    None
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

/// A refused challenge–response login (CRAM-MD5, DIGEST-MD5, SCRAM) that PLAIN or LOGIN
/// made good for the same user: the server cannot check that mechanism
/// (`rules/mechanism_unverifiable.rs`). Every refusal a 535 of such a mechanism, and no user
/// name that differs.
fn mechanism_unverifiable(refusals: &[&Login], success: &Login) -> Option<Finding> {
    use rules::mechanism_unverifiable::{needs_secret_on_server, sends_password, RULE};
    let ok = success.mechanism.as_deref().filter(|m| sends_password(m))?;
    let same_user = |user: &Option<String>| match (user, &success.user) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    };
    let mut refused: Vec<&str> = Vec::new();
    for r in refusals {
        let mechanism = r
            .mechanism
            .as_deref()
            .filter(|m| needs_secret_on_server(m))?;
        if r.code != 535 || !same_user(&r.user) {
            return None;
        }
        if !refused.contains(&mechanism) {
            refused.push(mechanism);
        }
    }
    let first = refusals.iter().map(|r| r.line).min()?;
    let user = success
        .user
        .as_deref()
        .or_else(|| refusals.iter().find_map(|r| r.user.as_deref()));
    let mechanisms = refused.join(", ");
    let at = success.line;
    let (who_en, who_zh) = match user {
        Some(u) => (format!("User {u}"), format!("用户 {u} ")),
        None => ("The user".to_string(), "该用户".to_string()),
    };
    let what = Text::new(
        format!(
            "{who_en} was refused with {mechanisms} (535, line {first}) and logged in with {ok} in the same session (line {at}: 235): {}",
            RULE.meaning.en
        ),
        format!(
            "{who_zh}用 {mechanisms} 登录被拒绝（535，第 {first} 行），在同一会话中改用 {ok} 登录成功（第 {at} 行：235）：{}",
            RULE.meaning.zh
        ),
    );
    Some(Finding {
        kind: RULE.kind,
        severity: RULE.severity,
        lines: Vec::new(),
        title: RULE.title.into(),
        what,
        fix: RULE.fix.into(),
        code: None,
        cause: RULE.cause,
        fix_id: RULE.fix_id,
        source: Some(RULE.source),
    })
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
        auth_refusals: Vec::new(),
        auth_successes: Vec::new(),
        replied: false,
        clear_offered: false,
        backend_verdicts: Vec::new(),
        unanswered_senders: Vec::new(),
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
    // Net::SMTP's debug prints each AUTH answer decoded on the line above its base64: that
    // line shows the password too.
    let shown_decoded = |number: usize| {
        number
            .checked_sub(2)
            .and_then(|i| lines.get(i))
            .filter(|l| l.number + 1 == number && l.raw.contains(">>> (decoded) "))
            .map(|l| l.number)
    };
    let decoded_lines: Vec<usize> = d.exposed.iter().filter_map(|n| shown_decoded(*n)).collect();
    d.exposed.extend(decoded_lines);
    d.credentials();
    d.saslauthd_cause();
    d.backend_verdict();
    d.recovered_logins();
    d.unanswered_senders();
    d.reached_on_another_address(events);
    d.greylisted_from_a_pool(lines);
    d.challenge_response_refused_alone();
    d.greeted_by_another_server(lines);
    d.unauthenticated_over_ipv6(lines);
    d.particular_fixes(lines);
    d.accepted_then_bounced(lines);
    d.dkim_key_behind_the_refusal();
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
        } else if let Some(said) = failure_said(lines, succeeded) {
            findings.insert(0, said);
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
    /// Refused AUTH exchanges, with the finding each made.
    auth_refusals: Vec<(usize, Login)>,
    /// The AUTH exchanges a 235 ended.
    auth_successes: Vec<Login>,
    /// Whether any server reply was read: a client that says the connection closed before
    /// one came cannot have been answered in clear.
    replied: bool,
    /// Whether an EHLO reply offered PLAIN or LOGIN.
    clear_offered: bool,
    /// What the server's authentication service said of a login (Dovecot's "Password
    /// mismatch"): the rule, the line, the user and the message.
    backend_verdicts: Vec<(&'static Rule, usize, Option<String>, String)>,
    /// MAIL FROM lines whose path is neither an address nor `<>`, with no reply to them in
    /// the log: the path and the line.
    unanswered_senders: Vec<(String, usize)>,
    formats: &'a [Format],
}

impl Diagnoser<'_> {
    /// The program on the user's side that is the client in the log's sessions, when the
    /// log's form says which: Exim in its `-v` output, sSMTP, msmtp … in their own.
    fn session_client(&self) -> Option<&'static str> {
        if self.formats.contains(&Format::EximVerbose) {
            Some("exim")
        } else if self.formats.contains(&Format::Ssmtp) {
            Some("ssmtp")
        } else if self.formats.contains(&Format::GitSendEmail) {
            Some("git-send-email")
        } else if self.formats.contains(&Format::SendEmail) {
            Some("sendEmail")
        } else if self.formats.contains(&Format::Msmtp) {
            Some("msmtp")
        } else {
            None
        }
    }

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
            Ok(Command::Auth { mechanism, initial }) => {
                let s = self.state(session);
                s.login_initial = (mechanism.eq_ignore_ascii_case("LOGIN")
                    && initial.as_deref().is_some_and(|i| i != "="))
                .then_some(line);
                s.auth_step = step;
                s.auth_mechanism = Some(short(mechanism, 20).to_ascii_uppercase());
                s.auth_lines = vec![line];
                s.pending_user = None;
                s.invalid_base64 = false;
            }
            Ok(Command::Mail(p)) => {
                if !p.address.is_empty()
                    && !p.address.contains('@')
                    && self.unanswered_senders.len() < 16
                {
                    self.unanswered_senders.push((p.address.clone(), line));
                }
                let s = self.state(session);
                s.mail = Some((p.address.clone(), line));
                s.mail_accepted = false;
                s.refused = None;
                s.rcpts.clear();
            }
            Ok(Command::Rset) => {
                let s = self.state(session);
                s.mail = None;
                s.mail_accepted = false;
                s.refused = None;
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

    /// A MAIL FROM whose path is no address (a display name, a bare user name) and that
    /// no reply in the log answers, before a failure the log shows only as the program's
    /// own message: its likely cause. RFC 5321 §4.1.2 (Reverse-path = Path: a Mailbox,
    /// local-part "@" domain).
    fn unanswered_senders(&mut self) {
        let Some((path, line)) = self.unanswered_senders.first().cloned() else {
            return;
        };
        // Only as the cause of a failure the log shows and names no cause for (the program's
        // "Error sending email: …"): some servers (Postfix, for local submission) qualify a
        // bare user name with their own domain and take it, and a reply that says why
        // (Exmail's "mail from address must be same as authorization user") is the cause.
        let unexplained = default_cause(FindingKind::OtherFailure).0;
        let failed = self.findings.list.iter().any(|f| {
            f.decides() && f.severity == Severity::Error && f.lines.iter().any(|l| *l > line)
        });
        let explained = self.findings.list.iter().any(|f| {
            f.decides()
                && f.severity == Severity::Error
                && f.cause != unexplained
                && f.lines.iter().any(|l| *l > line)
        });
        if explained {
            return;
        }
        if !failed {
            return;
        }
        let quote = format!("MAIL FROM:<{}>", short(&path, 80));
        self.findings.add(rule_finding(
            &rules::sender_syntax::RULE,
            &quote,
            None,
            vec![line],
        ));
    }

    /// A server that could not be reached on one address and was reached later on another
    /// (Postfix's `connect to host[IPv6]:25: Network is unreachable`, then `relay=host[IPv4]
    /// … status=sent`; Exim's `H=host [IPv6] Network is unreachable`, then the same message
    /// talking to `H=host [IPv4]`): the first is a side note, not the outcome.
    fn reached_on_another_address(&mut self, events: &[Event]) {
        let unreachable = default_cause(FindingKind::ConnectionFailed).0;
        let logs: Vec<(usize, &LogLine)> = events
            .iter()
            .filter_map(|e| match e {
                Event::Log { line, log } => Some((*line, log)),
                _ => None,
            })
            .collect();
        for f in &mut self.findings.list {
            if f.cause != unreachable || f.severity != Severity::Error {
                continue;
            }
            let hosts: Vec<&str> = f
                .lines
                .iter()
                .filter_map(|l| logs.iter().find(|(n, _)| n == l))
                .filter_map(|(_, log)| host_named(&log.message))
                .collect();
            let last = f.lines.last().copied().unwrap_or(0);
            let reached = !hosts.is_empty()
                && hosts.iter().all(|host| {
                    logs.iter().any(|(n, log)| {
                        *n > last
                            && log.event != LogEvent::Unreachable
                            && host_named(&log.message) == Some(host)
                    })
                });
            if reached {
                f.severity = Severity::Info;
                f.title = Text::from(Tr::new(
                    "One address of the server could not be reached",
                    "服务器的一个地址连不上",
                ));
                f.what = f.what.clone().join(&Text::from(Tr::new(
                    "A later line shows the same server reached on another address (often: no IPv6 route, then IPv4): this attempt is not what decided the outcome.",
                    "后面的日志行显示同一台服务器通过另一个地址连上了（常见情况：没有 IPv6 路由，随后改用 IPv4）：这次尝试并不决定结果。",
                )));
            }
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
        self.replied = true;
        if let Some(Request::Command { line, .. }) = to {
            self.unanswered_senders.retain(|(_, l)| l != line);
        }
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
                let own_client = self.session_client();
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
                        own_server: None,
                        own_client,
                        delivery_agent: None,
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
                let mut clear_offered = false;
                let s = self.state(session);
                s.helo = true;
                s.plain_helo = verb == Some("HELO");
                let bare_end = verb == Some("EHLO")
                    && reply_lines.len() > 1
                    && reply_lines
                        .last()
                        .is_some_and(|l| l.trim().is_empty() || l.trim() == "250");
                for line in reply_lines.iter().flat_map(|l| unjoined(l)) {
                    let upper = line.to_ascii_uppercase();
                    if let Some(mechs) = upper
                        .strip_prefix("AUTH ")
                        .or_else(|| upper.strip_prefix("AUTH="))
                    {
                        if mechs
                            .split_ascii_whitespace()
                            .any(|m| m == "PLAIN" || m == "LOGIN")
                        {
                            clear_offered = true;
                        }
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
                self.clear_offered |= clear_offered;
                if bare_end {
                    let rule = &rules::ehlo_bare::RULE;
                    self.findings
                        .add(rule_finding(rule, "250", None, vec![first, last]));
                }
                return;
            }
            235 => {
                let s = self.state(session);
                s.authenticated = s.pending_user.clone();
                s.auth_ok = Some(last);
                s.auth_step = None;
                let login = s.login(session, last, code);
                if self.auth_successes.len() < MAX_STEPS {
                    self.auth_successes.push(login);
                }
                return;
            }
            334 => {
                let login = self.state(session).login_initial.take();
                let first_answer = matches!(request, Request::Command { .. });
                let asks_user =
                    super::sasl::prompt(&super::sasl::decode(super::Field::Challenge, text))
                        == super::sasl::Prompt::User;
                if let (Some(auth_line), true, true) = (login, first_answer, asks_user) {
                    self.login_initial_ignored(auth_line, first, text);
                }
                return;
            }
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
        // A 503 to RCPT, DATA or BDAT after the transaction's MAIL FROM (or every RCPT TO)
        // was refused: the client went on (a pipelining client sends them all before the
        // first reply), and the server has no transaction. The cause is that refusal, not
        // the order of the commands.
        if code == 503 && matches!(verb, Some("RCPT" | "DATA" | "BDAT")) {
            if let Some(index) = self.state(session).refused {
                self.findings.attach(index, &lines);
                self.code_findings.push((code, index));
                return;
            }
        }
        // A 530 "authentication required" after the session's AUTH was refused: the client
        // went on without a login (Exim does), and the cause is the refused login.
        let wants_login = code == 530 && !text.to_ascii_lowercase().contains("tls");
        let s = self.state(session);
        if let (true, Some(index), None) = (wants_login, s.auth_refused, &s.authenticated) {
            if verb == Some("MAIL") {
                s.refused = Some(index);
            }
            self.findings.attach(index, &lines);
            self.code_findings.push((code, index));
            return;
        }
        let before = self.findings.list.len();
        let own_client = self.session_client();
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
                own_server: None,
                own_client,
                delivery_agent: None,
            },
        );
        let s = self.state(session);
        if verb == Some("MAIL") || (verb == Some("RCPT") && s.rcpts.is_empty()) {
            s.refused = s.refused.or(index);
        }
        if let Some(index) = index {
            if self.findings.list.len() > before
                || !self.code_findings.iter().any(|(c, _)| *c == code)
            {
                self.code_findings.push((code, index));
            }
        }
        if auth {
            let s = self.state(session);
            s.auth_refused = s.auth_refused.or(index);
            s.auth_step = None;
            let login = s.login(session, last, code);
            if let Some(index) = index {
                if self.auth_refusals.len() < MAX_STEPS {
                    self.auth_refusals.push((index, login));
                }
            }
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
        s.refused = None;
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
        let mut accepted = finding(
            FindingKind::Delivered,
            Severity::Success,
            lines,
            Tr::new("The transaction succeeded", "事务成功"),
            Text::new(en, zh),
            Text::from(Tr::new(
                "Nothing to fix. If the mail never arrives, look in the recipient's spam folder, and in the server's mail log for the queue id.",
                "无需修改。如果收件人没收到，请查看对方的垃圾邮件文件夹，并在服务器的邮件日志中按队列号查找。",
            )),
        );
        accepted.code = Some(250);
        self.findings.add(accepted);
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
        let plain_helo = state.plain_helo && state.authenticated.is_none();
        let mail_accepted = state.mail_accepted;
        let mail = state.mail.clone();
        let auth_ok = state.auth_ok;

        let code = f.code;
        let lower = f.text.to_ascii_lowercase();
        let quote = quote(if f.inferred { None } else { code }, f.enhanced, f.text);
        // A line without a basic code may still carry the enhanced one (.NET's "The server
        // response was: 5.7.57 …"): its first digit is the class.
        let class = code.map(|c| c / 100).or_else(|| {
            f.enhanced
                .and_then(|e| e.get(..1))
                .and_then(|d| d.parse::<u16>().ok())
        });
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
            own_client: f.own_client,
            delivery_agent: f.delivery_agent,
            // sSMTP shows a multi-line reply's last line alone: its EHLO reply's list is
            // not all there.
            auth_not_in_ehlo: helo
                && auth_offered.is_none()
                && !self.formats.contains(&Format::Ssmtp),
            plain_helo,
            replied: self.replied,
            plain_without_initial: matches!(
                f.command,
                Some(Command::Auth { mechanism, initial: None }) if mechanism.eq_ignore_ascii_case("PLAIN")
            ),
        };
        if let Some(rule) = rules::classify(&evidence) {
            let chosen = self.state(session).auth_mechanism.clone();
            let extra = if rule.cause == "auth-not-advertised" && starttls_offered {
                Some(Text::from(Tr::new(
                    "This server's EHLO reply lists STARTTLS: AUTH comes after it.",
                    "这台服务器的 EHLO 回复列出了 STARTTLS：AUTH 在它之后才提供。",
                )))
            } else if rule.cause == "mechanism-rejected" {
                // What the EHLO reply offered beside what the client chose, when the log
                // shows both and the choice is not among the offer.
                match (&auth_offered, &chosen) {
                    (Some(offered), Some(chosen))
                        if !offered
                            .split_ascii_whitespace()
                            .any(|m| m.eq_ignore_ascii_case(chosen)) =>
                    {
                        Some(Text::new(
                            format!("Here the client chose AUTH {chosen}, and this server's EHLO reply offers AUTH {offered}."),
                            format!("这里客户端选择了 AUTH {chosen}，而这台服务器的 EHLO 回复提供的是 AUTH {offered}。"),
                        ))
                    }
                    _ => None,
                }
            } else if rule.cause == "sender-ip-blocklisted"
                && f.own_server.is_some()
                && lower.contains("spamhaus")
            {
                // docker-mailserver/docker-mailserver#4403: every sender refused, Gmail too.
                Some(Text::from(Tr::new(
                    "Here it is your own server that refused a client. If it refuses every sender, even the large providers, the lookup fails rather than lists: queried through a public or cloud resolver, Spamhaus answers with an error code (127.255.255.x), which a DNSBL setting without a reply filter counts as a listing. Use your own resolver or Spamhaus' DQS key, and count only real listings (postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]).",
                    "这里是你自己的服务器拒绝了一个客户端。如果它拒绝所有发件方，连大型服务商也不例外，那就是查询失败而不是真的被列入：通过公共或云主机的解析器查询时，Spamhaus 返回错误代码（127.255.255.x），而没有设置返回值过滤的 DNSBL 配置会把它当作已列入。请使用自己的解析器或 Spamhaus 的 DQS 密钥，并只计算真正的列入结果（postscreen_dnsbl_sites = zen.spamhaus.org=127.0.0.[2..11]）。",
                )))
            } else if rule.cause == "server-configuration-problem"
                && (lower.contains("fatal: ") || lower.contains("bad command startup"))
            {
                Some(Text::from(Tr::new(
                    "Here it is a Postfix daemon that stops as it starts, on a setting the line names (an empty virtual_mailbox_base, a map that cannot be opened); master(8) then restarts it more and more slowly (\"bad command startup -- throttling\") and the mail waits in the queue. Fix that setting in main.cf (`postconf -n` shows it), or stop routing mail to that transport, then `postfix reload`.",
                    "这里是 Postfix 的某个守护进程一启动就因该行所写的设置而退出（virtual_mailbox_base 为空、打不开的映射文件）；master(8) 随后会越来越慢地重启它（\"bad command startup -- throttling\"），邮件则留在队列中。修正 main.cf 中的这项设置（`postconf -n` 可查看），或不再把邮件交给这个传输，然后 `postfix reload`。",
                )))
            } else if rule.cause == "sender-ip-blocklisted"
                && f.own_server.is_none()
                && lower.contains("spamhaus")
            {
                // docker-mailserver/docker-mailserver#2704: Microsoft 365's own servers
                // "blocked using zen.spamhaus.org".
                Some(Text::from(Tr::new(
                    "If the blocked address is a large provider's sending server (Microsoft 365's, Google's), it is almost certainly not listed: the receiving server's lookups through a public resolver fail, and it counts Spamhaus' error answer as a listing. Look the address up at check.spamhaus.org; if it is not listed, only the recipient's postmaster can fix it.",
                    "如果被拦截的地址是大型服务商的发信服务器（Microsoft 365、Google 的），它几乎不可能真的被列入：是收件服务器通过公共解析器的查询失败了，并把 Spamhaus 的错误应答当成了已列入。在 check.spamhaus.org 查一下这个地址；如果没有被列入，只有收件方的邮件管理员能修复。",
                )))
            } else if rule.cause == "spf-fail"
                && ["ip=172.", "ip=10.", "ip=192.168."]
                    .iter()
                    .any(|p| lower.contains(p))
            {
                // docker-mailserver/docker-mailserver#611: Postfix in a container saw
                // Docker's gateway, not Microsoft's server.
                Some(Text::from(Tr::new(
                    "The address SPF was checked for is a private one (ip= in the line): the receiving server saw its own network's gateway (a container's, a proxy's) instead of the sending server, and no sender's SPF can list that. Fix the receiving side: let the mail server see the client's real address (Docker: publish the ports so the source address is kept), rather than changing the sender's SPF.",
                    "做 SPF 检查时用的是一个私有地址（行中的 ip=）：收件服务器看到的是它自己网络的网关（容器或代理的），而不是发信服务器，任何发件人的 SPF 都不可能列入它。应修正收件一方：让邮件服务器看到客户端的真实地址（Docker：发布端口时保留源地址），而不是去改发件人的 SPF。",
                )))
            } else if rule.cause == rules::tls_version::RULE.cause && f.own_server.is_some() {
                Some(Text::from(Tr::new(
                    "Here it is your own server that found nothing in common with a client: the sending side offers only old protocols or ciphers (SSLv3's). Its administrator must update it; do not weaken your server for it.",
                    "这里是你自己的服务器与某个客户端找不到共同点：发送方只提供旧的协议或加密套件（SSLv3 的）。应由它的管理员升级；不要为它降低你的服务器的安全设置。",
                )))
            } else if rule.cause == rules::helo_not_ehlo::RULE.cause
                && self.formats.contains(&Format::SmtpCli)
            {
                Some(Text::from(Tr::new(
                    "smtp-cli sends EHLO only when the server's greeting says \"ESMTP\", and this one's does not: run it again with --force-ehlo.",
                    "smtp-cli 只在服务器的问候语中含有“ESMTP”时才发送 EHLO，而这台服务器的问候语中没有：加上 --force-ehlo 再运行一次。",
                )))
            } else if rule.cause == "ssmtp-cannot-open" && lower.starts_with("cannot open mail:25")
            {
                Some(Text::from(Tr::new(
                    "Here it is mail:25, the mailhub of the ssmtp.conf Debian ships (mailhub=mail): this ssmtp was never set to a mail server.",
                    "这里是 mail:25，即 Debian 自带的 ssmtp.conf 中的 mailhub（mailhub=mail）：这个 ssmtp 从来没有被设置到某个邮件服务器。",
                )))
            } else {
                None
            };
            if f.auth {
                lines.extend(self.state(session).auth_lines.iter().copied());
            }
            return Some(rule_finding(rule, &quote, extra, lines));
        }

        let context = rules::Context {
            code,
            enhanced: f.enhanced,
            lower,
            quote,
            class,
            verb: f.verb,
            command: f.command,
            address: f.address.clone(),
            auth: f.auth,
            greeting: f.greeting,
            log_user: f.log_user,
            authenticated,
            pending_user,
            auth_offered,
            starttls_offered,
            size_limit,
            invalid_base64,
            helo,
            mail_accepted,
            mail,
            auth_ok,
            formats: self.formats,
        };
        rules::decide(&context, &mut lines)
    }

    /// Log lines: joined to the finding their reply produced, or findings of their own.
    fn log(&mut self, line: usize, log: &LogLine) {
        // A program that refuses its own sender before it sends anything: gomail's `invalid
        // address "\"Jane Test\" <>": mail: invalid string` (gogs/gogs#3487, an empty
        // [mailer] USER): a display name with no address in it.
        if !log.server_side
            && log.code.is_none()
            && log.message.contains("invalid address")
            && log.message.contains(" <>\"")
        {
            let rule = &rules::sender_syntax::RULE;
            let quote = short(&log.text, MAX_QUOTE);
            self.findings
                .add(rule_finding(rule, &quote, None, vec![line]));
            return;
        }
        if let Some((verdict, user)) = rules::backend_verdict::read(&log.message) {
            let rule = verdict.rule();
            if self.backend_verdicts.len() < MAX_STEPS {
                let user = user.map(|u| short(u, 100));
                self.backend_verdicts
                    .push((rule, line, user, short(&log.message, MAX_QUOTE)));
            }
        }
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
        // PHPMailer's words for what followed a refusal (yandex, PHPMailer/PHPMailer#283:
        // `The following From address failed: … : Called Mail() without being connected`):
        // part of the refusal before them, not a failure of their own.
        if !log.server_side
            && log.code.is_none()
            && log.text.contains("Called Mail() without being connected")
        {
            if let Some(index) = self.findings.list.len().checked_sub(1) {
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
        // Or a mail server's log saying the next server took it (Postfix's `status=sent (250
        // …)`): a delivery, as the poster of haraka/Haraka#1593 read it.
        if log.event == LogEvent::Delivered && log.code == Some(250) {
            self.delivered(u32::MAX, line, line, &log.text);
            return;
        }
        // Delivered, with an error of the delivering program's beside it.
        let lower = log.message.to_ascii_lowercase();
        if log.event == LogEvent::Delivered && rules::dovecot_stats::applies(&lower) {
            let rule = &rules::dovecot_stats::RULE;
            let quote = lower
                .find("error:")
                .and_then(|at| log.message.get(at..))
                .unwrap_or(&log.message);
            self.findings.add(rule_finding(
                rule,
                &short(quote, MAX_QUOTE),
                None,
                vec![line],
            ));
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
                    | LogEvent::Deferred
                    | LogEvent::AuthNotOffered
                    | LogEvent::Unreachable
                    | LogEvent::TimedOut
                    | LogEvent::AuthFailed
                    | LogEvent::TlsFailed
            );
        // A client that left (Postfix smtpd's `lost connection after AUTH`) after a failure
        // the log already shows is part of that failure; alone, it is one of its own.
        if log.event == LogEvent::ClientLeft {
            if let Some(index) = self.findings.list.len().checked_sub(1) {
                self.findings.attach(index, &[line]);
                return;
            }
        }
        if !failing && log.event != LogEvent::ClientLeft {
            return;
        }
        // git send-email's "Unable to initialize SMTP properly" after the TLS error that
        // says why (`--smtp-debug`'s IO::Socket::SSL lines): part of that finding.
        if log.program == "git-send-email" && log.event == LogEvent::Unreachable {
            if let Some(index) = self
                .findings
                .list
                .iter()
                .position(|f| f.cause.starts_with("tls-"))
            {
                self.findings.attach(index, &[line]);
                return;
            }
        }
        // swaks' "STARTTLS attempted but failed" after the line that says why.
        if log.event == LogEvent::TlsFailed {
            let certificate = rules::tls_certificate::RULE.cause;
            if let Some(index) = self
                .findings
                .list
                .iter()
                .position(|f| f.cause == certificate)
            {
                self.findings.attach(index, &[line]);
                return;
            }
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
        let own_server = (log.server_side
            && !log.program.ends_with("/smtp")
            && !log.program.ends_with("/lmtp")
            && !log.message.contains(" said:")
            // Exim's `SMTP error from remote mail server after RCPT TO:…: 550 …`.
            && !log.message.contains("error from remote mail server"))
        .then_some(log.program.as_str());
        // `… said: 530 …`, or its verbose log's `< host[addr]:587: 530 …`.
        // `… said: 530 …`, or its verbose log's `< host[addr]:587: 530 …`; Exim's
        // `SMTP error from remote mail server after MAIL FROM:…: 530 …`.
        let own_client =
            if ["ssmtp", "git-send-email", "sendEmail", "msmtp"].contains(&log.program.as_str()) {
                Some(log.program.as_str())
            } else {
                (log.server_side
                    && ((log.program.ends_with("/smtp")
                        && (log.message.contains(" said:") || log.message.starts_with("< ")))
                        || (log.program == "exim"
                            && log.message.contains("error from remote mail server"))))
                .then_some(log.program.as_str())
            };
        let delivery_agent = (log.server_side
            && ["/lmtp", "/local", "/virtual", "/pipe", "/error", "/qmgr"]
                .iter()
                .any(|a| log.program.ends_with(a))
            && !log.message.contains(" said:"))
        .then_some(log.program.as_str());
        let before = self.findings.list.len();
        let index = self.failure(
            u32::MAX,
            Failure {
                code,
                enhanced: log.enhanced.as_deref(),
                text: &log.text,
                verb: log.verb,
                command: None,
                // s_client's `RENEGOTIATING` is about the line typed just before it.
                lines: if log.program == "openssl s_client" {
                    vec![line.saturating_sub(1).max(1), line]
                } else {
                    vec![line]
                },
                address: log.address.clone(),
                auth,
                greeting: log.verb == Some("CONNECT"),
                log_user: log.user.as_deref(),
                inferred: log.code.is_none(),
                own_server,
                own_client,
                delivery_agent,
            },
        );
        // Several log lines about the same kind of failure make one finding.
        if let Some(index) = index.filter(|i| *i >= before) {
            let kind = self.findings.list.get(index).map(|f| f.kind);
            let code = self.findings.list.get(index).and_then(|f| f.code);
            // Or the program's own words for the failure on the line before, without a
            // code (PHPMailer's "SMTP Error: data not accepted."), whatever the reply's kind.
            let words_before = before.checked_sub(1).filter(|i| {
                self.findings.list.get(*i).is_some_and(|f| {
                    f.code.is_none()
                        && f.kind == FindingKind::OtherFailure
                        && f.cause == default_cause(FindingKind::OtherFailure).0
                        && f.lines.last().is_some_and(|l| l + 1 == line)
                })
            });
            let earlier = self
                .findings
                .list
                .iter()
                .take(before)
                .position(|f| Some(f.kind) == kind)
                .or(words_before.filter(|_| code.is_some()));
            if let Some(earlier) = earlier {
                let later = (index < self.findings.list.len())
                    .then(|| self.findings.list.swap_remove(index));
                self.findings.list.truncate(before);
                let uncoded = self
                    .findings
                    .list
                    .get(earlier)
                    .is_some_and(|f| f.code.is_none());
                match (later, self.findings.list.get_mut(earlier)) {
                    // A program's own words first ("SMTP Error: data not accepted."), then
                    // the reply they stand for (PHPMailer's `… SMTP code: 554`): the
                    // reply's finding, with both lines.
                    (Some(mut later), Some(f)) if uncoded && code.is_some() => {
                        later.lines.extend(f.lines.iter().copied());
                        later.lines.sort_unstable();
                        later.lines.dedup();
                        later.lines.truncate(MAX_FINDING_LINES);
                        *f = later;
                    }
                    // The later reply is the one that counts (534, then 535).
                    (_, Some(f)) => {
                        if !f.lines.contains(&line) && f.lines.len() < MAX_FINDING_LINES {
                            f.lines.push(line);
                            f.lines.sort_unstable();
                        }
                        if code.is_some() {
                            f.code = code;
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    /// OpenDKIM's refused key explains the temporary refusal the sending program got (`SMTP
    /// error: [451] 4.7.1 Service unavailable - try again later`, mailcow/mailcow#249): one
    /// finding, the cause with the refusal's code and lines.
    fn dkim_key_behind_the_refusal(&mut self) {
        let Some(key) = self
            .findings
            .list
            .iter()
            .position(|f| f.cause == "dkim-signing-key-unsafe")
        else {
            return;
        };
        let Some(refusal) =
            self.findings.list.iter().position(|f| {
                f.kind == FindingKind::Temporary && f.code.is_some_and(|c| c / 100 == 4)
            })
        else {
            return;
        };
        let removed = self.findings.list.remove(refusal);
        let key = if refusal < key { key - 1 } else { key };
        if let Some(f) = self.findings.list.get_mut(key) {
            f.code = removed.code;
            f.lines.extend(removed.lines);
            f.lines.sort_unstable();
            f.lines.dedup();
            f.lines.truncate(MAX_FINDING_LINES);
        }
    }

    /// A general cause whose lines show the particular case, with its own fix: your own
    /// Postfix wanting TLS from a content filter on loopback (oblien/openship#392), the
    /// spam filters' GTUBE test string (docker-mailserver#3323), a loop between two MTAs
    /// that share a host name (mailcow-dockerized#2518: "greeted me with my own hostname").
    fn particular_fixes(&mut self, lines: &[Line]) {
        let raw_of = |f: &Finding| -> String {
            f.lines
                .iter()
                .filter_map(|n| n.checked_sub(1).and_then(|i| lines.get(i)))
                .map(|l| l.raw.to_ascii_lowercase())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let own_hostname = lines.iter().any(|l| {
            l.raw.contains("greeted me with my own hostname")
                || l.raw.contains("replied to HELO/EHLO with my own hostname")
        });
        // The user's own MTA passed the message on: its bounce or its log.
        let own_mta = lines.iter().any(|l| {
            matches!(
                l.format,
                Some(Format::Bounce | Format::PostfixLog | Format::EximLog | Format::SendmailLog)
            )
        });
        // The recipient's domain a log line names (`to=dest@example.com`), for a relay host
        // told apart from the destination.
        let recipient_domain = lines.iter().find_map(|l| {
            let (_, to) = l.raw.split_once("to=")?;
            let address = to.split([',', ' ', '>']).next()?.trim_start_matches('<');
            let (_, domain) = address.rsplit_once('@')?;
            (!domain.is_empty()).then(|| domain.to_ascii_lowercase())
        });
        // msmtp saying which sender the server refused.
        let envelope_from_refused = lines
            .iter()
            .any(|l| l.raw.contains("envelope from address ") && l.raw.contains("not accepted"));
        // The user's own OpenSMTPD: its log lines, or its greeting on a connection to this
        // machine (`nc localhost 25`).
        let opensmtpd_log = lines.iter().any(|l| l.raw.contains("smtp-in: session "));
        let opensmtpd_greeting = lines.iter().any(|l| l.raw.contains("ESMTP OpenSMTPD"));
        let local = lines.iter().any(|l| {
            l.raw.trim_start().starts_with("$ ")
                && ["localhost", "127.0.0.1", "::1"]
                    .iter()
                    .any(|h| l.raw.contains(h))
        });
        let own_opensmtpd = opensmtpd_log || (opensmtpd_greeting && local);
        // Django's SMTP backend sending (django/core/mail/backends/smtp.py's `_send`).
        let django = lines.iter().any(|l| {
            l.raw
                .contains("self.connection.sendmail(from_email, recipients")
                || l.raw.contains("django/core/mail/")
        });
        for index in 0..self.findings.list.len() {
            let Some(f) = self.findings.list.get(index) else {
                continue;
            };
            let raw = raw_of(f);
            let fix = if f.cause == "starttls-not-offered"
                && ["127.0.0.1", "[::1]", "localhost"]
                    .iter()
                    .any(|h| raw.contains(h))
            {
                Some((rules::FILTER_TLS_FIX, Tr::new(
                    "The server that offers no STARTTLS is on this machine (a content filter such as amavis or a milter's port): it is your own Postfix that demands TLS there, by smtp_tls_security_level = encrypt. Keep TLS for the internet and turn it off for that transport in master.cf (`-o smtp_tls_security_level=none` on the filter's smtp service), then `postfix reload`.",
                    "不提供 STARTTLS 的服务器就在本机上（amavis 之类的内容过滤器，或某个 milter 的端口）：是你自己的 Postfix 通过 smtp_tls_security_level = encrypt 在那里要求 TLS。对互联网保留 TLS，在 master.cf 中为那个传输关闭它（在过滤器的 smtp 服务上加 `-o smtp_tls_security_level=none`），然后 `postfix reload`。",
                )))
            } else if f.cause == "nothing-listening"
                && raw.contains("postfix/smtp")
                && ["127.0.0.1]:10024", "[::1]:10024"]
                    .iter()
                    .any(|h| raw.contains(h))
            {
                // amavis's port on this machine: the content filter Postfix hands mail to.
                Some((rules::CONTENT_FILTER_FIX, Tr::new(
                    "The refused port is 10024 on this very machine, amavis's: your Postfix hands every message to the content filter its content_filter setting names, and nothing answers there. Start amavis; or, if it was turned off on purpose, empty the setting (`postconf -e content_filter=`, and any `-o content_filter=` in master.cf; in docker-mailserver ENABLE_AMAVIS=0 is meant to do it, and an image that leaves the setting in place needs the postconf line) and `postfix reload`, then `postqueue -f` for the waiting mail.",
                    "被拒绝的是本机的 10024 端口，也就是 amavis 的端口：你的 Postfix 把每封邮件都交给 content_filter 设置所指定的内容过滤器，而那里没有程序应答。启动 amavis；或者，如果是有意关掉它的，就清空这项设置（`postconf -e content_filter=`，以及 master.cf 中的 `-o content_filter=`；在 docker-mailserver 中 ENABLE_AMAVIS=0 本应做到这一点，若镜像仍保留该设置，就需要那条 postconf 命令），然后 `postfix reload`，再用 `postqueue -f` 投递等待中的邮件。",
                )))
            } else if f.cause == "helo-name-refused"
                && raw.contains("postfix/smtpd")
                && raw.contains("helo command rejected")
            {
                Some((rules::OWN_CLIENTS_HELO_FIX, Tr::new(
                    "This is your own Postfix refusing a client's HELO name. If the clients are your own users (a PC says its Windows name, such as FRONTDESKPC, which no client can be expected to change), exempt them rather than the other way round: in smtpd_helo_restrictions put permit_mynetworks and permit_sasl_authenticated before reject_non_fqdn_helo_hostname and reject_invalid_helo_hostname (and let them submit on port 587 with a login), then `postfix reload`. Keep the check for strangers on port 25.",
                    "这是你自己的 Postfix 拒绝了客户端的 HELO 名字。如果这些客户端是你自己的用户（电脑报出的是它的 Windows 名字，比如 FRONTDESKPC，不能指望客户端去改），就豁免他们，而不是反过来：在 smtpd_helo_restrictions 中把 permit_mynetworks 和 permit_sasl_authenticated 放在 reject_non_fqdn_helo_hostname 与 reject_invalid_helo_hostname 之前（并让他们通过 587 端口登录后提交），然后 `postfix reload`。对 25 端口上的陌生客户端保留这项检查。",
                )))
            } else if f.cause == "starttls-not-offered" && delivering(&raw) {
                Some((rules::PLAINTEXT_DELIVERY_FIX, Tr::new(
                    "This is your own mail server delivering to the recipient's server (its MX), which offers no STARTTLS. Between mail servers TLS is opportunistic: a server that demands it of every MX cannot deliver to those without it (RFC 3207 §4: a publicly referenced server may not require TLS for the mail it takes, so it need not offer it either; RFC 7435: opportunistic security). Let delivery go on without TLS where none is offered (Postfix: smtp_tls_security_level = may; another server's own setting for it, or an update of the program that adds one), and demand TLS only for the destinations you know offer it.",
                    "这是你自己的邮件服务器在向收件方服务器（它的 MX）投递，而对方不提供 STARTTLS。邮件服务器之间的 TLS 是“有则用之”：要求每个 MX 都必须支持 TLS 的服务器，无法向不支持的服务器投递（RFC 3207 §4：公开使用的服务器不得为它接收的邮件强制要求 TLS，因此也不一定提供 TLS；RFC 7435：机会性安全）。对不提供 TLS 的服务器允许不加密投递（Postfix：smtp_tls_security_level = may；其他服务器用各自的设置，或者更新到提供这项设置的程序版本），只对确知支持 TLS 的目的地要求 TLS。",
                )))
            } else if f.cause == "message-judged-spam"
                && (raw.contains("gtube") || f.what.en.to_ascii_lowercase().contains("gtube"))
            {
                Some((rules::GTUBE_FIX, Tr::new(
                    "The message contained GTUBE, the test string every spam filter refuses on sight: the refusal shows the filter works. Test delivery with an ordinary message instead.",
                    "邮件中含有 GTUBE——所有垃圾邮件过滤器一见就拒收的测试字符串：这次拒收说明过滤器在正常工作。请改用一封普通邮件测试投递。",
                )))
            } else if f.cause == rules::SES_CAUSE
                && own_mta
                && rules::names_public_mailbox(
                    &(raw.clone() + " " + &f.what.en.to_ascii_lowercase()),
                )
            {
                Some((rules::FORWARDED_SENDER_FIX, Tr::new(
                    "The address SES refuses is someone's at a public mail provider, which no SES account can verify as its own domain, in mail your own server passed on: a message an alias or a Sieve redirect forwards to an outside mailbox leaves with its original sender. SES takes only your verified identities as the sender, so forwarded mail must leave with an address of your domain: rewrite its envelope sender as it goes out (Dovecot's Sieve: sieve_redirect_envelope_from; Postfix: SRS, with postsrsd), or let those mailboxes forward without SES.",
                    "SES 拒收的地址属于某个公共邮箱服务商的用户，任何 SES 账户都无法把那个域名验证为自己的，而这封邮件是你自己的服务器转发出去的：别名或 Sieve 重定向转发到外部邮箱的邮件，带着原来的发件人离开。SES 只接受你已验证的身份作为发件人，所以转发的邮件必须以你自己域名的地址离开：在发出时改写它的信封发件人（Dovecot 的 Sieve：sieve_redirect_envelope_from；Postfix：用 postsrsd 做 SRS），或者让这些邮箱的转发不经过 SES。",
                )))
            } else if f.cause == "unknown-user" && own_opensmtpd {
                Some((rules::OPENSMTPD_TABLE_FIX, Tr::new(
                    "The server is your own OpenSMTPD: it looks recipients up in the tables its smtpd.conf names (the aliases file, /etc/mail/aliases, and any virtual or userbase table), which it reads when it starts. Add the address there (or create the user), then load the table again: `smtpctl update table aliases` (the table's name in smtpd.conf; `newaliases` for a db table) or restart smtpd. A table not loaded again refuses an address its file already has. Its log's \"received invalid command\" beside the refusal names the command it refused, not a syntax error.",
                    "服务器是你自己的 OpenSMTPD：它在 smtpd.conf 所指定的表里查找收件人（别名文件 /etc/mail/aliases，以及任何 virtual 或 userbase 表），这些表在它启动时读取。把地址加进去（或创建该用户），然后重新载入这张表：`smtpctl update table aliases`（用 smtpd.conf 中该表的名字；db 格式的表用 `newaliases`），或者重启 smtpd。没有重新载入的表会拒收文件里其实已经有的地址。它日志里拒收旁边的 \"received invalid command\" 指的是被拒绝的那条命令，并不是语法错误。",
                )))
            } else if f.cause == "server-configuration-problem"
                && ["failed to expand", "tainted filename"]
                    .iter()
                    .any(|w| raw.contains(w))
            {
                // Exim's own words: the fix is in its configuration, not in a Postfix map.
                let id = f.fix_id;
                Some((id, Tr::new(
                    "This is for the server's administrator: Exim names the string of its configuration it could not expand and why (a variable not defined where it is used, a lookup that failed, a tainted file name). Correct that option (`exim -bV` checks the configuration; with Debian's split configuration, edit the file under /etc/exim4/conf.d and run update-exim4.conf), then restart Exim. Where a product writes the configuration from its templates (HestiaCP, MailCleaner, cPanel), fix or update the product rather than the file it writes, which its next update overwrites.",
                    "这需要服务器管理员处理：Exim 写明了它展开不了的配置字符串以及原因（在用到的地方没有定义的变量、失败的查找、被标记为 tainted 的文件名）。修正那个选项（`exim -bV` 可以检查配置；使用 Debian 的分拆配置时，修改 /etc/exim4/conf.d 下的文件并运行 update-exim4.conf），然后重启 Exim。如果配置是某个产品用它的模板生成的（HestiaCP、MailCleaner、cPanel），要修正或更新这个产品，而不是它生成的文件——下次更新会覆盖那个文件。",
                )))
            } else if f.cause == "mail-loops-back" && own_hostname {
                Some((rules::OWN_HOSTNAME_FIX, Tr::new(
                    "The server it delivers to greeted it with this server's own host name: two mail servers (say the host's own Postfix and a mail server in a container) share one name. Give each its own (Postfix: myhostname; the container's hostname), so neither takes the other for itself.",
                    "它投递的目标服务器用本服务器自己的主机名问候它：两台邮件服务器（比如宿主机自己的 Postfix 和容器里的邮件服务器）用了同一个名字。给它们各自一个名字（Postfix：myhostname；容器的 hostname），这样谁也不会把对方当成自己。",
                )))
            } else {
                None
            };
            if let (Some((id, text)), Some(f)) = (fix, self.findings.list.get_mut(index)) {
                f.fix = Text::from(text);
                f.fix_id = id;
            }
            if let Some(f) = self.findings.list.get_mut(index) {
                // Exim's parse error for an address, to the sender msmtp names as refused
                // (`envelope from address Nextcloud HPB Setup <noreply…> not accepted`,
                // `501 …: "@" or "." expected after "Nextcloud"`): a display name given as
                // the sender.
                if f.cause == "bad-syntax"
                    && raw.contains("\"@\" or \".\" expected")
                    && envelope_from_refused
                {
                    let rule = &rules::sender_syntax::RULE;
                    let code = f.code;
                    let reply = f
                        .lines
                        .iter()
                        .filter_map(|n| n.checked_sub(1).and_then(|i| lines.get(i)))
                        .find(|l| l.raw.contains("expected"))
                        .map(|l| l.raw.trim().trim_start_matches("msmtp: server message: "))
                        .unwrap_or("")
                        .to_string();
                    *f = rule_finding(rule, &short(&reply, MAX_QUOTE), None, f.lines.clone());
                    f.what = Text::new(
                        format!("The server refused the envelope sender: \"{}\". What the program gave as the sender is a display name with an address that has no domain, not an address: RFC 5321 wants local-part@domain there (or <> for a bounce), and Exim says where its parse stopped.", short(&reply, MAX_QUOTE)),
                        format!("服务器拒绝了信封发件人：\"{}\"。程序给出的发件人是一个显示名称加上一个没有域名的地址，而不是邮件地址：RFC 5321 要求这里是本地部分@域名（退信时为 <>），Exim 指出了它解析停下的位置。", short(&reply, MAX_QUOTE)),
                    );
                    f.code = code;
                }
                // OpenSMTPD relaying `via` a host whose name does not resolve
                // (OpenSMTPD/OpenSMTPD#639: `Failed to resolve MX for [relay:mysmtp.local,mx]`,
                // the recipient at example.com): the relay host's name, not the destination's.
                if f.cause == rules::destination_dns::CAUSE {
                    if let Some(host) = relay_host_apart(&raw, recipient_domain.as_deref()) {
                        let code = f.code;
                        let quote = f.what.en.split('"').nth(1).unwrap_or("").to_string();
                        let extra = Text::new(
                            format!("The name that did not resolve, {host}, is the relay host the server's configuration sends through (OpenSMTPD's `relay via`), not the recipient's domain."),
                            format!("没能解析的名字 {host} 是服务器配置中指定的中继主机（OpenSMTPD 的 `relay via`），不是收件人的域名。"),
                        );
                        *f = rule_finding(
                            &rules::host_unresolvable::RULE,
                            &quote,
                            Some(extra),
                            f.lines.clone(),
                        );
                        f.code = code;
                    }
                }
                if f.cause == "auth-required" && django {
                    (f.cause, f.fix_id) = rules::CLIENT_NOT_CONFIGURED;
                    f.what = std::mem::take(&mut f.what).join(&Text::from(Tr::new(
                        "The program is Django (its SMTP backend's `self.connection.sendmail(from_email, recipients, …)`), which logs in only when both EMAIL_HOST_USER and EMAIL_HOST_PASSWORD are set: one of them is empty in the settings it ran with.",
                        "发信程序是 Django（它的 SMTP 后端的 `self.connection.sendmail(from_email, recipients, …)`），它只在 EMAIL_HOST_USER 和 EMAIL_HOST_PASSWORD 都已设置时才登录：它运行时的设置里其中一项是空的。",
                    )));
                    f.fix = Text::from(Tr::new(
                        "Give Django the login: EMAIL_HOST_USER and EMAIL_HOST_PASSWORD in the settings the running app reads (check the name of each setting, and that the file or environment variable that fills it is read; an application may keep the password under a name of its own, such as a secrets file), with EMAIL_USE_TLS = True for port 587. `python manage.py sendtestemail you@example.com` tries it.",
                        "把登录信息交给 Django：在运行中的应用所读取的设置里填好 EMAIL_HOST_USER 和 EMAIL_HOST_PASSWORD（核对每项设置的名称，以及填充它的文件或环境变量确实被读取；应用也可能用自己的名称保存密码，比如一个 secrets 文件），587 端口再加 EMAIL_USE_TLS = True。用 `python manage.py sendtestemail you@example.com` 试一下。",
                    ));
                }
                // Postfix's own table lacks the address: when the domain's mail lives on
                // another server, this one wrongly takes the domain for its own
                // (mailcow-dockerized#893: an employer's domain added as a backup).
                let own_table = ["in virtual mailbox table", "in local recipient table"]
                    .iter()
                    .any(|t| raw.contains(t) || f.what.en.to_ascii_lowercase().contains(t));
                // Yahoo's deferral for complaints: its users marked mail from this address as
                // spam; a server that sends none may be bouncing spam to forged senders
                // (Mailu/Mailu#583: backscatter).
                if f.cause == "rate-limited" && raw.contains("due to user complaints") {
                    f.fix = std::mem::take(&mut f.fix).join(&Text::from(Tr::new(
                        "\"User complaints\" means Yahoo's users marked mail from this address as spam. If you send no bulk mail, look at what your server sends: non-delivery reports to the forged senders of spam it accepted for unknown recipients (backscatter; Postfix: reject unknown recipients during the session, smtpd_reject_unlisted_recipient = yes, and do not bounce spam), or a compromised account or form.",
                        "\"User complaints\" 表示 Yahoo 的用户把来自这个地址的邮件标记为垃圾邮件。如果你并不群发邮件，就看看你的服务器在发什么：它为发给不存在收件人的垃圾邮件向伪造的发件人发送退信（反向散射 backscatter；Postfix：在会话中就拒收未知收件人，smtpd_reject_unlisted_recipient = yes，不要为垃圾邮件退信），或者某个账户、表单被盗用。",
                    )));
                }
                if f.cause == "unknown-user" && own_table {
                    f.fix = std::mem::take(&mut f.fix).join(&Text::from(Tr::new(
                        "This is Postfix's answer from its own list of mailboxes. If your own server gave it for a domain whose mail lives on another server (an employer's, a customer's), your server takes that domain for one of its own (virtual_mailbox_domains or mydestination; in mailcow or Mailu, a domain added in the admin panel, perhaps as a backup) and never passes the mail on: remove the domain there.",
                        "这是 Postfix 根据它自己的邮箱列表给出的回答。如果是你自己的服务器对一个邮件实际在别的服务器上的域名（雇主的、客户的）给出了它，说明你的服务器把那个域名当成了自己的（virtual_mailbox_domains 或 mydestination；在 mailcow 或 Mailu 中，是在管理面板里添加的域名，也许是作为备份添加的），从不把邮件转交出去：把这个域名从那里删除。",
                    )));
                }
                if f.cause == rules::STARTTLS_CAUSE {
                    if let Some(how) = tls_how(lines, &raw) {
                        f.fix = std::mem::take(&mut f.fix).join(&Text::from(how));
                    }
                }
            }
        }
    }

    /// A message the client saw accepted (`250 … queued as 0CA4412040B`) that the same
    /// server's log then shows failing under that queue id (nodemailer/nodemailer#602): the
    /// failure says the client's success was right, and why the client never heard of it.
    fn accepted_then_bounced(&mut self, lines: &[Line]) {
        let raw_of = |f: &Finding| -> Vec<&str> {
            f.lines
                .iter()
                .filter_map(|n| n.checked_sub(1).and_then(|i| lines.get(i)))
                .map(|l| l.raw.as_str())
                .collect()
        };
        let ids: Vec<String> = self
            .findings
            .list
            .iter()
            .filter(|f| f.severity == Severity::Success)
            .flat_map(|f| raw_of(f).into_iter().filter_map(queue_id))
            .filter(|id| id.len() >= 6)
            .take(MAX_STEPS)
            .collect();
        if ids.is_empty() {
            return;
        }
        // The failures' lines, read once.
        let failed: Vec<(usize, String)> = self
            .findings
            .list
            .iter()
            .enumerate()
            .filter(|(_, f)| f.severity == Severity::Error)
            .take(MAX_STEPS)
            .map(|(i, f)| (i, raw_of(f).join("\n")))
            .collect();
        for id in ids {
            let failed = failed
                .iter()
                .find(|(_, raw)| raw.contains(&id))
                .map(|(i, _)| *i);
            let Some(f) = failed.and_then(|i| self.findings.list.get_mut(i)) else {
                continue;
            };
            f.what = std::mem::take(&mut f.what).join(&Text::new(
                format!("The program's success (\"queued as {id}\") was right: the server accepted the message then. This is the same server's own delivery of it, later, under that queue id; the client is gone by then and never hears of it: the server's bounce goes to the sender's address."),
                format!("程序报告的成功（\"queued as {id}\"）没有错：服务器当时确实接受了这封邮件。这一行是同一台服务器之后以这个队列号投递它的记录；那时客户端早已断开，不会得知结果：服务器的退信会发到发件人的地址。"),
            ));
        }
    }

    /// Gmail's refusal of an unauthenticated message that went over IPv6 (the receiving
    /// server's address in the line is one; nazo.osakana.net's log, a server without IPv6
    /// reverse DNS): Gmail wants a PTR record for the sending IPv6 address too.
    fn unauthenticated_over_ipv6(&mut self, lines: &[Line]) {
        let ipv6 = |raw: &str| {
            raw.split('[').skip(1).take(8).any(|part| {
                part.split_once(']').is_some_and(|(inside, _)| {
                    inside.matches(':').count() >= 2
                        && inside.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
                })
            })
        };
        let Some(f) = self
            .findings
            .list
            .iter_mut()
            .find(|f| f.cause == "sender-unauthenticated")
        else {
            return;
        };
        let over_ipv6 = f.lines.iter().any(|n| {
            n.checked_sub(1)
                .and_then(|i| lines.get(i))
                .is_some_and(|l| ipv6(&l.raw))
        });
        if over_ipv6 {
            f.what = f.what.clone().join(&Text::from(Tr::new(
                "It went over IPv6: Gmail also wants the sending IPv6 address to have reverse DNS (a PTR record) that matches, and many servers have none for IPv6. Add the PTR record, or let the server send over IPv4 (Postfix: inet_protocols = ipv4, or smtp_address_preference = ipv4).",
                "这次走的是 IPv6：Gmail 还要求发信的 IPv6 地址有相符的反向解析（PTR 记录），而很多服务器的 IPv6 没有。添加 PTR 记录，或者让服务器通过 IPv4 发信（Postfix：inet_protocols = ipv4，或 smtp_address_preference = ipv4）。",
            )));
        }
    }

    /// A connection to one host greeted by a server of another organization
    /// (PHPMailer/PHPMailer#484): PHPMailer's `Connection: opening to HOST:PORT`, swaks' `===
    /// Trying HOST:PORT...`, curl's `* Connected to HOST (`, then the first `220` that names
    /// a server.
    fn greeted_by_another_server(&mut self, lines: &[Line]) {
        fn asked_host(raw: &str) -> Option<&str> {
            let raw = raw.trim();
            let rest = raw
                .find("Connection: opening to ")
                .map(|at| &raw[at + "Connection: opening to ".len()..])
                .or_else(|| raw.strip_prefix("=== Trying "))
                .or_else(|| raw.strip_prefix("* Connected to "))?;
            let host = rest.split([':', ' ', ',']).next()?;
            (host.contains('.') && !host.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                .then_some(host)
        }
        let Some((at, asked)) = lines
            .iter()
            .enumerate()
            .find_map(|(i, l)| asked_host(&l.raw).map(|h| (i, h)))
        else {
            return;
        };
        let greeted = lines.iter().skip(at + 1).take(40).find_map(|l| {
            let raw = l.raw.as_str();
            let i = raw.find("220-").or_else(|| raw.find("220 "))?;
            let before = raw.get(..i)?.chars().next_back();
            if !matches!(before, None | Some(' ' | '"' | '\'' | ':')) {
                return None;
            }
            let name = raw.get(i + 4..)?.split_whitespace().next()?;
            let name =
                name.trim_matches(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'));
            (name.contains('.') && name.chars().any(|c| c.is_ascii_alphabetic()))
                .then_some((l.number, name))
        });
        let Some((number, greeted)) = greeted else {
            return;
        };
        if !rules::smtp_intercepted::another_organization(asked, greeted) {
            return;
        }
        let rule = &rules::smtp_intercepted::RULE;
        let quote = format!("{asked} → 220 {greeted}");
        let first = lines.get(at).map_or(1, |l| l.number);
        self.findings
            .add(rule_finding(rule, &quote, None, vec![first, number]));
    }

    /// Every refused login used a challenge-response mechanism while the server offered PLAIN
    /// or LOGIN, never tried: the server may be unable to check that mechanism at all
    /// (datawookie/emayili#77: Sendmail's SASL over saslauthd has no clear-text passwords
    /// for DIGEST-MD5). Said beside the wrong-password advice.
    fn challenge_response_refused_alone(&mut self) {
        let challenge =
            |m: &str| m.starts_with("CRAM-") || m.starts_with("DIGEST-") || m.starts_with("SCRAM-");
        let Some((index, first)) = self.auth_refusals.first() else {
            return;
        };
        let all = self
            .auth_refusals
            .iter()
            .all(|(i, l)| i == index && l.mechanism.as_deref().is_some_and(challenge));
        let Some(m) = first
            .mechanism
            .clone()
            .filter(|_| all && self.clear_offered)
        else {
            return;
        };
        let index = *index;
        if let Some(f) = self.findings.list.get_mut(index) {
            if f.cause != "wrong-credentials" {
                return;
            }
            f.what = f.what.clone().join(&Text::new(
                format!("If the password is right, the server may be unable to check {m} at all: it needs the password (or a hash made for {m}) in its own store, and a server that checks passwords through saslauthd, PAM or LDAP cannot; PLAIN and LOGIN, which it also offers, it can. Try one of them, inside TLS."),
                format!("如果密码没错，服务器可能根本无法校验 {m}：它需要在自己的库中保存密码（或为 {m} 生成的散列），而通过 saslauthd、PAM 或 LDAP 校验密码的服务器做不到；它同时提供的 PLAIN 和 LOGIN 则可以校验。在 TLS 中改用其中之一试试。"),
            ));
        }
    }

    /// Greylisting that refuses each retry as new because each comes from another host of
    /// the sender's pool (schweikert/postgrey#47: OVH's `8.mo64.mail-out.ovh.net`, then
    /// `10.mo64…`): the triplet is never seen twice, and waiting does not help.
    fn greylisted_from_a_pool(&mut self, lines: &[Line]) {
        let Some(index) = self.findings.index_of(FindingKind::Greylisted) else {
            return;
        };
        let mut clients: Vec<&str> = Vec::new();
        if let Some(f) = self.findings.list.get(index) {
            for number in &f.lines {
                let Some(raw) = number.checked_sub(1).and_then(|i| lines.get(i)) else {
                    continue;
                };
                let client = raw
                    .raw
                    .split_once(" from ")
                    .and_then(|(_, after)| after.split(['[', ' ', ':']).next())
                    .filter(|c| c.contains('.'));
                if let Some(c) = client {
                    if !clients.contains(&c) && clients.len() < 8 {
                        clients.push(c);
                    }
                }
            }
        }
        if clients.len() < 2 {
            return;
        }
        let names = clients.join(", ");
        let note = Text::new(
            format!("Here the retries came from different hosts ({names}): a sender that sends from a pool of servers is a new triplet each time, so greylisting keyed on the client's address may never let it through."),
            format!("这里的重试来自不同的主机（{names}）：从一组服务器轮流发信的发件方每次都是一个新的三元组，所以按客户端地址做的灰名单可能永远不放它通过。"),
        );
        if let Some(f) = self.findings.list.get_mut(index) {
            f.what = f.what.clone().join(&note);
            f.fix = Text::from(Tr::new(
                "Waiting does not help here. Whitelist the sender's servers on the greylisting side (postgrey's whitelist_clients, e.g. a pattern for its host names), or greylist by network rather than by address.",
                "这里等待无济于事。在做灰名单的一方把发件方的服务器加入白名单（postgrey 的 whitelist_clients，例如按其主机名写一个模式），或者按网段而不是按地址做灰名单。",
            ));
            f.fix_id = rules::GREYLIST_POOL_FIX;
        }
    }

    /// The server asked for the user name that `AUTH LOGIN <user>` already gave: it ignored
    /// the initial response, and the client's answers from there go to the wrong prompts
    /// (jstedfast/MailKit#216: an empty answer to "Username:", then the next command taken
    /// for the password; the 235 after it came from a test server that checks nothing).
    fn login_initial_ignored(&mut self, auth_line: usize, reply_line: usize, text: &str) {
        let rule = &rules::login_initial::RULE;
        let quote = format!("334 {}", short(text.trim(), 40));
        self.findings.add(rule_finding(
            rule,
            &quote,
            None,
            vec![auth_line, reply_line],
        ));
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
        // Cyrus SASL's reason after the refusal tells which it was: "authentication
        // failure" (SASL_BADAUTH) means the password was checked and did not match, so
        // saslauthd answered that one; "generic failure" (SASL_FAIL) is what a daemon that
        // cannot be reached gives. A refusal of the first kind keeps its own cause.
        let checked = |f: &Finding| {
            let said = f.what.en.to_ascii_lowercase();
            said.contains("authentication failure") && !said.contains("generic failure")
        };
        for f in self
            .findings
            .list
            .iter_mut()
            .filter(|f| f.kind == FindingKind::AuthFailed && !checked(f))
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

    /// The authentication service's own verdict in the paste (Dovecot's "Password
    /// mismatch", "unknown user") says which of the two usual causes of a 535 it is: the
    /// service answered, so it is not down. The last verdict names the cause of the
    /// refusals the general rule could only guess at.
    fn backend_verdict(&mut self) {
        let Some((rule, at, user, message)) = self.backend_verdicts.last() else {
            return;
        };
        if self.findings.index_of(FindingKind::SaslauthdDown).is_some() {
            return;
        }
        let (rule, at) = (*rule, *at);
        let (for_en, for_zh) = match user {
            Some(u) => (format!(" for user {u}"), format!("，用户 {u}")),
            None => (String::new(), String::new()),
        };
        let said = Text::new(
            format!(
                "The server's authentication service says \"{message}\"{for_en} (line {at}): {}",
                rule.meaning.en
            ),
            format!(
                "服务器的认证服务记录了 \"{message}\"（第 {at} 行{for_zh}）：{}",
                rule.meaning.zh
            ),
        );
        for f in self
            .findings
            .list
            .iter_mut()
            .filter(|f| f.kind == FindingKind::AuthFailed && f.cause == "wrong-credentials")
        {
            f.title = rule.title.into();
            // A finding made from the verdict's own line quotes it already.
            f.what = if f.what.en.contains(message.as_str()) {
                said.clone()
            } else {
                f.what.clone().join(&said)
            };
            f.fix = rule.fix.into();
            f.cause = rule.cause;
            f.fix_id = rule.fix_id;
            f.source = Some(rule.source);
            if !f.lines.contains(&at) {
                f.lines.push(at);
                f.lines.sort_unstable();
            }
        }
    }

    /// A refused AUTH that a later AUTH of the same session made good (a client trying its
    /// mechanisms in turn, or a retry with the right password) did not stop the mail: it is
    /// a note after the outcome, never the diagnosis. Only when every refusal the finding
    /// rests on was followed by a 235, and nothing it rests on comes after that.
    fn recovered_logins(&mut self) {
        let mut indices: Vec<usize> = self.auth_refusals.iter().map(|r| r.0).collect();
        indices.sort_unstable();
        indices.dedup();
        for index in indices {
            let refusals: Vec<&Login> = self
                .auth_refusals
                .iter()
                .filter(|r| r.0 == index)
                .map(|r| &r.1)
                .collect();
            let later = |refused: &Login| {
                self.auth_successes
                    .iter()
                    .filter(|ok| ok.session == refused.session && ok.line > refused.line)
                    .min_by_key(|ok| ok.line)
            };
            let Some(successes) = refusals
                .iter()
                .map(|r| later(r))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let Some(success) = successes.iter().max_by_key(|ok| ok.line) else {
                continue;
            };
            let Some(f) = self.findings.list.get_mut(index) else {
                continue;
            };
            if f.severity == Severity::Success || f.lines.iter().any(|&l| l > success.line) {
                continue;
            }
            f.severity = Severity::Info;
            match mechanism_unverifiable(&refusals, success) {
                Some(found) => {
                    let lines = std::mem::take(&mut f.lines);
                    let code = f.code;
                    *f = found;
                    f.lines = lines;
                    f.code = code;
                    f.lines.push(success.line);
                    f.lines.sort_unstable();
                    f.lines.dedup();
                }
                None => {
                    let at = success.line;
                    f.what = f.what.clone().join(&Text::new(
                        format!("A later AUTH in the same session succeeded (line {at}: 235): the client logged in after all, so this refusal did not stop the session. It tells what was wrong with the attempt before."),
                        format!("同一会话中之后的一次 AUTH 成功了（第 {at} 行：235）：客户端最终登录成功，这次拒绝没有让会话失败。它说明的是之前那次尝试错在哪里。"),
                    ));
                    if f.cause == "wrong-credentials" {
                        // The server checked a password: no SASL daemon was down.
                        f.fix = Text::from(Tr::new(
                            "Nothing stopped this session. If the client tries a wrong password first every time (an old saved password, or another account's), correct it in the client's settings.",
                            "这次会话没有被阻止。如果客户端每次都先用错误的密码尝试（保存的旧密码，或另一个账户的密码），请在客户端设置中改正。",
                        ));
                    }
                }
            }
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

/// A text with every word that holds a digit (an id, a number) made `#`.
fn without_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.bytes().any(|b| b.is_ascii_digit()) {
            out.push('#');
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The lines of an EHLO reply that a client's debug output ran together
/// (`smtp.example.com250-PIPELINING250-SIZE 10240000250-AUTH PLAIN LOGIN250 8BITMIME`:
/// PHPMailer's HTML output drops the line breaks inside a reply), each without its code.
/// A `250-` or `250 ` right after another character starts a line; a line that holds none
/// is itself.
pub(super) fn unjoined(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    let mut i = 1;
    while i + 4 <= bytes.len() {
        // sendEmail joins them with ", ": `250-a, 250-SIZE 35882577, 250 SMTPUTF8`.
        let comma = i >= 2 && bytes.get(i - 2..i) == Some(b", ");
        let joined = bytes.get(i..i + 3) == Some(b"250")
            && matches!(bytes.get(i + 3), Some(b'-' | b' '))
            && (comma || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_whitespace()));
        if joined && parts.len() < 64 {
            // hMailServer writes `[nl]` where the line ended.
            let part = line.get(start..i).unwrap_or("");
            let part = part.strip_suffix("[nl]").unwrap_or(part);
            parts.push(part.strip_suffix(", ").unwrap_or(part));
            start = i + 4;
            i += 4;
        } else {
            i += 1;
        }
    }
    parts.push(line.get(start..).unwrap_or(""));
    parts
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
pub(super) fn same_address(user: &str, address: &str) -> bool {
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
        // Exim's reply to the end of the data: `250 OK id=1fPYEO-001cHQ-3f`.
        "ok id=",
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
        .then(|| crate::i18n::cut::chars(first, 40).to_string())
}

fn quote(code: Option<u16>, enhanced: Option<&str>, text: &str) -> String {
    // A quote mark the paste put after the reply (`…address."`, `…lookup'`), with no mark
    // it closes: not the reply's.
    let mut text = text.trim();
    for q in ['\'', '"'] {
        if text.ends_with(q) && text.matches(q).count() % 2 == 1 {
            text = text.get(..text.len() - 1).unwrap_or(text).trim_end();
        }
    }
    let text = short(text, MAX_QUOTE);
    match (code, enhanced) {
        (Some(c), Some(e)) => format!("{c} {e} {text}"),
        (Some(c), None) => format!("{c} {text}"),
        (None, _) => text,
    }
}

/// `<address>`, or "the recipient" in the language asked for when the log names none.
pub(super) fn show_addr(address: &str, zh: bool) -> String {
    match (address.is_empty(), zh) {
        (true, false) => "the recipient".to_string(),
        (true, true) => "该收件人".to_string(),
        _ => format!("<{}>", short(address, 100)),
    }
}

pub(super) fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = crate::i18n::cut::chars(text, max).to_string();
        s.push('…');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_code_is_a_word_of_its_own() {
        assert_eq!(
            failure_code_in("said: 550 5.1.1 <bob@x> unknown"),
            Some(550)
        );
        assert_eq!(failure_code_in("got (535, b'5.7.8 bad')"), Some(535));
        assert_eq!(
            failure_code_in("550-5.7.26 This mail has been blocked"),
            Some(550)
        );
        assert_eq!(failure_code_in("421"), Some(421));
        assert_eq!(failure_code_in("exit code=550."), Some(550));
        assert_eq!(
            failure_code_in("    at node:events:519:28 (index.js:546:26)"),
            None
        );
        assert_eq!(failure_code_in("Response:535 5.7.8 no"), None);
        assert_eq!(failure_code_in("Response: 535 5.7.8 no"), Some(535));
        // A timestamp's milliseconds, a version, a port, a number in a word: no reply.
        assert_eq!(
            failure_code_in("2024-05-01 10:00:01.456 client: got 220 smtp.example.com ESMTP"),
            None
        );
        assert_eq!(failure_code_in("Postfix 3.450.1 at 10.0.0.501"), None);
        assert_eq!(failure_code_in("id A456B queued, 4500 bytes"), None);
        // The first one that is a word counts.
        assert_eq!(
            failure_code_in("10:00:01.900 Response: 535 5.7.8 no"),
            Some(535)
        );
    }

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

/// A [`Finding`] as it crosses a boundary (the page's worker): its ids as text, read back
/// into the analyzer's own ids (an id the analyzer does not make is refused).
#[derive(serde::Deserialize)]
pub(crate) struct FindingWire {
    kind: FindingKind,
    severity: Severity,
    lines: Vec<usize>,
    title: Text,
    what: Text,
    fix: Text,
    code: Option<u16>,
    cause: String,
    fix_id: String,
    source: Option<String>,
}

/// An id or source the analyzer does not make.
#[derive(Debug)]
pub(crate) struct UnknownId(String);

impl core::fmt::Display for UnknownId {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "not an id of the analyzer: {:?}", self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        let wire = FindingWire::deserialize(deserializer)?;
        Finding::try_from(wire).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FindingWire> for Finding {
    type Error = UnknownId;

    fn try_from(wire: FindingWire) -> Result<Finding, UnknownId> {
        let (cause, fix_id) = default_cause(wire.kind);
        let known = |text: &str, default: &'static str| -> Result<&'static str, UnknownId> {
            if text == default {
                return Ok(default);
            }
            rules::known_text(text).ok_or_else(|| UnknownId(text.to_string()))
        };
        Ok(Finding {
            kind: wire.kind,
            severity: wire.severity,
            lines: wire.lines,
            title: wire.title,
            what: wire.what,
            fix: wire.fix,
            code: wire.code,
            cause: known(&wire.cause, cause)?,
            fix_id: known(&wire.fix_id, fix_id)?,
            source: match wire.source {
                Some(source) => Some(known(&source, "")?),
                None => None,
            },
        })
    }
}

/// The server a delivery log line names: Postfix's `connect to HOST[addr]:25`, `relay=HOST[addr]`
/// or `host HOST[addr] said`, Exim's `H=HOST [addr]`.
fn host_named(message: &str) -> Option<&str> {
    for key in ["connect to ", "relay=", "host ", "H="] {
        if let Some((_, after)) = message.split_once(key) {
            let end = after
                .find(|c: char| c == '[' || c.is_whitespace())
                .unwrap_or(after.len());
            let host = after.get(..end).unwrap_or("");
            if host.contains('.') {
                return Some(host);
            }
        }
    }
    None
}

/// Where the program a log shows turns TLS on, for a server that wants STARTTLS first: the
/// setting its own documentation names.
fn tls_how(lines: &[Line], raw: &str) -> Option<Tr> {
    let shows = |format: Format| lines.iter().any(|l| l.format == Some(format));
    if raw.contains("send-mailmessage") || lines.iter().any(|l| l.raw.contains("Send-MailMessage"))
    {
        return Some(Tr::new(
            "PowerShell's Send-MailMessage: add -UseSsl (it sends STARTTLS), with -Port 587 and -Credential.",
            "PowerShell 的 Send-MailMessage：加上 -UseSsl（它会发送 STARTTLS），并用 -Port 587 和 -Credential。",
        ));
    }
    if raw.contains("system.net.mail") || raw.contains("smtpexception") {
        return Some(Tr::new(
            ".NET's SmtpClient: set EnableSsl = true (it sends STARTTLS) and use port 587.",
            ".NET 的 SmtpClient：设置 EnableSsl = true（它会发送 STARTTLS），并用 587 端口。",
        ));
    }
    if shows(Format::PhpMailer) {
        return Some(Tr::new(
            "PHPMailer: $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS with Port 587 (or ENCRYPTION_SMTPS with 465).",
            "PHPMailer：$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS 并用 587 端口（或 ENCRYPTION_SMTPS 配 465 端口）。",
        ));
    }
    // Postfix relaying: its bounce (`(in reply to RCPT TO command)`) or its smtp client's log.
    if shows(Format::PostfixLog) || raw.contains("(in reply to ") {
        return Some(Tr::new(
            "Postfix, sending: smtp_tls_security_level = may in main.cf (or encrypt, for this destination only, in smtp_tls_policy_maps), then postfix reload.",
            "Postfix 作为发送方：在 main.cf 中设置 smtp_tls_security_level = may（或者只对这个目的地，在 smtp_tls_policy_maps 中设为 encrypt），然后 postfix reload。",
        ));
    }
    None
}

/// Whether a failure's lines are the user's own server delivering to another's MX, not a
/// client submitting: "delivery" in its words (PMail's `邮件投递失败`, a mail server's "delivery
/// failed") and no submission port named.
fn delivering(raw: &str) -> bool {
    ["投递", "delivery", "deliver "]
        .iter()
        .any(|w| raw.contains(w))
        && ![":587", ":465", " 587", " 465"]
            .iter()
            .any(|p| raw.contains(p))
}

/// The relay host an OpenSMTPD line names (`[relay:mysmtp.local,mx]`) when it is no part of
/// the recipient's domain (`to=dest@example.com` in the log): a configured relay, not the
/// destination.
fn relay_host_apart(raw: &str, domain: Option<&str>) -> Option<String> {
    let (_, after) = raw.split_once("[relay:")?;
    let host = after.split([',', ']']).next()?.trim();
    let domain = domain?;
    let apart = !host.is_empty()
        && !domain.is_empty()
        && host != domain
        && !host.ends_with(&format!(".{domain}"));
    apart.then(|| crate::i18n::cut::chars(host, 80).to_string())
}
