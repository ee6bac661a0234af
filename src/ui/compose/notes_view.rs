//! The composer's notes: every header and part of the message as written, with the rules
//! (and their RFC sections) that made it so — the engine's own explanations.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::compose_job::SentView;
use crate::ui::state::use_lang;

/// The send whose notes to show.
#[derive(Properties, PartialEq)]
pub struct NotesViewProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The notes.
#[function_component(NotesView)]
pub fn notes_view(props: &NotesViewProps) -> Html {
    let lang = use_lang();
    let notes = props.sent.notes.iter().map(|note| {
        let rules = note.rules.iter().map(|(rule, source)| {
            html! {
                <li>{ rule.get(lang).to_string() }{ " " }<span class="source-ref">{ "(" }{ source.clone() }{ ")" }</span></li>
            }
        });
        html! {
            <li class="compose-note" data-testid="compose-note-item">
                <h4>{ note.label.get(lang).to_string() }</h4>
                if !note.wire.is_empty() {
                    <pre class="value">{ note.wire.clone() }</pre>
                }
                <ul class="rules">{ for rules }</ul>
            </li>
        }
    });
    html! {
        <section class="panel compose-notes" aria-labelledby="compose-notes-heading"
            data-testid="compose-notes">
            <h3 id="compose-notes-heading">{ tx::NOTES.get(lang) }</h3>
            <ol class="notes-list">{ for notes }</ol>
        </section>
    }
}
