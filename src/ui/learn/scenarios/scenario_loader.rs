//! A teacher's scenario: loaded from a file, pasted, or opened from a link
//! (`#/scenarios?s=<payload>`, the file deflated as [`crate::share`] writes it). The file is
//! read by the engine ([`scenarios::register`]); every error is listed with its line, a good
//! file is listed with the built-ins and gets a link to share.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{Fill, Lang, Tr};
use crate::lessons::scenarios::{self, RegisterError};
use crate::share::{self, Page};
use crate::ui::route::Route;
use crate::ui::state::use_lang;

const HEADING: Tr = Tr::new("Load a scenario file", "载入场景文件");
const NOTE: Tr = Tr::new(
    "A scenario written as a file (docs/scenarios.md): pick it or paste it. It stays in this page; a link carries it in its fragment, which is never sent to a server.",
    "以文件编写的场景（见 docs/scenarios.md）：选择文件或粘贴内容。它只留在本页；链接把它放在片段（#）中，不会发送给任何服务器。",
);
const LOAD: Tr = Tr::new("Load", "载入");
const LOADED: Tr = Tr::new("Loaded: “{title}”.", "已载入：“{title}”。");
const OPEN: Tr = Tr::new("Play it", "开始练习");
const LINK: Tr = Tr::new("Link to this scenario", "此场景的链接");
const TAKEN: Tr = Tr::new(
    "Its id is a built-in scenario's: choose another id.",
    "它的 id 与内置场景相同：请换一个 id。",
);
const TOO_MANY: Tr = Tr::new(
    "Too many scenario files were loaded in this page: reload it.",
    "本页载入的场景文件太多：请重新加载页面。",
);
const LINK_BAD: Tr = Tr::new(
    "The scenario in this link is damaged (cut short or changed): ask for the link again.",
    "此链接中的场景已损坏（被截断或改动）：请重新获取链接。",
);
const LINK_FUTURE: Tr = Tr::new(
    "This link was made by a newer version of the trainer: update the page to open it.",
    "此链接由更新版本的训练器生成：请更新页面后再打开。",
);

/// What the last load did.
#[derive(Clone, PartialEq)]
enum Loaded {
    Ok { id: &'static str, text: String },
    Errors(Vec<String>),
}

fn load(text: &str, lang: Lang) -> Loaded {
    match scenarios::register(text) {
        Ok(s) => Loaded::Ok {
            id: s.id,
            text: text.to_string(),
        },
        Err(RegisterError::Invalid(errors)) => {
            Loaded::Errors(errors.iter().map(|e| e.describe(lang)).collect())
        }
        Err(RegisterError::BuiltinId) => Loaded::Errors(vec![TAKEN.get(lang).to_string()]),
        Err(_) => Loaded::Errors(vec![TOO_MANY.get(lang).to_string()]),
    }
}

/// The loader, under the scenario list.
#[function_component(ScenarioLoader)]
pub fn scenario_loader() -> Html {
    let lang = use_lang();
    let text = use_state(String::new);
    let loaded = use_state(|| None::<Loaded>);
    let location = use_location();
    {
        // A link with a scenario: load it once.
        let (text, loaded) = (text.clone(), loaded.clone());
        let query = location
            .map(|l| l.query_str().to_string())
            .unwrap_or_default();
        use_effect_with(query, move |query| {
            let payload = share::payload_of(query);
            if query.contains("s=") && !payload.is_empty() {
                match share::decode_text(payload) {
                    Ok(file) => {
                        loaded.set(Some(load(&file, lang)));
                        text.set(file);
                    }
                    Err(share::ShareError::Future(_)) => {
                        loaded.set(Some(Loaded::Errors(vec![LINK_FUTURE.get(lang).into()])))
                    }
                    Err(_) => loaded.set(Some(Loaded::Errors(vec![LINK_BAD.get(lang).into()]))),
                }
            }
        });
    }
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let on_file = {
        let (text, loaded) = (text.clone(), loaded.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (text, loaded) = (text.clone(), loaded.clone());
            spawn_local(async move {
                let data = JsFuture::from(file.array_buffer())
                    .await
                    .ok()
                    .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
                    .unwrap_or_default();
                let file_text = String::from_utf8_lossy(&data).into_owned();
                loaded.set(Some(load(&file_text, lang)));
                text.set(file_text);
            });
            input.set_value("");
        })
    };
    let on_load = {
        let (text, loaded) = (text.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| loaded.set(Some(load(&text, lang))))
    };
    let result = match &*loaded {
        None => Html::default(),
        Some(Loaded::Errors(errors)) => html! {
            <ul class="error-box" role="alert" data-testid="scenario-file-errors">
                { for errors.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
            </ul>
        },
        Some(Loaded::Ok { id, text }) => {
            let title = scenarios::find(id).map_or("", |s| s.title.get(lang));
            let base = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let url = share::link(&base, Page::Scenario, &share::encode_text(text));
            html! {
                <div class="ok-box" role="status" data-testid="scenario-file-loaded">
                    <p>{ LOADED.get(lang).fill(&[("title", &title)]) }{ " " }
                        <Link<Route> to={Route::Scenario { id: id.to_string() }}>{ OPEN.get(lang) }</Link<Route>>
                    </p>
                    <label class="label" for="scenario-file-link">{ LINK.get(lang) }</label>
                    <input id="scenario-file-link" type="text" readonly=true class="output"
                        data-testid="scenario-file-link" value={url} />
                </div>
            }
        }
    };
    html! {
        <section class="panel" aria-labelledby="scenario-file-heading" data-testid="scenario-file">
            <h2 id="scenario-file-heading">{ HEADING.get(lang) }</h2>
            <p class="hint">{ NOTE.get(lang) }</p>
            <input type="file" accept=".toml,text/plain" data-testid="scenario-file-pick" onchange={on_file} />
            <textarea class="input" rows="6" data-testid="scenario-file-text" value={(*text).clone()}
                oninput={on_input} aria-label={HEADING.get(lang)} />
            <button type="button" class="button" data-testid="scenario-file-load" onclick={on_load}>
                { LOAD.get(lang) }
            </button>
            { result }
        </section>
    }
}
