//! Scenarios: the seeds' stories of things going wrong, and the classic failures around
//! them, as playable sessions. Each is a server (profile + policies + accounts), a story, a
//! goal, hints and a check. The check reads a [`Journal`] of what happened — the replies the
//! server gave, the messages it accepted, who authenticated, the learner's answer — so it
//! says "done" only when the learner really fixed the problem.
//!
//! Every scenario is a file (`scenarios/*.toml`, the format in `docs/scenarios.md`, read by
//! [`super::scenario_file`]): the built-in ones are compiled in with `include_str!`, a
//! teacher's are registered at run time ([`register`]). A scenario's texts are owned
//! [`Text`]s read from its file; a registered scenario is leaked once, which
//! [`MAX_AUTHORED`] bounds.

use std::sync::{Mutex, OnceLock};

use super::scenario_file::{parse_scenario, FileError};
use crate::i18n::Text;
use crate::mime::{Composed, Mailbox, Message, MimeError};
use base64::Engine as _;

use crate::sasl::cram_md5;
use crate::sasl::verify::Mechanism;
use crate::smtp::client::{run_in_memory_observed, ClientSettings, Wire};
use crate::smtp::profile::Profile;
use crate::smtp::server::{Event, Server, ServerConfig, StoredMessage};
use crate::smtp::why::Situation;

/// Where the learner plays a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The console: raw commands.
    Console,
    /// The composer: the client settings and a message.
    Compose,
    /// The verifier: a captured exchange.
    Verify,
}

impl Place {
    /// The name in a scenario file.
    pub fn id(self) -> &'static str {
        match self {
            Place::Console => "console",
            Place::Compose => "compose",
            Place::Verify => "verify",
        }
    }
}

/// What happened in a scenario's session, as far as the checks need it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journal {
    /// Every reply's situation, in order.
    pub situations: Vec<Situation>,
    /// Every reply's code, in the same order.
    pub codes: Vec<u16>,
    /// Every message the server accepted.
    pub stored: Vec<StoredMessage>,
    /// Whether the simulated TLS handshake happened.
    pub tls: bool,
    /// The user of the last successful AUTH.
    pub user: Option<String>,
    /// The mechanism of the last successful AUTH (upper case).
    pub mechanism: Option<String>,
    /// The mechanism of the last AUTH command sent.
    pub pending_mechanism: Option<String>,
    /// Every distinct answer the learner gave, for scenarios that ask a question (at most
    /// [`MAX_ANSWERS`], each cut to [`MAX_ANSWER_CHARS`]). An answer that met the goal stays:
    /// a later wrong one does not take it back.
    pub answers: Vec<String>,
}

/// At most this many situations are kept (a journal of a long session stays small).
const MAX_SITUATIONS: usize = 5000;

/// At most this many distinct answers are kept; past it, the newest takes the last place.
pub const MAX_ANSWERS: usize = 64;

/// An answer is kept to this many characters (a step's id or label is far shorter).
pub const MAX_ANSWER_CHARS: usize = 200;

impl Journal {
    /// Notes an answer the learner gave (blanks around it dropped).
    pub fn answer(&mut self, answer: &str) {
        let answer: String = answer.trim().chars().take(MAX_ANSWER_CHARS).collect();
        if answer.is_empty() || self.answers.contains(&answer) {
            return;
        }
        if self.answers.len() >= MAX_ANSWERS {
            self.answers.pop();
        }
        self.answers.push(answer);
    }

    /// Notes a line the client sent (an `AUTH` command names the mechanism that a later
    /// 235 is for).
    pub fn client(&mut self, line: &[u8]) {
        let text = String::from_utf8_lossy(line);
        let mut words = text.split_ascii_whitespace();
        if words
            .next()
            .is_some_and(|verb| verb.eq_ignore_ascii_case("AUTH"))
        {
            self.pending_mechanism = words.next().map(|m| {
                crate::i18n::cut::chars(m, 40)
                    .to_string()
                    .to_ascii_uppercase()
            });
        }
    }

