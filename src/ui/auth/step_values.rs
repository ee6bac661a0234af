//! A step's bytes three ways — as text, hex and base64, each rendered by the engine
//! ([`Step::text`], [`Step::hex`], [`Step::base64`]) — each with a Copy button. The view
//! the step prefers comes first and is marked.

use yew::prelude::*;

use crate::i18n::{t, Fill, Msg};
use crate::sasl::trace::{Step, View};
use crate::ui::copy_button::CopyButton;
use crate::ui::state::use_lang;

/// The step whose bytes to show.
#[derive(Properties, PartialEq)]
pub struct StepValuesProps {
    /// The step.
    pub step: Step,
}

/// One of the three renderings.
#[derive(Clone, Copy, PartialEq)]
enum Rendering {
    Text,
    Hex,
    Base64,
}

impl Rendering {
    fn name(self) -> Msg {
        match self {
            Rendering::Text => Msg::AuthAsText,
            Rendering::Hex => Msg::AuthAsHex,
            Rendering::Base64 => Msg::AuthAsBase64,
        }
    }

    fn copy_label(self) -> Msg {
        match self {
            Rendering::Text => Msg::AuthCopyText,
            Rendering::Hex => Msg::AuthCopyHex,
            Rendering::Base64 => Msg::AuthCopyBase64,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Rendering::Text => "text",
            Rendering::Hex => "hex",
            Rendering::Base64 => "base64",
        }
    }

    fn of(self, step: &Step) -> String {
        match self {
            Rendering::Text => step.text(),
            Rendering::Hex => step.hex(),
            Rendering::Base64 => step.base64(),
        }
    }

    /// The rendering the step's view asks for: base64 on the wire is read as its text.
    fn preferred(view: View) -> Rendering {
        match view {
            View::Text | View::Base64 => Rendering::Text,
            View::Hex => Rendering::Hex,
        }
    }
}

/// Text, hex and base64 of one step.
#[function_component(StepValues)]
pub fn step_values(props: &StepValuesProps) -> Html {
    let lang = use_lang();
    let refs = [use_node_ref(), use_node_ref(), use_node_ref()];
    let step = &props.step;
    let preferred = Rendering::preferred(step.view);
    let mut order = vec![preferred];
    order.extend(
        [Rendering::Text, Rendering::Hex, Rendering::Base64]
            .into_iter()
            .filter(|r| *r != preferred),
    );
    let rows = order.into_iter().map(|rendering| {
        let index = match rendering {
            Rendering::Text => 0,
            Rendering::Hex => 1,
            Rendering::Base64 => 2,
        };
        let target = refs[index].clone();
        let value = rendering.of(step);
        let slug = rendering.slug();
        let empty = value.is_empty();
        html! {
            <div class={classes!("value-row", (rendering == preferred).then_some("preferred"))} key={slug}>
                <div class="value-head">
                    <span class="value-name">{ t(lang, rendering.name()) }</span>
                    if rendering == preferred {
                        <span class="badge">{ t(lang, Msg::AuthPreferred) }</span>
                    }
                    <CopyButton value={AttrValue::from(value.clone())} target={target.clone()}
                        testid={format!("auth-copy-{slug}")}
                        label={t(lang, rendering.copy_label())} />
                </div>
                <pre class="value" ref={target} data-testid={format!("auth-step-{slug}")}>
                    if empty { <span class="muted">{ t(lang, Msg::ConsoleDecodedEmpty) }</span> } else { { value } }
                </pre>
            </div>
        }
    });
    html! {
        <div class="values">
            <p class="bytes-count">{ t(lang, Msg::AuthBytes).fill(&[("n", &step.bytes.len())]) }</p>
            { for rows }
        </div>
    }
}
