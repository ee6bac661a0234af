//! DKIM sign (`#/msgauth/sign`): a demo Ed25519 key pair made in the page (32 octets from
//! the browser's `crypto.getRandomValues`, the key derived in the worker) or a pasted key,
//! a message signed with every step shown (RFC 6376 §5), and the signed message carried
//! into the DKIM verify view, where it verifies.

use yew::prelude::*;
use yew_router::prelude::*;

use super::parts::{button, changes, input_error, pending, steps, text_area, text_input};
use super::state::{now_secs, use_msgauth, Field, Kind, MsgAuthAction, Slot};
use super::texts;
use crate::i18n::Fill;
use crate::msgauth::page::Request;
use crate::ui::route::Route;
use crate::ui::state::use_lang;
use crate::ui::workers::worker_note;

/// 32 random octets from the browser (`None` when it has no `crypto`).
pub fn random_seed() -> Option<Vec<u8>> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut seed = vec![0u8; 32];
    crypto.get_random_values_with_u8_array(&mut seed).ok()?;
    Some(seed)
}

/// The DKIM sign view.
#[function_component(SignView)]
pub fn sign_view() -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let Some(ctx) = use_msgauth() else {
        return Html::default();
    };
    let on_generate = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(seed) = random_seed() {
                ctx.state.dispatch(MsgAuthAction::Sent(Kind::DemoKey));
                ctx.send.emit(Request::DemoKey { seed });
            }
        })
    };
    let on_sign = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.run(Kind::Sign))
    };
    let toggle = |header: bool, testid: &'static str, label: &str| {
        let state = ctx.state.clone();
        let checked = if header {
            ctx.state.header_relaxed
        } else {
            ctx.state.body_relaxed
        };
        let on_change = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.dispatch(MsgAuthAction::Relaxed(header, input.checked()));
        });
        html! {
            <label class="checkbox">
                <input type="checkbox" data-testid={testid} {checked} onchange={on_change} />
                { label.to_string() }
            </label>
        }
    };
    let key_error = match &ctx.state.demo_key {
        Slot::Done(out) => out.as_ref().as_ref().err().map(|e| input_error(e, lang)),
        Slot::Working => Some(worker_note(ctx.state.worker, lang)),
        Slot::Empty => None,
    };
    let result = pending(&ctx.state.sign, ctx.state.worker, lang).unwrap_or_else(|| {
        let Slot::Done(out) = &ctx.state.sign else {
            return Html::default();
        };
        match out.as_ref() {
            Err(e) => html! {
                <p class="error-box" role="alert" data-testid="msgauth-sign-error">
                    { texts::SIGN_ERROR.get(lang).fill(&[("error", &e.get(lang))]) }
                </p>
            },
            Ok(signed) => {
                let on_verify = {
                    let ctx = ctx.clone();
                    let navigator = navigator.clone();
                    let request = Request::DkimVerify {
                        message: signed.signed.clone(),
                        key_record: signed.key_record.clone(),
                        index: 0,
                        now: None,
                    };
                    Callback::from(move |_: MouseEvent| {
                        let request = match request.clone() {
                            Request::DkimVerify { message, key_record, index, .. } => Request::DkimVerify {
                                message,
                                key_record,
                                index,
                                now: Some(now_secs()),
                            },
                            other => other,
                        };
                        ctx.load(request, None);
                        if let Some(nav) = &navigator {
                            nav.push(&Route::MsgAuthCheck { check: "dkim".into() });
                        }
                    })
                };
                html! {
                    <>
                        { steps(&signed.steps, lang) }
                        { changes(&signed.header_changes, "header", texts::HEADER_CHANGES.get(lang), lang) }
                        { changes(&signed.body_changes, "body", texts::BODY_CHANGES.get(lang), lang) }
                        <h3>{ texts::SIGNED_MESSAGE.get(lang) }</h3>
                        <pre class="value" data-testid="msgauth-sign-signed">{ signed.signed.clone() }</pre>
                        <div class="buttons">{ button("msgauth-sign-verify", texts::VERIFY_SIGNED.get(lang), on_verify) }</div>
                    </>
                }
            }
        }
    });
    html! {
        <section class="msgauth-check" data-testid="msgauth-sign" aria-labelledby="msgauth-sign-heading">
            <h2 id="msgauth-sign-heading">{ texts::SIGN_HEADING.get(lang) }</h2>
            <p class="hint">{ texts::SIGN_HINT.get(lang) }</p>
            <div class="panel msgauth-form">
                <div class="buttons">
                    <button type="button" class="button" data-testid="msgauth-sign-generate" onclick={on_generate}>
                        { texts::GENERATE_KEY.get(lang) }
                    </button>
                </div>
                { for key_error }
                { text_area(&ctx, Field::SignKey, "msgauth-sign-key", texts::PRIVATE_KEY.get(lang), 2) }
                { text_area(&ctx, Field::SignRecord, "msgauth-sign-record", texts::PUBLIC_RECORD.get(lang), 2) }
                { text_input(&ctx, Field::SignDomain, "msgauth-sign-domain", texts::DOMAIN.get(lang)) }
                { text_input(&ctx, Field::SignSelector, "msgauth-sign-selector", texts::SELECTOR.get(lang)) }
                { text_area(&ctx, Field::SignMessage, "msgauth-sign-message", texts::MESSAGE.get(lang), 10) }
                { toggle(true, "msgauth-sign-header-relaxed", texts::HEADER_RELAXED.get(lang)) }
                { toggle(false, "msgauth-sign-body-relaxed", texts::BODY_RELAXED.get(lang)) }
                <div class="buttons">{ button("msgauth-sign-run", texts::SIGN.get(lang), on_sign) }</div>
            </div>
            <div class="verify-result" data-testid="msgauth-sign-result">{ result }</div>
        </section>
    }
}