    /// Records what a call to [`Server::receive`] returned.
    pub fn record(&mut self, server: &Server, events: &[Event]) {
        for event in events {
            match event {
                Event::Reply(reply) => {
                    if self.situations.len() < MAX_SITUATIONS {
                        self.situations.push(reply.why.situation);
                        self.codes.push(reply.code.value());
                    }
                    if reply.why.situation == Situation::AuthOk {
                        self.user = server.view().user;
                        self.mechanism = self.pending_mechanism.clone();
                    }
                }
                Event::TlsStarted => self.tls = true,
                Event::Stored(index) => {
                    if let Some(message) = server.mailbox().get(*index) {
                        self.stored.push(message.clone());
                    }
                }
                Event::Closed => {}
            }
        }
    }

    /// Whether `situation` happened.
    pub fn saw(&self, situation: Situation) -> bool {
        self.situations.contains(&situation)
    }

    /// Whether `later` happened after the first `earlier`.
    pub fn saw_after(&self, earlier: Situation, later: Situation) -> bool {
        self.situations
            .iter()
            .position(|s| *s == earlier)
            .is_some_and(|at| self.situations[at..].contains(&later))
    }

    /// The index of the first reply `want` matches at or after `from`.
    fn find(&self, want: Want, from: usize) -> Option<usize> {
        (from..self.situations.len()).find(|&i| match want {
            Want::Situation(s) => self.situations.get(i) == Some(&s),
            Want::Code(c) => self.codes.get(i) == Some(&c),
        })
    }
}

/// A reply a check looks for: a situation of the engine, or a reply code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A situation, e.g. `AuthBackendDown`.
    Situation(Situation),
    /// A three-digit code, e.g. 535.
    Code(u16),
}

/// One condition of a scenario's check; the check holds when all of them do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// A reply matching any of `any` was seen (after the first `after`, if given).
    Reply {
        /// Any of these.
        any: Vec<Want>,
        /// After the first of this one.
        after: Option<Want>,
    },
    /// A message was accepted, meeting every one of these at once.
    Accepted(AcceptedWith),
    /// AUTH succeeded (with this mechanism, as this user, if given).
    Auth {
        /// The mechanism, upper case.
        mechanism: Option<String>,
        /// The user.
        user: Option<String>,
    },
    /// The (simulated) TLS handshake happened.
    Tls,
    /// The learner's answer, compared without regard to case or surrounding blanks.
    Answer(String),
}

/// What an accepted message must have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AcceptedWith {
    /// Each of these among the envelope recipients.
    pub recipients: Vec<String>,
    /// MAIL FROM equals the authenticated user.
    pub from_is_login: bool,
    /// An envelope recipient named in no To: or Cc: header (a Bcc).
    pub hidden_recipient: bool,
    /// An envelope recipient outside the server's local domains (relayed).
    pub outside_recipient: bool,
    /// Each of these header fields present.
    pub headers: Vec<String>,
}

impl Condition {
    fn holds(&self, journal: &Journal, config: &ServerConfig) -> bool {
        match self {
            Condition::Reply { any, after } => {
                let from = match after {
                    Some(want) => match journal.find(*want, 0) {
                        Some(at) => at,
                        None => return false,
                    },
                    None => 0,
                };
                any.iter().any(|want| journal.find(*want, from).is_some())
            }
            Condition::Accepted(with) => journal
                .stored
                .iter()
                .any(|m| with.matches(m, journal, config)),
            Condition::Auth { mechanism, user } => {
                journal.user.is_some()
                    && mechanism
                        .as_ref()
                        .is_none_or(|m| journal.mechanism.as_deref() == Some(m))
                    && user.as_ref().is_none_or(|u| {
                        journal
                            .user
                            .as_deref()
                            .is_some_and(|j| j.eq_ignore_ascii_case(u))
                    })
            }
            Condition::Tls => journal.tls,
            Condition::Answer(want) => journal
                .answers
                .iter()
                .any(|a| a.trim().eq_ignore_ascii_case(want.trim())),
        }
    }
}

