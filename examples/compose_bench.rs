//! How long the composer's send takes for a large message (issue 13's goal: a 10 MB message
//! composed, sent through the simulated session and parsed in at most 1 s). A measurement,
//! never a test: nothing here asserts a time.
//!
//! ```sh
//! cargo run --profile native-release --example compose_bench [MEGABYTES] [RUNS]
//! ```
//!
//! Prints each stage's time (the same [`compute`] the page's compose worker runs) and the
//! whole job's, the median of RUNS (default 10 MB, 5 runs).

use std::time::{Duration, Instant};

use smtp_trainer::compose_job::{compute, Job, JobResult, Stage};
use smtp_trainer::mime::{Attachment, Mailbox, Message};
use smtp_trainer::smtp::client::ClientSettings;
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::server::ServerConfig;

fn job(megabytes: usize) -> Job {
    // Octets that do not compress or repeat: a linear congruential generator.
    let mut state: u32 = 0x1234_5678;
    let data: Vec<u8> = (0..megabytes * 1024 * 1024)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    let mut message = Message::new(
        Mailbox::new("alice@example.com"),
        "Sat, 05 Dec 2026 08:00:00 +0000",
        "bench.1@example.com",
        "=_smtp-trainer_bench",
    )
    .subject("A large attachment")
    .text("Hi Bob,\n\nthe file is attached.\n");
    message.to = vec![Mailbox::new("bob@example.com")];
    message.cc = vec![Mailbox::new("carol@example.com")];
    message.bcc = vec![Mailbox::new("dave@example.com")];
    message.attachments = vec![Attachment::new("large.bin", data)];
    let mut config = ServerConfig::new(Profile::default());
    config.policies.max_message_size = 64 * 1024 * 1024;
    let settings = ClientSettings::new("mail.example.com", 25);
    Job::new(
        message,
        &settings,
        &config,
        "192.0.2.10",
        "learner.example",
        "Sat, 05 Dec 2026 08:00:01 +0000",
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let job = job(megabytes);
    println!("compose job: {megabytes} MB attachment (To, Cc, Bcc), {runs} runs, median");
    let mut totals = Vec::new();
    let mut stages: Vec<[Duration; 3]> = Vec::new();
    for _ in 0..runs {
        let start = Instant::now();
        let mut marks: Vec<(Stage, Instant)> = Vec::new();
        let result = compute(&job, |stage| marks.push((stage, Instant::now())));
        let end = Instant::now();
        let JobResult::Sent(sent) = result else {
            eprintln!("the job did not send: {result:?}");
            std::process::exit(1);
        };
        assert!(sent.delivered, "the bench message was not delivered");
        let at = |i: usize| marks.get(i).map_or(end, |m| m.1);
        stages.push([at(1) - at(0), at(2) - at(1), end - at(2)]);
        totals.push(end - start);
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    for (i, name) in ["composing", "sending", "reading"].iter().enumerate() {
        let times = stages.iter().map(|s| s[i]).collect();
        println!("  {name:<10} {:>8.1} ms", median(times).as_secs_f64() * 1e3);
    }
    println!(
        "  {:<10} {:>8.1} ms",
        "total",
        median(totals).as_secs_f64() * 1e3
    );
}
