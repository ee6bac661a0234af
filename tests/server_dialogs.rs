//! Whole dialogs through the simulated server: the seed documents' sessions replayed, and
//! one dialog per sequencing rule, extension, limit and policy of issue 3.

use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::reply::Reply;
use smtp_trainer::smtp::server::{
    Event, Fault, FaultMode, Mode, Server, ServerConfig, MAX_COMMAND_LINE, MAX_RECIPIENTS,
};
use smtp_trainer::smtp::why::{Detail, SaslProblem, Situation};

const NOW: &str = "Sat, 21 Nov 2026 20:15:48 +0800";

/// A session that sends one input at a time and returns the replies' wire text.
struct Dialog {
    server: Server,
    events: Vec<Event>,
}

impl Dialog {
    fn new(config: ServerConfig) -> Dialog {
        Dialog {
            server: Server::new(config, "192.0.2.10", NOW),
            events: Vec::new(),
        }
    }

    fn postfix() -> Dialog {
        Dialog::new(ServerConfig::new(Profile::Postfix).with_account("alice@example.com", "secret"))
    }

    fn greeting(&self) -> String {
        self.server.greeting().to_string()
    }

    /// Sends `input` as is; returns every reply's wire text, concatenated.
    fn raw(&mut self, input: &[u8]) -> String {
        self.events = self.server.receive(input);
        self.replies().iter().map(ToString::to_string).collect()
    }

    /// Sends one line with CRLF.
    fn send(&mut self, line: &str) -> String {
        self.raw(format!("{line}\r\n").as_bytes())
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

    fn last_reply(&self) -> &Reply {
        self.replies().last().copied().expect("a reply")
    }

    fn situation(&self) -> Situation {
        self.last_reply().why.situation
    }

    /// A full transaction up to the 354.
    fn begin(&mut self, from: &str, to: &str) {
        assert!(self.send(&format!("MAIL FROM:<{from}>")).starts_with("250"));
        assert!(self.send(&format!("RCPT TO:<{to}>")).starts_with("250"));
        assert!(self.send("DATA").starts_with("354"));
    }
}

fn config(profile: Profile) -> ServerConfig {
    ServerConfig::new(profile).with_account("alice@example.com", "secret")
}

#[test]
fn seed_004_sendmail_telnet_session_replayed() {
    let mut config = ServerConfig::new(Profile::Sendmail);
    config.hostname = "tdcsw.com".into();
    config.policies.deny_relay = false;
    let server = Server::new(config, "128.101.1.240", "Wed, 23 Dec 2009 18:18:18 +0800")
        .with_client_name("x-128-101-1-240.ahc.umn.edu");
    let mut d = Dialog {
        server,
        events: Vec::new(),
    };
    assert_eq!(
        d.greeting(),
        "220 tdcsw.com ESMTP Sendmail 8.13.8/8.13.8; Wed, 23 Dec 2009 18:18:18 +0800\r\n"
    );
    assert_eq!(
        d.send("HELO tdcsw"),
        "250 tdcsw.com Hello x-128-101-1-240.ahc.umn.edu [128.101.1.240], pleased to meet you\r\n"
    );
    assert_eq!(
        d.send("MAIL FROM:lily@tdcsw.com"),
        "250 2.1.0 lily@tdcsw.com... Sender ok\r\n"
    );
    assert_eq!(d.last_reply().why.detail, Some(Detail::NoBrackets));
    // The typo of the seed: RCPR for RCPT.
    assert_eq!(
        d.send("RCPR TO:sam@163.com"),
        "500 5.5.1 Command unrecognized: \"RCPR TO:sam@163.com\"\r\n"
    );
    assert_eq!(d.last_reply().why.detail, Some(Detail::DidYouMean("RCPT")));
    assert!(d
        .last_reply()
        .why
        .explain(smtp_trainer::i18n::Lang::En)
        .contains("Did you mean RCPT?"));
    assert_eq!(
        d.send("RCPT TO:sam@163.com"),
        "250 2.1.5 sam@163.com... Recipient ok\r\n"
    );
    assert_eq!(
        d.send("DATA"),
        "354 Enter mail, end with \".\" on a line by itself\r\n"
    );
    assert_eq!(d.send("SUBJECT:HELLO"), "");
    assert_eq!(d.send("HI:"), "");
    assert_eq!(d.send("HAR are you?"), "");
    let accepted = d.send(".");
    assert!(accepted.starts_with("250 2.0.0 "), "{accepted}");
    assert!(
        accepted.ends_with(" Message accepted for delivery\r\n"),
        "{accepted}"
    );
    assert_eq!(d.send("quit"), "221 2.0.0 tdcsw.com closing connection\r\n");
    assert!(d.server.is_closed());
    let stored = &d.server.mailbox()[0];
    assert_eq!(stored.from, "lily@tdcsw.com");
    assert_eq!(stored.recipients, ["sam@163.com"]);
    let text = String::from_utf8_lossy(&stored.data);
    assert!(text.starts_with("Received: from tdcsw (x-128-101-1-240.ahc.umn.edu [128.101.1.240])\r\n\tby tdcsw.com (8.13.8/8.13.8) with SMTP id "), "{text}");
    assert!(
        text.ends_with("SUBJECT:HELLO\r\nHI:\r\nHAR are you?\r\n"),
        "{text}"
    );
}

#[test]
fn seed_004_sendmail_help_topics_exactly() {
    let mut d = Dialog::new(config(Profile::Sendmail));
    assert_eq!(
        d.send("help"),
        "214-2.0.0 This is sendmail\r\n\
         214-2.0.0 Topics:\r\n\
         214-2.0.0 \tHELO\tEHLO\tMAIL\tRCPT\tDATA\r\n\
         214-2.0.0 \tRSET\tNOOP\tQUIT\tHELP\tVRFY\r\n\
         214-2.0.0 \tEXPN\tVERB\tETRN\tDSN\tAUTH\r\n\
         214-2.0.0 \tSTARTTLS\r\n\
         214-2.0.0 For more info use \"HELP <topic>\".\r\n\
         214-2.0.0 To report bugs in the implementation see\r\n\
         214-2.0.0 \thttp://www.sendmail.org/email-addresses.html\r\n\
         214-2.0.0 For local information send email to Postmaster at your site.\r\n\
         214 2.0.0 End of HELP info\r\n"
    );
}

#[test]
fn seed_004_saslauthd_down_then_up() {
    let mut config = ServerConfig::new(Profile::Sendmail).with_account("carven", "carven123");
    config.policies.sasl_daemon_down = true;
    let mut d = Dialog::new(config.clone());
    d.send("ehlo 192.0.2.10");
    assert_eq!(d.send("auth login"), "334 VXNlcm5hbWU6\r\n");
    assert_eq!(d.send("Y2FydmVu"), "334 UGFzc3dvcmQ6\r\n");
    assert_eq!(
        d.send("Y2FydmVuMTIz"),
        "535 5.7.0 authentication failed\r\n"
    );
    assert_eq!(d.situation(), Situation::AuthBackendDown);
    assert!(d
        .last_reply()
        .why
        .explain(smtp_trainer::i18n::Lang::En)
        .contains("saslauthd"));

    config.policies.sasl_daemon_down = false;
    let mut d = Dialog::new(config);
    d.send("ehlo 192.0.2.10");
    d.send("auth login");
    d.send("Y2FydmVu");
    assert_eq!(d.send("Y2FydmVuMTIz"), "235 2.0.0 OK Authenticated\r\n");
}

#[test]
fn seed_000_coremail_553_replayed() {
    let config =
        ServerConfig::new(Profile::Coremail163).with_account("sunnogo@163.com", "ARsanbbsql60595");
    let mut d = Dialog::new(config);
    assert_eq!(
        d.greeting(),
        "220 163.com Anti-spam GT for Coremail System (163com[20141201])\r\n"
    );
    assert_eq!(
        d.send("EHLO [172.18.111.192]"),
        "250-mail\r\n250-PIPELINING\r\n250-AUTH LOGIN PLAIN\r\n250-AUTH=LOGIN PLAIN\r\n\
         250-coremail 1Uxr2xKj7kG0xkI17xGrU7I0s8FY2U3Uj8Cz28x1UUUUU7Ic2I0Y2UFdFM3xUCa0xDrUUUUj\r\n\
         250-STARTTLS\r\n250 8BITMIME\r\n"
    );
    assert_eq!(d.send("AUTH LOGIN"), "334 dXNlcm5hbWU6\r\n");
    assert_eq!(d.send("c3Vubm9nb0AxNjMuY29t"), "334 UGFzc3dvcmQ6\r\n");
    assert_eq!(
        d.send("QVJzYW5iYnNxbDYwNTk1"),
        "235 Authentication successful\r\n"
    );
    assert_eq!(
        d.send("MAIL FROM:<noreply@163.com>"),
        "553 Mail from must equal authorized user\r\n"
    );
    assert_eq!(d.situation(), Situation::SenderMismatch);
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::AuthenticatedAs("sunnogo@163.com".into()))
    );
    // The fix of seed 000: the sender is the authorized user.
    assert_eq!(d.send("MAIL FROM:<sunnogo@163.com>"), "250 Mail OK\r\n");
}

