//! Where a scenario is played, in words.

use crate::i18n::Tr;
use crate::lessons::scenarios::Place;

use super::texts;

/// The place's name.
pub fn place_text(place: Place) -> Tr {
    match place {
        Place::Console => texts::PLACE_CONSOLE,
        Place::Compose => texts::PLACE_COMPOSE,
        Place::Verify => texts::PLACE_VERIFY,
    }
}

/// The place's stable id (`console`, `compose`, `verify`).
pub fn place_id(place: Place) -> &'static str {
    match place {
        Place::Console => "console",
        Place::Compose => "compose",
        Place::Verify => "verify",
    }
}
