//! "Verify DKIM" for a stored message that carries a `DKIM-Signature` (issue 19): opens
//! the message-authentication section's DKIM check (`#/msgauth/dkim`) with the message
//! exactly as the server stored it and, when the composer signed it, the record of the
//! key it signed with — and runs the check. Otherwise the learner pastes the record there.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::state::MailItem;
use super::texts as tx;
use crate::msgauth::has_dkim_signature;
use crate::msgauth::page::Request;
use crate::ui::msgauth::state::{now_secs, use_msgauth};
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// Props.
#[derive(Properties, PartialEq)]
pub struct DkimCheckProps {
    /// The message.
    pub item: Rc<MailItem>,
}

/// The button, when the message is signed.
#[function_component(DkimCheck)]
pub fn dkim_check(props: &DkimCheckProps) -> Html {
    let lang = use_lang();
    let msgauth = use_msgauth();
    let navigator = use_navigator();
    let item = &props.item;
    let Some(ctx) = msgauth else {
        return Html::default();
    };
    if !has_dkim_signature(&item.data) {
        return Html::default();
    }
    let on_click = {
        let item = item.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.load(
                Request::DkimVerify {
                    message: String::from_utf8_lossy(&item.data).into_owned(),
                    key_record: item.dkim_record.clone().unwrap_or_default(),
                    index: 0,
                    now: Some(now_secs()),
                },
                None,
            );
            if let Some(nav) = &navigator {
                nav.push(&Route::MsgAuthCheck {
                    check: "dkim".into(),
                });
            }
        })
    };
    let hint = if item.dkim_record.is_some() {
        tx::VERIFY_DKIM_HINT
    } else {
        tx::VERIFY_DKIM_PASTE
    };
    html! {
        <div class="buttons mail-dkim">
            <button type="button" class="button" data-testid="mailbox-verify-dkim" onclick={on_click}>
                { tx::VERIFY_DKIM.get(lang) }
            </button>
            <span class="hint">{ hint.get(lang) }</span>
        </div>
    }
}
