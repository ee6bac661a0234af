//! One SASL exchange as a sans-IO state machine (RFC 4422 §3): each side is stepped with
//! what the other side sent and answers with what to send next, that it is done, or why it
//! failed. The SMTP server and client (RFC 4954) only frame the data — base64 on a `334`
//! line or a response line, `*` to cancel — and turn outcomes into replies; everything a
//! mechanism decides lives in its own module under `sasl/`, listed once in
//! [`super::registry`].
//!
//! Exchanges see raw bytes: the framing (base64, RFC 4954's `=` for an empty initial
//! response) is the application protocol's business, not the mechanism's.

use super::problem::SaslProblem;
use super::trace::Trace;
use crate::i18n::{Text, Tr};

/// What one step of an exchange yields (one type for both sides).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthStep<F> {
    /// More is needed: this data goes to the other side. From a server exchange it is the
    /// next challenge (a `334` in SMTP); from a client exchange, the next response.
    Challenge(Message),
    /// The exchange is complete. A server exchange names the authenticated identity; a
    /// client exchange never yields it (the server's `235` says so).
    Success(String),
    /// The exchange failed: why.
    Failure(F),
}

/// Data for the other side, and how to show it where it is not plain text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// The raw bytes (before any base64 framing).
    pub bytes: Vec<u8>,
    /// A description for the learner when the bytes are shown at all: the text itself, or
    /// a summary of binary data (NTLM's CHALLENGE message). `None` for an empty challenge.
    pub shown: Option<String>,
}

impl Message {
    /// A text message, shown as itself (nothing shown when empty).
    pub fn text(text: &str) -> Message {
        Message {
            bytes: text.as_bytes().to_vec(),
            shown: (!text.is_empty()).then(|| text.to_string()),
        }
    }

    /// Binary data, shown as `shown`.
    pub fn binary(bytes: Vec<u8>, shown: String) -> Message {
        Message {
            bytes,
            shown: Some(shown),
        }
    }

    /// Raw bytes with nothing to show (a client's response).
    pub fn raw(bytes: Vec<u8>) -> Message {
        Message { bytes, shown: None }
    }
}

/// Why a server exchange failed; the SMTP server maps each to its reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerFailure {
    /// The client's data does not parse (a `501`/`535` depending on the server).
    Malformed(SaslProblem),
    /// The data parses but does not authenticate (RFC 4954 §6: `535 5.7.8`).
    Rejected(SaslProblem),
    /// Nothing could be checked: the password backend is down (`454 4.7.0`).
    BackendDown,
}

/// Why a client exchange stopped, in both languages (the client then cancels with `*`).
pub type ClientFailure = Text;

/// The server sent another challenge after the last response.
pub const UNEXPECTED_CHALLENGE: Tr = Tr::new(
    "the server sent another challenge after the last response.",
    "最后一个响应之后服务器又发来了质询。",
);

/// An account a server authenticates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The login name (often the address itself, as at 163.com).
    pub user: String,
    /// The password.
    pub password: String,
    /// An OAuth 2.0 access token issued for this account (RFC 6750), which XOAUTH2 and
    /// OAUTHBEARER present instead of the password (RFC 7628).
    pub token: Option<String>,
}

/// The server's nonces: splitmix64 over the caller's seed, so every challenge is
/// deterministic per seed (the engine draws no randomness of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Nonces {
    seed: u64,
    count: u64,
}

impl Nonces {
    /// A source seeded with `seed`.
    pub fn new(seed: u64) -> Nonces {
        Nonces { seed, count: 0 }
    }

    /// The next nonce number.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.count = self.count.wrapping_add(1);
        let mut z = self
            .seed
            .wrapping_add(self.count.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// What a server exchange may consult: the accounts, the server's names, its nonces.
pub struct ServerEnv<'a> {
    /// The server's own host name.
    pub hostname: &'a str,
    /// Other names clients may know the server by.
    pub aliases: &'a [String],
    /// The server's (first) local domain.
    pub domain: &'a str,
    /// The accounts.
    pub accounts: &'a [Account],
    /// The password backend is down (saslauthd not running): nothing can be checked.
    pub backend_down: bool,
    /// LOGIN's first prompt as this server words it.
    pub username_prompt: &'a str,
    /// The nonce source.
    pub nonces: &'a mut Nonces,
    /// How this server words an OAuth error challenge (RFC 7628 §3.2.2).
    pub oauth: OauthErrors<'a>,
}

/// The members of a server's OAuth error challenge, as the provider sends them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OauthErrors<'a> {
    /// The scope a token needs here (`https://mail.google.com/` at Gmail).
    pub scope: &'a str,
    /// XOAUTH2's `status` (Google sends an HTTP-like number, `400`), with its `schemes`.
    pub xoauth2_status: &'a str,
}

impl Default for OauthErrors<'_> {
    /// RFC 7628 §3.2.2's own form, for servers that publish nothing else.
    fn default() -> Self {
        OauthErrors {
            scope: "",
            xoauth2_status: "invalid_token",
        }
    }
}

impl ServerEnv<'_> {
    /// The account named `user`.
    pub fn account(&self, user: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.user == user)
    }

    /// Looks the account up and runs the mechanism's `check` on it: the verdict a server
    /// gives (backend down, no such user, a password ending in a newline, a wrong one).
    pub fn check(
        &self,
        user: &str,
        check: impl FnOnce(&Account) -> bool,
        trailing_newline: bool,
    ) -> Result<(), ServerFailure> {
        if self.backend_down {
            return Err(ServerFailure::BackendDown);
        }
        match self.account(user) {
            Some(account) if check(account) => Ok(()),
            None => Err(ServerFailure::Rejected(SaslProblem::NoSuchUser(
                user.to_string(),
            ))),
            Some(_) if trailing_newline => {
                Err(ServerFailure::Rejected(SaslProblem::TrailingNewline))
            }
            Some(_) => Err(ServerFailure::Rejected(SaslProblem::WrongPassword(
                user.to_string(),
            ))),
        }
    }

    /// [`ServerEnv::check`] turned into a step: success names the user.
    pub fn conclude(&self, user: &str, verdict: Result<(), ServerFailure>) -> ServerStep {
        match verdict {
            Ok(()) => AuthStep::Success(user.to_string()),
            Err(failure) => AuthStep::Failure(failure),
        }
    }
}

