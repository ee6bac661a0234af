//! What a shareable page holds, kept in the tab across a reload: a reload (or Back to the
//! page from another site) used to start the console's session, the composer's message,
//! the Auth and Verify forms and the analyzer's log from nothing.
//!
//! The page's state goes into the tab's `sessionStorage` (gone when the tab closes) as its
//! share payload *without* passwords and tokens ([`crate::share::pages::payload`] with
//! `secrets = false`: the console's AUTH exchange, the form's password), whenever the page
//! is closed within the app, left (`pagehide`) or hidden (`visibilitychange`: a phone may
//! discard a hidden tab without `pagehide`). The loader (`static/loader.js`) listens for
//! those two and calls the running module's `smtpTrainerKeep`; it also copies the kept
//! states into `window.smtpTrainerKept` when the document came from a reload or the
//! history (a new visit starts afresh), and each is taken from there once, by whichever of
//! the page's modules first shows the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::share::Page;

/// Where the loader leaves what was kept before this document.
const KEPT_KEY: &str = "smtpTrainerKept";
/// What the loader calls when the page is left or hidden (`() => undefined`).
const KEEP_KEY: &str = "smtpTrainerKeep";

/// The tab's storage key of a page's kept state (`part`: Auth's mechanism).
pub fn key(page: Page, part: &str) -> String {
    if part.is_empty() {
        format!("smtp-trainer.kept.{}", page.id())
    } else {
        format!("smtp-trainer.kept.{}.{part}", page.id())
    }
}

/// Keeps `payload` under `key`. A full or refused storage keeps nothing.
pub fn save(key: &str, payload: &str) {
    let storage = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(storage) = storage {
        let _ = storage.set_item(key, payload);
    }
}

/// What was kept under `key` before this document came back, taken (a second call in the
/// same document, from this module or another, gets `None`).
pub fn take(key: &str) -> Option<String> {
    let window = web_sys::window()?;
    let kept = js_sys::Reflect::get(&window, &KEPT_KEY.into()).ok()?;
    if !kept.is_object() {
        return None;
    }
    let key = JsValue::from_str(key);
    let payload = js_sys::Reflect::get(&kept, &key).ok()?.as_string()?;
    let _ = js_sys::Reflect::delete_property(kept.unchecked_ref::<js_sys::Object>(), &key);
    Some(payload)
}

/// Saves one page's state.
type Saver = Rc<dyn Fn()>;

thread_local! {
    /// The shown pages' savers, by id.
    static SAVERS: RefCell<Vec<(u64, Saver)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

/// Calls `save` whenever the page is left or hidden, until [`forget`] is given the id.
pub fn on_leave(save: Saver) -> u64 {
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    if id == 0 {
        // This module's one hook for the loader, for as long as the page lives.
        let keep = Closure::<dyn FnMut() -> JsValue>::new(|| {
            let savers: Vec<Saver> =
                SAVERS.with(|s| s.borrow().iter().map(|(_, s)| s.clone()).collect());
            for save in savers {
                save();
            }
            JsValue::UNDEFINED
        });
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &KEEP_KEY.into(), keep.as_ref());
        }
        keep.forget();
    }
    SAVERS.with(|s| s.borrow_mut().push((id, save)));
    id
}

/// Stops calling the saver [`on_leave`] registered as `id`.
pub fn forget(id: u64) {
    SAVERS.with(|s| s.borrow_mut().retain(|(i, _)| *i != id));
}
