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

pub mod exchange;
pub use exchange::{Client, Server};

use core::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use md4::{Digest, Md4};

use super::hmac_md5::hmac_md5;
use super::trace::{hex, Trace, View};
use crate::i18n::{Lang, Tr};

/// Every NTLM message starts with these 8 bytes (MS-NLMP §2.2.1).
pub const SIGNATURE: [u8; 8] = *b"NTLMSSP\0";

/// The decoder refuses anything longer (real messages are a few hundred bytes).
pub const MAX_MESSAGE_LEN: usize = 64 * 1024;

/// MessageType of a NEGOTIATE_MESSAGE.
pub const NEGOTIATE: u32 = 1;
/// MessageType of a CHALLENGE_MESSAGE.
pub const CHALLENGE: u32 = 2;
/// MessageType of an AUTHENTICATE_MESSAGE.
pub const AUTHENTICATE: u32 = 3;

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

// ---------------------------------------------------------------------------------------
// NegotiateFlags
// ---------------------------------------------------------------------------------------

/// NegotiateFlags (MS-NLMP §2.2.2.5), a 32-bit little-endian field in all three messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Flags(pub u32);

impl Flags {
    /// A: strings are UTF-16LE.
    pub const NEGOTIATE_UNICODE: Flags = Flags(0x0000_0001);
    /// B: strings may be in the OEM code page.
    pub const NEGOTIATE_OEM: Flags = Flags(0x0000_0002);
    /// C: the server should send its target name.
    pub const REQUEST_TARGET: Flags = Flags(0x0000_0004);
    /// D: session signing.
    pub const NEGOTIATE_SIGN: Flags = Flags(0x0000_0010);
    /// E: session sealing (encryption).
    pub const NEGOTIATE_SEAL: Flags = Flags(0x0000_0020);
    /// F: connectionless NTLM.
    pub const NEGOTIATE_DATAGRAM: Flags = Flags(0x0000_0040);
    /// G: LAN Manager session key.
    pub const NEGOTIATE_LM_KEY: Flags = Flags(0x0000_0080);
    /// H: NTLM authentication.
    pub const NEGOTIATE_NTLM: Flags = Flags(0x0000_0200);
    /// J: anonymous connection.
    pub const ANONYMOUS: Flags = Flags(0x0000_0800);
    /// K: the NEGOTIATE carries a domain name.
    pub const NEGOTIATE_OEM_DOMAIN_SUPPLIED: Flags = Flags(0x0000_1000);
    /// L: the NEGOTIATE carries a workstation name.
    pub const NEGOTIATE_OEM_WORKSTATION_SUPPLIED: Flags = Flags(0x0000_2000);
    /// M: always sign.
    pub const NEGOTIATE_ALWAYS_SIGN: Flags = Flags(0x0000_8000);
    /// N: the target name is a domain.
    pub const TARGET_TYPE_DOMAIN: Flags = Flags(0x0001_0000);
    /// O: the target name is a server.
    pub const TARGET_TYPE_SERVER: Flags = Flags(0x0002_0000);
    /// P: extended session security (NTLM2 session security).
    pub const NEGOTIATE_EXTENDED_SESSIONSECURITY: Flags = Flags(0x0008_0000);
    /// Q: identify-level token.
    pub const NEGOTIATE_IDENTIFY: Flags = Flags(0x0010_0000);
    /// R: LMOWF-based session key.
    pub const REQUEST_NON_NT_SESSION_KEY: Flags = Flags(0x0040_0000);
    /// S: the CHALLENGE carries TargetInfo.
    pub const NEGOTIATE_TARGET_INFO: Flags = Flags(0x0080_0000);
    /// T: the Version field is filled in.
    pub const NEGOTIATE_VERSION: Flags = Flags(0x0200_0000);
    /// U: 128-bit session keys.
    pub const NEGOTIATE_128: Flags = Flags(0x2000_0000);
    /// V: explicit key exchange.
    pub const NEGOTIATE_KEY_EXCH: Flags = Flags(0x4000_0000);
    /// W: 56-bit encryption.
    pub const NEGOTIATE_56: Flags = Flags(0x8000_0000);

    /// Whether every bit of `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Both sets of bits.
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// The bits of `self` that are also in `other`.
    pub const fn intersection(self, other: Flags) -> Flags {
        Flags(self.0 & other.0)
    }

    /// `self` without the bits of `other`.
    pub const fn without(self, other: Flags) -> Flags {
        Flags(self.0 & !other.0)
    }

    /// The names of the set bits, lowest bit first; a set reserved bit is named `r1`…`r10`
    /// as in MS-NLMP's diagram.
    pub fn names(self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for bit in 0..32 {
            let mask = 1u32 << bit;
            if self.0 & mask == 0 {
                continue;
            }
            match FLAGS.iter().find(|f| f.flag.0 == mask) {
                Some(info) => out.push(info.name),
                None => out.push(
                    RESERVED_BITS
                        .iter()
                        .find(|(m, _)| *m == mask)
                        .map_or("reserved", |(_, name)| *name),
                ),
            }
        }
        out
    }

    /// `0x…: NAME | NAME | …` (or `0x00000000: none`).
    pub fn render(self) -> String {
        let names = self.names();
        if names.is_empty() {
            format!("0x{:08x}: none", self.0)
        } else {
            format!("0x{:08x}: {}", self.0, names.join(" | "))
        }
    }
}

/// One named bit of NegotiateFlags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlagInfo {
    /// The bit.
    pub flag: Flags,
    /// Its MS-NLMP name.
    pub name: &'static str,
    /// Its letter in MS-NLMP §2.2.2.5's diagram.
    pub letter: char,
    /// What it means.
    pub meaning: Tr,
}

