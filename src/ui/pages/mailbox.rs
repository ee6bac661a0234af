//! The mailbox: every message the simulated servers accepted — from the console's session
//! and from the composer — listed newest first, the one picked read in full with the
//! engine's inspector. The messages live in the app's mailbox context (bounded; the page
//! says how many were dropped).

use yew::prelude::*;

use crate::i18n::Fill;
use crate::ui::mailbox::message_list::MessageList;
use crate::ui::mailbox::message_view::MessageView;
use crate::ui::mailbox::state::{use_mail, MailAction};
use crate::ui::mailbox::texts as tx;
use crate::ui::state::use_lang;

/// The mailbox page.
#[function_component(MailboxPage)]
pub fn mailbox_page() -> Html {
    let lang = use_lang();
    let mail = use_mail();
    let count = mail.as_ref().map_or(0, |m| m.items.len());
    let dropped = mail.as_ref().map_or(0, |m| m.dropped);
    let shown = mail.as_ref().and_then(|m| m.shown().cloned());
    let on_clear = {
        let mail = mail.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(mail) = &mail {
                mail.dispatch(MailAction::Clear);
            }
        })
    };
    html! {
        <section class="page mailbox-page" data-testid="mailbox-page">
            <h1 data-testid="mailbox-heading">
                { tx::HEADING.get(lang) }{ " " }
                <span class="count" data-testid="mailbox-count">{ count }</span>
            </h1>
            <p class="intro">{ tx::INTRO.get(lang) }</p>
            if dropped > 0 {
                <p class="hint" role="status" data-testid="mailbox-dropped">
                    { tx::DROPPED.get(lang).fill(&[("n", &dropped)]) }
                </p>
            }
            if count == 0 {
                <p class="hint" data-testid="mailbox-empty">{ tx::EMPTY.get(lang) }</p>
            } else {
                <div class="mailbox-layout">
                    <div class="mailbox-side">
                        <MessageList />
                        <button type="button" class="button small" data-testid="mailbox-clear"
                            onclick={on_clear}>
                            { tx::CLEAR.get(lang) }
                        </button>
                    </div>
                    if let Some(item) = shown {
                        <MessageView key={item.key} item={item.clone()} />
                    }
                </div>
            }
        </section>
    }
}
