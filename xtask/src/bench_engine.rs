//! `cargo xtask bench-engine`: the page's longest frame while the page computes
//! SCRAM-SHA-256 with a million iterations (the Auth page) and analyzes a log of about
//! 1 MB and 20 000 lines (the Analyze page) — issue 13: heavy work off the main thread, the
//! page never frozen. In headless Chromium against the release `dist/`.
//!
//! Each run opens the page in a fresh profile and starts the computation as a learner does
//! (the RFC 7677 example with `i=1000000` typed into the server-first message; the log put
//! in the text area, in a task of its own that is not measured, and Analyze clicked; then,
//! the log analyzed, "Show all" clicked, or the link to its last line in a finding), then
//! records the time until the result is shown,
//! until the "computing" indicator appeared (when there is one), and the longest frame and
//! the time in long frames (over 50 ms, script and rendering: see `freezes`) meanwhile and
//! in the second after. The median of the runs is printed. `--dist PATH` measures another build (for example one
//! from before the engine worker, which computes in place) without building. A benchmark,
//! never a test: nothing asserts a time.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::bench_page::{Driver, StaticServer};
use crate::freezes::{long_frames, OBSERVE_LONG_FRAMES, RESULT};
use crate::root;

/// Starts the observers (long frames, the indicator, the result) shared by every case;
/// `check()` looks for the indicator and the result (`__benchDone()`) in every frame until
/// the result is there. A MutationObserver did so after every change, and the records of
/// 300 000 inserted nodes cost the page a second of its own: the benchmark slowed what it
/// measured.
const OBSERVE: &str = r#"
  window.__bench = { long: [] };
  const b = window.__bench;
  const indicator = window.__benchIndicator
    || (() => document.querySelector('[data-testid=engine-computing]'));
  const start = performance.now();
  b.start = start;
  const check = () => {
    const now = performance.now() - start;
    if (b.indicator === undefined && indicator()) b.indicator = now;
    if (b.done === undefined && !indicator() && window.__benchDone()) {
      b.done = now;
      return;
    }
    requestAnimationFrame(check);
  };
  OBSERVE_LONG_FRAMES
"#;

/// The Auth page: the RFC 7677 example loaded, its server-final cleared, SaltedPassword
/// shown; then `i=1000000` typed. Done when SaltedPassword shows other bytes.
const AUTH: &str = r#"
  const input = (testid, value) => {
    const c = document.querySelector(`[data-testid=${testid}]`);
    c.value = value;
    c.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };
  const hex = () => {
    const v = document.querySelector('[data-testid=auth-step-hex]');
    return v ? v.textContent : '';
  };
  const before = hex();
  window.__benchDone = () => hex() !== '' && hex() !== before;
  OBSERVE
  input('auth-input-server-first',
    'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1000000');
  check();
  return true;
"#;

/// The Auth page's setup before the measured input.
const AUTH_SETUP: &str = r#"
  const cur = document.querySelector('[data-testid=auth-step]');
  const final = document.querySelector('[data-testid=auth-input-server-final]');
  if (cur && cur.getAttribute('data-step-id') === 'salted-password' && final.value === '') {
    return true;
  }
  if (!document.querySelector('[data-testid=auth-step-item][data-step-id=salted-password]')) {
    document.querySelector('[data-testid=auth-example-rfc7677]').click();
    return false;
  }
  final.value = '';
  final.dispatchEvent(new InputEvent('input', { bubbles: true }));
  document.querySelector('[data-testid=auth-step-item][data-step-id=salted-password]').click();
  return false;
"#;

