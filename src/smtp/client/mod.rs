//! The SMTP client session (RFC 5321 §3, §4), sans-IO: server bytes in, client bytes out.
//!
//! ```text
//!  connect ─▶ 220 ─▶ EHLO ─┬─ 500/502 ─▶ HELO
//!                          ▼
//!              [STARTTLS ─▶ 220 ─▶ (caller "does TLS") ─▶ EHLO again]   security = StartTls
//!                          ▼
//!              [AUTH mech ─▶ 334 … ─▶ 235]                             user given
//!                          ▼
//!              MAIL FROM:<s> [SIZE=n] [BODY=8BITMIME]
//!              RCPT TO:<r> × every To, Cc and Bcc        ─┐ one write with PIPELINING,
//!              DATA ─▶ 354 ─▶ message, dot-stuffed, "."   ─┘ replies read back in order
//!                 (or BDAT n LAST + the octets, with CHUNKING when asked)
//!                          ▼
//!                        QUIT ─▶ 221
//! ```
//!
//! [`Client::receive`] takes whatever a read returned (a partial line, several replies) and
//! returns [`Action`]s: bytes to write, "start TLS now" (simulated: the caller answers with
//! [`Client::tls_established`]), or "close". Every reply is reacted to: a refused recipient
//! is reported and the others go on (DATA only if one was accepted); a 4xx is a transient
//! failure, a 5xx a permanent one that ends the transaction; 421 ends the session at once.
//!
//! The [`Outcome`] holds each recipient's result, the transcript of both sides with the
//! client's reasons, the SASL trace, and a log in the DokuWiki smtp plugin's form (seed
//! 000): `Set: …`, `Connecting to … at …`, `Got: …`, `Sent: …`.
//!
//! Nonces (SCRAM, DIGEST-MD5's cnonce, NTLM's client challenge and time) are settings: the
//! engine draws no randomness. [`run_in_memory`] drives our own
//! [`Server`](crate::smtp::server::Server) with it.
//!
//! One concern a file: here the settings and the public API; `dialog` (lines, replies,
//! commands, the transcript), `replies` (the reaction to each reply), `auth` (AUTH over a
//! SASL exchange), `transaction` (MAIL, RCPT, DATA or BDAT), `state` (the server's EHLO
//! keywords, the replies awaited), `outcome` (what a session yields) and `memory` (the
//! client against our own server).

use std::collections::VecDeque;

use crate::i18n::Text;
use crate::mime::Envelope;
use crate::sasl::exchange::ClientExchange;

mod auth;
mod dialog;
mod memory;
mod outcome;
mod replies;
mod state;
mod transaction;

pub use memory::{run_in_memory, run_in_memory_observed, Wire};
pub use outcome::{
    AuthReport, ClientNote, Entry, Failure, Outcome, RecipientResult, RecipientStatus,
};
use state::{Expect, Extensions};

/// The longest reply line kept (RFC 5321 §4.5.3.1.5 says 512 with CRLF; servers exceed it).
const MAX_REPLY_LINE: usize = 2048;
/// The most lines one reply may have (an EHLO reply has a dozen).
const MAX_REPLY_LINES: usize = 100;
/// The most transcript entries kept (a session has a few dozen).
const MAX_TRANSCRIPT: usize = 2000;
/// The SASL mechanisms the client uses on its own, best first. NTLM only when chosen.
pub const PREFERENCE: [&str; 6] = [
    "SCRAM-SHA-256",
    "SCRAM-SHA-1",
    "DIGEST-MD5",
    "CRAM-MD5",
    "PLAIN",
    "LOGIN",
];

/// How the connection is protected (the DokuWiki plugin's `smtp_ssl`: none / tls / ssl).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Security {
    /// Plain text all along (port 25 or 587 without TLS).
    #[default]
    None,
    /// Start in plain text, then STARTTLS (RFC 3207) before anything else; refuse to go on
    /// if the server does not offer it.
    StartTls,
    /// TLS from the first byte (port 465, RFC 8314). Simulated: the session is taken as
    /// encrypted from the start.
    ImplicitTls,
}

impl Security {
    /// `none`, `starttls`, `tls`.
    pub fn id(self) -> &'static str {
        match self {
            Security::None => "none",
            Security::StartTls => "starttls",
            Security::ImplicitTls => "tls",
        }
    }
}

/// The values a real client would draw at random, supplied by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nonces {
    /// SCRAM's client nonce (printable, no comma).
    pub scram: String,
    /// DIGEST-MD5's cnonce.
    pub cnonce: String,
    /// NTLM's 8-byte client challenge.
    pub ntlm_challenge: [u8; 8],
    /// NTLM's time (a FILETIME), used when the server's CHALLENGE carries none.
    pub ntlm_timestamp: u64,
}

