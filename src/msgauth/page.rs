//! What the page's message-authentication worker computes (issue 19): a [`Request`] in,
//! a [`Response`] out, both plain serde values, so the page can hand the work to a Web
//! Worker and get the answer back through a message.
//!
//! The page's own wasm uses only these types; [`handle`], which runs DKIM (with the RSA
//! and Ed25519 arithmetic of [`super::dkim::crypto`]), SPF and DMARC, is called only by
//! the worker module (`src/bin/msgauth_worker.rs`), so the crypto stays out of the first
//! download. Natively, tests call [`handle`] to get exactly what the page shows.
//!
//! Every text comes back in both languages ([`Text`]): switching the page's language
//! needs no new computation.

use std::net::IpAddr;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use super::dkim::canon::Changes;
use super::dkim::sign::{self, PrivateKey, SignInput};
use super::dkim::verify::{self, VerifyInput};
use super::dkim::Canon;
use super::dmarc::{self, policy, report, AuthResults};
use super::dns::Zone;
use super::show_crlf;
use super::spf::{self, Outcome, SpfResult};
use crate::i18n::{Lang, Tr};
use crate::sasl::trace::{Trace, View};

/// The longest input the worker reads (a message, a records list, a report), in octets:
/// larger ones are cut, and the page says so.
pub const MAX_INPUT: usize = 1024 * 1024;

/// Every text crosses the worker boundary in both languages, owned.
pub use crate::i18n::Text;

/// Where a step stands relative to the first failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepState {
    /// Computed before any failure.
    Done,
    /// The first failing step.
    Failed,
    /// Computed after the failure: shown for learning, not part of the verdict.
    After,
}

impl StepState {
    /// The id used in the page (`data-state`).
    pub fn id(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Failed => "failed",
            StepState::After => "after",
        }
    }
}

/// One step of a trace.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepOut {
    /// The engine's stable id (`body-hash-compare`, `tag-bh` …).
    pub id: String,
    /// What the value is.
    pub label: Text,
    /// The value as read: text with ␍␊ visible, or hex for binary values.
    pub shown: String,
    /// The bytes as hex (binary values) — empty for text.
    pub hex: String,
    /// What was done, citing the RFC.
    pub explain: Text,
    /// Before, at or after the first failure.
    pub state: StepState,
}

/// One canonicalization change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeOut {
    /// The rule's id (`collapse-wsp` …).
    pub rule: String,
    /// Where (a header field's name, or `line N`).
    pub place: String,
    /// The rule, explained.
    pub explain: Text,
    /// Before, ␍␊ visible.
    pub before: String,
    /// After, ␍␊ visible.
    pub after: String,
}

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Request {
    /// Verify one `DKIM-Signature` of a message against a pasted key record.
    DkimVerify {
        /// The message, as received.
        message: String,
        /// The `p=` key record (TXT strings in quotes are joined).
        key_record: String,
        /// Which signature, 0 = the topmost.
        index: usize,
        /// Now (seconds since 1970) for `x=`; `None` skips the check.
        now: Option<u64>,
    },
    /// A new Ed25519 demo key from 32 random octets the page drew.
    DemoKey {
        /// The seed.
        seed: Vec<u8>,
    },
    /// Sign a message.
    DkimSign {
        /// The message.
        message: String,
        /// `d=`.
        domain: String,
        /// `s=`.
        selector: String,
        /// The private key: a PEM RSA key, or the base64 of an Ed25519 seed.
        key: String,
        /// `c=` header part is relaxed (else simple).
        header_relaxed: bool,
        /// `c=` body part is relaxed (else simple).
        body_relaxed: bool,
        /// `t=`.
        timestamp: Option<u64>,
    },
    /// Evaluate SPF.
    Spf {
        /// The records (one a line, `name TXT "v=spf1 …"`).
        records: String,
        /// The connecting address.
        ip: String,
        /// MAIL FROM.
        mail_from: String,
        /// HELO.
        helo: String,
    },
    /// Evaluate DMARC from given SPF and DKIM results.
    Dmarc {
        /// The records (the `_dmarc` TXT records).
        records: String,
        /// The From: domain.
        from_domain: String,
        /// SPF's result name (`pass`, `fail` …) and domain; empty name: no SPF result.
        spf_result: String,
        /// The domain SPF checked.
        spf_domain: String,
        /// Each DKIM signature's `d=` and whether it verified.
        dkim: Vec<(String, bool)>,
        /// The receiver's draw against `pct=` (0–99).
        sample: u8,
    },
    /// Explain an aggregate report.
    Report {
        /// The XML.
        xml: String,
    },
}

