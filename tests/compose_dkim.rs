//! "Sign with DKIM" in the composer (issue 19): a message composed and signed by the
//! compose worker's own signer ([`sign_composed`] through [`compute_signed`]) goes through
//! the simulated session — dot-stuffed on the wire, un-stuffed and stamped with
//! `Received:` by the server — and what the server stored verifies with the page's DKIM
//! verifier ([`handle`]) against the demo key's record. A stored byte changed fails it.

use smtp_trainer::compose_job::{
    compute, compute_signed, DkimJob, Job, JobResult, SentView, WireKind,
};
use smtp_trainer::mime::{Attachment, Mailbox, Message};
use smtp_trainer::msgauth::has_dkim_signature;
use smtp_trainer::msgauth::page::{handle, sign_composed, DemoKeyOut, Request, Response};
use smtp_trainer::smtp::client::ClientSettings;
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::server::ServerConfig;

const NOW: &str = "Sat, 05 Dec 2026 09:00:00 +0800";

fn demo_key() -> DemoKeyOut {
    match handle(&Request::DemoKey { seed: vec![7; 32] }) {
        Response::DemoKey(Ok(key)) => key,
        other => panic!("no demo key: {other:?}"),
    }
}

fn message() -> Message {
    let mut m = Message::new(
        Mailbox::with_name("爱丽丝", "alice@example.com"),
        "Sat, 05 Dec 2026 08:59:00 +0800",
        "dkim.1@example.com",
        "=_smtp-trainer_dkim",
    )
    .subject("签名 and dots")
    // A lone dot and a leading dot: both get a second dot on the wire.
    .text("Hi Bob,\n.\n.a line with a leading dot\ntrailing spaces   \n\n\n");
    m.to = vec![Mailbox::new("bob@example.com")];
    m.cc = vec![Mailbox::new("carol@example.com")];
    m.attachments = vec![Attachment::new("notes.txt", b".x\r\n..\r\n".to_vec())];
    m
}

fn job(key: &DemoKeyOut) -> Job {
    let mut config = ServerConfig::new(Profile::Postfix);
    config.nonce_seed = 42;
    let mut settings = ClientSettings::new("mail.example.com", 25);
    settings.helo = "[192.0.2.10]".into();
    let mut job = Job::new(
        message(),
        &settings,
        &config,
        "192.0.2.10",
        "learner.example",
        NOW,
    );
    job.dkim = Some(DkimJob {
        domain: "example.com".into(),
        selector: "demo".into(),
        key: key.private.clone(),
    });
    job
}

fn sent(job: &Job) -> SentView {
    match compute_signed(job, |_| {}, &sign_composed) {
        JobResult::Sent(view) => *view,
        other => panic!("the signed job was not sent: {other:?}"),
    }
}

fn verify(message: &[u8], record: &str) -> smtp_trainer::msgauth::page::DkimVerifyOut {
    match handle(&Request::DkimVerify {
        message: String::from_utf8(message.to_vec()).expect("the stored message is UTF-8"),
        key_record: record.to_string(),
        index: 0,
        now: None,
    }) {
        Response::DkimVerify(out) => out,
        other => panic!("not a verification: {other:?}"),
    }
}

#[test]
fn what_the_composer_signed_verifies_as_the_server_stored_it() {
    let key = demo_key();
    let view = sent(&job(&key));
    assert!(view.delivered, "{:?}", view.failure);

    // The signature's steps came back with the result; its record is the demo key's.
    let dkim = view.dkim.as_ref().expect("the result shows the signature");
    assert_eq!(dkim.key_record, key.record);
    assert!(dkim.signed.is_empty(), "the message is not carried twice");
    let ids: Vec<&str> = dkim.steps.iter().map(|s| s.id.as_str()).collect();
    for id in [
        "body-canonicalized",
        "body-hash",
        "header-hash",
        "signature",
    ] {
        assert!(ids.contains(&id), "step {id} missing from {ids:?}");
    }

    // On the wire the signature is the first line, and dots were stuffed.
    let first = view.wire.rows.first().expect("the data section was sent");
    assert!(
        first.text.starts_with(
            "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.com; s=demo;"
        ),
        "{}",
        first.text
    );
    assert!(view.wire.rows.iter().any(|r| r.kind == WireKind::Stuffed));

    // The server stored it (un-stuffed, with its Received: first) and it verifies.
    let stored = view.mail.as_ref().expect("the server stored the message");
    assert!(stored.data.starts_with(b"Received: "));
    assert!(has_dkim_signature(&stored.data));
    let unstuffed: &[u8] = b"Hi Bob,\r\n.\r\n.a line with a leading dot\r\n";
    assert!(stored.data.windows(unstuffed.len()).any(|w| w == unstuffed));
    let out = verify(&stored.data, &key.record);
    assert!(
        out.pass,
        "failed at {:?}: {:?}",
        out.failed_step, out.failure
    );
    assert_eq!(out.domain.as_deref(), Some("example.com"));
    assert_eq!(out.selector.as_deref(), Some("demo"));
    assert_eq!(out.from_domain.as_deref(), Some("example.com"));

    // One body octet changed in the stored message: the body hash no longer matches.
    let mut tampered = stored.data.clone();
    let at = tampered
        .windows(7)
        .position(|w| w == b"Hi Bob,")
        .expect("the body is stored");
    tampered[at] = b'J';
    let out = verify(&tampered, &key.record);
    assert!(!out.pass);
    assert_eq!(out.failed_step.as_deref(), Some("body-hash-compare"));

    // Another key's record does not verify it either.
    let other = match handle(&Request::DemoKey { seed: vec![8; 32] }) {
        Response::DemoKey(Ok(key)) => key,
        other => panic!("no demo key: {other:?}"),
    };
    assert!(!verify(&stored.data, &other.record).pass);
}

#[test]
fn a_signed_job_survives_the_trip_to_the_worker_and_back() {
    let key = demo_key();
    let job = job(&key);
    let text = serde_json::to_string(&job).expect("the job serializes");
    let back: Job = serde_json::from_str(&text).expect("the job deserializes");
    assert_eq!(back, job);
    let result = JobResult::Sent(Box::new(sent(&back)));
    let text = serde_json::to_string(&result).expect("the result serializes");
    let again: JobResult = serde_json::from_str(&text).expect("the result deserializes");
    assert_eq!(again, result);
}

#[test]
fn without_a_signer_a_signed_job_is_refused_and_nothing_is_sent() {
    let key = demo_key();
    let result = compute(&job(&key), |_| {});
    let JobResult::Refused(why) = result else {
        panic!("the page's own compute sent a job it cannot sign: {result:?}");
    };
    assert!(why.en.contains("compose worker"), "{}", why.en);
    assert!(!why.zh.is_empty());
}

#[test]
fn a_bad_key_is_refused_before_the_session() {
    let key = demo_key();
    let mut job = job(&key);
    if let Some(dkim) = &mut job.dkim {
        dkim.key = "not base64!".into();
    }
    assert!(matches!(
        compute_signed(&job, |_| {}, &sign_composed),
        JobResult::Refused(_)
    ));
}
