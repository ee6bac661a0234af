//! The engine worker (issue 13): SCRAM with a million iterations on the Auth page and a
//! long log on the Analyze page are computed off the main thread, with a "computing"
//! indicator, while the page keeps answering; the result is what the engine computes
//! natively.

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value;
use smtp_trainer::analyze::analyze;
use smtp_trainer::i18n::Msg;
use smtp_trainer::sasl::scram;

use super::harness::{BrowserLang, Harness};

/// The RFC 7677 §3 server-first-message with a million iterations instead of 4096.
const SERVER_FIRST_1M: &str =
    "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1000000";

/// Waits (up to a minute: a million PBKDF2 rounds in wasm on a loaded machine) until the
/// indicator is gone.
async fn wait_computed(h: &Harness) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = h
            .client
            .find(Locator::Css("[data-testid=engine-computing]"))
            .await
            .is_ok();
        if !found {
            return;
        }
        assert!(Instant::now() < deadline, "still computing after a minute");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sets a control's value as typing does (an `input` event) and, in a task of its own as a
/// learner's click is, clicks `click`; then, while the work that starts runs, notes the
/// indicator, switches the language and waits for the heading to follow. Yew's scheduler
/// hands the browser back every 16 ms of work, so the new heading may take a few tasks on a
/// busy machine: it must come while the indicator still shows (the work is not over), and
/// `waited` says how long it took.
const DURING: &str = "const [testid, value, click, heading] = arguments; \
    const done = arguments[arguments.length - 1]; \
    const indicator = () => document.querySelector('[data-testid=engine-computing]'); \
    const text = () => document.querySelector(`[data-testid=${heading}]`).textContent; \
    const control = document.querySelector(`[data-testid=${testid}]`); \
    control.value = value; \
    control.dispatchEvent(new InputEvent('input', { bubbles: true })); \
    control.dispatchEvent(new Event('change', { bubbles: true })); \
    setTimeout(() => { \
      if (click) document.querySelector(`[data-testid=${click}]`).click(); \
      setTimeout(() => { \
        const shown = indicator(); \
        const role = shown && shown.getAttribute('role'); \
        const before = text(); \
        const start = performance.now(); \
        document.querySelector('[data-testid=lang-zh]').click(); \
        const probe = () => { \
          const waited = performance.now() - start; \
          if (text() !== before || waited > 5000) { \
            done({ shown: !!shown, role, before, heading: text(), \
              still: !!indicator(), waited }); \
          } else { \
            setTimeout(probe, 0); \
          } \
        }; \
        setTimeout(probe, 0); \
      }, 0); \
    }, 0);";

async fn during(h: &Harness, testid: &str, value: &str, click: &str, heading: &str) -> Value {
    h.client
        .execute_async(
            DURING,
            vec![
                Value::from(testid),
                Value::from(value),
                Value::from(click),
                Value::from(heading),
            ],
        )
        .await
        .expect("the script runs")
}

fn assert_answered_meanwhile(during: &Value) {
    assert_eq!(during["shown"], true, "no indicator: {during}");
    assert_eq!(during["role"], "status", "{during}");
    assert_eq!(during["still"], true, "over before the input: {during}");
    assert_ne!(
        during["heading"], during["before"],
        "the language switch was not handled while the work ran: {during}"
    );
}

/// Opens `hash` in the whole app (started from a section that has no module of its own):
/// the probe of [`during`], the language switch, is the whole app's (a first page's module
/// holds one language, and hands over for the other).
async fn open_in_whole_app(h: &Harness, hash: &str, ready: &str) {
    h.open("#/compose").await;
    h.wait_for("[data-testid=compose-page]").await;
    h.js(&format!("location.hash = '{hash}'; return true"))
        .await;
    h.wait_for(&format!("[data-testid={ready}]")).await;
}

