//! SASL mechanisms, one file each (RFC 4422 and the mechanisms' own RFCs: 4616 PLAIN,
//! draft-murchison-sasl-login LOGIN, 2195 CRAM-MD5 over 2104 HMAC-MD5), each computation
//! returning a step-by-step [`trace::Trace`].
//!
//! Each mechanism is also an exchange ([`exchange`]): a server side and a client side,
//! stepped with what the other side sent; [`registry`] lists them, so the SMTP server and
//! client only frame the data and map outcomes to replies.
//!
//! Sans-IO like the rest of the engine: challenges, nonces and passwords come in as
//! arguments.

pub mod cram_md5;
pub mod digest_md5;
pub mod examples;
pub mod exchange;
pub mod hmac_md5;
pub mod login;
pub mod ntlm;
pub mod oauth;
pub mod plain;
pub mod problem;
pub mod registry;
pub mod saslname;
pub mod scram;
pub mod trace;
pub mod verify;

pub use exchange::{Account, AuthStep};

use subtle::ConstantTimeEq;

/// Compares a presented secret with the stored one in time that does not depend on where
/// they differ (a password check must not leak its prefix through timing).
pub fn secrets_match(presented: &[u8], stored: &[u8]) -> bool {
    presented.ct_eq(stored).into()
}
