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
//!
//! One concern a file: here the configuration, the events and the public API; `input`
//! (bytes to lines, limits), `state` (the phase and its transitions), `commands`,
//! `envelope` (MAIL, RCPT), `auth` (AUTH over a SASL exchange), `data` (DATA, BDAT, the
//! stored message) and `replies` (a situation in the profile's words).

use super::profile::Profile;
use super::reply::Reply;
use super::why::{Leniency, Situation};
use crate::sasl::exchange::Nonces;

mod auth;
mod commands;
mod data;
mod envelope;
mod input;
mod replies;
mod state;

use replies::Vars;
use state::{Hello, Phase, Transition};

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
                // Gmail takes AUTH and MAIL only inside TLS (published replies, see
                // `Profile::tls_first`).
                tls_before_auth: profile.tls_first(),
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
        let mailbox = self.account_address(user);
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
        self.enter(Phase::Closed, Transition::TimedOut);
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
}
