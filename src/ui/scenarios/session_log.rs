//! A session's transcript, with the console's own rows: `C:` lines (AUTH's base64 decoded),
//! replies that expand to why the server sent them (with a link to the reference), and
//! markers. It scrolls to the newest entry as entries arrive.

use yew::prelude::*;

use super::session::{Log, LogEntry};
use crate::ui::console::client_line::ClientLine;
use crate::ui::console::marker_line::MarkerLine;
use crate::ui::console::server_reply::ServerReply;
use crate::ui::console::state::Entry;
use crate::ui::diagram;
use crate::ui::state::use_lang;

/// The transcript to show.
#[derive(Properties, PartialEq)]
pub struct SessionLogProps {
    /// The entries.
    pub log: Log,
    /// The `data-testid` of the transcript.
    pub testid: AttrValue,
    /// Its accessible name.
    pub label: AttrValue,
}

/// The transcript (`role="log"`).
#[function_component(SessionLog)]
pub fn session_log(props: &SessionLogProps) -> Html {
    let lang = use_lang();
    let node = use_node_ref();
    let newest = props.log.items.last().map(|i| i.id);
    {
        let node = node.clone();
        use_effect_with(newest, move |_| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }
    let rows = props.log.items.iter().map(|item| {
        let id = item.id;
        match &item.entry {
            LogEntry::Console(Entry::Client(line)) => {
                html! { <ClientLine key={id} line={line.clone()} show_crlf={false} /> }
            }
            LogEntry::Console(Entry::Server(reply)) => {
                html! { <ServerReply key={id} {id} reply={reply.clone()} show_crlf={false} /> }
            }
            LogEntry::Console(Entry::Marker(marker)) => {
                html! { <MarkerLine key={id} marker={marker.clone()} /> }
            }
            LogEntry::Note(note) => html! {
                <div key={id} class="line marker note-line" data-testid="learn-note">
                    <span>{ note.get(lang) }</span>
                </div>
            },
        }
    });
    let entries = props.log.items.iter().map(|i| match &i.entry {
        LogEntry::Console(entry) => Some(entry),
        LogEntry::Note(_) => None,
    });
    let ladder = diagram::ladder_view(
        &diagram::inputs_of(entries),
        diagram::OnArrow::Open(props.testid.clone()),
        &props.testid,
        lang,
    );
    html! {
        <>
        <div class="transcript learn-transcript" role="log" tabindex="0" ref={node}
            aria-label={props.label.clone()} data-testid={props.testid.clone()}>
            { for rows }
        </div>
        { ladder }
        </>
    }
}
