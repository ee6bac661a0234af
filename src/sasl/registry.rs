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

/// A mechanism's server side: what a server needs of [`MECHANISMS`].
#[derive(Clone, Copy)]
pub struct ServerSide {
    /// The registered name, upper case.
    pub name: &'static str,
    /// A new server exchange.
    pub server: fn() -> Box<dyn ServerExchange>,
    /// Whether `AUTH <name> <initial response>` is allowed.
    pub initial_response: bool,
}

/// [`MECHANISMS`] without their clients, taken out at compile time: a program that only
/// serves (the console's own page module, issue 13) then links no client exchange.
const SERVER_SIDES: [ServerSide; MECHANISMS.len()] = {
    let mut sides = [ServerSide {
        name: "",
        server: MECHANISMS[0].server,
        initial_response: false,
    }; MECHANISMS.len()];
    let mut i = 0;
    while i < MECHANISMS.len() {
        let m = &MECHANISMS[i];
        sides[i] = ServerSide {
            name: m.name,
            server: m.server,
            initial_response: m.initial_response,
        };
        i += 1;
    }
    sides
};

/// The server side of the mechanism named `name` (case-insensitive), as [`find`] finds it.
pub fn find_server(name: &str) -> Option<&'static ServerSide> {
    SERVER_SIDES
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_sides_are_the_mechanisms_servers() {
        assert_eq!(SERVER_SIDES.len(), MECHANISMS.len());
        for m in MECHANISMS {
            let lower = m.name.to_ascii_lowercase();
            let side = find_server(&format!(" {lower} ")).expect("every mechanism serves");
            assert_eq!(side.name, m.name);
            assert_eq!(side.initial_response, m.initial_response);
            assert!(std::ptr::fn_addr_eq(side.server, m.server));
        }
        assert!(find_server("GSSAPI").is_none());
        assert!(find("GSSAPI").is_none());
    }
}
