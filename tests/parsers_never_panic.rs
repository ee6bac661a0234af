//! Property tests: the code parsers, `explain` and `search` take any input a learner can
//! type or paste without panicking, and valid codes survive a print-parse round trip.

use proptest::prelude::*;
use smtp_trainer::i18n::Lang;
use smtp_trainer::smtp::codes::{EnhancedCode, ReplyCode};
use smtp_trainer::smtp::explain::explain;
use smtp_trainer::smtp::reference::search;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_is_explained_or_refused_with_a_bounded_message(input in any::<String>()) {
        match explain(&input) {
            Ok(found) => {
                if let Some(text) = found.text {
                    prop_assert!(text.chars().count() <= 1000);
                }
            }
            Err(err) => {
                for lang in Lang::ALL {
                    prop_assert!(err.describe(lang).len() < 1000);
                }
            }
        }
        let _ = search(&input);
        let _ = ReplyCode::parse(&input);
        let _ = EnhancedCode::parse(&input);
    }

    #[test]
    fn code_shaped_text_never_panics(input in "[0-9xX.: -]{0,16}[A-Za-z ]{0,8}") {
        let _ = explain(&input);
        let _ = search(&input);
    }

    #[test]
    fn valid_reply_codes_round_trip(first in 2u16..=5, second in 0u16..=5, third in 0u16..=9) {
        let value = first * 100 + second * 10 + third;
        let code = ReplyCode::new(value).expect("valid by construction");
        prop_assert_eq!(ReplyCode::parse(&code.to_string()), Ok(code));
        let found = explain(&format!("{code} text")).expect("a reply line");
        prop_assert_eq!(found.reply.map(|r| r.code), Some(code));
    }

    #[test]
    fn valid_enhanced_codes_round_trip(
        class in prop::sample::select(vec![2u8, 4, 5]),
        subject in 0u16..=999,
        detail in 0u16..=999,
    ) {
        let code = EnhancedCode::new(class, subject, detail).expect("valid by construction");
        prop_assert_eq!(EnhancedCode::parse(&code.to_string()), Ok(code));
        let found = explain(&code.to_string()).expect("an enhanced code");
        prop_assert_eq!(found.enhanced.and_then(|e| e.code), Some(code));
    }
}

#[test]
fn a_megabyte_of_input_is_handled() {
    let big = "553 ".repeat(250_000);
    assert!(explain(&big).is_ok());
    let big = "é".repeat(500_000);
    assert!(explain(&big).is_err());
    let _ = search(&big);
}

mod server {
    use proptest::prelude::*;
    use smtp_trainer::smtp::command;
    use smtp_trainer::smtp::profile::Profile;
    use smtp_trainer::smtp::server::{Event, Server, ServerConfig, MAX_STORED};

    fn any_profile() -> impl Strategy<Value = Profile> {
        prop::sample::select(Profile::ALL.to_vec())
    }

    /// Lines that look like SMTP, so the fuzzer reaches deep states, mixed with noise.
    fn smtp_ish() -> impl Strategy<Value = Vec<u8>> {
        let line = prop_oneof![
            Just(b"EHLO x\r\n".to_vec()),
            Just(b"HELO x\r\n".to_vec()),
            Just(b"MAIL FROM:<alice@example.com>\r\n".to_vec()),
            Just(b"RCPT TO:<bob@example.com>\r\n".to_vec()),
            Just(b"DATA\r\n".to_vec()),
            Just(b".\r\n".to_vec()),
            Just(b"BDAT 5\r\n".to_vec()),
            Just(b"BDAT 3 LAST\r\n".to_vec()),
            Just(b"AUTH LOGIN\r\n".to_vec()),
            Just(b"AUTH PLAIN\r\n".to_vec()),
            Just(b"STARTTLS\r\n".to_vec()),
            Just(b"RSET\r\n".to_vec()),
            Just(b"*\r\n".to_vec()),
            prop::collection::vec(any::<u8>(), 0..80),
        ];
        prop::collection::vec(line, 0..40).prop_map(|lines| lines.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_command_line_parses_or_is_refused(line in any::<String>()) {
            let _ = command::parse(&line);
        }

        #[test]
        fn any_bytes_split_anywhere_never_panic(
            profile in any_profile(),
            input in smtp_ish(),
            cuts in prop::collection::vec(0usize..2000, 0..8),
        ) {
            let config = ServerConfig::new(profile).with_account("alice@example.com", "secret");
            let mut server = Server::new(config, "192.0.2.1", "now");
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(input.len())).collect();
            cuts.sort_unstable();
            let mut start = 0;
            for cut in cuts.into_iter().chain([input.len()]) {
                for event in server.receive(&input[start..cut]) {
                    if let Event::Reply(reply) = event {
                        let wire = reply.to_string();
                        prop_assert!(wire.ends_with("\r\n"));
                        prop_assert!(wire.len() < 4096);
                    }
                }
                start = cut;
            }
            prop_assert!(server.mailbox().len() <= MAX_STORED);
        }
    }
}

