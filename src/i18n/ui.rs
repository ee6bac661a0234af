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
                    $(Msg::$name => Tr::new($en, $zh),)*
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
    ReferenceIntro => "Every SMTP reply starts with three digits, and many add an enhanced status code such as 5.7.8. Search by code or by word, or paste a whole reply line and press Enter.", "每条 SMTP 回复都以三位数字开头，许多还带有增强状态码（如 5.7.8）。可按代码或关键词搜索，也可以粘贴整行回复后按回车。";
    /// Search box label.
    SearchLabel => "Search the reference", "搜索参考";
    /// Search box placeholder.
    SearchPlaceholder => "553, 5.7.8, relay, 553 Mail from must equal authorized user", "553、5.7.8、认证、553 Mail from must equal authorized user";
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
    NotInReference => "Not in the reference", "不在参考中";
    /// Navigation: the console.
    NavConsole => "Console", "控制台";
    /// Console page heading.
    ConsoleHeading => "SMTP console", "SMTP 控制台";
    /// Console page introduction.
    ConsoleIntro => "Talk to a simulated SMTP server the way telnet would: type a command, press Enter, read the reply. Click any server reply to see why it was sent. The base64 of AUTH is decoded as you go, and the server, its policies and its faults can be changed at any time.", "像用 telnet 一样与模拟的 SMTP 服务器对话：输入命令，按回车，阅读回复。点击任意一条服务器回复，就能看到它为什么这样回复。AUTH 里的 base64 会随时解码显示；服务器类型、策略和故障也可以随时更改。";
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
    ConsoleMarkerTls => "TLS handshake (simulated)", "TLS 握手（模拟）";
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
    ConsoleCommandHint => "Enter sends the line with CRLF · ↑ ↓ recall earlier commands · Tab completes the command", "回车发送该行（自动加 CRLF）· ↑ ↓ 调出之前的命令 · Tab 补全命令";
    /// Console: a message line starts with a dot; `{n}` its number, `{line}` what arrives.
    ConsoleDotHint => "Line {n} starts with a dot: the server removes one leading dot (dot-stuffing, RFC 5321 §4.5.2), so it arrives as “{line}”. Double the dot to keep it.", "第 {n} 行以点开头：服务器会去掉开头的一个点（点填充，RFC 5321 §4.5.2），收到的是“{line}”。要保留这个点，请写两个点。";
    /// Console: the text area's label during BDAT.
    ConsoleChunkLabel => "Chunk data (BDAT)", "数据块内容（BDAT）";
    /// Console: how BDAT data is read.
    ConsoleChunkHint => "The server reads exactly the number of bytes BDAT announced; each line is sent with CRLF, which counts as 2. Ctrl+Enter sends.", "服务器会恰好读取 BDAT 声明的字节数；每行发送时都带 CRLF，计 2 字节。按 Ctrl+Enter 发送。";
    /// Console: the text area's label during DATA.
    ConsoleDataLabel => "Message (DATA)", "邮件内容（DATA）";
    /// Console: how to end DATA.
    ConsoleDataHint => "Headers, an empty line, the body — end with a line containing only . (each line is sent with CRLF). Ctrl+Enter sends.", "头部、一个空行、正文——最后以只含一个 . 的行结束（每行发送时都带 CRLF）。按 Ctrl+Enter 发送。";
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
    ConsoleAuthenticatedAs => "Authenticated as", "认证身份";
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
    ConsoleQueueId => "Queue id", "队列编号";
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
    ConsoleAccountsNote => "The server accepts these for AUTH PLAIN and AUTH LOGIN.", "服务器在 AUTH PLAIN 和 AUTH LOGIN 中接受以下账号。";
    /// A user name.
    ConsoleUserName => "User name", "用户名";
    /// A password.
    ConsolePassword => "Password", "密码";
    /// Base64 helper heading.
    ConsoleBase64Heading => "Base64 helper", "Base64 小工具";
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
    PolicyDenyRelay => "No relaying for unauthenticated clients", "禁止未认证的客户端转发";
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
}
