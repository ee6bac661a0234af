//! The message: addresses, subject, text, charset and transfer encoding, an optional HTML
//! alternative. What is typed goes into the compose state; nothing is composed until Send.

use yew::prelude::*;

use super::dkim_panel::DkimPanel;
use super::state::{use_compose, ComposeAction, Field};
use super::text_field::TextField;
use super::texts as tx;
use crate::mime::{Charset, TransferEncoding};
use crate::ui::console::hooks::use_synced_select;
use crate::ui::state::use_lang;

/// The message form.
#[function_component(MessageForm)]
pub fn message_form() -> Html {
    let lang = use_lang();
    let compose = use_compose();
    let charset = compose.as_ref().map(|c| c.charset).unwrap_or_default();
    let encoding = compose.as_ref().and_then(|c| c.encoding);
    let charset_ref = use_synced_select(charset.label().to_string());
    let encoding_ref = use_synced_select(encoding.map_or("auto", |e| e.token()).to_string());
    let Some(compose) = compose else {
        return Html::default();
    };
    let on_charset = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(charset) = Charset::from_label(&select.value()) {
                compose.dispatch(ComposeAction::Charset(charset));
            }
        })
    };
    let on_encoding = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::Encoding(TransferEncoding::from_token(
                &select.value(),
            )));
        })
    };
    let on_html = {
        let compose = compose.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            compose.dispatch(ComposeAction::HtmlOn(input.checked()));
        })
    };
    let charsets = Charset::ALL.iter().map(|&c| {
        html! { <option value={c.label()} selected={c == charset}>{ c.label() }</option> }
    });
    let encodings = TransferEncoding::ALL.iter().map(|&e| {
        html! { <option value={e.token()} selected={Some(e) == encoding}>{ e.token() }</option> }
    });
    html! {
        <section class="panel compose-message" aria-labelledby="compose-message-heading"
            data-testid="compose-message">
            <h2 id="compose-message-heading">{ tx::MESSAGE.get(lang) }</h2>
            <TextField field={Field::From} id="compose-from" testid="compose-from" label={tx::FROM} />
            <TextField field={Field::To} id="compose-to" testid="compose-to" label={tx::TO}
                hint={tx::ADDRESS_HINT} />
            <div class="compose-pair">
                <TextField field={Field::Cc} id="compose-cc" testid="compose-cc" label={tx::CC} />
                <TextField field={Field::Bcc} id="compose-bcc" testid="compose-bcc" label={tx::BCC}
                    hint={tx::BCC_HINT} />
            </div>
            <TextField field={Field::ReplyTo} id="compose-reply-to" testid="compose-reply-to"
                label={tx::REPLY_TO} />
            <TextField field={Field::Subject} id="compose-subject" testid="compose-subject"
                label={tx::SUBJECT} />
            <div class="compose-pair">
                <div class="form-field">
                    <label for="compose-charset" class="label">{ tx::CHARSET.get(lang) }</label>
                    <select id="compose-charset" data-testid="compose-charset" ref={charset_ref}
                        onchange={on_charset}>
                        { for charsets }
                    </select>
                </div>
                <div class="form-field">
                    <label for="compose-encoding" class="label">{ tx::ENCODING.get(lang) }</label>
                    <select id="compose-encoding" data-testid="compose-encoding" ref={encoding_ref}
                        onchange={on_encoding}>
                        <option value="auto" selected={encoding.is_none()}>{ tx::ENCODING_AUTO.get(lang) }</option>
                        { for encodings }
                    </select>
                </div>
            </div>
            <TextField field={Field::Text} id="compose-text" testid="compose-text" label={tx::TEXT}
                rows={8} mono=true />
            <label class="check">
                <input type="checkbox" checked={compose.html_on} data-testid="compose-html-on"
                    onchange={on_html} />
                { tx::HTML_ON.get(lang) }
            </label>
            if compose.html_on {
                <TextField field={Field::Html} id="compose-html" testid="compose-html" label={tx::HTML}
                    hint={tx::HTML_HINT} rows={5} mono=true />
            }
            <DkimPanel />
        </section>
    }
}
