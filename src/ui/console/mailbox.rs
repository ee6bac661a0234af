//! The messages the server accepted (`Server::mailbox`): queue id, envelope, time, and the
//! raw source as stored (with the server's `Received:` header), expandable.

use yew::prelude::*;

use super::state::use_console;
use crate::i18n::{t, Fill, Msg};
use crate::ui::state::use_lang;

/// The mailbox.
#[function_component(Mailbox)]
pub fn mailbox() -> Html {
    let lang = use_lang();
    let Some(console) = use_console() else {
        return Html::default();
    };
    let live = console.live.read();
    let messages = live.server.mailbox();
    let items = messages.iter().map(|message| {
        let from = if message.from.is_empty() {
            t(lang, Msg::ConsoleNullSender).to_string()
        } else {
            format!("<{}>", message.from)
        };
        let recipients = message
            .recipients
            .iter()
            .map(|r| format!("<{r}>"))
            .collect::<Vec<_>>()
            .join(", ");
        let source = String::from_utf8_lossy(&message.data).into_owned();
        let summary = t(lang, Msg::ConsoleRawSource).fill(&[("n", &message.data.len())]);
        html! {
            <li key={message.id.clone()} class="message" data-testid="console-message">
                <dl class="envelope">
                    <dt>{ t(lang, Msg::ConsoleQueueId) }</dt>
                    <dd><code data-testid="console-message-id">{ message.id.clone() }</code></dd>
                    <dt>{ t(lang, Msg::ConsoleEnvelopeFrom) }</dt>
                    <dd><code data-testid="console-message-from">{ from }</code></dd>
                    <dt>{ t(lang, Msg::ConsoleEnvelopeTo) }</dt>
                    <dd><code data-testid="console-message-to">{ recipients }</code></dd>
                    <dt>{ t(lang, Msg::ConsoleArrived) }</dt>
                    <dd>{ message.received_at.clone() }</dd>
                </dl>
                <details>
                    <summary>{ summary }</summary>
                    <pre class="source" data-testid="console-message-source">{ source }</pre>
                </details>
            </li>
        }
    });
    html! {
        <section class="panel mailbox" aria-labelledby="console-mailbox-heading" data-testid="console-mailbox">
            <h2 id="console-mailbox-heading">
                { t(lang, Msg::ConsoleMailbox) }{ " " }
                <span class="count" data-testid="console-mailbox-count">{ messages.len() }</span>
            </h2>
            if messages.is_empty() {
                <p class="hint" data-testid="console-mailbox-empty">{ t(lang, Msg::ConsoleMailboxEmpty) }</p>
            } else {
                <ol class="messages">{ for items }</ol>
            }
        </section>
    }
}
