//! Every page's state round-trips through a link's payload (issue 14): share → decode → the
//! same state, with the password when it is ticked, and without it the same state minus the
//! secrets, each counted.

use smtp_trainer::mime::{Charset, TransferEncoding};
use smtp_trainer::sasl::verify::Mechanism;
use smtp_trainer::share::pages::{
    is_auth_line, open, payload, AnalyzeShare, AuthShare, ComposeShare, ConsoleShare, Shared,
    VerifyShare,
};
use smtp_trainer::share::{decode_text, Line, Page, ShareError};
use smtp_trainer::smtp::client::Security;
use smtp_trainer::smtp::profile::Profile;
use smtp_trainer::smtp::server::{Fault, FaultMode, ServerConfig};

fn round_trip<T: Shared + PartialEq + std::fmt::Debug>(state: &T, secrets: bool) -> (T, usize) {
    let text = payload(state, secrets);
    open::<T>(&text).unwrap_or_else(|e| panic!("{:?} reopens: {e:?}", T::PAGE))
}

fn line(text: &str) -> Line {
    Line {
        text: text.into(),
        secret: is_auth_line(text, false),
    }
}

fn console() -> ConsoleShare {
    let mut policies = ServerConfig::new(Profile::Sendmail).policies;
    policies.require_auth = true;
    policies.sasl_daemon_down = true;
    policies.max_message_size = 1234;
    policies.fault = Some(Fault {
        code: 451,
        mode: FaultMode::Share {
            percent: 20,
            seed: 0xdead_beef_1234,
        },
    });
    let mut lines = vec![line("EHLO learner.example"), line("AUTH LOGIN")];
    for answer in ["YWxpY2VAZXhhbXBsZS5jb20=", "c2VjcmV0"] {
        lines.push(Line {
            text: answer.into(),
            secret: is_auth_line(answer, true),
        });
    }
    lines.extend(
        [
            "MAIL FROM:<alice@example.com>",
            "RCPT TO:<bob@example.com>",
            "DATA",
            "Subject: 你好 \"quoted\" \\ back",
            "",
            ".",
            "QUIT",
        ]
        .map(line),
    );
    // The learner switched saslauthd back on before MAIL (line 4), and VRFY on at the end.
    let mut up = policies.clone();
    up.sasl_daemon_down = false;
    let mut vrfy = up.clone();
    vrfy.vrfy_allowed = true;
    let changes = vec![(4, up), (lines.len(), vrfy)];
    ConsoleShare {
        profile: Profile::Sendmail,
        policies,
        changes,
        lines,
    }
}

#[test]
fn the_console_session_round_trips_with_its_auth_exchange_when_ticked() {
    let state = console();
    assert_eq!(state.lines.iter().filter(|l| l.secret).count(), 3);
    assert_eq!(round_trip(&state, true), (state, 0));
}

#[test]
fn without_the_password_the_console_link_lacks_the_whole_auth_exchange() {
    let state = console();
    let text = payload(&state, false);
    let plain = decode_text(&text).expect("decodes");
    assert!(
        !plain.contains("c2VjcmV0") && !plain.contains("AUTH"),
        "{plain}"
    );
    let (back, left_out) = open::<ConsoleShare>(&text).expect("reopens");
    // The three AUTH lines before MAIL are gone, so the changes move up by three.
    let lines: Vec<Line> = state.lines.iter().filter(|l| !l.secret).cloned().collect();
    let changes = vec![
        (1, state.changes[0].1.clone()),
        (lines.len(), state.changes[1].1.clone()),
    ];
    assert_eq!(lines[1].text, "MAIL FROM:<alice@example.com>");
    let expected = ConsoleShare {
        lines,
        changes,
        ..state
    };
    assert_eq!((back, left_out), (expected, 3));
}

#[test]
fn a_console_link_with_a_change_past_its_lines_is_damaged() {
    let state = console();
    let plain = decode_text(&payload(&state, true)).expect("decodes");
    let at = format!("change1_at = \"{}\"", state.lines.len());
    assert!(plain.contains(&at), "{plain}");
    let past = format!("change1_at = \"{}\"", state.lines.len() + 1);
    let damaged = smtp_trainer::share::encode_text(&plain.replace(&at, &past));
    assert_eq!(open::<ConsoleShare>(&damaged), Err(ShareError::Damaged));
    // And one that is not a number.
    let damaged = smtp_trainer::share::encode_text(&plain.replace(&at, "change1_at = \"x\""));
    assert_eq!(open::<ConsoleShare>(&damaged), Err(ShareError::Damaged));
}

