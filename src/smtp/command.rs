//! SMTP commands (RFC 5321 §4.1.1) parsed from one line, without its CRLF.
//!
//! Parsing is as lenient as real servers are where they are lenient — `MAIL FROM: <a@b>`
//! with a space, `MAIL FROM:a@b` without angle brackets (Sendmail and Postfix accept both;
//! seed 004's telnet session relies on it) — and records the leniency so the explanation can
//! say what RFC 5321 actually asks for. A line that is not a command is a [`ParseError`]
//! that names the nearest verb ("did you mean RCPT?").

use core::fmt;

/// Every verb the server knows, in the order HELP lists them.
pub const VERBS: [&str; 16] = [
    "HELO", "EHLO", "MAIL", "RCPT", "DATA", "BDAT", "RSET", "NOOP", "QUIT", "HELP", "VRFY", "EXPN",
    "AUTH", "STARTTLS", "ETRN", "VERB",
];

/// A parsed command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `HELO domain` (RFC 5321 §4.1.1.1).
    Helo(String),
    /// `EHLO domain` (RFC 5321 §4.1.1.1).
    Ehlo(String),
    /// `MAIL FROM:<reverse-path> [parameters]` (§4.1.1.2); an empty path is `<>`.
    Mail(PathArg),
    /// `RCPT TO:<forward-path> [parameters]` (§4.1.1.3).
    Rcpt(PathArg),
    /// `DATA` (§4.1.1.4).
    Data,
    /// `BDAT size [LAST]` (RFC 3030 §2).
    Bdat {
        /// Octets of the chunk that follows the command line.
        size: u64,
        /// Whether this is the last chunk.
        last: bool,
    },
    /// `RSET` (§4.1.1.5).
    Rset,
    /// `NOOP [string]` (§4.1.1.9).
    Noop,
    /// `QUIT` (§4.1.1.10).
    Quit,
    /// `HELP [topic]` (§4.1.1.8).
    Help(Option<String>),
    /// `VRFY string` (§4.1.1.6).
    Vrfy(String),
    /// `EXPN string` (§4.1.1.7).
    Expn(String),
    /// `AUTH mechanism [initial-response]` (RFC 4954 §4).
    Auth {
        /// The mechanism name, upper-cased.
        mechanism: String,
        /// The initial response, as sent (base64, or `=` for empty).
        initial: Option<String>,
    },
    /// `STARTTLS` (RFC 3207 §4).
    StartTls,
    /// `ETRN domain` (RFC 1985): start delivering the queue for a domain.
    Etrn(Option<String>),
    /// `VERB` (Sendmail's verbose mode).
    Verb,
}

/// The path and parameters of MAIL or RCPT.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathArg {
    /// The address between the angle brackets (empty for the null path `<>`).
    pub address: String,
    /// Whether the address was written in angle brackets, as RFC 5321 requires.
    pub bracketed: bool,
    /// ESMTP parameters such as `SIZE=1000` or `BODY=8BITMIME`, keyword upper-cased.
    pub params: Vec<(String, Option<String>)>,
}

impl PathArg {
    /// The value of parameter `keyword`, if given (`Some(None)` for a bare keyword).
    pub fn param(&self, keyword: &str) -> Option<Option<&str>> {
        self.params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(keyword))
            .map(|(_, v)| v.as_deref())
    }
}

/// Why a line is not a valid command.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// The line is empty.
    Empty,
    /// No such command; the nearest known verb, if one is close.
    Unknown {
        /// The first word of the line, as typed (at most 40 characters).
        verb: String,
        /// A known verb one or two typos away.
        suggestion: Option<&'static str>,
    },
    /// A known command with a bad argument.
    Syntax {
        /// The verb, upper-cased.
        verb: &'static str,
        /// What is wrong.
        problem: Syntax,
    },
}

