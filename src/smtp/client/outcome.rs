//! What a session yields: each recipient's result, why a message was not sent, the
//! client's notes on the dialog, the transcript, the SASL trace — in both languages.

use serde::{Deserialize, Serialize};

use super::{Security, ServerReply, Stage};
use crate::i18n::{Lang, Text, Tr};
use crate::mime::RecipientKind;
use crate::sasl::trace::Trace;

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
    /// Authentication was asked for in clear text, and the server lists STARTTLS but no
    /// AUTH: it takes AUTH only inside TLS (Gmail, Postfix's `smtpd_tls_auth_only`).
    AuthOnlyAfterStartTls,
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
        /// What went wrong.
        problem: Text,
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
        /// Why.
        reason: Text,
    },
}

const REPLY_421: Tr = Tr::new(
    "The server answered {name} with 421 and closed the connection ({text}): a transient failure, try again later.",
    "服务器对 {name} 回复 421 并关闭了连接（{text}）：暂时性失败，请稍后重试。",
);
const REPLY_TRANSIENT: Tr = Tr::new(
    "The server answered {name} with {code} ({text}): a transient failure — the message stays with the client, which should try again later (RFC 5321 §4.2.1).",
    "服务器对 {name} 回复 {code}（{text}）：暂时性失败——邮件仍留在客户端，客户端应稍后重试（RFC 5321 §4.2.1）。",
);
const REPLY_PERMANENT: Tr = Tr::new(
    "The server answered {name} with {code} ({text}): a permanent failure; sending the same again will fail again until something is changed (RFC 5321 §4.2.1).",
    "服务器对 {name} 回复 {code}（{text}）：永久性失败；不做任何修改再发一次仍会失败（RFC 5321 §4.2.1）。",
);
const NO_RECIPIENT_ACCEPTED: Tr = Tr::new(
    "Every recipient was refused, so there is nothing to send: the client does not send DATA (RFC 5321 §3.3) and says QUIT.",
    "所有收件人都被拒绝，没有可发送的对象：客户端不发送 DATA（RFC 5321 §3.3），直接 QUIT。",
);
const NO_RECIPIENT_ACCEPTED_DEFERRED: Tr = Tr::new(
    "No recipient was accepted, so there is nothing to send now; {deferred} of them were only deferred (4yz — greylisting, for one), so the client keeps the message and tries again later (RFC 5321 §4.5.4.1).",
    "没有收件人被接受，现在无可发送；其中 {deferred} 个只是被暂缓（4yz——例如灰名单），因此客户端保留邮件，稍后重试（RFC 5321 §4.5.4.1）。",
);
const START_TLS_NOT_OFFERED: Tr = Tr::new(
    "STARTTLS was required, but the server does not list it after EHLO. A client that requires TLS must not go on in plain text (RFC 3207 §4): it says QUIT.",
    "要求使用 STARTTLS，但服务器在 EHLO 回复中没有列出它。要求 TLS 的客户端不能继续明文会话（RFC 3207 §4）：发送 QUIT。",
);
const AUTH_NOT_OFFERED: Tr = Tr::new(
    "A user name is set, but the server offers no AUTH (RFC 4954 §3: it must be listed in the EHLO reply; after HELO there are no extensions at all).",
    "设置了用户名，但服务器不提供 AUTH（RFC 4954 §3：AUTH 必须出现在 EHLO 回复中；HELO 之后根本没有扩展）。",
);
const AUTH_ONLY_AFTER_STARTTLS: Tr = Tr::new(
    "A user name is set, but the server lists STARTTLS and no AUTH: it takes AUTH only inside TLS, as Gmail and a Postfix with smtpd_tls_auth_only do (RFC 4954 §4 lets a server keep mechanisms back until TLS). Send with STARTTLS (port 587) or implicit TLS (port 465); after STARTTLS, the EHLO reply lists AUTH.",
    "设置了用户名，但服务器列出了 STARTTLS 而没有列出 AUTH：它只在 TLS 内接受 AUTH，Gmail 和启用了 smtpd_tls_auth_only 的 Postfix 都是这样（RFC 4954 §4 允许服务器在 TLS 之前不提供某些机制）。请用 STARTTLS（587 端口）或隐式 TLS（465 端口）发送；STARTTLS 之后，EHLO 回复会列出 AUTH。",
);
const NO_COMMON_MECHANISM: Tr = Tr::new(
    "The server offers {offered} — none of which the client uses unasked (NTLM must be chosen explicitly).",
    "服务器提供的是 {offered}——客户端不会主动使用其中任何一个（NTLM 必须明确指定）。",
);
const UNSUPPORTED_MECHANISM: Tr = Tr::new(
    "The client cannot compute {m}: it knows PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-SHA-1, SCRAM-SHA-256 and NTLM.",
    "客户端无法计算 {m}：它支持 PLAIN、LOGIN、CRAM-MD5、DIGEST-MD5、SCRAM-SHA-1、SCRAM-SHA-256 和 NTLM。",
);
const MISSING_CREDENTIALS: Tr = Tr::new(
    "Authentication needs both a user name and a password.",
    "认证需要用户名和密码两者。",
);
const SASL: Tr = Tr::new("{mechanism}: {problem}", "{mechanism}：{problem}");
const EIGHT_BIT_UNSUPPORTED: Tr = Tr::new(
    "The message has octets with the high bit set (8bit), but the server does not offer 8BITMIME: the client must not send them (RFC 6152 §3). Compose it with quoted-printable or base64.",
    "邮件含有最高位为 1 的字节（8bit），但服务器不提供 8BITMIME：客户端不能发送（RFC 6152 §3）。请用 quoted-printable 或 base64 编写邮件。",
);
const PROTOCOL: Tr = Tr::new(
    "The server sent {line}, which is not a reply (three digits, then a space or a hyphen, RFC 5321 §4.2): the client hangs up.",
    "服务器发送了 {line}，这不是回复（三位数字后跟空格或连字符，RFC 5321 §4.2）：客户端挂断。",
);
const CONNECTION_CLOSED: Tr = Tr::new(
    "The connection closed before the session ended: whatever was not confirmed with 250 was not delivered.",
    "会话结束前连接就关闭了：没有得到 250 确认的内容都没有投递。",
);

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
        match self {
            Failure::Reply { stage, reply } => {
                let text = match reply.code {
                    421 => REPLY_421,
                    400..=499 => REPLY_TRANSIENT,
                    _ => REPLY_PERMANENT,
                };
                text.fill(
                    lang,
                    &[
                        ("name", &stage.name()),
                        ("code", &reply.code),
                        ("text", &reply.text()),
                    ],
                )
            }
            Failure::NoRecipientAccepted { deferred: 0 } => {
                NO_RECIPIENT_ACCEPTED.get(lang).to_owned()
            }
            Failure::NoRecipientAccepted { deferred } => {
                NO_RECIPIENT_ACCEPTED_DEFERRED.fill(lang, &[("deferred", deferred)])
            }
            Failure::StartTlsNotOffered => START_TLS_NOT_OFFERED.get(lang).to_owned(),
            Failure::AuthNotOffered => AUTH_NOT_OFFERED.get(lang).to_owned(),
            Failure::AuthOnlyAfterStartTls => AUTH_ONLY_AFTER_STARTTLS.get(lang).to_owned(),
            Failure::NoCommonMechanism { offered } => {
                NO_COMMON_MECHANISM.fill(lang, &[("offered", &offered.join(" "))])
            }
            Failure::UnsupportedMechanism(m) => UNSUPPORTED_MECHANISM.fill(lang, &[("m", m)]),
            Failure::MissingCredentials => MISSING_CREDENTIALS.get(lang).to_owned(),
            Failure::Sasl { mechanism, problem } => SASL.fill(
                lang,
                &[("mechanism", mechanism), ("problem", &problem.get(lang))],
            ),
            Failure::EightBitUnsupported => EIGHT_BIT_UNSUPPORTED.get(lang).to_owned(),
            Failure::Protocol { line } => PROTOCOL.fill(lang, &[("line", &format!("{line:?}"))]),
            Failure::ConnectionClosed => CONNECTION_CLOSED.get(lang).to_owned(),
            Failure::Local { reason } => reason.get(lang).to_owned(),
        }
    }
}

