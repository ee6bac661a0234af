//! `smtp-trainer verify`: check a captured SASL exchange by hand, or every AUTH exchange of
//! a transcript.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::trace_json::{steps, StepJson};
use super::LangArg;
use crate::analyze::auth::{verify_transcript, Checked};
use crate::i18n::{Lang, Tr};
use crate::sasl::verify::{verify_with, Mechanism, Options, Report, Verdict};

/// Arguments of `verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256 or NTLM (any case).
    /// Not with --transcript, which finds the mechanisms itself.
    #[arg(required_unless_present = "transcript")]
    mechanism: Option<String>,
    /// The server's challenge (base64 as in the 334 line, or decoded); not needed for
    /// PLAIN and LOGIN. SCRAM: the server-first-message; NTLM: the CHALLENGE message.
    #[arg(long, default_value = "")]
    challenge: String,
    /// The client's response (base64 as sent, or decoded: the verdict is about the
    /// computation either way). SCRAM: the client-first and the client-final message on two
    /// lines; NTLM: the AUTHENTICATE message.
    #[arg(long, required_unless_present = "transcript")]
    response: Option<String>,
    /// The response is exactly what the client sent on the wire: then a response that is
    /// not base64 is itself the mistake (RFC 4954 §4).
    #[arg(long)]
    as_sent: bool,
    /// The server's last word, checked too when given: DIGEST-MD5's second challenge
    /// (rspauth=…), SCRAM's server-final-message (v=…).
    #[arg(long)]
    server_final: Option<String>,
    /// A transcript or log (a file, or - for standard input) in any form `analyze` reads:
    /// every AUTH exchange in it is found and, with --password, judged as sent.
    #[arg(long, conflicts_with_all = ["mechanism", "response", "challenge", "as_sent", "server_final"])]
    transcript: Option<PathBuf>,
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
    if let Some(path) = &args.transcript {
        return run_transcript(args, path, out, lang);
    }
    let name = args.mechanism.as_deref().unwrap_or("");
    let Some(mechanism) = Mechanism::from_name(name) else {
        let message = UNKNOWN_MECHANISM.fill(lang, &[("name", &format!("{name:?}"))]);
        return super::usage_error(out, args.json, &message);
    };
    let options = Options {
        as_sent: args.as_sent,
        server_final: args.server_final.clone(),
    };
    let report = match verify_with(
        mechanism,
        &args.challenge,
        args.response.as_deref().unwrap_or(""),
        args.password.as_deref(),
        &options,
    ) {
        Ok(report) => report,
        Err(err) => return super::usage_error(out, args.json, &err.describe(lang)),
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
        Some(Verdict::Valid) => writeln!(out, "\n{}", VALID.get(lang))?,
        Some(Verdict::Invalid(mistake)) => {
            writeln!(out, "\n{}", INVALID.get(lang))?;
            writeln!(out, "{}", mistake.describe(lang))?;
            writeln!(
                out,
                "{}{}{}",
                FIRST_DIFFERENCE.get(lang),
                lang.colon(),
                mistake.first_step(mechanism)
            )?;
            if let Some(expected) = &report.expected {
                writeln!(out, "\n{}", CORRECT_COMPUTATION.get(lang))?;
                write!(out, "{}", expected.render(lang))?;
            }
        }
    }
    Ok(())
}

fn report_json<'a>(mechanism: Mechanism, report: &'a Report, lang: Lang) -> VerifyJson<'a> {
    let (valid, mistake, first) = match &report.verdict {
        None => (None, None, None),
        Some(Verdict::Valid) => (Some(true), None, None),
        Some(Verdict::Invalid(m)) => (
            Some(false),
            Some(m.describe(lang)),
            Some(m.first_step(mechanism)),
        ),
    };
    VerifyJson {
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
    }
}

fn write_json(
    out: &mut impl Write,
    mechanism: Mechanism,
    report: &Report,
    lang: Lang,
) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report_json(mechanism, report, lang))
        .map_err(io::Error::other)?;
    writeln!(out)
}

#[derive(Serialize)]
pub(super) struct ExchangeJson<'a> {
    session: u32,
    line: usize,
    last_line: usize,
    mechanism: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    user: Option<&'a str>,
    /// The final reply's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<u16>,
    /// Whether the verdict agrees with the server's reply.
    #[serde(skip_serializing_if = "Option::is_none")]
    agrees_with_server: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<VerifyJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unchecked: Option<String>,
}

