//! The committed list of RFC sections (`tests/fixtures/rfc-sections.tsv`), for unit tests
//! that check a rule's citation names a section that exists.

/// Every `RFC NNNN §x.y` in a text, with the further sections of a list such as
/// `RFC 5321 §4.2.2, §4.2.3` (the same reading as `tests/reference_data.rs`).
pub(crate) fn citations(text: &str) -> Vec<(u32, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("RFC ") {
        rest = &rest[at + 4..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let Ok(rfc) = digits.parse::<u32>() else {
            continue;
        };
        let mut tail = &rest[digits.len()..];
        loop {
            let trimmed = tail.trim_start_matches([' ', ',', '/', '–', '-']);
            let Some(after) = trimmed.strip_prefix('§') else {
                break;
            };
            let section: String = after
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            let section = section.trim_end_matches('.').to_string();
            tail = &after[section.len()..];
            found.push((rfc, section));
        }
    }
    found
}

/// The sections of the committed list, as (rfc, section).
pub(crate) fn known() -> Vec<(u32, String)> {
    include_str!("../../tests/fixtures/rfc-sections.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("rfc\t") && !line.is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let rfc = fields.next()?.parse().ok()?;
            Some((rfc, fields.next()?.to_string()))
        })
        .collect()
}

/// Panics unless `source` cites at least one RFC section and every section it cites is
/// in the list.
pub(crate) fn assert_cites_known_sections(label: &str, source: &str) {
    let known = known();
    let cited = citations(source);
    assert!(
        !cited.is_empty(),
        "{label}: {source:?} cites no RFC section"
    );
    for (rfc, section) in cited {
        assert!(
            known.contains(&(rfc, section.clone())),
            "{label} cites RFC {rfc} §{section}, which tests/fixtures/rfc-sections.tsv does not list"
        );
    }
}

/// The variant names of `enum <name>` as declared in `source` (one `Name,` or `Name {` or
/// `Name(` a line), to check a test's list of all variants is complete.
pub(crate) fn enum_variants(source: &str, name: &str) -> Vec<String> {
    let start = source
        .find(&format!("enum {name} {{"))
        .unwrap_or_else(|| panic!("enum {name} not found"));
    let mut variants = Vec::new();
    for line in source[start..].lines().skip(1) {
        if line == "}" {
            break;
        }
        let Some(rest) = line.strip_prefix("    ") else {
            continue;
        };
        let ident: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if ident.starts_with(|c: char| c.is_ascii_uppercase())
            && rest[ident.len()..].starts_with([',', ' ', '('])
        {
            variants.push(ident);
        }
    }
    variants
}
