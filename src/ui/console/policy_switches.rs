//! The server's switches (`Policies`), applied to the running session at once: one
//! checkbox per rule and the maximum message size.

use yew::prelude::*;

use super::state::{random_seed, use_console, ConsoleAction};
use crate::i18n::{t, Msg};
use crate::smtp::server::{Fault, FaultMode, Policies};
use crate::ui::state::use_lang;

/// One on/off rule of [`Policies`].
#[derive(Clone, Copy, PartialEq)]
enum Flag {
    RequireAuth,
    SenderMustMatchAuth,
    SaslDaemonDown,
    VrfyAllowed,
    ExpnAllowed,
    TlsBeforeAuth,
    KnownMailboxesOnly,
    DenyRelay,
}

impl Flag {
    const ALL: [Flag; 8] = [
        Flag::RequireAuth,
        Flag::SenderMustMatchAuth,
        Flag::TlsBeforeAuth,
        Flag::SaslDaemonDown,
        Flag::DenyRelay,
        Flag::KnownMailboxesOnly,
        Flag::VrfyAllowed,
        Flag::ExpnAllowed,
    ];

    fn field(self, policies: &mut Policies) -> &mut bool {
        match self {
            Flag::RequireAuth => &mut policies.require_auth,
            Flag::SenderMustMatchAuth => &mut policies.sender_must_match_auth,
            Flag::SaslDaemonDown => &mut policies.sasl_daemon_down,
            Flag::VrfyAllowed => &mut policies.vrfy_allowed,
            Flag::ExpnAllowed => &mut policies.expn_allowed,
            Flag::TlsBeforeAuth => &mut policies.tls_before_auth,
            Flag::KnownMailboxesOnly => &mut policies.known_mailboxes_only,
            Flag::DenyRelay => &mut policies.deny_relay,
        }
    }

    fn label(self) -> Msg {
        match self {
            Flag::RequireAuth => Msg::PolicyRequireAuth,
            Flag::SenderMustMatchAuth => Msg::PolicySenderMatchesAuth,
            Flag::SaslDaemonDown => Msg::PolicySaslDown,
            Flag::VrfyAllowed => Msg::PolicyVrfy,
            Flag::ExpnAllowed => Msg::PolicyExpn,
            Flag::TlsBeforeAuth => Msg::PolicyTlsBeforeAuth,
            Flag::KnownMailboxesOnly => Msg::PolicyKnownMailboxes,
            Flag::DenyRelay => Msg::PolicyDenyRelay,
        }
    }

    fn testid(self) -> &'static str {
        match self {
            Flag::RequireAuth => "console-policy-require-auth",
            Flag::SenderMustMatchAuth => "console-policy-sender-match",
            Flag::SaslDaemonDown => "console-policy-sasl-down",
            Flag::VrfyAllowed => "console-policy-vrfy",
            Flag::ExpnAllowed => "console-policy-expn",
            Flag::TlsBeforeAuth => "console-policy-tls-first",
            Flag::KnownMailboxesOnly => "console-policy-known-mailboxes",
            Flag::DenyRelay => "console-policy-deny-relay",
        }
    }
}

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
    let policies = console.server.config().policies.clone();

    let switches = Flag::ALL.iter().map(|&flag| {
        let mut current = policies.clone();
        let checked = *flag.field(&mut current);
        let on_change = {
            let console = console.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = current.clone();
                *flag.field(&mut next) = input.checked();
                console.dispatch(ConsoleAction::SetPolicies(reseeded(next)));
            })
        };
        html! {
            <li>
                <label class="check">
                    <input type="checkbox" {checked} data-testid={flag.testid()} onchange={on_change} />
                    { t(lang, flag.label()) }
                </label>
            </li>
        }
    });
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
            <ul class="switches">{ for switches }</ul>
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