#[test]
fn coremail_requires_authentication_first() {
    let mut d = Dialog::new(ServerConfig::new(Profile::Coremail163));
    d.send("EHLO x");
    assert!(d.send("MAIL FROM:<a@163.com>").starts_with("553 "));
    assert_eq!(d.situation(), Situation::AuthRequired);
}

#[test]
fn sequencing_rules_of_rfc5321_4_1_4() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    assert_eq!(
        d.send("RCPT TO:<bob@example.com>"),
        "503 5.5.1 Error: need MAIL command\r\n"
    );
    assert_eq!(d.send("DATA"), "503 5.5.1 Error: need MAIL command\r\n");
    d.send("MAIL FROM:<alice@example.com>");
    assert_eq!(d.send("DATA"), "554 5.5.1 Error: no valid recipients\r\n");
    assert_eq!(
        d.send("MAIL FROM:<alice@example.com>"),
        "503 5.5.1 Error: nested MAIL command\r\n"
    );
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Transaction {
            from: Some("alice@example.com".into()),
            recipients: 0
        })
    );
    // AUTH inside a transaction.
    assert_eq!(
        d.send("AUTH PLAIN"),
        "503 5.5.1 Error: MAIL transaction in progress\r\n"
    );
    // RSET, NOOP, HELP, VRFY work in any state.
    assert!(d.send("NOOP").starts_with("250 "));
    assert!(d.send("VRFY alice").starts_with("25"));
    assert!(d.send("HELP").starts_with("500 "));
    assert!(d.send("RSET").starts_with("250 "));
    assert_eq!(
        d.send("RCPT TO:<bob@example.com>"),
        "503 5.5.1 Error: need MAIL command\r\n"
    );
    // EHLO resets the transaction.
    d.send("MAIL FROM:<alice@example.com>");
    d.send("EHLO client.example");
    assert_eq!(d.server.view().from, None);
    assert!(d.send("MAIL FROM:<alice@example.com>").starts_with("250 "));
}

#[test]
fn auth_twice_and_before_ehlo() {
    // RFC 4954 §4: AUTH is an ESMTP extension, so the strict profile wants EHLO first.
    let mut d = Dialog::new(config(Profile::Rfc5321));
    assert_eq!(
        d.send("AUTH PLAIN"),
        "503 5.5.1 Bad sequence of commands: send HELO/EHLO first\r\n"
    );
    d.send("HELO client.example");
    assert_eq!(
        d.send("AUTH PLAIN"),
        "503 5.5.1 AUTH not available: send EHLO first\r\n"
    );
    d.send("EHLO client.example");
    assert_eq!(
        d.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA=="),
        "235 2.7.0 Authentication successful\r\n"
    );
    assert_eq!(
        d.send("AUTH LOGIN"),
        "503 5.5.1 Error: already authenticated\r\n"
    );
    // Postfix and Sendmail take AUTH before any EHLO (recorded,
    // tests/fixtures/parity/*/48-auth-before-ehlo.txt); the explanation says both.
    for profile in [Profile::Postfix, Profile::Sendmail] {
        let mut d = Dialog::new(config(profile));
        assert!(d
            .send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==")
            .starts_with("235 "));
        let why = d.last_reply().why.explain(smtp_trainer::i18n::Lang::En);
        assert!(why.contains("accepts AUTH without EHLO"), "{why}");
        assert!(why.contains("RFC 4954 §4"), "{why}");
        let zh = d.last_reply().why.explain(smtp_trainer::i18n::Lang::Zh);
        assert!(
            zh.contains("RFC 4954 §4") && zh.contains("EHLO 之后"),
            "{zh}"
        );
        assert!(d.send("HELO client.example").starts_with("250 "));
        assert!(d
            .send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==")
            .starts_with("503 "));
    }
}

#[test]
fn helo_required_only_where_the_profile_requires_it() {
    let mut d = Dialog::new(config(Profile::Sendmail));
    assert_eq!(
        d.send("MAIL FROM:<alice@example.com>"),
        "503 5.0.0 Polite people say HELO first\r\n"
    );
    let mut d = Dialog::postfix();
    assert!(d.send("MAIL FROM:<alice@example.com>").starts_with("250 "));
}

#[test]
fn pipelined_commands_are_answered_in_order() {
    let mut d = Dialog::postfix();
    let ehlo = d.send("EHLO client.example");
    assert!(ehlo.contains("250-PIPELINING\r\n"), "{ehlo}");
    let out = d.raw(
        b"MAIL FROM:<alice@example.com>\r\nRCPT TO:<bob@example.com>\r\nRCPT TO:<carol@example.com>\r\nDATA\r\n",
    );
    assert_eq!(
        out,
        "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n"
    );
    // The message and the next commands in one more burst.
    let out = d.raw(b"Subject: x\r\n\r\nbody\r\n.\r\nNOOP\r\nQUIT\r\n");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("250 2.0.0 Ok: queued as "));
    assert_eq!(lines[1], "250 2.0.0 Ok");
    assert_eq!(lines[2], "221 2.0.0 Bye");
    assert_eq!(
        d.server.mailbox()[0].recipients,
        ["bob@example.com", "carol@example.com"]
    );
}

#[test]
fn a_command_split_across_reads_is_reassembled() {
    let mut d = Dialog::postfix();
    assert_eq!(d.raw(b"EH"), "");
    assert_eq!(d.raw(b"LO clie"), "");
    assert!(d.raw(b"nt.example\r").is_empty());
    assert!(d.raw(b"\n").starts_with("250-mail.example.com\r\n"));
}

#[test]
fn size_extension_rfc1870() {
    let mut config = config(Profile::Postfix);
    config.policies.max_message_size = 200;
    let mut d = Dialog::new(config);
    let ehlo = d.send("EHLO client.example");
    assert!(ehlo.contains("250-SIZE 200\r\n"), "{ehlo}");
    assert_eq!(
        d.send("MAIL FROM:<alice@example.com> SIZE=5000"),
        "552 5.3.4 Message size exceeds fixed limit\r\n"
    );
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Limit {
            limit: 200,
            seen: 5000
        })
    );
    assert!(d
        .send("MAIL FROM:<alice@example.com> SIZE=100")
        .starts_with("250"));
    d.send("RCPT TO:<bob@example.com>");
    d.send("DATA");
    for _ in 0..10 {
        d.send("0123456789012345678901234567890123456789");
    }
    assert_eq!(d.send("."), "552 5.3.4 Error: message file too big\r\n");
    assert!(d.server.mailbox().is_empty());
}

#[test]
fn eightbitmime_smtputf8_dsn_parameters() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    assert!(d
        .send("MAIL FROM:<alice@example.com> BODY=8BITMIME")
        .starts_with("250"));
    d.send("RSET");
    assert!(d
        .send("MAIL FROM:<alice@example.com> BODY=BINARYMIME")
        .starts_with("555"));
    assert!(d
        .send("MAIL FROM:<alice@example.com> RET=HDRS ENVID=x")
        .starts_with("250"));
    assert!(d
        .send("RCPT TO:<bob@example.com> NOTIFY=SUCCESS,FAILURE")
        .starts_with("250"));
    d.send("RSET");
    assert!(d.send("MAIL FROM:<用户@example.com>").starts_with("553"));
    assert_eq!(d.situation(), Situation::Utf8Required);
    assert!(d
        .send("MAIL FROM:<用户@example.com> SMTPUTF8")
        .starts_with("250"));

    // Coremail advertises neither SIZE nor DSN: their parameters are refused.
    let config = ServerConfig::new(Profile::Coremail163).with_account("a@163.com", "pw");
    let mut d = Dialog::new(config);
    d.send("EHLO x");
    d.send("AUTH PLAIN AGFAMTYzLmNvbQBwdw==");
    assert!(d.send("MAIL FROM:<a@163.com> SIZE=10").starts_with("555"));
    assert_eq!(d.situation(), Situation::ParamUnsupported);
}

