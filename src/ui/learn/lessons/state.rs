//! The lessons' state: each lesson's step (remembered in storage by
//! [`crate::ui::learn::provider`]) and, for every lesson opened, its session with the
//! lesson's server ([`lesson_server`]), the feedback on the last try and whether the answer
//! is shown. A reducer the app provides by context, so nothing is lost when navigating.
//!
//! Every check is the engine's: [`Lesson::try_lines`] for lines sent to the server (which
//! also leads the learner back when the session moved past the step), [`Lesson::try_value`]
//! for a value; the answers are the engine's ([`Step::answer`]). The live session is the
//! engine's [`Wire`] through [`LiveWire`].

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Tr;
use crate::lessons::guided::{self, lesson_server, Lesson, Position, Step, Verdict, Wire};
use crate::live::{LiveSession, Shared};
use crate::smtp::server::{Event, Server};

/// What the last try of a step got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feedback {
    /// The step it was about (0-based).
    pub step: usize,
    /// The engine's verdict.
    pub verdict: Verdict,
}

/// One lesson being worked through. Held in a [`Shared`]: a try changes it in place (the
/// server and its mailbox are never copied).
#[derive(Debug)]
pub struct LessonSession {
    /// The session with the lesson's server (lessons with line steps).
    pub live: Option<LiveSession>,
    /// The last try's feedback.
    pub feedback: Option<Feedback>,
    /// Whether the current step's answer is shown.
    pub answer_shown: bool,
    /// Commands of the current step done so far.
    pub part: usize,
    /// Wrong tries of the current step so far.
    pub tries: usize,
    /// Bumped by every try (the page moves the focus back to the input after one).
    pub turn: u64,
}

/// The lessons' state.
#[derive(Clone, Debug)]
pub struct LessonsState {
    /// Bumped by every action: two states are equal only if they are the same state.
    revision: u64,
    /// Each lesson's current step (its number of steps when complete).
    pub progress: Rc<BTreeMap<&'static str, usize>>,
    /// Every lesson opened so far, each shared with the previous state (the handle's
    /// revision says when it changed).
    pub sessions: Rc<BTreeMap<&'static str, Shared<LessonSession>>>,
}

impl PartialEq for LessonsState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl LessonsState {
    /// The state at the start: each lesson's step (as storage kept it), no session yet.
    pub fn new(progress: BTreeMap<&'static str, usize>) -> LessonsState {
        LessonsState {
            revision: 0,
            progress: Rc::new(progress),
            sessions: Rc::new(BTreeMap::new()),
        }
    }

    /// A lesson's current step (0-based; `steps.len()` when complete).
    pub fn step(&self, lesson: &Lesson) -> usize {
        self.progress
            .get(lesson.id)
            .copied()
            .unwrap_or(0)
            .min(lesson.steps.len())
    }

    /// How many lessons are complete.
    pub fn complete(&self) -> usize {
        guided::LESSONS
            .iter()
            .filter(|l| self.step(l) >= l.steps.len())
            .count()
    }
}

/// What changes the state. `id` is a lesson's id; `now` the browser's time.
pub enum LessonAction {
    /// Open a lesson (a session unless one is running).
    Open {
        /// The lesson.
        id: &'static str,
        /// The time of the connection.
        now: String,
    },
    /// Send lines to the lesson's server; a line step judges what they got.
    Send {
        /// The lesson.
        id: &'static str,
        /// The lines (each sent with CRLF).
        lines: Vec<String>,
        /// The time.
        now: String,
    },
    /// Send the engine's answer to the current (line) step.
    SendAnswer {
        /// The lesson.
        id: &'static str,
        /// The time.
        now: String,
    },
    /// Check a value against the current (value) step.
    Value {
        /// The lesson.
        id: &'static str,
        /// The value typed.
        value: String,
    },
    /// Show the current step's answer.
    ShowAnswer {
        /// The lesson.
        id: &'static str,
    },
    /// A new connection, with the answers of the steps done so far sent again.
    Reconnect {
        /// The lesson.
        id: &'static str,
        /// The time.
        now: String,
    },
    /// Back to the first step, with a new connection.
    Reset {
        /// The lesson.
        id: &'static str,
        /// The time.
        now: String,
    },
}

impl LessonAction {
    fn id(&self) -> &'static str {
        match self {
            LessonAction::Open { id, .. }
            | LessonAction::Send { id, .. }
            | LessonAction::SendAnswer { id, .. }
            | LessonAction::Value { id, .. }
            | LessonAction::ShowAnswer { id }
            | LessonAction::Reconnect { id, .. }
            | LessonAction::Reset { id, .. } => id,
        }
    }
}

/// The lines of a step's answer (several lines are separated by `\n`).
pub fn answer_lines(step: &Step) -> Vec<String> {
    guided::lines_of_answer(step)
}

/// The page's live session as the engine's [`Wire`]: lines go into the transcript, a new
/// connection keeps the transcript (with its marker), notes are the lesson's own.
pub struct LiveWire<'a> {
    /// The session.
    pub live: &'a mut LiveSession,
    /// The browser's time.
    pub now: &'a str,
}

