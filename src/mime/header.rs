//! Header fields: folding (RFC 5322 §2.2.3), encoded words for non-ASCII text (RFC 2047),
//! quoted display names (RFC 5322 §3.2.4) and parameters with RFC 2231's `*=` and
//! continuations — the parts of a header a learner sees go wrong.
//!
//! A header value is built as a list of *atoms*: pieces that must not be split, written with
//! one space between them. [`fold`] fills lines of at most [`FOLD_AT`] characters and breaks
//! only at those spaces (a fold is CRLF followed by the space, which unfolding removes). An
//! atom is at most 75 characters unless it is an address or an id that cannot be split, so
//! no line comes near RFC 5322's hard limit of 998 octets.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::encoding::Charset;
use super::MimeError;

/// Header lines are folded to at most 76 characters: under RFC 5322 §2.1.1's 78, and RFC
/// 2047 §2's limit for lines holding encoded words.
pub const FOLD_AT: usize = 76;
/// RFC 2047 §2: an encoded word is at most 75 characters.
pub const MAX_ENCODED_WORD: usize = 75;

/// Folds `name: atoms…` into lines of at most [`FOLD_AT`] characters, each ending in CRLF.
/// Returns the text and the number of lines.
pub fn fold(name: &str, atoms: &[String]) -> (String, usize) {
    let mut out =
        String::with_capacity(name.len() + atoms.iter().map(|a| a.len() + 1).sum::<usize>() + 8);
    out.push_str(name);
    out.push(':');
    let mut column = name.len() + 1;
    let mut has_atom = false;
    let mut lines = 1;
    for atom in atoms {
        let fits = column + 1 + atom.len() <= FOLD_AT;
        let fresh_fits = atom.len() < FOLD_AT;
        if !fits && (has_atom || fresh_fits) {
            out.push_str("\r\n");
            column = 0;
            lines += 1;
        }
        out.push(' ');
        out.push_str(atom);
        column += 1 + atom.len();
        has_atom = true;
    }
    out.push_str("\r\n");
    (out, lines)
}

/// Q or B (RFC 2047 §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordEncoding {
    /// "Q": like quoted-printable, `_` for space; readable when the text is mostly ASCII.
    Q,
    /// "B": base64; shorter when most octets are not ASCII (Chinese, for one).
    B,
}

impl WordEncoding {
    /// The letter in `=?charset?X?…?=`.
    pub fn letter(self) -> char {
        match self {
            WordEncoding::Q => 'Q',
            WordEncoding::B => 'B',
        }
    }
}

/// Text written as encoded words, and why Q or B.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodedWords {
    /// The words, each at most 75 characters, each whole characters (RFC 2047 §5).
    pub words: Vec<String>,
    /// The encoding chosen.
    pub encoding: WordEncoding,
    /// The charset.
    pub charset: Charset,
    /// The length of the text's octets in Q (without the `=?…?=` wrapping).
    pub q_len: usize,
    /// The length in B.
    pub b_len: usize,
}

/// Whether Q writes the octet as itself: letters, digits and `!*+-/` are safe even in a
/// phrase (RFC 2047 §5 rule 3); space becomes `_`; anything else `=XX`.
fn q_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'!' | b'*' | b'+' | b'-' | b'/')
}

fn q_width(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| if b == b' ' || q_safe(b) { 1 } else { 3 })
        .sum()
}

fn b_width(octets: usize) -> usize {
    octets.div_ceil(3) * 4
}

fn q_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for &b in bytes {
        if b == b' ' {
            out.push('_');
        } else if q_safe(b) {
            out.push(char::from(b));
        } else {
            out.push('=');
            out.push(char::from(super::encoding::hex_digit(b >> 4)));
            out.push(char::from(super::encoding::hex_digit(b & 0x0f)));
        }
    }
    out
}

