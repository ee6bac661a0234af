//! The message-authentication section in the real browser (issue 19): every check's deep
//! link from a cold start; a case study's DKIM verify with its first failing step; a demo
//! key made in the page, a message signed and carried to the verifier, where it passes;
//! SPF's lookup limit; a DMARC verdict in Chinese. What the page's worker computed is
//! compared with the engine's answer for the same inputs
//! ([`smtp_trainer::msgauth::page::handle`], what the worker runs), and the worker's
//! module is fetched only once a check runs.

use smtp_trainer::i18n::Lang;
use smtp_trainer::msgauth::cases::{case, CheckKind};
use smtp_trainer::msgauth::page::{handle, Request, Response};

use super::assert_clean_and_local;
use super::harness::{BrowserLang, Harness};

/// The case's request for `kind`, as the page sends it.
fn case_request(id: &str, kind: CheckKind) -> Request {
    case(id)
        .and_then(|c| c.checks.into_iter().find(|(k, _)| *k == kind))
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("case {id} has a {kind:?} check"))
}

/// Opens the case list and clicks the button loading `id` into `kind`'s check.
async fn open_case(h: &Harness, id: &str, kind: CheckKind) {
    h.open("#/msgauth/cases").await;
    let css = format!(
        "[data-testid=msgauth-case-open][data-case={id}][data-check={}]",
        kind.slug()
    );
    h.wait_for(&css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("clicking {css}: {e}"));
    h.wait_for(&format!(
        "[data-testid=msgauth-page][data-check={}]",
        kind.slug()
    ))
    .await;
    h.wait_for(&format!(
        "[data-testid=msgauth-case-banner][data-case={id}]"
    ))
    .await;
}

