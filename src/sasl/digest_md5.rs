//! DIGEST-MD5 (RFC 2831, moved to Historic by RFC 6331), and the HTTP Digest computation it
//! grew from (RFC 2617).
//!
//! The server's challenge is a list of `key=value` directives; the client answers with its
//! own list whose `response` is
//!
//! ```text
//! A1       = H(user ":" realm ":" passwd) ":" nonce ":" cnonce [":" authzid]   (H raw: 16 bytes)
//! A2       = "AUTHENTICATE:" digest-uri [":00000000000000000000000000000000"]
//! response = HEX(H(HEX(H(A1)) ":" nonce ":" nc ":" cnonce ":" qop ":" HEX(H(A2))))
//! ```
//!
//! and the server proves it knew the password too with `rspauth`, the same with
//! `A2 = ":" digest-uri`. The classic mistake (seed 004's "it never passed") is to put the
//! *hex* of `H(user:realm:passwd)` into A1, as HTTP's MD5-sess does, instead of its 16 raw
//! bytes.

pub mod exchange;
pub use exchange::{Client, Server};

use core::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::hmac_md5::md5;
use super::trace::{hex, Trace, View};
use crate::i18n::{Lang, Tr};

/// RFC 2831 §2.1.1 caps a challenge at 2048 octets; the parser reads at most this much.
pub const MAX_DIRECTIVES_LEN: usize = 4096;

/// A parsed `digest-challenge` (RFC 2831 §2.1.1).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Challenge {
    /// Every `realm` offered (there may be several, or none).
    pub realms: Vec<String>,
    /// The server nonce.
    pub nonce: String,
    /// `qop-options`, e.g. `["auth", "auth-int"]`; `["auth"]` when absent.
    pub qop: Vec<String>,
    /// `stale=true`: the nonce expired, retry with the new one.
    pub stale: bool,
    /// `maxbuf`, the largest buffer the server receives with integrity or privacy.
    pub maxbuf: Option<u32>,
    /// `charset=utf-8`: names and password may be UTF-8 (else ISO 8859-1).
    pub utf8: bool,
    /// `algorithm`, which must be `md5-sess`.
    pub algorithm: String,
    /// `cipher-opts` for auth-conf.
    pub ciphers: Vec<String>,
    /// Any other directive, kept as given.
    pub other: Vec<(String, String)>,
}

