//! The receiver refuses the sending server because its IP address has no (matching) reverse
//! DNS name: `421 Refused. Your reverse DNS entry does not resolve to an IP`, `550 … no PTR
//! record`. RFC 1912 §2.1 (every reachable host should have a PTR record, matching its A).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "missing-reverse-dns",
    fix_id: "fix-ptr",
    kind: FindingKind::ConnectionRefused,
    severity: Severity::Error,
    source: "RFC 1912 §2.1 (PTR records); RFC 5321 §4.1.4 (the HELO name)",
    title: Tr::new(
        "No valid reverse DNS for the sending IP",
        "发信 IP 没有有效的反向解析",
    ),
    meaning: Tr::new(
        "The receiving server looked up the name of your server's IP address (its PTR record) and found none, or a name that does not point back to the same IP. Many receivers refuse such senders as likely spam sources.",
        "收件服务器查询了你的服务器 IP 地址对应的名称（PTR 记录），结果没有，或者那个名称并不指回同一个 IP。很多收件方会把这样的发件方当作可能的垃圾邮件来源而拒收。",
    ),
    fix: Tr::new(
        "Ask whoever owns the IP address (your hosting or cloud provider's control panel, or your ISP) to set its PTR record to your mail server's name, e.g. mail.example.com, and make that name's A record point to the same IP (check with `dig -x 203.0.113.5` and `dig A mail.example.com`); use that name as myhostname/HELO. On a home line without PTR control, relay through your provider's smarthost.",
        "请 IP 地址的所有者（主机或云服务商的控制面板，或你的宽带运营商）把它的 PTR 记录设为邮件服务器的名称，例如 mail.example.com，并让该名称的 A 记录指向同一个 IP（用 `dig -x 203.0.113.5` 和 `dig A mail.example.com` 检查）；把这个名称用作 myhostname/HELO。如果是无法设置 PTR 的家庭宽带，就通过服务商的中继服务器（smarthost）发信。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    e.has(&[
        "reverse dns",
        "reverse-dns",
        "ptr record",
        "no ptr",
        "rdns",
        "reverse lookup",
        "reverse dns entry",
        // Postfix's reject_unknown_client_hostname and reject_unknown_reverse_client_hostname
        // (450 by default).
        "cannot find your hostname",
        "cannot find your reverse hostname",
    ])
}
