//! The message's headers, each as received (folds and encoded words included) and as
//! decoded by the engine's inspector — Chinese subjects and names readable.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::mime::Inspected;
use crate::ui::state::use_lang;

/// The message read.
#[derive(Properties, PartialEq)]
pub struct HeaderTableProps {
    /// The message read.
    pub inspected: Rc<Inspected>,
}

/// The headers table.
#[function_component(HeaderTable)]
pub fn header_table(props: &HeaderTableProps) -> Html {
    let lang = use_lang();
    let rows = props.inspected.headers.iter().map(|h| {
        html! {
            <tr data-testid="mailbox-header" data-name={h.name.to_ascii_lowercase()}>
                <th scope="row"><code>{ h.name.clone() }</code></th>
                <td><code class="raw">{ h.raw.clone() }</code></td>
                <td data-testid="mailbox-header-decoded">{ h.decoded.clone() }</td>
            </tr>
        }
    });
    html! {
        <section class="panel" aria-labelledby="mailbox-headers-heading" data-testid="mailbox-headers">
            <h3 id="mailbox-headers-heading">{ tx::HEADERS.get(lang) }</h3>
            <div class="table-scroll">
                <table class="fields mailbox-headers">
                    <thead><tr>
                        <th scope="col">{ tx::COL_NAME.get(lang) }</th>
                        <th scope="col">{ tx::COL_RAW.get(lang) }</th>
                        <th scope="col">{ tx::COL_DECODED.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
