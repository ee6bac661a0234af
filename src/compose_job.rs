//! The composer's send as one job (issue 13): a [`Job`] holds everything the compose page
//! decided (the message with its attachments, the client's settings, the server's
//! configuration, the browser's clock and random values), and [`compute`] composes the
//! message, sends it through the simulated session and reads back what the server stored —
//! and turns it into a [`SentView`], the result exactly as the page shows it, in both
//! languages.
//!
//! Both are plain values that serialize, so the page can run a large send in its compose
//! worker (`src/bin/compose_worker.rs`) while it stays responsive; small ones it computes in
//! place with the same function. Natively the same [`compute`] runs in the tests and in the
//! timing command (`examples/compose_bench.rs`).
//!
//! The view is rendered from the engine's values here, not in the page: the engine's reply
//! reasons, client notes and SASL steps explain themselves in either language, so the view
//! keeps both texts and the page switches language without asking the worker again.

use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::i18n::Tr;
use crate::mime::compose::Rule;
use crate::mime::{data_section, inspect, Composed, Message, RecipientKind};
use crate::msgauth::page::DkimSignOut;
use crate::sasl::exchange::Account;
use crate::sasl::trace::visible;
use crate::smtp::client::{
    run_in_memory_observed, ClientSettings, Entry, Nonces, Outcome, Security, Wire,
};
use crate::smtp::profile::Profile;
use crate::smtp::reply::Reply;
use crate::smtp::server::{Event, Fault, FaultMode, Policies, Server, ServerConfig, StoredMessage};

/// The most lines of the data section the view keeps (a base64 attachment has thousands).
pub const MAX_WIRE_LINES: usize = 1500;

/// Everything one send needs. Build it with [`Job::new`]; the parts come back with
/// [`Job::settings`] and [`Job::config`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// The message, attachments included.
    pub message: Message,
    settings: SettingsWire,
    config: ConfigWire,
    /// The client's address as the server sees it.
    pub client_ip: String,
    /// The client's host name as the server's reverse lookup finds it.
    pub client_name: String,
    /// The time the server stamps (`Received:`), from the caller's clock.
    pub now: String,
    /// Sign the composed message with DKIM before sending it (issue 19), if set.
    #[serde(default)]
    pub dkim: Option<DkimJob>,
}

/// How to sign the composed message: only a [`Signer`] can (the compose worker's), so the
/// RSA and Ed25519 arithmetic stays out of the page's own wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkimJob {
    /// `d=`.
    pub domain: String,
    /// `s=`.
    pub selector: String,
    /// The private key: the base64 of an Ed25519 seed, or a PEM RSA key.
    pub key: String,
}

/// Signs the composed octets as a [`DkimJob`] says: the signed octets and the steps, or
/// why not (in both languages).
pub type Signer<'a> = &'a dyn Fn(&[u8], &DkimJob) -> Result<(Vec<u8>, DkimSignOut), Text>;

/// Why a job could not be run as given.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JobError {
    /// A profile or security id this build does not know.
    Unknown(String),
}

impl std::fmt::Display for JobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JobError::Unknown(id) => write!(f, "unknown id {id:?} in the job"),
        }
    }
}

impl std::error::Error for JobError {}

impl Job {
    /// The job of sending `message` with `settings` to a fresh server made of `config`.
    pub fn new(
        message: Message,
        settings: &ClientSettings,
        config: &ServerConfig,
        client_ip: &str,
        client_name: &str,
        now: &str,
    ) -> Job {
        Job {
            message,
            settings: SettingsWire::from(settings),
            config: ConfigWire::from(config),
            client_ip: client_ip.to_string(),
            client_name: client_name.to_string(),
            now: now.to_string(),
            dkim: None,
        }
    }

    /// The client's settings.
    pub fn settings(&self) -> Result<ClientSettings, JobError> {
        self.settings.to_settings()
    }

    /// The server's configuration.
    pub fn config(&self) -> Result<ServerConfig, JobError> {
        self.config.to_config()
    }

    /// The octets the job carries (text, HTML and attachments): what makes it slow.
    pub fn weight(&self) -> usize {
        self.message.text.len()
            + self.message.html.as_ref().map_or(0, String::len)
            + self
                .message
                .attachments
                .iter()
                .map(|a| a.data.len())
                .sum::<usize>()
    }
}

