//! The page's message-authentication worker (issue 19): DKIM, SPF and DMARC off the main
//! thread, with the RSA and Ed25519 code kept out of the first download. A wasm32 module
//! only; natively there is nothing to run.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo_worker::Registrable;
    smtp_trainer::ui::MsgAuthWorker::registrar().register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "msgauth_worker is the page's message-authentication worker and runs only in the \
         browser; natively, use `smtp-trainer dkim`, `spf` and `dmarc`."
    );
    std::process::ExitCode::from(2)
}
