//! The case studies (`#/msgauth/cases`, and `#/msgauth` itself): each story and goal, and
//! a button per check that loads the case's inputs into it and runs it there — the
//! verdict is the engine's, computed on the spot.

use yew::prelude::*;
use yew_router::prelude::*;

use super::state::use_msgauth;
use super::texts;
use crate::i18n::Fill;
use crate::msgauth::cases::{cases, CheckKind};
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// A check's name, as on its tab.
pub fn check_name(kind: CheckKind) -> crate::i18n::Tr {
    match kind {
        CheckKind::Dkim => texts::TAB_DKIM,
        CheckKind::Spf => texts::TAB_SPF,
        CheckKind::Dmarc => texts::TAB_DMARC,
    }
}

/// The list of case studies.
#[function_component(CasesView)]
pub fn cases_view() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let items = cases().into_iter().map(|case| {
        let buttons = case.checks.iter().map(|(kind, request)| {
            let on_click = {
                let ctx = ctx.clone();
                let navigator = navigator.clone();
                let request = request.clone();
                let (kind, id) = (*kind, case.id);
                Callback::from(move |_: MouseEvent| {
                    ctx.load(request.clone(), Some(id));
                    if let Some(nav) = &navigator {
                        nav.push(&Route::MsgAuthCheck { check: kind.slug().into() });
                    }
                })
            };
            html! {
                <button type="button" class="button primary" data-testid="msgauth-case-open"
                    data-case={case.id} data-check={kind.slug()} onclick={on_click}>
                    { texts::OPEN_IN.get(lang).fill(&[("check", &check_name(*kind).get(lang))]) }
                </button>
            }
        });
        html! {
            <li class="panel msgauth-case" data-testid="msgauth-case" data-case={case.id}>
                <h3 class="msgauth-case-title">{ case.title.get(lang) }</h3>
                <p>{ case.story.get(lang) }</p>
                <p><strong>{ texts::GOAL.get(lang) }{ lang.colon() }</strong>{ case.goal.get(lang) }</p>
                <div class="buttons">{ for buttons }</div>
            </li>
        }
    });
    html! {
        <section class="msgauth-cases" data-testid="msgauth-cases" aria-labelledby="msgauth-cases-heading">
            <h2 id="msgauth-cases-heading">{ texts::CASES_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::CASES_INTRO.get(lang) }</p>
            <ul class="msgauth-case-list">{ for items }</ul>
        </section>
    }
}
