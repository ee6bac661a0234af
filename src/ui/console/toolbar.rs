//! Above the transcript: the server profile, Reset, Copy transcript, and "show CRLF".

use yew::prelude::*;

use super::hooks::use_synced_select;
use super::state::{browser_now, use_console, ConsoleAction};
use super::transcript::TRANSCRIPT_ID;
use crate::i18n::{t, Msg};
use crate::smtp::profile::Profile;
use crate::ui::clipboard::{copy_text, Copied};
use crate::ui::state::use_lang;

/// The console's toolbar.
#[function_component(ConsoleToolbar)]
pub fn console_toolbar() -> Html {
    let lang = use_lang();
    let console = use_console();
    let copied = use_state(|| None::<Copied>);
    let current = console
        .as_ref()
        .map(|c| c.live.read().server.config().profile)
        .unwrap_or_default();
    let profile_ref = use_synced_select(current.id().to_string());
    let Some(console) = console else {
        return Html::default();
    };

    let on_profile = {
        let console = console.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(profile) = Profile::from_id(&select.value()) {
                console.dispatch(ConsoleAction::SetProfile {
                    profile,
                    now: browser_now(),
                });
            }
        })
    };
    let on_reset = {
        let console = console.clone();
        Callback::from(move |_: MouseEvent| {
            console.dispatch(ConsoleAction::Reset { now: browser_now() })
        })
    };
    let on_copy = {
        let console = console.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let fallback = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(TRANSCRIPT_ID))
                .map(web_sys::Node::from);
            let copied = copied.clone();
            // The text is taken (and the session let go) before anything runs.
            let text = console.live.read().log.text();
            copy_text(
                text,
                fallback,
                Callback::from(move |outcome| copied.set(Some(outcome))),
            );
        })
    };
    let on_crlf = {
        let console = console.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            console.dispatch(ConsoleAction::ShowCrlf(input.checked()));
        })
    };
    let options = Profile::ALL.iter().map(|&profile| {
        html! {
            <option value={profile.id()} selected={profile == current}>{ profile.label().get(lang) }</option>
        }
    });
    html! {
        <div class="toolbar" data-testid="console-toolbar">
            <div class="field-inline">
                <label for="console-profile">{ t(lang, Msg::ConsoleProfile) }</label>
                <select id="console-profile" data-testid="console-profile" ref={profile_ref} onchange={on_profile}>
                    { for options }
                </select>
            </div>
            <button type="button" class="button" data-testid="console-reset" onclick={on_reset}>
                { t(lang, Msg::ConsoleReset) }
            </button>
            <button type="button" class="button" data-testid="console-copy-transcript" onclick={on_copy}>
                { t(lang, Msg::ConsoleCopyTranscript) }
            </button>
            <label class="check">
                <input type="checkbox" checked={console.show_crlf} data-testid="console-show-crlf"
                    onchange={on_crlf} />
                { t(lang, Msg::ConsoleShowCrlf) }
            </label>
            <span class="copy-status" role="status" data-testid="console-copy-status">
                { match *copied {
                    Some(Copied::Done) => t(lang, Msg::ConsoleCopied),
                    Some(Copied::Selected) => t(lang, Msg::ConsoleCopySelected),
                    None => "",
                } }
            </span>
        </div>
    }
}
