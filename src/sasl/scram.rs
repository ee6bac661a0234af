//! SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677): a salted challenge-response in
//! which neither side ever sends the password, and each proves to the other that it knows
//! it.
//!
//! ```text
//! C: n,,n=user,r=<cnonce>                               client-first-message
//! S: r=<cnonce><snonce>,s=<salt base64>,i=<iterations>   server-first-message
//! C: c=biws,r=<cnonce><snonce>,p=<ClientProof base64>    client-final-message
//! S: v=<ServerSignature base64>                          server-final-message
//!
//! SaltedPassword  = Hi(password, salt, i)            (PBKDF2 with HMAC-H, RFC 5802 §2.2)
//! ClientKey       = HMAC(SaltedPassword, "Client Key")
//! StoredKey       = H(ClientKey)
//! AuthMessage     = client-first-bare "," server-first "," client-final-without-proof
//! ClientSignature = HMAC(StoredKey, AuthMessage)
//! ClientProof     = ClientKey XOR ClientSignature
//! ServerKey       = HMAC(SaltedPassword, "Server Key")
//! ServerSignature = HMAC(ServerKey, AuthMessage)
//! ```
//!
//! The server stores only the salt, the iteration count, StoredKey and ServerKey: from a
//! proof it recovers `ClientKey = ClientProof XOR ClientSignature` and checks that
//! `H(ClientKey)` is StoredKey. Sans-IO: nonces and salts are arguments. The iteration count
//! a peer can demand is capped at [`MAX_ITERATIONS`]; every message at
//! [`MAX_MESSAGE_LEN`]. SASLprep (RFC 4013) of names and passwords is not applied: the
//! bytes are used as given, which is what SASLprep yields for ASCII.

pub mod exchange;
pub mod precomputed;
pub use exchange::{Client, Server};

use core::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use sha1::{Digest as _, Sha1};
use sha2::Sha256;

use super::trace::{Trace, View};
use crate::i18n::{Lang, Tr};

/// The most PBKDF2 iterations a server may demand (or a stored credential may use); a
/// larger `i=` is refused rather than spending minutes of CPU on it.
pub const MAX_ITERATIONS: u32 = 1_000_000;

/// The longest message (and password) the parsers and computations accept, in octets.
pub const MAX_MESSAGE_LEN: usize = 4096;

/// RFC 5802 §4 and RFC 4086: iteration counts below this are weak; accepted (the trainer
/// uses small counts to be quick) but flagged in the trace.
pub const RECOMMENDED_MIN_ITERATIONS: u32 = 4096;

/// The hash function H that names the mechanism.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Hash {
    /// SHA-1: SCRAM-SHA-1 (RFC 5802).
    Sha1,
    /// SHA-256: SCRAM-SHA-256 (RFC 7677).
    Sha256,
}

/// SHA-1 and SHA-256 both work on 64-octet blocks (HMAC's B, RFC 2104 §2).
const BLOCK: usize = 64;

impl Hash {
    /// Both, in the order servers usually advertise them (strongest first).
    pub const ALL: [Hash; 2] = [Hash::Sha256, Hash::Sha1];

    /// The SASL mechanism name, e.g. `SCRAM-SHA-256`.
    pub fn mechanism(self) -> &'static str {
        match self {
            Hash::Sha1 => "SCRAM-SHA-1",
            Hash::Sha256 => "SCRAM-SHA-256",
        }
    }

    /// The hash for a mechanism name (case-insensitive); `None` for anything else,
    /// including the channel-binding `-PLUS` variants, which the trainer does not do.
    pub fn from_mechanism(name: &str) -> Option<Hash> {
        Hash::ALL
            .into_iter()
            .find(|h| h.mechanism().eq_ignore_ascii_case(name.trim()))
    }

    /// The hash's own name, `SHA-1` or `SHA-256`.
    pub fn name(self) -> &'static str {
        match self {
            Hash::Sha1 => "SHA-1",
            Hash::Sha256 => "SHA-256",
        }
    }

    /// The digest length in octets (20 or 32).
    pub fn output_len(self) -> usize {
        match self {
            Hash::Sha1 => 20,
            Hash::Sha256 => 32,
        }
    }

    /// H(data).
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => Sha1::digest(data).to_vec(),
            Hash::Sha256 => Sha256::digest(data).to_vec(),
        }
    }

    /// HMAC-H(key, data), RFC 2104: `H(K XOR opad, H(K XOR ipad, data))`.
    pub fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        let mut k = if key.len() > BLOCK {
            self.digest(key)
        } else {
            key.to_vec()
        };
        k.resize(BLOCK, 0);
        let mut inner: Vec<u8> = k.iter().map(|b| b ^ 0x36).collect();
        inner.extend_from_slice(data);
        let mut outer: Vec<u8> = k.iter().map(|b| b ^ 0x5c).collect();
        outer.extend(self.digest(&inner));
        self.digest(&outer)
    }

    /// Hi(password, salt, i) of RFC 5802 §2.2: PBKDF2 (RFC 8018) with HMAC-H and one
    /// output block. Refuses `i = 0` and `i >` [`MAX_ITERATIONS`].
    pub fn hi(self, password: &[u8], salt: &[u8], iterations: u32) -> Result<Vec<u8>, ScramError> {
        check_iterations(u64::from(iterations))?;
        // Computed already (the page's worker): see `precomputed`.
        if let Some(out) = precomputed::lookup(self, password, salt, iterations) {
            return Ok(out);
        }
        let mut out = vec![0; self.output_len()];
        match self {
            Hash::Sha1 => pbkdf2::pbkdf2_hmac::<Sha1>(password, salt, iterations, &mut out),
            Hash::Sha256 => pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, iterations, &mut out),
        }
        precomputed::computed(self, password, salt, iterations, &out);
        Ok(out)
    }

    /// The keys RFC 5802 §3 derives from a password: the one place SaltedPassword,
    /// ClientKey, StoredKey and ServerKey are computed (the client's trace records each;
    /// [`ServerCredentials::from_password`] keeps the last two).
    pub fn keys(self, password: &[u8], salt: &[u8], iterations: u32) -> Result<Keys, ScramError> {
        let salted_password = self.hi(password, salt, iterations)?;
        let client_key = self.hmac(&salted_password, b"Client Key");
        Ok(Keys {
            stored_key: self.digest(&client_key),
            server_key: self.hmac(&salted_password, b"Server Key"),
            salted_password,
            client_key,
        })
    }
}

