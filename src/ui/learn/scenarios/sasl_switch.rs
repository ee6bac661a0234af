//! The server side of a scenario whose SASL daemon is down: a switch that starts (or stops)
//! saslauthd — the engine's `sasl_daemon_down` policy, applied to the running session.

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios, ScenarioAction};
use super::texts;
use crate::ui::state::use_lang;

/// Whose server.
#[derive(Properties, PartialEq)]
pub struct SaslSwitchProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// "saslauthd is running" ☐.
#[function_component(SaslSwitch)]
pub fn sasl_switch(props: &SaslSwitchProps) -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let Some((_, session)) = scenario_session(&state, props.id) else {
        return Html::default();
    };
    let running = !session
        .read()
        .live
        .server
        .config()
        .policies
        .sasl_daemon_down;
    let on_change = {
        let state = state.clone();
        let id = props.id;
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(ScenarioAction::Saslauthd {
                id,
                running: input.checked(),
            });
        })
    };
    html! {
        <section class="panel server-side" aria-labelledby="scenario-server-heading" data-testid="scenario-server-side">
            <h2 id="scenario-server-heading">{ texts::SERVER_SIDE.get(lang) }</h2>
            <label class="check switch">
                <input type="checkbox" role="switch" checked={running} data-testid="scenario-saslauthd"
                    aria-describedby="scenario-saslauthd-hint" onchange={on_change} />
                { texts::SASL_SWITCH.get(lang) }
            </label>
            <p id="scenario-saslauthd-hint" class="hint">{ texts::SASL_SWITCH_HINT.get(lang) }</p>
        </section>
    }
}
