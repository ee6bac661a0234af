//! Every lesson can be completed with the answers the engine gives (no dead end); a wrong
//! try at every step gets a hint (or, when the session moved past the step, the lesson
//! starts the step again by itself) and the right answer then completes the lesson — in the
//! same connection, the learner never asking for a new one. The defects of issue 16 are
//! here as dialogs through the engine.

use smtp_trainer::i18n::Tr;
use smtp_trainer::lessons::guided::{
    self, lesson_server, lines_of_answer, notes, Expect, Lesson, Position, Verdict, Wire, LESSONS,
};
use smtp_trainer::smtp::server::{Event, Mode, Server};

const NOW: &str = "Sat, 21 Nov 2026 20:15:48 +0800";

/// A connection to the lesson's server, counting the connections and keeping the notes.
struct TestWire {
    server: Server,
    connections: usize,
    notes: Vec<Tr>,
}

impl TestWire {
    fn new() -> TestWire {
        TestWire {
            server: lesson_server(NOW),
            connections: 1,
            notes: Vec::new(),
        }
    }
}

impl Wire for TestWire {
    fn server(&self) -> &Server {
        &self.server
    }
    fn send(&mut self, line: &str) -> Vec<Event> {
        self.server.receive(format!("{line}\r\n").as_bytes())
    }
    fn reconnect(&mut self) {
        self.server = lesson_server(NOW);
        self.connections += 1;
    }
    fn note(&mut self, note: Tr) {
        self.notes.push(note);
    }
}

fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|l| l.to_string()).collect()
}

fn lesson(id: &str) -> &'static Lesson {
    guided::find(id).unwrap_or_else(|| panic!("lesson {id}"))
}

/// Tries the current step with `tried` (lines, or a value for value steps).
fn attempt(lesson: &Lesson, pos: &mut Position, wire: &mut TestWire, tried: &[&str]) -> Verdict {
    let step = &lesson.steps[pos.step];
    if step.is_line() {
        lesson.try_lines(pos, wire, &lines(tried))
    } else {
        lesson.try_value(pos, tried[0])
    }
    .expect("a step to judge")
}

/// The step's own answer, as "Send it" sends it.
fn answer(lesson: &Lesson, pos: &mut Position, wire: &mut TestWire) -> Verdict {
    let step = &lesson.steps[pos.step];
    let answer = lines_of_answer(step);
    let tried: Vec<&str> = answer.iter().map(String::as_str).collect();
    attempt(lesson, pos, wire, &tried)
}

fn cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn at_least_nine_lessons_in_both_languages() {
    assert!(LESSONS.len() >= 9);
    for lesson in LESSONS {
        assert!(
            cjk(lesson.title.zh) && cjk(lesson.intro.zh),
            "{}",
            lesson.id
        );
        for step in lesson.steps {
            assert!(
                cjk(step.instruction.zh) && !step.instruction.en.is_empty(),
                "{}",
                lesson.id
            );
            assert!(!step.hints.is_empty(), "{}", lesson.id);
            for hint in step
                .hints
                .iter()
                .chain(step.mistakes.iter().map(|m| &m.hint))
            {
                assert!(!hint.en.is_empty() && !hint.zh.is_empty(), "{}", lesson.id);
            }
        }
    }
}

#[test]
fn no_insider_words_in_what_learners_read() {
    for lesson in LESSONS {
        let mut texts = vec![lesson.title, lesson.intro];
        for step in lesson.steps {
            texts.push(step.instruction);
            texts.extend(step.hints.iter().copied());
            texts.extend(step.mistakes.iter().map(|m| m.hint));
        }
        for text in texts {
            for word in ["seed", "engine", "mime::", "种子", "引擎"] {
                assert!(
                    !text.en.contains(word) && !text.zh.contains(word),
                    "{}: {word:?} in {text:?}",
                    lesson.id
                );
            }
        }
    }
}

#[test]
fn hints_go_from_the_concept_to_the_line() {
    for lesson in LESSONS {
        for (n, step) in lesson.steps.iter().enumerate() {
            if !matches!(
                step.expect,
                Expect::Reply(_) | Expect::ReplyTo(..) | Expect::Commands(_)
            ) {
                continue;
            }
            let answer = lines_of_answer(step);
            let last = step.hints[step.hints.len() - 1];
            for line in &answer {
                assert!(
                    last.en.contains(line.as_str()) || step.instruction.en.contains(line.as_str()),
                    "{} step {}: the last hint or the instruction gives {line:?}",
                    lesson.id,
                    n + 1
                );
            }
            if step.hints.len() > 1 {
                assert!(
                    !step.hints[0].en.contains(answer[0].as_str()),
                    "{} step {}: the first hint is the concept, not the line",
                    lesson.id,
                    n + 1
                );
            }
            // Each wrong try shows one more hint, the last one repeated.
            let shown: Vec<Tr> = (1..=step.hints.len() + 1).map(|k| step.hint(k)).collect();
            assert_eq!(&shown[..step.hints.len()], step.hints);
            assert_eq!(shown[step.hints.len()], last);
        }
    }
}

