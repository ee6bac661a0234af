//! The SMTP client session (RFC 5321 §3, §4), sans-IO: server bytes in, client bytes out.
//!
//! ```text
//!  connect ─▶ 220 ─▶ EHLO ─┬─ 500/502 ─▶ HELO
//!                          ▼
//!              [STARTTLS ─▶ 220 ─▶ (caller "does TLS") ─▶ EHLO again]   security = StartTls
//!                          ▼
//!              [AUTH mech ─▶ 334 … ─▶ 235]                             user given
//!                          ▼
//!              MAIL FROM:<s> [SIZE=n] [BODY=8BITMIME]
//!              RCPT TO:<r> × every To, Cc and Bcc        ─┐ one write with PIPELINING,
//!              DATA ─▶ 354 ─▶ message, dot-stuffed, "."   ─┘ replies read back in order
//!                 (or BDAT n LAST + the octets, with CHUNKING when asked)
//!                          ▼
//!                        QUIT ─▶ 221
//! ```
//!
//! [`Client::receive`] takes whatever a read returned (a partial line, several replies) and
//! returns [`Action`]s: bytes to write, "start TLS now" (simulated: the caller answers with
//! [`Client::tls_established`]), or "close". Every reply is reacted to: a refused recipient
//! is reported and the others go on (DATA only if one was accepted); a 4xx is a transient
//! failure, a 5xx a permanent one that ends the transaction; 421 ends the session at once.
//!
//! The [`Outcome`] holds each recipient's result, the transcript of both sides with the
//! client's reasons, the SASL trace, and a log in the DokuWiki smtp plugin's form (seed
//! 000): `Set: …`, `Connecting to … at …`, `Got: …`, `Sent: …`.
//!
//! Nonces (SCRAM, DIGEST-MD5's cnonce, NTLM's client challenge and time) are settings: the
//! engine draws no randomness. [`run_in_memory`] drives our own [`Server`] with it.

use std::collections::VecDeque;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use super::server::{Event, Server};
use crate::i18n::Lang;
use crate::mime::{data_section, Composed, Envelope, RecipientKind};
use crate::sasl::exchange::{AuthStep, ClientExchange, ClientParams};
use crate::sasl::registry;
use crate::sasl::trace::Trace;

/// The longest reply line kept (RFC 5321 §4.5.3.1.5 says 512 with CRLF; servers exceed it).
const MAX_REPLY_LINE: usize = 2048;
/// The most lines one reply may have (an EHLO reply has a dozen).
const MAX_REPLY_LINES: usize = 100;
/// The most transcript entries kept (a session has a few dozen).
const MAX_TRANSCRIPT: usize = 2000;
/// The SASL mechanisms the client uses on its own, best first. NTLM only when chosen.
pub const PREFERENCE: [&str; 6] = [
    "SCRAM-SHA-256",
    "SCRAM-SHA-1",
    "DIGEST-MD5",
    "CRAM-MD5",
    "PLAIN",
    "LOGIN",
];

/// How the connection is protected (the DokuWiki plugin's `smtp_ssl`: none / tls / ssl).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Security {
    /// Plain text all along (port 25 or 587 without TLS).
    #[default]
    None,
    /// Start in plain text, then STARTTLS (RFC 3207) before anything else; refuse to go on
    /// if the server does not offer it.
    StartTls,
    /// TLS from the first byte (port 465, RFC 8314). Simulated: the session is taken as
    /// encrypted from the start.
    ImplicitTls,
}

impl Security {
    /// `none`, `starttls`, `tls`.
    pub fn id(self) -> &'static str {
        match self {
            Security::None => "none",
            Security::StartTls => "starttls",
            Security::ImplicitTls => "tls",
        }
    }
}

/// The values a real client would draw at random, supplied by the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nonces {
    /// SCRAM's client nonce (printable, no comma).
    pub scram: String,
    /// DIGEST-MD5's cnonce.
    pub cnonce: String,
    /// NTLM's 8-byte client challenge.
    pub ntlm_challenge: [u8; 8],
    /// NTLM's time (a FILETIME), used when the server's CHALLENGE carries none.
    pub ntlm_timestamp: u64,
}

impl Default for Nonces {
    fn default() -> Nonces {
        Nonces {
            scram: "rOprNGfwEbeRWgbNEkqO".into(),
            cnonce: "OA6MHXh6VqTrRk".into(),
            ntlm_challenge: [0xaa; 8],
            ntlm_timestamp: 0,
        }
    }
}

/// The client's settings, modelled on the DokuWiki smtp plugin's (seed 000): host, port,
/// security, user, password, sender, debug — plus the choices the plugin makes silently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientSettings {
    /// `smtp_host`: the server's name (also in DIGEST-MD5's `digest-uri`, `smtp/<host>`).
    pub host: String,
    /// `smtp_port`.
    pub port: u16,
    /// `smtp_ssl`.
    pub security: Security,
    /// `auth_user`: authenticate when given.
    pub user: Option<String>,
    /// `auth_pass`.
    pub password: Option<String>,
    /// The SASL mechanism; `None` picks the best the server offers ([`PREFERENCE`]).
    pub mechanism: Option<String>,
    /// The envelope sender (MAIL FROM); `None` uses the message's From address. (DokuWiki's
    /// `mailfrom` — seed 000's 553 came from it differing from the login.)
    pub sender: Option<String>,
    /// The name given in EHLO/HELO (DokuWiki sends its address literal, `[172.18.111.192]`).
    pub helo: String,
    /// `debug`: keep the full `Got:`/`Sent:` log, not only the verdict.
    pub debug: bool,
    /// Send MAIL, the RCPTs and DATA in one write when the server offers PIPELINING.
    pub pipelining: bool,
    /// Send the message with BDAT when the server offers CHUNKING (RFC 3030).
    pub chunking: bool,
    /// The client's random values.
    pub nonces: Nonces,
}

impl ClientSettings {
    /// Settings for `host:port`: no security, no authentication, pipelining when offered,
    /// DATA rather than BDAT, debug log on.
    pub fn new(host: &str, port: u16) -> ClientSettings {
        ClientSettings {
            host: host.to_string(),
            port,
            security: Security::None,
            user: None,
            password: None,
            mechanism: None,
            sender: None,
            helo: "localhost".into(),
            debug: true,
            pipelining: true,
            chunking: false,
            nonces: Nonces::default(),
        }
    }

    /// Authenticate as `user` with `password`.
    pub fn auth(mut self, user: &str, password: &str) -> ClientSettings {
        self.user = Some(user.to_string());
        self.password = Some(password.to_string());
        self
    }

    /// Use this SASL mechanism.
    pub fn mechanism(mut self, mechanism: &str) -> ClientSettings {
        self.mechanism = Some(mechanism.trim().to_ascii_uppercase());
        self
    }

    /// Sets the security.
    pub fn security(mut self, security: Security) -> ClientSettings {
        self.security = security;
        self
    }
}

/// What the caller does next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Write these bytes to the server.
    Send(Vec<u8>),
    /// The server said `220 Ready to start TLS`: do the TLS handshake now (simulated in the
    /// trainer), then call [`Client::tls_established`].
    StartTls,
    /// Close the connection; the session is over.
    Close,
}

/// A reply as the client read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerReply {
    /// The code.
    pub code: u16,
    /// The wire lines without CRLF, e.g. `["250-mail", "250 8BITMIME"]`.
    pub lines: Vec<String>,
}

