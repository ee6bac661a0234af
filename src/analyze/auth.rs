//! Every AUTH exchange of a pasted transcript, found and (with a password) verified.
//!
//! The analyzer has already decided what each line is (an `AUTH` command, a `334`
//! challenge, a client's SASL answer, the final reply); this module re-reads those lines'
//! payloads, groups them into exchanges per session (RFC 4954 §4: `AUTH mech [initial]`,
//! then `334 challenge` / answer pairs, then one final reply) and hands each one to the
//! verifier ([`crate::sasl::verify::verify_with`]) exactly as it crossed the wire — so a
//! response the client sent without base64 is the mistake it is, unlike a value pasted by
//! hand.

use super::formats::{self, Role};
use super::session::clean;
use super::{Analysis, Kind, Text};
use crate::i18n::Lang;
use crate::sasl::verify::{verify_with, Mechanism, Options, Report, Verdict, VerifyError};

/// At most this many exchanges are read from one transcript.
pub const MAX_EXCHANGES: usize = 200;
/// At most this many challenge/answer rounds are kept per exchange (NTLM and SCRAM need 2).
const MAX_ROUNDS: usize = 8;

/// One AUTH exchange as the transcript shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// The session (`[n]` of `serve`'s transcript; 0 otherwise).
    pub session: u32,
    /// The mechanism named in the `AUTH` command, upper-cased.
    pub mechanism: String,
    /// The line of the `AUTH` command (1-based).
    pub line: usize,
    /// The initial response given with the command (RFC 4954 §4), as sent.
    pub initial: Option<String>,
    /// The `334` challenges and the answers that followed, as sent (an answer is `None`
    /// when the transcript ends or the server spoke again first).
    pub rounds: Vec<(String, Option<String>)>,
    /// The final reply's code, when the transcript has it.
    pub outcome: Option<u16>,
    /// The last line of the exchange.
    pub last_line: usize,
    /// The logging program hid some of the client's answers.
    pub hidden: bool,
}

impl Exchange {
    /// The client's answers in order: the initial response, then each answer.
    fn answers(&self) -> Vec<&str> {
        self.initial
            .iter()
            .map(String::as_str)
            .chain(self.rounds.iter().filter_map(|(_, a)| a.as_deref()))
            .collect()
    }

    fn challenge(&self, index: usize) -> Option<&str> {
        self.rounds.get(index).map(|(c, _)| c.as_str())
    }
}

/// What the verifier made of one exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The exchange.
    pub exchange: Exchange,
    /// The mechanism, when the verifier knows it.
    pub mechanism: Option<Mechanism>,
    /// The user name the exchange names, when it can be read.
    pub user: Option<String>,
    /// The verifier's report, or why it could not judge this exchange.
    pub result: Result<Report, Unchecked>,
}

impl Checked {
    /// Whether the verifier's verdict and the server's reply agree: a valid response
    /// accepted with 235, an invalid one refused. `None` without a verdict or an outcome.
    pub fn agrees_with_server(&self) -> Option<bool> {
        let verdict = self.result.as_ref().ok()?.verdict.as_ref()?;
        // Only 235 and 535 judge the credentials (RFC 4954 §6); 503, 504, 454 … do not.
        let accepted = match self.exchange.outcome? {
            235 => true,
            535 => false,
            _ => return None,
        };
        Some(accepted == (*verdict == Verdict::Valid))
    }
}

/// Why an exchange was not judged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Unchecked {
    /// The verifier has no such mechanism (XOAUTH2, GSSAPI …).
    Mechanism(String),
    /// The client cancelled with `*` (RFC 4954 §4).
    Cancelled,
    /// The transcript does not show the whole exchange (it is cut).
    Incomplete,
    /// The logging program hid the client's answers.
    Hidden,
    /// The server gave its final reply before the client had given every answer.
    EndedEarly(u16),
    /// The verifier could not read what was sent.
    Verify(VerifyError),
}

