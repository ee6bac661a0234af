//! `smtp-trainer send` against a server nobody here wrote: Python's `aiosmtpd` (PyPI) on
//! 127.0.0.1, with AUTH PLAIN and LOGIN. The Python side parses what it received with the
//! `email` package and prints a JSON summary: the envelope, the headers, the attachments'
//! digests — so the test checks that the Bcc address is in the envelope and in no header,
//! and that the attachments arrive byte for byte.
//!
//! aiosmtpd missing fails the tests (never skips): `cargo xtask test` installs it.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use serde_json::Value;

/// The bound of every wait in these tests.
const WAIT: Duration = Duration::from_secs(30);
const BIN: &str = env!("CARGO_BIN_EXE_smtp-trainer");
const INSTALL_HINT: &str = "aiosmtpd (PyPI) is missing: `cargo xtask test` installs it \
    (python3 -m pip install aiosmtpd, or --user when not root)";

/// An aiosmtpd server that accepts one message, authenticating alice/secret, then prints
/// `PORT n` first and a JSON summary of what it received last.
const SERVER: &str = r#"
import email, email.policy, hashlib, json, socket, sys, threading
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

sock = socket.socket()
sock.bind(("127.0.0.1", 0))
port = sock.getsockname()[1]
sock.close()

mechanisms = []

def authenticator(server, session, envelope, mechanism, auth_data):
    mechanisms.append(mechanism)
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login == b"alice" and auth_data.password == b"secret")
    return AuthResult(success=ok)

class Handler:
    def __init__(self):
        self.received = []
        self.done = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                              envelope.content, list(envelope.mail_options)))
        self.done.set()
        return "250 2.0.0 OK stored"

handler = Handler()
controller = Controller(handler, hostname="127.0.0.1", port=port,
                        authenticator=authenticator, auth_require_tls=False)
controller.start()
print("PORT", port, flush=True)
got = handler.done.wait(int(sys.argv[1]))
controller.stop()
if not got:
    print(json.dumps({"error": "no message within the time limit", "mechanisms": mechanisms}))
    sys.exit(0)
