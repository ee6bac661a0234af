//! One lesson: its intro, the current step (instruction, input, feedback, answer), the
//! steps at a glance, and — for lessons talking to the server — the session's transcript,
//! with a new connection when the server closed it.

use yew::prelude::*;
use yew_router::prelude::*;

use super::state::{use_lessons, LessonAction};
use super::step_card::StepCard;
use super::step_list::StepList;
use super::texts;
use crate::lessons::guided;
use crate::smtp::server::Mode;
use crate::ui::console::base64_helper::Base64Helper;
use crate::ui::console::state::browser_now;
use crate::ui::learn::focus::focus_if_idle;
use crate::ui::learn::session_log::SessionLog;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The lesson to show.
#[derive(Properties, PartialEq)]
pub struct LessonViewProps {
    /// The lesson's id (one of [`crate::lessons::guided::LESSONS`]).
    pub id: &'static str,
}

/// The lesson page.
#[function_component(LessonView)]
pub fn lesson_view(props: &LessonViewProps) -> Html {
    let lang = use_lang();
    let state = use_lessons();
    let id = props.id;
    {
        let state = state.clone();
        use_effect_with(id, move |&id| {
            if let Some(state) = state {
                state.dispatch(LessonAction::Open {
                    id,
                    now: browser_now(),
                });
            }
        });
    }
    {
        // Arriving by a link (or Next lesson), the focus starts at the title, not mid-page —
        // unless the input below already took it.
        let opened = state.as_ref().is_some_and(|s| s.sessions.contains_key(id));
        use_effect_with(opened, |&opened| {
            if opened {
                focus_if_idle("h1[data-testid=lesson-title]");
            }
        });
    }
    let (Some(state), Some(lesson)) = (state, guided::find(id)) else {
        return Html::default();
    };
    let complete = state.step(lesson) >= lesson.steps.len();
    let session = state.sessions.get(lesson.id).cloned();
    let session = session.as_ref().map(|session| session.read());
    let live = session.as_ref().and_then(|session| session.live.as_ref());
    let on_reconnect = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(LessonAction::Reconnect {
                id,
                now: browser_now(),
            })
        })
    };
    html! {
        <article class="lesson" data-testid="lesson-view" data-lesson={id}>
            <p class="back">
                <Link<Route> to={Route::Lessons}>{ texts::BACK.get(lang) }</Link<Route>>
            </p>
            <h1 tabindex="-1" data-testid="lesson-title">{ lesson.title.get(lang) }</h1>
            <p class="intro" data-testid="lesson-intro">{ lesson.intro.get(lang) }</p>
            <div class="lesson-layout">
                <div class="lesson-main">
                    <StepCard {id} />
                    if let Some(live) = live {
                        <section class="console lesson-session" aria-labelledby="lesson-session-heading">
                            <div class="play-head">
                                <h2 id="lesson-session-heading">{ texts::TRANSCRIPT.get(lang) }</h2>
                                <button type="button" class="button" data-testid="lesson-reconnect" onclick={on_reconnect}>
                                    { texts::RECONNECT.get(lang) }
                                </button>
                            </div>
                            <SessionLog log={live.log.clone()} testid="lesson-transcript"
                                label={texts::TRANSCRIPT.get(lang)} />
                            if live.mode() == Mode::Closed && !complete {
                                <p class="closed-hint" role="status" data-testid="lesson-closed">{ texts::CLOSED.get(lang) }</p>
                            }
                            if live.mode() == Mode::Closed && complete {
                                <p class="hint" role="status" data-testid="lesson-ended">{ texts::ENDED.get(lang) }</p>
                            }
                            <p class="hint">{ texts::CLICK_HINT.get(lang) }</p>
                        </section>
                    }
                </div>
                <aside class="lesson-side">
                    <StepList {id} />
                    if id.starts_with("auth-") {
                        <Base64Helper />
                    }
                </aside>
            </div>
        </article>
    }
}
