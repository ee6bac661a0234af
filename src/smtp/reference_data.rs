//! The reference tables. Facts from the RFCs and from real servers' replies; texts written
//! for learners, in English and Simplified Chinese.
//!
//! Keep `REPLY_CODES` ascending by code and `ENHANCED_CODES` ascending by
//! (subject, detail): the tests check it, and the page lists them in this order.
//!
//! Example replies are copied verbatim from real servers (Postfix, Sendmail, Exim, Gmail,
//! 163.com's Coremail); only host names, addresses and queue IDs are placeholders
//! (`example.com`, `192.0.2.1`). Provider wording quoted inside a text says where it was
//! published (Gmail's SMTP error list, NetEase's list of bounce codes).
//!
//! `ENHANCED_CODES` covers IANA's "SMTP Enhanced Status Codes" registry completely: each
//! code of `tests/fixtures/enhanced-status-codes.tsv` (the registry transcribed, with the
//! RFC and section of each row) has an entry, and `tests/reference_data.rs` checks it.

use super::{EnhancedInfo, ProviderNote, ProviderTag, ReplyInfo};
use crate::i18n::Tr;

/// A detail the registry describes for every class.
const ANY_CLASS: &[u8] = &[2, 4, 5];
/// "Useful only as a permanent error" (RFC 3463), or "5XX" in the registry.
const PERMANENT: &[u8] = &[5];
/// "Useful only as a persistent transient error" (RFC 3463).
const TRANSIENT: &[u8] = &[4];
/// "Permanent or persistent transient" (RFC 3463 and later registrations).
const FAILURE: &[u8] = &[4, 5];
/// Reports a success (a positive delivery report, or a message accepted).
const SUCCESS: &[u8] = &[2];

