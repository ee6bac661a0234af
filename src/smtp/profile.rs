//! Server profiles: the greetings, EHLO lists and reply texts of real servers.
//!
//! The texts are facts recorded from the real programs (`docs/transcripts/real-servers.md`)
//! and from the seed documents (Sendmail 8.13's HELP in seed 004, 163.com's Coremail in seed
//! 000). Placeholders in templates: `{host}` the server's name, `{client}` the client's
//! HELO/EHLO name, `{ip}` the client's address, `{peer}` its `name [ip]` (as the server's
//! reverse lookup found it), `{addr}` the address in the command,
//! `{id}` the queue id, `{date}` the caller-supplied time, `{line}` the command line.

use super::command::Syntax;
use super::why::Situation;
use crate::i18n::Tr;

/// A real server whose behaviour the simulated server reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Profile {
    /// Postfix, the most common MTA on Linux.
    #[default]
    Postfix,
    /// Sendmail 8.13, the server of seed 004.
    Sendmail,
    /// Exim 4, Debian's default MTA.
    Exim,
    /// 163.com's Coremail submission server, from seed 000.
    Coremail163,
    /// RFC 5321's own behaviour, strictly: 512-octet command lines, HELO/EHLO before a
    /// transaction, no argument where a command takes none, AUTH only after EHLO (RFC 4954).
    Rfc5321,
}

/// What a server does with a command line longer than it reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineOver {
    /// Refuses the command (RFC 5321 §4.5.3.1.4: 500) and goes on.
    Refuse,
    /// Answers 421 and closes the connection (Sendmail: "Command too long, possible attack").
    Close,
    /// Reads the first octets and skips the rest of the line (Postfix's `line_length_limit`).
    Truncate,
    /// Refuses the first octets, then reads the rest of the line as another command (Exim's
    /// command buffer: two `500 unrecognized command`, recorded).
    RefuseThenRest,
}

/// How long a command line the server reads, and what it does beyond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommandLimit {
    /// The longest command line read, in octets with CRLF.
    pub octets: usize,
    /// What happens to a longer one.
    pub over: LineOver,
}

/// How a server answers a client that keeps making errors (Postfix's
/// `smtpd_soft_error_limit`, `smtpd_hard_error_limit` and `smtpd_error_sleep_time`;
/// Sendmail's bad-command limit; Exim's `smtp_max_unknown_commands`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorLimits {
    /// What is counted.
    pub counted: Counted,
    /// From this many errors on, every reply is delayed by `sleep_seconds`.
    pub soft: u32,
    /// The limit: see [`Counted`] for what happens beyond it.
    pub hard: u32,
    /// The delay, in seconds (0: none). The engine counts; the caller (the TCP server)
    /// waits.
    pub sleep_seconds: u32,
}

/// What a server's error limit counts, and where its `TooManyErrors` reply comes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Every error reply (4xx, 5xx), failed AUTHs and refused recipients included; with
    /// `hard` errors, the next command gets `TooManyErrors` and the session ends (Postfix).
    EveryError,
    /// Unknown commands only; the one past `hard` gets `TooManyErrors` instead of its
    /// reply and the session ends (Sendmail after 25, Exim after 3).
    UnknownCommands,
}

/// Which line ends end the message text after DATA: the heart of SMTP smuggling (SEC
/// Consult, December 2023). RFC 5321 §4.1.1.4 ends it with `<CRLF>.<CRLF>` only; a server
/// that also takes `<LF>.<LF>` ends a message where an outbound server (which passes bare
/// LFs on) sees none, and what follows runs as commands: a smuggled second message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataEnd {
    /// A lone dot ends the text whether the lines around it end in CRLF or a bare LF
    /// (`<LF>.<LF>`, `<CR><LF>.<LF>` and `<LF>.<CR><LF>` all end it).
    AnyLineEnd,
    /// Only `<CR><LF>.<CR><LF>` ends the text; a dot between bare LFs is message text.
    CrlfOnly,
    /// A bare LF or a bare CR in the message text is refused at once (`BareLf`,
    /// `BareCr`: 421) and the connection closed; only `<CR><LF>.<CR><LF>` ends the text.
    RefuseBare,
}

/// One reply template: code, enhanced code (used when the profile sends them), text lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// The reply code.
    pub code: u16,
    /// The enhanced status code.
    pub enhanced: Option<&'static str>,
    /// The text, one entry per line.
    pub lines: &'static [&'static str],
}

