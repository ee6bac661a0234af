//! TCP reassembly, per connection and per direction (RFC 9293 §3.4: sequence numbers count
//! octets; a SYN and a FIN each take one). Segments are put in order by their sequence
//! number; octets already delivered (retransmissions, overlaps) are not delivered twice; a
//! hole that no later segment fills becomes a gap of so many octets; octets a packet
//! carried but the capture did not keep (snaplen) are a gap too. Memory is bounded: per
//! direction at most [`MAX_STREAM_OCTETS`] are kept and [`MAX_PENDING_SEGMENTS`] wait out
//! of order; in all, the caller's budget. Past [`MAX_STREAM_OCTETS`], the last
//! [`MAX_TAIL_OCTETS`] of a direction are kept as well, after a gap for what was not: a
//! message of megabytes still shows how its session ended.

use std::collections::{BTreeMap, VecDeque};
use std::net::SocketAddr;

use super::packet::Segment;

/// At most this many octets are kept per direction of a connection (1 MiB).
pub const MAX_STREAM_OCTETS: usize = 1 << 20;
/// At most this many segments wait for a hole before it in one direction; then the hole is
/// declared lost.
pub const MAX_PENDING_SEGMENTS: usize = 512;
/// At most this many octets wait out of order in one direction; then the first hole is
/// declared lost.
pub const MAX_PENDING_OCTETS: usize = 1 << 20;
/// Past [`MAX_STREAM_OCTETS`], at most this many of a direction's last octets are kept.
pub const MAX_TAIL_OCTETS: usize = 64 << 10;
/// At most this many pieces (data and gaps) are kept per direction.
const MAX_PIECES: usize = 1 << 16;
/// At most this many TCP connections are followed in one capture.
pub const MAX_CONNECTIONS: usize = 10_000;

/// Why octets are missing from a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum GapCause {
    /// No segment in the capture carries them (lost by the capture, or never sent).
    Lost,
    /// The packet carried them but the capture kept only its first octets (snaplen).
    Snaplen,
    /// The capture has them, but they are over the memory limit (between a direction's
    /// first [`MAX_STREAM_OCTETS`] and its last [`MAX_TAIL_OCTETS`]).
    OverLimit,
}

/// A piece of one direction's byte stream, in stream order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Piece {
    /// Its place in the capture: twice the number (0-based) of the packet that brought it,
    /// plus one; a lost gap is moved to just before (an even place) the first packet of the
    /// other side that acknowledges the octets after it.
    pub packet: usize,
    /// That packet's time (µs since the epoch).
    pub time_us: u64,
    pub kind: PieceKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum PieceKind {
    Data(Vec<u8>),
    Gap {
        octets: u64,
        cause: GapCause,
        /// The stream offset just after the gap.
        end: u64,
    },
}

struct Pending {
    packet: usize,
    time_us: u64,
    data: Vec<u8>,
    missing: u32,
}

/// One direction of a connection.
#[derive(Default)]
pub(super) struct Direction {
    /// The sequence number of the first payload octet (ISN + 1, or the first seen).
    base: Option<u32>,
    pub saw_syn: bool,
    pub fin: bool,
    pub rst: bool,
    next: u64,
    pending: BTreeMap<u64, Pending>,
    pending_octets: usize,
    pub pieces: Vec<Piece>,
    /// Octets kept.
    pub kept: usize,
    /// Octets not kept because a limit was reached.
    pub over_limit: u64,
    /// The last pieces past [`MAX_STREAM_OCTETS`] (at most [`MAX_TAIL_OCTETS`] of data),
    /// put after the others with a gap by [`Direction::finish`].
    tail: VecDeque<Piece>,
    /// The data octets in `tail`.
    tail_octets: usize,
    /// Octets seen again (retransmitted or overlapping).
    pub repeated: u64,
    /// Time of the first packet of this direction.
    pub first_time_us: Option<u64>,
    /// (place, acknowledgment number) of this direction's packets, in capture order.
    acks: Vec<(usize, u32)>,
}