#[test]
fn enhanced_status_codes_on_every_reply_but_greeting_and_ehlo() {
    let mut d = Dialog::postfix();
    let script = [
        "EHLO client.example",
        "NOOP",
        "MAIL FROM:<alice@example.com>",
        "RCPT TO:<bob@example.com>",
        "RCPT TO:<x@elsewhere.test>",
        "MAIL FROM:<alice@example.com>",
        "RSET",
        "VRFY alice",
        "FOO",
        "MAIL FROM:<broken",
        "QUIT",
    ];
    for line in script {
        d.send(line);
        for reply in d.replies() {
            let wants = !line.starts_with("EHLO");
            assert_eq!(reply.enhanced.is_some(), wants, "{line}: {reply}");
        }
    }
    // Exim does not use them.
    let mut d = Dialog::new(config(Profile::Exim));
    d.send("EHLO client.example");
    assert_eq!(d.send("MAIL FROM:<alice@example.com>"), "250 OK\r\n");
}

#[test]
fn data_undoes_dot_stuffing_and_adds_a_received_header() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.begin("alice@example.com", "bob@example.com");
    d.send("Subject: dots");
    d.send("");
    d.send("..hidden line");
    d.send("...");
    let accepted = d.send(".");
    assert!(
        accepted.starts_with("250 2.0.0 Ok: queued as "),
        "{accepted}"
    );
    assert!(matches!(d.events.last(), Some(Event::Stored(0))));
    let message = &d.server.mailbox()[0];
    let text = String::from_utf8_lossy(&message.data);
    assert!(text.starts_with("Received: from client.example (unknown [192.0.2.10])\r\n\tby mail.example.com (Postfix) with ESMTP id "), "{text}");
    assert!(
        text.contains("\r\n\tfor <bob@example.com>;\r\n\tSat, 21 Nov 2026 20:15:48 +0800\r\n"),
        "{text}"
    );
    assert!(
        text.ends_with("Subject: dots\r\n\r\n.hidden line\r\n..\r\n"),
        "{text}"
    );
    assert_eq!(message.received_at, NOW);
}

#[test]
fn bdat_chunking_rfc3030() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.send("MAIL FROM:<alice@example.com>");
    d.send("RCPT TO:<bob@example.com>");
    assert_eq!(d.raw(b"BDAT 12\r\nSubject: "), "");
    assert_eq!(d.raw(b"x\r\n"), "250 2.0.0 Ok: 12 bytes\r\n");
    let out = d.raw(b"BDAT 9 LAST\r\n\r\n.body\r\nNOOP\r\n");
    // Postfix (recorded): `250 2.0.0 Ok: 7 bytes queued as 7285AC68EA`.
    assert!(
        out.starts_with("250 2.0.0 Ok: 21 bytes queued as "),
        "{out}"
    );
    assert!(out.ends_with("250 2.0.0 Ok\r\n"), "{out}");
    let message = &d.server.mailbox()[0];
    assert!(message.chunked);
    // BDAT carries bytes as they are: no dot-unstuffing.
    assert!(message.data.ends_with(b"Subject: x\r\n\r\n.body\r\n"));

    // Out of sequence: the chunk is read and discarded, then refused.
    let out = d.raw(b"BDAT 4 LAST\r\nQUIT");
    assert_eq!(out, "503 5.5.1 Error: need RCPT command\r\n");
    assert_eq!(d.situation(), Situation::BdatOutOfSequence);
    assert!(!d.server.is_closed());
    // DATA and BDAT do not mix.
    d.send("MAIL FROM:<alice@example.com>");
    d.send("RCPT TO:<bob@example.com>");
    d.raw(b"BDAT 3\r\nabc");
    assert!(d.send("DATA").starts_with("503"));
    assert_eq!(d.situation(), Situation::MixedDataBdat);
    // Sendmail does not offer CHUNKING.
    let mut d = Dialog::new(config(Profile::Sendmail));
    d.send("EHLO x");
    assert!(d.send("BDAT 1 LAST").starts_with("500"));
}

#[test]
fn starttls_is_simulated_and_forgets_the_session() {
    // The strict profile, whose AUTH needs EHLO (Postfix would take AUTH here).
    let mut d = Dialog::new(config(Profile::Rfc5321));
    let ehlo = d.send("EHLO client.example");
    assert!(ehlo.contains("250-STARTTLS\r\n"));
    d.send("MAIL FROM:<alice@example.com>");
    assert_eq!(d.send("STARTTLS"), "220 2.0.0 Ready to start TLS\r\n");
    assert!(d.events.contains(&Event::TlsStarted));
    let view = d.server.view();
    assert_eq!((view.hello, view.from, view.tls), (None, None, true));
    assert_eq!(
        d.send("AUTH PLAIN"),
        "503 5.5.1 Bad sequence of commands: send HELO/EHLO first\r\n"
    );
    let ehlo = d.send("EHLO client.example");
    assert!(!ehlo.contains("STARTTLS"), "{ehlo}");
    assert_eq!(
        d.send("STARTTLS"),
        "554 5.5.1 Error: TLS already active\r\n"
    );
    // Over real TCP it is not offered at all.
    let mut config = config(Profile::Postfix);
    config.starttls = false;
    let mut d = Dialog::new(config);
    assert!(!d.send("EHLO x").contains("STARTTLS"));
    assert!(d.send("STARTTLS").starts_with("502"));
}

#[test]
fn command_line_limit_rfc5321_4_5_3_1_4() {
    let mut d = Dialog::new(config(Profile::Rfc5321));
    let long = format!("NOOP {}", "x".repeat(600));
    assert_eq!(d.send(&long), "500 5.5.2 Line too long\r\n");
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Limit {
            limit: MAX_COMMAND_LINE as u64,
            seen: 607
        })
    );
    // Exactly 512 octets with CRLF is fine.
    let edge = format!("NOOP {}", "x".repeat(MAX_COMMAND_LINE - 7));
    assert!(d.send(&edge).starts_with("250"));
    // Ten megabytes without a line end are counted, not stored; the session goes on.
    let huge = vec![b'A'; 10 * 1024 * 1024];
    assert_eq!(d.raw(&huge), "");
    assert!(d.raw(b"\r\n").starts_with("500 5.5.2"));
    assert!(d.send("NOOP").starts_with("250"));
}

#[test]
fn text_line_limit_rfc5321_4_5_3_1_6() {
    let mut d = Dialog::new(config(Profile::Rfc5321));
    d.send("EHLO client.example");
    d.begin("alice@example.com", "bob@example.com");
    d.send(&"y".repeat(1200));
    assert_eq!(d.send("."), "500 5.5.2 Text line too long\r\n");
    assert_eq!(d.situation(), Situation::TextLineTooLong);
    assert!(d.server.mailbox().is_empty());
    assert_eq!(d.server.view().mode, Mode::Command);
}

#[test]
fn invalid_utf8_and_binary_input_never_panic() {
    let mut d = Dialog::postfix();
    assert!(d.raw(b"\xff\xfe\x00\r\n").starts_with("500"));
    assert!(d.raw(b"EHLO \xe4\xb8\xad\r\n").starts_with("250"));
    assert!(d.raw(b"\r\n").starts_with("500"));
    assert!(d
        .raw(b"MAIL FROM:<\xff@example.com>\r\n")
        .starts_with("553"));
}

#[test]
fn policy_require_auth_530() {
    let mut config = config(Profile::Postfix);
    config.policies.require_auth = true;
    let mut d = Dialog::new(config);
    d.send("EHLO client.example");
    assert_eq!(
        d.send("MAIL FROM:<alice@example.com>"),
        "530 5.7.0 Authentication required\r\n"
    );
    d.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==");
    assert!(d.send("MAIL FROM:<alice@example.com>").starts_with("250"));
}

