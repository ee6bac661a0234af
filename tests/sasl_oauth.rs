//! XOAUTH2 (Google) and OAUTHBEARER (RFC 7628): the published examples byte for byte, the
//! decoder's and the JSON reader's errors, and property tests (no panics on any input;
//! what the builders produce decodes back to the same fields).

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use proptest::prelude::*;
use smtp_trainer::i18n::Lang;
use smtp_trainer::sasl::oauth::*;
use smtp_trainer::sasl::trace::Trace;

fn text(trace: &Trace, id: &str) -> String {
    trace.step(id).map(|s| s.text()).unwrap_or_default()
}

/// RFC 7628 §4.1: the initial client response, base64 as the RFC prints it (wrapped).
const RFC7628_4_1_BASE64: &str = concat!(
    "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhv",
    "c3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyI",
    "HZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQ",
    "EB",
);

/// RFC 7628 §4.1: the token of the example.
const RFC7628_TOKEN: &str = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";

#[test]
fn rfc7628_section4_1_initial_client_response() {
    let trace = oauthbearer(
        "user@example.com",
        Some("server.example.com"),
        Some(143),
        RFC7628_TOKEN,
    )
    .unwrap();
    assert_eq!(text(&trace, "response-base64"), RFC7628_4_1_BASE64);
    let response = &trace.step("response").unwrap().bytes;
    assert_eq!(
        response.as_slice(),
        b"n,a=user@example.com,\x01host=server.example.com\x01port=143\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\x01\x01"
    );
    // The RFC's decoded rendering, with ^A for 0x01.
    assert_eq!(
        String::from_utf8_lossy(response).replace('\u{1}', "^A"),
        "n,a=user@example.com,^Ahost=server.example.com^Aport=143^Aauth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==^A^A"
    );
    // Step::text() shows the separators.
    assert_eq!(
        text(&trace, "response"),
        "n,a=user@example.com,\\x01host=server.example.com\\x01port=143\\x01auth=Bearer vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==\\x01\\x01"
    );
}

#[test]
fn rfc7628_section4_1_every_separator_is_its_own_step() {
    let trace = oauthbearer(
        "user@example.com",
        Some("server.example.com"),
        Some(143),
        RFC7628_TOKEN,
    )
    .unwrap();
    let ids: Vec<&str> = trace.steps.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "gs2-header",
            "sep-gs2",
            "host-pair",
            "sep-host",
            "port-pair",
            "sep-port",
            "auth-pair",
            "sep-auth",
            "sep-final",
            "response",
            "response-base64"
        ]
    );
    let mut rebuilt = Vec::new();
    for step in &trace.steps {
        if step.id.starts_with("sep-") {
            assert_eq!(step.bytes, [0x01]);
            assert_eq!(step.text(), "\\x01");
            for lang in Lang::ALL {
                assert!(step.label.get(lang).contains("^A"), "{}", step.id);
                assert!(step.label.get(lang).contains("0x01"), "{}", step.id);
            }
        }
        if step.id != "response" && step.id != "response-base64" {
            rebuilt.extend_from_slice(&step.bytes);
        }
        for lang in Lang::ALL {
            assert!(!step.explain.get(lang).is_empty());
        }
    }
    assert_eq!(rebuilt, trace.step("response").unwrap().bytes);
    assert_eq!(text(&trace, "gs2-header"), "n,a=user@example.com,");
    assert_eq!(text(&trace, "port-pair"), "port=143");
    let whole = trace.step("response").unwrap().label.en;
    // Five separators, and the legend saying what ^A is.
    assert_eq!(whole.matches("^A").count(), 6, "{whole}");
}

#[test]
fn rfc7628_section4_1_decodes_into_its_fields() {
    let bytes = BASE64.decode(RFC7628_4_1_BASE64).unwrap();
    let decoded = decode_response(&bytes).unwrap();
    assert_eq!(
        decoded,
        ClientResponse {
            mechanism: Mechanism::OAuthBearer,
            user: Some("user@example.com".into()),
            host: Some("server.example.com".into()),
            port: Some(143),
            scheme: "Bearer".into(),
            token: RFC7628_TOKEN.into(),
            other: vec![],
        }
    );
}

