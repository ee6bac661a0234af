//! DMARC (RFC 7489): does the domain in From: — the one the reader sees — stand behind the
//! message? SPF and DKIM each authenticate *some* domain; DMARC passes when one of them
//! passes for a domain *aligned* with From:, and otherwise applies the From: domain's
//! policy.
//!
//! - [`record`]: the `_dmarc` TXT record's tags (§6.3), each explained.
//! - [`orgdomain`]: the organizational domain, for relaxed alignment (§3.2), by the Public
//!   Suffix List.
//! - [`policy`]: alignment (§3.1) and the verdict a receiver reaches (§6.6).

pub mod orgdomain;
pub mod policy;
pub mod record;
pub mod report;

pub use policy::{evaluate, AuthResults, Disposition, DmarcReport};