#[test]
fn policy_sender_must_match_553_in_postfix_wording() {
    let mut config = config(Profile::Postfix);
    config.policies.sender_must_match_auth = true;
    let mut d = Dialog::new(config);
    d.send("EHLO client.example");
    d.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==");
    assert_eq!(
        d.send("MAIL FROM:<noreply@example.com>"),
        "553 5.7.1 <noreply@example.com>: Sender address rejected: not owned by user alice@example.com\r\n"
    );
}

#[test]
fn policy_vrfy_and_expn() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    // Postfix (recorded) answers VRFY with 252 and the argument as typed.
    assert_eq!(d.send("VRFY alice"), "252 2.0.0 alice\r\n");
    assert!(d.send("VRFY nobody").starts_with("550 5.1.1"));
    assert_eq!(
        d.send("EXPN staff"),
        "500 5.5.2 Error: command not recognized\r\n"
    );
    assert_eq!(d.situation(), Situation::ExpnDisabled);
    let mut config = config(Profile::Postfix);
    config.policies.vrfy_allowed = false;
    let mut d = Dialog::new(config);
    assert!(!d.send("EHLO x").contains("VRFY"));
    assert_eq!(
        d.send("VRFY alice"),
        "502 5.5.1 VRFY command is disabled\r\n"
    );
    let mut config = config_with(Profile::Sendmail, |c| c.policies.vrfy_allowed = false);
    config.hostname = "mail.example.com".into();
    let mut d = Dialog::new(config);
    assert!(d.send("VRFY alice").starts_with("252 2.5.2"));
}

fn config_with(profile: Profile, change: impl FnOnce(&mut ServerConfig)) -> ServerConfig {
    let mut c = config(profile);
    change(&mut c);
    c
}

#[test]
fn policy_starttls_before_auth_530() {
    // RFC 5321 strict: AUTH is listed, and refused before TLS with RFC 3207 §4's 530.
    let mut d = Dialog::new(config_with(Profile::Rfc5321, |c| {
        c.policies.tls_before_auth = true
    }));
    assert!(d.send("EHLO client.example").contains("250-AUTH "));
    assert_eq!(
        d.send("AUTH LOGIN"),
        "530 5.7.0 Must issue a STARTTLS command first\r\n"
    );
    d.send("STARTTLS");
    d.send("EHLO client.example");
    assert_eq!(d.send("AUTH LOGIN"), "334 VXNlcm5hbWU6\r\n");
}

/// Postfix with smtpd_tls_auth_only: "do not announce or accept SASL authentication over
/// unencrypted connections" (postconf(5)); an AUTH anyway gets smtpd.c's 504 5.5.4.
#[test]
fn policy_starttls_before_auth_postfix_hides_auth_until_tls() {
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
        c.policies.tls_before_auth = true
    }));
    let ehlo = d.send("EHLO client.example");
    assert!(!ehlo.contains("AUTH"), "{ehlo}");
    assert!(ehlo.contains("250-STARTTLS"), "{ehlo}");
    assert_eq!(
        d.send("AUTH LOGIN"),
        "504 5.5.4 Encryption required for requested authentication mechanism\r\n"
    );
    d.send("STARTTLS");
    assert!(d.send("EHLO client.example").contains("250-AUTH "));
    assert_eq!(d.send("AUTH LOGIN"), "334 VXNlcm5hbWU6\r\n");
}

#[test]
fn policy_known_mailboxes_and_relay() {
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
        c.policies.known_mailboxes_only = true
    }));
    d.send("EHLO client.example");
    d.send("MAIL FROM:<x@elsewhere.test>");
    assert_eq!(
        d.send("RCPT TO:<nobody@example.com>"),
        "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table\r\n"
    );
    assert!(d.send("RCPT TO:<alice@example.com>").starts_with("250"));
    assert!(d
        .send("RCPT TO:<postmaster@example.com>")
        .starts_with("250"));
    assert_eq!(
        d.send("RCPT TO:<someone@elsewhere.test>"),
        "554 5.7.1 <someone@elsewhere.test>: Relay access denied\r\n"
    );
    let mut d = Dialog::new(config(Profile::Sendmail));
    d.send("EHLO client.example");
    d.send("MAIL FROM:<x@example.com>");
    assert_eq!(
        d.send("RCPT TO:<someone@elsewhere.test>"),
        "550 5.7.1 <someone@elsewhere.test>... Relaying denied. Proper authentication required.\r\n"
    );
    // Authenticated clients may relay.
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==");
    d.send("MAIL FROM:<alice@example.com>");
    assert!(d
        .send("RCPT TO:<someone@elsewhere.test>")
        .starts_with("250"));
}

#[test]
fn recipients_are_bounded() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.send("MAIL FROM:<alice@example.com>");
    for i in 0..MAX_RECIPIENTS {
        assert!(d
            .send(&format!("RCPT TO:<u{i}@example.com>"))
            .starts_with("250"));
    }
    assert_eq!(
        d.send("RCPT TO:<one.more@example.com>"),
        "452 4.5.3 Error: too many recipients\r\n"
    );
}

#[test]
fn fault_injection_next_command() {
    for (code, closes) in [(421, true), (450, false), (451, false), (452, false)] {
        let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
            c.policies.fault = Some(Fault {
                code,
                mode: FaultMode::NextCommand,
            });
        }));
        let out = d.send("EHLO client.example");
        assert!(out.starts_with(&code.to_string()), "{out}");
        assert_eq!(d.last_reply().why.detail, Some(Detail::FaultCode(code)));
        assert_eq!(d.server.is_closed(), closes);
        if !closes {
            assert!(
                d.send("EHLO client.example").starts_with("250"),
                "only the next command"
            );
        }
    }
}

#[test]
fn fault_injection_share_is_deterministic_per_seed() {
    let run = |seed| {
        let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
            c.policies.fault = Some(Fault {
                code: 451,
                mode: FaultMode::Share { percent: 30, seed },
            });
        }));
        (0..1000)
            .filter(|_| d.send("NOOP").starts_with("451"))
            .count()
    };
    let first = run(7);
    assert_eq!(first, run(7));
    assert!((200..400).contains(&first), "about 30% of 1000: {first}");
    assert_ne!(run(7), run(8));
}

#[test]
fn auth_plain_and_login_rfc4954() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    // PLAIN with an empty challenge, then the response.
    assert_eq!(d.send("AUTH PLAIN"), "334 \r\n");
    assert_eq!(d.server.view().mode, Mode::AuthResponse);
    assert_eq!(d.send("*"), "501 5.7.0 Authentication aborted\r\n");
    // Postfix with Cyrus SASL (recorded, 47-auth-bad-base64-ir).
    assert_eq!(
        d.send("AUTH PLAIN not*base64"),
        "535 5.7.8 Error: authentication failed: bad protocol / cancel\r\n"
    );
    assert_eq!(
        d.send("AUTH PLAIN ="),
        "535 5.7.8 Error: authentication failed: bad protocol / cancel\r\n"
    );
    // Postfix (recorded) answers 535 where RFC 4954 §4 says 504.
    assert_eq!(
        d.send("AUTH CRAM-SHA9"),
        "535 5.7.8 Error: authentication failed: Invalid authentication mechanism\r\n"
    );
    // Wrong password, then a password with a trailing newline (a classic).
    assert!(d
        .send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHdyb25n")
        .starts_with("535 5.7.8"));
    d.send("AUTH LOGIN");
    d.send("YWxpY2VAZXhhbXBsZS5jb20=");
    assert!(d.send("c2VjcmV0Cg==").starts_with("535 5.7.8"));
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Sasl(SaslProblem::TrailingNewline))
    );
    // LOGIN with the user name as initial response.
    assert_eq!(
        d.send("AUTH LOGIN YWxpY2VAZXhhbXBsZS5jb20="),
        "334 UGFzc3dvcmQ6\r\n"
    );
    assert_eq!(
        d.send("c2VjcmV0"),
        "235 2.7.0 Authentication successful\r\n"
    );
    assert_eq!(d.server.view().user.as_deref(), Some("alice@example.com"));
}

