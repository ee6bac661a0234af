//! The mechanism picker: a `<select>` whose choice goes into the address
//! (`#/auth/digest-md5`), and what the mechanism shown does.

use yew::prelude::*;
use yew_router::prelude::*;

use super::mechanism::AuthMech;
use crate::i18n::{t, Msg};
use crate::ui::console::hooks::use_synced_select;
use crate::ui::route::Route;
use crate::ui::state::use_lang;

/// The mechanism shown.
#[derive(Properties, PartialEq)]
pub struct MechanismPickerProps {
    /// It.
    pub mech: AuthMech,
}

/// The name a mechanism is listed under.
pub fn mech_name(mech: AuthMech, lang: crate::i18n::Lang) -> &'static str {
    mech.sasl_name()
        .unwrap_or_else(|| t(lang, Msg::HttpDigestName))
}

/// Picker and description.
#[function_component(MechanismPicker)]
pub fn mechanism_picker(props: &MechanismPickerProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let select_ref = use_synced_select(props.mech.slug().to_string());
    let on_change = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let (Some(nav), Some(mech)) = (&navigator, AuthMech::from_slug(&select.value())) {
            nav.push(&Route::AuthMechanism {
                mechanism: mech.slug().to_string(),
            });
        }
    });
    let options = AuthMech::ALL.iter().map(|&mech| {
        html! {
            <option value={mech.slug()} selected={mech == props.mech}>{ mech_name(mech, lang) }</option>
        }
    });
    html! {
        <div class="mechanism-picker">
            <div class="field-inline">
                <label for="auth-mechanism">{ t(lang, Msg::AuthMechanism) }</label>
                <select id="auth-mechanism" data-testid="auth-mechanism" ref={select_ref} onchange={on_change}>
                    { for options }
                </select>
            </div>
            <p class="about" data-testid="auth-about">{ t(lang, props.mech.about()) }</p>
        </div>
    }
}
