//! A live session with one of the engine's servers, as the console, the scenarios and the
//! lessons show it: the server, the transcript and the command history. One module for all
//! three, native, so its limits are the same everywhere and its unit tests run without a
//! browser.
//!
//! It only calls engine methods ([`Server::receive`], [`Server::set_policies`]); the
//! browser's clock comes in as an argument. Memory is bounded: the transcript keeps the last
//! [`MAX_ENTRIES`] entries (a marker says how many older ones were dropped), a client line is
//! kept up to [`MAX_LINE`] bytes, the history up to [`MAX_HISTORY`] lines; the server bounds
//! its own mailbox.

use std::cell::{Ref, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::rc::Rc;

use crate::i18n::{cut, Tr};
use crate::lessons::scenarios::visible_line_ends;
use crate::smtp::profile::Profile;
use crate::smtp::reply::Reply;
use crate::smtp::server::{Event, Mode, Policies, Server, ServerConfig};

/// The simulated client's address (TEST-NET-1, RFC 5737).
pub const CLIENT_IP: &str = "192.0.2.10";
/// The simulated client's host name, as the server's reverse lookup finds it.
pub const CLIENT_NAME: &str = "learner.example";
/// The most transcript entries kept; older ones are dropped first.
pub const MAX_ENTRIES: usize = 2000;
/// How many of the oldest entries go at once when the transcript is full, so a long session
/// does not shift the whole list at every line.
const DROP_BATCH: usize = 100;
/// The most history lines kept.
pub const MAX_HISTORY: usize = 200;
/// The most bytes of one client line the transcript keeps (the server got all of them).
pub const MAX_LINE: usize = 4096;

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
    /// A note of the page's own (a scenario's "earlier steps replayed").
    Note(Tr),
}

/// An entry with a stable id (the key of its row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Unique within the transcript's life.
    pub id: u64,
    /// The entry.
    pub entry: Entry,
}

/// A bounded transcript, oldest entry first. Cloning it is cheap (the entries are shared).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Transcript {
    /// Oldest first; a [`Marker::Trimmed`] first once older entries were dropped.
    pub items: Rc<VecDeque<Rc<Item>>>,
    next_id: u64,
    dropped: u64,
}

