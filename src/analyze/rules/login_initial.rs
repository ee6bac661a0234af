//! `AUTH LOGIN <base64 user name>` answered with `334 VXNlcm5hbWU6` ("Username:"): the server
//! ignored the initial response that RFC 4954 §4 lets a client send with AUTH, and asks for
//! the user name that was already given. From there client and server are out of step: the
//! client answers "Username:" with what it meant for "Password:" and the next line it sends
//! goes as the password. In jstedfast/MailKit#216 the server was a test server (FakeSMTP,
//! SubEthaSMTP) that answered 235 to that garbage; the maintainer: most servers accept an
//! initial response with LOGIN, that one does not. LOGIN was never standardised (an expired
//! draft), PLAIN is (RFC 4616). Applied by the diagnosis from the AUTH line and the 334
//! after it.

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "login-initial-response-ignored",
    fix_id: "login-without-initial-response",
    kind: FindingKind::MechanismUnsupported,
    severity: Severity::Error,
    source: "RFC 4954 §4 (the initial response); jstedfast/MailKit#216",
    title: Tr::new(
        "The server ignored the user name sent with AUTH LOGIN",
        "服务器忽略了随 AUTH LOGIN 发送的用户名",
    ),
    meaning: Tr::new(
        "The client sent its user name on the AUTH LOGIN line itself (an initial response, which RFC 4954 allows), and the server asked for the user name again. From here the two are out of step: the client answers \"Username:\" with what it had for \"Password:\", and whatever it sends next is taken for the password. Whatever the server answers after that, the login did not go as the client meant; a 235 then comes only from a server that checks nothing (a test server). LOGIN was never standardised, and servers differ on an initial response with it.",
        "客户端在 AUTH LOGIN 这一行里就发送了用户名（初始响应，RFC 4954 允许这样做），而服务器又一次询问用户名。从这里开始双方就错位了：客户端用原本准备给“Password:”的内容回答“Username:”，而它接下来发送的任何内容都会被当作密码。无论服务器之后回复什么，这次登录都没有按客户端的意图进行；此时若回复 235，只可能来自一个什么都不检查的服务器（测试服务器）。LOGIN 从未被标准化，各服务器对它的初始响应处理不一。",
    ),
    fix: Tr::new(
        "Use AUTH PLAIN if the server offers it (standard, and made to be sent with an initial response). Otherwise make the client send AUTH LOGIN alone and answer each 334 in turn: the user name to \"Username:\", the password to \"Password:\". With a test server, prefer one that follows RFC 4954.",
        "如果服务器提供 AUTH PLAIN 就用它（它是标准机制，本来就设计为随初始响应发送）。否则让客户端只发送 AUTH LOGIN，再逐个回答 334：对“Username:”回答用户名，对“Password:”回答密码。如果是测试服务器，换一个遵循 RFC 4954 的。",
    ),
};
