//! The transcript analyzer against real logs: seed 000's DokuWiki log, seed 004's telnet
//! session and saslauthd story, the Postfix/Sendmail/Exim sessions of
//! docs/transcripts/real-servers.md, swaks and smtplib captured against `serve`, server
//! syslog lines; a property test; and `smtp-trainer analyze` as a process.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;
use smtp_trainer::analyze::{
    analyze, Analysis, Direction, Field, Finding, FindingKind, Format, Kind, Severity, Software,
    Value, MAX_INPUT_BYTES, MAX_LINES,
};
use smtp_trainer::i18n::Lang;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn finding(a: &Analysis, kind: FindingKind) -> &Finding {
    a.findings_of(kind)
        .next()
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", a.findings))
}

/// No line lost, and none left unread.
fn assert_every_line_read(name: &str, text: &str, a: &Analysis) {
    assert_eq!(
        a.lines.len(),
        text.lines().count(),
        "{name}: lines in != lines out"
    );
    for (line, raw) in a.lines.iter().zip(text.lines()) {
        assert_eq!(line.raw, raw, "{name}: line {} changed", line.number);
        assert_ne!(
            line.kind,
            Kind::Unknown,
            "{name}: line {} not read: {:?}",
            line.number,
            line.raw
        );
        if matches!(
            line.kind,
            Kind::Reply { .. } | Kind::Command { .. } | Kind::Log { .. }
        ) {
            assert!(
                line.explanation.is_some(),
                "{name}: line {} unexplained",
                line.number
            );
        }
    }
    assert!(!a.truncated);
}

#[test]
fn seed_000_dokuwiki_log() {
    let text = fixture("seed000-dokuwiki.log");
    let a = analyze(&text);
    assert_every_line_read("seed000", &text, &a);
    assert_eq!(a.formats, [Format::SentGot]);
    assert_eq!(
        a.servers.first().map(|s| s.software),
        Some(Software::Coremail)
    );

    // The DokuWiki plugin's own lines are notes (or its error summary, a log line).
    for number in [2, 3, 4, 5, 6, 24, 25] {
        assert_eq!(
            a.line(number).unwrap().direction,
            Direction::Note,
            "line {number}"
        );
    }
    assert!(matches!(
        &a.line(1).unwrap().kind,
        Kind::Log {
            code: Some(553),
            ..
        }
    ));

    // The EHLO reply is one group of seven lines.
    let groups: Vec<Option<usize>> = (9..=15).map(|n| a.line(n).unwrap().group).collect();
    assert!(groups.iter().all(|g| *g == Some(9)), "{groups:?}");

    // AUTH LOGIN: the user name decoded, with the exposure warning; the password too.
    let user = a.line(18).unwrap();
    assert_eq!(user.raw, "Sent: c3Vubm9nb0AxNjMuY29t");
    assert_eq!(user.kind, Kind::Sasl);
    let decoded = user.decoded.as_ref().unwrap();
    assert_eq!(decoded.field, Field::UserName);
    assert_eq!(decoded.value, Value::Text("sunnogo@163.com".into()));
    assert!(user
        .decoded_text(Lang::En)
        .unwrap()
        .contains("sunnogo@163.com"));
    let warning = user.warning_text(Lang::En).unwrap();
    assert!(
        warning.starts_with("WARNING") && warning.contains("password"),
        "{warning}"
    );
    assert!(user.warning_text(Lang::Zh).unwrap().starts_with("警告"));
    let password = a.line(20).unwrap();
    assert_eq!(password.decoded.as_ref().unwrap().field, Field::Password);
    assert!(password
        .warning_text(Lang::En)
        .unwrap()
        .contains("Change it"));
    assert!(password
        .warning_text(Lang::Zh)
        .unwrap()
        .contains("修改密码"));

    // The diagnosis: the 553 names both addresses and rests on the user, MAIL and 553 lines.
    let top = a.findings.first().unwrap();
    assert_eq!(top.kind, FindingKind::SenderMismatch);
    assert_eq!(top.severity, Severity::Error);
    for want in [18, 22, 23] {
        assert!(top.lines.contains(&want), "{:?}", top.lines);
    }
    for text in [&top.what.en, &top.what.zh, &top.fix.en, &top.fix.zh] {
        assert!(text.contains("noreply@163.com"), "{text}");
        assert!(text.contains("sunnogo@163.com"), "{text}");
    }
    assert!(top.fix.en.contains("MAIL FROM:<sunnogo@163.com>"));
    assert!(
        top.fix.en.contains("mailfrom"),
        "DokuWiki's setting: {}",
        top.fix.en
    );
    assert!(finding(&a, FindingKind::CredentialsExposed)
        .lines
        .contains(&20));
    assert_eq!(
        a.sequence_text(Lang::En),
        "(connect) 220 · EHLO 250 · AUTH LOGIN 235 · MAIL FROM:<noreply@163.com> 553"
    );
}

