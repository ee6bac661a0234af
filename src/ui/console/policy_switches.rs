//! The server's switches (`Policies`), applied to the running session at once: one
//! checkbox per rule and the maximum message size.

use yew::prelude::*;

use super::state::{random_seed, use_console, ConsoleAction};
use crate::i18n::{t, Msg};
use crate::smtp::server::{Fault, FaultMode, Policies};
use crate::ui::policy_switch::policy_checkboxes;
use crate::ui::state::use_lang;

/// The switches the console shows, in its order.
const SHOWN: [&str; 8] = [
    "require-auth",
    "sender-match",
    "tls-first",
    "sasl-down",
    "deny-relay",
    "known-mailboxes",
    "vrfy",
    "expn",
];

/// `policies` with a fresh seed for a "share of commands" fault, so applying the policies
/// again does not replay the same draws.
pub fn reseeded(mut policies: Policies) -> Policies {
    if let Some(Fault {
        mode: FaultMode::Share { seed, .. },
        ..
    }) = &mut policies.fault
    {
        *seed = random_seed();
    }
    policies
}

/// The policy switches.
#[function_component(PolicySwitches)]
pub fn policy_switches() -> Html {
    let lang = use_lang();
    let console = use_console();
    let size_error = use_state(|| false);
    let Some(console) = console else {
        return Html::default();
    };
    let policies = console.live.read().server.config().policies.clone();

    let switches = {
        let console = console.clone();
        let on_change = Callback::from(move |next: Policies| {
            console.dispatch(ConsoleAction::SetPolicies(reseeded(next)));
        });
        policy_checkboxes(&SHOWN, &policies, "console", lang, on_change)
    };
    let on_size = {
        let console = console.clone();
        let policies = policies.clone();
        let size_error = size_error.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match input.value().trim().parse::<u64>() {
                Ok(size) => {
                    size_error.set(false);
                    let next = Policies {
                        max_message_size: size,
                        ..policies.clone()
                    };
                    console.dispatch(ConsoleAction::SetPolicies(reseeded(next)));
                }
                Err(_) => {
                    size_error.set(true);
                    input.set_value(&policies.max_message_size.to_string());
                }
            }
        })
    };
    html! {
        <section class="panel" aria-labelledby="console-policies-heading" data-testid="console-policies">
            <h2 id="console-policies-heading">{ t(lang, Msg::ConsolePolicies) }</h2>
            <ul class="switches">{ switches }</ul>
            <label for="console-max-size" class="label">{ t(lang, Msg::PolicyMaxSize) }</label>
            <input id="console-max-size" type="number" min="0" step="1" inputmode="numeric"
                data-testid="console-policy-max-size" aria-invalid={size_error.to_string()}
                value={policies.max_message_size.to_string()} onchange={on_size} />
            if *size_error {
                <p class="error" role="alert">{ t(lang, Msg::PolicyMaxSizeInvalid) }</p>
            }
        </section>
    }
}
