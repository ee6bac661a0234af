//! The provider profiles (Gmail, Outlook / Microsoft 365, QQ Mail) in whole dialogs through
//! the engine: their published greetings and AUTH lines, a right OAuth token (235), a wrong
//! one (the RFC 7628 §3.2.2 JSON error challenge, the client's answer, the provider's
//! failure reply), passwords, and mechanisms the provider does not offer. The wire texts
//! are the ones cited in `src/smtp/profile.rs` (dawidd6/action-send-mail#205,
//! jstedfast/MailKit#27, containrrr/shoutrrr#34, simonrob/email-oauth2-proxy#68 and #95,
//! tarickb/sasl-xoauth2#43, louislam/uptime-kuma#3434).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;

use smtp_trainer::i18n::Lang;
use smtp_trainer::mime::{Mailbox, Message};
use smtp_trainer::smtp::client::{run_in_memory, ClientSettings, Failure, Security, Stage};
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::reply::Reply;
use smtp_trainer::smtp::server::{Event, Server, ServerConfig};
use smtp_trainer::smtp::why::{Detail, Situation};

const NOW: &str = "Sat, 5 Dec 2026 05:30:00 +0000";
const TOKEN: &str = "ya29.a0-right-token";

struct Dialog {
    server: Server,
    events: Vec<Event>,
}

impl Dialog {
    fn new(profile: Profile, user: &str) -> Dialog {
        let config = ServerConfig::new(profile)
            .with_account(user, "app-password")
            .with_token(user, TOKEN);
        Dialog {
            server: Server::new(config, "192.0.2.10", NOW),
            events: Vec::new(),
        }
    }

    /// EHLO, and for a profile that takes AUTH only inside TLS (Gmail), STARTTLS and EHLO
    /// again, as a client on port 587 does; the last EHLO reply.
    fn hello(&mut self) -> String {
        let ehlo = self.send("EHLO client.example");
        if !self.server.config().profile.tls_first() {
            return ehlo;
        }
        assert!(self.send("STARTTLS").starts_with("220 "));
        self.send("EHLO client.example")
    }

    fn send(&mut self, line: &str) -> String {
        self.events = self.server.receive(format!("{line}\r\n").as_bytes());
        self.replies().iter().map(ToString::to_string).collect()
    }

    fn replies(&self) -> Vec<&Reply> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Reply(r) => Some(r),
                _ => None,
            })
            .collect()
    }

    fn last(&self) -> &Reply {
        self.replies().last().copied().expect("a reply")
    }
}

fn xoauth2(user: &str, token: &str) -> String {
    BASE64.encode(format!("user={user}\x01auth=Bearer {token}\x01\x01"))
}

fn oauthbearer(user: &str, host: &str, token: &str) -> String {
    BASE64.encode(format!(
        "n,a={user},\x01host={host}\x01port=587\x01auth=Bearer {token}\x01\x01"
    ))
}

fn plain(user: &str, password: &str) -> String {
    BASE64.encode(format!("\0{user}\0{password}"))
}

/// The JSON of a `334` error challenge.
fn challenge_json(reply: &str) -> String {
    let b64 = reply
        .strip_prefix("334 ")
        .and_then(|r| r.strip_suffix("\r\n"))
        .unwrap_or_else(|| panic!("not a 334 challenge: {reply:?}"));
    String::from_utf8(BASE64.decode(b64).expect("base64")).expect("UTF-8")
}

const GMAIL_535: &str = "535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials ";

#[test]
fn gmail_greets_and_lists_auth_as_published() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    let greeting = d.server.greeting().to_string();
    assert!(
        greeting.starts_with("220 smtp.gmail.com ESMTP ") && greeting.ends_with(" - gsmtp\r\n"),
        "{greeting}"
    );
    let ehlo = d.hello();
    assert!(
        ehlo.contains("250-AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH\r\n"),
        "{ehlo}"
    );
    assert!(ehlo.contains("ENHANCEDSTATUSCODES"), "{ehlo}");
}

