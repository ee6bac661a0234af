//! Where the focus goes on the learn pages when nothing else has it.

/// Focuses the first element matching `selector` when nothing else has the focus (the button that had
/// it just went away, or a link was followed), so the next Tab starts where the learner
/// works, not at the top of the page.
pub fn focus_if_idle(selector: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let idle = document
        .active_element()
        .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
    if idle {
        if let Some(element) = document
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}
