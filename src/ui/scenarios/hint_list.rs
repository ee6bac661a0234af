//! The scenario's hints, revealed one at a time on request (gentle first, the last one
//! gives it away).

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios, ScenarioAction};
use super::texts;
use crate::ui::state::use_lang;

/// Whose hints.
#[derive(Properties, PartialEq)]
pub struct HintListProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// The hints shown so far and the button for the next.
#[function_component(HintList)]
pub fn hint_list(props: &HintListProps) -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let Some((scenario, session)) = scenario_session(&state, props.id) else {
        return Html::default();
    };
    let total = scenario.hints.len();
    let shown = session.hints.min(total);
    let on_more = {
        let state = state.clone();
        let id = props.id;
        Callback::from(move |_: MouseEvent| state.dispatch(ScenarioAction::Hint { id }))
    };
    let hints = scenario.hints[..shown]
        .iter()
        .enumerate()
        .map(|(i, hint)| html! { <li key={i} data-testid="scenario-hint">{ hint.get(lang) }</li> });
    html! {
        <section class="panel hints" aria-labelledby="scenario-hints-heading" data-testid="scenario-hints">
            <h2 id="scenario-hints-heading">{ texts::HINTS.get(lang) }</h2>
            if shown > 0 {
                <ol class="hint-list" aria-live="polite">{ for hints }</ol>
            }
            if shown < total {
                <button type="button" class="button" data-testid="scenario-hint-more" onclick={on_more}>
                    { texts::SHOW_HINT.get(lang).replace("{k}", &(shown + 1).to_string()).replace("{n}", &total.to_string()) }
                </button>
            } else {
                <p class="hint">{ texts::NO_MORE_HINTS.get(lang) }</p>
            }
        </section>
    }
}
