//! The message: DATA lines until `<CRLF>.<CRLF>` (RFC 5321 §4.1.1.4, dot-stuffing §4.5.2),
//! BDAT chunks (RFC 3030 §2), and the stored message with its `Received:` header.

use super::replies::Vars;
use super::state::{Phase, Transaction, Transition};
use super::{Event, Server, StoredMessage, HARD_MAX_MESSAGE, MAX_STORED, MAX_TEXT_LINE};
use crate::smtp::profile::{DataEnd, Profile};
use crate::smtp::why::{Detail, Leniency, Situation};

impl Server {
    pub(super) fn data_line(
        &mut self,
        mut tx: Transaction,
        line: &[u8],
        length: usize,
        events: &mut Vec<Event>,
    ) {
        let dot = line == b".";
        // RFC 5321 §4.1.1.4: the text ends with <CRLF>.<CRLF>. A dot next to a bare LF, or
        // a line ending "<CR>." (a bare CR before the dot), is what SMTP smuggling sends.
        let bare = self.bare_lf || self.previous_bare_lf;
        if (dot && bare) || line.ends_with(b"\r.") {
            self.smuggling_attempts = self.smuggling_attempts.saturating_add(1);
        }
        // With the bare-LF refusal switched on (`reject_bare_lf`), a dot next to a bare LF
        // ends the text so that the message is refused (521) and the connection closed.
        let data_end = match self.config.profile.data_end() {
            DataEnd::CrlfOnly if self.config.policies.reject_bare_lf => DataEnd::AnyLineEnd,
            other => other,
        };
        let ends = match data_end {
            DataEnd::AnyLineEnd => dot,
            DataEnd::CrlfOnly => dot && !bare,
            DataEnd::RefuseBare => {
                if self.bare_lf || line.contains(&b'\r') {
                    let situation = if self.bare_lf {
                        Situation::BareLf
                    } else {
                        Situation::BareCr
                    };
                    self.say(events, situation, &Vars::default(), None);
                    return self.close(events);
                }
                dot
            }
        };
        if ends {
            self.ended_at_bare_lf = bare;
            return self.finish_message(tx, events);
        }
        // RFC 5321 §4.5.2: a leading dot was doubled by the client; remove one.
        let content = line.strip_prefix(b".").unwrap_or(line);
        tx.longest_line = tx.longest_line.max(length.saturating_sub(2));
        tx.bare_lf |= self.bare_lf;
        let real_len = length.saturating_sub(2 + line.len() - content.len()) as u64;
        self.append(&mut tx, content, real_len);
        self.enter(Phase::Data(tx), Transition::DataLine);
    }

    pub(super) fn size_cap(&self) -> u64 {
        self.config.policies.max_message_size.min(HARD_MAX_MESSAGE)
    }

    pub(super) fn append(&self, tx: &mut Transaction, content: &[u8], real_len: u64) {
        tx.size += real_len + 2;
        tx.no_room |= self.storage_full;
        if tx.size <= self.size_cap() && !tx.no_room {
            tx.body.extend_from_slice(content);
            tx.body.extend_from_slice(b"\r\n");
        }
    }

    pub(super) fn chunk_bytes(&mut self, bytes: &[u8]) {
        let cap = self.size_cap();
        let full = self.storage_full;
        if let Phase::Chunk {
            tx: Some(tx),
            accept: true,
            ..
        } = &mut self.phase
        {
            tx.size += bytes.len() as u64;
            tx.no_room |= full;
            if tx.size <= cap && !tx.no_room {
                tx.body.extend_from_slice(bytes);
            }
        }
    }

    pub(super) fn end_chunk(&mut self, events: &mut Vec<Event>) {
        let Phase::Chunk {
            tx,
            accept,
            last,
            answered,
            ..
        } = std::mem::replace(&mut self.phase, Phase::Command(None))
        else {
            return;
        };
        match tx {
            held if answered => self.enter(Phase::Command(held), Transition::Chunk),
            held if !accept => {
                // RFC 3030 §2: BDAT out of sequence; the chunk was read, now it is refused.
                self.enter(Phase::Command(held), Transition::OutOfOrder);
                let detail = self.transaction_detail();
                self.say(
                    events,
                    Situation::BdatOutOfSequence,
                    &Vars::default(),
                    Some(detail),
                );
            }
            None => {}
            Some(tx) if last => self.finish_message(tx, events),
            Some(tx) => {
                let size = tx.size;
                if size > self.size_cap() {
                    let detail = Detail::Limit {
                        limit: self.config.policies.max_message_size,
                        seen: size,
                    };
                    return self.say(
                        events,
                        Situation::MessageTooBig,
                        &Vars::default(),
                        Some(detail),
                    );
                }
                self.enter(Phase::Command(Some(tx)), Transition::Chunk);
                let vars = Vars {
                    size,
                    ..Vars::default()
                };
                self.say(events, Situation::ChunkOk, &vars, None);
            }
        }
    }

