//! `smtp-trainer send`: compose a message and send it over real TCP with the engine's client
//! session, printing the dialog with every reply explained.
//!
//! ```text
//!  args ─▶ mime::Message ─compose─▶ bytes + envelope
//!                                        │
//!  TcpStream ◀─ Action::Send ── smtp::client::Client ◀── read() ── TcpStream
//!                                        │
//!                             Outcome ─▶ C:/S: dialog, each reply explained (smtp::explain)
//! ```
//!
//! The engine decides every byte; this module moves bytes, reads the clock and the files,
//! and prints. TLS is real ([`super::send_tls`], rustls): when the engine's client asks for
//! STARTTLS's handshake (or `--security tls` wants it first), this module runs it and
//! verifies the certificate; a failure stops the session with what failed.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::Serialize;

use super::send_tls::{TlsSettings, Wire};
use super::LangArg;
use crate::i18n::{Lang, Tr};
use crate::mime::{Attachment, Charset, Mailbox, Message, TransferEncoding, MAX_CONTENT};
use crate::sasl::trace::visible;
use crate::smtp::client::{
    Action, Client, ClientNote, ClientSettings, Entry, Nonces, Outcome, RecipientStatus, Security,
};
use crate::smtp::explain::explain;

const AFTER_HELP: &str = "\
The message is composed by the engine (RFC 5322 headers, RFC 2047 encoded words, MIME
parts, RFC 2231 file names; Bcc only in the envelope) and sent with the engine's client
session: EHLO (HELO if refused), STARTTLS when asked, AUTH, MAIL FROM with SIZE and
BODY=8BITMIME when offered, one RCPT TO per To/Cc/Bcc, DATA dot-stuffed (pipelined when the
server offers PIPELINING), QUIT. Every reply is printed with what its code means.

