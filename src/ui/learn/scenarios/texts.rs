//! The scenarios page's own texts, in English and Simplified Chinese. The scenarios'
//! stories, goals, hints and lessons are the engine's ([`crate::lessons::scenarios`]).
//!
//! `{n}`-style placeholders are replaced by the component that shows the text.

use crate::i18n::Tr;

/// The navigation link.
pub const NAV: Tr = Tr::new("Scenarios", "场景");
/// The list's heading.
pub const HEADING: Tr = Tr::new("Scenarios", "场景练习");
/// Under the heading.
pub const INTRO: Tr = Tr::new(
    "Real failures from a mail admin's notes (a DokuWiki log, a telnet session, a Sendmail server) and the classic ones around them. Each runs against a simulated server inside this page; it tells you as soon as the goal is met.",
    "来自邮件管理员笔记的真实故障（一份 DokuWiki 日志、一次 telnet 会话、一台 Sendmail 服务器），以及与之相关的典型问题。每个场景都在本页内模拟的服务器上运行；一旦达成目标，页面会立即告诉你。",
);
/// How many are done.
pub const DONE_COUNT: Tr = Tr::new("{k} of {n} done", "已完成 {k}/{n}");
/// A done scenario's mark, for screen readers.
pub const DONE: Tr = Tr::new("done", "已完成");
/// A scenario not done yet.
pub const NOT_DONE: Tr = Tr::new("not done yet", "尚未完成");
/// Forgets which scenarios are done.
pub const RESET_PROGRESS: Tr = Tr::new("Reset progress", "重置进度");
/// Asks before forgetting.
pub const RESET_CONFIRM: Tr = Tr::new(
    "Forget which scenarios are done and every session in them?",
    "确定要忘记哪些场景已完成，并清除其中所有会话吗？",
);
/// Confirms the reset.
pub const RESET_YES: Tr = Tr::new("Yes, reset", "确定重置");
/// Keeps the progress.
pub const RESET_NO: Tr = Tr::new("Cancel", "取消");
/// The raw-mode switch.
pub const RAW_SWITCH: Tr = Tr::new("Send raw bytes", "发送原始字节");
/// What raw mode does.
pub const RAW_HINT: Tr = Tr::new(
    "Raw mode sends exactly what you write: a line break here is CRLF, \\n written out is a bare LF, \\r a bare CR. The preview shows the line ends as ␍␊ and ␊.",
    "原始模式按原样发送你写的内容：这里的换行是 CRLF，写出来的 \\n 是裸 LF，\\r 是单独的 CR。预览中行尾显示为 ␍␊ 和 ␊。",
);
/// The raw text area.
pub const RAW_LABEL: Tr = Tr::new("Bytes to send", "要发送的字节");
/// The preview.
pub const RAW_PREVIEW: Tr = Tr::new("What goes on the wire", "实际发送的内容");
/// Sends the raw bytes.
pub const RAW_SEND: Tr = Tr::new("Send these bytes", "发送这些字节");
/// The reload restored the session.
pub const RESTORED: Tr = Tr::new(
    "after the reload: the lines of this session are sent again to a new server",
    "页面重新加载后：本会话的各行已重新发送给新的服务器",
);
/// What is remembered.
pub const STORAGE_NOTE: Tr = Tr::new(
    "This browser remembers which scenarios are done; this tab also keeps what you did in each scenario (session storage, gone when the tab closes) so a reload plays it again — never a password typed into a form.",
    "浏览器会记住哪些场景已完成；本标签页还会保存你在各场景中的操作（会话存储，关闭标签页即清除），以便重新加载后重放——绝不保存在表单中输入的密码。",
);
/// Before the place.
pub const PLACE: Tr = Tr::new("Played in", "练习方式");
/// Place: the console.
pub const PLACE_CONSOLE: Tr = Tr::new("console", "控制台");
/// Place: the mail client.
pub const PLACE_COMPOSE: Tr = Tr::new("mail client", "邮件客户端");
/// Place: the verifier.
pub const PLACE_VERIFY: Tr = Tr::new("verifier", "验证器");
/// Back to the list.
pub const BACK: Tr = Tr::new("← All scenarios", "← 全部场景");
/// An address naming no scenario.
pub const UNKNOWN: Tr = Tr::new("There is no scenario “{id}”.", "没有名为“{id}”的场景。");
/// The story's heading.
pub const STORY: Tr = Tr::new("The story", "故事");
/// The goal's heading.
pub const GOAL: Tr = Tr::new("Goal", "目标");
/// The hints' heading.
pub const HINTS: Tr = Tr::new("Hints", "提示");
/// Reveals the next hint.
pub const SHOW_HINT: Tr = Tr::new("Show a hint ({k} of {n})", "显示提示（{k}/{n}）");
/// Every hint is shown.
pub const NO_MORE_HINTS: Tr = Tr::new("That was the last hint.", "这是最后一条提示了。");
/// The goal is met.
pub const GOAL_MET: Tr = Tr::new("Goal met", "目标达成");
/// Not yet.
pub const GOAL_PENDING: Tr = Tr::new("Goal not met yet.", "尚未达成目标。");
/// Before the scenario's lesson.
pub const WHAT_WAS_WRONG: Tr = Tr::new("What was wrong", "问题出在哪里");
/// Restarts the scenario.
pub const START_OVER: Tr = Tr::new("Start over", "重新开始");
/// The playing area's heading.
pub const PLAY: Tr = Tr::new("Your turn", "动手试试");
/// The console session's transcript.
pub const TRANSCRIPT: Tr = Tr::new("Session with the server", "与服务器的会话");
/// Clicking replies.
pub const CLICK_HINT: Tr = Tr::new(
    "Click a reply to see why the server sent it.",
    "点击某条回复，查看服务器为什么这样回复。",
);
/// The saslauthd switch.
pub const SASL_SWITCH: Tr = Tr::new("saslauthd is running", "saslauthd 正在运行");
/// What the switch does.
pub const SASL_SWITCH_HINT: Tr = Tr::new(
    "The server checks passwords through saslauthd (pwcheck_method: saslauthd in /usr/lib/sasl2/Sendmail.conf). This switch is “service saslauthd start” — or stop.",
    "服务器通过 saslauthd 验证密码（/usr/lib/sasl2/Sendmail.conf 中的 pwcheck_method: saslauthd）。这个开关相当于 “service saslauthd start”——或 stop。",
);
/// The server side's heading.
pub const SERVER_SIDE: Tr = Tr::new("On the server", "服务器端");
/// Transcript note: saslauthd started.
pub const SASL_STARTED: Tr = Tr::new("saslauthd started", "saslauthd 已启动");
/// Transcript note: saslauthd stopped.
pub const SASL_STOPPED: Tr = Tr::new("saslauthd stopped", "saslauthd 已停止");
/// The status: greeted as.
pub const STATUS_HELLO: Tr = Tr::new("Greeted as", "问候名");
/// Not greeted yet.
pub const STATUS_NOT_GREETED: Tr = Tr::new("not yet", "尚未问候");
/// The status: authenticated user.
pub const STATUS_USER: Tr = Tr::new("Authenticated as", "已认证用户");
/// Not authenticated.
pub const STATUS_NO_USER: Tr = Tr::new("nobody", "未认证");
/// The status: TLS.
pub const STATUS_TLS: Tr = Tr::new("TLS", "TLS");
/// TLS on.
pub const STATUS_TLS_ON: Tr = Tr::new("active (simulated)", "已启用（模拟）");
/// TLS off.
pub const STATUS_TLS_OFF: Tr = Tr::new("off", "未启用");
/// The status: what the server expects.
pub const STATUS_EXPECTS: Tr = Tr::new("Server expects", "服务器等待");
/// Expects a command.
pub const EXPECTS_COMMAND: Tr = Tr::new("a command", "一条命令");
/// Expects message lines.
pub const EXPECTS_DATA: Tr = Tr::new(
    "message lines, ended by a lone dot",
    "邮件内容，以单独一个点结束",
);
/// Expects a BDAT chunk.
pub const EXPECTS_CHUNK: Tr = Tr::new("the octets of a BDAT chunk", "BDAT 数据块的字节");
/// Expects a SASL answer.
pub const EXPECTS_AUTH: Tr = Tr::new("a base64 answer (or *)", "一行 base64 应答（或 *）");
/// Expects nothing.
pub const EXPECTS_NOTHING: Tr = Tr::new(
    "nothing: the connection is closed — Start over for a new one",
    "无：连接已关闭——点击“重新开始”建立新连接",
);
/// The status: open transaction.
pub const STATUS_TRANSACTION: Tr = Tr::new("Mail transaction", "邮件事务");
/// No transaction.
pub const NO_TRANSACTION: Tr = Tr::new("none", "无");

