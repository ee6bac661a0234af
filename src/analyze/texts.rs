//! The analyzer's explanations, in English and Chinese: what each command does, what each
//! EHLO keyword offers, a reply's reference title and digits, the AUTH exchange's steps and
//! the warnings about exposed credentials.

use super::serverlog::{LogEvent, LogLine};
use super::Text;
use crate::i18n::{Lang, Tr};
use crate::smtp::codes::ReplyCode;
use crate::smtp::command::{Command, ParseError, Syntax};
use crate::smtp::explain::explain;

/// What each verb does.
pub(super) fn verb(verb: &str) -> Option<Tr> {
    Some(match verb {
        "HELO" => Tr::new(
            "HELO: the client greets the server and names itself (RFC 5321 §4.1.1.1); the old greeting, without extensions.",
            "HELO：客户端向服务器问候并报出自己的名字（RFC 5321 §4.1.1.1）；旧式问候，不启用扩展。",
        ),
        "EHLO" => Tr::new(
            "EHLO: extended hello — the client names itself and asks which extensions the server offers; the 250 lines that follow list them (RFC 5321 §4.1.1.1).",
            "EHLO：扩展问候——客户端报出自己的名字，并询问服务器支持哪些扩展；随后的 250 各行逐一列出（RFC 5321 §4.1.1.1）。",
        ),
        "MAIL" => Tr::new(
            "MAIL FROM: starts a mail transaction and gives the envelope sender, where bounces go; it may differ from the From: header (RFC 5321 §4.1.1.2).",
            "MAIL FROM：开始一次邮件事务，给出信封发件人（退信发往这里）；它可以与邮件头 From: 不同（RFC 5321 §4.1.1.2）。",
        ),
        "RCPT" => Tr::new(
            "RCPT TO: names one recipient of the envelope; one RCPT per recipient, for To, Cc and Bcc alike (RFC 5321 §4.1.1.3).",
            "RCPT TO：给出信封上的一个收件人；每个收件人一条 RCPT，收件人、抄送和密送都一样（RFC 5321 §4.1.1.3）。",
        ),
        "DATA" => Tr::new(
            "DATA: asks to send the message itself; after 354 come the header lines, a blank line, the body and a line with a single dot (RFC 5321 §4.1.1.4).",
            "DATA：请求发送邮件本身；收到 354 后依次发送邮件头各行、一个空行、正文，最后是只有一个点的一行（RFC 5321 §4.1.1.4）。",
        ),
        "BDAT" => Tr::new(
            "BDAT: sends the message in chunks of a stated size, without the dot at the end (RFC 3030, CHUNKING).",
            "BDAT：按声明的大小分块发送邮件，结尾不需要点（RFC 3030，CHUNKING）。",
        ),
        "RSET" => Tr::new(
            "RSET: abandons the current transaction; the sender and recipients given so far are forgotten (RFC 5321 §4.1.1.5).",
            "RSET：放弃当前事务；之前给出的发件人和收件人都被清除（RFC 5321 §4.1.1.5）。",
        ),
        "NOOP" => Tr::new(
            "NOOP: does nothing; the server answers 250. Keeps the connection alive or tests it (RFC 5321 §4.1.1.9).",
            "NOOP：什么也不做，服务器回复 250。用来保持连接或测试连接（RFC 5321 §4.1.1.9）。",
        ),
        "QUIT" => Tr::new(
            "QUIT: asks the server to close the connection; it answers 221 (RFC 5321 §4.1.1.10).",
            "QUIT：请求服务器关闭连接，服务器回复 221（RFC 5321 §4.1.1.10）。",
        ),
        "HELP" => Tr::new(
            "HELP: asks for help text, usually the list of commands (RFC 5321 §4.1.1.8).",
            "HELP：请求帮助信息，通常是命令列表（RFC 5321 §4.1.1.8）。",
        ),
        "VRFY" => Tr::new(
            "VRFY: asks whether a user or mailbox exists; most servers answer 252 or refuse, to keep addresses from spammers (RFC 5321 §4.1.1.6).",
            "VRFY：询问某个用户或邮箱是否存在；为防止地址被垃圾邮件发送者收集，多数服务器回复 252 或拒绝（RFC 5321 §4.1.1.6）。",
        ),
        "EXPN" => Tr::new(
            "EXPN: asks to expand a mailing list into its members; usually disabled (RFC 5321 §4.1.1.7).",
            "EXPN：请求展开邮件列表的成员；通常被禁用（RFC 5321 §4.1.1.7）。",
        ),
        "AUTH" => Tr::new(
            "AUTH: starts SASL authentication (RFC 4954); 334 challenges and base64 answers follow until 235 (success) or 535 (failure).",
            "AUTH：开始 SASL 身份认证（RFC 4954）；之后是 334 质询和 base64 应答，直到 235（成功）或 535（失败）。",
        ),
        "STARTTLS" => Tr::new(
            "STARTTLS: asks to switch the connection to TLS; after 220 the TLS handshake starts, then the client sends EHLO again (RFC 3207).",
            "STARTTLS：请求把连接切换到 TLS；收到 220 后开始 TLS 握手，之后客户端要重新发送 EHLO（RFC 3207）。",
        ),
        "ETRN" => Tr::new(
            "ETRN: asks the server to start delivering the mail queued for a domain (RFC 1985).",
            "ETRN：请求服务器开始投递为某个域排队的邮件（RFC 1985）。",
        ),
        "VERB" => Tr::new(
            "VERB: Sendmail's verbose mode; the server reports delivery steps.",
            "VERB：Sendmail 的详细模式，服务器会报告投递过程。",
        ),
        _ => return None,
    })
}

