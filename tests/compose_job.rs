//! The composer's send as one job (issue 13): the job and its result survive serialization
//! (the page sends them to and from its compose worker), and the job's `compute` shows
//! exactly what the engine did — composer, client session against a fresh server, the
//! stored message read back — for a message with Cc, Bcc, attachments and AUTH.

use smtp_trainer::compose_job::{compute, Job, JobResult, RcptStatus, Row, Stage, WireKind};
use smtp_trainer::i18n::Lang;
use smtp_trainer::i18n::Text;
use smtp_trainer::mime::inspect::headline;
use smtp_trainer::mime::{data_section, inspect, Attachment, Mailbox, Message, RecipientKind};
use smtp_trainer::smtp::client::{
    run_in_memory_observed, ClientSettings, Entry, Nonces, RecipientStatus, Security, Wire,
};
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::server::{Event, Fault, FaultMode, Server, ServerConfig};

const NOW: &str = "Sat, 05 Dec 2026 09:00:00 +0800";
const IP: &str = "192.0.2.10";
const NAME: &str = "learner.example";

/// Octets of every kind: CR, LF, NUL, high bytes, lines starting with a dot.
fn octets(len: usize) -> Vec<u8> {
    let mut state: u32 = 7;
    (0..len)
        .map(|i| match i % 97 {
            0 => b'\n',
            1 => b'.',
            _ => {
                state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (state >> 24) as u8
            }
        })
        .collect()
}

fn message() -> Message {
    let mut m = Message::new(
        Mailbox::with_name("爱丽丝", "alice@example.com"),
        "Sat, 05 Dec 2026 08:59:00 +0800",
        "job.1@example.com",
        "=_smtp-trainer_job",
    )
    .subject("附件 and a report")
    .text("Hi Bob,\n.a line with a leading dot\nthe files are attached.\n");
    m.to = vec![Mailbox::new("bob@example.com")];
    m.cc = vec![Mailbox::new("carol@example.com")];
    m.bcc = vec![Mailbox::new("dave@example.com")];
    m.html = Some("<p>Hi <b>Bob</b></p>\n".into());
    m.attachments = vec![
        Attachment::new("report.pdf", octets(200_000)),
        Attachment::new("说明.txt", "一行中文\n.dot\n".as_bytes().to_vec()),
    ];
    m
}

fn settings() -> ClientSettings {
    let mut s = ClientSettings::new("mail.example.com", 587)
        .security(Security::StartTls)
        .auth("alice@example.com", "secret")
        .mechanism("SCRAM-SHA-256");
    s.helo = "[192.0.2.10]".into();
    s.nonces = Nonces {
        scram: "fyko+d2lbbFgONRv9qkxdawL".into(),
        cnonce: "OA6MHXh6VqTrRk".into(),
        ntlm_challenge: [1, 2, 3, 4, 5, 6, 7, 8],
        ntlm_timestamp: 133_000_000_000_000_000,
    };
    s
}

fn config() -> ServerConfig {
    let mut config =
        ServerConfig::new(Profile::Postfix).with_account("alice@example.com", "secret");
    config.nonce_seed = 42;
    config.policies.max_message_size = 1024 * 1024;
    config
}

fn job() -> Job {
    Job::new(message(), &settings(), &config(), IP, NAME, NOW)
}

#[test]
fn the_job_and_its_result_round_trip_through_serialization() {
    let mut config = config();
    // Every kind of fault the page can ask for survives too.
    config.policies.fault = Some(Fault {
        code: 451,
        mode: FaultMode::Share {
            percent: 30,
            seed: 0xdead_beef,
        },
    });
    config.implicit_tls = true;
    let job = Job::new(message(), &settings(), &config, IP, NAME, NOW);
    let text = serde_json::to_string(&job).expect("the job serializes");
    let back: Job = serde_json::from_str(&text).expect("the job deserializes");
    assert_eq!(back, job);
    assert_eq!(back.settings(), Ok(settings()));
    assert_eq!(back.config(), Ok(config));
    assert_eq!(back.message, message());

    let result = compute(&job, |_| {});
    let text = serde_json::to_string(&result).expect("the result serializes");
    let back: JobResult = serde_json::from_str(&text).expect("the result deserializes");
    assert_eq!(back, result);
}

