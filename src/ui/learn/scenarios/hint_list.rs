//! The scenario's hints, revealed one at a time on request (gentle first, the last one
//! gives it away).

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios, ScenarioAction};
use super::texts;
use crate::i18n::Fill;
use crate::ui::learn::focus::focus_if_idle;
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
    let state = use_scenarios();
    let shown_now = state
        .as_ref()
        .and_then(|s| s.session(props.id))
        .map_or(0, |s| s.read().hints);
    {
        let mounted = use_mut_ref(|| false);
        use_effect_with(shown_now, move |_| {
            if std::mem::replace(&mut *mounted.borrow_mut(), true) {
                // After the last hint the button is gone: the focus goes to that hint.
                focus_if_idle(".hint-list .newest-hint");
            }
        });
    }
    let Some(state) = state else {
        return Html::default();
    };
    let Some((scenario, session)) = scenario_session(&state, props.id) else {
        return Html::default();
    };
    let total = scenario.hints.len();
    let shown = session.read().hints.min(total);
    let on_more = {
        let state = state.clone();
        let id = props.id;
        Callback::from(move |_: MouseEvent| state.dispatch(ScenarioAction::Hint { id }))
    };
    let hints = scenario.hints[..shown].iter().enumerate().map(|(i, hint)| {
        // The newest hint can take the focus (the button that revealed it may be gone).
        let newest = i + 1 == shown;
        html! {
            <li key={i} data-testid="scenario-hint" tabindex={newest.then_some("-1")}
                class={classes!(newest.then_some("newest-hint"))}>{ hint.get(lang) }</li>
        }
    });
    html! {
        <section class="panel hints" aria-labelledby="scenario-hints-heading" data-testid="scenario-hints">
            <h2 id="scenario-hints-heading">{ texts::HINTS.get(lang) }</h2>
            if shown > 0 {
                <ol class="hint-list" aria-live="polite">{ for hints }</ol>
            }
            if shown < total {
                <button type="button" class="button" data-testid="scenario-hint-more" onclick={on_more}>
                    { texts::SHOW_HINT.get(lang).fill(&[("k", &(shown + 1)), ("n", &total)]) }
                </button>
            } else {
                <p class="hint">{ texts::NO_MORE_HINTS.get(lang) }</p>
            }
        </section>
    }
}
