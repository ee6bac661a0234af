//! A console scenario's playing area: a session with the scenario's server (status line,
//! transcript with every reply explained, the input), the messages it accepted, the
//! console's base64 helper, and — when the scenario's SASL daemon is down — the switch that
//! starts it.

use yew::prelude::*;

use super::raw_input::{RawInput, RawSwitch};
use super::sasl_switch::SaslSwitch;
use super::scenario_input::ScenarioInput;
use super::session_status::SessionStatus;
use super::state::{scenario_session, use_scenarios};
use super::stored_messages::StoredMessages;
use super::texts;
use crate::ui::console::base64_helper::Base64Helper;
use crate::ui::learn::session_log::SessionLog;
use crate::ui::state::use_lang;

/// Whose session.
#[derive(Properties, PartialEq)]
pub struct ScenarioConsoleProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// The console area.
#[function_component(ScenarioConsole)]
pub fn scenario_console(props: &ScenarioConsoleProps) -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let Some((scenario, shared)) = scenario_session(&state, props.id) else {
        return Html::default();
    };
    let session = shared.read();
    let daemon_down = scenario.config().policies.sasl_daemon_down;
    html! {
        <div class="console learn-console" data-testid="scenario-console">
            <div class="console-layout">
                <div class="console-main">
                    <SessionStatus view={session.live.server.view()} />
                    <SessionLog log={session.live.log.clone()} testid="scenario-transcript"
                        label={texts::TRANSCRIPT.get(lang)} />
                    if session.raw {
                        <RawInput id={props.id} />
                    } else {
                        <ScenarioInput id={props.id} />
                    }
                    <RawSwitch id={props.id} on={session.raw} />
                    <p class="hint">{ texts::CLICK_HINT.get(lang) }</p>
                    <StoredMessages session={shared.clone()} />
                </div>
                <aside class="console-side" aria-label={texts::SERVER_SIDE.get(lang)}>
                    if daemon_down {
                        <SaslSwitch id={props.id} />
                    }
                    <Base64Helper />
                </aside>
            </div>
        </div>
    }
}
