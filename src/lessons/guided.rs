//! Guided lessons: step by step, each step checks what the learner typed or computed, with a
//! hint after a wrong try and the answer on request, so there is no dead end.
//!
//! A lesson step is either a line sent to the lesson's own server (the check reads the reply
//! it got) or a value the learner computes by hand (the check compares it with the engine's
//! own computation). Answers are computed by the engine, never stored.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use crate::i18n::Tr;
use crate::sasl::{cram_md5, digest_md5, plain};
use crate::smtp::codes::EnhancedCode;
use crate::smtp::profile::Profile;
use crate::smtp::server::{Event, Server, ServerConfig};
use crate::smtp::why::Situation;

/// What a step expects.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// A line sent to the lesson's server that gets one of these replies.
    Reply(&'static [Situation]),
    /// A line that passes `line` (e.g. "is base64 of the user name") and gets one of these
    /// replies — for steps where the server answers the same whatever was sent.
    ReplyTo(&'static [Situation], fn(&str) -> bool),
    /// A multi-line message body sent in DATA, whose acceptance completes the step; the
    /// check also reads the stored message.
    Message(fn(&[u8], &[String]) -> bool),
    /// A value computed by hand, checked against the engine.
    Value(fn(&str) -> bool),
}

/// One step of a lesson.
#[derive(Debug)]
pub struct Step {
    /// What to do.
    pub instruction: Tr,
    /// Shown after a wrong try.
    pub hint: Tr,
    /// What counts as done.
    pub expect: Expect,
    /// The answer, computed by the engine when asked: the value, or the line(s) to send
    /// (several lines separated by `\n`, each sent with CRLF).
    pub answer: fn() -> String,
}

/// A lesson.
#[derive(Debug)]
pub struct Lesson {
    /// Stable id (`#/lessons/first-transaction`), also the key of its saved progress.
    pub id: &'static str,
    /// Title.
    pub title: Tr,
    /// What it teaches.
    pub intro: Tr,
    /// The steps, in order.
    pub steps: &'static [Step],
}

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    LESSONS.iter().find(|l| l.id == id)
}

/// The server every lesson talks to: Postfix, alice@example.com / secret.
pub fn lesson_server(now: &str) -> Server {
    let config = ServerConfig::new(Profile::Postfix).with_account("alice@example.com", "secret");
    Server::new(config, "192.0.2.10", now).with_client_name("learner.example")
}

/// The outcome of one try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The step is done.
    Passed,
    /// Not yet; show the step's hint.
    NotYet,
}

impl Step {
    /// Judges the replies a line got (for [`Expect::Reply`] and [`Expect::Message`] steps).
    pub fn judge_events(&self, server: &Server, events: &[Event]) -> Outcome {
        let passed = match self.expect {
            Expect::Reply(wanted) | Expect::ReplyTo(wanted, _) => events.iter().any(|e| match e {
                Event::Reply(r) => wanted.contains(&r.why.situation),
                _ => false,
            }),
            Expect::Message(check) => events.iter().any(|e| match e {
                Event::Stored(index) => server
                    .mailbox()
                    .get(*index)
                    .is_some_and(|m| check(&m.data, &m.recipients)),
                _ => false,
            }),
            Expect::Value(_) => false,
        };
        if passed {
            Outcome::Passed
        } else {
            Outcome::NotYet
        }
    }

    /// Judges the lines a learner sent and what they got: [`Step::judge_events`], and for
    /// [`Expect::ReplyTo`] also that one of the lines is the expected one.
    pub fn judge_lines(&self, lines: &[String], server: &Server, events: &[Event]) -> Outcome {
        if let Expect::ReplyTo(_, line_ok) = self.expect {
            if !lines.iter().any(|line| line_ok(line.trim())) {
                return Outcome::NotYet;
            }
        }
        self.judge_events(server, events)
    }

    /// Judges a computed value (for [`Expect::Value`] steps).
    pub fn judge_value(&self, value: &str) -> Outcome {
        match self.expect {
            Expect::Value(check) if check(value.trim()) => Outcome::Passed,
            _ => Outcome::NotYet,
        }
    }

