//! Through the engine, per profile: how DATA ends for each SMTP-smuggling variant, the error
//! limits, the failed-AUTH and bad-recipient limits, the bound on replies to junk, and the
//! storage budget's 452. The expectations are the recordings in
//! `tests/fixtures/parity/<server>/6*-*.txt` and `70-*.txt` (Debian 12's Postfix 3.7.11,
//! Sendmail 8.17.1.9, Exim 4.96, on loopback; `scripts/record-real-servers.sh`).

use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::reply::Reply;
use smtp_trainer::smtp::server::{Event, Server, ServerConfig, REPLY_ALLOWANCE};
use smtp_trainer::smtp::why::Situation;

fn server(profile: Profile) -> Server {
    let mut config = ServerConfig::new(profile);
    config.local_domains = vec!["example.com".into()];
    let mut config = config.with_account("alice", "secret");
    // 163.com's submission server wants AUTH first; these dialogs are about other things.
    config.policies.require_auth = false;
    config.policies.sender_must_match_auth = false;
    // Gmail takes mail only inside TLS: these sessions start inside it (port 465).
    config.implicit_tls = profile.tls_first();
    config.policies.deny_relay = true;
    Server::new(config, "192.0.2.10", "Fri, 4 Dec 2026 19:00:00 +0000")
}

fn replies(events: &[Event]) -> Vec<Reply> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Reply(r) => Some(r.clone()),
            _ => None,
        })
        .collect()
}

