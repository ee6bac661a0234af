//! The console's state: one simulated server session ([`Server`]) and its transcript.
//!
//! Held in a reducer the [`App`](crate::ui::app) provides by context, so leaving the console
//! for the reference and coming back keeps the session and every line of it. The reducer
//! only calls engine methods; the browser's clock and randomness come in with the actions.
//!
//! Memory is bounded: the transcript keeps the last [`MAX_ENTRIES`] entries (a marker says
//! how many older ones were dropped), a client line is kept up to [`MAX_LINE`] bytes, the
//! history up to [`MAX_HISTORY`] lines; the server bounds its own mailbox.

use std::collections::VecDeque;
use std::rc::Rc;

use yew::prelude::*;

use crate::smtp::profile::Profile;
use crate::smtp::reply::Reply;
use crate::smtp::server::{Event, Mode, Policies, Server, ServerConfig};

/// The simulated client's address (TEST-NET-1, RFC 5737).
pub const CLIENT_IP: &str = "192.0.2.10";
/// The simulated client's host name, as the server's reverse lookup finds it.
pub const CLIENT_NAME: &str = "learner.example";
/// The most transcript entries kept; older ones are dropped first.
pub const MAX_ENTRIES: usize = 2000;
/// The most history lines kept.
pub const MAX_HISTORY: usize = 200;
/// The most bytes of one client line the transcript keeps (the server got all of them).
pub const MAX_LINE: usize = 4096;

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

/// A line the learner sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientLine {
    /// The line without CRLF, at most [`MAX_LINE`] bytes of it.
    pub text: String,
    /// How many bytes of the line are not kept.
    pub hidden: usize,
    /// Whether the server was waiting for a SASL response (so the line is base64).
    pub auth_response: bool,
}

/// A note in the transcript that is neither client nor server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A new connection: at the start, on reset, on a profile change.
    Connected {
        /// The server's profile.
        profile: Profile,
        /// The server's host name.
        host: String,
    },
    /// The simulated TLS handshake.
    TlsStarted,
    /// A message went into the mailbox.
    Stored {
        /// Its queue id.
        id: String,
    },
    /// The server closed the connection.
    Closed,
    /// The learner changed a policy.
    SettingsChanged,
    /// Older entries were dropped to bound memory.
    Trimmed {
        /// How many so far.
        dropped: u64,
    },
}

/// One transcript entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// `C:` a line the learner sent.
    Client(Rc<ClientLine>),
    /// `S:` a reply, with why it was sent.
    Server(Rc<Reply>),
    /// A marker.
    Marker(Marker),
}

/// An entry with a stable id (the key of its row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Unique within the console's life.
    pub id: u64,
    /// The entry.
    pub entry: Entry,
}

/// The console: a session, its transcript, the command history.
#[derive(Clone, Debug)]
pub struct ConsoleState {
    /// Bumped by every action: two states are equal only if they are the same state.
    revision: u64,
    /// The simulated server session.
    pub server: Rc<Server>,
    /// The transcript, oldest first.
    pub items: Rc<VecDeque<Rc<Item>>>,
    /// Commands typed in the single-line input, oldest first.
    pub history: Rc<Vec<String>>,
    /// Whether line ends are shown as ␍␊.
    pub show_crlf: bool,
    next_id: u64,
    dropped: u64,
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
        /// Its policies and fault.
        policies: Policies,
        /// The lines, without line ends.
        lines: Vec<String>,
        /// The time of the new connection.
        now: String,
    },
}

impl ConsoleState {
    /// A console connected to the default profile's server at time `now`.
    pub fn new(now: &str) -> ConsoleState {
        let config = demo_config(Profile::default());
        let mut state = ConsoleState {
            revision: 0,
            server: Rc::new(Server::new(config.clone(), CLIENT_IP, now)),
            items: Rc::new(VecDeque::new()),
            history: Rc::new(Vec::new()),
            show_crlf: false,
            next_id: 0,
            dropped: 0,
        };
        state.connect(config, now);
        state
    }

    /// The server's current mode.
    pub fn mode(&self) -> Mode {
        self.server.view().mode
    }

    /// The transcript as text: `C:` and `S:` lines, as a log would show them.
    pub fn transcript_text(&self) -> String {
        let mut out = String::new();
        for item in self.items.iter() {
            match &item.entry {
                Entry::Client(line) => {
                    out.push_str("C: ");
                    out.push_str(&line.text);
                    out.push('\n');
                }
                Entry::Server(reply) => {
                    for line in reply.wire_lines() {
                        out.push_str("S: ");
                        out.push_str(&line);
                        out.push('\n');
                    }
                }
                Entry::Marker(_) => {}
            }
        }
        out
    }

