//! A small base64 helper for AUTH by hand: text → base64 (each answer of AUTH LOGIN), a
//! user name and password → the base64 of PLAIN's `\0user\0password` (RFC 4616), and a user
//! name and access token → the base64 of XOAUTH2's `user=…^Aauth=Bearer …^A^A` (the 0x01
//! bytes cannot be typed), for the Gmail, Outlook and QQ Mail profiles.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use yew::prelude::*;

use crate::i18n::{t, Msg};
use crate::sasl::{oauth, plain};
use crate::ui::clipboard::{copy_text, Copied};
use crate::ui::password_input::PasswordInput;
use crate::ui::state::use_lang;

/// Which output was copied last.
#[derive(Clone, Copy, PartialEq)]
enum Output {
    Login,
    Plain,
    Xoauth2,
}

fn text_input(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        state.set(input.value());
    })
}

/// The helper panel.
#[function_component(Base64Helper)]
pub fn base64_helper() -> Html {
    let lang = use_lang();
    let text = use_state(String::new);
    let user = use_state(String::new);
    let password = use_state(String::new);
    let oauth_user = use_state(String::new);
    let token = use_state(String::new);
    let copied = use_state(|| None::<(Output, Copied)>);
    let login_ref = use_node_ref();
    let plain_ref = use_node_ref();
    let xoauth2_ref = use_node_ref();

    let login_b64 = BASE64.encode(text.as_bytes());
    let plain_b64 = if user.is_empty() && password.is_empty() {
        String::new()
    } else {
        BASE64.encode(plain::encode("", &user, &password))
    };
    // The engine's own XOAUTH2 message (empty while the inputs are incomplete or invalid).
    let xoauth2_b64 = oauth::xoauth2(&oauth_user, &token)
        .ok()
        .and_then(|trace| {
            trace
                .step("response-base64")
                .map(|s| String::from_utf8_lossy(&s.bytes).into_owned())
        })
        .unwrap_or_default();
    let on_token = {
        let token = token.clone();
        Callback::from(move |text: String| token.set(text))
    };
    let on_copy = |which: Output, value: String, node: NodeRef| {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            copy_text(
                value.clone(),
                node.get(),
                Callback::from(move |outcome| copied.set(Some((which, outcome)))),
            );
        })
    };
    let on_password = {
        let password = password.clone();
        Callback::from(move |text: String| password.set(text))
    };
    let status = |which: Output| match *copied {
        Some((w, Copied::Done)) if w == which => t(lang, Msg::ConsoleCopied),
        Some((w, Copied::Selected)) if w == which => t(lang, Msg::ConsoleCopySelected),
        _ => "",
    };

    html! {
        <section class="panel helper" aria-labelledby="console-b64-heading" data-testid="console-base64">
            <h2 id="console-b64-heading">{ t(lang, Msg::ConsoleBase64Heading) }</h2>
            <h3>{ t(lang, Msg::ConsoleLoginHeading) }</h3>
            <label for="b64-text" class="label">{ t(lang, Msg::ConsoleBase64Text) }</label>
            <input id="b64-text" type="text" autocomplete="off" spellcheck="false"
                placeholder="alice@example.com" data-testid="console-b64-text"
                value={(*text).clone()} oninput={text_input(&text)} />
            <label for="b64-text-out" class="label">{ t(lang, Msg::ConsoleBase64Result) }</label>
            <div class="input-row">
                <input id="b64-text-out" type="text" readonly=true class="output" ref={login_ref.clone()}
                    data-testid="console-b64-text-out" value={login_b64.clone()} />
                <button type="button" class="button" data-testid="console-b64-text-copy"
                    onclick={on_copy(Output::Login, login_b64, login_ref)}>{ t(lang, Msg::ConsoleCopy) }</button>
            </div>
            <p class="copy-status" role="status">{ status(Output::Login) }</p>

            <h3>{ t(lang, Msg::ConsolePlainHeading) }</h3>
            <label for="b64-user" class="label">{ t(lang, Msg::ConsoleUserName) }</label>
            <input id="b64-user" type="text" autocomplete="off" spellcheck="false"
                placeholder="alice@example.com" data-testid="console-plain-user"
                value={(*user).clone()} oninput={text_input(&user)} />
            <label for="b64-password" class="label">{ t(lang, Msg::ConsolePassword) }</label>
            <PasswordInput id="b64-password" testid="console-plain-password"
                value={AttrValue::from((*password).clone())} on_input={on_password} />
            <label for="b64-plain-out" class="label">{ t(lang, Msg::ConsolePlainResult) }</label>
            <div class="input-row">
                <input id="b64-plain-out" type="text" readonly=true class="output" ref={plain_ref.clone()}
                    data-testid="console-plain-out" value={plain_b64.clone()} />
                <button type="button" class="button" data-testid="console-plain-copy"
                    onclick={on_copy(Output::Plain, plain_b64, plain_ref)}>{ t(lang, Msg::ConsoleCopy) }</button>
            </div>
            <p class="copy-status" role="status">{ status(Output::Plain) }</p>

            <h3>{ t(lang, Msg::ConsoleXoauth2Heading) }</h3>
            <label for="b64-oauth-user" class="label">{ t(lang, Msg::ConsoleUserName) }</label>
            <input id="b64-oauth-user" type="text" autocomplete="off" spellcheck="false"
                placeholder="alice@gmail.com" data-testid="console-xoauth2-user"
                value={(*oauth_user).clone()} oninput={text_input(&oauth_user)} />
            <label for="b64-token" class="label">{ t(lang, Msg::ConsoleToken) }</label>
            <PasswordInput id="b64-token" testid="console-xoauth2-token"
                value={AttrValue::from((*token).clone())} on_input={on_token} />
            <label for="b64-xoauth2-out" class="label">{ t(lang, Msg::ConsoleXoauth2Result) }</label>
            <div class="input-row">
                <input id="b64-xoauth2-out" type="text" readonly=true class="output" ref={xoauth2_ref.clone()}
                    data-testid="console-xoauth2-out" value={xoauth2_b64.clone()} />
                <button type="button" class="button" data-testid="console-xoauth2-copy"
                    onclick={on_copy(Output::Xoauth2, xoauth2_b64, xoauth2_ref)}>{ t(lang, Msg::ConsoleCopy) }</button>
            </div>
            <p class="copy-status" role="status">{ status(Output::Xoauth2) }</p>
        </section>
    }
}
