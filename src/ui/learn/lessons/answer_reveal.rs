//! "Show me": the engine's answer to the current step, and for a line step a button that
//! sends it — so no learner is ever stuck.

use yew::prelude::*;

use super::state::{answer_lines, use_lessons, LessonAction};
use super::texts;
use crate::lessons::guided::Step;
use crate::ui::console::state::browser_now;
use crate::ui::state::use_lang;

/// The lesson, its current step, and whether the answer is shown.
#[derive(Properties, PartialEq)]
pub struct AnswerRevealProps {
    /// The lesson's id.
    pub id: &'static str,
    /// The current step's index.
    pub step: usize,
    /// Whether the answer is shown.
    pub shown: bool,
    /// Whether nothing can be sent (the connection is closed).
    #[prop_or_default]
    pub disabled: bool,
}

/// The button, then the answer.
#[function_component(AnswerReveal)]
pub fn answer_reveal(props: &AnswerRevealProps) -> Html {
    let lang = use_lang();
    let state = use_lessons();
    let Some(step): Option<&'static Step> =
        crate::lessons::guided::find(props.id).and_then(|l| l.steps.get(props.step))
    else {
        return Html::default();
    };
    let id = props.id;
    let on_show = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(state) = &state {
                state.dispatch(LessonAction::ShowAnswer { id });
            }
        })
    };
    if !props.shown {
        return html! {
            <button type="button" class="button" data-testid="lesson-show-me" onclick={on_show}>
                { texts::SHOW_ME.get(lang) }
            </button>
        };
    }
    let on_send = Callback::from(move |_: MouseEvent| {
        if let Some(state) = &state {
            state.dispatch(LessonAction::SendAnswer {
                id,
                now: browser_now(),
            });
        }
    });
    html! {
        <div class="answer" data-testid="lesson-answer-box">
            <p class="label">{ texts::ANSWER.get(lang) }</p>
            <pre class="value" data-testid="lesson-answer">{ answer_lines(step).join("\n") }</pre>
            if step.is_line() {
                <button type="button" class="button" disabled={props.disabled}
                    data-testid="lesson-send-answer" onclick={on_send}>
                    { texts::SEND_ANSWER.get(lang) }
                </button>
            }
        </div>
    }
}