/// Every named NegotiateFlags bit, lowest first (MS-NLMP §2.2.2.5).
pub const FLAGS: [FlagInfo; 22] = [
    FlagInfo {
        flag: Flags::NEGOTIATE_UNICODE,
        name: "NTLMSSP_NEGOTIATE_UNICODE",
        letter: 'A',
        meaning: Tr::new(
            "Strings in the payload are Unicode (UTF-16LE).",
            "负载中的字符串使用 Unicode（UTF-16LE）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_OEM,
        name: "NTLM_NEGOTIATE_OEM",
        letter: 'B',
        meaning: Tr::new(
            "Strings may be in the OEM (8-bit) code page.",
            "字符串可以使用 OEM（8 位）代码页。",
        ),
    },
    FlagInfo {
        flag: Flags::REQUEST_TARGET,
        name: "NTLMSSP_REQUEST_TARGET",
        letter: 'C',
        meaning: Tr::new(
            "The client asks for the server's target name in the CHALLENGE.",
            "客户端请求服务器在 CHALLENGE 中给出目标名称。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_SIGN,
        name: "NTLMSSP_NEGOTIATE_SIGN",
        letter: 'D',
        meaning: Tr::new(
            "Session signing (message integrity) is requested.",
            "请求会话签名（消息完整性）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_SEAL,
        name: "NTLMSSP_NEGOTIATE_SEAL",
        letter: 'E',
        meaning: Tr::new(
            "Session sealing (encryption) is requested.",
            "请求会话加密（seal）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_DATAGRAM,
        name: "NTLMSSP_NEGOTIATE_DATAGRAM",
        letter: 'F',
        meaning: Tr::new(
            "Connectionless (datagram) NTLM; SMTP is connection-oriented and does not use it.",
            "无连接（数据报）NTLM；SMTP 是面向连接的，不使用它。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_LM_KEY,
        name: "NTLMSSP_NEGOTIATE_LM_KEY",
        letter: 'G',
        meaning: Tr::new(
            "LAN Manager session key (obsolete and weak).",
            "LAN Manager 会话密钥（已过时且不安全）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_NTLM,
        name: "NTLMSSP_NEGOTIATE_NTLM",
        letter: 'H',
        meaning: Tr::new(
            "NTLM authentication (v1 or v2) is used.",
            "使用 NTLM 认证（v1 或 v2）。",
        ),
    },
    FlagInfo {
        flag: Flags::ANONYMOUS,
        name: "NTLMSSP_ANONYMOUS",
        letter: 'J',
        meaning: Tr::new(
            "The connection should be anonymous (no user name, empty responses).",
            "连接应为匿名（没有用户名，响应为空）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_OEM_DOMAIN_SUPPLIED,
        name: "NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED",
        letter: 'K',
        meaning: Tr::new(
            "The NEGOTIATE carries the client's domain name (OEM).",
            "NEGOTIATE 中带有客户端的域名（OEM 编码）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_OEM_WORKSTATION_SUPPLIED,
        name: "NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED",
        letter: 'L',
        meaning: Tr::new(
            "The NEGOTIATE carries the client's workstation name (OEM).",
            "NEGOTIATE 中带有客户端的工作站名（OEM 编码）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_ALWAYS_SIGN,
        name: "NTLMSSP_NEGOTIATE_ALWAYS_SIGN",
        letter: 'M',
        meaning: Tr::new(
            "Sign messages even when no one asked for signing.",
            "即使没有一方要求签名，也对消息签名。",
        ),
    },
    FlagInfo {
        flag: Flags::TARGET_TYPE_DOMAIN,
        name: "NTLMSSP_TARGET_TYPE_DOMAIN",
        letter: 'N',
        meaning: Tr::new(
            "The CHALLENGE's target name is a domain name.",
            "CHALLENGE 中的目标名称是域名。",
        ),
    },
    FlagInfo {
        flag: Flags::TARGET_TYPE_SERVER,
        name: "NTLMSSP_TARGET_TYPE_SERVER",
        letter: 'O',
        meaning: Tr::new(
            "The CHALLENGE's target name is a server name.",
            "CHALLENGE 中的目标名称是服务器名。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_EXTENDED_SESSIONSECURITY,
        name: "NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY",
        letter: 'P',
        meaning: Tr::new(
            "Extended session security (NTLM2 session security) instead of LM session security.",
            "使用扩展会话安全（NTLM2 会话安全），而不是 LM 会话安全。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_IDENTIFY,
        name: "NTLMSSP_NEGOTIATE_IDENTIFY",
        letter: 'Q',
        meaning: Tr::new(
            "An identify-level token is requested.",
            "请求 identify 级别的令牌。",
        ),
    },
    FlagInfo {
        flag: Flags::REQUEST_NON_NT_SESSION_KEY,
        name: "NTLMSSP_REQUEST_NON_NT_SESSION_KEY",
        letter: 'R',
        meaning: Tr::new(
            "A session key derived from the LM hash is requested.",
            "请求由 LM 散列派生的会话密钥。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_TARGET_INFO,
        name: "NTLMSSP_NEGOTIATE_TARGET_INFO",
        letter: 'S',
        meaning: Tr::new(
            "The CHALLENGE carries TargetInfo (AV pairs); NTLMv2 needs them.",
            "CHALLENGE 中带有 TargetInfo（AV 对）；NTLMv2 需要它们。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_VERSION,
        name: "NTLMSSP_NEGOTIATE_VERSION",
        letter: 'T',
        meaning: Tr::new(
            "The Version field is filled in (for debugging only).",
            "Version 字段已填写（仅用于调试）。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_128,
        name: "NTLMSSP_NEGOTIATE_128",
        letter: 'U',
        meaning: Tr::new("128-bit session keys.", "128 位会话密钥。"),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_KEY_EXCH,
        name: "NTLMSSP_NEGOTIATE_KEY_EXCH",
        letter: 'V',
        meaning: Tr::new(
            "Key exchange: the AUTHENTICATE carries a random session key, RC4-encrypted.",
            "密钥交换：AUTHENTICATE 中带有用 RC4 加密的随机会话密钥。",
        ),
    },
    FlagInfo {
        flag: Flags::NEGOTIATE_56,
        name: "NTLMSSP_NEGOTIATE_56",
        letter: 'W',
        meaning: Tr::new("56-bit encryption.", "56 位加密。"),
    },
];

/// The reserved bits, named as in MS-NLMP §2.2.2.5 (they MUST be zero).
const RESERVED_BITS: [(u32, &str); 10] = [
    (0x0000_0008, "r10"),
    (0x0000_0100, "r9"),
    (0x0000_0400, "r8"),
    (0x0000_4000, "r7"),
    (0x0004_0000, "r6"),
    (0x0020_0000, "r5"),
    (0x0100_0000, "r4"),
    (0x0400_0000, "r3"),
    (0x0800_0000, "r2"),
    (0x1000_0000, "r1"),
];

/// The flags [`client_negotiate`] offers: UNICODE, OEM, REQUEST_TARGET, NTLM, ALWAYS_SIGN
/// and EXTENDED_SESSIONSECURITY (0x00088207, what curl and browsers send).
pub const CLIENT_NEGOTIATE_FLAGS: Flags = Flags(0x0008_8207);

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/// Why bytes are not a well-formed NTLM message (or not an NTLMv2 response).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// Longer than [`MAX_MESSAGE_LEN`].
    TooLong {
        /// The length given.
        len: usize,
    },
    /// Shorter than the fixed fields of the message.
    TooShort {
        /// Which structure.
        what: &'static str,
        /// The bytes it needs.
        need: usize,
        /// The bytes there are.
        got: usize,
    },
    /// The first 8 bytes are not `NTLMSSP\0`.
    BadSignature,
    /// A MessageType other than 1, 2 or 3.
    UnknownMessageType(u32),
    /// A valid MessageType, but not the one expected here.
    WrongMessageType {
        /// The type wanted.
        expected: u32,
        /// The type found.
        got: u32,
    },
    /// A security buffer points past the end of the message.
    BufferOutOfRange {
        /// The field, e.g. `UserNameFields`.
        field: &'static str,
        /// Its BufferOffset.
        offset: u32,
        /// Its Len.
        len: u16,
        /// The message length.
        message_len: usize,
    },
    /// A security buffer points into the message's fixed header.
    BufferInHeader {
        /// The field.
        field: &'static str,
        /// Its BufferOffset.
        offset: u32,
        /// Where the payload may start.
        header_len: usize,
    },
    /// A Unicode string with an odd number of bytes.
    OddUnicodeLength {
        /// The field.
        field: &'static str,
        /// Its length.
        len: u16,
    },
    /// An AV_PAIR runs past the end of the TargetInfo.
    AvPairTruncated {
        /// Where the pair starts within the TargetInfo.
        at: usize,
    },
    /// The AV pairs end without MsvAvEOL.
    AvPairMissingEol,
    /// An AV_PAIR whose AvLen does not fit its AvId.
    AvPairBadLength {
        /// The AvId's name.
        id: &'static str,
        /// The AvLen found.
        len: u16,
        /// The AvLen required.
        want: u16,
    },
    /// The SMTP line is not valid base64.
    NotBase64,
    /// The NtChallengeResponse is empty: an anonymous AUTHENTICATE.
    AnonymousResponse,
    /// A 24-byte NtChallengeResponse: NTLMv1, which the trainer explains but never accepts.
    NtlmV1Response,
    /// An NtChallengeResponse too short to be NTLMv2 (16-byte NTProofStr + 28-byte header).
    NtResponseTooShort {
        /// Its length.
        len: usize,
    },
}

fn type_name(kind: u32) -> &'static str {
    match kind {
        NEGOTIATE => "NEGOTIATE_MESSAGE",
        CHALLENGE => "CHALLENGE_MESSAGE",
        AUTHENTICATE => "AUTHENTICATE_MESSAGE",
        _ => "unknown",
    }
}

impl ParseError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        use ParseError as E;
        match (self, lang) {
            (E::TooLong { len }, Lang::En) => format!("The message is {len} bytes; the trainer reads at most {MAX_MESSAGE_LEN} (real NTLM messages are a few hundred)."),
            (E::TooLong { len }, Lang::Zh) => format!("消息长 {len} 字节；本训练器最多读取 {MAX_MESSAGE_LEN} 字节（真实的 NTLM 消息只有几百字节）。"),
            (E::TooShort { what, need, got }, Lang::En) => format!("{what} needs at least {need} bytes for its fixed fields, but has {got} (MS-NLMP §2.2.1)."),
            (E::TooShort { what, need, got }, Lang::Zh) => format!("{what} 的固定字段至少需要 {need} 字节，实际只有 {got} 字节（MS-NLMP §2.2.1）。"),
            (E::BadSignature, Lang::En) => "The first 8 bytes are not \"NTLMSSP\\0\" (MS-NLMP §2.2.1). Was the base64 decoded, and is this an NTLM message?".to_string(),
            (E::BadSignature, Lang::Zh) => "前 8 个字节不是 \"NTLMSSP\\0\"（MS-NLMP §2.2.1）。是否已做 base64 解码？这是 NTLM 消息吗？".to_string(),
            (E::UnknownMessageType(t), Lang::En) => format!("MessageType {t} is none of 1 (NEGOTIATE), 2 (CHALLENGE), 3 (AUTHENTICATE) (MS-NLMP §2.2.1)."),
            (E::UnknownMessageType(t), Lang::Zh) => format!("MessageType {t} 不是 1（NEGOTIATE）、2（CHALLENGE）、3（AUTHENTICATE）中的任何一个（MS-NLMP §2.2.1）。"),
            (E::WrongMessageType { expected, got }, Lang::En) => format!("Expected a {} (type {expected}) but got a {} (type {got}).", type_name(*expected), type_name(*got)),
            (E::WrongMessageType { expected, got }, Lang::Zh) => format!("应当是 {}（类型 {expected}），实际是 {}（类型 {got}）。", type_name(*expected), type_name(*got)),
            (E::BufferOutOfRange { field, offset, len, message_len }, Lang::En) => format!("{field} says {len} bytes at offset {offset}, past the end of the {message_len}-byte message (MS-NLMP §2.2.1)."),
            (E::BufferOutOfRange { field, offset, len, message_len }, Lang::Zh) => format!("{field} 指向偏移 {offset} 处的 {len} 字节，超出了 {message_len} 字节的消息末尾（MS-NLMP §2.2.1）。"),
            (E::BufferInHeader { field, offset, header_len }, Lang::En) => format!("{field} points at offset {offset}, inside the fixed header (the payload starts at {header_len} or later)."),
            (E::BufferInHeader { field, offset, header_len }, Lang::Zh) => format!("{field} 指向偏移 {offset}，落在固定头部之内（负载从 {header_len} 或之后开始）。"),
            (E::OddUnicodeLength { field, len }, Lang::En) => format!("{field} is {len} bytes, but a UTF-16LE string has an even number of bytes (NTLMSSP_NEGOTIATE_UNICODE is set)."),
            (E::OddUnicodeLength { field, len }, Lang::Zh) => format!("{field} 长 {len} 字节，但 UTF-16LE 字符串的字节数必须是偶数（已设置 NTLMSSP_NEGOTIATE_UNICODE）。"),
            (E::AvPairTruncated { at }, Lang::En) => format!("The AV_PAIR at byte {at} of the TargetInfo runs past its end (MS-NLMP §2.2.2.1)."),
            (E::AvPairTruncated { at }, Lang::Zh) => format!("TargetInfo 第 {at} 字节处的 AV_PAIR 超出了其末尾（MS-NLMP §2.2.2.1）。"),
            (E::AvPairMissingEol, Lang::En) => "The AV pairs end without MsvAvEOL; the list MUST end with it (MS-NLMP §2.2.2.1).".to_string(),
            (E::AvPairMissingEol, Lang::Zh) => "AV 对列表没有以 MsvAvEOL 结尾；按规定必须以它结尾（MS-NLMP §2.2.2.1）。".to_string(),
            (E::AvPairBadLength { id, len, want }, Lang::En) => format!("{id} has AvLen {len}; it must be {want} (MS-NLMP §2.2.2.1)."),
            (E::AvPairBadLength { id, len, want }, Lang::Zh) => format!("{id} 的 AvLen 是 {len}；必须是 {want}（MS-NLMP §2.2.2.1）。"),
            (E::NotBase64, Lang::En) => "The line is not valid base64 (RFC 4954 §4: every SASL message in SMTP is base64).".to_string(),
            (E::NotBase64, Lang::Zh) => "这一行不是有效的 base64（RFC 4954 §4：SMTP 中的每条 SASL 消息都是 base64）。".to_string(),
            (E::AnonymousResponse, Lang::En) => "The NtChallengeResponse is empty: an anonymous logon, which an SMTP server refuses (MS-NLMP §3.2.5.1.2).".to_string(),
            (E::AnonymousResponse, Lang::Zh) => "NtChallengeResponse 为空：这是匿名登录，SMTP 服务器应拒绝（MS-NLMP §3.2.5.1.2）。".to_string(),
            (E::NtlmV1Response, Lang::En) => "The NtChallengeResponse is 24 bytes: NTLMv1 (MS-NLMP §3.3.1), DES-based and crackable; this server accepts only NTLMv2.".to_string(),
            (E::NtlmV1Response, Lang::Zh) => "NtChallengeResponse 为 24 字节：这是基于 DES、可被破解的 NTLMv1（MS-NLMP §3.3.1）；本服务器只接受 NTLMv2。".to_string(),
            (E::NtResponseTooShort { len }, Lang::En) => format!("The NtChallengeResponse is {len} bytes; NTLMv2 needs at least 44 (16-byte NTProofStr + 28-byte NTLMv2_CLIENT_CHALLENGE header, MS-NLMP §2.2.2.8)."),
            (E::NtResponseTooShort { len }, Lang::Zh) => format!("NtChallengeResponse 只有 {len} 字节；NTLMv2 至少需要 44 字节（16 字节 NTProofStr + 28 字节 NTLMv2_CLIENT_CHALLENGE 头部，MS-NLMP §2.2.2.8）。"),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ParseError {}

// ---------------------------------------------------------------------------------------
// Small pieces: security buffers, Version, strings
// ---------------------------------------------------------------------------------------

/// A security buffer (MS-NLMP §2.2.1): where a variable field lies in the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SecurityBuffer {
    /// Len: the field's length in bytes.
    pub len: u16,
    /// MaxLen: SHOULD equal Len; ignored on receipt.
    pub max_len: u16,
    /// BufferOffset: from the start of the message.
    pub offset: u32,
}

impl SecurityBuffer {
    fn from_bytes(b: [u8; 8]) -> SecurityBuffer {
        SecurityBuffer {
            len: u16::from_le_bytes([b[0], b[1]]),
            max_len: u16::from_le_bytes([b[2], b[3]]),
            offset: u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        }
    }

    /// The 8 bytes on the wire.
    pub fn to_bytes(self) -> [u8; 8] {
        let mut out = [0u8; 8];
        out[..2].copy_from_slice(&self.len.to_le_bytes());
        out[2..4].copy_from_slice(&self.max_len.to_le_bytes());
        out[4..].copy_from_slice(&self.offset.to_le_bytes());
        out
    }

    /// The bytes it designates, checked against the message and its header.
    fn slice<'a>(
        self,
        msg: &'a [u8],
        field: &'static str,
        header_len: usize,
    ) -> Result<&'a [u8], ParseError> {
        if self.len == 0 {
            return Ok(&[]);
        }
        let start = usize::try_from(self.offset).unwrap_or(usize::MAX);
        if start < header_len {
            return Err(ParseError::BufferInHeader {
                field,
                offset: self.offset,
                header_len,
            });
        }
        start
            .checked_add(usize::from(self.len))
            .and_then(|end| msg.get(start..end))
            .ok_or(ParseError::BufferOutOfRange {
                field,
                offset: self.offset,
                len: self.len,
                message_len: msg.len(),
            })
    }
}

/// The VERSION structure (MS-NLMP §2.2.2.10), for debugging only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Version {
    /// ProductMajorVersion (e.g. 6 for Windows Vista…8.1, 10 for Windows 10).
    pub major: u8,
    /// ProductMinorVersion.
    pub minor: u8,
    /// ProductBuild.
    pub build: u16,
    /// Reserved, SHOULD be zero.
    pub reserved: [u8; 3],
    /// NTLMRevisionCurrent, 0x0F (NTLMSSP_REVISION_W2K3) today.
    pub revision: u8,
}

impl Version {
    /// NTLMSSP_REVISION_W2K3, the current NTLMRevisionCurrent.
    pub const NTLMSSP_REVISION_W2K3: u8 = 0x0f;

    /// Reads the 8 bytes.
    pub fn from_bytes(b: [u8; 8]) -> Version {
        Version {
            major: b[0],
            minor: b[1],
            build: u16::from_le_bytes([b[2], b[3]]),
            reserved: [b[4], b[5], b[6]],
            revision: b[7],
        }
    }

    /// The 8 bytes on the wire.
    pub fn to_bytes(self) -> [u8; 8] {
        let [b0, b1] = self.build.to_le_bytes();
        let [r0, r1, r2] = self.reserved;
        [self.major, self.minor, b0, b1, r0, r1, r2, self.revision]
    }

    /// `6.0 build 6000, NTLM revision 15`.
    pub fn render(self) -> String {
        format!(
            "{}.{} build {}, NTLM revision {}",
            self.major, self.minor, self.build, self.revision
        )
    }
}

/// UTF-16LE, no terminating NUL (MS-NLMP's UNICODE()).
pub fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// UTF-16LE bytes as text (unpaired surrogates and an odd last byte become U+FFFD).
pub fn from_utf16le(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let mut text = String::from_utf16_lossy(&units);
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// OEM bytes read as ISO 8859-1 (the trainer's stand-in for the OEM code page).
fn from_oem(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Text as OEM bytes: ISO 8859-1, anything else as `?`.
fn to_oem(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

fn encode_text(text: &str, unicode: bool) -> Vec<u8> {
    if unicode {
        utf16le(text)
    } else {
        to_oem(text)
    }
}

fn decode_text(bytes: &[u8], unicode: bool, field: &'static str) -> Result<String, ParseError> {
    if unicode {
        if bytes.len() % 2 == 1 {
            return Err(ParseError::OddUnicodeLength {
                field,
                len: u16::try_from(bytes.len()).unwrap_or(u16::MAX),
            });
        }
        Ok(from_utf16le(bytes))
    } else {
        Ok(from_oem(bytes))
    }
}

/// Reads fixed-size fields of one structure, reporting short input as [`ParseError`].
struct Reader<'a> {
    bytes: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn arr<const N: usize>(&self, at: usize) -> Result<[u8; N], ParseError> {
        at.checked_add(N)
            .and_then(|end| self.bytes.get(at..end))
            .and_then(|s| <[u8; N]>::try_from(s).ok())
            .ok_or(ParseError::TooShort {
                what: self.what,
                need: at.saturating_add(N),
                got: self.bytes.len(),
            })
    }

    fn u32(&self, at: usize) -> Result<u32, ParseError> {
        self.arr::<4>(at).map(u32::from_le_bytes)
    }

    fn buffer(&self, at: usize) -> Result<SecurityBuffer, ParseError> {
        self.arr::<8>(at).map(SecurityBuffer::from_bytes)
    }
}

/// Lays out a message: fixed header, then payload fields in order.
struct Layout {
    header_len: usize,
    payload: Vec<u8>,
}

impl Layout {
    fn new(header_len: usize) -> Layout {
        Layout {
            header_len,
            payload: Vec::new(),
        }
    }

    /// Appends `data` (at most 65 535 bytes of it) and returns its security buffer.
    fn add(&mut self, data: &[u8]) -> [u8; 8] {
        let len = u16::try_from(data.len()).unwrap_or(u16::MAX);
        let offset = u32::try_from(self.header_len + self.payload.len()).unwrap_or(u32::MAX);
        self.payload
            .extend_from_slice(data.get(..usize::from(len)).unwrap_or(data));
        SecurityBuffer {
            len,
            max_len: len,
            offset,
        }
        .to_bytes()
    }
}

/// The payload starts at the lowest offset of a non-empty buffer (or the message end).
fn payload_start(buffers: &[SecurityBuffer], message_len: usize) -> usize {
    buffers
        .iter()
        .filter(|b| b.len > 0)
        .map(|b| usize::try_from(b.offset).unwrap_or(usize::MAX))
        .min()
        .unwrap_or(message_len)
        .min(message_len)
}

// ---------------------------------------------------------------------------------------
// AV pairs
// ---------------------------------------------------------------------------------------

/// An AvId (MS-NLMP §2.2.2.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AvId {
    /// 0x0000: the end of the list.
    Eol,
    /// 0x0001: the server's NetBIOS computer name.
    NbComputerName,
    /// 0x0002: the server's NetBIOS domain name.
    NbDomainName,
    /// 0x0003: the server's DNS computer name (FQDN).
    DnsComputerName,
    /// 0x0004: the server's DNS domain name.
    DnsDomainName,
    /// 0x0005: the DNS forest (tree) name.
    DnsTreeName,
    /// 0x0006: a 32-bit flags field (0x2: a MIC is present).
    Flags,
    /// 0x0007: a FILETIME timestamp.
    Timestamp,
    /// 0x0008: a Single_Host_Data structure.
    SingleHost,
    /// 0x0009: the SPN of the target server.
    TargetName,
    /// 0x000A: the MD5 of the channel bindings.
    ChannelBindings,
    /// Any other value.
    Unknown(u16),
}

impl AvId {
    /// From the 16-bit value.
    pub fn from_u16(value: u16) -> AvId {
        match value {
            0 => AvId::Eol,
            1 => AvId::NbComputerName,
            2 => AvId::NbDomainName,
            3 => AvId::DnsComputerName,
            4 => AvId::DnsDomainName,
            5 => AvId::DnsTreeName,
            6 => AvId::Flags,
            7 => AvId::Timestamp,
            8 => AvId::SingleHost,
            9 => AvId::TargetName,
            10 => AvId::ChannelBindings,
            other => AvId::Unknown(other),
        }
    }

    /// The 16-bit value.
    pub fn code(self) -> u16 {
        match self {
            AvId::Eol => 0,
            AvId::NbComputerName => 1,
            AvId::NbDomainName => 2,
            AvId::DnsComputerName => 3,
            AvId::DnsDomainName => 4,
            AvId::DnsTreeName => 5,
            AvId::Flags => 6,
            AvId::Timestamp => 7,
            AvId::SingleHost => 8,
            AvId::TargetName => 9,
            AvId::ChannelBindings => 10,
            AvId::Unknown(other) => other,
        }
    }

    /// The MS-NLMP name, e.g. `MsvAvNbComputerName`.
    pub fn name(self) -> &'static str {
        match self {
            AvId::Eol => "MsvAvEOL",
            AvId::NbComputerName => "MsvAvNbComputerName",
            AvId::NbDomainName => "MsvAvNbDomainName",
            AvId::DnsComputerName => "MsvAvDnsComputerName",
            AvId::DnsDomainName => "MsvAvDnsDomainName",
            AvId::DnsTreeName => "MsvAvDnsTreeName",
            AvId::Flags => "MsvAvFlags",
            AvId::Timestamp => "MsvAvTimestamp",
            AvId::SingleHost => "MsvAvSingleHost",
            AvId::TargetName => "MsvAvTargetName",
            AvId::ChannelBindings => "MsvAvChannelBindings",
            AvId::Unknown(_) => "unknown AvId",
        }
    }

    /// Whether the value is a UTF-16LE string.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            AvId::NbComputerName
                | AvId::NbDomainName
                | AvId::DnsComputerName
                | AvId::DnsDomainName
                | AvId::DnsTreeName
                | AvId::TargetName
        )
    }

    /// The AvLen this AvId requires, if fixed.
    fn fixed_len(self) -> Option<u16> {
        match self {
            AvId::Eol => Some(0),
            AvId::Flags => Some(4),
            AvId::Timestamp => Some(8),
            AvId::ChannelBindings => Some(16),
            _ => None,
        }
    }

    /// What the pair carries.
    pub fn meaning(self) -> Tr {
        match self {
            AvId::Eol => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvEOL (0x0000, AvLen 0) ends the list; it MUST be present.",
                "MS-NLMP §2.2.2.1：MsvAvEOL（0x0000，AvLen 为 0）结束列表；必须出现。",
            ),
            AvId::NbComputerName => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvNbComputerName (0x0001), the server's NetBIOS computer name, UTF-16LE.",
                "MS-NLMP §2.2.2.1：MsvAvNbComputerName（0x0001），服务器的 NetBIOS 计算机名，UTF-16LE。",
            ),
            AvId::NbDomainName => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvNbDomainName (0x0002), the server's NetBIOS domain name, UTF-16LE.",
                "MS-NLMP §2.2.2.1：MsvAvNbDomainName（0x0002），服务器的 NetBIOS 域名，UTF-16LE。",
            ),
            AvId::DnsComputerName => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvDnsComputerName (0x0003), the server's fully qualified DNS name, UTF-16LE.",
                "MS-NLMP §2.2.2.1：MsvAvDnsComputerName（0x0003），服务器的完整 DNS 名称，UTF-16LE。",
            ),
            AvId::DnsDomainName => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvDnsDomainName (0x0004), the server's DNS domain name, UTF-16LE.",
                "MS-NLMP §2.2.2.1：MsvAvDnsDomainName（0x0004），服务器的 DNS 域名，UTF-16LE。",
            ),
            AvId::DnsTreeName => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvDnsTreeName (0x0005), the DNS name of the forest, UTF-16LE.",
                "MS-NLMP §2.2.2.1：MsvAvDnsTreeName（0x0005），林（forest）的 DNS 名称，UTF-16LE。",
            ),
            AvId::Flags => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvFlags (0x0006), 32 bits: 0x1 constrained, 0x2 a MIC is present, 0x4 SPN from an untrusted source.",
                "MS-NLMP §2.2.2.1：MsvAvFlags（0x0006），32 位：0x1 受约束，0x2 带有 MIC，0x4 SPN 来源不可信。",
            ),
            AvId::Timestamp => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvTimestamp (0x0007), the server's time as a FILETIME (100 ns ticks since 1601-01-01 UTC); the client then uses it in temp and adds a MIC.",
                "MS-NLMP §2.2.2.1：MsvAvTimestamp（0x0007），服务器时间，FILETIME 格式（自 1601-01-01 UTC 起的 100 纳秒数）；客户端随后在 temp 中使用它并附加 MIC。",
            ),
            AvId::SingleHost => Tr::new(
                "MS-NLMP §2.2.2.1–2.2.2.2: MsvAvSingleHost (0x0008), a Single_Host_Data structure identifying the client machine.",
                "MS-NLMP §2.2.2.1–2.2.2.2：MsvAvSingleHost（0x0008），标识客户端机器的 Single_Host_Data 结构。",
            ),
            AvId::TargetName => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvTargetName (0x0009), the SPN the client meant to reach (e.g. SMTP/mail.example.com), UTF-16LE.",
                "MS-NLMP §2.2.2.1：MsvAvTargetName（0x0009），客户端想要访问的 SPN（如 SMTP/mail.example.com），UTF-16LE。",
            ),
            AvId::ChannelBindings => Tr::new(
                "MS-NLMP §2.2.2.1: MsvAvChannelBindings (0x000A), the MD5 of the TLS channel bindings (16 bytes, all zero when none).",
                "MS-NLMP §2.2.2.1：MsvAvChannelBindings（0x000A），TLS 通道绑定的 MD5（16 字节，没有时为全零）。",
            ),
            AvId::Unknown(_) => Tr::new(
                "MS-NLMP §2.2.2.1: an AvId this trainer does not know; a receiver skips it using AvLen.",
                "MS-NLMP §2.2.2.1：本训练器不认识的 AvId；接收方按 AvLen 跳过它。",
            ),
        }
    }
}

