//! The current step: its instruction, the input its check needs, the feedback on the last
//! try, and "Show me" — or, when every step passed, the lesson's end.

use yew::prelude::*;

use super::answer_reveal::AnswerReveal;
use super::state::use_lessons;
use super::step_feedback::StepFeedback;
use super::step_input::{InputKind, StepInput};
use super::texts;
use crate::lessons::guided::{self, Expect};
use crate::smtp::server::Mode;
use crate::ui::state::use_lang;

/// Whose step.
#[derive(Properties, PartialEq)]
pub struct StepCardProps {
    /// The lesson's id.
    pub id: &'static str,
}

/// The step card.
#[function_component(StepCard)]
pub fn step_card(props: &StepCardProps) -> Html {
    let lang = use_lang();
    let (Some(state), Some(lesson)) = (use_lessons(), guided::find(props.id)) else {
        return Html::default();
    };
    let Some(session) = state.sessions.get(lesson.id).cloned() else {
        return Html::default();
    };
    let id = lesson.id;
    let at = state.step(lesson);
    let total = lesson.steps.len();
    let Some(step) = lesson.steps.get(at) else {
        return html! {
            <section class="panel step-card complete" data-testid="lesson-step" data-step={at.to_string()}>
                <StepFeedback {id} feedback={session.feedback} />
                <p class="verdict valid" data-testid="lesson-complete">{ "✓ " }{ texts::COMPLETE.get(lang) }</p>
            </section>
        };
    };
    let kind = match step.expect {
        Expect::Message(_) => InputKind::Message,
        Expect::Reply(_) | Expect::ReplyTo(..) => InputKind::Line,
        Expect::Value(_) => InputKind::Value,
    };
    let closed = step.is_line()
        && session
            .live
            .as_ref()
            .is_none_or(|live| live.mode() == Mode::Closed);
    html! {
        <section class="panel step-card" aria-labelledby="lesson-step-heading"
            data-testid="lesson-step" data-step={at.to_string()}>
            <h2 id="lesson-step-heading" data-testid="lesson-step-heading">
                { texts::STEP_OF.get(lang).replace("{k}", &(at + 1).to_string()).replace("{n}", &total.to_string()) }
            </h2>
            <p class="instruction" data-testid="lesson-instruction">{ step.instruction.get(lang) }</p>
            <StepInput key={at} {id} {kind} disabled={closed} />
            <StepFeedback {id} feedback={session.feedback} />
            <AnswerReveal {id} step={at} shown={session.answer_shown} disabled={closed} />
        </section>
    }
}