#[test]
fn seed_004_telnet_session_with_the_rcpr_typo() {
    let text = fixture("seed004-telnet.log");
    let a = analyze(&text);
    assert_every_line_read("seed004-telnet", &text, &a);
    assert_eq!(a.formats, [Format::Telnet]);
    // The greeting wrapped by the terminal.
    assert_eq!(a.line(2).unwrap().kind, Kind::Wrapped);
    assert_eq!(
        a.line(7).unwrap().kind,
        Kind::Command {
            verb: "RCPR".into(),
            known: false
        }
    );
    assert!(a
        .line(7)
        .unwrap()
        .warning_text(Lang::En)
        .unwrap()
        .contains("RCPT"));
    let typo = finding(&a, FindingKind::UnknownCommand);
    assert!(typo.lines.contains(&7));
    assert!(typo.what.en.contains("RCPR") && typo.what.en.contains("RCPT"));
    assert!(
        typo.fix.en.contains("RCPT TO:sam@163.com"),
        "{}",
        typo.fix.en
    );
    assert!(typo.what.zh.contains("RCPT"));
    // The message lines are data, and the 250 after the dot is a success.
    assert_eq!(a.line(11).unwrap().kind, Kind::Data { end: false });
    assert_eq!(a.line(14).unwrap().kind, Kind::Data { end: true });
    let ok = finding(&a, FindingKind::Delivered);
    assert_eq!(ok.severity, Severity::Success);
    assert!(ok.what.en.contains("nBNAIIG4000507"));
    let sendmail = a.servers.first().unwrap();
    assert_eq!(
        (sendmail.software, sendmail.version.as_deref()),
        (Software::Sendmail, Some("8.13.8"))
    );
}

#[test]
fn seed_004_sendmail_auth_failure_mentions_saslauthd() {
    let text = fixture("seed004-saslauthd.log");
    let a = analyze(&text);
    assert_every_line_read("seed004-saslauthd", &text, &a);
    let user = a.line(12).unwrap();
    assert_eq!(user.decoded.as_ref().unwrap().user(), Some("carven"));
    assert!(user.warning.is_some());
    let failed = finding(&a, FindingKind::AuthFailed);
    assert!(failed.lines.contains(&15) && failed.lines.contains(&10));
    assert!(failed.what.en.contains("carven"));
    for text in [&failed.fix.en, &failed.fix.zh] {
        assert!(text.contains("saslauthd"), "{text}");
        assert!(text.contains("testsaslauthd"), "{text}");
    }
    assert!(failed.fix.en.contains("password"));
    assert!(failed.fix.zh.contains("密码"));
    // The EHLO reply pasted without its EHLO still reads keyword by keyword.
    assert!(a
        .line(7)
        .unwrap()
        .explanation_text(Lang::En)
        .unwrap()
        .contains("DIGEST-MD5"));

    let help = fixture("seed004-help.log");
    let a = analyze(&help);
    assert_every_line_read("seed004-help", &help, &a);
    assert!(a.lines[3..].iter().all(|l| l.group == Some(4)));
}

