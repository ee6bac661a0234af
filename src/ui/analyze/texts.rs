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
pub const NOTHING: Tr = crate::analyze::EMPTY_LOG;
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
/// While a long list of lines is still being added, part by part.
pub const ADDING_LINES: Tr = Tr::new(
    "Adding lines… the page stays usable.",
    "正在添加行…… 页面仍可使用。",
);
/// How far "Show all" is, beside its progress bar (outside the status, which would
/// announce every part).
pub const ADDING_COUNT: Tr = Tr::new("{shown} of {n} shown", "已显示 {shown} 行（共 {n} 行）");
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

/// The capture file input's label.
pub const CAPTURE_LABEL: Tr = Tr::new(
    "Or open a packet capture (pcap, pcapng)",
    "或者打开抓包文件（pcap、pcapng）",
);
/// Under the capture input.
pub const CAPTURE_HINT: Tr = Tr::new(
    "A tcpdump or Wireshark file, at most 64 MiB, read by a background worker of this page (nothing is sent). Every SMTP conversation in it is found by its greeting, on any port; pick one to analyze it.",
    "tcpdump 或 Wireshark 保存的文件，最大 64 MiB，由本页的后台 worker 读取（不会发送到任何地方）。其中的每个 SMTP 会话都按问候语识别，与端口无关；选择一个即可分析。",
);
/// While the worker starts.
pub const CAPTURE_STARTING: Tr = Tr::new("Reading {name} …", "正在读取 {name} …");
/// The worker's progress.
pub const CAPTURE_PROGRESS: Tr = Tr::new(
    "Reading {name}: {percent} % ({n} packets)",
    "正在读取 {name}：{percent}%（{n} 个数据包）",
);
/// The progress bar's accessible name.
pub const CAPTURE_PROGRESS_LABEL: Tr = Tr::new("Reading the capture", "读取抓包文件的进度");
/// A file the reader refuses.
pub const CAPTURE_INVALID: Tr =
    Tr::new("{name} cannot be read: {error}", "无法读取 {name}：{error}");
/// A file the browser could not hand over.
pub const CAPTURE_UNREADABLE: Tr = Tr::new(
    "The browser could not open {name}: {error}",
    "浏览器无法打开 {name}：{error}",
);
/// Closes the capture.
pub const CAPTURE_CLOSE: Tr = Tr::new("Close the capture", "关闭抓包文件");
/// The streams table's caption.
pub const CAPTURE_STREAMS: Tr = Tr::new("TCP streams in {name}", "{name} 中的 TCP 数据流");
/// A column: what the stream carries.
pub const CAPTURE_KIND: Tr = Tr::new("carries", "内容");
/// A column: the endpoints.
pub const CAPTURE_ENDPOINTS: Tr = Tr::new("client → server", "客户端 → 服务器");
/// A column: payload octets.
pub const CAPTURE_OCTETS: Tr = Tr::new("octets (client / server)", "字节数（客户端 / 服务器）");
/// A column: the action.
pub const CAPTURE_ACTION: Tr = Tr::new("analysis", "分析");
/// Analyzes one stream.
pub const CAPTURE_OPEN: Tr = Tr::new("Analyze stream {n}", "分析数据流 {n}");
/// The stream analyzed.
pub const CAPTURE_SHOWN: Tr = Tr::new("analyzed below", "分析结果见下方");
/// The selected stream's heading.
pub const CAPTURE_SELECTED: Tr = Tr::new("Stream {n}: reply times", "数据流 {n}：回复耗时");
/// A column: the command.
pub const CAPTURE_COMMAND: Tr = Tr::new("command", "命令");
/// A column: the reply's code.
pub const CAPTURE_CODE: Tr = Tr::new("reply", "回复");
/// A column: the reply's time.
pub const CAPTURE_LATENCY: Tr = Tr::new("time", "耗时");
