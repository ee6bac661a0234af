//! OAuth 2.0 bearer tokens over SASL: Google's XOAUTH2 and the standard OAUTHBEARER
//! (RFC 7628). One message from the client, fields separated by the byte 0x01 (written
//! `^A`, Control-A):
//!
//! ```text
//! XOAUTH2      user=<user> ^A auth=Bearer <token> ^A ^A
//! OAUTHBEARER  n,a=<authzid>, ^A host=<host> ^A port=<port> ^A auth=Bearer <token> ^A ^A
//! ```
//!
//! On failure the server does not fail at once: it sends a challenge holding a small JSON
//! object (`{"status":"invalid_token",…}`), the client answers with a dummy response, and
//! only then does the server fail the exchange (RFC 7628 §3.2.2–3.2.3). The JSON is read by
//! a tiny, bounded parser for flat objects of strings ([`parse_flat_json`]): the engine has
//! no JSON dependency.

pub mod exchange;
pub use exchange::{Client, Server};

use core::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::trace::{Trace, View};
use crate::i18n::{Lang, Tr};

/// The key/value separator `kvsep` (RFC 7628 §3.1): the byte 0x01, `^A`.
pub const KVSEP: u8 = 0x01;

/// The longest client response the builders and the decoder accept, in octets (tokens can
/// be long JWTs, but not this long).
pub const MAX_RESPONSE_LEN: usize = 16 * 1024;

/// The longest error challenge [`parse_error_challenge`] reads, in octets.
pub const MAX_JSON_LEN: usize = 4096;

/// The two mechanisms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mechanism {
    /// Google's XOAUTH2 (documented by Google, no RFC).
    XOAuth2,
    /// OAUTHBEARER, RFC 7628.
    OAuthBearer,
}

impl Mechanism {
    /// The SASL mechanism name.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::XOAuth2 => "XOAUTH2",
            Mechanism::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// What the client sends in answer to an error challenge, before base64: a single
    /// `^A` for OAUTHBEARER (RFC 7628 §3.2.3), an empty response for XOAUTH2 (Google).
    pub fn error_ack(self) -> &'static [u8] {
        match self {
            Mechanism::XOAuth2 => b"",
            Mechanism::OAuthBearer => &[KVSEP],
        }
    }
}

