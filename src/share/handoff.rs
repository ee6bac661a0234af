//! The hand-over between the page's modules (issue 13).
//!
//! A deep link to the console, the reference, Auth or Verify starts a small module that
//! holds that section alone, so the first page is usable after a fraction of the whole
//! app's download. When the learner opens another section, the whole app's module is
//! fetched and compiled while the first page stays as it is; then the small module writes
//! what the learner did into a [`Handoff`], leaves, and the whole app starts from it. The
//! text goes from one module to the other inside the page (a JavaScript string) and is
//! never stored or sent, so it carries everything, passwords included.
//!
//! Records are `key`, a space, the value's length in bytes, a line end, then the value and
//! a line end: any text fits, and reading it back cannot be confused by what a learner
//! typed. Pages' states are written as their links write them ([`pages::whole_text`]), so
//! a state is restored by the same code a shared link uses.

use super::pages::{self, Shared};
use super::ShareError;

/// At most this many bytes are read back (a console of 2000 lines of 1000 octets fits).
pub const MAX_HANDOFF: usize = 16 * 1024 * 1024;

/// What one module hands the next: records of `(key, value)`, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handoff {
    records: Vec<(String, String)>,
}

impl Handoff {
    /// Adds a record; a key is one word (any space or line end in it becomes `_`).
    pub fn put(&mut self, key: &str, value: impl Into<String>) {
        let key: String = key
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        self.records.push((key, value.into()));
    }

    /// Adds a page's whole state under `key`.
    pub fn put_state<T: Shared>(&mut self, key: &str, state: &T) {
        self.put(key, pages::whole_text(state));
    }

    /// The first record named `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.records
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The page state under `key`: `None` without one, an error when it cannot be read.
    pub fn state<T: Shared>(&self, key: &str) -> Option<Result<T, ShareError>> {
        self.get(key).map(pages::from_whole_text)
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.records.iter().map(|(k, _)| k.as_str())
    }

    /// The text handed over.
    pub fn encode(&self) -> String {
        let mut text = String::new();
        for (key, value) in &self.records {
            text.push_str(key);
            text.push(' ');
            text.push_str(&value.len().to_string());
            text.push('\n');
            text.push_str(value);
            text.push('\n');
        }
        text
    }

    /// The text back; anything malformed or over [`MAX_HANDOFF`] is an error, never a
    /// panic.
    pub fn decode(text: &str) -> Result<Handoff, ShareError> {
        if text.len() > MAX_HANDOFF {
            return Err(ShareError::TooLarge);
        }
        let mut records = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let (head, tail) = rest.split_once('\n').ok_or(ShareError::Damaged)?;
            let (key, len) = head.split_once(' ').ok_or(ShareError::Damaged)?;
            let len: usize = len.parse().map_err(|_| ShareError::Damaged)?;
            if key.is_empty() {
                return Err(ShareError::Damaged);
            }
            let value = tail.get(..len).ok_or(ShareError::Damaged)?;
            rest = tail
                .get(len..)
                .and_then(|r| r.strip_prefix('\n'))
                .ok_or(ShareError::Damaged)?;
            records.push((key.to_string(), value.to_string()));
        }
        Ok(Handoff { records })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::pages::{ConsoleShare, VerifyShare};
    use crate::share::Line;
    use crate::smtp::profile::Profile;
    use crate::smtp::server::ServerConfig;

    #[test]
    fn records_round_trip_whatever_they_hold() {
        let mut h = Handoff::default();
        h.put("lang", "zh");
        h.put(
            "drafts.data",
            "Subject: 你好\r\n\r\nline\n.\n3 12\nnot a header",
        );
        h.put("two words", "");
        let back = Handoff::decode(&h.encode()).expect("decodes");
        assert_eq!(back, h);
        assert_eq!(back.get("lang"), Some("zh"));
        assert_eq!(back.get("two_words"), Some(""));
        assert_eq!(back.get("missing"), None);
    }

    #[test]
    fn page_states_keep_their_secrets() {
        let console = ConsoleShare {
            profile: Profile::default(),
            policies: ServerConfig::new(Profile::default()).policies,
            changes: Vec::new(),
            lines: vec![
                Line {
                    text: "EHLO me".into(),
                    secret: false,
                },
                Line {
                    text: "AUTH PLAIN AGFsaWNlAHNlY3JldA==".into(),
                    secret: true,
                },
            ],
        };
        let verify = VerifyShare {
            mechanism: crate::sasl::verify::Mechanism::CramMd5,
            challenge: "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+".into(),
            response: "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw".into(),
            password: "tanstaaftanstaaf".into(),
            as_sent: true,
            transcript_mode: false,
            transcript: String::new(),
        };
        let mut h = Handoff::default();
        h.put_state("console", &console);
        h.put_state("verify", &verify);
        let back = Handoff::decode(&h.encode()).expect("decodes");
        assert_eq!(back.state::<ConsoleShare>("console"), Some(Ok(console)));
        assert_eq!(back.state::<VerifyShare>("verify"), Some(Ok(verify)));
        assert!(back.state::<VerifyShare>("auth").is_none());
        // Another page's state under a key is refused, not misread.
        assert!(matches!(
            back.state::<VerifyShare>("console"),
            Some(Err(ShareError::OtherPage(_)))
        ));
    }

    #[test]
    fn malformed_text_is_refused() {
        for bad in [
            "lang",
            "lang 2\nz",
            "lang x\nzh\n",
            " 2\nzh\n",
            "lang 2\nzhX",
            "lang 99\nzh\n",
        ] {
            assert_eq!(Handoff::decode(bad), Err(ShareError::Damaged), "{bad:?}");
        }
        // A length that cuts a character in two.
        assert_eq!(Handoff::decode("k 1\n你\n"), Err(ShareError::Damaged));
        assert_eq!(Handoff::decode(""), Ok(Handoff::default()));
    }

    // proptest is a native dev-dependency.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_decodes_or_is_refused(text in "\\PC{0,200}") {
                let _ = Handoff::decode(&text);
            }

            #[test]
            fn any_records_round_trip(records in proptest::collection::vec(("[a-z.]{1,12}", "\\PC{0,80}"), 0..8)) {
                let mut h = Handoff::default();
                for (k, v) in &records {
                    h.put(k, v.as_str());
                }
                prop_assert_eq!(Handoff::decode(&h.encode()), Ok(h));
            }
        }
    }
}
