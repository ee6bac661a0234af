//! `smtp-trainer serve` against real peers: Python's `smtplib` and `swaks` talk to the built
//! binary over loopback TCP, and the server's transcript on stdout is checked too.
//!
//! Missing tools fail the tests (never skip): `cargo xtask test` installs them.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The bound of every wait in these tests.
const WAIT: Duration = Duration::from_secs(20);
const BIN: &str = env!("CARGO_BIN_EXE_smtp-trainer");
const INSTALL_HINT: &str = "`cargo xtask test` installs swaks (Debian's swaks and \
    libauthen-sasl-perl), curl, msmtp and python3 through apt-get; by hand: \
    apt-get install -y swaks libauthen-sasl-perl curl msmtp python3";

/// A running `smtp-trainer serve`, killed when dropped.
struct Serve {
    child: Child,
    port: u16,
    log: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Copies a pipe into a shared buffer until it closes; sends the first line on `first`.
fn drain(
    pipe: impl Read + Send + 'static,
    into: Arc<Mutex<String>>,
    first: Option<mpsc::Sender<String>>,
) {
    thread::spawn(move || {
        let mut reader = BufReader::new(pipe);
        let mut first = first;
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
}

impl Serve {
    /// Starts `serve --listen 127.0.0.1:0 ARGS` and reads the port from its first line.
    fn start(args: &[&str]) -> Serve {
        let mut child = Command::new(BIN)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start smtp-trainer serve");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        drain(child.stdout.take().unwrap(), Arc::clone(&log), Some(tx));
        drain(child.stderr.take().unwrap(), Arc::clone(&stderr), None);
        let mut serve = Serve {
            child,
            port: 0,
            log,
            stderr,
        };
        let first = match rx.recv_timeout(WAIT) {
            Ok(line) => line,
            Err(_) => panic!(
                "serve {args:?} printed no first line within {WAIT:?}; stderr: {}",
                serve.stderr.lock().unwrap()
            ),
        };
        let port = first
            .trim_end()
            .strip_prefix("listening on 127.0.0.1:")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        serve.port = port;
        serve
    }

    fn server(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits until the transcript contains `needle`; returns the transcript.
    fn wait_for_log(&self, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let log = self.log();
            if log.contains(needle) {
                return log;
            }
            if Instant::now() > deadline {
                panic!("the server log has no {needle:?} after {WAIT:?}:\n{log}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

/// What a finished tool run gave.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs a tool with bounded time; a tool that is not installed fails the test.
fn run_tool(program: &str, args: &[&str]) -> Run {
    run_tool_with_input(program, args, None)
}

/// Runs a tool with bounded time, `input` on its standard input.
fn run_tool_with_input(program: &str, args: &[&str], input: Option<&[u8]>) -> Run {
    let mut child = match Command::new(program)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(err) => panic!("cannot run `{program}` ({err}); it is needed here. {INSTALL_HINT}"),
    };
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        let input = input.to_vec();
        // A writer thread, so that a tool that stops reading cannot block the test.
        thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let stdout = Arc::new(Mutex::new(String::new()));
    let stderr = Arc::new(Mutex::new(String::new()));
    drain(child.stdout.take().unwrap(), Arc::clone(&stdout), None);
    drain(child.stderr.take().unwrap(), Arc::clone(&stderr), None);
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the tool") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`{program} {args:?}` did not finish within {WAIT:?}; stdout so far:\n{}\nstderr:\n{}",
                stdout.lock().unwrap(),
                stderr.lock().unwrap()
            );
        }
        thread::sleep(Duration::from_millis(20));
    };
    // The pipes close when the tool exits; give the drain threads a moment to finish.
    thread::sleep(Duration::from_millis(100));
    let (stdout, stderr) = (
        stdout.lock().unwrap().clone(),
        stderr.lock().unwrap().clone(),
    );
    Run {
        code: status.code(),
        stdout,
        stderr,
    }
}

fn python(script: &str, serve: &Serve) -> Run {
    let port = serve.port.to_string();
    let run = run_tool("python3", &["-c", script, &port]);
    assert_eq!(
        run.code,
        Some(0),
        "the Python script failed: {}\n--- server log\n{}",
        run.describe(),
        serve.log()
    );
    run
}

fn swaks(serve: &Serve, extra: &[&str]) -> Run {
    let server = serve.server();
    let mut args = vec![
        "--server",
        &server,
        "--helo",
        "client.example",
        "--from",
        "alice@example.com",
        "--to",
        "bob@example.com",
        "--timeout",
        "20",
    ];
    args.extend_from_slice(extra);
    run_tool("swaks", &args)
}

/// The index of the first line (from `from` on) that starts with `prefix`.
fn line_index(lines: &[&str], from: usize, prefix: &str, all: &str) -> usize {
    lines
        .iter()
        .skip(from)
        .position(|l| l.starts_with(prefix))
        .map(|i| i + from)
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} after line {from}:\n{all}"))
}

const SMTPLIB_SEND: &str = r#"
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20)
code, _ = s.ehlo('client.example')
print('ehlo', code)
print('features', ' '.join(sorted(s.esmtp_features)))
msg = ('From: alice@example.com\r\nTo: bob@example.com, carol@example.com\r\n'
       'Subject: two recipients\r\n\r\nHello from smtplib.\r\n')
refused = s.sendmail('alice@example.com', ['bob@example.com', 'carol@example.com'], msg)
print('refused', refused)
s.quit()
"#;

#[test]
fn smtplib_sees_the_extensions_and_sends_to_two_recipients() {
    let serve = Serve::start(&["--profile", "postfix"]);
    let run = python(SMTPLIB_SEND, &serve);
    assert!(run.stdout.contains("ehlo 250"), "{}", run.describe());
    let features: Vec<&str> = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("features "))
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    for feature in ["pipelining", "size", "auth", "8bitmime"] {
        assert!(
            features.contains(&feature),
            "{feature} missing from smtplib's esmtp_features {features:?}"
        );
    }
    assert!(run.stdout.contains("refused {}"), "{}", run.describe());
    let log = serve.wait_for_log("-- message stored:");
    assert!(
        log.contains("from=alice@example.com, to=bob@example.com,carol@example.com ("),
        "{log}"
    );
    serve.wait_for_log("[1] -- closed\n");
    assert!(log.contains("[1] -- connected from 127.0.0.1:"), "{log}");
    assert!(log.contains("[1] C: ehlo client.example"), "{log}");
    assert!(log.contains("[1] S: 250-PIPELINING"), "{log}");
}

const SMTPLIB_TOO_BIG: &str = r#"
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20)
header = 'From: alice@example.com\r\nTo: bob@example.com\r\nSubject: big\r\n\r\n'
body = ('x' * 78 + '\r\n') * 100
msg = (header + body)[:4998] + '\r\n'
assert len(msg) == 5000
try:
    s.sendmail('alice@example.com', ['bob@example.com'], msg)
    print('accepted')
except smtplib.SMTPSenderRefused as e:
    print('sender-refused', e.smtp_code, e.smtp_error.decode())
except smtplib.SMTPDataError as e:
    print('data-error', e.smtp_code, e.smtp_error.decode())
s.close()
"#;