/// Writes `text` as encoded words in `charset`: Q when it is not longer than B, else B. The
/// first word is at most `first_room` characters (what is left of the header's first line),
/// the others at most `room` (both capped at 75); a character's octets are never split
/// between words.
pub fn encoded_words(
    text: &str,
    charset: Charset,
    first_room: usize,
    room: usize,
) -> Result<EncodedWords, MimeError> {
    let mut chars: Vec<Vec<u8>> = Vec::with_capacity(text.len());
    for c in text.chars() {
        chars.push(charset.encode_char(c)?);
    }
    let octets: usize = chars.iter().map(Vec::len).sum();
    let q_len: usize = chars.iter().map(|c| q_width(c)).sum();
    let b_len = b_width(octets);
    let encoding = if q_len <= b_len {
        WordEncoding::Q
    } else {
        WordEncoding::B
    };
    let label = charset.label();
    // `=?` label `?X?` … `?=`
    let overhead = label.len() + 7;
    let wrap = |bytes: &[u8]| {
        let inner = match encoding {
            WordEncoding::Q => q_encode(bytes),
            WordEncoding::B => BASE64.encode(bytes),
        };
        format!("=?{label}?{}?{inner}?=", encoding.letter())
    };
    let mut words = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut current_q = 0usize;
    for c in &chars {
        let room = if words.is_empty() { first_room } else { room };
        // A room too small for one character is ignored (the folder then starts a line).
        let room = if room < overhead + 12 {
            MAX_ENCODED_WORD
        } else {
            room.min(MAX_ENCODED_WORD)
        };
        let grown = match encoding {
            WordEncoding::Q => current_q + q_width(c),
            WordEncoding::B => b_width(current.len() + c.len()),
        };
        if !current.is_empty() && overhead + grown > room {
            words.push(wrap(&current));
            current.clear();
            current_q = 0;
        }
        current.extend_from_slice(c);
        current_q += q_width(c);
    }
    if !current.is_empty() {
        words.push(wrap(&current));
    }
    Ok(EncodedWords {
        words,
        encoding,
        charset,
        q_len,
        b_len,
    })
}

/// How a piece of header text was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextForm {
    /// As it is: printable ASCII words.
    Plain,
    /// As a quoted-string (a display name with specials such as `,` or `.`).
    Quoted,
    /// As encoded words.
    Encoded(EncodedWords),
}

/// The longest word written plainly; a longer one goes into encoded words, which can be
/// split anywhere.
const MAX_PLAIN_WORD: usize = 60;

/// Whether `text` can be written as it is: printable ASCII, single spaces between words, no
/// word over [`MAX_PLAIN_WORD`], and no `=?` that a reader would take for an encoded word.
fn plain_ok(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7f).contains(&b))
        && !text.contains("=?")
        && text
            .split(' ')
            .all(|w| !w.is_empty() && w.len() <= MAX_PLAIN_WORD)
}

/// Unstructured text (Subject, X-Mailer; RFC 5322 §3.2.5): its words as atoms, or encoded
/// words when it has non-ASCII, control characters, runs of spaces, a word too long to fold
/// or a `=?`. `first_room` is what the header's first line leaves.
pub fn unstructured(
    text: &str,
    charset: Charset,
    first_room: usize,
) -> Result<(Vec<String>, TextForm), MimeError> {
    if text.is_empty() {
        return Ok((Vec::new(), TextForm::Plain));
    }
    if plain_ok(text) {
        return Ok((
            text.split(' ').map(str::to_string).collect(),
            TextForm::Plain,
        ));
    }
    let encoded = encoded_words(text, charset, first_room, MAX_ENCODED_WORD)?;
    Ok((encoded.words.clone(), TextForm::Encoded(encoded)))
}

/// RFC 5322 §3.2.3 atext: what a display name may hold without quotes.
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

