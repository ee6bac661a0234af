//! Packet captures on the analyze page, in the real browser (issue 15): a file picked
//! through the input is read by the page's worker, every stream listed as the engine lists it
//! natively, the first SMTP stream's transcript analyzed, its AUTH exchanges verified with
//! the password, its reply times shown; a STARTTLS boundary marked; a large file read with its
//! progress shown step by step; a file that is no capture named as such; both languages.

use std::path::{Path, PathBuf};

use smtp_trainer::capture::{self, CaptureError, StreamKind};
use smtp_trainer::diagram::ladder;
use smtp_trainer::i18n::Lang;

use super::harness::{BrowserLang, Harness};
use super::{assert_clean_and_local, control_value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/captures")
        .join(name)
}

/// Picks `path` in the capture input.
async fn open_capture(h: &Harness, path: &Path) {
    h.wait_for("[data-testid=analyze-capture-input]")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("the file input takes the path");
}

/// The page's rows of the streams table: (number, kind, endpoints).
async fn rows(h: &Harness) -> Vec<(String, String, String)> {
    let rows = h
        .js("return [...document.querySelectorAll('[data-testid=analyze-capture-stream]')].map(r => \
             [r.dataset.stream, r.dataset.kind, r.querySelector('[data-testid=analyze-capture-endpoints]').textContent])")
        .await;
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let get = |i: usize| r[i].as_str().unwrap_or_default().to_string();
            (get(0), get(1), get(2))
        })
        .collect()
}

