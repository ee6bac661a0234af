//! Scenarios (`#/scenarios`, `#/scenarios/<id>`): the seeds' failures as sessions to play
//! against the engine's simulated server. The list shows every scenario and which are done;
//! a scenario shows its story, goal and hints, and its playing area. What happens is
//! recorded in the engine's [`crate::lessons::scenarios::Journal`], and the scenario's own
//! check says when the goal is met.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::Fill;
use crate::lessons::scenarios;
use crate::ui::learn::scenarios::scenario_list::ScenarioList;
use crate::ui::learn::scenarios::scenario_loader::ScenarioLoader;
use crate::ui::learn::scenarios::scenario_view::ScenarioView;
use crate::ui::learn::scenarios::texts;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// What the address selects.
#[derive(Properties, PartialEq)]
pub struct ScenariosPageProps {
    /// The scenario's id, if any.
    pub id: Option<AttrValue>,
}

/// The scenarios page.
#[function_component(ScenariosPage)]
pub fn scenarios_page(props: &ScenariosPageProps) -> Html {
    let lang = use_lang();
    let body = match props.id.as_deref() {
        None => html! {
            <>
                <h1 data-testid="scenarios-heading">{ texts::HEADING.get(lang) }</h1>
                <p class="intro">{ texts::INTRO.get(lang) }</p>
                <ScenarioList />
                <ScenarioLoader />
            </>
        },
        Some(id) => match scenarios::find(id) {
            Some(scenario) => html! { <ScenarioView key={scenario.id} id={scenario.id} /> },
            None => html! {
                <>
                    <h1 data-testid="scenarios-heading">{ texts::HEADING.get(lang) }</h1>
                    <p class="error-box" role="alert" data-testid="scenario-unknown">
                        { texts::UNKNOWN.get(lang).fill(&[("id", &id)]) }
                    </p>
                    <Link<Route> to={Route::Scenarios}>{ texts::BACK.get(lang) }</Link<Route>>
                </>
            },
        },
    };
    html! {
        <section class="page learn scenarios" data-testid="scenarios-page">
            { body }
        </section>
    }
}
