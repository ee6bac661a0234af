//! View functions shared by the checks: labelled inputs bound to a [`Field`], the step
//! list (the first failing step marked, later ones greyed), canonicalization changes, the
//! "computing" and error lines. View functions rather than components: they keep no state.

use yew::prelude::*;

use super::state::{Field, MsgAuthAction, MsgAuthContext, Slot};
use super::texts;
use crate::i18n::{Fill, Lang};
use crate::msgauth::page::{ChangeOut, StepOut, StepState, Text};
use crate::ui::workers::{worker_note, WorkerNote};

/// A labelled text area bound to `field`.
pub fn text_area(
    ctx: &MsgAuthContext,
    field: Field,
    testid: &'static str,
    label: &str,
    rows: u32,
) -> Html {
    let state = ctx.state.clone();
    let on_input = Callback::from(move |e: InputEvent| {
        let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
        state.dispatch(MsgAuthAction::Edit(field, area.value()));
    });
    html! {
        <div class="form-field">
            <label for={testid} class="label">{ label.to_string() }</label>
            <textarea id={testid} data-testid={testid} rows={rows.to_string()} spellcheck="false"
                value={ctx.state.get(field).to_string()} oninput={on_input} />
        </div>
    }
}

/// A labelled one-line input bound to `field`.
pub fn text_input(ctx: &MsgAuthContext, field: Field, testid: &'static str, label: &str) -> Html {
    let state = ctx.state.clone();
    let on_input = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        state.dispatch(MsgAuthAction::Edit(field, input.value()));
    });
    html! {
        <div class="form-field">
            <label for={testid} class="label">{ label.to_string() }</label>
            <input id={testid} data-testid={testid} type="text" spellcheck="false"
                value={ctx.state.get(field).to_string()} oninput={on_input} />
        </div>
    }
}

/// What a slot shows before its answer: a hint, or "computing" (with what the page noticed
/// about the worker).
pub fn pending<T>(slot: &Slot<T>, worker: WorkerNote, lang: Lang) -> Option<Html> {
    match slot {
        Slot::Empty => Some(
            html! { <p class="hint" data-testid="msgauth-empty">{ texts::EMPTY.get(lang) }</p> },
        ),
        Slot::Working if worker == WorkerNote::Refused => Some(worker_note(worker, lang)),
        Slot::Working => Some(html! {
            <>
                <p class="hint" role="status" aria-live="polite" data-testid="msgauth-working">{ texts::WORKING.get(lang) }</p>
                { worker_note(worker, lang) }
            </>
        }),
        Slot::Done(_) => None,
    }
}

/// An input error.
pub fn input_error(error: &Text, lang: Lang) -> Html {
    html! {
        <p class="error-box" role="alert" data-testid="msgauth-error">
            { texts::INPUT_ERROR.get(lang).fill(&[("error", &error.get(lang))]) }
        </p>
    }
}

/// Every step, in order: the first failing one marked, the ones after it greyed.
pub fn steps(steps: &[StepOut], lang: Lang) -> Html {
    let items = steps.iter().enumerate().map(|(n, s)| {
        let class = classes!(
            "expected-step",
            "msgauth-step",
            (s.state == StepState::Failed).then_some("wrong"),
            (s.state == StepState::After).then_some("after"),
        );
        let badge = match s.state {
            StepState::Failed => Some(html! { <span class="badge wrong">{ texts::FAILED_HERE.get(lang) }</span> }),
            StepState::After => Some(html! { <span class="badge muted">{ texts::AFTER_FAILURE.get(lang) }</span> }),
            StepState::Done => None,
        };
        html! {
            <li {class} data-testid="msgauth-step" data-step-id={s.id.clone()} data-state={s.state.id()}>
                <div class="expected-head">
                    <span class="step-number">{ format!("{}.", n + 1) }</span>
                    <span data-testid="msgauth-step-label">{ s.label.get(lang).to_string() }</span>
                    <code class="step-id">{ s.id.clone() }</code>
                    { for badge }
                </div>
                <pre class="value" data-testid="msgauth-step-value">{ s.shown.clone() }</pre>
                <p class="step-explain">{ s.explain.get(lang).to_string() }</p>
            </li>
        }
    });
    html! {
        <section class="msgauth-steps" aria-label={texts::STEPS.get(lang)}>
            <h3>{ texts::STEPS.get(lang) }</h3>
            <ol class="expected" data-testid="msgauth-steps">{ for items }</ol>
        </section>
    }
}

/// What a canonicalization changed (`kind`: `header` or `body`).
pub fn changes(list: &[ChangeOut], kind: &'static str, title: &str, lang: Lang) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    let rows = list.iter().map(|c| {
        html! {
            <tr data-testid="msgauth-change" data-rule={c.rule.clone()}>
                <td><code>{ c.rule.clone() }</code><br />{ c.place.clone() }</td>
                <td>{ c.explain.get(lang).to_string() }</td>
                <td><pre class="value">{ format!("{}\n→ {}", c.before, c.after) }</pre></td>
            </tr>
        }
    });
    html! {
        <section class="msgauth-changes" data-testid="msgauth-changes" data-kind={kind}>
            <h3>{ title.to_string() }</h3>
            <div class="table-scroll">
                <table class="msgauth-table">
                    <thead><tr><th></th><th></th><th>{ texts::CHANGE_BEFORE_AFTER.get(lang) }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

/// A primary button running `on_click`.
pub fn button(testid: &'static str, label: &str, on_click: Callback<MouseEvent>) -> Html {
    html! {
        <button type="button" class="button primary" data-testid={testid} onclick={on_click}>
            { label.to_string() }
        </button>
    }
}
