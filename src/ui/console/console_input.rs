//! Where the learner types: the single-line command input, or — while the server reads a
//! message (DATA) or a chunk (BDAT) — a text area. Focus lands here when the console opens,
//! and comes back here when the one input replaces the other.

use yew::prelude::*;

use super::command_line::CommandLine;
use super::data_box::{lines_of, DataBox};
use super::state::{browser_now, use_console, use_drafts, ConsoleAction, DraftAction};
use crate::i18n::{t, Msg};
use crate::smtp::server::Mode;
use crate::ui::state::use_lang;

/// The console's input.
#[function_component(ConsoleInput)]
pub fn console_input() -> Html {
    let lang = use_lang();
    let console = use_console();
    let drafts = use_drafts();
    let line_ref = use_node_ref();
    let data_ref = use_node_ref();
    let mode = console
        .as_ref()
        .map_or(Mode::Command, |c| c.live.read().mode());
    let multiline = matches!(mode, Mode::Data | Mode::Chunk);
    let mounted = use_mut_ref(|| false);
    {
        let (line_ref, data_ref) = (line_ref.clone(), data_ref.clone());
        use_effect_with(multiline, move |&multiline| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            // Focus only when nothing else has it (the previous input just went away), so a
            // change made from the settings does not pull focus from them.
            let idle = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if first || idle {
                let target = if multiline { &data_ref } else { &line_ref };
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                    // On arrival the page stays where it is; later the input scrolls into view.
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(first);
                    let _ = element.focus_with_options(&options);
                }
            }
        });
    }
    let (Some(console), Some(drafts)) = (console, drafts) else {
        return Html::default();
    };

    if multiline {
        let on_input = {
            let drafts = drafts.clone();
            Callback::from(move |text: String| drafts.dispatch(DraftAction::Data(text)))
        };
        let on_send = {
            let (console, drafts) = (console.clone(), drafts.clone());
            Callback::from(move |text: String| {
                console.dispatch(ConsoleAction::Send {
                    lines: lines_of(&text),
                    now: browser_now(),
                    remember: false,
                });
                drafts.dispatch(DraftAction::Data(String::new()));
            })
        };
        return html! {
            <DataBox value={AttrValue::from(drafts.data.clone())} chunk={mode == Mode::Chunk}
                input_ref={data_ref} {on_input} {on_send} />
        };
    }

    let closed = mode == Mode::Closed;
    let on_input = {
        let drafts = drafts.clone();
        Callback::from(move |text: String| drafts.dispatch(DraftAction::Line(text)))
    };
    let on_send = {
        let (console, drafts) = (console.clone(), drafts.clone());
        Callback::from(move |line: String| {
            console.dispatch(ConsoleAction::Send {
                lines: vec![line],
                now: browser_now(),
                remember: true,
            });
            drafts.dispatch(DraftAction::Line(String::new()));
        })
    };
    html! {
        <>
            <CommandLine value={AttrValue::from(drafts.line.clone())} history={console.live.read().history.clone()}
                disabled={closed} input_ref={line_ref} {on_input} {on_send} />
            if closed {
                <p class="closed-hint" role="status" data-testid="console-closed">{ t(lang, Msg::ConsoleClosedHint) }</p>
            }
        </>
    }
}
