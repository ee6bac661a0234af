//! Each page's state as a link carries it: the console's session (server profile, policies,
//! faults and the typed lines, replayed on opening), the Auth stepper's mechanism, inputs and
//! step, the verifier's exchange, the analyzer's log and the composer's message and client
//! settings (attachments by name only: their octets never go into a link).
//!
//! These are the pages' states in engine types, so the round trip (state → payload → the
//! same state) is tested natively; the pages copy their reducers' fields into them and back.
//! Passwords and tokens are fields whose names say so ([`super::is_secret`]); the console's
//! AUTH exchange (the command and every answer to a 334) is secret as a whole, since replaying
//! half of it would leave the server waiting for answers that are not there.

use super::{decode, decode_state, encode, state_text, Line, Page, Share, ShareError};
use crate::mime::{Charset, TransferEncoding};
use crate::sasl::verify::Mechanism;
use crate::smtp::client::Security;
use crate::smtp::profile::Profile;
use crate::smtp::server::{Fault, FaultMode, Policies};

/// The most console lines a link carries (the console keeps no more than this either).
pub const MAX_LINES: usize = 2000;

/// The most policy changes a console link carries (the console remembers no more).
pub const MAX_CHANGES: usize = crate::live::MAX_CHANGES;

/// A page's state that a link can carry.
pub trait Shared: Sized {
    /// Whose state it is.
    const PAGE: Page;
    /// The state as fields and lines; lines and fields the page leaves out itself (the
    /// console's AUTH exchange without `secrets`) are counted in `left_out`. Secret fields
    /// are dropped by [`payload`].
    fn write(&self, secrets: bool) -> Share;
    /// The state back; a missing field takes the page's default, a field that cannot be read
    /// makes the payload damaged.
    fn read(share: &Share) -> Result<Self, ShareError>;
}

/// The payload of `state`, passwords and tokens included only with `secrets`.
pub fn payload<T: Shared>(state: &T, secrets: bool) -> String {
    let (share, lines) = written(state, secrets);
    encode(T::PAGE, &share, &lines, secrets)
}

/// `state` as text, everything included (for the hand-over between the page's modules,
/// which never leaves the page; see [`super::handoff`]).
pub fn whole_text<T: Shared>(state: &T) -> String {
    let (share, lines) = written(state, true);
    state_text(T::PAGE, &share, &lines, true)
}

/// What [`whole_text`] wrote, back.
pub fn from_whole_text<T: Shared>(text: &str) -> Result<T, ShareError> {
    T::read(&decode_state(T::PAGE, text)?)
}

fn written<T: Shared>(state: &T, secrets: bool) -> (Share, Vec<Line>) {
    let mut share = state.write(secrets);
    let lines: Vec<Line> = std::mem::take(&mut share.lines)
        .into_iter()
        .map(|text| Line {
            text,
            secret: false,
        })
        .collect();
    (share, lines)
}

/// What a payload held, and how many secrets were left out of it when it was made.
pub fn open<T: Shared>(payload: &str) -> Result<(T, usize), ShareError> {
    let share = decode(T::PAGE, payload)?;
    Ok((T::read(&share)?, share.left_out))
}

fn text(share: &Share, key: &str) -> String {
    share.get(key).unwrap_or_default().to_string()
}

fn flag(share: &Share, key: &str) -> Result<bool, ShareError> {
    match share.get(key) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(ShareError::Damaged),
    }
}

fn profile(share: &Share) -> Result<Profile, ShareError> {
    match share.get("profile") {
        None => Ok(Profile::default()),
        Some(id) => Profile::from_id(id).ok_or(ShareError::Damaged),
    }
}

