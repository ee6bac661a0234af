//! `smtp-trainer dkim`, `spf` and `dmarc` as processes: RFC 8463's message verified from a
//! records file, a signature made and verified again, a footer named as the failing step,
//! SPF's lookup limit, DMARC's verdict, each in both languages and as JSON.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod rfc8463;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A scratch directory for this test's files.
fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "smtp-trainer-msgauth-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// RFC 8463's signed message, written into `d`.
fn rfc8463_message(d: &Path) -> PathBuf {
    let p = d.join("rfc8463.eml");
    std::fs::write(&p, rfc8463::RFC8463_MESSAGE).unwrap();
    p
}

fn records(d: &Path) -> PathBuf {
    let p = d.join("records.txt");
    std::fs::write(
        &p,
        format!(
            "brisbane._domainkey.football.example.com TXT \"{}\"\n\
             test._domainkey.football.example.com TXT \"{}\"\n\
             football.example.com TXT \"v=spf1 ip4:192.0.2.0/24 include:_spf.example.net ~all\"\n\
             _spf.example.net TXT \"v=spf1 mx -all\"\n\
             _spf.example.net MX 10 mx.example.net\n\
             mx.example.net A 198.51.100.25\n\
             _dmarc.football.example.com TXT \"v=DMARC1; p=reject; adkim=s\"\n",
            rfc8463::ED25519_RECORD,
            rfc8463::RSA_RECORD
        ),
    )
    .unwrap();
    p
}

