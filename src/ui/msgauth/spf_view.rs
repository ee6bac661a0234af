//! SPF (`#/msgauth/spf`): pasted records (the include and redirect targets too), the
//! connecting IP, MAIL FROM and HELO; `check_host()` walked term by term (RFC 7208 §4),
//! nested includes indented, the DNS lookups counted against the limit of 10.

use yew::prelude::*;

use super::parts::{button, input_error, pending, text_area, text_input};
use super::state::{use_msgauth, Field, Kind, Slot};
use super::texts;
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The SPF view.
#[function_component(SpfView)]
pub fn spf_view() -> Html {
    let lang = use_lang();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let on_check = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.run(Kind::Spf))
    };
    let result = pending(&ctx.state.spf, ctx.state.worker, lang).unwrap_or_else(|| {
        let Slot::Done(out) = &ctx.state.spf else {
            return Html::default();
        };
        let out = match out.as_ref() {
            Err(e) => return input_error(e, lang),
            Ok(out) => out,
        };
        let pass = out.result == "pass";
        let rows = out.steps.iter().map(|s| {
            // The page's style policy allows no inline style: the nesting is a class.
            let depth = format!("depth-{}", s.depth.min(4));
            html! {
                <tr data-testid="msgauth-spf-step" data-id={s.id.clone()} data-outcome={s.outcome.clone()}
                    data-depth={s.depth.to_string()} class={classes!("spf-step", format!("outcome-{}", s.outcome))}>
                    <td>{ s.domain.clone() }</td>
                    <td class={classes!("spf-term", depth)}><code>{ s.term.clone() }</code></td>
                    <td>{ s.outcome.clone() }</td>
                    <td data-testid="msgauth-spf-step-lookups">{ s.lookups }</td>
                    <td>
                        if !s.detail.get(lang).is_empty() { <code class="field-value">{ s.detail.get(lang).to_string() }</code><br /> }
                        <span class="step-explain">{ s.explain.get(lang).to_string() }</span>
                    </td>
                </tr>
            }
        });
        html! {
            <>
                <div class={classes!("verdict", if pass { "valid" } else { "invalid" })} role="status"
                    data-testid="msgauth-spf-result" data-result={out.result.clone()}>
                    <p class="verdict-title">{ texts::SPF_RESULT.get(lang).fill(&[("domain", &out.domain), ("result", &out.result)]) }</p>
                    <p>{ out.result_explain.get(lang).to_string() }</p>
                    if let Some(e) = &out.error { <p data-testid="msgauth-spf-error">{ e.get(lang).to_string() }</p> }
                    <p data-testid="msgauth-spf-lookups" data-lookups={out.lookups.to_string()}>
                        { texts::LOOKUPS.get(lang).fill(&[("n", &out.lookups), ("v", &out.void_lookups)]) }
                    </p>
                </div>
                <div class="table-scroll">
                    <table class="msgauth-table spf-steps" data-testid="msgauth-spf-steps">
                        <thead>
                            <tr>
                                <th scope="col">{ texts::RECORD_OF.get(lang) }</th>
                                <th scope="col">{ texts::TERM.get(lang) }</th>
                                <th scope="col">{ texts::OUTCOME.get(lang) }</th>
                                <th scope="col">{ texts::LOOKUPS_SHORT.get(lang) }</th>
                                <th scope="col">{ texts::DETAIL.get(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </>
        }
    });
    html! {
        <section class="msgauth-check" data-testid="msgauth-spf" aria-labelledby="msgauth-spf-heading">
            <h2 id="msgauth-spf-heading">{ texts::SPF_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::SPF_HINT.get(lang) }</p>
            <div class="panel msgauth-form">
                { text_area(&ctx, Field::SpfRecords, "msgauth-spf-records", texts::RECORDS.get(lang), 8) }
                { text_input(&ctx, Field::SpfIp, "msgauth-spf-ip", texts::IP.get(lang)) }
                { text_input(&ctx, Field::SpfMailFrom, "msgauth-spf-mail-from", texts::MAIL_FROM.get(lang)) }
                { text_input(&ctx, Field::SpfHelo, "msgauth-spf-helo", texts::HELO.get(lang)) }
                <div class="buttons">{ button("msgauth-spf-check", texts::CHECK.get(lang), on_check) }</div>
            </div>
            <div class="verify-result" data-testid="msgauth-spf-output">{ result }</div>
        </section>
    }
}
