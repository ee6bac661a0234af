//! One scenario: its story, goal, hints (one at a time), whether the goal is met, and the
//! playing area for its place — the console, the mail client, or the verifier.

use yew::prelude::*;
use yew_router::prelude::*;

use super::dokuwiki_form::DokuWikiForm;
use super::goal_status::GoalStatus;
use super::hint_list::HintList;
use super::message_form::MessageForm;
use super::place_label::{place_id, place_text};
use super::scenario_console::ScenarioConsole;
use super::send_result::SendResult;
use super::state::{scenario_session, use_scenarios, ScenarioAction};
use super::stored_messages::StoredMessages;
use super::texts;
use super::verify_play::VerifyPlay;
use crate::lessons::scenarios::{self, Place};
use crate::ui::console::state::browser_now;
use crate::ui::learn::focus::focus_if_idle;
use crate::ui::learn::storage::load_session;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The scenario to show.
#[derive(Properties, PartialEq)]
pub struct ScenarioViewProps {
    /// The scenario's id (one of [`crate::lessons::scenarios::SCENARIOS`]).
    pub id: &'static str,
}

/// The scenario page.
#[function_component(ScenarioView)]
pub fn scenario_view(props: &ScenarioViewProps) -> Html {
    let lang = use_lang();
    let state = use_scenarios();
    let id = props.id;
    {
        let state = state.clone();
        use_effect_with(id, move |&id| {
            if let Some(state) = state {
                state.dispatch(ScenarioAction::Open {
                    id,
                    now: browser_now(),
                    saved: load_session(id),
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
                focus_if_idle("h1[data-testid=scenario-title]");
            }
        });
    }
    let (Some(state), Some(scenario)) = (state, scenarios::find(id)) else {
        return Html::default();
    };
    let session = scenario_session(&state, id).map(|(_, session)| session);
    let on_restart = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(ScenarioAction::Restart {
                id,
                now: browser_now(),
            })
        })
    };
    let play = match (&session, scenario.place) {
        (None, _) => Html::default(),
        (Some(_), Place::Console) => html! { <ScenarioConsole {id} /> },
        (Some(session), Place::Compose) => {
            // Seed 000's scenario is played in the DokuWiki plugin's settings; the others
            // in a plain message form.
            let dokuwiki = id == "sender-mismatch";
            html! {
                <div class="compose-play">
                    if dokuwiki { <DokuWikiForm {id} /> } else { <MessageForm {id} /> }
                    <SendResult {id} plugin_log={dokuwiki} />
                    <StoredMessages session={session.clone()} />
                </div>
            }
        }
        (Some(_), Place::Verify) => html! { <VerifyPlay {id} /> },
    };
    html! {
        <article class="scenario" data-testid="scenario-view" data-scenario={id}>
            <p class="back">
                <Link<Route> to={Route::Scenarios}>{ texts::BACK.get(lang) }</Link<Route>>
            </p>
            <h1 tabindex="-1" data-testid="scenario-title">{ scenario.title.get(lang) }</h1>
            <p class="item-meta">
                { texts::PLACE.get(lang) }{ lang.colon() }
                <span class={classes!("place", place_id(scenario.place))}>{ place_text(scenario.place).get(lang) }</span>
                if state.done.contains(id) {
                    { " · " }<span class="done-mark yes" data-testid="scenario-done">{ "✓ " }{ texts::DONE.get(lang) }</span>
                }
            </p>
            <div class="scenario-brief">
                <section class="panel story" aria-labelledby="scenario-story-heading">
                    <h2 id="scenario-story-heading">{ texts::STORY.get(lang) }</h2>
                    <p data-testid="scenario-story">{ scenario.story.get(lang) }</p>
                    <h2>{ texts::GOAL.get(lang) }</h2>
                    <p data-testid="scenario-goal">{ scenario.goal.get(lang) }</p>
                    <GoalStatus {id} />
                </section>
                <HintList {id} />
            </div>
            <section class="play" aria-labelledby="scenario-play-heading">
                <div class="play-head">
                    <h2 id="scenario-play-heading">{ texts::PLAY.get(lang) }</h2>
                    <button type="button" class="button" data-testid="scenario-restart" onclick={on_restart}>
                        { texts::START_OVER.get(lang) }
                    </button>
                </div>
                { play }
            </section>
        </article>
    }
}
