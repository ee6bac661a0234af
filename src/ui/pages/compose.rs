//! Compose and send: a message written in a form, composed by the engine
//! ([`crate::mime::Message::compose`]) and sent with the engine's client session to a fresh
//! simulated server, with DokuWiki's smtp-plugin settings (seed 000). The result shows the
//! dialog (each reply explained), the plugin's log, the exact bytes, the composer's notes and
//! the envelope against the headers; what the server accepts goes to the Mailbox.
//!
//! The form and the last result live in the app's compose context; the password is kept in
//! memory only.

use yew::prelude::*;

use crate::ui::compose::attachment_picker::AttachmentPicker;
use crate::ui::compose::client_panel::ClientPanel;
use crate::ui::compose::message_form::MessageForm;
use crate::ui::compose::result_panel::ResultPanel;
use crate::ui::compose::send_bar::SendBar;
use crate::ui::compose::server_panel::ServerPanel;
use crate::ui::compose::texts as tx;
use crate::ui::state::use_lang;

/// The compose page.
#[function_component(ComposePage)]
pub fn compose_page() -> Html {
    let lang = use_lang();
    html! {
        <section class="page compose" data-testid="compose-page">
            <h1 data-testid="compose-heading">{ tx::HEADING.get(lang) }</h1>
            <p class="intro">{ tx::INTRO.get(lang) }</p>
            <div class="compose-layout">
                <div class="compose-main">
                    <MessageForm />
                    <AttachmentPicker />
                    <ServerPanel />
                </div>
                <div class="compose-side">
                    <ClientPanel />
                </div>
            </div>
            <SendBar />
            <ResultPanel />
        </section>
    }
}
