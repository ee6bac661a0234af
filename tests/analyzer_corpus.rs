//! The analyzer on the logs people actually post (issue 20): every log of
//! `tests/fixtures/analyzer-corpus/` — found in GitHub issues, Q&A pages and blog posts,
//! saved as posted with addresses and secrets replaced — replayed through
//! [`analyze`], its deciding finding compared with the answer the thread reached, which
//! `expected.json` wrote down before the analyzer ran on it.
//!
//! ```sh
//! cargo test --test analyzer_corpus -- --nocapture   # prints the score table
//! ```
//!
//! The goal: at least 90 % fully right (code, cause and fix) and no false all-clear (a
//! failing log that gets a success or no verdict).

use std::path::PathBuf;

use serde::Deserialize;
use smtp_trainer::analyze::{analyze, Analysis, Kind, Severity};

#[derive(Deserialize)]
struct Expected {
    id: String,
    file: String,
    source: String,
    form: String,
    server: String,
    language: String,
    /// `failure` or `success`.
    outcome: String,
    /// The failing reply code the thread names; `None` when the log shows none.
    code: Option<u16>,
    cause: String,
    fix: String,
    /// `round-1` (the first 73 logs, which the analyzer was improved on), `round-2`,
    /// `round-3` (logs found and written down after the work before; docs/analyzer-corpus.md
    /// gives each round's score before the analyzer was changed for it).
    set: String,
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analyzer-corpus")
}

/// A round collected and scored, not yet worked through enough to join the corpus without
/// taking it below the goal (docs/analyzer-corpus.md).
fn pending_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/analyzer-corpus-pending")
}

fn load() -> Vec<Expected> {
    load_from(&corpus_dir())
}

fn load_from(dir: &std::path::Path) -> Vec<Expected> {
    let path = dir.join("expected.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Outcome {
    code: bool,
    cause: bool,
    fix: bool,
    false_all_clear: bool,
}

fn judge(e: &Expected, a: &Analysis) -> Outcome {
    let deciding = a.deciding();
    let failure = e.outcome == "failure";
    let false_all_clear = failure && deciding.is_none_or(|f| f.severity == Severity::Success);
    let (code, cause, fix) = match deciding {
        Some(f) if failure && f.severity != Severity::Success => {
            (f.code == e.code, f.cause == e.cause, f.fix_id == e.fix)
        }
        // A success log is right when the analyzer says so, or when it leads with the warning
        // its thread was about (a delivery with an error beside it): a warning did not stop
        // the mail.
        Some(f) if !failure => {
            let ok = matches!(f.severity, Severity::Success | Severity::Warning);
            (ok, ok && f.cause == e.cause, ok && f.fix_id == e.fix)
        }
        None => (!failure, false, false),
        _ => (false, false, false),
    };
    Outcome {
        code,
        cause,
        fix,
        false_all_clear,
    }
}

#[test]
fn corpus_is_complete_and_honest() {
    let corpus = load();
    assert!(corpus.len() >= 60, "only {} logs", corpus.len());
    check_manifest(&corpus, &corpus_dir());
}

fn check_manifest(corpus: &[Expected], dir: &std::path::Path) {
    let mut ids: Vec<&str> = corpus.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), corpus.len(), "duplicate ids");
    for e in corpus {
        assert!(e.source.starts_with("https://"), "{}: source", e.id);
        assert!(e.file.starts_with(&e.id), "{}: file", e.id);
        assert!(!e.form.is_empty() && !e.server.is_empty() && !e.language.is_empty());
        assert!(
            matches!(e.outcome.as_str(), "failure" | "success"),
            "{}",
            e.id
        );
        assert!(!e.cause.is_empty() && !e.fix.is_empty(), "{}", e.id);
        assert!(
            matches!(
                e.set.as_str(),
                "round-1"
                    | "round-2"
                    | "round-3"
                    | "round-4"
                    | "round-5"
                    | "round-6"
                    | "round-7"
                    | "round-8"
                    | "round-9"
                    | "round-10"
                    | "round-11"
                    | "round-12"
                    | "round-13"
                    | "round-14"
                    | "round-15"
            ),
            "{}",
            e.id
        );
        let text = std::fs::read_to_string(dir.join(&e.file))
            .unwrap_or_else(|err| panic!("{}: {err}", e.file));
        assert!(!text.trim().is_empty(), "{}: empty", e.id);
    }
}

