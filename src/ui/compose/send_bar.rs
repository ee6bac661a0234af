//! The Send button: composes the form's message and sends it to a fresh simulated server;
//! while a large one is under way in the compose worker, how far it got.

use yew::prelude::*;

use super::send::send_now;
use super::state::use_compose;
use super::texts as tx;
use crate::compose_job::Stage;
use crate::i18n::Fill;
use crate::ui::mailbox::state::use_mail;
use crate::ui::msgauth::state::use_msgauth;
use crate::ui::state::use_lang;
use crate::ui::workers::worker_note;

/// Send, and the Ctrl+Enter hint.
#[function_component(SendBar)]
pub fn send_bar() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let mail = use_mail();
    let msgauth = use_msgauth();
    let Some(compose) = compose else {
        return Html::default();
    };
    let reading = !compose.reading.is_empty();
    let busy = reading || compose.sending.is_some();
    let on_send = {
        let compose = compose.clone();
        Callback::from(move |_: MouseEvent| send_now(&compose, mail.as_ref(), msgauth.as_ref()))
    };
    html! {
        <>
        <div class="input-row end compose-send">
            <button type="button" class="button primary" data-testid="compose-send"
                aria-disabled={busy.to_string()} onclick={on_send}>
                { tx::SEND.get(lang) }
            </button>
            <span class="hint">{ tx::SEND_HINT.get(lang) }</span>
        </div>
        if let Some(sending) = compose.sending {
            <div class="compose-progress" role="status" data-testid="compose-progress"
                data-stage={sending.stage.id()}>
                <progress data-testid="compose-progress-bar" max="3"
                    value={step(sending.stage).to_string()}></progress>
                <span>{ progress_text(sending.stage, sending.octets, lang) }</span>
                <p class="hint">{ tx::PROGRESS_HINT.get(lang) }</p>
                { worker_note(sending.worker, lang) }
            </div>
        }
        </>
    }
}

/// Stages done when `stage` starts (the `<progress>` value, of 3).
fn step(stage: Stage) -> u8 {
    match stage {
        Stage::Composing => 0,
        Stage::Sending => 1,
        Stage::Reading => 2,
    }
}

/// The progress line: the stage, and the message's size while composing.
fn progress_text(stage: Stage, octets: usize, lang: crate::i18n::Lang) -> String {
    match stage {
        Stage::Composing => {
            let size = format!("{:.1} MB", octets as f64 / (1024.0 * 1024.0));
            tx::PROGRESS_COMPOSING.get(lang).fill(&[("size", &size)])
        }
        Stage::Sending => tx::PROGRESS_SENDING.get(lang).to_string(),
        Stage::Reading => tx::PROGRESS_READING.get(lang).to_string(),
    }
}
