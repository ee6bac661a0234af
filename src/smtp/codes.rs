//! Reply codes (RFC 5321 §4.2) and enhanced status codes (RFC 3463) as checked values, and
//! what each digit of them means.
//!
//! RFC 5321 §4.2: `Reply-code = %x32-35 %x30-35 %x30-39` — the first digit says whether
//! the command succeeded, the second what it is about, the third is a finer gradation.
//! RFC 3463 §2: `status-code = class "." subject "." detail`, class `2`, `4` or `5`,
//! subject and detail one to three digits.
//!
//! Reading the digits is the one thing a learner can always do, even for a code no
//! reference lists: [`ReplyCode::first_digit_meaning`] and friends do it.

use core::fmt;

use crate::i18n::{Lang, Tr};

/// A syntactically valid SMTP reply code: three digits, the first 2–5, the second 0–5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(u16);

/// A syntactically valid enhanced status code `class.subject.detail` (RFC 3463 §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    class: u8,
    subject: u16,
    detail: u16,
}

/// Why a text is not a reply code or an enhanced status code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeError {
    /// Nothing was given.
    Empty,
    /// A reply code is exactly three digits; this was not.
    NotThreeDigits(String),
    /// The first digit is outside 2–5 (RFC 5321 §4.2.1 names four first digits; FTP's
    /// `1yz` is not part of SMTP; 0 and 6–9 are not defined).
    FirstDigit(u8),
    /// The second digit is outside 0–5; the first digit (valid) is kept so the message can
    /// still read it.
    SecondDigit {
        /// The first digit, 2–5.
        first: u8,
        /// The offending second digit.
        second: u8,
    },
    /// Not of the form `class.subject.detail` with one to three digits per part.
    EnhancedSyntax(String),
    /// The class of an enhanced code is not 2, 4 or 5.
    EnhancedClass(u8),
    /// A sub-code written with leading zeros (`5.07.08`); RFC 3463 §2 forbids them. Holds
    /// the code as typed and as it should be written.
    EnhancedLeadingZero {
        /// The code as typed.
        typed: String,
        /// The same code without leading zeros, e.g. `5.7.8`.
        canonical: String,
    },
}

const EMPTY: Tr = Tr::new(
    "No code given. Type a reply code such as 553, an enhanced status code such as 5.7.8, or both (\"553 5.7.1\").",
    "没有输入代码。请输入回复码（如 553）、增强状态码（如 5.7.8），或两者（\"553 5.7.1\"）。",
);
const NOT_THREE_DIGITS: Tr = Tr::new(
    "\"{s}\" is not a reply code: an SMTP reply code is exactly three digits (RFC 5321 §4.2), like 250 or 553.",
    "\"{s}\" 不是回复码：SMTP 回复码恰好是三位数字（RFC 5321 §4.2），例如 250 或 553。",
);
const FIRST_DIGIT: Tr = Tr::new(
    "A reply code starting with 1 (\"positive preliminary\") is not part of SMTP: RFC 5321 §4.2.1 names four first digits, 2, 3, 4 and 5; the 1yz replies of FTP are not part of SMTP's model (only RFC 821 listed them).",
    "以 1 开头的回复码（“肯定的初步应答”）不属于 SMTP：RFC 5321 §4.2.1 只规定了 2、3、4、5 四种首位数字；FTP 的 1yz 应答不属于 SMTP 的模型（只有 RFC 821 列出过它们）。",
);
const CODE_ERROR_FIRST_DIGIT: Tr = Tr::new(
    "The first digit {d} is not defined: RFC 5321 §4.2 allows only 2 (success), 3 (send more), 4 (temporary failure) and 5 (permanent failure).",
    "第一位数字 {d} 没有定义：RFC 5321 §4.2 只允许 2（成功）、3（继续发送）、4（暂时失败）和 5（永久失败）。",
);
const SECOND_DIGIT: Tr = Tr::new(
    "The second digit {second} is not defined: RFC 5321 §4.2.1 allows 0 to 5 (0 syntax, 1 information, 2 connection, 3 and 4 unspecified, 5 mail system). The first digit still reads: {first}",
    "第二位数字 {second} 没有定义：RFC 5321 §4.2.1 只允许 0 到 5（0 语法，1 信息，2 连接，3 和 4 未指定，5 邮件系统）。第一位数字仍可解读为：{first}",
);
const ENHANCED_SYNTAX: Tr = Tr::new(
    "\"{s}\" is not an enhanced status code: RFC 3463 §2 writes them as class.subject.detail, like 5.7.8, with one to three digits in each part.",
    "\"{s}\" 不是增强状态码：RFC 3463 §2 规定其格式为 类别.主题.细节，例如 5.7.8，每部分一到三位数字。",
);
const ENHANCED_CLASS: Tr = Tr::new(
    "The class {c} is not defined: RFC 3463 §2 allows 2 (success), 4 (persistent transient failure) and 5 (permanent failure).",
    "类别 {c} 没有定义：RFC 3463 §2 只允许 2（成功）、4（持续性的暂时失败）和 5（永久失败）。",
);
const ENHANCED_LEADING_ZERO: Tr = Tr::new(
    "\"{typed}\" is written with leading zeros, which RFC 3463 §2 forbids: each sub-code is a number without leading zero digits. Write it as {canonical}.",
    "\"{typed}\" 带有前导零，而 RFC 3463 §2 禁止这样写：每个子码都是不带前导零的数字。应写作 {canonical}。",
);

