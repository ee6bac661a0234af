//! The capture worker: a packet capture read off the page's main thread (issue 15). The
//! page sends the file's bytes; the worker reads them a step at a time with
//! [`crate::capture::Reader`], answers each step with its [`Progress`], and last with the
//! whole [`Capture`] (or the reason it could not be read). The page stays responsive
//! however large the file is, and shows how far the reading got.
//!
//! Built as its own wasm module (`src/bin/capture_worker.rs`, a `data-type="worker"` link
//! in `index.html`), fetched the first time a learner opens a capture.

use gloo_worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

use crate::capture::{Capture, CaptureError, Progress, Reader};

/// The loader script Trunk writes for the worker module (next to `index.html`).
pub const LOADER: &str = "./capture_worker_loader.js";

/// Packets read between two progress reports.
const STEP_PACKETS: usize = 2_000;

/// What the worker answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum CaptureOutput {
    /// How far the reading got.
    Progress(Progress),
    /// The capture, read; or why it could not be read at all.
    Done(Result<Capture, CaptureError>),
}

/// The worker.
pub struct CaptureWorker;

impl Worker for CaptureWorker {
    type Message = ();
    type Input = Vec<u8>;
    type Output = CaptureOutput;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        CaptureWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, bytes: Vec<u8>, id: HandlerId) {
        let mut reader = match Reader::new(&bytes) {
            Ok(reader) => reader,
            Err(err) => {
                scope.respond(id, CaptureOutput::Done(Err(err)));
                return;
            }
        };
        loop {
            let progress = reader.step(STEP_PACKETS);
            scope.respond(id, CaptureOutput::Progress(progress));
            if progress.done {
                break;
            }
        }
        scope.respond(id, CaptureOutput::Done(reader.finish()));
    }
}
