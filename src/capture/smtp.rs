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
    // A line is complete only when every octet before it has arrived: its place in the
    // capture is the latest packet so far in stream order (segments may come out of order).
    let mut latest = 0;
    for piece in &dir.pieces {
        latest = latest.max(piece.packet);
        match &piece.kind {
            PieceKind::Data(data) => {
                for &byte in data {
                    let (packet, time_us) = *start.get_or_insert((latest, piece.time_us));
                    if byte == b'\n' {
                        if line.last() == Some(&b'\r') {
                            line.pop();
                        }
                        out.push(Item::Line {
                            packet,
                            time_us,
                            text: std::mem::take(&mut line),
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
    let (kind, client) = if let Some(server) = greeting_side {
        (StreamKind::Smtp, 1 - server)
    } else if let Some(client) = (0..2).find(|&s| is_command(firsts[s]) && is_reply(firsts[1 - s]))
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
        client_octets: conn.dirs[client].kept as u64 + conn.dirs[client].over_limit,
        server_octets: conn.dirs[server].kept as u64 + conn.dirs[server].over_limit,
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
        stream.notes.push(StreamNote::Reset);
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
    for (is_client, item) in merged {
        if let Some(octets) = encrypted.as_mut() {
            if let Item::Line { text, .. } = &item {
                *octets += text.len() as u64 + 2;
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
                stream.notes.push(StreamNote::Gap {
                    client: is_client,
                    octets,
                    cause,
                });
            }
            Item::Line { text, time_us, .. } if is_client => {
                let line = String::from_utf8_lossy(&text).into_owned();
                stream.entries.push(Entry::Client(line.clone()));
                let number = stream.entries.len();
                if in_data {
                    if text == b"." {
                        in_data = false;
                        pending.push_back((".".into(), time_us, number));
                    }
                    continue;
                }
                let label = if sasl_next {
                    "(AUTH answer)".to_string()
                } else {
                    label(&line)
                };
                sasl_next = false;
                if verb(&text) == "STARTTLS" {
                    starttls = true;
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
