//! The messages the scenario's server accepted (from the journal): envelope sender, the
//! envelope recipients, and the message as stored — where a Bcc shows by its absence.

use yew::prelude::*;

use super::state::ScenarioSession;
use super::texts;
use crate::i18n::Fill;
use crate::live::Shared;
use crate::ui::state::use_lang;

/// The accepted messages.
#[derive(Properties, PartialEq)]
pub struct StoredMessagesProps {
    /// The session whose journal's `stored` messages are shown, oldest first (shared, not
    /// copied: its revision changes with every action on it, which renders this again).
    pub session: Shared<ScenarioSession>,
}

/// The list.
#[function_component(StoredMessages)]
pub fn stored_messages(props: &StoredMessagesProps) -> Html {
    let lang = use_lang();
    let session = props.session.read();
    let stored = &session.journal.stored;
    let items = stored.iter().map(|message| {
        let recipients = message
            .recipients
            .iter()
            .map(|r| format!("<{r}>"))
            .collect::<Vec<_>>()
            .join(", ");
        let source = String::from_utf8_lossy(&message.data).into_owned();
        html! {
            <li key={message.id.clone()} class="message" data-testid="scenario-stored-message">
                <dl class="envelope">
                    <dt>{ texts::ENVELOPE_FROM.get(lang) }</dt>
                    <dd><code data-testid="scenario-stored-from">{ format!("<{}>", message.from) }</code></dd>
                    <dt>{ texts::ENVELOPE_TO.get(lang) }</dt>
                    <dd><code data-testid="scenario-stored-to">{ recipients }</code></dd>
                </dl>
                <details>
                    <summary>{ texts::RAW.get(lang).fill(&[("n", &message.data.len())]) }</summary>
                    <pre class="source" data-testid="scenario-stored-source">{ source }</pre>
                </details>
            </li>
        }
    });
    html! {
        <section class="panel mailbox" aria-labelledby="scenario-stored-heading" data-testid="scenario-stored">
            <h2 id="scenario-stored-heading">
                { texts::STORED_HEADING.get(lang) }{ " " }<span class="count">{ stored.len() }</span>
            </h2>
            if stored.is_empty() {
                <p class="hint">{ texts::STORED_NONE.get(lang) }</p>
            } else {
                <ol class="messages">{ for items }</ol>
            }
        </section>
    }
}