/// Why a directive list is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// Longer than [`MAX_DIRECTIVES_LEN`].
    TooLong,
    /// A directive without `=`.
    MissingEquals(String),
    /// A quoted string without its closing quote.
    UnterminatedQuote(String),
    /// Text after a value where a comma belongs.
    ExpectedComma(String),
    /// A directive that may appear once appears twice.
    Duplicate(&'static str),
    /// A required directive is missing.
    Missing(&'static str),
    /// A value that cannot be what the directive needs (maxbuf not a number, nc not 8 hex).
    BadValue(&'static str),
}

const TOO_LONG: Tr = Tr::new(
    "The directive list is longer than {max_directives_len} octets (RFC 2831 allows 2048 for a challenge).",
    "指令列表超过 {max_directives_len} 字节（RFC 2831 规定质询最多 2048 字节）。",
);
const MISSING_EQUALS: Tr = Tr::new(
    "The directive {d} has no '=': each is key=value (RFC 2831 §2.1.1).",
    "指令 {d} 缺少 '='：每个指令都是 key=value（RFC 2831 §2.1.1）。",
);
const UNTERMINATED_QUOTE: Tr = Tr::new(
    "The quoted value of {d} has no closing quote.",
    "{d} 的引号值缺少结束引号。",
);
const EXPECTED_COMMA: Tr = Tr::new(
    "After the value of {d} a comma should follow.",
    "{d} 的值后面应当是逗号。",
);
const DUPLICATE: Tr = Tr::new(
    "The directive {d} appears twice; RFC 2831 allows it once.",
    "指令 {d} 出现了两次；RFC 2831 只允许出现一次。",
);
const MISSING: Tr = Tr::new(
    "The required directive {d} is missing (RFC 2831 §2.1).",
    "缺少必需的指令 {d}（RFC 2831 §2.1）。",
);
const BAD_VALUE: Tr = Tr::new("The value of {d} is not valid.", "{d} 的值无效。");

impl ParseError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            ParseError::TooLong => {
                TOO_LONG.fill(lang, &[("max_directives_len", &MAX_DIRECTIVES_LEN)])
            }
            ParseError::MissingEquals(d) => MISSING_EQUALS.fill(lang, &[("d", &format!("{d:?}"))]),
            ParseError::UnterminatedQuote(d) => {
                UNTERMINATED_QUOTE.fill(lang, &[("d", &format!("{d:?}"))])
            }
            ParseError::ExpectedComma(d) => EXPECTED_COMMA.fill(lang, &[("d", &format!("{d:?}"))]),
            ParseError::Duplicate(d) => DUPLICATE.fill(lang, &[("d", &d)]),
            ParseError::Missing(d) => MISSING.fill(lang, &[("d", &d)]),
            ParseError::BadValue(d) => BAD_VALUE.fill(lang, &[("d", &d)]),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ParseError {}

/// Splits `key=value, key="quoted \"value\"", …` into pairs, keys lower-cased, quotes and
/// escapes removed (RFC 2831 §7.2: `#` lists allow empty elements and spaces around commas).
pub fn directives(input: &str) -> Result<Vec<(String, String)>, ParseError> {
    if input.len() > MAX_DIRECTIVES_LEN {
        return Err(ParseError::TooLong);
    }
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_ascii_whitespace());
        if rest.is_empty() {
            return Ok(out);
        }
        let eq = rest.find('=');
        let comma = rest.find(',');
        let Some(eq) = eq.filter(|eq| comma.is_none_or(|c| *eq < c)) else {
            let name: String = rest
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .chars()
                .take(40)
                .collect();
            return Err(ParseError::MissingEquals(name));
        };
        let key = rest[..eq].trim().to_ascii_lowercase();
        rest = rest[eq + 1..].trim_start();
        let value;
        if let Some(quoted) = rest.strip_prefix('"') {
            let mut text = String::new();
            let mut chars = quoted.char_indices();
            let mut end = None;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            text.push(escaped);
                        }
                    }
                    '"' => {
                        end = Some(i);
                        break;
                    }
                    c => text.push(c),
                }
            }
            let Some(end) = end else {
                return Err(ParseError::UnterminatedQuote(key));
            };
            value = text;
            rest = quoted[end + 1..].trim_start();
            if !(rest.is_empty() || rest.starts_with(',')) {
                return Err(ParseError::ExpectedComma(key));
            }
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            value = rest[..end].trim().to_string();
            rest = &rest[end..];
        }
        out.push((key, value));
    }
}

