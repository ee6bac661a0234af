//! The organizational domain (RFC 7489 §3.2), for relaxed alignment: the registered domain
//! one label below a public suffix. `mail.example.com` → `example.com`,
//! `news.163.com` → `163.com`, `shop.example.com.cn` → `example.com.cn`.
//!
//! RFC 7489 uses the Public Suffix List. The trainer uses a small rule instead, so the page
//! stays light: the suffix is the last label, or the last two when they are one of the
//! second-level suffixes in [`TWO_LABEL_SUFFIXES`] (China's, and the commonest elsewhere).
//! For a domain under another multi-label suffix the answer can be one label too short;
//! the steps say which rule was used.

/// Second-level public suffixes the rule knows.
pub const TWO_LABEL_SUFFIXES: &[&str] = &[
    "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "mil.cn", "com.hk", "com.tw",
    "org.tw", "co.uk", "org.uk", "ac.uk", "gov.uk", "co.jp", "ne.jp", "or.jp", "ac.jp", "com.au",
    "net.au", "org.au", "edu.au", "co.nz", "com.br", "com.mx", "co.in", "co.kr", "com.sg", "co.za",
];

/// The organizational domain of `domain` (lower-cased, without a final dot).
pub fn organizational(domain: &str) -> String {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    let n = labels.len();
    if n <= 2 {
        return d;
    }
    let last_two = format!("{}.{}", labels[n - 2], labels[n - 1]);
    let keep = if TWO_LABEL_SUFFIXES.contains(&last_two.as_str()) {
        3
    } else {
        2
    };
    labels[n.saturating_sub(keep)..].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizational_domains() {
        for (d, o) in [
            ("mail.example.com", "example.com"),
            ("example.com", "example.com"),
            ("news.163.com", "163.com"),
            ("a.b.example.com.cn", "example.com.cn"),
            ("example.co.uk.", "example.co.uk"),
            ("com", "com"),
        ] {
            assert_eq!(organizational(d), o, "{d}");
        }
    }
}
