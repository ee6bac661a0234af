//! The first frames (issue 13): what each first page's module draws before anything else,
//! recorded from the real page into `static/first-frames/`, which the loader shows while the
//! module is on its way. These tests keep the recordings equal to what the page draws, and
//! check that what a learner does in a frame reaches the app.
//!
//! To record them again after changing a first page:
//! `SMTP_TRAINER_WRITE_FIRST_FRAMES=1 cargo test -p smtp-trainer --features browser-tests
//! --test browser first_frames_are_current` (after `cargo xtask dist`), then rebuild.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::Locator;

use crate::harness::{BrowserLang, Harness, WAIT};

/// Holds the page's animation frames (so a page that draws in parts stops after its first
/// frame: `ui::in_parts::use_drawn` waits for one) and, once the page has drawn its first
/// input and then changed nothing for half a second, records what the app drew: every
/// child of `<body>` but the loader's, with the fields' values, the focus and the language.
const RECORD_FIRST_FRAME: &str = r#"(() => {
  const held = [];
  window.requestAnimationFrame = (callback) => held.push(callback);
  const frame = () => document.querySelector("[data-first-frame]");
  const ours = (e) => frame() === null || !frame().contains(e);
  const record = () => {
    const roots = [...document.body.children].filter(
      (e) => !e.matches("script, noscript, [data-first-frame], [data-testid=load-failed]"));
    const html = roots.map((root) => {
      const copy = root.cloneNode(true);
      const live = [root, ...root.querySelectorAll("*")];
      const copied = [copy, ...copy.querySelectorAll("*")];
      live.forEach((element, i) => {
        const to = copied[i];
        if (element === document.activeElement) to.setAttribute("data-first-focus", "");
        if (element.tagName === "INPUT") {
          if (element.type === "checkbox" || element.type === "radio") {
            to.toggleAttribute("checked", element.checked);
          } else {
            to.setAttribute("value", element.value);
          }
        } else if (element.tagName === "TEXTAREA") {
          to.textContent = element.value;
        } else if (element.tagName === "OPTION") {
          to.toggleAttribute("selected", element.selected);
        }
      });
      if (root === roots[0]) copy.setAttribute("data-lang", document.documentElement.lang);
      return copy.outerHTML;
    }).join("\n");
    window.firstFrame = html + "\n";
  };
  let quiet = null;
  const observer = new MutationObserver(() => {
    const input = [...document.querySelectorAll("main :is(input, textarea)")].some(ours);
    if (!input) return;
    clearTimeout(quiet);
    quiet = setTimeout(() => {
      observer.disconnect();
      record();
    }, 500);
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();"#;

/// Every address with a first frame of its own, from the loader's list (`FRAMES` in
/// `static/loader.js`): the address and the name of its files (`<name>-<lang>.html`).
fn addresses() -> Vec<(String, String)> {
    let loader =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("static/loader.js"))
            .expect("static/loader.js");
    let list = loader
        .split_once("const FRAMES = \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(list, _)| list)
        .expect("the loader's list of first frames");
    list.split(' ')
        .map(|name| {
            (
                format!("#/{}", name.replacen('-', "/", 1)),
                name.to_string(),
            )
        })
        .collect()
}

fn frames_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("static/first-frames")
}

/// Opens `hash` in a new document and returns the first frame the app drew.
async fn recorded(h: &Harness, hash: &str) -> String {
    h.client
        .goto(&format!("{}/{hash}", h.origin))
        .await
        .expect("navigation");
    h.client.refresh().await.expect("a new document");
    let deadline = Instant::now() + WAIT;
    loop {
        let frame = h.js("return window.firstFrame ?? null").await;
        if let Some(frame) = frame.as_str() {
            return frame.to_string();
        }
        assert!(Instant::now() < deadline, "{hash}: no first frame recorded");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The recorded first frames are what the page draws first today, in both languages; with
/// `SMTP_TRAINER_WRITE_FIRST_FRAMES` set, they are recorded again instead.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_frames_are_current() {
    let write = std::env::var_os("SMTP_TRAINER_WRITE_FIRST_FRAMES").is_some();
    let mut stale = Vec::new();
    for (browser, lang) in [(BrowserLang::English, "en"), (BrowserLang::Chinese, "zh")] {
        let h = Harness::start(browser).await;
        h.on_every_document(RECORD_FIRST_FRAME).await;
        for (hash, name) in addresses() {
            let now = recorded(&h, &hash).await;
            // What the loader takes for a frame (see `showFrame`).
            assert!(
                now.contains("<main")
                    && now.contains("data-testid")
                    && !now.contains("<script")
                    && now.len() <= 65536,
                "{hash} ({lang}): {now}"
            );
            let path = frames_dir().join(format!("{name}-{lang}.html"));
            if write {
                std::fs::create_dir_all(frames_dir()).expect("static/first-frames");
                std::fs::write(&path, &now).expect("writing a first frame");
            } else if std::fs::read_to_string(&path).ok().as_deref() != Some(now.as_str()) {
                stale.push(path.display().to_string());
            }
        }
        h.close().await;
    }
    // Every file there is one the loader may fetch.
    let known: Vec<String> = addresses()
        .iter()
        .flat_map(|(_, name)| ["en", "zh"].map(|lang| format!("{name}-{lang}.html")))
        .collect();
    let files = std::fs::read_dir(frames_dir()).expect("static/first-frames");
    for file in files.flatten() {
        let name = file.file_name().to_string_lossy().into_owned();
        assert!(
            known.contains(&name),
            "static/first-frames/{name} is no frame the loader fetches"
        );
    }
    assert!(
        stale.is_empty(),
        "these first frames differ from what the page draws first; record them again \
         (see tests/browser/first_frames.rs) and rebuild: {stale:#?}"
    );
}

/// On a slow link the console's first frame comes long before its module: the learner
/// types a command and Enter there, then starts another; once the app is in, the command
/// has been sent once and answered, the second is still in the input, which has the focus.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_is_typed_in_the_first_frame_reaches_the_app() {
    let h = Harness::start(BrowserLang::English).await;
    // 1 Mbit/s: the console's module (about 340 KB) takes some three seconds.
    h.shape_network_to(1_000_000).await;
    h.client
        .goto(&format!("{}/#/console", h.origin))
        .await
        .expect("navigation");
    let input = in_frame(&h, "console-input").await;
    // The focus comes with the frame's first animation frame.
    let deadline = Instant::now() + WAIT;
    let before = loop {
        let before = h
            .js(
                "return [document.querySelectorAll('[data-testid=console-input]').length, \
                 document.activeElement?.dataset.testid ?? null]",
            )
            .await;
        if before[1] == "console-input" || Instant::now() > deadline {
            break before;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(before[0], 1, "only the frame's input: {before}");
    assert_eq!(
        before[1], "console-input",
        "the frame's input has the focus: {before}"
    );
    // The skip link (off screen until it has the focus) moves the focus within the frame;
    // the address stays.
    in_frame(&h, "skip-link").await;
    h.js("document.querySelector('[data-first-frame] [data-testid=skip-link]').click()")
        .await;
    let skipped = h
        .js(
            "return [location.hash, document.activeElement?.dataset.testid ?? null, \
             document.querySelector('[data-first-frame]') !== null]",
        )
        .await;
    assert_eq!(skipped, serde_json::json!(["#/console", "main", true]));
    input
        .send_keys(&format!("EHLO frame.example{}NOOP", Key::Enter))
        .await
        .expect("typing into the first frame");
    // Lines pasted after it are sent as lines, in order, with what was typed before them;
    // what follows the last line break stays.
    h.paste(
        "[data-first-frame] [data-testid=console-input]",
        "\r\nMAIL FROM:<frame@example.com>\nRS",
    )
    .await;
    let during = h
        .js("return document.querySelector('[data-first-frame]') !== null")
        .await;
    assert_eq!(
        during, true,
        "the module came before the test had typed; the link is too fast for this test"
    );

    taken_over(&h).await;
    let transcript = h
        .wait_text("[data-testid=console-transcript]", |t| {
            t.contains("frame.example") && t.contains("250")
        })
        .await;
    assert_eq!(
        transcript.matches("EHLO frame.example").count(),
        1,
        "sent once: {transcript}"
    );
    let transcript = h
        .wait_text("[data-testid=console-transcript]", |t| {
            t.contains("C: MAIL FROM:<frame@example.com>")
        })
        .await;
    let noop = transcript.find("C: NOOP");
    let mail = transcript.find("C: MAIL FROM:<frame@example.com>");
    assert!(
        noop.is_some() && noop < mail && transcript.matches("C: NOOP").count() == 1,
        "the pasted lines, in order, once: {transcript}"
    );
    // The loader gives the unsent text back a task after the Enter it replayed.
    let want = serde_json::json!(["RS", true, 2]);
    let deadline = Instant::now() + WAIT;
    let after = loop {
        let after = h
            .js(
                "const i = document.querySelector('[data-testid=console-input]'); \
                 return [i.value, document.activeElement === i, i.selectionStart]",
            )
            .await;
        if after == want || Instant::now() > deadline {
            break after;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(after, want, "{transcript}");
    h.close().await;
}

/// An element of the first frame (not `h.wait_for`, which waits for the frame to go).
async fn in_frame(h: &Harness, testid: &str) -> fantoccini::elements::Element {
    h.client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&format!(
            "[data-first-frame] [data-testid={testid}]"
        )))
        .await
        .unwrap_or_else(|e| panic!("{testid} in the first frame: {e}"))
}

/// Waits for the app to replace the frame; its module may take a while on a slow link.
async fn taken_over(h: &Harness) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while h
        .js("return document.querySelector('[data-first-frame]') !== null")
        .await
        == true
    {
        assert!(Instant::now() < deadline, "the app never took over");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Verify's frame at 1 Mbit/s: RFC 2195's exchange and password typed there and Verify
/// pressed; once the app is in, the fields hold them and the verdict is valid.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_check_asked_for_in_verifys_first_frame_is_made_by_the_app() {
    let h = Harness::start(BrowserLang::English).await;
    h.shape_network_to(1_000_000).await;
    h.client
        .goto(&format!("{}/#/verify", h.origin))
        .await
        .expect("navigation");
    let fields = [
        (
            "verify-challenge",
            "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
        ),
        (
            "verify-response",
            "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw",
        ),
        ("verify-password", "tanstaaftanstaaf"),
    ];
    for (testid, text) in fields {
        in_frame(&h, testid)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing into {testid}: {e}"));
    }
    in_frame(&h, "verify-submit")
        .await
        .click()
        .await
        .expect("pressing Verify in the frame");
    assert_eq!(
        h.js("return document.querySelector('[data-first-frame]') !== null")
            .await,
        true,
        "the module came before the test had typed; the link is too fast for this test"
    );
    taken_over(&h).await;
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    for (testid, text) in fields {
        let value = h
            .js(&format!(
                "return document.querySelector('[data-testid={testid}]').value"
            ))
            .await;
        assert_eq!(value, text, "{testid}");
    }
    h.close().await;
}

/// A first page whose module cannot be fetched: the frame goes (it would pretend the page
/// works) and the loader says why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_frame_goes_when_the_module_cannot_start() {
    let dist = crate::harness::copy_dist("no-console-module");
    std::fs::remove_file(dist.join("console_page_en_bg.wasm")).expect("the console's module");
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    h.client
        .goto(&format!("{}/#/console", h.origin))
        .await
        .expect("navigation");
    let note = h
        .wait_text("[data-testid=load-failed]", |t| t.contains("404"))
        .await;
    assert!(note.contains("could not start"), "{note}");
    assert_eq!(
        h.js("return document.querySelector('[data-first-frame], main') === null")
            .await,
        true,
        "no page is shown as if it worked"
    );
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}

/// A host that answers every missing file with its index page: a frame file that is the
/// index page is not shown, and the page starts as without frames.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frame_that_is_no_frame_is_not_shown() {
    let dist = crate::harness::copy_dist("frame-is-index");
    std::fs::copy(
        dist.join("index.html"),
        dist.join("first-frames/console-en.html"),
    )
    .expect("the console's frame replaced by the index page");
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    h.on_every_document(
        "new MutationObserver(() => { \
           if (document.querySelector('[data-first-frame]')) window.frameSeen = true; \
         }).observe(document, { childList: true, subtree: true });",
    )
    .await;
    h.client
        .goto(&format!("{}/#/console", h.origin))
        .await
        .expect("navigation");
    h.wait_for("[data-testid=console-input]").await;
    let requested = h
        .requested()
        .iter()
        .any(|(path, _)| path.starts_with("/first-frames/console-en.html"));
    assert!(requested, "{:?}", h.requested());
    assert_eq!(h.js("return window.frameSeen ?? false").await, false);
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}

/// A shared link (`?s=…`) is drawn from its state, which no recorded frame holds: no frame
/// is fetched or shown for it, and the page shows the link's check, not an empty form.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_link_shows_no_frame_but_its_own_state() {
    use smtp_trainer::sasl::verify::Mechanism;
    use smtp_trainer::share::pages::{payload, VerifyShare};
    let share = VerifyShare {
        mechanism: Mechanism::CramMd5,
        challenge: "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+".to_string(),
        response: "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw".to_string(),
        password: "tanstaaftanstaaf".to_string(),
        as_sent: false,
        transcript_mode: false,
        transcript: String::new(),
    };
    let dist = crate::harness::copy_dist("shared-link-frame");
    let h = Harness::start_serving(BrowserLang::English, dist.clone()).await;
    h.on_every_document(
        "new MutationObserver(() => { \
           if (document.querySelector('[data-first-frame]')) window.frameSeen = true; \
         }).observe(document, { childList: true, subtree: true });",
    )
    .await;
    // Slow enough that a frame, were one fetched, would be shown long before the module.
    h.shape_network_to(1_000_000).await;
    h.client
        .goto(&format!(
            "{}/#/verify?s={}",
            h.origin,
            payload(&share, true)
        ))
        .await
        .expect("navigation");
    h.wait_for("[data-testid=verify-verdict][data-verdict=valid]")
        .await;
    for (testid, text) in [
        ("verify-challenge", share.challenge.as_str()),
        ("verify-response", share.response.as_str()),
        ("verify-password", share.password.as_str()),
    ] {
        let value = h
            .js(&format!(
                "return document.querySelector('[data-testid={testid}]').value"
            ))
            .await;
        assert_eq!(value, text, "{testid}");
    }
    assert_eq!(h.js("return window.frameSeen ?? false").await, false);
    // The service worker caches every frame once the page is up; the loader fetched none
    // before the module.
    let requested = h.requested();
    let module = requested
        .iter()
        .position(|(path, _)| path.starts_with("/verify_page_en_bg.wasm"));
    let frame = requested
        .iter()
        .position(|(path, _)| path.starts_with("/first-frames/"));
    assert!(module.is_some(), "{requested:?}");
    assert!(frame.is_none() || frame > module, "{requested:?}");
    h.close().await;
    let _ = std::fs::remove_dir_all(&dist);
}