/// What a client exchange works from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientParams {
    /// The user name (NTLM: `DOMAIN\user` or `user`).
    pub user: String,
    /// The password, or for XOAUTH2/OAUTHBEARER the OAuth 2.0 access token.
    pub secret: String,
    /// The server's host name (DIGEST-MD5's realm fallback and digest-uri, OAUTHBEARER's
    /// `host`).
    pub host: String,
    /// The server's port (OAUTHBEARER's `port`).
    pub port: u16,
    /// DIGEST-MD5's cnonce.
    pub cnonce: String,
    /// SCRAM's client nonce.
    pub scram_nonce: String,
    /// NTLMv2's client challenge.
    pub ntlm_challenge: [u8; 8],
    /// NTLMv2's timestamp (FILETIME).
    pub ntlm_timestamp: u64,
}

/// A server step.
pub type ServerStep = AuthStep<ServerFailure>;
/// A client step.
pub type ClientStep = AuthStep<ClientFailure>;

/// The server side of one mechanism's exchange.
///
/// Not `Debug`: its state holds the account's stored secret, and a `Debug` in the trait
/// object would link every mechanism's state printer into each page that serves (see
/// the `Debug` impls below, which print the trace alone).
pub trait ServerExchange: CloneServer + Send + Sync {
    /// The first challenge when the client sent no initial response (RFC 4954 §4: an
    /// empty `334` where the mechanism is client-first).
    fn start(&mut self, env: &mut ServerEnv<'_>) -> ServerStep;
    /// The client's (decoded) response to the last challenge, or its initial response.
    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep;
    /// What the exchange recorded so far.
    fn trace(&self) -> &Trace;
}

/// The client side of one mechanism's exchange (not `Debug`, as [`ServerExchange`]).
pub trait ClientExchange: CloneClient + Send + Sync {
    /// The initial response sent with `AUTH` (RFC 4954 §4), if the mechanism sends one.
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure>;
    /// The server's (decoded) challenge: the next response, or why the client stops.
    fn step(&mut self, challenge: &[u8]) -> ClientStep;
    /// Everything computed so far.
    fn trace(&self) -> &Trace;
    /// Whether the server has proven it knows the secret too (DIGEST-MD5's rspauth, SCRAM's
    /// ServerSignature).
    fn server_verified(&self) -> bool {
        false
    }
    /// Whether the challenge expected next is binary (not shown as text).
    fn expects_binary(&self) -> bool {
        false
    }
}

/// Cloning a boxed server exchange (a session is cloned with its exchange).
pub trait CloneServer {
    /// A boxed copy.
    fn clone_box(&self) -> Box<dyn ServerExchange>;
}

impl<T: ServerExchange + Clone + 'static> CloneServer for T {
    fn clone_box(&self) -> Box<dyn ServerExchange> {
        Box::new(self.clone())
    }
}

impl Clone for Box<dyn ServerExchange> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

impl std::fmt::Debug for dyn ServerExchange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerExchange")
            .field("steps", &self.trace().steps.len())
            .finish_non_exhaustive()
    }
}

/// Cloning a boxed client exchange.
pub trait CloneClient {
    /// A boxed copy.
    fn clone_box(&self) -> Box<dyn ClientExchange>;
}

impl<T: ClientExchange + Clone + 'static> CloneClient for T {
    fn clone_box(&self) -> Box<dyn ClientExchange> {
        Box::new(self.clone())
    }
}

impl Clone for Box<dyn ClientExchange> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

impl std::fmt::Debug for dyn ClientExchange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientExchange")
            .field("steps", &self.trace().steps.len())
            .finish_non_exhaustive()
    }
}

impl ServerEnv<'_> {
    /// Checks a password as sent (PLAIN, LOGIN): a match in constant time, and a trailing
    /// newline named as the likely mistake.
    pub fn verify_password(&self, user: &str, password: &[u8]) -> ServerStep {
        let newline = password.last() == Some(&b'\n');
        let verdict = self.check(
            user,
            |account| super::secrets_match(password, account.password.as_bytes()),
            newline,
        );
        self.conclude(user, verdict)
    }
}

/// The bytes of a trace step that holds base64 text, decoded (empty if absent).
pub fn decoded_step(trace: &Trace, id: &str) -> Vec<u8> {
    use base64::Engine as _;
    trace
        .step(id)
        .and_then(|s| {
            base64::engine::general_purpose::STANDARD
                .decode(&s.bytes)
                .ok()
        })
        .unwrap_or_default()
}

/// Records on a server exchange's trace what the client sent (bounded: a hostile client
/// cannot grow it past a few steps, since every exchange ends after a few rounds).
pub fn note_received(trace: &mut Trace, bytes: &[u8]) {
    if trace.steps.len() < 8 {
        trace.push(
            "received",
            crate::i18n::Tr::new("Client's response (decoded)", "客户端的响应（已解码）"),
            bytes.to_vec(),
            super::trace::View::Text,
            crate::i18n::Tr::new(
                "RFC 4954 §4: what the client sent, base64-decoded.",
                "RFC 4954 §4：客户端发来的内容，已做 base64 解码。",
            ),
        );
    }
}
