//! The raw source as the server stored it (its `Received:` header first), drawn only while
//! opened — a message with attachments is long.

use std::rc::Rc;

use yew::prelude::*;

use super::state::MailItem;
use super::texts as tx;
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The stored message.
#[derive(Properties, PartialEq)]
pub struct RawSourceProps {
    /// The message.
    pub item: Rc<MailItem>,
}

/// The raw source, collapsed.
#[function_component(RawSource)]
pub fn raw_source(props: &RawSourceProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlElement = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let summary = tx::SOURCE.get(lang).fill(&[("n", &props.item.data.len())]);
    html! {
        <details class="panel raw-source" data-testid="mailbox-source-panel" ontoggle={on_toggle}>
            <summary>{ summary }</summary>
            if *open {
                <pre class="source" data-testid="mailbox-source">
                    { String::from_utf8_lossy(&props.item.data).into_owned() }
                </pre>
            }
        </details>
    }
}
