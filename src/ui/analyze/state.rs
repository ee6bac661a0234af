//! The analyze page's state: the pasted text and the engine's [`Analysis`] of it, held in a
//! reducer the app provides by context so a visit to another page keeps both. Nothing of
//! it is ever written to storage.

use std::rc::Rc;

use yew::prelude::*;

use crate::analyze::auth::{check, exchanges_of, Checked, Exchange};
use crate::analyze::{analyze, Analysis};
use crate::capture::{Capture, CaptureError, Progress, StreamKind};
use crate::i18n::Lang;
use crate::ui::workers::WorkerNote;

use super::examples::Example;

/// How many annotated lines are shown before "show all".
pub const FIRST_LINES: usize = 500;

/// The page's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnalyzeState {
    /// The text area's text.
    pub text: Rc<String>,
    /// The analysis of the text as it was when Analyze was pressed.
    pub analysis: Option<Rc<Analysis>>,
    /// Bumped by every analysis (a new result is a new list of lines).
    pub run: u64,
    /// The line a link asked to show (1-based).
    pub highlight: Option<usize>,
    /// Bumped by every jump to a line, so a second click on the same link scrolls again.
    pub jump: u64,
    /// Whether every line is shown, not only the first [`FIRST_LINES`].
    pub show_all: bool,
    /// The password to verify the log's AUTH exchanges with (memory only, never stored).
    pub password: String,
    /// The AUTH exchanges of the analyzed log.
    pub exchanges: Rc<Vec<Exchange>>,
    /// Those exchanges verified with the password (or explained without one).
    pub checked: Rc<Vec<Checked>>,
    /// The packet capture opened, if any: its reading, its streams, the one analyzed.
    pub capture: Option<Rc<CaptureView>>,
    /// Bumped by every capture opened, so a late answer about an older file is ignored.
    pub capture_run: u64,
    /// Bumped each time a capture stream's transcript is too heavy to analyze here: the
    /// page then sends it to the engine worker (the analysis shown stays meanwhile).
    pub worker_asks: u64,
}

/// Whether analyzing `text` with `password` is heavy: a long log, or SCRAM exchanges with
/// a high iteration count to verify.
pub fn heavy(text: &str, password: &str) -> bool {
    use crate::ui::engine_worker::{scram_iterations_of, HEAVY_ITERATIONS, HEAVY_TEXT_BYTES};
    text.len() > HEAVY_TEXT_BYTES
        || (!password.is_empty()
            && scram_iterations_of(&crate::analyze::auth::exchanges(text)) > HEAVY_ITERATIONS)
}

/// A packet capture opened on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptureView {
    /// The file's name.
    pub name: String,
    /// Where its reading is.
    pub status: CaptureStatus,
}

/// Where the reading of a capture is.
#[derive(Clone, Debug, PartialEq)]
pub enum CaptureStatus {
    /// The worker is reading it (with its last progress report).
    Reading(Option<Progress>),
    /// Read: its streams, and the one whose transcript is in the text area.
    Read {
        /// What the worker read.
        capture: Rc<Capture>,
        /// The stream analyzed (an index into `capture.streams`).
        selected: Option<usize>,
    },
    /// The file is not a capture the reader can read.
    Invalid(CaptureError),
    /// The browser could not hand the file over (the error it gave).
    Unreadable(String),
    /// The worker cannot start, or has not answered at all.
    Worker(WorkerNote),
}

/// What changes the state.
pub enum AnalyzeAction {
    /// The text area's text, when it loses focus (not at every key: a long log would
    /// re-render the page at each one).
    Text(String),
    /// Analyze this text (the text area's at the time).
    Run(String),
    /// The engine worker's analysis of `text` (a long log), asked while the analysis shown
    /// was number `run`; dropped when another analysis (or Clear) came since.
    Analyzed {
        /// The analysis number when it was asked.
        run: u64,
        /// The text analyzed.
        text: String,
        /// The engine's analysis of it.
        analysis: Box<Analysis>,
    },
    /// Put an example into the text area and analyze it.
    Example(&'static Example),
    /// Empty the text and the result.
    Clear,
    /// Show and highlight a line.
    Highlight(usize),
    /// Show every line.
    ShowAll,
    /// The password input: the AUTH exchanges are checked again.
    Password(String),
    /// The password alone, not checked yet: the engine worker computes first (SCRAM with
    /// a high iteration count), and `Password` or `Analyzed` follows with its results.
    PasswordOnly(String),
    /// A capture file is being opened (its name); the number of this opening.
    CaptureOpen(String, u64),
    /// The worker's progress on opening number `.0`.
    CaptureProgress(u64, Progress),
    /// The worker's answer on opening number `.0`; its first SMTP stream is analyzed, its
    /// transcript's notes in `lang`.
    CaptureRead(u64, Result<Capture, CaptureError>, Lang),
    /// The browser could not read opening number `.0`'s file.
    CaptureUnreadable(u64, String),
    /// What the page noticed about the worker reading capture `run` (a silence counts only
    /// while nothing came from it).
    CaptureWorker(u64, WorkerNote),
    /// Analyze this stream of the capture (its transcript's notes in `lang`).
    CaptureSelect(usize, Lang),
    /// Close the capture (the text and the analysis stay).
    CaptureClose,
}

impl Reducible for AnalyzeState {
    type Action = AnalyzeAction;

