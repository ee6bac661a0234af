//! Checks the reference tables' data: every required code is there, once and in order;
//! the enhanced codes are exactly IANA's registry (`tests/fixtures/enhanced-status-codes.tsv`);
//! every code the engine's own server can send is explained; every "RFC NNNN §x" cited
//! names a section that exists (`tests/fixtures/rfc-sections.tsv`); every text exists in
//! both languages; the examples and enhanced codes agree with their entries; the lessons
//! of the seed documents are in the data; and search finds them.

use smtp_trainer::i18n::{Lang, Tr};
use smtp_trainer::smtp::codes::{EnhancedCode, ReplyCode};
use smtp_trainer::smtp::reference::{
    enhanced_info, provider_notes, provider_tags_for, provider_tags_in, reply_info, search, Entry,
    ENHANCED_CODES, PROVIDER_NOTES, PROVIDER_TAGS, REPLY_CODES,
};
use smtp_trainer::smtp::rfc_sections::{citations, sections, Section};

/// The reply codes the reference must explain, exactly: every code of RFC 5321 §4.2.2 and
/// §4.2.3 (with 455), RFC 3207, RFC 4954 §6 and RFC 7504 (521, 556), and the codes real
/// servers send that no RFC defines (435: Exim; 523).
const REQUIRED_REPLY_CODES: &[u16] = &[
    211, 214, 220, 221, 235, 250, 251, 252, 334, 353, 354, 421, 432, 435, 450, 451, 452, 454, 455,
    458, 459, 500, 501, 502, 503, 504, 521, 523, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555,
    556,
];

/// One row of the registry snapshot.
struct RegistryRow {
    subject: u16,
    detail: u16,
    title: String,
    classes: Vec<u8>,
    rfc: String,
    section: String,
}

/// IANA's "SMTP Enhanced Status Codes" registry, as transcribed in the fixture.
fn registry() -> Vec<RegistryRow> {
    let text = include_str!("fixtures/enhanced-status-codes.tsv");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("code\t") && !line.is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "fixture row {line:?}");
            let code = fields[0].strip_prefix("X.").expect("X.s.d");
            let (subject, detail) = code.split_once('.').expect("X.s.d");
            RegistryRow {
                subject: subject.parse().expect("subject"),
                detail: detail.parse().expect("detail"),
                title: fields[1].to_string(),
                classes: fields[2]
                    .split(',')
                    .map(|c| c.parse().expect("class"))
                    .collect(),
                rfc: fields[3].to_string(),
                section: fields[4].to_string(),
            }
        })
        .collect()
}

/// The enhanced status code details the reference must explain: the whole registry.
fn required_enhanced() -> Vec<(u16, u16)> {
    registry()
        .iter()
        .map(|row| (row.subject, row.detail))
        .collect()
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn reply(code: u16) -> &'static smtp_trainer::smtp::reference::ReplyInfo {
    reply_info(ReplyCode::new(code).unwrap()).unwrap_or_else(|| panic!("no entry for {code}"))
}

fn all_texts(tr: Tr) -> String {
    Lang::ALL
        .iter()
        .map(|&lang| tr.get(lang))
        .collect::<Vec<_>>()
        .join("\n")
}

fn reply_texts(code: u16) -> String {
    let info = reply(code);
    [info.title, info.when, info.action]
        .into_iter()
        .map(all_texts)
        .collect::<Vec<_>>()
        .join("\n")
}

// ----------------------------------------------------------------------------- reply codes

#[test]
fn every_required_reply_code_is_present_exactly_once() {
    for &code in REQUIRED_REPLY_CODES {
        let count = REPLY_CODES.iter().filter(|info| info.code == code).count();
        assert_eq!(count, 1, "reply code {code} appears {count} times");
        let parsed = ReplyCode::parse(&code.to_string()).unwrap();
        let info = reply_info(parsed).unwrap_or_else(|| panic!("reply_info({code}) is None"));
        assert_eq!(info.code, code);
    }
    let table: Vec<u16> = REPLY_CODES.iter().map(|info| info.code).collect();
    assert_eq!(
        table, REQUIRED_REPLY_CODES,
        "the table holds exactly the required codes"
    );
}