/// One attribute/value pair of TargetInfo (MS-NLMP §2.2.2.1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AvPair {
    /// AvId.
    pub id: AvId,
    /// Value (AvLen bytes).
    pub value: Vec<u8>,
}

impl AvPair {
    /// A string pair (UTF-16LE value).
    pub fn text(id: AvId, text: &str) -> AvPair {
        AvPair {
            id,
            value: utf16le(text),
        }
    }

    /// An MsvAvTimestamp pair.
    pub fn timestamp(filetime: u64) -> AvPair {
        AvPair {
            id: AvId::Timestamp,
            value: filetime.to_le_bytes().to_vec(),
        }
    }

    /// The value for people: the string, the flags, the time, or hex.
    pub fn render_value(&self) -> String {
        if self.id.is_text() {
            return format!("{:?}", from_utf16le(&self.value));
        }
        match (self.id, self.value.as_slice()) {
            (AvId::Flags, &[a, b, c, d]) => {
                let flags = u32::from_le_bytes([a, b, c, d]);
                let mut names = Vec::new();
                if flags & 1 != 0 {
                    names.push("constrained");
                }
                if flags & 2 != 0 {
                    names.push("MIC present");
                }
                if flags & 4 != 0 {
                    names.push("SPN from untrusted source");
                }
                format!("0x{flags:08x} ({})", names.join(", "))
            }
            (AvId::Timestamp, v) => match <[u8; 8]>::try_from(v) {
                Ok(b) => format!("{} (FILETIME)", u64::from_le_bytes(b)),
                Err(_) => hex(v),
            },
            (_, v) => hex(v),
        }
    }

    /// The pair on the wire (4-byte header + value, at most 65 535 value bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        let len = u16::try_from(self.value.len()).unwrap_or(u16::MAX);
        let mut out = Vec::with_capacity(4 + usize::from(len));
        out.extend_from_slice(&self.id.code().to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(self.value.get(..usize::from(len)).unwrap_or(&self.value));
        out
    }
}

/// The AV pairs on the wire, MsvAvEOL appended (any MsvAvEOL in `pairs` is skipped).
pub fn encode_av_pairs(pairs: &[AvPair]) -> Vec<u8> {
    let mut out = Vec::new();
    for pair in pairs.iter().filter(|p| p.id != AvId::Eol) {
        out.extend(pair.to_bytes());
    }
    out.extend_from_slice(&[0, 0, 0, 0]);
    out
}

/// Reads AV pairs up to MsvAvEOL (not included in the result; bytes after it are
/// ignored, as in temp, where Z(4) follows).
pub fn decode_av_pairs(bytes: &[u8]) -> Result<Vec<AvPair>, ParseError> {
    let mut scratch = Trace::default();
    decode_av_pairs_traced(bytes, &mut scratch, false)
}

fn av_step_id(id: AvId) -> &'static str {
    match id {
        AvId::Eol => "av-eol",
        AvId::NbComputerName => "av-nb-computer-name",
        AvId::NbDomainName => "av-nb-domain-name",
        AvId::DnsComputerName => "av-dns-computer-name",
        AvId::DnsDomainName => "av-dns-domain-name",
        AvId::DnsTreeName => "av-dns-tree-name",
        AvId::Flags => "av-flags",
        AvId::Timestamp => "av-timestamp",
        AvId::SingleHost => "av-single-host",
        AvId::TargetName => "av-target-name",
        AvId::ChannelBindings => "av-channel-bindings",
        AvId::Unknown(_) => "av-unknown",
    }
}

fn av_label(id: AvId) -> Tr {
    match id {
        AvId::Eol => Tr::new("AV pair MsvAvEOL (end)", "AV 对 MsvAvEOL（结束）"),
        AvId::NbComputerName => Tr::new("AV pair MsvAvNbComputerName", "AV 对 MsvAvNbComputerName"),
        AvId::NbDomainName => Tr::new("AV pair MsvAvNbDomainName", "AV 对 MsvAvNbDomainName"),
        AvId::DnsComputerName => {
            Tr::new("AV pair MsvAvDnsComputerName", "AV 对 MsvAvDnsComputerName")
        }
        AvId::DnsDomainName => Tr::new("AV pair MsvAvDnsDomainName", "AV 对 MsvAvDnsDomainName"),
        AvId::DnsTreeName => Tr::new("AV pair MsvAvDnsTreeName", "AV 对 MsvAvDnsTreeName"),
        AvId::Flags => Tr::new("AV pair MsvAvFlags", "AV 对 MsvAvFlags"),
        AvId::Timestamp => Tr::new("AV pair MsvAvTimestamp", "AV 对 MsvAvTimestamp"),
        AvId::SingleHost => Tr::new("AV pair MsvAvSingleHost", "AV 对 MsvAvSingleHost"),
        AvId::TargetName => Tr::new("AV pair MsvAvTargetName", "AV 对 MsvAvTargetName"),
        AvId::ChannelBindings => {
            Tr::new("AV pair MsvAvChannelBindings", "AV 对 MsvAvChannelBindings")
        }
        AvId::Unknown(_) => Tr::new("AV pair (unknown AvId)", "AV 对（未知 AvId）"),
    }
}

fn decode_av_pairs_traced(
    bytes: &[u8],
    trace: &mut Trace,
    record: bool,
) -> Result<Vec<AvPair>, ParseError> {
    let mut pairs = Vec::new();
    let mut at = 0usize;
    loop {
        if at >= bytes.len() {
            return Err(ParseError::AvPairMissingEol);
        }
        let header = bytes
            .get(at..at.saturating_add(4))
            .ok_or(ParseError::AvPairTruncated { at })?;
        let id = AvId::from_u16(u16::from_le_bytes([header[0], header[1]]));
        let len = u16::from_le_bytes([header[2], header[3]]);
        let end = at.saturating_add(4).saturating_add(usize::from(len));
        let raw = bytes
            .get(at..end)
            .ok_or(ParseError::AvPairTruncated { at })?;
        if let Some(want) = id.fixed_len() {
            if len != want {
                return Err(ParseError::AvPairBadLength {
                    id: id.name(),
                    len,
                    want,
                });
            }
        }
        if record {
            trace.push(
                av_step_id(id),
                av_label(id),
                raw.to_vec(),
                View::Hex,
                id.meaning(),
            );
        }
        if id == AvId::Eol {
            return Ok(pairs);
        }
        pairs.push(AvPair {
            id,
            value: raw.get(4..).unwrap_or_default().to_vec(),
        });
        at = end;
    }
}

fn render_av_pairs(pairs: &[AvPair]) -> String {
    let mut out = String::new();
    for pair in pairs {
        out.push_str(&format!("  {} = {}\n", pair.id.name(), pair.render_value()));
    }
    out.push_str("  MsvAvEOL\n");
    out
}

// ---------------------------------------------------------------------------------------
// The three messages
// ---------------------------------------------------------------------------------------

/// A NEGOTIATE_MESSAGE (MS-NLMP §2.2.1.1), type 1, client to server.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Negotiate {
    /// The flags the client offers.
    pub flags: Flags,
    /// DomainName (OEM bytes; meaningful with OEM_DOMAIN_SUPPLIED).
    pub domain: Vec<u8>,
    /// WorkstationName (OEM bytes; meaningful with OEM_WORKSTATION_SUPPLIED).
    pub workstation: Vec<u8>,
    /// Version, when NTLMSSP_NEGOTIATE_VERSION is set and the field is there.
    pub version: Option<Version>,
}