impl CodeError {
    /// The error in `lang`, saying what was expected.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            CodeError::Empty => EMPTY.get(lang).to_owned(),
            CodeError::NotThreeDigits(s) => NOT_THREE_DIGITS.fill(lang, &[("s", &s)]),
            CodeError::FirstDigit(1) => FIRST_DIGIT.get(lang).to_owned(),
            CodeError::FirstDigit(d) => CODE_ERROR_FIRST_DIGIT.fill(lang, &[("d", &d)]),
            CodeError::SecondDigit { first, second } => SECOND_DIGIT.fill(
                lang,
                &[
                    ("second", second),
                    ("first", &first_digit_meaning(*first).get(lang)),
                ],
            ),
            CodeError::EnhancedSyntax(s) => ENHANCED_SYNTAX.fill(lang, &[("s", &s)]),
            CodeError::EnhancedClass(c) => ENHANCED_CLASS.fill(lang, &[("c", &c)]),
            CodeError::EnhancedLeadingZero { typed, canonical } => {
                ENHANCED_LEADING_ZERO.fill(lang, &[("typed", &typed), ("canonical", &canonical)])
            }
        }
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for CodeError {}

impl ReplyCode {
    /// Checks a number against RFC 5321 §4.2's grammar.
    pub fn new(code: u16) -> Result<ReplyCode, CodeError> {
        if !(100..=999).contains(&code) {
            return Err(CodeError::NotThreeDigits(code.to_string()));
        }
        let first = (code / 100) as u8;
        let second = ((code / 10) % 10) as u8;
        if !(2..=5).contains(&first) {
            return Err(CodeError::FirstDigit(first));
        }
        if second > 5 {
            return Err(CodeError::SecondDigit { first, second });
        }
        Ok(ReplyCode(code))
    }

    /// A code known at compile time; `None` when it breaks RFC 5321 §4.2's grammar.
    pub const fn from_static(code: u16) -> Option<ReplyCode> {
        let first = code / 100;
        let second = (code / 10) % 10;
        if code >= 200 && code <= 599 && first >= 2 && first <= 5 && second <= 5 {
            Some(ReplyCode(code))
        } else {
            None
        }
    }

