//! Reading what a learner types or pastes — `553`, `5.7.8`, `553 5.7.1`, a whole reply line
//! such as `Got: 553 Mail from must equal authorized user` — into an [`Explanation`]: the
//! reply code and enhanced status code found, each with its reference entry when there is
//! one and its digits read one by one either way.

use super::codes::{shorten, subject_meaning, CodeError, EnhancedCode, ReplyCode};
use super::reference::{self, EnhancedInfo, ReplyInfo};
use crate::i18n::{Lang, Tr};

/// At most this many characters of a query are read; a reply line is far shorter.
pub const MAX_QUERY_CHARS: usize = 1000;

/// What was found in a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The reply code, when the query has one.
    pub reply: Option<ReplyExplanation>,
    /// The enhanced status code, when the query has one.
    pub enhanced: Option<EnhancedExplanation>,
    /// The rest of a pasted reply line (its human-readable text), if any.
    pub text: Option<String>,
}

/// A reply code and what the reference knows of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplyExplanation {
    /// The code.
    pub code: ReplyCode,
    /// Its reference entry; `None` for a well-formed code no reference lists.
    pub info: Option<&'static ReplyInfo>,
}

/// An enhanced status code (or a class-less detail `X.7.8`) and its reference entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnhancedExplanation {
    /// The full code; `None` when the query named only the detail as `X.7.8`.
    pub code: Option<EnhancedCode>,
    /// The subject number.
    pub subject: u16,
    /// The detail number.
    pub detail: u16,
    /// Its reference entry; `None` for a detail RFC 3463 and its successors do not define.
    pub info: Option<&'static EnhancedInfo>,
}

impl EnhancedExplanation {
    /// The code as written: `5.7.8`, or `X.7.8` without a class.
    pub fn label(&self) -> String {
        match self.code {
            Some(code) => code.to_string(),
            None => format!("X.{}.{}", self.subject, self.detail),
        }
    }

    /// What the class says, when there is one.
    pub fn class_meaning(&self) -> Option<Tr> {
        self.code.map(EnhancedCode::class_meaning)
    }

    /// What the subject says.
    pub fn subject_meaning(&self) -> Tr {
        subject_meaning(self.subject)
    }

    /// What to say about the detail when the reference has no entry for it.
    pub fn unknown_detail(&self) -> Tr {
        Tr::new(
            "This detail is not in RFC 3463 or the registry's common codes; read it by its class and subject.",
            "这个细节码不在 RFC 3463 或注册表的常用代码中；请根据其类别和主题理解。",
        )
    }
}

impl ReplyExplanation {
    /// What to say when the code is well formed but no reference lists it.
    pub fn unknown_code(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "{} is not a standard reply code (RFC 5321, RFC 4954), but its digits still read as below.",
                self.code
            ),
            Lang::Zh => format!(
                "{} 不是标准回复码（RFC 5321、RFC 4954），但仍可按下面的方式逐位解读。",
                self.code
            ),
        }
    }
}

/// Reads a query into an explanation.
///
/// Accepted, case-insensitively and with surrounding space ignored:
/// `553`, `553 5.7.1`, `553-5.7.1 text`, `553 text`, `5.7.8`, `X.7.8`, and any of those
/// after a log prefix `S:`, `Got:`, `<-` or `<<<` (the forms of seed 000's debug log and of
/// swaks). Only the first [`MAX_QUERY_CHARS`] characters are read.
pub fn explain(query: &str) -> Result<Explanation, CodeError> {
    let bounded: String = query.chars().take(MAX_QUERY_CHARS).collect();
    let line = strip_log_prefix(bounded.trim());
    if line.is_empty() {
        return Err(CodeError::Empty);
    }
    let (first, rest) = split_token(line);

    let reply = if first.bytes().all(|b| b.is_ascii_digit()) {
        Some(ReplyCode::parse(first)?)
    } else {
        None
    };
    let after_reply = if reply.is_some() { rest } else { line };

    let (candidate, after_enhanced) = split_token(after_reply);
    let enhanced = match parse_enhanced(candidate) {
        Some(result) => Some(result?),
        None if reply.is_none() => {
            // Neither a reply code nor an enhanced code leads the query.
            return Err(if first.contains('.') {
                CodeError::EnhancedSyntax(shorten(first))
            } else {
                CodeError::NotThreeDigits(shorten(first))
            });
        }
        None => None,
    };
    let text = if enhanced.is_some() {
        after_enhanced
    } else {
        after_reply
    }
    .trim();

    Ok(Explanation {
        reply: reply.map(|code| ReplyExplanation {
            code,
            info: reference::reply_info(code),
        }),
        enhanced,
        text: (!text.is_empty()).then(|| text.to_string()),
    })
}

/// Splits at the first space or, right after a reply code, the `-` of a continuation line.
fn split_token(line: &str) -> (&str, &str) {
    let line = line.trim_start();
    let bytes = line.as_bytes();
    let three_digits = bytes.len() >= 3 && bytes[..3].iter().all(u8::is_ascii_digit);
    if three_digits && bytes.get(3) == Some(&b'-') {
        return (&line[..3], &line[4..]);
    }
    match line.find(char::is_whitespace) {
        Some(at) => (&line[..at], &line[at..]),
        None => (line, ""),
    }
}

