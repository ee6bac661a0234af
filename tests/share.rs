//! Shared links (issue 14): every page's state round-trips through a payload, secrets stay
//! out unless asked for, and damaged, foreign and future payloads are refused as such.

use smtp_trainer::share::{
    decode, decode_text, encode, encode_text, link, payload_of, Line, Page, Share, ShareError,
    MAX_STATE, VERSION,
};

fn line(text: &str, secret: bool) -> Line {
    Line {
        text: text.into(),
        secret,
    }
}

fn console() -> (Share, Vec<Line>) {
    let state = Share::default()
        .with("profile", "sendmail")
        .with("policies", "sasl_daemon_down require_auth")
        .with("fault", "451");
    let lines = vec![
        line("EHLO x", false),
        line("AUTH LOGIN", true),
        line("Y2FydmVu", true),
        line("Y2FydmVuMTIz", true),
        line("MAIL FROM:<carven@example.com>", false),
        line("Subject: 你好 \"quoted\" \\ back", false),
        line("", false),
    ];
    (state, lines)
}

#[test]
fn the_console_round_trips_with_the_password_when_asked() {
    let (state, lines) = console();
    let payload = encode(Page::Console, &state, &lines, true);
    assert!(payload.starts_with(&format!("{VERSION}.")));
    let back = decode(Page::Console, &payload).expect("decodes");
    assert_eq!(back.fields, state.fields);
    let texts: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
    assert_eq!(back.lines, texts);
    assert_eq!(back.left_out, 0);
}

#[test]
fn without_the_password_the_auth_exchange_is_left_out_and_counted() {
    let (state, lines) = console();
    let payload = encode(Page::Console, &state, &lines, false);
    let back = decode(Page::Console, &payload).expect("decodes");
    assert_eq!(back.left_out, 3);
    assert!(!back
        .lines
        .iter()
        .any(|l| l.contains("AUTH") || l == "Y2FydmVuMTIz"));
    assert_eq!(back.lines.len(), 4);
    // Nothing of the credential is in the payload's text.
    let text = decode_text(&payload).expect("text");
    assert!(!text.contains("Y2FydmVu"), "{text}");
}

#[test]
fn every_page_round_trips_and_passwords_stay_out_unless_ticked() {
    let cases = [
        (
            Page::Auth,
            Share::default()
                .with("mechanism", "digest-md5")
                .with("user", "chris")
                .with("password", "secret")
                .with(
                    "challenge",
                    "realm=\"elwood.innosoft.com\",nonce=\"OA6MG9tEQGm2hh\"",
                )
                .with("step", "4"),
        ),
        (
            Page::Verify,
            Share::default()
                .with("mechanism", "CRAM-MD5")
                .with(
                    "challenge",
                    "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+",
                )
                .with("response", "tim b913a602c7eda7a495b4e6e7334d3890")
                .with("password", "tanstaaftanstaaf"),
        ),
        (
            Page::Analyze,
            Share::default()
                .with("log", "Sent: EHLO x\nGot: 250 ok\n".repeat(400))
                .with("password", ""),
        ),
        (
            Page::Compose,
            Share::default()
                .with("from", "张三 <zhang@example.com>")
                .with("to", "bob@example.com")
                .with("subject", "测试")
                .with("body", "line 1\r\nline 2\n")
                .with("token", "ya29.vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg")
                .with("auth_password", "hunter2"),
        ),
    ];
    for (page, state) in cases {
        let attachments = [line("report.pdf", false)];
        let with = decode(page, &encode(page, &state, &attachments, true)).expect("with");
        assert_eq!(with.fields, state.fields, "{page:?}");
        assert_eq!(with.lines, vec!["report.pdf".to_string()]);
        let without = decode(page, &encode(page, &state, &attachments, false)).expect("without");
        let secrets = state
            .fields
            .iter()
            .filter(|(k, v)| smtp_trainer::share::is_secret(k) && !v.is_empty())
            .count();
        assert_eq!(without.left_out, secrets, "{page:?}");
        assert!(without
            .fields
            .iter()
            .all(|(k, v)| !smtp_trainer::share::is_secret(k) || v.is_empty()));
        assert_eq!(without.fields.len() + secrets, state.fields.len());
    }
}

#[test]
fn a_long_log_is_compressed() {
    let log = "Sent: EHLO x\nGot: 250 ok\n".repeat(400);
    let payload = encode(
        Page::Analyze,
        &Share::default().with("log", log.as_str()),
        &[],
        false,
    );
    assert!(
        payload.len() * 10 < log.len(),
        "{} vs {}",
        payload.len(),
        log.len()
    );
}

#[test]
fn a_future_version_is_named_and_a_damaged_payload_refused() {
    let payload = encode_text("page = \"console\"\n");
    let future = payload.replacen("1.", "2.", 1);
    assert_eq!(decode(Page::Console, &future), Err(ShareError::Future(2)));
    assert_eq!(decode(Page::Console, "1.%%%"), Err(ShareError::Damaged));
    assert_eq!(decode(Page::Console, ""), Err(ShareError::Damaged));
    assert_eq!(decode(Page::Console, "abc"), Err(ShareError::Damaged));
    assert_eq!(decode(Page::Console, "0.AAAA"), Err(ShareError::Damaged));
    // Cut short.
    let (state, lines) = console();
    let good = encode(Page::Console, &state, &lines, true);
    for cut in [good.len() / 2, good.len() - 3] {
        assert!(decode(Page::Console, &good[..cut]).is_err(), "cut at {cut}");
    }
    // One character changed in the middle.
    let mut bytes = good.clone().into_bytes();
    let mid = bytes.len() / 2;
    bytes[mid] = if bytes[mid] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(bytes).expect("ascii");
    assert_ne!(
        decode(Page::Console, &changed).ok(),
        decode(Page::Console, &good).ok()
    );
    // Another page's state.
    let auth = encode(
        Page::Auth,
        &Share::default().with("mechanism", "plain"),
        &[],
        false,
    );
    assert_eq!(
        decode(Page::Console, &auth),
        Err(ShareError::OtherPage(Page::Auth))
    );
    // Text that is not a state.
    assert_eq!(
        decode(Page::Console, &encode_text("not = [toml")),
        Err(ShareError::Damaged)
    );
}

#[test]
fn a_payload_inflating_past_the_limit_is_refused() {
    let huge = "x".repeat(MAX_STATE + 10);
    assert_eq!(decode_text(&encode_text(&huge)), Err(ShareError::TooLarge));
}

#[test]
fn links_carry_the_route_then_the_payload() {
    let payload = encode(
        Page::Verify,
        &Share::default().with("mechanism", "PLAIN"),
        &[],
        false,
    );
    let url = link(
        "https://trainer.example/sub/index.html#/reference",
        Page::Verify,
        &payload,
    );
    assert_eq!(
        url,
        format!("https://trainer.example/sub/index.html#/verify?s={payload}")
    );
    assert_eq!(payload_of(&url), payload);
    assert_eq!(payload_of(&format!("  {payload}\n")), payload);
    assert_eq!(payload_of(&format!("#/verify?x=1&s={payload}")), payload);
    assert!(decode(Page::Verify, payload_of(&url)).is_ok());
}