/// What an AUTH mechanism does.
fn mechanism(name: &str) -> Tr {
    match name {
        "LOGIN" => Tr::new(
            "LOGIN: the server asks for the user name, then the password, each answered in base64 — readable by anyone who sees it.",
            "LOGIN：服务器先要用户名，再要密码，都以 base64 应答——任何看到的人都能解码。",
        ),
        "PLAIN" => Tr::new(
            "PLAIN: one base64 message, authzid␀user␀password (RFC 4616) — readable by anyone who sees it.",
            "PLAIN：一条 base64 消息：authzid␀用户名␀密码（RFC 4616）——任何看到的人都能解码。",
        ),
        "CRAM-MD5" => Tr::new(
            "CRAM-MD5: the password never crosses the wire; the client answers the server's challenge with its HMAC-MD5 keyed by the password (RFC 2195).",
            "CRAM-MD5：密码不在网络上传输；客户端用以密码为密钥的 HMAC-MD5 回答服务器的质询（RFC 2195）。",
        ),
        "DIGEST-MD5" => Tr::new(
            "DIGEST-MD5: a challenge with realm and nonce, answered with an MD5 digest (RFC 2831, now historic).",
            "DIGEST-MD5：带 realm 和 nonce 的质询，以 MD5 摘要响应（RFC 2831，已被 RFC 6331 列为历史状态）。",
        ),
        "NTLM" => Tr::new(
            "NTLM: Microsoft's three-message exchange (negotiate, challenge, authenticate), binary in base64.",
            "NTLM：微软的三条消息交换（协商、质询、认证），以 base64 传输二进制数据。",
        ),
        "XOAUTH2" | "OAUTHBEARER" => Tr::new(
            "OAuth: the client presents an access token instead of a password (RFC 7628).",
            "OAuth：客户端出示访问令牌而不是密码（RFC 7628）。",
        ),
        name if name.starts_with("SCRAM-") => Tr::new(
            "SCRAM: a salted challenge–response; the password never crosses the wire (RFC 5802).",
            "SCRAM：加盐的质询–响应；密码不在网络上传输（RFC 5802）。",
        ),
        _ => Tr::new(
            "A SASL mechanism this trainer does not describe.",
            "本训练器没有介绍的 SASL 机制。",
        ),
    }
}

/// What is wrong with a known command's argument.
fn syntax_problem(problem: Syntax) -> Tr {
    match problem {
        Syntax::MissingDomain => Tr::new(
            "the client's name is missing (EHLO client.example).",
            "缺少客户端的名字（EHLO client.example）。",
        ),
        Syntax::MissingKeyword => Tr::new(
            "FROM: (for MAIL) or TO: (for RCPT) is missing.",
            "缺少 FROM:（MAIL 命令）或 TO:（RCPT 命令）。",
        ),
        Syntax::MissingAddress => Tr::new(
            "the address is missing after the colon.",
            "冒号后面缺少地址。",
        ),
        Syntax::BadAddress => Tr::new(
            "the address is malformed (a space, a missing >, or text glued to it).",
            "地址格式不对（含空格、缺少 >，或后面紧跟了别的文字）。",
        ),
        Syntax::NullRecipient => Tr::new(
            "RCPT TO:<> — the empty path is only for MAIL FROM.",
            "RCPT TO:<>——空路径只能用于 MAIL FROM。",
        ),
        Syntax::BadParameter => Tr::new(
            "a parameter is not KEYWORD=value.",
            "某个参数不是 KEYWORD=value 的形式。",
        ),
        Syntax::BadChunkSize => Tr::new(
            "BDAT needs a size in octets, optionally followed by LAST.",
            "BDAT 需要以字节为单位的大小，后面可以跟 LAST。",
        ),
        Syntax::MissingMechanism => Tr::new(
            "AUTH needs a mechanism (AUTH LOGIN, AUTH PLAIN …).",
            "AUTH 需要指定机制（AUTH LOGIN、AUTH PLAIN 等）。",
        ),
        Syntax::MissingArgument => {
            Tr::new("the command needs an argument.", "该命令需要一个参数。")
        }
        Syntax::UnexpectedArgument => Tr::new("the command takes no argument.", "该命令不带参数。"),
        Syntax::NoDomain => Tr::new(
            "the address has no domain; some servers (Exim) refuse that.",
            "地址没有域名部分；有些服务器（Exim）会拒绝。",
        ),
    }
}

