//! The learn pages' home: the lessons ([`lessons`], `#/lessons`) and the scenarios
//! ([`scenarios`], `#/scenarios`), and what both use — their state's provider
//! ([`provider::LearnProvider`], which also provides the analyze page's state), the browser
//! storage they read and write ([`storage`], the one module that touches it), a session's
//! transcript ([`session_log`]), the progress summary ([`summary`]) and where the focus goes
//! ([`focus`]). The live server session itself is the engine's [`crate::live`].
//!
//! The reducers are pure: their constructors take what storage held, which the provider
//! reads once in `use_reducer`'s init (so the first render already shows it); saving is the
//! provider's effects.

pub mod focus;
pub mod lessons;
pub mod provider;
pub mod scenarios;
pub mod session_log;
pub mod storage;
pub mod summary;
