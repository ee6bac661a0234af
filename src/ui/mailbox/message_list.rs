//! The accepted messages, newest first: where each came from, its decoded subject and From,
//! its size. Clicking one shows it.

use yew::prelude::*;

use super::state::{use_mail, MailAction, Origin};
use super::texts as tx;
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The list.
#[function_component(MessageList)]
pub fn message_list() -> Html {
    let lang = use_lang();
    let Some(mail) = use_mail() else {
        return Html::default();
    };
    let shown = mail.shown().map(|m| m.key);
    let items = mail.items.iter().rev().map(|item| {
        let key = item.key;
        let on_click = {
            let mail = mail.clone();
            Callback::from(move |_: MouseEvent| mail.dispatch(MailAction::Select(key)))
        };
        let current = shown == Some(key);
        let origin = match item.origin {
            Origin::Console => tx::FROM_CONSOLE,
            Origin::Composer => tx::FROM_COMPOSER,
        };
        let subject = item
            .subject
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| tx::NO_SUBJECT.get(lang).to_string());
        let from = item
            .from
            .clone()
            .unwrap_or_else(|| item.envelope_from.clone());
        html! {
            <li key={key}>
                <button type="button" class={classes!("mail-item", current.then_some("current"))}
                    aria-current={current.then_some("true")} data-testid="mailbox-item"
                    data-key={key.to_string()} onclick={on_click}>
                    <span class="mail-subject" data-testid="mailbox-item-subject">{ subject }</span>
                    <span class="mail-from">{ from }</span>
                    <span class="mail-meta">
                        <span class="badge">{ origin.get(lang) }</span>{ " " }
                        { item.received_at.clone() }{ " · " }
                        { tx::BYTES.get(lang).fill(&[("n", &item.data.len())]) }
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <nav class="mail-list" aria-label={tx::LIST.get(lang)} data-testid="mailbox-list">
            <ol class="entries">{ for items }</ol>
        </nav>
    }
}
