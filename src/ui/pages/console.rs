//! The console: a telnet-like session with the engine's simulated SMTP server
//! ([`crate::smtp::server::Server`]), entirely in the page. Type commands, read the
//! replies, click a reply to see why it was sent; AUTH's base64 is decoded inline; the
//! server's profile, policies and injected faults can be changed at any time.
//!
//! The session lives in the app's console context, so a visit to the reference (say, from
//! a reply's link) and back keeps it.

use yew::prelude::*;

use crate::i18n::{t, Fill, Lang, Msg};
use crate::share::pages::{self, ConsoleShare};
use crate::share::ShareError;
use crate::ui::console::accounts::Accounts;
use crate::ui::console::base64_helper::Base64Helper;
use crate::ui::console::console_input::ConsoleInput;
use crate::ui::console::fault_picker::FaultPicker;
use crate::ui::console::mailbox::Mailbox;
use crate::ui::console::policy_switches::PolicySwitches;
use crate::ui::console::state::{browser_now, use_console, ConsoleAction};
use crate::ui::console::status_line::StatusLine;
use crate::ui::console::toolbar::ConsoleToolbar;
use crate::ui::console::transcript::Transcript;
use crate::ui::diagram::console_ladder::ConsoleLadder;
use crate::ui::in_parts::use_drawn;
use crate::ui::share::panel::{Restored, SharePanel};
use crate::ui::share::texts as share_tx;
use crate::ui::state::use_lang;

/// The console page.
#[function_component(ConsolePage)]
pub fn console_page() -> Html {
    let lang = use_lang();
    let console = use_console();
    let drawn = use_drawn();
    // The session a link carries: the server, its policies and fault, the lines typed since
    // it greeted; opening the link replays them on a new connection.
    let make = {
        let console = console.clone();
        Callback::from(move |secrets: bool| {
            let Some(console) = &console else {
                return String::new();
            };
            let state = console.share();
            pages::payload(&state, secrets)
        })
    };
    let open = {
        let console = console.clone();
        Callback::from(move |(payload, lang): (String, Lang)| {
            let (state, left_out) = pages::open::<ConsoleShare>(&payload)?;
            let console = console.as_ref().ok_or(ShareError::Damaged)?;
            let what = share_tx::CONSOLE_WHAT.get(lang).fill(&[
                ("profile", &state.profile.label().get(lang)),
                ("n", &state.lines.len()),
            ]);
            console.dispatch(ConsoleAction::replay(state, browser_now()));
            Ok(Restored { what, left_out })
        })
    };
    html! {
        <section class="page console" data-testid="console-page">
            <h1 data-testid="console-heading">{ t(lang, Msg::ConsoleHeading) }</h1>
            <p class="intro">{ t(lang, Msg::ConsoleIntro) }</p>
            <SharePanel page={crate::share::Page::Console} {make} {open} />
            <div class="console-layout">
                <div class="console-main">
                    <ConsoleToolbar />
                    <StatusLine />
                    <Transcript />
                    <ConsoleInput />
                    <p class="hint">{ t(lang, Msg::ConsoleClickHint) }</p>
                    if drawn {
                        <ConsoleLadder />
                        <Mailbox />
                    }
                </div>
                <aside class="console-side" aria-label={t(lang, Msg::ConsoleSideLabel)}>
                    if drawn {
                        <Accounts />
                        <Base64Helper />
                        <PolicySwitches />
                        <FaultPicker />
                    }
                </aside>
            </div>
        </section>
    }
}
