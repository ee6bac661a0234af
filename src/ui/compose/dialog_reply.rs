//! One `S:` reply of the dialog: a button that expands why the server sent it (the
//! server's own reason), the reference's name for its code and a link to it.

use yew::prelude::*;

use super::texts as tx;
use crate::i18n::Text;
use crate::smtp::explain::explain;
use crate::ui::reply_reference::{reply_reference, Explained};
use crate::ui::state::use_lang;

/// A reply and how to show it.
#[derive(Properties, PartialEq)]
pub struct DialogReplyProps {
    /// The row's index (names the explanation for `aria-controls`).
    pub id: usize,
    /// The lines as the client read them.
    pub lines: Vec<String>,
    /// Why the server sent it (when the reply could be paired with the server's own).
    pub why: Option<Text>,
    /// Whether it answers the end of the message data.
    pub end_of_data: bool,
}

/// A reply, expandable to its explanation.
#[function_component(DialogReply)]
pub fn dialog_reply(props: &DialogReplyProps) -> Html {
    let lang = use_lang();
    let expanded = use_state(|| false);
    let on_toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let last = props.lines.last().cloned().unwrap_or_default();
    // The reference's reading of the code (and enhanced code) on the last line.
    let found = explain(&last).ok();
    let code = found
        .as_ref()
        .and_then(|f| f.reply)
        .map(|r| r.code.to_string())
        .unwrap_or_else(|| last.chars().take(3).collect());
    let class = match code.chars().next() {
        Some('2' | '3') => "positive",
        Some('4') => "transient",
        _ => "permanent",
    };
    let enhanced = found.as_ref().and_then(|f| f.enhanced.and_then(|e| e.code));
    let reply_code = found.as_ref().and_then(|f| f.reply).map(|r| r.code);
    let panel_id = format!("compose-why-{}", props.id);
    let explained = Explained {
        code: reply_code,
        code_text: &code,
        enhanced,
        why: props.why.as_ref().map(|w| w.get(lang).to_string()),
        no_why: tx::NO_WHY.get(lang),
    };
    let panel = reply_reference(explained, panel_id.clone(), "compose", lang);
    let lines = props.lines.iter().map(|line| {
        html! {
            <span class="wire-line">
                <span class="prefix">{ "S: " }</span><span class="text">{ line.clone() }</span>
            </span>
        }
    });
    html! {
        <div class={classes!("line", "server", class)} data-testid="compose-server-line"
            data-code={code.clone()} data-end-of-data={props.end_of_data.to_string()}>
            <button type="button" class="reply" aria-expanded={expanded.to_string()}
                aria-controls={expanded.then(|| AttrValue::from(panel_id.clone()))}
                title={tx::REPLY_TITLE.get(lang)} data-testid="compose-reply" onclick={on_toggle}>
                { for lines }
            </button>
            if *expanded { { panel } }
        </div>
    }
}
