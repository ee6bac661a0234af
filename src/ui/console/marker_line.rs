//! A note in the transcript: a new connection, the simulated TLS handshake, a stored
//! message, the close, a settings change, dropped old lines.

use yew::prelude::*;

use super::state::{Marker, CLIENT_IP, CLIENT_NAME};
use crate::i18n::{t, Fill, Lang, Msg};
use crate::ui::state::use_lang;

/// The marker to show.
#[derive(Properties, PartialEq)]
pub struct MarkerLineProps {
    /// The marker.
    pub marker: Marker,
}

/// The marker's text in `lang`.
pub fn marker_text(marker: &Marker, lang: Lang) -> String {
    match marker {
        Marker::Connected { profile, host } => t(lang, Msg::ConsoleMarkerConnected).fill(&[
            ("host", &host),
            ("profile", &profile.name()),
            ("client", &format!("{CLIENT_NAME} [{CLIENT_IP}]")),
        ]),
        Marker::TlsStarted => t(lang, Msg::ConsoleMarkerTls).to_string(),
        Marker::Stored { id } => t(lang, Msg::ConsoleMarkerStored).fill(&[("id", &id)]),
        Marker::Closed => t(lang, Msg::ConsoleMarkerClosed).to_string(),
        Marker::SettingsChanged => t(lang, Msg::ConsoleMarkerSettings).to_string(),
        Marker::Trimmed { dropped } => t(lang, Msg::ConsoleMarkerTrimmed).fill(&[("n", &dropped)]),
    }
}

/// `— TLS handshake (simulated) —`.
#[function_component(MarkerLine)]
pub fn marker_line(props: &MarkerLineProps) -> Html {
    let lang = use_lang();
    let kind = match props.marker {
        Marker::Connected { .. } => "connected",
        Marker::TlsStarted => "tls",
        Marker::Stored { .. } => "stored",
        Marker::Closed => "closed",
        Marker::SettingsChanged => "settings",
        Marker::Trimmed { .. } => "trimmed",
    };
    html! {
        <div class={classes!("line", "marker", kind)} data-testid="console-marker">
            <span>{ marker_text(&props.marker, lang) }</span>
        </div>
    }
}
