//! The lessons page's own texts, in English and Simplified Chinese. The lessons' titles,
//! intros, instructions, hints and answers are the engine's ([`crate::lessons::guided`]).
//!
//! `{n}`-style placeholders are replaced by the component that shows the text.

use crate::i18n::Tr;

/// The navigation link.
pub const NAV: Tr = Tr::new("Lessons", "课程");
/// The list's heading.
pub const HEADING: Tr = Tr::new("Guided lessons", "分步课程");
/// Under the heading.
pub const INTRO: Tr = Tr::new(
    "Step by step, each step checked by the engine: a line you send to the lesson's server (Postfix; account alice@example.com, password secret) or a value you compute. A wrong try shows a hint; “Show me” gives the answer.",
    "一步一步来，每一步都由引擎检查：要么向课程的服务器（Postfix；账号 alice@example.com，密码 secret）发送一行命令，要么填写你计算出的值。答错会显示提示；“告诉我答案”会给出答案。",
);
/// A lesson's progress.
pub const PROGRESS: Tr = Tr::new("{k}/{n} steps", "{k}/{n} 步");
/// A complete lesson.
pub const COMPLETE_MARK: Tr = Tr::new("complete", "已完成");
/// What is remembered.
pub const STORAGE_NOTE: Tr = Tr::new(
    "This browser remembers only the step you are on in each lesson — never a password or what you typed.",
    "浏览器只记住你在每门课程中进行到哪一步——绝不保存密码或你输入的内容。",
);
/// Back to the list.
pub const BACK: Tr = Tr::new("← All lessons", "← 全部课程");
/// An address naming no lesson.
pub const UNKNOWN: Tr = Tr::new("There is no lesson “{id}”.", "没有名为“{id}”的课程。");
/// The steps' heading.
pub const STEPS: Tr = Tr::new("Steps", "步骤");
/// A step done, for screen readers.
pub const STEP_DONE: Tr = Tr::new("done", "已完成");
/// The current step, for screen readers.
pub const STEP_CURRENT: Tr = Tr::new("current step", "当前步骤");
/// The current step's heading.
pub const STEP_OF: Tr = Tr::new("Step {k} of {n}", "第 {k} 步，共 {n} 步");
/// The lesson is done.
pub const COMPLETE: Tr = Tr::new(
    "Lesson complete — every step passed.",
    "课程完成——所有步骤都已通过。",
);
/// The single-line input.
pub const LINE_LABEL: Tr = Tr::new("Line to send (with CRLF)", "要发送的命令行（以 CRLF 结尾）");
/// The message area.
pub const MESSAGE_LABEL: Tr = Tr::new(
    "Message lines (headers, an empty line, the body, a lone dot)",
    "邮件内容（邮件头、一个空行、正文、单独一个点）",
);
/// The value input.
pub const VALUE_LABEL: Tr = Tr::new("Your value", "你的答案");
/// Checks.
pub const CHECK: Tr = Tr::new("Check", "检查");
/// Enter checks.
pub const ENTER_CHECKS: Tr = Tr::new(
    "Enter sends the line and checks the reply.",
    "按 Enter 发送并检查回复。",
);
/// Ctrl+Enter checks.
pub const CTRL_ENTER_CHECKS: Tr = Tr::new(
    "Ctrl+Enter sends the lines and checks the result.",
    "按 Ctrl+Enter 发送各行并检查结果。",
);
/// Enter checks a value.
pub const ENTER_CHECKS_VALUE: Tr = Tr::new("Enter checks the value.", "按 Enter 检查答案。");
/// Passed.
pub const PASSED: Tr = Tr::new("Correct — step {k} done.", "正确——第 {k} 步完成。");
/// Not yet.
pub const NOT_YET: Tr = Tr::new("Not yet.", "还不对。");
/// Before the hint.
pub const HINT: Tr = Tr::new("Hint", "提示");
/// Shows the answer.
pub const SHOW_ME: Tr = Tr::new("Show me", "告诉我答案");
/// Before the answer.
pub const ANSWER: Tr = Tr::new("The answer", "答案");
/// Sends the answer.
pub const SEND_ANSWER: Tr = Tr::new("Send it", "直接发送");
/// Resets the lesson.
pub const RESET: Tr = Tr::new("Start this lesson again", "从头开始本课");
/// A new connection.
pub const RECONNECT: Tr = Tr::new("New connection", "重新连接");
/// Transcript note after a reconnection.
pub const REPLAYED: Tr = Tr::new(
    "new connection: the answers of the steps already done are sent again",
    "新连接：已完成步骤的答案已重新发送",
);
/// The connection is closed.
pub const CLOSED: Tr = Tr::new(
    "The server closed the connection. Open a new one to go on.",
    "服务器已关闭连接。请重新连接后继续。",
);
/// The transcript.
pub const TRANSCRIPT: Tr = Tr::new("Session with the lesson's server", "与课程服务器的会话");
/// Clicking replies.
pub const CLICK_HINT: Tr = Tr::new(
    "Click a reply to see why the server sent it.",
    "点击某条回复，查看服务器为什么这样回复。",
);