    /// Parses exactly three ASCII digits.
    pub fn parse(text: &str) -> Result<ReplyCode, CodeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CodeError::Empty);
        }
        if text.len() != 3 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotThreeDigits(shorten(text)));
        }
        if text.starts_with('0') {
            return Err(CodeError::FirstDigit(0));
        }
        let value = text
            .parse::<u16>()
            .map_err(|_| CodeError::NotThreeDigits(shorten(text)))?;
        ReplyCode::new(value)
    }

    /// The code as a number, e.g. `553`.
    pub fn value(self) -> u16 {
        self.0
    }

    /// The three digits, most significant first.
    pub fn digits(self) -> [u8; 3] {
        [
            (self.0 / 100) as u8,
            ((self.0 / 10) % 10) as u8,
            (self.0 % 10) as u8,
        ]
    }

    /// What the first digit says: did it work, and is it final (RFC 5321 §4.2.1)?
    pub fn first_digit_meaning(self) -> Tr {
        first_digit_meaning(self.digits()[0])
    }

    /// Each digit with what it says, most significant first.
    pub fn digit_meanings(self) -> [(u8, Tr); 3] {
        let [first, second, third] = self.digits();
        [
            (first, self.first_digit_meaning()),
            (second, self.second_digit_meaning()),
            (third, self.third_digit_meaning()),
        ]
    }

    /// What the second digit says the reply is about (RFC 5321 §4.2.1).
    pub fn second_digit_meaning(self) -> Tr {
        match self.digits()[1] {
            0 => Tr::new(
                "x0z Syntax: about the command's syntax (unknown, malformed or not implemented).",
                "x0z 语法：与命令语法有关（无法识别、格式错误或未实现）。",
            ),
            1 => Tr::new(
                "x1z Information: a reply to a request for information, such as status or help.",
                "x1z 信息：对信息请求（如状态或帮助）的回复。",
            ),
            2 => Tr::new(
                "x2z Connections: about the transmission channel (greeting, closing).",
                "x2z 连接：与传输通道有关（问候、关闭连接）。",
            ),
            3 => Tr::new(
                "x3z Unspecified by RFC 5321 §4.2.1; the authentication replies of RFC 4954 use it (235, 334, 432, 534, 535, 538).",
                "x3z RFC 5321 §4.2.1 未指定；RFC 4954 的认证回复使用它（235、334、432、534、535、538）。",
            ),
            4 => Tr::new(
                "x4z Unspecified: RFC 5321 §4.2.1 gives this second digit no meaning, and no standard reply code uses it.",
                "x4z 未指定：RFC 5321 §4.2.1 没有为这个第二位数字规定含义，也没有标准回复码使用它。",
            ),
            _ => Tr::new(
                "x5z Mail system: about the state of the receiving mail system (mailbox, storage, policy).",
                "x5z 邮件系统：与接收方邮件系统的状态有关（邮箱、存储、策略）。",
            ),
        }
    }

    /// What the third digit does: it only refines the first two (RFC 5321 §4.2.1).
    pub fn third_digit_meaning(self) -> Tr {
        Tr::new(
            "xy? Finer gradation within the category the first two digits name; its meaning comes from the reply code as a whole.",
            "xy? 在前两位数字划定的类别内进一步细分；其含义要看整个回复码。",
        )
    }
}

/// What a reply code's first digit (2–5) says: did it work, and is it final
/// (RFC 5321 §4.2.1)?
pub fn first_digit_meaning(first: u8) -> Tr {
    match first {
        2 => Tr::new(
            "2yz Positive Completion: the requested action succeeded; a new command may be sent.",
            "2yz 肯定完成：请求的操作已成功完成，可以发送下一条命令。",
        ),
        3 => Tr::new(
            "3yz Positive Intermediate: accepted so far, the server waits for more (the message text after DATA, the next SASL step after AUTH).",
            "3yz 肯定中间状态：目前已接受，服务器在等待更多信息（DATA 之后的邮件内容——邮件头、空行和正文，AUTH 之后的下一步 SASL 数据）。",
        ),
        4 => Tr::new(
            "4yz Transient Negative Completion: not done this time, but the condition is temporary; RFC 5321 §4.2.1 says to return to the beginning of the command sequence (if any) and try again later.",
            "4yz 暂时否定完成：这次没有完成，但原因是暂时的；RFC 5321 §4.2.1 要求回到命令序列的开头（如有），稍后再试。",
        ),
        _ => Tr::new(
            "5yz Permanent Negative Completion: not done, and repeating the same command unchanged will fail again; something must change first.",
            "5yz 永久否定完成：操作未完成，原样重复同一命令仍会失败；必须先改正某些东西。",
        ),
    }
}

impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

