//! Why a server refused an authentication, as far as it can tell: one value per cause, each
//! explained in both languages. The SMTP server shows it beside the reply (RFC 4954 §6's
//! 535 says only "credentials invalid"; the trainer says which part).

use crate::i18n::{Lang, Tr};

/// Why an authentication failed, as far as the server can tell.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SaslProblem {
    /// No account has this name.
    NoSuchUser(String),
    /// The account exists; the password is wrong.
    WrongPassword(String),
    /// The password ends with a newline — typically `echo` without `-n` before base64.
    TrailingNewline,
    /// CRAM-MD5: the digest is the right one for the password, in upper-case hex.
    UppercaseHex,
    /// PLAIN's authzid names someone else, and nobody may act for another user here.
    AuthzidMismatch {
        /// The authorization identity sent.
        authzid: String,
        /// The authentication identity sent.
        authcid: String,
    },
    /// The SASL daemon is down: nothing could be checked.
    DaemonDown,
    /// The decoded PLAIN message is malformed.
    Plain(crate::sasl::plain::PlainError),
    /// A CRAM-MD5 response that is not `user SP digest`.
    CramMd5Shape,
    /// A DIGEST-MD5 response that does not parse or lacks a directive.
    Digest(crate::sasl::digest_md5::ParseError),
    /// The DIGEST-MD5 response names another nonce than the server's.
    NonceMismatch,
    /// A SCRAM message that does not parse or does not fit the exchange.
    Scram(crate::sasl::scram::ScramError),
    /// An NTLM message that does not decode.
    Ntlm(crate::sasl::ntlm::ParseError),
    /// An XOAUTH2 or OAUTHBEARER response that does not decode (RFC 7628 §3.1).
    Oauth(crate::sasl::oauth::OauthError),
    /// The response uses the other OAuth mechanism's layout (XOAUTH2's `user=` after
    /// `AUTH OAUTHBEARER`, or a gs2 header after `AUTH XOAUTH2`).
    OauthLayout {
        /// The mechanism named in AUTH.
        expected: &'static str,
    },
    /// The bearer token is not the one issued for this account (or names no account):
    /// RFC 7628 §3.2.2's `invalid_token`.
    InvalidToken(String),
    /// [`SaslProblem::InvalidToken`], and the OAUTHBEARER client answered the error
    /// challenge with something other than RFC 7628 §3.2.3's `^A` (msmtp 1.8.23 sends an
    /// empty response): the exchange fails all the same.
    InvalidTokenAcknowledgedWithout {
        /// The user the token was presented for.
        user: String,
        /// What the client answered, shown (empty: an empty response).
        answer: String,
    },
    /// `auth=` names another scheme than `Bearer` (RFC 6750 §2.1).
    NotBearer(String),
    /// The digest-uri is not `smtp/<this host>`.
    DigestUriMismatch {
        /// What the server expects.
        expected: String,
        /// What the client sent.
        got: String,
    },
}

