//! `cargo xtask size-breakdown [file.wasm]`: where the bytes of a wasm module are.
//!
//! Reads the module's sections (WebAssembly core spec §5.5): the code section's function
//! bodies are attributed by the `name` custom section (wasm-bindgen writes demangled names
//! into it) to their crate, to the trainer's modules (`smtp_trainer::smtp::reference`) and
//! to single functions; the data section (string tables, reply texts, encoding tables) is
//! one line, as are the other sections. Run it on a build that still has its names:
//! `trunk build --release` leaves `dist/*.wasm` with them (`cargo xtask dist` strips them).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub fn breakdown(file: Option<&str>) -> Result<(), String> {
    let path = match file {
        Some(f) => PathBuf::from(f),
        None => newest_wasm(&crate::root().join("dist"))?,
    };
    let module = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let sections = sections(&module).ok_or("not a well-formed wasm module")?;
    let mut bodies: Vec<usize> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut imported_functions = 0u32;
    let mut other: Vec<(String, usize)> = Vec::new();
    for (id, payload) in &sections {
        match id {
            2 => imported_functions = count_function_imports(payload).unwrap_or(0),
            10 => bodies = code_bodies(payload).ok_or("malformed code section")?,
            0 => {
                let (name, rest) = custom_name(payload).ok_or("malformed custom section")?;
                if name == "name" {
                    names = function_names(rest).unwrap_or_default();
                }
                other.push((format!("custom section `{name}`"), payload.len()));
            }
            11 => other.push(("data section".into(), payload.len())),
            _ => other.push((format!("section {id}"), payload.len())),
        }
    }
    if names.is_empty() {
        return Err(format!(
            "{} has no function names: use a build before `strip` (`trunk build --release`)",
            path.display()
        ));
    }
    let code: usize = bodies.iter().sum();
    let mut by_crate: HashMap<String, usize> = HashMap::new();
    let mut by_module: HashMap<String, usize> = HashMap::new();
    let mut functions: Vec<(usize, String)> = Vec::new();
    for (i, size) in bodies.iter().enumerate() {
        let index = imported_functions + i as u32;
        let name = names
            .get(&index)
            .cloned()
            .unwrap_or_else(|| format!("function[{index}]"));
        let readable = legacy_path(&name);
        let path = readable.as_deref().unwrap_or(&name);
        let path = path.trim_start_matches(['<', '&', '*', ' ', '_']);
        let path = path.strip_prefix("mut ").unwrap_or(path);
        let mut segments = path.split("::");
        let krate = segments.next().unwrap_or("?").to_string();
        if krate == "smtp_trainer" {
            let module = path.split("::").take(3).collect::<Vec<_>>().join("::");
            *by_module.entry(module).or_default() += size;
        }
        *by_crate.entry(krate).or_default() += size;
        functions.push((*size, name));
    }
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{}: {} bytes; code {} bytes in {} functions",
        path.display(),
        module.len(),
        code,
        bodies.len()
    );
    let _ = writeln!(text, "\nsections other than code:");
    other.sort_by_key(|o| std::cmp::Reverse(o.1));
    for (name, size) in &other {
        let _ = writeln!(text, "  {size:>9}  {name}");
    }
    table(
        &mut text,
        "code by crate (first path segment)",
        by_crate,
        25,
    );
    table(&mut text, "code by module of smtp_trainer", by_module, 30);
    functions.sort_by_key(|f| std::cmp::Reverse(f.0));
    let _ = writeln!(text, "\nlargest functions:");
    for (size, name) in functions.iter().take(25) {
        let name: String = name.chars().take(120).collect();
        let _ = writeln!(text, "  {size:>9}  {name}");
    }
    print!("{text}");
    Ok(())
}

/// The path of a legacy-mangled Rust symbol (`_ZN12smtp_trainer4smtp6server…17h…E` →
/// `smtp_trainer::smtp::server::…`), its hash dropped; an impl block (`_$LT$T$u20$as$u20$…`)
/// is named by the first path inside it. `None` for other names (already readable ones
/// included).
fn legacy_path(name: &str) -> Option<String> {
    let mut rest = name.strip_prefix("_ZN")?;
    let mut segments = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|&n| n > 0) {
        let len: usize = rest[..digits].parse().ok()?;
        let segment = rest.get(digits..digits + len)?;
        rest = &rest[digits + len..];
        if segment.len() == 17 && segment.starts_with('h') {
            break;
        }
        segments.push(segment);
    }
    let first = segments.first()?;
    if first.starts_with("_$LT$") {
        // `_$LT$yew..html..X$u20$as$u20$…$GT$`: the first `a..b` path in it.
        let inner = first.trim_start_matches("_$LT$");
        let path: String = inner
            .split(['$', ' '])
            .find(|p| p.contains(".."))
            .unwrap_or(inner)
            .replace("..", "::");
        let path = path.trim_start_matches(['<', '&', '*', ' ']);
        return Some(format!("{path}::{}", segments[1..].join("::")));
    }
    Some(segments.join("::"))
}

