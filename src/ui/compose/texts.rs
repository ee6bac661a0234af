//! The compose page's texts, each in English and Simplified Chinese.
//!
//! Placeholders in braces (`{n}`, `{name}`) are replaced by the component that shows them.

use crate::i18n::Tr;

/// Navigation label.
pub const NAV: Tr = Tr::new("Compose", "写邮件");
/// The page heading.
pub const HEADING: Tr = Tr::new("Compose and send", "写邮件并发送");
/// Under the heading.
pub const INTRO: Tr = Tr::new(
    "Write a message, pick the simulated server and the client's settings (modelled on DokuWiki's smtp plugin, from the wiki whose notification mail 163.com refused), and send it — all inside the page. Then read the dialog with every reply explained, the plugin's log, the exact bytes on the wire, why each header is written as it is, and the envelope against the headers.",
    "写一封邮件，选择模拟服务器和客户端设置（仿照 DokuWiki 的 smtp 插件，即那个通知邮件被 163.com 拒收的 wiki），然后发送——全部在页面内完成。之后可以查看每条回复都有解释的对话、插件格式的日志、线路上的原始字节、每个邮件头为何这样写，以及信封与邮件头的对照。",
);

// The message form.
/// Section heading.
pub const MESSAGE: Tr = Tr::new("Message", "邮件");
/// Field label.
pub const FROM: Tr = Tr::new("From", "发件人（From）");
/// Field label.
pub const TO: Tr = Tr::new("To", "收件人（To）");
/// Field label.
pub const CC: Tr = Tr::new("Cc", "抄送（Cc）");
/// Field label.
pub const BCC: Tr = Tr::new("Bcc", "密送（Bcc）");
/// Field label.
pub const REPLY_TO: Tr = Tr::new("Reply-To", "回复地址（Reply-To）");
/// Field label.
pub const SUBJECT: Tr = Tr::new("Subject", "主题（Subject）");
/// Field label.
pub const TEXT: Tr = Tr::new("Text body", "纯文本正文");
/// Under the address fields.
pub const ADDRESS_HINT: Tr = Tr::new(
    "Separate addresses with commas; display names are fine: 孙勇峰 <bob@example.com>, carol@example.com",
    "多个地址用逗号分隔；可以带显示名：孙勇峰 <bob@example.com>, carol@example.com",
);
/// Under Bcc.
pub const BCC_HINT: Tr = Tr::new(
    "Each Bcc address gets its own RCPT TO, but no header names it.",
    "每个密送地址都有自己的 RCPT TO，但任何邮件头都不会出现它。",
);
/// Field label.
pub const CHARSET: Tr = Tr::new("Charset", "字符集");
/// Field label.
pub const ENCODING: Tr = Tr::new("Transfer encoding", "传输编码");
/// The automatic transfer encoding.
pub const ENCODING_AUTO: Tr = Tr::new("auto (the composer chooses)", "自动（由编写器选择）");
/// Checkbox.
pub const HTML_ON: Tr = Tr::new("Add an HTML alternative", "添加 HTML 版本");
/// Field label.
pub const HTML: Tr = Tr::new("HTML body", "HTML 正文");
/// Under the HTML field.
pub const HTML_HINT: Tr = Tr::new(
    "Sent as multipart/alternative next to the text: the reader shows the one it prefers.",
    "与纯文本一起以 multipart/alternative 发送：邮件客户端显示它更偏好的那一个。",
);

// Attachments.
/// Section heading.
pub const ATTACHMENTS: Tr = Tr::new("Attachments", "附件");
/// The file input's label.
pub const ADD_FILES: Tr = Tr::new("Add files", "添加文件");
/// Under the file input.
pub const ATTACH_HINT: Tr = Tr::new(
    "At most 5 MB per file and 10 MB in all. Files are read inside the page and never uploaded anywhere.",
    "每个文件最多 5 MB，总共最多 10 MB。文件只在页面内读取，不会上传到任何地方。",
);
/// A file's size.
pub const BYTES: Tr = Tr::new("{n} bytes", "{n} 字节");
/// Remove an attachment (with its name for screen readers).
pub const REMOVE: Tr = Tr::new("Remove", "移除");
/// Remove button's accessible label.
pub const REMOVE_LABEL: Tr = Tr::new("Remove {name}", "移除 {name}");
/// A file over the per-file limit.
pub const FILE_TOO_BIG: Tr = Tr::new(
    "{name} is {n} bytes: over the limit of 5 MB for one file, so it was not added.",
    "{name} 有 {n} 字节：超过单个文件 5 MB 的上限，未添加。",
);
/// Over the total limit.
pub const TOTAL_TOO_BIG: Tr = Tr::new(
    "{name} was not added: with it the attachments would be over 10 MB in all.",
    "{name} 未添加：加上它附件总量会超过 10 MB。",
);
/// Too many files.
pub const TOO_MANY_FILES: Tr = Tr::new(
    "{name} was not added: at most 20 attachments.",
    "{name} 未添加：最多 20 个附件。",
);
/// A file the browser could not read.
pub const FILE_UNREADABLE: Tr = Tr::new(
    "{name} could not be read by the browser.",
    "浏览器无法读取 {name}。",
);
/// While reading.
pub const READING: Tr = Tr::new("Reading {name}…", "正在读取 {name}…");

