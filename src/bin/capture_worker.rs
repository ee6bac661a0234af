//! The page's capture worker (issue 15): reads a packet capture off the main thread. It is
//! a wasm32 module only; natively there is nothing to run.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    smtp_trainer::ui::CaptureWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "capture_worker is the page's packet-capture worker and runs only in the browser; \
         natively, use `smtp-trainer analyze FILE.pcap`."
    );
    std::process::ExitCode::from(2)
}
