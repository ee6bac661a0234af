//! `smtp-trainer spf check`: SPF evaluated mechanism by mechanism against supplied records.

use std::io::{self, Write};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::msgauth_out::{read_zone, EXIT_FAIL};
use super::LangArg;
use crate::i18n::{Lang, Tr};
use crate::msgauth::spf::{check_host, Outcome, SpfReport, SpfResult};

/// Arguments of `spf`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    command: SpfCommand,
}

#[derive(Debug, clap::Subcommand)]
enum SpfCommand {
    /// Evaluate the MAIL FROM identity's SPF record (RFC 7208 check_host) for a connecting
    /// address, every term a step. Exit 0 for pass, 1 for any other result, 2 for bad
    /// arguments.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
    /// The connecting client's address (IPv4 or IPv6).
    #[arg(long)]
    pub(super) ip: IpAddr,
    /// The MAIL FROM address (empty or <> for a bounce: then postmaster@HELO).
    #[arg(long, default_value = "")]
    pub(super) mail_from: String,
    /// The HELO/EHLO name.
    #[arg(long, default_value = "")]
    pub(super) helo: String,
    /// The DNS data: a records file (`name TXT "v=spf1 …"`, `name A 192.0.2.1`, `name MX
    /// 10 host`, `name TEMPFAIL`; see docs/message-auth.md).
    #[arg(long)]
    pub(super) records: PathBuf,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
pub(super) struct StepJson {
    depth: usize,
    domain: String,
    id: &'static str,
    term: String,
    outcome: &'static str,
    lookups: u32,
    detail: String,
    explain: &'static str,
}

#[derive(Serialize)]
pub(super) struct SpfJson {
    pub(super) result: &'static str,
    pub(super) domain: String,
    pub(super) sender: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) error: Option<String>,
    pub(super) explain: &'static str,
    pub(super) lookups: u32,
    pub(super) void_lookups: u32,
    pub(super) steps: Vec<StepJson>,
}

pub(super) fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Match => "match",
        Outcome::NoMatch => "no-match",
        Outcome::Info => "info",
        Outcome::Error => "error",
    }
}

pub(super) fn to_json(r: &SpfReport, lang: Lang) -> SpfJson {
    SpfJson {
        result: r.result.name(),
        domain: r.domain.clone(),
        sender: r.sender.clone(),
        error: r.error.as_ref().map(|e| e.describe(lang)),
        explain: r.result.explain().get(lang),
        lookups: r.lookups,
        void_lookups: r.void_lookups,
        steps: r
            .steps
            .iter()
            .map(|s| StepJson {
                depth: s.depth,
                domain: s.domain.clone(),
                id: s.id,
                term: s.term.clone(),
                outcome: outcome_name(s.outcome),
                lookups: s.lookups,
                detail: s.said(lang),
                explain: s.explain.get(lang),
            })
            .collect(),
    }
}

/// The steps as indented text.
const LOOKUPS: Tr = Tr::new("lookups", "查询数");

pub(super) fn write_text(out: &mut impl Write, r: &SpfReport, lang: Lang) -> io::Result<()> {
    for s in &r.steps {
        let indent = "  ".repeat(s.depth);
        writeln!(
            out,
            "{indent}[{}] {} {} — {} ({}: {})",
            s.id,
            s.domain,
            s.term,
            outcome_name(s.outcome),
            LOOKUPS.get(lang),
            s.lookups
        )?;
        let said = s.said(lang);
        if !said.is_empty() {
            writeln!(out, "{indent}    {said}")?;
        }
        writeln!(out, "{indent}    {}", s.explain.get(lang))?;
    }
    if let Some(e) = &r.error {
        writeln!(out, "\n{}", e.describe(lang))?;
    }
    writeln!(
        out,
        "\nSPF: {} ({})",
        r.result.name(),
        r.result.explain().get(lang)
    )
}

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let SpfCommand::Check(args) = &args.command;
    let lang = LangArg::resolve(args.lang);
    let zone = match read_zone(&args.records, lang) {
        Ok(z) => z,
        Err(e) => return super::usage_error(out, args.json, &e),
    };
    let report = check_host(&zone, args.ip, &args.mail_from, &args.helo);
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &to_json(&report, lang))
            .map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write_text(out, &report, lang)?;
    }
    Ok(if report.result == SpfResult::Pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAIL)
    })
}
