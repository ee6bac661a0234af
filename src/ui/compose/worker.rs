//! The compose worker: a large send run off the page's main thread (issue 13). The page
//! sends the [`Job`] (the message with its attachments, the settings, the server's
//! configuration, the browser's clock and random values); the worker runs
//! [`compute`] — composing, the simulated session, reading the stored message back —,
//! answers each stage as it starts with its [`Stage`], and last with the [`JobResult`].
//! A job that asks for a DKIM signature always runs here: the signer ([`sign_composed`]) and its
//! RSA and Ed25519 arithmetic live only in this module's wasm.
//! The page stays responsive and shows the stage.
//!
//! Built as its own wasm module (`src/bin/compose_worker.rs`, a `data-type="worker"` link
//! in `index.html`), fetched the first time a learner sends a large message; it then stays
//! for the next one. Small sends the page computes in place with the same [`compute`].

use gloo_worker::{HandlerId, Worker, WorkerScope};
use serde::{Deserialize, Serialize};

use crate::compose_job::{compute_signed, Job, JobResult, Stage};
use crate::msgauth::page::sign_composed;

/// The loader script for the worker module (next to `index.html`).
pub const LOADER: &str = "./compose_worker_loader.js";

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ComposeOutput {
    /// A stage has started.
    Progress(Stage),
    /// The send is done.
    Done(JobResult),
}

/// The worker.
pub struct ComposeWorker;

impl Worker for ComposeWorker {
    type Message = ();
    type Input = Job;
    type Output = ComposeOutput;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        ComposeWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, id: HandlerId) {
        let result = compute_signed(
            &job,
            |stage| scope.respond(id, ComposeOutput::Progress(stage)),
            &sign_composed,
        );
        scope.respond(id, ComposeOutput::Done(result));
    }
}
