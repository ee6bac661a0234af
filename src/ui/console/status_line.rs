//! The session at a glance, from [`Server::view`](crate::smtp::server::Server::view):
//! greeted as, ESMTP or not, the authenticated user, TLS, the open transaction, and what
//! the server expects next.

use yew::prelude::*;

use super::state::use_console;
use crate::i18n::{t, Msg};
use crate::smtp::server::Mode;
use crate::ui::state::use_lang;

/// The status line.
#[function_component(StatusLine)]
pub fn status_line() -> Html {
    let lang = use_lang();
    let Some(console) = use_console() else {
        return Html::default();
    };
    let view = console.live.read().server.view();
    let colon = lang.colon();
    let hello = match &view.hello {
        Some(name) => {
            let kind = if view.esmtp {
                Msg::ConsoleEsmtp
            } else {
                Msg::ConsolePlainSmtp
            };
            html! { <><code>{ name.clone() }</code>{ " " }<span class="muted">{ t(lang, kind) }</span></> }
        }
        None => html! { <span class="muted">{ t(lang, Msg::ConsoleNotGreeted) }</span> },
    };
    let user = match &view.user {
        Some(user) => html! { <code>{ user.clone() }</code> },
        None => html! { <span class="muted">{ t(lang, Msg::ConsoleNotAuthenticated) }</span> },
    };
    let tls = t(
        lang,
        if view.tls {
            Msg::ConsoleTlsOn
        } else {
            Msg::ConsoleTlsOff
        },
    );
    let transaction = match &view.from {
        Some(from) => {
            let from = if from.is_empty() {
                "<>".to_string()
            } else {
                format!("<{from}>")
            };
            let recipients = if view.recipients.is_empty() {
                t(lang, Msg::ConsoleNoRecipients).to_string()
            } else {
                view.recipients
                    .iter()
                    .map(|r| format!("<{r}>"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            html! {
                <>
                    { "MAIL FROM:" }<code>{ from }</code>{ " · " }
                    { t(lang, Msg::ConsoleRecipients) }{ lang.colon() }<code>{ recipients }</code>
                </>
            }
        }
        None => html! { <span class="muted">{ t(lang, Msg::ConsoleNoTransaction) }</span> },
    };
    let expects = t(
        lang,
        match view.mode {
            Mode::Command => Msg::ConsoleExpectsCommand,
            Mode::Data => Msg::ConsoleExpectsData,
            Mode::Chunk => Msg::ConsoleExpectsChunk,
            Mode::AuthResponse => Msg::ConsoleExpectsAuth,
            Mode::Closed => Msg::ConsoleExpectsNothing,
        },
    );
    html! {
        <dl class="status" data-testid="console-status">
            <div><dt>{ t(lang, Msg::ConsoleGreetedAs) }{ colon }</dt><dd data-testid="console-status-hello">{ hello }</dd></div>
            <div><dt>{ t(lang, Msg::ConsoleAuthenticatedAs) }{ colon }</dt><dd data-testid="console-status-user">{ user }</dd></div>
            <div><dt>{ t(lang, Msg::ConsoleTls) }{ colon }</dt><dd data-testid="console-status-tls">{ tls }</dd></div>
            <div class="wide"><dt>{ t(lang, Msg::ConsoleTransaction) }{ colon }</dt><dd data-testid="console-status-transaction">{ transaction }</dd></div>
            <div class="wide"><dt>{ t(lang, Msg::ConsoleExpects) }{ colon }</dt><dd data-testid="console-status-expects">{ expects }</dd></div>
        </dl>
    }
}
