//! Hooks the console's components share.

use yew::prelude::*;

/// A `<select>` whose shown option follows `value`. Yew renders `selected` as an attribute,
/// which a browser ignores once the learner has picked an option by hand; when the state
/// changes on its own (a "next command" fault that fired), the select must be told.
#[hook]
pub fn use_synced_select(value: String) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(value, move |value| {
            if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != *value {
                    select.set_value(value);
                }
            }
        });
    }
    node
}