// The server.
/// Section heading.
pub const SERVER: Tr = Tr::new("Simulated server", "模拟服务器");
/// Profile picker label.
pub const PROFILE: Tr = Tr::new("Server software", "服务器软件");
/// Its accounts.
pub const ACCOUNTS: Tr = Tr::new("Accounts on it", "上面的账号");
/// Fault picker label.
pub const FAULT: Tr = Tr::new("Inject a fault", "注入故障");
/// No fault.
pub const FAULT_NONE: Tr = Tr::new("none", "无");
/// A fault on the first command.
pub const FAULT_FIRST: Tr = Tr::new("{code} on the first command", "第一条命令回复 {code}");
/// A fault on a share of commands.
pub const FAULT_SHARE: Tr = Tr::new("{code} on 30% of commands", "30% 的命令回复 {code}");
/// Policies heading.
pub const POLICIES: Tr = Tr::new("Policies", "策略");
/// Under the server panel.
pub const SERVER_HINT: Tr = Tr::new(
    "Every Send opens a new connection to a fresh server with these settings; what it accepts lands in the Mailbox.",
    "每次发送都会以这些设置连接一个新的服务器；它接受的邮件会出现在“邮箱”中。",
);

// The client.
/// Section heading.
pub const CLIENT: Tr = Tr::new(
    "Client (the DokuWiki smtp plugin's settings)",
    "客户端（DokuWiki smtp 插件的设置）",
);
/// Field label.
pub const HOST: Tr = Tr::new("Host", "主机");
/// Under the host.
pub const HOST_HINT: Tr = Tr::new(
    "Shown in the log; the simulated server answers whatever name is given.",
    "显示在日志中；无论填什么名字，模拟服务器都会应答。",
);
/// Field label.
pub const PORT: Tr = Tr::new("Port", "端口");
/// Field label.
pub const SECURITY: Tr = Tr::new("Security", "安全");
/// Security: none.
pub const SEC_NONE: Tr = Tr::new("none", "无");
/// Security: implicit TLS.
pub const SEC_SSL: Tr = Tr::new("SSL (implicit TLS, port 465)", "SSL（隐式 TLS，465 端口）");
/// Security: STARTTLS.
pub const SEC_TLS: Tr = Tr::new("TLS (STARTTLS, port 587)", "TLS（STARTTLS，587 端口）");
/// What "none" means.
pub const SEC_NONE_ABOUT: Tr = Tr::new(
    "Plain text all the way (port 25, or 587 without TLS). Anyone on the path can read the whole session, AUTH included: base64 is an encoding, not encryption.",
    "全程明文（25 端口，或不用 TLS 的 587）。路径上的任何人都能读到整个会话，包括 AUTH：base64 只是编码，不是加密。",
);
/// What SSL means.
pub const SEC_SSL_ABOUT: Tr = Tr::new(
    "Implicit TLS: the connection is encrypted from the first byte, before the server's greeting (RFC 8314), usually on port 465. Here the encryption is simulated; `smtp-trainer send --security tls` against `smtp-trainer serve --tls-listen` does it for real.",
    "隐式 TLS：连接从第一个字节起就加密，在服务器问候之前（RFC 8314），通常用 465 端口。这里的加密是模拟的；用 `smtp-trainer send --security tls` 连接 `smtp-trainer serve --tls-listen` 则是真正的加密。",
);
/// What TLS means.
pub const SEC_TLS_ABOUT: Tr = Tr::new(
    "STARTTLS: the session starts in plain text, and the client asks to switch to TLS before AUTH (RFC 3207), usually on port 587 (submission) or 25. If the server does not offer STARTTLS, the client stops rather than go on in clear.",
    "STARTTLS：会话以明文开始，客户端在 AUTH 之前请求切换到 TLS（RFC 3207），通常用 587（提交端口）或 25 端口。如果服务器不提供 STARTTLS，客户端会停下，而不会继续明文发送。",
);
/// A port other than the usual one for the security chosen.
pub const PORT_UNUSUAL: Tr = Tr::new(
    "Port {port} is unusual with this choice (usually {usual}); the simulated server does not mind, a real one would not answer as expected.",
    "这种选择下用 {port} 端口不太常见（通常是 {usual}）；模拟服务器不在意，真实服务器则不会按预期应答。",
);
/// The port is not a number.
pub const PORT_INVALID: Tr = Tr::new(
    "The port must be a number from 1 to 65535.",
    "端口必须是 1 到 65535 之间的数字。",
);
/// Field label.
pub const USER: Tr = Tr::new("User (auth_user)", "用户名（auth_user）");
/// Under the user.
pub const USER_HINT: Tr = Tr::new("Empty: no AUTH.", "留空：不进行 AUTH。");
/// Field label.
pub const PASSWORD: Tr = Tr::new("Password (auth_pass)", "密码（auth_pass）");
/// Under the password.
pub const PASSWORD_HINT: Tr = Tr::new(
    "Kept in this page's memory only: never stored, never sent anywhere. With XOAUTH2 or OAUTHBEARER, put the OAuth 2.0 access token here (RFC 7628).",
    "只保存在本页面的内存中：绝不存储，也不会发送到任何地方。使用 XOAUTH2 或 OAUTHBEARER 时，这里填 OAuth 2.0 访问令牌（RFC 7628）。",
);
/// Field label.
pub const SENDER: Tr = Tr::new("Sender address (mailfrom)", "发件地址（mailfrom）");
/// Under the sender.
pub const SENDER_HINT: Tr = Tr::new(
    "The envelope sender, MAIL FROM. Empty: the From address. It may differ from From: — and from the login, which is the DokuWiki log's 553 \"Mail from must equal authorized user\".",
    "信封发件人，即 MAIL FROM。留空：使用 From 地址。它可以与 From: 不同——也可以与登录名不同，这正是 DokuWiki 日志中的 553 \"Mail from must equal authorized user\"。",
);
/// Field label.
pub const MECHANISM: Tr = Tr::new("AUTH mechanism", "AUTH 机制");
/// The automatic mechanism.
pub const MECHANISM_AUTO: Tr = Tr::new(
    "auto (the best the server offers)",
    "自动（服务器所提供的最好的）",
);
/// Checkbox.
pub const DEBUG: Tr = Tr::new(
    "debug: keep the whole Got:/Sent: log",
    "debug：保留完整的 Got:/Sent: 日志",
);
/// Preset button.
pub const PRESET_SEED000: Tr = Tr::new(
    "Load the DokuWiki case: DokuWiki → smtp.163.com",
    "载入 DokuWiki 案例：DokuWiki → smtp.163.com",
);
/// What the preset does.
pub const PRESET_SEED000_ABOUT: Tr = Tr::new(
    "163.com's server, user sunnogo@163.com, mailfrom noreply@163.com, AUTH LOGIN: send it to see the 553.",
    "163.com 的服务器，用户 sunnogo@163.com，mailfrom 为 noreply@163.com，AUTH LOGIN：发送即可看到 553。",
);
/// The Send button.
pub const SEND: Tr = Tr::new("Send", "发送");
/// Next to the Send button.
pub const SEND_HINT: Tr = Tr::new(
    "Ctrl+Enter in any field sends too.",
    "在任一输入框中按 Ctrl+Enter 也可发送。",
);

