//! What the client knows of the server (the EHLO keywords) and what it awaits (one
//! [`Expect`] per command sent, answered in order).

use super::{ServerReply, Stage};

/// What the server offers after EHLO.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(super) struct Extensions {
    pub(super) keywords: Vec<String>,
    pub(super) pipelining: bool,
    pub(super) size: Option<u64>,
    pub(super) eight_bit: bool,
    pub(super) chunking: bool,
    pub(super) starttls: bool,
    pub(super) auth: Vec<String>,
}

impl Extensions {
    pub(super) fn parse(reply: &ServerReply) -> Extensions {
        let mut ext = Extensions::default();
        for line in reply.lines.iter().skip(1) {
            let text = line.get(4..).unwrap_or("").trim();
            let mut words = text.split([' ', '=']).filter(|w| !w.is_empty());
            let Some(keyword) = words.next() else {
                continue;
            };
            let keyword = keyword.to_ascii_uppercase();
            match keyword.as_str() {
                "PIPELINING" => ext.pipelining = true,
                "8BITMIME" => ext.eight_bit = true,
                "CHUNKING" => ext.chunking = true,
                "STARTTLS" => ext.starttls = true,
                "SIZE" => ext.size = Some(words.next().and_then(|n| n.parse().ok()).unwrap_or(0)),
                "AUTH" => {
                    for mechanism in words {
                        let mechanism = mechanism.to_ascii_uppercase();
                        if !ext.auth.contains(&mechanism) && ext.auth.len() < 32 {
                            ext.auth.push(mechanism);
                        }
                    }
                }
                _ => {}
            }
            if ext.keywords.len() < 32 {
                ext.keywords
                    .push(crate::i18n::cut::chars(text, 80).to_string());
            }
        }
        ext
    }
}

/// A command sent whose reply is awaited.
#[derive(Clone, Debug)]
pub(super) enum Expect {
    Greeting,
    Ehlo,
    Helo,
    StartTls,
    /// A SASL exchange's next reply; `cancelled` once `*` is sent (a 501 expected).
    Auth {
        cancelled: bool,
    },
    Mail,
    Rcpt(usize),
    Data,
    Message,
    Quit,
}

impl Expect {
    pub(super) fn stage(&self) -> Stage {
        match self {
            Expect::Greeting => Stage::Greeting,
            Expect::Ehlo | Expect::Helo => Stage::Hello,
            Expect::StartTls => Stage::StartTls,
            Expect::Auth { .. } => Stage::Auth,
            Expect::Mail => Stage::Mail,
            Expect::Rcpt(_) => Stage::Rcpt,
            Expect::Data => Stage::Data,
            Expect::Message => Stage::Message,
            Expect::Quit => Stage::Quit,
        }
    }
}
