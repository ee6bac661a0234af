//! A live session with one of the engine's servers and its transcript, shared by the
//! scenarios and the lessons. It only calls engine methods ([`Server::receive`],
//! [`Server::set_policies`]); the browser's clock comes in as an argument.
//!
//! The transcript reuses the console's entries (`C:` lines, replies, markers), so the
//! console's components show them; a note of our own (e.g. "earlier steps replayed") is the
//! only addition. Memory is bounded: at most [`MAX_LOG`] entries, the oldest dropped first.

use std::rc::Rc;

use crate::i18n::Tr;
use crate::lessons::scenarios::visible_line_ends;
use crate::smtp::reply::Reply;
use crate::smtp::server::{Event, Mode, Policies, Server, ServerConfig};
use crate::ui::console::state::{ClientLine, Entry, Marker, CLIENT_IP, CLIENT_NAME, MAX_LINE};

/// The most transcript entries kept.
pub const MAX_LOG: usize = 1500;
/// How many of the oldest entries go at once when the log is full.
const DROP_BATCH: usize = 100;
/// The most history lines kept.
const MAX_HISTORY: usize = 100;

/// One transcript entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogEntry {
    /// A console entry: a `C:` line, a reply, a marker.
    Console(Entry),
    /// A note of the page's own.
    Note(Tr),
}

/// An entry with a stable id (the key of its row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogItem {
    /// Unique within the log's life.
    pub id: u64,
    /// The entry.
    pub entry: LogEntry,
}

/// A transcript.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Log {
    /// Oldest first.
    pub items: Rc<Vec<Rc<LogItem>>>,
    next_id: u64,
    dropped: u64,
}

impl Log {
    /// Adds an entry, dropping the oldest ones beyond [`MAX_LOG`] (a marker says how many).
    pub fn push(&mut self, entry: LogEntry) {
        let id = self.next_id;
        self.next_id += 1;
        let items = Rc::make_mut(&mut self.items);
        items.push(Rc::new(LogItem { id, entry }));
        if items.len() > MAX_LOG {
            let trimmed = matches!(
                items.first().map(|i| &i.entry),
                Some(LogEntry::Console(Entry::Marker(Marker::Trimmed { .. })))
            );
            if trimmed {
                items.remove(0);
            }
            // Drop a batch at once, so a long session does not shift the list at every line.
            let excess = items.len().saturating_sub(MAX_LOG - DROP_BATCH);
            items.drain(..excess);
            self.dropped += excess as u64;
            let id = self.next_id;
            self.next_id += 1;
            let marker = Marker::Trimmed {
                dropped: self.dropped,
            };
            items.insert(
                0,
                Rc::new(LogItem {
                    id,
                    entry: LogEntry::Console(Entry::Marker(marker)),
                }),
            );
        }
    }

    /// A `C:` line: at most [`MAX_LINE`] bytes are kept (the server got all of them).
    pub fn client(&mut self, line: &str, auth_response: bool) {
        let mut end = line.len().min(MAX_LINE);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        self.push(LogEntry::Console(Entry::Client(Rc::new(ClientLine {
            text: line[..end].to_string(),
            hidden: line.len() - end,
            auth_response,
        }))));
    }

    /// A reply.
    pub fn reply(&mut self, reply: Reply) {
        self.push(LogEntry::Console(Entry::Server(Rc::new(reply))));
    }

    /// A marker.
    pub fn marker(&mut self, marker: Marker) {
        self.push(LogEntry::Console(Entry::Marker(marker)));
    }

    /// A note of the page's own.
    pub fn note(&mut self, note: Tr) {
        self.push(LogEntry::Note(note));
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
}

/// A server session the learner types into, with its transcript and command history.
#[derive(Clone, Debug)]
pub struct LiveSession {
    /// The simulated server.
    pub server: Rc<Server>,
    /// The transcript.
    pub log: Log,
    /// Lines typed into the single-line input, oldest first.
    pub history: Rc<Vec<String>>,
}

/// A server for the simulated client (`learner.example [192.0.2.10]`) at time `now`.
pub fn new_server(config: ServerConfig, now: &str) -> Server {
    Server::new(config, CLIENT_IP, now).with_client_name(CLIENT_NAME)
}

impl LiveSession {
    /// A session with `server`, greeted.
    pub fn connect(server: Server) -> LiveSession {
        let mut log = Log::default();
        log.connected(&server);
        LiveSession {
            server: Rc::new(server),
            log,
            history: Rc::new(Vec::new()),
        }
    }

    /// What the server expects next.
    pub fn mode(&self) -> Mode {
        self.server.view().mode
    }

    /// Sends one line (with CRLF) at time `now`; returns the server's events, which are
    /// also in the transcript. Nothing is sent once the server has closed the connection.
    pub fn send(&mut self, line: &str, now: &str) -> Vec<Event> {
        if self.server.is_closed() {
            return Vec::new();
        }
        self.log.client(line, self.mode() == Mode::AuthResponse);
        let mut bytes = line.as_bytes().to_vec();
        bytes.extend_from_slice(b"\r\n");
        let server = Rc::make_mut(&mut self.server);
        server.set_now(now);
        let events = server.receive(&bytes);
        self.log.events(server, &events);
        events
    }

    /// Closes this connection and opens one to `server`: the transcript goes on, with the
    /// new connection's marker and greeting.
    pub fn reconnect(&mut self, server: Server) {
        self.log.connected(&server);
        self.server = Rc::new(server);
    }

    /// Sends `bytes` exactly as given (raw mode: no CRLF added, a bare LF stays bare) at
    /// time `now`; the transcript shows them with their line ends as ␍␊ and ␊.
    pub fn send_raw(&mut self, bytes: &[u8], now: &str) -> Vec<Event> {
        if self.server.is_closed() || bytes.is_empty() {
            return Vec::new();
        }
        self.log.client(&visible_line_ends(bytes), false);
        let server = Rc::make_mut(&mut self.server);
        server.set_now(now);
        let events = server.receive(bytes);
        self.log.events(server, &events);
        events
    }

    /// Adds a line to the history (not blank lines, not a repeat of the last one).
    pub fn remember(&mut self, line: &str) {
        if line.trim().is_empty() || self.history.last().is_some_and(|last| last == line) {
            return;
        }
        let history = Rc::make_mut(&mut self.history);
        history.push(line.to_string());
        if history.len() > MAX_HISTORY {
            history.remove(0);
        }
    }

    /// Applies new policies to the running session, with a note saying what changed.
    pub fn set_policies(&mut self, policies: Policies, note: Tr) {
        if self.server.config().policies != policies {
            Rc::make_mut(&mut self.server).set_policies(policies);
            self.log.note(note);
        }
    }
}