impl Transcript {
    /// Adds an entry, dropping the oldest ones beyond [`MAX_ENTRIES`] (a marker says how
    /// many).
    pub fn push(&mut self, entry: Entry) {
        let id = self.next_id;
        self.next_id += 1;
        let items = Rc::make_mut(&mut self.items);
        items.push_back(Rc::new(Item { id, entry }));
        if items.len() <= MAX_ENTRIES {
            return;
        }
        if matches!(
            items.front().map(|i| &i.entry),
            Some(Entry::Marker(Marker::Trimmed { .. }))
        ) {
            items.pop_front();
        }
        let excess = items.len().saturating_sub(MAX_ENTRIES - DROP_BATCH);
        items.drain(..excess);
        self.dropped += excess as u64;
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

    /// A `C:` line: at most [`MAX_LINE`] bytes are kept (the server got all of them).
    pub fn client(&mut self, line: &str, auth_response: bool) {
        let (kept, _) = cut::bytes(line, MAX_LINE);
        self.push(Entry::Client(Rc::new(ClientLine {
            text: kept.to_string(),
            hidden: line.len() - kept.len(),
            auth_response,
        })));
    }

    /// A reply.
    pub fn reply(&mut self, reply: Reply) {
        self.push(Entry::Server(Rc::new(reply)));
    }

    /// A marker.
    pub fn marker(&mut self, marker: Marker) {
        self.push(Entry::Marker(marker));
    }

    /// A note of the page's own.
    pub fn note(&mut self, note: Tr) {
        self.push(Entry::Note(note));
    }

    /// A new connection: its marker and the server's greeting.
    pub fn connected(&mut self, server: &Server) {
        let config = server.config();
        self.marker(Marker::Connected {
            profile: config.profile,
            host: config.hostname.clone(),
        });
        self.reply(server.greeting());
    }

    /// What a call to [`Server::receive`] returned, as entries.
    pub fn events(&mut self, server: &Server, events: &[Event]) {
        for event in events {
            match event {
                Event::Reply(reply) => self.reply(reply.clone()),
                Event::TlsStarted => self.marker(Marker::TlsStarted),
                Event::Stored(index) => self.marker(Marker::Stored {
                    id: server
                        .mailbox()
                        .get(*index)
                        .map(|m| m.id.clone())
                        .unwrap_or_default(),
                }),
                Event::Closed => self.marker(Marker::Closed),
            }
        }
    }

    /// The newest entry's id.
    pub fn newest(&self) -> Option<u64> {
        self.items.back().map(|i| i.id)
    }

    /// The `C:` lines, replies and markers, without the page's notes (what a ladder draws).
    pub fn session_entries(&self) -> impl Iterator<Item = &Entry> {
        self.items
            .iter()
            .map(|i| &i.entry)
            .filter(|e| !matches!(e, Entry::Note(_)))
    }

    /// The transcript as text: `C:` and `S:` lines, as a log would show them.
    pub fn text(&self) -> String {
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
                Entry::Marker(_) | Entry::Note(_) => {}
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
}

/// The lines typed into a single-line input, oldest first, at most [`MAX_HISTORY`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History(Rc<Vec<String>>);

impl History {
    /// Adds a line (not a blank line, not a repeat of the last one), dropping the oldest
    /// beyond [`MAX_HISTORY`].
    pub fn remember(&mut self, line: &str) {
        if line.trim().is_empty() || self.0.last().is_some_and(|last| last == line) {
            return;
        }
        let lines = Rc::make_mut(&mut self.0);
        lines.push(line.to_string());
        if lines.len() > MAX_HISTORY {
            lines.remove(0);
        }
    }

    /// The lines, oldest first.
    pub fn lines(&self) -> &[String] {
        &self.0
    }
}

/// What pasting `pasted` into the one-line command input does, with `before` and `after`
/// the input's text around the selection it replaces: as in a terminal, every line the
/// paste completes is sent, in order, and what follows the last line break stays in the
/// input. `None` when the paste holds no line break (the input takes it as it is).
pub fn pasted_lines(before: &str, pasted: &str, after: &str) -> Option<(Vec<String>, String)> {
    if !pasted.contains(['\r', '\n']) {
        return None;
    }
    let whole = format!("{before}{pasted}{after}");
    let mut lines: Vec<String> = whole
        .split("\r\n")
        .flat_map(|l| l.split(['\r', '\n']))
        .map(str::to_string)
        .collect();
    let rest = lines.pop().unwrap_or_default();
    Some((lines, rest))
}

/// A server for the simulated client (`learner.example [192.0.2.10]`) at time `now`.
pub fn new_server(config: ServerConfig, now: &str) -> Server {
    Server::new(config, CLIENT_IP, now).with_client_name(CLIENT_NAME)
}

/// A server session the learner types into, with its transcript and command history. Not
/// `Clone`: a page holds it in a [`Shared`], so a line sent changes it in place instead of
/// copying the server and its mailbox.
#[derive(Debug)]
pub struct LiveSession {
    /// The simulated server.
    pub server: Server,
    /// The transcript.
    pub log: Transcript,
    /// Lines typed into the single-line input.
    pub history: History,
    /// The connection's policies as it began, and each change since.
    settings: Settings,
}

/// The most policy changes a connection remembers for its replay.
pub const MAX_CHANGES: usize = 200;

/// The policies a connection began with, and each change since: after how many of its
/// client lines, and to what (so a link can replay a change where it happened).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Settings {
    start: Policies,
    changes: Vec<(usize, Policies)>,
    /// Client lines sent since the connection began.
    lines: usize,
}

impl Settings {
    fn of(server: &Server) -> Settings {
        Settings {
            start: server.config().policies.clone(),
            changes: Vec::new(),
            lines: 0,
        }
    }
}

/// What a link replays of the current connection: its policies as it began, the lines typed
/// since, and each change of policies before the line it came before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replayable {
    /// The policies as the first line kept found them.
    pub policies: Policies,
    /// `(n, policies)`: changed before line `n` (after the last line when `n` is their
    /// number).
    pub changes: Vec<(usize, Policies)>,
    /// The lines.
    pub lines: Vec<crate::share::Line>,
}

