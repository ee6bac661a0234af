//! Commands: one command line parsed and answered (RFC 5321 §4.1), the EHLO keywords the
//! profile offers, VRFY and EXPN, and the close.

use super::replies::Vars;
use super::state::{Hello, Phase, Transaction, Transition};
use super::{Event, Server};
use crate::smtp::command::{self, Command, ParseError};
use crate::smtp::profile::{fault_template, Extension, Profile};
use crate::smtp::why::{Detail, Leniency, Situation};

impl Server {
    pub(super) fn command_line(&mut self, text: &str, events: &mut Vec<Event>) {
        let shown: String = crate::i18n::cut::chars(text, 100).to_string();
        let vars = Vars {
            line: &shown,
            ..Vars::default()
        };
        // Postfix's smtpd_forbidden_commands: `CONNECT GET POST` and any first word ending
        // in a colon (a header line sent as a command) end the session.
        let first = text.split_whitespace().next().unwrap_or("");
        let forbidden = (first.len() > 1 && first.ends_with(':'))
            || ["CONNECT", "GET", "POST"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w));
        // Sendmail takes an HTTP request for an open-proxy probe (recorded: `GET /`).
        let http = ["CONNECT", "GET", "POST"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w));
        if (forbidden && self.config.profile == Profile::Postfix)
            || (http && self.config.profile == Profile::Sendmail)
        {
            self.say(events, Situation::ForbiddenCommand, &vars, None);
            return self.close(events);
        }
        let parsed = match command::parse(text) {
            Err(ParseError::Syntax {
                verb,
                problem: command::Syntax::UnexpectedArgument,
            }) if self.config.profile.ignores_argument(verb) => {
                self.leniency = Some(Leniency::IgnoredArgument(verb));
                command::parse(verb)
            }
            other => other,
        };
        let command = match parsed {
            Ok(command) => command,
            Err(ParseError::Unknown { suggestion, .. }) => {
                let detail = suggestion.map(Detail::DidYouMean);
                return self.say(events, Situation::Unrecognized, &vars, detail);
            }
            Err(ParseError::Syntax { verb, problem }) => {
                // The argument as typed: after `FROM:`/`TO:` for MAIL and RCPT.
                let after_verb = text.trim_start().get(verb.len()..).unwrap_or("").trim();
                let raw = match after_verb.split_once(':') {
                    Some((_, arg)) if matches!(verb, "MAIL" | "RCPT") => arg.trim(),
                    _ => after_verb,
                };
                let raw: String = crate::i18n::cut::chars(raw, 100).to_string();
                let vars = Vars {
                    verb,
                    raw: &raw,
                    ..vars
                };
                let template = self.config.profile.syntax_template(verb, problem);
                let reply = self.reply_from(
                    template,
                    Situation::SyntaxError,
                    &vars,
                    Some(Detail::Syntax(problem)),
                );
                events.push(Event::Reply(reply));
                return;
            }
            Err(_) => {
                return self.say(events, Situation::Unrecognized, &vars, None);
            }
        };
        // QUIT is always honoured; BDAT is never faulted, because its chunk would then be
        // read as commands (RFC 3030 §2: the chunk is read even when the command fails).
        if !matches!(command, Command::Quit | Command::Bdat { .. }) {
            if let Some(code) = self.fault_fires() {
                let template = fault_template(code);
                let reply = self.reply_from(
                    template,
                    Situation::Fault,
                    &vars,
                    Some(Detail::FaultCode(code)),
                );
                events.push(Event::Reply(reply));
                if code == 421 {
                    self.close(events);
                }
                return;
            }
        }
        self.command(command, &shown, events);
    }

    pub(super) fn close(&mut self, events: &mut Vec<Event>) {
        // A closed connection has no session left to describe.
        self.hello = None;
        self.user = None;
        self.enter(Phase::Closed, Transition::Close);
        events.push(Event::Closed);
    }

    pub(super) fn command(&mut self, command: Command, line: &str, events: &mut Vec<Event>) {
        let profile = self.config.profile;
        let vars = Vars {
            line,
            ..Vars::default()
        };
        match command {
            Command::Helo(name) => {
                self.take_tx();
                self.hello = Some(Hello { name, esmtp: false });
                self.say(events, Situation::Helo, &vars, None);
            }
            Command::Ehlo(name) => {
                self.take_tx();
                self.hello = Some(Hello { name, esmtp: true });
                let mut reply = self.reply(Situation::Ehlo, &vars, None);
                reply.lines.truncate(1);
                reply.lines.extend(self.ehlo_keywords());
                events.push(Event::Reply(reply));
            }
            Command::Mail(path) => self.mail(path, line, events),
            Command::Rcpt(path) => self.rcpt(path, line, events),
            Command::Data => {
                // RFC 5321 §4.1.4: HELO or EHLO, then MAIL, then RCPT, then DATA; a command
                // out of that order gets 503 and changes nothing.
                if self.hello.is_none() && profile.helo_required() {
                    return self.say(events, Situation::NeedHelo, &vars, None);
                }
                match self.take_tx() {
                    None => {
                        let detail = self.transaction_detail();
                        self.say(events, Situation::NeedMail, &vars, Some(detail));
                    }
                    Some(tx) if tx.recipients.is_empty() => {
                        let detail = Detail::Transaction {
                            from: Some(tx.from.clone()),
                            recipients: 0,
                        };
                        // RFC 5321 §4.1.4: DATA before any accepted RCPT is refused (503).
                        self.enter(Phase::Command(Some(tx)), Transition::OutOfOrder);
                        self.say(events, Situation::NeedRcpt, &vars, Some(detail));
                    }
                    Some(tx) if tx.chunked => {
                        // RFC 3030 §2: DATA in a transaction begun with BDAT is refused.
                        self.enter(Phase::Command(Some(tx)), Transition::OutOfOrder);
                        self.say(events, Situation::MixedDataBdat, &vars, None);
                    }
                    Some(tx) => {
                        self.enter(Phase::Data(tx), Transition::DataStarts);
                        self.say(events, Situation::DataGo, &vars, None);
                    }
                }
            }
            Command::Bdat { size, last } => {
                if !self.offers(Extension::Chunking) {
                    return self.say(events, Situation::Unrecognized, &vars, None);
                }
                let (tx, accept) = match self.take_tx() {
                    Some(tx) if !tx.recipients.is_empty() => (
                        Some(Transaction {
                            chunked: true,
                            ..tx
                        }),
                        true,
                    ),
                    // Out of sequence: the chunk is read anyway, then refused (RFC 3030 §2).
                    other => (other, false),
                };
                // Exim refuses at once, then reads the chunk and drops it (recorded).
                let answered = !accept && profile == Profile::Exim;
                if answered {
                    let held = tx.as_ref().map(|t| Detail::Transaction {
                        from: Some(t.from.clone()),
                        recipients: t.recipients.len(),
                    });
                    self.say(events, Situation::BdatOutOfSequence, &vars, held);
                }
                self.enter(
                    Phase::Chunk {
                        tx,
                        accept,
                        remaining: size,
                        last,
                        answered,
                    },
                    Transition::Chunk,
                );
                if size == 0 {
                    self.end_chunk(events);
                }
            }
            Command::Rset => {
                self.take_tx();
                self.say(events, Situation::RsetOk, &vars, None);
            }
            Command::Noop => self.say(events, Situation::NoopOk, &vars, None),
            Command::Quit => {
                self.say(events, Situation::Bye, &vars, None);
                self.close(events);
            }
            Command::Help(topic) => {
                let topic_shown: String =
                    crate::i18n::cut::chars(topic.as_deref().unwrap_or(""), 40).to_string();
                let vars = Vars {
                    line: &topic_shown,
                    ..Vars::default()
                };
                match profile.help(topic.as_deref()) {
                    Some(template) => {
                        let reply = self.reply_from(template, Situation::Help, &vars, None);
                        events.push(Event::Reply(reply));
                    }
                    None => self.say(events, Situation::HelpUnsupported, &vars, None),
                }
            }
            Command::Vrfy(arg) => self.vrfy(
                &arg,
                self.config.policies.vrfy_allowed,
                Situation::VrfyDisabled,
                events,
            ),
            Command::Expn(arg) => self.vrfy(
                &arg,
                self.config.policies.expn_allowed,
                Situation::ExpnDisabled,
                events,
            ),
            Command::Auth { mechanism, initial } => {
                self.auth(&mechanism, initial.as_deref(), events)
            }
            Command::Etrn(domain) => {
                if profile == Profile::Exim {
                    // Exim knows ETRN but refuses it unless smtp_etrn_hosts allows (recorded).
                    return self.say(events, Situation::EtrnRefused, &vars, None);
                }
                if !self.offers(Extension::Etrn) {
                    return self.say(events, Situation::Unrecognized, &vars, None);
                }
                let Some(domain) = domain else {
                    return self.say(events, Situation::EtrnNoDomain, &vars, None);
                };
                let shown: String = domain
                    .trim_start_matches(['@', '#'])
                    .chars()
                    .take(100)
                    .collect();
                let vars = Vars {
                    addr: &shown,
                    ..vars
                };
                // Postfix flushes only fast_flush_domains ($relay_domains, empty by default);
                // Sendmail runs its queue for any node.
                let situation = if profile == Profile::Postfix {
                    Situation::EtrnRefused
                } else {
                    Situation::EtrnStarted
                };
                self.say(events, situation, &vars, None);
            }
            Command::Verb => {
                if !self.offers(Extension::Verb) {
                    return self.say(events, Situation::Unrecognized, &vars, None);
                }
                self.say(events, Situation::VerbOk, &vars, None);
            }
            Command::StartTls => {
                if self.tls {
                    return self.say(events, Situation::TlsAlready, &vars, None);
                }
                if !self.offers(Extension::StartTls)
                    || !self.hello.as_ref().is_some_and(|h| h.esmtp)
                {
                    return self.say(events, Situation::TlsNotOffered, &vars, None);
                }
                self.say(events, Situation::TlsReady, &vars, None);
                events.push(Event::TlsStarted);
                // RFC 3207 §4.2: the server MUST discard any knowledge obtained from the
                // client before the TLS negotiation.
                self.tls = true;
                self.hello = None;
                self.user = None;
                self.enter(Phase::Command(None), Transition::TlsStarts);
            }
        }
    }

    /// AUTH is not announced nor accepted before TLS (Postfix's smtpd_tls_auth_only).
    pub(super) fn auth_hidden_before_tls(&self) -> bool {
        self.config.policies.tls_before_auth
            && !self.tls
            && self.config.profile.hides_auth_before_tls()
    }

    pub(super) fn offers(&self, extension: Extension) -> bool {
        let profile = self.config.profile;
        match extension {
            Extension::StartTls => profile.offers(extension) && self.config.starttls && !self.tls,
            Extension::Vrfy => profile == Profile::Postfix && self.config.policies.vrfy_allowed,
            Extension::EnhancedStatusCodes => profile.enhanced_codes(),
            Extension::Auth => profile.offers(extension) && !self.auth_hidden_before_tls(),
            _ => profile.offers(extension),
        }
    }

    /// The EHLO keywords, in the profile's order, for the session's current state.
    pub(super) fn ehlo_keywords(&self) -> Vec<String> {
        // The profile's own SIZE (Outlook's 157286400, 163.com's 73400320), as the real
        // server advertises it; the engine still keeps no message over
        // [`HARD_MAX_MESSAGE`], which only a message of more than 64 MiB meets.
        let max = self.config.policies.max_message_size;
        let mechanisms = self.config.profile.mechanisms().join(" ");
        let mut out = Vec::new();
        let mut add = |on: bool, keyword: String| {
            if on {
                out.push(keyword);
            }
        };
        match self.config.profile {
            Profile::Coremail163 => {
                add(self.offers(Extension::Pipelining), "PIPELINING".into());
                add(self.offers(Extension::Auth), "AUTH LOGIN PLAIN".into());
                add(self.offers(Extension::Auth), "AUTH=LOGIN PLAIN".into());
                add(true, "coremail 1Uxr2xKj7kG0xkI17xGrU7I0s8FY2U3Uj8Cz28x1UUUUU7Ic2I0Y2UFdFM3xUCa0xDrUUUUj".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::EightBitMime), "8BITMIME".into());
            }
            Profile::Sendmail => {
                // Sendmail 8.17's list (recorded), in its order.
                add(true, "ENHANCEDSTATUSCODES".into());
                add(true, "PIPELINING".into());
                add(self.config.policies.expn_allowed, "EXPN".into());
                add(true, "VERB".into());
                add(true, "8BITMIME".into());
                add(true, format!("SIZE {max}"));
                add(true, "DSN".into());
                add(true, "ETRN".into());
                add(true, format!("AUTH {mechanisms}"));
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(true, "DELIVERBY".into());
                add(true, "HELP".into());
            }
            Profile::Rfc5321 => {
                add(true, "PIPELINING".into());
                add(true, format!("SIZE {max}"));
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(true, format!("AUTH {mechanisms}"));
                add(true, "ENHANCEDSTATUSCODES".into());
                add(true, "8BITMIME".into());
                add(true, "DSN".into());
                add(true, "SMTPUTF8".into());
                add(true, "CHUNKING".into());
            }
            // The published smtplib log's list, in its order: STARTTLS before TLS, AUTH
            // after it.
            Profile::Gmail => {
                add(self.offers(Extension::Size), format!("SIZE {max}"));
                add(self.offers(Extension::EightBitMime), "8BITMIME".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::Auth), format!("AUTH {mechanisms}"));
                add(
                    self.offers(Extension::EnhancedStatusCodes),
                    "ENHANCEDSTATUSCODES".into(),
                );
                add(self.offers(Extension::Pipelining), "PIPELINING".into());
                add(self.offers(Extension::Chunking), "CHUNKING".into());
                add(self.offers(Extension::Smtputf8), "SMTPUTF8".into());
            }
            // Microsoft 365's published lists, before and after STARTTLS (kisli/vmime#265),
            // without the BINARYMIME the engine does not simulate.
            Profile::Outlook => {
                add(self.offers(Extension::Size), format!("SIZE {max}"));
                add(self.offers(Extension::Pipelining), "PIPELINING".into());
                add(self.offers(Extension::Dsn), "DSN".into());
                add(
                    self.offers(Extension::EnhancedStatusCodes),
                    "ENHANCEDSTATUSCODES".into(),
                );
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::Auth), format!("AUTH {mechanisms}"));
                add(self.offers(Extension::EightBitMime), "8BITMIME".into());
                add(self.offers(Extension::Chunking), "CHUNKING".into());
                add(self.offers(Extension::Smtputf8), "SMTPUTF8".into());
            }
            // The AUTH line as published; the other keywords are the engine's generic ones,
            // in the strict profile's order.
            Profile::QqMail => {
                add(self.offers(Extension::Pipelining), "PIPELINING".into());
                add(self.offers(Extension::Size), format!("SIZE {max}"));
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::Auth), format!("AUTH {mechanisms}"));
                add(
                    self.offers(Extension::EnhancedStatusCodes),
                    "ENHANCEDSTATUSCODES".into(),
                );
                add(self.offers(Extension::EightBitMime), "8BITMIME".into());
            }
            // Exim 4.96 (recorded). PIPECONNECT lets a client send EHLO before the banner,
            // which this engine takes like any pipelined input.
            Profile::Exim => {
                add(true, format!("SIZE {max}"));
                add(true, "8BITMIME".into());
                add(true, "PIPELINING".into());
                add(true, "PIPECONNECT".into());
                add(true, format!("AUTH {mechanisms}"));
                add(true, "CHUNKING".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(true, "PRDR".into());
                add(true, "HELP".into());
            }
            Profile::Postfix => {
                add(true, "PIPELINING".into());
                add(true, format!("SIZE {max}"));
                add(self.offers(Extension::Vrfy), "VRFY".into());
                add(true, "ETRN".into());
                add(self.offers(Extension::StartTls), "STARTTLS".into());
                add(self.offers(Extension::Auth), format!("AUTH {mechanisms}"));
                add(true, "ENHANCEDSTATUSCODES".into());
                add(true, "8BITMIME".into());
                add(true, "DSN".into());
                add(true, "SMTPUTF8".into());
                add(true, "CHUNKING".into());
            }
        }
        out
    }

    pub(super) fn vrfy(
        &mut self,
        arg: &str,
        allowed: bool,
        disabled: Situation,
        events: &mut Vec<Event>,
    ) {
        let address = arg.trim().trim_start_matches('<').trim_end_matches('>');
        let shown: String = crate::i18n::cut::chars(address, 100).to_string();
        let raw: String = crate::i18n::cut::chars(arg.trim(), 100).to_string();
        let vars = Vars {
            addr: &shown,
            raw: &raw,
            ..Vars::default()
        };
        if !allowed {
            return self.say(events, disabled, &vars, None);
        }
        if self.config.profile == Profile::Exim {
            // Exim wants a domain, then answers 252 without verifying (recorded).
            if !address.contains('@') {
                return self.unqualified("VRFY", &vars, events);
            }
            return self.say(events, Situation::VrfyNoVerify, &vars, None);
        }
        let full = if address.contains('@') {
            address.to_string()
        } else {
            self.config.account_address(address)
        };
        let situation = if !self.config.is_local(&full) || self.config.mailboxes.is_empty() {
            Situation::VrfyNoVerify
        } else if self.config.knows_mailbox(&full) {
            Situation::VrfyOk
        } else {
            Situation::VrfyUnknown
        };
        let vars = Vars {
            addr: &shown,
            raw: &raw,
            full: &full,
            ..Vars::default()
        };
        self.say(events, situation, &vars, None);
    }
}