TLS is real: --security starttls (587) upgrades after EHLO and refuses to go on if the
server does not offer STARTTLS; --security tls (465) starts with the handshake. The
certificate is verified against Mozilla's roots for the name in --server; --ca-file adds
a certificate to trust (`smtp-trainer serve --write-cert` saves the trainer's), --insecure
accepts any. A failed check stops the session and says which check failed.

Exit status: 0 when the server accepted the message for every recipient, 1 when it did not
(or refused some recipients), 2 for bad arguments or an unreadable attachment.

Examples:
  smtp-trainer serve --user alice:secret &
  smtp-trainer send --server 127.0.0.1:2525 --from alice@example.com --to bob@example.com \\
      --subject 测试 --body 你好 --attach report.pdf --auth PLAIN --user alice --password secret
  smtp-trainer send --server 127.0.0.1:2525 --from alice@example.com --to bob@example.com \\
      --bcc carol@example.com --subject hi --body hello --show-wire --lang zh
  smtp-trainer send --server localhost:2525 --security starttls --ca-file cert.pem \\
      --from alice@example.com --to bob@example.com --auth PLAIN --user alice --password secret
  smtp-trainer serve --profile gmail --user alice@gmail.com:app-password \
      --token alice@gmail.com:ya29.a0-token &
  smtp-trainer send --server 127.0.0.1:2525 --from alice@gmail.com --to bob@example.com \
      --user alice@gmail.com --oauth2-token ya29.a0-token";

/// Arguments of `send`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// The server, HOST:PORT (e.g. 127.0.0.1:2525, localhost:25).
    #[arg(long, value_name = "HOST:PORT")]
    server: String,
    /// From: `alice@example.com` or `Alice <alice@example.com>`; also MAIL FROM unless
    /// --sender.
    #[arg(long)]
    from: String,
    /// A To recipient (repeatable), with or without a display name.
    #[arg(long = "to", value_name = "ADDRESS")]
    to: Vec<String>,
    /// A Cc recipient (repeatable).
    #[arg(long = "cc", value_name = "ADDRESS")]
    cc: Vec<String>,
    /// A Bcc recipient (repeatable): in the envelope only, never in the headers.
    #[arg(long = "bcc", value_name = "ADDRESS")]
    bcc: Vec<String>,
    /// The subject (any text; non-ASCII becomes RFC 2047 encoded words).
    #[arg(long, default_value = "")]
    subject: String,
    /// The plain-text body; `\n` in it is a line break too.
    #[arg(long, default_value = "")]
    body: String,
    /// An HTML alternative of the body.
    #[arg(long)]
    html: Option<String>,
    /// A file to attach (repeatable); its Content-Type is guessed from the name.
    #[arg(long = "attach", value_name = "FILE")]
    attach: Vec<PathBuf>,
    /// The body's charset: utf-8, gb18030, gbk or gb2312.
    #[arg(long, default_value = "utf-8", value_parser = parse_charset)]
    charset: Charset,
    /// The body's transfer encoding (7bit, 8bit, quoted-printable, base64); default: chosen
    /// and explained.
    #[arg(long, value_name = "ENCODING", value_parser = parse_encoding)]
    transfer_encoding: Option<TransferEncoding>,
    /// The SASL mechanism (PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256,
    /// NTLM, and with --oauth2-token XOAUTH2 or OAUTHBEARER); with --user alone, the best
    /// the server offers.
    #[arg(long, value_name = "MECH")]
    auth: Option<String>,
    /// The user name for AUTH.
    #[arg(long)]
    user: Option<String>,
    /// The password for AUTH.
    #[arg(long)]
    password: Option<String>,
    /// An OAuth 2.0 access token instead of the password: AUTH XOAUTH2 (or OAUTHBEARER with
    /// --auth OAUTHBEARER, RFC 7628), as Gmail, Outlook and QQ Mail take it.
    #[arg(long, value_name = "TOKEN", conflicts_with = "password")]
    oauth2_token: Option<String>,
    /// none (clear text), starttls (RFC 3207, as on 587; DokuWiki's "TLS") or tls (RFC 8314
    /// implicit TLS, as on 465; DokuWiki's "SSL", also accepted as `ssl`).
    #[arg(long, value_name = "MODE", default_value = "none", value_parser = parse_security)]
    security: Security,
    /// The same as --security starttls.
    #[arg(long, conflicts_with = "security")]
    starttls: bool,
    /// Also trust the certificates in this PEM file (e.g. the one `serve --write-cert` saved).
    #[arg(long, value_name = "FILE")]
    ca_file: Option<PathBuf>,
    /// Accept any certificate (for a trainer's self-signed one; never for a real server).
    #[arg(long, conflicts_with = "ca_file")]
    insecure: bool,
    /// The envelope sender (MAIL FROM) when it differs from From (seed 000's mailfrom).
    #[arg(long, value_name = "ADDRESS")]
    sender: Option<String>,
    /// The name in EHLO (default: the local address as a literal, e.g. [127.0.0.1]).
    #[arg(long, value_name = "NAME")]
    helo: Option<String>,
    /// Send one command at a time even if the server offers PIPELINING.
    #[arg(long)]
    no_pipelining: bool,
    /// Send the message with BDAT when the server offers CHUNKING.
    #[arg(long)]
    chunking: bool,
    /// Show the exact message bytes, CRLF as ␍␊.
    #[arg(long)]
    show_wire: bool,
    /// Print the DokuWiki-style log (Set:/Connecting to/Got:/Sent:) after the dialog.
    #[arg(long)]
    log: bool,
    /// Seconds to wait for the connection and for each reply.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

const EXIT_NOT_SENT: u8 = 1;
/// The most octets read from the server in one session (replies are small).
const MAX_READ_TOTAL: usize = 1024 * 1024;
/// The size of one read.
const READ_BUFFER: usize = 16 * 1024;

fn parse_security(text: &str) -> Result<Security, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "none" | "plain" => Ok(Security::None),
        "starttls" => Ok(Security::StartTls),
        "tls" | "ssl" | "implicit" => Ok(Security::ImplicitTls),
        _ => Err(format!("{text:?}: use none, starttls or tls")),
    }
}

fn parse_charset(text: &str) -> Result<Charset, String> {
    Charset::from_label(text).ok_or_else(|| format!("{text:?}: use utf-8, gb18030, gbk or gb2312"))
}

fn parse_encoding(text: &str) -> Result<TransferEncoding, String> {
    TransferEncoding::from_token(text)
        .ok_or_else(|| format!("{text:?}: use 7bit, 8bit, quoted-printable or base64"))
}

