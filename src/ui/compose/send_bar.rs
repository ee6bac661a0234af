//! The Send button: composes the form's message and sends it to a fresh simulated server.

use yew::prelude::*;

use super::send::send_now;
use super::state::use_compose;
use super::texts as tx;
use crate::ui::mailbox::state::use_mail;
use crate::ui::state::use_lang;

/// Send, and the Ctrl+Enter hint.
#[function_component(SendBar)]
pub fn send_bar() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let mail = use_mail();
    let Some(compose) = compose else {
        return Html::default();
    };
    let reading = !compose.reading.is_empty();
    let on_send = {
        let compose = compose.clone();
        Callback::from(move |_: MouseEvent| send_now(&compose, mail.as_ref()))
    };
    html! {
        <div class="input-row end compose-send">
            <button type="button" class="button primary" data-testid="compose-send"
                aria-disabled={reading.to_string()} onclick={on_send}>
                { tx::SEND.get(lang) }
            </button>
            <span class="hint">{ tx::SEND_HINT.get(lang) }</span>
        </div>
    }
}