/// The explanation of a client's command line.
pub(super) fn command(parsed: &Result<Command, ParseError>, verb_word: &str) -> Text {
    match parsed {
        Ok(command) => {
            let upper = verb_word.to_ascii_uppercase();
            let base = Text::from(verb(&upper).unwrap_or(Tr::new("A command.", "一条命令。")));
            match command {
                Command::Mail(path) => {
                    let mut text = base.join(&Text::new(
                        format!("Envelope sender: <{}>.", path.address),
                        format!("信封发件人：<{}>。", path.address),
                    ));
                    if !path.bracketed {
                        text = text.join(&Text::from(Tr::new(
                            "(Written without angle brackets; RFC 5321 asks for MAIL FROM:<address>, though Sendmail and Postfix accept it.)",
                            "（没有写尖括号；RFC 5321 要求 MAIL FROM:<地址>，不过 Sendmail 和 Postfix 也接受。）",
                        )));
                    }
                    text
                }
                Command::Rcpt(path) => {
                    let mut text = base.join(&Text::new(
                        format!("Recipient: <{}>.", path.address),
                        format!("收件人：<{}>。", path.address),
                    ));
                    if !path.bracketed {
                        text = text.join(&Text::from(Tr::new(
                            "(Written without angle brackets; RFC 5321 asks for RCPT TO:<address>.)",
                            "（没有写尖括号；RFC 5321 要求 RCPT TO:<地址>。）",
                        )));
                    }
                    text
                }
                Command::Auth {
                    mechanism: m,
                    initial,
                } => {
                    let mut text = base.join(&Text::from(mechanism(m)));
                    if initial.is_some() {
                        text = text.join(&Text::from(Tr::new(
                            "The first answer follows on the same line (decoded below).",
                            "第一条应答直接跟在同一行（解码见下）。",
                        )));
                    }
                    text
                }
                _ => base,
            }
        }
        Err(ParseError::Unknown { verb, suggestion }) => unknown_verb(verb, *suggestion),
        Err(ParseError::Syntax { verb: v, problem }) => {
            let base = Text::from(verb(v).unwrap_or(Tr::new("A command.", "一条命令。")));
            let problem = syntax_problem(*problem);
            base.join(&Text::new(
                format!("But its argument is wrong: {}", problem.en),
                format!("但参数有误：{}", problem.zh),
            ))
        }
        Err(_) => Text::from(Tr::new("An empty command line.", "空的命令行。")),
    }
}

/// `RCPR is not an SMTP command; did you mean RCPT?`
pub(super) fn unknown_verb(verb: &str, suggestion: Option<&str>) -> Text {
    match suggestion {
        Some(s) => Text::new(
            format!("{verb} is not an SMTP command — a typo for {s}? A server answers 500 (command not recognized)."),
            format!("{verb} 不是 SMTP 命令——是不是把 {s} 打错了？服务器会回复 500（无法识别的命令）。"),
        ),
        None => Text::new(
            format!("{verb} is not an SMTP command; a server answers 500 (command not recognized) or 502 (not implemented)."),
            format!("{verb} 不是 SMTP 命令；服务器会回复 500（无法识别的命令）或 502（未实现）。"),
        ),
    }
}

/// The warning on a line with a typo.
pub(super) fn typo_warning(verb: &str, suggestion: &str) -> Text {
    Text::new(
        format!("Typo: {verb} → {suggestion}."),
        format!("拼写错误：{verb} → {suggestion}。"),
    )
}

/// A reply line's reference title and digits: `553 Requested action not taken: mailbox
/// name not allowed. Digits: 5yz Permanent Negative Completion; x5z Mail system.`
pub(super) fn reply(line: &str, code: u16) -> Text {
    let Ok(found) = explain(line) else {
        return digits_only(code);
    };
    let Some(reply) = found.reply else {
        return digits_only(code);
    };
    let (title_en, title_zh) = match reply.info {
        Some(info) => (info.title.en.to_string(), info.title.zh.to_string()),
        None => (reply.unknown_code(Lang::En), reply.unknown_code(Lang::Zh)),
    };
    let mut en = format!("{code} {title_en}.");
    let mut zh = format!("{code} {title_zh}。");
    if let Some(enhanced) = found.enhanced {
        let label = enhanced.label();
        match enhanced.info {
            Some(info) => {
                en.push_str(&format!(" {label} {}.", info.title.en));
                zh.push_str(&format!("{label} {}。", info.title.zh));
            }
            None => {
                en.push_str(&format!(" {label}: {}", enhanced.subject_meaning().en));
                zh.push_str(&format!("{label}：{}", enhanced.subject_meaning().zh));
            }
        }
    }
    let [(_, first), (_, second), _] = reply.code.digit_meanings();
    en.push_str(&format!(
        " Digits: {}; {}.",
        heading(first.en, ':'),
        heading(second.en, ':')
    ));
    zh.push_str(&format!(
        "数字：{}；{}。",
        heading(first.zh, '：'),
        heading(second.zh, '：')
    ));
    Text::new(en, zh)
}

