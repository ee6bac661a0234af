//! The client could not find the server's address: Python's `socket.gaierror: [Errno -2]
//! Name or service not known` and curl's `(6) Could not resolve host: …` (both recorded
//! with a misspelt name), Java's `UnknownHostException`, Node's `getaddrinfo ENOTFOUND`,
//! Go's `lookup …: no such host`. Almost always a typo in the server name. RFC 5321 §5.1
//! (locating the server by its name in DNS).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "server-name-unresolvable",
    fix_id: "check-server-name",
    kind: FindingKind::ConnectionFailed,
    severity: Severity::Error,
    source: "RFC 5321 §5.1; the resolver's errors as Python, curl, Java, Node.js and Go report them",
    title: Tr::new(
        "The server's name does not resolve",
        "服务器名无法解析",
    ),
    meaning: Tr::new(
        "The client found no address for the server name it was given, so it never connected. Nearly always a typo in the name (smtp.exmail.qq.con, smtp.gmial.com); otherwise the machine's DNS does not work.",
        "客户端找不到所给服务器名的地址，因此根本没有连接。几乎都是服务器名拼写错误（例如 smtp.exmail.qq.con、smtp.gmial.com）；否则就是这台机器的 DNS 不工作。",
    ),
    fix: Tr::new(
        "Copy the server name from the provider's help page (smtp.gmail.com, smtp.qq.com, smtp.office365.com …) into the client's settings, letter by letter. If it is right, test the machine's DNS: `nslookup smtp.example.com` should print an address.",
        "从服务商的帮助页面把服务器名逐字复制到客户端设置中（smtp.gmail.com、smtp.qq.com、smtp.office365.com 等）。如果名字没错，就检查这台机器的 DNS：`nslookup smtp.example.com` 应能输出一个地址。",
    ),
};

/// What the programs print, lower-case.
pub(crate) const WORDS: [&str; 8] = [
    "name or service not known",
    "could not resolve host",
    "unknownhostexception",
    "getaddrinfo enotfound",
    "no such host",
    "nodename nor servname provided",
    "no address associated with hostname",
    // Outlook's 0x800CCC0D.
    "ixp_e_cant_find_host",
];

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.code.is_none() && e.has(&WORDS)
}
