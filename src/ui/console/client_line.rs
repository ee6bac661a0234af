//! One `C:` line in the transcript, with its base64 decoded in AUTH exchanges.

use std::rc::Rc;

use yew::prelude::*;

use super::decode::client_decoded;
use super::decoded_view::DecodedView;
use super::state::ClientLine as Line;
use crate::i18n::{t, Fill, Msg};
use crate::ui::state::use_lang;

/// A line the learner sent.
#[derive(Properties, PartialEq)]
pub struct ClientLineProps {
    /// The line.
    pub line: Rc<Line>,
    /// Whether to show ␍␊ at the line end.
    pub show_crlf: bool,
}

/// `C: EHLO learner.example`.
#[function_component(ClientLine)]
pub fn client_line(props: &ClientLineProps) -> Html {
    let lang = use_lang();
    let line = &props.line;
    let decoded = client_decoded(&line.text, line.auth_response);
    html! {
        <div class="line client" data-testid="console-client-line">
            <span class="prefix">{ "C: " }</span>
            <span class="text">{ line.text.clone() }</span>
            if line.hidden > 0 {
                <span class="note">
                    { t(lang, Msg::ConsoleLineCut).fill(&[("n", &line.hidden)]) }
                </span>
            }
            if props.show_crlf { <span class="crlf" aria-hidden="true">{ "␍␊" }</span> }
            if let Some(decoded) = decoded { { " " }<DecodedView {decoded} /> }
        </div>
    }
}