#[test]
fn every_lesson_completes_with_its_own_answers_in_one_connection() {
    for lesson in LESSONS {
        let mut wire = TestWire::new();
        let mut pos = Position::default();
        while pos.step < lesson.steps.len() {
            let at = pos.step;
            assert_eq!(
                answer(lesson, &mut pos, &mut wire),
                Verdict::Passed,
                "{} step {}",
                lesson.id,
                at + 1
            );
        }
        assert_eq!(wire.connections, 1, "{}", lesson.id);
    }
}

/// A realistic wrong try for every step of every lesson.
fn wrong_tries(id: &str) -> Vec<Vec<&'static str>> {
    match id {
        "first-transaction" => vec![
            vec!["HELO learner.example"],
            vec!["MAIL TO:<alice@example.com>"],
            vec!["RCPR TO:<bob@example.com>"],
            vec!["DATE"],
            vec!["Hello Bob, no subject here.", "."],
            vec!["EXIT"],
        ],
        "ehlo-keywords" => vec![
            vec!["HELO learner.example"],
            vec!["MAIL FROM:<alice@example.com>"],
            vec!["MAIL FROM:<alice@example.com> BODY=8BITMIME"],
        ],
        "auth-login" => vec![
            vec!["EHLO"],
            vec!["AUTH PLAIN"],
            vec!["alice@example.com"],
            vec!["c2VjcmV0Cg=="],
        ],
        "auth-plain" => vec![vec!["EHLO"], vec!["AUTH PLAIN AHRpbQB0YW5zdGFhZg=="]],
        "cram-md5" => vec![
            vec!["B913A602C7EDA7A495B4E6E7334D3890"],
            vec!["b913a602c7eda7a495b4e6e7334d3890"],
            vec!["tim b913a602c7eda7a495b4e6e7334d3890"],
        ],
        "digest-md5" => vec![vec!["0"], vec!["URP"], vec!["0"], vec!["0"], vec!["0"]],
        "mime-attachment" => vec![
            vec![
                "EHLO learner.example",
                "MAIL FROM:<alice@example.com>",
                "DATA",
            ],
            vec!["Subject: see attached", "", "the file is attached", "."],
        ],
        "cc-bcc-envelope" => vec![
            vec!["RCPT CC:<carol@example.com>"],
            vec![
                "To: bob@example.com",
                "Cc: carol@example.com",
                "Bcc: dave@example.com",
                "Subject: meeting",
                "",
                "See you at 3.",
                ".",
            ],
        ],
        "reply-codes" => vec![vec!["permanent"], vec!["5"], vec!["530"]],
        other => panic!("no wrong tries for lesson {other}"),
    }
}

#[test]
fn every_lesson_completes_after_a_wrong_try_at_each_step_without_a_new_connection() {
    for lesson in LESSONS {
        let tries = wrong_tries(lesson.id);
        assert_eq!(tries.len(), lesson.steps.len(), "{}", lesson.id);
        let mut wire = TestWire::new();
        let mut pos = Position::default();
        for (n, tried) in tries.iter().enumerate() {
            assert_eq!(pos.step, n, "{}", lesson.id);
            let mut tried = tried.clone();
            // "URP": the previous step's answer, DIGEST-MD5's classic mistake.
            let urp = lesson.steps[0].answer;
            let urp = urp();
            if tried == ["URP"] {
                tried = vec![urp.as_str()];
            }
            let verdict = attempt(lesson, &mut pos, &mut wire, &tried);
            assert!(
                matches!(
                    verdict,
                    Verdict::NotYet { .. }
                        | Verdict::Restarted {
                            reconnected: false,
                            ..
                        }
                ),
                "{} step {}: {tried:?} got {verdict:?}",
                lesson.id,
                n + 1
            );
            assert_eq!(pos.step, n, "{} step {}: still this step", lesson.id, n + 1);
            assert_eq!(
                answer(lesson, &mut pos, &mut wire),
                Verdict::Passed,
                "{} step {}: the answer after {tried:?}",
                lesson.id,
                n + 1
            );
        }
        assert_eq!(pos.step, lesson.steps.len());
        assert_eq!(wire.connections, 1, "{}: no new connection", lesson.id);
    }
}