/// What is wrong with a known command's argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Syntax {
    /// HELO/EHLO without a domain.
    MissingDomain,
    /// MAIL without `FROM:` or RCPT without `TO:`.
    MissingKeyword,
    /// No address after `FROM:`/`TO:`.
    MissingAddress,
    /// `<` without `>`, or text in the address that cannot be there.
    BadAddress,
    /// RCPT TO:<> — the null path is only for MAIL.
    NullRecipient,
    /// A parameter that is not `keyword[=value]`.
    BadParameter,
    /// BDAT without a valid size, or with something other than LAST after it.
    BadChunkSize,
    /// AUTH without a mechanism.
    MissingMechanism,
    /// VRFY or EXPN without an argument.
    MissingArgument,
    /// An argument where the command takes none (DATA, RSET, QUIT, STARTTLS).
    UnexpectedArgument,
    /// A bare local part (`alice`) where the server wants a domain too (Exim does).
    NoDomain,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => f.write_str("empty command line"),
            ParseError::Unknown { verb, suggestion } => {
                write!(f, "unknown command {verb:?}")?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean {s}?)")?;
                }
                Ok(())
            }
            ParseError::Syntax { verb, problem } => write!(f, "{verb}: {problem:?}"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses one command line (without CRLF).
pub fn parse(line: &str) -> Result<Command, ParseError> {
    let line = line.trim_end_matches([' ', '\t']);
    let trimmed = line.trim_start();
    if trimmed.is_empty() {
        return Err(ParseError::Empty);
    }
    let (word, rest) = match trimmed.find([' ', '\t']) {
        Some(at) => (&trimmed[..at], trimmed[at..].trim_start()),
        None => (trimmed, ""),
    };
    let upper = word.to_ascii_uppercase();
    // `MAIL FROM:x` and `RCPT TO:x` glue the keyword to the verb's argument; a verb glued to
    // its colon (`MAIL:`) is not a thing, so the verb is the whole first word.
    let Some(verb) = VERBS.iter().copied().find(|v| *v == upper) else {
        return Err(ParseError::Unknown {
            verb: crate::i18n::cut::chars(word, 40).to_string(),
            suggestion: suggest(&upper),
        });
    };
    let syntax = |problem| ParseError::Syntax { verb, problem };
    let no_argument = |command: Command| {
        if rest.is_empty() {
            Ok(command)
        } else {
            Err(syntax(Syntax::UnexpectedArgument))
        }
    };
    match verb {
        "HELO" | "EHLO" => {
            let domain = rest.split_whitespace().next().unwrap_or("");
            if domain.is_empty() {
                return Err(syntax(Syntax::MissingDomain));
            }
            Ok(if verb == "HELO" {
                Command::Helo(domain.to_string())
            } else {
                Command::Ehlo(domain.to_string())
            })
        }
        "MAIL" => parse_path(rest, "FROM:", true)
            .map(Command::Mail)
            .map_err(syntax),
        "RCPT" => parse_path(rest, "TO:", false)
            .map(Command::Rcpt)
            .map_err(syntax),
        "DATA" => no_argument(Command::Data),
        "RSET" => no_argument(Command::Rset),
        "QUIT" => no_argument(Command::Quit),
        "STARTTLS" => no_argument(Command::StartTls),
        "ETRN" => Ok(Command::Etrn(
            rest.split_whitespace().next().map(str::to_string),
        )),
        "VERB" => Ok(Command::Verb),
        "NOOP" => Ok(Command::Noop),
        "HELP" => Ok(Command::Help(
            rest.split_whitespace().next().map(str::to_string),
        )),
        "VRFY" | "EXPN" => {
            if rest.is_empty() {
                return Err(syntax(Syntax::MissingArgument));
            }
            Ok(if verb == "VRFY" {
                Command::Vrfy(rest.to_string())
            } else {
                Command::Expn(rest.to_string())
            })
        }
        "BDAT" => {
            let mut words = rest.split_whitespace();
            let size = words
                .next()
                .filter(|w| !w.is_empty() && w.len() <= 18 && w.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|w| w.parse::<u64>().ok())
                .ok_or(syntax(Syntax::BadChunkSize))?;
            let last = match words.next() {
                None => false,
                Some(w) if w.eq_ignore_ascii_case("LAST") => true,
                Some(_) => return Err(syntax(Syntax::BadChunkSize)),
            };
            if words.next().is_some() {
                return Err(syntax(Syntax::BadChunkSize));
            }
            Ok(Command::Bdat { size, last })
        }
        "AUTH" => {
            let mut words = rest.split_whitespace();
            let mechanism = words
                .next()
                .ok_or(syntax(Syntax::MissingMechanism))?
                .to_ascii_uppercase();
            let initial = words.next().map(str::to_string);
            if words.next().is_some() {
                return Err(syntax(Syntax::UnexpectedArgument));
            }
            Ok(Command::Auth { mechanism, initial })
        }
        _ => Err(ParseError::Unknown {
            verb: crate::i18n::cut::chars(word, 40).to_string(),
            suggestion: None,
        }),
    }
}

/// `FROM:<path> params` or `TO:<path> params`, after the verb.
fn parse_path(rest: &str, keyword: &str, null_allowed: bool) -> Result<PathArg, Syntax> {
    let head = rest.get(..keyword.len()).ok_or(Syntax::MissingKeyword)?;
    if !head.eq_ignore_ascii_case(keyword) {
        return Err(Syntax::MissingKeyword);
    }
    // RFC 5321 has no space after the colon; many clients send one and servers accept it.
    let after = rest[keyword.len()..].trim_start();
    if after.is_empty() {
        return Err(Syntax::MissingAddress);
    }
    let (address, bracketed, params_text) = if let Some(inner) = after.strip_prefix('<') {
        let close = inner.find('>').ok_or(Syntax::BadAddress)?;
        (&inner[..close], true, &inner[close + 1..])
    } else {
        match after.find([' ', '\t']) {
            Some(at) => (&after[..at], false, &after[at..]),
            None => (after, false, ""),
        }
    };
    if address.is_empty() && !bracketed {
        return Err(Syntax::MissingAddress);
    }
    if address.is_empty() && !null_allowed {
        return Err(Syntax::NullRecipient);
    }
    // A source route (`<@relay:user@host>`, RFC 5321 §4.1.2) is accepted and ignored.
    let address = match address.rfind(':') {
        Some(at) if address.starts_with('@') => &address[at + 1..],
        _ => address,
    };
    if !address.is_empty() && !valid_mailbox(address) {
        return Err(Syntax::BadAddress);
    }
    if params_text.starts_with(|c: char| !c.is_whitespace()) {
        return Err(Syntax::BadAddress);
    }
    let mut params = Vec::new();
    for word in params_text.split_whitespace() {
        let (key, value) = match word.split_once('=') {
            Some((k, v)) => (k, Some(v.to_string())),
            None => (word, None),
        };
        let key_ok = !key.is_empty()
            && key.len() <= 64
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !key_ok || value.as_deref() == Some("") {
            return Err(Syntax::BadParameter);
        }
        params.push((key.to_ascii_uppercase(), value));
    }
    Ok(PathArg {
        address: address.to_string(),
        bracketed,
        params,
    })
}

/// `local@domain` with no space, no angle bracket and one `@` outside a quoted local part,
/// or a bare local part: RFC 5321 §4.1.1.3 allows `postmaster`, and Postfix and Sendmail
/// qualify any bare name with their own domain (the server decides; see `Syntax::NoDomain`).
pub fn valid_mailbox(address: &str) -> bool {
    if address
        .chars()
        .any(|c| c.is_whitespace() || c == '<' || c == '>' || c.is_control())
    {
        return false;
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return !address.is_empty() && !address.contains(['"', ',', ':', ';', '(', ')', '[', ']']);
    };
    let local_ok = !local.is_empty()
        && (local.starts_with('"') && local.ends_with('"') && local.len() >= 2
            || !local.contains('@'));
    let domain_ok = !domain.is_empty()
        && (domain.starts_with('[') && domain.ends_with(']')
            || domain.split('.').all(|label| {
                !label.is_empty() && !label.starts_with('-') && !label.ends_with('-')
            }));
    local_ok && domain_ok
}

/// The known verb nearest to `word`, when it is at most two edits away (one for short
/// words), like a telnet typo `RCPR` for `RCPT`.
pub fn suggest(word: &str) -> Option<&'static str> {
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    let limit = if word.len() <= 4 { 1 } else { 2 };
    VERBS
        .iter()
        .map(|v| (edit_distance(word, v), *v))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// neighbours (`RCTP` → `RCPT` is one edit).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(address: &str, bracketed: bool, params: &[(&str, Option<&str>)]) -> PathArg {
        PathArg {
            address: address.to_string(),
            bracketed,
            params: params
                .iter()
                .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
                .collect(),
        }
    }

    #[test]
    fn rfc5321_commands_table() {
        let table: Vec<(&str, Command)> = vec![
            ("HELO tdcsw", Command::Helo("tdcsw".into())),
            (
                "ehlo [172.18.111.192]",
                Command::Ehlo("[172.18.111.192]".into()),
            ),
            (
                "MAIL FROM:<noreply@163.com>",
                Command::Mail(path("noreply@163.com", true, &[])),
            ),
            ("mail from:<>", Command::Mail(path("", true, &[]))),
            (
                "MAIL FROM: <a@b.c> SIZE=1000 BODY=8BITMIME",
                Command::Mail(path(
                    "a@b.c",
                    true,
                    &[("SIZE", Some("1000")), ("BODY", Some("8BITMIME"))],
                )),
            ),
            (
                "MAIL FROM:lily@tdcsw.com",
                Command::Mail(path("lily@tdcsw.com", false, &[])),
            ),
            (
                "MAIL FROM: sender@126.com",
                Command::Mail(path("sender@126.com", false, &[])),
            ),
            (
                "RCPT TO:<sam@163.com>",
                Command::Rcpt(path("sam@163.com", true, &[])),
            ),
            (
                "RCPT TO:<@relay.example:bob@example.com>",
                Command::Rcpt(path("bob@example.com", true, &[])),
            ),
            (
                "RCPT TO:<Postmaster>",
                Command::Rcpt(path("Postmaster", true, &[])),
            ),
            ("MAIL FROM:alice", Command::Mail(path("alice", false, &[]))),
            (
                "RCPT TO:<a@b.c> NOTIFY=SUCCESS,FAILURE",
                Command::Rcpt(path("a@b.c", true, &[("NOTIFY", Some("SUCCESS,FAILURE"))])),
            ),
            ("DATA", Command::Data),
            (
                "BDAT 86 LAST",
                Command::Bdat {
                    size: 86,
                    last: true,
                },
            ),
            (
                "bdat 0",
                Command::Bdat {
                    size: 0,
                    last: false,
                },
            ),
            ("RSET", Command::Rset),
            ("NOOP anything at all", Command::Noop),
            ("QUIT", Command::Quit),
            ("HELP", Command::Help(None)),
            ("help mail", Command::Help(Some("mail".into()))),
            ("VRFY alice", Command::Vrfy("alice".into())),
            ("EXPN staff", Command::Expn("staff".into())),
            (
                "AUTH LOGIN",
                Command::Auth {
                    mechanism: "LOGIN".into(),
                    initial: None,
                },
            ),
            (
                "auth plain AGFsaWNlAHNlY3JldA==",
                Command::Auth {
                    mechanism: "PLAIN".into(),
                    initial: Some("AGFsaWNlAHNlY3JldA==".into()),
                },
            ),
            ("STARTTLS", Command::StartTls),
        ];
        for (line, want) in table {
            assert_eq!(parse(line), Ok(want), "{line}");
        }
    }

    #[test]
    fn syntax_errors_table() {
        let table: Vec<(&str, &str, Syntax)> = vec![
            ("HELO", "HELO", Syntax::MissingDomain),
            ("EHLO   ", "EHLO", Syntax::MissingDomain),
            ("MAIL alice@example.com", "MAIL", Syntax::MissingKeyword),
            ("MAIL FROM:", "MAIL", Syntax::MissingAddress),
            ("MAIL FROM:<bad address", "MAIL", Syntax::BadAddress),
            ("MAIL FROM:<a b@c.d>", "MAIL", Syntax::BadAddress),
            ("MAIL FROM:<a@b.c>SIZE=1", "MAIL", Syntax::BadAddress),
            ("MAIL FROM:<a@b.c> SIZE=", "MAIL", Syntax::BadParameter),
            ("RCPT TO:<>", "RCPT", Syntax::NullRecipient),
            ("RCPT TO:", "RCPT", Syntax::MissingAddress),
            ("BDAT", "BDAT", Syntax::BadChunkSize),
            ("BDAT x", "BDAT", Syntax::BadChunkSize),
            ("BDAT 10 FIRST", "BDAT", Syntax::BadChunkSize),
            ("AUTH", "AUTH", Syntax::MissingMechanism),
            ("VRFY", "VRFY", Syntax::MissingArgument),
            ("DATA now", "DATA", Syntax::UnexpectedArgument),
        ];
        for (line, verb, problem) in table {
            assert_eq!(
                parse(line),
                Err(ParseError::Syntax { verb, problem }),
                "{line}"
            );
        }
    }

    #[test]
    fn seed_004_typo_suggests_rcpt() {
        assert_eq!(
            parse("RCPR TO:sam@163.com"),
            Err(ParseError::Unknown {
                verb: "RCPR".into(),
                suggestion: Some("RCPT")
            })
        );
        assert_eq!(suggest("EHOL"), Some("EHLO"));
        assert_eq!(suggest("STARTLS"), Some("STARTTLS"));
        assert_eq!(suggest("FOO"), None);
        assert_eq!(suggest("GET"), None);
        assert_eq!(parse("   "), Err(ParseError::Empty));
    }
}
