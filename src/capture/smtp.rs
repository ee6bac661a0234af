//! A reassembled connection read as SMTP: who is the client, the lines of each side merged
//! in capture order, the STARTTLS boundary, and the time each reply took.
//!
//! The client is the side that did not send the greeting (a reply line `220 …` first); when
//! the capture starts after the greeting, the side whose first line is an SMTP command.
//! Ports are not consulted: SMTP on 2525 or 587 is found the same way, and an FTP server's
//! `220` is not taken for SMTP because its client does not answer with EHLO or HELO.

use std::collections::VecDeque;

use super::tcp::{Connection, Direction, PieceKind};
use super::{Entry, Reply, Stream, StreamKind, StreamNote};

/// At most this many octets of one line are kept (RFC 5321 §4.5.3.1.6: 1000 with CRLF).
const MAX_LINE: usize = 4096;

/// One item of one direction, in stream order.
enum Item {
    Line {
        packet: usize,
        time_us: u64,
        text: Vec<u8>,
        /// The octets it took in the stream, its line end and any octets over
        /// [`MAX_LINE`] included.
        octets: u64,
    },
    Gap {
        packet: usize,
        octets: u64,
        cause: super::GapCause,
    },
}

impl Item {
    fn packet(&self) -> usize {
        match self {
            Item::Line { packet, .. } | Item::Gap { packet, .. } => *packet,
        }
    }
}

fn items(dir: &Direction) -> Vec<Item> {
    let mut out = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    let mut start: Option<(usize, u64)> = None;
    let mut line_octets = 0u64;
    // A line is complete only when every octet before it has arrived: its place in the
    // capture is the latest packet so far in stream order (segments may come out of order).
    let mut latest = 0;
    for piece in &dir.pieces {
        latest = latest.max(piece.packet);
        match &piece.kind {
            PieceKind::Data(data) => {
                for &byte in data {
                    let (packet, time_us) = *start.get_or_insert((latest, piece.time_us));
                    line_octets += 1;
                    if byte == b'\n' {
                        if line.last() == Some(&b'\r') {
                            line.pop();
                        }
                        out.push(Item::Line {
                            packet,
                            time_us,
                            text: std::mem::take(&mut line),
                            octets: std::mem::take(&mut line_octets),
                        });
                        start = None;
                    } else if line.len() < MAX_LINE {
                        line.push(byte);
                    }
                }
            }
            PieceKind::Gap { octets, cause, .. } => {
                if let Some((packet, time_us)) = start.take() {
                    out.push(Item::Line {
                        packet,
                        time_us,
                        text: std::mem::take(&mut line),
                        octets: std::mem::take(&mut line_octets),
                    });
                }
                out.push(Item::Gap {
                    packet: latest,
                    octets: *octets,
                    cause: *cause,
                });
            }
        }
    }
    if let Some((packet, time_us)) = start {
        out.push(Item::Line {
            packet,
            time_us,
            text: line,
            octets: line_octets,
        });
    }
    out
}

/// The reply code of a reply line (`250 …`, `250-…`, `250`), and whether more lines follow.
fn reply_code(line: &[u8]) -> Option<(u16, bool)> {
    let digits = line.get(..3)?;
    if !digits.iter().all(u8::is_ascii_digit) || !(b'2'..=b'5').contains(digits.first()?) {
        return None;
    }
    let more = match line.get(3) {
        None | Some(b' ') => false,
        Some(b'-') => true,
        Some(_) => return None,
    };
    let code = digits
        .iter()
        .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
    Some((code, more))
}

/// The verb of a client line, upper-cased.
fn verb(line: &[u8]) -> String {
    let end = line
        .iter()
        .position(|b| *b == b' ' || *b == b':')
        .unwrap_or(line.len())
        .min(16);
    String::from_utf8_lossy(line.get(..end).unwrap_or_default()).to_ascii_uppercase()
}

/// Commands an SMTP client may open with (after the greeting).
const OPENING_VERBS: [&str; 9] = [
    "EHLO", "HELO", "LHLO", "QUIT", "NOOP", "RSET", "HELP", "MAIL", "STARTTLS",
];

/// Commands a capture that starts mid-session may see first, besides [`OPENING_VERBS`]:
/// those of a transaction and of a SASL exchange. Not for telling a greeting's client: an
/// FTP client may answer its server's 220 with `AUTH TLS`.
const MIDWAY_VERBS: [&str; 7] = ["RCPT", "DATA", "BDAT", "VRFY", "EXPN", "ETRN", "AUTH"];

/// FTP's `AUTH TLS` (RFC 4217 §4), which is no SASL mechanism.
fn ftp_auth(line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line).to_ascii_uppercase();
    let mechanism = text.split_whitespace().nth(1).unwrap_or_default();
    ["TLS", "SSL", "TLS-C", "TLS-P"].contains(&mechanism)
}

/// At most this many lines of one message (after DATA's 354, or in BDAT chunks) are in the
/// transcript: its header and the start of its body. The rest are counted
/// ([`Entry::Folded`]): an attachment's base64 tells nothing about the session, and a
/// message of megabytes would otherwise be most of what the analyzer reads.
const MAX_MESSAGE_LINES: usize = 100;

