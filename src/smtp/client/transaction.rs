//! The mail transaction: MAIL FROM with SIZE and BODY, one RCPT TO per recipient
//! (pipelined when offered), DATA or BDAT with the dot-stuffed message, and the outcome.

use super::{Action, Client, ClientNote, Entry, Expect, Failure, RecipientStatus, MAX_TRANSCRIPT};
use crate::i18n::Lang;
use crate::mime::{data_section, RecipientKind};

impl Client {
    /// MAIL FROM, then RCPTs (and DATA) — in one write with PIPELINING.
    pub(super) fn start_transaction(&mut self, actions: &mut Vec<Action>) {
        let size = self.message.len() as u64;
        if self.eight_bit && !self.ext.eight_bit {
            return self.fail_and_quit(Failure::EightBitUnsupported, actions);
        }
        let bcc = self
            .outcome
            .recipients
            .iter()
            .filter(|r| r.kind == RecipientKind::Bcc)
            .count();
        if bcc > 0 {
            self.note(ClientNote::BccInEnvelope { count: bcc });
        }
        let mut mail = format!("MAIL FROM:<{}>", self.sender);
        if self.ext.size.is_some() {
            mail.push_str(&format!(" SIZE={size}"));
            self.note(ClientNote::SizeDeclared { size });
        }
        if self.eight_bit {
            mail.push_str(" BODY=8BITMIME");
            self.note(ClientNote::EightBitDeclared);
        }
        self.use_bdat = self.settings.chunking && self.ext.chunking;
        self.pipelined = self.settings.pipelining && self.ext.pipelining;
        if !self.pipelined {
            return self.command(&mail, Expect::Mail, actions);
        }
        let mut lines = vec![(mail, Expect::Mail)];
        for (i, r) in self.outcome.recipients.iter().enumerate() {
            lines.push((format!("RCPT TO:<{}>", r.address), Expect::Rcpt(i)));
        }
        if !self.use_bdat {
            lines.push(("DATA".into(), Expect::Data));
        }
        self.note(ClientNote::Pipelining {
            commands: lines.len(),
        });
        let mut group = Vec::new();
        for (line, expect) in lines {
            self.sent_line(&line);
            self.pending.push_back(expect);
            group.extend_from_slice(line.as_bytes());
            group.extend_from_slice(b"\r\n");
        }
        actions.push(Action::Send(group));
    }

    pub(super) fn no_recipient(&self) -> Failure {
        let deferred = self
            .outcome
            .recipients
            .iter()
            .filter(|r| r.status == RecipientStatus::Deferred)
            .count();
        Failure::NoRecipientAccepted { deferred }
    }

    pub(super) fn next_rcpt(&mut self, index: usize, actions: &mut Vec<Action>) {
        match self.outcome.recipients.get(index) {
            Some(r) => {
                let line = format!("RCPT TO:<{}>", r.address);
                self.command(&line, Expect::Rcpt(index), actions);
            }
            None => self.fail_and_quit(self.no_recipient(), actions),
        }
    }

    /// DATA, or BDAT with the whole message as one chunk.
    pub(super) fn send_data_command(&mut self, actions: &mut Vec<Action>) {
        if !self.use_bdat {
            return self.command("DATA", Expect::Data, actions);
        }
        let octets = self.message.len();
        let line = format!("BDAT {octets} LAST");
        self.note(ClientNote::SendingChunk { octets });
        self.sent_line(&line);
        self.record_data();
        self.pending.push_back(Expect::Message);
        let mut bytes = format!("{line}\r\n").into_bytes();
        bytes.extend_from_slice(&self.message);
        actions.push(Action::Send(bytes));
    }

    pub(super) fn send_message(&mut self, actions: &mut Vec<Action>) {
        let data = data_section(&self.message);
        let mut at_line_start = true;
        let mut stuffed = 0;
        for &b in &self.message {
            if at_line_start && b == b'.' {
                stuffed += 1;
            }
            at_line_start = b == b'\n';
        }
        self.note(ClientNote::SendingData {
            octets: self.message.len(),
            stuffed,
        });
        self.record_data();
        self.sent_line(".");
        self.pending.push_back(Expect::Message);
        actions.push(Action::Send(data));
    }

    pub(super) fn record_data(&mut self) {
        let octets = self.message.len();
        let lines = self
            .message
            .split(|b| *b == b'\n')
            .count()
            .saturating_sub(usize::from(self.message.ends_with(b"\n")));
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Data { octets, lines });
        }
        self.log_line(format!("Sent: [message: {octets} octets, {lines} lines]"));
    }

    /// Ends the session and writes the log in the plugin's form.
    pub(super) fn finish(&mut self) {
        if self.done {
            return;
        }
        self.done = true;
        self.pending.clear();
        for r in &mut self.outcome.recipients {
            if r.status == RecipientStatus::Accepted && !self.outcome.delivered {
                r.status = RecipientStatus::NotDelivered;
            }
        }
        let mut log = Vec::new();
        let failed_reply = match &self.outcome.failure {
            Some(Failure::Reply { stage, reply }) => Some((*stage, reply.clone())),
            _ => None,
        };
        if let Some((stage, reply)) = failed_reply {
            log.push(format!(
                "There was an unexpected problem communicating with SMTP: Unexpected return code - Expected: {}, Got: {} | {}",
                stage.expected(),
                reply.code,
                reply.last_line()
            ));
        } else if let Some(failure) = &self.outcome.failure {
            log.push(format!(
                "There was an unexpected problem communicating with SMTP: {}",
                failure.explain(Lang::En)
            ));
        }
        if self.settings.debug {
            log.push("SMTP log:".into());
            log.append(&mut self.debug_log);
            if self.settings.user.is_some() {
                log.push("Above may contain passwords - do not post online!".into());
            }
        }
        log.push(if self.outcome.delivered {
            "Message was sent. SMTP seems to work.".into()
        } else {
            "Message wasn't sent. SMTP seems not to work properly.".into()
        });
        self.outcome.log = log;
    }
}
