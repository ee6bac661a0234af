//! The mailbox page's parts: the app-level store of accepted messages ([`state`], provided
//! with the compose state by [`providers`]), the console's forwarder, its texts, and one
//! component per file. The page itself is [`crate::ui::pages::mailbox`].

pub mod attachment_list;
pub mod bodies;
pub mod console_forwarder;
pub mod dkim_check;
pub mod download;
pub mod header_table;
pub mod message_list;
pub mod message_view;
pub mod mime_tree;
pub mod providers;
pub mod raw_source;
pub mod recipients_table;
pub mod state;
pub mod texts;
