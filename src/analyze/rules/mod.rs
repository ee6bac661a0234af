//! The causes the diagnosis names, one file each: what in a reply (or a log line) shows the
//! cause, where the rule comes from (an RFC section, or the text the server's vendor
//! publishes), and the texts — what it means and the fix — in English and Chinese.
//!
//! `classify` tries them in order, most specific first; a failure none of them explains
//! goes to the general rules ([`GENERAL`]: by reply code and command — the sender, 535,
//! 530/538, 504, greylisting, relaying, 4xx, 500/502, 503, 501, 552, unknown users), one file
//! each too, whose texts are built from what the session showed. Both lists are here, in
//! the order they are tried. `grep -rn "RFC 4954 §4" src/analyze/rules` lands on the rule
//! that applies it.

use super::{Finding, FindingKind, Format, Severity};
use crate::i18n::Tr;
use crate::smtp::command::Command;

mod account_restricted;
mod app_password;
pub(crate) mod auth_not_offered;
mod auth_on_relay_port;
mod authorization_code;
pub(crate) mod backend_verdict;
mod bare_line_end;
mod blocklisted;
pub(crate) mod client_config;
pub(crate) mod client_left;
mod client_sasl;
pub(crate) mod client_sasl_empty;
pub(crate) mod client_wants_tls;
mod content_blocked;
pub(crate) mod destination_dns;
mod dkim_key;
pub(crate) mod dovecot_stats;
pub(crate) mod ehlo_bare;
pub(crate) mod empty_reply;
mod exim_tls_fallback;
mod external_forwarding;
mod git_send_email;
mod helo_name;
pub(crate) mod helo_not_ehlo;
pub(crate) mod host_unresolvable;
mod lines_too_long;
mod local_delivery;
pub(crate) mod login_initial;
mod mail_loop;
mod mailbox_full;
mod mechanism;
pub(crate) mod mechanism_unverifiable;
mod message_header;
mod message_spam;
mod microsoft_auth;
mod msmtp;
mod network;
pub(crate) mod no_listener;
mod open_resolver;
mod plain_initial;
mod postscreen;
mod provider_holds_mail;
mod rate_limit;
mod rcpt_policy;
mod recipient_domain;
mod recipient_server_error;
mod relay_own_exim;
mod relay_own_sendmail;
mod relay_own_server;
mod relay_without_login;
mod relay_without_login_exim;
pub(crate) mod reply_timeout;
pub(crate) mod retry_wait;
mod reverse_dns;
mod s_client;
mod sasl_backend;
mod sendemail;
mod sender_dns;
pub(crate) mod sender_syntax;
mod sender_verify;
mod sending_limit;
mod sendmail_starttls;
mod server_config;
pub(crate) mod ses_identity;
mod smtp_auth_disabled;
pub(crate) mod smtp_intercepted;
mod smtp_not_enabled;
mod spf;
mod ssmtp;
pub(crate) mod starttls_not_offered;
mod telnet_negotiation;
pub(crate) mod tls_certificate;
pub(crate) mod tls_mode;
pub(crate) mod tls_version;
mod unauthenticated;
mod yahoo_message;

// The general rules.
mod auth_first;
mod bad_sequence;
mod bad_syntax;
mod connection_refused;
mod greylisted;
mod mechanism_unsupported;
mod refused;
mod relay_denied;
mod sender_not_login;
mod sender_refused;
mod sender_reputation;
mod temporary;
mod too_big;
mod unknown_command;
mod unknown_user;
mod wrong_credentials;

/// One cause: its ids, its kind of finding, where the rule comes from, and its texts.
pub(crate) struct Rule {
    /// The cause id (stable: tests and the corpus compare it).
    pub cause: &'static str,
    /// The fix id (stable).
    pub fix_id: &'static str,
    /// The kind of finding it makes.
    pub kind: FindingKind,
    /// How bad it is.
    pub severity: Severity,
    /// Where the rule comes from: an RFC section or the vendor's published text.
    pub source: &'static str,
    /// The finding's title.
    pub title: Tr,
    /// What it means, after the quoted reply.
    pub meaning: Tr,
    /// What to do.
    pub fix: Tr,
}

