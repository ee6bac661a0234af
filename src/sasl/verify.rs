//! The verifier: check a captured exchange by hand.
//!
//! Given a mechanism, the server's challenge and the client's response (base64 as on the
//! wire, or already decoded) and, optionally, the password:
//!
//! - without the password, every field is decoded and explained;
//! - with it, the response is recomputed and judged valid or invalid, and when invalid the
//!   verifier tries the classic mistakes one by one (the hex of H(A1) instead of its raw
//!   bytes, a trailing newline on the password, upper-case hex, hashing the challenge's
//!   base64 text, a realm or digest-uri or nonce that does not match, a qop that was not
//!   offered) and names the first step where the client went wrong.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::trace::{hex, visible, Trace};
use super::{cram_md5, digest_md5, ntlm, plain, scram};
use crate::i18n::{Lang, Tr};

/// The mechanisms the verifier understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mechanism {
    /// RFC 4616.
    Plain,
    /// draft-murchison-sasl-login (the response is one answer: user name or password).
    Login,
    /// RFC 2195.
    CramMd5,
    /// RFC 2831.
    DigestMd5,
    /// RFC 5802: the challenge is the server-first-message, the response the client's two
    /// lines (client-first, then client-final).
    ScramSha1,
    /// RFC 7677, as SCRAM-SHA-1 with SHA-256.
    ScramSha256,
    /// MS-NLMP: the challenge is the CHALLENGE message, the response the AUTHENTICATE.
    Ntlm,
}

impl Mechanism {
    /// Every mechanism, for pickers.
    pub const ALL: [Mechanism; 7] = [
        Mechanism::Plain,
        Mechanism::Login,
        Mechanism::CramMd5,
        Mechanism::DigestMd5,
        Mechanism::ScramSha1,
        Mechanism::ScramSha256,
        Mechanism::Ntlm,
    ];

    /// The SASL name.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::Login => "LOGIN",
            Mechanism::CramMd5 => "CRAM-MD5",
            Mechanism::DigestMd5 => "DIGEST-MD5",
            Mechanism::ScramSha1 => "SCRAM-SHA-1",
            Mechanism::ScramSha256 => "SCRAM-SHA-256",
            Mechanism::Ntlm => "NTLM",
        }
    }

    /// The mechanism for a SASL name, case-insensitively.
    pub fn from_name(name: &str) -> Option<Mechanism> {
        Mechanism::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// One decoded field, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Where it came from and what it is, e.g. `response: nc`.
    pub name: String,
    /// Its value, with control bytes made visible.
    pub value: String,
    /// What it means.
    pub explain: Tr,
}

/// A mistake the verifier recognised.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mistake {
    /// DIGEST-MD5: A1 was built from the 32-character hex of H(user:realm:pass), as HTTP's
    /// MD5-sess does, instead of its 16 raw bytes.
    HexInsteadOfRawA1,
    /// The password had a trailing newline (`echo` without `-n`).
    TrailingNewline,
    /// The response itself ends with a newline: its base64 was made with `echo` without
    /// `-n`, so the server reads the newline as part of the answer.
    ResponseTrailingNewline,
    /// SCRAM: the proof has the other hash's length: the client computed another SCRAM
    /// mechanism than the one checked (`valid`: and with it, this password gives it).
    OtherMechanism {
        /// The mechanism the proof's length belongs to.
        computed_as: Mechanism,
        /// Whether the exchange is valid when checked as that mechanism.
        valid: bool,
    },
    /// The hex digest is upper-case; RFC 2195 and RFC 2831 want lower-case.
    UppercaseHex,
    /// CRAM-MD5: the HMAC was computed over the challenge's base64 text, not its decoded bytes.
    ChallengeNotDecoded,
    /// The response was not base64 on the wire.
    MissingBase64,
    /// DIGEST-MD5: the response names a realm the challenge did not offer.
    WrongRealm {
        /// What the response says.
        got: String,
        /// What the challenge offered.
        offered: Vec<String>,
    },
    /// DIGEST-MD5: the digest-uri is not for SMTP.
    WrongDigestUri(String),
    /// DIGEST-MD5: the response's nonce is not the challenge's.
    NonceMismatch,
    /// DIGEST-MD5: the qop was not among those offered.
    QopNotOffered(String),
    /// DIGEST-MD5: nc is not 8 hex digits.
    NcFormat(String),
    /// Nothing recognisable: most likely another password.
    WrongPassword,
}

const HEX_INSTEAD_OF_RAW_A1: Tr = Tr::new(
    "A1 was built from the 32-character hex of H(user:realm:password). DIGEST-MD5 wants its 16 raw bytes (RFC 2831 §2.1.2.1); the hex form is HTTP's MD5-sess (RFC 2617).",
    "A1 用的是 H(用户名:realm:密码) 的 32 个字符十六进制。DIGEST-MD5 要求使用它的 16 个原始字节（RFC 2831 §2.1.2.1）；十六进制形式是 HTTP 的 MD5-sess（RFC 2617）。",
);
const TRAILING_NEWLINE: Tr = Tr::new(
    "The password was used with a trailing newline — typically `echo` instead of `echo -n` or `printf`.",
    "计算时密码末尾多了换行符——通常是用了 `echo` 而不是 `echo -n` 或 `printf`。",
);
const RESPONSE_TRAILING_NEWLINE: Tr = Tr::new(
    "The computation is right, but the response ends with a newline: its base64 was made with `echo` instead of `echo -n` or `printf`, so the server reads the newline as part of the digest and refuses it.",
    "计算本身正确，但响应末尾多了换行符：它的 base64 是用 `echo` 而不是 `echo -n` 或 `printf` 生成的，服务器把换行符当作摘要的一部分读入，于是拒绝。",
);
const OTHER_MECHANISM: Tr = Tr::new(
    "The client proof has {len} bytes, the length of {other}'s, not {checked}'s ({want}): the client computed {other}. Check which mechanism the AUTH command named; a server running {checked} refuses this proof.",
    "客户端证明有 {len} 个字节，这是 {other} 的长度，而不是 {checked} 的（{want}）：客户端按 {other} 计算了。请确认 AUTH 命令指定的是哪个机制；按 {checked} 验证的服务器会拒绝这个证明。",
);
const OTHER_MECHANISM_VALID: Tr = Tr::new(
    "Checked as {other}, with this password, the exchange is valid.",
    "按 {other} 并使用这个密码验证，这次交换是有效的。",
);
const UPPERCASE_HEX: Tr = Tr::new(
    "The digest is right but written in upper-case hex; the RFCs require lower-case, and servers compare the text.",
    "摘要本身正确，但写成了大写十六进制；RFC 要求小写，服务器按文本比较。",
);
const CHALLENGE_NOT_DECODED: Tr = Tr::new(
    "The HMAC was computed over the challenge's base64 text. Decode the 334 line first: the key is the password, the message is the decoded challenge.",
    "HMAC 是对质询的 base64 文本计算的。请先解码 334 行：密钥是密码，消息是解码后的质询。",
);
const MISSING_BASE64: Tr = Tr::new(
    "The response is not base64. In SMTP every SASL response line must be base64 (RFC 4954 §4); the server cannot even read this one.",
    "响应不是 base64。SMTP 中每个 SASL 响应行都必须是 base64（RFC 4954 §4）；服务器根本无法读取它。",
);
const WRONG_REALM: Tr = Tr::new(
    "The response uses realm {got}, but the challenge offered {offered}.",
    "响应使用的 realm 是 {got}，但质询提供的是 {offered}。",
);
const WRONG_DIGEST_URI: Tr = Tr::new(
    "The response was computed for smtp/<host>, but the digest-uri sent is {uri}: the server hashes the digest-uri sent, so the two differ. For SMTP, send smtp/<server host> and hash that (RFC 2831 §2.1.2).",
    "响应是按 smtp/<主机名> 计算的，但发送的 digest-uri 是 {uri}：服务器按发送的 digest-uri 计算散列，所以两者不一致。SMTP 应发送 smtp/<服务器主机名>，并用它计算散列（RFC 2831 §2.1.2）。",
);
const NONCE_MISMATCH: Tr = Tr::new(
    "The response's nonce is not the challenge's nonce: the client answered another challenge.",
    "响应中的 nonce 与质询中的不一致：客户端回应的是另一个质询。",
);
const QOP_NOT_OFFERED: Tr = Tr::new(
    "qop={q} was not among the challenge's qop-options.",
    "qop={q} 不在质询提供的 qop-options 中。",
);
const NC_FORMAT: Tr = Tr::new(
    "nc={nc} is not 8 lower-case hex digits (the first response with a nonce has nc=00000001).",
    "nc={nc} 不是 8 位小写十六进制（使用某个 nonce 的第一次响应是 nc=00000001）。",
);
const WRONG_PASSWORD: Tr = Tr::new(
    "None of the usual mistakes explains it: most likely the password (or the user name) is not the one the server has.",
    "常见错误都解释不了：最可能是密码（或用户名）与服务器上的不一致。",
);

