//! The logs the analyze page can load in one click, embedded verbatim from the test
//! fixtures (the same files the engine's tests read).

use crate::i18n::Tr;

use super::texts;

/// One example log.
#[derive(Debug)]
pub struct Example {
    /// The `data-testid` suffix: `analyze-example-<id>`.
    pub id: &'static str,
    /// The button's label.
    pub label: Tr,
    /// The log.
    pub text: &'static str,
}

/// Every example.
pub static EXAMPLES: [Example; 2] = [
    Example {
        id: "seed000",
        label: texts::EXAMPLE_SEED000,
        text: include_str!("../../../tests/fixtures/seed000-dokuwiki.log"),
    },
    Example {
        id: "seed004",
        label: texts::EXAMPLE_SEED004,
        text: include_str!("../../../tests/fixtures/seed004-telnet.log"),
    },
];
