//! The simulated SMTP server session (RFC 5321), sans-IO.
//!
//! Bytes go in through [`Server::receive`] — a typed line, a pipelined burst, a BDAT chunk,
//! anything a TCP read could return — and [`Event`]s come out: replies (each carrying why it
//! was sent), the simulated TLS handshake, stored messages, the close. The caller supplies the
//! client's address and the time; nothing here reads a clock, a socket or a random source
//! (the fault injector's "share of commands" draws from a seeded generator the caller seeds).
//!
//! Memory is bounded for any input: a command line is kept up to 12288 octets (RFC 4954's
//! AUTH limit; each profile then reads as far as its real server does: 512 octets for RFC
//! 5321 strict, 2048 for Postfix and Sendmail) and a text line up to 1000 (the rest is
//! counted, not stored), a message up to the size limit, the mailbox
//! up to [`MAX_STORED`] messages, a transaction up to [`MAX_RECIPIENTS`] recipients.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::codes::{EnhancedCode, ReplyCode};
use super::command::{self, Command, ParseError, PathArg};
use super::profile::{fault_template, Counted, DataEnd, Extension, LineOver, Profile, Template};
use super::reply::Reply;
use super::why::{Detail, Leniency, SaslProblem, Situation, Why};
use crate::sasl::exchange::{
    AuthStep, Nonces, ServerEnv, ServerExchange, ServerFailure, ServerStep,
};
use crate::sasl::{login, registry};

/// RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF.
pub const MAX_COMMAND_LINE: usize = 512;
/// RFC 4954 §4: an AUTH command line and each SASL response line may be up to 12288 octets.
pub const MAX_AUTH_LINE: usize = 12288;
/// RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets including CRLF.
pub const MAX_TEXT_LINE: usize = 1000;
/// The most recipients one transaction takes (RFC 5321 §4.5.3.1.8 asks for at least 100).
pub const MAX_RECIPIENTS: usize = 100;
/// The most messages the session's mailbox keeps; older ones are dropped first.
pub const MAX_STORED: usize = 100;
/// No message is kept above this size, whatever the policy says.
pub const HARD_MAX_MESSAGE: u64 = 64 * 1024 * 1024;
/// Replies to junk never outgrow what came in: once the replies of a session exceed its
/// input by this many octets, the next command gets the profile's `TooManyErrors` 421 and
/// the session ends, whether or not the profile has error limits (1 MB of bare LFs would
/// otherwise be answered with about 40 MB of `500`s).
pub const REPLY_ALLOWANCE: u64 = 64 * 1024;

pub use crate::sasl::exchange::Account;

/// What the learner can switch on and off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policies {
    /// MAIL needs a successful AUTH first (530 5.7.0).
    pub require_auth: bool,
    /// MAIL FROM must equal the authenticated user (553, seed 000).
    pub sender_must_match_auth: bool,
    /// The SASL daemon is down: every AUTH fails (535, seed 004's saslauthd).
    pub sasl_daemon_down: bool,
    /// VRFY answers (250/252) instead of being refused.
    pub vrfy_allowed: bool,
    /// EXPN answers instead of being refused.
    pub expn_allowed: bool,
    /// AUTH needs STARTTLS first (530 5.7.0 Must issue a STARTTLS command first).
    pub tls_before_auth: bool,
    /// RCPT to an unknown local mailbox is refused (550 5.1.1).
    pub known_mailboxes_only: bool,
    /// RCPT to another domain needs authentication (554/550 5.7.1).
    pub deny_relay: bool,
    /// The largest message accepted, in octets (advertised in SIZE).
    pub max_message_size: u64,
    /// Injected faults.
    pub fault: Option<Fault>,
    /// Greylisting (as postgrey does): the first RCPT of each sender/recipient pair gets
    /// 450, a retry is accepted.
    pub greylist: bool,
    /// A message line ending in a bare LF instead of CRLF is refused with 521 and the
    /// connection closed (Postfix's `smtpd_forbid_bare_newline`, against SMTP smuggling).
    pub reject_bare_lf: bool,
}

/// A fault the server injects (like Mailpit's chaos).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// 421, 450, 451 or 452.
    pub code: u16,
    /// When it fires.
    pub mode: FaultMode,
}

/// When an injected fault fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaultMode {
    /// On the next command only.
    NextCommand,
    /// On about `percent` out of 100 commands, drawn from a generator seeded with `seed`.
    Share {
        /// 1–100.
        percent: u8,
        /// The generator's seed (the caller's choice: fixed in tests, random in the page).
        seed: u64,
    },
}

/// The server's configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerConfig {
    /// Whose behaviour to reproduce.
    pub profile: Profile,
    /// The server's own name.
    pub hostname: String,
    /// Domains whose mail this server takes for local mailboxes.
    pub local_domains: Vec<String>,
    /// Accounts for AUTH.
    pub accounts: Vec<Account>,
    /// Known local mailboxes (full addresses).
    pub mailboxes: Vec<String>,
    /// The switches.
    pub policies: Policies,
    /// Whether STARTTLS is offered (and simulated). Off where a real client would start a
    /// real TLS handshake, as over TCP with `smtp-trainer serve`.
    pub starttls: bool,
    /// Implicit TLS (SMTPS, port 465, RFC 8314): the session starts inside (simulated) TLS,
    /// so STARTTLS is not offered and TLS-before-AUTH is already satisfied.
    pub implicit_tls: bool,
    /// Other names clients may know the server by (an IP address, `localhost`): DIGEST-MD5
    /// accepts `smtp/<name>` for the host name and each of these (RFC 2831 §2.1.2).
    pub aliases: Vec<String>,
    /// Seeds the CRAM-MD5 and DIGEST-MD5 nonces. The engine draws no randomness of its own:
    /// the page and the CLI pass a random seed, tests a fixed one.
    pub nonce_seed: u64,
}

impl ServerConfig {
    /// The profile's defaults: its host name, `example.com` (or the provider's domain) as
    /// the local domain, no accounts, and the policies the real server ships with. A
    /// provider's submission server takes mail only after AUTH.
    pub fn new(profile: Profile) -> ServerConfig {
        let coremail = profile == Profile::Coremail163;
        let provider = profile.is_provider();
        ServerConfig {
            profile,
            hostname: profile.default_hostname().to_string(),
            local_domains: vec![profile.default_domain().to_string()],
            accounts: Vec::new(),
            mailboxes: Vec::new(),
            policies: Policies {
                require_auth: provider,
                sender_must_match_auth: coremail,
                sasl_daemon_down: false,
                vrfy_allowed: !provider,
                // Debian's Sendmail answers EXPN (its privacy flags say only needexpnhelo).
                expn_allowed: profile == Profile::Sendmail,
                tls_before_auth: false,
                known_mailboxes_only: false,
                deny_relay: true,
                max_message_size: profile.default_max_size(),
                fault: None,
                greylist: false,
                reject_bare_lf: false,
            },
            starttls: true,
            implicit_tls: false,
            aliases: Vec::new(),
            nonce_seed: 0,
        }
    }

    /// Adds an account and its mailbox (`user` if it is an address, else `user@` the first
    /// local domain).
    pub fn with_account(mut self, user: &str, password: &str) -> ServerConfig {
        let mailbox = if user.contains('@') {
            user.to_string()
        } else {
            format!(
                "{user}@{}",
                self.local_domains
                    .first()
                    .map(String::as_str)
                    .unwrap_or("localhost")
            )
        };
        self.accounts.push(Account {
            user: user.to_string(),
            password: password.to_string(),
            token: None,
        });
        self.add_mailbox(mailbox);
        self
    }

    /// Gives the account `user` an OAuth 2.0 access token, which XOAUTH2 and OAUTHBEARER
    /// check (RFC 7628 §3.1); an unknown `user` changes nothing.
    pub fn with_token(mut self, user: &str, token: &str) -> ServerConfig {
        if let Some(account) = self.accounts.iter_mut().find(|a| a.user == user) {
            account.token = Some(token.to_string());
        }
        self
    }

    fn add_mailbox(&mut self, mailbox: String) {
        if !self
            .mailboxes
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&mailbox))
        {
            self.mailboxes.push(mailbox);
        }
    }

    fn account_address(&self, user: &str) -> String {
        if user.contains('@') {
            user.to_string()
        } else {
            format!(
                "{user}@{}",
                self.local_domains
                    .first()
                    .map(String::as_str)
                    .unwrap_or("localhost")
            )
        }
    }

    fn is_local(&self, address: &str) -> bool {
        if address.eq_ignore_ascii_case("postmaster") {
            return true;
        }
        let domain = address.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
        self.local_domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case(domain))
            || domain.eq_ignore_ascii_case(&self.hostname)
    }

    fn knows_mailbox(&self, address: &str) -> bool {
        address.eq_ignore_ascii_case("postmaster")
            || address
                .split_once('@')
                .is_some_and(|(local, _)| local.eq_ignore_ascii_case("postmaster"))
            || self
                .mailboxes
                .iter()
                .any(|m| m.eq_ignore_ascii_case(address))
    }
}

/// What comes out of the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A reply to send.
    Reply(Reply),
    /// The simulated TLS handshake happened here (after `220 Ready to start TLS`).
    TlsStarted,
    /// A message was accepted; its index in [`Server::mailbox`].
    Stored(usize),
    /// The server closed the connection (after 221 or 421).
    Closed,
}

