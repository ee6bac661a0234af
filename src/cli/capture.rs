//! `smtp-trainer analyze CAPTURE`: a pcap or pcapng file (recognised by its magic number)
//! read by [`crate::capture`]: for each SMTP stream its endpoints, timing and reply times,
//! then the analyzer's diagnosis of its transcript (the same writers as for a pasted log)
//! and, with `--password`, every AUTH exchange verified (the same writer as
//! `verify --transcript`).

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::analyze::{write_text, AnalysisJson};
use super::verify::{exchange_json, write_exchange, ExchangeJson};
use crate::analyze::auth::{verify_transcript, Checked};
use crate::analyze::{analyze, Analysis};
use crate::capture::texts::{
    CLIENT, LINE, NO_SMTP, REPLY_TIMES, SERVER, SLOWEST, STREAM, STREAM_SIZES, SUMMARY,
};
use crate::capture::{
    format_duration, format_time, sniff, Capture, Reply, Stream, StreamKind, MAX_CAPTURE_OCTETS,
};
use crate::i18n::{Lang, Tr};
use crate::sasl::verify::Verdict;

/// What `analyze` passes on.
pub(super) struct Options<'a> {
    pub password: Option<&'a str>,
    pub json: bool,
    pub lang: Lang,
}

const EXIT_INVALID: u8 = 1;

/// Runs when `file` is a capture; `None` when it is not (or cannot be opened: the text
/// path says why).
pub(super) fn run(
    file: Option<&PathBuf>,
    options: &Options<'_>,
    out: &mut impl Write,
) -> io::Result<Option<ExitCode>> {
    let Some(path) = file.filter(|p| p.as_os_str() != "-") else {
        return Ok(None);
    };
    let Ok(mut handle) = File::open(path) else {
        return Ok(None);
    };
    let mut magic = Vec::with_capacity(4);
    if (&mut handle).take(4).read_to_end(&mut magic).is_err() || sniff(&magic).is_none() {
        return Ok(None);
    }
    let lang = options.lang;
    let mut bytes = magic;
    // One octet more than is read, so the reader can say it cut the file.
    if let Err(err) = handle
        .take(MAX_CAPTURE_OCTETS as u64 - 3)
        .read_to_end(&mut bytes)
    {
        let message = CANNOT_READ.fill(lang, &[("path", &path.display()), ("err", &err)]);
        return super::usage_error(out, options.json, &message).map(Some);
    }
    let capture = match crate::capture::read(&bytes) {
        Ok(capture) => capture,
        Err(err) => {
            let message = format!("{}: {}", path.display(), err.describe(lang));
            return super::usage_error(out, options.json, &message).map(Some);
        }
    };
    let read: Vec<Read1> = capture
        .streams
        .iter()
        .map(|stream| {
            if stream.kind != StreamKind::Smtp {
                return Read1::default();
            }
            let transcript = stream.transcript(lang);
            let analysis = analyze(&transcript);
            let checked = options
                .password
                .map(|p| verify_transcript(&transcript, Some(p)))
                .unwrap_or_default();
            Read1 {
                transcript,
                analysis: Some(analysis),
                checked,
            }
        })
        .collect();
    if options.json {
        serde_json::to_writer_pretty(
            &mut *out,
            &CaptureJson::new(&capture, &read, options.password.is_some(), lang),
        )
        .map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write_capture(out, &capture, &read, options.password.is_some(), lang)?;
    }
    let invalid = read.iter().flat_map(|r| &r.checked).any(|c| {
        c.result
            .as_ref()
            .is_ok_and(|r| matches!(r.verdict, Some(Verdict::Invalid(_))))
    });
    Ok(Some(if invalid {
        ExitCode::from(EXIT_INVALID)
    } else {
        ExitCode::SUCCESS
    }))
}

/// What was made of one stream.
#[derive(Default)]
struct Read1 {
    transcript: String,
    analysis: Option<Analysis>,
    checked: Vec<Checked>,
}

const CANNOT_READ: Tr = Tr::new("cannot read {path}: {err}", "无法读取 {path}：{err}");
const AUTH_HEADING: Tr = Tr::new(
    "AUTH exchanges verified with the password",
    "用密码校验的 AUTH 交换",
);
const NO_EXCHANGE: Tr = Tr::new(
    "No AUTH exchange in this stream.",
    "这个数据流中没有 AUTH 交换。",
);

fn write_capture(
    out: &mut impl Write,
    capture: &Capture,
    read: &[Read1],
    with_password: bool,
    lang: Lang,
) -> io::Result<()> {
    let colon = lang.colon();
    let smtp = capture.smtp_streams().count();
    writeln!(
        out,
        "{}",
        SUMMARY.fill(
            lang,
            &[
                ("format", &capture.format.id()),
                ("packets", &capture.packets),
                ("tcp", &capture.tcp_packets),
                ("streams", &capture.streams.len()),
                ("smtp", &smtp),
            ]
        )
    )?;
    for note in capture.notes(lang) {
        writeln!(out, "! {note}")?;
    }
    if smtp == 0 {
        writeln!(out, "{}", NO_SMTP.get(lang))?;
    }
    for (index, (stream, read)) in capture.streams.iter().zip(read).enumerate() {
        writeln!(out)?;
        write_header(out, index + 1, stream, lang)?;
        let Some(analysis) = &read.analysis else {
            continue;
        };
        writeln!(out)?;
        write_text(out, analysis, lang)?;
        if with_password {
            writeln!(out)?;
            writeln!(out, "{}{}", AUTH_HEADING.get(lang), colon.trim_end())?;
            if read.checked.is_empty() {
                writeln!(out, "{}", NO_EXCHANGE.get(lang))?;
            }
            for (i, checked) in read.checked.iter().enumerate() {
                write_exchange(out, checked, i > 0, lang)?;
            }
        }
    }
    Ok(())
}

