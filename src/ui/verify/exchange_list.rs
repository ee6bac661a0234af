//! Every AUTH exchange of a transcript, as the engine's [`crate::analyze::auth`] found and
//! judged it: one card each, its mechanism, lines, user and the server's answer in the
//! summary, and the verifier's report inside. Shared by the verify page (transcript mode)
//! and the analyze page.

use yew::prelude::*;

use super::report_view::report_view;
use super::texts;
use crate::analyze::auth::Checked;
use crate::i18n::Lang;
use crate::sasl::verify::Verdict;

/// The list; `prefix` starts every element id in it (`<prefix>-<n>-step-<i>`).
pub fn exchange_list(checked: &[Checked], with_password: bool, prefix: &str, lang: Lang) -> Html {
    if checked.is_empty() {
        return html! {
            <p class="hint" data-testid="verify-no-exchanges">{ texts::NO_EXCHANGES.get(lang) }</p>
        };
    }
    let cards = checked.iter().enumerate().map(|(index, c)| {
        let e = &c.exchange;
        let verdict = match &c.result {
            Ok(report) => match &report.verdict {
                Some(Verdict::Valid) => "valid",
                Some(Verdict::Invalid(_)) => "invalid",
                None => "explained",
            },
            Err(_) => "unchecked",
        };
        let mut summary = format!(
            "AUTH {} · {} {}–{}",
            e.mechanism,
            texts::LINES.get(lang),
            e.line,
            e.last_line
        );
        if e.session != 0 {
            summary.push_str(&format!(" · {} {}", texts::SESSION.get(lang), e.session));
        }
        if let Some(user) = &c.user {
            summary.push_str(&format!(" · {user}"));
        }
        if let Some(code) = e.outcome {
            summary.push_str(&format!(" · {} {code}", texts::SERVER_SAID.get(lang)));
        }
        let mark = match verdict {
            "valid" => "✓ ",
            "invalid" => "✗ ",
            _ => "· ",
        };
        let body = match (&c.result, c.mechanism) {
            (Ok(report), Some(mechanism)) => report_view(
                mechanism,
                report,
                with_password,
                &format!("{prefix}-{index}"),
                lang,
            ),
            (Err(why), _) => html! {
                <p class="hint" data-testid="verify-unchecked">
                    { texts::NOT_CHECKED.get(lang) }{ lang.colon() }{ why.describe(lang) }
                </p>
            },
            (Ok(_), None) => Html::default(),
        };
        let agreement = c.agrees_with_server().map(|agrees| {
            let (class, text) = if agrees {
                ("hint", texts::AGREES)
            } else {
                ("error-box", texts::DISAGREES)
            };
            html! {
                <p class={class} data-testid="verify-agreement" data-agrees={agrees.to_string()}>
                    { text.get(lang) }
                </p>
            }
        });
        html! {
            <li key={index} class="exchange" data-testid="verify-exchange" data-verdict={verdict}
                data-mechanism={e.mechanism.clone()} data-line={e.line.to_string()}>
                <details open={verdict == "invalid" || checked.len() == 1}>
                    <summary data-testid="verify-exchange-summary">{ mark }{ summary }</summary>
                    { for agreement }
                    { body }
                </details>
            </li>
        }
    });
    html! {
        <section class="verify-exchanges" aria-labelledby={format!("{prefix}-heading")}>
            <h2 id={format!("{prefix}-heading")}>{ texts::EXCHANGES.get(lang) }{ format!(" ({})", checked.len()) }</h2>
            <ol class="exchanges" data-testid="verify-exchanges">{ for cards }</ol>
        </section>
    }
}