#[test]
fn reply_codes_are_strictly_ascending_and_valid() {
    for pair in REPLY_CODES.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    for info in REPLY_CODES {
        assert!(
            ReplyCode::new(info.code).is_ok(),
            "{} is not a reply code",
            info.code
        );
    }
}

#[test]
fn reply_lookup_by_parsed_code_finds_553() {
    let info = reply_info(ReplyCode::parse("553").unwrap()).expect("553 has an entry");
    assert_eq!(info.code, 553);
}

// -------------------------------------------------------------------------- enhanced codes

#[test]
fn every_required_enhanced_detail_is_present_exactly_once() {
    for (subject, detail) in required_enhanced() {
        let count = ENHANCED_CODES
            .iter()
            .filter(|info| (info.subject, info.detail) == (subject, detail))
            .count();
        assert_eq!(count, 1, "X.{subject}.{detail} appears {count} times");
        for class in [2, 4, 5] {
            let code = EnhancedCode::new(class, subject, detail).unwrap();
            let info = enhanced_info(code)
                .unwrap_or_else(|| panic!("enhanced_info({class}.{subject}.{detail}) is None"));
            assert_eq!((info.subject, info.detail), (subject, detail));
        }
    }
}

#[test]
fn the_enhanced_codes_are_exactly_the_registry_with_its_titles_classes_and_sources() {
    let rows = registry();
    assert_eq!(rows.len(), 81, "the fixture lost or gained rows");
    assert_eq!(
        ENHANCED_CODES.len(),
        rows.len(),
        "the reference holds a detail the registry does not list, or misses one"
    );
    for row in &rows {
        let label = format!("X.{}.{}", row.subject, row.detail);
        let info = ENHANCED_CODES
            .iter()
            .find(|info| (info.subject, info.detail) == (row.subject, row.detail))
            .unwrap_or_else(|| panic!("{label} of the registry is not in the reference"));
        if row.title != "-" {
            assert!(
                info.title.en.eq_ignore_ascii_case(&row.title),
                "{label}: title {:?}, the registry says {:?}",
                info.title.en,
                row.title
            );
        }
        assert_eq!(info.classes, row.classes.as_slice(), "{label}: classes");
        if row.rfc != "-" {
            let rfc = format!("RFC {}", row.rfc);
            assert!(
                info.source.contains(&rfc),
                "{label}: source {:?} does not name {rfc}",
                info.source
            );
        }
        if row.section != "-" {
            let cited = format!("RFC {} §{}", row.rfc, row.section);
            assert!(
                info.source.contains(&cited),
                "{label}: source {:?} does not cite {cited}",
                info.source
            );
        }
    }
}

#[test]
fn rfc_3463_citations_name_the_section_of_their_subject() {
    // X.0 is §3.1, X.1 is §3.2 … X.7 is §3.8; there is no §3.9.
    for info in ENHANCED_CODES {
        for (rfc, section) in citations(info.source) {
            if rfc == 3463 {
                assert_eq!(
                    section,
                    format!("3.{}", info.subject + 1),
                    "X.{}.{} cites RFC 3463 §{section}",
                    info.subject,
                    info.detail
                );
            }
        }
    }
}

/// May an entry about `subjects` (its reply code and enhanced codes, written `550` and
/// `X.7.26`) cite this section?
fn fits(section: &Section, subjects: &[String]) -> bool {
    section.cited_for.iter().any(|allowed| {
        allowed == "*"
            || subjects.iter().any(|subject| {
                subject == allowed
                    || allowed.strip_suffix('*').is_some_and(|prefix| {
                        subject.starts_with(prefix) && prefix.starts_with("X.")
                    })
            })
    })
}

/// The sections of the committed list, each with a title.
fn known_sections() -> Vec<Section> {
    let known = sections().unwrap_or_else(|problem| panic!("{problem}"));
    for row in &known {
        assert!(
            !row.title.is_empty(),
            "RFC {} §{} has no title",
            row.rfc,
            row.section
        );
    }
    known
}

/// `5.7.26` as the section list writes a subject: `X.7.26`.
fn enhanced_subject(code: &str) -> String {
    match code.split_once('.') {
        Some((_, rest)) => format!("X.{rest}"),
        None => code.to_string(),
    }
}