fn table(text: &mut String, title: &str, map: HashMap<String, usize>, top: usize) {
    let mut rows: Vec<_> = map.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let _ = writeln!(text, "\n{title}:");
    for (name, size) in rows.iter().take(top) {
        let _ = writeln!(text, "  {size:>9}  {name}");
    }
}

fn newest_wasm(dir: &Path) -> Result<PathBuf, String> {
    std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("wasm"))
        .max_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .ok_or_else(|| format!("no .wasm in {}", dir.display()))
}

fn leb(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

fn sections(module: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    if module.get(..4)? != b"\0asm" {
        return None;
    }
    let mut at = 8;
    let mut out = Vec::new();
    while at < module.len() {
        let id = *module.get(at)?;
        at += 1;
        let size = leb(module, &mut at)? as usize;
        out.push((id, module.get(at..at + size)?));
        at += size;
    }
    Some(out)
}

fn custom_name(payload: &[u8]) -> Option<(String, &[u8])> {
    let mut at = 0;
    let len = leb(payload, &mut at)? as usize;
    let name = String::from_utf8_lossy(payload.get(at..at + len)?).into_owned();
    Some((name, payload.get(at + len..)?))
}

fn count_function_imports(payload: &[u8]) -> Option<u32> {
    let mut at = 0;
    let count = leb(payload, &mut at)?;
    let mut functions = 0;
    for _ in 0..count {
        for _ in 0..2 {
            let len = leb(payload, &mut at)? as usize;
            at += len;
        }
        let kind = *payload.get(at)?;
        at += 1;
        match kind {
            0 => {
                leb(payload, &mut at)?;
                functions += 1;
            }
            1 => {
                at += 1; // reftype
                limits(payload, &mut at)?;
            }
            2 => limits(payload, &mut at)?,
            3 => at += 2, // valtype, mutability
            4 => {
                at += 1;
                leb(payload, &mut at)?;
            }
            _ => return None,
        }
    }
    Some(functions)
}

fn limits(payload: &[u8], at: &mut usize) -> Option<()> {
    let flag = *payload.get(*at)?;
    *at += 1;
    leb(payload, at)?;
    if flag & 1 == 1 {
        leb(payload, at)?;
    }
    Some(())
}

fn code_bodies(payload: &[u8]) -> Option<Vec<usize>> {
    let mut at = 0;
    let count = leb(payload, &mut at)?;
    let mut out = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let start = at;
        let size = leb(payload, &mut at)? as usize;
        at += size;
        out.push(at - start);
    }
    Some(out)
}

/// Subsection 1 of the `name` section: function index → name.
fn function_names(payload: &[u8]) -> Option<HashMap<u32, String>> {
    let mut at = 0;
    while at < payload.len() {
        let id = *payload.get(at)?;
        at += 1;
        let size = leb(payload, &mut at)? as usize;
        let sub = payload.get(at..at + size)?;
        at += size;
        if id != 1 {
            continue;
        }
        let mut p = 0;
        let count = leb(sub, &mut p)?;
        let mut names = HashMap::with_capacity(count as usize);
        for _ in 0..count {
            let index = leb(sub, &mut p)?;
            let len = leb(sub, &mut p)? as usize;
            let name = String::from_utf8_lossy(sub.get(p..p + len)?).into_owned();
            p += len;
            names.insert(index, name);
        }
        return Some(names);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::legacy_path;

    #[test]
    fn reads_legacy_mangled_paths() {
        assert_eq!(
            legacy_path("_ZN12smtp_trainer4smtp6server7command17hca41f80130970e01E").as_deref(),
            Some("smtp_trainer::smtp::server::command")
        );
        assert_eq!(
            legacy_path("_ZN96_$LT$smtp_trainer..ui..share..panel..SharePanel$u20$as$u20$yew..functional..FunctionProvider$GT$3run17hde0f52832b0f6465E").as_deref(),
            Some("smtp_trainer::ui::share::panel::SharePanel::run")
        );
        assert_eq!(legacy_path("memcpy"), None);
    }
}
