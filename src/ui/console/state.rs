//! The console's state: one simulated server session ([`Server`]) and its transcript.
//!
//! Held in a reducer the [`App`](crate::ui::app) provides by context, so leaving the console
//! for the reference and coming back keeps the session and every line of it. The reducer
//! only calls engine methods; the browser's clock and randomness come in with the actions.
//! The session is a [`Shared`] value: a send changes it in place (the server and its
//! mailbox are never copied) and bumps the state's revision, which is what re-renders.
//!
//! Memory is bounded: the transcript keeps the last [`MAX_ENTRIES`] entries (a marker says
//! how many older ones were dropped), a client line is kept up to [`MAX_LINE`] bytes, the
//! history up to [`MAX_HISTORY`] lines; the server bounds its own mailbox.

use std::rc::Rc;

use yew::prelude::*;

use crate::live::{new_server, LiveSession, Shared};
pub use crate::live::{ClientLine, Entry, Marker, CLIENT_IP, CLIENT_NAME};
use crate::smtp::profile::Profile;
use crate::smtp::server::{Policies, ServerConfig};

/// The demo accounts of a profile: `(user, password)`. At the providers the password is what
/// they take instead of the account's own: Gmail's 16-letter app password, QQ Mail's
/// authorization code (授权码).
pub fn demo_accounts(profile: Profile) -> &'static [(&'static str, &'static str)] {
    match profile {
        // Seed 000: base64 `c3Vubm9nb0AxNjMuY29t` / `QVJzYW5iYnNxbDYwNTk1`.
        Profile::Coremail163 => &[("sunnogo@163.com", "ARsanbbsql60595")],
        Profile::Gmail => &[("alice@gmail.com", "abcdefghijklmnop")],
        Profile::Outlook => &[("alice@outlook.com", "secret")],
        Profile::QqMail => &[("12345@qq.com", "abcdefghijklmnop")],
        _ => &[
            ("alice@example.com", "secret"),
            ("bob@example.com", "hunter2"),
        ],
    }
}

/// The OAuth 2.0 access token of a demo account, where the profile offers XOAUTH2 or
/// OAUTHBEARER (made-up tokens in the providers' style: Google's start with `ya29.`).
pub fn demo_token(profile: Profile) -> Option<&'static str> {
    match profile {
        Profile::Gmail => Some("ya29.a0-learner-token"),
        Profile::Outlook => Some("EwBwA-learner-token"),
        Profile::QqMail => Some("qq-learner-token"),
        _ => None,
    }
}

/// The profile's default configuration with its demo accounts (and their tokens).
pub fn demo_config(profile: Profile) -> ServerConfig {
    demo_accounts(profile)
        .iter()
        .fold(ServerConfig::new(profile), |config, (user, password)| {
            let config = config.with_account(user, password);
            match demo_token(profile) {
                Some(token) => config.with_token(user, token),
                None => config,
            }
        })
}

/// The console: a session, its transcript, the command history.
#[derive(Clone, Debug)]
pub struct ConsoleState {
    /// Bumped by every action: two states are equal only if they are the same state.
    revision: u64,
    /// The session with its transcript and history, shared with the previous state (a send
    /// changes it in place; read it with `live.read()`).
    pub live: Shared<LiveSession>,
    /// Whether line ends are shown as ␍␊.
    pub show_crlf: bool,
}

impl PartialEq for ConsoleState {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

/// What the console can do.
pub enum ConsoleAction {
    /// Send lines (each gets CRLF), at the browser's time `now`.
    Send {
        /// The lines, without line ends.
        lines: Vec<String>,
        /// The time for `Received:` and greetings.
        now: String,
        /// Whether to add the line to the history (the single-line input).
        remember: bool,
    },
    /// A new session with the same settings.
    Reset {
        /// The time of the new connection.
        now: String,
    },
    /// A new session with another server profile (and its default policies).
    SetProfile {
        /// The profile.
        profile: Profile,
        /// The time of the new connection.
        now: String,
    },
    /// New policies, applied to the running session.
    SetPolicies(Policies),
    /// Show or hide ␍␊ at line ends.
    ShowCrlf(bool),
    /// A shared session: a new connection to `profile`'s server with `policies`, then
    /// `lines` sent one by one as typed.
    Replay {
        /// The server's software.
        profile: Profile,
        /// Its policies and fault as the session began.
        policies: Policies,
        /// Each change of them: before line `n` (after the last when `n` is their number).
        changes: Vec<(usize, Policies)>,
        /// The lines, without line ends.
        lines: Vec<String>,
        /// The time of the new connection.
        now: String,
    },
}

impl ConsoleState {
    /// A console connected to the default profile's server at time `now`.
    pub fn new(now: &str) -> ConsoleState {
        ConsoleState {
            revision: 0,
            live: Shared::new(LiveSession::connect(new_server(
                demo_config(Profile::default()),
                now,
            ))),
            show_crlf: false,
        }
    }