/// The keys derived from a password (RFC 5802 §3), by [`Hash::keys`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    /// SaltedPassword = Hi(password, salt, i).
    pub salted_password: Vec<u8>,
    /// ClientKey = HMAC(SaltedPassword, "Client Key").
    pub client_key: Vec<u8>,
    /// StoredKey = H(ClientKey).
    pub stored_key: Vec<u8>,
    /// ServerKey = HMAC(SaltedPassword, "Server Key").
    pub server_key: Vec<u8>,
}

/// Why a SCRAM message or input is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScramError {
    /// The named message or input is longer than [`MAX_MESSAGE_LEN`].
    TooLong(&'static str),
    /// The user name is empty.
    EmptyUser,
    /// The named nonce is empty or has a comma or a non-printable character.
    BadNonce(&'static str),
    /// The gs2 header is not `n,` / `y,` followed by `[a=authzid],`.
    BadGs2Header,
    /// The client asked for channel binding (`p=`), which these mechanisms (without
    /// `-PLUS`) do not do.
    ChannelBindingUnsupported,
    /// A `=` in a user name not followed by `2C` or `3D`.
    BadUsernameEncoding,
    /// A mandatory extension (`m=`), which no one supports.
    MandatoryExtension,
    /// The attribute `name` is missing.
    Missing(char),
    /// Where attribute `want` belongs, something else (the first characters of it).
    Expected {
        /// The attribute that belongs here.
        want: char,
        /// What is there instead (at most 20 characters).
        got: String,
    },
    /// The value of the attribute is not valid base64.
    BadBase64(char),
    /// The salt is empty.
    EmptySalt,
    /// The iteration count is not a positive decimal number.
    BadIterations(String),
    /// The iteration count is above [`MAX_ITERATIONS`].
    TooManyIterations(u64),
    /// The server's nonce does not begin with the client's.
    NonceMismatch,
    /// The server's nonce is just the client's, with nothing added.
    NonceNotExtended,
    /// The client-final-message's nonce is not the one of the server-first-message.
    FinalNonceMismatch,
    /// `c=` does not repeat the gs2 header of the client-first-message.
    ChannelBindingMismatch,
    /// The client-final-message has no `p=` proof at its end.
    MissingProof,
    /// The server-final-message is neither `v=…` nor `e=…`.
    BadServerFinal,
    /// The server answered `e=<value>`.
    ServerError(String),
    /// The server's `v=` is not the ServerSignature the client computed: the server does
    /// not know the password (or the messages differ).
    ServerSignatureMismatch,
}

const TOO_LONG: Tr = Tr::new(
    "The {what} is longer than {max} octets.",
    "{what} 超过 {max} 字节。",
);
const EMPTY_USER: Tr = Tr::new(
    "The user name is empty; RFC 5802 §7 requires at least one character.",
    "用户名为空；RFC 5802 §7 要求至少一个字符。",
);
const BAD_NONCE: Tr = Tr::new(
    "The {which} must be non-empty printable ASCII without a comma (RFC 5802 §7: printable = %x21-2B / %x2D-7E).",
    "{which} 必须是非空、不含逗号的可打印 ASCII 字符（RFC 5802 §7：printable = %x21-2B / %x2D-7E）。",
);
const BAD_GS2_HEADER: Tr = Tr::new(
    "The message must begin with a gs2 header: \"n,,\" (or \"y,,\"), optionally with an authzid as \"n,a=name,\" (RFC 5802 §7).",
    "消息必须以 gs2 头开始：\"n,,\"（或 \"y,,\"），可带授权身份（authzid），写成 \"n,a=名字,\"（RFC 5802 §7）。",
);
const CHANNEL_BINDING_UNSUPPORTED: Tr = Tr::new(
    "The client asked for channel binding (\"p=\"); only the -PLUS mechanisms do that (RFC 5802 §6).",
    "客户端请求了通道绑定（\"p=\"）；只有 -PLUS 机制支持（RFC 5802 §6）。",
);
const BAD_USERNAME_ENCODING: Tr = Tr::new(
    "In a user name, \"=\" must be followed by \"2C\" (a comma) or \"3D\" (an equals sign) (RFC 5802 §5.1).",
    "用户名中的 \"=\" 后面只能是 \"2C\"（逗号）或 \"3D\"（等号）（RFC 5802 §5.1）。",
);
const MANDATORY_EXTENSION: Tr = Tr::new(
    "The message starts with a mandatory extension \"m=\", which no implementation supports: the exchange must fail (RFC 5802 §5.1).",
    "消息以强制扩展 \"m=\" 开头，没有实现支持它，认证必须失败（RFC 5802 §5.1）。",
);
const MISSING: Tr = Tr::new(
    "The attribute \"{name}=\" is missing (RFC 5802 §5.1).",
    "缺少属性 \"{name}=\"（RFC 5802 §5.1）。",
);
const EXPECTED: Tr = Tr::new(
    "Expected the attribute \"{want}=\" here, found {got}: the attributes come in a fixed order (RFC 5802 §7).",
    "这里应当是属性 \"{want}=\"，实际是 {got}：属性的顺序是固定的（RFC 5802 §7）。",
);
const BAD_BASE64: Tr = Tr::new(
    "The value of \"{name}=\" is not valid base64.",
    "\"{name}=\" 的值不是有效的 base64。",
);
const EMPTY_SALT: Tr = Tr::new("The salt (\"s=\") is empty.", "盐值（\"s=\"）为空。");
const BAD_ITERATIONS: Tr = Tr::new(
    "The iteration count {text} is not a positive decimal number (RFC 5802 §5.1, \"i=\").",
    "迭代次数 {text} 不是正的十进制整数（RFC 5802 §5.1，\"i=\"）。",
);
const TOO_MANY_ITERATIONS: Tr = Tr::new(
    "The server demands {n} iterations; the trainer refuses more than {cap} (a peer must not be able to make us compute for minutes).",
    "服务器要求迭代 {n} 次；本训练器拒绝超过 {cap} 次（不能让对方迫使我们计算几分钟）。",
);
const NONCE_MISMATCH: Tr = Tr::new(
    "The server's nonce does not begin with the client's nonce: the client must abort (RFC 5802 §5.1, \"r=\").",
    "服务器的 nonce 不是以客户端的 nonce 开头：客户端必须中止（RFC 5802 §5.1，\"r=\"）。",
);
const NONCE_NOT_EXTENDED: Tr = Tr::new(
    "The server's nonce adds nothing to the client's: the server must append its own random part (RFC 5802 §5.1, \"r=\").",
    "服务器的 nonce 与客户端的完全相同：服务器必须追加自己的随机部分（RFC 5802 §5.1，\"r=\"）。",
);
const FINAL_NONCE_MISMATCH: Tr = Tr::new(
    "The nonce in the client-final-message is not the one the server sent (RFC 5802 §5.1, \"r=\").",
    "client-final-message 中的 nonce 不是服务器发送的那个（RFC 5802 §5.1，\"r=\"）。",
);
const CHANNEL_BINDING_MISMATCH: Tr = Tr::new(
    "\"c=\" must be the base64 of the gs2 header the client sent first (\"biws\" for \"n,,\") (RFC 5802 §5.1).",
    "\"c=\" 必须是客户端第一条消息中 gs2 头的 base64（\"n,,\" 对应 \"biws\"）（RFC 5802 §5.1）。",
);
const MISSING_PROOF: Tr = Tr::new(
    "The client-final-message must end with \",p=\" and the base64 ClientProof (RFC 5802 §7).",
    "client-final-message 必须以 \",p=\" 加 base64 的 ClientProof 结尾（RFC 5802 §7）。",
);
const BAD_SERVER_FINAL: Tr = Tr::new(
    "The server-final-message must be \"v=\" with the ServerSignature, or \"e=\" with an error (RFC 5802 §7).",
    "server-final-message 必须是 \"v=\" 加 ServerSignature，或 \"e=\" 加错误（RFC 5802 §7）。",
);
const SERVER_ERROR: Tr = Tr::new(
    "The server refused: e={value} (RFC 5802 §7 lists the server-error-value names).",
    "服务器拒绝：e={value}（RFC 5802 §7 列出了 server-error-value 的取值）。",
);
const SERVER_SIGNATURE_MISMATCH: Tr = Tr::new(
    "The server's signature \"v=\" is wrong: this server does not know the password (or the messages were altered). The client must consider the authentication exchange unsuccessful (RFC 5802 §5).",
    "服务器的签名 \"v=\" 不对：这个服务器不知道密码（或消息被篡改）。客户端必须认为这次认证交换不成功（RFC 5802 §5）。",
);

impl ScramError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let max = MAX_MESSAGE_LEN;
        let cap = MAX_ITERATIONS;
        match self {
            ScramError::TooLong(what) => TOO_LONG.fill(lang, &[("what", &what), ("max", &max)]),
            ScramError::EmptyUser => EMPTY_USER.get(lang).to_owned(),
            ScramError::BadNonce(which) => BAD_NONCE.fill(lang, &[("which", &which)]),
            ScramError::BadGs2Header => BAD_GS2_HEADER.get(lang).to_owned(),
            ScramError::ChannelBindingUnsupported => {
                CHANNEL_BINDING_UNSUPPORTED.get(lang).to_owned()
            }
            ScramError::BadUsernameEncoding => BAD_USERNAME_ENCODING.get(lang).to_owned(),
            ScramError::MandatoryExtension => MANDATORY_EXTENSION.get(lang).to_owned(),
            ScramError::Missing(name) => MISSING.fill(lang, &[("name", &name)]),
            ScramError::Expected { want, got } => {
                EXPECTED.fill(lang, &[("want", &want), ("got", &format!("{got:?}"))])
            }
            ScramError::BadBase64(name) => BAD_BASE64.fill(lang, &[("name", &name)]),
            ScramError::EmptySalt => EMPTY_SALT.get(lang).to_owned(),
            ScramError::BadIterations(text) => {
                BAD_ITERATIONS.fill(lang, &[("text", &format!("{text:?}"))])
            }
            ScramError::TooManyIterations(n) => {
                TOO_MANY_ITERATIONS.fill(lang, &[("n", &n), ("cap", &cap)])
            }
            ScramError::NonceMismatch => NONCE_MISMATCH.get(lang).to_owned(),
            ScramError::NonceNotExtended => NONCE_NOT_EXTENDED.get(lang).to_owned(),
            ScramError::FinalNonceMismatch => FINAL_NONCE_MISMATCH.get(lang).to_owned(),
            ScramError::ChannelBindingMismatch => CHANNEL_BINDING_MISMATCH.get(lang).to_owned(),
            ScramError::MissingProof => MISSING_PROOF.get(lang).to_owned(),
            ScramError::BadServerFinal => BAD_SERVER_FINAL.get(lang).to_owned(),
            ScramError::ServerError(value) => SERVER_ERROR.fill(lang, &[("value", &value)]),
            ScramError::ServerSignatureMismatch => SERVER_SIGNATURE_MISMATCH.get(lang).to_owned(),
        }
    }

    /// The `server-error-value` of RFC 5802 §7 a server sends (`e=…`) for this error.
    pub fn server_error_value(&self) -> &'static str {
        match self {
            ScramError::BadUsernameEncoding => "invalid-username-encoding",
            ScramError::MandatoryExtension => "extensions-not-supported",
            ScramError::ChannelBindingUnsupported => "channel-binding-not-supported",
            ScramError::ChannelBindingMismatch => "channel-bindings-dont-match",
            ScramError::BadBase64(_) | ScramError::BadGs2Header => "invalid-encoding",
            ScramError::TooLong(_) => "no-resources",
            _ => "other-error",
        }
    }
}

