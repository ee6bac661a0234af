//! Every scenario: its title, where it is played, and ✓ when its goal was met; with the
//! reset of what is remembered.

use yew::prelude::*;
use yew_router::prelude::*;

use super::place_label::{place_id, place_text};
use super::state::{use_scenarios, ScenarioAction};
use super::texts;
use crate::lessons::scenarios::SCENARIOS;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The list.
#[function_component(ScenarioList)]
pub fn scenario_list() -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let items = SCENARIOS.iter().enumerate().map(|(i, scenario)| {
        let done = state.done.contains(scenario.id);
        html! {
            <li key={scenario.id} class={classes!("card-item", done.then_some("done"))}
                data-testid={format!("scenario-item-{}", scenario.id)} data-done={done.to_string()}>
                <span class="item-number" aria-hidden="true">{ i + 1 }</span>
                <div class="item-body">
                    <Link<Route> to={Route::Scenario { id: scenario.id.to_string() }} classes="item-title">
                        { scenario.title.get(lang) }
                    </Link<Route>>
                    <p class="item-meta">
                        { texts::PLACE.get(lang) }{ lang.colon() }
                        <span class={classes!("place", place_id(scenario.place))}>{ place_text(scenario.place).get(lang) }</span>
                    </p>
                </div>
                <span class={classes!("done-mark", done.then_some("yes"))} data-testid="scenario-done-mark">
                    if done {
                        <span aria-hidden="true">{ "✓" }</span>
                        <span class="visually-hidden">{ texts::DONE.get(lang) }</span>
                    } else {
                        <span class="visually-hidden">{ texts::NOT_DONE.get(lang) }</span>
                    }
                </span>
            </li>
        }
    });
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(ScenarioAction::ResetProgress))
    };
    let count = texts::DONE_COUNT
        .get(lang)
        .replace("{k}", &state.done.len().to_string())
        .replace("{n}", &SCENARIOS.len().to_string());
    html! {
        <>
            <div class="progress-bar">
                <span class="count" data-testid="scenarios-done-count">{ count }</span>
                <button type="button" class="button" data-testid="scenarios-reset" onclick={on_reset}>
                    { texts::RESET_PROGRESS.get(lang) }
                </button>
                <span class="hint">{ texts::STORAGE_NOTE.get(lang) }</span>
            </div>
            <ol class="card-list" data-testid="scenario-list">{ for items }</ol>
        </>
    }
}
