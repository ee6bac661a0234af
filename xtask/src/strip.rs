//! Drops the `name` custom section from the release wasm in `dist/`.
//!
//! The section holds function names for debuggers (about a quarter of the file here) and
//! nothing a learner's browser uses. The usual tool, wasm-opt, cannot be had: binaryen 116
//! (the newest buildable from crates.io) rejects the `table.fill` that Rust 1.95 with
//! wasm-bindgen 0.2.130 emits, Debian's binaryen 108 is older still, and trunk downloads
//! nothing offline. wasm-bindgen can drop the section itself, but trunk 0.21 has no switch
//! for it. The wasm is served without SRI (see index.html), so rewriting it is safe.
//!
//! Module layout (WebAssembly core spec §5.5): 8 header octets, then sections of
//! `id: u8, size: u32 LEB128, payload`; a custom section (id 0) starts with its name.

use std::path::Path;

pub fn strip_name_sections(dist: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("wasm") {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let stripped = without_custom_section(&bytes, "name")
            .ok_or_else(|| format!("{} is not a well-formed wasm module", path.display()))?;
        if stripped.len() != bytes.len() {
            println!(
                "  stripped the name section of {}: {} -> {} bytes",
                path.file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default(),
                bytes.len(),
                stripped.len()
            );
            std::fs::write(&path, stripped)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The module without custom sections called `name`; `None` if it is malformed.
fn without_custom_section(module: &[u8], name: &str) -> Option<Vec<u8>> {
    if module.get(..4)? != b"\0asm" {
        return None;
    }
    let mut out = module.get(..8)?.to_vec();
    let mut at = 8;
    while at < module.len() {
        let start = at;
        let id = *module.get(at)?;
        let (size, after) = leb128_u32(module, at + 1)?;
        let end = after.checked_add(size as usize)?;
        let payload = module.get(after..end)?;
        let drop = id == 0 && {
            let (len, name_at) = leb128_u32(payload, 0)?;
            payload.get(name_at..name_at + len as usize)? == name.as_bytes()
        };
        if !drop {
            out.extend_from_slice(&module[start..end]);
        }
        at = end;
    }
    Some(out)
}

fn leb128_u32(bytes: &[u8], mut at: usize) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at)?;
        at += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((value, at));
        }
    }
    None
}

