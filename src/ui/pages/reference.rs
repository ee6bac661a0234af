//! The reply-code reference: a search box, the matching codes, and the selected code's
//! explanation. The selection lives in the address (`#/reference/553`), so every code has
//! a link that can be shared or bookmarked.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{t, Msg};
use crate::smtp::explain::explain;
use crate::smtp::reference::{search, Entry};
use crate::ui::code_detail::CodeDetail;
use crate::ui::in_parts::use_drawn;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The reference page's input: what the address selects.
#[derive(Properties, PartialEq)]
pub struct ReferenceProps {
    /// The code(s) from the address, if any.
    pub query: Option<AttrValue>,
}

/// How many entries the first frame lists: the list's box (70% of the window's height)
/// shows about twenty in a window 900 pixels high; the rest come after the first frame.
const FIRST_FRAME: usize = 30;

/// The route that shows an entry.
fn entry_route(entry: Entry) -> Route {
    Route::ReferenceCode { code: entry.slug() }
}

/// Where Enter in the search box goes: the code typed or pasted, else the first hit.
fn route_for_query(query: &str, first_hit: Option<Entry>) -> Option<Route> {
    match explain(query) {
        Ok(found) => match (found.reply, found.enhanced) {
            // A provider's reason tag (NetEase's `554 DT:SPM …`) stays in the link, so the
            // detail shows what the provider says of it.
            (Some(reply), None) if !found.provider_tags().is_empty() && found.text.is_some() => {
                let tag = found.provider_tags().first().map(|t| t.tag)?;
                Some(Route::ReferenceCode {
                    code: format!("{} {tag}", reply.code),
                })
            }
            (Some(reply), Some(enhanced)) => Some(Route::ReferencePair {
                code: reply.code.to_string(),
                enhanced: enhanced.label(),
            }),
            (Some(reply), None) => Some(Route::ReferenceCode {
                code: reply.code.to_string(),
            }),
            (None, Some(enhanced)) => Some(Route::ReferenceCode {
                code: enhanced.label(),
            }),
            (None, None) => first_hit.map(entry_route),
        },
        Err(_) => first_hit.map(entry_route),
    }
}

/// The reference page.
#[function_component(ReferencePage)]
pub fn reference_page(props: &ReferenceProps) -> Html {
    let lang = use_lang();
    let text = use_state(String::new);
    let navigator = use_navigator();
    let hits = search(&text);
    // The first frame lists what the list's box shows; the rest follows (issue 13).
    let drawn = use_drawn();
    let listed = if drawn {
        hits.len()
    } else {
        FIRST_FRAME.min(hits.len())
    };

    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    let on_keydown = {
        let text = text.clone();
        let first_hit = hits.first().copied();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                if let (Some(nav), Some(route)) = (&navigator, route_for_query(&text, first_hit)) {
                    nav.push(&route);
                }
            }
        })
    };

    let selected = props.query.as_deref().and_then(|q| explain(q).ok());
    let is_selected = |entry: Entry| match (&selected, entry) {
        (Some(found), Entry::Reply(info)) => {
            found.reply.is_some_and(|r| r.code.value() == info.code)
        }
        (Some(found), Entry::Enhanced(info)) => found
            .enhanced
            .is_some_and(|e| (e.subject, e.detail) == (info.subject, info.detail)),
        (None, _) => false,
    };
    let item = |entry: Entry| {
        let current = is_selected(entry);
        html! {
            <li key={entry.slug()}>
                <Link<Route> to={entry_route(entry)} classes={classes!("entry", current.then_some("current"))}>
                    <span class="entry-code" data-testid={format!("reference-item-{}", entry.slug())}>
                        { entry.label() }
                    </span>
                    <span class="entry-title">{ entry.title().get(lang) }</span>
                </Link<Route>>
            </li>
        }
    };
    let replies: Vec<Entry> = hits
        .iter()
        .take(listed)
        .copied()
        .filter(|e| matches!(e, Entry::Reply(_)))
        .collect();
    let enhanced: Vec<Entry> = hits
        .iter()
        .take(listed)
        .copied()
        .filter(|e| matches!(e, Entry::Enhanced(_)))
        .collect();

    html! {
        <section class="page reference" data-testid="reference-page">
            <h1 data-testid="reference-heading">{ t(lang, Msg::ReferenceHeading) }</h1>
            <p class="intro">{ t(lang, Msg::ReferenceIntro) }</p>
            <div class="reference-layout">
                <div class="reference-list">
                    <label for="reference-search" class="label">{ t(lang, Msg::SearchLabel) }</label>
                    <input id="reference-search" type="search" class="search" autocomplete="off"
                        spellcheck="false" data-testid="reference-search"
                        placeholder={t(lang, Msg::SearchPlaceholder)}
                        value={(*text).clone()} oninput={on_input} onkeydown={on_keydown} />
                    <div class="results" data-testid="reference-results" aria-live="polite">
                        if hits.is_empty() {
                            <p class="empty" data-testid="reference-no-results">{ t(lang, Msg::NoResults) }</p>
                        }
                        if !replies.is_empty() {
                            <h2 class="list-heading">{ t(lang, Msg::ReplyCodes) }</h2>
                            <ul class="entries">{ for replies.into_iter().map(item) }</ul>
                        }
                        if !enhanced.is_empty() {
                            <h2 class="list-heading">{ t(lang, Msg::EnhancedCodes) }</h2>
                            <ul class="entries">{ for enhanced.into_iter().map(item) }</ul>
                        }
                    </div>
                </div>
                <div class="reference-detail" data-testid="reference-detail">
                    if let Some(query) = props.query.clone() {
                        <CodeDetail {query} />
                    } else {
                        <p class="hint" data-testid="reference-hint">{ t(lang, Msg::PickACode) }</p>
                    }
                </div>
            </div>
        </section>
    }
}