const NO_RECIPIENT: Tr = Tr::new(
    "give at least one --to, --cc or --bcc",
    "至少需要一个 --to、--cc 或 --bcc",
);
const TOKEN_MECHANISM: Tr = Tr::new(
    "--oauth2-token goes with --auth XOAUTH2 or OAUTHBEARER",
    "--oauth2-token 只能与 --auth XOAUTH2 或 OAUTHBEARER 一起使用",
);
const AUTH_NEEDS_CREDENTIALS: Tr = Tr::new(
    "--auth needs --user and --password (or --oauth2-token)",
    "--auth 需要 --user 和 --password（或 --oauth2-token）",
);
const USER_WITH_PASSWORD: Tr = Tr::new(
    "--user and --password (or --oauth2-token) go together",
    "--user 和 --password（或 --oauth2-token）必须同时给出",
);
const NOT_HOST_PORT: Tr = Tr::new(
    "{server} is not HOST:PORT (e.g. 127.0.0.1:2525)",
    "{server} 不是 HOST:PORT 形式（例如 127.0.0.1:2525）",
);
const CANNOT_RESOLVE: Tr = Tr::new(
    "cannot find the address of {host} ({err}): check the server name's spelling and the network",
    "找不到 {host} 的地址（{err}）：请检查服务器名的拼写和网络",
);
const CANNOT_CONNECT: Tr = Tr::new(
    "cannot connect to {address}: {err}",
    "无法连接 {address}：{err}",
);
const TLS_LINE: Tr = Tr::new(
    "TLS: {said}; certificate {check}",
    "TLS：{said}；证书{check}",
);
const ATTACHMENTS_TOO_BIG: Tr = Tr::new(
    "the attachments are over {max} octets with {path}",
    "加上 {path} 后，附件总计超过 {max} 字节",
);
const NOT_A_FILE: Tr = Tr::new(
    "{path} is not a regular file: attach a file (a device or a pipe has no size to check)",
    "{path} 不是普通文件：请附加文件（设备或管道没有可检查的大小）",
);
const DATA_ENTRY: Tr = Tr::new(
    "C: [the message: {octets} octets, {lines} lines]",
    "C: [邮件内容：{octets} 字节，{lines} 行]",
);
const TLS_HANDSHAKE: Tr = Tr::new("-- TLS handshake (rustls)", "-- TLS 握手（rustls）");
// The client's notes as the page's simulated session words them say its TLS is simulated;
// here it is real.
const TLS_UP: Tr = Tr::new(
    "TLS is up. Both sides forget what they learned before it (RFC 3207 §4.2), so the client says EHLO again and reads the extensions anew.",
    "TLS 已建立。双方都忘掉之前得知的一切（RFC 3207 §4.2），因此客户端重新发送 EHLO，重新读取扩展列表。",
);
const TLS_FROM_THE_START: Tr = Tr::new(
    "TLS from the first byte: the greeting and everything after it are encrypted (RFC 8314 §3).",
    "从第一个字节起就是 TLS：问候语及之后的一切都已加密（RFC 8314 §3）。",
);
const SENT: Tr = Tr::new("Message was sent.", "邮件已发送。");
const SENT_TO_SOME: Tr = Tr::new(
    "Message was sent to {delivered} of {all} recipients; the others are listed above with the server's reply.",
    "邮件只发给了 {all} 个收件人中的 {delivered} 个；其余收件人及服务器的回复见上方列表。",
);
const NOT_SENT: Tr = Tr::new("Message wasn't sent.", "邮件没有发送。");
const AUTH_IN_DIALOG: Tr = Tr::new(
    "The dialog above holds the AUTH exchange: base64 is no encryption, so do not post it online.",
    "上面的对话包含 AUTH 交换：base64 不是加密，请勿公开张贴。",
);
const WOULD_HAVE_SENT: Tr = Tr::new("The message that would have been sent:", "本应发送的邮件：");

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    if args.to.is_empty() && args.cc.is_empty() && args.bcc.is_empty() {
        return super::usage_error(out, args.json, NO_RECIPIENT.get(lang));
    }
    // The token takes the password's place; the mechanism is an OAuth one.
    let secret = args.password.clone().or_else(|| args.oauth2_token.clone());
    let mechanism = match (&args.auth, &args.oauth2_token) {
        (Some(m), Some(_))
            if !["XOAUTH2", "OAUTHBEARER"].contains(&m.trim().to_ascii_uppercase().as_str()) =>
        {
            return super::usage_error(out, args.json, TOKEN_MECHANISM.get(lang));
        }
        (Some(m), _) => Some(m.trim().to_ascii_uppercase()),
        (None, Some(_)) => Some("XOAUTH2".to_string()),
        (None, None) => None,
    };
    if args.auth.is_some() && (args.user.is_none() || secret.is_none()) {
        return super::usage_error(out, args.json, AUTH_NEEDS_CREDENTIALS.get(lang));
    }
    if args.user.is_some() != secret.is_some() {
        return super::usage_error(out, args.json, USER_WITH_PASSWORD.get(lang));
    }
    let (host, address) = match resolve(&args.server) {
        Ok(resolved) => resolved,
        Err(None) => {
            return super::usage_error(
                out,
                args.json,
                &NOT_HOST_PORT.fill(lang, &[("server", &format!("{:?}", args.server))]),
            );
        }
        Err(Some((host, err))) => {
            eprintln!(
                "smtp-trainer: {}",
                CANNOT_RESOLVE.fill(lang, &[("host", &host), ("err", &err)])
            );
            return Ok(ExitCode::from(EXIT_NOT_SENT));
        }
    };

    // The message.
    let (message, stamp) = match build_message(args, lang) {
        Ok(built) => built,
        Err(message) => return super::usage_error(out, args.json, &message),
    };
    let composed = match message.compose() {
        Ok(composed) => composed,
        Err(err) => {
            return super::usage_error(out, args.json, &err.describe(lang));
        }
    };

    // The connection.
    let timeout = Duration::from_secs(args.timeout);
    let stream = match TcpStream::connect_timeout(&address, timeout) {
        Ok(stream) => stream,
        Err(err) => {
            eprintln!(
                "smtp-trainer: {}",
                CANNOT_CONNECT.fill(lang, &[("address", &address), ("err", &err)])
            );
            return Ok(ExitCode::from(EXIT_NOT_SENT));
        }
    };
    stream.set_read_timeout(Some(timeout))?;
    stream.set_write_timeout(Some(timeout))?;
    let helo = args
        .helo
        .clone()
        .unwrap_or_else(|| match stream.local_addr() {
            Ok(SocketAddr::V4(a)) => format!("[{}]", a.ip()),
            Ok(SocketAddr::V6(a)) => format!("[IPv6:{}]", a.ip()),
            Err(_) => "localhost".into(),
        });

    let security = if args.starttls {
        Security::StartTls
    } else {
        args.security
    };
    let tls = match security {
        Security::None => None,
        _ => match TlsSettings::new(&host, args.ca_file.as_deref(), args.insecure) {
            Ok(tls) => Some(tls),
            Err(why) => return super::usage_error(out, args.json, why.get(lang)),
        },
    };
    let mut settings = ClientSettings::new(&host, address.port());
    settings.security = security;
    settings.user = args.user.clone();
    settings.password = secret;
    settings.mechanism = mechanism;
    settings.sender = args.sender.clone();
    settings.helo = helo;
    settings.pipelining = !args.no_pipelining;
    settings.chunking = args.chunking;
    settings.nonces = nonces(stamp);
    let mut client = Client::new(settings, composed.envelope.clone(), composed.bytes.clone());
    let mut wire = Wire::Plain(stream);
    let mut tls_said = None;
    let implicit = match (&tls, security) {
        (Some(tls), Security::ImplicitTls) => Some(wire.start_tls(tls)),
        _ => None,
    };
    match implicit {
        Some(Err(why)) => {
            client.abort(why);
        }
        Some(Ok(said)) => {
            tls_said = Some(said);
            converse(
                &mut client,
                &mut wire,
                tls.as_ref(),
                &mut tls_said,
                args.timeout,
            );
        }
        None => converse(
            &mut client,
            &mut wire,
            tls.as_ref(),
            &mut tls_said,
            args.timeout,
        ),
    }
    wire.close();
    let outcome = client.into_outcome();

    if args.json {
        let from = args
            .sender
            .clone()
            .unwrap_or_else(|| composed.envelope.from.clone());
        let json = SendJson::new(&outcome, &composed.bytes, &from, args, lang);
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write_dialog(out, &outcome, &composed.bytes, args.show_wire, lang)?;
        if let Some(said) = &tls_said {
            writeln!(
                out,
                "{}",
                TLS_LINE.fill(
                    lang,
                    &[
                        ("said", said),
                        ("check", &certificate_check(args).get(lang))
                    ]
                )
            )?;
        }
        if args.log {
            writeln!(out)?;
            for line in &outcome.log {
                writeln!(out, "{line}")?;
            }
        }
    }
    let all_delivered = outcome.delivered
        && outcome
            .recipients
            .iter()
            .all(|r| r.status == RecipientStatus::Delivered);
    Ok(if all_delivered {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_NOT_SENT)
    })
}