#[test]
fn real_server_sessions_are_read_line_by_line() {
    for (name, software) in [
        ("real-postfix.log", Software::Postfix),
        ("real-sendmail.log", Software::Sendmail),
        ("real-exim.log", Software::Exim),
    ] {
        let text = fixture(name);
        let a = analyze(&text);
        assert_every_line_read(name, &text, &a);
        assert_eq!(a.formats, [Format::Rfc], "{name}");
        assert_eq!(
            a.servers.first().map(|s| s.software),
            Some(software),
            "{name}"
        );
        for kind in [
            FindingKind::UnknownCommand,
            FindingKind::BadSequence,
            FindingKind::BadSyntax,
            FindingKind::AuthFailed,
            FindingKind::RelayDenied,
            FindingKind::TooBig,
            FindingKind::UnknownUser,
            FindingKind::Delivered,
            FindingKind::CredentialsExposed,
        ] {
            assert!(a.findings_of(kind).next().is_some(), "{name}: no {kind:?}");
        }
        let rcpr = a
            .findings_of(FindingKind::UnknownCommand)
            .find(|f| f.what.en.contains("RCPR"))
            .unwrap_or_else(|| panic!("{name}: RCPR"));
        assert!(rcpr.what.en.contains("RCPT"));
        // Every reply line got a group or is a single line; every AUTH answer is decoded.
        for line in &a.lines {
            if line.kind == Kind::Sasl {
                assert!(line.decoded.is_some(), "{name}: line {}", line.number);
            }
        }
    }
}

#[test]
fn swaks_transcripts() {
    let text = fixture("swaks.log");
    let a = analyze(&text);
    assert_every_line_read("swaks", &text, &a);
    assert_eq!(a.formats, [Format::Swaks]);
    let mismatch = finding(&a, FindingKind::SenderMismatch);
    assert!(
        mismatch.what.en.contains("alice@163.com") && mismatch.what.en.contains("noreply@163.com")
    );
    assert!(
        mismatch.fix.en.contains("--from alice@163.com"),
        "{}",
        mismatch.fix.en
    );
    assert!(a.findings_of(FindingKind::AuthFailed).next().is_some());
    assert_eq!(a.findings_of(FindingKind::Delivered).count(), 2);
    // AUTH PLAIN's initial response, NULs shown.
    let plain = a
        .lines
        .iter()
        .find(|l| l.raw == " -> AUTH PLAIN AGFsaWNlAHNlY3JldA==")
        .unwrap();
    assert!(plain
        .decoded_text(Lang::En)
        .unwrap()
        .contains("␀alice␀secret"));
}

#[test]
fn smtplib_debug_transcripts() {
    let text = fixture("smtplib.log");
    let a = analyze(&text);
    assert_every_line_read("smtplib", &text, &a);
    assert_eq!(a.formats, [Format::Smtplib]);
    assert!(a
        .lines
        .iter()
        .any(|l| matches!(l.kind, Kind::Summary { code: 250 })));
    let big = finding(&a, FindingKind::TooBig);
    assert!(big.what.en.contains("SIZE 2000") && big.what.en.contains("SIZE=3018"));
    let ok = finding(&a, FindingKind::Delivered);
    assert!(ok.what.en.contains("<carol@elsewhere.test>"));
    // CRAM-MD5: the user is named, no password is exposed.
    assert!(a
        .findings_of(FindingKind::CredentialsExposed)
        .next()
        .is_none());

    let text = fixture("smtplib-553.log");
    let a = analyze(&text);
    assert_every_line_read("smtplib-553", &text, &a);
    let mismatch = finding(&a, FindingKind::SenderMismatch);
    assert!(mismatch.what.en.contains("alice@163.com"));
    assert!(mismatch.fix.en.contains("smtplib"));

    let text = fixture("smtplib-535.log");
    let a = analyze(&text);
    assert_every_line_read("smtplib-535", &text, &a);
    assert_eq!(a.findings_of(FindingKind::AuthFailed).count(), 1);
    assert!(finding(&a, FindingKind::AuthFailed)
        .what
        .en
        .contains("carven"));
}

