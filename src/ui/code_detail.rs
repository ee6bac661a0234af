//! One explanation: a reply code and/or an enhanced status code, digit by digit, with the
//! reference's texts. Renders [`crate::smtp::explain::Explanation`]; computes nothing.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{t, Lang, Msg, Tr};
use crate::smtp::explain::{
    explain, EnhancedExplanation, Explanation, MessageCheck, ReplyExplanation,
};
use crate::smtp::reference::{provider_tags_heading, ProviderTag};
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// What to explain.
#[derive(Properties, PartialEq)]
pub struct CodeDetailProps {
    /// A code, two codes, or a reply line.
    pub query: AttrValue,
}

/// The explanation of `query`, or why it cannot be read.
#[function_component(CodeDetail)]
pub fn code_detail(props: &CodeDetailProps) -> Html {
    let lang = use_lang();
    match explain(&props.query) {
        Err(err) => html! {
            <div class="error" role="alert" data-testid="reference-error">{ err.describe(lang) }</div>
        },
        Ok(found) => html! {
            <article class="detail">
                if let Some(reply) = found.reply { { reply_view(&reply, lang) } }
                if let Some(enhanced) = found.enhanced { { enhanced_view(&enhanced, lang) } }
                if let Some(text) = found.text.clone() {
                    <section class="detail-text">
                        <h3>{ t(lang, Msg::ReplyText) }</h3>
                        <p><code>{ text }</code></p>
                        <p class="note">{ t(lang, Msg::ReplyTextNote) }</p>
                    </section>
                }
                { provider_tags_view(&found, lang) }
                { message_checks_view(&found, lang) }
            </article>
        },
    }
}

/// The provider's reason tags: those a pasted line carries, shown open; those documented
/// under a bare reply code, folded.
fn provider_tags_view(found: &Explanation, lang: Lang) -> Html {
    let tags = found.provider_tags();
    if tags.is_empty() {
        return Html::default();
    }
    let views = tags.into_iter().map(|tag| provider_tag_view(tag, lang));
    if found.text.is_some() {
        html! { <section data-testid="detail-provider-tags">{ for views }</section> }
    } else {
        html! {
            <details class="field" data-testid="detail-provider-tags">
                <summary>{ provider_tags_heading().get(lang) }</summary>
                { for views }
            </details>
        }
    }
}