#[test]
fn every_cited_section_exists_and_is_about_the_code_that_cites_it() {
    let known = known_sections();
    // (label, what the text is about, text); an empty subject list is a source file whose
    // citations are checked for existence only.
    let mut texts: Vec<(String, Vec<String>, String)> = Vec::new();
    for info in REPLY_CODES {
        let label = info.code.to_string();
        let subjects = vec![label.clone()];
        texts.push((label.clone(), subjects.clone(), info.source.to_string()));
        for tr in [info.title, info.when, info.action] {
            texts.push((label.clone(), subjects.clone(), all_texts(tr)));
        }
    }
    for info in ENHANCED_CODES {
        let label = format!("X.{}.{}", info.subject, info.detail);
        let subjects = vec![label.clone()];
        texts.push((label.clone(), subjects.clone(), info.source.to_string()));
        for tr in [info.title, info.meaning, info.action] {
            texts.push((label.clone(), subjects.clone(), all_texts(tr)));
        }
    }
    for note in PROVIDER_NOTES {
        let label = format!("{} {}", note.provider.en, note.code);
        let subjects = vec![note.reply.to_string(), enhanced_subject(note.code)];
        texts.push((label, subjects, all_texts(note.meaning)));
    }
    for tag in PROVIDER_TAGS {
        let label = format!("{} {} {}", tag.provider.en, tag.reply, tag.tag);
        texts.push((label, vec![tag.reply.to_string()], all_texts(tag.meaning)));
    }
    // The digit and error texts of the code reader and the explanations.
    texts.push((
        "codes.rs".into(),
        Vec::new(),
        include_str!("../src/smtp/codes.rs").into(),
    ));
    texts.push((
        "explain.rs".into(),
        Vec::new(),
        include_str!("../src/smtp/explain.rs").into(),
    ));
    let mut checked = 0;
    let mut by_subject = 0;
    for (label, subjects, text) in &texts {
        for (rfc, section) in citations(text) {
            checked += 1;
            let Some(row) = known
                .iter()
                .find(|row| row.rfc == rfc && row.section == section)
            else {
                panic!(
                    "{label} cites RFC {rfc} §{section}, which tests/fixtures/rfc-sections.tsv does not list"
                );
            };
            if !subjects.is_empty() {
                by_subject += 1;
                assert!(
                    fits(row, subjects),
                    "{label} cites RFC {rfc} §{section}, which is about {:?}, not {subjects:?}",
                    row.cited_for
                );
            }
        }
    }
    assert!(
        by_subject > 100,
        "only {by_subject} citations checked against their subject: the scanner is broken"
    );
    assert!(
        checked > 100,
        "only {checked} citations found: the scanner is broken"
    );
    assert_eq!(
        citations("RFC 5321 §4.2.2, §4.2.3; RFC 3463 §3.1–§3.8"),
        [
            (5321, "4.2.2".to_string()),
            (5321, "4.2.3".to_string()),
            (3463, "3.1".to_string()),
            (3463, "3.8".to_string())
        ]
    );
    assert!(
        !known
            .iter()
            .any(|row| row.rfc == 3463 && row.section == "3.9"),
        "RFC 3463 has no §3.9"
    );
    // The subject check is a real one: the 556 section does not fit 521, X.7.* fits X.7.26
    // but not X.5.1.
    let find = |rfc: u32, section: &str| {
        known
            .iter()
            .find(|row| row.rfc == rfc && row.section == section)
            .expect("listed")
    };
    assert!(fits(find(7504, "4"), &["556".into()]));
    assert!(!fits(find(7504, "4"), &["521".into()]));
    assert!(fits(find(3463, "3.8"), &["X.7.26".into()]));
    assert!(!fits(find(3463, "3.8"), &["X.5.1".into()]));
    assert!(!fits(find(3463, "3.8"), &["550".into()]));
}

