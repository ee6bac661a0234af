//! The real page in headless Chromium: the release `dist/` served on 127.0.0.1 from inside
//! the test, driven through chromedriver with fantoccini.
//!
//! Run by `cargo xtask test` (which builds `dist/` and installs chromium first); a missing
//! browser or dist is a failure. The `data-testid` hooks used here are listed in
//! `docs/testing.md`.

mod capture;
mod compose;
mod diagrams;
mod engine;
mod first_frames;
mod harness;
mod learn;
mod msgauth;
mod offline;
mod phone;
mod sections;
mod share;

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

    // A provider's reason tags: folded under the bare code, open for a pasted reply.
    h.open("#/reference/554").await;
    h.wait_for("[data-testid=detail-provider-tags]").await;
    let search = h.wait_for("[data-testid=reference-search]").await;
    search
        .send_keys("554 DT:SPM 163 smtp14,EsCowAD3y2lhQ7dg_4JbAA--.7401S2 1634156386")
        .await
        .expect("typing");
    search
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("Enter");
    let tag = h
        .wait_text("[data-testid=detail-provider-tag]", |t| {
            t.contains("DT:SPM")
        })
        .await;
    assert!(tag.contains("发送的邮件内容包含了未被许可的信息"), "{tag}");
    assert!(tag.contains("help_spam_16.htm"), "{tag}");
    h.wait_text("[data-testid=detail-code]", |t| t == "554")
        .await;

    // An authentication refusal points to the check that finds out why (Gmail's 5.7.26:
    // DMARC), and the link opens that check.
    h.open("#/reference/550/5.7.26").await;
    h.wait_text("[data-testid=detail-message-checks]", |t| {
        t.contains("smtp-trainer dmarc check")
    })
    .await;
    let link = h.wait_for("[data-testid=detail-message-check]").await;
    assert_eq!(
        link.attr("href").await.expect("href").as_deref(),
        Some("#/msgauth/dmarc")
    );
    link.click().await.expect("clicking the DMARC check");
    let page = h
        .wait_for("[data-testid=msgauth-page][data-check=dmarc]")
        .await;
    assert!(page.is_displayed().await.expect("shown"));
    // A reply about something else points nowhere.
    h.open("#/reference/550/5.1.1").await;
    h.wait_text("[data-testid=detail-enhanced-code]", |t| t == "5.1.1")
        .await;
    assert!(h
        .client
        .find(Locator::Css("[data-testid=detail-message-checks]"))
        .await
        .is_err());

    // A well-formed code no reference lists: its digits are read anyway.
    h.open("#/reference/559").await;
    h.wait_text("[data-testid=detail-unknown]", |t| t.contains("559"))
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

    // A whole transaction pasted into the one-line input: each line is sent, as a terminal
    // sends it (the browser's input alone would join them into one command), and the
    // message's lines go in as the message, not into the command history.
    h.paste(
        "[data-testid=console-input]",
        "MAIL FROM:<alice@example.com>\r\nRCPT TO:<carol@example.com>\r\nDATA\r\n\
         Subject: pasted\r\n\r\nall at once\r\n.\r\nNO",
    )
    .await;
    h.wait_text("[data-testid=console-mailbox-count]", |t| t == "2")
        .await;
    let transcript = transcript_shows(&h, "C: all at once").await;
    for line in [
        "C: RCPT TO:<carol@example.com>",
        "C: Subject: pasted",
        "C: .",
    ] {
        assert!(transcript.contains(line), "{line} in {transcript}");
    }
    assert_eq!(transcript.matches("queued as").count(), 2, "{transcript}");
    // The rest stays in the input.
    h.wait_value("console-input", "NO").await;
    let input = h.wait_for("[data-testid=console-input]").await;
    input
        .send_keys(&format!("OP{}{}", Key::Enter, Key::Up))
        .await
        .expect("sending the rest, then recalling");
    transcript_shows(&h, "C: NOOP").await;
    h.wait_value("console-input", "NOOP").await;
    input
        .send_keys(&Key::Up.to_string())
        .await
        .expect("recalling the one before");
    // The message's lines are not commands to recall.
    h.wait_value("console-input", "DATA").await;
    h.js(
        "const i = document.querySelector('[data-testid=console-input]'); \
          i.value = ''; i.dispatchEvent(new InputEvent('input', { bubbles: true })); return true",
    )
    .await;

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

    // Chinese is the whole app's (the console's first module holds English only): it
    // takes over with the session replayed, and the reply explains itself in Chinese.
    h.click("lang-zh").await;
    h.wait_text("[data-testid=nav-console]", |t| t == "控制台")
        .await;
    transcript_shows(&h, &typo_reply).await;
    last(&h, "[data-testid=console-reply]")
        .await
        .click()
        .await
        .expect("clicking the reply");
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
    transcript_shows(&h, "TLS handshake (simulated in the page").await;

    // To the reference and back: the session is still there.
    h.click("nav-reference").await;
    h.wait_for("[data-testid=reference-page]").await;
    h.click("nav-console").await;
    let transcript = transcript_shows(&h, "TLS handshake (simulated in the page").await;
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