impl fmt::Display for ScramError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ScramError {}

fn check_len(text: &str, what: &'static str) -> Result<(), ScramError> {
    if text.len() > MAX_MESSAGE_LEN {
        Err(ScramError::TooLong(what))
    } else {
        Ok(())
    }
}

fn check_iterations(n: u64) -> Result<u32, ScramError> {
    if n == 0 {
        return Err(ScramError::BadIterations("0".into()));
    }
    match u32::try_from(n) {
        Ok(n) if n <= MAX_ITERATIONS => Ok(n),
        _ => Err(ScramError::TooManyIterations(n)),
    }
}

/// RFC 5802 §7: `printable = %x21-2B / %x2D-7E` (no comma), at least one.
fn check_nonce(nonce: &str, which: &'static str) -> Result<(), ScramError> {
    let ok = !nonce.is_empty()
        && nonce
            .bytes()
            .all(|b| (0x21..=0x7e).contains(&b) && b != b',');
    if ok {
        Ok(())
    } else {
        Err(ScramError::BadNonce(which))
    }
}

fn snippet(text: &str) -> String {
    crate::i18n::cut::chars(text, 20).to_string()
}

/// A server-error-value is a short name; keep at most this many characters of it.
const MAX_ERROR_VALUE_CHARS: usize = 100;

