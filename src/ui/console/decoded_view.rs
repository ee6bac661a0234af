//! What a base64 field of an AUTH exchange decodes to, shown next to its line.

use yew::prelude::*;

use super::decode::Decoded;
use crate::i18n::{t, Msg};
use crate::ui::state::use_lang;

/// The decoded value.
#[derive(Properties, PartialEq)]
pub struct DecodedViewProps {
    /// What the field decodes to.
    pub decoded: Decoded,
}

/// `decoded: “Username:”`, or why there is nothing to decode.
#[function_component(DecodedView)]
pub fn decoded_view(props: &DecodedViewProps) -> Html {
    let lang = use_lang();
    let body = match &props.decoded {
        Decoded::Text(text) => html! { <q class="decoded-text">{ text.clone() }</q> },
        Decoded::Empty => html! { <em>{ t(lang, Msg::ConsoleDecodedEmpty) }</em> },
        Decoded::Cancel => html! { <em>{ t(lang, Msg::ConsoleDecodedCancel) }</em> },
        Decoded::Invalid => html! { <em class="error">{ t(lang, Msg::ConsoleNotBase64) }</em> },
    };
    html! {
        <span class="decoded" data-testid="console-decoded">
            <span class="decoded-label">{ t(lang, Msg::ConsoleDecoded) }{ lang.colon() }</span>
            { body }
        </span>
    }
}
