//! Long lists rendered in parts (issue 13): the first part at once, one more in each
//! following task, so a result of thousands of elements never holds the page in one long
//! task, and the learner sees its top while the rest is added.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::engine_worker::later;

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
                    now.1 = current + (current / 2).clamp(PART, MOST);
                    drop(now);
                    update.force_update();
                }
            });
        }
    });
    current
}