mod verifier_inputs {
    use proptest::prelude::*;
    use smtp_trainer::analyze::auth::verify_transcript;
    use smtp_trainer::sasl::verify::{read_pasted, verify_with, Mechanism, Options, MAX_INPUT};

    fn transcript_ish() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("C: AUTH CRAM-MD5".to_string()),
                Just("C: AUTH DIGEST-MD5".to_string()),
                Just("C: AUTH SCRAM-SHA-1 biwsbj11c2VyLHI9eA==".to_string()),
                Just("C: AUTH NTLM".to_string()),
                Just("C: AUTH LOGIN".to_string()),
                Just("S: 334 ".to_string()),
                Just("S: 235 ok".to_string()),
                Just("S: 535 no".to_string()),
                "(C|S): [A-Za-z0-9+/= ,\"*]{0,40}",
                "334 [A-Za-z0-9+/=]{0,40}",
            ],
            0..20,
        )
        .prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn any_paste_reads_within_bounds(input in any::<String>()) {
            let pasted = read_pasted(&input);
            prop_assert!(pasted.bytes.len() <= MAX_INPUT * 4);
        }

        #[test]
        fn any_exchange_verifies_or_is_refused(
            mechanism in proptest::sample::select(Mechanism::ALL.to_vec()),
            challenge in any::<String>(),
            response in any::<String>(),
            as_sent in any::<bool>(),
        ) {
            let options = Options { as_sent, server_final: Some(challenge.clone()) };
            let _ = verify_with(mechanism, &challenge, &response, Some("pw"), &options);
        }

        #[test]
        fn any_transcript_verifies_without_panic(text in transcript_ish()) {
            let _ = verify_transcript(&text, Some("secret"));
        }
    }
}

/// Packet captures (issue 15): any bytes, bytes behind a valid pcap or pcapng header, and
/// the recorded captures with octets changed at random are read, or refused with a named
/// error, never a panic; whatever is read renders in both languages.
mod captures {
    use proptest::prelude::*;
    use smtp_trainer::capture::read;
    use smtp_trainer::i18n::Lang;

    fn check(bytes: &[u8]) {
        match read(bytes) {
            Ok(capture) => {
                for lang in Lang::ALL {
                    let _ = capture.notes(lang);
                    for stream in &capture.streams {
                        let _ = stream.transcript(lang);
                        let _ = stream.slowest();
                        for note in &stream.notes {
                            assert!(!note.describe(lang).is_empty());
                        }
                    }
                }
            }
            Err(err) => {
                for lang in Lang::ALL {
                    assert!(!err.describe(lang).is_empty());
                }
            }
        }
    }

    /// A pcap header (little-endian, microseconds) for a link type.
    fn pcap_header(linktype: u32) -> Vec<u8> {
        let mut out = vec![0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        out.extend_from_slice(&65535u32.to_le_bytes());
        out.extend_from_slice(&linktype.to_le_bytes());
        out
    }

    /// A pcapng section header and one interface of a link type (little-endian).
    fn pcapng_header(linktype: u16) -> Vec<u8> {
        let mut out = vec![
            0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0,
        ];
        out.extend_from_slice(&[0xff; 8]);
        out.extend_from_slice(&[28, 0, 0, 0]);
        out.extend_from_slice(&[1, 0, 0, 0, 20, 0, 0, 0]);
        out.extend_from_slice(&linktype.to_le_bytes());
        out.extend_from_slice(&[0, 0, 0xff, 0xff, 0, 0, 20, 0, 0, 0]);
        out
    }

    fn fixture(name: &str) -> Vec<u8> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/captures")
            .join(name);
        std::fs::read(path).expect("fixture")
    }