/// The user name as a `saslname` (RFC 5802 §5.1): `,` becomes `=2C` and `=` becomes `=3D`.
pub fn escape_username(user: &str) -> String {
    super::saslname::escape(user)
}

/// Undoes [`escape_username`]; any other `=` is an error (RFC 5802 §5.1).
pub fn unescape_username(name: &str) -> Result<String, ScramError> {
    super::saslname::unescape(name).ok_or(ScramError::BadUsernameEncoding)
}

/// `name=value` at `part`, or the error saying what is there instead.
fn attribute(part: Option<&str>, name: char) -> Result<&str, ScramError> {
    let Some(part) = part.filter(|p| !p.is_empty()) else {
        return Err(ScramError::Missing(name));
    };
    let mut chars = part.chars();
    if chars.next() == Some(name) && chars.next() == Some('=') {
        Ok(&part[2..])
    } else {
        Err(ScramError::Expected {
            want: name,
            got: snippet(part),
        })
    }
}

fn base64_attribute(value: &str, name: char) -> Result<Vec<u8>, ScramError> {
    BASE64
        .decode(value)
        .map_err(|_| ScramError::BadBase64(name))
}

/// A parsed client-first-message (what the server receives first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientFirst {
    /// The gs2 header exactly as sent, e.g. `n,,` (repeated base64-encoded in `c=`).
    pub gs2_header: String,
    /// The authorization identity (`a=`), if the client asked to act as someone else.
    pub authzid: Option<String>,
    /// The user name, unescaped.
    pub user: String,
    /// The client nonce.
    pub nonce: String,
    /// client-first-message-bare: everything after the gs2 header (part of AuthMessage).
    pub bare: String,
}

/// Parses a client-first-message, e.g. `n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL`.
pub fn parse_client_first(message: &str) -> Result<ClientFirst, ScramError> {
    check_len(message, "client-first-message")?;
    let mut gs2 = message.splitn(3, ',');
    let (Some(flag), Some(authz), Some(bare)) = (gs2.next(), gs2.next(), gs2.next()) else {
        return Err(ScramError::BadGs2Header);
    };
    match flag {
        "n" | "y" => {}
        f if f.starts_with("p=") => return Err(ScramError::ChannelBindingUnsupported),
        _ => return Err(ScramError::BadGs2Header),
    }
    let authzid = if authz.is_empty() {
        None
    } else if let Some(name) = authz.strip_prefix("a=") {
        Some(unescape_username(name)?)
    } else {
        return Err(ScramError::BadGs2Header);
    };
    let gs2_header = message[..message.len() - bare.len()].to_string();
    let mut parts = bare.split(',');
    let first = parts.next();
    if first.is_some_and(|p| p.starts_with("m=")) {
        return Err(ScramError::MandatoryExtension);
    }
    let user = unescape_username(attribute(first, 'n')?)?;
    if user.is_empty() {
        return Err(ScramError::EmptyUser);
    }
    let nonce = attribute(parts.next(), 'r')?;
    check_nonce(nonce, "client nonce")?;
    Ok(ClientFirst {
        gs2_header,
        authzid,
        user,
        nonce: nonce.to_string(),
        bare: bare.to_string(),
    })
}

/// A parsed server-first-message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerFirst {
    /// The combined nonce: the client's, then the server's.
    pub nonce: String,
    /// The salt, decoded.
    pub salt: Vec<u8>,
    /// The iteration count `i` (at most [`MAX_ITERATIONS`]).
    pub iterations: u32,
}

/// Parses a server-first-message, e.g. `r=…,s=QSXCR+Q6sek8bf92,i=4096`.
pub fn parse_server_first(message: &str) -> Result<ServerFirst, ScramError> {
    check_len(message, "server-first-message")?;
    let mut parts = message.split(',');
    let first = parts.next();
    if first.is_some_and(|p| p.starts_with("m=")) {
        return Err(ScramError::MandatoryExtension);
    }
    let nonce = attribute(first, 'r')?;
    check_nonce(nonce, "server nonce")?;
    let salt = base64_attribute(attribute(parts.next(), 's')?, 's')?;
    if salt.is_empty() {
        return Err(ScramError::EmptySalt);
    }
    let count = attribute(parts.next(), 'i')?;
    if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ScramError::BadIterations(snippet(count)));
    }
    let n = count.bytes().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    });
    let iterations = check_iterations(n)?;
    Ok(ServerFirst {
        nonce: nonce.to_string(),
        salt,
        iterations,
    })
}

/// A parsed client-final-message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientFinal {
    /// `c=`, decoded: the gs2 header (and channel-binding data, with -PLUS).
    pub channel_binding: Vec<u8>,
    /// The combined nonce.
    pub nonce: String,
    /// The ClientProof, decoded.
    pub proof: Vec<u8>,
    /// client-final-message-without-proof (part of AuthMessage).
    pub without_proof: String,
}

