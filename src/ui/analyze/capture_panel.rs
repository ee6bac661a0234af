//! A packet capture on the analyze page (issue 15): a file input, the capture read off the
//! main thread by the capture worker ([`super::capture_worker`]) with its progress shown,
//! then every TCP stream listed with its endpoints and timing. Picking an SMTP stream puts
//! its transcript (gaps and the STARTTLS boundary marked) into the text area and analyzes
//! it like a pasted log: diagnosis, every line, AUTH exchanges verified with a password.
//! The selected stream's reply times are listed, since "the server is slow" is a question.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use super::capture_worker::{CaptureOutput, CaptureWorker, LOADER};
use super::line_link::LineLink;
use super::state::{use_analyze, AnalyzeAction, AnalyzeContext, CaptureStatus, CaptureView};
use super::texts;
use crate::capture::texts as capture_texts;
use crate::capture::{
    format_duration, format_time, Capture, Stream, StreamKind, MAX_CAPTURE_OCTETS,
};
use crate::i18n::{Fill, Lang};
use crate::ui::state::use_lang;
use crate::ui::workers::{worker_note, workers_allowed, Watchdog, WorkerNote};

/// The worker reading the last file opened (dropping it ends the worker).
type Bridge = Rc<RefCell<Option<WorkerBridge<CaptureWorker>>>>;

/// Reads `file` (at most one octet more than the reader reads, so it can say it cut the
/// file) and hands it to a new worker.
fn open_file(file: web_sys::File, run: u64, state: AnalyzeContext, bridge: Bridge, lang: Lang) {
    spawn_local(async move {
        let end = (MAX_CAPTURE_OCTETS + 1) as f64;
        let bytes = match file.slice_with_f64_and_f64(0.0, end) {
            Ok(blob) => JsFuture::from(blob.array_buffer()).await,
            Err(err) => Err(err),
        };
        let bytes = match bytes {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(err) => {
                let message = err
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .unwrap_or_else(|| format!("{err:?}"));
                state.dispatch(AnalyzeAction::CaptureUnreadable(run, message));
                return;
            }
        };
        if !workers_allowed() {
            state.dispatch(AnalyzeAction::CaptureWorker(run, WorkerNote::Refused));
            return;
        }
        let answers = state.clone();
        let watchdog = Watchdog::default();
        let heard = watchdog.clone();
        let worker = CaptureWorker::spawner()
            .callback(move |output| {
                heard.answered();
                match output {
                    CaptureOutput::Progress(progress) => {
                        answers.dispatch(AnalyzeAction::CaptureProgress(run, progress))
                    }
                    CaptureOutput::Done(result) => {
                        answers.dispatch(AnalyzeAction::CaptureRead(run, result, lang))
                    }
                }
            })
            .spawn_with_loader(LOADER);
        worker.send(bytes);
        *bridge.borrow_mut() = Some(worker);
        watchdog.watch(move || {
            state.dispatch(AnalyzeAction::CaptureWorker(run, WorkerNote::Silent));
        });
    });
}

/// The capture input and, once a file is open, its reading or its streams.
#[function_component(CapturePanel)]
pub fn capture_panel() -> Html {
    let lang = use_lang();
    let bridge: Bridge = use_mut_ref(|| None);
    let Some(state) = use_analyze() else {
        return Html::default();
    };
    let on_change = {
        let state = state.clone();
        let bridge = bridge.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let run = state.capture_run + 1;
            // The worker of an older file is let go.
            bridge.borrow_mut().take();
            state.dispatch(AnalyzeAction::CaptureOpen(file.name(), run));
            open_file(file, run, state.clone(), bridge.clone(), lang);
            // The same file can be opened again.
            input.set_value("");
        })
    };
    let view = state
        .capture
        .as_ref()
        .map(|view| capture_view(view, &state, &bridge, lang));
    html! {
        <section class="panel capture-panel" data-testid="analyze-capture">
            <label for="analyze-capture-input" class="label">{ texts::CAPTURE_LABEL.get(lang) }</label>
            <input id="analyze-capture-input" type="file" class="file-input"
                accept=".pcap,.pcapng,.cap,.dmp,application/vnd.tcpdump.pcap"
                aria-describedby="analyze-capture-hint" data-testid="analyze-capture-input"
                onchange={on_change} />
            <p id="analyze-capture-hint" class="hint">{ texts::CAPTURE_HINT.get(lang) }</p>
            { for view }
        </section>
    }
}

