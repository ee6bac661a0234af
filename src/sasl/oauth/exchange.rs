//! XOAUTH2 (Google's) and OAUTHBEARER (RFC 7628) as exchanges: one client message carrying
//! a bearer token; on a bad token the server does not fail at once but sends an error
//! challenge (base64 JSON, RFC 7628 §3.2.2), the client answers it (`^A` for OAUTHBEARER,
//! §3.2.3; an empty response for XOAUTH2, as Google documents), and only then does the
//! server fail the exchange.

use crate::i18n::{Lang, Tr};
use crate::sasl::exchange::{
    decoded_step, note_received, AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep,
    Message, OauthErrors, ServerEnv, ServerExchange, ServerFailure, ServerStep,
    UNEXPECTED_CHALLENGE,
};
use crate::sasl::problem::SaslProblem;
use crate::sasl::trace::{Trace, View};

use super::Mechanism;

/// The error challenge's JSON for `mechanism` as this server words it.
pub fn error_json(mechanism: Mechanism, style: &OauthErrors<'_>) -> String {
    let scope = if style.scope.is_empty() {
        String::new()
    } else {
        format!(",\"scope\":\"{}\"", style.scope)
    };
    match mechanism {
        // Google's XOAUTH2 page: `{"status":"401","schemes":"bearer mac","scope":…}`;
        // Gmail's SMTP server sends `"status":"400","schemes":"Bearer"` (recorded by
        // MailKit's users, jstedfast/MailKit#27).
        Mechanism::XOAuth2 => format!(
            "{{\"status\":\"{}\",\"schemes\":\"Bearer\"{scope}}}",
            style.xoauth2_status
        ),
        // RFC 7628 §3.2.2: status is an OAuth error code; scope and openid-configuration
        // are optional.
        Mechanism::OAuthBearer => format!("{{\"status\":\"invalid_token\"{scope}}}"),
    }
}

/// Where the server side stands.
#[derive(Clone, Debug, Default)]
enum ServerState {
    #[default]
    Response,
    /// The error challenge is out; whatever the client answers, the exchange fails.
    ErrorSent(SaslProblem),
}

/// The server side.
#[derive(Clone, Debug)]
pub struct Server {
    mechanism: Mechanism,
    state: ServerState,
    trace: Trace,
}

impl Server {
    /// The exchange for `mechanism`.
    pub fn new(mechanism: Mechanism) -> Server {
        Server {
            mechanism,
            state: ServerState::Response,
            trace: Trace::default(),
        }
    }

    /// Checks the client's message: success names the account; a token that does not
    /// match sends the error challenge.
    fn response(&mut self, env: &ServerEnv<'_>, input: &[u8]) -> ServerStep {
        let malformed = |problem| AuthStep::Failure(ServerFailure::Malformed(problem));
        let response = match super::decode_response(input) {
            Ok(response) => response,
            Err(err) => return malformed(SaslProblem::Oauth(err)),
        };
        if response.mechanism != self.mechanism {
            return malformed(SaslProblem::OauthLayout {
                expected: self.mechanism.name(),
            });
        }
        if env.backend_down {
            return AuthStep::Failure(ServerFailure::BackendDown);
        }
        // XOAUTH2 names the user; OAUTHBEARER may leave the authzid out, and then the
        // token alone says whose it is (RFC 7628 §3.1).
        let account = match &response.user {
            Some(user) => env.account(user),
            None => env.accounts.iter().find(|a| {
                a.token.as_deref().is_some_and(|t| {
                    crate::sasl::secrets_match(response.token.as_bytes(), t.as_bytes())
                })
            }),
        };
        let problem = if !response.scheme.eq_ignore_ascii_case("Bearer") {
            SaslProblem::NotBearer(response.scheme.clone())
        } else {
            match account {
                Some(account)
                    if account.token.as_deref().is_some_and(|t| {
                        crate::sasl::secrets_match(response.token.as_bytes(), t.as_bytes())
                    }) =>
                {
                    return AuthStep::Success(account.user.clone());
                }
                _ => SaslProblem::InvalidToken(response.user.clone().unwrap_or_default()),
            }
        };
        let json = error_json(self.mechanism, &env.oauth);
        self.trace.push(
            "error-challenge",
            Tr::new("Error challenge (JSON)", "错误质询（JSON）"),
            json.as_bytes().to_vec(),
            View::Text,
            Tr::new(
                "RFC 7628 §3.2.2: on a bad token the server sends a JSON error in a challenge and waits for the client's answer before failing.",
                "RFC 7628 §3.2.2：令牌无效时，服务器先在质询中发送 JSON 错误，等客户端应答后才判定失败。",
            ),
        );
        self.state = ServerState::ErrorSent(problem);
        AuthStep::Challenge(Message::text(&json))
    }
}

