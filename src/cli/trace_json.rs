//! A trace as JSON, shared by `auth` and `verify`.

use serde::Serialize;

use crate::i18n::Lang;
use crate::sasl::trace::Trace;

/// One step for JSON output.
#[derive(Serialize)]
pub struct StepJson {
    id: &'static str,
    label: &'static str,
    text: String,
    hex: String,
    base64: String,
    explain: &'static str,
}

/// Every step of a trace, in `lang`.
pub fn steps(trace: &Trace, lang: Lang) -> Vec<StepJson> {
    trace
        .steps
        .iter()
        .map(|s| StepJson {
            id: s.id,
            label: s.label.get(lang),
            text: s.text(),
            hex: s.hex(),
            base64: s.base64(),
            explain: s.explain.get(lang),
        })
        .collect()
}
