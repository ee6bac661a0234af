//! PLAIN as an exchange (RFC 4616 §2): one message, authzid NUL authcid NUL passwd.

use crate::i18n::Tr;
use crate::sasl::exchange::{
    decoded_step, AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep, Message,
    ServerEnv, ServerExchange, ServerFailure, ServerStep, UNEXPECTED_CHALLENGE,
};
use crate::sasl::problem::SaslProblem;
use crate::sasl::trace::{Trace, View};

/// The server side: the message, checked against the account.
#[derive(Clone, Debug, Default)]
pub struct Server {
    trace: Trace,
}

impl ServerExchange for Server {
    fn start(&mut self, _env: &mut ServerEnv<'_>) -> ServerStep {
        // RFC 4954 §4: no initial response, so an empty challenge asks for it.
        AuthStep::Challenge(Message::text(""))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        match super::decode(input) {
            Ok(message) => {
                self.trace.push(
                    "authcid",
                    Tr::new("User (authcid) received", "收到的用户名（authcid）"),
                    message.authcid.as_bytes().to_vec(),
                    View::Text,
                    Tr::new(
                        "RFC 4616 §2: the authentication identity, checked with the password.",
                        "RFC 4616 §2：认证身份，与密码一起核对。",
                    ),
                );
                if !message.authzid.is_empty() && message.authzid != message.authcid {
                    // RFC 4616 §2: the server decides whether authcid may act as authzid;
                    // here nobody may act for another user.
                    return AuthStep::Failure(ServerFailure::Rejected(
                        SaslProblem::AuthzidMismatch {
                            authzid: message.authzid.clone(),
                            authcid: message.authcid.clone(),
                        },
                    ));
                }
                env.verify_password(&message.authcid, message.passwd.as_bytes())
            }
            Err(err) => AuthStep::Failure(ServerFailure::Malformed(SaslProblem::Plain(err))),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

/// The client side: the message goes as the initial response; an empty `334` (a server
/// that did not take it) gets it once more.
#[derive(Clone, Debug)]
pub struct Client {
    trace: Trace,
    response: Vec<u8>,
    resent: bool,
}

impl Client {
    /// The exchange for `params.user` with `params.secret`.
    pub fn new(params: &ClientParams) -> Client {
        let trace = super::client("", &params.user, &params.secret);
        let response = decoded_step(&trace, "response");
        Client {
            trace,
            response,
            resent: false,
        }
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        Ok(Some(self.response.clone()))
    }

    fn step(&mut self, challenge: &[u8]) -> ClientStep {
        if challenge.is_empty() && !self.resent {
            // RFC 4954 §4: an empty 334 after AUTH PLAIN without a usable initial
            // response asks for the response on its own line.
            self.resent = true;
            return AuthStep::Challenge(Message::raw(self.response.clone()));
        }
        AuthStep::Failure(UNEXPECTED_CHALLENGE.into())
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}