impl Wire for LiveWire<'_> {
    fn server(&self) -> &Server {
        &self.live.server
    }
    fn send(&mut self, line: &str) -> Vec<Event> {
        self.live.send(line, self.now)
    }
    fn reconnect(&mut self) {
        self.live.reconnect(lesson_server(self.now));
    }
    fn note(&mut self, note: Tr) {
        self.live.log.note(note);
    }
}

/// A new session for `lesson` at step `at`: connected to the lesson's server, with the
/// answers of the line steps before `at` sent again (so a reload, or a closed connection,
/// finds the server where the learner left it). Lessons of values only have no server.
fn connect(lesson: &Lesson, at: usize, now: &str) -> Option<LiveSession> {
    if !lesson.has_lines() {
        return None;
    }
    let mut live = LiveSession::connect(lesson_server(now));
    lesson.replay(
        at,
        &mut LiveWire {
            live: &mut live,
            now,
        },
    );
    Some(live)
}

impl LessonSession {
    fn new(lesson: &Lesson, at: usize, now: &str) -> LessonSession {
        LessonSession {
            live: connect(lesson, at, now),
            feedback: None,
            answer_shown: false,
            part: 0,
            tries: 0,
            turn: 0,
        }
    }

    fn position(&self, at: usize) -> Position {
        Position {
            step: at,
            part: self.part,
            tries: self.tries,
        }
    }

    /// Takes in what a try got; returns whether the step passed.
    fn judged(&mut self, at: usize, pos: Position, verdict: Verdict) -> bool {
        self.turn += 1;
        self.feedback = Some(Feedback { step: at, verdict });
        if verdict.passed() {
            self.answer_shown = false;
            self.part = 0;
            self.tries = 0;
            true
        } else {
            self.part = pos.part;
            self.tries = pos.tries;
            false
        }
    }

    /// Sends `lines`; when the current step is a line step, the engine judges them.
    fn send(&mut self, lesson: &Lesson, at: usize, lines: &[String], now: &str) -> bool {
        let mut pos = self.position(at);
        let Some(live) = self.live.as_mut() else {
            return false;
        };
        let verdict = lesson.try_lines(&mut pos, &mut LiveWire { live, now }, lines);
        match verdict {
            Some(verdict) => self.judged(at, pos, verdict),
            None => false,
        }
    }
}

impl Reducible for LessonsState {
    type Action = LessonAction;

    fn reduce(self: Rc<Self>, action: LessonAction) -> Rc<Self> {
        let Some(lesson) = guided::find(action.id()) else {
            return self;
        };
        let mut next = (*self).clone();
        next.revision += 1;
        let at = next.step(lesson);
        let current = lesson.steps.get(at);
        // Only the map of handles is copied; the sessions are shared and change in place.
        let sessions = Rc::make_mut(&mut next.sessions);
        let passed = match action {
            LessonAction::Open { now, .. } => {
                sessions
                    .entry(lesson.id)
                    .or_insert_with(|| Shared::new(LessonSession::new(lesson, at, &now)));
                false
            }
            LessonAction::Reconnect { now, .. } => {
                let session = Shared::new(LessonSession::new(lesson, at, &now));
                sessions.insert(lesson.id, session);
                false
            }
            LessonAction::Reset { now, .. } => {
                Rc::make_mut(&mut next.progress).remove(lesson.id);
                let session = Shared::new(LessonSession::new(lesson, 0, &now));
                sessions.insert(lesson.id, session);
                return Rc::new(next);
            }
            LessonAction::Send { lines, now, .. } => match sessions.get_mut(lesson.id) {
                Some(session) => session.update(|session| session.send(lesson, at, &lines, &now)),
                None => return self,
            },
            LessonAction::SendAnswer { now, .. } => {
                let (Some(session), Some(step)) = (sessions.get_mut(lesson.id), current) else {
                    return self;
                };
                session.update(|session| {
                    let lines = step.remaining_answer(session.part);
                    session.send(lesson, at, &lines, &now)
                })
            }
            LessonAction::Value { value, .. } => {
                let Some(session) = sessions.get_mut(lesson.id) else {
                    return self;
                };
                let judged = session.update(|session| {
                    let mut pos = session.position(at);
                    let verdict = lesson.try_value(&mut pos, &value)?;
                    Some(session.judged(at, pos, verdict))
                });
                match judged {
                    Some(passed) => passed,
                    // Nothing was judged, nothing changed.
                    None => return self,
                }
            }
            LessonAction::ShowAnswer { .. } => match sessions.get_mut(lesson.id) {
                Some(session) => {
                    session.update(|session| session.answer_shown = true);
                    false
                }
                None => return self,
            },
        };
        if passed {
            Rc::make_mut(&mut next.progress).insert(lesson.id, at + 1);
        }
        Rc::new(next)
    }
}

/// The handle components receive from the context.
pub type LessonsContext = UseReducerHandle<LessonsState>;

/// The lessons' state from the context (`None` outside the provider).
#[hook]
pub fn use_lessons() -> Option<LessonsContext> {
    use_context::<LessonsContext>()
}