impl ServerReply {
    /// The text of every line after the code, joined by spaces.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.get(4..).unwrap_or("").trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The last line (the one with a space after the code).
    pub fn last_line(&self) -> &str {
        self.lines.last().map(String::as_str).unwrap_or("")
    }

    /// 2yz or 3yz.
    pub fn is_positive(&self) -> bool {
        (200..400).contains(&self.code)
    }

    /// 4yz: try again later.
    pub fn is_transient(&self) -> bool {
        (400..500).contains(&self.code)
    }
}

/// Where in the session something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The greeting.
    Greeting,
    /// EHLO or HELO.
    Hello,
    /// STARTTLS.
    StartTls,
    /// AUTH.
    Auth,
    /// MAIL FROM.
    Mail,
    /// RCPT TO.
    Rcpt,
    /// DATA (or BDAT).
    Data,
    /// The message itself (the reply after the final dot or the last chunk).
    Message,
    /// QUIT.
    Quit,
}

impl Stage {
    /// The command, as the log names it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Greeting => "greeting",
            Stage::Hello => "EHLO",
            Stage::StartTls => "STARTTLS",
            Stage::Auth => "AUTH",
            Stage::Mail => "MAIL FROM",
            Stage::Rcpt => "RCPT TO",
            Stage::Data => "DATA",
            Stage::Message => "end of data",
            Stage::Quit => "QUIT",
        }
    }

    /// The code a client hopes for here.
    pub fn expected(self) -> u16 {
        match self {
            Stage::Greeting | Stage::StartTls => 220,
            Stage::Auth => 235,
            Stage::Data => 354,
            Stage::Quit => 221,
            _ => 250,
        }
    }
}

/// Why a message was not (fully) sent.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Failure {
    /// The server refused a step: 4yz transient, 5yz permanent (421: it also closed).
    Reply {
        /// Where.
        stage: Stage,
        /// The reply.
        reply: ServerReply,
    },
    /// Every recipient was refused: there is no one to send DATA for.
    NoRecipientAccepted {
        /// How many of them were only deferred (4yz, greylisting for one): those may be
        /// accepted when the client tries again later.
        deferred: usize,
    },
    /// STARTTLS was asked for but the server does not offer it.
    StartTlsNotOffered,
    /// Authentication was asked for but the server offers no AUTH (or only HELO worked).
    AuthNotOffered,
    /// None of the server's mechanisms is one the client uses on its own.
    NoCommonMechanism {
        /// What the server offers.
        offered: Vec<String>,
    },
    /// The client cannot compute this mechanism.
    UnsupportedMechanism(String),
    /// A user name or password is missing.
    MissingCredentials,
    /// The SASL exchange went wrong on the client's side: a challenge that does not parse,
    /// or a server that failed to prove it knows the password (SCRAM, DIGEST-MD5).
    Sasl {
        /// The mechanism.
        mechanism: String,
        /// What went wrong, in both languages.
        problem: (String, String),
    },
    /// The message has 8-bit octets but the server does not offer 8BITMIME (RFC 6152 §3).
    EightBitUnsupported,
    /// The server sent something that is not a reply.
    Protocol {
        /// The line (at most 100 characters).
        line: String,
    },
    /// The connection closed before the session ended.
    ConnectionClosed,
    /// The caller could not do what was asked (a real TLS handshake, say).
    Local {
        /// Why, in both languages.
        reason: (String, String),
    },
}

impl Failure {
    /// Whether trying again later may work (a 4yz reply, a dropped connection).
    pub fn is_transient(&self) -> bool {
        match self {
            Failure::Reply { reply, .. } => reply.is_transient(),
            Failure::ConnectionClosed => true,
            Failure::NoRecipientAccepted { deferred } => *deferred > 0,
            _ => false,
        }
    }

    /// The failure in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            Failure::Reply { stage, reply } => {
                let code = reply.code;
                let text = reply.text();
                let name = stage.name();
                match (en, code) {
                    (true, 421) => format!("The server answered {name} with 421 and closed the connection ({text}): a transient failure, try again later."),
                    (false, 421) => format!("服务器对 {name} 回复 421 并关闭了连接（{text}）：暂时性失败，请稍后重试。"),
                    (true, 400..=499) => format!("The server answered {name} with {code} ({text}): a transient failure — the message stays with the client, which should try again later (RFC 5321 §4.2.1)."),
                    (false, 400..=499) => format!("服务器对 {name} 回复 {code}（{text}）：暂时性失败——邮件仍留在客户端，客户端应稍后重试（RFC 5321 §4.2.1）。"),
                    (true, _) => format!("The server answered {name} with {code} ({text}): a permanent failure; sending the same again will fail again until something is changed (RFC 5321 §4.2.1)."),
                    (false, _) => format!("服务器对 {name} 回复 {code}（{text}）：永久性失败；不做任何修改再发一次仍会失败（RFC 5321 §4.2.1）。"),
                }
            }
            Failure::NoRecipientAccepted { deferred: 0 } => pick(en, "Every recipient was refused, so there is nothing to send: the client does not send DATA (RFC 5321 §3.3) and says QUIT.", "所有收件人都被拒绝，没有可发送的对象：客户端不发送 DATA（RFC 5321 §3.3），直接 QUIT。"),
            Failure::NoRecipientAccepted { deferred } => if en {
                format!("No recipient was accepted, so there is nothing to send now; {deferred} of them were only deferred (4yz — greylisting, for one), so the client keeps the message and tries again later (RFC 5321 §4.5.4.1).")
            } else {
                format!("没有收件人被接受，现在无可发送；其中 {deferred} 个只是被暂缓（4yz——例如灰名单），因此客户端保留邮件，稍后重试（RFC 5321 §4.5.4.1）。")
            },
            Failure::StartTlsNotOffered => pick(en, "STARTTLS was required, but the server does not list it after EHLO. A client that requires TLS must not go on in plain text (RFC 3207 §4): it says QUIT.", "要求使用 STARTTLS，但服务器在 EHLO 回复中没有列出它。要求 TLS 的客户端不能继续明文会话（RFC 3207 §4）：发送 QUIT。"),
            Failure::AuthNotOffered => pick(en, "A user name is set, but the server offers no AUTH (RFC 4954 §3: it must be listed in the EHLO reply; after HELO there are no extensions at all).", "设置了用户名，但服务器不提供 AUTH（RFC 4954 §3：AUTH 必须出现在 EHLO 回复中；HELO 之后根本没有扩展）。"),
            Failure::NoCommonMechanism { offered } => if en {
                format!("The server offers {} — none of which the client uses unasked (NTLM must be chosen explicitly).", offered.join(" "))
            } else {
                format!("服务器提供的是 {}——客户端不会主动使用其中任何一个（NTLM 必须明确指定）。", offered.join(" "))
            },
            Failure::UnsupportedMechanism(m) => if en {
                format!("The client cannot compute {m}: it knows PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256 and NTLM.")
            } else {
                format!("客户端无法计算 {m}：它支持 PLAIN、LOGIN、CRAM-MD5、DIGEST-MD5、SCRAM-SHA-1、SCRAM-SHA-256 和 NTLM。")
            },
            Failure::MissingCredentials => pick(en, "Authentication needs both a user name and a password.", "认证需要用户名和密码两者。"),
            Failure::Sasl { mechanism, problem } => if en {
                format!("{mechanism}: {}", problem.0)
            } else {
                format!("{mechanism}：{}", problem.1)
            },
            Failure::EightBitUnsupported => pick(en, "The message has octets with the high bit set (8bit), but the server does not offer 8BITMIME: the client must not send them (RFC 6152 §3). Compose it with quoted-printable or base64.", "邮件含有最高位为 1 的字节（8bit），但服务器不提供 8BITMIME：客户端不能发送（RFC 6152 §3）。请用 quoted-printable 或 base64 编写邮件。"),
            Failure::Protocol { line } => if en {
                format!("The server sent {line:?}, which is not a reply (three digits, then a space or a hyphen, RFC 5321 §4.2): the client hangs up.")
            } else {
                format!("服务器发送了 {line:?}，这不是回复（三位数字后跟空格或连字符，RFC 5321 §4.2）：客户端挂断。")
            },
            Failure::ConnectionClosed => pick(en, "The connection closed before the session ended: whatever was not confirmed with 250 was not delivered.", "会话结束前连接就关闭了：没有得到 250 确认的内容都没有投递。"),
            Failure::Local { reason } => if en { reason.0.clone() } else { reason.1.clone() },
        }
    }
}