/// An on/off policy: its name in the payload, its field.
type Switch = (&'static str, fn(&mut Policies) -> &mut bool);

/// The on/off policies by name, as the payload writes them.
const SWITCHES: [Switch; 10] = [
    ("require_auth", |p| &mut p.require_auth),
    ("sender_must_match_auth", |p| &mut p.sender_must_match_auth),
    ("sasl_daemon_down", |p| &mut p.sasl_daemon_down),
    ("vrfy_allowed", |p| &mut p.vrfy_allowed),
    ("expn_allowed", |p| &mut p.expn_allowed),
    ("tls_before_auth", |p| &mut p.tls_before_auth),
    ("known_mailboxes_only", |p| &mut p.known_mailboxes_only),
    ("deny_relay", |p| &mut p.deny_relay),
    ("greylist", |p| &mut p.greylist),
    ("reject_bare_lf", |p| &mut p.reject_bare_lf),
];

/// Writes the policies as three fields: `policies` (the switches on), `max_size`, `fault`
/// (`next 451`, `share 451 20 <seed>`: the seed too, so the replay draws the same faults).
fn write_policies(share: Share, policies: &Policies) -> Share {
    write_policies_as(share, "", policies)
}

/// [`write_policies`] with each field's name after `prefix`.
fn write_policies_as(share: Share, prefix: &str, policies: &Policies) -> Share {
    let mut copy = policies.clone();
    let on: Vec<&str> = SWITCHES
        .iter()
        .filter(|(_, field)| *field(&mut copy))
        .map(|(name, _)| *name)
        .collect();
    let fault = match &policies.fault {
        None => String::new(),
        Some(Fault {
            code,
            mode: FaultMode::NextCommand,
        }) => format!("next {code}"),
        Some(Fault {
            code,
            mode: FaultMode::Share { percent, seed },
        }) => format!("share {code} {percent} {seed}"),
    };
    share
        .with(&format!("{prefix}policies"), on.join(" "))
        .with(
            &format!("{prefix}max_size"),
            policies.max_message_size.to_string(),
        )
        .with(&format!("{prefix}fault"), fault)
}

/// The policies back, over `base` (the profile's own, for a field the link lacks).
fn read_policies(share: &Share, base: Policies) -> Result<Policies, ShareError> {
    read_policies_as(share, "", base)
}

/// [`read_policies`] of the fields named after `prefix`.
fn read_policies_as(share: &Share, prefix: &str, base: Policies) -> Result<Policies, ShareError> {
    let get = |name: &str| share.get(&format!("{prefix}{name}"));
    let mut policies = base;
    if let Some(on) = get("policies") {
        for (_, field) in SWITCHES {
            *field(&mut policies) = false;
        }
        for name in on.split_whitespace() {
            let (_, field) = SWITCHES
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or(ShareError::Damaged)?;
            *field(&mut policies) = true;
        }
    }
    if let Some(size) = get("max_size") {
        policies.max_message_size = size.parse().map_err(|_| ShareError::Damaged)?;
    }
    if let Some(fault) = get("fault") {
        let words: Vec<&str> = fault.split_whitespace().collect();
        let code = |w: &str| {
            w.parse::<u16>()
                .ok()
                .filter(|c| [421, 450, 451, 452].contains(c))
                .ok_or(ShareError::Damaged)
        };
        policies.fault = match words.as_slice() {
            [] => None,
            ["next", c] => Some(Fault {
                code: code(c)?,
                mode: FaultMode::NextCommand,
            }),
            ["share", c, percent, seed] => Some(Fault {
                code: code(c)?,
                mode: FaultMode::Share {
                    percent: percent
                        .parse::<u8>()
                        .ok()
                        .filter(|p| (1..=100).contains(p))
                        .ok_or(ShareError::Damaged)?,
                    seed: seed.parse().map_err(|_| ShareError::Damaged)?,
                },
            }),
            _ => return Err(ShareError::Damaged),
        };
    }
    Ok(policies)
}

/// Whether a console line belongs to an AUTH exchange: the AUTH command itself (it may carry
/// the credential as an initial response) or an answer to a 334.
pub fn is_auth_line(text: &str, auth_response: bool) -> bool {
    auth_response
        || text
            .get(..5)
            .is_some_and(|verb| verb.eq_ignore_ascii_case("AUTH "))
        || text.eq_ignore_ascii_case("AUTH")
}

/// The console: the server and the lines typed since it greeted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleShare {
    /// The server's software.
    pub profile: Profile,
    /// Its policies and fault as the session began.
    pub policies: Policies,
    /// Each change of them since: `(n, policies)` took effect before line `n` (after the
    /// last line when `n` is the number of lines), so the replay changes them where the
    /// learner did.
    pub changes: Vec<(usize, Policies)>,
    /// The typed lines, in order; `secret` marks the AUTH exchange.
    pub lines: Vec<Line>,
}

