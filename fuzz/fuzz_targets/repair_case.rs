//! Credit-repair case JSON: parsing and evaluation never panic; a parsed case
//! evaluates (it was validated on parsing); eligible ⇒ nothing unmet.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::repair::{parse_case_json, repair_eligibility};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_case_json(text) {
        Ok(case) => match repair_eligibility(&case) {
            Ok(a) => {
                if a.eligible {
                    assert!(a.unmet.is_empty(), "eligible with unmet items: {text}");
                    assert!(a.determined, "eligible but undetermined: {text}");
                }
                serde_json::to_string(&a).expect("an answer serializes");
            }
            Err(e) => assert!(!e.message.en.is_empty(), "{e:?}"),
        },
        Err(e) => {
            assert!(!e.message.en.is_empty(), "{e:?}");
            serde_json::to_string(&e).expect("an error serializes");
        }
    }
});
