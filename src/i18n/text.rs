//! A text in both languages that is made at run time, and the one way to put values into a
//! text's `{name}` placeholders.
//!
//! [`super::Tr`] is a text fixed at compile time; [`Text`] is one built from values (a
//! diagnosis naming the log's sender, a worker's answer). Both fill their placeholders with
//! [`Fill::fill`], which replaces every `{name}` in one pass: a value that itself contains
//! `{name}` (a pasted address, a file name) is shown as it is, never filled again.

use std::borrow::Cow;
use std::fmt::{Display, Write as _};

use serde::{Deserialize, Serialize};

use super::{Lang, Tr};

/// The values for a text's placeholders: `("n", &3)` fills `{n}`.
pub type Args<'a> = [(&'a str, &'a dyn Display)];

/// Filling a text's `{name}` placeholders.
pub trait Fill {
    /// The text with every `{name}` that `args` names replaced by its value, in one pass;
    /// a placeholder `args` does not name, and any other brace, stays as written.
    fn fill(&self, args: &Args) -> String;
}

impl Fill for str {
    fn fill(&self, args: &Args) -> String {
        let mut out = String::with_capacity(self.len() + 16);
        let mut rest = self;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let value = after.find('}').and_then(|close| {
                let name = &after[..close];
                args.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (close, *v))
            });
            match value {
                Some((close, v)) => {
                    // Writing into a String cannot fail.
                    let _ = write!(out, "{v}");
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A text in both languages, owned when it names values from the input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// English.
    pub en: Cow<'static, str>,
    /// Simplified Chinese.
    pub zh: Cow<'static, str>,
}

impl Text {
    /// A text from its two translations.
    pub fn new(en: impl Into<Cow<'static, str>>, zh: impl Into<Cow<'static, str>>) -> Text {
        Text {
            en: en.into(),
            zh: zh.into(),
        }
    }

    /// A text made in each language.
    pub fn of(make: impl Fn(Lang) -> String) -> Text {
        Text::new(make(Lang::En), make(Lang::Zh))
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Both texts with `other` appended after a space (English) or directly (Chinese).
    pub fn join(self, other: &Text) -> Text {
        Text::new(
            format!("{} {}", self.en, other.en),
            format!("{}{}", self.zh, other.zh),
        )
    }
}

impl From<Tr> for Text {
    fn from(tr: Tr) -> Text {
        Text::new(tr.en, tr.zh)
    }
}

impl Tr {
    /// The text in `lang` with its placeholders filled (see [`Fill`]).
    pub fn fill(self, lang: Lang, args: &Args) -> String {
        self.get(lang).fill(args)
    }

    /// Both languages with their placeholders filled.
    pub fn filled(self, args: &Args) -> Text {
        Text::new(self.en.fill(args), self.zh.fill(args))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_named_placeholder_once() {
        assert_eq!("{k} of {n}".fill(&[("k", &2), ("n", &"5")]), "2 of 5");
        assert_eq!("{n}/{n}".fill(&[("n", &7)]), "7/7");
        // A value holding a placeholder is shown as it is, not filled again.
        assert_eq!(
            "{a} and {b}".fill(&[("a", &"{b}"), ("b", &"x")]),
            "{b} and x"
        );
    }

    #[test]
    fn leaves_unnamed_placeholders_and_stray_braces() {
        assert_eq!("{a} {b}".fill(&[("a", &1)]), "1 {b}");
        assert_eq!("{ x } {".fill(&[("x", &1)]), "{ x } {");
        assert_eq!("}{".fill(&[]), "}{");
        assert_eq!("没有{n}个".fill(&[("n", &3)]), "没有3个");
    }

    #[test]
    fn tr_fills_both_languages() {
        let tr = Tr::new("step {k} of {n}", "第 {k} 步，共 {n} 步");
        assert_eq!(
            tr.fill(Lang::Zh, &[("k", &1), ("n", &4)]),
            "第 1 步，共 4 步"
        );
        let text = tr.filled(&[("k", &1), ("n", &4)]);
        assert_eq!(text.get(Lang::En), "step 1 of 4");
        assert_eq!(text.get(Lang::Zh), "第 1 步，共 4 步");
    }
}
