//! `cargo xtask bench`: `smtp-trainer serve` against its peers in one run, under Postfix's
//! own load generator.
//!
//! `smtp-source` (Debian's `postfix` package) sends the same load to three servers on
//! loopback, one after the other: `smtp-trainer serve` (built with the `native-release`
//! profile), Python's aiosmtpd (the `Sink` handler) and Postfix's `smtp-sink` (the
//! yardstick: it parses SMTP and throws the mail away). For each load — 50 and 200
//! sessions × 1 KB messages, 10 sessions × 100 KB — it prints messages per second, the
//! server's peak RSS and its CPU seconds, and `serve`'s ratio to each peer. A benchmark,
//! never a test: nothing here asserts a time.
//!
//! Then a soak: `serve` alone under the 50-session load while [`SLOW`] slow clients trickle
//! a byte a second into their commands and [`JUNK`] junk clients keep sending bare LFs,
//! binary bytes and HTTP requests; it prints messages per second under attack, peak RSS,
//! and how the hostile sessions ended (the transcript counted: per-command deadlines, error
//! limits, Postfix's forbidden commands).
//!
//! Missing tools are fetched and said so: Debian's `postfix` package is downloaded (`apt-get
//! download`, never installed: no mail server is set up or started) and smtp-source and
//! smtp-sink are run from it, extracted under `target/bench-tools/`; aiosmtpd through pip.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crate::{cmd, root, run};

/// One load: sessions in parallel, messages in all, the size of each.
struct Load {
    name: &'static str,
    sessions: u32,
    messages: u32,
    kilobytes: u32,
}

const LOADS: [Load; 3] = [
    Load {
        name: "50 sessions × 1 KB",
        sessions: 50,
        messages: 5000,
        kilobytes: 1,
    },
    Load {
        name: "200 sessions × 1 KB",
        sessions: 200,
        messages: 10000,
        kilobytes: 1,
    },
    Load {
        name: "10 sessions × 100 KB",
        sessions: 10,
        messages: 500,
        kilobytes: 100,
    },
];

/// What one server did under one load.
struct Measured {
    per_second: f64,
    peak_rss_kb: u64,
    cpu_seconds: f64,
}

/// Slow clients held during the soak (each trickles one byte a second).
const SLOW: usize = 1000;
/// Junk clients during the soak (each reconnects as soon as it is thrown out).
const JUNK: usize = 100;

/// The servers, in the order the table lists them.
const SERVERS: [&str; 3] = ["serve", "aiosmtpd", "smtp-sink"];

pub fn bench() -> Result<(), String> {
    let tools = ensure_tools()?;
    run(cmd("cargo").args([
        "build",
        "--profile",
        "native-release",
        "--bin",
        "smtp-trainer",
    ]))?;
    let serve_bin = root().join("target/native-release/smtp-trainer");
    let mut table = String::new();
    let machine = machine();
    let _ = writeln!(
        table,
        "\n`cargo xtask bench` — smtp-source (Postfix) against each server on loopback\n{machine}\n"
    );
    let _ = writeln!(
        table,
        "| load | server | messages/s | peak RSS | CPU s | serve ÷ this |"
    );
    let _ = writeln!(table, "| --- | --- | ---: | ---: | ---: | ---: |");
    for load in &LOADS {
        let mut results: Vec<(&str, Measured)> = Vec::new();
        for server in SERVERS {
            let port = free_port()?;
            let child = start_server(server, port, &serve_bin, &tools)?;
            let measured = drive(child, port, load, &tools)?;
            println!(
                "{:<22} {:<10} {:>9.0} msg/s  peak RSS {:>7} KB  CPU {:>6.2} s",
                load.name, server, measured.per_second, measured.peak_rss_kb, measured.cpu_seconds
            );
            results.push((server, measured));
        }
        let serve_rate = results
            .first()
            .map(|(_, m)| m.per_second)
            .unwrap_or_default();
        for (server, m) in &results {
            let ratio = if *server == "serve" || m.per_second == 0.0 {
                "—".to_string()
            } else {
                format!("{:.2}×", serve_rate / m.per_second)
            };
            let _ = writeln!(
                table,
                "| {} | {server} | {:.0} | {} MB | {:.2} | {ratio} |",
                load.name,
                m.per_second,
                m.peak_rss_kb / 1024,
                m.cpu_seconds
            );
        }
    }
    soak(&serve_bin, &tools, &mut table)?;
    println!("{table}");
    let report = root().join("target/bench.md");
    std::fs::write(&report, &table).map_err(|e| format!("writing {}: {e}", report.display()))?;
    println!("(also written to {})", report.display());
    Ok(())
}

