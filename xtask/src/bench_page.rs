//! `cargo xtask bench-page`: how fast the page opens, measured beside a bare Yew page built
//! in the same run.
//!
//! Both are release builds (the trainer's `dist/`, and `xtask/bare-page/` — Yew 0.23, md-5
//! and hmac, one HMAC shown — into `target/bare-page/dist/`), served from 127.0.0.1
//! gzip-compressed as a static host serves them, and opened in headless Chromium through
//! chromedriver, each run in a fresh browser profile (a first visit: empty cache, no service
//! worker). Twice: unshaped, and shaped like a good mobile link (9 Mbit/s down, 60 ms
//! latency per request, through chromedriver's network conditions).
//!
//! "Time until first input" is the moment (from navigation start) an `input` or `textarea`
//! appears in `<main>`: Yew attaches its listeners in the same render, so it accepts input
//! from then on. A MutationObserver installed before the page's own scripts
//! (`Page.addScriptToEvaluateOnNewDocument`) records it. Two more times split it and go
//! past it: "wasm in", when the last wasm module fetched before it had arrived (the rest is
//! compiling, instantiating and rendering), and "on screen", when the frame that first drew
//! the input had been painted (a message posted from that frame's `requestAnimationFrame`
//! arrives after its style, layout and paint): what a learner sees. Where the loader shows a
//! page's first frame (recorded HTML, see `static/first-frames/`) the first input is the
//! frame's, which takes typing and hands it to the app; "app's input" is when the module's
//! own input appeared and the frame went, "app shown" when the frame that drew it had been
//! painted, and "wasm in" is counted up to the module's input. "Bytes before" sums what Resource
//! Timing reports as the encoded (gzip) body of the document and of every file whose
//! response ended before that moment; "all" is everything fetched in the first seconds
//! after it, prefetches included. The median of each time over the runs is printed with the ratio to the
//! bare page. A benchmark, never a test: nothing here asserts a time.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};

use crate::{cmd, root, run};

/// The deep links measured: the pages a learner is most often sent to.
const LINKS: [&str; 4] = [
    "#/console",
    "#/reference/553",
    "#/auth/cram-md5",
    "#/verify",
];

/// 9 Mbit/s in bytes per second.
const SHAPED_BYTES_PER_SECOND: u64 = 9_000_000 / 8;
const SHAPED_LATENCY_MS: u64 = 60;

/// Records when the first input appears, before any script of the page runs.
const OBSERVER: &str = r#"(() => {
  const inputs = () => [...document.querySelectorAll('main input, main textarea')];
  // The next frame's style, layout and paint run after the requestAnimationFrame
  // callbacks; a message posted there arrives once they are done.
  const painted = (key) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { window[key] = performance.now(); };
    channel.port2.postMessage(0);
  });
  const mark = () => {
    if (window.__firstInput === undefined && inputs().length > 0) {
      window.__firstInput = performance.now();
      painted('__onScreen');
    }
    const app = inputs().find((e) => e.closest('[data-first-frame]') === null);
    if (window.__appInput === undefined && app !== undefined) {
      window.__appInput = performance.now();
      painted('__appOnScreen');
    }
    return window.__appInput !== undefined;
  };
  const start = () => {
    if (mark()) return;
    const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true });
  };
  start();
})();"#;

/// After the first input: its time and the bytes fetched before it and in all.
const MEASURE: &str = r#"
  const t = window.__firstInput;
  if (t === undefined) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const size = e => e.encodedBodySize || 0;
  const before = size(nav) + res.filter(e => e.responseEnd <= t).reduce((a, e) => a + size(e), 0);
  const all = size(nav) + res.reduce((a, e) => a + size(e), 0);
  const wasm = res.filter(e => e.responseEnd <= window.__appInput && /\.wasm(\?|$)/.test(e.name))
    .reduce((a, e) => Math.max(a, e.responseEnd), 0);
  if (window.__appInput === undefined) return null;
  return { t, before, all, wasm, shown: window.__onScreen, app: window.__appInput,
           appShown: window.__appOnScreen };
"#;