impl ServerExchange for Server {
    fn start(&mut self, _env: &mut ServerEnv<'_>) -> ServerStep {
        // Client-first: an empty challenge asks for the message (RFC 4954 §4).
        AuthStep::Challenge(Message::text(""))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        note_received(&mut self.trace, input);
        match std::mem::take(&mut self.state) {
            ServerState::Response => self.response(env, input),
            // RFC 7628 §3.2.3: the client answers the error challenge (with ^A) and the
            // server fails the exchange; another answer is said so.
            ServerState::ErrorSent(SaslProblem::InvalidToken(user))
                if self.mechanism == Mechanism::OAuthBearer
                    && input != self.mechanism.error_ack() =>
            {
                // Shown, at most 40 characters of it (empty: an empty response).
                let answer = crate::sasl::trace::visible(input)
                    .chars()
                    .take(40)
                    .collect();
                AuthStep::Failure(ServerFailure::Rejected(
                    SaslProblem::InvalidTokenAcknowledgedWithout { user, answer },
                ))
            }
            ServerState::ErrorSent(problem) => AuthStep::Failure(ServerFailure::Rejected(problem)),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

/// Where the client side stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    Initial,
    /// The message went as the initial response; an empty challenge asks for it again.
    Sent,
    /// The error challenge was answered; the failure reply comes next.
    Done,
}

/// The client side: the message as the initial response; an error challenge is explained
/// and acknowledged.
#[derive(Clone, Debug)]
pub struct Client {
    mechanism: Mechanism,
    params: ClientParams,
    next: Next,
    resent: bool,
    trace: Trace,
}

impl Client {
    /// The exchange for `mechanism`; `params.secret` is the access token.
    pub fn new(mechanism: Mechanism, params: &ClientParams) -> Client {
        Client {
            mechanism,
            params: params.clone(),
            next: Next::Initial,
            resent: false,
            trace: Trace::default(),
        }
    }

    fn message(&self) -> Vec<u8> {
        decoded_step(&self.trace, "response-base64")
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        let p = &self.params;
        let trace = match self.mechanism {
            Mechanism::XOAuth2 => super::xoauth2(&p.user, &p.secret),
            Mechanism::OAuthBearer => {
                super::oauthbearer(&p.user, Some(&p.host), Some(p.port), &p.secret)
            }
        };
        self.trace = trace
            .map_err(|err| ClientFailure::new(err.describe(Lang::En), err.describe(Lang::Zh)))?;
        self.next = Next::Sent;
        Ok(Some(self.message()))
    }

    fn step(&mut self, challenge: &[u8]) -> ClientStep {
        match self.next {
            Next::Sent if challenge.is_empty() && !self.resent => {
                // RFC 4954 §4: an empty 334 asks for the response on its own line.
                self.resent = true;
                AuthStep::Challenge(Message::raw(self.message()))
            }
            Next::Initial | Next::Sent => {
                // An error challenge: explain it, then answer as the mechanism says.
                if let Ok(explained) = super::explain_error_challenge(self.mechanism, challenge) {
                    self.trace.steps.extend(explained.steps);
                }
                self.next = Next::Done;
                AuthStep::Challenge(Message::raw(self.mechanism.error_ack().to_vec()))
            }
            Next::Done => AuthStep::Failure(UNEXPECTED_CHALLENGE.into()),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}
