//! "Sign with DKIM" (issue 19): the checkbox, `d=` (empty: the From: domain) and `s=`,
//! and the key — the message-authentication section's demo key pair, made here with one
//! button if there is none yet. The signing itself runs in the compose worker
//! ([`super::send`]); the signature's steps come back with the result
//! ([`super::dkim_result`]).

use yew::prelude::*;

use super::session::split_addresses;
use super::state::{use_compose, ComposeAction};
use super::texts as tx;
use crate::i18n::Fill;
use crate::mime::Mailbox;
use crate::msgauth::page::Request;
use crate::ui::msgauth::sign_view::random_seed;
use crate::ui::msgauth::state::{use_msgauth, Kind, MsgAuthAction, Slot};
use crate::ui::state::use_lang;
use crate::ui::workers::worker_note;

/// The domain of the From: field as typed, if it reads.
fn from_domain(from: &str) -> Option<String> {
    let first = split_addresses(from).into_iter().next()?;
    let mailbox = Mailbox::parse(&first).ok()?;
    mailbox.address.rsplit_once('@').map(|(_, d)| d.to_string())
}

/// The panel.
#[function_component(DkimPanel)]
pub fn dkim_panel() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let msgauth = use_msgauth();
    let Some(compose) = compose else {
        return Html::default();
    };
    let on_toggle = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::DkimOn(input.checked()));
        })
    };
    let checkbox = html! {
        <label class="check">
            <input type="checkbox" checked={compose.dkim_on} data-testid="compose-dkim-on"
                onchange={on_toggle} />
            { tx::DKIM_ON.get(lang) }
        </label>
    };
    if !compose.dkim_on {
        return html! { <div class="compose-dkim" data-testid="compose-dkim">{ checkbox }</div> };
    }
    let on_domain = {
        let compose = compose.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::DkimDomain(input.value()));
        })
    };
    let on_selector = {
        let compose = compose.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::DkimSelector(input.value()));
        })
    };
    let from = from_domain(&compose.from).unwrap_or_default();
    let domain = match compose.dkim_domain.trim() {
        "" => from.clone(),
        typed => typed.to_string(),
    };
    let selector = match compose.dkim_selector.trim() {
        "" => "demo".to_string(),
        typed => typed.to_string(),
    };
    let key = msgauth.as_ref().map(|ctx| {
        let on_generate = {
            let ctx = ctx.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(seed) = random_seed() {
                    ctx.state.dispatch(MsgAuthAction::Sent(Kind::DemoKey));
                    ctx.send.emit(Request::DemoKey { seed });
                }
            })
        };
        let generate = html! {
            <button type="button" class="button" data-testid="compose-dkim-generate"
                onclick={on_generate}>
                { tx::DKIM_GENERATE.get(lang) }
            </button>
        };
        match &ctx.state.demo_key {
            Slot::Done(out) => match out.as_ref() {
                Ok(key) => html! {
                    <div class="form-field">
                        <span class="label">{ tx::DKIM_KEY.get(lang)
                            .fill(&[("selector", &selector), ("domain", &domain)]) }</span>
                        <pre class="value" data-testid="compose-dkim-record">{ key.record.clone() }</pre>
                    </div>
                },
                Err(e) => html! {
                    <>
                        <p class="error" role="alert" data-testid="compose-dkim-key-error">
                            { tx::DKIM_KEY_ERROR.get(lang).fill(&[("error", &e.get(lang))]) }
                        </p>
                        { generate }
                    </>
                },
            },
            Slot::Working => html! {
                <>
                    <p class="hint" role="status" data-testid="compose-dkim-key-working">
                        { tx::DKIM_GENERATING.get(lang) }
                    </p>
                    { worker_note(ctx.state.worker, lang) }
                </>
            },
            Slot::Empty => html! {
                <>
                    <p class="hint">{ tx::DKIM_NO_KEY_YET.get(lang) }</p>
                    { generate }
                </>
            },
        }
    });
    html! {
        <div class="compose-dkim" data-testid="compose-dkim">
            { checkbox }
            <p class="hint">{ tx::DKIM_HINT.get(lang) }</p>
            <div class="compose-pair">
                <div class="form-field">
                    <label for="compose-dkim-domain" class="label">{ tx::DKIM_DOMAIN.get(lang) }</label>
                    <input id="compose-dkim-domain" type="text" data-testid="compose-dkim-domain"
                        value={compose.dkim_domain.clone()} placeholder={from.clone()}
                        aria-describedby="compose-dkim-domain-hint" oninput={on_domain} />
                    <p class="hint" id="compose-dkim-domain-hint">
                        { tx::DKIM_DOMAIN_HINT.get(lang).fill(&[("domain", &from)]) }
                    </p>
                </div>
                <div class="form-field">
                    <label for="compose-dkim-selector" class="label">{ tx::DKIM_SELECTOR.get(lang) }</label>
                    <input id="compose-dkim-selector" type="text" data-testid="compose-dkim-selector"
                        value={compose.dkim_selector.clone()} oninput={on_selector} />
                </div>
            </div>
            { for key }
        </div>
    }
}
