//! Canonicalization (RFC 6376 §3.4): the exact bytes that are hashed, and what each rule
//! changed to get them.
//!
//! Header fields (§3.4.1 simple, §3.4.2 relaxed) and the body (§3.4.3 simple, §3.4.4
//! relaxed). Every rule that changed something is recorded as a [`Change`] with the bytes
//! before and after, so a learner sees why a re-folded header still verifies under
//! `relaxed` and not under `simple`.

use super::Canon;
use crate::i18n::Tr;

/// The most changes recorded for one computation (the rest are only counted).
pub const MAX_CHANGES: usize = 200;

/// A canonicalization rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// §3.4.2: header field names to lower case.
    LowercaseName,
    /// §3.4.2: unfold continuation lines (remove the CRLF before the WSP).
    Unfold,
    /// §3.4.2 / §3.4.4: runs of WSP become one SP.
    CollapseWsp,
    /// §3.4.2: WSP at the end of the unfolded value is deleted.
    TrailingWspValue,
    /// §3.4.2: WSP before and after the colon is deleted.
    ColonWsp,
    /// §3.4.4: WSP at the end of each body line is ignored.
    TrailingWspLine,
    /// §3.4.3 / §3.4.4: empty lines at the end of the body are ignored.
    TrailingEmptyLines,
    /// §3.4.3 / §3.4.4: a body not ending in CRLF gets one (simple: an empty body is CRLF).
    AddCrlf,
}

impl Rule {
    /// The rule, citing its section.
    pub fn explain(self) -> Tr {
        match self {
            Rule::LowercaseName => Tr::new("Header field name converted to lower case (RFC 6376 §3.4.2).", "邮件头字段名转为小写（RFC 6376 §3.4.2）。"),
            Rule::Unfold => Tr::new("Continuation lines unfolded: each CRLF before a space or tab removed (RFC 6376 §3.4.2).", "展开续行：删除空格或制表符前的每个 CRLF（RFC 6376 §3.4.2）。"),
            Rule::CollapseWsp => Tr::new("Each run of spaces and tabs reduced to a single space (RFC 6376 §3.4.2, §3.4.4).", "每一串空格和制表符缩成一个空格（RFC 6376 §3.4.2、§3.4.4）。"),
            Rule::TrailingWspValue => Tr::new("Whitespace at the end of the unfolded value deleted (RFC 6376 §3.4.2).", "删除展开后值末尾的空白（RFC 6376 §3.4.2）。"),
            Rule::ColonWsp => Tr::new("Whitespace before and after the colon deleted (RFC 6376 §3.4.2).", "删除冒号前后的空白（RFC 6376 §3.4.2）。"),
            Rule::TrailingWspLine => Tr::new("Whitespace at the end of the line ignored (RFC 6376 §3.4.4).", "忽略行末空白（RFC 6376 §3.4.4）。"),
            Rule::TrailingEmptyLines => Tr::new("Empty lines at the end of the body ignored (RFC 6376 §3.4.3, §3.4.4).", "忽略正文末尾的空行（RFC 6376 §3.4.3、§3.4.4）。"),
            Rule::AddCrlf => Tr::new("The body did not end in CRLF: one was added (RFC 6376 §3.4.3, §3.4.4; under simple an empty body is a single CRLF).", "正文不以 CRLF 结尾：补上一个（RFC 6376 §3.4.3、§3.4.4；simple 下空正文就是一个 CRLF）。"),
        }
    }

    /// A short stable name (JSON).
    pub fn id(self) -> &'static str {
        match self {
            Rule::LowercaseName => "lowercase-name",
            Rule::Unfold => "unfold",
            Rule::CollapseWsp => "collapse-wsp",
            Rule::TrailingWspValue => "trailing-wsp-value",
            Rule::ColonWsp => "colon-wsp",
            Rule::TrailingWspLine => "trailing-wsp-line",
            Rule::TrailingEmptyLines => "trailing-empty-lines",
            Rule::AddCrlf => "add-crlf",
        }
    }
}

/// What one rule changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rule.
    pub rule: Rule,
    /// Where: the header field's name, or `line N` of the body (1-based).
    pub place: String,
    /// The bytes before the rule.
    pub before: Vec<u8>,
    /// The bytes after.
    pub after: Vec<u8>,
}

/// Changes recorded, bounded.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Changes {
    /// The first [`MAX_CHANGES`].
    pub list: Vec<Change>,
    /// How many more were not recorded.
    pub more: usize,
}