/// The DokuWiki settings' heading.
pub const DOKUWIKI_HEADING: Tr = Tr::new(
    "DokuWiki smtp plugin — settings",
    "DokuWiki smtp 插件——设置",
);
/// Under it.
pub const DOKUWIKI_NOTE: Tr = Tr::new(
    "As in the wiki's Admin → Configuration Settings. The connection is simulated: the mail goes to this scenario's 163.com server, inside this page.",
    "与 wiki 的“管理 → 配置设置”中一致。连接是模拟的：邮件发往本场景中的 163.com 服务器，全部在本页内完成。",
);
/// smtp_host.
pub const SMTP_HOST: Tr = Tr::new("smtp_host — SMTP server", "smtp_host——SMTP 服务器");
/// smtp_port.
pub const SMTP_PORT: Tr = Tr::new("smtp_port — port", "smtp_port——端口");
/// auth_user.
pub const AUTH_USER: Tr = Tr::new("auth_user — login", "auth_user——登录用户名");
/// auth_pass.
pub const AUTH_PASS: Tr = Tr::new("auth_pass — password", "auth_pass——密码");
/// mailfrom.
pub const MAILFROM: Tr = Tr::new(
    "mailfrom — sender address (MAIL FROM and From:)",
    "mailfrom——发件人地址（MAIL FROM 和 From:）",
);
/// The test mail's heading.
pub const TEST_MAIL: Tr = Tr::new("Test mail", "测试邮件");
/// The message form's heading.
pub const MESSAGE_HEADING: Tr = Tr::new(
    "A message with To, Cc and Bcc",
    "一封带 To、Cc 和 Bcc 的邮件",
);
/// Under it.
pub const MESSAGE_NOTE: Tr = Tr::new(
    "The mail client writes the message from these fields and sends it to this scenario's Postfix server, one RCPT TO per recipient.",
    "邮件客户端根据这些字段写出邮件，发往本场景中的 Postfix 服务器，每个收件人一条 RCPT TO。",
);
/// From.
pub const FROM: Tr = Tr::new("From", "发件人（From）");
/// To.
pub const TO: Tr = Tr::new("To", "收件人（To）");
/// Cc.
pub const CC: Tr = Tr::new("Cc", "抄送（Cc）");
/// Bcc.
pub const BCC: Tr = Tr::new("Bcc", "密送（Bcc）");
/// Several addresses.
pub const ADDRESSES_HINT: Tr = Tr::new(
    "Several addresses: separate them with commas.",
    "多个地址请用逗号分隔。",
);
/// Subject.
pub const SUBJECT: Tr = Tr::new("Subject", "主题");
/// Body.
pub const BODY: Tr = Tr::new("Message", "正文");
/// Sends the message.
pub const SEND: Tr = Tr::new("Send", "发送");
/// A bad host.
pub const HOST_INVALID: Tr = Tr::new("Give the SMTP server's name.", "请填写 SMTP 服务器的名称。");
/// A bad port.
pub const PORT_INVALID: Tr = Tr::new(
    "The port must be a number from 1 to 65535.",
    "端口必须是 1 到 65535 之间的数字。",
);
/// The plugin's log.
pub const LOG_HEADING: Tr = Tr::new(
    "SMTP log (as the plugin writes it)",
    "SMTP 日志（插件输出的格式）",
);
/// The dialog.
pub const DIALOG_HEADING: Tr = Tr::new("The dialog, explained", "对话过程及解释");
/// The message was accepted.
pub const DELIVERED: Tr = Tr::new("The server accepted the message.", "服务器接受了这封邮件。");
/// It was not.
pub const NOT_DELIVERED: Tr = Tr::new("The message was not sent.", "邮件没有发出。");
/// The accepted messages.
pub const STORED_HEADING: Tr = Tr::new("Messages the server accepted", "服务器接受的邮件");
/// None.
pub const STORED_NONE: Tr = Tr::new("None yet.", "还没有。");
/// The envelope sender.
pub const ENVELOPE_FROM: Tr = Tr::new("Envelope sender (MAIL FROM)", "信封发件人（MAIL FROM）");
/// The envelope recipients.
pub const ENVELOPE_TO: Tr = Tr::new("Envelope recipients (RCPT TO)", "信封收件人（RCPT TO）");
/// The raw message.
pub const RAW: Tr = Tr::new(
    "Message as stored ({n} octets)",
    "服务器存储的邮件原文（{n} 字节）",
);

