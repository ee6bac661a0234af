//! The sans-IO client against our own simulated server, in memory: one dialog per server
//! policy and fault, every AUTH mechanism, pipelining, BDAT, STARTTLS, and the Bcc that
//! lives only in the envelope (seed 004). Seed 000's 553 is replayed with its log.

use smtp_trainer::mime::{Attachment, Composed, Mailbox, Message, TransferEncoding};
use smtp_trainer::smtp::client::{
    run_in_memory, Action, Client, ClientNote, ClientSettings, Entry, Failure, Outcome,
    RecipientStatus, Security, Stage,
};
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::server::{Event, Fault, FaultMode, Server, ServerConfig};

const NOW: &str = "Sat, 21 Nov 2026 20:15:48 +0800";

fn message(from: &str, to: &[&str], cc: &[&str], bcc: &[&str]) -> Message {
    let mut m = Message::new(
        Mailbox::new(from),
        "Sat, 21 Nov 2026 20:15:00 +0800",
        "test.1@client.example",
        "=_boundary_1",
    )
    .subject("Hello from the client")
    .text("Hi,\r\n.a line that starts with a dot\r\nBye\r\n");
    for a in to {
        m = m.to(Mailbox::new(a));
    }
    for a in cc {
        m = m.cc(Mailbox::new(a));
    }
    for a in bcc {
        m = m.bcc(Mailbox::new(a));
    }
    m
}

fn compose(m: &Message) -> Composed {
    m.compose().expect("composes")
}

fn postfix() -> ServerConfig {
    ServerConfig::new(Profile::Postfix).with_account("alice", "secret")
}

fn settings() -> ClientSettings {
    ClientSettings::new("mail.example.com", 25)
}

fn run(settings: ClientSettings, composed: &Composed, config: ServerConfig) -> (Outcome, Server) {
    let mut server = Server::new(config, "192.0.2.10", NOW);
    let outcome = run_in_memory(settings, composed, &mut server);
    (outcome, server)
}

fn sent(outcome: &Outcome) -> Vec<&str> {
    outcome
        .transcript
        .iter()
        .filter_map(|e| match e {
            Entry::Sent(line) => Some(line.as_str()),
            _ => None,
        })
        .collect()
}

fn got(outcome: &Outcome) -> Vec<&str> {
    outcome
        .transcript
        .iter()
        .filter_map(|e| match e {
            Entry::Got(line) => Some(line.as_str()),
            _ => None,
        })
        .collect()
}

fn failed_reply(outcome: &Outcome) -> (Stage, u16) {
    match &outcome.failure {
        Some(Failure::Reply { stage, reply }) => (*stage, reply.code),
        other => panic!(
            "expected a refused step, got {other:?}\n{:#?}",
            outcome.transcript
        ),
    }
}

fn has_note(outcome: &Outcome, pred: impl Fn(&ClientNote) -> bool) -> bool {
    outcome
        .transcript
        .iter()
        .any(|e| matches!(e, Entry::Note(n) if pred(n)))
}