#[derive(Default)]
struct Score {
    n: usize,
    full: usize,
    code: usize,
    cause: usize,
    fix: usize,
    false_clear: usize,
}

impl Score {
    fn add(&mut self, o: &Outcome) {
        self.n += 1;
        self.code += usize::from(o.code);
        self.cause += usize::from(o.cause);
        self.fix += usize::from(o.fix);
        self.full += usize::from(o.code && o.cause && o.fix);
        self.false_clear += usize::from(o.false_all_clear);
    }

    fn row(&self, name: &str) -> String {
        let pct = |k: usize| (k * 100).checked_div(self.n).unwrap_or(0);
        format!(
            "{name:<12} {:>5} {:>7} ({:>3}%) {:>7} ({:>3}%) {:>7} ({:>3}%) {:>7} ({:>3}%) {:>8}",
            self.n,
            self.full,
            pct(self.full),
            self.code,
            pct(self.code),
            self.cause,
            pct(self.cause),
            self.fix,
            pct(self.fix),
            self.false_clear
        )
    }
}

/// The logs the analyzer gets wrong on purpose (docs/analyzer-corpus.md): 082's `535 …
/// Server failed` says nothing of the PLAIN initial response its thread found; 119's one
/// postscreen reject cannot show that the server refused every sender (its thread's open
/// resolver), and the finding says how to tell; 126 is an excerpt without the EHLO that
/// offered PLAIN beside DIGEST-MD5; 128's Go program had no AUTH LOGIN, which nothing in its
/// line shows; 133's fix was an operating-system upgrade (its resolver), which no log shows;
/// 150's Spamhaus listing of Microsoft 365's own server is likely the receiver's resolver
/// (said in its finding, not concluded); 152's sub-address needed Dovecot's delimiter, which
/// the refusal does not show; 156's fix was a newer Mailu image; Gmail's "does not have
/// authentication information" names neither SPF (159) nor, over IPv6, the missing PTR (158,
/// said in the finding); 163's thread paired Rambler's spam refusal with SPF and DKIM; 168's
/// `unexpected EOF` and 170's `handshake error` show no cause at all; 180's `500 Error: bad
/// syntax` does not show the missing From; 186's and 187's fixes were on the receiving
/// side's configuration (an Exim template, a DNSBL); 188's SPF failure was the container's
/// gateway address, said in the finding but not its cause; 203's `User unknown in virtual mailbox table` cannot show that the domain
/// was another organization's, added to the poster's own server (said in the finding).
const KNOWN_MISSES: [&str; 18] = [
    "082-snappymail-plain-server-failed",
    "119-postscreen-postfix-550-spamhaus-dnsbl-reject",
    "126-transcript-sendmail-535-digest-md5",
    "128-gogs-exchange-530-no-auth-login",
    "133-smtpd-opensmtpd-null-mx-lookup-tempfail",
    "150-exchange-ndr-dockermailserver-554-spamhaus-open-resolver",
    "152-postfix-lmtp-mailcow-550-delimiter-user-unknown",
    "156-postfix-lmtp-mailu-451-sieve-forward",
    "158-postfix-gmail-550-ipv6-no-ptr",
    "159-postfix-gmail-421-spf-missing-ip",
    "163-rails-actionmailer-rambler-554-spam-rejected",
    "168-mox-icloud-none-unexpected-eof-blocklisted",
    "170-vaultwarden-mailcow-none-starttls-self-signed",
    "180-springjavamail-unknown-500-nofrom",
    "186-exim-hestia-defer-interface-ip-permission",
    "187-exchange-ndr-hestia-exim-550-spamcop-listed",
    "188-postfix-dockermailserver-550-spf-fail-docker-gateway",
    "203-postfix-mailcow-550-domain-added-locally",
];