/// At most this many acknowledgment numbers are kept per direction.
const MAX_ACKS: usize = 1 << 16;

impl Direction {
    /// Every octet of the direction the capture had: kept, in the tail, or over the limit.
    pub fn octets(&self) -> u64 {
        self.kept as u64 + self.tail_octets as u64 + self.over_limit
    }

    fn push(&mut self, packet: usize, time_us: u64, kind: PieceKind, budget: &mut usize) {
        let past_limit = self.kept >= MAX_STREAM_OCTETS || !self.tail.is_empty();
        if let PieceKind::Data(data) = &kind {
            let room = MAX_STREAM_OCTETS.saturating_sub(self.kept).min(*budget);
            if past_limit || data.len() > room {
                let room = if past_limit { 0 } else { room };
                if room > 0 {
                    let kept = data.get(..room).unwrap_or_default().to_vec();
                    self.kept += room;
                    *budget -= room;
                    self.pieces.push(Piece {
                        packet,
                        time_us,
                        kind: PieceKind::Data(kept),
                    });
                }
                let rest = data.get(room..).unwrap_or_default();
                self.keep_in_tail(packet, time_us, rest, budget);
                return;
            }
            self.kept += data.len();
            *budget -= data.len();
        } else if past_limit {
            if self.tail.len() < MAX_PIECES {
                self.tail.push_back(Piece {
                    packet,
                    time_us,
                    kind,
                });
            }
            return;
        }
        if self.pieces.len() >= MAX_PIECES {
            return;
        }
        self.pieces.push(Piece {
            packet,
            time_us,
            kind,
        });
    }

    /// Keeps `data` as the newest of the tail, dropping the oldest octets past
    /// [`MAX_TAIL_OCTETS`] (counted in `over_limit`, their budget given back).
    fn keep_in_tail(&mut self, packet: usize, time_us: u64, data: &[u8], budget: &mut usize) {
        // Only the last MAX_TAIL_OCTETS of a large piece can stay.
        let skip = data.len().saturating_sub(MAX_TAIL_OCTETS);
        self.over_limit += skip as u64;
        let data = data.get(skip..).unwrap_or_default();
        if data.is_empty() {
            return;
        }
        // Room for it: the budget, and the oldest octets of the tail given back.
        while self.tail_octets + data.len() > MAX_TAIL_OCTETS || data.len() > *budget {
            let Some(front) = self.tail.pop_front() else {
                break;
            };
            if let PieceKind::Data(old) = &front.kind {
                self.tail_octets -= old.len();
                self.over_limit += old.len() as u64;
                *budget += old.len();
            }
        }
        if data.len() > *budget || self.tail.len() >= MAX_PIECES {
            self.over_limit += data.len() as u64;
            return;
        }
        *budget -= data.len();
        self.tail_octets += data.len();
        self.tail.push_back(Piece {
            packet,
            time_us,
            kind: PieceKind::Data(data.to_vec()),
        });
    }

    /// Takes one segment of this direction.
    fn segment(&mut self, packet: usize, time_us: u64, seg: &Segment<'_>, budget: &mut usize) {
        self.first_time_us.get_or_insert(time_us);
        if seg.ack && self.acks.len() < MAX_ACKS {
            self.acks.push((packet, seg.ack_no));
        }
        self.fin |= seg.fin;
        self.rst |= seg.rst;
        if seg.syn {
            if self.base.is_none() {
                self.base = Some(seg.seq.wrapping_add(1));
                self.saw_syn = true;
            }
            return;
        }
        let len = seg.payload.len() as u64 + u64::from(seg.missing);
        if len == 0 {
            return;
        }
        let base = *self.base.get_or_insert(seg.seq);
        let offset = seg.seq.wrapping_sub(base);
        if offset >= 1 << 31 {
            // Before the start of what was seen: an old retransmission.
            self.repeated += len;
            return;
        }
        let offset = u64::from(offset);
        if offset + len <= self.next {
            self.repeated += len;
            return;
        }
        let replace = self
            .pending
            .get(&offset)
            .is_none_or(|p| (p.data.len() as u64 + u64::from(p.missing)) < len);
        if replace {
            self.pending_octets += seg.payload.len();
            let old = self.pending.insert(
                offset,
                Pending {
                    packet,
                    time_us,
                    data: seg.payload.to_vec(),
                    missing: seg.missing,
                },
            );
            if let Some(old) = old {
                self.pending_octets = self.pending_octets.saturating_sub(old.data.len());
            }
        } else {
            self.repeated += len;
        }
        self.drain(budget);
        while self.pending.len() > MAX_PENDING_SEGMENTS || self.pending_octets > MAX_PENDING_OCTETS
        {
            self.skip_hole(budget);
        }
    }

