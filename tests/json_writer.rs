//! `xinyong::json` (the serializer the WASM boundary uses) must
//! write exactly what `serde_json` writes from the `Serialize` derives: same
//! fields, order, skipped `None`s and escapes. Checked on every vector, every
//! division code in data/divisions.tsv, and generated hostile strings (native
//! only: proptest does not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use xinyong::json::{to_string, ToJson};
use xinyong::{orgcode, regno, uscc, ValidateOptions};

fn same<T: ToJson + serde::Serialize + ?Sized>(value: &T) {
    let ours = to_string(value);
    let serde = serde_json::to_string(value).expect("serializes");
    assert_eq!(ours, serde);
}

fn first_column(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split('\t').next()).collect()
}

fn all_inputs() -> Vec<String> {
    let mut inputs: Vec<String> = [
        include_str!("vectors/uscc-valid.tsv"),
        include_str!("vectors/uscc-invalid.tsv"),
        include_str!("vectors/orgcode.tsv"),
        include_str!("vectors/regno15.tsv"),
    ]
    .iter()
    .flat_map(|t| first_column(t))
    .map(str::to_owned)
    .collect();
    inputs.extend(
        [
            "",
            "９１３５０１００Ｍ０００１００Ｙ４Ａ",
            "9135 0100-m000100y43\u{200b}",
            "9.16201E+17",
            "916201000000000000",
            "\"\\\u{1}\u{1f}\n\r\t\u{8}\u{c}\u{7f}\u{2028}",
            "91350211M0000XUF46",
            "110101199003074477",
        ]
        .map(str::to_owned),
    );
    inputs
}

#[test]
fn validations_match_serde_on_every_vector() {
    let options = [
        ValidateOptions::default(),
        ValidateOptions { accept_pilot_codes: true, ..Default::default() },
        ValidateOptions { suggestions: false, ..Default::default() },
    ];
    for input in all_inputs() {
        for o in &options {
            same(&uscc::validate_with(&input, o));
            same(&orgcode::validate_with(&input, o));
            same(&regno::validate_with(&input, o));
        }
        same(&xinyong::suggest::suggest_uscc(&input));
        same(&xinyong::normalize::normalize(&input));
    }
    let all: Vec<_> = all_inputs().iter().map(|i| uscc::validate(i)).collect();
    same(&all);
}

#[test]
fn divisions_match_serde_for_every_code() {
    let tsv = include_str!("../data/divisions.tsv");
    let mut checked = 0;
    for code in first_column(tsv) {
        same(&xinyong::divisions::division(code));
        checked += 1;
    }
    assert!(checked > 6_000, "{checked}");
    for code in ["", "12345", "999999", "100000", "330201", "45110", " 451102 "] {
        same(&xinyong::divisions::division(code));
    }
}

proptest! {
    #[test]
    fn arbitrary_strings_match_serde(s in "\\PC{0,24}|[\\x00-\\x7f]{0,24}") {
        same(&uscc::validate(&s));
        same(&xinyong::normalize::normalize(&s));
        same(s.as_str());
    }

    #[test]
    fn numbers_match_serde(n in any::<u64>(), m in any::<u16>()) {
        same(&(n as usize));
        same(&m);
    }
}

proptest! {
    /// Strings with escapes at every offset of the eight-byte fast path.
    #[test]
    fn escapes_anywhere_match_serde(prefix in "[a-z中]{0,17}", special in "[\\x00-\\x1f\"\\\\]", suffix in "[a-z文]{0,17}") {
        same(format!("{prefix}{special}{suffix}").as_str());
    }
}

proptest! {
    #[test]
    fn signed_numbers_match_serde(n in any::<i64>(), m in any::<i32>(), u in any::<u32>()) {
        same(&n);
        same(&m);
        same(&u);
        same(&[n, -n.saturating_abs(), 0]);
    }
}