/// A message the server accepted, with its envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMessage {
    /// The queue id from the acceptance reply.
    pub id: String,
    /// MAIL FROM (empty for the null sender).
    pub from: String,
    /// Every accepted RCPT TO.
    pub recipients: Vec<String>,
    /// The message as stored: the `Received:` header the server added, then the data with
    /// dot-stuffing undone, CRLF line ends.
    pub data: Vec<u8>,
    /// The time the caller supplied when it arrived.
    pub received_at: String,
    /// Whether it came by BDAT rather than DATA.
    pub chunked: bool,
}

/// A read-only view of the session's state, for a status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionView {
    /// The HELO/EHLO name, if greeted.
    pub hello: Option<String>,
    /// Whether EHLO (not HELO) was used.
    pub esmtp: bool,
    /// The authenticated user.
    pub user: Option<String>,
    /// Whether the (simulated) TLS is active.
    pub tls: bool,
    /// MAIL FROM of the open transaction.
    pub from: Option<String>,
    /// Its accepted recipients.
    pub recipients: Vec<String>,
    /// What the server expects next.
    pub mode: Mode,
    /// In [`Mode::Chunk`]: how many octets of the BDAT chunk are still expected.
    pub chunk_remaining: Option<u64>,
}

/// What kind of input the server expects next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A command.
    Command,
    /// Message lines, until a lone dot.
    Data,
    /// The octets of a BDAT chunk.
    Chunk,
    /// A base64 SASL response (or `*`).
    AuthResponse,
    /// Nothing: the connection is closed.
    Closed,
}

#[derive(Clone, Debug)]
struct Hello {
    name: String,
    esmtp: bool,
}

#[derive(Clone, Debug, Default)]
struct Transaction {
    from: String,
    recipients: Vec<String>,
    body: Vec<u8>,
    size: u64,
    /// The longest message line seen, in octets without CRLF.
    longest_line: usize,
    /// A message line ended in a bare LF.
    bare_lf: bool,
    /// The caller ran out of room for message text ([`Server::set_storage_full`]): the text
    /// is no longer kept and the message gets `InsufficientStorage` (452) at its end.
    no_room: bool,
    chunked: bool,
    /// MAIL FROM carried SMTPUTF8 (RFC 6531 §3.4): non-ASCII recipients may follow.
    smtputf8: bool,
    /// MAIL FROM asked for PRDR: one reply per recipient after the message.
    prdr: bool,
}

#[derive(Clone, Debug)]
enum Phase {
    Command(Option<Transaction>),
    Data(Transaction),
    Chunk {
        /// The transaction: receiving this chunk when `accept`, else held unchanged while
        /// the chunk is read and discarded (BDAT out of sequence, RFC 3030 §2).
        tx: Option<Transaction>,
        accept: bool,
        remaining: u64,
        last: bool,
        /// The refusal was sent before the chunk (Exim); the chunk is discarded silently.
        answered: bool,
    },
    /// A SASL exchange awaits the client's next response (RFC 4954 §4).
    Auth(Box<dyn ServerExchange>),
    Closed,
}

/// Values for a template's placeholders.
#[derive(Default)]
struct Vars<'a> {
    addr: &'a str,
    /// The address or argument exactly as typed (with its angle brackets, if any).
    raw: &'a str,
    /// The full address (qualified with the local domain).
    full: &'a str,
    verb: &'a str,
    limit: u64,
    line: &'a str,
    id: &'a str,
    size: u64,
    user: &'a str,
    challenge: &'a str,
}

/// One SMTP server session.
#[derive(Clone, Debug)]
pub struct Server {
    config: ServerConfig,
    client_ip: String,
    client_name: Option<String>,
    now: String,
    hello: Option<Hello>,
    user: Option<String>,
    tls: bool,
    phase: Phase,
    /// The incomplete line so far (bounded), and how long it really is.
    pending: Vec<u8>,
    pending_len: usize,
    pending_ends_cr: bool,
    /// The line being handled ended in a bare LF.
    bare_lf: bool,
    /// Where the command being handled relies on the profile's leniency (noted on the reply).
    leniency: Option<Leniency>,
    /// Sender/recipient pairs greylisted once already (bounded).
    greylisted: Vec<(String, String)>,
    mailbox: Vec<StoredMessage>,
    stored_total: u64,
    rng: u64,
    nonces: Nonces,
    /// Octets that came after a successful STARTTLS in the same input and were discarded.
    discarded_after_tls: usize,
    /// The previous line ended in a bare LF (for the end of DATA: `<LF>.<LF>`).
    previous_bare_lf: bool,
    /// Error replies so far (the profile's [`ErrorLimits`](super::profile::ErrorLimits)).
    errors: u32,
    /// Failed AUTHs and refused recipients so far.
    auth_failures: u32,
    bad_recipients: u32,
    /// Replies sent at or over the soft error limit since the caller last asked.
    delayed_replies: u32,
    /// Octets received and octets of replies sent (replies never outgrow the input).
    octets_in: u64,
    octets_out: u64,
    /// End-of-data lookalikes around bare LFs or CRs seen since the caller last asked.
    smuggling_attempts: u32,
    /// The caller has no room for more message text.
    storage_full: bool,
    /// The message being finished ended at a dot next to a bare LF.
    ended_at_bare_lf: bool,
}

impl Server {
    /// A new session for a client at `client_ip`, at time `now` (any text; it appears in
    /// the greeting of some profiles and in `Received:`).
    pub fn new(config: ServerConfig, client_ip: &str, now: &str) -> Server {
        let implicit_tls = config.implicit_tls;
        let nonce_seed = config.nonce_seed;
        let seed = match config.policies.fault {
            Some(Fault {
                mode: FaultMode::Share { seed, .. },
                ..
            }) => seed,
            _ => 0,
        };
        Server {
            config,
            client_ip: client_ip.to_string(),
            client_name: None,
            now: now.to_string(),
            hello: None,
            user: None,
            tls: implicit_tls,
            phase: Phase::Command(None),
            pending: Vec::new(),
            pending_len: 0,
            pending_ends_cr: false,
            bare_lf: false,
            leniency: None,
            greylisted: Vec::new(),
            mailbox: Vec::new(),
            stored_total: 0,
            rng: seed ^ 0x9E37_79B9_7F4A_7C15,
            nonces: Nonces::new(nonce_seed),
            discarded_after_tls: 0,
            previous_bare_lf: false,
            errors: 0,
            auth_failures: 0,
            bad_recipients: 0,
            delayed_replies: 0,
            octets_in: 0,
            octets_out: 0,
            smuggling_attempts: 0,
            storage_full: false,
            ended_at_bare_lf: false,
        }
    }

    /// Sets the client's host name as the server's reverse DNS lookup found it (Sendmail
    /// greets with it: `Hello x-128-101-1-240.ahc.umn.edu [128.101.1.240]`, seed 004).
    pub fn with_client_name(mut self, name: &str) -> Server {
        self.client_name = Some(name.to_string());
        self
    }

    /// `name [ip]`, or `[ip]` when the client's name is unknown.
    fn peer(&self) -> String {
        match &self.client_name {
            Some(name) => format!("{name} [{}]", self.client_ip),
            None => format!("[{}]", self.client_ip),
        }
    }

    /// The greeting the server sends on connect.
    pub fn greeting(&self) -> Reply {
        self.reply(Situation::Greeting, &Vars::default(), None)
    }

    /// Updates the time used for later `Received:` headers and greetings.
    pub fn set_now(&mut self, now: &str) {
        self.now = now.to_string();
    }

    /// The configuration.
    pub fn config(&self) -> &ServerConfig {
        &self.config
    }

    /// Changes the policies mid-session (the console's switches).
    pub fn set_policies(&mut self, policies: Policies) {
        // A new share fault starts its draws from its seed; changing another switch does
        // not restart the sequence.
        if policies.fault != self.config.policies.fault {
            if let Some(Fault {
                mode: FaultMode::Share { seed, .. },
                ..
            }) = policies.fault
            {
                self.rng = seed ^ 0x9E37_79B9_7F4A_7C15;
            }
        }
        self.config.policies = policies;
    }

    /// Every message accepted so far (at most [`MAX_STORED`], oldest first).
    pub fn mailbox(&self) -> &[StoredMessage] {
        &self.mailbox
    }

    /// Takes the accepted messages out of the session (a TCP server that has logged them
    /// need not keep them).
    pub fn take_mailbox(&mut self) -> Vec<StoredMessage> {
        std::mem::take(&mut self.mailbox)
    }

    /// The reply when the client has been silent too long; the session is closed after it.
    pub fn timeout(&mut self) -> Reply {
        self.hello = None;
        self.user = None;
        self.phase = Phase::Closed;
        self.reply(Situation::Timeout, &Vars::default(), None)
    }

    /// The reply for a connection refused because the server is busy (sent instead of the
    /// greeting, then the connection is closed).
    pub fn busy(&self) -> Reply {
        self.reply(Situation::TooManyConnections, &Vars::default(), None)
    }

    /// How many octets followed the last successful STARTTLS in the same input and were
    /// discarded, not executed (reset to 0 by the call).
    pub fn take_discarded_after_tls(&mut self) -> usize {
        std::mem::take(&mut self.discarded_after_tls)
    }

    /// How many error replies (4xx and 5xx) the session has sent: the count the profile's
    /// error limits apply to.
    pub fn errors(&self) -> u32 {
        self.errors
    }

    /// How many replies since the last call went out at or over the profile's soft error
    /// limit (reset by the call). A real server sleeps before each: the caller waits this
    /// many times the limits' `sleep_seconds` before sending them.
    pub fn take_delayed_replies(&mut self) -> u32 {
        std::mem::take(&mut self.delayed_replies)
    }

