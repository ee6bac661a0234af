//! One verifier report drawn: the verdict (with the mistake and a link to the first wrong
//! step), the notes, the decoded fields and the correct computation. The verify page shows
//! one; a transcript's exchange list (verify and analyze pages) shows one per exchange, each
//! with its own id prefix so the step links stay unique.
//!
//! A view function rather than a component: it has no state of its own.

use yew::prelude::*;

use super::expected_trace::{expected_trace, step_anchor};
use super::fields_table::fields_table;
use crate::i18n::{t, Lang, Msg};
use crate::sasl::trace::Trace;
use crate::sasl::verify::{Mechanism, Mistake, Report, Verdict};

/// The index of the step where the client first went wrong, as the engine names it.
pub fn first_wrong_step(trace: &Trace, mistake: &Mistake, mechanism: Mechanism) -> Option<usize> {
    let id = mistake.first_step(mechanism);
    trace.steps.iter().position(|s| s.id == id)
}

/// The report of `mechanism`; `prefix` starts every element id inside it.
pub fn report_view(
    mechanism: Mechanism,
    report: &Report,
    with_password: bool,
    prefix: &str,
    lang: Lang,
) -> Html {
    let expected = report.expected.as_ref();
    let wrong = match (&report.verdict, &expected) {
        (Some(Verdict::Invalid(mistake)), Some(trace)) => {
            first_wrong_step(trace, mistake, mechanism)
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
                            <a href={format!("#{}", step_anchor(prefix, index))}
                                onclick={jump(step_anchor(prefix, index))}>
                                { format!("{}. {}", index + 1, step.label.get(lang)) }
                            </a>
                            { " " }<code>{ step.id }</code>
                        </p>
                    }
                </div>
            }
        }
        None if !with_password => html! {
            <p class="hint" data-testid="verify-no-password">{ t(lang, Msg::VerifyNoPassword) }</p>
        },
        None => Html::default(),
    };
    html! {
        <>
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
                { expected_trace(trace, wrong, prefix, lang) }
            }
        </>
    }
}

/// Hash routing owns `#`: the link to a step scrolls to it instead of navigating.
fn jump(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        {
            element.scroll_into_view();
        }
    })
}
