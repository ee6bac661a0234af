//! The split build (issue 13): a first visit to the console, the reference, Auth or Verify
//! loads that section's own module, not the whole app; opening another section hands
//! everything over to the whole app (the console's session and drafts, every Auth form,
//! the Verify form with its password, the language); a whole app that cannot be fetched
//! leaves the first page as it was and says so; offline after a first visit, the hand-over
//! works from the service worker's cache.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::Value;

use super::harness::{BrowserLang, Harness, WAIT};

/// The paths of the files this document has loaded (from the network or the service
/// worker alike).
async fn loaded(h: &Harness) -> Vec<String> {
    let value = h
        .js("return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")
        .await;
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

fn whole_app_loaded(paths: &[String]) -> bool {
    paths
        .iter()
        .any(|p| p.starts_with("/smtp-trainer-") && p.ends_with("_bg.wasm"))
}

/// Loads the page anew at `hash` (a new document, not a fragment change).
async fn fresh(h: &Harness, hash: &str) {
    h.open(hash).await;
    h.client.refresh().await.expect("reload");
    h.wait_for("[data-testid=app-name]").await;
}

async fn send_line(h: &Harness, line: &str) {
    h.wait_for("[data-testid=console-input]")
        .await
        .send_keys(&format!("{line}{}", Key::Enter))
        .await
        .expect("typing a command");
}

async fn value(h: &Harness, testid: &str) -> String {
    h.wait_for(&format!("[data-testid={testid}]"))
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}

async fn type_into(h: &Harness, testid: &str, text: &str) {
    let field = h.wait_for(&format!("[data-testid={testid}]")).await;
    field.clear().await.expect("clearing");
    field.send_keys(text).await.expect("typing");
}

/// The address, its module (`_<lang>` added when it comes in each language), a control.
const FIRST_PAGES: [(&str, &str, bool, &str); 4] = [
    ("#/console", "console_page", true, "console-input"),
    ("#/reference/553", "reference_page", false, "detail-code"),
    ("#/auth/cram-md5", "auth_page", true, "auth-step"),
    ("#/verify", "verify_page", true, "verify-challenge"),
];

fn module_in(module: &str, in_language: bool, lang: &str) -> String {
    if in_language {
        format!("{module}_{lang}")
    } else {
        module.to_string()
    }
}

/// The stylesheets this document has, in the cascade's order, by file name without its
/// content hash (`style-1a2b….css` and `compose-3c4d….css` are `style` and `compose`).
async fn sheets(h: &Harness) -> Vec<String> {
    let value = h
        .js(
            "return [...document.styleSheets].map(s => new URL(s.href).pathname.slice(1)\
             .replace(/\\.css$/, '').replace(/-[0-9a-f]+$/, ''))",
        )
        .await;
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

/// The other sections' stylesheets, which come with the whole app.
const SECTION_SHEETS: [&str; 3] = ["compose", "learn", "msgauth"];

/// Asserts that the page loaded `module` and not the whole app, and style.css alone of
/// the stylesheets.
async fn loaded_alone(h: &Harness, hash: &str, module: &str) {
    let paths = loaded(h).await;
    assert!(
        paths.iter().any(|p| p == &format!("/{module}_bg.wasm")),
        "{hash} loads {module}: {paths:?}"
    );
    assert!(
        !whole_app_loaded(&paths),
        "{hash} does not load the whole app: {paths:?}"
    );
    assert_eq!(sheets(h).await, ["style"], "{hash} has style.css alone");
    assert!(
        !paths
            .iter()
            .any(|p| p.ends_with(".css") && !p.starts_with("/style-")),
        "{hash} fetches no other stylesheet: {paths:?}"
    );
}

/// Asserts that the whole app has every section's stylesheet after style.css, and that
/// they apply where the page shows a part they style: the columns of the compose page and
/// of the mailbox (compose.css).
async fn whole_app_styled(h: &Harness) {
    let mut expected = vec!["style"];
    expected.extend(SECTION_SHEETS);
    assert_eq!(sheets(h).await, expected, "the whole app's stylesheets");
    let columns = h
        .js(
            "return [...document.querySelectorAll('.compose-layout, .mailbox-layout')]\
             .map(e => getComputedStyle(e).display)",
        )
        .await;
    let columns: Vec<String> = serde_json::from_value(columns).unwrap_or_default();
    assert!(
        columns.iter().all(|d| d == "grid"),
        "compose.css applies: {columns:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_first_page_loads_its_own_module_and_works() {
    let h = Harness::start(BrowserLang::English).await;
    for (hash, module, in_language, ready) in FIRST_PAGES {
        fresh(&h, hash).await;
        h.wait_for(&format!("[data-testid={ready}]")).await;
        loaded_alone(&h, hash, &module_in(module, in_language, "en")).await;
    }
    // The section's own module is the real page: the console answers.
    fresh(&h, "#/console").await;
    send_line(&h, "EHLO learner.example").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("250 CHUNKING")
    })
    .await;
    // Any other section is the whole app from the start, with its stylesheets.
    fresh(&h, "#/compose").await;
    h.wait_for("[data-testid=compose-page]").await;
    assert!(whole_app_loaded(&loaded(&h).await));
    h.wait_for(".compose-layout").await;
    whole_app_styled(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_first_page_comes_in_the_learners_language_and_the_other_hands_over() {
    // A Chinese browser gets each section's Chinese module, in Chinese.
    let h = Harness::start(BrowserLang::Chinese).await;
    for (hash, module, in_language, ready) in FIRST_PAGES {
        fresh(&h, hash).await;
        h.wait_for(&format!("[data-testid={ready}]")).await;
        loaded_alone(&h, hash, &module_in(module, in_language, "zh")).await;
        h.wait_text("[data-testid=nav-console]", |t| t == "控制台")
            .await;
    }
    // Nothing was chosen, so nothing is stored: the browser's languages go on deciding.
    assert_eq!(
        h.js("return localStorage.getItem('smtp-trainer.lang')")
            .await,
        Value::Null,
        "the language a page starts in is not written back"
    );
    // The reference's module reads both languages: an English word finds the reply in
    // the Chinese page too.
    fresh(&h, "#/reference/553").await;
    type_into(&h, "reference-search", "saslauthd").await;
    h.wait_text("[data-testid=reference-results]", |t| {
        t.contains("535") && !t.contains("553")
    })
    .await;

    // English, chosen on Verify's Chinese page, is the whole app's: the form comes along.
    fresh(&h, "#/verify").await;
    type_into(&h, "verify-password", "tanstaaftanstaaf").await;
    h.click("lang-en").await;
    h.wait_text("[data-testid=nav-console]", |t| t == "Console")
        .await;
    assert!(whole_app_loaded(&loaded(&h).await));
    whole_app_styled(&h).await;
    assert_eq!(value(&h, "verify-password").await, "tanstaaftanstaaf");
    assert_eq!(
        h.js("return localStorage.getItem('smtp-trainer.lang')")
            .await,
        Value::from("en"),
        "the learner's choice is stored"
    );
    // The choice is remembered: the next first visit starts the English module, even in a
    // Chinese browser.
    fresh(&h, "#/console").await;
    h.wait_for("[data-testid=console-input]").await;
    loaded_alone(&h, "#/console", "console_page_en").await;
    h.wait_text("[data-testid=nav-console]", |t| t == "Console")
        .await;
    h.js("localStorage.removeItem('smtp-trainer.lang')").await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_console_hands_its_session_drafts_and_language_to_the_whole_app() {
    let h = Harness::start(BrowserLang::English).await;
    fresh(&h, "#/console").await;
    for line in [
        "EHLO learner.example",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ] {
        send_line(&h, line).await;
    }
    let data = h.wait_for("[data-testid=console-data]").await;
    let enter = Key::Enter.to_string();
    data.send_keys(&format!("Subject: handed over{enter}{enter}hello{enter}."))
        .await
        .expect("typing the message");
    data.send_keys(&format!("{}{}", Key::Control, Key::Enter))
        .await
        .expect("Ctrl+Enter");
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("queued as")
    })
    .await;
    // Typed, not sent.
    h.wait_for("[data-testid=console-input]")
        .await
        .send_keys("NOOP")
        .await
        .expect("typing");
    let before = h
        .wait_for("[data-testid=console-transcript]")
        .await
        .text()
        .await
        .expect("text");
    assert!(!whole_app_loaded(&loaded(&h).await));

    // Chinese is the whole app's (the console's module holds English only): it comes,
    // in Chinese, with the same session, line for line, and the draft.
    h.click("lang-zh").await;
    h.wait_text("[data-testid=nav-console]", |t| t == "控制台")
        .await;
    assert!(whole_app_loaded(&loaded(&h).await));
    assert_eq!(
        h.js("return document.documentElement.lang").await,
        Value::from("zh-CN"),
        "the language came along"
    );
    let after = h
        .wait_text("[data-testid=console-transcript]", |t| {
            t.contains("queued as")
        })
        .await;
    let client = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("C: "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(client(&after), client(&before), "{after}");
    assert!(!client(&after).is_empty());
    assert_eq!(value(&h, "console-input").await, "NOOP");

    // The mailbox has the console's message.
    h.click("nav-mailbox").await;
    h.wait_text("[data-testid=mailbox-item-subject]", |t| t == "handed over")
        .await;
    // Back to the console: it goes on where it was, Enter sends the draft.
    h.click("nav-console").await;
    assert_eq!(value(&h, "console-input").await, "NOOP");
    send_line(&h, "").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("C: NOOP")
    })
    .await;
    h.js("localStorage.removeItem('smtp-trainer.lang')").await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_auth_or_verify_hands_over_every_form_passwords_included() {
    let h = Harness::start(BrowserLang::English).await;
    // Auth: two mechanisms' forms changed, CRAM-MD5's shown last.
    fresh(&h, "#/auth/plain").await;
    type_into(&h, "auth-input-user", "plain-user@example.com").await;
    h.js("location.hash = '#/auth/cram-md5'").await;
    h.wait_for("[data-testid=auth-input-challenge]").await;
    type_into(&h, "auth-input-password", "handed-over-secret").await;
    h.click("auth-next").await;
    let step = h
        .wait_for("[data-testid=auth-step]")
        .await
        .attr("data-step-id")
        .await
        .expect("attr")
        .unwrap_or_default();
    h.click("nav-compose").await;
    h.wait_for("[data-testid=compose-page]").await;
    assert!(whole_app_loaded(&loaded(&h).await));
    h.click("nav-auth").await;
    h.wait_for("[data-testid=auth-input-challenge]").await;
    assert_eq!(value(&h, "auth-input-password").await, "handed-over-secret");
    let shown = h
        .wait_for("[data-testid=auth-step]")
        .await
        .attr("data-step-id")
        .await
        .expect("attr")
        .unwrap_or_default();
    assert_eq!(shown, step, "the step shown came along");
    h.js("location.hash = '#/auth/plain'").await;
    h.wait_text("[data-testid=auth-heading]", |_| true).await;
    let deadline = Instant::now() + WAIT;
    while value(&h, "auth-input-user").await != "plain-user@example.com" {
        assert!(Instant::now() < deadline, "PLAIN's form came along");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Verify: RFC 2195's exchange with its password, checked, then another section.
    fresh(&h, "#/verify").await;
    type_into(
        &h,
        "verify-challenge",
        "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
    )
    .await;
    type_into(
        &h,
        "verify-response",
        "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw",
    )
    .await;
    type_into(&h, "verify-password", "tanstaaftanstaaf").await;
    h.click("verify-submit").await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    h.click("nav-analyze").await;
    h.wait_for("[data-testid=analyze-page]").await;
    h.click("nav-verify").await;
    assert_eq!(value(&h, "verify-password").await, "tanstaaftanstaaf");
    assert_eq!(
        value(&h, "verify-response").await,
        "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"
    );
    h.click("verify-submit").await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    h.close().await;
}

/// Forgets the service worker and its cache, so the next load is a first visit again (the
/// test server sends `Cache-Control: no-store`).
async fn forget_offline(h: &Harness) {
    h.client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             navigator.serviceWorker.getRegistrations() \
               .then(rs => Promise.all(rs.map(r => r.unregister()))) \
               .then(() => caches.keys()) \
               .then(ks => Promise.all(ks.map(k => caches.delete(k)))) \
               .then(() => done(true), e => done(String(e)));",
            vec![],
        )
        .await
        .expect("the service worker is forgotten");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_section_starts_cold_on_a_shaped_link_and_hands_over() {
    let h = Harness::start(BrowserLang::English).await;
    h.shape_network().await;
    for (hash, ready) in [
        ("#/", "console-input"),
        ("#/reference/553", "detail-code"),
        ("#/auth/digest-md5", "auth-step"),
        ("#/verify", "verify-challenge"),
        ("#/compose", "compose-page"),
        ("#/mailbox", "mailbox-page"),
        ("#/analyze", "analyze-page"),
        ("#/msgauth/dkim", "msgauth-page"),
        ("#/scenarios", "scenarios-page"),
        ("#/lessons", "lessons-page"),
    ] {
        forget_offline(&h).await;
        fresh(&h, hash).await;
        h.wait_for(&format!("[data-testid={ready}]")).await;
    }
    // From each first page to a section of the whole app, over the shaped link.
    for (hash, ready, to, arrived) in [
        (
            "#/console",
            "console-input",
            "nav-scenarios",
            "scenarios-page",
        ),
        (
            "#/reference/553",
            "detail-code",
            "nav-compose",
            "compose-page",
        ),
        ("#/auth/plain", "auth-step", "nav-lessons", "lessons-page"),
        (
            "#/verify",
            "verify-challenge",
            "nav-msgauth",
            "msgauth-page",
        ),
    ] {
        forget_offline(&h).await;
        fresh(&h, hash).await;
        h.wait_for(&format!("[data-testid={ready}]")).await;
        h.click(to).await;
        h.wait_for(&format!("[data-testid={arrived}]")).await;
        assert!(whole_app_loaded(&loaded(&h).await), "{hash} → {to}");
    }
    assert!(
        h.requested().iter().all(|(_, exists)| *exists),
        "every request was for a file of dist/"
    );
    h.close().await;
}

/// A copy of dist/ (named after `tag`) without its file `prefix…suffix` (a host that
/// lost it, or a first visit that went offline), moved aside to `kept.<its extension>`:
/// the copy and the file's own path, to put it back.
fn dist_without(tag: &str, prefix: &str, suffix: &str) -> (PathBuf, PathBuf) {
    let to = super::harness::copy_dist(tag);
    let file = std::fs::read_dir(&to)
        .expect("the copy")
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(suffix))
        })
        .unwrap_or_else(|| panic!("{prefix}…{suffix} is in dist"));
    let extension = file.extension().map(|e| e.to_string_lossy().into_owned());
    let kept = to.join(format!("kept.{}", extension.unwrap_or_default()));
    std::fs::rename(&file, kept).expect("moving it aside");
    (to, file)
}