const UNKNOWN_MECHANISM: Tr = Tr::new(
    "unknown mechanism {name}; use PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256 or NTLM",
    "未知的机制 {name}；请使用 PLAIN、LOGIN、CRAM-MD5、DIGEST-MD5、SCRAM-SHA-1、SCRAM-SHA-256 或 NTLM",
);
const VALID: Tr = Tr::new(
    "VALID: the response is what this password gives.",
    "有效：该响应正是这个密码算出的结果。",
);
const INVALID: Tr = Tr::new("INVALID.", "无效。");
const FIRST_DIFFERENCE: Tr = Tr::new("First step that differs", "第一个出错的步骤");
const CORRECT_COMPUTATION: Tr = Tr::new("The correct computation:", "正确的计算过程：");
const NO_EXCHANGE: Tr = Tr::new(
    "No AUTH exchange found in this transcript.",
    "这份记录中没有找到 AUTH 交换。",
);
const EXCHANGE: Tr = Tr::new("AUTH exchange", "AUTH 交换");
const LINES: Tr = Tr::new("lines", "行");
const SESSION: Tr = Tr::new("session", "会话");
const SERVER_SAID: Tr = Tr::new("the server answered", "服务器的回答");
const DISAGREES: Tr = Tr::new(
    "The verdict and the server's answer differ: is this the password the server has for this user?",
    "判定与服务器的回答不一致：这是服务器上该用户的密码吗？",
);
const NOT_CHECKED: Tr = Tr::new("Not checked", "未校验");

/// `verify --transcript`: every AUTH exchange, judged as sent. Exit 1 when any verdict is
/// invalid, 2 when the file cannot be read or holds no exchange.
fn run_transcript(
    args: &Args,
    path: &PathBuf,
    out: &mut impl Write,
    lang: Lang,
) -> io::Result<ExitCode> {
    let text = match super::analyze::read_input(Some(path)) {
        Ok(text) => text,
        Err(err) => {
            let message = format!("{}: {err}", path.display());
            return super::usage_error(out, args.json, &message);
        }
    };
    let checked = verify_transcript(&text, args.password.as_deref());
    if args.json {
        let json: Vec<ExchangeJson> = checked.iter().map(|c| exchange_json(c, lang)).collect();
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    } else if checked.is_empty() {
        writeln!(out, "{}", NO_EXCHANGE.get(lang))?;
    } else {
        for (i, c) in checked.iter().enumerate() {
            write_exchange(out, c, i > 0, lang)?;
        }
    }
    let invalid = checked.iter().any(|c| {
        c.result
            .as_ref()
            .is_ok_and(|r| matches!(r.verdict, Some(Verdict::Invalid(_))))
    });
    Ok(if checked.is_empty() {
        ExitCode::from(super::EXIT_USAGE)
    } else if invalid {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    })
}

pub(super) fn exchange_json(c: &Checked, lang: Lang) -> ExchangeJson<'_> {
    let e = &c.exchange;
    ExchangeJson {
        session: e.session,
        line: e.line,
        last_line: e.last_line,
        mechanism: &e.mechanism,
        user: c.user.as_deref(),
        outcome: e.outcome,
        agrees_with_server: c.agrees_with_server(),
        report: match (&c.result, c.mechanism) {
            (Ok(report), Some(m)) => Some(report_json(m, report, lang)),
            _ => None,
        },
        unchecked: c.result.as_ref().err().map(|u| u.describe(lang)),
    }
}

pub(super) fn write_exchange(
    out: &mut impl Write,
    c: &Checked,
    gap: bool,
    lang: Lang,
) -> io::Result<()> {
    let e = &c.exchange;
    if gap {
        writeln!(out)?;
    }
    // In Chinese, full-width brackets and punctuation, the line numbers as 第 … 行.
    let zh = lang == Lang::Zh;
    let (open, close, comma, semi) = if zh {
        ("（", "）", "，", "；")
    } else {
        (" (", ")", ", ", "; ")
    };
    let lines = if zh {
        format!("第 {}–{} 行", e.line, e.last_line)
    } else {
        format!("{} {}–{}", LINES.get(lang), e.line, e.last_line)
    };
    write!(
        out,
        "== {} {}{open}{lines}",
        EXCHANGE.get(lang),
        e.mechanism
    )?;
    if e.session != 0 {
        write!(out, "{comma}{} {}", SESSION.get(lang), e.session)?;
    }
    if let Some(user) = &c.user {
        write!(out, "{comma}{user}")?;
    }
    if let Some(code) = e.outcome {
        write!(out, "{semi}{} {code}", SERVER_SAID.get(lang))?;
    }
    writeln!(out, "{close}")?;
    match (&c.result, c.mechanism) {
        (Ok(report), Some(mechanism)) => {
            write_text(out, mechanism, report, lang)?;
            if c.agrees_with_server() == Some(false) {
                writeln!(out, "! {}", DISAGREES.get(lang))?;
            }
        }
        (Err(why), _) => writeln!(out, "{}: {}", NOT_CHECKED.get(lang), why.describe(lang))?,
        (Ok(_), None) => {}
    }
    Ok(())
}