impl EnhancedCode {
    /// Checks the parts against RFC 3463 §2's grammar.
    pub fn new(class: u8, subject: u16, detail: u16) -> Result<EnhancedCode, CodeError> {
        if !matches!(class, 2 | 4 | 5) {
            return Err(CodeError::EnhancedClass(class));
        }
        if subject > 999 || detail > 999 {
            return Err(CodeError::EnhancedSyntax(format!(
                "{class}.{subject}.{detail}"
            )));
        }
        Ok(EnhancedCode {
            class,
            subject,
            detail,
        })
    }

    /// Parses `class.subject.detail`.
    pub fn parse(text: &str) -> Result<EnhancedCode, CodeError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CodeError::Empty);
        }
        let syntax = || CodeError::EnhancedSyntax(shorten(text));
        let mut parts = text.split('.');
        let (Some(c), Some(s), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(syntax());
        };
        let number = |part: &str, max_len: usize| -> Result<u16, CodeError> {
            if part.is_empty() || part.len() > max_len || !part.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(syntax());
            }
            part.parse::<u16>().map_err(|_| syntax())
        };
        let class = number(c, 1)? as u8;
        let code = EnhancedCode::new(class, number(s, 3)?, number(d, 3)?)?;
        if has_leading_zero(s) || has_leading_zero(d) {
            return Err(CodeError::EnhancedLeadingZero {
                typed: shorten(text),
                canonical: code.to_string(),
            });
        }
        Ok(code)
    }

    /// The class digit: 2, 4 or 5.
    pub fn class(self) -> u8 {
        self.class
    }

    /// The subject number.
    pub fn subject(self) -> u16 {
        self.subject
    }

    /// The detail number.
    pub fn detail(self) -> u16 {
        self.detail
    }

    /// What the class says (RFC 3463 §2).
    pub fn class_meaning(self) -> Tr {
        match self.class {
            2 => Tr::new(
                "2.X.X Success: the action succeeded; the subject and detail add information.",
                "2.X.X 成功：操作已成功；主题和细节给出补充信息。",
            ),
            4 => Tr::new(
                "4.X.X Persistent Transient Failure: the message is fine but could not be handled now; sending it again later may succeed.",
                "4.X.X 持续性的暂时失败：邮件本身没有问题，只是现在无法处理；稍后重发可能成功。",
            ),
            _ => Tr::new(
                "5.X.X Permanent Failure: resending the message unchanged will not succeed; the problem must be fixed first.",
                "5.X.X 永久失败：原样重发不会成功；必须先解决问题。",
            ),
        }
    }

    /// What the subject says the problem is about (RFC 3463 §3.1–§3.8).
    pub fn subject_meaning(self) -> Tr {
        subject_meaning(self.subject)
    }
}

/// What an enhanced code's subject says the problem is about (RFC 3463 §3.1–§3.8); the
/// same for every class.
pub fn subject_meaning(subject: u16) -> Tr {
    match subject {
        0 => Tr::new(
            "X.0.X Other or Undefined Status: no more specific subject applies.",
            "X.0.X 其他或未定义状态：没有更具体的主题可用。",
        ),
        1 => Tr::new(
            "X.1.X Addressing Status: about the sender's or a recipient's address.",
            "X.1.X 地址状态：与发件人或收件人的地址有关。",
        ),
        2 => Tr::new(
            "X.2.X Mailbox Status: about the recipient's mailbox (full, disabled, too small).",
            "X.2.X 邮箱状态：与收件人邮箱有关（已满、停用、容量过小）。",
        ),
        3 => Tr::new(
            "X.3.X Mail System Status: about the receiving mail system as a whole.",
            "X.3.X 邮件系统状态：与接收方整个邮件系统有关。",
        ),
        4 => Tr::new(
            "X.4.X Network and Routing Status: about the network or the route to the destination.",
            "X.4.X 网络与路由状态：与网络或通往目的地的路由有关。",
        ),
        5 => Tr::new(
            "X.5.X Mail Delivery Protocol Status: about the SMTP dialogue itself (commands, syntax, sequence).",
            "X.5.X 邮件投递协议状态：与 SMTP 对话本身有关（命令、语法、顺序）。",
        ),
        6 => Tr::new(
            "X.6.X Message Content or Media Status: about the message's content or its conversion.",
            "X.6.X 邮件内容或媒体状态：与邮件内容或其转换有关。",
        ),
        7 => Tr::new(
            "X.7.X Security or Policy Status: about security, authentication or the site's policy.",
            "X.7.X 安全或策略状态：与安全、身份认证或站点策略有关。",
        ),
        _ => Tr::new(
            "This subject is not defined by RFC 3463 (subjects 0 to 7 are); read it as Other or Undefined.",
            "RFC 3463 没有定义这个主题（只定义了 0 到 7）；可按“其他或未定义”理解。",
        ),
    }
}

