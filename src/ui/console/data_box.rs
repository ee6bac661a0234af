//! The text area for DATA (and BDAT chunks): the text is sent line by line, each with
//! CRLF, on Ctrl+Enter or the Send button. Dot-stuffing is the learner's job; lines that
//! start with a dot get a hint saying what the server will make of them.

use yew::prelude::*;

use crate::i18n::{t, Fill, Msg};
use crate::ui::state::use_lang;

/// The text area's value and what to do with it.
#[derive(Properties, PartialEq)]
pub struct DataBoxProps {
    /// The text typed so far.
    pub value: AttrValue,
    /// Whether the server reads a BDAT chunk (octets, no dot rules) rather than DATA.
    pub chunk: bool,
    /// The text area, for focus.
    pub input_ref: NodeRef,
    /// The text changed.
    pub on_input: Callback<String>,
    /// Send this text.
    pub on_send: Callback<String>,
}

/// The lines a text is sent as: split at line ends; one final line end ends the last
/// line rather than adding an empty one.
pub fn lines_of(text: &str) -> Vec<String> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line).to_string())
        .collect()
}

/// The message text area.
#[function_component(DataBox)]
pub fn data_box(props: &DataBoxProps) -> Html {
    let lang = use_lang();
    let on_input = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            on_input.emit(area.value());
        })
    };
    let on_keydown = {
        let on_send = props.on_send.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                on_send.emit(area.value());
            }
        })
    };
    let on_click = {
        let on_send = props.on_send.clone();
        let value = props.value.clone();
        Callback::from(move |_: MouseEvent| on_send.emit(value.to_string()))
    };
    let dotted: Vec<Html> = if props.chunk {
        Vec::new()
    } else {
        lines_of(&props.value)
            .iter()
            .enumerate()
            .filter(|(_, line)| line.starts_with('.') && line.as_str() != ".")
            .take(5)
            .map(|(i, line)| {
                let arrives: String = crate::i18n::cut::chars(&line[1..], 60).to_string();
                let text =
                    t(lang, Msg::ConsoleDotHint).fill(&[("n", &(i + 1)), ("line", &arrives)]);
                html! { <li>{ text }</li> }
            })
            .collect()
    };
    let (label, hint) = if props.chunk {
        (Msg::ConsoleChunkLabel, Msg::ConsoleChunkHint)
    } else {
        (Msg::ConsoleDataLabel, Msg::ConsoleDataHint)
    };
    html! {
        <div class="console-input">
            <label for="console-data" class="label">{ t(lang, label) }</label>
            <textarea id="console-data" class="data" rows="8" ref={props.input_ref.clone()}
                autocomplete="off" autocapitalize="off" spellcheck="false"
                aria-describedby="console-data-hint" data-testid="console-data"
                value={props.value.clone()} oninput={on_input} onkeydown={on_keydown} />
            <div class="input-row end">
                <p id="console-data-hint" class="hint" data-testid="console-data-hint">{ t(lang, hint) }</p>
                <button type="button" class="button" data-testid="console-send" onclick={on_click}>
                    { t(lang, Msg::ConsoleSendLines) }
                </button>
            </div>
            if !dotted.is_empty() {
                <ul class="dot-hints" role="status" data-testid="console-dot-hint">{ for dotted }</ul>
            }
        </div>
    }
}
