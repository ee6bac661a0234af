//! The real page in headless Chromium: the release `dist/` served on 127.0.0.1 from inside
//! the test, driven through chromedriver with fantoccini.
//!
//! Run by `cargo xtask test` (which builds `dist/` and installs chromium first); a missing
//! browser or dist is a failure. The `data-testid` hooks used here are listed in
//! `docs/testing.md`.

mod harness;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;
use harness::{BrowserLang, Harness};
use smtp_trainer::i18n::{Lang, Msg};
use smtp_trainer::smtp::codes::{EnhancedCode, ReplyCode};
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::reference::{enhanced_info, reply_info};
use smtp_trainer::smtp::server::{Event, Server, ServerConfig};
use smtp_trainer::smtp::why::{Detail, Situation, Why};

fn info_553() -> &'static smtp_trainer::smtp::reference::ReplyInfo {
    let code = ReplyCode::parse("553").expect("553 is a reply code");
    reply_info(code).expect("553 is in the reference")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_loads_without_console_errors_and_requests_only_its_own_files() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/reference").await;
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
    h.open("#/reference").await;
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

/// The last element matching `css` (the newest line of the transcript, say).
async fn last(h: &Harness, css: &str) -> Element {
    h.wait_for(css).await;
    h.client
        .find_all(Locator::Css(css))
        .await
        .expect("elements")
        .into_iter()
        .last()
        .unwrap_or_else(|| panic!("no {css}"))
}

/// What the engine answers, natively, to `lines` in the console's setting (the default
/// profile, the page's demo accounts and client): the last reply's first wire line, with
/// its code and enhanced code as the reference link names them.
fn engine_reply(lines: &[&str]) -> (String, String) {
    let config = ServerConfig::new(Profile::Postfix)
        .with_account("alice@example.com", "secret")
        .with_account("bob@example.com", "hunter2");
    let mut server = Server::new(config, "192.0.2.10", "now").with_client_name("learner.example");
    let mut last = None;
    for line in lines {
        for event in server.receive(format!("{line}\r\n").as_bytes()) {
            if let Event::Reply(reply) = event {
                last = Some(reply);
            }
        }
    }
    let reply = last.expect("the engine replied");
    let link = match reply.enhanced {
        Some(enhanced) => format!("/reference/{}/{enhanced}", reply.code),
        None => format!("/reference/{}", reply.code),
    };
    (reply.wire_lines()[0].clone(), link)
}

/// Types `line` into the console's single-line input and presses Enter.
async fn send_line(h: &Harness, line: &str) {
    let input = h.wait_for("[data-testid=console-input]").await;
    input
        .send_keys(&format!("{line}{}", Key::Enter))
        .await
        .expect("typing a command");
}