impl Default for Nonces {
    fn default() -> Nonces {
        Nonces {
            scram: "rOprNGfwEbeRWgbNEkqO".into(),
            cnonce: "OA6MHXh6VqTrRk".into(),
            ntlm_challenge: [0xaa; 8],
            ntlm_timestamp: 0,
        }
    }
}

/// The client's settings, modelled on the DokuWiki smtp plugin's (seed 000): host, port,
/// security, user, password, sender, debug — plus the choices the plugin makes silently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientSettings {
    /// `smtp_host`: the server's name (also in DIGEST-MD5's `digest-uri`, `smtp/<host>`).
    pub host: String,
    /// `smtp_port`.
    pub port: u16,
    /// `smtp_ssl`.
    pub security: Security,
    /// `auth_user`: authenticate when given.
    pub user: Option<String>,
    /// `auth_pass`.
    pub password: Option<String>,
    /// The SASL mechanism; `None` picks the best the server offers ([`PREFERENCE`]).
    pub mechanism: Option<String>,
    /// The envelope sender (MAIL FROM); `None` uses the message's From address. (DokuWiki's
    /// `mailfrom` — seed 000's 553 came from it differing from the login.)
    pub sender: Option<String>,
    /// The name given in EHLO/HELO (DokuWiki sends its address literal, `[172.18.111.192]`).
    pub helo: String,
    /// `debug`: keep the full `Got:`/`Sent:` log, not only the verdict.
    pub debug: bool,
    /// Send MAIL, the RCPTs and DATA in one write when the server offers PIPELINING.
    pub pipelining: bool,
    /// Send the message with BDAT when the server offers CHUNKING (RFC 3030).
    pub chunking: bool,
    /// The client's random values.
    pub nonces: Nonces,
}

impl ClientSettings {
    /// Settings for `host:port`: no security, no authentication, pipelining when offered,
    /// DATA rather than BDAT, debug log on.
    pub fn new(host: &str, port: u16) -> ClientSettings {
        ClientSettings {
            host: host.to_string(),
            port,
            security: Security::None,
            user: None,
            password: None,
            mechanism: None,
            sender: None,
            helo: "localhost".into(),
            debug: true,
            pipelining: true,
            chunking: false,
            nonces: Nonces::default(),
        }
    }

    /// Authenticate as `user` with `password`.
    pub fn auth(mut self, user: &str, password: &str) -> ClientSettings {
        self.user = Some(user.to_string());
        self.password = Some(password.to_string());
        self
    }

    /// Use this SASL mechanism.
    pub fn mechanism(mut self, mechanism: &str) -> ClientSettings {
        self.mechanism = Some(mechanism.trim().to_ascii_uppercase());
        self
    }

    /// Sets the security.
    pub fn security(mut self, security: Security) -> ClientSettings {
        self.security = security;
        self
    }
}

/// What the caller does next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Write these bytes to the server.
    Send(Vec<u8>),
    /// The server said `220 Ready to start TLS`: do the TLS handshake now (simulated in the
    /// trainer), then call [`Client::tls_established`].
    StartTls,
    /// Close the connection; the session is over.
    Close,
}

/// A reply as the client read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerReply {
    /// The code.
    pub code: u16,
    /// The wire lines without CRLF, e.g. `["250-mail", "250 8BITMIME"]`.
    pub lines: Vec<String>,
}

impl ServerReply {
    /// The text of every line after the code, joined by spaces.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.get(4..).unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The last line (the one with a space after the code).
    pub fn last_line(&self) -> &str {
        self.lines.last().map(String::as_str).unwrap_or("")
    }

    /// 2yz or 3yz.
    pub fn is_positive(&self) -> bool {
        (200..400).contains(&self.code)
    }

    /// 4yz: try again later.
    pub fn is_transient(&self) -> bool {
        (400..500).contains(&self.code)
    }
}

/// Where in the session something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The greeting.
    Greeting,
    /// EHLO or HELO.
    Hello,
    /// STARTTLS.
    StartTls,
    /// AUTH.
    Auth,
    /// MAIL FROM.
    Mail,
    /// RCPT TO.
    Rcpt,
    /// DATA (or BDAT).
    Data,
    /// The message itself (the reply after the final dot or the last chunk).
    Message,
    /// QUIT.
    Quit,
}

impl Stage {
    /// The command, as the log names it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Greeting => "greeting",
            Stage::Hello => "EHLO",
            Stage::StartTls => "STARTTLS",
            Stage::Auth => "AUTH",
            Stage::Mail => "MAIL FROM",
            Stage::Rcpt => "RCPT TO",
            Stage::Data => "DATA",
            Stage::Message => "end of data",
            Stage::Quit => "QUIT",
        }
    }

    /// The code a client hopes for here.
    pub fn expected(self) -> u16 {
        match self {
            Stage::Greeting | Stage::StartTls => 220,
            Stage::Auth => 235,
            Stage::Data => 354,
            Stage::Quit => 221,
            _ => 250,
        }
    }
}

