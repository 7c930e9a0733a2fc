//! `divisions::division`: never panics; its status equals `division_status`;
//! a well-formed code comes back as its own code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::divisions::{division, division_code_of, division_status, Status};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let d = division(&input);
    assert_eq!(d.status, division_status(&input), "{input:?}");
    let t = input.trim();
    if t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(d.code.as_deref(), Some(t), "{input:?}");
    } else {
        assert_eq!(d.status, Status::Unknown, "{input:?}");
    }
    serde_json::to_string(&d).expect("a division serializes");
    let _ = division_code_of(&input);
});