impl AcceptedWith {
    fn matches(&self, m: &StoredMessage, journal: &Journal, config: &ServerConfig) -> bool {
        let has = |want: &String| m.recipients.iter().any(|r| r.eq_ignore_ascii_case(want));
        self.recipients.iter().all(has)
            && (!self.from_is_login
                || journal
                    .user
                    .as_deref()
                    .is_some_and(|u| m.from.eq_ignore_ascii_case(u)))
            && (!self.hidden_recipient || has_hidden_recipient(m))
            && (!self.outside_recipient || m.recipients.iter().any(|r| !local(config, r)))
            && self.headers.iter().all(|h| has_header(m, h))
    }
}

/// The compose form a scenario starts with (and the fields its solution changes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComposeDraft {
    /// smtp_host.
    pub host: String,
    /// smtp_port, as typed.
    pub port: String,
    /// auth_user (empty: no AUTH).
    pub user: String,
    /// auth_pass (memory only).
    pub password: String,
    /// mailfrom / From.
    pub from: String,
    /// To (comma-separated).
    pub to: String,
    /// Cc (comma-separated).
    pub cc: String,
    /// Bcc (comma-separated).
    pub bcc: String,
    /// Subject.
    pub subject: String,
    /// The text.
    pub body: String,
}

/// One input of the compose form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComposeField {
    /// smtp_host.
    Host,
    /// smtp_port.
    Port,
    /// auth_user.
    User,
    /// auth_pass.
    Password,
    /// mailfrom / From.
    From,
    /// To.
    To,
    /// Cc.
    Cc,
    /// Bcc.
    Bcc,
    /// Subject.
    Subject,
    /// The text.
    Body,
}

impl ComposeField {
    /// Every field, in the form's order.
    pub const ALL: [ComposeField; 10] = [
        ComposeField::Host,
        ComposeField::Port,
        ComposeField::User,
        ComposeField::Password,
        ComposeField::From,
        ComposeField::To,
        ComposeField::Cc,
        ComposeField::Bcc,
        ComposeField::Subject,
        ComposeField::Body,
    ];

    /// The key in a scenario file's `[compose]` and `[solution]`.
    pub fn key(self) -> &'static str {
        match self {
            ComposeField::Host => "host",
            ComposeField::Port => "port",
            ComposeField::User => "user",
            ComposeField::Password => "password",
            ComposeField::From => "from",
            ComposeField::To => "to",
            ComposeField::Cc => "cc",
            ComposeField::Bcc => "bcc",
            ComposeField::Subject => "subject",
            ComposeField::Body => "body",
        }
    }
}

impl ComposeDraft {
    /// A plain message from alice to bob, to `host`.
    pub fn plain(host: &str) -> ComposeDraft {
        ComposeDraft {
            host: host.to_string(),
            port: "25".into(),
            user: String::new(),
            password: String::new(),
            from: "alice@example.com".into(),
            to: "bob@example.com".into(),
            cc: String::new(),
            bcc: String::new(),
            subject: "plans".into(),
            body: "Hi Bob,\n\nsee you at three.\n".into(),
        }
    }

    /// The value of one input, to change it.
    pub fn field_mut(&mut self, field: ComposeField) -> &mut String {
        match field {
            ComposeField::Host => &mut self.host,
            ComposeField::Port => &mut self.port,
            ComposeField::User => &mut self.user,
            ComposeField::Password => &mut self.password,
            ComposeField::From => &mut self.from,
            ComposeField::To => &mut self.to,
            ComposeField::Cc => &mut self.cc,
            ComposeField::Bcc => &mut self.bcc,
            ComposeField::Subject => &mut self.subject,
            ComposeField::Body => &mut self.body,
        }
    }

