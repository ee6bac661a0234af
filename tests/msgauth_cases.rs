//! The message-authentication case studies (issue 19) through the engine, as the page's
//! worker runs them ([`smtp_trainer::msgauth::page::handle`]): each story's inputs give
//! the failing step or the verdict the story names. Nothing here is copied from the
//! engine's output: the claims are the stories'.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use smtp_trainer::msgauth::cases::{self, case, CheckKind};
use smtp_trainer::msgauth::dkim::crypto;
use smtp_trainer::msgauth::page::{
    handle, DkimVerifyOut, DmarcOut, Request, Response, SpfOut, StepState,
};

fn run_dkim(request: &Request) -> DkimVerifyOut {
    match handle(request) {
        Response::DkimVerify(out) => out,
        other => panic!("a DKIM answer, got {other:?}"),
    }
}

fn run_spf(request: &Request) -> SpfOut {
    match handle(request) {
        Response::Spf(Ok(out)) => out,
        other => panic!("an SPF evaluation, got {other:?}"),
    }
}

fn run_dmarc(request: &Request) -> DmarcOut {
    match handle(request) {
        Response::Dmarc(Ok(out)) => out,
        other => panic!("a DMARC evaluation, got {other:?}"),
    }
}

fn check(id: &str, kind: CheckKind) -> Request {
    case(id)
        .unwrap_or_else(|| panic!("case {id}"))
        .checks
        .into_iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, r)| r)
        .unwrap_or_else(|| panic!("case {id} has a {kind:?} check"))
}

#[test]
fn the_demo_record_is_the_demo_seeds_public_key() {
    let seed = crypto::ed25519_seed(cases::DEMO_SEED.trim()).expect("a 32-octet seed");
    let public = crypto::ed25519_public(&seed);
    assert_eq!(
        cases::DEMO_RECORD.trim(),
        format!("v=DKIM1; k=ed25519; p={}", BASE64.encode(public))
    );
}

#[test]
fn list_footer_fails_at_the_body_hash_and_names_the_appended_footer() {
    let out = run_dkim(&check("list-footer", CheckKind::Dkim));
    assert!(!out.pass);
    assert_eq!(out.failed_step.as_deref(), Some("body-hash-compare"));
    let failure = out.failure.expect("a failure");
    assert!(
        failure.en.contains("appended after signing"),
        "{}",
        failure.en
    );
    assert!(failure.zh.contains("页脚"), "{}", failure.zh);
    // The failing step is marked; the signature check after it is greyed, not the verdict.
    let failed: Vec<_> = out
        .steps
        .iter()
        .filter(|s| s.state == StepState::Failed)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(failed, ["body-hash-compare"]);
    let after = out.steps.iter().position(|s| s.state == StepState::After);
    let at = out.steps.iter().position(|s| s.state == StepState::Failed);
    assert!(after > at, "steps after the failure are marked after it");
}

#[test]
fn list_footer_message_without_the_footer_verifies() {
    // The story's claim: only the footer broke it. Remove exactly the footer lines (and the
    // list's headers, which are unsigned anyway) and the signature verifies.
    let footer_at = cases::LIST_MESSAGE
        .find("\r\n-- \r\n")
        .expect("the footer's separator");
    let without = format!("{}\r\n", &cases::LIST_MESSAGE[..footer_at]);
    let out = run_dkim(&Request::DkimVerify {
        message: without,
        key_record: cases::DEMO_RECORD.trim().to_string(),
        index: 0,
        now: Some(cases::CASE_NOW),
    });
    assert!(out.pass, "{:?}", out.failure);
}

#[test]
fn spf_lookups_is_a_permerror_over_the_limit_of_ten() {
    let out = run_spf(&check("spf-lookups", CheckKind::Spf));
    assert_eq!(out.result, "permerror");
    assert!(out.lookups > 10, "lookups counted: {}", out.lookups);
    let error = out.error.expect("why");
    assert!(
        error.en.contains("More than 10 DNS-querying terms"),
        "{}",
        error.en
    );
    // The include that would have matched the newsletter tool is never reached.
    assert!(
        !out.steps
            .iter()
            .any(|s| s.term.contains("203.0.113.200") && s.outcome == "match"),
        "{:#?}",
        out.steps
    );
}

#[test]
fn forwarded_fails_spf_passes_dkim_and_dmarc_passes_on_dkim() {
    let spf = run_spf(&check("forwarded", CheckKind::Spf));
    assert_eq!(spf.result, "fail");
    let dkim = run_dkim(&check("forwarded", CheckKind::Dkim));
    assert!(dkim.pass, "{:?}", dkim.failure);
    assert_eq!(dkim.domain.as_deref(), Some("example.com"));
    // The DMARC check is given exactly what the two checks above computed.
    let Request::Dmarc {
        spf_result,
        spf_domain,
        dkim: dkim_given,
        ..
    } = check("forwarded", CheckKind::Dmarc)
    else {
        panic!("a DMARC request")
    };
    assert_eq!(
        (spf_result.as_str(), spf_domain.as_str()),
        ("fail", spf.domain.as_str())
    );
    assert_eq!(
        dkim_given,
        vec![(dkim.domain.clone().unwrap_or_default(), dkim.pass)]
    );
    let dmarc = run_dmarc(&check("forwarded", CheckKind::Dmarc));
    assert_eq!(dmarc.result, "pass");
    assert!(dmarc.dkim_aligned && !dmarc.spf_aligned);
}

