//! Reading what a learner types or pastes — `553`, `5.7.8`, `553 5.7.1`, a whole reply line
//! such as `Got: 553 Mail from must equal authorized user` — into an [`Explanation`]: the
//! reply code and enhanced status code found, each with its reference entry when there is
//! one and its digits read one by one either way.

use super::codes::{
    has_leading_zero, shorten, subject_meaning, CodeError, EnhancedCode, ReplyCode,
};
use super::reference::{self, EnhancedInfo, ProviderNote, ProviderTag, ReplyInfo};
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

impl Explanation {
    /// The reason tags a provider documents (NetEase's `554 DT:SPM`), with the provider's
    /// published explanation: those the pasted reply's text carries, or, for a bare reply
    /// code, every tag documented under it.
    pub fn provider_tags(&self) -> Vec<&'static ProviderTag> {
        let code = self.reply.map(|r| r.code.value());
        match (&self.text, code) {
            (Some(text), _) => reference::provider_tags_in(code, text),
            (None, Some(code)) => reference::provider_tags_for(code),
            (None, None) => Vec::new(),
        }
    }
}

/// A check of the page's message-authentication section (and of the CLI) that a reply
/// points to: the refusals of RFC 7372 (X.7.20–X.7.26) and the provider replies that name
/// SPF, DKIM or DMARC are learned by running the check itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageCheck {
    /// DKIM signatures (RFC 6376).
    Dkim,
    /// SPF (RFC 7208).
    Spf,
    /// DMARC (RFC 7489).
    Dmarc,
}

impl MessageCheck {
    /// The page's route of this check, as a link's fragment (`#/msgauth/dmarc`).
    pub fn page(self) -> &'static str {
        match self {
            MessageCheck::Dkim => "#/msgauth/dkim",
            MessageCheck::Spf => "#/msgauth/spf",
            MessageCheck::Dmarc => "#/msgauth/dmarc",
        }
    }

    /// The CLI command that runs the same check.
    pub fn command(self) -> &'static str {
        match self {
            MessageCheck::Dkim => "smtp-trainer dkim verify",
            MessageCheck::Spf => "smtp-trainer spf check",
            MessageCheck::Dmarc => "smtp-trainer dmarc check",
        }
    }

    /// What the learner finds there.
    pub fn title(self) -> Tr {
        match self {
            MessageCheck::Dkim => Tr::new(
                "Check the DKIM signature step by step",
                "逐步检查 DKIM 签名",
            ),
            MessageCheck::Spf => {
                Tr::new("Evaluate the SPF record step by step", "逐步评估 SPF 记录")
            }
            MessageCheck::Dmarc => Tr::new(
                "Check DMARC alignment and policy step by step",
                "逐步检查 DMARC 对齐与策略",
            ),
        }
    }

    /// The heading over the checks a reply points to.
    pub fn heading() -> Tr {
        Tr::new("Find out why: message authentication", "查明原因：邮件认证")
    }
}

/// The checks an enhanced code of subject 7 points to: RFC 7372's DKIM (X.7.20–X.7.22) and
/// SPF (X.7.23, X.7.24) codes, "multiple authentication checks failed" (X.7.26, Gmail's
/// DMARC refusal) and Microsoft's 5.7.515 (the sending domain's SPF, DKIM and DMARC).
fn checks_for_enhanced(subject: u16, detail: u16) -> &'static [MessageCheck] {
    match (subject, detail) {
        (7, 20..=22) => &[MessageCheck::Dkim],
        (7, 23 | 24) => &[MessageCheck::Spf],
        (7, 26 | 515) => &[MessageCheck::Dmarc],
        _ => &[],
    }
}

