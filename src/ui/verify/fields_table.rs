//! The decoded fields of challenge and response, each with what it means.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use crate::i18n::{t, Lang, Msg};
use crate::sasl::verify::Field;

/// A table: field, value, meaning.
pub fn fields_table(fields: &[Field], lang: Lang) -> Html {
    let rows = fields.iter().map(|field| {
        html! {
            <tr data-testid="verify-field">
                <th scope="row"><code>{ field.name.clone() }</code></th>
                <td><code class="field-value">{ field.value.clone() }</code></td>
                <td>{ field.explain.get(lang) }</td>
            </tr>
        }
    });
    html! {
        <section class="verify-fields" aria-labelledby="verify-fields-heading">
            <h3 id="verify-fields-heading">{ t(lang, Msg::VerifyFields) }</h3>
            <div class="table-scroll">
                <table class="fields" data-testid="verify-fields">
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Msg::VerifyFieldName) }</th>
                            <th scope="col">{ t(lang, Msg::VerifyFieldValue) }</th>
                            <th scope="col">{ t(lang, Msg::VerifyFieldMeaning) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