#[test]
fn every_profile_template_has_a_valid_code() {
    use smtp_trainer::smtp::codes::{EnhancedCode, ReplyCode};
    use smtp_trainer::smtp::profile::fault_template;
    let situations = [
        Situation::Greeting,
        Situation::Helo,
        Situation::Ehlo,
        Situation::MailOk,
        Situation::RcptOk,
        Situation::DataGo,
        Situation::Queued,
        Situation::ChunkOk,
        Situation::Bye,
        Situation::RsetOk,
        Situation::NoopOk,
        Situation::VrfyOk,
        Situation::VrfyNoVerify,
        Situation::VrfyUnknown,
        Situation::VrfyDisabled,
        Situation::ExpnDisabled,
        Situation::Help,
        Situation::HelpUnsupported,
        Situation::Unrecognized,
        Situation::SyntaxError,
        Situation::ParamUnsupported,
        Situation::NeedHelo,
        Situation::NeedMail,
        Situation::NeedRcpt,
        Situation::NestedMail,
        Situation::LineTooLong,
        Situation::TextLineTooLong,
        Situation::MessageTooBig,
        Situation::SizeTooBig,
        Situation::AuthUnknownMechanism,
        Situation::AuthAlready,
        Situation::AuthInTransaction,
        Situation::AuthNotOffered,
        Situation::AuthChallenge,
        Situation::AuthOk,
        Situation::AuthFailed,
        Situation::AuthBackendDown,
        Situation::AuthCancelled,
        Situation::AuthBadBase64,
        Situation::AuthMalformed,
        Situation::AuthRequired,
        Situation::TlsRequired,
        Situation::TlsReady,
        Situation::TlsAlready,
        Situation::TlsNotOffered,
        Situation::SenderMismatch,
        Situation::UnknownUser,
        Situation::RelayDenied,
        Situation::Utf8Required,
        Situation::Fault,
        Situation::BdatOutOfSequence,
        Situation::MixedDataBdat,
        Situation::Timeout,
        Situation::TooManyConnections,
        Situation::Greylisted,
        Situation::BareLf,
    ];
    for profile in Profile::ALL {
        for situation in situations {
            let t = profile.template(situation);
            assert!(ReplyCode::new(t.code).is_ok(), "{profile:?} {situation:?}");
            if let Some(e) = t.enhanced {
                let e = EnhancedCode::parse(e).expect("enhanced code parses");
                assert_eq!(
                    u16::from(e.class()),
                    t.code / 100,
                    "{profile:?} {situation:?}: class matches"
                );
            }
            assert!(!t.lines.is_empty());
            for lang in smtp_trainer::i18n::Lang::ALL {
                assert!(!situation.explain().get(lang).is_empty());
            }
        }
    }
    for code in [421, 450, 451, 452] {
        assert_eq!(fault_template(code).code, code);
    }
}

#[test]
fn every_reply_is_explained_in_both_languages() {
    use smtp_trainer::i18n::Lang;
    let script = [
        "EHLO client.example",
        "HELP",
        "VRFY alice",
        "EXPN x",
        "FOO",
        "RCPR TO:<a@b.c>",
        "MAIL FROM:alice",
        "RCPT TO:<x@elsewhere.test>",
        "DATA",
        "MAIL FROM:<a@example.com>",
        "AUTH PLAIN",
        "AUTH PLAIN AGEAYgBj",
        "AUTH LOGIN",
        "Ym9i",
        "c2VjcmV0Cg==",
        "AUTH LOGIN",
        "*",
        "AUTH PLAIN AHUAAA==",
        "STARTTLS",
        "EHLO client.example",
        "QUIT",
    ];
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for profile in Profile::ALL {
        let mut d = Dialog::new(config(profile));
        for line in script {
            d.send(line);
            for reply in d.replies() {
                let en = reply.why.explain(Lang::En);
                let zh = reply.why.explain(Lang::Zh);
                assert!(!en.is_empty() && !cjk(&en), "{profile:?} {line}: {en}");
                assert!(cjk(&zh), "{profile:?} {line}: {zh}");
            }
        }
    }
}

fn challenge_of(reply: &str) -> Vec<u8> {
    use base64::Engine as _;
    let b64 = reply
        .trim_end()
        .strip_prefix("334 ")
        .expect("a 334 challenge");
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .expect("base64")
}

#[test]
fn cram_md5_through_the_server_rfc2195() {
    use smtp_trainer::sasl::cram_md5;
    let mut config = config(Profile::Sendmail);
    config.nonce_seed = 42;
    let mut d = Dialog::new(config);
    let ehlo = d.send("EHLO client.example");
    // Seed 004's AUTH line, exactly.
    assert!(
        ehlo.contains("250-AUTH DIGEST-MD5 CRAM-MD5 LOGIN PLAIN\r\n"),
        "{ehlo}"
    );
    let challenge = challenge_of(&d.send("AUTH CRAM-MD5"));
    assert!(challenge.starts_with(b"<") && challenge.ends_with(b"@mail.example.com>"));
    let trace = cram_md5::client("alice@example.com", "secret", &challenge);
    let response = trace.last().expect("a response").text();
    assert_eq!(d.send(&response), "235 2.0.0 OK Authenticated\r\n");

    // The same response computed with a wrong password fails with 535.
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| c.nonce_seed = 42));
    d.send("EHLO client.example");
    let challenge = challenge_of(&d.send("AUTH CRAM-MD5"));
    let trace = cram_md5::client("alice@example.com", "wrong", &challenge);
    assert!(d
        .send(&trace.last().expect("response").text())
        .starts_with("535 5.7.8"));
    // The right password with its digest in upper-case hex: refused as the text differs,
    // and told as that, not as a wrong password.
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let challenge = challenge_of(&d.send("AUTH CRAM-MD5"));
    let trace = cram_md5::client("alice@example.com", "secret", &challenge);
    let decoded = b64
        .decode(trace.last().expect("response").text())
        .expect("base64");
    let text = String::from_utf8(decoded).expect("text");
    let (user, digest) = text.rsplit_once(' ').expect("user SP digest");
    let upper = b64.encode(format!("{user} {}", digest.to_ascii_uppercase()));
    assert!(d.send(&upper).starts_with("535"));
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Sasl(SaslProblem::UppercaseHex))
    );
    // Not `user SP digest` at all.
    d.send("AUTH CRAM-MD5");
    assert!(d.send("bm9zcGFjZQ==").starts_with("535"));
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Sasl(SaslProblem::CramMd5Shape))
    );
}

#[test]
fn digest_md5_through_the_server_rfc2831() {
    use smtp_trainer::sasl::digest_md5::{self, ClientInput};
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| c.nonce_seed = 7));
    d.send("EHLO client.example");
    let challenge = challenge_of(&d.send("AUTH DIGEST-MD5"));
    let parsed = digest_md5::parse_challenge(&String::from_utf8_lossy(&challenge)).expect("parses");
    assert_eq!(parsed.realms, ["mail.example.com"]);
    assert_eq!(parsed.algorithm, "md5-sess");
    let input = |digest_uri: &str, password: &str| ClientInput {
        user: "alice@example.com".into(),
        realm: "mail.example.com".into(),
        password: password.into(),
        nonce: parsed.nonce.clone(),
        cnonce: "OA6MHXh6VqTrRk".into(),
        nc: 1,
        qop: "auth".into(),
        digest_uri: digest_uri.into(),
        authzid: None,
        utf8: true,
    };
    let trace = digest_md5::client(&input("smtp/mail.example.com", "secret"));
    let sent = trace.step("response-base64").expect("response").text();
    let rspauth = challenge_of(&d.send(&sent));
    let want = format!("rspauth={}", trace.step("rspauth").expect("rspauth").text());
    assert_eq!(String::from_utf8_lossy(&rspauth), want);
    assert_eq!(
        d.server.view().user,
        None,
        "not before the client acknowledges rspauth"
    );
    assert_eq!(d.send(""), "235 2.7.0 Authentication successful\r\n");
    assert_eq!(d.server.view().user.as_deref(), Some("alice@example.com"));

    // A digest-uri for another service or host is refused, and the reason says so.
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| c.nonce_seed = 7));
    d.send("EHLO client.example");
    d.send("AUTH DIGEST-MD5");
    let trace = digest_md5::client(&input("imap/mail.example.com", "secret"));
    assert!(d
        .send(&trace.step("response-base64").expect("r").text())
        .starts_with("535"));
    assert!(matches!(
        d.last_reply().why.detail,
        Some(Detail::Sasl(SaslProblem::DigestUriMismatch { .. }))
    ));
    // A wrong password.
    d.send("AUTH DIGEST-MD5");
    let trace = digest_md5::client(&input("smtp/mail.example.com", "nope"));
    assert!(d
        .send(&trace.step("response-base64").expect("r").text())
        .starts_with("535"));
}