/// Why a response, an input or an error challenge is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OauthError {
    /// The named message is longer than its cap.
    TooLong(&'static str),
    /// The response is empty.
    Empty,
    /// Not UTF-8.
    NotUtf8,
    /// The response is a lone `^A`: the client's answer to an error challenge, not a login.
    AbortResponse,
    /// Neither a gs2 header (OAUTHBEARER) nor `user=` (XOAUTH2) at the start.
    UnknownLayout,
    /// The gs2 header is not `n,` / `y,` then `[a=authzid]` then `,`.
    BadGs2Header,
    /// `p=`: OAUTHBEARER has no channel binding.
    ChannelBinding,
    /// A `=` in the authzid not followed by `2C` or `3D`.
    BadAuthzid,
    /// No `^A` after the gs2 header.
    MissingGs2Separator,
    /// The response does not end with `^A^A`.
    MissingFinalSeparator,
    /// A pair without `=`, or whose key is not letters (the first characters of it).
    BadPair(String),
    /// A value with a control character other than HTAB, CR, LF (the key).
    BadValue(String),
    /// The same key twice.
    Duplicate(String),
    /// XOAUTH2 without `user=`.
    MissingUser,
    /// No `auth=`.
    MissingAuth,
    /// `auth=` is not `<scheme> SP <token>`.
    BadAuth,
    /// `port=` is not a number from 0 to 65535 (the value).
    BadPort(String),
    /// An input to a builder has a control character (which field).
    ControlChar(&'static str),
    /// The XOAUTH2 user name is empty.
    EmptyUser,
    /// The token is empty or not a `b64token` (RFC 6750 §2.1).
    BadToken,
    /// The error challenge is not a flat JSON object of strings: at this byte offset.
    JsonSyntax(usize),
    /// A nested object or array in the error challenge, at this byte offset.
    JsonNested(usize),
    /// The error challenge has no `status`.
    MissingStatus,
}

const TOO_LONG: Tr = Tr::new(
    "The {what} is too long for the trainer.",
    "{what} 太长，训练器不予处理。",
);
const EMPTY: Tr = Tr::new("The response is empty.", "响应为空。");
const NOT_UTF8: Tr = Tr::new("The message is not UTF-8.", "消息不是 UTF-8。");
const ABORT_RESPONSE: Tr = Tr::new(
    "This is a lone ^A (0x01): the client's answer to an error challenge (RFC 7628 §3.2.3), not a login. The server now fails the exchange.",
    "这是单独一个 ^A（0x01）：客户端对错误质询的应答（RFC 7628 §3.2.3），不是登录。服务器随后判定认证失败。",
);
const UNKNOWN_LAYOUT: Tr = Tr::new(
    "Neither OAUTHBEARER (starts with a gs2 header such as \"n,a=user,\") nor XOAUTH2 (starts with \"user=\").",
    "既不是 OAUTHBEARER（以 \"n,a=用户,\" 这样的 gs2 头开始），也不是 XOAUTH2（以 \"user=\" 开始）。",
);
const BAD_GS2_HEADER: Tr = Tr::new(
    "The gs2 header must be \"n,\" then an optional \"a=authzid\" then \",\" (RFC 7628 §3.1, RFC 5801).",
    "gs2 头必须是 \"n,\"，然后是可选的 \"a=授权身份（authzid）\"，再接 \",\"（RFC 7628 §3.1、RFC 5801）。",
);
const CHANNEL_BINDING: Tr = Tr::new(
    "\"p=\" asks for channel binding, which OAUTHBEARER does not support (RFC 7628 §3.1).",
    "\"p=\" 请求通道绑定，OAUTHBEARER 不支持（RFC 7628 §3.1）。",
);
const BAD_AUTHZID: Tr = Tr::new(
    "In the authzid, \"=\" must be followed by \"2C\" (comma) or \"3D\" (equals sign) (RFC 5801 saslname).",
    "授权身份（authzid）中的 \"=\" 后面只能是 \"2C\"（逗号）或 \"3D\"（等号）（RFC 5801 saslname）。",
);
const MISSING_GS2_SEPARATOR: Tr = Tr::new(
    "After the gs2 header a ^A (0x01) must follow (RFC 7628 §3.1).",
    "gs2 头后面必须紧跟一个 ^A（0x01）（RFC 7628 §3.1）。",
);
const MISSING_FINAL_SEPARATOR: Tr = Tr::new(
    "The response must end with two ^A (0x01): one closing the last pair, one ending the list.",
    "响应必须以两个 ^A（0x01）结尾：一个结束最后一对键值，一个结束整个列表。",
);
const BAD_PAIR: Tr = Tr::new(
    "{p} is not key=value with a key of letters (RFC 7628 §3.1).",
    "{p} 不是 key=value 形式，或键不全是字母（RFC 7628 §3.1）。",
);
const BAD_VALUE: Tr = Tr::new(
    "The value of {k}= has a control character (RFC 7628 §3.1 allows only visible characters, space, tab, CR, LF).",
    "{k}= 的值含有控制字符（RFC 7628 §3.1 只允许可见字符、空格、制表符、CR、LF）。",
);
const DUPLICATE: Tr = Tr::new("The key {k}= appears twice.", "键 {k}= 出现了两次。");
const MISSING_USER: Tr = Tr::new(
    "XOAUTH2 needs user=<mailbox> before auth=.",
    "XOAUTH2 需要在 auth= 之前给出 user=<邮箱>。",
);
const MISSING_AUTH: Tr = Tr::new(
    "There is no auth= pair; it carries the token and is required (RFC 7628 §3.1).",
    "缺少 auth= 键值对；它携带令牌，是必需的（RFC 7628 §3.1）。",
);
const BAD_AUTH: Tr = Tr::new(
    "auth= must be the scheme, one space and the token, e.g. \"auth=Bearer ya29…\" (RFC 7628 §3.1, RFC 6750 §2.1).",
    "auth= 必须是方案名、一个空格和令牌，例如 \"auth=Bearer ya29…\"（RFC 7628 §3.1、RFC 6750 §2.1）。",
);
const BAD_PORT: Tr = Tr::new(
    "port={v} is not a port number (0–65535).",
    "port={v} 不是端口号（0–65535）。",
);
const CONTROL_CHAR: Tr = Tr::new(
    "The {field} contains a control character; ^A (0x01) in particular would break the layout.",
    "{field} 含有控制字符；尤其是 ^A（0x01）会破坏消息结构。",
);
const EMPTY_USER: Tr = Tr::new("The user name is empty.", "用户名为空。");
const BAD_TOKEN: Tr = Tr::new(
    "A bearer token is letters, digits and - . _ ~ + /, then optional = signs (RFC 6750 §2.1 b64token); paste it without spaces or line breaks.",
    "Bearer 令牌由字母、数字和 - . _ ~ + / 组成，末尾可有若干 =（RFC 6750 §2.1 b64token）；粘贴时不要带空格或换行。",
);
const JSON_SYNTAX: Tr = Tr::new(
    "The error challenge is not a flat JSON object of strings (at byte {at}).",
    "错误质询不是由字符串组成的扁平 JSON 对象（第 {at} 字节处）。",
);
const JSON_NESTED: Tr = Tr::new(
    "The error challenge has a nested object or array (at byte {at}); RFC 7628 §3.2.2 defines only string members.",
    "错误质询中有嵌套的对象或数组（第 {at} 字节处）；RFC 7628 §3.2.2 只定义了字符串成员。",
);
const MISSING_STATUS: Tr = Tr::new(
    "The error challenge has no \"status\", which RFC 7628 §3.2.2 requires.",
    "错误质询缺少 RFC 7628 §3.2.2 要求的 \"status\"。",
);

impl OauthError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            OauthError::TooLong(what) => TOO_LONG.fill(lang, &[("what", &what)]),
            OauthError::Empty => EMPTY.get(lang).to_owned(),
            OauthError::NotUtf8 => NOT_UTF8.get(lang).to_owned(),
            OauthError::AbortResponse => ABORT_RESPONSE.get(lang).to_owned(),
            OauthError::UnknownLayout => UNKNOWN_LAYOUT.get(lang).to_owned(),
            OauthError::BadGs2Header => BAD_GS2_HEADER.get(lang).to_owned(),
            OauthError::ChannelBinding => CHANNEL_BINDING.get(lang).to_owned(),
            OauthError::BadAuthzid => BAD_AUTHZID.get(lang).to_owned(),
            OauthError::MissingGs2Separator => MISSING_GS2_SEPARATOR.get(lang).to_owned(),
            OauthError::MissingFinalSeparator => MISSING_FINAL_SEPARATOR.get(lang).to_owned(),
            OauthError::BadPair(p) => BAD_PAIR.fill(lang, &[("p", &format!("{p:?}"))]),
            OauthError::BadValue(k) => BAD_VALUE.fill(lang, &[("k", &k)]),
            OauthError::Duplicate(k) => DUPLICATE.fill(lang, &[("k", &k)]),
            OauthError::MissingUser => MISSING_USER.get(lang).to_owned(),
            OauthError::MissingAuth => MISSING_AUTH.get(lang).to_owned(),
            OauthError::BadAuth => BAD_AUTH.get(lang).to_owned(),
            OauthError::BadPort(v) => BAD_PORT.fill(lang, &[("v", &format!("{v:?}"))]),
            OauthError::ControlChar(field) => CONTROL_CHAR.fill(lang, &[("field", &field)]),
            OauthError::EmptyUser => EMPTY_USER.get(lang).to_owned(),
            OauthError::BadToken => BAD_TOKEN.get(lang).to_owned(),
            OauthError::JsonSyntax(at) => JSON_SYNTAX.fill(lang, &[("at", &at)]),
            OauthError::JsonNested(at) => JSON_NESTED.fill(lang, &[("at", &at)]),
            OauthError::MissingStatus => MISSING_STATUS.get(lang).to_owned(),
        }
    }
}