    /// Whether the step is answered by a line to the server (else by a value).
    pub fn is_line(&self) -> bool {
        !matches!(self.expect, Expect::Value(_))
    }
}

/// The CRAM-MD5 challenge of the CRAM-MD5 lesson (RFC 2195's).
pub const CRAM_CHALLENGE: &str = cram_md5::RFC2195_CHALLENGE;

fn cram_trace() -> crate::sasl::trace::Trace {
    cram_md5::client("tim", "tanstaaftanstaaf", CRAM_CHALLENGE.as_bytes())
}

fn cram(id: &str) -> String {
    cram_trace().step(id).map(|s| s.text()).unwrap_or_default()
}

fn digest(id: &str) -> String {
    digest_md5::client(&digest_md5::rfc2831_example())
        .step(id)
        .map(|s| if id == "urp-hash" { s.hex() } else { s.text() })
        .unwrap_or_default()
}

fn headers_and_body(data: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(data).into_owned();
    match text.split_once("\r\n\r\n") {
        Some((h, b)) => (
            h.to_ascii_lowercase()
                .replace("\r\n\t", " ")
                .replace("\r\n ", " "),
            b.to_string(),
        ),
        None => (text.to_ascii_lowercase(), String::new()),
    }
}

const DATA_HINT: Tr = Tr::new(
    "Headers first (Subject: …), an empty line, the body, then a line with only a dot.",
    "先写邮件头（Subject: …），然后一个空行、正文，最后一行只有一个点。",
);

