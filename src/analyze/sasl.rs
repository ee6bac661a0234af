//! The base64 of AUTH exchanges (RFC 4954), decoded for reading: `334` challenges, LOGIN's
//! user name and password, PLAIN's `authzid NUL authcid NUL password` (NULs shown as ␀),
//! tokens and other mechanisms' answers.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine as _;

use super::{Decoded, Field, Value};
use crate::i18n::Lang;

/// Standard alphabet; padding optional (some clients leave it off).
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// What a `334` challenge asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Prompt {
    /// `Username:` (any case; seed 000's Coremail sends `username:`).
    User,
    /// `Password:`.
    Password,
    /// Anything else (CRAM-MD5's `<…>`, DIGEST-MD5's `realm=…`, empty).
    Other,
}

/// Decodes the first word of `text` as `field`.
pub(super) fn decode(field: Field, text: &str) -> Decoded {
    let token = text.split_whitespace().next().unwrap_or("");
    let value = match token {
        "" | "=" => Value::Empty,
        "*" => Value::Cancel,
        _ => match BASE64.decode(token) {
            Ok(bytes) if bytes.is_empty() => Value::Empty,
            Ok(bytes) => value_of(field, &bytes),
            Err(_) => Value::Invalid,
        },
    };
    Decoded { field, value }
}

fn value_of(field: Field, bytes: &[u8]) -> Value {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return binary(bytes);
    };
    let odd_control = text
        .chars()
        .any(|c| (c.is_control() && !matches!(c, '\0' | '\t' | '\r' | '\n')) || c == '\u{7f}');
    if odd_control {
        return binary(bytes);
    }
    if field == Field::Plain {
        let parts: Vec<&str> = text.split('\0').collect();
        if let [authzid, authcid, password] = parts.as_slice() {
            return Value::Plain {
                authzid: visible(authzid),
                authcid: visible(authcid),
                password: visible(password),
            };
        }
    }
    Value::Text(visible(text))
}

fn binary(bytes: &[u8]) -> Value {
    let hex: String = bytes.iter().take(32).map(|b| format!("{b:02x}")).collect();
    Value::Binary {
        len: bytes.len(),
        hex,
    }
}

/// Control characters as the Unicode control pictures: NUL as ␀, CR as ␍, LF as ␊.
pub(super) fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match u32::from(c) {
            code @ 0..=0x1F => char::from_u32(0x2400 + code).unwrap_or(c),
            0x7F => '\u{2421}',
            _ => c,
        })
        .collect()
}

/// What a decoded challenge asks for.
pub(super) fn prompt(decoded: &Decoded) -> Prompt {
    let Value::Text(text) = &decoded.value else {
        return Prompt::Other;
    };
    let word = text.trim().trim_end_matches(':').to_ascii_lowercase();
    match word.as_str() {
        "username" | "user name" | "user" => Prompt::User,
        "password" => Prompt::Password,
        _ => Prompt::Other,
    }
}

/// The decoded field with its label.
pub(super) fn describe(decoded: &Decoded, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let label = match (decoded.field, zh) {
        (Field::Challenge, false) => "challenge",
        (Field::Challenge, true) => "质询",
        (Field::UserName, false) => "user name",
        (Field::UserName, true) => "用户名",
        (Field::Password, false) => "password",
        (Field::Password, true) => "密码",
        (Field::Plain, false) => "PLAIN message",
        (Field::Plain, true) => "PLAIN 消息",
        (Field::Token, false) => "token",
        (Field::Token, true) => "令牌",
        (Field::Response, false) => "answer",
        (Field::Response, true) => "应答",
    };
    let colon = lang.colon();
    match (&decoded.value, zh) {
        (Value::Text(text), _) => format!("{label}{colon}{text}"),
        (
            Value::Plain {
                authzid,
                authcid,
                password,
            },
            false,
        ) => {
            let authzid_shown = if authzid.is_empty() {
                "(empty)"
            } else {
                authzid
            };
            format!(
                "{label}: {authzid}␀{authcid}␀{password} — authorization identity: {authzid_shown}, user: {authcid}, password: {password}"
            )
        }
        (
            Value::Plain {
                authzid,
                authcid,
                password,
            },
            true,
        ) => {
            let authzid_shown = if authzid.is_empty() {
                "（空）"
            } else {
                authzid
            };
            format!(
                "{label}：{authzid}␀{authcid}␀{password}——授权身份：{authzid_shown}，用户名：{authcid}，密码：{password}"
            )
        }
        (Value::Binary { len, hex }, false) => format!("{label}: binary, {len} bytes: {hex}…"),
        (Value::Binary { len, hex }, true) => format!("{label}：二进制，{len} 字节：{hex}…"),
        (Value::Empty, false) => format!("{label}: (empty)"),
        (Value::Empty, true) => format!("{label}：（空）"),
        (Value::Cancel, false) => format!("{label}: * (the client cancels the exchange)"),
        (Value::Cancel, true) => format!("{label}：*（客户端取消认证）"),
        (Value::Invalid, false) => format!("{label}: not valid base64"),
        (Value::Invalid, true) => format!("{label}：不是有效的 base64"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_000_login_exchange() {
        let challenge = decode(Field::Challenge, "dXNlcm5hbWU6");
        assert_eq!(challenge.value, Value::Text("username:".into()));
        assert_eq!(prompt(&challenge), Prompt::User);
        let user = decode(Field::UserName, "c3Vubm9nb0AxNjMuY29t");
        assert_eq!(user.user(), Some("sunnogo@163.com"));
        assert!(!user.exposes_secret());
        let password = decode(Field::Challenge, "UGFzc3dvcmQ6");
        assert_eq!(prompt(&password), Prompt::Password);
        let secret = decode(Field::Password, "QVJzYW5iYnNxbDYwNTk1");
        assert!(secret.exposes_secret());
    }

    #[test]
    fn plain_shows_its_nuls() {
        let d = decode(Field::Plain, "AGFsaWNlAHNlY3JldA==   (base64 of …)");
        assert_eq!(
            d.value,
            Value::Plain {
                authzid: String::new(),
                authcid: "alice".into(),
                password: "secret".into()
            }
        );
        assert!(d.describe(Lang::En).contains("␀alice␀secret"));
        assert!(d.describe(Lang::Zh).contains("密码：secret"));
    }

    #[test]
    fn empty_cancel_invalid_binary() {
        assert_eq!(decode(Field::Challenge, "").value, Value::Empty);
        assert_eq!(decode(Field::Response, "=").value, Value::Empty);
        assert_eq!(decode(Field::UserName, "*").value, Value::Cancel);
        assert_eq!(
            decode(Field::UserName, "!!notbase64!!").value,
            Value::Invalid
        );
        assert!(matches!(
            decode(Field::Response, "TlRMTVNTUAABAAAAB4IIAA==").value,
            Value::Binary { len: 16, .. }
        ));
        // Padding left off still decodes.
        assert_eq!(
            decode(Field::UserName, "YWxpY2U").value,
            Value::Text("alice".into())
        );
    }
}
