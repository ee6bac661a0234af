//! The real page in headless Chromium: the release `dist/` served on 127.0.0.1 from inside
//! the test, driven through chromedriver with fantoccini.
//!
//! Run by `cargo xtask test` (which builds `dist/` and installs chromium first); a missing
//! browser or dist is a failure. The `data-testid` hooks used here are listed in
//! `docs/testing.md`.

mod harness;

use fantoccini::key::Key;
use harness::{BrowserLang, Harness};
use smtp_trainer::i18n::{Lang, Msg};
use smtp_trainer::smtp::codes::{EnhancedCode, ReplyCode};
use smtp_trainer::smtp::reference::{enhanced_info, reply_info};

fn info_553() -> &'static smtp_trainer::smtp::reference::ReplyInfo {
    let code = ReplyCode::parse("553").expect("553 is a reply code");
    reply_info(code).expect("553 is in the reference")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_loads_without_console_errors_and_requests_only_its_own_files() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/").await;
    h.wait_for("[data-testid=reference-page]").await;
    // Use the page a little, so lazy requests (if any) would happen too.
    h.open("#/reference/553").await;
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    h.click("lang-zh").await;
    h.wait_text("[data-testid=detail-title]", |t| t == info_553().title.zh)
        .await;

    let console = h.console().await;
    let problems: Vec<_> = console
        .iter()
        .filter(|e| {
            let level = e["level"].as_str().unwrap_or("");
            level == "SEVERE" || level == "WARNING"
        })
        .collect();
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );

    let requested = h.requested();
    assert!(
        requested.iter().any(|(p, _)| p.ends_with(".wasm")),
        "the wasm was loaded from the test server: {requested:?}"
    );
    let missing: Vec<_> = requested.iter().filter(|(_, ok)| !ok).collect();
    assert!(
        missing.is_empty(),
        "the page asked for files dist/ does not have: {missing:?}"
    );

    // Everything the page fetched, as the browser itself counts it (Resource Timing).
    let urls = h
        .js("return performance.getEntries().filter(e => e.name.includes('://')).map(e => e.name)")
        .await;
    let urls: Vec<&str> = urls
        .as_array()
        .expect("an array of URLs")
        .iter()
        .filter_map(|u| u.as_str())
        .collect();
    assert!(
        !urls.is_empty(),
        "resource timing lists the page's own files"
    );
    let foreign: Vec<_> = urls
        .iter()
        .filter(|u| !u.starts_with(&format!("{}/", h.origin)))
        .collect();
    assert!(
        foreign.is_empty(),
        "the page made requests beyond its origin: {foreign:?}"
    );
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reference_search_finds_553_and_enter_shows_its_explanation() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/reference").await;
    h.wait_for("[data-testid=reference-hint]").await;
    let search = h.wait_for("[data-testid=reference-search]").await;
    search.send_keys("553").await.expect("typing");

    h.wait_for("[data-testid=reference-item-553]").await;
    let results = h
        .wait_text("[data-testid=reference-results]", |t| !t.contains("554"))
        .await;
    assert!(results.contains(info_553().title.en), "{results}");
    assert!(!results.contains("550"), "only 553 matches: {results}");

    search
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    let info = info_553();
    h.wait_text("[data-testid=detail-title]", |t| t == info.title.en)
        .await;
    let when = h
        .wait_text("[data-testid=detail-when]", |t| !t.is_empty())
        .await;
    assert_eq!(when, info.when.en);
    let action = h
        .wait_text("[data-testid=detail-action]", |t| !t.is_empty())
        .await;
    assert_eq!(action, info.action.en);
    let detail = h
        .wait_text("[data-testid=reference-detail]", |t| {
            t.contains("553 Mail from")
        })
        .await;
    assert!(
        detail.contains("553 Mail from must equal authorized user"),
        "{detail}"
    );

    let url = h.client.current_url().await.expect("url");
    assert_eq!(url.fragment(), Some("/reference/553"));

    // Search by word, in the other language than the UI's.
    let search = h.wait_for("[data-testid=reference-search]").await;
    search.clear().await.expect("clear");
    search.send_keys("saslauthd").await.expect("typing");
    h.wait_text("[data-testid=reference-results]", |t| {
        t.contains("535") && !t.contains("553")
    })
    .await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_switch_changes_every_visible_string_and_is_remembered() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/reference/553").await;
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    // Rendered text: CSS may upper-case a heading, so compare without case.
    let english = h.body_text().await.to_lowercase();
    let shown: Vec<Msg> = Msg::ALL
        .iter()
        .copied()
        .filter(|m| english.contains(&m.text().en.to_lowercase()))
        .collect();
    assert!(
        shown.len() >= 10,
        "the English page shows the UI's labels: {shown:?}"
    );

    h.click("lang-zh").await;
    let heading = Msg::ReferenceHeading.text().zh;
    h.wait_text("[data-testid=reference-heading]", |t| t == heading)
        .await;
    let chinese = h.body_text().await;
    let chinese_lower = chinese.to_lowercase();
    for msg in &shown {
        let text = msg.text();
        assert!(
            !chinese_lower.contains(&text.en.to_lowercase()),
            "{msg:?} still shows {:?} in Chinese",
            text.en
        );
        assert!(chinese.contains(text.zh), "{msg:?} lacks {:?}", text.zh);
    }
    let info = info_553();
    for zh in [info.title.zh, info.when.zh, info.action.zh] {
        assert!(chinese.contains(zh), "the explanation is in Chinese: {zh}");
    }
    let lang = h
        .js("return document.documentElement.lang + '|' + document.title")
        .await;
    assert_eq!(
        lang.as_str(),
        Some(format!("{}|{}", Lang::Zh.tag(), Msg::AppName.text().zh).as_str())
    );

    // Remembered across a reload.
    h.client.refresh().await.expect("reload");
    h.wait_text("[data-testid=reference-heading]", |t| t == heading)
        .await;
    let pressed = h
        .wait_for("[data-testid=lang-zh]")
        .await
        .attr("aria-pressed")
        .await
        .expect("attribute");
    assert_eq!(pressed.as_deref(), Some("true"));

    // And back.
    h.click("lang-en").await;
    h.wait_text("[data-testid=reference-heading]", |t| {
        t == Msg::ReferenceHeading.text().en
    })
    .await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chinese_browser_gets_chinese_by_default() {
    let h = Harness::start(BrowserLang::Chinese).await;
    h.open("#/").await;
    h.wait_text("[data-testid=reference-heading]", |t| {
        t == Msg::ReferenceHeading.text().zh
    })
    .await;
    let pressed = h
        .wait_for("[data-testid=lang-zh]")
        .await
        .attr("aria-pressed")
        .await
        .expect("attribute");
    assert_eq!(pressed.as_deref(), Some("true"));
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_links_open_the_right_code() {
    let h = Harness::start(BrowserLang::English).await;

    h.open("#/reference/553").await;
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    h.wait_text("[data-testid=detail-title]", |t| t == info_553().title.en)
        .await;

    let x78 = enhanced_info(EnhancedCode::parse("5.7.8").expect("code")).expect("X.7.8 entry");
    h.open("#/reference/5.7.8").await;
    h.wait_text("[data-testid=detail-enhanced-code]", |t| t == "5.7.8")
        .await;
    h.wait_text("[data-testid=detail-enhanced-title]", |t| t == x78.title.en)
        .await;

    h.open("#/reference/553/5.7.1").await;
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    h.wait_text("[data-testid=detail-enhanced-code]", |t| t == "5.7.1")
        .await;

    // A well-formed code no reference lists: its digits are read anyway.
    h.open("#/reference/556").await;
    h.wait_text("[data-testid=detail-unknown]", |t| t.contains("556"))
        .await;
    h.wait_text("[data-testid=detail-digits]", |t| t.contains("5yz"))
        .await;

    // A malformed one says why.
    h.open("#/reference/650").await;
    h.wait_text("[data-testid=reference-error]", |t| {
        t.contains("first digit")
    })
    .await;

    h.open("#/no/such/page").await;
    h.wait_for("[data-testid=not-found]").await;
    h.close().await;
}