/// A copy of dist/ without the whole app's wasm.
fn dist_without_whole_app(tag: &str) -> (PathBuf, PathBuf) {
    dist_without(tag, "smtp-trainer-", "_bg.wasm")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_app_that_cannot_load_leaves_the_first_page_as_it_was() {
    let (dist, whole) = dist_without_whole_app("no-whole");
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    fresh(&h, "#/console").await;
    send_line(&h, "EHLO learner.example").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("250 CHUNKING")
    })
    .await;
    h.click("nav-compose").await;
    let failed = h
        .wait_text("[data-testid=section-load-failed]", |t| !t.is_empty())
        .await;
    assert!(failed.contains("could not be loaded"), "{failed}");
    assert!(failed.contains("404"), "the reason is named: {failed}");
    // The console is one link away, as it was.
    h.click("nav-console").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("C: EHLO learner.example")
    })
    .await;
    // Opening the section again tries again; then the file is back and "Try again" brings
    // the whole app, with the session.
    h.click("nav-compose").await;
    h.wait_for("[data-testid=section-load-failed]").await;
    std::fs::rename(dist.join("kept.wasm"), &whole).expect("putting it back");
    h.click("section-retry").await;
    h.wait_for("[data-testid=compose-page]").await;
    h.click("nav-console").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("C: EHLO learner.example")
    })
    .await;
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sections_stylesheet_that_cannot_load_stops_the_whole_app_like_its_module() {
    // learn.css, named by its content.
    let (dist, sheet) = dist_without("no-sheet", "learn-", ".css");
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    fresh(&h, "#/verify").await;
    type_into(&h, "verify-password", "tanstaaftanstaaf").await;
    h.click("nav-analyze").await;
    let failed = h
        .wait_text("[data-testid=section-load-failed]", |t| !t.is_empty())
        .await;
    assert!(failed.contains("learn-"), "the sheet is named: {failed}");
    // Back on Verify, the form is as it was; with the sheet back, "Try again" brings the
    // whole app, styled, with the form.
    std::fs::rename(dist.join("kept.css"), &sheet).expect("putting it back");
    h.click("section-retry").await;
    h.wait_for("[data-testid=analyze-page]").await;
    whole_app_styled(&h).await;
    h.click("nav-verify").await;
    assert_eq!(value(&h, "verify-password").await, "tanstaaftanstaaf");
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offline_after_a_first_visit_the_hand_over_comes_from_the_cache() {
    let h = Harness::start(BrowserLang::English).await;
    fresh(&h, "#/console").await;
    let deadline = Instant::now() + WAIT;
    while h.js("return !!navigator.serviceWorker.controller").await != Value::Bool(true) {
        assert!(
            Instant::now() < deadline,
            "a service worker controls the page"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    h.set_offline(true);
    fresh(&h, "#/console").await;
    send_line(&h, "EHLO offline.example").await;
    h.wait_text("[data-testid=console-transcript]", |t| t.contains("250"))
        .await;
    h.click("nav-mailbox").await;
    h.wait_for("[data-testid=mailbox-page]").await;
    // The whole app's stylesheets came from the cache too (a sheet that cannot be loaded
    // stops the whole app).
    whole_app_styled(&h).await;
    h.click("nav-console").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("C: EHLO offline.example")
    })
    .await;
    h.close().await;
}

/// Records, when the first page's first input or text area enters the document (where
/// `cargo xtask bench-page` stops its clock), which parts of the page are there already.
const AT_FIRST_INPUT: &str = r#"(() => {
  // The app's own input, not the loader's first frame.
  const seen = () => [...document.querySelectorAll("main input, main textarea")]
    .some((e) => e.closest("[data-first-frame]") === null);
  const observer = new MutationObserver(() => {
    if (window.atFirstInput === undefined && seen()) {
      observer.disconnect();
      const app = (css) => [...document.querySelectorAll(css)]
        .filter((e) => e.closest("[data-first-frame]") === null);
      const ids = app("[data-testid]").map((e) => e.dataset.testid);
      window.atFirstInput = { ids, entries: app(".entry").length };
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();"#;

/// The first pages draw their input in a first frame without what lies beside or below
/// it, then add the rest on their own (issue 13): the console's side column, ladder and
/// mailbox, Auth's flow diagram, the reference's list beyond its first screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_pages_draw_the_input_first_then_the_rest_unasked() {
    let h = Harness::start(BrowserLang::English).await;
    h.on_every_document(AT_FIRST_INPUT).await;
    let pages: [(&str, &str, &[&str]); 3] = [
        (
            "#/console",
            "console-input",
            &[
                "console-accounts",
                "console-base64",
                "console-policies",
                "console-fault",
                "console-ladder",
                "console-mailbox",
            ],
        ),
        ("#/auth/cram-md5", "auth-input-challenge", &["auth-flow"]),
        (
            "#/reference/553",
            "reference-search",
            &["reference-item-X.7.1"],
        ),
    ];
    for (hash, input, later) in pages {
        fresh(&h, hash).await;
        for id in later {
            h.wait_for(&format!("[data-testid='{id}']")).await;
        }
        let first = h.js("return window.atFirstInput").await;
        let ids: Vec<String> = serde_json::from_value(first["ids"].clone())
            .unwrap_or_else(|e| panic!("{hash}: {first}: {e}"));
        assert!(ids.iter().any(|id| id == input), "{hash}: {ids:?}");
        for id in later {
            assert!(
                !ids.iter().any(|i| i == id),
                "{hash}: {id} waits for the first frame: {ids:?}"
            );
        }
    }
    // The reference's list: a screenful at first, every entry once the page is drawn.
    let all = smtp_trainer::smtp::reference::search("").len();
    let first = h.js("return window.atFirstInput.entries").await;
    let first = first.as_u64().unwrap_or_else(|| panic!("{first}"));
    assert!(first > 0 && (first as usize) < all, "{first} of {all}");
    let deadline = Instant::now() + WAIT;
    loop {
        let now = h
            .js("return document.querySelectorAll('.entry').length")
            .await;
        if now.as_u64() == Some(all as u64) {
            break;
        }
        assert!(Instant::now() < deadline, "{now} entries, not {all}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    h.close().await;
}
