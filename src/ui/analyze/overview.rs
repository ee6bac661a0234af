//! What the log is: the forms it was written in, the server software it names, and the
//! transaction's sequence of commands with their final codes.

use std::rc::Rc;

use yew::prelude::*;

use super::line_link::LineLink;
use super::state::use_analyze;
use super::texts;
use crate::analyze::Analysis;
use crate::ui::in_parts::use_in_parts;
use crate::ui::state::use_lang;

/// The analysis to summarise.
#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
}

/// The class of a reply code, for its colour.
fn code_class(code: u16) -> &'static str {
    match code / 100 {
        2 | 3 => "positive",
        4 => "transient",
        _ => "permanent",
    }
}

/// Forms, servers, sequence.
#[function_component(Overview)]
pub fn overview(props: &OverviewProps) -> Html {
    let lang = use_lang();
    let analysis = &props.analysis;
    let formats = analysis.formats.iter().map(|format| {
        html! { <li data-testid="analyze-format" data-format={format.id()}>{ format.describe().get(lang) }</li> }
    });
    let servers = analysis.servers.iter().map(|server| {
        let number = server.line;
        html! {
            <li data-testid="analyze-server">
                <strong>{ server.software.name() }</strong>
                if let Some(version) = &server.version { { " " }<code>{ version.clone() }</code> }
                { " · " }<LineLink {number} />
            </li>
        }
    });
    // A long log's sequence (up to a thousand steps) is added in parts.
    let run = use_analyze().map_or(0, |state| state.run);
    let shown = use_in_parts(run, analysis.sequence.len());
    let steps = analysis.sequence.iter().take(shown).map(|step| {
        html! {
            <li class="sequence-step">
                <code>{ step.label_in(lang).to_string() }</code>
                if let Some(code) = step.code {
                    { " " }<span class={classes!("seq-code", code_class(code))}>{ code }</span>
                }
            </li>
        }
    });
    html! {
        <section class="panel overview" aria-labelledby="analyze-overview-heading" data-testid="analyze-overview">
            <h2 id="analyze-overview-heading">{ texts::OVERVIEW.get(lang) }</h2>
            <dl class="overview-list">
                <dt>{ texts::FORMATS.get(lang) }</dt>
                <dd data-testid="analyze-formats">
                    if analysis.formats.is_empty() {
                        <span class="muted">{ texts::NO_FORMAT.get(lang) }</span>
                    } else {
                        <ul>{ for formats }</ul>
                    }
                </dd>
                <dt>{ texts::SERVERS.get(lang) }</dt>
                <dd data-testid="analyze-servers">
                    if analysis.servers.is_empty() {
                        <span class="muted">{ texts::NO_SERVER.get(lang) }</span>
                    } else {
                        <ul>{ for servers }</ul>
                    }
                </dd>
                <dt>{ texts::SEQUENCE.get(lang) }</dt>
                <dd data-testid="analyze-sequence">
                    if analysis.sequence.is_empty() {
                        <span class="muted">{ texts::NO_SEQUENCE.get(lang) }</span>
                    } else {
                        <ol class="sequence">{ for steps }</ol>
                    }
                </dd>
            </dl>
        </section>
    }
}
