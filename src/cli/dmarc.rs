//! `smtp-trainer dmarc check`: the From: domain's DMARC policy, alignment and verdict —
//! from given SPF/DKIM results, or computed here from a message and the records file.

use std::io::{self, Write};
use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::msgauth_out::{read_input, read_zone, render, EXIT_FAIL};
use super::trace_json::{steps, StepJson};
use super::LangArg;
use crate::i18n::Tr;
use crate::msgauth::dkim::verify::{verify, VerifyInput};
use crate::msgauth::dkim::{message, signature};
use crate::msgauth::dmarc::policy::{authors, describe, Authors};
use crate::msgauth::dmarc::{evaluate, report, AuthResults};
use crate::msgauth::page::spf_result;
use crate::msgauth::spf::check_host;

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
    /// Explain an aggregate report (the XML receivers send to rua=, unpacked): who sent as
    /// the domain, how much, what passed for which domain, what was done, and for each
    /// source the likely cause and fix. Exit 0, 2 if it cannot be read.
    Report(ReportArgs),
}

#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// The report's XML file (unpacked from its .gz or .zip), or - for standard input.
    report: PathBuf,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct RowJson {
    source_ip: String,
    count: u64,
    header_from: String,
    envelope_from: String,
    disposition: String,
    dkim: String,
    spf: String,
    dkim_results: Vec<(String, String, String)>,
    spf_results: Vec<(String, String, String)>,
    diagnosis: String,
    /// The receiver's override reasons: type and comment.
    overrides: Vec<(String, String)>,
    /// What they mean, when there are any.
    override_note: Option<String>,
}

#[derive(Serialize)]
struct ReportJson {
    org_name: String,
    email: String,
    report_id: String,
    begin: Option<u64>,
    end: Option<u64>,
    domain: String,
    policy: String,
    rows: Vec<RowJson>,
}

