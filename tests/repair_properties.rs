//! Property tests: date order guarantees and no panics on any input.
#![cfg(all(feature = "repair", not(target_arch = "wasm32")))]

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use xinyong::repair::dates::{self, Period};
use xinyong::repair::*;

fn date_in(lo: i32, hi: i32) -> impl Strategy<Value = NaiveDate> {
    (lo..=hi, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        (0..4)
            .find_map(|back| NaiveDate::from_ymd_opt(y, m, d - back))
            .unwrap_or(NaiveDate::from_ymd_opt(y, m, 1).unwrap())
    })
}

/// Mostly realistic dates, sometimes the extremes.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        8 => date_in(2015, 2032),
        1 => date_in(1, 30),
        1 => date_in(9990, 9999),
    ]
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 3 => s.prop_map(Some)].boxed()
}

fn kind() -> impl Strategy<Value = RecordKind> {
    prop_oneof![
        Just(RecordKind::AdministrativePenalty),
        Just(RecordKind::AbnormalOperations),
        Just(RecordKind::SeriousViolationList),
        Just(RecordKind::SeriousDishonestyList),
        Just(RecordKind::DishonestJudgmentDebtor),
    ]
}

fn track() -> impl Strategy<Value = Track> {
    prop_oneof![Just(Track::Ndrc), Just(Track::Samr), Just(Track::Court)]
}

fn severity() -> impl Strategy<Value = Severity> {
    prop_oneof![
        Just(Severity::Minor),
        Just(Severity::General),
        Just(Severity::Serious),
        Just(Severity::SpecificSerious)
    ]
}

fn sector() -> impl Strategy<Value = Sector> {
    prop_oneof![
        Just(Sector::Food),
        Just(Sector::Drugs),
        Just(Sector::SpecialEquipment),
        Just(Sector::WorkSafety),
        Just(Sector::Fire),
        Just(Sector::Other),
    ]
}

fn measure() -> impl Strategy<Value = Measure> {
    prop_oneof![
        Just(Measure::Warning),
        Just(Measure::CirculatedCriticism),
        Just(Measure::Fine),
        Just(Measure::LowFine),
        Just(Measure::Confiscation),
        Just(Measure::SuspendProduction),
        Just(Measure::RevokePermit),
        Just(Measure::RestrictEmployment),
        Just(Measure::Other),
    ]
}

fn selector() -> impl Strategy<Value = RuleSetSelector> {
    prop_oneof![
        6 => Just(RuleSetSelector::Auto),
        1 => Just(RuleSetSelector::Builtin(BuiltinRuleSet::Ndrc2019)),
        1 => Just(RuleSetSelector::Builtin(BuiltinRuleSet::Ndrc2023)),
        1 => Just(RuleSetSelector::Builtin(BuiltinRuleSet::Ndrc2026)),
        1 => Just(RuleSetSelector::Builtin(BuiltinRuleSet::Samr2021)),
        1 => Just(RuleSetSelector::Builtin(BuiltinRuleSet::Spc2017)),
    ]
}

prop_compose! {
    fn record()(
        kind in kind(), track in track(), severity in opt(severity()), sector in opt(sector()),
        measures in prop::collection::vec(measure(), 0..4),
        fine in opt(0.0f64..1e7),
        decided in opt(any_date()), published in opt(any_date()), listed in opt(any_date()),
        restriction in opt(any_date()),
        spc_item in opt(0u8..8), extension in opt(0u32..5),
        b in prop::collection::vec(opt(any::<bool>()), 12),
        unit in (opt(any_date()), opt(any_date())),
        refused in opt(any_date()),
        events in opt(prop::collection::vec(Just(DeletionEvent::Paid), 0..2)),
        cure in opt(Just(CureGround::AddressResolved)),
    ) -> Record {
        Record {
            kind, track, severity, sector, measures, fine_amount_yuan: fine,
            decided_on: decided, published_on: published, listed_on: listed, restriction_ends_on: restriction,
            spc_item, extension_years: extension,
            obligations_performed: b[0], corrected: b[1], commitment_signed: b[2], harm_removed: b[3],
            training_completed: b[4], credit_report_submitted: b[5], new_similar_penalty: b[6],
            new_serious_penalty: b[7], on_abnormal_list: b[8], on_serious_violation_list: b[9],
            cure_ground: cure, deletion_events: events,
            listing_unit_repair_from: unit.0, listing_unit_exit_on: unit.1,
            declared_unrepairable: b[10], repeat_offence: b[11], refused_for_false_materials_on: refused,
        }
    }
}

prop_compose! {
    fn case()(as_of in any_date(), rule_set in selector(), record in record(),
              threshold in opt(0.0f64..1e5), ban in opt(0u32..5),
              applied_on in opt(any_date()), received_on in opt(any_date())) -> RepairCase {
        RepairCase { as_of, rule_set, record, params: Params { low_fine_threshold_yuan: threshold, false_materials_ban_years: ban, ..Params::default() },
                     custom_rule_sets: Vec::new(), applied_on, received_on }
    }
}

