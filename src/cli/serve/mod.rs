//! `smtp-trainer serve`: the simulated server on a real TCP port, for real clients (swaks,
//! Python's `smtplib`, a mail program, a script of your own).
//!
//! ```text
//!  client ──TCP──▶ read() ──bytes──▶ Server::receive ──▶ [Event] ──▶ write() ──▶ client
//!                     │ (whatever one read returns: a pipelined group arrives together)
//!                     └──▶ transcript queue ──▶ writer thread ──▶ stdout or --transcript
//! ```
//!
//! One task per connection on a tokio runtime ([`session`]), each with its own engine
//! session; the engine decides every reply, this module only moves bytes, supplies the
//! clock and the peer's address, keeps the limits and deadlines ([`limits`]) and logs
//! ([`transcript`], which never makes serving wait). TLS is real ([`tls`], rustls):
//! STARTTLS on the ordinary port, implicit TLS on `--tls-listen`; after STARTTLS's `220`
//! the task runs the handshake and the engine's session goes on inside it.

mod limits;
mod session;
mod tls;
mod transcript;

use std::io::{self, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use limits::{
    Budget, Connections, Limits, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_PER_CLIENT,
    DEFAULT_MEMORY_BUDGET_MIB,
};
use session::Shared;
use transcript::{Target, Transcript};

use crate::smtp::command::{self, Command};
use crate::smtp::profile::Profile;
use crate::smtp::server::{Event, Fault, FaultMode, Mode, ServerConfig, HARD_MAX_MESSAGE};

/// How many lines of a message body the transcript shows.
const LOGGED_BODY_LINES: usize = 20;
/// How many characters of one client line the transcript shows.
const LOGGED_LINE_CHARS: usize = 1000;
/// The size of one read.
const READ_BUFFER: usize = 16 * 1024;
/// Connections the kernel may hold for `accept` (as `smtp-sink`'s 1024 in the bench; the
/// kernel caps it at `net.core.somaxconn`).
const LISTEN_BACKLOG: u32 = 1024;
/// Exit status for bad arguments (as clap's own errors).
const EXIT_BAD_ARGS: u8 = 2;

const AFTER_HELP: &str = "\
Every session's transcript goes to stdout, one line per wire line, prefixed with the
connection number: `[3] C: EHLO x`, `[3] S: 250-…`, `[3] -- message stored: …`. The first
line is `listening on IP:PORT` (with the real port when --listen asks for port 0).

STARTTLS is offered with real TLS (rustls): a self-signed certificate for --hostname is
made at start (its SHA-256 fingerprint is in the transcript; --write-cert saves it as PEM
for clients that verify), or --cert/--key load yours. --tls-listen adds a port where TLS
starts at once (RFC 8314, as 465). Use it on loopback (the default); a non-loopback --listen
address needs --allow-remote, since a client that skips STARTTLS sends passwords in clear.

Examples:
  smtp-trainer serve --user alice:secret
  smtp-trainer serve --user alice:secret --tls-listen 127.0.0.1:4650 --write-cert cert.pem
  swaks --server 127.0.0.1:2525 --tls --auth PLAIN --auth-user alice --auth-password secret
  swaks --server 127.0.0.1:2525 --from alice@example.com --to bob@example.com --pipeline
  smtp-trainer serve --profile sendmail --require-auth --user alice:secret --sasl-down
  smtp-trainer serve --fault-share 451:20 --seed 7
  smtp-trainer serve --profile gmail --user alice@gmail.com:app-password --token alice@gmail.com:ya29.a0-token
  curl smtp://127.0.0.1:2525 --user alice@gmail.com --oauth2-bearer ya29.a0-token \
      --login-options AUTH=XOAUTH2 --mail-from alice@gmail.com --mail-rcpt bob@example.com -T mail.txt";

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// The address to listen on, IP:PORT; port 0 picks a free port.
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:2525", value_parser = parse_listen)]
    listen: SocketAddr,
    /// Allow a --listen address that is not loopback (a client that skips STARTTLS sends
    /// its password in clear).
    #[arg(long)]
    allow_remote: bool,
    /// Whose behaviour to reproduce: postfix, sendmail, exim, 163, rfc5321 (the standard,
    /// strictly), or a provider's submission server: gmail, outlook (Microsoft 365), qq.
    #[arg(long, value_name = "PROFILE", default_value = "postfix", value_parser = parse_profile)]
    profile: Profile,
    /// An account for AUTH PLAIN and LOGIN (repeatable). Its mailbox is USER when USER is an
    /// address, else USER@ the first local domain.
    #[arg(long = "user", value_name = "USER:PASSWORD", value_parser = parse_user)]
    users: Vec<(String, String)>,
    /// An OAuth 2.0 access token for a --user account (repeatable), which AUTH XOAUTH2 and
    /// OAUTHBEARER present instead of the password (RFC 7628) where the profile offers
    /// them (gmail, outlook, qq). An account without one fails OAuth with the JSON error
    /// challenge.
    #[arg(long = "token", value_name = "USER:TOKEN", value_parser = parse_token)]
    tokens: Vec<(String, String)>,
    /// The server's own name (default: the profile's, e.g. mail.example.com).
    #[arg(long, value_name = "NAME", value_parser = parse_name)]
    hostname: Option<String>,
    /// A local domain (repeatable; replaces the default example.com, or 163.com for 163).
    #[arg(long = "domain", value_name = "DOMAIN", value_parser = parse_name)]
    domains: Vec<String>,
    /// A known local mailbox (repeatable), for VRFY and --known-mailboxes-only.
    #[arg(long = "mailbox", value_name = "ADDRESS", value_parser = parse_mailbox)]
    mailboxes: Vec<String>,

    /// MAIL needs a successful AUTH first (530).
    #[arg(long, help_heading = "Policies")]
    require_auth: bool,
    /// MAIL FROM must equal the authenticated user's address (553).
    #[arg(long, help_heading = "Policies")]
    sender_must_match_auth: bool,
    /// The SASL daemon is down: every AUTH fails, whatever the password.
    #[arg(long, help_heading = "Policies")]
    sasl_down: bool,
    /// Refuse VRFY.
    #[arg(long, help_heading = "Policies")]
    no_vrfy: bool,
    /// Answer EXPN.
    #[arg(long, help_heading = "Policies")]
    allow_expn: bool,
    /// AUTH needs STARTTLS first: before TLS, AUTH gets the profile's `530 Must issue a
    /// STARTTLS command first`.
    #[arg(long, help_heading = "Policies")]
    tls_before_auth: bool,
    /// RCPT to an unknown local mailbox is refused (550 5.1.1); see --mailbox and --user.
    #[arg(long, help_heading = "Policies")]
    known_mailboxes_only: bool,
    /// Relay to other domains without AUTH (an open relay: for demonstration only).
    #[arg(long, help_heading = "Policies")]
    allow_relay: bool,
    /// Greylist: the first RCPT of each sender/recipient pair gets 450, a retry is accepted.
    #[arg(long, help_heading = "Policies")]
    greylist: bool,
    /// Refuse a message line that ends in a bare LF (521, then close), as Postfix's
    /// smtpd_forbid_bare_newline does.
    #[arg(long, help_heading = "Policies")]
    reject_bare_lf: bool,
    /// The largest message accepted, in octets (advertised in SIZE).
    #[arg(long, value_name = "BYTES", value_parser = parse_max_size, help_heading = "Policies")]
    max_size: Option<u64>,
    /// Answer the first command of every connection with CODE (421, 450, 451 or 452; 421
    /// also closes the connection).
    #[arg(long, value_name = "CODE", value_parser = parse_fault_code, conflicts_with = "fault_share", help_heading = "Policies")]
    fault: Option<u16>,
    /// Answer about PERCENT out of 100 commands with CODE (421, 450, 451 or 452).
    #[arg(long, value_name = "CODE:PERCENT", value_parser = parse_fault_share, help_heading = "Policies")]
    fault_share: Option<(u16, u8)>,
    /// The seed of --fault-share's draws (default: from the clock); connection k draws
    /// with seed N+k-1, so a run is reproducible.
    #[arg(
        long,
        value_name = "N",
        requires = "fault_share",
        help_heading = "Policies"
    )]
    seed: Option<u64>,
    /// Close a connection idle this long with `421 … timeout exceeded` (10 s while more than
    /// 80% of --max-connections are taken, as Postfix does under stress).
    #[arg(long, value_name = "SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86_400), help_heading = "Limits")]
    timeout: u64,
    /// A line begun must end within this, however slowly its bytes come (Postfix's
    /// smtpd_per_record_deadline); default: --timeout.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=86_400), help_heading = "Limits")]
    command_timeout: Option<u64>,
    /// The longest a session may last, greeting to close.
    #[arg(long, value_name = "SECONDS", default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..=604_800), help_heading = "Limits")]
    session_limit: u64,
    /// Connections held at once; one more gets the profile's "too many connections" reply.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_CONNECTIONS, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000), help_heading = "Limits")]
    max_connections: usize,
    /// Connections from one client address (Postfix's smtpd_client_connection_count_limit).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_PER_CLIENT, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000), help_heading = "Limits")]
    max_per_client: usize,
    /// Message text all sessions may hold together, in MiB; a message that finds no room
    /// gets `452 4.3.1 Insufficient system storage` and memory stays flat.
    #[arg(long, value_name = "MIB", default_value_t = DEFAULT_MEMORY_BUDGET_MIB, value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=65_536), help_heading = "Limits")]
    memory_budget: usize,
    /// The delay before each reply once a client has made the profile's soft limit of
    /// errors (Postfix's smtpd_error_sleep_time: 1 s after 10 errors); 0 for none.
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(0..=60), help_heading = "Limits")]
    error_sleep: Option<u64>,
    /// Threads serving connections; default: one fewer than the cores, at least 1 (the
    /// transcript writer and, on a shared machine, the clients need the last one). With 1,
    /// every session runs on one thread and none is ever woken from another.
    #[arg(long, value_name = "N", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1024), help_heading = "Limits")]
    threads: Option<usize>,

    /// Write the transcript to FILE instead of stdout (stdout still gets the first line).
    #[arg(long, value_name = "FILE", help_heading = "Transcript")]
    transcript: Option<PathBuf>,
    /// The transcript as JSON lines: {"session":3,"kind":"client","text":"EHLO x"}.
    #[arg(long, help_heading = "Transcript")]
    json: bool,

    /// Also listen here with TLS from the first byte (RFC 8314 implicit TLS, as port 465).
    #[arg(long, value_name = "IP:PORT", value_parser = parse_listen, help_heading = "TLS")]
    tls_listen: Option<SocketAddr>,
    /// The certificate chain (PEM); with --key. Default: self-signed, made at start.
    #[arg(long, value_name = "FILE", requires = "key", help_heading = "TLS")]
    cert: Option<PathBuf>,
    /// The certificate's private key (PEM: PKCS#8, PKCS#1 or SEC1); with --cert.
    #[arg(long, value_name = "FILE", requires = "cert", help_heading = "TLS")]
    key: Option<PathBuf>,
    /// Save the certificate (PEM) here, for clients that verify against a file.
    #[arg(long, value_name = "FILE", help_heading = "TLS")]
    write_cert: Option<PathBuf>,
    /// Offer no STARTTLS and no TLS at all (as before TLS was real).
    #[arg(long, conflicts_with_all = ["tls_listen", "cert", "key", "write_cert"], help_heading = "TLS")]
    no_tls: bool,
}

fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    if let Some(port) = text.strip_prefix("localhost:") {
        let port: u16 = port
            .parse()
            .map_err(|_| format!("{port:?} is not a port number (0–65535)"))?;
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    text.parse()
        .map_err(|_| format!("expected IP:PORT such as 127.0.0.1:2525 or [::1]:2525, not {text:?}"))
}

fn parse_profile(text: &str) -> Result<Profile, String> {
    Profile::from_id(text.trim()).ok_or_else(|| {
        let ids: Vec<&str> = Profile::ALL.iter().map(|p| p.id()).collect();
        format!("unknown profile {text:?}; choose one of {}", ids.join(", "))
    })
}

/// Text that goes into replies and headers: printable ASCII, no spaces.
fn check_token(text: &str, what: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err(format!("the {what} is empty"));
    }
    if let Some(bad) = text.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(format!(
            "the {what} {text:?} contains {bad:?}; only printable ASCII without spaces is allowed"
        ));
    }
    Ok(())
}

fn parse_name(text: &str) -> Result<String, String> {
    check_token(text, "name")?;
    Ok(text.to_string())
}

fn parse_mailbox(text: &str) -> Result<String, String> {
    check_token(text, "address")?;
    match text.split_once('@') {
        Some((local, domain)) if !local.is_empty() && !domain.is_empty() => Ok(text.to_string()),
        _ => Err(format!(
            "{text:?} is not an address such as bob@example.com"
        )),
    }
}

