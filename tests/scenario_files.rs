//! Scenario files (issue 14): the format's examples in docs/scenarios.md read and solve,
//! every kind of error is named with its line in both languages, a teacher's file is
//! registered beside the built-ins, and `smtp-trainer scenario check` passes every built-in
//! file and refuses a broken one.

use std::process::Command;

use smtp_trainer::i18n::Lang;
use smtp_trainer::lessons::scenario_file::{parse_scenario, FileError, Problem};
use smtp_trainer::lessons::scenarios::{self, register, Condition, RegisterError, Want};
use smtp_trainer::lessons::toml_lite::{self, Syntax, Value};
use smtp_trainer::smtp::why::Situation;

/// The ```toml blocks of docs/scenarios.md.
fn doc_examples() -> Vec<String> {
    let doc = include_str!("../docs/scenarios.md");
    doc.split("```toml\n")
        .skip(1)
        .filter_map(|block| block.split_once("```").map(|(toml, _)| toml.to_string()))
        .collect()
}

#[test]
fn both_worked_examples_of_the_docs_read_and_their_solutions_meet_their_goals() {
    let examples = doc_examples();
    assert_eq!(examples.len(), 2);
    for text in &examples {
        let s = parse_scenario(text, false).unwrap_or_else(|e| panic!("{e:?}"));
        let (before, after) = s.play_solution();
        assert!(!s.is_done(&before), "{}", s.id);
        assert!(s.is_done(&after), "{}: solution fails", s.id);
    }
    // The second: AUTH with CRAM-MD5 is recorded with its mechanism.
    let s = parse_scenario(&examples[1], false).expect("example 2");
    assert_eq!(
        s.checks.first(),
        Some(&Condition::Auth {
            mechanism: Some("CRAM-MD5".into()),
            user: None
        })
    );
    let (_, after) = s.play_solution();
    assert_eq!(after.mechanism.as_deref(), Some("CRAM-MD5"));
    assert_eq!(after.user.as_deref(), Some("alice@example.com"));
}

#[test]
fn place_may_be_left_out_and_a_byte_order_mark_is_no_error() {
    let example = &doc_examples()[0];
    assert!(example.contains("place = \"console\"\n"), "{example}");
    // The console is the default, as the format's table says.
    let without = example.replace("place = \"console\"\n", "");
    let s = parse_scenario(&without, false).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(s.place.id(), "console");
    // Saved by Windows Notepad: a UTF-8 byte order mark first, CRLF line ends.
    let notepad = format!("\u{feff}{}", example.replace('\n', "\r\n"));
    let s = parse_scenario(&notepad, false).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(s.is_done(&s.play_solution().1), "{}", s.id);
}

#[test]
fn a_plain_login_does_not_meet_a_cram_md5_check() {
    let text = doc_examples()[1].replace(
        "\"AUTH CRAM-MD5\",\n    \"@cram-md5 alice@example.com secret\",",
        "\"AUTH PLAIN AGFsaWNlQGV4YW1wbGUuY29tAHNlY3JldA==\",",
    );
    let s = parse_scenario(&text, false).expect("still valid");
    let (_, after) = s.play_solution();
    assert_eq!(after.mechanism.as_deref(), Some("PLAIN"));
    assert!(!s.is_done(&after), "PLAIN passed a CRAM-MD5 check");
}

fn errors(text: &str) -> Vec<FileError> {
    match parse_scenario(text, false) {
        Ok(s) => panic!("accepted: {}", s.id),
        Err(errors) => errors,
    }
}

/// A file with one error of each kind the schema knows, each on a line of its own.
const BROKEN: &str = r#"format = 1
id = "Bad Id"
place = "kitchen"
titel = "typo"

[title]
en = "A title"
zh = ""

[goal]
en = "Goal"
zh = "目标"

[lesson]
en = "Lesson"
zh = "教训"

[[hint]]
en = "Hint"
zh = "提示"

[server]
profile = "qmail"
accounts = ["nocolon"]

[policies]
greylist = "yes"
max_message_size = -5

[[check]]
kind = "reply"
reply = "AuthOkay"

[[check]]
kind = "telepathy"

[solution]
lines = []

[extras]
"#;

#[test]
fn every_error_of_a_broken_file_is_named_with_its_line() {
    let found: Vec<(usize, Problem)> = errors(BROKEN)
        .into_iter()
        .map(|e| (e.line, e.problem))
        .collect();
    let want = |line: usize, problem: Problem| {
        assert!(
            found.contains(&(line, problem.clone())),
            "missing line {line}: {problem:?} in {found:#?}"
        );
    };
    want(1, Problem::Missing("[story]".into()));
    want(2, Problem::BadValue("id".into(), "Bad Id".into()));
    want(3, Problem::BadValue("place".into(), "kitchen".into()));
    want(4, Problem::UnknownKey("titel".into()));
    want(8, Problem::Empty("title.zh".into()));
    want(
        23,
        Problem::BadValue("server.profile".into(), "qmail".into()),
    );
    want(
        24,
        Problem::BadValue("server.accounts".into(), "nocolon".into()),
    );
    assert!(found.iter().any(|(line, p)| *line == 27
        && matches!(p, Problem::WrongType(k, _) if k == "policies.greylist")));
    want(
        28,
        Problem::BadValue("policies.max_message_size".into(), "-5".into()),
    );
    want(
        32,
        Problem::BadValue("check.reply".into(), "AuthOkay".into()),
    );
    want(
        35,
        Problem::BadValue("check.kind".into(), "telepathy".into()),
    );
    want(37, Problem::Missing("solution.lines".into()));
    want(40, Problem::UnknownTable("extras".into()));
    assert_eq!(found.len(), 13, "{found:#?}");
    // Sorted by line, as a teacher reads the file.
    assert!(found.windows(2).all(|w| w[0].0 <= w[1].0));
}

