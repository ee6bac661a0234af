//! NTLM as an exchange (MS-NLMP §3.1.5): NEGOTIATE, CHALLENGE, AUTHENTICATE, each a binary
//! message base64-encoded on its own line.

use crate::i18n::{Lang, Tr};
use crate::sasl::exchange::{
    decoded_step, note_received, AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep,
    Message, ServerEnv, ServerExchange, ServerFailure, ServerStep, UNEXPECTED_CHALLENGE,
};
use crate::sasl::problem::SaslProblem;
use crate::sasl::trace::{Trace, View};

/// The server side.
#[derive(Clone, Debug, Default)]
pub struct Server {
    /// The CHALLENGE_MESSAGE sent, once sent.
    challenge: Option<Vec<u8>>,
    trace: Trace,
}

fn malformed(err: super::ParseError) -> ServerStep {
    AuthStep::Failure(ServerFailure::Malformed(SaslProblem::Ntlm(err)))
}

impl ServerExchange for Server {
    fn start(&mut self, _env: &mut ServerEnv<'_>) -> ServerStep {
        // The client speaks first: an empty challenge asks for NEGOTIATE_MESSAGE.
        AuthStep::Challenge(Message::text(""))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        note_received(&mut self.trace, input);
        match self.challenge.take() {
            None => {
                let negotiate = match super::Negotiate::decode(input) {
                    Ok(negotiate) => negotiate,
                    Err(err) => return malformed(err),
                };
                let domain = env.domain.to_string();
                let computer = env
                    .hostname
                    .split('.')
                    .next()
                    .unwrap_or("")
                    .to_ascii_uppercase();
                let challenge = super::server_challenge(&super::ChallengeInput {
                    server_challenge: env.nonces.next().to_be_bytes(),
                    client_flags: negotiate.flags,
                    nb_domain: domain.split('.').next().unwrap_or("").to_ascii_uppercase(),
                    nb_computer: computer,
                    dns_domain: domain,
                    dns_computer: env.hostname.to_string(),
                    ..super::ChallengeInput::default()
                })
                .encode();
                let shown = format!("NTLM CHALLENGE message, {} bytes", challenge.len());
                self.challenge = Some(challenge.clone());
                AuthStep::Challenge(Message::binary(challenge, shown))
            }
            Some(challenge) => {
                let user = match super::Authenticate::decode(input) {
                    Ok(message) => message.user,
                    Err(err) => return malformed(err),
                };
                // NTLMv2 first, then the NTLMv1 response older clients send (`verify_v1`).
                let verdict = env.check(
                    &user,
                    |account| {
                        super::verify(&challenge, input, &account.password)
                            || super::verify_v1(&challenge, input, &account.password)
                    },
                    false,
                );
                env.conclude(&user, verdict)
            }
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

/// Where the client side stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    Negotiate,
    Authenticate,
    Done,
}

/// The client side.
#[derive(Clone, Debug)]
pub struct Client {
    params: ClientParams,
    next: Next,
    trace: Trace,
}

impl Client {
    /// The exchange for `params` (`params.user` may be `DOMAIN\user`).
    pub fn new(params: &ClientParams) -> Client {
        Client {
            params: params.clone(),
            next: Next::Negotiate,
            trace: Trace::default(),
        }
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        Ok(None)
    }

    fn step(&mut self, challenge: &[u8]) -> ClientStep {
        match self.next {
            Next::Negotiate => {
                let negotiate = super::client_negotiate().encode();
                self.trace.push(
                    "negotiate",
                    Tr::new("NEGOTIATE_MESSAGE sent", "发送的 NEGOTIATE_MESSAGE"),
                    negotiate.clone(),
                    View::Text,
                    Tr::new(
                        "What the server sent, as the client checked it.",
                        "服务器发来的内容，以及客户端的核对结果。",
                    ),
                );
                self.next = Next::Authenticate;
                AuthStep::Challenge(Message::raw(negotiate))
            }
            Next::Authenticate => {
                self.next = Next::Done;
                let p = &self.params;
                let (domain, name) = match p.user.split_once('\\') {
                    Some((domain, name)) => (domain.to_string(), name.to_string()),
                    None => (String::new(), p.user.clone()),
                };
                let input = super::ClientInput {
                    user: name,
                    domain,
                    password: p.secret.clone(),
                    workstation: String::new(),
                    client_challenge: p.ntlm_challenge,
                    timestamp: p.ntlm_timestamp,
                    random_session_key: None,
                    version: None,
                };
                match super::client_authenticate(challenge, &input) {
                    Ok(trace) => {
                        let response = decoded_step(&trace, "response");
                        self.trace.steps.extend(trace.steps);
                        AuthStep::Challenge(Message::raw(response))
                    }
                    Err(err) => AuthStep::Failure(ClientFailure::new(
                        err.describe(Lang::En),
                        err.describe(Lang::Zh),
                    )),
                }
            }
            Next::Done => AuthStep::Failure(UNEXPECTED_CHALLENGE.into()),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }

    fn expects_binary(&self) -> bool {
        self.next == Next::Authenticate
    }
}