/// DKIM verification, as the page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkimVerifyOut {
    /// Whether the signature verifies.
    pub pass: bool,
    /// How many `DKIM-Signature` fields the message has.
    pub signature_count: usize,
    /// `d=` and `s=`, when the signature parsed.
    pub domain: Option<String>,
    /// `s=`.
    pub selector: Option<String>,
    /// The domain of the message's From: (for DMARC), when it has one.
    pub from_domain: Option<String>,
    /// The id of the first failing step.
    pub failed_step: Option<String>,
    /// The failure in words.
    pub failure: Option<Text>,
    /// Notes.
    pub notes: Vec<Text>,
    /// Every step.
    pub steps: Vec<StepOut>,
    /// What header canonicalization changed.
    pub header_changes: Vec<ChangeOut>,
    /// What body canonicalization changed.
    pub body_changes: Vec<ChangeOut>,
}

/// A demo key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoKeyOut {
    /// The private key: base64 of the 32-octet seed.
    pub private: String,
    /// The key record to publish (`v=DKIM1; k=ed25519; p=…`).
    pub record: String,
}

/// A signature made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DkimSignOut {
    /// Every step.
    pub steps: Vec<StepOut>,
    /// The signed message.
    pub signed: String,
    /// The key record to publish.
    pub key_record: String,
    /// What header canonicalization changed.
    pub header_changes: Vec<ChangeOut>,
    /// What body canonicalization changed.
    pub body_changes: Vec<ChangeOut>,
}

/// One SPF step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpfStepOut {
    /// Nesting (0: the domain checked).
    pub depth: usize,
    /// The record's domain.
    pub domain: String,
    /// The engine's id (`include`, `all`, …).
    pub id: String,
    /// The term as written.
    pub term: String,
    /// `match`, `no-match`, `info` or `error`.
    pub outcome: String,
    /// Lookups counted so far.
    pub lookups: u32,
    /// What was looked up or compared, or why the evaluation stopped there.
    pub detail: Text,
    /// What the term does.
    pub explain: Text,
}

/// SPF's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpfOut {
    /// `pass`, `fail`, … `permerror`.
    pub result: String,
    /// The result explained.
    pub result_explain: Text,
    /// Why, for permerror and temperror.
    pub error: Option<Text>,
    /// The domain checked.
    pub domain: String,
    /// The sender used.
    pub sender: String,
    /// DNS-querying terms counted.
    pub lookups: u32,
    /// Void lookups.
    pub void_lookups: u32,
    /// Every term.
    pub steps: Vec<SpfStepOut>,
}

/// DMARC's evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DmarcOut {
    /// `pass`, `fail`, or `none` (no policy).
    pub result: String,
    /// `deliver`, `quarantine`, `reject`, when a policy applies.
    pub disposition: Option<String>,
    /// SPF passed for an aligned domain.
    pub spf_aligned: bool,
    /// DKIM passed for an aligned domain.
    pub dkim_aligned: bool,
    /// The verdict in words.
    pub verdict: Text,
    /// Every step.
    pub steps: Vec<StepOut>,
}

/// One row of an aggregate report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRowOut {
    /// `source_ip`.
    pub source_ip: String,
    /// `count`.
    pub count: u64,
    /// `header_from`.
    pub header_from: String,
    /// `disposition`.
    pub disposition: String,
    /// The aligned DKIM verdict.
    pub dkim: String,
    /// The aligned SPF verdict.
    pub spf: String,
    /// Each DKIM result: domain, selector, result.
    pub dkim_results: Vec<(String, String, String)>,
    /// Each SPF result: domain, scope, result.
    pub spf_results: Vec<(String, String, String)>,
    /// The likely cause and the fix.
    pub diagnosis: Text,
    /// The receiver's reasons for another action than the policy, when it gave any.
    pub overrides: Option<Text>,
}