impl Mistake {
    /// The step of `mechanism`'s expected trace where the client's computation first goes
    /// wrong (always an id that trace has).
    pub fn first_step(&self, mechanism: Mechanism) -> &'static str {
        use Mechanism as M;
        // Where the password first enters each mechanism's computation.
        let password_step = match mechanism {
            M::DigestMd5 => "user-realm-pass",
            M::ScramSha1 | M::ScramSha256 => "stored-key-recomputed",
            M::Ntlm => "password-utf16le",
            M::CramMd5 => "key",
            M::Plain => "passwd",
            M::Login => "response",
        };
        match (self, mechanism) {
            (Mistake::HexInsteadOfRawA1, _) => "a1",
            (Mistake::TrailingNewline | Mistake::WrongPassword, _) => password_step,
            (Mistake::ResponseTrailingNewline, _) => "response",
            (Mistake::OtherMechanism { .. }, _) => "client-proof",
            (Mistake::UppercaseHex, M::DigestMd5) => "response",
            (Mistake::UppercaseHex, _) => "digest-hex",
            (Mistake::ChallengeNotDecoded, _) => "challenge",
            (Mistake::MissingBase64, M::DigestMd5) => "response-base64",
            (Mistake::MissingBase64, _) => "response",
            (Mistake::WrongRealm { .. }, _) => "user-realm-pass",
            (Mistake::WrongDigestUri(_), _) => "a2",
            (Mistake::NonceMismatch, _) => "a1",
            (Mistake::QopNotOffered(_) | Mistake::NcFormat(_), _) => "kd-input",
        }
    }

    /// The mistake in words.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Mistake::HexInsteadOfRawA1 => HEX_INSTEAD_OF_RAW_A1.get(lang).to_owned(),
            Mistake::TrailingNewline => TRAILING_NEWLINE.get(lang).to_owned(),
            Mistake::ResponseTrailingNewline => RESPONSE_TRAILING_NEWLINE.get(lang).to_owned(),
            Mistake::OtherMechanism { computed_as, valid } => {
                // (its hash, the mechanism checked, that one's hash)
                let (other, checked, checked_hash) = match computed_as {
                    Mechanism::ScramSha256 => {
                        (scram::Hash::Sha256, Mechanism::ScramSha1, scram::Hash::Sha1)
                    }
                    _ => (
                        scram::Hash::Sha1,
                        Mechanism::ScramSha256,
                        scram::Hash::Sha256,
                    ),
                };
                let mut text = OTHER_MECHANISM.fill(
                    lang,
                    &[
                        ("len", &other.output_len().to_string()),
                        ("other", &computed_as.name()),
                        ("checked", &checked.name()),
                        ("want", &checked_hash.output_len().to_string()),
                    ],
                );
                if *valid {
                    // Chinese sentences follow one another without a space.
                    if lang != Lang::Zh {
                        text.push(' ');
                    }
                    text.push_str(
                        &OTHER_MECHANISM_VALID.fill(lang, &[("other", &computed_as.name())]),
                    );
                }
                text
            }
            Mistake::UppercaseHex => UPPERCASE_HEX.get(lang).to_owned(),
            Mistake::ChallengeNotDecoded => CHALLENGE_NOT_DECODED.get(lang).to_owned(),
            Mistake::MissingBase64 => MISSING_BASE64.get(lang).to_owned(),
            Mistake::WrongRealm { got, offered } => WRONG_REALM.fill(
                lang,
                &[
                    ("got", &format!("{got:?}")),
                    ("offered", &format!("{offered:?}")),
                ],
            ),
            Mistake::WrongDigestUri(uri) => {
                WRONG_DIGEST_URI.fill(lang, &[("uri", &format!("{uri:?}"))])
            }
            Mistake::NonceMismatch => NONCE_MISMATCH.get(lang).to_owned(),
            Mistake::QopNotOffered(q) => QOP_NOT_OFFERED.fill(lang, &[("q", &q)]),
            Mistake::NcFormat(nc) => NC_FORMAT.fill(lang, &[("nc", &nc)]),
            Mistake::WrongPassword => WRONG_PASSWORD.get(lang).to_owned(),
        }
    }
}

/// The verifier's verdict, when a password was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The response is what the password gives.
    Valid,
    /// It is not; here is the most likely reason.
    Invalid(Mistake),
}

/// Everything the verifier found.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Report {
    /// The decoded fields of challenge and response, explained.
    pub fields: Vec<Field>,
    /// Notes about the input itself (e.g. the response was pasted decoded).
    pub notes: Vec<Tr>,
    /// With a password: the verdict.
    pub verdict: Option<Verdict>,
    /// With a password: the correct computation, step by step.
    pub expected: Option<Trace>,
}

/// Why the verifier cannot even start.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// The challenge is needed for this mechanism.
    MissingChallenge,
    /// The response is empty.
    MissingResponse,
    /// The response cannot be read as this mechanism's response.
    Malformed(Tr),
    /// The DIGEST-MD5 challenge or response does not parse.
    Digest(digest_md5::ParseError),
    /// A SCRAM message does not parse or does not fit the exchange.
    Scram(scram::ScramError),
    /// An NTLM message does not decode.
    Ntlm(ntlm::ParseError),
    /// NTLM: another of its three messages where this one belongs (the NEGOTIATE pasted
    /// as the response).
    NtlmMessageOrder {
        /// The input that holds it.
        field: PastedField,
        /// The message type pasted there.
        got: u32,
        /// The message type that belongs there.
        want: u32,
    },
}

/// Which of the verifier's inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PastedField {
    /// The server's challenge.
    Challenge,
    /// The client's response.
    Response,
}

const NTLM_MESSAGE_ORDER: Tr = Tr::new(
    "The {field} is NTLM's {got} message, where the {want} belongs. The client's first message (NEGOTIATE) holds no computation, the server's second (CHALLENGE) is the challenge, and the client's third (AUTHENTICATE) is the answer the password shows in (MS-NLMP §3.1.1).",
    "{field}是 NTLM 的 {got} 消息，而这里应是 {want}。客户端的第一条消息（NEGOTIATE）不含计算，服务器的第二条（CHALLENGE）是质询，客户端的第三条（AUTHENTICATE）才是体现密码的回答（MS-NLMP §3.1.1）。",
);

const MISSING_CHALLENGE: Tr = Tr::new(
    "This mechanism needs the server's challenge (the text after 334).",
    "这个机制需要服务器的质询（334 后面的文本）。",
);
const MISSING_RESPONSE: Tr = Tr::new(
    "Paste the client's response line.",
    "请粘贴客户端的响应行。",
);

