//! One finding of the diagnosis: its severity, title, what happened, the fix, and links to
//! the lines it rests on — all the engine's words.

use std::rc::Rc;

use yew::prelude::*;

use super::line_link::LineLink;
use super::texts;
use crate::analyze::Analysis;
use crate::ui::state::use_lang;

/// Which finding of which analysis.
#[derive(Properties, PartialEq)]
pub struct FindingCardProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// The finding's index in `analysis.findings`.
    pub index: usize,
}

/// A finding.
#[function_component(FindingCard)]
pub fn finding_card(props: &FindingCardProps) -> Html {
    let lang = use_lang();
    let Some(finding) = props.analysis.findings.get(props.index) else {
        return Html::default();
    };
    let severity = finding.severity.id();
    let links = finding
        .lines
        .iter()
        .map(|&number| html! { <li key={number}><LineLink {number} /></li> });
    html! {
        <li class={classes!("finding", severity)} data-testid="analyze-finding"
            data-kind={finding.kind.id()} data-severity={severity} data-cause={finding.cause}>
            <p class="finding-head">
                <span class={classes!("severity", severity)} data-testid="analyze-finding-severity">
                    { finding.severity.describe(lang) }
                </span>
                <strong class="finding-title" data-testid="analyze-finding-title">{ finding.title.get(lang).to_string() }</strong>
            </p>
            <p class="finding-what" data-testid="analyze-finding-what">
                <strong>{ texts::WHAT.get(lang) }{ lang.colon() }</strong>
                { finding.what.get(lang).to_string() }
            </p>
            <p class="finding-fix" data-testid="analyze-finding-fix">
                <strong>{ texts::FIX.get(lang) }{ lang.colon() }</strong>
                { finding.fix.get(lang).to_string() }
            </p>
            if let Some(source) = finding.source {
                <p class="finding-source muted" data-testid="analyze-finding-source">
                    { texts::RULE.get(lang) }{ lang.colon() }{ source }
                </p>
            }
            if !finding.lines.is_empty() {
                <div class="finding-lines">
                    <span class="muted">{ texts::RESTS_ON.get(lang) }{ lang.colon() }</span>
                    <ul class="line-links">{ for links }</ul>
                </div>
            }
        </li>
    }
}
