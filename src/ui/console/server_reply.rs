//! One `S:` reply in the transcript: a button that expands why the server sent it, with the
//! reference's name for its code and a link to it. A `334` shows its decoded challenge.

use std::rc::Rc;

use yew::prelude::*;

use super::decode::reply_decoded;
use super::decoded_view::DecodedView;
use crate::i18n::{t, Msg};
use crate::smtp::reply::Reply;
use crate::ui::reply_reference::{reply_reference, Explained};
use crate::ui::state::use_lang;

/// A reply and how to show it.
#[derive(Properties, PartialEq)]
pub struct ServerReplyProps {
    /// The transcript entry's id (names the explanation for `aria-controls`).
    pub id: u64,
    /// The reply.
    pub reply: Rc<Reply>,
    /// Whether to show ␍␊ at line ends.
    pub show_crlf: bool,
}

/// A server reply, expandable to its explanation.
#[function_component(ServerReply)]
pub fn server_reply(props: &ServerReplyProps) -> Html {
    let lang = use_lang();
    let expanded = use_state(|| false);
    let opened = use_mut_ref(|| false);
    let on_toggle = {
        let (expanded, opened) = (expanded.clone(), opened.clone());
        Callback::from(move |_: MouseEvent| {
            *opened.borrow_mut() = !*expanded;
            expanded.set(!*expanded);
        })
    };
    let reply = &props.reply;
    let panel_id = format!("console-why-{}", props.id);
    {
        // An explanation opened by the learner scrolls into view (the last reply's opens
        // below the transcript's visible part otherwise).
        let panel_id = panel_id.clone();
        use_effect_with(*expanded, move |&expanded| {
            if expanded && std::mem::take(&mut *opened.borrow_mut()) {
                if let Some(panel) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&panel_id))
                {
                    panel.scroll_into_view_with_bool(false);
                }
            }
        });
    }
    let class = match reply.code.digits()[0] {
        2 | 3 => "positive",
        4 => "transient",
        _ => "permanent",
    };
    let decoded = reply_decoded(reply);
    let wire = reply.wire_lines();
    let last = wire.len().saturating_sub(1);
    let lines = wire.into_iter().enumerate().map(|(i, line)| {
        html! {
            <span class="wire-line">
                <span class="prefix">{ "S: " }</span>
                <span class="text">{ line }</span>
                if props.show_crlf { <span class="crlf" aria-hidden="true">{ "␍␊" }</span> }
                if i == last {
                    if let Some(decoded) = decoded.clone() { { " " }<DecodedView {decoded} /> }
                }
            </span>
        }
    });
    let code_text = reply.code.to_string();
    let explained = Explained {
        code: Some(reply.code),
        code_text: &code_text,
        enhanced: reply.enhanced,
        why: Some(reply.why.explain(lang)),
        no_why: "",
    };
    let panel = reply_reference(explained, panel_id.clone(), "console", lang);
    html! {
        <div class={classes!("line", "server", class)} data-testid="console-server-line">
            <button type="button" class="reply" aria-expanded={expanded.to_string()}
                aria-controls={expanded.then(|| AttrValue::from(panel_id.clone()))} title={t(lang, Msg::ConsoleReplyTitle)}
                data-testid="console-reply" onclick={on_toggle}>
                { for lines }
            </button>
            if *expanded { { panel } }
        </div>
    }
}
