//! The envelope: MAIL FROM and RCPT TO (RFC 5321 §4.1.1.2, §4.1.1.3), their parameters
//! (RFC 5321 §4.1.1.11) and addresses qualified with the local domain.

use super::replies::Vars;
use super::state::{Phase, Transaction, Transition};
use super::{Event, Server, MAX_RECIPIENTS};
use crate::smtp::command::{self, PathArg};
use crate::smtp::profile::{Extension, Profile, Template};
use crate::smtp::why::{Detail, Leniency, Situation};

impl Server {
    /// Checks MAIL/RCPT parameters against the advertised extensions.
    pub(super) fn check_params(
        &self,
        path: &PathArg,
        mail: bool,
    ) -> Result<bool, (Situation, String, Option<Detail>)> {
        let mut smtputf8 = false;
        for (key, value) in &path.params {
            let ok = match (mail, key.as_str()) {
                (true, "SIZE") => {
                    if !self.offers(Extension::Size) {
                        false
                    } else {
                        let size = value.as_deref().and_then(|v| v.parse::<u64>().ok());
                        match size {
                            None => {
                                return Err((
                                    Situation::SyntaxError,
                                    key.clone(),
                                    Some(Detail::Syntax(command::Syntax::BadParameter)),
                                ))
                            }
                            Some(size) if size > self.size_cap() => {
                                return Err((
                                    Situation::SizeTooBig,
                                    key.clone(),
                                    Some(Detail::Limit {
                                        limit: self.size_cap(),
                                        seen: size,
                                    }),
                                ));
                            }
                            Some(_) => true,
                        }
                    }
                }
                (true, "BODY") => {
                    self.offers(Extension::EightBitMime)
                        && value.as_deref().is_some_and(|v| {
                            v.eq_ignore_ascii_case("7BIT") || v.eq_ignore_ascii_case("8BITMIME")
                        })
                }
                (true, "SMTPUTF8") => {
                    smtputf8 = true;
                    self.offers(Extension::Smtputf8) && value.is_none()
                }
                // Exim takes MAIL's DSN parameters even without advertising DSN (recorded).
                (true, "RET" | "ENVID") if self.config.profile == Profile::Exim => true,
                (true, "RET" | "ENVID") | (false, "NOTIFY" | "ORCPT") => {
                    self.offers(Extension::Dsn)
                }
                (true, "PRDR") => self.offers(Extension::Prdr) && value.is_none(),
                (true, "AUTH") => self.offers(Extension::Auth),
                // RFC 2852 §4: BY=<seconds>;<R|N>[T].
                (true, "BY") => {
                    self.offers(Extension::DeliverBy)
                        && value.as_deref().is_some_and(|v| {
                            v.split_once(';').is_some_and(|(time, mode)| {
                                time.trim_start_matches('-').parse::<i64>().is_ok()
                                    && matches!(
                                        mode.to_ascii_uppercase().as_str(),
                                        "R" | "N" | "RT" | "NT"
                                    )
                            })
                        })
                }
                _ => false,
            };
            if !ok {
                let shown = match value {
                    Some(v) => format!("{key}={v}"),
                    None => key.clone(),
                };
                return Err((
                    Situation::ParamUnsupported,
                    crate::i18n::cut::chars(&shown, 60).to_string(),
                    None,
                ));
            }
        }
        Ok(smtputf8)
    }

    pub(super) fn mail(&mut self, mut path: PathArg, line: &str, events: &mut Vec<Event>) {
        let raw = raw_path(&path);
        let typed = path.address.clone();
        let vars = Vars {
            line,
            addr: &typed,
            raw: &raw,
            verb: "MAIL",
            limit: self.size_cap(),
            ..Vars::default()
        };
        let Some(full) = self.full_address(&path.address, &vars, events) else {
            return;
        };
        path.address = full;
        // RFC 5321 §4.1.4: MAIL needs HELO or EHLO first, and no transaction already open.
        if self.hello.is_none() {
            if self.config.profile.helo_required() {
                return self.say(events, Situation::NeedHelo, &vars, None);
            }
            self.leniency.get_or_insert(Leniency::NoHelo);
        }
        if self.has_tx() {
            let detail = self.transaction_detail();
            return self.say(events, Situation::NestedMail, &vars, Some(detail));
        }
        // Gmail takes no mail before STARTTLS, with or without AUTH.
        if self.config.policies.tls_before_auth
            && !self.tls
            && self.config.profile.refuses_mail_before_tls()
        {
            return self.say(events, Situation::TlsRequired, &vars, None);
        }
        if self.config.policies.require_auth && self.user.is_none() {
            return self.say(events, Situation::AuthRequired, &vars, None);
        }
        let smtputf8 = match self.check_params(&path, true) {
            Ok(utf8) => utf8,
            Err(refusal) => return self.refuse_param(refusal, &vars, events),
        };
        if !path.address.is_ascii() && !smtputf8 {
            return self.say(events, Situation::Utf8Required, &vars, None);
        }
        if self.config.policies.sender_must_match_auth {
            if let Some(user) = self.user.clone() {
                let owned = self.config.account_address(&user);
                if !path.address.eq_ignore_ascii_case(&owned) {
                    let vars = Vars {
                        user: &user,
                        ..vars
                    };
                    return self.say(
                        events,
                        Situation::SenderMismatch,
                        &vars,
                        Some(Detail::AuthenticatedAs(owned)),
                    );
                }
            }
        }
        let prdr = path.param("PRDR").is_some();
        self.enter(
            Phase::Command(Some(Transaction {
                from: path.address.clone(),
                smtputf8,
                prdr,
                ..Transaction::default()
            })),
            Transition::MailOpensTransaction,
        );
        let detail = (!path.bracketed).then_some(Detail::NoBrackets);
        if prdr {
            // Exim's words for it (recorded).
            let template = Template {
                code: 250,
                enhanced: None,
                lines: &["OK, PRDR Requested"],
            };
            let reply = self.reply_from(template, Situation::MailOk, &vars, detail);
            return events.push(Event::Reply(reply));
        }
        self.say(events, Situation::MailOk, &vars, detail);
    }

