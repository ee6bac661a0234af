//! The auth page's parts: the mechanisms and their inputs ([`mechanism`]), the call into
//! the engine ([`compute`]), the state the app keeps ([`state`]), and one component per
//! file. The page itself is [`crate::ui::pages::auth`].

pub mod auth_field;
pub mod auth_form;
pub mod compute;
pub mod examples_bar;
pub mod mechanism;
pub mod mechanism_picker;
pub mod outcome_messages;
pub mod state;
pub mod step_card;
pub mod step_list;
pub mod step_values;
pub mod trace_stepper;
