//! A bare Yew page: one input (the message), its HMAC-MD5 under a fixed key (RFC 2104,
//! the key of RFC 2202's test case 2), recomputed on every keystroke.
#![forbid(unsafe_code)]

use hmac::{Hmac, Mac};
use md5::Md5;
use yew::prelude::*;

fn hmac_md5_hex(message: &str) -> String {
    let Ok(mut mac) = Hmac::<Md5>::new_from_slice(b"Jefe") else {
        return String::new();
    };
    mac.update(message.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[function_component(App)]
fn app() -> Html {
    let message = use_state(|| String::from("what do ya want for nothing?"));
    let oninput = {
        let message = message.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            message.set(input.value());
        })
    };
    html! {
        <main>
            <h1>{ "HMAC-MD5" }</h1>
            <input value={(*message).clone()} {oninput} />
            <p><code>{ hmac_md5_hex(&message) }</code></p>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
