//! Typo suggestions: every suggestion is a valid code one edit away, none for
//! a valid code, no duplicates, and `validate` lists a prefix of them.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xinyong::{suggest, uscc, EditKind, ValidateOptions};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let all = suggest::suggest_uscc(&input);
    let normalized = xinyong::normalize::normalize(&input).value;
    if uscc::is_valid(&input) {
        assert!(all.is_empty(), "no suggestions for a valid code: {input:?}");
    }
    let n: Vec<char> = normalized.chars().collect();
    for (i, s) in all.iter().enumerate() {
        assert!(uscc::is_valid(&s.code), "{s:?} for {input:?}");
        assert!(all[..i].iter().all(|t| t.code != s.code), "duplicate {s:?}");
        let c: Vec<char> = s.code.chars().collect();
        assert_eq!(c.len(), uscc::LENGTH);
        // Exactly one edit of the kind it claims.
        let ok = match s.edit {
            EditKind::Substitution => {
                n.len() == c.len() && n.iter().zip(&c).filter(|(a, b)| a != b).count() == 1
            }
            EditKind::Transposition => {
                let p = s.positions[0] - 1;
                let mut t = n.clone();
                t.len() == c.len() && p + 1 < t.len() && {
                    t.swap(p, p + 1);
                    t == c
                }
            }
            EditKind::Insertion => {
                let p = s.positions[0] - 1;
                let mut t = c.clone();
                p < t.len() && {
                    t.remove(p);
                    t == n
                }
            }
            EditKind::Deletion => {
                let p = s.positions[0] - 1;
                let mut t = n.clone();
                p < t.len() && {
                    t.remove(p);
                    t == c
                }
            }
        };
        assert!(ok, "{s:?} is not the edit it claims of {normalized:?}");
    }
    let options = ValidateOptions { max_suggestions: 3, ..ValidateOptions::default() };
    let v = uscc::validate_with(&input, &options);
    let codes = |s: &[xinyong::Suggestion]| s.iter().map(|s| s.code.clone()).collect::<Vec<_>>();
    if !v.valid {
        assert_eq!(codes(&v.suggestions), codes(&all[..all.len().min(3)]), "{input:?}");
    }
});