#[test]
fn coremail_offers_only_login_and_plain() {
    let mut d = Dialog::new(ServerConfig::new(Profile::Coremail163));
    d.send("EHLO x");
    let refused = d.send("AUTH CRAM-MD5");
    assert!(
        refused.starts_with('5') && !refused.starts_with("334"),
        "{refused}"
    );
}

#[test]
fn faults_never_hit_bdat_and_ids_follow_the_seed() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.send("MAIL FROM:<alice@example.com>");
    d.send("RCPT TO:<bob@example.com>");
    let mut policies = d.server.config().policies.clone();
    policies.fault = Some(Fault {
        code: 451,
        mode: FaultMode::NextCommand,
    });
    d.server.set_policies(policies);
    let out = d.raw(b"BDAT 5 LAST\r\nNOOP\n");
    assert!(
        out.starts_with("250 2.0.0 Ok: 5 bytes queued as "),
        "the chunk is read, not faulted: {out}"
    );
    assert!(
        d.send("NOOP").starts_with("451"),
        "the fault waits for the next command"
    );
    let first_id = d.server.mailbox()[0].id.clone();
    let mut other = Dialog::new(config_with(Profile::Postfix, |c| c.nonce_seed = 99));
    other.send("EHLO x");
    other.begin("alice@example.com", "bob@example.com");
    other.send(".");
    assert_ne!(other.server.mailbox()[0].id, first_id);
    assert_eq!(other.server.take_mailbox().len(), 1);
    assert!(other.server.mailbox().is_empty());
    let reply = other.server.timeout();
    assert_eq!(
        reply.to_string(),
        "421 4.4.2 mail.example.com Error: timeout exceeded\r\n"
    );
    assert!(other.server.is_closed());
}

#[test]
fn recorded_wording_of_syntax_errors_and_bare_addresses() {
    // docs/transcripts/real-servers.md, Postfix 3.7 / Sendmail 8.17 / Exim 4.96.
    let mut d = Dialog::postfix();
    assert_eq!(d.send("HELO"), "501 Syntax: HELO hostname\r\n");
    assert_eq!(d.send("EHLO"), "501 Syntax: EHLO hostname\r\n");
    d.send("EHLO client.example");
    assert_eq!(
        d.send("MAIL FROM:<bad address"),
        "501 5.1.7 Bad sender address syntax\r\n"
    );
    assert_eq!(d.send("MAIL FROM:alice"), "250 2.1.0 Ok\r\n");
    assert_eq!(d.server.view().from.as_deref(), Some("alice@example.com"));
    assert_eq!(
        d.send("RCPT TO:"),
        "501 5.5.4 Syntax: RCPT TO:<address>\r\n"
    );
    assert_eq!(
        d.send("VRFY nosuchuser"),
        "550 5.1.1 <nosuchuser>: Recipient address rejected: User unknown in local recipient table\r\n"
    );

    let mut d = Dialog::new(config(Profile::Sendmail));
    assert_eq!(d.send("HELO"), "501 5.0.0 HELO requires domain address\r\n");
    d.send("EHLO client.example");
    assert_eq!(
        d.send("MAIL FROM:<bad address"),
        "553 5.0.0 <bad address... Unbalanced '<'\r\n"
    );
    assert_eq!(
        d.send("MAIL FROM:alice"),
        "250 2.1.0 alice... Sender ok\r\n"
    );
    assert_eq!(
        d.send("RCPT TO:"),
        "501 5.5.2 Syntax error in parameters scanning \"TO\"\r\n"
    );
    assert_eq!(
        d.send("RCPT TO:<alice@example.com>"),
        "250 2.1.5 <alice@example.com>... Recipient ok\r\n"
    );
    assert_eq!(d.send("VRFY alice"), "250 2.1.5 <alice@example.com>\r\n");

    let mut d = Dialog::new(config(Profile::Exim));
    assert_eq!(
        d.send("EHLO"),
        "501 Syntactically invalid EHLO argument(s)\r\n"
    );
    let ehlo = d.send("EHLO client.example");
    assert_eq!(
        ehlo,
        "250-mail.example.com Hello client.example [192.0.2.10]\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n\
         250-PIPELINING\r\n250-PIPECONNECT\r\n250-AUTH PLAIN LOGIN CRAM-MD5 DIGEST-MD5\r\n\
         250-CHUNKING\r\n250-STARTTLS\r\n250-PRDR\r\n250 HELP\r\n"
    );
    assert_eq!(
        d.send("MAIL FROM:alice"),
        "501 alice: sender address must contain a domain\r\n"
    );
    d.send("MAIL FROM:<alice@example.com>");
    assert_eq!(
        d.send("RCPT TO:"),
        "501 RCPT must have an address operand\r\n"
    );
    d.send("RCPT TO:<alice@example.com>");
    d.send("DATA");
    d.send(&"y".repeat(1200));
    assert_eq!(
        d.send("."),
        "550 maximum allowed line length is 998 octets, got 1200\r\n"
    );
}

#[test]
fn scram_sha_256_through_the_server_rfc5802() {
    use smtp_trainer::sasl::scram::{self, Hash};
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| c.nonce_seed = 11));
    let ehlo = d.send("EHLO client.example");
    assert!(ehlo.contains(" SCRAM-SHA-1 SCRAM-SHA-256\r\n"), "{ehlo}");
    let first =
        scram::client_first("alice@example.com", "fyko+d2lbbFgONRv9qkxdawL").expect("client-first");
    let first_b64 = first.step("client-first-base64").expect("step").text();
    let server_first = challenge_of(&d.send(&format!("AUTH SCRAM-SHA-256 {first_b64}")));
    let server_first = String::from_utf8_lossy(&server_first).into_owned();
    assert!(
        server_first.starts_with("r=fyko+d2lbbFgONRv9qkxdawL"),
        "{server_first}"
    );
    let trace = scram::client(
        Hash::Sha256,
        "alice@example.com",
        "secret",
        "fyko+d2lbbFgONRv9qkxdawL",
        &server_first,
    )
    .expect("client-final");
    let server_final =
        challenge_of(&d.send(&trace.step("client-final-base64").expect("step").text()));
    let want = format!(
        "v={}",
        trace.step("server-signature").expect("step").base64()
    );
    assert_eq!(String::from_utf8_lossy(&server_final), want);
    assert_eq!(d.send(""), "235 2.7.0 Authentication successful\r\n");

    // The same exchange with the wrong password ends in 535.
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| c.nonce_seed = 11));
    d.send("EHLO client.example");
    d.send("AUTH SCRAM-SHA-256");
    let server_first = challenge_of(&d.send(&first_b64));
    let server_first = String::from_utf8_lossy(&server_first).into_owned();
    let trace = scram::client(
        Hash::Sha256,
        "alice@example.com",
        "wrong",
        "fyko+d2lbbFgONRv9qkxdawL",
        &server_first,
    )
    .expect("client-final");
    assert!(d
        .send(&trace.step("client-final-base64").expect("step").text())
        .starts_with("535 5.7.8"));
}

#[test]
fn ntlm_through_the_server_ms_nlmp() {
    use base64::Engine as _;
    use smtp_trainer::sasl::ntlm::{self, ClientInput};
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let mut d = Dialog::new(ServerConfig::new(Profile::Postfix).with_account("alice", "secret"));
    d.send("EHLO client.example");
    let negotiate = ntlm::client_negotiate().encode();
    assert_eq!(d.send("AUTH NTLM"), "334 \r\n");
    let challenge = challenge_of(&d.send(&b64(&negotiate)));
    assert!(matches!(ntlm::message_type(&challenge), Ok(2)));
    let input = ClientInput {
        user: "alice".into(),
        domain: "EXAMPLE".into(),
        password: "secret".into(),
        ..ntlm::ms_nlmp_example()
    };
    let trace = ntlm::client_authenticate(&challenge, &input).expect("AUTHENTICATE");
    let response = trace.last().expect("response").text();
    assert_eq!(d.send(&response), "235 2.7.0 Authentication successful\r\n");

    let mut d = Dialog::new(ServerConfig::new(Profile::Postfix).with_account("alice", "secret"));
    d.send("EHLO client.example");
    let challenge = challenge_of(&d.send(&format!("AUTH NTLM {}", b64(&negotiate))));
    let wrong = ClientInput {
        password: "nope".into(),
        ..input
    };
    let trace = ntlm::client_authenticate(&challenge, &wrong).expect("AUTHENTICATE");
    assert!(d
        .send(&trace.last().expect("response").text())
        .starts_with("535"));
    assert!(
        d.send("AUTH NTLM AAAA").starts_with("535"),
        "not an NTLM message"
    );
}

