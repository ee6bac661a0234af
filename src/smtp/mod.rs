//! SMTP as values: commands, replies, reply codes and enhanced status codes, the reference
//! that explains them, and the simulated server (RFC 5321, RFC 3463, RFC 4954).
//!
//! Sans-IO: nothing here touches a socket, a clock, randomness or a screen. The server
//! session ([`server`]) takes bytes and returns replies, each with the reason it was sent
//! ([`why`]), in the wording of a real server ([`profile`]).

pub mod client;
pub mod codes;
pub mod command;
pub mod explain;
pub mod profile;
pub mod reference;
pub mod reply;
pub mod server;
pub mod why;

#[doc(hidden)]
pub mod rfc_sections;