impl Shared for ConsoleShare {
    const PAGE: Page = Page::Console;

    fn write(&self, secrets: bool) -> Share {
        let mut share = write_policies(
            Share::default().with("profile", self.profile.id()),
            &self.policies,
        );
        let mut auth = Vec::new();
        // For each line of the session, its index among the lines the link keeps.
        let mut kept_before = Vec::with_capacity(self.lines.len() + 1);
        for line in self.lines.iter().take(MAX_LINES) {
            kept_before.push(share.lines.len());
            if line.secret && !secrets {
                share.left_out += 1;
                continue;
            }
            if line.secret {
                auth.push(share.lines.len().to_string());
            }
            share.lines.push(line.text.clone());
        }
        kept_before.push(share.lines.len());
        if !auth.is_empty() {
            share = share.with("auth_lines", auth.join(" "));
        }
        for (k, (at, policies)) in self.changes.iter().take(MAX_CHANGES).enumerate() {
            let at = kept_before
                .get(*at)
                .or(kept_before.last())
                .copied()
                .unwrap_or(0);
            share = share.with(&format!("change{k}_at"), at.to_string());
            share = write_policies_as(share, &format!("change{k}_"), policies);
        }
        share
    }

    fn read(share: &Share) -> Result<ConsoleShare, ShareError> {
        let profile = profile(share)?;
        let base = crate::smtp::server::ServerConfig::new(profile).policies;
        let policies = read_policies(share, base)?;
        let mut lines: Vec<Line> = share
            .lines
            .iter()
            .take(MAX_LINES)
            .map(|text| Line {
                text: text.clone(),
                secret: false,
            })
            .collect();
        for index in share.get("auth_lines").unwrap_or("").split_whitespace() {
            let index: usize = index.parse().map_err(|_| ShareError::Damaged)?;
            lines.get_mut(index).ok_or(ShareError::Damaged)?.secret = true;
        }
        let mut changes = Vec::new();
        while let Some(at) = share.get(&format!("change{}_at", changes.len())) {
            let at: usize = at
                .parse()
                .ok()
                .filter(|at| *at <= lines.len())
                .ok_or(ShareError::Damaged)?;
            if changes.len() == MAX_CHANGES {
                return Err(ShareError::Damaged);
            }
            let prefix = format!("change{}_", changes.len());
            let changed = read_policies_as(share, &prefix, policies.clone())?;
            changes.push((at, changed));
        }
        Ok(ConsoleShare {
            profile,
            policies,
            changes,
            lines,
        })
    }
}

/// The Auth stepper: the mechanism (its slug), the inputs (by their slugs) and the step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthShare {
    /// The mechanism's slug (`cram-md5`).
    pub mechanism: String,
    /// The inputs typed: `(slug, value)`.
    pub inputs: Vec<(String, String)>,
    /// The step shown, 0-based.
    pub step: usize,
}

impl Shared for AuthShare {
    const PAGE: Page = Page::Auth;

    fn write(&self, _secrets: bool) -> Share {
        let mut share = Share::default()
            .with("mechanism", self.mechanism.as_str())
            .with("step", self.step.to_string());
        for (slug, value) in &self.inputs {
            share = share.with(&format!("in-{slug}"), value.as_str());
        }
        share
    }

