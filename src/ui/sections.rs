//! The first page's own module (issue 13).
//!
//! A first visit to the console, the reference, Auth or Verify loads a module that holds
//! that section alone (`console_page`, `reference_page`, `auth_page`, `verify_page`;
//! `static/loader.js` picks it from the address), so the page is usable after a fraction
//! of the whole app's download. Each of them is an app of its own: the section's state, the
//! same [`Shell`] (navigation, language switch), and for every other section's address a
//! placeholder ([`Elsewhere`]) that asks the loader for the whole app.
//!
//! The loader fetches and compiles the whole app's module while the first page stays as
//! it is, then calls the module's `smtpTrainerLeave`: the section's state is written into
//! a [`Handoff`] (the same fields its share link writes, passwords included, since the text
//! never leaves the page), the small app is destroyed, and the whole app starts from the
//! hand-over ([`take_handoff`] and the `*_from` functions), showing the address the learner
//! asked for. If the whole app cannot be fetched, the first page stays, with what was
//! typed, and says so.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::html::BaseComponent;
use yew::prelude::*;

use super::app::{auth_page, console_page, reference_page, verify_page, Shell};
use super::auth::state::{AuthAction, AuthContext, AuthState};
use super::console::state::{
    browser_now, ConsoleAction, ConsoleContext, ConsoleState, Drafts, DraftsContext,
};
use super::pages::not_found::NotFound;
use super::route::Route;
use super::state::use_lang;
use super::verify::state::{VerifyAction, VerifyContext, VerifyState};
use crate::i18n::{Fill, Lang, Tr};
use crate::share::handoff::Handoff;
use crate::share::pages::{AuthShare, ConsoleShare, VerifyShare};

/// Where the loader leaves the hand-over for the whole app.
const HANDOFF_KEY: &str = "smtpTrainerHandoff";
/// What the whole app's loader calls on the small app (`() => string`).
const LEAVE_KEY: &str = "smtpTrainerLeave";
/// What the small app calls to get the whole app (`() => Promise`).
const LOAD_KEY: &str = "smtpTrainerLoadAll";

// Both languages even in a module built with one (not `Tr::new`, which keeps only that
// one): these texts are shown while the whole app comes for the other language.
const LOADING: Tr = Tr {
    en: "Loading this section…",
    zh: "正在加载此部分……",
};
const FAILED: Tr = Tr {
    en: "This section could not be loaded ({error}). What you did on this page is kept: check the connection and try again.",
    zh: "无法加载此部分（{error}）。你在本页所做的内容都还在：请检查网络连接后重试。",
};
const RETRY: Tr = Tr {
    en: "Try again",
    zh: "重试",
};

/// Writes the running section's state into a hand-over.
type Export = Rc<dyn Fn(&mut Handoff)>;

thread_local! {
    /// The running section's [`Export`] (set by its entry at each render, so it holds the
    /// newest state).
    static EXPORT: RefCell<Option<Export>> = RefCell::new(None);
}

/// Starts the console's own app.
pub fn run_console() {
    run::<ConsoleEntry>();
}

/// Starts the reference's own app.
pub fn run_reference() {
    run::<ReferenceEntry>();
}

/// Starts the Auth page's own app.
pub fn run_auth() {
    run::<AuthEntry>();
}

/// Starts the Verify page's own app.
pub fn run_verify() {
    run::<VerifyEntry>();
}

fn run<COMP: BaseComponent<Properties = ()>>() {
    let mut app = Some(yew::Renderer::<COMP>::new().render());
    let leave = Closure::<dyn FnMut() -> JsValue>::new(move || {
        let mut handoff = Handoff::default();
        if let Some(lang) = shown_lang() {
            handoff.put("lang", lang.tag());
        }
        let export = EXPORT.with(|e| e.borrow().clone());
        if let Some(export) = export {
            export(&mut handoff);
        }
        if let Some(app) = app.take() {
            app.destroy();
        }
        JsValue::from_str(&handoff.encode())
    });
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &LEAVE_KEY.into(), leave.as_ref());
    }
    // Lives as long as the page: the loader may call it at any time.
    leave.forget();
}

/// The language the page shows (`<html lang>`, which the app keeps in step).
fn shown_lang() -> Option<Lang> {
    let html = web_sys::window()?.document()?.document_element()?;
    Lang::from_tag(&html.get_attribute("lang")?)
}

/// Registers what the running section hands over.
#[hook]
fn use_export(export: impl Fn(&mut Handoff) + 'static) {
    let export: Export = Rc::new(export);
    use_effect(move || EXPORT.with(|e| *e.borrow_mut() = Some(export)));
}

/// What the small app handed over, taken (read once, then removed from the page).
pub fn take_handoff() -> Option<Handoff> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &HANDOFF_KEY.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &HANDOFF_KEY.into());
    Handoff::decode(&value.as_string()?).ok()
}

/// The language handed over.
pub fn lang_from(handoff: Option<&Handoff>) -> Option<Lang> {
    handoff?.get("lang").and_then(Lang::from_tag)
}

/// The console handed over (its lines replayed on a new connection), else a new one.
pub fn console_from(handoff: Option<&Handoff>) -> ConsoleState {
    let now = browser_now();
    let state = ConsoleState::new(&now);
    match handoff.and_then(|h| h.state::<ConsoleShare>("console")) {
        Some(Ok(shared)) => {
            Rc::unwrap_or_clone(Rc::new(state).reduce(ConsoleAction::replay(shared, now)))
        }
        _ => state,
    }
}

