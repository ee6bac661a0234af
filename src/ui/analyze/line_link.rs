//! A link to an annotated line: it scrolls the line into view and highlights it (hash
//! routing owns `#`, so it is a button, not an anchor).

use yew::prelude::*;

use super::state::{use_analyze, AnalyzeAction};
use super::texts;
use crate::i18n::Fill;
use crate::ui::state::use_lang;

/// The line to go to.
#[derive(Properties, PartialEq)]
pub struct LineLinkProps {
    /// The 1-based line number.
    pub number: usize,
}

/// `line 18`.
#[function_component(LineLink)]
pub fn line_link(props: &LineLinkProps) -> Html {
    let lang = use_lang();
    let state = use_analyze();
    let number = props.number;
    let on_click = Callback::from(move |_: MouseEvent| {
        if let Some(state) = &state {
            state.dispatch(AnalyzeAction::Highlight(number));
        }
    });
    let n = number.to_string();
    html! {
        <button type="button" class="line-link" data-testid="analyze-line-link" data-line={n.clone()}
            aria-label={texts::GO_TO_LINE.get(lang).fill(&[("n", &n)])} onclick={on_click}>
            { texts::LINE_N.get(lang).fill(&[("n", &n)]) }
        </button>
    }
}
