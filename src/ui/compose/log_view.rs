//! The log as DokuWiki's smtp plugin writes it (seed 000): `Set: …`, `Connecting to … at
//! …`, `Got: …`, `Sent: …`, the verdict — the engine's own lines, with a copy button.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::compose_job::SentView;
use crate::ui::copy_button::CopyButton;
use crate::ui::state::use_lang;

/// The send whose log to show.
#[derive(Properties, PartialEq)]
pub struct LogViewProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The log.
#[function_component(LogView)]
pub fn log_view(props: &LogViewProps) -> Html {
    let lang = use_lang();
    let target = use_node_ref();
    let text = props.sent.log.join("\n");
    html! {
        <section class="panel compose-log" aria-labelledby="compose-log-heading">
            <h3 id="compose-log-heading">{ tx::LOG.get(lang) }</h3>
            <p class="hint">{ tx::LOG_HINT.get(lang) }</p>
            <pre class="source" ref={target.clone()} data-testid="compose-log">{ text.clone() }</pre>
            <CopyButton value={text} {target} testid="compose-log-copy" label={tx::LOG.get(lang)} />
        </section>
    }
}
