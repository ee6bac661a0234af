//! One connection, from greeting to close, as a task on the runtime: it moves bytes between
//! the socket and the engine's session, keeps the deadlines of [`super::limits`], and writes
//! the transcript. The engine decides every reply.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::{timeout, timeout_at, Instant};
use tokio_rustls::server::TlsStream;

use super::limits::{Budget, Connections, Limits, Refusal, MAX_ERROR_DELAY};
use super::tls::{negotiated, Tls};
use super::transcript::{Lines, Transcript};
use super::{ClientLines, READ_BUFFER};
use crate::smtp::profile::{DataEnd, Extension};
use crate::smtp::server::{Event, Fault, FaultMode, Mode, Server, ServerConfig};

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
    /// The memory all sessions' message text may take.
    pub budget: Budget,
    /// Where the transcript goes.
    pub log: Transcript,
    /// Mixed into every session's nonce seed, so queue ids and nonces differ across
    /// connections and across runs of the process.
    pub process_seed: u64,
    /// Real TLS, unless `--no-tls`.
    pub tls: Option<Tls>,
}

/// The connection: in clear, or inside TLS after STARTTLS or from the start.
enum Conn {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
    Gone,
}

impl Conn {
    async fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Conn::Plain(s) => s.read(buf).await,
            Conn::Tls(s) => s.read(buf).await,
            Conn::Gone => Ok(0),
        }
    }

    async fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Conn::Plain(s) => s.write_all(bytes).await,
            Conn::Tls(s) => {
                s.write_all(bytes).await?;
                s.flush().await
            }
            Conn::Gone => Err(io::ErrorKind::NotConnected.into()),
        }
    }

    async fn shutdown(&mut self) -> io::Result<()> {
        match self {
            Conn::Plain(s) => s.shutdown().await,
            Conn::Tls(s) => s.shutdown().await,
            Conn::Gone => Ok(()),
        }
    }

    /// Runs the TLS handshake on the clear connection (bounded by `limit`).
    async fn start_tls(&mut self, tls: &Tls, limit: Duration) -> Result<String, String> {
        let Conn::Plain(tcp) = std::mem::replace(self, Conn::Gone) else {
            return Err("TLS is already active".to_string());
        };
        match timeout(limit, tls.acceptor.accept(tcp)).await {
            Err(_) => Err(format!("no TLS handshake within {} s", limit.as_secs())),
            Ok(Err(err)) => Err(format!("the TLS handshake failed: {err}")),
            Ok(Ok(stream)) => {
                let said = negotiated(stream.get_ref().1);
                *self = Conn::Tls(Box::new(stream));
                Ok(said)
            }
        }
    }
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