const fn t(code: u16, enhanced: &'static str, lines: &'static [&'static str]) -> Template {
    Template {
        code,
        enhanced: if enhanced.is_empty() {
            None
        } else {
            Some(enhanced)
        },
        lines,
    }
}

impl Profile {
    /// Every profile, in the order the picker lists them.
    pub const ALL: [Profile; 5] = [
        Profile::Postfix,
        Profile::Sendmail,
        Profile::Exim,
        Profile::Coremail163,
        Profile::Rfc5321,
    ];

    /// The profile's short name, as used on the command line (`--profile postfix`).
    pub fn id(self) -> &'static str {
        match self {
            Profile::Postfix => "postfix",
            Profile::Sendmail => "sendmail",
            Profile::Exim => "exim",
            Profile::Coremail163 => "163",
            Profile::Rfc5321 => "rfc5321",
        }
    }

    /// The profile's display name.
    pub fn name(self) -> &'static str {
        match self {
            Profile::Postfix => "Postfix",
            Profile::Sendmail => "Sendmail 8.13",
            Profile::Exim => "Exim 4",
            Profile::Coremail163 => "163.com Coremail",
            Profile::Rfc5321 => "RFC 5321 strict",
        }
    }

    /// The profile's name as the pickers show it, in both languages.
    pub fn label(self) -> Tr {
        match self {
            Profile::Postfix => Tr::new("Postfix", "Postfix"),
            Profile::Sendmail => Tr::new("Sendmail 8.13", "Sendmail 8.13"),
            Profile::Exim => Tr::new("Exim 4", "Exim 4"),
            Profile::Coremail163 => Tr::new("163.com Coremail", "网易 163 邮箱（Coremail）"),
            Profile::Rfc5321 => Tr::new(
                "RFC 5321 strict (the standard itself)",
                "RFC 5321 严格模式（标准本身）",
            ),
        }
    }

    /// The profile for a short name.
    pub fn from_id(id: &str) -> Option<Profile> {
        Profile::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(id))
    }

    /// The server name the profile uses unless configured otherwise.
    pub fn default_hostname(self) -> &'static str {
        match self {
            Profile::Coremail163 => "163.com",
            _ => "mail.example.com",
        }
    }

    /// Whether the server puts RFC 3463 enhanced codes in its replies (and advertises
    /// ENHANCEDSTATUSCODES).
    pub fn enhanced_codes(self) -> bool {
        matches!(
            self,
            Profile::Postfix | Profile::Sendmail | Profile::Rfc5321
        )
    }

    /// Whether MAIL is refused before HELO/EHLO. Postfix's `smtpd_helo_required` is `no` by
    /// default; Debian's Sendmail has `needmailhelo` in its privacy flags.
    pub fn helo_required(self) -> bool {
        !matches!(self, Profile::Postfix)
    }

    /// Whether AUTH needs EHLO first (RFC 4954 §4: AUTH is an ESMTP extension). Postfix and
    /// Sendmail take AUTH before any EHLO, and after HELO (recorded).
    pub fn auth_needs_ehlo(self) -> bool {
        !matches!(self, Profile::Postfix | Profile::Sendmail)
    }

    /// Whether a TLS-before-AUTH policy hides AUTH until TLS is active, as Postfix's
    /// `smtpd_tls_auth_only` does ("do not announce or accept SASL authentication over
    /// unencrypted connections", postconf(5)); the other profiles list AUTH and answer it
    /// with "Must issue a STARTTLS command first".
    pub fn hides_auth_before_tls(self) -> bool {
        self == Profile::Postfix
    }

    /// The longest command line the server reads, and what it does with a longer one.
    pub fn command_line_limit(self) -> CommandLimit {
        match self {
            // Postfix's line_length_limit (2048) applies to commands: longer ones are cut.
            Profile::Postfix => CommandLimit {
                octets: 2048,
                over: LineOver::Truncate,
            },
            // Sendmail's MAXLINE (2048): `421 4.7.0 … Command too long, possible attack`.
            Profile::Sendmail => CommandLimit {
                octets: 2048,
                over: LineOver::Close,
            },
            // Exim's command buffer: 16000 octets are read, 16500 are not (recorded).
            Profile::Exim => CommandLimit {
                octets: 16384,
                over: LineOver::RefuseThenRest,
            },
            Profile::Coremail163 | Profile::Rfc5321 => CommandLimit {
                octets: 512,
                over: LineOver::Refuse,
            },
        }
    }

    /// Whether a message line over RFC 5321 §4.5.3.1.6's 1000 octets makes the server refuse
    /// the message: Exim's Debian data ACL does (550 after the dot); Postfix and Sendmail take
    /// it (recorded).
    pub fn refuses_long_text_lines(self) -> bool {
        !matches!(self, Profile::Postfix | Profile::Sendmail)
    }

    /// The longest address MAIL and RCPT take, in octets: RFC 5321 §4.5.3.1.3 says a path is
    /// at most 256 octets. Sendmail ("prescan: token too long") and Exim ("address is
    /// ridiculously long") refuse a 580-octet one; Postfix takes it (recorded).
    pub fn max_address(self) -> Option<usize> {
        match self {
            Profile::Postfix | Profile::Coremail163 => None,
            Profile::Sendmail | Profile::Exim | Profile::Rfc5321 => Some(256),
        }
    }

    /// Whether an argument after `verb` (which takes none: DATA, RSET, QUIT, STARTTLS) is
    /// ignored rather than refused with 501 (recorded).
    pub fn ignores_argument(self, verb: &str) -> bool {
        match self {
            Profile::Postfix => verb == "QUIT",
            Profile::Sendmail => matches!(verb, "QUIT" | "RSET" | "DATA"),
            Profile::Exim => false,
            Profile::Coremail163 | Profile::Rfc5321 => false,
        }
    }

    /// The server's maximum message size, as advertised in `SIZE`.
    pub fn default_max_size(self) -> u64 {
        match self {
            Profile::Postfix => 10_240_000,
            Profile::Sendmail => 10_485_760,
            Profile::Exim => 52_428_800,
            Profile::Coremail163 => 73_400_320,
            Profile::Rfc5321 => 10_240_000,
        }
    }

    /// Which extensions the server offers (the SMTP engine honours each of them).
    pub fn offers(self, extension: Extension) -> bool {
        use Extension as E;
        match self {
            Profile::Postfix => !matches!(extension, E::DeliverBy | E::Expn | E::Verb | E::Prdr),
            Profile::Rfc5321 => !matches!(
                extension,
                E::DeliverBy | E::Expn | E::Verb | E::Etrn | E::Prdr
            ),
            Profile::Sendmail => !matches!(extension, E::Chunking | E::Smtputf8 | E::Prdr),
            Profile::Exim => !matches!(
                extension,
                E::EnhancedStatusCodes
                    | E::Dsn
                    | E::Smtputf8
                    | E::DeliverBy
                    | E::Expn
                    | E::Verb
                    | E::Etrn
            ),
            Profile::Coremail163 => matches!(
                extension,
                E::Pipelining | E::Auth | E::StartTls | E::EightBitMime
            ),
        }
    }

    /// The reply template for a situation.
    pub fn template(self, situation: Situation) -> Template {
        // The wire reply is the ordinary one; only the explanation differs.
        let situation = match situation {
            Situation::QueuedAtBareLf => Situation::Queued,
            other => other,
        };
        let specific = match self {
            Profile::Postfix => None,
            Profile::Rfc5321 => rfc5321(situation),
            Profile::Sendmail => sendmail(situation),
            Profile::Exim => exim(situation),
            Profile::Coremail163 => coremail(situation),
        };
        specific.unwrap_or_else(|| postfix(situation))
    }

    /// The error limits, when the real server has them (recorded with
    /// `scripts/parity-clients/61-error-limit.txt`, 62 and 63). The RFC 5321 profile and
    /// 163.com have none; the engine still ends a session whose replies outgrow its input
    /// (see `Server::receive`).
    pub fn error_limits(self) -> Option<ErrorLimits> {
        match self {
            // Postfix's defaults: sleep 1 s after 10 errors, 421 after 20 (recorded: the
            // 21st command gets `421 4.7.0 … Error: too many errors`, failed AUTHs and
            // refused recipients count alike).
            Profile::Postfix => Some(ErrorLimits {
                counted: Counted::EveryError,
                soft: 10,
                hard: 20,
                sleep_seconds: 1,
            }),
            // Recorded: 25 unknown commands (or empty lines) get 500, the 26th `421 4.7.0
            // … Too many bad commands; closing connection`; refused RCPTs and failed AUTHs
            // are not counted.
            Profile::Sendmail => Some(ErrorLimits {
                counted: Counted::UnknownCommands,
                soft: 0,
                hard: 25,
                sleep_seconds: 0,
            }),
            // Recorded: three `500 unrecognized command`, the fourth `500 Too many
            // unrecognized commands`, closed.
            Profile::Exim => Some(ErrorLimits {
                counted: Counted::UnknownCommands,
                soft: 0,
                hard: 3,
                sleep_seconds: 0,
            }),
            Profile::Coremail163 | Profile::Rfc5321 => None,
        }
    }

    /// Failed AUTHs answered before the next AUTH gets `TooManyAuthFailures` and the session
    /// ends. Recorded with Exim 4.96: eleven `535 Incorrect authentication data`, then `554
    /// Too many nonmail commands` (its `smtp_accept_max_nonmail` counts AUTH among the
    /// commands that send no mail). Postfix counts failed AUTHs as errors instead (see
    /// [`Profile::error_limits`]); Sendmail 8.17 answers more and more slowly (recorded:
    /// after seven failures no reply came within 30 s), which a sans-IO engine leaves to
    /// its caller.
    pub fn auth_failure_limit(self) -> Option<u32> {
        match self {
            Profile::Exim => Some(11),
            _ => None,
        }
    }

    /// Refused recipients (relay denied, unknown user) after which every RCPT gets
    /// `TooManyBadRecipients`. Recorded with Exim 4.96: ten `550 relay not permitted`,
    /// then `550 Rejected for too many bad recipients`; the session goes on.
    pub fn bad_recipient_limit(self) -> Option<u32> {
        match self {
            Profile::Exim => Some(10),
            _ => None,
        }
    }

    /// How DATA ends in this profile's real server, as Debian ships it (recorded with
    /// `scripts/parity-clients/67-smuggle-lf-dot-lf.txt` to `70-smuggle-cr-dot-crlf.txt`).
    pub fn data_end(self) -> DataEnd {
        match self {
            // Exim 4.96 (4.96-15+deb12u11): one message, the smuggled lines stay text.
            Profile::Rfc5321 | Profile::Exim => DataEnd::CrlfOnly,
            // Sendmail 8.17.1.9 (Debian-2+deb12u2): `421 4.5.0 Bare linefeed (LF) not
            // allowed` and `421 4.5.0 Bare carriage return (CR) not allowed`.
            Profile::Sendmail => DataEnd::RefuseBare,
            // Postfix 3.7.11 with Debian's defaults: all three end the message and the
            // smuggled transaction runs (`postconf -d` of that package:
            // `smtpd_forbid_bare_newline = no`; `--reject-bare-lf` switches it on).
            Profile::Postfix | Profile::Coremail163 => DataEnd::AnyLineEnd,
        }
    }

    /// Whether a bare local part (`MAIL FROM:alice`) is accepted and qualified with the
    /// server's domain: Postfix and Sendmail do, Exim refuses it.
    pub fn qualifies_bare_addresses(self) -> bool {
        matches!(self, Profile::Postfix | Profile::Sendmail)
    }

    /// Whether RFC 3463 enhanced codes go on this situation's reply even though the profile
    /// uses them: Postfix's ETRN replies carry none (recorded).
    pub fn enhanced_on(self, situation: Situation) -> bool {
        !(self == Profile::Postfix
            && matches!(situation, Situation::EtrnRefused | Situation::EtrnNoDomain))
    }

    /// The reply to a syntax error in `verb`'s argument, worded as the real server words
    /// it (`docs/transcripts/real-servers.md`).
    pub fn syntax_template(self, verb: &str, problem: Syntax) -> Template {
        use Syntax as X;
        let mail = verb == "MAIL";
        match self {
            Profile::Postfix => match (verb, problem) {
                ("HELO", _) => t(501, "", &["Syntax: HELO hostname"]),
                ("EHLO", _) => t(501, "", &["Syntax: EHLO hostname"]),
                ("MAIL", X::BadAddress | X::NoDomain) => {
                    t(501, "5.1.7", &["Bad sender address syntax"])
                }
                ("RCPT", X::BadAddress | X::NoDomain | X::NullRecipient) => {
                    t(501, "5.1.3", &["Bad recipient address syntax"])
                }
                ("MAIL", _) => t(501, "5.5.4", &["Syntax: MAIL FROM:<address>"]),
                ("RCPT", _) => t(501, "5.5.4", &["Syntax: RCPT TO:<address>"]),
                ("AUTH", _) => t(501, "5.5.4", &["Syntax: AUTH mechanism"]),
                ("VRFY", _) => t(501, "5.5.4", &["Syntax: VRFY address"]),
                _ => t(501, "5.5.4", &["Syntax: {verb}"]),
            },
            Profile::Sendmail => match (verb, problem) {
                ("HELO" | "EHLO", _) => t(501, "5.0.0", &["{verb} requires domain address"]),
                (_, X::BadAddress) => t(553, "5.0.0", &["{raw}... Unbalanced '<'"]),
                ("MAIL", _) => t(
                    501,
                    "5.5.2",
                    &["Syntax error in parameters scanning \"FROM\""],
                ),
                ("RCPT", _) => t(
                    501,
                    "5.5.2",
                    &["Syntax error in parameters scanning \"TO\""],
                ),
                _ => t(
                    501,
                    "5.5.2",
                    &["Syntax error in parameters scanning \"{line}\""],
                ),
            },
            Profile::Exim => match (verb, problem) {
                ("HELO" | "EHLO", _) => t(501, "", &["Syntactically invalid {verb} argument(s)"]),
                ("AUTH", _) => t(504, "", &[" authentication mechanism not supported"]),
                (_, X::NoDomain) if mail => {
                    t(501, "", &["{addr}: sender address must contain a domain"])
                }
                (_, X::NoDomain) => t(
                    501,
                    "",
                    &["{addr}: recipient address must contain a domain"],
                ),
                ("RCPT", X::MissingAddress | X::MissingKeyword) => {
                    t(501, "", &["RCPT must have an address operand"])
                }
                ("MAIL", X::MissingAddress | X::MissingKeyword) => {
                    t(501, "", &["MAIL must have an address operand"])
                }
                _ => t(501, "", &["{raw}: malformed address"]),
            },
            Profile::Coremail163 => t(501, "", &["Error: bad syntax"]),
            Profile::Rfc5321 => t(501, "5.5.4", &["Syntax error in parameters or arguments"]),
        }
    }

    /// The SASL mechanisms the server offers after EHLO, in its order.
    pub fn mechanisms(self) -> &'static [&'static str] {
        match self {
            // With Cyrus SASL, Postfix offers whatever mechanisms the SASL library has.
            Profile::Postfix => &[
                "PLAIN",
                "LOGIN",
                "CRAM-MD5",
                "DIGEST-MD5",
                "NTLM",
                "SCRAM-SHA-1",
                "SCRAM-SHA-256",
            ],
            // Seed 004: `250-AUTH DIGEST-MD5 CRAM-MD5 LOGIN PLAIN`.
            Profile::Sendmail => &["DIGEST-MD5", "CRAM-MD5", "LOGIN", "PLAIN"],
            // Exim's plaintext and cram_md5 authenticators, DIGEST-MD5 through Cyrus SASL.
            Profile::Exim => &["PLAIN", "LOGIN", "CRAM-MD5", "DIGEST-MD5"],
            // Seed 000: `250-AUTH LOGIN PLAIN`.
            Profile::Coremail163 => &["LOGIN", "PLAIN"],
            Profile::Rfc5321 => &[
                "PLAIN",
                "LOGIN",
                "CRAM-MD5",
                "DIGEST-MD5",
                "NTLM",
                "SCRAM-SHA-1",
                "SCRAM-SHA-256",
            ],
        }
    }

    /// HELP's lines: `None` when the server does not implement HELP.
    pub fn help(self, topic: Option<&str>) -> Option<Template> {
        match (self, topic) {
            (Profile::Sendmail, None) => Some(t(
                214,
                "2.0.0",
                &[
                    "This is sendmail",
                    "Topics:",
                    "\tHELO\tEHLO\tMAIL\tRCPT\tDATA",
                    "\tRSET\tNOOP\tQUIT\tHELP\tVRFY",
                    "\tEXPN\tVERB\tETRN\tDSN\tAUTH",
                    "\tSTARTTLS",
                    "For more info use \"HELP <topic>\".",
                    "To report bugs in the implementation see",
                    "\thttp://www.sendmail.org/email-addresses.html",
                    "For local information send email to Postmaster at your site.",
                    "End of HELP info",
                ],
            )),
            (Profile::Sendmail, Some(topic)) if topic.eq_ignore_ascii_case("MAIL") => Some(t(
                214,
                "2.0.0",
                &[
                    "MAIL From:<sender> [ <parameters> ]",
                    "\tSpecifies the sender.  Parameters are ESMTP extensions.",
                    "\tSee \"HELP DSN\" for details.",
                    "End of HELP info",
                ],
            )),
            (Profile::Sendmail, Some(_)) => {
                Some(t(504, "5.3.0", &["HELP topic \"{line}\" unknown"]))
            }
            (Profile::Exim, _) => Some(t(
                214,
                "",
                &[
                    "Commands supported:",
                    "AUTH STARTTLS HELO EHLO MAIL RCPT DATA BDAT NOOP QUIT RSET HELP",
                ],
            )),
            (Profile::Rfc5321, _) => Some(t(
                214,
                "2.0.0",
                &["Commands: HELO EHLO MAIL RCPT DATA RSET NOOP QUIT HELP VRFY"],
            )),
            (Profile::Postfix | Profile::Coremail163, _) => None,
        }
    }
}