    fn read(share: &Share) -> Result<AuthShare, ShareError> {
        let step = match share.get("step") {
            None => 0,
            Some(step) => step.parse().map_err(|_| ShareError::Damaged)?,
        };
        let inputs = share
            .fields
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("in-")?.to_string(), v.clone())))
            .collect();
        Ok(AuthShare {
            mechanism: text(share, "mechanism"),
            inputs,
            step,
        })
    }
}

/// The verifier: one exchange or a transcript.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyShare {
    /// The mechanism picked.
    pub mechanism: Mechanism,
    /// The challenge as pasted.
    pub challenge: String,
    /// The response as pasted.
    pub response: String,
    /// The password (only with `secrets`).
    pub password: String,
    /// "Exactly what the client sent".
    pub as_sent: bool,
    /// Whether the page checks a whole transcript.
    pub transcript_mode: bool,
    /// The transcript as pasted.
    pub transcript: String,
}

impl Shared for VerifyShare {
    const PAGE: Page = Page::Verify;

    fn write(&self, secrets: bool) -> Share {
        // PLAIN's and LOGIN's response is the password in base64: a secret field, left
        // out unless asked for. A transcript loses its PLAIN/LOGIN values the same way.
        let response_key = match self.mechanism {
            Mechanism::Plain | Mechanism::Login => "secret_response",
            _ => "response",
        };
        let (transcript, left_out) = if secrets {
            (self.transcript.clone(), 0)
        } else {
            crate::analyze::without_secrets(&self.transcript)
        };
        let mut share = Share::default()
            .with("mechanism", self.mechanism.name())
            .with("challenge", self.challenge.as_str())
            .with(response_key, self.response.as_str())
            .with("password", self.password.as_str())
            .with("as_sent", self.as_sent.to_string())
            .with(
                "mode",
                if self.transcript_mode {
                    "transcript"
                } else {
                    "exchange"
                },
            )
            .with("transcript", transcript);
        share.left_out += left_out;
        share
    }

    fn read(share: &Share) -> Result<VerifyShare, ShareError> {
        let mechanism = match share.get("mechanism") {
            None => Mechanism::CramMd5,
            Some(name) => Mechanism::from_name(name).ok_or(ShareError::Damaged)?,
        };
        let transcript_mode = match share.get("mode") {
            None | Some("exchange") => false,
            Some("transcript") => true,
            Some(_) => return Err(ShareError::Damaged),
        };
        Ok(VerifyShare {
            mechanism,
            challenge: text(share, "challenge"),
            response: share
                .get("secret_response")
                .or_else(|| share.get("response"))
                .unwrap_or_default()
                .to_string(),
            password: text(share, "password"),
            as_sent: flag(share, "as_sent")?,
            transcript_mode,
            transcript: text(share, "transcript"),
        })
    }
}

/// The analyzer: the pasted log (and the password its AUTH exchanges are checked with).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnalyzeShare {
    /// The log.
    pub log: String,
    /// The password (only with `secrets`).
    pub password: String,
}

impl Shared for AnalyzeShare {
    const PAGE: Page = Page::Analyze;

    fn write(&self, secrets: bool) -> Share {
        // The log's PLAIN and LOGIN values are passwords in base64: left out unless asked.
        let (log, left_out) = if secrets {
            (self.log.clone(), 0)
        } else {
            crate::analyze::without_secrets(&self.log)
        };
        let mut share = Share::default()
            .with("log", log)
            .with("password", self.password.as_str());
        share.left_out += left_out;
        share
    }

    fn read(share: &Share) -> Result<AnalyzeShare, ShareError> {
        Ok(AnalyzeShare {
            log: text(share, "log"),
            password: text(share, "password"),
        })
    }
}