/// A display name (RFC 5322 §3.2.5 phrase): atoms as they are, a quoted-string when it has
/// specials, encoded words when it has non-ASCII (or is too long for one quoted atom).
pub fn phrase(name: &str, charset: Charset) -> Result<(Vec<String>, TextForm), MimeError> {
    if name.is_empty() {
        return Ok((Vec::new(), TextForm::Plain));
    }
    if plain_ok(name) {
        if name.bytes().all(|b| b == b' ' || is_atext(b)) {
            return Ok((
                name.split(' ').map(str::to_string).collect(),
                TextForm::Plain,
            ));
        }
        let mut quoted = String::with_capacity(name.len() + 4);
        quoted.push('"');
        for c in name.chars() {
            if c == '"' || c == '\\' {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        if quoted.len() <= MAX_ENCODED_WORD {
            return Ok((vec![quoted], TextForm::Quoted));
        }
    }
    let encoded = encoded_words(name, charset, MAX_ENCODED_WORD, MAX_ENCODED_WORD)?;
    Ok((encoded.words.clone(), TextForm::Encoded(encoded)))
}

/// RFC 2231 §7 attribute-char: printable ASCII except space, `*`, `'`, `%` and tspecials.
fn attribute_char(b: u8) -> bool {
    (0x21..0x7f).contains(&b) && !b"*'%()<>@,;:\\\"/[]?=".contains(&b)
}

/// The longest parameter piece on one line (the folder adds a space; `;` ends it).
const MAX_PARAM_ATOM: usize = MAX_ENCODED_WORD - 1;

/// How a parameter value was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamForm {
    /// `name="value"`, one piece.
    Quoted,
    /// RFC 2231 §3 continuations of a quoted ASCII value: `name*0="…"; name*1="…"`.
    Continued(usize),
    /// RFC 2231 §4 charset and percent-encoding: `name*=UTF-8''%E4%B8%AD…`, in `n`
    /// continuations when `n > 1` (`name*0*=…; name*1*=…`).
    Extended(usize),
}

/// Writes parameter `name` with `value` as atoms (the caller joins them with `; `): a
/// quoted-string when it is short printable ASCII; RFC 2231 continuations when it is long;
/// RFC 2231 `name*=UTF-8''…` percent-encoding when it has non-ASCII.
pub fn parameter(name: &str, value: &str) -> (Vec<String>, ParamForm) {
    let printable = value.bytes().all(|b| (0x20..0x7f).contains(&b));
    if printable {
        let escaped: String = value
            .chars()
            .flat_map(|c| {
                let escape = (c == '"' || c == '\\').then_some('\\');
                escape.into_iter().chain(std::iter::once(c))
            })
            .collect();
        let whole = format!("{name}=\"{escaped}\"");
        if whole.len() <= MAX_PARAM_ATOM {
            return (vec![whole], ParamForm::Quoted);
        }
        // Continuations: split the escaped text without separating a backslash from the
        // character it escapes.
        let mut atoms = Vec::new();
        let mut piece = String::new();
        let mut chars = escaped.chars().peekable();
        while let Some(c) = chars.next() {
            let mut unit = String::from(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    unit.push(next);
                }
            }
            let prefix = format!("{name}*{}=\"", atoms.len());
            if !piece.is_empty() && prefix.len() + piece.len() + unit.len() + 1 > MAX_PARAM_ATOM {
                atoms.push(format!("{prefix}{piece}\""));
                piece.clear();
            }
            piece.push_str(&unit);
        }
        if !piece.is_empty() || atoms.is_empty() {
            atoms.push(format!("{name}*{}=\"{piece}\"", atoms.len()));
        }
        let n = atoms.len();
        return (atoms, ParamForm::Continued(n));
    }
    // RFC 2231 §4: charset'language'percent-encoded octets; continuations per §4.1, never
    // splitting a %XX (nor a UTF-8 character, so each piece is readable alone).
    let mut pieces: Vec<String> = Vec::new();
    let mut piece = String::from("UTF-8''");
    let mut buffer = [0u8; 4];
    for c in value.chars() {
        let mut unit = String::new();
        for &b in c.encode_utf8(&mut buffer).as_bytes() {
            if attribute_char(b) {
                unit.push(char::from(b));
            } else {
                unit.push_str(&format!("%{b:02X}"));
            }
        }
        let prefix_len = name.len() + 4 + pieces.len().to_string().len();
        if piece.len() > "UTF-8''".len() * usize::from(pieces.is_empty())
            && prefix_len + piece.len() + unit.len() > MAX_PARAM_ATOM
        {
            pieces.push(std::mem::take(&mut piece));
        }
        piece.push_str(&unit);
    }
    pieces.push(piece);
    if pieces.len() == 1 {
        let only = pieces.concat();
        let atom = format!("{name}*={only}");
        if atom.len() <= MAX_PARAM_ATOM {
            return (vec![atom], ParamForm::Extended(1));
        }
    }
    let n = pieces.len();
    let atoms = pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| format!("{name}*{i}*={p}"))
        .collect();
    (atoms, ParamForm::Extended(n))
}

/// `name="=?UTF-8?B?…?="` for readers that predate RFC 2231 (Outlook, old Foxmail): encoded
/// words inside a quoted-string, which RFC 2047 §5 forbids but those readers decode. Several
/// words are separated by spaces inside the quotes, so the folder can break between them.
pub fn legacy_name_parameter(name: &str, value: &str) -> Result<Vec<String>, MimeError> {
    // Room for `name="` before the first word and `";` after the last.
    let room = MAX_PARAM_ATOM.saturating_sub(name.len() + 4);
    let words = encoded_words(value, Charset::Utf8, room, room)?;
    let mut atoms = Vec::with_capacity(words.words.len());
    let count = words.words.len();
    for (i, word) in words.words.into_iter().enumerate() {
        let mut atom = String::new();
        if i == 0 {
            atom.push_str(name);
            atom.push_str("=\"");
        }
        atom.push_str(&word);
        if i + 1 == count {
            atom.push('"');
        }
        atoms.push(atom);
    }
    Ok(atoms)
}