/// The browser console's errors and warnings since the last look.
async fn console_problems(h: &Harness) -> Vec<serde_json::Value> {
    h.console()
        .await
        .into_iter()
        .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
        .collect()
}

/// Every URL the page fetched (Resource Timing) that is not of its own origin, and every
/// path asked of the server that is not a file of dist/.
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

/// The auth page's current step id.
async fn auth_step_id(h: &Harness) -> String {
    h.wait_for("[data-testid=auth-step]")
        .await
        .attr("data-step-id")
        .await
        .expect("attribute")
        .unwrap_or_default()
}

/// Waits until the auth page shows a step other than `previous`; returns its id.
async fn auth_step_after(h: &Harness, previous: &str) -> String {
    let deadline = std::time::Instant::now() + harness::WAIT;
    while std::time::Instant::now() < deadline {
        let id = auth_step_id(h).await;
        if id != previous {
            return id;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the step stayed {previous:?}");
}

/// The browser console stayed clean and the page requested nothing beyond its own files.
async fn assert_clean_and_local(h: &Harness) {
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
    h.js(&format!(
        "return document.querySelector('[data-testid={testid}]').value"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_page_walks_the_rfc2831_trace_with_buttons_and_keys_in_both_languages() {
    use smtp_trainer::sasl::digest_md5;

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/auth/digest-md5").await;
    h.wait_for("[data-testid=auth-page]").await;
    assert_eq!(control_value(&h, "auth-mechanism").await, "digest-md5");
    h.click("auth-example-rfc2831").await;
    h.wait_text("[data-testid=auth-position]", |t| {
        t.starts_with("Step 1 of")
    })
    .await;

    // The engine's trace of the same example, natively; the page adds the decoded challenge.
    let engine = digest_md5::client(&digest_md5::rfc2831_example());
    let mut want = vec!["challenge"];
    want.extend(engine.steps.iter().map(|s| s.id));

    let mut seen = vec![auth_step_id(&h).await];
    let mut used_key = false;
    loop {
        let id = seen.last().cloned().unwrap_or_default();
        if let Some(step) = engine.step(&id) {
            // Each view is the engine's rendering of the step's bytes.
            let text = h.wait_text("[data-testid=auth-step-text]", |_| true).await;
            let label = h.wait_text("[data-testid=auth-step-label]", |_| true).await;
            assert_eq!(label, step.label.en, "{id}");
            if !step.bytes.is_empty() {
                assert_eq!(text, step.text(), "{id}");
                let hex = h.wait_text("[data-testid=auth-step-hex]", |_| true).await;
                assert_eq!(hex, step.hex(), "{id}");
                let b64 = h
                    .wait_text("[data-testid=auth-step-base64]", |_| true)
                    .await;
                assert_eq!(b64, step.base64(), "{id}");
            }
            match id.as_str() {
                "response" => assert_eq!(text, "d388dad90d4bbd760a152321f2143af7"),
                "rspauth" => assert_eq!(text, "ea40f60335c427b5527b84dbabcdfffd"),
                _ => {}
            }
        }
        let next = h.wait_for("[data-testid=auth-next]").await;
        if next
            .attr("aria-disabled")
            .await
            .expect("attribute")
            .as_deref()
            == Some("true")
        {
            break;
        }
        if !used_key && seen.len() == 3 {
            // → with the focus on Next (inside the stepper) moves on too.
            next.send_keys(&Key::Right.to_string())
                .await
                .expect("the → key");
            used_key = true;
        } else {
            next.click().await.expect("clicking Next");
        }
        seen.push(auth_step_after(&h, &id).await);
        assert!(
            seen.len() <= want.len(),
            "more steps than the engine: {seen:?}"
        );
    }
    assert!(used_key, "the → key was pressed");
    assert_eq!(seen, want, "every step, in the engine's order");
    assert_eq!(seen.last().map(String::as_str), Some("rspauth"));
    h.wait_text("[data-testid=auth-position]", |t| {
        t == format!("Step {} of {}", want.len(), want.len())
    })
    .await;

    // Copy: the clipboard, or (headless, no permission) the text selected for Ctrl+C.
    h.click("auth-copy-hex").await;
    h.wait_text("[data-testid=auth-copy-hex-status]", |t| {
        t == Msg::ConsoleCopied.text().en || t == Msg::ConsoleCopySelected.text().en
    })
    .await;

    // One step back.
    h.click("auth-prev").await;
    let back = auth_step_after(&h, "rspauth").await;
    assert_eq!(back, want[want.len() - 2]);
    let step = engine.step(&back).expect("a step of the engine");
    h.wait_text("[data-testid=auth-step-explain]", |t| t == step.explain.en)
        .await;

    // 中文: the same step, the engine's Chinese texts.
    h.click("lang-zh").await;
    h.wait_text("[data-testid=auth-heading]", |t| {
        t == Msg::AuthHeading.text().zh
    })
    .await;
    h.wait_text("[data-testid=auth-step-label]", |t| t == step.label.zh)
        .await;
    h.wait_text("[data-testid=auth-step-explain]", |t| t == step.explain.zh)
        .await;
    // And the last step, whose label differs between the languages.
    h.wait_for("[data-testid=auth-next]")
        .await
        .send_keys(&Key::End.to_string())
        .await
        .expect("End");
    let rspauth = engine.step("rspauth").expect("rspauth");
    assert_ne!(rspauth.label.en, rspauth.label.zh);
    h.wait_text("[data-testid=auth-step-label]", |t| t == rspauth.label.zh)
        .await;
    h.wait_text("[data-testid=auth-position]", |t| t.starts_with("第 "))
        .await;

    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verify_page_judges_the_examples_as_the_engine_does() {
    use smtp_trainer::sasl::cram_md5;
    use smtp_trainer::sasl::verify::{verify_with, Mechanism, Mistake, Options, Verdict};

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/verify").await;
    h.wait_for("[data-testid=verify-empty]").await;

    // RFC 2195, valid.
    h.click("verify-example-rfc2195-valid").await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    let fields = h
        .wait_text("[data-testid=verify-fields]", |t| t.contains("tim"))
        .await;
    assert!(
        fields.contains("b913a602c7eda7a495b4e6e7334d3890"),
        "{fields}"
    );

    // Upper-case hex: invalid, the engine's words, the first wrong step named and marked.
    h.click("verify-example-cram-uppercase").await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=invalid]")
        .await;
    let mistake = Mistake::UppercaseHex.describe(Lang::En);
    h.wait_text("[data-testid=verify-mistake]", |t| t == mistake)
        .await;
    let trace = cram_md5::client(
        "tim",
        "tanstaaftanstaaf",
        cram_md5::RFC2195_CHALLENGE.as_bytes(),
    );
    let first = trace
        .step(Mistake::UppercaseHex.first_step(Mechanism::CramMd5))
        .expect("the step is in the CRAM-MD5 trace");
    let named = h
        .wait_text("[data-testid=verify-first-step]", |t| {
            t.contains(first.label.en)
        })
        .await;
    assert!(named.contains(first.id), "{named}");
    let marked = h
        .wait_for("[data-testid=verify-step][data-first-wrong=true]")
        .await
        .attr("data-step-id")
        .await
        .expect("attribute");
    assert_eq!(marked.as_deref(), Some(first.id));

    // Ctrl+Enter: the same digest typed decoded is valid (the verdict is about the
    // computation), with a note on the form ...
    let response = h.wait_for("[data-testid=verify-response]").await;
    response.clear().await.expect("clear");
    response
        .send_keys("tim b913a602c7eda7a495b4e6e7334d3890")
        .await
        .expect("typing");
    response
        .send_keys(&format!("{}{}", Key::Control, Key::Enter))
        .await
        .expect("Ctrl+Enter");
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    h.wait_text("[data-testid=verify-notes]", |t| {
        t.contains("pasted decoded")
    })
    .await;
    // ... and only "exactly what the client sent" makes the missing base64 the mistake.
    h.click("verify-as-sent").await;
    h.click("verify-submit").await;
    let missing = Mistake::MissingBase64.describe(Lang::En);
    h.wait_text("[data-testid=verify-mistake]", |t| t == missing)
        .await;
    h.wait_text("[data-testid=verify-notes]", |t| {
        t.contains("without base64")
    })
    .await;
    h.click("verify-as-sent").await;

    // Every example: the page's verdict is the engine's, run natively on what the example
    // put into the form.
    let examples = h
        .js("return [...document.querySelectorAll('[data-testid^=verify-example-]')].map(e => e.dataset.testid)")
        .await;
    let examples: Vec<String> = examples
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    assert!(examples.len() >= 4, "{examples:?}");
    let mut previous = control_value(&h, "verify-response").await;
    for example in &examples {
        if example == "verify-example-transcript" {
            continue; // a whole transcript: checked in its own test
        }
        h.click(example).await;
        // Every example has its own response: wait for the form to show this one.
        let deadline = std::time::Instant::now() + harness::WAIT;
        while control_value(&h, "verify-response").await == previous {
            assert!(
                std::time::Instant::now() < deadline,
                "{example} filled nothing"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        previous = control_value(&h, "verify-response").await;
        let name = control_value(&h, "verify-mechanism").await;
        let mechanism = Mechanism::from_name(&name).expect("a mechanism");
        let challenge = control_value(&h, "verify-challenge").await;
        let response = control_value(&h, "verify-response").await;
        let password = control_value(&h, "verify-password").await;
        let as_sent = h
            .js("return document.querySelector('[data-testid=verify-as-sent]').checked")
            .await
            .as_bool()
            .expect("a checkbox");
        let options = Options {
            as_sent,
            ..Options::default()
        };
        let report = verify_with(mechanism, &challenge, &response, Some(&password), &options)
            .unwrap_or_else(|e| panic!("{example}: {}", e.describe(Lang::En)));
        match report.verdict {
            Some(Verdict::Valid) => {
                h.wait_text("[data-testid=verify-result]", |t| {
                    t.contains(Msg::VerifyValid.text().en)
                })
                .await;
            }
            Some(Verdict::Invalid(mistake)) => {
                let text = mistake.describe(Lang::En);
                h.wait_text("[data-testid=verify-mistake]", |t| t == text)
                    .await;
            }
            None => panic!("{example}: no verdict with a password"),
        }
    }

    // 中文.
    h.click("verify-example-cram-uppercase").await;
    h.click("lang-zh").await;
    let mistake = Mistake::UppercaseHex.describe(Lang::Zh);
    h.wait_text("[data-testid=verify-mistake]", |t| t == mistake)
        .await;
    h.wait_text("[data-testid=verify-first-step]", |t| {
        t.contains(first.label.zh)
    })
    .await;

    // Without a password: decoded and explained, no verdict.
    h.click("lang-en").await;
    let password = h.wait_for("[data-testid=verify-password]").await;
    password.clear().await.expect("clear");
    // Type and erase one character, so the input event surely reports the empty value.
    password
        .send_keys(&format!("x{}", Key::Backspace))
        .await
        .expect("typing");
    h.click("verify-submit").await;
    h.wait_for("[data-testid=verify-no-password]").await;
    h.wait_text("[data-testid=verify-fields]", |t| t.contains("tim"))
        .await;

    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_inputs_survive_navigation_errors_are_explained_and_nothing_is_stored() {
    use smtp_trainer::sasl::{digest_md5, ntlm};

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/auth/cram-md5").await;
    h.wait_for("[data-testid=auth-page]").await;

    // The password is hidden until shown.
    let password = h.wait_for("[data-testid=auth-input-password]").await;
    assert_eq!(
        password.attr("type").await.expect("attribute").as_deref(),
        Some("password")
    );
    h.click("auth-input-password-toggle").await;
    h.wait_for("[data-testid=auth-input-password][type=text]")
        .await;

    // Typed values, a step chosen from the list: all kept across a visit to another page.
    let secret = "correct horse battery staple";
    password.clear().await.expect("clear");
    password.send_keys(secret).await.expect("typing");
    let user = h.wait_for("[data-testid=auth-input-user]").await;
    user.clear().await.expect("clear");
    user.send_keys("learner").await.expect("typing");
    h.wait_text("[data-testid=auth-steps]", |t| t.contains("Digest"))
        .await;
    h.wait_for("[data-testid=auth-step-item][data-step-id=response-text]")
        .await
        .click()
        .await
        .expect("clicking a step in the list");
    let chosen = auth_step_after(&h, "challenge").await;
    assert_eq!(chosen, "response-text");
    h.click("nav-verify").await;
    h.wait_for("[data-testid=verify-page]").await;
    h.click("nav-auth").await;
    h.wait_for("[data-testid=auth-page]").await;
    assert_eq!(control_value(&h, "auth-mechanism").await, "cram-md5");
    assert_eq!(control_value(&h, "auth-input-password").await, secret);
    assert_eq!(control_value(&h, "auth-input-user").await, "learner");
    assert_eq!(auth_step_id(&h).await, chosen);
    let text = h
        .wait_text("[data-testid=auth-step-text]", |t| {
            t.starts_with("learner ")
        })
        .await;
    assert_eq!(text.len(), "learner ".len() + 32, "{text}");
    // Never written to storage.
    let stored = h
        .js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie")
        .await;
    assert!(
        !stored.as_str().unwrap_or_default().contains(secret),
        "the password was stored: {stored}"
    );

    // A DIGEST-MD5 challenge that does not parse: the engine's reason, in both languages.
    h.open("#/auth/digest-md5").await;
    let challenge = h.wait_for("[data-testid=auth-input-challenge]").await;
    challenge.clear().await.expect("clear");
    challenge
        .send_keys("realm=\"elwood.innosoft.com\",qop=\"auth\"")
        .await
        .expect("typing");
    let err = digest_md5::parse_challenge("realm=\"elwood.innosoft.com\",qop=\"auth\"")
        .expect_err("no nonce");
    let en = err.describe(Lang::En);
    h.wait_text("[data-testid=auth-error]", |t| t == en).await;
    h.click("lang-zh").await;
    let zh = err.describe(Lang::Zh);
    h.wait_text("[data-testid=auth-error]", |t| t == zh).await;
    h.click("lang-en").await;

    // NTLM: a challenge that is not base64.
    h.open("#/auth/ntlm").await;
    let challenge = h.wait_for("[data-testid=auth-input-ntlm-challenge]").await;
    challenge.clear().await.expect("clear");
    challenge
        .send_keys("not base64 at all!")
        .await
        .expect("typing");
    let en = ntlm::ParseError::NotBase64.describe(Lang::En);
    h.wait_text("[data-testid=auth-error]", |t| t == en).await;
    // The MS-NLMP example computes the spec's answer.
    h.click("auth-example-ms-nlmp").await;
    let want = ntlm::client_authenticate(&ntlm::MS_NLMP_4_2_4_CHALLENGE, &ntlm::ms_nlmp_example())
        .expect("the example decodes");
    let total = want.steps.len() + 2;
    h.wait_text("[data-testid=auth-position]", |t| {
        t == format!("Step 1 of {total}")
    })
    .await;

    // Every mechanism's first example gives a trace without an error.
    let mechanisms = h
        .js("return [...document.querySelectorAll('[data-testid=auth-mechanism] option')].map(o => o.value)")
        .await;
    let mechanisms: Vec<String> = mechanisms
        .as_array()
        .expect("options")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    assert_eq!(mechanisms.len(), 10, "{mechanisms:?}");
    for slug in &mechanisms {
        h.open(&format!("#/auth/{slug}")).await;
        h.wait_text("[data-testid=auth-about]", |t| !t.is_empty())
            .await;
        assert_eq!(&control_value(&h, "auth-mechanism").await, slug);
        h.wait_for("[data-testid^=auth-example-]")
            .await
            .click()
            .await
            .expect("the first example");
        h.wait_text("[data-testid=auth-position]", |t| {
            t.starts_with("Step 1 of")
        })
        .await;
        let errors = h
            .client
            .find_all(Locator::Css("[data-testid=auth-error]"))
            .await
            .expect("query");
        assert!(errors.is_empty(), "{slug} shows an error");
    }

    // An address naming no mechanism says so.
    h.open("#/auth/rot13").await;
    h.wait_text("[data-testid=auth-unknown]", |t| t.contains("rot13"))
        .await;

    assert_clean_and_local(&h).await;
    h.close().await;
}

/// Verify's transcript mode and the analyze page list every AUTH exchange of a log and
/// judge each as the engine does natively (`analyze::auth::verify_transcript`), with the
/// server's answer beside the verdict.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transcripts_have_every_auth_exchange_judged_on_verify_and_analyze() {
    use smtp_trainer::analyze::auth::verify_transcript;
    use smtp_trainer::sasl::verify::Verdict;

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/verify").await;
    h.click("verify-example-transcript").await;
    h.wait_for("[data-testid=verify-mode-transcript][aria-pressed=true]")
        .await;
    h.wait_for("[data-testid=verify-exchange]").await;
    let transcript = control_value(&h, "verify-transcript").await;
    let password = control_value(&h, "verify-password").await;
    let native = verify_transcript(&transcript, Some(&password));
    assert_eq!(native.len(), 2, "{native:#?}");
    let shown = h
        .js("return [...document.querySelectorAll('[data-testid=verify-exchange]')].map(e => [e.dataset.mechanism, e.dataset.verdict])")
        .await;
    let expected: Vec<serde_json::Value> = native
        .iter()
        .map(|c| {
            let verdict = match c.result.as_ref().ok().and_then(|r| r.verdict.as_ref()) {
                Some(Verdict::Valid) => "valid",
                Some(Verdict::Invalid(_)) => "invalid",
                None => "explained",
            };
            serde_json::json!([c.exchange.mechanism, verdict])
        })
        .collect();
    assert_eq!(shown, serde_json::Value::Array(expected));
    assert_eq!(
        shown,
        serde_json::json!([["CRAM-MD5", "valid"], ["LOGIN", "invalid"]])
    );
    // Both verdicts agree with what the server answered (235, then 535).
    let agreements = h
        .js("return [...document.querySelectorAll('[data-testid=verify-agreement]')].map(e => e.dataset.agrees)")
        .await;
    assert_eq!(agreements, serde_json::json!(["true", "true"]));
    // Another password turns the accepted exchange invalid, and the page says it differs.
    let input = h.wait_for("[data-testid=verify-password]").await;
    input.send_keys("x").await.expect("typing");
    h.click("verify-submit").await;
    h.wait_for("[data-testid=verify-exchange][data-mechanism=CRAM-MD5][data-verdict=invalid]")
        .await;
    h.wait_for("[data-testid=verify-agreement][data-agrees=false]")
        .await;
    h.click("lang-zh").await;
    h.wait_text("[data-testid=verify-exchanges]", |t| {
        t.contains("服务器回复 235")
    })
    .await;
    h.click("lang-en").await;

    // The analyze page: the DokuWiki log's AUTH LOGIN, explained, then verified with the
    // password the log exposes.
    h.open("#/analyze").await;
    h.click("analyze-example-seed000").await;
    h.wait_for("[data-testid=analyze-auth] [data-testid=verify-exchange][data-mechanism=LOGIN][data-verdict=explained]")
        .await;
    let password = h.wait_for("[data-testid=analyze-password]").await;
    password.send_keys("ARsanbbsql60595").await.expect("typing");
    h.wait_for("[data-testid=analyze-auth] [data-testid=verify-exchange][data-verdict=valid]")
        .await;
    h.wait_for("[data-testid=analyze-auth] [data-testid=verify-agreement][data-agrees=true]")
        .await;

    assert_clean_and_local(&h).await;
    h.close().await;
}