fn run_report(args: &ReportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let bytes = match read_input(&args.report) {
        Ok(b) => b,
        Err(e) => {
            return super::usage_error(out, args.json, &format!("{}: {e}", args.report.display()))
        }
    };
    let report = match report::parse(&String::from_utf8_lossy(&bytes)) {
        Ok(r) => r,
        Err(e) => return super::usage_error(out, args.json, &e.describe(lang)),
    };
    let p = &report.published;
    let policy = format!(
        "p={} sp={} pct={} adkim={} aspf={}",
        p.p, p.sp, p.pct, p.adkim, p.aspf
    );
    let date = |t: Option<u64>| t.map(super::clock::rfc5322).unwrap_or_default();
    if args.json {
        let json = ReportJson {
            org_name: report.org_name.clone(),
            email: report.email.clone(),
            report_id: report.report_id.clone(),
            begin: report.begin,
            end: report.end,
            domain: p.domain.clone(),
            policy,
            rows: report
                .rows
                .iter()
                .map(|r| RowJson {
                    source_ip: r.source_ip.clone(),
                    count: r.count,
                    header_from: r.header_from.clone(),
                    envelope_from: r.envelope_from.clone(),
                    disposition: r.disposition.clone(),
                    dkim: r.dkim.clone(),
                    spf: r.spf.clone(),
                    dkim_results: r
                        .dkim_results
                        .iter()
                        .map(|a| (a.domain.clone(), a.detail.clone(), a.result.clone()))
                        .collect(),
                    spf_results: r
                        .spf_results
                        .iter()
                        .map(|a| (a.domain.clone(), a.detail.clone(), a.result.clone()))
                        .collect(),
                    diagnosis: report::diagnose(r, p).describe(lang),
                    overrides: r
                        .overrides
                        .iter()
                        .map(|o| (o.kind.clone(), o.comment.clone()))
                        .collect(),
                    override_note: report::override_note(r, lang),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let total: u64 = report.rows.iter().map(|r| r.count).sum();
    writeln!(
        out,
        "{}",
        REPORT_FROM.fill(
            lang,
            &[
                ("org", &report.org_name),
                ("email", &report.email),
                ("id", &report.report_id),
            ]
        )
    )?;
    writeln!(
        out,
        "{}",
        PERIOD.fill(
            lang,
            &[("begin", &date(report.begin)), ("end", &date(report.end))]
        )
    )?;
    writeln!(
        out,
        "{}",
        POLICY_PUBLISHED.fill(lang, &[("domain", &p.domain), ("policy", &policy)])
    )?;
    writeln!(
        out,
        "{}\n",
        SOURCES.fill(lang, &[("sources", &report.rows.len()), ("total", &total)])
    )?;
    for r in &report.rows {
        let results = |list: &[report::AuthResult]| {
            if list.is_empty() {
                return NO_RESULT.get(lang).to_owned();
            }
            list.iter()
                .map(|a| {
                    // The selector (DKIM) or scope (SPF), when the report gives one.
                    if a.detail.is_empty() {
                        format!("{} {}", a.domain, a.result)
                    } else {
                        format!("{} ({}) {}", a.domain, a.detail, a.result)
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        writeln!(
            out,
            "{} × {}  From: {}  envelope: {}",
            r.source_ip,
            r.count,
            r.header_from,
            if r.envelope_from.is_empty() {
                "-"
            } else {
                &r.envelope_from
            }
        )?;
        writeln!(
            out,
            "    DMARC dkim={} spf={} → {}",
            r.dkim, r.spf, r.disposition
        )?;
        writeln!(out, "    DKIM: {}", results(&r.dkim_results))?;
        writeln!(out, "    SPF:  {}", results(&r.spf_results))?;
        writeln!(out, "    {}", report::diagnose(r, p).describe(lang))?;
        if let Some(note) = report::override_note(r, lang) {
            writeln!(out, "    {note}")?;
        }
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
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
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..100))]
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

const REPORT_FROM: Tr = Tr::new(
    "Aggregate report from {org} <{email}>, id {id}",
    "聚合报告，来自 {org} <{email}>，编号 {id}",
);
const PERIOD: Tr = Tr::new("Period: {begin} – {end}", "时段：{begin} – {end}");
const POLICY_PUBLISHED: Tr = Tr::new(
    "Policy published for {domain}: {policy}",
    "{domain} 发布的策略：{policy}",
);
/// A row without DKIM or SPF results in the report.
const NO_RESULT: Tr = Tr::new("none in the report", "报告中没有");
const SOURCES: Tr = Tr::new(
    "Sources: {sources}; messages: {total} (RFC 7489 §7.2: one row per source address and result).",
    "{sources} 个来源，{total} 封邮件（RFC 7489 §7.2：每个来源地址和结果一行）。",
);
const NO_FROM_DOMAIN: Tr = Tr::new(
    "the message has no From: address with a domain",
    "邮件没有带域名的 From: 地址",
);
const SEVERAL_AUTHORS: Tr = Tr::new(
    "From: names authors in several domains ({domains}). RFC 7489 §6.6.1: a receiver evaluates DMARC for each of them, and many reject such a message outright; give --from-domain to evaluate one",
    "From: 中的作者属于多个域（{domains}）。RFC 7489 §6.6.1：接收方要对其中每个域分别评估 DMARC，很多接收方会直接拒收这样的邮件；请用 --from-domain 指定要评估的一个",
);
const SEVERAL_FROM_FIELDS: Tr = Tr::new(
    "the message has {count} From: fields, where RFC 5322 §3.6 allows one; RFC 7489 §6.6.1: receivers typically reject such a message. Give --from-domain to evaluate one",
    "邮件有 {count} 个 From: 字段，而 RFC 5322 §3.6 只允许一个；RFC 7489 §6.6.1：接收方通常会拒收这样的邮件。请用 --from-domain 指定要评估的一个",
);

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let args = match &args.command {
        DmarcCommand::Check(a) => a,
        DmarcCommand::Report(a) => return run_report(a, out),
    };
    let lang = LangArg::resolve(args.lang);
    let zone = match read_zone(&args.records, lang) {
        Ok(z) => z,
        Err(e) => return super::usage_error(out, args.json, &e),
    };
    let mut dkim: Vec<(String, bool)> = Vec::new();
    for d in &args.dkim {
        match d.rsplit_once('=') {
            Some((domain, "pass")) => dkim.push((domain.to_ascii_lowercase(), true)),
            Some((domain, "fail")) => dkim.push((domain.to_ascii_lowercase(), false)),
            _ => {
                return super::usage_error(
                    out,
                    args.json,
                    &format!("--dkim {d:?}: use DOMAIN=pass or DOMAIN=fail"),
                )
            }
        }
    }
    let mut from = args.from_domain.clone().map(|d| d.to_ascii_lowercase());
    if let Some(path) = &args.message {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                return super::usage_error(out, args.json, &format!("{}: {e}", path.display()))
            }
        };
        if from.is_none() {
            match authors(&bytes) {
                Authors::One(domain) => from = Some(domain),
                Authors::None => {}
                Authors::Several(domains) => {
                    let domains = domains.join(", ");
                    let said = SEVERAL_AUTHORS.fill(lang, &[("domains", &domains)]);
                    return super::usage_error(out, args.json, &said);
                }
                Authors::Fields(count) => {
                    let said = SEVERAL_FROM_FIELDS.fill(lang, &[("count", &count)]);
                    return super::usage_error(out, args.json, &said);
                }
            }
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
        return super::usage_error(out, args.json, NO_FROM_DOMAIN.get(lang));
    };
    let spf = match (&args.ip, &args.spf_result) {
        (Some(ip), _) => {
            let r = check_host(&zone, *ip, &args.mail_from, &args.helo);
            Some((r.result, r.domain))
        }
        (None, Some(name)) => match spf_result(name) {
            Some(res) => Some((res, args.spf_domain.clone().unwrap_or_default())),
            None => return super::usage_error(out, args.json, &format!("--spf-result {name:?}: use pass, fail, softfail, neutral, none, permerror or temperror")),
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