/// What a failure shows, for the rules to judge.
pub(crate) struct Evidence<'a> {
    /// The reply code (or the one a log line reports).
    pub code: Option<u16>,
    /// The enhanced status code.
    pub enhanced: Option<&'a str>,
    /// The reply's text (or the log message), lower-cased.
    pub lower: &'a str,
    /// The command it answers, when known (`AUTH`, `MAIL`, `RCPT` …).
    pub verb: Option<&'a str>,
    /// Whether it answers an AUTH exchange.
    pub auth: bool,
    /// The program of the user's own server that wrote it (a Postfix `smtpd` reject in its
    /// log: `postfix/smtpd`; `exim`, `sendmail`), or none.
    pub own_server: Option<&'a str>,
    /// The program of the user's own server whose SMTP client quotes a remote server's
    /// refusal (`postfix/smtp`: `… said: 530 …`), or none.
    pub own_client: Option<&'a str>,
    /// The delivery agent of the user's own Postfix that wrote it about a failure of its own
    /// (`postfix/lmtp`, `postfix/virtual`, `postfix/qmgr` …), not a remote reply; or none.
    pub delivery_agent: Option<&'a str>,
    /// Whether the EHLO reply of this session was seen and listed no AUTH.
    pub auth_not_in_ehlo: bool,
    /// Whether the session greeted with HELO (accepted, no EHLO since) and did not log in.
    pub plain_helo: bool,
    /// Whether the log shows any server reply before this.
    pub replied: bool,
    /// Whether it answers `AUTH PLAIN` sent without its initial response.
    pub plain_without_initial: bool,
}

/// The command a refusal answers, as the texts name it: the verb, or "the command" when the
/// log does not show which (never a "?"). The Chinese sets a Latin verb off with spaces.
pub(super) fn command_name(verb: Option<&str>) -> super::Text {
    match verb {
        Some(v) => super::Text::new(v.to_string(), format!(" {v} ")),
        None => super::Text::from(Tr::new("the command", "该命令")),
    }
}

impl Evidence<'_> {
    /// Whether the text contains any of `words`.
    pub fn has(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.lower.contains(w))
    }

    /// The first digit of the code.
    pub fn class(&self) -> Option<u16> {
        self.code.map(|c| c / 100)
    }
}

