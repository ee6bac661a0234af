//! Shared links (issue 14): a page's state as text a link's fragment carries — compressed,
//! versioned, and never sent anywhere (a fragment stays in the browser).
//!
//! A link is `…#/<page>?s=<payload>`: the route first, so the link opens the page wherever
//! the router puts it, and the page reads `s` itself. The payload is `1.` (the version) and
//! the state written in the scenario files' TOML subset ([`toml_lite`]), deflated (raw
//! DEFLATE, RFC 1951) and base64url without padding (RFC 4648 §5). A payload of a later
//! version is refused as such, a damaged one as damaged: never a half-restored page.
//!
//! Passwords and tokens are left out unless the user asks for them: fields named in
//! [`SECRET_KEYS`] and console lines marked secret (an AUTH exchange) are dropped, and the
//! link says how many were, so the page that opens it can say so.
//!
//! Nothing here touches the DOM: the pages map their state to a [`Share`] and back.

use base64::Engine as _;

use crate::lessons::toml_lite::{self, quote, Value};

pub mod handoff;
pub mod pages;

/// The version this trainer writes and reads.
pub const VERSION: u32 = 1;
/// At most this many bytes of state once inflated (a pasted log of 200 KB fits).
pub const MAX_STATE: usize = 256 * 1024;
/// At most this many characters of payload are read.
pub const MAX_PAYLOAD: usize = 400 * 1024;

/// Field names whose values are secrets: left out unless asked for.
pub const SECRET_KEYS: [&str; 3] = ["password", "token", "secret"];

/// The page a state belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The SMTP console.
    Console,
    /// The Auth stepper.
    Auth,
    /// The verifier.
    Verify,
    /// The log analyzer.
    Analyze,
    /// Compose and send.
    Compose,
    /// A teacher's scenario file.
    Scenario,
}

impl Page {
    /// Every page, in the order of the menu.
    pub const ALL: [Page; 6] = [
        Page::Console,
        Page::Auth,
        Page::Verify,
        Page::Analyze,
        Page::Compose,
        Page::Scenario,
    ];

    /// The name in the payload (and the route's first segment).
    pub fn id(self) -> &'static str {
        match self {
            Page::Console => "console",
            Page::Auth => "auth",
            Page::Verify => "verify",
            Page::Analyze => "analyze",
            Page::Compose => "compose",
            Page::Scenario => "scenarios",
        }
    }
}

/// One console line: its text, and whether it carries a credential (an AUTH command with an
/// initial response, or an answer to a 334).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The text, without CRLF.
    pub text: String,
    /// Whether it is left out without the password.
    pub secret: bool,
}

/// A page's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Share {
    /// Inputs by name (`profile`, `mechanism`, `challenge`, `log` …), in order.
    pub fields: Vec<(String, String)>,
    /// A list the page keeps in order (the console's typed lines, the attachments' names).
    pub lines: Vec<String>,
    /// How many secrets were left out when the link was made.
    pub left_out: usize,
}

impl Share {
    /// The value of a field.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Adds a field (builder style).
    pub fn with(mut self, key: &str, value: impl Into<String>) -> Share {
        self.fields.push((key.to_string(), value.into()));
        self
    }
}

/// Whether a field's name says it holds a secret.
pub fn is_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SECRET_KEYS.iter().any(|s| key.contains(s))
}

/// Why a link or a file could not be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShareError {
    /// Made by a newer trainer (its version is larger than [`VERSION`]).
    Future(u32),
    /// Not a payload this trainer wrote, or cut short.
    Damaged,
    /// A state of another page.
    OtherPage(Page),
    /// Larger than [`MAX_STATE`] inflated, or [`MAX_PAYLOAD`] as text.
    TooLarge,
}

/// Text to the payload (`1.` + base64url of the deflated text).
pub fn encode_text(text: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    format!(
        "{VERSION}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)
    )
}