impl Changes {
    fn record(&mut self, rule: Rule, place: impl FnOnce() -> String, before: &[u8], after: &[u8]) {
        if before == after {
            return;
        }
        if self.list.len() < MAX_CHANGES {
            self.list.push(Change {
                rule,
                place: place(),
                before: before.to_vec(),
                after: after.to_vec(),
            });
        } else {
            self.more += 1;
        }
    }
}

fn is_wsp(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn collapse_wsp(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut in_wsp = false;
    for &b in bytes {
        if is_wsp(b) {
            if !in_wsp {
                out.push(b' ');
            }
            in_wsp = true;
        } else {
            out.push(b);
            in_wsp = false;
        }
    }
    out
}

fn trim_wsp_end(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().rposition(|b| !is_wsp(*b)).map_or(0, |i| i + 1);
    &bytes[..end]
}

fn trim_wsp_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !is_wsp(*b))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// One header field (raw: name, colon, value with folds, final CRLF) canonicalized.
pub fn header(raw: &[u8], canon: Canon, changes: &mut Changes) -> Vec<u8> {
    if canon == Canon::Simple {
        // §3.4.1: "does not change header fields in any way".
        return raw.to_vec();
    }
    let colon = raw.iter().position(|b| *b == b':').unwrap_or(raw.len());
    let name = &raw[..colon];
    let end = if raw.ends_with(b"\r\n") {
        raw.len() - 2
    } else {
        raw.len()
    };
    let value = raw.get(colon + 1..end).unwrap_or_default();
    let place = || String::from_utf8_lossy(trim_wsp_end(name)).into_owned();
    let join = |n: &[u8], v: &[u8]| [n, b":", v, b"\r\n"].concat();

    let lower = name.to_ascii_lowercase();
    changes.record(
        Rule::LowercaseName,
        place,
        &join(name, value),
        &join(&lower, value),
    );
    let unfolded: Vec<u8> = {
        let mut out = Vec::with_capacity(value.len());
        let mut i = 0;
        while i < value.len() {
            if value[i] == b'\r' && value.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            out.push(value[i]);
            i += 1;
        }
        out
    };
    changes.record(
        Rule::Unfold,
        place,
        &join(&lower, value),
        &join(&lower, &unfolded),
    );
    let collapsed_name = collapse_wsp(&lower);
    let collapsed = collapse_wsp(&unfolded);
    changes.record(
        Rule::CollapseWsp,
        place,
        &join(&lower, &unfolded),
        &join(&collapsed_name, &collapsed),
    );
    let trimmed = trim_wsp_end(&collapsed);
    changes.record(
        Rule::TrailingWspValue,
        place,
        &join(&collapsed_name, &collapsed),
        &join(&collapsed_name, trimmed),
    );
    let final_name = trim_wsp_end(&collapsed_name);
    let final_value = trim_wsp_start(trimmed);
    let out = join(final_name, final_value);
    changes.record(Rule::ColonWsp, place, &join(&collapsed_name, trimmed), &out);
    out
}