fn parse_user(text: &str) -> Result<(String, String), String> {
    let Some((user, password)) = text.split_once(':') else {
        return Err(format!(
            "expected USER:PASSWORD such as alice:secret, not {text:?}"
        ));
    };
    check_token(user, "user name")?;
    if password.is_empty() {
        return Err(format!("the password of {user:?} is empty"));
    }
    if password.chars().any(char::is_control) {
        return Err(format!(
            "the password of {user:?} contains a control character"
        ));
    }
    Ok((user.to_string(), password.to_string()))
}

fn parse_token(text: &str) -> Result<(String, String), String> {
    let Some((user, token)) = text.split_once(':') else {
        return Err(format!(
            "expected USER:TOKEN such as alice:ya29.a0-token, not {text:?}"
        ));
    };
    check_token(user, "user name")?;
    // RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    let b64token = |c: char| c.is_ascii_alphanumeric() || "-._~+/=".contains(c);
    if token.is_empty() || !token.chars().all(b64token) {
        return Err(format!(
            "the token of {user:?} must be letters, digits and -._~+/= (RFC 6750 §2.1), not {token:?}"
        ));
    }
    Ok((user.to_string(), token.to_string()))
}

fn parse_max_size(text: &str) -> Result<u64, String> {
    let size: u64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of octets"))?;
    if size == 0 {
        // RFC 1870 §4: `SIZE 0` tells clients there is no limit at all.
        return Err("use at least 1 (clients read `SIZE 0` as \"no limit\")".into());
    }
    if size > HARD_MAX_MESSAGE {
        return Err(format!(
            "at most {HARD_MAX_MESSAGE} octets: the server keeps no larger message"
        ));
    }
    Ok(size)
}

