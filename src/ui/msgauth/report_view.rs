//! An aggregate report (RFC 7489 §7.2, the XML a receiver sends to `rua=`), pasted and
//! explained row by row: who sent as the domain, how much, what DKIM and SPF said for
//! which domains, what was done, and each source's likely cause and fix.

use yew::prelude::*;

use super::parts::{button, input_error, pending, text_area};
use super::state::{use_msgauth, Field, Kind, Slot};
use super::texts;
use crate::i18n::Fill;
use crate::msgauth::cases::EXAMPLE_REPORT;
use crate::msgauth::page::Request;
use crate::ui::state::use_lang;

/// An aggregate report, pasted and explained.
#[function_component(ReportView)]
pub fn report_view() -> Html {
    let lang = use_lang();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let on_run = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.run(Kind::Report))
    };
    let on_example = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.load(
                Request::Report {
                    xml: EXAMPLE_REPORT.to_string(),
                },
                None,
            );
        })
    };
    let result = match &ctx.state.report {
        Slot::Empty => Html::default(),
        other => pending(other, ctx.state.worker, lang).unwrap_or_else(|| {
            let Slot::Done(out) = other else {
                return Html::default();
            };
            let out = match out.as_ref() {
                Err(e) => return input_error(e, lang),
                Ok(out) => out,
            };
            let triples = |v: &[(String, String, String)]| {
                v.iter()
                    .map(|(d, s, r)| format!("{d} {s} {r}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let rows = out.rows.iter().map(|r| {
                html! {
                    <tr data-testid="msgauth-report-row" data-source={r.source_ip.clone()}>
                        <td><code>{ r.source_ip.clone() }</code><br />{ r.header_from.clone() }</td>
                        <td>{ r.count }</td>
                        <td>{ r.disposition.clone() }</td>
                        <td>{ format!("DKIM {} ({})", r.dkim, triples(&r.dkim_results)) }<br />
                            { format!("SPF {} ({})", r.spf, triples(&r.spf_results)) }</td>
                        <td data-testid="msgauth-report-diagnosis">
                            { r.diagnosis.get(lang).to_string() }
                            if let Some(note) = &r.overrides {
                                <br /><span class="hint" data-testid="msgauth-report-override">{ note.get(lang).to_string() }</span>
                            }
                        </td>
                    </tr>
                }
            });
            html! {
                <>
                    <p data-testid="msgauth-report-summary">{ texts::REPORT_SUMMARY.get(lang)
                        .fill(&[("id", &out.report_id), ("org", &out.org_name), ("domain", &out.domain), ("policy", &out.policy)]) }</p>
                    <div class="table-scroll">
                        <table class="msgauth-table" data-testid="msgauth-report-rows">
                            <thead>
                                <tr>
                                    <th scope="col">{ texts::SOURCE.get(lang) }</th>
                                    <th scope="col">{ texts::COUNT.get(lang) }</th>
                                    <th scope="col">{ texts::DISPOSITION.get(lang) }</th>
                                    <th scope="col">{ texts::RESULTS.get(lang) }</th>
                                    <th scope="col">{ texts::DIAGNOSIS.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                </>
            }
        }),
    };
    html! {
        <section class="msgauth-report" data-testid="msgauth-report" aria-labelledby="msgauth-report-heading">
            <h2 id="msgauth-report-heading">{ texts::REPORT_HEADING.get(lang) }</h2>
            <div class="panel msgauth-form">
                { text_area(&ctx, Field::ReportXml, "msgauth-report-xml", texts::REPORT_XML.get(lang), 8) }
                <div class="buttons">
                    { button("msgauth-report-run", texts::EXPLAIN_REPORT.get(lang), on_run) }
                    <button type="button" class="button" data-testid="msgauth-report-example" onclick={on_example}>
                        { texts::EXAMPLE_REPORT.get(lang) }
                    </button>
                </div>
            </div>
            <div class="verify-result" data-testid="msgauth-report-result">{ result }</div>
        </section>
    }
}
