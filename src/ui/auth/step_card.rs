//! The step shown: its label, what was done to get it (citing the RFC), and its bytes.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use super::step_values::StepValues;
use crate::i18n::Lang;
use crate::sasl::trace::Step;

/// Label, explanation, text / hex / base64.
pub fn step_card(step: &Step, lang: Lang) -> Html {
    html! {
        <article class="step-card" data-testid="auth-step" data-step-id={step.id}
            aria-labelledby="auth-step-label">
            <h3 id="auth-step-label" data-testid="auth-step-label">{ step.label.get(lang) }</h3>
            <p class="step-id"><code>{ step.id }</code></p>
            <p class="step-explain" data-testid="auth-step-explain">{ step.explain.get(lang) }</p>
            <StepValues step={step.clone()} />
        </article>
    }
}
