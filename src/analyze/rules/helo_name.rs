//! The receiver refuses the name the client gave in EHLO or HELO: Postfix's
//! `Helo command rejected: Host not found` (reject_unknown_helo_hostname, 450 by default),
//! `… need fully-qualified hostname` (reject_non_fqdn_helo_hostname) and `… Invalid name`
//! (reject_invalid_helo_hostname). A Windows machine name (WIN-ABC123), `localhost` or a
//! bare host name fails them. A 450 here does not pass by waiting. RFC 5321 §4.1.1.1 (EHLO
//! names the client's fully qualified domain).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "helo-name-refused",
    fix_id: "send-resolvable-helo",
    kind: FindingKind::OtherFailure,
    severity: Severity::Error,
    source: "RFC 5321 §4.1.1.1; Postfix's reject_unknown_helo_hostname, reject_non_fqdn_helo_hostname, reject_invalid_helo_hostname",
    title: Tr::new(
        "The server refuses the name in EHLO",
        "服务器拒绝了 EHLO 中的名字",
    ),
    meaning: Tr::new(
        "The name the client gave in EHLO (or HELO) is not a fully qualified domain name that resolves in DNS: a Windows machine name, localhost or a bare host name. The receiver takes that for a badly set up sender. Waiting does not help, even where the code is 450: the name stays the same.",
        "客户端在 EHLO（或 HELO）中给出的名字不是能在 DNS 中解析的完整域名：例如 Windows 计算机名、localhost 或不带域名的主机名。接收方把它当作配置不当的发件方。即使代码是 450，等待也没有用：名字不会自己改变。",
    ),
    fix: Tr::new(
        "Make the client send its fully qualified host name, one with an A record (mail.example.com): Postfix as a client smtp_helo_name (or myhostname), Exim helo_data, PHPMailer $mail->Hostname, other programs their \"HELO name\" or \"local host name\" setting. If you run the refusing server and the clients are your own users, let them authenticate before the HELO check (Postfix: permit_sasl_authenticated first).",
        "让客户端发送它的完整主机名，并且该名字要有 A 记录（例如 mail.example.com）：Postfix 作为客户端时设置 smtp_helo_name（或 myhostname），Exim 设置 helo_data，PHPMailer 设置 $mail->Hostname，其他程序设置“HELO 名称”或“本地主机名”。如果拒收的服务器是你自己的、而客户端是你的用户，请让他们认证后跳过 HELO 检查（Postfix：把 permit_sasl_authenticated 放在前面）。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // `550 invalid helo given` (roundcube/roundcubemail#6110).
    e.has(&["invalid helo"])
        // Haraka's helo.checks: `550 Host names have more than one DNS label`
        // (haraka/Haraka#1741: a client greeting with a single-label name).
        || e.has(&["host names have more than one dns label"])
        || e.has(&["helo command rejected", "ehlo command rejected"])
            && e.has(&[
                "host not found",
                "need fully-qualified hostname",
                "invalid name",
                "need fully qualified hostname",
            ])
}