type Applies = fn(&Evidence<'_>) -> bool;

/// The rules in the order they are tried.
const RULES: [(Applies, &Rule); 75] = [
    // Before the providers' own words for a refused login (QQ's "authorization code"):
    // the exchange shows what went wrong first.
    (plain_initial::applies, &plain_initial::RULE),
    (sendemail::tls_failed, &sendemail::TLS_FAILED),
    (sendemail::without_tls, &sendemail::WITHOUT_TLS),
    (s_client::applies, &s_client::RULE),
    (
        git_send_email::cannot_connect,
        &git_send_email::CANNOT_CONNECT,
    ),
    (
        git_send_email::no_encryption,
        &git_send_email::NO_ENCRYPTION,
    ),
    (
        git_send_email::without_login,
        &git_send_email::WITHOUT_LOGIN,
    ),
    (ssmtp::cannot_open, &ssmtp::CANNOT_OPEN),
    (ssmtp::without_starttls, &ssmtp::WITHOUT_STARTTLS),
    (ssmtp::without_login, &ssmtp::WITHOUT_LOGIN),
    (msmtp::without_tls, &msmtp::WITHOUT_TLS),
    (exim_tls_fallback::applies, &exim_tls_fallback::RULE),
    (sendmail_starttls::applies, &sendmail_starttls::RULE),
    (tls_certificate::applies, &tls_certificate::RULE),
    (tls_mode::applies, &tls_mode::RULE),
    (reply_timeout::applies, &reply_timeout::RULE),
    (client_left::applies, &client_left::RULE),
    (client_config::applies, &client_config::RULE),
    (client_wants_tls::applies, &client_wants_tls::RULE),
    (local_delivery::applies, &local_delivery::RULE),
    (retry_wait::applies, &retry_wait::RULE),
    (destination_dns::applies, &destination_dns::RULE),
    (tls_version::applies, &tls_version::RULE),
    (host_unresolvable::applies, &host_unresolvable::RULE),
    (client_sasl::applies, &client_sasl::RULE),
    (client_sasl_empty::applies, &client_sasl_empty::RULE),
    (telnet_negotiation::applies, &telnet_negotiation::RULE),
    (empty_reply::applies, &empty_reply::RULE),
    (bare_line_end::applies, &bare_line_end::RULE),
    (auth_on_relay_port::applies, &auth_on_relay_port::RULE),
    (lines_too_long::applies, &lines_too_long::RULE),
    (sasl_backend::applies, &sasl_backend::RULE),
    (open_resolver::applies, &open_resolver::RULE),
    (blocklisted::applies, &blocklisted::RULE),
    // A reputation refusal that names no list: after the blocklists, before the rate limit
    // (whose 4xx "unusual rate" stays its own).
    (sender_reputation::applies, &sender_reputation::RULE),
    (message_spam::applies, &message_spam::RULE),
    (reverse_dns::applies, &reverse_dns::RULE),
    (dkim_key::applies, &dkim_key::RULE),
    (spf::applies, &spf::RULE),
    (unauthenticated::applies, &unauthenticated::RULE),
    (account_restricted::applies, &account_restricted::RULE),
    (external_forwarding::applies, &external_forwarding::RULE),
    (
        recipient_server_error::applies,
        &recipient_server_error::RULE,
    ),
    (ses_identity::applies, &ses_identity::RULE),
    (sender_verify::applies, &sender_verify::RULE),
    (sender_dns::applies, &sender_dns::RULE),
    (recipient_domain::applies, &recipient_domain::RULE),
    (helo_name::applies, &helo_name::RULE),
    (helo_not_ehlo::applies, &helo_not_ehlo::RULE),
    (relay_own_exim::applies, &relay_own_exim::RULE),
    (relay_own_sendmail::applies, &relay_own_sendmail::RULE),
    (relay_own_server::applies, &relay_own_server::RULE),
    (relay_without_login::applies, &relay_without_login::RULE),
    (
        relay_without_login_exim::applies,
        &relay_without_login_exim::RULE,
    ),
    (smtp_auth_disabled::applies, &smtp_auth_disabled::RULE),
    (microsoft_auth::applies, &microsoft_auth::RULE),
    (app_password::applies, &app_password::RULE),
    // 163's "550 User has no permission" (SMTP switched off) at AUTH too, before the
    // mechanism rule takes a 550 at AUTH for a refused mechanism.
    (smtp_not_enabled::applies, &smtp_not_enabled::RULE),
    (mechanism::applies, &mechanism::RULE),
    (authorization_code::applies, &authorization_code::RULE),
    (auth_not_offered::applies, &auth_not_offered::RULE),
    (message_header::applies, &message_header::RULE),
    (yahoo_message::applies, &yahoo_message::RULE),
    (postscreen::applies, &postscreen::RULE),
    (rate_limit::applies, &rate_limit::RULE),
    (mail_loop::applies, &mail_loop::RULE),
    (sending_limit::applies, &sending_limit::RULE),
    (provider_holds_mail::applies, &provider_holds_mail::RULE),
    (mailbox_full::applies, &mailbox_full::RULE),
    (content_blocked::applies, &content_blocked::RULE),
    (server_config::applies, &server_config::RULE),
    (no_listener::applies, &no_listener::RULE),
    (network::applies, &network::RULE),
    (starttls_not_offered::applies, &starttls_not_offered::RULE),
    (rcpt_policy::applies, &rcpt_policy::RULE),
];

/// The rules the diagnosis applies from what several lines show together, not from one
/// reply's text.
const READ_ELSEWHERE: [&Rule; 10] = [
    &dovecot_stats::RULE,
    &mechanism_unverifiable::RULE,
    &smtp_intercepted::RULE,
    &ehlo_bare::RULE,
    &login_initial::RULE,
    &sender_syntax::RULE,
    &backend_verdict::MISMATCH,
    &backend_verdict::UNKNOWN_USER,
    &backend_verdict::REFUSED,
    &backend_verdict::ACCOUNT_BLOCKED,
];

/// Every cause id, fix id and source the rules hold, read out of [`RULES`] at compile time.
///
/// Reading a finding back from the page's worker needs these strings alone. Taking them
/// from a constant (rather than walking `RULES` at run time) keeps the rules' functions
/// and texts out of the modules that only receive findings, such as the verify page's
/// (issue 13).
const KNOWN_TEXTS: [&str; (RULES.len() + READ_ELSEWHERE.len()) * 3 + 2 + SPECIAL_FIXES.len()] = {
    let mut known = [""; (RULES.len() + READ_ELSEWHERE.len()) * 3 + 2 + SPECIAL_FIXES.len()];
    let mut i = 0;
    while i < RULES.len() + READ_ELSEWHERE.len() {
        let rule = if i < RULES.len() {
            RULES[i].1
        } else {
            READ_ELSEWHERE[i - RULES.len()]
        };
        known[3 * i] = rule.cause;
        known[3 * i + 1] = rule.fix_id;
        known[3 * i + 2] = rule.source;
        i += 1;
    }
    let start = (RULES.len() + READ_ELSEWHERE.len()) * 3;
    known[start] = auth_first::STARTTLS_CAUSE;
    known[start + 1] = auth_first::STARTTLS_FIX;
    let mut j = 0;
    while j < SPECIAL_FIXES.len() {
        known[start + 2 + j] = SPECIAL_FIXES[j];
        j += 1;
    }
    known
};

/// The fix of a greylisting that never lets a sender's pool of servers through (the
/// diagnosis sets it on the greylisted finding).
pub(crate) const GREYLIST_POOL_FIX: &str = "whitelist-sender-pool";
/// STARTTLS before anything else (a variant of the general auth-first finding).
pub(crate) use auth_first::STARTTLS_CAUSE;
/// The sending program was never given its login (the cause and fix of client_config.rs,
/// which the diagnosis also gives a refusal for want of AUTH when the program shows it).
pub(crate) const CLIENT_NOT_CONFIGURED: (&str, &str) =
    (client_config::RULE.cause, client_config::RULE.fix_id);
/// SES refuses, as sent by your own server, someone else's address at a public provider.
pub(crate) const FORWARDED_SENDER_FIX: &str = "rewrite-forwarded-envelope-sender";
pub(crate) use ses_identity::names_public_mailbox;
pub(crate) const SES_CAUSE: &str = ses_identity::RULE.cause;
/// Your own Postfix hands mail to a content filter on loopback that is not running.
pub(crate) const CONTENT_FILTER_FIX: &str = "unset-content-filter-when-amavis-disabled";
/// Your own Postfix refuses its own clients' HELO names.
pub(crate) const OWN_CLIENTS_HELO_FIX: &str = "drop-helo-checks-for-own-clients";
/// Your own server delivering to an MX without STARTTLS, while it demands TLS.
pub(crate) const PLAINTEXT_DELIVERY_FIX: &str = "allow-plaintext-delivery";
/// Your own OpenSMTPD refuses a recipient its tables lack.
pub(crate) const OPENSMTPD_TABLE_FIX: &str = "update-aliases-table";
/// Your own Postfix wants TLS from a content filter on loopback.
pub(crate) const FILTER_TLS_FIX: &str = "lower-smtp-tls-level-for-filter";
/// The spam filters' test string was sent.
pub(crate) const GTUBE_FIX: &str = "test-with-non-gtube-message";
/// Two MTAs with one host name.
pub(crate) const OWN_HOSTNAME_FIX: &str = "give-host-mta-own-hostname";

/// The fixes the diagnosis gives a finding of a general cause when its lines show the
/// particular case (`Diagnoser::particular_fixes`).
const SPECIAL_FIXES: [&str; 9] = [
    CONTENT_FILTER_FIX,
    OWN_CLIENTS_HELO_FIX,
    PLAINTEXT_DELIVERY_FIX,
    OPENSMTPD_TABLE_FIX,
    GREYLIST_POOL_FIX,
    FILTER_TLS_FIX,
    GTUBE_FIX,
    OWN_HOSTNAME_FIX,
    FORWARDED_SENDER_FIX,
];

/// The cause id, fix id or source of one of the rules that is `text`, as the rules hold it.
pub(crate) fn known_text(text: &str) -> Option<&'static str> {
    KNOWN_TEXTS.iter().copied().find(|known| *known == text)
}