/// One client session.
#[derive(Clone, Debug)]
pub struct Client {
    settings: ClientSettings,
    sender: String,
    message: Vec<u8>,
    eight_bit: bool,
    outcome: Outcome,
    debug_log: Vec<String>,
    pending: VecDeque<Expect>,
    ext: Extensions,
    tls: bool,
    awaiting_tls: bool,
    authenticated: bool,
    /// The SASL exchange under way.
    exchange: Option<Box<dyn ClientExchange>>,
    mail_ok: bool,
    accepted: usize,
    pipelined: bool,
    use_bdat: bool,
    /// The incomplete line read so far, and the lines of the reply being assembled.
    buffer: Vec<u8>,
    reply_lines: Vec<String>,
    done: bool,
    quit_sent: bool,
}

impl Client {
    /// A session that will send `message` (its exact bytes) to `envelope`'s recipients.
    /// The server speaks first: feed its greeting to [`Client::receive`].
    pub fn new(settings: ClientSettings, envelope: Envelope, message: Vec<u8>) -> Client {
        let sender = settings
            .sender
            .clone()
            .unwrap_or_else(|| envelope.from.clone());
        let recipients = envelope
            .recipients
            .iter()
            .map(|r| RecipientResult {
                address: r.address.clone(),
                kind: r.kind,
                status: RecipientStatus::NotTried,
                reply: None,
            })
            .collect();
        let tls = settings.security == Security::ImplicitTls;
        let mut client = Client {
            eight_bit: message.iter().any(|b| *b >= 0x80),
            sender,
            message,
            outcome: Outcome {
                recipients,
                tls,
                ..Outcome::default()
            },
            debug_log: vec!["Set: the server".into()],
            pending: VecDeque::from([Expect::Greeting]),
            ext: Extensions::default(),
            tls,
            awaiting_tls: false,
            authenticated: false,
            exchange: None,
            mail_ok: false,
            accepted: 0,
            pipelined: false,
            use_bdat: false,
            buffer: Vec::new(),
            reply_lines: Vec::new(),
            done: false,
            quit_sent: false,
            settings,
        };
        if client.settings.user.is_some() {
            client.debug_log.push("Set: the auth".into());
        }
        client.debug_log.push("Set: a message will be sent".into());
        client.debug_log.push(format!(
            "Connecting to {} at {}",
            client.settings.host, client.settings.port
        ));
        client.note(ClientNote::Connecting {
            host: client.settings.host.clone(),
            port: client.settings.port,
            security: client.settings.security,
        });
        if tls {
            client.note(ClientNote::ImplicitTls);
        }
        client
    }

    /// Whether the session is over.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The outcome so far (complete once [`Client::is_done`]).
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// The outcome, with the log finished.
    pub fn into_outcome(mut self) -> Outcome {
        if !self.done {
            self.finish();
        }
        self.outcome
    }

    /// Feeds bytes read from the server; returns what to do, in order.
    pub fn receive(&mut self, bytes: &[u8]) -> Vec<Action> {
        let mut actions = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() && !self.done {
            match rest.iter().position(|b| *b == b'\n') {
                Some(at) => {
                    let (line, after) = rest.split_at(at);
                    rest = after.get(1..).unwrap_or_default();
                    self.push_buffer(line);
                    let mut line = std::mem::take(&mut self.buffer);
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    let text = String::from_utf8_lossy(&line).into_owned();
                    self.line(text, &mut actions);
                }
                None => {
                    self.push_buffer(rest);
                    rest = &[];
                }
            }
        }
        actions
    }

    /// The caller finished the TLS handshake asked for by [`Action::StartTls`].
    pub fn tls_established(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        if !self.awaiting_tls || self.done {
            return actions;
        }
        self.awaiting_tls = false;
        self.tls = true;
        self.outcome.tls = true;
        self.outcome.transcript.push(Entry::Tls);
        self.note(ClientNote::TlsEstablished);
        // RFC 3207 §4.2: discard what was learned before TLS.
        self.ext = Extensions::default();
        self.command(
            &format!("EHLO {}", self.settings.helo),
            Expect::Ehlo,
            &mut actions,
        );
        actions
    }

    /// The caller could not do what the session asked (a real TLS handshake, say); the
    /// session ends with `reason`.
    pub fn abort(&mut self, reason: Text) -> Vec<Action> {
        if self.done {
            return Vec::new();
        }
        self.fail(Failure::Local { reason });
        self.finish();
        vec![Action::Close]
    }

    /// The connection closed (or timed out) on the caller's side.
    pub fn connection_closed(&mut self) {
        if self.done {
            return;
        }
        if !self.quit_sent {
            self.fail(Failure::ConnectionClosed);
        }
        self.finish();
    }
}
