//! Fills in the service worker of a release build: `dist/sw.js` gets the release's content
//! hash as its cache version and the list of every file of `dist/` to cache (itself
//! excepted). Any change to any file gives a new version, so browsers install the new
//! worker, which replaces the previous release's cache whole (see `static/sw.js`).

use std::path::Path;

const VERSION: &str = "__SMTP_TRAINER_VERSION__";
const FILES: &str = "\"__SMTP_TRAINER_FILES__\"";

pub fn fill_service_worker(dist: &Path) -> Result<(), String> {
    let sw_path = dist.join("sw.js");
    let sw = std::fs::read_to_string(&sw_path)
        .map_err(|e| format!("cannot read {}: {e}", sw_path.display()))?;
    if !sw.contains(VERSION) || !sw.contains(FILES) {
        return Err(format!("{} has no placeholders to fill", sw_path.display()));
    }
    let mut files = Vec::new();
    list(dist, dist, &mut files)?;
    files.retain(|(name, _)| name != "sw.js");
    files.sort();
    // FNV-1a, 64 bits, over every name and content: a version, not a security measure.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, bytes) in &files {
        for &b in name.as_bytes().iter().chain([0u8].iter()).chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let version = format!("{hash:016x}");
    let list = files
        .iter()
        .map(|(name, _)| format!("{name:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let filled = sw.replace(VERSION, &version).replace(FILES, &list);
    std::fs::write(&sw_path, filled)
        .map_err(|e| format!("cannot write {}: {e}", sw_path.display()))?;
    println!(
        "  service worker: version {version}, {} files cached",
        files.len()
    );
    Ok(())
}

fn list(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            list(base, &path, out)?;
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let name = path
            .strip_prefix(base)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        out.push((name, bytes));
    }
    Ok(())
}
