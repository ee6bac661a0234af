//! The AUTH exchange as the client computed it: each step's label, value and why, with a
//! link to the same mechanism on the Auth page.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use super::texts as tx;
use crate::compose_job::SentView;
use crate::i18n::Fill;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The send whose AUTH to show.
#[derive(Properties, PartialEq)]
pub struct AuthTraceProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The AUTH steps (nothing when there was no AUTH).
#[function_component(AuthTrace)]
pub fn auth_trace(props: &AuthTraceProps) -> Html {
    let lang = use_lang();
    let Some(auth) = &props.sent.auth else {
        return Html::default();
    };
    let steps = auth.steps.iter().map(|step| {
        html! {
            <li class="auth-trace-step" data-step-id={step.id.clone()}>
                <span class="step-name">{ step.label.get(lang) }</span>
                <pre class="value">{ step.value.clone() }</pre>
                <p class="step-explain">{ step.explain.get(lang) }</p>
            </li>
        }
    });
    let route = Route::AuthMechanism {
        mechanism: auth.mechanism.to_ascii_lowercase(),
    };
    html! {
        <section class="panel compose-auth" aria-labelledby="compose-auth-heading"
            data-testid="compose-auth">
            <h3 id="compose-auth-heading">{ tx::AUTH.get(lang) }{ ": " }<code>{ auth.mechanism.clone() }</code></h3>
            <p class={if auth.succeeded { "hint" } else { "error" }}>
                { if auth.succeeded { tx::AUTH_OK.get(lang) } else { tx::AUTH_FAILED.get(lang) } }
            </p>
            <details>
                <summary>{ tx::AUTH_STEPS.get(lang).fill(&[("n", &auth.steps.len())]) }</summary>
                <ol class="auth-trace">{ for steps }</ol>
            </details>
            <p><Link<Route> to={route}>{ tx::AUTH_LINK.get(lang) }</Link<Route>></p>
        </section>
    }
}
