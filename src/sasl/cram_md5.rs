//! CRAM-MD5 (RFC 2195): the server sends a unique challenge; the client answers
//! `user SP hex(HMAC-MD5(password, challenge))`, base64-encoded.
//!
//! Seed 004 tried this and "it never passed": the classic mistakes are hashing the base64
//! text of the challenge instead of its decoded bytes, upper-case hex, and sending the
//! response without base64. Every step is in the trace.

pub mod exchange;
pub use exchange::{Client, Server};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::hmac_md5::hmac_md5;
use super::trace::{hex, Trace, View};
use crate::i18n::Tr;

/// RFC 2195 §2's example: the challenge the server sent.
pub const RFC2195_CHALLENGE: &str = "<1896.697170952@postoffice.reston.mci.net>";

/// The client's computation: from the decoded challenge to the base64 response.
pub fn client(user: &str, password: &str, challenge: &[u8]) -> Trace {
    let mut trace = Trace::default();
    trace.push(
        "challenge",
        Tr::new("Challenge (decoded from the 334 line)", "质询（从 334 行解码）"),
        challenge.to_vec(),
        View::Text,
        Tr::new(
            "RFC 2195 §2: the server's challenge, a unique string like <pid.timestamp@host>; base64-decode the 334 line first.",
            "RFC 2195 §2：服务器的质询，是形如 <pid.timestamp@host> 的唯一字符串；先对 334 行做 base64 解码。",
        ),
    );
    trace.push(
        "key",
        Tr::new("Key: the password", "密钥：密码"),
        password.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "RFC 2195 §2: the shared secret (the password) is the HMAC key.",
            "RFC 2195 §2：共享密钥（密码）就是 HMAC 的密钥。",
        ),
    );
    let digest = hmac_md5(password.as_bytes(), challenge, &mut trace);
    let digest_hex = hex(&digest);
    trace.push(
        "digest-hex",
        Tr::new(
            "Digest as 32 lowercase hex digits",
            "摘要：32 位小写十六进制",
        ),
        digest_hex.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2195 §2: the 16-byte digest is written as 32 lowercase hexadecimal digits.",
            "RFC 2195 §2：16 字节摘要写成 32 个小写十六进制数字。",
        ),
    );
    let text = format!("{user} {digest_hex}");
    trace.push(
        "response-text",
        Tr::new("user SP digest", "用户名 空格 摘要"),
        text.clone().into_bytes(),
        View::Text,
        Tr::new(
            "RFC 2195 §2: the user name, one space, the hex digest.",
            "RFC 2195 §2：用户名、一个空格、十六进制摘要。",
        ),
    );
    trace.push(
        "response",
        Tr::new(
            "Response (base64), sent as one line",
            "响应（base64），作为一行发送",
        ),
        BASE64.encode(text).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: every SASL response in SMTP is base64-encoded.",
            "RFC 4954 §4：SMTP 中每个 SASL 响应都要 base64 编码。",
        ),
    );
    trace
}

/// The decoded response split into user and digest; `None` unless it is `user SP digest`.
pub fn split_response(decoded: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = decoded.iter().rposition(|b| *b == b' ')?;
    Some((&decoded[..at], &decoded[at + 1..]))
}

/// The server's check: recompute the digest for `password` and compare in constant time.
pub fn verify(challenge: &[u8], decoded_response: &[u8], password: &str) -> bool {
    let Some((_, digest)) = split_response(decoded_response) else {
        return false;
    };
    let mut scratch = Trace::default();
    let want = hex(&hmac_md5(password.as_bytes(), challenge, &mut scratch));
    super::secrets_match(digest, want.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 2195 §2: tim / tanstaaftanstaaf.
    #[test]
    fn rfc2195_section2_example() {
        let trace = client("tim", "tanstaaftanstaaf", RFC2195_CHALLENGE.as_bytes());
        assert_eq!(
            trace.step("digest-hex").map(|s| s.text()).as_deref(),
            Some("b913a602c7eda7a495b4e6e7334d3890")
        );
        assert_eq!(
            trace.last().map(|s| s.text()).as_deref(),
            Some("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw")
        );
        // The challenge as the server sends it in the 334 line.
        assert_eq!(
            BASE64.encode(RFC2195_CHALLENGE),
            "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+"
        );
        assert!(verify(
            RFC2195_CHALLENGE.as_bytes(),
            b"tim b913a602c7eda7a495b4e6e7334d3890",
            "tanstaaftanstaaf"
        ));
        assert!(!verify(
            RFC2195_CHALLENGE.as_bytes(),
            b"tim B913A602C7EDA7A495B4E6E7334D3890",
            "tanstaaftanstaaf"
        ));
        assert!(!verify(
            RFC2195_CHALLENGE.as_bytes(),
            b"tim b913a602c7eda7a495b4e6e7334d3890",
            "wrong"
        ));
    }
}