fn capture_view(view: &CaptureView, state: &AnalyzeContext, bridge: &Bridge, lang: Lang) -> Html {
    let name = view.name.as_str();
    let on_close = {
        let state = state.clone();
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| {
            bridge.borrow_mut().take();
            state.dispatch(AnalyzeAction::CaptureClose);
        })
    };
    let close = html! {
        <button type="button" class="button" data-testid="analyze-capture-close" onclick={on_close}>
            { texts::CAPTURE_CLOSE.get(lang) }
        </button>
    };
    let body = match &view.status {
        CaptureStatus::Reading(progress) => {
            let (text, value, max) = match progress {
                None => (
                    texts::CAPTURE_STARTING.get(lang).fill(&[("name", &name)]),
                    0,
                    1,
                ),
                Some(p) => {
                    let percent = (p.octets_read as u64 * 100)
                        .checked_div(p.octets_total as u64)
                        .unwrap_or(100);
                    let text = texts::CAPTURE_PROGRESS.get(lang).fill(&[
                        ("name", &name),
                        ("percent", &percent),
                        ("n", &p.packets),
                    ]);
                    (text, p.octets_read, p.octets_total.max(1))
                }
            };
            html! {
                <div class="capture-reading" data-testid="analyze-capture-reading">
                    <progress data-testid="analyze-capture-progress" max={max.to_string()}
                        value={value.to_string()} aria-label={texts::CAPTURE_PROGRESS_LABEL.get(lang)} />
                    <p role="status" aria-live="polite">{ text }</p>
                </div>
            }
        }
        CaptureStatus::Invalid(err) => html! {
            <p class="error" role="alert" data-testid="analyze-capture-error" data-error="capture">
                { texts::CAPTURE_INVALID.get(lang).fill(&[("name", &name), ("error", &err.describe(lang))]) }
            </p>
        },
        CaptureStatus::Worker(note) => worker_note(*note, lang),
        CaptureStatus::Unreadable(message) => html! {
            <p class="error" role="alert" data-testid="analyze-capture-error" data-error="file">
                { texts::CAPTURE_UNREADABLE.get(lang).fill(&[("name", &name), ("error", &message)]) }
            </p>
        },
        CaptureStatus::Read { capture, selected } => {
            read_view(name, capture, *selected, state, lang)
        }
    };
    html! {
        <div class="capture-view" data-testid="analyze-capture-view">
            { body }
            <div class="buttons">{ close }</div>
        </div>
    }
}

fn summary(capture: &Capture, lang: Lang) -> String {
    capture_texts::SUMMARY.fill(
        lang,
        &[
            ("format", &capture.format.id()),
            ("packets", &capture.packets),
            ("tcp", &capture.tcp_packets),
            ("streams", &capture.streams.len()),
            ("smtp", &capture.smtp_streams().count()),
        ],
    )
}