/// A CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2), type 2, server to client.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Challenge {
    /// The flags the server chose.
    pub flags: Flags,
    /// TargetName as sent (UTF-16LE with UNICODE, else OEM).
    pub target_name: Vec<u8>,
    /// The 8-byte server challenge (nonce).
    pub server_challenge: [u8; 8],
    /// Reserved, MUST be zero.
    pub reserved: [u8; 8],
    /// TargetInfo's AV pairs (without MsvAvEOL); `None` when the buffer is empty or absent.
    pub target_info: Option<Vec<AvPair>>,
    /// Version, when NTLMSSP_NEGOTIATE_VERSION is set and the field is there.
    pub version: Option<Version>,
}

/// An AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3), type 3, client to server.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Authenticate {
    /// The negotiated flags.
    pub flags: Flags,
    /// LmChallengeResponse (LMv2: 16-byte HMAC + 8-byte client challenge).
    pub lm_response: Vec<u8>,
    /// NtChallengeResponse (NTLMv2: NTProofStr ‖ temp).
    pub nt_response: Vec<u8>,
    /// DomainName.
    pub domain: String,
    /// UserName.
    pub user: String,
    /// Workstation.
    pub workstation: String,
    /// EncryptedRandomSessionKey (16 bytes with KEY_EXCH, else usually empty).
    pub encrypted_random_session_key: Vec<u8>,
    /// Version, when NTLMSSP_NEGOTIATE_VERSION is set and the field is there.
    pub version: Option<Version>,
    /// The MIC, when the header has room for it (payload at offset 88 or later).
    pub mic: Option<[u8; 16]>,
}

/// Any of the three messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Type 1.
    Negotiate(Negotiate),
    /// Type 2.
    Challenge(Challenge),
    /// Type 3.
    Authenticate(Authenticate),
}

impl Message {
    /// Decodes any NTLM message (already base64-decoded).
    pub fn decode(bytes: &[u8]) -> Result<Message, ParseError> {
        let mut scratch = Trace::default();
        match message_type(bytes)? {
            NEGOTIATE => decode_negotiate(bytes, &mut scratch).map(Message::Negotiate),
            CHALLENGE => decode_challenge(bytes, &mut scratch).map(Message::Challenge),
            _ => decode_authenticate(bytes, &mut scratch).map(Message::Authenticate),
        }
    }

    /// The message on the wire.
    pub fn encode(&self) -> Vec<u8> {
        match self {
            Message::Negotiate(m) => m.encode(),
            Message::Challenge(m) => m.encode(),
            Message::Authenticate(m) => m.encode(),
        }
    }
}

/// Checks the size cap and the signature and returns the MessageType (1, 2 or 3).
pub fn message_type(bytes: &[u8]) -> Result<u32, ParseError> {
    if bytes.len() > MAX_MESSAGE_LEN {
        return Err(ParseError::TooLong { len: bytes.len() });
    }
    let reader = Reader {
        bytes,
        what: "NTLM message",
    };
    if reader.arr::<8>(0)? != SIGNATURE {
        return Err(ParseError::BadSignature);
    }
    match reader.u32(8)? {
        kind @ (NEGOTIATE | CHALLENGE | AUTHENTICATE) => Ok(kind),
        other => Err(ParseError::UnknownMessageType(other)),
    }
}

/// A step-by-step decoding of any message: every field with its exact bytes, then a
/// readable summary (`summary`).
pub fn fields(bytes: &[u8]) -> Result<Trace, ParseError> {
    let mut trace = Trace::default();
    match message_type(bytes)? {
        NEGOTIATE => decode_negotiate(bytes, &mut trace).map(|_| ())?,
        CHALLENGE => decode_challenge(bytes, &mut trace).map(|_| ())?,
        _ => decode_authenticate(bytes, &mut trace).map(|_| ())?,
    }
    Ok(trace)
}

/// The SMTP line's base64, decoded (whitespace around it ignored; capped in size).
pub fn decode_base64(line: &str) -> Result<Vec<u8>, ParseError> {
    let line = line.trim();
    if line.len() > MAX_MESSAGE_LEN / 3 * 4 + 4 {
        return Err(ParseError::TooLong {
            len: line.len() / 4 * 3,
        });
    }
    BASE64.decode(line).map_err(|_| ParseError::NotBase64)
}

/// Signature and MessageType, checked and recorded.
fn header(bytes: &[u8], expected: u32, trace: &mut Trace) -> Result<(), ParseError> {
    let got = message_type(bytes)?;
    if got != expected {
        return Err(ParseError::WrongMessageType { expected, got });
    }
    trace.push(
        "signature",
        Tr::new("Signature \"NTLMSSP\\0\"", "签名 \"NTLMSSP\\0\""),
        SIGNATURE.to_vec(),
        View::Text,
        Tr::new(
            "MS-NLMP §2.2.1: every NTLM message starts with the 8 bytes N T L M S S P and a NUL.",
            "MS-NLMP §2.2.1：每条 NTLM 消息都以 8 个字节 N T L M S S P 加一个 NUL 开头。",
        ),
    );
    trace.push(
        "message-type",
        match expected {
            NEGOTIATE => Tr::new("MessageType = 1 (NEGOTIATE)", "MessageType = 1（NEGOTIATE）"),
            CHALLENGE => Tr::new("MessageType = 2 (CHALLENGE)", "MessageType = 2（CHALLENGE）"),
            _ => Tr::new(
                "MessageType = 3 (AUTHENTICATE)",
                "MessageType = 3（AUTHENTICATE）",
            ),
        },
        expected.to_le_bytes().to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.1: a 32-bit little-endian number: 1 NEGOTIATE, 2 CHALLENGE, 3 AUTHENTICATE.",
            "MS-NLMP §2.2.1：32 位小端序整数：1 为 NEGOTIATE，2 为 CHALLENGE，3 为 AUTHENTICATE。",
        ),
    );
    Ok(())
}

fn push_flags(trace: &mut Trace, flags: Flags) {
    trace.push(
        "flags",
        Tr::new("NegotiateFlags", "NegotiateFlags（协商标志）"),
        flags.0.to_le_bytes().to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.5: 32 bits, little-endian; each bit switches a feature on.",
            "MS-NLMP §2.2.2.5：32 位，小端序；每一位开启一项功能。",
        ),
    );
    trace.push(
        "flags-named",
        Tr::new("NegotiateFlags, named", "NegotiateFlags 各位的名称"),
        flags.render().into_bytes(),
        View::Text,
        Tr::new(
            "MS-NLMP §2.2.2.5: the set bits by name, lowest first (reserved bits r1–r10 MUST be zero).",
            "MS-NLMP §2.2.2.5：按名称列出已设置的位，从最低位开始（保留位 r1–r10 必须为零）。",
        ),
    );
}

const BUFFER_EXPLAIN: Tr = Tr::new(
    "MS-NLMP §2.2.1: a security buffer: Len (2 bytes), MaxLen (2 bytes), BufferOffset (4 bytes) from the start of the message, little-endian.",
    "MS-NLMP §2.2.1：安全缓冲区描述：Len（2 字节）、MaxLen（2 字节）、从消息开头算起的 BufferOffset（4 字节），均为小端序。",
);

fn push_version(trace: &mut Trace, version: Version) {
    trace.push(
        "version",
        Tr::new("Version", "Version（版本）"),
        version.to_bytes().to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.10: ProductMajorVersion, ProductMinorVersion, ProductBuild (2 bytes), 3 reserved, NTLMRevisionCurrent (0x0F); for debugging only.",
            "MS-NLMP §2.2.2.10：主版本号、次版本号、内部版本号（2 字节）、3 个保留字节、NTLMRevisionCurrent（0x0F）；仅用于调试。",
        ),
    );
}

fn buffer_line(name: &str, buffer: SecurityBuffer) -> String {
    format!(
        "{name}: Len {}, MaxLen {}, BufferOffset {}",
        buffer.len, buffer.max_len, buffer.offset
    )
}

/// Records the summary as one line (a step's text shows control characters escaped).
fn push_summary(trace: &mut Trace, text: String) {
    let line = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    trace.push(
        "summary",
        Tr::new("All fields, decoded", "全部字段（已解码）"),
        line.into_bytes(),
        View::Text,
        Tr::new(
            "The fields above in readable form: flags by name, where each buffer lies, the strings and AV pairs.",
            "以上字段的可读形式：标志名称、各缓冲区的位置、字符串和 AV 对。",
        ),
    );
}

impl Negotiate {
    /// Decodes a NEGOTIATE_MESSAGE. A bare 16-byte message (signature, type, flags) is
    /// accepted as having no domain or workstation.
    pub fn decode(bytes: &[u8]) -> Result<Negotiate, ParseError> {
        decode_negotiate(bytes, &mut Trace::default())
    }

    /// The message on the wire: 32-byte header (40 with a Version), then DomainName and
    /// WorkstationName.
    pub fn encode(&self) -> Vec<u8> {
        let header_len = if self.version.is_some() { 40 } else { 32 };
        let mut layout = Layout::new(header_len);
        let domain = layout.add(&self.domain);
        let workstation = layout.add(&self.workstation);
        let mut out = Vec::with_capacity(header_len + layout.payload.len());
        out.extend_from_slice(&SIGNATURE);
        out.extend_from_slice(&NEGOTIATE.to_le_bytes());
        out.extend_from_slice(&self.flags.0.to_le_bytes());
        out.extend_from_slice(&domain);
        out.extend_from_slice(&workstation);
        if let Some(version) = self.version {
            out.extend_from_slice(&version.to_bytes());
        }
        out.extend(layout.payload);
        out
    }
}

fn decode_negotiate(bytes: &[u8], trace: &mut Trace) -> Result<Negotiate, ParseError> {
    header(bytes, NEGOTIATE, trace)?;
    let r = Reader {
        bytes,
        what: "NEGOTIATE_MESSAGE",
    };
    let flags = Flags(r.u32(12)?);
    push_flags(trace, flags);
    let mut summary = format!(
        "NEGOTIATE_MESSAGE (type 1), {} bytes\nNegotiateFlags {}\n",
        bytes.len(),
        flags.render()
    );
    if bytes.len() == 16 {
        summary.push_str("(no DomainNameFields or WorkstationFields: a 16-byte minimal message)\n");
        push_summary(trace, summary);
        return Ok(Negotiate {
            flags,
            ..Negotiate::default()
        });
    }
    let domain_buf = r.buffer(16)?;
    let workstation_buf = r.buffer(24)?;
    trace.push(
        "domain-fields",
        Tr::new("DomainNameFields", "DomainNameFields（域名缓冲区）"),
        domain_buf.to_bytes().to_vec(),
        View::Hex,
        BUFFER_EXPLAIN,
    );
    trace.push(
        "workstation-fields",
        Tr::new("WorkstationFields", "WorkstationFields（工作站名缓冲区）"),
        workstation_buf.to_bytes().to_vec(),
        View::Hex,
        BUFFER_EXPLAIN,
    );
    let start = payload_start(&[domain_buf, workstation_buf], bytes.len());
    let version = if flags.contains(Flags::NEGOTIATE_VERSION) && start >= 40 {
        let v = Version::from_bytes(r.arr::<8>(32)?);
        push_version(trace, v);
        Some(v)
    } else {
        None
    };
    let domain = domain_buf.slice(bytes, "DomainNameFields", 32)?.to_vec();
    let workstation = workstation_buf
        .slice(bytes, "WorkstationFields", 32)?
        .to_vec();
    if !domain.is_empty() {
        trace.push(
            "domain",
            Tr::new("DomainName (OEM)", "DomainName（OEM 编码）"),
            domain.clone(),
            View::Text,
            Tr::new(
                "MS-NLMP §2.2.1.1: the client's domain, in the OEM code page; set only with NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED.",
                "MS-NLMP §2.2.1.1：客户端所在的域，OEM 代码页编码；仅在设置 NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED 时出现。",
            ),
        );
    }
    if !workstation.is_empty() {
        trace.push(
            "workstation",
            Tr::new("WorkstationName (OEM)", "WorkstationName（OEM 编码）"),
            workstation.clone(),
            View::Text,
            Tr::new(
                "MS-NLMP §2.2.1.1: the client's computer name, in the OEM code page; set only with NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED.",
                "MS-NLMP §2.2.1.1：客户端的计算机名，OEM 代码页编码；仅在设置 NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED 时出现。",
            ),
        );
    }
    summary.push_str(&format!(
        "{} → {:?}\n{} → {:?}\n",
        buffer_line("DomainName", domain_buf),
        from_oem(&domain),
        buffer_line("WorkstationName", workstation_buf),
        from_oem(&workstation)
    ));
    if let Some(v) = version {
        summary.push_str(&format!("Version: {}\n", v.render()));
    }
    push_summary(trace, summary);
    Ok(Negotiate {
        flags,
        domain,
        workstation,
        version,
    })
}

impl Challenge {
    /// Decodes a CHALLENGE_MESSAGE. A 32-byte message without TargetInfo (old servers) is
    /// accepted.
    pub fn decode(bytes: &[u8]) -> Result<Challenge, ParseError> {
        decode_challenge(bytes, &mut Trace::default())
    }

    /// The message on the wire: 48-byte header (56 with a Version), then TargetName and
    /// TargetInfo.
    pub fn encode(&self) -> Vec<u8> {
        let header_len = if self.version.is_some() { 56 } else { 48 };
        let mut layout = Layout::new(header_len);
        let target_name = layout.add(&self.target_name);
        let info = self
            .target_info
            .as_deref()
            .map(encode_av_pairs)
            .unwrap_or_default();
        let target_info = layout.add(&info);
        let mut out = Vec::with_capacity(header_len + layout.payload.len());
        out.extend_from_slice(&SIGNATURE);
        out.extend_from_slice(&CHALLENGE.to_le_bytes());
        out.extend_from_slice(&target_name);
        out.extend_from_slice(&self.flags.0.to_le_bytes());
        out.extend_from_slice(&self.server_challenge);
        out.extend_from_slice(&self.reserved);
        out.extend_from_slice(&target_info);
        if let Some(version) = self.version {
            out.extend_from_slice(&version.to_bytes());
        }
        out.extend(layout.payload);
        out
    }

    /// TargetName as text (UTF-16LE with UNICODE, else OEM).
    pub fn target_name_text(&self) -> String {
        if self.flags.contains(Flags::NEGOTIATE_UNICODE) {
            from_utf16le(&self.target_name)
        } else {
            from_oem(&self.target_name)
        }
    }