// Refusals before sending.
/// The composer refused.
pub const REFUSED: Tr = Tr::new(
    "Not sent: the message cannot be composed",
    "未发送：无法编写这封邮件",
);
/// No From.
pub const FROM_MISSING: Tr = Tr::new(
    "From is empty: a message needs its author (RFC 5322 §3.6.2).",
    "From 为空：邮件必须有作者（RFC 5322 §3.6.2）。",
);
/// Several From.
pub const FROM_SEVERAL: Tr = Tr::new(
    "Give one From address: with several, RFC 5322 §3.6.2 wants a Sender header too, which this composer does not write.",
    "请只填一个 From 地址：有多个时 RFC 5322 §3.6.2 还要求 Sender 邮件头，本编写器不写它。",
);

// Results.
/// Section heading.
pub const RESULT: Tr = Tr::new("Result", "结果");
/// Before the first send.
pub const NO_RESULT: Tr = Tr::new("Nothing sent yet: press Send.", "还没有发送：请按“发送”。");
/// Delivered.
pub const DELIVERED: Tr = Tr::new(
    "Message was sent: the server accepted it with {reply}",
    "邮件已发送：服务器以 {reply} 接受了它",
);
/// Not delivered, no failure named.
pub const NOT_DELIVERED: Tr = Tr::new("Message wasn't sent.", "邮件没有发送。");
/// Open the message in the mailbox.
pub const OPEN_MAILBOX: Tr = Tr::new("Open it in the Mailbox", "在邮箱中打开");
/// Status.
pub const ST_DELIVERED: Tr = Tr::new("delivered", "已投递");
/// Status.
pub const ST_ACCEPTED: Tr = Tr::new("accepted", "已接受");
/// Status.
pub const ST_NOT_DELIVERED: Tr =
    Tr::new("accepted, but the message failed", "已接受，但邮件发送失败");