/// Parses a server challenge (already base64-decoded).
pub fn parse_challenge(input: &str) -> Result<Challenge, ParseError> {
    let mut challenge = Challenge::default();
    let (mut nonce, mut qop, mut algorithm, mut charset, mut maxbuf, mut stale) =
        (false, false, false, false, false, false);
    let once = |seen: &mut bool, name: &'static str| {
        if std::mem::replace(seen, true) {
            Err(ParseError::Duplicate(name))
        } else {
            Ok(())
        }
    };
    for (key, value) in directives(input)? {
        match key.as_str() {
            "realm" => challenge.realms.push(value),
            "nonce" => {
                once(&mut nonce, "nonce")?;
                challenge.nonce = value;
            }
            "qop" => {
                once(&mut qop, "qop")?;
                challenge.qop = list(&value);
            }
            "stale" => {
                once(&mut stale, "stale")?;
                challenge.stale = value.eq_ignore_ascii_case("true");
            }
            "maxbuf" => {
                once(&mut maxbuf, "maxbuf")?;
                challenge.maxbuf = Some(value.parse().map_err(|_| ParseError::BadValue("maxbuf"))?);
            }
            "charset" => {
                once(&mut charset, "charset")?;
                challenge.utf8 = value.eq_ignore_ascii_case("utf-8");
            }
            "algorithm" => {
                once(&mut algorithm, "algorithm")?;
                challenge.algorithm = value;
            }
            "cipher" => challenge.ciphers = list(&value),
            _ => challenge.other.push((key, value)),
        }
    }
    if !nonce {
        return Err(ParseError::Missing("nonce"));
    }
    if !algorithm {
        return Err(ParseError::Missing("algorithm"));
    }
    if challenge.qop.is_empty() {
        challenge.qop = vec!["auth".into()];
    }
    Ok(challenge)
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A client's digest-response as sent (RFC 2831 §2.1.2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// `username`.
    pub user: String,
    /// `realm` (empty when absent).
    pub realm: String,
    /// `nonce`, which must repeat the server's.
    pub nonce: String,
    /// `cnonce`.
    pub cnonce: String,
    /// `nc` exactly as sent (well formed: 8 hex digits).
    pub nc: String,
    /// `qop` (`auth` when absent).
    pub qop: String,
    /// `digest-uri`.
    pub digest_uri: String,
    /// `response`, the 32 hex digits to check.
    pub response: String,
    /// `authzid`, if any.
    pub authzid: Option<String>,
    /// `charset=utf-8` was given.
    pub utf8: bool,
}

impl Response {
    /// `nc` as a number, when it is the 8 hex digits RFC 2831 requires.
    pub fn nc_value(&self) -> Option<u32> {
        (self.nc.len() == 8)
            .then(|| u32::from_str_radix(&self.nc, 16).ok())
            .flatten()
    }

    /// The inputs that reproduce this response with `password`.
    pub fn client_input(&self, password: &str) -> ClientInput {
        ClientInput {
            user: self.user.clone(),
            realm: self.realm.clone(),
            password: password.to_string(),
            nonce: self.nonce.clone(),
            cnonce: self.cnonce.clone(),
            nc: self.nc_value().unwrap_or(1),
            qop: self.qop.clone(),
            digest_uri: self.digest_uri.clone(),
            authzid: self.authzid.clone(),
            utf8: self.utf8,
        }
    }
}

/// Parses a digest-response (already base64-decoded).
pub fn parse_response(input: &str) -> Result<Response, ParseError> {
    let fields = directives(input)?;
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    };
    let need = |key: &'static str| get(key).ok_or(ParseError::Missing(key));
    Ok(Response {
        user: need("username")?,
        realm: get("realm").unwrap_or_default(),
        nonce: need("nonce")?,
        cnonce: need("cnonce")?,
        nc: need("nc")?,
        qop: get("qop").unwrap_or_else(|| "auth".into()),
        digest_uri: need("digest-uri")?,
        response: need("response")?,
        authzid: get("authzid"),
        utf8: get("charset").is_some_and(|c| c.eq_ignore_ascii_case("utf-8")),
    })
}

/// What the client puts into its response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientInput {
    /// The user name.
    pub user: String,
    /// The realm chosen (one the server offered, or the client's own).
    pub realm: String,
    /// The password.
    pub password: String,
    /// The server nonce.
    pub nonce: String,
    /// The client nonce.
    pub cnonce: String,
    /// The nonce count (1 for the first response with this nonce).
    pub nc: u32,
    /// `auth`, `auth-int` or `auth-conf`.
    pub qop: String,
    /// `serv-type "/" host [ "/" serv-name ]`; for SMTP `smtp/<host>`.
    pub digest_uri: String,
    /// The authorization identity, if acting for another user.
    pub authzid: Option<String>,
    /// Whether the server said `charset=utf-8`.
    pub utf8: bool,
}