#[test]
fn serve_transcripts() {
    let text = fixture("serve.log");
    let a = analyze(&text);
    assert_every_line_read("serve", &text, &a);
    assert_eq!(a.formats, [Format::Serve]);
    assert!(a.findings_of(FindingKind::SenderMismatch).next().is_some());
    assert!(a.findings_of(FindingKind::AuthFailed).next().is_some());
    assert!(a.sequence.iter().any(|s| s.session == 3));
}

#[test]
fn server_logs_and_phpmailer() {
    let text = fixture("server-logs.log");
    let a = analyze(&text);
    assert_every_line_read("server-logs", &text, &a);
    for format in [
        Format::PostfixLog,
        Format::SendmailLog,
        Format::EximLog,
        Format::Syslog,
    ] {
        assert!(a.formats.contains(&format), "{format:?}");
    }
    let relay = finding(&a, FindingKind::RelayDenied);
    // Line 3, the client leaving after the refused RCPT, belongs to that refusal.
    assert_eq!(relay.lines, [2, 3, 10, 14]);
    assert!(finding(&a, FindingKind::SaslauthdDown).lines == [5]);
    let failed = finding(&a, FindingKind::AuthFailed);
    assert!(failed.what.en.contains("saslauthd"), "{}", failed.what.en);
    assert!(finding(&a, FindingKind::Greylisted)
        .what
        .en
        .contains("Greylisted"));
    assert!(finding(&a, FindingKind::UnknownUser)
        .what
        .en
        .contains("nobody@example.org"));
    let postfix = a.line(2).unwrap();
    assert!(
        matches!(&postfix.kind, Kind::Log { program, code: Some(554), enhanced: Some(e) } if program == "postfix/smtpd" && e == "5.7.1")
    );

    let text = fixture("phpmailer.log");
    let a = analyze(&text);
    assert_every_line_read("phpmailer", &text, &a);
    assert_eq!(a.formats, [Format::PhpMailer]);
    let failed = finding(&a, FindingKind::AuthFailed);
    assert!(failed.lines.contains(&17) && failed.lines.contains(&18));
    assert!(a
        .findings_of(FindingKind::CredentialsExposed)
        .next()
        .is_none());
}