/// Every log of `corpus` (in `dir`) replayed and judged: one row each, then the table by
/// round; the overall score and the misses.
fn score(corpus: &[Expected], dir: &std::path::Path) -> (Score, Vec<String>) {
    let mut all = Score::default();
    let mut rounds: std::collections::BTreeMap<String, Score> = Default::default();
    let mut misses = Vec::new();
    println!(
        "{:<48} {:<9} {:>5} {:<30} {:<5} {:<5} {:<5}",
        "log", "set", "code", "deciding cause", "code", "cause", "fix"
    );
    for e in corpus {
        let text = std::fs::read_to_string(dir.join(&e.file))
            .unwrap_or_else(|err| panic!("{}: {err}", e.file));
        let a = analyze(&text);
        // Every line is classified or listed as unread — never dropped.
        assert_eq!(a.lines.len(), text.lines().count(), "{}", e.id);
        let o = judge(e, &a);
        let d = a.deciding();
        let mark = |ok: bool| if ok { "ok" } else { "MISS" };
        println!(
            "{:<48} {:<9} {:>5} {:<30} {:<5} {:<5} {:<5}",
            e.id,
            e.set,
            d.and_then(|f| f.code)
                .map_or("-".to_string(), |c| c.to_string()),
            d.map_or("(none)", |f| f.cause),
            mark(o.code),
            mark(o.cause),
            mark(o.fix)
        );
        all.add(&o);
        rounds.entry(e.set.clone()).or_default().add(&o);
        if !(o.code && o.cause && o.fix) {
            let unread = a.lines.iter().filter(|l| l.kind == Kind::Unknown).count();
            misses.push(format!(
                "{} ({}): want {:?} {} {}, got {:?} {} {} ({} unread lines)",
                e.id,
                e.set,
                e.code,
                e.cause,
                e.fix,
                d.and_then(|f| f.code),
                d.map_or("(none)", |f| f.cause),
                d.map_or("(none)", |f| f.fix_id),
                unread
            ));
        }
    }
    println!();
    println!(
        "{:<12} {:>5} {:>14} {:>14} {:>14} {:>14} {:>8}",
        "set", "logs", "fully right", "code right", "cause right", "fix right", "false all-clears"
    );
    for (name, score) in &rounds {
        println!("{}", score.row(name));
    }
    println!("{}", all.row("all"));
    for m in &misses {
        println!("miss: {m}");
    }
    (all, misses)
}

#[test]
fn analyzer_meets_the_goal_on_the_corpus() {
    let (all, misses) = score(&load(), &corpus_dir());
    // The logs docs/analyzer-corpus.md says stay wrong, and no other: a log that was right
    // and went wrong is a regression even while the score stays above 90 % (log 040 went
    // unnoticed that way for a day).
    assert_honest(&all, &misses, &KNOWN_MISSES);
    assert!(
        all.full * 10 >= all.n * 9,
        "{} of {} fully right, below 90%:\n{}",
        all.full,
        all.n,
        misses.join("\n")
    );
}

/// The rounds waiting outside the corpus are scored too, and printed
/// (`cargo test --test analyzer_corpus pending -- --nocapture`): it counts toward no goal
/// yet, but they may hold no false all-clear, and what was right in them stays right.
#[test]
fn pending_rounds_are_scored_and_have_no_false_all_clear() {
    let pending = load_from(&pending_dir());
    check_manifest(&pending, &pending_dir());
    let corpus = load();
    assert!(
        pending
            .iter()
            .all(|p| corpus.iter().all(|c| c.source != p.source && c.id != p.id)),
        "a pending log is in the corpus already"
    );
    let (all, misses) = score(&pending, &pending_dir());
    assert_honest(&all, &misses, &PENDING_MISSES);
}

/// No false all-clear, and no miss but the ones `known` names (with their reasons).
fn assert_honest(all: &Score, misses: &[String], known: &[&str]) {
    assert_eq!(all.false_clear, 0, "false all-clears");
    let unexpected: Vec<&String> = misses
        .iter()
        .filter(|m| !known.iter().any(|id| m.starts_with(id)))
        .collect();
    assert!(
        unexpected.is_empty(),
        "logs that were right went wrong:\n{unexpected:#?}"
    );
}

