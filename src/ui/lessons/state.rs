//! The lessons' state: each lesson's step (remembered in storage by
//! [`crate::ui::scenarios::provider`]) and, for every lesson opened, its session with the
//! lesson's server ([`lesson_server`]), the feedback on the last try and whether the answer
//! is shown. A reducer the app provides by context, so nothing is lost when navigating.
//!
//! Every check is the engine's: [`Step::judge_lines`] for lines sent to the server,
//! [`Step::judge_value`] for a value; the answers are the engine's ([`Step::answer`]).

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::texts;
use crate::lessons::guided::{self, lesson_server, Lesson, Outcome, Step};
use crate::ui::scenarios::session::LiveSession;
use crate::ui::scenarios::storage::load_progress;

/// What the last try of a step got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// Step `step` (0-based) passed; the lesson moved on.
    Passed(usize),
    /// Step `step` not yet: its hint is shown.
    NotYet(usize),
}

/// One lesson being worked through.
#[derive(Clone, Debug)]
pub struct LessonSession {
    /// The session with the lesson's server (lessons with line steps).
    pub live: Option<LiveSession>,
    /// The last try's feedback.
    pub feedback: Option<Feedback>,
    /// Whether the current step's answer is shown.
    pub answer_shown: bool,
}

/// The lessons' state.
#[derive(Clone, Debug)]
pub struct LessonsState {
    /// Bumped by every action: two states are equal only if they are the same state.
    revision: u64,
    /// Each lesson's current step (its number of steps when complete).
    pub progress: Rc<BTreeMap<&'static str, usize>>,
    /// Every lesson opened so far.
    pub sessions: Rc<BTreeMap<&'static str, Rc<LessonSession>>>,
}

impl PartialEq for LessonsState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl LessonsState {
    /// The state as stored: each lesson's step, no session yet.
    pub fn initial() -> LessonsState {
        LessonsState {
            revision: 0,
            progress: Rc::new(load_progress()),
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
    (step.answer)().split('\n').map(str::to_string).collect()
}

/// A new session for `lesson` at step `at`: connected to the lesson's server, with the
/// answers of the line steps before `at` sent again (so a reload, or a closed connection,
/// finds the server where the learner left it). Lessons of values only have no server.
fn connect(lesson: &Lesson, at: usize, now: &str) -> Option<LiveSession> {
    if !lesson.steps.iter().any(Step::is_line) {
        return None;
    }
    let mut live = LiveSession::connect(lesson_server(now));
    let earlier: Vec<&Step> = lesson.steps[..at].iter().filter(|s| s.is_line()).collect();
    if !earlier.is_empty() {
        live.log.note(texts::REPLAYED);
        for step in earlier {
            for line in answer_lines(step) {
                live.send(&line, now);
            }
        }
    }
    Some(live)
}

impl LessonSession {
    fn new(lesson: &Lesson, at: usize, now: &str) -> LessonSession {
        LessonSession {
            live: connect(lesson, at, now),
            feedback: None,
            answer_shown: false,
        }
    }

    /// Sends `lines`; when `step` is the current line step, judges what they got.
    fn send(&mut self, lines: Vec<String>, now: &str, step: Option<(usize, &Step)>) -> bool {
        let Some(live) = self.live.as_mut() else {
            return false;
        };
        let mut events = Vec::new();
        for line in &lines {
            events.extend(live.send(line, now));
        }
        let Some((index, step)) = step.filter(|(_, s)| s.is_line()) else {
            return false;
        };
        let passed = step.judge_lines(&lines, &live.server, &events) == Outcome::Passed;
        self.judged(index, passed);
        passed
    }

    fn judged(&mut self, index: usize, passed: bool) {
        if passed {
            self.feedback = Some(Feedback::Passed(index));
            self.answer_shown = false;
        } else {
            self.feedback = Some(Feedback::NotYet(index));
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
        let current = lesson.steps.get(at).map(|step| (at, step));
        let sessions = Rc::make_mut(&mut next.sessions);
        let passed = match action {
            LessonAction::Open { now, .. } => {
                sessions
                    .entry(lesson.id)
                    .or_insert_with(|| Rc::new(LessonSession::new(lesson, at, &now)));
                false
            }
            LessonAction::Reconnect { now, .. } => {
                let session = Rc::new(LessonSession::new(lesson, at, &now));
                sessions.insert(lesson.id, session);
                false
            }
            LessonAction::Reset { now, .. } => {
                Rc::make_mut(&mut next.progress).remove(lesson.id);
                let session = Rc::new(LessonSession::new(lesson, 0, &now));
                sessions.insert(lesson.id, session);
                return Rc::new(next);
            }
            LessonAction::Send { lines, now, .. } => match sessions.get_mut(lesson.id) {
                Some(session) => Rc::make_mut(session).send(lines, &now, current),
                None => return self,
            },
            LessonAction::SendAnswer { now, .. } => {
                let (Some(session), Some((_, step))) = (sessions.get_mut(lesson.id), current)
                else {
                    return self;
                };
                Rc::make_mut(session).send(answer_lines(step), &now, current)
            }
            LessonAction::Value { value, .. } => {
                let (Some(session), Some((index, step))) = (sessions.get_mut(lesson.id), current)
                else {
                    return self;
                };
                if step.is_line() {
                    return self;
                }
                let passed = step.judge_value(&value) == Outcome::Passed;
                Rc::make_mut(session).judged(index, passed);
                passed
            }
            LessonAction::ShowAnswer { .. } => match sessions.get_mut(lesson.id) {
                Some(session) => {
                    Rc::make_mut(session).answer_shown = true;
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
