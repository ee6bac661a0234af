//! The result of the last check: why it could not start, or the report (the verdict with
//! the mistake and the first wrong step, the notes, the decoded fields and the correct
//! computation); in transcript mode, every AUTH exchange found, each with its report.

use yew::prelude::*;

use super::exchange_list::exchange_list;
use super::report_view::report_view;
use super::state::{use_verify, Mode};
use crate::i18n::{t, Msg};
use crate::ui::state::use_lang;

/// The result panel.
#[function_component(VerifyResult)]
pub fn verify_result() -> Html {
    let lang = use_lang();
    let Some(verify) = use_verify() else {
        return Html::default();
    };
    let empty = html! {
        <section class="verify-result" data-testid="verify-result">
            <p class="hint" data-testid="verify-empty">{ t(lang, Msg::VerifyEmpty) }</p>
        </section>
    };
    if verify.mode == Mode::Transcript {
        let Some(checked) = verify.checked_transcript.clone() else {
            return empty;
        };
        return html! {
            <section class="verify-result" data-testid="verify-result">
                { exchange_list(&checked.exchanges, checked.with_password, "verify-x", lang) }
            </section>
        };
    }
    let Some(checked) = verify.checked.clone() else {
        return empty;
    };
    let report = match &checked.result {
        Err(error) => {
            return html! {
                <section class="verify-result" data-testid="verify-result">
                    <h2>{ t(lang, Msg::VerifyResultHeading) }{ " · " }{ checked.mechanism.name() }</h2>
                    <p class="error-box" role="alert" data-testid="verify-error">{ error.describe(lang) }</p>
                </section>
            };
        }
        Ok(report) => report,
    };
    html! {
        <section class="verify-result" data-testid="verify-result" aria-labelledby="verify-result-heading">
            <h2 id="verify-result-heading">{ t(lang, Msg::VerifyResultHeading) }{ " · " }{ checked.mechanism.name() }</h2>
            { report_view(checked.mechanism, report, checked.with_password, "verify", lang) }
        </section>
    }
}