/// Gmail on port 587 takes nothing but EHLO and STARTTLS in clear: its EHLO lists no AUTH
/// (the published smtplib log), and AUTH (dcparker/ruby-gmail#22) and MAIL
/// (virtualzone/tubewarder#29) before STARTTLS get `530 5.7.0 Must issue a STARTTLS command
/// first. <id> - gsmtp`, explained with the RFC's own reply beside it.
#[test]
fn gmail_takes_auth_and_mail_only_after_starttls_as_published() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    assert!(ServerConfig::new(Profile::Gmail).policies.tls_before_auth);
    let ehlo = d.send("EHLO client.example");
    assert!(
        ehlo.contains("250-STARTTLS\r\n") && !ehlo.contains("AUTH"),
        "{ehlo}"
    );
    for command in [
        format!("AUTH PLAIN {}", plain("alice@gmail.com", "app-password")),
        "AUTH LOGIN".to_string(),
        "MAIL FROM:<alice@gmail.com>".to_string(),
    ] {
        let refused = d.send(&command);
        assert!(
            refused.starts_with("530 5.7.0 Must issue a STARTTLS command first. ")
                && refused.ends_with(" - gsmtp\r\n"),
            "{command}: {refused}"
        );
        let en = d.last().why.explain(Lang::En);
        let zh = d.last().why.explain(Lang::Zh);
        assert!(
            en.contains("dcparker/ruby-gmail#22") && en.contains("538 5.7.11"),
            "{en}"
        );
        assert!(zh.contains("virtualzone/tubewarder#29"), "{zh}");
    }
    assert_eq!(d.send("STARTTLS"), "220 2.0.0 Ready to start TLS\r\n");
    let ehlo = d.send("EHLO client.example");
    assert!(
        ehlo.contains("250-AUTH ") && !ehlo.contains("STARTTLS"),
        "{ehlo}"
    );
    let reply = d.send(&format!(
        "AUTH PLAIN {}",
        plain("alice@gmail.com", "app-password")
    ));
    assert_eq!(reply, "235 2.7.0 Accepted\r\n");
    // Implicit TLS (port 465) is TLS from the first byte: AUTH at once.
    let mut config = ServerConfig::new(Profile::Gmail).with_account("alice@gmail.com", "pw");
    config.implicit_tls = true;
    let mut server = Server::new(config, "192.0.2.10", NOW);
    let said: String = server
        .receive(b"EHLO client.example\r\n")
        .iter()
        .filter_map(|e| match e {
            Event::Reply(r) => Some(r.to_string()),
            _ => None,
        })
        .collect();
    assert!(
        said.contains("250-AUTH ") && !said.contains("STARTTLS"),
        "{said}"
    );
}

