//! Charsets and content transfer encodings (RFC 2045 §6): which one a body gets, and the
//! encoders written by hand because they are what is taught — quoted-printable (§6.7) and
//! base64 wrapped at 76 columns (§6.8; the alphabet itself comes from the `base64` crate).
//!
//! Text is first turned into the charset's bytes (`encoding_rs` for GB18030, GBK and
//! GB2312, as seed 004's `charset=gb2312` part), with every line break made CRLF; then a
//! transfer encoding makes those bytes fit the mail system's 7-bit, 998-octet lines.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::MimeError;
use crate::i18n::{Lang, Tr};

/// RFC 2045 §6.7 rule 5 and §6.8: encoded lines are at most 76 characters.
pub const ENCODED_LINE: usize = 76;
/// RFC 5322 §2.1.1 and RFC 2045 §2.7: a line is at most 998 octets without its CRLF.
pub const MAX_LINE_OCTETS: usize = 998;

/// The charset of a text body (and of encoded words in headers).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Charset {
    /// UTF-8 (RFC 3629): every character, the default.
    #[default]
    Utf8,
    /// GB18030: every character, two or four octets for Chinese; China's mandatory charset.
    Gb18030,
    /// GBK: GB2312 plus about 14,000 more ideographs, two octets each.
    Gbk,
    /// GB2312 (EUC-CN): 6,763 simplified ideographs and symbols — seed 004's
    /// `charset=gb2312`.
    Gb2312,
}

impl Charset {
    /// Every charset, in the order a menu lists them.
    pub const ALL: [Charset; 4] = [
        Charset::Utf8,
        Charset::Gb18030,
        Charset::Gbk,
        Charset::Gb2312,
    ];

    /// The name written in `charset=` and in encoded words (IANA's preferred MIME name).
    pub fn label(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Gb18030 => "GB18030",
            Charset::Gbk => "GBK",
            Charset::Gb2312 => "GB2312",
        }
    }

    /// Reads a charset name, case-insensitively (`utf8`, `gb2312`, `GB18030` …).
    pub fn from_label(label: &str) -> Option<Charset> {
        match label.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(Charset::Utf8),
            "gb18030" => Some(Charset::Gb18030),
            "gbk" | "cp936" => Some(Charset::Gbk),
            "gb2312" | "euc-cn" => Some(Charset::Gb2312),
            _ => None,
        }
    }

    /// The text in this charset's octets; an error names the first character it lacks.
    pub fn encode(self, text: &str) -> Result<Vec<u8>, MimeError> {
        let encoding = match self {
            Charset::Utf8 => return Ok(text.as_bytes().to_vec()),
            Charset::Gb18030 => encoding_rs::GB18030,
            // encoding_rs writes GB2312 with its GBK encoder (WHATWG treats the label
            // gb2312 as GBK); the octets are then checked against GB2312's EUC-CN range.
            Charset::Gbk | Charset::Gb2312 => encoding_rs::GBK,
        };
        // A character fits when its octets read back as itself. encoding_rs still writes some
        // private-use code points (U+E78D–U+E796, U+E81E …) with GB18030-2005's octets, which
        // GB18030-2022, encoding_rs's own decoder and mail-parser read as other characters
        // (A6 D9 is U+FE10): a receiver would see another character, so they do not fit.
        let round_trips =
            |text: &str, bytes: &[u8]| encoding.decode_without_bom_handling(bytes).0 == text;
        let (bytes, _, had_errors) = encoding.encode(text);
        let fits = !had_errors
            && (self != Charset::Gb2312 || is_euc_cn(&bytes))
            && round_trips(text, &bytes);
        if fits {
            return Ok(bytes.into_owned());
        }
        // Find the character to name (only on the error path).
        let mut buffer = [0u8; 4];
        for character in text.chars() {
            let one = character.encode_utf8(&mut buffer);
            let (bytes, _, had_errors) = encoding.encode(one);
            if had_errors
                || (self == Charset::Gb2312 && !is_euc_cn(&bytes))
                || !round_trips(one, &bytes)
            {
                return Err(MimeError::NotInCharset {
                    charset: self,
                    character,
                });
            }
        }
        Err(MimeError::NotInCharset {
            charset: self,
            character: char::REPLACEMENT_CHARACTER,
        })
    }

    /// One character in this charset's octets (for encoded words, which must not split a
    /// character, RFC 2047 §5).
    pub fn encode_char(self, character: char) -> Result<Vec<u8>, MimeError> {
        let mut buffer = [0u8; 4];
        self.encode(character.encode_utf8(&mut buffer))
    }
}