fn first_line(items: &[Item]) -> Option<&[u8]> {
    items.iter().find_map(|i| match i {
        Item::Line { text, .. } => Some(text.as_slice()),
        Item::Gap { .. } => None,
    })
}

fn first_bytes(dir: &Direction) -> &[u8] {
    dir.pieces
        .iter()
        .find_map(|p| match &p.kind {
            PieceKind::Data(d) if !d.is_empty() => Some(d.as_slice()),
            _ => None,
        })
        .unwrap_or_default()
}

/// A TLS record header (RFC 8446 §5.1): handshake (22), version 3.x.
fn is_tls(bytes: &[u8]) -> bool {
    matches!(bytes, [22, 3, 0..=4, ..])
}

/// Reads one connection.
pub(super) fn stream(conn: &Connection) -> Stream {
    let sides = [items(&conn.dirs[0]), items(&conn.dirs[1])];
    let firsts = [first_line(&sides[0]), first_line(&sides[1])];
    let is_reply = |l: Option<&[u8]>| l.and_then(reply_code).is_some();
    let is_command =
        |l: Option<&[u8]>| l.is_some_and(|l| OPENING_VERBS.contains(&verb(l).as_str()));
    let greeting_side = (0..2).find(|&s| {
        let other = firsts[1 - s];
        is_reply(firsts[s])
            && !is_reply(other)
            && (is_command(other)
                || firsts[s].is_some_and(|l| {
                    let text = String::from_utf8_lossy(l).to_ascii_uppercase();
                    reply_code(l).is_some_and(|(c, _)| c == 220) && text.contains("SMTP")
                }))
    });
    let tls = (0..2).any(|s| is_tls(first_bytes(&conn.dirs[s])));
    let is_midway_command = |l: Option<&[u8]>| {
        is_command(l)
            || l.is_some_and(|l| {
                let verb = verb(l);
                MIDWAY_VERBS.contains(&verb.as_str()) && !(verb == "AUTH" && ftp_auth(l))
            })
    };
    let (kind, client) = if let Some(server) = greeting_side {
        (StreamKind::Smtp, 1 - server)
    } else if let Some(client) =
        (0..2).find(|&s| is_midway_command(firsts[s]) && is_reply(firsts[1 - s]))
    {
        (StreamKind::Smtp, client)
    } else if tls {
        (StreamKind::ImplicitTls, conn.opener.unwrap_or(0))
    } else if conn.dirs.iter().all(|d| d.pieces.is_empty()) {
        (StreamKind::NoData, conn.opener.unwrap_or(0))
    } else {
        (StreamKind::Other, conn.opener.unwrap_or(0))
    };
    let server = 1 - client;
    let endpoints = [conn.a, conn.b];
    let mut stream = Stream {
        kind,
        client: endpoints[client],
        server: endpoints[server],
        start_us: conn.first_time_us,
        end_us: conn.last_time_us,
        packets: conn.packets,
        client_octets: conn.dirs[client].octets(),
        server_octets: conn.dirs[server].octets(),
        entries: Vec::new(),
        replies: Vec::new(),
        notes: Vec::new(),
    };
    if conn.dirs.iter().all(|d| !d.saw_syn) {
        stream.notes.push(StreamNote::StartedMidway);
    }
    if conn.dirs.iter().all(|d| !d.fin && !d.rst) {
        stream.notes.push(StreamNote::NotClosed);
    } else if conn.dirs.iter().any(|d| d.rst) {
        stream.notes.push(StreamNote::Reset {
            by_client: conn.dirs[client].rst,
            by_server: conn.dirs[server].rst,
        });
    }
    for (side, is_client) in [(client, true), (server, false)] {
        let dir = &conn.dirs[side];
        if dir.repeated > 0 {
            stream.notes.push(StreamNote::Repeated {
                client: is_client,
                octets: dir.repeated,
            });
        }
        if dir.over_limit > 0 {
            stream.notes.push(StreamNote::OverLimit {
                client: is_client,
                octets: dir.over_limit,
            });
        }
    }
    if kind != StreamKind::Smtp {
        return stream;
    }
    // Merge both sides in capture order: a line belongs to the packet of its first octet.
    let [a, b] = sides;
    let (client_items, server_items) = if client == 0 { (a, b) } else { (b, a) };
    let mut merged: Vec<(bool, Item)> = client_items
        .into_iter()
        .map(|i| (true, i))
        .chain(server_items.into_iter().map(|i| (false, i)))
        .collect();
    merged.sort_by_key(|(is_client, item)| (item.packet(), !*is_client));
    build(&mut stream, merged, conn.syn_time_us);
    stream
}

