//! The current step's input: a command line sent to the lesson's server (Enter checks),
//! the message lines of a DATA step (Ctrl+Enter checks), or a value computed by hand
//! (Enter checks). What is typed stays in the input until checked; a line, once sent, is
//! cleared (the server has it).

use yew::prelude::*;

use super::state::{use_lessons, LessonAction};
use super::texts;
use crate::ui::console::data_box::lines_of;
use crate::ui::console::state::browser_now;
use crate::ui::state::use_lang;

/// What kind of input a step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// One line to the server.
    Line,
    /// Message lines in DATA.
    Message,
    /// A value.
    Value,
}

/// The lesson and the kind of input.
#[derive(Properties, PartialEq)]
pub struct StepInputProps {
    /// The lesson's id.
    pub id: &'static str,
    /// The kind.
    pub kind: InputKind,
    /// Whether nothing can be sent (the connection is closed).
    #[prop_or_default]
    pub disabled: bool,
}

/// The input and its Check button.
#[function_component(StepInput)]
pub fn step_input(props: &StepInputProps) -> Html {
    let lang = use_lang();
    let state = use_lessons();
    let draft = use_state(String::new);
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            // A new step's input takes the focus the old one had (not from elsewhere).
            let idle = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if idle {
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = element.focus_with_options(&options);
                }
            }
        });
    }
    let (id, kind) = (props.id, props.kind);
    let check = {
        let draft = draft.clone();
        Callback::from(move |text: String| {
            let Some(state) = &state else {
                return;
            };
            match kind {
                InputKind::Line => {
                    state.dispatch(LessonAction::Send {
                        id,
                        lines: vec![text],
                        now: browser_now(),
                    });
                    draft.set(String::new());
                }
                InputKind::Message => {
                    state.dispatch(LessonAction::Send {
                        id,
                        lines: lines_of(&text),
                        now: browser_now(),
                    });
                    draft.set(String::new());
                }
                InputKind::Value => {
                    state.dispatch(LessonAction::Value { id, value: text });
                }
            }
        })
    };
    let on_click = {
        let (check, draft) = (check.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| check.emit((*draft).clone()))
    };
    let (label, hint) = match kind {
        InputKind::Line => (texts::LINE_LABEL, texts::ENTER_CHECKS),
        InputKind::Message => (texts::MESSAGE_LABEL, texts::CTRL_ENTER_CHECKS),
        InputKind::Value => (texts::VALUE_LABEL, texts::ENTER_CHECKS_VALUE),
    };
    let field = if kind == InputKind::Message {
        let on_input = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                draft.set(area.value());
            })
        };
        let on_keydown = {
            let check = check.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                    e.prevent_default();
                    let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                    check.emit(area.value());
                }
            })
        };
        html! {
            <textarea id="lesson-input" class="data" rows="8" ref={node} autocomplete="off"
                autocapitalize="off" spellcheck="false" aria-describedby="lesson-input-hint"
                disabled={props.disabled} data-testid="lesson-message" value={(*draft).clone()}
                oninput={on_input} onkeydown={on_keydown} />
        }
    } else {
        let on_input = {
            let draft = draft.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                draft.set(input.value());
            })
        };
        let on_keydown = {
            let check = check.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" {
                    e.prevent_default();
                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                    check.emit(input.value());
                }
            })
        };
        let testid = if kind == InputKind::Line {
            "lesson-input"
        } else {
            "lesson-value"
        };
        html! {
            <input id="lesson-input" type="text" class="command" ref={node} autocomplete="off"
                autocapitalize="off" spellcheck="false" aria-describedby="lesson-input-hint"
                disabled={props.disabled} data-testid={testid} value={(*draft).clone()}
                oninput={on_input} onkeydown={on_keydown} />
        }
    };
    html! {
        <div class="step-input">
            <label for="lesson-input" class="label">{ label.get(lang) }</label>
            <div class={classes!("input-row", (kind == InputKind::Message).then_some("stack"))}>
                if kind == InputKind::Line { <span class="prompt" aria-hidden="true">{ "C:" }</span> }
                { field }
                <button type="button" class="button primary" disabled={props.disabled}
                    data-testid="lesson-check" onclick={on_click}>
                    { texts::CHECK.get(lang) }
                </button>
            </div>
            <p id="lesson-input-hint" class="hint">{ hint.get(lang) }</p>
        </div>
    }
}
