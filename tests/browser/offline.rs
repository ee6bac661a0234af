//! The service worker (static/sw.js, filled in by `cargo xtask dist`): after a first visit
//! the page works with the network gone, the worker caches and serves only the app's own
//! files, and a new release replaces the cached one whole. A worker whose module never
//! loads is reported on the page, not waited for.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::harness::{copy_dist, BrowserLang, Harness, WAIT};

/// Waits until the page is controlled by the service worker (installed, files cached).
async fn wait_controlled(h: &Harness) {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if h.js("return !!navigator.serviceWorker.controller").await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no service worker controls the page within {WAIT:?}");
}

/// Loads the page anew at `hash` (a new document, not a fragment change within the old).
async fn load_at(h: &Harness, hash: &str) {
    h.open(hash).await;
    let marker = "window.__sameDocument = true; return true";
    h.js(marker).await;
    h.client.refresh().await.expect("reload");
    h.wait_for("[data-testid=app-name]").await;
    assert_eq!(
        h.js("return window.__sameDocument === undefined").await,
        Value::Bool(true),
        "the page was loaded anew"
    );
}

/// The names of the caches the page's origin holds, and the URLs in each.
async fn caches(h: &Harness) -> Vec<(String, Vec<String>)> {
    let value = h
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k)
               .then(c => c.keys()).then(rs => [k, rs.map(r => r.url)]))))
             .then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .expect("the Cache API answers");
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"))
}

/// The `VERSION` a filled-in sw.js carries.
fn version(dist: &Path) -> String {
    let sw = std::fs::read_to_string(dist.join("sw.js")).expect("dist/sw.js");
    let line = sw
        .lines()
        .find(|l| l.starts_with("const VERSION = \""))
        .expect("sw.js declares its VERSION");
    let version = line
        .trim_start_matches("const VERSION = \"")
        .trim_end_matches("\";");
    assert!(
        version.len() == 16 && version.chars().all(|c| c.is_ascii_hexdigit()),
        "`cargo xtask dist` filled in the content hash: {line}"
    );
    version.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_visit_works_offline_from_the_service_workers_cache() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/console").await;
    h.wait_for("[data-testid=console-input]").await;
    wait_controlled(&h).await;

    // What the worker cached: the app's own files only, under this release's version.
    let cached = caches(&h).await;
    let version = version(h.dist());
    assert_eq!(cached.len(), 1, "one cache, this release's: {cached:?}");
    let (name, urls) = &cached[0];
    assert_eq!(name, &format!("smtp-trainer-{version}"));
    let own = format!("{}/", h.origin);
    assert!(
        urls.iter().all(|u| u.starts_with(&own)),
        "the worker cached only the app's own files: {urls:?}"
    );
    for kind in [".wasm", ".js", ".css", "index.html", "manifest.webmanifest"] {
        assert!(
            urls.iter().any(|u| u.ends_with(kind)),
            "the cache holds the {kind}: {urls:?}"
        );
    }

    // The network goes away; the page still opens, on any deep link, and works.
    h.set_offline(true);
    let before = h.request_count();
    load_at(&h, "#/reference/553").await;
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    load_at(&h, "#/auth/cram-md5").await;
    h.wait_for("[data-testid=auth-page]").await;
    load_at(&h, "#/console").await;
    let input = h.wait_for("[data-testid=console-input]").await;
    input
        .send_keys("EHLO offline.example\n")
        .await
        .expect("typing");
    h.wait_text("[data-testid=console-transcript]", |t| t.contains("250"))
        .await;
    // Only the browser's update check for the worker itself may try the network.
    let tried: Vec<String> = h
        .requested()
        .into_iter()
        .skip(before)
        .map(|(p, _)| p)
        .filter(|p| p != "/sw.js")
        .collect();
    assert!(
        tried.is_empty(),
        "offline, every file came from the worker's cache: {tried:?}"
    );
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_release_replaces_the_cached_one() {
    let dist = copy_dist("release");
    let old = version(&dist);
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    h.open("#/reference").await;
    wait_controlled(&h).await;
    assert_eq!(
        caches(&h)
            .await
            .iter()
            .map(|c| c.0.clone())
            .collect::<Vec<_>>(),
        [format!("smtp-trainer-{old}")]
    );

    // The next release: a changed index.html and, as `cargo xtask dist` makes it, a sw.js
    // with a new version.
    let new = "0123456789abcdef";
    let index = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    let marked = index.replace("<head>", "<head><meta name=\"release\" content=\"next\" />");
    assert_ne!(index, marked);
    std::fs::write(dist.join("index.html"), marked).expect("write index.html");
    let sw = std::fs::read_to_string(dist.join("sw.js")).expect("sw.js");
    std::fs::write(dist.join("sw.js"), sw.replace(&old, new)).expect("write sw.js");

    // A visit finds the new worker, which installs, takes over and drops the old cache …
    load_at(&h, "#/reference").await;
    let deadline = Instant::now() + WAIT;
    loop {
        let names: Vec<String> = caches(&h).await.into_iter().map(|c| c.0).collect();
        if names == [format!("smtp-trainer-{new}")] {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the old release's cache is still there: {names:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // … and the next one is the new release, offline too.
    h.set_offline(true);
    load_at(&h, "#/reference/553").await;
    h.wait_text("[data-testid=detail-code]", |t| t == "553")
        .await;
    let release = h
        .js("const m = document.querySelector('meta[name=release]'); return m ? m.content : null")
        .await;
    assert_eq!(release, Value::from("next"), "the page is the new release");
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}

/// The site with the workers' modules missing (as a first visit offline, or a host that
/// lost files, would leave them): the pages that hand work to a worker say after a while
/// that no answer came, instead of showing "computing" for ever.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_whose_module_never_loads_is_reported_not_waited_for() {
    let dist = copy_dist("no-workers");
    for module in ["msgauth_worker_bg.wasm", "capture_worker_bg.wasm"] {
        std::fs::remove_file(dist.join(module)).expect("the worker module is in dist");
    }
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    // Message authentication: a demo key is made in the worker.
    h.open("#/msgauth/sign").await;
    h.click("msgauth-sign-generate").await;
    let silent = h
        .wait_text("[data-testid=worker-silent]", |t| !t.is_empty())
        .await;
    assert!(silent.contains("No answer from the worker"), "{silent}");
    assert!(silent.contains("reload the page"), "{silent}");
    // A capture is read in its worker.
    h.open("#/analyze").await;
    let capture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/captures/swaks-auth.pcap");
    assert!(capture.is_file(), "{} is a fixture", capture.display());
    h.wait_for("[data-testid=analyze-capture-input]")
        .await
        .send_keys(capture.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file input takes the path");
    h.wait_for("[data-testid=analyze-capture] [data-testid=worker-silent]")
        .await;
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}