#[test]
fn from_not_aligned_spf_passes_for_the_wiki_and_dmarc_fails_for_163() {
    let spf = run_spf(&check("from-not-aligned", CheckKind::Spf));
    assert_eq!(
        (spf.result.as_str(), spf.domain.as_str()),
        ("pass", "wiki.example.org")
    );
    let dmarc = run_dmarc(&check("from-not-aligned", CheckKind::Dmarc));
    assert_eq!(dmarc.result, "fail");
    assert!(!dmarc.spf_aligned && !dmarc.dkim_aligned);
    assert_eq!(dmarc.disposition.as_deref(), Some("quarantine"));
}

#[test]
fn gmail_5_7_26_spf_fails_and_dmarc_rejects() {
    let spf = run_spf(&check("gmail-5-7-26", CheckKind::Spf));
    assert_eq!(
        (spf.result.as_str(), spf.domain.as_str()),
        ("fail", "shop.example")
    );
    let dmarc = run_dmarc(&check("gmail-5-7-26", CheckKind::Dmarc));
    assert_eq!(dmarc.result, "fail");
    assert_eq!(dmarc.disposition.as_deref(), Some("reject"));
}

#[test]
fn every_case_is_told_in_both_languages_and_has_checks() {
    let all = cases::cases();
    assert_eq!(all.len(), 5);
    for c in &all {
        for tr in [c.title, c.story, c.goal, c.fix] {
            assert!(!tr.en.is_empty() && !tr.zh.is_empty(), "{}", c.id);
            assert_ne!(tr.en, tr.zh, "{}", c.id);
        }
        assert!(!c.checks.is_empty(), "{}", c.id);
    }
}

#[test]
fn a_demo_key_signs_a_message_that_then_verifies() {
    let Response::DemoKey(Ok(key)) = handle(&Request::DemoKey { seed: vec![7; 32] }) else {
        panic!("a demo key")
    };
    let Response::DkimSign(Ok(signed)) = handle(&Request::DkimSign {
        message: "From: a@example.net\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nHello\r\n".into(),
        domain: "example.net".into(),
        selector: "demo".into(),
        key: key.private.clone(),
        header_relaxed: true,
        body_relaxed: true,
        timestamp: Some(1_796_000_000),
    }) else {
        panic!("a signature")
    };
    assert_eq!(signed.key_record, key.record);
    let out = run_dkim(&Request::DkimVerify {
        message: signed.signed,
        key_record: key.record,
        index: 0,
        now: Some(1_796_000_100),
    });
    assert!(out.pass, "{:?}", out.failure);
    assert!(
        handle(&Request::DemoKey { seed: vec![1; 31] })
            != handle(&Request::DemoKey { seed: vec![1; 32] })
    );
}

mod never_panics {
    use proptest::prelude::*;
    use smtp_trainer::msgauth::page::{handle, Request, Response, Text};

    fn words(t: &Text) -> bool {
        !t.en.is_empty() && !t.zh.is_empty()
    }

    proptest! {
        // What the page sends is whatever a learner typed: the worker answers every
        // request, and every error has words in both languages.
        #[test]
        fn the_worker_answers_any_input(
            message in "[ -~\r\n\t]{0,300}",
            record in "[ -~]{0,80}",
            ip in "[0-9a-f.:]{0,20}",
            name in "[a-z.]{0,20}",
            seed in prop::collection::vec(any::<u8>(), 0..40),
            index in 0usize..4,
            sample in any::<u8>(),
        ) {
            let requests = vec![
                Request::DkimVerify { message: message.clone(), key_record: record.clone(), index, now: Some(0) },
                Request::DemoKey { seed },
                Request::DkimSign {
                    message: message.clone(), domain: name.clone(), selector: name.clone(),
                    key: record.clone(), header_relaxed: index % 2 == 0, body_relaxed: index < 2,
                    timestamp: None,
                },
                Request::Spf { records: message.clone(), ip: ip.clone(), mail_from: name.clone(), helo: name.clone() },
                Request::Dmarc {
                    records: message.clone(), from_domain: name.clone(), spf_result: record.clone(),
                    spf_domain: name.clone(), dkim: vec![(name.clone(), true)], sample,
                },
                Request::Report { xml: message.clone() },
            ];
            for request in &requests {
                match handle(request) {
                    Response::DkimVerify(out) => prop_assert!(out.pass || out.failure.as_ref().is_some_and(words)),
                    Response::DemoKey(Err(e)) | Response::DkimSign(Err(e)) | Response::Spf(Err(e))
                    | Response::Dmarc(Err(e)) | Response::Report(Err(e)) => prop_assert!(words(&e)),
                    _ => {}
                }
            }
        }
    }
}