struct Tools {
    smtp_source: String,
    smtp_sink: String,
    /// Where the extracted package keeps Postfix's shared libraries.
    library_path: String,
}

fn ensure_tools() -> Result<Tools, String> {
    let dir = root().join("target/bench-tools");
    let tree = dir.join("postfix");
    let source = tree.join("usr/sbin/smtp-source");
    let sink = tree.join("usr/sbin/smtp-sink");
    if !source.is_file() || !sink.is_file() {
        println!(
            "xtask: downloading Debian's postfix package (apt-get download; not installed) for \
             its load tools smtp-source and smtp-sink, into {}",
            dir.display()
        );
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        run(Command::new("apt-get")
            .arg("download")
            .arg("postfix")
            .current_dir(&dir))?;
        let deb = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("postfix_") && n.ends_with(".deb"))
            })
            .ok_or("apt-get download postfix left no .deb")?;
        run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&tree))?;
    }
    if Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .output()
        .map(|o| o.status.success())
        .ok()
        != Some(true)
    {
        println!("xtask: installing aiosmtpd through pip (the bench's Python peer)");
        run(Command::new("python3").args(["-m", "pip", "install", "--quiet", "aiosmtpd"]))?;
    }
    Ok(Tools {
        smtp_source: source.to_string_lossy().into_owned(),
        smtp_sink: sink.to_string_lossy().into_owned(),
        library_path: tree.join("usr/lib/postfix").to_string_lossy().into_owned(),
    })
}

fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

fn start_server(name: &str, port: u16, serve_bin: &Path, tools: &Tools) -> Result<Child, String> {
    let listen = format!("127.0.0.1:{port}");
    let mut command = match name {
        "serve" => {
            let mut c = Command::new(serve_bin);
            c.args([
                "serve",
                "--listen",
                &listen,
                "--max-per-client",
                "10000",
                "--max-connections",
                "10000",
                "--max-size",
                "10240000",
            ]);
            c
        }
        "aiosmtpd" => {
            let mut c = Command::new("python3");
            c.args([
                "-m",
                "aiosmtpd",
                "-n",
                "-c",
                "aiosmtpd.handlers.Sink",
                "-l",
                &listen,
            ]);
            c
        }
        _ => {
            let mut c = Command::new(&tools.smtp_sink);
            c.env("LD_LIBRARY_PATH", &tools.library_path);
            // As root smtp-sink wants a user to run as.
            c.args(["-u", "nobody", &listen, "1024"]);
            c
        }
    };
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting {name}: {e}"))?;
    // Wait (bounded) until it accepts connections.
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            return Err(format!("{name} did not listen on {listen} within 20 s"));
        }
        thread::sleep(Duration::from_millis(50));
    }
    Ok(child)
}

