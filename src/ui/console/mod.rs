//! The console's parts: its state (a reducer the app provides by context) and one
//! component per file. The page itself is [`crate::ui::pages::console`].

pub mod accounts;
pub mod base64_helper;
pub mod client_line;
pub mod command_line;
pub mod console_input;
pub mod data_box;
pub mod decode;
pub mod decoded_view;
pub mod fault_picker;
pub mod hooks;
pub mod mailbox;
pub mod marker_line;
pub mod policy_switches;
pub mod server_reply;
pub mod state;
pub mod status_line;
pub mod toolbar;
pub mod transcript;
