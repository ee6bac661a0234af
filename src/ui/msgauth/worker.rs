//! The message-authentication worker: DKIM, SPF and DMARC computed off the page's main
//! thread, in a wasm module of their own (`src/bin/msgauth_worker.rs`, a
//! `data-type="worker"` link in `index.html`) fetched the first time a check runs. The
//! RSA and Ed25519 arithmetic lives only there, so the first page's download does not
//! carry it. The page sends a [`Request`]; the worker answers with
//! [`crate::msgauth::page::handle`]'s [`Response`].

use gloo_worker::{HandlerId, Worker, WorkerScope};

use crate::msgauth::page::{handle, Request, Response};

/// The loader script for the worker module (next to `index.html`).
pub const LOADER: &str = "./msgauth_worker_loader.js";

/// The worker.
pub struct MsgAuthWorker;

impl Worker for MsgAuthWorker {
    type Message = ();
    type Input = Request;
    type Output = Response;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        MsgAuthWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
        scope.respond(id, handle(&request));
    }
}
