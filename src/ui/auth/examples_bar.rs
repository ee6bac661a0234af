//! The published examples of the mechanism shown, one click from filling the form.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use super::mechanism::{AuthMech, Example};
use crate::i18n::{t, Lang, Msg};

/// A row of buttons; a click emits the example to `on_example`.
pub fn examples_bar(mech: AuthMech, on_example: &Callback<&'static Example>, lang: Lang) -> Html {
    let buttons = mech.examples().iter().map(|example| {
        html! {
            <button type="button" class="button" key={example.id}
                data-testid={format!("auth-example-{}", example.id)}
                onclick={on_example.reform(move |_: MouseEvent| example)}>
                { t(lang, example.label) }
            </button>
        }
    });
    html! {
        <div class="examples" role="group" aria-labelledby="auth-examples-label" data-testid="auth-examples">
            <span id="auth-examples-label" class="examples-label">{ t(lang, Msg::AuthExamples) }</span>
            { for buttons }
        </div>
    }
}