/// The reply codes and enhanced codes in the engine's reply tables: every `t(code,
/// "enhanced", …)` of the server profiles and every `Template { code, enhanced }` the
/// server builds itself.
fn engine_codes() -> Vec<(u16, Option<String>)> {
    let mut found = Vec::new();
    // The profiles, and every file of the server's folder.
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/src/smtp/server");
    let mut sources = vec![include_str!("../src/smtp/profile.rs").to_string()];
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("src/smtp/server")
        .map(|entry| entry.expect("a file").path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    for path in files {
        sources.push(std::fs::read_to_string(path).expect("readable"));
    }
    for source in &sources {
        let mut rest = source.as_str();
        while let Some(at) = rest.find("t(") {
            rest = &rest[at + 2..];
            let bytes = rest.as_bytes();
            if bytes.len() > 6 && bytes[..3].iter().all(u8::is_ascii_digit) && &rest[3..6] == ", \""
            {
                let code: u16 = rest[..3].parse().expect("three digits");
                let enhanced = rest[6..].split('"').next().unwrap_or_default();
                found.push((code, (!enhanced.is_empty()).then(|| enhanced.to_string())));
            }
        }
        let mut rest = source.as_str();
        while let Some(at) = rest.find("code: ") {
            rest = &rest[at + 6..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() != 3 || !rest[3..].starts_with(',') {
                continue;
            }
            let enhanced = rest
                .split_once("enhanced: Some(\"")
                .filter(|(between, _)| between.len() < 80)
                .and_then(|(_, after)| after.split('"').next())
                .map(str::to_string);
            found.push((digits.parse().expect("three digits"), enhanced));
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_code_the_engine_can_send_is_in_the_reference() {
    let codes = engine_codes();
    assert!(
        codes.len() > 40,
        "only {} codes found: the scanner is broken",
        codes.len()
    );
    for code in [435, 521, 554, 452] {
        assert!(
            codes.iter().any(|(c, _)| *c == code),
            "{code} not found in the tables"
        );
    }
    for (code, enhanced) in &codes {
        let parsed = ReplyCode::new(*code).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert!(
            reply_info(parsed).is_some(),
            "the engine sends {code}, which the reference does not explain"
        );
        if let Some(enhanced) = enhanced {
            let parsed =
                EnhancedCode::parse(enhanced).unwrap_or_else(|e| panic!("{enhanced}: {e}"));
            assert!(
                enhanced_info(parsed).is_some(),
                "the engine sends {code} {enhanced}, whose detail the reference does not explain"
            );
        }
    }
}

#[test]
fn provider_notes_are_consistent_and_sourced() {
    for pair in PROVIDER_NOTES.windows(2) {
        let (a, b) = (
            EnhancedCode::parse(pair[0].code).expect("code"),
            EnhancedCode::parse(pair[1].code).expect("code"),
        );
        assert!(a < b, "{a} before {b}: keep PROVIDER_NOTES ascending");
    }
    for note in PROVIDER_NOTES {
        let code = EnhancedCode::parse(note.code).unwrap_or_else(|e| panic!("{}: {e}", note.code));
        assert_eq!(
            u16::from(code.class()),
            note.reply / 100,
            "{}: class and reply disagree",
            note.code
        );
        let reply = ReplyCode::new(note.reply).expect("reply code");
        assert!(
            reply_info(reply).is_some(),
            "{}: {} is not in the reference",
            note.code,
            note.reply
        );
        assert!(
            !note.from.en.trim().is_empty() && !note.from.zh.trim().is_empty(),
            "{}: no source in both languages",
            note.code
        );
        assert!(
            !note.provider.en.trim().is_empty()
                && !note.provider.zh.trim().is_empty()
                && !note.wording.trim().is_empty()
        );
        assert!(
            !note.wording.contains(['\r', '\n']),
            "{}: line break",
            note.code
        );
        check_text(note.code, "meaning", note.meaning);
        assert_eq!(provider_notes(code), [note], "{}: lookup", note.code);
        // A detail beyond the registry must say so; a registered one must not claim it.
        let registered = enhanced_info(code).is_some();
        let says_own = note.meaning.en.contains("not the registry's");
        assert_eq!(
            registered, !says_own,
            "{}: registered={registered}",
            note.code
        );
    }
    for code in ["5.7.26", "4.7.28", "5.7.515", "5.7.708", "4.7.650"] {
        let code = EnhancedCode::parse(code).expect("code");
        assert_eq!(provider_notes(code).len(), 1, "{code}");
    }
    // The class is part of the code: Gmail's 4.7.28 is not 5.7.28.
    assert!(provider_notes(EnhancedCode::parse("5.7.28").expect("code")).is_empty());
}

#[test]
fn provider_tags_are_ordered_sourced_and_found_in_pasted_replies() {
    for pair in PROVIDER_TAGS.windows(2) {
        let (a, b) = ((pair[0].reply, pair[0].tag), (pair[1].reply, pair[1].tag));
        assert!(
            a < b,
            "{a:?} before {b:?}: keep PROVIDER_TAGS ordered by reply, then tag"
        );
    }
    for tag in PROVIDER_TAGS {
        let label = format!("{} {}", tag.reply, tag.tag);
        let reply = ReplyCode::new(tag.reply).expect("reply code");
        assert!(
            reply_info(reply).is_some(),
            "{label}: reply not in the reference"
        );
        let bytes = tag.tag.as_bytes();
        assert!(
            bytes.len() == 6
                && bytes[2] == b':'
                && bytes
                    .iter()
                    .enumerate()
                    .all(|(i, b)| i == 2 || b.is_ascii_uppercase()),
            "{label}: a tag is two letters, a colon and three letters"
        );
        assert!(
            tag.published.chars().any(is_cjk),
            "{label}: NetEase's own words"
        );
        assert!(!tag.published.contains(['\r', '\n', '；']), "{label}");
        assert!(
            tag.from.en.contains("help_spam_16") && tag.from.zh.contains("help_spam_16"),
            "{label}: the published list"
        );
        check_text(&label, "meaning", tag.meaning);
        assert!(
            provider_tags_for(tag.reply)
                .iter()
                .any(|t| std::ptr::eq(*t, tag)),
            "{label}: lookup"
        );
    }
    // The issue's own examples, and the reply codes they come with.
    let found = |reply: Option<u16>, text: &str| -> Vec<(u16, &str)> {
        provider_tags_in(reply, text)
            .into_iter()
            .map(|t| (t.reply, t.tag))
            .collect()
    };
    // A real 126.com refusal as posted, address made a placeholder.
    let imf = "MI:IMF 126 mx2,IMmowACXz0un8TlfJMPIAg--.47921S3 1597632936 http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1&hostid=mx2&time=1597632936";
    assert_eq!(found(Some(550), imf), [(550, "MI:IMF")]);
    assert_eq!(
        found(Some(554), "DT:SPM 163 smtp14,EsCowAD3"),
        [(554, "DT:SPM")]
    );
    // The same tag under another code means something else: 451 defers, 554 refuses.
    assert_eq!(
        found(Some(451), "DT:SPM ,please try again"),
        [(451, "DT:SPM")]
    );
    let dt_spm = provider_tags_for(451)
        .into_iter()
        .chain(provider_tags_for(554))
        .filter(|t| t.tag == "DT:SPM")
        .count();
    assert_eq!(dt_spm, 2);
    // A code the tag is not listed under shows every listing of the tag.
    assert_eq!(
        found(Some(552), "dt:spm"),
        [(451, "DT:SPM"), (550, "DT:SPM"), (554, "DT:SPM")]
    );
    // Words that merely look alike are not tags.
    assert!(found(Some(550), "Mailbox unavailable: DT:SPAM, XDT:SPM, MI:IMFX").is_empty());
}

#[test]
fn enhanced_codes_are_strictly_ascending_and_valid() {
    for pair in ENHANCED_CODES.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (a.subject, a.detail) < (b.subject, b.detail),
            "X.{}.{} before X.{}.{}",
            a.subject,
            a.detail,
            b.subject,
            b.detail
        );
    }
    for info in ENHANCED_CODES {
        assert!(
            info.subject <= 7,
            "X.{}.{}: subjects are 0 to 7",
            info.subject,
            info.detail
        );
        assert!(EnhancedCode::new(5, info.subject, info.detail).is_ok());
        assert!(
            !info.source.trim().is_empty(),
            "X.{}.{} has no source",
            info.subject,
            info.detail
        );
    }
}

#[test]
fn enhanced_codes_of_replies_parse_match_the_class_and_are_explained() {
    for info in REPLY_CODES {
        for text in info.enhanced {
            let code = EnhancedCode::parse(text)
                .unwrap_or_else(|e| panic!("{}: {text:?} does not parse: {e}", info.code));
            assert_eq!(
                u16::from(code.class()),
                info.code / 100,
                "{}: {text} has the wrong class for the reply",
                info.code
            );
            assert!(
                enhanced_info(code).is_some(),
                "{}: {text} has no ENHANCED_CODES entry",
                info.code
            );
        }
        let mut seen = info.enhanced.to_vec();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen.len(),
            info.enhanced.len(),
            "{}: duplicate enhanced codes",
            info.code
        );
    }
}

#[test]
fn example_lines_start_with_their_code_and_agree_with_the_enhanced_list() {
    for info in REPLY_CODES {
        assert!(
            info.examples.len() <= 3,
            "{}: keep it to 0-3 examples",
            info.code
        );
        let prefix = info.code.to_string();
        for line in info.examples {
            let rest = line
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{}: example {line:?} has another code", info.code));
            assert!(
                rest.starts_with(' ') || rest.starts_with('-'),
                "{}: example {line:?}: the code must be followed by ' ' or '-'",
                info.code
            );
            assert!(
                !line.contains(['\r', '\n']),
                "{}: example {line:?} holds a line break",
                info.code
            );
            // An enhanced code right after the reply code must be one the entry lists.
            if let Some(first) = rest[1..].split(' ').next() {
                if let Ok(code) = EnhancedCode::parse(first) {
                    assert!(
                        info.enhanced.contains(&first),
                        "{}: example {line:?} carries {code:?}, which `enhanced` does not list",
                        info.code
                    );
                }
            }
        }
        assert!(
            !info.source.trim().is_empty(),
            "{} has no source",
            info.code
        );
    }
}

// ----------------------------------------------------------------------------------- texts

fn check_text(label: &str, field: &str, tr: Tr) {
    assert!(
        !tr.en.trim().is_empty(),
        "{label} {field}: English is empty"
    );
    assert!(
        !tr.zh.trim().is_empty(),
        "{label} {field}: Chinese is empty"
    );
    assert!(
        tr.zh.chars().any(is_cjk),
        "{label} {field}: the Chinese text has no Chinese character: {:?}",
        tr.zh
    );
    assert!(
        !tr.en.chars().any(is_cjk),
        "{label} {field}: the English text contains Chinese characters: {:?}",
        tr.en
    );
    assert_eq!(
        tr.en.trim(),
        tr.en,
        "{label} {field}: English has stray whitespace"
    );
    assert_eq!(
        tr.zh.trim(),
        tr.zh,
        "{label} {field}: Chinese has stray whitespace"
    );
}

#[test]
fn every_text_exists_in_both_languages() {
    for info in REPLY_CODES {
        let label = info.code.to_string();
        check_text(&label, "title", info.title);
        check_text(&label, "when", info.when);
        check_text(&label, "action", info.action);
    }
    for info in ENHANCED_CODES {
        let label = format!("X.{}.{}", info.subject, info.detail);
        check_text(&label, "title", info.title);
        check_text(&label, "meaning", info.meaning);
        check_text(&label, "action", info.action);
    }
}

// --------------------------------------------------------------------------- seed lessons

#[test]
fn the_163_sender_lesson_is_in_553() {
    let info = reply(553);
    assert!(
        info.examples
            .iter()
            .any(|line| line.contains("553 Mail from must equal authorized user")),
        "553 lacks the 163.com example"
    );
}

#[test]
fn the_saslauthd_lesson_is_in_535() {
    let texts = reply_texts(535);
    assert!(
        texts.contains("saslauthd"),
        "535 does not mention saslauthd"
    );
    assert!(
        reply(535)
            .examples
            .iter()
            .any(|line| line.starts_with("535 5.7.0")),
        "535 lacks Sendmail's 535 5.7.0 example"
    );
}

#[test]
fn the_base64_challenge_lesson_is_in_334() {
    let info = reply(334);
    let in_texts = reply_texts(334).contains("VXNlcm5hbWU6");
    let in_examples = info
        .examples
        .iter()
        .any(|line| line.contains("VXNlcm5hbWU6"));
    assert!(in_texts || in_examples, "334 does not mention VXNlcm5hbWU6");
}

#[test]
fn the_typo_lesson_is_in_500() {
    let texts = reply_texts(500).to_lowercase();
    let examples = reply(500).examples.join("\n").to_lowercase();
    assert!(
        texts.contains("rcpr") || texts.contains("did you mean") || examples.contains("rcpr"),
        "500 does not mention the RCPR typo"
    );
}

// ---------------------------------------------------------------------------------- search

fn has_reply(hits: &[Entry], code: u16) -> bool {
    hits.iter()
        .any(|entry| matches!(entry, Entry::Reply(info) if info.code == code))
}

fn has_enhanced(hits: &[Entry], subject: u16, detail: u16) -> bool {
    hits.iter().any(|entry| {
        matches!(entry, Entry::Enhanced(info) if (info.subject, info.detail) == (subject, detail))
    })
}

#[test]
fn search_by_full_reply_code() {
    assert!(has_reply(&search("553"), 553));
}

#[test]
fn search_by_code_prefix_finds_exactly_the_replies_in_range() {
    let hits = search("55");
    let expected: Vec<u16> = REPLY_CODES
        .iter()
        .map(|info| info.code)
        .filter(|code| (550..=559).contains(code))
        .collect();
    assert!(expected.contains(&556), "{expected:?}");
    let found: Vec<u16> = hits
        .iter()
        .map(|entry| match entry {
            Entry::Reply(info) => info.code,
            Entry::Enhanced(info) => {
                panic!("search(\"55\") returned X.{}.{}", info.subject, info.detail)
            }
        })
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn search_by_enhanced_code_finds_the_detail_and_its_replies() {
    let hits = search("5.7.8");
    assert!(has_enhanced(&hits, 7, 8), "search(\"5.7.8\") lacks X.7.8");
    assert!(has_reply(&hits, 535), "search(\"5.7.8\") lacks 535");
}

#[test]
fn search_by_words_in_either_language() {
    assert!(has_reply(&search("saslauthd"), 535));
    assert!(!search("认证").is_empty());
}

#[test]
fn empty_search_returns_everything_in_order() {
    let hits = search("");
    assert_eq!(hits.len(), REPLY_CODES.len() + ENHANCED_CODES.len());
    let replies = REPLY_CODES.iter().map(Entry::Reply);
    let enhanced = ENHANCED_CODES.iter().map(Entry::Enhanced);
    assert!(hits.iter().copied().eq(replies.chain(enhanced)));
}

#[test]
fn search_survives_a_huge_random_query() {
    // A deterministic xorshift generator: ASCII letters and digits, dots, spaces,
    // punctuation and Chinese characters, about 1 MB in all.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces = [
        '.', ' ', '5', '7', 'x', 'X', ':', ',', '认', '证', '\t', '\n', '-',
    ];
    let mut query = String::with_capacity(1 << 20);
    while query.len() < 1 << 20 {
        let r = next();
        let c = match r % 4 {
            0 => pieces[(r >> 8) as usize % pieces.len()],
            1 => char::from(b'0' + (r >> 8) as u8 % 10),
            2 => char::from(b'a' + (r >> 8) as u8 % 26),
            _ => char::from_u32(0x4E00 + (r >> 8) as u32 % 0x5200).unwrap(),
        };
        query.push(c);
    }
    let _ = search(&query);
    let _ = search(&"5.".repeat(500_000));
    let _ = search(&"9".repeat(1 << 20));
}

/// A provider's reason tag named in a reply code's text (NetEase's `DT:SPM` under 451) is one
/// the provider tags list has for that reply code, so the prose and the list below it agree.
#[test]
fn reason_tags_named_in_a_replys_text_are_its_own() {
    for info in REPLY_CODES {
        let code = info.code;
        for text in [info.when.en, info.when.zh] {
            let words: Vec<&str> = text
                .split(|c: char| !(c.is_ascii_uppercase() || c == ':'))
                .filter(|w| {
                    w.len() == 6
                        && w.as_bytes()[2] == b':'
                        && w.bytes().filter(|b| b.is_ascii_uppercase()).count() == 5
                })
                .collect();
            for tag in words {
                assert!(
                    PROVIDER_TAGS
                        .iter()
                        .any(|t| t.reply == code && t.tag == tag),
                    "{code} names {tag}, which the provider tags list does not have for {code}"
                );
            }
        }
    }
}
