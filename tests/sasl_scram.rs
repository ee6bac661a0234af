//! SCRAM-SHA-1 (RFC 5802) and SCRAM-SHA-256 (RFC 7677): the RFCs' examples verbatim, the
//! parsers' errors, and property tests (parsers never panic; the server accepts exactly
//! what an honest client computes and refuses any altered proof).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use proptest::prelude::*;
use smtp_trainer::i18n::Lang;
use smtp_trainer::sasl::scram::*;
use smtp_trainer::sasl::trace::Trace;

fn text(trace: &Trace, id: &str) -> String {
    trace.step(id).map(|s| s.text()).unwrap_or_default()
}

/// The step's bytes as the exact text sent (`text()` would make controls visible).
fn raw(trace: &Trace, id: &str) -> String {
    String::from_utf8(bytes(trace, id)).unwrap()
}

fn bytes(trace: &Trace, id: &str) -> Vec<u8> {
    trace.step(id).map(|s| s.bytes.clone()).unwrap_or_default()
}

/// Runs the RFC exchange on both sides and checks every wire message.
#[allow(clippy::too_many_arguments)]
fn rfc_exchange(
    hash: Hash,
    client_nonce: &str,
    server_nonce_part: &str,
    salt_b64: &str,
    client_first_want: &str,
    server_first_want: &str,
    client_final_want: &str,
    server_final_want: &str,
) {
    // Client side.
    let trace = client(hash, "user", "pencil", client_nonce, server_first_want).unwrap();
    assert_eq!(text(&trace, "client-first"), client_first_want);
    assert_eq!(
        text(&trace, "client-first-bare"),
        client_first_want.strip_prefix("n,,").unwrap()
    );
    assert_eq!(text(&trace, "channel-binding"), "biws");
    assert_eq!(text(&trace, "client-final"), client_final_want);
    assert_eq!(text(&trace, "server-final-expected"), server_final_want);
    assert_eq!(
        text(&trace, "auth-message"),
        format!(
            "{},{},{}",
            client_first_want.strip_prefix("n,,").unwrap(),
            server_first_want,
            client_final_want.rsplit_once(",p=").unwrap().0
        )
    );
    assert_eq!(
        trace.step("salted-password").unwrap().bytes.len(),
        hash.output_len()
    );
    assert_eq!(
        text(&trace, "client-final-base64"),
        BASE64.encode(client_final_want)
    );
    // Hi's first block: U1 = HMAC(password, salt || INT(1)); with i = 1 Hi is U1.
    let salt = BASE64.decode(salt_b64).unwrap();
    assert_eq!(bytes(&trace, "u1"), hash.hi(b"pencil", &salt, 1).unwrap());
    // The client accepts the server's v=, and no other.
    let mut checked = trace.clone();
    let expected = bytes(&trace, "server-signature");
    verify_server_final(&expected, server_final_want, &mut checked).unwrap();
    assert!(checked.step("server-signature-check").is_some());
    let mut wrong = trace.clone();
    assert_eq!(
        verify_server_final(
            &expected,
            &format!("v={}", BASE64.encode([0u8; 20])),
            &mut wrong
        ),
        Err(ScramError::ServerSignatureMismatch)
    );

    // Server side: from the password, the same server-first and server-final.
    let credentials = ServerCredentials::from_password(hash, "pencil", &salt, 4096).unwrap();
    let parsed = parse_client_first(client_first_want).unwrap();
    assert_eq!(parsed.user, "user");
    assert_eq!(parsed.nonce, client_nonce);
    assert_eq!(parsed.gs2_header, "n,,");
    assert_eq!(parsed.authzid, None);
    assert_eq!(
        server_first_message(&parsed, server_nonce_part, &credentials).unwrap(),
        server_first_want
    );
    let verdict = server_verify(
        &credentials,
        client_first_want,
        server_first_want,
        client_final_want,
    )
    .unwrap();
    assert!(verdict.authenticated);
    assert_eq!(verdict.server_final, server_final_want);
    assert_eq!(
        bytes(&verdict.trace, "stored-key-recomputed"),
        credentials.stored_key
    );
    assert_eq!(
        bytes(&verdict.trace, "client-key"),
        bytes(&trace, "client-key")
    );
    // The trace's StoredKey and ServerKey are what the server stores.
    assert_eq!(bytes(&trace, "stored-key"), credentials.stored_key);
    assert_eq!(bytes(&trace, "server-key"), credentials.server_key);
    // A wrong password on the server side is a refusal, not an error.
    let other = ServerCredentials::from_password(hash, "pencil2", &salt, 4096).unwrap();
    let verdict = server_verify(
        &other,
        client_first_want,
        server_first_want,
        client_final_want,
    )
    .unwrap();
    assert!(!verdict.authenticated);
    assert_eq!(verdict.server_final, "e=invalid-proof");
}

