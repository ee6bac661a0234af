//! The envelope's recipients beside the headers': every address with whether it had a RCPT
//! TO and which header (To, Cc, a wrongly written Bcc) names it. An address only in the
//! envelope — a blind copy — is highlighted.

use std::rc::Rc;

use yew::prelude::*;

use super::state::MailItem;
use super::texts as tx;
use crate::mime::Inspected;
use crate::ui::state::use_lang;

/// The message and how it reads.
#[derive(Properties, PartialEq)]
pub struct RecipientsTableProps {
    /// The stored message.
    pub item: Rc<MailItem>,
    /// The message read, if it could be.
    pub inspected: Option<Rc<Inspected>>,
}

/// The recipients table.
#[function_component(RecipientsTable)]
pub fn recipients_table(props: &RecipientsTableProps) -> Html {
    let lang = use_lang();
    // (address, in the envelope, headers naming it)
    let mut rows: Vec<(String, bool, Vec<&'static str>)> = props
        .item
        .recipients
        .iter()
        .map(|r| (r.clone(), true, Vec::new()))
        .collect();
    if let Some(inspected) = &props.inspected {
        let lists = [
            ("To", &inspected.to),
            ("Cc", &inspected.cc),
            ("Bcc", &inspected.bcc),
        ];
        for (name, list) in lists {
            for mailbox in list {
                match rows
                    .iter_mut()
                    .find(|(a, ..)| a.eq_ignore_ascii_case(&mailbox.address))
                {
                    Some((_, _, headers)) => headers.push(name),
                    None => rows.push((mailbox.address.clone(), false, vec![name])),
                }
            }
        }
    }
    let body = rows.iter().map(|(address, envelope, headers)| {
        let envelope_only = *envelope && headers.is_empty();
        let header_text = if envelope_only {
            tx::ENVELOPE_ONLY.get(lang).to_string()
        } else {
            headers
                .iter()
                .map(|h| format!("{h}:"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        html! {
            <tr class={classes!(envelope_only.then_some("bcc"))} data-testid="mailbox-recipient"
                data-envelope-only={envelope_only.to_string()}>
                <td><code data-testid="mailbox-recipient-address">{ address.clone() }</code></td>
                <td>
                    if *envelope { { tx::YES.get(lang) } } else { { tx::HEADER_ONLY.get(lang) } }
                </td>
                <td data-testid="mailbox-recipient-headers">{ header_text }</td>
            </tr>
        }
    });
    html! {
        <section class="panel" aria-labelledby="mailbox-recipients-heading"
            data-testid="mailbox-recipients">
            <h3 id="mailbox-recipients-heading">{ tx::RECIPIENTS.get(lang) }</h3>
            <p class="hint">{ tx::RECIPIENTS_HINT.get(lang) }</p>
            <div class="table-scroll">
                <table class="fields">
                    <thead><tr>
                        <th scope="col">{ tx::COL_ADDRESS.get(lang) }</th>
                        <th scope="col">{ tx::COL_ENVELOPE.get(lang) }</th>
                        <th scope="col">{ tx::COL_HEADERS.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </section>
    }
}