/// How far a job got (the page's progress indicator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// Composing the message (encoding the attachments).
    Composing,
    /// The session with the simulated server.
    Sending,
    /// Reading back the stored message (its subject and From, for the mailbox).
    Reading,
}

impl Stage {
    /// A stable name (`data-stage` in the page).
    pub fn id(self) -> &'static str {
        match self {
            Stage::Composing => "composing",
            Stage::Sending => "sending",
            Stage::Reading => "reading",
        }
    }
}

/// What a job gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobResult {
    /// The composer refused the message (nothing was sent): why.
    Refused(Text),
    /// The job itself was damaged (an unknown profile): nothing was sent.
    Broken(String),
    /// The session ran.
    Sent(Box<SentView>),
}

/// A recipient's fate, as the envelope table shows it: the client's own
/// [`RecipientStatus`](crate::smtp::client::RecipientStatus).
pub use crate::smtp::client::RecipientStatus as RcptStatus;

/// One RCPT TO of the envelope with what became of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RcptView {
    /// The address.
    pub address: String,
    /// The header it came from.
    pub kind: RecipientKind,
    /// What became of it (`None` when the session never got to it).
    pub status: Option<RcptStatus>,
    /// The last line of the reply to its RCPT TO (empty if none).
    pub reply: String,
}

/// A row of the dialog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Row {
    /// A command line the client sent.
    Client(String),
    /// A reply as the client read it, with the server's reason when the n-th reply read is
    /// the n-th the server sent (checked line by line).
    Reply {
        /// The wire lines.
        lines: Vec<String>,
        /// Why the server sent it.
        why: Option<Text>,
        /// Whether it answers the end of the message data.
        end_of_data: bool,
    },
    /// The message octets.
    Data {
        /// Octets as sent.
        octets: usize,
        /// Lines.
        lines: usize,
    },
    /// The simulated TLS handshake.
    Tls,
    /// A decision of the client, with its reason.
    Note(Text),
}

/// One SASL step the client computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    /// Its stable id.
    pub id: String,
    /// What the value is.
    pub label: Text,
    /// The value as best read.
    pub value: String,
    /// How it was computed.
    pub explain: Text,
}

/// The SASL exchange.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthView {
    /// The mechanism.
    pub mechanism: String,
    /// Whether the server replied 235.
    pub succeeded: bool,
    /// The steps.
    pub steps: Vec<StepView>,
}

/// What a line of the data section is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WireKind {
    /// A line of the message.
    Line,
    /// A multipart delimiter.
    Boundary,
    /// A line that got an extra dot.
    Stuffed,
    /// The lone dot that ends the data.
    End,
}

/// One line of the data section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireRow {
    /// Its octets without the line end.
    pub len: usize,
    /// The text, controls and non-UTF-8 octets escaped.
    pub text: String,
    /// `␍␊`, `␊` or nothing.
    pub ending: String,
    /// What it is.
    pub kind: WireKind,
}

/// The data section (the octets after 354).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireLines {
    /// The first [`MAX_WIRE_LINES`] lines.
    pub rows: Vec<WireRow>,
    /// Lines in all.
    pub total: usize,
    /// Octets in all.
    pub octets: usize,
    /// Whether the session got to send it.
    pub sent: bool,
}

/// One header or part of the composed message and the rules that made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    /// What it is about.
    pub label: Text,
    /// The text as written.
    pub wire: String,
    /// Each rule and its source.
    pub rules: Vec<(Text, String)>,
}

/// The message the server stored, for the mailbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailView {
    /// The queue id.
    pub id: String,
    /// MAIL FROM.
    pub from: String,
    /// Every accepted RCPT TO.
    pub recipients: Vec<String>,
    /// The stored octets (with the server's `Received:`).
    #[serde(with = "crate::mime::octets")]
    pub data: Vec<u8>,
    /// When it arrived.
    pub received_at: String,
    /// Whether it came by BDAT.
    pub chunked: bool,
    /// Its decoded subject.
    pub subject: Option<String>,
    /// Its decoded From.
    pub from_header: Option<String>,
}

impl MailView {
    /// The stored message, read once for its subject and From.
    pub fn new(stored: StoredMessage) -> MailView {
        let (subject, from_header) = inspect::headline(&stored.data);
        MailView {
            id: stored.id,
            from: stored.from,
            recipients: stored.recipients,
            data: stored.data,
            received_at: stored.received_at,
            chunked: stored.chunked,
            subject,
            from_header,
        }
    }

