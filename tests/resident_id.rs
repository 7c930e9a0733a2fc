//! Resident identity numbers (GB 11643): the vectors in
//! tests/vectors/resident-id.tsv, properties, and masking.
#![cfg(all(feature = "resident-id", not(target_arch = "wasm32")))]

use proptest::prelude::*;
use xinyong::result::DiagnosisKind;
use xinyong::{resident_id, ErrorKind, IdKind, ValidateOptions};

const VECTORS: &str = include_str!("vectors/resident-id.tsv");

/// Rows of the vector file: comments skipped, header dropped, split on tabs.
fn rows() -> Vec<Vec<&'static str>> {
    VECTORS.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect()).collect()
}

fn error_keys(errors: &[xinyong::IdError]) -> Vec<String> {
    let mut keys: Vec<String> = errors
        .iter()
        .map(|e| match e.position {
            Some(p) => format!("{}@{p}", e.kind),
            None => e.kind.to_string(),
        })
        .collect();
    keys.sort();
    keys
}

fn expected_keys(column: &str) -> Vec<String> {
    let mut keys: Vec<String> = column.split_whitespace().filter(|k| *k != "-").map(str::to_owned).collect();
    keys.sort();
    keys
}

#[test]
fn vectors() {
    let rows = rows();
    assert!(rows.len() >= 35, "{} rows", rows.len());
    for row in rows {
        let [input, valid, errors, upgraded, birth, source] = row[..] else { panic!("bad row {row:?}") };
        let r = resident_id::validate(input);
        assert_eq!(r.kind, IdKind::ResidentId);
        assert_eq!(r.valid, valid == "yes", "{input:?} ({source}): {:?}", r.errors);
        assert_eq!(resident_id::is_valid(input), r.valid, "{input:?}");
        assert_eq!(error_keys(&r.errors), expected_keys(errors), "{input:?} ({source})");
        let birth = (birth != "-").then_some(birth);
        assert_eq!(r.parts.birth_date.as_deref(), birth, "{input:?}");
        let legacy: Vec<_> =
            r.diagnoses.iter().filter(|d| d.kind == DiagnosisKind::LegacyResidentId).collect();
        if upgraded == "-" {
            assert!(legacy.is_empty(), "{input:?}");
            assert!(resident_id::upgrade15(input).is_err(), "{input:?}");
        } else {
            assert_eq!(legacy.len(), 1, "{input:?}");
            assert_eq!(legacy[0].candidates, [upgraded]);
            assert_eq!(resident_id::upgrade15(input).as_deref(), Ok(upgraded));
            assert!(resident_id::is_valid(upgraded), "{upgraded}");
            // The message never repeats the number (messages get logged).
            assert!(!legacy[0].message.en.contains(input) && !legacy[0].message.en.contains(upgraded));
        }
        if r.valid {
            assert!(r.suggestions.is_empty());
            let normalized = &r.normalized;
            assert_eq!(r.parts.division_code.as_deref(), Some(&normalized[..6]));
            assert_eq!(
                resident_id::check_char(&normalized[..17]).map(String::from),
                Ok(normalized[17..].to_owned())
            );
        }
        for e in &r.errors {
            assert!(
                !e.message.zh_hans.is_empty() && !e.message.zh_hant.is_empty() && !e.message.en.is_empty()
            );
        }
    }
}

#[test]
fn check_character_error_names_the_expected_character() {
    let r = resident_id::validate("36042619910102009X");
    assert_eq!(r.errors.len(), 1);
    let e = &r.errors[0];
    assert_eq!((e.kind, e.position), (ErrorKind::CheckChar, Some(18)));
    assert_eq!((e.expected.as_deref(), e.found.as_deref()), (Some("3"), Some("X")));
    assert_eq!(e.message.en, "position 18: check character should be 3, found X");
    // The single substitution of the check character is among the suggestions.
    assert!(r.suggestions.iter().any(|s| s.code == "360426199101020093"), "{:?}", r.suggestions);
}

#[test]
fn lower_case_x_is_upper_cased_with_a_note() {
    let r = resident_id::validate("44011320141005001x");
    assert!(r.valid);
    assert_eq!(r.normalized, "44011320141005001X");
    assert_eq!(r.parts.check_char.as_deref(), Some("X"));
    assert!(r.notes.iter().any(|n| n.kind == xinyong::normalize::NoteKind::Uppercased));
}