/// Parses a client-final-message, e.g. `c=biws,r=…,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=`.
pub fn parse_client_final(message: &str) -> Result<ClientFinal, ScramError> {
    check_len(message, "client-final-message")?;
    let (without_proof, proof) = match message.rfind(",p=") {
        Some(at) => (&message[..at], &message[at + 3..]),
        None => return Err(ScramError::MissingProof),
    };
    let mut parts = without_proof.split(',');
    let channel_binding = base64_attribute(attribute(parts.next(), 'c')?, 'c')?;
    let nonce = attribute(parts.next(), 'r')?;
    check_nonce(nonce, "nonce")?;
    let proof = base64_attribute(proof, 'p')?;
    Ok(ClientFinal {
        channel_binding,
        nonce: nonce.to_string(),
        proof,
        without_proof: without_proof.to_string(),
    })
}

/// A parsed server-final-message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerFinal {
    /// `v=`: the ServerSignature, decoded.
    Verifier(Vec<u8>),
    /// `e=`: the server-error-value (at most 100 characters of it).
    Error(String),
}

/// Parses a server-final-message: `v=<base64>` or `e=<error>`.
pub fn parse_server_final(message: &str) -> Result<ServerFinal, ScramError> {
    check_len(message, "server-final-message")?;
    let first = message.split(',').next().unwrap_or("");
    if let Some(value) = first.strip_prefix("v=") {
        Ok(ServerFinal::Verifier(base64_attribute(value, 'v')?))
    } else if let Some(value) = first.strip_prefix("e=") {
        Ok(ServerFinal::Error(
            crate::i18n::cut::chars(value, MAX_ERROR_VALUE_CHARS).to_string(),
        ))
    } else {
        Err(ScramError::BadServerFinal)
    }
}

/// client-first-message-bare: `n=<escaped user>,r=<client nonce>`.
pub fn client_first_bare(user: &str, client_nonce: &str) -> String {
    format!("n={},r={client_nonce}", escape_username(user))
}

/// The client's first step alone (before the server has answered): the
/// client-first-message and its base64.
pub fn client_first(user: &str, client_nonce: &str) -> Result<Trace, ScramError> {
    let mut trace = Trace::default();
    push_client_first(user, client_nonce, &mut trace)?;
    Ok(trace)
}

fn push_client_first(
    user: &str,
    client_nonce: &str,
    trace: &mut Trace,
) -> Result<String, ScramError> {
    if user.is_empty() {
        return Err(ScramError::EmptyUser);
    }
    check_nonce(client_nonce, "client nonce")?;
    let bare = client_first_bare(user, client_nonce);
    check_len(&bare, "client-first-message")?;
    trace.push(
        "client-first-bare",
        Tr::new("client-first-message-bare: n=user,r=client nonce", "client-first-message-bare：n=用户名,r=客户端 nonce"),
        bare.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: n= the user name (\",\" written =2C, \"=\" written =3D), r= a fresh random nonce of printable characters.",
            "RFC 5802 §5.1：n= 用户名（\",\" 写成 =2C，\"=\" 写成 =3D），r= 新生成的可打印字符随机 nonce。",
        ),
    );
    let first = format!("n,,{bare}");
    trace.push(
        "client-first",
        Tr::new("client-first-message: gs2 header \"n,,\" + bare", "client-first-message：gs2 头 \"n,,\" + bare 部分"),
        first.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §7 (gs2 header of RFC 5801): \"n\" = no channel binding, then an empty authzid, then a comma.",
            "RFC 5802 §7（RFC 5801 的 gs2 头）：\"n\" 表示不做通道绑定，然后是空的授权身份（authzid）和一个逗号。",
        ),
    );
    trace.push(
        "client-first-base64",
        Tr::new("Sent to the server (base64)", "发送给服务器（base64）"),
        BASE64.encode(&first).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: in SMTP, AUTH SCRAM-SHA-… carries it base64-encoded (as the initial response or after 334).",
            "RFC 4954 §4：在 SMTP 中，AUTH SCRAM-SHA-… 以 base64 携带它（作为初始响应或在 334 之后）。",
        ),
    );
    Ok(bare)
}

