//! The exact octets DATA sends after its 354 (the engine's `data_section`: the composed
//! message dot-stuffed, then the lone dot), one row per line: its length in octets, its text
//! (controls and non-UTF-8 octets escaped) and ␍␊ for CRLF. Multipart boundaries, lines
//! that got an extra dot, and the final dot are marked.
//!
//! A large message shows its first [`MAX_WIRE_LINES`] lines: they are added in parts
//! ([`use_in_parts`]) and grouped in chunks the browser lays out only near the viewport
//! (`.wire-chunk` in compose.css). As one table of 1 500 rows, the result of a 10 MB send
//! was one render task and then a layout of 274 ms that froze the page (issue 13).

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::compose_job::{SentView, WireKind, MAX_WIRE_LINES};
use crate::i18n::Fill;
use crate::ui::in_parts::use_in_parts;
use crate::ui::state::use_lang;

/// Rows per chunk: about 1 700 px of rows, a few screens of the view's box.
const CHUNK: usize = 100;

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
    // A new send starts its parts over.
    let generation = use_mut_ref(|| (Rc::clone(&props.sent), 0u64));
    let key = {
        let mut generation = generation.borrow_mut();
        if !Rc::ptr_eq(&generation.0, &props.sent) {
            *generation = (Rc::clone(&props.sent), generation.1 + 1);
        }
        generation.1
    };
    let wire = &props.sent.wire;
    let sent = wire.sent;
    let total = wire.total;
    // Each chunk is drawn again only when its own rows change, so a part costs the rows it
    // adds.
    let shown = use_in_parts(key, wire.rows.len());
    let chunks = (0..shown).step_by(CHUNK).map(|start| {
        let end = (start + CHUNK).min(shown);
        html! { <WireChunk key={start} sent={props.sent.clone()} {start} {end} /> }
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
                <div role="table" class="wire-table" aria-labelledby="compose-wire-heading">
                    // Keyed like the chunks after it: a list with one child unkeyed was drawn
                    // anew, every row of it, each time a part was added.
                    <div role="rowgroup" class="wire-head" key="head">
                        <div role="row" class="wire-row">
                            <span role="columnheader" class="wire-len">{ tx::WIRE_OCTETS.get(lang) }</span>
                            <span role="columnheader" class="wire-text"><span class="visually-hidden">{ tx::WIRE.get(lang) }</span></span>
                        </div>
                    </div>
                    { for chunks }
                </div>
            </div>
            if total > MAX_WIRE_LINES {
                <p class="hint" data-testid="compose-wire-more">
                    { tx::WIRE_MORE.get(lang).fill(&[("n", &(total - MAX_WIRE_LINES)), ("bytes", &wire.octets)]) }
                </p>
            }
        </section>
    }
}

/// Rows `start..end` of a send's wire view.
#[derive(Properties, PartialEq)]
struct WireChunkProps {
    /// The send (compared by its pointer first: a chunk of the same send with the same rows
    /// is not drawn again when a part is added after it).
    sent: Rc<SentView>,
    start: usize,
    end: usize,
}

/// A chunk of rows, laid out by the browser only near the viewport (`.wire-chunk`).
#[function_component(WireChunk)]
fn wire_chunk(props: &WireChunkProps) -> Html {
    let rows = props
        .sent
        .wire
        .rows
        .get(props.start..props.end)
        .unwrap_or_default();
    let rows = rows.iter().enumerate().map(|(offset, row)| {
        let (class, testid) = match row.kind {
            WireKind::End => ("end", "compose-wire-end"),
            WireKind::Boundary => ("boundary", "compose-wire-boundary"),
            WireKind::Stuffed => ("stuffed", "compose-wire-stuffed"),
            WireKind::Line => ("", "compose-wire-line"),
        };
        html! {
            <div role="row" key={props.start + offset} class={classes!("wire-row", (!class.is_empty()).then_some(class))} data-testid={testid}>
                <span role="cell" class="wire-len">{ row.len }</span>
                <span role="cell" class="wire-text"><code>{ row.text.clone() }<span class="crlf">{ row.ending.clone() }</span></code></span>
            </div>
        }
    });
    html! {
        <div role="rowgroup" class="wire-chunk">{ for rows }</div>
    }
}