/// Status.
pub const ST_REJECTED: Tr = Tr::new("refused", "被拒绝");
/// Status.
pub const ST_DEFERRED: Tr = Tr::new("deferred (try again later)", "暂缓（稍后重试）");
/// Status.
pub const ST_NOT_TRIED: Tr = Tr::new("not tried", "未尝试");

// The dialog.
/// Section heading.
pub const DIALOG: Tr = Tr::new("Dialog", "对话");
/// Under the dialog heading.
pub const DIALOG_HINT: Tr = Tr::new(
    "C: is the client, S: the server. Click a reply to see why the server sent it; the client's reasoning is in italics.",
    "C: 是客户端，S: 是服务器。点击一条回复可查看服务器为何发送它；斜体是客户端的考虑。",
);
/// The message octets in the dialog.
pub const DATA_LINE: Tr = Tr::new(
    "[the message: {n} octets, {lines} lines — see the wire view]",
    "[邮件内容：{n} 字节，{lines} 行——见线路视图]",
);
/// The TLS handshake.
pub const TLS_LINE: Tr = Tr::new(
    "— TLS handshake (simulated in the page; `smtp-trainer send` and `serve` do it for real) —",
    "— TLS 握手（页面中为模拟；`smtp-trainer send` 和 `serve` 会真正进行）—",
);
/// Prefix of a client note.
pub const CLIENT_NOTE: Tr = Tr::new("client: ", "客户端：");
/// Reply button title.
pub const REPLY_TITLE: Tr = Tr::new("Why this reply?", "为什么是这条回复？");
/// When the server's reason is not known.
pub const NO_WHY: Tr = Tr::new(
    "The reference's reading of the code:",
    "参考中对这个回复码的解释：",
);

// The log.
/// Section heading.
pub const LOG: Tr = Tr::new(
    "Log (as DokuWiki's smtp plugin writes it)",
    "日志（DokuWiki smtp 插件的格式）",
);
/// Under the log heading.
pub const LOG_HINT: Tr = Tr::new(
    "Set: / Connecting to … / Got: / Sent: — compare it with the DokuWiki log. Without debug only the verdict is kept.",
    "Set: / Connecting to … / Got: / Sent:——可与 DokuWiki 的日志对照。关闭 debug 时只保留结论。",
);

// The AUTH trace.
/// Section heading.
pub const AUTH: Tr = Tr::new("AUTH, step by step", "AUTH 逐步计算");
/// Link to the auth page.
pub const AUTH_LINK: Tr = Tr::new("Walk it on the Auth page", "在认证页面逐步查看");
/// The steps' disclosure.
pub const AUTH_STEPS: Tr = Tr::new("Show the {n} steps", "显示全部 {n} 个步骤");
/// AUTH succeeded.
pub const AUTH_OK: Tr = Tr::new("The server accepted it (235).", "服务器接受了认证（235）。");
/// AUTH failed.
pub const AUTH_FAILED: Tr = Tr::new("The server did not accept it.", "服务器没有接受认证。");

