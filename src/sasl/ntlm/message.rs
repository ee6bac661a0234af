//! The three messages (MS-NLMP §2.2.1) and the NTLMv2 response inside an AUTHENTICATE:
//! their fields, encoding and decoding. Pure: decoding checks every offset and length and
//! builds no explanation; [`super::explain`] renders a decoded message step by step, on
//! demand.

use super::av_pair::{decode_av_pairs, encode_av_pairs, AvId, AvPair};
use super::wire::{
    check_text, decode_text, encode_text, from_oem, message_type, payload_start, Layout, Reader,
    AUTHENTICATE, CHALLENGE, NEGOTIATE, SIGNATURE,
};
use super::{from_utf16le, Flags, ParseError, SecurityBuffer, Version};

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
        Ok(match message_type(bytes)? {
            NEGOTIATE => Message::Negotiate(read_negotiate(bytes)?.message),
            CHALLENGE => Message::Challenge(read_challenge(bytes)?.message),
            _ => Message::Authenticate(read_authenticate(bytes)?.message),
        })
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

impl Negotiate {
    /// Decodes a NEGOTIATE_MESSAGE. A bare 16-byte message (signature, type, flags) is
    /// accepted as having no domain or workstation.
    pub fn decode(bytes: &[u8]) -> Result<Negotiate, ParseError> {
        read_negotiate(bytes).map(|wire| wire.message)
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

impl Challenge {
    /// Decodes a CHALLENGE_MESSAGE. A 32-byte message without TargetInfo (old servers) is
    /// accepted.
    pub fn decode(bytes: &[u8]) -> Result<Challenge, ParseError> {
        read_challenge(bytes).map(|wire| wire.message)
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

impl Authenticate {
    /// Decodes an AUTHENTICATE_MESSAGE (at least the 64-byte header).
    pub fn decode(bytes: &[u8]) -> Result<Authenticate, ParseError> {
        read_authenticate(bytes).map(|wire| wire.message)
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

/// MessageType, checked against the one expected here.
fn expect_type(bytes: &[u8], expected: u32) -> Result<(), ParseError> {
    let got = message_type(bytes)?;
    if got != expected {
        return Err(ParseError::WrongMessageType { expected, got });
    }
    Ok(())
}

/// A NEGOTIATE as read, with where its fields lay (what the explanation shows).
pub(super) struct NegotiateWire {
    /// The message.
    pub message: Negotiate,
    /// DomainNameFields and WorkstationFields; `None` in a bare 16-byte message.
    pub buffers: Option<[SecurityBuffer; 2]>,
}

/// Decodes a NEGOTIATE_MESSAGE, keeping its security buffers.
pub(super) fn read_negotiate(bytes: &[u8]) -> Result<NegotiateWire, ParseError> {
    expect_type(bytes, NEGOTIATE)?;
    let r = Reader {
        bytes,
        what: "NEGOTIATE_MESSAGE",
    };
    let flags = Flags(r.u32(12)?);
    if bytes.len() == 16 {
        return Ok(NegotiateWire {
            message: Negotiate {
                flags,
                ..Negotiate::default()
            },
            buffers: None,
        });
    }
    let domain_buf = r.buffer(16)?;
    let workstation_buf = r.buffer(24)?;
    let start = payload_start(&[domain_buf, workstation_buf], bytes.len());
    let version = if flags.contains(Flags::NEGOTIATE_VERSION) && start >= 40 {
        Some(Version::from_bytes(r.arr::<8>(32)?))
    } else {
        None
    };
    let domain = domain_buf.slice(bytes, "DomainNameFields", 32)?.to_vec();
    let workstation = workstation_buf
        .slice(bytes, "WorkstationFields", 32)?
        .to_vec();
    Ok(NegotiateWire {
        message: Negotiate {
            flags,
            domain,
            workstation,
            version,
        },
        buffers: Some([domain_buf, workstation_buf]),
    })
}

/// A CHALLENGE as read, with where its fields lay.
pub(super) struct ChallengeWire<'a> {
    /// The message.
    pub message: Challenge,
    /// TargetNameFields.
    pub target_name_fields: SecurityBuffer,
    /// TargetInfoFields; `None` in a 32-byte pre-NTLMv2 message (no Reserved either).
    pub target_info_fields: Option<SecurityBuffer>,
    /// TargetInfo's bytes as sent.
    pub target_info: &'a [u8],
}

/// Decodes a CHALLENGE_MESSAGE, keeping its security buffers.
pub(super) fn read_challenge(bytes: &[u8]) -> Result<ChallengeWire<'_>, ParseError> {
    expect_type(bytes, CHALLENGE)?;
    let r = Reader {
        bytes,
        what: "CHALLENGE_MESSAGE",
    };
    let name_buf = r.buffer(12)?;
    let flags = Flags(r.u32(20)?);
    let server_challenge = r.arr::<8>(24)?;
    let (reserved, info_buf) = if bytes.len() >= 48 {
        (r.arr::<8>(32)?, Some(r.buffer(40)?))
    } else {
        ([0u8; 8], None)
    };
    let header_len = if bytes.len() >= 48 { 48 } else { 32 };
    let start = payload_start(&[name_buf, info_buf.unwrap_or_default()], bytes.len());
    let version = if flags.contains(Flags::NEGOTIATE_VERSION) && start >= 56 {
        Some(Version::from_bytes(r.arr::<8>(48)?))
    } else {
        None
    };
    let target_name = name_buf.slice(bytes, "TargetNameFields", header_len)?;
    let unicode = flags.contains(Flags::NEGOTIATE_UNICODE);
    check_text(target_name, unicode, "TargetNameFields")?;
    let info = info_buf
        .unwrap_or_default()
        .slice(bytes, "TargetInfoFields", header_len)?;
    let target_info = if info.is_empty() {
        None
    } else {
        Some(decode_av_pairs(info)?)
    };
    Ok(ChallengeWire {
        message: Challenge {
            flags,
            target_name: target_name.to_vec(),
            server_challenge,
            reserved,
            target_info,
            version,
        },
        target_name_fields: name_buf,
        target_info_fields: info_buf,
        target_info: info,
    })
}

/// An AUTHENTICATE as read, with where its fields lay and its strings as sent.
pub(super) struct AuthenticateWire<'a> {
    /// The message.
    pub message: Authenticate,
    /// LmChallengeResponseFields, NtChallengeResponseFields, DomainNameFields,
    /// UserNameFields, WorkstationFields, EncryptedRandomSessionKeyFields (wire order).
    pub buffers: [SecurityBuffer; 6],
    /// DomainName as sent.
    pub domain: &'a [u8],
    /// UserName as sent.
    pub user: &'a [u8],
    /// Workstation as sent.
    pub workstation: &'a [u8],
}

/// Decodes an AUTHENTICATE_MESSAGE, keeping its security buffers and raw strings.
pub(super) fn read_authenticate(bytes: &[u8]) -> Result<AuthenticateWire<'_>, ParseError> {
    expect_type(bytes, AUTHENTICATE)?;
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
    let buffers = [lm_buf, nt_buf, domain_buf, user_buf, ws_buf, key_buf];
    let start = payload_start(&buffers, bytes.len());
    let version = if flags.contains(Flags::NEGOTIATE_VERSION) && start >= 72 {
        Some(Version::from_bytes(r.arr::<8>(64)?))
    } else {
        None
    };
    let mic = if start >= 88 {
        Some(r.arr::<16>(72)?)
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
    Ok(AuthenticateWire {
        message: Authenticate {
            flags,
            lm_response: lm_response.to_vec(),
            nt_response: nt_response.to_vec(),
            domain,
            user,
            workstation,
            encrypted_random_session_key: key.to_vec(),
            version,
            mic,
        },
        buffers,
        domain: domain_raw,
        user: user_raw,
        workstation: ws_raw,
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