    /// Delivers the waiting segments that start at or before the next expected octet.
    fn drain(&mut self, budget: &mut usize) {
        while let Some(entry) = self.pending.first_entry() {
            let offset = *entry.key();
            if offset > self.next {
                break;
            }
            let seg = entry.remove();
            self.pending_octets = self.pending_octets.saturating_sub(seg.data.len());
            let captured_end = offset + seg.data.len() as u64;
            let end = captured_end + u64::from(seg.missing);
            if end <= self.next {
                self.repeated += end - offset;
                continue;
            }
            let skip = usize::try_from(self.next - offset).unwrap_or(usize::MAX);
            self.repeated += (self.next - offset).min(end - offset);
            if let Some(fresh) = seg.data.get(skip..).filter(|d| !d.is_empty()) {
                let fresh = fresh.to_vec();
                self.push(seg.packet, seg.time_us, PieceKind::Data(fresh), budget);
            }
            let gap_start = self.next.max(captured_end);
            if end > gap_start {
                self.push(
                    seg.packet,
                    seg.time_us,
                    PieceKind::Gap {
                        octets: end - gap_start,
                        cause: GapCause::Snaplen,
                        end,
                    },
                    budget,
                );
            }
            self.next = end;
        }
    }

    /// Declares the hole before the first waiting segment lost and goes on after it.
    fn skip_hole(&mut self, budget: &mut usize) {
        if let Some((&offset, first)) = self.pending.first_key_value() {
            if offset > self.next {
                let (packet, time_us) = (first.packet, first.time_us);
                self.push(
                    packet,
                    time_us,
                    PieceKind::Gap {
                        octets: offset - self.next,
                        cause: GapCause::Lost,
                        end: offset,
                    },
                    budget,
                );
                self.next = offset;
            }
            self.drain(budget);
        }
    }

    /// At the end of the capture: every hole left is lost.
    fn finish(&mut self, budget: &mut usize) {
        while !self.pending.is_empty() {
            self.skip_hole(budget);
        }
        // The tail after the octets not kept: a gap, in the place of the tail's first piece.
        if let Some(first) = self.tail.front() {
            if self.over_limit > 0 {
                let (packet, time_us) = (first.packet, first.time_us);
                self.pieces.push(Piece {
                    packet,
                    time_us,
                    kind: PieceKind::Gap {
                        octets: self.over_limit,
                        cause: GapCause::OverLimit,
                        end: 0,
                    },
                });
            }
            self.pieces.extend(self.tail.drain(..));
        }
    }

    /// Moves each lost gap before the first packet of the other side (`acks`) that
    /// acknowledges the octets after it: the peer had them by then, so they were sent
    /// before (RFC 9293 §3.4, cumulative acknowledgment).
    fn place_gaps(&mut self, acks: &[(usize, u32)]) {
        let Some(base) = self.base else {
            return;
        };
        for piece in &mut self.pieces {
            if let PieceKind::Gap {
                cause: GapCause::Lost,
                end,
                ..
            } = piece.kind
            {
                let acked = acks.iter().find(|(_, ack)| {
                    let offset = ack.wrapping_sub(base);
                    offset < 1 << 31 && u64::from(offset) >= end
                });
                if let Some(&(place, _)) = acked {
                    if place < piece.packet {
                        piece.packet = place.saturating_sub(1);
                    }
                }
            }
        }
    }
}

