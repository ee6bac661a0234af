//! The client's settings, as DokuWiki's smtp plugin names them (seed 000): host, port,
//! security (none / SSL / TLS, each explained where chosen), user, password (memory only,
//! hidden until shown), `mailfrom`, debug — and the AUTH mechanism. One click loads seed
//! 000's own settings.

use yew::prelude::*;

use super::state::{use_compose, ComposeAction, Field};
use super::text_field::TextField;
use super::texts as tx;
use crate::i18n::{Fill, Tr};
use crate::smtp::client::Security;
use crate::ui::console::hooks::use_synced_select;
use crate::ui::password_input::PasswordInput;
use crate::ui::state::use_lang;

/// The mechanisms the client computes (XOAUTH2 and OAUTHBEARER with the token in the
/// password field, as the Gmail, Outlook and QQ Mail profiles take them).
const MECHANISMS: [&str; 9] = [
    "PLAIN",
    "LOGIN",
    "CRAM-MD5",
    "DIGEST-MD5",
    "SCRAM-SHA-1",
    "SCRAM-SHA-256",
    "NTLM",
    "XOAUTH2",
    "OAUTHBEARER",
];

/// The three choices: id, label, explanation, usual port.
const SECURITY: [(Security, &str, Tr, Tr, u16); 3] = [
    (Security::None, "none", tx::SEC_NONE, tx::SEC_NONE_ABOUT, 25),
    (
        Security::ImplicitTls,
        "ssl",
        tx::SEC_SSL,
        tx::SEC_SSL_ABOUT,
        465,
    ),
    (
        Security::StartTls,
        "tls",
        tx::SEC_TLS,
        tx::SEC_TLS_ABOUT,
        587,
    ),
];

/// The client panel.
#[function_component(ClientPanel)]
pub fn client_panel() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let mechanism = compose
        .as_ref()
        .map(|c| c.mechanism.clone())
        .unwrap_or_default();
    let mechanism_ref = use_synced_select(mechanism.clone());
    let Some(compose) = compose else {
        return Html::default();
    };
    let radios = SECURITY.iter().map(|&(security, id, label, _, _)| {
        let on_change = {
            let compose = compose.clone();
            Callback::from(move |_: Event| compose.dispatch(ComposeAction::Security(security)))
        };
        html! {
            <label class="check">
                <input type="radio" name="compose-security" value={id}
                    checked={compose.security == security}
                    data-testid={format!("compose-security-{id}")} onchange={on_change} />
                { label.get(lang) }
            </label>
        }
    });
    let (about, usual) = SECURITY
        .iter()
        .find(|(s, ..)| *s == compose.security)
        .map_or((tx::SEC_NONE_ABOUT, 25), |(_, _, _, about, usual)| {
            (*about, *usual)
        });
    let port = compose.port.trim().parse::<u16>().ok().filter(|p| *p > 0);
    let port_note = match port {
        None => Some(tx::PORT_INVALID.get(lang).to_string()),
        Some(587) if compose.security == Security::None => None,
        Some(25) if compose.security == Security::StartTls => None,
        Some(p) if p != usual => Some(
            tx::PORT_UNUSUAL
                .get(lang)
                .fill(&[("port", &p), ("usual", &usual)]),
        ),
        Some(_) => None,
    };
    let on_password = {
        let compose = compose.clone();
        Callback::from(move |text: String| {
            compose.dispatch(ComposeAction::Set(Field::Password, text))
        })
    };
    let on_mechanism = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::Mechanism(select.value()));
        })
    };
    let on_debug = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::Debug(input.checked()));
        })
    };
    let on_seed = {
        let compose = compose.clone();
        Callback::from(move |_: MouseEvent| compose.dispatch(ComposeAction::Seed000))
    };
    let mechanisms = MECHANISMS.iter().map(|&m| {
        html! { <option value={m} selected={mechanism == m}>{ m }</option> }
    });
    html! {
        <section class="panel compose-client" aria-labelledby="compose-client-heading"
            data-testid="compose-client">
            <h2 id="compose-client-heading">{ tx::CLIENT.get(lang) }</h2>
            <div class="preset">
                <button type="button" class="button" data-testid="compose-preset-seed000"
                    aria-describedby="compose-preset-about" onclick={on_seed}>
                    { tx::PRESET_SEED000.get(lang) }
                </button>
                <p class="hint" id="compose-preset-about">{ tx::PRESET_SEED000_ABOUT.get(lang) }</p>
            </div>
            <TextField field={Field::Host} id="compose-host" testid="compose-host" label={tx::HOST}
                hint={tx::HOST_HINT} />
            <fieldset class="security" data-testid="compose-security">
                <legend class="label">{ tx::SECURITY.get(lang) }</legend>
                { for radios }
                <p class="about" data-testid="compose-security-about">{ about.get(lang) }</p>
            </fieldset>
            <TextField field={Field::Port} id="compose-port" testid="compose-port" label={tx::PORT}
                inputmode="numeric" invalid={port.is_none()} />
            if let Some(note) = port_note {
                <p class="hint warn" data-testid="compose-port-note">{ note }</p>
            }
            <TextField field={Field::User} id="compose-user" testid="compose-user" label={tx::USER}
                hint={tx::USER_HINT} />
            <div class="form-field compose-field">
                <label for="compose-password" class="label">{ tx::PASSWORD.get(lang) }</label>
                <PasswordInput id="compose-password" testid="compose-password"
                    value={compose.password.clone()} on_input={on_password} />
                <p class="hint">{ tx::PASSWORD_HINT.get(lang) }</p>
            </div>
            <div class="form-field">
                <label for="compose-mechanism" class="label">{ tx::MECHANISM.get(lang) }</label>
                <select id="compose-mechanism" data-testid="compose-mechanism" ref={mechanism_ref}
                    onchange={on_mechanism}>
                    <option value="" selected={mechanism.is_empty()}>{ tx::MECHANISM_AUTO.get(lang) }</option>
                    { for mechanisms }
                </select>
            </div>
            <TextField field={Field::Sender} id="compose-sender" testid="compose-sender"
                label={tx::SENDER} hint={tx::SENDER_HINT} />
            <label class="check">
                <input type="checkbox" checked={compose.debug} data-testid="compose-debug"
                    onchange={on_debug} />
                { tx::DEBUG.get(lang) }
            </label>
        </section>
    }
}
