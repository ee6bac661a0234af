//! The dialog's plumbing: server bytes cut into lines and assembled into replies, each
//! command written with the reply it awaits, the transcript and the debug log, QUIT.

use super::{
    Action, Client, ClientNote, Entry, Expect, Failure, ServerReply, MAX_REPLY_LINE,
    MAX_REPLY_LINES, MAX_TRANSCRIPT,
};

impl Client {
    pub(super) fn push_buffer(&mut self, bytes: &[u8]) {
        let room = MAX_REPLY_LINE.saturating_sub(self.buffer.len());
        self.buffer
            .extend_from_slice(bytes.get(..bytes.len().min(room)).unwrap_or_default());
    }

    /// Appends to the debug log, bounded like the transcript.
    pub(super) fn log_line(&mut self, line: String) {
        if self.debug_log.len() < MAX_TRANSCRIPT {
            self.debug_log.push(line);
        }
    }

    pub(super) fn note(&mut self, note: ClientNote) {
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Note(note));
        }
    }

    pub(super) fn fail(&mut self, failure: Failure) {
        if self.outcome.failure.is_none() {
            self.note(ClientNote::Failed(failure.clone()));
            self.outcome.failure = Some(failure);
        }
    }

    /// One line from the server.
    pub(super) fn line(&mut self, text: String, actions: &mut Vec<Action>) {
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Got(text.clone()));
        }
        self.log_line(format!("Got: {text}"));
        let bytes = text.as_bytes();
        let code = bytes
            .get(..3)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| d.parse::<u16>().ok())
            .filter(|c| (200..600).contains(c));
        let separator = bytes.get(3).copied();
        let (Some(code), Some(b' ' | b'-') | None) = (code, separator) else {
            return self.protocol_error(&text, actions);
        };
        let last = separator != Some(b'-');
        if self.reply_lines.len() >= MAX_REPLY_LINES {
            return self.protocol_error(&text, actions);
        }
        self.reply_lines.push(text);
        if !last {
            return;
        }
        let reply = ServerReply {
            code,
            lines: std::mem::take(&mut self.reply_lines),
        };
        let Some(expect) = self.pending.pop_front() else {
            // A reply nobody asked for.
            let line = reply.last_line().to_string();
            return self.protocol_error(&line, actions);
        };
        if code == 421 && !matches!(expect, Expect::Quit) {
            // RFC 5321 §3.8: the server is closing; no QUIT.
            self.fail(Failure::Reply {
                stage: expect.stage(),
                reply,
            });
            self.pending.clear();
            self.finish();
            actions.push(Action::Close);
            return;
        }
        self.reply(expect, reply, actions);
    }

    pub(super) fn protocol_error(&mut self, line: &str, actions: &mut Vec<Action>) {
        self.fail(Failure::Protocol {
            line: crate::i18n::cut::chars(line, 100).to_string(),
        });
        self.pending.clear();
        self.finish();
        actions.push(Action::Close);
    }

    /// Sends one command line and expects its reply.
    pub(super) fn command(&mut self, line: &str, expect: Expect, actions: &mut Vec<Action>) {
        self.sent_line(line);
        self.pending.push_back(expect);
        actions.push(Action::Send(format!("{line}\r\n").into_bytes()));
    }

    pub(super) fn sent_line(&mut self, line: &str) {
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Sent(line.to_string()));
        }
        self.log_line(format!("Sent: {line}"));
    }

    pub(super) fn quit(&mut self, actions: &mut Vec<Action>) {
        if self.quit_sent || self.done {
            return;
        }
        self.quit_sent = true;
        self.note(ClientNote::Quitting);
        self.command("QUIT", Expect::Quit, actions);
    }

    /// Fails and says QUIT once every reply already asked for has come (pipelining).
    pub(super) fn fail_and_quit(&mut self, failure: Failure, actions: &mut Vec<Action>) {
        self.fail(failure);
        if self.pending.is_empty() {
            self.quit(actions);
        }
    }
}
