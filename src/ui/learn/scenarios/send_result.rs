//! What the last send did: why it could not start, or whether the server accepted the
//! message (the client's own explanation when not), the plugin-style log (seed 000's
//! `Set:`/`Connecting to`/`Got:`/`Sent:`), and the dialog with every reply explained.

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios, ComposeError};
use super::texts;
use crate::ui::learn::session_log::SessionLog;
use crate::ui::state::use_lang;

/// Whose send.
#[derive(Properties, PartialEq)]
pub struct SendResultProps {
    /// The scenario's id.
    pub id: &'static str,
    /// Whether to show the plugin-style log (the DokuWiki scenario).
    #[prop_or_default]
    pub plugin_log: bool,
}

/// The result of the last send.
#[function_component(SendResult)]
pub fn send_result(props: &SendResultProps) -> Html {
    let lang = use_lang();
    let Some(state) = use_scenarios() else {
        return Html::default();
    };
    let Some(session) = scenario_session(&state, props.id).map(|(_, s)| s) else {
        return Html::default();
    };
    let session = session.read();
    let Some(sent) = session.sent.clone() else {
        return Html::default();
    };
    // Each send is a new dialog: keyed by the send, no reply of the last one stays open.
    let sends = session.sends;
    let delivery = match &*sent {
        Err(error) => {
            let text = match error {
                ComposeError::Host => texts::HOST_INVALID.get(lang).to_string(),
                ComposeError::Port => texts::PORT_INVALID.get(lang).to_string(),
                ComposeError::Mime(error) => error.describe(lang),
            };
            return html! {
                <section class="send-result" data-testid="scenario-send-result">
                    <p class="error-box" role="alert" data-testid="scenario-compose-error">{ text }</p>
                </section>
            };
        }
        Ok(delivery) => delivery,
    };
    let outcome = &delivery.outcome;
    let verdict = if outcome.delivered {
        html! {
            <div class="verdict valid" role="status" data-testid="scenario-send-verdict" data-delivered="true">
                <p class="verdict-title">{ "✓ " }{ texts::DELIVERED.get(lang) }</p>
            </div>
        }
    } else {
        html! {
            <div class="verdict invalid" role="status" data-testid="scenario-send-verdict" data-delivered="false">
                <p class="verdict-title">{ "✗ " }{ texts::NOT_DELIVERED.get(lang) }</p>
                if let Some(failure) = &outcome.failure {
                    <p data-testid="scenario-send-failure">{ failure.explain(lang) }</p>
                }
            </div>
        }
    };
    html! {
        <section class="send-result" data-testid="scenario-send-result">
            { verdict }
            if props.plugin_log {
                <h3>{ texts::LOG_HEADING.get(lang) }</h3>
                <pre class="plugin-log" data-testid="scenario-compose-log">{ outcome.log.join("\n") }</pre>
            }
            <h3>{ texts::DIALOG_HEADING.get(lang) }</h3>
            <SessionLog key={sends} log={delivery.log.clone()} testid="scenario-compose-transcript"
                label={texts::DIALOG_HEADING.get(lang)} />
            <p class="hint">{ texts::CLICK_HINT.get(lang) }</p>
        </section>
    }
}
