//! Analyze a pasted log: the engine's analyzer ([`crate::analyze::analyze`]) reads it line by
//! line in any common log form and returns a diagnosis (what went wrong, the fix, the lines
//! it rests on), the forms and server software, and every line annotated — base64 of AUTH
//! decoded, with a warning where the log exposes a password.
//!
//! When the log holds AUTH exchanges they are listed too, and with a password (typed here,
//! kept in memory) each is verified as it crossed the wire
//! ([`crate::analyze::auth`]).
//!
//! The text and the result live in the app's analyze context (memory only: nothing is
//! stored, nothing is sent).

use yew::prelude::*;

use crate::i18n::{Fill, Lang};
use crate::share::pages::{self, AnalyzeShare};
use crate::share::{Page, ShareError};

use crate::ui::analyze::analyze_form::{check_password, run, AnalyzeForm};
use crate::ui::analyze::annotated_lines::AnnotatedLines;
use crate::ui::analyze::capture_panel::CapturePanel;
use crate::ui::analyze::diagnosis::Diagnosis;
use crate::ui::analyze::overview::Overview;
use crate::ui::analyze::state::{use_analyze, AnalyzeAction};
use crate::ui::analyze::texts;
use crate::ui::diagram;
use crate::ui::engine_worker::use_engine_job;
use crate::ui::password_input::PasswordInput;
use crate::ui::share::panel::{Restored, SharePanel};
use crate::ui::share::texts as share_tx;
use crate::ui::state::use_lang;
use crate::ui::verify::exchange_list::exchange_list;
use crate::ui::verify::texts as verify_texts;

/// The log's ladder; a click on an arrow shows and highlights its line.
fn analyze_ladder(
    analysis: &crate::analyze::Analysis,
    state: Option<&crate::ui::analyze::state::AnalyzeContext>,
    lang: crate::i18n::Lang,
) -> Html {
    let Some(state) = state.cloned() else {
        return Html::default();
    };
    let on_line = Callback::from(move |n: usize| state.dispatch(AnalyzeAction::Highlight(n)));
    let inputs = crate::diagram::ladder::from_analysis(analysis);
    diagram::ladder_view(&inputs, diagram::OnArrow::Emit(on_line), "analyze", lang)
}

/// The analyze page.
#[function_component(AnalyzePage)]
pub fn analyze_page() -> Html {
    let lang = use_lang();
    let state = use_analyze();
    // One engine worker for the page: long logs, and SCRAM checks with many iterations.
    let job = use_engine_job();
    // A capture stream too heavy for the reducer to analyze goes to the worker.
    {
        let (state, job) = (state.clone(), job.clone());
        let asks = state.as_ref().map_or(0, |s| s.worker_asks);
        use_effect_with(asks, move |&asks| {
            if let (true, Some(s)) = (asks > 0, state) {
                run(&s, &job, (*s.text).clone(), s.password.clone());
            }
        });
    }
    // The pasted log (and the password its AUTH exchanges are verified with).
    let make = {
        let state = state.clone();
        Callback::from(move |secrets: bool| {
            let Some(s) = &state else {
                return String::new();
            };
            let shared = AnalyzeShare {
                log: (*s.text).clone(),
                password: s.password.clone(),
            };
            pages::payload(&shared, secrets)
        })
    };
    let open = {
        let state = state.clone();
        let job = job.clone();
        Callback::from(move |(payload, lang): (String, Lang)| {
            let (shared, left_out) = pages::open::<AnalyzeShare>(&payload)?;
            let state = state.as_ref().ok_or(ShareError::Damaged)?;
            let what = share_tx::ANALYZE_WHAT
                .get(lang)
                .fill(&[("n", &shared.log.lines().count())]);
            state.dispatch(AnalyzeAction::PasswordOnly(shared.password.clone()));
            run(state, &job, shared.log, shared.password);
            Ok(Restored { what, left_out })
        })
    };
    let result = match state.as_ref().and_then(|s| s.analysis.clone()) {
        None => {
            html! { <p class="hint" data-testid="analyze-empty">{ texts::EMPTY.get(lang) }</p> }
        }
        Some(analysis) if analysis.lines.is_empty() => {
            html! { <p class="hint" data-testid="analyze-empty">{ texts::NOTHING.get(lang) }</p> }
        }
        Some(analysis) => {
            let (highlight, jump, show_all) = state
                .as_ref()
                .map_or((None, 0, false), |s| (s.highlight, s.jump, s.show_all));
            let auth = state
                .as_ref()
                .filter(|s| !s.checked.is_empty())
                .map(|s| {
                    let on_password = {
                        let (state, job) = (s.clone(), job.clone());
                        Callback::from(move |text: String| check_password(&state, &job, text))
                    };
                    html! {
                        <section class="panel analyze-auth" data-testid="analyze-auth">
                            <div class="form-field">
                                <label for="analyze-password" class="label">
                                    { verify_texts::ANALYZE_PASSWORD.get(lang) }
                                </label>
                                <PasswordInput id="analyze-password" testid="analyze-password"
                                    value={AttrValue::from(s.password.clone())} on_input={on_password} />
                            </div>
                            { exchange_list(&s.checked, !s.password.is_empty(), "analyze-x", lang) }
                        </section>
                    }
                });
            html! {
                <div class="analyze-result" data-testid="analyze-result">
                    <Diagnosis analysis={analysis.clone()} />
                    { for auth }
                    <Overview analysis={analysis.clone()} />
                    { analyze_ladder(&analysis, state.as_ref(), lang) }
                    <AnnotatedLines {analysis} {highlight} {jump} {show_all} />
                </div>
            }
        }
    };
    html! {
        <section class="page learn analyze" data-testid="analyze-page">
            <h1 data-testid="analyze-heading">{ texts::HEADING.get(lang) }</h1>
            <p class="intro">{ texts::INTRO.get(lang) }</p>
            <SharePanel page={Page::Analyze} {make} {open} />
            <AnalyzeForm job={job.clone()} />
            <CapturePanel />
            <p class="hint privacy">{ texts::PRIVACY.get(lang) }</p>
            { result }
        </section>
    }
}