impl LiveSession {
    /// A session with `server`, greeted.
    pub fn connect(server: Server) -> LiveSession {
        let mut log = Transcript::default();
        log.connected(&server);
        LiveSession {
            settings: Settings::of(&server),
            server,
            log,
            history: History::default(),
        }
    }

    /// What the server expects next.
    pub fn mode(&self) -> Mode {
        self.server.mode()
    }

    /// Sends one line (with CRLF) at time `now`; returns the server's events, which are
    /// also in the transcript. Nothing is sent once the server has closed the connection.
    pub fn send(&mut self, line: &str, now: &str) -> Vec<Event> {
        if self.server.is_closed() {
            return Vec::new();
        }
        self.log.client(line, self.mode() == Mode::AuthResponse);
        self.settings.lines += 1;
        let mut bytes = Vec::with_capacity(line.len() + 2);
        bytes.extend_from_slice(line.as_bytes());
        bytes.extend_from_slice(b"\r\n");
        self.receive(&bytes, now)
    }

    /// Sends `bytes` exactly as given (raw mode: no CRLF added, a bare LF stays bare) at
    /// time `now`; the transcript shows them with their line ends as ␍␊ and ␊.
    pub fn send_raw(&mut self, bytes: &[u8], now: &str) -> Vec<Event> {
        if self.server.is_closed() || bytes.is_empty() {
            return Vec::new();
        }
        self.log.client(&visible_line_ends(bytes), false);
        self.settings.lines += 1;
        self.receive(bytes, now)
    }

    fn receive(&mut self, bytes: &[u8], now: &str) -> Vec<Event> {
        self.server.set_now(now);
        let events = self.server.receive(bytes);
        self.log.events(&self.server, &events);
        events
    }

    /// Closes this connection and opens one to `server`: the transcript goes on, with the
    /// new connection's marker and greeting.
    pub fn reconnect(&mut self, server: Server) {
        self.log.connected(&server);
        self.settings = Settings::of(&server);
        self.server = server;
    }

    /// The current connection as a link replays it. When the transcript has dropped the
    /// connection's first lines, the changes before the first line kept fold into the
    /// policies it starts with.
    pub fn replayable(&self) -> Replayable {
        let lines = self.log.session_lines();
        let dropped = self.settings.lines.saturating_sub(lines.len());
        let mut policies = self.settings.start.clone();
        let mut changes = Vec::new();
        for (at, changed) in &self.settings.changes {
            if *at <= dropped {
                policies = changed.clone();
            } else {
                changes.push((at - dropped, changed.clone()));
            }
        }
        Replayable {
            policies,
            changes,
            lines,
        }
    }

    /// Adds a command line about to be sent to the history (not blank lines, not a repeat
    /// of the last one, not a line of a message: a pasted message's lines are no commands
    /// to recall).
    pub fn remember(&mut self, line: &str) {
        if !matches!(self.mode(), Mode::Data | Mode::Chunk) {
            self.history.remember(line);
        }
    }

