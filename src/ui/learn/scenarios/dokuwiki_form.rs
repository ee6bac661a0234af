//! Seed 000's mail client: the DokuWiki smtp plugin's settings (smtp_host, smtp_port,
//! auth_user, auth_pass, mailfrom) and a test mail. Send composes the message with the
//! engine and sends it to the scenario's 163.com server with the engine's client.

use yew::prelude::*;

use super::compose_input::ComposeInput;
use super::state::{scenario_session, use_scenarios, ComposeField, ScenarioAction};
use super::texts;
use crate::i18n::Tr;
use crate::ui::console::state::{browser_now, random_seed};
use crate::ui::state::use_lang;

/// Whose form.
#[derive(Properties, PartialEq)]
pub struct ComposeFormProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// The Send action for a scenario: the browser's time and a fresh token.
pub fn send_callback(
    state: Option<super::state::ScenariosContext>,
    id: &'static str,
) -> Callback<SubmitEvent> {
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        if let Some(state) = &state {
            state.dispatch(ScenarioAction::ComposeSend {
                id,
                now: browser_now(),
                unique: format!("{:x}", random_seed()),
            });
        }
    })
}

/// The plugin's settings and the test mail.
#[function_component(DokuWikiForm)]
pub fn dokuwiki_form(props: &ComposeFormProps) -> Html {
    let lang = use_lang();
    let state = use_scenarios();
    let Some(session) = state
        .as_ref()
        .and_then(|s| scenario_session(s, props.id))
        .map(|(_, session)| session)
    else {
        return Html::default();
    };
    let session = session.read();
    let draft = &session.compose;
    let id = props.id;
    let input = |field: ComposeField, label: Tr| {
        html! {
            <ComposeInput {id} {field} label={label.get(lang)}
                value={AttrValue::from(draft.get(field).to_string())} />
        }
    };
    html! {
        <form class="panel compose-form dokuwiki" data-testid="scenario-compose" onsubmit={send_callback(state, id)}
            aria-labelledby="scenario-compose-heading">
            <h2 id="scenario-compose-heading">{ texts::DOKUWIKI_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::DOKUWIKI_NOTE.get(lang) }</p>
            <div class="form-grid">
                { input(ComposeField::Host, texts::SMTP_HOST) }
                { input(ComposeField::Port, texts::SMTP_PORT) }
                { input(ComposeField::User, texts::AUTH_USER) }
                { input(ComposeField::Password, texts::AUTH_PASS) }
                { input(ComposeField::From, texts::MAILFROM) }
            </div>
            <h3>{ texts::TEST_MAIL.get(lang) }</h3>
            <div class="form-grid">
                { input(ComposeField::To, texts::TO) }
                { input(ComposeField::Subject, texts::SUBJECT) }
            </div>
            <ComposeInput {id} field={ComposeField::Body} label={texts::BODY.get(lang)} multiline=true
                value={AttrValue::from(draft.body.clone())} />
            <div class="input-row end">
                <p class="hint">{ texts::PASSWORD_NOTE.get(lang) }</p>
                <button type="submit" class="button primary" data-testid="scenario-compose-send">
                    { texts::SEND.get(lang) }
                </button>
            </div>
        </form>
    }
}
