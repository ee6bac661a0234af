//! How large a part of a long list the page draws next (issue 13): as many items as fit in
//! a time budget at the pace the last part was drawn, so a frame stays short on a slow
//! machine and a fast one needs few parts. `ui::in_parts` draws the parts; this is its
//! arithmetic, kept apart so that it is tested natively.

/// How many items of a list the first task shows, and the least a later one adds.
pub const PART: usize = 100;

/// The most a later task adds, however fast the machine.
pub const MOST: usize = 2000;

/// How long one part's whole turn may take: the task that renders it and puts its elements
/// in the document, then the browser's style, layout and paint of the frame that shows it,
/// until the next part's task starts. A frame holds at most one such turn, so it stays
/// under the 50 ms that count as a freeze.
pub const BUDGET_MS: f64 = 40.0;

/// The next part's size after a part of `part` items whose turn took `took` ms: what fits
/// in [`BUDGET_MS`] at that pace, from half to twice the last (one turn may be a fluke: a
/// hidden tab's timers wait a second), from [`PART`] to `most`.
pub fn next_part(part: usize, took: f64, most: usize) -> usize {
    let most = most.max(PART);
    if !took.is_finite() || took < 0.0 {
        return part.clamp(PART, most);
    }
    let fits = part as f64 * BUDGET_MS / took.max(1.0);
    (fits as usize)
        .clamp(part / 2, part.saturating_mul(2))
        .clamp(PART, most)
}

#[cfg(test)]
mod tests {
    use super::{next_part, BUDGET_MS, PART};

    #[test]
    fn a_part_grows_while_it_fits_the_budget_and_shrinks_when_it_does_not() {
        // Fast: doubles, never more.
        assert_eq!(next_part(100, 1.0, 5000), 200);
        assert_eq!(next_part(3000, 5.0, 5000), 5000);
        // On budget: the same.
        assert_eq!(next_part(400, BUDGET_MS, 5000), 400);
        // Twice the budget: half; never less than half, whatever it took.
        assert_eq!(next_part(800, 2.0 * BUDGET_MS, 5000), 400);
        assert_eq!(next_part(800, 1.5 * BUDGET_MS, 5000), 533);
        assert_eq!(next_part(800, 1000.0, 5000), 400);
        // Never under a part.
        assert_eq!(next_part(100, 10_000.0, 5000), PART);
        // A fixed size: `most` no larger than a part.
        assert_eq!(next_part(100, 1.0, PART), PART);
        // A clock that went back, or no time at all.
        assert_eq!(next_part(300, -5.0, 5000), 300);
        assert_eq!(next_part(300, f64::NAN, 5000), 300);
    }
}