fn strip_log_prefix(line: &str) -> &str {
    for prefix in ["S:", "Got:", "<-", "<<<", "<~"] {
        if let Some(head) = line.get(..prefix.len()) {
            if head.eq_ignore_ascii_case(prefix) {
                return line[prefix.len()..].trim_start();
            }
        }
    }
    line
}

/// `Some(Ok)` for an enhanced code (or `X.s.d`), `Some(Err)` for something that is clearly
/// meant as one but is wrong (`3.1.1`), `None` for text that is not dotted digits at all.
fn parse_enhanced(token: &str) -> Option<Result<EnhancedExplanation, CodeError>> {
    let token = token.trim_end_matches([',', ';', ':']);
    let parts: Vec<&str> = token.split('.').collect();
    let [class, subject, detail] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(subject) || !digits(detail) {
        return None;
    }
    let subject_n: u16 = subject.parse().ok()?;
    let detail_n: u16 = detail.parse().ok()?;
    let code = if class.eq_ignore_ascii_case("x") {
        None
    } else if class.len() == 1 && digits(class) {
        match EnhancedCode::parse(token) {
            Ok(code) => Some(code),
            Err(err) => return Some(Err(err)),
        }
    } else {
        return None;
    };
    let info = reference::ENHANCED_CODES
        .iter()
        .find(|info| info.subject == subject_n && info.detail == detail_n);
    Some(Ok(EnhancedExplanation {
        code,
        subject: subject_n,
        detail: detail_n,
        info,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(explanation: &Explanation) -> Option<u16> {
        explanation.reply.map(|r| r.code.value())
    }

    #[test]
    fn a_bare_reply_code() {
        let e = explain("553").unwrap();
        assert_eq!(code(&e), Some(553));
        assert!(e.reply.unwrap().info.is_some());
        assert_eq!(e.enhanced, None);
        assert_eq!(e.text, None);
    }

    #[test]
    fn reply_code_with_enhanced_code() {
        let e = explain("553 5.7.1").unwrap();
        assert_eq!(code(&e), Some(553));
        assert_eq!(e.enhanced.unwrap().label(), "5.7.1");
        assert_eq!(e.text, None);
    }

    #[test]
    fn a_bare_enhanced_code_and_a_classless_detail() {
        let e = explain("5.7.8").unwrap();
        assert_eq!(e.reply, None);
        let enhanced = e.enhanced.unwrap();
        assert_eq!(enhanced.label(), "5.7.8");
        assert!(enhanced.info.is_some());
        assert!(enhanced.class_meaning().is_some());

        let e = explain("x.7.8").unwrap();
        let enhanced = e.enhanced.unwrap();
        assert_eq!(enhanced.label(), "X.7.8");
        assert_eq!(enhanced.class_meaning(), None);
        assert!(enhanced.info.is_some());
    }

    #[test]
    fn seed_000_debug_log_line() {
        let e = explain("Got: 553 Mail from must equal authorized user").unwrap();
        assert_eq!(code(&e), Some(553));
        assert_eq!(e.enhanced, None);
        assert_eq!(
            e.text.as_deref(),
            Some("Mail from must equal authorized user")
        );
    }

    #[test]
    fn continuation_lines_and_server_prefixes() {
        let e = explain("S: 535-5.7.8 Username and Password not accepted").unwrap();
        assert_eq!(code(&e), Some(535));
        assert_eq!(e.enhanced.unwrap().label(), "5.7.8");
        assert_eq!(
            e.text.as_deref(),
            Some("Username and Password not accepted")
        );
    }

    #[test]
    fn unknown_but_well_formed_codes_still_explain_their_digits() {
        let e = explain("256").unwrap();
        let reply = e.reply.unwrap();
        assert_eq!(reply.info, None);
        assert!(reply.unknown_code(Lang::En).contains("256"));
        assert!(reply.code.first_digit_meaning().en.starts_with("2yz"));

        let e = explain("5.9.9").unwrap();
        let enhanced = e.enhanced.unwrap();
        assert_eq!(enhanced.info, None);
        assert!(enhanced.subject_meaning().en.contains("not defined"));
    }

    #[test]
    fn malformed_queries_are_errors_that_say_why() {
        assert_eq!(explain("   "), Err(CodeError::Empty));
        assert_eq!(explain("650"), Err(CodeError::FirstDigit(6)));
        assert_eq!(explain("553 3.1.1"), Err(CodeError::EnhancedClass(3)));
        assert!(matches!(
            explain("hello"),
            Err(CodeError::NotThreeDigits(_))
        ));
        assert!(matches!(explain("5.7"), Err(CodeError::EnhancedSyntax(_))));
        assert!(matches!(explain("5530"), Err(CodeError::NotThreeDigits(_))));
    }
}
