//! The scenarios' state: every scenario opened so far with its session, its [`Journal`]
//! and what the learner typed into its forms, and which scenarios are done. Held in a
//! reducer the app provides by context, so leaving a scenario and coming back keeps all of
//! it; only the done ids are written to storage (by [`crate::ui::learn::provider`]).
//!
//! The reducer only calls the engine: the scenario's server ([`Scenario::config`]), the
//! journal ([`Journal::record`]), its check ([`Scenario::is_done`]), the composer
//! ([`Message::compose`]), the client and the verifier. The browser's clock and randomness
//! come in with the actions.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::prelude::*;

use super::compose_run::{deliver, Delivery};
use super::texts;
use crate::lessons::scenarios::{self, composed, raw_bytes, Journal, Scenario};
use crate::live::{new_server, Entry, LiveSession, Shared};
use crate::sasl::verify::{verify, Report, VerifyError};

/// What the learner typed into a compose scenario's form (the engine's type: a scenario
/// file's `[compose]` table is one).
pub use crate::lessons::scenarios::{ComposeDraft, ComposeError, ComposeField};

/// What a reload does again of a scenario's session (the engine's types, read and written
/// as text by [`crate::lessons::progress`]).
pub use crate::lessons::progress::{Replay, Saved};

/// The last send of a compose scenario.
pub type Sent = Result<Delivery, ComposeError>;

/// The verify scenario's form and result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerifyDraft {
    /// The password typed (memory only).
    pub password: String,
    /// The answer typed.
    pub answer: String,
    /// The verifier's report on the captured exchange with that password.
    pub report: Option<Rc<Result<Report, VerifyError>>>,
    /// Whether an answer was given and judged.
    pub answered: bool,
    /// Whether the answer given (the latest) meets the question.
    pub right: bool,
}

/// One scenario being played. Held in a [`Shared`]: an action changes it in place (the
/// server, its mailbox and the journal are never copied).
#[derive(Debug)]
pub struct ScenarioSession {
    /// The console session (console scenarios), or the server's first connection.
    pub live: LiveSession,
    /// What happened, as the scenario's check reads it.
    pub journal: Journal,
    /// How many hints are shown.
    pub hints: usize,
    /// The compose form.
    pub compose: Rc<ComposeDraft>,
    /// The last send (compose scenarios).
    pub sent: Option<Rc<Sent>>,
    /// The verify form (verify scenarios).
    pub verify: Rc<VerifyDraft>,
    /// How many times the compose form was sent (each send's dialog is a new transcript).
    pub sends: u64,
    /// Whether the console sends raw bytes.
    pub raw: bool,
    /// What the learner did, in order, to be done again after a reload (kept in the tab's
    /// session storage by [`crate::ui::learn::provider`]; never a password typed into a form).
    pub record: Rc<Vec<Replay>>,
}

/// At most this many things are recorded for a reload.
const MAX_RECORD: usize = 400;

impl ScenarioSession {
    fn new(scenario: &Scenario, now: &str) -> ScenarioSession {
        ScenarioSession {
            live: LiveSession::connect(new_server(scenario.config(), now)),
            journal: Journal::default(),
            hints: 0,
            compose: Rc::new(scenario.compose.clone()),
            sent: None,
            verify: Rc::new(VerifyDraft::default()),
            sends: 0,
            raw: false,
            record: Rc::new(Vec::new()),
        }
    }

    fn remember(&mut self, replay: Replay) {
        let record = Rc::make_mut(&mut self.record);
        if let (Replay::Field(field, value), Some(Replay::Field(last, old))) =
            (&replay, record.last_mut())
        {
            if field == last {
                *old = value.clone();
                return;
            }
        }
        if record.len() < MAX_RECORD {
            record.push(replay);
        }
    }

    /// A session restored after a reload: a new server, the recorded things done again
    /// (with a note saying so), the hints shown as before.
    fn restored(scenario: &Scenario, now: &str, saved: &Saved) -> ScenarioSession {
        let mut session = ScenarioSession::new(scenario, now);
        if saved.record.is_empty() && saved.hints == 0 {
            return session;
        }
        if !saved.record.is_empty() {
            session.live.log.note(texts::RESTORED);
        }
        for replay in &saved.record {
            let action = match replay.clone() {
                Replay::Line(line) => ScenarioAction::Send {
                    id: scenario.id,
                    lines: vec![line],
                    now: now.to_string(),
                    remember: true,
                },
                Replay::Raw(text) => ScenarioAction::SendRaw {
                    id: scenario.id,
                    text,
                    now: now.to_string(),
                },
                Replay::Saslauthd(running) => ScenarioAction::Saslauthd {
                    id: scenario.id,
                    running,
                },
                Replay::Field(field, value) => ScenarioAction::Field {
                    id: scenario.id,
                    field,
                    value,
                },
                Replay::ComposeSend => ScenarioAction::ComposeSend {
                    id: scenario.id,
                    now: now.to_string(),
                    unique: format!("restored{}", session.sends),
                },
                Replay::Answer(text) => {
                    session.apply(
                        scenario,
                        ScenarioAction::AnswerText {
                            id: scenario.id,
                            text,
                        },
                    );
                    ScenarioAction::Answer { id: scenario.id }
                }
            };
            session.apply(scenario, action);
        }
        session.hints = saved.hints.min(scenario.hints.len());
        session
    }
}

