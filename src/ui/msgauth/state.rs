//! The section's state: every check's inputs and last answer, kept across navigation (the
//! section's links and the rest of the app), memory only. The [`MsgAuthProvider`] owns
//! the worker and hands each [`Request`] to it; the answer comes back as an action.

use std::collections::BTreeMap;
use std::rc::Rc;

use gloo_worker::{Spawnable, WorkerBridge};
use yew::prelude::*;

use super::worker::{MsgAuthWorker, LOADER};
use crate::msgauth::page::{
    DemoKeyOut, DkimSignOut, DkimVerifyOut, DmarcOut, ReportOut, Request, Response, SpfOut, Text,
};
use crate::ui::workers::{workers_allowed, Watchdog, WorkerNote};

/// An input of a check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// DKIM verify: the message.
    DkimMessage,
    /// DKIM verify: the key record.
    DkimKey,
    /// DKIM verify: which signature, 1-based.
    DkimIndex,
    /// Sign: the message.
    SignMessage,
    /// Sign: `d=`.
    SignDomain,
    /// Sign: `s=`.
    SignSelector,
    /// Sign: the private key.
    SignKey,
    /// Sign: the public key record (shown with a demo key).
    SignRecord,
    /// SPF: the records.
    SpfRecords,
    /// SPF: the IP.
    SpfIp,
    /// SPF: MAIL FROM.
    SpfMailFrom,
    /// SPF: HELO.
    SpfHelo,
    /// DMARC: the records.
    DmarcRecords,
    /// DMARC: the From: domain.
    DmarcFrom,
    /// DMARC: SPF's result.
    DmarcSpfResult,
    /// DMARC: SPF's domain.
    DmarcSpfDomain,
    /// DMARC: the DKIM results, `domain pass|fail` a line.
    DmarcDkim,
    /// DMARC: the draw against `pct=`.
    DmarcSample,
    /// The aggregate report's XML.
    ReportXml,
}

/// An answer slot.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot<T> {
    /// Nothing asked yet.
    Empty,
    /// Asked; the worker computes.
    Working,
    /// The answer.
    Done(Rc<T>),
}

/// The section's state.
#[derive(Clone, Debug, PartialEq)]
pub struct MsgAuthState {
    /// Every input, by field.
    pub fields: BTreeMap<Field, String>,
    /// Sign: relaxed header canonicalization.
    pub header_relaxed: bool,
    /// Sign: relaxed body canonicalization.
    pub body_relaxed: bool,
    /// The case study whose inputs were loaded last.
    pub case: Option<&'static str>,
    /// DKIM verify's answer.
    pub dkim: Slot<DkimVerifyOut>,
    /// The demo key's answer.
    pub demo_key: Slot<Result<DemoKeyOut, Text>>,
    /// The signer's answer.
    pub sign: Slot<Result<DkimSignOut, Text>>,
    /// SPF's answer.
    pub spf: Slot<Result<SpfOut, Text>>,
    /// DMARC's answer (an input error is `Err`).
    pub dmarc: Slot<Result<DmarcOut, Text>>,
    /// The report's answer.
    pub report: Slot<Result<ReportOut, Text>>,
    /// How the worker is doing.
    pub worker: WorkerNote,
}

const SIGN_EXAMPLE: &str = "From: Alice <alice@example.net>\r\nTo: Bob <bob@example.org>\r\nSubject: Lunch on Friday?\r\nDate: Sat, 05 Dec 2026 09:00:00 +0800\r\nMessage-ID: <lunch-friday@example.net>\r\n\r\nHi Bob,\r\n\r\nlunch on Friday at noon?\r\n\r\nAlice\r\n";

