//! One connection, from greeting to close, as a task on the runtime: it moves bytes between
//! the socket and the engine's session, keeps the deadlines of [`super::limits`], and writes
//! the transcript. The engine decides every reply.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{timeout, timeout_at, Instant};

use super::limits::{Connections, Limits, Refusal};
use super::transcript::Transcript;
use super::{ClientLines, READ_BUFFER};
use crate::smtp::profile::Extension;
use crate::smtp::server::{Event, Fault, FaultMode, Server, ServerConfig};

/// How long the last reply may take to leave when the server closes.
const CLOSE_WRITE: Duration = Duration::from_secs(1);

/// What one connection needs from the server around it.
#[derive(Clone)]
pub(super) struct Shared {
    /// The engine's configuration every session starts from.
    pub config: Arc<ServerConfig>,
    /// The limits.
    pub limits: Limits,
    /// The connections open now.
    pub connections: Connections,
    /// Where the transcript goes.
    pub log: Transcript,
    /// Mixed into every session's nonce seed, so queue ids and nonces differ across
    /// connections and across runs of the process.
    pub process_seed: u64,
}

/// Which deadline ended a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Deadline {
    Idle(Duration),
    Command(Duration),
    Session(Duration),
}

impl Deadline {
    fn describe(self) -> String {
        match self {
            Deadline::Idle(d) => format!("no command for {} s (idle timeout)", d.as_secs()),
            Deadline::Command(d) => format!(
                "a line begun {} s ago was still not finished (per-command deadline: the timer does not restart on each byte)",
                d.as_secs()
            ),
            Deadline::Session(d) => {
                format!("the session reached its limit of {} s", d.as_secs())
            }
        }
    }
}

/// A mixing function (SplitMix64's finaliser): nearby inputs give unrelated outputs, so
/// connection 7 and 8 get queue ids that differ in every digit, not in one.
pub(super) fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A connection refused at the door: the profile's "too many connections" reply, closed.
pub(super) async fn refuse(
    mut stream: TcpStream,
    peer: SocketAddr,
    number: u64,
    shared: Shared,
    refusal: Refusal,
) {
    let log = &shared.log;
    log.note(number, &format!("connected from {peer}"));
    let server = Server::new(
        (*shared.config).clone(),
        &peer.ip().to_canonical().to_string(),
        &super::super::clock::rfc5322_now(),
    );
    let reply = server.busy();
    let _ = timeout(CLOSE_WRITE, stream.write_all(reply.to_string().as_bytes())).await;
    log.lines(number, "S: ", reply.wire_lines());
    let _ = timeout(CLOSE_WRITE, stream.shutdown()).await;
    log.note(number, &refusal.describe(peer.ip().to_canonical()));
    log.note(number, "closed");
}