/// Lines that look like logs, to reach deep into the readers.
fn log_line() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "",
        "C: ",
        "S: ",
        "Sent: ",
        "Got: ",
        " -> ",
        "<-  ",
        "<** ",
        "[1] C: ",
        "[2] S: ",
        "send: '",
        "reply: b'",
        "--> ",
        "<-- ",
        "> ",
        "< ",
        "CLIENT -> SERVER: ",
        "SERVER -> CLIENT: ",
        "Jan  1 00:00:00 mx postfix/smtpd[1]: ",
        "2024-01-01 00:00:00 H=",
        "reply: retcode (",
        "=== ",
        "*** ",
        "S:",
        "C:",
        " DEBUG [a1] S: ",
        "[2022-11-16 11:57:21] DEBUG [b2] C: ",
        " ERROR Send Error: ",
        "SERVER 1:",
        "CLIENT 1:",
        "└──",
        "   ",
        "    said: ",
        "<a@b.c>: host mx[192.0.2.1] said: ",
        "Diagnostic-Code: smtp; ",
        "Failure Reason: ",
        "smtplib.SMTPAuthenticationError: (",
        "Error: Invalid login: ",
        "Mail command failed: ",
        "[2020-03-02 07:32:28,865] ERROR {cps.worker:531} ",
    ]);
    let body = prop::sample::select(vec![
        "220 mx ESMTP",
        "250-mail",
        "250 AUTH LOGIN PLAIN",
        "334 VXNlcm5hbWU6",
        "334 ",
        "354 go",
        "535 5.7.8 failed",
        "553 Mail from must equal authorized user",
        "250 2.0.0 Ok",
        "EHLO x",
        "AUTH LOGIN",
        "AUTH PLAIN AGFsaWNlAHNlY3JldA==",
        "MAIL FROM:<a@b.c>",
        "RCPT TO:<d@e.f>",
        "DATA",
        ".",
        "",
        "c3Vubm9nb0AxNjMuY29t",
        "*",
        "RCPR TO:x",
        "QUIT",
        "BDAT 5 LAST",
        "NOQUEUE: reject: RCPT from x: 554 5.7.1 <a@b>: Relay access denied",
        "\\r\\n'",
        "421 bye",
        "503 need MAIL",
        "500 what",
        "221 bye",
        "535, b'Error: \\xc7\\xeb'",
        "535, 'x')",
        "4.7.1 Ratelimit exceeded (451)",
        "5.7.8 Username and Password not accepted",
        "(in reply to RCPT TO command)",
        "SMTP AUTH extension not supported by server.",
        "warning: SASL: Connect to private/auth failed",
        "defer (113): No route to host",
        "Error: open resolver; https://www.spamhaus.org/returnc/pub/1",
        "This is the mail system at host x.",
    ]);
    (prefix, body, "[ -~é\u{a0}\t]{0,12}").prop_map(|(p, b, tail)| format!("{p}{b}{tail}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_keeps_every_line_and_never_panics(input in any::<String>()) {
        let a = analyze(&input);
        prop_assert_eq!(a.lines.len(), input.lines().count());
        prop_assert!(!a.truncated);
        for (line, raw) in a.lines.iter().zip(input.lines()) {
            prop_assert_eq!(&line.raw, raw);
        }
    }

    #[test]
    fn log_shaped_text_keeps_every_line_and_never_panics(
        lines in prop::collection::vec(log_line(), 0..60)
    ) {
        let input = lines.join("\n");
        let a = analyze(&input);
        prop_assert_eq!(a.lines.len(), input.lines().count());
        for f in &a.findings {
            prop_assert!(!f.what.en.is_empty() && !f.what.zh.is_empty());
            prop_assert!(f.lines.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(f.lines.iter().all(|n| *n >= 1 && *n <= a.lines.len()));
        }
        for l in &a.lines {
            let _ = l.kind.describe(Lang::Zh);
            let _ = l.decoded_text(Lang::Zh);
        }
    }
}

#[test]
fn oversized_input_is_cut_and_says_so() {
    let text = "S: 250 ok\n".repeat(MAX_LINES + 1);
    let a = analyze(&text);
    assert!(a.truncated);
    assert_eq!(a.lines.len(), MAX_LINES);
    assert!(a.findings_of(FindingKind::Truncated).next().is_some());
    let big = "x".repeat(MAX_INPUT_BYTES + 10);
    assert!(analyze(&big).truncated);
}

// --- the CLI as a process ------------------------------------------------------------

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .arg("analyze")
        .args(args)
        .env("LC_ALL", "C")
        .env_remove("LANG")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin");
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).expect("write stdin");
    }
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn fixture_path(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn cli_prints_the_diagnosis_then_every_line() {
    let out = run(&[&fixture_path("seed000-dokuwiki.log")], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Diagnosis:\n  [ERROR] Sender differs from the login"),
        "{text}"
    );
    assert!(text.contains("Log forms: Sent:/Got: debug log"));
    assert!(text.contains("Server: Coremail"));
    assert!(text.contains("Sequence: (connect) 220 · EHLO 250 · AUTH LOGIN 235"));
    assert!(text.contains(" 18 C: Sent: c3Vubm9nb0AxNjMuY29t\n"));
    assert!(text.contains("decoded: user name: sunnogo@163.com"));
    assert!(text.contains("⚠ WARNING"));
    let diagnosis_at = text.find("Diagnosis").unwrap();
    let lines_at = text.find("\nLines:").unwrap();
    assert!(diagnosis_at < lines_at);
}

#[test]
fn cli_reads_stdin_and_speaks_chinese() {
    let log = fixture("seed004-saslauthd.log");
    for args in [&["--lang", "zh"][..], &["-", "--lang", "zh"][..]] {
        let out = run(args, Some(&log));
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.starts_with("诊断："), "{text}");
        assert!(text.contains("身份认证失败"));
        assert!(text.contains("saslauthd"));
        assert!(text.contains("解码：用户名：carven"));
        assert!(text.contains("逐行注释："));
    }
}