fn read_view(
    name: &str,
    capture: &Rc<Capture>,
    selected: Option<usize>,
    state: &AnalyzeContext,
    lang: Lang,
) -> Html {
    let notes = capture.notes(lang);
    let notes = (!notes.is_empty()).then(|| {
        html! {
            <ul class="capture-notes" data-testid="analyze-capture-notes">
                { for notes.into_iter().map(|note| html! { <li>{ note }</li> }) }
            </ul>
        }
    });
    let no_smtp = (capture.smtp_streams().count() == 0).then(|| {
        html! { <p class="hint" data-testid="analyze-capture-no-smtp">{ capture_texts::NO_SMTP.get(lang) }</p> }
    });
    let rows = capture
        .streams
        .iter()
        .enumerate()
        .map(|(index, stream)| stream_row(index, stream, selected == Some(index), state, lang));
    let chosen = selected
        .and_then(|index| capture.streams.get(index).map(|stream| (index, stream)))
        .map(|(index, stream)| reply_times(index, stream, lang));
    html! {
        <>
            <p data-testid="analyze-capture-summary">{ summary(capture, lang) }</p>
            { for notes }
            { for no_smtp }
            <div class="table-scroll">
                <table class="capture-streams" data-testid="analyze-capture-streams">
                    <caption>{ texts::CAPTURE_STREAMS.get(lang).fill(&[("name", &name)]) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "#" }</th>
                            <th scope="col">{ texts::CAPTURE_KIND.get(lang) }</th>
                            <th scope="col">{ texts::CAPTURE_ENDPOINTS.get(lang) }</th>
                            <th scope="col">{ capture_texts::START.get(lang) }</th>
                            <th scope="col">{ capture_texts::DURATION.get(lang) }</th>
                            <th scope="col">{ capture_texts::PACKETS.get(lang) }</th>
                            <th scope="col">{ texts::CAPTURE_OCTETS.get(lang) }</th>
                            <th scope="col">{ texts::CAPTURE_ACTION.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { for chosen }
        </>
    }
}

fn stream_row(
    index: usize,
    stream: &Stream,
    selected: bool,
    state: &AnalyzeContext,
    lang: Lang,
) -> Html {
    let number = (index + 1).to_string();
    let action = if stream.kind != StreamKind::Smtp {
        Html::default()
    } else if selected {
        html! { <span data-testid="analyze-capture-shown">{ texts::CAPTURE_SHOWN.get(lang) }</span> }
    } else {
        let state = state.clone();
        let on_click = Callback::from(move |_: MouseEvent| {
            state.dispatch(AnalyzeAction::CaptureSelect(index, lang))
        });
        html! {
            <button type="button" class="button" data-testid="analyze-capture-open" onclick={on_click}>
                { texts::CAPTURE_OPEN.get(lang).fill(&[("n", &number)]) }
            </button>
        }
    };
    let notes = stream.notes.iter().map(|note| {
        html! { <li data-testid="analyze-capture-stream-note">{ note.describe(lang) }</li> }
    });
    html! {
        <tr data-testid="analyze-capture-stream" data-stream={number.clone()} data-kind={stream.kind.id()}
            class={classes!(selected.then_some("selected"))} aria-current={selected.then_some("true")}>
            <td>{ number }</td>
            <td>
                { stream.kind.describe(lang) }
                if !stream.notes.is_empty() { <ul class="capture-notes">{ for notes }</ul> }
            </td>
            <td data-testid="analyze-capture-endpoints"><code>{ format!("{} → {}", stream.client, stream.server) }</code></td>
            <td>{ format_time(stream.start_us) }</td>
            <td>{ format_duration(stream.duration_us()) }</td>
            <td>{ stream.packets }</td>
            <td>{ format!("{} / {}", stream.client_octets, stream.server_octets) }</td>
            <td>{ action }</td>
        </tr>
    }
}

fn reply_times(index: usize, stream: &Stream, lang: Lang) -> Html {
    if stream.replies.is_empty() {
        return Html::default();
    }
    let slowest_at = stream
        .replies
        .iter()
        .enumerate()
        .filter(|(_, r)| r.latency_us.is_some())
        .max_by_key(|(_, r)| r.latency_us)
        .map(|(at, _)| at);
    let rows = stream.replies.iter().enumerate().map(|(at, reply)| {
        let is_slowest = slowest_at == Some(at);
        html! {
            <tr data-testid="analyze-capture-reply" data-code={reply.code.to_string()}
                class={classes!(is_slowest.then_some("slowest"))}>
                <td><code>{ reply.label(lang).to_string() }</code></td>
                <td>{ reply.code }</td>
                <td>{ reply.latency_us.map(format_duration).unwrap_or_default() }</td>
                <td>
                    if let Some(number) = reply.line { <LineLink {number} /> }
                </td>
            </tr>
        }
    });
    let slowest = stream.slowest().map(|reply| {
        let colon = lang.colon();
        html! {
            <p data-testid="analyze-capture-slowest">
                { format!("{}{colon}{} → {} {}", capture_texts::SLOWEST.get(lang), reply.label(lang),
                    reply.code, reply.latency_us.map(format_duration).unwrap_or_default()) }
            </p>
        }
    });
    html! {
        <section class="capture-replies" data-testid="analyze-capture-latency" aria-labelledby="analyze-capture-latency-heading">
            <h3 id="analyze-capture-latency-heading">
                { texts::CAPTURE_SELECTED.get(lang).fill(&[("n", &(index + 1))]) }
            </h3>
            <p class="hint">{ capture_texts::REPLY_TIMES.get(lang) }</p>
            { for slowest }
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ texts::CAPTURE_COMMAND.get(lang) }</th>
                            <th scope="col">{ texts::CAPTURE_CODE.get(lang) }</th>
                            <th scope="col">{ texts::CAPTURE_LATENCY.get(lang) }</th>
                            <th scope="col">{ capture_texts::LINE.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
