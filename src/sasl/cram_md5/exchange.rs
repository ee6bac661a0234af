//! CRAM-MD5 as an exchange (RFC 2195 §2): the server's challenge, the client's
//! `user SP hex(HMAC-MD5(password, challenge))`.

use crate::sasl::exchange::{
    decoded_step, note_received, AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep,
    Message, ServerEnv, ServerExchange, ServerFailure, ServerStep, UNEXPECTED_CHALLENGE,
};
use crate::sasl::problem::SaslProblem;
use crate::sasl::trace::Trace;

/// The server side.
#[derive(Clone, Debug, Default)]
pub struct Server {
    challenge: Option<String>,
    trace: Trace,
}

impl ServerExchange for Server {
    fn start(&mut self, env: &mut ServerEnv<'_>) -> ServerStep {
        // RFC 2195 §2: a challenge like <pid.timestamp@host>, unique per session.
        let n = env.nonces.next();
        let challenge = format!(
            "<{}.{}@{}>",
            n % 100_000,
            n / 100_000 % 10_000_000_000,
            env.hostname
        );
        self.challenge = Some(challenge.clone());
        AuthStep::Challenge(Message::text(&challenge))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        let Some(user) = super::split_response(input).map(|(user, _)| user) else {
            return AuthStep::Failure(ServerFailure::Malformed(SaslProblem::CramMd5Shape));
        };
        let user = String::from_utf8_lossy(user).into_owned();
        let challenge = self.challenge.clone().unwrap_or_default();
        note_received(&mut self.trace, input);
        let verdict = env.check(
            &user,
            |account| super::verify(challenge.as_bytes(), input, &account.password),
            false,
        );
        // The right digest in upper-case hex is refused, as a server compares the text,
        // but the learner is told that the password was right.
        let verdict = match verdict {
            Err(ServerFailure::Rejected(SaslProblem::WrongPassword(_)))
                if env.account(&user).is_some_and(|account| {
                    super::verify(
                        challenge.as_bytes(),
                        &input.to_ascii_lowercase(),
                        &account.password,
                    )
                }) =>
            {
                Err(ServerFailure::Rejected(SaslProblem::UppercaseHex))
            }
            other => other,
        };
        env.conclude(&user, verdict)
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

/// The client side: one response to the challenge.
#[derive(Clone, Debug)]
pub struct Client {
    user: String,
    password: String,
    answered: bool,
    trace: Trace,
}

impl Client {
    /// The exchange for `params.user` with `params.secret`.
    pub fn new(params: &ClientParams) -> Client {
        Client {
            user: params.user.clone(),
            password: params.secret.clone(),
            answered: false,
            trace: Trace::default(),
        }
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        Ok(None)
    }

    fn step(&mut self, challenge: &[u8]) -> ClientStep {
        if self.answered {
            return AuthStep::Failure(UNEXPECTED_CHALLENGE.into());
        }
        self.answered = true;
        self.trace = super::client(&self.user, &self.password, challenge);
        AuthStep::Challenge(Message::raw(decoded_step(&self.trace, "response")))
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}