impl Default for MsgAuthState {
    fn default() -> Self {
        let mut fields = BTreeMap::new();
        fields.insert(Field::DkimIndex, "1".to_string());
        fields.insert(Field::SignMessage, SIGN_EXAMPLE.replace("\r\n", "\n"));
        fields.insert(Field::SignDomain, "example.net".to_string());
        fields.insert(Field::SignSelector, "demo".to_string());
        fields.insert(Field::DmarcSample, "0".to_string());
        MsgAuthState {
            fields,
            header_relaxed: true,
            body_relaxed: true,
            case: None,
            dkim: Slot::Empty,
            demo_key: Slot::Empty,
            sign: Slot::Empty,
            spf: Slot::Empty,
            dmarc: Slot::Empty,
            report: Slot::Empty,
            worker: WorkerNote::Fine,
        }
    }
}

impl MsgAuthState {
    /// An input's text.
    pub fn get(&self, field: Field) -> &str {
        self.fields.get(&field).map_or("", String::as_str)
    }

    /// The request a check's inputs make (`None`: the inputs cannot make one, e.g. a DKIM
    /// result line that does not read — [`MsgAuthState::dmarc_lines`] says which).
    pub fn request(&self, kind: Kind, now: Option<u64>) -> Option<Request> {
        let get = |f: Field| self.get(f).to_string();
        Some(match kind {
            Kind::Dkim => Request::DkimVerify {
                message: get(Field::DkimMessage),
                key_record: get(Field::DkimKey),
                index: self
                    .get(Field::DkimIndex)
                    .trim()
                    .parse::<usize>()
                    .unwrap_or(1)
                    .saturating_sub(1),
                now,
            },
            Kind::Sign => Request::DkimSign {
                message: get(Field::SignMessage),
                domain: get(Field::SignDomain),
                selector: get(Field::SignSelector),
                key: get(Field::SignKey),
                header_relaxed: self.header_relaxed,
                body_relaxed: self.body_relaxed,
                timestamp: now,
            },
            Kind::Spf => Request::Spf {
                records: get(Field::SpfRecords),
                ip: get(Field::SpfIp),
                mail_from: get(Field::SpfMailFrom),
                helo: get(Field::SpfHelo),
            },
            Kind::Dmarc => Request::Dmarc {
                records: get(Field::DmarcRecords),
                from_domain: get(Field::DmarcFrom),
                spf_result: get(Field::DmarcSpfResult),
                spf_domain: get(Field::DmarcSpfDomain),
                dkim: self.dmarc_lines().ok()?,
                sample: self
                    .get(Field::DmarcSample)
                    .trim()
                    .parse::<u8>()
                    .unwrap_or(0)
                    .min(99),
            },
            Kind::Report => Request::Report {
                xml: get(Field::ReportXml),
            },
            Kind::DemoKey => return None,
        })
    }

    /// The DMARC view's DKIM lines (`example.com pass`), or the first line (1-based) that
    /// does not read.
    pub fn dmarc_lines(&self) -> Result<Vec<(String, bool)>, usize> {
        let mut out = Vec::new();
        for (n, line) in self.get(Field::DmarcDkim).lines().enumerate() {
            let words: Vec<&str> = line
                .split(|c: char| c.is_whitespace() || c == '=')
                .filter(|w| !w.is_empty())
                .collect();
            match words.as_slice() {
                [] => {}
                ["d", domain, result] | [domain, result] => match *result {
                    "pass" => out.push((domain.to_string(), true)),
                    "fail" => out.push((domain.to_string(), false)),
                    _ => return Err(n + 1),
                },
                _ => return Err(n + 1),
            }
        }
        Ok(out)
    }
}

/// Which answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// DKIM verify.
    Dkim,
    /// A demo key.
    DemoKey,
    /// DKIM sign.
    Sign,
    /// SPF.
    Spf,
    /// DMARC.
    Dmarc,
    /// The aggregate report.
    Report,
}

impl Kind {
    fn of(request: &Request) -> Kind {
        match request {
            Request::DkimVerify { .. } => Kind::Dkim,
            Request::DemoKey { .. } => Kind::DemoKey,
            Request::DkimSign { .. } => Kind::Sign,
            Request::Spf { .. } => Kind::Spf,
            Request::Dmarc { .. } => Kind::Dmarc,
            Request::Report { .. } => Kind::Report,
        }
    }
}