/// The captured exchange's heading.
pub const EXCHANGE_HEADING: Tr = Tr::new("The captured exchange", "捕获的交换");
/// The mechanism.
pub const MECHANISM: Tr = Tr::new("Mechanism", "机制");
/// The challenge.
pub const CHALLENGE: Tr = Tr::new(
    "Server challenge (after 334, base64)",
    "服务器质询（334 之后，base64）",
);
/// The response.
pub const RESPONSE: Tr = Tr::new("Client response (base64)", "客户端响应（base64）");
/// The password.
pub const PASSWORD: Tr = Tr::new("The password the user swears by", "用户坚称正确的密码");
/// Verifies.
pub const VERIFY: Tr = Tr::new("Verify", "验证");
/// Valid.
pub const VALID: Tr = Tr::new(
    "Valid: this password gives exactly this response.",
    "有效：这个密码算出的正是这个响应。",
);
/// Invalid.
pub const INVALID: Tr = Tr::new("Invalid", "无效");
/// No password.
pub const NO_PASSWORD: Tr = Tr::new(
    "Without the password the verifier can only decode the fields; type it to check the response.",
    "没有密码时验证器只能解码各字段；输入密码才能检查响应。",
);
/// The correct computation.
pub const EXPECTED: Tr = Tr::new(
    "The correct computation, step by step",
    "正确的计算过程（逐步）",
);
/// Marks the step where the client went wrong.
pub const DIFFERS_HERE: Tr = Tr::new(
    "the client's value differs here",
    "客户端的值从这里开始不同",
);
/// The answer field.
pub const ANSWER: Tr = Tr::new(
    "Which step differs first? Type its id (as shown in the list).",
    "哪一步最先出现不同？输入它的 id（如列表所示）。",
);
/// Gives the answer.
pub const ANSWER_BUTTON: Tr = Tr::new("Answer", "回答");
/// A wrong answer.
pub const ANSWER_WRONG: Tr = Tr::new(
    "Not that one. Verify with the password and compare the steps from the top.",
    "不是这一步。带上密码验证，然后从上往下逐步比较。",
);
/// The password is kept in memory only.
pub const PASSWORD_NOTE: Tr = Tr::new(
    "Passwords typed here stay in this page's memory: never stored, never sent.",
    "在这里输入的密码只保存在本页内存中：不会存储，也不会发送。",
);
