//! One input of a compose form, with its label: a text field, a text area, or a password
//! (hidden, with Show/Hide; kept in memory only).

use yew::prelude::*;

use super::state::{use_scenarios, ComposeField, ScenarioAction};
use crate::ui::password_input::PasswordInput;

/// The input's field, label and value.
#[derive(Properties, PartialEq)]
pub struct ComposeInputProps {
    /// The scenario's id.
    pub id: &'static str,
    /// Which input.
    pub field: ComposeField,
    /// The label.
    pub label: AttrValue,
    /// The current value.
    pub value: AttrValue,
    /// A text area rather than a line.
    #[prop_or_default]
    pub multiline: bool,
    /// A note under the input.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// The field's slug, for its element id and `data-testid` (`scenario-compose-<slug>`).
pub fn field_slug(field: ComposeField) -> &'static str {
    match field {
        ComposeField::Host => "host",
        ComposeField::Port => "port",
        ComposeField::User => "user",
        ComposeField::Password => "password",
        ComposeField::From => "from",
        ComposeField::To => "to",
        ComposeField::Cc => "cc",
        ComposeField::Bcc => "bcc",
        ComposeField::Subject => "subject",
        ComposeField::Body => "body",
    }
}

/// A labelled input.
#[function_component(ComposeInput)]
pub fn compose_input(props: &ComposeInputProps) -> Html {
    let state = use_scenarios();
    let (id, field) = (props.id, props.field);
    let emit = Callback::from(move |value: String| {
        if let Some(state) = &state {
            state.dispatch(ScenarioAction::Field { id, field, value });
        }
    });
    let slug = field_slug(field);
    let element_id = format!("scenario-compose-{slug}");
    let hint_id = format!("{element_id}-hint");
    let described = props.hint.as_ref().map(|_| hint_id.clone());
    let input = if field == ComposeField::Password {
        html! {
            <PasswordInput id={element_id.clone()} testid={element_id.clone()}
                value={props.value.clone()} on_input={emit} />
        }
    } else if props.multiline {
        let on_input = Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            emit.emit(area.value());
        });
        html! {
            <textarea id={element_id.clone()} rows="4" spellcheck="false" data-testid={element_id.clone()}
                aria-describedby={described} value={props.value.clone()} oninput={on_input} />
        }
    } else {
        let on_input = Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            emit.emit(input.value());
        });
        let inputmode = (field == ComposeField::Port).then_some("numeric");
        html! {
            <input id={element_id.clone()} type="text" autocomplete="off" autocapitalize="off"
                spellcheck="false" inputmode={inputmode} data-testid={element_id.clone()}
                aria-describedby={described} value={props.value.clone()} oninput={on_input} />
        }
    };
    html! {
        <div class="form-field">
            <label for={element_id} class="label">{ props.label.clone() }</label>
            { input }
            if let Some(hint) = &props.hint {
                <p id={hint_id} class="hint">{ hint.clone() }</p>
            }
        </div>
    }
}
