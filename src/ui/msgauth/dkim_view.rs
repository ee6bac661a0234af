//! DKIM verify (`#/msgauth/dkim`): a pasted message and key record, and every step the
//! verifier takes (RFC 6376 §6.1) — the tags explained, the canonicalized header fields
//! and body with ␍␊ visible, the body hash against `bh=`, the header hash input, the
//! signature check — the first failing step named, the later ones greyed, as the verify
//! page shows a SASL exchange.

use yew::prelude::*;

use super::parts::{button, changes, pending, steps, text_area, text_input};
use super::state::{use_msgauth, Field, Kind, Slot};
use super::texts;
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The DKIM verify view.
#[function_component(DkimView)]
pub fn dkim_view() -> Html {
    let lang = use_lang();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let on_check = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.run(Kind::Dkim))
    };
    let result = pending(&ctx.state.dkim, ctx.state.worker, lang).unwrap_or_else(|| {
        let Slot::Done(out) = &ctx.state.dkim else {
            return Html::default();
        };
        let verdict = if out.pass {
            html! {
                <div class="verdict valid" role="status" data-testid="msgauth-dkim-verdict" data-verdict="pass">
                    <p class="verdict-title">{ "✓ " }{ texts::DKIM_PASS.get(lang)
                        .fill(&[("d", &out.domain.as_deref().unwrap_or("")), ("s", &out.selector.as_deref().unwrap_or(""))]) }</p>
                </div>
            }
        } else {
            let step = out.failed_step.clone().unwrap_or_default();
            html! {
                <div class="verdict invalid" role="status" data-testid="msgauth-dkim-verdict"
                    data-verdict="fail" data-failed-step={step.clone()}>
                    <p class="verdict-title">{ "✗ " }{ texts::DKIM_FAIL.get(lang).fill(&[("step", &step)]) }</p>
                    <p data-testid="msgauth-dkim-failure">{ out.failure.as_ref().map(|f| f.get(lang).to_string()).unwrap_or_default() }</p>
                </div>
            }
        };
        let notes = (!out.notes.is_empty()).then(|| {
            html! {
                <>
                    <h3>{ texts::NOTES.get(lang) }</h3>
                    <ul class="notes" data-testid="msgauth-dkim-notes">
                        { for out.notes.iter().map(|n| html! { <li>{ n.get(lang).to_string() }</li> }) }
                    </ul>
                </>
            }
        });
        html! {
            <>
                { verdict }
                { for notes }
                { steps(&out.steps, lang) }
                { changes(&out.header_changes, "header", texts::HEADER_CHANGES.get(lang), lang) }
                { changes(&out.body_changes, "body", texts::BODY_CHANGES.get(lang), lang) }
            </>
        }
    });
    html! {
        <section class="msgauth-check" data-testid="msgauth-dkim" aria-labelledby="msgauth-dkim-heading">
            <h2 id="msgauth-dkim-heading">{ texts::DKIM_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::DKIM_HINT.get(lang) }</p>
            <div class="panel msgauth-form">
                { text_area(&ctx, Field::DkimMessage, "msgauth-dkim-message", texts::MESSAGE.get(lang), 12) }
                { text_area(&ctx, Field::DkimKey, "msgauth-dkim-key", texts::KEY_RECORD.get(lang), 3) }
                { text_input(&ctx, Field::DkimIndex, "msgauth-dkim-index", texts::SIGNATURE_INDEX.get(lang)) }
                <div class="buttons">{ button("msgauth-dkim-check", texts::CHECK.get(lang), on_check) }</div>
            </div>
            <div class="verify-result" data-testid="msgauth-dkim-result">{ result }</div>
        </section>
    }
}