fn digits_only(code: u16) -> Text {
    match ReplyCode::new(code) {
        Ok(rc) => {
            let [(_, first), (_, second), _] = rc.digit_meanings();
            Text::new(
                format!(
                    "{code}. Digits: {}; {}.",
                    heading(first.en, ':'),
                    heading(second.en, ':')
                ),
                format!(
                    "{code}。数字：{}；{}。",
                    heading(first.zh, '：'),
                    heading(second.zh, '：')
                ),
            )
        }
        Err(_) => Text::new(
            format!("{code} is not a valid reply code."),
            format!("{code} 不是有效的回复码。"),
        ),
    }
}

/// The part of a digit meaning before its colon or semicolon: `5yz Permanent Negative
/// Completion`, `x3z Unspecified by RFC 5321`.
fn heading(text: &str, colon: char) -> &str {
    text.split([colon, ';', '；']).next().unwrap_or(text)
}

/// Whether a reply line's first word is an EHLO keyword (an EHLO reply pasted without its
/// command, as in seed 004).
pub(super) fn is_ehlo_keyword(text: &str) -> bool {
    let word = text
        .split([' ', '='])
        .next()
        .unwrap_or("")
        .to_ascii_uppercase();
    matches!(
        word.as_str(),
        "PIPELINING"
            | "SIZE"
            | "AUTH"
            | "STARTTLS"
            | "8BITMIME"
            | "ENHANCEDSTATUSCODES"
            | "DSN"
            | "SMTPUTF8"
            | "CHUNKING"
            | "BINARYMIME"
            | "ETRN"
            | "DELIVERBY"
            | "PRDR"
            | "PIPECONNECT"
    )
}

