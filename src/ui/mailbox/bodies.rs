//! The decoded bodies: the first text/plain part, and the first text/html part shown as
//! text — escaped, never rendered, so nothing in a message can run in the page.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::mime::Inspected;
use crate::ui::state::use_lang;

/// The message read.
#[derive(Properties, PartialEq)]
pub struct BodiesProps {
    /// The message read.
    pub inspected: Rc<Inspected>,
}

/// The bodies.
#[function_component(Bodies)]
pub fn bodies(props: &BodiesProps) -> Html {
    let lang = use_lang();
    let inspected = &props.inspected;
    html! {
        <section class="panel" aria-labelledby="mailbox-text-heading" data-testid="mailbox-bodies">
            <h3 id="mailbox-text-heading">{ tx::TEXT.get(lang) }</h3>
            if let Some(text) = &inspected.text {
                <pre class="source body" data-testid="mailbox-text">{ text.clone() }</pre>
            } else {
                <p class="hint">{ tx::NO_TEXT.get(lang) }</p>
            }
            if let Some(html) = &inspected.html {
                <h3>{ tx::HTML.get(lang) }</h3>
                // A text node: Yew escapes it; the markup is shown, not interpreted.
                <pre class="source body" data-testid="mailbox-html">{ html.clone() }</pre>
            }
        </section>
    }
}