    pub(super) fn finish_message(&mut self, tx: Transaction, events: &mut Vec<Event>) {
        self.enter(Phase::Command(None), Transition::MessageEnds);
        let at_bare_lf = std::mem::take(&mut self.ended_at_bare_lf);
        if tx.size > self.size_cap() {
            let detail = Detail::Limit {
                limit: self.size_cap(),
                seen: tx.size,
            };
            let vars = Vars {
                limit: self.size_cap(),
                ..Vars::default()
            };
            return self.say(events, Situation::MessageTooBig, &vars, Some(detail));
        }
        if tx.longest_line + 2 > MAX_TEXT_LINE && self.config.profile.refuses_long_text_lines() {
            let detail = Detail::Limit {
                limit: MAX_TEXT_LINE as u64,
                seen: tx.longest_line as u64 + 2,
            };
            let vars = Vars {
                size: tx.longest_line as u64,
                ..Vars::default()
            };
            return self.say(events, Situation::TextLineTooLong, &vars, Some(detail));
        }
        if tx.bare_lf && self.config.policies.reject_bare_lf {
            self.say(events, Situation::BareLf, &Vars::default(), None);
            return self.close(events);
        }
        if tx.no_room {
            return self.say(
                events,
                Situation::InsufficientStorage,
                &Vars::default(),
                None,
            );
        }
        let size = tx.size;
        let chunked = tx.chunked;
        let longest = tx.longest_line;
        let prdr = tx.prdr;
        let recipients = if prdr {
            tx.recipients.clone()
        } else {
            Vec::new()
        };
        self.stored_total += 1;
        let id = self.queue_id();
        let mut data = self.received_header(&tx, &id).into_bytes();
        data.extend_from_slice(&tx.body);
        if self.mailbox.len() >= MAX_STORED {
            self.mailbox.remove(0);
        }
        self.mailbox.push(StoredMessage {
            id: id.clone(),
            from: tx.from,
            recipients: tx.recipients,
            data,
            received_at: self.now.clone(),
            chunked: tx.chunked,
        });
        let vars = Vars {
            id: &id,
            size,
            ..Vars::default()
        };
        let situation = if chunked {
            Situation::QueuedChunked
        } else if at_bare_lf {
            Situation::QueuedAtBareLf
        } else {
            Situation::Queued
        };
        if prdr {
            // PRDR: 353, then each recipient's answer, then the message's.
            self.say(events, Situation::PrdrBegin, &Vars::default(), None);
            for recipient in &recipients {
                let vars = Vars {
                    addr: recipient,
                    ..Vars::default()
                };
                self.say(events, Situation::PrdrRecipient, &vars, None);
            }
        }
        let long_line = (longest + 2 > MAX_TEXT_LINE).then(|| Detail::Lenient {
            server: self.config.profile.name(),
            leniency: Leniency::LongTextLine {
                seen: longest as u64 + 2,
            },
        });
        self.say(events, situation, &vars, long_line);
        events.push(Event::Stored(self.mailbox.len() - 1));
    }

    /// A queue id in the profile's style, from a counter (deterministic).
    pub(super) fn queue_id(&self) -> String {
        let n = self.stored_total;
        // Mixed with the caller's seed, so ids differ between sessions (`serve` seeds each
        // connection differently) yet repeat exactly in tests.
        let mixed = n
            .wrapping_add(self.config.nonce_seed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ 0x5DEE_CE66_D1CE_4E5B;
        match self.config.profile {
            Profile::Postfix => format!("{:010X}", mixed & 0xFF_FFFF_FFFF),
            Profile::Sendmail => format!("nBNA{:06X}{:04}", mixed & 0xFF_FFFF, n % 10_000),
            Profile::Exim => format!(
                "1r{:04X}-{:06X}-{:02X}",
                mixed & 0xFFFF,
                (mixed >> 16) & 0xFF_FFFF,
                n & 0xFF
            ),
            Profile::Coremail163 => format!("smtp7,C8CowAD{:X}", mixed & 0xFFFF_FFFF),
            Profile::Rfc5321 | Profile::Gmail | Profile::Outlook | Profile::QqMail => {
                format!("{:012X}", mixed & 0xFFFF_FFFF_FFFF)
            }
        }
    }

    /// The trace header RFC 5321 §4.4 requires the receiving server to add.
    pub(super) fn received_header(&self, tx: &Transaction, id: &str) -> String {
        let hello = self.hello.as_ref();
        let helo = hello.map(|h| h.name.as_str()).unwrap_or("unknown");
        let mut with = String::from(if hello.is_some_and(|h| h.esmtp) {
            "ESMTP"
        } else {
            "SMTP"
        });
        if self.tls {
            with.push('S');
        }
        if self.user.is_some() {
            with.push('A');
        }
        let software = match self.config.profile {
            Profile::Postfix => "Postfix",
            Profile::Sendmail => "8.13.8/8.13.8",
            Profile::Exim => "Exim 4.96",
            Profile::Coremail163 => "Coremail",
            // The providers' own Received: lines are not in the sources.
            Profile::Rfc5321 | Profile::Gmail | Profile::Outlook | Profile::QqMail => {
                "smtp-trainer"
            }
        };
        let for_clause = match tx.recipients.as_slice() {
            [one] => format!("\r\n\tfor <{one}>"),
            _ => String::new(),
        };
        format!(
            "Received: from {helo} ({peer})\r\n\tby {host} ({software}) with {with} id {id}{for_clause};\r\n\t{now}\r\n",
            peer = match &self.client_name {
                Some(name) => format!("{name} [{}]", self.client_ip),
                None => format!("unknown [{}]", self.client_ip),
            },
            host = self.config.hostname,
            now = self.now,
        )
    }
}