/// RFC 5802 §5: SCRAM-SHA-1, user "user", password "pencil".
#[test]
fn rfc5802_section5_example() {
    rfc_exchange(
        Hash::Sha1,
        "fyko+d2lbbFgONRv9qkxdawL",
        "3rfcNHYJY1ZVvWVs7j",
        "QSXCR+Q6sek8bf92",
        "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
        "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
        "v=rmF9pqV8S7suAoZWja4dJRkFsKQ=",
    );
}

/// RFC 7677 §3: SCRAM-SHA-256, user "user", password "pencil".
#[test]
fn rfc7677_section3_example() {
    rfc_exchange(
        Hash::Sha256,
        "rOprNGfwEbeRWgbNEkqO",
        "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
        "W22ZaJ0SNY7soEsUEjb6gQ==",
        "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
        "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=",
    );
}

/// RFC 5802 §5's messages parse into the values the RFC describes.
#[test]
fn rfc5802_section5_messages_parse() {
    let sf = parse_server_first(
        "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
    )
    .unwrap();
    assert_eq!(sf.nonce, "fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j");
    assert_eq!(sf.salt, BASE64.decode("QSXCR+Q6sek8bf92").unwrap());
    assert_eq!(sf.iterations, 4096);
    let cf = parse_client_final(
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
    )
    .unwrap();
    assert_eq!(cf.channel_binding, b"n,,");
    assert_eq!(
        cf.without_proof,
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j"
    );
    assert_eq!(cf.proof.len(), 20);
    assert_eq!(
        parse_server_final("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=").unwrap(),
        ServerFinal::Verifier(BASE64.decode("rmF9pqV8S7suAoZWja4dJRkFsKQ=").unwrap())
    );
    assert_eq!(
        parse_server_final("e=invalid-proof").unwrap(),
        ServerFinal::Error("invalid-proof".into())
    );
}

/// RFC 5802 §5.1: "," and "=" in a user name are written =2C and =3D.
#[test]
fn rfc5802_section5_1_username_escaping() {
    assert_eq!(escape_username("a,b=c"), "a=2Cb=3Dc");
    assert_eq!(unescape_username("a=2Cb=3Dc").unwrap(), "a,b=c");
    assert_eq!(unescape_username("=3D=2C"), Ok("=,".into()));
    for bad in ["a=", "a=2c", "a=3", "a=41", "a,b"] {
        assert_eq!(
            unescape_username(bad),
            Err(ScramError::BadUsernameEncoding),
            "{bad}"
        );
    }
    let trace = client_first("a,b=c", "abc").unwrap();
    assert_eq!(text(&trace, "client-first"), "n,,n=a=2Cb=3Dc,r=abc");
    let parsed = parse_client_first("n,a=ad=3Dmin,n=a=2Cb,r=abc").unwrap();
    assert_eq!(parsed.authzid.as_deref(), Some("ad=min"));
    assert_eq!(parsed.user, "a,b");
    assert_eq!(parsed.gs2_header, "n,a=ad=3Dmin,");
    assert_eq!(parsed.bare, "n=a=2Cb,r=abc");
}

