//! What to check — one exchange (mechanism, challenge, response, "exactly as sent") or a
//! whole transcript — the optional password, and the Verify button (Ctrl+Enter anywhere in
//! the form does the same).
//!
//! A check whose SCRAM exchange demands more than [`HEAVY_ITERATIONS`] iterations, or a
//! transcript longer than [`HEAVY_TEXT_BYTES`], first runs in the engine worker; the
//! engine then checks again in place with the worker's PBKDF2 results, at once.

use yew::prelude::*;

use super::state::{heavy, use_verify, Mode, VerifyAction};
use super::texts;
use crate::i18n::{t, Msg};
use crate::sasl::scram::precomputed;
use crate::sasl::verify::Mechanism;
use crate::ui::console::hooks::use_synced_select;
use crate::ui::engine_worker::{computing, use_engine_job, EngineJob, Request, Response};
use crate::ui::password_input::PasswordInput;
use crate::ui::state::use_lang;
use crate::ui::workers::workers_allowed;

/// Checks what is there now: in place, or first in the worker when it is heavy.
fn check(verify: &super::state::VerifyContext, job: &EngineJob) {
    if !heavy(verify) || !workers_allowed() {
        verify.dispatch(VerifyAction::Verify);
        return;
    }
    let request = Request::Verify {
        mechanism: verify.mechanism.name().to_string(),
        challenge: verify.challenge.clone(),
        response: verify.response.clone(),
        password: verify.password.clone(),
        as_sent: verify.as_sent,
        transcript: (verify.mode == Mode::Transcript).then(|| verify.transcript.clone()),
    };
    let verify = verify.clone();
    let then = Callback::from(move |response: Response| {
        if let Response::Hi(results) = response {
            precomputed::remember(results);
        }
        verify.dispatch(VerifyAction::Verify);
    });
    job.run.emit((request, then));
}

fn area_input(
    verify: &super::state::VerifyContext,
    action: fn(String) -> VerifyAction,
) -> Callback<InputEvent> {
    let verify = verify.clone();
    Callback::from(move |e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        verify.dispatch(action(area.value()));
    })
}

/// What the challenge and the response are for a mechanism (by name, so a mechanism the
/// engine adds later simply has no hint yet).
fn mechanism_hint(mechanism: Mechanism) -> Option<Msg> {
    Some(match mechanism.name() {
        "PLAIN" => Msg::VerifyHintPlain,
        "LOGIN" => Msg::VerifyHintLogin,
        "CRAM-MD5" => Msg::VerifyHintCramMd5,
        "DIGEST-MD5" => Msg::VerifyHintDigestMd5,
        "SCRAM-SHA-1" | "SCRAM-SHA-256" => Msg::VerifyHintScram,
        "NTLM" => Msg::VerifyHintNtlm,
        _ => return None,
    })
}

