//! The learning pages in the browser: a scenario played to its goal (seed 000's 553 in the
//! DokuWiki settings), a lesson completed with the engine's own answers (a wrong try shows
//! the hint first; the progress survives a reload), and the analyzer on seed 000's log (the
//! 553 finding, the decoded login with its exposure warning, a line link). Each test ends
//! with a clean browser console and no request beyond the page's own files.

use fantoccini::key::Key;
use fantoccini::Locator;
use smtp_trainer::analyze::{analyze, FindingKind};
use smtp_trainer::lessons::guided::{self, Expect};
use smtp_trainer::lessons::scenarios;

use super::harness::{BrowserLang, Harness};

/// Seed 000's log, as the page embeds it.
const SEED000: &str = include_str!("../fixtures/seed000-dokuwiki.log");

/// The browser console's errors and warnings since the last look.
async fn console_problems(h: &Harness) -> Vec<serde_json::Value> {
    h.console()
        .await
        .into_iter()
        .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
        .collect()
}

/// Every URL the page fetched beyond its origin (Resource Timing), and every path asked of
/// the server that is not a file of dist/.
async fn foreign_requests(h: &Harness) -> Vec<String> {
    let urls = h
        .js("return performance.getEntries().filter(e => e.name.includes('://')).map(e => e.name)")
        .await;
    let own = format!("{}/", h.origin);
    let mut foreign: Vec<String> = urls
        .as_array()
        .expect("an array of URLs")
        .iter()
        .filter_map(|u| u.as_str())
        .filter(|u| !u.starts_with(&own))
        .map(str::to_string)
        .collect();
    foreign.extend(
        h.requested()
            .into_iter()
            .filter(|(_, ok)| !ok)
            .map(|(path, _)| path),
    );
    foreign
}

/// The page stayed clean: nothing in the console, nothing fetched from elsewhere.
async fn assert_clean(h: &Harness) {
    let problems = console_problems(h).await;
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    let foreign = foreign_requests(h).await;
    assert!(
        foreign.is_empty(),
        "requests beyond the page's files: {foreign:?}"
    );
}

