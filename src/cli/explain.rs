//! `smtp-trainer explain`: the reference on the command line.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::LangArg;
use crate::i18n::{t, Lang, Msg, Tr};
use crate::smtp::explain::{
    explain, EnhancedExplanation, Explanation, MessageCheck, ReplyExplanation,
};
use crate::smtp::reference::{provider_tags_heading, search, Entry, ProviderTag};

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A reply code (553), an enhanced code (5.7.8), both ("553 5.7.1"), a reply line, or
    /// words to search for. Several arguments are read as one line.
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    /// Output language; defaults to the locale (LC_ALL, LC_MESSAGES, LANG), else English.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

/// Exit status for input that is neither a code nor found by search.
const EXIT_BAD_INPUT: u8 = 2;

pub(super) fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let lang = LangArg::resolve(args.lang);
    let query = args.query.join(" ");
    match explain(&query) {
        Ok(explanation) => {
            if args.json {
                write_json(out, &ExplanationJson::new(&query, &explanation, lang))?;
            } else {
                write_text(out, &explanation, lang)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            // Not a code: perhaps words (or a code prefix such as `55`) to search for.
            let hits = search(&query);
            let is_everything = hits.len() == search("").len();
            if !hits.is_empty() && !is_everything && !looks_like_a_code(&query) {
                if args.json {
                    let entries: Vec<EntryJson> =
                        hits.iter().map(|e| EntryJson::new(*e, lang)).collect();
                    write_json(
                        out,
                        &SearchJson {
                            query: &query,
                            lang: lang.tag(),
                            results: entries,
                        },
                    )?;
                } else {
                    for entry in hits {
                        writeln!(out, "{:<7} {}", entry.label(), entry.title().get(lang))?;
                    }
                }
                return Ok(ExitCode::SUCCESS);
            }
            if args.json {
                write_json(
                    out,
                    &ErrorJson {
                        query: &query,
                        error: err.describe(lang),
                    },
                )?;
            } else {
                eprintln!("smtp-trainer: {}", err.describe(lang));
            }
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

/// A query that is a malformed code (`650`, `3.1.1`) is reported as such rather than
/// searched, except a short digit prefix such as `55`, which is a search.
fn looks_like_a_code(query: &str) -> bool {
    let q = query.trim();
    let digits = q.bytes().all(|b| b.is_ascii_digit());
    (digits && q.len() >= 3)
        || (q.contains('.') && q.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
}

fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    writeln!(out)
}

fn write_text(out: &mut impl Write, explanation: &Explanation, lang: Lang) -> io::Result<()> {
    if let Some(reply) = &explanation.reply {
        write_reply(out, reply, lang)?;
    }
    if let Some(enhanced) = &explanation.enhanced {
        if explanation.reply.is_some() {
            writeln!(out)?;
        }
        write_enhanced(out, enhanced, lang)?;
    }
    if let Some(text) = &explanation.text {
        writeln!(out)?;
        writeln!(out, "{}{}{text}", t(lang, Msg::ReplyText), lang.colon())?;
        writeln!(out, "  {}", t(lang, Msg::ReplyTextNote))?;
    }
    let tags = explanation.provider_tags();
    if !tags.is_empty() && explanation.text.is_none() {
        writeln!(out)?;
        writeln!(
            out,
            "{}{}",
            provider_tags_heading().get(lang),
            lang.colon().trim_end()
        )?;
    }
    for tag in tags {
        writeln!(out)?;
        write_provider_tag(out, tag, lang)?;
    }
    let checks = explanation.message_checks();
    if !checks.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", MessageCheck::heading().get(lang))?;
        let or_page = Tr::new(", or the page's ", "，或页面的 ");
        for check in checks {
            writeln!(
                out,
                "  {}{}`{}`{}{}",
                check.title().get(lang),
                lang.colon(),
                check.command(),
                or_page.get(lang),
                check.page()
            )?;
        }
    }
    Ok(())
}

fn write_provider_tag(out: &mut impl Write, tag: &ProviderTag, lang: Lang) -> io::Result<()> {
    writeln!(
        out,
        "{} {}  {}{}{}",
        tag.reply,
        tag.tag,
        Tr::new("As sent by", "发送方").get(lang),
        lang.colon(),
        tag.provider.get(lang)
    )?;
    writeln!(
        out,
        "  {}{}{}",
        Tr::new("The provider's words", "服务商原文").get(lang),
        lang.colon(),
        tag.published
    )?;
    writeln!(out, "  {}", tag.meaning.get(lang))?;
    writeln!(
        out,
        "  {}{}{}",
        Tr::new("Source", "出处").get(lang),
        lang.colon(),
        tag.from.get(lang)
    )
}

fn write_reply(out: &mut impl Write, reply: &ReplyExplanation, lang: Lang) -> io::Result<()> {
    let code = reply.code;
    match reply.info {
        Some(info) => writeln!(out, "{code}  {}  [{}]", info.title.get(lang), info.source)?,
        None => {
            writeln!(out, "{code}  ({})", t(lang, Msg::NotInReference))?;
            writeln!(out, "  {}", reply.unknown_code(lang))?;
        }
    }
    writeln!(out, "  {}{}", t(lang, Msg::Digits), lang.colon().trim_end())?;
    for (digit, meaning) in code.digit_meanings() {
        writeln!(out, "    {digit}  {}", meaning.get(lang))?;
    }
    if let Some(info) = reply.info {
        write_field(out, lang, Msg::When, info.when)?;
        write_field(out, lang, Msg::Action, info.action)?;
        if !info.enhanced.is_empty() {
            writeln!(
                out,
                "  {}{}{}",
                t(lang, Msg::OftenWith),
                lang.colon(),
                info.enhanced.join(", ")
            )?;
        }
        if !info.examples.is_empty() {
            writeln!(
                out,
                "  {}{}",
                t(lang, Msg::SeenInTheWild),
                lang.colon().trim_end()
            )?;
            for line in info.examples {
                writeln!(out, "    {line}")?;
            }
        }
    }
    Ok(())
}

fn write_enhanced(
    out: &mut impl Write,
    enhanced: &EnhancedExplanation,
    lang: Lang,
) -> io::Result<()> {
    let label = enhanced.label();
    match enhanced.info {
        Some(info) => writeln!(out, "{label}  {}  [{}]", info.title.get(lang), info.source)?,
        None if lang == Lang::Zh => writeln!(out, "{label}  （{}）", t(lang, Msg::NotInReference))?,
        None => writeln!(out, "{label}  ({})", t(lang, Msg::NotInReference))?,
    }
    if let Some(class) = enhanced.class_meaning() {
        writeln!(out, "  {} {}", t(lang, Msg::Class), class.get(lang))?;
    }
    if let Some(note) = enhanced.class_note(lang) {
        writeln!(out, "    {note}")?;
    }
    writeln!(
        out,
        "  {} {}",
        t(lang, Msg::Subject),
        enhanced.subject_meaning().get(lang)
    )?;
    match enhanced.info {
        Some(info) => {
            write_field(out, lang, Msg::Meaning, info.meaning)?;
            write_field(out, lang, Msg::Action, info.action)?;
        }
        None => writeln!(
            out,
            "  {}{}{}",
            t(lang, Msg::Detail),
            lang.colon(),
            enhanced.unknown_detail().get(lang)
        )?,
    }
    for note in enhanced.provider_notes() {
        let label = Tr::new("As sent by", "发送方");
        let from = Tr::new("Source", "出处");
        writeln!(
            out,
            "  {}{}{}",
            label.get(lang),
            lang.colon(),
            note.provider.get(lang)
        )?;
        writeln!(out, "    {} {} {}", note.reply, note.code, note.wording)?;
        writeln!(out, "    {}", note.meaning.get(lang))?;
        writeln!(
            out,
            "    {}{}{}",
            from.get(lang),
            lang.colon(),
            note.from.get(lang)
        )?;
    }
    Ok(())
}

fn write_field(out: &mut impl Write, lang: Lang, label: Msg, text: Tr) -> io::Result<()> {
    writeln!(
        out,
        "  {}{}{}",
        t(lang, label),
        lang.colon(),
        text.get(lang)
    )
}

#[derive(Serialize)]
struct ExplanationJson<'a> {
    query: &'a str,
    lang: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply: Option<ReplyJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    enhanced: Option<EnhancedJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    provider_tags: Vec<ProviderTagJson>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    message_checks: Vec<MessageCheckJson>,
}

/// A message-authentication check the reply points to.
#[derive(Serialize)]
struct MessageCheckJson {
    title: &'static str,
    command: &'static str,
    page: &'static str,
}

#[derive(Serialize)]
struct ProviderTagJson {
    reply: u16,
    tag: &'static str,
    provider: &'static str,
    published: &'static str,
    meaning: &'static str,
    from: &'static str,
}

#[derive(Serialize)]
struct DigitJson {
    digit: u8,
    meaning: &'static str,
}

#[derive(Serialize)]
struct ReplyJson {
    code: u16,
    known: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'static str>,
    digits: Vec<DigitJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    when: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<&'static str>,
    enhanced: &'static [&'static str],
    examples: &'static [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize)]
struct EnhancedJson {
    code: String,
    known: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    class: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    class_note: Option<String>,
    subject: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meaning: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    providers: Vec<ProviderJson>,
}

#[derive(Serialize)]
struct ProviderJson {
    provider: &'static str,
    reply: u16,
    wording: &'static str,
    meaning: &'static str,
    from: &'static str,
}

#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    lang: &'static str,
    results: Vec<EntryJson>,
}

