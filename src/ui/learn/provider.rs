//! The learning pages' state, provided to every page: the analyze page's text and result,
//! the scenarios' sessions and the lessons' sessions. It sits above the router, so a visit
//! to another page keeps all of it; the done scenarios and the lessons' steps (ids and
//! indexes only) are written to storage when they change.

use yew::prelude::*;

use super::lessons::state::{LessonsContext, LessonsState};
use super::scenarios::state::{ScenariosContext, ScenariosState};
use super::storage::{load_done, load_progress, save_done, save_progress, save_sessions};
use crate::ui::analyze::state::{AnalyzeContext, AnalyzeState};

/// What the provider wraps.
#[derive(Properties, PartialEq)]
pub struct LearnProviderProps {
    /// The app below it.
    pub children: Html,
}

/// The contexts of the analyze, scenarios and lessons pages.
#[function_component(LearnProvider)]
pub fn learn_provider(props: &LearnProviderProps) -> Html {
    let analyze = use_reducer(AnalyzeState::default);
    let scenarios = use_reducer(|| ScenariosState::new(load_done()));
    let lessons = use_reducer(|| LessonsState::new(load_progress()));
    use_effect_with(scenarios.done.clone(), |done| save_done(done));
    use_effect_with((*scenarios).clone(), |state| save_sessions(&state.sessions));
    use_effect_with(lessons.progress.clone(), |progress| save_progress(progress));
    html! {
        <ContextProvider<AnalyzeContext> context={analyze}>
            <ContextProvider<ScenariosContext> context={scenarios}>
                <ContextProvider<LessonsContext> context={lessons}>
                    { props.children.clone() }
                </ContextProvider<LessonsContext>>
            </ContextProvider<ScenariosContext>>
        </ContextProvider<AnalyzeContext>>
    }
}