fn pick(en: bool, english: &str, chinese: &str) -> String {
    if en { english } else { chinese }.to_string()
}

/// What became of one recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecipientStatus {
    /// Not tried (the session ended before its RCPT TO).
    NotTried,
    /// RCPT TO accepted; the message is not through yet.
    Accepted,
    /// RCPT TO accepted and the message was accepted.
    Delivered,
    /// RCPT TO accepted, but the message failed.
    NotDelivered,
    /// RCPT TO refused with 5yz.
    Rejected,
    /// RCPT TO refused with 4yz: try again later.
    Deferred,
}

/// One recipient's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipientResult {
    /// The address.
    pub address: String,
    /// To, Cc or Bcc.
    pub kind: RecipientKind,
    /// What became of it.
    pub status: RecipientStatus,
    /// The reply to its RCPT TO.
    pub reply: Option<ServerReply>,
}

/// The client's decisions, each with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClientNote {
    /// Connecting.
    Connecting {
        /// Host.
        host: String,
        /// Port.
        port: u16,
        /// Security.
        security: Security,
    },
    /// EHLO was refused with 500/502: HELO instead (RFC 5321 §3.2).
    HeloFallback {
        /// The code.
        code: u16,
    },
    /// What the EHLO reply offers.
    Extensions {
        /// Keywords, as listed.
        keywords: Vec<String>,
    },
    /// STARTTLS is offered and required: asking for it.
    StartingTls,
    /// TLS is up (simulated): everything learned before is forgotten, EHLO again
    /// (RFC 3207 §4.2).
    TlsEstablished,
    /// Implicit TLS (simulated).
    ImplicitTls,
    /// The SASL mechanism and why.
    Mechanism {
        /// The mechanism.
        mechanism: String,
        /// What the server offers.
        offered: Vec<String>,
        /// Chosen by the settings rather than by preference.
        chosen: bool,
    },
    /// A 334 challenge decoded.
    Challenge {
        /// The decoded text (binary shown as `\xNN`).
        decoded: String,
    },
    /// The server proved it knows the password (SCRAM's v=, DIGEST-MD5's rspauth).
    ServerVerified {
        /// The mechanism.
        mechanism: String,
    },
    /// The client cancels the SASL exchange with `*` (RFC 4954 §4).
    AuthCancelled,
    /// MAIL, RCPTs (and DATA) in one write.
    Pipelining {
        /// How many commands.
        commands: usize,
    },
    /// SIZE= declared on MAIL FROM.
    SizeDeclared {
        /// The size.
        size: u64,
    },
    /// BODY=8BITMIME declared.
    EightBitDeclared,
    /// Bcc recipients get RCPT TO like everyone else.
    BccInEnvelope {
        /// How many.
        count: usize,
    },
    /// A recipient refused; the others go on.
    RecipientRefused {
        /// The address.
        address: String,
        /// The code.
        code: u16,
    },
    /// The message (DATA) is sent, dot-stuffed.
    SendingData {
        /// Octets of the message.
        octets: usize,
        /// Lines that got an extra dot.
        stuffed: usize,
    },
    /// The message is sent with BDAT.
    SendingChunk {
        /// Octets.
        octets: usize,
    },
    /// A 354 came although no recipient was accepted (pipelining): only the dot is sent.
    EmptyData,
    /// The server accepted the message.
    Delivered {
        /// How many recipients.
        recipients: usize,
    },
    /// The session failed.
    Failed(Failure),
    /// Saying goodbye.
    Quitting,
}

