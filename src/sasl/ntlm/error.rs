//! Why bytes are not a well-formed NTLM message, in both languages.

use core::fmt;

use super::wire::{AUTHENTICATE, CHALLENGE, MAX_MESSAGE_LEN, NEGOTIATE};
use crate::i18n::{Lang, Tr};

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
    /// A 24-byte NtChallengeResponse: NTLMv1, not an NTLMv2 response. The NTLMv2 check
    /// ([`super::server_check`]) stops here; the server then checks the response as NTLMv1
    /// ([`super::verify_v1`]) and accepts it when it is right.
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

const TOO_LONG: Tr = Tr::new(
    "The message is {len} bytes; the trainer reads at most {max_message_len} (real NTLM messages are a few hundred).",
    "消息长 {len} 字节；本训练器最多读取 {max_message_len} 字节（真实的 NTLM 消息只有几百字节）。",
);
const TOO_SHORT: Tr = Tr::new(
    "{what} needs at least {need} bytes for its fixed fields, but has {got} (MS-NLMP §2.2.1).",
    "{what} 的固定字段至少需要 {need} 字节，实际只有 {got} 字节（MS-NLMP §2.2.1）。",
);
const BAD_SIGNATURE: Tr = Tr::new(
    "The first 8 bytes are not \"NTLMSSP\\0\" (MS-NLMP §2.2.1). Was the base64 decoded, and is this an NTLM message?",
    "前 8 个字节不是 \"NTLMSSP\\0\"（MS-NLMP §2.2.1）。是否已做 base64 解码？这是 NTLM 消息吗？",
);
const UNKNOWN_MESSAGE_TYPE: Tr = Tr::new(
    "MessageType {t} is none of 1 (NEGOTIATE), 2 (CHALLENGE), 3 (AUTHENTICATE) (MS-NLMP §2.2.1).",
    "MessageType {t} 不是 1（NEGOTIATE）、2（CHALLENGE）、3（AUTHENTICATE）中的任何一个（MS-NLMP §2.2.1）。",
);
const WRONG_MESSAGE_TYPE: Tr = Tr::new(
    "Expected a {expected_name} (type {expected}) but got a {got_name} (type {got}).",
    "应当是 {expected_name}（类型 {expected}），实际是 {got_name}（类型 {got}）。",
);
const BUFFER_OUT_OF_RANGE: Tr = Tr::new(
    "{field} says {len} bytes at offset {offset}, past the end of the {message_len}-byte message (MS-NLMP §2.2.1).",
    "{field} 指向偏移 {offset} 处的 {len} 字节，超出了 {message_len} 字节的消息末尾（MS-NLMP §2.2.1）。",
);
const BUFFER_IN_HEADER: Tr = Tr::new(
    "{field} points at offset {offset}, inside the fixed header (the payload starts at {header_len} or later).",
    "{field} 指向偏移 {offset}，落在固定头部之内（负载从 {header_len} 或之后开始）。",
);
const ODD_UNICODE_LENGTH: Tr = Tr::new(
    "{field} is {len} bytes, but a UTF-16LE string has an even number of bytes (NTLMSSP_NEGOTIATE_UNICODE is set).",
    "{field} 长 {len} 字节，但 UTF-16LE 字符串的字节数必须是偶数（已设置 NTLMSSP_NEGOTIATE_UNICODE）。",
);
const AV_PAIR_TRUNCATED: Tr = Tr::new(
    "The AV_PAIR at byte {at} of the TargetInfo runs past its end (MS-NLMP §2.2.2.1).",
    "TargetInfo 第 {at} 字节处的 AV_PAIR 超出了其末尾（MS-NLMP §2.2.2.1）。",
);
const AV_PAIR_MISSING_EOL: Tr = Tr::new(
    "The AV pairs end without MsvAvEOL; the list MUST end with it (MS-NLMP §2.2.2.1).",
    "AV 对列表没有以 MsvAvEOL 结尾；按规定必须以它结尾（MS-NLMP §2.2.2.1）。",
);
const AV_PAIR_BAD_LENGTH: Tr = Tr::new(
    "{id} has AvLen {len}; it must be {want} (MS-NLMP §2.2.2.1).",
    "{id} 的 AvLen 是 {len}；必须是 {want}（MS-NLMP §2.2.2.1）。",
);
const NOT_BASE64: Tr = Tr::new(
    "The line is not valid base64 (RFC 4954 §4: every SASL message in SMTP is base64).",
    "这一行不是有效的 base64（RFC 4954 §4：SMTP 中的每条 SASL 消息都是 base64）。",
);
const ANONYMOUS_RESPONSE: Tr = Tr::new(
    "The NtChallengeResponse is empty: an anonymous logon, which an SMTP server refuses (MS-NLMP §3.2.5.1.2).",
    "NtChallengeResponse 为空：这是匿名登录，SMTP 服务器应拒绝（MS-NLMP §3.2.5.1.2）。",
);
const NTLM_V1_RESPONSE: Tr = Tr::new(
    "The NtChallengeResponse is 24 bytes: NTLMv1 (MS-NLMP §3.3.1), DES-based and crackable, so not checked as NTLMv2; the trainer's server checks it as NTLMv1 instead, for the older clients that still send it.",
    "NtChallengeResponse 为 24 字节：这是基于 DES、可被破解的 NTLMv1（MS-NLMP §3.3.1），因此不按 NTLMv2 校验；本训练器的服务器改按 NTLMv1 校验它，以兼容仍在发送它的旧客户端。",
);
const NT_RESPONSE_TOO_SHORT: Tr = Tr::new(
    "The NtChallengeResponse is {len} bytes; NTLMv2 needs at least 44 (16-byte NTProofStr + 28-byte NTLMv2_CLIENT_CHALLENGE header, MS-NLMP §2.2.2.8).",
    "NtChallengeResponse 只有 {len} 字节；NTLMv2 至少需要 44 字节（16 字节 NTProofStr + 28 字节 NTLMv2_CLIENT_CHALLENGE 头部，MS-NLMP §2.2.2.8）。",
);