/// Every lesson, in the order the page lists them.
pub static LESSONS: &[Lesson] = &[
    Lesson {
        id: "first-transaction",
        title: Tr::new("Your first SMTP transaction, by hand", "亲手完成第一次 SMTP 事务"),
        intro: Tr::new("Greet, name the sender and the recipient, send the message, say goodbye — the telnet session of seed 004, done right.", "问候、指定发件人和收件人、发送邮件、道别——把种子文档 004 的 telnet 会话正确地做一遍。"),
        steps: &[
            Step { instruction: Tr::new("Introduce yourself: EHLO and your host name.", "介绍自己：EHLO 加上你的主机名。"), hint: Tr::new("Type: EHLO learner.example", "输入：EHLO learner.example"), expect: Expect::Reply(&[Situation::Ehlo, Situation::Helo]), answer: || "EHLO learner.example".into() },
            Step { instruction: Tr::new("Name the sender: MAIL FROM with alice@example.com in angle brackets.", "指定发件人：MAIL FROM，地址 alice@example.com 写在尖括号里。"), hint: Tr::new("MAIL FROM:<alice@example.com>", "MAIL FROM:<alice@example.com>"), expect: Expect::Reply(&[Situation::MailOk]), answer: || "MAIL FROM:<alice@example.com>".into() },
            Step { instruction: Tr::new("Name the recipient bob@example.com.", "指定收件人 bob@example.com。"), hint: Tr::new("RCPT TO:<bob@example.com> — RCPT, not RCPR.", "RCPT TO:<bob@example.com>——是 RCPT，不是 RCPR。"), expect: Expect::Reply(&[Situation::RcptOk]), answer: || "RCPT TO:<bob@example.com>".into() },
            Step { instruction: Tr::new("Ask to send the message.", "请求发送邮件内容。"), hint: Tr::new("DATA", "DATA"), expect: Expect::Reply(&[Situation::DataGo]), answer: || "DATA".into() },
            Step { instruction: Tr::new("Send a message with a Subject, and end it with a lone dot.", "发送一封带 Subject 的邮件，以单独一个点结束。"), hint: DATA_HINT, expect: Expect::Message(|data, _| headers_and_body(data).0.contains("subject:")), answer: || "Subject: hello\n\nHi Bob!\n.".into() },
            Step { instruction: Tr::new("Say goodbye.", "道别。"), hint: Tr::new("QUIT", "QUIT"), expect: Expect::Reply(&[Situation::Bye]), answer: || "QUIT".into() },
        ],
    },
    Lesson {
        id: "ehlo-keywords",
        title: Tr::new("ESMTP and the EHLO keywords", "ESMTP 与 EHLO 关键字"),
        intro: Tr::new("EHLO's reply lists what the server can do. Use two of the extensions it offers.", "EHLO 的回复列出服务器的能力。使用其中的两个扩展。"),
        steps: &[
            Step { instruction: Tr::new("Send EHLO and read the list.", "发送 EHLO，阅读回复列表。"), hint: Tr::new("EHLO learner.example", "EHLO learner.example"), expect: Expect::Reply(&[Situation::Ehlo]), answer: || "EHLO learner.example".into() },
            Step { instruction: Tr::new("SIZE is offered: announce a 1000-octet message on MAIL FROM.", "服务器提供 SIZE：在 MAIL FROM 中声明 1000 字节的邮件。"), hint: Tr::new("MAIL FROM:<alice@example.com> SIZE=1000", "MAIL FROM:<alice@example.com> SIZE=1000"), expect: Expect::Reply(&[Situation::MailOk]), answer: || "MAIL FROM:<alice@example.com> SIZE=1000".into() },
            Step { instruction: Tr::new("Start over with RSET, then use 8BITMIME: MAIL FROM with BODY=8BITMIME.", "用 RSET 重新开始，然后使用 8BITMIME：MAIL FROM 带 BODY=8BITMIME。"), hint: Tr::new("RSET first, then MAIL FROM:<alice@example.com> BODY=8BITMIME", "先 RSET，再 MAIL FROM:<alice@example.com> BODY=8BITMIME"), expect: Expect::Reply(&[Situation::MailOk]), answer: || "RSET\nMAIL FROM:<alice@example.com> BODY=8BITMIME".into() },
        ],
    },
    Lesson {
        id: "auth-login",
        title: Tr::new("AUTH LOGIN with your own base64", "用自己编码的 base64 完成 AUTH LOGIN"),
        intro: Tr::new("LOGIN asks Username: then Password:, each in base64. Encode the answers yourself (the console's base64 helper is allowed).", "LOGIN 先问 Username: 再问 Password:，都是 base64。请自己编码回答（可以使用控制台的 base64 助手）。"),
        steps: &[
            Step { instruction: Tr::new("EHLO first (AUTH needs ESMTP).", "先 EHLO（AUTH 需要 ESMTP）。"), hint: Tr::new("EHLO learner.example", "EHLO learner.example"), expect: Expect::Reply(&[Situation::Ehlo]), answer: || "EHLO learner.example".into() },
            Step { instruction: Tr::new("Start AUTH LOGIN; the server answers 334 VXNlcm5hbWU6 — base64 of \"Username:\".", "开始 AUTH LOGIN；服务器回复 334 VXNlcm5hbWU6——\"Username:\" 的 base64。"), hint: Tr::new("AUTH LOGIN", "AUTH LOGIN"), expect: Expect::Reply(&[Situation::AuthChallenge]), answer: || "AUTH LOGIN".into() },
            Step { instruction: Tr::new("Answer with alice@example.com in base64.", "用 alice@example.com 的 base64 回答。"), hint: Tr::new("base64(\"alice@example.com\") = YWxpY2VAZXhhbXBsZS5jb20=", "base64(\"alice@example.com\") = YWxpY2VAZXhhbXBsZS5jb20="), expect: Expect::ReplyTo(&[Situation::AuthChallenge], |line| BASE64.decode(line).is_ok_and(|u| u == b"alice@example.com")), answer: || BASE64.encode("alice@example.com") },
            Step { instruction: Tr::new("Answer with the password secret in base64.", "用密码 secret 的 base64 回答。"), hint: Tr::new("base64(\"secret\") = c2VjcmV0 — no newline inside!", "base64(\"secret\") = c2VjcmV0——里面不能有换行！"), expect: Expect::Reply(&[Situation::AuthOk]), answer: || BASE64.encode("secret") },
        ],
    },
    Lesson {
        id: "auth-plain",
        title: Tr::new("AUTH PLAIN with the NUL bytes", "带 NUL 字节的 AUTH PLAIN"),
        intro: Tr::new("PLAIN sends authzid NUL user NUL password in one base64 line (seed 004 built it with $ turned into \\0).", "PLAIN 把 authzid NUL 用户名 NUL 密码放在一行 base64 中发送（种子文档 004 把 $ 替换成 \\0 来构造）。"),
        steps: &[
            Step { instruction: Tr::new("EHLO first.", "先 EHLO。"), hint: Tr::new("EHLO learner.example", "EHLO learner.example"), expect: Expect::Reply(&[Situation::Ehlo]), answer: || "EHLO learner.example".into() },
            Step { instruction: Tr::new("Send AUTH PLAIN with the base64 of \\0alice@example.com\\0secret as initial response.", "发送 AUTH PLAIN，初始响应为 \\0alice@example.com\\0secret 的 base64。"), hint: Tr::new("The message starts with a NUL (empty authzid); the console's PLAIN helper builds it.", "消息以一个 NUL 开头（authzid 为空）；控制台的 PLAIN 助手可以帮你构造。"), expect: Expect::Reply(&[Situation::AuthOk]), answer: || format!("AUTH PLAIN {}", BASE64.encode(plain::encode("", "alice@example.com", "secret"))) },
        ],
    },
    Lesson {
        id: "cram-md5",
        title: Tr::new("CRAM-MD5 by hand", "手算 CRAM-MD5"),
        intro: Tr::new("RFC 2195's example: user tim, password tanstaaftanstaaf, challenge <1896.697170952@postoffice.reston.mci.net>. Compute each value (use any HMAC-MD5 tool, or the Auth page to check your steps).", "RFC 2195 的例子：用户 tim，密码 tanstaaftanstaaf，质询 <1896.697170952@postoffice.reston.mci.net>。逐个计算（可用任何 HMAC-MD5 工具，或在认证步骤页面核对）。"),
        steps: &[
            Step { instruction: Tr::new("HMAC-MD5(key = password, message = challenge) as 32 lowercase hex digits.", "HMAC-MD5（密钥为密码，消息为质询），写成 32 位小写十六进制。"), hint: Tr::new("The key is the password, the message the decoded challenge, including < and >.", "密钥是密码，消息是解码后的质询，包括 < 和 >。"), expect: Expect::Value(|v| v == cram("digest-hex")), answer: || cram("digest-hex") },
            Step { instruction: Tr::new("The response text: the user, one space, the digest.", "响应文本：用户名、一个空格、摘要。"), hint: Tr::new("tim b913…", "tim b913…"), expect: Expect::Value(|v| v == cram("response-text")), answer: || cram("response-text") },
            Step { instruction: Tr::new("The line to send: that text in base64.", "要发送的行：上述文本的 base64。"), hint: Tr::new("Base64 of the whole text, no newline.", "对整段文本做 base64，不带换行。"), expect: Expect::Value(|v| v == cram("response")), answer: || cram("response") },
        ],
    },
    Lesson {
        id: "digest-md5",
        title: Tr::new("DIGEST-MD5 by hand", "手算 DIGEST-MD5"),
        intro: Tr::new("RFC 2831 §4's example: chris / secret, realm elwood.innosoft.com, nonce OA6MG9tEQGm2hh, cnonce OA6MHXh6VqTrRk, nc 00000001, qop auth, digest-uri imap/elwood.innosoft.com.", "RFC 2831 §4 的例子：chris / secret，realm elwood.innosoft.com，nonce OA6MG9tEQGm2hh，cnonce OA6MHXh6VqTrRk，nc 00000001，qop auth，digest-uri imap/elwood.innosoft.com。"),
        steps: &[
            Step { instruction: Tr::new("H(user:realm:password) in hex (you will use its 16 raw bytes next).", "H(用户名:realm:密码) 的十六进制（下一步要用它的 16 个原始字节）。"), hint: Tr::new("MD5 of \"chris:elwood.innosoft.com:secret\".", "\"chris:elwood.innosoft.com:secret\" 的 MD5。"), expect: Expect::Value(|v| v.eq_ignore_ascii_case(&digest("urp-hash"))), answer: || digest("urp-hash") },
            Step { instruction: Tr::new("HA1 = HEX(MD5(those 16 raw bytes + \":nonce:cnonce\")).", "HA1 = HEX(MD5(那 16 个原始字节 + \":nonce:cnonce\"))。"), hint: Tr::new("Raw bytes, not their hex: the classic mistake.", "用原始字节，不是十六进制：这是常见错误。"), expect: Expect::Value(|v| v == digest("ha1")), answer: || digest("ha1") },
            Step { instruction: Tr::new("HA2 = HEX(MD5(\"AUTHENTICATE:imap/elwood.innosoft.com\")).", "计算 HA2 = HEX(MD5(\"AUTHENTICATE:imap/elwood.innosoft.com\"))。"), hint: Tr::new("Just MD5 of that text, in hex.", "就是这段文本的 MD5（十六进制）。"), expect: Expect::Value(|v| v == digest("ha2")), answer: || digest("ha2") },
            Step { instruction: Tr::new("response = HEX(MD5(HA1:nonce:nc:cnonce:qop:HA2)).", "计算 response = HEX(MD5(HA1:nonce:nc:cnonce:qop:HA2))。"), hint: Tr::new("nc is 00000001 and qop is auth.", "nc 是 00000001，qop 是 auth。"), expect: Expect::Value(|v| v == digest("response")), answer: || digest("response") },
            Step { instruction: Tr::new("rspauth, the server's proof: the same with A2 = \":imap/elwood.innosoft.com\".", "rspauth，服务器的证明：同样计算，但 A2 = \":imap/elwood.innosoft.com\"。"), hint: Tr::new("Only A2 changes: no \"AUTHENTICATE\".", "只有 A2 变了：没有 \"AUTHENTICATE\"。"), expect: Expect::Value(|v| v == digest("rspauth")), answer: || digest("rspauth") },
        ],
    },
    Lesson {
        id: "mime-attachment",
        title: Tr::new("MIME and an attachment", "MIME 与附件"),
        intro: Tr::new("Seed 004 adds an attachment with multipart/mixed, a boundary and a base64 part. Send one through DATA.", "种子文档 004 用 multipart/mixed、分隔线和一个 base64 部分来添加附件。通过 DATA 发送一封这样的邮件。"),
        steps: &[
            Step { instruction: Tr::new("EHLO, MAIL FROM:<alice@example.com>, RCPT TO:<bob@example.com>, DATA — then this step checks the message.", "EHLO、MAIL FROM:<alice@example.com>、RCPT TO:<bob@example.com>、DATA——这一步检查的是邮件本身。"), hint: Tr::new("Get to the 354 first.", "先拿到 354。"), expect: Expect::Reply(&[Situation::DataGo]), answer: || "EHLO learner.example\nMAIL FROM:<alice@example.com>\nRCPT TO:<bob@example.com>\nDATA".into() },
            Step { instruction: Tr::new("Send a multipart/mixed message with a text part and an attachment part (Content-Disposition: attachment, base64).", "发送一封 multipart/mixed 邮件：一个文本部分和一个附件部分（Content-Disposition: attachment，base64）。"), hint: Tr::new("Content-Type: multipart/mixed; boundary=\"B\" — then --B before each part and --B-- at the end.", "Content-Type: multipart/mixed; boundary=\"B\"——每个部分前写 --B，最后写 --B--。"), expect: Expect::Message(|data, _| {
                let (headers, body) = headers_and_body(data);
                let body = body.to_ascii_lowercase();
                headers.contains("multipart/mixed") && body.contains("content-disposition: attachment") && body.contains("content-transfer-encoding: base64")
            }), answer: || "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\nSubject: with attachment\n\n--B\nContent-Type: text/plain; charset=utf-8\n\nSee the file.\n--B\nContent-Type: text/plain; name=att.txt\nContent-Disposition: attachment; filename=att.txt\nContent-Transfer-Encoding: base64\n\naGVsbG8K\n--B--\n.".into() },
        ],
    },
    Lesson {
        id: "cc-bcc-envelope",
        title: Tr::new("CC, BCC and the envelope", "抄送、密送与信封"),
        intro: Tr::new("There is no RCPT CC or RCPT BCC: every recipient is a RCPT TO, and the headers are only what people read.", "没有 RCPT CC 或 RCPT BCC：每个收件人都是一条 RCPT TO，邮件头只是给人看的。"),
        steps: &[
            Step { instruction: Tr::new("EHLO, MAIL FROM, then RCPT TO for bob, carol and dave @example.com, then DATA.", "EHLO、MAIL FROM，然后分别为 bob、carol 和 dave @example.com 发 RCPT TO，再 DATA。"), hint: Tr::new("Three RCPT TO lines, one per recipient.", "三条 RCPT TO，每个收件人一条。"), expect: Expect::Reply(&[Situation::DataGo]), answer: || "EHLO learner.example\nMAIL FROM:<alice@example.com>\nRCPT TO:<bob@example.com>\nRCPT TO:<carol@example.com>\nRCPT TO:<dave@example.com>\nDATA".into() },
            Step { instruction: Tr::new("Write To: bob, Cc: carol and nothing about dave — dave is the Bcc.", "写 To: bob、Cc: carol，不写 dave——dave 就是密送。"), hint: Tr::new("To: bob@example.com / Cc: carol@example.com / Subject: …, empty line, body, dot.", "To: bob@example.com / Cc: carol@example.com / Subject: …，空行，正文，点。"), expect: Expect::Message(|data, recipients| {
                let (headers, _) = headers_and_body(data);
                let cc = headers.lines().any(|l| l.starts_with("cc:") && l.contains("carol@example.com"));
                let hidden = recipients.iter().any(|r| r.eq_ignore_ascii_case("dave@example.com")) && !headers.contains("dave@example.com");
                cc && hidden
            }), answer: || "To: bob@example.com\nCc: carol@example.com\nSubject: meeting\n\nSee you at 3.\n.".into() },
        ],
    },
    Lesson {
        id: "reply-codes",
        title: Tr::new("Reply codes and enhanced status codes", "回复码与增强状态码"),
        intro: Tr::new("Read codes digit by digit (the Reference page helps).", "逐位解读代码（回复码参考页面可以帮你）。"),
        steps: &[
            Step { instruction: Tr::new("A reply starts with 4: is the failure temporary or permanent? Type temporary or permanent.", "回复以 4 开头：失败是暂时的还是永久的？输入 temporary 或 permanent。"), hint: Tr::new("4yz: Transient Negative Completion.", "4yz：暂时否定完成。"), expect: Expect::Value(|v| v.eq_ignore_ascii_case("temporary")), answer: || "temporary".into() },
            Step { instruction: Tr::new("Which subject does the enhanced code 5.7.8 belong to? Type its subject number.", "增强状态码 5.7.8 属于哪个主题？输入主题编号。"), hint: Tr::new("class.subject.detail — the middle one.", "类别.主题.细节——中间那个。"), expect: Expect::Value(|v| EnhancedCode::parse("5.7.8").is_ok_and(|c| v == c.subject().to_string())), answer: || EnhancedCode::parse("5.7.8").map(|c| c.subject().to_string()).unwrap_or_default() },
            Step { instruction: Tr::new("Which three-digit code does a server send when the password is wrong?", "密码错误时服务器发送哪个三位代码？"), hint: Tr::new("RFC 4954: Authentication credentials invalid.", "RFC 4954：认证凭据无效。"), expect: Expect::Value(|v| v == "535"), answer: || "535".into() },
        ],
    },
];
