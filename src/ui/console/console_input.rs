//! Where the learner types: the single-line command input, or — while the server reads a
//! message (DATA) or a chunk (BDAT) — a text area. Focus lands here when the console opens,
//! and comes back here when the one input replaces the other.

use yew::prelude::*;

use super::command_line::CommandLine;
use super::data_box::{lines_of, DataBox};
use super::state::{browser_now, use_console, use_drafts, ConsoleAction, DraftAction, Drafts};
use crate::i18n::{t, Msg};
use crate::share::pages::is_auth_line;
use crate::share::Page;
use crate::smtp::server::Mode;
use crate::ui::share::keep;
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
    {
        // What was typed and not sent comes back after a reload, as the session does
        // (`ui::share::keep`); never a line of an AUTH exchange, which holds a credential.
        let latest = use_mut_ref(|| (Drafts::default(), mode));
        if let Some(drafts) = &drafts {
            *latest.borrow_mut() = ((**drafts).clone(), mode);
        }
        let drafts = drafts.clone();
        use_effect_with((), move |_| {
            let line_key = keep::key(Page::Console, "line");
            let data_key = keep::key(Page::Console, "data");
            if let Some(drafts) = &drafts {
                let kept = |key: &str| keep::take(key).filter(|text| !text.is_empty());
                if let Some(line) = kept(&line_key).filter(|_| drafts.line.is_empty()) {
                    drafts.dispatch(DraftAction::Line(line));
                }
                if let Some(data) = kept(&data_key).filter(|_| drafts.data.is_empty()) {
                    drafts.dispatch(DraftAction::Data(data));
                }
            }
            let save: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(move || {
                let (drafts, mode) = &*latest.borrow();
                let secret = is_auth_line(&drafts.line, *mode == Mode::AuthResponse);
                keep::save(&line_key, if secret { "" } else { &drafts.line });
                keep::save(&data_key, &drafts.data);
            });
            let id = keep::on_leave(save.clone());
            move || {
                keep::forget(id);
                save();
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
