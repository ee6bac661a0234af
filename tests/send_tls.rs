//! `smtp-trainer send` with real TLS (rustls): STARTTLS and implicit TLS against `serve`,
//! STARTTLS against Python's aiosmtpd with a certificate made by `openssl`, and each
//! certificate check failing with words that say which check failed — never a fall back to
//! clear text.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const BIN: &str = env!("CARGO_BIN_EXE_smtp-trainer");

/// A child process killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smtp-trainer-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

fn free_port(ip: &str) -> u16 {
    TcpListener::bind((ip, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts a process and waits (bounded) for a stdout line starting with `ready`.
fn start(mut command: Command, ready: &str) -> (Running, String) {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the process starts");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let wanted = ready.to_string();
    thread::spawn(move || {
        let mut sent = false;
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if !sent && line.starts_with(&wanted) {
                let _ = tx.send(line);
                sent = true;
            }
        }
    });
    let line = rx
        .recv_timeout(WAIT)
        .unwrap_or_else(|_| panic!("no {ready:?} line within {WAIT:?}"));
    (Running(child), line)
}

/// `serve` on `ip` with a second, implicit-TLS port; its certificate written to `cert`.
fn serve(ip: &str, cert: &Path, extra: &[&str]) -> (Running, u16, u16) {
    let port = free_port(ip);
    let tls_port = free_port(ip);
    let mut command = Command::new(BIN);
    command
        .args(["serve", "--user", "alice:secret"])
        .args(["--listen", &format!("{ip}:{port}")])
        .args(["--tls-listen", &format!("{ip}:{tls_port}")])
        .args(["--write-cert", cert.to_str().expect("a UTF-8 path")])
        .args(extra);
    let (child, _) = start(command, "listening on");
    (child, port, tls_port)
}

fn send(server: &str, extra: &[&str]) -> Output {
    Command::new(BIN)
        .args(["send", "--server", server, "--from", "alice@example.com"])
        .args([
            "--to",
            "bob@example.com",
            "--subject",
            "over TLS",
            "--body",
            "hello",
        ])
        .args(["--auth", "PLAIN", "--user", "alice", "--password", "secret"])
        .args(["--lang", "en", "--timeout", "20"])
        .args(extra)
        .output()
        .expect("send runs")
}

fn text(out: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn send_delivers_over_starttls_and_implicit_tls_to_serve_with_the_certificate_verified() {
    let dir = scratch("send-tls");
    let cert = dir.join("cert.pem");
    let (_serve, port, tls_port) = serve("127.0.0.1", &cert, &[]);
    let ca = cert.to_str().unwrap();
    let out = send(
        &format!("localhost:{port}"),
        &["--security", "starttls", "--ca-file", ca],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("220 2.0.0 Ready to start TLS"), "{said}");
    assert!(said.contains("TLS: TLSv1_3"), "{said}");
    // The handshake is rustls', not the page's simulated one.
    assert!(said.contains("-- TLS handshake (rustls)"), "{said}");
    assert!(!said.contains("simulated"), "{said}");
    assert!(
        said.contains("verified against Mozilla's roots and --ca-file"),
        "{said}"
    );

    // DokuWiki's "SSL" is implicit TLS (465).
    let out = send(
        &format!("localhost:{tls_port}"),
        &["--security", "ssl", "--ca-file", ca],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("TLS from the first byte"), "{said}");
    assert!(!said.contains("simulated"), "{said}");

    // Without the certificate: the self-signed issuer is unknown; nothing goes in clear.
    let out = send(&format!("localhost:{port}"), &["--security", "starttls"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("issued by no authority this client trusts"),
        "{said}"
    );
    assert!(
        !said.contains("C: AUTH"),
        "no AUTH after a failed handshake: {said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn send_names_a_certificate_for_another_name_and_a_server_without_starttls() {
    let dir = scratch("send-tls-name");
    let cert = dir.join("cert.pem");
    // The certificate lists mail.example.com, localhost, 127.0.0.1 and ::1 — not 127.0.0.2.
    let (_serve, _, tls_port) = serve("127.0.0.2", &cert, &[]);
    let out = send(
        &format!("127.0.0.2:{tls_port}"),
        &["--security", "tls", "--ca-file", cert.to_str().unwrap()],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("not for 127.0.0.2 (wrong name)"), "{said}");

    let port = free_port("127.0.0.1");
    let mut command = Command::new(BIN);
    command.args([
        "serve",
        "--no-tls",
        "--listen",
        &format!("127.0.0.1:{port}"),
    ]);
    let (_plain, _) = start(command, "listening on");
    let out = send(&format!("127.0.0.1:{port}"), &["--security", "starttls"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("STARTTLS was required"), "{said}");
    assert!(!said.contains("C: AUTH"), "{said}");
    // TLS from the first byte to a port that speaks plain text: its 220 is no TLS record.
    let out = send(&format!("127.0.0.1:{port}"), &["--security", "tls"]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("answered in plain text, not with TLS"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn send_to_some_recipients_only_says_so() {
    let port = free_port("127.0.0.1");
    let mut command = Command::new(BIN);
    command.args([
        "serve",
        "--no-tls",
        "--listen",
        &format!("127.0.0.1:{port}"),
    ]);
    command.args(["--known-mailboxes-only", "--mailbox", "bob@example.com"]);
    let (_serve, _) = start(command, "listening on");
    let out = Command::new(BIN)
        .args(["send", "--server", &format!("127.0.0.1:{port}")])
        .args(["--from", "alice@example.com", "--to", "bob@example.com"])
        .args(["--to", "nobody@example.com", "--body", "hi", "--lang", "en"])
        .output()
        .expect("send runs");
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("Message was sent to 1 of 2 recipients"),
        "{said}"
    );
    assert!(!said.contains("Message was sent."), "{said}");
}

#[test]
fn send_refuses_a_device_as_attachment_and_names_a_host_that_does_not_resolve() {
    // /dev/zero says it holds 0 octets and never ends.
    let out = Command::new(BIN)
        .args(["send", "--server", "127.0.0.1:9", "--from", "a@example.com"])
        .args([
            "--to",
            "b@example.com",
            "--attach",
            "/dev/zero",
            "--lang",
            "en",
        ])
        .output()
        .expect("send runs");
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("/dev/zero is not a regular file"), "{said}");
    // A name that does not resolve is no usage error: the mail was not sent.
    let out = send("no-such-host.invalid:25", &[]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("cannot find the address of no-such-host.invalid"),
        "{said}"
    );
    let out = send("no-port-here", &[]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(text(&out).contains("is not HOST:PORT"));
}

/// aiosmtpd requiring STARTTLS, with a certificate `openssl` makes for localhost.
const AIOSMTPD_TLS: &str = r#"
import socket, ssl, sys, threading
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
cert, key = sys.argv[1], sys.argv[2]
sock = socket.socket(); sock.bind(("127.0.0.1", 0)); port = sock.getsockname()[1]; sock.close()
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
ctx.load_cert_chain(cert, key)
def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"alice" and auth_data.password == b"secret"
    return AuthResult(success=ok)
class Handler:
    def __init__(self): self.done = threading.Event(); self.tls = None
    async def handle_DATA(self, server, session, envelope):
        self.tls = session.ssl is not None
        self.done.set()
        return "250 2.0.0 OK stored"
handler = Handler()
controller = Controller(handler, hostname="127.0.0.1", port=port, tls_context=ctx,
                        require_starttls=True, authenticator=authenticator)
controller.start()
print("PORT", port, flush=True)
handler.done.wait(30)
controller.stop()
print("RECEIVED over TLS" if handler.tls else "RECEIVED in clear", flush=True)
"#;

/// A self-signed P-256 certificate for localhost and its key, written into `dir`; with
/// `end_entity`, marked CA:FALSE (else as `openssl req -x509` makes it, a CA's).
fn self_signed(dir: &Path, name: &str, end_entity: bool) -> (PathBuf, PathBuf) {
    let (cert, key) = (
        dir.join(format!("{name}-cert.pem")),
        dir.join(format!("{name}-key.pem")),
    );
    let mut command = Command::new("openssl");
    command
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-nodes", "-days", "1", "-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=DNS:localhost"]);
    if end_entity {
        command.args(["-addext", "basicConstraints=critical,CA:FALSE"]);
    }
    let made = command
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl runs (Debian's openssl package)");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    (cert, key)
}

#[test]
fn send_delivers_to_aiosmtpd_over_its_own_starttls() {
    let dir = scratch("send-aiosmtpd-tls");
    // An end-entity certificate: openssl marks a bare -x509 one as a CA, which webpki
    // (rightly) refuses to see serving a connection.
    let (cert, key) = self_signed(&dir, "end", true);
    // First a certificate as `openssl req -x509` makes it by default, a CA's: rustls
    // refuses it as a server's own, and says so and how to make one it takes.
    let (ca_cert, ca_key) = self_signed(&dir, "ca", false);
    let mut command = Command::new("python3");
    command
        .args(["-c", AIOSMTPD_TLS])
        .arg(&ca_cert)
        .arg(&ca_key);
    let (ca_server, line) = start(command, "PORT ");
    let port = line.trim_start_matches("PORT ").trim().to_string();
    let out = send(
        &format!("localhost:{port}"),
        &[
            "--security",
            "starttls",
            "--ca-file",
            ca_cert.to_str().unwrap(),
        ],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("is a CA certificate (basicConstraints CA:TRUE)"),
        "{said}"
    );
    assert!(
        said.contains("basicConstraints=critical,CA:FALSE"),
        "{said}"
    );
    drop(ca_server);

    let mut command = Command::new("python3");
    command.args(["-c", AIOSMTPD_TLS]).arg(&cert).arg(&key);
    let (mut server, line) = start(command, "PORT ");
    let port = line.trim_start_matches("PORT ").trim().to_string();
    let out = send(
        &format!("localhost:{port}"),
        &[
            "--security",
            "starttls",
            "--ca-file",
            cert.to_str().unwrap(),
        ],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("TLS: TLSv1_3"), "{said}");
    let _ = server.0.wait();
    let _ = std::fs::remove_dir_all(&dir);
}
