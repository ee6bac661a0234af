//! The navigation bar: the product's name, its built sections, the language switch.

use yew::prelude::*;
use yew_router::prelude::*;

use super::lang_switch::LangSwitch;
use super::route::Route;
use super::state::use_lang;
use crate::i18n::{t, Msg};

/// The bar at the top of every page.
#[function_component(Nav)]
pub fn nav() -> Html {
    let lang = use_lang();
    let route = use_route::<Route>();
    // Another section opens at its top: the browser keeps the window's scroll position
    // across hash routes, so a page left scrolled down opened the next one mid-page with
    // its heading out of view. Moves within a section (a reference entry, a lesson) keep
    // theirs. (Here, where the route is read anyway: no component of its own on every
    // first page.)
    let seen = use_mut_ref(|| None::<&'static str>);
    // On a phone the links are one row that scrolls sideways: the section's own link is
    // brought into that row's view.
    use_effect_with(route.as_ref().map(Route::section), move |section| {
        let previous = std::mem::replace(&mut *seen.borrow_mut(), *section);
        let Some(window) = web_sys::window() else {
            return;
        };
        if previous.is_some() && previous != *section {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        let nav = window
            .document()
            .and_then(|d| d.query_selector("[data-testid=nav]").ok().flatten());
        let active = nav.as_ref().and_then(|n| {
            n.query_selector(".nav-link.active")
                .ok()
                .flatten()
                .and_then(|a| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a).ok())
        });
        if let (Some(nav), Some(active)) = (nav, active) {
            if nav.scroll_width() > nav.client_width() {
                nav.set_scroll_left(active.offset_left() - 16);
            }
        }
    });
    let on_console = matches!(route, Some(Route::Home | Route::Console));
    let on_auth = matches!(route, Some(Route::Auth | Route::AuthMechanism { .. }));
    let on_verify = matches!(route, Some(Route::Verify));
    let on_reference = matches!(
        route,
        Some(Route::Reference | Route::ReferenceCode { .. } | Route::ReferencePair { .. })
    );
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-name" data-testid="app-name">{ t(lang, Msg::AppName) }</span>
                <span class="tagline">{ t(lang, Msg::Tagline) }</span>
            </div>
            <nav aria-label={t(lang, Msg::NavLabel)} data-testid="nav">
                <Link<Route> to={Route::Console}
                    classes={classes!("nav-link", on_console.then_some("active"))}>
                    <span data-testid="nav-console">{ t(lang, Msg::NavConsole) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Auth}
                    classes={classes!("nav-link", on_auth.then_some("active"))}>
                    <span data-testid="nav-auth">{ t(lang, Msg::NavAuth) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Verify}
                    classes={classes!("nav-link", on_verify.then_some("active"))}>
                    <span data-testid="nav-verify">{ t(lang, Msg::NavVerify) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Compose}
                    classes={classes!("nav-link", matches!(route, Some(Route::Compose)).then_some("active"))}>
                    <span data-testid="nav-compose">{ crate::ui::compose::texts::NAV.get(lang) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Mailbox}
                    classes={classes!("nav-link", matches!(route, Some(Route::Mailbox)).then_some("active"))}>
                    <span data-testid="nav-mailbox">{ crate::ui::mailbox::texts::NAV.get(lang) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Analyze}
                    classes={classes!("nav-link", matches!(route, Some(Route::Analyze)).then_some("active"))}>
                    <span data-testid="nav-analyze">{ crate::ui::analyze::texts::NAV.get(lang) }</span>
                </Link<Route>>
                <Link<Route> to={Route::MsgAuth}
                    classes={classes!("nav-link", matches!(route, Some(Route::MsgAuth | Route::MsgAuthCheck { .. })).then_some("active"))}>
                    <span data-testid="nav-msgauth">{ crate::ui::msgauth::texts::NAV.get(lang) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Scenarios}
                    classes={classes!("nav-link", matches!(route, Some(Route::Scenarios | Route::Scenario { .. })).then_some("active"))}>
                    <span data-testid="nav-scenarios">{ crate::ui::learn::scenarios::texts::NAV.get(lang) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Lessons}
                    classes={classes!("nav-link", matches!(route, Some(Route::Lessons | Route::Lesson { .. })).then_some("active"))}>
                    <span data-testid="nav-lessons">{ crate::ui::learn::lessons::texts::NAV.get(lang) }</span>
                </Link<Route>>
                <Link<Route> to={Route::Reference}
                    classes={classes!("nav-link", on_reference.then_some("active"))}>
                    <span data-testid="nav-reference">{ t(lang, Msg::NavReference) }</span>
                </Link<Route>>
            </nav>
            <LangSwitch />
        </header>
    }
}
