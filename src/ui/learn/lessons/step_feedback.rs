//! What the last try got: "correct" (the lesson moved on), progress through a step of
//! several commands ("2 of 4"), "not yet" with the hint for this try, or — when the session
//! had moved past the step — what happened and that the step starts again. All the
//! engine's verdicts and texts.

use yew::prelude::*;

use super::state::Feedback;
use super::texts;
use crate::i18n::Fill;
use crate::lessons::guided::Verdict;
use crate::ui::state::use_lang;

/// The feedback to show.
#[derive(Properties, PartialEq)]
pub struct StepFeedbackProps {
    /// The lesson's id.
    pub id: &'static str,
    /// The last try's feedback.
    pub feedback: Option<Feedback>,
    /// Wrong tries of the current step so far (the hints they revealed stay in view).
    #[prop_or_default]
    pub tries: usize,
}

/// The feedback line.
#[function_component(StepFeedback)]
pub fn step_feedback(props: &StepFeedbackProps) -> Html {
    let lang = use_lang();
    let progress = |done: usize, of: usize| {
        texts::COMMANDS_DONE
            .get(lang)
            .fill(&[("k", &done), ("n", &of)])
    };
    let body = match props.feedback {
        Some(Feedback {
            step,
            verdict: Verdict::Passed,
        }) => html! {
            <p class="feedback passed" data-testid="lesson-passed">
                { "✓ " }{ texts::PASSED.get(lang).fill(&[("k", &(step + 1))]) }
            </p>
        },
        Some(Feedback {
            verdict: Verdict::Progress { done, of },
            ..
        }) => html! {
            <p class="feedback passed" data-testid="lesson-step-progress"
                data-done={done.to_string()} data-of={of.to_string()}>
                { "✓ " }{ texts::LINE_OK.get(lang) }{ " " }{ progress(done, of) }
            </p>
        },
        Some(Feedback {
            step,
            verdict: Verdict::NotYet { hint, done, of },
        }) => {
            // The hints earlier tries revealed, concept first, above this try's hint.
            let earlier: Vec<Html> = crate::lessons::guided::find(props.id)
                .and_then(|l| l.steps.get(step))
                .map(|s| {
                    let revealed = props.tries.saturating_sub(1).min(s.hints.len());
                    s.hints[..revealed]
                        .iter()
                        .filter(|h| **h != hint)
                        .map(|h| html! { <li data-testid="lesson-hint-earlier">{ h.get(lang) }</li> })
                        .collect()
                })
                .unwrap_or_default();
            html! {
            <div class="feedback not-yet" data-testid="lesson-not-yet">
                <p class="verdict-title">{ "✗ " }{ texts::NOT_YET.get(lang) }
                    if of > 1 {
                        { " " }<span data-testid="lesson-step-progress" data-done={done.to_string()}
                            data-of={of.to_string()}>{ progress(done, of) }</span>
                    }
                </p>
                if !earlier.is_empty() {
                    <ul class="earlier-hints">{ for earlier }</ul>
                }
                <p><strong>{ texts::HINT.get(lang) }{ lang.colon() }</strong>
                    <span data-testid="lesson-hint">{ hint.get(lang) }</span></p>
            </div>
            }
        }
        Some(Feedback {
            verdict:
                Verdict::Restarted {
                    what,
                    why,
                    reconnected,
                },
            ..
        }) => html! {
            <div class="feedback restarted" data-testid="lesson-restarted"
                data-reconnected={reconnected.to_string()}>
                <p class="verdict-title">{ "↺ " }{ texts::RESTARTED.get(lang) }</p>
                <p data-testid="lesson-restarted-what">{ what.get(lang) }</p>
                if let Some(why) = why {
                    <p data-testid="lesson-restarted-why">{ why.get(lang) }</p>
                }
                <p>{ if reconnected { texts::RESTARTED_NEW.get(lang) } else { texts::RESTARTED_SAME.get(lang) } }</p>
            </div>
        },
        None => Html::default(),
    };
    html! { <div class="feedback-area" role="status" aria-live="polite">{ body }</div> }
}