    #[test]
    fn the_headers_above_are_valid_so_the_bodies_are_reached() {
        let pcap = read(&pcap_header(1)).expect("pcap header");
        let pcapng = read(&pcapng_header(1)).expect("pcapng header");
        assert_eq!((pcap.packets, pcapng.packets), (0, 0));
        assert!(pcapng.ended_early.is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            check(&bytes);
        }

        #[test]
        fn any_records_behind_a_pcap_header(
            linktype in proptest::sample::select(vec![0u32, 1, 101, 108, 113, 228, 229, 276, 147]),
            body in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            let mut bytes = pcap_header(linktype);
            bytes.extend_from_slice(&body);
            check(&bytes);
        }

        #[test]
        fn any_blocks_behind_a_pcapng_header(
            linktype in proptest::sample::select(vec![0u16, 1, 101, 113, 276, 147]),
            body in proptest::collection::vec(any::<u8>(), 0..600),
        ) {
            let mut bytes = pcapng_header(linktype);
            bytes.extend_from_slice(&body);
            check(&bytes);
        }

        #[test]
        fn recorded_captures_with_octets_changed(
            name in proptest::sample::select(vec!["swaks-auth.pcap", "curl.pcapng", "smtplib-ipv6.pcap"]),
            changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
            cut in any::<prop::sample::Index>(),
        ) {
            let mut bytes = fixture(name);
            for (at, value) in changes {
                let i = at.index(bytes.len());
                bytes[i] = value;
            }
            check(&bytes);
            check(&bytes[..cut.index(bytes.len())]);
        }
    }
}

/// Scenario files (issue 14): any text is a scenario or a list of errors, each on a line of
/// the text and explained in a bounded message; a string written by `quote` reads back.
mod scenario_files {
    use proptest::prelude::*;
    use smtp_trainer::i18n::Lang;
    use smtp_trainer::lessons::scenario_file::parse_scenario;
    use smtp_trainer::lessons::toml_lite::{self, Value};

    fn judge(input: &str) {
        let lines = input.lines().count().max(1);
        if let Err(errors) = parse_scenario(input, false) {
            assert!(!errors.is_empty() && errors.len() <= 200);
            for error in errors {
                assert!(
                    error.line >= 1 && error.line <= lines,
                    "{error:?} of {lines}"
                );
                for lang in Lang::ALL {
                    assert!(error.describe(lang).len() < 400);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_text_is_a_scenario_or_errors_on_its_lines(input in any::<String>()) {
            judge(&input);
        }

        #[test]
        fn toml_shaped_text_never_panics(input in "([\\[\\]a-z_=\" #,\\\\u0-9\\n.-]|\n|é){0,300}") {
            judge(&input);
        }

        #[test]
        fn a_builtin_file_with_octets_changed_never_panics(
            file in 0usize..12,
            at in any::<prop::sample::Index>(),
            text in "[\\[\\]\"=#\\n\\\\a-z]{0,3}",
        ) {
            let original = smtp_trainer::lessons::scenarios::BUILTIN_FILES[file].1;
            let mut cut = at.index(original.len());
            while !original.is_char_boundary(cut) {
                cut -= 1;
            }
            judge(&format!("{}{}{}", &original[..cut], text, &original[cut..]));
        }

        #[test]
        fn quoted_strings_read_back(text in any::<String>()) {
            let tables = toml_lite::parse(&format!("k = {}\n", toml_lite::quote(&text)));
            let value = tables.ok().and_then(|t| t.first().and_then(|t| t.get("k")).map(|e| e.value.clone()));
            prop_assert_eq!(value, Some(Value::Str(text)));
        }
    }

    #[test]
    fn input_over_64_kb_is_refused_unread() {
        let big = "# x\n".repeat(20_000);
        let errors = parse_scenario(&big, false).err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 1);
    }
}