impl Explanation {
    /// The message-authentication checks this reply points to, in the order DKIM, SPF,
    /// DMARC: by its enhanced code, and by the words SPF, DKIM or DMARC in its text.
    pub fn message_checks(&self) -> Vec<MessageCheck> {
        let mut found: Vec<MessageCheck> = self
            .enhanced
            .map(|e| checks_for_enhanced(e.subject, e.detail).to_vec())
            .unwrap_or_default();
        if let Some(text) = &self.text {
            let upper = text.to_ascii_uppercase();
            let words: Vec<&str> = upper.split(|c: char| !c.is_ascii_alphanumeric()).collect();
            for (word, check) in [
                ("DKIM", MessageCheck::Dkim),
                ("SPF", MessageCheck::Spf),
                ("DMARC", MessageCheck::Dmarc),
            ] {
                if words.contains(&word) {
                    found.push(check);
                }
            }
        }
        let order = |c: &MessageCheck| match c {
            MessageCheck::Dkim => 0,
            MessageCheck::Spf => 1,
            MessageCheck::Dmarc => 2,
        };
        found.sort_by_key(order);
        found.dedup();
        found
    }
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

const CLASS_NOTE: Tr = Tr::new(
    "The registry describes X.{subject}.{detail} for {allowed} only ({source}); {code} is used outside that, so trust the reply code's first digit for whether to retry.",
    "注册表只把 X.{subject}.{detail} 描述为 {allowed}（{source}）；{code} 超出了这个范围，是否重试请以回复码的第一位数字为准。",
);

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
            "This detail is not in IANA's SMTP Enhanced Status Codes registry (RFC 3463, RFC 5248 and the RFCs that added to it), which the reference covers completely. It may be one provider's own number (Microsoft 365 uses details such as 5.7.515 and 5.7.708): read it by its class and subject, and look the text up in that provider's documentation.",
            "这个细节码不在 IANA 的“SMTP 增强状态码”注册表中（RFC 3463、RFC 5248 及后续补充的 RFC），而本参考完整收录了该注册表。它可能是某家服务商自定的编号（例如 Microsoft 365 使用 5.7.515、5.7.708 这类细节码）：请按类别和主题理解，并到该服务商的文档中查找回复文字。",
        )
    }

    /// What big providers mean by this exact code, in their published words.
    pub fn provider_notes(&self) -> Vec<&'static ProviderNote> {
        self.code.map(reference::provider_notes).unwrap_or_default()
    }

    /// A note when the code's class is one the registry does not describe for this detail
    /// (`4.1.1`: RFC 3463 calls X.1.1 useful only for permanent failures).
    pub fn class_note(&self, lang: Lang) -> Option<String> {
        let (code, info) = (self.code?, self.info?);
        if info.classes.contains(&code.class()) {
            return None;
        }
        let allowed: Vec<String> = info
            .classes
            .iter()
            .map(|c| format!("{c}.{}.{}", self.subject, self.detail))
            .collect();
        let allowed = allowed.join(", ");
        Some(CLASS_NOTE.fill(
            lang,
            &[
                ("subject", &self.subject),
                ("detail", &self.detail),
                ("allowed", &allowed),
                ("source", &info.source),
                ("code", &code),
            ],
        ))
    }
}

const UNKNOWN_CODE: Tr = Tr::new(
    "{code} is defined by none of the RFCs the reference covers (RFC 5321, 3207, 4954, 7504 and their extensions): a server's own choice. Its digits still read as below.",
    "{code} 不在本参考收录的任何 RFC（RFC 5321、3207、4954、7504 及其扩展）中定义，是服务器自行选用的代码。仍可按下面的方式逐位解读。",
);

impl ReplyExplanation {
    /// What to say when the code is well formed but no reference lists it.
    pub fn unknown_code(&self, lang: Lang) -> String {
        UNKNOWN_CODE.fill(lang, &[("code", &self.code)])
    }
}

/// Reads a query into an explanation.
///
/// Accepted, case-insensitively and with surrounding space ignored:
/// `553`, `553 5.7.1`, `553-5.7.1 text`, `553 text`, `5.7.8`, `X.7.8`, and any of those
/// after a log prefix `S:`, `Got:`, `<-` or `<<<` (the forms of seed 000's debug log and of
/// swaks). Only the first [`MAX_QUERY_CHARS`] characters are read.
pub fn explain(query: &str) -> Result<Explanation, CodeError> {
    let bounded: String = crate::i18n::cut::chars(query, MAX_QUERY_CHARS).to_string();
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
        if has_leading_zero(subject) || has_leading_zero(detail) {
            return Some(Err(CodeError::EnhancedLeadingZero {
                typed: shorten(token),
                canonical: format!("X.{subject_n}.{detail_n}"),
            }));
        }
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

    #[test]
    fn authentication_refusals_point_to_the_message_authentication_checks() {
        let gmail = explain(
            "550 5.7.26 Unauthenticated email from example.com is not accepted due to \
             domain's DMARC policy",
        )
        .unwrap();
        assert_eq!(gmail.message_checks(), [MessageCheck::Dmarc]);
        assert_eq!(gmail.message_checks()[0].page(), "#/msgauth/dmarc");

        assert_eq!(
            explain("5.7.26").unwrap().message_checks(),
            [MessageCheck::Dmarc]
        );
        assert_eq!(
            explain("X.7.20").unwrap().message_checks(),
            [MessageCheck::Dkim]
        );
        assert_eq!(
            explain("550 5.7.23").unwrap().message_checks(),
            [MessageCheck::Spf]
        );
        assert_eq!(
            explain("550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level.")
                .unwrap()
                .message_checks(),
            [MessageCheck::Dmarc]
        );
        // The words in the text count, once each, in one order.
        let both = explain("550 5.7.1 SPF fail and DKIM fail; see DMARC, SPF").unwrap();
        assert_eq!(
            both.message_checks(),
            [MessageCheck::Dkim, MessageCheck::Spf, MessageCheck::Dmarc]
        );
        // Not a word inside another word, and nothing for replies about other things.
        assert!(explain("550 5.1.1 SPFX user unknown")
            .unwrap()
            .message_checks()
            .is_empty());
        assert!(explain("553").unwrap().message_checks().is_empty());
        assert!(explain("535 5.7.8").unwrap().message_checks().is_empty());
    }
}