/// An ESMTP extension the engine implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Extension {
    /// RFC 2920.
    Pipelining,
    /// RFC 1870.
    Size,
    /// RFC 6152.
    EightBitMime,
    /// RFC 6531.
    Smtputf8,
    /// RFC 2034.
    EnhancedStatusCodes,
    /// RFC 3461.
    Dsn,
    /// RFC 3030.
    Chunking,
    /// RFC 4954.
    Auth,
    /// RFC 3207.
    StartTls,
    /// VRFY listed as a keyword (Postfix does when VRFY is on).
    Vrfy,
    /// EXPN listed as a keyword (Sendmail does when EXPN is on).
    Expn,
    /// RFC 1985: ETRN.
    Etrn,
    /// RFC 2852: DELIVERBY (MAIL's `BY=` parameter).
    DeliverBy,
    /// Sendmail's VERB.
    Verb,
    /// PRDR (per-recipient data responses), as Exim advertises it.
    Prdr,
}

fn postfix(s: Situation) -> Template {
    use Situation as S;
    match s {
        S::Greeting => t(220, "", &["{host} ESMTP Postfix"]),
        S::Helo => t(250, "", &["{host}"]),
        S::Ehlo => t(250, "", &["{host}"]),
        S::MailOk => t(250, "2.1.0", &["Ok"]),
        S::RcptOk => t(250, "2.1.5", &["Ok"]),
        S::DataGo => t(354, "", &["End data with <CR><LF>.<CR><LF>"]),
        S::Queued | S::QueuedAtBareLf => t(250, "2.0.0", &["Ok: queued as {id}"]),
        S::QueuedChunked => t(250, "2.0.0", &["Ok: {size} bytes queued as {id}"]),
        S::ChunkOk => t(250, "2.0.0", &["Ok: {size} bytes"]),
        S::Bye => t(221, "2.0.0", &["Bye"]),
        S::RsetOk => t(250, "2.0.0", &["Ok"]),
        S::NoopOk => t(250, "2.0.0", &["Ok"]),
        // Postfix never says 250 to VRFY: it answers 252 with the argument as typed.
        S::VrfyOk | S::VrfyNoVerify => t(252, "2.0.0", &["{addr}"]),
        S::VrfyUnknown => t(
            550,
            "5.1.1",
            &["<{addr}>: Recipient address rejected: User unknown in local recipient table"],
        ),
        S::VrfyDisabled => t(502, "5.5.1", &["VRFY command is disabled"]),
        // Postfix implements neither EXPN nor HELP: both are unknown commands to it.
        S::ExpnDisabled => t(500, "5.5.2", &["Error: command not recognized"]),
        S::Help | S::HelpUnsupported => t(500, "5.5.2", &["Error: command not recognized"]),
        S::Unrecognized => t(500, "5.5.2", &["Error: command not recognized"]),
        S::SyntaxError => t(501, "5.5.4", &["Syntax: {line}"]),
        S::ParamUnsupported => t(555, "5.5.4", &["Unsupported option: {addr}"]),
        S::NeedHelo => t(503, "5.5.1", &["Error: send HELO/EHLO first"]),
        S::NeedMail => t(503, "5.5.1", &["Error: need MAIL command"]),
        S::NeedRcpt => t(554, "5.5.1", &["Error: no valid recipients"]),
        S::NestedMail => t(503, "5.5.1", &["Error: nested MAIL command"]),
        S::LineTooLong => t(500, "5.5.2", &["Error: line too long"]),
        S::TextLineTooLong => t(500, "5.5.2", &["Error: line too long"]),
        S::MessageTooBig => t(552, "5.3.4", &["Error: message file too big"]),
        S::SizeTooBig => t(552, "5.3.4", &["Message size exceeds fixed limit"]),
        // RFC 4954 §4 asks for 504 5.5.4; Postfix answers 535 (recorded).
        S::AuthUnknownMechanism => t(
            535,
            "5.7.8",
            &["Error: authentication failed: Invalid authentication mechanism"],
        ),
        S::AuthAlready => t(503, "5.5.1", &["Error: already authenticated"]),
        S::AuthInTransaction => t(503, "5.5.1", &["Error: MAIL transaction in progress"]),
        S::AuthNotOffered => t(503, "5.5.1", &["Error: authentication not enabled"]),
        S::AuthChallenge => t(334, "", &["{challenge}"]),
        S::AuthOk => t(235, "2.7.0", &["Authentication successful"]),
        S::AuthFailed => t(
            535,
            "5.7.8",
            &["Error: authentication failed: (reason unavailable)"],
        ),
        S::AuthBackendDown => t(
            535,
            "5.7.8",
            &["Error: authentication failed: generic failure"],
        ),
        S::AuthCancelled => t(501, "5.7.0", &["Authentication aborted"]),
        // Recorded with Cyrus SASL (and with Dovecot: "Invalid base64 data in continued
        // response"); both are 535 5.7.8.
        S::AuthBadBase64 => t(
            535,
            "5.7.8",
            &["Error: authentication failed: bad protocol / cancel"],
        ),
        S::AuthMalformed => t(
            535,
            "5.7.8",
            &["Error: authentication failed: bad protocol / cancel"],
        ),
        S::AuthRequired => t(530, "5.7.0", &["Authentication required"]),
        S::TlsRequired => t(530, "5.7.0", &["Must issue a STARTTLS command first"]),
        // smtpd_tls_auth_only (Postfix's smtpd.c cites RFC 4954 §4 for it).
        S::AuthNeedsEncryption => t(
            504,
            "5.5.4",
            &["Encryption required for requested authentication mechanism"],
        ),
        S::TlsReady => t(220, "2.0.0", &["Ready to start TLS"]),
        S::TlsAlready => t(554, "5.5.1", &["Error: TLS already active"]),
        S::TlsNotOffered => t(502, "5.5.1", &["Error: command not implemented"]),
        S::SenderMismatch => t(
            553,
            "5.7.1",
            &["<{addr}>: Sender address rejected: not owned by user {user}"],
        ),
        S::UnknownUser => t(
            550,
            "5.1.1",
            &["<{addr}>: Recipient address rejected: User unknown in local recipient table"],
        ),
        S::RelayDenied => t(554, "5.7.1", &["<{addr}>: Relay access denied"]),
        S::Utf8Required => t(
            553,
            "5.6.7",
            &["Must declare SMTPUTF8 to send unicode address"],
        ),
        S::Fault => t(451, "4.3.0", &["Error: queue file write error"]),
        S::BdatOutOfSequence => t(503, "5.5.1", &["Error: need RCPT command"]),
        S::MixedDataBdat => t(503, "5.5.1", &["Error: BDAT and DATA cannot be mixed"]),
        S::Timeout => t(421, "4.4.2", &["{host} Error: timeout exceeded"]),
        // postgrey's default text.
        S::Greylisted => t(450, "4.2.0", &["<{addr}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{domain}.html"]),
        // Postfix 3.9's smtpd_forbid_bare_newline.
        S::BareLf => t(521, "5.5.2", &["{host} Error: bare <LF> received"]),
        S::TooManyConnections => t(421, "4.3.2", &["Too many connections"]),
        // smtpd_hard_error_limit (recorded).
        S::TooManyErrors | S::TooManyAuthFailures => {
            t(421, "4.7.0", &["{host} Error: too many errors"])
        }
        S::TooManyBadRecipients => t(550, "5.7.1", &["Rejected for too many bad recipients"]),
        S::BareCr => t(421, "4.5.0", &["Bare carriage return (CR) not allowed"]),
        // Postfix's smtpd.c when the queue file system is short of space (queue_minfree).
        S::InsufficientStorage => t(452, "4.3.1", &["Insufficient system storage"]),
        S::LineTooLongClose => t(421, "4.7.0", &["{host} Error: command too long"]),
        S::ForbiddenCommand => t(221, "2.7.0", &["Error: I can break rules, too. Goodbye."]),
        S::EtrnStarted => t(250, "", &["Queuing started"]),
        S::EtrnRefused => t(459, "", &["<{addr}>: service unavailable"]),
        S::EtrnNoDomain => t(500, "", &["Syntax: ETRN domain"]),
        S::VerbOk => t(500, "5.5.2", &["Error: command not recognized"]),
        S::Utf8RequiredRcpt => t(501, "5.1.3", &["Bad recipient address syntax"]),
        S::PathTooLong => t(501, "5.1.3", &["Path too long"]),
        S::PrdrBegin => t(353, "", &["PRDR content analysis beginning"]),
        S::PrdrRecipient => t(250, "", &["PRDR R=<{addr}> acceptance"]),
    }
}

