//! On a phone (375 × 667 CSS pixels, the smallest common screen) every section fits its
//! width in both languages: nothing makes the page scroll sideways, and what is wider than
//! the screen (a transcript, a diagram, a table) scrolls inside its own box. The navigation
//! leaves most of the screen to the page.

use serde_json::Value;

use super::harness::{BrowserLang, Harness};

const WIDTH: u32 = 375;
const HEIGHT: u32 = 667;

/// Every section, and a page within those that have pages.
const ROUTES: [(&str, &str); 14] = [
    ("#/console", "console-input"),
    ("#/auth", "auth-page"),
    ("#/auth/scram-sha-256", "auth-page"),
    ("#/verify", "verify-page"),
    ("#/compose", "compose-page"),
    ("#/mailbox", "mailbox-page"),
    ("#/analyze", "analyze-page"),
    ("#/msgauth", "msgauth-page"),
    ("#/scenarios", "scenario-list"),
    ("#/scenarios/cram-md5-which-step", "scenario-verify"),
    ("#/scenarios/sender-mismatch", "scenario-view"),
    ("#/lessons", "lesson-list"),
    ("#/lessons/auth-login", "lesson-view"),
    ("#/reference", "reference-page"),
];

/// The page's width against the screen's, the elements that stick out past the screen's
/// right edge or whose content spills past it (outside any box that scrolls sideways), and
/// the header's height.
const MEASURE: &str = "const width = window.innerWidth; \
    const scrolls = (e) => { \
      for (let p = e.parentElement; p; p = p.parentElement) { \
        const x = getComputedStyle(p).overflowX; \
        if ((x === 'auto' || x === 'scroll' || x === 'hidden') && p !== document.documentElement \
            && p !== document.body) return true; \
      } \
      return false; \
    }; \
    const name = (e) => e.tagName.toLowerCase() + (e.dataset.testid ? `[${e.dataset.testid}]` : '') \
      + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''); \
    const out = [...document.querySelectorAll('body *')].filter((e) => { \
      const r = e.getBoundingClientRect(); \
      const spills = getComputedStyle(e).overflowX === 'visible' \
        && r.left + e.scrollWidth > width + 1; \
      return r.width > 0 && (r.right > width + 1 || spills) && !scrolls(e); \
    }).map((e) => `${name(e)} ${Math.round(e.getBoundingClientRect().left + e.scrollWidth)}px`); \
    const nav = document.querySelector('header') ?? document.querySelector('nav'); \
    return { page: document.documentElement.scrollWidth, width, out: out.slice(0, 12), \
      nav: nav ? Math.round(nav.getBoundingClientRect().height) : 0 };";

async fn check_every_route(lang: BrowserLang) {
    let h = Harness::start(lang).await;
    h.phone(WIDTH, HEIGHT).await;
    let mut problems = Vec::new();
    for (hash, ready) in ROUTES {
        h.open(hash).await;
        h.wait_for(&format!("[data-testid={ready}]")).await;
        let m: Value = h.js(MEASURE).await;
        let width = m["width"].as_u64().unwrap_or_default();
        assert_eq!(width, u64::from(WIDTH), "the phone's width applies");
        let page = m["page"].as_u64().unwrap_or(u64::MAX);
        let out = m["out"].as_array().cloned().unwrap_or_default();
        if page > width || !out.is_empty() {
            problems.push(format!("{hash}: page {page}px wide, sticking out: {out:?}"));
        }
        let nav = m["nav"].as_u64().unwrap_or(u64::MAX);
        if nav > u64::from(HEIGHT) / 4 {
            problems.push(format!("{hash}: the header is {nav}px high"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    h.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_section_fits_a_phone_in_english() {
    check_every_route(BrowserLang::English).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_section_fits_a_phone_in_chinese() {
    check_every_route(BrowserLang::Chinese).await;
}