/// A log of sessions (about 1 MB, under 20 000 lines) in the Analyze page's text area.
const FILL_LOG: &str = r#"
  const lines = [];
  let size = 0;
  for (let s = 1; size < 990000 && lines.length < 19950; s++) {
    const session = [
      `S: 220 mx${s}.example.org ESMTP Postfix`, 'C: EHLO client.example.com',
      `S: 250-mx${s}.example.org`, 'S: 250-AUTH PLAIN LOGIN', 'S: 250 8BITMIME',
      `C: MAIL FROM:<sender${s}@example.com>`, `C: RCPT TO:<recipient${s}@example.org>`,
      'S: 250 2.1.5 Ok', 'C: DATA', 'S: 354 End data with <CR><LF>.<CR><LF>',
      `Subject: report number ${s} of the long running test series`, ''];
    for (let l = 0; l < 10; l++) {
      session.push(`line ${l} of message ${s}: the quick brown fox jumps over the lazy dog again and again`);
    }
    session.push('.', 'S: 250 2.0.0 Ok: queued as ABC', 'C: QUIT', 'S: 221 2.0.0 Bye');
    for (const line of session) { lines.push(line); size += line.length + 1; }
  }
  lines.push('S: 535 5.7.8 Error: authentication failed');
  const area = document.querySelector('[data-testid=analyze-input]');
  area.value = lines.join('\n') + '\n';
  area.dispatchEvent(new Event('change', { bubbles: true }));
  window.__benchLines = lines.length;
"#;

/// Once the page has drawn two frames after the setup: the text area's layout of the whole
/// log (about a second for 1 MB) belongs to the setup, not to the measured click.
const SETTLE: &str = "requestAnimationFrame(() => requestAnimationFrame(() => \
                      setTimeout(() => { window.__benchSettled = true; }, 0)));";

/// The Analyze page's setup: the log put in the text area, in a task of its own, so that
/// building it is not measured, and laid out.
const ANALYZE_SETUP: &str = "
  if (!window.__benchFilled) {
    window.__benchFilled = true;
    FILL_LOG
    SETTLE
    return false;
  }
  return !!window.__benchSettled;
";

/// The setup for "Show all": the log analyzed, its first lines shown.
const SHOW_ALL_SETUP: &str = "
  if (!window.__benchFilled) {
    window.__benchFilled = true;
    FILL_LOG
    document.querySelector('[data-testid=analyze-submit]').click();
    return false;
  }
  if (!document.querySelector('[data-testid=analyze-show-all]')) return false;
  if (!window.__benchSettling) {
    window.__benchSettling = true;
    SETTLE
  }
  return !!window.__benchSettled;
";

/// "Show all" clicked. Done when every line of the log is shown. The indicator is looked
/// for among the lines section's children: `document.querySelector` went through the
/// lines already shown, 15 ms a frame once there were 300 000 nodes, and doubled the time
/// it measured.
const SHOW_ALL: &str = r#"
  const section = document.querySelector('[data-testid=analyze-lines]');
  window.__benchIndicator = () =>
    [...section.children].some(c => c.getAttribute('data-testid') === 'analyze-lines-adding');
  window.__benchDone = () =>
    section.querySelectorAll('[data-testid=analyze-line]').length >= window.__benchLines;
  OBSERVE
  document.querySelector('[data-testid=analyze-show-all]').click();
  check();
  return true;
"#;

/// The link to the log's last line clicked (in its finding), the first lines shown. Done
/// when that line is shown; the lines before it are still being added then, and their
/// frames count for the second after.
const LAST_LINE: &str = r#"
  window.__benchIndicator = () => false;
  window.__benchDone = () => !!document.getElementById(`analyze-line-${window.__benchLines}`);
  OBSERVE
  document
    .querySelector(`[data-testid=analyze-line-link][data-line='${window.__benchLines}']`)
    .click();
  check();
  return true;
"#;

/// The Analyze page, its log in place: Analyze clicked. Done when annotated lines are
/// shown.
const ANALYZE: &str = r#"
  window.__benchDone = () => !!document.querySelector('[data-testid=analyze-line]');
  OBSERVE
  document.querySelector('[data-testid=analyze-submit]').click();
  check();
  return true;
"#;

/// One computation's figures, in milliseconds.
#[derive(Clone, Copy)]
struct Run {
    done: f64,
    indicator: f64,
    longest: f64,
    blocked: f64,
}

/// `--dist PATH`, when given.
pub fn dist_arg(args: &[String]) -> Result<Option<PathBuf>, String> {
    match args.iter().position(|a| a == "--dist") {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .map(|p| Some(PathBuf::from(p)))
            .ok_or_else(|| "--dist needs a folder".to_string()),
    }
}