impl ClientNote {
    /// The note in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ClientNote::Connecting { host, port, security } => match (en, security) {
                (true, Security::None) => format!("Connecting to {host} at {port}, in plain text: the server speaks first (220)."),
                (false, Security::None) => format!("连接 {host} 的 {port} 端口，明文：由服务器先说话（220）。"),
                (true, Security::StartTls) => format!("Connecting to {host} at {port}: plain text first, then STARTTLS before anything else (RFC 3207)."),
                (false, Security::StartTls) => format!("连接 {host} 的 {port} 端口：先明文，然后在其他一切之前 STARTTLS（RFC 3207）。"),
                (true, Security::ImplicitTls) => format!("Connecting to {host} at {port} with TLS from the first byte (RFC 8314, usually port 465)."),
                (false, Security::ImplicitTls) => format!("连接 {host} 的 {port} 端口，从第一个字节起就是 TLS（RFC 8314，通常是 465 端口）。"),
            },
            ClientNote::ImplicitTls => pick(en, "Implicit TLS is simulated: the session counts as encrypted from the start. (The trainer's server has no TLS of its own, so a 'TLS before AUTH' policy still wants STARTTLS.)", "隐式 TLS 是模拟的：会话从一开始就视为已加密。（训练器的服务器本身没有 TLS，因此“认证前必须 TLS”的策略仍然要求 STARTTLS。）"),
            ClientNote::HeloFallback { code } => if en {
                format!("EHLO got {code}: the server does not know ESMTP, so the client falls back to HELO (RFC 5321 §3.2) — and gets no extensions: no AUTH, no PIPELINING, no SIZE.")
            } else {
                format!("EHLO 得到 {code}：服务器不支持 ESMTP，客户端退回到 HELO（RFC 5321 §3.2）——因而没有任何扩展：没有 AUTH、PIPELINING、SIZE。")
            },
            ClientNote::Extensions { keywords } => if en {
                format!("The server offers: {}. The client uses what it needs of them.", keywords.join(", "))
            } else {
                format!("服务器提供：{}。客户端按需使用。", keywords.join("、"))
            },
            ClientNote::StartingTls => pick(en, "STARTTLS is offered and required: it comes before AUTH, so the password never crosses the network in clear.", "服务器提供 STARTTLS 且设置要求使用：它在 AUTH 之前，这样密码绝不会明文经过网络。"),
            ClientNote::TlsEstablished => pick(en, "TLS is up (simulated). Both sides forget what they learned before it (RFC 3207 §4.2), so the client says EHLO again and reads the extensions anew.", "TLS 已建立（模拟）。双方都忘掉之前得知的一切（RFC 3207 §4.2），因此客户端重新发送 EHLO，重新读取扩展列表。"),
            ClientNote::Mechanism { mechanism, offered, chosen } => {
                let list = offered.join(" ");
                let clear = matches!(mechanism.as_str(), "PLAIN" | "LOGIN");
                match (en, chosen, clear) {
                    (true, true, _) => format!("AUTH {mechanism}, as set (the server offers {list})."),
                    (false, true, _) => format!("按设置使用 AUTH {mechanism}（服务器提供 {list}）。"),
                    (true, false, false) => format!("AUTH {mechanism}: the best the server offers ({list}) in the client's order SCRAM-SHA-256 > SCRAM-SHA-1 > DIGEST-MD5 > CRAM-MD5 > PLAIN > LOGIN — a challenge-response mechanism never sends the password itself."),
                    (false, false, false) => format!("AUTH {mechanism}：服务器提供 {list}，按客户端的优先顺序（SCRAM-SHA-256 > SCRAM-SHA-1 > DIGEST-MD5 > CRAM-MD5 > PLAIN > LOGIN）选用它——质询-响应机制从不发送密码本身。"),
                    (true, false, true) => format!("AUTH {mechanism}: the server offers only {list}, so the password itself crosses the connection, merely base64-encoded — safe only inside TLS."),
                    (false, false, true) => format!("AUTH {mechanism}：服务器只提供 {list}，因此密码本身只经过 base64 编码就在连接上传送——只有在 TLS 之内才安全。"),
                }
            }
            ClientNote::Challenge { decoded } => if en {
                format!("The 334 challenge decodes to {decoded:?}.")
            } else {
                format!("334 质询解码后是 {decoded:?}。")
            },
            ClientNote::ServerVerified { mechanism } => if en {
                format!("{mechanism}: the server's proof matches what the client computed — the server knows the password too (mutual authentication).")
            } else {
                format!("{mechanism}：服务器的证明与客户端算出的一致——服务器也知道密码（双向认证）。")
            },
            ClientNote::AuthCancelled => pick(en, "The client cancels the exchange with * (RFC 4954 §4); the server answers 501.", "客户端用 * 取消认证交换（RFC 4954 §4）；服务器会回复 501。"),
            ClientNote::Pipelining { commands } => if en {
                format!("PIPELINING is offered: {commands} commands go in one write, and the replies are read back in the same order (RFC 2920 §3.1). DATA is last in the group.")
            } else {
                format!("服务器提供 PIPELINING：{commands} 条命令一次写出，回复按相同顺序读回（RFC 2920 §3.1）。DATA 是这一组的最后一条。")
            },
            ClientNote::SizeDeclared { size } => if en {
                format!("SIZE is offered, so MAIL FROM declares SIZE={size}: a server whose limit is lower refuses at once with 552, before any data is sent (RFC 1870 §6).")
            } else {
                format!("服务器提供 SIZE，因此 MAIL FROM 声明 SIZE={size}：上限更低的服务器会立即回复 552，在发送任何数据之前就拒绝（RFC 1870 §6）。")
            },
            ClientNote::EightBitDeclared => pick(en, "The message has 8-bit octets and the server offers 8BITMIME: MAIL FROM says BODY=8BITMIME (RFC 6152).", "邮件含有 8 位字节，且服务器提供 8BITMIME：MAIL FROM 带上 BODY=8BITMIME（RFC 6152）。"),
            ClientNote::BccInEnvelope { count } => if en {
                format!("{count} Bcc recipient(s) get a RCPT TO like everyone else; no header names them (as the C++ mailer article found out).")
            } else {
                format!("{count} 个密送收件人和其他人一样各有一条 RCPT TO；没有任何邮件头提到他们（那篇 C++ 发信文章也发现了这一点）。")
            },
            ClientNote::RecipientRefused { address, code } => match (en, (400..500).contains(code)) {
                (true, true) => format!("{address} is deferred ({code}, transient); the other recipients go on."),
                (false, true) => format!("{address} 被暂缓（{code}，暂时性）；其他收件人继续。"),
                (true, false) => format!("{address} is refused ({code}); the other recipients go on, and that address will not get the message."),
                (false, false) => format!("{address} 被拒绝（{code}）；其他收件人继续，这个地址收不到邮件。"),
            },
            ClientNote::SendingData { octets, stuffed } => match (en, stuffed) {
                (true, 0) => format!("The message: {octets} octets; no line starts with a dot, so dot-stuffing changes nothing (RFC 5321 §4.5.2); a line with only a dot ends it."),
                (false, 0) => format!("发送邮件：{octets} 字节；没有以点开头的行，点填充不改变任何内容（RFC 5321 §4.5.2）；最后用只有一个点的行结束。"),
                (true, _) => format!("The message: {octets} octets; {stuffed} line(s) starting with a dot got one more (RFC 5321 §4.5.2), so none can be taken for the end; a line with only a dot ends it."),
                (false, _) => format!("发送邮件：{octets} 字节；其中 {stuffed} 行以点开头，各加了一个点（RFC 5321 §4.5.2），以免被误认为结束；最后用只有一个点的行结束。"),
            },
            ClientNote::SendingChunk { octets } => if en {
                format!("BDAT {octets} LAST: the octets follow as they are — no dot-stuffing, no end marker, the size says where it ends (RFC 3030).")
            } else {
                format!("BDAT {octets} LAST：字节原样跟在后面——不需要点填充，也没有结束标记，由大小决定在哪里结束（RFC 3030）。")
            },
            ClientNote::EmptyData => pick(en, "DATA was pipelined but no recipient was accepted; the server still said 354, so the client sends only the final dot (RFC 2920 §3.1).", "DATA 是流水线发送的，但没有收件人被接受；服务器仍回复了 354，因此客户端只发送结束的点（RFC 2920 §3.1）。"),
            ClientNote::Delivered { recipients } => if en {
                format!("The server accepted the message for {recipients} recipient(s): delivering it is now its job.")
            } else {
                format!("服务器已为 {recipients} 个收件人接受邮件：投递现在由它负责。")
            },
            ClientNote::Failed(failure) => failure.explain(lang),
            ClientNote::Quitting => pick(en, "QUIT: the session ends politely (RFC 5321 §4.1.1.10).", "QUIT：礼貌地结束会话（RFC 5321 §4.1.1.10）。"),
        }
    }
}

/// One line of the transcript.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A command line the client sent (without CRLF).
    Sent(String),
    /// A reply line the client received (without CRLF).
    Got(String),
    /// The message octets (DATA's content or a BDAT chunk).
    Data {
        /// Octets as sent.
        octets: usize,
        /// Lines.
        lines: usize,
    },
    /// The simulated TLS handshake.
    Tls,
    /// A decision of the client, with its reason.
    Note(ClientNote),
}

/// The SASL exchange as the client computed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthReport {
    /// The mechanism.
    pub mechanism: String,
    /// Every value the client computed (and checked).
    pub trace: Trace,
    /// Whether the server replied 235.
    pub succeeded: bool,
}

/// The result of a session.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Whether the server accepted the message (250 after the data).
    pub delivered: bool,
    /// The reply that accepted it.
    pub accepted_by: Option<ServerReply>,
    /// What went wrong, if anything.
    pub failure: Option<Failure>,
    /// Each envelope recipient's result, in RCPT order.
    pub recipients: Vec<RecipientResult>,
    /// Both sides, with the client's notes.
    pub transcript: Vec<Entry>,
    /// The DokuWiki-style log (seed 000); with `debug` off, only the verdict.
    pub log: Vec<String>,
    /// The SASL exchange, if there was one.
    pub auth: Option<AuthReport>,
    /// Whether TLS was (simulated) active at the end.
    pub tls: bool,
}