#[derive(Serialize)]
struct EntryJson {
    code: String,
    title: &'static str,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    query: &'a str,
    error: String,
}

impl<'a> ExplanationJson<'a> {
    fn new(query: &'a str, explanation: &'a Explanation, lang: Lang) -> Self {
        ExplanationJson {
            query,
            lang: lang.tag(),
            reply: explanation.reply.map(|r| ReplyJson::new(&r, lang)),
            enhanced: explanation.enhanced.map(|e| EnhancedJson::new(&e, lang)),
            text: explanation.text.as_deref(),
            provider_tags: explanation
                .provider_tags()
                .into_iter()
                .map(|tag| ProviderTagJson {
                    reply: tag.reply,
                    tag: tag.tag,
                    provider: tag.provider.get(lang),
                    published: tag.published,
                    meaning: tag.meaning.get(lang),
                    from: tag.from.get(lang),
                })
                .collect(),
            message_checks: explanation
                .message_checks()
                .into_iter()
                .map(|check| MessageCheckJson {
                    title: check.title().get(lang),
                    command: check.command(),
                    page: check.page(),
                })
                .collect(),
        }
    }
}

impl ReplyJson {
    fn new(reply: &ReplyExplanation, lang: Lang) -> Self {
        let code = reply.code;
        let digits = code
            .digit_meanings()
            .into_iter()
            .map(|(digit, meaning)| DigitJson {
                digit,
                meaning: meaning.get(lang),
            })
            .collect();
        let info = reply.info;
        ReplyJson {
            code: code.value(),
            known: info.is_some(),
            title: info.map(|i| i.title.get(lang)),
            digits,
            when: info.map(|i| i.when.get(lang)),
            action: info.map(|i| i.action.get(lang)),
            enhanced: info.map_or(&[], |i| i.enhanced),
            examples: info.map_or(&[], |i| i.examples),
            source: info.map(|i| i.source),
            note: info.is_none().then(|| reply.unknown_code(lang)),
        }
    }
}

impl EnhancedJson {
    fn new(enhanced: &EnhancedExplanation, lang: Lang) -> Self {
        let info = enhanced.info;
        EnhancedJson {
            code: enhanced.label(),
            known: info.is_some(),
            class: enhanced.class_meaning().map(|c| c.get(lang)),
            class_note: enhanced.class_note(lang),
            subject: enhanced.subject_meaning().get(lang),
            title: info.map(|i| i.title.get(lang)),
            meaning: Some(
                info.map_or(enhanced.unknown_detail(), |i| i.meaning)
                    .get(lang),
            ),
            action: info.map(|i| i.action.get(lang)),
            source: info.map(|i| i.source),
            providers: enhanced
                .provider_notes()
                .into_iter()
                .map(|note| ProviderJson {
                    provider: note.provider.get(lang),
                    reply: note.reply,
                    wording: note.wording,
                    meaning: note.meaning.get(lang),
                    from: note.from.get(lang),
                })
                .collect(),
        }
    }
}

impl EntryJson {
    fn new(entry: Entry, lang: Lang) -> Self {
        EntryJson {
            code: entry.label(),
            title: entry.title().get(lang),
        }
    }
}
