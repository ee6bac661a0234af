//! The analyze page's own texts, in English and Simplified Chinese.
//!
//! `{n}`-style placeholders are replaced by the component that shows the text.

use crate::i18n::Tr;

/// The navigation link.
pub const NAV: Tr = Tr::new("Analyze", "日志分析");
/// The page heading.
pub const HEADING: Tr = Tr::new("Analyze a log", "分析 SMTP 日志");
/// Under the heading.
pub const INTRO: Tr = Tr::new(
    "Paste an SMTP log — a telnet session, DokuWiki's Sent:/Got:, PHPMailer, swaks, smtplib, Nodemailer, msmtp, curl, a bounce message, an application's error or exception, or Postfix, Sendmail, Exim and Haraka log lines, even mixed — and get a diagnosis with every line explained, the failure that decided the outcome first. The log stays in this page's memory: nothing is stored, nothing is sent.",
    "粘贴一段 SMTP 日志——telnet 会话、DokuWiki 的 Sent:/Got:、PHPMailer、swaks、smtplib、Nodemailer、msmtp、curl、退信、应用程序的错误信息或异常，或 Postfix、Sendmail、Exim、Haraka 的日志行，混在一起也可以——即可得到诊断结果和逐行解释，决定结果的那次失败排在最前。日志只保存在本页的内存中：不会存储，也不会发送。",
);
/// The text area's label.
pub const INPUT_LABEL: Tr = Tr::new("The log", "日志内容");
/// The text area's placeholder.
pub const PLACEHOLDER: Tr = Tr::new(
    "Paste the log here, e.g. Got: 553 Mail from must equal authorized user",
    "在此粘贴日志，例如 Got: 553 Mail from must equal authorized user",
);
/// The Analyze button.
pub const ANALYZE: Tr = Tr::new("Analyze", "分析");
/// The keyboard shortcut and the limits.
pub const SHORTCUT: Tr = Tr::new(
    "Ctrl+Enter analyzes. At most 1 MiB and 20 000 lines are read.",
    "按 Ctrl+Enter 分析。最多读取 1 MiB、20 000 行。",
);
/// Empties the text area and the result.
pub const CLEAR: Tr = Tr::new("Clear", "清空");
/// Before the example buttons.
pub const EXAMPLES: Tr = Tr::new("Examples", "示例");
/// Seed 000's log.
pub const EXAMPLE_SEED000: Tr = Tr::new("DokuWiki → 163.com: 553", "DokuWiki → 163.com：553");
/// Seed 004's telnet session.
pub const EXAMPLE_SEED004: Tr = Tr::new(
    "A telnet session with a typo (RCPR)",
    "带拼写错误（RCPR）的 telnet 会话",
);
/// Before the first analysis.
pub const EMPTY: Tr = Tr::new(
    "Paste a log or load an example, then press Analyze.",
    "粘贴日志或载入示例，然后点击“分析”。",
);
/// The analysis of an empty text.
pub const NOTHING: Tr = Tr::new(
    "The text is empty: there is nothing to analyze.",
    "文本为空：没有可分析的内容。",
);
/// The diagnosis heading.
pub const DIAGNOSIS: Tr = Tr::new("Diagnosis", "诊断");
/// No finding.
pub const NO_FINDINGS: Tr = Tr::new(
    "Nothing to report: no refusal, no error, no exposed password.",
    "没有需要报告的问题：没有拒绝、没有错误，也没有暴露的密码。",
);
/// A finding's "what happened".
pub const WHAT: Tr = Tr::new("What happened", "发生了什么");
/// A finding's fix.
pub const FIX: Tr = Tr::new("Fix", "解决办法");
/// Before a finding's line links.
pub const RESTS_ON: Tr = Tr::new("Lines", "依据的行");
/// A link to a line.
pub const LINE_N: Tr = Tr::new("line {n}", "第 {n} 行");
/// The line link's accessible name.
pub const GO_TO_LINE: Tr = Tr::new("Go to line {n}", "跳到第 {n} 行");
/// The overview heading.
pub const OVERVIEW: Tr = Tr::new("What the log is", "日志概况");
/// The log forms seen.
pub const FORMATS: Tr = Tr::new("Log forms", "日志格式");
/// No form recognised.
pub const NO_FORMAT: Tr = Tr::new("none recognised", "未识别出任何格式");
/// The server software.
pub const SERVERS: Tr = Tr::new("Server software", "服务器软件");
/// No software named.
pub const NO_SERVER: Tr = Tr::new("not named in the log", "日志中未提及");
/// The command sequence.
pub const SEQUENCE: Tr = Tr::new("Sequence", "命令序列");
/// No command seen.
pub const NO_SEQUENCE: Tr = Tr::new("no command or reply seen", "未发现命令或回复");
/// The annotated lines' heading.
pub const LINES: Tr = Tr::new("Every line", "逐行解释");
/// The number of lines.
pub const LINES_COUNT: Tr = Tr::new("{n} lines", "共 {n} 行");
/// Before the decoded base64.
pub const DECODED: Tr = Tr::new("decoded", "解码");
/// An unrecognised line.
pub const UNKNOWN_LINE: Tr = Tr::new(
    "Not recognised: no known log form explains this line.",
    "无法识别：没有已知的日志格式能解释这一行。",
);
/// Only some lines are shown.
pub const SHOWN_FIRST: Tr = Tr::new(
    "The first {shown} of {n} lines are shown.",
    "仅显示前 {shown} 行（共 {n} 行）。",
);
/// Shows every line.
pub const SHOW_ALL: Tr = Tr::new("Show all {n} lines", "显示全部 {n} 行");
/// A multi-line reply's group.
pub const REPLY_GROUP: Tr = Tr::new(
    "one reply in {k} lines ({from}–{to})",
    "一个回复，共 {k} 行（第 {from}–{to} 行）",
);
/// The page says nothing leaves it.
pub const PRIVACY: Tr = Tr::new(
    "Passwords in a pasted log are decoded here, in this page only; close the tab and they are gone.",
    "粘贴的日志中的密码只在本页解码；关闭标签页后即全部消失。",
);

/// Before a finding's rule source (an RFC section or the vendor's reply).
pub const RULE: Tr = Tr::new("Rule", "依据");
