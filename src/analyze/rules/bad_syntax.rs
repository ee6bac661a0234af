//! A 501, 500 or 555: the server could not read the command. RFC 5321 §4.1.2 (501),
//! §4.5.3.1.4.

use super::{Context, General};
use crate::analyze::diagnose::finding;
use crate::analyze::{Finding, FindingKind, Severity, Text};
use crate::i18n::Tr;
use crate::smtp::command::Command;

pub(super) const RULE: General = General {
    id: "bad-syntax",
    kind: FindingKind::BadSyntax,
    source: "RFC 5321 §4.1.2 (501), §4.5.3.1.4",
    decide,
};

/// Whether the rule applies, and its finding if so.
pub(super) fn decide(c: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    let code = c.code;
    let lower = c.lower.as_str();
    let quote = c.quote.as_str();
    let invalid_base64 = c.invalid_base64;
    if matches!(code, Some(501) | Some(500) | Some(555)) {
        let verb = super::command_name(c.verb);
        let detail = syntax_detail(c.command, c.auth, invalid_base64, lower);
        return Some(finding(
            FindingKind::BadSyntax,
            Severity::Error,
            std::mem::take(lines),
            Tr::new("Malformed command", "命令格式错误"),
            Text::new(
                format!("The server could not read {}: \"{quote}\". {}", verb.en, detail.en),
                format!("服务器无法解析{}：\"{quote}\"。{}", verb.zh.trim_end(), detail.zh),
            ),
            Text::from(Tr::new(
                "Write commands as RFC 5321 shows them: EHLO client.example, MAIL FROM:<you@example.com>, RCPT TO:<them@example.org>, each line under 512 octets; AUTH answers in base64.",
                "按 RFC 5321 的写法发送命令：EHLO client.example、MAIL FROM:<you@example.com>、RCPT TO:<them@example.org>，每行不超过 512 字节；AUTH 的应答用 base64。",
            )),
        ));
    }
    None
}

fn syntax_detail(command: Option<&Command>, auth: bool, invalid_base64: bool, lower: &str) -> Text {
    if lower.contains("too long") {
        return Text::from(Tr::new(
            "The line is too long: RFC 5321 §4.5.3.1 allows 512 octets per command line.",
            "行太长：RFC 5321 §4.5.3.1 规定命令行最多 512 字节。",
        ));
    }
    if auth {
        return if invalid_base64 || lower.contains("base64") || lower.contains("decode") {
            Text::from(Tr::new(
                "An answer in the AUTH exchange was not base64.",
                "AUTH 交换中的应答不是 base64。",
            ))
        } else {
            Text::from(Tr::new(
                "The AUTH exchange was cancelled (*) or its answer was malformed.",
                "AUTH 交换被取消（*），或者应答格式不对。",
            ))
        };
    }
    match command {
        Some(Command::Mail(p) | Command::Rcpt(p)) if !p.bracketed => Text::from(Tr::new(
            "The address is written without angle brackets; strict servers want <address>, and some (Exim) want a domain as well.",
            "地址没有写尖括号；严格的服务器要求 <地址>，有些（Exim）还要求带域名。",
        )),
        Some(Command::Mail(p) | Command::Rcpt(p)) if !p.address.contains('@') => Text::from(Tr::new(
            "The address has no domain; some servers (Exim) refuse that.",
            "地址没有域名部分；有些服务器（Exim）会拒绝。",
        )),
        _ => Text::from(Tr::new(
            "Its argument is missing or malformed.",
            "它的参数缺失或格式不对。",
        )),
    }
}