/// RFC 2831 §4's example (IMAP): chris / secret, response d388dad9…, rspauth ea40f603….
pub fn rfc2831_example() -> ClientInput {
    ClientInput {
        user: "chris".into(),
        realm: "elwood.innosoft.com".into(),
        password: "secret".into(),
        nonce: "OA6MG9tEQGm2hh".into(),
        cnonce: "OA6MHXh6VqTrRk".into(),
        nc: 1,
        qop: "auth".into(),
        digest_uri: "imap/elwood.innosoft.com".into(),
        authzid: None,
        utf8: true,
    }
}

/// RFC 2831 §2.1.2.1: with charset=utf-8, names and password that fit ISO 8859-1 are
/// converted to it before hashing; otherwise the UTF-8 bytes are used.
fn hashing_bytes(text: &str, utf8: bool) -> Vec<u8> {
    if utf8 && text.chars().all(|c| (c as u32) <= 0xff) {
        text.chars().map(|c| c as u32 as u8).collect()
    } else {
        text.as_bytes().to_vec()
    }
}

fn auth_int_suffix(qop: &str) -> &'static str {
    if qop == "auth-int" || qop == "auth-conf" {
        ":00000000000000000000000000000000"
    } else {
        ""
    }
}

/// `A1` and `HEX(H(A1))`, recorded in `trace`.
fn ha1(input: &ClientInput, trace: &mut Trace) -> String {
    let mut urp = hashing_bytes(&input.user, input.utf8);
    urp.push(b':');
    urp.extend(hashing_bytes(&input.realm, input.utf8));
    urp.push(b':');
    urp.extend(hashing_bytes(&input.password, input.utf8));
    trace.push(
        "user-realm-pass",
        Tr::new("user:realm:password", "用户名:realm:密码"),
        urp.clone(),
        View::Text,
        Tr::new(
            "RFC 2831 §2.1.2.1: the user name, realm and password joined by colons (ISO 8859-1 when they fit and charset=utf-8).",
            "RFC 2831 §2.1.2.1：用户名、realm 和密码用冒号连接（charset=utf-8 且能用 ISO 8859-1 表示时先转换）。",
        ),
    );
    let urp_hash = md5(&urp);
    trace.push(
        "urp-hash",
        Tr::new("H(user:realm:password): 16 raw bytes", "H(用户名:realm:密码)：16 个原始字节"),
        urp_hash.to_vec(),
        View::Hex,
        Tr::new(
            "RFC 2831 §2.1.2.1: H is MD5 giving 16 octets. A1 takes these raw bytes, not their 32-character hex (the classic mistake).",
            "RFC 2831 §2.1.2.1：H 是 MD5，结果为 16 字节。A1 使用这 16 个原始字节，而不是 32 个字符的十六进制（常见错误）。",
        ),
    );
    let mut a1 = urp_hash.to_vec();
    a1.extend_from_slice(format!(":{}:{}", input.nonce, input.cnonce).as_bytes());
    if let Some(authzid) = &input.authzid {
        a1.push(b':');
        a1.extend_from_slice(authzid.as_bytes());
    }
    trace.push(
        "a1",
        Tr::new("A1 = H(user:realm:password) : nonce : cnonce [: authzid]", "A1 = H(用户名:realm:密码) : nonce : cnonce [: authzid]"),
        a1.clone(),
        View::Hex,
        Tr::new(
            "RFC 2831 §2.1.2.1: the 16 bytes, then \":\" nonce \":\" cnonce, and \":\" authzid only when one is given.",
            "RFC 2831 §2.1.2.1：16 个字节后接 \":\" nonce \":\" cnonce，只有给出 authzid 时才接 \":\" authzid。",
        ),
    );
    let ha1 = hex(&md5(&a1));
    trace.push(
        "ha1",
        Tr::new("HEX(H(A1))", "HEX(H(A1))"),
        ha1.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2831 §2.1.2.1: MD5 of A1, as 32 lowercase hex digits.",
            "RFC 2831 §2.1.2.1：A1 的 MD5，写成 32 个小写十六进制数字。",
        ),
    );
    ha1
}

