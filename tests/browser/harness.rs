//! The browser-test harness: serves the release `dist/` on 127.0.0.1 from inside the test,
//! starts chromedriver with Debian's headless Chromium, and records every request the page
//! makes to the server.
//!
//! Everything is bounded: waits have deadlines, the server stops with the test's runtime,
//! chromedriver is killed when the harness is dropped.

use std::net::{SocketAddr, TcpListener as StdListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// How long any one wait may take.
pub const WAIT: Duration = Duration::from_secs(15);

/// A served dist, a running chromedriver, and a browser session.
pub struct Harness {
    pub client: Client,
    pub origin: String,
    requests: Arc<Mutex<Vec<String>>>,
    /// While set, the server records each request and closes the connection unanswered:
    /// the network is gone (the service worker's tests).
    offline: Arc<AtomicBool>,
    dist: PathBuf,
    driver: Child,
    profile: PathBuf,
}

/// The browser's preferred language for a session.
pub enum BrowserLang {
    English,
    Chinese,
}

pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("SMTP_TRAINER_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "no release build at {}: run `cargo xtask test` (or `cargo xtask dist` first)",
        dist.display()
    );
    dist
}

/// A copy of the release build (its folders too: the first frames) in a fresh temporary
/// directory, for a test that changes it.
pub fn copy_dist(tag: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!("smtp-trainer-dist-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    copy_tree(&dist_dir(), &to);
    to
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a temporary dist");
    for entry in std::fs::read_dir(from).expect("dist").flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(entry.file_name()));
        } else if path.is_file() {
            std::fs::copy(&path, to.join(entry.file_name())).expect("copy");
        }
    }
}

/// A tool named by an environment variable (set by `cargo xtask test`) or found on PATH.
/// Missing is a failure, never a skip.
fn tool(env: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(env) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{name} is not installed: `cargo xtask test` installs it \
                 (apt-get install chromium chromium-driver)"
            )
        })
}