impl fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// Whether a sub-code is written with a leading zero (`07`); `0` alone is fine.
pub(crate) fn has_leading_zero(part: &str) -> bool {
    part.len() > 1 && part.starts_with('0')
}

/// Quotes at most 40 characters of user input back in an error, so a pasted megabyte
/// does not come back as a megabyte of error text.
pub(crate) fn shorten(text: &str) -> String {
    crate::i18n::cut::quote(text, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc5321_reply_code_grammar() {
        for ok in ["220", "250", "354", "421", "553", "555", "200", "559"] {
            assert!(ReplyCode::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(ReplyCode::parse(""), Err(CodeError::Empty));
        assert_eq!(ReplyCode::parse("150"), Err(CodeError::FirstDigit(1)));
        assert_eq!(ReplyCode::parse("650"), Err(CodeError::FirstDigit(6)));
        assert_eq!(ReplyCode::parse("099"), Err(CodeError::FirstDigit(0)));
        assert_eq!(
            ReplyCode::parse("260"),
            Err(CodeError::SecondDigit {
                first: 2,
                second: 6
            })
        );
        let message = ReplyCode::parse("299").unwrap_err().to_string();
        assert!(message.contains("2yz Positive Completion"), "{message}");
        assert!(matches!(
            ReplyCode::parse("5530"),
            Err(CodeError::NotThreeDigits(_))
        ));
        assert!(matches!(
            ReplyCode::parse("55"),
            Err(CodeError::NotThreeDigits(_))
        ));
        assert!(matches!(
            ReplyCode::parse("5a3"),
            Err(CodeError::NotThreeDigits(_))
        ));
        assert!(matches!(
            ReplyCode::parse("５５３"),
            Err(CodeError::NotThreeDigits(_))
        ));
    }

    #[test]
    fn rfc3463_enhanced_code_grammar() {
        let code = EnhancedCode::parse("5.7.8").unwrap();
        assert_eq!((code.class(), code.subject(), code.detail()), (5, 7, 8));
        assert_eq!(code.to_string(), "5.7.8");
        assert_eq!(EnhancedCode::parse("2.0.0").unwrap().to_string(), "2.0.0");
        assert_eq!(EnhancedCode::parse("4.123.999").unwrap().detail(), 999);
        assert_eq!(
            EnhancedCode::parse("5.07.08"),
            Err(CodeError::EnhancedLeadingZero {
                typed: "5.07.08".into(),
                canonical: "5.7.8".into()
            })
        );
        assert_eq!(EnhancedCode::parse("5.0.0").unwrap().to_string(), "5.0.0");
        assert_eq!(
            EnhancedCode::parse("3.1.1"),
            Err(CodeError::EnhancedClass(3))
        );
        for bad in [
            "5.7", "5.7.8.1", "5..8", "55.7.8", "5.1000.1", "5.7.x", ".7.8", "5.7.8.",
        ] {
            assert!(
                matches!(EnhancedCode::parse(bad), Err(CodeError::EnhancedSyntax(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn digits_read_most_significant_first() {
        let code = ReplyCode::parse("553").unwrap();
        assert_eq!(code.digits(), [5, 5, 3]);
        assert!(code.first_digit_meaning().en.starts_with("5yz"));
        assert!(code.second_digit_meaning().en.starts_with("x5z"));
    }

    #[test]
    fn errors_quote_at_most_forty_characters() {
        let long = "9".repeat(100_000);
        let message = ReplyCode::parse(&long).unwrap_err().to_string();
        assert!(message.len() < 300, "{}", message.len());
    }
}
