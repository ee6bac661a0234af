//! Attachments: a file picker (`<input type=file multiple>`), the files read in the page
//! with `Blob.arrayBuffer()` — never uploaded — and the list with each file's size and the
//! media type the composer will give it. Files over the limits are refused with the reason.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use super::state::{use_compose, ComposeAction, FileProblem, MAX_FILE};
use super::texts as tx;
use crate::i18n::{Fill, Lang};
use crate::mime::types;
use crate::ui::state::use_lang;

fn problem_text(problem: &FileProblem, lang: Lang) -> String {
    match problem {
        FileProblem::TooBig { name, size } => tx::FILE_TOO_BIG
            .get(lang)
            .fill(&[("name", &name), ("n", &size)]),
        FileProblem::TotalTooBig { name } => tx::TOTAL_TOO_BIG.get(lang).fill(&[("name", &name)]),
        FileProblem::TooMany { name } => tx::TOO_MANY_FILES.get(lang).fill(&[("name", &name)]),
        FileProblem::Unreadable { name } => tx::FILE_UNREADABLE.get(lang).fill(&[("name", &name)]),
    }
}

/// The attachments panel.
#[function_component(AttachmentPicker)]
pub fn attachment_picker() -> Html {
    let lang = use_lang();
    let Some(compose) = use_compose() else {
        return Html::default();
    };
    let on_files = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let mut refused = Vec::new();
            let mut to_read = Vec::new();
            for i in 0..list.length() {
                let Some(file) = list.get(i) else {
                    continue;
                };
                let size = file.size().max(0.0) as u64;
                if size > MAX_FILE {
                    refused.push(FileProblem::TooBig {
                        name: file.name(),
                        size,
                    });
                } else {
                    to_read.push(file);
                }
            }
            compose.dispatch(ComposeAction::Reading(
                to_read.iter().map(web_sys::File::name).collect(),
            ));
            for problem in refused {
                compose.dispatch(ComposeAction::FileRefused(problem));
            }
            for file in to_read {
                let compose = compose.clone();
                spawn_local(async move {
                    let data = JsFuture::from(file.array_buffer())
                        .await
                        .ok()
                        .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
                    compose.dispatch(ComposeAction::FileRead {
                        name: file.name(),
                        data,
                    });
                });
            }
            // The same file can be picked again.
            input.set_value("");
        })
    };
    let files = compose.files.iter().map(|file| {
        let on_remove = {
            let compose = compose.clone();
            let id = file.id;
            Callback::from(move |_: MouseEvent| compose.dispatch(ComposeAction::RemoveFile(id)))
        };
        let (media_type, _) = types::guess(&file.name);
        html! {
            <li key={file.id} class="attachment" data-testid="compose-attachment">
                <span class="attachment-name" data-testid="compose-attachment-name">{ file.name.clone() }</span>
                <span class="muted" data-testid="compose-attachment-size">
                    { tx::BYTES.get(lang).fill(&[("n", &file.data.len())]) }
                </span>
                <code class="muted">{ media_type }</code>
                <button type="button" class="button small" onclick={on_remove}
                    aria-label={tx::REMOVE_LABEL.get(lang).fill(&[("name", &file.name)])}>
                    { tx::REMOVE.get(lang) }
                </button>
            </li>
        }
    });
    let reading = compose.reading.iter().map(|name| {
        html! { <li class="muted">{ tx::READING.get(lang).fill(&[("name", &name)]) }</li> }
    });
    let problems = compose.file_problems.iter().map(|problem| {
        html! { <li>{ problem_text(problem, lang) }</li> }
    });
    html! {
        <section class="panel compose-attachments" aria-labelledby="compose-attachments-heading"
            data-testid="compose-attachments">
            <h2 id="compose-attachments-heading">{ tx::ATTACHMENTS.get(lang) }</h2>
            <label for="compose-file" class="label">{ tx::ADD_FILES.get(lang) }</label>
            <input id="compose-file" type="file" multiple=true data-testid="compose-file"
                aria-describedby="compose-file-hint" onchange={on_files} />
            <p class="hint" id="compose-file-hint">{ tx::ATTACH_HINT.get(lang) }</p>
            if !compose.file_problems.is_empty() {
                <ul class="error" role="alert" data-testid="compose-file-error">{ for problems }</ul>
            }
            <ul class="attachments" aria-live="polite">{ for reading }{ for files }</ul>
        </section>
    }
}
