//! Installs what the build and the tests need, and only what is missing.
//!
//! Measured on this project's machines (2 cores): trunk 0.21.14 compiles in about 14
//! minutes, the wasm-bindgen CLI in about 4; chromium, swaks, curl, msmtp and python3 come from Debian's
//! packages.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// trunk 0.22 needs rustc 1.96; this project builds with 1.95.
const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Where the browser tests find the browser.
pub struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// Makes sure every tool is present; with `browser`, chromium and chromedriver too, the
/// SMTP clients of the `serve` tests (swaks, python3), the server of the `send` tests
/// (Python's aiosmtpd) and the DKIM/SPF peers of the message-authentication tests (dkimpy,
/// pyspf).
pub fn ensure(browser: bool) -> Result<Tools, String> {
    println!("==> setup (installs only what is missing)");
    ensure_wasm_target()?;
    ensure_components()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    let tools = if browser {
        let tools = ensure_browser()?;
        ensure_aiosmtpd()?;
        ensure_msgauth_peers()?;
        tools
    } else {
        Tools {
            chromium: PathBuf::new(),
            chromedriver: PathBuf::new(),
        }
    };
    Ok(tools)
}

/// `$CARGO_HOME/bin` (default `~/.cargo/bin`), where `cargo install` puts tools.
fn cargo_bin() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin"))
}

/// PATH with the cargo bin directory in front.
pub fn path_with_cargo_bin() -> OsString {
    let mut dirs: Vec<PathBuf> = cargo_bin().into_iter().collect();
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// "Chromium 1xx.…" as the browser says it, for reports.
pub fn chromium_version(chromium: &Path) -> String {
    output_of(&chromium.to_string_lossy(), &["--version"]).unwrap_or_else(|| "Chromium".into())
}

/// The first line a program prints for `args`, or `None` when it cannot run.
fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", path_with_cargo_bin())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn installing(what: &str, why: &str) {
    println!("  installing {what} ({why})");
}

fn present(what: &str) {
    println!("  ok  {what}");
}

fn run_install(command: &mut Command) -> Result<(), String> {
    command.env("PATH", path_with_cargo_bin());
    super::run(command)
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output_of("rustup", &["target", "list", "--installed"])
        .ok_or("rustup is needed to add the wasm32 target; install Rust with rustup")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        present(&format!("rust target {WASM_TARGET}"));
        return Ok(());
    }
    installing(
        &format!("rust target {WASM_TARGET}"),
        "rustup, under a minute",
    );
    run_install(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_components() -> Result<(), String> {
    let fmt = output_of("cargo", &["fmt", "--version"]).is_some();
    let clippy = output_of("cargo", &["clippy", "--version"]).is_some();
    if fmt && clippy {
        present("rustfmt and clippy");
        return Ok(());
    }
    installing("rustfmt and clippy", "rustup components");
    run_install(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))
}

fn ensure_trunk() -> Result<(), String> {
    let want = format!("trunk {TRUNK_VERSION}");
    if output_of("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        present(&want);
        return Ok(());
    }
    installing(
        &want,
        "compiled from source, about 14 minutes on 2 cores, once",
    );
    run_install(Command::new("cargo").args([
        "install",
        "--locked",
        "trunk",
        "--version",
        TRUNK_VERSION,
    ]))
}

/// The wasm-bindgen CLI must equal the `wasm-bindgen` crate in Cargo.lock exactly.
fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = locked_version(&super::root().join("Cargo.lock"), "wasm-bindgen")?;
    let want = format!("wasm-bindgen {version}");
    if output_of("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str()) {
        present(&format!("{want} (matches Cargo.lock)"));
        return Ok(());
    }
    installing(
        &format!("wasm-bindgen-cli {version}"),
        "to match Cargo.lock; compiled from source, about 4 minutes",
    );
    // `--locked` currently fails on a yanked dependency of the CLI; without it, it builds.
    run_install(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &version]))
}