#[test]
fn compute_shows_exactly_what_the_engine_did_with_cc_bcc_and_attachments() {
    let job = job();
    let mut stages = Vec::new();
    let result = compute(&job, |stage| stages.push(stage));
    assert_eq!(stages, [Stage::Composing, Stage::Sending, Stage::Reading]);
    let JobResult::Sent(view) = result else {
        panic!("the job was not sent: {result:?}");
    };

    // The engine, step by step, with the same inputs.
    let composed = message().compose().expect("the message composes");
    let mut server = Server::new(config(), IP, NOW).with_client_name(NAME);
    let mut replies = Vec::new();
    let mut stored = None;
    let outcome =
        run_in_memory_observed(
            settings(),
            &composed,
            &mut server,
            |server, wire| match wire {
                Wire::Event(Event::Reply(reply)) => replies.push(reply.clone()),
                Wire::Event(Event::Stored(i)) => stored = server.mailbox().get(*i).cloned(),
                _ => {}
            },
        );
    let stored = stored.expect("the engine's server stored the message");

    assert!(outcome.delivered && view.delivered);
    assert_eq!(view.failure, None);
    assert_eq!(
        view.accepted_line.as_deref(),
        outcome.accepted_by.as_ref().map(|r| r.last_line())
    );
    assert_eq!(view.log, outcome.log);
    assert_eq!(view.mail_from, "alice@example.com");
    assert_eq!(view.from_header, "alice@example.com");
    assert_eq!(view.login.as_deref(), Some("alice@example.com"));
    assert_eq!(view.profile, "postfix");
    assert!(view.stored);

    // The envelope: To, Cc, then the Bcc that no header names; each delivered.
    let envelope: Vec<(&str, RecipientKind)> = view
        .recipients
        .iter()
        .map(|r| (r.address.as_str(), r.kind))
        .collect();
    assert_eq!(
        envelope,
        [
            ("bob@example.com", RecipientKind::To),
            ("carol@example.com", RecipientKind::Cc),
            ("dave@example.com", RecipientKind::Bcc),
        ]
    );
    for (shown, engine) in view.recipients.iter().zip(&outcome.recipients) {
        assert_eq!(engine.status, RecipientStatus::Delivered);
        assert_eq!(shown.status, Some(RcptStatus::Delivered));
        assert_eq!(
            shown.reply,
            engine.reply.as_ref().map_or("", |r| r.last_line())
        );
    }

    // The dialog: every transcript entry in order, each reply with the server's reason.
    let mut replies = replies.iter();
    let mut rows = view.rows.iter();
    let mut entries = outcome.transcript.iter().peekable();
    while let Some(entry) = entries.next() {
        match entry {
            Entry::Got(line) => {
                let mut lines = vec![line.clone()];
                while lines
                    .last()
                    .is_some_and(|l| l.as_bytes().get(3) == Some(&b'-'))
                {
                    match entries.next() {
                        Some(Entry::Got(line)) => lines.push(line.clone()),
                        other => panic!("a reply's lines are interrupted by {other:?}"),
                    }
                }
                let reply = replies.next().expect("the server sent this reply");
                assert_eq!(reply.wire_lines(), lines);
                match rows.next() {
                    Some(Row::Reply {
                        lines: shown, why, ..
                    }) => {
                        assert_eq!(shown, &lines);
                        assert_eq!(why.as_ref(), Some(&Text::of(|l| reply.why.explain(l))));
                    }
                    other => panic!("expected the reply {lines:?}, got {other:?}"),
                }
            }
            Entry::Sent(line) => assert_eq!(rows.next(), Some(&Row::Client(line.clone()))),
            Entry::Data { octets, lines } => assert_eq!(
                rows.next(),
                Some(&Row::Data {
                    octets: *octets,
                    lines: *lines
                })
            ),
            Entry::Tls => assert_eq!(rows.next(), Some(&Row::Tls)),
            Entry::Note(note) => {
                let shown = rows.next();
                assert_eq!(shown, Some(&Row::Note(Text::of(|l| note.explain(l)))));
                if let Some(Row::Note(text)) = shown {
                    assert!(!text.en.is_empty() && !text.zh.is_empty());
                    assert_ne!(text.en, text.zh);
                }
            }
        }
    }
    assert_eq!(rows.next(), None, "no row beyond the transcript");
    assert!(view.rows.contains(&Row::Tls), "STARTTLS was simulated");

    // The SCRAM steps as the client computed them.
    let auth = view.auth.as_ref().expect("the view has the AUTH exchange");
    let engine = outcome.auth.as_ref().expect("the engine authenticated");
    assert_eq!(auth.mechanism, "SCRAM-SHA-256");
    assert!(auth.succeeded && engine.succeeded);
    assert_eq!(auth.steps.len(), engine.trace.steps.len());
    for (shown, step) in auth.steps.iter().zip(&engine.trace.steps) {
        assert_eq!(shown.id, step.id);
        assert_eq!(shown.value, step.preferred());
        assert_eq!(shown.label.get(Lang::Zh), step.label.get(Lang::Zh));
        assert_eq!(shown.explain.get(Lang::En), step.explain.get(Lang::En));
    }

    // The composer's notes, rule by rule.
    assert_eq!(view.notes.len(), composed.notes.len());
    for (shown, note) in view.notes.iter().zip(&composed.notes) {
        assert_eq!(shown.label, Text::of(|l| note.item.label(l)));
        assert_eq!(shown.wire, note.wire);
        let rules: Vec<(Text, String)> = note
            .rules
            .iter()
            .map(|r| (Text::of(|l| r.explain(l)), r.source().to_string()))
            .collect();
        assert_eq!(shown.rules, rules);
    }

    // The wire: the data section's lines, cut at the view's limit, with the true totals.
    let wire = data_section(&composed.bytes);
    let lines: Vec<&[u8]> = wire.split_inclusive(|b| *b == b'\n').collect();
    assert!(view.wire.sent);
    assert_eq!(view.wire.total, lines.len());
    assert_eq!(view.wire.octets, wire.len());
    assert!(
        view.wire.total > view.wire.rows.len(),
        "a 200 KB attachment has many lines"
    );
    for (row, line) in view.wire.rows.iter().zip(&lines) {
        let body = line.strip_suffix(b"\r\n").expect("every line ends in CRLF");
        assert_eq!(row.len, body.len());
        assert_eq!(row.ending, "␍␊");
    }
    // The delimiters shown are the lines of the message's boundaries (the alternative's
    // is derived from it, `alt-…`): `--boundary` or `--boundary--`.
    for (row, line) in view.wire.rows.iter().zip(&lines) {
        let body = &line[..line.len() - 2];
        let delimiter = [&b"--=_smtp-trainer_job"[..], b"--alt-=_smtp-trainer_job"]
            .iter()
            .any(|b| {
                body.strip_prefix(*b)
                    .is_some_and(|r| r.is_empty() || r == b"--")
            });
        assert_eq!(row.kind == WireKind::Boundary, delimiter, "{row:?}");
    }
    // Mixed, then the alternative's text, HTML and end, then the first file.
    let boundaries = view
        .wire
        .rows
        .iter()
        .filter(|r| r.kind == WireKind::Boundary)
        .count();
    assert_eq!(boundaries, 5);
    assert!(view.wire.rows.iter().any(|r| r.kind == WireKind::Stuffed));

    // The stored message: the engine's octets, read back for the mailbox.
    let mail = view
        .mail
        .as_ref()
        .expect("the view carries the stored message");
    assert_eq!(mail.data, stored.data);
    assert_eq!(mail.clone().into_stored(), stored);
    let inspected = inspect(&stored.data).expect("the stored message reads");
    assert_eq!(mail.subject, inspected.subject);
    assert_eq!(mail.subject.as_deref(), Some("附件 and a report"));
    assert_eq!(
        mail.from_header.as_deref(),
        Some("爱丽丝 <alice@example.com>")
    );
    let text = String::from_utf8_lossy(&stored.data);
    assert!(!text.contains("dave@example.com"), "Bcc is in no header");
    assert_eq!(inspected.attachments.len(), 2);
}

