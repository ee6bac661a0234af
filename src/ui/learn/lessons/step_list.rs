//! The lesson's steps at a glance — done, current, to come — and the reset.

use yew::prelude::*;

use super::state::{use_lessons, LessonAction};
use super::texts;
use crate::i18n::Fill;
use crate::lessons::guided;
use crate::ui::console::state::browser_now;
use crate::ui::state::use_lang;

/// Whose steps.
#[derive(Properties, PartialEq)]
pub struct StepListProps {
    /// The lesson's id.
    pub id: &'static str,
}

/// The steps.
#[function_component(StepList)]
pub fn step_list(props: &StepListProps) -> Html {
    let lang = use_lang();
    let (Some(state), Some(lesson)) = (use_lessons(), guided::find(props.id)) else {
        return Html::default();
    };
    let at = state.step(lesson);
    let id = lesson.id;
    let items = lesson.steps.iter().enumerate().map(|(i, step)| {
        let status = match i.cmp(&at) {
            std::cmp::Ordering::Less => "done",
            std::cmp::Ordering::Equal => "current",
            std::cmp::Ordering::Greater => "todo",
        };
        html! {
            <li key={i} class={classes!("lesson-step", status)} data-testid="lesson-step-item"
                data-status={status} aria-current={(i == at).then_some("step")}>
                <span class="step-number" aria-hidden="true">
                    { if i < at { "✓".to_string() } else { (i + 1).to_string() } }
                </span>
                <span class="step-text">
                    { step.instruction.get(lang) }
                    if i < at { <span class="visually-hidden">{ " — " }{ texts::STEP_DONE.get(lang) }</span> }
                    if i == at { <span class="visually-hidden">{ " — " }{ texts::STEP_CURRENT.get(lang) }</span> }
                </span>
            </li>
        }
    });
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(LessonAction::Reset {
                id,
                now: browser_now(),
            })
        })
    };
    let (k, n) = (at.min(lesson.steps.len()), lesson.steps.len());
    html! {
        <section class="panel step-overview" aria-labelledby="lesson-steps-heading">
            <h2 id="lesson-steps-heading">
                { texts::STEPS.get(lang) }{ " " }
                <span class="count" data-testid="lesson-progress-count">
                    { texts::PROGRESS.get(lang).fill(&[("k", &k), ("n", &n)]) }
                </span>
            </h2>
            <ol class="lesson-steps">{ for items }</ol>
            <button type="button" class="button" data-testid="lesson-reset" onclick={on_reset}>
                { texts::RESET.get(lang) }
            </button>
            <p class="hint">{ texts::STORAGE_NOTE.get(lang) }</p>
        </section>
    }
}
