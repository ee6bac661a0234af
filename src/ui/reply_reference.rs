//! A reply's explanation panel, shared by the console and the composer's dialog: why this
//! server sent it, the reference titles of its codes, and the link to the reference page.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{t, Fill, Lang, Msg};
use crate::smtp::codes::{EnhancedCode, ReplyCode};
use crate::smtp::reference::{enhanced_info, reply_info};
use crate::ui::route::Route;

/// What the panel explains.
pub struct Explained<'a> {
    /// The reply code, when it reads as one.
    pub code: Option<ReplyCode>,
    /// The code as shown (also when it does not read as a code).
    pub code_text: &'a str,
    /// The enhanced status code, if any.
    pub enhanced: Option<EnhancedCode>,
    /// The engine's reason; `None` when only the wire text is known.
    pub why: Option<String>,
    /// Shown when there is no reason.
    pub no_why: &'static str,
}

/// The panel. `testid` prefixes the `data-testid`s (`console` → `console-explanation`,
/// `console-why`).
pub fn reply_reference(
    explained: Explained,
    panel_id: String,
    testid: &'static str,
    lang: Lang,
) -> Html {
    let Explained {
        code,
        code_text,
        enhanced,
        why,
        no_why,
    } = explained;
    let title = code
        .and_then(reply_info)
        .map_or_else(|| t(lang, Msg::NotInReference), |i| i.title.get(lang));
    let enhanced_title = enhanced.map(|e| {
        let title =
            enhanced_info(e).map_or_else(|| t(lang, Msg::NotInReference), |i| i.title.get(lang));
        (e, title)
    });
    let code_text = code_text.to_string();
    let (route, label) = match enhanced {
        Some(e) => (
            Route::ReferencePair {
                code: code_text.clone(),
                enhanced: e.to_string(),
            },
            format!("{code_text} {e}"),
        ),
        None => (
            Route::ReferenceCode {
                code: code_text.clone(),
            },
            code_text.clone(),
        ),
    };
    html! {
        <div class="explanation" id={panel_id} data-testid={format!("{testid}-explanation")}>
            if let Some(why) = why {
                <p class="why" data-testid={format!("{testid}-why")}>{ why }</p>
            } else {
                <p class="why">{ no_why }</p>
            }
            <p class="ref">
                <span class="code">{ code_text.clone() }</span>{ " " }{ title }
                if let Some((e, etitle)) = enhanced_title {
                    { " · " }<span class="code">{ e.to_string() }</span>{ " " }{ etitle }
                }
            </p>
            <p class="ref-link">
                <Link<Route> to={route}>
                    { t(lang, Msg::ConsoleOpenReference).fill(&[("code", &label)]) }
                </Link<Route>>
            </p>
        </div>
    }
}