/// The value of a form control (`value` property), by `data-testid`.
async fn control_value(h: &Harness, testid: &str) -> String {
    h.wait_for(&format!("[data-testid={testid}]")).await;
    h.js(&format!(
        "return document.querySelector('[data-testid={testid}]').value"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Everything the page keeps in localStorage, as one text.
async fn stored(h: &Harness) -> String {
    h.js("return JSON.stringify(Object.assign({}, localStorage))")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Waits until a script returns `expected` (a string).
async fn wait_js(h: &Harness, script: &str, expected: &str) {
    let deadline = std::time::Instant::now() + super::harness::WAIT;
    let mut last = serde_json::Value::Null;
    while std::time::Instant::now() < deadline {
        last = h.js(script).await;
        if last.as_str() == Some(expected) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{script} never returned {expected:?}; last: {last}");
}

/// Replaces the text of an input.
async fn retype(h: &Harness, testid: &str, text: &str) {
    let input = h.wait_for(&format!("[data-testid={testid}]")).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("typing");
    let value = control_value(h, testid).await;
    assert_eq!(value, text, "{testid} holds what was typed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scenario_1_is_played_to_its_goal_in_the_dokuwiki_settings() {
    let scenario = scenarios::find("sender-mismatch").expect("scenario 1");
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/scenarios").await;
    h.wait_for("[data-testid=scenario-list]").await;
    let item = h
        .wait_for("[data-testid=scenario-item-sender-mismatch]")
        .await;
    assert_eq!(
        item.attr("data-done").await.expect("attribute").as_deref(),
        Some("false")
    );
    item.find(Locator::Css("a"))
        .await
        .expect("the scenario's link")
        .click()
        .await
        .expect("click");
    h.wait_text("[data-testid=scenario-title]", |t| t == scenario.title.en)
        .await;
    h.wait_text("[data-testid=scenario-story]", |t| t == scenario.story.en)
        .await;

    // Hints one at a time.
    assert!(h
        .client
        .find(Locator::Css("[data-testid=scenario-hint]"))
        .await
        .is_err());
    h.click("scenario-hint-more").await;
    h.wait_text("[data-testid=scenario-hint]", |t| t == scenario.hints[0].en)
        .await;

    // Seed 000's settings, mailfrom prefilled with the address that gets the 553.
    assert_eq!(
        control_value(&h, "scenario-compose-host").await,
        "smtp.163.com"
    );
    assert_eq!(control_value(&h, "scenario-compose-port").await, "25");
    assert_eq!(
        control_value(&h, "scenario-compose-user").await,
        "sunnogo@163.com"
    );
    assert_eq!(
        control_value(&h, "scenario-compose-from").await,
        "noreply@163.com"
    );
    let kind = h
        .wait_for("[data-testid=scenario-compose-password]")
        .await
        .attr("type")
        .await
        .expect("attribute");
    assert_eq!(kind.as_deref(), Some("password"));

    h.click("scenario-compose-send").await;
    let log = h
        .wait_text("[data-testid=scenario-compose-log]", |t| t.contains("553"))
        .await;
    assert!(
        log.contains("Got: 553 Mail from must equal authorized user"),
        "{log}"
    );
    assert!(log.contains("Sent: MAIL FROM:<noreply@163.com>"), "{log}");
    assert!(log.contains("Sent: AUTH LOGIN"), "{log}");
    h.wait_text("[data-testid=scenario-compose-transcript]", |t| {
        t.contains("553 Mail from must equal authorized user")
    })
    .await;
    // Issue 16 item 6: the 553's explanation is opened...
    h.js("Array.from(document.querySelectorAll('[data-testid=scenario-compose-transcript] [data-testid=console-reply]')).find(b => b.textContent.includes('553')).click()")
        .await;
    wait_js(
        &h,
        "return String(document.querySelectorAll('[data-testid=scenario-compose-transcript] [aria-expanded=true]').length)",
        "1",
    )
    .await;
    h.wait_for("[data-testid=scenario-goal-pending]").await;
    assert!(h
        .client
        .find(Locator::Css("[data-testid=scenario-goal-met]"))
        .await
        .is_err());

    // The learner's fix: mailfrom = the login.
    retype(&h, "scenario-compose-from", "sunnogo@163.com").await;
    h.click("scenario-compose-send").await;
    h.wait_text("[data-testid=scenario-goal-met]", |t| {
        t.contains("Goal met")
    })
    .await;
    h.wait_text("[data-testid=scenario-lesson]", |t| t == scenario.lesson.en)
        .await;
    let log = h
        .wait_text("[data-testid=scenario-compose-log]", |t| {
            t.contains("Message was sent")
        })
        .await;
    assert!(log.contains("Sent: MAIL FROM:<sunnogo@163.com>"), "{log}");
    h.wait_text("[data-testid=scenario-stored-from]", |t| {
        t == "<sunnogo@163.com>"
    })
    .await;
    // ...and the new dialog starts with every reply closed (no stale expanded row).
    wait_js(
        &h,
        "return String(document.querySelectorAll('[data-testid=scenario-compose-transcript] [aria-expanded=true]').length)",
        "0",
    )
    .await;

    // Remembered as done: ids only, never the password.
    let storage = stored(&h).await;
    assert!(storage.contains("sender-mismatch"), "{storage}");
    assert!(!storage.contains("ARsanbbsql60595"), "{storage}");
    h.client.refresh().await.expect("reload");
    h.wait_for("[data-testid=scenario-done]").await;
    h.open("#/scenarios").await;
    let item = h
        .wait_for("[data-testid=scenario-item-sender-mismatch]")
        .await;
    assert_eq!(
        item.attr("data-done").await.expect("attribute").as_deref(),
        Some("true")
    );
    h.wait_text("[data-testid=scenarios-done-count]", |t| {
        t.starts_with("1 of ")
    })
    .await;
    assert_clean(&h).await;
    h.close().await;
}

/// Sends a step's input the way a learner types it.
async fn answer_step(h: &Harness, expect: Expect, answer: &str) {
    match expect {
        Expect::Message(_) => {
            let area = h.wait_for("[data-testid=lesson-message]").await;
            let typed = answer.replace('\n', &Key::Enter.to_string());
            area.send_keys(&typed).await.expect("typing");
            area.send_keys(&format!("{}{}", Key::Control, Key::Enter))
                .await
                .expect("Ctrl+Enter");
        }
        Expect::Reply(_) | Expect::ReplyTo(..) | Expect::Commands(_) => {
            for line in answer.split('\n') {
                let input = h.wait_for("[data-testid=lesson-input]").await;
                input
                    .send_keys(&format!("{line}{}", Key::Enter))
                    .await
                    .expect("typing a line");
            }
        }
        Expect::Value(_) => {
            let input = h.wait_for("[data-testid=lesson-value]").await;
            input
                .send_keys(&format!("{answer}{}", Key::Enter))
                .await
                .expect("typing a value");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lesson_is_completed_with_hints_first_and_its_progress_survives_a_reload() {
    let lesson = guided::find("first-transaction").expect("the lesson");
    let n = lesson.steps.len();
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/lessons").await;
    h.wait_text("[data-testid=lesson-item-first-transaction]", |t| {
        t.contains(&format!("0/{n} steps"))
    })
    .await;
    h.open("#/lessons/first-transaction").await;
    h.wait_text("[data-testid=lesson-title]", |t| t == lesson.title.en)
        .await;
    h.wait_text("[data-testid=lesson-intro]", |t| t == lesson.intro.en)
        .await;

    for (i, step) in lesson.steps.iter().enumerate() {
        h.wait_text("[data-testid=lesson-instruction]", |t| {
            t == step.instruction.en
        })
        .await;
        // Rendered text: CSS upper-cases the heading.
        h.wait_text("[data-testid=lesson-step-heading]", |t| {
            t.eq_ignore_ascii_case(&format!("Step {} of {n}", i + 1))
        })
        .await;
        if i == 0 {
            // A wrong try first: HELO without a name gets 501, and the hint for HELO.
            answer_step(&h, step.expect, "HELO").await;
            let helo = step.mistake(&["HELO".to_string()]).expect("a HELO hint");
            h.wait_text("[data-testid=lesson-hint]", |t| t == helo.en)
                .await;
            h.wait_text("[data-testid=lesson-transcript]", |t| t.contains("501"))
                .await;
            assert_eq!(
                h.wait_text("[data-testid=lesson-progress-count]", |_| true)
                    .await,
                format!("0/{n} steps")
            );
            // "Show me" gives the engine's answer.
            h.click("lesson-show-me").await;
            h.wait_text("[data-testid=lesson-answer]", |t| t == (step.answer)())
                .await;
        }
        answer_step(&h, step.expect, &(step.answer)()).await;
        h.wait_text("[data-testid=lesson-progress-count]", |t| {
            t == format!("{}/{n} steps", i + 1)
        })
        .await;
        if i + 1 < n {
            h.wait_text("[data-testid=lesson-passed]", |t| {
                t.contains(&format!("step {} done", i + 1))
            })
            .await;
        }
        if i == 2 {
            // A reload keeps the step (and replays the earlier answers on a new connection).
            let storage = stored(&h).await;
            assert!(storage.contains("first-transaction=3"), "{storage}");
            h.client.refresh().await.expect("reload");
            h.wait_text("[data-testid=lesson-progress-count]", |t| {
                t == format!("3/{n} steps")
            })
            .await;
            h.wait_text("[data-testid=lesson-transcript]", |t| {
                t.contains("RCPT TO:<bob@example.com>") && t.contains("250 2.1.5")
            })
            .await;
        }
    }
    h.wait_for("[data-testid=lesson-complete]").await;
    h.wait_text("[data-testid=lesson-transcript]", |t| t.contains("221"))
        .await;
    // Issue 16 item 8: a completed lesson ends calmly and offers the next one.
    h.wait_for("[data-testid=lesson-ended]").await;
    assert!(h
        .client
        .find(Locator::Css("[data-testid=lesson-closed]"))
        .await
        .is_err());
    let next = guided::next(lesson.id).expect("a next lesson");
    h.wait_text("[data-testid=lesson-next]", |t| t.contains(next.title.en))
        .await;
    let storage = stored(&h).await;
    assert!(
        storage.contains(&format!("first-transaction={n}")),
        "{storage}"
    );
    assert!(!storage.contains("secret"), "{storage}");

    h.open("#/lessons").await;
    h.wait_text("[data-testid=lesson-item-first-transaction]", |t| {
        t.contains(&format!("{n}/{n} steps"))
    })
    .await;
    assert_clean(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_analyzer_diagnoses_seed_000_and_warns_about_the_exposed_login() {
    let analysis = analyze(SEED000);
    let finding = analysis
        .findings_of(FindingKind::SenderMismatch)
        .next()
        .expect("the engine finds the 553");
    let user_line = analysis
        .lines
        .iter()
        .find(|l| l.decoded.as_ref().and_then(|d| d.user()) == Some("sunnogo@163.com"))
        .expect("the engine decodes the login");
    let warning = user_line.warning.as_ref().expect("the exposure warning");

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.wait_for("[data-testid=analyze-empty]").await;
    h.click("analyze-example-seed000").await;
    assert_eq!(control_value(&h, "analyze-input").await, SEED000);

    let card = "[data-testid=analyze-finding][data-kind=sender-mismatch]";
    h.wait_text(
        &format!("{card} [data-testid=analyze-finding-title]"),
        |t| t == finding.title.en,
    )
    .await;
    let what = h
        .wait_text(
            &format!("{card} [data-testid=analyze-finding-what]"),
            |_| true,
        )
        .await;
    assert!(what.ends_with(finding.what.en.as_ref()), "{what}");
    let severity = h
        .wait_for(card)
        .await
        .attr("data-severity")
        .await
        .expect("attribute");
    assert_eq!(severity.as_deref(), Some("error"));
    h.wait_text("[data-testid=analyze-formats]", |t| t.contains("DokuWiki"))
        .await;
    h.wait_text("[data-testid=analyze-servers]", |t| t.contains("Coremail"))
        .await;

    // The decoded login and its warning, in a warning style.
    let row = format!(
        "[data-testid=analyze-line][data-line='{}']",
        user_line.number
    );
    h.wait_text(&format!("{row} [data-testid=analyze-line-decoded]"), |t| {
        t.contains("sunnogo@163.com")
    })
    .await;
    let shown = h
        .wait_text(&format!("{row} [data-testid=analyze-line-warning]"), |t| {
            !t.is_empty()
        })
        .await;
    assert!(shown.ends_with(warning.en.as_ref()), "{shown}");
    let styled = h
        .js(&format!(
            "const e = document.querySelector(\"{row} [data-testid=analyze-line-warning]\");
             const s = getComputedStyle(e);
             return s.display !== 'none' && s.visibility !== 'hidden' && s.backgroundColor !== 'rgba(0, 0, 0, 0)'"
        ))
        .await;
    assert_eq!(styled.as_bool(), Some(true), "the warning is styled as one");

    // A finding's line link scrolls to the line, highlights it and gives it the focus.
    let link = h
        .wait_for(&format!(
            "{card} [data-testid=analyze-line-link][data-line='{}']",
            user_line.number
        ))
        .await;
    link.click().await.expect("click the line link");
    let anchor = format!("analyze-line-{}", user_line.number);
    wait_js(
        &h,
        "return document.activeElement && document.activeElement.id",
        &anchor,
    )
    .await;
    let class = h
        .wait_for(&row)
        .await
        .attr("class")
        .await
        .expect("attribute")
        .unwrap_or_default();
    assert!(class.contains("highlighted"), "{class}");

    // In Chinese, the engine's Chinese texts.
    h.click("lang-zh").await;
    h.wait_text(
        &format!("{card} [data-testid=analyze-finding-title]"),
        |t| t == finding.title.zh,
    )
    .await;
    let shown = h
        .wait_text(&format!("{row} [data-testid=analyze-line-warning]"), |t| {
            t.contains(warning.zh.as_ref())
        })
        .await;
    assert!(shown.ends_with(warning.zh.as_ref()), "{shown}");

    // Nothing of the log is stored.
    let storage = stored(&h).await;
    assert!(!storage.contains("sunnogo"), "{storage}");
    assert_clean(&h).await;
    h.close().await;
}

/// The `id` (or `data-testid`) of the element that has the focus.
async fn focused(h: &Harness) -> String {
    h.js("const e = document.activeElement; return e ? (e.id || e.getAttribute('data-testid') || e.tagName) : ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue16_a_wrong_message_restarts_the_step_and_multi_command_steps_show_progress() {
    let lesson = guided::find("first-transaction").expect("the lesson");
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/lessons/first-transaction").await;
    for step in &lesson.steps[..4] {
        h.wait_text("[data-testid=lesson-instruction]", |t| {
            t == step.instruction.en
        })
        .await;
        answer_step(&h, step.expect, &(step.answer)()).await;
    }
    h.wait_text("[data-testid=lesson-progress-count]", |t| t == "4/6 steps")
        .await;
    // Item 1: a message without Subject is accepted by the server; the step says so and
    // starts the transaction again by itself.
    answer_step(&h, lesson.steps[4].expect, "Hello Bob, no subject here.\n.").await;
    h.wait_text("[data-testid=lesson-restarted-what]", |t| {
        t == guided::notes::STORED.en
    })
    .await;
    h.wait_text("[data-testid=lesson-restarted-why]", |t| {
        t.contains("Subject")
    })
    .await;
    let restarted = h.wait_for("[data-testid=lesson-restarted]").await;
    assert_eq!(
        restarted
            .attr("data-reconnected")
            .await
            .expect("attribute")
            .as_deref(),
        Some("false")
    );
    h.wait_text("[data-testid=lesson-transcript]", |t| {
        t.contains(guided::notes::RESTARTED.en) && t.matches("354").count() >= 2
    })
    .await;
    // Show me → Send it now passes, and the focus stays where the learner works (item 7).
    h.click("lesson-show-me").await;
    h.click("lesson-send-answer").await;
    h.wait_text("[data-testid=lesson-progress-count]", |t| t == "5/6 steps")
        .await;
    wait_js(
        &h,
        "return document.activeElement ? document.activeElement.id : ''",
        "lesson-input",
    )
    .await;

    // Item 2: each right line of a step of several commands is progress, not "not yet".
    h.open("#/lessons/ehlo-keywords").await;
    let ehlo = guided::find("ehlo-keywords").expect("the lesson");
    for step in &ehlo.steps[..2] {
        h.wait_text("[data-testid=lesson-instruction]", |t| {
            t == step.instruction.en
        })
        .await;
        answer_step(&h, step.expect, &(step.answer)()).await;
    }
    h.wait_text("[data-testid=lesson-instruction]", |t| {
        t == ehlo.steps[2].instruction.en
    })
    .await;
    answer_step(&h, ehlo.steps[2].expect, "RSET").await;
    let progress = h.wait_for("[data-testid=lesson-step-progress]").await;
    assert_eq!(
        progress
            .attr("data-done")
            .await
            .expect("attribute")
            .as_deref(),
        Some("1")
    );
    assert!(h
        .client
        .find(Locator::Css("[data-testid=lesson-not-yet]"))
        .await
        .is_err());
    answer_step(
        &h,
        ehlo.steps[2].expect,
        "MAIL FROM:<alice@example.com> BODY=8BITMIME",
    )
    .await;
    h.wait_for("[data-testid=lesson-complete]").await;
    h.open("#/lessons").await;
    h.wait_text("[data-testid=learn-summary]", |t| {
        t.starts_with("You have completed 1 of ")
    })
    .await;
    assert_clean(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue16_raw_mode_sends_a_bare_lf_and_a_reload_restores_the_scenario() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/scenarios/line-too-long").await;
    for line in [
        "EHLO learner.example",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ] {
        let input = h.wait_for("[data-testid=console-input]").await;
        input
            .send_keys(&format!("{line}{}", Key::Enter))
            .await
            .expect("typing");
        h.wait_text("[data-testid=scenario-transcript]", |t| t.contains(line))
            .await;
    }
    h.wait_for("[data-testid=console-data]").await;
    h.click("scenario-raw-toggle").await;
    let raw = h.wait_for("[data-testid=scenario-raw-input]").await;
    raw.send_keys("Subject: x\\n\\nbare\\nline\\n.")
        .await
        .expect("typing");
    h.wait_text("[data-testid=scenario-raw-preview]", |t| {
        t.contains("bare\u{240A}line") && t.ends_with("\u{240D}\u{240A}")
    })
    .await;
    h.click("scenario-raw-send").await;
    // The engine's own answer to that bare LF.
    let s = scenarios::find("line-too-long").expect("scenario 11");
    let mut server = smtp_trainer::smtp::server::Server::new(s.config(), "192.0.2.10", "now");
    server.receive(
        b"EHLO x\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@example.com>\r\nDATA\r\n",
    );
    let events = server.receive(b"Subject: x\n\nbare\nline\n.\r\n");
    let code = events
        .iter()
        .find_map(|e| match e {
            smtp_trainer::smtp::server::Event::Reply(r) => Some(r.code.to_string()),
            _ => None,
        })
        .expect("a reply to the bare LF");
    h.wait_text("[data-testid=scenario-transcript]", |t| {
        t.contains("bare\u{240A}line") && t.contains(&code)
    })
    .await;

    // A reload mid-scenario: the session, its transcript and the hints come back.
    h.open("#/scenarios/bad-sequence").await;
    let input = h.wait_for("[data-testid=console-input]").await;
    input
        .send_keys(&format!("EHLO learner.example{}", Key::Enter))
        .await
        .expect("typing");
    let input = h.wait_for("[data-testid=console-input]").await;
    input
        .send_keys(&format!("MAIL FROM:<alice@example.com>{}", Key::Enter))
        .await
        .expect("typing");
    h.wait_text("[data-testid=scenario-transcript]", |t| t.contains("2.1.0"))
        .await;
    h.click("scenario-hint-more").await;
    h.wait_for("[data-testid=scenario-hint]").await;
    h.client.refresh().await.expect("reload");
    h.wait_text("[data-testid=scenario-transcript]", |t| {
        t.contains("MAIL FROM:<alice@example.com>") && t.contains("2.1.0")
    })
    .await;
    h.wait_for("[data-testid=scenario-hint]").await;
    h.wait_text("[data-testid=scenario-status]", |t| {
        t.contains("MAIL FROM:<alice@example.com>")
    })
    .await;
    assert_clean(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue16_reset_asks_first_and_the_last_hint_keeps_the_focus() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/scenarios").await;
    h.js("localStorage.setItem('smtp-trainer.scenarios.done', 'telnet-typo')")
        .await;
    h.client.refresh().await.expect("reload");
    h.wait_text("[data-testid=scenarios-done-count]", |t| {
        t.starts_with("1 of ")
    })
    .await;
    let one_of_all = format!("1 of {} scenarios", scenarios::all().len());
    h.wait_text("[data-testid=learn-summary]", |t| t.contains(&one_of_all))
        .await;
    h.click("scenarios-reset").await;
    h.wait_for("[data-testid=scenarios-reset-confirm]").await;
    h.click("scenarios-reset-cancel").await;
    h.wait_for("[data-testid=scenarios-reset]").await;
    h.wait_text("[data-testid=scenarios-done-count]", |t| {
        t.starts_with("1 of ")
    })
    .await;
    // Escape answers no too, and the focus goes back to the button.
    h.click("scenarios-reset").await;
    wait_js(
        &h,
        "return document.activeElement ? (document.activeElement.getAttribute('data-testid') || '') : ''",
        "scenarios-reset-cancel",
    )
    .await;
    type_into_focus(&h, &Key::Escape.to_string()).await;
    h.wait_for("[data-testid=scenarios-reset]").await;
    wait_js(
        &h,
        "return document.activeElement ? (document.activeElement.getAttribute('data-testid') || '') : ''",
        "scenarios-reset",
    )
    .await;
    h.wait_text("[data-testid=scenarios-done-count]", |t| {
        t.starts_with("1 of ")
    })
    .await;
    h.click("scenarios-reset").await;
    h.click("scenarios-reset-yes").await;
    h.wait_text("[data-testid=scenarios-done-count]", |t| {
        t.starts_with("0 of ")
    })
    .await;

    // The last hint: its button goes away, the focus goes to the hint, not the page.
    let s = scenarios::find("telnet-typo").expect("scenario 3");
    h.open("#/scenarios/telnet-typo").await;
    for _ in 0..s.hints.len() {
        h.click("scenario-hint-more").await;
    }
    wait_js(
        &h,
        "return document.activeElement ? (document.activeElement.getAttribute('data-testid') || '') : ''",
        "scenario-hint",
    )
    .await;
    assert_ne!(focused(&h).await, "BODY");
    assert_clean(&h).await;
    h.close().await;
}

/// Types `text` into whatever has the focus (the keyboard alone: no click chose it).
async fn type_into_focus(h: &Harness, text: &str) {
    h.client
        .active_element()
        .await
        .expect("a focused element")
        .send_keys(text)
        .await
        .expect("typing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue16_a_lesson_and_a_scenario_are_completed_with_the_keyboard_only() {
    let h = Harness::start(BrowserLang::English).await;
    // A lesson: each value typed where the focus already is, Enter to check.
    let lesson = guided::find("reply-codes").expect("the lesson");
    h.open("#/lessons/reply-codes").await;
    for (i, step) in lesson.steps.iter().enumerate() {
        h.wait_text("[data-testid=lesson-instruction]", |t| {
            t == step.instruction.en
        })
        .await;
        wait_js(
            &h,
            "return document.activeElement ? document.activeElement.id : ''",
            "lesson-input",
        )
        .await;
        if i == 0 {
            type_into_focus(&h, &format!("permanent{}", Key::Enter)).await;
            h.wait_text("[data-testid=lesson-hint]", |t| t == step.hints[0].en)
                .await;
            // The wrong value stays; select it away with the keyboard.
            type_into_focus(&h, &format!("{}a", Key::Control)).await;
        }
        type_into_focus(&h, &format!("{}{}", (step.answer)(), Key::Enter)).await;
    }
    h.wait_for("[data-testid=lesson-complete]").await;
    // The focus moved to the lesson's end (All lessons after the last one): Enter follows it.
    wait_js(
        &h,
        "return document.activeElement && document.activeElement.closest('.next-lesson') ? 'yes' : 'no'",
        "yes",
    )
    .await;
    type_into_focus(&h, &Key::Enter.to_string()).await;
    h.wait_for("[data-testid=lesson-list]").await;

    // A scenario: the console input has the focus on arrival; DATA moves it to the text area.
    let s = scenarios::find("telnet-typo").expect("scenario 3");
    h.open("#/scenarios/telnet-typo").await;
    h.wait_text("[data-testid=scenario-title]", |t| t == s.title.en)
        .await;
    for line in [
        "HELO tdcsw",
        "MAIL FROM:lily@tdcsw.com",
        "RCPR TO:sam@163.com",
        "RCPT TO:sam@163.com",
        "DATA",
    ] {
        wait_js(
            &h,
            "return document.activeElement ? (document.activeElement.getAttribute('data-testid') || '') : ''",
            "console-input",
        )
        .await;
        type_into_focus(&h, &format!("{line}{}", Key::Enter)).await;
        h.wait_text("[data-testid=scenario-transcript]", |t| t.contains(line))
            .await;
    }
    wait_js(
        &h,
        "return document.activeElement ? (document.activeElement.getAttribute('data-testid') || '') : ''",
        "console-data",
    )
    .await;
    let message = ["SUBJECT:HELLO", "", "HAR are you?", "."].join(&Key::Enter.to_string());
    type_into_focus(&h, &message).await;
    type_into_focus(&h, &format!("{}{}", Key::Control, Key::Enter)).await;
    h.wait_text("[data-testid=scenario-goal-met]", |t| {
        t.contains("Goal met")
    })
    .await;
    assert_clean(&h).await;
    h.close().await;
}

/// The verify scenario in Chinese: the step is named by its label as the page shows it
/// (密钥, not only the id `key`), and a later wrong answer is said to be wrong without
/// taking the goal back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_which_step_scenario_takes_the_chinese_label_and_keeps_its_goal() {
    let h = Harness::start(BrowserLang::Chinese).await;
    h.open("#/scenarios/cram-md5-which-step").await;
    h.wait_for("[data-testid=scenario-goal-pending]").await;
    h.wait_for("[data-testid=scenario-verify-password]")
        .await
        .send_keys("tanstaaftanstaaf")
        .await
        .expect("typing the password");
    h.click("scenario-verify-submit").await;
    // The suggestions name each step in the page's language.
    wait_js(
        &h,
        "return [...document.querySelectorAll('#scenario-answer-steps option')] \
           .some((o) => o.value === 'key' && o.label === '密钥：密码') ? 'yes' : 'no'",
        "yes",
    )
    .await;
    let answer = h.wait_for("[data-testid=scenario-answer]").await;
    answer
        .send_keys(&format!("密钥{}", Key::Enter))
        .await
        .expect("answering");
    h.wait_for("[data-testid=scenario-goal-met]").await;
    answer.clear().await.expect("clearing the answer");
    answer
        .send_keys(&format!("响应{}", Key::Enter))
        .await
        .expect("answering again");
    h.wait_for("[data-testid=scenario-answer-wrong]").await;
    h.wait_for("[data-testid=scenario-goal-met]").await;
    assert_clean(&h).await;
    h.close().await;
}