/// The host name (for DIGEST-MD5's digest-uri) and the first address it resolves to.
/// `Err(None)` when it is not HOST:PORT at all; `Err(Some((host, why)))` when the name does
/// not resolve (a misspelt server, no network): no usage error, the mail was not sent.
fn resolve(server: &str) -> Result<(String, SocketAddr), Option<(String, String)>> {
    let (host, port) = server.rsplit_once(':').ok_or(None)?;
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    if host.is_empty() || port.parse::<u16>().is_err() {
        return Err(None);
    }
    match server.to_socket_addrs() {
        Ok(mut addresses) => addresses
            .next()
            .map(|address| (host.clone(), address))
            .ok_or(Some((host, "no address".to_string()))),
        Err(err) => Err(Some((host, err.to_string()))),
    }
}

/// The message from the arguments, with the clock's date and a message id and boundary
/// from the clock and the process id; also the stamp used for the nonces.
fn build_message(args: &Args, lang: Lang) -> Result<(Message, u64), String> {
    let parse = |text: &str| Mailbox::parse(text).map_err(|err| err.describe(lang));
    let from = parse(&args.from)?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let pid = std::process::id();
    let stamp = now.as_secs() ^ u64::from(now.subsec_nanos()).rotate_left(32) ^ u64::from(pid);
    let domain = from
        .address
        .rsplit_once('@')
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| "localhost".into());
    let message_id = format!("{}.{:09}.{pid}@{domain}", now.as_secs(), now.subsec_nanos());
    let boundary = format!("=_smtp-trainer_{pid}_{:x}", now.subsec_nanos());
    let mut message = Message::new(
        from,
        &super::clock::rfc5322(now.as_secs()),
        &message_id,
        &boundary,
    )
    .subject(&args.subject)
    .text(&args.body.replace("\\n", "\n"))
    .charset(args.charset)
    .x_mailer(concat!("smtp-trainer ", env!("CARGO_PKG_VERSION")));
    message.transfer_encoding = args.transfer_encoding;
    message.html = args.html.clone();
    for to in &args.to {
        message.to.push(parse(to)?);
    }
    for cc in &args.cc {
        message.cc.push(parse(cc)?);
    }
    for bcc in &args.bcc {
        message.bcc.push(parse(bcc)?);
    }
    let mut total = 0u64;
    for path in &args.attach {
        let data = read_attachment(
            path,
            MAX_CONTENT as u64 - total.min(MAX_CONTENT as u64),
            lang,
        )?;
        total += data.len() as u64;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "attachment".into());
        message.attachments.push(Attachment::new(&name, data));
    }
    Ok((message, stamp))
}

