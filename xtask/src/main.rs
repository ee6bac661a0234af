//! `cargo xtask`: the project's build orchestration, in Rust, with as few dependencies as
//! possible.
//!
//! - `cargo xtask serve` — install what is missing, build, serve on http://127.0.0.1:8080
//! - `cargo xtask test`  — install what is missing (also chromium), then every check CI runs
//! - `cargo xtask dist`  — a release build in `dist/` for any static host
//! - `cargo xtask setup [--browser]` — only the installation step
//! - `cargo xtask bench` — `serve` against aiosmtpd and Postfix's smtp-sink under smtp-source
//! - `cargo xtask size-breakdown [file.wasm]` — the wasm's bytes by crate, module, function
//! - `cargo xtask bench-page [--runs N] [--dist PATH]` — first visit of the page vs a bare Yew page, in
//!   Chromium, unshaped and on a shaped mobile link
//! - `cargo xtask bench-compose [--runs N]` — the compose page sending 10 MiB of attachments
//!   through its worker, in Chromium
//! - `cargo xtask bench-engine [--runs N] [--dist PATH]` — SCRAM with a million iterations
//!   and a 1 MB log analyzed, then all its lines shown, then a link to its last line: the
//!   longest frame, in Chromium
//!
//! Setup is idempotent: each tool is checked first (name and exact version) and installed
//! only when missing, saying what it installs and how long that usually takes here.

#![forbid(unsafe_code)]

mod bench;
mod bench_compose;
mod bench_engine;
mod bench_page;
mod breakdown;
mod freezes;
mod offline;
mod setup;
mod sheets;
mod sizes;
mod strip;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve            install what is missing, build, serve on http://127.0.0.1:8080
  test             install what is missing (also chromium), then fmt, clippy (native and
                   wasm32), native tests, release wasm build, browser tests, bundle sizes
  dist             release build in dist/ for any static host
  setup [--browser]  only install what is missing
  bench            smtp-trainer serve vs aiosmtpd and smtp-sink under smtp-source (Postfix)
  size-breakdown [file.wasm]  the wasm's code by crate, module and function (needs the
                   name section: `trunk build --release`, before `dist` strips it)
  bench-page [--runs N] [--dist PATH]  time until the first input (and until it is on screen)
                   and bytes fetched before it, for four deep links vs a bare Yew page,
                   unshaped and at 9 Mbit/s + 60 ms (Chromium)
  bench-compose [--runs N]  the compose page sending 10 MiB of attachments through its
                   worker: time to result, and the main thread's long tasks (Chromium)
  bench-engine [--runs N] [--dist PATH]  SCRAM-SHA-256 with i=1000000 (auth), a 1 MB log
                   (analyze), its Show all and a link to its last line: time to result,
                   the long frames meanwhile (Chromium)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(),
        Some("test") => test(),
        Some("dist") => dist(),
        Some("bench") => bench::bench(),
        Some("size-breakdown") => breakdown::breakdown(args.get(1).map(String::as_str)),
        Some("bench-page") => runs_arg(&args)
            .and_then(|runs| bench_page::bench_page(runs, bench_engine::dist_arg(&args)?)),
        Some("bench-compose") => runs_arg(&args).and_then(bench_compose::bench_compose),
        Some("bench-engine") => runs_arg(&args)
            .and_then(|runs| bench_engine::bench_engine(runs, bench_engine::dist_arg(&args)?)),
        Some("setup") => setup::ensure(args.iter().any(|a| a == "--browser")).map(drop),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `--runs N` (default 3): how many first visits each figure is the median of.
fn runs_arg(args: &[String]) -> Result<usize, String> {
    match args.iter().position(|a| a == "--runs") {
        None => Ok(3),
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| "--runs needs a positive number".to_string()),
    }
}

/// The repository root (the parent of `xtask/`).
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// A command run from the repository root, with the cargo bin directory on PATH so the
/// tools `setup` installed are found even where the shell's PATH lacks it.
fn cmd(program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root());
    command.env("PATH", setup::path_with_cargo_bin());
    command
}

/// Runs a command, echoing it first; fails with its exit status.
fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!(
        "{} {}",
        command.get_program().to_string_lossy(),
        command
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("$ {shown}");
    let status = command
        .status()
        .map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

fn serve() -> Result<(), String> {
    setup::ensure(false)?;
    println!("\nServing SMTP Trainer on http://127.0.0.1:8080/ (Ctrl-C stops)\n");
    run(cmd("trunk").args(["serve", "--address", "127.0.0.1", "--port", "8080"]))
}

fn dist() -> Result<(), String> {
    setup::ensure(false)?;
    build_dist()?;
    sizes::report(&root().join("dist"), &root().join("target/bundle-size.txt"))?;
    println!("\ndist/ is ready: copy it to any static host (all asset URLs are relative).");
    Ok(())
}

fn build_dist() -> Result<(), String> {
    run(cmd("trunk").args(["build", "--release"]))?;
    strip::strip_name_sections(&root().join("dist"))?;
    strip::strip_index_comments(&root().join("dist"))?;
    strip::strip_css_comments(&root().join("dist"))?;
    offline::fill_service_worker(&root().join("dist"))
}

/// Every check, in the order the issue lists them; a failing step stops the run.
fn test() -> Result<(), String> {
    let started = Instant::now();
    let tools = setup::ensure(true)?;
    let mut steps: Vec<(&str, f64)> = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result<(), String>| {
        println!("\n==> {name}");
        let t = Instant::now();
        f().map_err(|e| format!("step `{name}` failed: {e}"))?;
        steps.push((name, t.elapsed().as_secs_f64()));
        Ok::<(), String>(())
    };
    step("format", &mut || {
        run(cmd("cargo").args(["fmt", "--all", "--check"]))
    })?;
    step("clippy (native)", &mut || {
        run(cmd("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("clippy (wasm32)", &mut || {
        run(cmd("cargo").args([
            "clippy",
            "-p",
            "smtp-trainer",
            "--lib",
            "--bins",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    step("native tests", &mut || {
        run(cmd("cargo").args(["test", "--workspace"]))
    })?;
    step("release wasm build (dist/)", &mut build_dist)?;
    step("browser tests", &mut || {
        run(cmd("cargo")
            .args([
                "test",
                "-p",
                "smtp-trainer",
                "--features",
                "browser-tests",
                "--test",
                "browser",
            ])
            .env("SMTP_TRAINER_DIST", root().join("dist"))
            .env("SMTP_TRAINER_CHROMIUM", &tools.chromium)
            .env("SMTP_TRAINER_CHROMEDRIVER", &tools.chromedriver))
    })?;
    step("bundle sizes", &mut || {
        sizes::report(&root().join("dist"), &root().join("target/bundle-size.txt"))
    })?;

    println!(
        "\nAll checks passed in {:.0} s:",
        started.elapsed().as_secs_f64()
    );
    for (name, secs) in &steps {
        println!("  {name:<28} {secs:>7.1} s");
    }
    Ok(())
}