const NO_SUCH_USER: Tr = Tr::new(
    "There is no account named {u}. (A real server does not tell the client which part was wrong.)",
    "没有名为 {u} 的账号。（真实服务器不会告诉客户端是哪一部分错了。）",
);
const WRONG_PASSWORD: Tr = Tr::new(
    "The account {u} exists, but the password is wrong.",
    "账号 {u} 存在，但密码错误。",
);
const TRAILING_NEWLINE: Tr = Tr::new(
    "The password ends with a newline: it was probably encoded with `echo` instead of `echo -n` (or `printf`).",
    "密码末尾带了换行符：很可能是用 `echo` 而不是 `echo -n`（或 `printf`）编码的。",
);
const UPPERCASE_HEX: Tr = Tr::new(
    "The password is right, but the digest is written in upper-case hex: RFC 2195 §2 writes it in lower-case, and the server compares the text it receives.",
    "密码是对的，但摘要写成了大写十六进制：RFC 2195 §2 规定用小写，服务器按收到的文本比较。",
);
const AUTHZID_MISMATCH: Tr = Tr::new(
    "PLAIN's authzid {authzid} differs from the user {authcid}: this server lets no one act for another user (RFC 4616 §2).",
    "PLAIN 的 authzid {authzid} 与用户 {authcid} 不同：这个服务器不允许代表其他用户（RFC 4616 §2）。",
);
const DAEMON_DOWN: Tr = Tr::new(
    "saslauthd is not running: the server could not check the password at all.",
    "saslauthd 没有运行：服务器根本无法验证密码。",
);
const PLAIN_SEPARATORS: Tr = Tr::new(
    "A PLAIN message is authzid NUL user NUL password, with exactly two NULs; this one has {n}.",
    "PLAIN 消息的格式是 authzid NUL 用户名 NUL 密码，恰好两个 NUL；这里有 {n} 个。",
);
const PLAIN_EMPTY_FIELD: Tr = Tr::new(
    "The user name or the password in the PLAIN message is empty.",
    "PLAIN 消息中的用户名或密码为空。",
);
const PLAIN_TOO_LONG: Tr = Tr::new(
    "A field of the PLAIN message is longer than 255 octets, the trainer's own limit: RFC 4616 §2 only says servers MUST accept fields up to 255 octets.",
    "PLAIN 消息中有字段超过 255 字节，这是训练器自己的限制：RFC 4616 §2 只规定服务器必须接受最长 255 字节的字段。",
);
const PLAIN_NOT_UTF8: Tr = Tr::new(
    "The PLAIN message is not UTF-8 (RFC 4616 §2).",
    "PLAIN 消息不是 UTF-8 编码（RFC 4616 §2）。",
);
const CRAM_MD5_SHAPE: Tr = Tr::new(
    "A CRAM-MD5 response decodes to the user name, one space and 32 hex digits (RFC 2195 §2).",
    "CRAM-MD5 响应解码后应为用户名、一个空格和 32 位十六进制数字（RFC 2195 §2）。",
);
const OAUTH_LAYOUT: Tr = Tr::new(
    "The response is laid out for the other OAuth mechanism, not {expected}: XOAUTH2 starts with \"user=\", OAUTHBEARER with a gs2 header such as \"n,a=user,\" (RFC 7628 §3.1).",
    "响应的格式属于另一种 OAuth 机制，而不是 {expected}：XOAUTH2 以 \"user=\" 开头，OAUTHBEARER 以 \"n,a=用户,\" 这样的 gs2 头开头（RFC 7628 §3.1）。",
);
const INVALID_TOKEN: Tr = Tr::new(
    "The bearer token is not the one issued for {u} (expired, revoked, or for another account): the server answers with a JSON error challenge (RFC 7628's status invalid_token), the client acknowledges it, and only then comes the failure (RFC 7628 §3.2.2–3.2.3).",
    "这个 bearer 令牌不是签发给 {u} 的（已过期、已撤销或属于其他账号）：服务器先回一个 JSON 错误质询（RFC 7628 中 status 为 invalid_token），客户端确认之后才给出失败回复（RFC 7628 §3.2.2–3.2.3）。",
);
const ACKNOWLEDGED_EMPTY: Tr = Tr::new(
    "{first} The client acknowledged the error challenge with an empty response; RFC 7628 §3.2.3 asks an OAUTHBEARER client for ^A (0x01, base64 AQ==). The server fails the exchange either way.",
    "{first} 客户端用空响应确认了错误质询；RFC 7628 §3.2.3 要求 OAUTHBEARER 客户端发送 ^A（0x01，base64 为 AQ==）。无论如何服务器都会判定失败。",
);
const ACKNOWLEDGED_WITH: Tr = Tr::new(
    "{first} The client acknowledged the error challenge with {answer}; RFC 7628 §3.2.3 asks an OAUTHBEARER client for ^A (0x01, base64 AQ==). The server fails the exchange either way.",
    "{first} 客户端用 {answer} 确认了错误质询；RFC 7628 §3.2.3 要求 OAUTHBEARER 客户端发送 ^A（0x01，base64 为 AQ==）。无论如何服务器都会判定失败。",
);
const NOT_BEARER: Tr = Tr::new(
    "auth= names the scheme {scheme}; these mechanisms carry a Bearer token (\"auth=Bearer <token>\", RFC 6750 §2.1, RFC 7628 §3.1).",
    "auth= 中的方案是 {scheme}；这两种机制携带的是 Bearer 令牌（\"auth=Bearer <令牌>\"，RFC 6750 §2.1、RFC 7628 §3.1）。",
);
const NONCE_MISMATCH: Tr = Tr::new(
    "The response's nonce is not the one this server sent in its challenge.",
    "响应中的 nonce 不是服务器在质询中发送的那个。",
);
const DIGEST_URI_MISMATCH: Tr = Tr::new(
    "digest-uri is {got}, but this server is {expected}: for SMTP it is smtp/<server host> (RFC 2831 §2.1.2).",
    "digest-uri 是 {got}，但这台服务器应为 {expected}：SMTP 的 digest-uri 是 smtp/<服务器主机名>（RFC 2831 §2.1.2）。",
);

