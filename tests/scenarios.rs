//! Every scenario's check fails before the learner's fix and passes after it, driven through
//! the engine: the scenario's own server, the learner's lines, the journal.

use smtp_trainer::lessons::scenarios::{self, Journal, Scenario};
use smtp_trainer::sasl::{cram_md5, verify};
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

/// The captured CRAM-MD5 exchange of scenario 12: RFC 2195's challenge, answered by a
/// client whose password had a trailing newline.
fn scenario12_exchange() -> (String, String) {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let challenge = b64.encode(cram_md5::RFC2195_CHALLENGE);
    let trace = cram_md5::client(
        "tim",
        "tanstaaftanstaaf\n",
        cram_md5::RFC2195_CHALLENGE.as_bytes(),
    );
    let response = trace.last().map(|s| s.text()).unwrap_or_default();
    (challenge, response)
}

/// The step the verifier names for scenario 12's exchange with the right password.
fn scenario12_answer() -> Option<&'static str> {
    let (challenge, response) = scenario12_exchange();
    match verify::verify(
        verify::Mechanism::CramMd5,
        &challenge,
        &response,
        Some("tanstaaftanstaaf"),
    ) {
        Ok(verify::Report {
            verdict: Some(verify::Verdict::Invalid(mistake)),
            ..
        }) => Some(mistake.first_step(verify::Mechanism::CramMd5)),
        _ => None,
    }
}

#[test]
fn scenario_12_file_carries_the_exchange_and_the_answer_the_engine_computes() {
    let s = scenario("cram-md5-which-step");
    let case = s.verify.as_ref().expect("a [verify] table");
    let (challenge, response) = scenario12_exchange();
    assert_eq!(case.mechanism, verify::Mechanism::CramMd5);
    assert_eq!(case.challenge, challenge);
    assert_eq!(case.response, response);
    assert_eq!(s.solution.answer.as_deref(), scenario12_answer());
}

