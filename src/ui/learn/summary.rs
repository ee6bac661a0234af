//! What the learner has done, in one sentence on the lessons' and the scenarios' index:
//! lessons complete and scenarios done (both remembered in storage, ids and steps only).

use yew::prelude::*;

use super::lessons::state::use_lessons;
use super::lessons::texts;
use super::scenarios::state::use_scenarios;
use crate::i18n::Fill;
use crate::lessons::guided::LESSONS;
use crate::lessons::scenarios;
use crate::ui::state::use_lang;

/// The summary.
#[function_component(LearnSummary)]
pub fn learn_summary() -> Html {
    let lang = use_lang();
    let (Some(lessons), Some(scenarios)) = (use_lessons(), use_scenarios()) else {
        return Html::default();
    };
    let text = texts::SUMMARY.get(lang).fill(&[
        ("k", &lessons.complete()),
        ("n", &LESSONS.len()),
        ("s", &scenarios.done.len()),
        ("m", &scenarios::all().len()),
    ]);
    html! { <p class="summary" data-testid="learn-summary">{ text }</p> }
}
