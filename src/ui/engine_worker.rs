//! The engine worker (issue 13): the page's heavy computations other than composing,
//! reading captures and message authentication — SCRAM with a high iteration count (the
//! Auth and Verify pages, and the AUTH exchanges of an analyzed log) and the analysis of a
//! long log — run off the main thread, in a wasm module of its own
//! (`src/bin/engine_worker.rs`, a `data-type="worker"` link in `index.html`) fetched the
//! first time one is needed.
//!
//! The worker runs the very computation the page would run, with the same engine code. For
//! SCRAM it hands back the PBKDF2 results it computed ([`HiResult`]); the page remembers
//! them ([`precomputed`]) and runs the engine again in place, every step as always, only
//! without spending the iterations a second time — so the page shows exactly what the
//! engine computes. A long log comes back as the engine's [`Analysis`] itself, packed
//! ([`PackedAnalysis`]).
//!
//! Below the thresholds ([`HEAVY_ITERATIONS`], [`HEAVY_TEXT_BYTES`]) and on a page opened
//! as a file (no worker may start) the page computes in place, as before.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{HandlerId, Spawnable, Worker, WorkerBridge, WorkerScope};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::analyze::auth::{check, exchanges_of, Exchange};
use crate::analyze::{analyze, Analysis};
use crate::i18n::{Lang, Tr};
use crate::sasl::scram;
use crate::sasl::scram::precomputed::{recording, HiResult};
use crate::sasl::verify::{decode_pasted, Mechanism};
use crate::ui::auth::compute::{compute, Values};
use crate::ui::auth::mechanism::AuthMech;
use crate::ui::verify::state::{Mode, VerifyState};
use crate::ui::workers::{workers_allowed, Watchdog, WorkerNote};

/// The loader script for the worker module (next to `index.html`).
pub const LOADER: &str = "./engine_worker_loader.js";

/// SCRAM above this many iterations is computed in the worker. Measured in headless
/// Chromium (`cargo xtask bench-engine`, docs/size.md): SCRAM-SHA-256 with a million
/// iterations held the page's main thread for about 960 ms, so 100 000 take about 96 ms —
/// the most that may block the page without an indicator.
pub const HEAVY_ITERATIONS: u32 = 100_000;

/// A log longer than this many bytes is analyzed in the worker. Measured the same way: a
/// 1 MB log took about 710 ms in one task, some 190 ms of it showing the result (as for a
/// log of 500 lines), so the analysis runs at about 2 MB a second and 128 KiB take about
/// 65 ms.
pub const HEAVY_TEXT_BYTES: usize = 128 * 1024;

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The Auth page's computation for one mechanism and its values.
    Auth {
        /// The mechanism.
        mech: AuthMech,
        /// The form's values.
        values: Values,
    },
    /// The Verify page's check of what is there now.
    Verify {
        /// The mechanism (by its name).
        mechanism: String,
        /// The challenge as pasted.
        challenge: String,
        /// The response as pasted.
        response: String,
        /// The password (may be empty).
        password: String,
        /// The "exactly what the client sent" switch.
        as_sent: bool,
        /// The transcript, when a whole transcript is checked.
        transcript: Option<String>,
    },
    /// The Analyze page's analysis of a log, its AUTH exchanges checked with `password`.
    Analyze {
        /// The log.
        text: String,
        /// The password (may be empty).
        password: String,
    },
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The PBKDF2 results of a SCRAM computation, for the page to run it again in place.
    Hi(Vec<HiResult>),
    /// The analysis of a log, and the PBKDF2 results of checking its AUTH exchanges.
    Analyzed {
        /// The engine's analysis, packed.
        analysis: PackedAnalysis,
        /// The PBKDF2 results.
        hi: Vec<HiResult>,
    },
}