#[test]
fn pipelined_delivery_with_bcc_only_in_the_envelope() {
    let m = message(
        "alice@example.com",
        &["bob@example.com"],
        &["carol@example.com"],
        &["dave@example.com"],
    );
    let composed = compose(&m);
    let (outcome, server) = run(settings(), &composed, postfix());
    assert!(outcome.delivered, "{:#?}", outcome.transcript);
    assert_eq!(outcome.failure, None);
    let stored = &server.mailbox()[0];
    assert_eq!(
        stored.recipients,
        ["bob@example.com", "carol@example.com", "dave@example.com"]
    );
    let data = String::from_utf8_lossy(&stored.data);
    assert!(!data.contains("dave"), "the Bcc address leaked:\n{data}");
    assert!(!data.to_ascii_lowercase().contains("\nbcc:"));
    // Dot-stuffed on the wire, unstuffed by the server.
    assert!(data.contains("\r\n.a line that starts with a dot\r\n"));
    // PIPELINING: MAIL, three RCPTs and DATA before the first reply to them.
    let s = sent(&outcome);
    let mail = s
        .iter()
        .position(|l| l.starts_with("MAIL FROM:<alice@example.com> SIZE="))
        .unwrap();
    assert_eq!(
        &s[mail + 1..mail + 5],
        [
            "RCPT TO:<bob@example.com>",
            "RCPT TO:<carol@example.com>",
            "RCPT TO:<dave@example.com>",
            "DATA"
        ]
    );
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::Pipelining { commands: 5 }
    )));
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::BccInEnvelope { count: 1 }
    )));
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::SendingData { stuffed: 1, .. }
    )));
    assert_eq!(s.last(), Some(&"QUIT"));
    assert!(outcome
        .recipients
        .iter()
        .all(|r| r.status == RecipientStatus::Delivered));
    assert_eq!(
        outcome.log.last().map(String::as_str),
        Some("Message was sent. SMTP seems to work.")
    );
    assert_eq!(
        &outcome.log[..5],
        [
            "SMTP log:",
            "Set: the server",
            "Set: a message will be sent",
            "Connecting to mail.example.com at 25",
            "Got: 220 mail.example.com ESMTP Postfix"
        ]
    );
}

#[test]
fn without_pipelining_one_command_at_a_time() {
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let mut s = settings();
    s.pipelining = false;
    let (outcome, _) = run(s, &compose(&m), postfix());
    assert!(outcome.delivered);
    let t: Vec<String> = outcome
        .transcript
        .iter()
        .filter_map(|e| match e {
            Entry::Sent(l) => Some(format!("C: {l}")),
            Entry::Got(l) => Some(format!("S: {l}")),
            _ => None,
        })
        .collect();
    let mail = t.iter().position(|l| l.starts_with("C: MAIL")).unwrap();
    assert!(t[mail + 1].starts_with("S: 250"));
    assert_eq!(t[mail + 2], "C: RCPT TO:<bob@example.com>");
    assert!(t[mail + 3].starts_with("S: 250"));
    assert_eq!(t[mail + 4], "C: DATA");
}

#[test]
fn every_auth_mechanism_authenticates() {
    for mechanism in [
        "PLAIN",
        "LOGIN",
        "CRAM-MD5",
        "DIGEST-MD5",
        "SCRAM-SHA-1",
        "SCRAM-SHA-256",
        "NTLM",
    ] {
        let mut config = postfix();
        config.policies.require_auth = true;
        let m = message("alice@example.com", &["someone@elsewhere.org"], &[], &[]);
        let s = settings().auth("alice", "secret").mechanism(mechanism);
        let (outcome, server) = run(s, &compose(&m), config);
        assert!(outcome.delivered, "{mechanism}: {:#?}", outcome.transcript);
        let auth = outcome.auth.as_ref().expect("an auth report");
        assert_eq!(auth.mechanism, mechanism);
        assert!(auth.succeeded, "{mechanism}");
        assert!(!auth.trace.steps.is_empty(), "{mechanism} has no trace");
        assert!(
            got(&outcome).iter().any(|l| l.starts_with("235")),
            "{mechanism}"
        );
        assert_eq!(server.mailbox().len(), 1);
        if mechanism.starts_with("SCRAM") || mechanism == "DIGEST-MD5" {
            assert!(
                has_note(&outcome, |n| matches!(n, ClientNote::ServerVerified { .. })),
                "{mechanism} did not check the server's proof"
            );
        }
        assert!(outcome
            .log
            .iter()
            .any(|l| l == "Above may contain passwords - do not post online!"));
    }
}