impl ParseError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        use ParseError as E;
        match self {
            E::TooLong { len } => TOO_LONG.fill(
                lang,
                &[("len", &len), ("max_message_len", &MAX_MESSAGE_LEN)],
            ),
            E::TooShort { what, need, got } => {
                TOO_SHORT.fill(lang, &[("what", &what), ("need", &need), ("got", &got)])
            }
            E::BadSignature => BAD_SIGNATURE.get(lang).to_owned(),
            E::UnknownMessageType(t) => UNKNOWN_MESSAGE_TYPE.fill(lang, &[("t", &t)]),
            E::WrongMessageType { expected, got } => WRONG_MESSAGE_TYPE.fill(
                lang,
                &[
                    ("expected_name", &type_name(*expected)),
                    ("expected", expected),
                    ("got_name", &type_name(*got)),
                    ("got", got),
                ],
            ),
            E::BufferOutOfRange {
                field,
                offset,
                len,
                message_len,
            } => BUFFER_OUT_OF_RANGE.fill(
                lang,
                &[
                    ("field", &field),
                    ("len", &len),
                    ("offset", &offset),
                    ("message_len", &message_len),
                ],
            ),
            E::BufferInHeader {
                field,
                offset,
                header_len,
            } => BUFFER_IN_HEADER.fill(
                lang,
                &[
                    ("field", &field),
                    ("offset", &offset),
                    ("header_len", &header_len),
                ],
            ),
            E::OddUnicodeLength { field, len } => {
                ODD_UNICODE_LENGTH.fill(lang, &[("field", &field), ("len", &len)])
            }
            E::AvPairTruncated { at } => AV_PAIR_TRUNCATED.fill(lang, &[("at", &at)]),
            E::AvPairMissingEol => AV_PAIR_MISSING_EOL.get(lang).to_owned(),
            E::AvPairBadLength { id, len, want } => {
                AV_PAIR_BAD_LENGTH.fill(lang, &[("id", &id), ("len", &len), ("want", &want)])
            }
            E::NotBase64 => NOT_BASE64.get(lang).to_owned(),
            E::AnonymousResponse => ANONYMOUS_RESPONSE.get(lang).to_owned(),
            E::NtlmV1Response => NTLM_V1_RESPONSE.get(lang).to_owned(),
            E::NtResponseTooShort { len } => NT_RESPONSE_TOO_SHORT.fill(lang, &[("len", &len)]),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for ParseError {}
