//! The diagrams of [`crate::diagram`] in the page: a session's ladder beside each
//! transcript and a trace's data flow on the Auth and Verify pages. These only render: the
//! layout and the SVG come from the native module (tested there without a browser); here
//! the SVG string is put into the page, clicks are read off its `data-*` attributes, and
//! "Export" saves the same string (or a PNG drawn from it).
//!
//! View functions rather than components where no state is needed: every component type
//! adds its share of Yew's machinery to the page's download.

pub mod console_ladder;
pub(crate) mod export;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::diagram::flow::{self, Marks};
use crate::diagram::ladder::{self, Input};
use crate::i18n::{Lang, Tr};
use crate::sasl::trace::Trace;
use crate::ui::console::state::{Entry, Marker};

const EXPORT_SVG: Tr = Tr::new("Export SVG", "导出 SVG");
const EXPORT_PNG: Tr = Tr::new("Export PNG", "导出 PNG");
const LADDER_HINT: Tr = Tr::new(
    "Click an arrow to open its line's explanation in the transcript.",
    "点击箭头，在会话记录中展开该行的解释。",
);
const FLOW_HINT: Tr = Tr::new(
    "Click a box to show its step; ←/→ move through the steps.",
    "点击方框显示该步骤；←/→ 逐步移动。",
);

/// What a click on an arrow does.
#[derive(Clone, PartialEq)]
pub enum OnArrow {
    /// Opens the row with the arrow's source index in the transcript with this
    /// `data-testid` (clicks its explanation button when closed) and scrolls to it.
    Open(AttrValue),
    /// Emits the arrow's source index.
    Emit(Callback<usize>),
}

/// The console's entries as ladder input, from the latest connection on; the source of a
/// line is its entry's position in `entries` (its row in the transcript; a page's note is a
/// row but draws no arrow).
pub fn inputs_of<'a>(entries: impl Iterator<Item = &'a Entry>) -> Vec<Input> {
    let mut inputs = Vec::new();
    for (source, entry) in entries.enumerate() {
        match entry {
            Entry::Client(line) => inputs.push(Input::Client {
                text: line.text.clone(),
                source,
            }),
            Entry::Server(reply) => inputs.extend(
                reply
                    .wire_lines()
                    .into_iter()
                    .map(|text| Input::Server { text, source }),
            ),
            Entry::Marker(Marker::Connected { .. }) => inputs.clear(),
            Entry::Marker(Marker::TlsStarted) => inputs.push(Input::TlsStarted),
            Entry::Marker(_) | Entry::Note(_) => {}
        }
    }
    inputs
}

/// The source index of the diagram part an event happened in (`attr` on the nearest
/// ancestor that has it).
fn source_of(target: Option<web_sys::EventTarget>, selector: &str, attr: &str) -> Option<usize> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()??
        .get_attribute(attr)?
        .parse()
        .ok()
}

/// Opens row `row` of the transcript `testid`.
fn open_row(testid: &str, row: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("[data-testid={testid}] > :nth-child({})", row + 1);
    let Ok(Some(element)) = document.query_selector(&selector) else {
        return;
    };
    if let Ok(Some(button)) = element.query_selector("button[aria-expanded]") {
        if button.get_attribute("aria-expanded").as_deref() != Some("true") {
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                button.click();
            }
        }
    }
    element.scroll_into_view_with_bool(false);
}