/// The client's whole computation, from its inputs and the server-first-message (already
/// base64-decoded) to the client-final-message and the ServerSignature it expects back
/// (step `server-signature`; check the server's answer with [`verify_server_final`]).
pub fn client(
    hash: Hash,
    user: &str,
    password: &str,
    client_nonce: &str,
    server_first: &str,
) -> Result<Trace, ScramError> {
    check_len(password, "password")?;
    let mut trace = Trace::default();
    let bare = push_client_first(user, client_nonce, &mut trace)?;
    let sf = parse_server_first(server_first)?;
    if !sf.nonce.starts_with(client_nonce) {
        return Err(ScramError::NonceMismatch);
    }
    if sf.nonce.len() == client_nonce.len() {
        return Err(ScramError::NonceNotExtended);
    }
    trace.push(
        "server-first",
        Tr::new(
            "server-first-message (decoded from the 334 line)",
            "server-first-message（从 334 行解码）",
        ),
        server_first.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: r= the combined nonce, s= the salt in base64, i= the iteration count.",
            "RFC 5802 §5.1：r= 合并后的 nonce，s= base64 编码的盐值，i= 迭代次数。",
        ),
    );
    trace.push(
        "nonce",
        Tr::new("Combined nonce: client nonce + server nonce", "合并 nonce：客户端 nonce + 服务器 nonce"),
        sf.nonce.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: it must begin with the client's nonce (checked); the rest is the server's own random part.",
            "RFC 5802 §5.1：它必须以客户端的 nonce 开头（已检查）；其余部分是服务器自己的随机部分。",
        ),
    );
    trace.push(
        "salt",
        Tr::new("Salt (decoded from s=)", "盐值（从 s= 解码）"),
        sf.salt.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §5.1: s= is base64; the salt is its decoded bytes, chosen per user by the server.",
            "RFC 5802 §5.1：s= 是 base64；盐值是解码后的字节，由服务器为每个用户选定。",
        ),
    );
    trace.push(
        "iterations",
        Tr::new("Iteration count i", "迭代次数 i"),
        sf.iterations.to_string().into_bytes(),
        View::Text,
        if sf.iterations < RECOMMENDED_MIN_ITERATIONS {
            Tr::new(
                "RFC 5802 §5.1: i= how many times Hi iterates HMAC. Below 4096 is weak (RFC 5802 §9, RFC 7677 §4); a real client may refuse it.",
                "RFC 5802 §5.1：i= Hi 重复 HMAC 的次数。低于 4096 偏弱（RFC 5802 §9、RFC 7677 §4）；真实客户端可以拒绝。",
            )
        } else {
            Tr::new(
                "RFC 5802 §5.1: i= how many times Hi iterates HMAC; the cost of every password guess grows with it.",
                "RFC 5802 §5.1：i= Hi 重复 HMAC 的次数；每次猜测密码的代价随之增长。",
            )
        },
    );
    let mut salt_int1 = sf.salt.clone();
    salt_int1.extend_from_slice(&[0, 0, 0, 1]);
    trace.push(
        "salt-int1",
        Tr::new("salt + INT(1)", "盐值 + INT(1)"),
        salt_int1.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §2.2: Hi's first input is the salt followed by INT(1), the 4-octet big-endian 1.",
            "RFC 5802 §2.2：Hi 的第一个输入是盐值后接 INT(1)，即 4 字节大端序的 1。",
        ),
    );
    trace.push(
        "u1",
        Tr::new("U1 = HMAC(password, salt + INT(1))", "U1 = HMAC(密码, 盐值 + INT(1))"),
        hash.hmac(password.as_bytes(), &salt_int1),
        View::Hex,
        Tr::new(
            "RFC 5802 §2.2: U1; then U2 = HMAC(password, U1), … Ui, and Hi = U1 XOR U2 XOR … XOR Ui.",
            "RFC 5802 §2.2：U1；然后 U2 = HMAC(密码, U1)，……直到 Ui，Hi = U1 XOR U2 XOR … XOR Ui。",
        ),
    );
    let keys = hash.keys(password.as_bytes(), &sf.salt, sf.iterations)?;
    trace.push(
        "salted-password",
        Tr::new("SaltedPassword = Hi(password, salt, i)", "SaltedPassword = Hi(密码, 盐值, i)"),
        keys.salted_password.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: PBKDF2 with HMAC-H over i iterations (H = SHA-1, or SHA-256 for RFC 7677); the password is used as given (SASLprep is a no-op for ASCII).",
            "RFC 5802 §3：以 HMAC-H 做 i 次迭代的 PBKDF2（H 为 SHA-1，RFC 7677 中为 SHA-256）；密码按原样使用（ASCII 经 SASLprep 不变）。",
        ),
    );
    let client_key = trace.push(
        "client-key",
        Tr::new(
            "ClientKey = HMAC(SaltedPassword, \"Client Key\")",
            "ClientKey = HMAC(SaltedPassword, \"Client Key\")",
        ),
        keys.client_key.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: the key the client proves it has; it is never sent.",
            "RFC 5802 §3：客户端要证明自己拥有的密钥；它从不发送。",
        ),
    );
    let stored_key = trace.push(
        "stored-key",
        Tr::new("StoredKey = H(ClientKey)", "StoredKey = H(ClientKey)"),
        keys.stored_key.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: what the server stores instead of the password. It cannot log in by itself, but StoredKey plus one observed exchange gives ClientKey (ClientProof XOR ClientSignature) and so lets an attacker impersonate the user (RFC 5802 §9): guard it like a password.",
            "RFC 5802 §3：服务器存储它而不是密码。单凭它无法登录，但拿到 StoredKey 再加上一次被窃听的交换，就能算出 ClientKey（ClientProof 异或 ClientSignature），从而冒充该用户（RFC 5802 §9）：应像密码一样保护它。",
        ),
    );
    let cb = BASE64.encode("n,,");
    trace.push(
        "channel-binding",
        Tr::new(
            "c= base64 of the gs2 header \"n,,\"",
            "c= gs2 头 \"n,,\" 的 base64",
        ),
        cb.clone().into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 5802 §5.1: c= repeats the gs2 header in base64, so \"n,,\" becomes \"biws\".",
            "RFC 5802 §5.1：c= 以 base64 重复 gs2 头，所以 \"n,,\" 变成 \"biws\"。",
        ),
    );
    let without_proof = format!("c={cb},r={}", sf.nonce);
    trace.push(
        "client-final-without-proof",
        Tr::new(
            "client-final-message-without-proof",
            "client-final-message-without-proof",
        ),
        without_proof.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §7: c= channel binding, r= the combined nonce; the proof comes after.",
            "RFC 5802 §7：c= 通道绑定，r= 合并后的 nonce；证明放在后面。",
        ),
    );
    let auth_message = format!("{bare},{server_first},{without_proof}");
    trace.push(
        "auth-message",
        Tr::new("AuthMessage", "AuthMessage"),
        auth_message.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §3: client-first-message-bare \",\" server-first-message \",\" client-final-message-without-proof (no gs2 header).",
            "RFC 5802 §3：client-first-message-bare \",\" server-first-message \",\" client-final-message-without-proof（不含 gs2 头）。",
        ),
    );
    let signature = trace.push(
        "client-signature",
        Tr::new("ClientSignature = HMAC(StoredKey, AuthMessage)", "ClientSignature = HMAC(StoredKey, AuthMessage)"),
        hash.hmac(&stored_key, auth_message.as_bytes()),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: binds the proof to this exchange's nonces; the server can compute it too.",
            "RFC 5802 §3：把证明绑定到本次交换的 nonce 上；服务器也能算出它。",
        ),
    );
    let proof: Vec<u8> = client_key
        .iter()
        .zip(&signature)
        .map(|(a, b)| a ^ b)
        .collect();
    trace.push(
        "client-proof",
        Tr::new("ClientProof = ClientKey XOR ClientSignature", "ClientProof = ClientKey XOR ClientSignature"),
        proof.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: XOR hides ClientKey; the server XORs again with ClientSignature to recover it.",
            "RFC 5802 §3：异或隐藏了 ClientKey；服务器再与 ClientSignature 异或即可还原它。",
        ),
    );
    let client_final = format!("{without_proof},p={}", BASE64.encode(&proof));
    trace.push(
        "client-final",
        Tr::new("client-final-message", "client-final-message"),
        client_final.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: p= the ClientProof in base64, always the last attribute.",
            "RFC 5802 §5.1：p= base64 编码的 ClientProof，总是最后一个属性。",
        ),
    );
    trace.push(
        "client-final-base64",
        Tr::new("Sent to the server (base64)", "发送给服务器（base64）"),
        BASE64.encode(&client_final).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: the SMTP AUTH response line is base64.",
            "RFC 4954 §4：SMTP AUTH 的响应行是 base64。",
        ),
    );
    let server_key = trace.push(
        "server-key",
        Tr::new("ServerKey = HMAC(SaltedPassword, \"Server Key\")", "ServerKey = HMAC(SaltedPassword, \"Server Key\")"),
        keys.server_key.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: the server stores it too; with it the server proves it knows the password.",
            "RFC 5802 §3：服务器也存储它；服务器用它证明自己知道密码。",
        ),
    );
    let server_signature = trace.push(
        "server-signature",
        Tr::new("ServerSignature = HMAC(ServerKey, AuthMessage)", "ServerSignature = HMAC(ServerKey, AuthMessage)"),
        hash.hmac(&server_key, auth_message.as_bytes()),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: what the server must send back; the client checks it before trusting the server.",
            "RFC 5802 §3：服务器必须发回的值；客户端在信任服务器之前要核对它。",
        ),
    );
    trace.push(
        "server-final-expected",
        Tr::new("Expected server-final-message", "预期的 server-final-message"),
        format!("v={}", BASE64.encode(&server_signature)).into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: v= the ServerSignature in base64. In SMTP it comes in a last 334 challenge, since RFC 4954 §4 cannot carry data with the 235; the client answers it with an empty line, then the server sends 235.",
            "RFC 5802 §5.1：v= base64 编码的 ServerSignature。在 SMTP 中它放在最后一个 334 质询里发送，因为按 RFC 4954 §4，235 不能携带数据；客户端回一个空行，服务器随后发送 235。",
        ),
    );
    Ok(trace)
}

