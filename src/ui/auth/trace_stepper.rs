//! Walking a trace: Previous / Next (and ←/→, Home/End while the focus is in here), the
//! step shown, and the list of every step.
//!
//! A view function rather than a component: the step shown lives in the auth state, and
//! every component type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use super::step_card::step_card;
use super::step_list::step_list;
use crate::diagram::flow::Marks;
use crate::i18n::{t, Fill, Lang, Msg};
use crate::sasl::trace::Trace;
use crate::ui::diagram::flow_view;

/// The stepper over `trace` showing step `current` (clamped); moves emit to `on_step`.
pub fn trace_stepper(
    trace: &Trace,
    current: usize,
    on_step: &Callback<usize>,
    with_flow: bool,
    lang: Lang,
) -> Html {
    let total = trace.steps.len();
    let last = total.saturating_sub(1);
    let current = current.min(last);
    let Some(step) = trace.steps.get(current) else {
        return Html::default();
    };
    let at_start = current == 0;
    let at_end = current == last;
    // aria-disabled rather than disabled: a disabled button drops the focus, and with it
    // the arrow keys.
    let on_prev = if at_start {
        Callback::noop()
    } else {
        on_step.reform(move |_: MouseEvent| current - 1)
    };
    let on_next = if at_end {
        Callback::noop()
    } else {
        on_step.reform(move |_: MouseEvent| current + 1)
    };
    let on_keydown = {
        let on_step = on_step.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() || e.shift_key() {
                return;
            }
            let target = match e.key().as_str() {
                "ArrowLeft" => current.checked_sub(1),
                "ArrowRight" => (current < last).then_some(current + 1),
                "Home" => Some(0),
                "End" => Some(last),
                _ => return,
            };
            e.prevent_default();
            if let Some(index) = target {
                on_step.emit(index);
            }
        })
    };
    let position = t(lang, Msg::AuthPosition).fill(&[("n", &(current + 1)), ("total", &total)]);
    html! {
        <section class="stepper" data-testid="auth-stepper" onkeydown={on_keydown}
            aria-labelledby="auth-trace-heading">
            <div class="stepper-bar">
                <h2 id="auth-trace-heading">{ t(lang, Msg::AuthTrace) }</h2>
                <button type="button" class="button" data-testid="auth-prev"
                    aria-disabled={at_start.to_string()} onclick={on_prev}>
                    { t(lang, Msg::AuthPrev) }
                </button>
                <span class="position" aria-live="polite" data-testid="auth-position">{ position }</span>
                <button type="button" class="button primary" data-testid="auth-next"
                    aria-disabled={at_end.to_string()} onclick={on_next}>
                    { t(lang, Msg::AuthNext) }
                </button>
            </div>
            <p class="hint" data-testid="auth-shortcuts">{ t(lang, Msg::AuthShortcuts) }</p>
            <div class="stepper-body">
                { step_card(step, lang) }
                { step_list(trace, current, on_step, lang) }
            </div>
            if with_flow {
                { flow_view(trace, Marks { current: Some(current), wrong: None }, Some(on_step), "auth", lang) }
            }
        </section>
    }
}
