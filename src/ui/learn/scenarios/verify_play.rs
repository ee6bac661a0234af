//! A verifier scenario (CRAM-MD5, scenario 12): the captured exchange of the scenario's file
//! (its `[verify]` table), a password to run the engine's verifier with, and the answer
//! — which step differs first — that goes into the journal for the scenario's check.

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios, ScenarioAction};
use super::texts;
use super::verify_report::VerifyReport;
use crate::ui::password_input::PasswordInput;
use crate::ui::state::use_lang;

/// Whose exchange.
#[derive(Properties, PartialEq)]
pub struct VerifyPlayProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// The verify area.
#[function_component(VerifyPlay)]
pub fn verify_play(props: &VerifyPlayProps) -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let Some((scenario, session)) = scenario_session(&state, props.id) else {
        return Html::default();
    };
    let id = props.id;
    let session = session.read();
    let draft = &session.verify;
    let Some(case) = &scenario.verify else {
        return Html::default();
    };
    let (challenge, response) = (case.challenge.clone(), case.response.clone());
    let on_password = {
        let state = state.clone();
        Callback::from(move |text: String| {
            state.dispatch(ScenarioAction::VerifyPassword { id, text })
        })
    };
    let on_verify = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(ScenarioAction::Verify { id });
        })
    };
    let on_answer_text = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(ScenarioAction::AnswerText {
                id,
                text: input.value(),
            });
        })
    };
    let on_answer = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(ScenarioAction::Answer { id });
        })
    };
    let done = scenario.is_done(&session.journal);
    // About the latest answer alone: a goal met before stays met (the status says so).
    let wrong_answer = draft.answered && !draft.right;
    // The ids of the correct computation's steps, offered as suggestions once verified.
    let suggestions = draft
        .report
        .as_ref()
        .and_then(|r| r.as_ref().as_ref().ok())
        .and_then(|r| r.expected.as_ref())
        .map(|trace| {
            trace
                .steps
                .iter()
                .map(|s| html! { <option value={s.id} label={s.label.get(lang)} /> })
                .collect::<Html>()
        })
        .unwrap_or_default();
    html! {
        <div class="verify-play" data-testid="scenario-verify">
            <form class="panel" onsubmit={on_verify} aria-labelledby="scenario-exchange-heading">
                <h2 id="scenario-exchange-heading">{ texts::EXCHANGE_HEADING.get(lang) }</h2>
                <p>{ texts::MECHANISM.get(lang) }{ lang.colon() }<code>{ case.mechanism.name() }</code></p>
                <div class="form-field">
                    <label for="scenario-challenge" class="label">{ texts::CHALLENGE.get(lang) }</label>
                    <input id="scenario-challenge" type="text" readonly=true class="output"
                        data-testid="scenario-verify-challenge" value={challenge} />
                </div>
                <div class="form-field">
                    <label for="scenario-response" class="label">{ texts::RESPONSE.get(lang) }</label>
                    <input id="scenario-response" type="text" readonly=true class="output"
                        data-testid="scenario-verify-response" value={response} />
                </div>
                <div class="form-field">
                    <label for="scenario-verify-password" class="label">{ texts::PASSWORD.get(lang) }</label>
                    <PasswordInput id="scenario-verify-password" testid="scenario-verify-password"
                        value={AttrValue::from(draft.password.clone())} on_input={on_password} />
                </div>
                <div class="input-row end">
                    <p class="hint">{ texts::PASSWORD_NOTE.get(lang) }</p>
                    <button type="submit" class="button primary" data-testid="scenario-verify-submit">
                        { texts::VERIFY.get(lang) }
                    </button>
                </div>
            </form>
            if let Some(report) = draft.report.clone() {
                <section class="panel">
                    <VerifyReport {report} reveal={done} />
                </section>
            }
            <form class="panel answer-form" onsubmit={on_answer}>
                <label for="scenario-answer" class="label">{ texts::ANSWER.get(lang) }</label>
                <div class="input-row">
                    <input id="scenario-answer" type="text" autocomplete="off" autocapitalize="off"
                        spellcheck="false" list="scenario-answer-steps" data-testid="scenario-answer"
                        value={draft.answer.clone()} oninput={on_answer_text} />
                    <datalist id="scenario-answer-steps">{ suggestions }</datalist>
                    <button type="submit" class="button" data-testid="scenario-answer-submit">
                        { texts::ANSWER_BUTTON.get(lang) }
                    </button>
                </div>
                if wrong_answer {
                    <p class="feedback not-yet" role="status" data-testid="scenario-answer-wrong">{ texts::ANSWER_WRONG.get(lang) }</p>
                }
            </form>
        </div>
    }
}
