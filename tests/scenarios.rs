//! Every scenario's check fails before the learner's fix and passes after it, driven through
//! the engine: the scenario's own server, the learner's lines, the journal.

use smtp_trainer::lessons::scenarios::{self, Journal, Scenario, SCENARIOS};
use smtp_trainer::smtp::server::Server;

/// A change to the server made between two lines (e.g. "start saslauthd").
type Switch = (usize, fn(&mut Server));

/// Plays `lines` (each sent with CRLF; `\n` inside a line is sent as is) against the
/// scenario's server and returns the journal. `switch` is applied before line `at`.
fn play(scenario: &Scenario, lines: &[&str], switch: Option<Switch>) -> Journal {
    let mut server = Server::new(
        scenario.config(),
        "192.0.2.10",
        "Sat, 21 Nov 2026 20:15:48 +0800",
    );
    let mut journal = Journal::default();
    for (i, line) in lines.iter().enumerate() {
        if let Some((at, change)) = switch {
            if at == i {
                change(&mut server);
            }
        }
        let events = server.receive(format!("{line}\r\n").as_bytes());
        journal.record(&server, &events);
    }
    journal
}

fn scenario(id: &str) -> &'static Scenario {
    scenarios::find(id).unwrap_or_else(|| panic!("scenario {id}"))
}

fn check(id: &str, before: &[&str], after: &[&str]) {
    let s = scenario(id);
    assert!(
        !s.is_done(&play(s, before, None)),
        "{id}: done before the fix"
    );
    assert!(
        s.is_done(&play(s, after, None)),
        "{id}: not done after the fix"
    );
}

const MESSAGE: [&str; 4] = ["Subject: test", "", "hello", "."];

fn with_message<'a>(head: &[&'a str]) -> Vec<&'a str> {
    let mut lines = head.to_vec();
    lines.extend(MESSAGE);
    lines
}

#[test]
fn there_are_at_least_twelve_scenarios_with_both_languages() {
    assert!(SCENARIOS.len() >= 12);
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for s in SCENARIOS {
        for tr in [s.title, s.story, s.goal, s.lesson].iter().chain(s.hints) {
            assert!(!tr.en.is_empty() && cjk(tr.zh), "{}: {tr:?}", s.id);
        }
        assert!(!s.hints.is_empty(), "{}", s.id);
    }
}

#[test]
fn scenario_1_seed_000_sender_mismatch() {
    // AUTH LOGIN as in seed 000's log.
    let auth = [
        "EHLO [172.18.111.192]",
        "AUTH LOGIN",
        "c3Vubm9nb0AxNjMuY29t",
        "QVJzYW5iYnNxbDYwNTk1",
    ];
    let mut before = auth.to_vec();
    before.extend([
        "MAIL FROM:<noreply@163.com>",
        "RCPT TO:<sunyongfeng@xxx.com>",
        "DATA",
    ]);
    before.extend(MESSAGE);
    let mut after = auth.to_vec();
    after.extend([
        "MAIL FROM:<sunnogo@163.com>",
        "RCPT TO:<sunyongfeng@xxx.com>",
        "DATA",
    ]);
    after.extend(MESSAGE);
    check("sender-mismatch", &before, &after);
}

#[test]
fn scenario_2_seed_004_saslauthd_down() {
    let s = scenario("saslauthd-down");
    let lines = [
        "ehlo x",
        "auth login",
        "Y2FydmVu",
        "Y2FydmVuMTIz",
        "auth login",
        "Y2FydmVu",
        "Y2FydmVuMTIz",
    ];
    assert!(!s.is_done(&play(s, &lines, None)), "saslauthd still down");
    // "Start saslauthd" before the second attempt.
    let start: fn(&mut Server) = |server| {
        let mut policies = server.config().policies.clone();
        policies.sasl_daemon_down = false;
        server.set_policies(policies);
    };
    assert!(s.is_done(&play(s, &lines, Some((4, start)))));
}