/// What an EHLO keyword offers (`SIZE 10240000`, `AUTH PLAIN LOGIN` …).
pub(super) fn ehlo_keyword(text: &str) -> Text {
    let (word, args) = text.split_once([' ', '=']).unwrap_or((text, ""));
    let word_upper = word.to_ascii_uppercase();
    let args = args.trim();
    let tr = match word_upper.as_str() {
        "PIPELINING" => Tr::new(
            "PIPELINING: the client may send several commands without waiting for each reply (RFC 2920).",
            "PIPELINING：客户端可以连续发送多条命令，不必逐条等待回复（RFC 2920）。",
        ),
        "SIZE" => {
            return match args.parse::<u64>() {
                Ok(limit) if limit > 0 => {
                    let size = human_size(limit);
                    Text::new(
                        format!("SIZE {limit}: the largest message the server accepts is {limit} bytes (about {size}) (RFC 1870)."),
                        format!("SIZE {limit}：服务器接受的邮件最大为 {limit} 字节（约 {size}）（RFC 1870）。"),
                    )
                }
                _ => Text::from(Tr::new(
                    "SIZE: the client may state the message size in MAIL FROM; no fixed limit is announced (RFC 1870).",
                    "SIZE：客户端可以在 MAIL FROM 中声明邮件大小；服务器没有公布固定上限（RFC 1870）。",
                )),
            };
        }
        "AUTH" => {
            let pre_standard = text.get(4..5) == Some("=");
            let (en, zh) = if pre_standard {
                (
                    "AUTH= is the same list in the pre-standard form, kept for old Outlook versions.",
                    "AUTH= 是同一列表的早期非标准写法，为兼容旧版 Outlook 而保留。",
                )
            } else {
                (
                    "PLAIN and LOGIN send the password in base64, readable by anyone who sees the traffic: use them only inside TLS.",
                    "PLAIN 和 LOGIN 以 base64 发送密码，任何看到流量的人都能读出：只应在 TLS 中使用。",
                )
            };
            return Text::new(
                format!("AUTH: the server offers authentication with these SASL mechanisms: {args} (RFC 4954). {en}"),
                format!("AUTH：服务器提供身份认证，支持这些 SASL 机制：{args}（RFC 4954）。{zh}"),
            );
        }
        "STARTTLS" => Tr::new(
            "STARTTLS: the connection can be switched to TLS (RFC 3207).",
            "STARTTLS：连接可以切换到 TLS（RFC 3207）。",
        ),
        "8BITMIME" => Tr::new(
            "8BITMIME: message bodies with 8-bit characters are accepted (RFC 6152).",
            "8BITMIME：接受含 8 位字符的邮件正文（RFC 6152）。",
        ),
        "ENHANCEDSTATUSCODES" => Tr::new(
            "ENHANCEDSTATUSCODES: replies carry enhanced status codes such as 2.1.0 (RFC 2034, RFC 3463).",
            "ENHANCEDSTATUSCODES：回复中带有增强状态码，如 2.1.0（RFC 2034、RFC 3463）。",
        ),
        "DSN" => Tr::new(
            "DSN: delivery status notifications can be requested (RFC 3461).",
            "DSN：可以请求投递状态通知（RFC 3461）。",
        ),
        "SMTPUTF8" => Tr::new(
            "SMTPUTF8: UTF-8 is accepted in addresses and headers (RFC 6531).",
            "SMTPUTF8：地址和邮件头中可以使用 UTF-8（RFC 6531）。",
        ),
        "CHUNKING" => Tr::new(
            "CHUNKING: BDAT is accepted, the message sent in sized chunks (RFC 3030).",
            "CHUNKING：接受 BDAT，邮件按大小分块发送（RFC 3030）。",
        ),
        "BINARYMIME" => Tr::new(
            "BINARYMIME: binary message bodies with BDAT (RFC 3030).",
            "BINARYMIME：配合 BDAT 发送二进制正文（RFC 3030）。",
        ),
        "VRFY" => Tr::new(
            "VRFY: the server answers address checks.",
            "VRFY：服务器接受地址查询。",
        ),
        "EXPN" => Tr::new(
            "EXPN: the server expands mailing lists.",
            "EXPN：服务器可以展开邮件列表。",
        ),
        "ETRN" => Tr::new(
            "ETRN: a client may ask the server to flush its queue for a domain (RFC 1985).",
            "ETRN：客户端可以请求服务器投递某个域的排队邮件（RFC 1985）。",
        ),
        "HELP" => Tr::new("HELP: help text is available.", "HELP：可以获取帮助信息。"),
        "VERB" => Tr::new(
            "VERB: Sendmail's verbose mode is available.",
            "VERB：可以使用 Sendmail 的详细模式。",
        ),
        "DELIVERBY" => Tr::new(
            "DELIVERBY: a delivery deadline may be requested (RFC 2852).",
            "DELIVERBY：可以要求在期限内投递（RFC 2852）。",
        ),
        "PRDR" => Tr::new(
            "PRDR: per-recipient replies after the message (Exim).",
            "PRDR：邮件发送后按收件人分别回复（Exim）。",
        ),
        "PIPECONNECT" => Tr::new(
            "PIPECONNECT: Exim lets a client pipeline EHLO before the greeting on later connections.",
            "PIPECONNECT：Exim 允许客户端在之后的连接中于问候之前就流水线发送 EHLO。",
        ),
        "XCLIENT" | "XFORWARD" => Tr::new(
            "A Postfix extension for trusted proxies and content filters.",
            "Postfix 为受信任的代理和内容过滤器提供的扩展。",
        ),
        "COREMAIL" => Tr::new(
            "coremail …: the Coremail server's own token (163.com, 126.com); not a standard extension.",
            "coremail ……：Coremail 服务器自己的标记（163.com、126.com），不是标准扩展。",
        ),
        _ => Tr::new(
            "An extension keyword this trainer does not describe.",
            "本训练器没有介绍的扩展关键字。",
        ),
    };
    Text::from(tr)
}

/// A byte count for people: `9.8 MiB`, `2.0 KiB`, `512 B`.
pub(super) fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KIB * KIB {
        format!("{:.1} MiB", b / (KIB * KIB))
    } else if b >= KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{bytes} B")
    }
}

/// The first line of the reply to EHLO.
pub(super) fn ehlo_first() -> Text {
    Text::from(Tr::new(
        "The server names itself; each following line is one extension it supports.",
        "服务器报出自己的名字；后面每一行是它支持的一项扩展。",
    ))
}

/// A non-first line of another multi-line reply.
pub(super) fn continuation(first: usize, last: bool) -> Text {
    if last {
        Text::new(
            format!("Last line of the multi-line reply that begins at line {first}: a space, not a hyphen, follows the code (RFC 5321 §4.2.1)."),
            format!("第 {first} 行开始的多行回复的最后一行：代码后面是空格而不是连字符（RFC 5321 §4.2.1）。"),
        )
    } else {
        Text::new(
            format!("Continues the multi-line reply that begins at line {first} (a hyphen after the code: more lines follow)."),
            format!("接续第 {first} 行开始的多行回复（代码后是连字符：还有后续行）。"),
        )
    }
}

