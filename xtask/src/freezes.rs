//! What a learner feels as a freeze while the page computes a result, for the benchmarks
//! that click and wait (`bench-compose`, `bench-engine`).
//!
//! Each counts the long animation frames (Long Animation Frames API): a frame that took
//! over 50 ms from its first task to its paint, script, style and layout included. The Long
//! Tasks API they used before leaves out the rendering, and that is where a large result's
//! layout is: a 10 MB send's 1 500-row wire view took 274 ms of layout that no long task
//! showed. Frames count from the click until a second after the result is shown (its
//! layout, and what is added to it in parts).

use serde_json::Value;

/// Records each long frame into `b.long` as `[its start after the click, its duration]`;
/// `b` and `start` (the click's `performance.now()`) are in scope where it is pasted.
pub const OBSERVE_LONG_FRAMES: &str = "
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) b.long.push([e.startTime - start, e.duration]);
  }).observe({ type: 'long-animation-frame' });
";

/// How long after the result is shown its frames still count.
const AFTER_RESULT_MS: f64 = 1000.0;

/// The figures, once the result has been shown for 1.5 s (entries arrive after the fact).
pub const RESULT: &str = "const b = window.__bench; \
                          return b && b.done !== undefined \
                            && performance.now() > b.start + b.done + 1500 ? b : null;";

/// The longest long frame and the time in long frames, of those that began before a
/// second after `done` (when the result was shown).
pub fn long_frames(result: &Value, done: f64) -> (f64, f64) {
    let long: Vec<f64> = result["long"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|e| {
                    e[0].as_f64()
                        .is_some_and(|start| start < done + AFTER_RESULT_MS)
                })
                .filter_map(|e| e[1].as_f64())
                .collect()
        })
        .unwrap_or_default();
    (
        long.iter().copied().fold(0.0, f64::max),
        long.iter().fold(0.0, |total, frame| total + frame),
    )
}
