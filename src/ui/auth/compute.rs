//! From the form's values to the engine's trace: each mechanism's client function, called
//! with what the learner typed. Nothing here hashes or encodes: pasted challenges are read
//! by [`decode_pasted`] (as the CLI reads them), the steps come from the engine, and the
//! few steps the page adds around them (NTLM's NEGOTIATE, DIGEST-MD5's challenge) only
//! carry bytes the engine produced.

use std::rc::Rc;

use super::mechanism::{AuthMech, Field};
use crate::i18n::{t, Fill, Lang, Msg};
use crate::sasl::trace::{Step, Trace, View};
use crate::sasl::verify::decode_pasted;
use crate::sasl::{cram_md5, digest_md5, login, ntlm, oauth, plain, scram};

/// The form's values of one mechanism: a handful of pairs (a small list, not a map, to
/// keep the page's code small).
#[derive(Clone, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Values(Vec<(Field, String)>);

impl Values {
    /// The values of `pairs` (a later pair for the same field wins).
    pub fn from_pairs(pairs: Vec<(Field, String)>) -> Values {
        let mut values = Values::default();
        for (field, value) in pairs {
            values.set(field, value);
        }
        values
    }

    /// The value of `field` as typed (empty when never typed).
    pub fn value(&self, field: Field) -> &str {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value typed, in the order first typed.
    pub fn pairs(&self) -> &[(Field, String)] {
        &self.0
    }

    /// Replaces the value of `field`.
    pub fn set(&mut self, field: Field, value: String) {
        match self.0.iter_mut().find(|(f, _)| *f == field) {
            Some(slot) => slot.1 = value,
            None => self.0.push((field, value)),
        }
    }
}

/// Why the page cannot compute (all of the engine's errors, described in both languages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthError {
    /// A required input is empty.
    Missing(Field),
    /// nc is not at most 8 hex digits.
    BadNc,
    /// The port is not a number from 0 to 65535.
    BadPort,
    /// DIGEST-MD5: the qop typed is not among those the challenge offers.
    QopNotOffered {
        /// The qop typed.
        qop: String,
        /// The challenge's qop-options.
        offered: Vec<String>,
    },
    /// The DIGEST-MD5 challenge does not parse.
    Digest(digest_md5::ParseError),
    /// The NTLM CHALLENGE does not decode.
    Ntlm(ntlm::ParseError),
    /// SCRAM refused an input or the server's message.
    Scram(scram::ScramError),
    /// XOAUTH2 / OAUTHBEARER refused an input or the error challenge.
    Oauth(oauth::OauthError),
}

impl AuthError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            AuthError::Missing(field) => {
                t(lang, Msg::AuthMissing).fill(&[("field", &t(lang, field.label()))])
            }
            AuthError::BadNc => t(lang, Msg::AuthBadNc).to_string(),
            AuthError::BadPort => t(lang, Msg::AuthBadPort).to_string(),
            AuthError::QopNotOffered { qop, offered } => t(lang, Msg::AuthQopNotOffered)
                .fill(&[("qop", &qop), ("offered", &offered.join(", "))]),
            AuthError::Digest(err) => err.describe(lang),
            AuthError::Ntlm(err) => err.describe(lang),
            AuthError::Scram(err) => err.describe(lang),
            AuthError::Oauth(err) => err.describe(lang),
        }
    }
}

/// What the page shows for one mechanism and its values.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Outcome {
    /// The steps computed (also when a later check failed).
    pub trace: Option<Rc<Trace>>,
    /// Remarks about how the inputs were read.
    pub notes: Vec<Msg>,
    /// Why the computation stopped, or what a final check found wrong.
    pub error: Option<AuthError>,
}

impl Outcome {
    fn failed(error: AuthError) -> Outcome {
        Outcome {
            error: Some(error),
            ..Outcome::default()
        }
    }
}