/// Every reply code the reference explains, ascending.
pub static REPLY_CODES: &[ReplyInfo] = &[
    ReplyInfo {
        code: 211,
        title: Tr::new("System status, or system help reply", "系统状态或系统帮助回复"),
        when: Tr::new(
            "A reply to a request for the server's status or for help. It is rare in practice: most servers answer HELP with 214 and never send 211.",
            "对查询服务器状态或请求帮助的回复。实际中很少见：大多数服务器用 214 回答 HELP，从不发送 211。",
        ),
        action: Tr::new(
            "Nothing to fix: the text is meant for a human to read.",
            "无需处理：其中的文字是给人看的。",
        ),
        enhanced: &[],
        examples: &[],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 214,
        title: Tr::new("Help message", "帮助信息"),
        when: Tr::new(
            "The answer to HELP: text for a human, usually several lines (each 214- line continues, the last one starts with \"214 \"). Sendmail prints its help file this way, ending with \"214 2.0.0 End of HELP info\"; Postfix does not implement HELP and answers 502.",
            "对 HELP 命令的回答：写给人看的说明，通常有多行（以 214- 开头的行表示未完，最后一行以 \"214 \" 开头）。Sendmail 会这样输出帮助文件，并以 \"214 2.0.0 End of HELP info\" 结束；Postfix 没有实现 HELP，会回复 502。",
        ),
        action: Tr::new(
            "Read it; nothing needs fixing. Programs should not parse the text, which differs from server to server.",
            "阅读即可，无需处理。程序不应解析这段文字，因为各服务器的内容各不相同。",
        ),
        enhanced: &["2.0.0"],
        examples: &["214-2.0.0 This is sendmail", "214 2.0.0 End of HELP info"],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 220,
        title: Tr::new("<domain> Service ready", "<domain> 服务就绪"),
        when: Tr::new(
            "The greeting a server sends as soon as the connection opens, naming itself and often its software (Postfix: \"220 mail.example.com ESMTP Postfix\"); the client must wait for it before sending EHLO. It is also the answer to STARTTLS, \"220 2.0.0 Ready to start TLS\", after which the TLS handshake begins.",
            "连接一建立，服务器就发送这条问候语，报出自己的主机名，往往还有软件名称（Postfix：\"220 mail.example.com ESMTP Postfix\"）；客户端必须等它到达后再发送 EHLO。它也是对 STARTTLS 的回答 \"220 2.0.0 Ready to start TLS\"，随后开始 TLS 握手。",
        ),
        action: Tr::new(
            "Send EHLO (or HELO) with your own host name. After a 220 to STARTTLS, do the TLS handshake and then send EHLO again: the server forgets everything said before TLS.",
            "发送 EHLO（或 HELO），后面跟上自己的主机名。如果 220 是对 STARTTLS 的回答，先完成 TLS 握手，再重新发送 EHLO：服务器会忘掉 TLS 之前的全部对话。",
        ),
        enhanced: &["2.0.0"],
        examples: &[
            "220 163.com Anti-spam GT for Coremail System (163com[20141201])",
            "220 mail.example.com ESMTP Sendmail 8.13.8/8.13.8; Mon, 1 Jun 2015 10:00:00 +0800",
            "220 2.0.0 Ready to start TLS",
        ],
        source: "RFC 5321 §4.2.2; RFC 3207 §4",
    },
    ReplyInfo {
        code: 221,
        title: Tr::new(
            "<domain> Service closing transmission channel",
            "<domain> 服务正在关闭传输通道",
        ),
        when: Tr::new(
            "The answer to QUIT: the server says goodbye and closes the connection. Postfix says \"221 2.0.0 Bye\", Sendmail \"221 2.0.0 <host> closing connection\".",
            "对 QUIT 的回答：服务器道别并关闭连接。Postfix 回复 \"221 2.0.0 Bye\"，Sendmail 回复 \"221 2.0.0 <主机名> closing connection\"。",
        ),
        action: Tr::new(
            "Nothing to do but close your side too. A message accepted with 250 before QUIT is already on its way.",
            "无需处理，关闭自己这一端的连接即可。QUIT 之前已经得到 250 的邮件已在投递途中。",
        ),
        enhanced: &["2.0.0"],
        examples: &["221 2.0.0 Bye", "221 2.0.0 mail.example.com closing connection"],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 235,
        title: Tr::new("Authentication succeeded", "认证成功"),
        when: Tr::new(
            "The AUTH exchange finished and the server accepted the credentials (RFC 4954). From now on the session acts as that account, and the server usually lets it relay mail to other domains.",
            "AUTH 交换已完成，服务器接受了凭据（RFC 4954）。此后本次会话就以该账号的身份进行，服务器通常也允许它向其他域中继邮件。",
        ),
        action: Tr::new(
            "Go on with MAIL FROM, using the address of the account you just logged in as: many servers (163.com, Postfix with sender login checks) reject any other sender.",
            "接着发送 MAIL FROM，并使用刚才登录账号的地址：很多服务器（如 163.com、开启了发件人登录检查的 Postfix）会拒绝其他发件人地址。",
        ),
        enhanced: &["2.7.0", "2.0.0"],
        examples: &[
            "235 2.7.0 Authentication successful",
            "235 2.0.0 OK Authenticated",
            "235 2.7.0 Accepted",
        ],
        source: "RFC 4954 §6",
    },
    ReplyInfo {
        code: 250,
        title: Tr::new("Requested mail action okay, completed", "请求的邮件操作已完成"),
        when: Tr::new(
            "The everyday success reply: to EHLO (whose multi-line 250 lists the extensions, such as 250-STARTTLS and 250-AUTH), to MAIL FROM, RCPT TO, RSET and NOOP. After the final \".\" of DATA it means the server has taken responsibility for delivering the message.",
            "最常见的成功回复：用于回答 EHLO（多行的 250 回复列出服务器支持的扩展，如 250-STARTTLS、250-AUTH）以及 MAIL FROM、RCPT TO、RSET 和 NOOP。在 DATA 结尾的 \".\" 之后收到 250，表示服务器已承担起投递这封邮件的责任。",
        ),
        action: Tr::new(
            "Send the next command. The 250 after DATA is the one that counts: note its queue ID (\"queued as ...\") to trace the message in the server's log.",
            "继续发送下一条命令。DATA 之后的 250 最关键：记下其中的队列号（\"queued as ...\"），以便在服务器日志中追踪这封邮件。",
        ),
        enhanced: &["2.0.0", "2.1.0", "2.1.5"],
        examples: &[
            "250 2.1.0 Ok",
            "250 2.1.5 <bob@example.com>... Recipient ok",
            "250 2.0.0 Ok: queued as 4C6D21234",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 251,
        title: Tr::new(
            "User not local; will forward to <forward-path>",
            "用户不在本地；将转发至 <forward-path>",
        ),
        when: Tr::new(
            "The recipient is not handled here, but the server knows the new address and will forward the message itself. Rare today: servers usually forward silently and answer 250.",
            "收件人不归本服务器管理，但服务器知道其新地址，会自行转发这封邮件。如今很少见：服务器通常默默转发，直接回复 250。",
        ),
        action: Tr::new(
            "Nothing to fix: the message will be delivered. You may update your address book with the new address.",
            "无需处理：邮件会被送达。可以把通讯录里的地址改成新地址。",
        ),
        enhanced: &["2.1.5"],
        examples: &[],
        source: "RFC 5321 §4.2.2, §3.4",
    },
    ReplyInfo {
        code: 252,
        title: Tr::new(
            "Cannot VRFY user, but will accept message and attempt delivery",
            "无法验证用户，但会接受邮件并尝试投递",
        ),
        when: Tr::new(
            "The answer to VRFY from a server that will not reveal whether a mailbox exists (to stop spammers from harvesting addresses) but does not want to say it does not. Gmail answers every VRFY this way (\"Send some mail, I'll try my best\"). RFC 5321 §7.3 makes it the rule: a server that disables VRFY for security MUST answer 252, not a code that reads as a failed (or successful) verification.",
            "服务器不愿透露邮箱是否存在（以防垃圾邮件发送者收集地址），又不想说它不存在时，就用 252 回答 VRFY。Gmail 对所有 VRFY 都这样回答（\"Send some mail, I'll try my best\"）。RFC 5321 §7.3 把这定为规则：出于安全原因禁用 VRFY 的服务器必须回答 252，而不是一个会被理解为验证失败（或成功）的代码。",
        ),
        action: Tr::new(
            "Do not take it as proof that the address exists: the real test is RCPT TO, and even an accepted recipient may bounce later.",
            "不要把它当作地址存在的证明：真正的检验是 RCPT TO，而即使 RCPT TO 被接受，之后仍可能退信。",
        ),
        enhanced: &["2.1.5"],
        examples: &[],
        source: "RFC 5321 §4.2.2, §3.5.3, §7.3",
    },
    ReplyInfo {
        code: 334,
        title: Tr::new("Server challenge (AUTH continues)", "服务器质询（AUTH 继续进行）"),
        when: Tr::new(
            "During AUTH the server sends a base64 challenge and waits for the client's base64 answer (RFC 4954). With AUTH LOGIN, \"334 VXNlcm5hbWU6\" is base64 for \"Username:\" and \"334 UGFzc3dvcmQ6\" for \"Password:\"; an empty \"334 \" after AUTH PLAIN asks for the credentials.",
            "在 AUTH 过程中，服务器发出 base64 编码的质询，等待客户端用 base64 回答（RFC 4954）。使用 AUTH LOGIN 时，\"334 VXNlcm5hbWU6\" 解码后是 \"Username:\"，\"334 UGFzc3dvcmQ6\" 解码后是 \"Password:\"；AUTH PLAIN 之后的空质询 \"334 \" 表示请客户端发送凭据。",
        ),
        action: Tr::new(
            "Answer with one base64 line: for LOGIN the user name, then the password. A line holding only \"*\" cancels the exchange, and the server replies 501.",
            "用一行 base64 回答：LOGIN 机制先发用户名，再发密码。只发送一个 \"*\" 可以取消认证，服务器会回复 501。",
        ),
        enhanced: &[],
        examples: &["334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6"],
        source: "RFC 4954 §4",
    },
    ReplyInfo {
        code: 353,
        title: Tr::new(
            "PRDR: content analysis beginning",
            "PRDR：开始分析邮件内容",
        ),
        when: Tr::new(
            "Only with PRDR (Per-Recipient Data Response), an extension Exim offers: when MAIL FROM carried PRDR, the end of the message is answered first with 353, then one reply per recipient (250 or a refusal), then the final reply for the message. No RFC defines PRDR or 353; it is an Internet-Draft (draft-hall-prdr-00) that Exim implements. Exim words it \"353 PRDR content analysis beginning\".",
            "只在 PRDR（逐收件人数据响应）扩展中出现，Exim 提供这个扩展：如果 MAIL FROM 带了 PRDR，邮件结束时服务器先回复 353，然后对每个收件人各回复一次（250 或拒绝），最后再回复整封邮件的结果。PRDR 和 353 都没有 RFC 定义；它来自互联网草案 draft-hall-prdr-00，Exim 实现了它。Exim 的原话是 \"353 PRDR content analysis beginning\"。",
        ),
        action: Tr::new(
            "Nothing to send: read the per-recipient replies that follow, then the final one. A client that did not ask for PRDR never sees 353.",
            "无需发送任何内容：接着读取每个收件人的回复，再读取最后的回复。没有请求 PRDR 的客户端不会收到 353。",
        ),
        enhanced: &[],
        examples: &["353 PRDR content analysis beginning"],
        source: "none (draft-hall-prdr-00, an Internet-Draft; Exim implements it)",
    },
    ReplyInfo {
        code: 354,
        title: Tr::new(
            "Start mail input; end with <CRLF>.<CRLF>",
            "开始输入邮件；以 <CRLF>.<CRLF> 结束",
        ),
        when: Tr::new(
            "The answer to DATA once at least one recipient was accepted: the server now reads the message itself (headers, a blank line, the body) until a line holding only a dot. Sendmail says \"Enter mail, end with \".\" on a line by itself\", Postfix \"End data with <CR><LF>.<CR><LF>\".",
            "至少有一个收件人被接受后，服务器用 354 回答 DATA：接下来读取邮件本身（邮件头、一个空行、正文），直到遇到只有一个点的行。Sendmail 的提示是 \"Enter mail, end with \".\" on a line by itself\"，Postfix 的是 \"End data with <CR><LF>.<CR><LF>\"。",
        ),
        action: Tr::new(
            "Send the headers (From:, To:, Subject:), an empty line, the body, then a line with a single \".\". A body line that begins with a dot must be sent with one more dot in front (dot-stuffing).",
            "依次发送邮件头（From:、To:、Subject:）、一个空行和正文，最后发送只有一个 \".\" 的行。正文中以点开头的行，发送时要在前面再加一个点（点填充）。",
        ),
        enhanced: &[],
        examples: &[
            "354 End data with <CR><LF>.<CR><LF>",
            "354 Enter mail, end with \".\" on a line by itself",
        ],
        source: "RFC 5321 §4.2.2, §4.5.2",
    },
    ReplyInfo {
        code: 421,
        title: Tr::new(
            "<domain> Service not available, closing transmission channel",
            "<domain> 服务不可用，正在关闭传输通道",
        ),
        when: Tr::new(
            "The server cannot or will not go on and closes the connection; it may send 421 as its greeting or in reply to any command. Typical causes: too many connections from your IP, a client that stayed idle too long, too many bad commands, or the server shutting down. RFC 5321 §3.8 lets a server close the connection on its own only when it shuts down (with 421) or after a timeout; closing for bad commands or too many connections is the server's own defence, beyond the RFC. NetEase (163.com, 126.com) tags its 421 with a reason, for example HL:ICC (too many concurrent connections from the IP) or HL:IFC (too much mail from the IP in a short time), as its published list of bounce codes explains.",
            "服务器无法或不愿继续，随即关闭连接；421 可以作为问候语出现，也可以回答任何命令。常见原因：来自你的 IP 的连接过多、客户端空闲太久超时、错误命令太多，或服务器正在关闭。RFC 5321 §3.8 只允许服务器在关闭服务时（用 421）或超时后主动断开连接；因错误命令或连接过多而断开，是服务器自己的防护措施，超出了 RFC 的规定。网易（163.com、126.com）会在 421 后面附上原因标记，例如 HL:ICC（该 IP 并发连接数过大）或 HL:IFC（该 IP 短期内发信过多），其公布的退信代码说明对此有解释。",
        ),
        action: Tr::new(
            "Reconnect later; a mail server retries by itself. If it keeps happening, open fewer connections at once and check that your client does not sit idle or send malformed commands.",
            "稍后重新连接；邮件服务器会自动重试。如果反复出现，请减少同时打开的连接数，并检查客户端是否长时间空闲或发送了错误命令。",
        ),
        enhanced: &["4.4.2", "4.7.0", "4.3.2"],
        examples: &[
            "421 4.4.2 mail.example.com Error: timeout exceeded",
            "421 4.7.0 mail.example.com Error: too many connections from 192.0.2.1",
            "421 4.7.0 mail.example.com Too many bad commands; closing connection",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 432,
        title: Tr::new("A password transition is needed", "需要进行密码过渡"),
        when: Tr::new(
            "An answer to AUTH: the server has no stored secret for the chosen mechanism yet, and the user must first log in once with PLAIN so that it can create one (RFC 4954). Rarely seen in practice.",
            "对 AUTH 的回答：服务器还没有为所选认证机制保存相应的密钥，用户需要先用 PLAIN 登录一次，服务器才能生成它（RFC 4954）。实际中很少见。",
        ),
        action: Tr::new(
            "Authenticate once with PLAIN over TLS; the chosen mechanism should then work in later sessions.",
            "先在 TLS 加密连接上用 PLAIN 认证一次；之后的会话中所选机制应该就能正常使用。",
        ),
        enhanced: &["4.7.12"],
        examples: &[],
        source: "RFC 4954 §6",
    },
    ReplyInfo {
        code: 435,
        title: Tr::new(
            "Unable to authenticate at present (Exim; no RFC defines 435)",
            "暂时无法认证（Exim 的用法；没有 RFC 定义 435）",
        ),
        when: Tr::new(
            "Exim's answer to AUTH when its authenticator cannot decide now, for example because the password backend (saslauthd, a database) is unreachable: \"435 Unable to authenticate at present\". No RFC defines 435; RFC 4954 §6 has 454 4.7.0 \"Temporary authentication failure\" for this case. As a 4yz reply it is temporary.",
            "Exim 在认证器暂时无法给出结论时（例如密码后端 saslauthd 或数据库无法访问）这样回答 AUTH：\"435 Unable to authenticate at present\"。没有任何 RFC 定义 435；RFC 4954 §6 为这种情况规定的是 454 4.7.0 \"Temporary authentication failure\"。它是 4yz 回复，属于暂时性错误。",
        ),
        action: Tr::new(
            "Do not ask the user for the password again: it was not judged wrong. Retry later; if you run the server, bring its authentication backend back (see 454).",
            "不要再次向用户索要密码：密码并没有被判定为错误。稍后重试；如果服务器由你管理，请恢复它的认证后端（参见 454）。",
        ),
        enhanced: &[],
        examples: &["435 Unable to authenticate at present"],
        source: "none (Exim); RFC 4954 §6 names 454 for this",
    },
    ReplyInfo {
        code: 450,
        title: Tr::new(
            "Requested mail action not taken: mailbox unavailable",
            "请求的邮件操作未执行：邮箱暂不可用",
        ),
        when: Tr::new(
            "A temporary refusal, usually to RCPT TO or MAIL FROM: the mailbox is busy or locked, the server is greylisting a sender it has not seen before, or a DNS lookup about the sender's domain failed for now. NetEase (163.com, 126.com) tags its 450 with a reason, per its published list of bounce codes: RP:DRC (too many recipients in this connection), MI:DMC (too many messages in this connection), MI:CEL (too many wrong commands), DT:RBL (the sending IP is on a blocklist).",
            "暂时性的拒绝，通常针对 RCPT TO 或 MAIL FROM：邮箱正忙或被锁定，服务器正对初次出现的发件人实施灰名单，或者对发件人域名的 DNS 查询暂时失败。网易（163.com、126.com）会在 450 后附上原因标记，其公布的退信代码说明列有：RP:DRC（本次连接的收件人数超限）、MI:DMC（本次连接的邮件数超限）、MI:CEL（错误指令过多）、DT:RBL（发信 IP 在黑名单中）。",
        ),
        action: Tr::new(
            "Nothing special: a real mail server queues the message and retries, and greylisting lets the retry through after a few minutes. If it never passes, check the DNS records of your domain and the reverse DNS of your server's IP.",
            "无需特别处理：正规的邮件服务器会把邮件留在队列中重试，灰名单通常在几分钟后放行重试。如果一直无法通过，请检查自己域名的 DNS 记录和服务器 IP 的反向解析。",
        ),
        enhanced: &["4.2.0", "4.2.1", "4.1.8", "4.7.1"],
        examples: &[
            "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html",
            "450 4.1.8 <alice@example.net>: Sender address rejected: Domain not found",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 451,
        title: Tr::new(
            "Requested action aborted: local error in processing",
            "请求的操作已中止：本地处理出错",
        ),
        when: Tr::new(
            "The server hit a problem of its own: a full or unwritable queue, a configuration error, or a failed lookup (DNS, a database, a content filter). Some greylisting servers also use 451 to ask the sender to come back later. NetEase (163.com, 126.com) tags its 451 with a reason, per its published list of bounce codes: DT:SPM (the content looks like spam or the sending setup is irregular: keep the message queued and retry), MI:SFQ (the sender sent too much in 15 minutes), RP:QRC (the sender addressed too many recipients in a short time).",
            "服务器自身出了问题：队列已满或无法写入、配置错误，或查询失败（DNS、数据库、内容过滤器）。有些实施灰名单的服务器也用 451 请发件方稍后再来。网易（163.com、126.com）会在 451 后附上原因标记，其公布的退信代码说明列有：DT:SPM（邮件内容带有垃圾邮件特征或发送环境不规范：保留队列稍后重投）、MI:SFQ（发信人 15 分钟内发信过多）、RP:QRC（发件人短期内累计的收件人过多）。",
        ),
        action: Tr::new(
            "Retry later; a mail server does so by itself. If you run the server, its log names the real cause.",
            "稍后重试；邮件服务器会自动重试。如果你是服务器管理员，日志里会写明真正的原因。",
        ),
        enhanced: &["4.3.0", "4.3.5", "4.4.3", "4.7.1"],
        examples: &["451 4.3.5 Server configuration error", "451 4.3.0 Error: queue file write error"],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 452,
        title: Tr::new(
            "Requested action not taken: insufficient system storage",
            "请求的操作未执行：系统存储空间不足",
        ),
        when: Tr::new(
            "The server is short of disk space, or the message has more recipients than it accepts in one transaction (RFC 5321 asks servers to accept at least 100). It is temporary: the recipients already accepted stay valid.",
            "服务器磁盘空间不足，或者一次事务中的收件人超出了它的上限（RFC 5321 要求服务器至少接受 100 个）。这是暂时性错误：已被接受的收件人仍然有效。",
        ),
        action: Tr::new(
            "For too many recipients, send the message to the accepted ones now and to the rest in a later transaction. For storage, retry later.",
            "如果是收件人过多，先把邮件发给已接受的收件人，其余的在下一次事务中再发。如果是存储不足，稍后重试。",
        ),
        enhanced: &["4.5.3", "4.3.1", "4.2.2"],
        examples: &["452 4.5.3 Error: too many recipients", "452 4.3.1 Insufficient system storage"],
        source: "RFC 5321 §4.2.2, §4.5.3.1.10",
    },
    ReplyInfo {
        code: 454,
        title: Tr::new(
            "Temporary authentication failure; TLS not available due to temporary reason",
            "暂时认证失败；TLS 因暂时原因不可用",
        ),
        when: Tr::new(
            "Sent to AUTH as \"454 4.7.0 Temporary authentication failure\" when the server cannot check credentials right now because its authentication service is unreachable (RFC 4954 §6), or to STARTTLS when TLS is broken on the server's side, such as a missing certificate (RFC 3207). Postfix also uses 454 to defer mail it may not relay (\"Relay access denied\").",
            "服务器的认证服务暂时无法访问、不能校验凭据时，用 \"454 4.7.0 Temporary authentication failure\" 回答 AUTH（RFC 4954 §6）；服务器端的 TLS 出了问题（例如缺少证书）时，用它回答 STARTTLS（RFC 3207）。Postfix 也用 454 暂缓它无权中继的邮件（\"Relay access denied\"）。",
        ),
        action: Tr::new(
            "Retry later, and do not ask the user for the password again: RFC 4954 §6 says a client SHOULD NOT re-prompt after 454, since the password was not judged wrong. If it persists, the server's administrator must repair its authentication service or TLS certificate. Some servers answer 535 in the same situation (see 535). For relay access denied, authenticate first with AUTH.",
            "稍后重试，并且不要再次向用户索要密码：RFC 4954 §6 规定收到 454 后客户端不应（SHOULD NOT）重新提示输入，因为密码并没有被判定为错误。如果一直出现，需要服务器管理员修复认证服务或 TLS 证书。有些服务器在同样的情况下回复 535（参见 535）。如果是中继被拒绝，请先用 AUTH 认证。",
        ),
        enhanced: &["4.7.0", "4.7.1"],
        examples: &[
            "454 4.7.0 TLS not available due to local problem",
            "454 4.7.1 <bob@example.org>: Relay access denied",
        ],
        source: "RFC 4954 §6; RFC 3207 §4",
    },
    ReplyInfo {
        code: 455,
        title: Tr::new(
            "Server unable to accommodate parameters",
            "服务器无法满足参数要求",
        ),
        when: Tr::new(
            "A temporary refusal of the ESMTP parameters of MAIL FROM or RCPT TO: the server knows them but cannot honour them now, for example a SIZE= it has no room for at the moment or a requested option it cannot serve right now. 555 is the permanent counterpart, for parameters it does not recognize at all.",
            "暂时拒绝 MAIL FROM 或 RCPT TO 所带的 ESMTP 参数：服务器认识这些参数，但目前无法满足，例如暂时没有空间容纳 SIZE= 声明的大小，或眼下无法提供所请求的选项。永久性的对应回复是 555，用于完全不认识的参数。",
        ),
        action: Tr::new(
            "Retry the transaction later; if it persists, send without the parameter the server cannot take (after checking the EHLO reply for what it offers).",
            "稍后重试这次事务；如果一直出现，先查看 EHLO 回复中服务器支持的功能，再去掉它无法接受的参数后发送。",
        ),
        enhanced: &[],
        examples: &[],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    ReplyInfo {
        code: 458,
        title: Tr::new(
            "Unable to queue messages for node (ETRN)",
            "无法为该节点启动队列（ETRN）",
        ),
        when: Tr::new(
            "The answer to ETRN (RFC 1985: ask the server to start delivering what it queued for a domain) when the server will not or cannot run that queue now. Exim answers ETRN this way unless it is configured for it: \"458 Administrative prohibition\".",
            "对 ETRN 的回答（RFC 1985：请服务器开始投递为某个域排队的邮件），表示服务器现在不愿或不能处理该队列。Exim 若未配置 ETRN，就这样回答：\"458 Administrative prohibition\"。",
        ),
        action: Tr::new(
            "A temporary refusal: try again later, or ask the server's administrator to allow ETRN for your host. Most sites no longer use ETRN at all.",
            "暂时性拒绝：稍后再试，或请服务器管理员允许你的主机使用 ETRN。如今大多数站点已不再使用 ETRN。",
        ),
        enhanced: &[],
        examples: &["458 Administrative prohibition"],
        source: "RFC 1985",
    },
    ReplyInfo {
        code: 459,
        title: Tr::new(
            "Node not allowed (ETRN)",
            "不允许该节点（ETRN）",
        ),
        when: Tr::new(
            "The answer to ETRN (RFC 1985) when the domain named is not one the server keeps a queue for, or the client may not ask for it. Postfix answers this way for a domain that is not in its fast_flush_domains (by default the domains it relays to), its own local domain included: \"459 <example.com>: service unavailable\".",
            "对 ETRN（RFC 1985）的回答，表示服务器不为所指定的域保存队列，或者客户端无权请求。对不在 fast_flush_domains 中的域（默认是它中继的域，本地域也不在内），Postfix 这样回答：\"459 <example.com>: service unavailable\"。",
        ),
        action: Tr::new(
            "Name a domain the server queues mail for (Postfix: one listed in fast_flush_domains), or do without ETRN.",
            "指定服务器为之排队的域（Postfix：列在 fast_flush_domains 中的域），或不再使用 ETRN。",
        ),
        enhanced: &[],
        examples: &["459 <example.com>: service unavailable"],
        source: "RFC 1985",
    },
    ReplyInfo {
        code: 500,
        title: Tr::new("Syntax error, command unrecognized", "语法错误，命令无法识别"),
        when: Tr::new(
            "The server could not make sense of the command: a misspelled verb (a telnet typo such as \"RCPR TO:\" instead of \"RCPT TO:\" gets Sendmail's \"500 5.5.1 Command unrecognized\"), or a line too long. RFC 5321 §4.5.3.1.4 limits a command line to 512 octets including CRLF, and an AUTH line longer than the server accepts gets 500 5.5.6 (RFC 4954).",
            "服务器无法理解这条命令：命令词拼错了（例如在 telnet 中把 \"RCPT TO:\" 误敲成 \"RCPR TO:\"，Sendmail 就会回复 \"500 5.5.1 Command unrecognized\"），或者命令行太长。RFC 5321 §4.5.3.1.4 规定命令行最长 512 个字节（含 CRLF），超过服务器上限的 AUTH 数据行会得到 500 5.5.6（RFC 4954）。",
        ),
        action: Tr::new(
            "Check the spelling of the command: did you mean RCPT? Type the whole line again rather than correcting it, because in telnet a Backspace may reach the server as a control character.",
            "检查命令的拼写：是不是想输入 RCPT？请整行重新输入，不要在原行上修改，因为在 telnet 中退格键可能会作为控制字符发送给服务器。",
        ),
        enhanced: &["5.5.1", "5.5.2", "5.5.6"],
        examples: &[
            "500 5.5.1 Command unrecognized: \"RCPR TO:<bob@example.com>\"",
            "500 5.5.2 Error: bad syntax",
        ],
        source: "RFC 5321 §4.2.2; RFC 4954 §6",
    },
    ReplyInfo {
        code: 501,
        title: Tr::new("Syntax error in parameters or arguments", "参数语法错误"),
        when: Tr::new(
            "The command was recognized but its argument was not: MAIL FROM or RCPT TO without the address in angle brackets, EHLO without a host name, a malformed address, or AUTH data that is not valid base64. It is also the answer when a client cancels AUTH with \"*\".",
            "命令本身能识别，但参数有误：MAIL FROM 或 RCPT TO 的地址没有放在尖括号里、EHLO 后面没有主机名、地址格式错误，或 AUTH 数据不是合法的 base64。客户端用 \"*\" 取消 AUTH 时，服务器也回复 501。",
        ),
        action: Tr::new(
            "Write the argument exactly as the grammar asks, for example MAIL FROM:<alice@example.com> with the angle brackets and no space after the colon.",
            "严格按语法书写参数，例如 MAIL FROM:<alice@example.com>：要带尖括号，冒号后面不要加空格。",
        ),
        enhanced: &["5.5.2", "5.5.4", "5.1.3", "5.1.7", "5.7.0"],
        examples: &[
            "501 5.5.4 Syntax: MAIL FROM:<address>",
            "501 5.1.3 Bad recipient address syntax",
            "501 5.7.0 Authentication aborted",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 502,
        title: Tr::new("Command not implemented", "命令未实现"),
        when: Tr::new(
            "The server does not offer the command. Postfix answers a disabled VRFY with \"502 5.5.1 VRFY command is disabled\", although RFC 5321 §7.3 says a server that disables VRFY or EXPN for security MUST answer 252 instead (see 252). Postfix also answers 502 to a command it does not know at all, where most servers send 500.",
            "服务器不提供这条命令。Postfix 对被禁用的 VRFY 回复 \"502 5.5.1 VRFY command is disabled\"，但 RFC 5321 §7.3 规定，出于安全原因禁用 VRFY 或 EXPN 的服务器必须改为回复 252（参见 252）。对于完全不认识的命令，Postfix 也回复 502，而大多数服务器回复 500。",
        ),
        action: Tr::new(
            "Do without the command, or look in the EHLO reply for what the server does offer. A 502 to a misspelled command means the same as a 500: check the spelling.",
            "不要依赖这条命令，或者查看 EHLO 回复中服务器实际支持的功能。如果是拼错的命令得到 502，含义和 500 相同：请检查拼写。",
        ),
        enhanced: &["5.5.1", "5.5.2"],
        examples: &[
            "502 5.5.1 VRFY command is disabled",
            "502 5.5.2 Error: command not recognized",
        ],
        source: "RFC 5321 §4.2.2, §4.2.4, §7.3",
    },
    ReplyInfo {
        code: 503,
        title: Tr::new("Bad sequence of commands", "命令顺序错误"),
        when: Tr::new(
            "The command is valid but comes at the wrong moment: RCPT TO before MAIL FROM, DATA before any accepted RCPT TO, MAIL FROM before EHLO, or a second AUTH after a successful one. The order is EHLO, (STARTTLS and EHLO again,) (AUTH,) MAIL FROM, one or more RCPT TO, DATA.",
            "命令本身没错，但时机不对：在 MAIL FROM 之前发 RCPT TO、在没有任何收件人被接受时发 DATA、在 EHLO 之前发 MAIL FROM，或者认证成功后再次发送 AUTH。正确顺序是：EHLO，（STARTTLS 后再次 EHLO，）（AUTH，）MAIL FROM，一个或多个 RCPT TO，DATA。",
        ),
        action: Tr::new(
            "Send the missing step first. After a failed transaction, RSET starts it over cleanly.",
            "先补上缺少的步骤。事务失败后，可以用 RSET 重新开始。",
        ),
        enhanced: &["5.5.1", "5.5.0", "5.0.0"],
        examples: &[
            "503 5.5.1 Error: need MAIL command",
            "503 5.5.1 Error: already authenticated",
            "503 5.0.0 Need MAIL before RCPT",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 504,
        title: Tr::new("Command parameter not implemented", "命令参数未实现"),
        when: Tr::new(
            "The command is known but this parameter is not supported: AUTH with a mechanism the server does not offer, or, under Postfix restrictions, an EHLO name or address that is not fully qualified.",
            "命令能识别，但不支持这个参数：AUTH 指定了服务器不提供的认证机制，或者在 Postfix 的限制规则下，EHLO 主机名或地址不是完整的域名形式。",
        ),
        action: Tr::new(
            "Use a value the server supports: an AUTH mechanism listed in its EHLO reply (250-AUTH ...), and a fully qualified host name such as mail.example.com in EHLO.",
            "改用服务器支持的值：AUTH 机制要从 EHLO 回复（250-AUTH ...）列出的机制中选择，EHLO 要使用完整的主机名，如 mail.example.com。",
        ),
        enhanced: &["5.5.4", "5.5.2", "5.3.3"],
        examples: &[
            "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname",
            "504 5.3.3 AUTH mechanism CRAM-MD5 not available",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 521,
        title: Tr::new("Server does not accept mail", "服务器不接收邮件"),
        when: Tr::new(
            "Sent instead of the 220 greeting by a host that never accepts mail, such as a dummy SMTP server kept only to say so (RFC 7504 §3). After it the server may answer further commands with 521 or close the connection; QUIT still works. Postfix also uses 521 when it drops a client for a protocol violation, such as a bare LF where CRLF is required (\"521 5.5.2 … Error: bare <LF> received\").",
            "不接收任何邮件的主机用它代替 220 问候语，例如只为声明这一点而运行的空壳 SMTP 服务器（RFC 7504 §3）。此后服务器可以对后续命令继续回复 521，也可以直接关闭连接；QUIT 仍然可用。Postfix 在因协议违规断开客户端时也用 521，例如本应是 CRLF 的地方出现了裸 LF（\"521 5.5.2 … Error: bare <LF> received\"）。",
        ),
        action: Tr::new(
            "Do not retry at this host: it takes no mail. Check the MX records of the domain you are sending to. For Postfix's bare LF, make your client end every line with CRLF.",
            "不要在这台主机上重试：它不接收邮件。请检查目标域名的 MX 记录。如果是 Postfix 的 bare LF，请让客户端每行都以 CRLF 结尾。",
        ),
        enhanced: &["5.3.2", "5.5.2"],
        examples: &["521 5.5.2 mail.example.com Error: bare <LF> received"],
        source: "RFC 7504 §3",
    },
    ReplyInfo {
        code: 523,
        title: Tr::new(
            "Not a standard reply code (some providers: message too large for the recipient)",
            "不是标准回复码（部分服务商：邮件对收件人来说过大）",
        ),
        when: Tr::new(
            "No RFC defines 523 as a reply code. IANA's enhanced-code registry (from RFC 5248) only names 523 beside X.7.10 \"Encryption Needed\". Some providers send 523 for a message too large for the recipient. As a 5yz reply it is permanent.",
            "没有任何 RFC 把 523 定义为回复码。IANA 的增强状态码注册表（来自 RFC 5248）只在 X.7.10 \"Encryption Needed\" 旁边提到过 523。部分服务商用 523 表示邮件对收件人来说过大。作为 5yz 回复，它是永久性错误。",
        ),
        action: Tr::new(
            "Read the text and the enhanced code, which say what is meant; for a size refusal, send a smaller message (share big attachments as links).",
            "阅读回复文字和增强状态码，它们会说明具体含义；如果是因为大小被拒，请缩小邮件（大附件改用链接分享）。",
        ),
        enhanced: &[],
        examples: &[],
        source: "none (RFC 5248 lists it only beside X.7.10)",
    },
    ReplyInfo {
        code: 530,
        title: Tr::new("Authentication required", "需要认证"),
        when: Tr::new(
            "The server refuses MAIL FROM (or another command) until the client has logged in with AUTH, or until it has switched to TLS with STARTTLS. Submission servers on port 587 typically answer \"530 5.7.0 Must issue a STARTTLS command first\" or \"530 5.7.0 Authentication required\".",
            "在客户端用 AUTH 登录之前，或用 STARTTLS 切换到 TLS 之前，服务器拒绝 MAIL FROM（或其他命令）。587 端口的邮件提交服务器通常回复 \"530 5.7.0 Must issue a STARTTLS command first\" 或 \"530 5.7.0 Authentication required\"。",
        ),
        action: Tr::new(
            "Send STARTTLS if the server asks for it, then EHLO again, then AUTH with your account, and only then MAIL FROM.",
            "如果服务器要求，先发送 STARTTLS，再重新发送 EHLO，然后用自己的账号进行 AUTH 认证，最后才发送 MAIL FROM。",
        ),
        enhanced: &["5.7.0"],
        examples: &[
            "530 5.7.0 Must issue a STARTTLS command first",
            "530 5.7.0 Authentication required",
        ],
        source: "RFC 4954 §6; RFC 3207 §4",
    },
    ReplyInfo {
        code: 534,
        title: Tr::new("Authentication mechanism is too weak", "认证机制强度不足"),
        when: Tr::new(
            "The chosen AUTH mechanism is weaker than the server's policy allows for this user (RFC 4954). Gmail sends \"534-5.7.9 Application-specific password required\" when the account uses 2-Step Verification and the client offered the normal password.",
            "所选的 AUTH 机制比服务器对该用户的策略要求更弱（RFC 4954）。如果账号开启了两步验证而客户端使用的是普通密码，Gmail 会回复 \"534-5.7.9 Application-specific password required\"。",
        ),
        action: Tr::new(
            "Pick a stronger mechanism from the EHLO list, or follow the provider's rules: for Gmail, create an app password and log in with it.",
            "从 EHLO 列出的机制中选择更强的一种，或遵循邮件服务商的规定：对 Gmail，应生成应用专用密码并用它登录。",
        ),
        enhanced: &["5.7.9"],
        examples: &["534-5.7.9 Application-specific password required. Learn more at"],
        source: "RFC 4954 §6",
    },
    ReplyInfo {
        code: 535,
        title: Tr::new("Authentication credentials invalid", "认证凭据无效"),
        when: Tr::new(
            "The AUTH exchange ended and the server rejected it, usually for a wrong user name or password (163.com and QQ Mail expect the client authorization code generated in the mailbox's settings, not the web login password: QQ Mail says so in its 535, \"Login Fail. Please enter your authorization code to login\"). But a 535 to correct credentials can mean the server could not check them because its authentication backend is down: one Sendmail answered \"535 5.7.0 authentication failed\" only because its saslauthd daemon was not running. RFC 4954 §6 has a reply of its own for that case, 454 4.7.0 (see 454).",
            "AUTH 交换结束，服务器拒绝了认证，通常是用户名或密码错误（163.com 和 QQ 邮箱要求使用在邮箱设置中生成的客户端授权码，而不是网页登录密码：QQ 邮箱的 535 就是这么说的：\"Login Fail. Please enter your authorization code to login\"）。但如果凭据确实正确却仍收到 535，可能是服务器的认证后端出了故障、无法校验：曾有一台 Sendmail 回复 \"535 5.7.0 authentication failed\"，原因只是 saslauthd 守护进程没有运行。RFC 4954 §6 为这种情况另有专门的回复：454 4.7.0（参见 454）。",
        ),
        action: Tr::new(
            "Check the user name and password, base64-encoded without a trailing newline. If they are surely right and you run the server, check its authentication backend: for Sendmail with Cyrus SASL, start saslauthd and make sure /usr/lib/sasl2/Sendmail.conf says pwcheck_method:saslauthd.",
            "检查用户名和密码，以及它们的 base64 编码（末尾不能带换行符）。如果凭据确定无误而你管理着这台服务器，请检查认证后端：对于使用 Cyrus SASL 的 Sendmail，要启动 saslauthd，并确认 /usr/lib/sasl2/Sendmail.conf 中写有 pwcheck_method:saslauthd。",
        ),
        enhanced: &["5.7.8", "5.7.0"],
        examples: &[
            "535 5.7.8 Error: authentication failed",
            "535-5.7.8 Username and Password not accepted. Learn more at",
            "535 5.7.0 authentication failed",
        ],
        source: "RFC 4954 §6",
    },
    ReplyInfo {
        code: 538,
        title: Tr::new(
            "Encryption required for requested authentication mechanism",
            "所请求的认证机制要求加密连接",
        ),
        when: Tr::new(
            "The client asked for a mechanism, typically PLAIN or LOGIN, that the server allows only over an encrypted connection, and the connection is not encrypted yet (RFC 4954). Modern servers rarely send it: they simply do not advertise such mechanisms before STARTTLS.",
            "客户端请求的认证机制（通常是 PLAIN 或 LOGIN）只允许在加密连接上使用，而当前连接尚未加密（RFC 4954）。现代服务器很少发送它：它们在 STARTTLS 之前根本不会通告这类机制。",
        ),
        action: Tr::new(
            "Send STARTTLS, then EHLO again, then AUTH; or connect to the implicit TLS port 465 instead.",
            "先发送 STARTTLS，再重新发送 EHLO，然后进行 AUTH；或者改为连接直接使用 TLS 的 465 端口。",
        ),
        enhanced: &["5.7.11"],
        examples: &[],
        source: "RFC 4954 §6",
    },
    ReplyInfo {
        code: 550,
        title: Tr::new(
            "Requested action not taken: mailbox unavailable",
            "请求的操作未执行：邮箱不可用",
        ),
        when: Tr::new(
            "The most common permanent refusal, mostly to RCPT TO: the mailbox does not exist (5.1.1), or policy forbids the action, such as relaying to another domain without authentication (Sendmail: \"Relaying denied\"; Postfix says \"554 5.7.1 ... Relay access denied\") or a sender failing SPF, DKIM or DMARC checks. 163.com answers \"550 User has no permission\" when SMTP sending is not enabled for the account (no client authorization code set up).",
            "最常见的永久性拒绝，多半针对 RCPT TO：邮箱不存在（5.1.1），或被策略禁止，例如未经认证就向其他域中继（Sendmail：\"Relaying denied\"；Postfix 则回复 \"554 5.7.1 ... Relay access denied\"），或发件人未通过 SPF、DKIM、DMARC 检查。如果账号没有开启 SMTP 发信（未设置客户端授权码），163.com 会回复 \"550 User has no permission\"。",
        ),
        action: Tr::new(
            "Check the recipient's address for typos; to relay, authenticate first or send through your own provider's server; for a policy refusal, the text and the enhanced code name the reason.",
            "检查收件人地址是否拼错；需要中继时，先进行认证，或通过自己邮件服务商的服务器发送；如果是策略拒绝，回复文字和增强状态码会说明原因。",
        ),
        enhanced: &["5.1.1", "5.2.1", "5.7.1", "5.7.26"],
        examples: &[
            "550 5.1.1 <user@example.com>: Recipient address rejected: User unknown in local recipient table",
            "550 5.7.1 <bob@example.org>... Relaying denied",
            "550 User has no permission",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 551,
        title: Tr::new(
            "User not local; please try <forward-path>",
            "用户不在本地；请尝试 <forward-path>",
        ),
        when: Tr::new(
            "The recipient is not handled by this server, which names the address to use instead but will not forward the message itself. Rarely sent today, as servers prefer not to reveal such information.",
            "收件人不归本服务器管理；服务器给出了应改用的地址，但不会替你转发。如今很少见，因为服务器一般不愿透露这类信息。",
        ),
        action: Tr::new(
            "Send the message to the address given in the reply if you trust it, or ask the recipient for the new address.",
            "如果信得过回复中给出的地址，就改发到该地址；否则向收件人询问新地址。",
        ),
        enhanced: &["5.1.6"],
        examples: &[],
        source: "RFC 5321 §4.2.2, §3.4",
    },
    ReplyInfo {
        code: 552,
        title: Tr::new(
            "Requested mail action aborted: exceeded storage allocation",
            "请求的邮件操作已中止：超出存储配额",
        ),
        when: Tr::new(
            "The message is too large: bigger than the limit the server announced with SIZE in its EHLO reply (RFC 1870), or too big for the recipient's mailbox quota. It comes at MAIL FROM when the client declared a SIZE= above the limit, otherwise usually after the end of DATA. Old servers also sent 552 for too many recipients; RFC 5321 §4.5.3.1.10 tells clients to treat that 552 as temporary (452) and send to the rest later.",
            "邮件太大：超过了服务器在 EHLO 回复中用 SIZE 公布的上限（RFC 1870），或超出了收件人的邮箱配额。如果客户端声明的 SIZE= 超过上限，在 MAIL FROM 阶段就会收到它，否则通常在 DATA 结束后收到。老式服务器在收件人过多时也会发 552；RFC 5321 §4.5.3.1.10 要求客户端把这种 552 当作暂时错误（452），稍后再发给其余收件人。",
        ),
        action: Tr::new(
            "Make the message smaller (share big attachments as links) and check the SIZE limit in the EHLO reply before sending; if the recipient's mailbox is full, they must make room.",
            "缩小邮件（大附件改用链接分享），发送前先查看 EHLO 回复中的 SIZE 上限；如果是收件人的邮箱满了，需要对方清理空间。",
        ),
        enhanced: &["5.3.4", "5.2.2", "5.2.3"],
        examples: &[
            "552 5.3.4 Message size exceeds fixed limit",
            "552 5.2.3 Message size exceeds maximum value",
        ],
        source: "RFC 5321 §4.2.2, §4.5.3.1.10; RFC 1870",
    },
    ReplyInfo {
        code: 553,
        title: Tr::new(
            "Requested action not taken: mailbox name not allowed",
            "请求的操作未执行：邮箱名不允许",
        ),
        when: Tr::new(
            "The server refuses an address in MAIL FROM or RCPT TO: its syntax is wrong, or policy forbids it. 163.com's Coremail server answers \"553 Mail from must equal authorized user\" when the envelope sender (MAIL FROM) differs from the account that authenticated; Postfix says \"Sender address rejected: not owned by user\".",
            "服务器拒绝 MAIL FROM 或 RCPT TO 中的地址：语法错误，或被策略禁止。当信封发件人（MAIL FROM）与认证所用的账号不一致时，163.com 的 Coremail 服务器会回复 \"553 Mail from must equal authorized user\"；Postfix 的说法是 \"Sender address rejected: not owned by user\"。",
        ),
        action: Tr::new(
            "Check the address's syntax. When authenticated, send MAIL FROM with the very address you logged in as; in a mail client or program, set the sender address to the logged-in account.",
            "检查地址语法。已认证时，MAIL FROM 必须使用登录时所用的同一个地址；在邮件客户端或程序中，把发件人地址设置成登录的账号。",
        ),
        enhanced: &["5.1.3", "5.7.1", "5.1.8"],
        examples: &[
            "553 Mail from must equal authorized user",
            "553 5.7.1 <alice@example.com>: Sender address rejected: not owned by user bob@example.com",
            "553 5.1.8 <alice@nonexistent.example>... Domain of sender address alice@nonexistent.example does not exist",
        ],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 554,
        title: Tr::new(
            "Transaction failed (as a greeting: No SMTP service here)",
            "事务失败（作为问候语时：此处无 SMTP 服务）",
        ),
        when: Tr::new(
            "A permanent failure: often after DATA when a content or spam filter rejects the message. Postfix also sends it to RCPT TO for policy reasons, when it refuses to relay (\"Relay access denied\") or rejects a client listed on a DNS blocklist; that is Postfix's choice, as RFC 5321 lists 550 for a recipient refused by policy. Sent as the greeting instead of 220, it means the server will not take mail from this client; RFC 5321 §3.1 still has it wait for QUIT and answer any other command with 503 (bad sequence of commands).",
            "永久性失败：常见于 DATA 之后内容过滤或反垃圾过滤拒收邮件。Postfix 出于策略拒绝 RCPT TO 时也用它，例如拒绝中继（\"Relay access denied\"）或拒绝被 DNS 黑名单收录的客户端；这是 Postfix 自己的选择，RFC 5321 为因策略被拒的收件人列出的是 550。如果它代替 220 作为问候语出现，表示服务器不接收这个客户端的邮件；按 RFC 5321 §3.1，服务器仍要等待 QUIT，并对其间的其他命令回复 503（命令顺序错误）。",
        ),
        action: Tr::new(
            "Read the text, which names the reason. For relay access denied, authenticate first or use your own provider's server; for a blocklist, the sending IP must be delisted; for content, change the message.",
            "阅读回复文字，其中写明了原因。中继被拒时，先认证或改用自己邮件服务商的服务器；被列入黑名单时，需要为发信 IP 申请移出；因内容被拒时，需要修改邮件。",
        ),
        enhanced: &["5.7.1", "5.5.1"],
        examples: &[
            "554 5.7.1 <bob@example.org>: Relay access denied",
            "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
            "554 5.5.1 Error: no valid recipients",
        ],
        source: "RFC 5321 §4.2.2, §3.1",
    },
    ReplyInfo {
        code: 555,
        title: Tr::new(
            "MAIL FROM/RCPT TO parameters not recognized or not implemented",
            "MAIL FROM/RCPT TO 参数无法识别或未实现",
        ),
        when: Tr::new(
            "The client added an ESMTP parameter after the address, such as SIZE=, BODY=8BITMIME, SMTPUTF8 or REQUIRETLS, that the server does not support or did not announce in its EHLO reply.",
            "客户端在地址后面附加了 ESMTP 参数（如 SIZE=、BODY=8BITMIME、SMTPUTF8 或 REQUIRETLS），而服务器不支持，或者没有在 EHLO 回复中公布该扩展。",
        ),
        action: Tr::new(
            "Send only the parameters of extensions the server listed in its EHLO reply; after HELO, send none at all.",
            "只使用服务器在 EHLO 回复中列出的扩展所对应的参数；如果用的是 HELO，则不要附加任何参数。",
        ),
        enhanced: &["5.5.4"],
        examples: &["555 5.5.4 Unsupported option: REQUIRETLS"],
        source: "RFC 5321 §4.2.2",
    },
    ReplyInfo {
        code: 556,
        title: Tr::new("Domain does not accept mail", "域名不接收邮件"),
        when: Tr::new(
            "The recipient's domain accepts no mail at all, as a relay found out outside SMTP, typically from the domain's null MX record (MX 0 \".\", RFC 7505). It is the relay's way to report that to the host that handed it the message (RFC 7504 §4); usually with 5.1.10.",
            "收件人的域名根本不接收邮件，这是中继在 SMTP 之外查明的，通常来自该域名的空 MX 记录（MX 0 \".\"，RFC 7505）。中继用它把这一情况告诉交给它邮件的主机（RFC 7504 §4）；通常与 5.1.10 一起出现。",
        ),
        action: Tr::new(
            "Do not retry: the domain takes no mail. Check the recipient's address for a wrong domain.",
            "不要重试：该域名不收任何邮件。请检查收件人地址的域名是否写错。",
        ),
        enhanced: &["5.1.10"],
        examples: &[],
        source: "RFC 7504 §4; RFC 7505",
    },
];

/// Every enhanced status code detail the reference explains, ascending by (subject, detail).
pub static ENHANCED_CODES: &[EnhancedInfo] = &[
    // X.0.X Other or Undefined Status (RFC 3463 §3.1)
    EnhancedInfo {
        subject: 0,
        detail: 0,
        title: Tr::new("Other undefined Status", "其他未定义状态"),
        meaning: Tr::new(
            "Only the class is known: the server says whether it worked (2.0.0), failed for now (4.0.0) or failed for good (5.0.0), and nothing more specific. Many servers attach it to replies that have no better code, such as 250 2.0.0 Ok.",
            "只知道类别：服务器只说明是成功（2.0.0）、暂时失败（4.0.0）还是永久失败（5.0.0），没有更具体的信息。很多服务器把它附在没有更合适代码的回复上，例如 250 2.0.0 Ok。",
        ),
        action: Tr::new(
            "Read the reply code and the text; they carry all the information there is.",
            "阅读回复码和回复文字，全部信息都在其中。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.1",
    },
    // X.1.X Addressing Status (RFC 3463 §3.2)
    EnhancedInfo {
        subject: 1,
        detail: 0,
        title: Tr::new("Other address status", "其他地址状态"),
        meaning: Tr::new(
            "Something about an address in the message caused this status, without a more specific reason. Servers send 2.1.0 to accept MAIL FROM.",
            "邮件中的某个地址导致了这一状态，但没有更具体的原因。服务器接受 MAIL FROM 时会发送 2.1.0。",
        ),
        action: Tr::new(
            "For a failure, check the sender and recipient addresses named in the reply.",
            "如果是失败，请检查回复中提到的发件人和收件人地址。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 1,
        title: Tr::new("Bad destination mailbox address", "目标邮箱地址错误"),
        meaning: Tr::new(
            "The mailbox does not exist: the part left of the \"@\" is unknown at the destination. The classic \"User unknown\" bounce, e.g. 550 5.1.1.",
            "邮箱不存在：目标服务器上没有 \"@\" 左边的这个用户。这就是典型的 \"User unknown\" 退信，例如 550 5.1.1。",
        ),
        action: Tr::new(
            "Check the recipient's address for typos, or ask the recipient for the right one; resending unchanged will fail again.",
            "检查收件人地址是否拼错，或向收件人确认正确的地址；原样重发仍会失败。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 2,
        title: Tr::new("Bad destination system address", "目标系统地址错误"),
        meaning: Tr::new(
            "The destination system does not exist or cannot accept mail: the part right of the \"@\" is invalid for mail, e.g. a misspelled domain.",
            "目标系统不存在或无法接收邮件：\"@\" 右边的部分不能用于收信，例如域名拼错了。",
        ),
        action: Tr::new(
            "Check the domain of the recipient's address; if you own the domain, check its MX records.",
            "检查收件人地址的域名部分；如果域名是你的，请检查它的 MX 记录。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 3,
        title: Tr::new("Bad destination mailbox address syntax", "目标邮箱地址语法错误"),
        meaning: Tr::new(
            "The recipient address is syntactically invalid: a missing \"@\", stray characters, unbalanced angle brackets.",
            "收件人地址语法不合法：缺少 \"@\"、含有多余字符，或尖括号不成对。",
        ),
        action: Tr::new(
            "Write the address as local-part@domain inside angle brackets: RCPT TO:<bob@example.com>.",
            "按 用户名@域名 的格式书写地址，并放在尖括号里：RCPT TO:<bob@example.com>。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 4,
        title: Tr::new("Destination mailbox address ambiguous", "目标邮箱地址有歧义"),
        meaning: Tr::new(
            "The address matches more than one recipient at the destination, for example when the server maps names to mailboxes by guessing.",
            "这个地址在目标系统上匹配到了不止一个收件人，例如服务器用推测的方式把名字映射到邮箱时。",
        ),
        action: Tr::new(
            "Use the recipient's exact, complete address.",
            "使用收件人准确、完整的地址。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 5,
        title: Tr::new("Destination address valid", "目标地址有效"),
        meaning: Tr::new(
            "The recipient address is valid: a success code, sent as 250 2.1.5 when RCPT TO is accepted.",
            "收件人地址有效：这是一个成功代码，RCPT TO 被接受时以 250 2.1.5 的形式出现。",
        ),
        action: Tr::new(
            "Nothing to fix: go on with the next RCPT TO or with DATA.",
            "无需处理：继续发送下一个 RCPT TO 或 DATA。",
        ),
        classes: SUCCESS,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 6,
        title: Tr::new(
            "Destination mailbox has moved, No forwarding address",
            "目标邮箱已迁移，没有转发地址",
        ),
        meaning: Tr::new(
            "The address was valid once, but the mailbox no longer accepts mail and the server knows no new address.",
            "这个地址以前有效，但该邮箱已不再接收邮件，服务器也不知道新地址。",
        ),
        action: Tr::new(
            "Remove the address from your lists and ask the recipient for the new one by other means.",
            "把该地址从通讯录和邮件列表中删除，并通过其他途径向收件人询问新地址。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 7,
        title: Tr::new("Bad sender's mailbox address syntax", "发件人邮箱地址语法错误"),
        meaning: Tr::new(
            "The sender address (MAIL FROM) is syntactically invalid.",
            "发件人地址（MAIL FROM）语法不合法。",
        ),
        action: Tr::new(
            "Write the sender as MAIL FROM:<alice@example.com>, with angle brackets; use MAIL FROM:<> only for bounces.",
            "按 MAIL FROM:<alice@example.com> 的格式书写发件人，要带尖括号；MAIL FROM:<> 只用于退信。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 8,
        title: Tr::new("Bad sender's system address", "发件人系统地址错误"),
        meaning: Tr::new(
            "The sender's domain does not exist or cannot receive mail, so bounces could not be returned. Servers check it with DNS; a temporary DNS failure gives 4.1.8.",
            "发件人的域名不存在或无法收信，因此退信无法送回。服务器通过 DNS 检查这一点；DNS 暂时故障时返回 4.1.8。",
        ),
        action: Tr::new(
            "Send from an address whose domain exists and has MX (or A) records in DNS.",
            "使用域名真实存在、且在 DNS 中有 MX（或 A）记录的发件地址。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.2",
    },
    EnhancedInfo {
        subject: 1,
        detail: 9,
        title: Tr::new("Message relayed to non-compliant mailer", "邮件已中继到不兼容的邮件系统"),
        meaning: Tr::new(
            "The address was valid, but the message was relayed to a system that does not speak this protocol (no delivery status comes back from it), so nothing more can be said. Used in delivery and tracking reports (RFC 3886) rather than in live SMTP replies.",
            "地址有效，但邮件被中继到了不支持该协议的系统（那里不会再回传投递状态），因此无法提供更多信息。它用于投递报告和邮件跟踪报告（RFC 3886），而不是实时的 SMTP 回复。",
        ),
        action: Tr::new(
            "Nothing to fix: delivery probably went on, but its outcome cannot be reported.",
            "无需处理：邮件很可能继续投递了，只是结果无法回报。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3886",
    },
    EnhancedInfo {
        subject: 1,
        detail: 10,
        title: Tr::new("Recipient address has null MX", "收件人地址的域名设置了空 MX"),
        meaning: Tr::new(
            "The recipient's domain publishes a null MX record (MX 0 \".\"), declaring that it accepts no mail at all. Usually sent with reply code 556.",
            "收件人的域名发布了空 MX 记录（MX 0 \".\"），声明它根本不接收邮件。通常与回复码 556 一起出现。",
        ),
        action: Tr::new(
            "Do not retry: the domain takes no mail. Check that the address is right.",
            "不要重试：该域名不收任何邮件。请确认地址是否正确。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7505; RFC 7504",
    },
    // X.2.X Mailbox Status (RFC 3463 §3.3)
    EnhancedInfo {
        subject: 2,
        detail: 0,
        title: Tr::new("Other or undefined mailbox status", "其他或未定义的邮箱状态"),
        meaning: Tr::new(
            "The mailbox exists, but something about it caused this status, with no more specific code.",
            "邮箱存在，但它的某种情况导致了这一状态，没有更具体的代码。",
        ),
        action: Tr::new(
            "Read the reply text; for a 4.2.0 (greylisting often uses it), simply retry later.",
            "阅读回复文字；如果是 4.2.0（灰名单常用），稍后重试即可。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.3",
    },
    EnhancedInfo {
        subject: 2,
        detail: 1,
        title: Tr::new("Mailbox disabled, not accepting messages", "邮箱已停用，不接收邮件"),
        meaning: Tr::new(
            "The mailbox exists but does not accept messages: the account is suspended, locked or closed. Permanent (5.2.1) or temporary (4.2.1), depending on whether it may come back.",
            "邮箱存在但不接收邮件：账号被暂停、锁定或注销。根据能否恢复，可能是永久的（5.2.1），也可能是暂时的（4.2.1）。",
        ),
        action: Tr::new(
            "Reach the recipient another way; a 4.2.1 may pass on a later retry.",
            "通过其他途径联系收件人；如果是 4.2.1，之后重试可能会成功。",
        ),
        classes: FAILURE,
        source: "RFC 3463 §3.3",
    },
    EnhancedInfo {
        subject: 2,
        detail: 2,
        title: Tr::new("Mailbox full", "邮箱已满"),
        meaning: Tr::new(
            "The recipient is over their mailbox quota. The recipient can make room by deleting mail, so it is usually sent as a temporary failure (4.2.2), although many servers send 5.2.2.",
            "收件人超出了邮箱配额。收件人删除邮件就能腾出空间，因此通常作为暂时失败（4.2.2）发送，不过也有很多服务器发送 5.2.2。",
        ),
        action: Tr::new(
            "Tell the recipient by other means to clean up their mailbox. After 4.2.2 the sending server's queue retries by itself; after 5.2.2 the message comes back, so send it again once they have made room.",
            "通过其他途径提醒收件人清理邮箱。收到 4.2.2 时，发信服务器的队列会自动重试；收到 5.2.2 时邮件会被退回，请在对方腾出空间后重新发送。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.3",
    },
    EnhancedInfo {
        subject: 2,
        detail: 3,
        title: Tr::new("Message length exceeds administrative limit", "邮件长度超出管理限制"),
        meaning: Tr::new(
            "The message is bigger than this mailbox's own size limit, which is lower than the system-wide one.",
            "邮件超出了该邮箱自己的大小限制，这个限制比整个系统的限制更低。",
        ),
        action: Tr::new(
            "Send a smaller message: share large attachments as links.",
            "减小邮件体积：大附件改用链接分享。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.3",
    },
    EnhancedInfo {
        subject: 2,
        detail: 4,
        title: Tr::new("Mailing list expansion problem", "邮件列表展开出错"),
        meaning: Tr::new(
            "The address is a mailing list, and the server could not expand it into its members.",
            "该地址是一个邮件列表，服务器无法把它展开成各个成员。",
        ),
        action: Tr::new(
            "Tell the list's administrator; a temporary 4.2.4 may pass on retry.",
            "通知邮件列表的管理员；如果是暂时的 4.2.4，重试可能会成功。",
        ),
        classes: FAILURE,
        source: "RFC 3463 §3.3",
    },
    // X.3.X Mail System Status (RFC 3463 §3.4)
    EnhancedInfo {
        subject: 3,
        detail: 0,
        title: Tr::new("Other or undefined mail system status", "其他或未定义的邮件系统状态"),
        meaning: Tr::new(
            "The destination system normally accepts mail, but something about it caused this status, with no more specific code.",
            "目标系统平时能正常收信，但它的某种情况导致了这一状态，没有更具体的代码。",
        ),
        action: Tr::new(
            "Retry later for a 4.3.0; for a 5.3.0, read the text or contact the receiving site's postmaster.",
            "如果是 4.3.0，稍后重试；如果是 5.3.0，请阅读回复文字或联系对方的邮件管理员（postmaster）。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.4",
    },
    EnhancedInfo {
        subject: 3,
        detail: 1,
        title: Tr::new("Mail system full", "邮件系统存储已满"),
        meaning: Tr::new(
            "The mail system as a whole is out of storage, something the recipient cannot fix by deleting mail. Meant as a temporary failure.",
            "整个邮件系统的存储空间耗尽，收件人删除邮件也无济于事。应作为暂时失败处理。",
        ),
        action: Tr::new(
            "Retry later; if you run that server, free disk space on its queue.",
            "稍后重试；如果是你管理的服务器，请清理队列所在磁盘的空间。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.4",
    },
    EnhancedInfo {
        subject: 3,
        detail: 2,
        title: Tr::new("System not accepting network messages", "系统不接收网络邮件"),
        meaning: Tr::new(
            "The host does not accept messages now: it is shutting down, overloaded, or in maintenance.",
            "主机目前不接收邮件：正在关闭、负载过高，或正在维护。",
        ),
        action: Tr::new(
            "Retry later; a mail server does so by itself.",
            "稍后重试；邮件服务器会自动重试。",
        ),
        classes: FAILURE,
        source: "RFC 3463 §3.4",
    },
    EnhancedInfo {
        subject: 3,
        detail: 3,
        title: Tr::new("System not capable of selected features", "系统不支持所选功能"),
        meaning: Tr::new(
            "The message asks for features the destination does not support, often at a gateway between different mail systems. Sendmail also uses it for an AUTH mechanism it does not offer.",
            "邮件要求的功能目标系统不支持，常见于不同邮件系统之间的网关。Sendmail 也用它表示不提供所请求的 AUTH 机制。",
        ),
        action: Tr::new(
            "Send without the feature, or pick one the server lists in its EHLO reply.",
            "不使用该功能重新发送，或改用服务器在 EHLO 回复中列出的功能。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.4",
    },
    EnhancedInfo {
        subject: 3,
        detail: 4,
        title: Tr::new("Message too big for system", "邮件超出系统大小限制"),
        meaning: Tr::new(
            "The message is larger than the server's per-message size limit, the one it announces with SIZE in its EHLO reply. Postfix says \"552 5.3.4 Message size exceeds fixed limit\".",
            "邮件超出了服务器对单封邮件的大小限制，也就是它在 EHLO 回复中用 SIZE 公布的上限。Postfix 的回复是 \"552 5.3.4 Message size exceeds fixed limit\"。",
        ),
        action: Tr::new(
            "Make the message smaller; remember that base64 makes attachments about a third bigger.",
            "减小邮件体积；注意 base64 编码会让附件增大约三分之一。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.4",
    },
    EnhancedInfo {
        subject: 3,
        detail: 5,
        title: Tr::new("System incorrectly configured", "系统配置错误"),
        meaning: Tr::new(
            "The receiving system is not configured in a way that lets it accept this message, e.g. Postfix's \"451 4.3.5 Server configuration error\".",
            "接收方系统的配置使它无法接收这封邮件，例如 Postfix 的 \"451 4.3.5 Server configuration error\"。",
        ),
        action: Tr::new(
            "Nothing the sender can fix: retry later or tell the receiving site's postmaster. If it is your server, its log names the mistake.",
            "发件方无法解决：稍后重试或通知对方的邮件管理员。如果是你的服务器，日志里会指出配置错在哪里。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.4",
    },
    EnhancedInfo {
        subject: 3,
        detail: 6,
        title: Tr::new("Requested priority was changed", "请求的优先级已被更改"),
        meaning: Tr::new(
            "The message was accepted for relay or delivery (250 or 251), but not at the priority the client asked for with MT-PRIORITY (possibly the implied default); the reply text gives the new priority first.",
            "邮件已被接受中继或投递（250 或 251），但没有按照客户端用 MT-PRIORITY 请求的优先级（可能是隐含的默认值）处理；回复文字开头给出了新的优先级。",
        ),
        action: Tr::new(
            "Nothing to fix; if the priority matters, read the new one in the reply text.",
            "无需处理；如果优先级很重要，请看回复文字中的新优先级。",
        ),
        classes: SUCCESS,
        source: "RFC 6710",
    },
    // X.4.X Network and Routing Status (RFC 3463 §3.5)
    EnhancedInfo {
        subject: 4,
        detail: 0,
        title: Tr::new(
            "Other or undefined network or routing status",
            "其他或未定义的网络或路由状态",
        ),
        meaning: Tr::new(
            "Something went wrong with the network or the routing, and no more specific code fits.",
            "网络或路由出了问题，但没有更具体的代码可用。",
        ),
        action: Tr::new(
            "Retry later; check the sending server's log for connection errors.",
            "稍后重试；在发信服务器的日志中查找连接错误。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 1,
        title: Tr::new("No answer from host", "主机无应答"),
        meaning: Tr::new(
            "The connection attempt to the next server was not answered: it is down, busy, or a firewall drops the packets (port 25 is often blocked by ISPs and clouds).",
            "连接下一台服务器时没有应答：对方宕机、繁忙，或防火墙丢弃了数据包（ISP 和云服务商经常封锁 25 端口）。",
        ),
        action: Tr::new(
            "Retry later; if it lasts, test the connection to port 25 yourself and check firewalls on both sides.",
            "稍后重试；如果持续出现，自己测试到 25 端口的连接，并检查双方的防火墙。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 2,
        title: Tr::new("Bad connection", "连接不良"),
        meaning: Tr::new(
            "The connection was made but the transaction could not complete: a timeout or a dropped connection. Postfix closes idle clients with \"421 4.4.2 ... Error: timeout exceeded\".",
            "连接已建立，但事务无法完成：超时或连接中断。Postfix 会用 \"421 4.4.2 ... Error: timeout exceeded\" 关闭空闲的客户端。",
        ),
        action: Tr::new(
            "Retry; when typing SMTP by hand, type faster or reconnect, because servers close idle sessions after a few minutes.",
            "重试；手动输入 SMTP 命令时动作要快一些，或者重新连接，因为服务器几分钟后就会关闭空闲会话。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 3,
        title: Tr::new("Directory server failure", "目录服务器故障"),
        meaning: Tr::new(
            "A directory server needed for routing was unavailable; failing to reach a DNS server is the common example.",
            "路由所需的目录服务器无法访问；最常见的例子是连不上 DNS 服务器。",
        ),
        action: Tr::new(
            "Retry later; if you run the sending server, check its DNS resolver.",
            "稍后重试；如果发信服务器由你管理，请检查它的 DNS 解析器。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 4,
        title: Tr::new("Unable to route", "无法路由"),
        meaning: Tr::new(
            "The mail system could not find the next hop: DNS returned no usable MX or address record for the destination domain.",
            "邮件系统找不到下一跳：DNS 没有为目标域名返回可用的 MX 记录或地址记录。",
        ),
        action: Tr::new(
            "Check the recipient's domain for typos; if it is yours, check its MX records.",
            "检查收件人域名是否拼错；如果域名是你的，请检查它的 MX 记录。",
        ),
        classes: FAILURE,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 5,
        title: Tr::new("Mail system congestion", "邮件系统拥塞"),
        meaning: Tr::new(
            "The mail system is congested and cannot deliver now.",
            "邮件系统拥塞，目前无法投递。",
        ),
        action: Tr::new(
            "Retry later, and send at a slower rate.",
            "稍后重试，并降低发送速率。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 6,
        title: Tr::new("Routing loop detected", "检测到路由环路"),
        meaning: Tr::new(
            "The message was forwarded too many times (too many Received: headers), because of wrong routing or a forwarding loop between mailboxes.",
            "邮件被转发的次数过多（Received: 邮件头太多），原因是路由配置错误，或邮箱之间互相转发形成了环路。",
        ),
        action: Tr::new(
            "Check forwarding rules and MX or relay settings for a loop; the administrator of the looping systems must fix it.",
            "检查转发规则和 MX、中继设置中是否存在环路；需要由出现环路的系统的管理员修复。",
        ),
        classes: TRANSIENT,
        source: "RFC 3463 §3.5",
    },
    EnhancedInfo {
        subject: 4,
        detail: 7,
        title: Tr::new("Delivery time expired", "投递超时"),
        meaning: Tr::new(
            "The message stayed in a queue too long (often 5 days) without being delivered, so the sending server gave up.",
            "邮件在队列中停留过久（通常为 5 天）仍未送达，发信服务器放弃了投递。",
        ),
        action: Tr::new(
            "Find out why the earlier attempts failed (the bounce usually quotes the last error) and send again once that is fixed.",
            "查明之前各次尝试失败的原因（退信中通常引用了最后一次的错误），解决后再重新发送。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.5",
    },
    // X.5.X Mail Delivery Protocol Status (RFC 3463 §3.6)
    EnhancedInfo {
        subject: 5,
        detail: 0,
        title: Tr::new("Other or undefined protocol status", "其他或未定义的协议状态"),
        meaning: Tr::new(
            "Something was wrong with the SMTP dialogue, and no more specific code fits.",
            "SMTP 对话出了问题，但没有更具体的代码可用。",
        ),
        action: Tr::new(
            "Read the reply text and compare your commands with RFC 5321.",
            "阅读回复文字，并对照 RFC 5321 检查自己发送的命令。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.6",
    },
    EnhancedInfo {
        subject: 5,
        detail: 1,
        title: Tr::new("Invalid command", "无效命令"),
        meaning: Tr::new(
            "A command was out of sequence or not supported, e.g. RCPT TO before MAIL FROM (503 5.5.1) or an unknown command (Sendmail: 500 5.5.1 Command unrecognized).",
            "命令顺序错误或不受支持，例如在 MAIL FROM 之前发送 RCPT TO（503 5.5.1），或命令无法识别（Sendmail：500 5.5.1 Command unrecognized）。",
        ),
        action: Tr::new(
            "Check the spelling and the order of your commands: EHLO, MAIL FROM, RCPT TO, DATA.",
            "检查命令的拼写和顺序：EHLO、MAIL FROM、RCPT TO、DATA。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.6",
    },
    EnhancedInfo {
        subject: 5,
        detail: 2,
        title: Tr::new("Syntax error", "语法错误"),
        meaning: Tr::new(
            "A command could not be interpreted, because its syntax was wrong or the command is unknown (Postfix: 502 5.5.2 Error: command not recognized).",
            "命令无法解析，原因是语法错误或命令不存在（Postfix：502 5.5.2 Error: command not recognized）。",
        ),
        action: Tr::new(
            "Retype the command exactly, including the colon and the angle brackets.",
            "准确地重新输入命令，包括冒号和尖括号。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.6",
    },
    EnhancedInfo {
        subject: 5,
        detail: 3,
        title: Tr::new("Too many recipients", "收件人过多"),
        meaning: Tr::new(
            "The message has more recipients than the server accepts in one transaction, e.g. Postfix's \"452 4.5.3 Error: too many recipients\".",
            "邮件的收件人数超出了服务器在一次事务中接受的上限，例如 Postfix 的 \"452 4.5.3 Error: too many recipients\"。",
        ),
        action: Tr::new(
            "Split the recipients: deliver to those already accepted, and send to the rest in another transaction.",
            "把收件人分批：先投递给已接受的收件人，其余的在另一次事务中发送。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.6",
    },
    EnhancedInfo {
        subject: 5,
        detail: 4,
        title: Tr::new("Invalid command arguments", "命令参数无效"),
        meaning: Tr::new(
            "A valid command had invalid arguments: out of range, or naming a feature the server does not know (Postfix: 555 5.5.4 Unsupported option).",
            "命令本身有效，但参数无效：超出范围，或指定了服务器不认识的功能（Postfix：555 5.5.4 Unsupported option）。",
        ),
        action: Tr::new(
            "Fix the argument; use only ESMTP parameters the server lists in its EHLO reply.",
            "修正参数；只使用服务器在 EHLO 回复中列出的 ESMTP 参数。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.6",
    },
    EnhancedInfo {
        subject: 5,
        detail: 5,
        title: Tr::new("Wrong protocol version", "协议版本不符"),
        meaning: Tr::new(
            "The two sides use protocol versions that do not match and cannot be reconciled automatically.",
            "双方使用的协议版本不一致，且无法自动协调。",
        ),
        action: Tr::new(
            "Use standard SMTP or ESMTP; try HELO if the server does not understand EHLO.",
            "使用标准的 SMTP 或 ESMTP；如果服务器不认识 EHLO，可以改用 HELO。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.6",
    },
    EnhancedInfo {
        subject: 5,
        detail: 6,
        title: Tr::new("Authentication Exchange line is too long", "认证交换数据行过长"),
        meaning: Tr::new(
            "During AUTH the client sent a base64 line longer than the server can buffer for the chosen SASL mechanism; sent with 500 (RFC 4954).",
            "AUTH 过程中，客户端发送的 base64 数据行超出了服务器为所选 SASL 机制准备的缓冲区；与 500 一起发送（RFC 4954）。",
        ),
        action: Tr::new(
            "Send the base64 data on one line without spaces or line breaks, and check that it is not duplicated or padded with junk.",
            "把 base64 数据放在一行里发送，中间不要有空格或换行，并检查数据是否重复或混入了多余内容。",
        ),
        classes: FAILURE,
        source: "RFC 4954 §6",
    },
    // X.6.X Message Content or Media Status (RFC 3463 §3.7)
    EnhancedInfo {
        subject: 6,
        detail: 0,
        title: Tr::new("Other or undefined media error", "其他或未定义的媒体错误"),
        meaning: Tr::new(
            "Something about the message's content made it undeliverable, and no more specific code fits; content filters often use it.",
            "邮件内容的某种情况导致无法投递，但没有更具体的代码；内容过滤器经常使用它。",
        ),
        action: Tr::new(
            "Read the reply text; change the content it objects to (an attachment type, a link) and send again.",
            "阅读回复文字；修改对方反对的内容（如附件类型、链接）后重新发送。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.7",
    },
    EnhancedInfo {
        subject: 6,
        detail: 1,
        title: Tr::new("Media not supported", "不支持该媒体类型"),
        meaning: Tr::new(
            "The delivery protocol or the next system cannot carry this kind of content, e.g. 8-bit data to a server without 8BITMIME.",
            "投递协议或下一台系统无法传送这类内容，例如把 8 位数据发给不支持 8BITMIME 的服务器。",
        ),
        action: Tr::new(
            "Encode the content for 7-bit transport (base64 or quoted-printable) or send another format.",
            "把内容编码成适合 7 位传输的形式（base64 或 quoted-printable），或改用其他格式。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.7",
    },
    EnhancedInfo {
        subject: 6,
        detail: 2,
        title: Tr::new("Conversion required and prohibited", "需要转换但被禁止"),
        meaning: Tr::new(
            "The content would have to be converted for delivery, but the message or the sending site forbids conversion.",
            "邮件内容必须经过转换才能投递，但邮件本身或发件站点禁止转换。",
        ),
        action: Tr::new(
            "Send the content in a form the next hop accepts without conversion.",
            "以下一跳无需转换就能接受的形式发送内容。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.7",
    },
    EnhancedInfo {
        subject: 6,
        detail: 3,
        title: Tr::new("Conversion required but not supported", "需要转换但不支持"),
        meaning: Tr::new(
            "The content must be converted to be forwarded, but no host on the path can do it, e.g. 8-bit mail that must be downgraded to 7 bits.",
            "内容必须转换后才能转发，但路径上没有主机能够完成转换，例如 8 位邮件需要降级为 7 位。",
        ),
        action: Tr::new(
            "Encode the message for 7-bit transport before sending.",
            "发送前把邮件编码成适合 7 位传输的形式。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.7",
    },
    EnhancedInfo {
        subject: 6,
        detail: 4,
        title: Tr::new("Conversion with loss performed", "已进行有损转换"),
        meaning: Tr::new(
            "The message was delivered, but a conversion on the way lost some data; it is a failure if the sender forbade lossy conversion.",
            "邮件已投递，但途中的转换丢失了部分数据；如果发件人禁止有损转换，则作为失败处理。",
        ),
        action: Tr::new(
            "Check with the recipient that the content arrived intact; send in a format that needs no conversion.",
            "向收件人确认内容是否完整；改用无需转换的格式发送。",
        ),
        classes: &[2, 5],
        source: "RFC 3463 §3.7",
    },
    EnhancedInfo {
        subject: 6,
        detail: 5,
        title: Tr::new("Conversion Failed", "转换失败"),
        meaning: Tr::new(
            "A needed conversion of the content was attempted and failed.",
            "尝试对内容进行必要的转换，但转换失败了。",
        ),
        action: Tr::new(
            "Send the content in a simpler, standard format (plain text or common MIME types).",
            "改用更简单的标准格式发送（纯文本或常见的 MIME 类型）。",
        ),
        classes: FAILURE,
        source: "RFC 3463 §3.7",
    },
    EnhancedInfo {
        subject: 6,
        detail: 6,
        title: Tr::new("Message content not available", "无法获取邮件内容"),
        meaning: Tr::new(
            "The submission server could not fetch the message content from the remote system the client pointed it to with BURL (RFC 4468), for example an IMAP URL it cannot open. Permanent or temporary.",
            "客户端用 BURL（RFC 4468）让提交服务器去远程系统取邮件内容，但服务器取不到，例如打不开所给的 IMAP URL。可能是永久的，也可能是暂时的。",
        ),
        action: Tr::new(
            "Check the URL and the access it grants (URLAUTH); for a 4.6.6 retry later, or send the content with DATA instead.",
            "检查 URL 及其授予的访问权限（URLAUTH）；如果是 4.6.6，稍后重试，或改用 DATA 直接发送内容。",
        ),
        classes: FAILURE,
        source: "RFC 4468",
    },
    EnhancedInfo {
        subject: 6,
        detail: 7,
        title: Tr::new(
            "Non-ASCII addresses not permitted for that sender/recipient",
            "该发件人或收件人不允许使用非 ASCII 地址",
        ),
        meaning: Tr::new(
            "MAIL FROM or RCPT TO carried an internationalized address (such as one in Chinese characters), and the server does not accept one for that sender or recipient (SMTPUTF8, RFC 6531).",
            "MAIL FROM 或 RCPT TO 中使用了国际化地址（例如含有汉字的地址），而服务器不接受该发件人或收件人使用这种地址（SMTPUTF8，RFC 6531）。",
        ),
        action: Tr::new(
            "Use an ASCII address for that person, or a server that announces SMTPUTF8 in its EHLO reply.",
            "改用对方的纯 ASCII 地址，或使用在 EHLO 回复中公布了 SMTPUTF8 的服务器。",
        ),
        classes: ANY_CLASS,
        source: "RFC 6531",
    },
    EnhancedInfo {
        subject: 6,
        detail: 8,
        title: Tr::new("UTF-8 string reply is required, but not permitted by the SMTP client", "需要用 UTF-8 字符串回复，但 SMTP 客户端不允许"),
        meaning: Tr::new(
            "The answer (for example to VRFY or EXPN) would have to show a mailbox name in UTF-8, but the client did not ask for SMTPUTF8 replies, so the server cannot give it (RFC 6531).",
            "回答（例如对 VRFY 或 EXPN）需要用 UTF-8 显示邮箱名，但客户端没有请求 SMTPUTF8 回复，服务器因此无法给出（RFC 6531）。",
        ),
        action: Tr::new(
            "Repeat the command with the SMTPUTF8 parameter if the server offers SMTPUTF8 in its EHLO reply.",
            "如果服务器在 EHLO 回复中提供了 SMTPUTF8，请带上 SMTPUTF8 参数重发该命令。",
        ),
        classes: ANY_CLASS,
        source: "RFC 6531",
    },
    EnhancedInfo {
        subject: 6,
        detail: 9,
        title: Tr::new("UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected", "UTF-8 邮件头的邮件无法传给部分收件人，因此必须拒收"),
        meaning: Tr::new(
            "The message has internationalized (UTF-8) headers, and at least one recipient can only be reached through a system without SMTPUTF8, so the transaction fails after the final dot of DATA (RFC 6531).",
            "邮件带有国际化（UTF-8）邮件头，而至少有一个收件人只能经由不支持 SMTPUTF8 的系统送达，因此事务在 DATA 结尾的点之后失败（RFC 6531）。",
        ),
        action: Tr::new(
            "Send that recipient a message with ASCII headers (encoded words for non-ASCII text), or an ASCII address.",
            "给该收件人改发纯 ASCII 邮件头的邮件（非 ASCII 文字用编码字），或使用其 ASCII 地址。",
        ),
        classes: ANY_CLASS,
        source: "RFC 6531",
    },
    EnhancedInfo {
        subject: 6,
        detail: 10,
        title: Tr::new("Duplicate of X.6.8, deprecated", "与 X.6.8 重复，已弃用"),
        meaning: Tr::new(
            "The registry lists X.6.10 only as a duplicate of X.6.8 and marks it deprecated; a server that sends it means X.6.8: a UTF-8 reply was needed but the client did not allow it.",
            "注册表只把 X.6.10 列为 X.6.8 的重复项，并标为已弃用；服务器发送它时，意思与 X.6.8 相同：需要 UTF-8 回复，但客户端不允许。",
        ),
        action: Tr::new(
            "Read it as X.6.8.",
            "按 X.6.8 理解。",
        ),
        classes: ANY_CLASS,
        source: "RFC 6531",
    },
    // X.7.X Security or Policy Status (RFC 3463 §3.8)
    EnhancedInfo {
        subject: 7,
        detail: 0,
        title: Tr::new("Other or undefined security status", "其他或未定义的安全状态"),
        meaning: Tr::new(
            "Something about security or policy caused this status, or the server will not say more for security reasons. Common as 5.7.0 with 530 (authentication or STARTTLS required) and in Sendmail's 535 5.7.0 authentication failed, and as 4.7.0 with 454 and 421 (Gmail's 421-4.7.0 deferrals among them).",
            "安全或策略方面的原因导致了这一状态，或者服务器出于安全考虑不愿多说。作为 5.7.0 常与 530（要求认证或 STARTTLS）一起出现，Sendmail 的 535 5.7.0 authentication failed 也用它；作为 4.7.0 则与 454 和 421 一起出现（Gmail 的 421-4.7.0 暂缓也在其中）。",
        ),
        action: Tr::new(
            "Read the reply text: it usually says what is required, such as STARTTLS or AUTH first.",
            "阅读回复文字：它通常会说明要求，例如先执行 STARTTLS 或 AUTH。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 1,
        title: Tr::new("Delivery not authorized, message refused", "未获投递授权，邮件被拒"),
        meaning: Tr::new(
            "The sender is not allowed to send to this destination: relaying without authentication, a blocklisted IP, a sender that does not match the logged-in account, or a spam verdict.",
            "发件人无权向该目标发送邮件：未认证就中继、IP 被列入黑名单、发件人与登录账号不符，或被判定为垃圾邮件。",
        ),
        action: Tr::new(
            "Read the text for the reason: authenticate before relaying, send from your own account's address, or get the IP delisted.",
            "从回复文字中找出原因：中继前先认证、用自己账号的地址发信，或申请把 IP 移出黑名单。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 2,
        title: Tr::new("Mailing list expansion prohibited", "禁止展开邮件列表"),
        meaning: Tr::new(
            "The sender may not send to this mailing list, e.g. the list accepts posts from members only.",
            "发件人无权向该邮件列表发信，例如列表只接受成员投稿。",
        ),
        action: Tr::new(
            "Subscribe to the list or ask its owner for permission.",
            "先订阅该列表，或向列表管理者申请权限。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 3,
        title: Tr::new(
            "Security conversion required but not possible",
            "需要安全协议转换但无法进行",
        ),
        meaning: Tr::new(
            "Delivery would need converting the message from one secure messaging protocol to another, which is not possible.",
            "投递需要把邮件从一种安全邮件协议转换为另一种，但无法做到。",
        ),
        action: Tr::new(
            "Send the message with a security format the recipient's system supports.",
            "改用收件方系统支持的安全格式发送邮件。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 4,
        title: Tr::new("Security features not supported", "不支持所需的安全功能"),
        meaning: Tr::new(
            "The message requires security features, such as secure authentication, that the delivery protocol cannot provide.",
            "邮件要求的安全功能（如安全认证）是投递协议无法提供的。",
        ),
        action: Tr::new(
            "Send without the feature or through a path that supports it.",
            "不使用该功能重新发送，或改走支持该功能的投递路径。",
        ),
        classes: PERMANENT,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 5,
        title: Tr::new("Cryptographic failure", "加密处理失败"),
        meaning: Tr::new(
            "A system allowed to verify or decrypt the message could not, because a key was missing or invalid.",
            "有权验证或解密邮件的系统未能完成操作，原因是密钥缺失或无效。",
        ),
        action: Tr::new(
            "Check the keys or certificates used to sign or encrypt the message.",
            "检查用于签名或加密邮件的密钥或证书。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 6,
        title: Tr::new("Cryptographic algorithm not supported", "不支持该加密算法"),
        meaning: Tr::new(
            "A system allowed to verify or decrypt the message could not, because it does not support the algorithm used.",
            "有权验证或解密邮件的系统未能完成操作，因为它不支持所用的算法。",
        ),
        action: Tr::new(
            "Sign or encrypt with a more widely supported algorithm.",
            "改用支持更广泛的算法进行签名或加密。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 7,
        title: Tr::new("Message integrity failure", "邮件完整性校验失败"),
        meaning: Tr::new(
            "A system allowed to verify the message found it corrupted or altered on the way.",
            "有权验证邮件的系统发现邮件在途中已损坏或被篡改。",
        ),
        action: Tr::new(
            "Send again; if it repeats, look for a system on the path that rewrites messages (a footer, a content filter).",
            "重新发送；如果反复出现，请排查路径上会改写邮件的系统（如添加页脚的系统、内容过滤器）。",
        ),
        classes: ANY_CLASS,
        source: "RFC 3463 §3.8",
    },
    EnhancedInfo {
        subject: 7,
        detail: 8,
        title: Tr::new("Authentication credentials invalid", "认证凭据无效"),
        meaning: Tr::new(
            "The AUTH exchange failed because the credentials were invalid or insufficient: a wrong user name or password, or a response computed wrongly. Sent with 535, e.g. Postfix's \"535 5.7.8 Error: authentication failed\".",
            "AUTH 交换失败，因为凭据无效或不足：用户名或密码错误，或响应计算有误。与 535 一起发送，例如 Postfix 的 \"535 5.7.8 Error: authentication failed\"。",
        ),
        action: Tr::new(
            "Check the user name and password (no trailing newline in the base64), use the provider's authorization code or app password if it requires one, and for CRAM-MD5 or DIGEST-MD5 recompute the response step by step.",
            "检查用户名和密码（base64 编码前不要带末尾换行符）；如果服务商要求，改用授权码或应用专用密码；对 CRAM-MD5 或 DIGEST-MD5 请逐步重新计算响应。",
        ),
        classes: ANY_CLASS,
        source: "RFC 4954 §6",
    },
    EnhancedInfo {
        subject: 7,
        detail: 9,
        title: Tr::new("Authentication mechanism is too weak", "认证机制强度不足"),
        meaning: Tr::new(
            "The chosen authentication mechanism is weaker than the server's policy allows for this user; sent with 534.",
            "所选认证机制比服务器对该用户的策略要求更弱；与 534 一起发送。",
        ),
        action: Tr::new(
            "Retry with a stronger mechanism from the server's EHLO list.",
            "从服务器 EHLO 回复的列表中选择更强的机制重试。",
        ),
        classes: ANY_CLASS,
        source: "RFC 4954 §6",
    },
    EnhancedInfo {
        subject: 7,
        detail: 10,
        title: Tr::new("Encryption Needed", "需要加密"),
        meaning: Tr::new(
            "An external privacy layer, such as TLS, is needed to use the requested authentication mechanism; meant mainly for clear-text mechanisms like PLAIN and LOGIN.",
            "要使用所请求的认证机制，需要外部的加密层（如 TLS）；主要针对 PLAIN、LOGIN 这类明文机制。",
        ),
        action: Tr::new(
            "Send STARTTLS (then EHLO again) before AUTH, or use a stronger mechanism.",
            "在 AUTH 之前先发送 STARTTLS（然后重新发送 EHLO），或改用更强的机制。",
        ),
        classes: ANY_CLASS,
        source: "RFC 5248",
    },
    EnhancedInfo {
        subject: 7,
        detail: 11,
        title: Tr::new(
            "Encryption required for requested authentication mechanism",
            "所请求的认证机制要求加密连接",
        ),
        meaning: Tr::new(
            "The chosen authentication mechanism may only be used over an encrypted connection; sent with 538. RFC 4954 keeps it for history: servers should not offer such mechanisms before encryption.",
            "所选的认证机制只能在加密连接上使用；与 538 一起发送。RFC 4954 保留它只是出于历史原因：服务器在加密之前本就不应提供这类机制。",
        ),
        action: Tr::new(
            "Send STARTTLS, then EHLO again, then AUTH.",
            "先发送 STARTTLS，再重新发送 EHLO，然后进行 AUTH。",
        ),
        classes: ANY_CLASS,
        source: "RFC 4954 §6",
    },
    EnhancedInfo {
        subject: 7,
        detail: 12,
        title: Tr::new("A password transition is needed", "需要进行密码过渡"),
        meaning: Tr::new(
            "The user must switch to the chosen mechanism by authenticating once with PLAIN; the mechanism should then work in later sessions. Sent with 432.",
            "用户需要先用 PLAIN 认证一次，才能切换到所选机制；之后的会话中该机制应可正常使用。与 432 一起发送。",
        ),
        action: Tr::new(
            "Log in once with PLAIN over TLS, then use the chosen mechanism.",
            "先在 TLS 连接上用 PLAIN 登录一次，然后再使用所选机制。",
        ),
        classes: ANY_CLASS,
        source: "RFC 4954 §6",
    },
    EnhancedInfo {
        subject: 7,
        detail: 13,
        title: Tr::new("User Account Disabled", "用户账号已停用"),
        meaning: Tr::new(
            "The authentication itself succeeded, but the account is disabled (unpaid, abuse, a suspected break-in). Unlike a wrong password, retyping it will not help.",
            "认证本身成功了，但账号已被停用（欠费、滥用、疑似被盗）。与密码错误不同，重新输入密码也无济于事。",
        ),
        action: Tr::new(
            "Contact the system administrator or provider to have the account re-enabled.",
            "联系系统管理员或服务商，申请恢复账号。",
        ),
        classes: ANY_CLASS,
        source: "RFC 5248",
    },
    EnhancedInfo {
        subject: 7,
        detail: 14,
        title: Tr::new("Trust relationship required", "需要建立信任关系"),
        meaning: Tr::new(
            "The submission server needs a configured trust relationship with a third-party server to fetch the message content (BURL, RFC 4468). Gmail also uses 534-5.7.14 to ask the user to sign in through a web browser first.",
            "邮件提交服务器需要与第三方服务器预先建立信任关系，才能获取邮件内容（BURL，RFC 4468）。Gmail 也用 534-5.7.14 要求用户先通过网页浏览器登录。",
        ),
        action: Tr::new(
            "Administrators must configure the trust between the servers; a Gmail user should sign in on the web and follow the instructions in the reply.",
            "需要管理员在服务器之间配置信任关系；Gmail 用户应先在网页上登录，并按回复中的提示操作。",
        ),
        classes: ANY_CLASS,
        source: "RFC 5248",
    },
    EnhancedInfo {
        subject: 7,
        detail: 15,
        title: Tr::new("Priority Level is too low", "优先级过低"),
        meaning: Tr::new(
            "The priority the client gave with MT-PRIORITY is below the lowest the server accepts, perhaps only for now, while it takes only higher-priority mail (RFC 6710).",
            "客户端用 MT-PRIORITY 指定的优先级低于服务器可接受的最低值，可能只是暂时的，例如服务器此刻只接收高优先级邮件（RFC 6710）。",
        ),
        action: Tr::new(
            "Retry later (4.7.15) or with a higher priority if you are allowed one.",
            "稍后重试（4.7.15），或在有权限的情况下使用更高的优先级。",
        ),
        classes: FAILURE,
        source: "RFC 6710",
    },
    EnhancedInfo {
        subject: 7,
        detail: 16,
        title: Tr::new("Message is too big for the specified priority", "邮件对于指定的优先级来说过大"),
        meaning: Tr::new(
            "At the priority requested with MT-PRIORITY the server accepts only smaller messages, perhaps only for now (RFC 6710).",
            "在用 MT-PRIORITY 请求的优先级下，服务器只接受更小的邮件，可能只是暂时的（RFC 6710）。",
        ),
        action: Tr::new(
            "Send a smaller message, retry later, or use another priority.",
            "减小邮件、稍后重试，或改用其他优先级。",
        ),
        classes: FAILURE,
        source: "RFC 6710",
    },
    EnhancedInfo {
        subject: 7,
        detail: 17,
        title: Tr::new("Mailbox owner has changed", "邮箱所有者已变更"),
        meaning: Tr::new(
            "The message asked, with RRVS or a Require-Recipient-Valid-Since header, that the mailbox have had one owner since a given time, and the receiver knows it has not: the address was given to someone else (RFC 7293).",
            "邮件通过 RRVS 扩展或 Require-Recipient-Valid-Since 邮件头要求该邮箱自某一时间起一直属于同一所有者，而接收方知道并非如此：这个地址已经换了主人（RFC 7293）。",
        ),
        action: Tr::new(
            "Do not resend: the person you meant no longer owns the address. Remove it and ask them for their new one.",
            "不要重发：你要找的人已不再拥有这个地址。请删除该地址，并向对方询问新地址。",
        ),
        classes: PERMANENT,
        source: "RFC 7293",
    },
    EnhancedInfo {
        subject: 7,
        detail: 18,
        title: Tr::new("Domain owner has changed", "域名所有者已变更"),
        meaning: Tr::new(
            "Like X.7.17, for the domain: the owner of the recipient's domain has changed since the time given with RRVS (RFC 7293).",
            "与 X.7.17 类似，但针对域名：自 RRVS 给出的时间以来，收件人域名的所有者已经变更（RFC 7293）。",
        ),
        action: Tr::new(
            "Do not resend; confirm the recipient's current address by other means.",
            "不要重发；通过其他途径确认收件人当前的地址。",
        ),
        classes: PERMANENT,
        source: "RFC 7293",
    },
    EnhancedInfo {
        subject: 7,
        detail: 19,
        title: Tr::new("RRVS test cannot be completed", "无法完成 RRVS 检查"),
        meaning: Tr::new(
            "The message asked for an RRVS check, but the receiver did not record when the mailbox got its owner, so it cannot tell (RFC 7293).",
            "邮件要求进行 RRVS 检查，但接收方没有记录该邮箱何时归属现在的所有者，因此无法判断（RFC 7293）。",
        ),
        action: Tr::new(
            "Decide whether to send the message again without RRVS protection.",
            "自行决定是否去掉 RRVS 保护后重新发送。",
        ),
        classes: PERMANENT,
        source: "RFC 7293",
    },
    EnhancedInfo {
        subject: 7,
        detail: 20,
        title: Tr::new("No passing DKIM signature found", "未找到通过验证的 DKIM 签名"),
        meaning: Tr::new(
            "The receiver requires a valid DKIM signature, and the message had none that verified.",
            "接收方要求有效的 DKIM 签名，而这封邮件没有任何能通过验证的签名。",
        ),
        action: Tr::new(
            "Sign outgoing mail with DKIM and publish the public key in DNS; check that nothing alters the message after signing.",
            "对外发邮件进行 DKIM 签名并在 DNS 中发布公钥；确认签名之后没有环节改动邮件。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372",
    },
    EnhancedInfo {
        subject: 7,
        detail: 21,
        title: Tr::new("No acceptable DKIM signature found", "未找到可接受的 DKIM 签名"),
        meaning: Tr::new(
            "The message has DKIM signatures that verify, but none is acceptable to the receiver's policy (for example, signed by an unrelated domain).",
            "邮件带有能通过验证的 DKIM 签名，但没有一个符合接收方的策略（例如签名域与发件人无关）。",
        ),
        action: Tr::new(
            "Sign with your own domain, the one in the From: header.",
            "用自己的域名（即 From: 邮件头中的域名）进行签名。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372",
    },
    EnhancedInfo {
        subject: 7,
        detail: 22,
        title: Tr::new(
            "No valid author-matched DKIM signature found",
            "未找到与作者地址匹配的有效 DKIM 签名",
        ),
        meaning: Tr::new(
            "The message has valid DKIM signatures, but none from the domain of the author address in the From: header.",
            "邮件带有有效的 DKIM 签名，但没有一个来自 From: 邮件头中作者地址的域名。",
        ),
        action: Tr::new(
            "Have the From: domain sign the message (d= must match it).",
            "让 From: 所在的域名对邮件签名（d= 必须与之一致）。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372",
    },
    EnhancedInfo {
        subject: 7,
        detail: 23,
        title: Tr::new("SPF validation failed", "SPF 验证失败"),
        meaning: Tr::new(
            "The SPF check of the sender's domain gave \"fail\": the sending IP is not among the hosts the domain authorizes.",
            "对发件人域名的 SPF 检查结果为 \"fail\"：发信 IP 不在该域名授权的主机之列。",
        ),
        action: Tr::new(
            "Add your sending server to the domain's SPF record, or send through a server the record already lists.",
            "把发信服务器加入该域名的 SPF 记录，或通过记录中已列出的服务器发送。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372; RFC 7208 §8.4",
    },
    EnhancedInfo {
        subject: 7,
        detail: 24,
        title: Tr::new("SPF validation error", "SPF 验证出错"),
        meaning: Tr::new(
            "Evaluating SPF ended in an error: a DNS failure (temporary, 4.7.24) or a broken SPF record (permanent, 5.7.24).",
            "SPF 评估过程出错：DNS 故障（暂时性，4.7.24）或 SPF 记录本身有误（永久性，5.7.24）。",
        ),
        action: Tr::new(
            "Check the domain's SPF record with a validator: one record only, correct syntax, at most 10 DNS lookups.",
            "用检测工具检查该域名的 SPF 记录：只能有一条、语法正确、DNS 查询不超过 10 次。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372; RFC 7208 §8.6, §8.7",
    },
    EnhancedInfo {
        subject: 7,
        detail: 25,
        title: Tr::new("Reverse DNS validation failed", "反向 DNS 验证失败"),
        meaning: Tr::new(
            "The sending server's IP failed the reverse DNS check: no PTR record, or a PTR name that does not resolve back to the same IP.",
            "发信服务器的 IP 未通过反向 DNS 检查：没有 PTR 记录，或 PTR 指向的主机名不能正向解析回同一个 IP。",
        ),
        action: Tr::new(
            "Ask whoever owns the IP (ISP or cloud provider) to set a PTR record that matches the server's host name.",
            "请 IP 的所有者（ISP 或云服务商）设置与服务器主机名一致的 PTR 记录。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372",
    },
    EnhancedInfo {
        subject: 7,
        detail: 26,
        title: Tr::new("Multiple authentication checks failed", "多项认证检查失败"),
        meaning: Tr::new(
            "The message failed more than one authentication check (such as SPF and DKIM), without saying which. Gmail uses it for mail that fails DMARC: \"550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy\" (older Gmail bounces carried the same words with 5.7.1).",
            "邮件未通过多项认证检查（如 SPF 和 DKIM），但没有说明是哪几项。Gmail 对未通过 DMARC 的邮件使用它：\"550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy\"（较早的 Gmail 退信用 5.7.1 配同样的文字）。",
        ),
        action: Tr::new(
            "Set up SPF and DKIM for the sending domain and publish a DMARC record: DMARC passes only when SPF or DKIM passes for a domain aligned with the From: header's. Read next: SPF (RFC 7208), DKIM (RFC 6376) and DMARC alignment (RFC 7489 §3.1).",
            "为发信域名配置 SPF 和 DKIM，并发布 DMARC 记录：只有当 SPF 或 DKIM 针对与 From: 邮件头域名对齐的域名通过时，DMARC 才算通过。延伸阅读：SPF（RFC 7208）、DKIM（RFC 6376）和 DMARC 的对齐规则（RFC 7489 §3.1）。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7372",
    },
    EnhancedInfo {
        subject: 7,
        detail: 27,
        title: Tr::new("Sender address has null MX", "发件人地址的域名设置了空 MX"),
        meaning: Tr::new(
            "The sender's domain publishes a null MX, so it cannot receive bounces, and the receiver refuses mail from it.",
            "发件人的域名发布了空 MX 记录，因而无法接收退信，接收方因此拒收来自它的邮件。",
        ),
        action: Tr::new(
            "Send from a domain that accepts mail, or give the domain real MX records.",
            "使用能够收信的域名发信，或为该域名配置真正的 MX 记录。",
        ),
        classes: ANY_CLASS,
        source: "RFC 7505",
    },
    EnhancedInfo {
        subject: 7,
        detail: 28,
        title: Tr::new("Mail flood detected", "检测到邮件洪泛"),
        meaning: Tr::new(
            "The message looks like part of a flood of similar abusive messages. Gmail defers with 421 4.7.28 when it rate-limits a source, in words such as “Our system has detected an unusual rate of unsolicited mail originating from your IP address” (Gmail’s published SMTP error list).",
            "这封邮件看起来属于大量类似滥用邮件的一部分。Gmail 对发信来源限速时用 421 4.7.28 暂缓接收，措辞如 “Our system has detected an unusual rate of unsolicited mail originating from your IP address”（见 Gmail 公布的 SMTP 错误列表）。",
        ),
        action: Tr::new(
            "Slow down and let the queue retry; find out why recipients treat the mail as unsolicited (lists without consent, complaints) before sending more.",
            "放慢发送速度，让队列自动重试；在继续发送之前，查明收件人为何把邮件视为不请自来（未经同意的名单、投诉）。",
        ),
        classes: ANY_CLASS,
        source: "IANA registry (draft-levine-mailbomb-header)",
    },
    EnhancedInfo {
        subject: 7,
        detail: 29,
        title: Tr::new("ARC validation failure", "ARC 验证失败"),
        meaning: Tr::new(
            "The message failed ARC validation: the Authenticated Received Chain that intermediaries (mailing lists, forwarders) added does not verify (RFC 8617).",
            "邮件未通过 ARC 验证：中间环节（邮件列表、转发者）添加的认证接收链（Authenticated Received Chain）验证不通过（RFC 8617）。",
        ),
        action: Tr::new(
            "If you run the forwarder or list, check its ARC signing keys and that nothing alters the message after sealing.",
            "如果转发服务或邮件列表由你管理，请检查其 ARC 签名密钥，并确认封印之后没有环节改动邮件。",
        ),
        classes: ANY_CLASS,
        source: "RFC 8617",
    },
    EnhancedInfo {
        subject: 7,
        detail: 30,
        title: Tr::new("REQUIRETLS support required", "需要 REQUIRETLS 支持"),
        meaning: Tr::new(
            "The message was sent with REQUIRETLS (it may travel only over verified TLS), and the next hop does not offer REQUIRETLS, so it could not be forwarded (RFC 8689).",
            "邮件带有 REQUIRETLS 要求（只能经由经过验证的 TLS 传输），而下一跳不支持 REQUIRETLS，因此无法转发（RFC 8689）。",
        ),
        action: Tr::new(
            "Send without REQUIRETLS if the content allows it, or to a recipient whose servers support it.",
            "如果内容允许，去掉 REQUIRETLS 后发送；否则改发给服务器支持 REQUIRETLS 的收件人。",
        ),
        classes: ANY_CLASS,
        source: "RFC 8689",
    },
];

/// What the big providers mean by codes they send, each with where its wording was
/// published or recorded. Ordered by code.
pub static PROVIDER_NOTES: &[ProviderNote] = &[
    ProviderNote {
        code: "4.7.28",
        reply: 421,
        provider: Tr::new("Gmail", "Gmail"),
        wording: "Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.",
        meaning: Tr::new(
            "Gmail is rate-limiting mail from your IP because too much of it looks unsolicited (the registry's X.7.28, mail flood). It is a deferral: slow down, let the queue retry, and fix what makes recipients treat the mail as spam (consent, complaints, authentication).",
            "Gmail 认为来自你的 IP 的邮件中不请自来的太多，因而对其限速（即注册表中的 X.7.28，邮件洪泛）。这是暂缓接收：请放慢发送速度、让队列自动重试，并解决让收件人把邮件视为垃圾邮件的原因（是否经过同意、投诉、身份验证）。",
        ),
        from: Tr::new(
            "Gmail's list of SMTP errors in Google's published help",
            "Google 公开帮助中的 Gmail SMTP 错误列表",
        ),
    },
    ProviderNote {
        code: "4.7.650",
        reply: 451,
        provider: Tr::new("Outlook.com (Microsoft)", "Outlook.com（微软）"),
        wording: "The mail server [192.0.2.1] has been temporarily rate limited due to IP reputation. For e-mail delivery information, see https://aka.ms/postmaster (S775)",
        meaning: Tr::new(
            "Outlook.com defers mail from your server's IP because of its reputation; 650 is Microsoft's own detail number, not the registry's. Keep the mail queued and retry more slowly; check the IP's reputation with Microsoft's postmaster services.",
            "Outlook.com 因发信服务器 IP 的信誉问题而暂缓接收；650 是微软自定的细节码，不在注册表中。请保留队列、放慢速度重试，并通过微软的 postmaster 服务检查该 IP 的信誉。",
        ),
        from: Tr::new(
            "recorded from a real Outlook.com reply (2026); the link in it is Microsoft's",
            "记录自一封真实的 Outlook.com 回复（2026 年）；其中的链接是微软的",
        ),
    },
    ProviderNote {
        code: "5.4.1",
        reply: 550,
        provider: Tr::new("Exchange Online (Microsoft 365)", "Exchange Online（Microsoft 365）"),
        wording: "Recipient address rejected: Access denied. AS(201806281)",
        meaning: Tr::new(
            "Not the registry's \"no answer from host\": Exchange Online refuses, at RCPT TO, an address its organisation does not have (Directory-Based Edge Blocking). Check the recipient's address; if it should exist, the organisation's administrator must add it or accept mail for it.",
            "这不是注册表中的“主机无应答”：Exchange Online 在 RCPT TO 阶段拒绝本组织中不存在的地址（基于目录的边缘阻止）。请检查收件人地址；如果它本应存在，需要该组织的管理员添加这个地址或为它接收邮件。",
        ),
        from: Tr::new(
            "Microsoft Learn: fix email delivery issues for error code 5.4.1 in Exchange Online, and the replies posted with it",
            "Microsoft Learn：修复 Exchange Online 中错误代码 5.4.1 的邮件投递问题，以及随之公开的回复",
        ),
    },
    ProviderNote {
        code: "5.7.1",
        reply: 550,
        provider: Tr::new("Gmail", "Gmail"),
        wording: "Our system has detected that this message is not RFC 5322 compliant: 'From' header is missing. To reduce the amount of spam sent to Gmail, this message has been blocked. Please visit https://support.google.com/mail/?p=RfcMessageNonCompliant and review RFC 5322 specifications for more information.",
        meaning: Tr::new(
            "Gmail refuses, after the end of DATA, a message whose header breaks RFC 5322: no From: or one without a valid address, or a field that RFC 5322 §3.6 allows once (From:, To:, Cc:, Subject:, Message-ID: …) given twice — then the reason reads \"duplicate headers\" or names the field. The envelope is fine; fix the header the client or the script builds.",
            "Gmail 在 DATA 结束后拒收邮件头违反 RFC 5322 的邮件：没有 From:，或 From: 中没有有效地址；或者 RFC 5322 §3.6 只允许出现一次的字段（From:、To:、Cc:、Subject:、Message-ID: 等）出现了两次——这时原因写作 \"duplicate headers\" 或直接点出字段名。信封没有问题；请修正客户端或脚本生成的邮件头。",
        ),
        from: Tr::new(
            "Gmail bounces published by those who got them (pastebin.com/Cs1CdqB5 for the missing From:, topdeliverability.com's \"duplicate headers\" bounce log); the link in the reply is Google's help article",
            "收到退信的人公开的 Gmail 退信（缺少 From: 的见 pastebin.com/Cs1CdqB5，\"duplicate headers\" 的见 topdeliverability.com 的退信日志）；回复中的链接是 Google 的帮助文章",
        ),
    },
    ProviderNote {
        code: "5.7.26",
        reply: 550,
        provider: Tr::new("Gmail", "Gmail"),
        wording: "Unauthenticated email from example.com is not accepted due to domain's DMARC policy. Please contact the administrator of example.com domain if this was a legitimate mail.",
        meaning: Tr::new(
            "The From: domain publishes a DMARC policy that rejects unauthenticated mail, and the message passed neither SPF nor DKIM for that domain. Fix SPF and DKIM and their alignment with the From: domain (RFC 7208, RFC 6376, RFC 7489).",
            "From: 所在域名发布了拒收未经验证邮件的 DMARC 策略，而这封邮件对该域名既没有通过 SPF，也没有通过 DKIM。请修正 SPF、DKIM 以及它们与 From: 域名的对齐（RFC 7208、RFC 6376、RFC 7489）。",
        ),
        from: Tr::new(
            "Gmail bounces; the same words came with 5.7.1 before Gmail used 5.7.26",
            "Gmail 退信；在 Gmail 使用 5.7.26 之前，同样的文字配的是 5.7.1",
        ),
    },
    ProviderNote {
        code: "5.7.139",
        reply: 535,
        provider: Tr::new("Exchange Online (Microsoft 365)", "Exchange Online（Microsoft 365）"),
        wording: "Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.",
        meaning: Tr::new(
            "Microsoft 365 refuses the login because authenticated SMTP (SMTP AUTH) is switched off for the organisation or the mailbox, or basic authentication is disabled: the password is not the problem. An administrator turns SMTP AUTH on for the mailbox (Microsoft 365 admin center → the user → Mail → Manage email apps → Authenticated SMTP), or the client moves to OAuth 2.0. The same 5.7.139 with \"the user credentials were incorrect\" is the password after all. 139 is Microsoft's own detail number, not the registry's.",
            "Microsoft 365 拒绝登录，是因为组织或邮箱关闭了经过身份验证的 SMTP（SMTP AUTH），或禁用了基本身份验证：问题不在密码。需要管理员为该邮箱开启 SMTP AUTH（Microsoft 365 管理中心 → 用户 → 邮件 → 管理电子邮件应用 → 经过身份验证的 SMTP），或者让客户端改用 OAuth 2.0。同样的 5.7.139 若写着 \"the user credentials were incorrect\"，那就确实是密码错误。139 是微软自定的细节码，不在注册表中。",
        ),
        from: Tr::new(
            "Microsoft's 5.7.139 replies, with their link aka.ms/smtp_auth_disabled (Microsoft Learn: enable or disable SMTP AUTH in Exchange Online)",
            "微软的 5.7.139 回复及其中的链接 aka.ms/smtp_auth_disabled（Microsoft Learn：在 Exchange Online 中启用或禁用 SMTP AUTH）",
        ),
    },
    ProviderNote {
        code: "5.7.515",
        reply: 550,
        provider: Tr::new("Outlook.com (Microsoft)", "Outlook.com（微软）"),
        wording: "Access denied, sending domain <domain> does not meet the required authentication level.",
        meaning: Tr::new(
            "Outlook.com, Hotmail, Live.com and MSN refuse mail whose From: domain fails their authentication requirements for high-volume senders: SPF and DKIM must pass, a DMARC record must exist and DMARC must pass with alignment. 515 is Microsoft's own detail number, not the registry's.",
            "Outlook.com、Hotmail、Live.com 和 MSN 拒收 From: 域名不满足其大批量发件人认证要求的邮件：SPF 和 DKIM 必须通过，必须发布 DMARC 记录，且 DMARC 必须在对齐的前提下通过。515 是微软自定的细节码，不在注册表中。",
        ),
        from: Tr::new(
            "Microsoft support: \"Fix NDR error 550 5.7.515 in Outlook.com\"",
            "微软支持文章：\"Fix NDR error 550 5.7.515 in Outlook.com\"",
        ),
    },
    ProviderNote {
        code: "5.7.708",
        reply: 550,
        provider: Tr::new("Exchange Online (Microsoft 365)", "Exchange Online（Microsoft 365）"),
        wording: "Access denied, traffic not accepted from this IP.",
        meaning: Tr::new(
            "Exchange Online does not accept mail from the sending IP. 708 is Microsoft's own detail number, not the registry's; an administrator has to deal with the IP's reputation (or the tenant's) before mail flows again.",
            "Exchange Online 不接受来自该发信 IP 的邮件。708 是微软自定的细节码，不在注册表中；需要管理员先处理该 IP（或租户）的信誉问题，邮件才能恢复发送。",
        ),
        from: Tr::new(
            "Microsoft Learn: Exchange Online NDRs 5.7.700 through 5.7.750",
            "Microsoft Learn：Exchange Online 退信 5.7.700 至 5.7.750",
        ),
    },
];

/// The reason tags NetEase documents for its replies, quoted from its published list of
/// bounce codes. Ordered by reply code, then tag.
pub static PROVIDER_TAGS: &[ProviderTag] = &[
    ProviderTag {
        reply: 421,
        tag: "HL:ICC",
        provider: NETEASE,
        published: "该IP同时并发连接数过大，超过了网易的限制，被临时禁止连接。请检查是否有用户发送病毒或者垃圾邮件，并降低IP并发连接数量",
        meaning: Tr::new(
            "Too many simultaneous connections from your IP: NetEase closes the connection for a while. Open fewer connections at once (one or two per destination is plenty) and check that nothing on the host is sending spam or viruses.",
            "来自你的 IP 的并发连接太多：网易暂时关闭连接。请减少同时打开的连接数（对同一目的地一两个就足够），并检查主机上是否有程序在发送垃圾邮件或病毒。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 421,
        tag: "HL:IFC",
        provider: NETEASE,
        published: "该IP短期内发送了大量信件，超过了网易的限制，被临时禁止连接。请检查是否有用户发送病毒或者垃圾邮件，并降低发送频率",
        meaning: Tr::new(
            "Your IP sent too much mail in a short time: connections are refused for a while. Keep the mail queued, send more slowly, and look for a compromised account or script.",
            "你的 IP 短时间内发信过多：连接被暂时拒绝。请保留队列、降低发送频率，并排查是否有账号或脚本被盗用。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 421,
        tag: "HL:REP",
        provider: NETEASE,
        published: "该IP发送行为异常，存在接收者大量不存在情况，被临时禁止连接。请检查是否有用户发送病毒或者垃圾邮件，并核对发送列表有效性",
        meaning: Tr::new(
            "Too many of your recipients do not exist, which looks like a harvested list: connections are refused for a while. Clean the recipient list (remove addresses that bounced with 550) before sending again.",
            "你发送的收件人中有大量不存在的地址，看起来像是收集来的名单：连接被暂时拒绝。再次发送前请清理收件人列表（删除曾以 550 退回的地址）。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 450,
        tag: "DT:RBL",
        provider: NETEASE,
        published: "发信IP位于一个或多个RBL里。请参考http://www.rbls.org/关于RBL的相关信息",
        meaning: Tr::new(
            "The sending IP is on one or more DNS blocklists (RBLs). A deferral: find which lists name the IP, fix the cause and ask for delisting; until then the queue keeps retrying.",
            "发信 IP 被列入一个或多个 DNS 黑名单（RBL）。这是暂缓接收：请查出是哪些名单收录了该 IP，解决原因后申请移除；在此之前队列会继续重试。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 450,
        tag: "MI:CEL",
        provider: NETEASE,
        published: "发送方出现过多的错误指令。请检查发信程序",
        meaning: Tr::new(
            "The client sent too many wrong commands in this session (a deferral under 450). Read the transcript for the replies in 5yz before this one and fix the sending program.",
            "客户端在本次会话中发送了过多错误指令（450 下是暂缓）。请在会话记录中查看此前的 5yz 回复，并修正发信程序。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 450,
        tag: "MI:DMC",
        provider: NETEASE,
        published: "当前连接发送的邮件数量超出限制。请减少每次连接中投递的邮件数量",
        meaning: Tr::new(
            "Too many messages in one connection. Send fewer messages per connection (close with QUIT and reconnect), and let the queue retry the rest.",
            "一次连接中发送的邮件过多。请减少每次连接投递的邮件数（用 QUIT 结束后重新连接），其余的交给队列重试。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 450,
        tag: "RP:DRC",
        provider: NETEASE,
        published: "当前连接发送的收件人数量超出限制。请控制每次连接投递的邮件数量",
        meaning: Tr::new(
            "Too many recipients in this connection: RCPT TO is deferred. Split the recipients over more transactions and connections.",
            "本次连接的收件人过多：RCPT TO 被暂缓。请把收件人分到更多的事务和连接中。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 451,
        tag: "DT:SPM",
        provider: NETEASE,
        published: "邮件正文带有垃圾邮件特征或发送环境缺乏规范性，被临时拒收。请保持邮件队列，两分钟后重投邮件。需调整邮件内容或优化发送环境",
        meaning: Tr::new(
            "After DATA the content looked like spam, or the sending setup is irregular (no valid PTR, HELO not a real host name, no SPF/DKIM), and the message is deferred. Keep it queued and retry after a couple of minutes; if it keeps coming back, change the content or fix the setup.",
            "DATA 之后，邮件内容像垃圾邮件，或发送环境不规范（没有有效的 PTR、HELO 不是真实主机名、没有 SPF/DKIM），邮件被暂缓接收。请保留队列、几分钟后重投；若一再如此，请调整内容或完善发送环境。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 451,
        tag: "MI:SFQ",
        provider: NETEASE,
        published: "发信人在15分钟内的发信数量超过限制，请控制发信频率",
        meaning: Tr::new(
            "This sender sent more than allowed within 15 minutes. A deferral: slow down; the queue retries later.",
            "该发信人 15 分钟内的发信数量超过限制。这是暂缓：请降低频率，队列稍后会重试。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 451,
        tag: "RP:QRC",
        provider: NETEASE,
        published: "发信方短期内累计的收件人数量超过限制，该发件人被临时禁止发信。请降低该用户发信频率",
        meaning: Tr::new(
            "The sender addressed too many recipients in a short time and is blocked for a while. Send to fewer people per hour.",
            "该发件人在短时间内累计的收件人过多，被暂时禁止发信。请降低每小时发送的收件人数。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "DT:SPM",
        provider: NETEASE,
        published: "邮件正文带有很多垃圾邮件特征或发送环境缺乏规范性。需调整邮件内容或优化发送环境",
        meaning: Tr::new(
            "Refused after DATA: the content has many marks of spam or the sending setup is irregular. Unlike 451 DT:SPM this is final: change the content or fix the setup (PTR, HELO name, SPF, DKIM) before sending again.",
            "DATA 之后被拒收：邮件内容带有很多垃圾邮件特征，或发送环境不规范。与 451 DT:SPM 不同，这是最终拒绝：请先调整内容或完善发送环境（PTR、HELO 名称、SPF、DKIM）再发送。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "MI:DMA",
        provider: NETEASE,
        published: "该邮件未被发信域的DMARC许可。请参考http://dmarc.org/关于DMARC规范的定义",
        meaning: Tr::new(
            "The From: domain's DMARC policy rejects this message: it passed neither SPF nor DKIM in alignment with the From: domain (RFC 7489). Fix SPF, DKIM and their alignment; the same refusal as Gmail's 5.7.26.",
            "From: 域名的 DMARC 策略拒收了这封邮件：它既没有在与 From: 域名对齐的前提下通过 SPF，也没有通过 DKIM（RFC 7489）。请修正 SPF、DKIM 及其对齐；这与 Gmail 的 5.7.26 是同一种拒绝。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "MI:IMF",
        provider: NETEASE,
        published: "发信人电子邮件地址不合规范。请参考http://www.rfc-editor.org/关于电子邮件规范的定义",
        meaning: Tr::new(
            "NetEase finds the sender's address malformed: the MAIL FROM path (RFC 5321 §4.1.2) or the From: header (RFC 5322 §3.4). Check both as the client writes them; senders who hit it from a VPS have fixed it by giving the host (and so HELO/EHLO and the address built from it) a real domain name.",
            "网易认为发信人地址不合规范：可能是 MAIL FROM 的路径（RFC 5321 §4.1.2），也可能是 From: 邮件头（RFC 5322 §3.4）。请检查客户端写出的这两处；在 VPS 上遇到此问题的发信人，有的是把主机名（进而 HELO/EHLO 以及据此生成的地址）改成真实域名后解决的。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "MI:NHD",
        provider: NETEASE,
        published: "HELO命令不允许为空",
        meaning: Tr::new(
            "HELO or EHLO was sent without a name. RFC 5321 §4.1.1.1 requires the client's domain (or an address literal); configure the client's host name.",
            "HELO 或 EHLO 没有带名称。RFC 5321 §4.1.1.1 要求给出客户端的域名（或地址字面量）；请设置客户端的主机名。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "MI:SPF",
        provider: NETEASE,
        published: "发信IP未被发送域的SPF许可。请参考http://www.openspf.org/关于SPF规范的定义",
        meaning: Tr::new(
            "The sending IP is not permitted by the SPF record of the MAIL FROM domain (RFC 7208 fail). Add the IP (or your provider's include:) to the domain's SPF record, or send through a server it already lists.",
            "发信 IP 未被 MAIL FROM 域名的 SPF 记录许可（RFC 7208 的 fail）。请把该 IP（或服务商的 include:）加入域名的 SPF 记录，或改用记录中已列出的服务器发信。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "RP:FRL",
        provider: NETEASE,
        published: "网易邮箱不开放匿名转发（Open relay）",
        meaning: Tr::new(
            "Relaying refused: the recipient is not a NetEase mailbox and you have not authenticated. Authenticate (AUTH) on the submission port, or deliver to the recipient's own server.",
            "拒绝中继：收件人不是网易的邮箱，而你没有认证。请在提交端口上先认证（AUTH），或直接投递到收件人自己的服务器。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 550,
        tag: "RP:RCL",
        provider: NETEASE,
        published: "群发收件人数量超过了限额，请减少每封邮件的收件人数量",
        meaning: Tr::new(
            "Too many recipients on one message. Send it in several transactions with fewer RCPT TO each.",
            "一封邮件的收件人过多。请分成几次事务发送，每次少写几个 RCPT TO。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 554,
        tag: "DT:SPM",
        provider: NETEASE,
        published: "发送的邮件内容包含了未被许可的信息，或被系统识别为垃圾邮件。请检查是否有用户发送病毒或者垃圾邮件",
        meaning: Tr::new(
            "Refused at the end of DATA: the content was judged spam or not permitted. Final: resending the same message fails again. Change the subject and body (links, wording, attachments), and check the account is not sending spam or viruses.",
            "在 DATA 结束时被拒收：内容被判定为垃圾邮件或含有未被许可的信息。这是最终拒绝：原样重发还会失败。请修改主题和正文（链接、措辞、附件），并检查该账号是否在发送垃圾邮件或病毒。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 554,
        tag: "DT:SUM",
        provider: NETEASE,
        published: "信封发件人和信头发件人不匹配",
        meaning: Tr::new(
            "The envelope sender (MAIL FROM) and the From: header differ. Make them the same address, the one you authenticated as; that also keeps clear of 163.com's \"553 Mail from must equal authorized user\", which compares MAIL FROM with the login.",
            "信封发件人（MAIL FROM）与 From: 邮件头的发件人不一致。请把两者设为同一个地址，即你认证时使用的地址；这样也能避开 163.com 的 \"553 Mail from must equal authorized user\"（它比较的是 MAIL FROM 与登录账号）。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 554,
        tag: "HL:IPB",
        provider: NETEASE,
        published: "该IP不在网易允许的发送地址列表里",
        meaning: Tr::new(
            "The sending IP is not on the list of addresses NetEase accepts mail from. Send through your provider's server, or have the IP's reputation and PTR record fixed.",
            "发信 IP 不在网易允许的发送地址列表里。请改用服务商的服务器发信，或先解决该 IP 的信誉和 PTR 记录问题。",
        ),
        from: NETEASE_LIST,
    },
    ProviderTag {
        reply: 554,
        tag: "MI:SPB",
        provider: NETEASE,
        published: "此用户不在网易允许的发信用户列表里",
        meaning: Tr::new(
            "This sender is not on the list of users allowed to send. Check the account's status with NetEase.",
            "该发信人不在允许发信的用户列表里。请向网易确认账号状态。",
        ),
        from: NETEASE_LIST,
    },
];

/// NetEase, as its tags name it.
const NETEASE: Tr = Tr::new("NetEase (163.com, 126.com)", "网易（163.com、126.com）");
const NETEASE_LIST: Tr = Tr::new(
    "NetEase's list of bounce codes (退信代码说明), http://mail.163.com/help/help_spam_16.htm — the page NetEase's own replies link to",
    "网易的退信代码说明，http://mail.163.com/help/help_spam_16.htm——网易自己的回复所链接的页面",
);
