//! Server profiles: the greetings, EHLO lists and reply texts of real servers.
//!
//! The texts are facts recorded from the real programs (`docs/transcripts/real-servers.md`)
//! and from the seed documents (Sendmail 8.13's HELP in seed 004, 163.com's Coremail in seed
//! 000). Placeholders in templates: `{host}` the server's name, `{client}` the client's
//! HELO/EHLO name, `{ip}` the client's address, `{peer}` its `name [ip]` (as the server's
//! reverse lookup found it), `{addr}` the address in the command,
//! `{id}` the queue id, `{date}` the caller-supplied time, `{line}` the command line,
//! `{session}` the session's id (Gmail ends its replies with one).
//!
//! The provider profiles (Gmail, Outlook / Microsoft 365, QQ Mail) are submission servers
//! the trainer cannot record itself; their texts are taken from published transcripts, each
//! cited where it is used (GitHub issues in which users pasted the servers' replies):
//!
//! - Gmail: greeting, EHLO's AUTH line, `235 2.7.0 Accepted` and the two-line `535-5.7.8
//!   Username and Password not accepted` from dawidd6/action-send-mail#205; EHLO's first line
//!   and whole list before and after STARTTLS (`SIZE 35882577`, `CHUNKING`, `SMTPUTF8` …),
//!   the two-line `530-5.7.0 Authentication Required` for MAIL before AUTH and `250 2.1.5
//!   Flushed` for RSET from a Python smtplib debug log on port 587 published on GitHub (with
//!   its images in Akshaykumar05/community-forum); `250 2.1.0 OK <id> - gsmtp`, `250 2.1.5
//!   OK <id> - gsmtp` and `354 Go ahead <id> - gsmtp` for MAIL, RCPT and DATA from a Python
//!   smtplib log of Google's receiving servers, whose front end words them alike
//!   (The-Login/SMTP-Smuggling-Tools#11); `221 2.0.0 closing connection <id> - gsmtp` for
//!   QUIT from smtp.gmail.com in PHPMailer's output (PHPMailer/PHPMailer#1076); XOAUTH2's error
//!   challenge `{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`
//!   followed by 535 after the client's empty line from jstedfast/MailKit#27.
//! - Outlook / Microsoft 365: the greeting and EHLO's `SIZE 157286400` and `AUTH LOGIN
//!   XOAUTH2` from containrrr/shoutrrr#34 and simonrob/email-oauth2-proxy#68 and #95;
//!   `535 5.7.3 Authentication unsuccessful [host]` for a wrong token from
//!   tarickb/sasl-xoauth2#43 (5.7.139 instead means SMTP AUTH is disabled for the tenant);
//!   EHLO's first line and whole list before and after STARTTLS, and STARTTLS's `220 2.0.0
//!   SMTP server ready`, from kisli/vmime#265 and cutelyst/simple-mail#48; `504 5.7.4
//!   Unrecognized authentication type [host]` for another mechanism from
//!   jordan-wright/email#151 and mikel/mail#1357 and for AUTH in clear text from
//!   deanproxy/eMail#44; `530 5.7.57 Client not authenticated to send mail. [host]` for MAIL
//!   before AUTH from tarickb/sasl-xoauth2#96 and simonrob/email-oauth2-proxy#315.
//! - QQ Mail: greeting, `AUTH LOGIN PLAIN XOAUTH XOAUTH2`, `235 Authentication successful`
//!   and `535 Login Fail. Please enter your authorization code to login. …` from
//!   louislam/uptime-kuma#3434.
//!
//! Whatever these sources do not show (the other EHLO keywords, the replies to MAIL, RCPT,
//! DATA, syntax errors …) is the engine's generic behaviour: RFC 5321's own wording where
//! the strict profile has it, else the engine's default replies (see [`Profile::template`]),
//! never text made up in the provider's name.

