//! The console's raw mode: the learner writes exactly the bytes to send — a line break in
//! the text area is CRLF, `\n` written out is a bare LF, `\r` a bare CR — and sees them
//! with their line ends (␍␊, ␊) before sending. For the bare-LF half of the long-line
//! scenario, which the line-by-line input (always CRLF) cannot send.

use yew::prelude::*;

use super::state::{use_scenarios, ScenarioAction};
use super::texts;
use crate::lessons::scenarios::{raw_bytes, visible_line_ends};
use crate::ui::console::state::browser_now;
use crate::ui::state::use_lang;

/// Whose session, and whether raw mode is on.
#[derive(Properties, PartialEq)]
pub struct RawSwitchProps {
    /// The scenario's id.
    pub id: &'static str,
    /// Whether raw mode is on.
    pub on: bool,
}

/// The switch.
#[function_component(RawSwitch)]
pub fn raw_switch(props: &RawSwitchProps) -> Html {
    let lang = use_lang();
    let state = use_scenarios();
    let id = props.id;
    let on_change = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(state) = &state {
            state.dispatch(ScenarioAction::Raw {
                id,
                on: input.checked(),
            });
        }
    });
    html! {
        <div class="raw-switch">
            <label class="check switch">
                <input type="checkbox" role="switch" checked={props.on} data-testid="scenario-raw-toggle"
                    aria-describedby="scenario-raw-hint" onchange={on_change} />
                { texts::RAW_SWITCH.get(lang) }
            </label>
            <p id="scenario-raw-hint" class="hint">{ texts::RAW_HINT.get(lang) }</p>
        </div>
    }
}

/// Whose session.
#[derive(Properties, PartialEq)]
pub struct RawInputProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// The raw text area, its preview and Send.
#[function_component(RawInput)]
pub fn raw_input(props: &RawInputProps) -> Html {
    let lang = use_lang();
    let state = use_scenarios();
    let text = use_state(String::new);
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let id = props.id;
    let send = {
        let text = text.clone();
        Callback::from(move |value: String| {
            if value.is_empty() {
                return;
            }
            if let Some(state) = &state {
                state.dispatch(ScenarioAction::SendRaw {
                    id,
                    text: value,
                    now: browser_now(),
                });
            }
            text.set(String::new());
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let on_keydown = {
        let send = send.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                send.emit(area.value());
            }
        })
    };
    let on_click = {
        let (send, text) = (send.clone(), text.clone());
        Callback::from(move |_: MouseEvent| send.emit((*text).clone()))
    };
    let preview = if text.is_empty() {
        String::new()
    } else {
        visible_line_ends(&raw_bytes(&text))
    };
    html! {
        <div class="console-input raw-input">
            <label for="scenario-raw" class="label">{ texts::RAW_LABEL.get(lang) }</label>
            <textarea id="scenario-raw" class="data" rows="6" ref={node} autocomplete="off"
                autocapitalize="off" spellcheck="false" aria-describedby="scenario-raw-hint"
                data-testid="scenario-raw-input" value={(*text).clone()}
                oninput={on_input} onkeydown={on_keydown} />
            <p class="label">{ texts::RAW_PREVIEW.get(lang) }</p>
            <pre class="value raw-preview" data-testid="scenario-raw-preview">{ preview }</pre>
            <div class="input-row end">
                <span></span>
                <button type="button" class="button" data-testid="scenario-raw-send" onclick={on_click}>
                    { texts::RAW_SEND.get(lang) }
                </button>
            </div>
        </div>
    }
}