impl fmt::Display for OauthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for OauthError {}

fn snippet(text: &str) -> String {
    crate::i18n::cut::chars(text, 40).to_string()
}

fn no_controls(text: &str, field: &'static str) -> Result<(), OauthError> {
    if text.chars().any(char::is_control) {
        Err(OauthError::ControlChar(field))
    } else {
        Ok(())
    }
}

/// RFC 6750 §2.1: `b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
fn check_token(token: &str) -> Result<(), OauthError> {
    let body = token.trim_end_matches('=');
    let ok = !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(OauthError::BadToken)
    }
}

/// The authzid as a `saslname` (RFC 5801): `,` becomes `=2C` and `=` becomes `=3D`.
pub fn escape_authzid(authzid: &str) -> String {
    super::saslname::escape(authzid)
}

fn unescape_authzid(name: &str) -> Result<String, OauthError> {
    super::saslname::unescape(name).ok_or(OauthError::BadAuthzid)
}

fn push_sep(trace: &mut Trace, out: &mut Vec<u8>, id: &'static str, label: Tr, explain: Tr) {
    out.push(KVSEP);
    trace.push(id, label, vec![KVSEP], View::Hex, explain);
}

fn push_field(
    trace: &mut Trace,
    out: &mut Vec<u8>,
    id: &'static str,
    text: String,
    label: Tr,
    explain: Tr,
) {
    out.extend_from_slice(text.as_bytes());
    trace.push(id, label, text.into_bytes(), View::Text, explain);
}

fn finish(trace: &mut Trace, response: Vec<u8>, label: Tr, explain: Tr) -> Result<(), OauthError> {
    if response.len() > MAX_RESPONSE_LEN {
        return Err(OauthError::TooLong("client response"));
    }
    trace.push("response", label, response.clone(), View::Text, explain);
    trace.push(
        "response-base64",
        Tr::new("Sent to the server (base64)", "发送给服务器（base64）"),
        BASE64.encode(&response).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: in SMTP the initial response follows AUTH <mechanism> on the same line, base64-encoded.",
            "RFC 4954 §4：在 SMTP 中，初始响应以 base64 编码，跟在同一行的 AUTH <机制> 之后。",
        ),
    );
    Ok(())
}

