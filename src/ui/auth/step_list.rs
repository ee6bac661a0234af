//! Every step of the trace, in order: click one to show it.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use crate::i18n::{t, Lang, Msg};
use crate::sasl::trace::Trace;

/// The numbered list of steps; `current` is marked, a click emits the index to `on_step`.
pub fn step_list(trace: &Trace, current: usize, on_step: &Callback<usize>, lang: Lang) -> Html {
    let items = trace.steps.iter().enumerate().map(|(index, step)| {
        let on_click = on_step.reform(move |_: MouseEvent| index);
        let is_current = index == current;
        html! {
            <li key={index}>
                <button type="button" class={classes!("step-item", is_current.then_some("current"))}
                    aria-current={is_current.then_some("step")} data-testid="auth-step-item"
                    data-step-id={step.id} onclick={on_click}>
                    <span class="step-number">{ index + 1 }</span>
                    <span class="step-name">{ step.label.get(lang) }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="step-list">
            <h3 id="auth-steps-heading">{ t(lang, Msg::AuthAllSteps) }</h3>
            <ol data-testid="auth-steps" aria-labelledby="auth-steps-heading">{ for items }</ol>
        </div>
    }
}
