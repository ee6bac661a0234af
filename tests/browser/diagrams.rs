//! The diagrams of issue 18 in the page: the console's live ladder (one arrow per line, the
//! reply classes the transcript shows, a click opens the line's explanation, SVG and PNG
//! export), the analyzer's and the composer's ladders, the scenario console's, the Auth
//! page's data flow following the stepper (buttons, keys, clicks) and the Verify page's
//! first wrong node. Each test ends with a clean console and no request beyond the page.

use fantoccini::key::Key;
use serde_json::Value;
use smtp_trainer::analyze::analyze;
use smtp_trainer::diagram::ladder;

use super::harness::{BrowserLang, Harness};

const SEED000: &str = include_str!("../fixtures/seed000-dokuwiki.log");

async fn problems(h: &Harness) -> Vec<Value> {
    h.console()
        .await
        .into_iter()
        .filter(|e| matches!(e["level"].as_str(), Some("SEVERE" | "WARNING")))
        .collect()
}

/// Nothing in the browser console; nothing fetched but the page's own files.
async fn assert_clean(h: &Harness) {
    let problems = problems(h).await;
    assert!(
        problems.is_empty(),
        "the browser console reported: {problems:#?}"
    );
    let own = format!("{}/", h.origin);
    let urls = h
        .js("return performance.getEntries().filter(e => e.name.includes('://')).map(e => e.name)")
        .await;
    let foreign: Vec<&str> = urls
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter(|u| !u.starts_with(&own))
                .collect()
        })
        .unwrap_or_default();
    assert!(foreign.is_empty(), "requests beyond the page: {foreign:?}");
    assert!(
        h.requested().iter().all(|(_, ok)| *ok),
        "{:?}",
        h.requested()
    );
}

