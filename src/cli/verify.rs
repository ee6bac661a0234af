//! `smtp-trainer verify`: check a captured SASL exchange by hand.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::trace_json::{steps, StepJson};
use super::LangArg;
use crate::i18n::Lang;
use crate::sasl::verify::{verify, Mechanism, Report, Verdict};

/// Arguments of `verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256 or NTLM (any case).
    mechanism: String,
    /// The server's challenge (base64 as in the 334 line, or decoded); not needed for
    /// PLAIN and LOGIN. SCRAM: the server-first-message; NTLM: the CHALLENGE message.
    #[arg(long, default_value = "")]
    challenge: String,
    /// The client's response (base64 as sent, or decoded). SCRAM: the client-first and the
    /// client-final message on two lines; NTLM: the AUTHENTICATE message.
    #[arg(long)]
    response: String,
    /// The password: with it the response is checked, without it only explained.
    #[arg(long)]
    password: Option<String>,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

const EXIT_INVALID: u8 = 1;
const EXIT_USAGE: u8 = 2;

#[derive(Serialize)]
struct FieldJson<'a> {
    name: &'a str,
    value: &'a str,
    explain: &'static str,
}

#[derive(Serialize)]
struct VerifyJson<'a> {
    mechanism: &'static str,
    fields: Vec<FieldJson<'a>>,
    notes: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mistake: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_wrong_step: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<Vec<StepJson>>,
}

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let Some(mechanism) = Mechanism::from_name(&args.mechanism) else {
        eprintln!(
            "smtp-trainer: {}",
            match lang {
                Lang::En => format!(
                    "unknown mechanism {:?}; use PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256 or NTLM",
                    args.mechanism
                ),
                Lang::Zh => format!(
                    "未知的机制 {:?}；请使用 PLAIN、LOGIN、CRAM-MD5、DIGEST-MD5、SCRAM-SHA-1、SCRAM-SHA-256 或 NTLM",
                    args.mechanism
                ),
            }
        );
        return Ok(ExitCode::from(EXIT_USAGE));
    };
    let report = match verify(
        mechanism,
        &args.challenge,
        &args.response,
        args.password.as_deref(),
    ) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("smtp-trainer: {}", err.describe(lang));
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    if args.json {
        write_json(out, mechanism, &report, lang)?;
    } else {
        write_text(out, mechanism, &report, lang)?;
    }
    Ok(match report.verdict {
        Some(Verdict::Invalid(_)) => ExitCode::from(EXIT_INVALID),
        _ => ExitCode::SUCCESS,
    })
}

fn write_text(
    out: &mut impl Write,
    mechanism: Mechanism,
    report: &Report,
    lang: Lang,
) -> io::Result<()> {
    for note in &report.notes {
        writeln!(out, "! {}", note.get(lang))?;
    }
    let width = report
        .fields
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0);
    for field in &report.fields {
        writeln!(out, "{:<width$}  {}", field.name, field.value)?;
        writeln!(out, "{:<width$}  {}", "", field.explain.get(lang))?;
    }
    match &report.verdict {
        None => {}
        Some(Verdict::Valid) => writeln!(
            out,
            "\n{}",
            match lang {
                Lang::En => "VALID: the response is what this password gives.",
                Lang::Zh => "有效：该响应正是这个密码算出的结果。",
            }
        )?,
        Some(Verdict::Invalid(mistake)) => {
            writeln!(
                out,
                "\n{}",
                match lang {
                    Lang::En => "INVALID.",
                    Lang::Zh => "无效。",
                }
            )?;
            writeln!(out, "{}", mistake.describe(lang))?;
            writeln!(
                out,
                "{}: {}",
                match lang {
                    Lang::En => "First step that differs",
                    Lang::Zh => "第一个出错的步骤",
                },
                mistake.first_step(mechanism)
            )?;
            if let Some(expected) = &report.expected {
                writeln!(
                    out,
                    "\n{}",
                    match lang {
                        Lang::En => "The correct computation:",
                        Lang::Zh => "正确的计算过程：",
                    }
                )?;
                write!(out, "{}", expected.render(lang))?;
            }
        }
    }
    Ok(())
}

fn write_json(
    out: &mut impl Write,
    mechanism: Mechanism,
    report: &Report,
    lang: Lang,
) -> io::Result<()> {
    let (valid, mistake, first) = match &report.verdict {
        None => (None, None, None),
        Some(Verdict::Valid) => (Some(true), None, None),
        Some(Verdict::Invalid(m)) => (
            Some(false),
            Some(m.describe(lang)),
            Some(m.first_step(mechanism)),
        ),
    };
    let json = VerifyJson {
        mechanism: mechanism.name(),
        fields: report
            .fields
            .iter()
            .map(|f| FieldJson {
                name: &f.name,
                value: &f.value,
                explain: f.explain.get(lang),
            })
            .collect(),
        notes: report.notes.iter().map(|n| n.get(lang)).collect(),
        valid,
        mistake,
        first_wrong_step: first,
        expected: report.expected.as_ref().map(|t| steps(t, lang)),
    };
    serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
    writeln!(out)
}