/// The page's steps: (id, state).
async fn page_steps(h: &Harness) -> Vec<(String, String)> {
    let steps = h
        .js("return [...document.querySelectorAll('[data-testid=msgauth-step]')].map(s => [s.dataset.stepId, s.dataset.state])")
        .await;
    steps
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s[0].as_str().unwrap_or_default().to_string(),
                s[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// Opens `hash` in a fresh load: away to `about:blank`, then to the link, so the app starts
/// on it with nothing in memory.
async fn open_fresh(h: &Harness, hash: &str) {
    h.client.goto("about:blank").await.expect("about:blank");
    h.client
        .goto(&format!("{}/{hash}", h.origin))
        .await
        .expect("navigation");
    h.wait_for("[data-testid=app-name]").await;
}

/// Whether the page itself has fetched the worker's loader (its Resource Timing entries;
/// the service worker's caching of every file after the load is not the page's fetch).
async fn worker_fetched(h: &Harness) -> bool {
    h.js("return performance.getEntriesByType('resource').some(e => e.name.includes('msgauth_worker'))")
        .await
        .as_bool()
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_check_has_a_deep_link_that_works_from_a_cold_start() {
    let h = Harness::start(BrowserLang::English).await;
    for (slug, view) in [
        ("dkim", "msgauth-dkim"),
        ("sign", "msgauth-sign"),
        ("spf", "msgauth-spf"),
        ("dmarc", "msgauth-dmarc"),
        ("cases", "msgauth-cases"),
    ] {
        // The app starts on that check.
        open_fresh(&h, &format!("#/msgauth/{slug}")).await;
        h.wait_for(&format!("[data-testid=msgauth-page][data-check={slug}]"))
            .await;
        h.wait_for(&format!("[data-testid={view}]")).await;
        let current = h
            .js(&format!(
                "return document.querySelector('[data-testid=msgauth-tab-{slug}]').getAttribute('aria-current')"
            ))
            .await;
        assert_eq!(current.as_str(), Some("page"), "{slug}'s tab is current");
    }
    open_fresh(&h, "#/msgauth").await;
    h.wait_for("[data-testid=msgauth-cases]").await;
    h.wait_text("[data-testid=nav-msgauth]", |t| t == "Message auth")
        .await;
    open_fresh(&h, "#/msgauth/nothing").await;
    h.wait_for("[data-testid=msgauth-unknown]").await;
    // Opening the section fetches no crypto: the worker loads when a check first runs.
    assert!(
        !worker_fetched(&h).await,
        "the page fetched the worker before any check ran"
    );
    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mailing_list_footer_fails_dkim_at_the_body_hash_as_the_engine_says() {
    let h = Harness::start(BrowserLang::English).await;
    let request = case_request("list-footer", CheckKind::Dkim);
    let Response::DkimVerify(native) = handle(&request) else {
        panic!("a DKIM answer")
    };
    open_case(&h, "list-footer", CheckKind::Dkim).await;
    let verdict = h
        .wait_for("[data-testid=msgauth-dkim-verdict][data-verdict=fail]")
        .await;
    let failed = verdict
        .attr("data-failed-step")
        .await
        .expect("attribute")
        .unwrap_or_default();
    assert_eq!(Some(failed.as_str()), native.failed_step.as_deref());
    assert_eq!(failed, "body-hash-compare");
    let failure = h
        .wait_text("[data-testid=msgauth-dkim-failure]", |t| !t.is_empty())
        .await;
    assert_eq!(
        Some(failure.as_str()),
        native.failure.as_ref().map(|f| f.get(Lang::En))
    );
    // Every step, with the same marks: done before the failure, the failure, greyed after.
    let page = page_steps(&h).await;
    let engine: Vec<(String, String)> = native
        .steps
        .iter()
        .map(|s| (s.id.clone(), s.state.id().to_string()))
        .collect();
    assert_eq!(page, engine);
    assert!(page.iter().any(|(_, s)| s == "after"), "{page:?}");
    // The canonicalized body is shown with CR and LF visible.
    let body = h
        .js("return [...document.querySelectorAll('[data-testid=msgauth-step]')].find(s => s.dataset.stepId === 'body-canonicalized').querySelector('[data-testid=msgauth-step-value]').textContent")
        .await;
    assert!(
        body.as_str().unwrap_or_default().contains("Alice␍␊"),
        "{body}"
    );
    assert!(
        worker_fetched(&h).await,
        "the page fetched the worker module to check"
    );
    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_signed_with_a_demo_key_in_the_page_verifies_in_the_dkim_view() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/msgauth/sign").await;
    h.click("msgauth-sign-generate").await;
    h.wait_for("[data-testid=msgauth-sign-record]").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let record = loop {
        let v = super::control_value(&h, "msgauth-sign-record").await;
        if v.starts_with("v=DKIM1; k=ed25519; p=") {
            break v;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no demo key appeared: {v:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    // The record is the public half of the key the page shows (derived natively here).
    let private = super::control_value(&h, "msgauth-sign-key").await;
    let seed = smtp_trainer::msgauth::dkim::crypto::ed25519_seed(&private).expect("a seed");
    let Response::DemoKey(Ok(native)) = handle(&Request::DemoKey {
        seed: seed.to_vec(),
    }) else {
        panic!("a demo key")
    };
    assert_eq!(record, native.record);
    h.click("msgauth-sign-run").await;
    let signed = h
        .wait_text("[data-testid=msgauth-sign-signed]", |t| {
            t.starts_with("DKIM-Signature: v=1; a=ed25519-sha256;")
        })
        .await;
    assert!(signed.contains("d=example.net; s=demo;"), "{signed}");
    let ids = page_steps(&h).await;
    assert!(
        ids.iter().any(|(id, _)| id == "body-hash") && ids.iter().any(|(id, _)| id == "signature"),
        "{ids:?}"
    );
    h.click("msgauth-sign-verify").await;
    h.wait_for("[data-testid=msgauth-page][data-check=dkim]")
        .await;
    h.wait_for("[data-testid=msgauth-dkim-verdict][data-verdict=pass]")
        .await;
    assert_eq!(super::control_value(&h, "msgauth-dkim-key").await, record);
    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spf_with_too_many_includes_is_a_permerror_counted_term_by_term_as_the_engine_counts() {
    let h = Harness::start(BrowserLang::English).await;
    let Response::Spf(Ok(native)) = handle(&case_request("spf-lookups", CheckKind::Spf)) else {
        panic!("an SPF evaluation")
    };
    open_case(&h, "spf-lookups", CheckKind::Spf).await;
    let result = h
        .wait_for("[data-testid=msgauth-spf-result][data-result=permerror]")
        .await;
    let _ = result;
    let lookups = h
        .js("return document.querySelector('[data-testid=msgauth-spf-lookups]').dataset.lookups")
        .await;
    assert_eq!(lookups.as_str(), Some(native.lookups.to_string().as_str()));
    assert!(native.lookups > 10);
    let error = h
        .wait_text("[data-testid=msgauth-spf-error]", |t| !t.is_empty())
        .await;
    assert_eq!(
        Some(error.as_str()),
        native.error.as_ref().map(|e| e.get(Lang::En))
    );
    let rows = h
        .js("return [...document.querySelectorAll('[data-testid=msgauth-spf-step]')].map(r => [r.dataset.id, r.dataset.outcome, r.dataset.depth])")
        .await;
    let page: Vec<(String, String, String)> = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let get = |i: usize| r[i].as_str().unwrap_or_default().to_string();
            (get(0), get(1), get(2))
        })
        .collect();
    let engine: Vec<(String, String, String)> = native
        .steps
        .iter()
        .map(|s| (s.id.clone(), s.outcome.clone(), s.depth.to_string()))
        .collect();
    assert_eq!(page, engine);
    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gmail_5_7_26_in_chinese_shows_the_engines_dmarc_verdict() {
    let h = Harness::start(BrowserLang::Chinese).await;
    let Response::Dmarc(Ok(native)) = handle(&case_request("gmail-5-7-26", CheckKind::Dmarc))
    else {
        panic!("a DMARC evaluation")
    };
    open_case(&h, "gmail-5-7-26", CheckKind::Dmarc).await;
    h.wait_text("[data-testid=msgauth-heading]", |t| {
        t == "邮件认证：为什么进了垃圾箱？"
    })
    .await;
    h.wait_for("[data-testid=msgauth-dmarc-result][data-result=fail][data-disposition=reject]")
        .await;
    let verdict = h
        .wait_text("[data-testid=msgauth-dmarc-verdict]", |t| !t.is_empty())
        .await;
    assert_eq!(verdict, native.verdict.zh);
    assert_eq!(native.disposition.as_deref(), Some("reject"));
    let page: Vec<String> = page_steps(&h).await.into_iter().map(|(id, _)| id).collect();
    let engine: Vec<String> = native.steps.iter().map(|s| s.id.clone()).collect();
    assert_eq!(page, engine);
    // The case's "what to fix", in Chinese.
    let fix = case("gmail-5-7-26").expect("the case").fix.zh;
    let shown = h
        .js("return document.querySelector('[data-testid=msgauth-case-fix] p').textContent")
        .await;
    assert_eq!(shown.as_str(), Some(fix));
    assert_clean_and_local(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forwarded_message_fails_spf_passes_dkim_and_dmarc_takes_both_results() {
    let h = Harness::start(BrowserLang::English).await;
    open_case(&h, "forwarded", CheckKind::Spf).await;
    h.wait_for("[data-testid=msgauth-spf-result][data-result=fail]")
        .await;
    open_case(&h, "forwarded", CheckKind::Dkim).await;
    h.wait_for("[data-testid=msgauth-dkim-verdict][data-verdict=pass]")
        .await;
    // The DMARC view takes what the two checks computed in the page: exactly the inputs
    // the case gives its DMARC check.
    h.click("msgauth-tab-dmarc").await;
    h.click("msgauth-dmarc-take").await;
    let Request::Dmarc {
        from_domain,
        spf_result,
        spf_domain,
        dkim,
        records,
        ..
    } = case_request("forwarded", CheckKind::Dmarc)
    else {
        panic!("a DMARC request")
    };
    let dkim_line: Vec<String> = dkim
        .iter()
        .map(|(d, ok)| format!("{d} {}", if *ok { "pass" } else { "fail" }))
        .collect();
    for (testid, expected) in [
        ("msgauth-dmarc-from", from_domain),
        ("msgauth-dmarc-spf-result", spf_result),
        ("msgauth-dmarc-spf-domain", spf_domain),
        ("msgauth-dmarc-dkim", dkim_line.join("\n")),
    ] {
        assert_eq!(super::control_value(&h, testid).await, expected, "{testid}");
    }
    // With the records typed in, DMARC passes on DKIM alone.
    h.wait_for("[data-testid=msgauth-dmarc-records]")
        .await
        .send_keys(&records)
        .await
        .expect("typing the records");
    h.click("msgauth-dmarc-check").await;
    h.wait_for("[data-testid=msgauth-dmarc-result][data-result=pass]")
        .await;
    assert_clean_and_local(&h).await;
    h.close().await;
}

/// Replaces an input's text by typing.
async fn type_into(h: &Harness, testid: &str, text: &str) {
    let input = h.wait_for(&format!("[data-testid={testid}]")).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("typing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_composer_signs_with_a_demo_key_and_the_mailbox_verifies_what_was_stored() {
    use fantoccini::key::Key;
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/compose").await;
    h.wait_for("[data-testid=compose-page]").await;
    type_into(&h, "compose-from", "Alice <alice@example.com>").await;
    type_into(&h, "compose-subject", "Signed in the page").await;
    let enter = Key::Enter.to_string();
    // A lone dot and a leading dot: stuffed on the wire, un-stuffed when stored.
    type_into(
        &h,
        "compose-text",
        &format!("Hi Bob,{enter}.{enter}.a leading dot{enter}"),
    )
    .await;
    h.click("compose-dkim-on").await;
    // d= defaults to the From: domain.
    let domain = h.wait_for("[data-testid=compose-dkim-domain]").await;
    assert_eq!(
        domain
            .attr("placeholder")
            .await
            .expect("attribute")
            .as_deref(),
        Some("example.com")
    );
    type_into(&h, "compose-dkim-selector", "trainer").await;

    // Without a key nothing is sent.
    h.click("compose-send").await;
    h.wait_text("[data-testid=compose-refused]", |t| {
        t.contains("generate a demo key pair first")
    })
    .await;

    h.click("compose-dkim-generate").await;
    let record = h
        .wait_text("[data-testid=compose-dkim-record]", |t| {
            t.starts_with("v=DKIM1; k=ed25519; p=")
        })
        .await;
    h.click("compose-send").await;
    h.wait_for("[data-testid=compose-verdict][data-delivered=true]")
        .await;
    // The signature's steps are shown with the result, with the key's record.
    h.wait_for(
        "[data-testid=compose-dkim-signature] [data-testid=msgauth-step][data-step-id=body-hash]",
    )
    .await;
    h.wait_text("[data-testid=compose-dkim-result-record]", |t| t == record)
        .await;
    let fetched = h
        .js("return performance.getEntriesByType('resource').some(e => e.name.includes('compose_worker'))")
        .await;
    assert_eq!(
        fetched.as_bool(),
        Some(true),
        "signing ran in the compose worker"
    );

    // In Chinese, the signature's section and the mailbox's button speak Chinese.
    h.click("lang-zh").await;
    h.wait_text("#compose-dkim-heading", |t| t == "DKIM 签名的逐步构建")
        .await;
    h.click("nav-mailbox").await;
    h.wait_text("[data-testid=mailbox-verify-dkim]", |t| t == "验证 DKIM")
        .await;
    h.click("lang-en").await;
    h.wait_text("[data-testid=mailbox-subject]", |t| {
        t == "Signed in the page"
    })
    .await;
    h.wait_text("[data-testid=mailbox-verify-dkim]", |t| t == "Verify DKIM")
        .await;
    h.click("mailbox-verify-dkim").await;
    h.wait_for("[data-testid=msgauth-page][data-check=dkim]")
        .await;
    let verdict = h
        .wait_text(
            "[data-testid=msgauth-dkim-verdict][data-verdict=pass]",
            |t| !t.is_empty(),
        )
        .await;
    assert!(
        verdict.contains("example.com") && verdict.contains("trainer"),
        "{verdict}"
    );
    assert_eq!(super::control_value(&h, "msgauth-dkim-key").await, record);
    // The check has the message as stored: the server's Received: first, then the signature.
    let message = super::control_value(&h, "msgauth-dkim-message").await;
    assert!(message.starts_with("Received: "), "{message}");
    assert!(
        message.contains("\nDKIM-Signature: v=1; a=ed25519-sha256;")
            && message.contains("d=example.com;")
            && message.contains("s=trainer;"),
        "{message}"
    );
    assert!(
        message.contains("Hi Bob,\n.\n.a leading dot\n"),
        "{message}"
    );
    // The engine agrees on what the page holds.
    let Response::DkimVerify(native) = handle(&Request::DkimVerify {
        message,
        key_record: record,
        index: 0,
        now: None,
    }) else {
        panic!("a DKIM answer")
    };
    assert!(native.pass, "{:?}", native.failure);
    assert_clean_and_local(&h).await;
    h.close().await;
}