    /// The lines typed since the server last greeted (the session a link replays), each
    /// marked when it belongs to an AUTH exchange.
    pub fn session_lines(&self) -> Vec<crate::share::Line> {
        let start = self
            .items
            .iter()
            .rposition(|item| matches!(item.entry, Entry::Marker(Marker::Connected { .. })))
            .map_or(0, |at| at + 1);
        self.items
            .iter()
            .skip(start)
            .filter_map(|item| match &item.entry {
                Entry::Client(line) => Some(crate::share::Line {
                    text: line.text.clone(),
                    secret: crate::share::pages::is_auth_line(&line.text, line.auth_response),
                }),
                _ => None,
            })
            .collect()
    }

    /// Opens a new session with `config`: a marker, then the greeting.
    fn connect(&mut self, config: ServerConfig, now: &str) {
        let marker = Marker::Connected {
            profile: config.profile,
            host: config.hostname.clone(),
        };
        let server = Server::new(config, CLIENT_IP, now).with_client_name(CLIENT_NAME);
        let greeting = server.greeting();
        self.server = Rc::new(server);
        self.push(Entry::Marker(marker));
        self.push(Entry::Server(Rc::new(greeting)));
    }

    fn push(&mut self, entry: Entry) {
        let id = self.next_id;
        self.next_id += 1;
        let items = Rc::make_mut(&mut self.items);
        items.push_back(Rc::new(Item { id, entry }));
        if items.len() > MAX_ENTRIES {
            if matches!(
                items.front().map(|i| &i.entry),
                Some(Entry::Marker(Marker::Trimmed { .. }))
            ) {
                items.pop_front();
            }
            while items.len() >= MAX_ENTRIES {
                items.pop_front();
                self.dropped += 1;
            }
            let id = self.next_id;
            self.next_id += 1;
            let marker = Marker::Trimmed {
                dropped: self.dropped,
            };
            items.push_front(Rc::new(Item {
                id,
                entry: Entry::Marker(marker),
            }));
        }
    }

    fn remember(&mut self, line: &str) {
        if line.trim().is_empty() || self.history.last().is_some_and(|last| last == line) {
            return;
        }
        let history = Rc::make_mut(&mut self.history);
        history.push(line.to_string());
        if history.len() > MAX_HISTORY {
            history.remove(0);
        }
    }

    fn send(&mut self, line: String, now: &str) {
        if self.server.is_closed() {
            return;
        }
        let auth_response = self.mode() == Mode::AuthResponse;
        let mut end = line.len().min(MAX_LINE);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        self.push(Entry::Client(Rc::new(ClientLine {
            text: line[..end].to_string(),
            hidden: line.len() - end,
            auth_response,
        })));
        let mut bytes = line.into_bytes();
        bytes.extend_from_slice(b"\r\n");
        let server = Rc::make_mut(&mut self.server);
        server.set_now(now);
        let events = server.receive(&bytes);
        let entries: Vec<Entry> = events
            .into_iter()
            .map(|event| match event {
                Event::Reply(reply) => Entry::Server(Rc::new(reply)),
                Event::TlsStarted => Entry::Marker(Marker::TlsStarted),
                Event::Stored(index) => Entry::Marker(Marker::Stored {
                    id: server
                        .mailbox()
                        .get(index)
                        .map(|m| m.id.clone())
                        .unwrap_or_default(),
                }),
                Event::Closed => Entry::Marker(Marker::Closed),
            })
            .collect();
        for entry in entries {
            self.push(entry);
        }
    }
}

impl Reducible for ConsoleState {
    type Action = ConsoleAction;

    fn reduce(self: Rc<Self>, action: ConsoleAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.revision += 1;
        match action {
            ConsoleAction::Send {
                lines,
                now,
                remember,
            } => {
                for line in lines {
                    if remember {
                        next.remember(&line);
                    }
                    next.send(line, &now);
                }
            }
            ConsoleAction::Reset { now } => {
                let config = next.server.config().clone();
                next.connect(config, &now);
            }
            ConsoleAction::SetProfile { profile, now } => next.connect(demo_config(profile), &now),
            ConsoleAction::SetPolicies(policies) => {
                if next.server.config().policies != policies {
                    Rc::make_mut(&mut next.server).set_policies(policies);
                    next.push(Entry::Marker(Marker::SettingsChanged));
                }
            }
            ConsoleAction::ShowCrlf(show) => next.show_crlf = show,
            ConsoleAction::Replay {
                profile,
                policies,
                lines,
                now,
            } => {
                let mut config = demo_config(profile);
                config.policies = policies;
                next.connect(config, &now);
                for line in lines {
                    next.send(line, &now);
                }
            }
        }
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
