//! Shared links (issue 14) in the real browser: on each of the five pages a state is set,
//! Share makes a link, the link is opened in a fresh load (the page left for `about:blank`
//! first, so nothing survives in memory) and the same state is back, with a status line that
//! says so. Without "Include the password" the link's payload (decoded here with the engine's
//! own [`decode_text`]) holds no password; ticked, it does and the page gets it back. A damaged
//! and a future-version link show their message and leave a working page; a downloaded file
//! opens the same state; one run is in Chinese.

use fantoccini::key::Key;
use fantoccini::Locator;
use smtp_trainer::share::{decode_text, encode_text, payload_of};

use super::harness::{BrowserLang, Harness};

/// The value of an input, text area or select.
async fn value(h: &Harness, testid: &str) -> String {
    h.wait_for(&format!("[data-testid={testid}]")).await;
    h.js(&format!(
        "return document.querySelector('[data-testid={testid}]').value"
    ))
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn checked(h: &Harness, testid: &str) -> bool {
    h.wait_for(&format!("[data-testid={testid}]")).await;
    h.js(&format!(
        "return document.querySelector('[data-testid={testid}]').checked"
    ))
    .await
    .as_bool()
    .unwrap_or_default()
}

/// Replaces an input's text by typing.
async fn type_into(h: &Harness, testid: &str, text: &str) {
    let input = h.wait_for(&format!("[data-testid={testid}]")).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("typing");
}

/// Opens the share panel's disclosure (closed on every load).
async fn open_panel(h: &Harness) {
    let details = h.wait_for("[data-testid=share-details]").await;
    if details.attr("open").await.expect("attr").is_none() {
        h.click("share-toggle").await;
    }
}

/// Presses Share (ticking "Include the password" first when asked) and returns the link.
async fn share(h: &Harness, secrets: bool) -> String {
    open_panel(h).await;
    if secrets != checked(h, "share-secrets").await {
        h.click("share-secrets").await;
    }
    h.click("share-make").await;
    h.wait_for("[data-testid=share-link]").await;
    let link = value(h, "share-link").await;
    assert!(
        link.starts_with(&h.origin) && link.contains("#/") && link.contains("?s="),
        "a link to this page whose fragment carries the state: {link}"
    );
    assert!(
        !link.split('#').next().unwrap_or_default().contains('?'),
        "nothing of the state before the fragment (it would go to the server): {link}"
    );
    link
}

/// The state a link carries, as text.
fn carried(link: &str) -> String {
    decode_text(payload_of(link)).expect("the link's payload decodes")
}

/// Opens `url` in a fresh load: away to `about:blank`, then to it.
async fn open_fresh(h: &Harness, url: &str) {
    h.client.goto("about:blank").await.expect("about:blank");
    h.client.goto(url).await.expect("navigation");
    h.wait_for("[data-testid=app-name]").await;
}

async fn status(h: &Harness, check: impl Fn(&str) -> bool) -> String {
    let text = h.wait_text("[data-testid=share-status]", check).await;
    let live = h
        .js("return document.querySelector('[data-testid=share-status]').getAttribute('aria-live')")
        .await;
    assert_eq!(live.as_str(), Some("polite"), "the status is a live region");
    text
}

async fn texts(h: &Harness, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in h
        .client
        .find_all(Locator::Css(css))
        .await
        .expect("elements")
    {
        out.push(element.text().await.expect("text"));
    }
    out
}

async fn console_problems(h: &Harness) -> Vec<serde_json::Value> {
    h.console()
        .await
        .into_iter()
        .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
        .collect()
}

async fn send_line(h: &Harness, line: &str, then: &str) {
    let input = h.wait_for("[data-testid=console-input]").await;
    input
        .send_keys(&format!("{line}{}", Key::Enter))
        .await
        .expect("typing a command");
    h.wait_text("[data-testid=console-transcript]", |t| t.contains(then))
        .await;
}

/// The console's replies but its greetings (which carry the time).
async fn replies_but_greetings(h: &Harness) -> Vec<String> {
    let mut replies = texts(h, "[data-testid=console-server-line]").await;
    replies.retain(|r| !r.starts_with("S: 220 "));
    replies
}

const CONSOLE_LINES: [(&str, &str); 6] = [
    ("EHLO learner.example", "250"),
    ("AUTH LOGIN", "334 VXNlcm5hbWU6"),
    ("YWxpY2VAZXhhbXBsZS5jb20=", "334 UGFzc3dvcmQ6"),
    ("c2VjcmV0", "235"),
    ("MAIL FROM:<alice@example.com>", "2.1.0"),
    ("VRFY bob", "VRFY bob"),
];

/// Picks Sendmail in the console and types [`CONSOLE_LINES`], each answered.
async fn sendmail_session(h: &Harness) {
    h.wait_for("[data-testid=console-profile]")
        .await
        .select_by_value("sendmail")
        .await
        .expect("Sendmail is picked");
    h.wait_text("[data-testid=console-transcript]", |t| {
        t.contains("Sendmail")
    })
    .await;
    for (line, then) in CONSOLE_LINES {
        send_line(h, line, then).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_console_link_replays_the_session_with_its_server_and_the_password_only_when_ticked()
{
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/console").await;
    sendmail_session(&h).await;
    let typed: Vec<String> = CONSOLE_LINES.iter().map(|(l, _)| l.to_string()).collect();
    assert_eq!(
        texts(&h, "[data-testid=console-client-line] .text").await,
        typed
    );
    let replies = replies_but_greetings(&h).await;
    // VRFY is switched after the line that used it: the replay must switch it there too,
    // not before the first line, so that VRFY is answered as it was.
    let vrfy_before = checked(&h, "console-policy-vrfy").await;
    h.click("console-policy-vrfy").await;
    let vrfy_on = checked(&h, "console-policy-vrfy").await;
    assert_ne!(vrfy_on, vrfy_before);

    let without = share(&h, false).await;
    let text = carried(&without);
    assert!(
        !text.contains("c2VjcmV0") && !text.contains("AUTH LOGIN") && !text.contains("YWxpY2VA"),
        "the AUTH exchange is not in the link: {text}"
    );
    assert!(text.contains("MAIL FROM:<alice@example.com>"), "{text}");
    assert!(
        h.wait_for("[data-testid=share-secrets-note]")
            .await
            .text()
            .await
            .expect("note")
            .contains("left out"),
        "the box says plainly what it does"
    );
    let with = share(&h, true).await;
    assert!(
        carried(&with).contains("c2VjcmV0"),
        "ticked, the password is in it"
    );
    assert!(h
        .wait_for("[data-testid=share-secrets-note]")
        .await
        .text()
        .await
        .expect("note")
        .contains("readable by anyone"));

    // The whole session comes back, replayed against the same server.
    open_fresh(&h, &with).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(
        said.contains("Sendmail 8.13") && said.contains("6 typed line(s)"),
        "{said}"
    );
    assert_eq!(
        texts(&h, "[data-testid=console-client-line] .text").await,
        typed
    );
    assert_eq!(value(&h, "console-profile").await, "sendmail");
    assert_eq!(checked(&h, "console-policy-vrfy").await, vrfy_on);
    assert_eq!(
        replies_but_greetings(&h).await,
        replies,
        "the replay answers every line as the session did"
    );
    h.wait_text("[data-testid=console-status-user]", |t| {
        t.contains("alice@example.com")
    })
    .await;

    // Without the password: the exchange is gone, and the status says what was left out.
    open_fresh(&h, &without).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(
        said.contains("3 password(s), token(s) or AUTH line(s) were left out"),
        "{said}"
    );
    assert_eq!(
        texts(&h, "[data-testid=console-client-line] .text").await,
        vec![
            "EHLO learner.example".to_string(),
            "MAIL FROM:<alice@example.com>".into(),
            "VRFY bob".into()
        ]
    );
    // The page goes on working.
    send_line(&h, "NOOP", "NOOP").await;
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_auth_link_restores_mechanism_inputs_and_step() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/auth/digest-md5").await;
    h.wait_for("[data-testid=auth-step]").await;
    type_into(&h, "auth-input-authzid", "chris-admin").await;
    for _ in 0..3 {
        h.click("auth-next").await;
    }
    let position = h
        .wait_text("[data-testid=auth-position]", |t| t.contains('4'))
        .await;
    let bytes = h
        .wait_for("[data-testid=auth-step-base64]")
        .await
        .text()
        .await
        .expect("the step's base64");
    let password = value(&h, "auth-input-password").await;
    assert!(!password.is_empty(), "the example has a password");

    let without = share(&h, false).await;
    assert!(!carried(&without).contains(&format!("\"{password}\"")));
    let with = share(&h, true).await;
    assert!(carried(&with).contains(&format!("\"{password}\"")));

    open_fresh(&h, &with).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(
        said.contains("DIGEST-MD5") && said.contains("step 4"),
        "{said}"
    );
    assert_eq!(value(&h, "auth-mechanism").await, "digest-md5");
    assert_eq!(value(&h, "auth-input-authzid").await, "chris-admin");
    assert_eq!(value(&h, "auth-input-password").await, password);
    assert_eq!(
        h.wait_text("[data-testid=auth-position]", |t| t == position)
            .await,
        position
    );
    assert_eq!(
        h.wait_for("[data-testid=auth-step-base64]")
            .await
            .text()
            .await
            .expect("base64"),
        bytes
    );

    open_fresh(&h, &without).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(said.contains("1 password(s)"), "{said}");
    assert_eq!(value(&h, "auth-input-password").await, "");
    assert_eq!(value(&h, "auth-input-authzid").await, "chris-admin");
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

/// Opens Verify on RFC 2195's valid example, checked: its challenge, response and password.
async fn rfc2195_on_verify(h: &Harness) -> (String, String, String) {
    h.open("#/verify").await;
    h.click("verify-example-rfc2195-valid").await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    (
        value(h, "verify-challenge").await,
        value(h, "verify-response").await,
        value(h, "verify-password").await,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_verify_link_restores_the_exchange_and_a_downloaded_file_opens_it_too() {
    let h = Harness::start(BrowserLang::English).await;
    let (challenge, response, password) = rfc2195_on_verify(&h).await;

    let without = share(&h, false).await;
    assert!(!carried(&without).contains(&password));
    // Copy says what became of it: on the clipboard, or selected in the field to copy by hand.
    h.click("share-copy").await;
    h.wait_text("[data-testid=share-copy-status]", |t| !t.is_empty())
        .await;
    h.click("share-secrets").await;
    h.click("share-download").await;
    h.wait_for("[data-testid=share-download-status]").await;
    let file = h.js("return window.__lastExport").await;
    assert_eq!(file["name"].as_str(), Some("smtp-trainer-verify.txt"));
    let file_text = file["text"].as_str().expect("the file's text").to_string();
    assert!(
        carried(&file_text).contains(&password),
        "ticked: in the file"
    );

    open_fresh(&h, &without).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(said.contains("CRAM-MD5 exchange"), "{said}");
    assert_eq!(value(&h, "verify-challenge").await, challenge);
    assert_eq!(value(&h, "verify-response").await, response);
    assert_eq!(value(&h, "verify-password").await, "");
    h.wait_for("[data-testid=verify-no-password]").await;

    // The downloaded file, opened in a fresh page, gives the verdict back.
    let path = std::env::temp_dir().join(format!("smtp-trainer-share-{}.txt", std::process::id()));
    std::fs::write(&path, &file_text).expect("the file is written");
    open_fresh(&h, &format!("{}/#/verify", h.origin)).await;
    open_panel(&h).await;
    h.wait_for("[data-testid=share-import]")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file is picked");
    let said = status(&h, |t| t.contains("Restored from the file")).await;
    assert!(said.contains("CRAM-MD5"), "{said}");
    assert_eq!(value(&h, "verify-password").await, password);
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    let _ = std::fs::remove_file(&path);
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_analyze_link_restores_the_log_and_its_diagnosis() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.click("analyze-example-seed000").await;
    h.wait_for("[data-testid=analyze-finding][data-kind=sender-mismatch]")
        .await;
    let log = value(&h, "analyze-input").await;
    // Seed 000's LOGIN password, in base64: a password, left out unless ticked.
    let secret = "QVJzYW5iYnNxbDYwNTk1";
    assert!(log.contains(secret));
    let link = share(&h, false).await;
    assert!(carried(&link).contains("553 Mail from must equal authorized user"));
    assert!(!carried(&link).contains(secret));

    open_fresh(&h, &link).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(
        said.contains(&format!("the log ({} line(s))", log.lines().count())),
        "{said}"
    );
    assert!(said.contains("left out"), "{said}");
    assert_eq!(
        value(&h, "analyze-input").await,
        log.replace(secret, "[password-left-out]")
    );
    h.wait_for("[data-testid=analyze-finding][data-kind=sender-mismatch]")
        .await;
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_compose_link_restores_message_and_settings_and_names_the_attachments() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/compose").await;
    h.click("compose-preset-seed000").await;
    type_into(&h, "compose-subject", "测试 share link").await;
    type_into(&h, "compose-cc", "carol@example.com").await;
    h.click("compose-security-tls").await;
    h.wait_for("[data-testid=compose-charset]")
        .await
        .select_by_value("GB18030")
        .await
        .expect("GB18030 is picked");
    let path = std::env::temp_dir().join(format!(
        "smtp-trainer-share-note-{}.txt",
        std::process::id()
    ));
    std::fs::write(&path, "attachment octets 0123456789").expect("the attachment is written");
    h.wait_for("[data-testid=compose-file]")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file is picked");
    h.wait_for("[data-testid=compose-attachment]").await;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a name")
        .to_string();
    let password = value(&h, "compose-password").await;
    assert_eq!(password, "ARsanbbsql60595", "seed 000's password");
    let before: Vec<String> = {
        let mut v = Vec::new();
        for id in [
            "compose-from",
            "compose-to",
            "compose-cc",
            "compose-subject",
            "compose-text",
            "compose-charset",
            "compose-profile",
            "compose-host",
            "compose-port",
            "compose-user",
            "compose-sender",
            "compose-mechanism",
        ] {
            v.push(value(&h, id).await);
        }
        v
    };

    let link = share(&h, false).await;
    let text = carried(&link);
    assert!(!text.contains(&password), "{text}");
    assert!(
        text.contains(&name) && !text.contains("attachment octets"),
        "{text}"
    );

    open_fresh(&h, &link).await;
    let said = status(&h, |t| t.contains("Restored from the link")).await;
    assert!(
        said.contains("测试 share link")
            && said.contains(&name)
            && said.contains("pick them again"),
        "{said}"
    );
    let mut after = Vec::new();
    for id in [
        "compose-from",
        "compose-to",
        "compose-cc",
        "compose-subject",
        "compose-text",
        "compose-charset",
        "compose-profile",
        "compose-host",
        "compose-port",
        "compose-user",
        "compose-sender",
        "compose-mechanism",
    ] {
        after.push(value(&h, id).await);
    }
    assert_eq!(after, before);
    assert!(checked(&h, "compose-security-tls").await);
    assert_eq!(value(&h, "compose-password").await, "");
    assert!(h
        .client
        .find(Locator::Css("[data-testid=compose-attachment]"))
        .await
        .is_err());
    let _ = std::fs::remove_file(&path);
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_damaged_and_future_links_say_so_and_the_page_still_works() {
    let h = Harness::start(BrowserLang::English).await;
    open_fresh(&h, &format!("{}/#/console?s=1.AAAA-not-a-state", h.origin)).await;
    let error = h.wait_for("[data-testid=share-error]").await;
    assert_eq!(
        error.attr("data-error").await.expect("attr").as_deref(),
        Some("damaged")
    );
    assert!(error.text().await.expect("text").contains("damaged"));
    send_line(&h, "EHLO learner.example", "250").await;

    let future = encode_text("page = \"verify\"\n").replacen("1.", "2.", 1);
    open_fresh(&h, &format!("{}/#/verify?s={future}", h.origin)).await;
    let error = h.wait_for("[data-testid=share-error]").await;
    assert_eq!(
        error.attr("data-error").await.expect("attr").as_deref(),
        Some("future")
    );
    assert!(error
        .text()
        .await
        .expect("text")
        .contains("newer version of the trainer (format 2"));
    h.click("verify-example-rfc2195-valid").await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;

    // A link made on the Verify page, opened as the console's: named, and nothing replayed.
    let verify_link = share(&h, false).await;
    let console_link = verify_link.replace("#/verify?", "#/console?");
    open_fresh(&h, &console_link).await;
    let error = h.wait_for("[data-testid=share-error]").await;
    assert_eq!(
        error.attr("data-error").await.expect("attr").as_deref(),
        Some("other-page")
    );
    assert!(error.text().await.expect("text").contains("(Verify)"));
    assert!(texts(&h, "[data-testid=console-client-line]")
        .await
        .is_empty());
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn share_in_chinese_restores_and_names_a_damaged_link() {
    let h = Harness::start(BrowserLang::Chinese).await;
    h.open("#/analyze").await;
    h.click("analyze-example-seed004").await;
    h.wait_for("[data-testid=analyze-result]").await;
    let log = value(&h, "analyze-input").await;
    open_panel(&h).await;
    assert!(h
        .wait_for("[data-testid=share-secrets-note]")
        .await
        .text()
        .await
        .expect("note")
        .contains("密码和令牌不会放进链接"));
    let link = share(&h, false).await;
    open_fresh(&h, &link).await;
    let said = status(&h, |t| t.contains("已从链接恢复")).await;
    assert!(said.contains("已重新分析"), "{said}");
    assert_eq!(value(&h, "analyze-input").await, log);

    open_fresh(&h, &format!("{}/#/analyze?s=1.%%%", h.origin)).await;
    h.wait_text("[data-testid=share-error]", |t| t.contains("已损坏"))
        .await;
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

/// The share status as it is now.
async fn status_now(h: &Harness) -> String {
    h.wait_for("[data-testid=share-status]")
        .await
        .text()
        .await
        .expect("status")
}

/// What the tab keeps of `page` for a reload, as text (`None`: nothing kept).
async fn kept(h: &Harness, page: &str) -> Option<String> {
    let payload = h
        .js(&format!(
            "return sessionStorage.getItem('smtp-trainer.kept.{page}')"
        ))
        .await;
    payload
        .as_str()
        .map(|p| decode_text(p).expect("the kept state decodes"))
}

/// Reloads the page (a new document of the same address) and waits for the app.
async fn reload(h: &Harness) {
    h.js("window.__sameDocument = true; return true").await;
    h.client.refresh().await.expect("reload");
    h.wait_for("[data-testid=app-name]").await;
    assert_eq!(
        h.js("return window.__sameDocument === undefined").await,
        serde_json::Value::Bool(true),
        "the page was loaded anew"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_brings_back_the_console_and_the_message_but_no_password() {
    let h = Harness::start(BrowserLang::English).await;
    // The console, a first page (its own module): the session with its AUTH exchange.
    h.open("#/console").await;
    reload(&h).await;
    sendmail_session(&h).await;
    reload(&h).await;
    let said = status(&h, |t| t.contains("Brought back from before the reload")).await;
    assert!(
        said.contains("Sendmail 8.13")
            && said.contains("3 typed line(s)")
            && said.contains("3 password(s), token(s) or AUTH line(s) are never stored"),
        "{said}"
    );
    let from = h
        .js("return document.querySelector('[data-testid=share-status]').dataset.restored")
        .await;
    assert_eq!(from.as_str(), Some("kept"));
    assert_eq!(
        texts(&h, "[data-testid=console-client-line] .text").await,
        vec![
            "EHLO learner.example".to_string(),
            "MAIL FROM:<alice@example.com>".into(),
            "VRFY bob".into()
        ]
    );
    assert_eq!(value(&h, "console-profile").await, "sendmail");
    let stored = kept(&h, "console").await.expect("the session is kept");
    assert!(
        !stored.contains("c2VjcmV0") && !stored.contains("YWxpY2VA") && !stored.contains("AUTH"),
        "no AUTH line is stored: {stored}"
    );
    // The session goes on, and the next reload keeps what was added.
    send_line(&h, "NOOP", "NOOP").await;
    reload(&h).await;
    status(&h, |t| t.contains("4 typed line(s)")).await;
    // A line typed and not sent comes back too; an AUTH line does not (it holds the
    // credential).
    type_into(&h, "console-input", "HELP").await;
    reload(&h).await;
    h.wait_value("console-input", "HELP").await;
    type_into(
        &h,
        "console-input",
        "AUTH PLAIN AHRpbQB0YW5zdGFhZnRhbnN0YWFm",
    )
    .await;
    reload(&h).await;
    status(&h, |t| t.contains("4 typed line(s)")).await;
    assert_eq!(value(&h, "console-input").await, "");
    let stored = h
        .js("return sessionStorage.getItem('smtp-trainer.kept.console.line')")
        .await;
    assert_eq!(stored.as_str(), Some(""), "the AUTH line is not stored");

    // The composer (the whole app): the message back, the password not.
    h.open("#/compose").await;
    h.click("compose-preset-seed000").await;
    type_into(&h, "compose-subject", "kept over a reload").await;
    type_into(&h, "compose-cc", "carol@example.com").await;
    assert_eq!(value(&h, "compose-password").await, "ARsanbbsql60595");
    reload(&h).await;
    let said = status(&h, |t| t.contains("Brought back from before the reload")).await;
    assert!(
        said.contains("kept over a reload") && said.contains("1 password(s)"),
        "{said}"
    );
    assert_eq!(value(&h, "compose-subject").await, "kept over a reload");
    assert_eq!(value(&h, "compose-cc").await, "carol@example.com");
    assert_eq!(value(&h, "compose-user").await, "sunnogo@163.com");
    assert_eq!(value(&h, "compose-password").await, "");
    let stored = kept(&h, "compose").await.expect("the message is kept");
    assert!(!stored.contains("ARsanbbsql60595"), "{stored}");
    // The console, opened after the reload in the same document, comes back too.
    h.open("#/console").await;
    status(&h, |t| t.contains("4 typed line(s)")).await;

    // A new visit (not a reload, not Back) starts as it always did.
    open_fresh(&h, &format!("{}/#/console", h.origin)).await;
    h.wait_for("[data-testid=console-input]").await;
    assert_eq!(status_now(&h).await, "", "nothing was restored");
    assert!(texts(&h, "[data-testid=console-client-line]")
        .await
        .is_empty());
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_in_chinese_brings_back_each_auth_mechanism_on_its_own() {
    let h = Harness::start(BrowserLang::Chinese).await;
    h.open("#/auth/digest-md5").await;
    h.wait_for("[data-testid=auth-step]").await;
    type_into(&h, "auth-input-authzid", "chris-admin").await;
    // Another mechanism, changed too, then a reload there.
    h.open("#/auth/cram-md5").await;
    h.wait_for("[data-testid=auth-step]").await;
    type_into(&h, "auth-input-user", "kept-user").await;
    reload(&h).await;
    let said = status(&h, |t| t.contains("已恢复重新加载前的内容")).await;
    assert!(
        said.contains("CRAM-MD5") && said.contains("从不保存"),
        "{said}"
    );
    assert_eq!(value(&h, "auth-input-user").await, "kept-user");
    assert_eq!(value(&h, "auth-input-password").await, "");
    // DIGEST-MD5's form, kept under its own name, comes back when it is opened.
    h.open("#/auth/digest-md5").await;
    status(&h, |t| t.contains("DIGEST-MD5")).await;
    assert_eq!(value(&h, "auth-input-authzid").await, "chris-admin");
    // A mechanism the learner never changed shows its example, with nothing said.
    h.open("#/auth/plain").await;
    h.wait_for("[data-testid=auth-step]").await;
    assert_ne!(value(&h, "auth-input-password").await, "");
    assert_eq!(status_now(&h).await, "", "nothing was restored");
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_brings_back_verify_and_the_analyzer_without_their_passwords() {
    let h = Harness::start(BrowserLang::English).await;
    // Verify, a first page (its own module): the exchange back, checked again, no password.
    let (challenge, response, password) = rfc2195_on_verify(&h).await;
    assert_ne!(password, "");
    reload(&h).await;
    let said = status(&h, |t| t.contains("Brought back from before the reload")).await;
    assert!(
        said.contains("CRAM-MD5 exchange") && said.contains("1 password(s)"),
        "{said}"
    );
    assert_eq!(value(&h, "verify-challenge").await, challenge);
    assert_eq!(value(&h, "verify-response").await, response);
    assert_eq!(value(&h, "verify-password").await, "");
    h.wait_for("[data-testid=verify-no-password]").await;

    // The analyzer (the whole app): the log back, analyzed again.
    h.open("#/analyze").await;
    h.click("analyze-example-seed004").await;
    h.wait_for("[data-testid=analyze-result]").await;
    let log = value(&h, "analyze-input").await;
    reload(&h).await;
    let said = status(&h, |t| t.contains("Brought back from before the reload")).await;
    assert!(said.contains("analyzed again"), "{said}");
    assert_eq!(value(&h, "analyze-input").await, log);
    h.wait_for("[data-testid=analyze-result]").await;
    assert_eq!(console_problems(&h).await, Vec::<serde_json::Value>::new());
    h.close().await;
}
