//! A small subset of TOML (<https://toml.io/en/v1.0.0>), read by hand: enough for scenario
//! files and shared links, small in the wasm bundle (no serde), and every error carries the
//! line it is on.
//!
//! What it reads: `# comments`; `key = value` with a bare key (`A-Z a-z 0-9 _ -`); `[table]`
//! and `[[array-of-tables]]` headers with a bare name; values that are basic strings
//! (`"…"` with the escapes `\" \\ \n \r \t \uXXXX`), decimal integers, `true` / `false`, and
//! arrays of strings, which may span lines (`[` … `]`, a trailing comma allowed). What it
//! does not read (dotted keys, literal and multi-line strings, floats, dates, inline tables)
//! is refused with its line: a file this module reads means the same to any TOML reader.

use std::fmt::Write as _;

/// At most this many bytes are read (a scenario is a few kilobytes).
pub const MAX_INPUT: usize = 64 * 1024;
/// At most this many errors are reported.
const MAX_ERRORS: usize = 50;

/// A value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
    /// `true` or `false`.
    Bool(bool),
    /// An array of strings.
    List(Vec<String>),
}

/// One `key = value` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The key.
    pub key: String,
    /// The line it is on (1-based).
    pub line: usize,
    /// The value.
    pub value: Value,
}

/// A table: the root (name `""`), a `[name]` or one `[[name]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The name in the header.
    pub name: String,
    /// The header's line (0 for the root).
    pub line: usize,
    /// Whether it came from `[[name]]`.
    pub many: bool,
    /// Its entries, in order.
    pub entries: Vec<Entry>,
}

impl Table {
    /// The entry with this key.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// A syntax error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Syntax {
    /// The input is longer than [`MAX_INPUT`].
    TooLong,
    /// A line that is neither a header, a `key = value`, a comment nor blank.
    NotKeyValue,
    /// A key or a table name with characters other than `A-Z a-z 0-9 _ -`.
    BadKey,
    /// A key given twice in one table.
    DuplicateKey,
    /// A `[table]` given twice.
    DuplicateTable,
    /// A string without its closing quote.
    UnterminatedString,
    /// A backslash escape TOML does not know.
    BadEscape,
    /// A value that is not a string, an integer, a boolean or an array of strings.
    BadValue,
    /// An array without its closing `]`.
    UnterminatedArray,
    /// Something after the value on the same line.
    TrailingText,
}

/// A syntax error and its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The line (1-based).
    pub line: usize,
    /// What is wrong.
    pub kind: Syntax,
}

fn bare(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Reads a basic string whose opening quote was just consumed; returns the string and the
/// rest of the line after the closing quote.
fn string(rest: &str) -> Result<(String, &str), Syntax> {
    let mut out = String::new();
    let mut chars = rest.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &rest[i + 1..])),
            '\\' => match chars.next().map(|(_, c)| c) {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                    let c = (hex.len() == 4)
                        .then(|| u32::from_str_radix(&hex, 16).ok())
                        .flatten()
                        .and_then(char::from_u32)
                        .ok_or(Syntax::BadEscape)?;
                    out.push(c);
                }
                _ => return Err(Syntax::BadEscape),
            },
            c if c.is_control() && c != '\t' => return Err(Syntax::BadValue),
            c => out.push(c),
        }
    }
    Err(Syntax::UnterminatedString)
}

/// What is left of a line after a value: only blanks or a comment.
fn end_of_line(rest: &str) -> Result<(), Syntax> {
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with('#') {
        Ok(())
    } else {
        Err(Syntax::TrailingText)
    }
}

/// The reader's position in an array that spans lines.
struct OpenArray {
    key: String,
    line: usize,
    items: Vec<String>,
    /// Whether an item was read and no comma after it yet.
    after_item: bool,
}

/// Reads the items of an array from `rest`; returns true when the closing `]` was found.
fn array_items(open: &mut OpenArray, mut rest: &str) -> Result<bool, Syntax> {
    loop {
        rest = rest.trim_start();
        if rest.is_empty() || rest.starts_with('#') {
            return Ok(false);
        }
        if let Some(after) = rest.strip_prefix(']') {
            end_of_line(after)?;
            return Ok(true);
        }
        if let Some(after) = rest.strip_prefix(',') {
            if !open.after_item {
                return Err(Syntax::BadValue);
            }
            open.after_item = false;
            rest = after;
            continue;
        }
        if open.after_item {
            return Err(Syntax::BadValue);
        }
        let Some(after) = rest.strip_prefix('"') else {
            return Err(Syntax::BadValue);
        };
        let (item, after) = string(after)?;
        open.items.push(item);
        open.after_item = true;
        rest = after;
    }
}

