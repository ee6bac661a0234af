//! Property tests: every message-authentication parser and evaluator takes any input —
//! a pasted message, a signature, a key record, an SPF or DMARC record, a records file —
//! without panicking, and every error it returns has words in both languages.

use proptest::prelude::*;
use smtp_trainer::i18n::Lang;
use smtp_trainer::msgauth::dkim::verify::{verify, VerifyInput};
use smtp_trainer::msgauth::dkim::{canon, key, message, signature, tags, Canon};
use smtp_trainer::msgauth::dmarc::{self, AuthResults};
use smtp_trainer::msgauth::dns::Zone;
use smtp_trainer::msgauth::spf::{self, SpfResult};

const ED25519_RECORD: &str = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
const RSA_RECORD: &str = "v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

fn words<E>(describe: impl Fn(Lang) -> String, _: &E) -> bool {
    Lang::ALL.iter().all(|l| !describe(*l).is_empty())
}

/// Something shaped like a DKIM-Signature value, with pieces chosen at random.
fn signature_like() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["v=1", "v=2", "", "v="]),
        prop::sample::select(vec!["a=rsa-sha256", "a=ed25519-sha256", "a=rsa-sha1", "a="]),
        prop::sample::select(vec![
            "c=relaxed/relaxed",
            "c=simple",
            "c=relaxed/",
            "c=x/y",
            "",
        ]),
        prop::sample::select(vec!["h=from:to", "h=to", "h=", "h=from : subject"]),
        "[A-Za-z0-9+/=]{0,12}",
        "[A-Za-z0-9+/= \t]{0,90}",
        prop::sample::select(vec![
            "",
            "l=0",
            "l=5",
            "l=99999999999999",
            "t=5; x=3",
            "x=1",
            "i=@x.example",
            "i=a@b",
        ]),
    )
        .prop_map(|(v, a, c, h, bh, b, extra)| {
            format!(
                "{v}; {a}; {c}; d=football.example.com; s=brisbane; {h}; bh={bh}; b={b}; {extra}"
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_bytes_as_a_message_are_verified_or_refused(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let r = verify(&VerifyInput { message: &bytes, index: 0, key_record: ED25519_RECORD, now: Some(1) });
        if let Some(f) = &r.failure {
            prop_assert!(words(|l| f.describe(l), f));
        }
        let _ = message::parse(&bytes);
        let mut ch = canon::Changes::default();
        let _ = canon::body(&bytes, Canon::Relaxed, &mut ch);
        let _ = canon::body(&bytes, Canon::Simple, &mut ch);
        let _ = canon::header(&bytes, Canon::Relaxed, &mut ch);
    }

    #[test]
    fn signature_shaped_fields_never_panic(value in signature_like(), body in "[a-z \t\r\n]{0,80}") {
        let msg = format!("DKIM-Signature: {value}\r\nFrom: a@football.example.com\r\n\r\n{body}");
        for record in [ED25519_RECORD, RSA_RECORD, "v=DKIM1; p=", "garbage"] {
            let r = verify(&VerifyInput { message: msg.as_bytes(), index: 0, key_record: record, now: Some(10) });
            if let Some(f) = &r.failure {
                prop_assert!(words(|l| f.describe(l), f));
                prop_assert!(!f.step().is_empty());
            }
        }
        if let Err(e) = signature::parse(value.as_bytes()) {
            prop_assert!(words(|l| e.describe(l), &e));
        }
    }

    #[test]
    fn any_text_as_tags_or_key_records_never_panics(text in any::<String>()) {
        let _ = tags::parse(text.as_bytes());
        if let Err(e) = key::parse(&text) {
            prop_assert!(words(|l| e.describe(l), &e));
        }
        let _ = signature::parse(text.as_bytes());
    }

    #[test]
    fn any_text_as_an_spf_record_never_panics(terms in "v=spf1( [-+~?]?(all|ip4:[0-9./]{0,18}|ip6:[0-9a-f:/]{0,20}|a(:[a-z.%{}]{0,10})?(/[0-9]{0,3})?|mx|ptr|include:[a-z.]{0,8}|exists:%\\{[a-zA-Z0-9r.-]{0,4}\\}[a-z.]{0,6}|redirect=[a-z.]{0,8}|exp=x|[a-z]{1,5}=?[a-z]{0,3})){0,8}") {
        let zone = Zone::parse(&format!("t.example TXT \"{terms}\"\nx.example TXT \"v=spf1 include:t.example -all\"\n")).unwrap_or_default();
        for ip in ["192.0.2.1", "2001:db8::1", "::ffff:192.0.2.1"] {
            let r = spf::check_host(&zone, ip.parse().unwrap(), "a@t.example", "h.example");
            if let Some(e) = &r.error {
                prop_assert!(matches!(r.result, SpfResult::PermError | SpfResult::TempError));
                prop_assert!(words(|l| e.describe(l), e));
            }
            prop_assert!(r.lookups <= 11);
        }
        let _ = spf::record::parse(&terms);
    }

    #[test]
    fn any_text_as_records_files_and_dmarc_never_panics(text in any::<String>(), record in "v=DMARC1(; [a-z]{1,6}=[a-z0-9:@.]{0,8}){0,6}") {
        let _ = Zone::parse(&text);
        let _ = dmarc::record::parse(&text);
        let _ = dmarc::record::parse(&record);
        let zone = Zone::parse(&format!("_dmarc.example.com TXT \"{record}\"\n")).unwrap_or_default();
        let results = AuthResults { spf: Some((SpfResult::Pass, "example.com".into())), dkim: vec![("example.com".into(), false)] };
        let _ = dmarc::evaluate(&zone, "mail.example.com", &results, 50);
        let _ = dmarc::policy::from_domain(text.as_bytes());
        if let Err(e) = dmarc::report::parse(&text) {
            prop_assert!(words(|l| e.describe(l), &e));
        }
    }

    #[test]
    fn report_shaped_xml_never_panics(rows in prop::collection::vec(("[0-9.:a-f]{0,15}", "[0-9]{0,22}", "[a-z.]{0,12}", prop::sample::select(vec!["pass", "fail", "", "PASS"])), 0..6), adkim in prop::sample::select(vec!["r", "s", "", "x"])) {
        let mut xml = format!("<feedback><policy_published><domain>example.com</domain><adkim>{adkim}</adkim></policy_published>");
        for (ip, count, domain, result) in &rows {
            xml.push_str(&format!("<record><row><source_ip>{ip}</source_ip><count>{count}</count></row><identifiers><header_from>{domain}</header_from></identifiers><auth_results><dkim><domain>{domain}</domain><result>{result}</result></dkim><spf><domain>{domain}</domain><result>{result}</result></spf></auth_results></record>"));
        }
        xml.push_str("</feedback>");
        let report = dmarc::report::parse(&xml).unwrap();
        prop_assert_eq!(report.rows.len(), rows.len());
        for row in &report.rows {
            for lang in Lang::ALL {
                prop_assert!(!dmarc::report::diagnose(row, &report.published).describe(lang).is_empty());
            }
        }
    }
}
