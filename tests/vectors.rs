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

#[cfg(feature = "divisions")]
const DIVISIONS: &str = include_str!("vectors/divisions.tsv");

#[cfg(feature = "divisions")]
#[test]
fn divisions() {
    use xinyong::divisions::division;
    let rows = rows(DIVISIONS);
    assert!(rows.len() >= 17);
    for row in rows {
        let (code, status, name, full, full_hant, valid_to, previous) =
            (row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
        let d = division(code);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["status"], status, "{code}");
        if name != "-" {
            assert_eq!(d.name.as_ref().map(|n| n.zh_hans.as_str()), Some(name), "{code}");
        }
        if full != "-" {
            assert_eq!(d.full_name.as_ref().map(|n| n.zh_hans.as_str()), Some(full), "{code}");
        }
        if full_hant != "-" {
            assert_eq!(d.full_name.as_ref().map(|n| n.zh_hant.as_str()), Some(full_hant), "{code}");
        }
        if valid_to != "-" {
            assert_eq!(d.valid_to.map(|y| y.to_string()).as_deref(), Some(valid_to), "{code}");
        }
        if let Some((old, year)) = previous.split_once('@') {
            let before = d.history.iter().find(|h| h.name.zh_hans == old).expect(old);
            assert_eq!(
                before.valid_to.map(|y| y + 1).map(|y| y.to_string()).as_deref(),
                Some(year),
                "{code}"
            );
        }
        if status == "unknown" {
            // Still names the province when the first two digits are one.
            assert!(d.province.is_some(), "{code}");
        }
    }
}

#[cfg(feature = "divisions")]
#[test]
fn division_names_and_warnings_in_identifier_results() {
    // 451102 八步区 (current): names, no warning.
    let code = uscc::generate(&xinyong::uscc::UsccParts {
        authority: "9".into(),
        entity_type: "1".into(),
        division: "451102".into(),
        org_body: "MA1FL0LY".into(),
    })
    .unwrap();
    let r = uscc::validate(&code);
    assert!(r.valid && r.warnings.is_empty());
    let full = r.parts.division.as_ref().and_then(|d| d.full_name.as_ref()).unwrap();
    assert_eq!(full.zh_hans, "广西壮族自治区贺州市八步区");
    // An abolished division (310103 卢湾区, to 2011) warns but stays valid.
    let code = code.replacen("451102", "310103", 1);
    let code = format!("{}{}", &code[..17], uscc::check_char(&code[..17]).unwrap());
    let r = uscc::validate(&code);
    assert!(r.valid, "{code}");
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].kind, xinyong::WarningKind::DivisionAbolished);
    assert!(r.warnings[0].message.zh_hans.contains("2011"));
    // The registration number carries its division too (310115 浦东新区).
    let r = regno::validate("310115600985533");
    let name = r.parts.division.as_ref().and_then(|d| d.name.as_ref()).unwrap();
    assert_eq!(name.zh_hans, "浦东新区");
}

#[cfg(not(feature = "divisions"))]
#[test]
fn without_the_table_results_carry_no_division() {
    let r = uscc::validate("91350100M000100Y43");
    assert!(r.valid && r.parts.division.is_none() && r.warnings.is_empty());
    assert_eq!(r.parts.division_code.as_deref(), Some("350100"));
}
