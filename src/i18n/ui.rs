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
}
