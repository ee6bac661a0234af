//! Every bilingual text carries the same placeholders in both languages. Texts with
//! parameters are filled by replacing `{name}` (a lowercase name in braces) with a value;
//! a Chinese text that lost or renamed a placeholder would show the raw `{n}` or drop the
//! value, and no compiler notices. This reads every `Tr::new("…", "…")` in `src/` and every
//! label of `Msg`, and compares the placeholders of the two languages.

use std::collections::BTreeMap;
use std::path::Path;

use smtp_trainer::i18n::Msg;

/// The placeholders of a text, with how often each occurs: `{n}`, `{what}`, `{max_len}`.
/// Braces around anything else (`{User}` in a grammar, JSON) are text, not placeholders.
fn placeholders(text: &str) -> BTreeMap<&str, usize> {
    let mut found = BTreeMap::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            *found.entry(name).or_insert(0) += 1;
            rest = &rest[close + 1..];
        }
    }
    found
}

/// A Rust string literal at the start of `s` (after blanks): its source text and the rest.
/// Knows `"…"` with backslash escapes and raw `r"…"`, `r#"…"#`.
fn literal(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    if let Some(body) = s.strip_prefix('"') {
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => return Some((&body[..i], &body[i + 1..])),
                _ => {}
            }
        }
        return None;
    }
    let raw = s.strip_prefix('r')?;
    let hashes = raw.len() - raw.trim_start_matches('#').len();
    let body = raw[hashes..].strip_prefix('"')?;
    let end = format!("\"{}", "#".repeat(hashes));
    let at = body.find(&end)?;
    Some((&body[..at], &body[at + end.len()..]))
}

/// Every `Tr::new(en, zh)` of a source file whose arguments are both literals, with its
/// line number.
fn pairs(source: &str) -> Vec<(usize, &str, &str)> {
    let mut found = Vec::new();
    let mut offset = 0;
    while let Some(at) = source[offset..].find("Tr::new(") {
        let start = offset + at + "Tr::new(".len();
        offset = start;
        let Some((en, rest)) = literal(&source[start..]) else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix(',') else {
            continue;
        };
        let Some((zh, _)) = literal(rest) else {
            continue;
        };
        let line = source[..start].matches('\n').count() + 1;
        found.push((line, en, zh));
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_text_has_the_same_placeholders_in_english_and_chinese() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut checked = 0;
    let mut with_placeholders = 0;
    let mut wrong = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("readable source");
        for (line, en, zh) in pairs(&source) {
            checked += 1;
            let (a, b) = (placeholders(en), placeholders(zh));
            if !a.is_empty() {
                with_placeholders += 1;
            }
            if a != b {
                wrong.push(format!(
                    "{}:{line}: English has {a:?}, Chinese has {b:?}",
                    file.strip_prefix(&src).unwrap_or(file).display()
                ));
            }
        }
    }
    for msg in Msg::ALL {
        let text = msg.text();
        checked += 1;
        let (a, b) = (placeholders(text.en), placeholders(text.zh));
        if a != b {
            wrong.push(format!(
                "Msg::{msg:?}: English has {a:?}, Chinese has {b:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The scanner finds the texts: there are about two thousand, dozens with parameters.
    assert!(checked > 1500, "only {checked} texts found");
    assert!(
        with_placeholders > 20,
        "only {with_placeholders} texts with placeholders found"
    );
}

#[test]
fn the_scanner_reads_literals_and_placeholders_as_rust_does() {
    assert_eq!(
        pairs("x Tr::new(\"a {n} \\\"b\\\"\",\n  \"{n} 个\")"),
        [(1, "a {n} \\\"b\\\"", "{n} 个")]
    );
    assert_eq!(
        pairs("Tr::new(r#\"say \"{what}\"\"#, r\"{what}\")"),
        [(1, "say \"{what}\"", "{what}")]
    );
    // Not literals (a const, a call): nothing to compare here.
    assert!(pairs("Tr::new(EN, ZH) Tr::new(&x, \"y\")").is_empty());
    let p = placeholders("{n} of {max_len}, {n} again; {User} {\"json\": 1} {}");
    assert_eq!(
        p.into_iter().collect::<Vec<_>>(),
        [("max_len", 1), ("n", 2)]
    );
    // A lost or renamed placeholder is found.
    assert_ne!(placeholders("{n} lines"), placeholders("{count} 行"));
    assert_ne!(placeholders("{n} of {m}"), placeholders("{n} 行"));
}
