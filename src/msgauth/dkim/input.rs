//! The header hash input (RFC 6376 §3.7, §5.4.2): the signed header fields, picked from
//! the bottom up, canonicalized, then the `DKIM-Signature` field itself with its `b=`
//! value emptied and without its final CRLF.

use super::canon::{self, Changes};
use super::message::Field;
use super::Canon;

/// Which field each name of `h=` picked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picked {
    /// The name as listed in `h=`.
    pub name: String,
    /// The index of the field in the message (0-based), or `None`: no instance left, the
    /// name contributes nothing (it signs the field's absence).
    pub field: Option<usize>,
}

/// §5.4.2: for each name, the last instance not yet used, counting from the bottom.
pub fn pick(fields: &[Field], names: &[String], skip: Option<usize>) -> Vec<Picked> {
    let mut used = vec![false; fields.len()];
    if let Some(s) = skip {
        if let Some(u) = used.get_mut(s) {
            *u = true;
        }
    }
    names
        .iter()
        .map(|name| {
            let found = (0..fields.len())
                .rev()
                .find(|&i| !used[i] && fields[i].is(name));
            if let Some(i) = found {
                used[i] = true;
            }
            Picked {
                name: name.clone(),
                field: found,
            }
        })
        .collect()
}

/// The picked fields, canonicalized and concatenated.
pub fn signed_fields(
    fields: &[Field],
    picked: &[Picked],
    canon: Canon,
    changes: &mut Changes,
) -> Vec<u8> {
    let mut out = Vec::new();
    for p in picked {
        if let Some(f) = p.field.and_then(|i| fields.get(i)) {
            out.extend(canon::header(&f.raw, canon, changes));
        }
    }
    out
}

/// The raw signature field with the value of its `b=` tag deleted ("including all
/// surrounding whitespace", §3.7) and everything else kept as it is.
pub fn without_b(raw: &[u8]) -> Vec<u8> {
    let Some(colon) = raw.iter().position(|b| *b == b':') else {
        return raw.to_vec();
    };
    let end = if raw.ends_with(b"\r\n") {
        raw.len() - 2
    } else {
        raw.len()
    };
    let mut out = raw[..=colon].to_vec();
    let value = raw.get(colon + 1..end).unwrap_or_default();
    let mut first = true;
    for spec in value.split(|b| *b == b';') {
        if !first {
            out.push(b';');
        }
        first = false;
        let start = spec
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(spec.len());
        let rest = &spec[start..];
        let eq = rest.iter().position(|b| *b == b'=');
        let is_b = eq.is_some_and(|e| {
            rest[..e]
                .iter()
                .filter(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                .eq(b"b".iter())
        });
        match (is_b, eq) {
            (true, Some(e)) => out.extend_from_slice(&spec[..start + e + 1]),
            _ => out.extend_from_slice(spec),
        }
    }
    out.extend_from_slice(&raw[end..]);
    out
}

/// The signature field as it enters the hash: `b=` emptied, canonicalized, final CRLF
/// removed.
pub fn signature_field(raw: &[u8], canon: Canon, changes: &mut Changes) -> Vec<u8> {
    let mut c = canon::header(&without_b(raw), canon, changes);
    if c.ends_with(b"\r\n") {
        c.truncate(c.len() - 2);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b_value_is_emptied_but_bh_kept() {
        let raw = b"DKIM-Signature: v=1; bh=abc;\r\n b=xy\r\n z; d=x\r\n";
        assert_eq!(
            without_b(raw),
            b"DKIM-Signature: v=1; bh=abc;\r\n b=; d=x\r\n"
        );
        let raw = b"DKIM-Signature: v=1; b=xy\r\n";
        assert_eq!(without_b(raw), b"DKIM-Signature: v=1; b=\r\n");
    }

    #[test]
    fn names_pick_from_the_bottom_and_missing_ones_sign_absence() {
        let f = |n: &str| Field {
            name: n.into(),
            raw: format!("{n}: x\r\n").into_bytes(),
        };
        let fields = [f("Subject"), f("From"), f("Subject")];
        let names: Vec<String> = ["subject", "subject", "subject", "from"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let picked: Vec<Option<usize>> = pick(&fields, &names, None)
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(picked, [Some(2), Some(0), None, Some(1)]);
    }
}