/// What changes the state.
pub enum MsgAuthAction {
    /// An input typed.
    Edit(Field, String),
    /// Sign: relaxed header (`true`) or body (`false`) canonicalization set.
    Relaxed(bool, bool),
    /// A request's inputs put into its check (from a case study, or the signer's output
    /// carried to the verifier), and the request marked as computing.
    Load(Request, Option<&'static str>),
    /// A request sent (its check now computes).
    Sent(Kind),
    /// The DMARC inputs taken from the SPF and DKIM checks' last answers.
    TakeResults,
    /// The worker's answer.
    Answer(Response),
    /// What the page noticed about the worker.
    Worker(WorkerNote),
}

impl Reducible for MsgAuthState {
    type Action = MsgAuthAction;

    fn reduce(self: Rc<Self>, action: MsgAuthAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            MsgAuthAction::Edit(field, text) => {
                s.fields.insert(field, text);
            }
            MsgAuthAction::Relaxed(header, on) => {
                if header {
                    s.header_relaxed = on;
                } else {
                    s.body_relaxed = on;
                }
            }
            MsgAuthAction::Load(request, case) => {
                s.case = case;
                let mut set = |f: Field, v: &str| {
                    s.fields.insert(f, v.to_string());
                };
                match &request {
                    Request::DkimVerify {
                        message,
                        key_record,
                        index,
                        ..
                    } => {
                        set(Field::DkimMessage, message);
                        set(Field::DkimKey, key_record);
                        set(Field::DkimIndex, &(index + 1).to_string());
                    }
                    Request::Spf {
                        records,
                        ip,
                        mail_from,
                        helo,
                    } => {
                        set(Field::SpfRecords, records);
                        set(Field::SpfIp, ip);
                        set(Field::SpfMailFrom, mail_from);
                        set(Field::SpfHelo, helo);
                    }
                    Request::Dmarc {
                        records,
                        from_domain,
                        spf_result,
                        spf_domain,
                        dkim,
                        sample,
                    } => {
                        set(Field::DmarcRecords, records);
                        set(Field::DmarcFrom, from_domain);
                        set(Field::DmarcSpfResult, spf_result);
                        set(Field::DmarcSpfDomain, spf_domain);
                        let lines: Vec<String> = dkim
                            .iter()
                            .map(|(d, ok)| format!("{d} {}", if *ok { "pass" } else { "fail" }))
                            .collect();
                        set(Field::DmarcDkim, &lines.join("\n"));
                        set(Field::DmarcSample, &sample.to_string());
                    }
                    Request::Report { xml } => set(Field::ReportXml, xml),
                    Request::DemoKey { .. } | Request::DkimSign { .. } => {}
                }
                s.mark(Kind::of(&request));
            }
            MsgAuthAction::Sent(kind) => s.mark(kind),
            MsgAuthAction::TakeResults => {
                if let Slot::Done(spf) = &s.spf {
                    if let Ok(spf) = spf.as_ref() {
                        s.fields.insert(Field::DmarcSpfResult, spf.result.clone());
                        s.fields.insert(Field::DmarcSpfDomain, spf.domain.clone());
                    }
                }
                if let Slot::Done(dkim) = &s.dkim {
                    if let Some(domain) = &dkim.domain {
                        let result = if dkim.pass { "pass" } else { "fail" };
                        s.fields
                            .insert(Field::DmarcDkim, format!("{domain} {result}"));
                    }
                    if let Some(from) = &dkim.from_domain {
                        s.fields.insert(Field::DmarcFrom, from.clone());
                    }
                }
            }
            MsgAuthAction::Worker(note) => s.worker = note,
            MsgAuthAction::Answer(response) => match response {
                Response::DkimVerify(out) => s.dkim = Slot::Done(Rc::new(out)),
                Response::DemoKey(out) => {
                    if let Ok(key) = &out {
                        s.fields.insert(Field::SignKey, key.private.clone());
                        s.fields.insert(Field::SignRecord, key.record.clone());
                    }
                    s.demo_key = Slot::Done(Rc::new(out));
                }
                Response::DkimSign(out) => s.sign = Slot::Done(Rc::new(out)),
                Response::Spf(out) => s.spf = Slot::Done(Rc::new(out)),
                Response::Dmarc(out) => s.dmarc = Slot::Done(Rc::new(out)),
                Response::Report(out) => s.report = Slot::Done(Rc::new(out)),
            },
        }
        if matches!(s.worker, WorkerNote::Silent) && !s.any_working() {
            s.worker = WorkerNote::Fine;
        }
        Rc::new(s)
    }
}

