//! Every lesson can be completed with the answers the engine gives (no dead end), and a wrong
//! try does not pass.

use smtp_trainer::lessons::guided::{lesson_server, Outcome, LESSONS};

#[test]
fn at_least_nine_lessons_in_both_languages() {
    assert!(LESSONS.len() >= 9);
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
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
            assert!(!step.hint.en.is_empty(), "{}", lesson.id);
        }
    }
}

#[test]
fn every_lesson_completes_with_its_own_answers() {
    for lesson in LESSONS {
        let mut server = lesson_server("Sat, 21 Nov 2026 20:15:48 +0800");
        for (n, step) in lesson.steps.iter().enumerate() {
            let answer = (step.answer)();
            let outcome = if step.is_line() {
                let mut passed = Outcome::NotYet;
                let lines: Vec<String> = answer.lines().map(str::to_string).collect();
                let mut events = Vec::new();
                for line in &lines {
                    events.extend(server.receive(format!("{line}\r\n").as_bytes()));
                }
                if step.judge_lines(&lines, &server, &events) == Outcome::Passed {
                    passed = Outcome::Passed;
                }
                passed
            } else {
                step.judge_value(&answer)
            };
            assert_eq!(
                outcome,
                Outcome::Passed,
                "{} step {}: {answer:?}",
                lesson.id,
                n + 1
            );
        }
    }
}

#[test]
fn wrong_tries_do_not_pass() {
    for lesson in LESSONS {
        let mut server = lesson_server("now");
        let step = &lesson.steps[0];
        let outcome = if step.is_line() {
            let events = server.receive(b"NOOP\r\n");
            step.judge_events(&server, &events)
        } else {
            step.judge_value("not the answer")
        };
        assert_eq!(outcome, Outcome::NotYet, "{}", lesson.id);
    }
    // DIGEST-MD5's classic mistake: the hex of H(A1) instead of its raw bytes.
    let digest = smtp_trainer::lessons::guided::find("digest-md5").expect("lesson");
    let urp = digest.steps[0].answer;
    assert_eq!(digest.steps[1].judge_value(&urp()), Outcome::NotYet);
    // AUTH LOGIN: the server prompts for the password whatever user name it got; the
    // step still wants the base64 of alice@example.com.
    let login = smtp_trainer::lessons::guided::find("auth-login").expect("lesson");
    let mut server = lesson_server("now");
    server.receive(b"EHLO x\r\nAUTH LOGIN\r\n");
    let wrong = vec!["Ym9i".to_string()];
    let events = server.receive(b"Ym9i\r\n");
    assert_eq!(
        login.steps[2].judge_lines(&wrong, &server, &events),
        Outcome::NotYet
    );
}
