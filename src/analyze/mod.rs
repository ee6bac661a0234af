//! The transcript analyzer: pasted SMTP logs in, annotated lines out.
//!
//! Sans-IO. It arrives with the analyzer issue and will read reply lines through
//! [`crate::smtp::explain`]; nothing is declared here before it works.
