//! The verify page's state: the pasted exchange, the password (in memory only, never
//! stored), and the result of the last check. Held in a reducer the app provides by
//! context, so a visit to another page keeps it. The reducer calls the engine's
//! [`verify`] and keeps what it returns.

use std::rc::Rc;

use yew::prelude::*;

use super::examples::VerifyExample;
use crate::sasl::verify::{verify, Mechanism, Report, VerifyError};

/// The result of one check, with the mechanism it was made for.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The mechanism checked.
    pub mechanism: Mechanism,
    /// Whether a password was given.
    pub with_password: bool,
    /// The engine's report, or why it could not start.
    pub result: Result<Report, VerifyError>,
}

/// The verify page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct VerifyState {
    /// The mechanism picked.
    pub mechanism: Mechanism,
    /// The server's challenge as pasted.
    pub challenge: String,
    /// The client's response as pasted.
    pub response: String,
    /// The password, if the learner wants a verdict.
    pub password: String,
    /// The last check.
    pub checked: Option<Rc<Checked>>,
}

impl Default for VerifyState {
    fn default() -> VerifyState {
        VerifyState {
            mechanism: Mechanism::CramMd5,
            challenge: String::new(),
            response: String::new(),
            password: String::new(),
            checked: None,
        }
    }
}

/// What changes the state.
pub enum VerifyAction {
    /// The mechanism picker.
    Mechanism(Mechanism),
    /// The challenge text area.
    Challenge(String),
    /// The response text area.
    Response(String),
    /// The password input.
    Password(String),
    /// Check what is there now.
    Verify,
    /// Fill in an example and check it.
    Example(&'static VerifyExample),
}

impl VerifyState {
    fn check(&mut self) {
        let password = Some(self.password.as_str()).filter(|p| !p.is_empty());
        self.checked = Some(Rc::new(Checked {
            mechanism: self.mechanism,
            with_password: password.is_some(),
            result: verify(self.mechanism, &self.challenge, &self.response, password),
        }));
    }
}

impl Reducible for VerifyState {
    type Action = VerifyAction;

    fn reduce(self: Rc<Self>, action: VerifyAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            VerifyAction::Mechanism(mechanism) => next.mechanism = mechanism,
            VerifyAction::Challenge(text) => next.challenge = text,
            VerifyAction::Response(text) => next.response = text,
            VerifyAction::Password(text) => next.password = text,
            VerifyAction::Verify => next.check(),
            VerifyAction::Example(example) => {
                let filled = (example.fill)();
                next.mechanism = filled.mechanism;
                next.challenge = filled.challenge;
                next.response = filled.response;
                next.password = filled.password;
                next.check();
            }
        }
        Rc::new(next)
    }
}

/// The handle components receive from the context.
pub type VerifyContext = UseReducerHandle<VerifyState>;

/// The verify state from the context (`None` outside the provider).
#[hook]
pub fn use_verify() -> Option<VerifyContext> {
    use_context::<VerifyContext>()
}
