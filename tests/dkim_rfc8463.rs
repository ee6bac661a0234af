//! RFC 8463 Appendix A, verbatim: the sample message signed with Ed25519 (selector
//! `brisbane`) and RSA (selector `test`), the keys it publishes (A.1 secret keys, A.2 key
//! records), the body hash 2jUSOH9N… — verified step by step, and both signatures
//! reproduced octet for octet by the signer.

use smtp_trainer::msgauth::dkim::sign::{resign, sign, PrivateKey, SignInput};
use smtp_trainer::msgauth::dkim::verify::{verify, Failure, VerifyInput};
use smtp_trainer::msgauth::dkim::Canon;

mod rfc8463;
use rfc8463::*;

fn step_text(r: &smtp_trainer::msgauth::dkim::VerifyReport, id: &str) -> String {
    r.trace.step(id).map(|s| s.text()).unwrap_or_default()
}

#[test]
fn rfc8463_appendix_a_ed25519_signature_verifies() {
    let r = verify(&VerifyInput {
        message: RFC8463_MESSAGE.as_bytes(),
        index: 0,
        key_record: ED25519_RECORD,
        now: None,
    });
    assert_eq!(r.failure, None, "{:#?}", r.trace);
    assert_eq!(r.signature_count, 2);
    assert_eq!(
        step_text(&r, "body-hash"),
        "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8="
    );
    assert_eq!(step_text(&r, "verdict"), "pass");
    assert_eq!(step_text(&r, "tag-s"), "brisbane");
}

#[test]
fn rfc8463_appendix_a_rsa_signature_verifies() {
    let r = verify(&VerifyInput {
        message: RFC8463_MESSAGE.as_bytes(),
        index: 1,
        key_record: RSA_RECORD,
        now: None,
    });
    assert_eq!(r.failure, None, "{:#?}", r.failure);
    assert_eq!(step_text(&r, "verdict"), "pass");
    // The opened signature is the expected PKCS#1 block.
    assert_eq!(
        r.trace.step("signature-check").map(|s| s.hex()),
        r.trace.step("rsa-expected").map(|s| s.hex())
    );
    // The header hash input ends with the signature field, b= emptied, no CRLF.
    let input = r.trace.step("header-hash-input").unwrap().bytes.clone();
    let input = String::from_utf8(input).unwrap();
    assert!(
        input.starts_with("from:Joe SixPack <joe@football.example.com>\r\nto:Suzie Q"),
        "{input}"
    );
    assert!(
        input.ends_with("bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=; b="),
        "{input}"
    );
}

#[test]
fn rfc8463_appendix_a_signatures_reproduce_octet_for_octet() {
    let (_, ed) = resign(
        RFC8463_MESSAGE.as_bytes(),
        0,
        &PrivateKey::Ed25519(ED25519_SEED.into()),
    )
    .unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    assert_eq!(
        b64.encode(ed),
        "/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11BusFa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw=="
    );
    let (_, rsa) = resign(
        RFC8463_MESSAGE.as_bytes(),
        1,
        &PrivateKey::Rsa(RSA_PRIVATE.into()),
    )
    .unwrap();
    assert_eq!(
        b64.encode(rsa),
        "F45dVWDfMbQDGHJFlXUNB2HKfbCeLRyhDXgFpEL8GwpsRe0IeIixNTe3DhCVlUrSjV4BwcVcOF6+FF3Zo9Rpo1tFOeS9mPYQTnGdaSGsgeefOsk2JzdA+L10TeYt9BgDfQNZtKdN1WO//KgIqXP7OdEFE4LjFYNcUxZQ4FADY+8="
    );
}

#[test]
fn rfc8463_published_keys_give_the_published_records() {
    for (key, record) in [
        (PrivateKey::Ed25519(ED25519_SEED.into()), ED25519_RECORD),
        (PrivateKey::Rsa(RSA_PRIVATE.into()), RSA_RECORD),
    ] {
        let r = sign(&SignInput {
            message: b"From: a@football.example.com\r\n\r\nhi\r\n",
            domain: "football.example.com",
            selector: "s",
            key,
            header_canon: Canon::Relaxed,
            body_canon: Canon::Relaxed,
            headers: vec![],
            timestamp: None,
            expiration: None,
        })
        .unwrap();
        assert_eq!(r.key_record, record);
    }
}

