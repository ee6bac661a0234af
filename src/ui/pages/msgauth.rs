//! The message-authentication section: why did it land in spam? Tabs link to each check
//! (`#/msgauth/dkim`, `#/msgauth/sign`, `#/msgauth/spf`, `#/msgauth/dmarc`) and to the case
//! studies (`#/msgauth/cases`, also `#/msgauth`), so every check has a deep link.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{Fill, Tr};
use crate::ui::msgauth::case_banner::CaseBanner;
use crate::ui::msgauth::cases_view::CasesView;
use crate::ui::msgauth::dkim_view::DkimView;
use crate::ui::msgauth::dmarc_view::DmarcView;
use crate::ui::msgauth::sign_view::SignView;
use crate::ui::msgauth::spf_view::SpfView;
use crate::ui::msgauth::texts;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The tabs: slug and name.
const TABS: [(&str, Tr); 5] = [
    ("cases", texts::TAB_CASES),
    ("dkim", texts::TAB_DKIM),
    ("sign", texts::TAB_SIGN),
    ("spf", texts::TAB_SPF),
    ("dmarc", texts::TAB_DMARC),
];

/// Props of the page.
#[derive(Properties, PartialEq)]
pub struct MsgAuthPageProps {
    /// The check in the link; `None`: the case studies.
    pub check: Option<AttrValue>,
}

/// The section's page.
#[function_component(MsgAuthPage)]
pub fn msgauth_page(props: &MsgAuthPageProps) -> Html {
    let lang = use_lang();
    let check = props.check.as_deref().unwrap_or("cases");
    let tabs = TABS.iter().map(|(slug, name)| {
        let current = *slug == check;
        html! {
            <Link<Route> to={Route::MsgAuthCheck { check: slug.to_string() }}
                classes={classes!("nav-link", "msgauth-tab", current.then_some("active"))}>
                <span data-testid={format!("msgauth-tab-{slug}")} aria-current={current.then_some("page")}>
                    { name.get(lang) }
                </span>
            </Link<Route>>
        }
    });
    let body = match check {
        "cases" => html! { <CasesView /> },
        "dkim" => html! { <DkimView /> },
        "sign" => html! { <SignView /> },
        "spf" => html! { <SpfView /> },
        "dmarc" => html! { <DmarcView /> },
        other => html! {
            <p class="error-box" role="alert" data-testid="msgauth-unknown">
                { texts::UNKNOWN_CHECK.get(lang).fill(&[("check", &other)]) }
            </p>
        },
    };
    html! {
        <section class="page learn msgauth" data-testid="msgauth-page" data-check={check.to_string()}>
            <h1 data-testid="msgauth-heading">{ texts::HEADING.get(lang) }</h1>
            <p class="intro">{ texts::INTRO.get(lang) }</p>
            <nav class="msgauth-tabs" aria-label={texts::TABS.get(lang)} data-testid="msgauth-tabs">{ for tabs }</nav>
            <CaseBanner check={AttrValue::from(check.to_string())} />
            { body }
        </section>
    }
}
