//! Fault injection: none, the next command, or a share of commands answered with 421, 450,
//! 451 or 452 — applied to the running session. A "next command" fault switches itself off
//! once it fired, and the picker shows that.

use yew::prelude::*;

use super::hooks::use_synced_select;
use super::state::{random_seed, use_console, ConsoleAction};
use crate::i18n::{t, Msg};
use crate::smtp::server::{Fault, FaultMode, Policies};
use crate::ui::state::use_lang;

/// The codes the injector can answer with.
const CODES: [u16; 4] = [421, 450, 451, 452];

/// The fault picker.
#[function_component(FaultPicker)]
pub fn fault_picker() -> Html {
    let lang = use_lang();
    let console = use_console();
    // What to use when the fault is switched on again.
    let chosen = use_state(|| (451u16, 20u8));
    let policies = console
        .as_ref()
        .map(|c| c.live.read().server.config().policies.clone());
    let (kind, code, percent) = match policies.as_ref().and_then(|p| p.fault.as_ref()) {
        None => ("none", chosen.0, chosen.1),
        Some(Fault {
            code,
            mode: FaultMode::NextCommand,
        }) => ("next", *code, chosen.1),
        Some(Fault {
            code,
            mode: FaultMode::Share { percent, .. },
        }) => ("share", *code, *percent),
    };
    let kind_ref = use_synced_select(kind.to_string());
    let code_ref = use_synced_select(code.to_string());
    let (Some(console), Some(policies)) = (console, policies) else {
        return Html::default();
    };
    let apply = {
        let console = console.clone();
        let chosen = chosen.clone();
        move |kind: &str, code: u16, percent: u8| {
            chosen.set((code, percent));
            let fault = match kind {
                "next" => Some(Fault {
                    code,
                    mode: FaultMode::NextCommand,
                }),
                "share" => Some(Fault {
                    code,
                    mode: FaultMode::Share {
                        percent,
                        seed: random_seed(),
                    },
                }),
                _ => None,
            };
            let next = Policies {
                fault,
                ..policies.clone()
            };
            console.dispatch(ConsoleAction::SetPolicies(next));
        }
    };
    let on_kind = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            apply(&select.value(), code, percent);
        })
    };
    let on_code = {
        let apply = apply.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(code) = select.value().parse::<u16>() {
                apply(kind, code, percent);
            }
        })
    };
    let on_percent = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        match input.value().trim().parse::<u8>() {
            Ok(value @ 1..=100) => apply(kind, code, value),
            _ => input.set_value(&percent.to_string()),
        }
    });
    let kinds = [
        ("none", Msg::FaultNone),
        ("next", Msg::FaultNextCommand),
        ("share", Msg::FaultShare),
    ]
    .map(|(value, label)| html! { <option {value} selected={value == kind}>{ t(lang, label) }</option> });
    let codes = CODES.map(|c| {
        html! { <option value={c.to_string()} selected={c == code}>{ c.to_string() }</option> }
    });
    html! {
        <section class="panel" aria-labelledby="console-fault-heading" data-testid="console-fault">
            <h2 id="console-fault-heading">{ t(lang, Msg::FaultHeading) }</h2>
            <label for="console-fault-kind" class="label">{ t(lang, Msg::FaultWhen) }</label>
            <select id="console-fault-kind" data-testid="console-fault-kind" ref={kind_ref} onchange={on_kind}>{ for kinds }</select>
            <label for="console-fault-code" class="label">{ t(lang, Msg::FaultCode) }</label>
            <select id="console-fault-code" data-testid="console-fault-code" ref={code_ref} disabled={kind == "none"}
                onchange={on_code}>{ for codes }</select>
            if kind == "share" {
                <label for="console-fault-percent" class="label">{ t(lang, Msg::FaultPercent) }</label>
                <input id="console-fault-percent" type="number" min="1" max="100" step="1"
                    inputmode="numeric" data-testid="console-fault-percent"
                    value={percent.to_string()} onchange={on_percent} />
            }
            <p class="hint">{ t(lang, Msg::FaultNote) }</p>
        </section>
    }
}