/// Runs smtp-source against the server, then reads the server's peak RSS and CPU time from
/// /proc before stopping it.
fn drive(mut child: Child, port: u16, load: &Load, tools: &Tools) -> Result<Measured, String> {
    let started = Instant::now();
    let status = Command::new(&tools.smtp_source)
        .env("LD_LIBRARY_PATH", &tools.library_path)
        .args([
            "-s",
            &load.sessions.to_string(),
            "-m",
            &load.messages.to_string(),
            "-l",
            &(load.kilobytes * 1024).to_string(),
            "-f",
            "alice@example.com",
            "-t",
            "bob@example.com",
            &format!("127.0.0.1:{port}"),
        ])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("running smtp-source: {e}"))?;
    let elapsed = started.elapsed().as_secs_f64();
    let pid = child.id();
    let (peak_rss_kb, cpu_seconds) = usage(pid);
    let _ = child.kill();
    let _ = child.wait();
    if !status.success() {
        return Err(format!("smtp-source failed against port {port} ({status})"));
    }
    Ok(Measured {
        per_second: f64::from(load.messages) / elapsed.max(1e-9),
        peak_rss_kb,
        cpu_seconds,
    })
}

/// Peak resident set (VmHWM, KB) and user+system CPU seconds of a process, from /proc.
fn usage(pid: u32) -> (u64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name (which may hold spaces, in parentheses).
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat: 12 and 13 after the name.
    let clock = 100.0;
    (peak, (ticks(11) + ticks(12)) / clock)
}

fn machine() -> String {
    let cores = thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown CPU".into());
    format!("machine: {cores} cores, {cpu}")
}

