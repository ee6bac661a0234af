//! The reaction to each reply (RFC 5321 §4.2): what the client sends next after the
//! greeting, EHLO/HELO, STARTTLS, MAIL, RCPT, DATA and the message, and what a refusal means.

use super::{
    Action, Client, ClientNote, Expect, Extensions, Failure, RecipientStatus, Security,
    ServerReply, Stage,
};

impl Client {
    pub(super) fn reply(&mut self, expect: Expect, reply: ServerReply, actions: &mut Vec<Action>) {
        let code = reply.code;
        match expect {
            Expect::Greeting => {
                if code == 220 {
                    let ehlo = format!("EHLO {}", self.settings.helo);
                    self.command(&ehlo, Expect::Ehlo, actions);
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Greeting,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Ehlo => match code {
                250 => {
                    self.ext = Extensions::parse(&reply);
                    self.note(ClientNote::Extensions {
                        keywords: self.ext.keywords.clone(),
                    });
                    self.after_hello(actions);
                }
                500 | 502 => {
                    self.note(ClientNote::HeloFallback { code });
                    let helo = format!("HELO {}", self.settings.helo);
                    self.command(&helo, Expect::Helo, actions);
                }
                _ => {
                    let failure = Failure::Reply {
                        stage: Stage::Hello,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            },
            Expect::Helo => {
                if code == 250 {
                    self.ext = Extensions::default();
                    self.after_hello(actions);
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Hello,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::StartTls => {
                if code == 220 {
                    self.awaiting_tls = true;
                    actions.push(Action::StartTls);
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::StartTls,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Auth { cancelled } => self.auth_reply(cancelled, reply, actions),
            Expect::Mail => {
                if reply.is_positive() {
                    self.mail_ok = true;
                    if !self.pipelined {
                        self.next_rcpt(0, actions);
                    }
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Mail,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Rcpt(index) => {
                let accepted = reply.is_positive();
                if let Some(result) = self.outcome.recipients.get_mut(index) {
                    result.status = if accepted {
                        RecipientStatus::Accepted
                    } else if reply.is_transient() {
                        RecipientStatus::Deferred
                    } else {
                        RecipientStatus::Rejected
                    };
                    result.reply = Some(reply.clone());
                }
                if accepted {
                    self.accepted += 1;
                } else if self.mail_ok {
                    let address = self
                        .outcome
                        .recipients
                        .get(index)
                        .map(|r| r.address.clone())
                        .unwrap_or_default();
                    self.note(ClientNote::RecipientRefused { address, code });
                }
                let last = index + 1 >= self.outcome.recipients.len();
                if !self.pipelined {
                    if !last {
                        self.next_rcpt(index + 1, actions);
                    } else if self.accepted > 0 {
                        self.send_data_command(actions);
                    } else {
                        self.fail_and_quit(self.no_recipient(), actions);
                    }
                } else if last {
                    if !self.mail_ok {
                        if self.pending.is_empty() {
                            self.quit(actions);
                        }
                    } else if self.accepted == 0 {
                        self.fail_and_quit(self.no_recipient(), actions);
                    } else if self.use_bdat {
                        self.send_data_command(actions);
                    }
                }
            }
            Expect::Data => {
                if code == 354 {
                    if self.mail_ok && self.accepted > 0 {
                        self.send_message(actions);
                    } else {
                        self.note(ClientNote::EmptyData);
                        self.sent_line(".");
                        self.pending.push_back(Expect::Message);
                        actions.push(Action::Send(b".\r\n".to_vec()));
                    }
                } else {
                    let failure = Failure::Reply {
                        stage: Stage::Data,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Message => {
                if reply.is_positive() && self.mail_ok && self.accepted > 0 {
                    self.outcome.delivered = true;
                    self.outcome.accepted_by = Some(reply);
                    for r in &mut self.outcome.recipients {
                        if r.status == RecipientStatus::Accepted {
                            r.status = RecipientStatus::Delivered;
                        }
                    }
                    self.note(ClientNote::Delivered {
                        recipients: self.accepted,
                    });
                    self.quit(actions);
                } else {
                    for r in &mut self.outcome.recipients {
                        if r.status == RecipientStatus::Accepted {
                            r.status = RecipientStatus::NotDelivered;
                        }
                    }
                    let failure = Failure::Reply {
                        stage: Stage::Message,
                        reply,
                    };
                    self.fail_and_quit(failure, actions);
                }
            }
            Expect::Quit => {
                self.finish();
                actions.push(Action::Close);
            }
        }
    }

    /// After EHLO/HELO: STARTTLS, AUTH or the transaction.
    pub(super) fn after_hello(&mut self, actions: &mut Vec<Action>) {
        if self.settings.security == Security::StartTls && !self.tls {
            if self.ext.starttls {
                self.note(ClientNote::StartingTls);
                self.command("STARTTLS", Expect::StartTls, actions);
            } else {
                self.fail_and_quit(Failure::StartTlsNotOffered, actions);
            }
            return;
        }
        if self.settings.user.is_some() && !self.authenticated {
            return self.start_auth(actions);
        }
        self.start_transaction(actions);
    }
}
