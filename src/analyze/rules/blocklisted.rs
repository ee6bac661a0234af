//! The receiving server refuses the sending IP because a DNS blocklist lists it: Postfix's
//! `Client host [192.0.2.1] blocked using zen.spamhaus.org`, Microsoft's `blocked using
//! FBLW15; To request removal from this list …`. (Spamhaus' "open resolver" answer is not a
//! listing: `open_resolver` is tried first.) RFC 5321 §4.2.3 (550/554); RFC 5782 (DNSBLs).

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sender-ip-blocklisted",
    fix_id: "request-delisting",
    kind: FindingKind::Blocklisted,
    severity: Severity::Error,
    source: "RFC 5321 §4.2.3 (550/554); RFC 5782 (DNS blocklists)",
    title: Tr::new(
        "Sending IP on a blocklist",
        "发信 IP 在黑名单上",
    ),
    meaning: Tr::new(
        "The receiving server looked up the sending server's IP address in a blocklist (the reply names it) and refuses mail from it. Nothing in the message or the account is wrong; the address has a bad reputation.",
        "收件服务器在黑名单（回复中写明了名称）中查到了发信服务器的 IP 地址，于是拒收来自它的邮件。邮件内容和账号都没有问题；是这个地址的信誉不好。",
    ),
    fix: Tr::new(
        "Look the IP up on the list the reply names (its website has a lookup; for Microsoft's lists the delist portal sender.office.com, for Spamhaus check.spamhaus.org) and request removal as it explains. First remove the cause, or it is listed again: a compromised account or form sending spam, missing reverse DNS (PTR) or SPF/DKIM, a shared or residential IP. Until then, send through your provider's or a relay service's servers.",
        "在回复中写明的那个黑名单上查询该 IP（它的网站提供查询；微软的列表用 sender.office.com 申请移除，Spamhaus 用 check.spamhaus.org），并按说明申请移除。先消除原因，否则还会再被列入：被盗用的账号或表单在发垃圾邮件、缺少反向解析（PTR）或 SPF/DKIM、共享或家庭宽带 IP。在此之前，通过服务商或中继服务的服务器发信。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // cPanel's sender verification lists "blacklisted" among what may be wrong with the
    // sender (odoo/odoo#6005): its verdict is the verification.
    if e.has(&["sender verify failed"]) {
        return false;
    }
    // T-Online's `554 IP=… - A problem occurred. (Ask your postmaster … tosa@rx.t-online.de
    // …) (BL)`: BL is its blocklist (mailcow/mailcow-dockerized#2639).
    if e.has(&["(bl)"]) && e.has(&["tosa@", "t-online"]) {
        return true;
    }
    e.class() == Some(5)
        && e.has(&[
            "blocked using",
            "listed at",
            "listed by",
            "blocklist",
            "blacklist",
            // `… is in a black list at bl.spamcop.net` (hestiacp/hestiacp#4373).
            "black list",
            "request removal from this list",
            "delist",
            // Microsoft: `550 5.7.1 … part of their network is on our block list (S3150)`,
            // `550 5.7.708 … traffic not accepted from this IP`.
            "block list",
            "traffic not accepted from this ip",
            // Microsoft's `550 5.7.606 Access denied, banned sending IP [x]` (5.7.606–649 in its
            // published list of NDRs: delisted through its delist portal).
            "banned sending ip",
            // Orange's `550 … Client host blocked for spamming issues. OFR006_102 Ref
            // http://csi.cloudmark.com/reset-request/?ip=…`: Cloudmark's list, whose removal
            // form the link is (ActiveCampaign/smtp-field-manual#60).
            "reset-request",
            // Yahoo's `553 5.7.2 [TSS06] All messages from <ip> will be permanently deferred`:
            // its block of the sending IP (hardware/mailserver#206; Yahoo's SLN3436 page).
            "[tss06]",
        ])
}
