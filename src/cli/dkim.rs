//! `smtp-trainer dkim verify|sign`: DKIM signatures checked and made step by step.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::msgauth_out::{
    changes_json, read_input, read_zone, render, render_changes, ChangeJson, EXIT_FAIL,
};
use super::trace_json::{steps, StepJson};
use super::LangArg;
use crate::i18n::Tr;
use crate::msgauth::dkim::sign::{sign, PrivateKey, SignInput};
use crate::msgauth::dkim::verify::{verify, VerifyInput, VerifyReport};
use crate::msgauth::dkim::{message, signature, Canon};

/// Arguments of `dkim`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    command: DkimCommand,
}

#[derive(Debug, clap::Subcommand)]
enum DkimCommand {
    /// Verify a message's DKIM-Signature fields step by step, against a pasted key record
    /// or the TXT records of a records file. Exit 0 when every signature checked passes,
    /// 1 when one fails, 2 for bad arguments.
    Verify(VerifyArgs),
    /// Sign a message (RSA-SHA256 with a PEM key, Ed25519-SHA256 with a base64 seed),
    /// showing every step, and print the key record to publish.
    Sign(SignArgs),
}

#[derive(Debug, clap::Args)]
struct VerifyArgs {
    /// The message (RFC 5322, as received), or - for standard input.
    #[arg(long)]
    message: PathBuf,
    /// The key record, e.g. 'v=DKIM1; k=ed25519; p=…' (quoted TXT strings are joined).
    /// Used for the signature chosen by --signature (default the first).
    #[arg(long, conflicts_with = "records")]
    key_record: Option<String>,
    /// A records file (`name TXT "…"` lines, see docs/message-auth.md): every signature
    /// is checked with the record at <s>._domainkey.<d>.
    #[arg(long)]
    records: Option<PathBuf>,
    /// Which DKIM-Signature field, counting from the top, 1-based.
    #[arg(long)]
    signature: Option<usize>,
    /// The time to check x= against, seconds since 1970 (default: now).
    #[arg(long)]
    now: Option<u64>,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, clap::Args)]
struct SignArgs {
    /// The message to sign, or - for standard input.
    #[arg(long)]
    message: PathBuf,
    /// The signing domain (d=).
    #[arg(long)]
    domain: String,
    /// The selector (s=).
    #[arg(long)]
    selector: String,
    /// The private key file: PEM (RSA, PKCS #1 or #8) or the base64 of a 32-octet Ed25519
    /// seed (as RFC 8463 Appendix A publishes it).
    #[arg(long)]
    key: PathBuf,
    /// Canonicalization header/body: simple or relaxed each.
    #[arg(long, default_value = "relaxed/relaxed")]
    canon: String,
    /// The header fields to sign, colon-separated (default: the usual ones present, From
    /// once more than it occurs).
    #[arg(long)]
    headers: Option<String>,
    /// t= (default: now); 0 leaves t= out.
    #[arg(long)]
    timestamp: Option<u64>,
    /// x= as seconds after t= (after now when t= is left out).
    #[arg(long)]
    expire_after: Option<u64>,
    /// Write the signed message to this file.
    #[arg(long)]
    output: Option<PathBuf>,
    /// Output language (default from the locale).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct VerifyJson {
    signature: usize,
    domain: Option<String>,
    selector: Option<String>,
    pass: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    failure: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    failed_step: Option<&'static str>,
    notes: Vec<String>,
    steps: Vec<StepJson>,
    header_changes: Vec<ChangeJson>,
    body_changes: Vec<ChangeJson>,
}

#[derive(Serialize)]
struct SignJson {
    steps: Vec<StepJson>,
    field: String,
    key_record: String,
    signed: String,
    header_changes: Vec<ChangeJson>,
    body_changes: Vec<ChangeJson>,
}

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    match &args.command {
        DkimCommand::Verify(a) => run_verify(a, out),
        DkimCommand::Sign(a) => run_sign(a, out),
    }
}