/// The client's last check: the server-final-message (decoded) must be `v=` with the
/// ServerSignature the client computed (step `server-signature` of [`client`]). Appends
/// the received message and the verdict to `trace`.
pub fn verify_server_final(
    expected_signature: &[u8],
    server_final: &str,
    trace: &mut Trace,
) -> Result<(), ScramError> {
    let parsed = parse_server_final(server_final)?;
    trace.push(
        "server-final",
        Tr::new(
            "server-final-message (received)",
            "server-final-message（收到的）",
        ),
        server_final.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: v= the server's signature, or e= an error.",
            "RFC 5802 §5.1：v= 服务器的签名，或 e= 错误。",
        ),
    );
    let received = match parsed {
        ServerFinal::Verifier(received) => received,
        ServerFinal::Error(value) => return Err(ScramError::ServerError(value)),
    };
    let ok = super::secrets_match(&received, expected_signature);
    trace.push(
        "server-signature-check",
        if ok {
            Tr::new("ServerSignature received: matches", "收到的 ServerSignature：一致")
        } else {
            Tr::new("ServerSignature received: does NOT match", "收到的 ServerSignature：不一致")
        },
        received,
        View::Hex,
        if ok {
            Tr::new(
                "RFC 5802 §3: the server knew ServerKey, so it knows the password: mutual authentication is complete.",
                "RFC 5802 §3：服务器知道 ServerKey，因而知道密码：双向认证完成。",
            )
        } else {
            Tr::new(
                "RFC 5802 §3: a wrong v= means the server is not the one holding the password; the client must fail.",
                "RFC 5802 §3：v= 不对说明服务器并不持有密码；客户端必须判定失败。",
            )
        },
    );
    if ok {
        Ok(())
    } else {
        Err(ScramError::ServerSignatureMismatch)
    }
}

/// What a server stores for a user (RFC 5802 §3): never the password itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerCredentials {
    /// The mechanism's hash.
    pub hash: Hash,
    /// The user's salt.
    pub salt: Vec<u8>,
    /// The iteration count.
    pub iterations: u32,
    /// StoredKey = H(ClientKey).
    pub stored_key: Vec<u8>,
    /// ServerKey = HMAC(SaltedPassword, "Server Key").
    pub server_key: Vec<u8>,
}

impl ServerCredentials {
    /// Derives the stored keys from a password (what `saslpasswd2` or a user database
    /// does once, when the password is set).
    pub fn from_password(
        hash: Hash,
        password: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<ServerCredentials, ScramError> {
        check_len(password, "password")?;
        if salt.is_empty() {
            return Err(ScramError::EmptySalt);
        }
        let keys = hash.keys(password.as_bytes(), salt, iterations)?;
        Ok(ServerCredentials {
            hash,
            salt: salt.to_vec(),
            iterations,
            stored_key: keys.stored_key,
            server_key: keys.server_key,
        })
    }
}

/// The server's answer to a client-first-message: `r=<client nonce><server nonce>,s=…,i=…`.
pub fn server_first_message(
    client_first: &ClientFirst,
    server_nonce: &str,
    credentials: &ServerCredentials,
) -> Result<String, ScramError> {
    check_nonce(&client_first.nonce, "client nonce")?;
    check_nonce(server_nonce, "server nonce")?;
    if credentials.salt.is_empty() {
        return Err(ScramError::EmptySalt);
    }
    check_iterations(u64::from(credentials.iterations))?;
    let message = format!(
        "r={}{server_nonce},s={},i={}",
        client_first.nonce,
        BASE64.encode(&credentials.salt),
        credentials.iterations
    );
    check_len(&message, "server-first-message")?;
    Ok(message)
}

/// The server's verdict on a client-final-message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerVerdict {
    /// Every step of the check.
    pub trace: Trace,
    /// Whether the proof is right.
    pub authenticated: bool,
    /// What to send: `v=<ServerSignature>` on success, `e=invalid-proof` otherwise.
    pub server_final: String,
}