    /// How many times since the last call a lone dot arrived next to a bare LF or a bare CR
    /// during DATA (`<LF>.<LF>`, `<CR><LF>.<LF>`, `<LF>.<CR><LF>`, `<CR>.<CR><LF>`): an
    /// attempt at SMTP smuggling, whether or not the profile ended the message there.
    pub fn take_smuggling_attempts(&mut self) -> u32 {
        std::mem::take(&mut self.smuggling_attempts)
    }

    /// The caller (a server with a memory budget for all its sessions) has no room for more
    /// message text: from now on text is counted but not kept, and a message that lost text
    /// gets `InsufficientStorage` (452 4.3.1) at its end. `false` gives the room back.
    pub fn set_storage_full(&mut self, full: bool) {
        self.storage_full = full;
        if full {
            let tx = match &mut self.phase {
                Phase::Data(tx) => Some(tx),
                Phase::Chunk { tx: Some(tx), .. } => Some(tx),
                _ => None,
            };
            if let Some(tx) = tx {
                tx.no_room = true;
                tx.body = Vec::new();
            }
        }
    }

    /// How many octets of memory the open transaction's message text takes now (what is
    /// allocated for it, not only what is filled).
    pub fn message_memory(&self) -> usize {
        match &self.phase {
            Phase::Data(tx) => tx.body.capacity(),
            Phase::Chunk { tx: Some(tx), .. } => tx.body.capacity(),
            _ => 0,
        }
    }

    /// Whether the server has closed the connection.
    pub fn is_closed(&self) -> bool {
        matches!(self.phase, Phase::Closed)
    }

    /// What the server reads next: [`SessionView::mode`] without copying the rest of the view.
    pub fn mode(&self) -> Mode {
        match &self.phase {
            Phase::Command(_) => Mode::Command,
            Phase::Data(_) => Mode::Data,
            Phase::Chunk { .. } => Mode::Chunk,
            Phase::Auth(_) => Mode::AuthResponse,
            Phase::Closed => Mode::Closed,
        }
    }

    /// The session's state, for display.
    pub fn view(&self) -> SessionView {
        let (tx, mode) = match &self.phase {
            Phase::Command(tx) => (tx.as_ref(), Mode::Command),
            Phase::Data(tx) => (Some(tx), Mode::Data),
            Phase::Chunk { tx, .. } => (tx.as_ref(), Mode::Chunk),
            Phase::Auth(_) => (None, Mode::AuthResponse),
            Phase::Closed => (None, Mode::Closed),
        };
        SessionView {
            hello: self.hello.as_ref().map(|h| h.name.clone()),
            esmtp: self.hello.as_ref().is_some_and(|h| h.esmtp),
            user: self.user.clone(),
            tls: self.tls,
            from: tx.map(|t| t.from.clone()),
            recipients: tx.map(|t| t.recipients.clone()).unwrap_or_default(),
            mode,
            chunk_remaining: match &self.phase {
                Phase::Chunk { remaining, .. } => Some(*remaining),
                _ => None,
            },
        }
    }

    /// Feeds bytes from the client; returns what the server does, in order. Lines end in
    /// CRLF or a bare LF; several commands in one input are answered in order (pipelining).
    pub fn receive(&mut self, input: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        self.octets_in += input.len() as u64;
        let mut rest = input;
        while !rest.is_empty() && !self.is_closed() {
            if let Phase::Chunk { remaining, .. } = &mut self.phase {
                let take = (*remaining).min(rest.len() as u64) as usize;
                let (chunk, after) = rest.split_at(take);
                *remaining -= take as u64;
                self.chunk_bytes(chunk);
                rest = after;
                if matches!(self.phase, Phase::Chunk { remaining: 0, .. }) {
                    self.end_chunk(&mut events);
                }
                continue;
            }
            // What is kept of a line: a command line up to AUTH's 12288 octets (RFC 4954 §4)
            // so that the profile can judge it, a text line up to 1000; the rest is counted.
            let limit = match self.phase {
                Phase::Data(_) => MAX_TEXT_LINE,
                _ => MAX_AUTH_LINE,
            };
            match rest.iter().position(|b| *b == b'\n') {
                Some(at) => {
                    self.push_pending(&rest[..at], limit);
                    rest = &rest[at + 1..];
                    let mut line = std::mem::take(&mut self.pending);
                    let raw = std::mem::take(&mut self.pending_len);
                    // The line's length on the wire with its CRLF; a bare LF counts as CRLF.
                    let length = if self.pending_ends_cr {
                        if line.len() == raw {
                            line.pop();
                        }
                        raw + 1
                    } else {
                        raw + 2
                    };
                    self.previous_bare_lf =
                        std::mem::replace(&mut self.bare_lf, !self.pending_ends_cr);
                    self.pending_ends_cr = false;
                    self.counted_line(line, length, &mut events);
                    if matches!(events.last(), Some(Event::TlsStarted)) {
                        // RFC 3207 §4: STARTTLS must be the last command of a pipelined
                        // group. What follows it in the same input is plaintext anyone on
                        // the path could have inserted (the STARTTLS command injection,
                        // CVE-2011-0411): discard it, never run it as if inside TLS.
                        self.discarded_after_tls = rest.len();
                        break;
                    }
                }
                None => {
                    self.push_pending(rest, limit);
                    rest = &[];
                }
            }
        }
        events
    }

    /// Keeps at most `limit` octets of the line being assembled; counts the rest.
    fn push_pending(&mut self, bytes: &[u8], limit: usize) {
        let room = limit.saturating_sub(self.pending.len());
        self.pending
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
        self.pending_len += bytes.len();
        if let Some(last) = bytes.last() {
            self.pending_ends_cr = *last == b'\r';
        }
    }

    /// One complete line, with the error limits around it: a command after too many errors
    /// (or after replies that outgrew the input) gets `TooManyErrors` and the session ends;
    /// each error reply is counted, and each reply at or over the soft limit noted.
    fn counted_line(&mut self, line: Vec<u8>, length: usize, events: &mut Vec<Event>) {
        let profile = self.config.profile;
        let limits = profile.error_limits();
        if matches!(self.phase, Phase::Command(_)) {
            let verb = |v: &[u8]| {
                line.get(..v.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(v))
            };
            if verb(b"AUTH") {
                if let Some(limit) = profile.auth_failure_limit() {
                    if self.auth_failures >= limit {
                        let detail = Detail::Limit {
                            limit: u64::from(limit),
                            seen: u64::from(self.auth_failures),
                        };
                        self.say(
                            events,
                            Situation::TooManyAuthFailures,
                            &Vars::default(),
                            Some(detail),
                        );
                        return self.close(events);
                    }
                }
            }
            if verb(b"RCPT") {
                if let Some(limit) = profile.bad_recipient_limit() {
                    if self.bad_recipients >= limit {
                        let detail = Detail::Limit {
                            limit: u64::from(limit),
                            seen: u64::from(self.bad_recipients),
                        };
                        return self.say(
                            events,
                            Situation::TooManyBadRecipients,
                            &Vars::default(),
                            Some(detail),
                        );
                    }
                }
            }
            let over_hard =
                limits.is_some_and(|l| l.counted == Counted::EveryError && self.errors >= l.hard);
            let outgrown = self.octets_out > self.octets_in + REPLY_ALLOWANCE;
            if over_hard || outgrown {
                let detail = if over_hard {
                    Detail::Limit {
                        limit: limits.map_or(0, |l| u64::from(l.hard)),
                        seen: u64::from(self.errors),
                    }
                } else {
                    Detail::Limit {
                        limit: self.octets_in + REPLY_ALLOWANCE,
                        seen: self.octets_out,
                    }
                };
                self.say(
                    events,
                    Situation::TooManyErrors,
                    &Vars::default(),
                    Some(detail),
                );
                return self.close(events);
            }
        }
        let before = events.len();
        self.line(line, length, events);
        let mut at = before;
        while let Some(event) = events.get(at) {
            at += 1;
            let Event::Reply(reply) = event else {
                continue;
            };
            let situation = reply.why.situation;
            self.octets_out += reply.wire_len() as u64;
            match situation {
                Situation::AuthFailed | Situation::AuthBackendDown => self.auth_failures += 1,
                Situation::RelayDenied | Situation::UnknownUser => self.bad_recipients += 1,
                _ => {}
            }
            let Some(l) = limits else {
                continue;
            };
            match l.counted {
                Counted::EveryError => {
                    // The server's own trouble (an injected fault, no room) is no error of
                    // the client's.
                    let servers_fault =
                        matches!(situation, Situation::Fault | Situation::InsufficientStorage);
                    if !servers_fault && reply.code.digits()[0] >= 4 {
                        self.errors = self.errors.saturating_add(1);
                    }
                    if l.sleep_seconds > 0 && self.errors >= l.soft {
                        self.delayed_replies = self.delayed_replies.saturating_add(1);
                    }
                }
                Counted::UnknownCommands if situation == Situation::Unrecognized => {
                    self.errors = self.errors.saturating_add(1);
                    if self.errors > l.hard {
                        // This one is answered with the limit's reply instead, and the
                        // session ends.
                        events.truncate(at - 1);
                        let detail = Detail::Limit {
                            limit: u64::from(l.hard),
                            seen: u64::from(self.errors),
                        };
                        self.say(
                            events,
                            Situation::TooManyErrors,
                            &Vars::default(),
                            Some(detail),
                        );
                        return self.close(events);
                    }
                }
                Counted::UnknownCommands => {}
            }
        }
    }