/// Plays the answers of the steps before `at`.
fn play_to(lesson: &Lesson, at: usize) -> (Position, TestWire) {
    let mut wire = TestWire::new();
    let mut pos = Position::default();
    while pos.step < at {
        assert!(answer(lesson, &mut pos, &mut wire).passed());
    }
    (pos, wire)
}

#[test]
fn issue16_1_a_message_without_subject_restarts_the_transaction_in_the_same_connection() {
    let lesson = lesson("first-transaction");
    let (mut pos, mut wire) = play_to(lesson, 4);
    let verdict = attempt(
        lesson,
        &mut pos,
        &mut wire,
        &["Hello Bob, no subject here.", "."],
    );
    let Verdict::Restarted {
        what,
        why: Some(why),
        reconnected: false,
    } = verdict
    else {
        panic!("not restarted in the same connection: {verdict:?}");
    };
    assert_eq!(what, notes::STORED);
    assert!(why.en.contains("Subject"), "{why:?}");
    // The learner is told, and the server reads a message again: MAIL, RCPT, DATA replayed.
    assert!(wire.notes.contains(&notes::STORED) && wire.notes.contains(&notes::RESTARTED));
    let view = wire.server.view();
    assert_eq!(view.mode, Mode::Data);
    assert_eq!(view.from.as_deref(), Some("alice@example.com"));
    assert_eq!(view.recipients, vec!["bob@example.com".to_string()]);
    assert_eq!(pos, Position::at(4));
    // Show me → Send it now works, and the lesson ends with QUIT.
    assert_eq!(answer(lesson, &mut pos, &mut wire), Verdict::Passed);
    assert_eq!(wire.server.mailbox().len(), 2);
    assert_eq!(answer(lesson, &mut pos, &mut wire), Verdict::Passed);
    assert_eq!(wire.connections, 1);
}

#[test]
fn issue16_1_a_bcc_header_in_the_message_restarts_the_transaction() {
    let lesson = lesson("cc-bcc-envelope");
    let (mut pos, mut wire) = play_to(lesson, 1);
    let verdict = attempt(
        lesson,
        &mut pos,
        &mut wire,
        &[
            "To: bob@example.com",
            "Cc: carol@example.com",
            "Bcc: dave@example.com",
            "",
            "hi",
            ".",
        ],
    );
    let Verdict::Restarted {
        why: Some(why),
        reconnected: false,
        ..
    } = verdict
    else {
        panic!("{verdict:?}");
    };
    assert!(why.en.contains("Bcc"), "{why:?}");
    let view = wire.server.view();
    assert_eq!(view.mode, Mode::Data);
    assert_eq!(view.recipients.len(), 3);
    assert_eq!(answer(lesson, &mut pos, &mut wire), Verdict::Passed);
}

#[test]
fn issue16_1_a_closed_connection_is_reopened_with_the_earlier_steps() {
    let lesson = lesson("first-transaction");
    let (mut pos, mut wire) = play_to(lesson, 2);
    let verdict = attempt(lesson, &mut pos, &mut wire, &["QUIT"]);
    assert_eq!(
        verdict,
        Verdict::Restarted {
            what: notes::CLOSED,
            why: None,
            reconnected: true
        }
    );
    assert_eq!(wire.connections, 2);
    let view = wire.server.view();
    assert!(view.esmtp && view.from.as_deref() == Some("alice@example.com"));
    assert_eq!(answer(lesson, &mut pos, &mut wire), Verdict::Passed);
}

#[test]
fn issue16_1_data_too_early_is_led_back_on_a_new_connection() {
    // cc-bcc step 1: DATA after the first RCPT puts the server in DATA; nothing but a
    // message (or a new connection) gets out of it.
    let lesson = lesson("cc-bcc-envelope");
    let (mut pos, mut wire) = play_to(lesson, 0);
    let tried = [
        "EHLO learner.example",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ];
    let verdict = attempt(lesson, &mut pos, &mut wire, &tried);
    assert!(
        matches!(
            verdict,
            Verdict::Restarted {
                what,
                reconnected: true,
                ..
            } if what == notes::IN_DATA
        ),
        "{verdict:?}"
    );
    assert_eq!(pos, Position::at(0));
    assert_eq!(wire.server.view().mode, Mode::Command);
    assert_eq!(answer(lesson, &mut pos, &mut wire), Verdict::Passed);
}