#[test]
fn smtplib_gets_552_for_a_message_above_max_size() {
    let serve = Serve::start(&["--max-size", "1000"]);
    let run = python(SMTPLIB_TOO_BIG, &serve);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("sender-refused") || l.starts_with("data-error"))
        .unwrap_or_else(|| panic!("the message was not refused: {}", run.describe()));
    let code: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(code.get(1), Some(&"552"), "{line}");
    // smtplib declared the size, so the server refused at MAIL, before any data.
    let log = serve.wait_for_log("S: 552 ");
    assert!(log.to_ascii_lowercase().contains("size=5000"), "{log}");
    assert!(!log.contains("message stored"), "{log}");
}

const SMTPLIB_AUTH: &str = r#"
import smtplib, sys
port = int(sys.argv[1])
def connect():
    s = smtplib.SMTP('127.0.0.1', port, timeout=20)
    s.ehlo('client.example')
    return s
s = connect()
print('advertised', s.esmtp_features.get('auth', '').strip())
code, _ = s.login('alice', 'secret')
print('login', code)
s.quit()
for mechanism, method in (('PLAIN', 'auth_plain'), ('LOGIN', 'auth_login')):
    for initial in (True, False):
        s = connect()
        s.user, s.password = 'alice', 'secret'
        code, _ = s.auth(mechanism, getattr(s, method), initial_response_ok=initial)
        print(mechanism, 'initial' if initial else 'challenge', code)
        s.quit()
s = connect()
try:
    s.login('alice', 'wrong')
    print('wrong password accepted')
except smtplib.SMTPAuthenticationError as e:
    print('wrong', e.smtp_code)
s.close()
"#;

#[test]
fn smtplib_authenticates_with_plain_and_login() {
    let serve = Serve::start(&["--user", "alice:secret"]);
    let run = python(SMTPLIB_AUTH, &serve);
    let out = &run.stdout;
    assert!(out.contains("advertised PLAIN LOGIN"), "{}", run.describe());
    for expected in [
        "login 235",
        "PLAIN initial 235",
        "PLAIN challenge 235",
        "LOGIN initial 235",
        "LOGIN challenge 235",
        "wrong 535",
    ] {
        assert!(
            out.lines().any(|l| l == expected),
            "{expected:?} missing: {}",
            run.describe()
        );
    }
    let log = serve.wait_for_log("S: 535 5.7.8");
    // The learner's own server shows the SASL exchange as sent.
    assert!(log.contains("C: AUTH PLAIN AGFsaWNlAHNlY3JldA=="), "{log}");
    assert!(log.contains("S: 334 VXNlcm5hbWU6"), "{log}");
}

