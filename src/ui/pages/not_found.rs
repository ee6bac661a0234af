//! The page for an address the app does not know.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::{t, Msg};
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// "Page not found", with the way back.
#[function_component(NotFound)]
pub fn not_found() -> Html {
    let lang = use_lang();
    html! {
        <section class="page" data-testid="not-found">
            <h1>{ t(lang, Msg::NotFoundHeading) }</h1>
            <p>{ t(lang, Msg::NotFoundBody) }</p>
            <Link<Route> to={Route::Reference}>{ t(lang, Msg::NavReference) }</Link<Route>>
        </section>
    }
}