/// RFC 5321's own replies (§4.2, §4.3.2), with RFC 3463 enhanced codes.
fn rfc5321(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(220, "", &["{host} ESMTP Service ready"]),
        S::Helo | S::Ehlo => t(250, "", &["{host}"]),
        S::MailOk | S::RcptOk | S::RsetOk | S::NoopOk => t(
            250,
            match s {
                S::MailOk => "2.1.0",
                S::RcptOk => "2.1.5",
                _ => "2.0.0",
            },
            &["OK"],
        ),
        S::DataGo => t(354, "", &["Start mail input; end with <CRLF>.<CRLF>"]),
        S::Queued => t(250, "2.0.0", &["OK: queued as {id}"]),
        S::Bye => t(
            221,
            "2.0.0",
            &["{host} Service closing transmission channel"],
        ),
        S::Unrecognized | S::ExpnDisabled | S::VerbOk => {
            t(500, "5.5.2", &["Syntax error, command unrecognized"])
        }
        S::HelpUnsupported => t(502, "5.5.1", &["Command not implemented"]),
        S::NeedHelo => t(
            503,
            "5.5.1",
            &["Bad sequence of commands: send HELO/EHLO first"],
        ),
        S::NeedMail => t(503, "5.5.1", &["Bad sequence of commands: need MAIL first"]),
        S::NeedRcpt => t(554, "5.5.1", &["No valid recipients"]),
        S::NestedMail => t(503, "5.5.1", &["Bad sequence of commands: nested MAIL"]),
        S::LineTooLong => t(500, "5.5.2", &["Line too long"]),
        S::TextLineTooLong => t(500, "5.5.2", &["Text line too long"]),
        // RFC 4954 §4.
        S::AuthUnknownMechanism => t(504, "5.5.4", &["Unrecognized authentication type"]),
        S::AuthNotOffered => t(503, "5.5.1", &["AUTH not available: send EHLO first"]),
        S::AuthFailed => t(535, "5.7.8", &["Authentication credentials invalid"]),
        S::AuthBackendDown => t(454, "4.7.0", &["Temporary authentication failure"]),
        S::AuthBadBase64 | S::AuthMalformed => {
            t(501, "5.5.2", &["Cannot Base64-decode client response"])
        }
        S::AuthCancelled => t(501, "5.7.0", &["Authentication cancelled"]),
        S::Utf8RequiredRcpt => t(
            553,
            "5.6.7",
            &["Must declare SMTPUTF8 to send unicode address"],
        ),
        _ => return None,
    })
}

