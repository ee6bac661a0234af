//! The server's on/off policies as the pages show them: one table of id, label and
//! `Policies` field, shared by the console and the composer. Each page shows its own
//! selection, in its own order; the test id is `<page>-policy-<id>`.

use yew::prelude::*;

use crate::i18n::{t, Lang, Msg, Tr};
use crate::smtp::server::Policies;

/// One on/off rule of [`Policies`].
pub struct PolicySwitch {
    /// Stable id, the end of the checkbox's test id.
    pub id: &'static str,
    /// The label in a language.
    pub label: fn(Lang) -> &'static str,
    /// The field it switches.
    pub field: fn(&mut Policies) -> &mut bool,
}

const GREYLIST: Tr = Tr::new(
    "Greylisting (the first RCPT of each sender and recipient gets 450)",
    "灰名单（每对发件人/收件人的第一次 RCPT 得到 450）",
);

/// Every switch.
pub const SWITCHES: [PolicySwitch; 9] = [
    PolicySwitch {
        id: "require-auth",
        label: |l| t(l, Msg::PolicyRequireAuth),
        field: |p| &mut p.require_auth,
    },
    PolicySwitch {
        id: "sender-match",
        label: |l| t(l, Msg::PolicySenderMatchesAuth),
        field: |p| &mut p.sender_must_match_auth,
    },
    PolicySwitch {
        id: "tls-first",
        label: |l| t(l, Msg::PolicyTlsBeforeAuth),
        field: |p| &mut p.tls_before_auth,
    },
    PolicySwitch {
        id: "sasl-down",
        label: |l| t(l, Msg::PolicySaslDown),
        field: |p| &mut p.sasl_daemon_down,
    },
    PolicySwitch {
        id: "deny-relay",
        label: |l| t(l, Msg::PolicyDenyRelay),
        field: |p| &mut p.deny_relay,
    },
    PolicySwitch {
        id: "known-mailboxes",
        label: |l| t(l, Msg::PolicyKnownMailboxes),
        field: |p| &mut p.known_mailboxes_only,
    },
    PolicySwitch {
        id: "vrfy",
        label: |l| t(l, Msg::PolicyVrfy),
        field: |p| &mut p.vrfy_allowed,
    },
    PolicySwitch {
        id: "expn",
        label: |l| t(l, Msg::PolicyExpn),
        field: |p| &mut p.expn_allowed,
    },
    PolicySwitch {
        id: "greylist",
        label: |l| GREYLIST.get(l),
        field: |p| &mut p.greylist,
    },
];

/// The checkboxes for `ids` (unknown ids are skipped), each calling `on_change` with the
/// policies as they would be after the click.
pub fn policy_checkboxes(
    ids: &[&str],
    policies: &Policies,
    page: &str,
    lang: Lang,
    on_change: Callback<Policies>,
) -> Html {
    let items = ids
        .iter()
        .filter_map(|id| SWITCHES.iter().find(|s| s.id == *id))
        .map(|switch| {
            let mut current = policies.clone();
            let checked = *(switch.field)(&mut current);
            let field = switch.field;
            let on_change = on_change.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                let mut next = current.clone();
                *field(&mut next) = input.checked();
                on_change.emit(next);
            });
            html! {
                <li>
                    <label class="check">
                        <input type="checkbox" {checked} data-testid={format!("{page}-policy-{}", switch.id)} {onchange} />
                        { (switch.label)(lang) }
                    </label>
                </li>
            }
        });
    items.collect::<Html>()
}