/// A Python smtplib debug log on port 587, published on GitHub: EHLO's first line and its
/// list in the server's order before and after STARTTLS, SIZE 35882577, the two-line 530
/// for MAIL before AUTH, and RSET's 250 2.1.5 Flushed, each ending in the session's id.
#[test]
fn gmail_answers_ehlo_mail_before_auth_and_rset_as_published() {
    let keywords = |ehlo: &str| -> Vec<String> {
        let lines: Vec<&str> = ehlo.lines().collect();
        assert!(
            lines[0].starts_with("250-smtp.gmail.com at your service, [")
                && lines[0].ends_with(']'),
            "{ehlo}"
        );
        lines[1..].iter().map(|l| l[4..].to_string()).collect()
    };
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    let before = d.send("EHLO client.example");
    assert_eq!(
        keywords(&before),
        [
            "SIZE 35882577",
            "8BITMIME",
            "STARTTLS",
            "ENHANCEDSTATUSCODES",
            "PIPELINING",
            "CHUNKING",
            "SMTPUTF8"
        ],
        "{before}"
    );
    d.send("STARTTLS");
    let after = d.send("EHLO client.example");
    assert_eq!(
        keywords(&after),
        [
            "SIZE 35882577",
            "8BITMIME",
            "AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH",
            "ENHANCEDSTATUSCODES",
            "PIPELINING",
            "CHUNKING",
            "SMTPUTF8"
        ],
        "{after}"
    );
    let refused = d.send("MAIL FROM:<alice@gmail.com>");
    assert!(
        refused.starts_with(
            "530-5.7.0 Authentication Required. For more information, go to\r\n\
             530 5.7.0  https://support.google.com/mail/?p=WantAuthError "
        ) && refused.ends_with(" - gsmtp\r\n"),
        "{refused}"
    );
    let note = d.last().why.explain(Lang::En);
    assert!(note.contains("Akshaykumar05/community-forum"), "{note}");
    let rset = d.send("RSET");
    assert!(
        rset.starts_with("250 2.1.5 Flushed ") && rset.ends_with(" - gsmtp\r\n"),
        "{rset}"
    );
    // With TLS-before-AUTH switched off, this Gmail lists AUTH in clear (the real one does
    // not), in the published order.
    let mut lax = Dialog::new(Profile::Gmail, "alice@gmail.com");
    let mut config = lax.server.config().clone();
    config.policies.tls_before_auth = false;
    lax.server = Server::new(config, "192.0.2.10", NOW);
    let said = lax.send("EHLO client.example");
    assert_eq!(
        keywords(&said)[2..4],
        [
            "STARTTLS",
            "AUTH LOGIN PLAIN XOAUTH2 PLAIN-CLIENTTOKEN OAUTHBEARER XOAUTH"
        ],
        "{said}"
    );
    assert!(lax
        .send("MAIL FROM:<alice@gmail.com>")
        .starts_with("530-5.7.0 Authentication Required."));
}

#[test]
fn gmail_xoauth2_right_token_is_accepted_and_mail_goes_through() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    // Submission needs AUTH first.
    assert!(d
        .send("MAIL FROM:<alice@gmail.com>")
        .starts_with("530-5.7.0 Authentication Required."));
    let reply = d.send(&format!(
        "AUTH XOAUTH2 {}",
        xoauth2("alice@gmail.com", TOKEN)
    ));
    assert_eq!(reply, "235 2.7.0 Accepted\r\n");
    let note = d.last().why.explain(Lang::En);
    assert!(note.contains("dawidd6/action-send-mail#205"), "{note}");
    assert!(d.send("MAIL FROM:<alice@gmail.com>").starts_with("250 "));
}

/// The transaction and QUIT in Gmail's words: `250 2.1.0 OK <id> - gsmtp`, `250 2.1.5 OK
/// <id> - gsmtp`, `354 Go ahead <id> - gsmtp` (The-Login/SMTP-Smuggling-Tools#11) and `221
/// 2.0.0 closing connection <id> - gsmtp` (PHPMailer/PHPMailer#1076), with one session id
/// throughout, each explanation naming its source.
#[test]
fn gmail_words_the_transaction_and_quit_as_published() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    d.send(&format!(
        "AUTH XOAUTH2 {}",
        xoauth2("alice@gmail.com", TOKEN)
    ));
    let mut ids = Vec::new();
    for (line, start, source) in [
        (
            "MAIL FROM:<alice@gmail.com>",
            "250 2.1.0 OK ",
            "The-Login/SMTP-Smuggling-Tools#11",
        ),
        (
            "RCPT TO:<bob@example.org>",
            "250 2.1.5 OK ",
            "The-Login/SMTP-Smuggling-Tools#11",
        ),
        ("DATA", "354 Go ahead ", "The-Login/SMTP-Smuggling-Tools#11"),
    ] {
        let reply = d.send(line);
        let id = reply
            .strip_prefix(start)
            .and_then(|r| r.strip_suffix(" - gsmtp\r\n"))
            .unwrap_or_else(|| panic!("{line}: {reply}"));
        ids.push(id.to_string());
        let note = d.last().why.explain(Lang::En);
        assert!(note.contains(source), "{line}: {note}");
    }
    assert!(d.send("Subject: hi\r\n\r\nhello\r\n.").starts_with("250 "));
    let bye = d.send("QUIT");
    assert_eq!(
        bye,
        format!("221 2.0.0 closing connection {} - gsmtp\r\n", ids[0])
    );
    assert!(
        ids.iter().all(|id| *id == ids[0] && !id.is_empty()),
        "{ids:?}"
    );
    assert!(d
        .last()
        .why
        .explain(Lang::En)
        .contains("PHPMailer/PHPMailer#1076"));
}