/// What became of one recipient.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

const CONNECTING_PLAIN: Tr = Tr::new(
    "Connecting to {host} at {port}, in plain text: the server speaks first (220).",
    "连接 {host} 的 {port} 端口，明文：由服务器先说话（220）。",
);
const CONNECTING_STARTTLS: Tr = Tr::new(
    "Connecting to {host} at {port}: plain text first, then STARTTLS before anything else (RFC 3207).",
    "连接 {host} 的 {port} 端口：先明文，然后在其他一切之前 STARTTLS（RFC 3207）。",
);
const CONNECTING_IMPLICIT_TLS: Tr = Tr::new(
    "Connecting to {host} at {port} with TLS from the first byte (RFC 8314, usually port 465).",
    "连接 {host} 的 {port} 端口，从第一个字节起就是 TLS（RFC 8314，通常是 465 端口）。",
);
const IMPLICIT_TLS: Tr = Tr::new(
    "Implicit TLS is simulated: the session counts as encrypted from the start. (The trainer's server has no TLS of its own, so a 'TLS before AUTH' policy still wants STARTTLS.)",
    "隐式 TLS 是模拟的：会话从一开始就视为已加密。（训练器的服务器本身没有 TLS，因此“认证前必须 TLS”的策略仍然要求 STARTTLS。）",
);
const HELO_FALLBACK: Tr = Tr::new(
    "EHLO got {code}: the server does not know ESMTP, so the client falls back to HELO (RFC 5321 §3.2) — and gets no extensions: no AUTH, no PIPELINING, no SIZE.",
    "EHLO 得到 {code}：服务器不支持 ESMTP，客户端退回到 HELO（RFC 5321 §3.2）——因而没有任何扩展：没有 AUTH、PIPELINING、SIZE。",
);
const EXTENSIONS: Tr = Tr::new(
    "The server offers: {keywords}. The client uses what it needs of them.",
    "服务器提供：{keywords}。客户端按需使用。",
);
/// Between the keywords of a list: a comma in English, the enumeration comma in Chinese.
const KEYWORD_SEPARATOR: Tr = Tr::new(", ", "、");
const STARTING_TLS: Tr = Tr::new(
    "STARTTLS is offered and required: it comes before AUTH, so the password never crosses the network in clear.",
    "服务器提供 STARTTLS 且设置要求使用：它在 AUTH 之前，这样密码绝不会明文经过网络。",
);
const TLS_ESTABLISHED: Tr = Tr::new(
    "TLS is up (simulated). Both sides forget what they learned before it (RFC 3207 §4.2), so the client says EHLO again and reads the extensions anew.",
    "TLS 已建立（模拟）。双方都忘掉之前得知的一切（RFC 3207 §4.2），因此客户端重新发送 EHLO，重新读取扩展列表。",
);
const MECHANISM_SET: Tr = Tr::new(
    "AUTH {mechanism}, as set (the server offers {list}).",
    "按设置使用 AUTH {mechanism}（服务器提供 {list}）。",
);
const MECHANISM_BEST: Tr = Tr::new(
    "AUTH {mechanism}: the best the server offers ({list}) in the client's order SCRAM-SHA-256 > SCRAM-SHA-1 > DIGEST-MD5 > CRAM-MD5 > PLAIN > LOGIN — a challenge-response mechanism never sends the password itself.",
    "AUTH {mechanism}：服务器提供 {list}，按客户端的优先顺序（SCRAM-SHA-256 > SCRAM-SHA-1 > DIGEST-MD5 > CRAM-MD5 > PLAIN > LOGIN）选用它——质询-响应机制从不发送密码本身。",
);
const MECHANISM_CLEAR_ONLY: Tr = Tr::new(
    "AUTH {mechanism}: the server offers only {list}, so the password itself crosses the connection, merely base64-encoded — safe only inside TLS.",
    "AUTH {mechanism}：服务器只提供 {list}，因此密码本身只经过 base64 编码就在连接上传送——只有在 TLS 之内才安全。",
);
const CHALLENGE: Tr = Tr::new(
    "The 334 challenge decodes to {decoded}.",
    "334 质询解码后是 {decoded}。",
);
const SERVER_VERIFIED: Tr = Tr::new(
    "{mechanism}: the server's proof matches what the client computed — the server knows the password too (mutual authentication).",
    "{mechanism}：服务器的证明与客户端算出的一致——服务器也知道密码（双向认证）。",
);
const AUTH_CANCELLED: Tr = Tr::new(
    "The client cancels the exchange with * (RFC 4954 §4); the server answers 501.",
    "客户端用 * 取消认证交换（RFC 4954 §4）；服务器会回复 501。",
);
const PIPELINING: Tr = Tr::new(
    "PIPELINING is offered: {commands} commands go in one write, and the replies are read back in the same order (RFC 2920 §3.1). DATA is last in the group.",
    "服务器提供 PIPELINING：{commands} 条命令一次写出，回复按相同顺序读回（RFC 2920 §3.1）。DATA 是这一组的最后一条。",
);
const SIZE_DECLARED: Tr = Tr::new(
    "SIZE is offered, so MAIL FROM declares SIZE={size}: a server whose limit is lower refuses at once with 552, before any data is sent (RFC 1870 §6).",
    "服务器提供 SIZE，因此 MAIL FROM 声明 SIZE={size}：上限更低的服务器会立即回复 552，在发送任何数据之前就拒绝（RFC 1870 §6）。",
);
const EIGHT_BIT_DECLARED: Tr = Tr::new(
    "The message has 8-bit octets and the server offers 8BITMIME: MAIL FROM says BODY=8BITMIME (RFC 6152).",
    "邮件含有 8 位字节，且服务器提供 8BITMIME：MAIL FROM 带上 BODY=8BITMIME（RFC 6152）。",
);
const BCC_IN_ENVELOPE: Tr = Tr::new(
    "{count} Bcc recipient(s) get a RCPT TO like everyone else; no header names them (as the C++ mailer article found out).",
    "{count} 个密送收件人和其他人一样各有一条 RCPT TO；没有任何邮件头提到他们（那篇 C++ 发信文章也发现了这一点）。",
);
const RECIPIENT_DEFERRED: Tr = Tr::new(
    "{address} is deferred ({code}, transient); the other recipients go on.",
    "{address} 被暂缓（{code}，暂时性）；其他收件人继续。",
);
const RECIPIENT_REFUSED: Tr = Tr::new(
    "{address} is refused ({code}); the other recipients go on, and that address will not get the message.",
    "{address} 被拒绝（{code}）；其他收件人继续，这个地址收不到邮件。",
);
const SENDING_DATA: Tr = Tr::new(
    "The message: {octets} octets; no line starts with a dot, so dot-stuffing changes nothing (RFC 5321 §4.5.2); a line with only a dot ends it.",
    "发送邮件：{octets} 字节；没有以点开头的行，点填充不改变任何内容（RFC 5321 §4.5.2）；最后用只有一个点的行结束。",
);
const SENDING_DATA_STUFFED: Tr = Tr::new(
    "The message: {octets} octets; {stuffed} line(s) starting with a dot got one more (RFC 5321 §4.5.2), so none can be taken for the end; a line with only a dot ends it.",
    "发送邮件：{octets} 字节；其中 {stuffed} 行以点开头，各加了一个点（RFC 5321 §4.5.2），以免被误认为结束；最后用只有一个点的行结束。",
);
const SENDING_CHUNK: Tr = Tr::new(
    "BDAT {octets} LAST: the octets follow as they are — no dot-stuffing, no end marker, the size says where it ends (RFC 3030).",
    "BDAT {octets} LAST：字节原样跟在后面——不需要点填充，也没有结束标记，由大小决定在哪里结束（RFC 3030）。",
);
const EMPTY_DATA: Tr = Tr::new(
    "DATA was pipelined but no recipient was accepted; the server still said 354, so the client sends only the final dot (RFC 2920 §3.1).",
    "DATA 是流水线发送的，但没有收件人被接受；服务器仍回复了 354，因此客户端只发送结束的点（RFC 2920 §3.1）。",
);
const DELIVERED: Tr = Tr::new(
    "The server accepted the message for {recipients} recipient(s): delivering it is now its job.",
    "服务器已为 {recipients} 个收件人接受邮件：投递现在由它负责。",
);
const QUITTING: Tr = Tr::new(
    "QUIT: the session ends politely (RFC 5321 §4.1.1.10).",
    "QUIT：礼貌地结束会话（RFC 5321 §4.1.1.10）。",
);

