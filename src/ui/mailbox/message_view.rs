//! One accepted message in full: its summary (server, queue id, time, subject, From, MAIL
//! FROM), the envelope's recipients beside the headers', the headers raw and decoded, the
//! MIME tree, the bodies, the attachments and the raw source. Read with the engine's
//! [`inspect`] when shown.

use std::rc::Rc;

use yew::prelude::*;

use super::attachment_list::AttachmentList;
use super::bodies::Bodies;
use super::dkim_check::DkimCheck;
use super::header_table::HeaderTable;
use super::mime_tree::MimeTree;
use super::raw_source::RawSource;
use super::recipients_table::RecipientsTable;
use super::state::{MailItem, Origin};
use super::texts as tx;
use crate::mime::inspect;
use crate::ui::state::use_lang;

/// The message to show.
#[derive(Properties, PartialEq)]
pub struct MessageViewProps {
    /// The message.
    pub item: Rc<MailItem>,
}

/// The message.
#[function_component(MessageView)]
pub fn message_view(props: &MessageViewProps) -> Html {
    let lang = use_lang();
    let read = use_memo(props.item.clone(), |item| inspect(&item.data).map(Rc::new));
    let item = &props.item;
    let origin = match item.origin {
        Origin::Console => tx::FROM_CONSOLE,
        Origin::Composer => tx::FROM_COMPOSER,
    };
    let mail_from = if item.envelope_from.is_empty() {
        tx::NULL_SENDER.get(lang).to_string()
    } else {
        format!("<{}>", item.envelope_from)
    };
    let inspected = read.as_ref().as_ref().ok().cloned();
    html! {
        <article class="mail-view" data-testid="mailbox-message" data-key={item.key.to_string()}>
            <h2 data-testid="mailbox-subject">
                { item.subject.clone().filter(|s| !s.trim().is_empty())
                    .unwrap_or_else(|| tx::NO_SUBJECT.get(lang).to_string()) }
            </h2>
            <dl class="envelope mail-summary">
                <dt>{ tx::SERVER.get(lang) }</dt>
                <dd><span class="badge">{ origin.get(lang) }</span>{ " " }{ item.profile }</dd>
                <dt>{ tx::QUEUE_ID.get(lang) }</dt>
                <dd><code data-testid="mailbox-queue-id">{ item.queue_id.clone() }</code></dd>
                <dt>{ tx::ARRIVED.get(lang) }</dt>
                <dd>{ item.received_at.clone() }</dd>
                <dt>{ tx::FROM.get(lang) }</dt>
                <dd data-testid="mailbox-from">{ item.from.clone().unwrap_or_default() }</dd>
                <dt>{ tx::MAIL_FROM.get(lang) }</dt>
                <dd><code data-testid="mailbox-mail-from">{ mail_from }</code></dd>
            </dl>
            if let Err(error) = read.as_ref() {
                <p class="error" role="alert" data-testid="mailbox-error">
                    { tx::UNREADABLE.get(lang) }{ error.describe(lang) }
                </p>
            }
            <DkimCheck item={item.clone()} />
            <RecipientsTable item={item.clone()} inspected={inspected.clone()} />
            if let Some(inspected) = inspected {
                <HeaderTable inspected={inspected.clone()} />
                <MimeTree inspected={inspected.clone()} />
                <Bodies inspected={inspected.clone()} />
                <AttachmentList {inspected} />
            }
            <RawSource item={item.clone()} />
        </article>
    }
}