    /// The MsvAvTimestamp value, if TargetInfo has one.
    pub fn timestamp(&self) -> Option<u64> {
        self.target_info.as_ref().and_then(|pairs| {
            pairs
                .iter()
                .filter(|p| p.id == AvId::Timestamp)
                .find_map(|p| <[u8; 8]>::try_from(p.value.as_slice()).ok())
                .map(u64::from_le_bytes)
        })
    }
}

fn decode_challenge(bytes: &[u8], trace: &mut Trace) -> Result<Challenge, ParseError> {
    header(bytes, CHALLENGE, trace)?;
    let r = Reader {
        bytes,
        what: "CHALLENGE_MESSAGE",
    };
    let name_buf = r.buffer(12)?;
    let flags = Flags(r.u32(20)?);
    let server_challenge = r.arr::<8>(24)?;
    trace.push(
        "target-name-fields",
        Tr::new("TargetNameFields", "TargetNameFields（目标名称缓冲区）"),
        name_buf.to_bytes().to_vec(),
        View::Hex,
        BUFFER_EXPLAIN,
    );
    push_flags(trace, flags);
    trace.push(
        "server-challenge",
        Tr::new("ServerChallenge (8 bytes)", "ServerChallenge（8 字节服务器质询）"),
        server_challenge.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.1.2: the server's 64-bit nonce; it MUST be random and never reused, since the client's proof is bound to it.",
            "MS-NLMP §2.2.1.2：服务器的 64 位随机数；必须随机且不可重复使用，因为客户端的证明与它绑定。",
        ),
    );
    let mut summary = format!(
        "CHALLENGE_MESSAGE (type 2), {} bytes\nNegotiateFlags {}\nServerChallenge: {}\n",
        bytes.len(),
        flags.render(),
        hex(&server_challenge)
    );
    let (reserved, info_buf) = if bytes.len() >= 48 {
        let reserved = r.arr::<8>(32)?;
        let info_buf = r.buffer(40)?;
        trace.push(
            "reserved",
            Tr::new("Reserved (8 bytes)", "Reserved（8 个保留字节）"),
            reserved.to_vec(),
            View::Hex,
            Tr::new(
                "MS-NLMP §2.2.1.2: 8 bytes that MUST be zero and are ignored on receipt.",
                "MS-NLMP §2.2.1.2：8 个必须为零的字节，接收方忽略。",
            ),
        );
        trace.push(
            "target-info-fields",
            Tr::new("TargetInfoFields", "TargetInfoFields（目标信息缓冲区）"),
            info_buf.to_bytes().to_vec(),
            View::Hex,
            BUFFER_EXPLAIN,
        );
        (reserved, info_buf)
    } else {
        summary.push_str("(no Reserved or TargetInfoFields: a 32-byte pre-NTLMv2 message)\n");
        ([0u8; 8], SecurityBuffer::default())
    };
    let header_len = if bytes.len() >= 48 { 48 } else { 32 };
    let start = payload_start(&[name_buf, info_buf], bytes.len());
    let version = if flags.contains(Flags::NEGOTIATE_VERSION) && start >= 56 {
        let v = Version::from_bytes(r.arr::<8>(48)?);
        push_version(trace, v);
        Some(v)
    } else {
        None
    };
    let target_name = name_buf.slice(bytes, "TargetNameFields", header_len)?;
    let unicode = flags.contains(Flags::NEGOTIATE_UNICODE);
    let name_text = decode_text(target_name, unicode, "TargetNameFields")?;
    if !target_name.is_empty() {
        trace.push(
            "target-name",
            Tr::new("TargetName", "TargetName（目标名称）"),
            target_name.to_vec(),
            View::Hex,
            Tr::new(
                "MS-NLMP §2.2.1.2: the server's domain or computer name (see TARGET_TYPE_*), UTF-16LE with NTLMSSP_NEGOTIATE_UNICODE.",
                "MS-NLMP §2.2.1.2：服务器的域名或计算机名（见 TARGET_TYPE_*），设置 NTLMSSP_NEGOTIATE_UNICODE 时为 UTF-16LE。",
            ),
        );
    }
    let info = info_buf.slice(bytes, "TargetInfoFields", header_len)?;
    let target_info = if info.is_empty() {
        None
    } else {
        trace.push(
            "target-info",
            Tr::new("TargetInfo (AV pairs)", "TargetInfo（AV 对）"),
            info.to_vec(),
            View::Hex,
            Tr::new(
                "MS-NLMP §2.2.1.2: a list of AV_PAIR structures naming the server; the client copies them into its NTLMv2 response.",
                "MS-NLMP §2.2.1.2：一组说明服务器身份的 AV_PAIR 结构；客户端会把它们复制到 NTLMv2 响应中。",
            ),
        );
        Some(decode_av_pairs_traced(info, trace, true)?)
    };
    summary.push_str(&format!(
        "{} → {:?}\n{}\n",
        buffer_line("TargetName", name_buf),
        name_text,
        buffer_line("TargetInfo", info_buf)
    ));
    if let Some(pairs) = &target_info {
        summary.push_str(&render_av_pairs(pairs));
    }
    if let Some(v) = version {
        summary.push_str(&format!("Version: {}\n", v.render()));
    }
    push_summary(trace, summary);
    Ok(Challenge {
        flags,
        target_name: target_name.to_vec(),
        server_challenge,
        reserved,
        target_info,
        version,
    })
}

impl Authenticate {
    /// Decodes an AUTHENTICATE_MESSAGE (at least the 64-byte header).
    pub fn decode(bytes: &[u8]) -> Result<Authenticate, ParseError> {
        decode_authenticate(bytes, &mut Trace::default())
    }

    /// The message on the wire: 64-byte header (72 with a Version, 88 with a MIC), then
    /// DomainName, UserName, Workstation, LmChallengeResponse, NtChallengeResponse and
    /// EncryptedRandomSessionKey, in that order (as in MS-NLMP §4.2.4.3).
    pub fn encode(&self) -> Vec<u8> {
        let header_len = match (self.version, self.mic) {
            (_, Some(_)) => 88,
            (Some(_), None) => 72,
            (None, None) => 64,
        };
        let unicode = self.flags.contains(Flags::NEGOTIATE_UNICODE);
        let mut layout = Layout::new(header_len);
        let domain = layout.add(&encode_text(&self.domain, unicode));
        let user = layout.add(&encode_text(&self.user, unicode));
        let workstation = layout.add(&encode_text(&self.workstation, unicode));
        let lm = layout.add(&self.lm_response);
        let nt = layout.add(&self.nt_response);
        let key = layout.add(&self.encrypted_random_session_key);
        let mut out = Vec::with_capacity(header_len + layout.payload.len());
        out.extend_from_slice(&SIGNATURE);
        out.extend_from_slice(&AUTHENTICATE.to_le_bytes());
        for buffer in [lm, nt, domain, user, workstation, key] {
            out.extend_from_slice(&buffer);
        }
        out.extend_from_slice(&self.flags.0.to_le_bytes());
        if header_len >= 72 {
            out.extend_from_slice(&self.version.unwrap_or_default().to_bytes());
        }
        if let Some(mic) = self.mic {
            out.extend_from_slice(&mic);
        }
        out.extend(layout.payload);
        out
    }
}

fn decode_authenticate(bytes: &[u8], trace: &mut Trace) -> Result<Authenticate, ParseError> {
    header(bytes, AUTHENTICATE, trace)?;
    let r = Reader {
        bytes,
        what: "AUTHENTICATE_MESSAGE",
    };
    let lm_buf = r.buffer(12)?;
    let nt_buf = r.buffer(20)?;
    let domain_buf = r.buffer(28)?;
    let user_buf = r.buffer(36)?;
    let ws_buf = r.buffer(44)?;
    let key_buf = r.buffer(52)?;
    let flags = Flags(r.u32(60)?);
    let buffers: [(&'static str, Tr, SecurityBuffer); 6] = [
        (
            "lm-response-fields",
            Tr::new(
                "LmChallengeResponseFields",
                "LmChallengeResponseFields（LM 响应缓冲区）",
            ),
            lm_buf,
        ),
        (
            "nt-response-fields",
            Tr::new(
                "NtChallengeResponseFields",
                "NtChallengeResponseFields（NT 响应缓冲区）",
            ),
            nt_buf,
        ),
        (
            "domain-fields",
            Tr::new("DomainNameFields", "DomainNameFields（域名缓冲区）"),
            domain_buf,
        ),
        (
            "user-fields",
            Tr::new("UserNameFields", "UserNameFields（用户名缓冲区）"),
            user_buf,
        ),
        (
            "workstation-fields",
            Tr::new("WorkstationFields", "WorkstationFields（工作站名缓冲区）"),
            ws_buf,
        ),
        (
            "session-key-fields",
            Tr::new(
                "EncryptedRandomSessionKeyFields",
                "EncryptedRandomSessionKeyFields（加密会话密钥缓冲区）",
            ),
            key_buf,
        ),
    ];
    for (id, label, buffer) in buffers {
        trace.push(
            id,
            label,
            buffer.to_bytes().to_vec(),
            View::Hex,
            BUFFER_EXPLAIN,
        );
    }
    push_flags(trace, flags);
    let start = payload_start(
        &[lm_buf, nt_buf, domain_buf, user_buf, ws_buf, key_buf],
        bytes.len(),
    );
    let version = if flags.contains(Flags::NEGOTIATE_VERSION) && start >= 72 {
        let v = Version::from_bytes(r.arr::<8>(64)?);
        push_version(trace, v);
        Some(v)
    } else {
        None
    };
    let mic = if start >= 88 {
        let mic = r.arr::<16>(72)?;
        trace.push(
            "mic",
            Tr::new("MIC (16 bytes)", "MIC（16 字节消息完整性码）"),
            mic.to_vec(),
            View::Hex,
            Tr::new(
                "MS-NLMP §2.2.1.3 and §3.1.5.1.2: HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖ AUTHENTICATE with the MIC zeroed); it stops a man in the middle from editing the three messages.",
                "MS-NLMP §2.2.1.3 和 §3.1.5.1.2：HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖ MIC 置零的 AUTHENTICATE)；它防止中间人篡改这三条消息。",
            ),
        );
        Some(mic)
    } else {
        None
    };
    let lm_response = lm_buf.slice(bytes, "LmChallengeResponseFields", 64)?;
    let nt_response = nt_buf.slice(bytes, "NtChallengeResponseFields", 64)?;
    let unicode = flags.contains(Flags::NEGOTIATE_UNICODE);
    let domain_raw = domain_buf.slice(bytes, "DomainNameFields", 64)?;
    let user_raw = user_buf.slice(bytes, "UserNameFields", 64)?;
    let ws_raw = ws_buf.slice(bytes, "WorkstationFields", 64)?;
    let key = key_buf.slice(bytes, "EncryptedRandomSessionKeyFields", 64)?;
    let domain = decode_text(domain_raw, unicode, "DomainNameFields")?;
    let user = decode_text(user_raw, unicode, "UserNameFields")?;
    let workstation = decode_text(ws_raw, unicode, "WorkstationFields")?;
    const STRING_EXPLAIN: Tr = Tr::new(
        "MS-NLMP §2.2.1.3: UTF-16LE with NTLMSSP_NEGOTIATE_UNICODE, else the OEM code page; no terminating NUL.",
        "MS-NLMP §2.2.1.3：设置 NTLMSSP_NEGOTIATE_UNICODE 时为 UTF-16LE，否则为 OEM 代码页；不带结尾 NUL。",
    );
    trace.push(
        "domain",
        Tr::new("DomainName", "DomainName（域名）"),
        domain_raw.to_vec(),
        View::Hex,
        STRING_EXPLAIN,
    );
    trace.push(
        "user",
        Tr::new("UserName", "UserName（用户名）"),
        user_raw.to_vec(),
        View::Hex,
        STRING_EXPLAIN,
    );
    trace.push(
        "workstation",
        Tr::new("Workstation", "Workstation（工作站名）"),
        ws_raw.to_vec(),
        View::Hex,
        STRING_EXPLAIN,
    );
    trace.push(
        "lm-response",
        Tr::new("LmChallengeResponse", "LmChallengeResponse（LM 响应）"),
        lm_response.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.4: for NTLMv2, LMv2 = 16-byte HMAC_MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) then the 8-byte ClientChallenge (or 24 zeros, or absent).",
            "MS-NLMP §2.2.2.4：NTLMv2 时为 LMv2 = 16 字节 HMAC_MD5(ResponseKeyLM, ServerChallenge ‖ ClientChallenge) 加 8 字节 ClientChallenge（也可能是 24 个零或为空）。",
        ),
    );
    trace.push(
        "nt-response",
        Tr::new("NtChallengeResponse", "NtChallengeResponse（NT 响应）"),
        nt_response.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.8: for NTLMv2, the 16-byte NTProofStr followed by the NTLMv2_CLIENT_CHALLENGE (temp); 24 bytes means NTLMv1.",
            "MS-NLMP §2.2.2.8：NTLMv2 时为 16 字节 NTProofStr 后接 NTLMv2_CLIENT_CHALLENGE（temp）；24 字节则表示 NTLMv1。",
        ),
    );
    let v2 = NtlmV2Response::decode(nt_response).ok();
    if let Some(v2) = &v2 {
        push_ntlmv2_response(trace, v2);
    }
    if !key.is_empty() {
        trace.push(
            "encrypted-random-session-key",
            Tr::new(
                "EncryptedRandomSessionKey",
                "EncryptedRandomSessionKey（加密的随机会话密钥）",
            ),
            key.to_vec(),
            View::Hex,
            Tr::new(
                "MS-NLMP §3.1.5.1.2: with NTLMSSP_NEGOTIATE_KEY_EXCH, RC4(KeyExchangeKey, ExportedSessionKey); for NTLMv2 KeyExchangeKey = SessionBaseKey.",
                "MS-NLMP §3.1.5.1.2：设置 NTLMSSP_NEGOTIATE_KEY_EXCH 时为 RC4(KeyExchangeKey, ExportedSessionKey)；NTLMv2 中 KeyExchangeKey = SessionBaseKey。",
            ),
        );
    }
    let mut summary = format!(
        "AUTHENTICATE_MESSAGE (type 3), {} bytes\nNegotiateFlags {}\n",
        bytes.len(),
        flags.render()
    );
    summary.push_str(&format!(
        "{} ({} bytes)\n{} ({} bytes)\n{} → {:?}\n{} → {:?}\n{} → {:?}\n{} ({} bytes)\n",
        buffer_line("LmChallengeResponse", lm_buf),
        lm_response.len(),
        buffer_line("NtChallengeResponse", nt_buf),
        nt_response.len(),
        buffer_line("DomainName", domain_buf),
        domain,
        buffer_line("UserName", user_buf),
        user,
        buffer_line("Workstation", ws_buf),
        workstation,
        buffer_line("EncryptedRandomSessionKey", key_buf),
        key.len()
    ));
    if let Some(v) = version {
        summary.push_str(&format!("Version: {}\n", v.render()));
    }
    if let Some(m) = mic {
        summary.push_str(&format!("MIC: {}\n", hex(&m)));
    }
    match (&v2, nt_response.len()) {
        (Some(v2), _) => {
            summary.push_str(&format!(
                "NTLMv2 response: NTProofStr {}, Timestamp {}, ClientChallenge {}\n",
                hex(&v2.nt_proof_str),
                v2.timestamp,
                hex(&v2.client_challenge)
            ));
            summary.push_str(&render_av_pairs(&v2.av_pairs));
        }
        (None, 24) => summary.push_str("NtChallengeResponse is 24 bytes: NTLMv1\n"),
        (None, 0) => summary.push_str("NtChallengeResponse is empty: anonymous\n"),
        (None, _) => summary.push_str("NtChallengeResponse is not a well-formed NTLMv2 response\n"),
    }
    push_summary(trace, summary);
    Ok(Authenticate {
        flags,
        lm_response: lm_response.to_vec(),
        nt_response: nt_response.to_vec(),
        domain,
        user,
        workstation,
        encrypted_random_session_key: key.to_vec(),
        version,
        mic,
    })
}

