//! Replies out: a situation in the profile's words (its template, placeholders filled), with
//! why it was sent, and the fault injector.

use super::state::Phase;
use super::{Event, FaultMode, Server};
use crate::smtp::codes::{EnhancedCode, ReplyCode};
use crate::smtp::profile::Template;
use crate::smtp::reply::Reply;
use crate::smtp::why::{Detail, Situation, Why};

/// Values for a template's placeholders.
#[derive(Default)]
pub(super) struct Vars<'a> {
    pub(super) addr: &'a str,
    /// The address or argument exactly as typed (with its angle brackets, if any).
    pub(super) raw: &'a str,
    /// The full address (qualified with the local domain).
    pub(super) full: &'a str,
    pub(super) verb: &'a str,
    pub(super) limit: u64,
    pub(super) line: &'a str,
    pub(super) id: &'a str,
    pub(super) size: u64,
    pub(super) user: &'a str,
    pub(super) challenge: &'a str,
}

/// Used only if a template held an invalid code, which the tests rule out.
const FALLBACK_CODE: ReplyCode = match ReplyCode::from_static(451) {
    Some(code) => code,
    None => panic!("451 is a valid reply code"),
};

impl Server {
    pub(super) fn reply(&self, situation: Situation, vars: &Vars, detail: Option<Detail>) -> Reply {
        let profile = self.config.profile;
        let template = profile.template(situation);
        // Where the profile's wording comes from, and what the RFC says where it differs.
        let detail = match profile.note(situation) {
            Some(note) => Some(Detail::Provider {
                note,
                then: detail.map(Box::new),
            }),
            None => detail,
        };
        self.reply_from(template, situation, vars, detail)
    }

    /// The session's id as Gmail puts it in its replies (`… <id> - gsmtp`): from the
    /// caller's seed, so it differs between sessions and repeats in tests. The sources show
    /// where the id goes, not how Google makes it; here it is 16 hex digits.
    pub(super) fn session_id(&self) -> String {
        let mut z = self.config.nonce_seed ^ 0x6A09_E667_F3BC_C908;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        format!("{:016x}", z ^ (z >> 31))
    }

    pub(super) fn reply_from(
        &self,
        template: Template,
        situation: Situation,
        vars: &Vars,
        detail: Option<Detail>,
    ) -> Reply {
        let profile = self.config.profile;
        // RFC 2034 §3: enhanced codes on every reply but the greeting and HELO/EHLO.
        let enhanced = if profile.enhanced_codes()
            && profile.enhanced_on(situation)
            && !matches!(
                situation,
                Situation::Greeting | Situation::Helo | Situation::Ehlo
            ) {
            template.enhanced.and_then(|e| EnhancedCode::parse(e).ok())
        } else {
            None
        };
        let lines = template.lines.iter().map(|l| self.fill(l, vars)).collect();
        Reply {
            code: ReplyCode::new(template.code).unwrap_or(FALLBACK_CODE),
            enhanced,
            lines,
            why: Why { situation, detail },
        }
    }

    pub(super) fn fill(&self, template: &str, vars: &Vars) -> String {
        let client = self
            .hello
            .as_ref()
            .map(|h| h.name.as_str())
            .unwrap_or("unknown");
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let size;
            let peer;
            let value = match &after[..close] {
                "peer" => {
                    peer = self.peer();
                    peer.as_str()
                }
                "host" => self.config.hostname.as_str(),
                "client" => client,
                "ip" => self.client_ip.as_str(),
                "date" => self.now.as_str(),
                "addr" => vars.addr,
                "line" => vars.line,
                "id" => vars.id,
                "user" => vars.user,
                "challenge" => vars.challenge,
                "raw" => vars.raw,
                "domain" => vars.addr.rsplit_once('@').map_or(vars.addr, |(_, d)| d),
                "full" => vars.full,
                "verb" => vars.verb,
                "size" => {
                    size = vars.size.to_string();
                    size.as_str()
                }
                "limit" => {
                    size = vars.limit.to_string();
                    size.as_str()
                }
                "session" => {
                    size = self.session_id();
                    size.as_str()
                }
                _ => "",
            };
            out.push_str(value);
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    pub(super) fn say(
        &mut self,
        events: &mut Vec<Event>,
        situation: Situation,
        vars: &Vars,
        detail: Option<Detail>,
    ) {
        let detail = detail.or_else(|| self.lenient_detail());
        let reply = self.reply(situation, vars, detail);
        events.push(Event::Reply(reply));
    }

    /// The note for a reply to a command the real server takes where RFC 5321 would not.
    pub(super) fn lenient_detail(&self) -> Option<Detail> {
        self.leniency.clone().map(|leniency| Detail::Lenient {
            server: self.config.profile.name(),
            leniency,
        })
    }

    pub(super) fn transaction_detail(&self) -> Detail {
        match &self.phase {
            Phase::Command(Some(tx)) => Detail::Transaction {
                from: Some(tx.from.clone()),
                recipients: tx.recipients.len(),
            },
            _ => Detail::Transaction {
                from: None,
                recipients: 0,
            },
        }
    }

    /// Draws whether an injected fault fires on this command.
    pub(super) fn fault_fires(&mut self) -> Option<u16> {
        let fault = self.config.policies.fault.clone()?;
        match fault.mode {
            FaultMode::NextCommand => {
                self.config.policies.fault = None;
                Some(fault.code)
            }
            FaultMode::Share { percent, .. } => {
                // xorshift64*: deterministic for a given seed.
                self.rng ^= self.rng >> 12;
                self.rng ^= self.rng << 25;
                self.rng ^= self.rng >> 27;
                let draw = self.rng.wrapping_mul(0x2545_F491_4F6C_DD1D) % 100;
                (draw < u64::from(percent.min(100))).then_some(fault.code)
            }
        }
    }
}