fn write_header(
    out: &mut impl Write,
    number: usize,
    stream: &Stream,
    lang: Lang,
) -> io::Result<()> {
    let colon = lang.colon();
    writeln!(
        out,
        "== {} {number}{colon}{}  {} {} → {} {}",
        STREAM.get(lang),
        stream.kind.describe(lang),
        CLIENT.get(lang),
        stream.client,
        SERVER.get(lang),
        stream.server,
    )?;
    writeln!(
        out,
        "   {}",
        STREAM_SIZES.fill(
            lang,
            &[
                ("start", &format_time(stream.start_us)),
                ("duration", &format_duration(stream.duration_us())),
                ("packets", &stream.packets),
                ("client", &stream.client_octets),
                ("server", &stream.server_octets),
            ]
        )
    )?;
    for note in &stream.notes {
        writeln!(out, "   ! {}", note.describe(lang))?;
    }
    if stream.replies.is_empty() {
        return Ok(());
    }
    writeln!(out, "   {}{}", REPLY_TIMES.get(lang), colon.trim_end())?;
    let width = stream
        .replies
        .iter()
        .map(|r| r.command.chars().count())
        .max()
        .unwrap_or(0)
        .min(44);
    for reply in &stream.replies {
        writeln!(
            out,
            "     {:<width$}  {}  {:>9}",
            command_label(reply, lang),
            reply.code,
            reply.latency_us.map(format_duration).unwrap_or_default()
        )?;
    }
    if let Some(slowest) = stream.slowest() {
        write!(
            out,
            "   {}{colon}{} → {} {}",
            SLOWEST.get(lang),
            command_label(slowest, lang),
            slowest.code,
            slowest.latency_us.map(format_duration).unwrap_or_default()
        )?;
        if let Some(line) = slowest.line {
            write!(out, " ({} {line})", LINE.get(lang))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn command_label(reply: &Reply, lang: Lang) -> &str {
    reply.label(lang)
}

#[derive(Serialize)]
struct CaptureJson<'a> {
    lang: &'static str,
    format: &'static str,
    packets: usize,
    tcp_packets: usize,
    other_packets: usize,
    unreadable_packets: usize,
    cut_packets: usize,
    notes: Vec<String>,
    streams: Vec<StreamJson<'a>>,
}

#[derive(Serialize)]
struct ReplyJson<'a> {
    command: &'a str,
    code: u16,
    latency_us: Option<u64>,
    line: Option<usize>,
}

#[derive(Serialize)]
struct StreamJson<'a> {
    number: usize,
    kind: &'static str,
    kind_text: &'static str,
    client: String,
    server: String,
    start: String,
    start_us: u64,
    duration_us: u64,
    packets: usize,
    client_octets: u64,
    server_octets: u64,
    notes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    replies: Vec<ReplyJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slowest: Option<ReplyJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transcript: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<AnalysisJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth: Option<Vec<ExchangeJson<'a>>>,
}

fn reply_json<'a>(reply: &'a Reply, lang: Lang) -> ReplyJson<'a> {
    ReplyJson {
        command: command_label(reply, lang),
        code: reply.code,
        latency_us: reply.latency_us,
        line: reply.line,
    }
}

impl<'a> CaptureJson<'a> {
    fn new(capture: &'a Capture, read: &'a [Read1], with_password: bool, lang: Lang) -> Self {
        CaptureJson {
            lang: lang.tag(),
            format: capture.format.id(),
            packets: capture.packets,
            tcp_packets: capture.tcp_packets,
            other_packets: capture.other_packets,
            unreadable_packets: capture.unreadable_packets,
            cut_packets: capture.cut_packets,
            notes: capture.notes(lang),
            streams: capture
                .streams
                .iter()
                .zip(read)
                .enumerate()
                .map(|(i, (stream, read))| StreamJson {
                    number: i + 1,
                    kind: stream.kind.id(),
                    kind_text: stream.kind.describe(lang),
                    client: stream.client.to_string(),
                    server: stream.server.to_string(),
                    start: format_time(stream.start_us),
                    start_us: stream.start_us,
                    duration_us: stream.duration_us(),
                    packets: stream.packets,
                    client_octets: stream.client_octets,
                    server_octets: stream.server_octets,
                    notes: stream.notes.iter().map(|n| n.describe(lang)).collect(),
                    replies: stream.replies.iter().map(|r| reply_json(r, lang)).collect(),
                    slowest: stream.slowest().map(|r| reply_json(r, lang)),
                    transcript: read.analysis.as_ref().map(|_| read.transcript.as_str()),
                    analysis: read.analysis.as_ref().map(|a| AnalysisJson::new(a, lang)),
                    // Only with --password: the exchanges verified.
                    auth: (with_password && read.analysis.is_some()).then(|| {
                        read.checked
                            .iter()
                            .map(|c| exchange_json(c, lang))
                            .collect()
                    }),
                })
                .collect(),
        }
    }
}