/// `KD(HA1, nonce:nc:cnonce:qop:HA2)` as hex, recording A2, HA2 and the KD input.
fn kd(input: &ClientInput, ha1: &str, a2: &str, prefix: &'static str, trace: &mut Trace) -> String {
    let a2_id = if prefix == "rspauth" {
        "rspauth-a2"
    } else {
        "a2"
    };
    trace.push(
        a2_id,
        if prefix == "rspauth" {
            Tr::new("A2 for rspauth = \":\" digest-uri", "rspauth 的 A2 = \":\" digest-uri")
        } else {
            Tr::new("A2 = \"AUTHENTICATE:\" digest-uri", "A2 = \"AUTHENTICATE:\" digest-uri")
        },
        a2.as_bytes().to_vec(),
        View::Text,
        if prefix == "rspauth" {
            Tr::new(
                "RFC 2831 §2.1.3: the server's rspauth uses A2 without \"AUTHENTICATE\" (and the zeros for auth-int/auth-conf).",
                "RFC 2831 §2.1.3：服务器的 rspauth 使用不带 \"AUTHENTICATE\" 的 A2（auth-int/auth-conf 时接全零）。",
            )
        } else {
            Tr::new(
                "RFC 2831 §2.1.2.1: \"AUTHENTICATE:\" digest-uri, plus \":\" and 32 zeros for auth-int and auth-conf.",
                "RFC 2831 §2.1.2.1：\"AUTHENTICATE:\" digest-uri，auth-int 和 auth-conf 时再接 \":\" 和 32 个零。",
            )
        },
    );
    let ha2 = hex(&md5(a2.as_bytes()));
    trace.push(
        if prefix == "rspauth" {
            "rspauth-ha2"
        } else {
            "ha2"
        },
        Tr::new("HEX(H(A2))", "HEX(H(A2))"),
        ha2.clone().into_bytes(),
        View::Text,
        Tr::new(
            "MD5 of A2, as 32 lowercase hex digits.",
            "A2 的 MD5，写成 32 个小写十六进制数字。",
        ),
    );
    let kd_input = format!(
        "{ha1}:{}:{:08x}:{}:{}:{ha2}",
        input.nonce, input.nc, input.cnonce, input.qop
    );
    trace.push(
        if prefix == "rspauth" { "rspauth-kd-input" } else { "kd-input" },
        Tr::new("HA1:nonce:nc:cnonce:qop:HA2", "HA1:nonce:nc:cnonce:qop:HA2"),
        kd_input.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2831 §2.1.2.1: KD(k, s) = H(k:s) with k = HEX(H(A1)); nc is 8 lowercase hex digits.",
            "RFC 2831 §2.1.2.1：KD(k, s) = H(k:s)，k = HEX(H(A1))；nc 是 8 位小写十六进制。",
        ),
    );
    let value = hex(&md5(kd_input.as_bytes()));
    trace.push(
        prefix,
        if prefix == "rspauth" {
            Tr::new("rspauth (the server's proof)", "rspauth（服务器的证明）")
        } else {
            Tr::new("response = HEX(KD(...))", "response = HEX(KD(...))")
        },
        value.clone().into_bytes(),
        View::Text,
        if prefix == "rspauth" {
            Tr::new(
                "RFC 2831 §2.1.3: the server sends rspauth=… so the client knows the server also has the password.",
                "RFC 2831 §2.1.3：服务器发送 rspauth=…，让客户端确认服务器也知道密码。",
            )
        } else {
            Tr::new("RFC 2831 §2.1.2.1: the response-value, 32 lowercase hex digits.", "RFC 2831 §2.1.2.1：response-value，32 位小写十六进制。")
        },
    );
    value
}

fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// The client's whole computation: A1, HA1, A2, HA2, KD, the response directive list and
/// its base64, then the rspauth the server should send back.
pub fn client(input: &ClientInput) -> Trace {
    let mut trace = Trace::default();
    let ha1 = ha1(input, &mut trace);
    let suffix = auth_int_suffix(&input.qop);
    let a2 = format!("AUTHENTICATE:{}{suffix}", input.digest_uri);
    let response = kd(input, &ha1, &a2, "response", &mut trace);
    let mut list = String::new();
    if input.utf8 {
        list.push_str("charset=utf-8,");
    }
    list.push_str(&format!(
        "username={},realm={},nonce={},nc={:08x},cnonce={},digest-uri={},response={response},qop={}",
        quote(&input.user),
        quote(&input.realm),
        quote(&input.nonce),
        input.nc,
        quote(&input.cnonce),
        quote(&input.digest_uri),
        input.qop
    ));
    if let Some(authzid) = &input.authzid {
        list.push_str(&format!(",authzid={}", quote(authzid)));
    }
    trace.push(
        "response-list",
        Tr::new("The digest-response directives", "digest-response 指令列表"),
        list.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2831 §2.1.2: username, realm, nonce, nc, cnonce, digest-uri, response, qop (and charset, authzid). RFC 6331 moved DIGEST-MD5 to Historic in 2011: new deployments use SCRAM.",
            "RFC 2831 §2.1.2：username、realm、nonce、nc、cnonce、digest-uri、response、qop（以及 charset、authzid）。RFC 6331 已于 2011 年把 DIGEST-MD5 列为历史（Historic）状态：新部署应改用 SCRAM。",
        ),
    );
    trace.push(
        "response-base64",
        Tr::new("Sent to the server (base64)", "发送给服务器（base64）"),
        BASE64.encode(&list).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: the SMTP AUTH response line is base64.",
            "RFC 4954 §4：SMTP AUTH 的响应行是 base64。",
        ),
    );
    let a2_server = format!(":{}{suffix}", input.digest_uri);
    kd(input, &ha1, &a2_server, "rspauth", &mut trace);
    trace
}

/// The HTTP Digest computation of RFC 2617 §3.2.2 (seed 004's `digcalc.c`): here
/// `H(A1)` *is* hex, and A2 is `method ":" uri`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpInput {
    /// The user name.
    pub user: String,
    /// The realm.
    pub realm: String,
    /// The password.
    pub password: String,
    /// `MD5` or `MD5-sess`.
    pub algorithm: String,
    /// The server nonce.
    pub nonce: String,
    /// The client nonce.
    pub cnonce: String,
    /// The nonce count.
    pub nc: u32,
    /// `auth`, `auth-int`, or empty for RFC 2069 compatibility.
    pub qop: String,
    /// The request method, e.g. `GET`.
    pub method: String,
    /// The request URI.
    pub uri: String,
}

/// RFC 2617 §3.5's example (and seed 004's `digtest.c`): Mufasa / "Circle Of Life".
pub fn rfc2617_example() -> HttpInput {
    HttpInput {
        user: "Mufasa".into(),
        realm: "testrealm@host.com".into(),
        password: "Circle Of Life".into(),
        algorithm: "md5".into(),
        nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093".into(),
        cnonce: "0a4f113b".into(),
        nc: 1,
        qop: "auth".into(),
        method: "GET".into(),
        uri: "/dir/index.html".into(),
    }
}

