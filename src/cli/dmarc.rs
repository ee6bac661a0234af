//! `smtp-trainer dmarc check`: the From: domain's DMARC policy, alignment and verdict —
//! from given SPF/DKIM results, or computed here from a message and the records file.

use std::io::{self, Write};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::msgauth_out::{read_input, read_zone, render, EXIT_FAIL, EXIT_USAGE};
use super::trace_json::{steps, StepJson};
use super::LangArg;
use crate::i18n::Lang;
use crate::msgauth::dkim::verify::{verify, VerifyInput};
use crate::msgauth::dkim::{message, signature};
use crate::msgauth::dmarc::policy::{describe, from_domain};
use crate::msgauth::dmarc::{evaluate, AuthResults};
use crate::msgauth::spf::{check_host, SpfResult};

/// Arguments of `dmarc`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    command: DmarcCommand,
}

#[derive(Debug, clap::Subcommand)]
enum DmarcCommand {
    /// Find the From: domain's DMARC record, check SPF and DKIM alignment, and say what a
    /// receiver does. With --message, DKIM is verified here (keys from --records); with
    /// --ip, SPF is evaluated here. Exit 0 for pass or no policy, 1 for fail, 2 for bad
    /// arguments.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The DNS data (records file): _dmarc TXT records, and SPF/DKIM records when they are
    /// computed here.
    #[arg(long)]
    records: PathBuf,
    /// The message: its From: domain, and its DKIM signatures verified.
    #[arg(long, required_unless_present = "from_domain")]
    message: Option<PathBuf>,
    /// The From: domain (instead of --message).
    #[arg(long)]
    from_domain: Option<String>,
    /// The connecting address: evaluate SPF here (with --mail-from, --helo).
    #[arg(long)]
    ip: Option<IpAddr>,
    /// MAIL FROM, for SPF.
    #[arg(long, default_value = "")]
    mail_from: String,
    /// HELO, for SPF.
    #[arg(long, default_value = "")]
    helo: String,
    /// An SPF result computed elsewhere: pass, fail, softfail, neutral, none, permerror,
    /// temperror (with --spf-domain).
    #[arg(long, conflicts_with = "ip", requires = "spf_domain")]
    spf_result: Option<String>,
    /// The domain SPF checked (MAIL FROM's).
    #[arg(long)]
    spf_domain: Option<String>,
    /// A DKIM result computed elsewhere, DOMAIN=pass or DOMAIN=fail; repeatable.
    #[arg(long)]
    dkim: Vec<String>,
    /// The receiver's draw against pct= (0–99): the policy applies when it is below pct.
    #[arg(long, default_value_t = 0)]
    sample: u8,
    /// The time for DKIM's x=, seconds since 1970 (default: now).
    #[arg(long)]
    now: Option<u64>,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct DmarcJson {
    from_domain: String,
    spf: Option<(String, String)>,
    dkim: Vec<(String, bool)>,
    result: Option<&'static str>,
    disposition: Option<&'static str>,
    verdict: String,
    steps: Vec<StepJson>,
}

fn usage(message: String) -> io::Result<ExitCode> {
    eprintln!("smtp-trainer: {message}");
    Ok(ExitCode::from(EXIT_USAGE))
}

fn spf_result(name: &str) -> Option<SpfResult> {
    Some(match name.to_ascii_lowercase().as_str() {
        "pass" => SpfResult::Pass,
        "fail" => SpfResult::Fail,
        "softfail" => SpfResult::SoftFail,
        "neutral" => SpfResult::Neutral,
        "none" => SpfResult::None,
        "permerror" => SpfResult::PermError,
        "temperror" => SpfResult::TempError,
        _ => return None,
    })
}

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let DmarcCommand::Check(args) = &args.command;
    let lang = LangArg::resolve(args.lang);
    let zone = match read_zone(&args.records, lang) {
        Ok(z) => z,
        Err(e) => return usage(e),
    };
    let mut dkim: Vec<(String, bool)> = Vec::new();
    for d in &args.dkim {
        match d.rsplit_once('=') {
            Some((domain, "pass")) => dkim.push((domain.to_ascii_lowercase(), true)),
            Some((domain, "fail")) => dkim.push((domain.to_ascii_lowercase(), false)),
            _ => return usage(format!("--dkim {d:?}: use DOMAIN=pass or DOMAIN=fail")),
        }
    }
    let mut from = args.from_domain.clone().map(|d| d.to_ascii_lowercase());
    if let Some(path) = &args.message {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => return usage(format!("{}: {e}", path.display())),
        };
        if from.is_none() {
            from = from_domain(&bytes);
        }
        let count = message::parse(&bytes)
            .map(|m| m.fields.iter().filter(|f| f.is("DKIM-Signature")).count())
            .unwrap_or(0);
        let now = args.now.unwrap_or_else(super::clock::now_secs);
        for i in 0..count {
            let msg = message::parse(&bytes).ok();
            let sig = msg.as_ref().and_then(|m| {
                m.fields
                    .iter()
                    .filter(|f| f.is("DKIM-Signature"))
                    .nth(i)
                    .and_then(|f| signature::parse(f.value()).ok())
            });
            let Some(sig) = sig else { continue };
            let record = zone
                .txt(&format!("{}._domainkey.{}", sig.selector, sig.domain))
                .join("");
            let r = verify(&VerifyInput {
                message: &bytes,
                index: i,
                key_record: &record,
                now: Some(now),
            });
            dkim.push((sig.domain.clone(), r.pass()));
        }
    }
    let Some(from) = from else {
        return usage(match lang {
            Lang::En => "the message has no From: address with a domain".into(),
            Lang::Zh => "邮件没有带域名的 From: 地址".into(),
        });
    };
    let spf = match (&args.ip, &args.spf_result) {
        (Some(ip), _) => {
            let r = check_host(&zone, *ip, &args.mail_from, &args.helo);
            Some((r.result, r.domain))
        }
        (None, Some(name)) => match spf_result(name) {
            Some(res) => Some((res, args.spf_domain.clone().unwrap_or_default())),
            None => return usage(format!("--spf-result {name:?}: use pass, fail, softfail, neutral, none, permerror or temperror")),
        },
        (None, None) => None,
    };
    let results = AuthResults {
        spf: spf.clone(),
        dkim: dkim.clone(),
    };
    let report = evaluate(&zone, &from, &results, args.sample);
    if args.json {
        let json = DmarcJson {
            from_domain: from,
            spf: spf.map(|(r, d)| (r.name().to_string(), d)),
            dkim,
            result: report.pass.map(|p| if p { "pass" } else { "fail" }),
            disposition: report.disposition.map(|d| d.name()),
            verdict: describe(&report, lang),
            steps: steps(&report.trace, lang),
        };
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", render(&report.trace, lang))?;
        writeln!(out, "\n{}", describe(&report, lang))?;
    }
    Ok(if report.pass == Some(false) {
        ExitCode::from(EXIT_FAIL)
    } else {
        ExitCode::SUCCESS
    })
}