#[test]
fn a_message_the_composer_refuses_comes_back_in_both_languages() {
    let mut m = message();
    m.from = Mailbox::new("not an address");
    let job = Job::new(m.clone(), &settings(), &config(), IP, NAME, NOW);
    let error = m
        .compose()
        .expect_err("the composer refuses a From without @");
    let mut stages = Vec::new();
    assert_eq!(
        compute(&job, |stage| stages.push(stage)),
        JobResult::Refused(Text::of(|l| error.describe(l)))
    );
    assert_eq!(stages, [Stage::Composing]);
}

#[test]
fn headline_reads_what_inspect_reads() {
    let composed = message().compose().expect("composes").bytes;
    let cases: [&[u8]; 6] = [
        &composed,
        b"",
        b"no header here",
        b"Subject: =?UTF-8?B?5L2g5aW9?=\r\nFrom: \"Doe, John\" <j@example.com>\r\n\r\nbody\r\n",
        b"From: a@example.com\r\n\r\n",
        b"Subject: only\r\n",
    ];
    for case in cases {
        let inspected = inspect(case).ok();
        let from = inspected.as_ref().and_then(|i| {
            i.from.first().map(|m| match &m.name {
                Some(name) => format!("{name} <{}>", m.address),
                None => m.address.clone(),
            })
        });
        let subject = inspected.and_then(|i| i.subject);
        assert_eq!(
            headline(case),
            (subject, from),
            "{:?}",
            String::from_utf8_lossy(case)
        );
    }
}