fn sendmail(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(220, "", &["{host} ESMTP Sendmail 8.13.8/8.13.8; {date}"]),
        S::Helo => t(250, "", &["{host} Hello {peer}, pleased to meet you"]),
        S::Ehlo => t(250, "", &["{host} Hello {peer}, pleased to meet you"]),
        S::MailOk => t(250, "2.1.0", &["{raw}... Sender ok"]),
        S::RcptOk => t(250, "2.1.5", &["{raw}... Recipient ok"]),
        S::DataGo => t(354, "", &["Enter mail, end with \".\" on a line by itself"]),
        S::Queued => t(250, "2.0.0", &["{id} Message accepted for delivery"]),
        S::Bye => t(221, "2.0.0", &["{host} closing connection"]),
        S::RsetOk => t(250, "2.0.0", &["Reset state"]),
        S::NoopOk => t(250, "2.0.0", &["OK"]),
        S::VrfyOk => t(250, "2.1.5", &["<{full}>"]),
        S::VrfyNoVerify | S::VrfyDisabled => t(
            252,
            "2.5.2",
            &["Cannot VRFY user; try RCPT to attempt delivery (or try finger)"],
        ),
        S::VrfyUnknown => t(550, "5.1.1", &["{raw}... User unknown"]),
        S::ExpnDisabled => t(502, "5.7.0", &["Sorry, we do not allow this operation"]),
        S::Unrecognized => t(500, "5.5.1", &["Command unrecognized: \"{line}\""]),
        S::SyntaxError => t(
            501,
            "5.5.2",
            &["Syntax error in parameters scanning \"{line}\""],
        ),
        S::ParamUnsupported => t(555, "5.5.4", &["{addr} parameter unrecognized"]),
        S::NeedHelo => t(503, "5.0.0", &["Polite people say HELO first"]),
        S::NeedMail => t(503, "5.0.0", &["Need MAIL before RCPT"]),
        S::NeedRcpt => t(503, "5.0.0", &["Need RCPT (recipient)"]),
        S::NestedMail => t(503, "5.5.0", &["Sender already specified"]),
        S::LineTooLong => t(500, "5.5.0", &["Command line too long"]),
        S::TextLineTooLong => t(500, "5.5.0", &["Line too long"]),
        S::MessageTooBig => t(
            552,
            "5.2.3",
            &["Message exceeds maximum fixed size ({limit})"],
        ),
        S::SizeTooBig => t(
            552,
            "5.2.3",
            &["Message size exceeds fixed maximum message size ({limit})"],
        ),
        S::AuthUnknownMechanism => t(504, "5.3.3", &["AUTH mechanism {addr} not available"]),
        S::AuthAlready => t(503, "5.5.0", &["Already Authenticated"]),
        S::AuthInTransaction => t(
            503,
            "5.5.0",
            &["AUTH not permitted during a mail transaction"],
        ),
        S::AuthNotOffered => t(503, "5.3.3", &["AUTH not available"]),
        S::AuthOk => t(235, "2.0.0", &["OK Authenticated"]),
        S::AuthFailed | S::AuthBackendDown | S::AuthMalformed => {
            t(535, "5.7.0", &["authentication failed"])
        }
        S::AuthCancelled => t(501, "5.0.0", &["AUTH aborted"]),
        S::AuthBadBase64 => t(501, "5.5.4", &["cannot decode AUTH parameter {addr}"]),
        S::AuthRequired => t(530, "5.7.0", &["Authentication required"]),
        S::TlsReady => t(220, "2.0.0", &["Ready to start TLS"]),
        S::TlsAlready => t(503, "5.5.0", &["TLS already active"]),
        S::TlsNotOffered => t(454, "4.3.3", &["TLS not available after start"]),
        S::SenderMismatch => t(
            553,
            "5.7.1",
            &["{raw}... Sender address not owned by authenticated user"],
        ),
        S::UnknownUser => t(550, "5.1.1", &["{raw}... User unknown"]),
        S::RelayDenied => t(
            550,
            "5.7.1",
            &["{raw}... Relaying denied. Proper authentication required."],
        ),
        S::Fault => t(
            451,
            "4.3.0",
            &["Temporary system failure. Please try again later."],
        ),
        S::LineTooLongClose => t(
            421,
            "4.7.0",
            &["{host} Command too long, possible attack [{ip}]"],
        ),
        S::EtrnStarted => t(250, "2.0.0", &["Queuing for node {addr} started"]),
        S::EtrnRefused => t(458, "4.0.0", &["Unable to queue messages for node {addr}"]),
        S::EtrnNoDomain => t(500, "5.5.2", &["Parameter required"]),
        S::VerbOk => t(250, "2.0.0", &["Verbose mode"]),
        S::Utf8RequiredRcpt => t(
            501,
            "5.1.3",
            &["8-bit character in mailbox address \"{raw}\""],
        ),
        // Recorded: a web browser's `GET /` is taken for an open-proxy probe.
        S::ForbiddenCommand => t(421, "4.7.0", &["{host} Rejecting open proxy [{ip}]"]),
        S::PathTooLong => t(553, "5.1.0", &["{raw}... prescan: token too long"]),
        // Recorded (8.17.1.9, Debian-2+deb12u2).
        S::TooManyErrors => t(
            421,
            "4.7.0",
            &["{host} Too many bad commands; closing connection"],
        ),
        S::BareLf => t(421, "4.5.0", &["Bare linefeed (LF) not allowed"]),
        S::BareCr => t(421, "4.5.0", &["Bare carriage return (CR) not allowed"]),
        _ => return None,
    })
}

