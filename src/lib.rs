//! # SMTP Trainer
//!
//! An SMTP and SASL protocol trainer. One engine, two faces:
//!
//! ```text
//!                 ┌──────────────────────── engine (sans-IO, no screen) ────────────────────────┐
//!  typed line ──▶ │ smtp::server::Server.receive(bytes) ──▶ [Event::Reply(Reply{code, why})]     │
//!  pasted reply ─▶│ smtp::explain ──▶ smtp::codes + smtp::reference (bilingual tables)           │
//!  mechanism +    │ sasl::{plain, login, cram_md5, digest_md5, scram, ntlm, oauth}::client       │
//!  inputs ──────▶ │      ──▶ sasl::trace::Trace [Step{label, bytes, explain}]                   │
//!  captured pair ▶│ sasl::verify ──▶ Report{fields, verdict: Valid | Invalid(Mistake)}          │
//!                 │ mime: compose / inspect;  smtp::client drives a server;  analyze: pasted logs │
//!                 │ capture: pcap/pcapng ─▶ TCP streams ─▶ SMTP transcripts for analyze          │
//!                 │ lessons: scenarios (files) and guided lessons;  i18n: Tr { en, zh }          │
//!                 │ live: a session the learner types into (server, transcript, history)         │
//!                 │ share: a page's state as a deflated, versioned payload for a link's fragment │
//!                 │ compose_job: compose + client session + read back, one serializable job      │
//!                 │ diagram: transcript ─▶ ladder SVG;  Trace ─▶ data-flow SVG (pure layout)     │
//!                 │ msgauth: dkim (verify, sign) · spf (check_host) · dmarc ─▶ Trace / steps     │
//!                 └───────────────┬───────────────────────────────────┬─────────────────────────┘
//!                                 │ values (time, seeds, bytes in)    │ values
//!                                 ▼                                   ▼
//!                 ui/ (wasm32: Yew, hash routes)         cli/ (native: clap)
//!                 #/console · #/reference · #/auth       serve (tokio: a task per connection,
//!                 #/verify · #/compose · #/mailbox         real TLS with rustls)
//!                 #/analyze · #/scenarios · #/lessons    send (rustls) · explain · auth
//!                 state: use_reducer + context            verify · analyze (text or --json)
//!                 #/msgauth (checks in a worker)          scenario check FILE
//!                                                         dkim verify|sign · spf check
//!                                                         dmarc check (records supplied)
//! ```
//!
//! Time, randomness, sockets and the DOM stay outside the engine: the faces pass them in.
//! `main.rs` renders the page on wasm32 and runs the CLI natively.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod analyze;
pub mod capture;
pub mod compose_job;
pub mod diagram;
pub mod first_page;
pub mod i18n;
pub mod lessons;
pub mod live;
pub mod mime;
pub mod msgauth;
pub mod pace;
pub mod sasl;
pub mod share;
pub mod smtp;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(target_arch = "wasm32")]
pub mod ui;