/// Google's XOAUTH2 initial client response, field by field and separator by separator.
pub fn xoauth2(user: &str, token: &str) -> Result<Trace, OauthError> {
    if user.is_empty() {
        return Err(OauthError::EmptyUser);
    }
    no_controls(user, "user name")?;
    check_token(token)?;
    let mut trace = Trace::default();
    let mut out = Vec::new();
    push_field(
        &mut trace,
        &mut out,
        "user-pair",
        format!("user={user}"),
        Tr::new("user=<mailbox>", "user=<邮箱>"),
        Tr::new(
            "Google XOAUTH2: the mailbox to log in to, as is (no escaping).",
            "Google XOAUTH2：要登录的邮箱，原样写出（不转义）。",
        ),
    );
    push_sep(
        &mut trace,
        &mut out,
        "sep-user",
        Tr::new("^A (0x01) — ends user=", "^A（0x01）——结束 user="),
        Tr::new(
            "Google XOAUTH2: the byte 0x01 (Control-A), not the two characters \"^A\", separates the fields.",
            "Google XOAUTH2：字段之间用字节 0x01（Control-A）分隔，不是 \"^A\" 这两个字符。",
        ),
    );
    push_field(
        &mut trace,
        &mut out,
        "auth-pair",
        format!("auth=Bearer {token}"),
        Tr::new("auth=Bearer <access token>", "auth=Bearer <访问令牌>"),
        Tr::new(
            "Google XOAUTH2: \"Bearer\", one space, the OAuth 2.0 access token (RFC 6750 §2.1).",
            "Google XOAUTH2：\"Bearer\"、一个空格、OAuth 2.0 访问令牌（RFC 6750 §2.1）。",
        ),
    );
    push_sep(
        &mut trace,
        &mut out,
        "sep-auth",
        Tr::new("^A (0x01) — ends auth=", "^A（0x01）——结束 auth="),
        Tr::new(
            "Google XOAUTH2: every field ends with 0x01.",
            "Google XOAUTH2：每个字段都以 0x01 结束。",
        ),
    );
    push_sep(
        &mut trace,
        &mut out,
        "sep-final",
        Tr::new("^A (0x01) — ends the message", "^A（0x01）——结束整条消息"),
        Tr::new(
            "Google XOAUTH2: a second 0x01 ends the list; forgetting it is the classic mistake.",
            "Google XOAUTH2：第二个 0x01 结束列表；漏掉它是常见错误。",
        ),
    );
    finish(
        &mut trace,
        out,
        Tr::new(
            "The whole response: user=… ^A auth=Bearer … ^A ^A (each ^A is the byte 0x01)",
            "完整响应：user=… ^A auth=Bearer … ^A ^A（每个 ^A 都是字节 0x01）",
        ),
        Tr::new(
            "Google XOAUTH2: \"user=\" {User} \"^Aauth=Bearer \" {Access Token} \"^A^A\"; the separators show as \\x01.",
            "Google XOAUTH2：\"user=\" {用户} \"^Aauth=Bearer \" {访问令牌} \"^A^A\"；分隔符显示为 \\x01。",
        ),
    )?;
    Ok(trace)
}