    /// The value of one input.
    pub fn get(&self, field: ComposeField) -> &str {
        match field {
            ComposeField::Host => &self.host,
            ComposeField::Port => &self.port,
            ComposeField::User => &self.user,
            ComposeField::Password => &self.password,
            ComposeField::From => &self.from,
            ComposeField::To => &self.to,
            ComposeField::Cc => &self.cc,
            ComposeField::Bcc => &self.bcc,
            ComposeField::Subject => &self.subject,
            ComposeField::Body => &self.body,
        }
    }
}

/// Why a compose form could not be sent at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComposeError {
    /// No server name.
    Host,
    /// The port is not 1–65535.
    Port,
    /// The composer refused the message (an address, a header …).
    Mime(MimeError),
}

impl From<MimeError> for ComposeError {
    fn from(error: MimeError) -> ComposeError {
        ComposeError::Mime(error)
    }
}

/// The addresses of a comma- (or semicolon-) separated list.
fn addresses(list: &str) -> Result<Vec<Mailbox>, MimeError> {
    list.split([',', ';'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(Mailbox::parse)
        .collect()
}

/// The learner's address in every simulated session (TEST-NET-1, RFC 5737).
pub const LEARNER_IP: &str = "192.0.2.10";

/// The message and the client's settings of a compose form; `mechanism` is the one the
/// client insists on (the scenario file's `[compose] mechanism`), `now` and `unique` the
/// Date: and the token of the Message-ID and boundary.
pub fn composed(
    draft: &ComposeDraft,
    mechanism: Option<&str>,
    now: &str,
    unique: &str,
) -> Result<(ClientSettings, Composed), ComposeError> {
    let host = draft.host.trim();
    if host.is_empty() {
        return Err(ComposeError::Host);
    }
    let port = draft
        .port
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|p| *p > 0)
        .ok_or(ComposeError::Port)?;
    let from = Mailbox::parse(&draft.from)?;
    let mut message = Message::new(
        from.clone(),
        now,
        &format!("{unique}@learner.example"),
        &format!("=_learner_{unique}"),
    )
    .subject(&draft.subject)
    .text(&draft.body);
    for to in addresses(&draft.to)? {
        message = message.to(to);
    }
    for cc in addresses(&draft.cc)? {
        message = message.cc(cc);
    }
    for bcc in addresses(&draft.bcc)? {
        message = message.bcc(bcc);
    }
    let message = message.compose()?;
    let mut settings = ClientSettings::new(host, port);
    // DokuWiki greets with its address literal (seed 000: EHLO [172.18.111.192]).
    settings.helo = format!("[{LEARNER_IP}]");
    settings.sender = Some(from.address);
    let user = draft.user.trim();
    if !user.is_empty() {
        settings = settings.auth(user, &draft.password);
        if let Some(mechanism) = mechanism {
            settings = settings.mechanism(mechanism);
        }
    }
    Ok((settings, message))
}

/// The captured exchange a verify scenario shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyCase {
    /// The mechanism.
    pub mechanism: Mechanism,
    /// The server's challenge, as captured (base64).
    pub challenge: String,
    /// The client's response, as captured (base64).
    pub response: String,
}

/// How the scenario's author solved it: played by `smtp-trainer scenario check`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Solution {
    /// Console lines, each sent with CRLF; `@saslauthd start` / `@saslauthd stop` switch the
    /// server's SASL daemon instead, `@cram-md5 USER PASSWORD` sends the CRAM-MD5 answer to
    /// the last 334 challenge, `@@…` sends a line beginning with `@`.
    pub lines: Vec<String>,
    /// Compose fields changed before sending.
    pub fields: Vec<(ComposeField, String)>,
    /// The answer given (verify scenarios).
    pub answer: Option<String>,
}