fn run_verify(args: &VerifyArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let bytes = match read_input(&args.message) {
        Ok(b) => b,
        Err(e) => {
            return super::usage_error(out, args.json, &format!("{}: {e}", args.message.display()))
        }
    };
    let msg = match message::parse(&bytes) {
        Ok(m) => m,
        Err(e) => return super::usage_error(out, args.json, &e.describe(lang)),
    };
    let sigs: Vec<&message::Field> = msg
        .fields
        .iter()
        .filter(|f| f.is("DKIM-Signature"))
        .collect();
    let now = args.now.unwrap_or_else(super::clock::now_secs);
    let zone = match &args.records {
        Some(p) => match read_zone(p, lang) {
            Ok(z) => Some(z),
            Err(e) => return super::usage_error(out, args.json, &e),
        },
        None => None,
    };
    if zone.is_none() && args.key_record.is_none() {
        return super::usage_error(out, args.json, NO_KEY.get(lang));
    }
    if zone.is_none()
        && args
            .key_record
            .as_deref()
            .is_some_and(|k| k.trim().is_empty())
    {
        return super::usage_error(out, args.json, EMPTY_KEY.get(lang));
    }
    let indices: Vec<usize> = match args.signature {
        Some(0) => return super::usage_error(out, args.json, SIGNATURE_FROM_ONE.get(lang)),
        // A signature the message does not have is a wrong argument, not a failed check.
        Some(n) if n > sigs.len() && !sigs.is_empty() => {
            let said = SIGNATURE_PAST_END.fill(lang, &[("n", &n), ("count", &sigs.len())]);
            return super::usage_error(out, args.json, &said);
        }
        Some(n) => vec![n - 1],
        None if zone.is_some() => (0..sigs.len().max(1)).collect(),
        None => vec![0],
    };
    let mut reports: Vec<(usize, VerifyReport)> = Vec::new();
    for i in indices {
        let record = match (&zone, &args.key_record) {
            (Some(z), _) => {
                let name = sigs
                    .get(i)
                    .and_then(|f| signature::parse(f.value()).ok())
                    .map(|s| format!("{}._domainkey.{}", s.selector, s.domain));
                name.map(|n| z.txt(&n).join("")).unwrap_or_default()
            }
            (None, Some(k)) => k.clone(),
            (None, None) => String::new(),
        };
        let report = verify(&VerifyInput {
            message: &bytes,
            index: i,
            key_record: &record,
            now: Some(now),
        });
        reports.push((i, report));
    }
    let all_pass = reports.iter().all(|(_, r)| r.pass());
    if args.json {
        let json: Vec<VerifyJson> = reports
            .iter()
            .map(|(i, r)| VerifyJson {
                signature: i + 1,
                domain: r.signature.as_ref().map(|s| s.domain.clone()),
                selector: r.signature.as_ref().map(|s| s.selector.clone()),
                pass: r.pass(),
                failure: r.failure.as_ref().map(|f| f.describe(lang)),
                failed_step: r.failure.as_ref().map(|f| f.step()),
                notes: r.notes.iter().map(|n| n.describe(lang)).collect(),
                steps: steps(&r.trace, lang),
                header_changes: changes_json(&r.header_changes, lang),
                body_changes: changes_json(&r.body_changes, lang),
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        for (i, r) in &reports {
            let title = if r.signature_count == 0 {
                NO_SIGNATURE_TITLE.get(lang).to_owned()
            } else {
                SIGNATURE_TITLE.fill(lang, &[("k", &(i + 1)), ("n", &r.signature_count)])
            };
            writeln!(out, "{title}")?;
            for note in &r.notes {
                writeln!(out, "! {}", note.describe(lang))?;
            }
            write!(out, "{}", render(&r.trace, lang))?;
            write!(
                out,
                "{}",
                render_changes(HEADER_CHANGES, &r.header_changes, lang)
            )?;
            write!(
                out,
                "{}",
                render_changes(BODY_CHANGES, &r.body_changes, lang)
            )?;
            match &r.failure {
                None => writeln!(out, "\n{}\n", PASS.get(lang))?,
                Some(f) => {
                    writeln!(out, "\n{} [{}]", FAIL.get(lang), f.step())?;
                    writeln!(out, "{}\n", f.describe(lang))?;
                }
            }
        }
    }
    Ok(if all_pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAIL)
    })
}