/// RFC 5802 §2.2: Hi is PBKDF2-HMAC; RFC 6070's SHA-1 vectors check it and the HMAC.
#[test]
fn rfc6070_pbkdf2_hmac_sha1_vectors_and_hmac_matches_rustcrypto() {
    let hex = smtp_trainer::sasl::trace::hex;
    assert_eq!(
        hex(&Hash::Sha1.hi(b"password", b"salt", 1).unwrap()),
        "0c60c80f961f0e71f3a9b524af6012062fe037a6"
    );
    assert_eq!(
        hex(&Hash::Sha1.hi(b"password", b"salt", 4096).unwrap()),
        "4b007901b765489abead49d926f721d065a429c1"
    );
    use hmac::{Hmac, Mac};
    for key in [&b""[..], b"key", &[0xaa; 64], &[0xbb; 65], &[0xcc; 200]] {
        let data = b"The quick brown fox jumps over the lazy dog";
        let mut mac1 = Hmac::<sha1::Sha1>::new_from_slice(key).unwrap();
        mac1.update(data);
        assert_eq!(
            Hash::Sha1.hmac(key, data),
            mac1.finalize().into_bytes().to_vec()
        );
        let mut mac256 = Hmac::<sha2::Sha256>::new_from_slice(key).unwrap();
        mac256.update(data);
        assert_eq!(
            Hash::Sha256.hmac(key, data),
            mac256.finalize().into_bytes().to_vec()
        );
    }
}

#[test]
fn mechanism_names() {
    assert_eq!(Hash::from_mechanism("scram-sha-1"), Some(Hash::Sha1));
    assert_eq!(Hash::from_mechanism("SCRAM-SHA-256"), Some(Hash::Sha256));
    assert_eq!(Hash::from_mechanism("SCRAM-SHA-256-PLUS"), None);
    assert_eq!(Hash::Sha256.mechanism(), "SCRAM-SHA-256");
    assert_eq!(Hash::Sha1.output_len(), 20);
}

#[test]
fn iteration_counts_are_capped() {
    let sf = |i: &str| parse_server_first(&format!("r=abcdef,s=QSXCR+Q6sek8bf92,i={i}"));
    assert_eq!(sf("1000000").unwrap().iterations, MAX_ITERATIONS);
    assert_eq!(sf("1000001"), Err(ScramError::TooManyIterations(1_000_001)));
    assert_eq!(
        sf("99999999999999999999999999"),
        Err(ScramError::TooManyIterations(u64::MAX))
    );
    assert!(matches!(sf("0"), Err(ScramError::BadIterations(_))));
    assert!(matches!(sf("-1"), Err(ScramError::BadIterations(_))));
    assert!(matches!(sf("+5"), Err(ScramError::BadIterations(_))));
    assert!(matches!(sf(""), Err(ScramError::BadIterations(_))));
    assert_eq!(
        Hash::Sha256.hi(b"p", b"s", MAX_ITERATIONS + 1),
        Err(ScramError::TooManyIterations(u64::from(MAX_ITERATIONS) + 1))
    );
    assert_eq!(
        ServerCredentials::from_password(Hash::Sha1, "p", b"salt", 2_000_000),
        Err(ScramError::TooManyIterations(2_000_000))
    );
    // A client facing a greedy server refuses before computing anything.
    assert_eq!(
        client(
            Hash::Sha1,
            "user",
            "pencil",
            "abc",
            "r=abcdef,s=QSXCR+Q6sek8bf92,i=4000000000"
        ),
        Err(ScramError::TooManyIterations(4_000_000_000))
    );
    // Small counts work and are flagged in the explanation.
    let trace = client(
        Hash::Sha1,
        "user",
        "pencil",
        "abc",
        "r=abcdef,s=QSXCR+Q6sek8bf92,i=2",
    )
    .unwrap();
    assert!(trace
        .step("iterations")
        .unwrap()
        .explain
        .en
        .contains("4096"));
}