/// One TCP connection: the two endpoints and both directions ([0]: from `a` to `b`).
pub(super) struct Connection {
    pub a: SocketAddr,
    pub b: SocketAddr,
    pub dirs: [Direction; 2],
    /// The side (0 = `a`, 1 = `b`) that sent the first SYN without ACK: the client.
    pub opener: Option<usize>,
    pub first_time_us: u64,
    pub last_time_us: u64,
    pub packets: usize,
    /// The time of the opening SYN.
    pub syn_time_us: Option<u64>,
}

/// Every TCP connection of a capture, reassembled.
pub(super) struct Reassembler {
    index: BTreeMap<(SocketAddr, SocketAddr), usize>,
    pub connections: Vec<Connection>,
    /// Octets that may still be kept in all.
    budget: usize,
    /// Connections not followed because of [`MAX_CONNECTIONS`] (counted by their SYN).
    pub connections_ignored: usize,
}

impl Reassembler {
    pub(super) fn new(budget: usize) -> Reassembler {
        Reassembler {
            index: BTreeMap::new(),
            connections: Vec::new(),
            budget,
            connections_ignored: 0,
        }
    }

    /// Whether the overall budget ran out.
    pub(super) fn budget_spent(&self) -> bool {
        self.budget == 0
    }

    pub(super) fn segment(&mut self, packet: usize, time_us: u64, seg: &Segment<'_>) {
        let key = if seg.src <= seg.dst {
            (seg.src, seg.dst)
        } else {
            (seg.dst, seg.src)
        };
        let opening = seg.syn && !seg.ack;
        let existing = self.index.get(&key).copied();
        // A new SYN on a 4-tuple whose connection already carried data or closed: the
        // port was reused for a new connection.
        let reuse = existing
            .and_then(|i| self.connections.get(i))
            .is_some_and(|c| {
                opening
                    && c.dirs
                        .iter()
                        .any(|d| d.fin || d.rst || d.kept > 0 || !d.pieces.is_empty())
            });
        let index = match existing {
            Some(i) if !reuse => i,
            _ => {
                if self.connections.len() >= MAX_CONNECTIONS {
                    // Counted once per connection: by its opening SYN.
                    self.connections_ignored += usize::from(opening);
                    return;
                }
                self.connections.push(Connection {
                    a: seg.src,
                    b: seg.dst,
                    dirs: [Direction::default(), Direction::default()],
                    opener: None,
                    first_time_us: time_us,
                    last_time_us: time_us,
                    packets: 0,
                    syn_time_us: None,
                });
                let i = self.connections.len() - 1;
                self.index.insert(key, i);
                i
            }
        };
        let Some(conn) = self.connections.get_mut(index) else {
            return;
        };
        let side = usize::from(seg.src != conn.a);
        if opening && conn.opener.is_none() {
            conn.opener = Some(side);
            conn.syn_time_us = Some(time_us);
        }
        conn.packets += 1;
        conn.first_time_us = conn.first_time_us.min(time_us);
        conn.last_time_us = conn.last_time_us.max(time_us);
        if let Some(dir) = conn.dirs.get_mut(side) {
            dir.segment(
                packet.saturating_mul(2).saturating_add(1),
                time_us,
                seg,
                &mut self.budget,
            );
        }
    }

    /// Ends the capture: holes left are lost.
    pub(super) fn finish(mut self) -> (Vec<Connection>, usize, bool) {
        for conn in &mut self.connections {
            for dir in &mut conn.dirs {
                dir.finish(&mut self.budget);
            }
            let [a, b] = &mut conn.dirs;
            a.place_gaps(&b.acks);
            b.place_gaps(&a.acks);
        }
        let spent = self.budget_spent();
        (self.connections, self.connections_ignored, spent)
    }
}
