//! What pressing Send does: the form becomes a [`Job`] (see [`super::session`]); a small one
//! is computed at once, a large one (from [`WORKER_FROM`] octets) or one to be signed with
//! DKIM in the compose worker while the page shows how far it got. Its result goes into the compose state, an
//! accepted message into the app's mailbox. Both ways run the same
//! [`crate::compose_job::compute`], so the result is the same.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};

use super::session::{job, Refusal, SendResult};
use super::state::{ComposeAction, ComposeContext, Sending};
use super::worker::{ComposeOutput, ComposeWorker, LOADER};
use crate::compose_job::{compute, Job, JobResult, Stage};
use crate::msgauth::page::DemoKeyOut;
use crate::smtp::profile::Profile;
use crate::ui::mailbox::state::{MailAction, MailContext, MailItem, Origin};
use crate::ui::msgauth::state::{MsgAuthContext, Slot};
use crate::ui::workers::{workers_allowed, Watchdog, WorkerNote};

/// The demo key made in the page (by the composer's button or the sign view), if any.
pub fn demo_key(msgauth: &MsgAuthContext) -> Option<DemoKeyOut> {
    match &msgauth.state.demo_key {
        Slot::Done(out) => out.as_ref().as_ref().ok().cloned(),
        _ => None,
    }
}

/// From this many octets of text and attachments a send runs in the worker (a smaller one
/// takes well under 100 ms in place).
pub const WORKER_FROM: usize = 256 * 1024;

thread_local! {
    /// The worker, spawned by the first large send and kept for the next.
    static WORKER: RefCell<Option<WorkerBridge<ComposeWorker>>> = const { RefCell::new(None) };
    /// Where the worker's answers go: the state of the page that sent the job.
    static TARGET: RefCell<Option<(ComposeContext, Option<MailContext>)>> = const { RefCell::new(None) };
    /// Counts the worker's answers, so a send it never answers is noticed.
    static WATCHDOG: Watchdog = Watchdog::default();
}

/// Sends the form's message as it stands (not while files are still being read, nor while
/// a send is under way). A message to be signed with DKIM (with the message-authentication
/// section's demo key, from `msgauth`) always goes to the worker: only its module signs.
pub fn send_now(
    compose: &ComposeContext,
    mail: Option<&MailContext>,
    msgauth: Option<&MsgAuthContext>,
) {
    if !compose.reading.is_empty() || compose.sending.is_some() {
        return;
    }
    let key = msgauth.and_then(demo_key);
    let job = match job(compose, key.as_ref().map(|k| k.private.as_str())) {
        Ok(job) => job,
        Err(refusal) => {
            compose.dispatch(ComposeAction::Result(Rc::new(SendResult::Refused(refusal))));
            return;
        }
    };
    if job.dkim.is_some() {
        if workers_allowed() {
            in_worker(compose, mail, job);
        } else {
            let refusal = Refusal::Form(super::texts::DKIM_NEEDS_WORKER);
            compose.dispatch(ComposeAction::Result(Rc::new(SendResult::Refused(refusal))));
        }
    } else if job.weight() < WORKER_FROM || !workers_allowed() {
        deliver(compose, mail, compute(&job, |_| {}));
    } else {
        in_worker(compose, mail, job);
    }
}

/// Hands the job to the worker (spawning it the first time).
fn in_worker(compose: &ComposeContext, mail: Option<&MailContext>, job: Job) {
    compose.dispatch(ComposeAction::Sending(Sending {
        stage: Stage::Composing,
        octets: job.weight(),
        worker: WorkerNote::Fine,
    }));
    TARGET.with(|target| *target.borrow_mut() = Some((compose.clone(), mail.cloned())));
    WORKER.with(|worker| {
        worker
            .borrow_mut()
            .get_or_insert_with(|| {
                ComposeWorker::spawner()
                    .callback(answer)
                    .spawn_with_loader(LOADER)
            })
            .send(job);
    });
    let silent = compose.clone();
    WATCHDOG.with(|watchdog| {
        watchdog.watch(move || silent.dispatch(ComposeAction::Worker(WorkerNote::Silent)));
    });
}

/// An answer of the worker.
fn answer(output: ComposeOutput) {
    WATCHDOG.with(Watchdog::answered);
    let Some((compose, mail)) = TARGET.with(|target| target.borrow().clone()) else {
        return;
    };
    match output {
        ComposeOutput::Progress(stage) => compose.dispatch(ComposeAction::Stage(stage)),
        ComposeOutput::Done(result) => deliver(&compose, mail.as_ref(), result),
    }
}

/// The result into the page: an accepted message into the mailbox (moved, not copied: the
/// compose state keeps the rest), then the result itself.
fn deliver(compose: &ComposeContext, mail: Option<&MailContext>, mut result: JobResult) {
    if let JobResult::Sent(sent) = &mut result {
        if let (Some(stored), Some(mail)) = (sent.mail.take(), mail) {
            let kinds: Vec<_> = sent
                .recipients
                .iter()
                .map(|r| (r.address.clone(), r.kind))
                .collect();
            let profile = Profile::from_id(&sent.profile).unwrap_or_default().name();
            let (subject, from) = (stored.subject.clone(), stored.from_header.clone());
            let mut item = MailItem::read(
                stored.into_stored(),
                Origin::Composer,
                profile,
                &kinds,
                subject,
                from,
            );
            item.dkim_record = sent.dkim.as_ref().map(|d| d.key_record.clone());
            mail.dispatch(MailAction::Add(vec![item]));
        }
    }
    compose.dispatch(ComposeAction::Result(Rc::new(SendResult::from(result))));
}
