//! DIGEST-MD5 as an exchange (RFC 2831 §2.1): the server's digest-challenge, the client's
//! digest-response, the server's `rspauth`, the client's empty answer.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::i18n::{Lang, Tr};
use crate::sasl::exchange::{
    note_received, AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep, Message,
    ServerEnv, ServerExchange, ServerFailure, ServerStep, UNEXPECTED_CHALLENGE,
};
use crate::sasl::problem::SaslProblem;
use crate::sasl::trace::{Trace, View};

const WRONG_RSPAUTH: Tr = Tr::new(
    "the server's {got} is not the {expected} the client computed: it does not know the password, so the client stops (RFC 2831 §2.1.3).",
    "服务器的 {got} 不是客户端算出的 {expected}：它不知道密码，因此客户端停止（RFC 2831 §2.1.3）。",
);

/// Where the server side stands.
#[derive(Clone, Debug, Default)]
enum ServerState {
    /// Nothing sent yet.
    #[default]
    Start,
    /// The challenge with this nonce is out.
    Challenged { nonce: String },
    /// rspauth is out; the client's empty answer completes the exchange.
    Proved { user: String },
}

/// The server side.
#[derive(Clone, Debug, Default)]
pub struct Server {
    state: ServerState,
    trace: Trace,
}

impl ServerExchange for Server {
    fn start(&mut self, env: &mut ServerEnv<'_>) -> ServerStep {
        let nonce = BASE64.encode(env.nonces.next().to_be_bytes());
        let nonce = nonce.trim_end_matches('=').to_string();
        let text = format!(
            "realm=\"{}\",nonce=\"{nonce}\",qop=\"auth\",charset=utf-8,algorithm=md5-sess",
            env.hostname
        );
        self.state = ServerState::Challenged { nonce };
        AuthStep::Challenge(Message::text(&text))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        note_received(&mut self.trace, input);
        match std::mem::take(&mut self.state) {
            // RFC 2831 §2.1.3: after rspauth the client sends an empty response.
            ServerState::Proved { user } => AuthStep::Success(user),
            ServerState::Challenged { nonce } => self.response(env, &nonce, input),
            // A digest-response before any challenge: it cannot name our nonce.
            ServerState::Start => {
                AuthStep::Failure(ServerFailure::Rejected(SaslProblem::NonceMismatch))
            }
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

impl Server {
    /// Checks a digest-response; on success sends rspauth and waits for the client's
    /// empty answer.
    fn response(&mut self, env: &ServerEnv<'_>, nonce: &str, input: &[u8]) -> ServerStep {
        let text = String::from_utf8_lossy(input);
        let sent = match super::parse_response(&text) {
            Ok(sent) => sent,
            Err(err) => {
                return AuthStep::Failure(ServerFailure::Malformed(SaslProblem::Digest(err)))
            }
        };
        let problem = if sent.nonce != nonce {
            Some(SaslProblem::NonceMismatch)
        } else if !std::iter::once(&env.hostname.to_string())
            .chain(env.aliases)
            .any(|name| {
                sent.digest_uri
                    .eq_ignore_ascii_case(&format!("smtp/{name}"))
            })
        {
            Some(SaslProblem::DigestUriMismatch {
                expected: format!("smtp/{}", env.hostname),
                got: sent.digest_uri.clone(),
            })
        } else if sent.nc_value().is_none() {
            Some(SaslProblem::Digest(super::ParseError::BadValue("nc")))
        } else {
            None
        };
        if let Some(problem) = problem {
            return AuthStep::Failure(ServerFailure::Rejected(problem));
        }
        let user = sent.user.clone();
        let mut rspauth = String::new();
        let verdict = env.check(
            &user,
            |account| {
                let trace = super::client(&sent.client_input(&account.password));
                let want = trace
                    .step("response")
                    .map(|s| s.bytes.clone())
                    .unwrap_or_default();
                let matched = crate::sasl::secrets_match(sent.response.as_bytes(), &want);
                if matched {
                    rspauth = trace.step("rspauth").map(|s| s.text()).unwrap_or_default();
                }
                matched
            },
            false,
        );
        match verdict {
            // RFC 2831 §2.1.3: prove the server knows the password too; the client then
            // sends an empty response and only then is it authenticated.
            Ok(()) => {
                self.state = ServerState::Proved { user };
                AuthStep::Challenge(Message::text(&format!("rspauth={rspauth}")))
            }
            Err(failure) => AuthStep::Failure(failure),
        }
    }
}

/// Where the client side stands.
#[derive(Clone, Debug)]
enum ClientState {
    Challenge,
    Rspauth { expected: String },
    Done,
}

/// The client side.
#[derive(Clone, Debug)]
pub struct Client {
    params: ClientParams,
    state: ClientState,
    verified: bool,
    trace: Trace,
}

impl Client {
    /// The exchange for `params`.
    pub fn new(params: &ClientParams) -> Client {
        Client {
            params: params.clone(),
            state: ClientState::Challenge,
            verified: false,
            trace: Trace::default(),
        }
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        Ok(None)
    }

    fn step(&mut self, challenge: &[u8]) -> ClientStep {
        match std::mem::replace(&mut self.state, ClientState::Done) {
            ClientState::Challenge => {
                let text = String::from_utf8_lossy(challenge);
                let parsed = match super::parse_challenge(&text) {
                    Ok(parsed) => parsed,
                    Err(err) => {
                        return AuthStep::Failure(ClientFailure::new(
                            err.describe(Lang::En),
                            err.describe(Lang::Zh),
                        ))
                    }
                };
                let p = &self.params;
                let input = super::ClientInput {
                    user: p.user.clone(),
                    realm: parsed
                        .realms
                        .first()
                        .cloned()
                        .unwrap_or_else(|| p.host.clone()),
                    password: p.secret.clone(),
                    nonce: parsed.nonce.clone(),
                    cnonce: p.cnonce.clone(),
                    nc: 1,
                    qop: "auth".into(),
                    digest_uri: format!("smtp/{}", p.host),
                    authzid: None,
                    utf8: parsed.utf8,
                };
                self.trace = super::client(&input);
                let response = crate::sasl::exchange::decoded_step(&self.trace, "response-base64");
                let expected = format!(
                    "rspauth={}",
                    self.trace
                        .step("rspauth")
                        .map(|s| s.text())
                        .unwrap_or_default()
                );
                self.state = ClientState::Rspauth { expected };
                AuthStep::Challenge(Message::raw(response))
            }
            ClientState::Rspauth { expected } => {
                let got = String::from_utf8_lossy(challenge).trim().to_string();
                if crate::sasl::secrets_match(got.as_bytes(), expected.as_bytes()) {
                    self.trace.push(
                        "rspauth-check",
                        Tr::new("rspauth received: matches", "收到的 rspauth：一致"),
                        got.into_bytes(),
                        View::Text,
                        Tr::new(
                            "What the server sent, as the client checked it.",
                            "服务器发来的内容，以及客户端的核对结果。",
                        ),
                    );
                    self.verified = true;
                    // RFC 2831 §2.1.3: an empty response after a valid rspauth.
                    AuthStep::Challenge(Message::raw(Vec::new()))
                } else {
                    AuthStep::Failure(WRONG_RSPAUTH.filled(&[
                        ("got", &format!("{got:?}")),
                        ("expected", &format!("{expected:?}")),
                    ]))
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
