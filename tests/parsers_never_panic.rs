//! Property tests: the code parsers, `explain` and `search` take any input a learner can
//! type or paste without panicking, and valid codes survive a print-parse round trip.

use proptest::prelude::*;
use smtp_trainer::i18n::Lang;
use smtp_trainer::smtp::codes::{EnhancedCode, ReplyCode};
use smtp_trainer::smtp::explain::explain;
use smtp_trainer::smtp::reference::search;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_is_explained_or_refused_with_a_bounded_message(input in any::<String>()) {
        match explain(&input) {
            Ok(found) => {
                if let Some(text) = found.text {
                    prop_assert!(text.chars().count() <= 1000);
                }
            }
            Err(err) => {
                for lang in Lang::ALL {
                    prop_assert!(err.describe(lang).len() < 1000);
                }
            }
        }
        let _ = search(&input);
        let _ = ReplyCode::parse(&input);
        let _ = EnhancedCode::parse(&input);
    }

    #[test]
    fn code_shaped_text_never_panics(input in "[0-9xX.: -]{0,16}[A-Za-z ]{0,8}") {
        let _ = explain(&input);
        let _ = search(&input);
    }

    #[test]
    fn valid_reply_codes_round_trip(first in 2u16..=5, second in 0u16..=5, third in 0u16..=9) {
        let value = first * 100 + second * 10 + third;
        let code = ReplyCode::new(value).expect("valid by construction");
        prop_assert_eq!(ReplyCode::parse(&code.to_string()), Ok(code));
        let found = explain(&format!("{code} text")).expect("a reply line");
        prop_assert_eq!(found.reply.map(|r| r.code), Some(code));
    }

    #[test]
    fn valid_enhanced_codes_round_trip(
        class in prop::sample::select(vec![2u8, 4, 5]),
        subject in 0u16..=999,
        detail in 0u16..=999,
    ) {
        let code = EnhancedCode::new(class, subject, detail).expect("valid by construction");
        prop_assert_eq!(EnhancedCode::parse(&code.to_string()), Ok(code));
        let found = explain(&code.to_string()).expect("an enhanced code");
        prop_assert_eq!(found.enhanced.and_then(|e| e.code), Some(code));
    }
}

#[test]
fn a_megabyte_of_input_is_handled() {
    let big = "553 ".repeat(250_000);
    assert!(explain(&big).is_ok());
    let big = "é".repeat(500_000);
    assert!(explain(&big).is_err());
    let _ = search(&big);
}
