//! NegotiateFlags (MS-NLMP §2.2.2.5): the 32 bits each message carries, by name.

use crate::i18n::Tr;

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

/// The flags [`client_negotiate`](super::client_negotiate) offers: UNICODE, OEM,
/// REQUEST_TARGET, NTLM, ALWAYS_SIGN and EXTENDED_SESSIONSECURITY (0x00088207, what curl
/// and browsers send).
pub const CLIENT_NEGOTIATE_FLAGS: Flags = Flags(0x0008_8207);

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
}