/// An attachment's octets, at most `room` of them. Only a regular file: a device or a pipe
/// (`/dev/zero`, `<(cmd)`) says it holds 0 octets and may never end. The read stops one
/// octet past the room, whatever the file said its size was.
fn read_attachment(path: &std::path::Path, room: u64, lang: Lang) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("{shown}: {e}"))?;
    if !meta.is_file() {
        return Err(NOT_A_FILE.fill(lang, &[("path", &shown)]));
    }
    let too_big = || ATTACHMENTS_TOO_BIG.fill(lang, &[("max", &MAX_CONTENT), ("path", &shown)]);
    if meta.len() > room {
        return Err(too_big());
    }
    let mut data = Vec::new();
    file.take(room + 1)
        .read_to_end(&mut data)
        .map_err(|e| format!("{shown}: {e}"))?;
    if data.len() as u64 > room {
        return Err(too_big());
    }
    Ok(data)
}

/// A note of the client, for a session over a real connection: its TLS is rustls'.
fn note_text(note: &ClientNote, lang: Lang) -> String {
    match note {
        ClientNote::TlsEstablished => TLS_UP.get(lang).to_owned(),
        ClientNote::ImplicitTls => TLS_FROM_THE_START.get(lang).to_owned(),
        _ => note.explain(lang),
    }
}

