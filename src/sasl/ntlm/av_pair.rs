//! AV pairs (MS-NLMP §2.2.2.1): the attribute/value list of a CHALLENGE's TargetInfo,
//! copied by the client into its NTLMv2 response.

use super::wire::from_utf16le;
use super::{utf16le, ParseError};
use crate::i18n::Tr;
use crate::sasl::trace::hex;

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

/// The pairs one a line, for a summary.
pub(super) fn render_av_pairs(pairs: &[AvPair]) -> String {
    let mut out = String::new();
    for pair in pairs {
        out.push_str(&format!("  {} = {}\n", pair.id.name(), pair.render_value()));
    }
    out.push_str("  MsvAvEOL\n");
    out
}
