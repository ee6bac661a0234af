//! What the client knows: the inputs of the mechanism shown.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use super::auth_field::auth_field;
use super::compute::Values;
use super::mechanism::{AuthMech, Field, Kind};
use crate::i18n::{t, Lang, Msg};

/// The form (no `<form>`: nothing is ever submitted anywhere).
pub fn auth_form(
    mech: AuthMech,
    values: &Values,
    on_input: &Callback<(Field, String)>,
    lang: Lang,
) -> Html {
    let fields = mech.fields();
    let has_secret = fields.iter().any(|f| f.kind() == Kind::Secret);
    let inputs = fields
        .iter()
        .map(|&field| auth_field(field, values.value(field), on_input, lang));
    html! {
        <section class="panel auth-form" aria-labelledby="auth-inputs-heading" data-testid="auth-inputs">
            <h2 id="auth-inputs-heading">{ t(lang, Msg::AuthInputs) }</h2>
            { for inputs }
            if has_secret {
                <p class="hint">{ t(lang, Msg::AuthPasswordNote) }</p>
            }
        </section>
    }
}