/// Whether GBK octets stay inside GB2312's EUC-CN form: ASCII, or two octets A1–FE each
/// (lead at most F7).
fn is_euc_cn(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    while let Some((&first, after)) = rest.split_first() {
        if first < 0x80 {
            rest = after;
            continue;
        }
        match after.split_first() {
            Some((&second, after))
                if (0xA1..=0xF7).contains(&first) && (0xA1..=0xFE).contains(&second) =>
            {
                rest = after;
            }
            _ => return false,
        }
    }
    true
}

/// A Content-Transfer-Encoding (RFC 2045 §6.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TransferEncoding {
    /// Lines of US-ASCII, at most 998 octets, no NUL: nothing is changed.
    SevenBit,
    /// Octets with the high bit set are sent as they are; needs the server's 8BITMIME
    /// (RFC 6152).
    EightBit,
    /// Printable ASCII stays, everything else becomes `=XX`; lines ≤ 76 (RFC 2045 §6.7).
    QuotedPrintable,
    /// Three octets become four characters of a 64-letter alphabet; lines ≤ 76 (§6.8).
    Base64,
}

impl TransferEncoding {
    /// Every encoding, in the order a menu lists them.
    pub const ALL: [TransferEncoding; 4] = [
        TransferEncoding::SevenBit,
        TransferEncoding::EightBit,
        TransferEncoding::QuotedPrintable,
        TransferEncoding::Base64,
    ];

    /// The header token: `7bit`, `8bit`, `quoted-printable`, `base64`.
    pub fn token(self) -> &'static str {
        match self {
            TransferEncoding::SevenBit => "7bit",
            TransferEncoding::EightBit => "8bit",
            TransferEncoding::QuotedPrintable => "quoted-printable",
            TransferEncoding::Base64 => "base64",
        }
    }

    /// Reads a token, case-insensitively (`qp` and `b64` too).
    pub fn from_token(token: &str) -> Option<TransferEncoding> {
        match token.trim().to_ascii_lowercase().as_str() {
            "7bit" => Some(TransferEncoding::SevenBit),
            "8bit" => Some(TransferEncoding::EightBit),
            "quoted-printable" | "qp" => Some(TransferEncoding::QuotedPrintable),
            "base64" | "b64" => Some(TransferEncoding::Base64),
            _ => None,
        }
    }
}

/// Why a body got its transfer encoding.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodingReason {
    /// The caller asked for it.
    Requested,
    /// Chosen: the body is US-ASCII with short lines, so 7bit carries it unchanged.
    AsciiShortLines,
    /// Chosen: 7bit cannot carry the body; of quoted-printable and base64 the shorter won.
    Shorter {
        /// The body's octets (in its charset, CRLF line ends).
        octets: usize,
        /// How many of them have the high bit set.
        non_ascii: usize,
        /// The longest line, in octets without CRLF.
        longest_line: usize,
        /// The length quoted-printable gives.
        qp: usize,
        /// The length base64 gives.
        base64: usize,
    },
    /// An attachment: any octets, so always base64.
    Binary,
}