#[test]
fn gmail_xoauth2_wrong_token_gets_the_json_challenge_then_535() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    let reply = d.send(&format!(
        "AUTH XOAUTH2 {}",
        xoauth2("alice@gmail.com", "ya29.expired")
    ));
    assert_eq!(
        challenge_json(&reply),
        r#"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#
    );
    // jstedfast/MailKit#27's bytes exactly.
    assert_eq!(
        reply,
        "334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==\r\n"
    );
    let en = d.last().why.explain(Lang::En);
    let zh = d.last().why.explain(Lang::Zh);
    assert!(
        en.contains("RFC 7628 §3.2.2") && en.contains("\"400\""),
        "{en}"
    );
    assert!(zh.contains("invalid_token"), "{zh}");
    // The client's empty line, then the failure.
    let reply = d.send("");
    assert!(reply.starts_with(GMAIL_535), "{reply}");
    assert!(reply.ends_with(" - gsmtp\r\n"), "{reply}");
    assert_eq!(d.last().why.situation, Situation::AuthFailed);
    assert!(d
        .send("MAIL FROM:<alice@gmail.com>")
        .starts_with("530-5.7.0 Authentication Required."));
}

#[test]
fn gmail_oauthbearer_right_and_wrong_token() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    let reply = d.send(&format!(
        "AUTH OAUTHBEARER {}",
        oauthbearer("alice@gmail.com", "smtp.gmail.com", TOKEN)
    ));
    assert_eq!(reply, "235 2.7.0 Accepted\r\n");

    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    // Without an initial response: the empty challenge asks for it (RFC 4954 §4).
    assert_eq!(d.send("AUTH OAUTHBEARER"), "334 \r\n");
    let reply = d.send(&oauthbearer("alice@gmail.com", "smtp.gmail.com", "wrong"));
    assert_eq!(
        challenge_json(&reply),
        r#"{"status":"invalid_token","scope":"https://mail.google.com/"}"#
    );
    // RFC 7628 §3.2.3: the client answers ^A (curl's test 949 sends `AQ==`).
    let reply = d.send("AQ==");
    assert!(reply.starts_with(GMAIL_535), "{reply}");
}

#[test]
fn gmail_password_logins_and_unsimulated_xoauth() {
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    let reply = d.send(&format!("AUTH PLAIN {}", plain("alice@gmail.com", "wrong")));
    assert!(reply.starts_with(GMAIL_535), "{reply}");
    // XOAUTH is on the AUTH line as Gmail lists it but not simulated: explained.
    let reply = d.send("AUTH XOAUTH");
    assert_eq!(reply, "504 5.5.4 Unrecognized authentication type\r\n");
    assert_eq!(d.last().why.detail, Some(Detail::NotSimulated));
    // A mechanism nobody lists is simply unknown.
    d.send("AUTH CRAM-MD5");
    assert_eq!(d.last().why.situation, Situation::AuthUnknownMechanism);
    assert_eq!(d.last().why.detail, None);
    let reply = d.send(&format!(
        "AUTH PLAIN {}",
        plain("alice@gmail.com", "app-password")
    ));
    assert_eq!(reply, "235 2.7.0 Accepted\r\n");
}