    /// One complete line (CRLF removed); `length` is its real length including CRLF.
    fn line(&mut self, line: Vec<u8>, length: usize, events: &mut Vec<Event>) {
        let line_len = length;
        match std::mem::replace(&mut self.phase, Phase::Closed) {
            Phase::Data(tx) => self.data_line(tx, &line, line_len, events),
            Phase::Auth(exchange) => {
                self.phase = Phase::Command(None);
                if line_len > MAX_AUTH_LINE {
                    let detail = Detail::Limit {
                        limit: MAX_AUTH_LINE as u64,
                        seen: line_len as u64,
                    };
                    return self.say(
                        events,
                        Situation::LineTooLong,
                        &Vars::default(),
                        Some(detail),
                    );
                }
                self.auth_response(exchange, &line, events);
            }
            Phase::Command(tx) => {
                self.phase = Phase::Command(tx);
                let is_auth = line
                    .get(..5)
                    .is_some_and(|head| head.eq_ignore_ascii_case(b"AUTH "));
                let limit = self.config.profile.command_line_limit();
                let mut line = line;
                let mut cut = None;
                if is_auth && line_len <= MAX_AUTH_LINE {
                    // RFC 4954 §4: AUTH with its initial response may be 12288 octets long.
                } else if line_len > limit.octets {
                    let detail = Detail::Limit {
                        limit: limit.octets as u64,
                        seen: line_len as u64,
                    };
                    match limit.over {
                        LineOver::Refuse => {
                            return self.say(
                                events,
                                Situation::LineTooLong,
                                &Vars::default(),
                                Some(detail),
                            );
                        }
                        LineOver::RefuseThenRest => {
                            self.say(
                                events,
                                Situation::LineTooLong,
                                &Vars::default(),
                                Some(detail),
                            );
                            // The rest of the line arrives as a command of its own; it is a
                            // part of a long line, so not a verb the server knows.
                            if line_len > limit.octets + 2 {
                                self.say(events, Situation::Unrecognized, &Vars::default(), None);
                            }
                            return;
                        }
                        LineOver::Close => {
                            self.say(
                                events,
                                Situation::LineTooLongClose,
                                &Vars::default(),
                                Some(detail),
                            );
                            return self.close(events);
                        }
                        LineOver::Truncate => {
                            // The server reads the first `octets` (with CRLF) and skips
                            // the rest of the line.
                            line.truncate(limit.octets.saturating_sub(2));
                            cut = Some(Leniency::LongCommandLine {
                                limit: limit.octets as u64,
                                seen: line_len as u64,
                            });
                        }
                    }
                } else if line_len > MAX_COMMAND_LINE {
                    cut = Some(Leniency::LongCommandLine {
                        limit: limit.octets as u64,
                        seen: line_len as u64,
                    });
                }
                self.leniency = cut;
                let text = String::from_utf8_lossy(&line).into_owned();
                self.command_line(&text, events);
                self.leniency = None;
            }
            other => self.phase = other,
        }
    }

    fn reply(&self, situation: Situation, vars: &Vars, detail: Option<Detail>) -> Reply {
        let profile = self.config.profile;
        let template = profile.template(situation);
        // Where the profile's wording comes from, and what the RFC says where it differs.
        let detail = match profile.note(situation) {
            Some(note) => Some(Detail::Provider {
                note,
                then: detail.map(Box::new),
            }),
            None => detail,
        };
        self.reply_from(template, situation, vars, detail)
    }

    /// The session's id as Gmail puts it in its replies (`… <id> - gsmtp`): from the
    /// caller's seed, so it differs between sessions and repeats in tests. The sources show
    /// where the id goes, not how Google makes it; here it is 16 hex digits.
    fn session_id(&self) -> String {
        let mut z = self.config.nonce_seed ^ 0x6A09_E667_F3BC_C908;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        format!("{:016x}", z ^ (z >> 31))
    }

    fn reply_from(
        &self,
        template: Template,
        situation: Situation,
        vars: &Vars,
        detail: Option<Detail>,
    ) -> Reply {
        let profile = self.config.profile;
        // RFC 2034 §3: enhanced codes on every reply but the greeting and HELO/EHLO.
        let enhanced = if profile.enhanced_codes()
            && profile.enhanced_on(situation)
            && !matches!(
                situation,
                Situation::Greeting | Situation::Helo | Situation::Ehlo
            ) {
            template.enhanced.and_then(|e| EnhancedCode::parse(e).ok())
        } else {
            None
        };
        let lines = template.lines.iter().map(|l| self.fill(l, vars)).collect();
        Reply {
            code: ReplyCode::new(template.code).unwrap_or(FALLBACK_CODE),
            enhanced,
            lines,
            why: Why { situation, detail },
        }
    }

