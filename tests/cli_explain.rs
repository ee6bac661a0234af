//! `smtp-trainer explain`, run as a real process.

use std::process::{Command, Output};

fn explain(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .arg("explain")
        .args(args)
        // The default language follows the locale; pin it unless a test sets --lang.
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn explains_553_with_its_digits_and_the_163_lesson() {
    let out = explain(&["553"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("553  "), "{text}");
    assert!(text.contains("5yz Permanent Negative Completion"), "{text}");
    assert!(text.contains("x5z Mail system"), "{text}");
    assert!(
        text.contains("553 Mail from must equal authorized user"),
        "{text}"
    );
}

#[test]
fn explains_a_reply_code_with_its_enhanced_code() {
    for args in [&["553 5.7.1"][..], &["553", "5.7.1"][..]] {
        let out = explain(args);
        assert!(out.status.success());
        let text = stdout(&out);
        assert!(text.contains("553  "), "{text}");
        assert!(text.contains("5.7.1  "), "{text}");
        assert!(text.contains("X.7.X Security or Policy Status"), "{text}");
    }
}

#[test]
fn explains_an_enhanced_code_in_chinese() {
    let out = explain(&["5.7.8", "--lang", "zh"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("5.7.8  "), "{text}");
    assert!(text.contains("永久失败"), "{text}");
    assert!(text.contains("安全或策略状态"), "{text}");
}

#[test]
fn json_output_carries_the_whole_explanation() {
    let out = explain(&[
        "--json",
        "Got: 553 5.7.1 Mail from must equal authorized user",
    ]);
    assert!(out.status.success());
    let value = json(&out);
    assert_eq!(value["reply"]["code"], 553);
    assert_eq!(value["reply"]["known"], true);
    assert_eq!(value["reply"]["digits"].as_array().map(Vec::len), Some(3));
    assert_eq!(value["enhanced"]["code"], "5.7.1");
    assert_eq!(value["text"], "Mail from must equal authorized user");
    assert_eq!(value["lang"], "en");

    let zh = json(&explain(&["--json", "--lang", "zh", "535"]));
    assert_eq!(zh["lang"], "zh-CN");
    let title = zh["reply"]["title"].as_str().unwrap_or_default();
    assert!(
        title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{title}"
    );
}

#[test]
fn the_locale_chooses_the_default_language() {
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(["explain", "221"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .expect("runs");
    assert!(stdout(&out).contains("各位数字的含义"), "{}", stdout(&out));
}

#[test]
fn unknown_codes_still_have_their_digits_read() {
    let out = explain(&["556"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("not a standard reply code"), "{text}");
    assert!(text.contains("5yz Permanent Negative Completion"), "{text}");

    let out = explain(&["299"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("second digit 9"), "{err}");
    assert!(err.contains("2yz Positive Completion"), "{err}");
}

#[test]
fn malformed_codes_fail_with_a_reason() {
    let out = explain(&["650"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("first digit 6"));

    let out = explain(&["--json", "3.1.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(json(&out)["error"]
        .as_str()
        .unwrap_or_default()
        .contains("class 3"));
}

#[test]
fn words_and_prefixes_search_the_reference() {
    let out = explain(&["saslauthd"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).lines().any(|l| l.starts_with("535 ")),
        "{}",
        stdout(&out)
    );

    let out = explain(&["55"]);
    assert!(out.status.success());
    let codes: Vec<String> = stdout(&out)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(
        codes.contains(&"550".to_string()) && codes.contains(&"555".to_string()),
        "{codes:?}"
    );
    assert!(codes.iter().all(|c| c.starts_with("55")), "{codes:?}");

    let out = explain(&["no-such-word-anywhere"]);
    assert_eq!(out.status.code(), Some(2));
}