fn free_port() -> u16 {
    StdListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

impl Harness {
    pub async fn start(lang: BrowserLang) -> Harness {
        Harness::start_serving(lang, dist_dir()).await
    }

    /// A session whose server serves `dist` (a copy of the release build, say).
    pub async fn start_serving(lang: BrowserLang, dist: PathBuf) -> Harness {
        let requests = Arc::new(Mutex::new(Vec::new()));
        let offline = Arc::new(AtomicBool::new(false));
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("server address");
        tokio::spawn(serve(
            listener,
            dist.clone(),
            requests.clone(),
            offline.clone(),
        ));

        // A first Chromium start on a cold machine can make chromedriver drop the
        // new-session request (connection reset). Such a start is retried with a fresh
        // chromedriver and profile; only a failure that repeats fails the test.
        let mut attempt = 0;
        let (client, driver, profile) = loop {
            attempt += 1;
            match start_browser(&lang).await {
                Ok(started) => break started,
                Err(e) if attempt < 3 => {
                    eprintln!("browser start {attempt} failed ({e}); retrying");
                    tokio::time::sleep(Duration::from_millis(500 * attempt)).await;
                }
                Err(e) => panic!("a chromium session through chromedriver: {e}"),
            }
        };
        Harness {
            client,
            origin: format!("http://{addr}"),
            requests,
            offline,
            dist,
            driver,
            profile,
        }
    }

    /// Opens `hash` (like `#/reference/553`) and waits for the app to render.
    pub async fn open(&self, hash: &str) {
        self.client
            .goto(&format!("{}/{hash}", self.origin))
            .await
            .expect("navigation");
        self.wait_for("[data-testid=app-name]").await;
    }

    /// Waits for the app to have taken over from the loader's first frame (recorded HTML
    /// shown while a first page's module loads), so that what a test finds is the app's.
    pub async fn wait_app(&self) {
        let deadline = Instant::now() + WAIT;
        loop {
            let frame = self
                .client
                .execute(
                    "return document.querySelector('[data-first-frame]') !== null",
                    vec![],
                )
                .await;
            if matches!(frame, Ok(Value::Bool(false))) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the first frame was still shown after {WAIT:?}: {frame:?}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits for an element of the app to exist.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.wait_app().await;
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear within {WAIT:?}: {e}"))
    }

    /// Clicks the element with `data-testid` = `testid`.
    pub async fn click(&self, testid: &str) {
        self.wait_for(&format!("[data-testid={testid}]"))
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {testid}: {e}"));
    }

    /// Waits until the element's text satisfies `check`; returns the text.
    pub async fn wait_text(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        self.wait_app().await;
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = element.text().await {
                    if check(&text) {
                        return text;
                    }
                    last = text;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} never showed the expected text; last seen: {last:?}");
    }

    /// Pastes `text` into the element `css` finds, as the clipboard would (a `paste` event
    /// carrying it; the page decides what becomes of it).
    pub async fn paste(&self, css: &str, text: &str) {
        self.client
            .execute(
                "const [css, text] = arguments; \
                 const data = new DataTransfer(); \
                 data.setData('text/plain', text); \
                 document.querySelector(css).dispatchEvent(new ClipboardEvent('paste', \
                   { clipboardData: data, bubbles: true, cancelable: true })); \
                 return true",
                vec![Value::from(css), Value::from(text)],
            )
            .await
            .unwrap_or_else(|e| panic!("pasting into {css}: {e}"));
    }

    /// Waits until the control `testid`'s value is `want`.
    pub async fn wait_value(&self, testid: &str, want: &str) {
        let deadline = Instant::now() + WAIT;
        let script =
            format!("return document.querySelector('[data-testid={testid}]')?.value ?? null");
        loop {
            let value = self.js(&script).await;
            if value == want {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{testid} holds {value}, not {want:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The visible text of the whole page.
    pub async fn body_text(&self) -> String {
        self.wait_app().await;
        self.client
            .find(Locator::Css("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("body text")
    }

    /// Runs a script and returns its JSON result.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// The browser console's entries since the last call (chromedriver's log endpoint).
    pub async fn console(&self) -> Vec<Value> {
        match self
            .client
            .issue_cmd(SessionPost::browser_log())
            .await
            .expect("browser log")
        {
            Value::Array(entries) => entries,
            other => panic!("unexpected log answer: {other}"),
        }
    }

    /// Shapes the browser's network like a good mobile link (9 Mbit/s down, 60 ms per
    /// request: `cargo xtask bench-page`'s shaped link), through chromedriver's network
    /// conditions.
    pub async fn shape_network(&self) {
        self.shape_network_to(9_000_000).await;
    }

    /// The same link at `bits_per_second` (a slow one keeps a first page's module on its
    /// way long enough for a test to act before it arrives).
    pub async fn shape_network_to(&self, bits_per_second: u64) {
        self.client
            .issue_cmd(SessionPost::network_conditions(bits_per_second))
            .await
            .expect("chromedriver sets the network conditions");
    }

    /// Lays pages out in a window of `width` × `height` CSS pixels, a phone's screen (not
    /// emulated as mobile: a mobile viewport would widen itself to fit what sticks out,
    /// hiding it).
    pub async fn phone(&self, width: u32, height: u32) {
        self.client
            .issue_cmd(SessionPost::phone(width, height))
            .await
            .expect("chromedriver emulates the phone");
    }

    /// Runs `script` at the start of every document this session loads from now on, before
    /// the page's own scripts (Chromium's `Page.addScriptToEvaluateOnNewDocument`).
    pub async fn on_every_document(&self, script: &str) {
        self.client
            .issue_cmd(SessionPost::on_every_document(script))
            .await
            .expect("chromedriver adds the script");
    }

    /// Every path the server was asked for, each with whether it is a file of dist/.
    pub fn requested(&self) -> Vec<(String, bool)> {
        let requests = self.requests.lock().map(|r| r.clone()).unwrap_or_default();
        requests
            .into_iter()
            .map(|path| {
                let exists = resolve(&self.dist, &path).is_some();
                (path, exists)
            })
            .collect()
    }

    /// Cuts the network off (`true`) or restores it: the server stops answering.
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    /// The release build this session's server serves.
    pub fn dist(&self) -> &Path {
        &self.dist
    }

    /// How many requests the server has seen so far.
    pub fn request_count(&self) -> usize {
        self.requests.lock().map(|r| r.len()).unwrap_or_default()
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        kill_browser(&self.profile);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Ends every browser process started with this harness's profile directory: killing
/// chromedriver (a failed test's drop) leaves its Chromium running, which would hold memory
/// and CPU for the rest of the run. `sh`, `grep` and `kill` (a shell builtin) only.
fn kill_browser(profile: &Path) {
    let script = r#"for p in /proc/[0-9]*; do
        pid="${p#/proc/}"
        [ "$pid" = "$$" ] && continue
        if grep -qaF -- "$1" "$p/cmdline" 2>/dev/null; then kill "$pid" 2>/dev/null; fi
    done"#;
    let _ = Command::new("sh")
        .args(["-c", script, "sh"])
        .arg(profile)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        kill_browser(&self.profile);
    }
}

/// A child process killed when dropped, unless taken out first.
struct KillOnDrop(Option<std::process::Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Starts chromedriver on a free port and opens a Chromium session through it, with a
/// fresh profile. On failure, chromedriver and its browser are gone again.
async fn start_browser(lang: &BrowserLang) -> Result<(Client, Child, PathBuf), String> {
    let port = free_port();
    let driver = Command::new(tool("SMTP_TRAINER_CHROMEDRIVER", "chromedriver"))
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("chromedriver does not start: {e}"))?;
    // Killed when dropped, also when a failure below ends this start: a failed start must
    // not leave chromedriver running.
    let mut driver = KillOnDrop(Some(driver));
    wait_for_port(SocketAddr::from(([127, 0, 0, 1], port))).await;

    let profile = std::env::temp_dir().join(format!(
        "smtp-trainer-chromium-{}-{port}",
        std::process::id()
    ));
    let (lang_flag, accept) = match lang {
        BrowserLang::English => ("--lang=en-US", "en-US,en"),
        BrowserLang::Chinese => ("--lang=zh-CN", "zh-CN,zh"),
    };
    let caps = json!({
        "browserName": "chrome",
        "goog:loggingPrefs": { "browser": "ALL" },
        "goog:chromeOptions": {
            "binary": tool("SMTP_TRAINER_CHROMIUM", "chromium"),
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", lang_flag,
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": { "intl.accept_languages": accept },
        }
    });
    let Value::Object(caps) = caps else {
        return Err("capabilities are not a JSON object".into());
    };
    match ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
    {
        Ok(client) => match driver.0.take() {
            Some(child) => Ok((client, child, profile)),
            None => Err("chromedriver was lost".into()),
        },
        Err(e) => {
            drop(driver);
            kill_browser(&profile);
            let _ = std::fs::remove_dir_all(&profile);
            Err(format!("{e:?}"))
        }
    }
}

async fn wait_for_port(addr: SocketAddr) {
    let deadline = Instant::now() + WAIT;
    while Instant::now() < deadline {
        if tokio::net::TcpStream::connect(addr).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("chromedriver did not listen on {addr} within {WAIT:?}");
}

/// The file of dist/ a request path names (`/` is index.html), refusing `..`.
fn resolve(dist: &Path, path: &str) -> Option<PathBuf> {
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return None;
    }
    let file = if relative.is_empty() {
        dist.join("index.html")
    } else {
        dist.join(relative)
    };
    file.is_file().then_some(file)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("json" | "webmanifest") => "application/json",
        _ => "application/octet-stream",
    }
}

/// A static file server for dist/: one request per connection, every path recorded.
async fn serve(
    listener: TcpListener,
    dist: PathBuf,
    requests: Arc<Mutex<Vec<String>>>,
    offline: Arc<AtomicBool>,
) {
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            return;
        };
        let dist = dist.clone();
        let requests = requests.clone();
        let offline = offline.clone();
        tokio::spawn(async move {
            let mut head = Vec::new();
            let mut buf = [0u8; 4096];
            // Request heads are small; 64 KiB is a generous bound.
            while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65536 {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let head = String::from_utf8_lossy(&head);
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            if let Ok(mut r) = requests.lock() {
                r.push(path.clone());
            }
            if offline.load(Ordering::SeqCst) {
                return;
            }
            let response = match resolve(&dist, &path) {
                Some(file) => {
                    let body = tokio::fs::read(&file).await.unwrap_or_default();
                    let mut r = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
                         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                        content_type(&file),
                        body.len()
                    )
                    .into_bytes();
                    r.extend_from_slice(&body);
                    r
                }
                None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_vec(),
            };
            let _ = stream.write_all(&response).await;
            let _ = stream.shutdown().await;
        });
    }
}

/// A chromedriver extension command: `POST /session/{id}/{path}` with a JSON body.
#[derive(Debug)]
struct SessionPost {
    path: &'static str,
    body: Value,
}

impl SessionPost {
    /// `se/log {"type":"browser"}`: chromedriver's console log.
    fn browser_log() -> Self {
        SessionPost {
            path: "se/log",
            body: json!({ "type": "browser" }),
        }
    }

    /// `chromium/network_conditions`: `bits_per_second` down and up, 60 ms latency.
    fn network_conditions(bits_per_second: u64) -> Self {
        let bytes_per_second = bits_per_second / 8;
        SessionPost {
            path: "chromium/network_conditions",
            body: json!({
                "network_conditions": {
                    "offline": false,
                    "latency": 60,
                    "download_throughput": bytes_per_second,
                    "upload_throughput": bytes_per_second,
                },
            }),
        }
    }

    /// `goog/cdp/execute`: a phone's screen (`Emulation.setDeviceMetricsOverride`).
    fn phone(width: u32, height: u32) -> Self {
        SessionPost {
            path: "goog/cdp/execute",
            body: json!({
                "cmd": "Emulation.setDeviceMetricsOverride",
                "params": { "width": width, "height": height, "deviceScaleFactor": 2, "mobile": false },
            }),
        }
    }

    /// `goog/cdp/execute`: `script` at the start of every new document.
    fn on_every_document(script: &str) -> Self {
        SessionPost {
            path: "goog/cdp/execute",
            body: json!({
                "cmd": "Page.addScriptToEvaluateOnNewDocument",
                "params": { "source": script },
            }),
        }
    }
}

impl WebDriverCompatibleCommand for SessionPost {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