/// Every variant of the enums the results carry, against serde's name.
#[test]
fn report_enums_match_serde() {
    #[cfg(feature = "repair")]
    {
        use xinyong::repair::*;
        for v in [Track::Ndrc, Track::Samr, Track::Court] {
            same(&v);
        }
        for v in [Confidence::A, Confidence::B, Confidence::C] {
            same(&v);
        }
        for v in [ProcedureStep::Feedback, ProcedureStep::Decision] {
            same(&v);
        }
        for v in [ConditionStatus::NotMet, ConditionStatus::NotStated] {
            same(&v);
        }
        same(&RepairWarningKind::RulesMayBeOutdated);
        use UnmetKind as U;
        for v in [
            U::WaitingPeriod,
            U::RestrictionRunning,
            U::ReapplyBan,
            U::EarlyRepairExcluded,
            U::DeclaredUnrepairable,
            U::RepairNotNeeded,
            U::NoEarlyWindow,
            U::PublicationEnded,
            U::RepeatOffence,
            U::ParameterMissing,
            U::RecordFieldMissing,
            U::Corrected,
            U::ObligationsPerformed,
            U::CommitmentSigned,
            U::HarmRemoved,
            U::TrainingCompleted,
            U::CreditReportSubmitted,
            U::NoNewSimilarPenalty,
            U::NotOnAbnormalList,
            U::NotOnSeriousViolationList,
            U::NoNewSeriousPenalty,
            U::CauseCured,
            U::DeletionEvent,
            U::PerformedOrCorrected,
        ] {
            same(&v);
        }
        use RepairErrorKind as E;
        for v in [
            E::InvalidJson,
            E::MissingField,
            E::InvalidValue,
            E::InvalidDate,
            E::DateOutOfRange,
            E::InconsistentDates,
            E::UnknownRuleSet,
            E::NoRuleSetInForce,
            E::TrackMismatch,
            E::NoRuleForRecord,
            E::InvalidRuleSet,
        ] {
            // The wasm boundary throws `as_str()` as the error's kind.
            assert_eq!(serde_json::to_value(v).unwrap(), v.as_str());
        }
    }
    #[cfg(feature = "status")]
    {
        use xinyong::status::*;
        use ListKind as L;
        for v in [L::Red, L::Black, L::AbnormalOperations, L::SeriousViolation, L::DishonestJudgmentDebtor] {
            same(&v);
        }
        for v in [MeasureKind::Mandatory, MeasureKind::Recommended] {
            same(&v);
        }
        for v in [ObjectionStatus::Pending, ObjectionStatus::Upheld, ObjectionStatus::Rejected] {
            same(&v);
        }
        use EntryState as S;
        for v in [S::Upcoming, S::Active, S::Suspended, S::Expired, S::Exited, S::Repaired, S::Voided] {
            same(&v);
        }
        use Verdict as V;
        for v in [V::Restricted, V::Suspended, V::Attention, V::Trustworthy, V::Clear] {
            same(&v);
        }
    }
    #[cfg(feature = "workdays")]
    {
        use xinyong::workdays::{WorkdayError, WorkdayErrorKind as K};
        for kind in [
            K::YearNotCovered,
            K::InvalidJson,
            K::InvalidYear,
            K::InvalidDate,
            K::DateOutsideYear,
            K::DuplicateDate,
            K::ConflictingDate,
            K::NotAWeekend,
            K::WeekendHoliday,
            K::EmptyHolidays,
            K::YearAlreadyCovered,
            K::OutOfRange,
        ] {
            same(&kind);
            let message = xinyong::i18n::Text::new("甲\"", "乙\n", "c\\");
            same(&WorkdayError { kind, field: None, year: None, message: message.clone() });
            same(&WorkdayError { kind, field: Some("2027.holidays[3]".into()), year: Some(-7), message });
        }
    }
}

/// Every repair vector's answer (and `rulesInfo`).
#[cfg(feature = "repair")]
#[test]
fn repair_answers_match_serde_on_every_vector() {
    use serde_json::Value;
    use xinyong::repair::{parse_case_json, repair_eligibility, rules_info};
    let vectors: Value = serde_json::from_str(include_str!("vectors/repair-cases.json")).unwrap();
    let mut answers = 0;
    for case in vectors["cases"].as_array().unwrap() {
        let text = match case.get("inputText") {
            Some(Value::String(s)) => s.clone(),
            _ => case["input"].to_string(),
        };
        if let Ok(answer) = parse_case_json(&text).and_then(|c| repair_eligibility(&c)) {
            same(&answer);
            answers += 1;
        }
    }
    assert!(answers > 50, "{answers}");
    same(&rules_info().unwrap());
}

/// Every status vector's report, on its day and on days around it.
#[cfg(feature = "status")]
#[test]
fn status_reports_match_serde_on_every_vector() {
    use serde_json::Value;
    use xinyong::status::{parse_date, parse_entity_json, resolve_status};
    let vectors: Value = serde_json::from_str(include_str!("vectors/status-cases.json")).unwrap();
    let mut reports = 0;
    for case in vectors["cases"].as_array().unwrap() {
        let text = match case.get("entityText") {
            Some(Value::String(s)) => s.clone(),
            _ => case["entity"].to_string(),
        };
        let (Ok(entity), Some(as_of)) = (parse_entity_json(&text), case["asOf"].as_str()) else {
            continue;
        };
        let Ok(as_of) = parse_date(as_of, "asOf") else { continue };
        for shift in [-400, -30, 0, 1, 30, 400, 2000] {
            let day = as_of + chrono::Duration::days(shift);
            same(&resolve_status(&entity, day));
            reports += 1;
        }
    }
    assert!(reports > 100, "{reports}");
}

/// Publication deadlines from every month of the calendar, for both rules.
#[cfg(feature = "workdays")]
#[test]
fn deadlines_match_serde() {
    use chrono::NaiveDate;
    use xinyong::workdays::{publication_deadline, DeadlineRule};
    let mut checked = 0;
    for year in 2003..=2027 {
        for month in 1..=12 {
            for day in [1, 15, 28] {
                let d = NaiveDate::from_ymd_opt(year, month, day).unwrap();
                for rule in DeadlineRule::ALL {
                    match publication_deadline(d, rule) {
                        Ok(deadline) => {
                            same(&deadline);
                            checked += 1;
                        }
                        Err(e) => same(&e),
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}
