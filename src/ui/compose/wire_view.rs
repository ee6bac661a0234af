//! The exact octets DATA sends after its 354 (the engine's [`data_section`]: the composed
//! message dot-stuffed, then the lone dot), one row per line: its length in octets, its text
//! (controls and non-UTF-8 octets escaped) and ␍␊ for CRLF. Multipart boundaries, lines
//! that got an extra dot, and the final dot are marked.

use std::rc::Rc;

use yew::prelude::*;

use super::session::Sent;
use super::texts as tx;
use crate::mime::compose::Rule;
use crate::mime::data_section;
use crate::sasl::trace::visible;
use crate::smtp::client::Entry;
use crate::ui::state::use_lang;

/// The most lines drawn (a base64 attachment has thousands).
const MAX_LINES: usize = 1500;

/// The send whose bytes to show.
#[derive(Properties, PartialEq)]
pub struct WireViewProps {
    /// The send.
    pub sent: Rc<Sent>,
}

/// The wire view.
#[function_component(WireView)]
pub fn wire_view(props: &WireViewProps) -> Html {
    let lang = use_lang();
    let composed = &props.sent.composed;
    let wire = use_memo(props.sent.clone(), |sent| {
        data_section(&sent.composed.bytes)
    });
    let boundaries: Vec<String> = composed
        .notes
        .iter()
        .flat_map(|note| note.rules.iter())
        .filter_map(|rule| match rule {
            Rule::Multipart { boundary, .. } => Some(format!("--{boundary}")),
            _ => None,
        })
        .collect();
    let sent = props
        .sent
        .outcome
        .transcript
        .iter()
        .any(|e| matches!(e, Entry::Data { .. }));
    let lines: Vec<&[u8]> = wire.split_inclusive(|b| *b == b'\n').collect();
    let total = lines.len();
    let rows = lines.iter().take(MAX_LINES).enumerate().map(|(i, line)| {
        let (body, ending) = match line.strip_suffix(b"\r\n") {
            Some(body) => (body, "␍␊"),
            None => match line.strip_suffix(b"\n") {
                Some(body) => (body, "␊"),
                None => (*line, ""),
            },
        };
        let is_end = i + 1 == total && body == b".";
        let is_boundary = boundaries.iter().any(|b| {
            body.strip_prefix(b.as_bytes())
                .is_some_and(|rest| rest.is_empty() || rest == b"--")
        });
        let stuffed = !is_end && body.starts_with(b".");
        let (class, testid) = if is_end {
            ("end", "compose-wire-end")
        } else if is_boundary {
            ("boundary", "compose-wire-boundary")
        } else if stuffed {
            ("stuffed", "compose-wire-stuffed")
        } else {
            ("", "compose-wire-line")
        };
        html! {
            <tr class={classes!("wire-row", (!class.is_empty()).then_some(class))} data-testid={testid}>
                <td class="wire-len">{ body.len() }</td>
                <td class="wire-text"><code>{ visible(body) }<span class="crlf">{ ending }</span></code></td>
            </tr>
        }
    });
    html! {
        <section class="panel compose-wire" aria-labelledby="compose-wire-heading"
            data-testid="compose-wire">
            <h3 id="compose-wire-heading">{ tx::WIRE.get(lang) }</h3>
            <p class="hint">{ tx::WIRE_HINT.get(lang) }</p>
            if !sent {
                <p class="hint warn" data-testid="compose-wire-not-sent">{ tx::WIRE_NOT_SENT.get(lang) }</p>
            }
            <p class="legend">
                <span class="wire-key boundary">{ tx::WIRE_BOUNDARY.get(lang) }</span>
                <span class="wire-key stuffed">{ tx::WIRE_STUFFED.get(lang) }</span>
                <span class="wire-key end">{ tx::WIRE_END.get(lang) }</span>
            </p>
            <div class="wire-scroll" tabindex="0" aria-labelledby="compose-wire-heading">
                <table class="wire-table">
                    <thead><tr>
                        <th scope="col">{ tx::WIRE_OCTETS.get(lang) }</th>
                        <th scope="col"><span class="visually-hidden">{ tx::WIRE.get(lang) }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if total > MAX_LINES {
                <p class="hint" data-testid="compose-wire-more">
                    { tx::WIRE_MORE.get(lang).replace("{n}", &(total - MAX_LINES).to_string())
                        .replace("{bytes}", &wire.len().to_string()) }
                </p>
            }
        </section>
    }
}