/// A `334` challenge, by what it asks.
pub(super) fn challenge(prompt: super::sasl::Prompt, empty: bool, mechanism: &str) -> Text {
    use super::sasl::Prompt;
    match prompt {
        Prompt::User => Text::from(Tr::new(
            "The server asks for the user name: base64 of \"Username:\".",
            "服务器要求提供用户名：这是 \"Username:\" 的 base64。",
        )),
        Prompt::Password => Text::from(Tr::new(
            "The server asks for the password: base64 of \"Password:\".",
            "服务器要求提供密码：这是 \"Password:\" 的 base64。",
        )),
        Prompt::Other if empty => Text::from(Tr::new(
            "An empty challenge: the server waits for the client's first message (for PLAIN: base64 of authzid␀user␀password).",
            "空质询：服务器在等待客户端的第一条消息（PLAIN 时为 authzid␀用户名␀密码 的 base64）。",
        )),
        Prompt::Other => Text::new(
            format!("The {mechanism} challenge, decoded below; the client answers it with a value computed from the password."),
            format!("{mechanism} 的质询，解码见下；客户端用由密码计算出的值来回答。"),
        ),
    }
}

/// A client's answer in an AUTH exchange.
pub(super) fn sasl_answer(decoded: &super::Decoded, mechanism: &str) -> Text {
    use super::{Field, Value};
    match (&decoded.value, decoded.field) {
        (Value::Cancel, _) => Text::from(Tr::new(
            "* cancels the exchange (RFC 4954 §4); the server answers 501.",
            "* 表示取消认证（RFC 4954 §4），服务器回复 501。",
        )),
        (Value::Invalid, _) => Text::from(Tr::new(
            "Not base64 — yet the server takes this line as the answer to its challenge, and will refuse it (501 or 535).",
            "这不是 base64——但服务器会把这一行当作对质询的应答，并拒绝它（501 或 535）。",
        )),
        (_, Field::UserName) => Text::from(Tr::new(
            "AUTH LOGIN: the answer to \"Username:\" — the user name in base64.",
            "AUTH LOGIN：对 \"Username:\" 的应答——base64 编码的用户名。",
        )),
        (_, Field::Password) => Text::from(Tr::new(
            "AUTH LOGIN: the answer to \"Password:\" — the password in base64.",
            "AUTH LOGIN：对 \"Password:\" 的应答——base64 编码的密码。",
        )),
        (_, Field::Plain) => Text::from(Tr::new(
            "AUTH PLAIN: base64 of authzid␀user␀password (RFC 4616).",
            "AUTH PLAIN：authzid␀用户名␀密码 的 base64（RFC 4616）。",
        )),
        (_, Field::Token) => Text::from(Tr::new(
            "OAuth: the user name and the access token in base64 (RFC 7628).",
            "OAuth：base64 编码的用户名和访问令牌（RFC 7628）。",
        )),
        _ if mechanism == "CRAM-MD5" => Text::from(Tr::new(
            "CRAM-MD5: the user name and the HMAC-MD5 of the challenge keyed with the password, in base64; the password itself is not sent.",
            "CRAM-MD5：用户名以及以密码为密钥对质询计算的 HMAC-MD5，经 base64 编码；密码本身不发送。",
        )),
        _ => Text::new(
            format!("The client's answer in the {mechanism} exchange (base64)."),
            format!("客户端在 {mechanism} 交换中的应答（base64）。"),
        ),
    }
}

/// The warning on a line whose decoded base64 shows the login.
pub(super) fn exposed_user() -> Text {
    Text::from(Tr::new(
        "WARNING: this log exposes the login. Base64 is an encoding, not encryption: anyone with the log can read this user name and the password sent with it. Change the password, and never post such a log without removing these lines.",
        "警告：这份日志暴露了登录信息。base64 只是编码，不是加密：任何拿到日志的人都能读出这个用户名以及随之发送的密码。请修改密码；发布此类日志前务必删除这些行。",
    ))
}

/// The warning on a line whose decoded base64 shows a password or token.
pub(super) fn exposed_secret(token: bool) -> Text {
    if token {
        Text::from(Tr::new(
            "WARNING: an access token is exposed in this log (base64 decodes to plain text). Revoke it now, and remove it before sharing the log.",
            "警告：访问令牌已在这份日志中暴露（base64 可直接解码为明文）。请立即吊销它，并在分享日志前删除。",
        ))
    } else {
        Text::from(Tr::new(
            "WARNING: the password is exposed in this log (base64 decodes to plain text). Change it now, and remove it before sharing the log.",
            "警告：密码已在这份日志中暴露（base64 可直接解码为明文）。请立即修改密码，并在分享日志前删除它。",
        ))
    }
}

/// Message data lines worth a word.
pub(super) fn data_start() -> Text {
    Text::from(Tr::new(
        "The message itself begins: header lines, a blank line, then the body.",
        "邮件本身从这里开始：先是邮件头各行，然后一个空行，再是正文。",
    ))
}