#[test]
fn a_console_line_is_auth_when_it_is_the_command_or_an_answer() {
    assert!(is_auth_line("AUTH PLAIN AGFsaWNlAHNlY3JldA==", false));
    assert!(is_auth_line("auth login", false));
    assert!(is_auth_line("c2VjcmV0", true));
    assert!(!is_auth_line("AUTHOR", false));
    assert!(!is_auth_line("EHLO x", false));
    // A multi-byte first character is not a crash.
    assert!(!is_auth_line("你好你好", false));
}

#[test]
fn the_auth_stepper_round_trips_and_its_password_and_token_stay_out_unless_ticked() {
    let state = AuthShare {
        mechanism: "digest-md5".into(),
        inputs: vec![
            ("user".into(), "chris".into()),
            ("password".into(), "secret".into()),
            ("realm".into(), "elwood.innosoft.com".into()),
            ("challenge".into(), "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\",qop=\"auth\",algorithm=md5-sess,charset=utf-8".into()),
            ("token".into(), "ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg".into()),
        ],
        step: 4,
    };
    assert_eq!(round_trip(&state, true), (state.clone(), 0));
    let expected = AuthShare {
        inputs: state
            .inputs
            .iter()
            .filter(|(k, _)| k != "password" && k != "token")
            .cloned()
            .collect(),
        ..state.clone()
    };
    assert_eq!(round_trip(&state, false), (expected, 2));
}

#[test]
fn the_verifier_round_trips_in_both_modes() {
    let state = VerifyShare {
        mechanism: Mechanism::CramMd5,
        challenge: "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+".into(),
        response: "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw".into(),
        password: "tanstaaftanstaaf".into(),
        as_sent: true,
        transcript_mode: false,
        transcript: String::new(),
    };
    assert_eq!(round_trip(&state, true), (state.clone(), 0));
    let without = VerifyShare {
        password: String::new(),
        ..state.clone()
    };
    assert_eq!(round_trip(&state, false), (without, 1));
    let transcript = VerifyShare {
        transcript_mode: true,
        transcript: "S: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\r\nC: x\n"
            .into(),
        password: String::new(),
        ..state
    };
    assert_eq!(round_trip(&transcript, false), (transcript, 0));
}

#[test]
fn plain_and_login_values_are_passwords_and_stay_out_unless_ticked() {
    // PLAIN's response is the password in base64 (\0alice@example.com\0s3cretPass).
    let plain = VerifyShare {
        mechanism: Mechanism::Plain,
        challenge: String::new(),
        response: "AGFsaWNlQGV4YW1wbGUuY29tAHMzY3JldFBhc3M=".into(),
        password: String::new(),
        as_sent: true,
        transcript_mode: false,
        transcript: String::new(),
    };
    assert_eq!(round_trip(&plain, true), (plain.clone(), 0));
    let without = VerifyShare {
        response: String::new(),
        ..plain.clone()
    };
    assert_eq!(round_trip(&plain, false), (without, 1));
    assert!(!payload(&plain, false).is_empty());
    // A CRAM-MD5 response holds no password: it stays.
    let cram = VerifyShare {
        mechanism: Mechanism::CramMd5,
        response: "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw".into(),
        ..plain.clone()
    };
    assert_eq!(round_trip(&cram, false), (cram.clone(), 0));
    // A log or a transcript loses its PLAIN message and LOGIN's password, not the user name.
    let log = "send: 'AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHMzY3JldFBhc3M=\\r\\n'\n\
reply: b'235 2.7.0 Authentication successful\\r\\n'\n\
C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: YWxpY2U=\nS: 334 UGFzc3dvcmQ6\nC: czNjcmV0UGFzcw==\nS: 535 5.7.8 no\n";
    let state = AnalyzeShare {
        log: log.into(),
        password: String::new(),
    };
    let (opened, left_out) = round_trip(&state, false);
    assert_eq!(left_out, 2, "{}", opened.log);
    assert!(
        !opened
            .log
            .contains("AGFsaWNlQGV4YW1wbGUuY29tAHMzY3JldFBhc3M="),
        "{}",
        opened.log
    );
    assert!(!opened.log.contains("czNjcmV0UGFzcw=="), "{}", opened.log);
    assert!(opened.log.contains("C: YWxpY2U=") && opened.log.contains("[password-left-out]"));
    assert_eq!(round_trip(&state, true), (state.clone(), 0));
    let transcript = VerifyShare {
        transcript_mode: true,
        transcript: log.into(),
        ..plain
    };
    let (opened, left_out) = round_trip(&transcript, false);
    assert_eq!(left_out, 3);
    assert!(!opened.transcript.contains("czNjcmV0UGFzcw=="));
}

