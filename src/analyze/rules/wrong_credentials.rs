//! The login refused: 535 or 534 (and an AUTH answered 454), another 5xx that says so
//! (Aliyun's 526), or a Sendmail/Postfix log line saying the same. RFC 4954 §6 (535, 534, 454).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "wrong-credentials",
    kind: FindingKind::AuthFailed,
    source: "RFC 4954 §6 (535, 534, 454)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let quote = c.quote.as_str();
    let pending_user = c.pending_user.clone();
    let invalid_base64 = c.invalid_base64;
    // 535 (and Sendmail/Postfix log lines saying the same).
    // A 5xx of a provider's own that says so (Aliyun's `526 Authentication failure[0]`).
    let says_so = c.class == Some(5)
        && !matches!(code, Some(530 | 538))
        && c.has(&["authentication fail", "authentication unsuccessful"]);
    // Oracle Cloud's email delivery: `535 Authorization failed: Envelope From address <…> not
    // authorized` (oracle/oci-grafana-metrics#147): the sender, not the password
    // (sender_refused.rs).
    if c.has(&["envelope from address"]) && c.has(&["not authorized", "not au"]) {
        return None;
    }
    if code == Some(535) || code == Some(534) || (c.auth && code == Some(454)) || says_so {
        let user = c
            .log_user
            .map(|u| (u.to_string(), None))
            .or_else(|| pending_user.map(|(u, l)| (u, Some(l))));
        if let Some((_, Some(l))) = &user {
            lines.push(*l);
        }
        return Some(auth_failed(
            quote,
            user,
            invalid_base64,
            code,
            std::mem::take(lines),
        ));
    }
    None
}

fn auth_failed(
    quote: &str,
    user: Option<(String, Option<usize>)>,
    invalid_base64: bool,
    code: Option<u16>,
    lines: Vec<usize>,
) -> Finding {
    let mut en = match &user {
        Some((u, Some(_))) => format!("The server refused the login of user {u} (decoded from the AUTH exchange): \"{quote}\"."),
        Some((u, None)) => format!("The server refused the login of user {u}: \"{quote}\"."),
        None => format!("The server refused the login: \"{quote}\"."),
    };
    let mut zh = match &user {
        Some((u, Some(_))) => {
            format!("服务器拒绝了用户 {u}（从 AUTH 交换中解码）的登录：\"{quote}\"。")
        }
        Some((u, None)) => format!("服务器拒绝了用户 {u} 的登录：\"{quote}\"。"),
        None => format!("服务器拒绝了登录：\"{quote}\"。"),
    };
    if invalid_base64 {
        en.push_str(" One answer in the exchange was not valid base64.");
        zh.push_str("交换中有一条应答不是有效的 base64。");
    }
    if code == Some(454) {
        en.push_str(" 454 is temporary: the server could not check the password right now — typically its SASL daemon is down.");
        zh.push_str("454 是暂时失败：服务器此刻无法校验密码——通常是它的 SASL 守护进程没有运行。");
    }
    if code == Some(534) {
        en.push_str(" 534: the provider wants a stronger mechanism or an app-specific password.");
        zh.push_str("534：服务商要求更强的认证机制或应用专用密码。");
    }
    finding(
        FindingKind::AuthFailed,
        Severity::Error,
        lines,
        Tr::new("Authentication failed", "身份认证失败"),
        Text::new(en, zh),
        Text::from(Tr::new(
            "Two usual causes. (1) Wrong user name or password: check both — the user name is often the full address; 163.com, QQ Mail and Gmail want an authorization code or app password here, not the web login password. (2) The server cannot check any password because its SASL daemon is down: Sendmail or Postfix with Cyrus SASL (`pwcheck_method: saslauthd`) refuse every AUTH, even a correct one, while saslauthd is not running. How to tell: log in with the same password elsewhere (webmail, IMAP, or `testsaslauthd -u USER -p PASSWORD` on the server) and read the server's mail log (/var/log/maillog or mail.log) for \"cannot connect to saslauthd server\" or \"SASL authentication failure\". If the password works elsewhere, start saslauthd (`systemctl start saslauthd`; old systems: `service saslauthd start` and `chkconfig saslauthd on`).",
            "常见原因有两个。(1) 用户名或密码错误：两者都要核对——用户名常常是完整的邮箱地址；163.com、QQ 邮箱和 Gmail 在这里要求使用授权码或应用专用密码，而不是网页登录密码。(2) 服务器根本无法校验密码，因为它的 SASL 守护进程没有运行：使用 Cyrus SASL（`pwcheck_method: saslauthd`）的 Sendmail 或 Postfix，在 saslauthd 停止时会拒绝所有 AUTH，即使密码正确。如何区分：用同一密码在别处登录（网页邮箱、IMAP，或在服务器上运行 `testsaslauthd -u 用户名 -p 密码`），并查看服务器的邮件日志（/var/log/maillog 或 mail.log）中有没有 \"cannot connect to saslauthd server\" 或 \"SASL authentication failure\"。如果密码在别处可用，就启动 saslauthd（`systemctl start saslauthd`；老系统用 `service saslauthd start` 和 `chkconfig saslauthd on`）。",
        )),
    )
}