struct Run {
    ms: f64,
    /// When the last wasm module fetched before the first input had arrived: the rest of
    /// `ms` is compiling what streaming compilation had not, instantiating and rendering.
    wasm_in: f64,
    /// When the frame that first drew the input had been painted: `ms` plus the style,
    /// layout and paint of everything rendered by then.
    on_screen: f64,
    /// When the module's own first input appeared, the first frame gone (the same as `ms`
    /// for a page without one).
    app: f64,
    /// When the frame that first drew the module's input had been painted.
    app_on_screen: f64,
    before: u64,
    all: u64,
}

/// Measures `dist` (another release's build, say) or, without it, a fresh `dist/`.
pub fn bench_page(runs: usize, dist: Option<std::path::PathBuf>) -> Result<(), String> {
    let tools = crate::setup::ensure(true)?;
    let dist = match dist {
        Some(dist) => dist,
        None => {
            crate::build_dist()?;
            root().join("dist")
        }
    };
    let bare = build_bare_page()?;
    let app_server = StaticServer::start(&dist)?;
    let bare_server = StaticServer::start(&bare)?;
    let driver = Driver::start(&tools.chromedriver)?;

    let mut table = String::new();
    let _ = writeln!(
        table,
        "\n`cargo xtask bench-page` — first visit, served gzip-compressed from 127.0.0.1, \
         headless {}; median of {runs} runs, each in a fresh profile",
        crate::setup::chromium_version(&tools.chromium)
    );
    for shaped in [false, true] {
        let link = if shaped {
            format!(
                "shaped: {} Mbit/s down, {SHAPED_LATENCY_MS} ms latency per request",
                SHAPED_BYTES_PER_SECOND * 8 / 1_000_000
            )
        } else {
            "unshaped (loopback)".to_string()
        };
        let _ = writeln!(table, "\n{link}");
        let _ = writeln!(
            table,
            "  {:<22} {:>9} {:>7} {:>9} {:>10} {:>7} {:>11} {:>7} {:>10} {:>7} {:>13} {:>7} {:>12}",
            "page",
            "to input",
            "ratio",
            "wasm in",
            "on screen",
            "ratio",
            "app's input",
            "ratio",
            "app shown",
            "ratio",
            "bytes before",
            "ratio",
            "bytes in all"
        );
        let bare_run = median(
            (0..runs)
                .map(|_| driver.measure(&tools.chromium, &bare_server.url(""), shaped))
                .collect::<Result<Vec<_>, _>>()?,
        );
        let _ = writeln!(
            table,
            "  {:<22} {:>6.0} ms {:>7} {:>6.0} ms {:>7.0} ms {:>7} {:>8.0} ms {:>7} {:>7.0} ms {:>7} {:>11} B {:>7} {:>10} B",
            "bare Yew page",
            bare_run.ms,
            "1.00×",
            bare_run.wasm_in,
            bare_run.on_screen,
            "1.00×",
            bare_run.app,
            "1.00×",
            bare_run.app_on_screen,
            "1.00×",
            bare_run.before,
            "1.00×",
            bare_run.all
        );
        for hash in LINKS {
            let r = median(
                (0..runs)
                    .map(|_| driver.measure(&tools.chromium, &app_server.url(hash), shaped))
                    .collect::<Result<Vec<_>, _>>()?,
            );
            let _ = writeln!(
                table,
                "  {:<22} {:>6.0} ms {:>6.2}× {:>6.0} ms {:>7.0} ms {:>6.2}× {:>8.0} ms {:>6.2}× {:>7.0} ms {:>6.2}× {:>11} B {:>6.2}× {:>10} B",
                hash,
                r.ms,
                r.ms / bare_run.ms.max(1.0),
                r.wasm_in,
                r.on_screen,
                r.on_screen / bare_run.on_screen.max(1.0),
                r.app,
                r.app / bare_run.app.max(1.0),
                r.app_on_screen,
                r.app_on_screen / bare_run.app_on_screen.max(1.0),
                r.before,
                r.before as f64 / bare_run.before.max(1) as f64,
                r.all
            );
        }
    }
    let _ = writeln!(
        table,
        "\ngoal (issue 13): at most 1.5× the bare page's time, shaped and unshaped; \
         at most 350000 B before the first input"
    );
    print!("{table}");
    let out = root().join("target/bench-page.txt");
    std::fs::write(&out, &table).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("written to {}", out.display());
    Ok(())
}