    fn reduce(self: Rc<Self>, action: AnalyzeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            AnalyzeAction::Text(text) => next.text = Rc::new(text),
            AnalyzeAction::Run(text) => {
                next.text = Rc::new(text);
                next.run_analysis();
            }
            AnalyzeAction::Analyzed {
                run,
                text,
                analysis,
            } => {
                if run != self.run {
                    return self;
                }
                next.text = Rc::new(text);
                next.show_analysis(*analysis);
            }
            AnalyzeAction::Example(example) => {
                next.text = Rc::new(example.text.to_string());
                next.run_analysis();
            }
            AnalyzeAction::Clear => {
                next = AnalyzeState {
                    run: self.run + 1,
                    password: self.password.clone(),
                    capture_run: self.capture_run,
                    worker_asks: self.worker_asks,
                    ..AnalyzeState::default()
                };
            }
            AnalyzeAction::Highlight(line) => {
                next.highlight = Some(line);
                next.jump += 1;
                if line > FIRST_LINES {
                    next.show_all = true;
                }
            }
            AnalyzeAction::ShowAll => next.show_all = true,
            AnalyzeAction::Password(password) => {
                next.password = password;
                next.check_exchanges();
            }
            AnalyzeAction::PasswordOnly(password) => next.password = password,
            AnalyzeAction::CaptureOpen(name, run) => {
                next.capture_run = run;
                next.capture = Some(Rc::new(CaptureView {
                    name,
                    status: CaptureStatus::Reading(None),
                }));
            }
            AnalyzeAction::CaptureProgress(run, progress) => {
                next.set_capture_status(run, CaptureStatus::Reading(Some(progress)));
            }
            AnalyzeAction::CaptureRead(run, Ok(capture), lang) => {
                let first = capture
                    .streams
                    .iter()
                    .position(|s| s.kind == StreamKind::Smtp);
                let capture = Rc::new(capture);
                if next.set_capture_status(
                    run,
                    CaptureStatus::Read {
                        capture,
                        selected: None,
                    },
                ) {
                    if let Some(index) = first {
                        next.select_stream(index, lang);
                    }
                }
            }
            AnalyzeAction::CaptureRead(run, Err(err), _) => {
                next.set_capture_status(run, CaptureStatus::Invalid(err));
            }
            AnalyzeAction::CaptureUnreadable(run, message) => {
                next.set_capture_status(run, CaptureStatus::Unreadable(message));
            }
            AnalyzeAction::CaptureWorker(run, note) => {
                let waiting = next
                    .capture
                    .as_ref()
                    .is_some_and(|view| matches!(view.status, CaptureStatus::Reading(None)));
                if waiting || note == WorkerNote::Refused {
                    next.set_capture_status(run, CaptureStatus::Worker(note));
                }
            }
            AnalyzeAction::CaptureSelect(index, lang) => next.select_stream(index, lang),
            AnalyzeAction::CaptureClose => next.capture = None,
        }
        Rc::new(next)
    }
}

impl AnalyzeState {
    fn run_analysis(&mut self) {
        self.show_analysis(analyze(&self.text));
    }

    /// Shows `analysis` (of the text), its AUTH exchanges checked.
    fn show_analysis(&mut self, analysis: Analysis) {
        self.exchanges = Rc::new(exchanges_of(&analysis));
        self.check_exchanges();
        self.analysis = Some(Rc::new(analysis));
        self.run += 1;
        self.highlight = None;
        self.show_all = false;
    }
}

impl AnalyzeState {
    /// Sets the capture's status if `run` is still the capture opened; says whether it was.
    fn set_capture_status(&mut self, run: u64, status: CaptureStatus) -> bool {
        if run != self.capture_run {
            return false;
        }
        let Some(view) = &self.capture else {
            return false;
        };
        self.capture = Some(Rc::new(CaptureView {
            name: view.name.clone(),
            status,
        }));
        true
    }

    /// Puts stream `index`'s transcript in the text area and analyzes it.
    fn select_stream(&mut self, index: usize, lang: Lang) {
        let Some(view) = &self.capture else {
            return;
        };
        let CaptureStatus::Read { capture, .. } = &view.status else {
            return;
        };
        let Some(stream) = capture.streams.get(index) else {
            return;
        };
        if stream.kind != StreamKind::Smtp {
            return;
        }
        self.text = Rc::new(stream.transcript(lang));
        self.capture = Some(Rc::new(CaptureView {
            name: view.name.clone(),
            status: CaptureStatus::Read {
                capture: capture.clone(),
                selected: Some(index),
            },
        }));
        if heavy(&self.text, &self.password) {
            self.worker_asks += 1;
        } else {
            self.run_analysis();
        }
    }

    fn check_exchanges(&mut self) {
        let password = Some(self.password.as_str()).filter(|p| !p.is_empty());
        self.checked = Rc::new(
            self.exchanges
                .iter()
                .cloned()
                .map(|exchange| check(exchange, password))
                .collect(),
        );
    }
}

/// The handle components receive from the context.
pub type AnalyzeContext = UseReducerHandle<AnalyzeState>;

/// The analyze state from the context (`None` outside the provider).
#[hook]
pub fn use_analyze() -> Option<AnalyzeContext> {
    use_context::<AnalyzeContext>()
}

/// The element id of an annotated line.
pub fn line_anchor(number: usize) -> String {
    format!("analyze-line-{number}")
}
