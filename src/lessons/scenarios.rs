//! Scenarios: the seeds' stories of things going wrong, and the classic failures around
//! them, as playable sessions. Each is a server (profile + policies + accounts), a story, a
//! goal, hints and a check. The check reads a [`Journal`] of what happened — the replies the
//! server gave, the messages it accepted, who authenticated, the learner's answer — so it
//! says "done" only when the learner really fixed the problem.

use crate::i18n::Tr;
use crate::sasl::{cram_md5, verify};
use crate::smtp::profile::Profile;
use crate::smtp::server::{Event, Server, ServerConfig, StoredMessage};
use crate::smtp::why::Situation;

/// Where the learner plays a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The console: raw commands.
    Console,
    /// The composer: the client settings and a message.
    Compose,
    /// The verifier: a captured exchange.
    Verify,
}

/// What happened in a scenario's session, as far as the checks need it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journal {
    /// Every reply's situation, in order.
    pub situations: Vec<Situation>,
    /// Every message the server accepted.
    pub stored: Vec<StoredMessage>,
    /// Whether the simulated TLS handshake happened.
    pub tls: bool,
    /// The user of the last successful AUTH.
    pub user: Option<String>,
    /// The learner's answer, for scenarios that ask a question.
    pub answer: Option<String>,
}

/// At most this many situations are kept (a journal of a long session stays small).
const MAX_SITUATIONS: usize = 5000;

impl Journal {
    /// Records what a call to [`Server::receive`] returned.
    pub fn record(&mut self, server: &Server, events: &[Event]) {
        for event in events {
            match event {
                Event::Reply(reply) => {
                    if self.situations.len() < MAX_SITUATIONS {
                        self.situations.push(reply.why.situation);
                    }
                    if reply.why.situation == Situation::AuthOk {
                        self.user = server.view().user;
                    }
                }
                Event::TlsStarted => self.tls = true,
                Event::Stored(index) => {
                    if let Some(message) = server.mailbox().get(*index) {
                        self.stored.push(message.clone());
                    }
                }
                Event::Closed => {}
            }
        }
    }

    /// Whether `situation` happened.
    pub fn saw(&self, situation: Situation) -> bool {
        self.situations.contains(&situation)
    }

    /// Whether `later` happened after the first `earlier`.
    pub fn saw_after(&self, earlier: Situation, later: Situation) -> bool {
        self.situations
            .iter()
            .position(|s| *s == earlier)
            .is_some_and(|at| self.situations[at..].contains(&later))
    }
}

/// One scenario.
#[derive(Debug)]
pub struct Scenario {
    /// Stable id, used in the page's address (`#/scenarios/sender-mismatch`).
    pub id: &'static str,
    /// Short title.
    pub title: Tr,
    /// The story: what the learner faces.
    pub story: Tr,
    /// What counts as done.
    pub goal: Tr,
    /// Hints, from gentle to giving it away.
    pub hints: &'static [Tr],
    /// What was wrong and the fix, shown when done.
    pub lesson: Tr,
    /// Where it is played.
    pub place: Place,
    /// The server's software.
    pub profile: Profile,
    configure: fn(&mut ServerConfig),
    check: fn(&Journal) -> bool,
}

impl Scenario {
    /// The scenario's server configuration.
    pub fn config(&self) -> ServerConfig {
        let mut config = ServerConfig::new(self.profile);
        (self.configure)(&mut config);
        config
    }

    /// Whether the journal shows the goal met.
    pub fn is_done(&self, journal: &Journal) -> bool {
        (self.check)(journal)
    }
}

/// The scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

fn local(config: &ServerConfig, address: &str) -> bool {
    let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
    config
        .local_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(domain))
}