/// The scenarios' state.
#[derive(Clone, Debug)]
pub struct ScenariosState {
    /// Bumped by every action: two states are equal only if they are the same state.
    revision: u64,
    /// The scenarios whose goal was met (remembered in storage).
    pub done: Rc<BTreeSet<&'static str>>,
    /// Every scenario opened so far, each shared with the previous state (the handle's
    /// revision says when it changed).
    pub sessions: Rc<BTreeMap<&'static str, Shared<ScenarioSession>>>,
}

impl PartialEq for ScenariosState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl ScenariosState {
    /// The state at the start: the scenarios done (as storage kept them), no session yet.
    pub fn new(done: BTreeSet<&'static str>) -> ScenariosState {
        ScenariosState {
            revision: 0,
            done: Rc::new(done),
            sessions: Rc::new(BTreeMap::new()),
        }
    }

    /// The session of a scenario, if it was opened.
    pub fn session(&self, id: &str) -> Option<&Shared<ScenarioSession>> {
        self.sessions.get(id)
    }
}

/// What changes the state. `id` is a scenario's id; `now` the browser's time.
pub enum ScenarioAction {
    /// Open a scenario (a new session unless one is running; after a reload, the saved
    /// one is played again).
    Open {
        /// The scenario.
        id: &'static str,
        /// The time of the connection.
        now: String,
        /// What the tab's session storage kept of it.
        saved: Option<Saved>,
    },
    /// A new session from the start: new server, empty journal, hints hidden again.
    Restart {
        /// The scenario.
        id: &'static str,
        /// The time of the new connection.
        now: String,
    },
    /// Send lines to the console session (each with CRLF).
    Send {
        /// The scenario.
        id: &'static str,
        /// The lines.
        lines: Vec<String>,
        /// The time.
        now: String,
        /// Whether to add the line to the history.
        remember: bool,
    },
    /// Send raw-mode text (exactly the bytes it stands for).
    SendRaw {
        /// The scenario.
        id: &'static str,
        /// The text, with `\\n` for a bare LF.
        text: String,
        /// The time.
        now: String,
    },
    /// Switch the console's raw mode on or off.
    Raw {
        /// The scenario.
        id: &'static str,
        /// On or off.
        on: bool,
    },
    /// Start (`true`) or stop saslauthd: the server's `sasl_daemon_down` policy.
    Saslauthd {
        /// The scenario.
        id: &'static str,
        /// Whether it runs.
        running: bool,
    },
    /// Show one more hint.
    Hint {
        /// The scenario.
        id: &'static str,
    },
    /// An input of the compose form changed.
    Field {
        /// The scenario.
        id: &'static str,
        /// Which input.
        field: ComposeField,
        /// Its value.
        value: String,
    },
    /// Compose the message and send it over a new connection.
    ComposeSend {
        /// The scenario.
        id: &'static str,
        /// The time (Date: and the server's Received:).
        now: String,
        /// A unique token for the Message-ID and the boundary.
        unique: String,
    },
    /// The verify form's password changed.
    VerifyPassword {
        /// The scenario.
        id: &'static str,
        /// The password.
        text: String,
    },
    /// Verify the captured exchange with the password.
    Verify {
        /// The scenario.
        id: &'static str,
    },
    /// The answer field changed.
    AnswerText {
        /// The scenario.
        id: &'static str,
        /// The answer.
        text: String,
    },
    /// Give the answer: it goes into the journal.
    Answer {
        /// The scenario.
        id: &'static str,
    },
    /// Forget which scenarios are done, and every session.
    ResetProgress,
}

impl ScenarioAction {
    fn id(&self) -> Option<&'static str> {
        match self {
            ScenarioAction::Open { id, .. }
            | ScenarioAction::Restart { id, .. }
            | ScenarioAction::Send { id, .. }
            | ScenarioAction::SendRaw { id, .. }
            | ScenarioAction::Raw { id, .. }
            | ScenarioAction::Saslauthd { id, .. }
            | ScenarioAction::Hint { id }
            | ScenarioAction::Field { id, .. }
            | ScenarioAction::ComposeSend { id, .. }
            | ScenarioAction::VerifyPassword { id, .. }
            | ScenarioAction::Verify { id }
            | ScenarioAction::AnswerText { id, .. }
            | ScenarioAction::Answer { id } => Some(id),
            ScenarioAction::ResetProgress => None,
        }
    }
}

