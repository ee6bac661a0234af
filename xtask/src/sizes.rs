//! The bundle's size: every .wasm and .js file of `dist/`, raw and gzip-compressed (what a
//! static host sends). Printed, and written to `target/bundle-size.txt`.
//!
//! The budget for the whole product is 350 KB of wasm + js after gzip (issue 2); the report
//! states it, and the number is for people to watch, not a timed assertion.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

const BUDGET_GZIP_BYTES: u64 = 350 * 1000;

pub fn report(dist: &Path, out: &Path) -> Result<(), String> {
    let mut rows = Vec::new();
    let entries =
        std::fs::read_dir(dist).map_err(|e| format!("cannot read {}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let kind = match path.extension().and_then(|e| e.to_str()) {
            Some("wasm") => "wasm",
            Some("js") => "js",
            _ => continue,
        };
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let gzip = gzip_len(&bytes)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        rows.push((kind, name, bytes.len() as u64, gzip));
    }
    if rows.is_empty() {
        return Err(format!(
            "no .wasm or .js in {}; build it first",
            dist.display()
        ));
    }
    rows.sort();
    let mut text = String::from("bundle sizes (dist/)\n");
    for (kind, name, raw, gzip) in &rows {
        text.push_str(&format!(
            "  {kind:<5} {raw:>9} B raw {gzip:>9} B gzip  {name}\n"
        ));
    }
    let total_raw: u64 = rows.iter().map(|r| r.2).sum();
    let total_gzip: u64 = rows.iter().map(|r| r.3).sum();
    text.push_str(&format!(
        "  total {total_raw:>9} B raw {total_gzip:>9} B gzip  (budget {BUDGET_GZIP_BYTES} B gzip: {})\n",
        if total_gzip <= BUDGET_GZIP_BYTES { "within" } else { "OVER" }
    ));
    print!("{text}");
    if let Some(parent) = out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(out, &text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("  written to {}", out.display());
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    let compressed = encoder.finish().map_err(|e| e.to_string())?;
    Ok(compressed.len() as u64)
}
