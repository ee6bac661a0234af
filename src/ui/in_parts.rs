//! What a page renders after its first part (issue 13): long lists in parts, the first at
//! once and one more in each following task, so a result of thousands of elements never
//! holds the page in one long task and the learner sees its top while the rest is added
//! ([`use_in_parts`]); and what a first page's first input does not need, after the first
//! frame is drawn ([`use_drawn`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::pace::{next_part, MOST, PART};
use crate::ui::engine_worker::later;

/// False in a page's first render, true from the first task after the browser has drawn it:
/// what is not needed for the first input (a side column, a diagram) waits for this, so
/// the first frame lays out less (issue 13). A page in a hidden tab draws no frame, and
/// shows the rest when it is first seen.
#[hook]
pub fn use_drawn() -> bool {
    let drawn = use_state_eq(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| after_next_frame(move || drawn.set(true)));
    }
    *drawn
}

/// Runs `f` in a task after the browser's next frame (`requestAnimationFrame`, then a zero
/// timeout: the frame's callbacks run before it is drawn).
fn after_next_frame(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let callback = Closure::once_into_js(move || later(f));
    if window
        .request_animation_frame(callback.unchecked_ref())
        .is_err()
    {
        // No frames to wait for: the timeout alone.
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

/// Where a list drawn in parts is.
struct Progress {
    /// The result the parts are of.
    key: u64,
    /// How many items are shown.
    shown: usize,
    /// How many the next part adds.
    part: usize,
    /// When the task that added the last part began (`Date.now()`): its turn ends when
    /// the next part's task begins.
    started: Option<f64>,
}

/// How many of `total` items to render now: the first [`PART`], then a part more in each
/// following task until all are. A new `key` (a new result) starts over. (An item a link
/// asks for is the list's to draw at once: the Analyze lines draw its chunk.)
///
/// A part is as large as fits in [`BUDGET_MS`](crate::pace::BUDGET_MS) on this machine,
/// as the last one was timed (from the task that added it to the task of the next, its
/// render, the browser's layout and paint and the wait between included), from [`PART`] to
/// [`MOST`] items. A list whose render skips what it drew before (its items in components whose
/// properties have not changed) pays for what a part adds; one drawn whole each time pays
/// for everything, and its parts shrink to match. Fixed sizes were either frames of
/// 200 ms and more (2 000 annotated lines a part) or, small, a frame's rendering for every
/// few lines: 20 000 annotated lines in parts of 100 took four times as long.
#[hook]
pub fn use_in_parts(key: u64, total: usize) -> usize {
    let progress: Rc<RefCell<Progress>> = use_mut_ref(|| Progress {
        key,
        shown: PART,
        part: PART,
        started: None,
    });
    let update = use_force_update();
    let current = {
        let mut progress = progress.borrow_mut();
        if progress.key != key {
            *progress = Progress {
                key,
                shown: PART,
                part: PART,
                started: None,
            };
        }
        progress.shown.min(total)
    };
    use_effect_with((key, current, total), move |&(key, current, total)| {
        if current < total {
            later(move || {
                let mut now = progress.borrow_mut();
                // A later render (a new result, a link) has moved on: its own effect goes on.
                if now.key == key && now.shown == current {
                    let time = js_sys::Date::now();
                    if let Some(started) = now.started {
                        now.part = next_part(now.part, time - started, MOST);
                    }
                    now.started = Some(time);
                    now.shown = current + now.part;
                    drop(now);
                    update.force_update();
                }
            });
        } else {
            // All shown: a later "show all" starts a new turn, not the end of this one.
            progress.borrow_mut().started = None;
        }
    });
    current
}
