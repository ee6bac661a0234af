//! Every command with `--json` answers a usage error in JSON too (`{"error": "…"}` on
//! standard output, the same words on standard error, exit status 2), as `explain` does:
//! a script that reads the JSON is never left with nothing.

use std::process::Command;

fn json_error(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: no JSON ({e}): {:?}", out.stdout));
    let error = json["error"].as_str().unwrap_or_default().to_string();
    assert!(!error.is_empty(), "{args:?}: {json}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&error), "{args:?}: {stderr}");
    error
}

#[test]
fn usage_errors_are_json_with_json() {
    let missing = "/no/such/file.txt";
    assert!(json_error(&["analyze", "--json", missing]).contains(missing));
    assert!(
        json_error(&["auth", "--json", "foo", "--user", "a", "--password", "b"])
            .contains("unknown mechanism")
    );
    assert!(json_error(&["verify", "--json", "foo", "--response", "x"]).contains("foo"));
    json_error(&[
        "verify",
        "--json",
        "cram-md5",
        "--challenge",
        "x",
        "--response",
        "y",
        "--password",
        "z",
    ]);
    assert!(json_error(&["verify", "--json", "--transcript", missing]).contains(missing));
    assert!(json_error(&[
        "spf",
        "check",
        "--json",
        "--ip",
        "192.0.2.1",
        "--mail-from",
        "a@example.com",
        "--helo",
        "x",
        "--records",
        missing,
    ])
    .contains(missing));
    json_error(&[
        "dkim",
        "verify",
        "--json",
        "--message",
        missing,
        "--key-record",
        "v=DKIM1",
    ]);
    json_error(&[
        "dmarc",
        "check",
        "--json",
        "--records",
        missing,
        "--from-domain",
        "example.com",
    ]);
    json_error(&[
        "send",
        "--json",
        "--server",
        "127.0.0.1:1",
        "--from",
        "a@example.com",
    ]);
}