/// One admitted connection, from greeting to close; `implicit` when it came to the
/// `--tls-listen` port (RFC 8314: TLS from the first byte).
pub(super) async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    number: u64,
    shared: Shared,
    implicit: bool,
) {
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
    config.starttls = shared.tls.is_some() && !implicit;
    config.implicit_tls = implicit;
    let profile = config.profile;
    let mut server = Server::new(config, &ip.to_string(), &super::super::clock::rfc5322_now());
    if ip.is_loopback() {
        server = server.with_client_name("localhost");
    }
    let _ = stream.set_nodelay(true);
    // The lines of each step, queued together before the session next waits.
    let mut lines = Lines::new(number);
    lines.note(&format!("connected from {peer}"));
    let mut stream = Conn::Plain(stream);
    if implicit {
        log.flush(&mut lines);
        let Some(tls) = &shared.tls else {
            return;
        };
        match stream.start_tls(tls, limits.idle).await {
            Ok(said) => log.note(number, &said),
            Err(why) => {
                log.note(number, &why);
                log.note(number, "closed");
                return;
            }
        }
    }

    let greeting = server.greeting();
    let mut wire = String::new();
    let mut greeting_lines = greeting.wire_lines();
    push_wire(&mut wire, &greeting_lines);
    lines.prefixed("S: ", greeting_lines.drain(..));
    log.flush(&mut lines);
    if let Err(why) = send(&mut stream, wire.as_bytes(), limits.idle).await {
        log.note(number, &format!("sending the greeting failed: {why}"));
        log.note(number, "closed");
        return;
    }
    // The clock as the engine last got it: a new date only when the second changes.
    let mut clock_secs = super::super::clock::now_secs();

    let started = Instant::now();
    let mut line_started: Option<Instant> = None;
    let mut client = ClientLines::new(profile.offers(Extension::Chunking));
    let mut buf = vec![0u8; READ_BUFFER];
    // Memory taken from the budget for this session's message text.
    let mut held = Held {
        budget: shared.budget.clone(),
        octets: 0,
    };
    let mut out_of_room = false;
    let error_sleep = limits.error_sleep.unwrap_or_else(|| {
        Duration::from_secs(
            profile
                .error_limits()
                .map_or(0, |l| u64::from(l.sleep_seconds)),
        )
    });
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
                let reply_lines = reply.wire_lines();
                wire.clear();
                push_wire(&mut wire, &reply_lines);
                lines.prefixed("S: ", reply_lines);
                log.flush(&mut lines);
                let _ = send(&mut stream, wire.as_bytes(), CLOSE_WRITE).await;
                break deadline.1.describe();
            }
            Ok(Ok(0)) => break "the client closed the connection".to_string(),
            Ok(Ok(n)) => n,
            Ok(Err(err)) => break format!("reading failed: {err}"),
        };
        let input = buf.get(..n).unwrap_or_default();
        let secs = super::super::clock::now_secs();
        if secs != clock_secs {
            clock_secs = secs;
            server.set_now(&super::super::clock::rfc5322(secs));
        }
        let mode = server.mode();
        let events = server.receive(input);
        // The message text's memory comes from the process's budget; none left, and the
        // engine keeps no more of this message (it gets 452 at its end).
        let memory = server.message_memory();
        if memory > held.octets {
            if held.budget.take(memory - held.octets) {
                held.octets = memory;
            } else {
                server.set_storage_full(true);
                out_of_room = true;
                lines.note(&format!(
                        "the message text of all sessions would exceed --memory-budget ({} MiB): this message is read to its end but not kept, and gets 452",
                    held.budget.limit() / (1024 * 1024)
                ));
                held.release(server.message_memory());
            }
        } else if memory < held.octets {
            held.release(memory);
        }
        if out_of_room && !matches!(server.mode(), Mode::Data | Mode::Chunk) {
            // The refused message has ended: the next one may find room.
            server.set_storage_full(false);
            out_of_room = false;
        }
        let attempts = server.take_smuggling_attempts();
        if attempts > 0 {
            lines.note(&format!(
                    "SMTP smuggling attempt: a lone dot next to a bare LF or CR in the message text ({attempts}×); {} {}",
                    profile.name(),
                    match profile.data_end() {
                        DataEnd::AnyLineEnd => "ends the message at <LF>.<LF> as its real server does by default, so what follows runs as commands (Postfix: smtpd_forbid_bare_newline; here --reject-bare-lf)",
                        DataEnd::CrlfOnly => "ends the message only at <CR><LF>.<CR><LF>, so it stays message text",
                        DataEnd::RefuseBare => "refuses a bare LF or CR in message text and hangs up, as its real server does",
                    }
            ));
        }
        let delayed = server.take_delayed_replies();
        // What followed STARTTLS in the same read was never run: log only what was.
        let discarded = server.take_discarded_after_tls();
        let used = input.get(..n - discarded.min(n)).unwrap_or_default();
        let lines_before = client.lines_seen();
        lines.extend(client.read(used, mode, &events));
        if discarded > 0 {
            lines.note(&format!(
                "{discarded} octets sent after STARTTLS in the same packet were discarded unread: STARTTLS must end a pipelined group (RFC 3207 §4), and plaintext injected there must not run inside TLS (CVE-2011-0411)"
            ));
        }
        // The per-command deadline runs from the first byte of a line to its end.
        if !client.line_open() {
            line_started = None;
        } else if line_started.is_none() || client.lines_seen() != lines_before {
            line_started = Some(now);
        }

        wire.clear();
        let mut closed = false;
        let mut start_tls = false;
        for event in &events {
            match event {
                Event::Reply(reply) => {
                    let reply_lines = reply.wire_lines();
                    push_wire(&mut wire, &reply_lines);
                    lines.prefixed("S: ", reply_lines);
                }
                Event::Stored(index) => {
                    if let Some(message) = server.mailbox().get(*index) {
                        let from = if message.from.is_empty() {
                            "<>"
                        } else {
                            &message.from
                        };
                        lines.note(&format!(
                            "message stored: id={}, from={from}, to={} ({} bytes)",
                            message.id,
                            message.recipients.join(","),
                            message.data.len()
                        ));
                    }
                }
                Event::TlsStarted => start_tls = true,
                Event::Closed => closed = true,
            }
        }
        // Logged: nothing else needs the messages, so the session does not keep them.
        server.take_mailbox();
        // Past the soft error limit the real server sleeps before each reply.
        if delayed > 0 && !error_sleep.is_zero() {
            let wait = error_sleep.saturating_mul(delayed).min(MAX_ERROR_DELAY);
            lines.note(&format!(
                "{} errors so far: the replies wait {} s (the profile's soft error limit)",
                server.errors(),
                wait.as_secs()
            ));
            log.flush(&mut lines);
            tokio::time::sleep(wait).await;
        }
        log.flush(&mut lines);
        // All replies to one read in one write: a pipelined group is answered as a group.
        if !wire.is_empty() {
            if let Err(why) = send(&mut stream, wire.as_bytes(), limits.idle).await {
                break format!("sending failed: {why}");
            }
        }
        if closed || server.is_closed() {
            break "closed by the server".to_string();
        }
        if start_tls {
            let Some(tls) = &shared.tls else {
                break "STARTTLS accepted without TLS configured".to_string();
            };
            match stream.start_tls(tls, limits.idle).await {
                Ok(said) => log.note(number, &said),
                Err(why) => break why,
            }
            // A new line begins inside TLS.
            line_started = None;
            client = ClientLines::new(profile.offers(Extension::Chunking));
        }
    };
    lines.extend(client.finish());
    lines.note(&ending);
    log.flush(&mut lines);
    linger(&mut stream).await;
    log.note(number, "closed");
}

