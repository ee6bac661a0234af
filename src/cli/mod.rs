//! The native command line: the engine's second face, for terminals and scripts.
//!
//! Subcommands arrive with the features they show; each renders engine values and
//! computes nothing of its own.

mod analyze;
mod auth;
mod capture;
mod clock;
mod dkim;
mod dmarc;
mod explain;
mod msgauth_out;
mod scenario;
mod send;
mod send_tls;
mod serve;
mod spf;
mod tls_info;
mod trace_json;
mod verify;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// The command line of `smtp-trainer`.
#[derive(Debug, Parser)]
#[command(name = "smtp-trainer", version, about = "SMTP and SASL protocol trainer", long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain a reply code, an enhanced status code, or a whole reply line.
    ///
    /// Examples: `explain 553`, `explain "553 5.7.1"`, `explain 5.7.8`,
    /// `explain "Got: 553 Mail from must equal authorized user"`, `explain 55` (search),
    /// `explain saslauthd` (search by word).
    Explain(explain::Args),
    /// Run the simulated SMTP server on a TCP port, for real clients (swaks, smtplib).
    ///
    /// Each connection gets its own session of the engine (a task on a tokio runtime, with
    /// limits per client and in all, and idle, per-command and per-session deadlines), which
    /// answers in the chosen
    /// profile's wording (only the timeout and too-many-connections replies are the
    /// command's own). The transcript of every session goes to stdout. Binds
    /// to loopback unless --allow-remote; STARTTLS is offered with real TLS (rustls) and a
    /// self-signed certificate unless --cert/--key give one, or --no-tls turns it off.
    Serve(serve::Args),
    /// Compute a client's SASL response, showing every intermediate value.
    ///
    /// Examples: `auth cram-md5 --user tim --password tanstaaftanstaaf` (RFC 2195's
    /// challenge), `auth digest-md5 --user chris --password secret --cnonce OA6MHXh6VqTrRk
    /// --digest-uri imap/elwood.innosoft.com` (RFC 2831's example), `auth plain --user alice
    /// --password secret`.
    Auth(auth::Args),
    /// Check a captured SASL response: explain every field and, given the password, say
    /// whether it is valid and which mistake made it wrong. Exit 0 valid (or no password
    /// given), 1 invalid, 2 usage error.
    Verify(verify::Args),
    /// Compose a message and send it over TCP with the engine's client, printing the dialog
    /// with every reply explained. Exit 0 when accepted for every recipient, 1 when not,
    /// 2 for bad arguments.
    Send(send::Args),
    /// Analyze a pasted SMTP log (telnet, Sent:/Got:, swaks, smtplib, C:/S:, Postfix,
    /// Sendmail and Exim logs …): a diagnosis, then every line annotated. A packet capture
    /// (pcap or pcapng, recognised by its magic number) has every SMTP stream reassembled,
    /// timed and analyzed. Exit 0; 1 if --password finds an invalid AUTH; 2 if the file
    /// cannot be read.
    Analyze(analyze::Args),
    /// Scenario files (docs/scenarios.md): `scenario check FILE…` validates each file, naming
    /// every error with its line, and plays its solution against its server.
    Scenario(scenario::Args),
    /// DKIM signatures, step by step: `dkim verify --message FILE --key-record 'v=DKIM1;
    /// k=…; p=…'` (or `--records FILE`) shows the tags, the canonicalized header fields and
    /// body, the body hash, the header hash input and the signature check, and names the
    /// first failing step; `dkim sign` builds a signature the same way.
    Dkim(dkim::Args),
    /// SPF, mechanism by mechanism: `spf check --ip … --mail-from … --helo … --records
    /// FILE` (the DNS data supplied, no DNS), with the lookups counted against the limit.
    Spf(spf::Args),
    /// DMARC: `dmarc check --records FILE --message FILE [--ip …]` finds the policy,
    /// checks SPF and DKIM alignment with From:, and says what a receiver does.
    Dmarc(dmarc::Args),
}

/// `--lang`: the language of the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl LangArg {
    /// The chosen language, or the one `LC_ALL`/`LC_MESSAGES`/`LANG` name, or English.
    pub fn resolve(choice: Option<LangArg>) -> Lang {
        match choice {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Zh) => Lang::Zh,
            None => ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| std::env::var(name).ok())
                .find(|value| !value.is_empty())
                .and_then(|value| Lang::from_tag(&value))
                .unwrap_or_default(),
        }
    }
}

/// The exit status of a usage error: bad arguments, or a file that cannot be read.
const EXIT_USAGE: u8 = 2;

/// A usage error: said on standard error and, with `--json`, also as `{"error": "…"}` on
/// standard output, so a script reading the JSON gets an answer. Exit status 2.
fn usage_error(
    out: &mut impl std::io::Write,
    json: bool,
    message: &str,
) -> std::io::Result<ExitCode> {
    eprintln!("smtp-trainer: {message}");
    if json {
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "error": message }))
            .map_err(std::io::Error::other)?;
        writeln!(out)?;
    }
    Ok(ExitCode::from(EXIT_USAGE))
}

/// Parses the process's arguments and runs the subcommand.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Explain(args) => explain::run(&args, &mut std::io::stdout().lock()),
        // Not under one lock: the server's session threads write the transcript.
        Command::Serve(args) => serve::run(&args),
        Command::Auth(args) => auth::run(&args, &mut std::io::stdout().lock()),
        Command::Verify(args) => verify::run(&args, &mut std::io::stdout().lock()),
        Command::Send(args) => send::run(&args, &mut std::io::stdout().lock()),
        Command::Analyze(args) => analyze::run(&args, &mut std::io::stdout().lock()),
        Command::Scenario(args) => scenario::run(&args, &mut std::io::stdout().lock()),
        Command::Dkim(args) => dkim::run(&args, &mut std::io::stdout().lock()),
        Command::Spf(args) => spf::run(&args, &mut std::io::stdout().lock()),
        Command::Dmarc(args) => dmarc::run(&args, &mut std::io::stdout().lock()),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`| head`) is not worth a message.
            if err.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("smtp-trainer: {err}");
            }
            ExitCode::FAILURE
        }
    }
}