impl Outcome {
    /// The recipients with a status.
    pub fn with_status(&self, status: &RecipientStatus) -> Vec<&str> {
        self.recipients
            .iter()
            .filter(|r| &r.status == status)
            .map(|r| r.address.as_str())
            .collect()
    }
}

/// What the server offers after EHLO.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Extensions {
    keywords: Vec<String>,
    pipelining: bool,
    size: Option<u64>,
    eight_bit: bool,
    chunking: bool,
    starttls: bool,
    auth: Vec<String>,
}

impl Extensions {
    fn parse(reply: &ServerReply) -> Extensions {
        let mut ext = Extensions::default();
        for line in reply.lines.iter().skip(1) {
            let text = line.get(4..).unwrap_or("").trim();
            let mut words = text.split([' ', '=']).filter(|w| !w.is_empty());
            let Some(keyword) = words.next() else {
                continue;
            };
            let keyword = keyword.to_ascii_uppercase();
            match keyword.as_str() {
                "PIPELINING" => ext.pipelining = true,
                "8BITMIME" => ext.eight_bit = true,
                "CHUNKING" => ext.chunking = true,
                "STARTTLS" => ext.starttls = true,
                "SIZE" => ext.size = Some(words.next().and_then(|n| n.parse().ok()).unwrap_or(0)),
                "AUTH" => {
                    for mechanism in words {
                        let mechanism = mechanism.to_ascii_uppercase();
                        if !ext.auth.contains(&mechanism) && ext.auth.len() < 32 {
                            ext.auth.push(mechanism);
                        }
                    }
                }
                _ => {}
            }
            if ext.keywords.len() < 32 {
                ext.keywords.push(text.chars().take(80).collect());
            }
        }
        ext
    }
}

/// A command sent whose reply is awaited.
#[derive(Clone, Debug)]
enum Expect {
    Greeting,
    Ehlo,
    Helo,
    StartTls,
    /// A SASL exchange's next reply; `cancelled` once `*` is sent (a 501 expected).
    Auth {
        cancelled: bool,
    },
    Mail,
    Rcpt(usize),
    Data,
    Message,
    Quit,
}

impl Expect {
    fn stage(&self) -> Stage {
        match self {
            Expect::Greeting => Stage::Greeting,
            Expect::Ehlo | Expect::Helo => Stage::Hello,
            Expect::StartTls => Stage::StartTls,
            Expect::Auth { .. } => Stage::Auth,
            Expect::Mail => Stage::Mail,
            Expect::Rcpt(_) => Stage::Rcpt,
            Expect::Data => Stage::Data,
            Expect::Message => Stage::Message,
            Expect::Quit => Stage::Quit,
        }
    }
}

/// One client session.
#[derive(Clone, Debug)]
pub struct Client {
    settings: ClientSettings,
    sender: String,
    message: Vec<u8>,
    eight_bit: bool,
    outcome: Outcome,
    debug_log: Vec<String>,
    pending: VecDeque<Expect>,
    ext: Extensions,
    tls: bool,
    awaiting_tls: bool,
    authenticated: bool,
    /// The SASL exchange under way.
    exchange: Option<Box<dyn ClientExchange>>,
    mail_ok: bool,
    accepted: usize,
    pipelined: bool,
    use_bdat: bool,
    /// The incomplete line read so far, and the lines of the reply being assembled.
    buffer: Vec<u8>,
    reply_lines: Vec<String>,
    done: bool,
    quit_sent: bool,
}

impl Client {
    /// A session that will send `message` (its exact bytes) to `envelope`'s recipients.
    /// The server speaks first: feed its greeting to [`Client::receive`].
    pub fn new(settings: ClientSettings, envelope: Envelope, message: Vec<u8>) -> Client {
        let sender = settings
            .sender
            .clone()
            .unwrap_or_else(|| envelope.from.clone());
        let recipients = envelope
            .recipients
            .iter()
            .map(|r| RecipientResult {
                address: r.address.clone(),
                kind: r.kind,
                status: RecipientStatus::NotTried,
                reply: None,
            })
            .collect();
        let tls = settings.security == Security::ImplicitTls;
        let mut client = Client {
            eight_bit: message.iter().any(|b| *b >= 0x80),
            sender,
            message,
            outcome: Outcome {
                recipients,
                tls,
                ..Outcome::default()
            },
            debug_log: vec!["Set: the server".into()],
            pending: VecDeque::from([Expect::Greeting]),
            ext: Extensions::default(),
            tls,
            awaiting_tls: false,
            authenticated: false,
            exchange: None,
            mail_ok: false,
            accepted: 0,
            pipelined: false,
            use_bdat: false,
            buffer: Vec::new(),
            reply_lines: Vec::new(),
            done: false,
            quit_sent: false,
            settings,
        };
        if client.settings.user.is_some() {
            client.debug_log.push("Set: the auth".into());
        }
        client.debug_log.push("Set: a message will be sent".into());
        client.debug_log.push(format!(
            "Connecting to {} at {}",
            client.settings.host, client.settings.port
        ));
        client.note(ClientNote::Connecting {
            host: client.settings.host.clone(),
            port: client.settings.port,
            security: client.settings.security,
        });
        if tls {
            client.note(ClientNote::ImplicitTls);
        }
        client
    }

    /// Whether the session is over.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// The outcome so far (complete once [`Client::is_done`]).
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// The outcome, with the log finished.
    pub fn into_outcome(mut self) -> Outcome {
        if !self.done {
            self.finish();
        }
        self.outcome
    }

    /// Feeds bytes read from the server; returns what to do, in order.
    pub fn receive(&mut self, bytes: &[u8]) -> Vec<Action> {
        let mut actions = Vec::new();
        let mut rest = bytes;
        while !rest.is_empty() && !self.done {
            match rest.iter().position(|b| *b == b'\n') {
                Some(at) => {
                    let (line, after) = rest.split_at(at);
                    rest = after.get(1..).unwrap_or_default();
                    self.push_buffer(line);
                    let mut line = std::mem::take(&mut self.buffer);
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    let text = String::from_utf8_lossy(&line).into_owned();
                    self.line(text, &mut actions);
                }
                None => {
                    self.push_buffer(rest);
                    rest = &[];
                }
            }
        }
        actions
    }

    /// The caller finished the TLS handshake asked for by [`Action::StartTls`].
    pub fn tls_established(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        if !self.awaiting_tls || self.done {
            return actions;
        }
        self.awaiting_tls = false;
        self.tls = true;
        self.outcome.tls = true;
        self.outcome.transcript.push(Entry::Tls);
        self.note(ClientNote::TlsEstablished);
        // RFC 3207 §4.2: discard what was learned before TLS.
        self.ext = Extensions::default();
        self.command(
            &format!("EHLO {}", self.settings.helo),
            Expect::Ehlo,
            &mut actions,
        );
        actions
    }

    /// The caller could not do what the session asked (a real TLS handshake, say); the
    /// session ends with `reason` (English, Chinese).
    pub fn abort(&mut self, reason: (String, String)) -> Vec<Action> {
        if self.done {
            return Vec::new();
        }
        self.fail(Failure::Local { reason });
        self.finish();
        vec![Action::Close]
    }

    /// The connection closed (or timed out) on the caller's side.
    pub fn connection_closed(&mut self) {
        if self.done {
            return;
        }
        if !self.quit_sent {
            self.fail(Failure::ConnectionClosed);
        }
        self.finish();
    }