/// The blank line between header and body.
pub(super) fn data_separator() -> Text {
    Text::from(Tr::new(
        "The blank line that separates the header from the body.",
        "分隔邮件头和正文的空行。",
    ))
}

/// The final dot.
pub(super) fn data_end() -> Text {
    Text::from(Tr::new(
        "A line with a single dot ends the message (RFC 5321 §4.1.1.4); the server now accepts or refuses it as a whole.",
        "只有一个点的一行表示邮件结束（RFC 5321 §4.1.1.4）；服务器此时决定整封邮件接受还是拒绝。",
    ))
}

/// A dot-stuffed body line.
pub(super) fn dot_stuffed() -> Text {
    Text::from(Tr::new(
        "Dot-stuffed: a body line that begins with a dot is sent with one more dot (RFC 5321 §4.5.2); the server removes it.",
        "点填充：以点开头的正文行在发送时要再加一个点（RFC 5321 §4.5.2），服务器会去掉它。",
    ))
}

/// A whole message in one write (smtplib's `send: b'…\r\n.\r\n'`).
pub(super) fn data_block(end: bool) -> Text {
    if end {
        Text::from(Tr::new(
            "The whole message in one write, ending with CRLF.CRLF (the line with a single dot).",
            "整封邮件一次写出，以 CRLF.CRLF（只有一个点的那一行）结束。",
        ))
    } else {
        Text::from(Tr::new(
            "Part of the message, written in one go.",
            "邮件的一部分，一次写出。",
        ))
    }
}

/// smtplib's `reply: retcode …` and `data: (…)` lines.
pub(super) fn summary() -> Text {
    Text::from(Tr::new(
        "smtplib's own summary of the reply above (the code and the text lines joined); printed by the library, not sent by the server.",
        "smtplib 对上面回复的汇总（代码及合并后的文本）；由该库打印，不是服务器发来的。",
    ))
}

/// The lines after smtplib's summary that continue its message.
pub(super) fn summary_continued() -> Text {
    Text::from(Tr::new(
        "The rest of smtplib's summary above: the reply's further lines, printed by the library.",
        "上面 smtplib 汇总的后续部分：回复的其余各行，由该库打印。",
    ))
}

/// simplesmtp's `SERVER n:` / `CLIENT n:`.
pub(super) fn block_header(server: bool) -> Text {
    Text::from(if server {
        Tr::new(
            "simplesmtp: the lines below come from the server.",
            "simplesmtp：下面几行来自服务器。",
        )
    } else {
        Tr::new(
            "simplesmtp: the lines below were sent by the client.",
            "simplesmtp：下面几行由客户端发出。",
        )
    })
}

/// An address on a line of its own.
pub(super) fn bare_address() -> Text {
    Text::from(Tr::new(
        "An address on a line of its own: the recipient or sender the lines around it are about (a bounce lists the recipients it failed for).",
        "单独一行的地址：上下文所涉及的收件人或发件人（退信会列出投递失败的收件人）。",
    ))
}

/// A header field's folded line.
pub(super) fn folded_header() -> Text {
    Text::from(Tr::new(
        "The header field above goes on: a long field is folded onto lines that start with a space (RFC 5322 §2.2.3).",
        "上面的邮件头字段在这里继续：长字段会折叠到以空格开头的行上（RFC 5322 §2.2.3）。",
    ))
}

/// A wrapped line.
pub(super) fn wrapped() -> Text {
    Text::from(Tr::new(
        "The rest of the line above: the terminal or a copy broke the long line in two.",
        "上一行的剩余部分：终端或复制时把长行断成了两行。",
    ))
}

/// An annotation after a client line (`   (base64 of …)`, ` //comment`), which was not sent.
pub(super) fn annotation(note: &str) -> Text {
    Text::new(
        format!("Annotation after the line, not sent: {note}"),
        format!("行尾注释，不是发送的内容：{note}"),
    )
}