/// Where to find out why an authentication refusal happened: the message-authentication
/// checks (issue 19) the reply points to, as links to the page's section.
fn message_checks_view(found: &Explanation, lang: Lang) -> Html {
    let checks = found.message_checks();
    if checks.is_empty() {
        return Html::default();
    }
    html! {
        <section class="field" data-testid="detail-message-checks">
            <h3>{ MessageCheck::heading().get(lang) }</h3>
            <ul>
                { for checks.into_iter().map(|check| html! {
                    <li>
                        <a href={check.page()} data-testid="detail-message-check">
                            { check.title().get(lang) }
                        </a>
                        { " " }<code>{ check.command() }</code>
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn field(lang: Lang, label: Msg, text: Tr, testid: &'static str) -> Html {
    html! {
        <section class="field">
            <h3>{ t(lang, label) }</h3>
            <p data-testid={testid}>{ text.get(lang) }</p>
        </section>
    }
}

fn reply_view(reply: &ReplyExplanation, lang: Lang) -> Html {
    let code = reply.code;
    let digits = code.digit_meanings().into_iter().map(|(digit, meaning)| {
        html! { <li><span class="digit">{ digit }</span>{ meaning.get(lang) }</li> }
    });
    html! {
        <section class="detail-reply" data-testid="detail-reply">
            <h2>
                <span class="code" data-testid="detail-code">{ code.to_string() }</span>
                <span data-testid="detail-title">
                    { reply.info.map_or_else(|| t(lang, Msg::NotInReference), |i| i.title.get(lang)) }
                </span>
            </h2>
            if reply.info.is_none() {
                <p class="note" data-testid="detail-unknown">{ reply.unknown_code(lang) }</p>
            }
            <h3>{ t(lang, Msg::Digits) }</h3>
            <ol class="digits" data-testid="detail-digits">{ for digits }</ol>
            if let Some(info) = reply.info {
                { field(lang, Msg::When, info.when, "detail-when") }
                { field(lang, Msg::Action, info.action, "detail-action") }
                if !info.enhanced.is_empty() {
                    <section class="field">
                        <h3>{ t(lang, Msg::OftenWith) }</h3>
                        <p class="chips">
                            { for info.enhanced.iter().map(|e| html! {
                                <Link<Route> to={Route::ReferencePair { code: code.to_string(), enhanced: (*e).to_string() }}
                                    classes="chip">{ *e }</Link<Route>>
                            }) }
                        </p>
                    </section>
                }
                if !info.examples.is_empty() {
                    <section class="field">
                        <h3>{ t(lang, Msg::SeenInTheWild) }</h3>
                        { for info.examples.iter().map(|line| html! { <pre class="wire">{ *line }</pre> }) }
                    </section>
                }
                <p class="source">{ t(lang, Msg::DefinedIn) }{ lang.colon() }{ info.source }</p>
            }
        </section>
    }
}

/// One provider's reason tag: its words, what it means, where it was published.
fn provider_tag_view(tag: &ProviderTag, lang: Lang) -> Html {
    html! {
        <section class="field" data-testid="detail-provider-tag">
            <h3>
                <code>{ format!("{} {}", tag.reply, tag.tag) }</code>{ " " }
                { Tr::new("As sent by", "发送方").get(lang) }{ lang.colon() }{ tag.provider.get(lang) }
            </h3>
            <p lang="zh-CN">{ tag.published }</p>
            <p>{ tag.meaning.get(lang) }</p>
            <p class="source">{ Tr::new("Source", "出处").get(lang) }{ lang.colon() }{ tag.from.get(lang) }</p>
        </section>
    }
}

fn enhanced_view(enhanced: &EnhancedExplanation, lang: Lang) -> Html {
    html! {
        <section class="detail-enhanced" data-testid="detail-enhanced">
            <h2>
                <span class="code" data-testid="detail-enhanced-code">{ enhanced.label() }</span>
                <span data-testid="detail-enhanced-title">
                    { enhanced.info.map_or_else(|| t(lang, Msg::NotInReference), |i| i.title.get(lang)) }
                </span>
            </h2>
            <dl class="parts">
                if let Some(class) = enhanced.class_meaning() {
                    <dt>{ t(lang, Msg::Class) }</dt><dd>{ class.get(lang) }</dd>
                }
                if let Some(note) = enhanced.class_note(lang) {
                    <dd class="note" data-testid="detail-class-note">{ note }</dd>
                }
                <dt>{ t(lang, Msg::Subject) }</dt><dd>{ enhanced.subject_meaning().get(lang) }</dd>
                if enhanced.info.is_none() {
                    <dt>{ t(lang, Msg::Detail) }</dt><dd>{ enhanced.unknown_detail().get(lang) }</dd>
                }
            </dl>
            if let Some(info) = enhanced.info {
                { field(lang, Msg::Meaning, info.meaning, "detail-meaning") }
                { field(lang, Msg::Action, info.action, "detail-enhanced-action") }
                <p class="source">{ t(lang, Msg::DefinedIn) }{ lang.colon() }{ info.source }</p>
            }
            { for enhanced.provider_notes().into_iter().map(|note| html! {
                <section class="field" data-testid="detail-provider">
                    <h3>{ Tr::new("As sent by", "发送方").get(lang) }{ lang.colon() }{ note.provider.get(lang) }</h3>
                    <pre class="wire">{ format!("{} {} {}", note.reply, note.code, note.wording) }</pre>
                    <p>{ note.meaning.get(lang) }</p>
                    <p class="source">{ Tr::new("Source", "出处").get(lang) }{ lang.colon() }{ note.from.get(lang) }</p>
                </section>
            }) }
        </section>
    }
}