/// Waits until the script returns `want`.
async fn wait_js(h: &Harness, script: &str, want: &str) -> Value {
    let deadline = std::time::Instant::now() + super::harness::WAIT;
    let mut last = Value::Null;
    while std::time::Instant::now() < deadline {
        last = h.js(script).await;
        if last.as_str() == Some(want) {
            return last;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{script} never returned {want}; last {last}");
}

/// The accessibility checks the diagrams must pass: the figure is named by its caption,
/// the SVG has a title and a description, every focusable part has a name, and the text
/// is text (`<text>` elements, not paths).
async fn assert_accessible(h: &Harness, figure: &str) {
    let report = h
        .js(&format!(
            "const f = document.querySelector('[data-testid={figure}]');
             const svg = f.querySelector('svg');
             const caption = document.getElementById(f.getAttribute('aria-labelledby'));
             const unnamed = [...f.querySelectorAll('[tabindex], button')]
               .filter(e => !(e.getAttribute('aria-label') || e.textContent.trim())).length;
             return [!!caption && caption.textContent.length > 0,
                     !!svg.querySelector('title') && !!svg.querySelector('desc'),
                     svg.getAttribute('aria-label') === svg.querySelector('title').textContent,
                     unnamed, svg.querySelectorAll('text').length > 0].join(',');"
        ))
        .await;
    let report = report.as_str().unwrap_or_default().to_string();
    let parts: Vec<&str> = report.split(',').collect();
    assert_eq!(
        parts,
        ["true", "true", "true", "0", "true"],
        "{figure}: {report}"
    );
}

/// The figure's last export parses as SVG and holds the same arrow labels as the page.
async fn export_matches_page(h: &Harness, figure: &str, file: &str) {
    h.click(&format!("{figure}-export-svg")).await;
    wait_js(
        h,
        "return window.__lastExport && window.__lastExport.name",
        file,
    )
    .await;
    let same = h
        .js(&format!(
            "const doc = new DOMParser().parseFromString(window.__lastExport.text, 'image/svg+xml');
             if (doc.querySelector('parsererror')) return 'parse error';
             const texts = s => [...s.querySelectorAll('text')].map(t => t.textContent).join('|');
             const page = document.querySelector('[data-testid={figure}] svg');
             return texts(doc) === texts(page) && texts(page).length > 0 ? 'same' : texts(doc);"
        ))
        .await;
    assert_eq!(same.as_str(), Some("same"), "{figure}");
}

async fn send(h: &Harness, testid: &str, line: &str) {
    h.wait_for(&format!("[data-testid={testid}]"))
        .await
        .send_keys(&format!("{line}{}", Key::Enter))
        .await
        .expect("typing a line");
}

/// Every arrow's class, in order.
async fn arrow_classes(h: &Harness, figure: &str) -> Vec<String> {
    let list = h
        .js(&format!(
            "return [...document.querySelectorAll('[data-testid={figure}] [data-arrow]')].map(a => a.dataset.class)"
        ))
        .await;
    list.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Clicks arrow `n` of the figure (a real click event, bubbling as a finger's would).
async fn click_arrow(h: &Harness, figure: &str, n: usize) {
    h.js(&format!(
        "document.querySelector('[data-testid={figure}] [data-arrow=\"{n}\"]')
           .dispatchEvent(new MouseEvent('click', {{bubbles: true}}))"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_ladder_grows_with_the_session_and_a_click_opens_the_reply() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/console").await;
    h.wait_for("[data-testid=console-ladder]").await;
    for line in [
        "EHLO learner.example",
        "MAIL FROM:<alice@example.com>",
        "FOO",
        "RCPT TO:<bob@example.com>",
    ] {
        send(&h, "console-input", line).await;
    }
    // Greeting, EHLO, its reply, MAIL, reply, FOO, reply, RCPT, reply.
    let deadline = std::time::Instant::now() + super::harness::WAIT;
    while arrow_classes(&h, "console-ladder").await.len() < 9 {
        assert!(
            std::time::Instant::now() < deadline,
            "the ladder did not grow"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // One arrow per command and per reply: the transcript's rows, a multi-line reply one.
    let rows = h
        .js("return [...document.querySelectorAll('[data-testid=console-transcript] > .line')]
               .filter(r => r.classList.contains('client') || r.classList.contains('server'))
               .map(r => r.classList.contains('client') ? 'command'
                 : r.classList.contains('positive') ? (r.textContent.includes('S: 3') ? '3xx' : '2xx')
                 : r.classList.contains('transient') ? '4xx' : '5xx')")
        .await;
    let rows: Vec<String> = rows
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    let classes = arrow_classes(&h, "console-ladder").await;
    assert_eq!(classes, rows);
    // greeting, EHLO, 250, MAIL, 250, FOO, 5xx, RCPT, 250.
    assert_eq!(classes.len(), 9, "{classes:?}");
    assert_eq!(classes[6], "5xx");
    let phases = h
        .js("return [...document.querySelectorAll('[data-testid=console-ladder] [data-band]')].map(b => b.dataset.band).join(',')")
        .await;
    assert_eq!(
        phases.as_str(),
        Some("greeting,ehlo,envelope,other,envelope")
    );

    // The 500 to FOO: its arrow opens the transcript's explanation of it.
    click_arrow(&h, "console-ladder", 6).await;
    let opened = wait_js(
        &h,
        "const b = document.querySelectorAll('[data-testid=console-reply]')[3]; return b.getAttribute('aria-expanded')",
        "true",
    )
    .await;
    assert_eq!(opened.as_str(), Some("true"));
    let panel = h
        .js(
            "const b = document.querySelectorAll('[data-testid=console-reply]')[3];
             return document.getElementById(b.getAttribute('aria-controls')).textContent",
        )
        .await;
    assert!(
        panel.as_str().unwrap_or_default().contains("500"),
        "{panel}"
    );

    assert_accessible(&h, "console-ladder").await;
    export_matches_page(&h, "console-ladder", "smtp-session.svg").await;
    h.click("console-ladder-export-png").await;
    let png = wait_js(
        &h,
        "return window.__lastExport && window.__lastExport.name",
        "smtp-session.png",
    )
    .await;
    assert_eq!(png.as_str(), Some("smtp-session.png"));
    let size = h.js("return window.__lastExport.text").await;
    assert!(
        size.as_str().unwrap_or_default().starts_with("1280x"),
        "{size}"
    );

    // On a phone the diagram keeps its size and its box scrolls.
    let scrolls = h
        .js(
            "const c = document.querySelector('[data-testid=console-ladder-canvas]');
             c.style.width = '320px'; return String(c.scrollWidth > c.clientWidth)",
        )
        .await;
    assert_eq!(scrolls.as_str(), Some("true"));
    assert_clean(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_analyzer_and_composer_draw_their_sessions_in_chinese_and_arrows_lead_to_lines() {
    let h = Harness::start(BrowserLang::Chinese).await;
    h.open("#/analyze").await;
    h.click("analyze-example-seed000").await;
    h.wait_for("[data-testid=analyze-ladder]").await;
    // The same ladder the native module draws for the log.
    let analysis = analyze(SEED000);
    let want = ladder::layout(&ladder::from_analysis(&analysis));
    let classes = arrow_classes(&h, "analyze-ladder").await;
    let want_classes: Vec<&str> = want.arrows.iter().map(|a| a.class.id()).collect();
    assert_eq!(classes, want_classes);
    let svg_text = h
        .js("return document.querySelector('[data-testid=analyze-ladder] svg').textContent")
        .await;
    let svg_text = svg_text.as_str().unwrap_or_default();
    assert!(
        svg_text.contains("客户端") && svg_text.contains("服务器"),
        "{svg_text}"
    );
    // The 553's arrow shows and highlights its line.
    let (n, arrow) = want
        .arrows
        .iter()
        .enumerate()
        .find(|(_, a)| a.lines[0].starts_with("553"))
        .expect("the 553");
    click_arrow(&h, "analyze-ladder", n).await;
    let row = format!(
        "[data-testid=analyze-line][data-line='{}']",
        arrow.sources[0]
    );
    let class = wait_js(
        &h,
        &format!(
            "return String(document.querySelector(\"{row}\").classList.contains('highlighted'))"
        ),
        "true",
    )
    .await;
    assert_eq!(class.as_str(), Some("true"));
    assert_accessible(&h, "analyze-ladder").await;

    // The composer: seed 000's settings get the 553; a click opens the dialog's reply.
    h.open("#/compose").await;
    h.click("compose-preset-seed000").await;
    h.click("compose-send").await;
    h.wait_for("[data-testid=compose-ladder]").await;
    let n553 = h
        .js("return [...document.querySelectorAll('[data-testid=compose-ladder] [data-arrow]')]
               .find(a => a.dataset.class === '5xx' && a.querySelector('title').textContent.includes(': 553'))
               .dataset.arrow")
        .await;
    let n553: usize = n553
        .as_str()
        .and_then(|n| n.parse().ok())
        .expect("the 553's arrow");
    click_arrow(&h, "compose-ladder", n553).await;
    wait_js(
        &h,
        "return String([...document.querySelectorAll('[data-testid=compose-dialog] [aria-expanded=true]')].some(b => b.textContent.includes('553')))",
        "true",
    )
    .await;
    assert_accessible(&h, "compose-ladder").await;
    export_matches_page(&h, "compose-ladder", "smtp-session.svg").await;
    assert_clean(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scenario_console_draws_its_session() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/scenarios").await;
    let first_console = h
        .js("const l = [...document.querySelectorAll('a[href*=\"#/scenarios/\"]')].map(a => a.getAttribute('href')); return l")
        .await;
    let links: Vec<String> = first_console
        .as_array()
        .expect("scenario links")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    // The first scenario played in a console.
    let mut played = false;
    for link in links {
        h.open(&link).await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let has_console = h
            .js("return String(!!document.querySelector('[data-testid=scenario-transcript]'))")
            .await;
        if has_console.as_str() == Some("true") {
            played = true;
            break;
        }
    }
    assert!(played, "no scenario plays in a console");
    h.wait_for("[data-testid=scenario-transcript-ladder]").await;
    let before = arrow_classes(&h, "scenario-transcript-ladder").await.len();
    let input = h
        .js("const i = document.querySelector('[data-testid=scenario-console] input, [data-testid=scenario-console] textarea'); return i ? i.dataset.testid : ''")
        .await;
    let input = input.as_str().unwrap_or_default().to_string();
    assert!(!input.is_empty(), "the scenario console's input");
    send(&h, &input, "NOOP").await;
    let deadline = std::time::Instant::now() + super::harness::WAIT;
    while arrow_classes(&h, "scenario-transcript-ladder").await.len() < before + 2 {
        assert!(
            std::time::Instant::now() < deadline,
            "the ladder did not grow"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let classes = arrow_classes(&h, "scenario-transcript-ladder").await;
    assert_eq!(
        classes[before..],
        ["command".to_string(), "2xx".to_string()]
    );
    assert_accessible(&h, "scenario-transcript-ladder").await;
    assert_clean(&h).await;
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rfc2831_data_flow_follows_the_stepper_and_the_verifier_marks_the_hex_a1_mistake() {
    use smtp_trainer::sasl::digest_md5;

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/auth/digest-md5").await;
    h.click("auth-example-rfc2831").await;
    h.wait_for("[data-testid=auth-flow] [data-node]").await;
    // One node per step the stepper walks (the engine's trace and the decoded challenge).
    let engine = digest_md5::client(&digest_md5::rfc2831_example());
    let nodes = h
        .js("return [...document.querySelectorAll('[data-testid=auth-flow] [data-node]')].map(n => n.dataset.stepId)")
        .await;
    let nodes: Vec<&str> = nodes
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut want = vec!["challenge"];
    want.extend(engine.steps.iter().map(|s| s.id));
    assert_eq!(nodes, want);
    let current = "return document.querySelector('[data-testid=auth-flow] [data-state=current]').dataset.stepId";
    wait_js(&h, current, "challenge").await;
    h.click("auth-next").await;
    wait_js(&h, current, want[1]).await;
    // A click on a node shows its step; ←/→ on the diagram move through the graph.
    h.js(
        "document.querySelector('[data-testid=auth-flow] [data-node=\"3\"] rect')
            .dispatchEvent(new MouseEvent('click', {bubbles: true}))",
    )
    .await;
    wait_js(&h, current, want[3]).await;
    h.wait_text("[data-testid=auth-position]", |t| {
        t.starts_with("Step 4 of")
    })
    .await;
    let canvas = h.wait_for("[data-testid=auth-flow-canvas]").await;
    canvas.send_keys(&Key::Right.to_string()).await.expect("→");
    wait_js(&h, current, want[4]).await;
    canvas.send_keys(&Key::Left.to_string()).await.expect("←");
    wait_js(&h, current, want[3]).await;
    // The operations are edges: H(user:realm:password) is the MD5 of step 2.
    let md5 = h
        .js("return String(!!document.querySelector('[data-testid=auth-flow] [data-edge=\"1-2\"][data-op=md5]'))")
        .await;
    assert_eq!(md5.as_str(), Some("true"));
    assert_accessible(&h, "auth-flow").await;
    export_matches_page(&h, "auth-flow", "sasl-data-flow.svg").await;

    // The verifier's "hex A1" example: the first wrong node is the list's, later ones grey.
    h.open("#/verify").await;
    h.click("verify-example-digest-hex-a1").await;
    let wrong = h
        .wait_for("[data-testid=verify-step][data-first-wrong=true]")
        .await
        .attr("data-step-id")
        .await
        .expect("attribute")
        .unwrap_or_default();
    assert!(wrong.contains("a1"), "{wrong}");
    let marked = h
        .js("return document.querySelector('[data-testid=verify-flow] [data-state=wrong]').dataset.stepId")
        .await;
    assert_eq!(marked.as_str(), Some(wrong.as_str()));
    let greyed = h
        .js("const nodes = [...document.querySelectorAll('[data-testid=verify-flow] [data-node]')];
             const w = nodes.findIndex(n => n.dataset.state === 'wrong');
             return String(nodes.slice(w + 1).every(n => n.dataset.state === 'after-wrong') && nodes.slice(0, w).every(n => n.dataset.state === ''))")
        .await;
    assert_eq!(greyed.as_str(), Some("true"));
    assert_accessible(&h, "verify-flow").await;
    assert_clean(&h).await;
    h.close().await;
}
