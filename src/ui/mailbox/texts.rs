//! The mailbox page's texts, each in English and Simplified Chinese.

use crate::i18n::Tr;

/// Navigation label.
pub const NAV: Tr = Tr::new("Mailbox", "邮箱");
/// The page heading.
pub const HEADING: Tr = Tr::new("Mailbox", "邮箱");
/// Under the heading.
pub const INTRO: Tr = Tr::new(
    "Every message the simulated servers accepted — typed in the Console or sent from Compose — read back as a mail program would: headers raw and decoded, the MIME structure, the bodies, the attachments, the raw source, and the envelope's recipients beside the headers'.",
    "模拟服务器接受的每一封邮件——无论是在控制台中输入的，还是从“写邮件”发送的——都像邮件客户端那样读出来：原始与解码后的邮件头、MIME 结构、正文、附件、原始邮件，以及信封收件人与邮件头收件人的对照。",
);
/// No message yet.
pub const EMPTY: Tr = Tr::new(
    "No message yet: send one from Compose, or type a whole session with DATA in the Console.",
    "还没有邮件：请从“写邮件”发送一封，或在控制台中用 DATA 完成一次完整会话。",
);
/// Messages dropped.
pub const DROPPED: Tr = Tr::new(
    "{n} older message(s) were dropped: the mailbox keeps the newest 200 (64 MB at most).",
    "已丢弃 {n} 封较早的邮件：邮箱只保留最新的 200 封（最多 64 MB）。",
);
/// Empty the mailbox.
pub const CLEAR: Tr = Tr::new("Empty the mailbox", "清空邮箱");
/// The list's label.
pub const LIST: Tr = Tr::new("Messages, newest first", "邮件（最新的在前）");
/// Origin: console.
pub const FROM_CONSOLE: Tr = Tr::new("Console", "控制台");
/// Origin: composer.
pub const FROM_COMPOSER: Tr = Tr::new("Compose", "写邮件");
/// No subject.
pub const NO_SUBJECT: Tr = Tr::new("(no subject)", "（无主题）");
/// A size.
pub const BYTES: Tr = Tr::new("{n} bytes", "{n} 字节");

// The message.
/// Summary: server.
pub const SERVER: Tr = Tr::new("Server", "服务器");
/// Summary: queue id.
pub const QUEUE_ID: Tr = Tr::new("Queue id", "队列号");
/// Summary: arrived.
pub const ARRIVED: Tr = Tr::new("Arrived", "到达时间");
/// Summary: From header.
pub const FROM: Tr = Tr::new("From", "发件人");
/// Summary: MAIL FROM.
pub const MAIL_FROM: Tr = Tr::new("MAIL FROM (envelope)", "MAIL FROM（信封）");
/// The null sender.
pub const NULL_SENDER: Tr = Tr::new("<> (null sender)", "<>（空发件人）");
/// The message could not be read.
pub const UNREADABLE: Tr = Tr::new("The message cannot be read: ", "无法解析这封邮件：");

// Recipients.
/// Section heading.
pub const RECIPIENTS: Tr = Tr::new("Envelope vs header recipients", "信封收件人与邮件头收件人");
/// Under the heading.
pub const RECIPIENTS_HINT: Tr = Tr::new(
    "The server delivered to the envelope's RCPT TO addresses. One that no header names was a blind copy (Bcc): its recipient cannot see it, and neither can anyone else.",
    "服务器按信封中的 RCPT TO 地址投递。没有出现在任何邮件头中的地址就是密送（Bcc）：收件人自己看不到，其他人也看不到。",
);
/// Column.
pub const COL_ADDRESS: Tr = Tr::new("Address", "地址");
/// Column.
pub const COL_ENVELOPE: Tr = Tr::new("Envelope (RCPT TO)", "信封（RCPT TO）");
/// Column.
pub const COL_HEADERS: Tr = Tr::new("Headers", "邮件头");
/// Envelope-only.
pub const ENVELOPE_ONLY: Tr = Tr::new(
    "none — envelope only: a blind copy (Bcc)",
    "无——只在信封中：密送（Bcc）",
);
/// Header-only.
pub const HEADER_ONLY: Tr = Tr::new(
    "not in the envelope: this server did not deliver to it",
    "不在信封中：这台服务器没有向它投递",
);
/// Yes.
pub const YES: Tr = Tr::new("yes", "是");

// Headers.
/// Section heading.
pub const HEADERS: Tr = Tr::new("Headers", "邮件头");
/// Column.
pub const COL_NAME: Tr = Tr::new("Name", "名称");
/// Column.
pub const COL_RAW: Tr = Tr::new("As received", "原始");
/// Column.
pub const COL_DECODED: Tr = Tr::new("Decoded", "解码后");

// Structure.
/// Section heading.
pub const STRUCTURE: Tr = Tr::new("MIME structure", "MIME 结构");
/// The message itself in the tree.
pub const WHOLE: Tr = Tr::new("the message", "整封邮件");

// Bodies.
/// Section heading.
pub const TEXT: Tr = Tr::new("Text body", "纯文本正文");
/// Section heading.
pub const HTML: Tr = Tr::new(
    "HTML body (shown as text, never rendered)",
    "HTML 正文（以文本显示，不渲染）",
);
/// No body.
pub const NO_TEXT: Tr = Tr::new("No text/plain part.", "没有 text/plain 部分。");

// Attachments.
/// Section heading.
pub const ATTACHMENTS: Tr = Tr::new("Attachments", "附件");
/// Download button.
pub const DOWNLOAD: Tr = Tr::new("Download", "下载");
/// Download button's accessible label.
pub const DOWNLOAD_LABEL: Tr = Tr::new("Download {name}", "下载 {name}");
/// Download failed.
pub const DOWNLOAD_FAILED: Tr = Tr::new(
    "The browser could not prepare the download.",
    "浏览器无法准备下载。",
);
/// A nameless attachment.
pub const UNNAMED: Tr = Tr::new("(no file name)", "（无文件名）");

// Source.
/// The raw source.
pub const SOURCE: Tr = Tr::new("Raw source ({n} bytes)", "原始邮件（{n} 字节）");

// DKIM (issue 19).
/// The button.
pub const VERIFY_DKIM: Tr = Tr::new("Verify DKIM", "验证 DKIM");
/// Beside it, when the key is known.
pub const VERIFY_DKIM_HINT: Tr = Tr::new(
    "Opens the DKIM check with this message exactly as stored and the record of the key the composer signed it with.",
    "打开 DKIM 检查，带上与存储时完全相同的这封邮件，以及撰写页签名所用密钥的记录。",
);
/// Beside it, when the key is not known.
pub const VERIFY_DKIM_PASTE: Tr = Tr::new(
    "Opens the DKIM check with this message exactly as stored; its key is not known here: paste the signer's key record (v=DKIM1; …) there.",
    "打开 DKIM 检查，带上与存储时完全相同的这封邮件；这里不知道它的密钥：请在那里粘贴签名者的密钥记录（v=DKIM1; …）。",
);
