//! The current step: its instruction, the input its check needs, the feedback on the last
//! try, and "Show me" — or, when every step passed, the lesson's end.

use yew::prelude::*;

use super::answer_reveal::AnswerReveal;
use super::state::use_lessons;
use super::step_feedback::StepFeedback;
use super::step_input::{InputKind, StepInput};
use super::texts;
use crate::i18n::Fill;
use crate::lessons::guided::{self, Expect};
use crate::smtp::server::Mode;
use crate::ui::learn::focus::focus_if_idle;
use crate::ui::route::Route;
use crate::ui::state::use_lang;
use yew_router::prelude::*;

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
    let state = use_lessons();
    let turn = state
        .as_ref()
        .and_then(|s| s.sessions.get(props.id))
        .map(|s| s.read().turn);
    use_effect_with(turn, |_| focus_if_idle("#lesson-input, .next-lesson a"));
    let (Some(state), Some(lesson)) = (state, guided::find(props.id)) else {
        return Html::default();
    };
    let Some(session) = state.sessions.get(lesson.id).cloned() else {
        return Html::default();
    };
    let session = session.read();
    let id = lesson.id;
    let at = state.step(lesson);
    let total = lesson.steps.len();
    let Some(step) = lesson.steps.get(at) else {
        let next = match guided::next(id) {
            Some(next) => html! {
                <Link<Route> to={Route::Lesson { id: next.id.to_string() }} classes="button primary">
                    <span data-testid="lesson-next">{ texts::NEXT_LESSON.get(lang).fill(&[("title", &next.title.get(lang))]) }</span>
                </Link<Route>>
            },
            None => html! {
                <Link<Route> to={Route::Lessons} classes="button">
                    <span data-testid="lesson-next">{ texts::ALL_LESSONS.get(lang) }</span>
                </Link<Route>>
            },
        };
        return html! {
            <section class="panel step-card complete" data-testid="lesson-step" data-step={at.to_string()}>
                <StepFeedback {id} feedback={session.feedback} />
                <p class="verdict valid" data-testid="lesson-complete">{ "✓ " }{ texts::COMPLETE.get(lang) }</p>
                <p class="next-lesson">{ next }</p>
            </section>
        };
    };
    let kind = match step.expect {
        Expect::Message(_) => InputKind::Message,
        Expect::Reply(_) | Expect::ReplyTo(..) | Expect::Commands(_) => InputKind::Line,
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
                { texts::STEP_OF.get(lang).fill(&[("k", &(at + 1)), ("n", &total)]) }
            </h2>
            <p class="instruction" data-testid="lesson-instruction">{ step.instruction.get(lang) }</p>
            <StepInput key={at} {id} {kind} disabled={closed} />
            <StepFeedback {id} feedback={session.feedback} tries={session.tries} />
            <AnswerReveal {id} step={at} shown={session.answer_shown} disabled={closed} />
        </section>
    }
}