/// Each time's own median: one run's "on screen" can be late where its "to input" was
/// early, so a column taken from the run with the median "to input" would not be that
/// column's median. The bytes come from that run (they hardly vary).
fn median(mut runs: Vec<Run>) -> Run {
    let of = |runs: &[Run], time: fn(&Run) -> f64| {
        let mut times: Vec<f64> = runs.iter().map(time).collect();
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let wasm_in = of(&runs, |r| r.wasm_in);
    let on_screen = of(&runs, |r| r.on_screen);
    let app = of(&runs, |r| r.app);
    let app_on_screen = of(&runs, |r| r.app_on_screen);
    runs.sort_by(|a, b| a.ms.total_cmp(&b.ms));
    let mid = runs.len() / 2;
    let run = runs.swap_remove(mid);
    Run {
        wasm_in,
        on_screen,
        app,
        app_on_screen,
        ..run
    }
}

/// Builds `xtask/bare-page` with trunk into `target/bare-page/dist`.
fn build_bare_page() -> Result<PathBuf, String> {
    let dir = root().join("xtask/bare-page");
    let target = root().join("target/bare-page");
    let dist = target.join("dist");
    run(cmd("trunk")
        .current_dir(&dir)
        .args(["build", "--release", "--dist"])
        .arg(&dist)
        .env("CARGO_TARGET_DIR", target.join("cargo")))?;
    crate::strip::strip_name_sections(&dist)?;
    Ok(dist)
}

/// A static host for one directory on 127.0.0.1: gzip for whatever accepts it (level 9,
/// as a host that compresses ahead of time), `no-cache` so every run revalidates.
pub(crate) struct StaticServer {
    port: u16,
}

impl StaticServer {
    pub(crate) fn start(dir: &Path) -> Result<StaticServer, String> {
        let mut files = HashMap::new();
        collect(dir, dir, &mut files)?;
        let files = Arc::new(files);
        let listener =
            TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind 127.0.0.1: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        // Lives as long as xtask: the process ends when the bench does.
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let files = files.clone();
                thread::spawn(move || {
                    let _ = answer(stream, &files);
                });
            }
        });
        Ok(StaticServer { port })
    }

    pub(crate) fn url(&self, hash: &str) -> String {
        format!("http://127.0.0.1:{}/{hash}", self.port)
    }
}

/// A file as served: its type, raw and gzip bodies.
struct Served {
    kind: &'static str,
    raw: Vec<u8>,
    gzip: Vec<u8>,
}

fn collect(base: &Path, dir: &Path, files: &mut HashMap<String, Served>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(base, &path, files)?;
            continue;
        }
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&raw).map_err(|e| e.to_string())?;
        let gzip = encoder.finish().map_err(|e| e.to_string())?;
        let name = path
            .strip_prefix(base)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("html") => "text/html; charset=utf-8",
            Some("js") => "text/javascript",
            Some("wasm") => "application/wasm",
            Some("css") => "text/css",
            Some("svg") => "image/svg+xml",
            Some("json" | "webmanifest") => "application/manifest+json",
            _ => "application/octet-stream",
        };
        files.insert(format!("/{name}"), Served { kind, raw, gzip });
    }
    Ok(())
}

fn answer(mut stream: TcpStream, files: &HashMap<String, Served>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let path = if path == "/" { "/index.html" } else { path };
    let gzip_ok = head.lines().any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("accept-encoding:") && l.contains("gzip")
    });
    let Some(file) = files.get(path) else {
        return stream.write_all(
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
    };
    let (body, encoding) = if gzip_ok {
        (&file.gzip, "Content-Encoding: gzip\r\n")
    } else {
        (&file.raw, "")
    };
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\n{encoding}Content-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        file.kind,
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    stream.write_all(&response)
}