// Cases that mostly evaluate (matching kind and track, plausible dates).
prop_compose! {
    fn valid_case()(mut c in case(), pick in 0usize..6, start in date_in(2016, 2030), gap in 0i64..2000) -> RepairCase {
        let (kind, track) = [
            (RecordKind::AdministrativePenalty, Track::Ndrc),
            (RecordKind::AdministrativePenalty, Track::Samr),
            (RecordKind::AbnormalOperations, Track::Samr),
            (RecordKind::SeriousViolationList, Track::Samr),
            (RecordKind::SeriousDishonestyList, Track::Ndrc),
            (RecordKind::DishonestJudgmentDebtor, Track::Court),
        ][pick];
        c.record.kind = kind;
        c.record.track = track;
        c.record.rule_set_fix();
        c.rule_set = RuleSetSelector::Auto;
        c.record.published_on = Some(start);
        c.record.listed_on = Some(start);
        c.record.decided_on = c.record.decided_on.filter(|d| *d <= start);
        c.as_of = start + chrono::Days::new(gap as u64);
        if c.record.spc_item.is_some_and(|n| !(1..=6).contains(&n)) { c.record.spc_item = Some(2); }
        c
    }
}

trait Fix {
    fn rule_set_fix(&mut self);
}
impl Fix for Record {
    fn rule_set_fix(&mut self) {
        if self.kind == RecordKind::AdministrativePenalty
            && self.track == Track::Samr
            && self.measures.is_empty()
        {
            self.measures.push(Measure::Confiscation);
        }
        if self.severity.is_none() {
            self.severity = Some(Severity::General);
        }
    }
}

fn check_order(case: &RepairCase, a: &RepairAnswer) -> Result<(), TestCaseError> {
    if let Some(e) = a.earliest_apply_date {
        if let Some(p) = case.record.published_on {
            prop_assert!(e >= p, "earliest {e} before publishedOn {p}");
        }
        if let Some(l) = case.record.listed_on {
            prop_assert!(e >= l, "earliest {e} before listedOn {l}");
        }
        if let Some(end) = a.publication_ends {
            prop_assert!(end >= e, "publicationEnds {end} before earliest {e}");
        }
    }
    if a.eligible {
        prop_assert!(a.unmet.is_empty());
        prop_assert!(a.determined);
        prop_assert!(a.earliest_apply_date.is_some_and(|e| e <= case.as_of));
        prop_assert!(a.publication_ends.is_none_or(|end| case.as_of <= end));
        prop_assert!(!a.never_early);
    } else {
        prop_assert!(!a.unmet.is_empty(), "ineligible without a reason: {a:?}");
    }
    if a.never_early {
        prop_assert!(a.earliest_apply_date.is_none());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_case_dates_are_ordered_and_nothing_panics(case in case()) {
        if let Ok(a) = repair_eligibility(&case) {
            check_order(&case, &a)?;
        }
    }

    #[test]
    fn plausible_cases_dates_are_ordered(case in valid_case()) {
        if let Ok(a) = repair_eligibility(&case) {
            check_order(&case, &a)?;
        }
    }

    #[test]
    fn json_round_trip_gives_same_answer(case in valid_case()) {
        let text = serde_json::to_string(&case).unwrap();
        let parsed = parse_case_json(&text);
        match (repair_eligibility(&case), parsed) {
            (Ok(a), Ok(p)) => prop_assert_eq!(Ok(a), repair_eligibility(&p)),
            (Err(e), Err(pe)) => prop_assert_eq!(e.kind, pe.kind),
            (Err(_), Ok(p)) => prop_assert!(repair_eligibility(&p).is_err()),
            (Ok(a), Err(e)) => prop_assert!(false, "parsed {e:?} but evaluated {a:?}"),
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,200}") {
        let _ = parse_case_json(&s).and_then(|c| repair_eligibility(&c));
        let _ = parse_rule_set_json(&s);
    }

    #[test]
    fn mutated_json_never_panics(case in case(), cut in 0usize..400, junk in "[\\[\\]{}\":,0-9a-z.eE+-]{0,8}") {
        let text = serde_json::to_string(&case).unwrap();
        let cut = cut.min(text.len());
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let mutated = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let _ = parse_case_json(&mutated).and_then(|c| repair_eligibility(&c));
    }

    #[test]
    fn period_last_day_follows_civil_code(event in date_in(1900, 2100), years in 0u32..5, months in 0u32..40) {
        let p = Period { years, months, days: 0 };
        let last = dates::period_last_day(event, p).unwrap();
        prop_assert!(last >= event);
        // Same day of month, or the last day of a month that has no such day.
        let next = last + chrono::Days::new(1);
        prop_assert!(last.day() == event.day() || (last.day() < event.day() && next.day() == 1));
        let total = i64::from(years) * 12 + i64::from(months);
        let month_index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        prop_assert_eq!(month_index(last) - month_index(event), total);
        prop_assert_eq!(dates::first_day_after(event, p), Some(next));
    }

    #[test]
    fn period_arithmetic_at_the_edge_is_checked(event in date_in(9990, 9999), years in 0u32..=200, months in 0u32..=2400, days in 0u32..=73000) {
        let p = Period { years, months, days };
        if let Some(last) = dates::period_last_day(event, p) {
            prop_assert!(last <= dates::max_date());
        }
    }
}