/// The OAUTHBEARER initial client response (RFC 7628 §3.1), field by field and separator
/// by separator. An empty `authzid` gives the gs2 header `n,,`; `host` and `port` are
/// optional but servers like them (RFC 7628 §3.1).
pub fn oauthbearer(
    authzid: &str,
    host: Option<&str>,
    port: Option<u16>,
    token: &str,
) -> Result<Trace, OauthError> {
    no_controls(authzid, "authorization identity")?;
    if let Some(host) = host {
        no_controls(host, "host")?;
    }
    check_token(token)?;
    let mut trace = Trace::default();
    let mut out = Vec::new();
    let header = if authzid.is_empty() {
        "n,,".to_string()
    } else {
        format!("n,a={},", escape_authzid(authzid))
    };
    push_field(
        &mut trace,
        &mut out,
        "gs2-header",
        header,
        Tr::new("gs2 header: n,a=<authzid>,", "gs2 头：n,a=<授权身份（authzid）>,"),
        Tr::new(
            "RFC 7628 §3.1 (RFC 5801): \"n\" = no channel binding, a= the user to log in as (\",\" as =2C, \"=\" as =3D), then a comma.",
            "RFC 7628 §3.1（RFC 5801）：\"n\" 表示不做通道绑定，a= 要登录的用户（\",\" 写成 =2C，\"=\" 写成 =3D），然后是一个逗号。",
        ),
    );
    push_sep(
        &mut trace,
        &mut out,
        "sep-gs2",
        Tr::new("^A (0x01) — ends the gs2 header", "^A（0x01）——结束 gs2 头"),
        Tr::new(
            "RFC 7628 §3.1: kvsep = %x01, the byte 0x01 (Control-A), after the header and after every pair.",
            "RFC 7628 §3.1：kvsep = %x01，即字节 0x01（Control-A），出现在头之后和每个键值对之后。",
        ),
    );
    if let Some(host) = host {
        push_field(
            &mut trace,
            &mut out,
            "host-pair",
            format!("host={host}"),
            Tr::new("host=<server name>", "host=<服务器名>"),
            Tr::new(
                "RFC 7628 §3.1: the host name the client connected to.",
                "RFC 7628 §3.1：客户端所连接的主机名。",
            ),
        );
        push_sep(
            &mut trace,
            &mut out,
            "sep-host",
            Tr::new("^A (0x01) — ends host=", "^A（0x01）——结束 host="),
            Tr::new(
                "RFC 7628 §3.1: kvpair = key \"=\" value kvsep.",
                "RFC 7628 §3.1：kvpair = key \"=\" value kvsep。",
            ),
        );
    }
    if let Some(port) = port {
        push_field(
            &mut trace,
            &mut out,
            "port-pair",
            format!("port={port}"),
            Tr::new("port=<port number>", "port=<端口号>"),
            Tr::new(
                "RFC 7628 §3.1: the port the client connected to, in decimal.",
                "RFC 7628 §3.1：客户端所连接的端口，十进制。",
            ),
        );
        push_sep(
            &mut trace,
            &mut out,
            "sep-port",
            Tr::new("^A (0x01) — ends port=", "^A（0x01）——结束 port="),
            Tr::new(
                "RFC 7628 §3.1: kvpair = key \"=\" value kvsep.",
                "RFC 7628 §3.1：kvpair = key \"=\" value kvsep。",
            ),
        );
    }
    push_field(
        &mut trace,
        &mut out,
        "auth-pair",
        format!("auth=Bearer {token}"),
        Tr::new("auth=Bearer <access token>", "auth=Bearer <访问令牌>"),
        Tr::new(
            "RFC 7628 §3.1: like an HTTP Authorization header: \"Bearer\", one space, the token (RFC 6750 §2.1).",
            "RFC 7628 §3.1：与 HTTP Authorization 头相同：\"Bearer\"、一个空格、令牌（RFC 6750 §2.1）。",
        ),
    );
    push_sep(
        &mut trace,
        &mut out,
        "sep-auth",
        Tr::new("^A (0x01) — ends auth=", "^A（0x01）——结束 auth="),
        Tr::new(
            "RFC 7628 §3.1: kvpair = key \"=\" value kvsep.",
            "RFC 7628 §3.1：kvpair = key \"=\" value kvsep。",
        ),
    );
    push_sep(
        &mut trace,
        &mut out,
        "sep-final",
        Tr::new("^A (0x01) — ends the list", "^A（0x01）——结束列表"),
        Tr::new(
            "RFC 7628 §3.1: client-resp = gs2-header kvsep *kvpair kvsep: a last 0x01 closes the list.",
            "RFC 7628 §3.1：client-resp = gs2-header kvsep *kvpair kvsep：最后一个 0x01 结束列表。",
        ),
    );
    finish(
        &mut trace,
        out,
        Tr::new(
            "The whole response: n,a=…, ^A host=… ^A port=… ^A auth=Bearer … ^A ^A (each ^A is the byte 0x01)",
            "完整响应：n,a=…, ^A host=… ^A port=… ^A auth=Bearer … ^A ^A（每个 ^A 都是字节 0x01）",
        ),
        Tr::new(
            "RFC 7628 §3.1: gs2 header, ^A, each pair followed by ^A, and a final ^A; the separators show as \\x01.",
            "RFC 7628 §3.1：gs2 头、^A、每个键值对后接 ^A，最后再一个 ^A；分隔符显示为 \\x01。",
        ),
    )?;
    Ok(trace)
}

/// A decoded initial client response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientResponse {
    /// Which layout it has.
    pub mechanism: Mechanism,
    /// XOAUTH2's `user=`, or OAUTHBEARER's `a=` authzid (unescaped), if any.
    pub user: Option<String>,
    /// `host=`, if given.
    pub host: Option<String>,
    /// `port=`, if given.
    pub port: Option<u16>,
    /// The scheme of `auth=`, normally `Bearer`.
    pub scheme: String,
    /// The token.
    pub token: String,
    /// Other pairs, in order.
    pub other: Vec<(String, String)>,
}

/// `*kvpair kvsep`: each pair ends with `^A`, and a last `^A` ends the list.
fn pairs(list: &str) -> Result<Vec<(String, String)>, OauthError> {
    let sep = char::from(KVSEP);
    let Some(body) = list.strip_suffix(sep) else {
        return Err(OauthError::MissingFinalSeparator);
    };
    if body.is_empty() {
        return Ok(Vec::new());
    }
    let Some(body) = body.strip_suffix(sep) else {
        return Err(OauthError::MissingFinalSeparator);
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for pair in body.split(sep) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(OauthError::BadPair(snippet(pair)));
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(OauthError::BadPair(snippet(pair)));
        }
        if value
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        {
            return Err(OauthError::BadValue(key.to_string()));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(OauthError::Duplicate(key.to_string()));
        }
        out.push((key.to_string(), value.to_string()));
    }
    Ok(out)
}