const REQUESTED_8BIT: Tr = Tr::new(
    "8bit, as requested: the octets go as they are, which the receiving server must accept through 8BITMIME (RFC 6152); the client adds BODY=8BITMIME to MAIL FROM.",
    "按要求使用 8bit：字节原样发送，接收服务器必须通过 8BITMIME（RFC 6152）接受；客户端会在 MAIL FROM 中加上 BODY=8BITMIME。",
);
const REQUESTED: Tr = Tr::new(
    "{token}, as requested (RFC 2045 §6.1).",
    "按要求使用 {token}（RFC 2045 §6.1）。",
);
const SHORTER: Tr = Tr::new(
    "{token}: 7bit cannot carry the body ({why}), and 8bit would need the server's 8BITMIME, which a message written before connecting cannot count on. Quoted-printable would take {qp} octets, base64 {base64}: the shorter wins (RFC 2045 §6.7, §6.8){then}.",
    "{token}：7bit 无法承载这个正文（{why}），而 8bit 需要服务器支持 8BITMIME，连接之前写好的邮件无法指望这一点。quoted-printable 需要 {qp} 字节，base64 需要 {base64} 字节：取较短者（RFC 2045 §6.7、§6.8）{then}。",
);
const SHORTER_HIGH_BIT: Tr = Tr::new(
    "{non_ascii} of its {octets} octets have the high bit set",
    "{octets} 个字节中有 {non_ascii} 个最高位为 1",
);
const SHORTER_LONG_LINE: Tr = Tr::new(
    "a line has {longest_line} octets (over 998)",
    "有一行长 {longest_line} 字节（超过 998）",
);
const SHORTER_NUL: Tr = Tr::new("it has a NUL octet", "含有 NUL 字节");
const SHORTER_QP_READABLE: Tr = Tr::new(" — and ASCII stays readable", "——而且 ASCII 部分仍然可读");
const SHORTER_QP_COST: Tr = Tr::new(
    " — quoted-printable spends three characters (=XX) on every such octet",
    "——quoted-printable 要为每个这样的字节花三个字符（=XX）",
);
/// Between the reasons of a list: a comma in each language's own form.
const LIST_SEPARATOR: Tr = Tr::new(", ", "，");
const ASCII_SHORT_LINES: Tr = Tr::new(
    "7bit: the body is US-ASCII with no line over 998 octets, so it travels unchanged (RFC 2045 §2.7); no encoding is needed.",
    "7bit：正文是 US-ASCII 且没有超过 998 字节的行，可以原样传输（RFC 2045 §2.7），无需编码。",
);
const BINARY: Tr = Tr::new(
    "base64: an attachment is any octets; base64 carries all 256 values in 76-character lines (RFC 2045 §6.8).",
    "base64：附件可以是任意字节；base64 能以每行 76 个字符承载全部 256 种取值（RFC 2045 §6.8）。",
);

impl EncodingReason {
    /// The reason in `lang`, for `chosen`.
    pub fn explain(&self, chosen: TransferEncoding, lang: Lang) -> String {
        let token = chosen.token();
        match self {
            EncodingReason::Requested => match chosen {
                TransferEncoding::EightBit => REQUESTED_8BIT.get(lang).to_owned(),
                _ => REQUESTED.fill(lang, &[("token", &token)]),
            },
            EncodingReason::AsciiShortLines => ASCII_SHORT_LINES.get(lang).to_owned(),
            EncodingReason::Shorter {
                octets,
                non_ascii,
                longest_line,
                qp,
                base64,
            } => {
                let mut why = Vec::new();
                if *non_ascii > 0 {
                    why.push(
                        SHORTER_HIGH_BIT
                            .fill(lang, &[("non_ascii", non_ascii), ("octets", octets)]),
                    );
                }
                if *longest_line > MAX_LINE_OCTETS {
                    why.push(SHORTER_LONG_LINE.fill(lang, &[("longest_line", longest_line)]));
                }
                if why.is_empty() {
                    why.push(SHORTER_NUL.get(lang).to_owned());
                }
                let then = if chosen == TransferEncoding::QuotedPrintable {
                    SHORTER_QP_READABLE
                } else {
                    SHORTER_QP_COST
                };
                SHORTER.fill(
                    lang,
                    &[
                        ("token", &token),
                        ("why", &why.join(LIST_SEPARATOR.get(lang))),
                        ("qp", qp),
                        ("base64", base64),
                        ("then", &then.get(lang)),
                    ],
                )
            }
            EncodingReason::Binary => BINARY.get(lang).to_owned(),
        }
    }
}