fn parse_fault_code(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(code @ (421 | 450 | 451 | 452)) => Ok(code),
        _ => Err(format!(
            "{text:?} is not a code the server injects; use 421, 450, 451 or 452"
        )),
    }
}

fn parse_fault_share(text: &str) -> Result<(u16, u8), String> {
    let Some((code, percent)) = text.split_once(':') else {
        return Err(format!(
            "expected CODE:PERCENT such as 451:20, not {text:?}"
        ));
    };
    let code = parse_fault_code(code)?;
    match percent.trim().trim_end_matches('%').parse::<u8>() {
        Ok(percent @ 1..=100) => Ok((code, percent)),
        _ => Err(format!("{percent:?} is not a percentage from 1 to 100")),
    }
}

impl Args {
    /// The engine's configuration for every connection (the fault seed is set per
    /// connection), and the seed of `--fault-share`.
    /// `--no-tls` with a profile whose real server takes AUTH only after STARTTLS.
    fn gives_up_tls_first(&self) -> bool {
        self.no_tls && self.profile.tls_first() && !self.tls_before_auth
    }

    fn config(&self) -> (ServerConfig, u64) {
        let mut config = ServerConfig::new(self.profile);
        if let Some(hostname) = &self.hostname {
            config.hostname = hostname.clone();
        }
        if !self.domains.is_empty() {
            config.local_domains = self.domains.clone();
        }
        // After the domains: an account's mailbox is in the first local domain.
        for (user, password) in &self.users {
            config = config.with_account(user, password);
        }
        for (user, token) in &self.tokens {
            config = config.with_token(user, token);
        }
        for mailbox in &self.mailboxes {
            if !config
                .mailboxes
                .iter()
                .any(|m| m.eq_ignore_ascii_case(mailbox))
            {
                config.mailboxes.push(mailbox.clone());
            }
        }
        // Each session sets STARTTLS from whether TLS is configured (see session.rs).
        // Clients compute DIGEST-MD5's digest-uri from the name they connected to.
        config.aliases = vec![self.listen.ip().to_string(), "localhost".to_string()];
        let policies = &mut config.policies;
        policies.require_auth |= self.require_auth;
        policies.sender_must_match_auth |= self.sender_must_match_auth;
        policies.sasl_daemon_down |= self.sasl_down;
        policies.vrfy_allowed &= !self.no_vrfy;
        policies.expn_allowed |= self.allow_expn;
        policies.tls_before_auth |= self.tls_before_auth;
        // Without TLS, a profile that takes AUTH only inside it (Gmail) could take nothing:
        // its TLS-before-AUTH goes, unless asked for (`run` says so at start).
        if self.gives_up_tls_first() {
            policies.tls_before_auth = false;
        }
        policies.known_mailboxes_only |= self.known_mailboxes_only;
        policies.deny_relay &= !self.allow_relay;
        policies.greylist |= self.greylist;
        policies.reject_bare_lf |= self.reject_bare_lf;
        if let Some(size) = self.max_size {
            policies.max_message_size = size;
        }
        let seed = self.seed.unwrap_or_else(super::clock::seed);
        policies.fault = match (self.fault, self.fault_share) {
            (Some(code), _) => Some(Fault {
                code,
                mode: FaultMode::NextCommand,
            }),
            (None, Some((code, percent))) => Some(Fault {
                code,
                mode: FaultMode::Share { percent, seed },
            }),
            (None, None) => None,
        };
        (config, seed)
    }
}

