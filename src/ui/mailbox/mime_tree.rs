//! The MIME tree as the inspector read it: each part's path, type, charset, transfer
//! encoding, disposition, file name and decoded size, indented by depth.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::i18n::Fill;
use crate::mime::inspect::PartKind;
use crate::mime::Inspected;
use crate::ui::state::use_lang;

/// The message read.
#[derive(Properties, PartialEq)]
pub struct MimeTreeProps {
    /// The message read.
    pub inspected: Rc<Inspected>,
}

/// The tree.
#[function_component(MimeTree)]
pub fn mime_tree(props: &MimeTreeProps) -> Html {
    let lang = use_lang();
    let parts = props.inspected.parts.iter().map(|part| {
        let path = if part.path.is_empty() {
            tx::WHOLE.get(lang).to_string()
        } else {
            part.path.clone()
        };
        let mut details = Vec::new();
        if let Some(charset) = &part.charset {
            details.push(format!("charset={charset}"));
        }
        if let Some(encoding) = &part.transfer_encoding {
            details.push(encoding.clone());
        }
        if let Some(disposition) = &part.disposition {
            details.push(disposition.clone());
        }
        // Classes, not a style attribute: the page's CSP allows no inline styles.
        let depth = format!("depth-{}", part.depth.min(6));
        html! {
            <li class={classes!("mime-part", depth)} data-testid="mailbox-part" data-path={part.path.clone()}>
                <span class="mime-path">{ path }</span>{ " " }
                <code class="mime-type">{ part.content_type.clone() }</code>
                if !details.is_empty() { { " · " }<span class="muted">{ details.join(" · ") }</span> }
                if let Some(name) = &part.filename { { " · " }<q>{ name.clone() }</q> }
                if part.kind != PartKind::Multipart {
                    { " · " }<span class="muted">{ tx::BYTES.get(lang).fill(&[("n", &part.size)]) }</span>
                }
            </li>
        }
    });
    html! {
        <section class="panel" aria-labelledby="mailbox-structure-heading" data-testid="mailbox-structure">
            <h3 id="mailbox-structure-heading">{ tx::STRUCTURE.get(lang) }</h3>
            <ul class="mime-tree">{ for parts }</ul>
        </section>
    }
}