#[test]
fn cli_json_parses_and_keeps_every_line() {
    let log = fixture("seed004-telnet.log");
    let out = run(&["--json", &fixture_path("seed004-telnet.log")], None);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["lang"], "en");
    assert_eq!(json["truncated"], false);
    assert_eq!(json["lines"].as_array().unwrap().len(), log.lines().count());
    assert_eq!(json["formats"][0]["id"], "telnet");
    assert_eq!(json["servers"][0]["software"], "Sendmail");
    let line7 = &json["lines"][6];
    assert_eq!(line7["number"], 7);
    assert_eq!(line7["direction"], "client");
    assert_eq!(line7["kind"], "command");
    assert_eq!(line7["verb"], "RCPR");
    assert_eq!(line7["known"], false);
    let kinds: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"unknown-command") && kinds.contains(&"delivered"),
        "{kinds:?}"
    );

    let out = run(
        &["--json", "--lang", "zh"],
        Some("S: 554 5.7.1 <x@y.z>: Relay access denied\n"),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["lang"], "zh-CN");
    assert!(json["lines"][0]["explanation"]
        .as_str()
        .unwrap()
        .contains("数字"));
}

#[test]
fn cli_usage_errors_exit_2() {
    let out = run(&["/no/such/file.log"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("/no/such/file.log"), "{err}");
    let out = run(&["--no-such-flag"], None);
    assert_eq!(out.status.code(), Some(2));
    // An empty log is not an error; it is said to be empty.
    let out = run(&[], Some(""));
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("The text is empty"));
}

#[test]
fn long_error_shaped_lines_are_bounded() {
    // A megabyte of exception-shaped text on one line: read (in bounded time), kept whole.
    let line = "Error(535, 'x') ".repeat(60_000);
    let a = analyze(&line);
    assert_eq!(a.lines.len(), 1);
    assert_eq!(a.lines[0].raw, line);
    let nested = format!("{}{}", "(535, '".repeat(50_000), "')");
    assert_eq!(analyze(&nested).lines.len(), 1);
}

/// A capture's transcript (`analyze` on a pcap) marks its gaps and the STARTTLS boundary with
/// `-- ` lines: notes, never unread lines.
#[test]
fn capture_notes_in_a_transcript_are_read_as_notes() {
    use smtp_trainer::analyze::{analyze, Direction};
    let text = "S: 220 mail.example.com ESMTP\nC: EHLO client.example\nS: 250 mail.example.com\nC: STARTTLS\nS: 220 2.0.0 Ready to start TLS\n-- [12 octets missing] from the client\n-- encrypted from here (STARTTLS)\n";
    let analysis = analyze(text);
    for number in [6, 7] {
        let line = analysis.line(number).expect("the line");
        assert_eq!(line.direction, Direction::Note, "{line:?}");
        assert!(line.explanation.is_some(), "{line:?}");
    }
    assert!(analysis
        .line(7)
        .and_then(|l| l.explanation_text(smtp_trainer::i18n::Lang::En))
        .is_some_and(|t| t.contains("encrypted")));
}

/// Issue 20, item 5: a 554 at RCPT is a policy reject, not the greeting's 554; STARTTLS
/// expected but not offered is its own cause, from a transcript or from Python's exception.
#[test]
fn rcpt_554_and_starttls_not_offered_have_their_own_causes() {
    use smtp_trainer::analyze::analyze;
    let cause = |text: &str| analyze(text).deciding().map(|f| f.cause).unwrap_or("none");
    assert_eq!(
        cause("S: 220 mx.example.net ESMTP\nC: EHLO me\nS: 250 mx.example.net\nC: MAIL FROM:<a@example.com>\nS: 250 2.1.0 Ok\nC: RCPT TO:<b@example.net>\nS: 554 5.7.1 <b@example.net>: Recipient address rejected: Access denied\nC: QUIT\nS: 221 Bye\n"),
        "rcpt-policy-reject"
    );
    assert_eq!(
        cause("S: 220 mx.example.net ESMTP\nC: EHLO me\nS: 250-mx.example.net\nS: 250 8BITMIME\nC: STARTTLS\nS: 502 5.5.1 Error: command not implemented\n"),
        "starttls-not-offered"
    );
    assert_eq!(
        cause("smtplib.SMTPNotSupportedError: STARTTLS extension not supported by server.\n"),
        "starttls-not-offered"
    );
    // A 554 greeting stays what it is.
    assert_ne!(
        cause("S: 554 mx.example.net ESMTP not accepting messages\nC: QUIT\nS: 221 Bye\n"),
        "rcpt-policy-reject"
    );
}

