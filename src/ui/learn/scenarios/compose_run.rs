//! Sending a composed message to a scenario's server with the engine's in-memory client
//! ([`run_in_memory_observed`]): every server event goes into the scenario's [`Journal`]
//! (its check reads it) and, with the client's lines, into a transcript whose replies the
//! console's components explain.

use crate::lessons::scenarios::Journal;
use crate::live::Transcript;
use crate::mime::Composed;
use crate::smtp::client::{run_in_memory_observed, ClientSettings, Outcome, Wire};
use crate::smtp::server::{Mode, Server};

/// What one send did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    /// The client's outcome: delivered or not, why, and the DokuWiki-style log.
    pub outcome: Outcome,
    /// Both sides of the dialog, as the console shows them.
    pub log: Transcript,
}

/// The lines of what the client wrote (CRLF-separated; a last line without CRLF counts).
fn written_lines(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_suffix("\r\n").unwrap_or(&text);
    text.split("\r\n").map(str::to_string).collect()
}

/// Sends `message` with `settings` to `server` (a fresh connection: the greeting first),
/// recording every server event into `journal`.
pub fn deliver(
    settings: ClientSettings,
    message: &Composed,
    server: &mut Server,
    journal: &mut Journal,
) -> Delivery {
    let mut log = Transcript::default();
    log.connected(server);
    let mut greeting = true;
    let outcome = run_in_memory_observed(settings, message, server, |server, wire| match wire {
        // `connected` has shown the greeting already.
        Wire::Event(_) if std::mem::take(&mut greeting) => {}
        Wire::Sent { bytes, mode } => {
            journal.client(bytes);
            for line in written_lines(bytes) {
                log.client(&line, mode == Mode::AuthResponse);
            }
        }
        Wire::Event(event) => {
            let events = std::slice::from_ref(event);
            journal.record(server, events);
            log.events(server, events);
        }
    });
    Delivery { outcome, log }
}
