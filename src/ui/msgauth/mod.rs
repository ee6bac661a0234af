//! The message-authentication section (issue 19, `#/msgauth/…`): DKIM verified and signed,
//! SPF and DMARC evaluated, an aggregate report explained, each step by step, and case
//! studies that load real inputs into them.
//!
//! Every computation runs in the section's worker ([`worker`]), a wasm module of its own:
//! the page itself carries only these components and the serde types of
//! [`crate::msgauth::page`]. The inputs and the last answers live in [`state`]'s context,
//! memory only.

pub mod case_banner;
pub mod cases_view;
pub mod dkim_view;
pub mod dmarc_view;
pub mod parts;
pub mod report_view;
pub mod sign_view;
pub mod spf_view;
pub mod state;
pub mod texts;
pub mod worker;
