//! The organizational domain (RFC 7489 §3.2), for relaxed alignment: the registered domain
//! one label below a public suffix, found with the Public Suffix List (the `psl` crate,
//! which compiles the list in). `mail.example.com` → `example.com`, `news.163.com` →
//! `163.com`, `shop.example.com.cn` → `example.com.cn`, `x.example.sh.cn` →
//! `example.sh.cn`, `victim.github.io` → `victim.github.io` (a suffix of the list's private
//! section). A domain that is itself a public suffix, or has no label below one, is its own.

/// The organizational domain of `domain` (lower-cased, without a final dot).
pub fn organizational(domain: &str) -> String {
    let d = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    match psl::domain_str(&d) {
        Some(registered) => registered.to_string(),
        None => d,
    }
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
            // Multi-label suffixes a short list of its own used to miss.
            ("mail.example.gov.au", "example.gov.au"),
            ("shop.example.sh.cn", "example.sh.cn"),
            ("x.example.bj.cn", "example.bj.cn"),
            ("mail.example.org.hk", "example.org.hk"),
            ("victim.example.ac.kr", "example.ac.kr"),
            ("mail.example.me.uk", "example.me.uk"),
            ("victim.github.io", "victim.github.io"),
            ("gov.au", "gov.au"),
        ] {
            assert_eq!(organizational(d), o, "{d}");
        }
    }
}
