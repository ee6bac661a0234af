//! The compose page's state: the form (password in memory only), the picked files, the
//! simulated server's settings, and the last result. Held in a reducer the app provides by
//! context, so a visit to another page keeps all of it.
//!
//! The reducer stores values; sending (the engine's composer and client session) happens
//! in [`super::session`], called by the Send button with the browser's clock and randomness.

use std::rc::Rc;

use yew::prelude::*;

use super::session::SendResult;
use crate::compose_job::Stage;
use crate::mime::{Charset, TransferEncoding};
use crate::smtp::client::Security;
use crate::smtp::profile::Profile;
use crate::smtp::server::Policies;
use crate::ui::console::state::demo_config;
use crate::ui::workers::WorkerNote;

/// The most bytes one attached file may have.
pub const MAX_FILE: u64 = 5 * 1024 * 1024;
/// The most bytes all attachments together may have.
pub const MAX_FILES_TOTAL: u64 = 10 * 1024 * 1024;
/// The most attachments.
pub const MAX_FILES: usize = 20;

/// A text input of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// From.
    From,
    /// To.
    To,
    /// Cc.
    Cc,
    /// Bcc.
    Bcc,
    /// Reply-To.
    ReplyTo,
    /// Subject.
    Subject,
    /// The text body.
    Text,
    /// The HTML alternative.
    Html,
    /// The client's host.
    Host,
    /// The client's port.
    Port,
    /// The login.
    User,
    /// The password (memory only).
    Password,
    /// DokuWiki's `mailfrom`.
    Sender,
    /// The server's size limit.
    MaxSize,
}

/// A file read from the file picker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedFile {
    /// Unique within the page's life (the row's key).
    pub id: u64,
    /// The file name.
    pub name: String,
    /// Its octets.
    pub data: Rc<Vec<u8>>,
}

/// Why a file was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Over [`MAX_FILE`].
    TooBig {
        /// The name.
        name: String,
        /// Its size.
        size: u64,
    },
    /// All files would be over [`MAX_FILES_TOTAL`].
    TotalTooBig {
        /// The name.
        name: String,
    },
    /// Over [`MAX_FILES`].
    TooMany {
        /// The name.
        name: String,
    },
    /// The browser could not read it.
    Unreadable {
        /// The name.
        name: String,
    },
}

/// The fault the server injects, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FaultChoice {
    /// None.
    #[default]
    None,
    /// This code on the first command.
    First(u16),
    /// This code on about 30% of commands.
    Share(u16),
}

/// A send under way in the compose worker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sending {
    /// The stage it is at.
    pub stage: Stage,
    /// The octets of text and attachments it carries.
    pub octets: usize,
    /// How the worker is doing (silent when it never answered).
    pub worker: WorkerNote,
}

/// The compose page's state.
#[derive(Clone, Debug, PartialEq)]
pub struct ComposeState {
    /// From.
    pub from: String,
    /// To, comma-separated.
    pub to: String,
    /// Cc, comma-separated.
    pub cc: String,
    /// Bcc, comma-separated.
    pub bcc: String,
    /// Reply-To, comma-separated.
    pub reply_to: String,
    /// Subject.
    pub subject: String,
    /// The text body.
    pub text: String,
    /// The body's charset.
    pub charset: Charset,
    /// The transfer encoding; `None` lets the composer choose.
    pub encoding: Option<TransferEncoding>,
    /// Whether an HTML alternative is sent.
    pub html_on: bool,
    /// The HTML alternative.
    pub html: String,
    /// The files picked, in order.
    pub files: Rc<Vec<PickedFile>>,
    /// Files being read.
    pub reading: Rc<Vec<String>>,
    /// Files not added, and why (the last pick's).
    pub file_problems: Rc<Vec<FileProblem>>,
    /// The simulated server's software.
    pub profile: Profile,
    /// Its switches.
    pub policies: Policies,
    /// The size limit as typed (applied when it is a number).
    pub max_size: String,
    /// Whether the size limit as typed is not a number.
    pub max_size_invalid: bool,
    /// The injected fault.
    pub fault: FaultChoice,
    /// `smtp_host`.
    pub host: String,
    /// `smtp_port`, as typed.
    pub port: String,
    /// `smtp_ssl`.
    pub security: Security,
    /// `auth_user`.
    pub user: String,
    /// `auth_pass`: in memory only.
    pub password: String,
    /// `mailfrom`.
    pub sender: String,
    /// The SASL mechanism; empty picks the best offered.
    pub mechanism: String,
    /// `debug`.
    pub debug: bool,
    /// The last send.
    pub result: Option<Rc<SendResult>>,
    /// The send under way in the compose worker, if any.
    pub sending: Option<Sending>,
    /// "Sign with DKIM": the composed message is signed (in the compose worker) before
    /// the session.
    pub dkim_on: bool,
    /// `d=` as typed; empty: the From: domain.
    pub dkim_domain: String,
    /// `s=` as typed.
    pub dkim_selector: String,
    next_file: u64,
}

