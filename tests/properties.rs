//! Property tests for the identifier algorithms (native only: proptest does
//! not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use xinyong::normalize::normalize;
use xinyong::uscc::{self, UsccParts, ALPHABET};
use xinyong::{orgcode, regno, EditKind};

/// Every (authority, entity type) pair GB 32100 and the code centre define,
/// written out here from uscc.md independently of the crate's table.
const PAIRS: &[(char, &str)] = &[
    ('1', "1239"),
    ('2', "19"),
    ('3', "123459"),
    ('4', "19"),
    ('5', "1239"),
    ('6', "129"),
    ('7', "129"),
    ('8', "19"),
    ('9', "123"),
    ('A', "19"),
    ('N', "1239"),
    ('Y', "1"),
];

fn pair() -> impl Strategy<Value = (char, char)> {
    prop::sample::select(PAIRS).prop_flat_map(|(a, types)| {
        prop::sample::select(types.chars().collect::<Vec<_>>()).prop_map(move |t| (a, t))
    })
}

fn alphabet_char() -> impl Strategy<Value = char> {
    prop::sample::select(ALPHABET.iter().map(|&b| b as char).collect::<Vec<_>>())
}

fn valid_code() -> impl Strategy<Value = String> {
    (pair(), "[0-9]{6}", prop::collection::vec(alphabet_char(), 8)).prop_map(|((a, t), division, body)| {
        let parts = UsccParts {
            authority: a.to_string(),
            entity_type: t.to_string(),
            division,
            org_body: body.into_iter().collect(),
        };
        uscc::generate(&parts).expect("generated from valid parts")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_codes_validate(code in valid_code()) {
        let r = uscc::validate(&code);
        prop_assert!(r.valid, "{} {:?}", code, r.errors);
        prop_assert!(uscc::is_valid(&code));
        prop_assert!(uscc::is_valid(&code.to_lowercase()));
        prop_assert!(orgcode::is_valid(&code[8..17]));
    }

    #[test]
    fn every_substitution_is_rejected_and_suggested(code in valid_code(), position in 0usize..17, replacement in alphabet_char()) {
        prop_assume!(code.as_bytes()[position] != replacement as u8);
        let mut typo = code.clone().into_bytes();
        typo[position] = replacement as u8;
        let typo = String::from_utf8(typo).unwrap();
        let r = uscc::validate(&typo);
        prop_assert!(!r.valid, "{} from {}", typo, code);
        let all = xinyong::suggest::suggest_uscc(&typo);
        prop_assert!(all.iter().any(|s| s.code == code), "{} not suggested for {}", code, typo);
        for s in &all {
            prop_assert!(uscc::is_valid(&s.code));
        }
    }

    #[test]
    fn every_transposition_is_rejected_and_suggested(code in valid_code(), position in 0usize..16) {
        let mut typo = code.clone().into_bytes();
        prop_assume!(typo[position] != typo[position + 1]);
        typo.swap(position, position + 1);
        let typo = String::from_utf8(typo).unwrap();
        prop_assert!(!uscc::is_valid(&typo), "{} from {}", typo, code);
        let all = xinyong::suggest::suggest_uscc(&typo);
        let found = all.iter().find(|s| s.code == code);
        prop_assert!(found.is_some(), "{} not suggested for {}", code, typo);
    }

    /// Issue 18: market-regulation codes (authority 9, the great majority)
    /// with the check character mistyped. Whatever kind of typo the other
    /// candidates would be (a look-alike, a neighbouring key), none that
    /// changes the authority ranks above the real fix: a trade union or a
    /// foreign news agency is far rarer than an enterprise.
    #[test]
    fn a_mistyped_check_character_of_an_enterprise_is_not_fixed_into_another_authority(
        entity_type in prop::sample::select(vec!['1', '2', '3']),
        division in "[1-6][0-9]{5}",
        body in prop_oneof![
            "[0-9]{8}",
            prop::collection::vec(alphabet_char(), 5).prop_map(|c| c.into_iter().collect::<String>())
                .prop_flat_map(|rest| (0u8..10).prop_map(move |d| format!("MA{d}{rest}"))),
        ],
        typed in alphabet_char(),
    ) {
        let parts = UsccParts { authority: "9".into(), entity_type: entity_type.to_string(), division, org_body: body };
        let code = uscc::generate(&parts).expect("generated from valid parts");
        prop_assume!(!code.ends_with(typed));
        let typo = format!("{}{typed}", &code[..17]);
        let all = xinyong::suggest::suggest_uscc(&typo);
        let real = all.iter().position(|s| s.code == code);
        prop_assert!(real.is_some(), "{} not suggested for {}", code, typo);
        for s in &all[..real.unwrap_or(0)] {
            prop_assert!(s.code.starts_with('9'), "{} ranks above {} for {}: {:?}", s.code, code, typo, all);
        }
    }

    #[test]
    fn a_dropped_character_is_suggested_back(code in valid_code(), position in 0usize..18) {
        let mut typo = code.clone();
        typo.remove(position);
        let all = xinyong::suggest::suggest_uscc(&typo);
        prop_assert!(all.iter().any(|s| s.code == code && s.edit == EditKind::Insertion));
    }

    #[test]
    fn normalization_is_idempotent(s in any::<String>()) {
        let once = normalize(&s).value;
        let twice = normalize(&once);
        prop_assert_eq!(&twice.value, &once);
        prop_assert!(twice.notes.is_empty());
    }

    #[test]
    fn is_valid_agrees_with_validate(s in any::<String>()) {
        prop_assert_eq!(uscc::is_valid(&s), uscc::validate(&s).valid);
        prop_assert_eq!(orgcode::is_valid(&s), orgcode::validate(&s).valid);
        prop_assert_eq!(regno::is_valid(&s), regno::validate(&s).valid);
    }

    #[test]
    fn is_valid_agrees_with_validate_near_valid_codes(code in valid_code(), noise in "[ a-z0-9\u{3000}\u{FF10}-\u{FF19}-]{0,3}", at in 0usize..18) {
        let mut s = code.clone();
        s.insert_str(at, &noise);
        prop_assert_eq!(uscc::is_valid(&s), uscc::validate(&s).valid, "{:?}", s);
    }

    #[test]
    fn a_valid_result_has_no_errors_and_suggestions_are_valid(s in "[0-9A-Z]{17,19}") {
        let r = uscc::validate(&s);
        prop_assert_eq!(r.valid, r.errors.is_empty());
        for sug in &r.suggestions {
            prop_assert!(uscc::is_valid(&sug.code));
        }
    }

    #[test]
    fn generated_org_codes_and_registration_numbers_validate(body in "[0-9A-Z]{8}", digits in "[0-9]{14}") {
        let org = format!("{}{}", body, orgcode::check_char(&body).unwrap());
        prop_assert!(orgcode::validate(&org).valid);
        let number = format!("{}{}", digits, regno::check_digit(&digits).unwrap());
        prop_assert!(regno::validate(&number).valid);
    }
}

#[test]
fn no_input_panics() {
    let huge = "9".repeat(4 << 20);
    let mixed = "９１３５\u{3000}-é\u{0}\u{FEFF}𝔘".repeat(100_000);
    for input in ["", " ", "\u{0}", "-", "Ｚ", huge.as_str(), mixed.as_str(), "\u{D7FF}\u{E000}\u{10FFFF}"] {
        for r in [uscc::validate(input), orgcode::validate(input), regno::validate(input)] {
            assert!(!r.valid);
            assert!(r.errors.len() <= 40, "errors are capped for long input");
        }
        let _ = xinyong::suggest::suggest_uscc(input);
        let _ = uscc::check_char(input);
    }
}

proptest! {
    /// `is_valid_lines` answers, line by line, what `is_valid` answers for
    /// each of `str::lines` (CRLF and a last line without a line end included).
    #[test]
    fn is_valid_lines_matches_is_valid_per_line(
        lines in proptest::collection::vec("91350100M000100Y43|[0-9A-Za-z \\r]{0,20}|\\PC{0,19}", 0..8),
        crlf in any::<bool>(),
        final_newline in any::<bool>(),
    ) {
        let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
        if final_newline && !lines.is_empty() {
            text.push('\n');
        }
        let expected: Vec<u8> = text.lines().map(|l| u8::from(uscc::is_valid(l))).collect();
        prop_assert_eq!(uscc::is_valid_lines(text.as_bytes()), expected);
    }
}

#[test]
fn is_valid_lines_treats_a_non_utf8_line_as_invalid() {
    assert_eq!(uscc::is_valid_lines(b"91350100M000100Y43\n\xff\xfe\n91350100M000100Y43"), [1, 0, 1]);
    assert_eq!(uscc::is_valid_lines(b"\n"), [0]);
    assert!(uscc::is_valid_lines(b"").is_empty());
}