// The wire view.
/// Section heading.
pub const WIRE: Tr = Tr::new("On the wire: what DATA sends", "线路上：DATA 发送的内容");
/// Under the heading.
pub const WIRE_HINT: Tr = Tr::new(
    "The exact octets after the 354, dot-stuffed, ending with the lone dot. ␍␊ is CRLF; the number is the line's length in octets without it (at most 998, RFC 5322 §2.1.1).",
    "354 之后发送的确切字节，已做点填充，以单独的点结束。␍␊ 表示 CRLF；数字是该行不含 CRLF 的字节数（最多 998，RFC 5322 §2.1.1）。",
);
/// When DATA was never sent.
pub const WIRE_NOT_SENT: Tr = Tr::new(
    "The session ended before DATA: these octets were never sent — this is what DATA would have carried.",
    "会话在 DATA 之前就结束了：这些字节从未发送——这是 DATA 本应携带的内容。",
);
/// Legend: boundary.
pub const WIRE_BOUNDARY: Tr = Tr::new("multipart boundary", "multipart 边界");
/// Legend: stuffed.
pub const WIRE_STUFFED: Tr = Tr::new(
    "a dot was added (dot-stuffing, RFC 5321 §4.5.2)",
    "加了一个点（点填充，RFC 5321 §4.5.2）",
);
/// Legend: end of data.
pub const WIRE_END: Tr = Tr::new("the end of the data", "数据结束");
/// Lines not shown.
pub const WIRE_MORE: Tr = Tr::new(
    "… {n} more lines not shown ({bytes} octets in all).",
    "……另有 {n} 行未显示（共 {bytes} 字节）。",
);
/// Line-length column header.
pub const WIRE_OCTETS: Tr = Tr::new("octets", "字节");

// The notes.
/// Section heading.
pub const NOTES: Tr = Tr::new(
    "Why each header and part is written so",
    "每个邮件头和部分为何这样写",
);

// The envelope.
/// Section heading.
pub const ENVELOPE: Tr = Tr::new("Envelope vs headers", "信封与邮件头");
/// Under the heading.
pub const ENVELOPE_HINT: Tr = Tr::new(
    "The server delivers by the envelope (MAIL FROM, RCPT TO), never by the headers, which are only part of the message text.",
    "服务器按信封（MAIL FROM、RCPT TO）投递，从不按邮件头投递——邮件头只是邮件内容的一部分。",
);
/// MAIL FROM row.
pub const MAIL_FROM: Tr = Tr::new("MAIL FROM (envelope)", "MAIL FROM（信封）");
/// From: row.
pub const FROM_HEADER: Tr = Tr::new("From: (header)", "From:（邮件头）");
/// They differ.
pub const SENDER_DIFFERS: Tr = Tr::new(
    "They differ, which SMTP allows: the envelope sender is where bounces go, From: is the author the reader sees.",
    "两者不同，SMTP 允许这样：信封发件人是退信的去处，From: 是读者看到的作者。",
);
/// The login row.
pub const LOGIN: Tr = Tr::new("Login (auth_user)", "登录名（auth_user）");
/// MAIL FROM is not the login.
pub const LOGIN_DIFFERS: Tr = Tr::new(
    "MAIL FROM is not the login: a server that wants them equal (163.com; the policy \"MAIL FROM must be the authenticated user\") refuses with 553 — the DokuWiki log's \"Mail from must equal authorized user\".",
    "MAIL FROM 不是登录名：要求两者一致的服务器（163.com；策略“MAIL FROM 必须是认证用户本人”）会以 553 拒绝——即 DokuWiki 日志中的 \"Mail from must equal authorized user\"。",
);
/// MAIL FROM is the login.
pub const LOGIN_SAME: Tr = Tr::new(
    "MAIL FROM is the login, as servers that check it want.",
    "MAIL FROM 就是登录名，正是检查这一点的服务器所要求的。",
);
/// They are the same.
pub const SENDER_SAME: Tr = Tr::new(
    "MAIL FROM and From: are the same address.",
    "MAIL FROM 与 From: 是同一个地址。",
);
/// Column.
pub const COL_HEADER: Tr = Tr::new("Header", "邮件头");
/// Column.
pub const COL_RESULT: Tr = Tr::new("RCPT TO result", "RCPT TO 结果");
/// Only in the envelope.
pub const ENVELOPE_ONLY: Tr = Tr::new("none — envelope only (Bcc)", "无——只在信封中（密送）");