/// Decodes an initial client response (already base64-decoded) of either mechanism.
pub fn decode_response(bytes: &[u8]) -> Result<ClientResponse, OauthError> {
    if bytes.len() > MAX_RESPONSE_LEN {
        return Err(OauthError::TooLong("client response"));
    }
    if bytes.is_empty() {
        return Err(OauthError::Empty);
    }
    if bytes == [KVSEP] {
        return Err(OauthError::AbortResponse);
    }
    let text = core::str::from_utf8(bytes).map_err(|_| OauthError::NotUtf8)?;
    let sep = char::from(KVSEP);
    let (mechanism, user, list) = if text.starts_with("user=") {
        (Mechanism::XOAuth2, None, text)
    } else if text.starts_with("n,") || text.starts_with("y,") || text.starts_with("p=") {
        let mut parts = text.splitn(3, ',');
        let (Some(flag), Some(authz), Some(rest)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(OauthError::BadGs2Header);
        };
        if flag.starts_with("p=") {
            return Err(OauthError::ChannelBinding);
        }
        if !matches!(flag, "n" | "y") || authz.chars().any(char::is_control) {
            return Err(OauthError::BadGs2Header);
        }
        let user = if authz.is_empty() {
            None
        } else if let Some(name) = authz.strip_prefix("a=") {
            Some(unescape_authzid(name)?)
        } else {
            return Err(OauthError::BadGs2Header);
        };
        let Some(list) = rest.strip_prefix(sep) else {
            return Err(OauthError::MissingGs2Separator);
        };
        (Mechanism::OAuthBearer, user, list)
    } else {
        return Err(OauthError::UnknownLayout);
    };
    let mut response = ClientResponse {
        mechanism,
        user,
        host: None,
        port: None,
        scheme: String::new(),
        token: String::new(),
        other: Vec::new(),
    };
    let mut auth = None;
    for (key, value) in pairs(list)? {
        match (mechanism, key.as_str()) {
            (Mechanism::XOAuth2, "user") => response.user = Some(value),
            (_, "auth") => auth = Some(value),
            (Mechanism::OAuthBearer, "host") => response.host = Some(value),
            (Mechanism::OAuthBearer, "port") => {
                let port = value
                    .parse::<u16>()
                    .ok()
                    .filter(|_| value.bytes().all(|b| b.is_ascii_digit()));
                let Some(port) = port else {
                    return Err(OauthError::BadPort(snippet(&value)));
                };
                response.port = Some(port);
            }
            _ => response.other.push((key, value)),
        }
    }
    if mechanism == Mechanism::XOAuth2 && response.user.as_deref().is_none_or(str::is_empty) {
        return Err(OauthError::MissingUser);
    }
    let Some(auth) = auth else {
        return Err(OauthError::MissingAuth);
    };
    let Some((scheme, token)) = auth.split_once(' ') else {
        return Err(OauthError::BadAuth);
    };
    if scheme.is_empty() || token.is_empty() {
        return Err(OauthError::BadAuth);
    }
    response.scheme = scheme.to_string();
    response.token = token.to_string();
    Ok(response)
}

/// Reads a flat JSON object whose members are strings (numbers, `true`, `false` and
/// `null` are kept as their text), in order. Bounded by [`MAX_JSON_LEN`]; nested objects
/// and arrays are refused. Tolerates whitespace (and the trailing newline Google sends).
pub fn parse_flat_json(text: &str) -> Result<Vec<(String, String)>, OauthError> {
    if text.len() > MAX_JSON_LEN {
        return Err(OauthError::TooLong("error challenge"));
    }
    let bytes = text.as_bytes();
    let mut at = skip_ws(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return Err(OauthError::JsonSyntax(at));
    }
    at = skip_ws(bytes, at + 1);
    let mut out = Vec::new();
    if bytes.get(at) == Some(&b'}') {
        at += 1;
    } else {
        loop {
            let key = json_string(text, &mut at)?;
            at = skip_ws(bytes, at);
            if bytes.get(at) != Some(&b':') {
                return Err(OauthError::JsonSyntax(at));
            }
            at = skip_ws(bytes, at + 1);
            let value = match bytes.get(at) {
                Some(b'"') => json_string(text, &mut at)?,
                Some(b'{' | b'[') => return Err(OauthError::JsonNested(at)),
                _ => {
                    let start = at;
                    while bytes
                        .get(at)
                        .is_some_and(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
                    {
                        at += 1;
                    }
                    if at == start {
                        return Err(OauthError::JsonSyntax(at));
                    }
                    text.get(start..at).unwrap_or_default().to_string()
                }
            };
            out.push((key, value));
            at = skip_ws(bytes, at);
            match bytes.get(at) {
                Some(b',') => at = skip_ws(bytes, at + 1),
                Some(b'}') => {
                    at += 1;
                    break;
                }
                _ => return Err(OauthError::JsonSyntax(at)),
            }
        }
    }
    at = skip_ws(bytes, at);
    if at != bytes.len() {
        return Err(OauthError::JsonSyntax(at));
    }
    Ok(out)
}

fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while bytes
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        at += 1;
    }
    at
}