impl Unchecked {
    /// The reason in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Unchecked::Mechanism(name) => Text::new(
                format!("The verifier does not check {name}; PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM and NTLM it does."),
                format!("校验器不检查 {name}；它能检查 PLAIN、LOGIN、CRAM-MD5、DIGEST-MD5、SCRAM 和 NTLM。"),
            )
            .get(lang)
            .to_string(),
            Unchecked::Cancelled => Text::new(
                "The client cancelled the exchange with \"*\" (RFC 4954 §4): nothing to verify.",
                "客户端用 \"*\" 取消了这次交换（RFC 4954 §4）：没有可校验的内容。",
            )
            .get(lang)
            .to_string(),
            Unchecked::Incomplete => Text::new(
                "The transcript does not show the whole exchange: it ends before the client's last answer.",
                "记录中没有完整的交换：在客户端最后一个回答之前就结束了。",
            )
            .get(lang)
            .to_string(),
            Unchecked::Hidden => Text::new(
                "The logging program hid the client's answers, so there is nothing to verify (and the log does not expose the password — good).",
                "记录程序隐藏了客户端的回答，因此没有可校验的内容（日志也就没有暴露密码——这很好）。",
            )
            .get(lang)
            .to_string(),
            Unchecked::EndedEarly(code) => Text::new(
                format!("The server answered {code} before the client had given every answer: the credentials were never judged."),
                format!("客户端还没给出全部回答，服务器就回复了 {code}：凭据根本没有被判定。"),
            )
            .get(lang)
            .to_string(),
            Unchecked::Verify(err) => err.describe(lang),
        }
    }
}

/// Finds every AUTH exchange in a pasted transcript (any form [`super::analyze`] reads).
pub fn exchanges(text: &str) -> Vec<Exchange> {
    exchanges_in(&super::annotate(text))
}

/// Every AUTH exchange of a log already analyzed.
pub fn exchanges_of(analysis: &Analysis) -> Vec<Exchange> {
    exchanges_in(&analysis.lines)
}

/// Every AUTH exchange among annotated lines.
fn exchanges_in(lines: &[super::Line]) -> Vec<Exchange> {
    let mut open: Vec<Exchange> = Vec::new();
    let mut done: Vec<Exchange> = Vec::new();
    for line in lines {
        // Only an AUTH command starts an exchange, and only a 334, a client's answer or a
        // reply's last line goes on with one that is open: every other line is passed over
        // without reading it again (a long log is mostly other lines, and the page does
        // this on its main thread).
        let relevant = match &line.kind {
            Kind::Command { verb, .. } => verb == "AUTH",
            Kind::Reply { code: 334, .. } | Kind::Sasl | Kind::Reply { last: true, .. } => {
                !open.is_empty()
            }
            _ => false,
        };
        if !relevant {
            continue;
        }
        let reading = formats::read::<false>(&line.raw);
        let session = reading.session;
        let payload = match &reading.role {
            Role::Client(p) | Role::Server(p) => clean(p).0.to_string(),
            Role::Raw(p) => clean(p).0.to_string(),
            _ => continue,
        };
        let current = open.iter().position(|e| e.session == session);
        match &line.kind {
            Kind::Command { verb, .. } if verb == "AUTH" => {
                if let Some(i) = current {
                    done.push(open.swap_remove(i));
                }
                let mut words = payload.split_whitespace().skip(1);
                let mechanism = words.next().unwrap_or("").to_ascii_uppercase();
                let initial = words.next().map(str::to_string);
                open.push(Exchange {
                    session,
                    mechanism,
                    line: line.number,
                    initial,
                    rounds: Vec::new(),
                    outcome: None,
                    last_line: line.number,
                    hidden: false,
                });
            }
            Kind::Reply { code: 334, .. } => {
                if let Some(exchange) = current.and_then(|i| open.get_mut(i)) {
                    if exchange.rounds.len() < MAX_ROUNDS {
                        let challenge = payload
                            .get(3..)
                            .unwrap_or("")
                            .trim_start_matches(['-', ' ']);
                        exchange.rounds.push((challenge.to_string(), None));
                    }
                    exchange.last_line = line.number;
                }
            }
            Kind::Sasl => {
                if let Some(exchange) = current.and_then(|i| open.get_mut(i)) {
                    // The analyzer decodes every answer it sees; none means the log hid it.
                    exchange.hidden |= line.decoded.is_none();
                    if let Some(round) = exchange.rounds.last_mut() {
                        if round.1.is_none() {
                            round.1 = Some(payload.trim().to_string());
                        }
                    }
                    exchange.last_line = line.number;
                }
            }
            Kind::Reply {
                code, last: true, ..
            } => {
                if let Some(i) = current {
                    let mut exchange = open.swap_remove(i);
                    exchange.outcome = Some(*code);
                    exchange.last_line = line.number;
                    done.push(exchange);
                }
            }
            _ => {}
        }
        if done.len() >= MAX_EXCHANGES {
            break;
        }
    }
    done.extend(open);
    done.sort_by_key(|e| e.line);
    done.truncate(MAX_EXCHANGES);
    done
}

/// Finds every AUTH exchange in a transcript and verifies each (with the password) or
/// explains it (without).
pub fn verify_transcript(text: &str, password: Option<&str>) -> Vec<Checked> {
    exchanges(text)
        .into_iter()
        .map(|exchange| check(exchange, password))
        .collect()
}

