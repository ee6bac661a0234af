//! The client driven against our own [`Server`] in memory, for the pages and the tests.

use std::collections::VecDeque;

use super::{Action, Client, ClientSettings, Outcome};
use crate::mime::Composed;
use crate::smtp::server::{Event, Server};

/// The most round trips [`run_in_memory`] makes (a session needs a few dozen).
const MAX_ROUNDS: usize = 1000;

/// Runs a client session for `message` against our simulated `server`, entirely in memory:
/// the server's greeting, every client write through [`Server::receive`], the replies back,
/// STARTTLS "handshakes" done on both sides. The server keeps what it stored.
pub fn run_in_memory(settings: ClientSettings, message: &Composed, server: &mut Server) -> Outcome {
    run_in_memory_observed(settings, message, server, |_, _| {})
}

/// What [`run_in_memory_observed`] reports, in wire order.
#[derive(Debug)]
pub enum Wire<'a> {
    /// The client wrote these bytes; `mode` is what the server expected before them.
    Sent {
        /// The bytes, CRLF included.
        bytes: &'a [u8],
        /// The server's mode before it read them (e.g. an AUTH response).
        mode: crate::smtp::server::Mode,
    },
    /// The server did this (the greeting comes first, as an [`Event::Reply`]).
    Event(&'a Event),
}

/// [`run_in_memory`], reporting every write of the client and every event of the server
/// to `observe` as it happens, so a page can keep each reply with its reason and a
/// scenario can record its journal.
pub fn run_in_memory_observed(
    settings: ClientSettings,
    message: &Composed,
    server: &mut Server,
    mut observe: impl FnMut(&Server, Wire<'_>),
) -> Outcome {
    let mut client = Client::new(settings, message.envelope.clone(), message.bytes.clone());
    let greeting = server.greeting();
    let mut inbox = greeting.to_string().into_bytes();
    observe(server, Wire::Event(&Event::Reply(greeting)));
    let mut server_closed = false;
    for _ in 0..MAX_ROUNDS {
        if client.is_done() {
            break;
        }
        if inbox.is_empty() {
            // Nothing more will come.
            client.connection_closed();
            break;
        }
        let mut queue: VecDeque<Action> = client.receive(&inbox).into();
        inbox.clear();
        while let Some(action) = queue.pop_front() {
            match action {
                Action::Send(bytes) => {
                    if server_closed {
                        continue;
                    }
                    let mode = server.view().mode;
                    observe(
                        server,
                        Wire::Sent {
                            bytes: &bytes,
                            mode,
                        },
                    );
                    for event in server.receive(&bytes) {
                        observe(server, Wire::Event(&event));
                        match event {
                            Event::Reply(reply) => {
                                inbox.extend_from_slice(reply.to_string().as_bytes())
                            }
                            Event::Closed => server_closed = true,
                            Event::TlsStarted | Event::Stored(_) => {}
                        }
                    }
                }
                Action::StartTls => queue.extend(client.tls_established()),
                Action::Close => {}
            }
        }
    }
    client.into_outcome()
}
