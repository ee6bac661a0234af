//! One component per page.

pub mod auth;
pub mod console;
pub mod not_found;
pub mod reference;
pub mod verify;
