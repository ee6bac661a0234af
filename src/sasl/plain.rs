//! PLAIN (RFC 4616): one message, `[authzid] NUL authcid NUL passwd`, in UTF-8.
//!
//! RFC 4616 §2: `message = [authzid] UTF8NUL authcid UTF8NUL passwd`; authcid and passwd
//! are at least one octet and contain no NUL. RFC 4616 §2 says servers MUST accept fields
//! of up to 255 octets: a minimum to accept, not a maximum. The trainer's server takes no
//! more than that (its own limit, like many real servers'), and says so.

pub mod exchange;
pub use exchange::{Client, Server};

use core::fmt;

/// A decoded PLAIN message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlainMessage {
    /// The authorization identity (act as whom); empty means "as myself".
    pub authzid: String,
    /// The authentication identity (the user name).
    pub authcid: String,
    /// The password.
    pub passwd: String,
}

/// Why a PLAIN message is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlainError {
    /// Not exactly two NUL separators.
    Separators(usize),
    /// The user name or password is empty.
    EmptyField,
    /// A field is longer than 255 octets: the trainer's limit (RFC 4616 §2 only says
    /// servers MUST accept up to 255).
    TooLong,
    /// Not UTF-8.
    NotUtf8,
}

impl fmt::Display for PlainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlainError::Separators(n) => write!(
                f,
                "a PLAIN message has exactly two NUL separators (authzid NUL authcid NUL passwd); this one has {n}"
            ),
            PlainError::EmptyField => f.write_str("the user name and the password must not be empty"),
            PlainError::TooLong => f.write_str("a field is longer than 255 octets, the trainer's limit (RFC 4616 §2 only requires servers to accept up to 255)"),
            PlainError::NotUtf8 => f.write_str("the message is not UTF-8"),
        }
    }
}

impl std::error::Error for PlainError {}

/// Decodes a PLAIN message (already base64-decoded).
pub fn decode(message: &[u8]) -> Result<PlainMessage, PlainError> {
    let parts: Vec<&[u8]> = message.split(|b| *b == 0).collect();
    let [authzid, authcid, passwd] = parts.as_slice() else {
        return Err(PlainError::Separators(parts.len().saturating_sub(1)));
    };
    if authcid.is_empty() || passwd.is_empty() {
        return Err(PlainError::EmptyField);
    }
    if authzid.len() > 255 || authcid.len() > 255 || passwd.len() > 255 {
        return Err(PlainError::TooLong);
    }
    let text = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).map_err(|_| PlainError::NotUtf8);
    Ok(PlainMessage {
        authzid: text(authzid)?,
        authcid: text(authcid)?,
        passwd: text(passwd)?,
    })
}

/// Encodes a PLAIN message (before base64).
pub fn encode(authzid: &str, authcid: &str, passwd: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(authzid.len() + authcid.len() + passwd.len() + 2);
    out.extend_from_slice(authzid.as_bytes());
    out.push(0);
    out.extend_from_slice(authcid.as_bytes());
    out.push(0);
    out.extend_from_slice(passwd.as_bytes());
    out
}

/// The client's PLAIN computation as a trace: the three fields, the message with its NULs
/// made visible, the base64 line.
pub fn client(authzid: &str, authcid: &str, passwd: &str) -> super::trace::Trace {
    use super::trace::{Trace, View};
    use crate::i18n::Tr;
    use base64::Engine as _;
    let mut trace = Trace::default();
    trace.push(
        "authzid",
        Tr::new(
            "authzid (act as; usually empty)",
            "authzid（代表谁；通常为空）",
        ),
        authzid.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 4616 §2: the authorization identity; empty means the user acts as themself.",
            "RFC 4616 §2：授权身份；为空表示用户以自己的身份操作。",
        ),
    );
    trace.push(
        "authcid",
        Tr::new("authcid (user name)", "authcid（用户名）"),
        authcid.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 4616 §2: the authentication identity, the name whose password is checked.",
            "RFC 4616 §2：认证身份，即被验证密码的用户名。",
        ),
    );
    trace.push(
        "passwd",
        Tr::new("passwd", "passwd（密码）"),
        passwd.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 4616 §2: the password, in clear.",
            "RFC 4616 §2：明文密码。",
        ),
    );
    let message = trace.push("message", Tr::new("authzid NUL authcid NUL passwd", "authzid NUL authcid NUL passwd"), encode(authzid, authcid, passwd), View::Text,
        Tr::new("RFC 4616 §2: the three joined by NUL bytes (shown as ␀), often written \"\\0user\\0password\" in examples.", "RFC 4616 §2：三者用 NUL 字节（显示为 ␀）连接，示例中常写作 \"\\0user\\0password\"。"));
    trace.push(
        "response",
        Tr::new("Response (base64)", "响应（base64）"),
        base64::engine::general_purpose::STANDARD
            .encode(message)
            .into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: sent base64-encoded, as `AUTH PLAIN <base64>` or after an empty 334.",
            "RFC 4954 §4：以 base64 发送，形如 `AUTH PLAIN <base64>`，或在空的 334 之后发送。",
        ),
    );
    trace
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4616 §4 examples: "tim" / "tanstaaftanstaaf", with and without authzid "Ursel".
    #[test]
    fn rfc4616_section4_examples() {
        let m = decode(b"\0tim\0tanstaaftanstaaf").unwrap();
        assert_eq!(
            (m.authzid.as_str(), m.authcid.as_str(), m.passwd.as_str()),
            ("", "tim", "tanstaaftanstaaf")
        );
        let m = decode(b"Ursel\0Kurt\0xipj3plmq").unwrap();
        assert_eq!(
            (m.authzid.as_str(), m.authcid.as_str(), m.passwd.as_str()),
            ("Ursel", "Kurt", "xipj3plmq")
        );
        assert_eq!(
            encode("Ursel", "Kurt", "xipj3plmq"),
            b"Ursel\0Kurt\0xipj3plmq"
        );
    }

    #[test]
    fn malformed_messages() {
        assert_eq!(decode(b"tim tanstaaf"), Err(PlainError::Separators(0)));
        assert_eq!(decode(b"\0tim\0pw\0"), Err(PlainError::Separators(3)));
        assert_eq!(decode(b"\0\0pw"), Err(PlainError::EmptyField));
        assert_eq!(decode(b"\0tim\0\xff"), Err(PlainError::NotUtf8));
    }
}