fn exim(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(220, "", &["{host} ESMTP Exim 4.96 {date}"]),
        S::Helo => t(250, "", &["{host} Hello {client} [{ip}]"]),
        S::Ehlo => t(250, "", &["{host} Hello {client} [{ip}]"]),
        S::MailOk => t(250, "", &["OK"]),
        S::RcptOk => t(250, "", &["Accepted"]),
        S::DataGo => t(
            354,
            "",
            &["Enter message, ending with \".\" on a line by itself"],
        ),
        S::Queued => t(250, "", &["OK id={id}"]),
        S::ChunkOk => t(250, "", &["{size} byte chunk received"]),
        S::Bye => t(221, "", &["{host} closing connection"]),
        S::RsetOk => t(250, "", &["Reset OK"]),
        S::NoopOk => t(250, "", &["OK"]),
        S::VrfyNoVerify => t(252, "", &["Administrative prohibition"]),
        S::VrfyDisabled => t(252, "", &["Administrative prohibition"]),
        S::ExpnDisabled => t(550, "", &["Administrative prohibition"]),
        S::Unrecognized => t(500, "", &["unrecognized command"]),
        S::SyntaxError => t(501, "", &["{line}: malformed address or syntax error"]),
        S::NeedHelo => t(503, "", &["HELO or EHLO required"]),
        S::NeedMail => t(503, "", &["sender not yet given"]),
        S::NeedRcpt => t(503, "", &["valid RCPT command must precede DATA"]),
        S::NestedMail => t(503, "", &["sender already given"]),
        S::TextLineTooLong => t(
            550,
            "",
            &["maximum allowed line length is 998 octets, got {size}"],
        ),
        S::MessageTooBig => t(552, "", &["Message size exceeds maximum permitted"]),
        S::SizeTooBig => t(552, "", &["Message size exceeds maximum permitted"]),
        S::AuthUnknownMechanism => t(504, "", &["{addr} authentication mechanism not supported"]),
        S::AuthNotOffered => t(503, "", &["AUTH command used when not advertised"]),
        S::TlsReady => t(220, "", &["TLS go ahead"]),
        S::AuthAlready => t(503, "", &["already authenticated"]),
        S::AuthOk => t(235, "", &["Authentication succeeded"]),
        S::AuthFailed | S::AuthMalformed => t(535, "", &["Incorrect authentication data"]),
        S::AuthBackendDown => t(435, "", &["Unable to authenticate at present"]),
        S::AuthCancelled => t(501, "", &["Authentication cancelled"]),
        S::AuthBadBase64 => t(501, "", &["Invalid base64 data"]),
        S::AuthRequired => t(530, "", &["Authentication required"]),
        S::UnknownUser => t(550, "", &["Unrouteable address"]),
        S::RelayDenied => t(550, "", &["relay not permitted"]),
        S::SenderMismatch => t(550, "", &["Sender address is not the authenticated user"]),
        S::Fault => t(451, "", &["Temporary local problem - please try later"]),
        S::ForbiddenCommand | S::EtrnStarted | S::EtrnNoDomain | S::VerbOk => {
            t(500, "", &["unrecognized command"])
        }
        S::EtrnRefused => t(458, "", &["Administrative prohibition"]),
        // Recorded (4.96-15+deb12u11): smtp_max_unknown_commands, smtp_accept_max_nonmail,
        // and the refusal after ten bad recipients.
        S::TooManyErrors => t(500, "", &["Too many unrecognized commands"]),
        S::TooManyAuthFailures => t(554, "", &["Too many nonmail commands"]),
        S::TooManyBadRecipients => t(550, "", &["Rejected for too many bad recipients"]),
        S::ParamUnsupported => t(
            501,
            "",
            &["{raw} {addr}: malformed address: {addr} may not follow {raw}"],
        ),
        S::BdatOutOfSequence => t(503, "", &["valid RCPT command must precede BDAT"]),
        S::Utf8RequiredRcpt => t(501, "", &["{raw}: domain missing or malformed"]),
        S::PathTooLong => t(501, "", &["{raw}: address is ridiculously long"]),
        // Recorded: a line over 16384 octets, and then its rest, are "unrecognized".
        S::LineTooLong => t(500, "", &["unrecognized command"]),
        _ => return None,
    })
}