/// RFC 7628 §4.3: the server's error challenge, and the client's lone ^A.
#[test]
fn rfc7628_section4_3_error_challenge_and_the_lone_separator() {
    let challenge = BASE64
        .decode(concat!(
            "eyJzdGF0dXMiOiJpbnZhbGlkX3Rva2VuIiwic2NvcGUiOiJleGFtcGxlX3Njb3BlIiwib3Blb",
            "mlkLWNvbmZpZ3VyYXRpb24iOiJodHRwczovL2V4YW1wbGUuY29tLy53ZWxsLWtub3duL29wZW5",
            "pZC1jb25maWd1cmF0aW9uIn0="
        ))
        .unwrap();
    let parsed = parse_error_challenge(&challenge).unwrap();
    assert_eq!(parsed.status, "invalid_token");
    assert_eq!(parsed.scope.as_deref(), Some("example_scope"));
    assert_eq!(
        parsed.openid_configuration.as_deref(),
        Some("https://example.com/.well-known/openid-configuration")
    );
    assert_eq!(parsed.schemes, None);
    let trace = explain_error_challenge(Mechanism::OAuthBearer, &challenge).unwrap();
    assert_eq!(trace.step("next-response").unwrap().bytes, [0x01]);
    assert_eq!(text(&trace, "next-response-base64"), "AQ==");
    assert!(trace.step("status").unwrap().explain.en.contains("refresh"));
    assert!(trace
        .step("next-response")
        .unwrap()
        .explain
        .en
        .contains("RFC 7628 §3.2.3"));
    assert!(trace.step("openid-configuration").is_some());
    // And the lone ^A, seen by a server, is the acknowledgement, not a login.
    assert_eq!(decode_response(b"\x01"), Err(OauthError::AbortResponse));
}

/// Google's XOAUTH2 documentation: the initial response and the error challenge.
#[test]
fn google_xoauth2_examples() {
    let trace = xoauth2(
        "someuser@example.com",
        "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg",
    )
    .unwrap();
    assert_eq!(
        text(&trace, "response-base64"),
        "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
    );
    assert_eq!(
        text(&trace, "response"),
        "user=someuser@example.com\\x01auth=Bearer ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg\\x01\\x01"
    );
    let ids: Vec<&str> = trace.steps.iter().map(|s| s.id).collect();
    assert_eq!(
        ids,
        [
            "user-pair",
            "sep-user",
            "auth-pair",
            "sep-auth",
            "sep-final",
            "response",
            "response-base64"
        ]
    );
    let decoded = decode_response(&trace.step("response").unwrap().bytes).unwrap();
    assert_eq!(decoded.mechanism, Mechanism::XOAuth2);
    assert_eq!(decoded.user.as_deref(), Some("someuser@example.com"));
    assert_eq!(
        decoded.token,
        "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg"
    );

    // Google's documented error challenge ends with a newline.
    let challenge = BASE64
        .decode("eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIG1hYyIsInNjb3BlIjoiaHR0cHM6Ly9tYWlsLmdvb2dsZS5jb20vIn0K")
        .unwrap();
    let parsed = parse_error_challenge(&challenge).unwrap();
    assert_eq!(parsed.status, "401");
    assert_eq!(parsed.schemes.as_deref(), Some("bearer mac"));
    assert_eq!(parsed.scope.as_deref(), Some("https://mail.google.com/"));

    // What Gmail's SMTP server sends for an expired token.
    let gmail = br#"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#;
    let trace = explain_error_challenge(Mechanism::XOAuth2, gmail).unwrap();
    assert_eq!(text(&trace, "status"), "400");
    assert!(trace.step("status").unwrap().explain.en.contains("Google"));
    assert_eq!(text(&trace, "schemes"), "Bearer");
    assert_eq!(trace.step("next-response").unwrap().bytes, b"");
    assert_eq!(text(&trace, "next-response-base64"), "");
}

