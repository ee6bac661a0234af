//! `smtp-trainer analyze`: a pasted SMTP log, diagnosed and annotated line by line.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::LangArg;
use crate::analyze::{analyze, Analysis, Kind, Line, MAX_INPUT_BYTES};
use crate::i18n::{Lang, Tr};

/// Arguments of `analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The log to read: a file, or `-` (or nothing) for standard input. At most 1 MiB and
    /// 20 000 lines are read. A pcap or pcapng file (known by its magic number) is read as
    /// a packet capture: every SMTP stream in it (at most 64 MiB of file).
    file: Option<PathBuf>,
    /// Output language; defaults to the locale (LC_ALL, LC_MESSAGES, LANG), else English.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// With a packet capture: verify every AUTH exchange of each SMTP stream with this
    /// password, as `verify --transcript` does.
    #[arg(long)]
    password: Option<String>,
}

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let capture = super::capture::Options {
        password: args.password.as_deref(),
        json: args.json,
        lang,
    };
    if let Some(code) = super::capture::run(args.file.as_ref(), &capture, out)? {
        return Ok(code);
    }
    let text = match read_input(args.file.as_ref()) {
        Ok(text) => text,
        Err(err) => {
            let name = args
                .file
                .as_ref()
                .map_or_else(|| "-".to_string(), |p| p.display().to_string());
            let message = CANNOT_READ.fill(lang, &[("name", &name), ("err", &err)]);
            return super::usage_error(out, args.json, &message);
        }
    };
    let analysis = analyze(&text);
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &AnalysisJson::new(&analysis, lang))
            .map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write_text(out, &analysis, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads at most one byte more than the analyzer takes, so it can say it cut the input.
/// A file that is not UTF-8 but is GB18030 throughout (GBK, as Chinese Windows writes its
/// logs and a program's error messages) is read as GB18030; anything else as UTF-8 with
/// its unreadable bytes replaced.
pub(super) fn read_input(file: Option<&PathBuf>) -> io::Result<String> {
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            File::open(path)?.take(limit).read_to_end(&mut bytes)?;
        }
        _ => {
            io::stdin().lock().take(limit).read_to_end(&mut bytes)?;
        }
    }
    // PowerShell 5's `>` writes UTF-16 with a byte order mark.
    if let Some(text) = utf16_with_bom(&bytes) {
        return Ok(text);
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.into_bytes();
            crate::analyze::decode_gb18030(&bytes)
                .unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned())
        }
    })
}

