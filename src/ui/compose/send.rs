//! What pressing Send does: the session runs (see [`super::session`]), its result goes into
//! the compose state, and an accepted message into the app's mailbox.

use std::rc::Rc;

use super::session::{send, SendResult};
use super::state::{ComposeAction, ComposeContext};
use crate::mime::RecipientKind;
use crate::ui::mailbox::state::{MailAction, MailContext, MailItem, Origin};

/// Sends the form's message as it stands (not while files are still being read).
pub fn send_now(compose: &ComposeContext, mail: Option<&MailContext>) {
    if !compose.reading.is_empty() {
        return;
    }
    let result = send(compose);
    if let (SendResult::Sent(sent), Some(mail)) = (&result, mail) {
        if let Some(stored) = &sent.stored {
            let kinds: Vec<(String, RecipientKind)> = sent
                .composed
                .envelope
                .recipients
                .iter()
                .map(|r| (r.address.clone(), r.kind))
                .collect();
            let item = MailItem::new(stored, Origin::Composer, sent.profile, &kinds);
            mail.dispatch(MailAction::Add(vec![item]));
        }
    }
    compose.dispatch(ComposeAction::Result(Rc::new(result)));
}