impl Default for ComposeState {
    fn default() -> ComposeState {
        let profile = Profile::default();
        let policies = demo_config(profile).policies;
        ComposeState {
            from: "Alice <alice@example.com>".into(),
            to: "Bob <bob@example.com>".into(),
            cc: String::new(),
            bcc: String::new(),
            reply_to: String::new(),
            subject: "Hello from SMTP Trainer".into(),
            text: "Hi Bob,\n\nthis message was composed and sent inside the page.\n.\nA line with only a dot, like the one above, gets a second dot on the wire.\n".into(),
            charset: Charset::Utf8,
            encoding: None,
            html_on: false,
            html: "<p>Hi Bob,</p>\n<p>this is the <b>HTML</b> alternative.</p>\n".into(),
            files: Rc::new(Vec::new()),
            reading: Rc::new(Vec::new()),
            file_problems: Rc::new(Vec::new()),
            profile,
            max_size: policies.max_message_size.to_string(),
            max_size_invalid: false,
            policies,
            fault: FaultChoice::None,
            host: profile.default_hostname().into(),
            port: "25".into(),
            security: Security::None,
            user: String::new(),
            password: String::new(),
            sender: String::new(),
            mechanism: String::new(),
            debug: true,
            result: None,
            sending: None,
            dkim_on: false,
            dkim_domain: String::new(),
            dkim_selector: "demo".into(),
            next_file: 0,
        }
    }
}

impl ComposeState {
    /// The text of a field.
    pub fn field(&self, field: Field) -> &str {
        match field {
            Field::From => &self.from,
            Field::To => &self.to,
            Field::Cc => &self.cc,
            Field::Bcc => &self.bcc,
            Field::ReplyTo => &self.reply_to,
            Field::Subject => &self.subject,
            Field::Text => &self.text,
            Field::Html => &self.html,
            Field::Host => &self.host,
            Field::Port => &self.port,
            Field::User => &self.user,
            Field::Password => &self.password,
            Field::Sender => &self.sender,
            Field::MaxSize => &self.max_size,
        }
    }

    fn field_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::From => &mut self.from,
            Field::To => &mut self.to,
            Field::Cc => &mut self.cc,
            Field::Bcc => &mut self.bcc,
            Field::ReplyTo => &mut self.reply_to,
            Field::Subject => &mut self.subject,
            Field::Text => &mut self.text,
            Field::Html => &mut self.html,
            Field::Host => &mut self.host,
            Field::Port => &mut self.port,
            Field::User => &mut self.user,
            Field::Password => &mut self.password,
            Field::Sender => &mut self.sender,
            Field::MaxSize => &mut self.max_size,
        }
    }

    /// The octets of all files picked.
    pub fn files_total(&self) -> u64 {
        self.files.iter().map(|f| f.data.len() as u64).sum()
    }
}

/// What changes the state.
pub enum ComposeAction {
    /// A text input changed.
    Set(Field, String),
    /// The charset picker.
    Charset(Charset),
    /// The transfer-encoding picker.
    Encoding(Option<TransferEncoding>),
    /// The HTML checkbox.
    HtmlOn(bool),
    /// Files are being read (a new pick: the last pick's problems are cleared).
    Reading(Vec<String>),
    /// A file was read (or not).
    FileRead {
        /// Its name.
        name: String,
        /// Its octets, or `None` when it could not be read.
        data: Option<Vec<u8>>,
    },
    /// A file was refused before reading.
    FileRefused(FileProblem),
    /// Remove a picked file.
    RemoveFile(u64),
    /// Another server profile (its default policies, and its name as the host if the host
    /// was the old profile's).
    Profile(Profile),
    /// New policies.
    Policies(Policies),
    /// The fault.
    Fault(FaultChoice),
    /// The security choice.
    Security(Security),
    /// The mechanism picker.
    Mechanism(String),
    /// The debug checkbox.
    Debug(bool),
    /// The "Sign with DKIM" checkbox.
    DkimOn(bool),
    /// `d=` typed.
    DkimDomain(String),
    /// `s=` typed.
    DkimSelector(String),
    /// Seed 000's DokuWiki settings against 163.com.
    Seed000,
    /// A send has gone to the compose worker.
    Sending(Sending),
    /// The worker's send has reached this stage.
    Stage(Stage),
    /// What the page noticed about the compose worker.
    Worker(WorkerNote),
    /// The result of a send (the one under way, if any, is over).
    Result(Rc<SendResult>),
    /// A shared state: the message, the server and the client settings (the attachments
    /// are not in it: the files picked are cleared, the last result too).
    Restore(Box<crate::share::pages::ComposeShare>),
}

impl Reducible for ComposeState {
    type Action = ComposeAction;

