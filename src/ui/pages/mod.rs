//! One component per page.

pub mod console;
pub mod not_found;
pub mod reference;
