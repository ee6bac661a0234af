//! The client side's computation: its NEGOTIATE, and its AUTHENTICATE for a CHALLENGE,
//! every step recorded.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::av_pair::encode_av_pairs;
use super::crypto::{rc4, v2_steps, NtlmV2Input, V2Responses};
use super::{
    Authenticate, Challenge, Flags, Negotiate, ParseError, Version, CLIENT_NEGOTIATE_FLAGS,
};
use crate::i18n::Tr;
use crate::sasl::trace::{Trace, View};

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
    // Each name is a security buffer with a 16-bit length, and the whole message must fit
    // what a reader takes: a name that long makes no message.
    let names: usize = [&input.user, &input.domain, &input.workstation]
        .iter()
        .map(|n| n.encode_utf16().count() * 2)
        .sum();
    let estimate = names + challenge.len() + 256;
    if estimate > super::wire::MAX_MESSAGE_LEN {
        return Err(ParseError::TooLong { len: estimate });
    }
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
    let v2 = NtlmV2Input {
        user: input.user.clone(),
        domain: input.domain.clone(),
        password: input.password.clone(),
        server_challenge: parsed.server_challenge,
        client_challenge: input.client_challenge,
        timestamp,
        av_pairs,
    };
    let V2Responses {
        nt_response,
        lm_response,
        session_base_key: base,
    } = v2_steps(
        &v2,
        Tr::new(
            "MS-NLMP §3.3.2: Responserversion 1, HiResponserversion 1, six zero bytes, the time, the 8-byte client challenge, four zeros, the AV pairs, four zeros.",
            "MS-NLMP §3.3.2：Responserversion 1、HiResponserversion 1、6 个零字节、时间、8 字节客户端质询、4 个零、AV 对、4 个零。",
        ),
        &mut trace,
    );

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