/// Joins groups of atoms (a value, then each parameter) into a header's atoms: `;` after the
/// last atom of every group but the last.
pub fn with_semicolons(groups: Vec<Vec<String>>) -> Vec<String> {
    let count = groups.len();
    let mut atoms = Vec::new();
    for (i, mut group) in groups.into_iter().enumerate() {
        if i + 1 < count {
            if let Some(last) = group.last_mut() {
                last.push(';');
            }
        }
        atoms.extend(group);
    }
    atoms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_breaks_at_spaces_under_76() {
        let atoms: Vec<String> = "a long subject line that goes on and on and on past the end of a terminal line for sure"
            .split(' ')
            .map(str::to_string)
            .collect();
        let (text, lines) = fold("Subject", &atoms);
        assert!(lines > 1);
        for line in text.split("\r\n") {
            assert!(line.len() <= FOLD_AT, "{line:?}");
        }
        assert_eq!(
            text.replace("\r\n ", " ").trim_end(),
            "Subject: a long subject line that goes on and on and on past the end of a terminal line for sure"
        );
    }

    #[test]
    fn chinese_takes_b_and_accents_take_q() {
        let words = encoded_words("你好，世界", Charset::Utf8, 67, 75).unwrap();
        assert_eq!(words.encoding, WordEncoding::B);
        assert_eq!(words.words, ["=?UTF-8?B?5L2g5aW977yM5LiW55WM?="]);
        let words = encoded_words("Café au lait", Charset::Utf8, 67, 75).unwrap();
        assert_eq!(words.encoding, WordEncoding::Q);
        assert_eq!(words.words, ["=?UTF-8?Q?Caf=C3=A9_au_lait?="]);
        let words = encoded_words("测试", Charset::Gb2312, 67, 75).unwrap();
        assert_eq!(words.words, ["=?GB2312?B?suLK1A==?="]);
    }

    #[test]
    fn long_chinese_splits_into_whole_characters() {
        let text =
            "这是一个很长很长的中文主题，用来测试编码词的拆分是否会把一个汉字的字节拆开".repeat(2);
        let words = encoded_words(&text, Charset::Utf8, 67, 75).unwrap();
        assert!(words.words.len() > 3);
        for (i, w) in words.words.iter().enumerate() {
            assert!(w.len() <= if i == 0 { 67 } else { 75 }, "{w}");
            let inner = w.trim_start_matches("=?UTF-8?B?").trim_end_matches("?=");
            let bytes = BASE64.decode(inner).unwrap();
            assert!(
                String::from_utf8(bytes).is_ok(),
                "word {i} splits a character"
            );
        }
    }

    #[test]
    fn display_names_plain_quoted_encoded() {
        assert_eq!(
            phrase("carven li", Charset::Utf8).unwrap().0,
            ["carven", "li"]
        );
        assert_eq!(
            phrase("Li, Carven", Charset::Utf8).unwrap().0,
            ["\"Li, Carven\""]
        );
        assert_eq!(
            phrase("孙勇峰", Charset::Utf8).unwrap().0,
            ["=?UTF-8?B?5a2Z5YuH5bOw?="]
        );
    }

    #[test]
    fn rfc2231_parameters() {
        assert_eq!(parameter("filename", "att.txt").0, ["filename=\"att.txt\""]);
        assert_eq!(
            parameter("filename", "中文.txt").0,
            ["filename*=UTF-8''%E4%B8%AD%E6%96%87.txt"]
        );
        let (atoms, form) = parameter("filename", &"附件".repeat(20));
        assert!(matches!(form, ParamForm::Extended(n) if n > 1));
        assert!(atoms[0].starts_with("filename*0*=UTF-8''%E9%99%84"));
        assert!(atoms[1].starts_with("filename*1*=%"));
        for atom in &atoms {
            assert!(atom.len() <= MAX_PARAM_ATOM, "{atom}");
        }
        let (atoms, form) = parameter("filename", &"long-ascii-name-".repeat(8));
        assert_eq!(form, ParamForm::Continued(atoms.len()));
        assert!(atoms[0].starts_with("filename*0=\"long"));
    }
}
