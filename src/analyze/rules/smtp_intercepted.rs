//! The program connected to one server and another one greeted it: PHPMailer's `Connection:
//! opening to smtp.mandrillapp.com:587` answered by `220-vprc1.examplehost.com ESMTP Exim`
//! (PHPMailer/PHPMailer#484: the web host redirects outgoing SMTP to its own server). The
//! greeting's first word is the server's name (RFC 5321 §4.2: `220 <domain>`). Applied by the
//! diagnosis from the line that names the host and the greeting after it; a provider whose
//! servers greet under a sister domain (Outlook's office365.com) is not taken for another.

use super::Rule;
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(crate) const RULE: Rule = Rule {
    cause: "isp-redirects-smtp",
    fix_id: "ask-host-to-allow-outbound-smtp",
    kind: FindingKind::OtherFailure,
    severity: Severity::Warning,
    source: "RFC 5321 §4.2 (220 names the server); PHPMailer/PHPMailer#484",
    title: Tr::new(
        "Another server answered than the one asked for",
        "应答的服务器不是所连接的那台",
    ),
    meaning: Tr::new(
        "The program connected to one mail server, and the greeting came from a server of another organization. Web hosts and some networks redirect outgoing SMTP to their own server: the login and the message then go there, and it refuses them or takes them with its own rules, whatever the real provider would do.",
        "程序连接的是一台邮件服务器，而问候却来自另一个机构的服务器。虚拟主机商和一些网络会把外发的 SMTP 重定向到它们自己的服务器：登录和邮件于是都去了那里，被它拒绝，或按它自己的规则处理，与真正的服务商无关。",
    ),
    fix: Tr::new(
        "Ask the host whether it redirects outgoing SMTP, and to let you reach the provider; or send through the host's own mail server; or use a port it does not redirect (465 with TLS, 2525 if the provider offers it). With TLS and certificate checking on, a redirect shows itself as a certificate that names another server.",
        "问主机商是否重定向了外发的 SMTP，并请它放行到服务商的连接；或者改用主机商自己的邮件服务器；或者换一个它不重定向的端口（465 加 TLS，或服务商提供的 2525）。开启 TLS 和证书验证后，重定向会表现为证书上写着另一台服务器的名字。",
    ),
};

/// The organization a host name belongs to, roughly: its last two labels, three under a
/// two-letter country code with a generic second level (`example.co.uk`, `163.com.cn`).
pub(crate) fn organization(host: &str) -> String {
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let n = labels.len();
    let take = if n >= 3
        && labels.get(n - 1).is_some_and(|tld| tld.len() == 2)
        && labels.get(n - 2).is_some_and(|sld| {
            ["co", "com", "net", "org", "ac", "gov", "edu", "ne", "or"].contains(sld)
        }) {
        3
    } else {
        2
    };
    labels
        .get(n.saturating_sub(take)..)
        .unwrap_or_default()
        .join(".")
        .to_ascii_lowercase()
}

/// Organizations whose servers greet under one another's names.
const SISTERS: [&[&str]; 4] = [
    &[
        "outlook.com",
        "office365.com",
        "hotmail.com",
        "live.com",
        "microsoft.com",
    ],
    &["gmail.com", "google.com", "googlemail.com"],
    &["yahoo.com", "yahoodns.net", "aol.com"],
    &["icloud.com", "me.com", "apple.com"],
];

/// Whether a greeting naming `greeted` answers a connection to `asked`.
pub(crate) fn another_organization(asked: &str, greeted: &str) -> bool {
    let (a, g) = (organization(asked), organization(greeted));
    a != g
        && !SISTERS
            .iter()
            .any(|group| group.contains(&a.as_str()) && group.contains(&g.as_str()))
}