#[test]
fn every_builtin_file_is_valid_and_its_solution_meets_its_goal() {
    use smtp_trainer::lessons::scenario_file::parse_scenario;
    for (name, text) in scenarios::BUILTIN_FILES {
        let s = parse_scenario(text, true).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(format!("{}.toml", s.id), name);
        let (before, after) = s.play_solution();
        assert!(!s.is_done(&before), "{name}: done before the solution");
        assert!(
            s.is_done(&after),
            "{name}: the solution does not meet the goal"
        );
    }
    assert_eq!(scenarios::all().len(), scenarios::BUILTIN_FILES.len());
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
    assert!(scenarios::all().len() >= 12);
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for s in scenarios::all() {
        for tr in [&s.title, &s.story, &s.goal, &s.lesson]
            .into_iter()
            .chain(&s.hints)
        {
            assert!(!tr.en.is_empty() && cjk(&tr.zh), "{}: {tr:?}", s.id);
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
    journal.answer("outer-hash");
    assert!(
        !s.is_done(&journal),
        "a later step is not the first that differs"
    );
    // The verifier, given the right password, names the step; that answer completes it.
    let answer = scenario12_answer().expect("the verifier names a step");
    assert_eq!(answer, "key");
    journal.answer(&answer.to_uppercase());
    assert!(
        s.is_done(&journal),
        "the answer is read without regard to case"
    );
}

/// The step is named by its id or by its label in either language (the page shows the
/// labels in the learner's language), and a goal met stays met after a later wrong answer,
/// while that answer alone is still wrong.
#[test]
fn scenario_12_takes_the_steps_label_in_either_language_and_keeps_the_goal() {
    let s = scenario("cram-md5-which-step");
    for answer in [
        "key",
        " Key ",
        "Key: the password",
        "密钥",
        "密钥：密码",
        "密钥。",
    ] {
        assert_eq!(s.answer_as_step(answer), "key", "{answer}");
        assert!(s.answer_is_right(answer), "{answer}");
        let mut journal = Journal::default();
        journal.answer(&s.answer_as_step(answer));
        assert!(s.is_done(&journal), "{answer}");
    }
    for answer in [
        "摘要",
        "Digest as 32 lowercase hex digits",
        "password",
        "",
        "钥",
    ] {
        assert!(!s.answer_is_right(answer), "{answer}");
    }
    assert_eq!(s.answer_as_step("摘要"), "digest-hex", "up to the colon");
    assert_eq!(
        s.answer_as_step("钥"),
        "钥",
        "no step is labelled just that"
    );
    assert_eq!(
        s.answer_as_step("摘要：32 位小写十六进制"),
        "digest-hex",
        "a whole label names its step"
    );

    let mut journal = Journal::default();
    journal.answer(&s.answer_as_step("密钥"));
    journal.answer(&s.answer_as_step("response"));
    assert!(
        s.is_done(&journal),
        "a later wrong answer took the goal back"
    );
    assert!(!s.answer_is_right("response"));

    // Answers are bounded: many distinct ones keep the first right one, and each is cut.
    let mut journal = Journal::default();
    journal.answer("key");
    for i in 0..1000 {
        journal.answer(&format!("{i}{}", "x".repeat(10_000)));
    }
    assert!(s.is_done(&journal));
    assert_eq!(
        journal.answers.len(),
        smtp_trainer::lessons::scenarios::MAX_ANSWERS
    );
    assert!(journal
        .answers
        .iter()
        .all(|a| a.chars().count() <= smtp_trainer::lessons::scenarios::MAX_ANSWER_CHARS));
}

/// Plays `wrong`, then `right`, in one session with the scenario's server (the learner
/// never starts over); `switch` is applied before the first line of `right`. Returns the
/// journal after the wrong try and after the right one.
fn one_session(
    scenario: &Scenario,
    wrong: &[&str],
    right: &[&str],
    switch: Option<fn(&mut Server)>,
) -> (Journal, Journal) {
    let mut server = Server::new(
        scenario.config(),
        "192.0.2.10",
        "Sat, 21 Nov 2026 20:15:48 +0800",
    );
    let mut journal = Journal::default();
    for line in wrong {
        let events = server.receive(format!("{line}\r\n").as_bytes());
        journal.record(&server, &events);
    }
    let after_wrong = journal.clone();
    assert!(
        !server.is_closed(),
        "{}: the wrong try closed the connection",
        scenario.id
    );
    if let Some(change) = switch {
        change(&mut server);
    }
    for line in right {
        let events = server.receive(format!("{line}\r\n").as_bytes());
        journal.record(&server, &events);
    }
    (after_wrong, journal)
}

/// A scenario's id, its wrong try, the right lines, and a change to the server between.
type Case<'a> = (&'a str, Vec<&'a str>, Vec<&'a str>, Option<fn(&mut Server)>);

#[test]
fn every_scenario_completes_after_a_wrong_try_without_starting_over() {
    let long = "y".repeat(1200);
    let start_saslauthd: fn(&mut Server) = |server| {
        let mut policies = server.config().policies.clone();
        policies.sasl_daemon_down = false;
        server.set_policies(policies);
    };
    let plain = "AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==";
    let cases: Vec<Case> = vec![
        (
            "sender-mismatch",
            vec![
                "EHLO [172.18.111.192]",
                "AUTH LOGIN",
                "c3Vubm9nb0AxNjMuY29t",
                "QVJzYW5iYnNxbDYwNTk1",
                "MAIL FROM:<noreply@163.com>",
            ],
            with_message(&[
                "MAIL FROM:<sunnogo@163.com>",
                "RCPT TO:<sunyongfeng@xxx.com>",
                "DATA",
            ]),
            None,
        ),
        (
            "saslauthd-down",
            vec!["EHLO x", "AUTH LOGIN", "Y2FydmVu", "Y2FydmVuMTIz"],
            vec!["AUTH LOGIN", "Y2FydmVu", "Y2FydmVuMTIz"],
            Some(start_saslauthd),
        ),
        (
            "telnet-typo",
            vec![
                "HELO tdcsw",
                "MAIL FROM:lily@tdcsw.com",
                "RCPR TO:sam@163.com",
            ],
            with_message(&["RCPT TO:sam@163.com", "DATA"]),
            None,
        ),
        (
            "bad-sequence",
            vec![
                "EHLO x",
                "RCPT TO:<bob@example.com>",
                "MAIL FROM:<alice@example.com>",
                "DATA",
            ],
            with_message(&["RCPT TO:<bob@example.com>", "DATA"]),
            None,
        ),
        (
            "where-did-bcc-go",
            vec![
                "EHLO x",
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "DATA",
                "To: bob@example.com",
                "Bcc: carol@example.com",
                "",
                "hi",
                ".",
            ],
            vec![
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "RCPT TO:<carol@example.com>",
                "DATA",
                "To: bob@example.com",
                "",
                "hi",
                ".",
            ],
            None,
        ),
        (
            "starttls-first",
            vec!["EHLO x", plain],
            vec!["STARTTLS", "EHLO x", plain],
            None,
        ),
        (
            "too-big",
            vec!["EHLO x", "MAIL FROM:<alice@example.com> SIZE=5000"],
            with_message(&[
                "MAIL FROM:<alice@example.com> SIZE=100",
                "RCPT TO:<bob@example.com>",
                "DATA",
            ]),
            None,
        ),
        (
            "partial-delivery",
            vec![
                "EHLO x",
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<nobody@example.com>",
                "DATA",
            ],
            with_message(&["RCPT TO:<bob@example.com>", "DATA"]),
            None,
        ),
        (
            "greylisting",
            vec![
                "EHLO x",
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "DATA",
            ],
            with_message(&["RCPT TO:<bob@example.com>", "DATA"]),
            None,
        ),
        (
            "relay-denied",
            vec![
                "EHLO x",
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<someone@elsewhere.test>",
            ],
            with_message(&[
                "RSET",
                plain,
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<someone@elsewhere.test>",
                "DATA",
            ]),
            None,
        ),
        (
            "line-too-long",
            vec![
                "EHLO x",
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "DATA",
                "Subject: long",
                "",
                long.as_str(),
                ".",
            ],
            with_message(&[
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "DATA",
            ]),
            None,
        ),
        (
            "smtp-smuggling",
            // Two honest transactions: two messages, nothing smuggled.
            with_message(&[
                "EHLO x",
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "DATA",
            ]),
            vec![
                "MAIL FROM:<alice@example.com>",
                "RCPT TO:<bob@example.com>",
                "DATA",
                "Subject: hi\r\n\r\nhello\n.\nMAIL FROM:<ceo@example.com>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\nSubject: pay now\r\n\r\nsmuggled\r\n.",
            ],
            None,
        ),
    ];
    let mut played: Vec<&str> = cases.iter().map(|c| c.0).collect();
    for (id, wrong, right, switch) in cases {
        let s = scenario(id);
        let (after_wrong, after_right) = one_session(s, &wrong, &right, switch);
        assert!(!s.is_done(&after_wrong), "{id}: done by the wrong try");
        assert!(
            s.is_done(&after_right),
            "{id}: not done after the right one"
        );
    }
    // The verifier scenario: a wrong answer, then the right one, in the same journal.
    let s = scenario("cram-md5-which-step");
    let mut journal = Journal::default();
    journal.answer("digest-hex");
    assert!(!s.is_done(&journal));
    journal.answer(scenario12_answer().unwrap_or_default());
    assert!(s.is_done(&journal));
    played.push(s.id);
    played.sort_unstable();
    let mut all: Vec<&str> = scenarios::all().into_iter().map(|s| s.id).collect();
    all.sort_unstable();
    assert_eq!(played, all, "every scenario is played");
}

#[test]
fn no_insider_words_in_the_scenarios() {
    for s in scenarios::all() {
        for tr in [&s.title, &s.story, &s.goal, &s.lesson]
            .into_iter()
            .chain(&s.hints)
        {
            for word in ["seed", "Seed", "engine", "mime::", "种子", "引擎"] {
                assert!(
                    !tr.en.contains(word) && !tr.zh.contains(word),
                    "{}: {word:?} in {tr:?}",
                    s.id
                );
            }
        }
    }
}

#[test]
fn issue16_5_scenario_4_says_what_the_real_server_answers_to_data_before_rcpt() {
    let s = scenario("bad-sequence");
    let mut server = Server::new(s.config(), "192.0.2.10", "now");
    server.receive(b"EHLO x\r\nMAIL FROM:<alice@example.com>\r\n");
    let events = server.receive(b"DATA\r\n");
    let reply = events
        .iter()
        .find_map(|e| match e {
            smtp_trainer::smtp::server::Event::Reply(r) => Some(r.wire_lines().join(" ")),
            _ => None,
        })
        .expect("a reply to DATA");
    // The server's reply is Postfix's, recorded; the scenario's words agree with it.
    assert!(reply.starts_with("554 5.5.1"), "{reply}");
    for text in [&s.title, &s.story, &s.lesson] {
        assert!(
            text.en.contains("554") && text.zh.contains("554"),
            "{text:?}"
        );
    }
    assert!(s.story.en.contains("503") && s.story.en.contains("Postfix"));
}

#[test]
fn issue16_4_scenario_11_counts_as_its_server_does_and_a_raw_bare_lf_is_refused() {
    let s = scenario("line-too-long");
    let long = "y".repeat(1200);
    let journal = play(
        s,
        &[
            "EHLO x",
            "MAIL FROM:<alice@example.com>",
            "RCPT TO:<bob@example.com>",
            "DATA",
            "Subject: long",
            "",
            &long,
            ".",
        ],
        None,
    );
    assert!(journal.saw(smtp_trainer::smtp::why::Situation::TextLineTooLong));
    // The hints name both counts: the server's 998 without CRLF, the RFC's 1000 with it.
    let hints: String = s.hints.iter().map(|h| h.en.as_ref()).collect();
    assert!(hints.contains("998") && hints.contains("1000") && hints.contains("1202"));
    // Raw mode: `\n` written out is a bare LF, a typed line break CRLF.
    let bytes = scenarios::raw_bytes("Subject: x\\n\nbare\\nline\n.");
    assert_eq!(bytes, b"Subject: x\n\r\nbare\nline\r\n.\r\n");
    assert_eq!(
        scenarios::visible_line_ends(b"a\nb\r\n"),
        "a\u{240A}b\u{240D}\u{240A}"
    );
    let mut server = Server::new(s.config(), "192.0.2.10", "now");
    let mut journal = Journal::default();
    for line in [
        "EHLO x",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ] {
        let events = server.receive(format!("{line}\r\n").as_bytes());
        journal.record(&server, &events);
    }
    let events = server.receive(&scenarios::raw_bytes("Subject: x\n\nbare\\nline\n."));
    journal.record(&server, &events);
    assert!(journal.saw(smtp_trainer::smtp::why::Situation::BareLf));
}

#[test]
fn issue16_8_greylisting_says_the_wait_is_simulated() {
    let s = scenario("greylisting");
    assert!(s.story.en.contains("simulated") && s.story.zh.contains("模拟"));
}

#[test]
fn issue16_8_the_535_of_scenario_2_says_saslauthd_is_down_once() {
    let s = scenario("saslauthd-down");
    let mut server = Server::new(s.config(), "192.0.2.10", "now");
    server.receive(b"EHLO x\r\nAUTH LOGIN\r\nY2FydmVu\r\n");
    let events = server.receive(b"Y2FydmVuMTIz\r\n");
    let why = events
        .iter()
        .find_map(|e| match e {
            smtp_trainer::smtp::server::Event::Reply(r) => Some(r.why.clone()),
            _ => None,
        })
        .expect("the 535");
    for lang in [smtp_trainer::i18n::Lang::En, smtp_trainer::i18n::Lang::Zh] {
        let text = why.explain(lang);
        assert_eq!(text.matches("saslauthd").count(), 1, "{text}");
        assert!(!text.contains("seed") && !text.contains("种子"), "{text}");
    }
}

/// Issue 16, item 8: the STARTTLS-first server is Postfix with smtpd_tls_auth_only: its EHLO
/// lists no AUTH before TLS, and lists it after STARTTLS and a new EHLO.
#[test]
fn issue16_8_starttls_first_hides_auth_until_tls() {
    let scenario = scenario("starttls-first");
    let mut server = Server::new(scenario.config(), "192.0.2.10", "now");
    server.greeting();
    let reply = |events: Vec<smtp_trainer::smtp::server::Event>| -> String {
        events
            .iter()
            .filter_map(|e| match e {
                smtp_trainer::smtp::server::Event::Reply(r) => Some(r.to_string()),
                _ => None,
            })
            .collect()
    };
    let before = reply(server.receive(b"EHLO x\r\n"));
    assert!(
        before.contains("STARTTLS") && !before.contains("AUTH"),
        "{before}"
    );
    server.receive(b"STARTTLS\r\n");
    let after = reply(server.receive(b"EHLO x\r\n"));
    assert!(after.contains("250-AUTH "), "{after}");
}

/// Issue 16, item 9: no label of the page or the CLI speaks of seeds or of the code.
#[test]
fn issue16_9_no_insider_words_in_any_label() {
    use smtp_trainer::i18n::Msg;
    for msg in Msg::ALL {
        let text = msg.text();
        for words in [text.en, text.zh] {
            for insider in ["seed 0", "种子文档", "mime::", "engine's", "the engine"] {
                assert!(!words.contains(insider), "{msg:?}: {words}");
            }
        }
    }
}