#[test]
fn the_view_follows_chunks_closing_and_policy_changes() {
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.send("MAIL FROM:<alice@example.com>");
    d.send("RCPT TO:<bob@example.com>");
    d.raw(b"BDAT 10\r\nabc");
    assert_eq!(d.server.view().mode, Mode::Chunk);
    assert_eq!(d.server.view().chunk_remaining, Some(7));
    d.raw(b"defghij");
    assert_eq!(d.server.view().chunk_remaining, None);

    // Changing another switch does not restart a share fault's draws.
    let share = Fault {
        code: 451,
        mode: FaultMode::Share {
            percent: 50,
            seed: 3,
        },
    };
    let draws = |d: &mut Dialog, toggle: bool| -> Vec<bool> {
        let mut policies = d.server.config().policies.clone();
        policies.fault = Some(share.clone());
        d.server.set_policies(policies);
        (0..20)
            .map(|i| {
                if toggle && i == 10 {
                    let mut p = d.server.config().policies.clone();
                    p.vrfy_allowed = !p.vrfy_allowed;
                    d.server.set_policies(p);
                }
                d.send("NOOP").starts_with("451")
            })
            .collect()
    };
    let plain = draws(&mut Dialog::postfix(), false);
    let toggled = draws(&mut Dialog::postfix(), true);
    assert_eq!(plain, toggled);

    d.send("QUIT");
    let view = d.server.view();
    assert_eq!(
        (view.hello, view.user, view.mode),
        (None, None, Mode::Closed)
    );
}

#[test]
fn greylisting_defers_the_first_attempt_and_accepts_the_retry() {
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
        c.policies.greylist = true
    }));
    d.send("EHLO client.example");
    d.send("MAIL FROM:<carol@elsewhere.test>");
    assert_eq!(
        d.send("RCPT TO:<alice@example.com>"),
        "450 4.2.0 <alice@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html\r\n"
    );
    assert_eq!(d.situation(), Situation::Greylisted);
    assert_eq!(d.send("RCPT TO:<alice@example.com>"), "250 2.1.5 Ok\r\n");
}

#[test]
fn bare_lf_in_data_is_refused_when_the_policy_says_so() {
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
        c.policies.reject_bare_lf = true
    }));
    d.send("EHLO client.example");
    d.begin("alice@example.com", "bob@example.com");
    let out = d.raw(b"Subject: x\r\n\r\nsmuggled\n.\r\n");
    assert_eq!(
        out,
        "521 5.5.2 mail.example.com Error: bare <LF> received\r\n"
    );
    assert!(d.server.is_closed());
    // Without the policy the same bytes are accepted, as most servers do.
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.begin("alice@example.com", "bob@example.com");
    assert!(d
        .raw(b"Subject: x\r\n\r\nsmuggled\n.\r\n")
        .starts_with("250 2.0.0 Ok: queued"));
}

#[test]
fn implicit_tls_starts_inside_tls_rfc8314() {
    let mut d = Dialog::new(config_with(Profile::Postfix, |c| {
        c.implicit_tls = true;
        c.policies.tls_before_auth = true;
    }));
    let ehlo = d.send("EHLO client.example");
    assert!(!ehlo.contains("STARTTLS"), "{ehlo}");
    assert!(d.server.view().tls);
    assert!(d
        .send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==")
        .starts_with("235"));
}

/// CVE-2011-0411: commands pipelined after STARTTLS in the same packet are discarded, not
/// run as if they had come inside TLS (RFC 3207 §4: STARTTLS ends a pipelined group).
#[test]
fn commands_sent_with_starttls_in_one_packet_are_discarded() {
    use smtp_trainer::smtp::profile::Profile;
    use smtp_trainer::smtp::server::{Event, Server, ServerConfig};
    let mut server = Server::new(ServerConfig::new(Profile::Postfix), "192.0.2.1", "now");
    server.greeting();
    server.receive(b"EHLO client.example\r\n");
    let events = server.receive(b"STARTTLS\r\nMAIL FROM:<a@example.com>\r\n");
    let replies: Vec<u16> = events
        .iter()
        .filter_map(|e| match e {
            Event::Reply(r) => Some(r.code.value()),
            _ => None,
        })
        .collect();
    assert_eq!(replies, vec![220]);
    assert!(matches!(events.last(), Some(Event::TlsStarted)));
    assert_eq!(
        server.take_discarded_after_tls(),
        "MAIL FROM:<a@example.com>\r\n".len()
    );
    assert_eq!(server.take_discarded_after_tls(), 0);
}

#[test]
fn long_command_lines_as_each_real_server_reads_them() {
    use smtp_trainer::i18n::Lang;
    use smtp_trainer::smtp::why::Leniency;
    // Postfix reads up to line_length_limit (2048) and skips the rest of a longer line
    // (recorded: 26/27/28-long-command-*); the explanation says both.
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    let long = format!("NOOP {}", "x".repeat(600));
    assert_eq!(d.send(&long), "250 2.0.0 Ok\r\n");
    assert_eq!(
        d.last_reply().why.detail,
        Some(Detail::Lenient {
            server: "Postfix",
            leniency: Leniency::LongCommandLine {
                limit: 2048,
                seen: 607
            }
        })
    );
    let en = d.last_reply().why.explain(Lang::En);
    assert!(
        en.contains("Postfix accepts this 607-octet line")
            && en.contains("RFC 5321 §4.5.3.1.4 limits a command line to 512 octets"),
        "{en}"
    );
    let zh = d.last_reply().why.explain(Lang::Zh);
    assert!(
        zh.contains("Postfix 接受") && zh.contains("512 字节"),
        "{zh}"
    );
    let over = format!("NOOP {}", "x".repeat(2993));
    assert_eq!(d.send(&over), "250 2.0.0 Ok\r\n");
    // A header line sent as a command: Postfix hangs up (smtpd_forbidden_commands).
    assert_eq!(
        d.send("Subject: hello"),
        "221 2.7.0 Error: I can break rules, too. Goodbye.\r\n"
    );
    assert!(d.server.is_closed());

    // Sendmail reads 2048 octets and takes a longer line for an attack.
    let mut d = Dialog::new(config(Profile::Sendmail));
    d.send("EHLO client.example");
    assert!(d
        .send(&format!("NOOP {}", "x".repeat(1993)))
        .starts_with("250 "));
    assert_eq!(
        d.send(&format!("NOOP {}", "x".repeat(2093))),
        "421 4.7.0 mail.example.com Command too long, possible attack [192.0.2.10]\r\n"
    );
    assert!(d.server.is_closed());
}

#[test]
fn arguments_where_none_belong_as_recorded() {
    // Postfix: QUIT x is a QUIT, RSET x and DATA x are 501 (recorded 09/11/12).
    let mut d = Dialog::postfix();
    d.send("EHLO client.example");
    d.send("MAIL FROM:<alice@example.com>");
    assert_eq!(d.send("RSET x"), "501 5.5.4 Syntax: RSET\r\n");
    assert!(d.send("RCPT TO:<alice@example.com>").starts_with("250"));
    assert_eq!(d.send("DATA x"), "501 5.5.4 Syntax: DATA\r\n");
    assert_eq!(d.send("QUIT x"), "221 2.0.0 Bye\r\n");
    // Sendmail ignores the argument of RSET, DATA and QUIT.
    let mut d = Dialog::new(config(Profile::Sendmail));
    d.send("EHLO client.example");
    d.send("MAIL FROM:<alice@example.com>");
    assert_eq!(d.send("RSET x"), "250 2.0.0 Reset state\r\n");
    assert!(d
        .last_reply()
        .why
        .explain(smtp_trainer::i18n::Lang::En)
        .contains("ignores the argument after RSET"));
    assert!(d.send("RCPT TO:<alice@example.com>").starts_with("503"));
    // The strict profile refuses all three.
    let mut d = Dialog::new(config(Profile::Rfc5321));
    assert!(d.send("QUIT x").starts_with("501 5.5.4"));
}