/// A general rule: its id, the kind of finding it makes, where the rule comes from, and a
/// function that decides whether it applies and, if so, builds the finding (its texts
/// quote the reply and name what the session showed). The id, kind and source are for the
/// reader and the tests; the findings keep the kinds and texts the rule builds.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct General {
    /// A stable id.
    pub id: &'static str,
    /// The kind of finding it makes.
    pub kind: FindingKind,
    /// Where the rule comes from: an RFC section (and the servers whose words it reads).
    pub source: &'static str,
    /// The finding, when the rule applies; it may add lines for the rules after it.
    pub decide: fn(&Context<'_>, &mut Vec<usize>) -> Option<Finding>,
}

/// What the general rules read: the failure and what the session showed before it.
pub(crate) struct Context<'a> {
    /// The reply code (or the one a log line reports).
    pub code: Option<u16>,
    /// The enhanced status code.
    pub enhanced: Option<&'a str>,
    /// The reply's text, lower-cased.
    pub lower: String,
    /// The reply as quoted in the finding.
    pub quote: String,
    /// The first digit of the code.
    pub class: Option<u16>,
    /// The command it answers, when known.
    pub verb: Option<&'a str>,
    /// That command, parsed.
    pub command: Option<&'a Command>,
    /// The address the command or log names.
    pub address: Option<String>,
    /// Whether it answers an AUTH exchange.
    pub auth: bool,
    /// Whether it is the greeting.
    pub greeting: bool,
    /// A user name the log line names.
    pub log_user: Option<&'a str>,
    /// The user this session authenticated as, and the line.
    pub authenticated: Option<(String, usize)>,
    /// The user named in the current AUTH exchange, and the line.
    pub pending_user: Option<(String, usize)>,
    /// The mechanisms the EHLO reply listed after AUTH.
    pub auth_offered: Option<String>,
    /// Whether the EHLO reply listed STARTTLS.
    pub starttls_offered: bool,
    /// The SIZE the EHLO reply announced.
    pub size_limit: Option<u64>,
    /// Whether an AUTH answer was not base64.
    pub invalid_base64: bool,
    /// Whether HELO or EHLO was accepted.
    pub helo: bool,
    /// Whether a MAIL FROM was accepted.
    pub mail_accepted: bool,
    /// The MAIL FROM of the open transaction, and its line.
    pub mail: Option<(String, usize)>,
    /// The line of a 235.
    pub auth_ok: Option<usize>,
    /// The forms the pasted text was recognised in (for hints naming the program).
    pub formats: &'a [Format],
}

