//! Forwards what the console's server accepts into the app's mailbox. Rendered once above
//! the router (it shows nothing), so messages are collected on every page; the console's own
//! server keeps only its current session's messages.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::state::{use_mail, MailAction, MailItem, Origin};
use crate::ui::console::state::{use_console, Entry, Marker};

/// Watches the console's transcript for "message stored" markers.
#[function_component(ConsoleForwarder)]
pub fn console_forwarder() -> Html {
    let console = use_console();
    let mail = use_mail();
    // The newest transcript entry already looked at (kept across renders, never shown).
    let seen = use_mut_ref(|| None::<u64>);
    let newest = console.as_ref().and_then(|c| c.live.read().log.newest());
    {
        let seen: Rc<RefCell<Option<u64>>> = seen.clone();
        use_effect_with(newest, move |_| {
            let (Some(console), Some(mail)) = (console, mail) else {
                return;
            };
            let after = *seen.borrow();
            // Read the session, then let it go before dispatching.
            let live = console.live.read();
            let mailbox = live.server.mailbox();
            let profile = live.server.config().profile.name();
            let messages: Vec<MailItem> = live
                .log
                .items
                .iter()
                .filter(|item| after.is_none_or(|seen| item.id > seen))
                .filter_map(|item| match &item.entry {
                    Entry::Marker(Marker::Stored { id }) => {
                        mailbox.iter().rev().find(|m| &m.id == id)
                    }
                    _ => None,
                })
                .map(|stored| MailItem::new(stored, Origin::Console, profile, &[]))
                .collect();
            *seen.borrow_mut() = live.log.newest();
            drop(live);
            if !messages.is_empty() {
                mail.dispatch(MailAction::Add(messages));
            }
        });
    }
    Html::default()
}