#[test]
fn wrong_password_gets_535_for_every_mechanism() {
    for mechanism in [
        "PLAIN",
        "LOGIN",
        "CRAM-MD5",
        "DIGEST-MD5",
        "SCRAM-SHA-256",
        "NTLM",
    ] {
        let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
        let s = settings().auth("alice", "wrong").mechanism(mechanism);
        let (outcome, server) = run(s, &compose(&m), postfix());
        assert_eq!(failed_reply(&outcome), (Stage::Auth, 535), "{mechanism}");
        assert!(!outcome.delivered);
        assert!(server.mailbox().is_empty());
        assert_eq!(sent(&outcome).last(), Some(&"QUIT"));
    }
}

#[test]
fn the_best_offered_mechanism_is_chosen_and_ntlm_only_when_asked() {
    let cases = [
        (Profile::Postfix, "SCRAM-SHA-256"),
        (Profile::Sendmail, "DIGEST-MD5"),
        // Exim with its cram_md5 and Cyrus DIGEST-MD5 authenticators, as recorded.
        (Profile::Exim, "DIGEST-MD5"),
        (Profile::Coremail163, "PLAIN"),
        (Profile::Rfc5321, "SCRAM-SHA-256"),
    ];
    for (profile, want) in cases {
        let mut config = ServerConfig::new(profile).with_account("alice@example.com", "secret");
        config.policies.sender_must_match_auth = false;
        config.policies.require_auth = true;
        let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
        let host = profile.default_hostname();
        let s = ClientSettings::new(host, 25).auth("alice@example.com", "secret");
        let (outcome, _) = run(s, &compose(&m), config);
        let auth = outcome.auth.as_ref().expect("auth");
        assert_eq!(auth.mechanism, want, "{profile:?}");
        assert!(outcome.delivered, "{profile:?}: {:#?}", outcome.transcript);
        assert!(has_note(&outcome, |n| matches!(
            n,
            ClientNote::Mechanism { chosen: false, .. }
        )));
    }
}

#[test]
fn require_auth_without_credentials_is_530_at_mail() {
    let mut config = postfix();
    config.policies.require_auth = true;
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let (outcome, server) = run(settings(), &compose(&m), config);
    assert_eq!(failed_reply(&outcome), (Stage::Mail, 530));
    assert!(!outcome.delivered);
    assert!(server.mailbox().is_empty());
    assert_eq!(sent(&outcome).last(), Some(&"QUIT"));
    assert!(got(&outcome).last().unwrap().starts_with("221"));
}

/// Seed 000: DokuWiki's smtp plugin logs in to 163.com as xxx@163.com but sends
/// MAIL FROM:<noreply@163.com>.
#[test]
fn seed_000_sender_must_equal_the_authorized_user() {
    let config =
        ServerConfig::new(Profile::Coremail163).with_account("xxx@163.com", "ARsanbbsql60595");
    let m = message("noreply@163.com", &["sunyongfeng@xxx.com"], &[], &[]);
    let mut s = ClientSettings::new("smtp.163.com", 25)
        .auth("xxx@163.com", "ARsanbbsql60595")
        .mechanism("LOGIN");
    s.helo = "[172.18.111.192]".into();
    s.pipelining = false;
    let (outcome, _) = run(s.clone(), &compose(&m), config.clone());
    assert_eq!(failed_reply(&outcome), (Stage::Mail, 553));
    let log = &outcome.log;
    assert_eq!(
        log[0],
        "There was an unexpected problem communicating with SMTP: Unexpected return code - Expected: 250, Got: 553 | 553 Mail from must equal authorized user"
    );
    let seed: Vec<&str> = "SMTP log:
Set: the server
Set: the auth
Set: a message will be sent
Connecting to smtp.163.com at 25
Got: 220 163.com Anti-spam GT for Coremail System (163com[20141201])
Sent: EHLO [172.18.111.192]
Got: 250-mail
Got: 250-PIPELINING
Got: 250-AUTH LOGIN PLAIN
Got: 250-AUTH=LOGIN PLAIN
Got: 250-coremail 1Uxr2xKj7kG0xkI17xGrU7I0s8FY2U3Uj8Cz28x1UUUUU7Ic2I0Y2UFdFM3xUCa0xDrUUUUj
Got: 250-STARTTLS
Got: 250 8BITMIME
Sent: AUTH LOGIN
Got: 334 dXNlcm5hbWU6
Sent: eHh4QDE2My5jb20=
Got: 334 UGFzc3dvcmQ6
Sent: QVJzYW5iYnNxbDYwNTk1
Got: 235 Authentication successful"
        .lines()
        .collect();
    assert_eq!(&log[1..=seed.len()], seed.as_slice(), "{log:#?}");
    let rest = &log[seed.len() + 1..];
    assert!(
        rest[0].starts_with("Sent: MAIL FROM:<noreply@163.com>"),
        "{rest:?}"
    );
    assert_eq!(rest[1], "Got: 553 Mail from must equal authorized user");
    assert_eq!(
        log.last().unwrap(),
        "Message wasn't sent. SMTP seems not to work properly."
    );
    assert!(log.contains(&"Above may contain passwords - do not post online!".to_string()));

    // The fix of seed 000: the sender equals the login.
    let mut fixed = s;
    fixed.sender = Some("xxx@163.com".into());
    let (outcome, server) = run(fixed, &compose(&m), config);
    assert!(outcome.delivered, "{:#?}", outcome.log);
    assert_eq!(server.mailbox()[0].from, "xxx@163.com");
    assert_eq!(
        outcome.log.last().unwrap(),
        "Message was sent. SMTP seems to work."
    );
}