fn coremail(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(
            220,
            "",
            &["163.com Anti-spam GT for Coremail System (163com[20141201])"],
        ),
        S::Helo | S::Ehlo => t(250, "", &["mail"]),
        S::MailOk | S::RcptOk => t(250, "", &["Mail OK"]),
        S::DataGo => t(354, "", &["End data with <CR><LF>.<CR><LF>"]),
        S::Queued => t(250, "", &["Mail OK queued as {id}"]),
        S::Bye => t(221, "", &["Bye"]),
        S::RsetOk | S::NoopOk => t(250, "", &["OK"]),
        S::Unrecognized => t(502, "", &["Error: command not implemented"]),
        S::SyntaxError => t(501, "", &["Error: bad syntax"]),
        S::NeedHelo => t(503, "", &["Error: send HELO/EHLO first"]),
        S::NeedMail => t(503, "", &["bad sequence of commands"]),
        S::NeedRcpt => t(503, "", &["bad sequence of commands"]),
        S::NestedMail => t(503, "", &["bad sequence of commands"]),
        S::AuthOk => t(235, "", &["Authentication successful"]),
        S::AuthFailed | S::AuthBackendDown | S::AuthMalformed => {
            t(535, "", &["Error: authentication failed"])
        }
        S::AuthRequired => t(553, "", &["authentication is required"]),
        S::SenderMismatch => t(553, "", &["Mail from must equal authorized user"]),
        S::RelayDenied => t(553, "", &["authentication is required"]),
        S::Fault => t(
            451,
            "",
            &["Requested action aborted: local error in processing"],
        ),
        _ => return None,
    })
}

/// The fault replies the learner can inject (like Mailpit's chaos).
pub fn fault_template(code: u16) -> Template {
    match code {
        421 => t(
            421,
            "4.3.2",
            &["{host} Service not available, closing transmission channel"],
        ),
        450 => t(
            450,
            "4.2.1",
            &["Requested mail action not taken: mailbox unavailable"],
        ),
        452 => t(452, "4.3.1", &["Insufficient system storage"]),
        _ => t(
            451,
            "4.3.0",
            &["Requested action aborted: local error in processing"],
        ),
    }
}