/// The base64 of `bytes` as the engine renders a step's bytes (used to show a binary
/// example, MS-NLMP's CHALLENGE, as the line a server sends).
pub fn wire_base64(bytes: &[u8]) -> String {
    page_step(
        "wire",
        Msg::AuthWire,
        bytes.to_vec(),
        View::Base64,
        Msg::AuthWire,
    )
    .base64()
}

/// A step the page adds around the engine's: bytes from the engine, texts from the UI's.
fn page_step(id: &'static str, label: Msg, bytes: Vec<u8>, view: View, explain: Msg) -> Step {
    Step {
        id,
        label: label.text(),
        bytes,
        view,
        explain: explain.text(),
    }
}

/// The value of `field`; surrounding spaces dropped except in user names, passwords and
/// tokens' insides (a space there is part of what is hashed).
fn get(values: &Values, field: Field) -> &str {
    let value = values.value(field);
    match field {
        Field::User | Field::Password => value,
        _ => value.trim(),
    }
}

/// The value of `field`, or why it is needed.
fn required(values: &Values, field: Field) -> Result<&str, AuthError> {
    let value = get(values, field);
    if value.is_empty() {
        Err(AuthError::Missing(field))
    } else {
        Ok(value)
    }
}

/// A pasted challenge's bytes, and a note on how it was read.
fn pasted(text: &str, notes: &mut Vec<Msg>) -> Vec<u8> {
    let (bytes, was_base64) = decode_pasted(text);
    notes.push(if was_base64 {
        Msg::AuthChallengeBase64
    } else {
        Msg::AuthChallengeText
    });
    bytes
}

/// nc: up to 8 hex digits; empty means the first response (1).
fn nonce_count(values: &Values) -> Result<u32, AuthError> {
    let nc = get(values, Field::Nc);
    if nc.is_empty() {
        return Ok(1);
    }
    if nc.len() > 8 {
        return Err(AuthError::BadNc);
    }
    u32::from_str_radix(nc, 16).map_err(|_| AuthError::BadNc)
}

/// Computes the trace of `mech` for `values`.
pub fn compute(mech: AuthMech, values: &Values) -> Outcome {
    let mut notes = Vec::new();
    let result = match mech {
        AuthMech::Plain => plain_trace(values),
        AuthMech::Login => login_trace(values),
        AuthMech::CramMd5 => cram_trace(values, &mut notes),
        AuthMech::DigestMd5 => digest_trace(values, &mut notes),
        AuthMech::HttpDigest => http_trace(values),
        AuthMech::Ntlm => ntlm_trace(values, &mut notes),
        AuthMech::ScramSha1 => return scram_outcome(scram::Hash::Sha1, values),
        AuthMech::ScramSha256 => return scram_outcome(scram::Hash::Sha256, values),
        AuthMech::XOAuth2 | AuthMech::OAuthBearer => oauth_trace(mech, values, &mut notes),
    };
    match result {
        Ok(trace) => Outcome {
            trace: Some(Rc::new(trace)),
            notes,
            error: None,
        },
        Err(error) => Outcome {
            trace: None,
            notes,
            error: Some(error),
        },
    }
}

fn plain_trace(values: &Values) -> Result<Trace, AuthError> {
    let user = required(values, Field::User)?;
    let password = required(values, Field::Password)?;
    Ok(plain::client(get(values, Field::Authzid), user, password))
}

fn login_trace(values: &Values) -> Result<Trace, AuthError> {
    let user = required(values, Field::User)?;
    let password = required(values, Field::Password)?;
    Ok(login::client(user, password))
}

fn cram_trace(values: &Values, notes: &mut Vec<Msg>) -> Result<Trace, AuthError> {
    let challenge = required(values, Field::Challenge)?;
    let user = required(values, Field::User)?;
    let password = required(values, Field::Password)?;
    let challenge = pasted(challenge, notes);
    Ok(cram_md5::client(user, password, &challenge))
}

