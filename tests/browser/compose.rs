//! The compose and mailbox pages in the real browser: a message with a Chinese subject, a
//! Bcc and an attachment picked through the file input, sent to the simulated server; the
//! dialog, the envelope panel, then the message in the mailbox — subject decoded, the Bcc an
//! envelope-only recipient, the attachment with its size — with a clean browser console.

use std::path::PathBuf;

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::Locator;

use super::harness::{BrowserLang, Harness};

const SUBJECT: &str = "测试邮件：附件与密送";
const CAROL: &str = "carol@example.com";

/// A small file with octets of every kind (CR, LF, NUL, high bytes, a leading dot).
fn attachment() -> (PathBuf, Vec<u8>) {
    let mut data = b"first line\r\n.a line starting with a dot\nbare LF above\r\n".to_vec();
    data.extend((0u8..=255).rev());
    data.extend_from_slice("你好，附件\n".as_bytes());
    let path = std::env::temp_dir().join(format!(
        "smtp-trainer-attachment-{}.bin",
        std::process::id()
    ));
    std::fs::write(&path, &data).expect("the temporary attachment is written");
    (path, data)
}

async fn field(h: &Harness, testid: &str) -> Element {
    h.wait_for(&format!("[data-testid={testid}]")).await
}

/// Replaces an input's text by typing.
async fn type_into(h: &Harness, testid: &str, text: &str) {
    let input = field(h, testid).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("typing");
}

async fn attr(element: &Element, name: &str) -> String {
    element
        .attr(name)
        .await
        .expect("attribute")
        .unwrap_or_default()
}

/// The browser console's errors and warnings since the last look.
async fn console_problems(h: &Harness) -> Vec<serde_json::Value> {
    h.console()
        .await
        .into_iter()
        .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
        .collect()
}