impl Context<'_> {
    /// Whether the text contains any of `words`.
    pub fn has(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.lower.contains(w))
    }

    /// Whether the text names authentication: `auth`, `login`, `not logged in`.
    pub fn mentions_auth(&self) -> bool {
        self.has(&["auth", "login", "not logged in"])
    }

    /// The sender a refusal is about: the address of a refused MAIL, else the MAIL FROM of
    /// the open transaction (empty if neither).
    pub fn sender(&self) -> String {
        match (self.verb, self.address.as_ref()) {
            (Some("MAIL"), Some(address)) => address.clone(),
            _ => self
                .mail
                .as_ref()
                .map(|(address, _)| address.clone())
                .unwrap_or_default(),
        }
    }
}

/// ` <sender>` as a finding names it after "the sender" (shortened), or nothing for the
/// null sender.
fn bracketed(sender: &str) -> String {
    if sender.is_empty() {
        String::new()
    } else {
        format!(" <{}>", crate::analyze::diagnose::short(sender, 100))
    }
}

/// The general rules in the order they are tried; the last one always applies.
pub(crate) const GENERAL: [General; 15] = [
    sender_not_login::RULE,
    wrong_credentials::RULE,
    auth_first::RULE,
    mechanism_unsupported::RULE,
    greylisted::RULE,
    relay_denied::RULE,
    sender_refused::RULE,
    connection_refused::RULE,
    temporary::RULE,
    unknown_command::RULE,
    bad_sequence::RULE,
    bad_syntax::RULE,
    // A 552 "mailbox not found" (Yahoo) is an unknown recipient, not a size.
    unknown_user::RULE,
    too_big::RULE,
    refused::RULE,
];

