//! The committed list of RFC sections (`tests/fixtures/rfc-sections.tsv`) and the reading
//! of a text's `RFC NNNN §x.y` citations, for the tests that check a citation names a
//! section that exists (`tests/reference_data.rs` and unit tests of the rules).

/// Every `RFC NNNN §x.y` in a text, with the further sections of a list such as
/// `RFC 5321 §4.2.2, §4.2.3` or a range `§3.1–§3.8`.
pub fn citations(text: &str) -> Vec<(u32, String)> {
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

/// One row of the committed list: the section, its title and what it may be cited for.
pub struct Section {
    /// The RFC's number.
    pub rfc: u32,
    /// The section number (`4.2.3`).
    pub section: String,
    /// The section's title.
    pub title: String,
    /// Reply codes (`550`), enhanced codes (`X.7.26`) or whole subjects (`X.7.*`); `*` is
    /// a section about every code.
    pub cited_for: Vec<String>,
}

/// The rows of the committed list, or the first line that is not `rfc`, `section`, `title`,
/// `cited for` separated by tabs.
pub fn sections() -> Result<Vec<Section>, String> {
    include_str!("../../tests/fixtures/rfc-sections.tsv")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("rfc\t") && !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [rfc, section, title, cited_for] = fields[..] else {
                return Err(format!("{line:?}: rfc, section, title, cited for"));
            };
            Ok(Section {
                rfc: rfc.parse().map_err(|_| format!("{line:?}: rfc"))?,
                section: section.to_string(),
                title: title.to_string(),
                cited_for: cited_for.split(',').map(str::to_string).collect(),
            })
        })
        .collect()
}

/// The sections of the committed list, as (rfc, section).
#[cfg(test)]
pub(crate) fn known() -> Vec<(u32, String)> {
    sections()
        .unwrap_or_else(|problem| panic!("tests/fixtures/rfc-sections.tsv: {problem}"))
        .into_iter()
        .map(|row| (row.rfc, row.section))
        .collect()
}

/// Panics unless `source` cites at least one RFC section and every section it cites is
/// in the list.
#[cfg(test)]
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
#[cfg(test)]
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
