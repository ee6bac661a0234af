//! The demo accounts the simulated server authenticates, so the learner can log in.

use yew::prelude::*;

use super::state::use_console;
use crate::i18n::{t, Msg};
use crate::ui::state::use_lang;

/// The accounts of the current server.
#[function_component(Accounts)]
pub fn accounts() -> Html {
    let lang = use_lang();
    let Some(console) = use_console() else {
        return Html::default();
    };
    let live = console.live.read();
    let accounts = &live.server.config().accounts;
    // The token column only where a profile gives its accounts tokens (the providers).
    let tokens = accounts.iter().any(|a| a.token.is_some());
    let rows = accounts.iter().map(|account| {
        html! {
            <tr>
                <td><code>{ account.user.clone() }</code></td>
                <td><code>{ account.password.clone() }</code></td>
                if tokens {
                    <td><code data-testid="console-account-token">{ account.token.clone().unwrap_or_default() }</code></td>
                }
            </tr>
        }
    });
    html! {
        <section class="panel" aria-labelledby="console-accounts-heading" data-testid="console-accounts">
            <h2 id="console-accounts-heading">{ t(lang, Msg::ConsoleAccounts) }</h2>
            <p class="hint">{ t(lang, Msg::ConsoleAccountsNote) }</p>
            <table class="accounts">
                <thead>
                    <tr>
                        <th scope="col">{ t(lang, Msg::ConsoleUserName) }</th>
                        <th scope="col">{ t(lang, Msg::ConsolePassword) }</th>
                        if tokens {
                            <th scope="col">{ t(lang, Msg::ConsoleToken) }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
