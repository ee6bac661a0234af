//! AUTH (RFC 4954 §4): the SMTP side of a SASL exchange. The exchange itself is the
//! mechanism's (`crate::sasl::registry`); here it is framed in base64 on 334 lines and its
//! outcome mapped to a reply.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::replies::Vars;
use super::state::{Phase, Transition};
use super::{Event, Server};
use crate::sasl::exchange::{AuthStep, ServerEnv, ServerExchange, ServerFailure, ServerStep};
use crate::sasl::{login, registry};
use crate::smtp::profile::{Extension, Profile};
use crate::smtp::why::{Detail, Leniency, SaslProblem, Situation};

impl Server {
    pub(super) fn auth(&mut self, mechanism: &str, initial: Option<&str>, events: &mut Vec<Event>) {
        let shown: String = crate::i18n::cut::chars(mechanism, 40).to_string();
        let vars = Vars {
            addr: &shown,
            ..Vars::default()
        };
        let esmtp = self.hello.as_ref().is_some_and(|h| h.esmtp);
        if self.config.profile.auth_needs_ehlo() {
            if self.hello.is_none() {
                return self.say(events, Situation::NeedHelo, &vars, None);
            }
            if !esmtp && !self.config.profile.auth_after_helo() {
                return self.say(events, Situation::AuthNotOffered, &vars, None);
            }
            if !esmtp {
                self.leniency.get_or_insert(Leniency::AuthWithoutEhlo);
            }
        } else if !esmtp {
            self.leniency.get_or_insert(Leniency::AuthWithoutEhlo);
        }
        if self.auth_hidden_before_tls() {
            return self.say(events, Situation::AuthNeedsEncryption, &vars, None);
        }
        if !self.offers(Extension::Auth) {
            return self.say(events, Situation::AuthNotOffered, &vars, None);
        }
        if self.user.is_some() {
            return self.say(events, Situation::AuthAlready, &vars, None);
        }
        if self.has_tx() {
            return self.say(events, Situation::AuthInTransaction, &vars, None);
        }
        if self.config.policies.tls_before_auth && !self.tls {
            return self.say(events, Situation::TlsRequired, &vars, None);
        }
        let Some(found) = registry::find_server(mechanism) else {
            // Listed because the real server lists it (Gmail's XOAUTH), not simulated.
            let listed = self
                .config
                .profile
                .mechanisms()
                .iter()
                .any(|m| m.eq_ignore_ascii_case(mechanism.trim()));
            let detail = listed.then_some(Detail::NotSimulated);
            return self.say(events, Situation::AuthUnknownMechanism, &vars, detail);
        };
        // A mechanism the profile does not list, or an initial response to a mechanism in
        // which the server speaks first (RFC 4954 §4), is an unknown mechanism to the server.
        if !self.config.profile.mechanisms().contains(&found.name)
            || (initial.is_some() && !found.initial_response)
        {
            return self.say(events, Situation::AuthUnknownMechanism, &vars, None);
        }
        let exchange = (found.server)();
        match initial {
            None => {
                let mut exchange = exchange;
                let step = exchange.start(&mut self.sasl_env());
                self.auth_outcome(exchange, step, events);
            }
            Some(response) => self.auth_response(exchange, response.as_bytes(), events),
        }
    }

    /// What a SASL exchange may consult: accounts, names, nonces. A free function of the
    /// fields so the exchange can draw nonces while the configuration is borrowed.
    pub(super) fn sasl_env(&mut self) -> ServerEnv<'_> {
        let config = &self.config;
        ServerEnv {
            hostname: &config.hostname,
            aliases: &config.aliases,
            domain: config
                .local_domains
                .first()
                .map(String::as_str)
                .unwrap_or(""),
            accounts: &config.accounts,
            backend_down: config.policies.sasl_daemon_down,
            username_prompt: if config.profile == Profile::Coremail163 {
                // 163.com's Coremail asks `username:` in lower case (seed 000:
                // `334 dXNlcm5hbWU6`), then `Password:` as usual (`334 UGFzc3dvcmQ6`).
                "username:"
            } else {
                login::USERNAME_PROMPT
            },
            nonces: &mut self.nonces,
            oauth: config.profile.oauth_errors(),
        }
    }

    /// One response line of a SASL exchange (or AUTH's initial response): `*` cancels
    /// (RFC 4954 §4), anything else must be base64 (`=` for empty) and goes to the
    /// exchange.
    pub(super) fn auth_response(
        &mut self,
        mut exchange: Box<dyn ServerExchange>,
        line: &[u8],
        events: &mut Vec<Event>,
    ) {
        let text = String::from_utf8_lossy(line);
        let text = text.trim();
        self.enter(Phase::Command(None), Transition::AuthResponse);
        let shown: String = crate::i18n::cut::chars(text, 60).to_string();
        let vars = Vars {
            addr: &shown,
            ..Vars::default()
        };
        if text == "*" {
            return self.say(events, Situation::AuthCancelled, &vars, None);
        }
        // RFC 4954 §4: "=" is an empty initial response.
        let decoded = if text == "=" {
            Ok(Vec::new())
        } else {
            BASE64.decode(text)
        };
        let Ok(decoded) = decoded else {
            return self.say(events, Situation::AuthBadBase64, &vars, None);
        };
        let step = exchange.step(&mut self.sasl_env(), &decoded);
        self.auth_outcome(exchange, step, events);
    }

    /// Maps an exchange's step to the reply: a 334 challenge (the exchange then waits for
    /// the next line), 235 with the user recorded, or the profile's failure reply.
    pub(super) fn auth_outcome(
        &mut self,
        exchange: Box<dyn ServerExchange>,
        step: ServerStep,
        events: &mut Vec<Event>,
    ) {
        let vars = Vars::default();
        match step {
            AuthStep::Challenge(message) => {
                let encoded = BASE64.encode(&message.bytes);
                let vars = Vars {
                    challenge: &encoded,
                    ..Vars::default()
                };
                self.enter(Phase::Auth(exchange), Transition::AuthChallenge);
                let profile = self.config.profile;
                let detail = message.shown.map(|shown| {
                    // RFC 7628 §3.2.2's error challenge is a JSON object with a status.
                    if shown.starts_with("{\"status\"") {
                        Detail::Provider {
                            note: profile.oauth_challenge_note(&shown),
                            then: Some(Box::new(Detail::Challenge(shown))),
                        }
                    } else {
                        Detail::Challenge(shown)
                    }
                });
                self.say(events, Situation::AuthChallenge, &vars, detail);
            }
            AuthStep::Success(user) => {
                self.user = Some(user);
                self.say(events, Situation::AuthOk, &vars, None);
            }
            AuthStep::Failure(failure) => {
                let (situation, problem) = match failure {
                    ServerFailure::Malformed(problem) => (Situation::AuthMalformed, problem),
                    ServerFailure::Rejected(problem) => (Situation::AuthFailed, problem),
                    ServerFailure::BackendDown => {
                        (Situation::AuthBackendDown, SaslProblem::DaemonDown)
                    }
                };
                self.say(events, situation, &vars, Some(Detail::Sasl(problem)));
            }
        }
    }
}