/// One admitted connection, from greeting to close.
pub(super) async fn serve(mut stream: TcpStream, peer: SocketAddr, number: u64, shared: Shared) {
    let log = &shared.log;
    let limits = shared.limits;
    let ip = peer.ip().to_canonical();
    let mut config = (*shared.config).clone();
    if let Some(Fault {
        mode: FaultMode::Share { seed, .. },
        ..
    }) = &mut config.policies.fault
    {
        // Each connection its own draws, reproducible from the seed.
        *seed = seed.wrapping_add(number - 1);
    }
    // CRAM-MD5/DIGEST-MD5 nonces and queue ids: different for every connection and run.
    config.nonce_seed = mix(shared.process_seed ^ mix(number));
    let profile = config.profile;
    let mut server = Server::new(config, &ip.to_string(), &super::super::clock::rfc5322_now());
    if ip.is_loopback() {
        server = server.with_client_name("localhost");
    }
    let _ = stream.set_nodelay(true);
    log.note(number, &format!("connected from {peer}"));

    let greeting = server.greeting();
    log.lines(number, "S: ", greeting.wire_lines());
    if let Err(why) = send(&mut stream, greeting.to_string().as_bytes(), limits.idle).await {
        log.note(number, &format!("sending the greeting failed: {why}"));
        log.note(number, "closed");
        return;
    }

    let started = Instant::now();
    let mut line_started: Option<Instant> = None;
    let mut client = ClientLines::new(profile.offers(Extension::Chunking));
    let mut buf = vec![0u8; READ_BUFFER];
    let ending = loop {
        let now = Instant::now();
        let idle = limits.idle_now(shared.connections.open());
        let mut deadline = (now + idle, Deadline::Idle(idle));
        if let Some(begun) = line_started {
            let end = begun + limits.command;
            if end < deadline.0 {
                deadline = (end, Deadline::Command(limits.command));
            }
        }
        let end = started + limits.session;
        if end < deadline.0 {
            deadline = (end, Deadline::Session(limits.session));
        }
        let n = match timeout_at(deadline.0, stream.read(&mut buf)).await {
            Err(_) => {
                let reply = server.timeout();
                log.lines(number, "S: ", reply.wire_lines());
                let _ = send(&mut stream, reply.to_string().as_bytes(), CLOSE_WRITE).await;
                break deadline.1.describe();
            }
            Ok(Ok(0)) => break "the client closed the connection".to_string(),
            Ok(Ok(n)) => n,
            Ok(Err(err)) => break format!("reading failed: {err}"),
        };
        let input = buf.get(..n).unwrap_or_default();
        server.set_now(&super::super::clock::rfc5322_now());
        let mode = server.view().mode;
        let events = server.receive(input);
        let lines_before = client.lines_seen();
        log.lines(number, "", client.read(input, mode, &events));
        // The per-command deadline runs from the first byte of a line to its end.
        if !client.line_open() {
            line_started = None;
        } else if line_started.is_none() || client.lines_seen() != lines_before {
            line_started = Some(now);
        }

        let mut wire = String::new();
        let mut closed = false;
        for event in &events {
            match event {
                Event::Reply(reply) => {
                    log.lines(number, "S: ", reply.wire_lines());
                    wire.push_str(&reply.to_string());
                }
                Event::Stored(index) => {
                    if let Some(message) = server.mailbox().get(*index) {
                        let from = if message.from.is_empty() {
                            "<>"
                        } else {
                            &message.from
                        };
                        log.note(
                            number,
                            &format!(
                                "message stored: id={}, from={from}, to={} ({} bytes)",
                                message.id,
                                message.recipients.join(","),
                                message.data.len()
                            ),
                        );
                    }
                }
                Event::TlsStarted => log.note(number, "simulated TLS started"),
                Event::Closed => closed = true,
            }
        }
        // Logged: nothing else needs the messages, so the session does not keep them.
        server.take_mailbox();
        // All replies to one read in one write: a pipelined group is answered as a group.
        if !wire.is_empty() {
            if let Err(why) = send(&mut stream, wire.as_bytes(), limits.idle).await {
                break format!("sending failed: {why}");
            }
        }
        if closed || server.is_closed() {
            break "closed by the server".to_string();
        }
    };
    log.lines(number, "", client.finish());
    log.note(number, &ending);
    linger(&mut stream).await;
    log.note(number, "closed");
}

/// Writes `bytes` within `limit`: a client that never reads cannot hold the session.
async fn send(stream: &mut TcpStream, bytes: &[u8], limit: Duration) -> Result<(), String> {
    match timeout(limit, stream.write_all(bytes)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => Err(format!("the client read nothing for {} s", limit.as_secs())),
    }
}

/// Closes gracefully: unread input at close would make the kernel reset the connection,
/// and a reset can destroy the last reply before the client reads it.
async fn linger(stream: &mut TcpStream) {
    let _ = timeout(CLOSE_WRITE, stream.shutdown()).await;
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut sink = [0u8; 4096];
    while let Ok(Ok(n)) = timeout_at(deadline, stream.read(&mut sink)).await {
        if n == 0 {
            break;
        }
    }
}
