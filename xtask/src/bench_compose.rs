//! `cargo xtask bench-compose`: how long the compose page takes to send a 10 MB message
//! (issue 13's goal: composed, sent through the simulated session and read back in at most
//! 1 s, the page never frozen), in headless Chromium against the release `dist/`.
//!
//! Each run opens `#/compose` in a fresh profile, attaches two files of 5 MiB (the page's
//! limit per file and in all; octets that do not compress, made in the page and put into
//! the file input through a `DataTransfer`), raises the server's size limit, and sends
//! twice: the first send fetches and starts the compose worker, the second finds it
//! running. For each: the time from the click until the result is shown, until the
//! progress indicator appeared, and the longest frame and the time in long frames (over
//! 50 ms, script and rendering: see `freezes`) meanwhile and in the second after the result
//! is shown — what a learner would feel as a freeze.
//! The median of the runs is printed. A benchmark, never a test: nothing asserts a time.

use std::fmt::Write as _;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::bench_page::{Driver, StaticServer};
use crate::freezes::{long_frames, OBSERVE_LONG_FRAMES, RESULT};
use crate::root;

/// Two files of 5 MiB: the compose page's limits (5 MiB a file, 10 MiB in all).
const FILE_OCTETS: u64 = 5 * 1024 * 1024;
const FILES: u64 = 2;

/// Puts the files into the file input and raises the server's size limit.
const ATTACH: &str = r#"
  const [files, octets] = arguments;
  const dt = new DataTransfer();
  for (let i = 0; i < files; i++) {
    const a = new Uint8Array(octets);
    let s = (0x9e3779b9 ^ i) >>> 0;
    for (let k = 0; k < octets; k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      a[k] = s >>> 24;
    }
    dt.items.add(new File([a], `large-${i}.bin`));
  }
  const input = document.querySelector('[data-testid=compose-file]');
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const max = document.querySelector('[data-testid=compose-policy-max-size]');
  max.value = '60000000';
  max.dispatchEvent(new InputEvent('input', { bubbles: true }));
  return true;
"#;

/// How many files the page lists.
const LISTED: &str =
    "return document.querySelectorAll('[data-testid=compose-attachment-name]').length;";

/// Clicks Send and records when the progress indicator appears and when the result is
/// shown (the indicator gone, a verdict there), and the long frames meanwhile and just after.
const SEND: &str = r#"
  window.__bench = { long: [] };
  const b = window.__bench;
  const progress = () => document.querySelector('[data-testid=compose-progress]');
  const start = performance.now();
  const check = () => {
    const now = performance.now() - start;
    if (b.progress === undefined && progress()) b.progress = now;
    if (b.progress !== undefined && !progress()
        && document.querySelector('[data-testid=compose-verdict]')) {
      b.done = now;
      b.delivered = document.querySelector('[data-testid=compose-verdict]')
        .getAttribute('data-delivered');
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  b.start = start;
  OBSERVE_LONG_FRAMES
  document.querySelector('[data-testid=compose-send]').click();
  return true;
"#;

/// One send's figures, in milliseconds.
#[derive(Clone, Copy)]
struct Send {
    done: f64,
    progress: f64,
    longest: f64,
    blocked: f64,
}

pub fn bench_compose(runs: usize) -> Result<(), String> {
    let tools = crate::setup::ensure(true)?;
    crate::build_dist()?;
    let server = StaticServer::start(&root().join("dist"))?;
    let driver = Driver::start(&tools.chromedriver)?;
    let mut cold = Vec::new();
    let mut warm = Vec::new();
    for _ in 0..runs {
        let (first, second) = driver.with_session(&tools.chromium, |id| {
            one_run(&driver, id, &server.url("#/compose"))
        })?;
        cold.push(first);
        warm.push(second);
    }
    let mut table = String::new();
    let _ = writeln!(
        table,
        "\n`cargo xtask bench-compose` — #/compose sends {FILES} × {} MiB of attachments \
         (To, Bcc) through the compose worker, headless {}; median of {runs} runs",
        FILE_OCTETS / 1024 / 1024,
        crate::setup::chromium_version(&tools.chromium)
    );
    let _ = writeln!(
        table,
        "  {:<28} {:>10} {:>10} {:>13} {:>15}",
        "send", "to result", "progress", "longest frame", "in long frames"
    );
    for (name, sends) in [
        ("first (worker fetched)", cold),
        ("second (worker running)", warm),
    ] {
        let m = median(sends);
        let _ = writeln!(
            table,
            "  {name:<28} {:>7.0} ms {:>7.0} ms {:>10.0} ms {:>12.0} ms",
            m.done, m.progress, m.longest, m.blocked
        );
    }
    let _ = writeln!(
        table,
        "\ngoal (issue 13): a 10 MB message in at most 1 s, the page responsive meanwhile"
    );
    print!("{table}");
    let out = root().join("target/bench-compose.txt");
    std::fs::write(&out, &table).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("written to {}", out.display());
    Ok(())
}

/// Opens the compose page, attaches the files, sends twice.
fn one_run(driver: &Driver, id: &str, url: &str) -> Result<(Send, Send), String> {
    let s = format!("/session/{id}");
    let sync = |script: &str, args: Value| {
        driver.call(
            "POST",
            &format!("{s}/execute/sync"),
            &json!({ "script": script, "args": args }),
        )
    };
    driver.call("POST", &format!("{s}/url"), &json!({ "url": url }))?;
    wait(|| {
        let v = sync(
            "return !!document.querySelector('[data-testid=compose-file]');",
            json!([]),
        )?;
        Ok(v.as_bool() == Some(true))
    })?;
    sync(ATTACH, json!([FILES, FILE_OCTETS]))?;
    wait(|| Ok(sync(LISTED, json!([]))?.as_u64() == Some(FILES)))?;
    let mut sends = Vec::new();
    for _ in 0..2 {
        sync(
            &SEND.replace("OBSERVE_LONG_FRAMES", OBSERVE_LONG_FRAMES),
            json!([]),
        )?;
        let mut result = Value::Null;
        wait(|| {
            result = sync(RESULT, json!([]))?;
            Ok(!result.is_null())
        })?;
        if result["delivered"] != "true" {
            return Err(format!("the bench message was not delivered: {result}"));
        }
        let done = result["done"].as_f64().unwrap_or(f64::NAN);
        let (longest, blocked) = long_frames(&result, done);
        sends.push(Send {
            done,
            progress: result["progress"].as_f64().unwrap_or(f64::NAN),
            longest,
            blocked,
        });
    }
    Ok((sends[0], sends[1]))
}

/// Polls `ready` until it says so (60 s at most).
fn wait(ready: impl FnMut() -> Result<bool, String>) -> Result<(), String> {
    poll_page(60, ready)
}

/// Polls `ready` every 50 ms until it says so, for `seconds` at most (the page benches'
/// one way of waiting for the page).
pub(crate) fn poll_page(
    seconds: u64,
    mut ready: impl FnMut() -> Result<bool, String>,
) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while !ready()? {
        if Instant::now() > deadline {
            return Err(format!("the page did not get there within {seconds} s"));
        }
        thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

/// The median by time to result.
fn median(mut sends: Vec<Send>) -> Send {
    sends.sort_by(|a, b| a.done.total_cmp(&b.done));
    sends[sends.len() / 2]
}
