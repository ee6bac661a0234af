//! Message composition and inspection (RFC 5322 headers, RFC 2045–2049 MIME, RFC 2047
//! encoded words, RFC 2231 parameters).
//!
//! Sans-IO: dates, message ids and boundaries are arguments. The composer arrives with the
//! client issue; nothing is declared here before it works.
