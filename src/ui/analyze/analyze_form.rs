//! The log to analyze: a text area (Ctrl+Enter analyzes), the Analyze and Clear buttons, and
//! the examples, each loading a log from the seeds and analyzing it at once.
//!
//! A log longer than [`HEAVY_TEXT_BYTES`], or one whose SCRAM exchanges take more than
//! [`HEAVY_ITERATIONS`] to verify with the password, is analyzed in the engine worker, with
//! a "computing" indicator; the analysis shown stays until the worker's arrives. A changed
//! password is checked the same way ([`check_password`]).

use yew::prelude::*;

use super::examples::EXAMPLES;
use super::state::{heavy, use_analyze, AnalyzeAction, AnalyzeContext};
use super::texts;
use crate::analyze::MAX_INPUT_BYTES;
use crate::sasl::scram::precomputed;
use crate::ui::engine_worker::{
    computing, later, scram_iterations_of, EngineJob, Request, Response, HEAVY_ITERATIONS,
};
use crate::ui::state::use_lang;
use crate::ui::workers::workers_allowed;

/// Analyzes `text`, its AUTH exchanges verified with `password` (already the state's, or
/// set by a `PasswordOnly` dispatched before): in place, or in the worker when heavy.
pub fn run(state: &AnalyzeContext, job: &EngineJob, text: String, password: String) {
    if !heavy(&text, &password) || !workers_allowed() {
        state.dispatch(AnalyzeAction::Run(text));
        return;
    }
    // The text area keeps the text meanwhile (as when it loses focus).
    state.dispatch(AnalyzeAction::Text(text.clone()));
    let request = Request::Analyze {
        text: text.clone(),
        password,
    };
    let (answers, run) = (state.clone(), state.run);
    let then = Callback::from(move |response: Response| {
        if let Response::Analyzed { analysis, hi } = response {
            precomputed::remember(hi);
            // Bytes that are no analysis (never from this app's worker): analyzed here.
            let Some(analysis) = analysis.unpack() else {
                answers.dispatch(AnalyzeAction::Run(text.clone()));
                return;
            };
            let (answers, text) = (answers.clone(), text.clone());
            // Shown in a task of its own, after the one that read the answer.
            later(move || {
                answers.dispatch(AnalyzeAction::Analyzed {
                    run,
                    text,
                    analysis: Box::new(analysis),
                })
            });
        }
    });
    job.run.emit((request, then));
}

/// A changed password: the analyzed log's AUTH exchanges checked again, the SCRAM ones
/// with a high iteration count first in the worker (its PBKDF2 results then make the check
/// in place instant); the last verdicts stay until then.
pub fn check_password(state: &AnalyzeContext, job: &EngineJob, password: String) {
    let heavy = !password.is_empty()
        && scram_iterations_of(&state.exchanges) > HEAVY_ITERATIONS
        && workers_allowed();
    let analyzed = state.analysis.as_ref().map(|a| {
        a.lines
            .iter()
            .map(|l| l.raw.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    });
    let (true, Some(text)) = (heavy, analyzed) else {
        state.dispatch(AnalyzeAction::Password(password));
        return;
    };
    state.dispatch(AnalyzeAction::PasswordOnly(password.clone()));
    let request = Request::Analyze {
        text,
        password: password.clone(),
    };
    let answers = state.clone();
    let then = Callback::from(move |response: Response| {
        if let Response::Analyzed { hi, .. } = response {
            precomputed::remember(hi);
            answers.dispatch(AnalyzeAction::Password(password.clone()));
        }
    });
    job.run.emit((request, then));
}

/// What the form works with.
#[derive(Properties, PartialEq)]
pub struct AnalyzeFormProps {
    /// The page's engine worker (one for the analysis and the password checks).
    pub job: EngineJob,
}

/// The form. The text area holds at most one character more than the engine reads, so a
/// longer paste is still cut by the engine, which says so, rather than silently here.
#[function_component(AnalyzeForm)]
pub fn analyze_form(props: &AnalyzeFormProps) -> Html {
    let lang = use_lang();
    let area = use_node_ref();
    let job = props.job.clone();
    let Some(state) = use_analyze() else {
        return Html::default();
    };
    let on_change = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            state.dispatch(AnalyzeAction::Text(area.value()));
        })
    };
    let on_keydown = {
        let state = state.clone();
        let job = job.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                run(&state, &job, area.value(), state.password.clone());
            }
        })
    };
    let on_run = {
        let state = state.clone();
        let job = job.clone();
        let area = area.clone();
        Callback::from(move |_: MouseEvent| {
            let text = area
                .cast::<web_sys::HtmlTextAreaElement>()
                .map(|a| a.value())
                .unwrap_or_else(|| (*state.text).clone());
            run(&state, &job, text, state.password.clone());
        })
    };
    let on_clear = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(AnalyzeAction::Clear))
    };
    let examples = EXAMPLES.iter().map(|example| {
        let on_click = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(AnalyzeAction::Example(example)))
        };
        html! {
            <button type="button" class="button" key={example.id}
                data-testid={format!("analyze-example-{}", example.id)} onclick={on_click}>
                { example.label.get(lang) }
            </button>
        }
    });
    html! {
        <section class="panel learn-form analyze-form" aria-labelledby="analyze-input-label">
            <div class="examples" role="group" aria-labelledby="analyze-examples-label" data-testid="analyze-examples">
                <span id="analyze-examples-label" class="examples-label">{ texts::EXAMPLES.get(lang) }</span>
                { for examples }
            </div>
            <label id="analyze-input-label" for="analyze-input" class="label">{ texts::INPUT_LABEL.get(lang) }</label>
            <textarea id="analyze-input" class="log-input" rows="12" autocomplete="off" autocapitalize="off"
                spellcheck="false" maxlength={(MAX_INPUT_BYTES + 1).to_string()}
                placeholder={texts::PLACEHOLDER.get(lang)} aria-describedby="analyze-shortcut"
                data-testid="analyze-input" ref={area} value={(*state.text).clone()}
                onchange={on_change} onkeydown={on_keydown} />
            <div class="input-row end">
                <p id="analyze-shortcut" class="hint">{ texts::SHORTCUT.get(lang) }</p>
                <div class="buttons">
                    <button type="button" class="button" data-testid="analyze-clear" onclick={on_clear}>
                        { texts::CLEAR.get(lang) }
                    </button>
                    <button type="button" class="button primary" data-testid="analyze-submit" onclick={on_run}>
                        { texts::ANALYZE.get(lang) }
                    </button>
                </div>
            </div>
            { computing(&job, false, lang) }
        </section>
    }
}