/// An aggregate report explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportOut {
    /// Who sent the report.
    pub org_name: String,
    /// The report's id.
    pub report_id: String,
    /// The domain.
    pub domain: String,
    /// The policy published, as reported.
    pub policy: String,
    /// The rows.
    pub rows: Vec<ReportRowOut>,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Response {
    /// DKIM verified.
    DkimVerify(DkimVerifyOut),
    /// A demo key, or why not.
    DemoKey(Result<DemoKeyOut, Text>),
    /// A signature, or why the message could not be signed.
    DkimSign(Result<DkimSignOut, Text>),
    /// SPF, or why the inputs cannot be read.
    Spf(Result<SpfOut, Text>),
    /// DMARC, or why the inputs cannot be read.
    Dmarc(Result<DmarcOut, Text>),
    /// The report explained, or why it cannot be read.
    Report(Result<ReportOut, Text>),
}

/// Cuts text to [`MAX_INPUT`] octets (at a character boundary).
fn bounded(text: &str) -> &str {
    if text.len() <= MAX_INPUT {
        return text;
    }
    let mut end = MAX_INPUT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Does what the page asked.
pub fn handle(request: &Request) -> Response {
    match request {
        Request::DkimVerify {
            message,
            key_record,
            index,
            now,
        } => Response::DkimVerify(dkim_verify(
            bounded(message),
            bounded(key_record),
            *index,
            *now,
        )),
        Request::DemoKey { seed } => Response::DemoKey(demo_key(seed)),
        Request::DkimSign {
            message,
            domain,
            selector,
            key,
            header_relaxed,
            body_relaxed,
            timestamp,
        } => {
            let (_, out) = match sign_bytes(
                bounded(message).as_bytes(),
                domain,
                selector,
                key,
                (*header_relaxed, *body_relaxed),
                *timestamp,
            ) {
                Ok(done) => done,
                Err(e) => return Response::DkimSign(Err(e)),
            };
            Response::DkimSign(Ok(out))
        }
        Request::Spf {
            records,
            ip,
            mail_from,
            helo,
        } => Response::Spf(spf_check(bounded(records), ip, mail_from, helo)),
        Request::Dmarc {
            records,
            from_domain,
            spf_result,
            spf_domain,
            dkim,
            sample,
        } => Response::Dmarc(dmarc_check(
            bounded(records),
            from_domain,
            spf_result,
            spf_domain,
            dkim,
            *sample,
        )),
        Request::Report { xml } => Response::Report(report_explain(bounded(xml))),
    }
}

/// Signs `message` (octets exactly as they will be sent) with `d=` `domain`, `s=`
/// `selector` and `key` (a PEM RSA key, or the base64 of an Ed25519 seed); `relaxed` is the
/// header's and the body's `c=`. Gives the signed octets and what the page shows (whose
/// `signed` is the same message as text). The signer of the sign view and of the
/// composer's "Sign with DKIM" (in the compose worker).
pub fn sign_bytes(
    message: &[u8],
    domain: &str,
    selector: &str,
    key: &str,
    relaxed: (bool, bool),
    timestamp: Option<u64>,
) -> Result<(Vec<u8>, DkimSignOut), Text> {
    let canon = |relaxed: bool| {
        if relaxed {
            Canon::Relaxed
        } else {
            Canon::Simple
        }
    };
    let key = if key.contains("-----BEGIN") {
        PrivateKey::Rsa(bounded(key).to_string())
    } else {
        PrivateKey::Ed25519(bounded(key).trim().to_string())
    };
    let input = SignInput {
        message,
        domain: domain.trim(),
        selector: selector.trim(),
        key,
        header_canon: canon(relaxed.0),
        body_canon: canon(relaxed.1),
        headers: Vec::new(),
        timestamp,
        expiration: None,
    };
    let r = sign::sign(&input).map_err(|e| Text::of(|l| e.describe(l)))?;
    let out = DkimSignOut {
        steps: steps(&r.trace, None),
        signed: String::from_utf8_lossy(&r.signed).into_owned(),
        key_record: r.key_record,
        header_changes: changes(&r.header_changes),
        body_changes: changes(&r.body_changes),
    };
    Ok((r.signed, out))
}

/// The composer's "Sign with DKIM" (relaxed/relaxed, no `t=`): the compose worker's
/// [`crate::compose_job::Signer`], so this arithmetic is linked into that worker's module,
/// not the page's.
pub fn sign_composed(
    message: &[u8],
    job: &crate::compose_job::DkimJob,
) -> Result<(Vec<u8>, DkimSignOut), Text> {
    sign_bytes(
        message,
        &job.domain,
        &job.selector,
        &job.key,
        (true, true),
        None,
    )
}

/// A trace's steps, marked against the first failing step's id.
fn steps(trace: &Trace, failed: Option<&str>) -> Vec<StepOut> {
    let mut seen_failure = false;
    trace
        .steps
        .iter()
        .map(|s| {
            let state = if seen_failure {
                StepState::After
            } else if failed == Some(s.id) {
                seen_failure = true;
                StepState::Failed
            } else {
                StepState::Done
            };
            let (shown, hex) = match s.view {
                View::Text => (show_crlf(&s.bytes), String::new()),
                View::Base64 => (s.text(), String::new()),
                View::Hex => (s.hex(), s.hex()),
            };
            StepOut {
                id: s.id.to_string(),
                label: s.label.into(),
                shown,
                hex,
                explain: s.explain.into(),
                state,
            }
        })
        .collect()
}

fn changes(changes: &Changes) -> Vec<ChangeOut> {
    changes
        .list
        .iter()
        .map(|c| ChangeOut {
            rule: c.rule.id().to_string(),
            place: c.place.clone(),
            explain: c.rule.explain().into(),
            before: show_crlf(&c.before).replace('\n', ""),
            after: show_crlf(&c.after).replace('\n', ""),
        })
        .collect()
}

fn dkim_verify(message: &str, key_record: &str, index: usize, now: Option<u64>) -> DkimVerifyOut {
    let r = verify::verify(&VerifyInput {
        message: message.as_bytes(),
        index,
        key_record,
        now,
    });
    let failed = r.failure.as_ref().map(|f| f.step());
    DkimVerifyOut {
        pass: r.pass(),
        signature_count: r.signature_count,
        domain: r.signature.as_ref().map(|s| s.domain.clone()),
        selector: r.signature.as_ref().map(|s| s.selector.clone()),
        from_domain: policy::from_domain(message.as_bytes()),
        failed_step: failed.map(str::to_string),
        failure: r.failure.as_ref().map(|f| Text::of(|l| f.describe(l))),
        notes: r
            .notes
            .iter()
            .map(|n| Text::of(|l| n.describe(l)))
            .collect(),
        steps: steps(&r.trace, failed),
        header_changes: changes(&r.header_changes),
        body_changes: changes(&r.body_changes),
    }
}

fn demo_key(seed: &[u8]) -> Result<DemoKeyOut, Text> {
    let Ok(seed) = <[u8; 32]>::try_from(seed) else {
        return Err(Text::from(Tr::new(
            "An Ed25519 seed has exactly 32 octets.",
            "Ed25519 种子恰好是 32 字节。",
        )));
    };
    let public = super::dkim::crypto::ed25519_public(&seed);
    Ok(DemoKeyOut {
        private: BASE64.encode(seed),
        record: format!("v=DKIM1; k=ed25519; p={}", BASE64.encode(public)),
    })
}

const NOT_AN_IP: Tr = Tr::new(
    "{ip} is not an IPv4 or IPv6 address.",
    "{ip} 不是 IPv4 或 IPv6 地址。",
);
const NOT_AN_SPF_RESULT: Tr = Tr::new(
    "{name} is not an SPF result: pass, fail, softfail, neutral, none, permerror or temperror.",
    "{name} 不是 SPF 结果：应为 pass、fail、softfail、neutral、none、permerror 或 temperror。",
);

fn spf_check(records: &str, ip: &str, mail_from: &str, helo: &str) -> Result<SpfOut, Text> {
    let zone = Zone::parse(records).map_err(|e| Text::of(|l| e.describe(l)))?;
    let ip: IpAddr = ip
        .trim()
        .parse()
        .map_err(|_| NOT_AN_IP.filled(&[("ip", &format!("{:?}", ip.trim()))]))?;
    let r = spf::check_host(&zone, ip, mail_from.trim(), helo.trim());
    Ok(SpfOut {
        result: r.result.name().to_string(),
        result_explain: r.result.explain().into(),
        error: r.error.as_ref().map(|e| Text::of(|l| e.describe(l))),
        domain: r.domain.clone(),
        sender: r.sender.clone(),
        lookups: r.lookups,
        void_lookups: r.void_lookups,
        steps: r
            .steps
            .iter()
            .map(|s| SpfStepOut {
                depth: s.depth,
                domain: s.domain.clone(),
                id: s.id.to_string(),
                term: s.term.clone(),
                outcome: outcome_name(s.outcome).to_string(),
                lookups: s.lookups,
                detail: Text::of(|lang| s.said(lang)),
                explain: s.explain.into(),
            })
            .collect(),
    })
}

/// An SPF step's outcome as named in the page and the CLI's JSON.
pub fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Match => "match",
        Outcome::NoMatch => "no-match",
        Outcome::Info => "info",
        Outcome::Error => "error",
    }
}

