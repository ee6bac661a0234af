//! A password input: hidden by default, with a Show/Hide toggle. What is typed is handed to
//! `on_input` and kept in memory by the caller; nothing stores it.

use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::ui::state::use_lang;

/// The input's id, value and what to do with a change.
#[derive(Properties, PartialEq)]
pub struct PasswordInputProps {
    /// The element id (the label's `for`).
    pub id: AttrValue,
    /// The `data-testid`; the toggle gets `<testid>-toggle`.
    pub testid: AttrValue,
    /// The text typed so far.
    pub value: AttrValue,
    /// The text changed.
    pub on_input: Callback<String>,
}

/// `type=password` with a toggle that shows the text.
#[function_component(PasswordInput)]
pub fn password_input(props: &PasswordInputProps) -> Html {
    let lang = use_lang();
    let shown = use_state(|| false);
    let on_input = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };
    let on_toggle = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    let kind = if *shown { "text" } else { "password" };
    html! {
        <div class="input-row password">
            <input id={props.id.clone()} type={kind} autocomplete="off" autocapitalize="off"
                spellcheck="false" data-testid={props.testid.clone()}
                value={props.value.clone()} oninput={on_input} />
            <button type="button" class="button" aria-pressed={shown.to_string()}
                aria-controls={props.id.clone()} data-testid={format!("{}-toggle", props.testid)}
                onclick={on_toggle}>
                { t(lang, if *shown { Msg::PasswordHide } else { Msg::PasswordShow }) }
            </button>
        </div>
    }
}