#[test]
fn scenario_3_seed_004_telnet_typo() {
    let head = ["HELO tdcsw", "MAIL FROM:lily@tdcsw.com"];
    let mut before = head.to_vec();
    before.extend(["RCPR TO:sam@163.com", "DATA"]);
    before.extend(["SUBJECT:HELLO", "HI:", "HAR are you?", "."]);
    let mut after = head.to_vec();
    after.extend(["RCPR TO:sam@163.com", "RCPT TO:sam@163.com", "DATA"]);
    after.extend(["SUBJECT:HELLO", "HI:", "HAR are you?", "."]);
    check("telnet-typo", &before, &after);
}

#[test]
fn scenario_4_bad_sequence() {
    let before = with_message(&["EHLO x", "RCPT TO:<bob@example.com>", "DATA"]);
    let after = with_message(&[
        "EHLO x",
        "RCPT TO:<bob@example.com>",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ]);
    check("bad-sequence", &before, &after);
}

#[test]
fn scenario_5_where_did_the_bcc_go() {
    let headers = ["To: bob@example.com", "Subject: plans"];
    let mut before = vec![
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ];
    before.extend(headers);
    before.extend(["", "hi", "."]);
    let mut after = vec![
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "RCPT TO:<carol@example.com>",
        "DATA",
    ];
    after.extend(headers);
    after.extend(["", "hi", "."]);
    check("where-did-bcc-go", &before, &after);
}

#[test]
fn scenario_6_starttls_before_auth() {
    let plain = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==";
    check(
        "starttls-first",
        &["EHLO x", plain],
        &["EHLO x", plain, "STARTTLS", "EHLO x", plain],
    );
}

#[test]
fn scenario_7_message_too_big() {
    let big = "x".repeat(900);
    let mut before = vec![
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
        "Subject: big",
        "",
    ];
    before.extend([big.as_str(), big.as_str(), big.as_str(), "."]);
    let after = with_message(&[
        "EHLO x",
        "MAIL FROM:<alice@example.com> SIZE=5000",
        "MAIL FROM:<alice@example.com> SIZE=100",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ]);
    check("too-big", &before, &after);
}

#[test]
fn scenario_8_partial_delivery() {
    let before = with_message(&[
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<nobody@example.com>",
        "DATA",
    ]);
    let after = with_message(&[
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "RCPT TO:<nobody@example.com>",
        "RCPT TO:<carol@example.com>",
        "DATA",
    ]);
    check("partial-delivery", &before, &after);
}

#[test]
fn scenario_9_greylisting() {
    let before = with_message(&[
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ]);
    let after = with_message(&[
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ]);
    check("greylisting", &before, &after);
}

#[test]
fn scenario_10_relay_denied() {
    let before = with_message(&[
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<someone@elsewhere.test>",
        "DATA",
    ]);
    let after = with_message(&[
        "EHLO x",
        "AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<someone@elsewhere.test>",
        "DATA",
    ]);
    check("relay-denied", &before, &after);
}

#[test]
fn scenario_11_line_too_long_and_bare_lf() {
    let long = "y".repeat(1200);
    let head = [
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ];
    let mut before = head.to_vec();
    before.extend(["Subject: long", "", long.as_str(), "."]);
    let mut after = before.clone();
    after.extend(head);
    after.extend(["Subject: short", "", "a short line", "."]);
    check("line-too-long", &before, &after);
    // The bare-LF half: refused and closed.
    let s = scenario("line-too-long");
    let journal = play(
        s,
        &[
            "EHLO x",
            "MAIL FROM:<alice@example.com>",
            "RCPT TO:<bob@example.com>",
            "DATA",
            "Subject: x\n\nbare\n.",
        ],
        None,
    );
    assert!(journal.saw(smtp_trainer::smtp::why::Situation::BareLf));
}

#[test]
fn scenario_12_cram_md5_which_step() {
    let s = scenario("cram-md5-which-step");
    let mut journal = Journal::default();
    assert!(!s.is_done(&journal));
    journal.answer = Some("outer-hash".into());
    assert!(
        !s.is_done(&journal),
        "a later step is not the first that differs"
    );
    // The verifier, given the right password, names the step; that answer completes it.
    let answer = scenarios::scenario12_answer().expect("the verifier names a step");
    assert_eq!(answer, "key");
    journal.answer = Some(answer.to_uppercase());
    assert!(
        s.is_done(&journal),
        "the answer is read without regard to case"
    );
}