/// The payload back to its text.
pub fn decode_text(payload: &str) -> Result<String, ShareError> {
    let payload = payload.trim();
    if payload.len() > MAX_PAYLOAD {
        return Err(ShareError::TooLarge);
    }
    let (version, data) = payload.split_once('.').ok_or(ShareError::Damaged)?;
    let version: u32 = version.parse().map_err(|_| ShareError::Damaged)?;
    if version > VERSION {
        return Err(ShareError::Future(version));
    }
    if version != VERSION {
        return Err(ShareError::Damaged);
    }
    let deflated = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| ShareError::Damaged)?;
    let bytes =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_STATE).map_err(|e| {
            match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Damaged,
            }
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::Damaged)
}

/// A page's state as a payload. Secrets are dropped unless `secrets`, and counted (added to
/// `state.left_out`, which counts what the page itself left out).
pub fn encode(page: Page, state: &Share, lines: &[Line], secrets: bool) -> String {
    encode_text(&state_text(page, state, lines, secrets))
}

/// A page's state as text (what [`encode`] deflates): the scenario files' TOML subset.
pub fn state_text(page: Page, state: &Share, lines: &[Line], secrets: bool) -> String {
    let mut left_out = state.left_out;
    let mut text = format!("page = {}\n", quote(page.id()));
    for (key, value) in &state.fields {
        if !secrets && is_secret(key) && !value.is_empty() {
            left_out += 1;
            continue;
        }
        if toml_lite_key(key) {
            text.push_str(&format!("{key} = {}\n", quote(value)));
        }
    }
    let kept: Vec<String> = lines
        .iter()
        .filter(|line| {
            let keep = secrets || !line.secret;
            if !keep {
                left_out += 1;
            }
            keep
        })
        .map(|line| quote(&line.text))
        .collect();
    if !kept.is_empty() {
        text.push_str(&format!("lines = [\n{}\n]\n", kept.join(",\n")));
    }
    if left_out > 0 {
        text.push_str(&format!("left_out = {left_out}\n"));
    }
    text
}

fn toml_lite_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && key != "page"
        && key != "lines"
        && key != "left_out"
}

/// A payload back to the state of `page`.
pub fn decode(page: Page, payload: &str) -> Result<Share, ShareError> {
    decode_state(page, &decode_text(payload)?)
}

/// A state's text (see [`state_text`]) back to the state of `page`.
pub fn decode_state(page: Page, text: &str) -> Result<Share, ShareError> {
    let tables = toml_lite::parse(text).map_err(|_| ShareError::Damaged)?;
    let [root] = tables.as_slice() else {
        return Err(ShareError::Damaged);
    };
    let mut share = Share::default();
    let mut found = None;
    for entry in &root.entries {
        match (entry.key.as_str(), &entry.value) {
            ("page", Value::Str(id)) => {
                found = Some(
                    Page::ALL
                        .into_iter()
                        .find(|p| p.id() == id)
                        .ok_or(ShareError::Damaged)?,
                );
            }
            ("lines", Value::List(lines)) => share.lines = lines.clone(),
            ("left_out", Value::Int(n)) => {
                share.left_out = usize::try_from(*n).map_err(|_| ShareError::Damaged)?;
            }
            (key, Value::Str(value)) => share.fields.push((key.to_string(), value.clone())),
            _ => return Err(ShareError::Damaged),
        }
    }
    match found {
        Some(p) if p == page => Ok(share),
        Some(other) => Err(ShareError::OtherPage(other)),
        None => Err(ShareError::Damaged),
    }
}

/// The payload of a link, a fragment or a file's text: what follows `s=` up to the next
/// `&`, or the whole text when it is a bare payload.
pub fn payload_of(text: &str) -> &str {
    let text = text.trim();
    match text.find("s=") {
        Some(at) if text[..at].ends_with('?') || text[..at].ends_with('&') => {
            let rest = &text[at + 2..];
            rest.split(['&', '#', ' ', '\n']).next().unwrap_or("")
        }
        _ => text,
    }
}

/// The link to `page` with `payload`, after `base` (the page's address without fragment).
pub fn link(base: &str, page: Page, payload: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    format!("{base}#/{}?s={payload}", page.id())
}