/// The server's check of a client-final-message, given the two earlier messages of the
/// exchange (all decoded) and the user's stored credentials. Malformed messages are an
/// error (answer `e=` [`ScramError::server_error_value`]); a wrong proof is a verdict.
pub fn server_verify(
    credentials: &ServerCredentials,
    client_first: &str,
    server_first: &str,
    client_final: &str,
) -> Result<ServerVerdict, ScramError> {
    let hash = credentials.hash;
    let cf = parse_client_first(client_first)?;
    let sf = parse_server_first(server_first)?;
    let fin = parse_client_final(client_final)?;
    if !sf.nonce.starts_with(&cf.nonce) {
        return Err(ScramError::NonceMismatch);
    }
    if fin.nonce != sf.nonce {
        return Err(ScramError::FinalNonceMismatch);
    }
    if fin.channel_binding != cf.gs2_header.as_bytes() {
        return Err(ScramError::ChannelBindingMismatch);
    }
    let mut trace = Trace::default();
    trace.push(
        "client-first-bare",
        Tr::new(
            "client-first-message-bare (received)",
            "client-first-message-bare（收到的）",
        ),
        cf.bare.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: the client's first message without its gs2 header.",
            "RFC 5802 §5.1：客户端第一条消息去掉 gs2 头的部分。",
        ),
    );
    trace.push(
        "server-first",
        Tr::new(
            "server-first-message (sent)",
            "server-first-message（已发送）",
        ),
        server_first.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1: the server's message exactly as sent.",
            "RFC 5802 §5.1：服务器发送的原样消息。",
        ),
    );
    trace.push(
        "client-final-without-proof",
        Tr::new(
            "client-final-message-without-proof (received)",
            "client-final-message-without-proof（收到的）",
        ),
        fin.without_proof.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §7: the client's final message up to \",p=\"; its nonce and c= were checked.",
            "RFC 5802 §7：客户端最后一条消息中 \",p=\" 之前的部分；其 nonce 和 c= 已核对。",
        ),
    );
    let auth_message = format!("{},{server_first},{}", cf.bare, fin.without_proof);
    trace.push(
        "auth-message",
        Tr::new("AuthMessage", "AuthMessage"),
        auth_message.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §3: the server builds the same AuthMessage as the client.",
            "RFC 5802 §3：服务器构造与客户端相同的 AuthMessage。",
        ),
    );
    trace.push(
        "client-proof",
        Tr::new("ClientProof (decoded from p=)", "ClientProof（从 p= 解码）"),
        fin.proof.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §5.1: p= is the base64 of ClientKey XOR ClientSignature.",
            "RFC 5802 §5.1：p= 是 ClientKey XOR ClientSignature 的 base64。",
        ),
    );
    let signature = trace.push(
        "client-signature",
        Tr::new(
            "ClientSignature = HMAC(StoredKey, AuthMessage)",
            "ClientSignature = HMAC(StoredKey, AuthMessage)",
        ),
        hash.hmac(&credentials.stored_key, auth_message.as_bytes()),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: the server computes it from the StoredKey it keeps.",
            "RFC 5802 §3：服务器用自己保存的 StoredKey 计算它。",
        ),
    );
    let length_ok = fin.proof.len() == hash.output_len();
    let client_key: Vec<u8> = fin
        .proof
        .iter()
        .zip(&signature)
        .map(|(a, b)| a ^ b)
        .collect();
    trace.push(
        "client-key",
        Tr::new("ClientKey = ClientProof XOR ClientSignature", "ClientKey = ClientProof XOR ClientSignature"),
        client_key.clone(),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: XOR undoes XOR: this is the client's key, if the client knew the password.",
            "RFC 5802 §3：再次异或即可还原：如果客户端知道密码，这就是它的 ClientKey。",
        ),
    );
    let recomputed = trace.push(
        "stored-key-recomputed",
        Tr::new("H(ClientKey)", "H(ClientKey)"),
        hash.digest(&client_key),
        View::Hex,
        Tr::new(
            "RFC 5802 §3: hashed, it must equal the StoredKey (compared in constant time).",
            "RFC 5802 §3：散列后必须等于 StoredKey（以恒定时间比较）。",
        ),
    );
    let authenticated = super::secrets_match(&recomputed, &credentials.stored_key) && length_ok;
    trace.push(
        "stored-key",
        if authenticated {
            Tr::new("StoredKey (stored): matches — authenticated", "StoredKey（已存储）：一致——认证通过")
        } else {
            Tr::new("StoredKey (stored): does NOT match — invalid proof", "StoredKey（已存储）：不一致——证明无效")
        },
        credentials.stored_key.clone(),
        View::Hex,
        if authenticated {
            Tr::new(
                "RFC 5802 §3: the proof is right; the server now proves itself with v=.",
                "RFC 5802 §3：证明正确；服务器接着用 v= 证明自己。",
            )
        } else {
            Tr::new(
                "RFC 5802 §3: wrong password (or altered messages); the server answers e=invalid-proof (SMTP: 535 5.7.8).",
                "RFC 5802 §3：密码错误（或消息被篡改）；服务器回答 e=invalid-proof（SMTP：535 5.7.8）。",
            )
        },
    );
    let server_final = if authenticated {
        let server_signature = trace.push(
            "server-signature",
            Tr::new(
                "ServerSignature = HMAC(ServerKey, AuthMessage)",
                "ServerSignature = HMAC(ServerKey, AuthMessage)",
            ),
            hash.hmac(&credentials.server_key, auth_message.as_bytes()),
            View::Hex,
            Tr::new(
                "RFC 5802 §3: only a holder of ServerKey can compute it.",
                "RFC 5802 §3：只有持有 ServerKey 的一方能算出它。",
            ),
        );
        format!("v={}", BASE64.encode(server_signature))
    } else {
        "e=invalid-proof".to_string()
    };
    trace.push(
        "server-final",
        Tr::new("server-final-message", "server-final-message"),
        server_final.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 5802 §5.1 and §7: v= the ServerSignature in base64, or e= a server-error-value.",
            "RFC 5802 §5.1 和 §7：v= base64 编码的 ServerSignature，或 e= server-error-value。",
        ),
    );
    Ok(ServerVerdict {
        trace,
        authenticated,
        server_final,
    })
}