/// An NTLMv2_RESPONSE (MS-NLMP §2.2.2.8) with its NTLMv2_CLIENT_CHALLENGE (§2.2.2.7).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NtlmV2Response {
    /// Response: the NTProofStr.
    pub nt_proof_str: [u8; 16],
    /// RespType, MUST be 1.
    pub resp_type: u8,
    /// HiRespType, MUST be 1.
    pub hi_resp_type: u8,
    /// TimeStamp (FILETIME).
    pub timestamp: u64,
    /// ChallengeFromClient.
    pub client_challenge: [u8; 8],
    /// AvPairs (without MsvAvEOL).
    pub av_pairs: Vec<AvPair>,
    /// temp: everything after NTProofStr, exactly as sent (what NTProofStr covers).
    pub temp: Vec<u8>,
}

impl NtlmV2Response {
    /// Splits an NtChallengeResponse; refuses empty (anonymous), 24-byte (NTLMv1) and short
    /// ones, and malformed AV pairs.
    pub fn decode(nt_response: &[u8]) -> Result<NtlmV2Response, ParseError> {
        match nt_response.len() {
            0 => return Err(ParseError::AnonymousResponse),
            24 => return Err(ParseError::NtlmV1Response),
            len if len < 16 + 28 => return Err(ParseError::NtResponseTooShort { len }),
            _ => {}
        }
        let r = Reader {
            bytes: nt_response,
            what: "NTLMv2_RESPONSE",
        };
        let nt_proof_str = r.arr::<16>(0)?;
        let [resp_type, hi_resp_type] = r.arr::<2>(16)?;
        let timestamp = u64::from_le_bytes(r.arr::<8>(24)?);
        let client_challenge = r.arr::<8>(32)?;
        let av_pairs = decode_av_pairs(nt_response.get(44..).unwrap_or_default())?;
        Ok(NtlmV2Response {
            nt_proof_str,
            resp_type,
            hi_resp_type,
            timestamp,
            client_challenge,
            av_pairs,
            temp: nt_response.get(16..).unwrap_or_default().to_vec(),
        })
    }
}

fn push_ntlmv2_response(trace: &mut Trace, v2: &NtlmV2Response) {
    trace.push(
        "nt-proof-str",
        Tr::new("NTProofStr (first 16 bytes)", "NTProofStr（前 16 字节）"),
        v2.nt_proof_str.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.8: Response = NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp), the proof of the password.",
            "MS-NLMP §2.2.2.8：Response 即 NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp)，用来证明客户端知道密码。",
        ),
    );
    trace.push(
        "temp",
        Tr::new(
            "temp (NTLMv2_CLIENT_CHALLENGE)",
            "temp（NTLMv2_CLIENT_CHALLENGE）",
        ),
        v2.temp.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.7: RespType 1, HiRespType 1, 6 zero bytes, TimeStamp, ChallengeFromClient, 4 zero bytes, the AV pairs, then 4 zero bytes.",
            "MS-NLMP §2.2.2.7：RespType 1、HiRespType 1、6 个零字节、TimeStamp、ChallengeFromClient、4 个零字节、AV 对，最后 4 个零字节。",
        ),
    );
    trace.push(
        "client-timestamp",
        Tr::new("TimeStamp (FILETIME)", "TimeStamp（FILETIME 时间戳）"),
        v2.timestamp.to_le_bytes().to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.7: 100-nanosecond ticks since 1601-01-01 UTC, little-endian; the server's MsvAvTimestamp if it sent one.",
            "MS-NLMP §2.2.2.7：自 1601-01-01 UTC 起的 100 纳秒计数，小端序；若服务器发送了 MsvAvTimestamp 则用它。",
        ),
    );
    trace.push(
        "client-challenge",
        Tr::new(
            "ChallengeFromClient (8 bytes)",
            "ChallengeFromClient（8 字节客户端质询）",
        ),
        v2.client_challenge.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.7: the client's own 8-byte random nonce.",
            "MS-NLMP §2.2.2.7：客户端自己的 8 字节随机数。",
        ),
    );
}

// ---------------------------------------------------------------------------------------
// The NTLMv2 computation
// ---------------------------------------------------------------------------------------

/// NTOWFv1, the NT hash: MD4(UTF-16LE(password)) (MS-NLMP §3.3.1).
pub fn nt_hash(password: &str) -> [u8; 16] {
    Md4::digest(utf16le(password)).into()
}

/// UTF-16LE(UPPERCASE(user) ‖ domain), the HMAC message of NTOWFv2.
pub fn user_domain(user: &str, domain: &str) -> Vec<u8> {
    let mut text = user.to_uppercase();
    text.push_str(domain);
    utf16le(&text)
}

/// NTOWFv2 = HMAC_MD5(NT hash, UTF-16LE(UPPERCASE(user) ‖ domain)) (MS-NLMP §3.3.2).
pub fn ntowfv2(password: &str, user: &str, domain: &str) -> [u8; 16] {
    hmac_md5(
        &nt_hash(password),
        &user_domain(user, domain),
        &mut Trace::default(),
    )
}

/// temp = 01 01 Z(6) Time ClientChallenge Z(4) AvPairs Z(4) (MS-NLMP §3.3.2); `av_pairs`
/// are the bytes as on the wire, MsvAvEOL included.
pub fn temp(timestamp: u64, client_challenge: [u8; 8], av_pairs: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(28 + av_pairs.len() + 4);
    out.extend_from_slice(&[1, 1, 0, 0, 0, 0, 0, 0]);
    out.extend_from_slice(&timestamp.to_le_bytes());
    out.extend_from_slice(&client_challenge);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(av_pairs);
    out.extend_from_slice(&[0, 0, 0, 0]);
    out
}

/// What the NTLMv2 computation needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NtlmV2Input {
    /// The user name (upper-cased for NTOWFv2).
    pub user: String,
    /// The domain (as typed).
    pub domain: String,
    /// The password.
    pub password: String,
    /// The 8-byte server challenge from the CHALLENGE.
    pub server_challenge: [u8; 8],
    /// The client's 8-byte nonce.
    pub client_challenge: [u8; 8],
    /// FILETIME: 100 ns ticks since 1601-01-01 UTC.
    pub timestamp: u64,
    /// TargetInfo's AV pairs as on the wire (MsvAvEOL included).
    pub av_pairs: Vec<u8>,
}

/// MS-NLMP §4.2.4's inputs: User / Domain / Password, server challenge 0123456789abcdef,
/// client challenge aa×8, time zero, AV pairs NbDomainName "Domain", NbComputerName "Server".
pub fn ms_nlmp_4_2_4_input() -> NtlmV2Input {
    NtlmV2Input {
        user: "User".into(),
        domain: "Domain".into(),
        password: "Password".into(),
        server_challenge: MS_NLMP_SERVER_CHALLENGE,
        client_challenge: [0xaa; 8],
        timestamp: 0,
        av_pairs: encode_av_pairs(&[
            AvPair::text(AvId::NbDomainName, "Domain"),
            AvPair::text(AvId::NbComputerName, "Server"),
        ]),
    }
}

/// The NTOWFv2 steps; returns NTOWFv2.
fn ntowfv2_steps(password: &str, user: &str, domain: &str, trace: &mut Trace) -> [u8; 16] {
    let password_utf16 = trace.push(
        "password-utf16le",
        Tr::new("UNICODE(password): UTF-16LE", "UNICODE(密码)：UTF-16LE"),
        utf16le(password),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.1: the password as UTF-16 little-endian, two bytes per character here, no terminating NUL.",
            "MS-NLMP §3.3.1：密码编码为 UTF-16 小端序（这里每个字符两个字节），不带结尾 NUL。",
        ),
    );
    let hash: [u8; 16] = Md4::digest(&password_utf16).into();
    trace.push(
        "nt-hash",
        Tr::new("NT hash = MD4(UNICODE(password))", "NT 散列 = MD4(UNICODE(密码))"),
        hash.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.1: NTOWFv1 = MD4 of the UTF-16LE password: the 16-byte NT hash a Windows domain stores for the account.",
            "MS-NLMP §3.3.1：NTOWFv1 = UTF-16LE 密码的 MD4，即 Windows 域为该账户保存的 16 字节 NT 散列。",
        ),
    );
    let message = trace.push(
        "user-domain",
        Tr::new(
            "UNICODE(UPPERCASE(user) ‖ domain)",
            "UNICODE(大写(用户名) ‖ 域名)",
        ),
        user_domain(user, domain),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the user name upper-cased, then the domain exactly as given (not upper-cased), as UTF-16LE.",
            "MS-NLMP §3.3.2：用户名转为大写，后接原样的域名（不转大写），编码为 UTF-16LE。",
        ),
    );
    let key = hmac_md5(&hash, &message, &mut Trace::default());
    trace.push(
        "ntowfv2",
        Tr::new(
            "NTOWFv2 = HMAC_MD5(NT hash, user ‖ domain)",
            "NTOWFv2 = HMAC_MD5(NT 散列, 用户名 ‖ 域名)",
        ),
        key.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: HMAC-MD5 keyed with the NT hash; the result is both ResponseKeyNT and ResponseKeyLM.",
            "MS-NLMP §3.3.2：以 NT 散列为密钥的 HMAC-MD5；结果同时是 ResponseKeyNT 和 ResponseKeyLM。",
        ),
    );
    key
}

/// NTProofStr from NTOWFv2, the server challenge and temp, recorded.
fn proof_steps(
    key: &[u8; 16],
    server_challenge: &[u8; 8],
    temp: &[u8],
    trace: &mut Trace,
) -> [u8; 16] {
    let mut input = server_challenge.to_vec();
    input.extend_from_slice(temp);
    trace.push(
        "nt-proof-input",
        Tr::new("ServerChallenge ‖ temp", "ServerChallenge ‖ temp"),
        input.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the 8-byte server challenge from the CHALLENGE, then temp.",
            "MS-NLMP §3.3.2：来自 CHALLENGE 的 8 字节服务器质询，后接 temp。",
        ),
    );
    let proof = hmac_md5(key, &input, &mut Trace::default());
    trace.push(
        "nt-proof-str",
        Tr::new(
            "NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp)",
            "NTProofStr = HMAC_MD5(NTOWFv2, ServerChallenge ‖ temp)",
        ),
        proof.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the 16 bytes that prove knowledge of the password for this server challenge.",
            "MS-NLMP §3.3.2：这 16 个字节证明客户端针对本次服务器质询知道密码。",
        ),
    );
    proof
}

fn session_base_key_step(key: &[u8; 16], proof: &[u8; 16], trace: &mut Trace) -> [u8; 16] {
    let base = hmac_md5(key, proof, &mut Trace::default());
    trace.push(
        "session-base-key",
        Tr::new(
            "SessionBaseKey = HMAC_MD5(NTOWFv2, NTProofStr)",
            "SessionBaseKey = HMAC_MD5(NTOWFv2, NTProofStr)",
        ),
        base.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the key both sides now share; for NTLMv2 it is also the KeyExchangeKey (§3.4.5.1).",
            "MS-NLMP §3.3.2：双方此时共享的密钥；NTLMv2 中它也是 KeyExchangeKey（§3.4.5.1）。",
        ),
    );
    base
}

/// The NTLMv2 computation, step by step: `password-utf16le`, `nt-hash`, `user-domain`,
/// `ntowfv2`, `temp`, `nt-proof-input`, `nt-proof-str`, `nt-challenge-response`,
/// `lmv2-input`, `lmv2-response`, `session-base-key`.
pub fn ntlmv2(input: &NtlmV2Input) -> Trace {
    let mut trace = Trace::default();
    let key = ntowfv2_steps(&input.password, &input.user, &input.domain, &mut trace);
    let temp = trace.push(
        "temp",
        Tr::new(
            "temp = 01 01 Z(6) Time ClientChallenge Z(4) AvPairs Z(4)",
            "temp = 01 01 Z(6) 时间 客户端质询 Z(4) AV对 Z(4)",
        ),
        temp(input.timestamp, input.client_challenge, &input.av_pairs),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: Responserversion 1, HiResponserversion 1, six zero bytes, the 8-byte FILETIME, the 8-byte client challenge, four zeros, the CHALLENGE's AV pairs (MsvAvEOL included), four zeros.",
            "MS-NLMP §3.3.2：Responserversion 1、HiResponserversion 1、6 个零字节、8 字节 FILETIME、8 字节客户端质询、4 个零、CHALLENGE 中的 AV 对（含 MsvAvEOL）、4 个零。",
        ),
    );
    let proof = proof_steps(&key, &input.server_challenge, &temp, &mut trace);
    let mut response = proof.to_vec();
    response.extend_from_slice(&temp);
    trace.push(
        "nt-challenge-response",
        Tr::new(
            "NtChallengeResponse = NTProofStr ‖ temp",
            "NtChallengeResponse = NTProofStr ‖ temp",
        ),
        response,
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2 and §2.2.2.8: temp travels in the clear after the proof, so the server can recompute NTProofStr.",
            "MS-NLMP §3.3.2 和 §2.2.2.8：temp 以明文跟在证明之后，服务器据此重新计算 NTProofStr。",
        ),
    );
    lmv2_steps(
        &key,
        &input.server_challenge,
        &input.client_challenge,
        &mut trace,
    );
    session_base_key_step(&key, &proof, &mut trace);
    trace
}