/// The body canonicalized.
pub fn body(body: &[u8], canon: Canon, changes: &mut Changes) -> Vec<u8> {
    // Lines, each with its CRLF; a last line without one is completed.
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut start = 0;
    while start < body.len() {
        match super::message::find_crlf(body, start) {
            Some(i) => {
                lines.push(body[start..i + 2].to_vec());
                start = i + 2;
            }
            None => {
                let last = &body[start..];
                let mut fixed = last.to_vec();
                fixed.extend_from_slice(b"\r\n");
                let n = lines.len() + 1;
                changes.record(Rule::AddCrlf, || format!("line {n}"), last, &fixed);
                lines.push(fixed);
                start = body.len();
            }
        }
    }
    if canon == Canon::Relaxed {
        for (n, line) in lines.iter_mut().enumerate() {
            let text = &line[..line.len() - 2];
            let trimmed = trim_wsp_end(text);
            let place = || format!("line {}", n + 1);
            changes.record(Rule::TrailingWspLine, place, text, trimmed);
            let collapsed = collapse_wsp(trimmed);
            changes.record(Rule::CollapseWsp, place, trimmed, &collapsed);
            let mut new = collapsed;
            new.extend_from_slice(b"\r\n");
            *line = new;
        }
    }
    let mut keep = lines.len();
    while keep > 0 && lines[keep - 1] == b"\r\n" {
        keep -= 1;
    }
    if keep < lines.len() {
        let removed: Vec<u8> = lines[keep..].concat();
        changes.record(
            Rule::TrailingEmptyLines,
            || format!("line {}", keep + 1),
            &removed,
            b"",
        );
    }
    lines.truncate(keep);
    let mut out = lines.concat();
    if out.is_empty() && canon == Canon::Simple {
        // §3.4.3: "If there is no body or no trailing CRLF on the message body, a CRLF is
        // added."
        changes.record(Rule::AddCrlf, || "line 1".to_string(), b"", b"\r\n");
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(raw: &str, c: Canon) -> (String, Vec<Rule>) {
        let mut ch = Changes::default();
        let out = header(raw.as_bytes(), c, &mut ch);
        (
            String::from_utf8(out).unwrap(),
            ch.list.iter().map(|c| c.rule).collect(),
        )
    }

    fn b(raw: &str, c: Canon) -> (String, Vec<Rule>) {
        let mut ch = Changes::default();
        let out = body(raw.as_bytes(), c, &mut ch);
        (
            String::from_utf8(out).unwrap(),
            ch.list.iter().map(|c| c.rule).collect(),
        )
    }

    /// RFC 6376 §3.4.5's example, header part: relaxed and simple.
    #[test]
    fn rfc6376_section_3_4_5_headers() {
        assert_eq!(h("A: X\r\n", Canon::Relaxed).0, "a:X\r\n");
        assert_eq!(h("B : Y\t\r\n\tZ  \r\n", Canon::Relaxed).0, "b:Y Z\r\n");
        assert_eq!(
            h("B : Y\t\r\n\tZ  \r\n", Canon::Simple).0,
            "B : Y\t\r\n\tZ  \r\n"
        );
    }

    /// RFC 6376 §3.4.5's example, body part.
    #[test]
    fn rfc6376_section_3_4_5_body() {
        let body = " C \r\nD \t E\r\n\r\n\r\n";
        assert_eq!(b(body, Canon::Relaxed).0, " C\r\nD E\r\n");
        assert_eq!(b(body, Canon::Simple).0, " C \r\nD \t E\r\n");
    }

    /// Every rule, one row each: input, canonicalization, output, the rules that fired.
    #[test]
    fn every_rule_as_a_table() {
        use Rule::*;
        let headers: &[(&str, Canon, &str, &[Rule])] = &[
            ("Subject: x\r\n", Canon::Simple, "Subject: x\r\n", &[]),
            (
                "SUBJECT:x\r\n",
                Canon::Relaxed,
                "subject:x\r\n",
                &[LowercaseName],
            ),
            ("s:a\r\n b\r\n", Canon::Relaxed, "s:a b\r\n", &[Unfold]),
            ("s:a \t b\r\n", Canon::Relaxed, "s:a b\r\n", &[CollapseWsp]),
            (
                "s:a\t\r\n",
                Canon::Relaxed,
                "s:a\r\n",
                &[CollapseWsp, TrailingWspValue],
            ),
            ("s:a \r\n", Canon::Relaxed, "s:a\r\n", &[TrailingWspValue]),
            ("s : a\r\n", Canon::Relaxed, "s:a\r\n", &[ColonWsp]),
            ("s:\r\n", Canon::Relaxed, "s:\r\n", &[]),
        ];
        for (input, canon, want, rules) in headers {
            assert_eq!(
                h(input, *canon),
                (want.to_string(), rules.to_vec()),
                "{input:?}"
            );
        }
        let bodies: &[(&str, Canon, &str, &[Rule])] = &[
            ("", Canon::Simple, "\r\n", &[AddCrlf]),
            ("", Canon::Relaxed, "", &[]),
            (
                "\r\n\r\n",
                Canon::Simple,
                "\r\n",
                &[TrailingEmptyLines, AddCrlf],
            ),
            ("\r\n\r\n", Canon::Relaxed, "", &[TrailingEmptyLines]),
            ("x", Canon::Simple, "x\r\n", &[AddCrlf]),
            ("x", Canon::Relaxed, "x\r\n", &[AddCrlf]),
            ("x \r\n", Canon::Simple, "x \r\n", &[]),
            ("x \r\n", Canon::Relaxed, "x\r\n", &[TrailingWspLine]),
            ("a  b\r\n", Canon::Relaxed, "a b\r\n", &[CollapseWsp]),
            ("a\tb\r\n", Canon::Relaxed, "a b\r\n", &[CollapseWsp]),
            ("a\r\n\r\n", Canon::Simple, "a\r\n", &[TrailingEmptyLines]),
            (
                "a\r\n \r\n",
                Canon::Relaxed,
                "a\r\n",
                &[TrailingWspLine, TrailingEmptyLines],
            ),
            ("a\r\n \r\n", Canon::Simple, "a\r\n \r\n", &[]),
        ];
        for (input, canon, want, rules) in bodies {
            assert_eq!(
                b(input, *canon),
                (want.to_string(), rules.to_vec()),
                "{input:?} {canon:?}"
            );
        }
    }
}
