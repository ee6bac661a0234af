//! The compose page's parts: its state (a reducer provided by
//! [`crate::ui::mailbox::providers`]), sending ([`session`], [`send`], large messages in the [`worker`]), its texts, and one
//! component per file. The page itself is [`crate::ui::pages::compose`].

pub mod attachment_picker;
pub mod auth_trace;
pub mod client_panel;
pub mod dialog;
pub mod dialog_reply;
pub mod dkim_panel;
pub mod dkim_result;
pub mod envelope_view;
pub mod log_view;
pub mod message_form;
pub mod notes_view;
pub mod result_panel;
pub mod send;
pub mod send_bar;
pub mod server_panel;
pub mod session;
pub mod state;
pub mod text_field;
pub mod texts;
pub mod wire_view;
pub mod worker;
