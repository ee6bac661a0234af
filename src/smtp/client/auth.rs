//! AUTH (RFC 4954 §4): the client side of a SASL exchange, framed in base64 on response
//! lines; the exchange itself is the mechanism's (`crate::sasl::registry`).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::{
    Action, AuthReport, Client, ClientNote, Expect, Failure, ServerReply, Stage, PREFERENCE,
};
use crate::i18n::{Text, Tr};
use crate::sasl::exchange::{AuthStep, ClientParams, UNEXPECTED_CHALLENGE};
use crate::sasl::registry;
use crate::sasl::trace::Trace;

const CHALLENGE_NOT_BASE64: Tr = Tr::new(
    "the 334 line {line} is not base64 (RFC 4954 §4).",
    "334 行 {line} 不是 base64（RFC 4954 §4）。",
);

impl Client {
    pub(super) fn start_auth(&mut self, actions: &mut Vec<Action>) {
        let (Some(user), Some(password)) =
            (self.settings.user.clone(), self.settings.password.clone())
        else {
            return self.fail_and_quit(Failure::MissingCredentials, actions);
        };
        if self.ext.keywords.is_empty() || self.ext.auth.is_empty() {
            // HELO only (no extensions at all), or an EHLO reply without AUTH; one that lists
            // STARTTLS in clear text keeps AUTH for inside TLS.
            let failure = if self.ext.starttls && !self.tls {
                Failure::AuthOnlyAfterStartTls
            } else {
                Failure::AuthNotOffered
            };
            return self.fail_and_quit(failure, actions);
        }
        let offered = self.ext.auth.clone();
        let mechanism = match &self.settings.mechanism {
            // Chosen: tried even if not listed (the server's 504 then says why).
            Some(m) => m.to_ascii_uppercase(),
            None => match PREFERENCE.iter().find(|m| offered.iter().any(|o| o == *m)) {
                Some(m) => (*m).to_string(),
                None => return self.fail_and_quit(Failure::NoCommonMechanism { offered }, actions),
            },
        };
        self.note(ClientNote::Mechanism {
            mechanism: mechanism.clone(),
            offered,
            chosen: self.settings.mechanism.is_some(),
        });
        let Some(found) = registry::find(&mechanism) else {
            return self.fail_and_quit(Failure::UnsupportedMechanism(mechanism), actions);
        };
        let nonces = &self.settings.nonces;
        let params = ClientParams {
            user,
            secret: password,
            host: self.settings.host.clone(),
            port: self.settings.port,
            cnonce: nonces.cnonce.clone(),
            scram_nonce: nonces.scram.clone(),
            ntlm_challenge: nonces.ntlm_challenge,
            ntlm_timestamp: nonces.ntlm_timestamp,
        };
        let mut exchange = (found.client)(&params);
        let initial = match exchange.initial() {
            Ok(initial) => initial,
            Err(err) => {
                let failure = Failure::Sasl {
                    mechanism,
                    problem: err,
                };
                return self.fail_and_quit(failure, actions);
            }
        };
        self.outcome.auth = Some(AuthReport {
            mechanism: mechanism.clone(),
            trace: exchange.trace().clone(),
            succeeded: false,
        });
        self.exchange = Some(exchange);
        // RFC 4954 §4: the initial response goes base64 on the AUTH line, "=" if empty.
        let line = match initial {
            None => format!("AUTH {mechanism}"),
            Some(bytes) if bytes.is_empty() => format!("AUTH {mechanism} ="),
            Some(bytes) => format!("AUTH {mechanism} {}", BASE64.encode(bytes)),
        };
        self.command(&line, Expect::Auth { cancelled: false }, actions);
    }

    pub(super) fn cancel_auth(&mut self, failure: Failure, actions: &mut Vec<Action>) {
        self.fail(failure);
        self.note(ClientNote::AuthCancelled);
        self.exchange = None;
        self.command("*", Expect::Auth { cancelled: true }, actions);
    }

    pub(super) fn sasl_failure(&self, problem: Text) -> Failure {
        Failure::Sasl {
            mechanism: self
                .outcome
                .auth
                .as_ref()
                .map(|a| a.mechanism.clone())
                .unwrap_or_default(),
            problem,
        }
    }

    /// A reply during AUTH: 235 ends it, a 334's challenge goes to the exchange and its
    /// response back to the server, anything else is the server's refusal.
    pub(super) fn auth_reply(
        &mut self,
        cancelled: bool,
        reply: ServerReply,
        actions: &mut Vec<Action>,
    ) {
        if cancelled {
            return self.quit(actions);
        }
        if reply.code == 235 {
            self.authenticated = true;
            self.exchange = None;
            if let Some(auth) = &mut self.outcome.auth {
                auth.succeeded = true;
            }
            return self.start_transaction(actions);
        }
        if reply.code != 334 {
            self.exchange = None;
            let failure = Failure::Reply {
                stage: Stage::Auth,
                reply,
            };
            return self.fail_and_quit(failure, actions);
        }
        let encoded = reply
            .lines
            .first()
            .and_then(|l| l.get(4..))
            .unwrap_or("")
            .trim()
            .to_string();
        let Ok(challenge) = BASE64.decode(&encoded) else {
            let failure = self
                .sasl_failure(CHALLENGE_NOT_BASE64.filled(&[("line", &format!("{encoded:?}"))]));
            return self.cancel_auth(failure, actions);
        };
        let Some(mut exchange) = self.exchange.take() else {
            let failure = self.sasl_failure(UNEXPECTED_CHALLENGE.into());
            return self.cancel_auth(failure, actions);
        };
        if !challenge.is_empty() && !exchange.expects_binary() {
            self.note(ClientNote::Challenge {
                decoded: crate::sasl::trace::visible(&challenge),
            });
        }
        let verified = exchange.server_verified();
        let step = exchange.step(&challenge);
        self.set_trace(exchange.trace().clone());
        if !verified && exchange.server_verified() {
            let mechanism = self
                .outcome
                .auth
                .as_ref()
                .map(|a| a.mechanism.clone())
                .unwrap_or_default();
            self.note(ClientNote::ServerVerified { mechanism });
        }
        match step {
            AuthStep::Challenge(response) => {
                self.exchange = Some(exchange);
                // RFC 4954 §4: each response is base64 on its own line (empty for none).
                let line = BASE64.encode(&response.bytes);
                self.command(&line, Expect::Auth { cancelled: false }, actions);
            }
            // A client exchange ends with the server's 235, not on its own.
            AuthStep::Success(_) => {
                let failure = self.sasl_failure(UNEXPECTED_CHALLENGE.into());
                self.cancel_auth(failure, actions);
            }
            AuthStep::Failure(err) => {
                let failure = self.sasl_failure(err);
                self.cancel_auth(failure, actions);
            }
        }
    }

    pub(super) fn set_trace(&mut self, trace: Trace) {
        if let Some(auth) = &mut self.outcome.auth {
            auth.trace = trace;
        }
    }
}
