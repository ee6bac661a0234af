//! Sending: the form read into a [`Job`] — the engine's [`Message`], [`ClientSettings`]
//! and the configuration of a fresh simulated server — which [`crate::compose_job::compute`]
//! composes and sends with the engine's client session, here or in the compose worker.
//!
//! The browser supplies what the engine does not draw itself: the date (its clock), the
//! Message-ID, the boundary, the SASL nonces and the server's seed (`Math.random`).

use std::rc::Rc;

use super::state::{ComposeState, FaultChoice};
use crate::compose_job::{DkimJob, Job, JobResult, SentView};
use crate::i18n::Text;
use crate::i18n::{Lang, Tr};
use crate::mime::{Attachment, Mailbox, Message, MimeError};
use crate::smtp::client::{ClientSettings, Nonces};
use crate::smtp::server::{Fault, FaultMode, ServerConfig};
use crate::ui::console::state::{browser_now, demo_config, random_seed, CLIENT_IP, CLIENT_NAME};

/// What one press of Send gave.
#[derive(Clone, Debug, PartialEq)]
pub enum SendResult {
    /// The form could not be made into a message: nothing was sent.
    Refused(Refusal),
    /// The session ran.
    Sent(Rc<SentView>),
}

impl From<JobResult> for SendResult {
    fn from(result: JobResult) -> SendResult {
        match result {
            JobResult::Sent(sent) => SendResult::Sent(Rc::new(*sent)),
            JobResult::Refused(text) => SendResult::Refused(Refusal::Composer(text)),
            JobResult::Broken(reason) => SendResult::Refused(Refusal::Composer(Text::of(|lang| {
                format!(
                    "{}{}{reason}",
                    super::texts::JOB_BROKEN.get(lang),
                    lang.colon()
                )
            }))),
        }
    }
}

/// Why the form could not be sent.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The composer's own error, with the form field it is about (if one).
    Mime {
        /// The field's label.
        field: Option<Tr>,
        /// The engine's error.
        error: MimeError,
    },
    /// One of the page's texts (From missing, a bad port …).
    Form(Tr),
    /// The composer refused the message as a whole (its error in both languages).
    Composer(Text),
}

impl Refusal {
    /// The refusal in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Refusal::Mime {
                field: Some(field),
                error,
            } => format!(
                "{}{}{}",
                field.get(lang),
                lang.colon(),
                error.describe(lang)
            ),
            Refusal::Mime { field: None, error } => error.describe(lang),
            Refusal::Form(text) => text.get(lang).to_string(),
            Refusal::Composer(text) => text.get(lang).to_string(),
        }
    }
}

/// Splits a comma-separated address list, keeping commas inside quotes and angle brackets
/// (`"Doe, John" <j@x>`), dropping empty items.
pub fn split_addresses(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let (mut quoted, mut escaped, mut angle) = (false, false, false);
    for c in text.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '<' if !quoted => angle = true,
            '>' if !quoted => angle = false,
            ',' | ';' | '\n' if !quoted && !angle => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn parse_list(text: &str, field: Tr) -> Result<Vec<Mailbox>, Refusal> {
    split_addresses(text)
        .iter()
        .map(|item| {
            Mailbox::parse(item).map_err(|error| Refusal::Mime {
                field: Some(field),
                error,
            })
        })
        .collect()
}

/// A random value from the browser, as hex.
fn random_hex() -> String {
    format!("{:016x}", random_seed())
}

/// The message the form describes, with the browser's date and random ids.
pub fn message(state: &ComposeState) -> Result<Message, Refusal> {
    use super::texts as tx;
    let mut from = parse_list(&state.from, tx::FROM)?;
    let from = match from.len() {
        0 => return Err(Refusal::Form(tx::FROM_MISSING)),
        1 => from.remove(0),
        _ => return Err(Refusal::Form(tx::FROM_SEVERAL)),
    };
    let domain = from
        .address
        .rsplit_once('@')
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| "localhost".into());
    let message_id = format!("{}.{}@{domain}", random_hex(), random_hex());
    let boundary = format!("=_smtp-trainer_{}", random_hex());
    let mut message = Message::new(from, &browser_now(), &message_id, &boundary)
        .subject(&state.subject)
        .text(&state.text)
        .charset(state.charset)
        .x_mailer(concat!(
            "SMTP Trainer ",
            env!("CARGO_PKG_VERSION"),
            " (web)"
        ));
    message.transfer_encoding = state.encoding;
    message.to = parse_list(&state.to, tx::TO)?;
    message.cc = parse_list(&state.cc, tx::CC)?;
    message.bcc = parse_list(&state.bcc, tx::BCC)?;
    message.reply_to = parse_list(&state.reply_to, tx::REPLY_TO)?;
    if state.html_on {
        message.html = Some(state.html.clone());
    }
    message.attachments = state
        .files
        .iter()
        .map(|f| Attachment::new(&f.name, f.data.as_ref().clone()))
        .collect();
    Ok(message)
}

