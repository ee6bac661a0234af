//! Copying text: `navigator.clipboard` where the browser offers it (secure contexts), else
//! the text is selected on the page so the learner can press Ctrl+C.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// How a copy went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// On the clipboard.
    Done,
    /// Not possible here: the text is selected instead.
    Selected,
}

/// Puts `text` on the clipboard; if that is unavailable or refused, selects `fallback`
/// (an input's or text area's text, or the element's contents). Reports the outcome.
pub fn copy_text(text: String, fallback: Option<web_sys::Node>, on_done: Callback<Copied>) {
    let clipboard = web_sys::window().and_then(|w| {
        let value = js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok()?;
        (!value.is_undefined() && !value.is_null())
            .then(|| value.unchecked_into::<web_sys::Clipboard>())
    });
    let Some(clipboard) = clipboard else {
        select(fallback);
        on_done.emit(Copied::Selected);
        return;
    };
    let promise = clipboard.write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => on_done.emit(Copied::Done),
            Err(_) => {
                select(fallback);
                on_done.emit(Copied::Selected);
            }
        }
    });
}

fn select(node: Option<web_sys::Node>) {
    let Some(node) = node else {
        return;
    };
    if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
        let _ = input.focus();
    } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
        let _ = area.focus();
    } else if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten())
    {
        let _ = selection.select_all_children(&node);
    }
}