/// Rows of a table whose address cell (by `address_testid`) reads `address`.
async fn row_for(h: &Harness, rows: &str, address_testid: &str, address: &str) -> Element {
    let deadline = std::time::Instant::now() + super::harness::WAIT;
    while std::time::Instant::now() < deadline {
        for row in h
            .client
            .find_all(Locator::Css(&format!("[data-testid={rows}]")))
            .await
            .expect("rows")
        {
            if let Ok(cell) = row
                .find(Locator::Css(&format!("[data-testid={address_testid}]")))
                .await
            {
                if cell.text().await.unwrap_or_default() == address {
                    return row;
                }
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("no {rows} row for {address}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compose_sends_chinese_subject_bcc_and_attachment_and_the_mailbox_reads_it_back() {
    let (path, data) = attachment();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name")
        .to_string();
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/compose").await;
    h.wait_for("[data-testid=compose-page]").await;
    h.wait_text("[data-testid=nav-compose]", |t| t == "Compose")
        .await;

    type_into(&h, "compose-from", "Alice <alice@example.com>").await;
    type_into(&h, "compose-to", "孙勇峰 <bob@example.com>").await;
    type_into(&h, "compose-bcc", CAROL).await;
    type_into(&h, "compose-subject", SUBJECT).await;
    let enter = Key::Enter.to_string();
    type_into(
        &h,
        "compose-text",
        &format!("你好！{enter}.{enter}The line above is a lone dot.{enter}"),
    )
    .await;
    // Quoted-printable keeps the lone dot visible on the wire (base64 would hide it).
    field(&h, "compose-encoding")
        .await
        .select_by_value("quoted-printable")
        .await
        .expect("the transfer encoding is picked");
    field(&h, "compose-file")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file input takes the path");
    h.wait_text("[data-testid=compose-attachment-name]", |t| t == name)
        .await;
    h.wait_text("[data-testid=compose-attachment-size]", |t| {
        t == format!("{} bytes", data.len())
    })
    .await;

    h.click("compose-send").await;
    let verdict = h.wait_for("[data-testid=compose-verdict]").await;
    assert_eq!(attr(&verdict, "data-delivered").await, "true");

    // The reply to the end of the data is 250, and it says why.
    let end = h
        .wait_for("[data-testid=compose-server-line][data-end-of-data=true]")
        .await;
    assert_eq!(attr(&end, "data-code").await, "250");
    let text = end.text().await.expect("reply text");
    assert!(text.starts_with("S: 250"), "end of data answered: {text:?}");
    end.find(Locator::Css("[data-testid=compose-reply]"))
        .await
        .expect("the reply's button")
        .click()
        .await
        .expect("click");
    let why = h
        .wait_text("[data-testid=compose-why]", |t| !t.is_empty())
        .await;
    assert!(!why.is_empty());
    // The dialog sent the Bcc a RCPT TO of its own.
    let dialog = h
        .wait_text("[data-testid=compose-dialog]", |t| t.contains("DATA"))
        .await;
    assert!(
        dialog.contains(&format!("C: RCPT TO:<{CAROL}>")),
        "the dialog: {dialog}"
    );

    // Carol is only in the envelope.
    let carol = row_for(
        &h,
        "compose-envelope-rcpt",
        "compose-envelope-address",
        CAROL,
    )
    .await;
    assert_eq!(attr(&carol, "data-kind").await, "bcc");
    let bob = row_for(
        &h,
        "compose-envelope-rcpt",
        "compose-envelope-address",
        "bob@example.com",
    )
    .await;
    assert_eq!(attr(&bob, "data-kind").await, "to");
    let headers = h
        .wait_text("[data-testid=compose-header-recipients]", |t| {
            t.contains("bob@example.com")
        })
        .await;
    assert!(!headers.contains(CAROL), "header recipients: {headers}");
    // The wire view marks the stuffed lone dot and the final dot.
    h.wait_text("[data-testid=compose-wire-stuffed]", |t| t.contains(".."))
        .await;
    h.wait_text("[data-testid=compose-wire-end]", |t| t.contains('.'))
        .await;

    // The mailbox, reached through the navigation (the state is kept, not reloaded).
    h.click("nav-mailbox").await;
    h.wait_for("[data-testid=mailbox-page]").await;
    h.wait_text("[data-testid=mailbox-count]", |t| t == "1")
        .await;
    h.wait_text("[data-testid=mailbox-item-subject]", |t| t == SUBJECT)
        .await;
    h.wait_text("[data-testid=mailbox-subject]", |t| t == SUBJECT)
        .await;
    let carol = row_for(&h, "mailbox-recipient", "mailbox-recipient-address", CAROL).await;
    assert_eq!(attr(&carol, "data-envelope-only").await, "true");
    let bob = row_for(
        &h,
        "mailbox-recipient",
        "mailbox-recipient-address",
        "bob@example.com",
    )
    .await;
    assert_eq!(attr(&bob, "data-envelope-only").await, "false");
    h.wait_text("[data-testid=mailbox-attachment-name]", |t| t == name)
        .await;
    let size = h.wait_for("[data-testid=mailbox-attachment-size]").await;
    assert_eq!(attr(&size, "data-bytes").await, data.len().to_string());
    h.wait_text("[data-testid=mailbox-text]", |t| t.contains("你好！"))
        .await;
    // The decoded To header shows the Chinese display name.
    let to = h
        .wait_for("[data-testid=mailbox-header][data-name=to] [data-testid=mailbox-header-decoded]")
        .await
        .text()
        .await
        .expect("decoded To");
    assert!(to.contains("孙勇峰"), "decoded To: {to:?}");
    // The stored source never names the Bcc.
    h.wait_for("[data-testid=mailbox-source-panel] summary")
        .await
        .click()
        .await
        .expect("open the source");
    let source = h
        .wait_text("[data-testid=mailbox-source]", |t| t.contains("Received:"))
        .await;
    assert!(!source.contains(CAROL), "the source names the Bcc");
    // Saving the attachment makes a local blob: URL of exactly its octets. The test keeps
    // the blob and stops the link's click, so nothing is written to the disk.
    h.js(
        "window.__blobs = []; const make = URL.createObjectURL.bind(URL); \
         URL.createObjectURL = b => { window.__blobs.push(b); return make(b); }; \
         HTMLAnchorElement.prototype.click = function () { \
           window.__clicked = [this.getAttribute('href'), this.getAttribute('download')]; }; \
         return 1",
    )
    .await;
    h.click("mailbox-download").await;
    let clicked = h.js("return window.__clicked || null").await;
    assert_eq!(clicked[1].as_str(), Some(name.as_str()), "{clicked}");
    assert!(
        clicked[0].as_str().is_some_and(|u| u.starts_with("blob:")),
        "{clicked}"
    );
    let saved = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             window.__blobs[0].arrayBuffer().then(b => done(Array.from(new Uint8Array(b))));",
            vec![],
        )
        .await
        .expect("the blob's octets");
    let saved: Vec<u8> = saved
        .as_array()
        .expect("an array of octets")
        .iter()
        .filter_map(|v| v.as_u64().and_then(|n| u8::try_from(n).ok()))
        .collect();
    assert_eq!(saved, data, "the download is the attachment byte for byte");

    // In Chinese, and back on the composer with its result kept.
    h.click("lang-zh").await;
    h.wait_text("[data-testid=mailbox-heading]", |t| t.starts_with("邮箱"))
        .await;
    h.click("nav-compose").await;
    h.wait_text("[data-testid=compose-heading]", |t| t == "写邮件并发送")
        .await;
    h.wait_for("[data-testid=compose-verdict][data-delivered=true]")
        .await;

    let problems = console_problems(&h).await;
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    let missing: Vec<_> = h.requested().into_iter().filter(|(_, ok)| !ok).collect();
    assert!(missing.is_empty(), "requests beyond dist/: {missing:?}");
    let _ = std::fs::remove_file(&path);
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_000_gets_its_553_and_a_console_message_reaches_the_mailbox() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/compose").await;
    h.click("compose-preset-seed000").await;
    h.click("compose-send").await;
    let verdict = h.wait_for("[data-testid=compose-verdict]").await;
    assert_eq!(attr(&verdict, "data-delivered").await, "false");
    let log = h
        .wait_text("[data-testid=compose-log]", |t| t.contains("Got: 553"))
        .await;
    for line in [
        "Set: the server",
        "Set: the auth",
        "Connecting to smtp.163.com at 25",
        "Sent: AUTH LOGIN",
        "Sent: MAIL FROM:<noreply@163.com>",
        "Message wasn't sent. SMTP seems not to work properly.",
    ] {
        assert!(log.contains(line), "{line:?} is not in the log:\n{log}");
    }
    let check = h
        .wait_for("[data-testid=compose-envelope-login-check]")
        .await;
    assert_eq!(attr(&check, "data-differs").await, "true");
    // The password field is a password input until shown.
    let password = field(&h, "compose-password").await;
    assert_eq!(attr(&password, "type").await, "password");

    // A message typed in the console lands in the app's mailbox.
    h.click("nav-console").await;
    for line in [
        "EHLO learner.example",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "DATA",
    ] {
        let input = field(&h, "console-input").await;
        input
            .send_keys(&format!("{line}{}", Key::Enter))
            .await
            .expect("typing");
    }
    let data = field(&h, "console-data").await;
    let enter = Key::Enter.to_string();
    data.send_keys(&format!("Subject: typed{enter}{enter}hello{enter}."))
        .await
        .expect("typing the message");
    data.send_keys(&format!("{}{}", Key::Control, Key::Enter))
        .await
        .expect("Ctrl+Enter");
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("queued as")
    })
    .await;
    h.click("nav-mailbox").await;
    h.wait_text("[data-testid=mailbox-item-subject]", |t| t == "typed")
        .await;

    let problems = console_problems(&h).await;
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    h.close().await;
}

/// The provider profiles in the page: the console's picker offers Gmail, its accounts show
/// the access token, the XOAUTH2 helper builds the engine's own base64; AUTH XOAUTH2 with it
/// gets Gmail's `530 5.7.0 Must issue a STARTTLS command first` in clear text and `235
/// 2.7.0 Accepted` after STARTTLS. The composer's client in clear text is told Gmail keeps
/// AUTH for inside TLS; with STARTTLS it logs in with XOAUTH2 and the token, and a wrong
/// token gets the JSON error challenge and Gmail's 535.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gmail_profile_takes_xoauth2_in_the_console_and_the_composer() {
    use base64::Engine as _;
    const USER: &str = "alice@gmail.com";
    const TOKEN: &str = "ya29.a0-learner-token";
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/console").await;
    field(&h, "console-profile")
        .await
        .select_by_value("gmail")
        .await
        .expect("the Gmail profile is picked");
    h.wait_text("[data-testid=console-account-token]", |t| t == TOKEN)
        .await;
    type_into(&h, "console-xoauth2-user", USER).await;
    type_into(&h, "console-xoauth2-token", TOKEN).await;
    let expected = base64::engine::general_purpose::STANDARD
        .encode(format!("user={USER}\x01auth=Bearer {TOKEN}\x01\x01"));
    let out = h
        .js("return document.querySelector('[data-testid=console-xoauth2-out]').value")
        .await;
    assert_eq!(out.as_str(), Some(expected.as_str()));
    let send_line = |line: String| {
        let h = &h;
        async move {
            field(h, "console-input")
                .await
                .send_keys(&format!("{line}{}", Key::Enter))
                .await
                .expect("typing");
        }
    };
    for line in [
        "EHLO learner.example".to_string(),
        format!("AUTH XOAUTH2 {expected}"),
    ] {
        send_line(line).await;
    }
    let transcript = h
        .wait_text("[data-testid=console-transcript]", |t| {
            t.contains("530 5.7.0 Must issue a STARTTLS command first.")
        })
        .await;
    assert!(
        !transcript.contains("XOAUTH2 PLAIN-CLIENTTOKEN"),
        "{transcript}"
    );
    for line in [
        "STARTTLS".to_string(),
        "EHLO learner.example".to_string(),
        format!("AUTH XOAUTH2 {expected}"),
    ] {
        send_line(line).await;
    }
    let transcript = h
        .wait_text("[data-testid=console-transcript]", |t| {
            t.contains("235 2.7.0 Accepted")
        })
        .await;
    assert!(
        transcript.contains("AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH"),
        "{transcript}"
    );

    h.open("#/compose").await;
    field(&h, "compose-profile")
        .await
        .select_by_value("gmail")
        .await
        .expect("the Gmail profile is picked");
    h.wait_text("[data-testid=compose-accounts]", |t| t.contains(TOKEN))
        .await;
    type_into(&h, "compose-from", USER).await;
    type_into(&h, "compose-to", "bob@example.com").await;
    type_into(&h, "compose-subject", "token").await;
    type_into(&h, "compose-user", USER).await;
    type_into(&h, "compose-password", TOKEN).await;
    field(&h, "compose-mechanism")
        .await
        .select_by_value("XOAUTH2")
        .await
        .expect("XOAUTH2 is picked");
    // In clear text, Gmail lists no AUTH: the client stops and says STARTTLS would bring it.
    h.click("compose-security-none").await;
    h.click("compose-send").await;
    let verdict = h
        .wait_text("[data-testid=compose-verdict]", |t| {
            t.contains("only inside TLS")
        })
        .await;
    assert!(verdict.contains("STARTTLS"), "{verdict}");
    h.click("compose-security-tls").await;
    h.click("compose-send").await;
    h.wait_text("[data-testid=compose-dialog]", |t| {
        t.contains("235 2.7.0 Accepted")
    })
    .await;
    let verdict = h.wait_for("[data-testid=compose-verdict]").await;
    assert_eq!(attr(&verdict, "data-delivered").await, "true");

    type_into(&h, "compose-password", "ya29.expired").await;
    h.click("compose-send").await;
    h.wait_text("[data-testid=compose-dialog]", |t| {
        t.contains("535-5.7.8 Username and Password not accepted")
    })
    .await;
    let verdict = h.wait_for("[data-testid=compose-verdict]").await;
    assert_eq!(attr(&verdict, "data-delivered").await, "false");

    let problems = console_problems(&h).await;
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    h.close().await;
}