/// A session's ladder for `inputs`, with its export buttons; `prefix` starts its
/// `data-testid`s (`{prefix}-ladder`, `{prefix}-ladder-export-svg`, …).
pub fn ladder_view(inputs: &[Input], on_arrow: OnArrow, prefix: &str, lang: Lang) -> Html {
    let layout = ladder::layout(inputs);
    if layout.arrows.is_empty() {
        return Html::default();
    }
    let svg = ladder::svg(&layout, lang, true);
    let summary = ladder::summary(&layout, lang);
    let activate = move |target: Option<web_sys::EventTarget>| {
        if let Some(source) = source_of(target, "[data-arrow]", "data-source") {
            match &on_arrow {
                OnArrow::Open(testid) => open_row(testid, source),
                OnArrow::Emit(callback) => callback.emit(source),
            }
        }
    };
    let onclick = {
        let activate = activate.clone();
        Callback::from(move |e: MouseEvent| activate(e.target()))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if matches!(e.key().as_str(), "Enter" | " ") {
            e.prevent_default();
            activate(e.target());
        }
    });
    figure(
        FigureParts {
            svg,
            title: ladder::TITLE.get(lang),
            summary,
            hint: LADDER_HINT.get(lang),
            prefix: format!("{prefix}-ladder"),
            file: "smtp-session",
            png: true,
        },
        onclick,
        onkeydown,
        lang,
    )
}

/// A trace's data flow; with `on_step`, a click on a node shows that step. `prefix` starts
/// its `data-testid`s (`{prefix}-flow`, `{prefix}-flow-export-svg`).
pub fn flow_view(
    trace: &Trace,
    marks: Marks,
    on_step: Option<&Callback<usize>>,
    prefix: &str,
    lang: Lang,
) -> Html {
    if trace.steps.is_empty() {
        return Html::default();
    }
    let layout = flow::layout(trace, lang);
    let svg = flow::svg(&layout, lang, marks, false);
    let summary = flow::summary(&layout, lang);
    let onclick = match on_step {
        Some(on_step) => {
            let on_step = on_step.clone();
            Callback::from(move |e: MouseEvent| {
                if let Some(n) = source_of(e.target(), "[data-node]", "data-node") {
                    on_step.emit(n);
                }
            })
        }
        None => Callback::noop(),
    };
    figure(
        FigureParts {
            svg,
            title: flow::TITLE.get(lang),
            summary,
            hint: if on_step.is_some() {
                FLOW_HINT.get(lang)
            } else {
                ""
            },
            prefix: format!("{prefix}-flow"),
            file: "sasl-data-flow",
            png: false,
        },
        onclick,
        Callback::noop(),
        lang,
    )
}

struct FigureParts {
    svg: String,
    title: &'static str,
    summary: String,
    hint: &'static str,
    prefix: String,
    file: &'static str,
    png: bool,
}

fn figure(
    parts: FigureParts,
    onclick: Callback<MouseEvent>,
    onkeydown: Callback<KeyboardEvent>,
    lang: Lang,
) -> Html {
    let FigureParts {
        svg,
        title,
        summary,
        hint,
        prefix,
        file,
        png,
    } = parts;
    let caption_id = format!("{prefix}-caption");
    let export_svg = {
        let svg = svg.clone();
        Callback::from(move |_: MouseEvent| export::svg(&svg, file))
    };
    let export_png = {
        let svg = svg.clone();
        Callback::from(move |_: MouseEvent| export::png(&svg, file))
    };
    html! {
        <figure class="diagram" data-testid={prefix.clone()} aria-labelledby={caption_id.clone()}>
            <figcaption id={caption_id}>
                <strong>{ title }</strong>{ " " }<span class="muted">{ summary }</span>
                if !hint.is_empty() { <span class="hint">{ " " }{ hint }</span> }
            </figcaption>
            <div class="diagram-scroll" tabindex="0" role="region" aria-label={title}
                data-testid={format!("{prefix}-canvas")} {onclick} {onkeydown}>
                { Html::from_html_unchecked(AttrValue::from(svg)) }
            </div>
            <div class="diagram-actions">
                <button type="button" class="button" data-testid={format!("{prefix}-export-svg")}
                    onclick={export_svg}>{ EXPORT_SVG.get(lang) }</button>
                if png {
                    <button type="button" class="button" data-testid={format!("{prefix}-export-png")}
                        onclick={export_png}>{ EXPORT_PNG.get(lang) }</button>
                }
            </div>
        </figure>
    }
}
