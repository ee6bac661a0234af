//! The root component: state provider, router, navigation, and the page for the route.

use yew::prelude::*;
use yew_router::prelude::*;

use super::auth::state::{AuthContext, AuthState};
use super::console::state::{browser_now, ConsoleContext, ConsoleState, Drafts, DraftsContext};
use super::mailbox::providers::MailProviders;
use super::nav::Nav;
use super::pages::{
    auth::AuthPage, console::ConsolePage, not_found::NotFound, reference::ReferencePage,
    verify::VerifyPage,
};
use super::route::Route;
use super::state::{apply_lang, stored_lang, AppContext, AppState};
use super::verify::state::{VerifyContext, VerifyState};
use crate::i18n::{t, Msg};

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::new(stored_lang()));
    // The console lives here, above the router, so its session outlives a visit to the
    // reference; the drafts apart from it, so typing re-renders only the input.
    let console = use_reducer(|| ConsoleState::new(&browser_now()));
    let drafts = use_reducer(Drafts::default);
    // The auth and verify pages' inputs (passwords included, in memory only) and results,
    // kept across navigation too.
    let auth = use_reducer(AuthState::default);
    let verify = use_reducer(VerifyState::default);
    let lang = state.lang;
    use_effect_with(lang, |&lang| apply_lang(lang));

    html! {
        <ContextProvider<AppContext> context={state}>
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
                            <HashRouter>
                                <a class="skip-link" href="#main" data-testid="skip-link"
                                   onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); focus_main(); })}>
                                    { t(lang, Msg::SkipToContent) }
                                </a>
                                <Nav />
                                <main id="main" tabindex="-1" data-testid="main">
                                    <Switch<Route> render={switch} />
                                </main>
                                <footer class="footer" data-testid="footer">{ t(lang, Msg::PrivacyNote) }</footer>
                            </HashRouter>
                            </super::msgauth::state::MsgAuthProvider>
                            </super::learn::provider::LearnProvider>
                            </MailProviders>
                        </ContextProvider<VerifyContext>>
                    </ContextProvider<AuthContext>>
                </ContextProvider<DraftsContext>>
            </ContextProvider<ConsoleContext>>
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

fn switch(route: Route) -> Html {
    match route {
        Route::Home | Route::Console => html! { <ConsolePage /> },
        Route::Auth => html! { <AuthPage mechanism={None::<AttrValue>} /> },
        Route::AuthMechanism { mechanism } => {
            html! { <AuthPage mechanism={Some(AttrValue::from(mechanism))} /> }
        }
        Route::Verify => html! { <VerifyPage /> },
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
        Route::Reference => html! { <ReferencePage query={None::<AttrValue>} /> },
        Route::ReferenceCode { code } => {
            html! { <ReferencePage query={Some(AttrValue::from(code))} /> }
        }
        Route::ReferencePair { code, enhanced } => {
            html! { <ReferencePage query={Some(AttrValue::from(format!("{code} {enhanced}")))} /> }
        }
        Route::NotFound => html! { <NotFound /> },
    }
}
