//! What the pages that hand work to a Web Worker share: whether a worker may start at all,
//! and a watchdog that notices when one never answers (its module failed to load: a first
//! visit while offline, or files missing from the site), so no page waits forever.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Tr};

/// How long a worker may stay silent after a request before the page says so. Every check
/// here answers within a second or two once the module is loaded.
pub const SILENT_MS: i32 = 10_000;

/// Whether the page may start a worker: not when opened as a file (Chromium refuses a
/// worker script from a `file:` page).
pub fn workers_allowed() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|protocol| protocol != "file:")
}

/// Counts a worker's answers, so that a timer started with a request can tell whether any
/// came since. Cheap to clone; the clones share the count.
#[derive(Clone, Default)]
pub struct Watchdog(Rc<Cell<u64>>);

impl Watchdog {
    /// An answer (or a progress report) came.
    pub fn answered(&self) {
        self.0.set(self.0.get().wrapping_add(1));
    }

    /// Calls `on_silence` after [`SILENT_MS`] unless an answer comes first.
    pub fn watch(&self, on_silence: impl FnOnce() + 'static) {
        let seen = self.0.get();
        let count = Rc::clone(&self.0);
        let Some(window) = web_sys::window() else {
            return;
        };
        let check = Closure::once_into_js(move || {
            if count.get() == seen {
                on_silence();
            }
        });
        // A browser that refuses the timer just keeps waiting, as before.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            check.unchecked_ref(),
            SILENT_MS,
        );
    }
}

/// How a page's worker is doing, as far as the page can tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WorkerNote {
    /// Answering (or not asked yet).
    #[default]
    Fine,
    /// No answer within [`SILENT_MS`] of a request: its module may have failed to load.
    Silent,
    /// The page may not start a worker (opened as a file).
    Refused,
}

/// No answer from the worker for a while.
const WORKER_SILENT: Tr = Tr::new(
    "No answer from the worker that computes this after {seconds} s. Its module may have failed to load (a first visit while offline, or files missing from the site): reload the page to try again. If the answer still comes, it is shown here.",
    "负责计算的 Worker {seconds} 秒后仍无应答。它的模块可能未能加载（首次访问时处于离线状态，或网站缺少文件）：请刷新页面重试。如果应答随后到达，会显示在这里。",
);

/// The page may not start a worker.
const WORKER_REFUSED: Tr = Tr::new(
    "This runs in a worker, which a page opened as a file cannot start: open the page over HTTP (for example run `python3 -m http.server` in its folder).",
    "这项计算在 Worker 中运行，而以文件方式打开的页面无法启动 Worker：请通过 HTTP 打开页面（例如在其文件夹中运行 `python3 -m http.server`）。",
);

/// Says that the worker has not answered for a while, or cannot start; nothing when fine.
pub fn worker_note(note: WorkerNote, lang: Lang) -> Html {
    match note {
        WorkerNote::Fine => Html::default(),
        WorkerNote::Silent => html! {
            <p class="error-box" role="alert" data-testid="worker-silent">
                { WORKER_SILENT.fill(lang, &[("seconds", &(SILENT_MS / 1000))]) }
            </p>
        },
        WorkerNote::Refused => html! {
            <p class="error-box" role="alert" data-testid="worker-refused">
                { WORKER_REFUSED.get(lang) }
            </p>
        },
    }
}