#[test]
fn the_client_refuses_a_bad_server_first_message() {
    let c = |sf: &str| client(Hash::Sha1, "user", "pencil", "abc", sf);
    assert_eq!(
        c("r=xyzdef,s=QSXCR+Q6sek8bf92,i=4096"),
        Err(ScramError::NonceMismatch)
    );
    assert_eq!(
        c("r=abc,s=QSXCR+Q6sek8bf92,i=4096"),
        Err(ScramError::NonceNotExtended)
    );
    assert_eq!(
        c("m=x,r=abcd,s=QSXCR+Q6sek8bf92,i=1"),
        Err(ScramError::MandatoryExtension)
    );
    assert_eq!(c("r=abcd,s=***,i=1"), Err(ScramError::BadBase64('s')));
    assert_eq!(c("r=abcd,s=,i=1"), Err(ScramError::EmptySalt));
    assert_eq!(
        c("r=abcd,s=QSXCR+Q6sek8bf92"),
        Err(ScramError::Missing('i'))
    );
    assert_eq!(
        c("s=QSXCR+Q6sek8bf92,r=abcd,i=1"),
        Err(ScramError::Expected {
            want: 'r',
            got: "s=QSXCR+Q6sek8bf92".into()
        })
    );
    assert_eq!(
        c("r=ab\u{7f}cd,s=QSXCR+Q6sek8bf92,i=1"),
        Err(ScramError::BadNonce("server nonce"))
    );
    assert_eq!(
        c(&"r".repeat(MAX_MESSAGE_LEN + 1)),
        Err(ScramError::TooLong("server-first-message"))
    );
    assert_eq!(
        client(Hash::Sha1, "", "pencil", "abc", "r=abcd,s=QQ==,i=1"),
        Err(ScramError::EmptyUser)
    );
    assert_eq!(
        client(Hash::Sha1, "user", "pencil", "a,b", "r=a,bcd,s=QQ==,i=1"),
        Err(ScramError::BadNonce("client nonce"))
    );
    // Extensions after i= are allowed and ignored.
    assert!(c("r=abcd,s=QQ==,i=1,x=ext").is_ok());
}