impl MsgAuthState {
    /// Whether any check waits for the worker.
    fn any_working(&self) -> bool {
        fn working<T>(slot: &Slot<T>) -> bool {
            matches!(slot, Slot::Working)
        }
        working(&self.dkim)
            || working(&self.demo_key)
            || working(&self.sign)
            || working(&self.spf)
            || working(&self.dmarc)
            || working(&self.report)
    }

    fn mark(&mut self, kind: Kind) {
        match kind {
            Kind::Dkim => self.dkim = Slot::Working,
            Kind::DemoKey => self.demo_key = Slot::Working,
            Kind::Sign => self.sign = Slot::Working,
            Kind::Spf => self.spf = Slot::Working,
            Kind::Dmarc => self.dmarc = Slot::Working,
            Kind::Report => self.report = Slot::Working,
        }
    }
}

/// The state and the way to the worker.
#[derive(Clone, PartialEq)]
pub struct MsgAuthContext {
    /// The state.
    pub state: UseReducerHandle<MsgAuthState>,
    /// Hands a request to the worker (started on first use).
    pub send: Callback<Request>,
}

impl MsgAuthContext {
    /// Runs a check on its current inputs.
    pub fn run(&self, kind: Kind) {
        if let Some(request) = self.state.request(kind, Some(now_secs())) {
            self.state.dispatch(MsgAuthAction::Sent(kind));
            self.send.emit(request);
        }
    }

    /// Puts a request's inputs into its check and runs it.
    pub fn load(&self, request: Request, case: Option<&'static str>) {
        self.state
            .dispatch(MsgAuthAction::Load(request.clone(), case));
        self.send.emit(request);
    }
}

/// Seconds since 1970, from the browser's clock (for `x=` and `t=`).
pub fn now_secs() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// The section's context, when inside the provider.
#[hook]
pub fn use_msgauth() -> Option<MsgAuthContext> {
    use_context::<MsgAuthContext>()
}

/// Props of the provider.
#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    /// The app below.
    pub children: Html,
}

/// Holds the section's state and its worker (started on the first check).
#[function_component(MsgAuthProvider)]
pub fn msgauth_provider(props: &ProviderProps) -> Html {
    let state = use_reducer(MsgAuthState::default);
    let bridge = use_mut_ref(|| None::<WorkerBridge<MsgAuthWorker>>);
    let watchdog = use_memo((), |_| Watchdog::default());
    let send = {
        let state = state.clone();
        use_callback((), move |request: Request, _| {
            if !workers_allowed() {
                state.dispatch(MsgAuthAction::Worker(WorkerNote::Refused));
                return;
            }
            let mut bridge = bridge.borrow_mut();
            let worker = bridge.get_or_insert_with(|| {
                let answers = state.clone();
                let watchdog = (*watchdog).clone();
                MsgAuthWorker::spawner()
                    .callback(move |response| {
                        watchdog.answered();
                        answers.dispatch(MsgAuthAction::Answer(response));
                    })
                    .spawn_with_loader(LOADER)
            });
            worker.send(request);
            let silent = state.clone();
            watchdog.watch(move || silent.dispatch(MsgAuthAction::Worker(WorkerNote::Silent)));
        })
    };
    let context = MsgAuthContext { state, send };
    html! {
        <ContextProvider<MsgAuthContext> {context}>
            { props.children.clone() }
        </ContextProvider<MsgAuthContext>>
    }
}