mail_from, rcpt_tos, content, options = handler.received[0]
msg = email.message_from_bytes(content, policy=email.policy.default)
attachments = []
for part in msg.iter_attachments():
    data = part.get_payload(decode=True) or b""
    attachments.append({"filename": part.get_filename(), "type": part.get_content_type(),
                        "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
body = msg.get_body(("plain",))
print(json.dumps({
    "mail_from": mail_from, "rcpt_tos": rcpt_tos, "mail_options": options,
    "mechanisms": mechanisms,
    "headers": list(msg.keys()),
    "subject": str(msg["Subject"]), "from": str(msg["From"]), "to": str(msg["To"]),
    "cc": str(msg["Cc"]) if msg["Cc"] else None,
    "body": body.get_content() if body is not None else None,
    "attachments": attachments,
    "bcc_in_bytes": b"hidden@example.org" in content,
}, ensure_ascii=False))
"#;

/// A running aiosmtpd script, killed when dropped.
struct Aiosmtpd {
    child: Child,
    port: u16,
    lines: mpsc::Receiver<String>,
}

impl Drop for Aiosmtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn require_aiosmtpd() {
    let ok = Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "{INSTALL_HINT}");
}

impl Aiosmtpd {
    fn start() -> Aiosmtpd {
        require_aiosmtpd();
        let mut child = Command::new("python3")
            .args(["-c", SERVER, &WAIT.as_secs().to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start python3");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let (tx, lines) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Drain stderr so the script never blocks on a full pipe.
        thread::spawn(move || {
            let mut sink = String::new();
            let _ = stderr.read_to_string(&mut sink);
        });
        let first = lines
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("aiosmtpd printed no port within {WAIT:?}; {INSTALL_HINT}"));
        let port = first
            .strip_prefix("PORT ")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        Aiosmtpd { child, port, lines }
    }

    /// The JSON summary of the received message.
    fn summary(&self) -> Value {
        let line = self
            .lines
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("aiosmtpd printed no summary within {WAIT:?}"));
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
    }
}

/// Two files to attach: every octet value, and a Chinese-named text file.
fn attachments() -> (PathBuf, Vec<(PathBuf, Vec<u8>)>) {
    let dir = std::env::temp_dir().join(format!(
        "smtp-trainer-send-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let binary: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let text = "附件内容：第一行\r\n.以点开头的一行\r\n"
        .as_bytes()
        .to_vec();
    let files = vec![(dir.join("data.bin"), binary), (dir.join("说明.txt"), text)];
    for (path, data) in &files {
        std::fs::write(path, data).unwrap();
    }
    (dir, files)
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn send_with(mechanism: &str) {
    let server = Aiosmtpd::start();
    let (dir, files) = attachments();
    let address = format!("127.0.0.1:{}", server.port);
    let mut args = vec![
        "send",
        "--server",
        &address,
        "--from",
        "Alice <alice@example.com>",
        "--to",
        "孙勇峰 <bob@example.com>",
        "--cc",
        "carol@example.com",
        "--bcc",
        "hidden@example.org",
        "--subject",
        "测试：附件与密送",
        "--body",
        "你好，\n这是正文。\n",
        "--auth",
        mechanism,
        "--user",
        "alice",
        "--password",
        "secret",
        "--lang",
        "en",
    ];
    let paths: Vec<String> = files
        .iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    for path in &paths {
        args.extend(["--attach", path.as_str()]);
    }
    let output = Command::new(BIN)
        .args(&args)
        .output()
        .expect("run smtp-trainer send");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "send failed ({:?}):\n{stdout}\n{stderr}",
        output.status
    );
    assert!(stdout.contains(&format!("C: AUTH {mechanism}")), "{stdout}");
    assert!(stdout.contains("S: 235"), "{stdout}");
    // Each reply is explained from the reference.
    assert!(stdout.contains("   = 235 "), "{stdout}");
    assert!(stdout.contains("Message was sent."), "{stdout}");

    let summary = server.summary();
    assert_eq!(summary.get("error"), None, "{summary}");
    assert_eq!(summary["mechanisms"], serde_json::json!([mechanism]));
    assert_eq!(summary["mail_from"], "alice@example.com");
    assert_eq!(
        summary["rcpt_tos"],
        serde_json::json!(["bob@example.com", "carol@example.com", "hidden@example.org"])
    );
    let headers: Vec<String> = summary["headers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h.as_str().unwrap().to_ascii_lowercase())
        .collect();
    assert!(!headers.contains(&"bcc".to_string()), "{headers:?}");
    assert_eq!(summary["bcc_in_bytes"], false);
    assert_eq!(summary["subject"], "测试：附件与密送");
    assert_eq!(summary["to"], "孙勇峰 <bob@example.com>");
    assert_eq!(
        summary["body"].as_str().unwrap().replace("\r\n", "\n"),
        "你好，\n这是正文。\n"
    );
    let received = summary["attachments"].as_array().unwrap();
    assert_eq!(received.len(), 2, "{summary}");
    for ((path, data), got) in files.iter().zip(received) {
        let name = path.file_name().unwrap().to_string_lossy();
        assert_eq!(got["filename"], name.as_ref());
        assert_eq!(got["size"], data.len());
        assert_eq!(got["sha256"], sha256_hex(data), "{name} differs");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn send_with_auth_plain_to_aiosmtpd() {
    send_with("PLAIN");
}

#[test]
fn send_with_auth_login_to_aiosmtpd() {
    send_with("LOGIN");
}

/// After STARTTLS's `220` `send` speaks TLS (a ClientHello), never clear text; when the
/// handshake fails (the stand-in server hangs up) it stops and says so.
#[test]
fn after_starttls_send_speaks_tls_and_nothing_in_clear() {
    use std::io::Write;
    use std::net::TcpListener;

    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        stream.write_all(b"220 tls.example ESMTP\r\n").unwrap();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("EHLO "), "{line:?}");
        stream
            .write_all(b"250-tls.example\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n")
            .unwrap();
        line.clear();
        reader.read_line(&mut line).unwrap();
        assert_eq!(line, "STARTTLS\r\n");
        stream
            .write_all(b"220 2.0.0 Ready to start TLS\r\n")
            .unwrap();
        // A real client now sends a TLS ClientHello; read its first record, then hang up.
        let mut after = vec![0u8; 5];
        let _ = std::io::Read::read_exact(&mut reader, &mut after);
        drop(reader);
        let _ = stream.shutdown(std::net::Shutdown::Both);
        after
    });
    let output = Command::new(BIN)
        .args([
            "send",
            "--server",
            &format!("127.0.0.1:{port}"),
            "--from",
            "alice@example.com",
            "--to",
            "bob@example.com",
            "--subject",
            "s",
            "--body",
            "b",
            "--starttls",
            "--auth",
            "PLAIN",
            "--user",
            "alice",
            "--password",
            "secret",
            "--lang",
            "en",
        ])
        .output()
        .expect("run smtp-trainer send");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("TLS handshake with 127.0.0.1 failed"),
        "{stdout}"
    );
    assert!(!stdout.contains("C: AUTH"), "{stdout}");
    let after = server.join().unwrap();
    // A TLS record: content type 22 (handshake), version 3.x.
    assert_eq!(after.first(), Some(&0x16), "sent after 220: {after:?}");
    assert_eq!(after.get(1), Some(&0x03), "sent after 220: {after:?}");
}