use super::command::Syntax;
use super::why::Situation;
use crate::i18n::Tr;
use crate::sasl::exchange::OauthErrors;

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
    /// Gmail's submission server, smtp.gmail.com (published transcripts, see the module
    /// docs): LOGIN, PLAIN, XOAUTH2 and OAUTHBEARER.
    Gmail,
    /// Outlook / Microsoft 365 (smtp.office365.com; published transcripts): LOGIN and
    /// XOAUTH2.
    Outlook,
    /// QQ Mail (smtp.qq.com; a published transcript): LOGIN, PLAIN and XOAUTH2, with the
    /// authorization code (授权码) as the password.
    QqMail,
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
    pub const ALL: [Profile; 8] = [
        Profile::Postfix,
        Profile::Sendmail,
        Profile::Exim,
        Profile::Coremail163,
        Profile::Rfc5321,
        Profile::Gmail,
        Profile::Outlook,
        Profile::QqMail,
    ];

    /// Whether the profile is a mail provider's submission server (Gmail, Outlook, QQ Mail,
    /// 163.com): authentication required, texts from published transcripts.
    pub fn is_provider(self) -> bool {
        matches!(
            self,
            Profile::Coremail163 | Profile::Gmail | Profile::Outlook | Profile::QqMail
        )
    }

    /// The profile's short name, as used on the command line (`--profile postfix`).
    pub fn id(self) -> &'static str {
        match self {
            Profile::Postfix => "postfix",
            Profile::Sendmail => "sendmail",
            Profile::Exim => "exim",
            Profile::Coremail163 => "163",
            Profile::Rfc5321 => "rfc5321",
            Profile::Gmail => "gmail",
            Profile::Outlook => "outlook",
            Profile::QqMail => "qq",
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
            Profile::Gmail => "Gmail",
            Profile::Outlook => "Outlook / Microsoft 365",
            Profile::QqMail => "QQ Mail",
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
            Profile::Gmail => Tr::new(
                "Gmail (smtp.gmail.com, published replies)",
                "Gmail（smtp.gmail.com，公开记录的回复）",
            ),
            Profile::Outlook => Tr::new(
                "Outlook / Microsoft 365 (published replies)",
                "Outlook / Microsoft 365（公开记录的回复）",
            ),
            Profile::QqMail => Tr::new(
                "QQ Mail (smtp.qq.com, published replies)",
                "QQ 邮箱（smtp.qq.com，公开记录的回复）",
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
            Profile::Gmail => "smtp.gmail.com",
            // The real greeting names the front-end machine, `<host>.outlook.office365.com`
            // (containrrr/shoutrrr#34); the trainer leaves the machine's part out.
            Profile::Outlook => "outlook.office365.com",
            // louislam/uptime-kuma#3434.
            Profile::QqMail => "newxmesmtplogicsvrsza9.qq.com",
            _ => "mail.example.com",
        }
    }

    /// The local domain the profile uses unless configured otherwise.
    pub fn default_domain(self) -> &'static str {
        match self {
            Profile::Coremail163 => "163.com",
            Profile::Gmail => "gmail.com",
            Profile::Outlook => "outlook.com",
            Profile::QqMail => "qq.com",
            _ => "example.com",
        }
    }

    /// How the profile's server words an OAuth error challenge (RFC 7628 §3.2.2). Gmail's
    /// XOAUTH2 challenge is recorded (jstedfast/MailKit#27); the others publish none, so
    /// they send RFC 7628's own form.
    pub fn oauth_errors(self) -> OauthErrors<'static> {
        match self {
            Profile::Gmail => OauthErrors {
                scope: "https://mail.google.com/",
                xoauth2_status: "400",
            },
            _ => OauthErrors::default(),
        }
    }

    /// What the explanation of an OAuth error challenge (RFC 7628 §3.2.2) adds: Gmail's
    /// XOAUTH2 wording against the RFC's, or that the RFC's form is used.
    pub fn oauth_challenge_note(self, json: &str) -> Tr {
        if self == Profile::Gmail && json.contains("\"status\":\"400\"") {
            return Tr::new(
                "Gmail's XOAUTH2 error challenge, as recorded (jstedfast/MailKit#27): the token was refused. Its status \"400\" is an HTTP-like number where RFC 7628 §3.2.2 puts an OAuth error code (invalid_token); scope names the access the token needs. The client answers with an empty line, and the 535 follows.",
                "Gmail 的 XOAUTH2 错误质询，取自公开记录（jstedfast/MailKit#27）：令牌被拒绝。其中 status \"400\" 是类似 HTTP 的数字，而 RFC 7628 §3.2.2 在这里放的是 OAuth 错误码（invalid_token）；scope 指出令牌需要的权限。客户端回一个空行，接着是 535。",
            );
        }
        Tr::new(
            "An error challenge (RFC 7628 §3.2.2): the token was refused, and the server says why in JSON before failing. The client answers with ^A (base64 AQ==, OAUTHBEARER, §3.2.3) or an empty line (XOAUTH2), and the failure reply follows. This server's own wording of it is not published, so it has RFC 7628's form.",
            "错误质询（RFC 7628 §3.2.2）：令牌被拒绝，服务器在判定失败之前先用 JSON 说明原因。客户端回答 ^A（base64 为 AQ==，OAUTHBEARER，§3.2.3）或空行（XOAUTH2），接着是失败回复。这个服务器自己的措辞没有公开，所以采用 RFC 7628 的格式。",
        )
    }

    /// What the explanation of a reply adds for this profile: where the wording comes from
    /// and, where the provider differs from the RFC, what the RFC says.
    pub fn note(self, situation: Situation) -> Option<Tr> {
        use Situation as S;
        Some(match (self, situation) {
            (Profile::Gmail, S::Ehlo | S::AuthRequired | S::RsetOk) => Tr::new(
                "Gmail's own wording, from a Python smtplib debug log published on GitHub (its images in Akshaykumar05/community-forum); the id before \"- gsmtp\" names the session.",
                "Gmail 自己的措辞，取自 GitHub 上公开的一份 Python smtplib 调试日志（其图片位于 Akshaykumar05/community-forum）；\"- gsmtp\" 前面的编号标识本次会话。",
            ),
            (Profile::Gmail, S::Greeting | S::AuthOk) => Tr::new(
                "Gmail's own wording, as its users recorded it (dawidd6/action-send-mail#205); the id before \"- gsmtp\" names the session.",
                "Gmail 自己的措辞，取自用户公开的记录（dawidd6/action-send-mail#205）；\"- gsmtp\" 前面的编号标识本次会话。",
            ),
            (Profile::Gmail, S::AuthFailed) => Tr::new(
                "Gmail's own wording (dawidd6/action-send-mail#205), the code RFC 4954 §6 names for invalid credentials. Gmail refuses the account's ordinary password here: it wants an app password (with 2-step verification) or an OAuth 2.0 token (XOAUTH2 / OAUTHBEARER), after whose JSON error challenge the same 535 comes (jstedfast/MailKit#27).",
                "Gmail 自己的措辞（dawidd6/action-send-mail#205），即 RFC 4954 §6 为凭据无效规定的代码。Gmail 在这里不接受账号的普通密码：它要应用专用密码（需开启两步验证）或 OAuth 2.0 令牌（XOAUTH2 / OAUTHBEARER）；令牌错误时先发 JSON 错误质询，之后是同样的 535（jstedfast/MailKit#27）。",
            ),
            (Profile::Gmail, S::MailOk | S::RcptOk | S::DataGo) => Tr::new(
                "Gmail's own wording, as a Python smtplib debug log published it (The-Login/SMTP-Smuggling-Tools#11, from Google's receiving servers, whose replies these are too); the id before \"- gsmtp\" names the session.",
                "Gmail 自己的措辞，取自公开的一份 Python smtplib 调试日志（The-Login/SMTP-Smuggling-Tools#11，来自 Google 的收信服务器，这几条回复与之相同）；\"- gsmtp\" 前面的编号标识本次会话。",
            ),
            (Profile::Gmail, S::Bye) => Tr::new(
                "Gmail's own wording, as PHPMailer's debug output published it for smtp.gmail.com (PHPMailer/PHPMailer#1076); the id before \"- gsmtp\" names the session.",
                "Gmail 自己的措辞，取自 PHPMailer 调试输出中公开的 smtp.gmail.com 的回复（PHPMailer/PHPMailer#1076）；\"- gsmtp\" 前面的编号标识本次会话。",
            ),
            (Profile::Gmail, S::TlsRequired | S::AuthNeedsEncryption) => Tr::new(
                "Gmail's own wording, published for AUTH (dcparker/ruby-gmail#22) and for MAIL (virtualzone/tubewarder#29) sent before STARTTLS: on port 587 Gmail takes neither a password nor a message in clear, and its EHLO lists AUTH only after STARTTLS. RFC 4954 §6 names 538 5.7.11 \"Encryption required for requested authentication mechanism\" for an AUTH refused this way; Gmail answers 530 5.7.0, RFC 3207 §4's reply for any command before TLS. Switching TLS-before-AUTH off makes this Gmail list AUTH in clear, which the real one does not.",
                "Gmail 自己的措辞，公开记录中在 STARTTLS 之前发送 AUTH（dcparker/ruby-gmail#22）和 MAIL（virtualzone/tubewarder#29）都得到这条回复：在 587 端口上，Gmail 既不接受明文密码，也不接受明文邮件，它的 EHLO 回复只在 STARTTLS 之后才列出 AUTH。对这样被拒绝的 AUTH，RFC 4954 §6 规定的是 538 5.7.11 \"Encryption required for requested authentication mechanism\"；Gmail 回答 530 5.7.0，即 RFC 3207 §4 对 TLS 之前任何命令的回复。关闭“认证前须 TLS”后，这个 Gmail 会在明文中列出 AUTH，而真实的 Gmail 不会。",
            ),
            (Profile::Outlook, S::Greeting) => Tr::new(
                "Microsoft 365's greeting as published (containrrr/shoutrrr#34); the real one names the front-end machine before outlook.office365.com.",
                "Microsoft 365 的问候语，取自公开记录（containrrr/shoutrrr#34）；真实的问候语在 outlook.office365.com 前面还有前端服务器的名字。",
            ),
            (Profile::Outlook, S::Ehlo | S::TlsReady) => Tr::new(
                "Microsoft 365's wording and list, as published before and after STARTTLS (kisli/vmime#265, cutelyst/simple-mail#48): AUTH LOGIN XOAUTH2 appears only inside TLS. The real list also has BINARYMIME (RFC 3030), which this trainer does not simulate.",
                "Microsoft 365 的措辞和扩展列表，取自 STARTTLS 前后的公开记录（kisli/vmime#265、cutelyst/simple-mail#48）：AUTH LOGIN XOAUTH2 只在 TLS 内出现。真实列表里还有 BINARYMIME（RFC 3030），本训练器没有模拟它。",
            ),
            (Profile::Outlook, S::AuthUnknownMechanism | S::AuthNeedsEncryption) => Tr::new(
                "Microsoft 365's wording for AUTH with a mechanism it does not list, PLAIN among them (jordan-wright/email#151, mikel/mail#1357), and for AUTH before STARTTLS, where it lists none (deanproxy/eMail#44); the brackets name its front-end server. RFC 4954 §4 names 504 5.5.4 for an unknown mechanism, and §6 538 5.7.11 for one that needs encryption; Microsoft answers 5.7.4, which RFC 3463 defines as \"security features not supported\". It takes LOGIN and XOAUTH2 only, after STARTTLS.",
                "Microsoft 365 对它不提供的机制（包括 PLAIN）所发 AUTH 的措辞（jordan-wright/email#151、mikel/mail#1357），以及对 STARTTLS 之前的 AUTH 的措辞——那时它一个机制也不列（deanproxy/eMail#44）；方括号里是它的前端服务器名。RFC 4954 §4 为未知机制规定的是 504 5.5.4，§6 为需要加密的机制规定的是 538 5.7.11；微软回答 5.7.4，RFC 3463 对它的定义是“不支持该安全功能”。它只接受 LOGIN 和 XOAUTH2，而且要在 STARTTLS 之后。",
            ),
            (Profile::Outlook, S::AuthRequired) => Tr::new(
                "Microsoft 365's wording for MAIL before AUTH (tarickb/sasl-xoauth2#96, simonrob/email-oauth2-proxy#315; older servers said \"5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM\"). RFC 4954 §6 names 530 5.7.0 for it; 5.7.57 is Microsoft's own enhanced code.",
                "Microsoft 365 对 AUTH 之前的 MAIL 的措辞（tarickb/sasl-xoauth2#96、simonrob/email-oauth2-proxy#315；较早的服务器说 \"5.7.57 SMTP; Client was not authenticated to send anonymous mail during MAIL FROM\"）。RFC 4954 §6 为此规定的是 530 5.7.0；5.7.57 是微软自己的增强状态码。",
            ),
            (Profile::Outlook, S::AuthFailed) => Tr::new(
                "Microsoft 365's wording for a wrong password or token (tarickb/sasl-xoauth2#43). RFC 4954 §6 names 535 5.7.8 for invalid credentials; Microsoft answers 5.7.3, which RFC 3463 defines as \"security conversion required but not possible\". 535 5.7.139 instead would mean SMTP AUTH is switched off for the tenant: then no password or token helps until an administrator enables it.",
                "Microsoft 365 对错误密码或令牌的措辞（tarickb/sasl-xoauth2#43）。RFC 4954 §6 为凭据无效规定的是 535 5.7.8；微软回答 5.7.3，而 RFC 3463 对它的定义是“需要安全转换但无法进行”。如果是 535 5.7.139，则表示该租户关闭了 SMTP AUTH：在管理员开启之前，任何密码或令牌都没用。",
            ),
            (Profile::QqMail, S::Greeting | S::AuthOk) => Tr::new(
                "QQ Mail's own wording, as published (louislam/uptime-kuma#3434).",
                "QQ 邮箱自己的措辞，取自公开记录（louislam/uptime-kuma#3434）。",
            ),
            (Profile::QqMail, S::Helo | S::MailOk | S::RcptOk | S::DataGo | S::Queued) => Tr::new(
                "QQ Mail's own wording, from a telnet session published in midoks/imail's wiki (2021). It answers HELO with its size limit, which RFC 5321 leaves to EHLO's list, and takes AUTH LOGIN after HELO, where RFC 4954 expects EHLO first. The real HELO reply's first line also carries an address and a number after the host name, whose meaning is not published.",
                "QQ 邮箱自己的措辞，取自 midoks/imail 的 wiki 中公开的一次 telnet 会话（2021）。它对 HELO 的回复就带有大小上限（RFC 5321 把这留给 EHLO 的列表），并且在 HELO 之后就接受 AUTH LOGIN，而 RFC 4954 要求先 EHLO。真实 HELO 回复的第一行在主机名后面还有一个地址和一个数字，其含义没有公开。",
            ),
            (Profile::QqMail, S::AuthFailed) => Tr::new(
                "QQ Mail's own wording (louislam/uptime-kuma#3434): it takes the authorization code generated in its web settings, not the QQ password. RFC 4954 §6 names 535 for invalid credentials, as here; QQ Mail adds no enhanced code.",
                "QQ 邮箱自己的措辞（louislam/uptime-kuma#3434）：它要的是在网页设置里生成的授权码，而不是 QQ 密码。RFC 4954 §6 为凭据无效规定的正是 535；QQ 邮箱不加增强状态码。",
            ),
            _ => return None,
        })
    }

    /// Whether the server puts RFC 3463 enhanced codes in its replies (and advertises
    /// ENHANCEDSTATUSCODES).
    pub fn enhanced_codes(self) -> bool {
        matches!(
            self,
            Profile::Postfix
                | Profile::Sendmail
                | Profile::Rfc5321
                | Profile::Gmail
                | Profile::Outlook
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

    /// Whether AUTH is taken after HELO, though HELO lists no extensions: QQ Mail answers
    /// `helo m` and then `auth login` with its 334 challenges (a telnet session published in
    /// midoks/imail's wiki, "SMTP", 2021).
    pub fn auth_after_helo(self) -> bool {
        matches!(self, Profile::Postfix | Profile::Sendmail | Profile::QqMail)
    }

    /// Whether a TLS-before-AUTH policy hides AUTH until TLS is active, as Postfix's
    /// `smtpd_tls_auth_only` does ("do not announce or accept SASL authentication over
    /// unencrypted connections", postconf(5)), and as Gmail lists it only after STARTTLS
    /// (the published smtplib log); the other profiles list AUTH and answer it with "Must
    /// issue a STARTTLS command first". Microsoft 365 too (kisli/vmime#265).
    pub fn hides_auth_before_tls(self) -> bool {
        matches!(self, Profile::Postfix | Profile::Gmail | Profile::Outlook)
    }

    /// Whether the real server takes AUTH and MAIL only after STARTTLS, so its profile
    /// starts with TLS-before-AUTH on. smtp.gmail.com lists AUTH only after STARTTLS (the
    /// published smtplib log) and answers AUTH before it (dcparker/ruby-gmail#22) and MAIL
    /// before it (virtualzone/tubewarder#29, passbolt/passbolt_docker#25) with `530 5.7.0
    /// Must issue a STARTTLS command first. <id> - gsmtp`.
    ///
    /// Microsoft 365 (smtp.office365.com) lists AUTH only after STARTTLS too (kisli/vmime#265,
    /// cutelyst/simple-mail#48: both lists published), and answers AUTH with a mechanism it
    /// does not list with `504 5.7.4 Unrecognized authentication type [host]`.
    pub fn tls_first(self) -> bool {
        matches!(self, Profile::Gmail | Profile::Outlook)
    }

    /// Whether MAIL before STARTTLS gets "Must issue a STARTTLS command first" rather than the
    /// refusal for MAIL before AUTH: Gmail's, published (virtualzone/tubewarder#29).
    pub fn refuses_mail_before_tls(self) -> bool {
        self == Profile::Gmail
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
            // RFC 5321's own limit; the providers' is not published.
            Profile::Coremail163
            | Profile::Rfc5321
            | Profile::Gmail
            | Profile::Outlook
            | Profile::QqMail => CommandLimit {
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
            Profile::Sendmail
            | Profile::Exim
            | Profile::Rfc5321
            | Profile::Gmail
            | Profile::Outlook
            | Profile::QqMail => Some(256),
        }
    }

    /// Whether an argument after `verb` (which takes none: DATA, RSET, QUIT, STARTTLS) is
    /// ignored rather than refused with 501 (recorded).
    pub fn ignores_argument(self, verb: &str) -> bool {
        match self {
            Profile::Postfix => verb == "QUIT",
            Profile::Sendmail => matches!(verb, "QUIT" | "RSET" | "DATA"),
            Profile::Exim => false,
            Profile::Coremail163
            | Profile::Rfc5321
            | Profile::Gmail
            | Profile::Outlook
            | Profile::QqMail => false,
        }
    }

    /// The server's maximum message size, as advertised in `SIZE`.
    pub fn default_max_size(self) -> u64 {
        match self {
            Profile::Postfix => 10_240_000,
            Profile::Sendmail => 10_485_760,
            Profile::Exim => 52_428_800,
            Profile::Coremail163 => 73_400_320,
            // containrrr/shoutrrr#34: `250-SIZE 157286400`.
            Profile::Outlook => 157_286_400,
            // The published smtplib log: `250-SIZE 35882577`.
            Profile::Gmail => 35_882_577,
            // midoks/imail's wiki: HELO's `250-SIZE 73400320`.
            Profile::QqMail => 73_400_320,
            // The engine's default.
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
            // The published smtplib log's list.
            Profile::Gmail => matches!(
                extension,
                E::Pipelining
                    | E::Size
                    | E::Auth
                    | E::StartTls
                    | E::EightBitMime
                    | E::EnhancedStatusCodes
                    | E::Chunking
                    | E::Smtputf8
            ),
            // The published lists (kisli/vmime#265), BINARYMIME aside: the engine does not
            // simulate it, so it is not listed.
            Profile::Outlook => matches!(
                extension,
                E::Pipelining
                    | E::Size
                    | E::Dsn
                    | E::Auth
                    | E::StartTls
                    | E::EightBitMime
                    | E::EnhancedStatusCodes
                    | E::Chunking
                    | E::Smtputf8
            ),
            Profile::QqMail => matches!(
                extension,
                E::Pipelining | E::Size | E::Auth | E::StartTls | E::EightBitMime
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
            // What the sources show, else RFC 5321's own wording.
            Profile::Gmail => gmail(situation).or_else(|| rfc5321(situation)),
            Profile::Outlook => outlook(situation).or_else(|| rfc5321(situation)),
            Profile::QqMail => qq_mail(situation).or_else(|| rfc5321(situation)),
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
            Profile::Coremail163
            | Profile::Rfc5321
            | Profile::Gmail
            | Profile::Outlook
            | Profile::QqMail => None,
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
            // The providers: RFC 5321's own end (their handling is not in the sources).
            Profile::Rfc5321
            | Profile::Exim
            | Profile::Gmail
            | Profile::Outlook
            | Profile::QqMail => DataEnd::CrlfOnly,
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
            Profile::Rfc5321 | Profile::Gmail | Profile::Outlook | Profile::QqMail => {
                t(501, "5.5.4", &["Syntax error in parameters or arguments"])
            }
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
            // dawidd6/action-send-mail#205, after STARTTLS. XOAUTH (Google's older OAuth 1.0
            // mechanism) and PLAIN-CLIENTTOKEN are listed as the real server lists them but
            // not simulated: AUTH with them gets the unknown-mechanism reply, explained.
            Profile::Gmail => &[
                "LOGIN",
                "PLAIN",
                "XOAUTH2",
                "PLAIN-CLIENTTOKEN",
                "OAUTHBEARER",
                "XOAUTH",
            ],
            // simonrob/email-oauth2-proxy#68 and #95.
            Profile::Outlook => &["LOGIN", "XOAUTH2"],
            // louislam/uptime-kuma#3434.
            Profile::QqMail => &["LOGIN", "PLAIN", "XOAUTH", "XOAUTH2"],
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
            (
                Profile::Postfix
                | Profile::Coremail163
                | Profile::Gmail
                | Profile::Outlook
                | Profile::QqMail,
                _,
            ) => None,
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
        S::AuthBadBase64 => t(501, "5.5.2", &["Cannot Base64-decode client response"]),
        // Decoded, but not the mechanism's message (PLAIN without its two NULs, or with an
        // empty password, which RFC 4616's `passwd = 1*SAFE` does not allow): the base64 was
        // fine, so the reply must not say otherwise.
        S::AuthMalformed => t(501, "5.5.2", &["Malformed authentication response"]),
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

/// Gmail (dawidd6/action-send-mail#205; the XOAUTH2 failure after its JSON challenge is the
/// same 535, jstedfast/MailKit#27; MAIL, RCPT and DATA from The-Login/SMTP-Smuggling-Tools#11,
/// QUIT from PHPMailer/PHPMailer#1076).
fn gmail(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(220, "", &["{host} ESMTP {session} - gsmtp"]),
        S::Ehlo => t(250, "", &["{host} at your service, [{ip}]"]),
        S::AuthOk => t(235, "2.7.0", &["Accepted"]),
        S::AuthRequired => t(
            530,
            "5.7.0",
            &[
                "Authentication Required. For more information, go to",
                // Two spaces after the enhanced code, as published.
                " https://support.google.com/mail/?p=WantAuthError {session} - gsmtp",
            ],
        ),
        S::RsetOk => t(250, "2.1.5", &["Flushed {session} - gsmtp"]),
        // The-Login/SMTP-Smuggling-Tools#11 (Google's receiving servers, the same words).
        S::MailOk => t(250, "2.1.0", &["OK {session} - gsmtp"]),
        S::RcptOk => t(250, "2.1.5", &["OK {session} - gsmtp"]),
        S::DataGo => t(354, "", &["Go ahead {session} - gsmtp"]),
        // PHPMailer/PHPMailer#1076 (smtp.gmail.com).
        S::Bye => t(221, "2.0.0", &["closing connection {session} - gsmtp"]),
        // AUTH (dcparker/ruby-gmail#22) and MAIL (virtualzone/tubewarder#29) before
        // STARTTLS, as published.
        S::TlsRequired | S::AuthNeedsEncryption => t(
            530,
            "5.7.0",
            &["Must issue a STARTTLS command first. {session} - gsmtp"],
        ),
        S::AuthFailed => t(
            535,
            "5.7.8",
            &[
                "Username and Password not accepted. For more information, go to",
                // Two spaces after the enhanced code, as recorded.
                " https://support.google.com/mail/?p=BadCredentials {session} - gsmtp",
            ],
        ),
        _ => return None,
    })
}

/// Outlook / Microsoft 365 (containrrr/shoutrrr#34, tarickb/sasl-xoauth2#43).
fn outlook(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(
            220,
            "",
            &["{host} Microsoft ESMTP MAIL Service ready at {date}"],
        ),
        S::AuthFailed => t(535, "5.7.3", &["Authentication unsuccessful [{host}]"]),
        // kisli/vmime#265 and cutelyst/simple-mail#48.
        S::Ehlo => t(250, "", &["{host} Hello [{ip}]"]),
        S::TlsReady => t(220, "2.0.0", &["SMTP server ready"]),
        // A mechanism it does not list (jordan-wright/email#151, mikel/mail#1357), and AUTH
        // in clear text, where it lists none (deanproxy/eMail#44).
        S::AuthUnknownMechanism | S::AuthNeedsEncryption => {
            t(504, "5.7.4", &["Unrecognized authentication type [{host}]"])
        }
        // MAIL before AUTH (tarickb/sasl-xoauth2#96, simonrob/email-oauth2-proxy#315).
        S::AuthRequired => t(
            530,
            "5.7.57",
            &["Client not authenticated to send mail. [{host}]"],
        ),
        _ => return None,
    })
}

/// QQ Mail (louislam/uptime-kuma#3434; midoks/imail's wiki, "SMTP").
fn qq_mail(s: Situation) -> Option<Template> {
    use Situation as S;
    Some(match s {
        S::Greeting => t(220, "", &["{host} XMail Esmtp QQ Mail Server."]),
        // midoks/imail's wiki, "SMTP": a telnet session to smtp.qq.com.
        S::Helo => t(250, "", &["{host}", "SIZE 73400320", "OK"]),
        S::MailOk => t(250, "", &["OK."]),
        S::RcptOk => t(250, "", &["OK"]),
        S::DataGo => t(354, "", &["End data with <CR><LF>.<CR><LF>."]),
        S::Queued => t(250, "", &["OK: queued as."]),
        S::AuthOk => t(235, "", &["Authentication successful"]),
        S::AuthFailed => t(
            535,
            "",
            &["Login Fail. Please enter your authorization code to login. More information in https://service.mail.qq.com/detail/0/53"],
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
