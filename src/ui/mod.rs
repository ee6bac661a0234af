//! The page: Yew function components over the engine (wasm32 only).
//!
//! One component per file; pages under [`pages`], the console's parts under [`console`].
//! Shared state (the language; the console's session) lives in reducers provided through
//! contexts ([`state`], [`console::state`]); components render engine values and
//! compute nothing the engine could. Routes are hash routes (`#/reference/553`), so the
//! built `dist/` works from any static host.
//!
//! Stable `data-testid` attributes for the browser tests are listed in `docs/testing.md`.

mod app;
mod code_detail;
mod console;
mod lang_switch;
mod nav;
mod pages;
mod route;
mod state;

/// Mounts the app on `<body>`.
pub fn run() {
    yew::Renderer::<app::App>::new().render();
}
