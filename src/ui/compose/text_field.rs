//! One labelled text input (or text area) of the compose form, bound to a [`Field`] of the
//! compose state. Ctrl+Enter sends.

use yew::prelude::*;

use super::send::send_now;
use super::state::{use_compose, ComposeAction, Field};
use crate::i18n::Tr;
use crate::ui::mailbox::state::use_mail;
use crate::ui::msgauth::state::use_msgauth;
use crate::ui::state::use_lang;

/// Which field, how it is labelled, and how it is drawn.
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The state's field.
    pub field: Field,
    /// The element id (the label's `for`).
    pub id: AttrValue,
    /// The `data-testid`.
    pub testid: AttrValue,
    /// The label.
    pub label: Tr,
    /// A hint under the input.
    #[prop_or_default]
    pub hint: Option<Tr>,
    /// Rows: a text area when set.
    #[prop_or_default]
    pub rows: Option<u32>,
    /// Monospace text (bodies, HTML).
    #[prop_or_default]
    pub mono: bool,
    /// Whether the value is invalid (`aria-invalid`).
    #[prop_or_default]
    pub invalid: bool,
    /// `inputmode` (e.g. `numeric`).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
}

/// A label, the input, and its hint.
#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let mail = use_mail();
    let msgauth = use_msgauth();
    let Some(compose) = compose else {
        return Html::default();
    };
    let field = props.field;
    let value = compose.field(field).to_string();
    let on_input = {
        let compose = compose.clone();
        Callback::from(move |e: InputEvent| {
            let text = if let Some(area) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                area.value()
            } else {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                input.value()
            };
            compose.dispatch(ComposeAction::Set(field, text));
        })
    };
    let on_keydown = {
        let compose = compose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                send_now(&compose, mail.as_ref(), msgauth.as_ref());
            }
        })
    };
    let hint_id = format!("{}-hint", props.id);
    let described = props.hint.map(|_| AttrValue::from(hint_id.clone()));
    let class = classes!(props.mono.then_some("mono"));
    html! {
        <div class="form-field compose-field">
            <label for={props.id.clone()} class="label">{ props.label.get(lang) }</label>
            if let Some(rows) = props.rows {
                <textarea id={props.id.clone()} {class} rows={rows.to_string()} spellcheck="false"
                    data-testid={props.testid.clone()} aria-describedby={described}
                    aria-invalid={props.invalid.to_string()}
                    value={value} oninput={on_input} onkeydown={on_keydown} />
            } else {
                <input id={props.id.clone()} type="text" {class} autocomplete="off" spellcheck="false"
                    inputmode={props.inputmode.clone()}
                    data-testid={props.testid.clone()} aria-describedby={described}
                    aria-invalid={props.invalid.to_string()}
                    value={value} oninput={on_input} onkeydown={on_keydown} />
            }
            if let Some(hint) = props.hint {
                <p class="hint" id={hint_id}>{ hint.get(lang) }</p>
            }
        </div>
    }
}