/// Drops the comments of `dist/index.html`, which every first visit downloads: the HTML
/// comments, and the whole-line `//` comments of its inline scripts (the loader). They
/// explain the source to its readers; the page needs none of them.
pub fn strip_index_comments(dist: &Path) -> Result<(), String> {
    let path = dist.join("index.html");
    let html = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let stripped = without_comments(&html)
        .ok_or_else(|| format!("{} has an unclosed comment or script", path.display()))?;
    println!(
        "  stripped the comments of index.html: {} -> {} bytes",
        html.len(),
        stripped.len()
    );
    std::fs::write(&path, stripped).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Drops the comments and the indentation of the stylesheets in `dist/` (style.css blocks
/// every first visit's first paint), and writes each one's new SHA-384 into the `integrity`
/// attribute index.html gives it; a sheet index.html does not name (the sections' sheets,
/// which the loader fetches with the whole app) is renamed by its content and the loader's
/// list says so. (Trunk's own minifier cannot be used: it
/// minifies the workers' wasm-bindgen glue too, which no attribute turns off.)
pub fn strip_css_comments(dist: &Path) -> Result<(), String> {
    use base64::Engine as _;
    use sha2::Digest as _;

    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    // The first pages' modules, whose strings hold every class name they can set.
    let mut first_pages = Vec::new();
    for entry in std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read {}: {e}", dist.display()))?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let first = crate::sizes::FIRST_PAGES
            .iter()
            .any(|(_, stem, _)| name.starts_with(stem));
        if first && name.ends_with("_bg.wasm") {
            let bytes = std::fs::read(entry.path())
                .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            first_pages.push((name, bytes));
        }
    }
    if first_pages.is_empty() {
        return Err(format!("no first page's module in {}", dist.display()));
    }
    // Listed first: the renamed sheets are written into the same folder.
    let sheets: Vec<(std::path::PathBuf, String)> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read {}: {e}", dist.display()))?
        .flatten()
        .map(|entry| {
            (
                entry.path(),
                entry.file_name().to_string_lossy().into_owned(),
            )
        })
        .filter(|(_, name)| name.ends_with(".css"))
        .collect();
    for (path, name) in sheets {
        let css = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let stripped = css_without_comments(&css)
            .ok_or_else(|| format!("{} has an unclosed comment", path.display()))?;
        let digest = |text: &str| {
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(text))
        };
        let (old, new) = (
            format!("sha384-{}", digest(&css)),
            format!("sha384-{}", digest(&stripped)),
        );
        let mut written = path.clone();
        if index.contains(&format!("./{name}\" integrity=\"{old}\"")) {
            index = index.replace(&old, &new);
        } else if index.contains(&format!("./{name}\"")) {
            return Err(format!("index.html names {name} without its SHA-384"));
        } else {
            // A section's sheet, which the loader fetches with the whole app: none of its
            // rules may be one a first page needs (see sheets.rs).
            for (module, strings) in &first_pages {
                let reachable = crate::sheets::reachable_selectors(&stripped, strings);
                if !reachable.is_empty() {
                    return Err(format!(
                        "{name} comes with the whole app only, but {module} (a first page) may use \
                         these of its rules; move them to static/style.css: {}",
                        reachable.join(" | ")
                    ));
                }
            }
            // Named by its content, as trunk names style.css, so no cache pairs one
            // release's page with another's rules.
            let stem = name.trim_end_matches(".css");
            let hashed = format!("{stem}-{}", &hex(&sha2::Sha384::digest(&stripped))[..16]);
            index = with_sheet_named(&index, stem, &hashed)
                .ok_or_else(|| format!("the loader in index.html does not list {name}"))?;
            written = dist.join(format!("{hashed}.css"));
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
        std::fs::write(&written, &stripped)
            .map_err(|e| format!("cannot write {}: {e}", written.display()))?;
        println!(
            "  stripped the comments of {name}: {} -> {} bytes",
            css.len(),
            stripped.len()
        );
    }
    std::fs::write(&index_path, index)
        .map_err(|e| format!("cannot write {}: {e}", index_path.display()))
}

/// The loader's list of the sections' sheets (`const SHEETS = "compose learn msgauth";`)
/// with `stem` written as `hashed`; `None` if the list or the name is not there.
fn with_sheet_named(index: &str, stem: &str, hashed: &str) -> Option<String> {
    const LIST: &str = "const SHEETS = \"";
    let start = index.find(LIST)? + LIST.len();
    let end = index[start..].find('"')? + start;
    let names: Vec<&str> = index[start..end].split(' ').collect();
    if !names.contains(&stem) {
        return None;
    }
    let renamed: Vec<&str> = names
        .iter()
        .map(|n| if *n == stem { hashed } else { n })
        .collect();
    Some(format!(
        "{}{}{}",
        &index[..start],
        renamed.join(" "),
        &index[end..]
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `css` without its `/* … */` comments, its indentation and its empty lines; `None` when
/// a comment is not closed. (The stylesheets hold no string with `/*` in it.)
fn css_without_comments(css: &str) -> Option<String> {
    let mut code = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        code.push_str(&rest[..start]);
        let end = rest[start..].find("*/")? + start + 2;
        rest = &rest[end..];
    }
    code.push_str(rest);
    let lines: Vec<&str> = code
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    Some(lines.join("\n") + "\n")
}

/// `html` without its `<!-- … -->` comments and without the lines of its inline scripts
/// that are `//` comments alone; `None` when a comment or a script is not closed.
fn without_comments(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let comment = rest.find("<!--");
        let script = rest.find("<script>");
        match (comment, script) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                out.push_str(rest[..c].trim_end_matches([' ', '\t']));
                let end = rest[c..].find("-->")? + c + 3;
                rest = &rest[end..];
                // The comment's own line goes with it.
                if out.ends_with('\n') {
                    rest = rest.strip_prefix('\n').unwrap_or(rest);
                }
            }
            (_, Some(s)) => {
                let body = s + "<script>".len();
                out.push_str(&rest[..body]);
                let end = rest[body..].find("</script>")? + body;
                let code: Vec<&str> = rest[body..end]
                    .split('\n')
                    .filter(|line| !line.trim_start().starts_with("//"))
                    .collect();
                out.push_str(&code.join("\n"));
                rest = &rest[end..];
                out.push_str("</script>");
                rest = &rest["</script>".len()..];
            }
            _ => {
                out.push_str(rest);
                return Some(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(name: &str, body: &[u8]) -> Vec<u8> {
        let mut payload = vec![name.len() as u8];
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(body);
        let mut section = vec![0u8, payload.len() as u8];
        section.extend(payload);
        section
    }

    #[test]
    fn drops_only_the_name_section() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend([1u8, 1, 0]); // an empty type section
        module.extend(custom("name", b"\x01\x02\x03"));
        module.extend(custom("target_features", b"\x00"));
        let stripped = without_custom_section(&module, "name").unwrap();
        let mut want = b"\0asm\x01\0\0\0".to_vec();
        want.extend([1u8, 1, 0]);
        want.extend(custom("target_features", b"\x00"));
        assert_eq!(stripped, want);
    }

    #[test]
    fn malformed_modules_are_refused() {
        assert_eq!(
            without_custom_section(b"\0asm\x01\0\0\0\x01\x05\0", "name"),
            None
        );
        assert_eq!(without_custom_section(b"not wasm", "name"), None);
        assert_eq!(
            without_custom_section(b"\0asm\x01\0\0\0\x00\xff\xff\xff\xff\xff", "name"),
            None
        );
    }

    #[test]
    fn comments_go_and_code_stays() {
        let html = "<head>\n  <!-- a note\n  on two lines -->\n  <title>T</title>\n  \
                    <script>// the loader\n  const a = \"http://x\"; // kept\n  \
                    // gone\n  run(a);</script>\n</head>";
        assert_eq!(
            without_comments(html).unwrap(),
            "<head>\n  <title>T</title>\n  <script>  const a = \"http://x\"; // kept\n  \
             run(a);</script>\n</head>"
        );
        assert_eq!(without_comments("<!-- open"), None);
        assert_eq!(without_comments("<script>x"), None);
    }

    #[test]
    fn a_sections_sheet_is_renamed_in_the_loaders_list_only() {
        let index =
            "<script>\nconst SHEETS = \"compose learn msgauth\";\nconst learn = 1;\n</script>";
        assert_eq!(
            with_sheet_named(index, "learn", "learn-0123abcd").as_deref(),
            Some("<script>\nconst SHEETS = \"compose learn-0123abcd msgauth\";\nconst learn = 1;\n</script>")
        );
        assert_eq!(with_sheet_named(index, "lear", "lear-1"), None);
        assert_eq!(
            with_sheet_named("<p>no loader</p>", "learn", "learn-1"),
            None
        );
    }

    #[test]
    fn stylesheets_lose_comments_and_indentation_only() {
        let css =
            "/* The page. */\nmain {\n  color: red; /* why */\n}\n\n/* a\n   b */\na { b: c }\n";
        assert_eq!(
            css_without_comments(css).unwrap(),
            "main {\ncolor: red;\n}\na { b: c }\n"
        );
        assert_eq!(css_without_comments("a { } /* open"), None);
    }
}
