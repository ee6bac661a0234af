//! DMARC (`#/msgauth/dmarc`): the From: domain, SPF's and DKIM's results with their
//! domains, the `_dmarc` record → alignment (strict or relaxed), the policy and `pct=`,
//! the verdict a receiver reaches (RFC 7489 §6.6); below it, the aggregate report view.

use yew::prelude::*;

use super::parts::{button, input_error, pending, steps, text_area, text_input};
use super::state::{use_msgauth, Field, Kind, MsgAuthAction, Slot};
use super::texts;
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The DMARC view.
#[function_component(DmarcView)]
pub fn dmarc_view() -> Html {
    let lang = use_lang();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let on_check = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.run(Kind::Dmarc))
    };
    let on_take = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.state.dispatch(MsgAuthAction::TakeResults))
    };
    let line_error = ctx.state.dmarc_lines().err().map(|n| {
        html! {
            <p class="error-box" role="alert" data-testid="msgauth-dmarc-line-error">
                { texts::DKIM_LINE_ERROR.get(lang).fill(&[("n", &n)]) }
            </p>
        }
    });
    let result = pending(&ctx.state.dmarc, ctx.state.worker, lang).unwrap_or_else(|| {
        let Slot::Done(out) = &ctx.state.dmarc else {
            return Html::default();
        };
        let out = match out.as_ref() {
            Err(e) => return input_error(e, lang),
            Ok(out) => out,
        };
        let disposition = out.disposition.clone().unwrap_or_else(|| "deliver".into());
        html! {
            <>
                <div class={classes!("verdict", if out.result == "fail" { "invalid" } else { "valid" })} role="status"
                    data-testid="msgauth-dmarc-result" data-result={out.result.clone()}
                    data-disposition={out.disposition.clone().unwrap_or_default()}>
                    <p class="verdict-title">{ texts::DMARC_RESULT.get(lang).fill(&[("result", &out.result), ("disposition", &disposition)]) }</p>
                    <p data-testid="msgauth-dmarc-verdict">{ out.verdict.get(lang).to_string() }</p>
                </div>
                { steps(&out.steps, lang) }
            </>
        }
    });
    html! {
        <section class="msgauth-check" data-testid="msgauth-dmarc" aria-labelledby="msgauth-dmarc-heading">
            <h2 id="msgauth-dmarc-heading">{ texts::DMARC_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::DMARC_HINT.get(lang) }</p>
            <div class="panel msgauth-form">
                <div class="buttons">
                    <button type="button" class="button" data-testid="msgauth-dmarc-take" onclick={on_take}>
                        { texts::TAKE_RESULTS.get(lang) }
                    </button>
                </div>
                { text_input(&ctx, Field::DmarcFrom, "msgauth-dmarc-from", texts::FROM_DOMAIN.get(lang)) }
                { text_input(&ctx, Field::DmarcSpfResult, "msgauth-dmarc-spf-result", texts::SPF_RESULT_LABEL.get(lang)) }
                { text_input(&ctx, Field::DmarcSpfDomain, "msgauth-dmarc-spf-domain", texts::SPF_DOMAIN.get(lang)) }
                { text_area(&ctx, Field::DmarcDkim, "msgauth-dmarc-dkim", texts::DKIM_RESULTS.get(lang), 2) }
                { for line_error }
                { text_area(&ctx, Field::DmarcRecords, "msgauth-dmarc-records", texts::RECORDS.get(lang), 4) }
                { text_input(&ctx, Field::DmarcSample, "msgauth-dmarc-sample", texts::SAMPLE.get(lang)) }
                <div class="buttons">{ button("msgauth-dmarc-check", texts::CHECK.get(lang), on_check) }</div>
            </div>
            <div class="verify-result" data-testid="msgauth-dmarc-output">{ result }</div>
            <super::report_view::ReportView />
        </section>
    }
}
