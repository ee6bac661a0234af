//! English / 简体中文: two buttons, the current one pressed.

use yew::prelude::*;

use super::state::{use_app, Action};
use crate::i18n::{t, Lang, Msg};

/// The language switch.
#[function_component(LangSwitch)]
pub fn lang_switch() -> Html {
    let Some(app) = use_app() else {
        return Html::default();
    };
    let current = app.lang;
    let buttons = Lang::ALL.iter().map(|&lang| {
        let on_click = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::SetLang(lang)))
        };
        let id = match lang {
            Lang::En => "lang-en",
            Lang::Zh => "lang-zh",
        };
        html! {
            <button type="button" class="lang-button" lang={lang.tag()}
                aria-pressed={(lang == current).to_string()}
                data-testid={id} onclick={on_click}>
                { lang.native_name() }
            </button>
        }
    });
    html! {
        <div class="lang-switch" role="group" aria-label={t(current, Msg::Language)} data-testid="lang-switch">
            { for buttons }
        </div>
    }
}
