//! Chinese that follows docs/glossary.md: every English/Chinese pair in `src/` — two string
//! literals in a row, the second with Chinese in it — that uses a glossary term in English
//! must not use the rejected rendering in Chinese.

use std::fs;
use std::path::Path;

/// (name, matches the English, rejected Chinese, unless the English also says this).
type Term = (
    &'static str,
    fn(&str) -> bool,
    &'static str,
    Option<&'static str>,
);

const TERMS: [Term; 16] = [
    (
        "relay",
        |en| en.to_ascii_lowercase().contains("relay"),
        "转发",
        Some("forward"),
    ),
    (
        "response",
        |en| en.to_ascii_lowercase().contains("response"),
        "应答",
        None,
    ),
    ("bare LF", |en| en.contains("bare LF"), "单独的 LF", None),
    (
        "authenticated as",
        |en| en.to_ascii_lowercase().contains("authenticated as"),
        "认证身份",
        None,
    ),
    (
        "encode",
        |en| en.to_ascii_lowercase().contains("base64"),
        "用 base64 编写",
        None,
    ),
    (
        "header",
        |en| en.to_ascii_lowercase().contains("header"),
        "头部",
        None,
    ),
    (
        "header",
        |en| en.to_ascii_lowercase().contains("header"),
        "信头",
        None,
    ),
    (
        "queue id",
        |en| en.to_ascii_lowercase().contains("queue id"),
        "队列编号",
        None,
    ),
    (
        "mail client",
        |en| {
            let en = en.to_ascii_lowercase();
            en.contains("mail client") || en.contains("mail program") || en.contains("mail reader")
        },
        "邮件程序",
        None,
    ),
    (
        "base64",
        |en| en.to_ascii_lowercase().contains("base64"),
        "Base64",
        None,
    ),
    (
        "defer",
        |en| en.to_ascii_lowercase().contains("defer"),
        "推迟",
        None,
    ),
    (
        "advertise",
        |en| en.to_ascii_lowercase().contains("advertis"),
        "公布",
        None,
    ),
    (
        "Enter (the key)",
        |en| {
            en.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == "Enter")
        },
        "回车",
        Some("carriage"),
    ),
    (
        "summary",
        |en| en.to_ascii_lowercase().contains("summary"),
        "摘要",
        Some("digest"),
    ),
    (
        "boundary",
        |en| en.to_ascii_lowercase().contains("boundar"),
        "分隔线",
        None,
    ),
    (
        "Historic",
        |en| en.to_ascii_lowercase().contains("historic"),
        "已成历史",
        None,
    ),
];

/// Files whose "header" is a protocol structure, not a mail header (NTLM's message header):
/// 头部 is right there.
const NOT_MAIL_HEADERS: [&str; 1] = ["ntlm"];

/// The string literals of a Rust source, in order (escapes left as written).
fn literals(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let bytes: Vec<char> = source.chars().collect();
    let mut i = 0;
    let mut line = 1;
    while i < bytes.len() {
        match bytes[i] {
            '\n' => line += 1,
            '/' if bytes.get(i + 1) == Some(&'/') => {
                while i < bytes.len() && bytes[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' => {
                // A char literal like '"' must not open a string; lifetimes are skipped too.
                if bytes.get(i + 2) == Some(&'\'') {
                    i += 3;
                    continue;
                }
                if bytes.get(i + 1) == Some(&'\\') && bytes.get(i + 3) == Some(&'\'') {
                    i += 4;
                    continue;
                }
            }
            '"' => {
                let start = line;
                let mut text = String::new();
                i += 1;
                while i < bytes.len() && bytes[i] != '"' {
                    if bytes[i] == '\\' {
                        text.push(bytes[i]);
                        i += 1;
                    }
                    if let Some(&c) = bytes.get(i) {
                        if c == '\n' {
                            line += 1;
                        }
                        text.push(c);
                    }
                    i += 1;
                }
                out.push((start, text));
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn chinese_texts_follow_the_glossary() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 50, "{} source files", files.len());
    let mut pairs = 0;
    let mut wrong = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).expect("a source file");
        let protocol_headers = NOT_MAIL_HEADERS
            .iter()
            .any(|name| file.to_string_lossy().contains(name));
        let literals = literals(&source);
        for pair in literals.windows(2) {
            let [(line, en), (_, zh)] = pair else {
                continue;
            };
            if chinese(en) || !chinese(zh) {
                continue;
            }
            pairs += 1;
            // authzid keeps its name beside the Chinese: 授权身份（authzid）.
            if en.to_ascii_lowercase().contains("authzid")
                && zh.contains("授权身份")
                && !zh.contains("authzid")
            {
                wrong.push(format!(
                    "{}:{line}: authzid without its name: {zh}",
                    file.display()
                ));
            }
            for (name, uses, rejected, unless) in TERMS {
                let excused = unless.is_some_and(|u| en.to_ascii_lowercase().contains(u))
                    || (name == "header" && protocol_headers);
                if uses(en) && zh.contains(rejected) && !excused {
                    wrong.push(format!(
                        "{}:{line}: {name} as {rejected}: {zh}",
                        file.display()
                    ));
                }
            }
        }
    }
    assert!(
        pairs > 1000,
        "only {pairs} English/Chinese pairs found: the scan is broken"
    );
    assert!(
        wrong.is_empty(),
        "{} texts break docs/glossary.md:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
