//! Bytes in: lines cut from the input (bounded, with the real length kept), each line
//! counted against the profile's limits and sent where the phase says (a command, a message
//! line, a SASL response); BDAT octets counted out.

use super::replies::Vars;
use super::state::{Phase, Transition};
use super::{Event, Server, MAX_AUTH_LINE, MAX_COMMAND_LINE, MAX_TEXT_LINE, REPLY_ALLOWANCE};
use crate::smtp::profile::{Counted, LineOver};
use crate::smtp::why::{Detail, Leniency, Situation};

impl Server {
    /// Feeds bytes from the client; returns what the server does, in order. Lines end in
    /// CRLF or a bare LF; several commands in one input are answered in order (pipelining).
    pub fn receive(&mut self, input: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        self.octets_in += input.len() as u64;
        let mut rest = input;
        while !rest.is_empty() && !self.is_closed() {
            if let Phase::Chunk { remaining, .. } = &mut self.phase {
                let take = (*remaining).min(rest.len() as u64) as usize;
                let (chunk, after) = rest.split_at(take);
                *remaining -= take as u64;
                self.chunk_bytes(chunk);
                rest = after;
                if matches!(self.phase, Phase::Chunk { remaining: 0, .. }) {
                    self.end_chunk(&mut events);
                }
                continue;
            }
            // What is kept of a line: a command line up to AUTH's 12288 octets (RFC 4954 §4)
            // so that the profile can judge it, a text line up to 1000; the rest is counted.
            let limit = match self.phase {
                Phase::Data(_) => MAX_TEXT_LINE,
                _ => MAX_AUTH_LINE,
            };
            match rest.iter().position(|b| *b == b'\n') {
                Some(at) => {
                    self.push_pending(&rest[..at], limit);
                    rest = &rest[at + 1..];
                    let mut line = std::mem::take(&mut self.pending);
                    let raw = std::mem::take(&mut self.pending_len);
                    // The line's length on the wire with its CRLF; a bare LF counts as CRLF.
                    let length = if self.pending_ends_cr {
                        if line.len() == raw {
                            line.pop();
                        }
                        raw + 1
                    } else {
                        raw + 2
                    };
                    self.previous_bare_lf =
                        std::mem::replace(&mut self.bare_lf, !self.pending_ends_cr);
                    self.pending_ends_cr = false;
                    self.counted_line(line, length, &mut events);
                    if matches!(events.last(), Some(Event::TlsStarted)) {
                        // RFC 3207 §4: STARTTLS must be the last command of a pipelined
                        // group. What follows it in the same input is plaintext anyone on
                        // the path could have inserted (the STARTTLS command injection,
                        // CVE-2011-0411): discard it, never run it as if inside TLS.
                        self.discarded_after_tls = rest.len();
                        break;
                    }
                }
                None => {
                    self.push_pending(rest, limit);
                    rest = &[];
                }
            }
        }
        events
    }

    /// Keeps at most `limit` octets of the line being assembled; counts the rest.
    pub(super) fn push_pending(&mut self, bytes: &[u8], limit: usize) {
        let room = limit.saturating_sub(self.pending.len());
        self.pending
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
        self.pending_len += bytes.len();
        if let Some(last) = bytes.last() {
            self.pending_ends_cr = *last == b'\r';
        }
    }