    /// Applies new policies to the running session; when they change anything, `said` goes
    /// into the transcript. Returns whether they did.
    pub fn set_policies(&mut self, policies: Policies, said: Entry) -> bool {
        if self.server.config().policies == policies {
            return false;
        }
        let settings = &mut self.settings;
        match settings.changes.last_mut() {
            // Switches flipped between two lines: only where they ended up matters.
            Some((at, last)) if *at == settings.lines => *last = policies.clone(),
            _ => settings.changes.push((settings.lines, policies.clone())),
        }
        if settings.changes.len() > MAX_CHANGES {
            // Bounded: the oldest change folds into the start (its earlier lines then
            // replay under it, a difference only past this many changes).
            let (_, oldest) = settings.changes.remove(0);
            settings.start = oldest;
        }
        self.server.set_policies(policies);
        self.log.push(said);
        true
    }
}

/// A value a page's state shares with its components instead of copying it: a reducer's
/// next state holds the same value, and changes it in place ([`Shared::update`]).
///
/// Each handle carries a revision, bumped by every update through it, and two handles are
/// equal only when they hold the same value at the same revision: the reducer's next state
/// (and a component given the handle as a property) differs from the previous one, so
/// everything showing the value renders again. Read with [`Shared::read`] while rendering
/// and let the guard go before anything can dispatch: an update while a guard is held
/// panics.
pub struct Shared<T> {
    value: Rc<RefCell<T>>,
    revision: u64,
}

impl<T> Shared<T> {
    /// A value no one else holds yet, at revision 0.
    pub fn new(value: T) -> Shared<T> {
        Shared {
            value: Rc::new(RefCell::new(value)),
            revision: 0,
        }
    }

