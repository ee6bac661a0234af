//! The page's compose worker (issue 13): composes, sends through the simulated session and
//! reads back a large message off the main thread. It is a wasm32 module only; natively
//! there is nothing to run.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    smtp_trainer::ui::ComposeWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "compose_worker is the page's compose worker and runs only in the browser; \
         natively, use `smtp-trainer send`."
    );
    std::process::ExitCode::from(2)
}
