//! `smtp-trainer serve` against hostile clients over loopback: the error limits in the
//! profile's own wording, replies to junk bounded by the junk, the memory budget (a stream
//! of 60 MB messages leaves the server's peak memory flat), the SMTP-smuggling flag, and a
//! soak of a few hundred slow and junk connections while real clients keep getting 250.
//!
//! Every wait is bounded; nothing asserts on time.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The bound of every wait in these tests.
const WAIT: Duration = Duration::from_secs(30);
const BIN: &str = env!("CARGO_BIN_EXE_smtp-trainer");

/// A running `smtp-trainer serve`, killed when dropped.
struct Serve {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    /// Starts `serve --listen 127.0.0.1:0 --no-tls ARGS` and reads the port from its first
    /// line; the transcript is collected.
    fn start(args: &[&str]) -> Serve {
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0", "--no-tls"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start smtp-trainer serve");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        let into = Arc::clone(&log);
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            let mut first = Some(tx);
            loop {
                let mut line = String::new();
                match reader.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {
                        if let Some(tx) = first.take() {
                            let _ = tx.send(line.clone());
                        }
                        into.lock().unwrap().push_str(&line);
                    }
                }
            }
        });
        let first = rx
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("serve {args:?} printed no first line"));
        let port = first
            .trim_end()
            .strip_prefix("listening on 127.0.0.1:")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        Serve { child, port, log }
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(WAIT)).unwrap();
        stream
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    fn wait_for_log(&self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            assert!(
                Instant::now() < deadline,
                "the server log has no {needle:?}:\n{}",
                tail(&log)
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// The serve process's peak resident memory (`VmHWM` in /proc/PID/status), in KiB.
    fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("read /proc/PID/status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in /proc/PID/status")
    }
}

fn tail(text: &str) -> String {
    let start = text.len().saturating_sub(3000);
    let start = (start..text.len())
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    text[start..].to_string()
}

/// Reads until `needle` arrived (bounded); the connection closing first fails the test.
fn read_until(stream: &mut TcpStream, needle: &str) -> String {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&got).contains(needle) {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(err) => panic!(
                "reading failed ({err}) before {needle:?}; got {:?}",
                tail(&String::from_utf8_lossy(&got))
            ),
        }
    }
    let text = String::from_utf8_lossy(&got).into_owned();
    assert!(
        text.contains(needle),
        "closed before {needle:?}; got {text:?}"
    );
    text
}

/// Reads until the server closes (bounded by the read timeout); returns all it sent.
fn read_to_close(stream: &mut TcpStream) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return got,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(err) if err.kind() == std::io::ErrorKind::ConnectionReset => return got,
            Err(err) => panic!("reading failed: {err} after {} octets", got.len()),
        }
    }
}

/// Postfix's smtpd_hard_error_limit: 20 errors are answered, the 21st command gets
/// `421 4.7.0 <host> Error: too many errors` (the recorded wording) and the connection
/// closes; the transcript says the replies past the soft limit were delayed.
#[test]
fn postfix_hangs_up_at_the_21st_command_after_20_errors() {
    let serve = Serve::start(&["--error-sleep", "0"]);
    let mut stream = serve.connect();
    read_until(&mut stream, "220 ");
    let mut script = String::from("EHLO client.example\r\n");
    for i in 1..=25 {
        script.push_str(&format!("FOO {i}\r\n"));
    }
    stream.write_all(script.as_bytes()).unwrap();
    let text = String::from_utf8_lossy(&read_to_close(&mut stream)).into_owned();
    let errors = text
        .matches("500 5.5.2 Error: command not recognized\r\n")
        .count();
    assert_eq!(errors, 20, "{text}");
    assert!(
        text.ends_with("421 4.7.0 mail.example.com Error: too many errors\r\n"),
        "{text}"
    );
    serve.wait_for_log("[1] -- closed\n");
}

