//! The app's mailbox: every message a simulated server accepted — in the console's session
//! or sent from the composer — kept above the router so a visit elsewhere keeps it.
//!
//! Bounded: the newest [`MAX_MESSAGES`] messages and at most [`MAX_BYTES`] of them; older
//! ones are dropped first, and the page says how many. Each message is read once with the
//! engine's [`inspect`] for the list (subject and From, decoded); the page inspects the one
//! shown in full.

use std::rc::Rc;

use yew::prelude::*;

use crate::mime::inspect::headline;
use crate::mime::RecipientKind;
use crate::smtp::server::StoredMessage;

/// The most messages kept.
pub const MAX_MESSAGES: usize = 200;
/// The most octets kept, all messages together.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Where a message came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The console's session.
    Console,
    /// The composer.
    Composer,
}

/// One accepted message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailItem {
    /// Unique within the page's life (queue ids repeat across sessions).
    pub key: u64,
    /// Where it came from.
    pub origin: Origin,
    /// The server's profile name.
    pub profile: &'static str,
    /// The server's queue id.
    pub queue_id: String,
    /// MAIL FROM (empty for the null sender).
    pub envelope_from: String,
    /// Every accepted RCPT TO.
    pub recipients: Vec<String>,
    /// The recipients the composer sent as Bcc (empty for the console's messages).
    pub bcc: Vec<String>,
    /// When the server received it (the browser's clock).
    pub received_at: String,
    /// The message as stored, with the server's `Received:` header.
    pub data: Rc<Vec<u8>>,
    /// The decoded subject, if it has one.
    pub subject: Option<String>,
    /// The decoded From header.
    pub from: Option<String>,
    /// The key record of the DKIM key the composer signed it with, if it did.
    pub dkim_record: Option<String>,
}

impl MailItem {
    /// The stored message with where it came from; the Bcc list from the composer's
    /// envelope (`(address, kind)` pairs).
    pub fn new(
        stored: &StoredMessage,
        origin: Origin,
        profile: &'static str,
        kinds: &[(String, RecipientKind)],
    ) -> MailItem {
        let (subject, from) = headline(&stored.data);
        MailItem::read(stored.clone(), origin, profile, kinds, subject, from)
    }

    /// [`MailItem::new`] with the subject and From already read ([`headline`]), as the
    /// compose worker reads them.
    pub fn read(
        stored: StoredMessage,
        origin: Origin,
        profile: &'static str,
        kinds: &[(String, RecipientKind)],
        subject: Option<String>,
        from: Option<String>,
    ) -> MailItem {
        MailItem {
            key: 0,
            origin,
            profile,
            queue_id: stored.id,
            envelope_from: stored.from,
            recipients: stored.recipients,
            bcc: kinds
                .iter()
                .filter(|(_, kind)| *kind == RecipientKind::Bcc)
                .map(|(address, _)| address.clone())
                .collect(),
            received_at: stored.received_at,
            data: Rc::new(stored.data),
            subject,
            from,
            dkim_record: None,
        }
    }
}

/// The mailbox.
#[derive(Clone, Debug, Default)]
pub struct MailStore {
    /// Bumped by every change: two states are equal only if they are the same state.
    revision: u64,
    /// Oldest first.
    pub items: Rc<Vec<Rc<MailItem>>>,
    /// The message shown on the mailbox page.
    pub selected: Option<u64>,
    /// How many older messages were dropped.
    pub dropped: u64,
    next_key: u64,
}

impl PartialEq for MailStore {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
    }
}

impl MailStore {
    /// The message with `key`.
    pub fn get(&self, key: u64) -> Option<&Rc<MailItem>> {
        self.items.iter().find(|m| m.key == key)
    }

    /// The message shown: the one picked, else the newest.
    pub fn shown(&self) -> Option<&Rc<MailItem>> {
        self.selected
            .and_then(|key| self.get(key))
            .or_else(|| self.items.last())
    }
}

/// What changes the mailbox.
pub enum MailAction {
    /// Messages arrived, oldest first.
    Add(Vec<MailItem>),
    /// Show a message.
    Select(u64),
    /// Empty the mailbox.
    Clear,
}

impl Reducible for MailStore {
    type Action = MailAction;

    fn reduce(self: Rc<Self>, action: MailAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.revision += 1;
        match action {
            MailAction::Add(messages) => {
                let items = Rc::make_mut(&mut next.items);
                for mut message in messages {
                    message.key = next.next_key;
                    next.next_key += 1;
                    items.push(Rc::new(message));
                }
                let mut total: usize = items.iter().map(|m| m.data.len()).sum();
                while items.len() > MAX_MESSAGES || (total > MAX_BYTES && items.len() > 1) {
                    let old = items.remove(0);
                    total -= old.data.len();
                    next.dropped += 1;
                }
            }
            MailAction::Select(key) => next.selected = Some(key),
            MailAction::Clear => {
                next.items = Rc::new(Vec::new());
                next.selected = None;
                next.dropped = 0;
            }
        }
        Rc::new(next)
    }
}

/// The handle components receive from the context.
pub type MailContext = UseReducerHandle<MailStore>;

/// The mailbox from the context (`None` outside the provider).
#[hook]
pub fn use_mail() -> Option<MailContext> {
    use_context::<MailContext>()
}
