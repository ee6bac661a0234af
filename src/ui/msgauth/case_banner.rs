//! Above a check loaded from a case study: the case's title and goal, and (folded) what to
//! fix, with the way back to the list.

use yew::prelude::*;
use yew_router::prelude::*;

use super::state::use_msgauth;
use super::texts;
use crate::i18n::Fill;
use crate::msgauth::cases::case;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// Props of the banner.
#[derive(Properties, PartialEq)]
pub struct CaseBannerProps {
    /// The check shown (`dkim`, `spf`, `dmarc`).
    pub check: AttrValue,
}

/// The banner, when the check shown belongs to the case loaded last.
#[function_component(CaseBanner)]
pub fn case_banner(props: &CaseBannerProps) -> Html {
    let lang = use_lang();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let Some(case) = ctx.state.case.and_then(case) else {
        return Html::default();
    };
    if !case
        .checks
        .iter()
        .any(|(k, _)| k.slug() == props.check.as_str())
    {
        return Html::default();
    }
    html! {
        <aside class="panel msgauth-case-banner" data-testid="msgauth-case-banner" data-case={case.id}>
            <p class="msgauth-case-title">{ texts::FROM_CASE.get(lang).fill(&[("title", &case.title.get(lang))]) }</p>
            <p><strong>{ texts::GOAL.get(lang) }{ lang.colon() }</strong>{ case.goal.get(lang) }</p>
            <details data-testid="msgauth-case-fix">
                <summary>{ texts::FIX.get(lang) }</summary>
                <p>{ case.fix.get(lang) }</p>
            </details>
            <Link<Route> to={Route::MsgAuthCheck { check: "cases".into() }} classes="button small">
                { texts::BACK_TO_CASES.get(lang) }
            </Link<Route>>
        </aside>
    }
}
