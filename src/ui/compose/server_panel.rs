//! The simulated server the composer sends to: its software (profile), its accounts, its
//! policy switches (as the console's), its size limit and an injected fault.

use yew::prelude::*;

use super::state::{use_compose, ComposeAction, FaultChoice, Field};
use super::text_field::TextField;
use super::texts as tx;
use crate::i18n::{t, Fill, Msg};
use crate::smtp::profile::Profile;
use crate::smtp::server::Policies;
use crate::ui::console::hooks::use_synced_select;
use crate::ui::console::state::{demo_accounts, demo_token};
use crate::ui::policy_switch::policy_checkboxes;
use crate::ui::state::use_lang;

/// The switches the composer shows, in its order.
const SHOWN: [&str; 7] = [
    "require-auth",
    "sender-match",
    "tls-first",
    "sasl-down",
    "deny-relay",
    "known-mailboxes",
    "greylist",
];

const FAULT_CODES: [u16; 4] = [421, 450, 451, 452];

/// The fault as the picker's value: `none`, `first-451`, `share-451`.
pub(crate) fn fault_value(fault: FaultChoice) -> String {
    match fault {
        FaultChoice::None => "none".into(),
        FaultChoice::First(code) => format!("first-{code}"),
        FaultChoice::Share(code) => format!("share-{code}"),
    }
}

/// The picker's value back to a fault (anything else: none).
pub(crate) fn fault_from(value: &str) -> FaultChoice {
    let code = |text: &str| text.parse::<u16>().ok().filter(|c| FAULT_CODES.contains(c));
    match value.split_once('-') {
        Some(("first", c)) => code(c).map_or(FaultChoice::None, FaultChoice::First),
        Some(("share", c)) => code(c).map_or(FaultChoice::None, FaultChoice::Share),
        _ => FaultChoice::None,
    }
}

/// The server panel.
#[function_component(ServerPanel)]
pub fn server_panel() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let profile = compose.as_ref().map(|c| c.profile).unwrap_or_default();
    let fault = compose.as_ref().map(|c| c.fault).unwrap_or_default();
    let profile_ref = use_synced_select(profile.id().to_string());
    let fault_ref = use_synced_select(fault_value(fault));
    let Some(compose) = compose else {
        return Html::default();
    };
    let on_profile = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(profile) = Profile::from_id(&select.value()) {
                compose.dispatch(ComposeAction::Profile(profile));
            }
        })
    };
    let on_fault = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::Fault(fault_from(&select.value())));
        })
    };
    let profiles = Profile::ALL.iter().map(|&p| {
        html! { <option value={p.id()} selected={p == profile}>{ p.label().get(lang) }</option> }
    });
    let switches = {
        let handle = compose.clone();
        let on_change = Callback::from(move |next: Policies| {
            handle.dispatch(ComposeAction::Policies(next));
        });
        policy_checkboxes(&SHOWN, &compose.policies, "compose", lang, on_change)
    };
    let mut faults = vec![html! {
        <option value="none" selected={fault == FaultChoice::None}>{ tx::FAULT_NONE.get(lang) }</option>
    }];
    for code in FAULT_CODES {
        for choice in [FaultChoice::First(code), FaultChoice::Share(code)] {
            let text = match choice {
                FaultChoice::Share(_) => tx::FAULT_SHARE,
                _ => tx::FAULT_FIRST,
            };
            faults.push(html! {
                <option value={fault_value(choice)} selected={fault == choice}>
                    { text.get(lang).fill(&[("code", &code)]) }
                </option>
            });
        }
    }
    let token = demo_token(profile);
    let accounts = demo_accounts(profile)
        .iter()
        .map(|(user, password)| match token {
            Some(token) => format!("{user} / {password} / {token}"),
            None => format!("{user} / {password}"),
        })
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <section class="panel compose-server" aria-labelledby="compose-server-heading"
            data-testid="compose-server">
            <h2 id="compose-server-heading">{ tx::SERVER.get(lang) }</h2>
            <div class="form-field">
                <label for="compose-profile" class="label">{ tx::PROFILE.get(lang) }</label>
                <select id="compose-profile" data-testid="compose-profile" ref={profile_ref}
                    onchange={on_profile}>
                    { for profiles }
                </select>
            </div>
            <p class="hint" data-testid="compose-accounts">
                { tx::ACCOUNTS.get(lang) }{ lang.colon() }<code>{ accounts }</code>
            </p>
            <h3>{ tx::POLICIES.get(lang) }</h3>
            <ul class="switches">{ switches }</ul>
            <TextField field={Field::MaxSize} id="compose-max-size" testid="compose-policy-max-size"
                label={Msg::PolicyMaxSize.text()} inputmode="numeric" invalid={compose.max_size_invalid} />
            if compose.max_size_invalid {
                <p class="error" role="alert">{ t(lang, Msg::PolicyMaxSizeInvalid) }</p>
            }
            <div class="form-field">
                <label for="compose-fault" class="label">{ tx::FAULT.get(lang) }</label>
                <select id="compose-fault" data-testid="compose-fault" ref={fault_ref}
                    onchange={on_fault}>
                    { for faults }
                </select>
            </div>
            <p class="hint">{ tx::SERVER_HINT.get(lang) }</p>
        </section>
    }
}
