//! Every bilingual text with placeholders (`{n}`, `{code}` …, filled by `.replace` at run
//! time) carries the same placeholders in English and Chinese: a `Tr::new("…", "…")` pair
//! anywhere in `src/`, and every UI label of `src/i18n/ui.rs` (`Name => "…", "…";`). A
//! Chinese text missing `{n}` would show no number; one with an extra `{n}` would show the
//! braces.

use std::fs;
use std::path::Path;

/// The `.rs` files under `dir`, recursively.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A string literal at the start of `text` (after whitespace): its raw contents (escapes
/// kept) and the rest after its closing quote.
fn literal(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start().strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some((&text[..i], &text[i + 1..])),
            _ => escaped = false,
        }
    }
    None
}

/// Two literals in a row separated by a comma: `"en", "zh"`.
fn pair(text: &str) -> Option<(&str, &str)> {
    let (en, rest) = literal(text)?;
    let rest = rest.trim_start().strip_prefix(',')?;
    let (zh, _) = literal(rest)?;
    Some((en, zh))
}

/// The `{name}` placeholders of a text, sorted (`{{` escapes and `{:?}` formats are not
/// placeholders).
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('{') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix('{') {
            rest = after;
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && rest[name.len()..].starts_with('}')
        {
            found.push(name);
        }
    }
    found.sort();
    found
}

/// Every (file, English, Chinese) pair the two patterns find.
fn pairs() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        let label = file.display().to_string();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("Tr::new(") {
            rest = &rest[at + "Tr::new(".len()..];
            if let Some((en, zh)) = pair(rest) {
                found.push((label.clone(), en.to_string(), zh.to_string()));
            }
        }
        if file.ends_with("i18n/ui.rs") {
            let mut rest = text.as_str();
            while let Some(at) = rest.find("=> \"") {
                rest = &rest[at + 2..];
                if let Some((en, zh)) = pair(rest) {
                    found.push((label.clone(), en.to_string(), zh.to_string()));
                }
            }
        }
    }
    found
}

#[test]
fn english_and_chinese_carry_the_same_placeholders() {
    let pairs = pairs();
    assert!(pairs.len() > 2000, "only {} pairs found", pairs.len());
    let with_placeholders = pairs
        .iter()
        .filter(|(_, en, _)| !placeholders(en).is_empty())
        .count();
    assert!(
        with_placeholders > 20,
        "only {with_placeholders} texts with placeholders: the scanner is broken"
    );
    for (file, en, zh) in &pairs {
        assert_eq!(
            placeholders(en),
            placeholders(zh),
            "{file}: {en:?} and {zh:?} differ in their placeholders"
        );
    }
}

#[test]
fn the_scanner_reads_placeholders_and_literals() {
    assert_eq!(
        placeholders("{n} of {total}, {{literal}}, {:?}"),
        ["n", "total"]
    );
    assert_eq!(
        pair(r#" "a \"{x}\"", "b {x}" )"#),
        Some((r#"a \"{x}\""#, "b {x}"))
    );
    assert_eq!(pair(r#""only one")"#), None);
}