/// The HTTP request-digest, step by step.
pub fn http(input: &HttpInput) -> Trace {
    let mut trace = Trace::default();
    let urp = format!("{}:{}:{}", input.user, input.realm, input.password);
    trace.push(
        "user-realm-pass",
        Tr::new("user:realm:password", "用户名:realm:密码"),
        urp.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2617 §3.2.2.2: A1 for algorithm MD5.",
            "RFC 2617 §3.2.2.2：algorithm 为 MD5 时的 A1。",
        ),
    );
    let mut ha1 = hex(&md5(urp.as_bytes()));
    if input.algorithm.eq_ignore_ascii_case("md5-sess") {
        // RFC 2617 §3.2.2.2: in HTTP, MD5-sess puts the *hex* of H(user:realm:passwd) in A1.
        let a1 = format!("{ha1}:{}:{}", input.nonce, input.cnonce);
        trace.push("a1", Tr::new("A1 (MD5-sess) = HEX(H(user:realm:password)) : nonce : cnonce", "A1（MD5-sess）= HEX(H(用户名:realm:密码)) : nonce : cnonce"), a1.clone().into_bytes(), View::Text,
            Tr::new("RFC 2617 §3.2.2.2: HTTP's MD5-sess uses the 32-character hex here, unlike SASL DIGEST-MD5's 16 raw bytes.", "RFC 2617 §3.2.2.2：HTTP 的 MD5-sess 在这里用 32 个字符的十六进制，与 SASL DIGEST-MD5 的 16 个原始字节不同。"));
        ha1 = hex(&md5(a1.as_bytes()));
    }
    trace.push(
        "ha1",
        Tr::new("HEX(H(A1))", "HEX(H(A1))"),
        ha1.clone().into_bytes(),
        View::Text,
        Tr::new(
            "MD5 of A1 as 32 lowercase hex digits (digcalc.c's HA1).",
            "A1 的 MD5，32 位小写十六进制（digcalc.c 中的 HA1）。",
        ),
    );
    let a2 = format!("{}:{}", input.method, input.uri);
    trace.push(
        "a2",
        Tr::new("A2 = method : uri", "A2 = 方法 : uri"),
        a2.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2617 §3.2.2.3: for qop=auth (or none), A2 is the request method and URI.",
            "RFC 2617 §3.2.2.3：qop=auth（或没有 qop）时，A2 是请求方法和 URI。",
        ),
    );
    let ha2 = hex(&md5(a2.as_bytes()));
    trace.push(
        "ha2",
        Tr::new("HEX(H(A2))", "HEX(H(A2))"),
        ha2.clone().into_bytes(),
        View::Text,
        Tr::new("MD5 of A2 as hex.", "A2 的 MD5（十六进制）。"),
    );
    let kd_input = if input.qop.is_empty() {
        format!("{ha1}:{}:{ha2}", input.nonce)
    } else {
        format!(
            "{ha1}:{}:{:08x}:{}:{}:{ha2}",
            input.nonce, input.nc, input.cnonce, input.qop
        )
    };
    trace.push("kd-input", Tr::new("KD input", "KD 的输入"), kd_input.clone().into_bytes(), View::Text,
        Tr::new("RFC 2617 §3.2.2.1: HA1:nonce:nc:cnonce:qop:HA2, or HA1:nonce:HA2 without qop (RFC 2069).", "RFC 2617 §3.2.2.1：HA1:nonce:nc:cnonce:qop:HA2；没有 qop 时为 HA1:nonce:HA2（RFC 2069）。"));
    trace.push(
        "response",
        Tr::new("request-digest", "request-digest"),
        hex(&md5(kd_input.as_bytes())).into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2617 §3.2.2.1: the response value, 32 lowercase hex digits.",
            "RFC 2617 §3.2.2.1：响应值，32 位小写十六进制。",
        ),
    );
    trace
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(trace: &Trace, id: &str) -> String {
        trace.step(id).map(|s| s.text()).unwrap_or_default()
    }

    /// RFC 2831 §4, the IMAP example.
    #[test]
    fn rfc2831_section4_imap_example() {
        let challenge = parse_challenge(
            "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8",
        )
        .unwrap();
        assert_eq!(challenge.realms, ["elwood.innosoft.com"]);
        assert_eq!(challenge.nonce, "OA6MG9tEQGm2hh");
        assert_eq!(challenge.qop, ["auth"]);
        assert!(challenge.utf8);
        assert_eq!(challenge.algorithm, "md5-sess");
        let trace = client(&rfc2831_example());
        assert_eq!(text(&trace, "response"), "d388dad90d4bbd760a152321f2143af7");
        assert_eq!(text(&trace, "rspauth"), "ea40f60335c427b5527b84dbabcdfffd");
        assert_eq!(
            text(&trace, "response-list"),
            "charset=utf-8,username=\"chris\",realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",nc=00000001,cnonce=\"OA6MHXh6VqTrRk\",digest-uri=\"imap/elwood.innosoft.com\",response=d388dad90d4bbd760a152321f2143af7,qop=auth"
        );
        assert_eq!(trace.step("urp-hash").map(|s| s.bytes.len()), Some(16));
    }

    /// RFC 2617 §3.5: Mufasa, "Circle Of Life" (seed 004's digtest.c).
    #[test]
    fn rfc2617_section3_5_example() {
        let trace = http(&rfc2617_example());
        assert_eq!(text(&trace, "response"), "6629fae49393a05397450978507c4ef1");
    }

    #[test]
    fn challenge_grammar() {
        let c = parse_challenge(
            " realm=\"a\", realm=\"b\" ,, nonce=\"x\\\"y\",qop=\"auth,auth-int\",stale=true,maxbuf=65536,cipher=\"rc4,3des\",algorithm=md5-sess,foo=bar",
        )
        .unwrap();
        assert_eq!(c.realms, ["a", "b"]);
        assert_eq!(c.nonce, "x\"y");
        assert_eq!(c.qop, ["auth", "auth-int"]);
        assert!(c.stale);
        assert_eq!(c.maxbuf, Some(65536));
        assert_eq!(c.ciphers, ["rc4", "3des"]);
        assert_eq!(c.other, [("foo".to_string(), "bar".to_string())]);
        assert_eq!(
            parse_challenge("realm=\"a\",algorithm=md5-sess"),
            Err(ParseError::Missing("nonce"))
        );
        assert_eq!(
            parse_challenge("nonce=\"a\""),
            Err(ParseError::Missing("algorithm"))
        );
        assert_eq!(
            parse_challenge("nonce=\"a\",nonce=\"b\",algorithm=md5-sess"),
            Err(ParseError::Duplicate("nonce"))
        );
        assert_eq!(
            parse_challenge("nonce=\"a"),
            Err(ParseError::UnterminatedQuote("nonce".into()))
        );
        assert_eq!(
            parse_challenge("nonce"),
            Err(ParseError::MissingEquals("nonce".into()))
        );
        assert_eq!(
            parse_challenge("nonce=\"a\"x,algorithm=md5-sess"),
            Err(ParseError::ExpectedComma("nonce".into()))
        );
        assert_eq!(parse_challenge(&"x".repeat(5000)), Err(ParseError::TooLong));
    }

    #[test]
    fn auth_int_appends_zeros_and_authzid_extends_a1() {
        let mut input = rfc2831_example();
        input.qop = "auth-int".into();
        input.authzid = Some("admin".into());
        let trace = client(&input);
        assert_eq!(
            text(&trace, "a2"),
            "AUTHENTICATE:imap/elwood.innosoft.com:00000000000000000000000000000000"
        );
        assert_eq!(
            text(&trace, "rspauth-a2"),
            ":imap/elwood.innosoft.com:00000000000000000000000000000000"
        );
        assert!(trace
            .step("a1")
            .unwrap()
            .bytes
            .ends_with(b":OA6MG9tEQGm2hh:OA6MHXh6VqTrRk:admin"));
        assert!(text(&trace, "response-list").ends_with(",authzid=\"admin\""));
    }
}
