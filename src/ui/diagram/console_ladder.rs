//! The console's ladder: the session so far (from its latest connection), redrawn as the
//! learner types; a click on an arrow opens that line in the transcript.

use yew::prelude::*;

use super::{inputs_of, ladder_view, OnArrow};
use crate::ui::console::state::use_console;
use crate::ui::console::transcript::TRANSCRIPT_ID;
use crate::ui::state::use_lang;

/// The console's ladder diagram.
#[function_component(ConsoleLadder)]
pub fn console_ladder() -> Html {
    let lang = use_lang();
    let Some(console) = use_console() else {
        return Html::default();
    };
    let inputs = inputs_of(console.live.read().log.items.iter().map(|i| &i.entry));
    ladder_view(
        &inputs,
        OnArrow::Open(AttrValue::Static(TRANSCRIPT_ID)),
        "console",
        lang,
    )
}