/// An SPF result by name (`pass`, `fail` …).
pub fn spf_result(name: &str) -> Option<SpfResult> {
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "pass" => SpfResult::Pass,
        "fail" => SpfResult::Fail,
        "softfail" => SpfResult::SoftFail,
        "neutral" => SpfResult::Neutral,
        "none" => SpfResult::None,
        "permerror" => SpfResult::PermError,
        "temperror" => SpfResult::TempError,
        _ => return None,
    })
}

fn dmarc_check(
    records: &str,
    from_domain: &str,
    spf_name: &str,
    spf_domain: &str,
    dkim: &[(String, bool)],
    sample: u8,
) -> Result<DmarcOut, Text> {
    let zone = Zone::parse(records).map_err(|e| Text::of(|l| e.describe(l)))?;
    let spf = if spf_name.trim().is_empty() {
        None
    } else {
        let result = spf_result(spf_name)
            .ok_or_else(|| NOT_AN_SPF_RESULT.filled(&[("name", &format!("{spf_name:?}"))]))?;
        Some((result, spf_domain.trim().to_ascii_lowercase()))
    };
    let results = AuthResults {
        spf,
        dkim: dkim
            .iter()
            .filter(|(d, _)| !d.trim().is_empty())
            .map(|(d, ok)| (d.trim().to_ascii_lowercase(), *ok))
            .collect(),
    };
    let r = dmarc::evaluate(&zone, from_domain, &results, sample.min(99));
    Ok(DmarcOut {
        result: match r.pass {
            Some(true) => "pass",
            Some(false) => "fail",
            None => "none",
        }
        .to_string(),
        disposition: r.disposition.map(|d| d.name().to_string()),
        spf_aligned: r.spf_aligned,
        dkim_aligned: r.dkim_aligned,
        verdict: Text::of(|l| policy::describe(&r, l)),
        steps: steps(&r.trace, None),
    })
}