    /// The engine's stored message again (its subject and From are dropped).
    pub fn into_stored(self) -> StoredMessage {
        StoredMessage {
            id: self.id,
            from: self.from,
            recipients: self.recipients,
            data: self.data,
            received_at: self.received_at,
            chunked: self.chunked,
        }
    }
}

/// A session that ran, as the compose page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentView {
    /// Whether the server accepted the message.
    pub delivered: bool,
    /// The last line of the reply that accepted it.
    pub accepted_line: Option<String>,
    /// What went wrong, if anything.
    pub failure: Option<Text>,
    /// The From address of the header.
    pub from_header: String,
    /// MAIL FROM as the client sent it.
    pub mail_from: String,
    /// The login, if one was given.
    pub login: Option<String>,
    /// Every RCPT TO of the composed envelope with its result.
    pub recipients: Vec<RcptView>,
    /// The dialog.
    pub rows: Vec<Row>,
    /// The client's log.
    pub log: Vec<String>,
    /// The SASL exchange, if there was one.
    pub auth: Option<AuthView>,
    /// The data section.
    pub wire: WireLines,
    /// The composer's notes.
    pub notes: Vec<NoteView>,
    /// The server's profile ([`Profile::id`]).
    pub profile: String,
    /// Whether the server accepted and stored the message.
    pub stored: bool,
    /// The message as stored, if the server accepted it (the page moves it into its
    /// mailbox and keeps the rest).
    pub mail: Option<MailView>,
    /// The DKIM signature made before sending, step by step (its `signed` is left empty:
    /// the message is in [`SentView::mail`] and [`SentView::wire`]).
    #[serde(default)]
    pub dkim: Option<DkimSignOut>,
}

/// Composes the job's message, sends it to a fresh server and reads the stored message
/// back; `progress` hears each stage as it starts. A job that asks for a DKIM signature is
/// refused here: [`compute_signed`] with a signer runs it.
pub fn compute(job: &Job, progress: impl FnMut(Stage)) -> JobResult {
    compute_signed(job, progress, &|_, _| {
        Err(Tr::new(
            "Signing runs only in the compose worker.",
            "签名只在撰写 Worker 中进行。",
        )
        .into())
    })
}

/// [`compute`], signing the composed message with `sign` before the session when the job
/// asks for it (the signature's header then travels in the message and the server stores
/// it).
pub fn compute_signed(job: &Job, mut progress: impl FnMut(Stage), sign: Signer<'_>) -> JobResult {
    let (settings, config) = match (job.settings(), job.config()) {
        (Ok(settings), Ok(config)) => (settings, config),
        (Err(err), _) | (_, Err(err)) => return JobResult::Broken(err.to_string()),
    };
    progress(Stage::Composing);
    let mut composed = match job.message.compose() {
        Ok(composed) => composed,
        Err(error) => return JobResult::Refused(Text::of(|lang| error.describe(lang))),
    };
    let mut dkim = None;
    if let Some(spec) = &job.dkim {
        match sign(&composed.bytes, spec) {
            Ok((signed, mut out)) => {
                composed.bytes = signed;
                out.signed.clear();
                dkim = Some(out);
            }
            Err(text) => return JobResult::Refused(text),
        }
    }
    let mail_from = settings
        .sender
        .clone()
        .unwrap_or_else(|| composed.envelope.from.clone());
    let login = settings.user.clone();
    let profile = config.profile.id().to_string();
    progress(Stage::Sending);
    let mut server =
        Server::new(config, &job.client_ip, &job.now).with_client_name(&job.client_name);
    let (outcome, replies, stored) = run(settings, &composed, &mut server);
    progress(Stage::Reading);
    let mail = stored.map(MailView::new);
    let mut view = SentView::new(
        &composed,
        &outcome,
        &replies,
        Parties {
            from_header: job.message.from.address.clone(),
            mail_from,
            login,
            profile,
        },
        mail,
    );
    view.dkim = dkim;
    JobResult::Sent(Box::new(view))
}

