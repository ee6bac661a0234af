//! The analyze page's state: the pasted text and the engine's [`Analysis`] of it, held in a
//! reducer the app provides by context so a visit to another page keeps both. Nothing of
//! it is ever written to storage.

use std::rc::Rc;

use yew::prelude::*;

use crate::analyze::auth::{check, exchanges_of, Checked, Exchange};
use crate::analyze::{analyze, Analysis};

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
}

/// What changes the state.
pub enum AnalyzeAction {
    /// The text area's text, when it loses focus (not at every key: a long log would
    /// re-render the page at each one).
    Text(String),
    /// Analyze this text (the text area's at the time).
    Run(String),
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
            AnalyzeAction::Example(example) => {
                next.text = Rc::new(example.text.to_string());
                next.run_analysis();
            }
            AnalyzeAction::Clear => {
                next = AnalyzeState {
                    run: self.run + 1,
                    password: self.password.clone(),
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
        }
        Rc::new(next)
    }
}

impl AnalyzeState {
    fn run_analysis(&mut self) {
        let analysis = analyze(&self.text);
        self.exchanges = Rc::new(exchanges_of(&analysis));
        self.check_exchanges();
        self.analysis = Some(Rc::new(analysis));
        self.run += 1;
        self.highlight = None;
        self.show_all = false;
    }
}

impl AnalyzeState {
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