#[test]
fn without_debug_the_log_is_only_the_verdict() {
    let config = ServerConfig::new(Profile::Coremail163).with_account("xxx@163.com", "pw");
    let m = message("noreply@163.com", &["a@xxx.com"], &[], &[]);
    let mut s = ClientSettings::new("smtp.163.com", 25).auth("xxx@163.com", "pw");
    s.debug = false;
    let (outcome, _) = run(s, &compose(&m), config);
    assert_eq!(outcome.log.len(), 2, "{:?}", outcome.log);
    assert!(outcome.log[0].contains("Got: 553"));
}

/// Seed 004: sendmail's saslauthd is not running, so every AUTH fails.
#[test]
fn saslauthd_down_is_535_whatever_the_password() {
    let mut config = ServerConfig::new(Profile::Sendmail).with_account("lily", "secret");
    config.policies.sasl_daemon_down = true;
    let m = message("lily@example.com", &["sam@163.com"], &[], &[]);
    let s = settings().auth("lily", "secret").mechanism("PLAIN");
    let (outcome, server) = run(s, &compose(&m), config);
    assert_eq!(failed_reply(&outcome), (Stage::Auth, 535));
    assert!(!outcome.auth.as_ref().unwrap().succeeded);
    assert!(server.mailbox().is_empty());
    assert_eq!(outcome.recipients[0].status, RecipientStatus::NotTried);
}

#[test]
fn relay_denied_for_one_recipient_the_rest_delivered() {
    let m = message(
        "alice@example.com",
        &["bob@example.com"],
        &["stranger@elsewhere.org"],
        &["carol@example.com"],
    );
    let (outcome, server) = run(settings(), &compose(&m), postfix());
    assert!(outcome.delivered, "{:#?}", outcome.transcript);
    assert_eq!(
        outcome.with_status(&RecipientStatus::Delivered),
        ["bob@example.com", "carol@example.com"]
    );
    assert_eq!(
        outcome.with_status(&RecipientStatus::Rejected),
        ["stranger@elsewhere.org"]
    );
    let refused = outcome
        .recipients
        .iter()
        .find(|r| r.address == "stranger@elsewhere.org")
        .unwrap();
    let code = refused.reply.as_ref().unwrap().code;
    assert!(code == 554 || code == 550, "{code}");
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::RecipientRefused { .. }
    )));
    assert_eq!(
        server.mailbox()[0].recipients,
        ["bob@example.com", "carol@example.com"]
    );
}