/// One scenario.
#[derive(Debug)]
pub struct Scenario {
    /// Stable id, used in the page's address (`#/scenarios/sender-mismatch`).
    pub id: &'static str,
    /// Short title.
    pub title: Text,
    /// The story: what the learner faces.
    pub story: Text,
    /// What counts as done.
    pub goal: Text,
    /// Hints, from gentle to giving it away.
    pub hints: Vec<Text>,
    /// What was wrong and the fix, shown when done.
    pub lesson: Text,
    /// Where it is played.
    pub place: Place,
    /// The server's software.
    pub profile: Profile,
    /// The server.
    pub server: ServerConfig,
    /// The compose form as the scenario starts (compose scenarios).
    pub compose: ComposeDraft,
    /// The mechanism the compose scenario's client uses.
    pub mechanism: Option<&'static str>,
    /// The captured exchange (verify scenarios).
    pub verify: Option<VerifyCase>,
    /// The check: every condition must hold.
    pub checks: Vec<Condition>,
    /// The author's solution.
    pub solution: Solution,
    /// Whether it ships with the trainer (false: a teacher's file).
    pub builtin: bool,
}

impl Scenario {
    /// The scenario's server configuration.
    pub fn config(&self) -> ServerConfig {
        self.server.clone()
    }

    /// The learner's answer as the check reads it. A verify scenario asks for a step of the
    /// exchange's computation: a step named by its label, in either language (whole, or the
    /// part before its colon: `Key`, `密钥`), is that step's id (`key`), so an answer does
    /// not depend on the language the page is in. Anything else is kept as typed.
    pub fn answer_as_step(&self, answer: &str) -> String {
        let answer = answer.trim();
        let Some(case) = &self.verify else {
            return answer.to_string();
        };
        let plain = |text: &str| {
            text.trim()
                .trim_end_matches(['.', '。'])
                .trim()
                .to_lowercase()
        };
        let wanted = plain(answer);
        // The steps and their labels do not depend on the password.
        let Ok(report) = crate::sasl::verify::verify_with(
            case.mechanism,
            &case.challenge,
            &case.response,
            Some(""),
            &crate::sasl::verify::Options::default(),
        ) else {
            return answer.to_string();
        };
        let steps = report.expected.map(|t| t.steps).unwrap_or_default();
        steps
            .iter()
            .find(|step| {
                plain(step.id) == wanted
                    || [step.label.en, step.label.zh].iter().any(|label| {
                        plain(label) == wanted
                            || label
                                .split_once([':', '：'])
                                .is_some_and(|(head, _)| plain(head) == wanted)
                    })
            })
            .map_or_else(|| answer.to_string(), |step| step.id.to_string())
    }

    /// Whether `answer` alone meets the scenario's question (for the page to say whether
    /// the latest answer is right, whatever came before it).
    pub fn answer_is_right(&self, answer: &str) -> bool {
        let mut journal = Journal::default();
        journal.answer(&self.answer_as_step(answer));
        self.checks
            .iter()
            .any(|c| matches!(c, Condition::Answer(_)) && c.holds(&journal, &self.server))
    }