/// The session through the engine's client ([`run_in_memory_observed`]), keeping every
/// reply the server sent (with its reason) and the stored message.
pub fn run(
    settings: ClientSettings,
    composed: &Composed,
    server: &mut Server,
) -> (Outcome, Vec<Reply>, Option<StoredMessage>) {
    let mut replies = Vec::new();
    let mut stored = None;
    let outcome = run_in_memory_observed(settings, composed, server, |server, wire| match wire {
        Wire::Event(Event::Reply(reply)) => replies.push(reply.clone()),
        Wire::Event(Event::Stored(index)) => stored = server.mailbox().get(*index).cloned(),
        Wire::Event(Event::TlsStarted | Event::Closed) | Wire::Sent { .. } => {}
    });
    (outcome, replies, stored)
}

/// Who the message is from, by each of its names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parties {
    /// The From address of the header.
    pub from_header: String,
    /// MAIL FROM.
    pub mail_from: String,
    /// The login.
    pub login: Option<String>,
    /// The server's profile ([`Profile::id`]).
    pub profile: String,
}

impl SentView {
    /// The view of a session that ran.
    pub fn new(
        composed: &Composed,
        outcome: &Outcome,
        replies: &[Reply],
        parties: Parties,
        mail: Option<MailView>,
    ) -> SentView {
        let recipients = composed
            .envelope
            .recipients
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let result = outcome
                    .recipients
                    .get(i)
                    .filter(|res| res.address == r.address);
                RcptView {
                    address: r.address.clone(),
                    kind: r.kind,
                    status: result.map(|res| res.status),
                    reply: result
                        .and_then(|res| res.reply.as_ref())
                        .map(|reply| reply.last_line().to_string())
                        .unwrap_or_default(),
                }
            })
            .collect();
        let auth = outcome.auth.as_ref().map(|auth| AuthView {
            mechanism: auth.mechanism.clone(),
            succeeded: auth.succeeded,
            steps: auth
                .trace
                .steps
                .iter()
                .map(|step| StepView {
                    id: step.id.to_string(),
                    label: Text::of(|lang| step.label.get(lang).to_string()),
                    value: step.preferred(),
                    explain: Text::of(|lang| step.explain.get(lang).to_string()),
                })
                .collect(),
        });
        let notes = composed
            .notes
            .iter()
            .map(|note| NoteView {
                label: Text::of(|lang| note.item.label(lang)),
                wire: note.wire.clone(),
                rules: note
                    .rules
                    .iter()
                    .map(|rule| {
                        (
                            Text::of(|lang| rule.explain(lang)),
                            rule.source().to_string(),
                        )
                    })
                    .collect(),
            })
            .collect();
        SentView {
            delivered: outcome.delivered,
            accepted_line: outcome
                .accepted_by
                .as_ref()
                .map(|reply| reply.last_line().to_string()),
            failure: outcome
                .failure
                .as_ref()
                .map(|failure| Text::of(|lang| failure.explain(lang))),
            from_header: parties.from_header,
            mail_from: parties.mail_from,
            login: parties.login,
            recipients,
            rows: rows(outcome, replies),
            log: outcome.log.clone(),
            auth,
            wire: wire_lines(composed, outcome),
            notes,
            profile: parties.profile,
            stored: mail.is_some(),
            mail,
            dkim: None,
        }
    }
}

/// The transcript's `Got:` lines grouped into replies, each paired with the server's own
/// [`Reply`] (the n-th reply read is the n-th the server sent; checked line by line).
fn rows(outcome: &Outcome, replies: &[Reply]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut group: Vec<String> = Vec::new();
    let mut replies = replies.iter();
    let mut after_data = false;
    for entry in &outcome.transcript {
        match entry {
            Entry::Got(line) => {
                group.push(line.clone());
                if line.as_bytes().get(3) != Some(&b'-') {
                    let lines = std::mem::take(&mut group);
                    let why = replies
                        .next()
                        .filter(|r| r.wire_lines() == lines)
                        .map(|r| Text::of(|lang| r.why.explain(lang)));
                    rows.push(Row::Reply {
                        lines,
                        why,
                        end_of_data: std::mem::take(&mut after_data),
                    });
                }
            }
            Entry::Sent(line) => rows.push(Row::Client(line.clone())),
            Entry::Data { octets, lines } => {
                after_data = true;
                rows.push(Row::Data {
                    octets: *octets,
                    lines: *lines,
                });
            }
            Entry::Tls => rows.push(Row::Tls),
            Entry::Note(note) => rows.push(Row::Note(Text::of(|lang| note.explain(lang)))),
        }
    }
    if !group.is_empty() {
        rows.push(Row::Reply {
            lines: group,
            why: None,
            end_of_data: after_data,
        });
    }
    rows
}