impl VerifyError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            VerifyError::MissingChallenge => MISSING_CHALLENGE.get(lang).to_owned(),
            VerifyError::MissingResponse => MISSING_RESPONSE.get(lang).to_owned(),
            VerifyError::Malformed(tr) => tr.get(lang).to_string(),
            VerifyError::NtlmMessageOrder { field, got, want } => {
                let name = |t: u32| match t {
                    1 => "NEGOTIATE (type 1)".to_string(),
                    2 => "CHALLENGE (type 2)".to_string(),
                    3 => "AUTHENTICATE (type 3)".to_string(),
                    t => format!("type {t}"),
                };
                let field = match (field, lang) {
                    (PastedField::Challenge, Lang::Zh) => "质询",
                    (PastedField::Response, Lang::Zh) => "响应",
                    (PastedField::Challenge, _) => "challenge",
                    (PastedField::Response, _) => "response",
                };
                NTLM_MESSAGE_ORDER.fill(
                    lang,
                    &[
                        ("field", &field),
                        ("got", &name(*got)),
                        ("want", &name(*want)),
                    ],
                )
            }
            VerifyError::Digest(err) => err.describe(lang),
            VerifyError::Scram(err) => err.describe(lang),
            VerifyError::Ntlm(err) => err.describe(lang),
        }
    }
}

/// Inputs are read up to this size; real exchanges are far smaller.
pub const MAX_INPUT: usize = 16 * 1024;

/// Base64 as clients write it: the standard alphabet, padding optional (some clients leave
/// it off, and servers accept that).
const BASE64_LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// A pasted value, read both ways it can be meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    /// The bytes: decoded from base64 when the text is base64, else the text itself.
    pub bytes: Vec<u8>,
    /// Whether the text was base64.
    pub base64: bool,
    /// The text itself, when it was base64 too: a short password such as `secret12` is
    /// valid base64, so a value typed decoded can look encoded. The verifier tries it as
    /// well, so the verdict does not depend on how the value was pasted.
    pub as_text: Option<Vec<u8>>,
}

/// Strips what people paste around a value: the prefix of any transcript form the analyzer
/// reads (`C: `/`S: `, swaks' `<-  `/` -> `, serve's `[3] S: `, curl's `< `/`> `, smtplib's
/// `reply: b'…'`, …) and the `334 ` of a server line.
fn strip_pasted_prefix(line: &str) -> String {
    let payload = crate::analyze::transcript_payload(line);
    let mut line = payload.trim();
    // `AUTH PLAIN AHRpbQB0…`: the initial response, as swaks, smtplib and msmtp show it.
    let words: Vec<&str> = line.split_whitespace().collect();
    if let [verb, _mechanism, initial] = words.as_slice() {
        if verb.eq_ignore_ascii_case("AUTH") {
            line = initial;
        }
    }
    if let Some(rest) = line
        .strip_prefix("334 ")
        .or_else(|| line.strip_prefix("334-"))
    {
        line = rest.trim_start();
    } else if line == "334" {
        line = "";
    }
    line.to_string()
}

/// The lines of a pasted value without the server's among them: a response pasted with
/// the 334 prompts it answered keeps the client's lines alone (when there are any).
fn client_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let client: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !crate::analyze::transcript_line_is_server(l))
        .collect();
    if client.is_empty() || client.len() == lines.len() {
        lines
    } else {
        client
    }
}

/// Reads a pasted value: each line without a `C: `/`S: `/`334 ` prefix; base64 (which may
/// be wrapped over several lines, padding optional) is decoded, anything else is taken as
/// the decoded text (its lines joined by a line feed).
pub fn read_pasted(text: &str) -> Pasted {
    let bounded: String = crate::i18n::cut::chars(text, MAX_INPUT).to_string();
    let lines: Vec<String> = bounded
        .lines()
        .map(strip_pasted_prefix)
        .filter(|l| !l.is_empty())
        .collect();
    let joined: String = lines.concat();
    let looks_base64 = !joined.is_empty()
        && joined
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    if looks_base64 {
        if let Ok(bytes) = BASE64_LENIENT.decode(&joined) {
            return Pasted {
                bytes,
                base64: true,
                as_text: (lines.len() == 1).then(|| joined.clone().into_bytes()),
            };
        }
    }
    Pasted {
        bytes: lines.join("\n").into_bytes(),
        base64: false,
        as_text: None,
    }
}

/// Decodes a pasted value: strips a `334 ` prefix and whitespace, then base64 if it is
/// base64; returns the bytes and whether it was base64.
pub fn decode_pasted(text: &str) -> (Vec<u8>, bool) {
    let pasted = read_pasted(text);
    (pasted.bytes, pasted.base64)
}

/// How the verifier should read its input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The response is exactly what the client sent on the wire (a transcript line, or the
    /// user says so): then a response that is not base64 is a mistake of its own. Without
    /// it a decoded response is only a note — the verdict is about the computation.
    pub as_sent: bool,
    /// The server's last word, checked when given: DIGEST-MD5's second challenge (`rspauth=…`),
    /// SCRAM's server-final-message (`v=…`).
    pub server_final: Option<String>,
}

/// Verifies (or, without a password, explains) one exchange pasted by hand: the verdict is
/// about the computation, however the response was pasted (see [`verify_with`]).
pub fn verify(
    mechanism: Mechanism,
    challenge: &str,
    response: &str,
    password: Option<&str>,
) -> Result<Report, VerifyError> {
    verify_with(
        mechanism,
        challenge,
        response,
        password,
        &Options::default(),
    )
}

/// Verifies one exchange. A correct computation is valid whether the response was pasted as
/// base64 or decoded, and DIGEST-MD5's directives may come in any order, quoted or not,
/// spaced as they like (RFC 2831 §7.1's lists); how it was pasted is a note. Only with
/// [`Options::as_sent`] is a response that is not base64 the mistake it is on the wire
/// (RFC 4954 §4).
pub fn verify_with(
    mechanism: Mechanism,
    challenge: &str,
    response: &str,
    password: Option<&str>,
    options: &Options,
) -> Result<Report, VerifyError> {
    if response.trim().is_empty() {
        return Err(VerifyError::MissingResponse);
    }
    // Pasted with the server's prompts (LOGIN's `334 VXNlcm5hbWU6`): the client's lines.
    let client = client_lines(response).join("\n");
    let response = client.as_str();
    let pasted = read_pasted(response);
    let mut report = Report::default();
    let scram = matches!(mechanism, Mechanism::ScramSha1 | Mechanism::ScramSha256);
    // LOGIN's two answers pasted together, each base64 on its own line.
    let login_pair = (mechanism == Mechanism::Login)
        .then(|| login_answers(response))
        .flatten();
    let was_base64 = pasted.base64 || login_pair.is_some();
    // SCRAM's response is two lines, judged one by one in `scram_report`.
    if !was_base64 && !scram {
        report.notes.push(if options.as_sent {
            Tr::new(
                "The client sent this response without base64; on the wire it must be base64 (RFC 4954 §4).",
                "客户端发送这个响应时没有做 base64 编码；在线路上它必须是 base64（RFC 4954 §4）。",
            )
        } else {
            Tr::new(
                "The response was pasted decoded (not base64). The computation is judged as it is; on the wire the client must send it base64 (RFC 4954 §4).",
                "响应是以解码后的形式粘贴的（不是 base64）。判定只看计算本身；在线路上客户端必须以 base64 发送（RFC 4954 §4）。",
            )
        });
    }
    match mechanism {
        Mechanism::Plain => plain_report(&pasted, password, &mut report)?,
        Mechanism::Login => match login_pair {
            Some((user, answer)) => {
                report.fields.push(Field {
                    name: "user".into(),
                    value: visible(&user),
                    explain: Tr::new(
                        "LOGIN's first answer, to \"Username:\": the user name.",
                        "LOGIN 的第一个回答，对应 \"Username:\"：用户名。",
                    ),
                });
                login_report(&answer, password, &mut report);
            }
            None => login_report(&pasted, password, &mut report),
        },
        Mechanism::CramMd5 => cram_report(challenge, &pasted.bytes, password, &mut report)?,
        Mechanism::DigestMd5 => {
            digest_report(challenge, &pasted.bytes, password, options, &mut report)?
        }
        Mechanism::ScramSha1 => scram_report(
            scram::Hash::Sha1,
            challenge,
            response,
            password,
            options.server_final.as_deref(),
            &mut report,
        )?,
        Mechanism::ScramSha256 => scram_report(
            scram::Hash::Sha256,
            challenge,
            response,
            password,
            options.server_final.as_deref(),
            &mut report,
        )?,
        Mechanism::Ntlm => ntlm_report(challenge, &pasted.bytes, password, &mut report)?,
    }
    // On the wire, a response that is not base64 cannot even be read: that is the mistake
    // when the computation itself is right.
    if options.as_sent && !was_base64 && !scram && report.verdict == Some(Verdict::Valid) {
        report.verdict = Some(Verdict::Invalid(Mistake::MissingBase64));
    }
    Ok(report)
}

