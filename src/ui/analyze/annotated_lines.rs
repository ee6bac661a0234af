//! Every line of the log, annotated; the lines of one multi-line reply grouped. Long logs
//! show their first lines until "show all" (or a link to a later line) asks for the rest.
//! The rows are added in parts ([`use_in_parts`]), so a long result does not hold the
//! page in one task.

use std::rc::Rc;

use yew::prelude::*;

use super::line_row::LineRow;
use super::state::{line_anchor, use_analyze, AnalyzeAction, FIRST_LINES};
use super::texts;
use crate::analyze::Analysis;
use crate::i18n::Fill;
use crate::ui::in_parts::use_in_parts;
use crate::ui::state::use_lang;

/// About how many lines go in one chunk of the list (a chunk ends with a reply's group).
const CHUNK: usize = 100;

/// The analysis and which line to show.
#[derive(Properties, PartialEq)]
pub struct AnnotatedLinesProps {
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// The line a link asked for.
    pub highlight: Option<usize>,
    /// Bumped by every jump.
    pub jump: u64,
    /// Whether every line is shown.
    pub show_all: bool,
}

/// A shown line's element.
fn line_element(number: usize) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&line_anchor(number)))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Scrolls to the line and gives it the focus.
fn reveal(number: usize) {
    let Some(element) = line_element(number) else {
        return;
    };
    element.scroll_into_view();
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// The annotated lines.
#[function_component(AnnotatedLines)]
pub fn annotated_lines(props: &AnnotatedLinesProps) -> Html {
    let lang = use_lang();
    let state = use_analyze();
    {
        let highlight = props.highlight;
        use_effect_with(props.jump, move |_| {
            if let Some(number) = highlight {
                reveal(number);
            }
        });
    }
    let analysis = &props.analysis;
    let total = analysis.lines.len();
    let listed = if props.show_all {
        total
    } else {
        total.min(FIRST_LINES)
    };
    // The lines are added in parts. Each chunk is a component drawn again only when its own
    // lines change, so a part costs the rows it adds; drawn as one list, 20 000 lines were
    // 3.5 s of frames of 300–400 ms.
    let run = state.as_ref().map_or(0, |state| state.run);
    let shown = use_in_parts(run, listed);
    // The chunk of the line a link asked for is drawn at once, whole, in its place; the
    // parts fill in the lines before it (the browser keeps it in view as they come). All
    // the lines up to it at once were one task of a second for a link to the last of
    // 20 000.
    let chunks = chunk_starts(analysis, listed)
        .into_iter()
        .filter_map(|(start, end)| {
            let first = analysis.lines[start].number;
            let last = analysis.lines[end - 1].number;
            let highlight = props
                .highlight
                .filter(|number| (first..=last).contains(number));
            let end = if highlight.is_some() {
                end
            } else {
                end.min(shown)
            };
            (start < end).then(|| {
                html! {
                    <LineChunk key={start} analysis={analysis.clone()} {start} {end} {highlight} />
                }
            })
        });
    let count = texts::ADDING_COUNT
        .get(lang)
        .fill(&[("shown", &shown), ("n", &listed)]);
    // "Show all" goes once clicked, and the focus with it: it goes on to the first line it
    // adds, once that is drawn, so a keyboard reads on from where it was.
    // (The line of this analysis: a new one forgets it.)
    let focus_next = use_mut_ref(|| None::<(u64, usize)>);
    {
        let focus_next = focus_next.clone();
        use_effect_with((run, shown), move |&(run, _)| {
            let next = *focus_next.borrow();
            match next {
                Some((of, number)) if of == run => {
                    if let Some(element) = line_element(number) {
                        let _ = element.focus();
                        *focus_next.borrow_mut() = None;
                    }
                }
                Some(_) => *focus_next.borrow_mut() = None,
                None => {}
            }
        });
    }
    let on_show_all = {
        let next = analysis.lines.get(listed).map(|line| (run, line.number));
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = next;
            if let Some(state) = &state {
                state.dispatch(AnalyzeAction::ShowAll);
            }
        })
    };
    html! {
        <section class="panel lines" aria-labelledby="analyze-lines-heading" data-testid="analyze-lines">
            <h2 id="analyze-lines-heading">
                { texts::LINES.get(lang) }{ " " }
                <span class="count">{ texts::LINES_COUNT.get(lang).fill(&[("n", &total)]) }</span>
            </h2>
            <div class="alines">{ for chunks }</div>
            if props.show_all && shown < listed {
                // The status says once what goes on; the count changes with every part, so
                // it is beside the status rather than in it, where a screen reader would
                // read each of some sixty parts out.
                <p class="hint" data-testid="analyze-lines-adding">
                    <span role="status">{ texts::ADDING_LINES.get(lang) }</span>
                    { " " }
                    <progress max={listed.to_string()} value={shown.to_string()} aria-label={count.clone()}></progress>
                    { " " }
                    <span data-testid="analyze-lines-count">{ count }</span>
                </p>
            }
            if listed < total {
                <p class="hint" data-testid="analyze-lines-cut">
                    { texts::SHOWN_FIRST.get(lang).fill(&[("shown", &listed), ("n", &total)]) }
                    { " " }
                    <button type="button" class="button small" data-testid="analyze-show-all" onclick={on_show_all}>
                        { texts::SHOW_ALL.get(lang).fill(&[("n", &total)]) }
                    </button>
                </p>
            }
        </section>
    }
}