/// The text with every line break (CRLF, a bare LF or a bare CR) made CRLF (RFC 5322 §2.3:
/// CR and LF only ever appear together).
pub fn normalize_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\r\n");
            }
            '\n' => out.push_str("\r\n"),
            c => out.push(c),
        }
    }
    out
}

/// What the choice of a transfer encoding looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct BodyStats {
    /// Octets in all.
    pub octets: usize,
    /// Octets with the high bit set.
    pub non_ascii: usize,
    /// The longest line, in octets without CRLF.
    pub longest_line: usize,
    /// Whether there is a NUL octet.
    pub nul: bool,
}

impl BodyStats {
    /// Counts `bytes` (lines end in CRLF or LF).
    pub fn of(bytes: &[u8]) -> BodyStats {
        let mut stats = BodyStats {
            octets: bytes.len(),
            ..BodyStats::default()
        };
        let mut line = 0usize;
        for &b in bytes {
            if b >= 0x80 {
                stats.non_ascii += 1;
            }
            if b == 0 {
                stats.nul = true;
            }
            if b == b'\n' {
                stats.longest_line = stats.longest_line.max(line);
                line = 0;
            } else if b != b'\r' {
                line += 1;
            }
        }
        stats.longest_line = stats.longest_line.max(line);
        stats
    }

    /// Whether 7bit carries the body unchanged.
    pub fn fits_7bit(&self) -> bool {
        self.non_ascii == 0 && !self.nul && self.longest_line <= MAX_LINE_OCTETS
    }

    /// Whether 8bit carries the body unchanged.
    pub fn fits_8bit(&self) -> bool {
        !self.nul && self.longest_line <= MAX_LINE_OCTETS
    }
}

/// Picks the transfer encoding for a text body in its charset's octets (CRLF line ends),
/// or checks the requested one.
pub fn choose(
    bytes: &[u8],
    requested: Option<TransferEncoding>,
) -> Result<(TransferEncoding, EncodingReason), MimeError> {
    let stats = BodyStats::of(bytes);
    let refuse = |requested| MimeError::CannotCarry {
        requested,
        non_ascii: stats.non_ascii,
        longest_line: stats.longest_line,
        nul: stats.nul,
    };
    match requested {
        Some(TransferEncoding::SevenBit) if !stats.fits_7bit() => {
            Err(refuse(TransferEncoding::SevenBit))
        }
        Some(TransferEncoding::EightBit) if !stats.fits_8bit() => {
            Err(refuse(TransferEncoding::EightBit))
        }
        Some(te) => Ok((te, EncodingReason::Requested)),
        None if stats.fits_7bit() => {
            Ok((TransferEncoding::SevenBit, EncodingReason::AsciiShortLines))
        }
        None => {
            let qp = quoted_printable(bytes).len();
            let base64 = base64_lines(bytes).len();
            let chosen = if qp <= base64 {
                TransferEncoding::QuotedPrintable
            } else {
                TransferEncoding::Base64
            };
            Ok((
                chosen,
                EncodingReason::Shorter {
                    octets: stats.octets,
                    non_ascii: stats.non_ascii,
                    longest_line: stats.longest_line,
                    qp,
                    base64,
                },
            ))
        }
    }
}