/// A JSON string starting at `*at` (which must be `"`); leaves `*at` after the closing
/// quote. Unpaired surrogates become U+FFFD.
fn json_string(text: &str, at: &mut usize) -> Result<String, OauthError> {
    let start = *at;
    let Some(rest) = text.get(start..).and_then(|r| r.strip_prefix('"')) else {
        return Err(OauthError::JsonSyntax(start));
    };
    let mut out = String::new();
    let mut chars = rest.char_indices();
    while let Some((offset, c)) = chars.next() {
        let here = start + 1 + offset;
        match c {
            '"' => {
                *at = here + 1;
                return Ok(out);
            }
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    return Err(OauthError::JsonSyntax(here));
                };
                match escaped {
                    '"' | '\\' | '/' => out.push(escaped),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'u' => {
                        let high = hex4(&mut chars).ok_or(OauthError::JsonSyntax(here))?;
                        let code = if (0xd800..0xdc00).contains(&high) {
                            // A high surrogate: pair it with a following \uDC00–\uDFFF.
                            let mut ahead = chars.clone();
                            let low = match (ahead.next(), ahead.next()) {
                                (Some((_, '\\')), Some((_, 'u'))) => hex4(&mut ahead),
                                _ => None,
                            };
                            match low {
                                Some(low) if (0xdc00..0xe000).contains(&low) => {
                                    chars = ahead;
                                    0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                                }
                                _ => 0xfffd,
                            }
                        } else {
                            high
                        };
                        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    }
                    _ => return Err(OauthError::JsonSyntax(here)),
                }
            }
            c if u32::from(c) < 0x20 => return Err(OauthError::JsonSyntax(here)),
            c => out.push(c),
        }
    }
    Err(OauthError::JsonSyntax(text.len()))
}

fn hex4(chars: &mut core::str::CharIndices<'_>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        value = value * 16 + c.to_digit(16)?;
    }
    Some(value)
}

/// A decoded error challenge (RFC 7628 §3.2.2; Google's XOAUTH2 sends the same shape).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorChallenge {
    /// `status`: an OAuth error code (`invalid_token`, …) or, from Google, an HTTP-like
    /// number (`400`, `401`).
    pub status: String,
    /// `scope`: the scope(s) a token needs here, space-separated.
    pub scope: Option<String>,
    /// `openid-configuration`: where to discover the authorization server.
    pub openid_configuration: Option<String>,
    /// `schemes` (Google): the authorization schemes accepted.
    pub schemes: Option<String>,
    /// Every member, in order.
    pub members: Vec<(String, String)>,
}