pub fn bench_engine(runs: usize, dist: Option<PathBuf>) -> Result<(), String> {
    let tools = crate::setup::ensure(true)?;
    let dist = match dist {
        Some(dist) => dist,
        None => {
            crate::build_dist()?;
            root().join("dist")
        }
    };
    let server = StaticServer::start(&dist)?;
    let driver = Driver::start(&tools.chromedriver)?;
    let (analyze_setup, show_all_setup) = (
        ANALYZE_SETUP
            .replace("FILL_LOG", FILL_LOG)
            .replace("SETTLE", SETTLE),
        SHOW_ALL_SETUP
            .replace("FILL_LOG", FILL_LOG)
            .replace("SETTLE", SETTLE),
    );
    let cases: [(&str, &str, Option<&str>, &str); 4] = [
        (
            "auth: SCRAM-SHA-256, i=1000000",
            "#/auth/scram-sha-256",
            Some(AUTH_SETUP),
            AUTH,
        ),
        (
            "analyze: a 1 MB log",
            "#/analyze",
            Some(&analyze_setup),
            ANALYZE,
        ),
        (
            "analyze: show all its lines",
            "#/analyze",
            Some(&show_all_setup),
            SHOW_ALL,
        ),
        (
            "analyze: a link to its last line",
            "#/analyze",
            Some(&show_all_setup),
            LAST_LINE,
        ),
    ];
    let mut table = String::new();
    let _ = writeln!(
        table,
        "\n`cargo xtask bench-engine` — {}, headless {}; median of {runs} runs",
        dist.display(),
        crate::setup::chromium_version(&tools.chromium)
    );
    let _ = writeln!(
        table,
        "  {:<34} {:>10} {:>10} {:>13} {:>15}",
        "computation", "to result", "indicator", "longest frame", "in long frames"
    );
    for (name, page, setup, start) in cases {
        let mut results = Vec::new();
        for _ in 0..runs {
            let run = driver.with_session(&tools.chromium, |id| {
                one_run(&driver, id, &server.url(page), setup, start)
            })?;
            results.push(run);
        }
        let m = median(results);
        let indicator = if m.indicator.is_nan() {
            "none".to_string()
        } else {
            format!("{:.0} ms", m.indicator)
        };
        let _ = writeln!(
            table,
            "  {name:<34} {:>7.0} ms {:>10} {:>10.0} ms {:>12.0} ms",
            m.done, indicator, m.longest, m.blocked
        );
    }
    let _ = writeln!(
        table,
        "\ngoal (issue 13): heavy work off the main thread, an indicator for anything over \
         100 ms, the page responsive meanwhile"
    );
    print!("{table}");
    let out = root().join("target/bench-engine.txt");
    std::fs::write(&out, &table).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("written to {}", out.display());
    Ok(())
}

/// Opens the page, sets it up, starts the computation, collects the figures.
fn one_run(
    driver: &Driver,
    id: &str,
    url: &str,
    setup: Option<&str>,
    start: &str,
) -> Result<Run, String> {
    let s = format!("/session/{id}");
    let sync = |script: &str| {
        driver.call(
            "POST",
            &format!("{s}/execute/sync"),
            &json!({ "script": script, "args": [] }),
        )
    };
    driver.call("POST", &format!("{s}/url"), &json!({ "url": url }))?;
    wait(|| {
        let v = sync(
            "return !!document.querySelector('[data-testid=auth-page], [data-testid=analyze-page]');",
        )?;
        Ok(v.as_bool() == Some(true))
    })?;
    if let Some(setup) = setup {
        wait(|| Ok(sync(setup)?.as_bool() == Some(true)))?;
    }
    let script = start.replace(
        "OBSERVE",
        &OBSERVE.replace("OBSERVE_LONG_FRAMES", OBSERVE_LONG_FRAMES),
    );
    sync(&script)?;
    let mut result = Value::Null;
    wait(|| {
        result = sync(RESULT)?;
        Ok(!result.is_null())
    })?;
    let done = result["done"].as_f64().unwrap_or(f64::NAN);
    let (longest, blocked) = long_frames(&result, done);
    Ok(Run {
        done,
        indicator: result["indicator"].as_f64().unwrap_or(f64::NAN),
        longest,
        blocked,
    })
}

/// Polls `ready` until it says so (120 s at most).
fn wait(ready: impl FnMut() -> Result<bool, String>) -> Result<(), String> {
    crate::bench_compose::poll_page(120, ready)
}

/// The median by time to result.
fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by(|a, b| a.done.total_cmp(&b.done));
    runs[runs.len() / 2]
}
