//! The explanation layer: a decoded message rendered step by step (every field with its
//! exact bytes, its name and its MS-NLMP section, in both languages), then a readable
//! summary. Built only on demand ([`fields`]); decoding itself ([`super::message`]) builds
//! no text.

use super::av_pair::{render_av_pairs, AvId, AvPair};
use super::message::{
    read_authenticate, read_challenge, read_negotiate, AuthenticateWire, ChallengeWire,
    NegotiateWire,
};
use super::wire::{from_oem, message_type, AUTHENTICATE, CHALLENGE, NEGOTIATE, SIGNATURE};
use super::{Flags, Negotiate, NtlmV2Response, ParseError, SecurityBuffer, Version};
use crate::i18n::Tr;
use crate::sasl::trace::{hex, Trace, View};

/// A step-by-step decoding of any message: every field with its exact bytes, then a
/// readable summary (`summary`).
pub fn fields(bytes: &[u8]) -> Result<Trace, ParseError> {
    let mut trace = Trace::default();
    match message_type(bytes)? {
        NEGOTIATE => explain_negotiate(bytes.len(), &read_negotiate(bytes)?, &mut trace),
        CHALLENGE => explain_challenge(bytes.len(), &read_challenge(bytes)?, &mut trace),
        _ => explain_authenticate(bytes.len(), &read_authenticate(bytes)?, &mut trace),
    }
    Ok(trace)
}

/// Signature and MessageType, recorded.
fn push_header(trace: &mut Trace, expected: u32) {
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

/// Each AV pair as sent, then the MsvAvEOL that ends the list.
fn push_av_pairs(trace: &mut Trace, pairs: &[AvPair]) {
    for pair in pairs {
        trace.push(
            av_step_id(pair.id),
            av_label(pair.id),
            pair.to_bytes(),
            View::Hex,
            pair.id.meaning(),
        );
    }
    trace.push(
        av_step_id(AvId::Eol),
        av_label(AvId::Eol),
        vec![0; 4],
        View::Hex,
        AvId::Eol.meaning(),
    );
}

/// A decoded NEGOTIATE, field by field, then its summary.
fn explain_negotiate(len: usize, wire: &NegotiateWire, trace: &mut Trace) {
    let Negotiate {
        flags,
        domain,
        workstation,
        version,
    } = &wire.message;
    let flags = *flags;
    push_header(trace, NEGOTIATE);
    push_flags(trace, flags);
    let mut summary = format!(
        "NEGOTIATE_MESSAGE (type 1), {} bytes\nNegotiateFlags {}\n",
        len,
        flags.render()
    );
    let Some([domain_buf, workstation_buf]) = wire.buffers else {
        summary.push_str("(no DomainNameFields or WorkstationFields: a 16-byte minimal message)\n");
        push_summary(trace, summary);
        return;
    };
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
    if let Some(v) = *version {
        push_version(trace, v);
    }
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
        from_oem(domain),
        buffer_line("WorkstationName", workstation_buf),
        from_oem(workstation)
    ));
    if let Some(v) = version {
        summary.push_str(&format!("Version: {}\n", v.render()));
    }
    push_summary(trace, summary);
}