/// Nonces for SCRAM, DIGEST-MD5 and NTLM from the process's random hasher keys and the clock.
fn nonces(stamp: u64) -> Nonces {
    let random = |salt: u64| {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(stamp ^ salt);
        hasher.finish()
    };
    let (a, b, c) = (random(1), random(2), random(3));
    Nonces {
        scram: format!("{a:016x}{b:016x}"),
        cnonce: format!("{c:016x}"),
        ntlm_challenge: random(4).to_le_bytes(),
        // NTLM's FILETIME: 100 ns since 1601.
        ntlm_timestamp: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| (d.as_secs() + 11_644_473_600) * 10_000_000)
            .unwrap_or(0),
    }
}

const NOT_VERIFIED: Tr = Tr::new("NOT verified (--insecure)", "未校验（--insecure）");
const VERIFIED_WITH_CA_FILE: Tr = Tr::new(
    "verified against Mozilla's roots and --ca-file",
    "已按 Mozilla 根证书和 --ca-file 校验",
);
const VERIFIED: Tr = Tr::new(
    "verified against Mozilla's roots",
    "已按 Mozilla 根证书校验",
);

/// How the certificate was checked, for the dialog's TLS line.
fn certificate_check(args: &Args) -> Tr {
    match (args.insecure, args.ca_file.is_some()) {
        (true, _) => NOT_VERIFIED,
        (false, true) => VERIFIED_WITH_CA_FILE,
        (false, false) => VERIFIED,
    }
}

/// Moves bytes between the socket and the client session until it is done; runs the TLS
/// handshake when the session asks for it.
fn converse(
    client: &mut Client,
    stream: &mut Wire,
    tls: Option<&TlsSettings>,
    tls_said: &mut Option<String>,
    timeout: u64,
) {
    let mut buffer = vec![0u8; READ_BUFFER];
    let mut total = 0usize;
    while !client.is_done() {
        let n = match stream.read(&mut buffer) {
            Ok(0) => {
                client.connection_closed();
                break;
            }
            Ok(n) => n,
            Err(err)
                if matches!(
                    err.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                client.abort(
                    Tr::new(
                        "No reply within {timeout} seconds: the client gives up.",
                        "{timeout} 秒内没有回复：客户端放弃。",
                    )
                    .filled(&[("timeout", &timeout)]),
                );
                break;
            }
            Err(_) => {
                client.connection_closed();
                break;
            }
        };
        total += n;
        if total > MAX_READ_TOTAL {
            client.abort(
                Tr::new(
                    "The server sent over {max} octets of replies: the client hangs up.",
                    "服务器发来的回复超过 {max} 字节：客户端挂断。",
                )
                .filled(&[("max", &MAX_READ_TOTAL)]),
            );
            break;
        }
        let mut actions: Vec<Action> = client.receive(buffer.get(..n).unwrap_or_default());
        while !actions.is_empty() {
            let action = actions.remove(0);
            match action {
                Action::Send(bytes) => {
                    if stream
                        .write_all(&bytes)
                        .and_then(|()| stream.flush())
                        .is_err()
                    {
                        client.connection_closed();
                        return;
                    }
                }
                Action::StartTls => match tls.map(|tls| stream.start_tls(tls)) {
                    Some(Ok(said)) => {
                        *tls_said = Some(said);
                        actions.extend(client.tls_established());
                    }
                    Some(Err(why)) => {
                        actions.extend(client.abort(why));
                        return;
                    }
                    None => {
                        actions.extend(
                            client.abort(
                                Tr::new(
                                    "The server is ready for TLS, but TLS was not asked for.",
                                    "服务器已准备好 TLS，但并未要求使用 TLS。",
                                )
                                .into(),
                            ),
                        );
                    }
                },
                Action::Close => return,
            }
        }
    }
}