/// Verifies (with the password) or explains (without) one exchange, as it was sent.
pub fn check(exchange: Exchange, password: Option<&str>) -> Checked {
    let mechanism = Mechanism::from_name(&exchange.mechanism);
    let answers: Vec<String> = exchange.answers().into_iter().map(str::to_string).collect();
    let mut checked = Checked {
        mechanism,
        user: None,
        result: Err(Unchecked::Incomplete),
        exchange,
    };
    let Some(mechanism) = mechanism else {
        checked.result = Err(Unchecked::Mechanism(checked.exchange.mechanism.clone()));
        return checked;
    };
    if answers.iter().any(|a| a == "*") {
        checked.result = Err(Unchecked::Cancelled);
        return checked;
    }
    if checked.exchange.hidden {
        checked.result = Err(Unchecked::Hidden);
        return checked;
    }
    let exchange = &checked.exchange;
    let options = Options {
        as_sent: true,
        server_final: None,
    };
    let run = |challenge: &str, response: &str, options: &Options| {
        verify_with(mechanism, challenge, response, password, options).map_err(Unchecked::Verify)
    };
    let decoded = |value: &str| {
        String::from_utf8_lossy(&crate::sasl::verify::read_pasted(value).bytes).into_owned()
    };
    checked.result = match mechanism {
        Mechanism::Plain => match answers.first() {
            Some(answer) => run("", answer, &options),
            None => Err(Unchecked::Incomplete),
        },
        Mechanism::Login => match answers.as_slice() {
            [user, pass, ..] => {
                checked.user = Some(decoded(user));
                run("", pass, &options)
            }
            [user] => {
                checked.user = Some(decoded(user));
                Err(Unchecked::Incomplete)
            }
            [] => Err(Unchecked::Incomplete),
        },
        Mechanism::CramMd5 => match (exchange.challenge(0), answers.first()) {
            (Some(challenge), Some(answer)) => run(challenge, answer, &options),
            _ => Err(Unchecked::Incomplete),
        },
        Mechanism::DigestMd5 => match (exchange.challenge(0), answers.first()) {
            (Some(challenge), Some(answer)) => run(
                challenge,
                answer,
                &Options {
                    server_final: exchange.challenge(1).map(str::to_string),
                    ..options
                },
            ),
            _ => Err(Unchecked::Incomplete),
        },
        Mechanism::ScramSha1 | Mechanism::ScramSha256 => {
            // With an initial response the server-first is the first challenge; without
            // one the server first sends an empty 334 (RFC 4954 §4).
            let offset = usize::from(exchange.initial.is_none());
            match (exchange.challenge(offset), answers.as_slice()) {
                (Some(server_first), [first, last, ..]) => {
                    run(server_first, &format!("{first}\n{last}"), &options)
                }
                _ => Err(Unchecked::Incomplete),
            }
        }
        Mechanism::Ntlm => {
            // NEGOTIATE (initial or first answer), CHALLENGE (a 334), AUTHENTICATE.
            let offset = usize::from(exchange.initial.is_none());
            match (exchange.challenge(offset), answers.get(1)) {
                (Some(challenge), Some(authenticate)) => run(challenge, authenticate, &options),
                _ => Err(Unchecked::Incomplete),
            }
        }
    };
    if checked.user.is_none() {
        checked.user = checked.result.as_ref().ok().and_then(user_of);
    }
    if let (Err(Unchecked::Incomplete), Some(code)) = (&checked.result, checked.exchange.outcome) {
        checked.result = Err(Unchecked::EndedEarly(code));
    }
    checked
}

/// The user name among a report's fields.
fn user_of(report: &Report) -> Option<String> {
    report
        .fields
        .iter()
        .find(|f| {
            matches!(
                f.name.as_str(),
                "authcid" | "user" | "response: username" | "client-first: n"
            ) || f.name == "AUTHENTICATE: user"
        })
        .map(|f| {
            if f.name == "AUTHENTICATE: user" {
                ntlm_name(&f.value).unwrap_or_else(|| f.value.clone())
            } else {
                f.value.clone()
            }
        })
}

/// NTLM's UserName field, shown in hex (`740069006d00`), as text: UTF-16LE when the
/// client negotiated Unicode, else the OEM bytes (`74696d`).
fn ntlm_name(hex: &str) -> Option<String> {
    if !hex.len().is_multiple_of(2) || hex.is_empty() {
        return None;
    }
    let bytes: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    let wide = bytes.len().is_multiple_of(2) && bytes.iter().skip(1).step_by(2).any(|&b| b == 0);
    if wide {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16(&units).ok()
    } else {
        String::from_utf8(bytes).ok()
    }
}