/// The version of `package` recorded in a Cargo.lock.
fn locked_version(lock: &Path, package: &str) -> Result<String, String> {
    let text = std::fs::read_to_string(lock)
        .map_err(|e| format!("cannot read {}: {e}", lock.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err(format!(
        "{package} is not in {}; run `cargo generate-lockfile`",
        lock.display()
    ))
}

fn which(program: &str) -> Option<PathBuf> {
    let path = path_with_cargo_bin();
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// Chromium and chromedriver for the browser tests, and the real SMTP clients the `serve`
/// tests drive (swaks with Authen::SASL, Authen::NTLM and Net::SSLeay, curl, msmtp, python3's
/// smtplib) and openssl: one apt-get install for whatever of them is missing.
fn ensure_browser() -> Result<Tools, String> {
    let browser = || Some((which("chromium")?, which("chromedriver")?));
    let mut missing: Vec<&str> = Vec::new();
    match browser() {
        Some((chromium, _)) => {
            let version =
                output_of(&chromium.to_string_lossy(), &["--version"]).unwrap_or_default();
            present(&format!("{version} and chromedriver"));
        }
        None => missing.extend(["chromium", "chromium-driver"]),
    }
    // The real clients of the `serve` and `send` tests: swaks, curl and msmtp (STARTTLS and
    // implicit TLS among them), and openssl to make a certificate for aiosmtpd's STARTTLS.
    for (tool, package) in [
        ("swaks", "swaks"),
        ("curl", "curl"),
        ("msmtp", "msmtp"),
        ("openssl", "openssl"),
    ] {
        if which(tool).is_some() {
            present(tool);
        } else {
            missing.push(package);
        }
    }
    // swaks authenticates through these Perl modules: Authen::SASL (CRAM-MD5, DIGEST-MD5)
    // and Authen::NTLM (NTLM); it speaks TLS (--tls, --tls-on-connect) through Net::SSLeay
    // and IO::Socket::SSL.
    for (module, package) in [
        ("Authen::SASL", "libauthen-sasl-perl"),
        ("Authen::NTLM", "libauthen-ntlm-perl"),
        ("Net::SSLeay", "libnet-ssleay-perl"),
        ("IO::Socket::SSL", "libio-socket-ssl-perl"),
    ] {
        if output_of("perl", &[&format!("-M{module}"), "-e", "1"]).is_some() {
            present(module);
        } else {
            missing.push(package);
        }
    }
    // python3 is smtplib's.
    for tool in ["python3"] {
        if which(tool).is_some() {
            present(tool);
        } else {
            missing.push(tool);
        }
    }
    if !missing.is_empty() {
        installing(
            &missing.join(", "),
            "Debian packages through apt-get; swaks, python3, curl and msmtp are the real \
             clients of the `smtp-trainer serve` tests",
        );
        apt_install(&missing)?;
    }
    for tool in ["swaks", "curl", "msmtp", "openssl", "python3"] {
        if which(tool).is_none() {
            return Err(format!("{tool} still missing after apt-get install"));
        }
    }
    browser()
        .ok_or_else(|| "chromium or chromedriver still missing after apt-get install".to_string())
        .map(|(chromium, chromedriver)| Tools {
            chromium,
            chromedriver,
        })
}

/// Python's aiosmtpd (PyPI), the real SMTP server `tests/send_aiosmtpd.rs` sends to with
/// `smtp-trainer send`: `python3 -m pip install aiosmtpd` (with `--user` when not root);
/// where pip is missing or refuses (Debian's PEP 668 marker), Debian's python3-aiosmtpd.
fn ensure_aiosmtpd() -> Result<(), String> {
    let importable = || output_of("python3", &["-c", "import aiosmtpd"]).is_some();
    if importable() {
        present("aiosmtpd (Python)");
        return Ok(());
    }
    installing(
        "aiosmtpd",
        "Python package from PyPI through pip: the SMTP server `smtp-trainer send` is tested against",
    );
    let is_root = output_of("id", &["-u"]).as_deref() == Some("0");
    let mut args = vec!["-m", "pip", "install", "--quiet"];
    if !is_root {
        args.push("--user");
    }
    args.push("aiosmtpd");
    if run_install(Command::new("python3").args(&args)).is_err() || !importable() {
        installing(
            "python3-aiosmtpd",
            "pip could not install it; Debian's package instead",
        );
        apt_install(&["python3-aiosmtpd"])?;
    }
    if importable() {
        Ok(())
    } else {
        Err("aiosmtpd still missing: install it for the python3 on PATH (python3 -m pip install aiosmtpd)".into())
    }
}

/// Python's dkimpy (with dnspython, and PyNaCl for Ed25519) and pyspf (PyPI), the DKIM and
/// SPF implementations `tests/msgauth_interop.rs` checks the trainer against (issue 19):
/// through pip as for aiosmtpd; where pip refuses, Debian's python3-dkim, python3-dnspython,
/// python3-nacl and python3-spf.
fn ensure_msgauth_peers() -> Result<(), String> {
    let importable = || output_of("python3", &["-c", "import dkim, dns, nacl, spf"]).is_some();
    if importable() {
        present("dkimpy, dnspython, PyNaCl, pyspf (Python)");
        return Ok(());
    }
    installing(
        "dkimpy dnspython pynacl pyspf",
        "Python packages from PyPI through pip: the DKIM and SPF peers of the message-authentication tests",
    );
    let is_root = output_of("id", &["-u"]).as_deref() == Some("0");
    let mut args = vec!["-m", "pip", "install", "--quiet"];
    if !is_root {
        args.push("--user");
    }
    args.extend(["dkimpy", "dnspython", "pynacl", "pyspf"]);
    if run_install(Command::new("python3").args(&args)).is_err() || !importable() {
        installing(
            "python3-dkim python3-dnspython python3-nacl python3-spf",
            "pip could not install them; Debian's packages instead",
        );
        apt_install(&[
            "python3-dkim",
            "python3-dnspython",
            "python3-nacl",
            "python3-spf",
        ])?;
    }
    if importable() {
        Ok(())
    } else {
        Err("dkimpy/dnspython/PyNaCl/pyspf still missing: python3 -m pip install dkimpy dnspython pynacl pyspf".into())
    }
}

/// `apt-get update` and one `apt-get install` of `packages`, as root or through `sudo -n`.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let is_root = output_of("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| -> Result<(), String> {
        let mut command = if is_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.args(["-n", "apt-get"]);
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run_install(&mut command)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}