/// The classic failures, each named at its step.
#[test]
fn failures_are_named_at_their_step() {
    let unsigned = &RFC8463_MESSAGE[RFC8463_MESSAGE.find("From:").unwrap()..];
    let signed = |key: PrivateKey, hc: Canon, bc: Canon, x: Option<u64>| {
        sign(&SignInput {
            message: unsigned.as_bytes(),
            domain: "football.example.com",
            selector: "brisbane",
            key,
            header_canon: hc,
            body_canon: bc,
            headers: vec![],
            timestamp: Some(1528637909),
            expiration: x,
        })
        .unwrap()
    };
    let check = |msg: &[u8], record: &str, now: Option<u64>| {
        verify(&VerifyInput {
            message: msg,
            index: 0,
            key_record: record,
            now,
        })
    };
    let ed = || PrivateKey::Ed25519(ED25519_SEED.into());
    let rsa = || PrivateKey::Rsa(RSA_PRIVATE.into());

    // Our own signatures verify, both algorithms, every canonicalization.
    for hc in [Canon::Simple, Canon::Relaxed] {
        for bc in [Canon::Simple, Canon::Relaxed] {
            let s = signed(ed(), hc, bc, None);
            assert!(check(&s.signed, ED25519_RECORD, None).pass());
            let s = signed(rsa(), hc, bc, None);
            assert!(check(&s.signed, RSA_RECORD, None).pass());
        }
    }

    // A mailing list's footer: the prefix that was signed is found.
    let s = signed(rsa(), Canon::Relaxed, Canon::Relaxed, None);
    let mut footer = s.signed.clone();
    footer.extend_from_slice(b"--\r\nlist mailing list\r\nhttps://lists.example/\r\n");
    let r = check(&footer, RSA_RECORD, None);
    match &r.failure {
        Some(Failure::BodyHashMismatch {
            signed_octets: Some(_),
            appended,
        }) => {
            assert_eq!(
                appended,
                b"--\r\nlist mailing list\r\nhttps://lists.example/\r\n"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        r.failure.as_ref().map(|f| f.step()),
        Some("body-hash-compare")
    );

    // A header re-folded in transit under c=simple.
    let s = signed(rsa(), Canon::Simple, Canon::Simple, None);
    let text = String::from_utf8(s.signed.clone()).unwrap();
    let refolded = text.replace("Subject: Is dinner ready?", "Subject: Is dinner\r\n ready?");
    let r = check(refolded.as_bytes(), RSA_RECORD, None);
    assert_eq!(r.failure, Some(Failure::HeaderRefolded));
    let s = signed(ed(), Canon::Simple, Canon::Simple, None);
    let text = String::from_utf8(s.signed.clone()).unwrap();
    let refolded = text.replace("Subject: Is dinner ready?", "Subject: Is dinner\r\n ready?");
    assert_eq!(
        check(refolded.as_bytes(), ED25519_RECORD, None).failure,
        Some(Failure::HeaderRefolded)
    );

    // A changed header under relaxed: the key is right, the data is not.
    let s = signed(rsa(), Canon::Relaxed, Canon::Relaxed, None);
    let text = String::from_utf8(s.signed.clone()).unwrap();
    let changed = text.replace("Subject: Is dinner ready?", "Subject: Is lunch ready?");
    assert_eq!(
        check(changed.as_bytes(), RSA_RECORD, None).failure,
        Some(Failure::HeaderChanged)
    );

    // Another RSA key: the signature does not even open.
    let other = "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB";
    assert_eq!(
        check(&s.signed, other, None).failure,
        Some(Failure::KeyMismatch)
    );
    // An Ed25519 record for an RSA signature.
    assert!(matches!(
        check(&s.signed, ED25519_RECORD, None).failure,
        Some(Failure::KeyTypeMismatch { .. })
    ));
    // No record published at the selector.
    let r = check(&s.signed, "", None);
    assert_eq!(
        r.failure,
        Some(Failure::NoKeyRecord(
            "brisbane._domainkey.football.example.com".into()
        ))
    );
    assert_eq!(r.failure.map(|f| f.step()), Some("key-record"));
    // A revoked key.
    assert_eq!(
        check(&s.signed, "v=DKIM1; p=", None).failure,
        Some(Failure::KeyRevoked)
    );

    // x= in the past.
    let s = signed(
        ed(),
        Canon::Relaxed,
        Canon::Relaxed,
        Some(1528637909 + 3600),
    );
    assert!(check(&s.signed, ED25519_RECORD, Some(1528637909)).pass());
    let r = check(&s.signed, ED25519_RECORD, Some(1528637909 + 7200));
    assert_eq!(
        r.failure,
        Some(Failure::Expired {
            expiration: 1528637909 + 3600,
            now: 1528637909 + 7200
        })
    );
    assert_eq!(r.failure.map(|f| f.step()), Some("tag-x"));
}

#[test]
fn l_tag_misuse_is_explained() {
    // The RFC message's Ed25519 field with l= added cannot verify (the field changed), but
    // the body steps are about l= alone.
    let with_l = RFC8463_MESSAGE.replacen("q=dns/txt;", "q=dns/txt; l=9999;", 1);
    let r = verify(&VerifyInput {
        message: with_l.as_bytes(),
        index: 0,
        key_record: ED25519_RECORD,
        now: None,
    });
    assert!(
        matches!(r.failure, Some(Failure::BodyShorterThanL { l: 9999, .. })),
        "{:?}",
        r.failure
    );
    let with_l = RFC8463_MESSAGE.replacen("q=dns/txt;", "q=dns/txt; l=4;", 1);
    let r = verify(&VerifyInput {
        message: with_l.as_bytes(),
        index: 0,
        key_record: ED25519_RECORD,
        now: None,
    });
    assert!(r.notes.iter().any(|n| matches!(
        n,
        smtp_trainer::msgauth::dkim::verify::Note::UnsignedTail(_)
    )));
    assert_eq!(step_text(&r, "body-length"), "Hi.\\x0d");
}
