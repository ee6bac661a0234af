//! The wire format under the three messages (MS-NLMP §2.2): the signature and
//! MessageType, security buffers, the VERSION structure, strings (UTF-16LE or OEM), and a
//! bounds-checked reader. Pure: no explanations are built here.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::ParseError;

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
    pub(super) fn from_bytes(b: [u8; 8]) -> SecurityBuffer {
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
    pub(super) fn slice<'a>(
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
pub(super) fn from_oem(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Text as OEM bytes: ISO 8859-1, anything else as `?`.
fn to_oem(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect()
}

pub(super) fn encode_text(text: &str, unicode: bool) -> Vec<u8> {
    if unicode {
        utf16le(text)
    } else {
        to_oem(text)
    }
}

/// Refuses a Unicode string of an odd number of bytes (the one way text can be malformed).
pub(super) fn check_text(
    bytes: &[u8],
    unicode: bool,
    field: &'static str,
) -> Result<(), ParseError> {
    if unicode && bytes.len() % 2 == 1 {
        return Err(ParseError::OddUnicodeLength {
            field,
            len: u16::try_from(bytes.len()).unwrap_or(u16::MAX),
        });
    }
    Ok(())
}

/// The text of a string field, checked by [`check_text`].
pub(super) fn decode_text(
    bytes: &[u8],
    unicode: bool,
    field: &'static str,
) -> Result<String, ParseError> {
    check_text(bytes, unicode, field)?;
    Ok(if unicode {
        from_utf16le(bytes)
    } else {
        from_oem(bytes)
    })
}

/// Reads fixed-size fields of one structure, reporting short input as [`ParseError`].
pub(super) struct Reader<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) what: &'static str,
}

impl<'a> Reader<'a> {
    pub(super) fn arr<const N: usize>(&self, at: usize) -> Result<[u8; N], ParseError> {
        at.checked_add(N)
            .and_then(|end| self.bytes.get(at..end))
            .and_then(|s| <[u8; N]>::try_from(s).ok())
            .ok_or(ParseError::TooShort {
                what: self.what,
                need: at.saturating_add(N),
                got: self.bytes.len(),
            })
    }

    pub(super) fn u32(&self, at: usize) -> Result<u32, ParseError> {
        self.arr::<4>(at).map(u32::from_le_bytes)
    }

    pub(super) fn buffer(&self, at: usize) -> Result<SecurityBuffer, ParseError> {
        self.arr::<8>(at).map(SecurityBuffer::from_bytes)
    }
}

/// Lays out a message: fixed header, then payload fields in order.
pub(super) struct Layout {
    header_len: usize,
    pub(super) payload: Vec<u8>,
}

impl Layout {
    pub(super) fn new(header_len: usize) -> Layout {
        Layout {
            header_len,
            payload: Vec::new(),
        }
    }

    /// Appends `data` (at most 65 535 bytes of it) and returns its security buffer.
    pub(super) fn add(&mut self, data: &[u8]) -> [u8; 8] {
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
pub(super) fn payload_start(buffers: &[SecurityBuffer], message_len: usize) -> usize {
    buffers
        .iter()
        .filter(|b| b.len > 0)
        .map(|b| usize::try_from(b.offset).unwrap_or(usize::MAX))
        .min()
        .unwrap_or(message_len)
        .min(message_len)
}