#[test]
fn builders_refuse_what_cannot_be_laid_out() {
    assert_eq!(xoauth2("", "tok"), Err(OauthError::EmptyUser));
    assert_eq!(
        xoauth2("a\u{1}b", "tok"),
        Err(OauthError::ControlChar("user name"))
    );
    assert_eq!(xoauth2("a", "to ken"), Err(OauthError::BadToken));
    assert_eq!(xoauth2("a", "tok\n"), Err(OauthError::BadToken));
    assert_eq!(xoauth2("a", "==="), Err(OauthError::BadToken));
    assert_eq!(
        oauthbearer("a", Some("h\u{1}"), None, "tok"),
        Err(OauthError::ControlChar("host"))
    );
    assert_eq!(
        xoauth2("a", &"t".repeat(MAX_RESPONSE_LEN)),
        Err(OauthError::TooLong("client response"))
    );
    // No authzid: "n,,"; no host or port: straight to auth=.
    let trace = oauthbearer("", None, None, "tok").unwrap();
    assert_eq!(
        trace.step("response").unwrap().bytes,
        b"n,,\x01auth=Bearer tok\x01\x01"
    );
    // RFC 5801 saslname escaping of the authzid.
    let trace = oauthbearer("a,b=c", None, None, "tok").unwrap();
    assert_eq!(text(&trace, "gs2-header"), "n,a=a=2Cb=3Dc,");
    let decoded = decode_response(&trace.step("response").unwrap().bytes).unwrap();
    assert_eq!(decoded.user.as_deref(), Some("a,b=c"));
}

#[test]
fn decoder_errors() {
    let d = |b: &[u8]| decode_response(b);
    assert_eq!(d(b""), Err(OauthError::Empty));
    assert_eq!(d(b"\xff"), Err(OauthError::NotUtf8));
    assert_eq!(d(b"hello"), Err(OauthError::UnknownLayout));
    assert_eq!(
        d(b"n,,auth=Bearer t\x01\x01"),
        Err(OauthError::MissingGs2Separator)
    );
    assert_eq!(
        d(b"p=tls-unique,,\x01auth=Bearer t\x01\x01"),
        Err(OauthError::ChannelBinding)
    );
    assert_eq!(
        d(b"n,x=u,\x01auth=Bearer t\x01\x01"),
        Err(OauthError::BadGs2Header)
    );
    assert_eq!(
        d(b"n,a=u\x01auth=Bearer t\x01\x01"),
        Err(OauthError::BadGs2Header)
    );
    assert_eq!(
        d(b"n,a=u=,\x01auth=Bearer t\x01\x01"),
        Err(OauthError::BadAuthzid)
    );
    assert_eq!(
        d(b"n,,\x01auth=Bearer t\x01"),
        Err(OauthError::MissingFinalSeparator)
    );
    assert_eq!(
        d(b"n,,\x01auth=Bearer t"),
        Err(OauthError::MissingFinalSeparator)
    );
    assert_eq!(d(b"n,,\x01\x01"), Err(OauthError::MissingAuth));
    assert_eq!(
        d(b"n,,\x01auth\x01\x01"),
        Err(OauthError::BadPair("auth".into()))
    );
    assert_eq!(
        d(b"n,,\x01a1=x\x01\x01"),
        Err(OauthError::BadPair("a1=x".into()))
    );
    assert_eq!(d(b"n,,\x01auth=Bearer\x01\x01"), Err(OauthError::BadAuth));
    assert_eq!(d(b"n,,\x01auth=Bearer \x01\x01"), Err(OauthError::BadAuth));
    assert_eq!(
        d(b"n,,\x01auth=Bearer t\x00\x01\x01"),
        Err(OauthError::BadValue("auth".into()))
    );
    assert_eq!(
        d(b"n,,\x01auth=Bearer t\x01auth=Bearer u\x01\x01"),
        Err(OauthError::Duplicate("auth".into()))
    );
    assert_eq!(
        d(b"n,,\x01port=99999\x01auth=Bearer t\x01\x01"),
        Err(OauthError::BadPort("99999".into()))
    );
    assert_eq!(
        d(b"n,,\x01port=+1\x01auth=Bearer t\x01\x01"),
        Err(OauthError::BadPort("+1".into()))
    );
    assert_eq!(
        d(b"user=\x01auth=Bearer t\x01\x01"),
        Err(OauthError::MissingUser)
    );
    assert_eq!(d(b"user=u\x01\x01"), Err(OauthError::MissingAuth));
    // XOAUTH2 with the final ^A forgotten: the classic mistake.
    assert_eq!(
        d(b"user=u\x01auth=Bearer t\x01"),
        Err(OauthError::MissingFinalSeparator)
    );
    assert_eq!(
        d(&vec![b'n'; MAX_RESPONSE_LEN + 1]),
        Err(OauthError::TooLong("client response"))
    );
    // Unknown keys are kept.
    let r = d(b"n,,\x01mthd=POST\x01auth=Bearer t\x01\x01").unwrap();
    assert_eq!(r.other, [("mthd".to_string(), "POST".to_string())]);
}

