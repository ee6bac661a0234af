//! Authentication, step by step: pick a mechanism (the address names it,
//! `#/auth/digest-md5`), fill in what the client knows or load a published example, and
//! walk through every value the engine computes — label, explanation, bytes as text, hex
//! and base64.
//!
//! The inputs and the step shown live in the app's auth context, so leaving the page and
//! coming back keeps them. Passwords stay in memory; nothing is stored or sent.
//!
//! SCRAM with more than [`HEAVY_ITERATIONS`] iterations is computed in the engine worker
//! (`ui::engine_worker`): the page keeps showing the last result, with a "computing"
//! indicator, until the worker's PBKDF2 result lets the engine run again in place at once.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{t, Fill, Lang, Msg};
use crate::sasl::scram::precomputed;
use crate::share::pages::{self, AuthShare};
use crate::share::{Page, ShareError};
use crate::ui::auth::auth_form::auth_form;
use crate::ui::auth::compute::{compute, scram_iterations, Outcome, Values};
use crate::ui::auth::examples_bar::examples_bar;
use crate::ui::auth::mechanism::{AuthMech, Example, Field};
use crate::ui::auth::mechanism_picker::{mech_name, MechanismPicker};
use crate::ui::auth::outcome_messages::outcome_messages;
use crate::ui::auth::state::{use_auth, AuthAction};
use crate::ui::auth::trace_stepper::trace_stepper;
use crate::ui::engine_worker::{computing, use_engine_job, Request, Response, HEAVY_ITERATIONS};
use crate::ui::in_parts::use_drawn;
use crate::ui::share::panel::{Restored, SharePanel};
use crate::ui::share::texts as share_tx;
use crate::ui::state::use_lang;
use crate::ui::workers::workers_allowed;

/// What the address selects.
#[derive(Properties, PartialEq)]
pub struct AuthPageProps {
    /// The mechanism's slug from `#/auth/<slug>`, if any.
    pub mechanism: Option<AttrValue>,
}

/// The auth page.
#[function_component(AuthPage)]
pub fn auth_page(props: &AuthPageProps) -> Html {
    let lang = use_lang();
    // The flow diagram, below the fold, comes after the first frame (issue 13).
    let drawn = use_drawn();
    let auth = use_auth();
    let from_address = props.mechanism.as_deref().map(AuthMech::from_slug);
    let unknown = matches!(from_address, Some(None));
    let current = auth.as_ref().map_or(AuthMech::Plain, |a| a.current);
    let mech = from_address.flatten().unwrap_or(current);
    {
        // The address's choice becomes the one `#/auth` (the navigation link) shows.
        let auth = auth.clone();
        // Only an address that names one: `#/auth` shows the current mechanism already, and a
        // shared state restored at the same time must not be overridden by a stale choice.
        use_effect_with(from_address.flatten(), move |&named| {
            if let (Some(auth), Some(mech)) = (auth, named) {
                auth.dispatch(AuthAction::Select(mech));
            }
        });
    }
    let form = auth.as_ref().map(|a| a.form(mech)).unwrap_or_default();
    // Heavy SCRAM waits for the worker: computed in place once its PBKDF2 result is in.
    let job = use_engine_job();
    let key = (mech, (*form.values).clone());
    let heavy = scram_iterations(mech, &form.values).is_some_and(|i| i > HEAVY_ITERATIONS)
        && workers_allowed();
    let precomputed_for = use_state_eq(|| None::<(AuthMech, Values)>);
    let ready = !heavy || precomputed_for.as_ref() == Some(&key);
    let computed = use_memo((key.clone(), ready), |((mech, values), ready)| {
        ready.then(|| Rc::new(compute(*mech, values)))
    });
    let last = use_mut_ref(|| Rc::new(Outcome::default()));
    if let Some(outcome) = computed.as_ref() {
        *last.borrow_mut() = outcome.clone();
    }
    let outcome = last.borrow().clone();
    {
        let run = job.run.clone();
        use_effect_with((key, ready), move |((mech, values), ready)| {
            if !*ready {
                let key = (*mech, values.clone());
                let then = Callback::from(move |response: Response| {
                    if let Response::Hi(results) = response {
                        precomputed::remember(results);
                    }
                    precomputed_for.set(Some(key.clone()));
                });
                run.emit((
                    Request::Auth {
                        mech: *mech,
                        values: values.clone(),
                    },
                    then,
                ));
            }
        });
    }
    let Some(auth) = auth else {
        return Html::default();
    };

    // The mechanism shown, its inputs (by their slugs) and the step.
    let make = {
        let auth = auth.clone();
        Callback::from(move |secrets: bool| pages::payload(&auth.share(mech), secrets))
    };
    let open = {
        let auth = auth.clone();
        Callback::from(move |(payload, lang): (String, Lang)| {
            let (state, left_out) = pages::open::<AuthShare>(&payload)?;
            let step = state.step;
            let action = AuthAction::restore(state)?;
            let AuthAction::Restore { mech, .. } = &action else {
                return Err(ShareError::Damaged);
            };
            let mech = *mech;
            auth.dispatch(action);
            let what = share_tx::AUTH_WHAT
                .get(lang)
                .fill(&[("mechanism", &mech_name(mech, lang)), ("step", &(step + 1))]);
            Ok(Restored { what, left_out })
        })
    };

    let on_input = {
        let auth = auth.clone();
        Callback::from(move |(field, value): (Field, String)| {
            auth.dispatch(AuthAction::Input { mech, field, value })
        })
    };
    let on_example = {
        let auth = auth.clone();
        Callback::from(move |example: &'static Example| {
            auth.dispatch(AuthAction::Example { mech, example })
        })
    };
    let on_step = {
        let auth = auth.clone();
        Callback::from(move |index: usize| auth.dispatch(AuthAction::Step { mech, index }))
    };

    html! {
        <section class="page auth" data-testid="auth-page">
            <h1 data-testid="auth-heading">{ t(lang, Msg::AuthHeading) }</h1>
            <p class="intro">{ t(lang, Msg::AuthIntro) }</p>
            <SharePanel page={Page::Auth} part={mech.slug()} {make} {open} />
            if unknown {
                <p class="error-box" role="alert" data-testid="auth-unknown">
                    { t(lang, Msg::AuthUnknownMechanism)
                        .fill(&[("name", &props.mechanism.as_deref().unwrap_or_default())]) }
                </p>
            }
            <MechanismPicker {mech} />
            { examples_bar(mech, &on_example, lang) }
            <div class="auth-layout">
                { auth_form(mech, &form.values, &on_input, lang) }
                <div class="auth-result">
                    { computing(&job, !ready, lang) }
                    { outcome_messages(&outcome, lang) }
                    if let Some(trace) = outcome.trace.as_ref().filter(|t| !t.steps.is_empty()) {
                        { trace_stepper(trace, form.step, &on_step, drawn, lang) }
                    }
                </div>
            </div>
        </section>
    }
}