/// A decoded CHALLENGE, field by field (AV pairs one by one), then its summary.
fn explain_challenge(len: usize, wire: &ChallengeWire<'_>, trace: &mut Trace) {
    let message = &wire.message;
    let name_buf = wire.target_name_fields;
    let flags = message.flags;
    let server_challenge = message.server_challenge;
    push_header(trace, CHALLENGE);
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
        len,
        flags.render(),
        hex(&server_challenge)
    );
    let info_buf = if let Some(info_buf) = wire.target_info_fields {
        trace.push(
            "reserved",
            Tr::new("Reserved (8 bytes)", "Reserved（8 个保留字节）"),
            message.reserved.to_vec(),
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
        info_buf
    } else {
        summary.push_str("(no Reserved or TargetInfoFields: a 32-byte pre-NTLMv2 message)\n");
        SecurityBuffer::default()
    };
    if let Some(v) = message.version {
        push_version(trace, v);
    }
    let target_name = &message.target_name;
    if !target_name.is_empty() {
        trace.push(
            "target-name",
            Tr::new("TargetName", "TargetName（目标名称）"),
            target_name.clone(),
            View::Hex,
            Tr::new(
                "MS-NLMP §2.2.1.2: the server's domain or computer name (see TARGET_TYPE_*), UTF-16LE with NTLMSSP_NEGOTIATE_UNICODE.",
                "MS-NLMP §2.2.1.2：服务器的域名或计算机名（见 TARGET_TYPE_*），设置 NTLMSSP_NEGOTIATE_UNICODE 时为 UTF-16LE。",
            ),
        );
    }
    if let Some(pairs) = &message.target_info {
        trace.push(
            "target-info",
            Tr::new("TargetInfo (AV pairs)", "TargetInfo（AV 对）"),
            wire.target_info.to_vec(),
            View::Hex,
            Tr::new(
                "MS-NLMP §2.2.1.2: a list of AV_PAIR structures naming the server; the client copies them into its NTLMv2 response.",
                "MS-NLMP §2.2.1.2：一组说明服务器身份的 AV_PAIR 结构；客户端会把它们复制到 NTLMv2 响应中。",
            ),
        );
        push_av_pairs(trace, pairs);
    }
    summary.push_str(&format!(
        "{} → {:?}\n{}\n",
        buffer_line("TargetName", name_buf),
        message.target_name_text(),
        buffer_line("TargetInfo", info_buf)
    ));
    if let Some(pairs) = &message.target_info {
        summary.push_str(&render_av_pairs(pairs));
    }
    if let Some(v) = message.version {
        summary.push_str(&format!("Version: {}\n", v.render()));
    }
    push_summary(trace, summary);
}

/// A decoded AUTHENTICATE, field by field (the NTLMv2 response split), then its summary.
fn explain_authenticate(len: usize, wire: &AuthenticateWire<'_>, trace: &mut Trace) {
    let message = &wire.message;
    let flags = message.flags;
    let [lm_buf, nt_buf, domain_buf, user_buf, ws_buf, key_buf] = wire.buffers;
    push_header(trace, AUTHENTICATE);
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
    if let Some(v) = message.version {
        push_version(trace, v);
    }
    if let Some(mic) = message.mic {
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
    }
    let lm_response = message.lm_response.as_slice();
    let nt_response = message.nt_response.as_slice();
    let key = message.encrypted_random_session_key.as_slice();
    let (domain, user, workstation) = (&message.domain, &message.user, &message.workstation);
    const STRING_EXPLAIN: Tr = Tr::new(
        "MS-NLMP §2.2.1.3: UTF-16LE with NTLMSSP_NEGOTIATE_UNICODE, else the OEM code page; no terminating NUL.",
        "MS-NLMP §2.2.1.3：设置 NTLMSSP_NEGOTIATE_UNICODE 时为 UTF-16LE，否则为 OEM 代码页；不带结尾 NUL。",
    );
    trace.push(
        "domain",
        Tr::new("DomainName", "DomainName（域名）"),
        wire.domain.to_vec(),
        View::Hex,
        STRING_EXPLAIN,
    );
    trace.push(
        "user",
        Tr::new("UserName", "UserName（用户名）"),
        wire.user.to_vec(),
        View::Hex,
        STRING_EXPLAIN,
    );
    trace.push(
        "workstation",
        Tr::new("Workstation", "Workstation（工作站名）"),
        wire.workstation.to_vec(),
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
        len,
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
    if let Some(v) = message.version {
        summary.push_str(&format!("Version: {}\n", v.render()));
    }
    if let Some(m) = message.mic {
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
