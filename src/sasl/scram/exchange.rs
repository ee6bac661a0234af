//! SCRAM as an exchange (RFC 5802 §5; RFC 7677 for SHA-256): client-first, server-first,
//! client-final with the proof, server-final with the server's signature. RFC 4954 §4 puts
//! no data on a 235, so the server-final-message travels in one more challenge and the
//! client answers it with an empty response.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::i18n::Lang;
use crate::sasl::exchange::{
    decoded_step, note_received, AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep,
    Message, ServerEnv, ServerExchange, ServerFailure, ServerStep, UNEXPECTED_CHALLENGE,
};
use crate::sasl::problem::SaslProblem;
use crate::sasl::trace::Trace;

use super::{Hash, ScramError};

/// Where the server side stands.
#[derive(Clone, Debug, Default)]
enum ServerState {
    #[default]
    First,
    Final {
        credentials: super::ServerCredentials,
        client_first: String,
        server_first: String,
        user: String,
    },
    Ack {
        user: String,
    },
}

/// The server side.
#[derive(Clone, Debug)]
pub struct Server {
    hash: Hash,
    state: ServerState,
    trace: Trace,
}

impl Server {
    /// The exchange for `hash` (SCRAM-SHA-1 or SCRAM-SHA-256).
    pub fn new(hash: Hash) -> Server {
        Server {
            hash,
            state: ServerState::First,
            trace: Trace::default(),
        }
    }
}

fn malformed(err: ScramError) -> ServerStep {
    AuthStep::Failure(ServerFailure::Malformed(SaslProblem::Scram(err)))
}

impl ServerExchange for Server {
    fn start(&mut self, _env: &mut ServerEnv<'_>) -> ServerStep {
        // Client-first: an empty challenge asks for the client-first-message.
        AuthStep::Challenge(Message::text(""))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        note_received(&mut self.trace, input);
        match std::mem::take(&mut self.state) {
            ServerState::First => self.first(env, input),
            ServerState::Final {
                credentials,
                client_first,
                server_first,
                user,
            } => {
                let client_final = String::from_utf8_lossy(input);
                match super::server_verify(
                    &credentials,
                    &client_first,
                    &server_first,
                    &client_final,
                ) {
                    Ok(verdict) if verdict.authenticated => {
                        self.trace.steps.extend(verdict.trace.steps);
                        self.state = ServerState::Ack { user };
                        AuthStep::Challenge(Message::text(&verdict.server_final))
                    }
                    Ok(verdict) => {
                        self.trace.steps.extend(verdict.trace.steps);
                        AuthStep::Failure(ServerFailure::Rejected(SaslProblem::WrongPassword(user)))
                    }
                    Err(err) => malformed(err),
                }
            }
            ServerState::Ack { user } => AuthStep::Success(user),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

impl Server {
    /// Answers a client-first-message with the server-first-message (RFC 5802 §5),
    /// deriving the user's stored keys from the account's password with a fresh salt.
    fn first(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        let text = String::from_utf8_lossy(input).into_owned();
        let first = match super::parse_client_first(&text) {
            Ok(first) => first,
            Err(err) => return malformed(err),
        };
        if let Err(failure) = env.check(&first.user, |_| true, false) {
            return AuthStep::Failure(failure);
        }
        let Some(password) = env.account(&first.user).map(|a| a.password.clone()) else {
            return AuthStep::Failure(ServerFailure::Rejected(SaslProblem::NoSuchUser(
                first.user.clone(),
            )));
        };
        let salt = [
            env.nonces.next().to_be_bytes(),
            env.nonces.next().to_be_bytes(),
        ]
        .concat();
        let server_nonce = BASE64
            .encode(env.nonces.next().to_be_bytes())
            .replace(['+', '/', '='], "");
        let prepared = super::ServerCredentials::from_password(
            self.hash,
            &password,
            &salt,
            super::RECOMMENDED_MIN_ITERATIONS,
        )
        .and_then(|credentials| {
            super::server_first_message(&first, &server_nonce, &credentials)
                .map(|sf| (credentials, sf))
        });
        match prepared {
            Ok((credentials, server_first)) => {
                self.state = ServerState::Final {
                    credentials,
                    client_first: text,
                    server_first: server_first.clone(),
                    user: first.user.clone(),
                };
                AuthStep::Challenge(Message::text(&server_first))
            }
            Err(err) => malformed(err),
        }
    }
}

/// Where the client side stands.
#[derive(Clone, Debug)]
enum ClientState {
    ServerFirst,
    ServerFinal { expected: Vec<u8> },
    Done,
}

/// The client side.
#[derive(Clone, Debug)]
pub struct Client {
    hash: Hash,
    params: ClientParams,
    state: ClientState,
    verified: bool,
    trace: Trace,
}

fn failure(err: ScramError) -> ClientFailure {
    ClientFailure::new(err.describe(Lang::En), err.describe(Lang::Zh))
}

impl Client {
    /// The exchange for `hash` and `params`.
    pub fn new(hash: Hash, params: &ClientParams) -> Client {
        Client {
            hash,
            params: params.clone(),
            state: ClientState::ServerFirst,
            verified: false,
            trace: Trace::default(),
        }
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        self.trace =
            super::client_first(&self.params.user, &self.params.scram_nonce).map_err(failure)?;
        Ok(Some(decoded_step(&self.trace, "client-first-base64")))
    }

    fn step(&mut self, challenge: &[u8]) -> ClientStep {
        match std::mem::replace(&mut self.state, ClientState::Done) {
            ClientState::ServerFirst => {
                let server_first = String::from_utf8_lossy(challenge).into_owned();
                let p = &self.params;
                match super::client(self.hash, &p.user, &p.secret, &p.scram_nonce, &server_first) {
                    Ok(trace) => {
                        let response = decoded_step(&trace, "client-final-base64");
                        let expected = trace
                            .step("server-signature")
                            .map(|s| s.bytes.clone())
                            .unwrap_or_default();
                        self.trace = trace;
                        self.state = ClientState::ServerFinal { expected };
                        AuthStep::Challenge(Message::raw(response))
                    }
                    Err(err) => AuthStep::Failure(failure(err)),
                }
            }
            ClientState::ServerFinal { expected } => {
                let server_final = String::from_utf8_lossy(challenge).into_owned();
                match super::verify_server_final(&expected, &server_final, &mut self.trace) {
                    Ok(()) => {
                        self.verified = true;
                        AuthStep::Challenge(Message::raw(Vec::new()))
                    }
                    Err(err) => AuthStep::Failure(failure(err)),
                }
            }
            ClientState::Done => AuthStep::Failure(UNEXPECTED_CHALLENGE.into()),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }

    fn server_verified(&self) -> bool {
        self.verified
    }
}