/// What the engine lists natively for the same file.
fn native_rows(capture: &capture::Capture) -> Vec<(String, String, String)> {
    capture
        .streams
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                (i + 1).to_string(),
                s.kind.id().to_string(),
                format!("{} → {}", s.client, s.server),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_capture_is_read_by_the_worker_listed_analyzed_and_verified() {
    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;

    // swaks with CRAM-MD5 and LOGIN against `serve`, captured on loopback.
    let file = fixture("swaks-auth.pcap");
    let native = capture::read(&std::fs::read(&file).expect("fixture")).expect("a capture");
    open_capture(&h, &file).await;
    let summary = h
        .wait_text("[data-testid=analyze-capture-summary]", |t| !t.is_empty())
        .await;
    assert!(
        summary.contains(&format!("{} packets", native.packets)),
        "{summary}"
    );
    assert_eq!(rows(&h).await, native_rows(&native));

    // The first SMTP stream is analyzed: its transcript is the text, as the engine makes it.
    let first = native
        .streams
        .iter()
        .position(|s| s.kind == StreamKind::Smtp)
        .expect("an SMTP stream");
    h.wait_for("[data-testid=analyze-result]").await;
    assert_eq!(
        control_value(&h, "analyze-input").await,
        native.streams[first].transcript(Lang::En)
    );
    h.wait_for(&format!(
        "[data-testid=analyze-capture-stream][data-stream='{}'] [data-testid=analyze-capture-shown]",
        first + 1
    ))
    .await;
    // Its reply times, one row per command, as natively.
    let replies = h
        .js("return document.querySelectorAll('[data-testid=analyze-capture-reply]').length")
        .await;
    assert_eq!(
        replies.as_u64(),
        Some(native.streams[first].replies.len() as u64)
    );
    h.wait_for("[data-testid=analyze-capture-slowest]").await;

    // Its AUTH exchanges, verified with the password the sessions used.
    h.wait_for("[data-testid=analyze-auth] [data-testid=verify-exchange]")
        .await;
    h.wait_for("[data-testid=analyze-password]")
        .await
        .send_keys("secret")
        .await
        .expect("typing the password");
    h.wait_for("[data-testid=analyze-auth] [data-testid=verify-exchange][data-verdict=valid]")
        .await;
    let invalid = h
        .js("return document.querySelectorAll('[data-testid=analyze-auth] [data-verdict=invalid]').length")
        .await;
    assert_eq!(invalid.as_u64(), Some(0));

    // Another SMTP stream, picked in the table.
    if let Some(second) = native
        .streams
        .iter()
        .enumerate()
        .skip(first + 1)
        .find(|(_, s)| s.kind == StreamKind::Smtp)
        .map(|(i, _)| i)
    {
        h.wait_for(&format!(
            "[data-testid=analyze-capture-stream][data-stream='{}'] [data-testid=analyze-capture-open]",
            second + 1
        ))
        .await
        .click()
        .await
        .expect("click");
        h.wait_for(&format!(
            "[data-testid=analyze-capture-stream][data-stream='{}'] [data-testid=analyze-capture-shown]",
            second + 1
        ))
        .await;
        assert_eq!(
            control_value(&h, "analyze-input").await,
            native.streams[second].transcript(Lang::En)
        );
    }

    // curl's pcapng and smtplib over IPv6 in a Linux cooked capture: listed and analyzed as
    // natively.
    for name in ["curl.pcapng", "smtplib-ipv6.pcap"] {
        let file = fixture(name);
        let native = capture::read(&std::fs::read(&file).expect("fixture")).expect("a capture");
        open_capture(&h, &file).await;
        let want = native_rows(&native);
        let deadline = std::time::Instant::now() + super::harness::WAIT;
        while rows(&h).await != want && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(rows(&h).await, want, "{name}");
        let first = native
            .streams
            .iter()
            .position(|s| s.kind == StreamKind::Smtp)
            .expect("an SMTP stream");
        assert_eq!(
            control_value(&h, "analyze-input").await,
            native.streams[first].transcript(Lang::En),
            "{name}"
        );
    }

    // A file cut inside a packet: read up to there, and the notes say so as natively.
    let whole = std::fs::read(fixture("swaks-auth.pcap")).expect("fixture");
    let cut = &whole[..whole.len() - 7];
    let native = capture::read(cut).expect("a capture");
    let notes = native.notes(Lang::En);
    assert!(!notes.is_empty(), "the engine notes the cut file");
    let cut_path =
        std::env::temp_dir().join(format!("smtp-trainer-cut-{}.pcap", std::process::id()));
    std::fs::write(&cut_path, cut).expect("temp file");
    open_capture(&h, &cut_path).await;
    let shown = h
        .wait_text("[data-testid=analyze-capture-notes]", |t| !t.is_empty())
        .await;
    for note in &notes {
        assert!(shown.contains(note.as_str()), "{note:?} in {shown:?}");
    }
    let _ = std::fs::remove_file(&cut_path);

    // STARTTLS: the boundary is a line of the transcript, and nothing after it is decoded;
    // the stream's ladder has the arrows the engine draws natively, its TLS line marked.
    let file = fixture("swaks-starttls.pcap");
    let native = capture::read(&std::fs::read(&file).expect("fixture")).expect("a capture");
    open_capture(&h, &file).await;
    h.wait_text("[data-testid=analyze-lines]", |t| {
        t.contains("-- encrypted from here (STARTTLS)")
    })
    .await;
    let stream = native
        .streams
        .iter()
        .find(|s| s.kind == StreamKind::Smtp)
        .expect("an SMTP stream");
    let analysis = smtp_trainer::analyze::analyze(&stream.transcript(Lang::En));
    let want = ladder::layout(&ladder::from_analysis(&analysis));
    h.wait_for("[data-testid=analyze-ladder] [data-tls]").await;
    let arrows = h
        .js("return document.querySelectorAll('[data-testid=analyze-ladder] [data-arrow]').length")
        .await;
    assert_eq!(arrows.as_u64(), Some(want.arrows.len() as u64));

    // Not a capture: named as such, with the engine's words.
    let junk = std::env::temp_dir().join(format!("smtp-trainer-junk-{}.pcap", std::process::id()));
    std::fs::write(&junk, b"hello, this is not a capture\n").expect("temp file");
    open_capture(&h, &junk).await;
    let error = h
        .wait_text("[data-testid=analyze-capture-error]", |t| !t.is_empty())
        .await;
    assert!(
        error.contains(&CaptureError::NotACapture.describe(Lang::En)),
        "{error}"
    );
    let _ = std::fs::remove_file(&junk);
    h.click("analyze-capture-close").await;
    let left = h
        .js("return document.querySelectorAll('[data-testid=analyze-capture-view]').length")
        .await;
    assert_eq!(left.as_u64(), Some(0));

    assert_clean_and_local(&h).await;
    h.close().await;
}

/// A pcap of `swaks-auth.pcap`'s packets followed by `junk` UDP datagrams (Ethernet, IPv4):
/// large enough that the worker reports its progress many times.
fn large_capture(junk: usize) -> (PathBuf, Vec<u8>) {
    let mut bytes = std::fs::read(fixture("swaks-auth.pcap")).expect("fixture");
    let mut frame = Vec::new();
    frame.extend_from_slice(&[0u8; 12]); // MAC addresses
    frame.extend_from_slice(&[0x08, 0x00]); // IPv4
    let payload = [0x55u8; 64];
    let total = (20 + 8 + payload.len()) as u16;
    frame.extend_from_slice(&[
        0x45,
        0,
        (total >> 8) as u8,
        total as u8,
        0,
        0,
        0x40,
        0,
        64,
        17,
        0,
        0,
    ]);
    frame.extend_from_slice(&[127, 0, 0, 1, 127, 0, 0, 1]);
    let udp_len = (8 + payload.len()) as u16;
    frame.extend_from_slice(&[
        0x30,
        0x39,
        0x00,
        0x35,
        (udp_len >> 8) as u8,
        udp_len as u8,
        0,
        0,
    ]);
    frame.extend_from_slice(&payload);
    for i in 0..junk {
        let secs = 1_800_000_000u32 + (i / 1000) as u32;
        let micros = (i % 1000) as u32;
        bytes.extend_from_slice(&secs.to_le_bytes());
        bytes.extend_from_slice(&micros.to_le_bytes());
        bytes.extend_from_slice(&(frame.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&(frame.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&frame);
    }
    let path = std::env::temp_dir().join(format!("smtp-trainer-large-{}.pcap", std::process::id()));
    std::fs::write(&path, &bytes).expect("temp file");
    (path, bytes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_capture_shows_its_progress_in_chinese() {
    let (path, bytes) = large_capture(150_000);
    let native = capture::read(&bytes).expect("a capture");
    let h = Harness::start(BrowserLang::Chinese).await;
    h.open("#/analyze").await;
    // Every value the progress bar takes is recorded as the page renders it.
    h.js("window.__progress = []; new MutationObserver(() => { \
            const p = document.querySelector('[data-testid=analyze-capture-progress]'); \
            if (p) window.__progress.push([Number(p.getAttribute('value')), Number(p.getAttribute('max'))]); \
          }).observe(document.body, {subtree: true, childList: true, attributes: true}); return true")
        .await;
    open_capture(&h, &path).await;
    let summary = h
        .wait_text("[data-testid=analyze-capture-summary]", |t| !t.is_empty())
        .await;
    assert!(summary.starts_with("抓包文件："), "{summary}");
    assert!(
        summary.contains(&format!("{} 个数据包", native.packets)),
        "{summary}"
    );
    let seen = h.js("return window.__progress").await;
    let partial = seen
        .as_array()
        .expect("an array")
        .iter()
        .filter(|v| {
            let (value, max) = (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0));
            value > 0.0 && value < max
        })
        .count();
    assert!(
        partial >= 2,
        "the page showed the worker's progress part-way at least twice: {seen}"
    );
    // The SMTP stream in it is analyzed, in Chinese.
    let first = native
        .streams
        .iter()
        .position(|s| s.kind == StreamKind::Smtp)
        .expect("an SMTP stream");
    h.wait_for("[data-testid=analyze-result]").await;
    assert_eq!(
        control_value(&h, "analyze-input").await,
        native.streams[first].transcript(Lang::Zh)
    );
    h.wait_text("[data-testid=analyze-capture-latency]", |t| {
        t.contains("回复耗时")
    })
    .await;
    let _ = std::fs::remove_file(&path);
    assert_clean_and_local(&h).await;
    h.close().await;
}

/// A pcap (Ethernet, IPv4) of one SMTP session on port 25: the handshake, then each
/// `(from_client, text)` in segments of at most 1400 octets, then both FINs.
fn smtp_capture(session: &[(bool, String)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    // pcap header: magic, v2.4, zone 0, sigfigs 0, snaplen 65535, Ethernet.
    bytes.extend_from_slice(&0xa1b2_c3d4u32.to_le_bytes());
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&4u16.to_le_bytes());
    for word in [0u32, 0, 65535, 1] {
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    let (client, server) = ([10u8, 0, 0, 1], [10u8, 0, 0, 2]);
    let (mut client_seq, mut server_seq) = (1000u32, 5000u32);
    let mut micros = 0u32;
    let mut packet = |from_client: bool, flags: u8, seq: u32, ack: u32, payload: &[u8]| {
        let (src, dst, sport, dport) = if from_client {
            (client, server, 40000u16, 25u16)
        } else {
            (server, client, 25, 40000)
        };
        let mut frame = vec![0u8; 12];
        frame.extend_from_slice(&[0x08, 0x00]);
        let total = (20 + 20 + payload.len()) as u16;
        frame.extend_from_slice(&[0x45, 0]);
        frame.extend_from_slice(&total.to_be_bytes());
        frame.extend_from_slice(&[0, 0, 0x40, 0, 64, 6, 0, 0]);
        frame.extend_from_slice(&src);
        frame.extend_from_slice(&dst);
        frame.extend_from_slice(&sport.to_be_bytes());
        frame.extend_from_slice(&dport.to_be_bytes());
        frame.extend_from_slice(&seq.to_be_bytes());
        frame.extend_from_slice(&ack.to_be_bytes());
        frame.extend_from_slice(&[0x50, flags, 0xff, 0xff, 0, 0, 0, 0]);
        frame.extend_from_slice(payload);
        micros += 100;
        bytes.extend_from_slice(&1_800_000_000u32.to_le_bytes());
        bytes.extend_from_slice(&micros.to_le_bytes());
        bytes.extend_from_slice(&(frame.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&(frame.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&frame);
    };
    const SYN: u8 = 0x02;
    const ACK: u8 = 0x10;
    const PSH_ACK: u8 = 0x18;
    const FIN_ACK: u8 = 0x11;
    packet(true, SYN, client_seq, 0, &[]);
    client_seq += 1;
    packet(false, SYN | ACK, server_seq, client_seq, &[]);
    server_seq += 1;
    packet(true, ACK, client_seq, server_seq, &[]);
    for (from_client, text) in session {
        for chunk in text.as_bytes().chunks(1400) {
            if *from_client {
                packet(true, PSH_ACK, client_seq, server_seq, chunk);
                client_seq += chunk.len() as u32;
            } else {
                packet(false, PSH_ACK, server_seq, client_seq, chunk);
                server_seq += chunk.len() as u32;
            }
        }
    }
    packet(true, FIN_ACK, client_seq, server_seq, &[]);
    packet(false, FIN_ACK, server_seq, client_seq + 1, &[]);
    bytes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_heavy_capture_stream_is_analyzed_in_the_engine_worker() {
    // A message's lines beyond its first are folded in a capture's transcript: the weight
    // is in the commands, a mailing to 3 000 recipients.
    let s = |t: &str| (false, t.to_string());
    let c = |t: &str| (true, t.to_string());
    let mut session = vec![
        s("220 mx.example.org ESMTP Postfix\r\n"),
        c("EHLO client.example.com\r\n"),
        s("250-mx.example.org\r\n250 8BITMIME\r\n"),
        c("MAIL FROM:<alice@example.com>\r\n"),
        s("250 2.1.0 Ok\r\n"),
    ];
    for n in 0..3000 {
        session.push(c(&format!("RCPT TO:<subscriber{n:04}@example.org>\r\n")));
        session.push(s("250 2.1.5 Ok\r\n"));
    }
    session.extend([
        c("DATA\r\n"),
        s("354 End data with <CR><LF>.<CR><LF>\r\n"),
        c("Subject: a newsletter\r\n\r\nhello\r\n.\r\n"),
        s("250 2.0.0 Ok: queued as BIG\r\n"),
        c("QUIT\r\n"),
        s("221 2.0.0 Bye\r\n"),
    ]);
    let bytes = smtp_capture(&session);
    let native = capture::read(&bytes).expect("a capture");
    let stream = native
        .streams
        .iter()
        .find(|s| s.kind == StreamKind::Smtp)
        .expect("an SMTP stream");
    let transcript = stream.transcript(Lang::En);
    assert!(
        transcript.len() > 128 * 1024,
        "heavier than the page analyzes in place: {}",
        transcript.len()
    );
    let analysis = smtp_trainer::analyze::analyze(&transcript);
    let path = std::env::temp_dir().join(format!("smtp-trainer-heavy-{}.pcap", std::process::id()));
    std::fs::write(&path, &bytes).expect("temp file");

    let h = Harness::start(BrowserLang::English).await;
    h.open("#/analyze").await;
    h.js("window.__computing = false; new MutationObserver(() => { \
            if (document.querySelector('[data-testid=engine-computing]')) window.__computing = true; \
          }).observe(document.body, {subtree: true, childList: true}); return true")
        .await;
    open_capture(&h, &path).await;
    h.wait_for("[data-testid=analyze-result]").await;
    assert_eq!(control_value(&h, "analyze-input").await, transcript);
    assert_eq!(
        h.js("return window.__computing").await,
        serde_json::Value::Bool(true),
        "the indicator was shown while the worker analyzed it"
    );
    assert!(
        h.js("return performance.getEntriesByType('resource').some(e => e.name.includes('engine_worker'))")
            .await
            .as_bool()
            .unwrap_or(false),
        "the engine worker analyzed it"
    );
    // The engine's findings, as natively.
    let kinds = h
        .js("return [...document.querySelectorAll('[data-testid=analyze-finding]')].map(e => e.getAttribute('data-kind'))")
        .await;
    let want: Vec<&str> = analysis.findings.iter().map(|f| f.kind.id()).collect();
    assert!(!want.is_empty());
    assert_eq!(kinds, serde_json::json!(want));
    let _ = std::fs::remove_file(&path);
    assert_clean_and_local(&h).await;
    h.close().await;
}