/// The client's settings from the form, with nonces from the browser.
pub fn settings(state: &ComposeState) -> Result<ClientSettings, Refusal> {
    let port = state
        .port
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|p| *p > 0)
        .ok_or(Refusal::Form(super::texts::PORT_INVALID))?;
    let host = state.host.trim();
    let mut settings = ClientSettings::new(if host.is_empty() { "localhost" } else { host }, port)
        .security(state.security);
    let user = state.user.trim();
    if !user.is_empty() {
        settings = settings.auth(user, &state.password);
    }
    if !state.mechanism.is_empty() {
        settings = settings.mechanism(&state.mechanism);
    }
    let sender = state.sender.trim();
    if !sender.is_empty() {
        crate::mime::compose::check_address(sender).map_err(|error| Refusal::Mime {
            field: Some(super::texts::SENDER),
            error,
        })?;
        settings.sender = Some(sender.to_string());
    }
    // DokuWiki greets with its address literal (seed 000: `EHLO [172.18.111.192]`).
    settings.helo = format!("[{CLIENT_IP}]");
    settings.debug = state.debug;
    let filetime = (js_sys::Date::now() / 1000.0) as u64 + 11_644_473_600;
    settings.nonces = Nonces {
        scram: format!("{}{}", random_hex(), random_hex()),
        cnonce: random_hex(),
        ntlm_challenge: random_seed().to_le_bytes(),
        ntlm_timestamp: filetime * 10_000_000,
    };
    Ok(settings)
}

/// The configuration of a fresh server with the page's settings.
pub fn config(state: &ComposeState) -> ServerConfig {
    let mut config = demo_config(state.profile);
    config.policies = state.policies.clone();
    config.policies.fault = match state.fault {
        FaultChoice::None => None,
        FaultChoice::First(code) => Some(Fault {
            code,
            mode: FaultMode::NextCommand,
        }),
        FaultChoice::Share(code) => Some(Fault {
            code,
            mode: FaultMode::Share {
                percent: 30,
                seed: random_seed(),
            },
        }),
    };
    // Random, so queue ids and challenges differ from one send to the next.
    config.nonce_seed = random_seed();
    // SSL on port 465: the session starts inside (simulated) TLS (RFC 8314).
    config.implicit_tls = state.security == crate::smtp::client::Security::ImplicitTls;
    config
}

/// The send the form describes, with the browser's clock and random values; `dkim_key`
/// is the private key "Sign with DKIM" signs with (the demo key, if one was made).
pub fn job(state: &ComposeState, dkim_key: Option<&str>) -> Result<Job, Refusal> {
    let message = message(state)?;
    let settings = settings(state)?;
    let dkim = if state.dkim_on {
        let key = dkim_key.ok_or(Refusal::Form(super::texts::DKIM_NO_KEY))?;
        Some(DkimJob {
            domain: dkim_domain(state, &message),
            selector: match state.dkim_selector.trim() {
                "" => "demo".to_string(),
                selector => selector.to_string(),
            },
            key: key.to_string(),
        })
    } else {
        None
    };
    let mut job = Job::new(
        message,
        &settings,
        &config(state),
        CLIENT_IP,
        CLIENT_NAME,
        &browser_now(),
    );
    job.dkim = dkim;
    Ok(job)
}

/// `d=`: as typed, else the domain of the From: address.
pub fn dkim_domain(state: &ComposeState, message: &Message) -> String {
    match state.dkim_domain.trim() {
        "" => message
            .from
            .address
            .rsplit_once('@')
            .map(|(_, d)| d.to_string())
            .unwrap_or_default(),
        domain => domain.to_string(),
    }
}