#[test]
fn outlook_greets_lists_size_and_auth_as_published() {
    let mut d = Dialog::new(Profile::Outlook, "alice@outlook.com");
    assert_eq!(
        d.server.greeting().to_string(),
        format!("220 outlook.office365.com Microsoft ESMTP MAIL Service ready at {NOW}\r\n")
    );
    // kisli/vmime#265: the lists before and after STARTTLS, in the server's order (its
    // BINARYMIME, which the engine does not simulate, left out).
    let keywords = |ehlo: &str| -> Vec<String> {
        let lines: Vec<&str> = ehlo.lines().collect();
        assert!(
            lines[0].starts_with("250-outlook.office365.com Hello [192.0.2.10]"),
            "{ehlo}"
        );
        lines[1..].iter().map(|l| l[4..].to_string()).collect()
    };
    let before = d.send("EHLO client.example");
    assert_eq!(
        keywords(&before),
        [
            "SIZE 157286400",
            "PIPELINING",
            "DSN",
            "ENHANCEDSTATUSCODES",
            "STARTTLS",
            "8BITMIME",
            "CHUNKING",
            "SMTPUTF8"
        ],
        "{before}"
    );
    // AUTH in clear text: the published 504 5.7.4 (deanproxy/eMail#44).
    let refused = d.send("AUTH LOGIN");
    assert_eq!(
        refused,
        "504 5.7.4 Unrecognized authentication type [outlook.office365.com]\r\n"
    );
    assert!(d
        .last()
        .why
        .explain(Lang::En)
        .contains("deanproxy/eMail#44"));
    // MAIL before AUTH: 530 5.7.57 (tarickb/sasl-xoauth2#96).
    let refused = d.send("MAIL FROM:<alice@outlook.com>");
    assert_eq!(
        refused,
        "530 5.7.57 Client not authenticated to send mail. [outlook.office365.com]\r\n"
    );
    for lang in Lang::ALL {
        let text = d.last().why.explain(lang);
        assert!(
            text.contains("5.7.57") && text.contains("530 5.7.0"),
            "{text}"
        );
    }
    assert_eq!(d.send("STARTTLS"), "220 2.0.0 SMTP server ready\r\n");
    let after = d.send("EHLO client.example");
    assert_eq!(
        keywords(&after),
        [
            "SIZE 157286400",
            "PIPELINING",
            "DSN",
            "ENHANCEDSTATUSCODES",
            "AUTH LOGIN XOAUTH2",
            "8BITMIME",
            "CHUNKING",
            "SMTPUTF8"
        ],
        "{after}"
    );
}

#[test]
fn outlook_xoauth2_right_wrong_and_oauthbearer_not_offered() {
    let mut d = Dialog::new(Profile::Outlook, "alice@outlook.com");
    d.hello();
    // Outlook offers no OAUTHBEARER (simonrob/email-oauth2-proxy#68): its own 504 5.7.4.
    let reply = d.send(&format!(
        "AUTH OAUTHBEARER {}",
        oauthbearer("alice@outlook.com", "smtp.office365.com", TOKEN)
    ));
    assert_eq!(
        reply,
        "504 5.7.4 Unrecognized authentication type [outlook.office365.com]\r\n"
    );
    // PLAIN is not on its list either (jordan-wright/email#151, mikel/mail#1357), and the
    // explanation says the RFC's 504 5.5.4 beside Microsoft's 5.7.4.
    assert!(d
        .send(&format!(
            "AUTH PLAIN {}",
            plain("alice@outlook.com", "app-password")
        ))
        .starts_with("504 5.7.4 Unrecognized authentication type ["));
    for lang in Lang::ALL {
        let text = d.last().why.explain(lang);
        assert!(
            text.contains("504 5.5.4") && text.contains("jordan-wright/email#151"),
            "{text}"
        );
    }
    // A wrong token: RFC 7628's own JSON (Microsoft publishes none), then 5.7.3.
    let reply = d.send(&format!(
        "AUTH XOAUTH2 {}",
        xoauth2("alice@outlook.com", "EwB-wrong")
    ));
    assert_eq!(
        challenge_json(&reply),
        r#"{"status":"invalid_token","schemes":"Bearer"}"#
    );
    let reply = d.send("");
    assert_eq!(
        reply,
        "535 5.7.3 Authentication unsuccessful [outlook.office365.com]\r\n"
    );
    // The explanation says both: Microsoft's 5.7.3 and RFC 4954's 5.7.8, and 5.7.139.
    for lang in Lang::ALL {
        let text = d.last().why.explain(lang);
        for needle in ["5.7.3", "5.7.8", "5.7.139", "tarickb/sasl-xoauth2#43"] {
            assert!(text.contains(needle), "{lang:?}: {text}");
        }
    }
    let reply = d.send(&format!(
        "AUTH XOAUTH2 {}",
        xoauth2("alice@outlook.com", TOKEN)
    ));
    assert!(reply.starts_with("235 "), "{reply}");
}