#[test]
fn unknown_user_is_refused_and_nobody_left_means_no_data() {
    let mut config = postfix();
    config.policies.known_mailboxes_only = true;
    let m = message(
        "alice@example.com",
        &["nobody@example.com", "alice@example.com"],
        &[],
        &[],
    );
    let (outcome, server) = run(settings(), &compose(&m), config.clone());
    assert!(outcome.delivered);
    let nobody = &outcome.recipients[0];
    assert_eq!(nobody.status, RecipientStatus::Rejected);
    assert_eq!(nobody.reply.as_ref().unwrap().code, 550);
    assert_eq!(server.mailbox()[0].recipients, ["alice@example.com"]);

    // Only unknown recipients, one command at a time: no DATA at all.
    let m = message("alice@example.com", &["nobody@example.com"], &[], &[]);
    let mut s = settings();
    s.pipelining = false;
    let (outcome, server) = run(s, &compose(&m), config.clone());
    assert_eq!(
        outcome.failure,
        Some(Failure::NoRecipientAccepted { deferred: 0 })
    );
    assert!(!sent(&outcome).contains(&"DATA"));
    assert!(server.mailbox().is_empty());

    // Pipelined, DATA went out with the group; the server refuses it.
    let (outcome, server) = run(settings(), &compose(&m), config);
    assert_eq!(
        outcome.failure,
        Some(Failure::NoRecipientAccepted { deferred: 0 })
    );
    assert!(sent(&outcome).contains(&"DATA"));
    assert_eq!(sent(&outcome).last(), Some(&"QUIT"));
    assert!(server.mailbox().is_empty());
}

#[test]
fn greylisting_defers_every_recipient_a_transient_failure() {
    let mut config = postfix();
    config.policies.greylist = true;
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let (outcome, server) = run(settings(), &compose(&m), config);
    assert_eq!(
        outcome.failure,
        Some(Failure::NoRecipientAccepted { deferred: 1 })
    );
    assert!(outcome.failure.as_ref().unwrap().is_transient());
    assert_eq!(outcome.recipients[0].status, RecipientStatus::Deferred);
    assert_eq!(outcome.recipients[0].reply.as_ref().unwrap().code, 450);
    assert!(server.mailbox().is_empty());
}

#[test]
fn size_limit_552_before_any_data() {
    let mut config = postfix();
    config.policies.max_message_size = 1000;
    let m = message("alice@example.com", &["bob@example.com"], &[], &[])
        .attach(Attachment::new("big.bin", vec![7u8; 5000]));
    let (outcome, server) = run(settings(), &compose(&m), config);
    assert_eq!(failed_reply(&outcome), (Stage::Mail, 552));
    assert!(!outcome.delivered);
    assert!(server.mailbox().is_empty());
    assert!(!outcome
        .transcript
        .iter()
        .any(|e| matches!(e, Entry::Data { .. })));
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::SizeDeclared { .. }
    )));
}

