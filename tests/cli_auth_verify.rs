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

fn final_line(out: &Output) -> String {
    stdout(out)
        .trim_end()
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn auth_scram_rfc5802_section5_and_rfc7677_section3() {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let out = run(&[
        "auth",
        "scram-sha-1",
        "--user",
        "user",
        "--password",
        "pencil",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        final_line(&out),
        b64("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")
    );
    let out = run(&[
        "auth",
        "scram-sha-256",
        "--user",
        "user",
        "--password",
        "pencil",
    ]);
    assert_eq!(
        final_line(&out),
        b64("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    );
}

#[test]
fn auth_ntlm_ms_nlmp_4_2_4_and_oauthbearer_rfc7628_4_1() {
    let out = run(&[
        "auth",
        "ntlm",
        "--user",
        "User",
        "--domain",
        "Domain",
        "--password",
        "Password",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let step = |id: &str| {
        json["steps"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["id"] == id))
            .and_then(|s| s["hex"].as_str())
            .map(str::to_string)
    };
    assert_eq!(
        step("ntowfv2").as_deref(),
        Some("0c868a403bfd7a93a3001ef22ef02e3f")
    );
    assert_eq!(
        step("nt-proof-str").as_deref(),
        Some("68cd0ab851e51c96aabc927bebef6a1c")
    );

    let out = run(&[
        "auth",
        "oauthbearer",
        "--user",
        "user@example.com",
        "--host",
        "server.example.com",
        "--port",
        "143",
        "--password",
        "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==",
    ]);
    assert_eq!(
        final_line(&out),
        "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB"
    );
}

#[test]
fn verify_scram_two_lines_and_ntlm_messages() {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
    let response = format!(
        "{}\n{}",
        b64("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"),
        b64("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=")
    );
    let challenge = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";
    let ok = run(&[
        "verify",
        "scram-sha-1",
        "--challenge",
        challenge,
        "--response",
        &response,
        "--password",
        "pencil",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}{}",
        stdout(&ok),
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = run(&[
        "verify",
        "scram-sha-1",
        "--challenge",
        challenge,
        "--response",
        &response,
        "--password",
        "pencil\n",
    ]);
    assert_eq!(bad.status.code(), Some(1));

    // NTLM: the MS-NLMP §4.2.4 CHALLENGE and the AUTHENTICATE `auth ntlm` computes for it.
    let auth = run(&[
        "auth",
        "ntlm",
        "--user",
        "User",
        "--domain",
        "Domain",
        "--password",
        "Password",
    ]);
    let authenticate = final_line(&auth);
    let challenge = run(&[
        "auth",
        "ntlm",
        "--user",
        "User",
        "--domain",
        "Domain",
        "--password",
        "Password",
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&challenge.stdout).expect("JSON");
    let challenge_b64 = json["steps"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == "challenge-message"))
        .and_then(|s| s["base64"].as_str())
        .map(str::to_string)
        .expect("the trace shows the CHALLENGE it answered");
    let ok = run(&[
        "verify",
        "ntlm",
        "--challenge",
        &challenge_b64,
        "--response",
        &authenticate,
        "--password",
        "Password",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}{}",
        stdout(&ok),
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = run(&[
        "verify",
        "ntlm",
        "--challenge",
        &challenge_b64,
        "--response",
        &authenticate,
        "--password",
        "password",
    ]);
    assert_eq!(bad.status.code(), Some(1));
}

/// Issue 9's report, verbatim: RFC 2195's digest typed decoded is valid (exit 0); only with
/// `--as-sent` is the missing base64 the mistake (exit 1).
#[test]
fn verify_cram_md5_typed_decoded_is_valid_and_as_sent_is_not() {
    let args = [
        "verify",
        "cram-md5",
        "--challenge",
        "<1896.697170952@postoffice.reston.mci.net>",
        "--response",
        "tim b913a602c7eda7a495b4e6e7334d3890",
        "--password",
        "tanstaaftanstaaf",
    ];
    let out = run(&args);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("VALID"), "{text}");
    assert!(text.contains("pasted decoded"), "{text}");
    let mut as_sent = args.to_vec();
    as_sent.push("--as-sent");
    let out = run(&as_sent);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("not base64"), "{text}");
}

/// `verify --transcript`: every AUTH exchange of a real Postfix session, judged as sent;
/// JSON names each exchange's lines, user, the server's code and the verdict.
#[test]
fn verify_transcript_of_real_postfix_json() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/real-postfix.log"
    );
    let out = run(&[
        "verify",
        "--transcript",
        fixture,
        "--password",
        "secret",
        "--json",
    ]);
    // The recording has refused exchanges (a wrong password), so some verdicts are invalid.
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let exchanges = json.as_array().expect("an array");
    let accepted: Vec<_> = exchanges.iter().filter(|e| e["outcome"] == 235).collect();
    assert!(!accepted.is_empty());
    for e in accepted {
        assert_eq!(e["report"]["valid"], true, "{e}");
        assert_eq!(e["agrees_with_server"], true, "{e}");
        assert_eq!(e["user"], "alice", "{e}");
    }
    assert!(exchanges
        .iter()
        .any(|e| e["outcome"] == 535 && e["report"]["valid"] == false));

    // Text, in Chinese, from standard input; a log without AUTH exits 2.
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(["verify", "--transcript", "-", "--lang", "zh"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"S: 220 x ESMTP\nC: EHLO y\nS: 250 x\nC: QUIT\nS: 221 bye\n")
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout(&out).contains("没有找到 AUTH 交换"),
        "{}",
        stdout(&out)
    );
}

/// Inputs that make no valid message are refused with the reason, exit 2: PLAIN without a
/// user name or password (RFC 4616 §2), DIGEST-MD5 whose realm cannot make the default
/// digest-uri, NTLM with a name too long for its 16-bit buffers.
#[test]
fn auth_refuses_inputs_that_make_no_message() {
    let long = "a".repeat(40_000);
    let digest = |extra: &[&'static str]| {
        let mut args = vec![
            "auth",
            "digest-md5",
            "--user",
            "tim",
            "--password",
            "x",
            "--realm",
            "my realm",
        ];
        args.extend_from_slice(extra);
        args
    };
    for (args, says) in [
        (
            vec!["auth", "plain", "--user", "", "--password", "x"],
            "at least one character",
        ),
        (
            vec!["auth", "plain", "--user", "tim", "--password", ""],
            "at least one character",
        ),
        (digest(&[]), "--digest-uri"),
        (
            vec!["auth", "ntlm", "--user", &long, "--password", "x"],
            "bytes",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{:?}", &args[..2]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{err}");
    }
    // With a digest-uri given, the same realm is fine.
    let out = run(&digest(&["--digest-uri", "smtp/mail.example.com"]));
    assert_eq!(out.status.code(), Some(0));
}
