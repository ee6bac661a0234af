//! The example buttons: each fills the form and checks it at once.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use super::examples::EXAMPLES;
use super::state::{VerifyAction, VerifyContext};
use crate::i18n::{t, Lang, Msg};

/// A row of examples, dispatched to `verify`.
pub fn verify_examples(verify: &VerifyContext, lang: Lang) -> Html {
    let buttons = EXAMPLES.iter().map(|example| {
        let on_click = {
            let verify = verify.clone();
            Callback::from(move |_: MouseEvent| verify.dispatch(VerifyAction::Example(example)))
        };
        html! {
            <button type="button" class="button" key={example.id}
                data-testid={format!("verify-example-{}", example.id)} onclick={on_click}>
                { t(lang, example.label) }
            </button>
        }
    });
    html! {
        <div class="examples" role="group" aria-labelledby="verify-examples-label" data-testid="verify-examples">
            <span id="verify-examples-label" class="examples-label">{ t(lang, Msg::AuthExamples) }</span>
            { for buttons }
        </div>
    }
}