/// What a reply line means, from the reference: `553 Requested action not taken: mailbox
/// name not allowed · 5.7.1 Delivery not authorized, message refused`.
fn explain_line(line: &str, lang: Lang) -> Option<String> {
    let explanation = explain(line).ok()?;
    let mut parts = Vec::new();
    if let Some(reply) = explanation.reply {
        match reply.info {
            Some(info) => parts.push(format!("{} {}", reply.code, info.title.get(lang))),
            None => parts.push(reply.unknown_code(lang)),
        }
    }
    if let Some(enhanced) = explanation.enhanced {
        match enhanced.info {
            Some(info) => parts.push(format!("{} {}", enhanced.label(), info.title.get(lang))),
            None => parts.push(format!(
                "{} {}",
                enhanced.label(),
                enhanced.subject_meaning().get(lang)
            )),
        }
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Whether a reply line is the last of its reply (`250 x`, not `250-x`).
fn last_of_reply(line: &str) -> bool {
    line.as_bytes().get(3) != Some(&b'-')
}

/// The message with CRLF shown as ␍␊ (a bare LF as ␊), other control octets as `\xNN`.
fn wire(bytes: &[u8]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        match rest.iter().position(|b| *b == b'\n') {
            Some(at) => {
                let (line, after) = rest.split_at(at);
                rest = after.get(1..).unwrap_or_default();
                match line.strip_suffix(b"\r") {
                    Some(line) => lines.push(format!("{}␍␊", visible(line))),
                    None => lines.push(format!("{}␊", visible(line))),
                }
            }
            None => {
                lines.push(visible(rest));
                rest = &[];
            }
        }
    }
    lines
}

const DELIVERED: Tr = Tr::new("delivered", "已投递");
const ACCEPTED: Tr = Tr::new("accepted", "已接受");
const NOT_DELIVERED: Tr = Tr::new("accepted, but the message failed", "已接受，但邮件发送失败");
const REFUSED: Tr = Tr::new("refused", "被拒绝");
const DEFERRED: Tr = Tr::new("deferred (try again later)", "暂缓（稍后重试）");
const NOT_TRIED: Tr = Tr::new("not tried", "未尝试");

fn status_name(status: &RecipientStatus, lang: Lang) -> &'static str {
    match status {
        RecipientStatus::Delivered => DELIVERED,
        RecipientStatus::Accepted => ACCEPTED,
        RecipientStatus::NotDelivered => NOT_DELIVERED,
        RecipientStatus::Rejected => REFUSED,
        RecipientStatus::Deferred => DEFERRED,
        RecipientStatus::NotTried => NOT_TRIED,
    }
    .get(lang)
}