/// `analyze --json` on a file holding `bytes` (named after `tag`), which succeeds.
fn run_json_on_file(tag: &str, bytes: &[u8]) -> Output {
    let path = std::env::temp_dir().join(format!("{tag}-{}.log", std::process::id()));
    std::fs::write(&path, bytes).expect("writing the log");
    let out = run(&[&path.display().to_string(), "--json"], None);
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success(), "{tag}");
    out
}

/// A log saved in GBK (Chinese Windows writes its logs and a program's messages so): read
/// as GB18030, its refusal quoted in Chinese, not as replacement characters.
#[test]
fn cli_reads_a_gbk_log_as_gb18030() {
    // "550 用户不存在" in GBK, after a telnet MAIL FROM and RCPT TO.
    let mut bytes = b"220 smtp.example.com ESMTP\r\nMAIL FROM:<a@example.com>\r\n250 Ok\r\nRCPT TO:<nobody@example.com>\r\n550 ".to_vec();
    bytes.extend_from_slice(b"\xd3\xc3\xbb\xa7\xb2\xbb\xb4\xe6\xd4\xda\r\n");
    let out = run_json_on_file("gbk", &bytes);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("用户不存在"), "{text}");
    assert!(!text.contains('\u{fffd}'), "{text}");
}

/// An empty text (or only blank lines) is said to be empty, never "no problems found".
#[test]
fn cli_says_an_empty_log_is_empty() {
    for input in ["", " \n\n\t\n"] {
        let out = run(&["-"], Some(input));
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("The text is empty"), "{input:?}: {text}");
        assert!(!text.contains("No problems found"), "{input:?}: {text}");
    }
}

/// PowerShell 5's `>` writes UTF-16 with a byte order mark: read as such.
#[test]
fn cli_reads_a_utf16_log() {
    let log = "220 mx ESMTP\r\nAUTH LOGIN\r\n334 VXNlcm5hbWU6\r\nYWxpY2U=\r\n334 UGFzc3dvcmQ6\r\nc2VjcmV0\r\n535 5.7.8 Authentication credentials invalid\r\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(log.encode_utf16().flat_map(u16::to_le_bytes));
    let out = run_json_on_file("utf16", &bytes);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["findings"][0]["code"], 535, "{json}");
}

/// Error lines people posted when sending failed (`tests/fixtures/posted-errors/`, each with
/// the cause its thread reached and its source in `expected.tsv`). Before the rules for them,
/// each was "no problems found", "lines not read", or a generic or wrong cause; each must now
/// get its thread's cause as the deciding finding, in both languages.
#[test]
fn posted_errors_get_the_cause_their_threads_reached() {
    let index = fixture("posted-errors/expected.tsv");
    let mut wrong = Vec::new();
    let mut count = 0;
    for row in index
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = row.split('\t');
        let (Some(file), Some(cause), Some(source)) = (fields.next(), fields.next(), fields.next())
        else {
            panic!("a row without file, cause and source: {row:?}");
        };
        assert!(source.starts_with("https://"), "{row}");
        count += 1;
        let text = fixture(&format!("posted-errors/{file}"));
        let a = analyze(&text);
        let found = a.deciding().map(|f| f.cause);
        if found != Some(cause) {
            wrong.push(format!("{file}: {found:?}, the thread: {cause} ({source})"));
            continue;
        }
        let f = a.deciding().expect("a deciding finding");
        for lang in Lang::ALL {
            assert!(
                !f.what.get(lang).is_empty() && !f.fix.get(lang).is_empty(),
                "{file}"
            );
        }
    }
    assert!(count >= 26, "{count} posted errors");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