/// Failed AUTHs count as errors, as in Postfix's recording: 20 `535`s, then 421.
#[test]
fn failed_auths_meet_the_error_limit() {
    let serve = Serve::start(&["--error-sleep", "0", "--user", "alice:secret"]);
    let mut stream = serve.connect();
    read_until(&mut stream, "220 ");
    stream.write_all(b"EHLO client.example\r\n").unwrap();
    read_until(&mut stream, "250 CHUNKING\r\n");
    let mut failures = 0;
    // One at a time, as a password-guessing client would.
    for _ in 0..20 {
        stream
            .write_all(b"AUTH PLAIN AGFsaWNlAHdyb25n\r\n")
            .unwrap();
        let text = read_until(&mut stream, "\r\n");
        assert!(text.starts_with("535 5.7.8 "), "{text}");
        failures += 1;
    }
    stream
        .write_all(b"AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n")
        .unwrap();
    let text = String::from_utf8_lossy(&read_to_close(&mut stream)).into_owned();
    assert_eq!(failures, 20);
    assert_eq!(
        text, "421 4.7.0 mail.example.com Error: too many errors\r\n",
        "the right password after 20 failures must not be tried"
    );
}

/// From the soft limit on, the real server sleeps before each reply; the transcript says so.
#[test]
fn replies_past_the_soft_limit_are_delayed_and_the_transcript_says_so() {
    let serve = Serve::start(&["--error-sleep", "1"]);
    let mut stream = serve.connect();
    read_until(&mut stream, "220 ");
    let mut script = String::new();
    for i in 1..=11 {
        script.push_str(&format!("FOO {i}\r\n"));
    }
    stream.write_all(script.as_bytes()).unwrap();
    let mut text = String::new();
    while text.matches("500 5.5.2 ").count() < 11 {
        text.push_str(&read_until(&mut stream, "\r\n"));
    }
    let log = serve.wait_for_log("errors so far: the replies wait");
    assert!(
        log.contains("[1] -- 10 errors so far") || log.contains("[1] -- 11 errors so far"),
        "{}",
        tail(&log)
    );
}

/// Issue 11: 1 MB of bare LFs gave 43 MB of replies. Now the replies stay smaller than the
/// junk: with Postfix's error limit the session ends after 20 replies, and in the RFC 5321
/// profile (no error limit) once the replies outgrow the input by 64 KiB.
#[test]
fn a_megabyte_of_bare_lfs_gets_fewer_octets_back_than_it_sent() {
    for (profile, last) in [
        (
            "postfix",
            "421 4.7.0 mail.example.com Error: too many errors\r\n",
        ),
        (
            "rfc5321",
            "421 4.7.0 mail.example.com Error: too many errors\r\n",
        ),
    ] {
        let serve = Serve::start(&["--profile", profile, "--error-sleep", "0"]);
        let mut stream = serve.connect();
        read_until(&mut stream, "220 ");
        let mut writer = stream.try_clone().unwrap();
        const JUNK: usize = 1024 * 1024;
        let sender = thread::spawn(move || {
            let chunk = vec![b'\n'; 64 * 1024];
            let mut sent = 0;
            while sent < JUNK {
                // The server hangs up mid-way: writing then fails, as it should.
                if writer.write_all(&chunk).is_err() {
                    break;
                }
                sent += chunk.len();
            }
            sent
        });
        let replies = read_to_close(&mut stream);
        let sent = sender.join().unwrap();
        let text = String::from_utf8_lossy(&replies);
        assert!(
            replies.len() < JUNK,
            "{profile}: {} octets of replies to {sent} octets of junk",
            replies.len()
        );
        assert!(text.ends_with(last), "{profile}: {}", tail(&text));
        serve.wait_for_log("[1] -- closed\n");
    }
}

/// A message of `size` octets with CRLF lines of 1000 octets, ended with `<CRLF>.<CRLF>`.
fn message(size: usize) -> Vec<u8> {
    let mut line = vec![b'x'; 998];
    line.extend_from_slice(b"\r\n");
    let mut out = b"Subject: big\r\n\r\n".to_vec();
    while out.len() < size {
        out.extend_from_slice(&line);
    }
    out.extend_from_slice(b".\r\n");
    out
}