/// Decodes an error challenge (already base64-decoded).
pub fn parse_error_challenge(bytes: &[u8]) -> Result<ErrorChallenge, OauthError> {
    if bytes.len() > MAX_JSON_LEN {
        return Err(OauthError::TooLong("error challenge"));
    }
    let text = core::str::from_utf8(bytes).map_err(|_| OauthError::NotUtf8)?;
    let members = parse_flat_json(text)?;
    let get = |name: &str| {
        members
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let Some(status) = get("status") else {
        return Err(OauthError::MissingStatus);
    };
    Ok(ErrorChallenge {
        status,
        scope: get("scope"),
        openid_configuration: get("openid-configuration"),
        schemes: get("schemes"),
        members,
    })
}

/// What a `status` means and what to do about it.
fn status_meaning(status: &str) -> Tr {
    match status {
        "invalid_token" => Tr::new(
            "RFC 6750 §3.1: the token is expired, revoked or malformed. Get a new access token (with the refresh token) and authenticate again.",
            "RFC 6750 §3.1：令牌已过期、被吊销或格式错误。用刷新令牌获取新的访问令牌后重新认证。",
        ),
        "insufficient_scope" => Tr::new(
            "RFC 6750 §3.1: the token is valid but lacks the scope this server needs (see scope). Request a token with that scope.",
            "RFC 6750 §3.1：令牌有效，但缺少本服务器需要的权限范围（见 scope）。请申请带有该范围的令牌。",
        ),
        "invalid_request" => Tr::new(
            "RFC 6750 §3.1: the request is malformed (a missing or repeated field). Check the layout of the response.",
            "RFC 6750 §3.1：请求格式有误（字段缺失或重复）。请检查响应的结构。",
        ),
        s if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => Tr::new(
            "Google XOAUTH2: an HTTP-style code; 400 or 401 with schemes=Bearer almost always means the access token is invalid or expired (or lacks https://mail.google.com/): refresh it and retry.",
            "Google XOAUTH2：HTTP 风格的代码；400 或 401 且 schemes=Bearer 几乎总是表示访问令牌无效或已过期（或缺少 https://mail.google.com/ 范围）：刷新后重试。",
        ),
        _ => Tr::new(
            "RFC 7628 §3.2.2: an error code from the OAuth extensions error registry (RFC 6749 §11.4).",
            "RFC 7628 §3.2.2：来自 OAuth 扩展错误注册表（RFC 6749 §11.4）的错误代码。",
        ),
    }
}

/// Explains an error challenge step by step, ending with what the client must send next
/// for `mechanism` (see [`Mechanism::error_ack`]).
pub fn explain_error_challenge(mechanism: Mechanism, bytes: &[u8]) -> Result<Trace, OauthError> {
    let challenge = parse_error_challenge(bytes)?;
    let mut trace = Trace::default();
    trace.push(
        "challenge-json",
        Tr::new("Error challenge (decoded from the 334 line)", "错误质询（从 334 行解码）"),
        bytes.to_vec(),
        View::Text,
        Tr::new(
            "RFC 7628 §3.2.2: on failure the server does not answer 535 at once but sends a challenge (334 <base64>) holding a JSON error.",
            "RFC 7628 §3.2.2：失败时服务器不会立即回 535，而是先发送一个质询（334 <base64>），内容是 JSON 格式的错误。",
        ),
    );
    trace.push(
        "status",
        Tr::new("status", "status（状态）"),
        challenge.status.clone().into_bytes(),
        View::Text,
        status_meaning(&challenge.status),
    );
    if let Some(scope) = &challenge.scope {
        trace.push(
            "scope",
            Tr::new("scope", "scope（权限范围）"),
            scope.clone().into_bytes(),
            View::Text,
            Tr::new(
                "RFC 7628 §3.2.2: the OAuth scope(s), space-separated, a token needs for this server (Gmail: https://mail.google.com/).",
                "RFC 7628 §3.2.2：访问本服务器的令牌需要的 OAuth 权限范围，以空格分隔（Gmail：https://mail.google.com/）。",
            ),
        );
    }
    if let Some(url) = &challenge.openid_configuration {
        trace.push(
            "openid-configuration",
            Tr::new("openid-configuration", "openid-configuration（发现文档）"),
            url.clone().into_bytes(),
            View::Text,
            Tr::new(
                "RFC 7628 §3.2.2: the URL of an OpenID Connect discovery document, telling the client which authorization server issues tokens.",
                "RFC 7628 §3.2.2：OpenID Connect 发现文档的 URL，告诉客户端由哪个授权服务器签发令牌。",
            ),
        );
    }
    if let Some(schemes) = &challenge.schemes {
        trace.push(
            "schemes",
            Tr::new("schemes", "schemes（认证方案）"),
            schemes.clone().into_bytes(),
            View::Text,
            Tr::new(
                "Google XOAUTH2: the authorization schemes the server accepts; Bearer is the one to use.",
                "Google XOAUTH2：服务器接受的认证方案；应使用 Bearer。",
            ),
        );
    }
    let ack = mechanism.error_ack();
    let (label, explain) = match mechanism {
        Mechanism::OAuthBearer => (
            Tr::new("Client's next response: a lone ^A (0x01), base64 AQ==", "客户端的下一个响应：单独一个 ^A（0x01），base64 为 AQ=="),
            Tr::new(
                "RFC 7628 §3.2.3: the client must answer the error challenge with the dummy response %x01; the server then ends the exchange with a failure (SMTP: 535 5.7.8). Fix the token before trying again.",
                "RFC 7628 §3.2.3：客户端必须用哑响应 %x01 回答错误质询；服务器随后以失败结束这次交换（SMTP：535 5.7.8）。修好令牌后再重试。",
            ),
        ),
        Mechanism::XOAuth2 => (
            Tr::new("Client's next response: empty (an empty line)", "客户端的下一个响应：空（一个空行）"),
            Tr::new(
                "Google XOAUTH2: the client sends an empty response to the error challenge; the server then fails the exchange (SMTP: 535 5.7.8). OAUTHBEARER sends ^A instead (RFC 7628 §3.2.3).",
                "Google XOAUTH2：客户端对错误质询发送空响应；服务器随后判定失败（SMTP：535 5.7.8）。OAUTHBEARER 则发送 ^A（RFC 7628 §3.2.3）。",
            ),
        ),
    };
    trace.push("next-response", label, ack.to_vec(), View::Text, explain);
    trace.push(
        "next-response-base64",
        Tr::new("Sent to the server (base64)", "发送给服务器（base64）"),
        BASE64.encode(ack).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: the response line is base64 (an empty response is an empty line).",
            "RFC 4954 §4：响应行是 base64（空响应就是一个空行）。",
        ),
    );
    Ok(trace)
}
