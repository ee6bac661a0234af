//! The transcript: `C:` lines, `S:` replies (each expandable to why it was sent) and
//! markers, oldest first; it scrolls to the newest entry as they arrive.

use yew::prelude::*;

use super::client_line::ClientLine;
use super::marker_line::MarkerLine;
use super::server_reply::ServerReply;
use super::state::use_console;
use crate::i18n::{t, Lang, Msg};
use crate::live::{self, Entry};
use crate::ui::state::use_lang;

/// The element id of the transcript (the copy button selects it when there is no clipboard).
pub const TRANSCRIPT_ID: &str = "console-transcript";

/// The session so far.
#[function_component(Transcript)]
pub fn transcript() -> Html {
    let lang = use_lang();
    let console = use_console();
    let node = use_node_ref();
    let newest = console.as_ref().and_then(|c| c.live.read().log.newest());
    {
        let node = node.clone();
        use_effect_with(newest, move |_| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }
    let Some(console) = console else {
        return Html::default();
    };
    let rows = rows(&console.live.read().log, console.show_crlf, lang);
    html! {
        <div id={TRANSCRIPT_ID} class="transcript" role="log" tabindex="0" ref={node}
            aria-label={t(lang, Msg::ConsoleTranscript)} data-testid="console-transcript">
            { rows }
        </div>
    }
}

/// The rows of a transcript, each keyed by its entry's id: the console's and the learn
/// pages' transcripts show the same entries the same way.
pub fn rows(log: &live::Transcript, show_crlf: bool, lang: Lang) -> Html {
    log.items
        .iter()
        .map(|item| {
            let id = item.id;
            match &item.entry {
                Entry::Client(line) => {
                    html! { <ClientLine key={id} line={line.clone()} {show_crlf} /> }
                }
                Entry::Server(reply) => {
                    html! { <ServerReply key={id} {id} reply={reply.clone()} {show_crlf} /> }
                }
                Entry::Marker(marker) => {
                    html! { <MarkerLine key={id} marker={marker.clone()} /> }
                }
                Entry::Note(note) => html! {
                    <div key={id} class="line marker note-line" data-testid="learn-note">
                        <span>{ note.get(lang) }</span>
                    </div>
                },
            }
        })
        .collect()
}
