//! SMTP as values: reply codes, enhanced status codes, and the reference that explains
//! them (RFC 5321, RFC 3463, RFC 4954).
//!
//! Sans-IO: nothing here touches a socket, a clock, randomness or a screen. The server and
//! client sessions of later issues live here too and follow the same rule.

pub mod codes;
pub mod explain;
pub mod reference;