const NO_KEY: Tr = Tr::new(
    "give the key record (--key-record 'v=DKIM1; k=…; p=…') or a records file (--records FILE)",
    "请给出密钥记录（--key-record 'v=DKIM1; k=…; p=…'）或记录文件（--records FILE）",
);
const EMPTY_KEY: Tr = Tr::new(
    "the key record given with --key-record is empty: paste the TXT record of selector._domainkey.domain ('v=DKIM1; k=…; p=…')",
    "--key-record 给出的密钥记录是空的：请粘贴 选择器._domainkey.域名 的 TXT 记录（'v=DKIM1; k=…; p=…'）",
);
const NO_SIGNATURE_TITLE: Tr = Tr::new(
    "== No DKIM-Signature in this message",
    "== 这封邮件没有 DKIM-Signature",
);
const SIGNATURE_TITLE: Tr = Tr::new(
    "== DKIM-Signature {k} of {n}",
    "== 第 {k} 个 DKIM-Signature（共 {n} 个）",
);
const HEADER_CHANGES: Tr = Tr::new(
    "What header canonicalization changed:",
    "邮件头规范化改动了什么：",
);
const BODY_CHANGES: Tr = Tr::new(
    "What body canonicalization changed:",
    "正文规范化改动了什么：",
);
const SIGNATURE_FROM_ONE: Tr = Tr::new("--signature counts from 1", "--signature 从 1 开始计数");
const SIGNATURE_PAST_END: Tr = Tr::new(
    "--signature {n}: the message has {count} DKIM-Signature fields",
    "--signature {n}：这封邮件只有 {count} 个 DKIM-Signature 字段",
);
const PASS: Tr = Tr::new("PASS: the signature verifies.", "通过：签名验证成功。");
const FAIL: Tr = Tr::new("FAIL at step", "失败，出错的步骤");

fn run_sign(args: &SignArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let bytes = match read_input(&args.message) {
        Ok(b) => b,
        Err(e) => {
            return super::usage_error(out, args.json, &format!("{}: {e}", args.message.display()))
        }
    };
    let key_text = match std::fs::read_to_string(&args.key) {
        Ok(k) => k,
        Err(e) => {
            return super::usage_error(out, args.json, &format!("{}: {e}", args.key.display()))
        }
    };
    let key = if key_text.contains("-----BEGIN") {
        PrivateKey::Rsa(key_text)
    } else {
        PrivateKey::Ed25519(key_text.trim().to_string())
    };
    let canon = |s: &str| match s {
        "simple" => Some(Canon::Simple),
        "relaxed" => Some(Canon::Relaxed),
        _ => None,
    };
    let (h, b) = args
        .canon
        .split_once('/')
        .unwrap_or((&args.canon, "simple"));
    let (Some(header_canon), Some(body_canon)) = (canon(h), canon(b)) else {
        return super::usage_error(
            out,
            args.json,
            &format!(
                "--canon {}: use simple or relaxed, e.g. relaxed/relaxed",
                args.canon
            ),
        );
    };
    let timestamp = match args.timestamp {
        Some(0) => None,
        Some(t) => Some(t),
        None => Some(super::clock::now_secs()),
    };
    let input = SignInput {
        message: &bytes,
        domain: &args.domain,
        selector: &args.selector,
        key,
        header_canon,
        body_canon,
        headers: args
            .headers
            .as_deref()
            .map(|h| {
                h.split(':')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        timestamp,
        // Without t= (--timestamp 0), x= still counts from now: counted from 1970 it would
        // have expired long ago.
        expiration: args
            .expire_after
            .map(|x| timestamp.unwrap_or_else(super::clock::now_secs) + x),
    };
    let report = match sign(&input) {
        Ok(r) => r,
        Err(e) => return super::usage_error(out, args.json, &e.describe(lang)),
    };
    if let Some(path) = &args.output {
        std::fs::write(path, &report.signed)?;
    }
    if args.json {
        let json = SignJson {
            steps: steps(&report.trace, lang),
            field: String::from_utf8_lossy(&report.field).into_owned(),
            key_record: report.key_record.clone(),
            signed: String::from_utf8_lossy(&report.signed).into_owned(),
            header_changes: changes_json(&report.header_changes, lang),
            body_changes: changes_json(&report.body_changes, lang),
        };
        serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", render(&report.trace, lang))?;
        write!(
            out,
            "{}",
            render_changes(HEADER_CHANGES, &report.header_changes, lang)
        )?;
        write!(
            out,
            "{}",
            render_changes(BODY_CHANGES, &report.body_changes, lang)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
