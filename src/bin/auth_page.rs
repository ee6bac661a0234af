//! The module a first visit to the Auth page loads (issue 13): that section alone, which hands
//! over to the whole app when another section is opened (see `smtp_trainer::ui`'s
//! `sections`). A wasm32 module only; natively there is nothing to run.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    smtp_trainer::ui::run_auth();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("auth_page is a module of the page and runs only in the browser.");
    std::process::ExitCode::from(2)
}
