//! How many connections `serve` holds, in all and per client address, and the deadlines
//! each session lives under — the limits real servers have, with Postfix's names.
//!
//! - In all: `--max-connections` (default [`DEFAULT_MAX_CONNECTIONS`]); one more is
//!   answered with the profile's "too many connections" reply and closed at once.
//! - Per client address: `--max-per-client` (Postfix's `smtpd_client_connection_count_limit`,
//!   default 50), answered the same way, so one address cannot take every place.
//! - Idle: `--timeout` seconds without a byte (Postfix's `smtpd_timeout`, 300 s); when more
//!   than [`STRESS_PERCENT`] % of the places are taken it drops to [`STRESS_TIMEOUT`]
//!   seconds, as Postfix does under stress (`smtpd_timeout = ${stress?{10}:{300}}s`).
//! - Per command: `--command-timeout` seconds to finish one line once it has begun, however
//!   slowly its bytes trickle in (Postfix's `smtpd_per_record_deadline`: the timer does not
//!   restart on each byte), so one byte every few seconds cannot hold a place for ever.
//! - Per session: `--session-limit` seconds from the greeting to the close.
//! - Errors: the profile's error limits (Postfix: every reply delayed by 1 s from the 10th
//!   error on, 421 at the 21st command after 20 errors); `--error-sleep` changes the delay.
//!   The engine counts; the session waits.
//! - Memory: message text held by all sessions together stays within `--memory-budget`
//!   ([`Budget`]); a message that finds no room is read to its end and answered `452 4.3.1
//!   Insufficient system storage` (Postfix's wording), so memory stays flat whatever
//!   `--max-size` and `--max-connections` allow.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Connections held at once unless `--max-connections` says otherwise.
pub(super) const DEFAULT_MAX_CONNECTIONS: usize = 2000;
/// Connections from one client address unless `--max-per-client` says otherwise (Postfix's
/// `smtpd_client_connection_count_limit` default).
pub(super) const DEFAULT_MAX_PER_CLIENT: usize = 50;
/// Above this share of `--max-connections` in use, the idle timeout is [`STRESS_TIMEOUT`].
pub(super) const STRESS_PERCENT: usize = 80;
/// The idle timeout under stress, in seconds (Postfix's under-stress `smtpd_timeout`).
pub(super) const STRESS_TIMEOUT: u64 = 10;
/// Message text held by all sessions together unless `--memory-budget` says otherwise, MiB.
pub(super) const DEFAULT_MEMORY_BUDGET_MIB: usize = 256;
/// The longest the error delay holds one read's replies back.
pub(super) const MAX_ERROR_DELAY: Duration = Duration::from_secs(30);

/// The memory all sessions' message text may take together, in octets; each session
/// takes what its message holds and gives it back when the message ends.
#[derive(Clone, Debug)]
pub(super) struct Budget {
    used: Arc<AtomicUsize>,
    limit: usize,
}

impl Budget {
    pub(super) fn new(limit: usize) -> Budget {
        Budget {
            used: Arc::new(AtomicUsize::new(0)),
            limit,
        }
    }

    /// Takes `n` more octets if they fit.
    pub(super) fn take(&self, n: usize) -> bool {
        self.used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(n).filter(|total| *total <= self.limit)
            })
            .is_ok()
    }

    /// Gives `n` octets back.
    pub(super) fn give(&self, n: usize) {
        let _ = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                Some(used.saturating_sub(n))
            });
    }

    /// The budget in octets.
    pub(super) fn limit(&self) -> usize {
        self.limit
    }
}

/// The limits one session lives under.
#[derive(Clone, Copy, Debug)]
pub(super) struct Limits {
    /// Connections in all.
    pub max_connections: usize,
    /// Connections from one address.
    pub max_per_client: usize,
    /// No byte for this long ends the session.
    pub idle: Duration,
    /// A line begun must end within this.
    pub command: Duration,
    /// The whole session.
    pub session: Duration,
    /// The delay per reply past the soft error limit; `None`: the profile's own.
    pub error_sleep: Option<Duration>,
}

