//! The labels of the page and the command line, in both languages.

use super::Tr;

macro_rules! messages {
    ($($(#[doc = $doc:literal])* $name:ident => $en:literal, $zh:literal;)*) => {
        /// A label of the UI or the CLI. Each one has both languages by construction.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($(#[doc = $doc])* $name,)*
        }

        impl Msg {
            /// Every message, for tests and tooling.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message in both languages.
            pub fn text(self) -> Tr {
                match self {
                    $(Msg::$name => const { Tr::new($en, $zh) },)*
                }
            }
        }
    };
}

messages! {
    /// The product's name.
    AppName => "SMTP Trainer", "SMTP 训练器";
    /// One line under the name.
    Tagline => "Learn SMTP and its authentication, one reply at a time.", "逐条回复，学懂 SMTP 及其身份认证。";
    /// The navigation landmark's label.
    NavLabel => "Sections", "栏目";
    /// Navigation: the reply-code reference.
    NavReference => "Reference", "回复码参考";
    /// The language switch's label.
    Language => "Language", "语言";
    /// Skip link for keyboard users.
    SkipToContent => "Skip to content", "跳到正文";
    /// Reference page heading.
    ReferenceHeading => "Reply code reference", "SMTP 回复码参考";
    /// Reference page introduction.
    ReferenceIntro => "Every SMTP reply starts with three digits, and many add an enhanced status code such as 5.7.8. Search by code or by word, or paste a whole reply line and press Enter.", "每条 SMTP 回复都以三位数字开头，许多还带有增强状态码（如 5.7.8）。可按代码或关键词搜索，也可以粘贴整行回复后按 Enter。";
    /// Search box label.
    SearchLabel => "Search the reference", "搜索参考";
    /// Search box placeholder.
    SearchPlaceholder => "553, 5.7.8, relay, 553 Mail from must equal authorized user", "553、5.7.8、中继、553 Mail from must equal authorized user";
    /// No search result.
    NoResults => "Nothing in the reference matches. Try a code such as 550, or fewer words.", "参考中没有匹配项。请尝试输入代码（如 550）或减少关键词。";
    /// List heading: reply codes.
    ReplyCodes => "Reply codes", "回复码";
    /// List heading: enhanced status codes.
    EnhancedCodes => "Enhanced status codes", "增强状态码";
    /// Shown when no code is selected.
    PickACode => "Pick a code from the list, or type one above.", "请从列表中选择一个代码，或在上方输入。";
    /// Detail: the digits, one by one.
    Digits => "What the digits say", "各位数字的含义";
    /// Detail: when servers send a reply code.
    When => "When servers send it", "服务器何时发送";
    /// Detail: what an enhanced code means.
    Meaning => "What it means", "含义";
    /// Detail: what to do.
    Action => "What to do", "应当怎么做";
    /// Detail: enhanced codes often sent with a reply code.
    OftenWith => "Often sent with", "常见的增强状态码";
    /// Detail: real reply lines.
    SeenInTheWild => "Seen from real servers", "真实服务器的回复";
    /// Detail: where the code is defined.
    DefinedIn => "Defined in", "定义于";
    /// Detail: the enhanced code's class.
    Class => "Class", "类别";
    /// Detail: the enhanced code's subject.
    Subject => "Subject", "主题";
    /// Detail: the enhanced code's detail.
    Detail => "Detail", "细节";
    /// Detail: the free text of a pasted reply.
    ReplyText => "Text of the reply", "回复文本";
    /// Detail: the server-chosen text is not standardised.
    ReplyTextNote => "The text after the codes is the server's own wording; clients must not depend on it (RFC 5321 §4.2).", "代码后面的文字由服务器自行决定；客户端不应依赖它（RFC 5321 §4.2）。";
    /// Not found page heading.
    NotFoundHeading => "Page not found", "页面不存在";
    /// Not found page text.
    NotFoundBody => "Nothing lives at this address. The reference is the place to start.", "这个地址没有内容。可以从回复码参考开始。";
    /// Footer promise about privacy.
    PrivacyNote => "Runs entirely in your browser: nothing you type leaves this page.", "完全在浏览器中运行：你输入的任何内容都不会离开本页面。";
    /// CLI: heading for an unknown-but-valid code.
    NotInReference => "Not in the reference", "本参考未收录";
    /// Navigation: the console.
    NavConsole => "Console", "控制台";
    /// Console page heading.
    ConsoleHeading => "SMTP console", "SMTP 控制台";
    /// Console page introduction.
    ConsoleIntro => "Talk to a simulated SMTP server the way telnet would: type a command, press Enter, read the reply. Click any server reply to see why it was sent. The base64 of AUTH is decoded as you go, and the server, its policies and its faults can be changed at any time.", "像用 telnet 一样与模拟的 SMTP 服务器对话：输入命令，按 Enter，阅读回复。点击任意一条服务器回复，就能看到它为什么这样回复。AUTH 里的 base64 会随时解码显示；服务器类型、策略和故障也可以随时更改。";
    /// Console: under the input, how to get explanations.
    ConsoleClickHint => "Click a server reply (S:) to see why the server sent it.", "点击服务器回复（S:），即可查看服务器为什么这样回复。";
    /// Console: the side column's landmark label.
    ConsoleSideLabel => "Accounts, base64 and server settings", "账号、base64 与服务器设置";
    /// Console: tooltip of a reply button.
    ConsoleReplyTitle => "Why this reply? Click for the explanation.", "为什么这样回复？点击查看解释。";
    /// Console: link from a reply to the reference; `{code}` is the code.
    ConsoleOpenReference => "Open {code} in the reference", "在回复码参考中查看 {code}";
    /// Console: label before decoded base64.
    ConsoleDecoded => "decoded", "解码后";
    /// Console: decoded base64 that is empty.
    ConsoleDecodedEmpty => "(empty)", "（空）";
    /// Console: the `*` answer to a challenge.
    ConsoleDecodedCancel => "* cancels the authentication", "* 表示取消认证";
    /// Console: an AUTH field that is not base64.
    ConsoleNotBase64 => "not valid base64", "不是合法的 base64";
    /// Console: a long client line is cut in the transcript; `{n}` is the byte count.
    ConsoleLineCut => "… and {n} more bytes (sent, not shown)", "……另有 {n} 字节（已发送，未显示）";
    /// Console marker: a new connection.
    ConsoleMarkerConnected => "connected to {host} ({profile}) from {client}", "已从 {client} 连接到 {host}（{profile}）";
    /// Console marker: STARTTLS's handshake.
    ConsoleMarkerTls => "TLS handshake (simulated in the page; `smtp-trainer serve` runs a real one)", "TLS 握手（页面中为模拟；`smtp-trainer serve` 会进行真正的握手）";
    /// Console marker: a message was stored; `{id}` is its queue id.
    ConsoleMarkerStored => "message stored as {id}", "邮件已存入邮箱，编号 {id}";
    /// Console marker: the server closed the connection.
    ConsoleMarkerClosed => "connection closed", "连接已关闭";
    /// Console marker: a policy changed.
    ConsoleMarkerSettings => "server settings changed", "服务器设置已更改";
    /// Console marker: old lines dropped; `{n}` is how many.
    ConsoleMarkerTrimmed => "{n} older lines were removed to save memory", "为节省内存，已删除较早的 {n} 行";
    /// Console: the transcript's label.
    ConsoleTranscript => "Transcript", "会话记录";
    /// Console: the single-line input's label.
    ConsoleCommandLabel => "Command", "命令";
    /// Console: the button that sends the command line.
    ConsoleSend => "Send line", "发送此行";
    /// Console: how the single-line input works.
    ConsoleCommandHint => "Enter sends the line with CRLF · ↑ ↓ recall earlier commands · Tab completes the command", "Enter 发送该行（自动加 CRLF）· ↑ ↓ 调出之前的命令 · Tab 补全命令";
    /// Console: a message line starts with a dot; `{n}` its number, `{line}` what arrives.
    ConsoleDotHint => "Line {n} starts with a dot: the server removes one leading dot (dot-stuffing, RFC 5321 §4.5.2), so it arrives as “{line}”. Double the dot to keep it.", "第 {n} 行以点开头：服务器会去掉开头的一个点（点填充，RFC 5321 §4.5.2），收到的是“{line}”。要保留这个点，请写两个点。";
    /// Console: the text area's label during BDAT.
    ConsoleChunkLabel => "Chunk data (BDAT)", "数据块内容（BDAT）";
    /// Console: how BDAT data is read.
    ConsoleChunkHint => "The server reads exactly the number of bytes BDAT announced; each line is sent with CRLF, which counts as 2. Ctrl+Enter sends.", "服务器会恰好读取 BDAT 声明的字节数；每行发送时都带 CRLF，计 2 字节。按 Ctrl+Enter 发送。";
    /// Console: the text area's label during DATA.
    ConsoleDataLabel => "Message (DATA)", "邮件内容（DATA）";
    /// Console: how to end DATA.
    ConsoleDataHint => "Headers, an empty line, the body — end with a line containing only . (each line is sent with CRLF). Ctrl+Enter sends.", "邮件头、一个空行、正文——最后以只含一个 . 的行结束（每行发送时都带 CRLF）。按 Ctrl+Enter 发送。";
    /// Console: the button that sends the text area's lines.
    ConsoleSendLines => "Send lines", "逐行发送";
    /// Console: the connection is closed.
    ConsoleClosedHint => "The server closed the connection. Reset the session to start a new one.", "服务器已关闭连接。请点击“重置会话”开始新的会话。";
    /// Console: the profile picker's label.
    ConsoleProfile => "Server software", "服务器软件";
    /// Console: the reset button.
    ConsoleReset => "Reset session", "重置会话";
    /// Console: the copy-transcript button.
    ConsoleCopyTranscript => "Copy transcript", "复制会话记录";
    /// Console: the CRLF toggle.
    ConsoleShowCrlf => "Show CRLF (␍␊)", "显示 CRLF（␍␊）";
    /// Console: copied to the clipboard.
    ConsoleCopied => "Copied.", "已复制。";
    /// Console: no clipboard, the text is selected.
    ConsoleCopySelected => "The clipboard is not available here: the text is selected, press Ctrl+C.", "此处无法使用剪贴板：文本已选中，请按 Ctrl+C 复制。";
    /// Status: greeted with EHLO.
    ConsoleEsmtp => "(EHLO: ESMTP)", "（EHLO：ESMTP）";
    /// Status: greeted with HELO.
    ConsolePlainSmtp => "(HELO: plain SMTP, no extensions)", "（HELO：纯 SMTP，没有扩展）";
    /// Status: not greeted.
    ConsoleNotGreeted => "not yet — start with EHLO", "尚未问候——请先发送 EHLO";
    /// Status: not authenticated.
    ConsoleNotAuthenticated => "nobody (no AUTH yet)", "无（尚未 AUTH）";
    /// Status: TLS on.
    ConsoleTlsOn => "active (simulated)", "已启用（模拟）";
    /// Status: TLS off.
    ConsoleTlsOff => "off (plain text)", "未启用（明文）";
    /// Status: a transaction without recipients yet.
    ConsoleNoRecipients => "none yet", "暂无";
    /// Status: the transaction's recipients.
    ConsoleRecipients => "accepted recipients", "已接受的收件人";
    /// Status: no transaction.
    ConsoleNoTransaction => "none open (one starts with MAIL FROM)", "没有进行中的事务（事务以 MAIL FROM 开始）";
    /// Status: the server waits for a command.
    ConsoleExpectsCommand => "a command (EHLO, MAIL, RCPT, DATA, AUTH, QUIT …)", "一条命令（EHLO、MAIL、RCPT、DATA、AUTH、QUIT……）";
    /// Status: the server reads the message.
    ConsoleExpectsData => "the message, line by line, ending with a line containing only .", "邮件内容，逐行发送，以只含 . 的一行结束";
    /// Status: the server reads a BDAT chunk.
    ConsoleExpectsChunk => "the bytes of the BDAT chunk", "BDAT 数据块的字节";
    /// Status: the server waits for a SASL answer.
    ConsoleExpectsAuth => "a base64 answer to the 334 challenge, or * to cancel", "对 334 质询的 base64 应答，或用 * 取消";
    /// Status: the connection is closed.
    ConsoleExpectsNothing => "nothing: the connection is closed", "无：连接已关闭";
    /// Status label: the HELO/EHLO name.
    ConsoleGreetedAs => "Greeted as", "问候名";
    /// Status label: the authenticated user.
    ConsoleAuthenticatedAs => "Authenticated as", "已认证用户";
    /// Status label: TLS.
    ConsoleTls => "Encryption (TLS)", "加密（TLS）";
    /// Status label: the open transaction.
    ConsoleTransaction => "Mail transaction", "邮件事务";
    /// Status label: what the server expects.
    ConsoleExpects => "Server waits for", "服务器等待";
    /// Mailbox: the null reverse path.
    ConsoleNullSender => "<> (null sender)", "<>（空发件人）";
    /// Mailbox: the raw source's summary; `{n}` is its size.
    ConsoleRawSource => "Raw message as stored ({n} bytes)", "存储的原始邮件（{n} 字节）";
    /// Mailbox: the queue id.
    ConsoleQueueId => "Queue id", "队列号";
    /// Mailbox: MAIL FROM.
    ConsoleEnvelopeFrom => "Envelope sender", "信封发件人";
    /// Mailbox: RCPT TO.
    ConsoleEnvelopeTo => "Envelope recipients", "信封收件人";
    /// Mailbox: arrival time.
    ConsoleArrived => "Arrived", "到达时间";
    /// Mailbox heading.
    ConsoleMailbox => "Accepted messages", "已接受的邮件";
    /// Mailbox: empty.
    ConsoleMailboxEmpty => "No message yet. Send one: EHLO, MAIL FROM, RCPT TO, DATA, the message, then a line with only a dot.", "还没有邮件。试着发一封：EHLO、MAIL FROM、RCPT TO、DATA、邮件内容，最后是只有一个点的一行。";
    /// Accounts heading.
    ConsoleAccounts => "Demo accounts", "演示账号";
    /// Accounts: what they are for.
    ConsoleAccountsNote => "The server accepts these for AUTH: the password with PLAIN, LOGIN and the other mechanisms it offers, the access token with XOAUTH2 and OAUTHBEARER (Gmail, Outlook and QQ Mail profiles).", "服务器在 AUTH 中接受以下账号：PLAIN、LOGIN 及它提供的其他机制用密码，XOAUTH2 和 OAUTHBEARER 用访问令牌（Gmail、Outlook 和 QQ 邮箱配置）。";
    /// An OAuth 2.0 access token.
    ConsoleToken => "Access token (XOAUTH2, OAUTHBEARER)", "访问令牌（XOAUTH2、OAUTHBEARER）";
    /// Base64 helper: the XOAUTH2 part.
    ConsoleXoauth2Heading => "For AUTH XOAUTH2", "用于 AUTH XOAUTH2";
    /// Base64 helper: the XOAUTH2 result.
    ConsoleXoauth2Result => "base64 of user=…^Aauth=Bearer …^A^A: send it as AUTH XOAUTH2 <this>", "user=…^Aauth=Bearer …^A^A 的 base64：以 AUTH XOAUTH2 <它> 发送";
    /// A user name.
    ConsoleUserName => "User name", "用户名";
    /// A password.
    ConsolePassword => "Password", "密码";
    /// Base64 helper heading.
    ConsoleBase64Heading => "Base64 helper", "base64 小工具";
    /// Base64 helper: the LOGIN part.
    ConsoleLoginHeading => "For AUTH LOGIN", "用于 AUTH LOGIN";
    /// Base64 helper: the text to encode.
    ConsoleBase64Text => "Text (the user name, then the password)", "文本（先输入用户名，再输入密码）";
    /// Base64 helper: the encoded text.
    ConsoleBase64Result => "In base64", "base64 编码";
    /// A copy button.
    ConsoleCopy => "Copy", "复制";
    /// Base64 helper: the PLAIN part.
    ConsolePlainHeading => "For AUTH PLAIN", "用于 AUTH PLAIN";
    /// Base64 helper: PLAIN's encoded message.
    ConsolePlainResult => "base64 of \\0user\\0password", "“\\0用户名\\0密码”的 base64";
    /// Policies heading.
    ConsolePolicies => "Server policies", "服务器策略";
    /// Policy: MAIL needs AUTH.
    PolicyRequireAuth => "MAIL needs AUTH first", "MAIL 之前必须先 AUTH";
    /// Policy: MAIL FROM equals the user.
    PolicySenderMatchesAuth => "MAIL FROM must be the authenticated user", "MAIL FROM 必须是认证用户本人";
    /// Policy: saslauthd is down.
    PolicySaslDown => "The SASL daemon (saslauthd) is down", "SASL 守护进程（saslauthd）已停止";
    /// Policy: VRFY answers.
    PolicyVrfy => "Answer VRFY", "响应 VRFY";
    /// Policy: EXPN answers.
    PolicyExpn => "Answer EXPN", "响应 EXPN";
    /// Policy: STARTTLS before AUTH.
    PolicyTlsBeforeAuth => "AUTH needs STARTTLS first", "AUTH 之前必须先 STARTTLS";
    /// Policy: unknown local mailboxes refused.
    PolicyKnownMailboxes => "Refuse unknown local mailboxes", "拒绝本地不存在的邮箱";
    /// Policy: no relay without AUTH.
    PolicyDenyRelay => "No relaying for unauthenticated clients", "禁止未认证的客户端中继";
    /// Policy: the size limit.
    PolicyMaxSize => "Largest message accepted (bytes)", "可接受的最大邮件（字节）";
    /// Policy: the size is not a number.
    PolicyMaxSizeInvalid => "Enter a whole number of bytes.", "请输入整数字节数。";
    /// Fault injection heading.
    FaultHeading => "Fault injection", "故障注入";
    /// Fault: when it fires.
    FaultWhen => "Fires on", "触发时机";
    /// Fault: off.
    FaultNone => "no fault", "不注入故障";
    /// Fault: the next command.
    FaultNextCommand => "the next command", "下一条命令";
    /// Fault: a share of commands.
    FaultShare => "a share of commands", "一定比例的命令";
    /// Fault: the code it answers with.
    FaultCode => "Answer with", "故障回复码";
    /// Fault: the share.
    FaultPercent => "Share of commands (%)", "命令比例（%）";
    /// Fault: how it behaves.
    FaultNote => "A next-command fault switches itself off once it fires; 421 also closes the connection.", "“下一条命令”故障触发一次后自动关闭；421 还会关闭连接。";
    /// Navigation: the auth page.
    NavAuth => "Auth steps", "认证步骤";
    /// Navigation: the verify page.
    NavVerify => "Verify", "验证";
    /// Password input: show the text.
    PasswordShow => "Show", "显示";
    /// Password input: hide the text.
    PasswordHide => "Hide", "隐藏";
    /// Auth page heading.
    AuthHeading => "Authentication, step by step", "认证过程，逐步演算";
    /// Auth page introduction.
    AuthIntro => "Pick a mechanism, fill in what the client knows — or load a published example — and walk through every value the client computes: each with its bytes as text, hex and base64, and the RFC section it comes from.", "选择一种认证机制，填入客户端掌握的信息（或载入公开的示例），然后逐步查看客户端计算出的每个值：每一步都给出文本、十六进制和 base64 三种形式的字节，以及出自哪个 RFC 章节。";
    /// The mechanism picker's label.
    AuthMechanism => "Mechanism", "认证机制";
    /// The examples' label.
    AuthExamples => "Fill in an example:", "填入示例：";
    /// The inputs' heading.
    AuthInputs => "What the client knows", "客户端掌握的信息";
    /// About passwords typed on the page.
    AuthPasswordNote => "Passwords stay in this tab's memory: never stored, never sent.", "密码只保存在本标签页的内存中：不会被存储，也不会被发送。";
    /// The trace's heading.
    AuthTrace => "The computation", "计算过程";
    /// The previous-step button.
    AuthPrev => "← Previous", "← 上一步";
    /// The next-step button.
    AuthNext => "Next →", "下一步 →";
    /// Where the stepper is; `{n}` and `{total}`.
    AuthPosition => "Step {n} of {total}", "第 {n} 步，共 {total} 步";
    /// The keyboard shortcuts of the stepper.
    AuthShortcuts => "Keys, while the focus is in the steps: ← / → previous / next step, Home / End first / last step.", "焦点在步骤区域内时可用键盘：← / → 上一步 / 下一步，Home / End 第一步 / 最后一步。";
    /// The list of every step.
    AuthAllSteps => "All steps", "全部步骤";
    /// A value as text.
    AuthAsText => "Text", "文本";
    /// A value as hex.
    AuthAsHex => "Hex", "十六进制";
    /// A value as base64.
    AuthAsBase64 => "Base64", "base64 编码";
    /// Copy button label: text.
    AuthCopyText => "Copy text", "复制文本";
    /// Copy button label: hex.
    AuthCopyHex => "Copy hex", "复制十六进制";
    /// Copy button label: base64.
    AuthCopyBase64 => "Copy base64", "复制 base64 编码";
    /// The view a step is best read in.
    AuthPreferred => "best read this way", "推荐的读法";
    /// A step's size; `{n}` is the byte count.
    AuthBytes => "{n} bytes", "{n} 字节";
    /// An address naming no mechanism; `{name}` is what it says.
    AuthUnknownMechanism => "There is no mechanism “{name}” here; pick one from the list.", "这里没有名为“{name}”的机制；请从列表中选择。";
    /// A required input is empty; `{field}` is its label.
    AuthMissing => "“{field}” is needed.", "需要填写“{field}”。";
    /// nc is not hex.
    AuthBadNc => "nc is the nonce count in hex, at most 8 digits (00000001 for the first response).", "nc 是十六进制的 nonce 计数，最多 8 位（第一次响应为 00000001）。";
    /// The port is not a port.
    AuthBadPort => "The port is a whole number from 0 to 65535.", "端口必须是 0 到 65535 之间的整数。";
    /// qop not offered; `{qop}` and `{offered}`.
    AuthQopNotOffered => "qop “{qop}” is not offered by the challenge (it offers: {offered}).", "质询没有提供 qop“{qop}”（它提供的是：{offered}）。";
    /// A pasted challenge was base64.
    AuthChallengeBase64 => "The server's message was read as base64 and decoded.", "服务器的消息按 base64 读取，并已解码。";
    /// A pasted challenge was not base64.
    AuthChallengeText => "The server's message is not base64, so it was read as already decoded text.", "服务器的消息不是 base64，因此按已解码的文本读取。";
    /// NTLM's fixed values.
    AuthNtlmFixed => "The client challenge (aa × 8), the time (0) and the random session key (55 × 16) are the fixed values of MS-NLMP §4.2; a real client picks random ones and uses the current time.", "客户端质询（8 个 aa）、时间（0）和随机会话密钥（16 个 55）采用 MS-NLMP §4.2 中的固定值；真实客户端会随机生成它们并使用当前时间。";
    /// SCRAM without the server's answer.
    AuthScramNeedsServerFirst => "These are the client's first steps. Paste the server-first-message (the next 334) to compute the proof.", "这些是客户端的最初几步。粘贴 server-first-message（下一个 334）即可计算证明。";
    /// Base64 as sent (internal label of an example's line).
    AuthWire => "As sent on the wire", "线路上发送的形式";
    /// The HTTP Digest entry of the mechanism picker.
    HttpDigestName => "HTTP Digest (RFC 2617)", "HTTP 摘要认证（RFC 2617）";
    /// About PLAIN.
    AboutPlain => "PLAIN (RFC 4616): one message — authzid, NUL, user name, NUL, password — in base64. Anyone who sees it can decode the password, so it belongs inside TLS.", "PLAIN（RFC 4616）：只有一条消息——authzid、NUL、用户名、NUL、密码——以 base64 发送。看到它的人都能解码出密码，所以只能在 TLS 内使用。";
    /// About LOGIN.
    AboutLogin => "LOGIN (draft-murchison-sasl-login): the server asks “Username:” then “Password:”, and the client answers each in base64. Never an RFC, yet every server speaks it; like PLAIN it needs TLS.", "LOGIN（draft-murchison-sasl-login）：服务器先问“Username:”，再问“Password:”，客户端分别用 base64 回答。它从未成为 RFC，但几乎所有服务器都支持；与 PLAIN 一样需要 TLS。";
    /// About CRAM-MD5.
    AboutCramMd5 => "CRAM-MD5 (RFC 2195): the server sends a unique challenge; the client answers with its user name and HMAC-MD5(password, challenge) in lower-case hex. The password never crosses the wire, but the server must keep it in the clear.", "CRAM-MD5（RFC 2195）：服务器发送唯一的质询；客户端回答用户名和小写十六进制的 HMAC-MD5(密码, 质询)。密码不会在线路上传输，但服务器必须以明文保存密码。";
    /// About DIGEST-MD5.
    AboutDigestMd5 => "DIGEST-MD5 (RFC 2831, retired by RFC 6331): the challenge is a list of directives (realm, nonce, qop …); the client hashes user, realm, password, both nonces and the digest-uri into its response, and the server proves itself with rspauth.", "DIGEST-MD5（RFC 2831，已被 RFC 6331 废弃）：质询是一组指令（realm、nonce、qop……）；客户端把用户名、realm、密码、双方的 nonce 和 digest-uri 散列成 response，服务器再用 rspauth 证明自己。";
    /// About HTTP Digest.
    AboutHttpDigest => "HTTP Digest (RFC 2617): the computation DIGEST-MD5 grew from, as in the digcalc.c the C++ mailer article quotes. Here H(A1) is hex, and A2 is the request method and URI — compare it with DIGEST-MD5.", "HTTP 摘要认证（RFC 2617）：DIGEST-MD5 的前身，即那篇 C++ 发信文章引用的 digcalc.c 的算法。这里 H(A1) 用十六进制，A2 是请求方法和 URI——可以与 DIGEST-MD5 对照。";
    /// About NTLM.
    AboutNtlm => "NTLM (MS-NLMP): three binary messages in base64 — the client's NEGOTIATE, the server's CHALLENGE, the client's AUTHENTICATE. Paste the server's CHALLENGE and the trainer computes the NTLMv2 answer.", "NTLM（MS-NLMP）：三条 base64 编码的二进制消息——客户端的 NEGOTIATE、服务器的 CHALLENGE、客户端的 AUTHENTICATE。粘贴服务器的 CHALLENGE，训练器就会计算出 NTLMv2 应答。";
    /// About SCRAM-SHA-1.
    AboutScramSha1 => "SCRAM-SHA-1 (RFC 5802): the client sends a nonce; the server answers with its own, a salt and an iteration count; the client proves it knows the password without sending it, then checks the server's signature in turn.", "SCRAM-SHA-1（RFC 5802）：客户端发送 nonce；服务器回以自己的 nonce、盐值和迭代次数；客户端在不发送密码的前提下证明自己知道密码，再反过来核对服务器的签名。";
    /// About SCRAM-SHA-256.
    AboutScramSha256 => "SCRAM-SHA-256 (RFC 7677): SCRAM with SHA-256 instead of SHA-1 — the same messages, longer keys and proofs.", "SCRAM-SHA-256（RFC 7677）：用 SHA-256 代替 SHA-1 的 SCRAM——消息相同，密钥和证明更长。";
    /// About XOAUTH2.
    AboutXoauth2 => "XOAUTH2 (Google): the user name and an OAuth 2.0 access token in one message, fields separated by the byte 0x01. The token stands in for the password.", "XOAUTH2（Google）：用户名和 OAuth 2.0 访问令牌放在一条消息里，字段之间用字节 0x01 分隔。令牌代替了密码。";
    /// About OAUTHBEARER.
    AboutOauthbearer => "OAUTHBEARER (RFC 7628): the standard form of XOAUTH2 — a gs2 header, host, port and the bearer token, separated by 0x01. For a bad token the server first sends a JSON error challenge.", "OAUTHBEARER（RFC 7628）：XOAUTH2 的标准形式——gs2 头、host、port 和 bearer 令牌，以 0x01 分隔。令牌无效时，服务器会先发送一个 JSON 错误质询。";
    /// Field: user name.
    FieldUser => "User name", "用户名";
    /// Field: password.
    FieldPassword => "Password", "密码";
    /// Field: authzid.
    FieldAuthzid => "Act as (authzid, optional)", "代表的用户（authzid，可选）";
    /// Field: a challenge.
    FieldChallenge => "Server challenge (the text after 334: base64, or decoded)", "服务器质询（334 之后的文本：base64 或解码后的文本均可）";
    /// Field: realm.
    FieldRealm => "Realm (empty: the challenge's first)", "Realm（留空：取质询中的第一个）";
    /// Field: digest-uri.
    FieldDigestUri => "digest-uri (empty: smtp/<realm>)", "digest-uri（留空：smtp/<realm>）";
    /// Field: cnonce.
    FieldCnonce => "Client nonce (cnonce)", "客户端 nonce（cnonce）";
    /// Field: nc.
    FieldNc => "Nonce count (nc, hex; empty: 1)", "nonce 计数（nc，十六进制；留空：1）";
    /// Field: qop of DIGEST-MD5.
    FieldQop => "qop (auth, auth-int or auth-conf; empty: auth)", "qop（auth、auth-int 或 auth-conf；留空：auth）";
    /// Field: qop of HTTP.
    FieldHttpQop => "qop (auth or auth-int; empty: none, as in RFC 2069)", "qop（auth 或 auth-int；留空：不使用，即 RFC 2069 方式）";
    /// Field: server nonce.
    FieldNonce => "Server nonce", "服务器 nonce";
    /// Field: HTTP algorithm.
    FieldAlgorithm => "algorithm (MD5 or MD5-sess)", "algorithm（MD5 或 MD5-sess）";
    /// Field: HTTP method.
    FieldMethod => "Request method", "请求方法";
    /// Field: HTTP URI.
    FieldUri => "Request URI", "请求 URI";
    /// Field: SCRAM client nonce.
    FieldClientNonce => "Client nonce (r= of the first message)", "客户端 nonce（第一条消息的 r=）";
    /// Field: SCRAM server-first-message.
    FieldServerFirst => "server-first-message (base64 or decoded; empty: the first message only)", "server-first-message（base64 或解码后的文本；留空：只算第一条消息）";
    /// Field: SCRAM server-final-message.
    FieldServerFinal => "server-final-message (optional: checks the server's v=)", "server-final-message（可选：核对服务器的 v=）";
    /// Field: NTLM CHALLENGE.
    FieldNtlmChallenge => "Server's CHALLENGE message (the base64 after 334)", "服务器的 CHALLENGE 消息（334 之后的 base64）";
    /// Field: NTLM domain.
    FieldDomain => "Domain (may be empty)", "域（可以为空）";
    /// Field: NTLM workstation.
    FieldWorkstation => "Workstation (may be empty)", "工作站名（可以为空）";
    /// Field: OAuth token.
    FieldToken => "Access token", "访问令牌";
    /// Field: OAUTHBEARER a=.
    FieldOauthAuthzid => "User to log in as (a=, optional)", "要登录的用户（a=，可选）";
    /// Field: OAUTHBEARER host.
    FieldHost => "Server host name (host=, optional)", "服务器主机名（host=，可选）";
    /// Field: OAUTHBEARER port.
    FieldPort => "Server port (port=, optional)", "服务器端口（port=，可选）";
    /// Field: OAuth error challenge.
    FieldErrorChallenge => "Server's error challenge (optional: base64 or JSON)", "服务器的错误质询（可选：base64 或 JSON）";
    /// Example: RFC 4616.
    ExampleRfc4616 => "RFC 4616 §4", "RFC 4616 §4 示例";
    /// Example: RFC 4616 with authzid.
    ExampleRfc4616Authzid => "RFC 4616 §4, with authzid", "RFC 4616 §4 示例（带 authzid）";
    /// Example: seed 000's 163.com account.
    ExampleSeed000 => "163.com (the DokuWiki case)", "163.com（DokuWiki 案例）";
    /// Example: RFC 2195.
    ExampleRfc2195 => "RFC 2195 example", "RFC 2195 示例";
    /// Example: RFC 2831.
    ExampleRfc2831 => "RFC 2831 §4 example", "RFC 2831 §4 示例";
    /// Example: RFC 2617.
    ExampleRfc2617 => "RFC 2617 §3.5 (the C++ mailer article's digtest.c)", "RFC 2617 §3.5 示例（那篇 C++ 发信文章中的 digtest.c）";
    /// Example: MS-NLMP.
    ExampleMsNlmp => "MS-NLMP §4.2.4", "MS-NLMP §4.2.4 示例";
    /// Example: RFC 5802.
    ExampleRfc5802 => "RFC 5802 §5", "RFC 5802 §5 示例";
    /// Example: RFC 7677.
    ExampleRfc7677 => "RFC 7677 §3", "RFC 7677 §3 示例";
    /// Example: Google's XOAUTH2.
    ExampleGoogleXoauth2 => "Google's XOAUTH2 example", "Google 的 XOAUTH2 示例";
    /// Example: Google's XOAUTH2 error.
    ExampleGoogleXoauth2Error => "Google's example, token refused", "Google 示例：令牌被拒绝";
    /// Example: RFC 7628 §4.1.
    ExampleRfc7628 => "RFC 7628 §4.1", "RFC 7628 §4.1 示例";
    /// Example: RFC 7628 §4.3.
    ExampleRfc7628Error => "RFC 7628 §4.3, token refused", "RFC 7628 §4.3 示例：令牌被拒绝";
    /// Step the page adds: DIGEST-MD5's challenge.
    StepDigestChallenge => "Challenge (decoded from the 334 line)", "质询（从 334 行解码）";
    /// Its explanation.
    StepDigestChallengeExplain => "RFC 2831 §2.1.1: realm, nonce, qop-options, charset and algorithm=md5-sess. The response must repeat this nonce and use one of these realms and qops.", "RFC 2831 §2.1.1：realm、nonce、qop-options、charset 以及 algorithm=md5-sess。响应必须原样带回这个 nonce，并从中选用 realm 和 qop。";
    /// Step the page adds: NTLM's NEGOTIATE.
    StepNtlmNegotiate => "NEGOTIATE_MESSAGE (type 1), sent first", "NEGOTIATE_MESSAGE（第 1 类消息），最先发送";
    /// Its explanation.
    StepNtlmNegotiateExplain => "MS-NLMP §2.2.1.1: after AUTH NTLM and an empty 334, the client offers its flags (no domain, no workstation here). Its base64 is the line sent.", "MS-NLMP §2.2.1.1：在 AUTH NTLM 和空的 334 之后，客户端发送它支持的标志（这里不带域和工作站名）。它的 base64 就是发送的那一行。";
    /// Step the page adds: NTLM's CHALLENGE, decoded.
    StepNtlmChallenge => "The server's CHALLENGE_MESSAGE (type 2), decoded", "服务器的 CHALLENGE_MESSAGE（第 2 类消息），解码后";
    /// Its explanation.
    StepNtlmChallengeExplain => "MS-NLMP §2.2.1.2: the flags the server chose, its 8-byte challenge, and TargetInfo's AV pairs, which the client copies into its answer.", "MS-NLMP §2.2.1.2：服务器选定的标志、8 字节的服务器质询，以及 TargetInfo 中的 AV 对（客户端会把它们复制到应答中）。";
    /// Verify page heading.
    VerifyHeading => "Verify a captured exchange", "验证抓到的认证交换";
    /// Verify page introduction.
    VerifyIntro => "Paste the server's challenge and the client's response (base64 as on the wire, or decoded). Every field is decoded and explained; add the password and the response is recomputed and judged — when it is wrong, the trainer names the classic mistake and the first step where the client went astray.", "粘贴服务器的质询和客户端的响应（线路上的 base64 或解码后的文本均可）。每个字段都会被解码并解释；再填入密码，就会重新计算并判定响应——如果不正确，训练器会指出常见错误，以及客户端第一个出错的步骤。";
    /// Verify form heading.
    VerifyFormHeading => "The exchange", "认证交换";
    /// Verify: challenge.
    VerifyChallenge => "Server challenge (after 334; not needed for PLAIN and LOGIN)", "服务器质询（334 之后；PLAIN 和 LOGIN 不需要）";
    /// Verify: response.
    VerifyResponse => "Client response", "客户端响应";
    /// Verify: password.
    VerifyPassword => "Password (optional: to judge the response)", "密码（可选：用于判定响应）";
    /// Verify button.
    VerifySubmit => "Verify", "验证";
    /// Verify shortcut.
    VerifyShortcut => "Ctrl+Enter verifies from any field.", "在任一输入框中按 Ctrl+Enter 即可验证。";
    /// Verify example: RFC 2195.
    VerifyExampleRfc2195 => "RFC 2195 response (valid)", "RFC 2195 响应（正确）";
    /// Verify example: RFC 2831.
    VerifyExampleRfc2831 => "RFC 2831 response (valid)", "RFC 2831 响应（正确）";
    /// Verify example: upper-case hex.
    VerifyExampleUppercase => "CRAM-MD5 in upper-case hex", "CRAM-MD5 写成大写十六进制";
    /// Verify example: no base64.
    VerifyExampleNoBase64 => "CRAM-MD5 sent without base64", "CRAM-MD5 未做 base64 编码";
    /// Verify example: hex A1.
    VerifyExampleHexA1 => "DIGEST-MD5 with HTTP's hex A1", "DIGEST-MD5 误用 HTTP 的十六进制 A1";
    /// Verify example: PLAIN with a newline.
    VerifyExamplePlainNewline => "PLAIN password with a newline (echo)", "PLAIN 密码多了换行（echo）";
    /// Verify example: a recorded session, every AUTH exchange judged.
    VerifyExampleTranscript => "A recorded session (smtplib: CRAM-MD5, then LOGIN)", "一段录下的会话（smtplib：CRAM-MD5，然后 LOGIN）";
    /// Verify: before the first check.
    VerifyEmpty => "Paste an exchange, or pick an example, then press Verify.", "粘贴一次认证交换，或选择一个示例，然后点击“验证”。";
    /// Verify: the result's heading.
    VerifyResultHeading => "Result", "结果";
    /// Verify: valid.
    VerifyValid => "Valid: the response is exactly what this password gives.", "正确：响应与这个密码算出的结果完全一致。";
    /// Verify: invalid.
    VerifyInvalid => "Invalid: this response does not prove this password.", "不正确：这个响应无法证明密码正确。";
    /// Verify: the first wrong step.
    VerifyFirstStep => "First wrong step", "第一个出错的步骤";
    /// Verify: no password given.
    VerifyNoPassword => "Without the password the response can only be decoded. Add it to have the response judged.", "没有密码时只能解码响应。填入密码即可判定响应是否正确。";
    /// Verify: the decoded fields.
    VerifyFields => "Decoded fields", "解码后的字段";
    /// Verify: the field column.
    VerifyFieldName => "Field", "字段";
    /// Verify: the value column.
    VerifyFieldValue => "Value", "值";
    /// Verify: the meaning column.
    VerifyFieldMeaning => "Meaning", "含义";
    /// Verify: the expected trace.
    VerifyExpected => "The correct computation, step by step", "正确的计算过程（逐步）";
    /// Verify: the highlighted step.
    VerifyGoesWrongHere => "the client went wrong here", "客户端从这里开始出错";
    /// Verify example: RFC 5802.
    VerifyExampleRfc5802 => "RFC 5802 SCRAM exchange (valid)", "RFC 5802 SCRAM 交换（正确）";
    /// Verify example: MS-NLMP.
    VerifyExampleMsNlmp => "MS-NLMP §4.2.4 NTLM (valid)", "MS-NLMP §4.2.4 NTLM（正确）";
    /// Verify hint: PLAIN.
    VerifyHintPlain => "PLAIN: no challenge; the response is the base64 after AUTH PLAIN (or after an empty 334).", "PLAIN：没有质询；响应是 AUTH PLAIN 之后（或空的 334 之后）的 base64。";
    /// Verify hint: LOGIN.
    VerifyHintLogin => "LOGIN: no challenge to paste; the response is one answer — the user-name line or the password line.", "LOGIN：不需要粘贴质询；响应是其中一个回答——用户名那一行或密码那一行。";
    /// Verify hint: CRAM-MD5.
    VerifyHintCramMd5 => "CRAM-MD5: the challenge is the text after 334, the response the client's next line.", "CRAM-MD5：质询是 334 之后的文本，响应是客户端随后发送的那一行。";
    /// Verify hint: DIGEST-MD5.
    VerifyHintDigestMd5 => "DIGEST-MD5: the challenge is the text after the first 334, the response the client's next line (the directive list).", "DIGEST-MD5：质询是第一个 334 之后的文本，响应是客户端随后发送的那一行（指令列表）。";
    /// Verify hint: SCRAM.
    VerifyHintScram => "SCRAM: the challenge is the server-first-message; the response is the client's two lines — client-first-message, then client-final-message.", "SCRAM：质询是 server-first-message；响应是客户端的两行——先 client-first-message，再 client-final-message。";
    /// Verify hint: NTLM.
    VerifyHintNtlm => "NTLM: the challenge is the server's CHALLENGE message, the response the client's AUTHENTICATE, both base64.", "NTLM：质询是服务器的 CHALLENGE 消息，响应是客户端的 AUTHENTICATE，都是 base64。";
}
