//! The single-line input: Enter sends the line (with CRLF), ↑/↓ walk the history, Tab
//! completes the command verb (and only then stays in the field, so Tab still moves on).
//! Pasting several lines sends each line the paste completes, in order, as a terminal does
//! ([`pasted_lines`]); a browser's one-line input would join them into one command.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::live::{pasted_lines, History};
use crate::smtp::command::VERBS;
use crate::ui::state::use_lang;

/// The input's value, history and what to do with them.
#[derive(Properties, PartialEq)]
pub struct CommandLineProps {
    /// The text typed so far.
    pub value: AttrValue,
    /// Earlier commands, oldest first.
    pub history: History,
    /// Whether the connection is closed (nothing can be sent).
    pub disabled: bool,
    /// The input element, for focus.
    pub input_ref: NodeRef,
    /// The text changed.
    pub on_input: Callback<String>,
    /// Send this line.
    pub on_send: Callback<String>,
}

/// Where ↑/↓ and Tab are, between key presses.
#[derive(Default)]
struct Recall {
    /// The history entry shown, if any.
    cursor: Option<usize>,
    /// What was typed before ↑ was first pressed.
    draft: String,
    /// The prefix Tab is cycling through.
    prefix: Option<String>,
}

/// The verb Tab turns `word` into: the first verb it begins, or, when it already is one
/// of several matching the prefix being cycled, the next of them. `None` when there is
/// nothing to complete (Tab then moves focus as usual).
pub fn complete_verb(word: &str, prefix: Option<&str>) -> Option<(&'static str, String)> {
    if word.is_empty() || word.contains(char::is_whitespace) {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    let prefix = prefix
        .filter(|p| upper.starts_with(*p) && VERBS.contains(&upper.as_str()))
        .map_or_else(|| upper.clone(), str::to_string);
    let candidates: Vec<&'static str> = VERBS
        .iter()
        .copied()
        .filter(|v| v.starts_with(prefix.as_str()))
        .collect();
    match candidates.iter().position(|v| *v == upper) {
        Some(_) if candidates.len() == 1 => None,
        Some(i) => Some((candidates[(i + 1) % candidates.len()], prefix)),
        None => candidates.first().map(|v| (*v, prefix)),
    }
}

/// The command input.
#[function_component(CommandLine)]
pub fn command_line(props: &CommandLineProps) -> Html {
    let lang = use_lang();
    let recall = use_mut_ref(Recall::default);

    let on_input = {
        let on_input = props.on_input.clone();
        let recall = recall.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut recall = recall.borrow_mut();
            recall.prefix = None;
            recall.cursor = None;
            on_input.emit(input.value());
        })
    };
    let on_keydown = {
        let on_input = props.on_input.clone();
        let on_send = props.on_send.clone();
        let history = props.history.clone();
        let recall: Rc<RefCell<Recall>> = recall.clone();
        Callback::from(move |e: KeyboardEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.value();
            let mut recall = recall.borrow_mut();
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    *recall = Recall::default();
                    on_send.emit(value);
                }
                "ArrowUp" if !history.lines().is_empty() => {
                    e.prevent_default();
                    let index = match recall.cursor {
                        Some(i) => i.saturating_sub(1),
                        None => {
                            recall.draft = value;
                            history.lines().len() - 1
                        }
                    };
                    recall.cursor = Some(index);
                    if let Some(line) = history.lines().get(index) {
                        on_input.emit(line.clone());
                    }
                }
                "ArrowDown" => {
                    if let Some(i) = recall.cursor {
                        e.prevent_default();
                        match history.lines().get(i + 1) {
                            Some(line) => {
                                recall.cursor = Some(i + 1);
                                on_input.emit(line.clone());
                            }
                            None => {
                                recall.cursor = None;
                                on_input.emit(std::mem::take(&mut recall.draft));
                            }
                        }
                    }
                }
                "Tab" if !e.shift_key() && !e.ctrl_key() && !e.alt_key() && !e.meta_key() => {
                    if let Some((verb, prefix)) = complete_verb(&value, recall.prefix.as_deref()) {
                        e.prevent_default();
                        recall.prefix = Some(prefix);
                        on_input.emit(verb.to_string());
                    }
                }
                _ => {}
            }
        })
    };
    let on_paste = {
        let on_input = props.on_input.clone();
        let on_send = props.on_send.clone();
        let recall = recall.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let Some(pasted) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
                .and_then(|data| data.get_data("text/plain").ok())
            else {
                return;
            };
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            // The selection's offsets count UTF-16 units, as JavaScript strings do.
            let value = js_sys::JsString::from(input.value());
            let end_of = |at: Result<Option<u32>, _>| at.ok().flatten().unwrap_or(value.length());
            let (start, end) = (
                end_of(input.selection_start()),
                end_of(input.selection_end()),
            );
            let before = String::from(value.substring(0, start));
            let after = String::from(value.substring(end, value.length()));
            let Some((lines, rest)) = pasted_lines(&before, &pasted, &after) else {
                return;
            };
            e.prevent_default();
            *recall.borrow_mut() = Recall::default();
            for line in lines {
                on_send.emit(line);
            }
            on_input.emit(rest);
        })
    };
    let on_click_send = {
        let on_send = props.on_send.clone();
        let value = props.value.clone();
        let recall = recall.clone();
        Callback::from(move |_: MouseEvent| {
            *recall.borrow_mut() = Recall::default();
            on_send.emit(value.to_string());
        })
    };

    html! {
        <div class="console-input">
            <label for="console-command" class="label">{ t(lang, Msg::ConsoleCommandLabel) }</label>
            <div class="input-row">
                <span class="prompt" aria-hidden="true">{ "C:" }</span>
                <input id="console-command" type="text" class="command" ref={props.input_ref.clone()}
                    autocomplete="off" autocapitalize="off" spellcheck="false"
                    aria-describedby="console-command-hint" disabled={props.disabled}
                    placeholder="EHLO learner.example" data-testid="console-input" data-enter-sends=""
                    value={props.value.clone()} oninput={on_input} onkeydown={on_keydown} onpaste={on_paste} />
                <button type="button" class="button" disabled={props.disabled}
                    data-testid="console-send" data-sends="console-input" onclick={on_click_send}>
                    { t(lang, Msg::ConsoleSend) }
                </button>
            </div>
            <p id="console-command-hint" class="hint">{ t(lang, Msg::ConsoleCommandHint) }</p>
        </div>
    }
}