#[test]
fn the_analyzer_round_trips_a_long_log() {
    let state = AnalyzeShare {
        log: "Sent: EHLO x\nGot: 250 ok\nSent: AUTH LOGIN\nGot: 334 VXNlcm5hbWU6\n".repeat(300),
        password: "ARsanbbsql60595".into(),
    };
    assert_eq!(round_trip(&state, true), (state.clone(), 0));
    let without = AnalyzeShare {
        password: String::new(),
        ..state.clone()
    };
    assert_eq!(round_trip(&state, false), (without, 1));
}

fn compose() -> ComposeShare {
    let profile = Profile::Coremail163;
    ComposeShare {
        from: "DokuWiki <noreply@163.com>".into(),
        to: "张三 <sunnogo@163.com>".into(),
        cc: "carol@example.com".into(),
        bcc: "dave@example.com".into(),
        reply_to: String::new(),
        subject: "测试邮件".into(),
        text: "line 1\r\nline 2\n.\n".into(),
        charset: Charset::Gb18030,
        encoding: Some(TransferEncoding::QuotedPrintable),
        html_on: true,
        html: "<p>hi</p>".into(),
        attachments: vec!["report.pdf".into(), "照片.jpg".into()],
        profile,
        policies: ServerConfig::new(profile).policies,
        fault: "first-451".into(),
        host: "smtp.163.com".into(),
        port: "25".into(),
        security: Security::StartTls,
        user: "sunnogo@163.com".into(),
        password: "ARsanbbsql60595".into(),
        sender: "noreply@163.com".into(),
        mechanism: "LOGIN".into(),
        debug: true,
    }
}

#[test]
fn the_composer_round_trips_with_attachments_named_only() {
    let state = compose();
    assert_eq!(round_trip(&state, true), (state.clone(), 0));
    let without = ComposeShare {
        password: String::new(),
        ..state.clone()
    };
    assert_eq!(round_trip(&state, false), (without, 1));
    let plain = decode_text(&payload(&state, false)).expect("decodes");
    assert!(!plain.contains("ARsanbbsql60595"), "{plain}");
}

#[test]
fn a_link_of_another_page_or_with_an_unreadable_field_is_refused() {
    let auth = payload(&AuthShare::default(), false);
    assert_eq!(
        open::<ConsoleShare>(&auth),
        Err(ShareError::OtherPage(Page::Auth))
    );
    let bad_profile = smtp_trainer::share::encode(
        Page::Console,
        &smtp_trainer::share::Share::default().with("profile", "qmail-1978"),
        &[],
        false,
    );
    assert_eq!(open::<ConsoleShare>(&bad_profile), Err(ShareError::Damaged));
    let bad_fault = smtp_trainer::share::encode(
        Page::Console,
        &smtp_trainer::share::Share::default().with("fault", "share 451 0 1"),
        &[],
        false,
    );
    assert_eq!(open::<ConsoleShare>(&bad_fault), Err(ShareError::Damaged));
    let bad_index = smtp_trainer::share::encode(
        Page::Console,
        &smtp_trainer::share::Share::default().with("auth_lines", "7"),
        &[],
        false,
    );
    assert_eq!(open::<ConsoleShare>(&bad_index), Err(ShareError::Damaged));
}

mod never_panics {
    //! Any link text, and any state text a link could carry once inflated, opens or is
    //! refused: never a panic (a panic in the page kills it).

    use proptest::prelude::*;
    use smtp_trainer::share::encode_text;
    use smtp_trainer::share::pages::{
        open, AnalyzeShare, AuthShare, ComposeShare, ConsoleShare, VerifyShare,
    };

    fn open_all(payload: &str) {
        let _ = open::<ConsoleShare>(payload);
        let _ = open::<AuthShare>(payload);
        let _ = open::<VerifyShare>(payload);
        let _ = open::<AnalyzeShare>(payload);
        let _ = open::<ComposeShare>(payload);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_payload_text_opens_or_is_refused(input in any::<String>()) {
            open_all(&input);
            open_all(&format!("1.{input}"));
        }

        #[test]
        fn any_state_text_opens_or_is_refused(
            page in prop::sample::select(vec!["console", "auth", "verify", "analyze", "compose"]),
            key in "[a-z_-]{1,12}",
            value in any::<String>(),
            lines in prop::collection::vec(any::<String>(), 0..4),
        ) {
            let text = format!(
                "page = \"{page}\"\n{key} = {:?}\nauth_lines = \"0 1 9\"\npolicies = \"{key}\"\nfault = \"{value}\"\nlines = {lines:?}\n",
                value
            );
            open_all(&encode_text(&text));
        }
    }
}
