//! Verify a captured exchange: paste the challenge and the response, optionally the
//! password, and the engine's verifier ([`crate::sasl::verify::verify`]) decodes every
//! field and — with the password — judges the response, names the classic mistake and the
//! first step where the client went wrong.
//!
//! The form and the last result live in the app's verify context; the password is kept in
//! memory only.

use yew::prelude::*;

use crate::i18n::{t, Fill, Lang, Msg};
use crate::share::pages::{self, VerifyShare};
use crate::share::{Page, ShareError};
use crate::ui::share::panel::{Restored, SharePanel};
use crate::ui::share::texts as share_tx;
use crate::ui::state::use_lang;
use crate::ui::verify::state::{use_verify, VerifyAction};
use crate::ui::verify::verify_examples::verify_examples;
use crate::ui::verify::verify_form::VerifyForm;
use crate::ui::verify::verify_result::VerifyResult;

/// The verify page.
#[function_component(VerifyPage)]
pub fn verify_page() -> Html {
    let lang = use_lang();
    let verify = use_verify();
    let make = {
        let verify = verify.clone();
        Callback::from(move |secrets: bool| {
            let Some(v) = &verify else {
                return String::new();
            };
            let state = v.share();
            pages::payload(&state, secrets)
        })
    };
    let open = {
        let verify = verify.clone();
        Callback::from(move |(payload, lang): (String, Lang)| {
            let (state, left_out) = pages::open::<VerifyShare>(&payload)?;
            let verify = verify.as_ref().ok_or(ShareError::Damaged)?;
            let what = if state.transcript_mode {
                share_tx::VERIFY_TRANSCRIPT_WHAT
                    .get(lang)
                    .fill(&[("n", &state.transcript.lines().count())])
            } else {
                share_tx::VERIFY_EXCHANGE_WHAT
                    .get(lang)
                    .fill(&[("mechanism", &state.mechanism.name())])
            };
            verify.dispatch(VerifyAction::Restore(state));
            Ok(Restored { what, left_out })
        })
    };
    html! {
        <section class="page verify" data-testid="verify-page">
            <h1 data-testid="verify-heading">{ t(lang, Msg::VerifyHeading) }</h1>
            <p class="intro">{ t(lang, Msg::VerifyIntro) }</p>
            <SharePanel page={Page::Verify} {make} {open} />
            if let Some(verify) = &verify { { verify_examples(verify, lang) } }
            <div class="verify-layout">
                <VerifyForm />
                <VerifyResult />
            </div>
        </section>
    }
}
