//! The page's engine worker (issue 13): SCRAM with a high iteration count and the analysis
//! of long logs, off the main thread. A wasm32 module only; natively there is nothing to
//! run.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    smtp_trainer::ui::EngineWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "engine_worker is the page's worker for heavy computations and runs only in the \
         browser; natively, use `smtp-trainer auth`, `verify` and `analyze`."
    );
    std::process::ExitCode::from(2)
}