#[test]
fn issue16_2_each_correct_line_of_a_multi_command_step_is_progress() {
    let ehlo = lesson("ehlo-keywords");
    let (mut pos, mut wire) = play_to(ehlo, 2);
    assert_eq!(
        attempt(ehlo, &mut pos, &mut wire, &["RSET"]),
        Verdict::Progress { done: 1, of: 2 }
    );
    assert_eq!(
        attempt(
            ehlo,
            &mut pos,
            &mut wire,
            &["MAIL FROM:<alice@example.com> BODY=8BITMIME"]
        ),
        Verdict::Passed
    );

    let mime = lesson("mime-attachment");
    let (mut pos, mut wire) = play_to(mime, 0);
    let answer_lines = lines_of_answer(&mime.steps[0]);
    for (k, line) in answer_lines.iter().enumerate() {
        let verdict = attempt(mime, &mut pos, &mut wire, &[line.as_str()]);
        if k + 1 < answer_lines.len() {
            assert_eq!(verdict, Verdict::Progress { done: k + 1, of: 4 });
        } else {
            assert_eq!(verdict, Verdict::Passed);
        }
    }

    let cc = lesson("cc-bcc-envelope");
    let (mut pos, mut wire) = play_to(cc, 0);
    for (k, line) in lines_of_answer(&cc.steps[0]).iter().enumerate().take(5) {
        assert_eq!(
            attempt(cc, &mut pos, &mut wire, &[line.as_str()]),
            Verdict::Progress { done: k + 1, of: 6 },
            "{line}"
        );
    }
    // A wrong line keeps what was done: the hint, and still 5 of 6.
    let verdict = attempt(cc, &mut pos, &mut wire, &["RCPT TO:<erin@example.com>"]);
    assert!(
        matches!(verdict, Verdict::NotYet { done: 5, of: 6, .. }),
        "{verdict:?}"
    );
    assert!(attempt(cc, &mut pos, &mut wire, &["DATA"]).passed());
}

#[test]
fn issue16_3_helo_gets_the_ehlo_hint_and_the_next_ehlo_is_judged_against_step_1() {
    let lesson = lesson("first-transaction");
    let mut wire = TestWire::new();
    let mut pos = Position::default();
    let verdict = attempt(lesson, &mut pos, &mut wire, &["HELO learner.example"]);
    let Verdict::NotYet { hint, .. } = verdict else {
        panic!("HELO passed the EHLO step: {verdict:?}");
    };
    assert!(
        hint.en.contains("EHLO") && hint.en.contains("HELO"),
        "{hint:?}"
    );
    assert_eq!(pos.step, 0);
    assert!(attempt(lesson, &mut pos, &mut wire, &["EHLO learner.example"]).passed());
    assert_eq!(pos.step, 1);
}

#[test]
fn issue16_3_an_upper_case_cram_md5_digest_gets_the_case_hint() {
    let lesson = lesson("cram-md5");
    let mut pos = Position::default();
    let digest = (lesson.steps[0].answer)();
    let verdict = lesson
        .try_value(&mut pos, &digest.to_uppercase())
        .expect("a value step");
    let Verdict::NotYet { hint, .. } = verdict else {
        panic!("{verdict:?}");
    };
    assert!(hint.en.contains("lower case"), "{hint:?}");
    // Any other wrong digest gets the ladder's first hint.
    let mut pos = Position::default();
    let verdict = lesson.try_value(&mut pos, "00").expect("a value step");
    assert_eq!(
        verdict,
        Verdict::NotYet {
            hint: lesson.steps[0].hints[0],
            done: 0,
            of: 1
        }
    );
}

#[test]
fn a_reload_replays_the_earlier_steps_on_a_new_connection() {
    let lesson = lesson("first-transaction");
    let mut wire = TestWire::new();
    lesson.replay(3, &mut wire);
    assert_eq!(wire.notes, vec![notes::REPLAYED]);
    let view = wire.server.view();
    assert_eq!(view.recipients, vec!["bob@example.com".to_string()]);
    let mut pos = Position::at(3);
    assert!(answer(lesson, &mut pos, &mut wire).passed());
}

#[test]
fn the_lessons_follow_one_another() {
    for pair in LESSONS.windows(2) {
        assert_eq!(guided::next(pair[0].id).map(|l| l.id), Some(pair[1].id));
    }
    assert!(guided::next(LESSONS[LESSONS.len() - 1].id).is_none());
}