/// chromedriver, spoken to with a few lines of HTTP/1.1 and JSON.
pub(crate) struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    pub(crate) fn start(chromedriver: &Path) -> Result<Driver, String> {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start chromedriver: {e}"))?;
        let driver = Driver { child, port };
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not listen within 15 s".into());
            }
            thread::sleep(Duration::from_millis(50));
        }
        Ok(driver)
    }

    pub(crate) fn call(&self, method: &str, path: &str, body: &Value) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))
            .map_err(|e| format!("chromedriver: {e}"))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .map_err(|e| e.to_string())?;
        let body = body.to_string();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| format!("chromedriver: {e}"))?;
        // chromedriver may keep the connection open: read the head, then Content-Length.
        let mut response = Vec::new();
        let mut buf = [0u8; 8192];
        let (head_end, length) = loop {
            let n = stream
                .read(&mut buf)
                .map_err(|e| format!("chromedriver {method} {path}: {e}"))?;
            if n == 0 {
                return Err(format!("chromedriver closed {method} {path} early"));
            }
            response.extend_from_slice(&buf[..n]);
            if let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&response[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                break (end + 4, length);
            }
        };
        while response.len() < head_end + length {
            let n = stream
                .read(&mut buf)
                .map_err(|e| format!("chromedriver {method} {path}: {e}"))?;
            if n == 0 {
                break;
            }
            response.extend_from_slice(&buf[..n]);
        }
        let text = String::from_utf8_lossy(&response);
        let json = String::from_utf8_lossy(&response[head_end.min(response.len())..]);
        let json = json.as_ref();
        let value: Value =
            serde_json::from_str(json).map_err(|e| format!("chromedriver said {text:?}: {e}"))?;
        if let Some(error) = value["value"]["error"].as_str() {
            return Err(format!(
                "chromedriver {method} {path}: {error}: {}",
                value["value"]["message"]
            ));
        }
        Ok(value["value"].clone())
    }

    /// One first visit in a fresh profile.
    fn measure(&self, chromium: &Path, url: &str, shaped: bool) -> Result<Run, String> {
        self.with_session(chromium, |id| self.visit(id, url, shaped))
    }

    /// `work` in a new browser session with a fresh profile, removed afterwards.
    pub(crate) fn with_session<T>(
        &self,
        chromium: &Path,
        work: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, String> {
        let profile = std::env::temp_dir().join(format!(
            "smtp-trainer-bench-page-{}-{}",
            std::process::id(),
            next_profile()
        ));
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=1280,900", "--lang=en-US",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }
        }}});
        let session = self.call("POST", "/session", &caps)?;
        let id = session["sessionId"]
            .as_str()
            .ok_or("chromedriver gave no session id")?
            .to_string();
        let result = work(&id);
        let _ = self.call("DELETE", &format!("/session/{id}"), &json!({}));
        let _ = std::fs::remove_dir_all(&profile);
        result
    }

    fn visit(&self, id: &str, url: &str, shaped: bool) -> Result<Run, String> {
        let s = format!("/session/{id}");
        self.call(
            "POST",
            &format!("{s}/goog/cdp/execute"),
            &json!({ "cmd": "Page.addScriptToEvaluateOnNewDocument",
                     "params": { "source": OBSERVER } }),
        )?;
        if shaped {
            self.call(
                "POST",
                &format!("{s}/chromium/network_conditions"),
                &json!({ "network_conditions": {
                    "offline": false,
                    "latency": SHAPED_LATENCY_MS,
                    "download_throughput": SHAPED_BYTES_PER_SECOND,
                    "upload_throughput": SHAPED_BYTES_PER_SECOND,
                }}),
            )?;
        }
        self.call("POST", &format!("{s}/url"), &json!({ "url": url }))?;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let v = self.call(
                "POST",
                &format!("{s}/execute/sync"),
                &json!({ "script": MEASURE, "args": [] }),
            )?;
            if !v.is_null() {
                // Let prefetches (if any) finish, then count everything fetched.
                thread::sleep(Duration::from_secs(2));
                let all = self.call(
                    "POST",
                    &format!("{s}/execute/sync"),
                    &json!({ "script": MEASURE, "args": [] }),
                )?;
                return Ok(Run {
                    ms: v["t"].as_f64().unwrap_or(f64::NAN),
                    wasm_in: v["wasm"].as_f64().unwrap_or(f64::NAN),
                    on_screen: all["shown"].as_f64().unwrap_or(f64::NAN),
                    app: v["app"].as_f64().unwrap_or(f64::NAN),
                    app_on_screen: all["appShown"].as_f64().unwrap_or(f64::NAN),
                    before: v["before"].as_u64().unwrap_or(0),
                    all: all["all"].as_u64().unwrap_or(0),
                });
            }
            if Instant::now() > deadline {
                return Err(format!("{url}: no input appeared within 60 s"));
            }
            thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A distinct number per call, for profile directory names.
fn next_profile() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
