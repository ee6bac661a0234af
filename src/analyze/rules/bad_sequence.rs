//! A command out of order (503, or a reply that says a step is missing), and which step was
//! missing. RFC 5321 §4.1.4 (503).

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;

pub(super) const RULE: General = General {
    id: "bad-sequence",
    kind: FindingKind::BadSequence,
    source: "RFC 5321 §4.1.4 (503)",
    decide,
};

const OUT_OF_ORDER: Tr = Tr::new(
    "{verb} came out of order: \"{quote}\". {missing}",
    "{verb}的顺序不对：\"{quote}\"。{missing}",
);

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let bad_sequence = c.code == Some(503)
        || c.has(&["no valid recipients", "need rcpt", "need mail"])
        || c.enhanced
            .is_some_and(|e| e.ends_with(".5.1") && c.code != Some(500));
    if bad_sequence {
        let missing = missing_step(
            &c.lower,
            c.verb,
            c.helo,
            c.mail_accepted || c.mail.is_some(),
            c.authenticated.is_some(),
            c.auth_offered.is_some(),
            c.starttls_offered,
        );
        let verb = super::command_name(c.verb);
        let quote = &c.quote;
        return Some(finding(
            FindingKind::BadSequence,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Command out of order", "命令顺序错误"),
            Text::of(|lang| {
                OUT_OF_ORDER.fill(
                    lang,
                    &[
                        ("verb", &sentence_start(verb.get(lang).trim_start())),
                        ("quote", quote),
                        ("missing", &missing.get(lang)),
                    ],
                )
            }),
            Text::from(Tr::new(
                "Follow the order of a session: EHLO → (STARTTLS → EHLO) → AUTH → MAIL FROM → RCPT TO (one per recipient) → DATA → the message → . → QUIT; RSET starts a transaction over.",
                "按会话顺序发送：EHLO →（STARTTLS → EHLO）→ AUTH → MAIL FROM → RCPT TO（每个收件人一条）→ DATA → 邮件内容 → . → QUIT；RSET 可以重新开始事务。",
            )),
        ));
    }
    None
}

/// What a 503 says was missing.
#[allow(clippy::too_many_arguments)]
fn missing_step(
    lower: &str,
    verb: Option<&str>,
    helo: bool,
    mail_open: bool,
    authenticated: bool,
    auth_offered: bool,
    starttls_offered: bool,
) -> Tr {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["already authenticated"]) || (verb == Some("AUTH") && authenticated) {
        return Tr::new(
            "This connection is already authenticated: AUTH is sent once.",
            "本连接已经认证过了：AUTH 只需发送一次。",
        );
    }
    if verb == Some("AUTH")
        && (has(&[
            "not enabled",
            "not advertised",
            "not available",
            "not supported",
        ]) || !auth_offered)
    {
        return if starttls_offered {
            Tr::new(
                "The server does not offer AUTH here (its EHLO reply lists no AUTH); many servers offer it only after STARTTLS.",
                "服务器此时不提供 AUTH（EHLO 回复中没有 AUTH）；很多服务器只在 STARTTLS 之后才提供。",
            )
        } else {
            Tr::new(
                "The server does not offer AUTH on this connection (its EHLO reply lists no AUTH).",
                "服务器在这个连接上不提供 AUTH（EHLO 回复中没有 AUTH）。",
            )
        };
    }
    if verb == Some("AUTH") && mail_open {
        return Tr::new(
            "AUTH must come before MAIL FROM.",
            "AUTH 必须在 MAIL FROM 之前。",
        );
    }
    if has(&["helo", "ehlo"]) || (!helo && has(&["hello"])) {
        return Tr::new(
            "EHLO (or HELO) must come first.",
            "必须先发送 EHLO（或 HELO）。",
        );
    }
    if has(&[
        "nested",
        "already given",
        "already specified",
        "sender already",
    ]) {
        return Tr::new(
            "A transaction is already open: finish it, or send RSET, before a new MAIL FROM.",
            "已经有一个打开的事务：先完成它，或发送 RSET，再发新的 MAIL FROM。",
        );
    }
    if verb == Some("RCPT")
        || has(&[
            "need mail",
            "sender not yet given",
            "mail before rcpt",
            "mail first",
        ])
    {
        return Tr::new(
            "MAIL FROM must come before RCPT TO (the second EHLO, or RSET, ends a transaction).",
            "RCPT TO 之前必须先有 MAIL FROM（再次 EHLO 或 RSET 都会结束事务）。",
        );
    }
    if verb == Some("DATA") || has(&["rcpt", "recipient"]) {
        return Tr::new(
            "At least one RCPT TO must be accepted before DATA.",
            "DATA 之前至少要有一个 RCPT TO 被接受。",
        );
    }
    Tr::new(
        "The server expected another command first.",
        "服务器期望先收到另一条命令。",
    )
}

/// The text with its first letter upper-case: it starts the sentence.
fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