#[test]
fn the_flat_json_reader() {
    assert_eq!(parse_flat_json("{}").unwrap(), []);
    assert_eq!(
        parse_flat_json(
            " { \"a\" : \"x\\\"y\\\\z\\/\\n\\u00e9\\ud83d\\ude00\" , \"n\": 400, \"t\":true } \n"
        )
        .unwrap(),
        [
            ("a".to_string(), "x\"y\\z/\né😀".to_string()),
            ("n".to_string(), "400".to_string()),
            ("t".to_string(), "true".to_string()),
        ]
    );
    // A lone surrogate becomes U+FFFD.
    assert_eq!(
        parse_flat_json("{\"a\":\"\\ud800x\"}").unwrap(),
        [("a".to_string(), "\u{fffd}x".to_string())]
    );
    assert_eq!(
        parse_flat_json("{\"a\":{}}"),
        Err(OauthError::JsonNested(5))
    );
    assert_eq!(
        parse_flat_json("{\"a\":[1]}"),
        Err(OauthError::JsonNested(5))
    );
    assert_eq!(parse_flat_json(""), Err(OauthError::JsonSyntax(0)));
    assert_eq!(
        parse_flat_json("{\"a\":\"x\"} x"),
        Err(OauthError::JsonSyntax(10))
    );
    assert_eq!(
        parse_flat_json("{\"a\" \"x\"}"),
        Err(OauthError::JsonSyntax(5))
    );
    assert_eq!(
        parse_flat_json("{\"a\":\"x\",}"),
        Err(OauthError::JsonSyntax(9))
    );
    assert_eq!(
        parse_flat_json("{\"a\":\"x"),
        Err(OauthError::JsonSyntax(7))
    );
    assert_eq!(
        parse_flat_json("{\"a\":\"\\q\"}"),
        Err(OauthError::JsonSyntax(6))
    );
    assert_eq!(
        parse_flat_json("{\"a\":\"\\u12\"}"),
        Err(OauthError::JsonSyntax(6))
    );
    assert_eq!(
        parse_flat_json("{\"a\":\"\u{1}\"}"),
        Err(OauthError::JsonSyntax(6))
    );
    assert_eq!(
        parse_flat_json(&format!("{{\"a\":\"{}\"}}", "x".repeat(MAX_JSON_LEN))),
        Err(OauthError::TooLong("error challenge"))
    );
    assert_eq!(
        parse_error_challenge(b"{\"scope\":\"x\"}"),
        Err(OauthError::MissingStatus)
    );
    assert_eq!(parse_error_challenge(b"\xff"), Err(OauthError::NotUtf8));
}