#[test]
fn tls_before_auth_530_then_success_with_starttls() {
    let mut config = postfix();
    config.policies.tls_before_auth = true;
    config.policies.require_auth = true;
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let plain = settings().auth("alice", "secret");
    // Postfix (smtpd_tls_auth_only) lists no AUTH before TLS: the client has nothing to use,
    // and says that STARTTLS would bring it.
    let (outcome, _) = run(plain.clone(), &compose(&m), config.clone());
    assert_eq!(outcome.failure, Some(Failure::AuthOnlyAfterStartTls));
    for lang in smtp_trainer::i18n::Lang::ALL {
        let said = outcome
            .failure
            .as_ref()
            .map(|f| f.explain(lang))
            .unwrap_or_default();
        assert!(said.contains("STARTTLS") && said.contains("587"), "{said}");
    }
    // Without STARTTLS on the list either, AUTH is simply not offered.
    let mut bare = config.clone();
    bare.starttls = false;
    let (outcome, _) = run(plain.clone(), &compose(&m), bare);
    assert_eq!(outcome.failure, Some(Failure::AuthNotOffered));
    assert!(!outcome.tls);
    // A server that lists AUTH but wants TLS first answers it with 530 (RFC 3207 §4).
    let mut strict = config.clone();
    strict.profile = Profile::Rfc5321;
    let (outcome, _) = run(plain.clone(), &compose(&m), strict);
    assert_eq!(failed_reply(&outcome), (Stage::Auth, 530));

    let tls = plain.security(Security::StartTls);
    let (outcome, server) = run(tls, &compose(&m), config.clone());
    assert!(outcome.delivered, "{:#?}", outcome.transcript);
    assert!(outcome.tls);
    let s = sent(&outcome);
    let starttls = s.iter().position(|l| *l == "STARTTLS").unwrap();
    assert!(
        s[starttls + 1].starts_with("EHLO "),
        "EHLO again after TLS: {s:?}"
    );
    assert!(outcome.transcript.contains(&Entry::Tls));
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::TlsEstablished
    )));
    assert!(String::from_utf8_lossy(&server.mailbox()[0].data).contains("with ESMTPSA"));

    // Required but not offered: the client stops.
    config.starttls = false;
    let tls = settings().security(Security::StartTls);
    let (outcome, _) = run(tls, &compose(&m), config);
    assert_eq!(outcome.failure, Some(Failure::StartTlsNotOffered));
    assert!(!sent(&outcome).contains(&"MAIL FROM:<alice@example.com>"));
}

#[test]
fn fault_421_ends_at_once_and_451_is_transient() {
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let mut config = postfix();
    config.policies.fault = Some(Fault {
        code: 421,
        mode: FaultMode::NextCommand,
    });
    let (outcome, _) = run(settings(), &compose(&m), config);
    assert_eq!(failed_reply(&outcome), (Stage::Hello, 421));
    assert!(outcome.failure.as_ref().unwrap().is_transient());
    assert!(!sent(&outcome).contains(&"QUIT"), "no QUIT after 421");

    let mut config = postfix();
    config.policies.fault = Some(Fault {
        code: 451,
        mode: FaultMode::NextCommand,
    });
    let (outcome, _) = run(settings(), &compose(&m), config);
    assert_eq!(failed_reply(&outcome), (Stage::Hello, 451));
    assert!(outcome.failure.as_ref().unwrap().is_transient());
    assert_eq!(sent(&outcome).last(), Some(&"QUIT"));
}

/// Drives a client and a server by hand; `before_send` may change the server first.
fn drive(
    client: &mut Client,
    server: &mut Server,
    mut before_send: impl FnMut(&mut Server, &[u8]),
) {
    let mut inbox = server.greeting().to_string().into_bytes();
    for _ in 0..100 {
        if client.is_done() || inbox.is_empty() {
            break;
        }
        let mut actions: Vec<Action> = client.receive(&inbox);
        inbox.clear();
        while let Some(action) = actions.first().cloned() {
            actions.remove(0);
            match action {
                Action::Send(bytes) => {
                    before_send(server, &bytes);
                    for event in server.receive(&bytes) {
                        if let Event::Reply(r) = event {
                            inbox.extend_from_slice(r.to_string().as_bytes());
                        }
                    }
                }
                Action::StartTls => actions.extend(client.tls_established()),
                Action::Close => {}
            }
        }
    }
}

#[test]
fn a_451_on_mail_mid_session_is_transient_and_the_group_is_read_out() {
    let m = message(
        "alice@example.com",
        &["bob@example.com", "carol@example.com"],
        &[],
        &[],
    );
    let composed = compose(&m);
    let mut client = Client::new(
        settings(),
        composed.envelope.clone(),
        composed.bytes.clone(),
    );
    let mut server = Server::new(postfix(), "192.0.2.10", NOW);
    drive(&mut client, &mut server, |server, bytes| {
        if bytes.starts_with(b"MAIL FROM") {
            let mut policies = server.config().policies.clone();
            policies.fault = Some(Fault {
                code: 451,
                mode: FaultMode::NextCommand,
            });
            server.set_policies(policies);
        }
    });
    let outcome = client.into_outcome();
    assert_eq!(failed_reply(&outcome), (Stage::Mail, 451));
    assert!(outcome.failure.as_ref().unwrap().is_transient());
    // The replies to the RCPTs and DATA of the group were still read, then QUIT.
    assert_eq!(sent(&outcome).last(), Some(&"QUIT"));
    assert!(got(&outcome).last().unwrap().starts_with("221"));
    assert!(server.mailbox().is_empty());
}

