//! English and Simplified Chinese texts.
//!
//! Every string a learner sees goes through this module. A text is a [`Tr`]: one value
//! holding both languages, so a missing translation is a compile error, not a blank on the
//! page. The engine's data (reply codes, explanations) carries `Tr` values; the UI's own
//! labels are the [`Msg`] enum in [`ui`], matched exhaustively.

pub mod cut;
mod text;
mod ui;

pub use text::{Args, Fill, Text};
pub use ui::Msg;

/// A language the trainer speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (简体中文).
    Zh,
}

impl Lang {
    /// All languages, in the order the language switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The BCP 47 tag, as used in `<html lang>` and in storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// The colon after a label: `": "` in English, the full-width `"："` in Chinese.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::En => ": ",
            Lang::Zh => "：",
        }
    }

    /// Reads a language tag or a locale such as `zh`, `zh-CN`, `zh_CN.UTF-8`, `en-US`.
    /// Any Chinese tag selects Chinese (the texts are Simplified); anything else is `None`
    /// unless it is English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_', '.', '@']).next().unwrap_or("");
        match primary {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the first supported language from a list of preferences (like
    /// `navigator.languages`), falling back to English.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }
}

/// The one language whose texts this build holds: a first page's module, built with only
/// the `text-en` or only the `text-zh` feature (issue 13). `None` (both languages) for the
/// whole app, the workers, the command line and the tests, and when both features are on.
pub const ONE_LANGUAGE: Option<Lang> = if cfg!(all(feature = "text-en", not(feature = "text-zh"))) {
    Some(Lang::En)
} else if cfg!(all(feature = "text-zh", not(feature = "text-en"))) {
    Some(Lang::Zh)
} else {
    None
};

/// One text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tr {
    /// English.
    pub en: &'static str,
    /// Simplified Chinese.
    pub zh: &'static str,
}

impl Tr {
    /// Builds a text from its two translations.
    ///
    /// In a build with one language ([`ONE_LANGUAGE`]) both fields hold that language's
    /// text, so the other one is never linked into the module.
    pub const fn new(en: &'static str, zh: &'static str) -> Tr {
        Tr::keeping(ONE_LANGUAGE, en, zh)
    }

    /// The text as a build with `one` language keeps it: that language's in both fields,
    /// or both languages for `None`.
    pub const fn keeping(one: Option<Lang>, en: &'static str, zh: &'static str) -> Tr {
        match one {
            Some(Lang::En) => Tr { en, zh: en },
            Some(Lang::Zh) => Tr { en: zh, zh },
            None => Tr { en, zh },
        }
    }

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// The UI text `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    msg.text().get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_language_build_keeps_that_language_in_both_fields() {
        let keep = |one| Tr::keeping(one, "Try again", "重试");
        assert_eq!(keep(None).get(Lang::En), "Try again");
        assert_eq!(keep(None).get(Lang::Zh), "重试");
        for lang in Lang::ALL {
            let kept = keep(Some(lang));
            assert_eq!(kept.get(Lang::En), keep(None).get(lang));
            assert_eq!(kept.get(Lang::Zh), keep(None).get(lang));
        }
        // The tests, the command line and the whole app have both languages.
        assert_eq!(ONE_LANGUAGE, None);
        assert_eq!(Msg::AppName.text().zh, "SMTP 训练器");
    }

    #[test]
    fn tags_and_locales_select_a_language() {
        for (tag, lang) in [
            ("zh", Some(Lang::Zh)),
            ("zh-CN", Some(Lang::Zh)),
            ("zh_CN.UTF-8", Some(Lang::Zh)),
            ("ZH-hans", Some(Lang::Zh)),
            ("en-US", Some(Lang::En)),
            ("en", Some(Lang::En)),
            ("fr-FR", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
        }
    }

    #[test]
    fn negotiation_takes_the_first_supported_preference() {
        assert_eq!(Lang::negotiate(["de-DE", "zh-TW", "en"]), Lang::Zh);
        assert_eq!(Lang::negotiate(["de-DE", "fr"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn every_ui_message_has_both_languages() {
        for msg in Msg::ALL {
            let tr = msg.text();
            assert!(!tr.en.trim().is_empty(), "{msg:?} has no English");
            assert!(!tr.zh.trim().is_empty(), "{msg:?} has no Chinese");
            assert_ne!(tr.en, tr.zh, "{msg:?} is not translated");
        }
    }
}
