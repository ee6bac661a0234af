//! The command line's clock: RFC 5322 dates and seeds. The engine reads no clock; the CLI
//! passes these values in.

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since 1970, or 0 if the clock is before it.
pub(super) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A seed from the clock (for fault draws and nonces when none is given).
pub fn seed() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() ^ u64::from(d.subsec_nanos()).rotate_left(32))
        .unwrap_or(0)
}

/// The current time as RFC 5322 §3.3 writes it, in UTC.
pub fn rfc5322_now() -> String {
    rfc5322(now_secs())
}

/// `Sat, 21 Nov 2026 20:15:48 +0000` for seconds since 1970 (UTC).
pub fn rfc5322(secs: u64) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let days = secs / 86_400;
    let time = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    // 1 January 1970 was a Thursday.
    let weekday = DAYS
        .get(((days + 4) % 7) as usize)
        .copied()
        .unwrap_or("Thu");
    let month = MONTHS
        .get((month as usize).saturating_sub(1))
        .copied()
        .unwrap_or("Jan");
    format!(
        "{weekday}, {day} {month} {year} {:02}:{:02}:{:02} +0000",
        time / 3600,
        time / 60 % 60,
        time % 60
    )
}

/// Year, month (1–12) and day for days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_rfc5322_form() {
        assert_eq!(rfc5322(0), "Thu, 1 Jan 1970 00:00:00 +0000");
        assert_eq!(rfc5322(1_795_292_148), "Sat, 21 Nov 2026 20:15:48 +0000");
        assert_eq!(rfc5322(951_782_400), "Tue, 29 Feb 2000 00:00:00 +0000");
        // 2100 is not a leap year.
        assert_eq!(rfc5322(4_107_542_399), "Sun, 28 Feb 2100 23:59:59 +0000");
        assert_eq!(rfc5322(4_107_542_400), "Mon, 1 Mar 2100 00:00:00 +0000");
        assert_eq!(rfc5322(4_133_980_799), "Fri, 31 Dec 2100 23:59:59 +0000");
    }
}
