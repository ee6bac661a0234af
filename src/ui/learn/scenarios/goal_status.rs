//! Whether the goal is met — the scenario's own check ([`Scenario::is_done`]) over the
//! journal — and, once it is, what was wrong and the fix.
//!
//! [`Scenario::is_done`]: crate::lessons::scenarios::Scenario::is_done

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios};
use super::texts;
use crate::ui::state::use_lang;

/// Whose goal.
#[derive(Properties, PartialEq)]
pub struct GoalStatusProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// "Goal met" with the lesson, or "not met yet".
#[function_component(GoalStatus)]
pub fn goal_status(props: &GoalStatusProps) -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let Some((scenario, session)) = scenario_session(&state, props.id) else {
        return Html::default();
    };
    let met = scenario.is_done(&session.read().journal);
    html! {
        <div class="goal-status" role="status" aria-live="polite">
            if met {
                <div class="verdict valid" data-testid="scenario-goal-met">
                    <p class="verdict-title">{ "✓ " }{ texts::GOAL_MET.get(lang) }</p>
                    <p><strong>{ texts::WHAT_WAS_WRONG.get(lang) }{ lang.colon() }</strong>
                        <span data-testid="scenario-lesson">{ scenario.lesson.get(lang) }</span></p>
                </div>
            } else {
                <p class="goal-pending" data-testid="scenario-goal-pending">{ texts::GOAL_PENDING.get(lang) }</p>
            }
        </div>
    }
}
