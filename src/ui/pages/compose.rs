//! Compose and send: a message written in a form, composed by the engine
//! ([`crate::mime::Message::compose`]) and sent with the engine's client session to a fresh
//! simulated server, with DokuWiki's smtp-plugin settings (seed 000). The result shows the
//! dialog (each reply explained), the plugin's log, the exact bytes, the composer's notes and
//! the envelope against the headers; what the server accepts goes to the Mailbox.
//!
//! The form and the last result live in the app's compose context; the password is kept in
//! memory only.

use yew::prelude::*;

use crate::i18n::{Fill, Lang};
use crate::share::pages::{self, ComposeShare};
use crate::share::{Page, ShareError};

use crate::ui::compose::attachment_picker::AttachmentPicker;
use crate::ui::compose::client_panel::ClientPanel;
use crate::ui::compose::message_form::MessageForm;
use crate::ui::compose::result_panel::ResultPanel;
use crate::ui::compose::send_bar::SendBar;
use crate::ui::compose::server_panel::{fault_value, ServerPanel};
use crate::ui::compose::state::{use_compose, ComposeAction};
use crate::ui::compose::texts as tx;
use crate::ui::share::panel::{Restored, SharePanel};
use crate::ui::share::texts as share_tx;
use crate::ui::state::use_lang;

/// The compose page.
#[function_component(ComposePage)]
pub fn compose_page() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    // The message, the attachments' names, the server and the client settings.
    let make = {
        let compose = compose.clone();
        Callback::from(move |secrets: bool| {
            let Some(c) = &compose else {
                return String::new();
            };
            let state = ComposeShare {
                from: c.from.clone(),
                to: c.to.clone(),
                cc: c.cc.clone(),
                bcc: c.bcc.clone(),
                reply_to: c.reply_to.clone(),
                subject: c.subject.clone(),
                text: c.text.clone(),
                charset: c.charset,
                encoding: c.encoding,
                html_on: c.html_on,
                html: c.html.clone(),
                attachments: c.files.iter().map(|f| f.name.clone()).collect(),
                profile: c.profile,
                policies: c.policies.clone(),
                fault: fault_value(c.fault),
                host: c.host.clone(),
                port: c.port.clone(),
                security: c.security,
                user: c.user.clone(),
                password: c.password.clone(),
                sender: c.sender.clone(),
                mechanism: c.mechanism.clone(),
                debug: c.debug,
            };
            pages::payload(&state, secrets)
        })
    };
    let open = {
        let compose = compose.clone();
        Callback::from(move |(payload, lang): (String, Lang)| {
            let (state, left_out) = pages::open::<ComposeShare>(&payload)?;
            let compose = compose.as_ref().ok_or(ShareError::Damaged)?;
            let mut what = share_tx::COMPOSE_WHAT
                .get(lang)
                .fill(&[("subject", &state.subject)]);
            if !state.attachments.is_empty() {
                what.push_str(
                    &share_tx::COMPOSE_FILES
                        .get(lang)
                        .fill(&[("names", &state.attachments.join(", "))]),
                );
            }
            compose.dispatch(ComposeAction::Restore(Box::new(state)));
            Ok(Restored { what, left_out })
        })
    };
    html! {
        <section class="page compose" data-testid="compose-page">
            <h1 data-testid="compose-heading">{ tx::HEADING.get(lang) }</h1>
            <p class="intro">{ tx::INTRO.get(lang) }</p>
            <SharePanel page={Page::Compose} {make} {open} />
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
