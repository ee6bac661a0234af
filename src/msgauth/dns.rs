//! DNS data supplied by the learner or a scenario (the page does no DNS): TXT, A, AAAA and
//! MX records by name, read from a zone-like text, one record a line:
//!
//! ```text
//! # comments and empty lines are ignored; names are case-insensitive, a final dot optional
//! example.com.                 TXT   "v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all"
//! _dmarc.example.com           TXT   v=DMARC1; p=reject
//! brisbane._domainkey.example.com TXT "v=DKIM1; k=ed25519; " "p=11qY…"
//! mail.example.com             A     192.0.2.10
//! mail.example.com             AAAA  2001:db8::10
//! example.com                  MX    10 mail.example.com
//! broken.example               TEMPFAIL
//! ```
//!
//! A TXT value in quotes is one or more character-strings, joined (RFC 7208 §3.3); without
//! quotes it is the rest of the line. `TEMPFAIL` makes every lookup of that name fail
//! temporarily, to show SPF's `temperror`.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::i18n::{Lang, Tr};

/// The most records read.
pub const MAX_RECORDS: usize = 10_000;

/// One record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// TXT, its strings joined.
    Txt(String),
    /// A.
    A(Ipv4Addr),
    /// AAAA.
    Aaaa(Ipv6Addr),
    /// MX: preference and exchange.
    Mx(u16, String),
}

/// A record type to look up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// TXT.
    Txt,
    /// A.
    A,
    /// AAAA.
    Aaaa,
    /// MX.
    Mx,
}

impl Type {
    /// The type's name.
    pub fn name(self) -> &'static str {
        match self {
            Type::Txt => "TXT",
            Type::A => "A",
            Type::Aaaa => "AAAA",
            Type::Mx => "MX",
        }
    }
}

/// What a lookup found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Records of the type asked for.
    Records(Vec<Record>),
    /// The name exists, with no record of that type (NODATA).
    NoData,
    /// The name does not exist (NXDOMAIN).
    NxDomain,
    /// A temporary failure (SERVFAIL, timeout).
    TempFail,
}

/// The supplied records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Zone {
    records: BTreeMap<String, Vec<Record>>,
    tempfail: Vec<String>,
}

/// A line of a zone text that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneError {
    /// 1-based line.
    pub line: usize,
    /// The line.
    pub text: String,
}

const NOT_A_RECORD: Tr = Tr::new(
    "Line {line}: {text} is not \"name TYPE data\" (TXT, A, AAAA, MX, or name TEMPFAIL).",
    "第 {line} 行：{text} 不是“名称 类型 数据”格式（TXT、A、AAAA、MX，或“名称 TEMPFAIL”）。",
);

impl ZoneError {
    /// The error in words.
    pub fn describe(&self, lang: Lang) -> String {
        NOT_A_RECORD.fill(
            lang,
            &[("line", &self.line), ("text", &format!("{:?}", self.text))],
        )
    }
}

/// A name in canonical form: lower case, no final dot.
pub fn canonical(name: &str) -> String {
    name.trim().trim_end_matches('.').to_ascii_lowercase()
}

impl Zone {
    /// Reads a zone text.
    pub fn parse(text: &str) -> Result<Zone, ZoneError> {
        let mut zone = Zone::default();
        let mut count = 0;
        for (n, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            let err = || ZoneError {
                line: n + 1,
                text: trimmed.to_string(),
            };
            let mut parts = trimmed.splitn(2, char::is_whitespace);
            let name = canonical(parts.next().unwrap_or(""));
            let rest = parts.next().unwrap_or("").trim_start();
            let mut parts = rest.splitn(2, char::is_whitespace);
            let mut ty = parts.next().unwrap_or("").to_ascii_uppercase();
            let mut data = parts.next().unwrap_or("").trim();
            // An optional class, as in zone files: "IN TXT …".
            if ty == "IN" {
                let mut p = data.splitn(2, char::is_whitespace);
                ty = p.next().unwrap_or("").to_ascii_uppercase();
                data = p.next().unwrap_or("").trim();
            }
            if name.is_empty() {
                return Err(err());
            }
            count += 1;
            if count > MAX_RECORDS {
                return Err(err());
            }
            let record = match ty.as_str() {
                "TEMPFAIL" => {
                    zone.tempfail.push(name);
                    continue;
                }
                "TXT" => Record::Txt(crate::msgauth::dkim::key::join_txt_strings(data)),
                "A" => Record::A(data.parse().map_err(|_| err())?),
                "AAAA" => Record::Aaaa(data.parse().map_err(|_| err())?),
                "MX" => {
                    let mut p = data.split_whitespace();
                    let pref = p.next().and_then(|x| x.parse().ok()).ok_or_else(err)?;
                    let host = p.next().map(canonical).ok_or_else(err)?;
                    Record::Mx(pref, host)
                }
                _ => return Err(err()),
            };
            zone.add(&name, record);
        }
        Ok(zone)
    }

    /// Adds a record.
    pub fn add(&mut self, name: &str, record: Record) {
        self.records
            .entry(canonical(name))
            .or_default()
            .push(record);
    }

    /// Looks a name up.
    pub fn lookup(&self, name: &str, ty: Type) -> Answer {
        let name = canonical(name);
        if self.tempfail.contains(&name) {
            return Answer::TempFail;
        }
        let Some(all) = self.records.get(&name) else {
            // A name with records below it exists (an "empty non-terminal").
            let suffix = format!(".{name}");
            return if self.records.keys().any(|k| k.ends_with(&suffix)) {
                Answer::NoData
            } else {
                Answer::NxDomain
            };
        };
        let found: Vec<Record> = all
            .iter()
            .filter(|r| {
                matches!(
                    (r, ty),
                    (Record::Txt(_), Type::Txt)
                        | (Record::A(_), Type::A)
                        | (Record::Aaaa(_), Type::Aaaa)
                        | (Record::Mx(..), Type::Mx)
                )
            })
            .cloned()
            .collect();
        if found.is_empty() {
            Answer::NoData
        } else {
            Answer::Records(found)
        }
    }

    /// The TXT strings at a name (empty unless found).
    pub fn txt(&self, name: &str) -> Vec<String> {
        match self.lookup(name, Type::Txt) {
            Answer::Records(r) => r
                .into_iter()
                .filter_map(|r| match r {
                    Record::Txt(t) => Some(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zone_text_reads() {
        let z = Zone::parse(
            "# test\nExample.COM. TXT \"v=spf1 \" \"-all\"\nmail.example.com A 192.0.2.1\nexample.com IN MX 10 Mail.example.com.\nbad.example TEMPFAIL\n",
        )
        .unwrap();
        assert_eq!(z.txt("example.com"), ["v=spf1 -all"]);
        assert_eq!(
            z.lookup("example.com", Type::Mx),
            Answer::Records(vec![Record::Mx(10, "mail.example.com".into())])
        );
        assert_eq!(z.lookup("example.com", Type::A), Answer::NoData);
        assert_eq!(z.lookup("nope.example", Type::A), Answer::NxDomain);
        assert_eq!(z.lookup("bad.example", Type::A), Answer::TempFail);
        assert_eq!(Zone::parse("x A notanip").unwrap_err().line, 1);
    }
}