/// The composer: the message, the attachments' names, the server and the client settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComposeShare {
    /// From.
    pub from: String,
    /// To.
    pub to: String,
    /// Cc.
    pub cc: String,
    /// Bcc.
    pub bcc: String,
    /// Reply-To.
    pub reply_to: String,
    /// Subject.
    pub subject: String,
    /// The text body.
    pub text: String,
    /// Its charset.
    pub charset: Charset,
    /// The transfer encoding; `None`: automatic.
    pub encoding: Option<TransferEncoding>,
    /// Whether the HTML alternative is sent.
    pub html_on: bool,
    /// The HTML alternative.
    pub html: String,
    /// The attachments' names (never their octets).
    pub attachments: Vec<String>,
    /// The server's software.
    pub profile: Profile,
    /// Its policies.
    pub policies: Policies,
    /// The composer's fault choice as its picker names it (`none`, `first-451`, `share-451`).
    pub fault: String,
    /// `smtp_host`.
    pub host: String,
    /// `smtp_port`.
    pub port: String,
    /// `smtp_ssl`.
    pub security: Security,
    /// `auth_user`.
    pub user: String,
    /// `auth_pass` (only with `secrets`).
    pub password: String,
    /// `mailfrom`.
    pub sender: String,
    /// The SASL mechanism; empty: the best offered.
    pub mechanism: String,
    /// `debug`.
    pub debug: bool,
}

impl Shared for ComposeShare {
    const PAGE: Page = Page::Compose;

    fn write(&self, _secrets: bool) -> Share {
        let share = Share::default()
            .with("from", self.from.as_str())
            .with("to", self.to.as_str())
            .with("cc", self.cc.as_str())
            .with("bcc", self.bcc.as_str())
            .with("reply_to", self.reply_to.as_str())
            .with("subject", self.subject.as_str())
            .with("text", self.text.as_str())
            .with("charset", self.charset.label())
            .with("encoding", self.encoding.map_or("auto", |e| e.token()))
            .with("html_on", self.html_on.to_string())
            .with("html", self.html.as_str())
            .with("profile", self.profile.id());
        let mut share = write_policies(share, &self.policies)
            .with("server_fault", self.fault.as_str())
            .with("host", self.host.as_str())
            .with("port", self.port.as_str())
            .with("security", self.security.id())
            .with("user", self.user.as_str())
            .with("password", self.password.as_str())
            .with("sender", self.sender.as_str())
            .with("mechanism", self.mechanism.as_str())
            .with("debug", self.debug.to_string());
        share.lines = self.attachments.clone();
        share
    }

    fn read(share: &Share) -> Result<ComposeShare, ShareError> {
        let profile = profile(share)?;
        let base = crate::smtp::server::ServerConfig::new(profile).policies;
        let charset = match share.get("charset") {
            None => Charset::Utf8,
            Some(label) => Charset::from_label(label).ok_or(ShareError::Damaged)?,
        };
        let encoding = match share.get("encoding") {
            None | Some("auto") => None,
            Some(token) => Some(TransferEncoding::from_token(token).ok_or(ShareError::Damaged)?),
        };
        let security = match share.get("security") {
            None => Security::None,
            Some(id) => [Security::None, Security::StartTls, Security::ImplicitTls]
                .into_iter()
                .find(|s| s.id() == id)
                .ok_or(ShareError::Damaged)?,
        };
        Ok(ComposeShare {
            from: text(share, "from"),
            to: text(share, "to"),
            cc: text(share, "cc"),
            bcc: text(share, "bcc"),
            reply_to: text(share, "reply_to"),
            subject: text(share, "subject"),
            text: text(share, "text"),
            charset,
            encoding,
            html_on: flag(share, "html_on")?,
            html: text(share, "html"),
            attachments: share.lines.clone(),
            profile,
            policies: read_policies(share, base)?,
            fault: share.get("server_fault").unwrap_or("none").to_string(),
            host: text(share, "host"),
            port: text(share, "port"),
            security,
            user: text(share, "user"),
            password: text(share, "password"),
            sender: text(share, "sender"),
            mechanism: text(share, "mechanism"),
            debug: flag(share, "debug")?,
        })
    }
}
