//! SASL mechanisms, one file each, every one returning a step-by-step trace (RFC 4422 and
//! the mechanisms' own RFCs: 4616 PLAIN, 2195 CRAM-MD5, 2831 DIGEST-MD5, 5802 SCRAM, 7628
//! OAUTHBEARER; MS-NLMP for NTLM).
//!
//! Sans-IO like the rest of the engine: challenges, nonces and passwords come in as
//! arguments. The mechanisms arrive with the SASL issue; nothing is declared here before
//! it works.