/// The console's drafts handed over.
pub fn drafts_from(handoff: Option<&Handoff>) -> Drafts {
    let get = |key| {
        handoff
            .and_then(|h| h.get(key))
            .unwrap_or_default()
            .to_string()
    };
    Drafts {
        line: get("drafts.line"),
        data: get("drafts.data"),
    }
}

/// The Auth page's forms handed over (every mechanism's), the one shown last.
pub fn auth_from(handoff: Option<&Handoff>) -> AuthState {
    let mut state = Rc::new(AuthState::default());
    if let Some(handoff) = handoff {
        let shown = handoff.get("auth.shown").unwrap_or_default();
        let keys: Vec<&str> = handoff
            .keys()
            .filter(|k| k.starts_with("auth.form."))
            .collect();
        let (others, last): (Vec<&str>, Vec<&str>) = keys
            .into_iter()
            .partition(|k| k.strip_prefix("auth.form.") != Some(shown));
        for key in others.into_iter().chain(last) {
            if let Some(Ok(action)) = handoff
                .state::<AuthShare>(key)
                .map(|s| s.and_then(AuthAction::restore))
            {
                state = state.reduce(action);
            }
        }
    }
    Rc::unwrap_or_clone(state)
}

/// The Verify page's form handed over.
pub fn verify_from(handoff: Option<&Handoff>) -> VerifyState {
    let state = Rc::new(VerifyState::default());
    match handoff.and_then(|h| h.state::<VerifyShare>("verify")) {
        Some(Ok(shared)) => Rc::unwrap_or_clone(state.reduce(VerifyAction::Restore(shared))),
        _ => Rc::unwrap_or_clone(state),
    }
}

/// A route the running section does not hold: its page, else the placeholder.
fn or_elsewhere(page: Option<Html>, route: &Route) -> Html {
    page.unwrap_or_else(|| match route {
        Route::NotFound => html! { <NotFound /> },
        _ => html! { <Elsewhere /> },
    })
}

fn console_routes(route: Route) -> Html {
    or_elsewhere(console_page(&route), &route)
}

fn reference_routes(route: Route) -> Html {
    or_elsewhere(reference_page(&route), &route)
}

fn auth_routes(route: Route) -> Html {
    or_elsewhere(auth_page(&route), &route)
}

fn verify_routes(route: Route) -> Html {
    or_elsewhere(verify_page(&route), &route)
}

#[function_component(ConsoleEntry)]
fn console_entry() -> Html {
    let console = use_reducer(|| console_from(None));
    let drafts = use_reducer(Drafts::default);
    {
        let (console, drafts) = (console.clone(), drafts.clone());
        use_export(move |h| {
            h.put_state("console", &console.share());
            h.put("drafts.line", drafts.line.as_str());
            h.put("drafts.data", drafts.data.as_str());
        });
    }
    html! {
        <ContextProvider<ConsoleContext> context={console}>
            <ContextProvider<DraftsContext> context={drafts}>
                <Shell pages={console_routes as fn(Route) -> Html} />
            </ContextProvider<DraftsContext>>
        </ContextProvider<ConsoleContext>>
    }
}

#[function_component(ReferenceEntry)]
fn reference_entry() -> Html {
    use_export(|_| {});
    html! { <Shell pages={reference_routes as fn(Route) -> Html} /> }
}

#[function_component(AuthEntry)]
fn auth_entry() -> Html {
    let auth = use_reducer(AuthState::default);
    {
        let auth = auth.clone();
        use_export(move |h| {
            h.put("auth.shown", auth.current.slug());
            for mech in super::auth::mechanism::AuthMech::ALL {
                h.put_state(&format!("auth.form.{}", mech.slug()), &auth.share(mech));
            }
        });
    }
    html! {
        <ContextProvider<AuthContext> context={auth}>
            <Shell pages={auth_routes as fn(Route) -> Html} />
        </ContextProvider<AuthContext>>
    }
}

#[function_component(VerifyEntry)]
fn verify_entry() -> Html {
    let verify = use_reducer(VerifyState::default);
    {
        let verify = verify.clone();
        use_export(move |h| h.put_state("verify", &verify.share()));
    }
    html! {
        <ContextProvider<VerifyContext> context={verify}>
            <Shell pages={verify_routes as fn(Route) -> Html} />
        </ContextProvider<VerifyContext>>
    }
}

/// Another section's address: asks the loader for the whole app, says so while it comes,
/// and says why if it cannot (the first page is still there, one link away).
#[function_component(Elsewhere)]
pub(super) fn elsewhere() -> Html {
    let lang = use_lang();
    let failed = use_state(|| None::<String>);
    let attempt = use_state(|| 0u32);
    {
        let failed = failed.clone();
        use_effect_with(*attempt, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = load_all().await {
                    failed.set(Some(error));
                }
            });
        });
    }
    let retry = {
        let (failed, attempt) = (failed.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            failed.set(None);
            attempt.set(*attempt + 1);
        })
    };
    html! {
        <section class="page" data-testid="section-loading">
            if let Some(error) = &*failed {
                <p class="error" role="alert" data-testid="section-load-failed">
                    { FAILED.get(lang).fill(&[("error", error)]) }
                </p>
                <button type="button" data-testid="section-retry" onclick={retry}>
                    { RETRY.get(lang) }
                </button>
            } else {
                <p role="status" data-testid="section-loading-status">{ LOADING.get(lang) }</p>
            }
        </section>
    }
}

/// Asks the loader for the whole app; resolves once it runs (this app is gone by then).
async fn load_all() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let load = js_sys::Reflect::get(&window, &LOAD_KEY.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the page's loader is missing")?;
    let promise = load
        .call0(&window)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or("the page's loader failed")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "unknown error".to_string())
        })
}
