//! Where the learner types in a console scenario: the console's own single-line input
//! (Enter sends, ↑/↓ history, Tab completes) or, while the server reads a message, its text
//! area (Ctrl+Enter sends the lines). When one replaces the other, the focus follows.

use yew::prelude::*;

use super::state::{scenario_session, use_scenarios, ScenarioAction};
use crate::smtp::server::Mode;
use crate::ui::console::command_line::CommandLine;
use crate::ui::console::data_box::{lines_of, DataBox};
use crate::ui::console::state::browser_now;

/// Whose session.
#[derive(Properties, PartialEq)]
pub struct ScenarioInputProps {
    /// The scenario's id.
    pub id: &'static str,
}

/// The input.
#[function_component(ScenarioInput)]
pub fn scenario_input(props: &ScenarioInputProps) -> Html {
    let state = use_scenarios();
    let line = use_state(String::new);
    let data = use_state(String::new);
    let line_ref = use_node_ref();
    let data_ref = use_node_ref();
    let session = state
        .as_ref()
        .and_then(|s| scenario_session(s, props.id))
        .map(|(_, session)| session);
    let mode = session
        .as_ref()
        .map_or(Mode::Command, |s| s.read().live.mode());
    let multiline = matches!(mode, Mode::Data | Mode::Chunk);
    let mounted = use_mut_ref(|| false);
    {
        let (line_ref, data_ref) = (line_ref.clone(), data_ref.clone());
        use_effect_with(multiline, move |&multiline| {
            // On arrival the input takes the typing but the page stays at its top, with the
            // title, story and goal in view; later the input scrolls into view.
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            // Only when the input that had the focus just went away.
            let idle = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .is_none_or(|e| e.tag_name().eq_ignore_ascii_case("body"));
            if idle {
                let target = if multiline { &data_ref } else { &line_ref };
                if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(first);
                    let _ = element.focus_with_options(&options);
                }
            }
        });
    }
    let (Some(state), Some(session)) = (state, session) else {
        return Html::default();
    };
    let id = props.id;
    if multiline {
        let on_input = {
            let data = data.clone();
            Callback::from(move |text: String| data.set(text))
        };
        let on_send = {
            let (state, data) = (state.clone(), data.clone());
            Callback::from(move |text: String| {
                state.dispatch(ScenarioAction::Send {
                    id,
                    lines: lines_of(&text),
                    now: browser_now(),
                    remember: false,
                });
                data.set(String::new());
            })
        };
        return html! {
            <DataBox value={AttrValue::from((*data).clone())} chunk={mode == Mode::Chunk}
                input_ref={data_ref} {on_input} {on_send} />
        };
    }
    let on_input = {
        let line = line.clone();
        Callback::from(move |text: String| line.set(text))
    };
    let on_send = {
        let (state, line) = (state.clone(), line.clone());
        Callback::from(move |text: String| {
            state.dispatch(ScenarioAction::Send {
                id,
                lines: vec![text],
                now: browser_now(),
                remember: true,
            });
            line.set(String::new());
        })
    };
    html! {
        <CommandLine value={AttrValue::from((*line).clone())} history={session.read().live.history.clone()}
            disabled={mode == Mode::Closed} input_ref={line_ref} {on_input} {on_send} />
    }
}
