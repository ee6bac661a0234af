//! The verify page's own texts for the transcript mode and the "as sent" switch, and the
//! AUTH exchange list the analyze page shares, in English and Simplified Chinese.

use crate::i18n::Tr;

/// The mode switch's label.
pub const MODE: Tr = Tr::new("What to verify", "校验对象");
/// Mode: one exchange pasted by parts.
pub const MODE_EXCHANGE: Tr = Tr::new("One exchange", "单次交换");
/// Mode: a whole transcript.
pub const MODE_TRANSCRIPT: Tr = Tr::new("A whole transcript", "整段会话记录");
/// The "as sent" switch.
pub const AS_SENT: Tr = Tr::new(
    "This is exactly what the client sent (then a response without base64 is itself the mistake)",
    "这正是客户端实际发送的内容（此时响应没有做 base64 编码本身就是错误）",
);
/// Under the "as sent" switch.
pub const AS_SENT_HINT: Tr = Tr::new(
    "Unticked, the verdict is about the computation only: base64 or decoded, DIGEST-MD5's directives in any order.",
    "不勾选时只判定计算本身：base64 或解码后的文本均可，DIGEST-MD5 的指令顺序也不限。",
);
/// The transcript text area's label.
pub const TRANSCRIPT: Tr = Tr::new(
    "Transcript or log (telnet, swaks, smtplib, Sent:/Got:, C:/S:, serve …)",
    "会话记录或日志（telnet、swaks、smtplib、Sent:/Got:、C:/S:、serve 等）",
);
/// The transcript text area's hint.
pub const TRANSCRIPT_HINT: Tr = Tr::new(
    "Every AUTH exchange in it is found and judged exactly as it crossed the wire.",
    "其中的每一次 AUTH 交换都会被找出来，并按线路上实际传输的内容判定。",
);
/// The exchange list's heading.
pub const EXCHANGES: Tr = Tr::new("AUTH exchanges", "AUTH 交换");
/// No exchange in the transcript.
pub const NO_EXCHANGES: Tr = Tr::new(
    "No AUTH exchange found in this transcript.",
    "这份记录中没有找到 AUTH 交换。",
);
/// "lines" before a range.
pub const LINES: Tr = Tr::new("lines", "行");
/// "session" before its number.
pub const SESSION: Tr = Tr::new("session", "会话");
/// Before the server's code.
pub const SERVER_SAID: Tr = Tr::new("the server answered", "服务器回复");
/// The verdict agrees with the server.
pub const AGREES: Tr = Tr::new(
    "The verdict agrees with the server's answer.",
    "判定与服务器的回答一致。",
);
/// The verdict and the server disagree.
pub const DISAGREES: Tr = Tr::new(
    "The verdict and the server's answer differ: is this the password the server has for this user?",
    "判定与服务器的回答不一致：这是服务器上该用户的密码吗？",
);
/// Not judged.
pub const NOT_CHECKED: Tr = Tr::new("Not checked", "未校验");
/// The analyze page's password input.
pub const ANALYZE_PASSWORD: Tr = Tr::new(
    "Password (optional: to verify the log's AUTH exchanges; kept in this page's memory only)",
    "密码（可选：用于校验日志中的 AUTH 交换；只保存在本页内存中）",
);