    /// One complete line, with the error limits around it: a command after too many errors
    /// (or after replies that outgrew the input) gets `TooManyErrors` and the session ends;
    /// each error reply is counted, and each reply at or over the soft limit noted.
    pub(super) fn counted_line(&mut self, line: Vec<u8>, length: usize, events: &mut Vec<Event>) {
        let profile = self.config.profile;
        let limits = profile.error_limits();
        if matches!(self.phase, Phase::Command(_)) {
            let verb = |v: &[u8]| {
                line.get(..v.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(v))
            };
            if verb(b"AUTH") {
                if let Some(limit) = profile.auth_failure_limit() {
                    if self.auth_failures >= limit {
                        let seen = u64::from(self.auth_failures);
                        self.say_limit(events, Situation::TooManyAuthFailures, limit.into(), seen);
                        return self.close(events);
                    }
                }
            }
            if verb(b"RCPT") {
                if let Some(limit) = profile.bad_recipient_limit() {
                    if self.bad_recipients >= limit {
                        let seen = u64::from(self.bad_recipients);
                        return self.say_limit(
                            events,
                            Situation::TooManyBadRecipients,
                            limit.into(),
                            seen,
                        );
                    }
                }
            }
            let over_hard =
                limits.is_some_and(|l| l.counted == Counted::EveryError && self.errors >= l.hard);
            let outgrown = self.octets_out > self.octets_in + REPLY_ALLOWANCE;
            if over_hard || outgrown {
                let (limit, seen) = if over_hard {
                    (
                        limits.map_or(0, |l| u64::from(l.hard)),
                        u64::from(self.errors),
                    )
                } else {
                    (self.octets_in + REPLY_ALLOWANCE, self.octets_out)
                };
                self.say_limit(events, Situation::TooManyErrors, limit, seen);
                return self.close(events);
            }
        }
        let before = events.len();
        self.line(line, length, events);
        let mut at = before;
        while let Some(event) = events.get(at) {
            at += 1;
            let Event::Reply(reply) = event else {
                continue;
            };
            let situation = reply.why.situation;
            self.octets_out += reply.wire_len() as u64;
            match situation {
                Situation::AuthFailed | Situation::AuthBackendDown => self.auth_failures += 1,
                Situation::RelayDenied | Situation::UnknownUser => self.bad_recipients += 1,
                _ => {}
            }
            let Some(l) = limits else {
                continue;
            };
            match l.counted {
                Counted::EveryError => {
                    // The server's own trouble (an injected fault, no room) is no error of
                    // the client's.
                    let servers_fault =
                        matches!(situation, Situation::Fault | Situation::InsufficientStorage);
                    if !servers_fault && reply.code.digits()[0] >= 4 {
                        self.errors = self.errors.saturating_add(1);
                    }
                    if l.sleep_seconds > 0 && self.errors >= l.soft {
                        self.delayed_replies = self.delayed_replies.saturating_add(1);
                    }
                }
                Counted::UnknownCommands if situation == Situation::Unrecognized => {
                    self.errors = self.errors.saturating_add(1);
                    if self.errors > l.hard {
                        // This one is answered with the limit's reply instead, and the
                        // session ends.
                        events.truncate(at - 1);
                        let seen = u64::from(self.errors);
                        self.say_limit(events, Situation::TooManyErrors, l.hard.into(), seen);
                        return self.close(events);
                    }
                }
                Counted::UnknownCommands => {}
            }
        }
    }

    /// `situation`'s reply to a limit: at most `limit`, `seen` found.
    fn say_limit(&mut self, events: &mut Vec<Event>, situation: Situation, limit: u64, seen: u64) {
        let detail = Detail::Limit { limit, seen };
        self.say(events, situation, &Vars::default(), Some(detail));
    }

    /// One complete line (CRLF removed); `length` is its real length including CRLF.
    pub(super) fn line(&mut self, line: Vec<u8>, length: usize, events: &mut Vec<Event>) {
        let line_len = length;
        match std::mem::replace(&mut self.phase, Phase::Closed) {
            Phase::Data(tx) => self.data_line(tx, &line, line_len, events),
            Phase::Auth(exchange) => {
                self.enter(Phase::Command(None), Transition::AuthResponse);
                if line_len > MAX_AUTH_LINE {
                    let (limit, seen) = (MAX_AUTH_LINE as u64, line_len as u64);
                    return self.say_limit(events, Situation::LineTooLong, limit, seen);
                }
                self.auth_response(exchange, &line, events);
            }
            Phase::Command(tx) => {
                self.enter(Phase::Command(tx), Transition::CommandLine);
                let is_auth = line
                    .get(..5)
                    .is_some_and(|head| head.eq_ignore_ascii_case(b"AUTH "));
                let limit = self.config.profile.command_line_limit();
                let mut line = line;
                let mut cut = None;
                if is_auth && line_len <= MAX_AUTH_LINE {
                    // RFC 4954 §4: AUTH with its initial response may be 12288 octets long.
                } else if line_len > limit.octets {
                    let (most, seen) = (limit.octets as u64, line_len as u64);
                    match limit.over {
                        LineOver::Refuse => {
                            return self.say_limit(events, Situation::LineTooLong, most, seen);
                        }
                        LineOver::RefuseThenRest => {
                            self.say_limit(events, Situation::LineTooLong, most, seen);
                            // The rest of the line arrives as a command of its own; it is a
                            // part of a long line, so not a verb the server knows.
                            if line_len > limit.octets + 2 {
                                self.say(events, Situation::Unrecognized, &Vars::default(), None);
                            }
                            return;
                        }
                        LineOver::Close => {
                            self.say_limit(events, Situation::LineTooLongClose, most, seen);
                            return self.close(events);
                        }
                        LineOver::Truncate => {
                            // The server reads the first `octets` (with CRLF) and skips
                            // the rest of the line.
                            line.truncate(limit.octets.saturating_sub(2));
                            cut = Some(Leniency::LongCommandLine {
                                limit: limit.octets as u64,
                                seen: line_len as u64,
                            });
                        }
                    }
                } else if line_len > MAX_COMMAND_LINE {
                    cut = Some(Leniency::LongCommandLine {
                        limit: limit.octets as u64,
                        seen: line_len as u64,
                    });
                }
                self.leniency = cut;
                let text = String::from_utf8_lossy(&line).into_owned();
                self.command_line(&text, events);
                self.leniency = None;
            }
            // A chunk's octets never come as lines; a closed session reads nothing more.
            other @ Phase::Chunk { .. } => self.enter(other, Transition::Chunk),
            Phase::Closed => self.enter(Phase::Closed, Transition::Close),
        }
    }
}