    /// The value, to read.
    pub fn read(&self) -> Ref<'_, T> {
        self.value.borrow()
    }

    /// Changes the value in place (every handle sees the change) and bumps this handle's
    /// revision; returns what `change` returns.
    pub fn update<R>(&mut self, change: impl FnOnce(&mut T) -> R) -> R {
        self.revision += 1;
        change(&mut self.value.borrow_mut())
    }

    /// How many updates went through this handle and the handles it was cloned from.
    pub fn revision(&self) -> u64 {
        self.revision
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared {
            value: Rc::clone(&self.value),
            revision: self.revision,
        }
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.value, &other.value) && self.revision == other.revision
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shared")
            .field("revision", &self.revision)
            .field("value", &self.value)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_sends_the_lines_it_completes_and_keeps_the_rest() {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(pasted_lines("", "EHLO a", ""), None);
        assert_eq!(
            pasted_lines("", "EHLO a\r\nMAIL FROM:<x@y>\nRCPT TO:<z@y>\n", ""),
            Some((
                owned(&["EHLO a", "MAIL FROM:<x@y>", "RCPT TO:<z@y>"]),
                String::new()
            ))
        );
        // Typed text around the cursor joins the first and the last line.
        assert_eq!(
            pasted_lines("EH", "LO a\nNO", "OP"),
            Some((owned(&["EHLO a"]), "NOOP".to_string()))
        );
        // A bare CR ends a line too; an empty line is sent as one (it means something in
        // DATA).
        assert_eq!(
            pasted_lines("", "DATA\rSubject: x\n\nhi\n.\n", ""),
            Some((owned(&["DATA", "Subject: x", "", "hi", "."]), String::new()))
        );
    }
    use crate::smtp::profile::Profile;

    const NOW: &str = "Tue, 12 May 2026 10:00:00 +0000";

    fn session() -> LiveSession {
        LiveSession::connect(new_server(ServerConfig::new(Profile::default()), NOW))
    }

    #[test]
    fn a_session_starts_with_its_marker_and_greeting() {
        let live = session();
        let entries: Vec<&Entry> = live.log.items.iter().map(|i| &i.entry).collect();
        assert!(matches!(
            entries[0],
            Entry::Marker(Marker::Connected { .. })
        ));
        assert!(matches!(entries[1], Entry::Server(r) if r.code.digits()[0] == 2));
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn lines_go_to_the_server_and_the_transcript() {
        let mut live = session();
        let events = live.send("EHLO learner.example", NOW);
        assert!(matches!(&events[0], Event::Reply(r) if r.code.to_string() == "250"));
        let text = live.log.text();
        assert!(text.contains("C: EHLO learner.example\n"), "{text}");
        assert!(text.contains("S: 250"), "{text}");
        live.send("QUIT", NOW);
        assert!(live.server.is_closed());
        assert!(matches!(
            live.log.items.back().map(|i| &i.entry),
            Some(Entry::Marker(Marker::Closed))
        ));
        // Nothing more is sent once the server has closed.
        let before = live.log.items.len();
        assert!(live.send("NOOP", NOW).is_empty());
        assert_eq!(live.log.items.len(), before);
    }

    #[test]
    fn raw_bytes_keep_their_line_ends_visible() {
        let mut live = session();
        live.send_raw(b"HELO a\n", NOW);
        assert!(
            live.log.text().contains("C: HELO a␊"),
            "{}",
            live.log.text()
        );
    }

    #[test]
    fn long_lines_are_cut_in_the_transcript_only() {
        let mut live = session();
        let line = format!("NOOP {}", "é".repeat(MAX_LINE));
        live.send(&line, NOW);
        let Some(Entry::Client(kept)) = live
            .log
            .items
            .iter()
            .map(|i| &i.entry)
            .find(|e| matches!(e, Entry::Client(_)))
        else {
            panic!("no client line");
        };
        assert!(kept.text.len() <= MAX_LINE);
        assert_eq!(kept.text.len() + kept.hidden, line.len());
        assert!(line.starts_with(&kept.text));
    }

    #[test]
    fn the_transcript_stays_bounded_and_says_what_it_dropped() {
        let mut log = Transcript::default();
        for _ in 0..(MAX_ENTRIES * 3) {
            log.marker(Marker::SettingsChanged);
            assert!(log.items.len() <= MAX_ENTRIES, "{}", log.items.len());
        }
        let Some(Entry::Marker(Marker::Trimmed { dropped })) = log.items.front().map(|i| &i.entry)
        else {
            panic!("no trimmed marker first");
        };
        // Everything pushed is either kept or counted as dropped (the marker is not counted).
        assert_eq!(*dropped as usize + log.items.len() - 1, MAX_ENTRIES * 3);
        // Ids stay unique and increasing.
        let ids: Vec<u64> = log.items.iter().map(|i| i.id).collect();
        assert!(ids.windows(2).skip(1).all(|w| w[0] < w[1]));
        assert_eq!(
            log.items
                .iter()
                .filter(|i| matches!(i.entry, Entry::Marker(Marker::Trimmed { .. })))
                .count(),
            1
        );
    }

    #[test]
    fn history_skips_blanks_and_repeats_and_stays_bounded() {
        let mut history = History::default();
        history.remember("EHLO a");
        history.remember("EHLO a");
        history.remember("   ");
        history.remember("NOOP");
        assert_eq!(history.lines(), ["EHLO a", "NOOP"]);
        for n in 0..(MAX_HISTORY * 2) {
            history.remember(&format!("NOOP {n}"));
        }
        assert_eq!(history.lines().len(), MAX_HISTORY);
        assert_eq!(
            history.lines().last().map(String::as_str),
            Some(format!("NOOP {}", MAX_HISTORY * 2 - 1).as_str())
        );
    }

    #[test]
    fn session_lines_start_at_the_last_greeting_and_mark_auth() {
        let mut live = session();
        live.send("HELO old", NOW);
        live.reconnect(new_server(ServerConfig::new(Profile::default()), NOW));
        live.send("EHLO a", NOW);
        live.send("AUTH PLAIN AGFsaWNlAHNlY3JldA==", NOW);
        let lines = live.log.session_lines();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["EHLO a", "AUTH PLAIN AGFsaWNlAHNlY3JldA=="]);
        assert!(!lines[0].secret);
        assert!(lines[1].secret);
    }

    #[test]
    fn a_policy_change_is_said_only_when_something_changed() {
        let mut live = session();
        let same = live.server.config().policies.clone();
        assert!(!live.set_policies(same.clone(), Entry::Marker(Marker::SettingsChanged)));
        let mut other = same;
        other.vrfy_allowed = !other.vrfy_allowed;
        assert!(live.set_policies(other, Entry::Marker(Marker::SettingsChanged)));
        assert!(matches!(
            live.log.items.back().map(|i| &i.entry),
            Some(Entry::Marker(Marker::SettingsChanged))
        ));
    }

    #[test]
    fn a_replay_knows_where_the_policies_changed() {
        let mut live = session();
        let start = live.server.config().policies.clone();
        live.send("EHLO learner.example", NOW);
        let mut down = start.clone();
        down.sasl_daemon_down = true;
        // Flipped twice before the next line: one change, to where it ended up.
        let mut vrfy = down.clone();
        vrfy.vrfy_allowed = !vrfy.vrfy_allowed;
        live.set_policies(vrfy, Entry::Marker(Marker::SettingsChanged));
        live.set_policies(down.clone(), Entry::Marker(Marker::SettingsChanged));
        live.send("AUTH PLAIN AGFsaWNlAHNlY3JldA==", NOW);
        live.set_policies(start.clone(), Entry::Marker(Marker::SettingsChanged));
        let replay = live.replayable();
        assert_eq!(replay.policies, start);
        assert_eq!(replay.changes, vec![(1, down), (2, start.clone())]);
        assert_eq!(replay.lines.len(), 2);
        // A new connection starts over, with the policies in force.
        live.reconnect(new_server(live.server.config().clone(), NOW));
        let replay = live.replayable();
        assert_eq!((replay.policies, replay.changes.len()), (start, 0));
    }

    #[test]
    fn lines_the_transcript_dropped_fold_their_changes_into_the_start() {
        let mut live = session();
        let start = live.server.config().policies.clone();
        let mut strict = start.clone();
        strict.require_auth = true;
        live.send("NOOP", NOW);
        live.set_policies(strict.clone(), Entry::Marker(Marker::SettingsChanged));
        for _ in 0..MAX_ENTRIES {
            live.send("NOOP", NOW);
        }
        let mut open = strict.clone();
        open.require_auth = false;
        live.set_policies(open.clone(), Entry::Marker(Marker::SettingsChanged));
        live.send("NOOP", NOW);
        let replay = live.replayable();
        let kept = replay.lines.len();
        assert!(kept < MAX_ENTRIES + 2, "the transcript dropped lines");
        assert_eq!(replay.policies, strict);
        assert_eq!(replay.changes, vec![(kept - 1, open)]);
    }

    #[test]
    fn a_shared_session_is_changed_in_place_and_compares_by_revision() {
        let mut live = Shared::new(session());
        let before = live.clone();
        assert_eq!(before, live);
        let events = live.update(|live| live.send("EHLO learner.example", NOW));
        assert!(!events.is_empty());
        // The previous state's handle sees the same session (nothing was copied) ...
        assert!(before.read().log.text().contains("C: EHLO learner.example"));
        assert_eq!(before.read().log.newest(), live.read().log.newest());
        // ... but is not equal to the next one, so whatever showed it renders again.
        assert_ne!(before, live);
        assert_eq!(live.revision(), before.revision() + 1);
        assert_eq!(live.clone(), live);
        // Another session at the same revision is another session.
        assert_ne!(Shared::new(session()), before);
    }

    #[test]
    fn the_server_is_not_copied_by_a_send() {
        let mut live = Shared::new(session());
        let held = live.clone();
        let server: *const Server = {
            let guard = held.read();
            &guard.server
        };
        live.update(|live| {
            live.send("EHLO a", NOW);
            live.send("MAIL FROM:<a@example.com>", NOW);
        });
        assert!(std::ptr::eq(server, &live.read().server));
        assert_eq!(held.read().server.mode(), live.read().server.mode());
    }
}
