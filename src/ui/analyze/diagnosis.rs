//! The diagnosis: the engine's findings, most severe first.

use std::rc::Rc;

use yew::prelude::*;

use super::finding_card::FindingCard;
use super::texts;
use crate::analyze::Analysis;
use crate::ui::state::use_lang;

/// The analysis to diagnose.
#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
}

/// The findings.
#[function_component(Diagnosis)]
pub fn diagnosis(props: &DiagnosisProps) -> Html {
    let lang = use_lang();
    let analysis = &props.analysis;
    let cards = (0..analysis.findings.len()).map(|index| {
        html! { <FindingCard key={index} analysis={analysis.clone()} {index} /> }
    });
    html! {
        <section class="panel diagnosis" aria-labelledby="analyze-diagnosis-heading" data-testid="analyze-diagnosis">
            <h2 id="analyze-diagnosis-heading">{ texts::DIAGNOSIS.get(lang) }</h2>
            if analysis.findings.is_empty() {
                <p class="hint" data-testid="analyze-no-findings">{ texts::NO_FINDINGS.get(lang) }</p>
            } else {
                <ol class="findings">{ for cards }</ol>
            }
        </section>
    }
}
