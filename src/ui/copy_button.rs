//! A Copy button for one value, with a status that says what became of the copy.

use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::ui::clipboard::{copy_text, Copied};
use crate::ui::state::use_lang;

/// The value to copy and the element that shows it.
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text copied.
    pub value: AttrValue,
    /// The element showing it, selected when the clipboard is unavailable.
    pub target: NodeRef,
    /// The `data-testid`; the status gets `<testid>-status`.
    pub testid: AttrValue,
    /// What is copied, for screen readers (e.g. "Copy hex").
    pub label: AttrValue,
}

/// Copy, then "Copied." (or how to copy by hand).
#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| None::<(AttrValue, Copied)>);
    let on_click = {
        let copied = copied.clone();
        let value = props.value.clone();
        let target = props.target.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let done_for = value.clone();
            copy_text(
                value.to_string(),
                target.get(),
                Callback::from(move |outcome| copied.set(Some((done_for.clone(), outcome)))),
            );
        })
    };
    // A status about another value (the step changed since) is not shown.
    let status = match &*copied {
        Some((value, Copied::Done)) if *value == props.value => t(lang, Msg::ConsoleCopied),
        Some((value, Copied::Selected)) if *value == props.value => {
            t(lang, Msg::ConsoleCopySelected)
        }
        _ => "",
    };
    html! {
        <>
            <button type="button" class="button small" aria-label={props.label.clone()}
                data-testid={props.testid.clone()} onclick={on_click}>
                { t(lang, Msg::ConsoleCopy) }
            </button>
            <span class="copy-status" role="status" data-testid={format!("{}-status", props.testid)}>
                { status }
            </span>
        </>
    }
}