/// The exact octets DATA sends after its 354 (the engine's [`data_section`]), one row per
/// line, the first [`MAX_WIRE_LINES`] of them.
fn wire_lines(composed: &Composed, outcome: &Outcome) -> WireLines {
    let wire = data_section(&composed.bytes);
    let boundaries: Vec<String> = composed
        .notes
        .iter()
        .flat_map(|note| note.rules.iter())
        .filter_map(|rule| match rule {
            Rule::Multipart { boundary, .. } => Some(format!("--{boundary}")),
            _ => None,
        })
        .collect();
    let sent = outcome
        .transcript
        .iter()
        .any(|e| matches!(e, Entry::Data { .. }));
    let total = wire.split_inclusive(|b| *b == b'\n').count();
    let rows = wire
        .split_inclusive(|b| *b == b'\n')
        .take(MAX_WIRE_LINES)
        .enumerate()
        .map(|(i, line)| {
            let (body, ending) = match line.strip_suffix(b"\r\n") {
                Some(body) => (body, "␍␊"),
                None => match line.strip_suffix(b"\n") {
                    Some(body) => (body, "␊"),
                    None => (line, ""),
                },
            };
            let is_end = i + 1 == total && body == b".";
            let is_boundary = boundaries.iter().any(|b| {
                body.strip_prefix(b.as_bytes())
                    .is_some_and(|rest| rest.is_empty() || rest == b"--")
            });
            let kind = if is_end {
                WireKind::End
            } else if is_boundary {
                WireKind::Boundary
            } else if body.starts_with(b".") {
                WireKind::Stuffed
            } else {
                WireKind::Line
            };
            WireRow {
                len: body.len(),
                text: visible(body),
                ending: ending.to_string(),
                kind,
            }
        })
        .collect();
    WireLines {
        rows,
        total,
        octets: wire.len(),
        sent,
    }
}

/// [`ClientSettings`] as plain data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct SettingsWire {
    host: String,
    port: u16,
    security: String,
    user: Option<String>,
    password: Option<String>,
    mechanism: Option<String>,
    sender: Option<String>,
    helo: String,
    debug: bool,
    pipelining: bool,
    chunking: bool,
    scram: String,
    cnonce: String,
    ntlm_challenge: [u8; 8],
    ntlm_timestamp: u64,
}

impl From<&ClientSettings> for SettingsWire {
    fn from(s: &ClientSettings) -> SettingsWire {
        SettingsWire {
            host: s.host.clone(),
            port: s.port,
            security: s.security.id().to_string(),
            user: s.user.clone(),
            password: s.password.clone(),
            mechanism: s.mechanism.clone(),
            sender: s.sender.clone(),
            helo: s.helo.clone(),
            debug: s.debug,
            pipelining: s.pipelining,
            chunking: s.chunking,
            scram: s.nonces.scram.clone(),
            cnonce: s.nonces.cnonce.clone(),
            ntlm_challenge: s.nonces.ntlm_challenge,
            ntlm_timestamp: s.nonces.ntlm_timestamp,
        }
    }
}

impl SettingsWire {
    fn to_settings(&self) -> Result<ClientSettings, JobError> {
        let security = [Security::None, Security::StartTls, Security::ImplicitTls]
            .into_iter()
            .find(|s| s.id() == self.security)
            .ok_or_else(|| JobError::Unknown(self.security.clone()))?;
        Ok(ClientSettings {
            host: self.host.clone(),
            port: self.port,
            security,
            user: self.user.clone(),
            password: self.password.clone(),
            mechanism: self.mechanism.clone(),
            sender: self.sender.clone(),
            helo: self.helo.clone(),
            debug: self.debug,
            pipelining: self.pipelining,
            chunking: self.chunking,
            nonces: Nonces {
                scram: self.scram.clone(),
                cnonce: self.cnonce.clone(),
                ntlm_challenge: self.ntlm_challenge,
                ntlm_timestamp: self.ntlm_timestamp,
            },
        })
    }
}