/// Runs the server until the process is stopped.
pub(super) fn run(args: &Args) -> io::Result<ExitCode> {
    if !args.listen.ip().is_loopback() && !args.allow_remote {
        eprintln!(
            "smtp-trainer: {} is not a loopback address; a client that does not use STARTTLS \
             would send its password across the network in clear text to this training \
             server. Pass --allow-remote to listen there anyway, or use --listen 127.0.0.1:{}",
            args.listen.ip(),
            args.listen.port()
        );
        return Ok(ExitCode::from(EXIT_BAD_ARGS));
    }
    if let Some((user, _)) = args
        .tokens
        .iter()
        .find(|(user, _)| !args.users.iter().any(|(u, _)| u == user))
    {
        eprintln!(
            "smtp-trainer: --token {user}:… names no account; add --user {user}:PASSWORD first"
        );
        return Ok(ExitCode::from(EXIT_BAD_ARGS));
    }
    if args.gives_up_tls_first() {
        eprintln!(
            "smtp-trainer: with --no-tls, the {} profile lists AUTH and takes mail in clear \
             text, which the real server never does (it wants STARTTLS first); \
             --tls-before-auth keeps its refusal",
            args.profile.id()
        );
    }
    let target = match Target::open(args.transcript.as_deref()) {
        Ok(target) => target,
        Err(err) => {
            eprintln!("smtp-trainer: {err}");
            return Ok(ExitCode::from(EXIT_BAD_ARGS));
        }
    };
    let runtime = match args.threads.unwrap_or_else(default_threads) {
        1 => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?,
        threads => tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .enable_all()
            .thread_name("serve")
            .build()?,
    };
    runtime.block_on(listen(args, target))
}

/// One fewer thread than the cores, at least one. Measured with `cargo xtask bench` on 2
/// cores: one thread serves 1 KB messages about a third faster than two, whose workers spend
/// the difference waking each other.
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
}

async fn listen(args: &Args, target: Target) -> io::Result<ExitCode> {
    let (config, seed) = args.config();
    let tls = if args.no_tls {
        None
    } else {
        match tls::setup(
            args.cert.as_deref(),
            args.key.as_deref(),
            &config.hostname,
            args.write_cert.as_deref(),
        ) {
            Ok(tls) => Some(tls),
            Err(why) => {
                eprintln!("smtp-trainer: {why}");
                return Ok(ExitCode::from(EXIT_BAD_ARGS));
            }
        }
    };
    let listener = bind(args.listen).map_err(|e| bind_error(args.listen, e))?;
    let local = listener.local_addr()?;
    let tls_listener = match args.tls_listen {
        Some(addr) => Some(bind(addr).map_err(|e| bind_error(addr, e))?),
        None => None,
    };
    let to_file = matches!(target, Target::File(_));
    // The first line goes to stdout at once, whatever else the transcript does: scripts and
    // tests read the port from it.
    {
        let mut out = io::stdout().lock();
        writeln!(out, "listening on {local}")?;
        out.flush()?;
    }
    let log = Transcript::start(target, args.json)?;
    if to_file {
        log.raw(&format!("listening on {local}"));
    }
    let limits = Limits {
        max_connections: args.max_connections,
        max_per_client: args.max_per_client,
        idle: Duration::from_secs(args.timeout),
        command: Duration::from_secs(args.command_timeout.unwrap_or(args.timeout)),
        session: Duration::from_secs(args.session_limit),
        error_sleep: args.error_sleep.map(Duration::from_secs),
    };
    let budget = Budget::new(args.memory_budget.saturating_mul(1024 * 1024));
    log.raw(&summary(&config, seed, &limits, &budget));
    match &tls {
        Some(tls) => log.raw(&format!("-- {}", tls.description)),
        None => log.raw("-- TLS off (--no-tls): STARTTLS not offered"),
    }
    let shared = Shared {
        config: Arc::new(config),
        limits,
        connections: Connections::default(),
        budget,
        log,
        process_seed: session::mix(super::clock::seed() ^ u64::from(std::process::id()) << 32),
        tls,
    };
    // Both listeners number their connections from one counter.
    let numbers = Arc::new(std::sync::atomic::AtomicU64::new(0));
    if let Some(tls_listener) = tls_listener {
        let local = tls_listener.local_addr()?;
        shared
            .log
            .raw(&format!("-- implicit TLS (RFC 8314) on {local}"));
        {
            let mut out = io::stdout().lock();
            writeln!(out, "listening with TLS on {local}")?;
            out.flush()?;
        }
        tokio::spawn(accept(
            tls_listener,
            shared.clone(),
            Arc::clone(&numbers),
            true,
        ));
    }
    accept(listener, shared, numbers, false).await;
    Ok(ExitCode::SUCCESS)
}

/// Accepts connections for ever; `implicit` for the `--tls-listen` port.
async fn accept(
    listener: tokio::net::TcpListener,
    shared: Shared,
    numbers: Arc<std::sync::atomic::AtomicU64>,
    implicit: bool,
) {
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(err) => {
                // Out of file descriptors, a connection reset before accept: keep serving.
                shared
                    .log
                    .raw(&format!("-- accepting a connection failed: {err}"));
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let number = numbers.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let shared = shared.clone();
        match shared
            .connections
            .admit(peer.ip().to_canonical(), &shared.limits)
        {
            Ok(place) => {
                tokio::spawn(async move {
                    let _place = place;
                    session::serve(stream, peer, number, shared, implicit).await;
                });
            }
            Err(refusal) => {
                tokio::spawn(session::refuse(stream, peer, number, shared, refusal));
            }
        }
    }
}