impl ScenarioSession {
    fn apply(&mut self, scenario: &Scenario, action: ScenarioAction) {
        match action {
            ScenarioAction::Open { .. } | ScenarioAction::ResetProgress => {}
            ScenarioAction::Restart { now, .. } => *self = ScenarioSession::new(scenario, &now),
            ScenarioAction::Send {
                lines,
                now,
                remember,
                ..
            } => {
                for line in lines {
                    if remember {
                        self.live.remember(&line);
                    }
                    self.remember(Replay::Line(line.clone()));
                    self.journal.client(line.as_bytes());
                    let events = self.live.send(&line, &now);
                    self.journal.record(&self.live.server, &events);
                }
            }
            ScenarioAction::SendRaw { text, now, .. } => {
                let bytes = raw_bytes(&text);
                self.journal.client(&bytes);
                let events = self.live.send_raw(&bytes, &now);
                self.journal.record(&self.live.server, &events);
                self.remember(Replay::Raw(text));
            }
            ScenarioAction::Raw { on, .. } => self.raw = on,
            ScenarioAction::Saslauthd { running, .. } => {
                let mut policies = self.live.server.config().policies.clone();
                policies.sasl_daemon_down = !running;
                let note = if running {
                    texts::SASL_STARTED
                } else {
                    texts::SASL_STOPPED
                };
                self.live.set_policies(policies, Entry::Note(note));
                self.remember(Replay::Saslauthd(running));
            }
            ScenarioAction::Hint { .. } => {
                self.hints = (self.hints + 1).min(scenario.hints.len());
            }
            ScenarioAction::Field { field, value, .. } => {
                if field != ComposeField::Password {
                    self.remember(Replay::Field(field, value.clone()));
                }
                *Rc::make_mut(&mut self.compose).field_mut(field) = value;
            }
            ScenarioAction::ComposeSend { now, unique, .. } => {
                let sent = composed(&self.compose, scenario.mechanism, &now, &unique).map(
                    |(settings, message)| {
                        // Each send is a new connection to the scenario's server.
                        let mut server = new_server(scenario.config(), &now);
                        deliver(settings, &message, &mut server, &mut self.journal)
                    },
                );
                self.sent = Some(Rc::new(sent));
                self.sends += 1;
                self.remember(Replay::ComposeSend);
            }
            ScenarioAction::VerifyPassword { text, .. } => {
                Rc::make_mut(&mut self.verify).password = text;
            }
            ScenarioAction::Verify { .. } => {
                let Some(case) = &scenario.verify else {
                    return;
                };
                let draft = Rc::make_mut(&mut self.verify);
                let password = Some(draft.password.as_str()).filter(|p| !p.is_empty());
                draft.report = Some(Rc::new(verify(
                    case.mechanism,
                    &case.challenge,
                    &case.response,
                    password,
                )));
            }
            ScenarioAction::AnswerText { text, .. } => {
                let draft = Rc::make_mut(&mut self.verify);
                draft.answer = text;
                draft.answered = false;
                draft.right = false;
            }
            ScenarioAction::Answer { .. } => {
                let draft = Rc::make_mut(&mut self.verify);
                draft.answered = true;
                draft.right = scenario.answer_is_right(&draft.answer);
                self.journal.answer(&scenario.answer_as_step(&draft.answer));
                let answer = draft.answer.clone();
                self.remember(Replay::Answer(answer));
            }
        }
    }
}

impl Reducible for ScenariosState {
    type Action = ScenarioAction;

    fn reduce(self: Rc<Self>, action: ScenarioAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.revision += 1;
        let Some(id) = action.id() else {
            next.done = Rc::new(BTreeSet::new());
            next.sessions = Rc::new(BTreeMap::new());
            return Rc::new(next);
        };
        let Some(scenario) = scenarios::find(id) else {
            return self;
        };
        // Only the map of handles is copied; the sessions are shared and change in place.
        let sessions = Rc::make_mut(&mut next.sessions);
        let opening = match &action {
            ScenarioAction::Open { now, saved, .. } => Some((now.clone(), saved.clone())),
            ScenarioAction::Restart { now, .. } => Some((now.clone(), None)),
            _ => None,
        };
        let session = match (sessions.get_mut(scenario.id), opening) {
            (Some(session), _) => session,
            (None, Some((now, saved))) => sessions.entry(scenario.id).or_insert_with(|| {
                Shared::new(match saved {
                    Some(saved) => ScenarioSession::restored(scenario, &now, &saved),
                    None => ScenarioSession::new(scenario, &now),
                })
            }),
            // An action for a scenario that was never opened: nothing to act on.
            (None, None) => return self,
        };
        let met = session.update(|session| {
            session.apply(scenario, action);
            scenario.is_done(&session.journal)
        });
        if met && !next.done.contains(scenario.id) {
            Rc::make_mut(&mut next.done).insert(scenario.id);
        }
        Rc::new(next)
    }
}

/// The handle components receive from the context.
pub type ScenariosContext = UseReducerHandle<ScenariosState>;

/// The scenarios' state from the context (`None` outside the provider).
#[hook]
pub fn use_scenarios() -> Option<ScenariosContext> {
    use_context::<ScenariosContext>()
}

/// The scenario and its session, if it was opened (read it with `session.read()`, and let
/// the guard go before dispatching).
pub fn scenario_session(
    state: &ScenariosState,
    id: &str,
) -> Option<(&'static Scenario, Shared<ScenarioSession>)> {
    let scenario = scenarios::find(id)?;
    Some((scenario, state.session(scenario.id)?.clone()))
}