#[test]
fn the_server_refuses_malformed_or_mismatched_messages() {
    let salt = b"salty";
    let creds = ServerCredentials::from_password(Hash::Sha256, "pw", salt, 2).unwrap();
    let cf = "n,,n=bob,r=abc";
    let sf = format!("r=abcXYZ,s={},i=2", BASE64.encode(salt));
    let trace = client(Hash::Sha256, "bob", "pw", "abc", &sf).unwrap();
    let fin = raw(&trace, "client-final");
    assert!(server_verify(&creds, cf, &sf, &fin).unwrap().authenticated);

    let other_nonce = fin.replace("r=abcXYZ", "r=abcXYQ");
    assert_eq!(
        server_verify(&creds, cf, &sf, &other_nonce),
        Err(ScramError::FinalNonceMismatch)
    );
    let other_cb = fin.replace("c=biws", "c=eSws");
    assert_eq!(
        server_verify(&creds, cf, &sf, &other_cb),
        Err(ScramError::ChannelBindingMismatch)
    );
    assert_eq!(
        ScramError::ChannelBindingMismatch.server_error_value(),
        "channel-bindings-dont-match"
    );
    let no_proof = fin.rsplit_once(",p=").unwrap().0;
    assert_eq!(
        server_verify(&creds, cf, &sf, no_proof),
        Err(ScramError::MissingProof)
    );
    // "y,," means "I could bind but think you cannot": accepted, and c= must say "y,,".
    let y_first = "y,,n=bob,r=abc";
    assert_eq!(
        server_verify(&creds, y_first, &sf, &fin),
        Err(ScramError::ChannelBindingMismatch)
    );
    // A proof of the wrong length is a refusal.
    let short = format!("{no_proof},p={}", BASE64.encode([1u8; 5]));
    let verdict = server_verify(&creds, cf, &sf, &short).unwrap();
    assert!(!verdict.authenticated);
    assert_eq!(verdict.server_final, "e=invalid-proof");

    assert_eq!(
        parse_client_first("p=tls-unique,,n=bob,r=abc"),
        Err(ScramError::ChannelBindingUnsupported)
    );
    assert_eq!(
        parse_client_first("x,,n=bob,r=abc"),
        Err(ScramError::BadGs2Header)
    );
    assert_eq!(
        parse_client_first("n,b=x,n=bob,r=abc"),
        Err(ScramError::BadGs2Header)
    );
    assert_eq!(parse_client_first("n,,"), Err(ScramError::Missing('n')));
    assert_eq!(
        parse_client_first("n,,n=,r=abc"),
        Err(ScramError::EmptyUser)
    );
    assert_eq!(
        parse_client_first("n,,n=bob"),
        Err(ScramError::Missing('r'))
    );
    assert_eq!(
        parse_client_first("n,,m=1,n=bob,r=abc"),
        Err(ScramError::MandatoryExtension)
    );
    assert_eq!(
        parse_client_first("n,,n=b=ob,r=abc"),
        Err(ScramError::BadUsernameEncoding)
    );
    assert_eq!(
        parse_client_first("n,,n=bob,r=abc").unwrap().bare,
        "n=bob,r=abc"
    );
    assert_eq!(parse_server_final("x=1"), Err(ScramError::BadServerFinal));
    assert_eq!(parse_server_final("v=!!"), Err(ScramError::BadBase64('v')));

    let mut t = Trace::default();
    assert_eq!(
        verify_server_final(&[0; 32], "e=unknown-user", &mut t),
        Err(ScramError::ServerError("unknown-user".into()))
    );
    let parsed = parse_client_first(cf).unwrap();
    assert_eq!(
        server_first_message(&parsed, "a,b", &creds),
        Err(ScramError::BadNonce("server nonce"))
    );
}

#[test]
fn every_error_is_described_in_both_languages() {
    let errors = [
        ScramError::TooLong("server-first-message"),
        ScramError::EmptyUser,
        ScramError::BadNonce("client nonce"),
        ScramError::BadGs2Header,
        ScramError::ChannelBindingUnsupported,
        ScramError::BadUsernameEncoding,
        ScramError::MandatoryExtension,
        ScramError::Missing('s'),
        ScramError::Expected {
            want: 'r',
            got: "x".into(),
        },
        ScramError::BadBase64('s'),
        ScramError::EmptySalt,
        ScramError::BadIterations("x".into()),
        ScramError::TooManyIterations(5_000_000),
        ScramError::NonceMismatch,
        ScramError::NonceNotExtended,
        ScramError::FinalNonceMismatch,
        ScramError::ChannelBindingMismatch,
        ScramError::MissingProof,
        ScramError::BadServerFinal,
        ScramError::ServerError("other-error".into()),
        ScramError::ServerSignatureMismatch,
    ];
    for e in errors {
        let en = e.describe(Lang::En);
        let zh = e.describe(Lang::Zh);
        assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{e:?}");
        assert!(!e.server_error_value().is_empty());
        assert_eq!(e.to_string(), en);
    }
}