#[test]
fn birth_date_error_leaves_the_date_out_of_the_message() {
    let r = resident_id::validate("110105194902290029");
    let e = &r.errors[0];
    assert_eq!(e.kind, ErrorKind::BirthDate);
    assert_eq!(e.found.as_deref(), Some("19490229"));
    assert!(!e.message.en.contains("1949") && !e.message.zh_hans.contains("1949"), "{}", e.message.en);
}

#[test]
fn check_char_and_upgrade15_errors() {
    assert_eq!(resident_id::check_char("1101051949123100").unwrap_err().kind, ErrorKind::Length);
    let e = resident_id::check_char("1101051949123100A").unwrap_err();
    assert_eq!((e.kind, e.position), (ErrorKind::Character, Some(17)));
    assert_eq!(resident_id::check_char(" １１０１０５１９４９１２３１００２ "), Ok('X'));
    assert_eq!(resident_id::upgrade15("11010549123100").unwrap_err().kind, ErrorKind::Length);
    assert_eq!(resident_id::upgrade15("11010549123100A").unwrap_err().kind, ErrorKind::Character);
    let e = resident_id::upgrade15("110105490229002").unwrap_err(); // 1949-02-29
    assert_eq!((e.kind, e.position), (ErrorKind::BirthDate, Some(11)));
    // 1900 is no leap year: the legacy 000229 is no real day.
    assert_eq!(resident_id::upgrade15("110105000229002").unwrap_err().kind, ErrorKind::BirthDate);
    assert_eq!(resident_id::upgrade15("440524800101001"), Ok("440524198001010013".into()));
}