/// Listens on `addr` as `TcpListener::bind` does (SO_REUSEADDR on Unix), with a queue of
/// [`LISTEN_BACKLOG`] connections not yet accepted instead of the platform default 128: a
/// burst of connects beyond the queue is dropped by the kernel, and each dropped client
/// waits a second for its SYN to be sent again.
fn bind(addr: SocketAddr) -> io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)
}

fn bind_error(addr: SocketAddr, err: io::Error) -> io::Error {
    let port = addr.port();
    let ip = addr.ip();
    let message = match err.kind() {
        io::ErrorKind::AddrInUse => format!(
            "port {port} on {ip} is already in use (another server listens there); \
             choose another port, e.g. --listen {}",
            SocketAddr::new(ip, port.wrapping_add(1).max(1024))
        ),
        io::ErrorKind::PermissionDenied => format!(
            "not allowed to listen on port {port} (ports below 1024 need root); \
             use e.g. --listen {ip}:2525"
        ),
        io::ErrorKind::AddrNotAvailable => {
            format!("cannot listen on {addr}: {ip} is not an address of this machine")
        }
        _ => format!("cannot listen on {addr} (port {port}): {err}"),
    };
    io::Error::new(err.kind(), message)
}

fn summary(config: &ServerConfig, seed: u64, limits: &Limits, budget: &Budget) -> String {
    let accounts: Vec<String> = config
        .accounts
        .iter()
        .map(|a| match a.token {
            Some(_) => format!("{} (with a token)", a.user),
            None => a.user.clone(),
        })
        .collect();
    let mut text = format!(
        "-- {} as {}; local domains: {}; accounts: {}; \
         at most {} connections, {} per client; timeout {} s, per command {} s, per session {} s; \
         message text in memory at most {} MiB",
        config.profile.name(),
        config.hostname,
        config.local_domains.join(", "),
        if accounts.is_empty() {
            "none".to_string()
        } else {
            accounts.join(", ")
        },
        limits.max_connections,
        limits.max_per_client,
        limits.idle.as_secs(),
        limits.command.as_secs(),
        limits.session.as_secs(),
        budget.limit() / (1024 * 1024),
    );
    if let Some(l) = config.profile.error_limits() {
        let sleep = limits
            .error_sleep
            .map_or(u64::from(l.sleep_seconds), |d| d.as_secs());
        text.push_str(&format!(
            "; errors: {sleep} s delay from {}, 421 after {}",
            l.soft, l.hard
        ));
    }
    if let Some(Fault {
        code,
        mode: FaultMode::Share { percent, .. },
    }) = config.policies.fault
    {
        text.push_str(&format!(
            "; fault {code} on {percent}% of commands, seed {seed}"
        ));
    }
    text
}

/// The transcript of what the client sent: complete lines, a message body cut after
/// [`LOGGED_BODY_LINES`] lines, BDAT chunks as a count of octets.
struct ClientLines {
    chunking: bool,
    /// The line begun but not ended yet (bounded), and its real length.
    partial: Vec<u8>,
    partial_len: usize,
    /// Inside a DATA body: the lines so far.
    body: Option<usize>,
    /// Inside a BDAT chunk: octets still to come, and the chunk's size.
    chunk_left: u64,
    chunk_size: u64,
    /// Lines ended so far (commands and message lines).
    lines_seen: u64,
}

impl ClientLines {
    fn new(chunking: bool) -> ClientLines {
        ClientLines {
            chunking,
            partial: Vec::new(),
            partial_len: 0,
            body: None,
            chunk_left: 0,
            chunk_size: 0,
            lines_seen: 0,
        }
    }

    /// How many lines have ended so far.
    fn lines_seen(&self) -> u64 {
        self.lines_seen
    }

    /// Whether a line has begun and not ended.
    fn line_open(&self) -> bool {
        self.partial_len > 0
    }