    fn push_buffer(&mut self, bytes: &[u8]) {
        let room = MAX_REPLY_LINE.saturating_sub(self.buffer.len());
        self.buffer
            .extend_from_slice(bytes.get(..bytes.len().min(room)).unwrap_or_default());
    }

    /// Appends to the debug log, bounded like the transcript.
    fn log_line(&mut self, line: String) {
        if self.debug_log.len() < MAX_TRANSCRIPT {
            self.debug_log.push(line);
        }
    }

    fn note(&mut self, note: ClientNote) {
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Note(note));
        }
    }

    fn fail(&mut self, failure: Failure) {
        if self.outcome.failure.is_none() {
            self.note(ClientNote::Failed(failure.clone()));
            self.outcome.failure = Some(failure);
        }
    }

    /// One line from the server.
    fn line(&mut self, text: String, actions: &mut Vec<Action>) {
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Got(text.clone()));
        }
        self.log_line(format!("Got: {text}"));
        let bytes = text.as_bytes();
        let code = bytes
            .get(..3)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| d.parse::<u16>().ok())
            .filter(|c| (200..600).contains(c));
        let separator = bytes.get(3).copied();
        let (Some(code), Some(b' ' | b'-') | None) = (code, separator) else {
            return self.protocol_error(&text, actions);
        };
        let last = separator != Some(b'-');
        if self.reply_lines.len() >= MAX_REPLY_LINES {
            return self.protocol_error(&text, actions);
        }
        self.reply_lines.push(text);
        if !last {
            return;
        }
        let reply = ServerReply {
            code,
            lines: std::mem::take(&mut self.reply_lines),
        };
        let Some(expect) = self.pending.pop_front() else {
            // A reply nobody asked for.
            let line = reply.last_line().to_string();
            return self.protocol_error(&line, actions);
        };
        if code == 421 && !matches!(expect, Expect::Quit) {
            // RFC 5321 §3.8: the server is closing; no QUIT.
            self.fail(Failure::Reply {
                stage: expect.stage(),
                reply,
            });
            self.pending.clear();
            self.finish();
            actions.push(Action::Close);
            return;
        }
        self.reply(expect, reply, actions);
    }

    fn protocol_error(&mut self, line: &str, actions: &mut Vec<Action>) {
        self.fail(Failure::Protocol {
            line: line.chars().take(100).collect(),
        });
        self.pending.clear();
        self.finish();
        actions.push(Action::Close);
    }

    /// Sends one command line and expects its reply.
    fn command(&mut self, line: &str, expect: Expect, actions: &mut Vec<Action>) {
        self.sent_line(line);
        self.pending.push_back(expect);
        actions.push(Action::Send(format!("{line}\r\n").into_bytes()));
    }

    fn sent_line(&mut self, line: &str) {
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Sent(line.to_string()));
        }
        self.log_line(format!("Sent: {line}"));
    }

    fn quit(&mut self, actions: &mut Vec<Action>) {
        if self.quit_sent || self.done {
            return;
        }
        self.quit_sent = true;
        self.note(ClientNote::Quitting);
        self.command("QUIT", Expect::Quit, actions);
    }

    /// Fails and says QUIT once every reply already asked for has come (pipelining).
    fn fail_and_quit(&mut self, failure: Failure, actions: &mut Vec<Action>) {
        self.fail(failure);
        if self.pending.is_empty() {
            self.quit(actions);
        }
    }

    fn reply(&mut self, expect: Expect, reply: ServerReply, actions: &mut Vec<Action>) {
        let code = reply.code;
        match expect {
            Expect::Greeting => {
                if code == 220 {
                    let ehlo = format!("EHLO {}", self.settings.helo);
                    self.command(&ehlo, Expect::Ehlo, actions);
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Greeting,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Ehlo => match code {
                250 => {
                    self.ext = Extensions::parse(&reply);
                    self.note(ClientNote::Extensions {
                        keywords: self.ext.keywords.clone(),
                    });
                    self.after_hello(actions);
                }
                500 | 502 => {
                    self.note(ClientNote::HeloFallback { code });
                    let helo = format!("HELO {}", self.settings.helo);
                    self.command(&helo, Expect::Helo, actions);
                }
                _ => {
                    let failure = Failure::Reply {
                        stage: Stage::Hello,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            },
            Expect::Helo => {
                if code == 250 {
                    self.ext = Extensions::default();
                    self.after_hello(actions);
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Hello,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::StartTls => {
                if code == 220 {
                    self.awaiting_tls = true;
                    actions.push(Action::StartTls);
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::StartTls,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Auth { cancelled } => self.auth_reply(cancelled, reply, actions),
            Expect::Mail => {
                if reply.is_positive() {
                    self.mail_ok = true;
                    if !self.pipelined {
                        self.next_rcpt(0, actions);
                    }
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Mail,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Rcpt(index) => {
                let accepted = reply.is_positive();
                if let Some(result) = self.outcome.recipients.get_mut(index) {
                    result.status = if accepted {
                        RecipientStatus::Accepted
                    } else if reply.is_transient() {
                        RecipientStatus::Deferred
                    } else {
                        RecipientStatus::Rejected
                    };
                    result.reply = Some(reply.clone());
                }
                if accepted {
                    self.accepted += 1;
                } else if self.mail_ok {
                    let address = self
                        .outcome
                        .recipients
                        .get(index)
                        .map(|r| r.address.clone())
                        .unwrap_or_default();
                    self.note(ClientNote::RecipientRefused { address, code });
                }
                let last = index + 1 >= self.outcome.recipients.len();
                if !self.pipelined {
                    if !last {
                        self.next_rcpt(index + 1, actions);
                    } else if self.accepted > 0 {
                        self.send_data_command(actions);
                    } else {
                        self.fail_and_quit(self.no_recipient(), actions);
                    }
                } else if last {
                    if !self.mail_ok {
                        if self.pending.is_empty() {
                            self.quit(actions);
                        }
                    } else if self.accepted == 0 {
                        self.fail_and_quit(self.no_recipient(), actions);
                    } else if self.use_bdat {
                        self.send_data_command(actions);
                    }
                }
            }
            Expect::Data => {
                if code == 354 {
                    if self.mail_ok && self.accepted > 0 {
                        self.send_message(actions);
                    } else {
                        self.note(ClientNote::EmptyData);
                        self.sent_line(".");
                        self.pending.push_back(Expect::Message);
                        actions.push(Action::Send(b".\r\n".to_vec()));
                    }
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Data,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Message => {
                if reply.is_positive() && self.mail_ok && self.accepted > 0 {
                    self.outcome.delivered = true;
                    self.outcome.accepted_by = Some(reply);
                    for r in &mut self.outcome.recipients {
                        if r.status == RecipientStatus::Accepted {
                            r.status = RecipientStatus::Delivered;
                        }
                    }
                    self.note(ClientNote::Delivered {
                        recipients: self.accepted,
                    });
                    self.quit(actions);
                } else {
                    for r in &mut self.outcome.recipients {
                        if r.status == RecipientStatus::Accepted {
                            r.status = RecipientStatus::NotDelivered;
                        }
                    }
                    let failure = Failure::Reply {
                        stage: Stage::Message,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Quit => {
                self.finish();
                actions.push(Action::Close);
            }
        }
    }

    /// After EHLO/HELO: STARTTLS, AUTH or the transaction.
    fn after_hello(&mut self, actions: &mut Vec<Action>) {
        if self.settings.security == Security::StartTls && !self.tls {
            if self.ext.starttls {
                self.note(ClientNote::StartingTls);
                self.command("STARTTLS", Expect::StartTls, actions);
            } else {
                self.fail_and_quit(Failure::StartTlsNotOffered, actions);
            }
            return;
        }
        if self.settings.user.is_some() && !self.authenticated {
            return self.start_auth(actions);
        }
        self.start_transaction(actions);
    }

    fn start_auth(&mut self, actions: &mut Vec<Action>) {
        let (Some(user), Some(password)) =
            (self.settings.user.clone(), self.settings.password.clone())
        else {
            return self.fail_and_quit(Failure::MissingCredentials, actions);
        };
        if self.ext.keywords.is_empty() || self.ext.auth.is_empty() {
            // HELO only (no extensions at all), or an EHLO reply without AUTH.
            return self.fail_and_quit(Failure::AuthNotOffered, actions);
        }
        let offered = self.ext.auth.clone();
        let mechanism = match &self.settings.mechanism {
            // Chosen: tried even if not listed (the server's 504 then says why).
            Some(m) => m.to_ascii_uppercase(),
            None => match PREFERENCE.iter().find(|m| offered.iter().any(|o| o == *m)) {
                Some(m) => (*m).to_string(),
                None => return self.fail_and_quit(Failure::NoCommonMechanism { offered }, actions),
            },
        };
        self.note(ClientNote::Mechanism {
            mechanism: mechanism.clone(),
            offered,
            chosen: self.settings.mechanism.is_some(),
        });
        let Some(found) = registry::find(&mechanism) else {
            return self.fail_and_quit(Failure::UnsupportedMechanism(mechanism), actions);
        };
        let nonces = &self.settings.nonces;
        let params = ClientParams {
            user,
            secret: password,
            host: self.settings.host.clone(),
            port: self.settings.port,
            cnonce: nonces.cnonce.clone(),
            scram_nonce: nonces.scram.clone(),
            ntlm_challenge: nonces.ntlm_challenge,
            ntlm_timestamp: nonces.ntlm_timestamp,
        };
        let mut exchange = (found.client)(&params);
        let initial = match exchange.initial() {
            Ok(initial) => initial,
            Err(err) => {
                let failure = Failure::Sasl {
                    mechanism,
                    problem: (err.en, err.zh),
                };
                return self.fail_and_quit(failure, actions);
            }
        };
        self.outcome.auth = Some(AuthReport {
            mechanism: mechanism.clone(),
            trace: exchange.trace().clone(),
            succeeded: false,
        });
        self.exchange = Some(exchange);
        // RFC 4954 §4: the initial response goes base64 on the AUTH line, "=" if empty.
        let line = match initial {
            None => format!("AUTH {mechanism}"),
            Some(bytes) if bytes.is_empty() => format!("AUTH {mechanism} ="),
            Some(bytes) => format!("AUTH {mechanism} {}", BASE64.encode(bytes)),
        };
        self.command(&line, Expect::Auth { cancelled: false }, actions);
    }

    fn cancel_auth(&mut self, failure: Failure, actions: &mut Vec<Action>) {
        self.fail(failure);
        self.note(ClientNote::AuthCancelled);
        self.exchange = None;
        self.command("*", Expect::Auth { cancelled: true }, actions);
    }

    fn sasl_failure(&self, en: String, zh: String) -> Failure {
        Failure::Sasl {
            mechanism: self
                .outcome
                .auth
                .as_ref()
                .map(|a| a.mechanism.clone())
                .unwrap_or_default(),
            problem: (en, zh),
        }
    }

    /// A reply during AUTH: 235 ends it, a 334's challenge goes to the exchange and its
    /// response back to the server, anything else is the server's refusal.
    fn auth_reply(&mut self, cancelled: bool, reply: ServerReply, actions: &mut Vec<Action>) {
        if cancelled {
            return self.quit(actions);
        }
        if reply.code == 235 {
            self.authenticated = true;
            self.exchange = None;
            if let Some(auth) = &mut self.outcome.auth {
                auth.succeeded = true;
            }
            return self.start_transaction(actions);
        }
        if reply.code != 334 {
            self.exchange = None;
            let failure = Failure::Reply {
                stage: Stage::Auth,
                reply,
            };
            return self.fail_and_quit(failure, actions);
        }
        let encoded = reply
            .lines
            .first()
            .and_then(|l| l.get(4..))
            .unwrap_or("")
            .trim()
            .to_string();
        let Ok(challenge) = BASE64.decode(&encoded) else {
            let failure = self.sasl_failure(
                format!("the 334 line {encoded:?} is not base64 (RFC 4954 §4)."),
                format!("334 行 {encoded:?} 不是 base64（RFC 4954 §4）。"),
            );
            return self.cancel_auth(failure, actions);
        };
        let Some(mut exchange) = self.exchange.take() else {
            let failure = self.sasl_failure(
                "the server sent another challenge after the last response.".into(),
                "最后一个响应之后服务器又发来了质询。".into(),
            );
            return self.cancel_auth(failure, actions);
        };
        if !challenge.is_empty() && !exchange.expects_binary() {
            self.note(ClientNote::Challenge {
                decoded: crate::sasl::trace::visible(&challenge),
            });
        }
        let verified = exchange.server_verified();
        let step = exchange.step(&challenge);
        self.set_trace(exchange.trace().clone());
        if !verified && exchange.server_verified() {
            let mechanism = self
                .outcome
                .auth
                .as_ref()
                .map(|a| a.mechanism.clone())
                .unwrap_or_default();
            self.note(ClientNote::ServerVerified { mechanism });
        }
        match step {
            AuthStep::Challenge(response) => {
                self.exchange = Some(exchange);
                // RFC 4954 §4: each response is base64 on its own line (empty for none).
                let line = BASE64.encode(&response.bytes);
                self.command(&line, Expect::Auth { cancelled: false }, actions);
            }
            // A client exchange ends with the server's 235, not on its own.
            AuthStep::Success(_) => {
                let failure = self.sasl_failure(
                    "the server sent another challenge after the last response.".into(),
                    "最后一个响应之后服务器又发来了质询。".into(),
                );
                self.cancel_auth(failure, actions);
            }
            AuthStep::Failure(err) => {
                let failure = self.sasl_failure(err.en, err.zh);
                self.cancel_auth(failure, actions);
            }
        }
    }

    fn set_trace(&mut self, trace: Trace) {
        if let Some(auth) = &mut self.outcome.auth {
            auth.trace = trace;
        }
    }

    /// MAIL FROM, then RCPTs (and DATA) — in one write with PIPELINING.
    fn start_transaction(&mut self, actions: &mut Vec<Action>) {
        let size = self.message.len() as u64;
        if self.eight_bit && !self.ext.eight_bit {
            return self.fail_and_quit(Failure::EightBitUnsupported, actions);
        }
        let bcc = self
            .outcome
            .recipients
            .iter()
            .filter(|r| r.kind == RecipientKind::Bcc)
            .count();
        if bcc > 0 {
            self.note(ClientNote::BccInEnvelope { count: bcc });
        }
        let mut mail = format!("MAIL FROM:<{}>", self.sender);
        if self.ext.size.is_some() {
            mail.push_str(&format!(" SIZE={size}"));
            self.note(ClientNote::SizeDeclared { size });
        }
        if self.eight_bit {
            mail.push_str(" BODY=8BITMIME");
            self.note(ClientNote::EightBitDeclared);
        }
        self.use_bdat = self.settings.chunking && self.ext.chunking;
        self.pipelined = self.settings.pipelining && self.ext.pipelining;
        if !self.pipelined {
            return self.command(&mail, Expect::Mail, actions);
        }
        let mut lines = vec![(mail, Expect::Mail)];
        for (i, r) in self.outcome.recipients.iter().enumerate() {
            lines.push((format!("RCPT TO:<{}>", r.address), Expect::Rcpt(i)));
        }
        if !self.use_bdat {
            lines.push(("DATA".into(), Expect::Data));
        }
        self.note(ClientNote::Pipelining {
            commands: lines.len(),
        });
        let mut group = Vec::new();
        for (line, expect) in lines {
            self.sent_line(&line);
            self.pending.push_back(expect);
            group.extend_from_slice(line.as_bytes());
            group.extend_from_slice(b"\r\n");
        }
        actions.push(Action::Send(group));
    }

    fn no_recipient(&self) -> Failure {
        let deferred = self
            .outcome
            .recipients
            .iter()
            .filter(|r| r.status == RecipientStatus::Deferred)
            .count();
        Failure::NoRecipientAccepted { deferred }
    }

    fn next_rcpt(&mut self, index: usize, actions: &mut Vec<Action>) {
        match self.outcome.recipients.get(index) {
            Some(r) => {
                let line = format!("RCPT TO:<{}>", r.address);
                self.command(&line, Expect::Rcpt(index), actions);
            }
            None => self.fail_and_quit(self.no_recipient(), actions),
        }
    }

    /// DATA, or BDAT with the whole message as one chunk.
    fn send_data_command(&mut self, actions: &mut Vec<Action>) {
        if !self.use_bdat {
            return self.command("DATA", Expect::Data, actions);
        }
        let octets = self.message.len();
        let line = format!("BDAT {octets} LAST");
        self.note(ClientNote::SendingChunk { octets });
        self.sent_line(&line);
        self.record_data();
        self.pending.push_back(Expect::Message);
        let mut bytes = format!("{line}\r\n").into_bytes();
        bytes.extend_from_slice(&self.message);
        actions.push(Action::Send(bytes));
    }

    fn send_message(&mut self, actions: &mut Vec<Action>) {
        let data = data_section(&self.message);
        let mut at_line_start = true;
        let mut stuffed = 0;
        for &b in &self.message {
            if at_line_start && b == b'.' {
                stuffed += 1;
            }
            at_line_start = b == b'\n';
        }
        self.note(ClientNote::SendingData {
            octets: self.message.len(),
            stuffed,
        });
        self.record_data();
        self.sent_line(".");
        self.pending.push_back(Expect::Message);
        actions.push(Action::Send(data));
    }

    fn record_data(&mut self) {
        let octets = self.message.len();
        let lines = self
            .message
            .split(|b| *b == b'\n')
            .count()
            .saturating_sub(usize::from(self.message.ends_with(b"\n")));
        if self.outcome.transcript.len() < MAX_TRANSCRIPT {
            self.outcome.transcript.push(Entry::Data { octets, lines });
        }
        self.log_line(format!("Sent: [message: {octets} octets, {lines} lines]"));
    }

    /// Ends the session and writes the log in the plugin's form.
    fn finish(&mut self) {
        if self.done {
            return;
        }
        self.done = true;
        self.pending.clear();
        for r in &mut self.outcome.recipients {
            if r.status == RecipientStatus::Accepted && !self.outcome.delivered {
                r.status = RecipientStatus::NotDelivered;
            }
        }
        let mut log = Vec::new();
        let failed_reply = match &self.outcome.failure {
            Some(Failure::Reply { stage, reply }) => Some((*stage, reply.clone())),
            _ => None,
        };
        if let Some((stage, reply)) = failed_reply {
            log.push(format!(
                "There was an unexpected problem communicating with SMTP: Unexpected return code - Expected: {}, Got: {} | {}",
                stage.expected(),
                reply.code,
                reply.last_line()
            ));
        } else if let Some(failure) = &self.outcome.failure {
            log.push(format!(
                "There was an unexpected problem communicating with SMTP: {}",
                failure.explain(Lang::En)
            ));
        }
        if self.settings.debug {
            log.push("SMTP log:".into());
            log.append(&mut self.debug_log);
            if self.settings.user.is_some() {
                log.push("Above may contain passwords - do not post online!".into());
            }
        }
        log.push(if self.outcome.delivered {
            "Message was sent. SMTP seems to work.".into()
        } else {
            "Message wasn't sent. SMTP seems not to work properly.".into()
        });
        self.outcome.log = log;
    }
}

/// A trace step's bytes as text (empty if missing).
/// The most round trips [`run_in_memory`] makes (a session needs a few dozen).
const MAX_ROUNDS: usize = 1000;

/// Runs a client session for `message` against our simulated `server`, entirely in memory:
/// the server's greeting, every client write through [`Server::receive`], the replies back,
/// STARTTLS "handshakes" done on both sides. The server keeps what it stored.
pub fn run_in_memory(settings: ClientSettings, message: &Composed, server: &mut Server) -> Outcome {
    run_in_memory_observed(settings, message, server, |_, _| {})
}

/// What [`run_in_memory_observed`] reports, in wire order.
#[derive(Debug)]
pub enum Wire<'a> {
    /// The client wrote these bytes; `mode` is what the server expected before them.
    Sent {
        /// The bytes, CRLF included.
        bytes: &'a [u8],
        /// The server's mode before it read them (e.g. an AUTH response).
        mode: crate::smtp::server::Mode,
    },
    /// The server did this (the greeting comes first, as an [`Event::Reply`]).
    Event(&'a Event),
}

/// [`run_in_memory`], reporting every write of the client and every event of the server
/// to `observe` as it happens, so a page can keep each reply with its reason and a
/// scenario can record its journal.
pub fn run_in_memory_observed(
    settings: ClientSettings,
    message: &Composed,
    server: &mut Server,
    mut observe: impl FnMut(&Server, Wire<'_>),
) -> Outcome {
    let mut client = Client::new(settings, message.envelope.clone(), message.bytes.clone());
    let greeting = server.greeting();
    let mut inbox = greeting.to_string().into_bytes();
    observe(server, Wire::Event(&Event::Reply(greeting)));
    let mut server_closed = false;
    for _ in 0..MAX_ROUNDS {
        if client.is_done() {
            break;
        }
        if inbox.is_empty() {
            // Nothing more will come.
            client.connection_closed();
            break;
        }
        let mut queue: VecDeque<Action> = client.receive(&inbox).into();
        inbox.clear();
        while let Some(action) = queue.pop_front() {
            match action {
                Action::Send(bytes) => {
                    if server_closed {
                        continue;
                    }
                    let mode = server.view().mode;
                    observe(
                        server,
                        Wire::Sent {
                            bytes: &bytes,
                            mode,
                        },
                    );
                    for event in server.receive(&bytes) {
                        observe(server, Wire::Event(&event));
                        match event {
                            Event::Reply(reply) => {
                                inbox.extend_from_slice(reply.to_string().as_bytes())
                            }
                            Event::Closed => server_closed = true,
                            Event::TlsStarted | Event::Stored(_) => {}
                        }
                    }
                }
                Action::StartTls => queue.extend(client.tls_established()),
                Action::Close => {}
            }
        }
    }
    client.into_outcome()
}