#[test]
fn a_451_on_one_rcpt_defers_it_and_the_other_is_delivered() {
    let m = message(
        "alice@example.com",
        &["bob@example.com", "carol@example.com"],
        &[],
        &[],
    );
    let composed = compose(&m);
    let mut s = settings();
    s.pipelining = false;
    let mut client = Client::new(s, composed.envelope.clone(), composed.bytes.clone());
    let mut server = Server::new(postfix(), "192.0.2.10", NOW);
    drive(&mut client, &mut server, |server, bytes| {
        if bytes.starts_with(b"RCPT TO:<bob") {
            let mut policies = server.config().policies.clone();
            policies.fault = Some(Fault {
                code: 451,
                mode: FaultMode::NextCommand,
            });
            server.set_policies(policies);
        }
    });
    let outcome = client.into_outcome();
    assert!(outcome.delivered);
    assert_eq!(
        outcome.with_status(&RecipientStatus::Deferred),
        ["bob@example.com"]
    );
    assert_eq!(
        outcome.with_status(&RecipientStatus::Delivered),
        ["carol@example.com"]
    );
}

#[test]
fn bdat_when_chunking_is_offered_and_chosen() {
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let composed = compose(&m);
    let mut s = settings();
    s.chunking = true;
    let (outcome, server) = run(s, &composed, postfix());
    assert!(outcome.delivered, "{:#?}", outcome.transcript);
    let line = format!("BDAT {} LAST", composed.bytes.len());
    assert!(sent(&outcome).contains(&line.as_str()));
    assert!(!sent(&outcome).contains(&"DATA"));
    let stored = &server.mailbox()[0];
    assert!(stored.chunked);
    assert!(stored.data.ends_with(&composed.bytes));

    // Sendmail offers no CHUNKING: DATA it is.
    let config = ServerConfig::new(Profile::Sendmail);
    let mut s = ClientSettings::new("mail.example.com", 25);
    s.chunking = true;
    let (outcome, server) = run(s, &composed, config);
    assert!(outcome.delivered);
    assert!(sent(&outcome).contains(&"DATA"));
    assert!(!server.mailbox()[0].chunked);
}

#[test]
fn eight_bit_bodies_declare_body_8bitmime() {
    let m = message("alice@example.com", &["bob@example.com"], &[], &[])
        .text("中文正文，8bit 原样发送。\n")
        .transfer_encoding(TransferEncoding::EightBit);
    let composed = compose(&m);
    let (outcome, server) = run(settings(), &composed, postfix());
    assert!(outcome.delivered);
    assert!(sent(&outcome)
        .iter()
        .any(|l| l.starts_with("MAIL FROM:") && l.ends_with(" BODY=8BITMIME")));
    assert!(server.mailbox()[0].data.ends_with(&composed.bytes));
}

/// A scripted server: the client alone, fed replies by hand.
fn scripted(replies: &[&str], settings: ClientSettings, composed: &Composed) -> Outcome {
    let mut client = Client::new(settings, composed.envelope.clone(), composed.bytes.clone());
    for reply in replies {
        if client.is_done() {
            break;
        }
        client.receive(reply.as_bytes());
    }
    client.connection_closed();
    client.into_outcome()
}