fn last_line(reply: &Reply) -> String {
    reply
        .to_string()
        .trim_end()
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

/// The four ends of data of the SEC Consult research, each followed by a smuggled second
/// transaction and a proper `<CR><LF>.<CR><LF>`.
const VARIANTS: [(&str, &[u8]); 4] = [
    ("<LF>.<LF>", b"\n.\n"),
    ("<CR><LF>.<LF>", b"\r\n.\n"),
    ("<LF>.<CR><LF>", b"\n.\r\n"),
    ("<CR>.<CR><LF>", b"\r.\r\n"),
];

/// What a profile does with a smuggling attempt.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// The message ended at the bare-LF dot and the smuggled one was queued too.
    Smuggled,
    /// One message, the smuggled lines inside its text.
    OneMessage,
    /// Refused with this reply, the connection closed, nothing stored.
    Refused(&'static str),
}

fn attempt(profile: Profile, end: &[u8]) -> (Outcome, Server, Vec<Event>) {
    let mut s = server(profile);
    let setup = s.receive(
        b"EHLO client.example\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\n",
    );
    assert!(
        replies(&setup)
            .last()
            .is_some_and(|r| r.code.to_string() == "354"),
        "{profile:?}: {setup:?}"
    );
    let mut data = b"Subject: first\r\n\r\nfirst message".to_vec();
    data.extend_from_slice(end);
    data.extend_from_slice(b"MAIL FROM:<admin@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\nSubject: smuggled\r\n\r\nsmuggled message\r\n.\r\n");
    let events = s.receive(&data);
    let stored = events
        .iter()
        .filter(|e| matches!(e, Event::Stored(_)))
        .count();
    let outcome = if s.is_closed() {
        assert_eq!(stored, 0, "{profile:?}");
        let refusal = replies(&events).last().map(last_line).unwrap_or_default();
        Outcome::Refused(match refusal.as_str() {
            "421 4.5.0 Bare linefeed (LF) not allowed" => "LF",
            "421 4.5.0 Bare carriage return (CR) not allowed" => "CR",
            other => panic!("{profile:?}: {other}"),
        })
    } else if stored == 2 {
        Outcome::Smuggled
    } else {
        assert_eq!(stored, 1, "{profile:?}: {events:?}");
        let text = String::from_utf8_lossy(&s.mailbox()[0].data).into_owned();
        assert!(text.contains("MAIL FROM:<admin@example.com>"), "{text}");
        Outcome::OneMessage
    };
    (outcome, s, events)
}

#[test]
fn postfix_3_7_as_debian_ships_it_is_smuggled_through_every_bare_lf_variant() {
    for (name, end) in VARIANTS {
        let (outcome, s, events) = attempt(Profile::Postfix, end);
        let want = if name == "<CR>.<CR><LF>" {
            Outcome::OneMessage
        } else {
            Outcome::Smuggled
        };
        assert_eq!(outcome, want, "Postfix, {name}");
        if want == Outcome::Smuggled {
            let situations: Vec<Situation> =
                replies(&events).iter().map(|r| r.why.situation).collect();
            assert_eq!(
                situations,
                [
                    Situation::QueuedAtBareLf,
                    Situation::MailOk,
                    Situation::RcptOk,
                    Situation::DataGo,
                    Situation::Queued
                ],
                "Postfix, {name}"
            );
            assert_eq!(s.mailbox()[1].from, "admin@example.com");
        }
    }
}

#[test]
fn sendmail_8_17_refuses_a_bare_lf_or_cr_in_the_text_and_hangs_up() {
    for (name, end) in VARIANTS {
        let (outcome, _, _) = attempt(Profile::Sendmail, end);
        let want = if name == "<CR>.<CR><LF>" { "CR" } else { "LF" };
        assert_eq!(outcome, Outcome::Refused(want), "Sendmail, {name}");
    }
}

#[test]
fn exim_4_96_and_rfc5321_end_data_only_at_crlf_dot_crlf() {
    for profile in [Profile::Exim, Profile::Rfc5321] {
        for (name, end) in VARIANTS {
            let (outcome, _, _) = attempt(profile, end);
            assert_eq!(outcome, Outcome::OneMessage, "{profile:?}, {name}");
        }
    }
}

#[test]
fn every_variant_is_reported_as_a_smuggling_attempt() {
    for profile in Profile::ALL {
        // Sendmail refuses the first bare LF or CR, before any dot: nothing to report.
        let refuses = profile == Profile::Sendmail;
        for (name, end) in VARIANTS.iter().filter(|_| !refuses) {
            let (_, mut s, _) = attempt(profile, end);
            let name = *name;
            assert!(s.take_smuggling_attempts() >= 1, "{profile:?}, {name}");
            assert_eq!(s.take_smuggling_attempts(), 0);
        }
        // An honest message is no attempt.
        let mut s = server(profile);
        s.receive(b"EHLO c\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\nSubject: x\r\n\r\n.. a dot\r\n.\r\n");
        assert_eq!(s.take_smuggling_attempts(), 0, "{profile:?}");
    }
}

#[test]
fn postfix_answers_20_errors_and_the_21st_command_gets_421() {
    let mut s = server(Profile::Postfix);
    s.receive(b"EHLO client.example\r\n");
    // Refused recipients and failed AUTHs count as unknown commands do (recorded).
    let mut input = Vec::new();
    for _ in 0..8 {
        input.extend_from_slice(b"FOO\r\n");
    }
    for _ in 0..6 {
        input.extend_from_slice(b"AUTH PLAIN AGFsaWNlAHdyb25n\r\n");
    }
    input.extend_from_slice(b"MAIL FROM:<alice@example.com>\r\n");
    for _ in 0..6 {
        input.extend_from_slice(b"RCPT TO:<x@elsewhere.test>\r\n");
    }
    input.extend_from_slice(b"NOOP\r\n");
    let events = s.receive(&input);
    let got = replies(&events);
    assert_eq!(got.len(), 22);
    assert_eq!(s.errors(), 20);
    assert_eq!(
        last_line(&got[21]),
        "421 4.7.0 mail.example.com Error: too many errors"
    );
    assert!(s.is_closed());
    // From the 10th error on every reply waits (smtpd_error_sleep_time): the 10th to the
    // 20th error replies, and the 250 to MAIL among them.
    assert_eq!(s.take_delayed_replies(), 12);
}

#[test]
fn sendmail_closes_at_the_26th_unknown_command_only() {
    let mut s = server(Profile::Sendmail);
    s.receive(b"EHLO client.example\r\n");
    let mut input = Vec::new();
    for _ in 0..25 {
        input.extend_from_slice(b"FOO\r\nNOOP\r\n");
    }
    let got = replies(&s.receive(&input));
    assert_eq!(got.len(), 50);
    assert!(!s.is_closed(), "25 unknown commands are answered");
    let got = replies(&s.receive(b"\r\n"));
    assert_eq!(
        last_line(&got[0]),
        "421 4.7.0 mail.example.com Too many bad commands; closing connection"
    );
    assert!(s.is_closed());
}

#[test]
fn exim_closes_at_the_4th_unknown_command() {
    let mut s = server(Profile::Exim);
    let got = replies(&s.receive(b"EHLO c\r\nFOO\r\nBAR\r\nBAZ\r\nQUX\r\nNOOP\r\n"));
    let lines: Vec<String> = got.iter().map(last_line).collect();
    assert_eq!(
        lines[1..],
        [
            "500 unrecognized command",
            "500 unrecognized command",
            "500 unrecognized command",
            "500 Too many unrecognized commands"
        ]
    );
    assert!(s.is_closed());
}

#[test]
fn exim_hangs_up_at_the_12th_auth_after_11_failures() {
    let mut s = server(Profile::Exim);
    s.receive(b"EHLO client.example\r\n");
    for _ in 0..11 {
        let got = replies(&s.receive(b"AUTH PLAIN AGFsaWNlAHdyb25n\r\n"));
        assert_eq!(last_line(&got[0]), "535 Incorrect authentication data");
    }
    // Even the right password is not tried any more.
    let got = replies(&s.receive(b"AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n"));
    assert_eq!(last_line(&got[0]), "554 Too many nonmail commands");
    assert_eq!(got[0].why.situation, Situation::TooManyAuthFailures);
    assert!(s.is_closed());
}

#[test]
fn exim_refuses_every_recipient_after_ten_bad_ones() {
    let mut s = server(Profile::Exim);
    s.receive(b"EHLO client.example\r\nMAIL FROM:<alice@example.com>\r\n");
    let mut input = Vec::new();
    for _ in 0..10 {
        input.extend_from_slice(b"RCPT TO:<x@elsewhere.test>\r\n");
    }
    let got = replies(&s.receive(&input));
    assert!(got
        .iter()
        .all(|r| last_line(r) == "550 relay not permitted"));
    let got = replies(&s.receive(b"RCPT TO:<alice@example.com>\r\nNOOP\r\n"));
    assert_eq!(
        last_line(&got[0]),
        "550 Rejected for too many bad recipients"
    );
    assert_eq!(last_line(&got[1]), "250 OK");
    assert!(!s.is_closed());
}

/// Issue 11: 1 MB of bare LFs gave 43 MB of replies. In every profile the replies now stay
/// within the input plus [`REPLY_ALLOWANCE`], with or without error limits.
#[test]
fn replies_to_junk_never_outgrow_it_in_any_profile() {
    for profile in Profile::ALL {
        for junk in [&b"\n"[..], b"\r\n", b"\x00\xff junk\r\n", b"X\n"] {
            let mut s = server(profile);
            let mut sent = 0u64;
            let mut answered = 0u64;
            // 1 MB in reads of 16 KiB, as serve reads.
            let chunk: Vec<u8> = junk.iter().copied().cycle().take(16 * 1024).collect();
            while sent < 1024 * 1024 && !s.is_closed() {
                sent += chunk.len() as u64;
                for r in replies(&s.receive(&chunk)) {
                    answered += r.to_string().len() as u64;
                }
            }
            assert!(
                answered <= sent + REPLY_ALLOWANCE + 1024,
                "{profile:?}, {junk:?}: {answered} octets of replies to {sent}"
            );
            assert!(s.is_closed(), "{profile:?}, {junk:?}: still open");
        }
    }
}

#[test]
fn a_message_without_room_gets_452_4_3_1_and_the_next_one_is_kept() {
    let mut s = server(Profile::Postfix);
    s.receive(b"EHLO c\r\nMAIL FROM:<alice@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\nSubject: big\r\n\r\n");
    s.receive(
        &b"y"
            .repeat(900)
            .into_iter()
            .chain(*b"\r\n")
            .collect::<Vec<u8>>(),
    );
    assert!(s.message_memory() >= 900);
    s.set_storage_full(true);
    assert_eq!(s.message_memory(), 0);
    let got = replies(&s.receive(b"more text\r\n.\r\n"));
    assert_eq!(last_line(&got[0]), "452 4.3.1 Insufficient system storage");
    assert!(s.mailbox().is_empty());
    s.set_storage_full(false);
    let events = s.receive(
        b"MAIL FROM:<alice@example.com>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\nSubject: small\r\n\r\nhi\r\n.\r\n",
    );
    assert!(last_line(replies(&events).last().unwrap()).starts_with("250 2.0.0 Ok: queued as "));
    assert_eq!(s.mailbox().len(), 1);
}
