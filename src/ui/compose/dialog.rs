//! The dialog of a send: both sides in order — `C:` commands, `S:` replies (click one to
//! see why the server sent it), the message octets, the simulated TLS handshake — with the
//! client's reasoning between them.

use std::rc::Rc;

use yew::prelude::*;

use super::dialog_reply::DialogReply;
use super::texts as tx;
use crate::compose_job::{Row, SentView};
use crate::diagram::ladder::Input;
use crate::i18n::Fill;
use crate::ui::diagram;
use crate::ui::state::use_lang;

/// The dialog's rows as ladder input (each row's index its source).
fn ladder_inputs(rows: &[Row]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for (source, row) in rows.iter().enumerate() {
        match row {
            Row::Client(text) => inputs.push(Input::Client {
                text: text.clone(),
                source,
            }),
            Row::Reply { lines, .. } => inputs.extend(lines.iter().map(|text| Input::Server {
                text: text.clone(),
                source,
            })),
            Row::Data { lines, .. } => inputs.push(Input::Message {
                lines: *lines,
                source,
            }),
            Row::Tls => inputs.push(Input::TlsStarted),
            Row::Note(_) => {}
        }
    }
    inputs
}

/// What the dialog shows.
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The dialog.
#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let lang = use_lang();
    let sent = &props.sent;
    let rows = &sent.rows;
    let ladder = diagram::ladder_view(
        &ladder_inputs(rows),
        diagram::OnArrow::Open(AttrValue::Static("compose-dialog")),
        "compose",
        lang,
    );
    let items = rows.iter().enumerate().map(|(key, row)| match row {
        Row::Client(line) => html! {
            <div key={key} class="line client" data-testid="compose-client-line">
                <span class="prefix">{ "C: " }</span><span class="text">{ line.clone() }</span>
            </div>
        },
        Row::Reply {
            lines,
            why,
            end_of_data,
        } => html! {
            <DialogReply key={key} id={key} lines={lines.clone()} why={why.clone()}
                end_of_data={*end_of_data} />
        },
        Row::Data { octets, lines } => html! {
            <div key={key} class="line client data" data-testid="compose-data-line">
                <span class="prefix">{ "C: " }</span>
                <span class="text">
                    { tx::DATA_LINE.get(lang).fill(&[("n", &octets), ("lines", &lines)]) }
                </span>
            </div>
        },
        Row::Tls => html! {
            <div key={key} class="line marker tls" data-testid="compose-tls-line">
                <span>{ tx::TLS_LINE.get(lang) }</span>
            </div>
        },
        Row::Note(text) => html! {
            <div key={key} class="line client-note" data-testid="compose-note">
                <em>{ tx::CLIENT_NOTE.get(lang) }{ text.get(lang).to_string() }</em>
            </div>
        },
    });
    html! {
        <section class="panel compose-dialog" aria-labelledby="compose-dialog-heading">
            <h3 id="compose-dialog-heading">{ tx::DIALOG.get(lang) }</h3>
            <p class="hint">{ tx::DIALOG_HINT.get(lang) }</p>
            <div class="transcript compose-transcript" role="log" tabindex="0"
                aria-labelledby="compose-dialog-heading" data-testid="compose-dialog">
                { for items }
            </div>
            { ladder }
        </section>
    }
}
