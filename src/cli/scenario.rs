//! `scenario check FILE…`: reads a scenario file as the page does — every error with its
//! line — and plays its solution against its server with the engine: the goal must not be
//! met before the solution and must be met after it.

use std::io::{self, Write};
use std::process::ExitCode;

use super::LangArg;
use crate::i18n::{Fill, Lang, Tr};
use crate::lessons::scenario_file::parse_scenario;
use crate::lessons::scenarios::{self, BUILTIN_FILES};

/// Arguments of `scenario`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    action: Action,
}

/// `scenario`'s actions.
#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Validate scenario files and play each one's solution. Exit 0 when all pass, 1 when
    /// one has errors or its solution fails, 2 when a file cannot be read.
    Check {
        /// The files (`scenarios/*.toml` are the built-in ones).
        #[arg(required = true, num_args = 1..)]
        files: Vec<std::path::PathBuf>,
        /// Output language; defaults to the locale (LC_ALL, LC_MESSAGES, LANG), else English.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

const VALID: Tr = Tr::new(
    "valid: “{title}” (place: {place}; hints: {n}; conditions: {c})",
    "有效：“{title}”（场所：{place}；提示：{n} 条；条件：{c} 个）",
);
const SOLVED: Tr = Tr::new(
    "solution played: the goal is not met before it and is met after it",
    "已演示解法：解法之前目标未达成，之后达成",
);
const NOT_SOLVED: Tr = Tr::new("the solution does not meet the goal", "解法没有达成目标");
const TOO_EASY: Tr = Tr::new(
    "the goal is met before the solution: the check is too weak",
    "在解法之前目标就已达成：检查条件太宽松",
);
const TAKEN: Tr = Tr::new(
    "the id “{id}” is a built-in scenario's: choose another",
    "id“{id}”已被内置场景使用：请换一个",
);
const UNREADABLE: Tr = Tr::new("cannot read the file: {e}", "无法读取文件：{e}");

/// Runs `scenario`.
pub fn run(args: &Args, out: &mut impl Write) -> io::Result<ExitCode> {
    let Action::Check { files, lang } = &args.action;
    let lang = LangArg::resolve(*lang);
    let mut status = 0u8;
    for path in files {
        let name = path.display();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                let message = UNREADABLE.get(lang).fill(&[("e", &err)]);
                writeln!(out, "{name}: {message}")?;
                status = status.max(2);
                continue;
            }
        };
        status = status.max(check(&name.to_string(), &text, lang, out)?);
    }
    Ok(ExitCode::from(status))
}

fn check(name: &str, text: &str, lang: Lang, out: &mut impl Write) -> io::Result<u8> {
    let builtin = BUILTIN_FILES.iter().any(|(_, t)| *t == text);
    let scenario = match parse_scenario(text, builtin) {
        Ok(scenario) => scenario,
        Err(errors) => {
            for error in errors {
                writeln!(out, "{name}: {}", error.describe(lang))?;
            }
            return Ok(1);
        }
    };
    if !builtin && scenarios::find(scenario.id).is_some_and(|s| s.builtin) {
        writeln!(
            out,
            "{name}: {}",
            TAKEN.get(lang).fill(&[("id", &scenario.id)])
        )?;
        return Ok(1);
    }
    let valid = VALID.get(lang).fill(&[
        ("title", &scenario.title.get(lang)),
        ("place", &scenario.place.id()),
        ("n", &scenario.hints.len()),
        ("c", &scenario.checks.len()),
    ]);
    writeln!(out, "{name}: {valid}")?;
    let (before, after) = scenario.play_solution();
    let (verdict, code) = if scenario.is_done(&before) {
        (TOO_EASY, 1)
    } else if scenario.is_done(&after) {
        (SOLVED, 0)
    } else {
        (NOT_SOLVED, 1)
    };
    writeln!(out, "{name}: {}", verdict.get(lang))?;
    Ok(code)
}
