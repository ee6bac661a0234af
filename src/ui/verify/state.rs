//! The verify page's state: the pasted exchange, the password (in memory only, never
//! stored), and the result of the last check. Held in a reducer the app provides by
//! context, so a visit to another page keeps it. The reducer calls the engine's
//! [`verify`] and keeps what it returns.

use std::rc::Rc;

use yew::prelude::*;

use super::examples::VerifyExample;
use crate::analyze::auth::{verify_transcript, Checked as CheckedExchange};
use crate::sasl::verify::{verify_with, Mechanism, Options, Report, VerifyError};
use crate::ui::engine_worker::{
    scram_iterations_of, verify_iterations, HEAVY_ITERATIONS, HEAVY_TEXT_BYTES,
};

/// What the page verifies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// One exchange pasted by parts: challenge, response.
    #[default]
    Exchange,
    /// Every AUTH exchange of a pasted transcript.
    Transcript,
}

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

/// The result of checking a transcript.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedTranscript {
    /// Whether a password was given.
    pub with_password: bool,
    /// Every exchange found, judged.
    pub exchanges: Vec<CheckedExchange>,
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
    /// The response is exactly what the client sent (a response without base64 is then a
    /// mistake of its own).
    pub as_sent: bool,
    /// One exchange or a whole transcript.
    pub mode: Mode,
    /// The transcript as pasted.
    pub transcript: String,
    /// The last check of one exchange.
    pub checked: Option<Rc<Checked>>,
    /// The last check of a transcript.
    pub checked_transcript: Option<Rc<CheckedTranscript>>,
    /// Bumped when a restored form is too heavy to check here: the form then sends it to
    /// the engine worker.
    pub worker_asks: u64,
}

/// Whether checking `verify` as it is takes long enough for the engine worker: a SCRAM
/// exchange over [`HEAVY_ITERATIONS`] iterations, a transcript over [`HEAVY_TEXT_BYTES`] or
/// with such an exchange to verify.
pub fn heavy(verify: &VerifyState) -> bool {
    match verify.mode {
        Mode::Exchange => verify_iterations(verify.mechanism, &verify.challenge) > HEAVY_ITERATIONS,
        Mode::Transcript => {
            verify.transcript.len() > HEAVY_TEXT_BYTES
                || (!verify.password.is_empty()
                    && scram_iterations_of(&crate::analyze::auth::exchanges(&verify.transcript))
                        > HEAVY_ITERATIONS)
        }
    }
}

impl Default for VerifyState {
    fn default() -> VerifyState {
        VerifyState {
            mechanism: Mechanism::CramMd5,
            challenge: String::new(),
            response: String::new(),
            password: String::new(),
            as_sent: false,
            mode: Mode::Exchange,
            transcript: String::new(),
            checked: None,
            checked_transcript: None,
            worker_asks: 0,
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
    /// The "exactly what the client sent" switch.
    AsSent(bool),
    /// One exchange or a transcript.
    Mode(Mode),
    /// The transcript text area.
    Transcript(String),
    /// Check what is there now.
    Verify,
    /// Fill in an example and check it.
    Example(&'static VerifyExample),
    /// A shared state: its inputs, checked when there is something to check.
    Restore(crate::share::pages::VerifyShare),
}

impl VerifyState {
    /// The form as a link (or the hand-over to the whole app) carries it.
    pub fn share(&self) -> crate::share::pages::VerifyShare {
        crate::share::pages::VerifyShare {
            mechanism: self.mechanism,
            challenge: self.challenge.clone(),
            response: self.response.clone(),
            password: self.password.clone(),
            as_sent: self.as_sent,
            transcript_mode: self.mode == Mode::Transcript,
            transcript: self.transcript.clone(),
        }
    }

    /// Checks what is there now (the engine's [`verify_with`] or [`verify_transcript`]).
    pub(crate) fn check(&mut self) {
        let password = Some(self.password.as_str()).filter(|p| !p.is_empty());
        match self.mode {
            Mode::Exchange => {
                let options = Options {
                    as_sent: self.as_sent,
                    server_final: None,
                };
                self.checked = Some(Rc::new(Checked {
                    mechanism: self.mechanism,
                    with_password: password.is_some(),
                    result: verify_with(
                        self.mechanism,
                        &self.challenge,
                        &self.response,
                        password,
                        &options,
                    ),
                }));
            }
            Mode::Transcript => {
                self.checked_transcript = Some(Rc::new(CheckedTranscript {
                    with_password: password.is_some(),
                    exchanges: verify_transcript(&self.transcript, password),
                }));
            }
        }
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
            VerifyAction::AsSent(on) => next.as_sent = on,
            VerifyAction::Mode(mode) => next.mode = mode,
            VerifyAction::Transcript(text) => next.transcript = text,
            VerifyAction::Verify => next.check(),
            VerifyAction::Restore(shared) => {
                next.mechanism = shared.mechanism;
                next.challenge = shared.challenge;
                next.response = shared.response;
                next.password = shared.password;
                next.as_sent = shared.as_sent;
                next.mode = if shared.transcript_mode {
                    Mode::Transcript
                } else {
                    Mode::Exchange
                };
                next.transcript = shared.transcript;
                next.checked = None;
                next.checked_transcript = None;
                let filled = match next.mode {
                    Mode::Exchange => !next.response.trim().is_empty(),
                    Mode::Transcript => !next.transcript.trim().is_empty(),
                };
                if filled && heavy(&next) {
                    next.worker_asks += 1;
                } else if filled {
                    next.check();
                }
            }
            VerifyAction::Example(example) => {
                let filled = (example.fill)();
                next.password = filled.password;
                match filled.transcript {
                    Some(transcript) => {
                        next.mode = Mode::Transcript;
                        next.transcript = transcript;
                    }
                    None => {
                        next.mode = Mode::Exchange;
                        next.mechanism = filled.mechanism;
                        next.challenge = filled.challenge;
                        next.response = filled.response;
                        next.as_sent = filled.as_sent;
                    }
                }
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