#[test]
fn qq_mail_greets_lists_auth_and_words_its_replies_as_published() {
    let mut d = Dialog::new(Profile::QqMail, "12345@qq.com");
    assert_eq!(
        d.server.greeting().to_string(),
        "220 newxmesmtplogicsvrsza9.qq.com XMail Esmtp QQ Mail Server.\r\n"
    );
    let ehlo = d.send("EHLO client.example");
    assert!(
        ehlo.contains("AUTH LOGIN PLAIN XOAUTH XOAUTH2\r\n"),
        "{ehlo}"
    );
    assert!(!ehlo.contains("ENHANCEDSTATUSCODES"), "{ehlo}");
    // The QQ password instead of the authorization code.
    let reply = d.send(&format!(
        "AUTH PLAIN {}",
        plain("12345@qq.com", "qq-password")
    ));
    assert_eq!(reply, "535 Login Fail. Please enter your authorization code to login. More information in https://service.mail.qq.com/detail/0/53\r\n");
    assert!(d.last().why.explain(Lang::Zh).contains("授权码"));
    // A wrong token: JSON challenge, empty line, the same 535.
    let reply = d.send(&format!("AUTH XOAUTH2 {}", xoauth2("12345@qq.com", "bad")));
    assert!(challenge_json(&reply).contains("invalid_token"), "{reply}");
    assert!(d.send("").starts_with("535 Login Fail."));
    // OAUTHBEARER is not on QQ Mail's list.
    assert!(d
        .send(&format!(
            "AUTH OAUTHBEARER {}",
            oauthbearer("12345@qq.com", "smtp.qq.com", TOKEN)
        ))
        .starts_with("504 "));
    let reply = d.send(&format!("AUTH XOAUTH2 {}", xoauth2("12345@qq.com", TOKEN)));
    assert_eq!(reply, "235 Authentication successful\r\n");
}

#[test]
fn a_token_for_another_account_is_refused() {
    let config = ServerConfig::new(Profile::Gmail)
        .with_account("alice@gmail.com", "a")
        .with_token("alice@gmail.com", TOKEN)
        .with_account("bob@gmail.com", "b")
        .with_token("bob@gmail.com", "ya29.bobs-token");
    let mut server = Server::new(config, "192.0.2.10", NOW);
    for line in ["EHLO c\r\n", "STARTTLS\r\n", "EHLO c\r\n"] {
        server.receive(line.as_bytes());
    }
    let events = server.receive(
        format!(
            "AUTH XOAUTH2 {}\r\n",
            xoauth2("alice@gmail.com", "ya29.bobs-token")
        )
        .as_bytes(),
    );
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Reply(r) => Some(r.to_string()),
            _ => None,
        })
        .collect();
    assert!(text.starts_with("334 "), "{text}");
}