/// Octets that do not compress or repeat, `len` of them.
fn large_file(index: u32, len: usize) -> (PathBuf, Vec<u8>) {
    let mut state: u32 = 0x9e37_79b9 ^ index;
    let data: Vec<u8> = (0..len)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    let path = std::env::temp_dir().join(format!(
        "smtp-trainer-large-{}-{index}.bin",
        std::process::id()
    ));
    std::fs::write(&path, &data).expect("the temporary attachment is written");
    (path, data)
}

/// Issue 13: a message of several megabytes goes to the compose worker. The page shows the
/// progress indicator, takes input meanwhile (a field typed into re-renders while the send
/// is under way), then shows the result as an in-place send does — verdict, dialog,
/// envelope, wire — in both languages, and the mailbox reads the message back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_multi_megabyte_send_runs_in_the_worker_and_the_page_answers_meanwhile() {
    const MB4: usize = 4 * 1024 * 1024;
    let files = [large_file(1, MB4), large_file(2, MB4 - 1)];
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/compose").await;
    h.wait_for("[data-testid=compose-page]").await;
    type_into(&h, "compose-to", "bob@example.com").await;
    type_into(&h, "compose-cc", "dave@example.com").await;
    type_into(&h, "compose-bcc", CAROL).await;
    type_into(&h, "compose-subject", "Two large files").await;
    // Postfix's 10 240 000 octets would refuse 8 MiB in base64: 50 MB allowed.
    type_into(&h, "compose-policy-max-size", "50000000").await;
    for (path, data) in &files {
        field(&h, "compose-file")
            .await
            .send_keys(path.to_str().expect("a UTF-8 path"))
            .await
            .expect("the file input takes the path");
        let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
        let sizes = format!("{} bytes", data.len());
        let deadline = std::time::Instant::now() + super::harness::WAIT;
        loop {
            let listed = h.body_text().await;
            if listed.contains(name) && listed.contains(&sizes) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{name} was not listed"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    assert!(h
        .client
        .find(Locator::Css("[data-testid=compose-progress]"))
        .await
        .is_err());

    // Send, then — while the worker runs — type a size that is not a number: the field
    // is marked invalid at once, with the progress indicator still shown.
    let during = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const progress = () => document.querySelector('[data-testid=compose-progress]'); \
             window.wireRedrawn = 0; \
             new MutationObserver((changes) => { \
               for (const change of changes) for (const node of change.removedNodes) \
                 if (node.matches && node.matches('.wire-chunk, .wire-head')) window.wireRedrawn++; \
             }).observe(document.body, { childList: true, subtree: true }); \
             document.querySelector('[data-testid=compose-send]').click(); \
             setTimeout(() => { \
               const shown = progress(); \
               const stage = shown && shown.getAttribute('data-stage'); \
               const input = document.querySelector('[data-testid=compose-policy-max-size]'); \
               input.value = 'soon'; \
               input.dispatchEvent(new InputEvent('input', { bubbles: true })); \
               setTimeout(() => done({ \
                 shown: !!shown, stage, \
                 invalid: input.getAttribute('aria-invalid'), \
                 still: !!progress(), \
                 disabled: document.querySelector('[data-testid=compose-send]') \
                   .getAttribute('aria-disabled') }), 0); \
             }, 0);",
            vec![],
        )
        .await
        .expect("the script runs");
    assert_eq!(during["shown"], true, "no progress indicator: {during}");
    assert!(
        matches!(
            during["stage"].as_str(),
            Some("composing" | "sending" | "reading")
        ),
        "{during}"
    );
    assert_eq!(
        during["invalid"], "true",
        "the input was not handled: {during}"
    );
    assert_eq!(
        during["still"], true,
        "the send was over before the input: {during}"
    );
    assert_eq!(during["disabled"], "true", "{during}");

    // The result, as an in-place send shows it.
    let verdict = h.wait_for("[data-testid=compose-verdict]").await;
    assert_eq!(attr(&verdict, "data-delivered").await, "true");
    assert!(h
        .client
        .find(Locator::Css("[data-testid=compose-progress]"))
        .await
        .is_err());
    let send = field(&h, "compose-send").await;
    assert_eq!(attr(&send, "aria-disabled").await, "false");
    let data_line = h
        .wait_text("[data-testid=compose-data-line]", |t| t.contains("octets"))
        .await;
    let octets: usize = data_line
        .split_whitespace()
        .find_map(|w| w.parse().ok())
        .expect("the data line names its octets");
    assert!(octets > 2 * MB4 * 4 / 3, "{data_line}");
    let dialog = h
        .wait_text("[data-testid=compose-dialog]", |t| t.contains("QUIT"))
        .await;
    assert!(
        dialog.contains(&format!("C: RCPT TO:<{CAROL}>")),
        "{dialog}"
    );
    let end = h
        .wait_for("[data-testid=compose-server-line][data-end-of-data=true]")
        .await;
    assert_eq!(attr(&end, "data-code").await, "250");
    end.find(Locator::Css("[data-testid=compose-reply]"))
        .await
        .expect("the reply's button")
        .click()
        .await
        .expect("click");
    h.wait_text("[data-testid=compose-why]", |t| !t.is_empty())
        .await;
    let carol = row_for(
        &h,
        "compose-envelope-rcpt",
        "compose-envelope-address",
        CAROL,
    )
    .await;
    assert_eq!(attr(&carol, "data-kind").await, "bcc");
    let dave = row_for(
        &h,
        "compose-envelope-rcpt",
        "compose-envelope-address",
        "dave@example.com",
    )
    .await;
    assert_eq!(attr(&dave, "data-kind").await, "cc");
    h.wait_for("[data-testid=compose-wire-more]").await;
    h.wait_for("[data-testid=compose-wire-boundary]").await;
    // The first lines come in parts, a chunk at a time: all of them in the end, in chunks
    // of 100, and no chunk drawn anew when a later one was added.
    let rows = smtp_trainer::compose_job::MAX_WIRE_LINES;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let shown = loop {
        let shown = h
            .js("return document.querySelectorAll('.wire-chunk [role=row]').length")
            .await;
        if shown.as_u64() == Some(rows as u64) || std::time::Instant::now() > deadline {
            break shown;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert_eq!(shown.as_u64(), Some(rows as u64), "rows shown in the end");
    let chunks = h
        .js("return [...document.querySelectorAll('.wire-chunk')].map(c => c.querySelectorAll('[role=row]').length)")
        .await;
    assert_eq!(chunks, serde_json::json!(vec![100; rows / 100]));
    let head = h
        .js("return document.querySelectorAll('[data-testid=compose-wire] [role=columnheader]').length")
        .await;
    assert_eq!(head, 2, "one header row");
    assert_eq!(h.js("return window.wireRedrawn").await, 0);
    let notes = h
        .client
        .find_all(Locator::Css("[data-testid=compose-note-item]"))
        .await;
    assert!(notes.is_ok_and(|n| n.len() > 5));

    // In Chinese the same result explains itself in Chinese.
    let english = h
        .wait_text("[data-testid=compose-verdict]", |t| !t.is_empty())
        .await;
    h.click("lang-zh").await;
    let chinese = h
        .wait_text("[data-testid=compose-verdict]", |t| {
            t != english && !t.is_empty()
        })
        .await;
    assert!(
        chinese
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{chinese}"
    );
    h.click("lang-en").await;

    // The mailbox has it, with the subject as it was when Send was pressed.
    h.click("nav-mailbox").await;
    h.wait_text("[data-testid=mailbox-item-subject]", |t| {
        t == "Two large files"
    })
    .await;
    let deadline = std::time::Instant::now() + super::harness::WAIT;
    loop {
        let sizes = h
            .client
            .find_all(Locator::Css("[data-testid=mailbox-attachment-size]"))
            .await
            .expect("sizes");
        let mut bytes = Vec::new();
        for size in &sizes {
            bytes.push(attr(size, "data-bytes").await);
        }
        if bytes.len() == 2 {
            assert_eq!(bytes, [MB4.to_string(), (MB4 - 1).to_string()]);
            break;
        }
        assert!(std::time::Instant::now() < deadline, "sizes: {bytes:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    let problems = console_problems(&h).await;
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    let requested = h.requested();
    assert!(
        requested
            .iter()
            .any(|(p, _)| p.ends_with("compose_worker_bg.wasm")),
        "the worker module was fetched: {requested:?}"
    );
    let missing: Vec<_> = requested.into_iter().filter(|(_, ok)| !ok).collect();
    assert!(missing.is_empty(), "requests beyond dist/: {missing:?}");
    for (path, _) in &files {
        let _ = std::fs::remove_file(path);
    }
    h.close().await;
}
