//! The share panel, one for every page that can be shared (console, Auth, Verify, Analyze,
//! Compose): Share makes a link whose fragment carries the page's state ([`crate::share`]),
//! shown in a read-only field with a Copy button (the field is the fallback when the
//! clipboard is refused); Download saves the link as a file and "Open a shared file" reads
//! one back. Passwords and tokens stay out unless "Include the password" is ticked.
//!
//! Opening a page at `#/<page>?s=<payload>` restores the state once per page load and says
//! what was restored in a status line; a damaged, foreign or future link says so and
//! changes nothing. Without a link, a reload brings back what the page held before it,
//! passwords and tokens aside ([`super::keep`]), and says so in the same line.

use std::cell::RefCell;

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;
use yew_router::prelude::*;

use super::keep;
use super::texts as tx;
use crate::i18n::{Fill, Lang};
use crate::share::{self, Page, ShareError};
use crate::ui::copy_button::CopyButton;
use crate::ui::state::use_lang;

thread_local! {
    /// The last link payload restored in this page load: Back to a link's address does not
    /// restore it again over what the learner did since.
    static LAST_OPENED: RefCell<String> = const { RefCell::new(String::new()) };
}

/// What a page restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    /// What, in the language of the moment ("a session with Postfix …").
    pub what: String,
    /// How many passwords or tokens were left out when the state was shared.
    pub left_out: usize,
}

/// The page's state and how to restore one.
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// Whose state.
    pub page: Page,
    /// The state now as a payload, passwords and tokens included when given `true`.
    pub make: Callback<bool, String>,
    /// Restores a payload in a language; says what was restored, or why nothing was.
    pub open: Callback<(String, Lang), Result<Restored, ShareError>>,
    /// The part of the page whose state `make` gives, kept apart across a reload (Auth:
    /// the mechanism).
    #[prop_or_default]
    pub part: AttrValue,
}

/// Where a restored state came from.
#[derive(Clone, Copy, PartialEq)]
enum Source {
    Link,
    File,
    /// This tab, before a reload ([`keep`]).
    Kept,
}

impl Source {
    fn id(self) -> &'static str {
        match self {
            Source::Link => "link",
            Source::File => "file",
            Source::Kept => "kept",
        }
    }
}

#[derive(Clone, PartialEq)]
enum Status {
    Restored { from: Source, restored: Restored },
    Failed(ShareError),
    Unreadable,
}

fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The share panel.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let lang = use_lang();
    let secrets = use_state(|| false);
    let link = use_state(|| None::<String>);
    let status = use_state(|| None::<Status>);
    let saved = use_state(|| None::<String>);
    let link_ref = use_node_ref();
    let query = use_location()
        .map(|l| l.query_str().to_string())
        .unwrap_or_default();
    let page = props.page;
    let id = |part: &str| format!("share-{}-{part}", page.id());
    {
        // A link with a state: restored once. Without one, what the page held before a
        // reload: restored once, unless it is what the page shows anyway. Either way the
        // page's state is kept again whenever the page is left, hidden or closed.
        // The part shown and how to write its state, as of this render. When the part
        // changes (Auth's mechanism), the one left is kept with its own last `make`.
        let latest = use_mut_ref(|| (props.part.clone(), props.make.clone()));
        {
            let mut latest = latest.borrow_mut();
            if latest.0 != props.part {
                keep::save(&keep::key(page, &latest.0), &latest.1.emit(false));
            }
            *latest = (props.part.clone(), props.make.clone());
        }
        let (open, status) = (props.open.clone(), status.clone());
        use_effect_with((query, props.part.clone()), move |(query, part)| {
            let key = keep::key(page, part);
            // What a reload brought back belongs to the part shown then (a link's state is
            // the page's, and stays said).
            if let Some(Status::Restored {
                from: Source::Kept, ..
            }) = &*status
            {
                status.set(None);
            }
            let kept = keep::take(&key);
            let restore = if query.contains("s=") {
                let payload = share::payload_of(query).to_string();
                let fresh = LAST_OPENED.with(|last| {
                    let mut last = last.borrow_mut();
                    let fresh = *last != payload;
                    *last = payload.clone();
                    fresh
                });
                fresh.then_some((payload, Source::Link))
            } else {
                kept.filter(|k| *k != latest.borrow().1.emit(false))
                    .map(|k| (k, Source::Kept))
            };
            if let Some((payload, from)) = restore {
                match open.emit((payload, lang)) {
                    Ok(restored) => status.set(Some(Status::Restored { from, restored })),
                    Err(error) if from == Source::Link => status.set(Some(Status::Failed(error))),
                    // A kept state this release cannot read is dropped without a word: it
                    // was the page's own, not something the learner brought.
                    Err(_) => {}
                }
            }
            let part = part.clone();
            let save: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(move || {
                let latest = latest.borrow();
                if latest.0 == part {
                    keep::save(&key, &latest.1.emit(false));
                }
            });
            let id = keep::on_leave(save.clone());
            move || {
                keep::forget(id);
                save();
            }
        });
    }
    let make_link = {
        let make = props.make.clone();
        move |with_secrets: bool| share::link(&base_url(), page, &make.emit(with_secrets))
    };
    let on_share = {
        let (link, secrets, make_link) = (link.clone(), secrets.clone(), make_link.clone());
        Callback::from(move |_: MouseEvent| link.set(Some(make_link(*secrets))))
    };
    let on_secrets = {
        let (link, secrets, make_link) = (link.clone(), secrets.clone(), make_link.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let on = input.checked();
            secrets.set(on);
            if link.is_some() {
                link.set(Some(make_link(on)));
            }
        })
    };
    let on_download = {
        let (secrets, saved, make_link) = (secrets.clone(), saved.clone(), make_link.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("smtp-trainer-{}.txt", page.id());
            let text = format!("{}\n", make_link(*secrets));
            crate::ui::diagram::export::remember(&name, &text);
            let _ = crate::ui::mailbox::download::download(
                &name,
                "text/plain;charset=utf-8",
                text.as_bytes(),
            );
            saved.set(Some(name));
        })
    };
    let on_import = {
        let (open, status) = (props.open.clone(), status.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (open, status) = (open.clone(), status.clone());
            spawn_local(async move {
                let text = JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string());
                status.set(Some(match text {
                    None => Status::Unreadable,
                    Some(text) => match open.emit((share::payload_of(&text).to_string(), lang)) {
                        Ok(restored) => Status::Restored {
                            from: Source::File,
                            restored,
                        },
                        Err(error) => Status::Failed(error),
                    },
                }));
            });
        })
    };

    let restored = match &*status {
        Some(Status::Restored { from, restored }) => {
            let (said, left_out) = match from {
                Source::Link => (tx::RESTORED_LINK, tx::LEFT_OUT),
                Source::File => (tx::RESTORED_FILE, tx::LEFT_OUT),
                Source::Kept => (tx::RESTORED_KEPT, tx::KEPT_LEFT_OUT),
            };
            let mut text = said.get(lang).fill(&[("what", &restored.what)]);
            if restored.left_out > 0 {
                text.push(' ');
                text.push_str(&left_out.get(lang).fill(&[("n", &restored.left_out)]));
            }
            text
        }
        _ => String::new(),
    };
    let restored_from = match &*status {
        Some(Status::Restored { from, .. }) => Some(from.id()),
        _ => None,
    };
    let error = match &*status {
        Some(Status::Failed(error)) => Some(tx::describe(*error, lang)),
        Some(Status::Unreadable) => Some(tx::UNREADABLE_FILE.get(lang).to_string()),
        _ => None,
    };
    let data_error = match &*status {
        Some(Status::Failed(ShareError::Future(_))) => "future",
        Some(Status::Failed(ShareError::OtherPage(_))) => "other-page",
        Some(Status::Failed(ShareError::TooLarge)) => "too-large",
        Some(Status::Failed(_)) => "damaged",
        _ => "file",
    };
    let secrets_note = if *secrets {
        tx::SECRETS_ON
    } else {
        tx::SECRETS_OFF
    };
    html! {
        <section class="share-panel" aria-label={tx::HEADING.get(lang)} data-testid="share-panel"
            data-page={page.id()}>
            <p class={classes!("share-status", (!restored.is_empty()).then_some("ok-box"))}
                role="status" aria-live="polite" data-testid="share-status"
                data-restored={restored_from}>{ restored }</p>
            if let Some(error) = error {
                <p class="error-box" role="alert" data-testid="share-error" data-error={data_error}>
                    { error }
                </p>
            }
            <details class="panel share-details" data-testid="share-details">
                <summary data-testid="share-toggle">{ tx::HEADING.get(lang) }</summary>
                <p class="hint">{ tx::NOTE.get(lang) }</p>
                <div class="share-controls">
                    <label class="check" for={id("secrets")}>
                        <input type="checkbox" id={id("secrets")} data-testid="share-secrets"
                            checked={*secrets} onchange={on_secrets}
                            aria-describedby={id("secrets-note")} />
                        { " " }{ tx::SECRETS.get(lang) }
                    </label>
                    <p class={classes!("hint", secrets.then_some("warning"))} id={id("secrets-note")}
                        data-testid="share-secrets-note">{ secrets_note.get(lang) }</p>
                    <button type="button" class="button" data-testid="share-make" onclick={on_share}>
                        { tx::SHARE.get(lang) }
                    </button>
                    { " " }
                    <button type="button" class="button" data-testid="share-download" onclick={on_download}>
                        { tx::DOWNLOAD.get(lang) }
                    </button>
                    if let Some(name) = &*saved {
                        <span class="copy-status" role="status" data-testid="share-download-status">
                            { tx::DOWNLOADED.get(lang).fill(&[("name", &name)]) }
                        </span>
                    }
                </div>
                if let Some(link) = &*link {
                    <div class="share-link">
                        <label class="label" for={id("link")}>{ tx::LINK.get(lang) }</label>
                        <input id={id("link")} type="text" readonly=true class="output"
                            data-testid="share-link" ref={link_ref.clone()} value={link.clone()} />
                        <CopyButton value={AttrValue::from(link.clone())} target={link_ref.clone()}
                            testid="share-copy" label={tx::COPY_LABEL.get(lang)} />
                    </div>
                }
                <div class="share-import">
                    <label class="label" for={id("import")}>{ tx::IMPORT.get(lang) }</label>
                    <input type="file" id={id("import")} accept=".txt,text/plain"
                        data-testid="share-import" onchange={on_import} />
                </div>
            </details>
        </section>
    }
}