/// Fills the transcript and the reply times.
fn build(stream: &mut Stream, merged: Vec<(bool, Item)>, syn_time_us: Option<u64>) {
    let mut pending: VecDeque<(String, u64, usize)> = VecDeque::new();
    let mut in_reply = false;
    let mut in_data = false;
    let mut sasl_next = false;
    let mut greeted = false;
    let mut starttls = false;
    let mut encrypted: Option<u64> = None;
    // The message's lines so far, and those not shown (count, octets).
    let mut message_lines = 0usize;
    let mut folded = (0usize, 0u64);
    // Octets of the current BDAT chunk still to come (RFC 3030 §2).
    let mut chunk_left = 0u64;
    for (is_client, item) in merged {
        if let Some(encrypted) = encrypted.as_mut() {
            if let Item::Line { octets, .. } = &item {
                *encrypted += octets;
            }
            continue;
        }
        match item {
            Item::Gap { octets, cause, .. } => {
                stream.entries.push(Entry::Gap {
                    client: is_client,
                    octets,
                    cause,
                });
                // Octets over the limit have their own note (StreamNote::OverLimit).
                if cause != super::GapCause::OverLimit {
                    stream.notes.push(StreamNote::Gap {
                        client: is_client,
                        octets,
                        cause,
                    });
                }
                // The message's octets are not all in view: a BDAT chunk's count is lost.
                chunk_left = chunk_left.saturating_sub(octets);
            }
            Item::Line {
                text,
                time_us,
                octets,
                ..
            } if is_client => {
                let end_of_data = in_data && text == b".";
                let in_message = (in_data && !end_of_data) || chunk_left > 0;
                if in_message {
                    chunk_left = chunk_left.saturating_sub(octets);
                    message_lines += 1;
                    if message_lines > MAX_MESSAGE_LINES {
                        folded = (folded.0 + 1, folded.1 + octets);
                        continue;
                    }
                }
                if !in_message && folded.0 > 0 {
                    stream.entries.push(Entry::Folded {
                        lines: folded.0,
                        octets: folded.1,
                    });
                    folded = (0, 0);
                }
                if !in_message {
                    message_lines = 0;
                }
                let line = String::from_utf8_lossy(&text).into_owned();
                stream.entries.push(Entry::Client(line.clone()));
                let number = stream.entries.len();
                if in_message {
                    continue;
                }
                if end_of_data {
                    in_data = false;
                    pending.push_back((".".into(), time_us, number));
                    continue;
                }
                let label = if sasl_next {
                    "(AUTH answer)".to_string()
                } else {
                    label(&line)
                };
                sasl_next = false;
                let verb = verb(&text);
                if verb == "STARTTLS" {
                    starttls = true;
                }
                if verb == "BDAT" {
                    chunk_left = String::from_utf8_lossy(&text)
                        .split_whitespace()
                        .nth(1)
                        .and_then(|size| size.parse().ok())
                        .unwrap_or(0);
                }
                pending.push_back((label, time_us, number));
            }
            Item::Line { text, time_us, .. } => {
                let line = String::from_utf8_lossy(&text).into_owned();
                stream.entries.push(Entry::Server(line));
                let Some((code, more)) = reply_code(&text) else {
                    continue;
                };
                if !in_reply {
                    let (command, latency_us, line) = match pending.pop_front() {
                        Some((label, sent, line)) => (label, time_us.checked_sub(sent), Some(line)),
                        None if !greeted => (
                            crate::analyze::CONNECT_LABEL.to_string(),
                            syn_time_us.and_then(|s| time_us.checked_sub(s)),
                            None,
                        ),
                        None => ("(unsolicited)".to_string(), None, None),
                    };
                    greeted = true;
                    let first = command.split(' ').next().unwrap_or_default();
                    let command_verb = first.to_ascii_uppercase();
                    match (command_verb.as_str(), code) {
                        ("DATA", 354) => in_data = true,
                        (_, 334) => sasl_next = true,
                        _ => {}
                    }
                    let tls_starts = command_verb == "STARTTLS" && code == 220;
                    if command_verb == "STARTTLS" && code != 220 {
                        starttls = false;
                    }
                    stream.replies.push(Reply {
                        command,
                        code,
                        latency_us,
                        line,
                    });
                    if tls_starts && !more {
                        stream.entries.push(Entry::TlsStarts);
                        encrypted = Some(0);
                    }
                } else if !more && starttls && code == 220 {
                    stream.entries.push(Entry::TlsStarts);
                    encrypted = Some(0);
                }
                in_reply = more;
            }
        }
    }
    if folded.0 > 0 {
        stream.entries.push(Entry::Folded {
            lines: folded.0,
            octets: folded.1,
        });
    }
    if let Some(octets) = encrypted {
        stream.notes.push(StreamNote::Encrypted { octets });
    }
}

/// A command as the latency table names it: the verb and its argument, an AUTH's initial
/// response hidden.
fn label(line: &str) -> String {
    let upper = line.to_ascii_uppercase();
    if upper.starts_with("AUTH ") {
        let mut words = line.split_whitespace();
        let verb = words.next().unwrap_or_default();
        let mechanism = words.next().unwrap_or_default();
        return if words.next().is_some() {
            format!("{verb} {mechanism} …")
        } else {
            format!("{verb} {mechanism}")
        };
    }
    let mut out: String = crate::i18n::cut::chars(line, 40).to_string();
    if line.chars().count() > 40 {
        out.push('…');
    }
    out
}