/// A log line.
pub(super) fn log(log: &LogLine, reply_line: Option<&str>) -> Text {
    let program = &log.program;
    let user = log.user.as_deref().unwrap_or("");
    let event = match log.event {
        // A client's own failure that quotes no reply (msmtp's missing account, Nodemailer's
        // missing credentials): no server said anything.
        LogEvent::Reject if !log.server_side && log.code.is_none() && log.enhanced.is_none() => {
            Text::from(Tr::new(
                "the sending failed; no reply of a server is quoted here.",
                "发送失败；这里没有引用任何服务器的回复。",
            ))
        }
        LogEvent::Reject => Text::from(Tr::new(
            "the server refused a command or message.",
            "服务器拒绝了一条命令或一封邮件。",
        )),
        LogEvent::AuthFailed if !user.is_empty() => Text::new(
            format!("authentication failed for user {user}."),
            format!("用户 {user} 身份认证失败。"),
        ),
        LogEvent::AuthFailed => Text::from(Tr::new(
            "authentication failed.",
            "身份认证失败。",
        )),
        LogEvent::SaslauthdDown => Text::from(Tr::new(
            "the mail server cannot reach its SASL backend (saslauthd, or Dovecot's auth socket), which checks passwords: every AUTH fails until it runs.",
            "邮件服务器连不上它的 SASL 后端（saslauthd 或 Dovecot 的认证套接字），也就是负责校验密码的程序：在它恢复之前，所有 AUTH 都会失败。",
        )),
        LogEvent::AuthNotOffered => Text::from(Tr::new(
            "the client wanted to log in, but the server offers no AUTH on this connection.",
            "客户端想要登录，但服务器在这个连接上不提供 AUTH。",
        )),
        LogEvent::Unreachable => Text::from(Tr::new(
            "the next mail server could not be reached (no route, timeout, refused); the queue retries.",
            "连不上下一台邮件服务器（无路由、超时或被拒绝）；队列会重试。",
        )),
        LogEvent::TimedOut => Text::from(Tr::new(
            "the client gave up waiting for the server: no greeting or reply came before its timeout.",
            "客户端等服务器等到超时：在它的超时之前，没有收到问候或回复。",
        )),
        LogEvent::ClientLeft => Text::from(Tr::new(
            "a client left before the session ended (it closed the connection, fell silent, or made too many errors); the word after \"after\" is the last command the server got.",
            "有客户端在会话结束前离开了（关闭了连接、不再说话，或出错太多）；\"after\" 后面的词是服务器收到的最后一条命令。",
        )),
        LogEvent::Greylisted => Text::from(Tr::new(
            "greylisting deferred the mail; a real sending server retries later and gets through.",
            "灰名单暂缓了这封邮件；正规的发送服务器稍后会重试并成功投递。",
        )),
        LogEvent::Delivered => Text::from(Tr::new(
            "a message was accepted or delivered.",
            "一封邮件已被接受或投递。",
        )),
        LogEvent::Deferred => Text::from(Tr::new(
            "delivery was deferred; the queue retries later.",
            "投递被暂缓；队列稍后会重试。",
        )),
        LogEvent::Bounced => Text::from(Tr::new(
            "delivery failed for good; a bounce goes back to the sender.",
            "投递彻底失败；退信会发回给发件人。",
        )),
        LogEvent::Connect => Text::from(Tr::new("a client connected.", "有客户端连接。")),
        LogEvent::TlsFailed => Text::from(Tr::new(
            "the TLS handshake failed (the diagnosis says why: a certificate, TLS on the wrong port, no version in common).",
            "TLS 握手失败（诊断会说明原因：证书、端口与 TLS 方式不符、没有共同的协议版本）。",
        )),
        LogEvent::Info => Text::from(Tr::new(
            "a line of the program's log.",
            "该程序日志中的一行。",
        )),
    };
    let head = if log.server_side {
        Text::new(format!("{program} log:"), format!("{program} 日志："))
    } else {
        Text::new(
            format!("{program}'s own message:"),
            format!("{program} 自己的提示："),
        )
    };
    let mut text = head.join(&event);
    if let (Some(code), Some(line)) = (log.code, reply_line) {
        text = text.join(&Text::new("The reply it reports:", "其中的回复："));
        text = text.join(&reply(line, code));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_explanations_name_title_and_digits() {
        let t = reply("553 Mail from must equal authorized user", 553);
        assert!(
            t.en.starts_with("553 Requested action not taken"),
            "{}",
            t.en
        );
        assert!(
            t.en.contains("5yz Permanent Negative Completion"),
            "{}",
            t.en
        );
        assert!(t.zh.contains("永久"), "{}", t.zh);
        let t = reply("554 5.7.1 <x@y>: Relay access denied", 554);
        assert!(t.en.contains("5.7.1"), "{}", t.en);
        let t = reply("299 odd", 299);
        assert!(t.en.contains("299"), "{}", t.en);
    }

    #[test]
    fn ehlo_keywords() {
        assert!(ehlo_keyword("SIZE 10240000").en.contains("9.8 MiB"));
        assert!(ehlo_keyword("AUTH LOGIN PLAIN").en.contains("LOGIN PLAIN"));
        assert!(ehlo_keyword("AUTH=LOGIN PLAIN").en.contains("pre-standard"));
        assert!(ehlo_keyword(
            "coremail 1Uxr2xKj7kG0xkI17xGrU7I0s8FY2U3Uj8Cz28x1UUUUU7Ic2I0Y2UFdFM3xUCa0xDrUUUUj"
        )
        .zh
        .contains("Coremail"));
    }

    #[test]
    fn every_verb_has_both_languages() {
        for v in crate::smtp::command::VERBS {
            let tr = verb(v).expect("every verb is described");
            assert!(
                !tr.en.is_empty() && !tr.zh.is_empty() && tr.en != tr.zh,
                "{v}"
            );
        }
    }
}