#[test]
fn ehlo_refused_falls_back_to_helo_and_reads_split_replies() {
    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let composed = compose(&m);
    let outcome = scripted(
        &[
            "220 old.example SMTP ready\r\n",
            "502 5.5.1 EHLO not implemented\r\n",
            // A reply split across reads, and two replies in one read.
            "25",
            "0 old.example\r\n",
            "250 ok\r\n",
            "250 ok\r\n354 go ahead\r\n",
            "250 queued\r\n",
            "221 bye\r\n",
        ],
        settings(),
        &composed,
    );
    assert!(outcome.delivered, "{:#?}", outcome.transcript);
    let s = sent(&outcome);
    assert!(s.contains(&"HELO localhost"));
    // No extensions after HELO: no SIZE, no pipelining.
    assert!(s.contains(&"MAIL FROM:<alice@example.com>"));
    assert!(has_note(&outcome, |n| matches!(
        n,
        ClientNote::HeloFallback { code: 502 }
    )));
}

#[test]
fn eight_bit_without_8bitmime_and_garbage_replies_stop_the_client() {
    let m = message("alice@example.com", &["bob@example.com"], &[], &[])
        .text("中文\n")
        .transfer_encoding(TransferEncoding::EightBit);
    let outcome = scripted(
        &["220 x\r\n", "250-x\r\n250 SIZE 1000000\r\n", "221 bye\r\n"],
        settings(),
        &compose(&m),
    );
    assert_eq!(outcome.failure, Some(Failure::EightBitUnsupported));
    assert_eq!(sent(&outcome).last(), Some(&"QUIT"));

    let m = message("alice@example.com", &["bob@example.com"], &[], &[]);
    let outcome = scripted(&["HTTP/1.1 400 Bad Request\r\n"], settings(), &compose(&m));
    assert!(matches!(outcome.failure, Some(Failure::Protocol { .. })));

    // The connection drops mid-session.
    let outcome = scripted(&["220 x\r\n"], settings(), &compose(&m));
    assert_eq!(outcome.failure, Some(Failure::ConnectionClosed));
}

#[test]
fn notes_and_failures_speak_both_languages() {
    use smtp_trainer::i18n::Lang;
    let mut config = postfix();
    config.policies.known_mailboxes_only = true;
    let m = message(
        "alice@example.com",
        &["nobody@example.com", "alice@example.com"],
        &[],
        &["x@example.com"],
    );
    let s = settings().auth("alice", "secret");
    let (outcome, _) = run(s, &compose(&m), config);
    for entry in &outcome.transcript {
        if let Entry::Note(note) = entry {
            let en = note.explain(Lang::En);
            let zh = note.explain(Lang::Zh);
            assert!(!en.is_empty() && !zh.is_empty());
            assert_ne!(en, zh, "{note:?}");
        }
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever a server sends, in whatever pieces, the client answers or gives up —
        /// it never panics, and its transcript stays bounded.
        #[test]
        fn the_client_survives_any_server_bytes(
            chunks in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 0..20),
            replies in proptest::collection::vec(
                prop::sample::select(vec![
                    "220 x\r\n", "250-x\r\n", "250 AUTH PLAIN LOGIN CRAM-MD5\r\n", "334 \r\n",
                    "334 PDEyMzQ+\r\n", "235 ok\r\n", "354 go\r\n", "421 bye\r\n", "550 no\r\n",
                    "250 ok\r\n", "221 bye\r\n", "334 !!!notbase64\r\n",
                ]),
                0..30,
            ),
        ) {
            let m = message("alice@example.com", &["bob@example.com"], &[], &["c@example.com"]);
            let composed = compose(&m);
            let s = settings().auth("alice", "secret");
            let mut client = Client::new(s, composed.envelope.clone(), composed.bytes.clone());
            for r in &replies {
                let _ = client.receive(r.as_bytes());
            }
            for chunk in &chunks {
                let _ = client.receive(chunk);
            }
            let _ = client.tls_established();
            client.connection_closed();
            let outcome = client.into_outcome();
            prop_assert!(outcome.transcript.len() <= 2000);
            prop_assert!(!outcome.log.is_empty());
        }
    }
}