/// Why a connection was not admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// Every place is taken.
    Total(usize),
    /// This address has its share.
    PerClient(usize),
}

impl Refusal {
    /// For the transcript.
    pub(super) fn describe(self, ip: IpAddr) -> String {
        match self {
            Refusal::Total(max) => {
                format!("refused: {max} connections are open (--max-connections)")
            }
            Refusal::PerClient(max) => {
                format!("refused: {max} connections from {ip} are open (--max-per-client)")
            }
        }
    }
}

#[derive(Default)]
struct Counts {
    total: usize,
    per_client: HashMap<IpAddr, usize>,
}

/// The connections open now.
#[derive(Clone, Default)]
pub(super) struct Connections(Arc<Mutex<Counts>>);

impl Connections {
    /// Takes a place for a connection from `ip`, or says why there is none.
    pub(super) fn admit(&self, ip: IpAddr, limits: &Limits) -> Result<Place, Refusal> {
        let mut counts = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if counts.total >= limits.max_connections {
            return Err(Refusal::Total(limits.max_connections));
        }
        let from_ip = counts.per_client.get(&ip).copied().unwrap_or(0);
        if from_ip >= limits.max_per_client {
            return Err(Refusal::PerClient(limits.max_per_client));
        }
        counts.total += 1;
        counts.per_client.insert(ip, from_ip + 1);
        Ok(Place {
            connections: self.clone(),
            ip,
        })
    }

    /// How many are open.
    pub(super) fn open(&self) -> usize {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .total
    }
}

/// A connection's place; given back when dropped (the session ended, however it ended).
pub(super) struct Place {
    connections: Connections,
    ip: IpAddr,
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut counts = self
            .connections
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        counts.total = counts.total.saturating_sub(1);
        if let Some(n) = counts.per_client.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                counts.per_client.remove(&self.ip);
            }
        }
    }
}

impl Limits {
    /// The idle timeout now: shorter under stress.
    pub(super) fn idle_now(&self, open: usize) -> Duration {
        if open * 100 > self.max_connections * STRESS_PERCENT {
            self.idle.min(Duration::from_secs(STRESS_TIMEOUT))
        } else {
            self.idle
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(max: usize, per: usize) -> Limits {
        Limits {
            max_connections: max,
            max_per_client: per,
            idle: Duration::from_secs(300),
            command: Duration::from_secs(300),
            session: Duration::from_secs(3600),
            error_sleep: None,
        }
    }

    #[test]
    fn places_are_counted_per_client_and_given_back() {
        let connections = Connections::default();
        let a: IpAddr = [127, 0, 0, 1].into();
        let b: IpAddr = [127, 0, 0, 2].into();
        let l = limits(3, 2);
        let p1 = connections.admit(a, &l).unwrap();
        let _p2 = connections.admit(a, &l).unwrap();
        assert_eq!(connections.admit(a, &l).err(), Some(Refusal::PerClient(2)));
        let _p3 = connections.admit(b, &l).unwrap();
        assert_eq!(connections.admit(b, &l).err(), Some(Refusal::Total(3)));
        drop(p1);
        assert_eq!(connections.open(), 2);
        assert!(connections.admit(a, &l).is_ok());
    }

    #[test]
    fn the_memory_budget_is_shared_and_given_back() {
        let budget = Budget::new(100);
        let other = budget.clone();
        assert!(budget.take(60));
        assert!(!other.take(41));
        assert!(other.take(40));
        assert!(!budget.take(1));
        budget.give(60);
        assert!(other.take(60));
        other.give(1000);
        assert!(budget.take(100));
    }

    #[test]
    fn the_idle_timeout_shortens_under_stress() {
        let l = limits(100, 50);
        assert_eq!(l.idle_now(80), Duration::from_secs(300));
        assert_eq!(l.idle_now(81), Duration::from_secs(STRESS_TIMEOUT));
    }
}
