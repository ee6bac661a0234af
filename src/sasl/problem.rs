//! Why a server refused an authentication, as far as it can tell: one value per cause, each
//! explained in both languages. The SMTP server shows it beside the reply (RFC 4954 §6's
//! 535 says only "credentials invalid"; the trainer says which part).

use crate::i18n::Lang;

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

impl SaslProblem {
    /// The problem in words.
    pub fn explain(&self, lang: Lang) -> String {
        use crate::sasl::plain::PlainError as P;
        match (self, lang) {
            (SaslProblem::NoSuchUser(u), Lang::En) => format!("There is no account named {u:?}. (A real server does not tell the client which part was wrong.)"),
            (SaslProblem::NoSuchUser(u), Lang::Zh) => format!("没有名为 {u:?} 的账号。（真实服务器不会告诉客户端是哪一部分错了。）"),
            (SaslProblem::WrongPassword(u), Lang::En) => format!("The account {u:?} exists, but the password is wrong."),
            (SaslProblem::WrongPassword(u), Lang::Zh) => format!("账号 {u:?} 存在，但密码错误。"),
            (SaslProblem::TrailingNewline, Lang::En) => "The password ends with a newline: it was probably encoded with `echo` instead of `echo -n` (or `printf`).".into(),
            (SaslProblem::TrailingNewline, Lang::Zh) => "密码末尾带了换行符：很可能是用 `echo` 而不是 `echo -n`（或 `printf`）编码的。".into(),
            (SaslProblem::AuthzidMismatch { authzid, authcid }, Lang::En) => format!("PLAIN's authzid {authzid:?} differs from the user {authcid:?}: this server lets no one act for another user (RFC 4616 §2)."),
            (SaslProblem::AuthzidMismatch { authzid, authcid }, Lang::Zh) => format!("PLAIN 的 authzid {authzid:?} 与用户 {authcid:?} 不同：这个服务器不允许代表其他用户（RFC 4616 §2）。"),
            (SaslProblem::DaemonDown, Lang::En) => "saslauthd is not running: the server could not check the password at all.".into(),
            (SaslProblem::DaemonDown, Lang::Zh) => "saslauthd 没有运行：服务器根本无法验证密码。".into(),
            (SaslProblem::Plain(P::Separators(n)), Lang::En) => format!("A PLAIN message is authzid NUL user NUL password, with exactly two NULs; this one has {n}."),
            (SaslProblem::Plain(P::Separators(n)), Lang::Zh) => format!("PLAIN 消息的格式是 authzid NUL 用户名 NUL 密码，恰好两个 NUL；这里有 {n} 个。"),
            (SaslProblem::Plain(P::EmptyField), Lang::En) => "The user name or the password in the PLAIN message is empty.".into(),
            (SaslProblem::Plain(P::EmptyField), Lang::Zh) => "PLAIN 消息中的用户名或密码为空。".into(),
            (SaslProblem::Plain(P::TooLong), Lang::En) => "A field of the PLAIN message is longer than 255 octets, the trainer's own limit: RFC 4616 §2 only says servers MUST accept fields up to 255 octets.".into(),
            (SaslProblem::Plain(P::TooLong), Lang::Zh) => "PLAIN 消息中有字段超过 255 字节，这是训练器自己的限制：RFC 4616 §2 只规定服务器必须接受最长 255 字节的字段。".into(),
            (SaslProblem::Plain(P::NotUtf8), Lang::En) => "The PLAIN message is not UTF-8 (RFC 4616 §2).".into(),
            (SaslProblem::Plain(P::NotUtf8), Lang::Zh) => "PLAIN 消息不是 UTF-8 编码（RFC 4616 §2）。".into(),
            (SaslProblem::CramMd5Shape, Lang::En) => "A CRAM-MD5 response decodes to the user name, one space and 32 hex digits (RFC 2195 §2).".into(),
            (SaslProblem::CramMd5Shape, Lang::Zh) => "CRAM-MD5 响应解码后应为用户名、一个空格和 32 位十六进制数字（RFC 2195 §2）。".into(),
            (SaslProblem::Digest(err), lang) => err.describe(lang),
            (SaslProblem::Oauth(err), lang) => err.describe(lang),
            (SaslProblem::OauthLayout { expected }, Lang::En) => format!("The response is laid out for the other OAuth mechanism, not {expected}: XOAUTH2 starts with \"user=\", OAUTHBEARER with a gs2 header such as \"n,a=user,\" (RFC 7628 §3.1)."),
            (SaslProblem::OauthLayout { expected }, Lang::Zh) => format!("响应的格式属于另一种 OAuth 机制，而不是 {expected}：XOAUTH2 以 \"user=\" 开头，OAUTHBEARER 以 \"n,a=用户,\" 这样的 gs2 头开头（RFC 7628 §3.1）。"),
            (SaslProblem::InvalidToken(u), Lang::En) => format!("The bearer token is not the one issued for {u:?} (expired, revoked, or for another account): the server answers with a JSON error challenge (RFC 7628's status invalid_token), the client acknowledges it, and only then comes the failure (RFC 7628 §3.2.2–3.2.3)."),
            (SaslProblem::InvalidToken(u), Lang::Zh) => format!("这个 bearer 令牌不是签发给 {u:?} 的（已过期、已撤销或属于其他账号）：服务器先回一个 JSON 错误质询（RFC 7628 中 status 为 invalid_token），客户端确认之后才给出失败回复（RFC 7628 §3.2.2–3.2.3）。"),
            (SaslProblem::InvalidTokenAcknowledgedWithout { user, answer }, lang) => {
                let first = SaslProblem::InvalidToken(user.clone()).explain(lang);
                match (lang, answer.is_empty()) {
                    (Lang::En, true) => format!("{first} The client acknowledged the error challenge with an empty response; RFC 7628 §3.2.3 asks an OAUTHBEARER client for ^A (0x01, base64 AQ==). The server fails the exchange either way."),
                    (Lang::En, false) => format!("{first} The client acknowledged the error challenge with {answer:?}; RFC 7628 §3.2.3 asks an OAUTHBEARER client for ^A (0x01, base64 AQ==). The server fails the exchange either way."),
                    (Lang::Zh, true) => format!("{first} 客户端用空响应确认了错误质询；RFC 7628 §3.2.3 要求 OAUTHBEARER 客户端发送 ^A（0x01，base64 为 AQ==）。无论如何服务器都会判定失败。"),
                    (Lang::Zh, false) => format!("{first} 客户端用 {answer:?} 确认了错误质询；RFC 7628 §3.2.3 要求 OAUTHBEARER 客户端发送 ^A（0x01，base64 为 AQ==）。无论如何服务器都会判定失败。"),
                }
            }
            (SaslProblem::NotBearer(scheme), Lang::En) => format!("auth= names the scheme {scheme:?}; these mechanisms carry a Bearer token (\"auth=Bearer <token>\", RFC 6750 §2.1, RFC 7628 §3.1)."),
            (SaslProblem::NotBearer(scheme), Lang::Zh) => format!("auth= 中的方案是 {scheme:?}；这两种机制携带的是 Bearer 令牌（\"auth=Bearer <令牌>\"，RFC 6750 §2.1、RFC 7628 §3.1）。"),
            (SaslProblem::Scram(err), lang) => err.describe(lang),
            (SaslProblem::Ntlm(err), lang) => err.describe(lang),
            (SaslProblem::NonceMismatch, Lang::En) => "The response's nonce is not the one this server sent in its challenge.".into(),
            (SaslProblem::NonceMismatch, Lang::Zh) => "响应中的 nonce 不是服务器在质询中发送的那个。".into(),
            (SaslProblem::DigestUriMismatch { expected, got }, Lang::En) => format!("digest-uri is {got:?}, but this server is {expected:?}: for SMTP it is smtp/<server host> (RFC 2831 §2.1.2)."),
            (SaslProblem::DigestUriMismatch { expected, got }, Lang::Zh) => format!("digest-uri 是 {got:?}，但这台服务器应为 {expected:?}：SMTP 的 digest-uri 是 smtp/<服务器主机名>（RFC 2831 §2.1.2）。"),
        }
    }
}