#[test]
fn the_errors_read_in_english_and_chinese_with_their_line() {
    for error in errors(BROKEN) {
        let en = error.describe(Lang::En);
        let zh = error.describe(Lang::Zh);
        assert!(en.starts_with(&format!("line {}: ", error.line)), "{en}");
        assert!(zh.starts_with(&format!("第 {} 行：", error.line)), "{zh}");
        assert_ne!(en, zh);
        assert!(!en.contains('{') && !zh.contains('{'), "{en} / {zh}");
    }
    let typo = errors(BROKEN)
        .into_iter()
        .find(|e| e.problem == Problem::UnknownKey("titel".into()))
        .expect("the typo");
    assert_eq!(
        typo.describe(Lang::En),
        "line 4: unknown key “titel” (misspelled? docs/scenarios.md lists every key)"
    );
    assert_eq!(
        typo.describe(Lang::Zh),
        "第 4 行：未知的键“titel”（拼错了？docs/scenarios.md 列出了所有的键）"
    );
}

#[test]
fn syntax_errors_are_each_named_with_their_line() {
    let text = "format = 1\nid = \"x\nplace = console\n[[hint]\nkey = \"a\\q\"\nlist = [\"a\" \"b\"]\nnumber = 1.5\nformat = 2\n= 3\ntext = \"ok\" trailing\nopen = [\"a\",\n";
    let found: Vec<(usize, Syntax)> = match toml_lite::parse(text) {
        Ok(_) => panic!("accepted"),
        Err(errors) => errors.into_iter().map(|e| (e.line, e.kind)).collect(),
    };
    assert_eq!(
        found,
        vec![
            (2, Syntax::UnterminatedString),
            (3, Syntax::BadValue),
            (4, Syntax::BadKey),
            (5, Syntax::BadEscape),
            (6, Syntax::BadValue),
            (7, Syntax::BadValue),
            (8, Syntax::DuplicateKey),
            (9, Syntax::BadKey),
            (10, Syntax::TrailingText),
            (11, Syntax::UnterminatedArray),
        ]
    );
    // And through the scenario reader, in both languages.
    let errors = errors(text);
    assert_eq!(errors.len(), found.len());
    assert_eq!(
        errors[0].describe(Lang::En),
        "line 2: the string has no closing \" on this line"
    );
    assert_eq!(
        errors[0].describe(Lang::Zh),
        "第 2 行：字符串在本行没有结尾的 \""
    );
}

#[test]
fn the_subset_reads_what_toml_means() {
    let text = "# comment\na = \"x \\\"q\\\" \\u00e9\\n\" # trailing\nb = -12\nc = true\n[t]\nlist = [\n  \"one\", # first\n  \"two\",\n]\n[[many]]\nk = \"1\"\n[[many]]\nk = \"2\"\n";
    let tables = toml_lite::parse(text).expect("valid");
    assert_eq!(tables.len(), 4);
    assert_eq!(
        tables[0].get("a").map(|e| &e.value),
        Some(&Value::Str("x \"q\" é\n".into()))
    );
    assert_eq!(tables[0].get("b").map(|e| &e.value), Some(&Value::Int(-12)));
    assert_eq!(
        tables[0].get("c").map(|e| &e.value),
        Some(&Value::Bool(true))
    );
    let list = tables[1].get("list").expect("list");
    assert_eq!(list.line, 6);
    assert_eq!(list.value, Value::List(vec!["one".into(), "two".into()]));
    assert!(tables[2].many && tables[3].many);
}

#[test]
fn a_file_in_a_newer_format_is_refused_as_such() {
    let text = doc_examples()[1].replace("format = 1", "format = 2");
    let errors = errors(&text);
    assert_eq!(errors[0].problem, Problem::FutureFormat(2));
    assert!(errors[0]
        .describe(Lang::En)
        .contains("newer scenario format"));
    assert!(errors[0].describe(Lang::Zh).contains("更新"));
}