/// The form.
#[function_component(VerifyForm)]
pub fn verify_form() -> Html {
    let lang = use_lang();
    let verify = use_verify();
    let mechanism = verify.as_ref().map_or(Mechanism::CramMd5, |v| v.mechanism);
    let select_ref = use_synced_select(mechanism.name().to_string());
    let job = use_engine_job();
    // A restored form (a shared link, the hand-over from the page's own module) too heavy
    // for the reducer to check is checked here, through the worker.
    {
        let (verify, job) = (verify.clone(), job.clone());
        let asks = verify.as_ref().map_or(0, |v| v.worker_asks);
        use_effect_with(asks, move |&asks| {
            if let (true, Some(verify)) = (asks > 0, verify) {
                check(&verify, &job);
            }
        });
    }
    let Some(verify) = verify else {
        return Html::default();
    };
    let on_mechanism = {
        let verify = verify.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(mechanism) = Mechanism::from_name(&select.value()) {
                verify.dispatch(VerifyAction::Mechanism(mechanism));
            }
        })
    };
    let on_password = {
        let verify = verify.clone();
        Callback::from(move |text: String| verify.dispatch(VerifyAction::Password(text)))
    };
    let on_verify = {
        let verify = verify.clone();
        let job = job.clone();
        Callback::from(move |_: MouseEvent| check(&verify, &job))
    };
    let on_keydown = {
        let verify = verify.clone();
        let job = job.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                check(&verify, &job);
            }
        })
    };
    let on_as_sent = {
        let verify = verify.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            verify.dispatch(VerifyAction::AsSent(input.checked()));
        })
    };
    let mode_button = |mode: Mode, label: crate::i18n::Tr, testid: &'static str| {
        let on_click = {
            let verify = verify.clone();
            Callback::from(move |_: MouseEvent| verify.dispatch(VerifyAction::Mode(mode)))
        };
        let pressed = verify.mode == mode;
        html! {
            <button type="button" class={classes!("button", pressed.then_some("primary"))}
                aria-pressed={pressed.to_string()} data-testid={testid} onclick={on_click}>
                { label.get(lang) }
            </button>
        }
    };
    let options = Mechanism::ALL.iter().map(|&m| {
        html! { <option value={m.name()} selected={m == mechanism}>{ m.name() }</option> }
    });
    html! {
        <section class="panel verify-form" aria-labelledby="verify-form-heading" onkeydown={on_keydown}>
            <h2 id="verify-form-heading">{ t(lang, Msg::VerifyFormHeading) }</h2>
            <div class="form-field">
                <span id="verify-mode-label" class="label">{ texts::MODE.get(lang) }</span>
                <div class="buttons" role="group" aria-labelledby="verify-mode-label" data-testid="verify-mode">
                    { mode_button(Mode::Exchange, texts::MODE_EXCHANGE, "verify-mode-exchange") }
                    { mode_button(Mode::Transcript, texts::MODE_TRANSCRIPT, "verify-mode-transcript") }
                </div>
            </div>
            if verify.mode == Mode::Transcript {
                <div class="form-field">
                    <label for="verify-transcript" class="label">{ texts::TRANSCRIPT.get(lang) }</label>
                    <textarea id="verify-transcript" class="log-input" rows="12" autocomplete="off"
                        autocapitalize="off" spellcheck="false" data-testid="verify-transcript"
                        aria-describedby="verify-transcript-hint" value={verify.transcript.clone()}
                        oninput={area_input(&verify, VerifyAction::Transcript)} />
                    <p class="hint" id="verify-transcript-hint">{ texts::TRANSCRIPT_HINT.get(lang) }</p>
                </div>
            } else {
                <div class="form-field">
                    <label for="verify-mechanism" class="label">{ t(lang, Msg::AuthMechanism) }</label>
                    <select id="verify-mechanism" data-testid="verify-mechanism" ref={select_ref}
                        onchange={on_mechanism}>
                        { for options }
                    </select>
                    if let Some(hint) = mechanism_hint(mechanism) {
                        <p class="hint" id="verify-mechanism-hint" data-testid="verify-mechanism-hint">{ t(lang, hint) }</p>
                    }
                </div>
                <div class="form-field">
                    <label for="verify-challenge" class="label">{ t(lang, Msg::VerifyChallenge) }</label>
                    <textarea id="verify-challenge" rows="3" autocomplete="off" autocapitalize="off"
                        spellcheck="false" data-testid="verify-challenge" value={verify.challenge.clone()}
                        oninput={area_input(&verify, VerifyAction::Challenge)} />
                </div>
                <div class="form-field">
                    <label for="verify-response" class="label">{ t(lang, Msg::VerifyResponse) }</label>
                    <textarea id="verify-response" rows="3" autocomplete="off" autocapitalize="off"
                        spellcheck="false" data-testid="verify-response" value={verify.response.clone()}
                        oninput={area_input(&verify, VerifyAction::Response)} />
                </div>
                <div class="form-field">
                    <label class="checkbox">
                        <input type="checkbox" data-testid="verify-as-sent" checked={verify.as_sent}
                            aria-describedby="verify-as-sent-hint" onchange={on_as_sent} />
                        { " " }{ texts::AS_SENT.get(lang) }
                    </label>
                    <p class="hint" id="verify-as-sent-hint">{ texts::AS_SENT_HINT.get(lang) }</p>
                </div>
            }
            <div class="form-field">
                <label for="verify-password" class="label">{ t(lang, Msg::VerifyPassword) }</label>
                <PasswordInput id="verify-password" testid="verify-password"
                    value={AttrValue::from(verify.password.clone())} on_input={on_password} />
            </div>
            <div class="input-row end">
                <p class="hint" data-testid="verify-shortcut">{ t(lang, Msg::VerifyShortcut) }</p>
                <button type="button" class="button primary" data-testid="verify-submit" onclick={on_verify}>
                    { t(lang, Msg::VerifySubmit) }
                </button>
            </div>
            { computing(&job, false, lang) }
            <p class="hint">{ t(lang, Msg::AuthPasswordNote) }</p>
        </section>
    }
}
