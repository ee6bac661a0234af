//! The verify page's parts: its state (a reducer the app provides by context), the
//! examples, and one component per file. The page itself is [`crate::ui::pages::verify`].

pub mod examples;
pub mod exchange_list;
pub mod expected_trace;
pub mod fields_table;
pub mod report_view;
pub mod state;
pub mod texts;
pub mod verify_examples;
pub mod verify_form;
pub mod verify_result;