#[test]
fn every_step_is_labelled_and_explained_in_both_languages() {
    let trace = client(
        Hash::Sha1,
        "user",
        "pencil",
        "fyko+d2lbbFgONRv9qkxdawL",
        "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
    )
    .unwrap();
    let mut ids = std::collections::HashSet::new();
    for step in &trace.steps {
        assert!(ids.insert(step.id), "duplicate id {}", step.id);
        for lang in Lang::ALL {
            assert!(!step.label.get(lang).is_empty());
            assert!(step.explain.get(lang).contains("RFC"), "{}", step.id);
        }
    }
    assert!(trace.render(Lang::Zh).contains("ClientProof"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsers_never_panic_on_any_text(input in any::<String>()) {
        let _ = parse_client_first(&input);
        let _ = parse_server_first(&input);
        let _ = parse_client_final(&input);
        let _ = parse_server_final(&input);
        let _ = unescape_username(&input);
        let _ = client_first(&input, &input);
    }

    #[test]
    fn parsers_never_panic_on_scram_shaped_text(
        input in "([nyprscivmpe]=[A-Za-z0-9+/=,\\-]{0,12}|n|y|,|=2C|=3D|=){0,12}"
    ) {
        let _ = parse_client_first(&input);
        let _ = parse_server_first(&input);
        let _ = parse_client_final(&input);
        let _ = parse_server_final(&input);
        if let Ok(sf) = parse_server_first(&input) {
            prop_assert!(sf.iterations >= 1 && sf.iterations <= MAX_ITERATIONS);
            prop_assert!(!sf.salt.is_empty());
        }
        let creds = ServerCredentials::from_password(Hash::Sha1, "pw", b"salt", 1).unwrap();
        let _ = server_verify(&creds, &input, &input, &input);
        let _ = client(Hash::Sha1, "user", "pw", "r", &input);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_server_accepts_what_the_client_computes_and_refuses_any_changed_proof_byte(
        sha256 in any::<bool>(),
        user in "[^\\x00-\\x1f]{1,16}",
        password in "\\PC{0,24}",
        client_nonce in "[!-+\\--~]{1,24}",
        server_nonce in "[!-+\\--~]{1,24}",
        salt in prop::collection::vec(any::<u8>(), 1..24),
        iterations in 1u32..=16,
        flip_at in any::<prop::sample::Index>(),
        flip_with in 1u8..=255,
        mutate_at in any::<prop::sample::Index>(),
        mutate_to in 0x21u8..=0x7e,
    ) {
        let hash = if sha256 { Hash::Sha256 } else { Hash::Sha1 };
        let creds = ServerCredentials::from_password(hash, &password, &salt, iterations).unwrap();
        let first_trace = client_first(&user, &client_nonce).unwrap();
        let client_first_msg = raw(&first_trace, "client-first");
        let parsed = parse_client_first(&client_first_msg).unwrap();
        prop_assert_eq!(&parsed.user, &user);
        let server_first = server_first_message(&parsed, &server_nonce, &creds).unwrap();
        let trace = client(hash, &user, &password, &client_nonce, &server_first).unwrap();
        let client_final = raw(&trace, "client-final");

        let verdict = server_verify(&creds, &client_first_msg, &server_first, &client_final).unwrap();
        prop_assert!(verdict.authenticated);
        let mut checked = trace.clone();
        prop_assert_eq!(
            verify_server_final(&bytes(&trace, "server-signature"), &verdict.server_final, &mut checked),
            Ok(())
        );

        // Any single changed byte of the proof is refused.
        let fin = parse_client_final(&client_final).unwrap();
        let mut proof = fin.proof.clone();
        let at = flip_at.index(proof.len());
        proof[at] ^= flip_with;
        let forged = format!("{},p={}", fin.without_proof, BASE64.encode(&proof));
        let verdict = server_verify(&creds, &client_first_msg, &server_first, &forged).unwrap();
        prop_assert!(!verdict.authenticated);
        prop_assert_eq!(verdict.server_final, "e=invalid-proof");

        // Any single changed byte of the client-final-message is refused or rejected.
        let mut altered = client_final.clone().into_bytes();
        let at = mutate_at.index(altered.len());
        if altered[at] != mutate_to {
            altered[at] = mutate_to;
            let altered = String::from_utf8(altered).unwrap();
            if let Ok(verdict) = server_verify(&creds, &client_first_msg, &server_first, &altered) {
                prop_assert!(!verdict.authenticated, "{}", altered);
            }
        }
    }
}