impl ClientNote {
    /// The note in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        match self {
            ClientNote::Connecting {
                host,
                port,
                security,
            } => {
                let text = match security {
                    Security::None => CONNECTING_PLAIN,
                    Security::StartTls => CONNECTING_STARTTLS,
                    Security::ImplicitTls => CONNECTING_IMPLICIT_TLS,
                };
                text.fill(lang, &[("host", host), ("port", port)])
            }
            ClientNote::ImplicitTls => IMPLICIT_TLS.get(lang).to_owned(),
            ClientNote::HeloFallback { code } => HELO_FALLBACK.fill(lang, &[("code", code)]),
            ClientNote::Extensions { keywords } => EXTENSIONS.fill(
                lang,
                &[("keywords", &keywords.join(KEYWORD_SEPARATOR.get(lang)))],
            ),
            ClientNote::StartingTls => STARTING_TLS.get(lang).to_owned(),
            ClientNote::TlsEstablished => TLS_ESTABLISHED.get(lang).to_owned(),
            ClientNote::Mechanism {
                mechanism,
                offered,
                chosen,
            } => {
                let clear = matches!(mechanism.as_str(), "PLAIN" | "LOGIN");
                let text = match (chosen, clear) {
                    (true, _) => MECHANISM_SET,
                    (false, false) => MECHANISM_BEST,
                    (false, true) => MECHANISM_CLEAR_ONLY,
                };
                text.fill(
                    lang,
                    &[("mechanism", mechanism), ("list", &offered.join(" "))],
                )
            }
            ClientNote::Challenge { decoded } => {
                CHALLENGE.fill(lang, &[("decoded", &format!("{decoded:?}"))])
            }
            ClientNote::ServerVerified { mechanism } => {
                SERVER_VERIFIED.fill(lang, &[("mechanism", mechanism)])
            }
            ClientNote::AuthCancelled => AUTH_CANCELLED.get(lang).to_owned(),
            ClientNote::Pipelining { commands } => PIPELINING.fill(lang, &[("commands", commands)]),
            ClientNote::SizeDeclared { size } => SIZE_DECLARED.fill(lang, &[("size", size)]),
            ClientNote::EightBitDeclared => EIGHT_BIT_DECLARED.get(lang).to_owned(),
            ClientNote::BccInEnvelope { count } => BCC_IN_ENVELOPE.fill(lang, &[("count", count)]),
            ClientNote::RecipientRefused { address, code } => {
                let text = if (400..500).contains(code) {
                    RECIPIENT_DEFERRED
                } else {
                    RECIPIENT_REFUSED
                };
                text.fill(lang, &[("address", address), ("code", code)])
            }
            ClientNote::SendingData { octets, stuffed } => {
                let text = match stuffed {
                    0 => SENDING_DATA,
                    _ => SENDING_DATA_STUFFED,
                };
                text.fill(lang, &[("octets", octets), ("stuffed", stuffed)])
            }
            ClientNote::SendingChunk { octets } => SENDING_CHUNK.fill(lang, &[("octets", octets)]),
            ClientNote::EmptyData => EMPTY_DATA.get(lang).to_owned(),
            ClientNote::Delivered { recipients } => {
                DELIVERED.fill(lang, &[("recipients", recipients)])
            }
            ClientNote::Failed(failure) => failure.explain(lang),
            ClientNote::Quitting => QUITTING.get(lang).to_owned(),
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
