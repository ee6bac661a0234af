//! A session's transcript, with the console's own rows: `C:` lines (AUTH's base64 decoded),
//! replies that expand to why the server sent them (with a link to the reference), and
//! markers. It scrolls to the newest entry as entries arrive.

use yew::prelude::*;

use crate::live::Transcript;
use crate::ui::console::transcript::rows;
use crate::ui::diagram;
use crate::ui::state::use_lang;

/// The transcript to show.
#[derive(Properties, PartialEq)]
pub struct SessionLogProps {
    /// The entries.
    pub log: Transcript,
    /// The `data-testid` of the transcript.
    pub testid: AttrValue,
    /// Its accessible name.
    pub label: AttrValue,
}

/// The transcript (`role="log"`).
#[function_component(SessionLog)]
pub fn session_log(props: &SessionLogProps) -> Html {
    let lang = use_lang();
    let node = use_node_ref();
    let newest = props.log.newest();
    {
        let node = node.clone();
        use_effect_with(newest, move |_| {
            if let Some(element) = node.cast::<web_sys::Element>() {
                element.set_scroll_top(element.scroll_height());
            }
        });
    }
    let rows = rows(&props.log, false, lang);
    let ladder = diagram::ladder_view(
        &diagram::inputs_of(props.log.items.iter().map(|i| &i.entry)),
        diagram::OnArrow::Open(props.testid.clone()),
        &props.testid,
        lang,
    );
    html! {
        <>
        <div class="transcript learn-transcript" role="log" tabindex="0" ref={node}
            aria-label={props.label.clone()} data-testid={props.testid.clone()}>
            { rows }
        </div>
        { ladder }
        </>
    }
}