/// An [`Analysis`] as the worker sends it: its bincode bytes, unpacked by the page that
/// asked for it. Every page that talks to this worker reads [`Response`]; packed, the
/// analysis's reader (its lines, findings, forms and every id the analyzer makes) is linked
/// only into the module that unpacks it, not into Verify's or Auth's, which ask for PBKDF2
/// results alone (issue 13).
#[derive(Clone, Debug, PartialEq)]
pub struct PackedAnalysis(Vec<u8>);

impl PackedAnalysis {
    /// Packs an analysis (empty if it cannot be encoded, which [`Self::unpack`] refuses).
    pub fn pack(analysis: &Analysis) -> PackedAnalysis {
        PackedAnalysis(bincode::serialize(analysis).unwrap_or_default())
    }

    /// The analysis, or `None` for bytes that are not one.
    pub fn unpack(&self) -> Option<Analysis> {
        bincode::deserialize(&self.0).ok()
    }
}

impl Serialize for PackedAnalysis {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for PackedAnalysis {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = PackedAnalysis;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an analysis's bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<PackedAnalysis, E> {
                Ok(PackedAnalysis(v.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<PackedAnalysis, E> {
                Ok(PackedAnalysis(v))
            }
        }
        deserializer.deserialize_byte_buf(Bytes)
    }
}

/// Runs a request: the page's own computation, recorded.
pub fn handle(request: Request) -> Response {
    match request {
        Request::Auth { mech, values } => {
            Response::Hi(recording(HEAVY_ITERATIONS, || compute(mech, &values)).1)
        }
        Request::Verify {
            mechanism,
            challenge,
            response,
            password,
            as_sent,
            transcript,
        } => {
            let mut state = VerifyState {
                mechanism: Mechanism::from_name(&mechanism)
                    .unwrap_or(VerifyState::default().mechanism),
                challenge,
                response,
                password,
                as_sent,
                ..VerifyState::default()
            };
            if let Some(transcript) = transcript {
                state.mode = Mode::Transcript;
                state.transcript = transcript;
            }
            Response::Hi(recording(HEAVY_ITERATIONS, || state.check()).1)
        }
        Request::Analyze { text, password } => {
            let analysis = analyze(&text);
            let password = Some(password.as_str()).filter(|p| !p.is_empty());
            let exchanges = exchanges_of(&analysis);
            let (_, hi) = recording(HEAVY_ITERATIONS, || {
                for exchange in exchanges {
                    check(exchange, password);
                }
            });
            Response::Analyzed {
                analysis: PackedAnalysis::pack(&analysis),
                hi,
            }
        }
    }
}

/// The highest SCRAM iteration count among `exchanges`' server-first messages (0 when
/// none is SCRAM): what decides whether checking them is quick.
pub fn scram_iterations_of(exchanges: &[Exchange]) -> u32 {
    exchanges
        .iter()
        .filter(|e| e.mechanism.to_ascii_uppercase().starts_with("SCRAM-"))
        .flat_map(|e| e.rounds.iter().map(|(challenge, _)| challenge))
        .filter_map(|challenge| {
            let bytes = decode_pasted(challenge).0;
            scram::parse_server_first(&String::from_utf8_lossy(&bytes)).ok()
        })
        .map(|first| first.iterations)
        .max()
        .unwrap_or(0)
}

/// The SCRAM iteration count of the Verify page's one exchange (0 when not SCRAM).
pub fn verify_iterations(mechanism: Mechanism, challenge: &str) -> u32 {
    if !mechanism.name().starts_with("SCRAM-") {
        return 0;
    }
    let bytes = decode_pasted(challenge).0;
    scram::parse_server_first(&String::from_utf8_lossy(&bytes))
        .map(|first| first.iterations)
        .unwrap_or(0)
}

/// The worker.
pub struct EngineWorker;

impl Worker for EngineWorker {
    type Message = ();
    type Input = (u64, Request);
    type Output = (u64, Response);

