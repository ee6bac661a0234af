//! The envelope against the headers: MAIL FROM beside From:, and every RCPT TO beside the
//! header it came from (To, Cc — or none at all: Bcc, highlighted), with what the server
//! answered to it.

use std::rc::Rc;

use yew::prelude::*;

use super::texts as tx;
use crate::compose_job::{RcptStatus, SentView};
use crate::i18n::{Lang, Tr};
use crate::mime::RecipientKind;
use crate::ui::state::use_lang;

/// A recipient's status in words.
pub fn status_text(status: RcptStatus) -> Tr {
    match status {
        RcptStatus::Delivered => tx::ST_DELIVERED,
        RcptStatus::Accepted => tx::ST_ACCEPTED,
        RcptStatus::NotDelivered => tx::ST_NOT_DELIVERED,
        RcptStatus::Rejected => tx::ST_REJECTED,
        RcptStatus::Deferred => tx::ST_DEFERRED,
        RcptStatus::NotTried => tx::ST_NOT_TRIED,
    }
}

fn header_name(kind: RecipientKind, lang: Lang) -> String {
    match kind {
        RecipientKind::Bcc => tx::ENVELOPE_ONLY.get(lang).to_string(),
        other => format!("{}:", other.name()),
    }
}

/// The send whose envelope to show.
#[derive(Properties, PartialEq)]
pub struct EnvelopeViewProps {
    /// The send.
    pub sent: Rc<SentView>,
}

/// The envelope panel.
#[function_component(EnvelopeView)]
pub fn envelope_view(props: &EnvelopeViewProps) -> Html {
    let lang = use_lang();
    let sent = &props.sent;
    let differs = !sent.mail_from.eq_ignore_ascii_case(&sent.from_header);
    // A login that is an address can be compared with MAIL FROM (seed 000's 553).
    let login_differs = sent
        .login
        .as_ref()
        .filter(|login| login.contains('@'))
        .map(|login| !login.eq_ignore_ascii_case(&sent.mail_from));
    let header_recipients: Vec<String> = sent
        .recipients
        .iter()
        .filter(|r| r.kind != RecipientKind::Bcc)
        .map(|r| format!("{} {}", header_name(r.kind, lang), r.address))
        .collect();
    let rows = sent.recipients.iter().map(|r| {
        let status = r.status.map(|s| status_text(s).get(lang)).unwrap_or("");
        let reply = r.reply.clone();
        let bcc = r.kind == RecipientKind::Bcc;
        html! {
            <tr class={classes!(bcc.then_some("bcc"))} data-testid="compose-envelope-rcpt"
                data-kind={r.kind.name().to_ascii_lowercase()}>
                <td><code data-testid="compose-envelope-address">{ r.address.clone() }</code></td>
                <td>{ header_name(r.kind, lang) }</td>
                <td>{ status }if !reply.is_empty() { <br /><code class="muted">{ reply }</code> }</td>
            </tr>
        }
    });
    html! {
        <section class="panel compose-envelope" aria-labelledby="compose-envelope-heading"
            data-testid="compose-envelope">
            <h3 id="compose-envelope-heading">{ tx::ENVELOPE.get(lang) }</h3>
            <p class="hint">{ tx::ENVELOPE_HINT.get(lang) }</p>
            <dl class="envelope">
                <dt>{ tx::MAIL_FROM.get(lang) }</dt>
                <dd><code data-testid="compose-envelope-mail-from">{ format!("<{}>", sent.mail_from) }</code></dd>
                <dt>{ tx::FROM_HEADER.get(lang) }</dt>
                <dd><code data-testid="compose-envelope-from-header">{ sent.from_header.clone() }</code></dd>
                if let Some(login) = &sent.login {
                    <dt>{ tx::LOGIN.get(lang) }</dt>
                    <dd><code data-testid="compose-envelope-login">{ login.clone() }</code></dd>
                }
            </dl>
            <p class={classes!("sender-check", differs.then_some("differs"))}
                data-testid="compose-envelope-sender-check" data-differs={differs.to_string()}>
                { if differs { tx::SENDER_DIFFERS.get(lang) } else { tx::SENDER_SAME.get(lang) } }
            </p>
            if let Some(login_differs) = login_differs {
                <p class={classes!("sender-check", login_differs.then_some("differs"))}
                    data-testid="compose-envelope-login-check" data-differs={login_differs.to_string()}>
                    { if login_differs { tx::LOGIN_DIFFERS.get(lang) } else { tx::LOGIN_SAME.get(lang) } }
                </p>
            }
            <p data-testid="compose-header-recipients">
                <span class="label-inline">{ tx::COL_HEADER.get(lang) }{ lang.colon() }</span>
                { header_recipients.join(", ") }
            </p>
            <div class="table-scroll">
                <table class="fields compose-rcpts">
                    <thead><tr>
                        <th scope="col">{ "RCPT TO" }</th>
                        <th scope="col">{ tx::COL_HEADER.get(lang) }</th>
                        <th scope="col">{ tx::COL_RESULT.get(lang) }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
