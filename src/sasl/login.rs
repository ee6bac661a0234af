//! LOGIN (draft-murchison-sasl-login): the server asks `Username:` then `Password:`, each
//! challenge and answer base64-encoded.
//!
//! Not to be confused with NTLM, which seed 004 claims works "the same way": NTLM exchanges
//! binary NEGOTIATE / CHALLENGE / AUTHENTICATE messages (MS-NLMP), not a name and password.

/// The first challenge. The draft's servers send `Username:`; some (163.com's Coremail)
/// send `username:` — `334 dXNlcm5hbWU6` in seed 000.
pub const USERNAME_PROMPT: &str = "Username:";
/// The second challenge.
pub const PASSWORD_PROMPT: &str = "Password:";