/// The finding of the first general rule that applies.
pub(crate) fn decide(context: &Context<'_>, lines: &mut Vec<usize>) -> Option<Finding> {
    GENERAL
        .iter()
        .find_map(|rule| (rule.decide)(context, lines))
}

/// The first rule that explains the evidence.
pub(crate) fn classify(evidence: &Evidence<'_>) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|(applies, _)| applies(evidence))
        .map(|(_, rule)| *rule)
}

/// The rule with this cause id.
pub(crate) fn by_cause(cause: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .map(|(_, rule)| *rule)
        .find(|rule| rule.cause == cause)
}

/// Every rule (for tests of the texts).
#[cfg(test)]
pub(crate) fn all() -> impl Iterator<Item = &'static Rule> {
    RULES
        .iter()
        .map(|(_, rule)| *rule)
        .chain(READ_ELSEWHERE.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(
        code: Option<u16>,
        enhanced: Option<&'static str>,
        lower: &'static str,
    ) -> Evidence<'static> {
        Evidence {
            code,
            enhanced,
            lower,
            verb: None,
            auth: false,
            own_server: None,
            own_client: None,
            delivery_agent: None,
            auth_not_in_ehlo: false,
            plain_helo: false,
            replied: false,
            plain_without_initial: false,
        }
    }

    #[test]
    fn ids_are_unique_and_texts_bilingual() {
        let mut causes: Vec<&str> = all().map(|r| r.cause).collect();
        causes.sort_unstable();
        causes.dedup();
        assert_eq!(causes.len(), RULES.len() + READ_ELSEWHERE.len());
        for rule in all() {
            assert!(!rule.source.is_empty(), "{}", rule.cause);
            for tr in [rule.title, rule.meaning, rule.fix] {
                assert!(!tr.en.is_empty() && !tr.zh.is_empty(), "{}", rule.cause);
                assert!(
                    tr.zh
                        .chars()
                        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{}",
                    rule.cause
                );
            }
        }
    }

    #[test]
    fn every_rule_cites_an_rfc_section_of_the_committed_list() {
        for rule in all() {
            crate::smtp::rfc_sections::assert_cites_known_sections(rule.cause, rule.source);
        }
        let mut ids: Vec<&str> = GENERAL.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), GENERAL.len());
        for (i, rule) in GENERAL.iter().enumerate() {
            crate::smtp::rfc_sections::assert_cites_known_sections(rule.id, rule.source);
            assert!(
                GENERAL[..i].iter().all(|other| other.kind != rule.kind),
                "{} makes the same kind of finding as a rule before it",
                rule.id
            );
        }
    }

    #[test]
    fn each_535_variant_has_its_own_cause() {
        type Case = (
            Option<u16>,
            Option<&'static str>,
            &'static str,
            Option<&'static str>,
        );
        let table: [Case; 8] = [
            (Some(535), Some("5.7.8"), "username and password not accepted. learn more at https://support.google.com/mail/?p=badcredentials", Some("gmail-app-password")),
            (Some(534), Some("5.7.9"), "application-specific password required", Some("gmail-app-password")),
            (Some(535), None, "error: authentication failed", Some("authorization-code")),
            (Some(535), None, "login fail. please enter your authorization code to login", Some("authorization-code")),
            (Some(535), Some("5.7.139"), "authentication unsuccessful, smtpclientauthentication is disabled for the tenant.", Some("smtp-auth-disabled")),
            (Some(535), Some("5.7.3"), "authentication unsuccessful", Some("microsoft-auth-unsuccessful")),
            (Some(535), Some("5.7.8"), "error: authentication failed: invalid authentication mechanism", Some("mechanism-rejected")),
            (Some(535), Some("5.7.8"), "error: authentication failed: authentication failure", None),
        ];
        for (code, enhanced, text, want) in table {
            let got = classify(&evidence(code, enhanced, text)).map(|r| r.cause);
            assert_eq!(got, want, "{text}");
        }
    }
}
