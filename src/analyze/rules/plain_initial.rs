//! `AUTH PLAIN` sent alone and refused at once: the server did not ask for the credentials
//! with an empty `334`, as RFC 4954 §4 says a server does when no initial response came, but
//! answered 535. Exim at world4you (curl/curl#4080, KNOWN_BUGS material) and QQ Mail
//! (curl/curl#5321: curl 7.68 sent PLAIN so and was refused, curl 7.47 logged in with the
//! same password) did. The password may be right.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "plain-initial-response",
    fix_id: "send-plain-initial-response",
    kind: FindingKind::AuthFailed,
    severity: Severity::Error,
    source: "RFC 4954 §4 (no initial response: the server sends an empty 334); curl/curl#4080, #5321",
    title: Tr::new(
        "AUTH PLAIN without its credentials was refused",
        "不带凭据的 AUTH PLAIN 被拒绝",
    ),
    meaning: Tr::new(
        "The client sent AUTH PLAIN with nothing after it, meaning to send the credentials when asked; RFC 4954 has the server ask with an empty 334. This server refused at once instead, so the password was never even sent: the refusal says nothing about it. Some servers take PLAIN only with its initial response on the AUTH line (QQ Mail, some Exim set-ups); recent curl sends PLAIN without it unless asked.",
        "客户端发送了后面什么都没有的 AUTH PLAIN，打算在服务器询问时再发送凭据；按 RFC 4954，服务器应当用一个空的 334 来询问。而这台服务器立即拒绝了，所以密码根本没有发出去：这次拒绝与密码无关。有些服务器只接受在 AUTH 行上直接带初始响应的 PLAIN（QQ 邮箱、一些 Exim 配置）；较新的 curl 默认发送不带初始响应的 PLAIN。",
    ),
    fix: Tr::new(
        "Send PLAIN with its initial response (AUTH PLAIN base64(␀user␀password) on one line): with curl add --sasl-ir; or use LOGIN (curl: --login-options AUTH=LOGIN). Other programs: choose LOGIN if the server offers it.",
        "带着初始响应发送 PLAIN（AUTH PLAIN base64(␀用户名␀密码) 写在同一行）：curl 加上 --sasl-ir；或者改用 LOGIN（curl：--login-options AUTH=LOGIN）。其他程序：如果服务器提供 LOGIN，就选择 LOGIN。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.plain_without_initial && e.code == Some(535)
}
