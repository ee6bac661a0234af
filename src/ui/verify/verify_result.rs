//! The result of the last check: why it could not start, or the notes, the verdict (with
//! the mistake and the first wrong step), the decoded fields and the correct computation.

use yew::prelude::*;

use super::expected_trace::{expected_trace, step_anchor};
use super::fields_table::fields_table;
use super::state::use_verify;
use crate::i18n::{t, Msg};
use crate::sasl::trace::Trace;
use crate::sasl::verify::{Mechanism, Mistake, Verdict};
use crate::ui::state::use_lang;

/// The index of the step where the client first went wrong, as the engine names it.
pub fn first_wrong_step(trace: &Trace, mistake: &Mistake, mechanism: Mechanism) -> Option<usize> {
    let id = mistake.first_step(mechanism);
    trace.steps.iter().position(|s| s.id == id)
}

/// The result panel.
#[function_component(VerifyResult)]
pub fn verify_result() -> Html {
    let lang = use_lang();
    let Some(verify) = use_verify() else {
        return Html::default();
    };
    let Some(checked) = verify.checked.clone() else {
        return html! {
            <section class="verify-result" data-testid="verify-result">
                <p class="hint" data-testid="verify-empty">{ t(lang, Msg::VerifyEmpty) }</p>
            </section>
        };
    };
    let report = match &checked.result {
        Err(error) => {
            return html! {
                <section class="verify-result" data-testid="verify-result">
                    <h2>{ t(lang, Msg::VerifyResultHeading) }{ " · " }{ checked.mechanism.name() }</h2>
                    <p class="error-box" role="alert" data-testid="verify-error">{ error.describe(lang) }</p>
                </section>
            };
        }
        Ok(report) => report,
    };
    let expected = report.expected.as_ref();
    let wrong = match (&report.verdict, &expected) {
        (Some(Verdict::Invalid(mistake)), Some(trace)) => {
            first_wrong_step(trace, mistake, checked.mechanism)
        }
        _ => None,
    };
    let verdict = match &report.verdict {
        Some(Verdict::Valid) => html! {
            <div class="verdict valid" role="status" data-testid="verify-verdict" data-verdict="valid">
                <p class="verdict-title">{ "✓ " }{ t(lang, Msg::VerifyValid) }</p>
            </div>
        },
        Some(Verdict::Invalid(mistake)) => {
            let first = wrong.and_then(|i| {
                expected
                    .as_ref()
                    .and_then(|t| t.steps.get(i).map(|s| (i, s)))
            });
            html! {
                <div class="verdict invalid" role="status" data-testid="verify-verdict" data-verdict="invalid">
                    <p class="verdict-title">{ "✗ " }{ t(lang, Msg::VerifyInvalid) }</p>
                    <p data-testid="verify-mistake">{ mistake.describe(lang) }</p>
                    if let Some((index, step)) = first {
                        <p data-testid="verify-first-step">
                            { t(lang, Msg::VerifyFirstStep) }{ lang.colon() }
                            <a href={format!("#{}", step_anchor(index))} onclick={jump(index)}>
                                { format!("{}. {}", index + 1, step.label.get(lang)) }
                            </a>
                            { " " }<code>{ step.id }</code>
                        </p>
                    }
                </div>
            }
        }
        None if !checked.with_password => html! {
            <p class="hint" data-testid="verify-no-password">{ t(lang, Msg::VerifyNoPassword) }</p>
        },
        None => Html::default(),
    };
    html! {
        <section class="verify-result" data-testid="verify-result" aria-labelledby="verify-result-heading">
            <h2 id="verify-result-heading">{ t(lang, Msg::VerifyResultHeading) }{ " · " }{ checked.mechanism.name() }</h2>
            { verdict }
            if !report.notes.is_empty() {
                <ul class="notes" data-testid="verify-notes">
                    { for report.notes.iter().map(|note| html! { <li data-testid="verify-note">{ note.get(lang) }</li> }) }
                </ul>
            }
            if !report.fields.is_empty() {
                { fields_table(&report.fields, lang) }
            }
            if let Some(trace) = &expected {
                { expected_trace(trace, wrong, lang) }
            }
        </section>
    }
}

/// Hash routing owns `#`: the link to a step scrolls to it instead of navigating.
fn jump(index: usize) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&step_anchor(index)))
        {
            element.scroll_into_view();
        }
    })
}