impl SaslProblem {
    /// The problem in words.
    pub fn explain(&self, lang: Lang) -> String {
        use crate::sasl::plain::PlainError as P;
        match self {
            SaslProblem::NoSuchUser(u) => NO_SUCH_USER.fill(lang, &[("u", &format!("{u:?}"))]),
            SaslProblem::WrongPassword(u) => WRONG_PASSWORD.fill(lang, &[("u", &format!("{u:?}"))]),
            SaslProblem::TrailingNewline => TRAILING_NEWLINE.get(lang).to_owned(),
            SaslProblem::UppercaseHex => UPPERCASE_HEX.get(lang).to_owned(),
            SaslProblem::AuthzidMismatch { authzid, authcid } => AUTHZID_MISMATCH.fill(
                lang,
                &[
                    ("authzid", &format!("{authzid:?}")),
                    ("authcid", &format!("{authcid:?}")),
                ],
            ),
            SaslProblem::DaemonDown => DAEMON_DOWN.get(lang).to_owned(),
            SaslProblem::Plain(P::Separators(n)) => PLAIN_SEPARATORS.fill(lang, &[("n", &n)]),
            SaslProblem::Plain(P::EmptyField) => PLAIN_EMPTY_FIELD.get(lang).to_owned(),
            SaslProblem::Plain(P::TooLong) => PLAIN_TOO_LONG.get(lang).to_owned(),
            SaslProblem::Plain(P::NotUtf8) => PLAIN_NOT_UTF8.get(lang).to_owned(),
            SaslProblem::CramMd5Shape => CRAM_MD5_SHAPE.get(lang).to_owned(),
            SaslProblem::Digest(err) => err.describe(lang),
            SaslProblem::Oauth(err) => err.describe(lang),
            SaslProblem::OauthLayout { expected } => {
                OAUTH_LAYOUT.fill(lang, &[("expected", &expected)])
            }
            SaslProblem::InvalidToken(u) => INVALID_TOKEN.fill(lang, &[("u", &format!("{u:?}"))]),
            SaslProblem::InvalidTokenAcknowledgedWithout { user, answer } => {
                let first = SaslProblem::InvalidToken(user.clone()).explain(lang);
                if answer.is_empty() {
                    ACKNOWLEDGED_EMPTY.fill(lang, &[("first", &first)])
                } else {
                    ACKNOWLEDGED_WITH.fill(
                        lang,
                        &[("first", &first), ("answer", &format!("{answer:?}"))],
                    )
                }
            }
            SaslProblem::NotBearer(scheme) => {
                NOT_BEARER.fill(lang, &[("scheme", &format!("{scheme:?}"))])
            }
            SaslProblem::Scram(err) => err.describe(lang),
            SaslProblem::Ntlm(err) => err.describe(lang),
            SaslProblem::NonceMismatch => NONCE_MISMATCH.get(lang).to_owned(),
            SaslProblem::DigestUriMismatch { expected, got } => DIGEST_URI_MISMATCH.fill(
                lang,
                &[
                    ("got", &format!("{got:?}")),
                    ("expected", &format!("{expected:?}")),
                ],
            ),
        }
    }
}
