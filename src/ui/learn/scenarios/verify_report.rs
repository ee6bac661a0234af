//! The verifier's report on the captured exchange: the verdict, the mistake in words, and
//! the correct computation step by step (each step's id, which the answer names). The step
//! where the client first went wrong is marked once the learner has named it — before, the
//! mistake's words and the steps are the clues.

use crate::diagram::flow::Marks;
use crate::ui::diagram::flow_view;
use std::rc::Rc;

use yew::prelude::*;

use super::texts;
use crate::sasl::verify::{Mechanism, Report, Verdict, VerifyError};
use crate::ui::state::use_lang;

/// A text whose `backticked` words are code: shown as code, never as raw backticks.
pub fn with_code(text: &str) -> Html {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                html! { <code>{ part.to_string() }</code> }
            } else {
                html! { { part.to_string() } }
            }
        })
        .collect()
}

/// The report to show.
#[derive(Properties, PartialEq)]
pub struct VerifyReportProps {
    /// What [`crate::sasl::verify::verify`] returned.
    pub report: Rc<Result<Report, VerifyError>>,
    /// Whether to mark the first wrong step (the scenario's goal is met).
    pub reveal: bool,
}

/// The report.
#[function_component(VerifyReport)]
pub fn verify_report(props: &VerifyReportProps) -> Html {
    let lang = use_lang();
    let report = match &*props.report {
        Err(error) => {
            return html! {
                <p class="error-box" role="alert" data-testid="scenario-verify-error">{ with_code(&error.describe(lang)) }</p>
            };
        }
        Ok(report) => report,
    };
    let wrong = match &report.verdict {
        Some(Verdict::Invalid(mistake)) if props.reveal => {
            Some(mistake.first_step(Mechanism::CramMd5))
        }
        _ => None,
    };
    let verdict = match &report.verdict {
        Some(Verdict::Valid) => html! {
            <div class="verdict valid" role="status" data-testid="scenario-verify-verdict" data-verdict="valid">
                <p class="verdict-title">{ "✓ " }{ texts::VALID.get(lang) }</p>
            </div>
        },
        Some(Verdict::Invalid(mistake)) => html! {
            <div class="verdict invalid" role="status" data-testid="scenario-verify-verdict" data-verdict="invalid">
                <p class="verdict-title">{ "✗ " }{ texts::INVALID.get(lang) }</p>
                <p data-testid="scenario-verify-mistake">{ with_code(&mistake.describe(lang)) }</p>
            </div>
        },
        None => html! { <p class="hint" role="status">{ texts::NO_PASSWORD.get(lang) }</p> },
    };
    let steps = report.expected.iter().flat_map(|trace| trace.steps.iter()).map(|step| {
        let first_wrong = wrong == Some(step.id);
        html! {
            <li class={classes!("expected-step", first_wrong.then_some("wrong"))} data-testid="scenario-verify-step"
                data-step-id={step.id} data-first-wrong={first_wrong.then_some("true")}>
                <div class="expected-head">
                    <span>{ step.label.get(lang) }</span>
                    <code class="step-id-code">{ step.id }</code>
                    if first_wrong {
                        <span class="badge bad">{ texts::DIFFERS_HERE.get(lang) }</span>
                    }
                </div>
                <pre class="value">{ step.preferred() }</pre>
            </li>
        }
    });
    html! {
        <div class="verify-report" data-testid="scenario-verify-report">
            { verdict }
            if report.expected.is_some() {
                <h3>{ texts::EXPECTED.get(lang) }</h3>
                <ol class="expected">{ for steps }</ol>
            }
            { for report.expected.as_ref().map(|trace| {
                let wrong = trace.steps.iter().position(|s| Some(s.id) == wrong);
                flow_view(trace, Marks { current: None, wrong }, None, "scenario-verify", lang)
            }) }
        </div>
    }
}
