//! The contexts of the compose and mailbox pages, provided above the router so that the
//! form, its last result and the accepted messages outlive a visit to another page; and the
//! forwarder that collects the console's accepted messages.

use yew::prelude::*;

use super::console_forwarder::ConsoleForwarder;
use super::state::{MailContext, MailStore};
use crate::ui::compose::state::{ComposeContext, ComposeState};

/// What the providers wrap.
#[derive(Properties, PartialEq)]
pub struct MailProvidersProps {
    /// The rest of the app.
    pub children: Html,
}

/// Provides [`MailContext`] and [`ComposeContext`] to `children`.
#[function_component(MailProviders)]
pub fn mail_providers(props: &MailProvidersProps) -> Html {
    let mail = use_reducer(MailStore::default);
    let compose = use_reducer(ComposeState::default);
    html! {
        <ContextProvider<MailContext> context={mail}>
            <ContextProvider<ComposeContext> context={compose}>
                <ConsoleForwarder />
                { props.children.clone() }
            </ContextProvider<ComposeContext>>
        </ContextProvider<MailContext>>
    }
}