/// Sends one message in its own session; returns the reply to the end of data.
fn send_message(serve: &Serve, data: &[u8]) -> String {
    let mut stream = serve.connect();
    read_until(&mut stream, "220 ");
    stream
        .write_all(b"EHLO client.example\r\nMAIL FROM:<bob@example.org>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\n")
        .unwrap();
    read_until(&mut stream, "354 ");
    stream.write_all(data).unwrap();
    let text = read_until(&mut stream, "\r\n");
    let _ = stream.write_all(b"QUIT\r\n");
    text.lines().last().unwrap_or("").to_string()
}

/// Issue 11: memory grew with the size limit times the sessions. With a 16 MiB budget for
/// all message text, a stream of 60 MB messages (three at a time, then one) keeps the
/// server's peak RSS flat: each message that finds no room gets Postfix's `452 4.3.1
/// Insufficient system storage`, and a small message afterwards is still accepted.
#[test]
fn a_stream_of_60_mb_messages_keeps_peak_memory_flat() {
    let serve = Serve::start(&["--max-size", "67108864", "--memory-budget", "16"]);
    let small = message(100 * 1024);
    assert!(send_message(&serve, &small).starts_with("250 2.0.0 Ok: queued as "));
    let before = serve.peak_rss_kib();

    let big = Arc::new(message(60 * 1000 * 1000));
    let serve = Arc::new(serve);
    let mut replies = Vec::new();
    {
        let workers: Vec<_> = (0..3)
            .map(|_| {
                let big = Arc::clone(&big);
                let serve = Arc::clone(&serve);
                thread::spawn(move || send_message(&serve, &big))
            })
            .collect();
        for w in workers {
            replies.push(w.join().unwrap());
        }
    }
    replies.push(send_message(&serve, &big));
    let peak = serve.peak_rss_kib();
    eprintln!("peak RSS {before} KiB before, {peak} KiB after four 60 MB messages");
    for reply in &replies {
        assert_eq!(
            reply, "452 4.3.1 Insufficient system storage",
            "{replies:?}"
        );
    }
    // Three 60 MB messages at a time would need 180 MB or more if kept; the budget
    // allows 16 MiB plus one read per session and the allocator's slack.
    assert!(
        peak < before + 48 * 1024,
        "peak RSS grew from {before} KiB to {peak} KiB"
    );
    assert!(send_message(&serve, &small).starts_with("250 2.0.0 Ok: queued as "));
    serve.wait_for_log("would exceed --memory-budget (16 MiB)");
}

/// SMTP smuggling: Postfix as Debian 12 ships it ends DATA at `<LF>.<LF>` (recorded), so
/// the smuggled transaction runs; the transcript flags the attempt either way, and
/// `--reject-bare-lf` (smtpd_forbid_bare_newline) refuses it.
#[test]
fn a_bare_lf_end_of_data_is_flagged_in_the_transcript() {
    let attack: &[u8] = b"Subject: first\r\n\r\nfirst message\n.\nMAIL FROM:<admin@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\nSubject: smuggled\r\n\r\nsmuggled\r\n.\r\n";
    let serve = Serve::start(&[]);
    let reply = send_message(&serve, attack);
    assert!(reply.starts_with("250 2.0.0 Ok: queued as "), "{reply}");
    // The smuggled transaction is logged after the attempt's flag: wait for it, not the flag.
    let log = serve.wait_for_log("from=admin@example.com");
    assert!(log.contains("SMTP smuggling attempt"), "{}", tail(&log));

    let strict = Serve::start(&["--reject-bare-lf"]);
    let reply = send_message(&strict, attack);
    assert_eq!(
        reply,
        "521 5.5.2 mail.example.com Error: bare <LF> received"
    );
    let log = strict.wait_for_log("SMTP smuggling attempt");
    assert!(!log.contains("from=admin@example.com"), "{}", tail(&log));
}

