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
    "Step by step, each step checked as you go: a line you send to the lesson's server (Postfix; account alice@example.com, password secret) or a value you compute. A wrong try shows a hint; “Show me” gives the answer.",
    "一步一步来，每一步都会即时检查：要么向课程的服务器（Postfix；账号 alice@example.com，密码 secret）发送一行命令，要么填写你计算出的值。答错会显示提示；“告诉我答案”会给出答案。",
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
/// A right line of a step of several commands.
pub const LINE_OK: Tr = Tr::new("Right —", "正确——");
/// How far a step of several commands is.
pub const COMMANDS_DONE: Tr = Tr::new("{k} of {n} commands done.", "已完成 {k}/{n} 条命令。");
/// The session had moved past the step.
pub const RESTARTED: Tr = Tr::new(
    "That moved the session past this step.",
    "这让会话越过了这一步。",
);
/// The step starts again in the same connection.
pub const RESTARTED_SAME: Tr = Tr::new(
    "The transaction was started again in the same connection (see the notes in the session): try this step once more.",
    "已在同一连接中重新开始事务（见会话中的说明）：请再做一次这一步。",
);
/// The step starts again on a new connection.
pub const RESTARTED_NEW: Tr = Tr::new(
    "A new connection was opened and the earlier steps were sent again (see the session): try this step once more.",
    "已打开新连接并重新发送了前面的步骤（见会话）：请再做一次这一步。",
);
/// The next lesson.
pub const NEXT_LESSON: Tr = Tr::new("Next lesson: {title} →", "下一课：{title} →");
/// The last lesson is done.
pub const ALL_LESSONS: Tr = Tr::new(
    "That was the last lesson. ← All lessons",
    "这是最后一课。← 全部课程",
);
/// The session ended with the lesson.
pub const ENDED: Tr = Tr::new(
    "The session ended with QUIT, as it should.",
    "会话以 QUIT 结束，这正是应有的做法。",
);
/// What the learner has done, on the index.
pub const SUMMARY: Tr = Tr::new(
    "You have completed {k} of {n} lessons and {s} of {m} scenarios.",
    "你已完成 {k}/{n} 门课程和 {s}/{m} 个场景。",
);
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
