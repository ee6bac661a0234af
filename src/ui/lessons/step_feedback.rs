//! What the last try got: "correct" (the lesson moved on), or "not yet" with the step's
//! hint — the engine's.

use yew::prelude::*;

use super::state::Feedback;
use super::texts;
use crate::lessons::guided::Lesson;
use crate::ui::state::use_lang;

/// The feedback and its lesson.
#[derive(Properties, PartialEq)]
pub struct StepFeedbackProps {
    /// The lesson's id.
    pub id: &'static str,
    /// The last try's feedback.
    pub feedback: Option<Feedback>,
}

/// The feedback line.
#[function_component(StepFeedback)]
pub fn step_feedback(props: &StepFeedbackProps) -> Html {
    let lang = use_lang();
    let lesson: Option<&'static Lesson> = crate::lessons::guided::find(props.id);
    let body = match (props.feedback, lesson) {
        (Some(Feedback::Passed(step)), _) => html! {
            <p class="feedback passed" data-testid="lesson-passed">
                { "✓ " }{ texts::PASSED.get(lang).replace("{k}", &(step + 1).to_string()) }
            </p>
        },
        (Some(Feedback::NotYet(step)), Some(lesson)) => {
            let hint = lesson
                .steps
                .get(step)
                .map(|s| s.hint.get(lang))
                .unwrap_or_default();
            html! {
                <div class="feedback not-yet" data-testid="lesson-not-yet">
                    <p class="verdict-title">{ "✗ " }{ texts::NOT_YET.get(lang) }</p>
                    <p><strong>{ texts::HINT.get(lang) }{ lang.colon() }</strong>
                        <span data-testid="lesson-hint">{ hint }</span></p>
                </div>
            }
        }
        _ => Html::default(),
    };
    html! { <div class="feedback-area" role="status" aria-live="polite">{ body }</div> }
}