fn report_explain(xml: &str) -> Result<ReportOut, Text> {
    let rep = report::parse(xml).map_err(|e| Text::of(|l| e.describe(l)))?;
    let p = &rep.published;
    Ok(ReportOut {
        org_name: rep.org_name.clone(),
        report_id: rep.report_id.clone(),
        domain: p.domain.clone(),
        policy: format!(
            "p={} sp={} pct={} adkim={} aspf={}",
            p.p, p.sp, p.pct, p.adkim, p.aspf
        ),
        rows: rep
            .rows
            .iter()
            .map(|r| {
                let triples = |v: &[report::AuthResult]| {
                    v.iter()
                        .map(|a| (a.domain.clone(), a.detail.clone(), a.result.clone()))
                        .collect()
                };
                let diagnosis = report::diagnose(r, p);
                ReportRowOut {
                    source_ip: r.source_ip.clone(),
                    count: r.count,
                    header_from: r.header_from.clone(),
                    disposition: r.disposition.clone(),
                    dkim: r.dkim.clone(),
                    spf: r.spf.clone(),
                    dkim_results: triples(&r.dkim_results),
                    spf_results: triples(&r.spf_results),
                    diagnosis: Text::of(|l| diagnosis.describe(l)),
                    overrides: report::override_note(r, Lang::En)
                        .map(|_| Text::of(|l| report::override_note(r, l).unwrap_or_default())),
                }
            })
            .collect(),
    })
}
