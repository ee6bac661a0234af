//! One input of the auth form: a line, a text area for pasted challenges, or a password.
//!
//! A view function rather than a component: it has no state of its own (the password's
//! Show/Hide is [`PasswordInput`]'s), and every component type adds its share of Yew's
//! machinery to the page's download.

use yew::prelude::*;

use super::mechanism::{Field, Kind};
use crate::i18n::{t, Lang};
use crate::ui::password_input::PasswordInput;

/// A labelled input; a change emits `(field, value)` to `on_input`.
pub fn auth_field(
    field: Field,
    value: &str,
    on_input: &Callback<(Field, String)>,
    lang: Lang,
) -> Html {
    let id = format!("auth-input-{}", field.slug());
    let value = AttrValue::from(value.to_string());
    let control = match field.kind() {
        Kind::Secret => html! {
            <PasswordInput id={id.clone()} testid={id.clone()} {value}
                on_input={on_input.reform(move |text: String| (field, text))} />
        },
        Kind::Area => {
            let oninput = on_input.reform(move |e: InputEvent| {
                let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                (field, area.value())
            });
            html! {
                <textarea id={id.clone()} rows="3" autocomplete="off" autocapitalize="off"
                    spellcheck="false" data-testid={id.clone()} {value} {oninput} />
            }
        }
        Kind::Line => {
            let oninput = on_input.reform(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                (field, input.value())
            });
            html! {
                <input id={id.clone()} type="text" autocomplete="off" autocapitalize="off"
                    spellcheck="false" data-testid={id.clone()} {value} {oninput} />
            }
        }
    };
    html! {
        <div class="form-field" key={field.slug()}>
            <label for={id} class="label">{ t(lang, field.label()) }</label>
            { control }
        </div>
    }
}