async fn fetched_engine_worker(h: &Harness) -> bool {
    h.js("return performance.getEntriesByType('resource').some(e => e.name.includes('engine_worker'))")
        .await
        .as_bool()
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scram_with_a_million_iterations_runs_in_the_worker_and_shows_the_engines_values() {
    let h = Harness::start(BrowserLang::English).await;
    open_in_whole_app(&h, "#/auth/scram-sha-256", "auth-page").await;
    h.click("auth-example-rfc7677").await;
    h.wait_for("[data-testid=auth-step-item][data-step-id=server-signature]")
        .await;
    // 4096 iterations: computed in place, no worker fetched.
    assert!(!fetched_engine_worker(&h).await);
    h.js(
        "const f = document.querySelector('[data-testid=auth-input-server-final]'); \
          f.value = ''; f.dispatchEvent(new InputEvent('input', { bubbles: true })); \
          return true",
    )
    .await;

    let during = during(
        &h,
        "auth-input-server-first",
        SERVER_FIRST_1M,
        "",
        "auth-heading",
    )
    .await;
    assert_answered_meanwhile(&during);
    assert_eq!(during["heading"], Msg::AuthHeading.text().zh, "{during}");
    let started = Instant::now();
    wait_computed(&h).await;
    println!(
        "SCRAM-SHA-256, i=1000000: the worker's answer after about {} ms",
        started.elapsed().as_millis()
    );
    assert!(fetched_engine_worker(&h).await);

    // The engine's trace of the same inputs, natively.
    let engine = scram::client(
        scram::Hash::Sha256,
        "user",
        "pencil",
        "rOprNGfwEbeRWgbNEkqO",
        SERVER_FIRST_1M,
    )
    .expect("the engine computes it");
    let ids = h
        .js("return [...document.querySelectorAll('[data-testid=auth-step-item]')].map(e => e.getAttribute('data-step-id'))")
        .await;
    let want: Vec<&str> = engine.steps.iter().map(|s| s.id).collect();
    assert_eq!(ids, serde_json::json!(want));
    for (index, step) in engine.steps.iter().enumerate() {
        if step.bytes.is_empty() {
            continue;
        }
        h.js(&format!(
            "document.querySelectorAll('[data-testid=auth-step-item]')[{index}].click(); return true"
        ))
        .await;
        let hex = h
            .wait_text("[data-testid=auth-step-hex]", |t| t == step.hex())
            .await;
        assert_eq!(hex, step.hex(), "{}", step.id);
    }

    // The Auth page's own module (a first visit) hands the same work to the worker too; in
    // Chinese, the language chosen above, which the loader remembers. A new visit, not a
    // reload: a reload would bring the form back (tests/browser/share.rs), and its million
    // iterations would go to the worker before the example below is picked.
    let here = h.client.current_url().await.expect("the address");
    h.client.goto("about:blank").await.expect("about:blank");
    h.client.goto(here.as_str()).await.expect("a new visit");
    h.wait_for("[data-testid=auth-page]").await;
    let resources = h
        .js("return performance.getEntriesByType('resource').map(e => e.name)")
        .await;
    assert!(
        resources.to_string().contains("/auth_page_zh_bg.wasm"),
        "a first visit starts Auth's module: {resources}"
    );
    h.click("auth-example-rfc7677").await;
    h.wait_for("[data-testid=auth-step-item][data-step-id=server-signature]")
        .await;
    assert!(!fetched_engine_worker(&h).await);
    h.js(&format!(
        "const f = document.querySelector('[data-testid=auth-input-server-first]'); \
          f.value = '{SERVER_FIRST_1M}'; f.dispatchEvent(new InputEvent('input', {{ bubbles: true }})); \
          return true"
    ))
    .await;
    wait_computed(&h).await;
    assert!(fetched_engine_worker(&h).await);
    let signature = engine.step("server-signature").expect("a server signature");
    h.js("document.querySelector('[data-testid=auth-step-item][data-step-id=server-signature]').click(); return true")
        .await;
    h.wait_text("[data-testid=auth-step-hex]", |t| t == signature.hex())
        .await;
    h.close().await;
}

/// A long session log (about 1 MB, 20 000 lines: the analyzer's limits), ending in a
/// refused login.
fn long_log() -> String {
    let mut out = String::new();
    let mut session = 0;
    while out.len() < 990_000 && out.lines().count() < 19_950 {
        session += 1;
        out.push_str(&format!(
            "S: 220 mx{session}.example.org ESMTP Postfix\n\
             C: EHLO client.example.com\n\
             S: 250-mx{session}.example.org\n\
             S: 250-AUTH PLAIN LOGIN\n\
             S: 250 8BITMIME\n\
             C: MAIL FROM:<sender{session}@example.com>\n\
             C: RCPT TO:<recipient{session}@example.org>\n\
             S: 250 2.1.5 Ok\n\
             C: DATA\n\
             S: 354 End data with <CR><LF>.<CR><LF>\n\
             Subject: report number {session} of the long running test series\n\
             \n"
        ));
        for line in 0..10 {
            out.push_str(&format!(
                "line {line} of message {session}: the quick brown fox jumps over the lazy dog again and again\n"
            ));
        }
        out.push_str(".\nS: 250 2.0.0 Ok: queued as ABC\nC: QUIT\nS: 221 2.0.0 Bye\n");
    }
    out.push_str("S: 535 5.7.8 Error: authentication failed\n");
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_log_is_analyzed_in_the_worker_and_shows_the_engines_findings() {
    let text = long_log();
    assert!(text.len() > 900_000, "{}", text.len());
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.wait_for("[data-testid=analyze-page]").await;

    let during = during(
        &h,
        "analyze-input",
        &text,
        "analyze-submit",
        "analyze-heading",
    )
    .await;
    assert_answered_meanwhile(&during);
    let started = Instant::now();
    wait_computed(&h).await;
    println!(
        "a {} byte log: the worker's analysis after about {} ms",
        text.len(),
        started.elapsed().as_millis()
    );
    assert!(fetched_engine_worker(&h).await);
    h.wait_for("[data-testid=analyze-finding]").await;

    // The engine's analysis of the same text, natively (the page is in Chinese now).
    let engine = analyze(&text);
    assert!(!engine.findings.is_empty());
    let shown = h
        .js(
            "return [...document.querySelectorAll('[data-testid=analyze-finding]')].map(e => ({ \
               kind: e.getAttribute('data-kind'), cause: e.getAttribute('data-cause'), \
               title: e.querySelector('[data-testid=analyze-finding-title]').textContent, \
               what: e.querySelector('[data-testid=analyze-finding-what]').textContent }))",
        )
        .await;
    let shown = shown.as_array().expect("a list");
    assert_eq!(shown.len(), engine.findings.len(), "{shown:?}");
    for (shown, finding) in shown.iter().zip(&engine.findings) {
        assert_eq!(shown["kind"], finding.kind.id());
        assert_eq!(shown["cause"], finding.cause);
        assert_eq!(shown["title"], finding.title.zh.as_ref());
        assert!(
            shown["what"]
                .as_str()
                .is_some_and(|w| w.contains(finding.what.zh.as_ref())),
            "{shown} / {}",
            finding.what.zh
        );
    }
    let formats = h
        .js("return [...document.querySelectorAll('[data-testid=analyze-format]')].map(e => e.getAttribute('data-format'))")
        .await;
    let want: Vec<&str> = engine.formats.iter().map(|f| f.id()).collect();
    assert_eq!(formats, serde_json::json!(want));
    // The rows and the sequence are added in parts, a part per task: all of them come.
    let count = |css: &'static str| {
        let h = &h;
        async move {
            h.js(&format!("return document.querySelectorAll('{css}').length"))
                .await
                .as_u64()
                .unwrap_or(0)
        }
    };
    let (rows, steps) = (
        engine.lines.len().min(500) as u64,
        engine.sequence.len() as u64,
    );
    assert!(
        steps > 100,
        "a sequence long enough to come in parts: {steps}"
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while (
        count("[data-testid=analyze-line]").await,
        count(".sequence-step").await,
    ) != (rows, steps)
    {
        assert!(
            Instant::now() < deadline,
            "the first {rows} lines and {steps} steps never all showed: {} and {}",
            count("[data-testid=analyze-line]").await,
            count(".sequence-step").await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // "Show all" adds the other lines in parts too, in order, until every one is there.
    // Meanwhile a status says how far it is, and goes once all are there. A part adds its
    // lines without drawing the earlier chunks again.
    h.js("window.chunksRedrawn = 0; \
         new MutationObserver((changes) => { \
           for (const change of changes) for (const node of change.removedNodes) \
             if (node.matches && node.matches('.aline-chunk')) window.chunksRedrawn++; \
         }).observe(document.querySelector('[data-testid=analyze-lines]'), \
           { childList: true, subtree: true }); \
         return true;")
        .await;
    h.click("analyze-show-all").await;
    let all = engine.lines.len() as u64;
    let deadline = Instant::now() + Duration::from_secs(60);
    // The status's own text stays as it is (a screen reader reads each change out); the
    // count beside it moves.
    let mut statuses = std::collections::BTreeSet::new();
    let mut counts = std::collections::BTreeSet::new();
    while count("[data-testid=analyze-line]").await != all {
        assert!(
            Instant::now() < deadline,
            "all {all} lines never showed: {}",
            count("[data-testid=analyze-line]").await
        );
        let adding = h
            .js(
                "const p = document.querySelector('[data-testid=analyze-lines-adding]'); \
                 return p && [p.querySelector('[role=status]').textContent, \
                   p.querySelector('[data-testid=analyze-lines-count]').textContent]",
            )
            .await;
        if let Some([status, count]) = adding.as_array().map(Vec::as_slice) {
            statuses.insert(status.to_string());
            counts.insert(count.to_string());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        statuses.len(),
        1,
        "one status while the lines were added: {statuses:?}"
    );
    assert!(counts.len() > 1, "a count that moves: {counts:?}");
    while count("[data-testid=analyze-lines-adding]").await != 0 {
        assert!(
            Instant::now() < deadline,
            "the status stayed after every line was shown"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let last = h
        .js(
            "const rows = document.querySelectorAll('[data-testid=analyze-line]'); \
             return rows[rows.length - 1].getAttribute('data-line')",
        )
        .await;
    assert_eq!(last, Value::from(all.to_string()), "the last line, last");
    assert_eq!(
        h.js("return window.chunksRedrawn").await,
        0,
        "a chunk drawn again"
    );
    // The button went once clicked; the focus went on to the first line it added.
    let focused = h
        .js("return document.activeElement && document.activeElement.getAttribute('data-line')")
        .await;
    assert_eq!(
        focused,
        Value::from((rows + 1).to_string()),
        "the focus after Show all"
    );
    let chunks = count(".aline-chunk").await;
    assert!(
        chunks >= all / 150,
        "{all} lines in {chunks} chunks: about 100 lines a chunk"
    );
    h.close().await;
}

/// A link to the last of 20 000 lines shows that line at once, focused, while the lines
/// before it are still being added in parts; they all come, in order, and the line stays.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_to_a_late_line_shows_it_at_once_and_the_lines_before_it_follow() {
    let text = long_log();
    let engine = analyze(&text);
    let all = engine.lines.len();
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.wait_for("[data-testid=analyze-input]").await;
    h.client
        .execute(
            "const area = document.querySelector('[data-testid=analyze-input]'); \
             area.value = arguments[0]; \
             area.dispatchEvent(new Event('change', { bubbles: true })); \
             document.querySelector('[data-testid=analyze-submit]').click();",
            vec![Value::from(text.as_str())],
        )
        .await
        .expect("the log is put in and analyzed");
    let link = format!("[data-testid=analyze-line-link][data-line='{all}']");
    h.wait_for(&link).await;
    let at_once = h
        .js(&format!(
            "document.querySelector(\"{link}\").click(); \
             const line = document.getElementById('analyze-line-{all}'); \
             return {{ line: !!line, highlighted: !!line && line.classList.contains('highlighted'), \
               focused: document.activeElement === line, \
               shown: document.querySelectorAll('[data-testid=analyze-line]').length, \
               adding: !!document.querySelector('[data-testid=analyze-lines-adding]') }};"
        ))
        .await;
    // Yew draws in a microtask after the click: the answer comes from the task after it.
    let after = h
        .js(&format!(
            "const line = document.getElementById('analyze-line-{all}'); \
             return {{ line: !!line, highlighted: !!line && line.classList.contains('highlighted'), \
               focused: document.activeElement === line, \
               shown: document.querySelectorAll('[data-testid=analyze-line]').length, \
               adding: !!document.querySelector('[data-testid=analyze-lines-adding]') }};"
        ))
        .await;
    let state = if at_once["line"] == true {
        &at_once
    } else {
        &after
    };
    assert_eq!(state["line"], true, "{at_once} {after}");
    assert_eq!(state["highlighted"], true, "{state}");
    assert_eq!(state["focused"], true, "{state}");
    assert_eq!(state["adding"], true, "the other lines come later: {state}");
    assert!(
        state["shown"]
            .as_u64()
            .is_some_and(|n| (n as usize) < all / 2),
        "not every line before it at once: {state}"
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while h
        .js("return !!document.querySelector('[data-testid=analyze-lines-adding]')")
        .await
        == true
    {
        assert!(
            Instant::now() < deadline,
            "the lines before it never all came"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let numbers = h
        .js("return [...document.querySelectorAll('[data-testid=analyze-line]')].map(e => Number(e.getAttribute('data-line')))")
        .await;
    let want: Vec<usize> = (1..=all).collect();
    assert_eq!(numbers, serde_json::json!(want), "every line, in order");
    let still = h
        .js(&format!(
            "const line = document.getElementById('analyze-line-{all}'); \
             return line.classList.contains('highlighted') && document.activeElement === line"
        ))
        .await;
    assert_eq!(
        still, true,
        "the line a link asked for kept its place and the focus"
    );
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_checks_scram_with_a_million_iterations_in_the_worker() {
    use smtp_trainer::sasl::verify::{verify_with, Mechanism, Options, Verdict};
    // What a client sends for RFC 7677's inputs with a million iterations, and the
    // verifier's verdict on it, both natively.
    let engine = scram::client(
        scram::Hash::Sha256,
        "user",
        "pencil",
        "rOprNGfwEbeRWgbNEkqO",
        SERVER_FIRST_1M,
    )
    .expect("the engine computes it");
    let line = |id: &str| engine.step(id).map(|s| s.text()).unwrap_or_default();
    let response = format!(
        "{}\n{}",
        line("client-first-base64"),
        line("client-final-base64")
    );
    let native = verify_with(
        Mechanism::ScramSha256,
        SERVER_FIRST_1M,
        &response,
        Some("pencil"),
        &Options::default(),
    )
    .expect("the verifier reads it");
    assert_eq!(native.verdict, Some(Verdict::Valid));

    let h = Harness::start(BrowserLang::English).await;
    open_in_whole_app(&h, "#/verify", "verify-page").await;
    h.js(
        "const s = document.querySelector('[data-testid=verify-mechanism]'); \
          s.value = 'SCRAM-SHA-256'; s.dispatchEvent(new Event('change', { bubbles: true })); \
          return true",
    )
    .await;
    for (testid, value) in [
        ("verify-challenge", SERVER_FIRST_1M),
        ("verify-response", response.as_str()),
    ] {
        h.client
            .execute(
                "const [testid, value] = arguments; \
                 const c = document.querySelector(`[data-testid=${testid}]`); \
                 c.value = value; c.dispatchEvent(new InputEvent('input', { bubbles: true })); \
                 return true",
                vec![Value::from(testid), Value::from(value)],
            )
            .await
            .expect("filling the form");
    }
    assert!(!fetched_engine_worker(&h).await);
    // The password, then Verify: the indicator at once, and the page answers meanwhile.
    let during = during(
        &h,
        "verify-password",
        "pencil",
        "verify-submit",
        "verify-heading",
    )
    .await;
    assert_answered_meanwhile(&during);
    wait_computed(&h).await;
    assert!(fetched_engine_worker(&h).await);
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    let fields = h
        .js("return document.querySelectorAll('[data-testid=verify-field]').length")
        .await;
    assert_eq!(
        fields,
        Value::from(native.fields.len()),
        "the engine's fields"
    );

    // A shared link to the same check (password included) is checked through the worker
    // too, in a fresh page that opens it.
    let payload = smtp_trainer::share::pages::payload(
        &smtp_trainer::share::pages::VerifyShare {
            mechanism: Mechanism::ScramSha256,
            challenge: SERVER_FIRST_1M.to_string(),
            response: response.clone(),
            password: "pencil".to_string(),
            as_sent: false,
            transcript_mode: false,
            transcript: String::new(),
        },
        true,
    );
    h.open("#/").await;
    h.open(&format!("#/verify?s={payload}")).await;
    h.client.refresh().await.expect("reload");
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    assert!(
        fetched_engine_worker(&h).await,
        "the link's check ran in the worker"
    );
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_for_a_logs_scram_exchange_is_checked_in_the_worker() {
    use base64::Engine as _;
    use smtp_trainer::analyze::auth::verify_transcript;
    use smtp_trainer::sasl::verify::Verdict;
    let engine = scram::client(
        scram::Hash::Sha256,
        "user",
        "pencil",
        "rOprNGfwEbeRWgbNEkqO",
        SERVER_FIRST_1M,
    )
    .expect("the engine computes it");
    let line = |id: &str| engine.step(id).map(|s| s.text()).unwrap_or_default();
    let b64 = base64::engine::general_purpose::STANDARD;
    let log = format!(
        "S: 220 mx.example.org ESMTP Postfix\n\
         C: EHLO client.example.com\n\
         S: 250-mx.example.org\n\
         S: 250 AUTH SCRAM-SHA-256\n\
         C: AUTH SCRAM-SHA-256 {}\n\
         S: 334 {}\n\
         C: {}\n\
         S: 235 2.7.0 Authentication successful\n\
         C: QUIT\n\
         S: 221 2.0.0 Bye\n",
        line("client-first-base64"),
        b64.encode(SERVER_FIRST_1M),
        line("client-final-base64"),
    );
    // The engine's verdict on the log, natively.
    let native = verify_transcript(&log, Some("pencil"));
    assert_eq!(native.len(), 1, "one exchange");
    assert_eq!(
        native[0]
            .result
            .as_ref()
            .ok()
            .and_then(|r| r.verdict.clone()),
        Some(Verdict::Valid),
        "{:?}",
        native[0].result
    );

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.client
        .execute(
            "const a = document.querySelector('[data-testid=analyze-input]'); \
             a.value = arguments[0]; a.dispatchEvent(new Event('change', { bubbles: true })); \
             document.querySelector('[data-testid=analyze-submit]').click(); return true",
            vec![Value::from(log.as_str())],
        )
        .await
        .expect("pasting the log");
    h.wait_for("[data-testid=verify-exchange]").await;
    // Without a password nothing heavy ran: no worker.
    assert!(!fetched_engine_worker(&h).await);
    let during = during(&h, "analyze-password", "pencil", "", "analyze-heading").await;
    assert_answered_meanwhile(&during);
    wait_computed(&h).await;
    assert!(fetched_engine_worker(&h).await);
    h.wait_for("[data-testid=verify-exchange][data-verdict=valid]")
        .await;
    h.close().await;
}

/// In the page, GBK bytes that a Python 2 log printed escaped are decoded by the browser's
/// own `TextDecoder("gb18030")` (natively by encoding_rs): the analyzer's findings quote the
/// same decoded reply in both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gbk_log_lines_decode_as_natively() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/analyzer-corpus/007-smtplib-qq-535-gbk-zh.log"
    );
    let log = std::fs::read_to_string(path).expect("the fixture");
    let engine = analyze(&log);
    assert!(
        engine
            .findings
            .iter()
            .any(|f| f.what.en.contains("请使用授权码登录。详情请看")),
        "natively decoded: {:#?}",
        engine.findings
    );

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.wait_for("[data-testid=analyze-page]").await;
    h.client
        .execute(
            "const a = document.querySelector('[data-testid=analyze-input]'); \
             a.value = arguments[0]; a.dispatchEvent(new Event('change', { bubbles: true })); \
             document.querySelector('[data-testid=analyze-submit]').click(); return true",
            vec![Value::from(log.as_str())],
        )
        .await
        .expect("pasting the log");
    h.wait_for("[data-testid=analyze-finding]").await;
    let shown = h
        .js(
            "return [...document.querySelectorAll('[data-testid=analyze-finding]')].map(e => ({ \
               cause: e.getAttribute('data-cause'), \
               what: e.querySelector('[data-testid=analyze-finding-what]').textContent }))",
        )
        .await;
    let shown = shown.as_array().expect("a list");
    assert_eq!(shown.len(), engine.findings.len(), "{shown:?}");
    for (shown, finding) in shown.iter().zip(&engine.findings) {
        assert_eq!(shown["cause"], finding.cause);
        assert!(
            shown["what"]
                .as_str()
                .is_some_and(|w| w.contains(finding.what.en.as_ref())),
            "{shown} / {}",
            finding.what.en
        );
    }
    h.close().await;
}
