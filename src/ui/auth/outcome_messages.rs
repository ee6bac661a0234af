//! How the inputs were read (notes), and why the computation stopped (the error), both in
//! the current language.
//!
//! A view function rather than a component: it has no state of its own, and every component
//! type adds its share of Yew's machinery to the page's download.

use yew::prelude::*;

use super::compute::Outcome;
use crate::i18n::{t, Lang};

/// Notes, then the error.
pub fn outcome_messages(outcome: &Outcome, lang: Lang) -> Html {
    html! {
        <>
            if !outcome.notes.is_empty() {
                <ul class="notes" data-testid="auth-notes">
                    { for outcome.notes.iter().map(|note| html! { <li>{ t(lang, *note) }</li> }) }
                </ul>
            }
            if let Some(error) = &outcome.error {
                <p class="error-box" role="alert" data-testid="auth-error">{ error.describe(lang) }</p>
            }
        </>
    }
}
