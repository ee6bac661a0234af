//! LOGIN (draft-murchison-sasl-login): the server asks `Username:` then `Password:`, each
//! challenge and answer base64-encoded.
//!
//! Not to be confused with NTLM, which seed 004 claims works "the same way": NTLM exchanges
//! binary NEGOTIATE / CHALLENGE / AUTHENTICATE messages (MS-NLMP), not a name and password.

pub mod exchange;
pub use exchange::{Client, Server};

/// The first challenge. The draft's servers send `Username:`; some (163.com's Coremail)
/// send `username:` — `334 dXNlcm5hbWU6` in seed 000.
pub const USERNAME_PROMPT: &str = "Username:";
/// The second challenge.
pub const PASSWORD_PROMPT: &str = "Password:";

/// The client's LOGIN exchange as a trace: each prompt decoded and each answer encoded.
pub fn client(user: &str, password: &str) -> super::trace::Trace {
    use super::trace::{Trace, View};
    use crate::i18n::Tr;
    use base64::engine::general_purpose::STANDARD as BASE64;
    use base64::Engine as _;
    let mut trace = Trace::default();
    trace.push("prompt-user", Tr::new("Server: 334 VXNlcm5hbWU6", "服务器：334 VXNlcm5hbWU6"), USERNAME_PROMPT.as_bytes().to_vec(), View::Text,
        Tr::new("The first challenge decodes to \"Username:\" (163.com sends \"username:\", dXNlcm5hbWU6).", "第一个质询解码为 \"Username:\"（163.com 发送小写的 \"username:\"，即 dXNlcm5hbWU6）。"));
    trace.push(
        "user",
        Tr::new("Answer 1: the user name, base64", "回答 1：用户名的 base64"),
        BASE64.encode(user).into_bytes(),
        View::Base64,
        Tr::new(
            "The user name, base64-encoded on its own line.",
            "用户名单独一行，base64 编码。",
        ),
    );
    trace.push(
        "prompt-password",
        Tr::new("Server: 334 UGFzc3dvcmQ6", "服务器：334 UGFzc3dvcmQ6"),
        PASSWORD_PROMPT.as_bytes().to_vec(),
        View::Text,
        Tr::new(
            "The second challenge decodes to \"Password:\".",
            "第二个质询解码为 \"Password:\"。",
        ),
    );
    trace.push("response", Tr::new("Answer 2: the password, base64", "回答 2：密码的 base64"), BASE64.encode(password).into_bytes(), View::Base64,
        Tr::new("The password, base64-encoded: anyone who sees the line can decode it, so LOGIN belongs inside TLS.", "密码的 base64 编码：看到这一行的人都能解码，所以 LOGIN 只应在 TLS 内使用。"));
    trace
}