/// A recipient that the message's headers do not show: a Bcc.
fn has_hidden_recipient(message: &StoredMessage) -> bool {
    let text = String::from_utf8_lossy(&message.data).to_ascii_lowercase();
    let headers = text.split("\r\n\r\n").next().unwrap_or("");
    // Header lines of To and Cc, unfolded.
    let unfolded = headers.replace("\r\n\t", " ").replace("\r\n ", " ");
    let visible: String = unfolded
        .lines()
        .filter(|l| l.starts_with("to:") || l.starts_with("cc:"))
        .collect::<Vec<_>>()
        .join(" ");
    message
        .recipients
        .iter()
        .any(|r| !visible.contains(&r.to_ascii_lowercase()))
}

/// The captured CRAM-MD5 exchange of scenario 12: RFC 2195's challenge, answered by a
/// client whose password had a trailing newline.
pub fn scenario12_exchange() -> (String, String) {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let challenge = b64.encode(cram_md5::RFC2195_CHALLENGE);
    let trace = cram_md5::client(
        "tim",
        "tanstaaftanstaaf\n",
        cram_md5::RFC2195_CHALLENGE.as_bytes(),
    );
    let response = trace.last().map(|s| s.text()).unwrap_or_default();
    (challenge, response)
}

/// The step the verifier names for scenario 12's exchange with the right password.
pub fn scenario12_answer() -> Option<&'static str> {
    let (challenge, response) = scenario12_exchange();
    match verify::verify(
        verify::Mechanism::CramMd5,
        &challenge,
        &response,
        Some("tanstaaftanstaaf"),
    ) {
        Ok(verify::Report {
            verdict: Some(verify::Verdict::Invalid(mistake)),
            ..
        }) => Some(mistake.first_step(verify::Mechanism::CramMd5)),
        _ => None,
    }
}

/// Bytes as text with their line ends shown: CR LF as `␍␊`, a bare LF as `␊`, a bare CR
/// as `␍`.
pub fn visible_line_ends(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace("\r\n", "\u{240D}\u{240A}")
        .replace('\n', "\u{240A}")
        .replace('\r', "\u{240D}")
}

