//! NTLM ([MS-NLMP]) as SMTP uses it for `AUTH NTLM`: three binary messages, each sent
//! base64-encoded on one line.
//!
//! ```text
//! C: AUTH NTLM
//! S: 334                                  (empty challenge)
//! C: base64(NEGOTIATE_MESSAGE)            type 1: flags the client offers
//! S: 334 base64(CHALLENGE_MESSAGE)        type 2: flags chosen, 8-byte server challenge,
//!                                                 TargetInfo AV pairs
//! C: base64(AUTHENTICATE_MESSAGE)         type 3: user, domain, NtChallengeResponse
//! S: 235 2.7.0 Authentication successful
//! ```
//!
//! NTLMv2 (MS-NLMP §3.3.2), which is what the trainer computes and checks:
//!
//! ```text
//! NTOWFv2        = HMAC_MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPERCASE(user) ‖ domain))
//! temp           = 01 01 Z(6) Time(8) ClientChallenge(8) Z(4) AvPairs Z(4)
//! NTProofStr     = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp)
//! NtChallengeResponse = NTProofStr ‖ temp
//! LmChallengeResponse = HMAC_MD5(NTOWFv2, ServerChallenge ‖ ClientChallenge) ‖ ClientChallenge
//! SessionBaseKey = HMAC_MD5(NTOWFv2, NTProofStr)
//! ```
//!
//! Sans-IO like the rest of the engine: the server challenge, the client challenge, the
//! timestamp and the random session key are arguments. Decoding takes untrusted bytes:
//! every offset and length is checked, input is capped at [`MAX_MESSAGE_LEN`], and
//! malformed input is a [`ParseError`], never a panic.
//!
//! The server also accepts the 24-byte NTLMv1 response (MS-NLMP §3.3.1) that older clients
//! such as Perl's Authen::NTLM send ([`verify_v1`]); the explanation says why it is weak.
//!
//! One concern a file: [`flags`] (NegotiateFlags), [`wire`] (signature, security buffers,
//! Version, strings), [`av_pair`] (TargetInfo), [`message`] (the three messages, pure
//! encode and decode), [`explain`] (a decoded message step by step, built on demand),
//! [`crypto`] (NTOWFv2, NTProofStr, keys, MIC, NTLMv1), [`client`] and [`server`] (each
//! side's computation), [`exchange`] (the two sides as SASL exchanges), [`error`].

pub mod av_pair;
pub mod client;
pub mod crypto;
pub mod error;
pub mod exchange;
pub mod explain;
pub mod flags;
pub mod message;
pub mod server;
pub mod wire;

pub use av_pair::{decode_av_pairs, encode_av_pairs, AvId, AvPair};
pub use client::{client_authenticate, client_negotiate, ms_nlmp_example, ClientInput};
pub use crypto::{
    desl, exported_session_key, mic, ms_nlmp_4_2_4_input, nt_hash, ntlmv1_response, ntlmv2,
    ntowfv2, rc4, temp, user_domain, NtlmV2Input,
};
pub use error::ParseError;
pub use exchange::{Client, Server};
pub use explain::fields;
pub use flags::{FlagInfo, Flags, CLIENT_NEGOTIATE_FLAGS, FLAGS};
pub use message::{Authenticate, Challenge, Message, Negotiate, NtlmV2Response};
pub use server::{server_challenge, server_check, verify, verify_v1, ChallengeInput, ServerCheck};
pub use wire::{
    decode_base64, from_utf16le, message_type, utf16le, SecurityBuffer, Version, AUTHENTICATE,
    CHALLENGE, MAX_MESSAGE_LEN, NEGOTIATE, SIGNATURE,
};

/// MS-NLMP §4.2.1: the server challenge of every example.
pub const MS_NLMP_SERVER_CHALLENGE: [u8; 8] = [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef];

/// MS-NLMP §4.2.4.3: the CHALLENGE_MESSAGE of the NTLMv2 example (target "Server", AV
/// pairs NbDomainName "Domain" and NbComputerName "Server", Version 6.0.6000).
pub const MS_NLMP_4_2_4_CHALLENGE: [u8; 104] = [
    0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00, 0x02, 0x00, 0x00, 0x00, 0x0c, 0x00, 0x0c, 0x00,
    0x38, 0x00, 0x00, 0x00, 0x33, 0x82, 0x8a, 0xe2, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x24, 0x00, 0x24, 0x00, 0x44, 0x00, 0x00, 0x00,
    0x06, 0x00, 0x70, 0x17, 0x00, 0x00, 0x00, 0x0f, 0x53, 0x00, 0x65, 0x00, 0x72, 0x00, 0x76, 0x00,
    0x65, 0x00, 0x72, 0x00, 0x02, 0x00, 0x0c, 0x00, 0x44, 0x00, 0x6f, 0x00, 0x6d, 0x00, 0x61, 0x00,
    0x69, 0x00, 0x6e, 0x00, 0x01, 0x00, 0x0c, 0x00, 0x53, 0x00, 0x65, 0x00, 0x72, 0x00, 0x76, 0x00,
    0x65, 0x00, 0x72, 0x00, 0x00, 0x00, 0x00, 0x00,
];
