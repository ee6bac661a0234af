//! The session at a glance, from the engine's [`SessionView`]: greeted as, the
//! authenticated user, TLS, the open transaction, and what the server expects next.

use yew::prelude::*;

use super::texts;
use crate::smtp::server::{Mode, SessionView};
use crate::ui::state::use_lang;

/// The session's view.
#[derive(Properties, PartialEq)]
pub struct SessionStatusProps {
    /// What [`crate::smtp::server::Server::view`] returned.
    pub view: SessionView,
}

/// The status line.
#[function_component(SessionStatus)]
pub fn session_status(props: &SessionStatusProps) -> Html {
    let lang = use_lang();
    let view = &props.view;
    let colon = lang.colon();
    let hello = match &view.hello {
        Some(name) => html! { <code>{ name.clone() }</code> },
        None => html! { <span class="muted">{ texts::STATUS_NOT_GREETED.get(lang) }</span> },
    };
    let user = match &view.user {
        Some(user) => html! { <code>{ user.clone() }</code> },
        None => html! { <span class="muted">{ texts::STATUS_NO_USER.get(lang) }</span> },
    };
    let tls = if view.tls {
        texts::STATUS_TLS_ON
    } else {
        texts::STATUS_TLS_OFF
    };
    let transaction = match &view.from {
        Some(from) => {
            let mut text = format!("MAIL FROM:<{from}>");
            for rcpt in &view.recipients {
                text.push_str(&format!(" · RCPT TO:<{rcpt}>"));
            }
            html! { <code>{ text }</code> }
        }
        None => html! { <span class="muted">{ texts::NO_TRANSACTION.get(lang) }</span> },
    };
    let expects = match view.mode {
        Mode::Command => texts::EXPECTS_COMMAND,
        Mode::Data => texts::EXPECTS_DATA,
        Mode::Chunk => texts::EXPECTS_CHUNK,
        Mode::AuthResponse => texts::EXPECTS_AUTH,
        Mode::Closed => texts::EXPECTS_NOTHING,
    };
    html! {
        <dl class="status" data-testid="scenario-status">
            <div><dt>{ texts::STATUS_HELLO.get(lang) }{ colon }</dt><dd>{ hello }</dd></div>
            <div><dt>{ texts::STATUS_USER.get(lang) }{ colon }</dt><dd data-testid="scenario-status-user">{ user }</dd></div>
            <div><dt>{ texts::STATUS_TLS.get(lang) }{ colon }</dt><dd>{ tls.get(lang) }</dd></div>
            <div class="wide"><dt>{ texts::STATUS_TRANSACTION.get(lang) }{ colon }</dt><dd>{ transaction }</dd></div>
            <div class="wide"><dt>{ texts::STATUS_EXPECTS.get(lang) }{ colon }</dt><dd data-testid="scenario-status-expects">{ expects.get(lang) }</dd></div>
        </dl>
    }
}
