//! AUTH or STARTTLS needed first: 530 or 538, or a refusal of MAIL, RCPT or DATA that names
//! authentication or TLS before anything else. RFC 4954 §6 (530, 538); RFC 3207 §4
//! (STARTTLS first).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "auth-first",
    kind: FindingKind::AuthRequired,
    source: "RFC 4954 §6 (530, 538); RFC 3207 §4 (STARTTLS first)",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    // 530 / 538, or a refusal that names authentication or TLS before anything else.
    let mentions_tls = c.has(&[
        "starttls",
        " tls",
        "tls ",
        "encryption",
        "secure connection",
    ]);
    let mentions_auth = c.mentions_auth();
    // "Authentication is required for relay" asks for AUTH, not for another server.
    let auth_for_relay = c.has(&["authentication is required", "authentication required"]);
    // `421 4.7.0 TLS required for this connection`: no retry helps, TLS does.
    let tls_required = matches!(c.class, Some(4) | Some(5))
        && c.has(&[
            "tls required",
            "starttls required",
            // Outlook's `451 5.7.3 STARTTLS is required to send mail`.
            "tls is required",
            // Microsoft 365's connector to a relay without TLS: `454 4.7.0 Failed to establish
            // appropriate TLS channel: Access Denied` (catatnight/docker-postfix#12).
            "appropriate tls channel",
            "must issue a starttls",
            "encryption required",
        ]);
    // Refusals that name the missing login whatever command they answer: `550
    // Unauthenticated senders not allowed` (snowfire/Beautymail#91), `If MAIL FROM is local
    // then you must authenticate` (andrewdavey/postal#127).
    // Thunderbird's `The server responded: Authentication required.`, without a code.
    let quoted_without_code = c.code.is_none()
        && c.authenticated.is_none()
        && c.has(&["responded: authentication required"]);
    let says_login_first = c.class == Some(5)
        && c.authenticated.is_none()
        && c.has(&[
            "unauthenticated sender",
            "must authenticate",
            // Microsoft's 5.7.57: `Client not authenticated to send mail`.
            "not authenticated to send",
            // Exchange's `530 5.7.1 Client was not authenticated`, as Thunderbird and Go
            // programs quote it without its code.
            "client was not authenticated",
            // NetEase's `553 authentication is required,163 smtp9,…` to MAIL without a login.
            "authentication is required,",
        ]);
    // Postal's 530 names the sender, not a missing login (rules/sender_refused.rs).
    let sender_530 = c.has(&["from/sender name is not valid"])
        || (c.has(&["envelope from address"]) && c.has(&["not authorized", "not au"]));
    if sender_530 {
        return None;
    }
    let needs_first = matches!(c.code, Some(530) | Some(538))
        || tls_required
        || says_login_first
        || quoted_without_code
        || (c.class == Some(5)
            && c.authenticated.is_none()
            && mentions_auth
            && (!c.has(&["relay"]) || auth_for_relay)
            && matches!(c.verb, Some("MAIL") | Some("RCPT") | Some("DATA")));
    if needs_first {
        let tls = mentions_tls || c.code == Some(538);
        // "Must issue a STARTTLS command first": TLS alone, whatever else the line says
        // (an exception's class name, `SMTPAuthenticationError`).
        let starttls_first = c.has(&["must issue a starttls", "starttls command first"]);
        let auth = !starttls_first && (mentions_auth || !tls);
        return Some(auth_required(
            &c.quote,
            c.verb,
            tls,
            auth,
            c.auth_offered.as_deref(),
            c.starttls_offered,
            std::mem::take(lines),
        ));
    }
    None
}

pub(super) fn auth_required(
    quote: &str,
    verb: Option<&str>,
    tls: bool,
    auth: bool,
    offered: Option<&str>,
    starttls_offered: bool,
    lines: Vec<usize>,
) -> Finding {
    // Authentication wanted "before AUTH" says nothing: the reply's own words named AUTH.
    let verb = verb.filter(|v| tls || *v != "AUTH");
    let (verb_en, verb_zh) = match verb {
        Some(v) => (v.to_string(), format!(" {v} ")),
        None => ("this command".to_string(), "这条命令".to_string()),
    };
    let (need_en, need_zh) = match (tls, auth) {
        (true, true) => (
            "STARTTLS and then authentication",
            " STARTTLS，再完成身份认证",
        ),
        (true, false) => (
            "STARTTLS (an encrypted connection)",
            " STARTTLS（加密连接）",
        ),
        _ => ("authentication (AUTH)", "身份认证（AUTH）"),
    };
    let mut en = format!("The server wants {need_en} before {verb_en}: \"{quote}\".");
    let mut zh = format!("服务器要求在{verb_zh}之前先完成{need_zh}：\"{quote}\"。");
    match offered {
        Some(m) => {
            en.push_str(&format!(" Its EHLO reply offers AUTH {m}."));
            zh.push_str(&format!("它的 EHLO 回复提供了 AUTH {m}。"));
        }
        None if starttls_offered => {
            en.push_str(" Its EHLO reply lists STARTTLS but no AUTH: many servers offer AUTH only after STARTTLS.");
            zh.push_str("它的 EHLO 回复列出了 STARTTLS 但没有 AUTH：很多服务器只在 STARTTLS 之后才提供 AUTH。");
        }
        None => {}
    }
    let mut fix_en = String::new();
    let mut fix_zh = String::new();
    if tls {
        fix_en.push_str("Send STARTTLS after EHLO, complete the TLS handshake and send EHLO again (in a program: turn on TLS/STARTTLS; port 587 with STARTTLS, or 465 with TLS from the start). ");
        fix_zh.push_str("在 EHLO 之后发送 STARTTLS，完成 TLS 握手后再次发送 EHLO（在程序中：开启 TLS/STARTTLS；587 端口用 STARTTLS，或 465 端口从一开始就用 TLS）。");
    }
    if auth {
        fix_en.push_str("Log in with AUTH before MAIL FROM (in a mail program: turn on \"my server requires authentication\" and give the account and password), and use the login address as the sender.");
        fix_zh.push_str("在 MAIL FROM 之前用 AUTH 登录（在邮件客户端中：勾选“我的服务器要求身份验证”并填写账号和密码），并以登录地址作为发件人。");
    }
    let mut required = finding(
        FindingKind::AuthRequired,
        Severity::Error,
        lines,
        if tls && !auth {
            Tr::new("STARTTLS required first", "需要先 STARTTLS")
        } else {
            Tr::new("Authentication required first", "需要先认证")
        },
        Text::new(en, zh),
        Text::new(fix_en.trim_end().to_string(), fix_zh),
    );
    if tls && !auth {
        required.cause = STARTTLS_CAUSE;
        required.fix_id = STARTTLS_FIX;
    }
    required
}

/// The cause id when STARTTLS, not authentication, must come first.
pub(crate) const STARTTLS_CAUSE: &str = "starttls-required";
/// Its fix id.
pub(crate) const STARTTLS_FIX: &str = "use-starttls";
