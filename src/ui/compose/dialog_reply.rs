//! One `S:` reply of the dialog: a button that expands why the server sent it (the
//! server's own reason), the reference's name for its code and a link to it.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::texts as tx;
use crate::i18n::{t, Msg};
use crate::smtp::explain::explain;
use crate::smtp::reference::{enhanced_info, reply_info};
use crate::smtp::reply::Reply;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// A reply and how to show it.
#[derive(Properties, PartialEq)]
pub struct DialogReplyProps {
    /// The row's index (names the explanation for `aria-controls`).
    pub id: usize,
    /// The lines as the client read them.
    pub lines: Vec<String>,
    /// The server's reply, with why it was sent (when it could be paired).
    pub reply: Option<Rc<Reply>>,
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
    let title = found
        .as_ref()
        .and_then(|f| f.reply)
        .and_then(|r| reply_info(r.code))
        .map_or_else(|| t(lang, Msg::NotInReference), |i| i.title.get(lang));
    let enhanced_title = enhanced.map(|e| {
        (
            e,
            enhanced_info(e).map_or_else(|| t(lang, Msg::NotInReference), |i| i.title.get(lang)),
        )
    });
    let route = match enhanced {
        Some(e) => Route::ReferencePair {
            code: code.clone(),
            enhanced: e.to_string(),
        },
        None => Route::ReferenceCode { code: code.clone() },
    };
    let label = match enhanced {
        Some(e) => format!("{code} {e}"),
        None => code.clone(),
    };
    let panel_id = format!("compose-why-{}", props.id);
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
            if *expanded {
                <div class="explanation" id={panel_id} data-testid="compose-explanation">
                    if let Some(reply) = &props.reply {
                        <p class="why" data-testid="compose-why">{ reply.why.explain(lang) }</p>
                    } else {
                        <p class="why">{ tx::NO_WHY.get(lang) }</p>
                    }
                    <p class="ref">
                        <span class="code">{ code.clone() }</span>{ " " }{ title }
                        if let Some((e, etitle)) = enhanced_title {
                            { " · " }<span class="code">{ e.to_string() }</span>{ " " }{ etitle }
                        }
                    </p>
                    <p class="ref-link">
                        <Link<Route> to={route}>
                            { t(lang, Msg::ConsoleOpenReference).replace("{code}", &label) }
                        </Link<Route>>
                    </p>
                </div>
            }
        </div>
    }
}
