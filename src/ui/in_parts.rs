//! What a page renders after its first part (issue 13): long lists in parts, the first at
//! once and one more in each following task, so a result of thousands of elements never
//! holds the page in one long task and the learner sees its top while the rest is added
//! ([`use_in_parts`]); and what a first page's first input does not need, after the first
//! frame is drawn ([`use_drawn`]).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

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

/// How many items of a list the first task shows, and the least a later one adds.
pub const PART: usize = 100;

/// The most a later task adds: a part of 20 000 annotated lines' last third was a task of
/// half a second.
const MOST: usize = 2000;

/// How many of `total` items to render now: `at_least` (an item a link asked for must be
/// there at once) or the first [`PART`], then a part more after each render until all
/// are. A part is half of what is there, at least [`PART`] and at most [`MOST`]: every
/// render goes over the whole list, so growing parts keep their number small (five for
/// 500 items, six for 1 000, 18 for 20 000). A new `key` (a new result) starts over.
#[hook]
pub fn use_in_parts(key: u64, total: usize, at_least: usize) -> usize {
    use_in_parts_of(key, total, at_least, MOST)
}

/// [`use_in_parts`] with parts of at most `most` items: for a list whose render skips
/// what it drew before (its items in components whose properties have not changed), so
/// that a part costs what it adds, and even parts keep each task short.
#[hook]
pub fn use_in_parts_of(key: u64, total: usize, at_least: usize, most: usize) -> usize {
    let most = most.max(PART);
    let progress: Rc<RefCell<(u64, usize)>> = use_mut_ref(|| (key, PART));
    let update = use_force_update();
    let current = {
        let mut progress = progress.borrow_mut();
        if progress.0 != key {
            *progress = (key, PART);
        }
        progress.1 = progress.1.max(at_least);
        progress.1.min(total)
    };
    use_effect_with((key, current, total), move |&(key, current, total)| {
        if current < total {
            later(move || {
                let mut now = progress.borrow_mut();
                // A later render (a new result, a link) has moved on: its own effect goes on.
                if *now == (key, current) {
                    now.1 = current + (current / 2).clamp(PART, most);
                    drop(now);
                    update.force_update();
                }
            });
        }
    });
    current
}
