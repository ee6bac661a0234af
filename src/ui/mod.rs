//! The page: Yew function components over the engine (wasm32 only).
//!
//! One component per file; pages under [`pages`], the parts of the console, the auth page
//! and the verify page under [`console`], [`auth`] and [`verify`], the lessons' and the
//! scenarios' under [`learn`]. Shared state (the language; the console's session; the
//! learn pages' sessions; the auth and verify forms) lives in reducers provided through
//! contexts ([`state`], [`console::state`], [`auth::state`], [`verify::state`]);
//! components render engine values and compute nothing the engine could. Routes are hash routes (`#/reference/553`), so the
//! built `dist/` works from any static host.
//!
//! The console, Auth, Verify, Analyze and Compose pages each show the one share panel
//! ([`share`]): their state as a link, a file, and back.
//!
//! Stable `data-testid` attributes for the browser tests are listed in `docs/testing.md`.

mod analyze;
mod app;
mod auth;
mod clipboard;
mod code_detail;
mod compose;
mod console;
mod copy_button;
mod diagram;
mod engine_worker;
mod in_parts;
mod lang_switch;
mod learn;
mod mailbox;
mod msgauth;
mod nav;
mod pages;
mod password_input;
mod policy_switch;
mod reply_reference;
mod route;
mod sections;
mod share;
mod state;
mod verify;
mod workers;

pub use analyze::capture_worker::CaptureWorker;
pub use compose::worker::ComposeWorker;
pub use engine_worker::EngineWorker;
pub use msgauth::worker::MsgAuthWorker;
pub use sections::{run_auth, run_console, run_reference, run_verify};

/// Mounts the app on `<body>`.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
