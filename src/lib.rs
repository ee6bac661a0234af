//! # SMTP Trainer
//!
//! An SMTP and SASL protocol trainer. One engine, two faces:
//!
//! ```text
//!                     ┌──────────────────── engine (sans-IO, no screen) ───────────────────┐
//!  learner types ───▶ │ smtp::explain ──▶ smtp::codes ──▶ smtp::reference (tables)        │
//!  or pastes a line   │      │                                  │                        │
//!                     │      ▼                                  ▼                        │
//!                     │  Explanation { reply, enhanced, text }  search(query) ─▶ [Entry] │
//!                     │  sasl/  mime/  analyze/   (later issues: traces, messages, logs) │
//!                     │  i18n: every text as Tr { en, zh }                               │
//!                     └──────────────┬───────────────────────────────────┬──────────────┘
//!                                    │ values                            │ values
//!                                    ▼                                   ▼
//!                     ui/ (wasm32: Yew, hash routes)       cli/ (native: clap)
//!                     #/reference/553 → HTML               `smtp-trainer explain 553`
//!                     state: use_reducer + context          → text or --json on stdout
//! ```
//!
//! Time, randomness, sockets and the DOM stay outside the engine: the faces pass them in.
//! `main.rs` renders the page on wasm32 and runs the CLI natively.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analyze;
pub mod i18n;
pub mod mime;
pub mod sasl;
pub mod smtp;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod ui;
