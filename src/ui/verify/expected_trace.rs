//! The correct computation, every step listed, with the first wrong one highlighted.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use crate::diagram::flow::Marks;
use crate::i18n::{t, Lang, Msg};
use crate::sasl::trace::Trace;
use crate::ui::diagram::flow_view;

/// The element id of step `index` of the report whose ids start with `prefix` (the verdict
/// links to it).
pub fn step_anchor(prefix: &str, index: usize) -> String {
    format!("{prefix}-step-{index}")
}

/// The step list; step `wrong`, if any, is highlighted.
pub fn expected_trace(trace: &Trace, wrong: Option<usize>, prefix: &str, lang: Lang) -> Html {
    let items = trace.steps.iter().enumerate().map(|(index, step)| {
        let is_wrong = wrong == Some(index);
        html! {
            <li key={index} id={step_anchor(prefix, index)} class={classes!("expected-step", is_wrong.then_some("wrong"))}
                data-testid="verify-step" data-step-id={step.id}
                data-first-wrong={is_wrong.then_some("true")}>
                <div class="expected-head">
                    <span class="step-number">{ index + 1 }</span>
                    <span class="step-name">{ step.label.get(lang) }</span>
                    if is_wrong { <span class="badge wrong">{ t(lang, Msg::VerifyGoesWrongHere) }</span> }
                </div>
                <pre class="value">{ step.preferred() }</pre>
                <p class="step-explain">{ step.explain.get(lang) }</p>
            </li>
        }
    });
    html! {
        <section class="verify-expected" aria-labelledby={format!("{prefix}-expected-heading")}>
            <h3 id={format!("{prefix}-expected-heading")}>{ t(lang, Msg::VerifyExpected) }</h3>
            <ol class="expected" data-testid="verify-expected">{ for items }</ol>
            { flow_view(trace, Marks { current: None, wrong }, None, prefix, lang) }
        </section>
    }
}