    fn fill(&self, template: &str, vars: &Vars) -> String {
        let client = self
            .hello
            .as_ref()
            .map(|h| h.name.as_str())
            .unwrap_or("unknown");
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let size;
            let peer;
            let value = match &after[..close] {
                "peer" => {
                    peer = self.peer();
                    peer.as_str()
                }
                "host" => self.config.hostname.as_str(),
                "client" => client,
                "ip" => self.client_ip.as_str(),
                "date" => self.now.as_str(),
                "addr" => vars.addr,
                "line" => vars.line,
                "id" => vars.id,
                "user" => vars.user,
                "challenge" => vars.challenge,
                "raw" => vars.raw,
                "domain" => vars.addr.rsplit_once('@').map_or(vars.addr, |(_, d)| d),
                "full" => vars.full,
                "verb" => vars.verb,
                "size" => {
                    size = vars.size.to_string();
                    size.as_str()
                }
                "limit" => {
                    size = vars.limit.to_string();
                    size.as_str()
                }
                "session" => {
                    size = self.session_id();
                    size.as_str()
                }
                _ => "",
            };
            out.push_str(value);
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn say(
        &mut self,
        events: &mut Vec<Event>,
        situation: Situation,
        vars: &Vars,
        detail: Option<Detail>,
    ) {
        let detail = detail.or_else(|| self.lenient_detail());
        let reply = self.reply(situation, vars, detail);
        events.push(Event::Reply(reply));
    }

    /// The note for a reply to a command the real server takes where RFC 5321 would not.
    fn lenient_detail(&self) -> Option<Detail> {
        self.leniency.clone().map(|leniency| Detail::Lenient {
            server: self.config.profile.name(),
            leniency,
        })
    }

    fn transaction_detail(&self) -> Detail {
        match &self.phase {
            Phase::Command(Some(tx)) => Detail::Transaction {
                from: Some(tx.from.clone()),
                recipients: tx.recipients.len(),
            },
            _ => Detail::Transaction {
                from: None,
                recipients: 0,
            },
        }
    }

    /// Draws whether an injected fault fires on this command.
    fn fault_fires(&mut self) -> Option<u16> {
        let fault = self.config.policies.fault.clone()?;
        match fault.mode {
            FaultMode::NextCommand => {
                self.config.policies.fault = None;
                Some(fault.code)
            }
            FaultMode::Share { percent, .. } => {
                // xorshift64*: deterministic for a given seed.
                self.rng ^= self.rng >> 12;
                self.rng ^= self.rng << 25;
                self.rng ^= self.rng >> 27;
                let draw = self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % 100;
                (draw < u64::from(percent.min(100))).then_some(fault.code)
            }
        }
    }

    fn command_line(&mut self, text: &str, events: &mut Vec<Event>) {
        let shown: String = text.chars().take(100).collect();
        let vars = Vars {
            line: &shown,
            ..Vars::default()
        };
        // Postfix's smtpd_forbidden_commands: `CONNECT GET POST` and any first word ending
        // in a colon (a header line sent as a command) end the session.
        let first = text.split_whitespace().next().unwrap_or("");
        let forbidden = (first.len() > 1 && first.ends_with(':'))
            || ["CONNECT", "GET", "POST"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w));
        // Sendmail takes an HTTP request for an open-proxy probe (recorded: `GET /`).
        let http = ["CONNECT", "GET", "POST"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w));
        if (forbidden && self.config.profile == Profile::Postfix)
            || (http && self.config.profile == Profile::Sendmail)
        {
            self.say(events, Situation::ForbiddenCommand, &vars, None);
            return self.close(events);
        }
        let parsed = match command::parse(text) {
            Err(ParseError::Syntax {
                verb,
                problem: command::Syntax::UnexpectedArgument,
            }) if self.config.profile.ignores_argument(verb) => {
                self.leniency = Some(Leniency::IgnoredArgument(verb));
                command::parse(verb)
            }
            other => other,
        };
        let command = match parsed {
            Ok(command) => command,
            Err(ParseError::Unknown { suggestion, .. }) => {
                let detail = suggestion.map(Detail::DidYouMean);
                return self.say(events, Situation::Unrecognized, &vars, detail);
            }
            Err(ParseError::Syntax { verb, problem }) => {
                // The argument as typed: after `FROM:`/`TO:` for MAIL and RCPT.
                let after_verb = text.trim_start().get(verb.len()..).unwrap_or("").trim();
                let raw = match after_verb.split_once(':') {
                    Some((_, arg)) if matches!(verb, "MAIL" | "RCPT") => arg.trim(),
                    _ => after_verb,
                };
                let raw: String = raw.chars().take(100).collect();
                let vars = Vars {
                    verb,
                    raw: &raw,
                    ..vars
                };
                let template = self.config.profile.syntax_template(verb, problem);
                let reply = self.reply_from(
                    template,
                    Situation::SyntaxError,
                    &vars,
                    Some(Detail::Syntax(problem)),
                );
                events.push(Event::Reply(reply));
                return;
            }
            Err(_) => {
                return self.say(events, Situation::Unrecognized, &vars, None);
            }
        };
        // QUIT is always honoured; BDAT is never faulted, because its chunk would then be
        // read as commands (RFC 3030 §2: the chunk is read even when the command fails).
        if !matches!(command, Command::Quit | Command::Bdat { .. }) {
            if let Some(code) = self.fault_fires() {
                let template = fault_template(code);
                let reply = self.reply_from(
                    template,
                    Situation::Fault,
                    &vars,
                    Some(Detail::FaultCode(code)),
                );
                events.push(Event::Reply(reply));
                if code == 421 {
                    self.close(events);
                }
                return;
            }
        }
        self.command(command, &shown, events);
    }

    fn close(&mut self, events: &mut Vec<Event>) {
        // A closed connection has no session left to describe.
        self.hello = None;
        self.user = None;
        self.phase = Phase::Closed;
        events.push(Event::Closed);
    }

    fn take_tx(&mut self) -> Option<Transaction> {
        match &mut self.phase {
            Phase::Command(tx) => tx.take(),
            _ => None,
        }
    }

    fn has_tx(&self) -> bool {
        matches!(self.phase, Phase::Command(Some(_)))
    }

    fn command(&mut self, command: Command, line: &str, events: &mut Vec<Event>) {
        let profile = self.config.profile;
        let vars = Vars {
            line,
            ..Vars::default()
        };
        match command {
            Command::Helo(name) => {
                self.take_tx();
                self.hello = Some(Hello { name, esmtp: false });
                self.say(events, Situation::Helo, &vars, None);
            }
            Command::Ehlo(name) => {
                self.take_tx();
                self.hello = Some(Hello { name, esmtp: true });
                let mut reply = self.reply(Situation::Ehlo, &vars, None);
                reply.lines.truncate(1);
                reply.lines.extend(self.ehlo_keywords());
                events.push(Event::Reply(reply));
            }
            Command::Mail(path) => self.mail(path, line, events),
            Command::Rcpt(path) => self.rcpt(path, line, events),
            Command::Data => {
                if self.hello.is_none() && profile.helo_required() {
                    return self.say(events, Situation::NeedHelo, &vars, None);
                }
                match self.take_tx() {
                    None => {
                        let detail = self.transaction_detail();
                        self.say(events, Situation::NeedMail, &vars, Some(detail));
                    }
                    Some(tx) if tx.recipients.is_empty() => {
                        let detail = Detail::Transaction {
                            from: Some(tx.from.clone()),
                            recipients: 0,
                        };
                        self.phase = Phase::Command(Some(tx));
                        self.say(events, Situation::NeedRcpt, &vars, Some(detail));
                    }
                    Some(tx) if tx.chunked => {
                        self.phase = Phase::Command(Some(tx));
                        self.say(events, Situation::MixedDataBdat, &vars, None);
                    }
                    Some(tx) => {
                        self.phase = Phase::Data(tx);
                        self.say(events, Situation::DataGo, &vars, None);
                    }
                }
            }
            Command::Bdat { size, last } => {
                if !self.offers(Extension::Chunking) {
                    return self.say(events, Situation::Unrecognized, &vars, None);
                }
                let (tx, accept) = match self.take_tx() {
                    Some(tx) if !tx.recipients.is_empty() => (
                        Some(Transaction {
                            chunked: true,
                            ..tx
                        }),
                        true,
                    ),
                    // Out of sequence: the chunk is read anyway, then refused (RFC 3030 §2).
                    other => (other, false),
                };
                // Exim refuses at once, then reads the chunk and drops it (recorded).
                let answered = !accept && profile == Profile::Exim;
                if answered {
                    let held = tx.as_ref().map(|t| Detail::Transaction {
                        from: Some(t.from.clone()),
                        recipients: t.recipients.len(),
                    });
                    self.say(events, Situation::BdatOutOfSequence, &vars, held);
                }
                self.phase = Phase::Chunk {
                    tx,
                    accept,
                    remaining: size,
                    last,
                    answered,
                };
                if size == 0 {
                    self.end_chunk(events);
                }
            }
            Command::Rset => {
                self.take_tx();
                self.say(events, Situation::RsetOk, &vars, None);
            }
            Command::Noop => self.say(events, Situation::NoopOk, &vars, None),
            Command::Quit => {
                self.say(events, Situation::Bye, &vars, None);
                self.close(events);
            }
            Command::Help(topic) => {
                let topic_shown: String = topic.as_deref().unwrap_or("").chars().take(40).collect();
                let vars = Vars {
                    line: &topic_shown,
                    ..Vars::default()
                };
                match profile.help(topic.as_deref()) {
                    Some(template) => {
                        let reply = self.reply_from(template, Situation::Help, &vars, None);
                        events.push(Event::Reply(reply));
                    }
                    None => self.say(events, Situation::HelpUnsupported, &vars, None),
                }
            }
            Command::Vrfy(arg) => self.vrfy(
                &arg,
                self.config.policies.vrfy_allowed,
                Situation::VrfyDisabled,
                events,
            ),
            Command::Expn(arg) => self.vrfy(
                &arg,
                self.config.policies.expn_allowed,
                Situation::ExpnDisabled,
                events,
            ),
            Command::Auth { mechanism, initial } => {
                self.auth(&mechanism, initial.as_deref(), events)
            }
            Command::Etrn(domain) => {
                if profile == Profile::Exim {
                    // Exim knows ETRN but refuses it unless smtp_etrn_hosts allows (recorded).
                    return self.say(events, Situation::EtrnRefused, &vars, None);
                }
                if !self.offers(Extension::Etrn) {
                    return self.say(events, Situation::Unrecognized, &vars, None);
                }
                let Some(domain) = domain else {
                    return self.say(events, Situation::EtrnNoDomain, &vars, None);
                };
                let shown: String = domain
                    .trim_start_matches(['@', '#'])
                    .chars()
                    .take(100)
                    .collect();
                let vars = Vars {
                    addr: &shown,
                    ..vars
                };
                // Postfix flushes only fast_flush_domains ($relay_domains, empty by default);
                // Sendmail runs its queue for any node.
                let situation = if profile == Profile::Postfix {
                    Situation::EtrnRefused
                } else {
                    Situation::EtrnStarted
                };
                self.say(events, situation, &vars, None);
            }
            Command::Verb => {
                if !self.offers(Extension::Verb) {
                    return self.say(events, Situation::Unrecognized, &vars, None);
                }
                self.say(events, Situation::VerbOk, &vars, None);
            }
            Command::StartTls => {
                if self.tls {
                    return self.say(events, Situation::TlsAlready, &vars, None);
                }
                if !self.offers(Extension::StartTls)
                    || !self.hello.as_ref().is_some_and(|h| h.esmtp)
                {
                    return self.say(events, Situation::TlsNotOffered, &vars, None);
                }
                self.say(events, Situation::TlsReady, &vars, None);
                events.push(Event::TlsStarted);
                // RFC 3207 §4.2: the server MUST discard any knowledge obtained from the
                // client before the TLS negotiation.
                self.tls = true;
                self.hello = None;
                self.user = None;
                self.phase = Phase::Command(None);
            }
        }
    }

    /// AUTH is not announced nor accepted before TLS (Postfix's smtpd_tls_auth_only).
    fn auth_hidden_before_tls(&self) -> bool {
        self.config.policies.tls_before_auth
            && !self.tls
            && self.config.profile.hides_auth_before_tls()
    }

    fn offers(&self, extension: Extension) -> bool {
        let profile = self.config.profile;
        match extension {
            Extension::StartTls => profile.offers(extension) && self.config.starttls && !self.tls,
            Extension::Vrfy => profile == Profile::Postfix && self.config.policies.vrfy_allowed,
            Extension::EnhancedStatusCodes => profile.enhanced_codes(),
            Extension::Auth => profile.offers(extension) && !self.auth_hidden_before_tls(),
            _ => profile.offers(extension),
        }
    }

    /// The EHLO keywords, in the profile's order, for the session's current state.
    fn ehlo_keywords(&self) -> Vec<String> {
        // The profile's own SIZE (Outlook's 157286400, 163.com's 73400320), as the real
        // server advertises it; the engine still keeps no message over
        // [`HARD_MAX_MESSAGE`], which only a message of more than 64 MiB meets.
        let max = self.config.policies.max_message_size;
        let mechanisms = self.config.profile.mechanisms().join(" ");
        let mut out = Vec::new();
        let mut add = |on: bool, keyword: String| {
            if on {
                out.push(keyword);
            }
        };
        match self.config.profile {
            Profile::Coremail163 => {
                add(self.offers(Extension::Pipelining), "PIPELINING".into());
                add(self.offers(Extension::Auth), "AUTH LOGIN PLAIN".into());
                add(self.offers(Extension::Auth), "AUTH=LOGIN PLAIN".into());
                add(true, "coremail 1Uxr2xKj7kG0xkI17xGrU7I0s8FY2U3Uj8Cz28x1UUUUU7Ic2I0Y2UFdFM3xUCa0xDrUUUUj".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::EightBitMime), "8BITMIME".into());
            }
            Profile::Sendmail => {
                // Sendmail 8.17's list (recorded), in its order.
                add(true, "ENHANCEDSTATUSCODES".into());
                add(true, "PIPELINING".into());
                add(self.config.policies.expn_allowed, "EXPN".into());
                add(true, "VERB".into());
                add(true, "8BITMIME".into());
                add(true, format!("SIZE {max}"));
                add(true, "DSN".into());
                add(true, "ETRN".into());
                add(true, format!("AUTH {mechanisms}"));
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(true, "DELIVERBY".into());
                add(true, "HELP".into());
            }
            Profile::Rfc5321 => {
                add(true, "PIPELINING".into());
                add(true, format!("SIZE {max}"));
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(true, format!("AUTH {mechanisms}"));
                add(true, "ENHANCEDSTATUSCODES".into());
                add(true, "8BITMIME".into());
                add(true, "DSN".into());
                add(true, "SMTPUTF8".into());
                add(true, "CHUNKING".into());
            }
            // The AUTH line (and Outlook's SIZE) as published; the other keywords are the
            // engine's generic ones, in the strict profile's order.
            Profile::Gmail | Profile::Outlook | Profile::QqMail => {
                add(self.offers(Extension::Pipelining), "PIPELINING".into());
                add(self.offers(Extension::Size), format!("SIZE {max}"));
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::Auth), format!("AUTH {mechanisms}"));
                add(
                    self.offers(Extension::EnhancedStatusCodes),
                    "ENHANCEDSTATUSCODES".into(),
                );
                add(self.offers(Extension::EightBitMime), "8BITMIME".into());
            }
            // Exim 4.96 (recorded). PIPECONNECT lets a client send EHLO before the banner,
            // which this engine takes like any pipelined input.
            Profile::Exim => {
                add(true, format!("SIZE {max}"));
                add(true, "8BITMIME".into());
                add(true, "PIPELINING".into());
                add(true, "PIPECONNECT".into());
                add(true, format!("AUTH {mechanisms}"));
                add(true, "CHUNKING".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(true, "PRDR".into());
                add(true, "HELP".into());
            }
            Profile::Postfix => {
                add(true, "PIPELINING".into());
                add(true, format!("SIZE {max}"));
                add(self.offers(Extension::Vrfy), "VRFY".into());
                add(true, "ETRN".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::Auth), format!("AUTH {mechanisms}"));
                add(true, "ENHANCEDSTATUSCODES".into());
                add(true, "8BITMIME".into());
                add(true, "DSN".into());
                add(true, "SMTPUTF8".into());
                add(true, "CHUNKING".into());
            }
        }
        out
    }

    /// Checks MAIL/RCPT parameters against the advertised extensions.
    fn check_params(
        &self,
        path: &PathArg,
        mail: bool,
    ) -> Result<bool, (Situation, String, Option<Detail>)> {
        let mut smtputf8 = false;
        for (key, value) in &path.params {
            let ok = match (mail, key.as_str()) {
                (true, "SIZE") => {
                    if !self.offers(Extension::Size) {
                        false
                    } else {
                        let size = value.as_deref().and_then(|v| v.parse::<u64>().ok());
                        match size {
                            None => {
                                return Err((
                                    Situation::SyntaxError,
                                    key.clone(),
                                    Some(Detail::Syntax(command::Syntax::BadParameter)),
                                ))
                            }
                            Some(size) if size > self.size_cap() => {
                                return Err((
                                    Situation::SizeTooBig,
                                    key.clone(),
                                    Some(Detail::Limit {
                                        limit: self.size_cap(),
                                        seen: size,
                                    }),
                                ));
                            }
                            Some(_) => true,
                        }
                    }
                }
                (true, "BODY") => {
                    self.offers(Extension::EightBitMime)
                        && value.as_deref().is_some_and(|v| {
                            v.eq_ignore_ascii_case("7BIT") || v.eq_ignore_ascii_case("8BITMIME")
                        })
                }
                (true, "SMTPUTF8") => {
                    smtputf8 = true;
                    self.offers(Extension::Smtputf8) && value.is_none()
                }
                // Exim takes MAIL's DSN parameters even without advertising DSN (recorded).
                (true, "RET" | "ENVID") if self.config.profile == Profile::Exim => true,
                (true, "RET" | "ENVID") | (false, "NOTIFY" | "ORCPT") => {
                    self.offers(Extension::Dsn)
                }
                (true, "PRDR") => self.offers(Extension::Prdr) && value.is_none(),
                (true, "AUTH") => self.offers(Extension::Auth),
                // RFC 2852 §4: BY=<seconds>;<R|N>[T].
                (true, "BY") => {
                    self.offers(Extension::DeliverBy)
                        && value.as_deref().is_some_and(|v| {
                            v.split_once(';').is_some_and(|(time, mode)| {
                                time.trim_start_matches('-').parse::<i64>().is_ok()
                                    && matches!(
                                        mode.to_ascii_uppercase().as_str(),
                                        "R" | "N" | "RT" | "NT"
                                    )
                            })
                        })
                }
                _ => false,
            };
            if !ok {
                let shown = match value {
                    Some(v) => format!("{key}={v}"),
                    None => key.clone(),
                };
                return Err((
                    Situation::ParamUnsupported,
                    shown.chars().take(60).collect(),
                    None,
                ));
            }
        }
        Ok(smtputf8)
    }

    fn mail(&mut self, mut path: PathArg, line: &str, events: &mut Vec<Event>) {
        let raw = raw_path(&path);
        let typed = path.address.clone();
        let vars = Vars {
            line,
            addr: &typed,
            raw: &raw,
            verb: "MAIL",
            limit: self.size_cap(),
            ..Vars::default()
        };
        if let Some(max) = self.config.profile.max_address() {
            if path.address.len() > max {
                let detail = Detail::Limit {
                    limit: max as u64,
                    seen: path.address.len() as u64,
                };
                return self.say(events, Situation::PathTooLong, &vars, Some(detail));
            }
        }
        let Some(full) = self.qualify(&path.address) else {
            return self.unqualified("MAIL", &vars, events);
        };
        path.address = full;
        if self.hello.is_none() {
            if self.config.profile.helo_required() {
                return self.say(events, Situation::NeedHelo, &vars, None);
            }
            self.leniency.get_or_insert(Leniency::NoHelo);
        }
        if self.has_tx() {
            let detail = self.transaction_detail();
            return self.say(events, Situation::NestedMail, &vars, Some(detail));
        }
        if self.config.policies.require_auth && self.user.is_none() {
            return self.say(events, Situation::AuthRequired, &vars, None);
        }
        let smtputf8 = match self.check_params(&path, true) {
            Ok(utf8) => utf8,
            Err((situation, shown, detail)) => {
                let vars = Vars {
                    addr: &shown,
                    ..vars
                };
                return self.say(events, situation, &vars, detail);
            }
        };
        if !path.address.is_ascii() && !smtputf8 {
            return self.say(events, Situation::Utf8Required, &vars, None);
        }
        if self.config.policies.sender_must_match_auth {
            if let Some(user) = self.user.clone() {
                let owned = self.config.account_address(&user);
                if !path.address.eq_ignore_ascii_case(&owned) {
                    let vars = Vars {
                        user: &user,
                        ..vars
                    };
                    return self.say(
                        events,
                        Situation::SenderMismatch,
                        &vars,
                        Some(Detail::AuthenticatedAs(owned)),
                    );
                }
            }
        }
        let prdr = path.param("PRDR").is_some();
        self.phase = Phase::Command(Some(Transaction {
            from: path.address.clone(),
            smtputf8,
            prdr,
            ..Transaction::default()
        }));
        let detail = (!path.bracketed).then_some(Detail::NoBrackets);
        if prdr {
            // Exim's words for it (recorded).
            let template = Template {
                code: 250,
                enhanced: None,
                lines: &["OK, PRDR Requested"],
            };
            let reply = self.reply_from(template, Situation::MailOk, &vars, detail);
            return events.push(Event::Reply(reply));
        }
        self.say(events, Situation::MailOk, &vars, detail);
    }

    fn rcpt(&mut self, mut path: PathArg, line: &str, events: &mut Vec<Event>) {
        let raw = raw_path(&path);
        let typed = path.address.clone();
        let vars = Vars {
            line,
            addr: &typed,
            raw: &raw,
            verb: "RCPT",
            ..Vars::default()
        };
        if let Some(max) = self.config.profile.max_address() {
            if path.address.len() > max {
                let detail = Detail::Limit {
                    limit: max as u64,
                    seen: path.address.len() as u64,
                };
                return self.say(events, Situation::PathTooLong, &vars, Some(detail));
            }
        }
        let Some(full) = self.qualify(&path.address) else {
            return self.unqualified("RCPT", &vars, events);
        };
        path.address = full;
        if self.hello.is_none() && self.config.profile.helo_required() {
            return self.say(events, Situation::NeedHelo, &vars, None);
        }
        if !self.has_tx() {
            let detail = self.transaction_detail();
            return self.say(events, Situation::NeedMail, &vars, Some(detail));
        }
        if let Err((situation, shown, detail)) = self.check_params(&path, false) {
            let vars = Vars {
                addr: &shown,
                ..vars
            };
            return self.say(events, situation, &vars, detail);
        }
        let declared = matches!(&self.phase, Phase::Command(Some(tx)) if tx.smtputf8);
        if !path.address.is_ascii() && !declared {
            return self.say(events, Situation::Utf8RequiredRcpt, &vars, None);
        }
        let policies = &self.config.policies;
        let situation = if self.config.is_local(&path.address) {
            (policies.known_mailboxes_only && !self.config.knows_mailbox(&path.address))
                .then_some(Situation::UnknownUser)
        } else {
            (policies.deny_relay && self.user.is_none()).then_some(Situation::RelayDenied)
        };
        if let Some(situation) = situation {
            return self.say(events, situation, &vars, None);
        }
        if self.config.policies.greylist {
            let from = match &self.phase {
                Phase::Command(Some(tx)) => tx.from.to_ascii_lowercase(),
                _ => String::new(),
            };
            let pair = (from, path.address.to_ascii_lowercase());
            if !self.greylisted.contains(&pair) {
                if self.greylisted.len() >= 1000 {
                    self.greylisted.remove(0);
                }
                self.greylisted.push(pair);
                return self.say(events, Situation::Greylisted, &vars, None);
            }
        }
        let full = matches!(&self.phase, Phase::Command(Some(tx)) if tx.recipients.len() >= MAX_RECIPIENTS);
        if full {
            let template = Template {
                code: 452,
                enhanced: Some("4.5.3"),
                lines: &["Error: too many recipients"],
            };
            let detail = Detail::Limit {
                limit: MAX_RECIPIENTS as u64,
                seen: MAX_RECIPIENTS as u64 + 1,
            };
            let reply = self.reply_from(template, Situation::Fault, &vars, Some(detail));
            events.push(Event::Reply(reply));
            return;
        }
        if let Phase::Command(Some(tx)) = &mut self.phase {
            tx.recipients.push(path.address.clone());
        }
        let detail = (!path.bracketed).then_some(Detail::NoBrackets);
        self.say(events, Situation::RcptOk, &vars, detail);
    }

    /// A bare local part (`MAIL FROM:alice`) qualified with the first local domain, as
    /// Postfix and Sendmail do; `None` where the profile refuses it (Exim, Coremail).
    fn qualify(&self, address: &str) -> Option<String> {
        if address.is_empty() || address.contains('@') || address.eq_ignore_ascii_case("postmaster")
        {
            return Some(address.to_string());
        }
        self.config
            .profile
            .qualifies_bare_addresses()
            .then(|| self.config.account_address(address))
    }

    fn unqualified(&mut self, verb: &'static str, vars: &Vars, events: &mut Vec<Event>) {
        let template = self
            .config
            .profile
            .syntax_template(verb, command::Syntax::NoDomain);
        let detail = Some(Detail::Syntax(command::Syntax::NoDomain));
        let reply = self.reply_from(template, Situation::SyntaxError, vars, detail);
        events.push(Event::Reply(reply));
    }

    fn vrfy(&mut self, arg: &str, allowed: bool, disabled: Situation, events: &mut Vec<Event>) {
        let address = arg.trim().trim_start_matches('<').trim_end_matches('>');
        let shown: String = address.chars().take(100).collect();
        let raw: String = arg.trim().chars().take(100).collect();
        let vars = Vars {
            addr: &shown,
            raw: &raw,
            ..Vars::default()
        };
        if !allowed {
            return self.say(events, disabled, &vars, None);
        }
        if self.config.profile == Profile::Exim {
            // Exim wants a domain, then answers 252 without verifying (recorded).
            if !address.contains('@') {
                return self.unqualified("VRFY", &vars, events);
            }
            return self.say(events, Situation::VrfyNoVerify, &vars, None);
        }
        let full = if address.contains('@') {
            address.to_string()
        } else {
            self.config.account_address(address)
        };
        let situation = if !self.config.is_local(&full) || self.config.mailboxes.is_empty() {
            Situation::VrfyNoVerify
        } else if self.config.knows_mailbox(&full) {
            Situation::VrfyOk
        } else {
            Situation::VrfyUnknown
        };
        let vars = Vars {
            addr: &shown,
            raw: &raw,
            full: &full,
            ..Vars::default()
        };
        self.say(events, situation, &vars, None);
    }

    fn auth(&mut self, mechanism: &str, initial: Option<&str>, events: &mut Vec<Event>) {
        let shown: String = mechanism.chars().take(40).collect();
        let vars = Vars {
            addr: &shown,
            ..Vars::default()
        };
        let esmtp = self.hello.as_ref().is_some_and(|h| h.esmtp);
        if self.config.profile.auth_needs_ehlo() {
            if self.hello.is_none() {
                return self.say(events, Situation::NeedHelo, &vars, None);
            }
            if !esmtp {
                return self.say(events, Situation::AuthNotOffered, &vars, None);
            }
        } else if !esmtp {
            self.leniency.get_or_insert(Leniency::AuthWithoutEhlo);
        }
        if self.auth_hidden_before_tls() {
            return self.say(events, Situation::AuthNeedsEncryption, &vars, None);
        }
        if !self.offers(Extension::Auth) {
            return self.say(events, Situation::AuthNotOffered, &vars, None);
        }
        if self.user.is_some() {
            return self.say(events, Situation::AuthAlready, &vars, None);
        }
        if self.has_tx() {
            return self.say(events, Situation::AuthInTransaction, &vars, None);
        }
        if self.config.policies.tls_before_auth && !self.tls {
            return self.say(events, Situation::TlsRequired, &vars, None);
        }
        let Some(found) = registry::find(mechanism) else {
            // Listed because the real server lists it (Gmail's XOAUTH), not simulated.
            let listed = self
                .config
                .profile
                .mechanisms()
                .iter()
                .any(|m| m.eq_ignore_ascii_case(mechanism.trim()));
            let detail = listed.then_some(Detail::NotSimulated);
            return self.say(events, Situation::AuthUnknownMechanism, &vars, detail);
        };
        // A mechanism the profile does not list, or an initial response to a mechanism in
        // which the server speaks first (RFC 4954 §4), is an unknown mechanism to the server.
        if !self.config.profile.mechanisms().contains(&found.name)
            || (initial.is_some() && !found.initial_response)
        {
            return self.say(events, Situation::AuthUnknownMechanism, &vars, None);
        }
        let exchange = (found.server)();
        match initial {
            None => {
                let mut exchange = exchange;
                let step = exchange.start(&mut self.sasl_env());
                self.auth_outcome(exchange, step, events);
            }
            Some(response) => self.auth_response(exchange, response.as_bytes(), events),
        }
    }

    /// What a SASL exchange may consult: accounts, names, nonces. A free function of the
    /// fields so the exchange can draw nonces while the configuration is borrowed.
    fn sasl_env(&mut self) -> ServerEnv<'_> {
        let config = &self.config;
        ServerEnv {
            hostname: &config.hostname,
            aliases: &config.aliases,
            domain: config
                .local_domains
                .first()
                .map(String::as_str)
                .unwrap_or(""),
            accounts: &config.accounts,
            backend_down: config.policies.sasl_daemon_down,
            username_prompt: if config.profile == Profile::Coremail163 {
                // 163.com's Coremail asks `username:` in lower case (seed 000:
                // `334 dXNlcm5hbWU6`), then `Password:` as usual (`334 UGFzc3dvcmQ6`).
                "username:"
            } else {
                login::USERNAME_PROMPT
            },
            nonces: &mut self.nonces,
            oauth: config.profile.oauth_errors(),
        }
    }

    /// One response line of a SASL exchange (or AUTH's initial response): `*` cancels
    /// (RFC 4954 §4), anything else must be base64 (`=` for empty) and goes to the
    /// exchange.
    fn auth_response(
        &mut self,
        mut exchange: Box<dyn ServerExchange>,
        line: &[u8],
        events: &mut Vec<Event>,
    ) {
        let text = String::from_utf8_lossy(line);
        let text = text.trim();
        self.phase = Phase::Command(None);
        let shown: String = text.chars().take(60).collect();
        let vars = Vars {
            addr: &shown,
            ..Vars::default()
        };
        if text == "*" {
            return self.say(events, Situation::AuthCancelled, &vars, None);
        }
        // RFC 4954 §4: "=" is an empty initial response.
        let decoded = if text == "=" {
            Ok(Vec::new())
        } else {
            BASE64.decode(text)
        };
        let Ok(decoded) = decoded else {
            return self.say(events, Situation::AuthBadBase64, &vars, None);
        };
        let step = exchange.step(&mut self.sasl_env(), &decoded);
        self.auth_outcome(exchange, step, events);
    }

    /// Maps an exchange's step to the reply: a 334 challenge (the exchange then waits for
    /// the next line), 235 with the user recorded, or the profile's failure reply.
    fn auth_outcome(
        &mut self,
        exchange: Box<dyn ServerExchange>,
        step: ServerStep,
        events: &mut Vec<Event>,
    ) {
        let vars = Vars::default();
        match step {
            AuthStep::Challenge(message) => {
                let encoded = BASE64.encode(&message.bytes);
                let vars = Vars {
                    challenge: &encoded,
                    ..Vars::default()
                };
                self.phase = Phase::Auth(exchange);
                let profile = self.config.profile;
                let detail = message.shown.map(|shown| {
                    // RFC 7628 §3.2.2's error challenge is a JSON object with a status.
                    if shown.starts_with("{\"status\"") {
                        Detail::Provider {
                            note: profile.oauth_challenge_note(&shown),
                            then: Some(Box::new(Detail::Challenge(shown))),
                        }
                    } else {
                        Detail::Challenge(shown)
                    }
                });
                self.say(events, Situation::AuthChallenge, &vars, detail);
            }
            AuthStep::Success(user) => {
                self.user = Some(user);
                self.say(events, Situation::AuthOk, &vars, None);
            }
            AuthStep::Failure(failure) => {
                let (situation, problem) = match failure {
                    ServerFailure::Malformed(problem) => (Situation::AuthMalformed, problem),
                    ServerFailure::Rejected(problem) => (Situation::AuthFailed, problem),
                    ServerFailure::BackendDown => {
                        (Situation::AuthBackendDown, SaslProblem::DaemonDown)
                    }
                };
                self.say(events, situation, &vars, Some(Detail::Sasl(problem)));
            }
        }
    }

    fn data_line(
        &mut self,
        mut tx: Transaction,
        line: &[u8],
        length: usize,
        events: &mut Vec<Event>,
    ) {
        let dot = line == b".";
        // RFC 5321 §4.1.1.4: the text ends with <CRLF>.<CRLF>. A dot next to a bare LF, or
        // a line ending "<CR>." (a bare CR before the dot), is what SMTP smuggling sends.
        let bare = self.bare_lf || self.previous_bare_lf;
        if (dot && bare) || line.ends_with(b"\r.") {
            self.smuggling_attempts = self.smuggling_attempts.saturating_add(1);
        }
        // With the bare-LF refusal switched on (`reject_bare_lf`), a dot next to a bare LF
        // ends the text so that the message is refused (521) and the connection closed.
        let data_end = match self.config.profile.data_end() {
            DataEnd::CrlfOnly if self.config.policies.reject_bare_lf => DataEnd::AnyLineEnd,
            other => other,
        };
        let ends = match data_end {
            DataEnd::AnyLineEnd => dot,
            DataEnd::CrlfOnly => dot && !bare,
            DataEnd::RefuseBare => {
                if self.bare_lf || line.contains(&b'\r') {
                    let situation = if self.bare_lf {
                        Situation::BareLf
                    } else {
                        Situation::BareCr
                    };
                    self.say(events, situation, &Vars::default(), None);
                    return self.close(events);
                }
                dot
            }
        };
        if ends {
            self.ended_at_bare_lf = bare;
            return self.finish_message(tx, events);
        }
        // RFC 5321 §4.5.2: a leading dot was doubled by the client; remove one.
        let content = line.strip_prefix(b".").unwrap_or(line);
        tx.longest_line = tx.longest_line.max(length.saturating_sub(2));
        tx.bare_lf |= self.bare_lf;
        let real_len = length.saturating_sub(2 + line.len() - content.len()) as u64;
        self.append(&mut tx, content, real_len);
        self.phase = Phase::Data(tx);
    }

    fn size_cap(&self) -> u64 {
        self.config.policies.max_message_size.min(HARD_MAX_MESSAGE)
    }

    fn append(&self, tx: &mut Transaction, content: &[u8], real_len: u64) {
        tx.size += real_len + 2;
        tx.no_room |= self.storage_full;
        if tx.size <= self.size_cap() && !tx.no_room {
            tx.body.extend_from_slice(content);
            tx.body.extend_from_slice(b"\r\n");
        }
    }

    fn chunk_bytes(&mut self, bytes: &[u8]) {
        let cap = self.size_cap();
        let full = self.storage_full;
        if let Phase::Chunk {
            tx: Some(tx),
            accept: true,
            ..
        } = &mut self.phase
        {
            tx.size += bytes.len() as u64;
            tx.no_room |= full;
            if tx.size <= cap && !tx.no_room {
                tx.body.extend_from_slice(bytes);
            }
        }
    }

    fn end_chunk(&mut self, events: &mut Vec<Event>) {
        let Phase::Chunk {
            tx,
            accept,
            last,
            answered,
            ..
        } = std::mem::replace(&mut self.phase, Phase::Command(None))
        else {
            return;
        };
        match tx {
            held if answered => self.phase = Phase::Command(held),
            held if !accept => {
                self.phase = Phase::Command(held);
                let detail = self.transaction_detail();
                self.say(
                    events,
                    Situation::BdatOutOfSequence,
                    &Vars::default(),
                    Some(detail),
                );
            }
            None => {}
            Some(tx) if last => self.finish_message(tx, events),
            Some(tx) => {
                let size = tx.size;
                if size > self.size_cap() {
                    let detail = Detail::Limit {
                        limit: self.config.policies.max_message_size,
                        seen: size,
                    };
                    return self.say(
                        events,
                        Situation::MessageTooBig,
                        &Vars::default(),
                        Some(detail),
                    );
                }
                self.phase = Phase::Command(Some(tx));
                let vars = Vars {
                    size,
                    ..Vars::default()
                };
                self.say(events, Situation::ChunkOk, &vars, None);
            }
        }
    }

    fn finish_message(&mut self, tx: Transaction, events: &mut Vec<Event>) {
        self.phase = Phase::Command(None);
        let at_bare_lf = std::mem::take(&mut self.ended_at_bare_lf);
        if tx.size > self.size_cap() {
            let detail = Detail::Limit {
                limit: self.size_cap(),
                seen: tx.size,
            };
            let vars = Vars {
                limit: self.size_cap(),
                ..Vars::default()
            };
            return self.say(events, Situation::MessageTooBig, &vars, Some(detail));
        }
        if tx.longest_line + 2 > MAX_TEXT_LINE && self.config.profile.refuses_long_text_lines() {
            let detail = Detail::Limit {
                limit: MAX_TEXT_LINE as u64,
                seen: tx.longest_line as u64 + 2,
            };
            let vars = Vars {
                size: tx.longest_line as u64,
                ..Vars::default()
            };
            return self.say(events, Situation::TextLineTooLong, &vars, Some(detail));
        }
        if tx.bare_lf && self.config.policies.reject_bare_lf {
            self.say(events, Situation::BareLf, &Vars::default(), None);
            return self.close(events);
        }
        if tx.no_room {
            return self.say(
                events,
                Situation::InsufficientStorage,
                &Vars::default(),
                None,
            );
        }
        let size = tx.size;
        let chunked = tx.chunked;
        let longest = tx.longest_line;
        let prdr = tx.prdr;
        let recipients = if prdr {
            tx.recipients.clone()
        } else {
            Vec::new()
        };
        self.stored_total += 1;
        let id = self.queue_id();
        let mut data = self.received_header(&tx, &id).into_bytes();
        data.extend_from_slice(&tx.body);
        if self.mailbox.len() >= MAX_STORED {
            self.mailbox.remove(0);
        }
        self.mailbox.push(StoredMessage {
            id: id.clone(),
            from: tx.from,
            recipients: tx.recipients,
            data,
            received_at: self.now.clone(),
            chunked: tx.chunked,
        });
        let vars = Vars {
            id: &id,
            size,
            ..Vars::default()
        };
        let situation = if chunked {
            Situation::QueuedChunked
        } else if at_bare_lf {
            Situation::QueuedAtBareLf
        } else {
            Situation::Queued
        };
        if prdr {
            // PRDR: 353, then each recipient's answer, then the message's.
            self.say(events, Situation::PrdrBegin, &Vars::default(), None);
            for recipient in &recipients {
                let vars = Vars {
                    addr: recipient,
                    ..Vars::default()
                };
                self.say(events, Situation::PrdrRecipient, &vars, None);
            }
        }
        let long_line = (longest + 2 > MAX_TEXT_LINE).then(|| Detail::Lenient {
            server: self.config.profile.name(),
            leniency: Leniency::LongTextLine {
                seen: longest as u64 + 2,
            },
        });
        self.say(events, situation, &vars, long_line);
        events.push(Event::Stored(self.mailbox.len() - 1));
    }

    /// A queue id in the profile's style, from a counter (deterministic).
    fn queue_id(&self) -> String {
        let n = self.stored_total;
        // Mixed with the caller's seed, so ids differ between sessions (`serve` seeds each
        // connection differently) yet repeat exactly in tests.
        let mixed = n
            .wrapping_add(self.config.nonce_seed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ 0x5DEE_CE66_D1CE_4E5B;
        match self.config.profile {
            Profile::Postfix => format!("{:010X}", mixed & 0xFF_FFFF_FFFF),
            Profile::Sendmail => format!("nBNA{:06X}{:04}", mixed & 0xFF_FFFF, n % 10_000),
            Profile::Exim => format!(
                "1r{:04X}-{:06X}-{:02X}",
                mixed & 0xFFFF,
                (mixed >> 16) & 0xFF_FFFF,
                n & 0xFF
            ),
            Profile::Coremail163 => format!("smtp7,C8CowAD{:X}", mixed & 0xFFFF_FFFF),
            Profile::Rfc5321 | Profile::Gmail | Profile::Outlook | Profile::QqMail => {
                format!("{:012X}", mixed & 0xFFFF_FFFF_FFFF)
            }
        }
    }

    /// The trace header RFC 5321 §4.4 requires the receiving server to add.
    fn received_header(&self, tx: &Transaction, id: &str) -> String {
        let hello = self.hello.as_ref();
        let helo = hello.map(|h| h.name.as_str()).unwrap_or("unknown");
        let mut with = String::from(if hello.is_some_and(|h| h.esmtp) {
            "ESMTP"
        } else {
            "SMTP"
        });
        if self.tls {
            with.push('S');
        }
        if self.user.is_some() {
            with.push('A');
        }
        let software = match self.config.profile {
            Profile::Postfix => "Postfix",
            Profile::Sendmail => "8.13.8/8.13.8",
            Profile::Exim => "Exim 4.96",
            Profile::Coremail163 => "Coremail",
            // The providers' own Received: lines are not in the sources.
            Profile::Rfc5321 | Profile::Gmail | Profile::Outlook | Profile::QqMail => {
                "smtp-trainer"
            }
        };
        let for_clause = match tx.recipients.as_slice() {
            [one] => format!("\r\n\tfor <{one}>"),
            _ => String::new(),
        };
        format!(
            "Received: from {helo} ({peer})\r\n\tby {host} ({software}) with {with} id {id}{for_clause};\r\n\t{now}\r\n",
            peer = match &self.client_name {
                Some(name) => format!("{name} [{}]", self.client_ip),
                None => format!("unknown [{}]", self.client_ip),
            },
            host = self.config.hostname,
            now = self.now,
        )
    }
}

/// The path as the client wrote it: `<a@b>` or `a@b`.
fn raw_path(path: &PathArg) -> String {
    let shown: String = path.address.chars().take(100).collect();
    if path.bracketed {
        format!("<{shown}>")
    } else {
        shown
    }
}

/// Used only if a template held an invalid code, which the tests rule out.
const FALLBACK_CODE: ReplyCode = match ReplyCode::from_static(451) {
    Some(code) => code,
    None => panic!("451 is a valid reply code"),
};
