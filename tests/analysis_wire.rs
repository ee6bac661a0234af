//! An analysis crosses the page's worker boundary as serde data (issue 13: long logs are
//! analyzed off the main thread): every log of the analyzer corpus and the real server
//! logs, analyzed, written and read back, must be the same analysis — the page shows
//! exactly what the engine computed.

use std::path::PathBuf;

use smtp_trainer::analyze::{analyze, Analysis};

fn logs() -> Vec<(String, String)> {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let corpus = fixtures.join("analyzer-corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    for name in [
        "real-exim.log",
        "real-postfix.log",
        "real-sendmail.log",
        "phpmailer.log",
    ] {
        paths.push(fixtures.join(name));
    }
    paths.sort();
    for path in paths {
        if path.extension().is_some_and(|e| e == "json") {
            continue;
        }
        if let Ok(bytes) = std::fs::read(&path) {
            out.push((
                path.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    out
}

#[test]
fn every_corpus_analysis_reads_back_equal() {
    let logs = logs();
    assert!(logs.len() > 50, "only {} logs found", logs.len());
    let mut findings = 0;
    let mut sourced = 0;
    for (name, text) in logs {
        let analysis = analyze(&text);
        findings += analysis.findings.len();
        sourced += analysis
            .findings
            .iter()
            .filter(|f| f.source.is_some())
            .count();
        let wire = serde_json::to_string(&analysis).expect("an analysis serializes");
        let back: Analysis = serde_json::from_str(&wire).expect("and reads back");
        assert_eq!(back, analysis, "{name}");
    }
    // The ids the analyzer holds as its own (causes, fixes, rule sources) were read back.
    assert!(
        findings > 50 && sourced > 5,
        "{findings} findings, {sourced} with a source"
    );
}

#[test]
fn an_id_the_analyzer_does_not_make_is_refused() {
    let analysis = analyze("S: 535 5.7.8 Authentication credentials invalid\n");
    let wire = serde_json::to_string(&analysis).expect("serializes");
    let cause = analysis
        .findings
        .first()
        .map(|f| f.cause)
        .expect("a finding");
    let forged = wire.replace(&format!("\"{cause}\""), "\"made-up-cause\"");
    assert_ne!(forged, wire);
    assert!(serde_json::from_str::<Analysis>(&forged).is_err());
}