#[test]
fn dkim_verify_reads_rfc8463_with_a_records_file() {
    let d = dir("verify");
    let msg = rfc8463_message(&d);
    let rec = records(&d);
    let o = run(&[
        "dkim",
        "verify",
        "--message",
        msg.to_str().unwrap(),
        "--records",
        rec.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    let text = stdout(&o);
    assert_eq!(
        text.matches("PASS: the signature verifies.").count(),
        2,
        "{text}"
    );
    assert!(
        text.contains("We lost the game. Are you hungry yet?␍␊"),
        "{text}"
    );
    assert!(text.contains("[collapse-wsp] line 3"), "{text}");
    let o = run(&[
        "dkim",
        "verify",
        "--message",
        msg.to_str().unwrap(),
        "--key-record",
        rfc8463::RSA_RECORD,
        "--signature",
        "2",
        "--json",
        "--lang",
        "zh",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["pass"], true);
    assert_eq!(json[0]["selector"], "test");
    let steps = json[0]["steps"].as_array().unwrap();
    let body_hash = steps.iter().find(|s| s["id"] == "body-hash").unwrap();
    assert_eq!(
        body_hash["text"],
        "2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8="
    );
    assert!(body_hash["label"].as_str().unwrap().contains("正文哈希"));
}

#[test]
fn dkim_sign_then_a_footer_is_named() {
    let d = dir("sign");
    let unsigned = &rfc8463::RFC8463_MESSAGE[rfc8463::RFC8463_MESSAGE.find("From:").unwrap()..];
    let msg = d.join("unsigned.eml");
    std::fs::write(&msg, unsigned.replace("\r\n", "\n")).unwrap();
    let key = d.join("ed25519.key");
    std::fs::write(&key, rfc8463::ED25519_SEED).unwrap();
    let signed = d.join("signed.eml");
    let o = run(&[
        "dkim",
        "sign",
        "--message",
        msg.to_str().unwrap(),
        "--domain",
        "football.example.com",
        "--selector",
        "brisbane",
        "--key",
        key.to_str().unwrap(),
        "--timestamp",
        "1528637909",
        "--output",
        signed.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["key_record"], rfc8463::ED25519_RECORD);
    let o = run(&[
        "dkim",
        "verify",
        "--message",
        signed.to_str().unwrap(),
        "--key-record",
        rfc8463::ED25519_RECORD,
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    let mut bytes = std::fs::read(&signed).unwrap();
    bytes.extend_from_slice(
        b"_______________________________________________\r\nfootball mailing list\r\n",
    );
    std::fs::write(&signed, bytes).unwrap();
    let o = dkim_verify_ed25519(&signed);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("FAIL at step [body-hash-compare]"), "{text}");
    assert!(text.contains("mailing list's footer"), "{text}");
}

#[test]
fn spf_check_walks_include_and_mx() {
    let d = dir("spf");
    let rec = records(&d);
    let o = run(&[
        "spf",
        "check",
        "--ip",
        "198.51.100.25",
        "--mail-from",
        "joe@football.example.com",
        "--helo",
        "mx.example.net",
        "--records",
        rec.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["result"], "pass");
    assert_eq!(json["lookups"], 2);
    let ids: Vec<&str> = json["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["record", "ip4", "include", "record", "mx", "include", "result"]
    );
    let o = run(&[
        "spf",
        "check",
        "--ip",
        "203.0.113.9",
        "--mail-from",
        "joe@football.example.com",
        "--records",
        rec.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("SPF: softfail"));
    assert!(stdout(&o).contains("很可能未获授权"));
}

/// `dkim verify` of `message` with RFC 8463's Ed25519 key record, in English.
fn dkim_verify_ed25519(message: &Path) -> Output {
    run(&[
        "dkim",
        "verify",
        "--message",
        message.to_str().unwrap(),
        "--key-record",
        rfc8463::ED25519_RECORD,
        "--lang",
        "en",
    ])
}

/// `dmarc check` for football.example.com's From:, with SPF given as passed for `spf_domain`.
fn dmarc_spf_passed(records: &Path, spf_domain: &str, more: &[&str]) -> Output {
    let records = records.to_str().unwrap();
    let mut args = vec![
        "dmarc",
        "check",
        "--records",
        records,
        "--from-domain",
        "football.example.com",
        "--spf-result",
        "pass",
        "--spf-domain",
        spf_domain,
    ];
    args.extend_from_slice(more);
    run(&args)
}

#[test]
fn dmarc_check_computes_spf_and_dkim_itself() {
    let d = dir("dmarc");
    let rec = records(&d);
    let msg = rfc8463_message(&d);
    // Forwarded: SPF softfails from the forwarder's address, DKIM (d= = From:) passes.
    let o = run(&[
        "dmarc",
        "check",
        "--records",
        rec.to_str().unwrap(),
        "--message",
        msg.to_str().unwrap(),
        "--ip",
        "203.0.113.5",
        "--mail-from",
        "joe@football.example.com",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["result"], "pass");
    assert_eq!(json["spf"][0], "softfail");
    // The 163.com case: From: another domain than the one SPF and DKIM vouch for.
    let o = dmarc_spf_passed(
        &rec,
        "example.net",
        &["--dkim", "example.net=pass", "--lang", "en"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("DMARC fail"), "{}", stdout(&o));
    assert!(stdout(&o).contains("reject"));
}

#[test]
fn dmarc_report_explains_every_source() {
    let o = run(&[
        "dmarc",
        "report",
        "tests/fixtures/dmarc/aggregate-report.xml",
        "--json",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["domain"], "example.com");
    assert_eq!(
        json["policy"],
        "p=quarantine sp=quarantine pct=100 adkim=r aspf=r"
    );
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    let diagnosis = |i: usize| rows[i]["diagnosis"].as_str().unwrap().to_string();
    assert!(diagnosis(0).contains("nothing to do"));
    assert!(diagnosis(1).contains("forwarding"));
    assert!(
        diagnosis(2).contains("esp.example, bounces.esp.example"),
        "{}",
        diagnosis(2)
    );
    assert!(diagnosis(3).contains("spoofing"));
    let o = run(&[
        "dmarc",
        "report",
        "tests/fixtures/dmarc/aggregate-report.xml",
        "--lang",
        "zh",
    ]);
    let text = stdout(&o);
    assert!(text.contains("4 个来源，1105 封邮件"), "{text}");
    assert!(text.contains("典型的转发"));
    // A row without DKIM results and an SPF result without its scope, in English.
    let d = dir("report");
    let lean = d.join("lean.xml");
    std::fs::write(
        &lean,
        "<feedback><policy_published><domain>example.com</domain><p>none</p></policy_published>\
         <record><row><source_ip>192.0.2.10</source_ip><count>1</count><policy_evaluated>\
         <disposition>none</disposition><dkim>fail</dkim><spf>pass</spf></policy_evaluated></row>\
         <identifiers><header_from>example.com</header_from></identifiers><auth_results>\
         <spf><domain>bounce.example.com</domain><result>pass</result></spf></auth_results>\
         </record></feedback>",
    )
    .unwrap();
    let o = run(&["dmarc", "report", lean.to_str().unwrap(), "--lang", "en"]);
    let text = stdout(&o);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("Sources: 1; messages: 1"), "{text}");
    assert!(text.contains("DKIM: none in the report"), "{text}");
    assert!(text.contains("SPF:  bounce.example.com pass"), "{text}");
    assert!(!text.contains("()"), "{text}");
    // A compressed attachment pasted as it is: explained, exit 2.
    let gz = d.join("report.xml.gz");
    std::fs::write(&gz, b"\x1f\x8b\x08\x00garbage").unwrap();
    let o = run(&["dmarc", "report", gz.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("This is a gzip file") && said.contains("gunzip"),
        "{said}"
    );
    // A broken XML is not told to unpack anything.
    let broken = d.join("broken.xml");
    std::fs::write(&broken, "<feedback><record>").unwrap();
    let o = run(&["dmarc", "report", broken.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("Not well-formed XML") && !said.contains("unpack"),
        "{said}"
    );
}

/// Input the commands cannot use is named as such: an empty key record, a message without
/// a signature, a sample outside 0–99.
#[test]
fn empty_missing_and_out_of_range_inputs_are_named() {
    let d = dir("inputs");
    let msg = d.join("unsigned.eml");
    std::fs::write(
        &msg,
        "From: joe@football.example.com\r\nSubject: hi\r\n\r\nHello.\r\n",
    )
    .unwrap();
    let signed = rfc8463_message(&d);
    let o = run(&[
        "dkim",
        "verify",
        "--message",
        signed.to_str().unwrap(),
        "--key-record",
        " ",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("is empty"),
        "{:?}",
        o
    );
    let o = dkim_verify_ed25519(&msg);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("No DKIM-Signature in this message"),
        "{}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains(" of 0"), "{}", stdout(&o));
    let rec = records(&d);
    let o = dmarc_spf_passed(&rec, "football.example.com", &["--sample", "100"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}

#[test]
fn dmarc_check_takes_the_authors_address_and_a_records_defaults() {
    let d = dir("dmarc-authors");
    let rec = d.join("records.txt");
    std::fs::write(
        &rec,
        "_dmarc.bank.example TXT \"v=DMARC1; p=reject\"\n\
         _dmarc.attacker.example TXT \"v=DMARC1; p=none\"\n\
         _dmarc.typo.example TXT \"v=DMARC1; p=reject; pct=abc; adkim=S\"\n\
         _dmarc.example.gov.au TXT \"v=DMARC1; p=reject\"\n",
    )
    .unwrap();
    let check = |message: &str, extra: &[&str]| {
        let msg = d.join("message.eml");
        std::fs::write(&msg, message).unwrap();
        let mut args = vec!["dmarc", "check", "--records", rec.to_str().unwrap()];
        args.extend(["--message", msg.to_str().unwrap(), "--lang", "en"]);
        args.extend(extra);
        run(&args)
    };
    // The attacker's pass vouches for the comment, not for the author: bank.example's
    // p=reject applies.
    let o = check(
        "From: ceo@bank.example (CEO <ceo@attacker.example>)\r\nSubject: x\r\n\r\nhi\r\n",
        &["--dkim", "attacker.example=pass"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("_dmarc.bank.example"), "{}", stdout(&o));
    // Authors in two domains: said, not evaluated for a domain made of both.
    let o = check(
        "From: a@bank.example, b@attacker.example\r\n\r\nhi\r\n",
        &["--dkim", "bank.example=pass"],
    );
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("several domains (bank.example, attacker.example)"),
        "{said}"
    );
    // A bad pct= gives way to 100, `adkim=S` is strict: the policy still applies, and the
    // verdict names the value.
    let o = check(
        "From: ceo@mail.typo.example\r\n\r\nhi\r\n",
        &["--dkim", "typo.example=pass"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("pct=\"abc\" is not a valid value"),
        "{}",
        stdout(&o)
    );
    // A stranger under gov.au is no organizational match (the Public Suffix List).
    let o = check(
        "From: ceo@mail.example.gov.au\r\n\r\nhi\r\n",
        &["--dkim", "attacker.gov.au=pass"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("example.gov.au"), "{}", stdout(&o));
    // Input is read to its limit, never whole.
    let o = run(&["dmarc", "report", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("reads at most"));
}

#[test]
fn dkim_sign_counts_x_from_now_without_t_and_refuses_a_short_rsa_key() {
    let d = dir("sign-x");
    let unsigned = &rfc8463::RFC8463_MESSAGE[rfc8463::RFC8463_MESSAGE.find("From:").unwrap()..];
    let msg = d.join("unsigned.eml");
    std::fs::write(&msg, unsigned).unwrap();
    let key = d.join("ed25519.key");
    std::fs::write(&key, rfc8463::ED25519_SEED).unwrap();
    let sign = |key: &Path, extra: &[&str]| {
        let mut args = vec!["dkim", "sign", "--message", msg.to_str().unwrap()];
        args.extend(["--domain", "football.example.com", "--selector", "brisbane"]);
        args.extend(["--key", key.to_str().unwrap(), "--json"]);
        args.extend(extra);
        run(&args)
    };
    // No t=, x= an hour from now: not 3600 (1970, long expired).
    let o = sign(&key, &["--timestamp", "0", "--expire-after", "3600"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let header = json.to_string();
    let x: u64 = header
        .split("x=")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("an x= tag: {header}"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!((now + 3000..now + 4000).contains(&x), "{x} {now}");
    assert!(!header.contains("t="), "{header}");
    // RFC 8301 §3.2: a 512-bit RSA key is refused before anything is signed.
    let short = d.join("rsa512.pem");
    let made = Command::new("openssl")
        .args(["genrsa", "-out", short.to_str().unwrap(), "512"])
        .output()
        .expect("openssl runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let o = sign(&short, &["--lang", "en"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let said = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
    assert!(
        said.contains("512 bits") && said.contains("RFC 8301"),
        "{said}"
    );
}

#[test]
fn an_spf_mechanism_written_with_equals_is_named_a_typo() {
    let d = dir("spf-typo");
    let rec = d.join("records.txt");
    std::fs::write(
        &rec,
        "typo.example TXT \"v=spf1 ip4:192.0.2.0/24 include=_spf.google.example -all\"\n",
    )
    .unwrap();
    let o = run(&[
        "spf",
        "check",
        "--ip",
        "198.51.100.1",
        "--mail-from",
        "a@typo.example",
        "--records",
        rec.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let text = stdout(&o);
    assert!(
        text.contains("a typo, and the mechanism that was meant is not evaluated"),
        "{text}"
    );
}

#[test]
fn a_signature_the_message_does_not_have_is_a_usage_error() {
    let d = dir("signature-past-end");
    let msg = rfc8463_message(&d);
    let o = run(&[
        "dkim",
        "verify",
        "--message",
        msg.to_str().unwrap(),
        "--key-record",
        rfc8463::ED25519_RECORD,
        "--signature",
        "5",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(
        said.contains("--signature 5: the message has 2 DKIM-Signature fields"),
        "{said}"
    );
}

/// A long body is shown by its start and end, the lines between counted (the text output
/// of a 10 MB message was the 10 MB); `--json` keeps the value whole.
#[test]
fn dkim_verify_shows_a_long_body_by_its_start_and_end() {
    let d = dir("long-body");
    let head = &rfc8463::RFC8463_MESSAGE[rfc8463::RFC8463_MESSAGE.find("From:").unwrap()..];
    let head = &head[..head.find("\r\n\r\n").unwrap() + 4];
    let body: String = (1..=5000)
        .map(|i| format!("line {i} of the body\r\n"))
        .collect();
    let msg = d.join("long.eml");
    std::fs::write(&msg, format!("{head}{body}")).unwrap();
    let key = d.join("ed25519.key");
    std::fs::write(&key, rfc8463::ED25519_SEED).unwrap();
    let signed = d.join("signed.eml");
    let o = run(&[
        "dkim",
        "sign",
        "--message",
        msg.to_str().unwrap(),
        "--domain",
        "football.example.com",
        "--selector",
        "brisbane",
        "--key",
        key.to_str().unwrap(),
        "--output",
        signed.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let verify = |more: &[&str]| {
        let mut args = vec![
            "dkim",
            "verify",
            "--message",
            signed.to_str().unwrap(),
            "--key-record",
            rfc8463::ED25519_RECORD,
        ];
        args.extend_from_slice(more);
        run(&args)
    };
    let o = verify(&[]);
    assert!(o.status.success(), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(text.contains("line 1 of the body"), "{text}");
    assert!(text.contains("line 5000 of the body"), "{text}");
    assert!(!text.contains("line 2500 of the body"), "{text}");
    assert!(text.contains("lines left out"), "{text}");
    assert!(text.len() < 20_000, "{} octets of output", text.len());
    let o = verify(&["--lang", "zh"]);
    assert!(stdout(&o).contains("省略"), "{}", stdout(&o));
    let o = verify(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let steps = json[0]["steps"].as_array().unwrap();
    let canon = steps
        .iter()
        .find(|s| s["id"] == "body-canonicalized")
        .unwrap();
    assert!(canon["text"]
        .as_str()
        .unwrap()
        .contains("line 2500 of the body"));
}

/// A term that stops the evaluation says why in the language asked for, in its own row as
/// in the summary (the row was English under `--lang zh`); the JSON too.
#[test]
fn an_spf_error_row_speaks_the_language_asked_for() {
    let d = dir("spf-error-zh");
    let rec = d.join("records.txt");
    std::fs::write(
        &rec,
        "example.com TXT \"v=spf1 include:bad.example -all\"\n\
         bad.example TXT \"v=spf1 ip4:300.1.1.1 -all\"\n",
    )
    .unwrap();
    let check = |lang: &str, json: bool| {
        let mut args = vec![
            "spf",
            "check",
            "--ip",
            "192.0.2.1",
            "--mail-from",
            "a@example.com",
            "--records",
            rec.to_str().unwrap(),
            "--lang",
            lang,
        ];
        if json {
            args.push("--json");
        }
        stdout(&run(&args))
    };
    let zh = check("zh", false);
    let row = zh
        .lines()
        .skip_while(|l| !l.starts_with("[include]") || !zh.contains("error"))
        .find(|l| l.contains("ip4:300.1.1.1") && !l.contains("[record]"))
        .unwrap_or_default()
        .to_string();
    assert!(row.contains("机制的参数缺失或格式错误"), "{zh}");
    assert!(!zh.contains("the mechanism's argument"), "{zh}");
    let en = check("en", false);
    assert!(
        en.contains("the mechanism's argument is missing or malformed"),
        "{en}"
    );
    let json: serde_json::Value = serde_json::from_str(&check("zh", true)).unwrap();
    let steps = json["steps"].as_array().unwrap();
    assert!(
        steps.iter().any(|s| s["outcome"] == "error"
            && s["detail"]
                .as_str()
                .unwrap_or("")
                .contains("机制的参数缺失")),
        "{json}"
    );
}

/// A row the receiver let through against p=reject, saying why (RFC 7489 Appendix C's
/// PolicyOverrideReason): the reason is said in the text and kept in the JSON.
#[test]
fn dmarc_report_says_why_the_receiver_overrode_the_policy() {
    let d = dir("dmarc-override");
    let xml = d.join("report.xml");
    std::fs::write(
        &xml,
        "<feedback><policy_published><domain>example.com</domain><p>reject</p></policy_published>\
         <record><row><source_ip>192.0.2.9</source_ip><count>3</count><policy_evaluated>\
         <disposition>none</disposition><dkim>fail</dkim><spf>fail</spf>\
         <reason><type>mailing_list</type><comment>list.example.org</comment></reason>\
         </policy_evaluated></row>\
         <identifiers><header_from>example.com</header_from></identifiers>\
         <auth_results><spf><domain>example.com</domain><result>fail</result></spf></auth_results>\
         </record></feedback>",
    )
    .unwrap();
    let report = |more: &[&str]| {
        let mut args = vec!["dmarc", "report", xml.to_str().unwrap()];
        args.extend_from_slice(more);
        run(&args)
    };
    let text = stdout(&report(&["--lang", "en"]));
    assert!(
        text.contains("did not apply the policy as published (mailing_list:")
            && text.contains("(comment: list.example.org)"),
        "{text}"
    );
    let zh = stdout(&report(&["--lang", "zh"]));
    assert!(zh.contains("接收方没有按公布的策略处置"), "{zh}");
    let o = report(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["rows"][0]["overrides"],
        serde_json::json!([["mailing_list", "list.example.org"]])
    );
    assert!(json["rows"][0]["override_note"]
        .as_str()
        .unwrap_or_default()
        .contains("mailing_list"));
}
