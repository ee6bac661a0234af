//! `smtp-trainer auth` and `smtp-trainer verify`, run as real processes.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn auth_cram_md5_rfc2195_section2() {
    let out = run(&[
        "auth",
        "cram-md5",
        "--user",
        "tim",
        "--password",
        "tanstaaftanstaaf",
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("b913a602c7eda7a495b4e6e7334d3890"), "{text}");
    assert!(
        text.trim_end()
            .ends_with("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"),
        "{text}"
    );
    assert!(
        text.contains("K XOR ipad"),
        "every HMAC step is shown: {text}"
    );
}

#[test]
fn auth_digest_md5_rfc2831_section4_json() {
    let out = run(&[
        "auth",
        "digest-md5",
        "--user",
        "chris",
        "--password",
        "secret",
        "--cnonce",
        "OA6MHXh6VqTrRk",
        "--digest-uri",
        "imap/elwood.innosoft.com",
        "--json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let step = |id: &str| {
        json["steps"]
            .as_array()
            .and_then(|steps| steps.iter().find(|s| s["id"] == id))
            .and_then(|s| s["text"].as_str())
            .map(str::to_string)
    };
    assert_eq!(
        step("response").as_deref(),
        Some("d388dad90d4bbd760a152321f2143af7")
    );
    assert_eq!(
        step("rspauth").as_deref(),
        Some("ea40f60335c427b5527b84dbabcdfffd")
    );
    assert_eq!(json["mechanism"], "DIGEST-MD5");
}

#[test]
fn auth_plain_shows_the_nuls_and_refuses_unknown_mechanisms() {
    let out = run(&[
        "auth",
        "plain",
        "--user",
        "tim",
        "--password",
        "tanstaaftanstaaf",
    ]);
    assert!(stdout(&out).contains("␀tim␀tanstaaftanstaaf"));
    assert!(stdout(&out)
        .trim_end()
        .ends_with("AHRpbQB0YW5zdGFhZnRhbnN0YWFm"));
    let out = run(&["auth", "kerberos", "--user", "a", "--password", "b"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn verify_exit_codes_valid_invalid_usage() {
    let challenge = "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+";
    let good = "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw";
    let out = run(&[
        "verify",
        "cram-md5",
        "--challenge",
        challenge,
        "--response",
        good,
        "--password",
        "tanstaaftanstaaf",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("VALID"));

    let out = run(&[
        "verify",
        "cram-md5",
        "--challenge",
        challenge,
        "--response",
        good,
        "--password",
        "wrong",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["valid"], false);
    assert!(json["expected"].is_array());

    // Without a password: explained, not judged.
    let out = run(&[
        "verify",
        "cram-md5",
        "--challenge",
        challenge,
        "--response",
        good,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("tim"));

    let out = run(&["verify", "cram-md5", "--response", good]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing challenge is a usage error"
    );
}
