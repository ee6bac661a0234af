//! The scenarios page's parts (`#/scenarios`, `#/scenarios/<id>`): the list, one scenario
//! with its playing area (console, mail client or verifier) and the state (a reducer the app
//! provides by context, through [`super::provider::LearnProvider`]). What is remembered in
//! storage, the live session's transcript ([`super::session_log`]) and the summary are the
//! learn pages' own ([`super`]). The page itself is [`crate::ui::pages::scenarios`].

pub mod compose_input;
pub mod compose_run;
pub mod dokuwiki_form;
pub mod goal_status;
pub mod hint_list;
pub mod message_form;
pub mod place_label;
pub mod raw_input;
pub mod sasl_switch;
pub mod scenario_console;
pub mod scenario_input;
pub mod scenario_list;
pub mod scenario_loader;
pub mod scenario_view;
pub mod send_result;
pub mod session_status;
pub mod state;
pub mod stored_messages;
pub mod texts;
pub mod verify_play;
pub mod verify_report;