/// Parses `input` into its tables: the root first, then each header's table in order.
/// Every error is returned with its line (at most 50), never a panic.
pub fn parse(input: &str) -> Result<Vec<Table>, Vec<SyntaxError>> {
    if input.len() > MAX_INPUT {
        return Err(vec![SyntaxError {
            line: 1,
            kind: Syntax::TooLong,
        }]);
    }
    // A file saved by Windows Notepad as UTF-8 starts with a byte order mark, which is no
    // part of its first line.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut tables = vec![Table::default()];
    let mut errors = Vec::new();
    let mut open: Option<OpenArray> = None;
    for (index, raw) in input.lines().enumerate() {
        let line = index + 1;
        if errors.len() >= MAX_ERRORS {
            break;
        }
        let mut fail = |kind| errors.push(SyntaxError { line, kind });
        if let Some(mut array) = open.take() {
            match array_items(&mut array, raw) {
                Ok(true) => {
                    push_entry(&mut tables, array.key, array.line, Value::List(array.items))
                        .unwrap_or_else(&mut fail)
                }
                Ok(false) => open = Some(array),
                Err(kind) => fail(kind),
            }
            continue;
        }
        let text = raw.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if let Some(header) = text.strip_prefix('[') {
            let (many, header) = match header.strip_prefix('[') {
                Some(h) => (true, h),
                None => (false, header),
            };
            let close = if many { "]]" } else { "]" };
            let Some((name, after)) = header.split_once(close) else {
                fail(Syntax::BadKey);
                continue;
            };
            let name = name.trim();
            if !bare(name) {
                fail(Syntax::BadKey);
                continue;
            }
            if let Err(kind) = end_of_line(after) {
                fail(kind);
                continue;
            }
            if !many && tables.iter().any(|t| t.name == name) {
                fail(Syntax::DuplicateTable);
                continue;
            }
            tables.push(Table {
                name: name.to_string(),
                line,
                many,
                entries: Vec::new(),
            });
            continue;
        }
        let Some((key, value)) = text.split_once('=') else {
            fail(Syntax::NotKeyValue);
            continue;
        };
        let key = key.trim();
        if !bare(key) {
            fail(Syntax::BadKey);
            continue;
        }
        let value = value.trim_start();
        let parsed = if let Some(rest) = value.strip_prefix('"') {
            string(rest).and_then(|(s, rest)| end_of_line(rest).map(|()| Value::Str(s)))
        } else if let Some(rest) = value.strip_prefix('[') {
            let mut array = OpenArray {
                key: key.to_string(),
                line,
                items: Vec::new(),
                after_item: false,
            };
            match array_items(&mut array, rest) {
                Ok(true) => Ok(Value::List(array.items)),
                Ok(false) => {
                    open = Some(array);
                    continue;
                }
                Err(kind) => Err(kind),
            }
        } else {
            let (word, rest) = value
                .split_once(|c: char| c.is_whitespace() || c == '#')
                .map_or((value, ""), |(w, _)| (w, &value[w.len()..]));
            end_of_line(rest).and_then(|()| match word {
                "true" => Ok(Value::Bool(true)),
                "false" => Ok(Value::Bool(false)),
                w if w.bytes().enumerate().all(|(i, b)| {
                    b.is_ascii_digit() || (i == 0 && (b == b'-' || b == b'+')) && w.len() > 1
                }) =>
                {
                    w.parse().map(Value::Int).map_err(|_| Syntax::BadValue)
                }
                _ => Err(Syntax::BadValue),
            })
        };
        match parsed {
            Ok(value) => {
                push_entry(&mut tables, key.to_string(), line, value).unwrap_or_else(&mut fail)
            }
            Err(kind) => fail(kind),
        }
    }
    if let Some(array) = open {
        errors.push(SyntaxError {
            line: array.line,
            kind: Syntax::UnterminatedArray,
        });
    }
    if errors.is_empty() {
        Ok(tables)
    } else {
        errors.truncate(MAX_ERRORS);
        Err(errors)
    }
}

fn push_entry(tables: &mut [Table], key: String, line: usize, value: Value) -> Result<(), Syntax> {
    let Some(table) = tables.last_mut() else {
        return Ok(());
    };
    if table.get(&key).is_some() {
        return Err(Syntax::DuplicateKey);
    }
    table.entries.push(Entry { key, line, value });
    Ok(())
}

/// `text` as a TOML basic string, quotes included: what [`parse`] reads back as `text`.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
