//! The result of the last send: why nothing was sent (the composer's refusal), or the
//! verdict and every view of the session — envelope against headers, the dialog, the log,
//! the AUTH steps, the wire, the composer's notes.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::auth_trace::AuthTrace;
use super::dialog::Dialog;
use super::dkim_result::DkimResult;
use super::envelope_view::EnvelopeView;
use super::log_view::LogView;
use super::notes_view::NotesView;
use super::session::SendResult;
use super::state::use_compose;
use super::texts as tx;
use super::wire_view::WireView;
use crate::i18n::Fill;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The result panel.
#[function_component(ResultPanel)]
pub fn result_panel() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let heading = use_node_ref();
    let result = compose.as_ref().and_then(|c| c.result.clone());
    // A new result (not the one shown when the page opened) moves the focus to it.
    let shown = use_mut_ref(|| result.as_ref().map(Rc::as_ptr));
    {
        let heading = heading.clone();
        let current = result.as_ref().map(Rc::as_ptr);
        use_effect_with(current, move |current| {
            if *shown.borrow() != *current {
                *shown.borrow_mut() = *current;
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }
    let body = match result.as_deref() {
        None => {
            html! { <p class="hint" data-testid="compose-no-result">{ tx::NO_RESULT.get(lang) }</p> }
        }
        Some(SendResult::Refused(refusal)) => html! {
            <div class="error-box" role="alert" data-testid="compose-refused">
                <p><strong>{ tx::REFUSED.get(lang) }</strong></p>
                <p>{ refusal.describe(lang) }</p>
            </div>
        },
        Some(SendResult::Sent(sent)) => {
            let verdict = match (&sent.accepted_line, &sent.failure) {
                (Some(line), _) if sent.delivered => {
                    tx::DELIVERED.get(lang).fill(&[("reply", &line)])
                }
                (_, Some(failure)) => failure.get(lang).to_string(),
                _ => tx::NOT_DELIVERED.get(lang).to_string(),
            };
            let sent = Rc::clone(sent);
            html! {
                <>
                    <div class={classes!("verdict", if sent.delivered { "valid" } else { "invalid" })}
                        data-testid="compose-verdict" data-delivered={sent.delivered.to_string()}>
                        <p class="verdict-title">{ verdict }</p>
                        if sent.stored {
                            <p><Link<Route> to={Route::Mailbox}>{ tx::OPEN_MAILBOX.get(lang) }</Link<Route>></p>
                        }
                    </div>
                    <DkimResult sent={sent.clone()} />
                    <EnvelopeView sent={sent.clone()} />
                    <Dialog sent={sent.clone()} />
                    <LogView sent={sent.clone()} />
                    <AuthTrace sent={sent.clone()} />
                    <WireView sent={sent.clone()} />
                    <NotesView {sent} />
                </>
            }
        }
    };
    html! {
        <section class="compose-result" aria-labelledby="compose-result-heading"
            data-testid="compose-result">
            <h2 id="compose-result-heading" tabindex="-1" ref={heading}>{ tx::RESULT.get(lang) }</h2>
            { body }
        </section>
    }
}
