//! One annotated line: its number, who sent it, what it is, the engine's explanation, the
//! decoded base64 of an AUTH exchange, and the engine's warning (credentials exposed, a
//! typo) in a warning style. Unrecognised lines are shown as such.

use std::rc::Rc;

use yew::prelude::*;

use super::state::line_anchor;
use super::texts;
use crate::analyze::{Analysis, Direction, Kind};
use crate::ui::state::use_lang;

/// Which line of which analysis.
#[derive(Properties, PartialEq)]
pub struct LineRowProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// The line's index in `analysis.lines`.
    pub index: usize,
    /// Whether a link asked for this line.
    pub highlighted: bool,
}

/// An annotated line.
#[function_component(LineRow)]
pub fn line_row(props: &LineRowProps) -> Html {
    let lang = use_lang();
    let Some(line) = props.analysis.lines.get(props.index) else {
        return Html::default();
    };
    let unknown = line.direction == Direction::Unknown;
    let blank = line.kind == Kind::Blank;
    let number = line.number.to_string();
    html! {
        <div id={line_anchor(line.number)} tabindex="-1"
            class={classes!("aline", line.direction.id(), line.kind.id(), props.highlighted.then_some("highlighted"), line.warning.is_some().then_some("warned"))}
            data-testid="analyze-line" data-line={number.clone()} data-direction={line.direction.id()}
            data-kind={line.kind.id()}>
            <span class="ln" aria-hidden="true">{ number }</span>
            <span class="dir" title={line.direction.describe(lang)}>
                <span aria-hidden="true">{ line.direction.marker() }</span>
                <span class="visually-hidden">{ line.direction.describe(lang) }</span>
            </span>
            <div class="abody">
                <code class="raw" data-testid="analyze-line-raw">{ line.raw.clone() }</code>
                if !blank {
                    <p class="meta">
                        <span class="kind" data-testid="analyze-line-kind">{ line.kind.describe(lang) }</span>
                        if let Some(format) = line.format {
                            <span class="muted">{ " · " }{ format.describe().get(lang) }</span>
                        }
                    </p>
                }
                if let Some(explanation) = line.explanation_text(lang) {
                    <p class="explain" data-testid="analyze-line-explanation">{ explanation.to_string() }</p>
                }
                if let Some(decoded) = line.decoded_text(lang) {
                    <p class="decoded-line" data-testid="analyze-line-decoded">
                        <span class="decoded-label">{ texts::DECODED.get(lang) }{ lang.colon() }</span>
                        <code>{ decoded }</code>
                    </p>
                }
                if let Some(warning) = line.warning_text(lang) {
                    <p class="line-warning" role="note" data-testid="analyze-line-warning">
                        <span aria-hidden="true">{ "⚠ " }</span>{ warning.to_string() }
                    </p>
                }
                if unknown {
                    <p class="unknown-note" data-testid="analyze-line-unknown">{ texts::UNKNOWN_LINE.get(lang) }</p>
                }
            </div>
        </div>
    }
}
