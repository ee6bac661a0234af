//! The share panel's texts and what each page says it restored, in English and Simplified
//! Chinese.

use crate::i18n::{Fill, Lang, Tr};
use crate::share::{Page, ShareError};

pub const HEADING: Tr = Tr::new("Share this state", "分享当前状态");
pub const NOTE: Tr = Tr::new(
    "The link carries this page's state after its #: the browser never sends that part to any server. Anyone who opens it sees what you see here.",
    "链接把本页的状态放在 # 之后：浏览器从不把这一部分发送给任何服务器。打开链接的人会看到你在这里看到的内容。",
);
pub const SHARE: Tr = Tr::new("Share", "分享");
pub const SECRETS: Tr = Tr::new("Include the password", "包含密码");
pub const SECRETS_OFF: Tr = Tr::new(
    "Passwords and tokens are left out of the link and the file.",
    "密码和令牌不会放进链接和文件。",
);
pub const SECRETS_ON: Tr = Tr::new(
    "The password (and any token) is in the link and the file, readable by anyone who gets them.",
    "密码（以及令牌）会放进链接和文件，拿到它们的任何人都能读出。",
);
pub const LINK: Tr = Tr::new("Link", "链接");
pub const COPY_LABEL: Tr = Tr::new("Copy the link", "复制链接");
pub const DOWNLOAD: Tr = Tr::new("Download as a file", "下载为文件");
pub const DOWNLOADED: Tr = Tr::new("Saved as {name}.", "已保存为 {name}。");
pub const IMPORT: Tr = Tr::new("Open a shared file", "打开分享的文件");
pub const RESTORED_LINK: Tr = Tr::new("Restored from the link: {what}.", "已从链接恢复：{what}。");
pub const RESTORED_FILE: Tr = Tr::new("Restored from the file: {what}.", "已从文件恢复：{what}。");
pub const RESTORED_KEPT: Tr = Tr::new(
    "Brought back from before the reload: {what}.",
    "已恢复重新加载前的内容：{what}。",
);
pub const KEPT_LEFT_OUT: Tr = Tr::new(
    "{n} password(s), token(s) or AUTH line(s) are never stored in the browser: type them again.",
    "{n} 个密码、令牌或 AUTH 行从不保存在浏览器中：请重新输入。",
);
pub const LEFT_OUT: Tr = Tr::new(
    "{n} password(s), token(s) or AUTH line(s) were left out when it was shared: type them again.",
    "分享时略去了 {n} 个密码、令牌或 AUTH 行：请重新输入。",
);
pub const DAMAGED: Tr = Tr::new(
    "This shared state is damaged (cut short or changed), so nothing was restored; the page works as before. Ask for the link again.",
    "此分享的状态已损坏（被截断或改动），因此没有恢复任何内容；页面照常可用。请重新获取链接。",
);
pub const FUTURE: Tr = Tr::new(
    "This shared state was made by a newer version of the trainer (format {v}; this page reads format {ours}), so nothing was restored. Reload to get the newest version.",
    "此分享的状态由更新版本的训练器生成（格式 {v}；本页读取格式 {ours}），因此没有恢复任何内容。请重新加载以获取最新版本。",
);
pub const OTHER_PAGE: Tr = Tr::new(
    "This shared state belongs to another page ({page}), so nothing was restored here.",
    "此分享的状态属于另一个页面（{page}），因此这里没有恢复任何内容。",
);
pub const TOO_LARGE: Tr = Tr::new(
    "This shared state is too large to open, so nothing was restored.",
    "此分享的状态太大，无法打开，因此没有恢复任何内容。",
);
pub const UNREADABLE_FILE: Tr = Tr::new(
    "The browser could not read this file.",
    "浏览器无法读取此文件。",
);

// What each page restored.
pub const CONSOLE_WHAT: Tr = Tr::new(
    "a session with {profile}, its policies and faults, {n} typed line(s) replayed",
    "与 {profile} 的会话，连同其策略和故障，重放了 {n} 行输入",
);
pub const AUTH_WHAT: Tr = Tr::new(
    "{mechanism}: its inputs, at step {step}",
    "{mechanism}：其输入，位于第 {step} 步",
);
pub const VERIFY_EXCHANGE_WHAT: Tr = Tr::new(
    "the {mechanism} exchange, checked again",
    "{mechanism} 交互，已重新验证",
);
pub const VERIFY_TRANSCRIPT_WHAT: Tr = Tr::new(
    "the transcript ({n} line(s)), checked again",
    "会话记录（{n} 行），已重新验证",
);
pub const ANALYZE_WHAT: Tr = Tr::new(
    "the log ({n} line(s)), analyzed again",
    "日志（{n} 行），已重新分析",
);
pub const COMPOSE_WHAT: Tr = Tr::new(
    "the message “{subject}”, the server and the client settings",
    "邮件“{subject}”、服务器与客户端设置",
);
pub const COMPOSE_FILES: Tr = Tr::new(
    "; attachments stay on your computer (never in a link or kept by the browser), pick them again: {names}",
    "；附件只留在你的电脑上（不会放进链接，也不会由浏览器保存），请重新选择：{names}",
);

/// A page's name in messages.
pub fn page_name(page: Page, lang: Lang) -> &'static str {
    let tr = match page {
        Page::Console => Tr::new("Console", "控制台"),
        Page::Auth => Tr::new("Auth", "认证"),
        Page::Verify => Tr::new("Verify", "验证"),
        Page::Analyze => Tr::new("Analyze", "分析"),
        Page::Compose => Tr::new("Compose", "撰写"),
        Page::Scenario => Tr::new("Scenarios", "场景"),
    };
    tr.get(lang)
}

/// Why a shared state could not be opened, in `lang`.
pub fn describe(error: ShareError, lang: Lang) -> String {
    match error {
        ShareError::Future(v) => FUTURE
            .get(lang)
            .fill(&[("v", &v), ("ours", &crate::share::VERSION)]),
        ShareError::OtherPage(page) => OTHER_PAGE
            .get(lang)
            .fill(&[("page", &page_name(page, lang))]),
        ShareError::TooLarge => TOO_LARGE.get(lang).to_string(),
        _ => DAMAGED.get(lang).to_string(),
    }
}