/// The session's share of the memory budget, given back when the session ends.
struct Held {
    budget: Budget,
    octets: usize,
}

impl Held {
    /// Keeps `now` octets, giving back the rest.
    fn release(&mut self, now: usize) {
        if now < self.octets {
            self.budget.give(self.octets - now);
            self.octets = now;
        }
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.budget.give(self.octets);
    }
}

/// Appends a reply's lines as they go on the wire (what the reply's `Display` writes).
fn push_wire(wire: &mut String, lines: &[String]) {
    for line in lines {
        wire.push_str(line);
        wire.push_str("\r\n");
    }
}

/// Writes `bytes` within `limit`: a client that never reads cannot hold the session.
async fn send(stream: &mut Conn, bytes: &[u8], limit: Duration) -> Result<(), String> {
    match timeout(limit, stream.write_all(bytes)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(err.to_string()),
        Err(_) => Err(format!("the client read nothing for {} s", limit.as_secs())),
    }
}

/// Closes gracefully: unread input at close would make the kernel reset the connection,
/// and a reset can destroy the last reply before the client reads it.
async fn linger(stream: &mut Conn) {
    let _ = timeout(CLOSE_WRITE, stream.shutdown()).await;
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut sink = [0u8; 4096];
    while let Ok(Ok(n)) = timeout_at(deadline, stream.read(&mut sink)).await {
        if n == 0 {
            break;
        }
    }
}