/// LOGIN's two answers when both were pasted, one base64 line each (user name, then
/// password): what the client sent after `334 VXNlcm5hbWU6` and after `334 UGFzc3dvcmQ6`.
/// Typed decoded, the two lines are the user name and the password as they are.
fn login_answers(response: &str) -> Option<(Vec<u8>, Pasted)> {
    let lines: Vec<String> = response
        .lines()
        .map(strip_pasted_prefix)
        .filter(|l| !l.is_empty())
        .collect();
    let [user, answer] = lines.as_slice() else {
        return None;
    };
    let (user_read, answer_read) = (read_pasted(user), read_pasted(answer));
    if user_read.base64
        && answer_read.base64
        && std::str::from_utf8(&user_read.bytes).is_ok_and(|u| !u.chars().any(char::is_control))
    {
        return Some((user_read.bytes, answer_read));
    }
    // Decoded (a user name such as `tim` may look like base64 but reads as no text).
    Some((
        user.clone().into_bytes(),
        Pasted {
            bytes: answer.clone().into_bytes(),
            base64: false,
            as_text: None,
        },
    ))
}

/// LOGIN: one answer, the user name or the password.
fn login_report(pasted: &Pasted, password: Option<&str>, report: &mut Report) {
    // A value that is valid base64 may still have been typed decoded: judge whichever
    // reading is the password.
    let bytes = match (password, &pasted.as_text) {
        (Some(p), Some(text)) if pasted.bytes != p.as_bytes() && text == p.as_bytes() => {
            report.notes.push(Tr::new(
                "This answer is also valid base64, but taken as it is it equals the password: read as typed decoded.",
                "这个回答也是合法的 base64，但按原样读取正好等于密码：按解码后的形式读取。",
            ));
            text.as_slice()
        }
        _ => pasted.bytes.as_slice(),
    };
    report.fields.push(Field {
        name: "response".into(),
        value: visible(bytes),
        explain: Tr::new(
            "LOGIN sends the user name and the password as two separate base64 answers; this is one of them.",
            "LOGIN 把用户名和密码作为两个独立的 base64 回答发送；这是其中之一。",
        ),
    });
    if let Some(password) = password {
        report.verdict = Some(if bytes == password.as_bytes() {
            Verdict::Valid
        } else if bytes.strip_suffix(b"\n") == Some(password.as_bytes()) {
            Verdict::Invalid(Mistake::TrailingNewline)
        } else {
            Verdict::Invalid(Mistake::WrongPassword)
        });
    }
}

fn plain_report(
    pasted: &Pasted,
    password: Option<&str>,
    report: &mut Report,
) -> Result<(), VerifyError> {
    // Typed decoded, the NULs are written as the analyzer and the console show them (␀)
    // or as C writes them (\0).
    let typed;
    let bytes = if pasted.base64 {
        pasted.bytes.as_slice()
    } else {
        typed = String::from_utf8_lossy(&pasted.bytes)
            .replace(['\u{2400}'], "\0")
            .replace("\\0", "\0");
        typed.as_bytes()
    };
    let message = plain::decode(bytes).map_err(|_| {
        VerifyError::Malformed(Tr::new(
            "A PLAIN response decodes to authzid NUL user NUL password (RFC 4616 §2); this one does not.",
            "PLAIN 响应解码后应为 authzid NUL 用户名 NUL 密码（RFC 4616 §2）；这个不是。",
        ))
    })?;
    let fields = [
        ("authzid", message.authzid.clone(), Tr::new("Act as this user; empty means as yourself.", "以该用户身份操作；为空表示就是自己。")),
        ("authcid", message.authcid.clone(), Tr::new("The user name that is checked.", "被验证的用户名。")),
        ("passwd", message.passwd.clone(), Tr::new("The password, in clear: PLAIN only hides it from a casual look, so use it only inside TLS.", "明文密码：PLAIN 只是防止一眼看到，务必只在 TLS 内使用。")),
    ];
    for (name, value, explain) in fields {
        report.fields.push(Field {
            name: name.into(),
            value: visible(value.as_bytes()),
            explain,
        });
    }
    if let Some(password) = password {
        report.verdict = Some(if message.passwd == password {
            Verdict::Valid
        } else if message.passwd.strip_suffix('\n') == Some(password) {
            Verdict::Invalid(Mistake::TrailingNewline)
        } else {
            Verdict::Invalid(Mistake::WrongPassword)
        });
    }
    Ok(())
}