/// Waits until the transcript contains `text`; returns the transcript.
async fn transcript_shows(h: &Harness, text: &str) -> String {
    h.wait_text("[data-testid=console-transcript]", |t| t.contains(text))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_sends_a_message_and_explains_a_typo_in_both_languages() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/console").await;
    transcript_shows(&h, "220 mail.example.com ESMTP Postfix").await;

    send_line(&h, "EHLO learner.example").await;
    let transcript = transcript_shows(&h, "250 CHUNKING").await;
    for line in [
        "C: EHLO learner.example",
        "S: 250-mail.example.com",
        "250-PIPELINING",
        "250-AUTH PLAIN LOGIN",
    ] {
        assert!(transcript.contains(line), "{line} in {transcript}");
    }

    send_line(&h, "MAIL FROM:<alice@example.com>").await;
    transcript_shows(
        &h,
        &engine_reply(&["EHLO learner.example", "MAIL FROM:<alice@example.com>"]).0,
    )
    .await;
    send_line(&h, "RCPT TO:<bob@example.com>").await;
    let rcpt = [
        "EHLO learner.example",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
    ];
    transcript_shows(&h, &engine_reply(&rcpt).0).await;
    h.wait_text("[data-testid=console-status-transaction]", |t| {
        t.contains("<alice@example.com>") && t.contains("<bob@example.com>")
    })
    .await;
    send_line(&h, "DATA").await;
    transcript_shows(&h, "354 End data with <CR><LF>.<CR><LF>").await;

    // DATA mode: a text area, sent line by line with Ctrl+Enter.
    let data = h.wait_for("[data-testid=console-data]").await;
    h.wait_text("[data-testid=console-data-hint]", |t| {
        t.contains("containing only .")
    })
    .await;
    let enter = Key::Enter.to_string();
    data.send_keys(&format!("Subject: hi{enter}{enter}hello{enter}."))
        .await
        .expect("typing the message");
    data.send_keys(&format!("{}{}", Key::Control, Key::Enter))
        .await
        .expect("Ctrl+Enter");
    let transcript = transcript_shows(&h, "queued as").await;
    for line in ["C: Subject: hi", "C: hello", "C: ."] {
        assert!(transcript.contains(line), "{line} in {transcript}");
    }
    let queued = transcript
        .lines()
        .find(|l| l.contains("queued as"))
        .unwrap_or_default();
    assert!(queued.starts_with("S: 250 "), "{queued}");
    h.wait_text("[data-testid=console-mailbox-count]", |t| t == "1")
        .await;
    let messages = h
        .client
        .find_all(Locator::Css("[data-testid=console-message]"))
        .await
        .expect("messages");
    assert_eq!(messages.len(), 1);
    let from = h
        .wait_text("[data-testid=console-message-from]", |t| !t.is_empty())
        .await;
    assert_eq!(from, "<alice@example.com>");
    let to = h
        .wait_text("[data-testid=console-message-to]", |t| !t.is_empty())
        .await;
    assert_eq!(to, "<bob@example.com>");
    let id = h
        .wait_text("[data-testid=console-message-id]", |t| !t.is_empty())
        .await;
    assert!(
        queued.ends_with(&id),
        "the mailbox lists {id}, the reply was {queued}"
    );
    // The single-line input is back, and has the focus.
    let focused = h
        .js("return document.activeElement && document.activeElement.dataset.testid")
        .await;
    assert_eq!(focused.as_str(), Some("console-input"));

    // The typo of seed 004, explained.
    send_line(&h, "RCPR TO:<x@example.com>").await;
    let (typo_reply, typo_link) =
        engine_reply(&["EHLO learner.example", "RCPR TO:<x@example.com>"]);
    assert!(typo_reply.starts_with('5'), "{typo_reply}");
    transcript_shows(&h, &typo_reply).await;
    last(&h, "[data-testid=console-reply]")
        .await
        .click()
        .await
        .expect("clicking the reply");
    let why = Why::with(Situation::Unrecognized, Detail::DidYouMean("RCPT"));
    let english = h
        .wait_text("[data-testid=console-explanation]", |t| {
            t.contains("Did you mean RCPT?")
        })
        .await;
    assert!(english.contains(&why.explain(Lang::En)), "{english}");
    let link = last(&h, "[data-testid=console-explanation] a").await;
    let href = link.attr("href").await.expect("href").unwrap_or_default();
    assert!(href.ends_with(&typo_link), "{href} links to {typo_link}");

    h.click("lang-zh").await;
    let chinese = h
        .wait_text("[data-testid=console-explanation]", |t| {
            t.contains("你是不是想输入 RCPT？")
        })
        .await;
    assert!(chinese.contains(&why.explain(Lang::Zh)), "{chinese}");
    assert!(!chinese.contains("Did you mean"), "{chinese}");
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_is_home_decodes_auth_and_keeps_its_session_across_pages() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/").await;
    h.wait_for("[data-testid=console-page]").await;
    send_line(&h, "EHLO learner.example").await;
    transcript_shows(&h, "250 CHUNKING").await;

    // AUTH LOGIN: each 334 and each answer decoded inline.
    send_line(&h, "AUTH LOGIN").await;
    transcript_shows(&h, "334 VXNlcm5hbWU6").await;
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("Username:")
    })
    .await;
    h.wait_text("[data-testid=console-status-expects]", |t| {
        t.contains("334")
    })
    .await;
    send_line(&h, &BASE64.encode("alice@example.com")).await;
    transcript_shows(&h, "334 UGFzc3dvcmQ6").await;
    let decoded = last(
        &h,
        "[data-testid=console-client-line] [data-testid=console-decoded]",
    )
    .await
    .text()
    .await
    .expect("text");
    assert!(decoded.contains("alice@example.com"), "{decoded}");
    send_line(&h, &BASE64.encode("secret")).await;
    let user = BASE64.encode("alice@example.com");
    let password = BASE64.encode("secret");
    let (accepted, _) = engine_reply(&["EHLO learner.example", "AUTH LOGIN", &user, &password]);
    assert!(accepted.starts_with("235"), "{accepted}");
    transcript_shows(&h, &accepted).await;
    h.wait_text("[data-testid=console-status-user]", |t| {
        t == "alice@example.com"
    })
    .await;

    // A new session; AUTH PLAIN with its initial response, NULs shown as ␀.
    h.click("console-reset").await;
    h.wait_text("[data-testid=console-status-user]", |t| {
        t != "alice@example.com"
    })
    .await;
    send_line(&h, "EHLO learner.example").await;
    let plain = BASE64.encode("\0alice@example.com\0secret");
    send_line(&h, &format!("AUTH PLAIN {plain}")).await;
    transcript_shows(&h, "␀alice@example.com␀secret").await;
    h.wait_text("[data-testid=console-status-user]", |t| {
        t == "alice@example.com"
    })
    .await;

    // The helper encodes the same.
    h.wait_for("[data-testid=console-plain-user]")
        .await
        .send_keys("alice@example.com")
        .await
        .expect("typing");
    h.wait_for("[data-testid=console-plain-password]")
        .await
        .send_keys("secret")
        .await
        .expect("typing");
    let out = h
        .js("return document.querySelector('[data-testid=console-plain-out]').value")
        .await;
    assert_eq!(out.as_str(), Some(plain.as_str()));

    // History and completion.
    let input = h.wait_for("[data-testid=console-input]").await;
    input.send_keys(&Key::Up.to_string()).await.expect("Up");
    let value = input.prop("value").await.expect("value");
    assert_eq!(
        value.as_deref(),
        Some(format!("AUTH PLAIN {plain}").as_str())
    );
    input.clear().await.expect("clear");
    input
        .send_keys(&format!("st{}", Key::Tab))
        .await
        .expect("Tab");
    let value = input.prop("value").await.expect("value");
    assert_eq!(value.as_deref(), Some("STARTTLS"));
    input
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    transcript_shows(&h, "TLS handshake (simulated)").await;

    // To the reference and back: the session is still there.
    h.click("nav-reference").await;
    h.wait_for("[data-testid=reference-page]").await;
    h.click("nav-console").await;
    let transcript = transcript_shows(&h, "TLS handshake (simulated)").await;
    assert!(transcript.contains(&accepted), "{transcript}");
    h.wait_text("[data-testid=console-status-tls]", |t| t.contains("active"))
        .await;

    let problems: Vec<_> = h
        .console()
        .await
        .into_iter()
        .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
        .collect();
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    h.close().await;
}