/// UTF-16 text (little- or big-endian, known by its byte order mark), read with its
/// unreadable units replaced; `None` without the mark.
fn utf16_with_bom(bytes: &[u8]) -> Option<String> {
    let (little, rest) = match bytes {
        [0xff, 0xfe, rest @ ..] => (true, rest),
        [0xfe, 0xff, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = rest.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

const CANNOT_READ: Tr = Tr::new("cannot read {name}: {err}", "无法读取 {name}：{err}");
const FINDING_LINES: Tr = Tr::new("  (lines {lines})", "（第 {lines} 行）");
const LINE_SEPARATOR: Tr = Tr::new(", ", "、");
const DIAGNOSIS: Tr = Tr::new("Diagnosis", "诊断");
const NO_FINDINGS: Tr = Tr::new(
    "No problems found: no failed reply and no known mistake in this log.",
    "未发现问题：这份日志中没有失败的回复，也没有已知的错误。",
);
const FIX: Tr = Tr::new("Fix", "解决办法");
const FORMATS: Tr = Tr::new("Log forms", "日志格式");
const NONE_RECOGNISED: Tr = Tr::new("none recognised", "未识别出");
const SERVER: Tr = Tr::new("Server", "服务器");
const SEQUENCE: Tr = Tr::new("Sequence", "事务顺序");
const DECODED: Tr = Tr::new("decoded", "解码");
const CAUSE: Tr = Tr::new("Cause", "原因编号");
const SOURCE: Tr = Tr::new(" ({source})", "（依据：{source}）");
const LINES_HEADING: Tr = Tr::new("Lines", "逐行注释");
const UNKNOWN_COUNT: Tr = Tr::new("lines not recognised", "行未能识别");

pub(super) fn write_text(out: &mut impl Write, analysis: &Analysis, lang: Lang) -> io::Result<()> {
    let colon = lang.colon();
    writeln!(out, "{}{}", DIAGNOSIS.get(lang), colon.trim_end())?;
    if analysis.lines.iter().all(|l| l.raw.trim().is_empty()) {
        writeln!(out, "  {}", crate::analyze::EMPTY_LOG.get(lang))?;
    } else if analysis.findings.is_empty() {
        writeln!(out, "  {}", NO_FINDINGS.get(lang))?;
    }
    for finding in &analysis.findings {
        let lines: Vec<String> = finding.lines.iter().map(usize::to_string).collect();
        write!(
            out,
            "  [{}] {}",
            finding.severity.describe(lang),
            finding.title.get(lang)
        )?;
        if !lines.is_empty() {
            let lines = lines.join(LINE_SEPARATOR.get(lang));
            write!(out, "{}", FINDING_LINES.fill(lang, &[("lines", &lines)]))?;
        }
        writeln!(out)?;
        writeln!(out, "      {}", finding.what.get(lang))?;
        writeln!(
            out,
            "      {}{colon}{}",
            FIX.get(lang),
            finding.fix.get(lang)
        )?;
        if let Some(source) = finding.source {
            // The id and the citation stay as written (the RFC's and the vendors' words).
            writeln!(
                out,
                "      {}{colon}{}{}",
                CAUSE.get(lang),
                finding.cause,
                SOURCE.fill(lang, &[("source", &source)])
            )?;
        }
    }
    writeln!(out)?;
    let formats: Vec<&str> = analysis
        .formats
        .iter()
        .map(|f| f.describe().get(lang))
        .collect();
    let formats = if formats.is_empty() {
        NONE_RECOGNISED.get(lang).to_string()
    } else {
        formats.join("; ")
    };
    writeln!(out, "{}{colon}{formats}", FORMATS.get(lang))?;
    for server in &analysis.servers {
        match &server.version {
            Some(v) => writeln!(
                out,
                "{}{colon}{} {v}",
                SERVER.get(lang),
                server.software.name()
            )?,
            None => writeln!(out, "{}{colon}{}", SERVER.get(lang), server.software.name())?,
        }
    }
    if !analysis.sequence.is_empty() {
        writeln!(
            out,
            "{}{colon}{}",
            SEQUENCE.get(lang),
            analysis.sequence_text(lang)
        )?;
    }
    let unknown = analysis
        .lines
        .iter()
        .filter(|l| l.kind == Kind::Unknown)
        .count();
    if unknown > 0 {
        writeln!(out, "{unknown} {}", UNKNOWN_COUNT.get(lang))?;
    }
    writeln!(out)?;
    writeln!(out, "{}{}", LINES_HEADING.get(lang), colon.trim_end())?;
    let width = analysis.lines.len().to_string().len().max(3);
    for line in &analysis.lines {
        write_line(out, line, lang, width)?;
    }
    Ok(())
}

fn write_line(out: &mut impl Write, line: &Line, lang: Lang, width: usize) -> io::Result<()> {
    let marker = line.direction.marker();
    // A `C: …`/`S: …` transcript (a capture's, or pasted) carries the marker already.
    let marked = line
        .raw
        .strip_prefix(marker)
        .is_some_and(|rest| rest.starts_with([' ', '\t']));
    if marked {
        writeln!(out, "{:>width$} {}", line.number, line.raw)?;
    } else {
        writeln!(out, "{:>width$} {marker} {}", line.number, line.raw)?;
    }
    let indent = " ".repeat(width + 4);
    if let Some(text) = line.explanation_text(lang) {
        writeln!(out, "{indent}{text}")?;
    }
    if let Some(text) = line.decoded_text(lang) {
        writeln!(out, "{indent}{}{}{text}", DECODED.get(lang), lang.colon())?;
    }
    if let Some(text) = line.warning_text(lang) {
        writeln!(out, "{indent}⚠ {text}")?;
    }
    Ok(())
}

#[derive(Serialize)]
pub(super) struct AnalysisJson<'a> {
    lang: &'static str,
    truncated: bool,
    formats: Vec<FormatJson>,
    servers: Vec<ServerJson>,
    sequence: Vec<StepJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    lines: Vec<LineJson<'a>>,
}

#[derive(Serialize)]
struct FormatJson {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct ServerJson {
    software: &'static str,
    version: Option<String>,
    line: usize,
}

#[derive(Serialize)]
struct StepJson<'a> {
    session: u32,
    label: &'a str,
    command_line: Option<usize>,
    reply_line: Option<usize>,
    code: Option<u16>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    kind: &'static str,
    severity: &'static str,
    lines: &'a [usize],
    title: &'a str,
    what: &'a str,
    fix: &'a str,
    /// The reply code the finding rests on, when the log shows one.
    code: Option<u16>,
    /// The cause and fix ids (stable).
    cause: &'static str,
    fix_id: &'static str,
    /// The RFC section or vendor text the rule comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
}

#[derive(Serialize)]
struct LineJson<'a> {
    number: usize,
    raw: &'a str,
    format: Option<&'static str>,
    direction: &'static str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    verb: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    known: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enhanced: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    program: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decoded: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<usize>,
}

impl<'a> AnalysisJson<'a> {
    pub(super) fn new(analysis: &'a Analysis, lang: Lang) -> Self {
        AnalysisJson {
            lang: lang.tag(),
            truncated: analysis.truncated,
            formats: analysis
                .formats
                .iter()
                .map(|f| FormatJson {
                    id: f.id(),
                    name: f.describe().get(lang),
                })
                .collect(),
            servers: analysis
                .servers
                .iter()
                .map(|s| ServerJson {
                    software: s.software.name(),
                    version: s.version.clone(),
                    line: s.line,
                })
                .collect(),
            sequence: analysis
                .sequence
                .iter()
                .map(|s| StepJson {
                    session: s.session,
                    label: s.label_in(lang),
                    command_line: s.command_line,
                    reply_line: s.reply_line,
                    code: s.code,
                })
                .collect(),
            findings: analysis
                .findings
                .iter()
                .map(|f| FindingJson {
                    kind: f.kind.id(),
                    severity: f.severity.id(),
                    lines: &f.lines,
                    title: f.title.get(lang),
                    what: f.what.get(lang),
                    fix: f.fix.get(lang),
                    code: f.code,
                    cause: f.cause,
                    fix_id: f.fix_id,
                    source: f.source,
                })
                .collect(),
            lines: analysis
                .lines
                .iter()
                .map(|l| LineJson::new(l, lang))
                .collect(),
        }
    }
}

impl<'a> LineJson<'a> {
    fn new(line: &'a Line, lang: Lang) -> Self {
        let mut json = LineJson {
            number: line.number,
            raw: &line.raw,
            format: line.format.map(|f| f.id()),
            direction: line.direction.id(),
            kind: line.kind.id(),
            verb: None,
            known: None,
            code: None,
            enhanced: None,
            last: None,
            end: None,
            program: None,
            explanation: line.explanation_text(lang),
            decoded: line.decoded_text(lang),
            secret: line.decoded.as_ref().map(|d| d.exposes_secret()),
            warning: line.warning_text(lang),
            group: line.group,
        };
        match &line.kind {
            Kind::Command { verb, known } => {
                json.verb = Some(verb);
                json.known = Some(*known);
            }
            Kind::Reply {
                code,
                enhanced,
                last,
            } => {
                json.code = Some(*code);
                json.enhanced = enhanced.as_deref();
                json.last = Some(*last);
            }
            Kind::Data { end } => json.end = Some(*end),
            Kind::Summary { code } => json.code = Some(*code),
            Kind::Log {
                program,
                code,
                enhanced,
            } => {
                json.program = Some(program);
                json.code = *code;
                json.enhanced = enhanced.as_deref();
            }
            _ => {}
        }
        json
    }
}