fn lmv2_steps(
    key: &[u8; 16],
    server_challenge: &[u8; 8],
    client_challenge: &[u8; 8],
    trace: &mut Trace,
) -> Vec<u8> {
    let mut input = server_challenge.to_vec();
    input.extend_from_slice(client_challenge);
    trace.push(
        "lmv2-input",
        Tr::new(
            "ServerChallenge ‖ ClientChallenge",
            "ServerChallenge ‖ ClientChallenge",
        ),
        input.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: LMv2 hashes only the two 8-byte challenges.",
            "MS-NLMP §3.3.2：LMv2 只对两个 8 字节质询做散列。",
        ),
    );
    let mut lm = hmac_md5(key, &input, &mut Trace::default()).to_vec();
    lm.extend_from_slice(client_challenge);
    trace.push(
        "lmv2-response",
        Tr::new(
            "LmChallengeResponse = HMAC_MD5(NTOWFv2, SC ‖ CC) ‖ CC",
            "LmChallengeResponse = HMAC_MD5(NTOWFv2, SC ‖ CC) ‖ CC",
        ),
        lm,
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2 and §2.2.2.4: 16 bytes of HMAC, then the client challenge again (24 bytes); ResponseKeyLM = NTOWFv2.",
            "MS-NLMP §3.3.2 和 §2.2.2.4：16 字节 HMAC 后再接一次客户端质询（共 24 字节）；ResponseKeyLM = NTOWFv2。",
        ),
    )
}

/// RC4 with a 16-byte key (MS-NLMP §3.4.5.1 key exchange; RC4 is symmetric).
pub fn rc4(key: &[u8; 16], data: &[u8]) -> Vec<u8> {
    let mut state = [0u8; 256];
    for (i, s) in state.iter_mut().enumerate() {
        *s = u8::try_from(i).unwrap_or(0);
    }
    let mut j = 0u8;
    for i in 0..256usize {
        j = j.wrapping_add(state[i]).wrapping_add(key[i % 16]);
        state.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|byte| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(state[usize::from(i)]);
            state.swap(usize::from(i), usize::from(j));
            let k = state[usize::from(state[usize::from(i)].wrapping_add(state[usize::from(j)]))];
            byte ^ k
        })
        .collect()
}

/// ExportedSessionKey (MS-NLMP §3.2.5.1.2): with KEY_EXCH and a 16-byte
/// EncryptedRandomSessionKey, RC4-decrypted under the KeyExchangeKey (= SessionBaseKey for
/// NTLMv2); otherwise the KeyExchangeKey itself.
pub fn exported_session_key(
    flags: Flags,
    session_base_key: &[u8; 16],
    encrypted_random_session_key: &[u8],
) -> [u8; 16] {
    match <&[u8; 16]>::try_from(encrypted_random_session_key) {
        Ok(encrypted) if flags.contains(Flags::NEGOTIATE_KEY_EXCH) => {
            let plain = rc4(session_base_key, encrypted);
            <[u8; 16]>::try_from(plain.as_slice()).unwrap_or(*session_base_key)
        }
        _ => *session_base_key,
    }
}

/// The MIC (MS-NLMP §3.1.5.1.2): HMAC_MD5(ExportedSessionKey, NEGOTIATE ‖ CHALLENGE ‖
/// AUTHENTICATE with its MIC field zeroed). `None` when the AUTHENTICATE has no MIC field.
pub fn mic(
    exported_session_key: &[u8; 16],
    negotiate: &[u8],
    challenge: &[u8],
    authenticate: &[u8],
) -> Option<[u8; 16]> {
    Authenticate::decode(authenticate).ok()?.mic?;
    let mut input = Vec::with_capacity(negotiate.len() + challenge.len() + authenticate.len());
    input.extend_from_slice(negotiate);
    input.extend_from_slice(challenge);
    let at = input.len();
    input.extend_from_slice(authenticate);
    input.get_mut(at + 72..at + 88)?.fill(0);
    Some(hmac_md5(
        exported_session_key,
        &input,
        &mut Trace::default(),
    ))
}

// ---------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------

/// What the client puts into its AUTHENTICATE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientInput {
    /// The user name.
    pub user: String,
    /// The user's domain (may be empty).
    pub domain: String,
    /// The password.
    pub password: String,
    /// The client computer's name (may be empty).
    pub workstation: String,
    /// The client's 8-byte nonce (random in real life; an argument here).
    pub client_challenge: [u8; 8],
    /// The client's time as a FILETIME, used unless the CHALLENGE has MsvAvTimestamp.
    pub timestamp: u64,
    /// With `Some`, and KEY_EXCH offered by the server, this random session key is sent
    /// RC4-encrypted under the SessionBaseKey.
    pub random_session_key: Option<[u8; 16]>,
    /// A Version to send (sets NTLMSSP_NEGOTIATE_VERSION).
    pub version: Option<Version>,
}

/// MS-NLMP §4.2.1 and §4.2.4.3's client: User / Domain / Password on COMPUTER, client
/// challenge aa×8, time zero, random session key 55×16, Version 5.1 build 2600.
pub fn ms_nlmp_example() -> ClientInput {
    ClientInput {
        user: "User".into(),
        domain: "Domain".into(),
        password: "Password".into(),
        workstation: "COMPUTER".into(),
        client_challenge: [0xaa; 8],
        timestamp: 0,
        random_session_key: Some([0x55; 16]),
        version: Some(Version {
            major: 5,
            minor: 1,
            build: 2600,
            reserved: [0; 3],
            revision: Version::NTLMSSP_REVISION_W2K3,
        }),
    }
}

/// The client's NEGOTIATE: [`CLIENT_NEGOTIATE_FLAGS`], no domain, no workstation, no
/// Version (32 bytes). Encode it with [`Negotiate::encode`].
pub fn client_negotiate() -> Negotiate {
    Negotiate {
        flags: CLIENT_NEGOTIATE_FLAGS,
        ..Negotiate::default()
    }
}

/// The flags the client echoes from the CHALLENGE into its AUTHENTICATE.
const CLIENT_ECHO: Flags = Flags(
    Flags::NEGOTIATE_UNICODE.0
        | Flags::NEGOTIATE_SIGN.0
        | Flags::NEGOTIATE_SEAL.0
        | Flags::NEGOTIATE_ALWAYS_SIGN.0
        | Flags::NEGOTIATE_EXTENDED_SESSIONSECURITY.0
        | Flags::NEGOTIATE_TARGET_INFO.0
        | Flags::NEGOTIATE_128.0
        | Flags::NEGOTIATE_56.0,
);

/// The client's answer to a CHALLENGE (already base64-decoded): every step of the NTLMv2
/// computation, then `authenticate` (the message bytes) and `response` (its base64, the
/// SMTP line). Refuses a CHALLENGE that does not decode.
///
/// Flags: the CHALLENGE's UNICODE (else OEM), SIGN, SEAL, ALWAYS_SIGN,
/// EXTENDED_SESSIONSECURITY, TARGET_INFO, 128 and 56, plus NTLM and REQUEST_TARGET; KEY_EXCH
/// when the server offers it and `random_session_key` is given; VERSION with `version`.
/// The time is the CHALLENGE's MsvAvTimestamp if it has one (MS-NLMP §3.1.5.1.2), else
/// `input.timestamp`. No MIC is sent.
pub fn client_authenticate(challenge: &[u8], input: &ClientInput) -> Result<Trace, ParseError> {
    let parsed = Challenge::decode(challenge)?;
    let mut trace = Trace::default();
    trace.push(
        "challenge-message",
        Tr::new("CHALLENGE_MESSAGE received", "收到的 CHALLENGE_MESSAGE"),
        challenge.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.1.2: the server's type 2 message, base64-decoded from the 334 line.",
            "MS-NLMP §2.2.1.2：服务器的第 2 类消息，从 334 行 base64 解码得到。",
        ),
    );
    trace.push(
        "server-challenge",
        Tr::new("ServerChallenge", "ServerChallenge（服务器质询）"),
        parsed.server_challenge.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.1.2: bytes 24–31 of the CHALLENGE.",
            "MS-NLMP §2.2.1.2：CHALLENGE 的第 24–31 字节。",
        ),
    );
    let av_pairs = encode_av_pairs(parsed.target_info.as_deref().unwrap_or_default());
    trace.push(
        "av-pairs",
        Tr::new("AV pairs copied into temp", "复制到 temp 中的 AV 对"),
        av_pairs.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: the CHALLENGE's TargetInfo (ServerName in the spec's pseudocode), ending with MsvAvEOL.",
            "MS-NLMP §3.3.2：CHALLENGE 中的 TargetInfo（规范伪代码中的 ServerName），以 MsvAvEOL 结尾。",
        ),
    );
    let (timestamp, time_explain) = match parsed.timestamp() {
        Some(server) => (
            server,
            Tr::new(
                "MS-NLMP §3.1.5.1.2: the CHALLENGE has MsvAvTimestamp, so the client uses the server's time, not its own.",
                "MS-NLMP §3.1.5.1.2：CHALLENGE 中有 MsvAvTimestamp，所以客户端使用服务器的时间而非自己的时间。",
            ),
        ),
        None => (
            input.timestamp,
            Tr::new(
                "MS-NLMP §3.1.5.1.2: no MsvAvTimestamp in the CHALLENGE, so the client's own time (a FILETIME: 100 ns ticks since 1601).",
                "MS-NLMP §3.1.5.1.2：CHALLENGE 中没有 MsvAvTimestamp，所以使用客户端自己的时间（FILETIME：自 1601 年起的 100 纳秒数）。",
            ),
        ),
    };
    trace.push(
        "timestamp",
        Tr::new("Time (FILETIME, little-endian)", "时间（FILETIME，小端序）"),
        timestamp.to_le_bytes().to_vec(),
        View::Hex,
        time_explain,
    );
    let key = ntowfv2_steps(&input.password, &input.user, &input.domain, &mut trace);
    let temp = trace.push(
        "temp",
        Tr::new(
            "temp = 01 01 Z(6) Time ClientChallenge Z(4) AvPairs Z(4)",
            "temp = 01 01 Z(6) 时间 客户端质询 Z(4) AV对 Z(4)",
        ),
        temp(timestamp, input.client_challenge, &av_pairs),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2: Responserversion 1, HiResponserversion 1, six zero bytes, the time, the 8-byte client challenge, four zeros, the AV pairs, four zeros.",
            "MS-NLMP §3.3.2：Responserversion 1、HiResponserversion 1、6 个零字节、时间、8 字节客户端质询、4 个零、AV 对、4 个零。",
        ),
    );
    let proof = proof_steps(&key, &parsed.server_challenge, &temp, &mut trace);
    let mut nt_response = proof.to_vec();
    nt_response.extend_from_slice(&temp);
    trace.push(
        "nt-challenge-response",
        Tr::new(
            "NtChallengeResponse = NTProofStr ‖ temp",
            "NtChallengeResponse = NTProofStr ‖ temp",
        ),
        nt_response.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.3.2 and §2.2.2.8: temp travels in the clear after the proof, so the server can recompute NTProofStr.",
            "MS-NLMP §3.3.2 和 §2.2.2.8：temp 以明文跟在证明之后，服务器据此重新计算 NTProofStr。",
        ),
    );
    let lm_response = lmv2_steps(
        &key,
        &parsed.server_challenge,
        &input.client_challenge,
        &mut trace,
    );
    let base = session_base_key_step(&key, &proof, &mut trace);

    let mut flags = parsed
        .flags
        .intersection(CLIENT_ECHO)
        .union(Flags::NEGOTIATE_NTLM)
        .union(Flags::REQUEST_TARGET);
    if !flags.contains(Flags::NEGOTIATE_UNICODE) {
        flags = flags.union(Flags::NEGOTIATE_OEM);
    }
    if input.version.is_some() {
        flags = flags.union(Flags::NEGOTIATE_VERSION);
    }
    let mut encrypted_key = Vec::new();
    if let (Some(random), true) = (
        input.random_session_key,
        parsed.flags.contains(Flags::NEGOTIATE_KEY_EXCH),
    ) {
        flags = flags.union(Flags::NEGOTIATE_KEY_EXCH);
        encrypted_key = trace.push(
            "encrypted-random-session-key",
            Tr::new(
                "EncryptedRandomSessionKey = RC4(SessionBaseKey, random key)",
                "EncryptedRandomSessionKey = RC4(SessionBaseKey, 随机密钥)",
            ),
            rc4(&base, &random),
            View::Hex,
            Tr::new(
                "MS-NLMP §3.1.5.1.2: with NTLMSSP_NEGOTIATE_KEY_EXCH the client picks a random ExportedSessionKey and sends it RC4-encrypted under the KeyExchangeKey (= SessionBaseKey for NTLMv2).",
                "MS-NLMP §3.1.5.1.2：设置 NTLMSSP_NEGOTIATE_KEY_EXCH 时，客户端选取随机的 ExportedSessionKey，用 KeyExchangeKey（NTLMv2 中即 SessionBaseKey）做 RC4 加密后发送。",
            ),
        );
    }
    trace.push(
        "authenticate-flags",
        Tr::new("NegotiateFlags of the AUTHENTICATE", "AUTHENTICATE 的 NegotiateFlags"),
        flags.render().into_bytes(),
        View::Text,
        Tr::new(
            "MS-NLMP §3.1.5.1.2: the client keeps the server's choices it supports and adds NTLM and REQUEST_TARGET.",
            "MS-NLMP §3.1.5.1.2：客户端保留服务器所选且自己支持的功能，并加上 NTLM 和 REQUEST_TARGET。",
        ),
    );
    let message = Authenticate {
        flags,
        lm_response,
        nt_response,
        domain: input.domain.clone(),
        user: input.user.clone(),
        workstation: input.workstation.clone(),
        encrypted_random_session_key: encrypted_key,
        version: input.version,
        mic: None,
    }
    .encode();
    trace.push(
        "authenticate",
        Tr::new("AUTHENTICATE_MESSAGE", "AUTHENTICATE_MESSAGE（认证消息）"),
        message.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.1.3: the 64-byte header (72 with Version), then DomainName, UserName, Workstation, LmChallengeResponse, NtChallengeResponse, EncryptedRandomSessionKey.",
            "MS-NLMP §2.2.1.3：64 字节头部（带 Version 时 72 字节），随后是 DomainName、UserName、Workstation、LmChallengeResponse、NtChallengeResponse、EncryptedRandomSessionKey。",
        ),
    );
    trace.push(
        "response",
        Tr::new(
            "Response (base64), sent as one line",
            "响应（base64），作为一行发送",
        ),
        BASE64.encode(&message).into_bytes(),
        View::Base64,
        Tr::new(
            "RFC 4954 §4: every SASL response in SMTP is base64-encoded.",
            "RFC 4954 §4：SMTP 中每个 SASL 响应都要 base64 编码。",
        ),
    );
    Ok(trace)
}

