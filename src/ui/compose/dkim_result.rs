//! The DKIM signature the compose worker made before the session (issue 19), step by step
//! with the message-authentication section's own step list.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::compose_job::SentView;
use crate::ui::msgauth::parts::steps;
use crate::ui::state::use_lang;

/// Props.
#[derive(Properties, PartialEq)]
pub struct DkimResultProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The signature's steps, if the message was signed.
#[function_component(DkimResult)]
pub fn dkim_result(props: &DkimResultProps) -> Html {
    let lang = use_lang();
    let Some(dkim) = &props.sent.dkim else {
        return Html::default();
    };
    html! {
        <section class="panel compose-dkim-result" aria-labelledby="compose-dkim-heading"
            data-testid="compose-dkim-signature">
            <h3 id="compose-dkim-heading">{ tx::DKIM_SIGNATURE.get(lang) }</h3>
            <p>{ tx::DKIM_SIGNED.get(lang) }</p>
            <pre class="value" data-testid="compose-dkim-result-record">{ dkim.key_record.clone() }</pre>
            { steps(&dkim.steps, lang) }
        </section>
    }
}
