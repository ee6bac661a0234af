//! Sharing a page's state as a link (issue 14): the one panel every shareable page shows
//! ([`panel::SharePanel`]) and its texts. The pages map their state to
//! [`crate::share::pages`] and back.

pub mod keep;
pub mod panel;
pub mod texts;
