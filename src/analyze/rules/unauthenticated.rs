//! The receiver refuses the message because it passed neither SPF nor DKIM for its domain, or
//! its From: domain's DMARC policy says to reject it: Gmail's `550-5.7.26 This mail has been
//! blocked because the sender is unauthenticated. … Gmail requires all senders to
//! authenticate with either SPF or DKIM.` and `550-5.7.26 Unauthenticated email from
//! example.com is not accepted due to domain's DMARC policy` (Gmail's published bounces),
//! Microsoft's `550 5.7.509 Access denied, sending domain … does not pass DMARC
//! verification`. X.7.26 is RFC 7372's "multiple authentication checks failed"; the alignment
//! DMARC asks for is RFC 7489 §3.1.

use super::{Evidence, Rule};
use crate::analyze::{FindingKind, Severity};
use crate::i18n::Tr;

pub(super) const RULE: Rule = Rule {
    cause: "sender-unauthenticated",
    fix_id: "fix-spf-dkim-dmarc",
    kind: FindingKind::SenderRejected,
    severity: Severity::Error,
    source: "RFC 7489 §3.1 (DMARC alignment); Gmail's and Microsoft's published bounces (X.7.26, 5.7.509)",
    title: Tr::new(
        "Message not authenticated (SPF, DKIM, DMARC)",
        "邮件未通过身份验证（SPF、DKIM、DMARC）",
    ),
    meaning: Tr::new(
        "The receiving server checked the message against its sender's domain: it passed neither SPF (the sending host is not in the domain's SPF record) nor DKIM (no valid signature of that domain), or it failed the From: domain's DMARC policy, so it is refused as possibly forged. The recipient's address is not the problem.",
        "收件服务器按发件域名检查了这封邮件：它既没有通过 SPF（发信主机不在该域名的 SPF 记录里），也没有通过 DKIM（没有该域名的有效签名），或者没有通过 From: 域名的 DMARC 策略，因此被当作可能伪造的邮件拒收。问题不在收件人地址。",
    ),
    fix: Tr::new(
        "Authenticate the domain you send as (the From: address's): publish an SPF record that lists the sending server (`v=spf1 ip4:203.0.113.5 include:_spf.your-provider.example ~all`), sign with DKIM (your mail server or provider gives the selector and the TXT record to publish), and, for Gmail's bulk senders, a DMARC record (`_dmarc.example.com TXT \"v=DMARC1; p=none; rua=mailto:…\"`). A From: of someone else's domain (a gmail.com address sent through your own server) cannot pass: send as your own domain, or through that provider's servers. Check with `dig TXT example.com` and `dig TXT selector._domainkey.example.com`, and read the Authentication-Results header of a message you send to yourself.",
        "为你用来发信的域名（From: 地址的域名）做好身份验证：发布列出发信服务器的 SPF 记录（`v=spf1 ip4:203.0.113.5 include:_spf.your-provider.example ~all`），用 DKIM 签名（邮件服务器或服务商会给出选择器和要发布的 TXT 记录），对 Gmail 的批量发件人还要有 DMARC 记录（`_dmarc.example.com TXT \"v=DMARC1; p=none; rua=mailto:…\"`）。用别人的域名作 From:（例如经自己的服务器发送 gmail.com 地址）是无法通过的：改用自己的域名，或者通过该服务商自己的服务器发送。用 `dig TXT example.com` 和 `dig TXT 选择器._domainkey.example.com` 检查，并查看发给自己的邮件中的 Authentication-Results 头。",
    ),
};

pub(super) fn applies(e: &Evidence<'_>) -> bool {
    // Gmail's `550-5.7.1 This message does not have authentication information or fails to
    // pass authentication checks` (and its 421-4.7.0 deferral of the same words,
    // blog.turai.work's and nazo.osakana.net's logs).
    if matches!(e.class(), Some(4) | Some(5))
        && e.has(&[
            "does not have authentication information",
            "fails to pass authentication checks",
        ])
    {
        return true;
    }
    e.class() == Some(5)
        && (e.enhanced == Some("5.7.26")
            || e.has(&[
                "sender is unauthenticated",
                "unauthenticated email",
                "this mail is unauthenticated",
                "authenticate with either spf or dkim",
                "authenticate with at least one of spf or dkim",
                // Barracuda's: `Please ensure the email service you are sending from either
                // has SPF or DKIM` (forwardemail/free-email-forwarding#77).
                "either has spf or dkim",
                "dmarc policy",
                "does not pass dmarc",
                "dmarc verification",
                // Microsoft's 5.7.515 for senders to Outlook.com without SPF, DKIM and DMARC
                // (sisimai/go-sisimai#150).
                "required authentication level",
                "doesn't meet the authentication requirements",
            ]))
}
