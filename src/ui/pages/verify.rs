//! Verify a captured exchange: paste the challenge and the response, optionally the
//! password, and the engine's verifier ([`crate::sasl::verify::verify`]) decodes every
//! field and — with the password — judges the response, names the classic mistake and the
//! first step where the client went wrong.
//!
//! The form and the last result live in the app's verify context; the password is kept in
//! memory only.

use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::ui::state::use_lang;
use crate::ui::verify::state::use_verify;
use crate::ui::verify::verify_examples::verify_examples;
use crate::ui::verify::verify_form::VerifyForm;
use crate::ui::verify::verify_result::VerifyResult;

/// The verify page.
#[function_component(VerifyPage)]
pub fn verify_page() -> Html {
    let lang = use_lang();
    let verify = use_verify();
    html! {
        <section class="page verify" data-testid="verify-page">
            <h1 data-testid="verify-heading">{ t(lang, Msg::VerifyHeading) }</h1>
            <p class="intro">{ t(lang, Msg::VerifyIntro) }</p>
            if let Some(verify) = &verify { { verify_examples(verify, lang) } }
            <div class="verify-layout">
                <VerifyForm />
                <VerifyResult />
            </div>
        </section>
    }
}