// ---------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------

/// What the server puts into its CHALLENGE.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChallengeInput {
    /// The 8-byte server challenge: random and never reused (an argument here).
    pub server_challenge: [u8; 8],
    /// The flags of the client's NEGOTIATE.
    pub client_flags: Flags,
    /// NetBIOS domain name (also the TargetName when not empty).
    pub nb_domain: String,
    /// NetBIOS computer name.
    pub nb_computer: String,
    /// DNS domain name (omitted when empty).
    pub dns_domain: String,
    /// DNS computer name (omitted when empty).
    pub dns_computer: String,
    /// An MsvAvTimestamp to include (FILETIME); clients then use it and add a MIC.
    pub timestamp: Option<u64>,
    /// A Version to send (sets NTLMSSP_NEGOTIATE_VERSION).
    pub version: Option<Version>,
}

/// The server's CHALLENGE for a client's NEGOTIATE. Encode it with [`Challenge::encode`].
///
/// Flags: UNICODE if the client offered it (else OEM), NTLM, TARGET_INFO,
/// TARGET_TYPE_DOMAIN (TARGET_TYPE_SERVER when `nb_domain` is empty), and the client's
/// REQUEST_TARGET, ALWAYS_SIGN, EXTENDED_SESSIONSECURITY, SIGN, SEAL, 128, 56 and
/// KEY_EXCH echoed; VERSION with `version`. AV pairs: NbDomainName, NbComputerName, then
/// DnsDomainName, DnsComputerName and Timestamp when given.
pub fn server_challenge(input: &ChallengeInput) -> Challenge {
    const ECHO: Flags = Flags(
        Flags::REQUEST_TARGET.0
            | Flags::NEGOTIATE_ALWAYS_SIGN.0
            | Flags::NEGOTIATE_EXTENDED_SESSIONSECURITY.0
            | Flags::NEGOTIATE_SIGN.0
            | Flags::NEGOTIATE_SEAL.0
            | Flags::NEGOTIATE_128.0
            | Flags::NEGOTIATE_56.0
            | Flags::NEGOTIATE_KEY_EXCH.0,
    );
    let unicode = input.client_flags.contains(Flags::NEGOTIATE_UNICODE);
    let mut flags = input
        .client_flags
        .intersection(ECHO)
        .union(Flags::NEGOTIATE_NTLM)
        .union(Flags::NEGOTIATE_TARGET_INFO)
        .union(if unicode {
            Flags::NEGOTIATE_UNICODE
        } else {
            Flags::NEGOTIATE_OEM
        });
    let (target, kind) = if input.nb_domain.is_empty() {
        (&input.nb_computer, Flags::TARGET_TYPE_SERVER)
    } else {
        (&input.nb_domain, Flags::TARGET_TYPE_DOMAIN)
    };
    flags = flags.union(kind);
    if input.version.is_some() {
        flags = flags.union(Flags::NEGOTIATE_VERSION);
    }
    let mut pairs = vec![
        AvPair::text(AvId::NbDomainName, &input.nb_domain),
        AvPair::text(AvId::NbComputerName, &input.nb_computer),
    ];
    if !input.dns_domain.is_empty() {
        pairs.push(AvPair::text(AvId::DnsDomainName, &input.dns_domain));
    }
    if !input.dns_computer.is_empty() {
        pairs.push(AvPair::text(AvId::DnsComputerName, &input.dns_computer));
    }
    if let Some(time) = input.timestamp {
        pairs.push(AvPair::timestamp(time));
    }
    Challenge {
        flags,
        target_name: encode_text(target, unicode),
        server_challenge: input.server_challenge,
        reserved: [0; 8],
        target_info: Some(pairs),
        version: input.version,
    }
}

/// The server's verdict on an AUTHENTICATE.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerCheck {
    /// UserName from the AUTHENTICATE.
    pub user: String,
    /// DomainName from the AUTHENTICATE.
    pub domain: String,
    /// Workstation from the AUTHENTICATE.
    pub workstation: String,
    /// Whether the NTProofStr matched (compared in constant time).
    pub ok: bool,
    /// SessionBaseKey (meaningful only when `ok`).
    pub session_base_key: [u8; 16],
    /// ExportedSessionKey (for [`mic`]; meaningful only when `ok`).
    pub exported_session_key: [u8; 16],
    /// Every step of the check.
    pub trace: Trace,
}

/// The server's check (MS-NLMP §3.2.5.1.2): decode the CHALLENGE it sent and the
/// client's AUTHENTICATE, recompute NTProofStr from the stored password, the user and
/// domain the client named, the server challenge and the client's temp, and compare in
/// constant time. Errors for undecodable messages and for anonymous, NTLMv1 or malformed
/// NTLMv2 responses. Does not check the time in temp (the engine has no clock) nor the MIC
/// (see [`mic`]).
pub fn server_check(
    challenge: &[u8],
    authenticate: &[u8],
    password: &str,
) -> Result<ServerCheck, ParseError> {
    let sent = Challenge::decode(challenge)?;
    let auth = Authenticate::decode(authenticate)?;
    let v2 = NtlmV2Response::decode(&auth.nt_response)?;
    let mut trace = Trace::default();
    trace.push(
        "server-challenge",
        Tr::new(
            "ServerChallenge (from the CHALLENGE sent)",
            "ServerChallenge（来自已发送的 CHALLENGE）",
        ),
        sent.server_challenge.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §3.2.5.1.2: the server uses the challenge it sent on this connection, never one the client names.",
            "MS-NLMP §3.2.5.1.2：服务器使用自己在本连接上发送的质询，绝不使用客户端指定的质询。",
        ),
    );
    trace.push(
        "user",
        Tr::new(
            "UserName (from the AUTHENTICATE)",
            "UserName（来自 AUTHENTICATE）",
        ),
        auth.user.clone().into_bytes(),
        View::Text,
        Tr::new(
            "MS-NLMP §2.2.1.3: the account whose stored password the server looks up.",
            "MS-NLMP §2.2.1.3：服务器据此查找所保存密码的账户。",
        ),
    );
    trace.push(
        "domain",
        Tr::new(
            "DomainName (from the AUTHENTICATE)",
            "DomainName（来自 AUTHENTICATE）",
        ),
        auth.domain.clone().into_bytes(),
        View::Text,
        Tr::new(
            "MS-NLMP §3.3.2: the domain goes into NTOWFv2 exactly as the client sent it.",
            "MS-NLMP §3.3.2：域名按客户端发送的原样参与 NTOWFv2 计算。",
        ),
    );
    trace.push(
        "nt-proof-str-received",
        Tr::new("NTProofStr received", "收到的 NTProofStr"),
        v2.nt_proof_str.to_vec(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.8: the first 16 bytes of the NtChallengeResponse.",
            "MS-NLMP §2.2.2.8：NtChallengeResponse 的前 16 个字节。",
        ),
    );
    trace.push(
        "temp",
        Tr::new("temp received", "收到的 temp"),
        v2.temp.clone(),
        View::Hex,
        Tr::new(
            "MS-NLMP §2.2.2.7: the rest of the NtChallengeResponse, used exactly as sent.",
            "MS-NLMP §2.2.2.7：NtChallengeResponse 的其余部分，按原样使用。",
        ),
    );
    let key = ntowfv2_steps(password, &auth.user, &auth.domain, &mut trace);
    let proof = proof_steps(&key, &sent.server_challenge, &v2.temp, &mut trace);
    let ok = super::secrets_match(&v2.nt_proof_str, &proof);
    trace.push(
        "verdict",
        if ok {
            Tr::new("NTProofStr matches", "NTProofStr 一致")
        } else {
            Tr::new("NTProofStr does not match", "NTProofStr 不一致")
        },
        if ok { b"match".to_vec() } else { b"mismatch".to_vec() },
        View::Text,
        if ok {
            Tr::new(
                "MS-NLMP §3.2.5.1.2: the recomputed proof equals the received one (compared in constant time): 235.",
                "MS-NLMP §3.2.5.1.2：重新计算的证明与收到的一致（以恒定时间比较）：回复 235。",
            )
        } else {
            Tr::new(
                "MS-NLMP §3.2.5.1.2: the proofs differ: wrong password, user, domain or challenge, or a changed byte: 535.",
                "MS-NLMP §3.2.5.1.2：证明不一致：密码、用户名、域名或质询有误，或有字节被改动：回复 535。",
            )
        },
    );
    let session_base_key = session_base_key_step(&key, &proof, &mut trace);
    let exported = exported_session_key(
        auth.flags,
        &session_base_key,
        &auth.encrypted_random_session_key,
    );
    Ok(ServerCheck {
        user: auth.user,
        domain: auth.domain,
        workstation: auth.workstation,
        ok,
        session_base_key,
        exported_session_key: exported,
        trace,
    })
}

/// [`server_check`] reduced to yes or no (false for anything that does not decode).
pub fn verify(challenge: &[u8], authenticate: &[u8], password: &str) -> bool {
    server_check(challenge, authenticate, password).is_ok_and(|check| check.ok)
}

/// DES of one block under a 7-byte key, spread over 8 bytes as DES expects (the low bit
/// of each byte is parity, which DES ignores).
fn des_block(key7: &[u8], data: &[u8; 8]) -> [u8; 8] {
    use des::cipher::{generic_array::GenericArray, BlockEncrypt, KeyInit};
    let mut bits: u64 = 0;
    for (i, b) in key7.iter().take(7).enumerate() {
        bits |= u64::from(*b) << (48 - 8 * i);
    }
    let mut key = [0u8; 8];
    for (i, k) in key.iter_mut().enumerate() {
        *k = (((bits >> (49 - 7 * i)) & 0x7f) as u8) << 1;
    }
    let cipher = des::Des::new(GenericArray::from_slice(&key));
    let mut block = GenericArray::clone_from_slice(data);
    cipher.encrypt_block(&mut block);
    let mut out = [0u8; 8];
    out.copy_from_slice(&block);
    out
}

/// MS-NLMP §6: `DESL(K, D)` = DES of D under K[0..7], K[7..14] and K[14..16] ‖ five zeros.
pub fn desl(key: &[u8; 16], data: &[u8; 8]) -> [u8; 24] {
    let mut third = [0u8; 7];
    third[..2].copy_from_slice(&key[14..16]);
    let mut out = [0u8; 24];
    out[..8].copy_from_slice(&des_block(&key[..7], data));
    out[8..16].copy_from_slice(&des_block(&key[7..14], data));
    out[16..].copy_from_slice(&des_block(&third, data));
    out
}

/// The NTLMv1 NtChallengeResponse (MS-NLMP §3.3.1): `DESL(NTOWFv1(password), challenge)`,
/// where with extended session security the challenge is the first 8 bytes of
/// `MD5(ServerChallenge ‖ ClientChallenge)`.
pub fn ntlmv1_response(
    password: &str,
    server_challenge: &[u8; 8],
    client_challenge: Option<&[u8; 8]>,
) -> [u8; 24] {
    let challenge = match client_challenge {
        Some(client) => {
            let mut both = server_challenge.to_vec();
            both.extend_from_slice(client);
            let digest = super::hmac_md5::md5(&both);
            let mut first = [0u8; 8];
            first.copy_from_slice(&digest[..8]);
            first
        }
        None => *server_challenge,
    };
    desl(&nt_hash(password), &challenge)
}

/// Checks an AUTHENTICATE carrying an NTLMv1 response (24 bytes), as older clients such as
/// Perl's Authen::NTLM send. NTLMv1 is weak (DES over the unsalted NT hash); the trainer
/// accepts it so those clients work, and the explanation says why it should not be used.
pub fn verify_v1(challenge: &[u8], authenticate: &[u8], password: &str) -> bool {
    let (Ok(sent), Ok(auth)) = (
        Challenge::decode(challenge),
        Authenticate::decode(authenticate),
    ) else {
        return false;
    };
    if auth.nt_response.len() != 24 {
        return false;
    }
    let ess = auth
        .flags
        .contains(Flags::NEGOTIATE_EXTENDED_SESSIONSECURITY);
    let mut client = [0u8; 8];
    let client = match auth.lm_response.get(..8) {
        Some(first) if ess => {
            client.copy_from_slice(first);
            Some(&client)
        }
        _ => None,
    };
    let want = ntlmv1_response(password, &sent.server_challenge, client);
    super::secrets_match(&auth.nt_response, &want)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_names_cover_every_named_bit_once() {
        let all = FLAGS.iter().fold(Flags(0), |acc, f| acc.union(f.flag));
        assert_eq!(all.0.count_ones(), 22);
        let reserved = RESERVED_BITS.iter().fold(0u32, |acc, (m, _)| acc | m);
        assert_eq!(all.0 & reserved, 0);
        assert_eq!(all.0 | reserved, u32::MAX);
        assert_eq!(Flags(u32::MAX).names().len(), 32);
        for f in FLAGS {
            assert_ne!(f.meaning.en, f.meaning.zh);
        }
    }

    #[test]
    fn rc4_is_its_own_inverse() {
        let key = [7u8; 16];
        let data = b"hello, NTLM".to_vec();
        assert_eq!(rc4(&key, &rc4(&key, &data)), data);
    }
}
