//! The exact octets DATA sends after its 354 (the engine's `data_section`: the composed
//! message dot-stuffed, then the lone dot), one row per line: its length in octets, its text
//! (controls and non-UTF-8 octets escaped) and ␍␊ for CRLF. Multipart boundaries, lines
//! that got an extra dot, and the final dot are marked.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::compose_job::{SentView, WireKind, MAX_WIRE_LINES};
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The send whose bytes to show.
#[derive(Properties, PartialEq)]
pub struct WireViewProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The wire view.
#[function_component(WireView)]
pub fn wire_view(props: &WireViewProps) -> Html {
    let lang = use_lang();
    let wire = &props.sent.wire;
    let sent = wire.sent;
    let total = wire.total;
    let rows = wire.rows.iter().map(|row| {
        let (class, testid) = match row.kind {
            WireKind::End => ("end", "compose-wire-end"),
            WireKind::Boundary => ("boundary", "compose-wire-boundary"),
            WireKind::Stuffed => ("stuffed", "compose-wire-stuffed"),
            WireKind::Line => ("", "compose-wire-line"),
        };
        html! {
            <tr class={classes!("wire-row", (!class.is_empty()).then_some(class))} data-testid={testid}>
                <td class="wire-len">{ row.len }</td>
                <td class="wire-text"><code>{ row.text.clone() }<span class="crlf">{ row.ending.clone() }</span></code></td>
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
            if total > MAX_WIRE_LINES {
                <p class="hint" data-testid="compose-wire-more">
                    { tx::WIRE_MORE.get(lang).fill(&[("n", &(total - MAX_WIRE_LINES)), ("bytes", &wire.octets)]) }
                </p>
            }
        </section>
    }
}