// A large send, run in the compose worker.
/// When the send itself could not be run (a damaged job; should not happen).
pub const JOB_BROKEN: Tr = Tr::new("The send could not be run", "无法执行这次发送");
/// The progress line while the worker composes.
pub const PROGRESS_COMPOSING: Tr = Tr::new(
    "Composing the message ({size})…",
    "正在编写邮件（{size}）……",
);
/// The progress line while the worker runs the session.
pub const PROGRESS_SENDING: Tr = Tr::new(
    "Sending it to the simulated server…",
    "正在发送给模拟服务器……",
);
/// The progress line while the worker reads back the stored message.
pub const PROGRESS_READING: Tr = Tr::new(
    "Reading the stored message back…",
    "正在读回服务器保存的邮件……",
);
/// Under the progress line.
pub const PROGRESS_HINT: Tr = Tr::new(
    "A large or signed message is sent in the background: the page stays usable meanwhile.",
    "大邮件或要签名的邮件在后台发送：在此期间页面仍可正常使用。",
);

// Sign with DKIM (issue 19).
/// The checkbox.
pub const DKIM_ON: Tr = Tr::new("Sign with DKIM", "使用 DKIM 签名");
/// Under the checkbox.
pub const DKIM_HINT: Tr = Tr::new(
    "The composed message is signed before it is sent (RFC 6376 §5: relaxed/relaxed, Ed25519 per RFC 8463), in the compose worker; the signature travels in the message, and the mailbox can verify what the server stored.",
    "撰写好的邮件在发送前被签名（RFC 6376 §5：relaxed/relaxed，Ed25519 见 RFC 8463），签名在撰写 Worker 中进行；签名随邮件一起传输，邮箱中可以验证服务器存储的邮件。",
);
/// Field label.
pub const DKIM_DOMAIN: Tr = Tr::new("Signing domain (d=)", "签名域名（d=）");
/// Under `d=`: `{domain}` is the From: domain.
pub const DKIM_DOMAIN_HINT: Tr = Tr::new(
    "Empty: the From: domain ({domain}), so DMARC finds it aligned.",
    "留空则使用 From: 的域名（{domain}），这样 DMARC 认为它是对齐的。",
);
/// Field label.
pub const DKIM_SELECTOR: Tr = Tr::new("Selector (s=)", "选择器（s=）");
/// The key's label.
pub const DKIM_KEY: Tr = Tr::new(
    "The demo key's record (published at {selector}._domainkey.{domain})",
    "演示密钥的记录（发布在 {selector}._domainkey.{domain}）",
);
/// No key yet.
pub const DKIM_NO_KEY_YET: Tr = Tr::new(
    "No key yet. A demo Ed25519 key pair is made from 32 random octets of the browser; the private key stays in the page's memory (the same key as in Message auth → DKIM sign).",
    "还没有密钥。演示用的 Ed25519 密钥对由浏览器的 32 个随机字节生成；私钥只保存在页面内存中（与“邮件认证 → DKIM 签名”中的密钥相同）。",
);
/// The button.
pub const DKIM_GENERATE: Tr = Tr::new("Generate a demo key pair", "生成演示密钥对");
/// While the worker makes the key.
pub const DKIM_GENERATING: Tr = Tr::new("Making the key…", "正在生成密钥…");
/// The key could not be made: `{error}`.
pub const DKIM_KEY_ERROR: Tr = Tr::new(
    "The key could not be made: {error}",
    "无法生成密钥：{error}",
);
/// Send refused: no key.
pub const DKIM_NO_KEY: Tr = Tr::new(
    "Sign with DKIM needs a key: generate a demo key pair first.",
    "使用 DKIM 签名需要密钥：请先生成演示密钥对。",
);
/// Send refused: no worker.
pub const DKIM_NEEDS_WORKER: Tr = Tr::new(
    "Signing runs in the compose worker, which a page opened as a file cannot start: open the page over HTTP to sign.",
    "签名在撰写 Worker 中进行，而以文件方式打开的页面无法启动 Worker：请通过 HTTP 打开页面再签名。",
);
/// The result's section heading.
pub const DKIM_SIGNATURE: Tr = Tr::new(
    "The DKIM signature, built step by step",
    "DKIM 签名的逐步构建",
);
/// Under it.
pub const DKIM_SIGNED: Tr = Tr::new(
    "Signed before the session: the DKIM-Signature header is the message's first line on the wire, and the server stored it with the message. Verify it from the mailbox; the key record:",
    "在会话之前签名：DKIM-Signature 头是线路上邮件的第一行，服务器将它与邮件一起存储。可以在邮箱中验证它；密钥记录：",
);