    fn reduce(self: Rc<Self>, action: ComposeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ComposeAction::Set(Field::MaxSize, text) => {
                match text.trim().parse::<u64>() {
                    Ok(size) => {
                        next.policies.max_message_size = size;
                        next.max_size_invalid = false;
                    }
                    Err(_) => next.max_size_invalid = true,
                }
                next.max_size = text;
            }
            ComposeAction::Set(field, text) => *next.field_mut(field) = text,
            ComposeAction::Charset(charset) => next.charset = charset,
            ComposeAction::Encoding(encoding) => next.encoding = encoding,
            ComposeAction::HtmlOn(on) => next.html_on = on,
            ComposeAction::Reading(names) => {
                next.file_problems = Rc::new(Vec::new());
                Rc::make_mut(&mut next.reading).extend(names);
            }
            ComposeAction::FileRead { name, data } => {
                let reading = Rc::make_mut(&mut next.reading);
                if let Some(at) = reading.iter().position(|n| *n == name) {
                    reading.remove(at);
                }
                let problem = match data {
                    None => Some(FileProblem::Unreadable { name }),
                    Some(_) if next.files.len() >= MAX_FILES => Some(FileProblem::TooMany { name }),
                    Some(ref data) if next.files_total() + data.len() as u64 > MAX_FILES_TOTAL => {
                        Some(FileProblem::TotalTooBig { name })
                    }
                    Some(data) => {
                        let id = next.next_file;
                        next.next_file += 1;
                        Rc::make_mut(&mut next.files).push(PickedFile {
                            id,
                            name,
                            data: Rc::new(data),
                        });
                        None
                    }
                };
                if let Some(problem) = problem {
                    Rc::make_mut(&mut next.file_problems).push(problem);
                }
            }
            ComposeAction::FileRefused(problem) => {
                Rc::make_mut(&mut next.file_problems).push(problem)
            }
            ComposeAction::RemoveFile(id) => Rc::make_mut(&mut next.files).retain(|f| f.id != id),
            ComposeAction::Profile(profile) => {
                if next.host == next.profile.default_hostname() {
                    next.host = profile.default_hostname().into();
                }
                next.profile = profile;
                next.policies = demo_config(profile).policies;
                next.max_size = next.policies.max_message_size.to_string();
                next.max_size_invalid = false;
            }
            ComposeAction::Policies(policies) => next.policies = policies,
            ComposeAction::Fault(fault) => next.fault = fault,
            ComposeAction::Security(security) => next.security = security,
            ComposeAction::Mechanism(mechanism) => next.mechanism = mechanism,
            ComposeAction::Debug(debug) => next.debug = debug,
            ComposeAction::DkimOn(on) => next.dkim_on = on,
            ComposeAction::DkimDomain(domain) => next.dkim_domain = domain,
            ComposeAction::DkimSelector(selector) => next.dkim_selector = selector,
            ComposeAction::Seed000 => {
                // Seed 000: DokuWiki's smtp plugin, smtp.163.com:25, no TLS, the login
                // sunnogo@163.com, `mailfrom` noreply@163.com, AUTH LOGIN — and the 553.
                let profile = Profile::Coremail163;
                next.profile = profile;
                next.policies = demo_config(profile).policies;
                next.max_size = next.policies.max_message_size.to_string();
                next.max_size_invalid = false;
                next.fault = FaultChoice::None;
                next.host = "smtp.163.com".into();
                next.port = "25".into();
                next.security = Security::None;
                next.user = "sunnogo@163.com".into();
                next.password = "ARsanbbsql60595".into();
                next.sender = "noreply@163.com".into();
                next.mechanism = "LOGIN".into();
                next.debug = true;
                next.from = "DokuWiki <noreply@163.com>".into();
                next.to = "sunnogo@163.com".into();
            }
            ComposeAction::Sending(sending) => next.sending = Some(sending),
            ComposeAction::Stage(stage) => {
                if let Some(sending) = &mut next.sending {
                    sending.stage = stage;
                    sending.worker = WorkerNote::Fine;
                }
            }
            ComposeAction::Worker(note) => {
                if let Some(sending) = &mut next.sending {
                    sending.worker = note;
                }
            }
            ComposeAction::Result(result) => {
                next.result = Some(result);
                next.sending = None;
            }
            ComposeAction::Restore(shared) => {
                let shared = *shared;
                next.from = shared.from;
                next.to = shared.to;
                next.cc = shared.cc;
                next.bcc = shared.bcc;
                next.reply_to = shared.reply_to;
                next.subject = shared.subject;
                next.text = shared.text;
                next.charset = shared.charset;
                next.encoding = shared.encoding;
                next.html_on = shared.html_on;
                next.html = shared.html;
                next.files = Rc::new(Vec::new());
                next.reading = Rc::new(Vec::new());
                next.file_problems = Rc::new(Vec::new());
                next.profile = shared.profile;
                next.max_size = shared.policies.max_message_size.to_string();
                next.max_size_invalid = false;
                next.policies = shared.policies;
                next.fault = super::server_panel::fault_from(&shared.fault);
                next.host = shared.host;
                next.port = shared.port;
                next.security = shared.security;
                next.user = shared.user;
                next.password = shared.password;
                next.sender = shared.sender;
                next.mechanism = shared.mechanism;
                next.debug = shared.debug;
                next.result = None;
            }
        }
        Rc::new(next)
    }
}

/// The handle components receive from the context.
pub type ComposeContext = UseReducerHandle<ComposeState>;

/// The compose state from the context (`None` outside the provider).
#[hook]
pub fn use_compose() -> Option<ComposeContext> {
    use_context::<ComposeContext>()
}
