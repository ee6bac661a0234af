//! The transcript of every session, written by one thread of its own so that serving never
//! waits for whoever reads it.
//!
//! Sessions hand their lines to a bounded queue and go on at once. When the reader is too
//! slow (a terminal scrolled back, a pipe nobody drains) and the queue is full, lines are
//! dropped and counted, and the count is written as soon as there is room again:
//! `-- 1234 transcript lines dropped: the reader was too slow`. A closed pipe stops the
//! writing, never the server.
//!
//! Under load the lines are cheap to hand over: a session gathers the lines of one read in
//! a [`Lines`] batch and queues it once, and the writer, after writing what was queued,
//! waits [`GATHER`] before looking again, so that a busy server's sessions seldom have to
//! wake it (each wake-up is a system call and a switch of threads).
//!
//! Text lines look like `[3] C: EHLO x`, `[3] S: 250-…`, `[3] -- message stored: …`; with
//! `--json` each line is one JSON object: `{"session":3,"kind":"client","text":"EHLO x"}`
//! (`kind`: `client`, `server` or `note`; session 0 for the server's own lines).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// How many batches of lines may wait for the writer.
const QUEUE: usize = 8192;
/// How long the writer lets lines gather after writing, before it looks at the queue again
/// (and, when the queue is empty, waits to be woken).
const GATHER: Duration = Duration::from_millis(1);

/// Where the transcript goes.
pub(super) enum Target {
    /// Standard output.
    Stdout,
    /// A file, created (or truncated) at start.
    File(File),
}

impl Target {
    /// `--transcript FILE`, or stdout.
    pub(super) fn open(path: Option<&Path>) -> io::Result<Target> {
        match path {
            Some(path) => File::create(path).map(Target::File).map_err(|err| {
                io::Error::new(
                    err.kind(),
                    format!("cannot write the transcript to {}: {err}", path.display()),
                )
            }),
            None => Ok(Target::Stdout),
        }
    }
}

/// One queued batch: the lines of one call, written together so that parallel sessions
/// never interleave inside it.
struct Batch {
    session: u64,
    lines: Vec<String>,
}

/// The handle sessions write through; cheap to clone.
#[derive(Clone)]
pub(super) struct Transcript {
    tx: SyncSender<Batch>,
    dropped: Arc<AtomicU64>,
}

impl Transcript {
    /// Starts the writer thread.
    pub(super) fn start(target: Target, json: bool) -> io::Result<Transcript> {
        let (tx, rx) = sync_channel(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&dropped);
        thread::Builder::new()
            .name("transcript".into())
            .spawn(move || write_all(rx, target, json, &counter))?;
        Ok(Transcript { tx, dropped })
    }

    /// The server's own line (no session prefix).
    pub(super) fn raw(&self, line: &str) {
        self.send(0, vec![line.to_string()]);
    }

    /// A note about session `number`: `[n] -- text`.
    pub(super) fn note(&self, number: u64, text: &str) {
        self.send(number, vec![format!("-- {text}")]);
    }

    /// Queues a batch gathered with [`Lines`] (nothing when it is empty), leaving it empty.
    pub(super) fn flush(&self, lines: &mut Lines) {
        if !lines.lines.is_empty() {
            self.send(lines.session, std::mem::take(&mut lines.lines));
        }
    }

    /// Lines of session `number`, each given its prefix (`C: `, `S: `, or none when the
    /// lines carry their own).
    pub(super) fn lines<I, S>(&self, number: u64, prefix: &str, lines: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let lines: Vec<String> = lines
            .into_iter()
            .map(|l| format!("{prefix}{}", l.as_ref()))
            .collect();
        if !lines.is_empty() {
            self.send(number, lines);
        }
    }

    fn send(&self, session: u64, lines: Vec<String>) {
        let count = lines.len() as u64;
        match self.tx.try_send(Batch { session, lines }) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) | Err(TrySendError::Disconnected(_)) => {
                self.dropped.fetch_add(count, Ordering::Relaxed);
            }
        }
    }
}

/// The lines of one session gathered to be queued together ([`Transcript::flush`]).
pub(super) struct Lines {
    session: u64,
    lines: Vec<String>,
}

impl Lines {
    /// An empty batch for session `number`.
    pub(super) fn new(session: u64) -> Lines {
        Lines {
            session,
            lines: Vec::new(),
        }
    }

    /// A note: `-- text`.
    pub(super) fn note(&mut self, text: &str) {
        self.lines.push(format!("-- {text}"));
    }

    /// Lines each given `prefix`.
    pub(super) fn prefixed<I, S>(&mut self, prefix: &str, lines: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.lines
            .extend(lines.into_iter().map(|l| format!("{prefix}{}", l.as_ref())));
    }

    /// Lines that carry their own prefix.
    pub(super) fn extend(&mut self, lines: Vec<String>) {
        if self.lines.is_empty() {
            self.lines = lines;
        } else {
            self.lines.extend(lines);
        }
    }
}

fn write_all(rx: Receiver<Batch>, target: Target, json: bool, dropped: &AtomicU64) {
    let mut out: Box<dyn Write> = match target {
        Target::Stdout => Box::new(BufWriter::new(io::stdout())),
        Target::File(file) => Box::new(BufWriter::new(file)),
    };
    let mut broken = false;
    while let Ok(batch) = rx.recv() {
        let mut next = Some(batch);
        // Write what is queued, then flush once: a burst costs one write call.
        while let Some(batch) = next {
            if !broken {
                broken = write_batch(&mut out, &batch, json).is_err();
            }
            next = rx.try_recv().ok();
        }
        let lost = dropped.swap(0, Ordering::Relaxed);
        if lost > 0 && !broken {
            let note = Batch {
                session: 0,
                lines: vec![format!(
                    "-- {lost} transcript lines dropped: the reader was too slow"
                )],
            };
            broken = write_batch(&mut out, &note, json).is_err();
        }
        if !broken {
            broken = out.flush().is_err();
        }
        // Let the next lines gather: sessions that queue meanwhile need not wake the writer.
        thread::sleep(GATHER);
    }
}

fn write_batch(out: &mut dyn Write, batch: &Batch, json: bool) -> io::Result<()> {
    for line in &batch.lines {
        if json {
            let (kind, text) = if let Some(text) = line.strip_prefix("C: ") {
                ("client", text)
            } else if let Some(text) = line.strip_prefix("S: ") {
                ("server", text)
            } else if let Some(text) = line.strip_prefix("-- ") {
                ("note", text)
            } else {
                ("note", line.as_str())
            };
            let value = serde_json::json!({
                "session": batch.session,
                "kind": kind,
                "text": text,
            });
            writeln!(out, "{value}")?;
        } else if batch.session == 0 {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        } else {
            // `[n] line`, written in pieces: the buffer takes them without formatting.
            write!(out, "[{}] ", batch.session)?;
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}
