//! The shared vector files, run natively (`cargo test`) and as wasm
//! (`wasm-pack test --node` and `--headless --chrome`).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use xinyong::{orgcode, regno, uscc, ValidateOptions};

/// Rows of a vector file: comments skipped, header dropped, split on tabs.
fn rows(text: &str) -> Vec<Vec<&str>> {
    text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect()).collect()
}

/// `kind@position` strings for a result's errors, sorted.
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

const USCC_VALID: &str = include_str!("vectors/uscc-valid.tsv");
const USCC_INVALID: &str = include_str!("vectors/uscc-invalid.tsv");
const ORG_CODES: &str = include_str!("vectors/orgcode.tsv");
const REGISTRATION_NUMBERS: &str = include_str!("vectors/regno15.tsv");

#[test]
fn valid_usccs_are_valid() {
    let rows = rows(USCC_VALID);
    assert!(rows.len() > 150);
    for row in rows {
        let code = row[0];
        let r = uscc::validate(code);
        assert!(r.valid, "{code} ({}): {:?}", row[1], r.errors);
        assert!(uscc::is_valid(code), "{code}");
        assert!(r.errors.is_empty() && r.suggestions.is_empty() && r.diagnoses.is_empty());
        assert!(r.parts.authority.is_some() && r.parts.entity_type.is_some(), "{code}");
        assert_eq!(r.parts.division_code.as_deref(), Some(&code[2..8]));
        assert_eq!(r.parts.org_code, Some(format!("{}-{}", &code[8..16], &code[16..17])));
        // The organization code inside is valid on its own too.
        assert!(orgcode::is_valid(&code[8..17]), "{code}");
        assert_eq!(uscc::check_char(&code[..17]).map(String::from), Ok(code[17..].to_owned()));
    }
}

#[test]
fn invalid_usccs_get_their_errors_and_diagnosis() {
    let rows = rows(USCC_INVALID);
    assert!(rows.len() > 20);
    for row in rows {
        let (code, errors, diagnosis, reason) = (row[0], row[1], row[2], row[3]);
        let r = uscc::validate(code);
        assert!(!r.valid, "{code}");
        assert!(!uscc::is_valid(code), "{code}");
        assert_eq!(error_keys(&r.errors), expected_keys(errors), "{code}: {reason}");
        let diagnoses: Vec<String> = r
            .diagnoses
            .iter()
            .map(|d| serde_json::to_value(d.kind).unwrap().as_str().unwrap().to_owned())
            .collect();
        if diagnosis == "-" {
            assert!(diagnoses.is_empty(), "{code}: unexpected {diagnoses:?}");
        } else {
            assert!(diagnoses.iter().any(|d| d == diagnosis), "{code}: {diagnoses:?}, want {diagnosis}");
        }
        for e in &r.errors {
            assert!(
                !e.message.zh_hans.is_empty() && !e.message.zh_hant.is_empty() && !e.message.en.is_empty()
            );
        }
    }
}

#[test]
fn pilot_era_codes_are_accepted_only_with_the_option() {
    let accept = ValidateOptions { accept_pilot_codes: true, ..Default::default() };
    for row in rows(USCC_INVALID).into_iter().filter(|r| r[2] == "pilot_era") {
        let r = uscc::validate_with(row[0], &accept);
        assert!(r.valid && r.errors.is_empty(), "{}", row[0]);
        assert_eq!(r.warnings.len(), 1);
    }
    // The option does not accept an ordinary wrong check character.
    assert!(!uscc::validate_with("91110108551385082F", &accept).valid);
}

#[test]
fn organization_codes() {
    for row in rows(ORG_CODES) {
        let (code, valid, errors) = (row[0], row[1] == "yes", row[2]);
        let r = orgcode::validate(code);
        assert_eq!(r.valid, valid, "{code}");
        assert_eq!(orgcode::is_valid(code), valid, "{code}");
        assert_eq!(error_keys(&r.errors), expected_keys(errors), "{code}");
        if valid {
            assert_eq!(orgcode::check_char(&code[..8]).map(String::from), Ok(code[8..].to_owned()));
            // The printed form with a hyphen is the same code.
            assert!(orgcode::is_valid(&format!("{}-{}", &code[..8], &code[8..])));
        }
    }
}

#[test]
fn registration_numbers() {
    for row in rows(REGISTRATION_NUMBERS) {
        let (code, valid, errors) = (row[0], row[1] == "yes", row[2]);
        let r = regno::validate(code);
        assert_eq!(r.valid, valid, "{code}");
        assert_eq!(regno::is_valid(code), valid, "{code}");
        assert_eq!(error_keys(&r.errors), expected_keys(errors), "{code}");
        if valid {
            assert_eq!(regno::check_digit(&code[..14]).map(String::from), Ok(code[14..].to_owned()));
            assert_eq!(r.parts.division_code.as_deref(), Some(&code[..6]));
        }
    }
}