    fn create(_scope: &WorkerScope<Self>) -> Self {
        EngineWorker
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(
        &mut self,
        scope: &WorkerScope<Self>,
        (seq, request): (u64, Request),
        id: HandlerId,
    ) {
        scope.respond(id, (seq, handle(request)));
    }
}

/// A page's handle on the worker: whether a computation is under way, what the page can
/// tell about the worker, and how to start one.
#[derive(Clone, PartialEq)]
pub struct EngineJob {
    /// A computation is under way (its answer not in yet).
    pub busy: bool,
    /// How the worker is doing.
    pub note: WorkerNote,
    /// Sends a request; the callback gets the answer unless a later request came first.
    pub run: Callback<(Request, Callback<Response>)>,
}

/// The page's worker (started on the first request). Only the answer to the latest
/// request is delivered: an older one is stale and dropped.
#[hook]
pub fn use_engine_job() -> EngineJob {
    let busy = use_state_eq(|| false);
    let note = use_state_eq(WorkerNote::default);
    let bridge = use_mut_ref(|| None::<WorkerBridge<EngineWorker>>);
    let latest: Rc<RefCell<(u64, Option<Callback<Response>>)>> = use_mut_ref(|| (0, None));
    let watchdog = use_memo((), |_| Watchdog::default());
    let run = {
        let (busy, note) = (busy.clone(), note.clone());
        use_callback(
            (),
            move |(request, then): (Request, Callback<Response>), _| {
                if !workers_allowed() {
                    note.set(WorkerNote::Refused);
                    return;
                }
                let seq = {
                    let mut latest = latest.borrow_mut();
                    latest.0 += 1;
                    latest.1 = Some(then);
                    latest.0
                };
                let mut bridge = bridge.borrow_mut();
                let worker = bridge.get_or_insert_with(|| {
                    let (busy, note, latest) = (busy.clone(), note.clone(), latest.clone());
                    let watchdog = (*watchdog).clone();
                    EngineWorker::spawner()
                        .callback(move |(seq, response): (u64, Response)| {
                            watchdog.answered();
                            let then = {
                                let mut latest = latest.borrow_mut();
                                if latest.0 != seq {
                                    return;
                                }
                                latest.1.take()
                            };
                            busy.set(false);
                            note.set(WorkerNote::Fine);
                            if let Some(then) = then {
                                then.emit(response);
                            }
                        })
                        .spawn_with_loader(LOADER)
                });
                worker.send((seq, request));
                busy.set(true);
                let (note, latest) = (note.clone(), latest.clone());
                watchdog.watch(move || {
                    let latest = latest.borrow();
                    if latest.0 == seq && latest.1.is_some() {
                        note.set(WorkerNote::Silent);
                    }
                });
            },
        )
    };
    EngineJob {
        busy: *busy,
        note: *note,
        run,
    }
}

/// Runs `f` in a task of its own (a zero timeout): the page then handles input between
/// reading a large answer and showing it, instead of both in one long task.
pub fn later(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let callback = Closure::once_into_js(f);
    // A browser that refuses the timer would drop the answer: nothing else to do then.
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// The indicator shown while the worker computes.
const COMPUTING: Tr = Tr::new(
    "Computing in the background… The page stays usable; the result appears here when it is ready.",
    "正在后台计算…… 页面仍可使用；结果就绪后显示在这里。",
);

/// The indicator while `job` computes, or while the page knows it `waits` for it (from the
/// render that asks, before the request is sent), with the worker's note when it is silent
/// or refused; nothing otherwise.
pub fn computing(job: &EngineJob, waits: bool, lang: Lang) -> Html {
    let busy = job.busy || waits;
    html! {
        <>
            if busy {
                <p class="hint computing" role="status" aria-live="polite"
                    data-testid="engine-computing">
                    <progress></progress>{ " " }
                    { COMPUTING.get(lang) }
                </p>
            }
            if busy || job.note == WorkerNote::Refused {
                { crate::ui::workers::worker_note(job.note, lang) }
            }
        </>
    }
}
