//! A message with To, Cc and Bcc, composed by the engine ([`crate::mime::Message`]) and
//! sent to the scenario's server: every recipient gets its own RCPT TO, the Bcc ones appear
//! in no header.

use yew::prelude::*;

use super::compose_input::ComposeInput;
use super::dokuwiki_form::{send_callback, ComposeFormProps};
use super::state::{scenario_session, use_scenarios, ComposeField};
use super::texts;
use crate::i18n::Tr;
use crate::ui::state::use_lang;

/// The message form.
#[function_component(MessageForm)]
pub fn message_form(props: &ComposeFormProps) -> Html {
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
    let hint = AttrValue::from(texts::ADDRESSES_HINT.get(lang));
    let input = |field: ComposeField, label: Tr, hint: Option<AttrValue>| {
        html! {
            <ComposeInput {id} {field} label={label.get(lang)} {hint}
                value={AttrValue::from(draft.get(field).to_string())} />
        }
    };
    html! {
        <form class="panel compose-form" data-testid="scenario-compose" onsubmit={send_callback(state, id)}
            aria-labelledby="scenario-compose-heading">
            <h2 id="scenario-compose-heading">{ texts::MESSAGE_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::MESSAGE_NOTE.get(lang) }</p>
            <div class="form-grid">
                { input(ComposeField::From, texts::FROM, None) }
                { input(ComposeField::To, texts::TO, Some(hint.clone())) }
                { input(ComposeField::Cc, texts::CC, Some(hint.clone())) }
                { input(ComposeField::Bcc, texts::BCC, Some(hint)) }
            </div>
            { input(ComposeField::Subject, texts::SUBJECT, None) }
            <ComposeInput {id} field={ComposeField::Body} label={texts::BODY.get(lang)} multiline=true
                value={AttrValue::from(draft.body.clone())} />
            <div class="input-row end">
                <span></span>
                <button type="submit" class="button primary" data-testid="scenario-compose-send">
                    { texts::SEND.get(lang) }
                </button>
            </div>
        </form>
    }
}