    /// The log lines for one read. `mode` is the server's before the read (the truth for
    /// where the read begins); `events` tell whether a DATA in it got its `354`.
    fn read(&mut self, input: &[u8], mode: Mode, events: &[Event]) -> Vec<String> {
        match mode {
            Mode::Data if self.body.is_none() => self.body = Some(0),
            Mode::Command | Mode::AuthResponse => self.body = None,
            _ => {}
        }
        if mode != Mode::Chunk {
            self.chunk_left = 0;
        }
        let mut go_aheads = events
            .iter()
            .filter(|e| matches!(e, Event::Reply(r) if r.code.value() == 354))
            .count();
        let mut out = Vec::new();
        let mut commands = 0;
        let mut rest = input;
        while !rest.is_empty() {
            if self.chunk_left > 0 {
                let take = usize::try_from(self.chunk_left)
                    .unwrap_or(usize::MAX)
                    .min(rest.len());
                self.chunk_left -= take as u64;
                rest = &rest[take..];
                if self.chunk_left == 0 {
                    out.push(format!("C: … ({} octets of BDAT data)", self.chunk_size));
                }
                continue;
            }
            let (piece, end) = match rest.iter().position(|b| *b == b'\n') {
                Some(at) => (&rest[..at], true),
                None => (rest, false),
            };
            rest = &rest[piece.len() + usize::from(end)..];
            self.push_partial(piece);
            if !end {
                break;
            }
            let line = std::mem::take(&mut self.partial);
            let length = std::mem::take(&mut self.partial_len);
            self.lines_seen += 1;
            if let Some(count) = &mut self.body {
                if line == b"." || line == b".\r" {
                    if *count > LOGGED_BODY_LINES {
                        out.push(format!("C: … ({} more lines)", *count - LOGGED_BODY_LINES));
                    }
                    out.push("C: .".to_string());
                    self.body = None;
                } else {
                    *count += 1;
                    if *count <= LOGGED_BODY_LINES {
                        out.push(client_line(&line, length));
                    }
                }
                // The buffer's room serves the next line.
                self.partial = line;
                self.partial.clear();
                continue;
            }
            commands += 1;
            out.push(client_line(&line, length));
            let text = String::from_utf8_lossy(&line);
            // Only DATA and BDAT change what follows; other lines need no parsing here.
            let verb = text.trim_start().as_bytes().get(..4).unwrap_or_default();
            if !verb.eq_ignore_ascii_case(b"DATA") && !verb.eq_ignore_ascii_case(b"BDAT") {
                continue;
            }
            match command::parse(&text) {
                Ok(Command::Data) if go_aheads > 0 => {
                    go_aheads -= 1;
                    self.body = Some(0);
                }
                Ok(Command::Bdat { size, .. }) if self.chunking && size > 0 => {
                    self.chunk_left = size;
                    self.chunk_size = size;
                }
                _ => {}
            }
        }
        if commands > 1 {
            out.insert(0, format!("-- pipelined: {commands} commands in one read"));
        }
        out
    }

    /// What is left when the connection ends: a line without its end, a cut body.
    fn finish(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(count) = self.body.take() {
            if count > LOGGED_BODY_LINES {
                out.push(format!("C: … ({} more lines)", count - LOGGED_BODY_LINES));
            }
        }
        if self.chunk_left > 0 {
            let got = self.chunk_size - self.chunk_left;
            out.push(format!(
                "C: … ({got} of {} octets of BDAT data)",
                self.chunk_size
            ));
        }
        if self.partial_len > 0 {
            let line = std::mem::take(&mut self.partial);
            let text = printable(&line, self.partial_len);
            out.push(format!("C: {text}   (no line end)"));
        }
        out
    }

    fn push_partial(&mut self, bytes: &[u8]) {
        // Room for the shown characters even when each takes four octets of UTF-8.
        let room = (LOGGED_LINE_CHARS * 4).saturating_sub(self.partial.len());
        self.partial
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
        self.partial_len += bytes.len();
    }
}

/// `C: ` and the [`printable`] line.
fn client_line(raw: &[u8], length: usize) -> String {
    let mut out = String::with_capacity(raw.len() + 3);
    out.push_str("C: ");
    push_printable(&mut out, raw, length);
    out
}

/// A client line for the log: CR removed, control characters escaped (a peer must not
/// drive the terminal), cut at [`LOGGED_LINE_CHARS`].
fn printable(raw: &[u8], length: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    push_printable(&mut out, raw, length);
    out
}