/// Encodes `bytes` with `encoding`; the result ends with CRLF unless it is empty.
///
/// For 7bit and 8bit the octets are kept (a final CRLF is added if missing: a body is
/// lines, RFC 5322 §2.3).
pub fn encode_body(bytes: &[u8], encoding: TransferEncoding) -> Vec<u8> {
    let mut out = match encoding {
        TransferEncoding::SevenBit | TransferEncoding::EightBit => bytes.to_vec(),
        TransferEncoding::QuotedPrintable => quoted_printable(bytes),
        TransferEncoding::Base64 => base64_lines(bytes),
    };
    if !out.is_empty() && !out.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Quoted-printable for text (RFC 2045 §6.7): each CRLF of the input is a hard line break
/// and stays CRLF; in each line, printable ASCII other than `=` stays (rule 2), space and tab
/// stay unless they end the line (rule 3), every other octet becomes `=XX` with upper-case
/// hex (rule 1); lines longer than 76 characters get soft breaks, `=` CRLF (rule 5). A bare
/// CR or LF is an octet like any other (`=0D`, `=0A`).
pub fn quoted_printable(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    let mut lines = split_crlf(bytes).peekable();
    while let Some(line) = lines.next() {
        let mut column = 0usize;
        let count = line.len();
        for (i, &b) in line.iter().enumerate() {
            let last = i + 1 == count;
            let literal = match b {
                b' ' | b'\t' => !last,
                b'=' => false,
                33..=126 => true,
                _ => false,
            };
            let width = if literal { 1 } else { 3 };
            // Room for the soft break's `=` unless this is the line's last character.
            let limit = if last { ENCODED_LINE } else { ENCODED_LINE - 1 };
            if column + width > limit {
                out.extend_from_slice(b"=\r\n");
                column = 0;
            }
            if literal {
                out.push(b);
            } else {
                out.push(b'=');
                out.push(hex_digit(b >> 4));
                out.push(hex_digit(b & 0x0f));
            }
            column += width;
        }
        if lines.peek().is_some() {
            out.extend_from_slice(b"\r\n");
        }
    }
    out
}

/// Decodes quoted-printable (RFC 2045 §6.7): `=XX` becomes the octet, `=` at the end of a
/// line is a soft break and disappears, trailing space before a line end is dropped
/// (rule 3); anything malformed is kept as it is, as §6.7 advises for robustness.
pub fn decode_quoted_printable(encoded: &[u8]) -> Vec<u8> {
    fn hex(b: u8) -> Option<u8> {
        match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'A'..=b'F' => Some(b - b'A' + 10),
            b'a'..=b'f' => Some(b - b'a' + 10),
            _ => None,
        }
    }
    let mut out = Vec::with_capacity(encoded.len());
    let mut lines = encoded.split(|b| *b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let trimmed = {
            let mut end = line.len();
            while end > 0 && matches!(line.get(end - 1), Some(b' ' | b'\t')) {
                end -= 1;
            }
            line.get(..end).unwrap_or(line)
        };
        let (content, soft) = match trimmed.strip_suffix(b"=") {
            Some(content) => (content, true),
            None => (trimmed, false),
        };
        let mut i = 0;
        while let Some(&b) = content.get(i) {
            if b == b'=' {
                let pair = (
                    content.get(i + 1).copied().and_then(hex),
                    content.get(i + 2).copied().and_then(hex),
                );
                if let (Some(high), Some(low)) = pair {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
            }
            out.push(b);
            i += 1;
        }
        if !soft && lines.peek().is_some() {
            out.extend_from_slice(b"\r\n");
        }
    }
    out
}

/// The upper-case hex digit for `n` (0–15).
pub(crate) fn hex_digit(n: u8) -> u8 {
    match n {
        0..=9 => b'0' + n,
        10..=15 => b'A' + n - 10,
        _ => b'?',
    }
}

/// Splits at CRLF only (a bare CR or LF stays inside its line).
fn split_crlf(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.windows(2).position(|w| w == b"\r\n") {
            Some(at) => {
                let (line, after) = current.split_at(at);
                rest = after.get(2..);
                Some(line)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Base64 (RFC 2045 §6.8) in lines of 76 characters, each ending in CRLF.
pub fn base64_lines(bytes: &[u8]) -> Vec<u8> {
    let encoded = BASE64.encode(bytes);
    let mut out = Vec::with_capacity(encoded.len() + encoded.len() / ENCODED_LINE * 2 + 2);
    for chunk in encoded.as_bytes().chunks(ENCODED_LINE) {
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_printable_rules() {
        assert_eq!(quoted_printable(b"a=b"), b"a=3Db");
        assert_eq!(quoted_printable(b"end \r\nnext\t"), b"end=20\r\nnext=09");
        assert_eq!(quoted_printable("é".as_bytes()), b"=C3=A9");
        let long = vec![b'x'; 200];
        let encoded = quoted_printable(&long);
        for line in encoded.split(|b| *b == b'\n') {
            assert!(line.len() <= ENCODED_LINE + 1, "{}", line.len());
        }
        assert_eq!(encoded.iter().filter(|b| **b == b'x').count(), 200);
    }

    #[test]
    fn quoted_printable_decodes_what_it_encodes() {
        let text = "a = b \r\n\tcafé\r\n".repeat(30);
        let encoded = quoted_printable(text.as_bytes());
        assert_eq!(decode_quoted_printable(&encoded), text.as_bytes());
        assert_eq!(
            decode_quoted_printable(b"soft=\r\nbreak =3D ok=\r\n"),
            b"softbreak = ok"
        );
    }

    #[test]
    fn seed_004_gb2312_body_in_quoted_printable() {
        let bytes = Charset::Gb2312.encode("邮件正文").unwrap();
        assert_eq!(bytes, b"\xd3\xca\xbc\xfe\xd5\xfd\xce\xc4");
        assert_eq!(quoted_printable(&bytes), b"=D3=CA=BC=FE=D5=FD=CE=C4");
    }

    #[test]
    fn gb2312_lacks_emoji_and_traditional_only_gbk_characters() {
        assert_eq!(
            Charset::Gb2312.encode("好😀"),
            Err(MimeError::NotInCharset {
                charset: Charset::Gb2312,
                character: '😀'
            })
        );
        // 丟 is in GBK (0x81 0x47) but not in GB2312.
        assert!(Charset::Gbk.encode("丟").is_ok());
        assert!(matches!(
            Charset::Gb2312.encode("丟"),
            Err(MimeError::NotInCharset {
                character: '丟',
                ..
            })
        ));
        assert!(Charset::Gb18030.encode("好😀丟").is_ok());
    }

    #[test]
    fn characters_that_read_back_as_others_do_not_fit() {
        // GB18030-2005's octets for a private-use code point are U+FE10 to GB18030-2022.
        for charset in [Charset::Gb18030, Charset::Gbk] {
            assert_eq!(
                charset.encode("主题\u{e78d}"),
                Err(MimeError::NotInCharset {
                    charset,
                    character: '\u{e78d}'
                })
            );
        }
        assert_eq!(
            Charset::Gb18030.encode("\u{fe10}").map(|b| b.len()),
            Ok(2),
            "the vertical comma itself fits"
        );
    }

    #[test]
    fn the_shorter_encoding_wins() {
        let (te, _) = choose(b"plain ascii\r\n", None).unwrap();
        assert_eq!(te, TransferEncoding::SevenBit);
        let (te, _) = choose("Caf\u{e9} au lait, mostly ASCII\r\n".as_bytes(), None).unwrap();
        assert_eq!(te, TransferEncoding::QuotedPrintable);
        let chinese = Charset::Gb2312
            .encode("这是一封中文邮件，几乎每个字节都是高位字节。")
            .unwrap();
        let (te, _) = choose(&chinese, None).unwrap();
        assert_eq!(te, TransferEncoding::Base64);
        assert!(choose(&chinese, Some(TransferEncoding::SevenBit)).is_err());
        assert!(choose(&chinese, Some(TransferEncoding::EightBit)).is_ok());
    }
}