/// A short, complete dialog; returns the reply to the end of data.
fn real_client(port: u16, n: usize) -> Result<String, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(WAIT))
        .map_err(|e| e.to_string())?;
    let mut reader = BufReader::new(stream.try_clone().map_err(|e| e.to_string())?);
    let mut said = String::new();
    let mut reply = || -> Result<String, String> {
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).map_err(|e| e.to_string())?;
            if line.is_empty() {
                return Err(format!("closed after {said:?}"));
            }
            said.push_str(&line);
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(line.trim_end().to_string());
            }
        }
    };
    let greeting = reply()?;
    if !greeting.starts_with("220 ") {
        return Err(greeting);
    }
    for (command, code) in [
        ("EHLO real.example\r\n".to_string(), "250"),
        ("MAIL FROM:<bob@example.org>\r\n".to_string(), "250"),
        ("RCPT TO:<alice@example.com>\r\n".to_string(), "250"),
        ("DATA\r\n".to_string(), "354"),
        (format!("Subject: soak {n}\r\n\r\nhello\r\n.\r\n"), "250"),
    ] {
        stream
            .write_all(command.as_bytes())
            .map_err(|e| e.to_string())?;
        let got = reply()?;
        if !got.starts_with(code) {
            return Err(format!("{command:?} got {got}"));
        }
        if code == "250" && command.ends_with(".\r\n") {
            let _ = stream.write_all(b"QUIT\r\n");
            return Ok(got);
        }
    }
    Err("no end".into())
}

/// The soak, bounded in count and time: 200 slow connections (a byte every 100 ms) and 100
/// junk connections (bare LFs, binary, an HTTP request) while 60 real clients, one after
/// another, each deliver a message and get 250. On one thread (every session on the same
/// thread, the default on two cores) and on three.
#[test]
fn real_clients_keep_getting_250_through_slow_and_junk_connections() {
    soak("1");
}

#[test]
fn real_clients_keep_getting_250_through_slow_and_junk_connections_on_three_threads() {
    soak("3");
}

fn soak(threads: &str) {
    let serve = Serve::start(&[
        "--threads",
        threads,
        "--error-sleep",
        "0",
        "--max-per-client",
        "1000",
        "--command-timeout",
        "3",
        "--timeout",
        "10",
    ]);
    let port = serve.port;
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut hostile = Vec::new();
    for i in 0..200 {
        let stop = Arc::clone(&stop);
        hostile.push(thread::spawn(move || {
            let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
                return;
            };
            let deadline = Instant::now() + WAIT;
            for b in format!("EHLO slow{i}.example\r\n").bytes().cycle() {
                if stop.load(std::sync::atomic::Ordering::Relaxed)
                    || Instant::now() > deadline
                    || s.write_all(&[b]).is_err()
                {
                    break;
                }
                thread::sleep(Duration::from_millis(100));
            }
        }));
    }
    for i in 0..100 {
        hostile.push(thread::spawn(move || {
            let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
                return;
            };
            let _ = s.set_read_timeout(Some(WAIT));
            let junk: Vec<u8> = match i % 3 {
                0 => vec![b'\n'; 200_000],
                1 => (0..100_000u32).map(|n| (n * 7 % 256) as u8).collect(),
                _ => b"GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
            };
            let _ = s.write_all(&junk);
            let mut sink = [0u8; 65536];
            while let Ok(n) = s.read(&mut sink) {
                if n == 0 {
                    break;
                }
            }
        }));
    }
    let mut served = 0;
    for n in 0..60 {
        match real_client(port, n) {
            Ok(reply) if reply.starts_with("250 2.0.0 Ok: queued as ") => served += 1,
            other => panic!("real client {n}: {other:?}\n{}", tail(&serve.log())),
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for h in hostile {
        let _ = h.join();
    }
    assert_eq!(served, 60);
    let log = serve.log();
    assert!(log.contains("Error: too many errors"), "{}", tail(&log));
    assert!(
        log.contains("I can break rules, too. Goodbye."),
        "{}",
        tail(&log)
    );
}
