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
    let out = explain(&["559"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("is defined by none of the RFCs"), "{text}");
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

// ------------------------------------------------- issue 21: the whole registry, and exact

#[test]
fn codes_real_servers_send_are_found_with_their_rfc() {
    for (code, source) in [
        ("455", "RFC 5321 §4.2.2, §4.2.3"),
        ("521", "RFC 7504 §3"),
        ("556", "RFC 7504 §4"),
    ] {
        let out = explain(&[code]);
        assert!(out.status.success());
        let text = stdout(&out);
        assert!(!text.contains("Not in the reference"), "{text}");
        assert!(!text.contains("defined by none"), "{text}");
        assert!(text.contains(source), "{code}: {text}");
    }
    // Codes no RFC defines say so, and what senders mean by them.
    let text = stdout(&explain(&["523"]));
    assert!(text.contains("No RFC defines 523"), "{text}");
    assert!(text.contains("too large for the recipient"), "{text}");
    let text = stdout(&explain(&["435"]));
    assert!(text.contains("Exim"), "{text}");
    assert!(text.contains("454"), "{text}");
}

#[test]
fn registry_codes_added_since_rfc_3463_are_found() {
    for code in [
        "5.1.9", "2.3.6", "5.6.6", "5.6.8", "5.6.9", "5.6.10", "4.7.15", "5.7.16", "5.7.17",
        "5.7.18", "5.7.19", "4.7.28", "5.7.29", "5.7.30",
    ] {
        let out = explain(&[code]);
        assert!(out.status.success(), "{code}");
        let text = stdout(&out);
        assert!(!text.contains("Not in the reference"), "{code}: {text}");
    }
}

#[test]
fn enhanced_codes_cite_the_right_section_of_rfc_3463() {
    let text = stdout(&explain(&["5.5.1"]));
    assert!(text.contains("[RFC 3463 §3.6]"), "{text}");
    let text = stdout(&explain(&["4.0.0"]));
    assert!(text.contains("[RFC 3463 §3.1]"), "{text}");
    let text = stdout(&explain(&["5.7.1"]));
    assert!(text.contains("[RFC 3463 §3.8]"), "{text}");
    assert!(!text.contains("§3.9"), "{text}");
}

#[test]
fn leading_zeros_are_refused_with_the_reason() {
    let out = explain(&["5.07.08"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("leading zeros"), "{err}");
    assert!(err.contains("RFC 3463 §2"), "{err}");
    assert!(err.contains("5.7.8"), "{err}");
    let out = explain(&["--lang", "zh", "553 5.01.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("前导零"));
}

#[test]
fn classes_the_registry_does_not_describe_are_noted() {
    let text = stdout(&explain(&["450 4.1.1"]));
    assert!(
        text.contains("The registry describes X.1.1 for 5.1.1 only"),
        "{text}"
    );
    let text = stdout(&explain(&["550 5.1.1"]));
    assert!(!text.contains("The registry describes"), "{text}");
}

#[test]
fn first_digits_and_second_digits_say_what_rfc_5321_says() {
    let out = explain(&["150"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not part of SMTP's model"), "{err}");
    let text = stdout(&explain(&["541"]));
    assert!(text.contains("x4z Unspecified"), "{text}");
    assert!(!text.contains("454"), "{text}");
    let text = stdout(&explain(&["451"]));
    assert!(text.contains("beginning of the command sequence"), "{text}");
}

#[test]
fn a_pasted_dmarc_refusal_points_to_spf_dkim_and_dmarc() {
    let line = "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy";
    let out = explain(&[line]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("550  "), "{text}");
    assert!(
        text.contains("5.7.26  Multiple authentication checks failed"),
        "{text}"
    );
    for rfc in ["RFC 7208", "RFC 6376", "RFC 7489"] {
        assert!(text.contains(rfc), "{rfc}: {text}");
    }
    let zh = stdout(&explain(&["--lang", "zh", line]));
    assert!(zh.contains("延伸阅读"), "{zh}");
    assert!(zh.contains("RFC 7489"), "{zh}");

    // And it says where to find out why: the DMARC check, in the CLI and on the page.
    assert!(
        text.contains("Check DMARC alignment and policy step by step: `smtp-trainer dmarc check`, or the page's #/msgauth/dmarc"),
        "{text}"
    );
    assert!(zh.contains("逐步检查 DMARC 对齐与策略"), "{zh}");
    let value = json(&explain(&["--json", line]));
    assert_eq!(value["message_checks"][0]["page"], "#/msgauth/dmarc");
    assert_eq!(
        value["message_checks"][0]["command"],
        "smtp-trainer dmarc check"
    );
    assert_eq!(value["message_checks"].as_array().map(Vec::len), Some(1));
    // A reply about something else points nowhere.
    let other = json(&explain(&["--json", "550 5.1.1 User unknown"]));
    assert!(other.get("message_checks").is_none(), "{other}");
}

#[test]
fn vrfy_454_and_535_say_what_rfc_5321_and_4954_require() {
    let text = stdout(&explain(&["252"]));
    assert!(text.contains("RFC 5321 §7.3"), "{text}");
    let text = stdout(&explain(&["554"]));
    assert!(text.contains("§3.1"), "{text}");
    assert!(text.contains("503"), "{text}");
    let text = stdout(&explain(&["454"]));
    assert!(text.contains("SHOULD NOT re-prompt"), "{text}");
    assert!(text.contains("see 535"), "{text}");
    let text = stdout(&explain(&["535"]));
    assert!(text.contains("see 454"), "{text}");
    let text = stdout(&explain(&["552"]));
    assert!(text.contains("§4.5.3.1.10"), "{text}");
}

#[test]
fn provider_codes_beyond_the_registry_are_explained_with_their_source() {
    let out = explain(&["550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level."]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Outlook.com (Microsoft)"), "{text}");
    assert!(text.contains("Microsoft support"), "{text}");
    assert!(
        text.contains("not in IANA's SMTP Enhanced Status Codes registry"),
        "{text}"
    );
    let json = json(&explain(&["--json", "550 5.7.26"]));
    assert_eq!(json["enhanced"]["providers"][0]["provider"], "Gmail");
    let text = stdout(&explain(&["--lang", "zh", "451 4.7.650"]));
    assert!(text.contains("微软自定的细节码"), "{text}");
}

#[test]
fn netease_reason_tags_are_explained_with_netease_s_own_words() {
    // A pasted 163.com refusal: the tag is read, NetEase's words quoted, the source named.
    let out = explain(&["554 DT:SPM 163 smtp14,EsCowAD3y2lhQ7dg_4JbAA--.7401S2 1634156386"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("554 DT:SPM  As sent by: NetEase (163.com, 126.com)"),
        "{text}"
    );
    assert!(
        text.contains("发送的邮件内容包含了未被许可的信息"),
        "{text}"
    );
    assert!(text.contains("help_spam_16.htm"), "{text}");
    assert!(
        !text.contains("451 DT:SPM"),
        "only the tag under 554: {text}"
    );
    // In Chinese, and as JSON.
    let text = stdout(&explain(&["--lang", "zh", "550 MI:IMF 126 mx2"]));
    assert!(text.contains("服务商原文"), "{text}");
    assert!(text.contains("RFC 5321 §4.1.2"), "{text}");
    let json = json(&explain(&["--json", "451 DT:SPM ,please try again"]));
    assert_eq!(json["provider_tags"][0]["tag"], "DT:SPM");
    assert_eq!(json["provider_tags"][0]["reply"], 451);
    assert_eq!(json["provider_tags"].as_array().map(Vec::len), Some(1));
    // The bare code lists every tag documented under it.
    let text = stdout(&explain(&["550"]));
    assert!(
        text.contains("Reason tags providers document under this code"),
        "{text}"
    );
    for tag in ["MI:IMF", "MI:SPF", "MI:DMA", "RP:FRL"] {
        assert!(text.contains(&format!("550 {tag}")), "{tag}: {text}");
    }
    // A reply without a tag says nothing of tags.
    let text = stdout(&explain(&["554 5.7.1 Relay access denied"]));
    assert!(!text.contains("NetEase"), "{text}");
}
