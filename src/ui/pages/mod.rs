//! One component per page.

pub mod analyze;
pub mod auth;
pub mod compose;
pub mod console;
pub mod lessons;
pub mod mailbox;
pub mod msgauth;
pub mod not_found;
pub mod reference;
pub mod scenarios;
pub mod verify;