#[test]
fn unknown_division_is_a_warning_only() {
    let r = resident_id::validate("990426199112010074");
    assert!(r.valid);
    #[cfg(feature = "divisions")]
    assert!(
        r.warnings.iter().any(|w| w.kind == xinyong::result::WarningKind::DivisionUnknown),
        "{:?}",
        r.warnings
    );
    let r = resident_id::validate("360426199101010071");
    #[cfg(feature = "divisions")]
    assert!(r.parts.division.is_some() && r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn suggestions_follow_the_options() {
    let off = ValidateOptions { suggestions: false, ..Default::default() };
    assert!(resident_id::validate_with("110105194912310021", &off).suggestions.is_empty());
    let on = resident_id::validate("110105194912310021");
    assert!(on.suggestions.iter().all(|s| resident_id::is_valid(&s.code)));
    assert!(on.suggestions.iter().any(|s| s.code == "11010519491231002X"));
}

#[test]
fn json_shape() {
    let r = resident_id::validate("110105491231002");
    let json: serde_json::Value = serde_json::from_str(&xinyong::json::to_string(&r)).unwrap();
    assert_eq!(json["kind"], "resident_id");
    assert_eq!(json["parts"]["birthDate"], "1949-12-31");
    assert_eq!(json["diagnoses"][0]["kind"], "legacy_resident_id");
    assert_eq!(json["diagnoses"][0]["candidates"][0], "11010519491231002X");
    let r = resident_id::validate("110105194902290029");
    let json: serde_json::Value = serde_json::from_str(&xinyong::json::to_string(&r)).unwrap();
    assert_eq!(json["errors"][0]["kind"], "birth_date");
    assert_eq!(json, serde_json::to_value(&r).unwrap(), "the crate's writer agrees with serde");
}

// ---------------------------------------------------------------------------
// Masking

#[test]
fn mask_default_keeps_six_and_four() {
    assert_eq!(resident_id::mask_default("11010519491231002X"), "110105********002X");
    assert_eq!(resident_id::mask("11010519491231002x", 6, 4), "110105********002X");
    assert_eq!(resident_id::mask(" 110105 19491231 002X ", 6, 4), "110105********002X");
}

#[test]
fn mask_custom() {
    assert_eq!(resident_id::mask("11010519491231002X", 4, 4), "1101**********002X");
    assert_eq!(resident_id::mask("11010519491231002X", 1, 2), "1***************2X");
    assert_eq!(resident_id::mask("11010519491231002X", 0, 0), "******************");
    assert_eq!(resident_id::mask("11010519491231002X", 0, 4), "**************002X");
    assert_eq!(resident_id::mask("110105491231002", 6, 4), "110105*****1002");
}

#[test]
fn mask_short_and_odd_input_never_panics_and_never_shows_everything() {
    assert_eq!(resident_id::mask("", 6, 4), "");
    assert_eq!(resident_id::mask("1234", 6, 4), "****");
    assert_eq!(resident_id::mask("1234567890", 6, 4), "**********");
    assert_eq!(resident_id::mask("12345678901", 6, 4), "123456*8901");
    assert_eq!(resident_id::mask("11010519491231002X", usize::MAX, usize::MAX), "******************");
    assert_eq!(resident_id::mask("11010519491231002X", usize::MAX, 0), "******************");
    // Non-ASCII: characters are counted, not bytes.
    assert_eq!(resident_id::mask("张三的身份证号码是这个吗", 2, 2), "张三********个吗");
    assert_eq!(resident_id::mask("😀😀😀😀😀", 1, 1), "😀***😀");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// check_char of a 17-digit body with a real birth date makes it valid.
    #[test]
    fn check_char_completes_a_valid_number(
        address in "[0-9]{6}",
        date in (1800u32..=2099, 1u32..=12, 1u32..=31),
        sequence in "[0-9]{3}",
    ) {
        let (y, m, d) = date;
        prop_assume!(chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some());
        let body = format!("{address}{y:04}{m:02}{d:02}{sequence}");
        let c = resident_id::check_char(&body).unwrap();
        let id = format!("{body}{c}");
        prop_assert!(resident_id::is_valid(&id), "{id}");
        let r = resident_id::validate(&id);
        prop_assert!(r.valid);
        let expected_date = format!("{y:04}-{m:02}-{d:02}");
        prop_assert_eq!(r.parts.birth_date.as_deref(), Some(expected_date.as_str()));
        prop_assert!(resident_id::is_valid(&id.to_lowercase()));
    }

    /// Any 17 digits: the check character from check_char never yields a
    /// check_char error (the birth date may still be wrong).
    #[test]
    fn check_char_agrees_with_validate(body in "[0-9]{17}") {
        let c = resident_id::check_char(&body).unwrap();
        let r = resident_id::validate(&format!("{body}{c}"));
        prop_assert!(r.errors.iter().all(|e| e.kind == ErrorKind::BirthDate), "{:?}", r.errors);
    }

    /// Any single substitution (a digit, or X at the check position) in a
    /// valid number is detected.
    #[test]
    fn single_substitution_is_detected(
        address in "[0-9]{6}",
        date in (1900u32..=2030, 1u32..=12, 1u32..=28),
        sequence in "[0-9]{3}",
        position in 0usize..18,
        replacement in prop::sample::select(b"0123456789X".to_vec()),
    ) {
        let (y, m, d) = date;
        let body = format!("{address}{y:04}{m:02}{d:02}{sequence}");
        let id = format!("{body}{}", resident_id::check_char(&body).unwrap());
        let mut bytes = id.clone().into_bytes();
        prop_assume!(bytes[position] != replacement);
        prop_assume!(replacement != b'X' || position == 17);
        bytes[position] = replacement;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(!resident_id::is_valid(&changed), "{id} -> {changed}");
        prop_assert!(!resident_id::validate(&changed).valid);
    }

    /// Masking never panics and never shows more than it keeps.
    #[test]
    fn mask_never_panics(input in "\\PC{0,40}", start in 0usize..30, end in 0usize..30) {
        let masked = resident_id::mask(&input, start, end);
        let normalized = xinyong::normalize::normalize(&input).value;
        let n = normalized.chars().count();
        prop_assert_eq!(masked.chars().count(), n);
        let shown = masked.chars().filter(|&c| c != '*').count();
        prop_assert!(shown <= start + end && (shown < n || n == 0 || normalized.chars().all(|c| c == '*')));
    }

    /// validate never panics, and is_valid agrees with it.
    #[test]
    fn validate_is_total(input in "\\PC{0,24}") {
        let r = resident_id::validate(&input);
        prop_assert_eq!(r.valid, r.errors.is_empty());
        prop_assert_eq!(resident_id::is_valid(&input), r.valid);
    }
}