#[test]
fn etrn_verb_and_deliverby_where_the_server_advertises_them() {
    let mut d = Dialog::new(config(Profile::Sendmail));
    let ehlo = d.send("EHLO client.example");
    for keyword in ["EXPN", "VERB", "ETRN", "DELIVERBY"] {
        assert!(ehlo.contains(&format!("250-{keyword}\r\n")), "{ehlo}");
    }
    assert_eq!(
        d.send("ETRN example.com"),
        "250 2.0.0 Queuing for node example.com started\r\n"
    );
    assert_eq!(d.send("ETRN"), "500 5.5.2 Parameter required\r\n");
    assert_eq!(d.send("VERB"), "250 2.0.0 Verbose mode\r\n");
    assert!(d
        .send("MAIL FROM:<alice@example.com> BY=120;R")
        .starts_with("250 2.1.0"));
    let mut d = Dialog::postfix();
    assert!(d.send("EHLO client.example").contains("250-ETRN\r\n"));
    assert_eq!(
        d.send("ETRN example.com"),
        "459 <example.com>: service unavailable\r\n"
    );
    assert!(d
        .send("MAIL FROM:<alice@example.com> BY=120;R")
        .starts_with("555 5.5.4"));
}

#[test]
fn smtputf8_on_mail_lets_a_non_ascii_recipient_through() {
    let mut config = config(Profile::Postfix);
    config.policies.deny_relay = false;
    let mut d = Dialog::new(config);
    d.send("EHLO client.example");
    assert!(d
        .send("MAIL FROM:<alice@example.com> SMTPUTF8")
        .starts_with("250 2.1.0"));
    assert_eq!(d.send("RCPT TO:<bob@例子.test>"), "250 2.1.5 Ok\r\n");
    assert_eq!(d.send("RCPT TO:<用户@例子.test>"), "250 2.1.5 Ok\r\n");
    // The flag belongs to the transaction: after RSET it is gone (recorded 19-smtputf8).
    d.send("RSET");
    d.send("MAIL FROM:<alice@example.com>");
    assert_eq!(
        d.send("RCPT TO:<bob@例子.test>"),
        "501 5.1.3 Bad recipient address syntax\r\n"
    );
    assert_eq!(d.situation(), Situation::Utf8RequiredRcpt);
}

#[test]
fn ntlm_authenticate_with_a_long_domain_fits_rfc4954_12288_octets() {
    use base64::Engine as _;
    use smtp_trainer::sasl::ntlm::{self, ClientInput};
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    for profile in [Profile::Postfix, Profile::Rfc5321] {
        let mut d = Dialog::new(ServerConfig::new(profile).with_account("alice", "secret"));
        d.send("EHLO client.example");
        let negotiate = b64(&ntlm::client_negotiate().encode());
        let challenge = challenge_of(&d.send(&format!("AUTH NTLM {negotiate}")));
        let input = ClientInput {
            user: "alice".into(),
            domain: "D".repeat(300),
            workstation: "W".repeat(100),
            password: "secret".into(),
            ..ntlm::ms_nlmp_example()
        };
        let trace = ntlm::client_authenticate(&challenge, &input).expect("AUTHENTICATE");
        let response = trace.last().expect("response").text();
        assert!(
            response.len() > 1000 && response.len() < 12288,
            "{}",
            response.len()
        );
        assert_eq!(
            d.send(&response),
            "235 2.7.0 Authentication successful\r\n",
            "{profile:?}"
        );
        // Over 12288 octets the response line is refused, not cut and misjudged.
        let mut d = Dialog::new(ServerConfig::new(profile).with_account("alice", "secret"));
        d.send("EHLO client.example");
        d.send("AUTH LOGIN");
        assert!(d.send(&"QUFB".repeat(3100)).starts_with("500 5.5.2"));
        assert_eq!(d.server.view().mode, Mode::Command);
    }
}

#[test]
fn postfix_and_sendmail_take_long_message_lines_and_say_what_rfc_5321_says() {
    use smtp_trainer::i18n::Lang;
    for profile in [Profile::Postfix, Profile::Sendmail] {
        let mut d = Dialog::new(config(profile));
        d.send("EHLO client.example");
        d.begin("alice@example.com", "alice@example.com");
        d.send(&"y".repeat(1200));
        assert!(d.send(".").starts_with("250 2.0.0"), "{profile:?}");
        assert_eq!(d.server.mailbox().len(), 1);
        let en = d.last_reply().why.explain(Lang::En);
        assert!(
            en.contains("accepts a message line of 1202 octets")
                && en.contains("RFC 5321 §4.5.3.1.6"),
            "{en}"
        );
        let zh = d.last_reply().why.explain(Lang::Zh);
        assert!(zh.contains("1202 字节") && zh.contains("1000 字节"), "{zh}");
    }
}

#[test]
fn exim_prdr_answers_per_recipient_and_reads_16384_octet_commands() {
    let mut d = Dialog::new(config(Profile::Exim));
    assert!(d.send("EHLO client.example").contains("250-PRDR\r\n"));
    assert_eq!(
        d.send("MAIL FROM:<alice@example.com> PRDR"),
        "250 OK, PRDR Requested\r\n"
    );
    d.send("RCPT TO:<alice@example.com>");
    d.send("RCPT TO:<bob@example.com>");
    d.send("DATA");
    d.send("Subject: prdr");
    d.send("");
    let end = d.send(".");
    let lines: Vec<&str> = end.split("\r\n").collect();
    assert_eq!(lines[0], "353 PRDR content analysis beginning", "{end}");
    assert_eq!(lines[1], "250 PRDR R=<alice@example.com> acceptance");
    assert_eq!(lines[2], "250 PRDR R=<bob@example.com> acceptance");
    assert!(lines[3].starts_with("250 OK id="), "{end}");
    assert_eq!(d.server.mailbox().len(), 1);
    // Recorded: 16000 octets are a command; 16500 give two 500s (the line, then its rest).
    assert_eq!(d.send(&format!("NOOP {}", "x".repeat(15993))), "250 OK\r\n");
    assert_eq!(
        d.send(&format!("NOOP {}", "x".repeat(16493))),
        "500 unrecognized command\r\n500 unrecognized command\r\n"
    );
    assert_eq!(d.send("NOOP"), "250 OK\r\n");
}

#[test]
fn every_profile_is_listed_and_named_in_both_languages() {
    use smtp_trainer::i18n::Lang;
    assert_eq!(Profile::from_id("rfc5321"), Some(Profile::Rfc5321));
    for profile in Profile::ALL {
        assert_eq!(Profile::from_id(profile.id()), Some(profile));
        let (en, zh) = (profile.label().get(Lang::En), profile.label().get(Lang::Zh));
        assert!(!en.is_empty() && !zh.is_empty(), "{profile:?}");
    }
    assert_eq!(
        Profile::Rfc5321.label().get(Lang::Zh),
        "RFC 5321 严格模式（标准本身）"
    );
}

/// A PLAIN response that decodes but is no PLAIN message (an empty password, which RFC 4616's
/// `passwd = 1*SAFE` does not allow, as Postfix's client sent it for an entry `user:` in
/// scripts/record-postfix-client-sasl.sh) is malformed, not undecodable: the RFC profile, and
/// the profiles that borrow its reply, said "Cannot Base64-decode" to base64 that decoded.
#[test]
fn a_decodable_but_malformed_plain_response_is_not_called_undecodable() {
    for profile in [Profile::Rfc5321, Profile::Gmail] {
        let mut d = Dialog::new(config(profile));
        d.send("EHLO client.example");
        if profile == Profile::Gmail {
            d.send("STARTTLS");
            d.send("EHLO client.example");
        }
        // base64 of "\0alice@example.com\0": no password.
        let reply = d.send("AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAA==");
        assert_eq!(
            reply, "501 5.5.2 Malformed authentication response\r\n",
            "{profile:?}"
        );
        assert_eq!(d.situation(), Situation::AuthMalformed);
        let reply = d.send("AUTH PLAIN not*base64");
        assert_eq!(
            reply, "501 5.5.2 Cannot Base64-decode client response\r\n",
            "{profile:?}"
        );
    }
}
