//! Where the session stands: the greeting it had, the open transaction, and the phase,
//! which changes only through [`Server::enter`] with a [`Transition`] that names its RFC rule.

use super::Server;
use crate::sasl::exchange::ServerExchange;

#[derive(Clone, Debug)]
pub(super) struct Hello {
    pub(super) name: String,
    pub(super) esmtp: bool,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Transaction {
    pub(super) from: String,
    pub(super) recipients: Vec<String>,
    pub(super) body: Vec<u8>,
    pub(super) size: u64,
    /// The longest message line seen, in octets without CRLF.
    pub(super) longest_line: usize,
    /// A message line ended in a bare LF.
    pub(super) bare_lf: bool,
    /// The caller ran out of room for message text ([`Server::set_storage_full`]): the text
    /// is no longer kept and the message gets `InsufficientStorage` (452) at its end.
    pub(super) no_room: bool,
    pub(super) chunked: bool,
    /// MAIL FROM carried SMTPUTF8 (RFC 6531 §3.4): non-ASCII recipients may follow.
    pub(super) smtputf8: bool,
    /// MAIL FROM asked for PRDR: one reply per recipient after the message.
    pub(super) prdr: bool,
}

#[derive(Clone, Debug)]
pub(super) enum Phase {
    Command(Option<Transaction>),
    Data(Transaction),
    Chunk {
        /// The transaction: receiving this chunk when `accept`, else held unchanged while
        /// the chunk is read and discarded (BDAT out of sequence, RFC 3030 §2).
        tx: Option<Transaction>,
        accept: bool,
        remaining: u64,
        last: bool,
        /// The refusal was sent before the chunk (Exim); the chunk is discarded silently.
        answered: bool,
    },
    /// A SASL exchange awaits the client's next response (RFC 4954 §4).
    Auth(Box<dyn ServerExchange>),
    Closed,
}

/// Why the session changes phase: every write of [`Phase`] goes through
/// [`Server::enter`] with one of these, which names the rule it follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Transition {
    /// A command line is read in the command phase, which holds until the command says
    /// otherwise (RFC 5321 §4.1).
    CommandLine,
    /// A command out of order is refused with 503 and the transaction stays as it was
    /// (RFC 5321 §4.1.4).
    OutOfOrder,
    /// MAIL opens a transaction (RFC 5321 §3.3).
    MailOpensTransaction,
    /// DATA after accepted recipients: 354, then the message text (RFC 5321 §4.1.1.4).
    DataStarts,
    /// A line of message text; the data phase lasts until `<CRLF>.<CRLF>`
    /// (RFC 5321 §4.1.1.4).
    DataLine,
    /// The end of the message closes the transaction (RFC 5321 §4.1.1.4).
    MessageEnds,
    /// BDAT: its octets follow the command line, then commands again (RFC 3030 §2).
    Chunk,
    /// A 334 challenge: the next line is the client's SASL response (RFC 4954 §4).
    AuthChallenge,
    /// The SASL response line is read; the exchange's outcome decides what follows
    /// (RFC 4954 §4).
    AuthResponse,
    /// After the 220 to STARTTLS the server discards what it knew from before TLS
    /// (RFC 3207 §4.2).
    TlsStarts,
    /// QUIT, a 421 or a broken limit closes the connection (RFC 5321 §3.8).
    Close,
    /// The client was silent longer than the server waits (RFC 5321 §4.5.3.2).
    TimedOut,
}

impl Transition {
    /// The rule, as `RFC n §x`.
    fn source(self) -> &'static str {
        match self {
            Transition::CommandLine => "RFC 5321 §4.1",
            Transition::OutOfOrder => "RFC 5321 §4.1.4",
            Transition::MailOpensTransaction => "RFC 5321 §3.3",
            Transition::DataStarts | Transition::DataLine | Transition::MessageEnds => {
                "RFC 5321 §4.1.1.4"
            }
            Transition::Chunk => "RFC 3030 §2",
            Transition::AuthChallenge | Transition::AuthResponse => "RFC 4954 §4",
            Transition::TlsStarts => "RFC 3207 §4.2",
            Transition::Close => "RFC 5321 §3.8",
            Transition::TimedOut => "RFC 5321 §4.5.3.2",
        }
    }
}

impl Server {
    /// Moves the session to `phase`, by the rule `why` names.
    pub(super) fn enter(&mut self, phase: Phase, why: Transition) {
        debug_assert!(why.source().starts_with("RFC "), "{why:?}");
        self.phase = phase;
    }

    pub(super) fn take_tx(&mut self) -> Option<Transaction> {
        match &mut self.phase {
            Phase::Command(tx) => tx.take(),
            _ => None,
        }
    }

    pub(super) fn has_tx(&self) -> bool {
        matches!(self.phase, Phase::Command(Some(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::Transition;
    use crate::smtp::rfc_sections::{assert_cites_known_sections, enum_variants};

    const ALL: [Transition; 12] = [
        Transition::CommandLine,
        Transition::OutOfOrder,
        Transition::MailOpensTransaction,
        Transition::DataStarts,
        Transition::DataLine,
        Transition::MessageEnds,
        Transition::Chunk,
        Transition::AuthChallenge,
        Transition::AuthResponse,
        Transition::TlsStarts,
        Transition::Close,
        Transition::TimedOut,
    ];

    /// The replies of RFC 5321 §4.1.4's sequencing rule, through a whole session: RCPT and
    /// DATA before MAIL, DATA before RCPT, MAIL inside a transaction, each refused, with a
    /// situation whose source is that section.
    #[test]
    fn the_sequencing_rule_fires_and_cites_its_section() {
        use crate::smtp::profile::Profile;
        use crate::smtp::server::{Event, Server, ServerConfig};
        use crate::smtp::why::Situation;

        let mut server = Server::new(ServerConfig::new(Profile::Postfix), "192.0.2.1", "now");
        let mut replies = Vec::new();
        for line in [
            "EHLO client.example\r\n",
            "RCPT TO:<bob@example.org>\r\n",
            "DATA\r\n",
            "MAIL FROM:<alice@example.com>\r\n",
            "DATA\r\n",
            "MAIL FROM:<alice@example.com>\r\n",
        ] {
            for event in server.receive(line.as_bytes()) {
                if let Event::Reply(reply) = event {
                    replies.push(reply);
                }
            }
        }
        let refused: Vec<(u16, Situation)> = replies
            .iter()
            .filter(|r| r.code.value() >= 500)
            .map(|r| (r.code.value(), r.why.situation))
            .collect();
        assert_eq!(
            refused,
            [
                (503, Situation::NeedMail),
                (503, Situation::NeedMail),
                // RFC 5321 §4.1.1.4 allows 503 or 554 "no valid recipients"; Postfix says 554.
                (554, Situation::NeedRcpt),
                (503, Situation::NestedMail),
            ]
        );
        for (_, situation) in refused {
            assert!(
                situation.source().contains("RFC 5321 §4.1.4"),
                "{situation:?}"
            );
        }
    }

    #[test]
    fn every_transition_names_a_listed_rfc_section() {
        let declared = enum_variants(include_str!("state.rs"), "Transition");
        let listed: Vec<String> = ALL.iter().map(|t| format!("{t:?}")).collect();
        assert_eq!(declared, listed);
        for transition in ALL {
            assert_cites_known_sections(&format!("{transition:?}"), transition.source());
        }
    }
}
