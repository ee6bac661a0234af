//! Every SASL mechanism the trainer speaks, in one list: its name (RFC 4422 §3.1), its
//! server and client exchanges, and whether a client may send an initial response with
//! `AUTH` (RFC 4954 §4; a server-first mechanism such as CRAM-MD5 cannot take one).
//!
//! Adding a mechanism: its module under `sasl/` with an `exchange` submodule, and one line
//! here.

use super::exchange::{ClientExchange, ClientParams, ServerExchange};
use super::{cram_md5, digest_md5, login, ntlm, oauth, plain, scram};

/// One mechanism.
pub struct Mechanism {
    /// The registered name, upper case.
    pub name: &'static str,
    /// A new server exchange.
    pub server: fn() -> Box<dyn ServerExchange>,
    /// A new client exchange.
    pub client: fn(&ClientParams) -> Box<dyn ClientExchange>,
    /// Whether the client speaks first, so `AUTH <name> <initial response>` is allowed.
    pub initial_response: bool,
}

impl std::fmt::Debug for Mechanism {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// The mechanisms, one line each.
pub const MECHANISMS: &[Mechanism] = &[
    Mechanism {
        name: "PLAIN",
        server: || Box::new(plain::Server::default()),
        client: |p| Box::new(plain::Client::new(p)),
        initial_response: true,
    },
    Mechanism {
        name: "LOGIN",
        server: || Box::new(login::Server::default()),
        client: |p| Box::new(login::Client::new(p)),
        initial_response: true,
    },
    Mechanism {
        name: "CRAM-MD5",
        server: || Box::new(cram_md5::Server::default()),
        client: |p| Box::new(cram_md5::Client::new(p)),
        initial_response: false,
    },
    Mechanism {
        name: "DIGEST-MD5",
        server: || Box::new(digest_md5::Server::default()),
        client: |p| Box::new(digest_md5::Client::new(p)),
        initial_response: false,
    },
    Mechanism {
        name: "NTLM",
        server: || Box::new(ntlm::Server::default()),
        client: |p| Box::new(ntlm::Client::new(p)),
        initial_response: true,
    },
    Mechanism {
        name: "SCRAM-SHA-1",
        server: || Box::new(scram::Server::new(scram::Hash::Sha1)),
        client: |p| Box::new(scram::Client::new(scram::Hash::Sha1, p)),
        initial_response: true,
    },
    Mechanism {
        name: "SCRAM-SHA-256",
        server: || Box::new(scram::Server::new(scram::Hash::Sha256)),
        client: |p| Box::new(scram::Client::new(scram::Hash::Sha256, p)),
        initial_response: true,
    },
    Mechanism {
        name: "XOAUTH2",
        server: || Box::new(oauth::Server::new(oauth::Mechanism::XOAuth2)),
        client: |p| Box::new(oauth::Client::new(oauth::Mechanism::XOAuth2, p)),
        initial_response: true,
    },
    Mechanism {
        name: "OAUTHBEARER",
        server: || Box::new(oauth::Server::new(oauth::Mechanism::OAuthBearer)),
        client: |p| Box::new(oauth::Client::new(oauth::Mechanism::OAuthBearer, p)),
        initial_response: true,
    },
];

/// The mechanism named `name` (case-insensitive, RFC 4422 §3.1).
pub fn find(name: &str) -> Option<&'static Mechanism> {
    MECHANISMS
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
}
