//! The root component: state providers, the shell (router, navigation, the page for the
//! route) and which page each route shows. The console, the reference, Auth and Verify
//! also run as apps of their own for a first visit ([`super::sections`]); the whole app
//! then starts from what they hand over.

use yew::prelude::*;
use yew_router::prelude::*;

use super::auth::state::AuthContext;
use super::console::state::{ConsoleContext, DraftsContext};
use super::mailbox::providers::MailProviders;
use super::nav::Nav;
use super::pages::{
    auth::AuthPage, console::ConsolePage, not_found::NotFound, reference::ReferencePage,
    verify::VerifyPage,
};
use super::route::Route;
use super::sections;
use super::state::{apply_lang, stored_lang, AppContext, AppState};
use super::verify::state::VerifyContext;
use crate::i18n::{t, Msg};

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    // What a section's own module handed over, when the app starts from one.
    let handoff = use_memo((), |_| sections::take_handoff());
    let from = || (*handoff).clone();
    // The console lives here, above the router, so its session outlives a visit to the
    // reference; the drafts apart from it, so typing re-renders only the input.
    let console = use_reducer({
        let h = from();
        move || sections::console_from(h.as_ref())
    });
    let drafts = use_reducer({
        let h = from();
        move || sections::drafts_from(h.as_ref())
    });
    // The auth and verify pages' inputs (passwords included, in memory only) and results,
    // kept across navigation too.
    let auth = use_reducer({
        let h = from();
        move || sections::auth_from(h.as_ref())
    });
    let verify = use_reducer({
        let h = from();
        move || sections::verify_from(h.as_ref())
    });
    let lang = sections::lang_from(handoff.as_ref().as_ref());

    html! {
        <ContextProvider<ConsoleContext> context={console}>
            <ContextProvider<DraftsContext> context={drafts}>
                <ContextProvider<AuthContext> context={auth}>
                    <ContextProvider<VerifyContext> context={verify}>
                        // The compose form and result, and the accepted messages.
                        <MailProviders>
                        // The analyze, scenarios and lessons pages' state.
                        <super::learn::provider::LearnProvider>
                        // The message-authentication section's inputs, answers and worker.
                        <super::msgauth::state::MsgAuthProvider>
                            <Shell pages={switch as fn(Route) -> Html} {lang} />
                        </super::msgauth::state::MsgAuthProvider>
                        </super::learn::provider::LearnProvider>
                        </MailProviders>
                    </ContextProvider<VerifyContext>>
                </ContextProvider<AuthContext>>
            </ContextProvider<DraftsContext>>
        </ContextProvider<ConsoleContext>>
    }
}

/// What the shell shows.
#[derive(Properties)]
pub struct ShellProps {
    /// The page for each route.
    pub pages: fn(Route) -> Html,
    /// The language to start in (else the stored one, else the browser's).
    #[prop_or_default]
    pub lang: Option<crate::i18n::Lang>,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &ShellProps) -> bool {
        std::ptr::fn_addr_eq(self.pages, other.pages) && self.lang == other.lang
    }
}

/// What every page is framed by, in the whole app and in each section's own: the language,
/// the router, the skip link, the navigation, the page, the footer.
#[function_component(Shell)]
pub fn shell(props: &ShellProps) -> Html {
    let start = props.lang;
    let state = use_reducer(move || AppState::new(start.unwrap_or_else(stored_lang)));
    let lang = state.lang;
    // The effect runs as the shell mounts (the language it starts in) and at each change,
    // which only the learner's choice makes.
    let started = use_mut_ref(|| false);
    use_effect_with(lang, move |&lang| {
        let chosen = started.replace(true);
        apply_lang(lang, chosen);
    });
    let pages = props.pages;
    html! {
        <ContextProvider<AppContext> context={state}>
            <HashRouter>
                <a class="skip-link" href="#main" data-testid="skip-link"
                   onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); focus_main(); })}>
                    { t(lang, Msg::SkipToContent) }
                </a>
                <Nav />
                <main id="main" tabindex="-1" data-testid="main">
                    // A first page's module holds one language's texts: the other one
                    // is the whole app's, which takes over with everything kept.
                    if crate::i18n::ONE_LANGUAGE.is_some_and(|one| one != lang) {
                        <super::sections::Elsewhere />
                    } else {
                        <Switch<Route> render={pages} />
                    }
                </main>
                <footer class="footer" data-testid="footer">{ t(lang, Msg::PrivacyNote) }</footer>
            </HashRouter>
        </ContextProvider<AppContext>>
    }
}

/// Hash routing owns `#`: the skip link moves focus instead of navigating.
fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// The console's page, if `route` is one of its addresses.
pub fn console_page(route: &Route) -> Option<Html> {
    matches!(route, Route::Home | Route::Console).then(|| html! { <ConsolePage /> })
}

/// The Auth page, if `route` is one of its addresses.
pub fn auth_page(route: &Route) -> Option<Html> {
    match route {
        Route::Auth => Some(html! { <AuthPage mechanism={None::<AttrValue>} /> }),
        Route::AuthMechanism { mechanism } => {
            Some(html! { <AuthPage mechanism={Some(AttrValue::from(mechanism.clone()))} /> })
        }
        _ => None,
    }
}

/// The Verify page, if `route` is its address.
pub fn verify_page(route: &Route) -> Option<Html> {
    matches!(route, Route::Verify).then(|| html! { <VerifyPage /> })
}

/// The reference, if `route` is one of its addresses.
pub fn reference_page(route: &Route) -> Option<Html> {
    match route {
        Route::Reference => Some(html! { <ReferencePage query={None::<AttrValue>} /> }),
        Route::ReferenceCode { code } => {
            Some(html! { <ReferencePage query={Some(AttrValue::from(code.clone()))} /> })
        }
        Route::ReferencePair { code, enhanced } => Some(
            html! { <ReferencePage query={Some(AttrValue::from(format!("{code} {enhanced}")))} /> },
        ),
        _ => None,
    }
}

fn switch(route: Route) -> Html {
    if let Some(page) = console_page(&route)
        .or_else(|| auth_page(&route))
        .or_else(|| verify_page(&route))
        .or_else(|| reference_page(&route))
    {
        return page;
    }
    match route {
        Route::Compose => html! { <super::pages::compose::ComposePage /> },
        Route::Mailbox => html! { <super::pages::mailbox::MailboxPage /> },
        Route::Analyze => html! { <super::pages::analyze::AnalyzePage /> },
        Route::MsgAuth => {
            html! { <super::pages::msgauth::MsgAuthPage check={None::<AttrValue>} /> }
        }
        Route::MsgAuthCheck { check } => {
            html! { <super::pages::msgauth::MsgAuthPage check={Some(AttrValue::from(check))} /> }
        }
        Route::Scenarios => {
            html! { <super::pages::scenarios::ScenariosPage id={None::<AttrValue>} /> }
        }
        Route::Scenario { id } => {
            html! { <super::pages::scenarios::ScenariosPage id={Some(AttrValue::from(id))} /> }
        }
        Route::Lessons => html! { <super::pages::lessons::LessonsPage id={None::<AttrValue>} /> },
        Route::Lesson { id } => {
            html! { <super::pages::lessons::LessonsPage id={Some(AttrValue::from(id))} /> }
        }
        _ => html! { <NotFound /> },
    }
}
