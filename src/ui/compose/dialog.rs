//! The dialog of a send: both sides in order — `C:` commands, `S:` replies (click one to
//! see why the server sent it), the message octets, the simulated TLS handshake — with the
//! client's reasoning between them.

use std::rc::Rc;

use yew::prelude::*;

use super::dialog_reply::DialogReply;
use super::session::Sent;
use super::texts as tx;
use crate::diagram::ladder::Input;
use crate::smtp::client::Entry;
use crate::smtp::reply::Reply;
use crate::ui::diagram;
use crate::ui::state::use_lang;

/// A row of the dialog.
enum Row {
    Client(String),
    Reply {
        lines: Vec<String>,
        reply: Option<Rc<Reply>>,
        end_of_data: bool,
    },
    Data {
        octets: usize,
        lines: usize,
    },
    Tls,
    Note(usize),
}

/// The transcript's `Got:` lines grouped into replies, each paired with the server's own
/// [`Reply`] (the n-th reply read is the n-th the server sent; checked line by line).
fn rows(sent: &Sent) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut group: Vec<String> = Vec::new();
    let mut replies = sent.replies.iter();
    let mut after_data = false;
    for (i, entry) in sent.outcome.transcript.iter().enumerate() {
        match entry {
            Entry::Got(line) => {
                group.push(line.clone());
                if line.as_bytes().get(3) != Some(&b'-') {
                    let lines = std::mem::take(&mut group);
                    let reply = replies.next().filter(|r| r.wire_lines() == lines).cloned();
                    rows.push(Row::Reply {
                        lines,
                        reply,
                        end_of_data: std::mem::take(&mut after_data),
                    });
                }
            }
            Entry::Sent(line) => rows.push(Row::Client(line.clone())),
            Entry::Data { octets, lines } => {
                after_data = true;
                rows.push(Row::Data {
                    octets: *octets,
                    lines: *lines,
                });
            }
            Entry::Tls => rows.push(Row::Tls),
            Entry::Note(_) => rows.push(Row::Note(i)),
        }
    }
    if !group.is_empty() {
        rows.push(Row::Reply {
            lines: group,
            reply: None,
            end_of_data: after_data,
        });
    }
    rows
}

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
    pub sent: Rc<Sent>,
}

/// The dialog.
#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let lang = use_lang();
    let sent = &props.sent;
    let rows = rows(sent);
    let ladder = diagram::ladder_view(
        &ladder_inputs(&rows),
        diagram::OnArrow::Open(AttrValue::Static("compose-dialog")),
        "compose",
        lang,
    );
    let items = rows.into_iter().enumerate().map(|(key, row)| match row {
        Row::Client(line) => html! {
            <div key={key} class="line client" data-testid="compose-client-line">
                <span class="prefix">{ "C: " }</span><span class="text">{ line }</span>
            </div>
        },
        Row::Reply {
            lines,
            reply,
            end_of_data,
        } => html! {
            <DialogReply key={key} id={key} {lines} {reply} {end_of_data} />
        },
        Row::Data { octets, lines } => html! {
            <div key={key} class="line client data" data-testid="compose-data-line">
                <span class="prefix">{ "C: " }</span>
                <span class="text">
                    { tx::DATA_LINE.get(lang).replace("{n}", &octets.to_string())
                        .replace("{lines}", &lines.to_string()) }
                </span>
            </div>
        },
        Row::Tls => html! {
            <div key={key} class="line marker tls" data-testid="compose-tls-line">
                <span>{ tx::TLS_LINE.get(lang) }</span>
            </div>
        },
        Row::Note(i) => {
            let text = match sent.outcome.transcript.get(i) {
                Some(Entry::Note(note)) => note.explain(lang),
                _ => String::new(),
            };
            html! {
                <div key={key} class="line client-note" data-testid="compose-note">
                    <em>{ tx::CLIENT_NOTE.get(lang) }{ text }</em>
                </div>
            }
        }
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