#[test]
fn a_teachers_file_is_registered_beside_the_builtins_and_cannot_take_their_ids() {
    let text = doc_examples()[1].clone();
    let s = register(&text).expect("registered");
    assert!(!s.builtin);
    assert!(std::ptr::eq(
        scenarios::find("cram-md5-login").expect("found"),
        s
    ));
    assert!(scenarios::all().iter().any(|x| x.id == "cram-md5-login"));
    // The same file again is the same scenario (no second copy).
    assert!(std::ptr::eq(register(&text).expect("again"), s));
    // A built-in id is refused.
    let builtin = doc_examples()[0].clone();
    assert_eq!(register(&builtin).err(), Some(RegisterError::BuiltinId));
    assert!(matches!(
        register("format = 1\n"),
        Err(RegisterError::Invalid(_))
    ));
}

#[test]
fn the_builtin_checks_name_the_situations_they_did_in_rust() {
    let s = scenarios::find("greylisting").expect("greylisting");
    assert_eq!(
        s.checks,
        vec![Condition::Reply {
            any: vec![Want::Situation(Situation::Queued)],
            after: Some(Want::Situation(Situation::Greylisted)),
        }]
    );
}

fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_smtp-trainer"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn scenario_check_passes_every_builtin_file() {
    let files: Vec<String> = scenarios::BUILTIN_FILES
        .iter()
        .map(|(name, _)| format!("{}/scenarios/{name}", env!("CARGO_MANIFEST_DIR")))
        .collect();
    let args: Vec<&str> = ["scenario", "check"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let (code, out) = cli(&args);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.matches("solution played: the goal is not met before it and is met after it")
            .count(),
        scenarios::BUILTIN_FILES.len(),
        "{out}"
    );
    let mut zh = args.clone();
    zh.push("--lang");
    zh.push("zh");
    let (code, out) = cli(&zh);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.matches("已演示解法").count(),
        scenarios::BUILTIN_FILES.len(),
        "{out}"
    );
}

#[test]
fn scenario_check_names_each_error_and_fails() {
    let dir = std::env::temp_dir().join(format!("scenario-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let broken = dir.join("broken.toml");
    std::fs::write(&broken, BROKEN).expect("write");
    let path = broken.to_string_lossy().into_owned();
    let (code, out) = cli(&["scenario", "check", &path]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.lines().count(), 13, "{out}");
    assert!(
        out.contains(&format!("{path}: line 4: unknown key “titel”")),
        "{out}"
    );
    let (code, out) = cli(&["scenario", "check", "--lang", "zh", &path]);
    assert_eq!(code, 1);
    assert!(
        out.contains("第 35 行：“telepathy”不是“check.kind”的有效值"),
        "{out}"
    );
    // A solution that does not meet the goal.
    let weak = dir.join("weak.toml");
    let text = doc_examples()[1].replace("\"RCPT TO:<carol@example.com>\",\n", "");
    std::fs::write(&weak, text).expect("write");
    let (code, out) = cli(&["scenario", "check", &weak.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the solution does not meet the goal"), "{out}");
    let (code, _) = cli(&[
        "scenario",
        "check",
        &dir.join("absent.toml").to_string_lossy(),
    ]);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A teacher's scenario on the Gmail profile: `tokens` gives the account its access token,
/// and AUTH XOAUTH2 with it meets an XOAUTH2 check (a wrong token would not).
#[test]
fn a_gmail_scenario_with_a_token_is_solved_with_xoauth2() {
    use base64::Engine as _;
    let b64 = |text: &str| base64::engine::general_purpose::STANDARD.encode(text);
    let right = b64("user=alice@example.com\x01auth=Bearer ya29.a0-token\x01\x01");
    let text = doc_examples()[1]
        .replace("profile = \"postfix\"", "profile = \"gmail\"")
        .replace(
            "accounts = [\"alice@example.com:secret\"]",
            "accounts = [\"alice@example.com:secret\"]\ntokens = [\"alice@example.com:ya29.a0-token\"]",
        )
        .replace("mechanism = \"CRAM-MD5\"", "mechanism = \"XOAUTH2\"")
        .replace(
            "\"AUTH CRAM-MD5\",\n    \"@cram-md5 alice@example.com secret\",",
            // Gmail takes AUTH only inside TLS.
            &format!("\"STARTTLS\",\n    \"EHLO school.example\",\n    \"AUTH XOAUTH2 {right}\","),
        );
    let s = parse_scenario(&text, false).unwrap_or_else(|e| panic!("{e:?}"));
    let (_, after) = s.play_solution();
    assert_eq!(after.mechanism.as_deref(), Some("XOAUTH2"));
    assert!(s.is_done(&after), "the XOAUTH2 solution fails");
    // Without STARTTLS, Gmail refuses the AUTH (530 5.7.0), and the goal is not met.
    let in_clear = text.replace("\"STARTTLS\",\n    \"EHLO school.example\",\n", "");
    let s = parse_scenario(&in_clear, false).unwrap_or_else(|e| panic!("{e:?}"));
    let (_, after) = s.play_solution();
    assert!(!s.is_done(&after), "AUTH in clear met a Gmail goal");
    // A token for an account the file does not have is an error with its line.
    let bad = text.replace(
        "tokens = [\"alice@example.com:ya29.a0-token\"]",
        "tokens = [\"nobody@example.com:x\"]",
    );
    assert!(!errors(&bad).is_empty());
}
