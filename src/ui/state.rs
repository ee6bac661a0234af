//! App-wide state: the language. A reducer, provided to every component by context.
//!
//! The choice is remembered in `localStorage` (only the language; nothing a learner types
//! is stored). Without a stored choice the browser's languages decide. The reducer is pure:
//! the app reads the choice ([`stored_lang`]) in the reducer's init and writes it in an
//! effect ([`apply_lang`]) once the learner changes it.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, Lang, Msg};

const STORAGE_KEY: &str = "smtp-trainer.lang";

/// The state shared by all components.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The language every text is shown in.
    pub lang: Lang,
}

/// What can change the state.
pub enum Action {
    /// The learner picked a language.
    SetLang(Lang),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLang(lang) => Rc::new(AppState { lang }),
        }
    }
}

/// The handle components receive from the context.
pub type AppContext = UseReducerHandle<AppState>;

impl AppState {
    /// The state at the start, in `lang` (the app passes [`stored_lang`]).
    pub fn new(lang: Lang) -> AppState {
        AppState { lang }
    }
}

/// The stored language, else the browser's preference, else English (read once, in the
/// reducer's init, so the first render is already in it).
pub fn stored_lang() -> Lang {
    let stored = local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    stored.unwrap_or_else(browser_lang)
}

/// Shows the language in `<html lang>` and the title and, once the learner has `chosen` it,
/// remembers it. The language a page starts in is not written back: it is already the
/// stored choice or the browser's, and a first visit would pay for opening the storage
/// (about 10 ms in Chromium) before the page shows.
pub fn apply_lang(lang: Lang, chosen: bool) {
    if chosen {
        if let Some(storage) = local_storage() {
            // Storage can be full or disabled (private mode); the page works without it.
            let _ = storage.set_item(STORAGE_KEY, lang.tag());
        }
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
        document.set_title(t(lang, Msg::AppName));
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn browser_lang() -> Lang {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::default();
    };
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(navigator.language())
        .collect();
    Lang::negotiate(languages.iter().map(String::as_str))
}

/// The app state from the context; a component outside the provider sees the default.
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}

/// The current language.
#[hook]
pub fn use_lang() -> Lang {
    use_app().map(|app| app.lang).unwrap_or_default()
}