fn write_dialog(
    out: &mut impl Write,
    outcome: &Outcome,
    message: &[u8],
    show_wire: bool,
    lang: Lang,
) -> io::Result<()> {
    for entry in &outcome.transcript {
        match entry {
            Entry::Sent(line) => writeln!(out, "C: {line}")?,
            Entry::Got(line) => {
                writeln!(out, "S: {line}")?;
                if last_of_reply(line) {
                    if let Some(meaning) = explain_line(line, lang) {
                        writeln!(out, "   = {meaning}")?;
                    }
                }
            }
            Entry::Data { octets, lines } => {
                writeln!(
                    out,
                    "{}",
                    DATA_ENTRY.fill(lang, &[("octets", octets), ("lines", lines)])
                )?;
                if show_wire {
                    for line in wire(message) {
                        writeln!(out, "C| {line}")?;
                    }
                }
            }
            Entry::Tls => writeln!(out, "{}", TLS_HANDSHAKE.get(lang))?,
            Entry::Note(note) => writeln!(out, "   -- {}", note_text(note, lang))?,
        }
    }
    writeln!(out)?;
    for r in &outcome.recipients {
        let reply = r
            .reply
            .as_ref()
            .map(|reply| format!(" ({})", reply.last_line()))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<4}{}: {}{reply}",
            r.kind.name(),
            r.address,
            status_name(&r.status, lang)
        )?;
    }
    match (&outcome.failure, outcome.delivered) {
        (_, true) => {
            let all = outcome.recipients.len();
            let delivered = outcome
                .recipients
                .iter()
                .filter(|r| r.status == RecipientStatus::Delivered)
                .count();
            if delivered < all {
                let counts: [(&str, &dyn std::fmt::Display); 2] =
                    [("delivered", &delivered), ("all", &all)];
                writeln!(out, "{}", SENT_TO_SOME.fill(lang, &counts))?;
            } else {
                writeln!(out, "{}", SENT.get(lang))?;
            }
        }
        (Some(failure), false) => writeln!(out, "{}", failure.explain(lang))?,
        (None, false) => writeln!(out, "{}", NOT_SENT.get(lang))?,
    }
    if outcome.auth.is_some() {
        writeln!(out, "{}", AUTH_IN_DIALOG.get(lang))?;
    }
    if show_wire
        && !outcome
            .transcript
            .iter()
            .any(|e| matches!(e, Entry::Data { .. }))
    {
        writeln!(out)?;
        writeln!(out, "{}", WOULD_HAVE_SENT.get(lang))?;
        for line in wire(message) {
            writeln!(out, "C| {line}")?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct SendJson {
    server: String,
    lang: &'static str,
    delivered: bool,
    failure: Option<FailureJson>,
    recipients: Vec<RecipientJson>,
    transcript: Vec<EntryJson>,
    log: Vec<String>,
    auth: Option<AuthJson>,
    envelope: EnvelopeJson,
    octets: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    wire: Option<Vec<String>>,
}

#[derive(Serialize)]
struct FailureJson {
    transient: bool,
    explain: String,
}

#[derive(Serialize)]
struct RecipientJson {
    address: String,
    kind: &'static str,
    status: &'static str,
    reply: Option<String>,
}

#[derive(Serialize)]
struct EntryJson {
    side: &'static str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<String>,
}

#[derive(Serialize)]
struct AuthJson {
    mechanism: String,
    succeeded: bool,
    steps: Vec<super::trace_json::StepJson>,
}

#[derive(Serialize)]
struct EnvelopeJson {
    from: String,
    recipients: Vec<String>,
}

impl SendJson {
    fn new(outcome: &Outcome, message: &[u8], from: &str, args: &Args, lang: Lang) -> SendJson {
        let transcript = outcome
            .transcript
            .iter()
            .map(|entry| match entry {
                Entry::Sent(line) => EntryJson {
                    side: "client",
                    text: line.clone(),
                    explain: None,
                },
                Entry::Got(line) => EntryJson {
                    side: "server",
                    text: line.clone(),
                    explain: last_of_reply(line)
                        .then(|| explain_line(line, lang))
                        .flatten(),
                },
                Entry::Data { octets, lines } => EntryJson {
                    side: "data",
                    text: format!("{octets} octets, {lines} lines"),
                    explain: None,
                },
                Entry::Tls => EntryJson {
                    side: "tls",
                    text: "rustls".into(),
                    explain: None,
                },
                Entry::Note(note) => EntryJson {
                    side: "note",
                    text: note_text(note, lang),
                    explain: None,
                },
            })
            .collect();
        let recipients = outcome
            .recipients
            .iter()
            .map(|r| RecipientJson {
                address: r.address.clone(),
                kind: r.kind.name(),
                status: status_name(&r.status, Lang::En),
                reply: r.reply.as_ref().map(|reply| reply.last_line().to_string()),
            })
            .collect();
        SendJson {
            server: args.server.clone(),
            lang: lang.tag(),
            delivered: outcome.delivered,
            failure: outcome.failure.as_ref().map(|f| FailureJson {
                transient: f.is_transient(),
                explain: f.explain(lang),
            }),
            recipients,
            transcript,
            log: outcome.log.clone(),
            auth: outcome.auth.as_ref().map(|a| AuthJson {
                mechanism: a.mechanism.clone(),
                succeeded: a.succeeded,
                steps: super::trace_json::steps(&a.trace, lang),
            }),
            envelope: EnvelopeJson {
                from: from.to_string(),
                recipients: outcome
                    .recipients
                    .iter()
                    .map(|r| r.address.clone())
                    .collect(),
            },
            octets: message.len(),
            wire: args.show_wire.then(|| wire(message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_lines() {
        assert_eq!(wire(b"a\r\nb\nc"), ["a␍␊", "b␊", "c"]);
        assert!(last_of_reply("250 ok") && !last_of_reply("250-ok") && last_of_reply("334"));
        let meaning = explain_line("553 5.7.1 Sender address rejected", Lang::En).unwrap();
        assert!(
            meaning.starts_with("553 ") && meaning.contains("5.7.1"),
            "{meaning}"
        );
    }
}
