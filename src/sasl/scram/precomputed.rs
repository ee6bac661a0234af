//! Hi results computed elsewhere: the page runs a SCRAM computation with a high iteration
//! count in a Web Worker (the same engine code, recorded with [`recording`]), hands the
//! [`HiResult`]s back, and [`remember`]s them here; the engine then runs the whole
//! computation again on the page, every step as always, and [`Hash::hi`] takes the
//! remembered SaltedPassword instead of spending the PBKDF2 iterations a second time.
//!
//! Hi is a pure function of its four inputs, so a remembered result is exactly what
//! computing it would give. Natively nothing is ever remembered and nothing changes. The
//! memory is bounded: the last [`KEEP`] results, and at most [`KEEP`] recorded per run.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::Hash;

/// How many results are kept (and recorded in one run).
pub const KEEP: usize = 8;

/// One call of Hi(password, salt, i) and its output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiResult {
    /// H.
    pub hash: Hash,
    /// The password's bytes.
    pub password: Vec<u8>,
    /// The salt.
    pub salt: Vec<u8>,
    /// The iteration count.
    pub iterations: u32,
    /// SaltedPassword.
    pub output: Vec<u8>,
}

thread_local! {
    static KNOWN: RefCell<Vec<HiResult>> = const { RefCell::new(Vec::new()) };
    static RECORDING: RefCell<Option<(u32, Vec<HiResult>)>> = const { RefCell::new(None) };
}

/// Keeps `results` for the next computations (the oldest forgotten beyond [`KEEP`]).
pub fn remember(results: Vec<HiResult>) {
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        for result in results {
            known.retain(|k| !same_call(k, &result));
            known.push(result);
        }
        let excess = known.len().saturating_sub(KEEP);
        known.drain(..excess);
    });
}

/// Runs `run` and returns, with its value, every Hi it computed with at least
/// `min_iterations` iterations (the first [`KEEP`]).
pub fn recording<T>(min_iterations: u32, run: impl FnOnce() -> T) -> (T, Vec<HiResult>) {
    RECORDING.with(|r| *r.borrow_mut() = Some((min_iterations, Vec::new())));
    let value = run();
    let recorded = RECORDING
        .with(|r| r.borrow_mut().take())
        .map(|(_, results)| results)
        .unwrap_or_default();
    (value, recorded)
}

/// The remembered output of Hi for these inputs.
pub(super) fn lookup(hash: Hash, password: &[u8], salt: &[u8], iterations: u32) -> Option<Vec<u8>> {
    KNOWN.with(|known| {
        known
            .borrow()
            .iter()
            .find(|k| {
                k.hash == hash
                    && k.iterations == iterations
                    && k.password == password
                    && k.salt == salt
            })
            .map(|k| k.output.clone())
    })
}

/// Records a computed Hi when a recording wants it.
pub(super) fn computed(hash: Hash, password: &[u8], salt: &[u8], iterations: u32, output: &[u8]) {
    RECORDING.with(|r| {
        if let Some((min, results)) = r.borrow_mut().as_mut() {
            if iterations >= *min && results.len() < KEEP {
                results.push(HiResult {
                    hash,
                    password: password.to_vec(),
                    salt: salt.to_vec(),
                    iterations,
                    output: output.to_vec(),
                });
            }
        }
    });
}

fn same_call(a: &HiResult, b: &HiResult) -> bool {
    a.hash == b.hash && a.iterations == b.iterations && a.password == b.password && a.salt == b.salt
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_result_is_what_hi_computes_and_is_taken_when_remembered() {
        let (direct, recorded) = recording(2, || Hash::Sha256.hi(b"pencil", b"salt", 4096));
        let direct = direct.unwrap_or_default();
        assert_eq!(recorded.len(), 1);
        assert_eq!(recorded[0].output, direct);
        // A forged output proves the remembered value is the one returned.
        let mut forged = recorded[0].clone();
        forged.output = vec![7; 32];
        remember(vec![forged]);
        assert_eq!(
            Hash::Sha256.hi(b"pencil", b"salt", 4096).ok(),
            Some(vec![7; 32])
        );
        assert_eq!(
            Hash::Sha1
                .hi(b"pencil", b"salt", 4096)
                .map(|o| o.len())
                .ok(),
            Some(20)
        );
        remember(recorded);
        assert_eq!(Hash::Sha256.hi(b"pencil", b"salt", 4096).ok(), Some(direct));
        // Below the recording's minimum nothing is recorded.
        let (_, none) = recording(5000, || Hash::Sha256.hi(b"pencil", b"salt", 4096));
        assert!(none.is_empty());
    }
}
