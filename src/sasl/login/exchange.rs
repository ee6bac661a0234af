//! LOGIN as an exchange (draft-murchison-sasl-login): `Username:`, then `Password:`.

use crate::i18n::Tr;
use crate::sasl::exchange::{
    AuthStep, ClientExchange, ClientFailure, ClientParams, ClientStep, Message, ServerEnv,
    ServerExchange, ServerStep, UNEXPECTED_CHALLENGE,
};
use crate::sasl::trace::{Trace, View};

/// The server side.
#[derive(Clone, Debug, Default)]
pub struct Server {
    /// The user name, once received.
    user: Option<String>,
    trace: Trace,
}

impl ServerExchange for Server {
    fn start(&mut self, env: &mut ServerEnv<'_>) -> ServerStep {
        AuthStep::Challenge(Message::text(env.username_prompt))
    }

    fn step(&mut self, env: &mut ServerEnv<'_>, input: &[u8]) -> ServerStep {
        match self.user.take() {
            None => {
                let user = String::from_utf8_lossy(input).into_owned();
                self.trace.push(
                    "user",
                    Tr::new("User name received", "收到的用户名"),
                    input.to_vec(),
                    View::Text,
                    Tr::new(
                        "The answer to the first prompt: the user name.",
                        "对第一个提示的回答：用户名。",
                    ),
                );
                self.user = Some(user);
                AuthStep::Challenge(Message::text(super::PASSWORD_PROMPT))
            }
            Some(user) => env.verify_password(&user, input),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}

/// Where the client side stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    User,
    Password,
    Done,
}

/// The client side: answers the two prompts in order, whatever they say.
#[derive(Clone, Debug)]
pub struct Client {
    user: String,
    password: String,
    next: Next,
    trace: Trace,
}

impl Client {
    /// The exchange for `params.user` with `params.secret`.
    pub fn new(params: &ClientParams) -> Client {
        Client {
            user: params.user.clone(),
            password: params.secret.clone(),
            next: Next::User,
            trace: super::client(&params.user, &params.secret),
        }
    }
}

impl ClientExchange for Client {
    fn initial(&mut self) -> Result<Option<Vec<u8>>, ClientFailure> {
        Ok(None)
    }

    fn step(&mut self, _challenge: &[u8]) -> ClientStep {
        match self.next {
            Next::User => {
                self.next = Next::Password;
                AuthStep::Challenge(Message::raw(self.user.as_bytes().to_vec()))
            }
            Next::Password => {
                self.next = Next::Done;
                AuthStep::Challenge(Message::raw(self.password.as_bytes().to_vec()))
            }
            Next::Done => AuthStep::Failure(UNEXPECTED_CHALLENGE.into()),
        }
    }

    fn trace(&self) -> &Trace {
        &self.trace
    }
}
