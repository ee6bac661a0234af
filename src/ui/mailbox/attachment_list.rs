//! The message's attachments: file name, type, size, and a Download button that saves the
//! decoded octets byte for byte (a local `blob:` URL, revoked afterwards).

use std::rc::Rc;

use yew::prelude::*;

use super::download::download;
use super::texts as tx;
use crate::i18n::Fill;
use crate::mime::Inspected;
use crate::ui::state::use_lang;

/// The message read.
#[derive(Properties, PartialEq)]
pub struct AttachmentListProps {
    /// The message read.
    pub inspected: Rc<Inspected>,
}

/// The attachments (nothing when there are none).
#[function_component(AttachmentList)]
pub fn attachment_list(props: &AttachmentListProps) -> Html {
    let lang = use_lang();
    let failed = use_state(|| false);
    if props.inspected.attachments.is_empty() {
        return Html::default();
    }
    let items = props.inspected.attachments.iter().enumerate().map(|(i, a)| {
        let name = a
            .filename
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| tx::UNNAMED.get(lang).to_string());
        let on_download = {
            let inspected = props.inspected.clone();
            let failed = failed.clone();
            let name = a.filename.clone().unwrap_or_else(|| format!("attachment-{}", i + 1));
            Callback::from(move |_: MouseEvent| {
                if let Some(a) = inspected.attachments.get(i) {
                    failed.set(download(&name, &a.content_type, &a.data).is_err());
                }
            })
        };
        html! {
            <li class="attachment" data-testid="mailbox-attachment">
                <span class="attachment-name" data-testid="mailbox-attachment-name">{ name.clone() }</span>
                <code class="muted">{ a.content_type.clone() }</code>
                <span data-testid="mailbox-attachment-size" data-bytes={a.data.len().to_string()}>
                    { tx::BYTES.get(lang).fill(&[("n", &a.data.len())]) }
                </span>
                <button type="button" class="button small" data-testid="mailbox-download"
                    aria-label={tx::DOWNLOAD_LABEL.get(lang).fill(&[("name", &name)])}
                    onclick={on_download}>
                    { tx::DOWNLOAD.get(lang) }
                </button>
            </li>
        }
    });
    html! {
        <section class="panel" aria-labelledby="mailbox-attachments-heading"
            data-testid="mailbox-attachments">
            <h3 id="mailbox-attachments-heading">{ tx::ATTACHMENTS.get(lang) }</h3>
            <ul class="attachments">{ for items }</ul>
            if *failed {
                <p class="error" role="alert">{ tx::DOWNLOAD_FAILED.get(lang) }</p>
            }
        </section>
    }
}