#[test]
fn swaks_pipelines_mail_rcpt_data_in_one_read() {
    let serve = Serve::start(&["--user", "alice:secret"]);
    let run = swaks(&serve, &["--pipeline"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let out = &run.stdout;
    let lines: Vec<&str> = out.lines().collect();
    // swaks sent the three commands as a group before reading any of their replies...
    let mail = line_index(&lines, 0, " -> MAIL FROM:<alice@example.com>", out);
    assert!(
        lines[mail + 1].starts_with(" -> RCPT TO:<bob@example.com>"),
        "{out}"
    );
    assert!(lines[mail + 2].starts_with(" -> DATA"), "{out}");
    assert!(lines[mail + 3].starts_with("<-  250 "), "{out}");
    assert!(lines[mail + 4].starts_with("<-  250 "), "{out}");
    assert!(lines[mail + 5].starts_with("<-  354 "), "{out}");
    // ...and the message was accepted after the data.
    let dot = line_index(&lines, mail + 5, " -> .", out);
    assert!(
        lines[dot + 1].starts_with("<-  250 2.0.0 Ok: queued as"),
        "{out}"
    );

    // The server got the group in one read and answered it as one.
    let log = serve.wait_for_log("[1] -- closed\n");
    let log_lines: Vec<&str> = log.lines().collect();
    let group = line_index(
        &log_lines,
        0,
        "[1] -- pipelined: 3 commands in one read",
        &log,
    );
    assert_eq!(
        log_lines[group + 1],
        "[1] C: MAIL FROM:<alice@example.com>",
        "{log}"
    );
    assert_eq!(
        log_lines[group + 2],
        "[1] C: RCPT TO:<bob@example.com>",
        "{log}"
    );
    assert_eq!(log_lines[group + 3], "[1] C: DATA", "{log}");
    assert!(log.contains("-- message stored: id="), "{log}");
}

#[test]
fn swaks_authenticates_with_login_and_plain() {
    let serve = Serve::start(&["--user", "alice:secret", "--require-auth"]);
    for mechanism in ["LOGIN", "PLAIN"] {
        let run = swaks(
            &serve,
            &[
                "--auth",
                mechanism,
                "--auth-user",
                "alice",
                "--auth-password",
                "secret",
            ],
        );
        assert_eq!(run.code, Some(0), "AUTH {mechanism}: {}", run.describe());
        assert!(run.stdout.contains("<-  235 2.7.0"), "{}", run.describe());
        assert!(
            run.stdout.contains("<-  250 2.0.0 Ok: queued"),
            "{}",
            run.describe()
        );
    }
    let log = serve.wait_for_log("[2] -- closed\n");
    assert!(log.contains("[1] C: AUTH LOGIN"), "{log}");
    assert!(log.contains("[2] C: AUTH PLAIN"), "{log}");
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
}

#[test]
fn swaks_fails_when_the_sasl_daemon_is_down() {
    let serve = Serve::start(&["--user", "alice:secret", "--sasl-down"]);
    let run = swaks(
        &serve,
        &[
            "--auth",
            "LOGIN",
            "--auth-user",
            "alice",
            "--auth-password",
            "secret",
        ],
    );
    assert_ne!(run.code, Some(0), "{}", run.describe());
    assert!(run.stdout.contains("535 5.7.8"), "{}", run.describe());
    let log = serve.wait_for_log("[1] S: 535 5.7.8 Error: authentication failed");
    assert!(!log.contains("message stored"), "{log}");
}

const SMTPLIB_FAULT: &str = r#"
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=20)
code, message = s.ehlo('client.example')
print('ehlo', code, message.decode())
try:
    s.noop()
    print('still open')
except smtplib.SMTPServerDisconnected:
    print('disconnected')
"#;

#[test]
fn fault_421_answers_the_first_command_and_closes() {
    let serve = Serve::start(&["--fault", "421"]);
    let run = python(SMTPLIB_FAULT, &serve);
    assert!(
        run.stdout
            .contains("ehlo 421 4.3.2 mail.example.com Service not available"),
        "{}",
        run.describe()
    );
    assert!(run.stdout.contains("disconnected"), "{}", run.describe());
    let log = serve.wait_for_log("[1] -- closed\n");
    assert!(log.contains("[1] S: 421 4.3.2"), "{log}");
}

/// Runs the binary to completion (bounded) and returns status and stderr.
fn run_serve_to_exit(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(BIN)
        .arg("serve")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start smtp-trainer serve");
    let stderr = Arc::new(Mutex::new(String::new()));
    drain(child.stderr.take().unwrap(), Arc::clone(&stderr), None);
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = child.try_wait().expect("wait for serve") {
            thread::sleep(Duration::from_millis(100));
            let text = stderr.lock().unwrap().clone();
            return (status.code(), text);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("serve {args:?} kept running; it should have refused to start");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_non_loopback_address_needs_allow_remote() {
    let (code, stderr) = run_serve_to_exit(&["--listen", "0.0.0.0:0"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("0.0.0.0 is not a loopback address"),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-remote"), "{stderr}");
}

#[test]
fn a_port_in_use_is_named() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (code, stderr) = run_serve_to_exit(&["--listen", &format!("127.0.0.1:{port}")]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{stderr}"
    );
}

/// Reads from a raw connection until `needle` arrived (bounded).
fn read_until(stream: &mut TcpStream, needle: &str) -> String {
    stream.set_read_timeout(Some(WAIT)).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    while !String::from_utf8_lossy(&got).contains(needle) {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(err) => panic!(
                "reading failed ({err}) before {needle:?}; got {:?}",
                String::from_utf8_lossy(&got)
            ),
        }
    }
    let text = String::from_utf8_lossy(&got).into_owned();
    assert!(
        text.contains(needle),
        "the connection closed before {needle:?}; got {text:?}"
    );
    text
}

/// Opens `n` connections and reads each greeting.
fn hold(serve: &Serve, n: usize) -> Vec<TcpStream> {
    (0..n)
        .map(|_| {
            let mut stream = TcpStream::connect(serve.server()).unwrap();
            read_until(&mut stream, "220 mail.example.com ESMTP Postfix\r\n");
            stream
        })
        .collect()
}

/// Connects until a greeting comes (bounded): room was made.
fn wait_for_room(serve: &Serve) {
    let deadline = Instant::now() + WAIT;
    loop {
        let mut again = TcpStream::connect(serve.server()).unwrap();
        let text = read_until(&mut again, "\r\n");
        if text.starts_with("220 ") {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "no room after a connection closed: {text:?}"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn connections_beyond_the_limit_in_all_are_refused_until_one_closes() {
    let serve = Serve::start(&["--max-connections", "4"]);
    let mut open = hold(&serve, 4);
    let mut extra = TcpStream::connect(serve.server()).unwrap();
    let text = read_until(&mut extra, "\r\n");
    assert_eq!(text, "421 4.3.2 Too many connections\r\n");
    serve.wait_for_log("[5] -- refused: 4 connections are open (--max-connections)\n");
    serve.wait_for_log("[5] -- closed\n");

    // One closes: there is room again.
    let mut first = open.remove(0);
    first.write_all(b"QUIT\r\n").unwrap();
    read_until(&mut first, "221 2.0.0 Bye\r\n");
    serve.wait_for_log("[1] -- closed\n");
    wait_for_room(&serve);
}

/// Postfix's smtpd_client_connection_count_limit: one address cannot take every place.
#[test]
fn one_client_address_gets_its_share_only() {
    let serve = Serve::start(&["--max-per-client", "3"]);
    let mut open = hold(&serve, 3);
    let mut extra = TcpStream::connect(serve.server()).unwrap();
    let text = read_until(&mut extra, "\r\n");
    assert_eq!(text, "421 4.3.2 Too many connections\r\n");
    serve
        .wait_for_log("[4] -- refused: 3 connections from 127.0.0.1 are open (--max-per-client)\n");
    drop(open.remove(0));
    serve.wait_for_log("[1] -- closed\n");
    wait_for_room(&serve);
}

/// Issue 11's goal, bounded: a thousand idle connections are held while a real client is
/// still served at once.
#[test]
fn a_thousand_idle_connections_and_smtplib_is_still_served() {
    let serve = Serve::start(&["--max-per-client", "2000"]);
    let idle = hold(&serve, 1000);
    let run = python(SMTPLIB_SEND, &serve);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    serve.wait_for_log("[1001] -- message stored:");
    drop(idle);
}

/// Slowloris: one byte of a command every 200 ms keeps the idle timer from firing, but not
/// the per-command deadline.
#[test]
fn a_command_trickled_byte_by_byte_meets_the_per_command_deadline() {
    let serve = Serve::start(&["--timeout", "30", "--command-timeout", "1"]);
    let mut stream = TcpStream::connect(serve.server()).unwrap();
    read_until(&mut stream, "220 ");
    let started = Instant::now();
    let mut closed = false;
    for byte in b"EHLO slowly.example.net.example.org.example.com"
        .iter()
        .cycle()
        .take(100)
    {
        if stream.write_all(&[*byte]).is_err() {
            closed = true;
            break;
        }
        thread::sleep(Duration::from_millis(200));
        if serve.log().contains("per-command deadline") {
            closed = true;
            break;
        }
    }
    assert!(closed, "still open after {:?}", started.elapsed());
    let log = serve.wait_for_log("[1] -- closed\n");
    assert!(
        log.contains("[1] S: 421 4.4.2 mail.example.com Error: timeout exceeded"),
        "{log}"
    );
    assert!(log.contains("per-command deadline"), "{log}");
}

/// A transcript nobody reads (a full pipe) never stops the server: every session is
/// answered, and the transcript catches up (or counts what it dropped).
#[test]
fn an_unread_transcript_does_not_stop_serving() {
    let mut child = Command::new(BIN)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start smtp-trainer serve");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let port: u16 = first
        .trim_end()
        .strip_prefix("listening on 127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
    // Far more transcript than a pipe holds (64 KiB), none of it read.
    for _ in 0..300 {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        read_until(&mut stream, "220 ");
        stream
            .write_all(b"EHLO a-client-with-a-long-name.example.org\r\nNOOP\r\nNOOP\r\nQUIT\r\n")
            .unwrap();
        read_until(&mut stream, "221 2.0.0 Bye\r\n");
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn an_idle_connection_times_out_with_421() {
    let serve = Serve::start(&["--timeout", "1"]);
    let mut stream = TcpStream::connect(serve.server()).unwrap();
    let text = read_until(
        &mut stream,
        "421 4.4.2 mail.example.com Error: timeout exceeded\r\n",
    );
    assert!(text.starts_with("220 "), "{text:?}");
    let mut rest = Vec::new();
    stream.read_to_end(&mut rest).unwrap();
    assert!(rest.is_empty(), "{rest:?}");
    serve.wait_for_log("[1] -- closed\n");
}

const SMTPLIB_CRAM_MD5: &str = r#"
import smtplib, sys
host, port = "127.0.0.1", int(sys.argv[1])
s = smtplib.SMTP(host, port, timeout=15)
s.ehlo("client.example")
s.user, s.password = "alice", "secret"
code, _ = s.auth("CRAM-MD5", s.auth_cram_md5)
print("CRAM-MD5", code)
s.quit()
s = smtplib.SMTP(host, port, timeout=15)
s.ehlo("client.example")
code, _ = s.login("alice", "secret")
print("login", code)
s.quit()
"#;

#[test]
fn smtplib_authenticates_with_cram_md5_rfc2195() {
    let serve = Serve::start(&["--user", "alice:secret"]);
    let run = python(SMTPLIB_CRAM_MD5, &serve);
    assert!(
        run.stdout.lines().any(|l| l == "CRAM-MD5 235"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.lines().any(|l| l == "login 235"),
        "{}",
        run.describe()
    );
    let log = serve.wait_for_log("[2] -- closed\n");
    // smtplib's login() prefers CRAM-MD5 when the server offers it.
    assert_eq!(log.matches("C: AUTH CRAM-MD5").count(), 2, "{log}");
}

#[test]
fn swaks_authenticates_with_cram_md5_and_digest_md5() {
    let serve = Serve::start(&["--user", "alice:secret", "--require-auth"]);
    for mechanism in ["CRAM-MD5", "DIGEST-MD5"] {
        let run = swaks(
            &serve,
            &[
                "--auth",
                mechanism,
                "--auth-user",
                "alice",
                "--auth-password",
                "secret",
            ],
        );
        assert_eq!(run.code, Some(0), "AUTH {mechanism}: {}", run.describe());
        assert!(run.stdout.contains("<-  235 2.7.0"), "{}", run.describe());
    }
    let log = serve.wait_for_log("[2] -- closed\n");
    assert!(log.contains("[1] C: AUTH CRAM-MD5"), "{log}");
    assert!(log.contains("[2] C: AUTH DIGEST-MD5"), "{log}");
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
}

#[test]
fn swaks_authenticates_with_ntlm_through_authen_ntlm() {
    // Authen::NTLM sends NTLMv1 (DES over the NT hash, MS-NLMP §3.3.1).
    let serve = Serve::start(&["--user", "alice:secret", "--require-auth"]);
    let run = swaks(
        &serve,
        &[
            "--auth",
            "NTLM",
            "--auth-user",
            "alice",
            "--auth-password",
            "secret",
        ],
    );
    assert_eq!(run.code, Some(0), "AUTH NTLM: {}", run.describe());
    assert!(run.stdout.contains("<-  235 2.7.0"), "{}", run.describe());
    let bad = swaks(
        &serve,
        &[
            "--auth",
            "NTLM",
            "--auth-user",
            "alice",
            "--auth-password",
            "wrong",
        ],
    );
    assert_ne!(bad.code, Some(0), "{}", bad.describe());
    let log = serve.wait_for_log("[2] -- closed\n");
    assert!(log.contains("[1] C: AUTH NTLM"), "{log}");
    assert!(log.contains("[2] S: 535 5.7.8"), "{log}");
}

/// A free loopback port (bound and released; the server binds it right after).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Real TLS: swaks with STARTTLS (`--tls`) and on the implicit-TLS port
/// (`--tls-on-connect`), authenticating with PLAIN, LOGIN and CRAM-MD5 inside it.
#[test]
fn swaks_sends_through_starttls_and_implicit_tls() {
    let tls_port = free_port().to_string();
    let tls_listen = format!("127.0.0.1:{tls_port}");
    let serve = Serve::start(&["--user", "alice:secret", "--tls-listen", &tls_listen]);
    for mechanism in ["PLAIN", "LOGIN", "CRAM-MD5"] {
        let run = swaks(
            &serve,
            &[
                "--tls",
                "--auth",
                mechanism,
                "--auth-user",
                "alice",
                "--auth-password",
                "secret",
            ],
        );
        assert_eq!(run.code, Some(0), "{mechanism}: {}", run.describe());
        assert!(
            run.stdout.contains("<-  220 2.0.0 Ready to start TLS"),
            "{}",
            run.describe()
        );
        assert!(
            run.stdout.contains("~> AUTH"),
            "AUTH inside TLS: {}",
            run.describe()
        );
    }
    let run = run_tool(
        "swaks",
        &[
            "--server",
            &tls_listen,
            "--tls-on-connect",
            "--helo",
            "client.example",
            "--from",
            "alice@example.com",
            "--to",
            "bob@example.com",
            "--auth",
            "PLAIN",
            "--auth-user",
            "alice",
            "--auth-password",
            "secret",
            "--timeout",
            "20",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(
        run.stdout.contains("<~  220 "),
        "greeting inside TLS: {}",
        run.describe()
    );
    let log = serve.wait_for_log("-- TLS handshake done: TLSv1_3");
    assert!(
        log.contains("-- TLS: self-signed certificate for mail.example.com"),
        "{log}"
    );
    assert!(log.contains("SHA-256 fingerprint "), "{log}");
    // Implicit TLS offers no STARTTLS (the session is already inside TLS).
    assert!(log.contains("-- implicit TLS (RFC 8314) on "), "{log}");
}

const SMTPLIB_TLS: &str = r#"
import smtplib, ssl, sys
port, tls_port, cafile = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ctx = ssl.create_default_context(cafile=cafile)
s = smtplib.SMTP('localhost', port, timeout=20)
s.ehlo('client.example')
assert s.has_extn('starttls'), s.esmtp_features
s.starttls(context=ctx)
s.ehlo('client.example')
assert not s.has_extn('starttls')
s.login('alice', 'secret')
s.sendmail('alice@example.com', ['bob@example.com'], 'Subject: over TLS\r\n\r\nhello\r\n')
s.quit()
s = smtplib.SMTP_SSL('localhost', tls_port, context=ctx, timeout=20)
s.login('alice', 'secret')
s.sendmail('alice@example.com', ['bob@example.com'], 'Subject: implicit\r\n\r\nhello\r\n')
s.quit()
# A client that trusts nothing but the system's roots refuses the self-signed certificate.
try:
    smtplib.SMTP_SSL('localhost', tls_port, context=ssl.create_default_context(), timeout=20)
    print('UNEXPECTED: verified')
except ssl.SSLCertVerificationError as e:
    print('refused as expected:', e.verify_message)
"#;

/// `serve` with alice:secret, an implicit-TLS port and its certificate written to a scratch
/// directory (removed when dropped).
struct TlsServe {
    serve: Serve,
    tls_port: u16,
    dir: std::path::PathBuf,
    cert: std::path::PathBuf,
}

impl TlsServe {
    fn start(name: &str) -> TlsServe {
        TlsServe::with(name, &["--user", "alice:secret"])
    }

    /// `serve ARGS` with an implicit-TLS port and its certificate written.
    fn with(name: &str, args: &[&str]) -> TlsServe {
        let dir = std::env::temp_dir().join(format!("smtp-trainer-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cert = dir.join("cert.pem");
        let tls_port = free_port();
        let listen = format!("127.0.0.1:{tls_port}");
        let mut all = args.to_vec();
        all.extend([
            "--tls-listen",
            &listen,
            "--write-cert",
            cert.to_str().unwrap(),
        ]);
        let serve = Serve::start(&all);
        TlsServe {
            serve,
            tls_port,
            dir,
            cert,
        }
    }

    fn cert(&self) -> &str {
        self.cert.to_str().unwrap()
    }
}

impl Drop for TlsServe {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Python's smtplib verifies the certificate `--write-cert` saved, with STARTTLS and with
/// SMTP_SSL, and a client without it refuses the self-signed certificate.
#[test]
fn smtplib_verifies_the_written_certificate_with_starttls_and_smtp_ssl() {
    let tls = TlsServe::start("smtplib-tls");
    let serve = &tls.serve;
    let run = run_tool(
        "python3",
        &[
            "-c",
            SMTPLIB_TLS,
            &serve.port.to_string(),
            &tls.tls_port.to_string(),
            tls.cert(),
        ],
    );
    assert_eq!(run.code, Some(0), "{}\n{}", run.describe(), serve.log());
    assert!(
        run.stdout.contains("refused as expected"),
        "{}",
        run.describe()
    );
    let log = serve.wait_for_log("Subject: implicit");
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
}

/// CVE-2011-0411: a command in the same packet as STARTTLS is discarded, not run.
#[test]
fn a_command_injected_after_starttls_is_discarded() {
    let serve = Serve::start(&["--timeout", "2"]);
    let mut stream = TcpStream::connect(serve.server()).unwrap();
    read_until(&mut stream, "220 ");
    stream.write_all(b"EHLO client.example\r\n").unwrap();
    read_until(&mut stream, "250 ");
    stream
        .write_all(b"STARTTLS\r\nMAIL FROM:<attacker@example.net>\r\n")
        .unwrap();
    let text = read_until(&mut stream, "220 2.0.0 Ready to start TLS\r\n");
    assert!(!text.contains("250 2.1.0"), "{text:?}");
    // No handshake follows: the server gives up after the idle timeout.
    let log = serve.wait_for_log("[1] -- closed\n");
    assert!(
        log.contains("34 octets sent after STARTTLS in the same packet were discarded unread"),
        "{log}"
    );
    assert!(!log.contains("C: MAIL FROM:<attacker"), "{log}");
    assert!(log.contains("no TLS handshake within 2 s"), "{log}");
}

/// Garbage instead of a ClientHello on the implicit-TLS port: a logged, clean close, and
/// the server goes on serving.
#[test]
fn garbage_instead_of_a_client_hello_is_a_clean_close() {
    let tls_port = free_port();
    let serve = Serve::start(&["--tls-listen", &format!("127.0.0.1:{tls_port}")]);
    let mut junk = TcpStream::connect(("127.0.0.1", tls_port)).unwrap();
    junk.write_all(b"EHLO this is not TLS\r\n").unwrap();
    let mut rest = Vec::new();
    junk.set_read_timeout(Some(WAIT)).unwrap();
    let _ = junk.read_to_end(&mut rest);
    let log = serve.wait_for_log("[1] -- closed\n");
    assert!(log.contains("[1] -- the TLS handshake failed"), "{log}");
    let mut next = TcpStream::connect(serve.server()).unwrap();
    read_until(&mut next, "220 mail.example.com ESMTP Postfix\r\n");
}

/// curl: STARTTLS required (`--ssl-reqd`) on the ordinary port and `smtps://` on the
/// implicit-TLS one, each verifying the written certificate, with AUTH PLAIN and LOGIN.
#[test]
fn curl_sends_over_starttls_and_smtps_verifying_the_certificate() {
    let tls = TlsServe::start("curl");
    let (serve, tls_port, cert) = (&tls.serve, tls.tls_port, tls.cert());
    let message = tls.dir.join("message.txt");
    std::fs::write(&message, "Subject: via curl\r\n\r\nhello\r\n").unwrap();
    let cases = [
        (format!("smtp://localhost:{}", serve.port), "PLAIN", true),
        (format!("smtps://localhost:{tls_port}"), "LOGIN", false),
    ];
    for (url, mechanism, ssl_reqd) in cases {
        let mut args = vec![
            "--silent".to_string(),
            "--show-error".into(),
            url.clone(),
            "--cacert".into(),
            cert.to_string(),
            "--mail-from".into(),
            "alice@example.com".into(),
            "--mail-rcpt".into(),
            "bob@example.com".into(),
            "--upload-file".into(),
            message.to_string_lossy().into_owned(),
            "--user".into(),
            "alice:secret".into(),
            "--login-options".into(),
            format!("AUTH={mechanism}"),
            "--max-time".into(),
            "20".into(),
        ];
        if ssl_reqd {
            args.push("--ssl-reqd".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run_tool("curl", &args);
        assert_eq!(
            run.code,
            Some(0),
            "{url}: {}\n{}",
            run.describe(),
            serve.log()
        );
        // A wrong password is refused inside TLS too.
        let wrong: Vec<&str> = args
            .iter()
            .map(|a| {
                if *a == "alice:secret" {
                    "alice:wrong"
                } else {
                    a
                }
            })
            .collect();
        let run = run_tool("curl", &wrong);
        assert_ne!(
            run.code,
            Some(0),
            "{url} with a wrong password: {}",
            run.describe()
        );
    }
    let log = serve.wait_for_log("Subject: via curl");
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
    assert_eq!(log.matches("-- TLS handshake done:").count(), 4, "{log}");
}

/// msmtp with `tls on`: STARTTLS (`tls_starttls on`) and implicit TLS (`tls_starttls
/// off`), verifying the written certificate, with PLAIN and CRAM-MD5.
#[test]
fn msmtp_sends_with_tls_starttls_on_and_off() {
    let tls = TlsServe::start("msmtp");
    let (serve, tls_port, cert) = (&tls.serve, tls.tls_port, tls.cert());
    for (port, starttls, auth) in [(serve.port, "on", "plain"), (tls_port, "off", "cram-md5")] {
        let mut child = Command::new("msmtp")
            .args([
                "--host=localhost",
                &format!("--port={port}"),
                "--tls=on",
                &format!("--tls-starttls={starttls}"),
                &format!("--tls-trust-file={cert}"),
                &format!("--auth={auth}"),
                "--user=alice",
                "--passwordeval=echo secret",
                "--from=alice@example.com",
                "bob@example.com",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("msmtp runs (`cargo xtask test` installs Debian's msmtp)");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"Subject: via msmtp\r\n\r\nhello\r\n")
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "msmtp tls_starttls {starttls}: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            serve.log()
        );
    }
    let log = serve.wait_for_log("-- message stored:");
    let log = if log.matches("-- message stored:").count() < 2 {
        serve.wait_for_log("[2] -- message stored:")
    } else {
        log
    };
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
}

/// `--tls-before-auth` now works for real: in clear Postfix does not offer AUTH (its
/// smtpd_tls_auth_only), after STARTTLS the same AUTH is accepted.
#[test]
fn tls_before_auth_refuses_clear_auth_and_accepts_it_inside_tls() {
    let serve = Serve::start(&["--user", "alice:secret", "--tls-before-auth"]);
    let auth = [
        "--auth",
        "PLAIN",
        "--auth-user",
        "alice",
        "--auth-password",
        "secret",
    ];
    let clear = swaks(&serve, &auth);
    assert_ne!(clear.code, Some(0), "{}", clear.describe());
    let mut with_tls = vec!["--tls"];
    with_tls.extend_from_slice(&auth);
    let run = swaks(&serve, &with_tls);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let log = serve.wait_for_log("[2] -- message stored:");
    // Postfix (smtpd_tls_auth_only) does not even list AUTH before TLS, so swaks gives up
    // without sending it; inside TLS the new EHLO lists it.
    let first: Vec<&str> = log.lines().filter(|l| l.starts_with("[1] ")).collect();
    assert!(!first.iter().any(|l| l.contains("S: 250-AUTH")), "{log}");
    assert!(log.contains("[2] S: 250-AUTH "), "{log}");
}

/// A client that asks for TLS renegotiation (openssl s_client's `R`, TLS 1.2): rustls
/// refuses it, nothing of it is taken as a command, the session ends with a logged close,
/// and the server goes on serving.
#[test]
fn a_renegotiation_request_ends_the_session_cleanly() {
    let tls_port = free_port();
    let serve = Serve::start(&["--tls-listen", &format!("127.0.0.1:{tls_port}")]);
    let mut child = Command::new("openssl")
        .args(["s_client", "-connect", &format!("127.0.0.1:{tls_port}")])
        .args(["-tls1_2", "-crlf"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("openssl runs (`cargo xtask test` installs Debian's openssl)");
    let mut stdin = child.stdin.take().unwrap();
    serve.wait_for_log("[1] -- TLS handshake done: TLSv1_2");
    stdin.write_all(b"EHLO client.example\n").unwrap();
    serve.wait_for_log("[1] S: 250 CHUNKING");
    // `R` alone on a line is s_client's request to renegotiate: rustls answers the new
    // ClientHello with a no_renegotiation alert and s_client is left waiting for a
    // ServerHello that never comes; it is stopped, which the server logs as a close.
    stdin.write_all(b"R\n").unwrap();
    thread::sleep(Duration::from_millis(500));
    let _ = child.kill();
    let _ = child.wait();
    drop(stdin);
    let log = serve.wait_for_log("[1] -- closed\n");
    assert!(
        !log.contains("[1] C: R"),
        "R was a renegotiation, not a line: {log}"
    );
    let mut next = TcpStream::connect(serve.server()).unwrap();
    read_until(&mut next, "220 mail.example.com ESMTP Postfix\r\n");
}

const SMTPLIB_UTF8_AND_LONG_LINE: &str = r#"
import smtplib, sys
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=10)
s.ehlo('client.example')
print('noop600', s.docmd('NOOP', 'x' * 600)[0])
print('smtputf8', s.has_extn('smtputf8'))
if s.has_extn('smtputf8'):
    msg = 'From: alice@example.com\r\nTo: 用户@example.com\r\nSubject: utf8\r\n\r\n你好\r\n'.encode('utf-8')
    refused = s.sendmail('alice@example.com', ['用户@example.com'], msg, mail_options=['SMTPUTF8'])
    print('refused', refused)
s.quit()
"#;

#[test]
fn smtplib_against_postfix_and_rfc5321_profiles() {
    // Postfix: a 600-octet command line is read (line_length_limit 2048), and a non-ASCII
    // recipient after MAIL FROM … SMTPUTF8 is accepted (the transaction keeps the flag).
    let serve = Serve::start(&["--profile", "postfix"]);
    let run = python(SMTPLIB_UTF8_AND_LONG_LINE, &serve);
    assert!(run.stdout.contains("noop600 250"), "{}", run.describe());
    assert!(run.stdout.contains("refused {}"), "{}", run.describe());
    let log = serve.wait_for_log("-- message stored:");
    assert!(log.contains("to=用户@example.com"), "{log}");
    // The strict profile refuses the 600-octet line as RFC 5321 §4.5.3.1.4 says.
    let serve = Serve::start(&["--profile", "rfc5321"]);
    let run = python(SMTPLIB_UTF8_AND_LONG_LINE, &serve);
    assert!(run.stdout.contains("noop600 500"), "{}", run.describe());
    assert!(run.stdout.contains("refused {}"), "{}", run.describe());
}

const MESSAGE: &[u8] =
    b"From: alice@example.com\r\nTo: bob@example.com\r\nSubject: real client\r\n\r\nHello.\r\n";

/// `curl smtp://` with `--login-options AUTH=MECH`, to `rcpts`; the message on stdin.
fn curl(serve: &Serve, mechanism: &str, password: &str, rcpts: &[&str]) -> Run {
    let user = format!("alice:{password}");
    curl_send(
        serve,
        "alice@example.com",
        rcpts,
        &["--user", &user],
        mechanism,
    )
}

/// curl sending MESSAGE to `rcpts` from `from`, logging in with `login` (its `--user` and
/// the like) and `AUTH=mechanism`; `login` may start with the TLS options.
fn curl_send(serve: &Serve, from: &str, rcpts: &[&str], login: &[&str], mechanism: &str) -> Run {
    let url = format!("smtp://{}", serve.server());
    let options = format!("AUTH={mechanism}");
    let mut args = vec![
        "--silent",
        "--show-error",
        "--max-time",
        "15",
        &url,
        "--mail-from",
        from,
        "--upload-file",
        "-",
        "--login-options",
        &options,
    ];
    args.extend_from_slice(login);
    for rcpt in rcpts {
        args.extend(["--mail-rcpt", rcpt]);
    }
    run_tool_with_input("curl", &args, Some(MESSAGE))
}

#[test]
fn curl_authenticates_with_each_mechanism_and_sends_to_several_recipients() {
    let serve = Serve::start(&["--user", "alice:secret", "--require-auth"]);
    let mechanisms = ["PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5", "NTLM"];
    for (n, mechanism) in mechanisms.iter().enumerate() {
        let run = curl(
            &serve,
            mechanism,
            "secret",
            &["bob@example.com", "carol@example.com"],
        );
        assert_eq!(run.code, Some(0), "AUTH={mechanism}: {}", run.describe());
        let session = n + 1;
        let log = serve.wait_for_log(&format!("[{session}] -- closed\n"));
        assert!(
            log.contains(&format!("[{session}] C: AUTH {mechanism}")),
            "{log}"
        );
        assert!(log.contains(&format!("[{session}] S: 235 2.7.0")), "{log}");
    }
    let log = serve.log();
    assert_eq!(
        log.matches("to=bob@example.com,carol@example.com (")
            .count(),
        mechanisms.len(),
        "{log}"
    );
    // The wrong password: curl exits 67 (login denied) and nothing is stored.
    let wrong = curl(&serve, "PLAIN", "wrong", &["bob@example.com"]);
    assert_eq!(wrong.code, Some(67), "{}", wrong.describe());
    let wrong = curl(&serve, "CRAM-MD5", "wrong", &["bob@example.com"]);
    assert_eq!(wrong.code, Some(67), "{}", wrong.describe());
    let log = serve.wait_for_log("[7] -- closed\n");
    assert!(log.contains("[6] S: 535 5.7.8"), "{log}");
    assert!(log.contains("[7] S: 535 5.7.8"), "{log}");
    assert_eq!(log.matches("-- message stored:").count(), mechanisms.len());
}

#[test]
fn curl_sends_smtputf8_for_a_utf8_recipient() {
    let serve = Serve::start(&["--user", "alice:secret"]);
    let run = curl(&serve, "PLAIN", "secret", &["用户@example.com"]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let log = serve.wait_for_log("-- message stored:");
    assert!(log.contains("SMTPUTF8"), "{log}");
    assert!(log.contains("[1] C: RCPT TO:<用户@example.com>"), "{log}");
    assert!(log.contains("to=用户@example.com ("), "{log}");
}

/// msmtp with `--auth=METHOD`, no configuration file, no TLS (serve offers none).
fn msmtp(serve: &Serve, method: &str, password: &str) -> Run {
    msmtp_as(serve, "alice", "alice@example.com", method, password)
}

/// msmtp as `user` sending from `from`; the password (or, for oauthbearer and xoauth2, the
/// access token) from --passwordeval.
fn msmtp_as(serve: &Serve, user: &str, from: &str, method: &str, password: &str) -> Run {
    msmtp_over(serve, None, user, from, method, password)
}

/// msmtp in clear text, or with STARTTLS trusting the certificate in `cert`.
fn msmtp_over(
    serve: &Serve,
    cert: Option<&str>,
    user: &str,
    from: &str,
    method: &str,
    password: &str,
) -> Run {
    let port = format!("--port={}", serve.port);
    let auth = format!("--auth={method}");
    let user = format!("--user={user}");
    let from = format!("--from={from}");
    let eval = format!("--passwordeval=echo {password}");
    let trust = cert.map(|c| format!("--tls-trust-file={c}"));
    let mut args = vec![
        "-C",
        "/dev/null",
        "--host=127.0.0.1",
        &port,
        &auth,
        &user,
        &eval,
    ];
    match &trust {
        Some(trust) => args.extend(["--tls=on", "--tls-starttls=on", trust.as_str()]),
        None => args.push("--tls=off"),
    }
    args.extend([&from, "bob@example.com", "carol@example.com"]);
    run_tool_with_input("msmtp", &args, Some(MESSAGE))
}

#[test]
fn msmtp_authenticates_with_each_method_it_has() {
    let serve = Serve::start(&["--user", "alice:secret", "--require-auth"]);
    let methods = [
        ("plain", "PLAIN"),
        ("login", "LOGIN"),
        ("cram-md5", "CRAM-MD5"),
        ("digest-md5", "DIGEST-MD5"),
        ("ntlm", "NTLM"),
        ("scram-sha-1", "SCRAM-SHA-1"),
        ("scram-sha-256", "SCRAM-SHA-256"),
    ];
    for (n, (method, mechanism)) in methods.iter().enumerate() {
        let run = msmtp(&serve, method, "secret");
        assert_eq!(run.code, Some(0), "--auth={method}: {}", run.describe());
        let session = n + 1;
        let log = serve.wait_for_log(&format!("[{session}] -- closed\n"));
        assert!(
            log.contains(&format!("[{session}] C: AUTH {mechanism}")),
            "{log}"
        );
        assert!(log.contains(&format!("[{session}] S: 235 2.7.0")), "{log}");
    }
    assert_eq!(
        serve
            .log()
            .matches("to=bob@example.com,carol@example.com (")
            .count(),
        methods.len()
    );
    // A wrong password, with each method: msmtp exits 77 (EX_NOPERM) and says the server
    // refused; nothing more is stored.
    for (n, (method, mechanism)) in methods.iter().enumerate() {
        let run = msmtp(&serve, method, "wrong");
        assert_eq!(run.code, Some(77), "--auth={method}: {}", run.describe());
        assert!(
            run.stderr.contains("authentication failed"),
            "{}",
            run.describe()
        );
        let session = methods.len() + n + 1;
        let log = serve.wait_for_log(&format!("[{session}] -- closed\n"));
        assert!(
            log.contains(&format!("[{session}] C: AUTH {mechanism}")),
            "{log}"
        );
        assert!(log.contains(&format!("[{session}] S: 535 5.7.8")), "{log}");
    }
    assert_eq!(
        serve.log().matches("-- message stored:").count(),
        methods.len()
    );
}

/// msmtp's OAuth methods (`--auth=oauthbearer`, `--auth=xoauth2`, the token given as the
/// password) against the Gmail profile, which offers both: the right token sends, a wrong
/// one gets the JSON error challenge and Gmail's 535, and msmtp exits 77. (msmtp 1.8.23
/// answers the challenge with an empty line for both; RFC 7628 §3.2.3 asks OAUTHBEARER
/// clients for ^A, as curl sends. The server fails the exchange either way.)
///
/// Gmail takes AUTH only after STARTTLS, so msmtp starts TLS, trusting the certificate
/// `--write-cert` saved.
#[test]
fn msmtp_oauthbearer_and_xoauth2_against_gmail_right_and_wrong_token() {
    let tls = TlsServe::with(
        "msmtp-gmail",
        &[
            "--profile",
            "gmail",
            "--user",
            "alice@gmail.com:abcdefghijklmnop",
            "--token",
            "alice@gmail.com:ya29.right-token",
        ],
    );
    let serve = &tls.serve;
    let methods = [("oauthbearer", "OAUTHBEARER"), ("xoauth2", "XOAUTH2")];
    let mut session = 0;
    for (method, mechanism) in methods {
        for (token, code) in [("ya29.right-token", 0), ("ya29.wrong", 77)] {
            session += 1;
            let run = msmtp_over(
                serve,
                Some(tls.cert()),
                "alice@gmail.com",
                "alice@gmail.com",
                method,
                token,
            );
            assert_eq!(
                run.code,
                Some(code),
                "--auth={method} {token}: {}",
                run.describe()
            );
            let log = serve.wait_for_log(&format!("[{session}] -- closed\n"));
            assert!(
                log.contains(&format!("[{session}] C: AUTH {mechanism}")),
                "{log}"
            );
            if code == 0 {
                assert!(
                    log.contains(&format!("[{session}] S: 235 2.7.0 Accepted")),
                    "{log}"
                );
            } else {
                assert!(
                    log.contains(&format!("[{session}] S: 334 eyJzdGF0dXMiOi")),
                    "{log}"
                );
            }
        }
    }
    assert_eq!(serve.log().matches("-- message stored:").count(), 2);
}

/// `curl --oauth2-bearer TOKEN` with `--login-options AUTH=MECH` (RFC 7628) as `user`, in
/// clear text or with STARTTLS required (`--ssl-reqd`) trusting `cert`.
fn curl_oauth_over(
    serve: &Serve,
    cert: Option<&str>,
    user: &str,
    mechanism: &str,
    token: &str,
) -> Run {
    let mut login = match cert {
        Some(cert) => vec!["--ssl-reqd", "--cacert", cert],
        None => Vec::new(),
    };
    login.extend(["--user", user, "--oauth2-bearer", token]);
    curl_send(serve, user, &["bob@example.com"], &login, mechanism)
}

/// curl's XOAUTH2 against the providers that offer it without OAUTHBEARER (Outlook, QQ
/// Mail): where both are offered, curl 7.88 takes OAUTHBEARER whatever AUTH= says
/// (curl/curl#10259). A wrong token gets the JSON error challenge; curl does not answer it
/// but gives up (exit 67, "Login denied"), and nothing is stored.
#[test]
fn curl_oauth2_bearer_xoauth2_against_outlook_and_qq_right_and_wrong_token() {
    // Microsoft 365 lists AUTH only after STARTTLS: curl asks for it (--ssl-reqd) and
    // trusts the written certificate; QQ Mail takes AUTH in clear text.
    for (profile, user, failure, starttls) in [
        (
            "outlook",
            "alice@outlook.com",
            "535 5.7.3 Authentication unsuccessful",
            true,
        ),
        ("qq", "12345@qq.com", "535 Login Fail.", false),
    ] {
        let account = format!("{user}:app-password");
        let token = format!("{user}:EwB.right-token");
        let tls = TlsServe::with(
            &format!("curl-{profile}"),
            &["--profile", profile, "--user", &account, "--token", &token],
        );
        let serve = &tls.serve;
        let cert = starttls.then(|| tls.cert());
        let run = curl_oauth_over(serve, cert, user, "XOAUTH2", "EwB.right-token");
        assert_eq!(run.code, Some(0), "{profile}: {}", run.describe());
        let log = serve.wait_for_log("[1] -- closed\n");
        assert!(log.contains("[1] C: AUTH XOAUTH2"), "{log}");
        assert!(log.contains("[1] S: 235 "), "{log}");
        assert_eq!(log.contains("[1] C: STARTTLS"), starttls, "{log}");
        assert!(
            log.contains(&format!("from={user}, to=bob@example.com")),
            "{log}"
        );

        let run = curl_oauth_over(serve, cert, user, "XOAUTH2", "EwB.wrong-token");
        assert_eq!(run.code, Some(67), "{profile}: {}", run.describe());
        let log = serve.wait_for_log("[2] -- closed\n");
        // RFC 7628 §3.2.2's form: {"status":"invalid_token","schemes":"Bearer"}.
        assert!(
            log.contains(
                "[2] S: 334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NoZW1lcyI6IkJlYXJlciJ9\n"
            ),
            "{log}"
        );
        assert_eq!(log.matches("-- message stored:").count(), 1, "{log}");
        if starttls {
            // In clear text, Microsoft 365's AUTH gets its 504 5.7.4.
            let mut stream = TcpStream::connect(serve.server()).unwrap();
            stream.set_read_timeout(Some(WAIT)).unwrap();
            read_until(&mut stream, "\r\n");
            stream.write_all(b"EHLO client.example\r\n").unwrap();
            let ehlo = read_until(&mut stream, "250 SMTPUTF8\r\n");
            assert!(!ehlo.contains("AUTH"), "{ehlo}");
            stream.write_all(b"AUTH LOGIN\r\n").unwrap();
            read_until(&mut stream, "504 5.7.4 Unrecognized authentication type [");
            continue;
        }
        // The same wrong token answered by hand (an empty line) gets the provider's 535.
        let mut stream = TcpStream::connect(serve.server()).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        read_until(&mut stream, "\r\n");
        stream.write_all(b"EHLO client.example\r\n").unwrap();
        read_until(&mut stream, "250 8BITMIME\r\n");
        let wrong = base64_encode(format!("user={user}\x01auth=Bearer nope\x01\x01").as_bytes());
        stream
            .write_all(format!("AUTH XOAUTH2 {wrong}\r\n").as_bytes())
            .unwrap();
        read_until(&mut stream, "\r\n");
        stream.write_all(b"\r\n").unwrap();
        read_until(&mut stream, failure);
    }
}

/// curl's OAUTHBEARER (RFC 7628 §3.1, with host and port) against Gmail: the right token
/// sends the message; a wrong one gets the JSON error challenge, curl answers `AQ==` (^A,
/// §3.2.3, as in curl's own test 949) and Gmail's two-line 535 follows.
/// Over STARTTLS (`--ssl-reqd`), which Gmail needs before AUTH.
#[test]
fn curl_oauth2_bearer_oauthbearer_against_gmail_right_and_wrong_token() {
    let tls = TlsServe::with("curl-gmail", &GMAIL_SERVE);
    let serve = &tls.serve;
    let cert = Some(tls.cert());
    let run = curl_oauth_over(
        serve,
        cert,
        "alice@gmail.com",
        "OAUTHBEARER",
        "ya29.right-token",
    );
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let log = serve.wait_for_log("[1] -- closed\n");
    assert!(log.contains("[1] S: 220 smtp.gmail.com ESMTP "), "{log}");
    assert!(log.contains("[1] C: STARTTLS"), "{log}");
    assert!(log.contains("[1] C: AUTH OAUTHBEARER"), "{log}");
    assert!(log.contains("[1] S: 235 2.7.0 Accepted\n"), "{log}");

    let run = curl_oauth_over(serve, cert, "alice@gmail.com", "OAUTHBEARER", "ya29.wrong");
    assert_eq!(run.code, Some(67), "{}", run.describe());
    let log = serve.wait_for_log("[2] -- closed\n");
    // {"status":"invalid_token","scope":"https://mail.google.com/"}
    assert!(
        log.contains("[2] S: 334 eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\n[2] C: AQ==\n"),
        "{log}"
    );
    assert!(
        log.contains("[2] S: 535-5.7.8 Username and Password not accepted. For more information, go to\n[2] S: 535 5.7.8  https://support.google.com/mail/?p=BadCredentials "),
        "{log}"
    );
    assert_eq!(log.matches("-- message stored:").count(), 1, "{log}");
}

/// `serve --profile gmail` with an app password and a token for alice@gmail.com.
const GMAIL_SERVE: [&str; 6] = [
    "--profile",
    "gmail",
    "--user",
    "alice@gmail.com:app-password",
    "--token",
    "alice@gmail.com:ya29.right-token",
];

/// The trainer's own `send --oauth2-token` against `serve --profile gmail`, over STARTTLS
/// as Gmail needs: XOAUTH2 by default, OAUTHBEARER with --auth; a wrong token exits 1 after
/// the 535. In clear text, `send` is told AUTH is not offered before STARTTLS.
#[test]
fn send_with_oauth2_token_against_serve_gmail() {
    let tls = TlsServe::with("send-gmail", &GMAIL_SERVE);
    let serve = &tls.serve;
    let server = serve.server();
    let send = |extra: &[&str], token: &str| {
        let mut args = vec![
            "send",
            "--server",
            &server,
            "--from",
            "alice@gmail.com",
            "--to",
            "bob@example.com",
            "--subject",
            "token",
            "--body",
            "hello",
            "--user",
            "alice@gmail.com",
            "--oauth2-token",
            token,
            "--lang",
            "en",
        ];
        args.extend_from_slice(extra);
        run_tool(BIN, &args)
    };
    let starttls = ["--security", "starttls", "--ca-file", tls.cert()];
    let with_tls = |extra: &[&str], token: &str| {
        let mut args = starttls.to_vec();
        args.extend_from_slice(extra);
        send(&args, token)
    };
    let run = with_tls(&[], "ya29.right-token");
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(run.stdout.contains("AUTH XOAUTH2 "), "{}", run.describe());
    let run = with_tls(&["--auth", "OAUTHBEARER"], "ya29.right-token");
    assert_eq!(run.code, Some(0), "{}", run.describe());
    let run = with_tls(&[], "ya29.wrong");
    assert_eq!(run.code, Some(1), "{}", run.describe());
    assert!(run.stdout.contains("535"), "{}", run.describe());
    let log = serve.wait_for_log("[3] -- closed\n");
    assert!(log.contains("[1] C: STARTTLS"), "{log}");
    assert!(log.contains("[1] C: AUTH XOAUTH2 "), "{log}");
    assert!(log.contains("[2] C: AUTH OAUTHBEARER "), "{log}");
    assert!(log.contains("[3] S: 334 eyJzdGF0dXMiOiI0MDAi"), "{log}");
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
    // In clear text, Gmail's EHLO lists no AUTH: send stops before MAIL and says so.
    let run = send(&[], "ya29.right-token");
    assert_eq!(run.code, Some(1), "{}", run.describe());
    let log = serve.wait_for_log("[4] -- closed\n");
    assert!(!log.contains("[4] C: AUTH"), "{log}");
    assert!(!log.contains("[4] C: MAIL"), "{log}");
    assert_eq!(log.matches("-- message stored:").count(), 2, "{log}");
    // A token that names no account is refused at start.
    let bad = run_tool(
        BIN,
        &["serve", "--listen", "127.0.0.1:0", "--token", "nobody:abc"],
    );
    assert_eq!(bad.code, Some(2), "{}", bad.describe());
    assert!(
        bad.stderr.contains("names no account"),
        "{}",
        bad.describe()
    );
}

/// `serve --profile gmail --no-tls`: without TLS, Gmail's STARTTLS-first rule would leave
/// nothing to do, so AUTH is listed in clear and the server says so at start;
/// `--tls-before-auth` keeps the rule.
#[test]
fn serve_gmail_without_tls_lists_auth_and_says_so() {
    for (extra, auth_listed) in [(&[][..], true), (&["--tls-before-auth"][..], false)] {
        let mut args = vec!["--profile", "gmail", "--no-tls", "--user", "a@gmail.com:pw"];
        args.extend_from_slice(extra);
        let serve = Serve::start(&args);
        let mut stream = TcpStream::connect(serve.server()).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        read_until(&mut stream, "\r\n");
        stream.write_all(b"EHLO client.example\r\n").unwrap();
        let ehlo = read_until(&mut stream, "250 SMTPUTF8\r\n");
        assert_eq!(ehlo.contains("250-AUTH "), auth_listed, "{extra:?}: {ehlo}");
        assert!(!ehlo.contains("STARTTLS"), "{ehlo}");
        // The note comes before the first line on stdout, but its pipe is read apart.
        let said = || serve.stderr.lock().unwrap().clone();
        let deadline = Instant::now() + Duration::from_secs(2);
        while auth_listed && !said().contains("lists AUTH") && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        let stderr = said();
        assert_eq!(
            stderr.contains("the gmail profile lists AUTH"),
            auth_listed,
            "{extra:?}: {stderr}"
        );
    }
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