fn digest_trace(values: &Values, notes: &mut Vec<Msg>) -> Result<Trace, AuthError> {
    let challenge = required(values, Field::Challenge)?;
    let user = required(values, Field::User)?;
    let password = required(values, Field::Password)?;
    let cnonce = required(values, Field::Cnonce)?;
    let bytes = pasted(challenge, notes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let parsed = digest_md5::parse_challenge(&text).map_err(AuthError::Digest)?;
    let realm = match get(values, Field::Realm) {
        "" => parsed.realms.first().cloned().unwrap_or_default(),
        realm => realm.to_string(),
    };
    let digest_uri = match get(values, Field::DigestUri) {
        "" => format!("smtp/{realm}"),
        uri => uri.to_string(),
    };
    let qop = match get(values, Field::Qop) {
        "" => "auth".to_string(),
        qop => qop.to_string(),
    };
    if !parsed.qop.contains(&qop) {
        return Err(AuthError::QopNotOffered {
            qop,
            offered: parsed.qop,
        });
    }
    let authzid = Some(get(values, Field::Authzid))
        .filter(|a| !a.is_empty())
        .map(str::to_string);
    let computed = digest_md5::client(&digest_md5::ClientInput {
        user: user.to_string(),
        realm,
        password: password.to_string(),
        nonce: parsed.nonce.clone(),
        cnonce: cnonce.to_string(),
        nc: nonce_count(values)?,
        qop,
        digest_uri,
        authzid,
        utf8: parsed.utf8,
    });
    let mut trace = Trace::default();
    trace.steps.push(page_step(
        "challenge",
        Msg::StepDigestChallenge,
        bytes,
        View::Text,
        Msg::StepDigestChallengeExplain,
    ));
    trace.steps.extend(computed.steps);
    Ok(trace)
}

fn http_trace(values: &Values) -> Result<Trace, AuthError> {
    let user = required(values, Field::User)?;
    let password = required(values, Field::Password)?;
    let nonce = required(values, Field::Nonce)?;
    let method = required(values, Field::Method)?;
    let uri = required(values, Field::Uri)?;
    let qop = get(values, Field::HttpQop);
    let cnonce = if qop.is_empty() {
        get(values, Field::Cnonce)
    } else {
        required(values, Field::Cnonce)?
    };
    let algorithm = match get(values, Field::Algorithm) {
        "" => "MD5",
        algorithm => algorithm,
    };
    Ok(digest_md5::http(&digest_md5::HttpInput {
        user: user.to_string(),
        realm: get(values, Field::Realm).to_string(),
        password: password.to_string(),
        algorithm: algorithm.to_string(),
        nonce: nonce.to_string(),
        cnonce: cnonce.to_string(),
        nc: nonce_count(values)?,
        qop: qop.to_string(),
        method: method.to_string(),
        uri: uri.to_string(),
    }))
}

fn ntlm_trace(values: &Values, notes: &mut Vec<Msg>) -> Result<Trace, AuthError> {
    let challenge = required(values, Field::NtlmChallenge)?;
    let user = required(values, Field::User)?;
    let password = required(values, Field::Password)?;
    let (bytes, was_base64) = decode_pasted(challenge);
    if !was_base64 {
        return Err(AuthError::Ntlm(ntlm::ParseError::NotBase64));
    }
    let fixed = ntlm::ms_nlmp_example();
    let input = ntlm::ClientInput {
        user: user.to_string(),
        domain: get(values, Field::Domain).to_string(),
        password: password.to_string(),
        workstation: get(values, Field::Workstation).to_string(),
        ..fixed
    };
    let decoded = ntlm::fields(&bytes).map_err(AuthError::Ntlm)?;
    let answer = ntlm::client_authenticate(&bytes, &input).map_err(AuthError::Ntlm)?;
    notes.push(Msg::AuthNtlmFixed);
    let mut trace = Trace::default();
    trace.steps.push(page_step(
        "negotiate",
        Msg::StepNtlmNegotiate,
        ntlm::client_negotiate().encode(),
        View::Hex,
        Msg::StepNtlmNegotiateExplain,
    ));
    if let Some(summary) = decoded.step("summary") {
        trace.steps.push(page_step(
            "challenge-decoded",
            Msg::StepNtlmChallenge,
            summary.bytes.clone(),
            View::Text,
            Msg::StepNtlmChallengeExplain,
        ));
    }
    trace.steps.extend(answer.steps);
    Ok(trace)
}

/// The SCRAM iteration count the server-first message typed demands, when the mechanism is
/// SCRAM and the message reads (what decides whether [`compute`] is quick).
pub fn scram_iterations(mech: AuthMech, values: &Values) -> Option<u32> {
    if !matches!(mech, AuthMech::ScramSha1 | AuthMech::ScramSha256) {
        return None;
    }
    let server_first = get(values, Field::ServerFirst);
    if server_first.is_empty() {
        return None;
    }
    let bytes = pasted(server_first, &mut Vec::new());
    scram::parse_server_first(&String::from_utf8_lossy(&bytes))
        .ok()
        .map(|first| first.iterations)
}

fn scram_outcome(hash: scram::Hash, values: &Values) -> Outcome {
    let inputs = || -> Result<(&str, &str, &str), AuthError> {
        Ok((
            required(values, Field::User)?,
            required(values, Field::Password)?,
            required(values, Field::ClientNonce)?,
        ))
    };
    let (user, password, client_nonce) = match inputs() {
        Ok(inputs) => inputs,
        Err(error) => return Outcome::failed(error),
    };
    let server_first = get(values, Field::ServerFirst);
    let mut notes = Vec::new();
    if server_first.is_empty() {
        notes.push(Msg::AuthScramNeedsServerFirst);
        return match scram::client_first(user, client_nonce) {
            Ok(trace) => Outcome {
                trace: Some(Rc::new(trace)),
                notes,
                error: None,
            },
            Err(err) => Outcome::failed(AuthError::Scram(err)),
        };
    }
    let server_first = String::from_utf8_lossy(&pasted(server_first, &mut notes)).into_owned();
    let mut trace = match scram::client(hash, user, password, client_nonce, &server_first) {
        Ok(trace) => trace,
        Err(err) => {
            return Outcome {
                notes,
                ..Outcome::failed(AuthError::Scram(err))
            }
        }
    };
    let mut error = None;
    let server_final = get(values, Field::ServerFinal);
    if !server_final.is_empty() {
        let server_final = String::from_utf8_lossy(&decode_pasted(server_final).0).into_owned();
        let expected = trace
            .step("server-signature")
            .map(|s| s.bytes.clone())
            .unwrap_or_default();
        if let Err(err) = scram::verify_server_final(&expected, &server_final, &mut trace) {
            error = Some(AuthError::Scram(err));
        }
    }
    Outcome {
        trace: Some(Rc::new(trace)),
        notes,
        error,
    }
}

fn oauth_trace(mech: AuthMech, values: &Values, notes: &mut Vec<Msg>) -> Result<Trace, AuthError> {
    let token = required(values, Field::Token)?;
    let (mut trace, mechanism) = if mech == AuthMech::XOAuth2 {
        let user = required(values, Field::User)?;
        (
            oauth::xoauth2(user, token).map_err(AuthError::Oauth)?,
            oauth::Mechanism::XOAuth2,
        )
    } else {
        let host = Some(get(values, Field::Host)).filter(|h| !h.is_empty());
        let port = match get(values, Field::Port) {
            "" => None,
            port => Some(port.parse::<u16>().map_err(|_| AuthError::BadPort)?),
        };
        (
            oauth::oauthbearer(get(values, Field::OauthAuthzid), host, port, token)
                .map_err(AuthError::Oauth)?,
            oauth::Mechanism::OAuthBearer,
        )
    };
    let error_challenge = get(values, Field::ErrorChallenge);
    if !error_challenge.is_empty() {
        let bytes = pasted(error_challenge, notes);
        let explained =
            oauth::explain_error_challenge(mechanism, &bytes).map_err(AuthError::Oauth)?;
        trace.steps.extend(explained.steps);
    }
    Ok(trace)
}