fn cram_report(
    challenge: &str,
    response: &[u8],
    password: Option<&str>,
    report: &mut Report,
) -> Result<(), VerifyError> {
    if challenge.trim().is_empty() {
        return Err(VerifyError::MissingChallenge);
    }
    let (challenge_bytes, challenge_b64) = decode_pasted(challenge);
    report.fields.push(Field {
        name: "challenge".into(),
        value: visible(&challenge_bytes),
        explain: Tr::new(
            "The server's unique string; the HMAC is computed over these decoded bytes.",
            "服务器的唯一字符串；HMAC 是对这些解码后的字节计算的。",
        ),
    });
    let Some((user, digest)) = cram_md5::split_response(response) else {
        return Err(VerifyError::Malformed(Tr::new(
            "A CRAM-MD5 response decodes to the user name, one space and 32 hex digits (RFC 2195 §2).",
            "CRAM-MD5 响应解码后应为用户名、一个空格和 32 位十六进制数字（RFC 2195 §2）。",
        )));
    };
    let user = String::from_utf8_lossy(user).into_owned();
    let digest = String::from_utf8_lossy(digest).into_owned();
    report.fields.push(Field {
        name: "user".into(),
        value: user.clone(),
        explain: Tr::new("The user name, before the space.", "空格前的用户名。"),
    });
    report.fields.push(Field {
        name: "digest".into(),
        value: visible(digest.as_bytes()),
        explain: Tr::new(
            "HMAC-MD5(password, challenge) as 32 lower-case hex digits.",
            "HMAC-MD5(密码, 质询)，32 位小写十六进制。",
        ),
    });
    let Some(password) = password else {
        return Ok(());
    };
    let expected = cram_md5::client(&user, password, &challenge_bytes);
    let want = expected
        .step("digest-hex")
        .map(|s| s.text())
        .unwrap_or_default();
    let digest_with = |key: &str, message: &[u8]| {
        hex(&super::hmac_md5::hmac_md5(
            key.as_bytes(),
            message,
            &mut Trace::default(),
        ))
    };
    // What the person pasting may have changed, not the client: the challenge without its
    // angle brackets, a line break after the password typed here.
    let bracketed = (!challenge_bytes.starts_with(b"<")).then(|| {
        let mut with = b"<".to_vec();
        with.extend_from_slice(&challenge_bytes);
        with.push(b'>');
        with
    });
    let typed = password.trim_end_matches(['\r', '\n']);
    let lower = digest.to_ascii_lowercase();
    let verdict = if digest == want {
        Verdict::Valid
    } else if bracketed
        .as_ref()
        .is_some_and(|b| digest_with(password, b) == lower)
    {
        report.notes.push(Tr::new(
            "The challenge was pasted without its angle brackets: the server sent them (RFC 2195 §2: the challenge is a msg-id, <…>) and the client's HMAC covers them. With them, the response is right.",
            "粘贴的质询缺少尖括号：服务器发送的质询带有尖括号（RFC 2195 §2：质询是一个 msg-id，即 <…>），客户端的 HMAC 也包含它们。加上尖括号后，响应是正确的。",
        ));
        Verdict::Valid
    } else if typed != password && digest_with(typed, &challenge_bytes) == lower {
        report.notes.push(Tr::new(
            "The password given here ends with a line break; without it, the response is right (the client used the password alone).",
            "这里输入的密码末尾带有换行；去掉换行后，响应是正确的（客户端只用了密码本身）。",
        ));
        Verdict::Valid
    } else if digest
        .strip_suffix('\n')
        .map(|d| d.strip_suffix('\r').unwrap_or(d))
        == Some(&want)
    {
        Verdict::Invalid(Mistake::ResponseTrailingNewline)
    } else if digest.to_ascii_lowercase() == want {
        Verdict::Invalid(Mistake::UppercaseHex)
    } else if challenge_b64
        && digest_with(
            password,
            challenge
                .trim()
                .trim_start_matches("334 ")
                .trim()
                .as_bytes(),
        ) == digest.to_ascii_lowercase()
    {
        Verdict::Invalid(Mistake::ChallengeNotDecoded)
    } else if digest_with(&format!("{password}\n"), &challenge_bytes) == digest.to_ascii_lowercase()
    {
        Verdict::Invalid(Mistake::TrailingNewline)
    } else {
        let flipped: String = password
            .chars()
            .map(|c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect();
        if flipped != password && digest_with(&flipped, &challenge_bytes) == lower {
            report.notes.push(Tr::new(
                "The response is what this password gives with its upper and lower case swapped: was Caps Lock on where it was typed?",
                "这个响应正是把该密码的大小写互换后算出的结果：输入密码时是否开着大写锁定（Caps Lock）？",
            ));
        }
        Verdict::Invalid(Mistake::WrongPassword)
    };
    report.verdict = Some(verdict);
    report.expected = Some(expected);
    Ok(())
}

fn digest_report(
    challenge: &str,
    response: &[u8],
    password: Option<&str>,
    options: &Options,
    report: &mut Report,
) -> Result<(), VerifyError> {
    if challenge.trim().is_empty() {
        return Err(VerifyError::MissingChallenge);
    }
    let (challenge_bytes, _) = decode_pasted(challenge);
    let challenge_text = String::from_utf8_lossy(&challenge_bytes).into_owned();
    let parsed = digest_md5::parse_challenge(&challenge_text).map_err(VerifyError::Digest)?;
    for (key, value) in digest_md5::directives(&challenge_text).map_err(VerifyError::Digest)? {
        let explain = directive_meaning(&key);
        report.fields.push(Field {
            name: format!("challenge: {key}"),
            value,
            explain,
        });
    }
    let response_text = String::from_utf8_lossy(response).into_owned();
    let fields = digest_md5::directives(&response_text).map_err(VerifyError::Digest)?;
    for (key, value) in &fields {
        report.fields.push(Field {
            name: format!("response: {key}"),
            value: value.clone(),
            explain: directive_meaning(key),
        });
    }
    let Some(password) = password else {
        return Ok(());
    };
    let sent = digest_md5::parse_response(&response_text).map_err(VerifyError::Digest)?;
    let input = sent.client_input(password);
    let expected = digest_md5::client(&input);
    let want = expected
        .step("response")
        .map(|s| s.text())
        .unwrap_or_default();
    let got = sent.response.to_ascii_lowercase();
    let computed_matches = sent.response == want;
    let verdict = if sent.nonce != parsed.nonce {
        Verdict::Invalid(Mistake::NonceMismatch)
    } else if sent.nc_value().is_none() {
        Verdict::Invalid(Mistake::NcFormat(sent.nc.clone()))
    } else if !parsed.qop.contains(&sent.qop) {
        Verdict::Invalid(Mistake::QopNotOffered(sent.qop.clone()))
    } else if !parsed.realms.is_empty() && !parsed.realms.contains(&sent.realm) {
        Verdict::Invalid(Mistake::WrongRealm {
            got: sent.realm.clone(),
            offered: parsed.realms.clone(),
        })
    } else if computed_matches {
        Verdict::Valid
    } else if got == want {
        Verdict::Invalid(Mistake::UppercaseHex)
    } else if hex_a1_response(&input) == got {
        Verdict::Invalid(Mistake::HexInsteadOfRawA1)
    } else if digest_md5::client(&sent.client_input(&format!("{password}\n")))
        .step("response")
        .map(|s| s.text())
        .as_deref()
        == Some(got.as_str())
    {
        Verdict::Invalid(Mistake::TrailingNewline)
    } else if smtp_uri_response(&input, &sent.digest_uri).as_deref() == Some(got.as_str()) {
        // Hashed for smtp/<host>, sent with another digest-uri.
        Verdict::Invalid(Mistake::WrongDigestUri(sent.digest_uri.clone()))
    } else {
        Verdict::Invalid(Mistake::WrongPassword)
    };
    if !sent.digest_uri.to_ascii_lowercase().starts_with("smtp/")
        && !matches!(verdict, Verdict::Invalid(Mistake::WrongDigestUri(_)))
    {
        // Not what the verdict rests on (the hash takes the digest-uri sent), but an SMTP
        // server refuses it all the same.
        report.notes.push(Tr::new(
            "Its digest-uri is not an SMTP one (smtp/<server host>, RFC 2831 §2.1.2): the computation is judged with it as sent, but an SMTP server refuses another service's digest-uri whatever the hash.",
            "它的 digest-uri 不是 SMTP 的（应为 smtp/<服务器主机名>，RFC 2831 §2.1.2）：计算按发送的 digest-uri 判断，但 SMTP 服务器无论散列对错都会拒绝其他服务的 digest-uri。",
        ));
    }
    if let Some(server_final) = &options.server_final {
        rspauth_check(server_final, &expected, &verdict, report);
    }
    report.verdict = Some(verdict);
    report.expected = Some(expected);
    Ok(())
}

/// The response the client would have computed with `smtp/<host>` for a digest-uri that is
/// not an SMTP one (`imap/elwood.innosoft.com` → `smtp/elwood.innosoft.com`).
fn smtp_uri_response(input: &digest_md5::ClientInput, sent_uri: &str) -> Option<String> {
    let (service, host) = sent_uri.split_once('/')?;
    if service.eq_ignore_ascii_case("smtp") {
        return None;
    }
    let mut smtp = input.clone();
    smtp.digest_uri = format!("smtp/{host}");
    digest_md5::client(&smtp).step("response").map(|s| s.text())
}

/// DIGEST-MD5's second challenge: the server proves it knows the password with `rspauth`
/// (RFC 2831 §2.1.3), computed like the response but with A2 lacking "AUTHENTICATE".
fn rspauth_check(server_final: &str, expected: &Trace, verdict: &Verdict, report: &mut Report) {
    let text = String::from_utf8_lossy(&read_pasted(server_final).bytes).into_owned();
    let Some(sent) = digest_md5::directives(&text)
        .ok()
        .and_then(|d| d.into_iter().find(|(k, _)| k == "rspauth"))
        .map(|(_, v)| v)
    else {
        return;
    };
    report.fields.push(Field {
        name: "server: rspauth".into(),
        value: sent.clone(),
        explain: directive_meaning("rspauth"),
    });
    if *verdict != Verdict::Valid {
        return;
    }
    let want = expected.step("rspauth").map(|s| s.text());
    report.notes.push(if want.as_deref() == Some(sent.as_str()) {
        Tr::new(
            "The server's rspauth is right too: it knows the same password (RFC 2831 §2.1.3).",
            "服务器的 rspauth 也正确：它知道同一个密码（RFC 2831 §2.1.3）。",
        )
    } else {
        Tr::new(
            "The server's rspauth is not what this password gives: the client must not trust this server (RFC 2831 §2.1.3).",
            "服务器的 rspauth 与这个密码算出的不一致：客户端不应信任这个服务器（RFC 2831 §2.1.3）。",
        )
    });
}

/// SCRAM: the challenge is the server-first-message; the response holds the client's
/// client-first and client-final messages, one per line (each base64 or decoded).
fn scram_report(
    hash: scram::Hash,
    challenge: &str,
    response: &str,
    password: Option<&str>,
    server_final: Option<&str>,
    report: &mut Report,
) -> Result<(), VerifyError> {
    if challenge.trim().is_empty() {
        return Err(VerifyError::MissingChallenge);
    }
    let text = |pasted: &str| String::from_utf8_lossy(&decode_pasted(pasted).0).into_owned();
    let server_first = text(challenge);
    let lines: Vec<&str> = response
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let [first_line, final_line] = lines.as_slice() else {
        return Err(VerifyError::Malformed(Tr::new(
            "For SCRAM paste the client's two lines: the client-first-message, then the client-final-message.",
            "SCRAM 请粘贴客户端的两行：先 client-first-message，再 client-final-message。",
        )));
    };
    if [first_line, final_line]
        .iter()
        .any(|line| !decode_pasted(line).1)
    {
        report.notes.push(Tr::new(
            "A line was given decoded (not base64); on the wire each SCRAM message is base64.",
            "有一行是解码后的（不是 base64）；在线路上每条 SCRAM 消息都是 base64。",
        ));
    }
    let (client_first, client_final) = (text(first_line), text(final_line));
    let cf = scram::parse_client_first(&client_first).map_err(VerifyError::Scram)?;
    let sf = scram::parse_server_first(&server_first).map_err(VerifyError::Scram)?;
    let fin = scram::parse_client_final(&client_final).map_err(VerifyError::Scram)?;
    let fields = [
        (
            "client-first: n",
            cf.user.clone(),
            Tr::new(
                "The user name (\"=2C\" and \"=3D\" stand for \",\" and \"=\").",
                "用户名（\"=2C\" 和 \"=3D\" 分别代表 \",\" 和 \"=\"）。",
            ),
        ),
        (
            "client-first: r",
            cf.nonce.clone(),
            Tr::new("The client nonce.", "客户端 nonce。"),
        ),
        (
            "server-first: r",
            sf.nonce.clone(),
            Tr::new(
                "Client nonce followed by the server's part; it must start with the client nonce.",
                "客户端 nonce 后接服务器的部分；必须以客户端 nonce 开头。",
            ),
        ),
        (
            "server-first: s",
            BASE64.encode(&sf.salt),
            Tr::new(
                "The salt for PBKDF2, base64.",
                "PBKDF2 使用的盐值（base64）。",
            ),
        ),
        (
            "server-first: i",
            sf.iterations.to_string(),
            Tr::new(
                "The PBKDF2 iteration count (4096 or more recommended).",
                "PBKDF2 迭代次数（建议 4096 以上）。",
            ),
        ),
        (
            "client-final: c",
            BASE64.encode(&fin.channel_binding),
            Tr::new(
                "Channel binding: base64 of the gs2 header; \"biws\" is \"n,,\" (no binding).",
                "通道绑定：gs2 头的 base64；\"biws\" 就是 \"n,,\"（不绑定）。",
            ),
        ),
        (
            "client-final: p",
            BASE64.encode(&fin.proof),
            Tr::new(
                "ClientProof = ClientKey XOR ClientSignature.",
                "ClientProof = ClientKey XOR ClientSignature。",
            ),
        ),
    ];
    for (name, value, explain) in fields {
        report.fields.push(Field {
            name: name.into(),
            value,
            explain,
        });
    }
    let Some(password) = password else {
        return Ok(());
    };
    let check = |password: &str| -> Result<scram::ServerVerdict, VerifyError> {
        let credentials =
            scram::ServerCredentials::from_password(hash, password, &sf.salt, sf.iterations)
                .map_err(VerifyError::Scram)?;
        scram::server_verify(&credentials, &client_first, &server_first, &client_final)
            .map_err(VerifyError::Scram)
    };
    let verdict = check(password)?;
    let other = match hash {
        scram::Hash::Sha1 => (scram::Hash::Sha256, Mechanism::ScramSha256),
        scram::Hash::Sha256 => (scram::Hash::Sha1, Mechanism::ScramSha1),
    };
    let other_length = fin.proof.len() == other.0.output_len();
    report.verdict = Some(if verdict.authenticated {
        Verdict::Valid
    } else if other_length {
        let valid =
            scram::ServerCredentials::from_password(other.0, password, &sf.salt, sf.iterations)
                .and_then(|c| scram::server_verify(&c, &client_first, &server_first, &client_final))
                .is_ok_and(|v| v.authenticated);
        Verdict::Invalid(Mistake::OtherMechanism {
            computed_as: other.1,
            valid,
        })
    } else if check(&format!("{password}\n")).is_ok_and(|v| v.authenticated) {
        Verdict::Invalid(Mistake::TrailingNewline)
    } else {
        Verdict::Invalid(Mistake::WrongPassword)
    });
    // The server's answer, `v=` with its ServerSignature (RFC 5802 §3): checked when given,
    // as DIGEST-MD5's rspauth is.
    if let Some(given) = server_final.filter(|f| !f.trim().is_empty()) {
        let sent = String::from_utf8_lossy(&read_pasted(given).bytes)
            .trim()
            .to_string();
        report.fields.push(Field {
            name: "server-final".into(),
            value: sent.clone(),
            explain: Tr::new(
                "The server's last message: v= its ServerSignature, proof that it holds the same password; or e= an error (RFC 5802 §7).",
                "服务器的最后一条消息：v= 加它的 ServerSignature，证明它持有同一个密码；或 e= 加错误（RFC 5802 §7）。",
            ),
        });
        if verdict.authenticated {
            report.notes.push(if sent == verdict.server_final {
                Tr::new(
                    "The server's v= is right too: it holds the same password (RFC 5802 §3).",
                    "服务器的 v= 也正确：它持有同一个密码（RFC 5802 §3）。",
                )
            } else {
                Tr::new(
                    "The server's v= is not the ServerSignature this password gives: the client must not trust this server and must fail the exchange (RFC 5802 §3).",
                    "服务器的 v= 不是这个密码算出的 ServerSignature：客户端不应信任这个服务器，必须判定认证失败（RFC 5802 §3）。",
                )
            });
        }
    }
    report.expected = Some(verdict.trace);
    Ok(())
}

/// NTLM: the challenge is the server's CHALLENGE message, the response the client's
/// AUTHENTICATE (both base64 as on the wire).
fn ntlm_report(
    challenge: &str,
    response: &[u8],
    password: Option<&str>,
    report: &mut Report,
) -> Result<(), VerifyError> {
    if challenge.trim().is_empty() {
        return Err(VerifyError::MissingChallenge);
    }
    let (challenge_bytes, _) = decode_pasted(challenge);
    // Which NTLM message each is (its type at offset 8, after "NTLMSSP\0"): the first
    // (NEGOTIATE) or the server's second pasted where the third belongs is no computation
    // to judge.
    let message_type = |bytes: &[u8]| -> Option<u32> {
        let head = bytes.get(..12)?;
        (head.get(..8)? == b"NTLMSSP\0")
            .then(|| u32::from_le_bytes([head[8], head[9], head[10], head[11]]))
    };
    let misplaced = |field: PastedField, got: u32, want: u32| VerifyError::NtlmMessageOrder {
        field,
        got,
        want,
    };
    if let Some(t) = message_type(response).filter(|&t| t != 3) {
        return Err(misplaced(PastedField::Response, t, 3));
    }
    if let Some(t) = message_type(&challenge_bytes).filter(|&t| t != 2) {
        return Err(misplaced(PastedField::Challenge, t, 2));
    }
    for (which, bytes) in [
        ("CHALLENGE", challenge_bytes.as_slice()),
        ("AUTHENTICATE", response),
    ] {
        let trace = ntlm::fields(bytes).map_err(VerifyError::Ntlm)?;
        for step in trace.steps {
            report.fields.push(Field {
                name: format!("{which}: {}", step.id),
                value: step.preferred(),
                explain: step.explain,
            });
        }
    }
    let Some(password) = password else {
        return Ok(());
    };
    let ok = |password: &str| {
        ntlm::verify(&challenge_bytes, response, password)
            || ntlm::verify_v1(&challenge_bytes, response, password)
    };
    report.verdict = Some(if ok(password) {
        Verdict::Valid
    } else if ok(&format!("{password}\n")) {
        Verdict::Invalid(Mistake::TrailingNewline)
    } else {
        Verdict::Invalid(Mistake::WrongPassword)
    });
    if let Ok(check) = ntlm::server_check(&challenge_bytes, response, password) {
        report.expected = Some(check.trace);
    }
    Ok(())
}

/// The response a client gets when it puts HEX(H(user:realm:pass)) into A1.
fn hex_a1_response(input: &digest_md5::ClientInput) -> String {
    use super::hmac_md5::md5;
    let urp = format!("{}:{}:{}", input.user, input.realm, input.password);
    let mut a1 = hex(&md5(urp.as_bytes())).into_bytes();
    a1.extend_from_slice(format!(":{}:{}", input.nonce, input.cnonce).as_bytes());
    if let Some(authzid) = &input.authzid {
        a1.extend_from_slice(format!(":{authzid}").as_bytes());
    }
    let ha1 = hex(&md5(&a1));
    let suffix = if input.qop == "auth" {
        ""
    } else {
        ":00000000000000000000000000000000"
    };
    let ha2 = hex(&md5(
        format!("AUTHENTICATE:{}{suffix}", input.digest_uri).as_bytes()
    ));
    hex(&md5(format!(
        "{ha1}:{}:{:08x}:{}:{}:{ha2}",
        input.nonce, input.nc, input.cnonce, input.qop
    )
    .as_bytes()))
}

fn directive_meaning(key: &str) -> Tr {
    match key {
        "realm" => Tr::new("The realm (authentication domain); the client picks one of those offered.", "realm（认证域）；客户端从提供的值中选一个。"),
        "nonce" => Tr::new("The server's one-time value; the response must repeat it.", "服务器的一次性值；响应中必须原样带回。"),
        "qop" => Tr::new("Quality of protection: auth (authentication only), auth-int (+integrity), auth-conf (+privacy).", "保护质量：auth（仅认证）、auth-int（+完整性）、auth-conf（+加密）。"),
        "charset" => Tr::new("utf-8: names and password may be UTF-8 (converted to ISO 8859-1 for hashing when they fit).", "utf-8：用户名和密码可以是 UTF-8（能用 ISO 8859-1 表示时散列前先转换）。"),
        "algorithm" => Tr::new("Always md5-sess for DIGEST-MD5.", "DIGEST-MD5 中总是 md5-sess。"),
        "maxbuf" => Tr::new("The largest buffer the sender accepts with integrity or privacy.", "启用完整性或加密时发送方能接受的最大缓冲区。"),
        "cipher" => Tr::new("Ciphers for auth-conf.", "auth-conf 使用的加密算法。"),
        "stale" => Tr::new("The nonce expired: retry with the new one without asking the user again.", "nonce 已过期：使用新 nonce 重试，无需再次询问用户。"),
        "username" => Tr::new("The user name.", "用户名。"),
        "cnonce" => Tr::new("The client's one-time value, so the server cannot choose everything hashed.", "客户端的一次性值，使服务器不能控制全部被散列的内容。"),
        "nc" => Tr::new("Nonce count, 8 hex digits: how many responses used this nonce (00000001 first).", "nonce 计数，8 位十六进制：这个 nonce 被使用的次数（第一次为 00000001）。"),
        "digest-uri" => Tr::new("serv-type/host: for SMTP smtp/<server host>.", "serv-type/host：SMTP 为 smtp/<服务器主机名>。"),
        "response" => Tr::new("32 lower-case hex digits: the proof of the password.", "32 位小写十六进制：用来证明客户端知道密码。"),
        "authzid" => Tr::new("Act as this user (optional).", "以该用户身份操作（可选）。"),
        "rspauth" => Tr::new("The server's proof that it knows the password too.", "服务器用它证明自己也知道密码。"),
        _ => Tr::new("An extension directive; ignored unless understood.", "扩展指令；不理解时忽略。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHALLENGE: &str = "cmVhbG09ImVsd29vZC5pbm5vc29mdC5jb20iLG5vbmNlPSJPQTZNRzl0RVFHbTJoaCIscW9wPSJhdXRoIixhbGdvcml0aG09bWQ1LXNlc3MsY2hhcnNldD11dGYtOA==";

    fn rfc2831_response(response: &str, realm: &str, uri: &str) -> String {
        let text = format!(
            "charset=utf-8,username=\"chris\",realm=\"{realm}\",nonce=\"OA6MG9tEQGm2hh\",nc=00000001,cnonce=\"OA6MHXh6VqTrRk\",digest-uri=\"{uri}\",response={response},qop=auth"
        );
        BASE64.encode(text)
    }

    #[test]
    fn rfc2831_section4_response_is_valid() {
        let response = rfc2831_response(
            "d388dad90d4bbd760a152321f2143af7",
            "elwood.innosoft.com",
            "imap/elwood.innosoft.com",
        );
        let report = verify(Mechanism::DigestMd5, CHALLENGE, &response, Some("secret")).unwrap();
        // imap/… is not SMTP, but it is what the RFC computed, so it verifies.
        assert_eq!(report.verdict, Some(Verdict::Valid));
        let without = verify(Mechanism::DigestMd5, CHALLENGE, &response, None).unwrap();
        assert_eq!(without.verdict, None);
        assert!(without
            .fields
            .iter()
            .any(|f| f.name == "response: nc" && f.value == "00000001"));
    }

    #[test]
    fn a_non_smtp_digest_uri_is_a_note_unless_it_explains_the_hash() {
        // RFC 2831's own example with another password: the password, not the digest-uri
        // (the hash takes the digest-uri as sent).
        let response = rfc2831_response(
            "d388dad90d4bbd760a152321f2143af7",
            "elwood.innosoft.com",
            "imap/elwood.innosoft.com",
        );
        let report = verify(Mechanism::DigestMd5, CHALLENGE, &response, Some("secrets")).unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::WrongPassword))
        );
        assert!(report
            .notes
            .iter()
            .any(|n| n.en.contains("digest-uri is not an SMTP one")));
        let valid = verify(Mechanism::DigestMd5, CHALLENGE, &response, Some("secret")).unwrap();
        assert!(valid
            .notes
            .iter()
            .any(|n| n.en.contains("digest-uri is not an SMTP one")));
        // Hashed for smtp/elwood.innosoft.com and sent as imap/…: the digest-uri is the
        // mistake.
        let mut input = digest_md5::rfc2831_example();
        input.digest_uri = "smtp/elwood.innosoft.com".into();
        let smtp = digest_md5::client(&input).step("response").unwrap().text();
        let response = rfc2831_response(&smtp, "elwood.innosoft.com", "imap/elwood.innosoft.com");
        let report = verify(Mechanism::DigestMd5, CHALLENGE, &response, Some("secret")).unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::WrongDigestUri(
                "imap/elwood.innosoft.com".into()
            )))
        );
    }

    #[test]
    fn digest_md5_classic_mistakes_are_named() {
        let mut input = digest_md5::rfc2831_example();
        input.digest_uri = "smtp/elwood.innosoft.com".into();
        let hex_a1 = hex_a1_response(&input);
        let response = rfc2831_response(&hex_a1, "elwood.innosoft.com", "smtp/elwood.innosoft.com");
        let report = verify(Mechanism::DigestMd5, CHALLENGE, &response, Some("secret")).unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::HexInsteadOfRawA1))
        );
        assert_eq!(
            Mistake::HexInsteadOfRawA1.first_step(Mechanism::DigestMd5),
            "a1"
        );

        let right = digest_md5::client(&input).step("response").unwrap().text();
        let upper = rfc2831_response(
            &right.to_uppercase(),
            "elwood.innosoft.com",
            "smtp/elwood.innosoft.com",
        );
        let report = verify(Mechanism::DigestMd5, CHALLENGE, &upper, Some("secret")).unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::UppercaseHex))
        );

        let realm = rfc2831_response(&right, "other.example", "smtp/elwood.innosoft.com");
        let report = verify(Mechanism::DigestMd5, CHALLENGE, &realm, Some("secret")).unwrap();
        assert!(matches!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::WrongRealm { .. }))
        ));

        let newline = digest_md5::client(&digest_md5::ClientInput {
            password: "secret\n".into(),
            ..input.clone()
        })
        .step("response")
        .unwrap()
        .text();
        let report = verify(
            Mechanism::DigestMd5,
            CHALLENGE,
            &rfc2831_response(&newline, "elwood.innosoft.com", "smtp/elwood.innosoft.com"),
            Some("secret"),
        )
        .unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::TrailingNewline))
        );

        let report = verify(
            Mechanism::DigestMd5,
            CHALLENGE,
            &rfc2831_response(&right, "elwood.innosoft.com", "smtp/elwood.innosoft.com"),
            Some("other"),
        )
        .unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::WrongPassword))
        );
    }

    #[test]
    fn cram_md5_rfc2195_and_its_mistakes() {
        let challenge = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";
        let good = "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw";
        let report = verify(
            Mechanism::CramMd5,
            challenge,
            good,
            Some("tanstaaftanstaaf"),
        )
        .unwrap();
        assert_eq!(report.verdict, Some(Verdict::Valid));
        let upper = BASE64.encode("tim B913A602C7EDA7A495B4E6E7334D3890");
        let report = verify(
            Mechanism::CramMd5,
            challenge,
            &upper,
            Some("tanstaaftanstaaf"),
        )
        .unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::UppercaseHex))
        );
        // `echo 'tim …' | base64`: the newline is inside what the client sent, and the
        // server reads it as part of the digest; the digest itself is right.
        for ending in ["\n", "\r\n"] {
            let echoed = BASE64.encode(format!("tim b913a602c7eda7a495b4e6e7334d3890{ending}"));
            let report = verify(
                Mechanism::CramMd5,
                challenge,
                &echoed,
                Some("tanstaaftanstaaf"),
            )
            .unwrap();
            assert_eq!(
                report.verdict,
                Some(Verdict::Invalid(Mistake::ResponseTrailingNewline)),
                "{ending:?}"
            );
            assert!(report
                .fields
                .iter()
                .any(|f| f.name == "digest" && !f.value.contains('\n')));
        }
        // Pasted decoded: the computation is right, so the verdict is too, a line break
        // after the paste included.
        let report = verify(
            Mechanism::CramMd5,
            challenge,
            "tim b913a602c7eda7a495b4e6e7334d3890\n",
            Some("tanstaaftanstaaf"),
        )
        .unwrap();
        assert_eq!(report.verdict, Some(Verdict::Valid));
        let decoded = "tim b913a602c7eda7a495b4e6e7334d3890";
        let report = verify(
            Mechanism::CramMd5,
            challenge,
            decoded,
            Some("tanstaaftanstaaf"),
        )
        .unwrap();
        assert_eq!(report.verdict, Some(Verdict::Valid));
        // Sent that way on the wire, it is the mistake.
        let as_sent = Options {
            as_sent: true,
            ..Options::default()
        };
        let report = verify_with(
            Mechanism::CramMd5,
            challenge,
            decoded,
            Some("tanstaaftanstaaf"),
            &as_sent,
        )
        .unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::MissingBase64))
        );
        let over_b64 = hex(&super::super::hmac_md5::hmac_md5(
            b"tanstaaftanstaaf",
            challenge.as_bytes(),
            &mut Trace::default(),
        ));
        let report = verify(
            Mechanism::CramMd5,
            challenge,
            &BASE64.encode(format!("tim {over_b64}")),
            Some("tanstaaftanstaaf"),
        )
        .unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::ChallengeNotDecoded))
        );
        // The password typed here with a line break after it: the client's computation is
        // still the right one, and the note says what was typed.
        let report = verify(
            Mechanism::CramMd5,
            challenge,
            good,
            Some("tanstaaftanstaaf\n"),
        )
        .unwrap();
        assert_eq!(report.verdict, Some(Verdict::Valid));
        assert!(report
            .notes
            .iter()
            .any(|n| n.en.contains("ends with a line break")));
        assert!(matches!(
            verify(Mechanism::CramMd5, "", good, None),
            Err(VerifyError::MissingChallenge)
        ));
    }

    #[test]
    fn plain_fields_and_verdicts() {
        let report = verify(
            Mechanism::Plain,
            "",
            "AHRpbQB0YW5zdGFhZnRhbnN0YWFm",
            Some("tanstaaftanstaaf"),
        )
        .unwrap();
        assert_eq!(report.verdict, Some(Verdict::Valid));
        assert_eq!(report.fields[1].value, "tim");
        let newline = BASE64.encode("\0tim\0tanstaaftanstaaf\n");
        let report = verify(Mechanism::Plain, "", &newline, Some("tanstaaftanstaaf")).unwrap();
        assert_eq!(
            report.verdict,
            Some(Verdict::Invalid(Mistake::TrailingNewline))
        );
        assert!(verify(Mechanism::Plain, "", "bm8gbnVscw==", None).is_err());
    }

    #[test]
    fn scram_two_base64_lines_raise_no_decoded_note_and_steps_exist() {
        let b64 = |t: &str| BASE64.encode(t);
        let response = format!(
            "{}\n{}",
            b64("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"),
            b64("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")
        );
        let challenge = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
        let report = verify(Mechanism::ScramSha1, challenge, &response, Some("pencil")).unwrap();
        assert_eq!(report.verdict, Some(Verdict::Valid));
        assert!(report.notes.is_empty(), "{:?}", report.notes);
        let wrong = verify(Mechanism::ScramSha1, challenge, &response, Some("pencils")).unwrap();
        let Some(Verdict::Invalid(mistake)) = wrong.verdict else {
            panic!("invalid expected");
        };
        let step = mistake.first_step(Mechanism::ScramSha1);
        assert!(
            wrong.expected.unwrap().step(step).is_some(),
            "{step} is in the trace"
        );
    }
}