    /// Whether the journal shows the goal met.
    pub fn is_done(&self, journal: &Journal) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.holds(journal, &self.server))
    }

    /// Plays the scenario's solution against its server (the time fixed, as in tests) and
    /// returns the journal. The form of a compose scenario is sent once before the solution
    /// changes it: a solution counts only if the scenario was not done before it.
    pub fn play_solution(&self) -> (Journal, Journal) {
        const NOW: &str = "Sat, 21 Nov 2026 20:15:48 +0800";
        let mut journal = Journal::default();
        match self.place {
            Place::Console => {
                let before = journal.clone();
                let mut server = Server::new(self.config(), LEARNER_IP, NOW);
                let mut challenge = Vec::new();
                for line in &self.solution.lines {
                    let line = match line.as_str() {
                        "@saslauthd start" | "@saslauthd stop" => {
                            let mut policies = server.config().policies.clone();
                            policies.sasl_daemon_down = line.ends_with("stop");
                            server.set_policies(policies);
                            continue;
                        }
                        line => match line.strip_prefix("@cram-md5 ") {
                            Some(login) => {
                                let (user, password) = login.split_once(' ').unwrap_or((login, ""));
                                let trace = cram_md5::client(user, password, &challenge);
                                trace.last().map(|s| s.text()).unwrap_or_default()
                            }
                            None => line.strip_prefix('@').unwrap_or(line).to_string(),
                        },
                    };
                    let bytes = format!("{line}\r\n").into_bytes();
                    journal.client(&bytes);
                    let events = server.receive(&bytes);
                    journal.record(&server, &events);
                    for event in &events {
                        if let Event::Reply(reply) = event {
                            if reply.code.value() == 334 {
                                let text = reply.lines.first().map_or("", String::as_str);
                                challenge = base64::engine::general_purpose::STANDARD
                                    .decode(text.trim())
                                    .unwrap_or_default();
                            }
                        }
                    }
                }
                (before, journal)
            }
            Place::Compose => {
                let send = |draft: &ComposeDraft, journal: &mut Journal, unique: &str| {
                    let Ok((settings, message)) = composed(draft, self.mechanism, NOW, unique)
                    else {
                        return;
                    };
                    let mut server = Server::new(self.config(), LEARNER_IP, NOW);
                    run_in_memory_observed(settings, &message, &mut server, |server, wire| {
                        match wire {
                            Wire::Sent { bytes, .. } => journal.client(bytes),
                            Wire::Event(event) => {
                                journal.record(server, std::slice::from_ref(event))
                            }
                        }
                    });
                };
                send(&self.compose, &mut journal, "first");
                let before = journal.clone();
                let mut draft = self.compose.clone();
                for (field, value) in &self.solution.fields {
                    *draft.field_mut(*field) = value.clone();
                }
                send(&draft, &mut journal, "second");
                (before, journal)
            }
            Place::Verify => {
                let before = journal.clone();
                if let Some(answer) = &self.solution.answer {
                    journal.answer(&self.answer_as_step(answer));
                }
                (before, journal)
            }
        }
    }
}

fn local(config: &ServerConfig, address: &str) -> bool {
    let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
    config
        .local_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(domain))
}

/// The header block of a message, lower case, unfolded.
fn header_block(message: &StoredMessage) -> String {
    let text = String::from_utf8_lossy(&message.data).to_ascii_lowercase();
    let headers = text.split("\r\n\r\n").next().unwrap_or("");
    headers.replace("\r\n\t", " ").replace("\r\n ", " ")
}

fn has_header(message: &StoredMessage, name: &str) -> bool {
    let want = format!("{}:", name.trim().to_ascii_lowercase());
    header_block(message).lines().any(|l| l.starts_with(&want))
}

/// A recipient that the message's headers do not show: a Bcc.
fn has_hidden_recipient(message: &StoredMessage) -> bool {
    let unfolded = header_block(message);
    let visible: String = unfolded
        .lines()
        .filter(|l| l.starts_with("to:") || l.starts_with("cc:"))
        .collect::<Vec<_>>()
        .join(" ");
    message
        .recipients
        .iter()
        .any(|r| !visible.contains(&r.to_ascii_lowercase()))
}

/// The built-in scenarios' files, in the order the page lists them.
pub const BUILTIN_FILES: [(&str, &str); 13] = [
    (
        "sender-mismatch.toml",
        include_str!("../../scenarios/sender-mismatch.toml"),
    ),
    (
        "saslauthd-down.toml",
        include_str!("../../scenarios/saslauthd-down.toml"),
    ),
    (
        "telnet-typo.toml",
        include_str!("../../scenarios/telnet-typo.toml"),
    ),
    (
        "bad-sequence.toml",
        include_str!("../../scenarios/bad-sequence.toml"),
    ),
    (
        "where-did-bcc-go.toml",
        include_str!("../../scenarios/where-did-bcc-go.toml"),
    ),
    (
        "starttls-first.toml",
        include_str!("../../scenarios/starttls-first.toml"),
    ),
    ("too-big.toml", include_str!("../../scenarios/too-big.toml")),
    (
        "partial-delivery.toml",
        include_str!("../../scenarios/partial-delivery.toml"),
    ),
    (
        "greylisting.toml",
        include_str!("../../scenarios/greylisting.toml"),
    ),
    (
        "relay-denied.toml",
        include_str!("../../scenarios/relay-denied.toml"),
    ),
    (
        "line-too-long.toml",
        include_str!("../../scenarios/line-too-long.toml"),
    ),
    (
        "cram-md5-which-step.toml",
        include_str!("../../scenarios/cram-md5-which-step.toml"),
    ),
    (
        "smtp-smuggling.toml",
        include_str!("../../scenarios/smtp-smuggling.toml"),
    ),
];