/// The pending rounds' logs the analyzer does not get right, each for a reason its lines
/// cannot show (tests/fixtures/analyzer-corpus-pending/README.md): 205's smtplib cannot show
/// that its server was a local debugging server that takes no login (the finding's fix says
/// so among its cases); 206's 530 was a Nodemailer release's bug; 209 holds the server's
/// later bounce of a message the client saw accepted, which the analyzer leads with, while
/// its thread asked why the client said success (the finding says both); 210's fix was a
/// newer DokuWiki, which a Gmail bounce does not show; 213's Yahoo deferral for complaints
/// was backscatter (the finding's fix says how to tell); 214's fix was MailCleaner's own
/// updater; 226's msmtp file was too open, which its `no configuration file available` does
/// not show (the fix names the permissions among its cases); 228's refused recipient was a
/// SOGo calendar resource, fixed in a mailcow release; 230's relay refusal came from the
/// recipient's own server, which the two replies cannot tell from a submission server's;
/// 231's fix was Keycloak's admin address, 232's and 234's were releases of Gitea and
/// KindleEar, 233's was asking the provider, 240's was submitting on port 587, none of which
/// their lines show; 245's saslauthd ran out of workers,
/// which Gmail's quote of the 535 cannot show; 248's AUTH was set where the server needed
/// none, behind Sendmail's "Cannot decode AUTH parameter"; 251's fix was a newer Grafana;
/// 253's and 258's clients used port 25 instead of 587, which an Outlook message and a
/// postscreen blocklist hit do not show (the first's fix names port 587 among its cases);
/// 255's was a bug in Haraka's outbound pool; 259's fix was postfixadmin logging in; 262's
/// From was a list an R library printed, fixed in its release; 263's server name was the IMAP
/// host's, not the SMTP one; 266's was the wrong server's address; 267's log stops before
/// DATA, so no delivery can be read from it; 270's fix was on the receiver's DNSBL checks;
/// 272's client settings, 274's Yahoo-side trouble and 275's quota-warning service rights are
/// not in their lines.
const PENDING_MISSES: [&str; 29] = [
    "205-smtplib-python-debugging-server-nocode-auth-not-supported",
    "206-nodemailer-zoho-530-client-regression-no-auth",
    "209-nodemailer-own-postfix-250-accepted-then-bounced-later",
    "210-dokuwiki-smtp-gmail-550-missing-message-id",
    "213-postfix-mailu-421-yahoo-deferred-complaints-backscatter",
    "214-exim-mailcleaner-nocode-acl-expand-failed",
    "226-msmtp-none-nocode-config-permissions",
    "228-postfix-mailcow-550-sogo-resource-unknown-user",
    "230-postal-remote-554-recipient-relay-denied",
    "231-keycloak-ses-554-test-uses-admin-address",
    "232-gitea-qq-502-go-mail-malformed-mail-from",
    "233-uptimekuma-provider-550-spam-rejected",
    "234-kindleear-gmail-501-nonadmin-smtp-bug",
    "240-postfix-own-454-relay-denied-wrong-port",
    "245-gmail-sendas-535-saslauthd-too-few-workers",
    "248-phishingfrenzy-unknown-501-auth-parameter-undecodable",
    "251-grafana-relay-nocode-server-offers-only-sslv3",
    "253-outlook-mailcow-nocode-no-auth-on-port-25",
    "255-haraka-exim-nocode-outbound-pool-write-after-end",
    "258-postscreen-postfix-550-dnsbl-own-client-port-25",
    "259-postfix-postfix-553-not-logged-in-postfixadmin",
    "262-emayili-sendgrid-nocode-malformed-from",
    "263-calibreweb-webde-nocode-imap-host-refused",
    "266-nodemailer-wrongserver-550-unable-to-relay",
    "267-mailkit-legalmail-250-accepted-bcc",
    "270-postfix-bounce-554-spamhaus-open-resolver",
    "272-postfix-hardware-mailserver-nocode-sasl-login-failed-client-config",
    "274-postfix-yahoo-421-tss04-deferred",
    "275-dovecot-mailad-nocode-quota-warning-setgid-failed",
];