#[test]
fn every_error_is_described_in_both_languages() {
    let errors = [
        OauthError::TooLong("client response"),
        OauthError::Empty,
        OauthError::NotUtf8,
        OauthError::AbortResponse,
        OauthError::UnknownLayout,
        OauthError::BadGs2Header,
        OauthError::ChannelBinding,
        OauthError::BadAuthzid,
        OauthError::MissingGs2Separator,
        OauthError::MissingFinalSeparator,
        OauthError::BadPair("x".into()),
        OauthError::BadValue("auth".into()),
        OauthError::Duplicate("auth".into()),
        OauthError::MissingUser,
        OauthError::MissingAuth,
        OauthError::BadAuth,
        OauthError::BadPort("x".into()),
        OauthError::ControlChar("host"),
        OauthError::EmptyUser,
        OauthError::BadToken,
        OauthError::JsonSyntax(3),
        OauthError::JsonNested(3),
        OauthError::MissingStatus,
    ];
    for e in errors {
        let en = e.describe(Lang::En);
        let zh = e.describe(Lang::Zh);
        assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{e:?}");
        assert_eq!(e.to_string(), en);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_decoder_never_panics_on_any_bytes(input in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_response(&input);
        let _ = parse_error_challenge(&input);
    }

    #[test]
    fn the_decoder_never_panics_on_oauth_shaped_bytes(
        input in "(n,|y,|p=|a=|user=|auth=|host=|port=|Bearer |[a-z0-9=,. ]{0,6}|\u{1}){0,14}"
    ) {
        if let Ok(r) = decode_response(input.as_bytes()) {
            prop_assert!(!r.token.is_empty());
        }
    }

    #[test]
    fn the_json_reader_never_panics(input in any::<String>()) {
        let _ = parse_flat_json(&input);
        let _ = explain_error_challenge(Mechanism::OAuthBearer, input.as_bytes());
    }

    #[test]
    fn the_json_reader_never_panics_on_json_shaped_text(
        input in "[ {}\\[\\]:,\"\\\\a-z0-9u\u{e9}]{0,40}"
    ) {
        let _ = parse_flat_json(&input);
    }

    #[test]
    fn escaped_json_strings_round_trip(
        members in prop::collection::vec(("\\PC{0,8}", "\\PC{0,16}"), 0..5)
    ) {
        let escape = |s: &str| {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if u32::from(c) > 0xffff => {
                        let mut units = [0u16; 2];
                        for u in c.encode_utf16(&mut units) {
                            out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        };
        let body: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("{}:{}", escape(k), escape(v)))
            .collect();
        let json = format!("{{{}}}", body.join(","));
        prop_assert_eq!(parse_flat_json(&json).unwrap(), members);
    }

    #[test]
    fn what_the_builders_lay_out_decodes_back(
        user in "[^\\p{Cc}]{1,20}",
        host in proptest::option::of("[a-z0-9.-]{1,20}"),
        port in proptest::option::of(any::<u16>()),
        token in "[A-Za-z0-9._~+/-]{1,40}={0,2}",
    ) {
        let trace = oauthbearer(&user, host.as_deref(), port, &token).unwrap();
        let bytes = BASE64.decode(text(&trace, "response-base64")).unwrap();
        prop_assert_eq!(&bytes, &trace.step("response").unwrap().bytes);
        let r = decode_response(&bytes).unwrap();
        prop_assert_eq!(r.mechanism, Mechanism::OAuthBearer);
        prop_assert_eq!(r.user.as_deref(), Some(user.as_str()));
        prop_assert_eq!(r.host, host);
        prop_assert_eq!(r.port, port);
        prop_assert_eq!(r.scheme, "Bearer");
        prop_assert_eq!(&r.token, &token);

        let trace = xoauth2(&user, &token).unwrap();
        let r = decode_response(&trace.step("response").unwrap().bytes).unwrap();
        prop_assert_eq!(r.mechanism, Mechanism::XOAuth2);
        prop_assert_eq!(r.user.as_deref(), Some(user.as_str()));
        prop_assert_eq!(&r.token, &token);
    }
}
