//! Every scenario: its title, where it is played, and ✓ when its goal was met; with the
//! reset of what is remembered.

use yew::prelude::*;
use yew_router::prelude::*;

use super::place_label::{place_id, place_text};
use super::state::{use_scenarios, ScenarioAction};
use super::texts;
use crate::i18n::Fill;
use crate::lessons::scenarios;
use crate::ui::learn::summary::LearnSummary;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The list.
#[function_component(ScenarioList)]
pub fn scenario_list() -> Html {
    let lang = use_lang();
    let confirming = use_state(|| false);
    // The focus follows the question and comes back to the button (never to the page).
    {
        let asking = *confirming;
        let mounted = use_mut_ref(|| false);
        use_effect_with(asking, move |&asking| {
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                return;
            }
            let selector = if asking {
                "[data-testid=scenarios-reset-cancel]"
            } else {
                "[data-testid=scenarios-reset]"
            };
            if let Some(element) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector(selector).ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let idle = active.is_none_or(|e| {
                    e.tag_name().eq_ignore_ascii_case("body")
                        || e.get_attribute("data-testid")
                            .is_some_and(|t| t.starts_with("scenarios-reset"))
                });
                if idle {
                    let _ = element.focus();
                }
            }
        });
    }
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let items = scenarios::all().into_iter().enumerate().map(|(i, scenario)| {
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
    let on_ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let on_cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    // Escape answers "no", as a dialog's Escape does.
    let on_key = {
        let confirming = confirming.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                confirming.set(false);
            }
        })
    };
    let on_reset = {
        let (state, confirming) = (state.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(ScenarioAction::ResetProgress);
            confirming.set(false);
        })
    };
    let count = texts::DONE_COUNT
        .get(lang)
        .fill(&[("k", &state.done.len()), ("n", &scenarios::all().len())]);
    html! {
        <>
            <LearnSummary />
            <div class="progress-bar">
                <span class="count" data-testid="scenarios-done-count">{ count }</span>
                if *confirming {
                    <span class="confirm" role="alertdialog" aria-labelledby="scenarios-reset-question"
                        data-testid="scenarios-reset-confirm" onkeydown={on_key}>
                        <span id="scenarios-reset-question">{ texts::RESET_CONFIRM.get(lang) }</span>{ " " }
                        <button type="button" class="button danger" data-testid="scenarios-reset-yes" onclick={on_reset}>
                            { texts::RESET_YES.get(lang) }
                        </button>{ " " }
                        <button type="button" class="button" data-testid="scenarios-reset-cancel" onclick={on_cancel}>
                            { texts::RESET_NO.get(lang) }
                        </button>
                    </span>
                } else {
                    <button type="button" class="button" data-testid="scenarios-reset" onclick={on_ask}>
                        { texts::RESET_PROGRESS.get(lang) }
                    </button>
                }
                <span class="hint">{ texts::STORAGE_NOTE.get(lang) }</span>
            </div>
            <ol class="card-list" data-testid="scenario-list">{ for items }</ol>
        </>
    }
}