    /// The session as a link (or the hand-over to the whole app) carries it: the server,
    /// its policies as the session began and each change since, the lines typed.
    pub fn share(&self) -> crate::share::pages::ConsoleShare {
        let live = self.live.read();
        let replay = live.replayable();
        crate::share::pages::ConsoleShare {
            profile: live.server.config().profile,
            policies: replay.policies,
            changes: replay.changes,
            lines: replay.lines,
        }
    }
}

impl ConsoleAction {
    /// Replays `state` on a new connection made at `now`.
    pub fn replay(state: crate::share::pages::ConsoleShare, now: String) -> ConsoleAction {
        ConsoleAction::Replay {
            profile: state.profile,
            policies: state.policies,
            changes: state.changes,
            lines: state.lines.into_iter().map(|l| l.text).collect(),
            now,
        }
    }
}

/// Opens a new session with `config`; the transcript goes on with its marker and greeting,
/// the history stays.
fn connect(live: &mut LiveSession, config: ServerConfig, now: &str) {
    live.reconnect(new_server(config, now));
}

impl Reducible for ConsoleState {
    type Action = ConsoleAction;

    fn reduce(self: Rc<Self>, action: ConsoleAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.revision += 1;
        if let ConsoleAction::ShowCrlf(show) = action {
            next.show_crlf = show;
            return Rc::new(next);
        }
        // The session is shared with the previous state: changed in place, not copied.
        next.live.update(|live| match action {
            ConsoleAction::Send {
                lines,
                now,
                remember,
            } => {
                for line in lines {
                    if remember {
                        live.remember(&line);
                    }
                    live.send(&line, &now);
                }
            }
            ConsoleAction::Reset { now } => {
                let config = live.server.config().clone();
                connect(live, config, &now);
            }
            ConsoleAction::SetProfile { profile, now } => {
                connect(live, demo_config(profile), &now);
            }
            ConsoleAction::SetPolicies(policies) => {
                live.set_policies(policies, Entry::Marker(Marker::SettingsChanged));
            }
            ConsoleAction::ShowCrlf(_) => {}
            ConsoleAction::Replay {
                profile,
                policies,
                changes,
                lines,
                now,
            } => {
                let mut config = demo_config(profile);
                config.policies = policies;
                connect(live, config, &now);
                let mut changes = changes.into_iter().peekable();
                for (n, line) in lines.iter().enumerate() {
                    while let Some((_, changed)) = changes.next_if(|(at, _)| *at <= n) {
                        live.set_policies(changed, Entry::Marker(Marker::SettingsChanged));
                    }
                    live.send(line, &now);
                }
                for (_, changed) in changes {
                    live.set_policies(changed, Entry::Marker(Marker::SettingsChanged));
                }
            }
        });
        Rc::new(next)
    }
}

/// The handle components receive from the context.
pub type ConsoleContext = UseReducerHandle<ConsoleState>;

/// The console from the context (`None` outside the provider).
#[hook]
pub fn use_console() -> Option<ConsoleContext> {
    use_context::<ConsoleContext>()
}

/// What the learner has typed but not sent, kept apart from the console so that typing
/// re-renders only the input (and survives a visit to the reference).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drafts {
    /// The single-line input.
    pub line: String,
    /// The DATA / BDAT text area.
    pub data: String,
}

/// What changes a draft.
pub enum DraftAction {
    /// The single-line input's text.
    Line(String),
    /// The text area's text.
    Data(String),
}

impl Reducible for Drafts {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DraftAction::Line(line) => next.line = line,
            DraftAction::Data(data) => next.data = data,
        }
        Rc::new(next)
    }
}

/// The drafts' handle in the context.
pub type DraftsContext = UseReducerHandle<Drafts>;

/// The drafts from the context.
#[hook]
pub fn use_drafts() -> Option<DraftsContext> {
    use_context::<DraftsContext>()
}

/// The browser's time in the form of RFC 5322 (`Tue, 12 May 2026 10:00:00 +0000`).
pub fn browser_now() -> String {
    let utc = String::from(js_sys::Date::new_0().to_utc_string());
    match utc.strip_suffix(" GMT") {
        Some(date) => format!("{date} +0000"),
        None => utc,
    }
}

/// A seed for the fault injector's generator, from the browser's random source.
pub fn random_seed() -> u64 {
    // Two draws: Math.random gives 52 bits of mantissa at best.
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    (high << 32) | low
}