#[test]
fn a_sender_other_than_the_step_wants_is_undone_with_rset() {
    let lesson = lesson("first-transaction");
    let (mut pos, mut wire) = play_to(lesson, 1);
    let verdict = attempt(
        lesson,
        &mut pos,
        &mut wire,
        &["MAIL FROM:<bob@example.com>"],
    );
    assert!(
        matches!(
            verdict,
            Verdict::Restarted {
                reconnected: false,
                ..
            }
        ),
        "{verdict:?}"
    );
    assert_eq!(wire.server.view().from, None, "the transaction was reset");
    assert!(answer(lesson, &mut pos, &mut wire).passed());
}

/// Lines a learner might try at any step: right ones out of place, classic mistakes, noise.
const TRIES: &[&str] = &[
    "EHLO learner.example",
    "HELO learner.example",
    "EHLO",
    "MAIL FROM:<alice@example.com>",
    "MAIL FROM:<bob@example.com> SIZE=1000",
    "RCPT TO:<bob@example.com>",
    "RCPT TO:<dave@example.com>",
    "RCPR TO:<bob@example.com>",
    "DATA",
    ".",
    "Subject: hi",
    "",
    "RSET",
    "NOOP",
    "QUIT",
    "AUTH LOGIN",
    "AUTH PLAIN",
    "*",
    "YWxpY2VAZXhhbXBsZS5jb20=",
    "c2VjcmV0",
    "STARTTLS",
    "BDAT 3 LAST",
];

use proptest::prelude::Strategy as _;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    /// Whatever a learner sends at a step, the step's own answer then passes: the lesson
    /// never leaves a dead end (and never panics).
    #[test]
    fn no_try_strands_a_lesson(
        lesson_index in 0usize..64,
        step_index in 0usize..8,
        tries in proptest::collection::vec(
            proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(TRIES).prop_map(str::to_string),
                    "[ -~]{0,40}",
                ],
                1..4,
            ),
            1..5,
        ),
    ) {
        let lines_lessons: Vec<&Lesson> = LESSONS.iter().filter(|l| l.has_lines()).collect();
        let lesson = lines_lessons[lesson_index % lines_lessons.len()];
        let at = step_index % lesson.steps.len();
        let (mut pos, mut wire) = play_to(lesson, at);
        for tried in &tries {
            let verdict = lesson.try_lines(&mut pos, &mut wire, tried);
            if verdict.is_some_and(|v| v.passed()) || pos.step != at {
                // The learner's own lines did the step: nothing left to check here.
                return Ok(());
            }
        }
        let rest = lesson.steps[at].remaining_answer(pos.part);
        let verdict = lesson.try_lines(&mut pos, &mut wire, &rest);
        proptest::prop_assert_eq!(verdict, Some(Verdict::Passed), "{} step {} after {:?}", lesson.id, at + 1, tries);
    }

    /// Raw mode's text: any text gives bytes that end with a line end, and `\n` written out
    /// is one LF octet.
    #[test]
    fn raw_text_always_ends_with_a_line_end(text in "[ -~\n]{0,60}") {
        let bytes = smtp_trainer::lessons::scenarios::raw_bytes(&text);
        proptest::prop_assert!(bytes.ends_with(b"\n") || bytes.ends_with(b"\r"));
        let shown = smtp_trainer::lessons::scenarios::visible_line_ends(&bytes);
        proptest::prop_assert!(!shown.contains('\n'));
    }
}

/// Issue 17: the reply-codes lesson's "temporary or permanent" takes the Chinese answer
/// (暂时性) and the class digit as well; a permanent answer stays wrong in any language.
#[test]
fn the_temporary_answer_is_accepted_in_chinese_and_as_the_digit() {
    use smtp_trainer::lessons::guided::is_temporary;
    for yes in [
        "temporary",
        "Temporary",
        "transient",
        "4",
        "4yz",
        "暂时性",
        "暂时",
        "临时性",
        "暂时的。",
    ] {
        assert!(is_temporary(yes), "{yes}");
    }
    for no in ["permanent", "永久性", "5", "永久", ""] {
        assert!(!is_temporary(no), "{no}");
    }
}

#[test]
fn a_wrong_password_in_auth_login_is_told_as_the_end_of_the_exchange() {
    let lesson = lesson("auth-login");
    // Step 3 is the password's: base64 of "wrong".
    let (mut pos, mut wire) = play_to(lesson, 3);
    let verdict = attempt(lesson, &mut pos, &mut wire, &["d3Jvbmc="]);
    let Verdict::Restarted { what, .. } = verdict else {
        panic!("not restarted: {verdict:?}");
    };
    assert_eq!(what, notes::AUTH_ENDED);
    assert!(what.en.contains("AUTH exchange") && !what.en.contains("transaction"));
    // And the learner is back at the password: the exchange is open again.
    assert_eq!(wire.server.view().mode, Mode::AuthResponse);
}