/// At most this many teacher's scenarios are read in one page's life (each is leaked, with
/// its texts: a few kilobytes).
pub const MAX_AUTHORED: usize = 64;

fn builtins() -> &'static [Scenario] {
    static BUILTINS: OnceLock<Vec<Scenario>> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        // `tests/scenarios.rs` proves every built-in file valid; one that was not would be
        // left out rather than take the page down.
        BUILTIN_FILES
            .iter()
            .filter_map(|(_, text)| parse_scenario(text, true).ok())
            .collect()
    })
}

/// The teacher's scenarios read so far (the newest of each id), and how many were read.
static AUTHORED: Mutex<(Vec<&'static Scenario>, usize)> = Mutex::new((Vec::new(), 0));

/// Every scenario: the built-in ones, then the teacher's.
pub fn all() -> Vec<&'static Scenario> {
    let mut list: Vec<&'static Scenario> = builtins().iter().collect();
    if let Ok(authored) = AUTHORED.lock() {
        list.extend(authored.0.iter().copied());
    }
    list
}

/// The scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    builtins().iter().find(|s| s.id == id).or_else(|| {
        AUTHORED
            .lock()
            .ok()
            .and_then(|a| a.0.iter().copied().find(|s| s.id == id))
    })
}

/// Why a teacher's scenario was not registered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RegisterError {
    /// The file has errors, each with its line.
    Invalid(Vec<FileError>),
    /// Its id is a built-in scenario's.
    BuiltinId,
    /// [`MAX_AUTHORED`] files were read already.
    TooMany,
}

/// Reads a teacher's scenario file and makes it playable (replacing an earlier file with
/// the same id). An identical file read again is the scenario already registered.
pub fn register(text: &str) -> Result<&'static Scenario, RegisterError> {
    let scenario = parse_scenario(text, false).map_err(RegisterError::Invalid)?;
    if builtins().iter().any(|s| s.id == scenario.id) {
        return Err(RegisterError::BuiltinId);
    }
    let mut authored = AUTHORED.lock().map_err(|_| RegisterError::TooMany)?;
    if let Some(same) = authored
        .0
        .iter()
        .copied()
        .find(|s| s.id == scenario.id && format!("{s:?}") == format!("{scenario:?}"))
    {
        return Ok(same);
    }
    if authored.1 >= MAX_AUTHORED {
        return Err(RegisterError::TooMany);
    }
    authored.1 += 1;
    let leaked: &'static Scenario = Box::leak(Box::new(scenario));
    authored.0.retain(|s| s.id != leaked.id);
    authored.0.push(leaked);
    Ok(leaked)
}

/// Bytes as text with their line ends shown: CR LF as `␍␊`, a bare LF as `␊`, a bare CR
/// as `␍`.
pub fn visible_line_ends(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace("\r\n", "\u{240D}\u{240A}")
        .replace('\n', "\u{240A}")
        .replace('\r', "\u{240D}")
}

/// The bytes the console's raw mode sends for `text`: a line break typed in the text area is CRLF, `\n`
/// written out is a bare LF, `\r` a bare CR and `\\` a backslash. The text ends with
/// CRLF unless it already ends with a line end of its own.
pub fn raw_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some('n') => {
                    chars.next();
                    out.push(b'\n');
                }
                Some('r') => {
                    chars.next();
                    out.push(b'\r');
                }
                Some('\\') => {
                    chars.next();
                    out.push(b'\\');
                }
                _ => out.push(b'\\'),
            },
            '\r' => {}
            '\n' => out.extend_from_slice(b"\r\n"),
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.extend_from_slice(b"\r\n");
    }
    out
}
