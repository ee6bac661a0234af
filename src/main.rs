//! `smtp-trainer`: the page on wasm32, the command line everywhere else.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    smtp_trainer::ui::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    smtp_trainer::cli::run()
}