/// The chunks of the first `listed` lines, as `(start, end)` indices: about [`CHUNK`] lines
/// each, the lines of one reply's group never split. They do not depend on how many lines
/// are shown yet, so a chunk drawn once keeps its place and its properties.
fn chunk_starts(analysis: &Analysis, listed: usize) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut chunk_start = 0;
    let mut index = 0;
    while index < listed {
        index = group_end(analysis, index, listed);
        if index - chunk_start >= CHUNK || index >= listed {
            chunks.push((chunk_start, index));
            chunk_start = index;
        }
    }
    chunks
}

/// Where the block that starts at `index` ends: after its reply's group, or after the line.
fn group_end(analysis: &Analysis, index: usize, limit: usize) -> usize {
    let group = analysis.lines[index].group;
    let mut end = index + 1;
    if group.is_some() {
        while end < limit && analysis.lines[end].group == group {
            end += 1;
        }
    }
    end
}

/// Lines `start..end` of an analysis.
#[derive(Properties, PartialEq)]
struct LineChunkProps {
    analysis: Rc<Analysis>,
    start: usize,
    end: usize,
    /// The line a link asked for, when it is in this chunk.
    highlight: Option<usize>,
}

/// A chunk of lines, which the browser lays out only near the viewport (`.aline-chunk` in
/// learn.css): laid out whole, 20 000 lines took seconds each time a part was added.
/// Consecutive lines of one reply go into one group.
#[function_component(LineChunk)]
fn line_chunk(props: &LineChunkProps) -> Html {
    let lang = use_lang();
    let analysis = &props.analysis;
    let mut blocks: Vec<Html> = Vec::new();
    let mut index = props.start;
    while index < props.end {
        let end = group_end(analysis, index, props.end);
        let rows = (index..end).map(|i| {
            let highlighted = props.highlight == Some(analysis.lines[i].number);
            html! { <LineRow key={i} analysis={analysis.clone()} index={i} {highlighted} /> }
        });
        if analysis.lines[index].group.is_some() && end - index > 1 {
            let caption = texts::REPLY_GROUP.get(lang).fill(&[
                ("k", &(end - index)),
                ("from", &analysis.lines[index].number),
                ("to", &analysis.lines[end - 1].number),
            ]);
            blocks.push(html! {
                <div class="reply-group" role="group" aria-label={caption.clone()} data-testid="analyze-group" key={format!("g{index}")}>
                    <p class="group-caption" aria-hidden="true">{ caption }</p>
                    { for rows }
                </div>
            });
        } else {
            blocks.extend(rows);
        }
        index = end;
    }
    html! { <div class="aline-chunk">{ for blocks }</div> }
}