/// [`Policies`] as plain data (the fault as code, then percent and seed when shared).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct PoliciesWire {
    require_auth: bool,
    sender_must_match_auth: bool,
    sasl_daemon_down: bool,
    vrfy_allowed: bool,
    expn_allowed: bool,
    tls_before_auth: bool,
    known_mailboxes_only: bool,
    deny_relay: bool,
    max_message_size: u64,
    fault: Option<(u16, Option<(u8, u64)>)>,
    greylist: bool,
    reject_bare_lf: bool,
}

impl From<&Policies> for PoliciesWire {
    fn from(p: &Policies) -> PoliciesWire {
        PoliciesWire {
            require_auth: p.require_auth,
            sender_must_match_auth: p.sender_must_match_auth,
            sasl_daemon_down: p.sasl_daemon_down,
            vrfy_allowed: p.vrfy_allowed,
            expn_allowed: p.expn_allowed,
            tls_before_auth: p.tls_before_auth,
            known_mailboxes_only: p.known_mailboxes_only,
            deny_relay: p.deny_relay,
            max_message_size: p.max_message_size,
            fault: p.fault.as_ref().map(|f| {
                let share = match f.mode {
                    FaultMode::NextCommand => None,
                    FaultMode::Share { percent, seed } => Some((percent, seed)),
                };
                (f.code, share)
            }),
            greylist: p.greylist,
            reject_bare_lf: p.reject_bare_lf,
        }
    }
}

impl PoliciesWire {
    fn to_policies(&self) -> Policies {
        Policies {
            require_auth: self.require_auth,
            sender_must_match_auth: self.sender_must_match_auth,
            sasl_daemon_down: self.sasl_daemon_down,
            vrfy_allowed: self.vrfy_allowed,
            expn_allowed: self.expn_allowed,
            tls_before_auth: self.tls_before_auth,
            known_mailboxes_only: self.known_mailboxes_only,
            deny_relay: self.deny_relay,
            max_message_size: self.max_message_size,
            fault: self.fault.map(|(code, share)| Fault {
                code,
                mode: match share {
                    None => FaultMode::NextCommand,
                    Some((percent, seed)) => FaultMode::Share { percent, seed },
                },
            }),
            greylist: self.greylist,
            reject_bare_lf: self.reject_bare_lf,
        }
    }
}

/// [`ServerConfig`] as plain data (the profile by its id; accounts as user, password,
/// token).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct ConfigWire {
    profile: String,
    hostname: String,
    local_domains: Vec<String>,
    accounts: Vec<(String, String, Option<String>)>,
    mailboxes: Vec<String>,
    policies: PoliciesWire,
    starttls: bool,
    implicit_tls: bool,
    aliases: Vec<String>,
    nonce_seed: u64,
}

impl From<&ServerConfig> for ConfigWire {
    fn from(c: &ServerConfig) -> ConfigWire {
        ConfigWire {
            profile: c.profile.id().to_string(),
            hostname: c.hostname.clone(),
            local_domains: c.local_domains.clone(),
            accounts: c
                .accounts
                .iter()
                .map(|a| (a.user.clone(), a.password.clone(), a.token.clone()))
                .collect(),
            mailboxes: c.mailboxes.clone(),
            policies: PoliciesWire::from(&c.policies),
            starttls: c.starttls,
            implicit_tls: c.implicit_tls,
            aliases: c.aliases.clone(),
            nonce_seed: c.nonce_seed,
        }
    }
}

impl ConfigWire {
    fn to_config(&self) -> Result<ServerConfig, JobError> {
        let profile = Profile::from_id(&self.profile)
            .ok_or_else(|| JobError::Unknown(self.profile.clone()))?;
        Ok(ServerConfig {
            profile,
            hostname: self.hostname.clone(),
            local_domains: self.local_domains.clone(),
            accounts: self
                .accounts
                .iter()
                .map(|(user, password, token)| Account {
                    user: user.clone(),
                    password: password.clone(),
                    token: token.clone(),
                })
                .collect(),
            mailboxes: self.mailboxes.clone(),
            policies: self.policies.to_policies(),
            starttls: self.starttls,
            implicit_tls: self.implicit_tls,
            aliases: self.aliases.clone(),
            nonce_seed: self.nonce_seed,
        })
    }
}