    pub(super) fn rcpt(&mut self, mut path: PathArg, line: &str, events: &mut Vec<Event>) {
        let raw = raw_path(&path);
        let typed = path.address.clone();
        let vars = Vars {
            line,
            addr: &typed,
            raw: &raw,
            verb: "RCPT",
            ..Vars::default()
        };
        let Some(full) = self.full_address(&path.address, &vars, events) else {
            return;
        };
        path.address = full;
        // RFC 5321 §4.1.4: RCPT needs HELO or EHLO first, then MAIL.
        if self.hello.is_none() && self.config.profile.helo_required() {
            return self.say(events, Situation::NeedHelo, &vars, None);
        }
        if !self.has_tx() {
            let detail = self.transaction_detail();
            return self.say(events, Situation::NeedMail, &vars, Some(detail));
        }
        if let Err(refusal) = self.check_params(&path, false) {
            return self.refuse_param(refusal, &vars, events);
        }
        let declared = matches!(&self.phase, Phase::Command(Some(tx)) if tx.smtputf8);
        if !path.address.is_ascii() && !declared {
            return self.say(events, Situation::Utf8RequiredRcpt, &vars, None);
        }
        let policies = &self.config.policies;
        let situation = if self.config.is_local(&path.address) {
            (policies.known_mailboxes_only && !self.config.knows_mailbox(&path.address))
                .then_some(Situation::UnknownUser)
        } else {
            (policies.deny_relay && self.user.is_none()).then_some(Situation::RelayDenied)
        };
        if let Some(situation) = situation {
            return self.say(events, situation, &vars, None);
        }
        if self.config.policies.greylist {
            let from = match &self.phase {
                Phase::Command(Some(tx)) => tx.from.to_ascii_lowercase(),
                _ => String::new(),
            };
            let pair = (from, path.address.to_ascii_lowercase());
            if !self.greylisted.contains(&pair) {
                if self.greylisted.len() >= 1000 {
                    self.greylisted.remove(0);
                }
                self.greylisted.push(pair);
                return self.say(events, Situation::Greylisted, &vars, None);
            }
        }
        let full = matches!(&self.phase, Phase::Command(Some(tx)) if tx.recipients.len() >= MAX_RECIPIENTS);
        if full {
            let template = Template {
                code: 452,
                enhanced: Some("4.5.3"),
                lines: &["Error: too many recipients"],
            };
            let detail = Detail::Limit {
                limit: MAX_RECIPIENTS as u64,
                seen: MAX_RECIPIENTS as u64 + 1,
            };
            let reply = self.reply_from(template, Situation::Fault, &vars, Some(detail));
            events.push(Event::Reply(reply));
            return;
        }
        if let Phase::Command(Some(tx)) = &mut self.phase {
            tx.recipients.push(path.address.clone());
        }
        let detail = (!path.bracketed).then_some(Detail::NoBrackets);
        self.say(events, Situation::RcptOk, &vars, detail);
    }

    /// A bare local part (`MAIL FROM:alice`) qualified with the first local domain, as
    /// Postfix and Sendmail do; `None` where the profile refuses it (Exim, Coremail).
    pub(super) fn qualify(&self, address: &str) -> Option<String> {
        if address.is_empty() || address.contains('@') || address.eq_ignore_ascii_case("postmaster")
        {
            return Some(address.to_string());
        }
        self.config
            .profile
            .qualifies_bare_addresses()
            .then(|| self.config.account_address(address))
    }

    /// What MAIL and RCPT check first: the path's length against the profile's limit, then
    /// a bare local part qualified. The full address, or `None` once the refusal is in
    /// `events`.
    fn full_address(
        &mut self,
        address: &str,
        vars: &Vars,
        events: &mut Vec<Event>,
    ) -> Option<String> {
        if let Some(max) = self.config.profile.max_address() {
            if address.len() > max {
                let detail = Detail::Limit {
                    limit: max as u64,
                    seen: address.len() as u64,
                };
                self.say(events, Situation::PathTooLong, vars, Some(detail));
                return None;
            }
        }
        let full = self.qualify(address);
        if full.is_none() {
            self.unqualified(vars.verb, vars, events);
        }
        full
    }

    /// The reply to a parameter of MAIL or RCPT that [`Self::check_params`] refused, about
    /// the value it names.
    fn refuse_param(
        &mut self,
        (situation, shown, detail): (Situation, String, Option<Detail>),
        vars: &Vars,
        events: &mut Vec<Event>,
    ) {
        let vars = Vars {
            addr: &shown,
            ..*vars
        };
        self.say(events, situation, &vars, detail);
    }

    pub(super) fn unqualified(&mut self, verb: &str, vars: &Vars, events: &mut Vec<Event>) {
        let template = self
            .config
            .profile
            .syntax_template(verb, command::Syntax::NoDomain);
        let detail = Some(Detail::Syntax(command::Syntax::NoDomain));
        let reply = self.reply_from(template, Situation::SyntaxError, vars, detail);
        events.push(Event::Reply(reply));
    }
}

/// The path as the client wrote it: `<a@b>` or `a@b`.
fn raw_path(path: &PathArg) -> String {
    let shown: String = crate::i18n::cut::chars(&path.address, 100).to_string();
    if path.bracketed {
        format!("<{shown}>")
    } else {
        shown
    }
}