/// Appends the [`printable`] form of a client line to `out`.
fn push_printable(out: &mut String, raw: &[u8], length: usize) {
    let line = raw.strip_suffix(b"\r").unwrap_or(raw);
    // Most lines are printable ASCII, short and whole: shown as they are.
    if line.len() < LOGGED_LINE_CHARS
        && length == raw.len()
        && line.iter().all(|b| matches!(b, b' '..=b'~' | b'\t'))
    {
        out.push_str(&String::from_utf8_lossy(line));
        return;
    }
    let text = String::from_utf8_lossy(line);
    let mut shown = 0;
    for c in text.chars() {
        if shown == LOGGED_LINE_CHARS {
            break;
        }
        if c.is_control() && c != '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
        shown += 1;
    }
    // Octets not shown; the CR counts as part of the line end (assumed when cut off).
    let kept: usize = text.chars().take(shown).map(char::len_utf8).sum();
    let cr = usize::from(raw.ends_with(b"\r") || length > raw.len());
    let more = length.saturating_sub(kept + cr);
    if shown == LOGGED_LINE_CHARS && more > 0 {
        out.push_str(&format!(" … ({more} more octets)"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smtp::server::Server;

    #[test]
    fn argument_parsers_refuse_with_a_reason() {
        assert!(parse_listen("0.0.0.0:25").is_ok());
        assert_eq!(
            parse_listen("localhost:0"),
            Ok(SocketAddr::from(([127, 0, 0, 1], 0)))
        );
        assert!(parse_listen("nowhere").is_err());
        assert_eq!(
            parse_user("alice:se:cret"),
            Ok(("alice".into(), "se:cret".into()))
        );
        assert!(parse_user("alice").is_err());
        assert!(parse_user("al ice:x").is_err());
        assert!(parse_name("mail.example.com\r\n250 x").is_err());
        assert!(parse_mailbox("bob").is_err());
        assert_eq!(parse_fault_share("451:20%"), Ok((451, 20)));
        assert!(parse_fault_share("451:0").is_err());
        assert!(parse_fault_code("550").is_err());
        assert!(parse_max_size("0").is_err());
        assert!(parse_profile("163").is_ok());
        assert_eq!(parse_profile("gmail"), Ok(Profile::Gmail));
        assert_eq!(parse_profile("QQ"), Ok(Profile::QqMail));
        assert_eq!(
            parse_token("a@gmail.com:ya29.a0-x_y~z+/=="),
            Ok(("a@gmail.com".into(), "ya29.a0-x_y~z+/==".into()))
        );
        // RFC 6750 §2.1's b64token: no space, no control character, not empty.
        assert!(parse_token("a@gmail.com:two words").is_err());
        assert!(parse_token("a@gmail.com:x\x01").is_err());
        assert!(parse_token("a@gmail.com:").is_err());
        assert!(parse_token("no-colon").is_err());
    }

    fn go_ahead() -> Vec<Event> {
        let mut server = Server::new(ServerConfig::new(Profile::Postfix), "127.0.0.1", "now");
        server.receive(b"EHLO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\n");
        server.receive(b"DATA\r\n")
    }

    #[test]
    fn transcript_groups_pipelining_and_cuts_bodies() {
        let mut lines = ClientLines::new(true);
        let none: Vec<Event> = Vec::new();
        let out = lines.read(
            b"MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n",
            Mode::Command,
            &go_ahead(),
        );
        assert_eq!(out[0], "-- pipelined: 3 commands in one read");
        assert_eq!(out[3], "C: DATA");
        let body: String = (0..30).map(|i| format!("line {i}\r\n")).collect();
        let out = lines.read(body.as_bytes(), Mode::Data, &none);
        assert_eq!(out.len(), LOGGED_BODY_LINES);
        let out = lines.read(b".\r\nQUIT\r\n", Mode::Data, &none);
        assert_eq!(out, ["C: … (10 more lines)", "C: .", "C: QUIT"]);
        let out = lines.read(b"BDAT 5 LAST\r\nab\r\nc", Mode::Command, &none);
        assert_eq!(out, ["C: BDAT 5 LAST", "C: … (5 octets of BDAT data)"]);
        let out = lines.read(b"NO\x1b[2JOP", Mode::Command, &none);
        assert!(out.is_empty());
        assert_eq!(lines.finish(), ["C: NO\\u{1b}[2JOP   (no line end)"]);
    }

    #[test]
    fn client_lines_are_shown_as_sent_or_escaped() {
        assert_eq!(client_line(b"MAIL FROM:<a@b>\r", 16), "C: MAIL FROM:<a@b>");
        assert_eq!(printable(b"a\tb ~", 5), "a\tb ~");
        assert_eq!(printable(b"caf\xc3\xa9\r", 6), "caf\u{e9}");
        assert_eq!(printable(b"a\x7fb\rc\r", 6), "a\\u{7f}b\\rc");
        assert_eq!(printable(b"\xff", 1), "\u{fffd}");
        // 999 characters are shown whole; 1000 and more octets are cut at 1000 characters.
        let line = vec![b'x'; 999];
        assert_eq!(printable(&line, 999), "x".repeat(999));
        let line = vec![b'x'; 1001];
        assert_eq!(
            printable(&line, 1001),
            format!("{} … (1 more octets)", "x".repeat(1000))
        );
    }

    #[test]
    fn long_lines_are_cut_in_the_log() {
        let line = vec![b'x'; 5000];
        let text = printable(&line, 5001);
        assert!(text.ends_with(" … (4000 more octets)"), "{text}");
    }
}