/// The bytes the console's raw mode sends for `text`: a line break typed in the text area is CRLF, `\n`
/// written out is a bare LF, `\r` a bare CR and `\\` a backslash. The text ends with
/// CRLF unless it already ends with a line end of its own.
pub fn raw_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.peek() {
                Some('n') => {
                    chars.next();
                    out.push(b'\n');
                }
                Some('r') => {
                    chars.next();
                    out.push(b'\r');
                }
                Some('\\') => {
                    chars.next();
                    out.push(b'\\');
                }
                _ => out.push(b'\\'),
            },
            '\r' => {}
            '\n' => out.extend_from_slice(b"\r\n"),
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    if !out.ends_with(b"\n") && !out.ends_with(b"\r") {
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// Every scenario, in the order the page lists them.
pub static SCENARIOS: &[Scenario] = &[
    Scenario {
        id: "sender-mismatch",
        title: Tr::new("163.com: 553 Mail from must equal authorized user", "163.com：553 Mail from must equal authorized user（发件人必须与认证用户一致）"),
        story: Tr::new(
            "A wiki's notification mail never arrives. Its SMTP plugin logs in to smtp.163.com as sunnogo@163.com (password ARsanbbsql60595) and the server answers 553 to MAIL FROM. The plugin's settings are in front of you, as in the DokuWiki log.",
            "某个 wiki 的通知邮件始终发不出去。它的 SMTP 插件以 sunnogo@163.com（密码 ARsanbbsql60595）登录 smtp.163.com，服务器对 MAIL FROM 回复 553。插件的设置就在你面前，和 DokuWiki 日志中的一样。",
        ),
        goal: Tr::new("Get a message accepted by the 163.com server.", "让 163.com 服务器接受一封邮件。"),
        hints: &[
            Tr::new("Read the 553 line word by word: which address must equal which?", "逐字读 553 那一行：哪个地址必须等于哪个？"),
            Tr::new("The envelope sender is the plugin's mailfrom setting, not the login.", "信封发件人来自插件的 mailfrom 设置，而不是登录名。"),
            Tr::new("Set the sender address (mailfrom) to sunnogo@163.com and send again.", "把发件人地址（mailfrom）改成 sunnogo@163.com 再发送。"),
        ],
        lesson: Tr::new(
            "163.com (like many providers) only lets an account send as itself: MAIL FROM must be the address you authenticated as.",
            "163.com（和许多服务商一样）只允许账号以自己的名义发信：MAIL FROM 必须是认证时使用的地址。",
        ),
        place: Place::Compose,
        profile: Profile::Coremail163,
        configure: |c| {
            let accounts = ServerConfig::new(Profile::Coremail163).with_account("sunnogo@163.com", "ARsanbbsql60595");
            c.accounts = accounts.accounts;
            c.mailboxes = accounts.mailboxes;
            c.policies.deny_relay = false;
        },
        check: |j| {
            j.stored
                .iter()
                .any(|m| j.user.as_deref().is_some_and(|u| m.from.eq_ignore_ascii_case(u)))
        },
    },
    Scenario {
        id: "saslauthd-down",
        title: Tr::new("Sendmail: 535 though the password is right", "Sendmail：密码正确却 535"),
        story: Tr::new(
            "Users of this Sendmail server cannot authenticate: every AUTH LOGIN ends in 535 5.7.0 authentication failed, even with the right password (carven / carven123). The admin in the story spent an afternoon on it.",
            "这台 Sendmail 服务器的用户都无法认证：每次 AUTH LOGIN 都以 535 5.7.0 authentication failed 结束，即使密码正确（carven / carven123）。故事里的管理员为此折腾了一下午。",
        ),
        goal: Tr::new("Authenticate successfully as carven.", "以 carven 成功认证。"),
        hints: &[
            Tr::new("Click the 535 reply: what does the server check the password with?", "点击 535 回复：服务器用什么来验证密码？"),
            Tr::new("/usr/lib/sasl2/Sendmail.conf says pwcheck_method: saslauthd. Is saslauthd running?", "/usr/lib/sasl2/Sendmail.conf 写着 pwcheck_method: saslauthd。saslauthd 在运行吗？"),
            Tr::new("Start saslauthd (the switch on this page), then AUTH LOGIN again.", "启动 saslauthd（本页上的开关），然后再次 AUTH LOGIN。"),
        ],
        lesson: Tr::new(
            "A 535 does not always mean a wrong password: the server may be unable to check any password because its SASL daemon is down. Look at the server side before resetting passwords.",
            "535 并不总是密码错误：服务器的 SASL 守护进程没运行时，它根本无法验证任何密码。重置密码之前，先检查服务器端。",
        ),
        place: Place::Console,
        profile: Profile::Sendmail,
        configure: |c| {
            let with = ServerConfig::new(Profile::Sendmail).with_account("carven", "carven123");
            c.accounts = with.accounts;
            c.mailboxes = with.mailboxes;
            c.policies.sasl_daemon_down = true;
        },
        check: |j| j.saw_after(Situation::AuthBackendDown, Situation::AuthOk),
    },
    Scenario {
        id: "telnet-typo",
        title: Tr::new("A telnet session with a typo", "带拼写错误的 telnet 会话"),
        story: Tr::new(
            "The admin's telnet session: HELO, MAIL FROM:lily@tdcsw.com, then RCPR TO:sam@163.com — and the server says 500. Replay it and deliver the message to sam@163.com.",
            "管理员的 telnet 会话：HELO，MAIL FROM:lily@tdcsw.com，然后 RCPR TO:sam@163.com——服务器回复 500。重放这个会话，把邮件投递给 sam@163.com。",
        ),
        goal: Tr::new("Get a message to sam@163.com accepted.", "让发给 sam@163.com 的邮件被接受。"),
        hints: &[
            Tr::new("Click the 500 reply: the server suggests a command.", "点击 500 回复：服务器给出了建议的命令。"),
            Tr::new("RCPT, not RCPR. Then DATA, the message, and a lone dot.", "是 RCPT，不是 RCPR。然后 DATA、邮件内容和单独一个点。"),
        ],
        lesson: Tr::new(
            "500 means the server did not recognise the command at all: check the spelling before anything else.",
            "500 表示服务器根本不认识这个命令：首先检查拼写。",
        ),
        place: Place::Console,
        profile: Profile::Sendmail,
        configure: |c| {
            c.hostname = "tdcsw.com".into();
            c.policies.deny_relay = false;
        },
        check: |j| {
            j.stored
                .iter()
                .any(|m| m.recipients.iter().any(|r| r.eq_ignore_ascii_case("sam@163.com")))
        },
    },
    Scenario {
        id: "bad-sequence",
        title: Tr::new("Out of order: 503 for RCPT before MAIL, 554 for DATA before RCPT", "顺序错了：MAIL 之前 RCPT 得到 503，RCPT 之前 DATA 得到 554"),
        story: Tr::new(
            "A hand-written client sends RCPT TO first and gets 503 5.5.1 (bad sequence of commands). Fixed to send MAIL FROM first, it then sends DATA before any recipient was accepted — and this server, like real Postfix, answers 554 5.5.1 Error: no valid recipients rather than RFC 5321's 503: Postfix treats it as a transaction that has nobody to deliver to, a permanent failure of that transaction, not as a command out of order. Find the order the server wants and send a message from alice@example.com to bob@example.com.",
            "一个手写的客户端先发送 RCPT TO，得到 503 5.5.1（命令顺序错误）。改成先发 MAIL FROM 之后，它又在还没有任何收件人被接受时发送 DATA——这台服务器和真实的 Postfix 一样，回复 554 5.5.1 Error: no valid recipients，而不是 RFC 5321 的 503：Postfix 把它看作一个没有投递对象的事务（该事务的永久失败），而不是命令顺序错误。找出服务器要求的顺序，从 alice@example.com 给 bob@example.com 发一封邮件。",
        ),
        goal: Tr::new("Get a message accepted, whatever 503 or 554 you meet on the way.", "让一封邮件被接受，无论途中遇到 503 还是 554。"),
        hints: &[
            Tr::new("The status line says what the server expects next.", "状态栏显示服务器接下来期待什么。"),
            Tr::new("EHLO, MAIL FROM, RCPT TO, DATA — in that order.", "EHLO、MAIL FROM、RCPT TO、DATA——按这个顺序。"),
        ],
        lesson: Tr::new(
            "A transaction is MAIL, then one or more RCPT, then DATA (RFC 5321 §4.1.4). RFC 5321 answers a missing step with 503; Postfix does so for RCPT before MAIL, but answers DATA without an accepted recipient with 554 5.5.1 (no valid recipients) — read the enhanced code 5.5.1 (a protocol error) as much as the three digits.",
            "一个事务是 MAIL，然后一个或多个 RCPT，然后 DATA（RFC 5321 §4.1.4）。RFC 5321 对缺少的步骤回复 503；Postfix 对 MAIL 之前的 RCPT 也是 503，但对没有被接受的收件人就发 DATA 回复 554 5.5.1（no valid recipients）——增强状态码 5.5.1（协议错误）和三位代码一样值得细读。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |_| {},
        check: |j| !j.stored.is_empty(),
    },
    Scenario {
        id: "where-did-bcc-go",
        title: Tr::new("Where did the Bcc go?", "Bcc 去哪儿了？"),
        story: Tr::new(
            "The admin who wrote the notes found no \"RCPT CC\" or \"RCPT BCC\" command. Send one message to bob@example.com with a blind copy to carol@example.com, then look at the accepted message: where is carol?",
            "写这份笔记的管理员找不到 \"RCPT CC\" 或 \"RCPT BCC\" 命令。发一封给 bob@example.com 的邮件，并密送给 carol@example.com，然后查看被接受的邮件：carol 在哪里？",
        ),
        goal: Tr::new("Deliver a message with a recipient who appears in no header.", "投递一封邮件，其中某个收件人不出现在任何邮件头中。"),
        hints: &[
            Tr::new("Every recipient, To, Cc or Bcc, gets its own RCPT TO.", "每个收件人，无论 To、Cc 还是 Bcc，都有自己的 RCPT TO。"),
            Tr::new("Put carol in the envelope (RCPT TO) but not in the To: or Cc: header.", "把 carol 放进信封（RCPT TO），但不要写进 To: 或 Cc: 头。"),
        ],
        lesson: Tr::new(
            "Bcc recipients exist only in the envelope: the server delivers to every RCPT TO; the headers are just text the recipients read.",
            "Bcc 收件人只存在于信封中：服务器向每个 RCPT TO 投递；邮件头只是收件人看到的文本。",
        ),
        place: Place::Compose,
        profile: Profile::Postfix,
        configure: |_| {},
        check: |j| j.stored.iter().any(has_hidden_recipient),
    },
    Scenario {
        id: "starttls-first",
        title: Tr::new("No AUTH in clear: STARTTLS first", "明文中没有 AUTH：先 STARTTLS"),
        story: Tr::new(
            "This server (Postfix with smtpd_tls_auth_only) refuses to see a password in clear text: before TLS it does not even offer AUTH. Authenticate as alice@example.com (password secret).",
            "这台服务器（启用了 smtpd_tls_auth_only 的 Postfix）拒绝明文传输密码：TLS 之前它根本不提供 AUTH。请以 alice@example.com（密码 secret）认证。",
        ),
        goal: Tr::new("Authenticate after the (simulated) TLS handshake.", "在（模拟的）TLS 握手之后完成认证。"),
        hints: &[
            Tr::new("Read the EHLO reply: which keyword that you need is missing, and which one is offered instead?", "读一读 EHLO 的回复：你需要的哪个关键字不见了？提供的又是哪个？"),
            Tr::new("An AUTH now gets 504 5.5.4 \"Encryption required for requested authentication mechanism\": the server wants TLS first.", "现在发送 AUTH 会得到 504 5.5.4 \"Encryption required for requested authentication mechanism\"：服务器要求先启用 TLS。"),
            Tr::new("STARTTLS, then EHLO again (the server forgets everything; now AUTH is listed), then AUTH.", "STARTTLS，然后重新 EHLO（服务器会忘记之前的一切；这时 AUTH 才会列出），再 AUTH。"),
        ],
        lesson: Tr::new(
            "After STARTTLS the session starts over (RFC 3207 §4.2): EHLO again, and only then AUTH. Postfix with smtpd_tls_auth_only hides AUTH until TLS and answers an early AUTH with 504 5.5.4; RFC 4954 §6 names 538 5.7.11 for it, and other servers say \"530 Must issue a STARTTLS command first\".",
            "STARTTLS 之后会话重新开始（RFC 3207 §4.2）：重新 EHLO，然后才能 AUTH。启用 smtpd_tls_auth_only 的 Postfix 在 TLS 之前隐藏 AUTH，对过早的 AUTH 回答 504 5.5.4；RFC 4954 §6 为此规定的是 538 5.7.11，其他服务器则回答 \"530 Must issue a STARTTLS command first\"。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |c| {
            let with = ServerConfig::new(Profile::Postfix).with_account("alice@example.com", "secret");
            c.accounts = with.accounts;
            c.mailboxes = with.mailboxes;
            c.policies.tls_before_auth = true;
        },
        check: |j| j.tls && j.saw_after(Situation::TlsReady, Situation::AuthOk),
    },
    Scenario {
        id: "too-big",
        title: Tr::new("552: message too big", "552：邮件太大"),
        story: Tr::new(
            "This server takes messages of at most 2000 octets (see SIZE in its EHLO reply). A large message bounces with 552.",
            "这台服务器最多接受 2000 字节的邮件（见 EHLO 回复中的 SIZE）。大邮件会被 552 退回。",
        ),
        goal: Tr::new("Get a message accepted within the limit.", "让一封不超过限制的邮件被接受。"),
        hints: &[
            Tr::new("EHLO's SIZE line tells the limit; MAIL FROM ... SIZE=n announces yours.", "EHLO 的 SIZE 行给出上限；MAIL FROM ... SIZE=n 声明你的大小。"),
            Tr::new("Send a shorter message.", "发送一封更短的邮件。"),
        ],
        lesson: Tr::new(
            "With SIZE (RFC 1870) a client learns the limit before sending and can be refused at MAIL, instead of after uploading everything.",
            "有了 SIZE（RFC 1870），客户端在发送前就知道上限，可以在 MAIL 阶段就被拒绝，而不是上传完才被拒。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |c| c.policies.max_message_size = 2000,
        check: |j| !j.stored.is_empty(),
    },
    Scenario {
        id: "partial-delivery",
        title: Tr::new("550 5.1.1 among good recipients", "正常的收件人中夹着一个 550 5.1.1"),
        story: Tr::new(
            "You send to bob@example.com, nobody@example.com and carol@example.com. One of them does not exist here.",
            "你给 bob@example.com、nobody@example.com 和 carol@example.com 发信。其中一个在这里不存在。",
        ),
        goal: Tr::new("Deliver the message to the recipients that exist, after a refused one.", "在有收件人被拒绝之后，把邮件投递给存在的收件人。"),
        hints: &[
            Tr::new("A refused RCPT does not end the transaction.", "某个 RCPT 被拒绝并不会结束事务。"),
            Tr::new("Go on with DATA: the message goes to the accepted recipients.", "继续 DATA：邮件会发给已被接受的收件人。"),
        ],
        lesson: Tr::new(
            "Each RCPT is answered on its own; DATA delivers to those accepted, and the sender is told about the others.",
            "每个 RCPT 单独响应；DATA 只投递给被接受的收件人，发件人会得知其余收件人被拒绝。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |c| {
            c.mailboxes = vec!["bob@example.com".into(), "carol@example.com".into(), "alice@example.com".into()];
            c.policies.known_mailboxes_only = true;
        },
        check: |j| j.saw(Situation::UnknownUser) && !j.stored.is_empty(),
    },
    Scenario {
        id: "greylisting",
        title: Tr::new("Greylisting: 450, then accepted", "灰名单：先 450，然后接受"),
        story: Tr::new(
            "Mail from a new sender is deferred with 450 by this server's greylisting (its reply names postgrey). The wait is simulated: a real postgrey accepts the retry only after a delay (300 seconds by default) — here a retry is accepted at once.",
            "这台服务器的灰名单会用 450 暂缓新发件人的邮件（回复中提到 postgrey）。等待是模拟的：真实的 postgrey 要过一段时间（默认 300 秒）才接受重试——这里重试会立即被接受。",
        ),
        goal: Tr::new("Get the deferred message accepted.", "让被暂缓的邮件被接受。"),
        hints: &[
            Tr::new("4xx means: not now, try again.", "4xx 的意思是：现在不行，稍后再试。"),
            Tr::new("Send the same RCPT TO again (in real life, after the delay; here at once).", "再发送一次同样的 RCPT TO（现实中要等一段时间；这里可以马上重试）。"),
        ],
        lesson: Tr::new(
            "A 4xx is temporary: real servers queue the message and retry; greylisting relies on that.",
            "4xx 是暂时的：真正的服务器会把邮件放入队列并重试；灰名单正是依赖这一点。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |c| c.policies.greylist = true,
        check: |j| j.saw_after(Situation::Greylisted, Situation::Queued),
    },
    Scenario {
        id: "relay-denied",
        title: Tr::new("554 5.7.1 Relay access denied", "554 5.7.1 Relay access denied（拒绝中继）"),
        story: Tr::new(
            "You use this server to send to someone@elsewhere.test and get 554. Your account is alice@example.com (password secret).",
            "你用这台服务器给 someone@elsewhere.test 发信，得到 554。你的账号是 alice@example.com（密码 secret）。",
        ),
        goal: Tr::new("Deliver a message to an outside domain.", "把邮件投递到外部域。"),
        hints: &[
            Tr::new("A server relays for other domains only for clients it knows.", "服务器只为它认识的客户端中继到其他域。"),
            Tr::new("AUTH first, then MAIL FROM and RCPT TO.", "先 AUTH，然后 MAIL FROM 和 RCPT TO。"),
        ],
        lesson: Tr::new(
            "An unauthenticated client may only send to the server's own domains; authenticate to relay.",
            "未认证的客户端只能发往服务器自己的域；要中继就得先认证。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |c| {
            let with = ServerConfig::new(Profile::Postfix).with_account("alice@example.com", "secret");
            c.accounts = with.accounts;
            c.mailboxes = with.mailboxes;
        },
        check: |j| {
            let config = ServerConfig::new(Profile::Postfix);
            j.stored
                .iter()
                .any(|m| m.recipients.iter().any(|r| !local(&config, r)))
        },
    },
    Scenario {
        id: "line-too-long",
        title: Tr::new("Line too long, bare LF", "行太长、裸 LF"),
        story: Tr::new(
            "A program writes a whole paragraph as one 1200-character line, and ends lines with a bare LF. This Exim server refuses both: a line longer than RFC 5321 allows, and a line ending that is not CRLF. (To send a bare LF, switch on “Send raw bytes” under the console.)",
            "某个程序把一整段写成一行 1200 个字符，并且行尾只用裸 LF。这台 Exim 服务器两者都拒绝：超过 RFC 5321 允许长度的行，以及不是 CRLF 的行尾。（要发送裸 LF，请打开控制台下方的“发送原始字节”。）",
        ),
        goal: Tr::new("Get a message accepted after a refused one.", "在一封被拒绝之后，让一封邮件被接受。"),
        hints: &[
            Tr::new("Click the 550: what did the server count, and against which limit?", "点击 550：服务器统计了什么，对照的是哪个上限？"),
            Tr::new("Exim says 998 octets and counts the line without its CRLF; RFC 5321 says 1000 with the CRLF: the same limit (a 1200-character line is 1202 octets with CRLF). Exim refuses with a bare 550, whose reference title speaks of a mailbox because RFC 5321 gives 550 to any refused action.", "Exim 说 998 字节，统计时不含 CRLF；RFC 5321 说 1000 字节，含 CRLF：是同一个上限（1200 个字符的行加上 CRLF 是 1202 字节）。Exim 用不带增强状态码的 550 拒绝；参考页上 550 的标题说的是邮箱，因为 RFC 5321 把 550 用于任何被拒绝的操作。"),
            Tr::new("Break the paragraph into lines shorter than 998 characters (or encode it quoted-printable) and send the message again.", "把这段拆成短于 998 个字符的行（或用 quoted-printable 编码），再发送一次。"),
        ],
        lesson: Tr::new(
            "RFC 5321 §4.5.3.1.6 limits text lines to 1000 octets including CRLF (Exim's 998 counts them without it) and §2.3.8 wants CRLF; MIME encodings exist for long lines.",
            "RFC 5321 §4.5.3.1.6 规定文本行不超过 1000 字节（含 CRLF；Exim 所说的 998 不含 CRLF），§2.3.8 要求 CRLF；长行应使用 MIME 编码。",
        ),
        place: Place::Console,
        profile: Profile::Exim,
        configure: |c| c.policies.reject_bare_lf = true,
        check: |j| {
            (j.saw(Situation::TextLineTooLong) || j.saw(Situation::BareLf)) && !j.stored.is_empty()
        },
    },
    Scenario {
        id: "cram-md5-which-step",
        title: Tr::new("CRAM-MD5: which step differs?", "CRAM-MD5：哪一步不一样？"),
        story: Tr::new(
            "A client's CRAM-MD5 response is refused although the user swears the password tanstaaftanstaaf is right. The captured exchange is in the verifier.",
            "某客户端的 CRAM-MD5 响应被拒绝，但用户坚称密码 tanstaaftanstaaf 是对的。捕获的交换已放在验证页面中。",
        ),
        goal: Tr::new("Name the first step of the computation that went wrong.", "指出计算过程中第一个出错的步骤。"),
        hints: &[
            Tr::new("Verify it with the password: the verifier recomputes every step.", "带上密码验证：验证器会重新计算每一步。"),
            Tr::new("Look closely at the key the client used.", "仔细看客户端使用的密钥。"),
        ],
        lesson: Tr::new(
            "The password had a trailing newline (echo without -n): the HMAC key differs from the first step, so every later value differs too.",
            "密码末尾多了换行符（echo 没有加 -n）：HMAC 的密钥从第一步就不同，之后的每个值也都不同。",
        ),
        place: Place::Verify,
        profile: Profile::Postfix,
        configure: |_| {},
        check: |j| {
            j.answer
                .as_deref()
                .zip(scenario12_answer())
                .is_some_and(|(a, want)| a.trim().eq_ignore_ascii_case(want))
        },
    },
    Scenario {
        id: "smtp-smuggling",
        title: Tr::new("SMTP smuggling: a second message hidden in the first", "SMTP 走私：藏在第一封邮件里的第二封"),
        story: Tr::new(
            "Your outbound relay passes message text on byte for byte, bare LFs included. Is this Postfix, configured as Debian 12 ships it, fooled by a dot between bare LFs? Switch on “Send raw bytes” under the console (\\n sends a bare LF) and, in one message, end the text with \\n.\\n followed by a whole second transaction from ceo@example.com to bob@example.com.",
            "你的发信中继会把邮件正文逐字节转发，连裸 LF 也原样保留。这台按 Debian 12 默认配置运行的 Postfix 会不会把两个裸 LF 之间的点当成结束符？打开控制台下方的“发送原始字节”（\\n 表示裸 LF），在一封邮件中用 \\n.\\n 结束正文，后面紧跟一整段从 ceo@example.com 发给 bob@example.com 的第二个事务。",
        ),
        goal: Tr::new("Get a second message accepted out of the text of one DATA.", "让服务器从一次 DATA 的正文里接受第二封邮件。"),
        hints: &[
            Tr::new("RFC 5321 ends the text with <CR><LF>.<CR><LF>. Which other line ends does this server take?", "RFC 5321 规定正文以 <CR><LF>.<CR><LF> 结束。这台服务器还接受哪些行尾？"),
            Tr::new("After DATA and its 354, send in one go: Subject: hi, an empty line, some text, then \\n.\\n and MAIL FROM, RCPT TO, DATA, a short text and a lone dot, each line ended normally.", "在 DATA 及其 354 之后一次性发送：Subject: hi、一个空行、一些正文，然后是 \\n.\\n，再接 MAIL FROM、RCPT TO、DATA、一段短正文和单独一行的点，这些行都正常结尾。"),
            Tr::new("Two 250 queued replies to one message's text: click the first and read why it is marked.", "一封邮件的正文换来两个 250 queued：点击第一个，看看它为什么被标记。"),
        ],
        lesson: Tr::new(
            "Postfix 3.7 as Debian 12 ships it ends DATA at <LF>.<LF>, <CR><LF>.<LF> and <LF>.<CR><LF> (recorded), so text an outbound server passed on as one message becomes two here, the second under any sender the attacker likes. The fix: the receiving server ends data only at <CR><LF>.<CR><LF> or refuses bare LFs (Postfix's smtpd_forbid_bare_newline, answering 521), and the sending server never passes a bare LF on.",
            "Debian 12 自带的 Postfix 3.7 在 <LF>.<LF>、<CR><LF>.<LF> 和 <LF>.<CR><LF> 处都会结束 DATA（已实测录制），于是发信服务器当作一封邮件转发的正文，在这里变成了两封，第二封的发件人由攻击者随意填写。修复办法：收信服务器只在 <CR><LF>.<CR><LF> 处结束数据，或拒绝裸 LF（Postfix 的 smtpd_forbid_bare_newline，回复 521）；发信服务器也绝不转发裸 LF。",
        ),
        place: Place::Console,
        profile: Profile::Postfix,
        configure: |_| {},
        check: |j| j.saw_after(Situation::QueuedAtBareLf, Situation::Queued),
    },
];
