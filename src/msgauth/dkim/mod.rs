//! DKIM (RFC 6376), with Ed25519-SHA256 from RFC 8463: one concern per file.
//!
//! - [`message`]: the message split into header fields (as received, folds and all) and
//!   body.
//! - [`tags`]: tag=value lists (§3.2), shared by the signature and the key record.
//! - [`signature`]: the `DKIM-Signature` field's tags, each explained (§3.5).
//! - [`key`]: the key record published at `selector._domainkey.domain` (§3.6.1).
//! - [`canon`]: simple and relaxed canonicalization of header fields and body (§3.4),
//!   recording what each rule changed.
//! - [`crypto`]: the RSA and Ed25519 arithmetic (the only file using `rsa` and
//!   `ed25519-dalek`).
//! - [`verify`]: the verifier's steps (§6.1) and the first one that fails.
//! - [`sign`]: the signer's steps (§5).

pub mod canon;
pub mod crypto;
pub mod input;
pub mod key;
pub mod message;
pub mod sign;
pub mod signature;
pub mod tags;
pub mod verify;

pub use verify::{verify, Failure, VerifyInput, VerifyReport};

/// The algorithms a signature can name (`a=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// `rsa-sha256` (RFC 6376 §3.3.2; `rsa-sha1` is obsolete since RFC 8301).
    RsaSha256,
    /// `ed25519-sha256` (RFC 8463 §3).
    Ed25519Sha256,
}

impl Algorithm {
    /// The name as written in `a=`.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::RsaSha256 => "rsa-sha256",
            Algorithm::Ed25519Sha256 => "ed25519-sha256",
        }
    }

    /// The key type (`k=`) a key record must have for this algorithm.
    pub fn key_type(self) -> &'static str {
        match self {
            Algorithm::RsaSha256 => "rsa",
            Algorithm::Ed25519Sha256 => "ed25519",
        }
    }
}

/// A canonicalization algorithm (§3.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Canon {
    /// `simple`: tolerates almost no change.
    Simple,
    /// `relaxed`: tolerates re-folding, case of header names and whitespace changes.
    Relaxed,
}

impl Canon {
    /// The name as written in `c=`.
    pub fn name(self) -> &'static str {
        match self {
            Canon::Simple => "simple",
            Canon::Relaxed => "relaxed",
        }
    }
}