/// The soak: `serve` under the first load while slow and junk clients attack it.
fn soak(serve_bin: &Path, tools: &Tools, table: &mut String) -> Result<(), String> {
    let port = free_port()?;
    let transcript = root().join("target/bench-soak-transcript.txt");
    let listen = format!("127.0.0.1:{port}");
    let mut child = Command::new(serve_bin)
        .args([
            "serve",
            "--listen",
            &listen,
            "--max-per-client",
            "10000",
            "--max-connections",
            "10000",
            "--command-timeout",
            "10",
            "--transcript",
        ])
        .arg(&transcript)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting serve for the soak: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err(format!("serve did not listen on {listen} within 20 s"));
        }
        thread::sleep(Duration::from_millis(50));
    }
    let stop = Arc::new(AtomicBool::new(false));
    // Per kind of junk (bare LFs, binary, HTTP): octets sent, replies, greetings.
    let junk_sent: Arc<[AtomicU64; 3]> = Arc::new(Default::default());
    let junk_back: Arc<[AtomicU64; 3]> = Arc::new(Default::default());
    let junk_greetings: Arc<[AtomicU64; 3]> = Arc::new(Default::default());
    let mut threads = Vec::new();
    // Slow clients, 100 to a thread: a byte a second each, reconnecting when cut off.
    for group in 0..SLOW.div_ceil(100) {
        let stop = Arc::clone(&stop);
        threads.push(thread::spawn(move || {
            let mut conns: Vec<Option<TcpStream>> = (0..100).map(|_| None).collect();
            let line = format!("EHLO slow-{group}.example\r\n").into_bytes();
            let mut at = 0;
            while !stop.load(Ordering::Relaxed) {
                for conn in conns.iter_mut() {
                    if conn.is_none() {
                        *conn = TcpStream::connect(("127.0.0.1", port)).ok();
                        if let Some(c) = conn {
                            let _ = c.set_nonblocking(true);
                        }
                    }
                    if let Some(c) = conn {
                        let mut sink = [0u8; 512];
                        let closed = matches!(c.read(&mut sink), Ok(0));
                        if closed || c.write(&line[at % line.len()..][..1]).is_err() {
                            *conn = None;
                        }
                    }
                }
                at += 1;
                thread::sleep(Duration::from_secs(1));
            }
        }));
    }
    for i in 0..JUNK {
        let stop = Arc::clone(&stop);
        let sent = Arc::clone(&junk_sent);
        let back = Arc::clone(&junk_back);
        let greetings = Arc::clone(&junk_greetings);
        threads.push(thread::spawn(move || {
            let junk: Vec<u8> = match i % 3 {
                0 => vec![b'\n'; 64 * 1024],
                1 => (0..64 * 1024u32).map(|n| (n * 7 % 256) as u8).collect(),
                _ => b"GET / HTTP/1.1\r\nHost: x\r\n\r\n".to_vec(),
            };
            while !stop.load(Ordering::Relaxed) {
                let Ok(mut c) = TcpStream::connect(("127.0.0.1", port)) else {
                    thread::sleep(Duration::from_millis(100));
                    continue;
                };
                let _ = c.set_read_timeout(Some(Duration::from_secs(30)));
                if c.write_all(&junk).is_ok() {
                    sent[i % 3].fetch_add(junk.len() as u64, Ordering::Relaxed);
                }
                let mut sink = [0u8; 65536];
                // The greeting (the first line) comes whatever the client sends: it is
                // counted apart from the replies to the junk.
                let mut greeted = false;
                while let Ok(n) = c.read(&mut sink) {
                    if n == 0 {
                        break;
                    }
                    let mut replies = n;
                    if !greeted {
                        if let Some(end) = sink[..n].windows(2).position(|w| w == b"\r\n") {
                            greeted = true;
                            replies -= end + 2;
                            greetings[i % 3].fetch_add((end + 2) as u64, Ordering::Relaxed);
                        }
                    }
                    back[i % 3].fetch_add(replies as u64, Ordering::Relaxed);
                }
            }
        }));
    }
    // Let the attack build up, then the real load.
    thread::sleep(Duration::from_secs(5));
    let load = &LOADS[0];
    let started = Instant::now();
    let status = Command::new(&tools.smtp_source)
        .env("LD_LIBRARY_PATH", &tools.library_path)
        .args([
            "-s",
            &load.sessions.to_string(),
            "-m",
            &load.messages.to_string(),
            "-l",
            &(load.kilobytes * 1024).to_string(),
            "-f",
            "alice@example.com",
            "-t",
            "bob@example.com",
            &listen,
        ])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("running smtp-source: {e}"));
    let elapsed = started.elapsed().as_secs_f64();
    // Long enough for the per-command deadline to cut the slow clients at least once.
    let rest = Duration::from_secs(12).saturating_sub(started.elapsed());
    thread::sleep(rest);
    let (peak_rss_kb, cpu_seconds) = usage(child.id());
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        let _ = t.join();
    }
    let _ = child.kill();
    let _ = child.wait();
    let status = status?;
    if !status.success() {
        return Err(format!("smtp-source failed during the soak ({status})"));
    }
    let log = std::fs::read_to_string(&transcript).unwrap_or_default();
    let count = |needle: &str| log.matches(needle).count();
    let rate = f64::from(load.messages) / elapsed.max(1e-9);
    let _ = writeln!(
        table,
        "\nSoak: {} under attack by {SLOW} slow clients (a byte a second, --command-timeout 10) \
         and {JUNK} junk clients (bare LFs, binary, HTTP; reconnecting): {rate:.0} messages/s, \
         peak RSS {} MB, CPU {cpu_seconds:.2} s; junk sent → replies (besides the greetings, sent \
         before any junk): {}; sessions ended by the per-command deadline {}, by the error limit {}, as forbidden commands {}.",
        load.name,
        peak_rss_kb / 1024,
        ["bare LFs", "binary", "HTTP"]
            .iter()
            .enumerate()
            .map(|(k, kind)| format!(
                "{kind} {} KB → {} KB ({} KB of greetings)",
                junk_sent[k].load(Ordering::Relaxed) / 1024,
                junk_back[k].load(Ordering::Relaxed) / 1024,
                junk_greetings[k].load(Ordering::Relaxed) / 1024,
            ))
            .collect::<Vec<_>>()
            .join(", "),
        count("per-command deadline"),
        count("Error: too many errors"),
        count("I can break rules, too"),
    );
    println!(
        "soak: {rate:.0} msg/s under attack, peak RSS {} KB, CPU {cpu_seconds:.2} s",
        peak_rss_kb
    );
    Ok(())
}