/// The engine's own client (as the compose page and `send` use it) with XOAUTH2 and
/// OAUTHBEARER against each provider profile that offers them.
#[test]
fn the_client_authenticates_with_a_token_against_each_provider() {
    let cases = [
        (Profile::Gmail, "alice@gmail.com", "XOAUTH2"),
        (Profile::Gmail, "alice@gmail.com", "OAUTHBEARER"),
        (Profile::Outlook, "alice@outlook.com", "XOAUTH2"),
        (Profile::QqMail, "12345@qq.com", "XOAUTH2"),
    ];
    for (profile, user, mechanism) in cases {
        let message = Message::new(
            Mailbox::new(user),
            "Sat, 5 Dec 2026 05:30:00 +0000",
            "t.1@client.example",
            "=_b_1",
        )
        .to(Mailbox::new("bob@example.org"))
        .subject("token")
        .text("Hello.\r\n");
        let composed = message.compose().expect("composes");
        for (token, delivered) in [(TOKEN, true), ("wrong", false)] {
            let config = ServerConfig::new(profile)
                .with_account(user, "app-password")
                .with_token(user, TOKEN);
            let mut server = Server::new(config, "192.0.2.10", NOW);
            // A client on port 587 asks for STARTTLS, which Gmail needs before AUTH.
            let settings = ClientSettings::new(profile.default_hostname(), 587)
                .security(Security::StartTls)
                .auth(user, token)
                .mechanism(mechanism);
            let outcome = run_in_memory(settings, &composed, &mut server);
            assert_eq!(
                outcome.delivered, delivered,
                "{profile:?} {mechanism} {token}: {outcome:#?}"
            );
            if !delivered {
                match &outcome.failure {
                    Some(Failure::Reply { stage, reply }) => {
                        assert_eq!((*stage, reply.code), (Stage::Auth, 535));
                    }
                    other => panic!("{profile:?} {mechanism}: {other:?}"),
                }
                // The client explained the JSON challenge it answered.
                let trace = &outcome.auth.as_ref().expect("an AUTH report").trace;
                assert!(trace.steps.len() > 1, "{profile:?} {mechanism}: {trace:#?}");
            }
        }
    }
}

#[test]
fn provider_profiles_are_listed_with_their_ids() {
    for (id, profile) in [
        ("gmail", Profile::Gmail),
        ("outlook", Profile::Outlook),
        ("qq", Profile::QqMail),
    ] {
        assert_eq!(Profile::from_id(id), Some(profile));
        assert!(Profile::ALL.contains(&profile));
        assert!(profile.is_provider());
        assert!(ServerConfig::new(profile).policies.require_auth);
    }
}

/// The analyzer, given the transcript of a wrong login at each provider profile, names the
/// provider's own cause (Gmail's app password, Microsoft's 5.7.3, QQ's authorization code):
/// the profiles' wording is the wording the analyzer's rules were written from.
#[test]
fn the_analyzer_names_each_providers_cause_from_the_profiles_replies() {
    use smtp_trainer::analyze::analyze;
    let cases = [
        (Profile::Gmail, "alice@gmail.com", "gmail-app-password"),
        (
            Profile::Outlook,
            "alice@outlook.com",
            "microsoft-auth-unsuccessful",
        ),
        (Profile::QqMail, "12345@qq.com", "authorization-code"),
    ];
    for (profile, user, cause) in cases {
        let mut d = Dialog::new(profile, user);
        let mut transcript = String::new();
        for line in d.server.greeting().wire_lines() {
            transcript.push_str(&format!("S: {line}\n"));
        }
        let login = BASE64.encode("wrong-password");
        let hello: &[&str] = if profile.tls_first() {
            &["EHLO client.example", "STARTTLS", "EHLO client.example"]
        } else {
            &["EHLO client.example"]
        };
        for command in hello.iter().map(|c| c.to_string()).chain([
            "AUTH LOGIN".to_string(),
            BASE64.encode(user),
            login,
        ]) {
            transcript.push_str(&format!("C: {command}\n"));
            d.send(&command);
            for reply in d.replies() {
                for line in reply.wire_lines() {
                    transcript.push_str(&format!("S: {line}\n"));
                }
            }
        }
        let found = analyze(&transcript).deciding().map(|f| f.cause);
        assert_eq!(found, Some(cause), "{profile:?}:\n{transcript}");
    }
}

