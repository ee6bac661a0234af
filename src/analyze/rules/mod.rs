//! The causes the diagnosis names, one file each: what in a reply (or a log line) shows the
//! cause, where the rule comes from (an RFC section, or the text the server's vendor
//! publishes), and the texts — what it means and the fix — in English and Chinese.
//!
//! `classify` tries them in order, most specific first; a failure none of them explains
//! falls through to the general rules of `diagnose` (by reply code and command).
//! `grep -rn "RFC 4954 §4" src/analyze/rules` lands on the rule that applies it.

use super::{FindingKind, Severity};
use crate::i18n::Tr;

mod app_password;
mod auth_not_offered;
mod authorization_code;
mod blocklisted;
mod mechanism;
mod message_header;
mod microsoft_auth;
mod network;
mod open_resolver;
mod rate_limit;
mod rcpt_policy;
mod relay_own_server;
mod reverse_dns;
mod sasl_backend;
mod sender_dns;
mod smtp_auth_disabled;
mod smtp_not_enabled;
mod spf;
mod starttls_not_offered;

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
    /// Whether the user's own server wrote it (a Postfix `smtpd` reject in its log).
    pub own_server: bool,
    /// Whether the EHLO reply of this session was seen and listed no AUTH.
    pub auth_not_in_ehlo: bool,
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
const RULES: [(Applies, &Rule); 19] = [
    (sasl_backend::applies, &sasl_backend::RULE),
    (open_resolver::applies, &open_resolver::RULE),
    (blocklisted::applies, &blocklisted::RULE),
    (reverse_dns::applies, &reverse_dns::RULE),
    (spf::applies, &spf::RULE),
    (sender_dns::applies, &sender_dns::RULE),
    (relay_own_server::applies, &relay_own_server::RULE),
    (smtp_auth_disabled::applies, &smtp_auth_disabled::RULE),
    (microsoft_auth::applies, &microsoft_auth::RULE),
    (app_password::applies, &app_password::RULE),
    (mechanism::applies, &mechanism::RULE),
    (authorization_code::applies, &authorization_code::RULE),
    (smtp_not_enabled::applies, &smtp_not_enabled::RULE),
    (auth_not_offered::applies, &auth_not_offered::RULE),
    (message_header::applies, &message_header::RULE),
    (rate_limit::applies, &rate_limit::RULE),
    (network::applies, &network::RULE),
    (starttls_not_offered::applies, &starttls_not_offered::RULE),
    (rcpt_policy::applies, &rcpt_policy::RULE),
];

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
    RULES.iter().map(|(_, rule)| *rule)
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
            own_server: false,
            auth_not_in_ehlo: false,
        }
    }

    #[test]
    fn ids_are_unique_and_texts_bilingual() {
        let mut causes: Vec<&str> = all().map(|r| r.cause).collect();
        causes.sort_unstable();
        causes.dedup();
        assert_eq!(causes.len(), RULES.len());
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