/// RFC 7628 §3.2.3: an OAUTHBEARER client acknowledges the error challenge with ^A. One that
/// sends an empty response instead (as msmtp 1.8.23 does) fails the same way, and the
/// explanation says what the RFC asks for, in both languages.
#[test]
fn an_oauthbearer_error_challenge_acknowledged_without_ctrl_a_is_said_so() {
    use smtp_trainer::smtp::why::SaslProblem;
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    d.send(&format!(
        "AUTH OAUTHBEARER {}",
        oauthbearer("alice@gmail.com", "smtp.gmail.com", "wrong")
    ));
    assert!(d.send("").starts_with(GMAIL_535));
    let why = &d.last().why;
    let problem = match &why.detail {
        Some(Detail::Provider {
            then: Some(then), ..
        }) => match then.as_ref() {
            Detail::Sasl(problem) => problem.clone(),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    assert_eq!(
        problem,
        SaslProblem::InvalidTokenAcknowledgedWithout {
            user: "alice@gmail.com".into(),
            answer: String::new()
        }
    );
    assert!(why.explain(Lang::En).contains("an empty response"));
    assert!(why.explain(Lang::Zh).contains("空响应"));
    // With ^A, the plain invalid-token explanation.
    let mut d = Dialog::new(Profile::Gmail, "alice@gmail.com");
    d.hello();
    d.send(&format!(
        "AUTH OAUTHBEARER {}",
        oauthbearer("alice@gmail.com", "smtp.gmail.com", "wrong")
    ));
    d.send("AQ==");
    assert!(!d.last().why.explain(Lang::En).contains("acknowledged"));
}

/// A telnet session to smtp.qq.com published in midoks/imail's wiki ("SMTP", 2021), replayed
/// line by line: HELO's three lines with the size limit, AUTH LOGIN after HELO (RFC 4954
/// wants EHLO; QQ Mail does not), and QQ Mail's own words for MAIL, RCPT, DATA and the end of
/// the message. The explanation says where the RFC differs.
#[test]
fn qq_mail_answers_a_published_telnet_session_line_by_line() {
    let mut d = Dialog::new(Profile::QqMail, "12345@qq.com");
    let login = BASE64.encode("12345@qq.com");
    let code = BASE64.encode("app-password");
    let steps: [(&str, &str); 8] = [
        (
            "helo m",
            "250-newxmesmtplogicsvrsza9.qq.com\r\n250-SIZE 73400320\r\n250 OK\r\n",
        ),
        ("auth login", "334 VXNlcm5hbWU6\r\n"),
        (&login, "334 UGFzc3dvcmQ6\r\n"),
        (&code, "235 Authentication successful\r\n"),
        ("mail from:<12345@qq.com>", "250 OK.\r\n"),
        ("rcpt to: <bob@example.com>", "250 OK\r\n"),
        ("data", "354 End data with <CR><LF>.<CR><LF>.\r\n"),
        (
            "from:627293072\r\nto: midoks\r\nsubject: test\r\n\r\ndata\r\n.",
            "250 OK: queued as.\r\n",
        ),
    ];
    for (line, reply) in steps {
        assert_eq!(d.send(line), reply, "{line:?}");
    }
    assert_eq!(
        ServerConfig::new(Profile::QqMail).policies.max_message_size,
        73_400_320
    );
    let mut d = Dialog::new(Profile::QqMail, "12345@qq.com");
    d.send("helo m");
    for lang in Lang::ALL {
        let said = d.last().why.explain(lang);
        assert!(
            said.contains("midoks/imail") && said.contains("RFC 4954"),
            "{said}"
        );
    }
}
